"""Who speaks: the speaker phrase and mention of a reporting verb, and the article's speech
events that pronouns and continued quotes fall back on.

Speakers link to the mention covering the subject's head word, else a name in apposition,
else a mention inside the subject phrase ("Armenia’s foreign ministry" falls back to
"Armenia"); a pronoun no mention covers falls back to the latest speaker.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from spacy.tokens import Token

from pipeline.nlp.quotes.context import QuoteArticle
from pipeline.nlp.quotes.cues import cue_text, is_cue, speaker_token
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import FIRST_PERSON, PERSONAL_PRONOUNS, is_negated, mention_of, noun_phrase_extent


@dataclass(frozen=True)
class Attribution:
    speaker: Mention | None
    surface: str | None
    cue: str | None
    cue_char: int | None = None  # where the cue verb is


def with_speech_events(art: QuoteArticle) -> QuoteArticle:
    """The context with its speech events: every reporting verb outside quotes that has a
    speaker (pronouns unresolved, since resolving them needs the events)."""
    events = []
    for token in art.doc:
        if token.dep_ in ("advcl", "xcomp") and is_cue(token.head):
            continue  # "said, commenting on …": one speech act, not two
        if is_cue(token) and not is_negated(token) and not art.in_quote(token.idx):
            found = _attribute(art, token, resolve_pronouns=False)
            if found is not None:
                events.append(found)
    return dataclasses.replace(art, events=tuple(events), attributions={})


def attribute(art: QuoteArticle, cue: Token) -> Attribution | None:
    """The speaker, speaker phrase and cue text of a reporting verb (memoised per token)."""
    if cue.i not in art.attributions:
        art.attributions[cue.i] = _attribute(art, cue, resolve_pronouns=True)
    return art.attributions[cue.i]


def _attribute(art: QuoteArticle, cue: Token, resolve_pronouns: bool) -> Attribution | None:
    subject = speaker_token(cue)
    if subject is None:
        return None
    if art.in_quote(subject.idx) and subject.lower_ not in FIRST_PERSON:
        return None  # the subject is quoted material, not a speaker
    start, end = noun_phrase_extent(subject)
    doc = art.doc
    s_char, e_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    mention = mention_of(subject, art.index, (start, end))
    covering = art.index.at(subject)
    if covering is not None and covering.char_start < e_char and covering.char_end > s_char:
        # the parser may split a name the mention holds whole ("Stop | Stansted Expansion")
        s_char, e_char = min(s_char, covering.char_start), max(e_char, covering.char_end)
    if mention is None and resolve_pronouns and subject.lower_ in PERSONAL_PRONOUNS:
        mention = fallback_pronoun(art, subject)
    c_start, c_end = cue_text(cue, art.text)
    return Attribution(mention, art.text[s_char:e_char], art.text[c_start:c_end], cue.idx)


def fallback_pronoun(art: QuoteArticle, pronoun: Token) -> Mention | None:
    """The latest named speaker before a pronoun no mention covers, else the latest person."""
    wanted = ("PERSON",) if pronoun.lower_ in ("he", "she", "him", "her") else None
    for event in reversed(art.events):
        m = event.speaker
        if event.cue_char is None or event.cue_char >= pronoun.idx or m is None or m.kind == "pronoun":
            continue
        if wanted is None or m.entity_type in wanted:
            return m
    return art.index.before(pronoun.idx, wanted)


def latest_event(art: QuoteArticle, lo: int, hi: int) -> Attribution | None:
    """The last speech event whose cue lies in [lo, hi)."""
    found = None
    for event in art.events:
        if event.cue_char is not None and lo <= event.cue_char < hi:
            found = event
    if found is None:
        return None
    return attribute(art, art.doc.char_span(found.cue_char, found.cue_char + 1, alignment_mode="expand")[0])
