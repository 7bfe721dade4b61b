"""Necessity in speech: saying what is needed takes a side on it.

- "We need a new asylum system", "we do not need ID cards": a need the speaker states of
  their own side (a first-person subject) takes a side on the thing needed, when it names an
  issue (`issue_words.issue_like`; "we need public figures we trust" names none);
- "the laws needed updating", "the health service needs reform": a thing said to need an
  action (a gerund, or a noun made of a verb or listed in `remedy_nouns`) is a call for that
  action on it, which the speaker supports ("updating laws", "health service reform").

Why a pass of its own: "need" is a weak stance cue (stance_lexicon: 0.4), too weak alone
("the firm needs cash", "patients who need care" report a want, not a position); only these
two frames, inside a quote, make it the speaker's demand. The holder is the quote's speaker.

Tried and left out (make eval): feelings in the passive ("we are outraged by the decision",
"she was shocked at the findings", as `attitude_adjectives`) found their cause ("findings",
"decision") but matched no dev or held-out stance, whose targets name the issue behind it;
"voiced/raised concern about X" (concern as an objection) one unmatched dev stance, none
held-out; a thing said in speech to be needed, passive ("more police are needed", "lower taxes
are needed") one unmatched dev stance and none held-out, its labels often short of the
demand ("lower taxes" -> "taxes").
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.stances.context import StanceArticle
from pipeline.nlp.stances.issue_words import deverbal, issue_like
from pipeline.nlp.stances.labels import clean
from pipeline.nlp.stances.polarity import has_negation, hypothetical, negative_subject
from pipeline.nlp.stances.signals import DEONTIC_SCORE, Signal, target_signals
from pipeline.nlp.stances.targets import Target, noun_targets
from pipeline.nlp.stances.words import REMEDY_NOUNS
from pipeline.nlp.syntax import FIRST_PERSON

NEED_VERBS = frozenset({"need", "require"})
ACTOR_ENTITIES = frozenset({"PERSON", "NORP", "ORG"})


def need_signals(art: StanceArticle, verb: Token) -> list[Signal]:
    """ "we need more police", "the laws need updating" in a quote: the speaker wants it."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in NEED_VERBS or verb.dep_ in ("relcl", "acl", "amod"):
        return []
    if hypothetical(verb) or verb.sent.text.rstrip().rstrip("\"'”’ ").endswith("?"):
        return []  # "if we need more money …", "do we need ID cards?": no demand
    quote = art.quote_at(verb.idx)
    holder = art.speaker(quote)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    needed = next((c for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp") and c.i > verb.i), None)
    if holder is None or subject is None or needed is None or negative_subject(subject, art.lex):
        return []
    polarity = -1 if has_negation(art, verb) else 1
    if subject.lower_ in FIRST_PERSON:
        if needed.pos_ not in ("NOUN", "PROPN") or needed.dep_ != "dobj" or not issue_like(needed):
            return []  # "we need to …" is the deontic pass's; "we need public figures we trust": no issue
        targets = noun_targets(art, needed)
    else:
        targets = _remedy_targets(art, subject, needed)
    return target_signals(art, verb, polarity, DEONTIC_SCORE, targets, holder, quote)


def _remedy_targets(art: StanceArticle, subject: Token, needed: Token) -> list[Target]:
    """ "the laws needed updating" -> "updating laws"; "the NHS needs reform" -> "NHS reform":
    the subject a thing, the needed an action done to it."""
    if subject.pos_ not in ("NOUN", "PROPN") or subject.ent_type_ in ACTOR_ENTITIES or art.index.at(subject):
        return []  # "Labour needs a new leader", "ministers need time": an actor's wants, not a demand
    lemma = needed.lemma_.lower()
    gerund = needed.dep_ in ("dobj", "xcomp") and (needed.tag_ == "VBG" or needed.lower_.endswith("ing"))
    remedy = needed.pos_ == "NOUN" and needed.dep_ == "dobj" and (lemma in REMEDY_NOUNS or deverbal(lemma))
    label = art.labeller.noun_label(subject) if gerund or remedy else None
    if not label:
        return []
    text = f"{needed.lower_} {label}" if gerund else f"{label} {needed.lower_}"
    return [Target(clean(text), needed)]
