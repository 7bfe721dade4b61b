"""Receptions: "X received Y" as a visit, when Y is a person.

"Lula received Hu Jintao at the Planalto Palace", "Hu was received by Lula": a verb of
receiving a guest (events.yaml reception_verbs) whose object, or passive subject, is a
named person reports a visit, read as the dictionary's "host" (PLOVER CONSULT visit; the
host is the target, the visitor the source). Receiving a letter, criticism or aid names
no guest and is left to the other rules ("received criticism" is what one undergoes).

A verb of greeting (events.yaml greeting_verbs: "welcomed", "greeted") is a visit only when
the guest comes from abroad: "Lula welcomed Hu Jintao to Brasilia", "Hu was greeted by
Lula", where guest and host belong to different states, or the guest is welcomed "to" a
place of another state than the guest's. Welcoming a decision, a report or a new party
member stays SUPPORT, and fans greeting a star report nothing.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.draft import lemma_in, pobjs, read_as
from pipeline.nlp.events.vocabulary import GREETING_VERBS, RECEPTION_VERBS
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


def greeting_trigger(token: Token, lexicon: EventTriggers, index: MentionIndex) -> tuple[Trigger, list[Token]] | None:
    """The dictionary's "host" when a verb of greeting welcomes a guest from another state
    (a named person of a known state, the host being of another, or welcomed "to" a place of
    another state), with the verb as its words; else None."""
    if token.pos_ != "VERB" or not lemma_in(token, GREETING_VERBS):
        return None
    guests = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if len(guests) != 1:
        return None
    guest = guests[0]
    words = [guest, *(c for c in guest.children if c.dep_ == "appos")]  # "the Chinese President, Hu Jintao,"
    people = [m for w in words for m in index.all_at(w) if m.entity_type == "PERSON" and m.kind in ("name", "title")]
    states = [m.country_iso3 for m in people if m.country_iso3]
    states += [
        m.country_iso3
        for c in guest.children
        if c.dep_ in ("amod", "compound")
        for m in index.all_at(c)
        if m.entity_type == "COUNTRY" and m.country_iso3
    ]
    if not people or not states:
        return None
    home = states[0]
    hosts = [c for c in token.children if c.dep_ == "nsubj"]
    hosts += [p for c in token.children if c.dep_ == "agent" for p in pobjs(c)]
    host_states = {m.country_iso3 for h in hosts for m in index.all_at(h) if m.entity_type in ("PERSON", "COUNTRY")}
    places = {
        m.country_iso3
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for p in pobjs(c)
        for m in index.all_at(p)
        if m.country_iso3
    }
    abroad = (host_states - {None}) | places
    if not abroad or home in abroad:
        return None
    return read_as(lexicon, "host", token, [token])
