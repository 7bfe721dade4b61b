"""A target whose existence the sentence denies: "there was no evidence of criminal activity"
says the activity did not happen, it judges nothing anybody did, so it is no stance
(eval/GUIDE.md: "a bare report of facts is not a stance")."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.stances.words import ABSENCE_NOUNS
from pipeline.nlp.syntax import has_no_determiner


def denied(head: Token) -> bool:
    """Whether the target noun is what a negated absence noun ("no evidence of", "did not
    find any sign of") is about; conjuncts ("no sign of fraud or abuse") share it."""
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ != "pobj" or head.head.lower_ != "of":
        return False
    noun = head.head.head
    if noun.lemma_.lower() not in ABSENCE_NOUNS:
        return False
    if has_no_determiner(noun):
        return True
    verb = noun.head  # "did not find any evidence of", "there was not a sign of"
    return noun.dep_ in ("dobj", "attr", "nsubj") and any(c.dep_ == "neg" for c in verb.children)
