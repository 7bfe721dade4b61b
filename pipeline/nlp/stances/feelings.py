"""What a feeling is about when it is a clause: "the Tories said they were glad Mr Straw had
been shamed into going", "he was disappointed that the government had abandoned the bill".

Why: an attitude adjective's preposition names its object ("unhappy with the deal",
`nominals.attitude_adjective_signals`), but a feeling adjective (`feeling_adjectives`) as
often takes a that-clause, the state of affairs felt about. The clause's own stance composes
("delighted that the government had dropped its plans for top-up fees" opposes the plans),
else its passive subject ("glad the bill was passed") or the clause as written is the
target; a negated clause is felt about as its absence ("concerned the government had not
consulted" backs consulting), so its sign flips. A clause with a modal ("worried that the
changes would lead to job losses") is a fear of what may come, judged through its own words.
A clause about the speaker ("I'm delighted I've been given the chance") is no issue.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.stances.context import StanceArticle
from pipeline.nlp.stances.polarity import has_negation
from pipeline.nlp.stances.targets import Target, action_targets, noun_targets
from pipeline.nlp.stances.words import FEELING_ADJECTIVES
from pipeline.nlp.syntax import FIRST_PERSON


def felt_clause(adjective: Token) -> Token | None:
    """The that-clause (marked or not) a feeling adjective governs, or None."""
    if adjective.lemma_.lower() not in FEELING_ADJECTIVES and adjective.lower_ not in FEELING_ADJECTIVES:
        return None
    clause = next((c for c in adjective.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if clause is None or any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in FIRST_PERSON for c in clause.children):
        return None  # "I'm delighted I've been given the chance": a feeling about oneself
    return clause


def felt_targets(art: StanceArticle, clause: Token) -> list[Target]:
    """The targets of a felt clause, signed for a negated clause (module docstring)."""
    found = action_targets(art, clause, label_actions=False)
    if not found:
        passive = next((c for c in clause.children if c.dep_ == "nsubjpass"), None)
        if passive is not None and passive.pos_ in ("NOUN", "PROPN") and art.index.at(passive) is None:
            found = noun_targets(art, passive)
    if not found:
        label = art.labeller.clause_label(clause)
        found = [Target(label, clause)] if label else []
    if has_negation(art, clause):
        found = [Target(t.label, t.head, -t.sign, t.strength) for t in found]
    return found
