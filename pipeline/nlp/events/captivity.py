"""Captivity: "held" and "kept" as reports of holding someone captive.

"Hold" is a light verb ("held talks", "the election was held") and means many things
("held responsible", "held up", "held the seat"), so it is no trigger of its own. It
reports captivity when a person or a group is what is held, in the passive ("Saddam
Hussein is being held by US forces", "Britons held at Guantanamo Bay") or as someone held
as a hostage or a prisoner ("rebels held two aid workers hostage"). It is then read as the
dictionary verb its complement names (events.yaml captivity_complements): a hostage is
abducted (ASSAULT abduct), anyone else detained (COERCE arrest). A state of custody named
by a trigger noun ("held in custody", "held under house arrest") is the noun's event
(actors._held_in), not the verb's.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.draft import is_place, lemma_in, pobjs, read_as
from pipeline.nlp.events.vocabulary import CAPTIVITY_COMPLEMENTS, CAPTIVITY_VERBS, CUSTODY_NOUNS
from pipeline.nlp.lexicons import EventTriggers, Trigger
from pipeline.nlp.syntax import MentionIndex, is_relative_pronoun

HELD_TYPES = frozenset({"PERSON", "GROUP"})
COMPLEMENT_DEPS = frozenset({"oprd", "xcomp", "advmod", "dobj", "npadvmod", "attr", "acomp"})


def captivity_trigger(token: Token, lexicon: EventTriggers, index: MentionIndex) -> tuple[Trigger, list[Token]] | None:
    """The dictionary trigger a captivity verb reads as, with its words, or None when the
    verb reports no captivity (see the module docstring)."""
    if token.pos_ != "VERB" or not lemma_in(token, CAPTIVITY_VERBS):
        return None
    children = list(token.children)
    if any(c.dep_ in ("prt", "ccomp") for c in children):
        return None  # "held up", "held back", "holds that ..."
    complements = [c for c in children if c.dep_ in COMPLEMENT_DEPS and c.lower_ in CAPTIVITY_COMPLEMENTS]
    others = [c for c in children if c.dep_ in COMPLEMENT_DEPS - {"advmod", "npadvmod"} and c not in complements]
    if _other_phrase(token, lexicon, index):
        return None
    held = _held(token, complements)
    if held is None or any(c.dep_ != "dobj" or held != [c] for c in others):
        return None  # "held responsible", "held the seat"
    if not any(m.entity_type in HELD_TYPES for t in held for m in index.all_at(t)):
        return None  # "talks were held", "the seats held by Labour"
    if all(lemma_in(t, CUSTODY_NOUNS) for t in held):
        return None  # "Algerian suspects being held without trial": the noun already says they are held
    verb = CAPTIVITY_COMPLEMENTS[complements[0].lower_ if complements else "default"]
    return read_as(lexicon, verb or "", token, [token, *complements])


def _held(token: Token, complements: list[Token]) -> list[Token] | None:
    """The words naming who is held: a passive's subject (the noun a relative pronoun or a
    participle stands for), or, with "hostage" or "prisoner", an active verb's object."""
    children = list(token.children)
    if token.dep_ == "acl" and token.tag_ == "VBN":
        return [token.head]  # "Britons held at Guantanamo Bay"
    if any(c.dep_ == "auxpass" for c in children):
        subjects = [c for c in children if c.dep_ == "nsubjpass"]
        if subjects and is_relative_pronoun(subjects[0]):
            return [token.head] if token.dep_ == "relcl" else None
        return subjects or None
    if not complements:
        return None  # an active "held" without "hostage": "held talks", "held the seat"
    return [c for c in children if c.dep_ == "dobj" and c not in complements] or None


def _other_phrase(token: Token, lexicon: EventTriggers, index: MentionIndex) -> bool:
    """A phrase that makes "held" something else: "held to account", "held in high regard"
    (an "in" phrase that is no place), or a state of custody named by a trigger noun
    ("held in custody": the noun's event)."""
    for prep in token.children:
        if prep.dep_ != "prep":
            continue
        if prep.lower_ == "to":
            return True
        for noun in pobjs(prep):
            if lexicon.noun(noun.lemma_.lower()) is not None:
                return True
            if prep.lower_ == "in" and not any(is_place(m) for m in index.all_at(noun)):
                return True
    return False
