"""Quotes: direct and indirect speech with speakers, on the seeds and on small texts.

The model loads once per module; the seeds run through build_context -> detect_mentions ->
extract_quotes. Synthetic paragraphs check the quote-mark rules one at a time (split
quotes, colons, quotes across paragraphs, single-quote fragments against apostrophes,
unbalanced marks), and a property test throws random quote characters at the extractor.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.nlp.extract import build_context
from pipeline.nlp.mentions import detect_mentions
from pipeline.nlp.quotes import extract_quotes, find_quote_segments
from pipeline.nlp.records import Mention, Quote
from tests.conftest import SEED_000, SEED_004, named_by


def _chain_name(mention_id: str | None, by_id: dict[str, Mention]) -> str | None:
    return named_by(mention_id, by_id)


@pytest.fixture(scope="module")
def seeds(seed_extractions):
    return {stem: parsed[:3] for stem, parsed in seed_extractions.items()}


def _quotes(text: str, mentions: list[Mention] | None = None) -> list[Quote]:
    ctx = build_context("t", text)
    return extract_quotes(ctx, detect_mentions(ctx) if mentions is None else mentions)


def _find(quotes: list[Quote], fragment: str, kind: str = "direct") -> Quote:
    for quote in quotes:
        if quote.kind == kind and fragment in quote.text:
            return quote
    raise AssertionError(f"no {kind} quote containing {fragment!r} in {[q.text for q in quotes]}")


# --------------------------------------------------------------------------- seeds


def test_seed_quotes_are_exact_slices_in_their_sentence(seeds):
    for ctx, _, quotes in seeds.values():
        assert quotes
        for q in quotes:
            assert ctx.text[q.char_start : q.char_end] == q.text
            assert ctx.sentence_at(q.char_start).sentence_id == q.sentence_id
            assert q.quote_id == f"{ctx.article_id}#q{q.char_start}"
            assert q.kind in ("direct", "indirect")
            assert not q.text.startswith(("“", "”", '"')) or q.kind == "indirect"


def test_seed_000_direct_quotes_and_speakers(seeds):
    ctx, by_id, quotes = seeds[SEED_000]
    expected = {
        "The path is not easy": ("Lavrov", "said"),
        "There are quite a few complex and important issues to be resolved.": ("Lavrov", "said"),
        "The most sensitive of them was and remains": ("Lavrov", "said"),
        "understands the need to convince the Armenians": ("Lavrov", "went on"),
        "But there should be no attempts to artificially impose": ("Lavrov", "said"),
    }
    for fragment, (speaker, cue) in expected.items():
        quote = _find(quotes, fragment)
        assert speaker in (_chain_name(quote.speaker_mention_id, by_id) or ""), (fragment, quote)
        assert quote.cue == cue
    # a quote spanning two sentences starts in the first; quote marks stay out of the text
    multi = _find(quotes, "The most sensitive of them")
    assert multi.text.endswith("Armenian leadership.")
    assert multi.sentence_id == ctx.sentence_at(multi.char_start).sentence_id
    assert _find(quotes, "The path is not easy").text == "The path is not easy"
    # "he said" at the end of the article is Lavrov; the surface stays the pronoun
    last = _find(quotes, "But there should be no attempts")
    assert last.speaker_surface == "he"
    # "Karabakh’s", "sides’" and "Azerbaijan’s" are apostrophes, not quotes
    assert not any(q.text.startswith("s ") or q.text in ("s", "") for q in quotes)
    # quoted words inside a reported clause belong to the indirect quote (eval/GUIDE.md)
    for fragment, cue in (("illegal", "said"), ("complicating the negotiation process.", "said"),
                          ("some solutions", "expressed hope"), ("useful", "described")):
        assert not any(q.kind == "direct" and q.text == fragment for q in quotes), fragment
        assert _find(quotes, fragment, kind="indirect").cue == cue


def test_seed_000_indirect_speech(seeds):
    _, by_id, quotes = seeds[SEED_000]
    mirzoyan = _find(quotes, "blockade is “complicating", kind="indirect")
    assert "Mirzoyan" in _chain_name(mirzoyan.speaker_mention_id, by_id)
    described = _find(quotes, "the trilateral talks as “useful”", kind="indirect")
    assert described.cue == "described"
    stressed = _find(quotes, "he stressed the need to end", kind="indirect")
    assert "Lavrov" in _chain_name(stressed.speaker_mention_id, by_id)
    ministry = _find(quotes, "Pashinian’s move", kind="indirect")
    assert ministry.speaker_surface == "the Russian Foreign Ministry"
    # "he did not say when …" reports nothing
    assert not any(q.text.startswith("when such an agreement") for q in quotes)
    # a reported clause that is the direct quote itself is not repeated as indirect
    assert not any(q.kind == "indirect" and q.text.startswith("“The path") for q in quotes)


def test_seed_004_quotes(seeds):
    _, by_id, quotes = seeds[SEED_004]
    counting = _find(quotes, "We are counting on the process of talks to continue")
    assert "Lavrov" in _chain_name(counting.speaker_mention_id, by_id)
    # the next paragraph is a quote with no cue of its own: same speaker
    follow = _find(quotes, "But there should be no attempts artificially to impose")
    assert follow.speaker_mention_id == counting.speaker_mention_id
    said = _find(quotes, "Moscow had no intention of imposing any solution", kind="indirect")
    assert said.cue == "said" and "Lavrov" in _chain_name(said.speaker_mention_id, by_id)
    acknowledged = _find(quotes, "the issues surrounding Nagorno-Karabakh were", kind="indirect")
    assert acknowledged.cue == "acknowledged"
    assert not any(q.kind == "direct" and q.text == "in no way simple" for q in quotes)  # part of the clause
    called = _find(quotes, "the immediate opening of the Lachin corridor", kind="indirect")
    assert called.cue == "called for"
    assert called.speaker_surface == "Armenia’s foreign ministry"
    assert called.speaker_mention_id is not None
    rights = _find(quotes, "rights and security", kind="indirect")
    assert rights.speaker_surface == "Armenia’s foreign ministry"
    assert rights.speaker_mention_id == called.speaker_mention_id


# --------------------------------------------------------------------------- small texts


def test_split_quote_around_the_cue():
    quotes = _quotes("“The path is not easy,” Lavrov said. “There are many issues to be resolved.”\n")
    first, second = _find(quotes, "The path"), _find(quotes, "There are many")
    assert first.text == "The path is not easy"
    assert first.speaker_surface == second.speaker_surface == "Lavrov"
    assert second.cue == "said"


def test_colon_quote_and_inverted_cue():
    quotes = _quotes('Mr Abbas said: "We believe peace is possible now."\n\n"We are ready to talk," said Mr Straw.\n')
    assert _find(quotes, "We believe peace").speaker_surface == "Mr Abbas"
    assert _find(quotes, "We are ready to talk").speaker_surface == "Mr Straw"


def test_quote_continues_across_paragraphs():
    text = (
        "Officials met on Monday.\n\n"
        "“The first point is simple,” the minister said. “The second one is harder.\n\n"
        "“The third one nobody has solved yet.”\n\n"
        "Talks resumed later.\n"
    )
    quotes = _quotes(text)
    second = _find(quotes, "The second one is harder.")
    third = _find(quotes, "The third one nobody has solved yet.")
    assert second.speaker_surface == third.speaker_surface == "the minister"
    assert text[third.char_start - 1] == "“"


def test_single_quote_fragments_and_apostrophes():
    quotes = _quotes("Karabakh’s leaders said the ‘illegal’ blockade hurt the sides’ interests and Britain's 'unfair' rules.\n")
    # scare quotes inside the reported clause are part of the indirect quote, not direct quotes
    assert not [q for q in quotes if q.kind == "direct"]
    reported = [q for q in quotes if q.kind == "indirect"]
    assert len(reported) == 1 and "‘illegal’ blockade" in reported[0].text and "'unfair'" in reported[0].text
    assert reported[0].speaker_surface == "Karabakh’s leaders"


def test_fragment_needs_its_own_speaker():
    # a scare-quoted phrase nobody is reported to say is not a quote
    assert not [q for q in _quotes("The so-called “war on terror” continued for years.\n") if q.kind == "direct"]


@pytest.mark.parametrize(
    "text",
    [
        "He said “this never closes.\n",
        "A stray ” closer and a “ lone opener, he said.\n",
        "\"\"\"\"\" '' ‘’‘ ’ ‘ \" “”“ said the minister.\n",
        "Rock 'n' roll, the '90s and Lords' votes, she said.\n",
        "“Nested ‘single “double” marks’ here,” she said.\n",
        "She said: «Guillemets work too» and „low marks“ also.\n",
    ],
)
def test_odd_quote_marks_never_crash(text):
    ctx = build_context("t", text)
    for q in extract_quotes(ctx, detect_mentions(ctx)):
        assert ctx.text[q.char_start : q.char_end] == q.text
        assert ctx.sentence_at(q.char_start) is not None


def test_indirect_forms():
    text = (
        "The ministry called for an immediate ceasefire.\n\n"
        "According to the minister, the talks will resume in May.\n\n"
        "She described the plan as a failure.\n\n"
        "He did not say when the talks would end.\n"
    )
    quotes = [q for q in _quotes(text) if q.kind == "indirect"]
    by_cue = {q.cue: q for q in quotes}
    assert by_cue["called for"].text == "an immediate ceasefire"
    assert by_cue["called for"].speaker_surface == "The ministry"
    assert by_cue["According to"].text == "the talks will resume in May"
    assert by_cue["According to"].speaker_surface == "the minister"
    assert by_cue["described"].text == "the plan as a failure"
    assert "say" not in " ".join(by_cue)


def test_speaker_links_to_mentions():
    text = "Armenia’s foreign ministry said the corridor must open.\n\nMr Lavrov told reporters that talks went well.\n\nHe said “it is time,” later.\n"
    ctx = build_context("t", text)
    start = text.index("Lavrov")
    armenia = Mention("t#m0", "t", 0, "Armenia", 0, 7, "GPE", "COUNTRY", "name", "Armenia", "country:ARM")
    lavrov = Mention(f"t#m{start}", "t", 1, "Lavrov", start, start + 6, "PERSON", "PERSON", "name", "Lavrov")
    quotes = extract_quotes(ctx, [armenia, lavrov])
    said = _find(quotes, "the corridor must open", kind="indirect")
    assert said.speaker_surface == "Armenia’s foreign ministry"
    assert said.speaker_mention_id == "t#m0"  # no ministry mention: its country speaks
    told = _find(quotes, "talks went well", kind="indirect")
    assert told.speaker_surface == "Mr Lavrov" and told.speaker_mention_id == lavrov.mention_id
    # a pronoun no mention covers falls back to the latest person who spoke
    assert _find(quotes, "it is time").speaker_mention_id == lavrov.mention_id


# --------------------------------------------------------------------------- properties

QUOTE_ALPHABET = st.sampled_from(list("\"'“”‘’„«»‹›` ") + ["said", " he ", "Lavrov", ".", ",", ":", "\n\n", "Karabakh", "s"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(QUOTE_ALPHABET, min_size=1, max_size=30).map("".join))
def test_random_quote_marks_never_raise(text):
    ctx = build_context("h", text)
    for q in extract_quotes(ctx, []):
        assert ctx.text[q.char_start : q.char_end] == q.text
        assert q.char_start < q.char_end
        assert ctx.sentence_at(q.char_start).sentence_id == q.sentence_id


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \n\"'“”‘’„«»`.,")), max_size=80))
def test_segments_are_inside_the_text(text):
    segments = find_quote_segments(text, [(0, len(text), False)])
    for seg in segments:
        assert 0 <= seg.open_pos < seg.start < seg.end <= len(text)
        assert text[seg.start : seg.end].strip() == text[seg.start : seg.end]
