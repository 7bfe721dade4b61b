"""A judgement of something nobody has done accuses no one.

"It would be wrong to go the other way and start excluding students", "it would be crass
and ignorant to liken a quango review to Hitler's Germany", "this would be wrong even if
Lord Goldsmith had signed the statement": the judging word hangs on a conditional copula
("would be", "could be", "might be") whose subject is "it", "this" or "that", not an actor;
what is judged is put as a supposition (an infinitive or an "if" clause), so the actors
named inside it are not the targets of a criticism
(PLOVER codes events reported as having happened; eval/GUIDE.md). A conditional about a
named actor's doing ("Conservative policies would cause economic failure") is a prediction
about them and stays an accusation.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.syntax import has_to_marker, is_condition

_CONDITIONAL = frozenset({"would", "could", "might", "may"})
_EMPTY_SUBJECTS = frozenset({"it", "this", "that"})


def _copula(token: Token) -> Token | None:
    """The copula a judging adjective or noun is the complement of ("would be wrong")."""
    head = token.head
    while token.dep_ == "conj" and head.i != token.i:  # "crass and ignorant"
        token, head = head, head.head
    if token.dep_ in ("acomp", "attr") and head.lemma_ == "be":
        return head
    return None


def judges_a_hypothetical(token: Token) -> bool:
    """ "It would be wrong to ...", "this would be wrong even if ...": a supposition judged."""
    copula = _copula(token)
    if copula is None:
        return False
    if not any(c.dep_ == "aux" and c.lower_ in _CONDITIONAL for c in copula.children):
        return False
    if not any(c.dep_ in ("nsubj", "expl") and c.lower_ in _EMPTY_SUBJECTS for c in copula.children):
        return False
    return any(_supposition(c) for c in [*copula.children, *token.children])


def _supposition(clause: Token) -> bool:
    """An infinitive ("to go the other way") or an "if" clause ("even if Lord Goldsmith had
    signed"): what is judged is supposed, not done. Without one, "this may be a war crime"
    hedges a judgement of something that happened and stays an accusation."""
    infinitive = has_to_marker(clause)
    if clause.dep_ in ("xcomp", "ccomp", "advcl") and infinitive:
        return True
    return is_condition(clause)
