"""Who "it" and "they" are when they hold a stance: the body the text has just been about.

The mention layer links "he" and "she" to people; a party, a firm or a committee goes on
as "it" or "they" ("LG Group has said … It says it wants fair guidelines"; "The MPs'
report … They called for a guarantee"), and the holder was lost. Reports keep their
subject (subject continuity, as in centering accounts of reference): a pronoun subject
continues the subject of the clause that governs it ("the Lib Dems said they would
oppose …"), else the subject of the main clause of one of the two sentences before (of
the reporting verb set into it: "…, says the committee, …"), or the speaker of the quote
that sentence is. The nearest such subject decides: when it
names a body of the pronoun's kind, that body holds the stance; a person is passed over
(no "it", no "they"); a thing, a place or unnamed people there ("the bill", "voters") is
what the pronoun continues, and nobody is named.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Token

from pipeline.nlp.quotes import is_cue
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import nominal_subjects

if TYPE_CHECKING:
    from pipeline.nlp.stances.context import StanceArticle

# the entity types each pronoun can stand for when it takes a position
BODY_PRONOUNS = {"it": ("ORGANIZATION", "COUNTRY"), "they": ("ORGANIZATION", "GROUP", "COUNTRY")}
LOOKBACK_SENTENCES = 2
MAX_CHAIN = 3  # "It says it wants …": a pronoun continuing a pronoun, followed this far


def body_pronoun(art: StanceArticle, pronoun: Token, across_sentences: bool = True, depth: int = 0) -> Mention | None:
    """The body a subject "it"/"they" stands for, or None. Inside a direct quote only the
    clause governing the pronoun counts (`across_sentences` false): the speaker's own
    sentences before are about whatever the speaker was talking about."""
    wanted = BODY_PRONOUNS.get(pronoun.lower_)
    if wanted is None:
        return None
    for subject, speaker in _salient_subjects(art, pronoun, across_sentences):
        if subject is not None and subject.lower_ == pronoun.lower_:
            if depth >= MAX_CHAIN:
                return None
            return body_pronoun(art, subject, across_sentences, depth + 1)
        mention = speaker if subject is None else art.holder_of(subject)
        if mention is None:
            return None
        if mention.entity_type in wanted or pronoun.lower_ == "they" and _coordinated(subject):
            return mention  # "Mr Howard and Mr Kennedy have said they would …": the first named
        if mention.entity_type != "PERSON":
            return None
    return None


def _salient_subjects(
    art: StanceArticle, pronoun: Token, across_sentences: bool
) -> Iterator[tuple[Token | None, Mention | None]]:
    """Candidate antecedents, nearest first, as (subject token, None) or (None, speaker):
    the subjects of the clauses above the pronoun's before it, then per earlier sentence
    the subject of its main clause or the speaker of a quote holding that clause."""
    for above in pronoun.head.ancestors:
        for subject in sorted(nominal_subjects(above), key=lambda c: -c.i):
            if subject.i < pronoun.i:
                yield subject, None
    if not across_sentences:
        return
    here = art.ctx.sentence_at(pronoun.idx)
    if here is None:
        return
    for sentence in reversed(art.ctx.sentences[max(0, here.sentence_id - LOOKBACK_SENTENCES) : here.sentence_id]):
        if sentence.section not in ("body", "headline"):
            return
        span = art.ctx.sentence_span(sentence)
        if span is None:
            return
        root = span.root
        quote = art.quote_at(root.idx, "direct")
        if quote is not None:
            yield None, art.speaker(quote)
            continue
        subjects = nominal_subjects(root)
        if not subjects:
            return  # no main-clause subject to continue: the chain is broken
        reporter = _parenthetical_reporter(root)
        if reporter is not None:
            yield reporter, None  # "As a result, says the committee, the government may …"
            continue
        yield subjects[0], None


def _parenthetical_reporter(root: Token) -> Token | None:
    """The subject of a reporting verb set into the main clause ("As a result, says the
    committee, the government may need to …"): the sentence is that one's report, so it is
    that one the text goes on about, not the reported clause's subject."""
    for child in root.children:
        if child.dep_ == "parataxis" and child.i < root.i and is_cue(child):
            subject = next((c for c in child.children if c.dep_ == "nsubj" and c.i > child.i), None)
            if subject is not None:
                return subject
    return None


def _coordinated(subject: Token | None) -> bool:
    """Whether a subject is "X and Y": people together are a "they"."""
    return subject is not None and any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in subject.children) and any(
        c.dep_ == "conj" for c in subject.children
    )


# the least score of a stance verb whose narrated "it"/"they" subject continues a body:
# firm cues only ("It has condemned the plans", "They oppose the war"); what a pronoun
# narrates doing otherwise ("as it continues to fight …") is business, no position
NARRATED_MIN_CUE_SCORE = 0.8


def narrated_body(art: StanceArticle, verb: Token, pronoun: Token) -> Mention | None:
    """The body a narrated subject "it"/"they" of a firm stance verb stands for ("Unison
    represents 1.3 million workers. It has condemned the plans"): the one `body_pronoun`
    finds the text going on about, only when the verb itself takes a side firmly
    (`NARRATED_MIN_CUE_SCORE`), by its lemma or with its particle ("spoke out"), and is
    what the sentence asserts: its main verb or a conjunct of it, not a clause set below
    ("as it continues to fight for its survival", "there is no guarantee they will vote for …")."""
    if pronoun.lower_ not in BODY_PRONOUNS:
        return None
    main = verb.head if verb.dep_ == "conj" else verb
    if main.dep_ != "ROOT":
        return None
    lemma = verb.lemma_.lower()
    phrases = [lemma, *(f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in ("prt", "prep"))]
    found = [cue for phrase in phrases if (cue := art.lex.cue(phrase)) is not None]
    if not any(score >= NARRATED_MIN_CUE_SCORE for _, score in found):
        return None
    return body_pronoun(art, pronoun)
