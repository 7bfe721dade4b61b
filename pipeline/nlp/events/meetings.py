"""A body's own meeting is no CONSULT.

PLOVER's CONSULT is a meeting between actors; one side alone does not consult
(`filters.lone_consultation`, which leaves meeting nouns alone because "talks with Iran"
names one side and implies the other). A meeting noun whose only actor is the organisation
or group holding it ("a meeting of the Parliamentary Labour Party", "a Parliamentary Labour
Party meeting", "Cabinet members held their last meeting") reports the body's members
meeting each other: no second actor is consulted. A meeting with an actor ("talks with the
EU", "Prescott held a meeting with union figures") keeps its event.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.draft import Draft, actor_at, unique
from pipeline.nlp.syntax import MentionIndex

_BODY_TYPES = ("ORGANIZATION", "GROUP")


def _holders(noun: Token, index: MentionIndex) -> list:
    """The actors the meeting noun names as its own: its compound or possessive modifiers,
    its "of" phrase, and the subject of the verb it is the object of when the noun says it is
    theirs ("Cabinet members held their last meeting"; "Hamas held talks in Cairo" implies a
    second side, as `filters.lone_consultation` reads it)."""
    words = [c for c in noun.children if c.dep_ in ("compound", "poss")]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            words += [c for c in prep.children if c.dep_ == "pobj"]
    if noun.dep_ == "dobj" and any(c.dep_ == "poss" for c in noun.children):
        words += [c for c in noun.head.children if c.dep_ == "nsubj"]  # "held their last meeting"
    found = []
    for word in words:
        for token in word.subtree:
            mention = actor_at(index, token)
            if mention is not None:
                found.append(mention)
    return found


def body_meeting(draft: Draft, index: MentionIndex) -> bool:
    """ "A meeting of the Parliamentary Labour Party": a body's members meeting, not CONSULT."""
    if draft.event_type != "CONSULT" or draft.mode in ("visit", "phone") or draft.mediators:
        return False
    if draft.token.pos_ != "NOUN":
        return False
    actors = unique(draft.actors())
    if len({m.name for m in actors}) != 1 or actors[0].entity_type not in _BODY_TYPES:
        return False
    holders = {m.name for m in _holders(draft.token, index)}
    return actors[0].name in holders
