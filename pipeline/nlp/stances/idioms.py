"""Idioms of judgement in speech: "the scheme makes no sense", "identity cards are not the
answer", "the plan is a step in the right direction", "a waste of money", "a kick in the
teeth for pensioners", "renewing the legislation is not an option", "this bill is doomed to
fail", "the tax could put thousands of jobs at risk", "the officers are making a real
difference": a speaker's clause whose predicate is a fixed phrase of praise or blame
(`evaluative_idioms` in knowledge/stances.yaml) judges the clause's subject, a passive
subject included; an idiom may hold a gap for the predicate's own words ("put ... at risk").

Why a pass of its own: the judging-word passes read one word ("gimmick", "unfair"), but
these phrases judge only as wholes ("sense", "answer", "direction", "teeth" judge nothing
alone). The predicate is read as lemmas from the verb to the end of its clause, without
the negation, which flips the idiom's sign ("are not the answer" blames).
The subject is the thing judged: a noun phrase, a clause ("cutting the tax makes sense"),
or "it"/"this" for what the sentence before is about; an actor ("Labour is not the
answer") or the speaker's side is judged by other passes, if at all. The holder is the
quote's speaker.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Token

from pipeline.nlp.quotes.cues import BODY_NOUNS as ORGANISATION_NOUNS
from pipeline.nlp.stances.context import StanceArticle
from pipeline.nlp.stances.copulas import PLACEHOLDER_SUBJECTS
from pipeline.nlp.stances.polarity import has_negation, hypothetical
from pipeline.nlp.stances.signals import Signal, target_signals
from pipeline.nlp.stances.targets import Target, action_targets, noun_targets
from pipeline.nlp.stances.topic import antecedent_noun
from pipeline.nlp.stances.words import EVALUATIVE_IDIOMS
from pipeline.nlp.syntax import ANY_SUBJECT_DEPS, DEONTIC_MODALS, PERSONAL_PRONOUNS, is_to_infinitive
from pipeline.nlp.token_view import view_of

CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "parataxis"})
GAP = "..."  # in an idiom, where the predicate's own words go ("put ... at risk")
GAP_WORDS = 6  # the most words a gap stands for


def idiom_signals(art: StanceArticle, verb: Token) -> list[Signal]:
    """ "the scheme makes no sense" in a quote: the speaker opposes the scheme."""
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("aux", "auxpass", "pcomp") or hypothetical(verb):
        return []  # "cannot be disclosed without putting others at risk": a means, said of no subject
    if any(c.dep_ == "aux" and c.lower_ in DEONTIC_MODALS for c in verb.children):
        return []  # "it should make no difference": what the speaker wants of it, no judgement
    # a passive subject too: "this bill is doomed to fail"
    subject = _clause_subject(verb)
    if subject is None:
        return []
    weight = _idiom_weight(verb, subject)
    if weight is None:
        return []
    quote = art.quote_at(verb.idx)
    holder = art.speaker(quote)
    if holder is None:
        return []
    if subject.tag_ == "WDT" and verb.dep_ == "relcl":
        subject = verb.head  # "policies that will make a real difference": the noun the clause describes
    targets = judged(art, subject)
    polarity = (1 if weight > 0 else -1) * (-1 if has_negation(art, verb) else 1)
    return target_signals(art, verb, polarity, abs(weight), targets, holder, quote)


def _clause_subject(verb: Token) -> Token | None:
    """The verb's subject, or for a verb coordinated without one that of the verb it is
    coordinated with ("intercept evidence is only a small part of the case and could put
    lives at risk")."""
    subject = next((c for c in verb.children if c.dep_ in ANY_SUBJECT_DEPS), None)
    if subject is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        subject = next((c for c in verb.head.children if c.dep_ in ANY_SUBJECT_DEPS), None)
    return subject


def _idiom_weight(verb: Token, subject: Token) -> float | None:
    """The signed weight of the idiom the predicate is, or None: the verb's lemma and the
    lemmas after the subject in its clause, negation and nested clauses left out."""
    if not _may_hold_an_idiom(verb):
        return None
    skip = {t.i for t in subject.subtree}
    for child in verb.children:
        small = child.dep_ == "ccomp" and child.pos_ not in ("VERB", "AUX")  # "make things worse"
        if child.dep_ in CLAUSE_DEPS and not small or child.dep_ == "neg":
            skip.update(t.i for t in child.subtree)
    words = [verb.lemma_.lower()] + [
        t.lemma_.lower() for t in verb.subtree
        if t.i > verb.i and t.i not in skip and not t.is_punct and not t.is_quote and not t.is_space
    ]
    text = f" {' '.join(words)} "
    # only the idioms whose first word is one of the text's (any idiom the text holds is among them)
    found = [
        (_fixed_length(idiom), weight)
        for word in set(text.split(" "))
        for idiom, weight in _IDIOMS_BY_FIRST_WORD.get(word, ())
        if _holds(text, idiom)
    ]
    return max(found)[1] if found else None


def _holds(text: str, idiom: str) -> bool:
    """Whether the predicate's lemmas (`text`, space-delimited, the verb's first) hold the
    idiom. An idiom with gaps (`GAP`, each up to `GAP_WORDS` words of the predicate's own)
    starts at the verb: "put the lives of agents at risk" holds "put ... at risk", but
    "cannot be disclosed without putting others at risk" is no idiom of "disclosed"."""
    if GAP not in idiom:
        return f" {idiom} " in text
    return _gapped_pattern(idiom).match(text) is not None


@functools.cache
def _gapped_pattern(idiom: str) -> re.Pattern[str]:
    parts = [re.escape(part.strip()) for part in idiom.split(GAP)]
    return re.compile(" " + f"(?: \\S+){{0,{GAP_WORDS}}} ".join(parts) + " ")


def _fixed_length(idiom: str) -> int:
    """An idiom's words, its gaps left out: the longer of two idioms a predicate holds wins
    ("make no difference" over "make ... difference")."""
    return len([word for word in idiom.split(" ") if word != GAP])


def _may_hold_an_idiom(verb: Token) -> bool:
    """False where no idiom can be among the predicate's lemmas, told from the lemmas of the
    verb and of every word after it to the end of its subtree (the predicate's words are among
    them) on the token view: most clauses hold no idiom's every word, and reading the clause's
    tokens one by one was most of this pass's time."""
    view = view_of(verb.doc)
    pieces = {""}  # the pieces `_idiom_weight`'s text splits into at its spaces, and more
    pieces.update(piece for lemma in view.lemma[verb.i : verb.right_edge.i + 1] for piece in lemma.lower().split(" "))
    return any(
        all(piece in pieces for piece in idiom.split(" ") if piece != GAP)
        for word in pieces
        for idiom, _ in _IDIOMS_BY_FIRST_WORD.get(word, ())
    )


def _by_first_word(idioms: dict[str, float]) -> dict[str, list[tuple[str, float]]]:
    """The idioms under their first word: each predicate was searched for every idiom."""
    found: dict[str, list[tuple[str, float]]] = {}
    for idiom, weight in idioms.items():
        found.setdefault(idiom.split(" ")[0], []).append((idiom, weight))
    return found


_IDIOMS_BY_FIRST_WORD = _by_first_word(EVALUATIVE_IDIOMS)


def judged(art: StanceArticle, subject: Token) -> list[Target]:
    """What the clause judges: its clausal subject's action, the thing "it"/"this" points back
    to, or the subject noun; no actor (`StanceArticle.actor_like`), nor a noun that describes
    an organisation ("the club", quotes.yaml body_nouns), whose prospects are no issue."""
    if subject.dep_ == "csubj":
        return action_targets(art, subject)
    if subject.lower_ in PLACEHOLDER_SUBJECTS:
        extraposed = next(
            (c for c in subject.head.children if c.dep_ in ("xcomp", "advcl") and is_to_infinitive(c)), None
        )
        if subject.lower_ == "it" and extraposed is not None:
            return action_targets(art, extraposed)  # "it would be in the public interest to publish the advice"
        noun = antecedent_noun(art, subject)
        return noun_targets(art, noun) if noun is not None else []
    if subject.lower_ in PERSONAL_PRONOUNS or art.actor_like(subject) or subject.lemma_.lower() in ORGANISATION_NOUNS:
        return []  # "the club is doomed to fail": a body's prospects, no issue
    return noun_targets(art, subject)
