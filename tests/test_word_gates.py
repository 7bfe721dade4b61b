"""The word-list gates the rules test before reading a token's dependents lose no entry."""

from __future__ import annotations

from pipeline.nlp.events.criticism import SHORTCOMING_VERBS
from pipeline.nlp.events.vocabulary import SHORTCOMING_PHRASES
from pipeline.nlp.stances.idioms import _IDIOMS_BY_FIRST_WORD
from pipeline.nlp.stances.words import EVALUATIVE_IDIOMS


def test_every_idiom_is_found_under_a_word_of_any_text_holding_it():
    indexed = {(idiom, weight) for entries in _IDIOMS_BY_FIRST_WORD.values() for idiom, weight in entries}
    assert indexed == set(EVALUATIVE_IDIOMS.items())
    for idiom in EVALUATIVE_IDIOMS:
        text = f" the plan {idiom} for them "
        by_scan = {i for i in EVALUATIVE_IDIOMS if f" {i} " in text}
        by_index = {i for w in set(text.split(" ")) for i, _ in _IDIOMS_BY_FIRST_WORD.get(w, ()) if f" {i} " in text}
        assert by_index == by_scan


def test_every_shortcoming_phrase_has_its_verb_in_the_gate():
    assert SHORTCOMING_PHRASES and all(verb in SHORTCOMING_VERBS for verb, _ in SHORTCOMING_PHRASES)


IDIOM_TEXTS = [
    ("idioms", '"The scheme makes no sense," he said. "Identity cards are not the answer, and this plan is '
     'a step in the right direction," she said. "It is a waste of money."\n'),
]


def test_the_idiom_gate_skips_no_idiom(monkeypatch):
    from pipeline.nlp.extract import build_contexts
    from pipeline.nlp.stances import idioms

    doc = build_contexts(IDIOM_TEXTS)[0].doc
    pairs = [(t, s) for t in doc for s in t.children if s.dep_ in ("nsubj", "nsubjpass", "csubj")]
    gated = [idioms._idiom_weight(t, s) for t, s in pairs]
    monkeypatch.setattr(idioms, "_may_hold_an_idiom", lambda verb: True)
    assert gated == [idioms._idiom_weight(t, s) for t, s in pairs]
    assert any(w is not None for w in gated) and any(w is None for w in gated)
