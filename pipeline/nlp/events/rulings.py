"""Court rulings and appraisals: whom a ruling or a judgement of someone's thing is about.

eval/GUIDE.md codes a court ruling against a party or a measure as ACCUSE, the court (or its
country) the source. "The Supreme Court upheld his indictment", "annulled the result of the
election won by Yanukovych", "struck down the law passed by the regional parliament": the
object of a ruling verb (events.yaml ruling_verbs) is a charge or a measure, and the party it
belongs to is the target: the object's possessor, its "of" object, or the "by" agent of a
participle on it, followed down "of" chains ("the result of the election won by X"). That a
court rules at all is decided by the sense rules (event_senses.yaml courts).

Praise, criticism or a refusal of someone's thing is aimed at its owner in the same way:
"Lula praised the efforts of Hu Jintao", "the board approved the nomination of Paul
Wolfowitz" (`appraised_owner`). Not when the thing is itself an event ("condemned the killing
of X": X suffered it, the killing's doer is the one condemned).
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.actors import np_actors
from pipeline.nlp.events.draft import Draft, actor_at, assign, lemma_in, pobjs
from pipeline.nlp.events.vocabulary import RULING_VERBS
from pipeline.nlp.lexicons import EventTriggers
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import MentionIndex

APPRAISAL_TYPES = frozenset({"SUPPORT", "ACCUSE", "REJECT"})


def ruled_against(draft: Draft, index: MentionIndex) -> None:
    """Give a court ruling with no target the party its charge or measure belongs to."""
    verb = draft.token
    if draft.event_type != "ACCUSE" or draft.targets or verb.pos_ != "VERB" or not lemma_in(verb, RULING_VERBS):
        return
    owners = [m for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for m in _owners(c, index)]
    assign(draft, "targets", [m for m in owners if m not in draft.sources and m.entity_type != "LOCATION"])


def appraised_owner(draft: Draft, index: MentionIndex, lexicon: EventTriggers) -> None:
    """Give praise, criticism or a refusal of someone's thing with no target that owner."""
    verb = draft.token
    if draft.event_type not in APPRAISAL_TYPES or draft.targets or verb.pos_ != "VERB":
        return
    things = [c for c in verb.children if c.dep_ == "dobj" and actor_at(index, c) is None]
    things = [t for t in things if lexicon.noun(t.lemma_.lower()) is None and lexicon.noun(t.lower_) is None]
    owners = [m for t in things for m in _owners(t, index)]
    assign(draft, "targets", [m for m in owners if m not in draft.sources and m.entity_type != "LOCATION"])


def _owners(noun: Token, index: MentionIndex, depth: int = 0) -> list[Mention]:
    """Whose the charge or measure is: "his indictment", "the indictment of X", "the law
    passed by X", "the result of the election won by X"."""
    if depth > 3:
        return []
    found: list[Mention] = []
    for child in noun.children:
        if child.dep_ == "poss":
            found += np_actors(child, index, allow_pronoun_possessor=True)
        elif child.dep_ == "prep" and child.lower_ == "of":
            for pobj in pobjs(child):
                found += np_actors(pobj, index) or _owners(pobj, index, depth + 1)
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            found += [m for a in child.children if a.dep_ == "agent" for p in pobjs(a) for m in np_actors(p, index)]
    return found
