"""Whether a word names an issue, something a holder can be for or against: an action (a
verb, or a noun made of one: "proposal", "decision", "file-sharing"), a measure, policy,
system or body (`issue_heads`, `policy_nouns`, `issue_nouns`, `body_nouns`, `goal_nouns`,
stance and protest nouns), a product or a work (`product_nouns`; eval/GUIDE.md: a view on a
product's merits is a stance), or a named body, state, people, law, product or work. A match,
a team's play, a person's skill or a writer is none: judged by a word of quality that fits anything ("a
horrible game", "the best writer", `generic_judgements`), it is no position (eval/GUIDE.md:
"a bare report of facts is not a stance"; the sampled BBC sport and entertainment stances
were such judgements).

A noun is made of a verb when taking off a nominalising suffix (`deverbal_suffixes`) and
putting back one of its endings gives a verb that the spaCy model's lemmatizer lists
("involvement" -> "involve", "closure" -> "close"); "evidence" and "material" give none.
Limits: a noun made of a verb with no suffix ("blockade", "ban", "talks") is an issue only
when listed; a suffixed noun naming a performance or a thing ("performance", "building")
only when not listed in `non_issue_nouns`.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from pipeline.nlp.events.vocabulary import QUANTIFIER_NOUNS
from pipeline.nlp.stances.issues import ISSUE_HEADS
from pipeline.nlp.stances.words import (
    BODY_NOUNS,
    DEVERBAL_SUFFIXES,
    GENERIC_JUDGEMENTS,
    GOAL_NOUNS,
    ISSUE_NOUNS,
    NON_ISSUE_NOUNS,
    POLICY_NOUNS,
    PRODUCT_NOUNS,
    PROTEST_NOUNS,
    STANCE_NOMINALS,
)

# bodies, states, peoples, laws, and products and works (eval/GUIDE.md: a view on a product is a stance)
ISSUE_ENTITY_TYPES = frozenset({"ORG", "GPE", "NORP", "LAW", "FAC", "PRODUCT", "WORK_OF_ART"})
MIN_VERB_BASE = 4  # "trial" -> "tri" is no verb; a shorter base matches by chance
LISTED = (
    frozenset(ISSUE_HEADS) | POLICY_NOUNS | ISSUE_NOUNS | PRODUCT_NOUNS | BODY_NOUNS | GOAL_NOUNS | PROTEST_NOUNS
    | frozenset(STANCE_NOMINALS)
)


def issue_like(token: Token) -> bool:
    """Whether the word (a target's or a predicate noun's head) names an issue (module docstring)."""
    if token.pos_ in ("VERB", "AUX"):
        return True  # "it is right to cut taxes": an action
    if token.ent_type_ == "PERSON":
        return False  # "Dan Brown is the best writer": a person's merits
    if token.ent_type_ in ISSUE_ENTITY_TYPES:
        return True
    lemma = token.lemma_.lower()
    if lemma in NON_ISSUE_NOUNS:
        return False
    if lemma in LISTED or lemma.rstrip("s") in LISTED or token.lower_ in LISTED:
        return True
    return deverbal(lemma)


def counted(noun: Token) -> bool:
    """Whether a noun phrase counts instances ("6,200 illegal homes", "the number of illegal
    immigrants detected", "a couple of shocking episodes"): a judging word on it describes
    the things counted, in a report of how many there are, not an issue (eval/GUIDE.md: "a
    bare report of facts is not a stance")."""
    if any(c.dep_ == "nummod" for c in noun.children):
        return True
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head is prep:
        return False
    frame = prep.head
    return frame.lemma_.lower() in QUANTIFIER_NOUNS or frame.lower_ in QUANTIFIER_NOUNS


def is_generic(word: Token) -> bool:
    """Whether a judging word is one of quality that fits anything (`generic_judgements`)."""
    return word.lower_ in GENERIC_JUDGEMENTS or word.lemma_.lower() in GENERIC_JUDGEMENTS


def deverbal(lemma: str) -> bool:
    """Whether a noun is made of a verb by a suffix ("proposal" -> "propose")."""
    verbs = _verbs()
    for suffix, endings in DEVERBAL_SUFFIXES.items():
        if not lemma.endswith(suffix):
            continue
        base = lemma[: -len(suffix)]
        if len(base) >= MIN_VERB_BASE and any(base + ending in verbs for ending in endings):
            return True
    return False


@functools.cache
def _verbs() -> frozenset[str]:
    """The verbs the model's rule lemmatizer lists; none when it lists none (lookup mode)."""
    from pipeline.nlp.model import load_nlp  # deferred: the model loads once per process anyway

    try:
        index = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
        return frozenset(index["verb"])
    except (KeyError, ValueError):
        return frozenset()
