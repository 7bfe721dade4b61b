"""A demand told as a need pressed on someone: "Lavrov stressed the need to end a
humanitarian crisis resulting from Azerbaijan's blockade", "the minister underlined the need
for Iran to comply".

Diplomatic reports often give a demand as a verb of emphasis (events.yaml emphasis_verbs)
whose object is a need (need_nouns), with what is needed in the noun's infinitive or "for"
phrase. No trigger word says "demand", so the dictionary finds nothing; PLOVER codes it as a
REQUEST of the actor the needed act concerns. That actor must be named in what is needed
(a state, body, person or group, not a place; not the doer of a passive describing
something there, "the corridor controlled by Russian peacekeepers"): "stressed the need for
reform" names no one and stays a position (eval/GUIDE.md: a speech act needs an
identifiable target). The one
pressing is the verb's subject; a negated, modal or questioned verb presses nothing.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.events.draft import (
    Draft,
    EventContext,
    actor_at,
    is_actor,
    is_question,
    lemma_in,
    same_actor,
    speech_act_draft,
    unique,
)
from pipeline.nlp.events.intent import REQUEST_ACT
from pipeline.nlp.events.subjects import subject_actors
from pipeline.nlp.events.vocabulary import EMPHASIS_VERBS, NEED_NOUNS
from pipeline.nlp.records import Sentence
from pipeline.nlp.syntax import has_neg, is_condition
from pipeline.nlp.token_view import view_of

CONTENT_DEPS = frozenset({"acl", "advcl", "prep", "relcl"})  # "the need to end ...", "the need for Iran to ..."


def need_drafts(ec: EventContext, span: Span, sentence: Sentence) -> list[Draft]:
    """REQUEST drafts for a need pressed on a named actor."""
    if is_question(sentence):
        return []
    drafts: list[Draft] = []
    doc, view = span.doc, view_of(span.doc)
    pos, dep, lemma = view.pos, view.dep, view.lemma
    for i in range(span.start, span.end):
        if pos[i] != "NOUN" or dep[i] != "dobj" or lemma[i].lower() not in NEED_NOUNS:
            continue  # `lemma_in` read from the view: a Token is made only for a need noun
        noun = doc[i]
        verb = noun.head
        if not lemma_in(verb, EMPHASIS_VERBS) or has_neg(verb):
            continue
        if any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ in ("will", "shall")) for c in verb.children):
            continue
        if _supposed(verb):
            continue
        sources = [m for m in subject_actors(verb, ec.index) if is_actor(m)]
        if not sources:
            continue
        targets = [
            m for t in _concerned(noun)
            if not _by_agent(t, noun)
            and (m := actor_at(ec.index, t)) is not None and is_actor(m) and m.entity_type != "LOCATION"
        ]
        targets = [m for m in unique(targets) if not any(same_actor(m, s) for s in sources)]
        if targets:
            drafts.append(speech_act_draft(REQUEST_ACT, verb, sentence, unique(sources), targets))
    return drafts


def _supposed(verb: Token) -> bool:
    """ "If Lavrov stresses the need for Iran to comply, ...": a condition presses nothing."""
    return is_condition(verb)


def _concerned(noun: Token) -> list[Token]:
    """The words of what is needed that can name whom the need concerns: the doer of the
    needed act ("the need for Iran to comply", "the need for Germany to cooperate with
    France": not France) and possessors ("to end Azerbaijan's blockade"). The object of the
    act is what is done to someone, not who is asked ("the need to defeat the Taliban"), and
    a bare "for" noun's own phrases say where or to whom ("the need for more aid to Sudan")."""
    content = [t for c in noun.children if c.dep_ in CONTENT_DEPS for t in c.subtree]
    words: list[Token] = []
    for token in content:
        doer = token.dep_ == "nsubj" and token.head in content
        for_noun = token.dep_ == "pobj" and token.head.head == noun and token.head.lower_ == "for"
        if token.dep_ == "poss" or doer or for_noun:
            words += _bare(token)
    return words


def _bare(word: Token) -> list[Token]:
    """A noun phrase without the phrases and clauses hung on it."""
    hung = {t.i for c in word.children if c.dep_ in ("prep", "relcl", "acl", "advcl") for t in c.subtree}
    return [t for t in word.subtree if t.i not in hung]


def _by_agent(token: Token, noun: Token) -> bool:
    """Whether the token lies in a passive's "by" phrase below the need noun ("the corridor
    supposedly controlled by Russian peacekeepers"): a description of something in what is
    needed, not whom the need concerns."""
    while token != noun and token.head != token:
        if token.dep_ == "agent":
            return True
        token = token.head
    return False
