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
status stays exactly what it was. Any other batch goes the one-by-one way.

Selected in dagster.yaml (`event_log_storage`); its files stay where Dagster's default
SQLite storage keeps them (`$DAGSTER_HOME/history/runs/`), so an existing instance keeps
its history.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

from dagster._config import Field, StringSource
from dagster._core.events import ASSET_EVENTS
from dagster._core.events.log import EventLogEntry
from dagster._core.storage.event_log import SqliteEventLogStorage
from dagster._core.storage.sqlalchemy_compat import db_result
from dagster._serdes import ConfigurableClassData

BATCH_SIZE_SETTING = "DAGSTER_EVENT_BATCH_SIZE"
BATCH_SIZE = "1000"
"""Records handed to the storage at a time: a run over 2,000 articles writes in two batches."""


def default_base_dir() -> str:
    """Where Dagster's default SQLite event log lives under DAGSTER_HOME."""
    return os.path.join(os.environ.get("DAGSTER_HOME", "."), "history", "runs", "")


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

    def store_event_batch(self, events: Sequence[EventLogEntry]) -> None:
        if not _asset_records_of_one_run(events):
            super().store_event_batch(events)  # one by one, as Dagster's storage does
            return
        statements = [self.prepare_insert_event(event) for event in events]
        with self.run_connection(events[0].run_id) as conn:
            for statement in statements:
                conn.execute(statement)
        with self.index_transaction() as conn:  # mirrored in the cross-run index, as store_event does
            event_ids = []
            for statement in statements:
                with db_result(conn, statement) as result:
                    event_ids.append(result.inserted_primary_key[0])
            self._store_asset_event_tags(conn, events, event_ids)
            for event, event_id in zip(events, event_ids, strict=True):
                self._store_asset_event(conn, event, event_id)


def _asset_records_of_one_run(events: Sequence[EventLogEntry]) -> bool:
    """Whether the batch holds only asset records (materialisations, observations) of one run."""
    return bool(events) and len({e.run_id for e in events}) == 1 and all(
        e.is_dagster_event and e.dagster_event_type in ASSET_EVENTS for e in events
    )
