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


def test_the_lazy_columns_answer_as_tokens_do(docs):
    for doc in docs:
        view = TokenView(doc)
        assert view.text == [t.text for t in doc]
        assert view.spaced == [1 if t.whitespace_ else 0 for t in doc]
        assert view.ent_type == [t.ent_type_ for t in doc]
        assert view.ent_id == [t.ent_id_ for t in doc]
        assert [("", "I", "O", "B")[v] for v in view.ent_iob] == [t.ent_iob_ for t in doc]
        for flag in ("is_lower", "is_alpha", "is_title", "is_punct", "is_space"):
            assert getattr(view, flag) == [int(getattr(t, flag)) for t in doc], flag


HYPHENATED = [("hyphens", "Test-fired missiles and non-fiction books; a pro - war march, anti -war, co-operation.\n")]


def test_hyphen_prefixes_on_the_view_answer_as_on_tokens(docs):
    from pipeline.nlp.syntax import hyphen_prefix

    def on_tokens(token):  # the Token walk the view replaced
        doc = token.doc
        if token.i < 2 or doc[token.i - 1].text != "-" or doc[token.i - 1].whitespace_ or doc[token.i - 2].whitespace_:
            return ""
        return doc[token.i - 2].lower_ + "-"

    found = set()
    for doc in docs + [ctx.doc for ctx in build_contexts(HYPHENATED)]:
        for token in doc:
            assert hyphen_prefix(token) == on_tokens(token)
            found.add(hyphen_prefix(token))
    assert {"test-", "non-", "co-"} <= found


def test_given_with_on_the_view_answers_as_on_tokens():
    from pipeline.nlp.events.draft import given_with, inner_event_noun

    def on_tokens(verb):  # the Token walk the view replaced
        heads = [verb, *(c for c in verb.children if c.dep_ in ("nsubj", "dobj"))]
        return [
            inner_event_noun(p)
            for head in heads
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for p in c.children
            if p.dep_ == "pobj" and any(g.dep_ == "prep" and g.lower_ == "from" for g in p.children)
        ]

    text = "Colombia, with help from the United States, destroyed the fields with tractors from Brazil.\n"
    doc = build_contexts([("given", text)])[0].doc
    answers = [(given_with(t), on_tokens(t)) for t in doc]
    assert all(a == b for a, b in answers)
    assert any(a for a, _ in answers)  # the sentence has a "with ... from" phrase the rule finds


def test_heads_of_a_word_and_dependency_are_spacys(docs):
    for doc in docs:
        view = TokenView(doc)
        assert view.heads_of("with", "prep") == {t.head.i for t in doc if t.lower_ == "with" and t.dep_ == "prep"}
        assert view.heads_of("with", "prep") is view.heads_of("with", "prep")
