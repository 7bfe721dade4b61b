"""The event log sets up a new run's database as a copy of one Dagster set up, and lets go of
deleted ones: the same schema, never a part-written file, nothing written to a deleted file."""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
from dagster import DagsterEventType, DagsterInstance
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from benchmarks.bookkeeping import run_range
from pipeline.defs.event_log import BatchedSqliteEventLogStorage
from pipeline.defs.partitions import ARTICLE_PARTITIONS

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


def test_a_damaged_template_is_named_among_the_damaged_databases(instance):
    """A new run's database is a copy of the template: a damaged template is reported as such."""
    from pipeline.failures import damaged_dagster_databases

    storage = instance.event_log_storage
    with storage.run_connection(str(uuid.uuid4())):
        pass
    template = Path(storage._shard_template())
    assert damaged_dagster_databases() == []
    template.write_bytes(b"SQLite format 3\x00" + b"\x10\x00\x01\x01" + os.urandom(8192))
    assert damaged_dagster_databases() == [template]
