"""An "it" reporting for the organisation named before it.

"The Environmental Audit Committee published its report on Tuesday. It said …": the parser
reads "it" as a subject that names nobody (`syntax.subject_of` passes it over, since "it
is thought", "it emerged" name no one), but "it" as the active subject of a reporting verb
is the body the text was about: the organisation of the latest sentence that names one, its
main subject when it has one, else the one organisation it names (eval/GUIDE.md: a body
speaks through its statements). Two different organisations there and neither its subject
compete, and the rule declines; a place or country is never "it" here (countries speak
through their governments). The rule reads only the sentences before and the mentions, so
it lives apart from the other speaker rules (`speakers`, which call it when a reporting
verb has no other subject).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from pipeline.nlp.quotes.context import QuoteArticle
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import FINITE_OR_PARTICIPLE_TAGS

# sentences back the organisation "it" takes up may be named
BODY_WINDOW = 2


def it_subject(cue: Token) -> Token | None:
    """The "it" that is the active subject of a reporting verb in the past or present
    ("it said", "It added:"), not an expletive ("it is said", "it seems")."""
    it = next((c for c in cue.children if c.dep_ == "nsubj" and c.lower_ == "it"), None)
    if it is None or cue.tag_ not in FINITE_OR_PARTICIPLE_TAGS:
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children):
        return None
    return it


def body_before(art: QuoteArticle, it: Token, described: Callable[[Token], Mention | None]) -> Mention | None:
    """The organisation "it" reporting takes up: in its own sentence the main subject, if
    an organisation ("The Home Office has produced a report which it describes as …");
    else the latest sentence before that names one, its subject's when that is one, else
    the only one it names; None when two compete or none is named. A sentence whose subject
    describes something else the text did not name ("The book, by Robert Peston, said …",
    "a short statement was presented") is what "it" is, and gives the body `described`
    takes that description up as (the commission, the report's author), else nobody; one
    whose subject is "it" itself passes on to the sentence before."""
    sent = it.sent
    own = _subject(sent.root)
    named = art.index.at(own) if own is not None and own.i < it.i and not _unsure(art, own) else None
    if named is not None and named.entity_type == "ORGANIZATION" and named.kind != "pronoun":
        return named
    lo = sent.start
    for _ in range(BODY_WINDOW):
        if lo == 0:
            return None
        span = art.doc[lo - 1].sent
        lo = span.start
        if not any(t.is_alpha for t in span):
            continue  # a closing quote mark or a blank line left as a sentence takes no turn
        subject = _subject(span.root)
        if subject is not None and subject.lower_ == "it":
            continue
        if subject is not None and _unsure(art, subject):
            return None  # "The BBC and ITV …", "The Conservatives …", a quoted subject
        named = art.index.at(subject) if subject is not None else None
        if named is not None and named.entity_type == "ORGANIZATION" and named.kind != "pronoun":
            return named
        if named is not None and named.entity_type != "PERSON" and named.kind != "pronoun":
            return None  # "Iran rejected the offer from the EU. It said …": the country, never "it" here
        if subject is not None and named is None and subject.pos_ in ("NOUN", "PROPN"):
            return described(subject)
        bodies = [
            m
            for m in art.index.mentions
            if span.start_char <= m.char_start < span.end_char
            and m.kind != "pronoun"
            and m.entity_type == "ORGANIZATION"
            and not art.in_quote(m.char_start)
        ]
        if bodies:
            return bodies[-1] if len({m.name for m in bodies}) == 1 else None
    return None


def _unsure(art: QuoteArticle, subject: Token) -> bool:
    """A subject "it" cannot safely take up: several ("The BBC and ITV"), a plural ("The
    Conservatives"), or one inside a quotation (someone else's words)."""
    return (
        any(c.dep_ == "conj" for c in subject.children)
        or subject.tag_ in ("NNS", "NNPS")
        or art.in_quote(subject.idx)
    )


def _subject(verb: Token) -> Token | None:
    """The verb's subject; of two (the parser's reading of "X suffered …, said the committee"),
    the one next to the verb, as `syntax.subject_of` has it."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None
