"""Incursions: a state's forces going into another state's territory as a show of force.

"A Chinese submarine entered Japanese territorial waters", "Russian jets violated Georgian
airspace": a verb of going into somewhere (events.yaml incursion_verbs) whose subject is a
state's military force or war machine (force_nouns, named with its state) and whose
destination belongs to another state is PLOVER's MOBILIZE (force posture), read as the
dictionary's "deploy": the force's state is the source, the other state the target.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.draft import lemma_in, pobjs, read_as
from pipeline.nlp.events.phrases import np_actors
from pipeline.nlp.events.vocabulary import FORCE_NOUNS, INCURSION_VERBS
from pipeline.nlp.lexicons import EventTriggers, Trigger
from pipeline.nlp.syntax import MentionIndex


def incursion_trigger(token: Token, lexicon: EventTriggers, index: MentionIndex) -> tuple[Trigger, list[Token]] | None:
    """The dictionary's "deploy" when the verb reports a state's forces going into another
    state's territory, with the verb as its words; else None."""
    if token.pos_ != "VERB" or not lemma_in(token, INCURSION_VERBS):
        return None
    forces = [c for c in token.children if c.dep_ == "nsubj" and lemma_in(c, FORCE_NOUNS)]
    if not forces:
        return None
    destinations = [c for c in token.children if c.dep_ == "dobj"]
    destinations += [p for c in token.children if c.dep_ == "prep" and c.lower_ in ("into", "over") for p in pobjs(c)]
    own = {m.country_iso3 for m in np_actors(forces[0], index) if m.entity_type == "COUNTRY"}
    other = {m.country_iso3 for d in destinations for m in np_actors(d, index) if m.entity_type == "COUNTRY"}
    if not own or not other or not other - own:
        return None  # a state's forces at home, or forces of no named state
    return read_as(lexicon, "deploy", token, [token])
