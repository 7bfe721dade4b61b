"""Stances: holders, targets and polarity, on the seeds and on small texts.

The seeds run through build_context -> detect_mentions -> extract_quotes ->
extract_stances once per module; small texts check polarity rules (cues, judging words,
deontic modals, attitude nouns) and negation one at a time.
"""

from __future__ import annotations

import pytest

from pipeline.nlp.extract import build_context
from pipeline.nlp.mentions import detect_mentions
from pipeline.nlp.quotes import extract_quotes
from pipeline.nlp.records import Mention, Stance
from pipeline.nlp.stances import extract_stances
from pipeline.nlp.stances.labels import gerund
from tests.conftest import SEED_000, SEED_004, named_by


def _name(mention_id: str | None, by_id: dict[str, Mention]) -> str:
    return named_by(mention_id, by_id) or ""


@pytest.fixture(scope="module")
def seeds(seed_extractions):
    return seed_extractions


def _stance(stances: list[Stance], by_id: dict, holder: str, target: str) -> Stance:
    for s in stances:
        if holder in _name(s.holder_mention_id, by_id) and s.target == target:
            return s
    found = [(_name(s.holder_mention_id, by_id), s.target, s.polarity) for s in stances]
    raise AssertionError(f"no stance of {holder!r} on {target!r}; found {found}")


def _stances(text: str) -> tuple[list[Stance], dict[str, Mention]]:
    ctx = build_context("t", text)
    mentions = detect_mentions(ctx)
    if not any(m.entity_type == "PERSON" for m in mentions):  # keep the rules testable on their own
        mentions = mentions + _person_mentions(ctx)
    quotes = extract_quotes(ctx, mentions)
    return extract_stances(ctx, quotes, mentions), {m.mention_id: m for m in mentions}


def _person_mentions(ctx) -> list[Mention]:
    out = []
    for ent in ctx.doc.ents:
        sentence = ctx.sentence_at(ent.start_char)
        if ent.label_ == "PERSON" and sentence is not None:
            out.append(
                Mention(f"t#m{ent.start_char}", "t", sentence.sentence_id, ent.text, ent.start_char, ent.end_char,
                        "PERSON", "PERSON", "name", ent.text)
            )
    return out


def _one(text: str, target: str) -> Stance:
    stances, _ = _stances(text)
    found = [s for s in stances if s.target == target]
    assert found, [(s.target, s.polarity) for s in stances]
    return found[0]


# --------------------------------------------------------------------------- seeds


def test_seed_stances_are_well_formed(seeds):
    for ctx, by_id, quotes, stances in seeds.values():
        assert stances
        quote_ids = {q.quote_id for q in quotes}
        for s in stances:
            assert s.polarity in ("support", "oppose", "neutral")
            assert 0.0 <= s.score <= 1.0
            assert s.holder_mention_id in by_id
            assert s.evidence == ctx.sentences[s.sentence_id].text
            assert s.quote_id is None or s.quote_id in quote_ids
            assert s.target and s.target == s.target.strip()
            assert not any(mark in s.target for mark in "“”\"")


def test_seed_000_stances(seeds):
    _, by_id, quotes, stances = seeds[SEED_000]
    blockade = _stance(stances, by_id, "Mirzoyan", "Lachin corridor blockade")
    assert blockade.polarity == "oppose" and blockade.score >= 0.8
    assert blockade.quote_id is not None
    imposed = _stance(stances, by_id, "Lavrov", "imposing agreements")  # via "he said"
    assert imposed.polarity == "oppose"
    assert _stance(stances, by_id, "Lavrov", "trilateral talks").polarity == "support"  # “useful”
    # "the need to end a grave humanitarian crisis … resulting from Azerbaijan's blockade of the
    # Lachin corridor": against the blockade that causes it, the harm no issue of its own
    assert _stance(stances, by_id, "Lavrov", "Lachin corridor blockade").polarity == "oppose"
    assert not any(s.target.startswith("humanitarian crisis") for s in stances)


def test_seed_004_stances(seeds):
    _, by_id, quotes, stances = seeds[SEED_004]
    checkpoint = _stance(stances, by_id, "Armenia", "Azeri checkpoint")
    assert checkpoint.polarity == "oppose" and checkpoint.quote_id is None  # a statement, not a quote
    opening = _stance(stances, by_id, "Ministry", "opening of the Lachin corridor")
    rights = _stance(stances, by_id, "Ministry", "rights and security of Karabakh's residents")
    assert opening.polarity == rights.polarity == "support"
    assert opening.holder_mention_id == rights.holder_mention_id
    called = next(q for q in quotes if q.cue == "called for" and q.kind == "indirect")
    assert opening.holder_mention_id == called.speaker_mention_id  # the ministry's own statement
    assert _stance(stances, by_id, "Lavrov", "imposing agreement").polarity == "oppose"
    assert _stance(stances, by_id, "Lavrov", "imposing solution").polarity == "oppose"  # "no intention of imposing"


# --------------------------------------------------------------------------- small texts


def test_cue_verbs_and_phrases():
    assert _one("Britain opposes the fuel tax.\n", "fuel tax").polarity == "oppose"
    welcomed = _one("France welcomed the peace treaty.\n", "peace treaty")
    assert welcomed.polarity == "support" and welcomed.quote_id is None
    urged = _one("Germany urged Russia to end the blockade.\n", "blockade")
    assert urged.polarity == "oppose"  # urging an end to a blockade


def test_negation_flips_or_neutralises():
    plain = _one("Britain supports the fuel tax.\n", "fuel tax")
    negated = _one("Britain does not support the fuel tax.\n", "fuel tax")
    assert plain.polarity == "support" and negated.polarity == "oppose"
    assert negated.score < plain.score
    weak, _ = _stances("“The fuel tax is not necessary,” John Smith said.\n")
    assert not [s for s in weak if s.target == "fuel tax"]  # a mild judging word negated takes no side
    firm = _one("“The fuel tax is not illegal,” John Smith said.\n", "fuel tax")
    assert firm.polarity == "support" and firm.score < 0.9


def test_intensifiers_strengthen():
    plain = _one("Mr Smith said: “We oppose the fuel tax.”\n", "fuel tax")
    strong = _one("Mr Smith said: “We strongly oppose the fuel tax.”\n", "fuel tax")
    assert plain.polarity == strong.polarity == "oppose"
    assert strong.score > plain.score


def test_judging_words_in_quotes():
    stances, by_id = _stances("“The blockade is illegal,” said John Smith.\n\n“The talks were not constructive,” he added.\n")
    blockade = next(s for s in stances if s.target == "blockade")
    assert blockade.polarity == "oppose" and "John Smith" in _name(blockade.holder_mention_id, by_id)
    talks = next(s for s in stances if s.target == "talks")
    assert talks.polarity == "oppose"  # "not constructive"


def test_judging_words_outside_quotes_are_the_reporter_s():
    stances, _ = _stances("The illegal blockade continued for months.\n")
    assert stances == []


def test_deontic_modals_and_attitudes():
    stances, _ = _stances("John Smith said: “We should not impose new sanctions. There must be fresh elections.”\n")
    by_target = {s.target: s for s in stances}
    assert by_target["imposing sanctions"].polarity == "oppose"
    assert by_target["fresh elections"].polarity == "support"
    need = _one("John Smith said: “There is a need to end the occupation.”\n", "occupation")
    assert need.polarity == "oppose"


def test_generic_targets_are_refined_or_dropped():
    assert _one("Mr Brown said: “We oppose the issue of ID cards.”\n", "ID cards").polarity == "oppose"
    stances, _ = _stances("Mr Brown said: “We oppose this thing.”\n")
    assert not stances


def test_entity_targets_link_to_mentions():
    text = "Armenia condemned Azerbaijan on Tuesday.\n"
    ctx = build_context("t", text)
    armenia = Mention("t#m0", "t", 0, "Armenia", 0, 7, "GPE", "COUNTRY", "name", "Armenia", "country:ARM")
    start = text.index("Azerbaijan")
    azerbaijan = Mention(f"t#m{start}", "t", 0, "Azerbaijan", start, start + 10, "GPE", "COUNTRY", "name", "Azerbaijan", "country:AZE")
    stances = extract_stances(ctx, extract_quotes(ctx, [armenia, azerbaijan]), [armenia, azerbaijan])
    assert [(s.holder_mention_id, s.target, s.target_mention_id, s.polarity) for s in stances] == [
        ("t#m0", "Azerbaijan", azerbaijan.mention_id, "oppose")
    ]


def test_gerunds():
    # action labels name the act as gold labels do ("building more prisons", "naming the election date")
    assert [gerund(v) for v in ("impose", "sign", "ban", "carry", "cut", "open", "die", "free", "dispel", "appeal")] == [
        "imposing", "signing", "banning", "carrying", "cutting", "opening", "dying", "freeing", "dispelling", "appealing",
    ]
    assert [gerund(v) for v in ("commit", "prefer", "quit", "visit", "offer")] == [
        "committing", "preferring", "quitting", "visiting", "offering",
    ]


def test_grounds_causes_and_proposers():
    # "criticised X over Y": the grounds are the target, not X (a generic noun gives way to its complement)
    stances, by_id = _stances("John Smith criticised the government over its case for war.\n")
    assert {(s.target, s.polarity) for s in stances} == {("war", "oppose")}
    # opposing an effect opposes its cause
    stances, _ = _stances("John Smith said: “We must end the crisis resulting from the blockade of the port.”\n")
    assert any(s.target == "blockade of the port" and s.polarity == "oppose" for s in stances), [
        (s.target, s.polarity) for s in stances
    ]
    # "the quota system planned by the Tories": the agent backs it; "avoid" opposes
    stances, by_id = _stances("Charles Clarke would avoid the quota system planned by the Tories.\n")
    found = {(_name(s.holder_mention_id, by_id), s.target, s.polarity) for s in stances}
    assert any(t == "quota system" and p == "oppose" for _, t, p in found), found
    assert any("Tor" in h or "Conservative" in h for h, t, p in found if t == "quota system" and p == "support"), found


def test_intention_of_the_speakers_state_is_the_speakers():
    # eval/GUIDE.md: a person reporting their state's position holds it; not both
    stances, by_id = _stances("John Smith said Britain had no intention of imposing sanctions.\n")
    holders = {_name(s.holder_mention_id, by_id) for s in stances if s.target == "imposing sanctions"}
    assert any("Smith" in h for h in holders) and not any("Kingdom" in h or "Britain" in h for h in holders), holders


def test_intention_of_another_body_is_its_own():
    stances, by_id = _stances("The BBC said Labour had no intention of imposing sanctions.\n")
    holders = {_name(s.holder_mention_id, by_id) for s in stances if s.target == "imposing sanctions"}
    assert any("Labour" in h for h in holders), holders


def test_headline_protest_names_its_cause_as_the_issue():
    """A headline naming a protest ("Thousands join strike in Wales", BBC politics) reports a
    dispute whose issue is what the protest is over or against, from its first mention that
    says so; a headline naming no protest keeps its own object."""
    from pipeline.nlp.lexicons import load_stance_lexicon
    from pipeline.nlp.stances.article_issue import headline_issue
    from pipeline.nlp.stances.context import stance_context

    def issue(text: str) -> str | None:
        ctx = build_context("t", text)
        mentions = detect_mentions(ctx)
        found = headline_issue(stance_context(ctx, extract_quotes(ctx, mentions), mentions, load_stance_lexicon()))
        return found[0] if found else None

    lede = "Thousands of civil servants were on strike across Wales on Friday in protest at planned job cuts.\n"
    assert issue(f"Thousands join strike in Wales\n\n{lede}") == "planned job cuts"
    assert issue("Thousands join strike in Wales\n\nThousands of civil servants were on strike across Wales.\n") == (
        "strike in Wales"
    )
