"""Which PLOVER lines already passed the schema, so that a rerun validates only new lines.

Validating a record against plover.schema.json is pure Python (jsonschema) and cost most
of the exports step and of its check: after one article changed, every record of the
corpus was validated twice again although all but a few were byte for byte the lines
validated before. Whether a line passes depends only on its bytes, the schema and the
validator, so the step keeps the digest of every line that passed (`pipeline.passed`,
in `data/exports.validated.json`, outside the exports folder that users take away). A line
is validated when its digest is not there, or when the memo was made with another schema
or validator; the check reads the file back and does the same, so a line edited by hand is
validated again.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

from pipeline.exports.plover import SCHEMA_PATH
from pipeline.passed import PassedMemo, digest_of


def line_digest(line: str) -> str:
    """The digest of one JSON line (without its newline)."""
    return digest_of(line.encode("utf-8"))


def schema_identity() -> str:
    """What decides whether a line passes: the schema's bytes and the validator's version."""
    digest = hashlib.sha256(SCHEMA_PATH.read_bytes())
    digest.update(f"jsonschema {version('jsonschema')}".encode())
    return digest.hexdigest()


def memo(data_dir: Path) -> PassedMemo:
    return PassedMemo(data_dir / "exports.validated.json", schema_identity())


def load(data_dir: Path) -> frozenset[str]:
    """Digests of the lines that passed under the current schema; empty when unknown."""
    return memo(data_dir).load()


def record(data_dir: Path, digests: list[str]) -> None:
    """Every line of the file just written passed: keep their digests for the next run."""
    memo(data_dir).record(digests)


def forget(data_dir: Path) -> None:
    memo(data_dir).forget()
