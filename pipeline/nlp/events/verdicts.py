"""Verdicts: "was found guilty" and "the jury found him guilty" as convictions.

"Find" means many things ("found a solution", "found it hard", "found that ..."), so it is
no trigger of its own. With a verdict word as its complement (events.yaml
verdict_complements: "guilty") it reports a court's or a jury's finding, read as the
dictionary verb the word names ("convict": PLOVER SANCTION convict). The one found guilty
is the passive's subject ("Peterson was found guilty of murder") or, in the active, the
subject of the small clause ("the jury found Peterson guilty") or the object; it must be a
person, group or body the mentions know. An acquittal ("found not guilty") is no sanction.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.draft import lemma_in, read_as
from pipeline.nlp.events.vocabulary import VERDICT_COMPLEMENTS, VERDICT_VERBS
from pipeline.nlp.lexicons import EventTriggers, Trigger
from pipeline.nlp.syntax import MentionIndex, has_neg

FOUND_TYPES = frozenset({"PERSON", "GROUP", "ORGANIZATION"})
COMPLEMENT_DEPS = frozenset({"oprd", "acomp", "ccomp", "xcomp"})


def verdict_trigger(token: Token, lexicon: EventTriggers, index: MentionIndex) -> tuple[Trigger, list[Token]] | None:
    """The dictionary trigger a verdict verb reads as, with its words, or None when the verb
    reports no verdict (see the module docstring)."""
    if token.pos_ != "VERB" or not lemma_in(token, VERDICT_VERBS):
        return None
    complements = [c for c in token.children if c.dep_ in COMPLEMENT_DEPS and c.lower_ in VERDICT_COMPLEMENTS]
    if len(complements) != 1 or has_neg(complements[0]):
        return None  # "found a solution"; "found not guilty": acquitted
    complement = complements[0]
    found = [c for c in token.children if c.dep_ in ("nsubjpass", "dobj")]
    found += [c for c in complement.children if c.dep_ == "nsubj"]  # "found Peterson guilty"
    if token.dep_ in ("acl", "relcl") and not found:
        found = [token.head]  # "those found guilty", "a man found guilty of fraud"
    if not any(m.entity_type in FOUND_TYPES for t in found for m in index.all_at(t)):
        return None  # nobody named is found guilty
    return read_as(lexicon, VERDICT_COMPLEMENTS[complement.lower_] or "", token, [token, complement])
