"""Direct quotes: every quoted segment, with the reporting verb and speaker it belongs to.

A segment's cue is a reporting verb outside any quote, in the sentence(s) the segment
touches (or the sentence before a colon), preferring verbs syntactically linked to the
segment and then the nearest; its speaker is the verb's subject ("according to X": X).
Fragments inside a sentence ("the “illegal” blockade") need a verb that governs them. A
segment with no cue inherits the speaker of the quote it continues (split quotes,
multi-paragraph quotes, a quote paragraph right after a quote paragraph).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.quotes.context import QuoteArticle
from pipeline.nlp.quotes.cues import AS_VERBS, is_cue
from pipeline.nlp.quotes.documents import SPEAKER_TYPES
from pipeline.nlp.quotes.marks import Segment
from pipeline.nlp.quotes.speakers import Attribution, attribute, latest_event
from pipeline.nlp.records import Mention, Quote
from pipeline.nlp.syntax import is_negated, subject_of
from pipeline.nlp.token_view import view_of

MIN_UNATTRIBUTED_WORDS = 4  # shorter quoted text needs a speaker to count as a quote
MAX_TITLE_WORDS = 8  # a quoted title ("Meet the Press") is no longer than this


def _frame_sentences(art: QuoteArticle, seg: Segment) -> list[Span]:
    """The sentences a segment touches, plus a colon-ended sentence before it and a
    reporting clause the parser split off after it (", he said")."""
    text = art.text
    sents: list[Span] = []

    def add(sent: Span | None, first: bool = False) -> None:
        if sent is not None and all(s.start != sent.start for s in sents):
            sents.insert(0, sent) if first else sents.append(sent)

    add(art.sent_of(seg.open_pos))
    add(art.sent_of(max(seg.start, seg.outer_end - 1)))
    if not sents:
        return []
    block_hi = art.blocks[seg.block][1]
    # a colon just before the quote: "Mr Abbas said: “…”", possibly across a paragraph break
    p = seg.open_pos - 1
    while p >= 0 and text[p].isspace():
        p -= 1
    if p >= 0 and text[p] == ":":
        add(art.sent_of(p), first=True)
    # a reporting clause after the closing mark that the parser put in its own sentence
    q = seg.outer_end
    while q < block_hi and text[q].isspace():
        q += 1
    if q < block_hi and (text[q] in ",;" or text[q].islower()):
        add(art.sent_of(q))
    return sents


def _linked(cue: Token, inner: Span) -> bool:
    """Whether a cue verb governs the quoted tokens or hangs from them."""
    inner_ids = range(inner.start, inner.end)
    if cue.i in inner_ids:
        return False
    if cue.head.i in inner_ids and cue.dep_ in ("parataxis", "advcl", "conj", "ccomp", "dep", "relcl"):
        return True
    return any(cue.is_ancestor(t) for t in inner)


def _as_phrase_cut_off(cue: Token, inner: Span) -> bool:
    """ "plans to merge 35 agencies into nine - described by one civil service union as a
    “bonfire of the quangos”": a passive "described by X" whose "as" phrase, holding the
    quote, follows its words at once is the quote's report even when the parser hangs that
    phrase on an earlier verb."""
    if cue.lemma_.lower() not in AS_VERBS or cue.tag_ != "VBN" or cue.i >= inner.start:
        return False
    after = cue.right_edge.i + 1
    if after >= len(cue.doc) or cue.doc[after].lower_ != "as" or cue.doc[after].head == cue:
        return False
    between = [t for t in cue.doc[after + 1 : inner.start] if not t.is_punct]
    return all(t.pos_ == "DET" for t in between)


def _is_inline(art: QuoteArticle, seg: Segment) -> bool:
    """A fragment inside a sentence ("the “illegal” blockade") rather than a quoted utterance."""
    if seg.continues:
        return False
    sent = art.sent_of(seg.open_pos)
    if sent is None:
        return False
    before = art.text[sent.start_char : seg.open_pos].rstrip()
    if not before or before[-1] in ":,":
        return False
    return any(ch.isalnum() for ch in before)


def _find_cue(art: QuoteArticle, seg: Segment) -> Attribution | None:
    inner = art.tokens(seg.start, seg.end)
    if inner is None:
        return None
    inline = _is_inline(art, seg)
    own = art.sent_of(seg.open_pos)
    candidates = []
    doc = art.doc
    idx = view_of(doc).idx
    for sent in _frame_sentences(art, seg):
        for i in range(sent.start, sent.end):
            if art.in_quote(idx[i]):
                continue  # read from the view: a Token is made only outside the quotes
            token = doc[i]
            if not is_cue(token) or is_negated(token):
                continue
            linked = _linked(token, inner) or _as_phrase_cut_off(token, inner)
            if inline and not linked and (own is None or sent.start != own.start):
                continue  # a fragment belongs to a verb of its own sentence
            distance = min(abs(token.idx - seg.open_pos), abs(token.idx - seg.outer_end))
            candidates.append((not linked, distance, token.i, token))
    for *_, token in sorted(candidates, key=lambda c: c[:3]):
        attribution = attribute(art, token)
        if attribution is not None:
            return attribution
    return None if inline else _colon_introducer(art, seg)


def _colon_introducer(art: QuoteArticle, seg: Segment) -> Attribution | None:
    """ "Speaker Boehner issued a statement: “…”", "Obama reacted on Twitter: “…”": a quote
    opened right after a colon that ends a clause with no reporting verb is by the subject
    of that clause, when the subject names someone who can speak (the clause introduces
    the words; a colon after "The list includes" introduces no speaker)."""
    p = seg.open_pos - 1
    while p >= 0 and art.text[p].isspace():
        p -= 1
    colon = art.tokens(p, p + 1) if p >= 0 and art.text[p] == ":" else None
    if colon is None:
        return None
    verb = colon[0].head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.i > colon[0].i or verb.pos_ not in ("VERB", "AUX") or art.in_quote(verb.idx) or is_negated(verb):
        return None
    subject = subject_of(verb)
    found = art.index.at(subject) if subject is not None else None
    if found is None or found.kind not in ("name", "pronoun") or found.entity_type not in SPEAKER_TYPES:
        return None
    return attribute(art, verb)


def direct_quotes(art: QuoteArticle) -> list[Quote]:
    ctx = art.ctx
    quotes: list[Quote] = []
    attributed: list[tuple[Segment, Attribution | None]] = []
    for seg in art.segments:
        attribution = _find_cue(art, seg) or _inherited(art, seg, attributed)
        attributed.append((seg, attribution))
        sentence = ctx.sentence_at(seg.start)
        if sentence is None:
            continue
        content = art.text[seg.start : seg.end]
        if _is_title(content) or _name_after_noun(art, seg, content):
            continue  # "Meet the Press", "Thought for the Day": the name of a show, book or report
        if attribution is None or attribution.surface is None:
            if _is_inline(art, seg):
                continue  # a quoted phrase nobody is reported to say: scare quotes, titles
            if seg.close_pos is None and not seg.continues:
                continue  # an unbalanced mark with nobody speaking: not a quote
            if len(content.split()) < MIN_UNATTRIBUTED_WORDS or _looks_like_title(content):
                continue
        quotes.append(
            Quote(
                quote_id=f"{ctx.article_id}#q{seg.start}",
                article_id=ctx.article_id,
                sentence_id=sentence.sentence_id,
                speaker_mention_id=attribution.speaker.mention_id if attribution and attribution.speaker else None,
                speaker_surface=attribution.surface if attribution else None,
                text=content,
                kind="direct",
                cue=attribution.cue if attribution else None,
                char_start=seg.start,
                char_end=seg.end,
            )
        )
    return quotes


def _is_title(content: str) -> bool:
    """A short title-cased name in quote marks, with no sentence of its own: a title
    (shows, books, programmes, reports), never a quote, whoever is near it."""
    words = content.split()
    if not 1 <= len(words) <= MAX_TITLE_WORDS or content.rstrip()[-1:] in ".!?,;:":
        return False
    capitalised = [w for w in words if w[:1].isupper()]
    return len(capitalised) >= 2 and _looks_like_title(content)


def _name_after_noun(art: QuoteArticle, seg: Segment, content: str) -> bool:
    """ "accuses internet group 'Anonymous' of …", "a tool dubbed "Knol"": one capitalised
    word in quote marks right after a common noun, inside a sentence, names what the noun
    is (`_is_title` takes such names of two words or more); "called it "Orwellian"" follows
    a pronoun and stays a quote."""
    words = content.split()
    if len(words) != 1 or not words[0][:1].isupper() or content.rstrip()[-1:] in ".!?,;:":
        return False
    if seg.continues or not _is_inline(art, seg):
        return False
    p = seg.open_pos - 1
    while p > 0 and art.text[p].isspace():
        p -= 1
    before = art.tokens(p, p + 1)
    return before is not None and before[0].pos_ == "NOUN"


def _looks_like_title(content: str) -> bool:
    """Quoted titles and names ("the “Road to Peace” plan") are not quotes."""
    words = [w for w in content.split() if w[:1].isalpha()]
    small = {"of", "the", "a", "an", "and", "to", "in", "on", "for", "at", "by"}
    return bool(words) and all(w[0].isupper() or w.lower() in small for w in words)


def _inherited(
    art: QuoteArticle, seg: Segment, attributed: list[tuple[Segment, Attribution | None]]
) -> Attribution | None:
    """The speaker of the speech this segment continues, if it continues one:
    - the quote it carries on from the previous paragraph;
    - the latest speech earlier in its paragraph ("“…,” Lavrov said. “…”",
      "Mrs Robinson warned that … “…”");
    - for a paragraph that opens with a quote, the speech in the last sentence of the
      previous paragraph."""
    previous = next(((s, a) for s, a in reversed(attributed) if a is not None), None)
    if seg.continues:
        return attributed[-1][1] if attributed else None  # the quote left open just before
    if _is_inline(art, seg):
        return None
    lo, hi, chained, _ = art.blocks[seg.block]
    same_block = [(s.open_pos, a) for s, a in attributed if a is not None and s.block == seg.block]
    event = latest_event(art, lo, seg.open_pos)
    options = same_block + ([(event.cue_char, event)] if event is not None else [])
    if options:
        return max(options, key=lambda pair: pair[0])[1]
    first = next((p for p in range(lo, seg.open_pos + 1) if not art.text[p].isspace()), None)
    if first != seg.open_pos or not chained:
        return None
    prev_block = _previous_body_block(art, seg.block)
    if prev_block is None:
        return None
    p_lo, p_hi, _, _ = art.blocks[prev_block]
    last_sent = art.sent_of(p_hi - 1)
    if last_sent is None:
        return None
    tail_start = max(p_lo, last_sent.start_char)
    options = [
        (s.open_pos, a)
        for s, a in attributed
        if a is not None and s.block == prev_block and s.outer_end > tail_start
    ]
    event = latest_event(art, tail_start, p_hi)
    if event is not None:
        options.append((event.cue_char, event))
    if previous is not None and previous[0].block == prev_block and previous[0].close_pos is None:
        options.append((previous[0].open_pos, previous[1]))
    if not options:
        return _speaker_still_in_view(art, last_sent, p_lo, tail_start)
    return max(options, key=lambda pair: pair[0])[1] if options else None


def _speaker_still_in_view(art: QuoteArticle, last_sent: Span, lo: int, hi: int) -> Attribution | None:
    """ "… he added. Mr Raynsford dismissed a suggestion the move was … / “This is a response
    to …”": a quote paragraph after a paragraph whose last sentence reports no speech goes on
    with the latest speaker of that paragraph, when that sentence's main subject is the same
    person (the story has not turned to anyone else)."""
    event = latest_event(art, lo, hi)
    if event is None or event.speaker is None:
        return None
    subject = next((c for c in last_sent.root.children if c.dep_ == "nsubj"), None)
    found = _named(art, art.index.at(subject)) if subject is not None else None
    spoke = _named(art, event.speaker)
    if found is None or spoke is None or found.entity_type != spoke.entity_type:
        return None
    return event if found.name.split()[-1].lower() == spoke.name.split()[-1].lower() else None


def _named(art: QuoteArticle, mention: Mention | None) -> Mention | None:
    """The named mention a mention is, or a pronoun stands for."""
    if mention is not None and mention.kind == "pronoun":
        mention = next((m for m in art.index.mentions if m.mention_id == mention.antecedent), None)
    return mention if mention is not None and mention.kind == "name" else None


def _previous_body_block(art: QuoteArticle, block: int) -> int | None:
    for i in range(block - 1, -1, -1):
        section = art.blocks[i][3]
        if section == "body":
            return i
        if section != "caption":
            return None
    return None
