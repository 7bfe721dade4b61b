"""The token view answers exactly what spaCy's Token objects answer."""

from __future__ import annotations

import pytest

from pipeline.nlp.extract import build_contexts
from pipeline.nlp.token_view import TokenView, view_of
from tests.conftest import SEEDS

TEXTS = [
    ("plain", "Talks resume\n\nThe minister said talks would resume on Monday if Russia agreed.\n"),
    ("empty", ""),
    ("spaces", "  \n\n  A  test ,  with   spaces .\n\n\n"),
]


@pytest.fixture(scope="module")
def docs():
    items = TEXTS + [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    return [ctx.doc for ctx in build_contexts(items)]


def test_every_attribute_and_every_child_list_equals_spacys(docs):
    checked = 0
    for doc in docs:
        view = TokenView(doc)
        assert len(view) == len(doc)
        for token in doc:
            i = token.i
            assert (view.lower[i], view.dep[i], view.pos[i], view.tag[i], view.lemma[i]) == (
                token.lower_, token.dep_, token.pos_, token.tag_, token.lemma_
            )
            assert (view.head[i], view.idx[i]) == (token.head.i, token.idx)
            assert view.children(i) == tuple(c.i for c in token.children)
            checked += 1
    assert checked > 1000  # the seed articles are in


def test_the_last_view_is_kept_for_its_doc_only(docs):
    first = view_of(docs[0])
    assert view_of(docs[0]) is first
    assert view_of(docs[3]) is not first and view_of(docs[3]).doc is docs[3]


def test_the_entity_spans_are_spacys_and_made_once(docs):
    for doc in docs:
        view = TokenView(doc)
        ents = view.ents
        assert [(e.start, e.end, e.label_, e.ent_id_) for e in ents] == [
            (e.start, e.end, e.label_, e.ent_id_) for e in doc.ents
        ]
        assert view.ents is ents


def test_negation_tests_on_the_view_answer_as_on_tokens(docs):
    from pipeline.nlp.syntax import has_neg, is_negated

    for doc in docs:
        for token in doc:
            assert has_neg(token) == any(c.dep_ == "neg" for c in token.children)
            assert is_negated(token) == any(c.dep_ == "neg" or c.lower_ == "never" for c in token.children)
