"""Whether a judgement or a saying is asserted: negation of judging words and modality of
the words' cue.

"not illegal", "was not a failure", "no one has failed", "denied that Mr Darling had not
told the truth": a judging word negated, done by nobody, or in a clause a denial governs
judges no one; a negated auxiliary before its own subject ("isn't it ironic") asks a
question that asserts. A quote whose cue verb foretells or imagines its words ("will be
saying that ...") reports nothing said.

Shared by speech, labels, praise, rulings and critical adjectives, which all take back a
criticism the same way; kept apart from what criticises (`criticism.py`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.events.draft import (
    ASSERTED,
    EventContext,
    lemma_in,
)
from pipeline.nlp.events.modality import saying_modality
from pipeline.nlp.events.vocabulary import (
    CLAUSE_DENIAL_VERBS,
)
from pipeline.nlp.syntax import (
    NEGATION_WORDS,
    has_neg,
    has_no_determiner,
    is_subject,
)


def denied_above(verb: Token) -> bool:
    """ "denied that Mr Darling had not told the truth", "nobody could claim he had not told the
    truth", "did not say he was not fit": a denial in a clause the judging clause is the
    complement of (a negated verb, a negative subject, a verb of denial: `CLAUSE_DENIAL_VERBS`)
    takes back the charge."""
    node = verb
    while node.dep_ in ("ccomp", "xcomp") and node.head.i != node.i:
        node = node.head
        if has_neg(node) or lemma_in(node, CLAUSE_DENIAL_VERBS):
            return True
        if any(c.dep_ in ("nsubj", "nsubjpass") and _negative(c) for c in node.children):
            return True
    return False


def _negative(noun: Token) -> bool:
    """ "nobody", "none", "no one", "no minister": a noun phrase that names no one."""
    return noun.lower_ in NEGATION_WORDS or has_no_determiner(noun)


def negated(token: Token) -> bool:
    """ "not illegal", "was not a failure", "no complacency": the judging word or its head is
    negated. A "not" after a comma that the parser hangs on the word ("huge waste, not on the
    frontline but on bureaucracy") contrasts what follows it and leaves the word asserted."""
    doc = token.doc
    if any(c.dep_ == "neg" and not (c.i > token.i and doc[c.i - 1].text == ",") for c in token.children):
        return True
    if _nobody_does(token):
        return True
    if token.pos_ == "NOUN" and _negative(token):
        return True  # "there is no complacency in the Labour Party": the fault is denied
    head = token.head
    negated = token.dep_ in ("acomp", "attr", "amod", "dobj") and head.i != token.i and has_neg(head)
    return negated and not rhetorical(head) or _lacked(token)


def _lacked(token: Token) -> bool:
    """ "to pursue good policy without accusations of bad faith": a judging word inside the
    noun phrase of a "without" phrase names what is absent, it judges no one."""
    node = token
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        if node.dep_ == "pobj" and node.head.lower_ == "without":
            return True
        node = node.head
    return False


def _nobody_does(verb: Token) -> bool:
    """ "nothing is going to get in the way of a unified party", "no one has failed": a verb
    whose subject (or, for an infinitive, its governing verb's) is a negative word does
    nothing of what it says."""
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
    return verb.pos_ in ("VERB", "AUX") and any(is_subject(c) and c.lower_ in NEGATION_WORDS for c in verb.children)


def rhetorical(verb: Token) -> bool:
    """ "isn't it ironic that they're saying there is no choice", "is it not absurd": a negated
    auxiliary before its own subject asks a question that asserts what it seems to deny (a
    plain denial puts the subject first: "it isn't ironic")."""
    if verb.pos_ != "AUX" and verb.lemma_ not in ("be", "do", "have"):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "expl")]
    negations = [c for c in verb.children if c.dep_ == "neg"]
    return bool(subjects and negations) and all(s.i > verb.i for s in subjects)


def words_said(ec: EventContext, span: Span) -> bool:
    """Whether the quote's cue verb (the verb its words hang from) reports words said:
    "Freddie Forsyth will be saying that the government didn't do enough" foretells them."""
    cue = span.root.head
    if span.start <= cue.i < span.end or cue.pos_ not in ("VERB", "AUX"):
        return True
    return saying_modality(cue, ec.lexicon) == ASSERTED
