"""Polarity: negation (the lexicon's negators, "not", "never", "no"), hypotheticals,
denials and intensifiers.

A negated deontic or attitude ("should not", "no intention") flips with full force; a
negated verb or judging word flips at half strength when firm (>= 0.6) and takes no side
when weak ("did not doubt"; `merge` drops it, neutral being kept for explicit neutrality).
Intensifiers multiply the score.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.lexicons import StanceLexicon
from pipeline.nlp.stances.context import StanceArticle
from pipeline.nlp.stances.words import BELIEF_VERBS, DENIAL_VERBS, UNIVERSAL_DETERMINERS
from pipeline.nlp.syntax import CONDITION_MARKS, NEGATION_WORDS, has_neg
from pipeline.nlp.token_view import TokenView, view_of


def is_negator(token: Token, lex: StanceLexicon) -> bool:
    return token.lower_ in NEGATION_WORDS or lex.is_negator(token.lower_)


def denied_by_determiner(noun: Token, lex: StanceLexicon) -> bool:
    """ "no desire", "no intention", "no royalties": a negator as the noun's determiner."""
    return any(c.dep_ == "det" and is_negator(c, lex) for c in noun.children)


def negative_determiner(noun: Token, lex: StanceLexicon) -> bool:
    """ "no royalties", "no cuts": a negator as the noun's determiner denies the noun itself
    (`denied_by_determiner`); so does the "no" the parser hangs on a quantity word ("no more
    strikes", "no further delays")."""
    return denied_by_determiner(noun, lex) or any(
        c.dep_ in ("amod", "advmod") and c.i < noun.i and any(g.lower_ == "no" for g in c.lefts)
        for c in noun.children
    )


def has_negation(art: StanceArticle, token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "det", "preconj") and is_negator(child, art.lex)):
            return True
        if child.dep_ == "advmod" and child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
            return True  # "no longer supports"
    if token.dep_ == "xcomp" and token.head != token:  # "does not want to support"
        adjective = token.head  # "is not happy to back": the copula of the adjective above
        copula = adjective.head if adjective.dep_ == "acomp" and adjective.head.lemma_ == "be" else None
        return has_neg(adjective) or copula is not None and has_neg(copula)
    if token.dep_ == "acomp" and token.head.lemma_ == "be":  # "is not opposed to the plan"
        return has_neg(token.head)
    return False


def believed_negated(token: Token) -> bool:
    """ "I don't think the relationship is good": a negated belief verb above the clause."""
    head = token.head if token.dep_ != "ROOT" else token
    clause = token if token.dep_ in ("ccomp",) else head
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in BELIEF_VERBS:
        return has_neg(clause.head)
    return False


def intensity(art: StanceArticle, token: Token) -> float:
    factor = 1.0
    for child in token.children:
        if child.dep_ in ("advmod", "npadvmod"):
            factor *= art.lex.intensity(child.lower_)
    return factor


def negate(polarity: int, score: float, full: bool) -> tuple[int, float]:
    """Negation flips a firm stance (at half strength unless `full`) and neutralises a weak one."""
    if full:
        return -polarity, score
    if score >= 0.6:
        return -polarity, score * 0.5
    return 0, score * 0.5


def universal(noun: Token) -> bool:
    """ "all immigration", "every cut": negating a stance on all of something ("is not against
    all immigration") denies only the whole, so it takes no side on the thing."""
    return any(c.dep_ in ("det", "predet") and c.lower_ in UNIVERSAL_DETERMINERS for c in noun.children)


def negative_subject(subject: Token, lex: StanceLexicon) -> bool:
    """ "No politician", "nobody", "none of us"."""
    return lex.is_negator(subject.lower_) or any(c.dep_ == "det" and lex.is_negator(c.lower_) for c in subject.children)


def hypothetical(token: Token) -> bool:
    """A condition ("if they did not stop …") takes no stance."""
    view = view_of(token.doc)
    key = ("hypothetical", token.i)
    if key not in view.memo:  # asked of the same word by several passes
        view.memo[key] = _hypothetical(view, token.i)
    return view.memo[key]


def _hypothetical(view: TokenView, i: int) -> bool:
    children, dep, lower = view.children, view.dep, view.lower
    if any(dep[c] == "aux" and lower[c] in ("would", "could", "might") for c in children(i)) and any(
        dep[c] == "advcl" and any(dep[g] == "mark" and lower[g] in CONDITION_MARKS for g in children(c))
        for c in children(i)
    ):
        return True  # "Labour would oppose the bill if …": the main clause of a condition
    node = i
    for _ in range(10):
        if any(dep[c] == "mark" and lower[c] in ("if", "unless", "whether") for c in children(node)):
            return True
        # (a token that is its own head climbs to itself: the same answer, ten times over)
        if dep[node] in ("ROOT", "ccomp", "relcl"):
            return False  # a relative clause asserts what it says of its noun: "whether this
            # policy, which was applauded by environmentalists, will be affected"
        node = view.head[node]
    return False


def negated_phrase(word: Token, lex: StanceLexicon) -> bool:
    """ "in no way simple": a negator determining a preposition's object next to the word."""
    for child in word.children:
        if child.dep_ == "prep":
            for g in child.children:
                if any(d.dep_ == "det" and is_negator(d, lex) for d in g.children):
                    return True
    return False


def under_denial(word: Token) -> bool:
    """ "denied his forecasts were too optimistic": the judgement is the one denied."""
    return any(ancestor.lemma_.lower() in DENIAL_VERBS for ancestor in list(word.ancestors)[:4])
