"""The table checks run in one step (`table_checks`) but are still reported and blocking one by one."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest
from dagster import AssetCheckResult, AssetKey, DagsterInstance

from pipeline.definitions import build_definitions
from pipeline.defs import checks
from pipeline.defs.jobs import REFRESH_JOB
from pipeline.defs.resources import NewsPaths

pytestmark = pytest.mark.slow  # needs the seed run


def _failing(paths: NewsPaths) -> AssetCheckResult:
    return AssetCheckResult(passed=False, description="2 mentions point to unknown entities")


def _raising(paths: NewsPaths) -> AssetCheckResult:
    raise FileNotFoundError("no such table")


def test_one_failed_check_is_reported_on_its_table_and_holds_back_the_warehouse(seed_run, tmp_path, monkeypatch):
    seeds, data, _ = seed_run
    shutil.copytree(data, tmp_path / "data")
    swapped = {"every_mention_resolves": _failing, "stances_have_evidence": _raising}
    monkeypatch.setattr(checks, "CHECKS", [replace(c, run=swapped.get(c.name, c.run)) for c in checks.CHECKS])
    paths = NewsPaths(seeds_dir=str(seeds), data_dir=str(tmp_path / "data"))
    with DagsterInstance.ephemeral() as instance:
        result = build_definitions(paths).resolve_job_def(REFRESH_JOB).execute_in_process(
            instance=instance, raise_on_error=False
        )
    assert not result.success
    evaluations = {(e.asset_key.to_user_string(), e.check_name): e for e in result.get_asset_check_evaluations()}
    assert len(evaluations) == len(checks.CHECKS)  # every check reported, each on its own table
    failed = {key: e.description for key, e in evaluations.items() if not e.passed}
    assert failed.keys() == {("mentions", "every_mention_resolves"), ("stances", "stances_have_evidence")}
    assert "raised FileNotFoundError: no such table" in failed[("stances", "stances_have_evidence")]
    assert all(evaluations[(table, "matches_contract")].passed for table in ("entities", "mentions", "quotes"))
    materialised = {m.asset_key for m in result.get_asset_materialization_events() for m in [m.materialization]}
    assert AssetKey("warehouse") not in materialised and AssetKey("entities") in materialised


@pytest.mark.parametrize("dtype", ["string[pyarrow]", "str", object])
def test_known_ids_answers_as_isin(dtype):
    import pandas as pd

    values = pd.Series(["e1", None, "e3", "e2", "zz"], dtype=dtype)
    known = {"e1", "e2", "e3"}
    assert checks.known_ids(values, known).tolist() == values.isin(known).tolist() == [True, False, True, True, False]
    assert checks.known_ids(values[values.notna()], known).tolist() == [True, True, True, False]
    assert checks.known_ids(values.iloc[0:0], known).tolist() == [] and not checks.known_ids(values, set()).any()


def test_every_check_passes_on_empty_tables(tmp_path):
    """An empty seeds folder makes empty tables: no check may fail on them, nor on an empty
    people subset whose flags come out with no dtype to select rows by."""
    from pipeline.schemas import TABLES, empty_frame
    from pipeline.storage import write_table

    for table in TABLES:
        write_table(tmp_path, table, empty_frame(table))
    paths = NewsPaths(seeds_dir=str(tmp_path / "seeds"), data_dir=str(tmp_path))
    results = {(check.asset, check.name): check.run(paths) for check in checks.CHECKS}
    assert {key for key, result in results.items() if not result.passed} == set()
    assert len(results) == len(checks.CHECKS) > 20
