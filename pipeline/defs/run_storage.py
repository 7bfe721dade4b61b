"""Dagster's SQLite run storage, on connections kept open within a process.

Dagster's `SqliteRunStorage` makes a new engine and connection for every call (`connect`):
starting a run, each change of its status, each look-up of a run or its tags. A rerun of
`make run` makes about forty such calls; each opens `runs.db`, reads its schema, and on
close, being the last connection to the WAL database, checkpoints it and syncs the file.
This storage keeps its connections open in a pool (`QueuePool`) for the life of the process,
so a call costs a transaction, as in the event log (`pipeline/defs/event_log.py`).

What a call writes is committed, and synced, before it returns (WAL, `synchronous=FULL`,
Dagster's and SQLite's defaults), so the UI and every other process see a run's status at
once and a crash loses nothing committed. Each thread checks a connection out of the pool
for a transaction, so threads (the webserver's) never share one; a nested call gets a
second connection. A forked child (a corpus-level step, `pipeline/own_process.py`) never
uses, or closes, a connection it inherited: it opens its own.

Selected in dagster.yaml (`run_storage`); its file stays where Dagster's default SQLite run
storage keeps it (`$DAGSTER_HOME/history/runs.db`), so an existing instance keeps its history.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from dagster._core.storage.runs import SqliteRunStorage
from dagster._serdes import ConfigurableClassData
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import Connection
from sqlalchemy.pool import QueuePool

from pipeline.defs.event_log import InDagsterHome

INHERITED: list[Engine] = []
"""Engines a forked child inherited: kept referenced, so that their connections (the parent's)
are never closed, nor used, in the child."""


class HeldSqliteRunStorage(InDagsterHome, SqliteRunStorage):
    """SQLite run storage whose connections stay open within a process."""

    FOLDER = ("history",)  # runs.db in it

    @classmethod
    def from_base_dir(cls, base_dir: str, inst_data: ConfigurableClassData | None) -> HeldSqliteRunStorage:
        return cls.from_local(base_dir=base_dir, inst_data=inst_data)

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """Dagster's `connect` (one transaction), on a pooled connection of this process."""
        with self._engine().connect() as conn, conn.begin():
            yield conn

    def _engine(self) -> Engine:
        pid = os.getpid()
        held = getattr(self, "_held", None)
        if held is not None and held[0] == pid:
            return held[1]
        with _LOCK:
            held = getattr(self, "_held", None)
            if held is not None and held[0] == pid:
                return held[1]
            if held is not None:  # a parent's: never used, nor closed, here
                INHERITED.append(held[1])
            engine = create_engine(self._conn_string, poolclass=QueuePool, pool_size=2, max_overflow=8)
            self._held = (pid, engine)
            return engine

    def dispose(self) -> None:
        super().dispose()
        held = getattr(self, "_held", None)
        if held is not None and held[0] == os.getpid():
            self._held = None
            held[1].dispose()


_LOCK = threading.Lock()
