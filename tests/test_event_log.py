"""The batched SQLite event log records exactly what Dagster's one-by-one writes record."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from dagster import AssetCheckKey, AssetCheckResult, DagsterInstance, Definitions, asset, asset_check

from benchmarks.bookkeeping import article_extractions, run_range
from pipeline.defs.event_log import BATCH_SIZE_SETTING, BatchedSqliteEventLogStorage
from pipeline.defs.partitions import ARTICLE_PARTITIONS

ROOT = Path(__file__).resolve().parents[1]
KEYS = [f"politics/{i:03}.txt" for i in range(7)]
STORE_EVENT_BATCH = BatchedSqliteEventLogStorage.store_event_batch
STORE_EVENT = BatchedSqliteEventLogStorage.store_event


def _spied_instance(
    home: Path, monkeypatch: pytest.MonkeyPatch, batch_size: str
) -> tuple[DagsterInstance, list[list], list[str]]:
    """A fresh instance with the project's dagster.yaml in `home`, and what it is handed to
    write: each batch (its record types, then its length) and each single record's type."""
    home.mkdir()
    shutil.copyfile(ROOT / "dagster.yaml", home / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    monkeypatch.setenv(BATCH_SIZE_SETTING, batch_size)
    batches: list[list] = []
    singles: list[str] = []

    def spy(self, events):
        batches.append(sorted({e.dagster_event_type.value for e in events}) + [len(events)])
        return STORE_EVENT_BATCH(self, events)

    def one(self, event):
        singles.append(event.dagster_event_type.value if event.is_dagster_event else "log")
        return STORE_EVENT(self, event)

    monkeypatch.setattr(BatchedSqliteEventLogStorage, "store_event_batch", spy)
    monkeypatch.setattr(BatchedSqliteEventLogStorage, "store_event", one)
    return DagsterInstance.get(), batches, singles


def _materialise(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch_size: str) -> tuple[DagsterInstance, list]:
    """One range run over KEYS."""
    home = tmp_path / f"home-{batch_size}"
    monkeypatch.setenv("DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS", "false")  # one planned record each
    instance, batches, _ = _spied_instance(home, monkeypatch, batch_size)
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
    assert _asset_entry(one_by_one) == _asset_entry(batched)  # the asset index row, written once a batch


def _asset_entry(instance: DagsterInstance) -> tuple:
    """The asset index's row, as far as it does not depend on the run's id and clock: its last
    materialisation (partition, and whether it is the run's last stored record) and last run."""
    [record] = instance.get_asset_records([article_extractions.key])
    entry = record.asset_entry
    [run] = instance.get_runs()
    last = entry.last_materialization_record
    stored = instance.fetch_materializations(article_extractions.key, limit=100).records
    return (
        last.event_log_entry.dagster_event.partition,
        last.storage_id == max(r.storage_id for r in stored),
        last.event_log_entry.timestamp == max(r.event_log_entry.timestamp for r in stored),
        entry.last_run_id == run.run_id,
    )


@asset
def checked_table() -> None:
    """A stand-in for a corpus-level table with blocking checks."""


@asset_check(asset=checked_table, blocking=True)
def first_rule() -> AssetCheckResult:
    return AssetCheckResult(passed=True)


@asset_check(asset=checked_table)
def second_rule() -> AssetCheckResult:
    return AssetCheckResult(passed=False)


@asset
def broken_table() -> None:
    raise ValueError("this table cannot be built")


@asset_check(asset=broken_table)
def never_run() -> AssetCheckResult:
    """Planned with its run, never executed: its history holds the planned record alone."""
    return AssetCheckResult(passed=True)


def _run_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch_size: str) -> tuple:
    instance, batches, singles = _spied_instance(tmp_path / f"checked-{batch_size}", monkeypatch, batch_size)
    definitions = Definitions(assets=[checked_table, broken_table], asset_checks=[first_rule, second_rule, never_run])
    job = definitions.resolve_implicit_global_asset_job_def()
    assert not job.execute_in_process(instance=instance, raise_on_error=False).success
    return instance, batches, singles


def _check_history(instance: DagsterInstance) -> list[tuple]:
    [run] = instance.get_runs()
    found = []
    for name, table in (("first_rule", checked_table), ("second_rule", checked_table), ("never_run", broken_table)):
        key = AssetCheckKey(table.key, name)
        for record in instance.event_log_storage.get_asset_check_execution_history(key, limit=10):
            found.append((name, record.run_id == run.run_id, record.status.value, record.event.dagster_event_type))
    return found


def test_planned_checks_are_written_with_the_planned_assets(tmp_path, monkeypatch):
    """A run's "planned" records of assets and checks go in one batch, and the checks' execution
    history is what one-by-one writes make of it (planned, then passed or failed)."""
    one_by_one, unbatched, singles = _run_checked(tmp_path, monkeypatch, "0")
    batched, batches, batched_singles = _run_checked(tmp_path, monkeypatch, "1000")
    assert unbatched == [] and singles.count("ASSET_CHECK_EVALUATION_PLANNED") == 3
    assert batches == [["ASSET_CHECK_EVALUATION_PLANNED", "ASSET_MATERIALIZATION_PLANNED", 5]]
    assert "ASSET_CHECK_EVALUATION_PLANNED" not in batched_singles  # not handed back one by one
    expected = [("first_rule", True, "SUCCEEDED", "ASSET_CHECK_EVALUATION"),
                ("second_rule", True, "FAILED", "ASSET_CHECK_EVALUATION"),
                ("never_run", True, "PLANNED", "ASSET_CHECK_EVALUATION_PLANNED")]
    assert _check_history(one_by_one) == _check_history(batched) == expected


def test_no_dagster_home_is_a_clear_error_not_a_folder_in_the_working_directory(tmp_path, monkeypatch):
    """The storage named in dagster.yaml finds its folder through DAGSTER_HOME only; a process
    that opens the instance without it must say so, not write run history where it started."""
    home = tmp_path / "home"
    home.mkdir()
    shutil.copyfile(ROOT / "dagster.yaml", home / "dagster.yaml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    with pytest.raises(Exception, match="DAGSTER_HOME"), DagsterInstance.from_config(str(home)) as instance:
        instance.get_runs()
    assert list(elsewhere.iterdir()) == []


def test_a_table_or_column_found_is_not_asked_for_again_one_missing_is(tmp_path, monkeypatch):
    """Dagster asks whether a table or an asset-index column exists before many a record;
    a yes is kept (migrations add tables and columns, none drops one), a no is asked again."""
    from dagster._core.storage.event_log import SqliteEventLogStorage
    from dagster._core.storage.event_log.sql_event_log import SqlEventLogStorage

    instance, _, _ = _spied_instance(tmp_path / "home", monkeypatch, "0")
    storage = instance.event_log_storage
    asked: list[str] = []
    real_table, real_column = SqliteEventLogStorage.has_table, SqlEventLogStorage._has_asset_key_col_on_connection
    monkeypatch.setattr(SqliteEventLogStorage, "has_table",
                        lambda self, name: asked.append(name) or real_table(self, name))
    monkeypatch.setattr(SqlEventLogStorage, "_has_asset_key_col_on_connection",
                        lambda self, conn, name: asked.append(name) or real_column(self, conn, name))
    assert storage.has_table("asset_check_executions") and storage.has_table("asset_check_executions")
    assert not storage.has_table("no_such_table") and not storage.has_table("no_such_table")
    with storage.index_connection() as conn:
        assert storage._has_asset_key_index_cols_on_connection(conn)
        assert storage._has_asset_key_index_cols_on_connection(conn)
        assert not storage._has_asset_key_col_on_connection(conn, "no_such_column")
        assert not storage._has_asset_key_col_on_connection(conn, "no_such_column")
    assert asked == ["asset_check_executions", "no_such_table", "no_such_table",
                     "last_materialization_timestamp", "no_such_column", "no_such_column"]


def test_commits_leave_the_wal_to_be_synced_when_the_connection_is_released(tmp_path, monkeypatch):
    """A held connection commits with synchronous=NORMAL (no sync per commit); the WAL of each
    database it wrote is synced when the storage lets the connection go (dispose: the CLI's
    end of a run, before the outcome is recorded for the next rerun), and nothing is lost."""
    from dagster._core.storage.event_log.sqlite.sqlite_event_log import INDEX_SHARD_NAME

    from pipeline.defs import event_log

    instance, _, _ = _spied_instance(tmp_path / "home", monkeypatch, "0")
    storage = instance.event_log_storage
    instance.add_dynamic_partitions(ARTICLE_PARTITIONS.name, KEYS)  # written to the index
    with storage.index_connection() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL (FULL is 2)
    synced: list[str] = []
    monkeypatch.setattr(event_log, "_sync", synced.append)
    instance.dispose()
    assert synced == [f"{storage.path_for_shard(INDEX_SHARD_NAME)}-wal"]
    assert sorted(DagsterInstance.get().get_dynamic_partitions(ARTICLE_PARTITIONS.name)) == KEYS
