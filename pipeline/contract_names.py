"""The names of the dataset contract's tables and of the export files, without the models.

`pipeline.schemas` holds the contract itself (a Pandera model and an Arrow schema per
table), and importing it imports pandas, Pandera and pyarrow: about a second of CPU. A rerun
with nothing to do only compares files and prints row counts, so what it needs, the names,
lives here; `pipeline.schemas` checks at import that its tables and export files are these.
"""

from __future__ import annotations

from pathlib import Path

TABLE_NAMES = (
    "articles", "sentences", "entities", "mentions", "events", "event_participants", "event_mentions",
    "quotes", "stances", "issues", "rejected_files", "rejected_rows", "ingest_notes",
)
"""Every table of the contract, in the contract's order (`pipeline.schemas.TABLES`)."""

PLOVER_FILE = "events.plover.jsonl"
EXPORT_CSV_NAMES = ("events.csv", "stances.csv", "quotes.csv")
"""The CSV exports, in the order of `pipeline.schemas.EXPORT_CSVS`."""
EXPORT_FILES = (PLOVER_FILE, *EXPORT_CSV_NAMES)


def exports_dir(data_dir: Path) -> Path:
    return data_dir / "exports"
