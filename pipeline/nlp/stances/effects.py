"""Warnings of what something brings about: "the Tory policies would cause economic failure",
"the changes will lead to severe recruitment problems", "this increase will cause great
hardship" judge the cause, as a verb of harm does ("would damage the economy",
`copulas.consequence_signals`).

Why a separate pass: the harm or good is named by the effect noun, not the verb, so the verb
is one of a few causatives (`causal_verbs`: "cause", "lead to", "result in", …) and the sign
comes from the effect (`effect_nouns`: "hardship" -1, "benefit" +1). Effects that may be
wanted or not ("would mean rises", "will bring change") judge nothing. The cause is the
subject, read as for consequence verbs (a placeholder "it" or "this" is what the sentence
before is about; an actor is judged elsewhere); the quote's speaker holds the stance.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.stances.context import StanceArticle
from pipeline.nlp.stances.copulas import judged_subject_targets
from pipeline.nlp.stances.holders import holder_for
from pipeline.nlp.stances.issue_words import issue_like
from pipeline.nlp.stances.labels import FRAME_NOUNS
from pipeline.nlp.stances.polarity import has_negation, hypothetical
from pipeline.nlp.stances.signals import CONSEQUENCE_SCORE, Signal, target_signals
from pipeline.nlp.stances.targets import action_targets
from pipeline.nlp.stances.topic import antecedent_noun
from pipeline.nlp.stances.words import (
    BODY_NOUNS,
    CAUSAL_VERBS,
    EFFECT_ENDS,
    EFFECT_NOUNS,
    FEAR_VERBS,
    REDUCING_WORDS,
    WARNING_VERBS,
)
from pipeline.nlp.syntax import has_modal_aux, passive_subject


def effect_signals(art: StanceArticle, verb: Token) -> list[Signal]:
    """ "would cause economic failure": in a quote, a cause of harm (or good) is judged."""
    lemma = verb.lemma_.lower()
    if lemma not in CAUSAL_VERBS or verb.pos_ != "VERB" or verb.dep_ == "relcl" or hypothetical(verb):
        return []  # "it was the status quo, not the new laws, which were causing problems": a cleft's parts
    if any(c.dep_ == "aux" and c.lower_ == "can" for c in verb.children):
        return []  # "mercury exposure can result in brain damage": what may happen in general, a fact
    sign = _effect_sign(verb, CAUSAL_VERBS[lemma])
    quote = art.quote_at(verb.idx) if sign is not None else None
    holder = art.speaker(quote)  # the speaker of what is said; none outside speech
    targets = judged_subject_targets(art, verb) if holder is not None else []
    if not targets:
        return []
    negated = -1 if has_negation(art, verb) else 1
    return target_signals(art, verb, sign * negated, CONSEQUENCE_SCORE, targets, holder, quote)


def fear_signals(art: StanceArticle, verb: Token) -> list[Signal]:
    """ "Critics fear the move could hand control of the police to …", "he feared internment
    without trial creates martyrs": fearing what a measure does or would do opposes the
    measure (`fear_verbs`); the feared clause's subject is the target, read as for verbs of
    effect (an issue, not an actor or a person; "it"/"the move" what was reported before).
    Warning of what a measure brings about ("warned that the plans could lead to …",
    `warning_verbs`) opposes it alike; a warned fate or forecast is no fear."""
    lemma = verb.lemma_.lower()
    if lemma not in FEAR_VERBS and lemma not in WARNING_VERBS:
        return []
    if verb.pos_ != "VERB" or hypothetical(verb) or has_negation(art, verb):
        return []
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None or not (
        has_modal_aux(clause) or clause.tag_ in ("VBZ", "VBP")
    ):
        return []  # "fear that he was ill": a past fact, no measure's effect
    if lemma in WARNING_VERBS and clause.lemma_.lower() not in CAUSAL_VERBS:
        # a warning reads only what a thing brings about ("could lead to", "would result in"):
        # "warned that the changes would have to go ahead" announces, "warned demand would
        # outstrip supply" forecasts
        return []
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ == "it":
        # "Washington is thought to fear it would lead to …": "it" is a measure only when the
        # sentence before names one, not whatever it is about ("intense discussions") nor
        # the fearer itself ("the US fears it could lose influence")
        before = antecedent_noun(art, subject)
        if before is None or before.lemma_.lower() not in FRAME_NOUNS:
            return []
    holder, quote = holder_for(art, verb, False)
    if holder is None:
        return []
    # "fear the bill could fail", "fear the ban could be scrapped", "fear the government
    # could scrap the ban": fearing a measure's end supports it (`intransitive_fates`, a
    # stance verb's own targets); a body that acts is no measure. "fear the bill will not go
    # ahead" turns the fate round; a feared non-effect ("would not protect patients") is
    # still a criticism, or a wish that it work: no side taken
    negated = has_negation(art, clause)
    # a warned fate ("warned that the changes would have to go ahead") is an announcement
    fated = action_targets(art, clause, label_actions=False) if lemma in FEAR_VERBS else []
    if not fated and negated:
        return []
    targets = [
        t for t in fated or judged_subject_targets(art, clause)
        if issue_like(t.head) and t.head.lemma_.lower() not in BODY_NOUNS
    ]
    return target_signals(art, verb, 1 if negated else -1, CONSEQUENCE_SCORE, targets, holder, quote)


def _effect_sign(verb: Token, prep: str | None) -> int | None:
    """The sign of the effect the verb brings about: its object ("cause hardship"), a passive's
    subject ("hardship will be caused by …") or the object of its preposition ("lead to
    problems"), its first conjunct."""
    if prep is None:
        # "damage will be caused by the plans": the passive's subject is the effect (its "by"
        # phrase the cause, `copulas.judged_subject_targets`)
        effect = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None) or passive_subject(verb)
    else:
        marker = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == prep), None)
        effect = next((c for c in marker.children if c.dep_ == "pobj"), None) if marker is not None else None
    if effect is None or effect.pos_ != "NOUN":
        return None
    ends = (g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "under") for g in c.children)
    if any(g.dep_ == "pobj" and g.lemma_.lower() in EFFECT_ENDS for g in ends):
        return None  # "will bring these problems to light": revealed, not brought about
    if any(c.dep_ in ("det", "amod", "neg", "advmod") and c.lower_ in REDUCING_WORDS for c in effect.children):
        return None  # "will cause no problems", "will mean fewer delays": the harm is denied or cut
    return EFFECT_NOUNS.get(effect.lemma_.lower())
