"""Receptions: "X received Y" as a visit, when Y is a person.

"Lula received Hu Jintao at the Planalto Palace", "Hu was received by Lula": a verb of
receiving a guest (events.yaml reception_verbs) whose object, or passive subject, is a
named person reports a visit, read as the dictionary's "host" (PLOVER CONSULT visit; the
host is the target, the visitor the source). Receiving a letter, criticism or aid names
no guest and is left to the other rules ("received criticism" is what one undergoes).
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.draft import lemma_in, read_as
from pipeline.nlp.events.vocabulary import RECEPTION_VERBS
from pipeline.nlp.lexicons import EventTriggers, Trigger
from pipeline.nlp.syntax import MentionIndex


def reception_trigger(token: Token, lexicon: EventTriggers, index: MentionIndex) -> tuple[Trigger, list[Token]] | None:
    """The dictionary's "host" when a verb of receiving has a named person as its guest,
    with the verb as its words; else None."""
    if token.pos_ != "VERB" or not lemma_in(token, RECEPTION_VERBS):
        return None
    guests = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if len(guests) != 1 or not any(
        m.entity_type == "PERSON" and m.kind in ("name", "title") for m in index.all_at(guests[0])
    ):
        return None
    return read_as(lexicon, "host", token, [token])
