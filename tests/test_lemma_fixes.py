"""Lemma corrections: loaded and validated from knowledge/lemma_fixes.yaml, applied by the
shared pipeline so every extractor reads the same lemma."""

from __future__ import annotations

import textwrap

import pytest

from pipeline.nlp.lexicons import load_lemma_fixes
from pipeline.nlp.model import LEMMA_FIXES, load_nlp


def _lemma(text: str, word: str) -> tuple[str, str]:
    token = next(t for t in load_nlp()(text) if t.lower_ == word)
    return token.tag_, token.lemma_


def test_the_shared_pipeline_runs_the_fixes_after_the_lemmatizer():
    names = load_nlp().pipe_names
    assert names.index(LEMMA_FIXES) == names.index("lemmatizer") + 1


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("Russia staged talks between the two ministers.", "staged", "stage"),
        ("The rebels have waged war for a decade.", "waged", "wage"),
        ("The court fined the company last week.", "fined", "fine"),
    ],
)
def test_a_known_wrong_lemma_is_corrected(text, word, lemma):
    tag, found = _lemma(text, word)
    assert tag.startswith("VB") and found == lemma


def test_a_right_lemma_and_a_noun_are_left_alone():
    assert _lemma("A stag ran across the road.", "stag")[1] == "stag"
    assert _lemma("He paid the fines.", "fines")[1] == "fine"  # the noun's own lemma


def test_every_fix_names_one_form_once():
    fixes = load_lemma_fixes()
    forms = [form for fix in fixes for form in fix.forms]
    assert fixes and len(forms) == len(set(forms))
    assert all(fix.lemma != fix.wrong for fix in fixes)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("fixes:\n  - {lemma: stage, wrong: stag}\n", "exactly"),
        ("fixes:\n  - {lemma: stage, wrong: stage, forms: [staged]}\n", "wrong lemma"),
        (
            "fixes:\n  - {lemma: stage, wrong: stag, forms: [staged]}\n  - {lemma: x, wrong: y, forms: [staged]}\n",
            "twice",
        ),
        ("fixes:\n  - {lemma: Stage, wrong: stag, forms: [staged]}\n", "lower-case"),
        ("fixes: {}\n", "list"),
    ],
)
def test_bad_fixes_fail_at_load(tmp_path, body, message):
    path = tmp_path / "fixes.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_lemma_fixes(path)
