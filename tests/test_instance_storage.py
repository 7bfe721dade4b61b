"""The instance's SQLite storages keep their connections, and set up a run's database from a
copy, without changing what any process reads or what survives a crash."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
from dagster import DagsterEventType, DagsterInstance, DagsterRunStatus
from dagster._core.test_utils import create_run_for_test
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from benchmarks.bookkeeping import run_range
from pipeline.defs.event_log import BatchedSqliteEventLogStorage
from pipeline.defs.partitions import ARTICLE_PARTITIONS
from pipeline.defs.run_storage import HeldSqliteRunStorage

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def instance(tmp_path, monkeypatch) -> DagsterInstance:
    """A fresh instance with the project's dagster.yaml."""
    home = tmp_path / "home"
    home.mkdir()
    shutil.copyfile(ROOT / "dagster.yaml", home / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    found = DagsterInstance.get()
    yield found
    found.dispose()


@pytest.fixture
def sqlite_opens(monkeypatch) -> list[str]:
    """The database files SQLite connections are opened on, from now on."""
    opened: list[str] = []
    connect = sqlite3.connect

    def spy(database, *args, **kwargs):
        opened.append(os.path.basename(str(database)))
        return connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", spy)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", spy)  # what SQLAlchemy's pysqlite calls
    return opened


def test_run_storage_keeps_its_connection(instance, sqlite_opens):
    storage = instance.run_storage
    assert isinstance(storage, HeldSqliteRunStorage)
    home = Path(os.environ["DAGSTER_HOME"])
    assert Path(storage._conn_string.removeprefix("sqlite:///")) == home / "history" / "runs.db"  # Dagster's place
    run = create_run_for_test(instance, job_name="a_job")
    for _ in range(20):
        instance.add_run_tags(run.run_id, {"k": "v"})
        assert instance.get_run_by_id(run.run_id).tags["k"] == "v"
    assert sqlite_opens.count("runs.db") <= 1  # Dagster's own storage: one per call


def test_run_status_is_seen_at_once_by_another_instance_and_a_forked_child(instance):
    """Each call commits before it returns: another instance (the UI's) reads the new status at
    once, and a forked child writes on a connection of its own that the parent then reads."""
    run = create_run_for_test(instance, job_name="a_job")
    instance.run_storage.add_run_tags(run.run_id, {"stage": "parent"})
    other = DagsterInstance.get()  # its own storage objects and connections, as another process has
    try:
        assert other.get_run_by_id(run.run_id).tags["stage"] == "parent"
        assert other.get_run_by_id(run.run_id).status == DagsterRunStatus.NOT_STARTED
    finally:
        other.dispose()

    held = instance.run_storage._engine()

    def child() -> None:
        assert instance.run_storage._engine() is not held  # never the parent's connection
        instance.run_storage.add_run_tags(run.run_id, {"stage": "child"})
        os._exit(0)

    process = multiprocessing.get_context("fork").Process(target=child)
    process.start()
    process.join()
    assert process.exitcode == 0
    assert instance.get_run_by_id(run.run_id).tags["stage"] == "child"
    assert instance.run_storage._engine() is held


def _schema(path: str) -> tuple:
    with sqlite3.connect(path) as conn:
        return (
            conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name").fetchall(),
            conn.execute("SELECT version_num FROM alembic_version").fetchall(),
            conn.execute("PRAGMA journal_mode").fetchone(),
        )


def test_a_new_run_database_is_what_dagster_sets_up(instance, tmp_path, monkeypatch):
    storage = instance.event_log_storage
    assert isinstance(storage, BatchedSqliteEventLogStorage)
    with storage.run_connection(str(uuid.uuid4())):  # the first sets up the template
        pass
    set_up = []
    monkeypatch.setattr(storage, "_initdb", lambda engine, **kwargs: set_up.append(engine))
    run_id = str(uuid.uuid4())
    with storage.run_connection(run_id):
        pass
    assert set_up == []  # a copy: Dagster's set-up not run again
    monkeypatch.undo()
    made = storage.path_for_shard(run_id)
    assert [f for f in os.listdir(storage._base_dir) if "partial" in f] == []  # nothing left half-made

    reference = str(tmp_path / "dagster.db")  # Dagster's own set-up of a run database
    engine = create_engine(f"sqlite:///{reference}", poolclass=NullPool)
    storage._initdb(engine)
    engine.dispose()
    assert _schema(made) == _schema(reference)
    assert _schema(made)[2] == ("wal",)
    assert run_id in storage.get_all_run_ids()
    assert not [r for r in storage.get_all_run_ids() if "template" in r]  # the template is no run


def test_an_existing_run_database_is_not_replaced(instance):
    storage = instance.event_log_storage
    run_id = str(uuid.uuid4())
    path = storage.path_for_shard(run_id)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE someone_elses (x)")
    assert not storage._copy_template(run_id)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'someone_elses'").fetchone()


def test_a_wipe_lets_go_of_the_deleted_run_databases(instance):
    """A wipe deletes the run databases: what is written for a run after it goes to a new
    database file, not to a deleted one through a kept connection."""
    keys = ["a.txt", "b.txt"]
    instance.add_dynamic_partitions(ARTICLE_PARTITIONS.name, keys)
    run_id = run_range(instance, keys).run_id
    storage = instance.event_log_storage
    path = storage.path_for_shard(run_id)
    assert os.path.exists(path)
    storage.wipe()
    assert not os.path.exists(path)
    with storage.run_connection(run_id):
        pass
    assert os.path.exists(path)
    assert storage.get_logs_for_run(run_id) == []
    instance.add_dynamic_partitions(ARTICLE_PARTITIONS.name, keys)
    result = run_range(instance, keys)
    assert any(e.dagster_event_type == DagsterEventType.RUN_SUCCESS for e in instance.all_logs(result.run_id))
