"""The results of the table checks, kept under the bytes of the tables each one read, so that
a check whose tables are byte for byte those it last ran on is not run again.

A check is a function of the Parquet files it reads and of the code and knowledge it runs
(the checks' module, the extractors' fingerprint, which covers the gazetteer and the name
rules, and pandas). After a small edit most tables are left as they were (`table_build`
does not even write a corpus-wide table whose rows did not change), and running every
check again over them was most of the checks' step: the entity checks alone read and
explode every alias of the corpus. The memo holds, per check, the digest of its input
files and the result it gave (`data/parquet/checks.results.json`); a result that cannot be
written as JSON, or a check that raised, is not kept, and any other identity of the code,
or a damaged memo, means nothing is known.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from pipeline.passed import file_digest
from pipeline.storage import atomic_path, table_path


class CheckMemo:
    """{"identity": ..., "results": {check key: {"inputs": digest, "result": {...}}}}."""

    def __init__(self, data_dir: Path, identity: str):
        self.data_dir = data_dir
        self.path = data_dir / "parquet" / "checks.results.json"
        self.identity = identity
        self._digests: dict[str, str] = {}
        self.results = self._load()
        self._changed = False

    def _load(self) -> dict[str, dict]:
        try:
            kept = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(kept, dict) or kept.get("identity") != self.identity:
            return {}
        results = kept.get("results")
        return results if isinstance(results, dict) else {}

    def inputs(self, tables: Iterable[str], code: str = "") -> str | None:
        """The digest of the check's own `code` and of its tables' files (each file hashed
        once per memo); None when one is missing."""
        digest = hashlib.sha256(code.encode("utf-8", "surrogatepass"))
        for table in tables:
            if table not in self._digests:
                try:
                    self._digests[table] = file_digest(table_path(self.data_dir, table))
                except OSError:
                    return None
            digest.update(f"{table}\0{self._digests[table]}\0".encode())
        return digest.hexdigest()

    def get(self, key: str, inputs: str | None) -> dict | None:
        """The result kept for the check under these inputs, or None."""
        found = self.results.get(key)
        if inputs is None or not isinstance(found, dict) or found.get("inputs") != inputs:
            return None
        return found.get("result")

    def put(self, key: str, inputs: str | None, result: dict | None) -> None:
        """Keep `result` (JSON values only); None or unknown inputs forget the check."""
        if inputs is None or result is None:
            self._changed |= self.results.pop(key, None) is not None
            return
        self.results[key] = {"inputs": inputs, "result": result}
        self._changed = True

    def save(self) -> None:
        if not self._changed:
            return
        with atomic_path(self.path) as temp:
            temp.write_text(json.dumps({"identity": self.identity, "results": self.results}, sort_keys=True),
                            encoding="utf-8")
        self._changed = False
