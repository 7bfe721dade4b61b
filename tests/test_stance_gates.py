"""The stance passes' gates: a token whose gate is shut gets no pass call, so the gate must
never shut on a token where its pass would find something."""

from __future__ import annotations

from pipeline.nlp.lexicons import load_stance_lexicon
from pipeline.nlp.mentions import detect_mentions
from pipeline.nlp.quotes import extract_quotes
from pipeline.nlp.stances.context import stance_context
from pipeline.nlp.stances.detect import GATES, QUOTE_PASSES, TOKEN_PASSES, Gate, _word_kind
from pipeline.nlp.stances.groups import group_mentions
from pipeline.nlp.token_view import view_of
from tests.case_harness import contexts


def test_every_pass_has_a_gate():
    assert set(GATES) == set(TOKEN_PASSES) | set(QUOTE_PASSES)


def test_a_shut_gate_hides_nothing_its_pass_finds():
    lex = load_stance_lexicon()
    shut = found = 0
    for ctx in contexts("stances").values():
        mentions = detect_mentions(ctx)
        quotes = extract_quotes(ctx, mentions)
        art = stance_context(ctx, quotes, mentions + group_mentions(ctx, mentions), lex)
        view = view_of(ctx.doc)
        for token in ctx.doc:
            i = token.i
            gate = Gate(view.pos[i], view.dep[i], view.tag[i], *_word_kind(lex, view.lower[i], view.lemma[i]))
            for signals_of, can_find in GATES.items():
                signals = signals_of(art, token)
                if can_find(gate):
                    found += bool(signals)
                else:
                    shut += 1
                    assert signals == [], f"{signals_of.__name__} finds {signals} at {token.text!r} in {ctx.article_id}"
    assert shut > 10_000 and found > 50  # most calls are gated off; the open ones find stances
