"""The contract in code: violations fail loudly, naming the column and the rows."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from pipeline import schemas, table_build
from pipeline.nlp.corpus import article_rows
from tests.conftest import SEEDS, run_pipeline


def entity_rows(**overrides):
    row = {"entity_id": "country:AZE", "name": "Azerbaijan", "entity_type": "COUNTRY", "country_iso3": "AZE",
           "role": None, "wikidata_id": "Q227", "aliases": ["Azerbaijan"], "n_mentions": 1, "n_articles": 1}
    return pd.DataFrame([row, {**row, **overrides}])


def test_valid_rows_pass():
    frame = entity_rows(entity_id="country:ARM", name="Armenia", country_iso3="ARM", aliases=["Armenia"])
    assert len(schemas.validate("entities", frame)) == 2


def test_violation_names_column_check_and_row():
    frame = entity_rows(entity_id="country:ARM", entity_type="PLANET", wikidata_id="227")
    with pytest.raises(schemas.SchemaViolation) as error:
        schemas.validate("entities", frame)
    message = str(error.value)
    assert "'entity_type'" in message and "PLANET" in message and "rows [1]" in message
    assert "'wikidata_id'" in message


def test_missing_column_is_reported():
    with pytest.raises(schemas.SchemaViolation, match="missing columns"):
        schemas.validate("entities", entity_rows().drop(columns=["aliases"]))


def test_duplicate_primary_key_is_reported():
    with pytest.raises(schemas.SchemaViolation, match="entity_id"):
        schemas.validate("entities", entity_rows())


@pytest.mark.slow  # runs the pipeline on a seed
def test_asset_fails_with_the_violation(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "000_c5783bed5a5e9dc2.txt", seeds)

    def broken_rows(*args, **kwargs):
        rows = article_rows(*args, **kwargs)
        rows["sentences"][0]["section"] = "footer"
        return rows

    monkeypatch.setattr(table_build, "article_rows", broken_rows)
    result = run_pipeline(seeds, tmp_path / "data")
    assert not result.success
    failure = next(e for e in result.all_events if e.is_step_failure)
    message = str(failure.step_failure_data.error)
    assert "'section'" in message and "footer" in message and "rows [0]" in message
    assert not (tmp_path / "data" / "warehouse.duckdb").exists()


def test_column_descriptions_are_those_of_the_built_schema():
    """Read from the model's fields (no schema built at start-up), the same as Pandera's."""
    for table, (model, _) in schemas.TABLES.items():
        built = {name: column.description or "" for name, column in model.to_schema().columns.items()}
        assert schemas.column_descriptions(table) == built, table


def test_the_models_are_built_once_per_process(monkeypatch):
    """The tables' step, the checks and the exports each prepare the models before their
    child processes fork: the second and third time validate nothing again."""
    from pipeline import schemas
    from pipeline.exports import prepare_exports

    schemas.build_models()
    validated = []
    monkeypatch.setattr(schemas, "validate", lambda table, frame: validated.append(table))
    schemas.build_models()
    prepare_exports()
    assert validated == []
