"""The silver sets' index (`pipeline.evaluation.silver`): every set folder listed with the
layers it annotates, every listed set loadable as annotations of its own articles."""

from __future__ import annotations

import pytest

from pipeline.evaluation.gold import load_annotations
from pipeline.evaluation.silver import SILVER_DIR, SilverSetsError, format_silver, silver_sets


def test_every_silver_set_is_listed_and_loads():
    sets = silver_sets()
    assert sets, "eval/silver/sets.yaml lists no set"
    for name, layers in sets.items():
        articles = load_annotations(SILVER_DIR / name / "annotations", SILVER_DIR / name / "articles")
        assert articles, f"{name}: no annotated article"
        for layer in layers:
            assert any(getattr(a, layer) for a in articles), f"{name}: {layer} listed but annotated nowhere"


@pytest.mark.parametrize(
    ("sets", "problem"),
    [
        ("a: [entities]\nb: [entities]\n", "b: no folder"),
        ("a: [opinions]\n", "a: layers must be"),
        ("a: []\n", "a: layers must be"),
        ("{}\n", "a: a folder not listed"),
        ("- a\n", "expected a mapping"),
    ],
)
def test_a_wrong_index_names_the_problem(tmp_path, sets, problem):
    (tmp_path / "a" / "annotations").mkdir(parents=True)
    (tmp_path / "sets.yaml").write_text(sets, encoding="utf-8")
    with pytest.raises(SilverSetsError, match=problem):
        silver_sets(tmp_path)


def test_the_table_has_a_row_per_set_and_layer():
    score = {"precision": 0.5, "recall": 0.25, "f1": 1 / 3, "matched": 1, "predicted": 2, "gold": 4, "n_articles": 3}
    table = format_silver({"x": {"stances": {**score, "polarity_accuracy": 1.0}}, "y": {"entities": score}})
    rows = table.splitlines()[2:]
    assert rows == [
        "| x | stances | 3 | 0.500 | 0.250 | 0.333 | 1 / 2 / 4 | polarity 1.000 |",
        "| y | entities | 3 | 0.500 | 0.250 | 0.333 | 1 / 2 / 4 |  |",
    ]
