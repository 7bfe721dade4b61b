"""Digests of contents that passed a validation, so that the same bytes are not validated again.

Whether a file or a line passes its schema depends only on its bytes and on the code that
validates it. After a small edit most of a run's outputs are byte for byte what passed
the last time (the PLOVER lines of unchanged events), and validating them again was much
of what a rerun cost. (A table check, the contract's included, keeps its result under the
digest of the files it read instead: `pipeline.checked`.) A memo holds the
digests that passed together with the identity of the validator (schema and code); any
other identity, or a damaged memo, means nothing is known to have passed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from pipeline.storage import atomic_path


def digest_of(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def file_digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, lambda: hashlib.blake2b(digest_size=16)).hexdigest()


def file_digest_or_none(path: Path) -> str | None:
    """`file_digest`, or None when the file cannot be read (missing, say)."""
    try:
        return file_digest(path)
    except OSError:
        return None


class PassedMemo:
    """`path` holds {"identity": ..., "passed": [digests]}."""

    def __init__(self, path: Path, identity: str):
        self.path = path
        self.identity = identity

    def load(self) -> frozenset[str]:
        try:
            kept = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return frozenset()
        if not isinstance(kept, dict) or kept.get("identity") != self.identity:
            return frozenset()
        return frozenset(kept.get("passed", ()))

    def record(self, digests: Iterable[str]) -> None:
        with atomic_path(self.path) as temp:
            temp.write_text(json.dumps({"identity": self.identity, "passed": sorted(set(digests))}), encoding="utf-8")

    def forget(self) -> None:
        self.path.unlink(missing_ok=True)
