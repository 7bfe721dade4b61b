"""Arrivals: a person of one state arriving in another state as a visit.

"Chinese President Hu Jintao arrived in Brasilia on Friday": a verb of arriving (events.yaml
arrival_verbs) whose subject is a person the mention layer places in one state and whose
"in" or "at" phrase names another state, or a place of another state, reports a visit,
read as the dictionary's "visit" (PLOVER CONSULT visit: the visitor is the source, the host
state the target when the text names it). A person arriving at home, or one whose state is
not known, is no visit; an arrival "for a visit" is the visit noun's event already.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.draft import lemma_in, pobjs, read_as
from pipeline.nlp.events.vocabulary import ARRIVAL_VERBS
from pipeline.nlp.lexicons import EventTriggers, Trigger
from pipeline.nlp.syntax import MentionIndex


def arrival_trigger(token: Token, lexicon: EventTriggers, index: MentionIndex) -> tuple[Trigger, list[Token]] | None:
    """The dictionary's "visit" when a person of one state arrives in another, with the
    verb and its preposition as the words; else None."""
    if token.pos_ != "VERB" or not lemma_in(token, ARRIVAL_VERBS):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children):
        return None  # "arrived in India for a three-day visit": the visit noun reports it
    visitors = [
        m
        for c in token.children
        if c.dep_ == "nsubj"
        for m in index.all_at(c)
        if m.entity_type == "PERSON" and m.country_iso3
    ]
    if not visitors:
        return None
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
            continue
        places = [m for p in pobjs(prep) for m in index.all_at(p) if m.country_iso3]
        if places and all(m.country_iso3 != visitors[0].country_iso3 for m in places):
            return read_as(lexicon, "visit", token, [token, prep])
    return None
