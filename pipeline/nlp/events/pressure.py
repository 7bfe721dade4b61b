"""A demand told as pressure put on someone: "A group of MPs has raised the pressure on Tony
Blair over reform", "the unions stepped up pressure on ministers", "the Tories put pressure
on the government to hold an inquiry".

The trigger dictionary's noun entries take a preposition only right after the noun, and the
parser hangs "on" from the verb as often as from "pressure" ("put pressure on X"); nor is the
verb that puts the pressure a light verb. A pressure noun (`pressure_nouns`) whose "on"
phrase, its own or its verb's, names an actor is a REQUEST of that actor (PLOVER: a demand);
the one pressing is the subject of the verb whose object the noun is, else the noun's
possessor or "from" phrase ("pressure from the unions on ministers"). Verbs of feeling or
easing pressure (`pressure_verbs`: "felt the pressure on him", "eased the pressure on
ministers"), a negated, modal or questioned verb, and pressure on a thing ("pressure on the
pound", "on public services") report no demand, and nor does pressure no one is named
as putting ("pressure on Mr Blunkett grew").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.events.draft import (
    Draft,
    EventContext,
    is_actor,
    is_question,
    lemma_in,
    pobjs,
    same_actor,
    speech_act_draft,
    unique,
)
from pipeline.nlp.events.intent import REQUEST_ACT
from pipeline.nlp.events.phrases import np_actors
from pipeline.nlp.events.subjects import subject_actors
from pipeline.nlp.events.vocabulary import PRESSURE_NOUNS, PRESSURE_VERBS
from pipeline.nlp.records import Sentence
from pipeline.nlp.syntax import has_modal_aux, has_neg
from pipeline.nlp.token_view import view_of

PRESSING_DEPS = frozenset({"dobj", "nsubj", "nsubjpass"})


def _phrase(head: Token, word: str) -> list[Token]:
    return [p for c in head.children if c.dep_ == "prep" and c.lower_ == word for p in pobjs(c)]


def pressure_drafts(ec: EventContext, span: Span, sentence: Sentence) -> list[Draft]:
    """REQUEST drafts for pressure put on a named actor."""
    if is_question(sentence):
        return []
    drafts: list[Draft] = []
    doc, view = span.doc, view_of(span.doc)
    pos, lower = view.pos, view.lower
    for i in range(span.start, span.end):
        if pos[i] != "NOUN" or lower[i] not in PRESSURE_NOUNS:
            continue  # read from the view: a Token is made only for a pressure noun
        noun = doc[i]
        verb = noun.head if noun.dep_ in PRESSING_DEPS and noun.head.pos_ in ("VERB", "AUX") else None
        if verb is not None and (
            lemma_in(verb, PRESSURE_VERBS)
            or has_neg(verb)
            or has_modal_aux(verb)
        ):
            continue
        on = _phrase(noun, "on") or (_phrase(verb, "on") if verb is not None and noun.dep_ == "dobj" else [])
        targets = [m for p in on for m in np_actors(p, ec.index) if is_actor(m) and m.entity_type != "LOCATION"]
        if not targets:
            continue
        sources = subject_actors(verb, ec.index) if verb is not None and noun.dep_ == "dobj" else []
        sources += [m for c in noun.children if c.dep_ == "poss" for m in np_actors(c, ec.index)]
        sources += [m for p in _phrase(noun, "from") for m in np_actors(p, ec.index)]
        sources = [m for m in sources if is_actor(m) and m.kind != "pronoun"]
        targets = [m for m in targets if not any(same_actor(m, s) for s in sources)]
        if targets and sources:  # "pressure on Mr Blunkett grew": no one named presses
            drafts.append(speech_act_draft(REQUEST_ACT, noun, sentence, unique(sources), unique(targets)))
    return drafts
