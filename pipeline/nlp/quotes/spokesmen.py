"""A bare "a spokesman" (no body or person named in the phrase) speaks for the body or person
the text is reporting on (eval/GUIDE.md: an unnamed spokesperson of a named body or person).

Two readings, in this order:

1. The body the spokesman's own words are about, as their subject: "A spokesman said
   Downing Street had no comment to make" (a spokesman reporting the body's position names
   it as the subject of what he says).
2. Whoever spoke just before, in the same sentence or the two before: "Mr Galloway said …
   A spokesman later said Mr Galloway had friends …", "They said they would also press
   Labour … "It is important …," a spokesman said." (the Tories).

Without either, the spokesman speaks for nobody named (null).
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.quotes.context import QuoteArticle
from pipeline.nlp.quotes.documents import DEFINITE, INDEFINITE, SPEAKER_TYPES, determined
from pipeline.nlp.quotes.previous import last_speech, spoken_by
from pipeline.nlp.records import Mention

# sentences back the speech a bare spokesman takes up may lie
SENTENCES_BACK = 2


def bare_spokesman_principal(art: QuoteArticle, cue: Token, subject: Token) -> Mention | None:
    """The body or person a bare spokesman speaks for (module docstring); None otherwise."""
    if not _bare_spokesman(subject):
        return None
    return _body_spoken_of(art, cue) or _speaker_before(art, subject)


def _bare_spokesman(subject: Token) -> bool:
    """ "a spokesman", "the spokeswoman": nothing in the phrase says for whom."""
    if not subject.lemma_.lower().startswith("spokes") or subject.tag_ != "NN":
        return False
    if not determined(subject, INDEFINITE + DEFINITE):
        return False
    described = ("prep", "compound", "amod", "nmod", "poss", "appos", "relcl", "acl")
    return not any(c.dep_ in described for c in subject.children)


def _body_spoken_of(art: QuoteArticle, cue: Token) -> Mention | None:
    """The organisation named as the subject of the clause the cue reports."""
    clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i), None)
    if clause is None:
        return None
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    found = art.index.at(subject) if subject is not None else None
    if found is None or found.kind != "name" or found.entity_type != "ORGANIZATION":
        return None
    return found


def _speaker_before(art: QuoteArticle, subject: Token) -> Mention | None:
    """The named speaker of the latest speech event before the spokesman (a pronoun read as
    its antecedent), within `SENTENCES_BACK` sentences; None when that speech has no speaker
    the text names."""
    event = last_speech(art, subject.idx, SENTENCES_BACK)
    m = spoken_by(art, event) if event is not None else None
    if m is None or m.kind in ("pronoun", "title") or m.entity_type not in SPEAKER_TYPES:
        return None
    return m
