"""Claimed acts: "X claimed responsibility for the bombing" names X as the bombing's doer.

A bombing or an attack is often reported with no doer in its own phrase, and the doer named
only by a claim of responsibility: "ETA claimed responsibility for the bombing of a hotel",
"the group admitted responsibility for the attacks". An event noun that is the "for" object
of a responsibility noun (events.yaml responsibility_nouns: "responsibility", "credit")
that a verb of owning (responsibility_verbs: "claimed", "admitted") takes as its object is
done by that verb's subject, when its own phrase names no doer. Blaming someone for an act
("Israel blamed Hamas for the attack") is an accusation, not a claim, and is left alone.
"""

from __future__ import annotations

from pipeline.nlp.events.draft import Draft, assign, lemma_in
from pipeline.nlp.events.phrases import np_actors
from pipeline.nlp.events.vocabulary import RESPONSIBILITY_NOUNS, RESPONSIBILITY_VERBS
from pipeline.nlp.syntax import MentionIndex, nominal_subjects


def claimed_act(draft: Draft, index: MentionIndex) -> None:
    """Make the claimant the source of a sourceless event noun it claimed responsibility for."""
    noun = draft.token
    if draft.sources or noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return
    owned = noun.head.head
    verb = owned.head
    if owned.dep_ != "dobj" or not lemma_in(owned, RESPONSIBILITY_NOUNS) or not lemma_in(verb, RESPONSIBILITY_VERBS):
        return
    claimants = [m for s in nominal_subjects(verb) for m in np_actors(s, index) if m.entity_type != "LOCATION"]
    assign(draft, "sources", [m for m in claimants if m not in draft.targets + draft.participants])
