"""Exports for event-data tools, written under data/exports/ from the Parquet tables.

- `events.plover.jsonl`: one PLOVER-style JSON record per event (`plover.py`), each
  validated against `plover.schema.json`;
- `events.csv`, `stances.csv`, `quotes.csv`: one row per event, stance or quote with
  readable column names (`tables.py`), each validated against its Pandera model in
  pipeline/schemas.py.

Plain Python: `make export` calls `write_exports`, and so does the Dagster asset
`exports`, whose check re-reads the files and validates them again (`check_exports`).
Every file is validated before it is renamed into place, so a file on disk always
passed its schema. A CSV whose built frame is the one that gave the file on disk (same
columns, types and values, recorded with the file's digest in `data/exports.csv.json`
under the identity of the models, this module and pandas and Pandera) is neither
validated nor written again: after a small edit most of them are. From the Parquet tables,
a CSV whose tables (and the article columns it reads) are byte for byte those it was built
from is not even built (`csv_inputs_memo`, `data/exports.csv.inputs.json`), and the check
passes a file holding the bytes it last passed without reading it (`checked_memo`,
`data/exports.checked.json`).
"""

from __future__ import annotations

import hashlib
import inspect
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from itertools import islice
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline import schemas
from pipeline.contract_names import EXPORT_FILES, PLOVER_FILE, exports_dir
from pipeline.exports import plover, validated
from pipeline.exports.tables import FRAMES
from pipeline.passed import PassedMemo, file_digest, file_digest_or_none
from pipeline.schemas import EXPORT_CSVS, build_models, read_export_csv, validate_export
from pipeline.storage import atomic_path, read_table, read_table_kept

FILES = EXPORT_FILES
TABLES_USED = ("events", "event_participants", "event_mentions", "entities", "mentions", "sentences", "articles",
               "stances", "issues", "quotes")


@dataclass
class ExportSummary:
    folder: Path
    rows: dict[str, int] = field(default_factory=dict)

    def paths(self) -> dict[str, Path]:
        return {name: self.folder / name for name in self.rows}


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


def write_plover(
    path: Path, records: Iterator[dict], batch: int = BATCH_RECORDS, passed: frozenset[str] = frozenset()
) -> tuple[int, list[str]]:
    """Validate and write `records` `batch` at a time into a temporary file, renamed onto
    `path` once every record passed (an invalid batch raises and leaves `path` as it was).

    What is validated is each line as it will be read back; a line whose digest is in
    `passed` (lines that passed before, `validated.py`) is not validated again. Returns the
    number of records and the digests of their lines."""
    n, digests = 0, []
    with atomic_path(path) as temp, temp.open("w", encoding="utf-8") as handle:
        for chunk in _batches(records, batch):
            lines = [json.dumps(record, ensure_ascii=False) for record in chunk]
            keys = [validated.line_digest(line) for line in lines]
            plover.validate_numbered(
                (n + i, json.loads(line)) for i, (line, key) in enumerate(zip(lines, keys, strict=True), start=1)
                if key not in passed
            )
            handle.write("".join(line + "\n" for line in lines))
            digests.extend(keys)
            n += len(chunk)
    return n, digests


def write_exports(data_dir: Path, tables: dict[str, pd.DataFrame] | None = None,
                  batch: int = BATCH_RECORDS) -> ExportSummary:
    """Build, validate and atomically write every export; raises before replacing a file
    whose content breaks its schema (plover.PloverInvalid or schemas.SchemaViolation).
    `tables` (all of TABLES_USED) replaces reading the Parquet tables under `data_dir`."""
    folder = exports_dir(data_dir)
    summary = ExportSummary(folder)
    used = _tables(data_dir, tables, PLOVER_TABLES) if tables is not None else load_plover_tables(data_dir)
    inputs = plover_inputs_digest(used)
    plover_file_memo = plover_memo(data_dir)  # its identity hashes this code's sources: once per call
    rows = _plover_unchanged(plover_file_memo, inputs, folder / PLOVER_FILE)
    if rows is not None:  # the file on disk was written from these very inputs: nothing to build
        summary.rows[PLOVER_FILE] = rows
        del used
    else:
        records = plover.build_records(used, coder())
        del used
        plover_file_memo.forget()
        passed = validated.load(data_dir)
        validated.forget(data_dir)
        summary.rows[PLOVER_FILE], digests = write_plover(folder / PLOVER_FILE, records, batch, passed)
        validated.record(data_dir, digests)
        del records, passed, digests  # the generator holds the PLOVER tables' lookups
        _record_plover(plover_file_memo, inputs, folder / PLOVER_FILE, summary.rows[PLOVER_FILE])
    memo = csv_memo(data_dir)
    written, kept = memo.load(), []
    memo.forget()
    # From the Parquet tables, a CSV whose inputs are those it was last built from is not
    # even built (its frame would be the one that gave the file)
    from_inputs = _CsvInputs(data_dir) if tables is None else None
    for name, build in FRAMES.items():
        if from_inputs is not None and (rows := from_inputs.unchanged(name, folder / name)) is not None:
            summary.rows[name] = rows
            kept.extend(k for k in written if k.startswith(f"{name} ") and k.endswith(f" {from_inputs.on_disk}"))
            continue
        built = build(_tables(data_dir, tables, CSV_TABLES[name]))
        frame_digest = _frame_digest(built)
        key = _csv_key(name, frame_digest, folder / name)
        if key is None or key not in written:
            frame = validate_export(name, built)
            with atomic_path(folder / name) as temp:
                frame.to_csv(temp, index=False, lineterminator="\n")
            del frame
            key = _csv_key(name, frame_digest, folder / name)
        summary.rows[name] = len(built)
        kept.extend([key] if key is not None else [])
        if from_inputs is not None:
            from_inputs.built(name, folder / name, len(built))
        del built
    memo.record(kept)
    if from_inputs is not None:
        from_inputs.save()
    return summary


class _CsvInputs:
    """What each CSV was last built from (`csv_inputs_memo`): its name, the digest of its
    inputs (`inputs`), the digest of the file written and its rows."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.memo = csv_inputs_memo(data_dir)
        self.known = self.memo.load()
        self.entries: dict[str, str] = {}
        self._articles: str | None = None
        self.on_disk: str | None = None

    def inputs(self, name: str) -> str | None:
        """The digest of the files of the tables `name` reads, and of the columns it reads of
        the articles (`tables.ARTICLE_COLUMNS`, as a frame: the articles' file changes with any
        edit); None when one cannot be read."""
        from pipeline.exports.tables import ARTICLE_COLUMNS
        from pipeline.storage import table_path

        digest = hashlib.blake2b(digest_size=16)
        for table in CSV_TABLES[name]:
            if table == "articles":
                if self._articles is None:
                    try:
                        self._articles = _frame_digest(read_table(self.data_dir, "articles", ARTICLE_COLUMNS))
                    except (OSError, KeyError, ValueError):
                        return None
                found = self._articles
            else:
                found = file_digest_or_none(table_path(self.data_dir, table))
            if found is None:
                return None
            digest.update(f"{table} {found}|".encode())
        return digest.hexdigest()

    def unchanged(self, name: str, path: Path) -> int | None:
        """The rows of the CSV at `path` when it was built from these very inputs under this
        code and still holds the bytes written then; None when it must be built."""
        inputs, self.on_disk = self.inputs(name), file_digest_or_none(path)
        self.entries.pop(name, None)
        if inputs is None:
            return None
        for entry in self.known:
            recorded_name, recorded_inputs, recorded_file, rows = (entry.split(" ") + ["", "", "", ""])[:4]
            if (recorded_name, recorded_inputs, recorded_file) == (name, inputs, self.on_disk) and rows.isdigit():
                self.entries[name] = entry
                return int(rows)
        self.entries[name] = f"{name} {inputs} "  # completed once the file is written
        return None

    def built(self, name: str, path: Path, rows: int) -> None:
        started = self.entries.pop(name, None)
        on_disk = file_digest_or_none(path)
        if started is not None and started.endswith(" ") and on_disk is not None:
            self.entries[name] = f"{started}{on_disk} {rows}"

    def save(self) -> None:
        entries = frozenset(e for e in self.entries.values() if not e.endswith(" "))
        if entries != self.known:
            self.memo.record(entries)


def csv_inputs_memo(data_dir: Path) -> PassedMemo:
    """Each CSV as built from the Parquet tables: its name, the digest of its inputs, the
    file's digest and rows, under what turns those tables into the file (the CSV memo's
    identity, the frames' code, the PLOVER code and export knowledge that events.csv reads,
    and the extractors' fingerprint, which covers the lexicons). After an edit that leaves
    the events, stances and quotes as they were, building the three frames again to find
    them unchanged was most of the exports step."""
    from pipeline.exports import tables as frames
    from pipeline.nlp.version import extractor_version

    identity = hashlib.sha256(csv_memo(data_dir).identity.encode())
    for module in (frames, plover):
        identity.update(inspect.getsource(module).encode())
    identity.update(plover.KNOWLEDGE_PATH.read_bytes())
    identity.update(extractor_version().encode())
    return PassedMemo(data_dir / "exports.csv.inputs.json", identity.hexdigest())


def plover_inputs_digest(used: dict[str, pd.DataFrame]) -> str | None:
    """The digest of what `plover.build_records` reads of the PLOVER tables as loaded: every
    table's frame (`_frame_digest`), the articles only where an event is reported (the
    records look up no other: an edit elsewhere changes their `processed_at` and nothing
    in the file), and their `processed_at` as its day, all that a record reads of it (its
    `coded_date`: an article extracted again the same day gives the same records). None
    when a frame has no digest."""
    digest = hashlib.blake2b(digest_size=16)
    for name in sorted(used):
        frame = used[name]
        if name == "articles":
            frame = frame[frame["article_id"].isin(used["event_mentions"]["article_id"])]
            if "processed_at" in frame.columns:  # read as its day only (a record's coded_date)
                frame = frame.assign(processed_at=pd.to_datetime(frame["processed_at"]).dt.normalize())
        frame_digest = _frame_digest(_spelled_out(frame.reset_index(drop=True)))
        if frame_digest is None:
            return None
        digest.update(f"{name} {frame_digest}|".encode())
    return digest.hexdigest()


def _spelled_out(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with each value of a column of lists or arrays (an entity's aliases), which
    pandas cannot hash, as its type's name and its JSON text: every other column as it is."""
    spelled = {}
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_object_dtype(values.dtype) and any(isinstance(v, _NESTED) for v in values):
            values = values.map(lambda v: f"{type(v).__name__}:{json.dumps(_plain(v), default=repr, sort_keys=True)}")
        spelled[column] = values
    return pd.DataFrame(spelled, index=frame.index)


_NESTED = (list, tuple, dict, np.ndarray)


def _plain(value):
    if isinstance(value, (list, tuple, np.ndarray)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def plover_memo(data_dir: Path) -> PassedMemo:
    """The PLOVER file last written: the digest of its inputs (`plover_inputs_digest`), the
    file's digest and its record count, under what turns those inputs into the file (this
    module, the PLOVER code, schema and knowledge, the extractors' fingerprint, which covers
    the lexicons the records read, the coder's name, pandas and the validator)."""
    from pipeline.nlp.version import extractor_version

    identity = hashlib.sha256(inspect.getsource(sys.modules[__name__]).encode())
    for module in (plover, validated):
        identity.update(inspect.getsource(module).encode())
    identity.update(plover.SCHEMA_PATH.read_bytes())
    identity.update(plover.KNOWLEDGE_PATH.read_bytes())
    identity.update(f"{extractor_version()}|{coder()}|pandas {version('pandas')}".encode())
    identity.update(f"jsonschema {version('jsonschema')}".encode())
    return PassedMemo(data_dir / "exports.plover.json", identity.hexdigest())


def _plover_unchanged(memo: PassedMemo, inputs: str | None, path: Path) -> int | None:
    """The record count of the PLOVER file on disk when it was written, validated, from these
    very inputs under this code; None when it must be built."""
    if inputs is None:
        return None
    on_disk = file_digest_or_none(path)
    if on_disk is None:
        return None
    for entry in memo.load():
        recorded_inputs, recorded_file, rows = entry.split(" ")
        if (recorded_inputs, recorded_file) == (inputs, on_disk):
            return int(rows)
    return None


def _record_plover(memo: PassedMemo, inputs: str | None, path: Path, rows: int) -> None:
    if inputs is not None:
        memo.record([f"{inputs} {file_digest(path)} {rows}"])


def csv_memo(data_dir: Path) -> PassedMemo:
    """Each CSV written: its name, the digest of the frame it was built from and the file's
    digest, under what turns a frame into the file (the models' validation and coercion, this
    module's writing, pandas and Pandera)."""
    identity = hashlib.sha256(inspect.getsource(schemas).encode())
    identity.update(inspect.getsource(sys.modules[__name__]).encode())
    identity.update(f"pandas {version('pandas')} pandera {version('pandera')}".encode())
    return PassedMemo(data_dir / "exports.csv.json", identity.hexdigest())


def _frame_digest(frame: pd.DataFrame) -> str | None:
    """The digest of a built frame: its columns, their types and values, in row order (an
    object column's value types too, where 1 and "1" hash alike); None when it has no hash."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(repr([(str(c), str(t)) for c, t in frame.dtypes.items()]).encode())
    try:
        digest.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
    except TypeError:  # an unhashable value (a list): always validated and written
        return None
    for column, dtype in frame.dtypes.items():
        if pd.api.types.is_object_dtype(dtype):
            digest.update("|".join(type(v).__name__ for v in frame[column]).encode())
    return digest.hexdigest()


def _csv_key(name: str, frame_digest: str | None, path: Path) -> str | None:
    """`name`, the frame's digest and the digest of the file at `path`; None when either is unknown."""
    on_disk = file_digest_or_none(path)
    if on_disk is None:
        return None
    return None if frame_digest is None else f"{name} {frame_digest} {on_disk}"


def check_plover(path: Path, passed: frozenset[str] = frozenset()) -> int:
    """Read the JSON Lines file back and validate each line whose digest is not in `passed`;
    returns the number of records."""
    n = 0

    def unchecked() -> Iterator[tuple[int, dict]]:
        nonlocal n
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                line = line.rstrip("\n")
                if line.strip():
                    n += 1
                    if validated.line_digest(line) not in passed:
                        yield n, json.loads(line)

    plover.validate_numbered(unchecked())
    return n


def prepare_exports() -> None:
    """Load what writing and checking the exports needs and keeps (the Pandera models, the
    JSON Schema and its fast validator, the export knowledge): done once in the parent when they run in
    child processes (`pipeline.own_process`)."""
    build_models()
    plover.passes_schema()
    plover.load_knowledge()


def check_exports(data_dir: Path) -> dict[str, int]:
    """Re-read every export file and validate it: the JSON Lines against the JSON Schema
    (the lines that passed when written are known by their digests and not validated
    again, `validated.py`), each CSV against its Pandera model. A file whose bytes are
    those this check last read and passed, under the same models, schema and code
    (`checked_memo`), passes again with the rows it had, unread. Returns rows per file;
    raises on the first bad file."""
    folder = exports_dir(data_dir)
    missing = [name for name in FILES if not (folder / name).is_file()]
    if missing:
        raise FileNotFoundError(f"missing exports in {folder}: {', '.join(missing)}")
    memo = checked_memo(data_dir)
    known = memo.load()
    passed = _checked_rows(known)
    rows, kept = {}, []
    for name in (PLOVER_FILE, *EXPORT_CSVS):
        digest = file_digest(folder / name)
        rows[name] = passed.get((name, digest))
        if rows[name] is None:
            rows[name] = (check_plover(folder / name, validated.load(data_dir)) if name == PLOVER_FILE
                          else len(validate_export(name, read_export_csv(folder / name))))
        kept.append(f"{name} {digest} {rows[name]}")
    if frozenset(kept) != known:
        memo.record(kept)
    return rows


def checked_memo(data_dir: Path) -> PassedMemo:
    """Each export file as `check_exports` last passed it: its name, the digest of its bytes
    and its rows, under what decides whether those bytes pass (the Pandera models and how a
    CSV is read, `pipeline.schemas`; the JSON Schema and its validator; this module; pandas
    and Pandera). After an edit that leaves the CSVs as they were, reading and validating
    them again was most of the check (about 0.3 s CPU at 300 articles, growing with the
    corpus); a file edited by hand has other bytes and is read and validated again."""
    identity = hashlib.sha256(inspect.getsource(schemas).encode())
    identity.update(inspect.getsource(sys.modules[__name__]).encode())
    identity.update(validated.schema_identity().encode())
    identity.update(f"pandas {version('pandas')} pandera {version('pandera')}".encode())
    return PassedMemo(data_dir / "exports.checked.json", identity.hexdigest())


def _checked_rows(entries: Iterable[str]) -> dict[tuple[str, str], int]:
    """{(file name, digest): rows} of the memo's entries; a malformed entry is ignored."""
    found = {}
    for entry in entries:
        parts = entry.split(" ")
        if len(parts) == 3 and parts[2].isdigit():
            found[(parts[0], parts[1])] = int(parts[2])
    return found
