"""Criticism told by an adjective of attitude: "Mr Kennedy was highly critical of Mr Blair's
plans", "he was scathing of the Tory party", "dismissive of Labour's record".

The verb trigger dictionary holds only verbs and nouns, and the stance layer's target for
"critical of Mr Blair's plans" is the plans, which name no actor on their own; yet an
actor's plans, record or remarks judged harshly are their owner judged (ACCUSE, as "attacked
Mr Blair's plans" is). The subject of the copula criticises the actors the "of" phrase
names: the phrase's own head ("the Tories") or its possessor ("Mr Blair's").
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.nlp.events.draft import (
    Draft,
    EventContext,
    is_actor,
    is_question,
    pobjs,
    same_actor,
    speech_act_draft,
    unique,
)
from pipeline.nlp.events.negation import negated
from pipeline.nlp.events.phrases import np_actors
from pipeline.nlp.events.speech import ACCUSE_SPEECH
from pipeline.nlp.events.subjects import subject_actors
from pipeline.nlp.events.vocabulary import CRITICAL_ADJECTIVES
from pipeline.nlp.records import Sentence
from pipeline.nlp.token_view import view_of


def critical_drafts(ec: EventContext, span: Span, sentence: Sentence) -> list[Draft]:
    """ACCUSE drafts for "X is critical of Y('s plans)": a criticising adjective that
    complements a verb (acomp) and whose "of" object names an actor other than the subject."""
    if is_question(sentence):
        return []
    drafts: list[Draft] = []
    doc, lower = span.doc, view_of(span.doc).lower
    for i in range(span.start, span.end):
        if lower[i] not in CRITICAL_ADJECTIVES:
            continue
        word = doc[i]
        if word.dep_ != "acomp" or negated(word):
            continue
        objects = [p for c in word.children if c.dep_ == "prep" and c.lower_ == "of" for p in pobjs(c)]
        sources = [m for m in subject_actors(word.head, ec.index) if is_actor(m)]
        if not objects or not sources:
            continue
        targets = [m for p in objects for m in np_actors(p, ec.index) if is_actor(m)]
        targets = [m for m in targets if m.entity_type != "LOCATION" and not any(same_actor(m, s) for s in sources)]
        if targets:
            drafts.append(speech_act_draft(ACCUSE_SPEECH, word, sentence, unique(sources), unique(targets)))
    return drafts
