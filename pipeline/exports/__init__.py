"""Exports for event-data tools, written under data/exports/ from the Parquet tables.

- `events.plover.jsonl`: one PLOVER-style JSON record per event (`plover.py`), each
  validated against `plover.schema.json`;
- `events.csv`, `stances.csv`, `quotes.csv`: one row per event, stance or quote with
  readable column names (`tables.py`), each validated against its Pandera model in
  pipeline/schemas.py.

Plain Python: `make export` calls `write_exports`, and so does the Dagster asset
`exports`, whose check re-reads the files and validates them again (`check_exports`).
Every file is validated before it is renamed into place, so a file on disk always
passed its schema.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from itertools import islice
from pathlib import Path

import pandas as pd

from pipeline.exports import plover
from pipeline.exports.tables import FRAMES
from pipeline.schemas import EXPORT_CSVS, read_export_csv, validate_export
from pipeline.storage import atomic_path, read_table, read_table_kept

PLOVER_FILE = "events.plover.jsonl"
FILES = (PLOVER_FILE, *EXPORT_CSVS)
TABLES_USED = ("events", "event_participants", "event_mentions", "entities", "mentions", "sentences", "articles",
               "stances", "issues", "quotes")


@dataclass
class ExportSummary:
    folder: Path
    rows: dict[str, int] = field(default_factory=dict)

    def paths(self) -> dict[str, Path]:
        return {name: self.folder / name for name in self.rows}


def exports_dir(data_dir: Path) -> Path:
    return data_dir / "exports"


def coder() -> str:
    try:
        return f"newsevents {version('newsevents')}"
    except PackageNotFoundError:  # running from a checkout that is not installed
        return "newsevents"


COLUMNS_USED = {
    "articles": ["article_id", "published_date", "processed_at", "outlet", "headline", "url"],
    "sentences": ["article_id", "sentence_id", "char_start", "char_end"],
    "mentions": ["article_id", "sentence_id", "char_start", "entity_id", "surface"],
}
"""Of the largest tables, the columns the exports read: their texts (article bodies,
sentences) would be most of the memory, growing with the corpus."""

PLOVER_TABLES = ("events", "event_participants", "event_mentions", "entities", "mentions", "sentences", "articles")
CSV_TABLES = {
    "events.csv": ("events", "event_participants", "event_mentions", "entities", "articles"),
    "stances.csv": ("stances", "entities", "quotes", "articles", "issues"),
    "quotes.csv": ("quotes", "entities", "articles"),
}
"""The tables each export reads. Each file is built from its own tables, read just before
and dropped just after, so the step's memory is that of its largest file, not of all four."""

BATCH_RECORDS = 5000
"""PLOVER records validated and written at a time: the records (dicts of dicts, several
times their JSON size) never exist all at once."""


def load_tables(data_dir: Path, names: Iterable[str] = TABLES_USED) -> dict[str, pd.DataFrame]:
    return {table: read_table(data_dir, table, COLUMNS_USED.get(table)) for table in names}


def _tables(data_dir: Path, given: dict[str, pd.DataFrame] | None, names: Iterable[str]) -> dict[str, pd.DataFrame]:
    return {name: given[name] for name in names} if given is not None else load_tables(data_dir, names)


def load_plover_tables(data_dir: Path) -> dict[str, pd.DataFrame]:
    """The PLOVER tables, with sentences only of the articles that report an event and
    mentions only of participants there: all that plover.build_records looks up. The two
    largest tables are filtered batch by batch while they are read."""
    tables = load_tables(data_dir, [t for t in PLOVER_TABLES if t not in ("mentions", "sentences")])
    reported = pd.MultiIndex.from_frame(tables["event_mentions"][["article_id", "sentence_id"]].drop_duplicates())
    tables["sentences"] = read_table_kept(
        data_dir, "sentences", COLUMNS_USED["sentences"],
        lambda batch: batch[pd.MultiIndex.from_arrays([batch["article_id"], batch["sentence_id"]]).isin(reported)])
    pairs = plover.actor_pairs(tables)
    tables["mentions"] = read_table_kept(data_dir, "mentions", COLUMNS_USED["mentions"],
                                         lambda batch: plover.actor_mentions(batch, pairs))
    return tables


def _batches(records: Iterator[dict], size: int) -> Iterator[list[dict]]:
    while batch := list(islice(records, size)):
        yield batch


def write_plover(path: Path, records: Iterator[dict], batch: int = BATCH_RECORDS) -> int:
    """Validate and write `records` `batch` at a time into a temporary file, renamed onto
    `path` once every record passed (an invalid batch raises and leaves `path` as it was)."""
    n = 0
    with atomic_path(path) as temp, temp.open("w", encoding="utf-8") as handle:
        for chunk in _batches(records, batch):
            plover.validate_records(chunk, start=n + 1)
            handle.write("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in chunk))
            n += len(chunk)
    return n


def write_exports(data_dir: Path, tables: dict[str, pd.DataFrame] | None = None,
                  batch: int = BATCH_RECORDS) -> ExportSummary:
    """Build, validate and atomically write every export; raises before replacing a file
    whose content breaks its schema (plover.PloverInvalid or schemas.SchemaViolation).
    `tables` (all of TABLES_USED) replaces reading the Parquet tables under `data_dir`."""
    folder = exports_dir(data_dir)
    summary = ExportSummary(folder)
    used = _tables(data_dir, tables, PLOVER_TABLES) if tables is not None else load_plover_tables(data_dir)
    records = plover.build_records(used, coder())
    del used
    summary.rows[PLOVER_FILE] = write_plover(folder / PLOVER_FILE, records, batch)
    del records  # the generator holds the PLOVER tables' lookups
    for name, build in FRAMES.items():
        frame = validate_export(name, build(_tables(data_dir, tables, CSV_TABLES[name])))
        with atomic_path(folder / name) as temp:
            frame.to_csv(temp, index=False, lineterminator="\n")
        summary.rows[name] = len(frame)
        del frame
    return summary


def check_exports(data_dir: Path) -> dict[str, int]:
    """Re-read every export file and validate it: the JSON Lines against the JSON Schema,
    each CSV against its Pandera model. Returns rows per file; raises on the first bad file."""
    folder = exports_dir(data_dir)
    missing = [name for name in FILES if not (folder / name).is_file()]
    if missing:
        raise FileNotFoundError(f"missing exports in {folder}: {', '.join(missing)}")
    rows = {PLOVER_FILE: plover.validate_records(plover.read_jsonl(folder / PLOVER_FILE))}
    for name in EXPORT_CSVS:
        rows[name] = len(validate_export(name, read_export_csv(folder / name)))
    return rows
