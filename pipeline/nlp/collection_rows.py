"""Collections: JSON Lines, CSV and Parquet files in the seeds folder, one article per row.

Pure Python: no Dagster, no spaCy. A collection is read as a stream (lines, CSV records,
Parquet record batches), so the text of only one batch is in memory at a time; what a
caller keeps per row (`RowSeed`: its names and content hash) is a few hundred bytes.

Rules:

* Columns (JSON keys) are matched to fields by name, ignoring case, surrounding spaces
  and ``-``/space versus ``_``; `FIELD_ALIASES` lists the accepted names in order of
  preference (the first present wins). Other columns are ignored.
* A row's number is its line number in JSON Lines (blank lines are skipped but counted),
  its record number below the header in CSV, its position from 1 in Parquet.
* ``article_id`` is ``<collection path without suffix>/<id>``, or ``/<row number>`` when
  the row has no id; ``source_file`` is ``<collection path>#<id or row number>``, the
  name of the row in tables, logs and partition keys.
* The content hash of a row is the SHA-256 of what the row contributes (source_file,
  article_id, text, metadata), so editing one row changes that row's hash only and
  columns that are not read change nothing.
* The article text is the title, a blank line and the text (the title is not repeated
  when the text already starts with it). HTML text is converted like an HTML file.
* A row without usable text, with an id that is not text or a number, with invalid JSON
  or too long a text is a `RowRejection` with its number and the reason; an unusable
  title, url, outlet or date only drops that value, with a note. A collection that cannot
  be read at all (no text column, not Parquet...) is one file `Rejection`.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path, PurePosixPath

from pipeline.nlp.decoding import decode_bytes
from pipeline.nlp.file_notes import Note, Unusable
from pipeline.nlp.html_text import as_plain_text
from pipeline.nlp.ingest import MAX_ARTICLE_CHARS, DecodedArticle, Rejection, check_size, published_date_problem

COLLECTION_SUFFIXES = (".jsonl", ".csv", ".parquet")

FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id", "guid", "uuid"),
    "title": ("title", "headline"),
    "text": ("text", "body", "content", "maintext", "article", "full_text"),
    "published": ("date", "published", "published_at", "publish_date", "date_publish", "pubdate"),
    "url": ("url", "link", "source_url"),
    "outlet": ("outlet", "source", "publisher", "source_domain", "site_name"),
}
"""Accepted column names per field, most preferred first (README, "Input")."""

MAX_ID_CHARS = 256
"""Longer ids are rejected: an id names the article in every table and in the UI."""

MAX_ROW_CHARS = 32 * 1024 * 1024
"""A JSON line longer than this is rejected without being parsed (its text would be over
`MAX_ARTICLE_CHARS` anyway)."""

BATCH_ROWS = 1024
"""Rows per Parquet record batch."""

PARQUET_READ_BUFFER = 64 * 1024

ENCODING_SAMPLE_BYTES = 64 * 1024
CSV_DELIMITERS = ",;\t|"

_FIELD_OF_NAME = {alias: field for field, aliases in FIELD_ALIASES.items() for alias in aliases}
_PREFERENCE = {alias: rank for aliases in FIELD_ALIASES.values() for rank, alias in enumerate(aliases)}
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class CollectionFile:
    """A collection in the seeds folder: its path on disk and relative to the folder."""

    path: Path
    source_file: str

    @property
    def stem(self) -> str:
        """The relative path without its suffix: the prefix of its rows' article ids."""
        return str(PurePosixPath(self.source_file).with_suffix(""))

    @property
    def kind(self) -> str:
        return PurePosixPath(self.source_file).suffix.lower().lstrip(".")


@dataclass(frozen=True, slots=True)
class RowSeed:
    """What planning needs of one row: the names of the `SeedFile` of a text file, and its row number."""

    path: Path
    source_file: str
    article_id: str
    content_sha256: str
    row_number: int
    collection: str


@dataclass(frozen=True, slots=True)
class ListedRow:
    """A usable row without its text: enough to plan partitions and check the cache."""

    seed: RowSeed
    notes: tuple[str, ...]


@dataclass(frozen=True)
class RowRejection:
    """A row that cannot be an article: `source_file` is the collection, `row_number` the row."""

    source_file: str
    row_number: int
    row_id: str | None
    content_sha256: str | None
    reason: str


class CollectionError(Exception):
    """The whole collection is unreadable; rows read before it stand."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class _RawRow:
    row_number: int
    values: dict[str, object]
    problem: str | None = None


def field_of_column(name: str) -> str | None:
    return _FIELD_OF_NAME.get(_normalised_column(name))


def _normalised_column(name: object) -> str:
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower())


def map_columns(names: list[str]) -> dict[str, str]:
    """field -> the column that supplies it (the most preferred alias present)."""
    chosen: dict[str, str] = {}
    for name in names:
        field = field_of_column(name)
        if field is None:
            continue
        current = chosen.get(field)
        if current is None or _PREFERENCE[_normalised_column(name)] < _PREFERENCE[_normalised_column(current)]:
            chosen[field] = name
    return chosen


def _no_text_column(names: list[str]) -> CollectionError:
    shown = ", ".join(repr(str(n)) for n in names[:20]) or "none"
    expected = ", ".join(FIELD_ALIASES["text"])
    return CollectionError(f"no text column: expected one of {expected}; columns found: {shown}")


# --------------------------------------------------------------------------- readers


def read_raw_rows(collection: CollectionFile) -> Iterator[_RawRow]:
    """The collection's rows with their mapped values, streamed. Raises CollectionError
    when the file cannot be read any further (rows yielded before it stand)."""
    readers = {"jsonl": _jsonl_rows, "csv": _csv_rows, "parquet": _parquet_rows}
    try:
        yield from readers[collection.kind](collection.path)
    except OSError as error:
        raise CollectionError(f"could not read file: {(error.strerror or str(error)).lower()}") from None
    except UnicodeError as error:  # wide encodings cannot escape every undecodable byte
        raise CollectionError(f"not decodable as {error.encoding} at byte {error.start:,}") from None


def _text_encoding(path: Path) -> str:
    """The encoding of a text collection, judged on its first bytes like a text file
    (BOM, UTF-16/32 patterns, UTF-8, Windows-1252, detection)."""
    with open(path, "rb") as handle:
        sample = handle.read(ENCODING_SAMPLE_BYTES)
    if not sample:
        raise CollectionError("empty file (0 bytes)")
    try:
        _, encoding = decode_bytes(_cut_at_line_end(sample))
    except Unusable as unusable:
        raise CollectionError(unusable.reason) from None
    return encoding


def _cut_at_line_end(sample: bytes) -> bytes:
    """A sample cut inside a multi-byte character would look damaged."""
    if len(sample) < ENCODING_SAMPLE_BYTES:
        return sample
    end = sample.rfind(b"\n")
    return sample[: end + 1] if end > 0 else sample


def _jsonl_rows(path: Path) -> Iterator[_RawRow]:
    encoding = _text_encoding(path)
    with open(path, encoding=encoding, errors="surrogateescape", newline="\n") as handle:
        line_number = 0
        while line := handle.readline(MAX_ROW_CHARS + 1):
            line_number += 1
            if len(line) > MAX_ROW_CHARS and not line.endswith("\n"):
                while (rest := handle.readline(MAX_ROW_CHARS)) and not rest.endswith("\n"):
                    pass
                yield _RawRow(line_number, {}, f"line longer than {MAX_ROW_CHARS:,} characters; not read")
                continue
            if not line.strip():
                continue
            yield _json_row(line_number, line)


def _json_row(row_number: int, line: str) -> _RawRow:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as error:
        return _RawRow(row_number, {}, f"not valid JSON: {str(error)[:120]}")
    if not isinstance(record, dict):
        return _RawRow(row_number, {}, f"expected a JSON object, found {type(record).__name__}")
    columns = map_columns(list(record))
    if "text" not in columns:
        known = {"id": record[columns["id"]]} if "id" in columns else {}
        return _RawRow(row_number, known, f"no text field: expected one of {', '.join(FIELD_ALIASES['text'])}")
    return _RawRow(row_number, {field: record[column] for field, column in columns.items()})


def _csv_rows(path: Path) -> Iterator[_RawRow]:
    encoding = _text_encoding(path)
    csv.field_size_limit(max(csv.field_size_limit(), MAX_ARTICLE_CHARS + 1))
    with open(path, encoding=encoding, errors="surrogateescape", newline="") as handle:
        reader = csv.reader(handle, delimiter=_delimiter(handle))
        header = _next_record(reader)
        if header is None:
            raise CollectionError("empty CSV: no header row")
        if isinstance(header, csv.Error):
            raise CollectionError(f"unreadable header row: {header}")
        columns = map_columns(header)
        if "text" not in columns:
            raise _no_text_column(header)
        position = {field: header.index(column) for field, column in columns.items()}
        row_number = 0
        while (record := _next_record(reader)) is not None:
            row_number += 1
            if isinstance(record, csv.Error):
                yield _RawRow(row_number, {}, f"unreadable CSV record: {record}")
            elif not record:
                row_number -= 1  # a blank line is not a record
            elif len(record) > len(header) and any(cell.strip() for cell in record[len(header):]):
                yield _RawRow(row_number, {}, f"{len(record)} cells but the header has {len(header)} columns")
            else:
                yield _RawRow(row_number, {f: record[i] if i < len(record) else None for f, i in position.items()})


def _delimiter(handle: io.TextIOBase) -> str:
    """The most frequent of , ; tab | in the header line (comma when none is there):
    spreadsheets in many locales export with semicolons or tabs."""
    header = handle.readline(ENCODING_SAMPLE_BYTES)
    handle.seek(0)
    return max(CSV_DELIMITERS, key=header.count) if any(d in header for d in CSV_DELIMITERS) else ","


def _next_record(reader) -> list[str] | csv.Error | None:
    try:
        return next(reader)
    except StopIteration:
        return None
    except csv.Error as error:
        return error


def _parquet_rows(path: Path) -> Iterator[_RawRow]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        # Buffered, unthreaded reads: a row group (often the whole file) is never read at once.
        parquet = pq.ParquetFile(path, buffer_size=PARQUET_READ_BUFFER, pre_buffer=False)
    except (pa.ArrowException, ValueError) as error:
        raise CollectionError(f"not a readable Parquet file: {str(error)[:160]}") from None
    names = parquet.schema_arrow.names
    columns = map_columns(names)
    if "text" not in columns:
        raise _no_text_column(names)
    row_number = 0
    try:
        batches = parquet.iter_batches(batch_size=BATCH_ROWS, columns=sorted(set(columns.values())), use_threads=False)
        for batch in batches:
            values = {field: batch.column(column).to_pylist() for field, column in columns.items()}
            for index in range(batch.num_rows):
                row_number += 1
                yield _RawRow(row_number, {field: column[index] for field, column in values.items()})
    except (pa.ArrowException, ValueError, OSError) as error:
        raise CollectionError(f"unreadable after row {row_number:,}: {str(error)[:160]}") from None


# --------------------------------------------------------------------------- rows to articles


def read_rows(
    collection: CollectionFile, with_text: bool = False
) -> Iterator[ListedRow | DecodedArticle | RowRejection]:
    """Every row of the collection as a `ListedRow` (or, `with_text`, a `DecodedArticle`)
    or a `RowRejection`. Raises CollectionError like `read_raw_rows`."""
    for raw in read_raw_rows(collection):
        yield row_article(collection, raw, with_text)


def row_article(
    collection: CollectionFile, raw: _RawRow, with_text: bool = False
) -> ListedRow | DecodedArticle | RowRejection:
    def reject(reason: str, row_id: str | None = None, sha: str | None = None) -> RowRejection:
        return RowRejection(collection.source_file, raw.row_number, row_id, sha, reason)

    if raw.problem:
        try:
            return reject(raw.problem, _row_id(_as_str_if_utf8(raw.values.get("id"))))
        except Unusable:
            return reject(raw.problem)
    values, notes = {field: _as_str_if_utf8(value) for field, value in raw.values.items()}, []
    try:
        row_id = _row_id(values.get("id"))
    except Unusable as unusable:
        return reject(unusable.reason)
    name = row_id if row_id is not None else str(raw.row_number)
    if row_id is None and "id" in values:
        notes.append(Note(f"row {raw.row_number} has no id; it is named by its row number", "collection"))
    source_file = f"{collection.source_file}#{name}"
    metadata, metadata_notes = _metadata(values)
    notes += [Note(f"row {raw.row_number}: {note}", "collection") for note in metadata_notes]
    try:
        text, text_notes = _article_text(values.get("text"), metadata.pop("title", None))
    except Unusable as unusable:
        return reject(unusable.reason, row_id)
    notes += text_notes
    article_id = f"{collection.stem}/{name}"
    sha = _row_sha256(source_file, article_id, text, metadata)
    seed = RowSeed(collection.path, source_file, article_id, sha, raw.row_number, collection.source_file)
    if not with_text:
        return ListedRow(seed, tuple(notes))
    return DecodedArticle(seed=seed, text=text, encoding="utf-8", metadata=metadata, notes=tuple(notes))


def _as_str_if_utf8(value: object) -> object:
    """Parquet binary columns often hold UTF-8 text."""
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return value
    return value


def _row_id(value: object) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise Unusable(f"id is not text or a number ({type(value).__name__})")
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        value = int(value) if value.is_integer() else value
    row_id = str(value).strip()
    if len(row_id) > MAX_ID_CHARS:
        raise Unusable(f"id longer than {MAX_ID_CHARS} characters")
    if _LONE_SURROGATE.search(row_id):
        raise Unusable("id holds bytes that are not valid in its encoding")
    return row_id


def _metadata(values: dict) -> tuple[dict, list[str]]:
    """title, url, outlet and published as strings; unusable values dropped with a note."""
    metadata, notes = {}, []
    for field in ("title", "url", "outlet"):
        value = values.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if not isinstance(value, str) or _LONE_SURROGATE.search(value):
            notes.append(f"ignored {field}: not text")
            continue
        metadata[field] = " ".join(value.split()) if field == "title" else value.strip()
    published, note = _published(values.get("published"))
    if published:
        metadata["published"] = published
    if note:
        notes.append(note)
    return metadata, notes


def _published(value: object) -> tuple[str | None, str | None]:
    """An ISO date (YYYY-MM-DD) from a date, a datetime, an ISO string or an RFC 2822 string."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        iso = value.isoformat()
    elif isinstance(value, str):
        iso = value.strip()
        try:
            date.fromisoformat(iso[:10])
        except ValueError:
            with contextlib.suppress(TypeError, ValueError, IndexError):
                iso = parsedate_to_datetime(iso).date().isoformat()
    else:
        return None, f"ignored date: not text or a date ({type(value).__name__})"
    problem = published_date_problem(iso, field="date")
    return (None, problem) if problem else (iso[:10], None)


def _article_text(value: object, title: str | None) -> tuple[str, list[str]]:
    if value is None:
        raise Unusable("no text")
    if not isinstance(value, str):
        raise Unusable(f"text is not a string ({type(value).__name__})")
    notes: list[str] = []
    if (damaged := len(_ESCAPED_BYTE.findall(value))) > 0:
        value = _ESCAPED_BYTE.sub("\ufffd", value)
        replaced = f"{damaged} invalid byte{'s' if damaged != 1 else ''} replaced by U+FFFD"
        notes.append(Note(f"damaged text: {replaced}", "decoding"))
    if _LONE_SURROGATE.search(value):
        raise Unusable("text holds lone surrogates (\\ud800-\\udfff escapes), which are not text")
    if not value.strip():
        raise Unusable("text is empty" if not value else "text is only whitespace")
    text, html_notes = as_plain_text(value)
    notes += html_notes
    if title and _first_line(text) != title:
        text = f"{title}\n\n{text}"
    check_size(text)
    return text, notes


def _first_line(text: str) -> str:
    return " ".join(text.lstrip().split("\n", 1)[0].split())


def _row_sha256(source_file: str, article_id: str, text: str, metadata: dict) -> str:
    canonical = json.dumps([source_file, article_id, text, sorted(metadata.items())], ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def is_collection(name: str) -> bool:
    return name.lower().endswith(COLLECTION_SUFFIXES)


def file_rejection(collection: CollectionFile, reason: str) -> Rejection:
    return Rejection(collection.source_file, None, reason)
