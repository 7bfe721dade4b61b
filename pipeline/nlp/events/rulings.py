"""Court rulings and appraisals: whom a ruling or a judgement of someone's thing is about.

eval/GUIDE.md codes a court ruling against a party or a measure as ACCUSE, the court (or its
country) the source. "The Supreme Court upheld his indictment", "annulled the result of the
election won by Yanukovych", "struck down the law passed by the regional parliament": the
object of a ruling verb (events.yaml ruling_verbs) is a charge or a measure, and the party it
belongs to is the target: the object's possessor, its "of" object, or the "by" agent of a
participle on it, followed down "of" chains ("the result of the election won by X"). That a
court rules at all is decided by the sense rules (event_senses.yaml courts).

A court's finding stated in a clause ("the law lords ruled that the detentions were unlawful",
"the court found the ministry had acted illegally": events.yaml finding_verbs) is a ruling
against whoever the clause's criticism judges, read as in a quote (`court_findings`).

Praise, criticism or a refusal of someone's thing is aimed at its owner in the same way:
"Lula praised the efforts of Hu Jintao", "the board approved the nomination of Paul
Wolfowitz" (`appraised_owner`). Not when the thing is itself an event ("condemned the killing
of X": X suffered it, the killing's doer is the one condemned).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.events.actors import np_actors, subject_actors
from pipeline.nlp.events.draft import (
    Draft,
    EventContext,
    actor_at,
    assign,
    is_actor,
    is_question,
    lemma_in,
    pobjs,
    speech_act_draft,
)
from pipeline.nlp.events.hypotheticals import judges_a_hypothetical
from pipeline.nlp.events.senses import load_senses
from pipeline.nlp.events.speech import ACCUSE_SPEECH, criticises, judged_actors, negated
from pipeline.nlp.events.vocabulary import FINDING_VERBS, RULING_VERBS
from pipeline.nlp.lexicons import EventTriggers
from pipeline.nlp.records import Mention, Sentence
from pipeline.nlp.syntax import MentionIndex, has_neg

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


def court_findings(ec: EventContext, span: Span, sentence: Sentence) -> list[Draft]:
    """ACCUSE drafts for a court's finding stated in a clause: a finding verb (`finding_verbs`)
    whose subject is a court and whose complement clause criticises (a judging word, not
    negated, not hypothetical: "ruled that the detentions were unlawful") accuses whom that
    criticism judges (`speech.judged_actors`), the court its source."""
    if is_question(sentence):
        return []
    drafts: list[Draft] = []
    for verb in span:
        if verb.pos_ != "VERB" or not lemma_in(verb, FINDING_VERBS) or has_neg(verb):
            continue
        courts = [m for m in subject_actors(verb, ec.index) if is_actor(m) and _court(verb, m)]
        if not courts:
            continue
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            scope = span.doc[clause.left_edge.i : clause.right_edge.i + 1]
            judging = next(
                (t for t in scope if criticises(t) and not _denied(t, clause) and not judges_a_hypothetical(t)), None
            )
            targets = judged_actors(ec, judging, scope, courts[0]) if judging is not None else []
            if targets:
                drafts.append(speech_act_draft(ACCUSE_SPEECH, verb, sentence, courts[:1], targets))
                break
    return drafts


def _denied(word: Token, clause: Token) -> bool:
    """ "ruled that the Home Office had not acted unlawfully": the judging word or a verb
    between it and the finding's clause is negated."""
    if negated(word):
        return True
    node = word
    while node.i != clause.i and node.head.i != node.i:
        node = node.head
        if has_neg(node):
            return True
    return False


def _court(verb: Token, mention: Mention) -> bool:
    """Whether the subject is a court: a court word (event_senses.yaml courts) in its name or
    its head noun ("the Supreme Court", "three Appeal Court judges"), or "law lords"."""
    words = load_senses().classes["courts"]
    heads = [c for c in verb.children if c.dep_ == "nsubj"]
    named = {w.lower() for w in mention.name.split()}
    if named & words or any(h.lower_ in words for h in heads):
        return True
    return any(h.lemma_.lower() == "lord" and any(c.lower_ == "law" for c in h.children) for h in heads)
