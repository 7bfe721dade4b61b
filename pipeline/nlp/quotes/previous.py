"""The speech just before a point of the text, which several speaker rules take up ("the
culture secretary said", "a spokesman said", "…, he said" after a clause naming someone)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from pipeline.nlp.quotes.context import QuoteArticle
from pipeline.nlp.records import Mention

if TYPE_CHECKING:
    from pipeline.nlp.quotes.speakers import Attribution


def spoken_by(art: QuoteArticle, event: Attribution) -> Mention | None:
    """A speech event's speaker, a pronoun read as the mention it stands for."""
    m = event.speaker
    if m is not None and m.kind == "pronoun":
        return next((a for a in art.index.mentions if a.mention_id == m.antecedent), None)
    return m


def last_speech(art: QuoteArticle, char: int, sentences: int | None = None) -> Attribution | None:
    """The latest speech event whose cue is before `char`, no more than `sentences` sentences
    back (any number when None). A report inside another's reported clause ("He said his first
    reaction was to wonder if …") is part of that speech, not a turn of its own: the outer
    speaker is who spoke last."""
    here = art.sent_of(char)
    cues = {e.cue_char for e in art.events if e.cue_char is not None}
    for event in reversed(art.events):
        if event.cue_char is None or event.cue_char >= char or _reported_within(art, event.cue_char, cues):
            continue
        there = art.sent_of(event.cue_char)
        if sentences is not None and (here is None or there is None or sentences_between(art, there, here) > sentences):
            return None
        return event
    return None


def _reported_within(art: QuoteArticle, cue_char: int, cues: set[int]) -> bool:
    """Whether the cue at `cue_char` hangs below another speech event's cue in its sentence."""
    span = art.doc.char_span(cue_char, cue_char + 1, alignment_mode="expand")
    return span is not None and any(a.idx in cues for a in span[0].ancestors)


def sentences_between(art: QuoteArticle, earlier: Span, later: Span) -> int:
    """How many sentences start after `earlier` starts, up to `later` (parser sentences)."""
    return sum(1 for start in art.sent_starts if earlier.start_char < start <= later.start_char)


def surname(m: Mention) -> str:
    words = m.name.split()
    return words[-1].lower() if words else ""
