"""The batched SQLite event log records exactly what Dagster's one-by-one writes record."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from dagster import DagsterInstance

from benchmarks.bookkeeping import article_extractions, run_range
from pipeline.defs.event_log import BATCH_SIZE_SETTING, BatchedSqliteEventLogStorage
from pipeline.defs.partitions import ARTICLE_PARTITIONS

ROOT = Path(__file__).resolve().parents[1]
KEYS = [f"politics/{i:03}.txt" for i in range(7)]
STORE_EVENT_BATCH = BatchedSqliteEventLogStorage.store_event_batch


def _materialise(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch_size: str) -> tuple[DagsterInstance, list]:
    """A fresh instance with the project's dagster.yaml; one range run over KEYS."""
    home = tmp_path / f"home-{batch_size}"
    home.mkdir()
    shutil.copyfile(ROOT / "dagster.yaml", home / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    monkeypatch.setenv(BATCH_SIZE_SETTING, batch_size)
    monkeypatch.setenv("DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS", "false")  # one planned record each
    batches: list[list] = []

    def spy(self, events):
        batches.append(sorted({e.dagster_event_type.value for e in events}) + [len(events)])
        return STORE_EVENT_BATCH(self, events)

    monkeypatch.setattr(BatchedSqliteEventLogStorage, "store_event_batch", spy)
    instance = DagsterInstance.get()
    assert isinstance(instance.event_log_storage, BatchedSqliteEventLogStorage)
    assert Path(instance.event_log_storage._base_dir) == home / "history" / "runs"  # Dagster's default place
    instance.add_dynamic_partitions(ARTICLE_PARTITIONS.name, KEYS)
    assert run_range(instance, KEYS).success  # the bookkeeping benchmark's do-nothing asset
    return instance, batches


def _records(instance: DagsterInstance) -> list[tuple[str, str]]:
    found = instance.fetch_materializations(article_extractions.key, limit=100).records
    return sorted((r.partition_key, r.asset_materialization.metadata["articles"].value) for r in found)


def test_batched_records_equal_one_by_one_records(tmp_path, monkeypatch):
    one_by_one, unbatched = _materialise(tmp_path, monkeypatch, "0")
    batched, batches = _materialise(tmp_path, monkeypatch, "1000")
    assert unbatched == []  # without the setting, one record at a time
    assert batches == [["ASSET_MATERIALIZATION_PLANNED", len(KEYS)], ["ASSET_MATERIALIZATION", len(KEYS)]]
    for instance in (one_by_one, batched):
        assert instance.get_materialized_partitions(article_extractions.key) == set(KEYS)
        assert _records(instance) == [(key, len(KEYS)) for key in KEYS]
        [run] = instance.get_runs()
        run_records = [e for e in instance.all_logs(run.run_id) if e.dagster_event_type == "ASSET_MATERIALIZATION"]
        assert sorted(e.dagster_event.partition for e in run_records) == KEYS  # the run's own log too
        planned = instance.get_latest_planned_materialization_info(article_extractions.key, KEYS[3])
        assert planned is not None and planned.run_id == run.run_id
