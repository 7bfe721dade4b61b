"""A judged condition: "it would be a huge boost if Mr Hague returned to the front bench", "it
will be a tragedy if the government comes through with a half-hearted response", "it would
be very troubling if the government did not accept the judgement" (in quotes).

A copula under "would"/"will"/"could" whose subject is a placeholder ("it", "this", or an
expletive) and whose complement is a judging word of the lexicon (evaluative_positive /
evaluative_negative in stance_lexicon.yaml) judges what its "if" clause supposes: the speaker
wants it when the word praises and does not when it blames. The other passes leave such a
clause alone (`polarity.hypothetical`: a condition takes no stance), for the clause is only
supposed; here the supposing is the point. "unless" and a negated condition ("if we did not
use him") reverse the side, as does a negated copula ("it would not be a disaster if …").

The target is the supposed action through its own stance when it has one ("if the government
did not accept the judgement": acceptance backs the judgement), else the clause as a label.
Limits: only "if"/"unless" clauses hanging on the copula or its complement; a judgement of
the speaker's own side's fortunes ("it would be a boost to the party") is read as a position
on the condition, which it is.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.stances.context import StanceArticle
from pipeline.nlp.stances.copulas import PLACEHOLDER_SUBJECTS
from pipeline.nlp.stances.polarity import has_negation, intensity
from pipeline.nlp.stances.signals import Signal, target_signals
from pipeline.nlp.stances.targets import Target, action_targets

# The sign each condition mark gives the supposed clause: "if" keeps it, "unless" turns it over.
CONDITION_MARK_SIGNS = {"if": 1, "unless": -1}
SUPPOSING_MODALS = frozenset({"would", "will", "could", "'d", "'ll"})


def condition_signals(art: StanceArticle, word: Token) -> list[Signal]:
    """The speaker's stance on the condition a judging copula supposes (module docstring)."""
    if word.dep_ not in ("acomp", "attr") or word.head.lemma_ != "be":
        return []
    weight = _weight(art, word)
    if weight is None:
        return []
    be = word.head
    if not any(c.dep_ == "aux" and c.lower_ in SUPPOSING_MODALS for c in be.children):
        return []
    subject = next((c for c in be.children if c.dep_ in ("nsubj", "expl")), None)
    if subject is None or subject.lower_ not in PLACEHOLDER_SUBJECTS:
        return []
    found = _condition(word, be)
    if found is None:
        return []
    clause, mark = found
    quote = art.quote_at(word.idx)
    holder = art.speaker(quote)
    if holder is None:
        return []
    polarity = (1 if weight > 0 else -1) * mark
    if has_negation(art, clause):
        polarity = -polarity  # "if we did not use him"
    if has_negation(art, be):
        polarity = -polarity  # "it would not be a disaster if …"
    targets = action_targets(art, clause, label_actions=False)
    if not targets:
        label = art.labeller.clause_label(clause)
        targets = [Target(label, clause)] if label else []
    score = min(1.0, abs(weight) * intensity(art, word))
    return target_signals(art, word, polarity, score, targets, holder, quote)


def _weight(art: StanceArticle, word: Token) -> float | None:
    """The judging word's signed weight, or a noun's with its adjective ("a huge boost")."""
    weight = art.lex.evaluative_token(word.lower_, word.lemma_)
    if weight is None and word.pos_ == "NOUN":
        modifier = next((c for c in word.lefts if c.dep_ == "amod"), None)
        if modifier is not None:
            weight = art.lex.evaluative(modifier.lower_)
    return weight


def _condition(word: Token, be: Token) -> tuple[Token, int] | None:
    """The "if"/"unless" clause on the copula or its complement, with the sign of its mark."""
    for host in (be, word):
        for child in host.children:
            if child.dep_ != "advcl" or child.pos_ not in ("VERB", "AUX"):
                continue
            marks = (g.lower_ for g in child.children if g.dep_ == "mark" and g.lower_ in CONDITION_MARK_SIGNS)
            mark = next(marks, None)
            if any(g.dep_ == "advmod" and g.lower_ == "even" for g in child.children):
                return None  # "it would be wrong even if he had signed it": a concession, not a condition
            if mark is not None:
                return child, CONDITION_MARK_SIGNS[mark]
    return None
