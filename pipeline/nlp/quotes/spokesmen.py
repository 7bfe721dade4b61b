"""A bare "a spokesman" (no body or person named in the phrase) speaks for the body or person
the text is reporting on (eval/GUIDE.md: an unnamed spokesperson of a named body or person).

Three readings, in this order:

1. The body the spokesman's own words are about, as their subject: "A spokesman said
   Downing Street had no comment to make" (a spokesman reporting the body's position names
   it as the subject of what he says).
2. The named subject of the clause the spokesman's report hangs from: "Downing Street
   defended the decision, with a spokesperson saying: …".
3. Whoever spoke just before, in the same sentence or the two before (sentences inside the
   quote that speech goes on with not counted): "Mr Galloway said: "…" "…" "…" A spokesman
   later said Mr Galloway had friends …", "They said they would also press Labour …
   "It is important …," a spokesman said." (the Tories); "Transport 2000 said the freeze
   sends the wrong message. "…," said a spokesman." (the speech before the quote, not the
   spokesman's own report after it).

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
    return _body_spoken_of(art, cue) or _clause_subject(art, cue, subject) or _speaker_before(art, subject, cue)


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


def _clause_subject(art: QuoteArticle, cue: Token, subject: Token) -> Mention | None:
    """The body or person named as the subject of the clause the spokesman's report hangs
    from ("X defended the decision to …, with a spokesperson saying"), in the same sentence:
    the nearest verb above the cue that has a subject."""
    head = cue
    while head.dep_ not in ("ROOT", "ccomp") and head.head.i != head.i:
        head = head.head
        main = next((c for c in head.children if c.dep_ == "nsubj"), None) if head.pos_ in ("VERB", "AUX") else None
        if main is None:
            continue
        found = art.index.at(main)
        if found is None or found.kind != "name" or found.entity_type not in SPEAKER_TYPES or art.in_quote(main.idx):
            return None
        return found if found.char_start < subject.idx else None
    return None


def _speaker_before(art: QuoteArticle, subject: Token, cue: Token) -> Mention | None:
    """The named speaker of the latest speech event before the spokesman and the cue (a
    pronoun read as its antecedent), within `SENTENCES_BACK` sentences not inside a quote;
    None when that speech has no speaker the text names."""
    here = min(subject.idx, cue.idx)
    event = last_speech(art, here)
    if event is None or event.cue_char is None or _sentences_said(art, event.cue_char, here) > SENTENCES_BACK:
        return None
    m = spoken_by(art, event)
    if m is None or m.kind in ("pronoun", "title") or m.entity_type not in SPEAKER_TYPES:
        return None
    return m


def _sentences_said(art: QuoteArticle, lo: int, hi: int) -> int:
    """Sentences starting after the one at `lo` up to the one at `hi`, leaving out those that
    open inside a quote (the speech of `lo` going on)."""
    first, last = art.sent_of(lo), art.sent_of(hi)
    if first is None or last is None:
        return SENTENCES_BACK + 1
    return sum(
        1 for start in art.sent_starts
        if first.start_char < start <= last.start_char and not art.in_quote(_first_char(art, start))
    )


def _first_char(art: QuoteArticle, start: int) -> int:
    while start < len(art.text) and art.text[start].isspace():
        start += 1
    return start
