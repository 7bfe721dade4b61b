"""Agreeing with a person: "I agree with Greg" sides with what Greg said, and the clause does
not say what that was, so the person is no issue (eval/GUIDE.md: a target is an issue label).
A stance on the person ("criticised Tony Blair") comes from other cues and stays."""

from __future__ import annotations

from pipeline.nlp.records import Mention
from pipeline.nlp.stances.signals import Signal
from pipeline.nlp.stances.words import ACCORD_VERBS


def with_person(signal: Signal, target_mention: Mention | None) -> bool:
    """Whether the signal is an agreeing verb whose "with" object is a person."""
    if signal.token.lemma_.lower() not in ACCORD_VERBS:
        return False
    head = signal.target_head
    if head.dep_ != "pobj" or head.head.lower_ != "with":
        return False
    person = target_mention.entity_type == "PERSON" if target_mention is not None else False
    return person or head.ent_type_ == "PERSON"
