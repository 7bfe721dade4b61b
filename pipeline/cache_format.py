"""The extraction cache's file format: JSON, which can only ever become data, never code.

An entry is one header line, then the body:

    {"format": 1, "content_sha256": ..., "version": ..., "body_sha256": ..., "body_bytes": n}
    {"article": {...}, "sentences": [[...], ...], "mentions": [...], ...}

The header alone says whether the entry belongs to an article's current content and
extractor version; the body's hash makes any damage (a write cut short, a flipped bit, a
file from elsewhere) a miss. `decode_header` and `decode_body` never raise for any bytes:
whatever cannot be read means "extract again", so one damaged entry cannot stop a run.
Unlike pickle, nobody who can write `data/cache/` can make the next run execute code.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection
from dataclasses import fields
from datetime import date, datetime
from functools import cache

from pipeline.nlp.records import ArticleExtraction, EventCandidate, Mention, Quote, Sentence, Stance, field_reader

FORMAT = 1
MAX_HEADER_BYTES = 4096

RECORD_TYPES = {
    "sentences": Sentence,
    "mentions": Mention,
    "quotes": Quote,
    "stances": Stance,
    "events": EventCandidate,
}
"""ArticleExtraction's list fields and the record type of their items."""


def encode(extraction: ArticleExtraction, version: str) -> bytes:
    """Header line plus body, ready to be written in one go."""
    body = {"article": {key: _encode_value(value) for key, value in extraction.article.items()}}
    for name in RECORD_TYPES:
        _, values = field_reader(RECORD_TYPES[name])
        body[name] = [values(record) for record in getattr(extraction, name)]
    body_bytes = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = {
        "format": FORMAT,
        "content_sha256": extraction.article["content_sha256"],
        "version": version,
        "body_sha256": hashlib.sha256(body_bytes).hexdigest(),
        "body_bytes": len(body_bytes),
    }
    return json.dumps(header).encode("ascii") + b"\n" + body_bytes


def split(raw: bytes, content_sha256: str, version: str) -> bytes | None:
    """The body, if `raw` is a complete, undamaged entry for this content and version."""
    try:
        newline = raw.find(b"\n", 0, MAX_HEADER_BYTES)
        if newline < 0:
            return None
        header = json.loads(raw[:newline])
        body = raw[newline + 1 :]
        if (
            isinstance(header, dict)
            and header.get("format") == FORMAT
            and header.get("content_sha256") == content_sha256
            and header.get("version") == version
            and header.get("body_bytes") == len(body)
            and header.get("body_sha256") == hashlib.sha256(body).hexdigest()
        ):
            return body
    except Exception:  # noqa: BLE001 - any unreadable entry is a miss, whatever the parser raised
        pass
    return None


def decode_body(body: bytes) -> ArticleExtraction | None:
    """The extraction a body holds, or None when it is not one (never raises)."""
    try:
        decoded = decode_records(body, RECORD_TYPES)
        return None if decoded is None else ArticleExtraction(article=decoded[0], **decoded[1])
    except Exception:  # noqa: BLE001 - MemoryError, RecursionError, OverflowError included
        return None


def decode_records(
    body: bytes, names: Collection[str], record: Callable[[type, list], object] | None = None
) -> tuple[dict, dict[str, list]] | None:
    """The article and the record lists `names` of a body, each row made into a record by
    `record(kind, row)` (by default the record type itself), or None when the body is not an
    extraction (never raises). The other lists' rows are only checked, not made into records:
    a reader that needs few of them pays for those only."""
    try:
        content = json.loads(body)
        article = {key: _decode_value(value) for key, value in content["article"].items()}
        records = {}
        for name, kind in RECORD_TYPES.items():
            if name in names:
                records[name] = [(record or make_record)(kind, row) for row in content[name]]
            else:
                for row in content[name]:
                    check_row(kind, row)
        return article, records
    except Exception:  # noqa: BLE001 - MemoryError, RecursionError, OverflowError included
        return None


def decode(raw: bytes, content_sha256: str, version: str) -> ArticleExtraction | None:
    body = split(raw, content_sha256, version)
    return None if body is None else decode_body(body)


@cache
def _arity(kind: type) -> int:
    """Fields of a record type (`dataclasses.fields` costs more than the record itself)."""
    return len(fields(kind))


def make_record(kind: type, row: list):
    """The record of type `kind` a cached row holds."""
    check_row(kind, row)
    # JSON has no tuples; the records' sequence fields are all tuples (they are hashable).
    return kind(*(tuple(value) if isinstance(value, list) else value for value in row))


def check_row(kind: type, row) -> None:
    """Raise unless `row` has a value for each field of `kind`."""
    if not isinstance(row, list) or len(row) != _arity(kind):
        raise ValueError(f"not a {kind.__name__}")


def _encode_value(value):
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    return value


def _decode_value(value):
    if isinstance(value, dict) and len(value) == 1:
        ((tag, text),) = value.items()
        if tag == "$datetime":
            return datetime.fromisoformat(text)
        if tag == "$date":
            return date.fromisoformat(text)
    return value
