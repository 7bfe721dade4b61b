"""Dagster's SQLite event log, writing a run's per-partition records a batch at a time.

A run over N article partitions records N materialisations, one per partition, so the UI
shows each article's status. Dagster's SQLite storage writes each record in its own
transactions (one in the run's database, one in the cross-run index), each opening an
engine and syncing the file: about 60 ms a partition on a busy 2-core machine, most of
the bookkeeping of a 2,000-article run (`python -m benchmarks.bookkeeping` measures it).

Dagster hands a step's per-partition records over together when DAGSTER_EVENT_BATCH_SIZE
is set (the Makefile and `pipeline.defs.refresh` set it); its SQLite storage then still
writes them one by one. This storage writes such a batch in one transaction per database,
with the same rows, tags and asset index entries as one-by-one writes, so the per-partition
status stays exactly what it was. The records a run writes when it starts ("planned", one per
asset and per asset check: 45 for the corpus-level job) come as one batch too, written the
same way, the checks' execution rows included; one by one they took about a hundred SQLite
transactions at every corpus-level run. Any other batch goes the one-by-one way.

Each database's connection stays open within a process (`_connect`), so a record no longer
pays an engine, a connection and, on close, a WAL checkpoint: a one-article rerun makes
about 390 transactions, 2.9 s of its wall time with Dagster's connect-commit-close.

Those connections commit with SQLite's synchronous=NORMAL rather than Dagster's FULL: a
commit appends to the WAL without syncing it (FULL synced the WAL at every commit: 0.7-4.6 ms
each on the shared 2-core machine, about 230 of a one-article rerun's 281 syncs), and the WAL
is synced when the storage lets the connection go (`_release`: when the instance is disposed,
which `make run` does before it records a run's outcome for the next rerun, and when a run's
database makes way for a later one) and at every checkpoint. A process that dies loses
nothing (its commits are in the system's file cache); a power cut or a crash of the system
can lose the last records not yet released, and the database stays consistent either way
(SQLite's WAL): the records may then say less than was done, never more.

Each run has a database of its own, and Dagster sets up every new one from nothing: thirty
tables and indexes, each in a journalled transaction of its own with the file and its folder
synced, before the file turns to WAL, and Alembic's migration scripts read twice to stamp it
(0.5-0.9 s of wall time and 85 file syncs a run on the shared 2-core machine; a one-article
rerun starts two runs). Here a new run's database is a synced copy of an empty one that
Dagster's own set-up made once per instance and Dagster version (`_copy_template`).

Whether a table or an asset-index column exists is asked of the database before many a
record (Dagster's `has_table` opens a connection of its own each time, and the asset index's
columns are read with SQLite's `table_info`): about 90 such questions in a one-article rerun,
for an answer that cannot turn from yes to no. A yes is kept for the life of the storage
object (`has_table`, `_has_asset_key_col_on_connection`); a no is asked again, since a
migration may add the table or column meanwhile.

Selected in dagster.yaml (`event_log_storage`); its files stay where Dagster's default
SQLite storage keeps them (`$DAGSTER_HOME/history/runs/`), so an existing instance keeps
its history.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from typing import Any

from dagster._config import Field, StringSource
from dagster._core.events import ASSET_EVENTS, DagsterEventType
from dagster._core.events.log import EventLogEntry
from dagster._core.storage.asset_check_execution_record import AssetCheckExecutionRecordStatus
from dagster._core.storage.event_log import SqliteEventLogStorage
from dagster._core.storage.event_log.schema import AssetCheckExecutionsTable, AssetKeyTable, SqlEventLogStorageTable
from dagster._core.storage.event_log.sqlite.sqlite_event_log import INDEX_SHARD_NAME, SQLITE_BUSY_TIMEOUT_SECONDS
from dagster._core.storage.sqlalchemy_compat import db_result
from dagster._serdes import ConfigurableClassData, serialize_value
from dagster.version import __version__ as dagster_version
from sqlalchemy import Engine, create_engine
from sqlalchemy import exc as db_exc
from sqlalchemy.engine import Connection
from sqlalchemy.event import listen
from sqlalchemy.pool import NullPool, StaticPool

BATCH_SIZE_SETTING = "DAGSTER_EVENT_BATCH_SIZE"
BATCH_SIZE = "1000"
"""Records handed to the storage at a time: a run over 2,000 articles writes in two batches."""


def default_base_dir() -> str:
    """Where Dagster's default SQLite event log lives under DAGSTER_HOME.

    Dagster hands a storage named in dagster.yaml no folder of its own, so the folder comes
    from DAGSTER_HOME; without it there is no instance folder to use, and falling back to the
    working directory would scatter run history into whatever folder the process started in."""
    home = os.environ.get("DAGSTER_HOME")
    if not home:
        raise RuntimeError(
            "DAGSTER_HOME is not set: the event log storage in dagster.yaml keeps its files under "
            "$DAGSTER_HOME/history/runs. Set DAGSTER_HOME to the instance folder (make sets .dagster/)."
        )
    return os.path.join(home, "history", "runs", "")


class BatchedSqliteEventLogStorage(SqliteEventLogStorage):
    """SQLite event log storage whose batches of asset records take one transaction per database."""

    @classmethod
    def config_type(cls) -> dict[str, Field]:
        return {"base_dir": Field(StringSource, is_required=False)}

    @classmethod
    def from_config_value(
        cls, inst_data: ConfigurableClassData | None, config_value: Mapping[str, Any]
    ) -> BatchedSqliteEventLogStorage:
        return cls(base_dir=config_value.get("base_dir") or default_base_dir(), inst_data=inst_data)

    HELD = 4
    """Databases whose connection stays open at most (the index and the latest runs')."""

    @contextmanager
    def _connect(self, shard: str) -> Iterator[Connection]:
        """Dagster's `_connect` (one transaction under the storage's lock, the database created
        on first use), on a connection kept open in this process rather than opened and closed
        for each transaction: closing the last connection to a WAL database checkpoints it,
        most of the event log's time in a rerun. A forked child opens its own."""
        with self._db_lock:
            engine = self._engine(shard)
            with engine.connect() as conn, conn.begin():
                yield conn

    def _engine(self, shard: str) -> Engine:
        pid = os.getpid()
        if getattr(self, "_held_pid", None) != pid:  # never use (or close) a parent's connection
            self._held_pid, self._held = pid, OrderedDict()
        if shard in self._held:
            self._held.move_to_end(shard)
            return self._held[shard]
        engine = create_engine(
            self.conn_string_for_shard(shard), poolclass=StaticPool,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS, "check_same_thread": False},
        )
        listen(engine, "connect", _sync_at_release_not_at_commit)
        if shard not in self._initialized_dbs:
            if shard == INDEX_SHARD_NAME or not self._copy_template(shard):
                self._initdb(engine)
            self._initialized_dbs.add(shard)
        self._held[shard] = engine
        while len(self._held) > self.HELD:
            self._release(*self._held.popitem(last=False))
        return engine

    def _release(self, shard: str, engine: Engine) -> None:
        """Close a held connection once what it committed is on disk: its commits did not sync
        the WAL (synchronous=NORMAL), so the WAL is synced here; closing then checkpoints it
        into the database file when no other process has the database open."""
        wal = f"{self.path_for_shard(shard)}-wal"
        if os.path.exists(wal):
            _sync(wal)
        engine.dispose()

    def has_table(self, table_name: str) -> bool:
        """Dagster's answer, a yes kept: Dagster adds tables in migrations and never drops one."""
        present = self.__dict__.setdefault("_present_tables", set())
        if table_name in present:
            return True
        found = super().has_table(table_name)
        if found:
            present.add(table_name)
        return found

    def _has_asset_key_col_on_connection(self, conn: Connection, column_name: str) -> bool:
        """Dagster's answer, a yes kept: migrations add the asset index's columns, none removes one."""
        present = self.__dict__.setdefault("_present_asset_key_columns", set())
        if column_name in present:
            return True
        found = super()._has_asset_key_col_on_connection(conn, column_name)
        if found:
            present.add(column_name)
        return found

    def _copy_template(self, shard: str) -> bool:
        """Make a new run's database a copy of an empty one that Dagster's `_initdb` set up
        (`shard_template`), instead of setting it up again: its thirty tables and indexes each
        in a transaction of their own, journalled and synced, before it turns to WAL, and the
        migration scripts read twice to stamp it. False when the database exists already (set
        up by another process, or an earlier run's), which `_initdb` then checks as Dagster does.
        The copy is synced under a temporary name and linked to its own, which fails if that
        exists: a crash never leaves a part-written database, nor replaces one."""
        target = self.path_for_shard(shard)
        if os.path.exists(target):
            return False
        template = self._shard_template()
        partial = f"{target}.{os.getpid()}.partial"
        shutil.copyfile(template, partial)
        try:
            _sync(partial)
            os.link(partial, target)
        except FileExistsError:
            return False
        finally:
            os.unlink(partial)
        _sync(os.path.dirname(target))
        return True

    def _shard_template(self) -> str:
        """An empty run database set up by Dagster's own `_initdb`, kept beside the runs' under a
        name Dagster never takes for a run (`*.db`) and keyed by Dagster's version, so a new
        version sets up a template of its own schema."""
        path = os.path.join(self._base_dir, f".run-template.dagster-{dagster_version}.sqlite")
        if not os.path.exists(path):
            partial = f"{path}.{os.getpid()}.partial"
            engine = create_engine(f"sqlite:///{partial}", poolclass=NullPool)
            try:
                self._initdb(engine)
            finally:
                engine.dispose()
            with closing(sqlite3.connect(partial)) as conn:  # everything into the file itself
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            for leftover in (f"{partial}-wal", f"{partial}-shm"):  # empty once checkpointed
                if os.path.exists(leftover):
                    os.unlink(leftover)
            _sync(partial)
            os.replace(partial, path)
        return path

    def dispose(self) -> None:
        super().dispose()
        self._close_held()

    def wipe(self) -> None:
        self._close_held()  # the run databases are deleted: no connection may write to them after
        super().wipe()

    def _close_held(self) -> None:
        if getattr(self, "_held_pid", None) == os.getpid():
            with self._db_lock:
                for shard, engine in self._held.items():
                    self._release(shard, engine)
                self._held.clear()

    def store_event_batch(self, events: Sequence[EventLogEntry]) -> None:
        if not _asset_records_of_one_run(events):
            super().store_event_batch(events)  # one by one, as Dagster's storage does
            return
        rows = [self._event_to_row(event) for event in events]
        with self.run_connection(events[0].run_id) as conn:  # one statement, every row (executemany)
            conn.execute(SqlEventLogStorageTable.insert(), rows)
        with self.index_transaction() as conn:  # mirrored in the cross-run index, as store_event does
            event_ids = []
            for row in rows:
                with db_result(conn, SqlEventLogStorageTable.insert().values(**row)) as result:
                    event_ids.append(result.inserted_primary_key[0])
            assets = [(e, i) for e, i in zip(events, event_ids, strict=True) if e.dagster_event_type in ASSET_EVENTS]
            self._store_asset_event_tags(conn, [e for e, _ in assets], [i for _, i in assets])
            self._store_asset_entries(conn, assets)
            planned = [(e, i) for e, i in zip(events, event_ids, strict=True) if e.dagster_event_type == CHECK_PLANNED]
            if planned:
                conn.execute(AssetCheckExecutionsTable.insert().values(
                    [row for event, event_id in planned for row in _planned_check_rows(self, event, event_id)]
                ))

    def _store_asset_entries(self, conn: Connection, assets: Sequence[tuple[EventLogEntry, int]]) -> None:
        """The asset index rows (`AssetKeyTable`: last materialisation, last run, timestamp) as
        `_store_asset_event` leaves them after the batch's records one by one, written once per
        asset: each record overwrites the columns it sets, so a column ends with the value of
        the batch's last record that sets it (Dagster's Postgres storage writes a batch's last
        record alone). One by one, a run over N partitions rewrote its asset's row N times and
        read the table's columns N times (about a fifth of the extraction run's bookkeeping)."""
        if not assets:
            return
        indexed = self._has_asset_key_index_cols_on_connection(conn)
        # Which columns a record sets depends on its type alone, so only each asset's last
        # record of each type can leave a value; they are applied in the batch's order.
        last = {}
        for position, (event, _) in enumerate(assets):
            if event.dagster_event and event.dagster_event.asset_key:
                last[(event.dagster_event.asset_key.to_string(), event.dagster_event_type)] = position
        merged: dict[str, dict[str, Any]] = {}
        for (asset_key, _), position in sorted(last.items(), key=lambda item: item[1]):
            event, event_id = assets[position]
            values = self._get_asset_entry_values(event, event_id, indexed)
            if values:
                merged.setdefault(asset_key, {}).update(values)
        for asset_key, values in merged.items():
            try:  # as `_store_asset_event` does
                conn.execute(AssetKeyTable.insert().values(asset_key=asset_key, **values))
            except db_exc.IntegrityError:
                conn.execute(AssetKeyTable.update().values(**values).where(AssetKeyTable.c.asset_key == asset_key))


CHECK_PLANNED = DagsterEventType.ASSET_CHECK_EVALUATION_PLANNED
BATCHED_EVENTS = frozenset({*ASSET_EVENTS, CHECK_PLANNED})
"""What a batch may hold to be written in one transaction per database: asset records and the
"check planned" records of a run's start (a run of the corpus-level job plans 27 checks)."""


def _planned_check_rows(storage: SqliteEventLogStorage, event: EventLogEntry, event_id: int) -> list[dict]:
    """The asset-check execution rows Dagster's `_store_asset_check_evaluation_planned` writes
    for a "check planned" record, one per partition (one for an unpartitioned check)."""
    planned = event.get_dagster_event().event_specific_data
    partitions = planned.partitions_subset.get_partition_keys() if planned.partitions_subset else [None]
    return [
        {
            "asset_key": planned.asset_key.to_string(),
            "check_name": planned.check_name,
            "partition": partition,
            "run_id": event.run_id,
            "execution_status": AssetCheckExecutionRecordStatus.PLANNED.value,
            "evaluation_event": serialize_value(event),
            "evaluation_event_timestamp": storage._event_insert_timestamp(event),
            "evaluation_event_storage_id": event_id,
        }
        for partition in partitions
    ]


def _sync_at_release_not_at_commit(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    """synchronous=NORMAL on each connection the storage holds (the module's docstring says why)."""
    dbapi_connection.execute("PRAGMA synchronous=NORMAL")


def _sync(path: str) -> None:
    """fsync a file or a folder (its entries), as SQLite syncs what it commits."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _asset_records_of_one_run(events: Sequence[EventLogEntry]) -> bool:
    """Whether the batch holds only asset records (materialisations, observations) and planned
    checks of one run."""
    return bool(events) and len({e.run_id for e in events}) == 1 and all(
        e.is_dagster_event and e.dagster_event_type in BATCHED_EVENTS for e in events
    )
