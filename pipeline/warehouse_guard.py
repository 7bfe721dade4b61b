"""Decide whether `warehouse.duckdb` is the pipeline's own, intact file before trusting it.

Analysts may open the warehouse read-write and write to it, or leave a stale `.wal`
behind when their process dies, and a disk may truncate it. Rebuilding over such a file
would lose the analyst's tables or fail on the WAL; trusting it would print counts from a
file that cannot be queried. So:

* after every build the pipeline records the file's identity (size, mtime);
* a warehouse that no longer matches a recorded identity, has a `.wal` beside it, or
  cannot be opened is *moved aside* as `warehouse.<UTC time>.duckdb` (with its WAL),
  never deleted, and the caller is told where it went;
* "up to date" additionally needs the file to open, every block of its tables to read
  back (DuckDB checksums each block) and their row counts to equal the Parquet files'
  (checked read-only; a file locked by an analyst's writer counts as
  intact when its identity matches, since nobody else can have changed it).
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.contract_names import TABLE_NAMES as TABLES
from pipeline.settings import local_dir
from pipeline.storage import atomic_path, parquet_rows, table_path

if TYPE_CHECKING:
    import duckdb

# DuckDB is imported by the functions that open the warehouse: naming its path and
# checking its identity need no database (`pipeline.unchanged_run`).

WAREHOUSE = "warehouse.duckdb"
IDENTITY_FILE = "warehouse.identity.json"


def warehouse_path(data_dir: Path) -> Path:
    return local_dir(data_dir) / WAREHOUSE


def wal_path(database: Path) -> Path:
    return database.with_name(database.name + ".wal")


def _identity(path: Path) -> list[int]:
    """Size and modification time: any write changes them, a copy with `cp -p` keeps them."""
    stat = path.stat()
    return [stat.st_size, stat.st_mtime_ns]


def _known_identities(data_dir: Path) -> list[list[int]]:
    try:
        known = json.loads((local_dir(data_dir) / IDENTITY_FILE).read_text())
        return [list(item) for item in known] if isinstance(known, list) else []
    except (OSError, ValueError, TypeError):
        return []


def remember(data_dir: Path, built: Path, keep_current: bool = False) -> None:
    """Record `built` as the pipeline's own warehouse. Called with `keep_current` just
    before the rename too, so a run killed between rename and record still knows both."""
    identities = [_identity(built)]
    if keep_current:
        identities += _known_identities(data_dir)
    with atomic_path(local_dir(data_dir) / IDENTITY_FILE) as temp:
        temp.write_text(json.dumps(identities))


def parquet_row_counts(data_dir: Path) -> dict[str, int]:
    return {t: parquet_rows(table_path(data_dir, t)) for t in TABLES}


def problem(data_dir: Path, check_rows: bool = False) -> str | None:
    """Why the warehouse cannot be trusted as the pipeline's own intact file; None if it can.
    A missing warehouse is no problem here (it is simply built)."""
    database = warehouse_path(data_dir)
    if not database.exists():
        return "stale write-ahead log without its database" if wal_path(database).exists() else None
    if wal_path(database).exists():
        return (
            f"{wal_path(database).name} beside it: someone wrote to it with their own connection, "
            "or their process died before closing"
        )
    if _identity(database) not in _known_identities(data_dir):
        return "it was changed since the pipeline built it (an analyst's write, a copy, or damage)"
    if not check_rows:
        return None
    import duckdb

    try:
        with duckdb.connect(str(database), read_only=True) as connection:
            counts = {t: count_reading_every_block(connection, t) for t in TABLES}
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            return None  # an analyst's read-write connection holds it; its identity is unchanged
        return f"it cannot be opened ({str(error).splitlines()[0]})"
    except duckdb.Error as error:
        return f"it cannot be read ({str(error).splitlines()[0]})"
    expected = parquet_row_counts(data_dir)
    if counts != expected:
        differ = [t for t in TABLES if counts.get(t) != expected.get(t)]
        return f"its row counts differ from the Parquet tables ({', '.join(differ)})"
    return None


def count_reading_every_block(connection: duckdb.DuckDBPyConnection, table: str) -> int:
    """Row count, computed while hashing every row: a plain count(*) reads only metadata,
    while this reads (and so checksums) every data block of the table."""
    return connection.execute(f'SELECT count(*), bit_xor(hash(t)) FROM "{table}" AS t').fetchone()[0]


def move_aside(data_dir: Path, now: datetime | None = None) -> Path | None:
    """Rename the warehouse (and its WAL) to `warehouse.<UTC time>.duckdb`; returns the new
    path, or None when there was no database file (a lone WAL is moved all the same)."""
    database = warehouse_path(data_dir)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    target = database.with_name(f"warehouse.{stamp}.duckdb")
    moved = None
    if database.exists():
        os.replace(database, target)
        moved = target
    if wal_path(database).exists():
        os.replace(wal_path(database), wal_path(target))
    return moved


def set_aside_if_untrusted(data_dir: Path, check_rows: bool) -> str | None:
    """Move an untrusted warehouse aside; a message for the user when it was."""
    reason = problem(data_dir, check_rows)
    if reason is None:
        return None
    moved = move_aside(data_dir)
    where = f"moved to {moved.name}" if moved else "its write-ahead log moved beside warehouse.<time>.duckdb"
    return (
        f"{WAREHOUSE} was not the pipeline's own intact file: {reason}. It was {where} in {data_dir} "
        "(nothing in it is lost) and a new warehouse is built. Keep your own tables in a separate "
        "DuckDB file that ATTACHes the warehouse READ_ONLY (see README, 'Your own tables')."
    )


def row_counts(database: Path) -> dict[str, int]:
    """Rows of each table in the warehouse (what `make run` prints at the end)."""
    import duckdb

    with duckdb.connect(str(database), read_only=True) as connection:
        return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}
