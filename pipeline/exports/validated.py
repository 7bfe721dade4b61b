"""Which PLOVER lines already passed the schema, so that a rerun validates only new lines.

Validating a record against plover.schema.json is pure Python (jsonschema) and cost most
of the exports step and of its check: after one article changed, every record of the
corpus was validated twice again although all but a few were byte for byte the lines
validated before. Whether a line passes depends only on its bytes, the schema and the
validator, so the step keeps, beside the file, the digest of every line that passed, with
a digest of the schema and of the jsonschema version (`data/exports.validated.json`,
outside the exports folder that users take away). A line is validated when its digest is
not in that set, or when the set was made with another schema or validator; the check
reads the file back and does the same, so a line edited by hand is validated again.
"""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import version
from pathlib import Path

from pipeline.exports.plover import SCHEMA_PATH
from pipeline.storage import atomic_path


def line_digest(line: str) -> str:
    """The digest of one JSON line (without its newline)."""
    return hashlib.blake2b(line.encode("utf-8"), digest_size=16).hexdigest()


def schema_identity() -> str:
    """What decides whether a line passes: the schema's bytes and the validator's version."""
    digest = hashlib.sha256(SCHEMA_PATH.read_bytes())
    digest.update(f"jsonschema {version('jsonschema')}".encode())
    return digest.hexdigest()


def memo_path(data_dir: Path) -> Path:
    return data_dir / "exports.validated.json"


def load(data_dir: Path) -> frozenset[str]:
    """Digests of the lines that passed under the current schema; empty when unknown."""
    try:
        kept = json.loads(memo_path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()
    if not isinstance(kept, dict) or kept.get("schema") != schema_identity():
        return frozenset()
    return frozenset(kept.get("lines", ()))


def record(data_dir: Path, digests: list[str]) -> None:
    """Every line of the file just written passed: keep their digests for the next run."""
    with atomic_path(memo_path(data_dir)) as temp:
        temp.write_text(json.dumps({"schema": schema_identity(), "lines": sorted(set(digests))}), encoding="utf-8")


def forget(data_dir: Path) -> None:
    memo_path(data_dir).unlink(missing_ok=True)
