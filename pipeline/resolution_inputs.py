"""What the table build's first pass reads of each article for resolution, kept between builds,
so that a build after an edit reads again only the cache entries that changed.

Resolution needs every article's mentions, event candidates and stances (`table_build.
read_resolution_inputs`). Reading them means reading, checking and decoding every cache entry and
coding every mention into the `MentionTable`: after a one-article edit that was most of the
first pass, for the same values as last time. So each build keeps:

- `resolution_inputs.npz`: the mention table's integer columns as coded (before it is
  ordered), its strings and article ids, and for each article the content hash, the
  identity of the cache entry file it was read from (`file_identity`: an entry is replaced
  by renaming a new file over it, so the same identity is the same bytes) and the digest of
  what resolution reads of it (`inputs_digest`);
- `resolution_inputs.jsonl`: one line per article, in the build's (article_id) order, with
  its `processed_at`, date and outlet and the raw rows of its event candidates and stances.

The next build takes an article from there when its content hash is the one it extracts and
its entry's identity is the recorded one, and reads the cache only for the others; the
records come out equal to those read from the cache, and resolution orders everything
itself. Both files are data (NumPy arrays without pickles, JSON), like the cache; they carry
one random token, so a pair written by two builds is never taken for one. Anything else
(another extractor version or cache format, a damaged file, object storage) means nothing
is kept and every entry is read.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import numpy as np

from pipeline import cache_format
from pipeline.nlp.entity_resolution.table import MentionTable
from pipeline.settings import is_local
from pipeline.storage import TEMP_SUFFIX, atomic_path

FORMAT = 2


def _paths(data_dir: Path) -> tuple[Path, Path]:
    folder = data_dir / "parquet"
    return folder / "resolution_inputs.npz", folder / "resolution_inputs.jsonl"


def _identity(version: str) -> str:
    return f"{FORMAT}|{cache_format.FORMAT}|{version}"


class KeptInputs:
    """The last build's inputs of resolution, as far as they still hold."""

    def __init__(self, index: dict, columns: dict[str, np.ndarray], lines: Path):
        self.strings: list = index["strings"]
        self.article_ids: list[str] = index["article_ids"]
        self.columns = columns
        self.entries = {article_id: (sha, tuple(found) if found else None)
                        for article_id, sha, found, _ in index["entries"]}
        self.digests = {article_id: digest for article_id, _, _, digest in index["entries"]}
        self.token = index["token"]
        self.lines = lines

    def current(self, article_id: str, sha: str, identity: tuple | None) -> bool:
        """Whether the kept inputs of the article are those of this content and cache entry."""
        return identity is not None and self.entries.get(article_id) == (sha, identity)

    def table(self, keep: set[str]) -> MentionTable:
        """A mention table of the kept articles' rows (`MentionTable.restored`)."""
        return MentionTable.restored(self.strings, self.article_ids, self.columns, keep)

    def rows(self) -> Iterator[tuple[str, dict]]:
        """(article_id, entry) of every article, in the order they were written; stops short
        at a line that does not read (the build then reads the cache for the rest)."""
        try:
            with self.lines.open("rb") as handle:
                header = json.loads(handle.readline())
                if header.get("token") != self.token:
                    return
                for line in handle:
                    article_id, entry = json.loads(line)
                    yield article_id, entry
        except (OSError, ValueError, TypeError):
            return


def load(data_dir: Path, version: str) -> KeptInputs | None:
    """The kept inputs written by a build of this extractor version; None when there are none
    that read back."""
    arrays_path, lines_path = _paths(data_dir)
    if not is_local(arrays_path):
        return None
    try:
        with np.load(arrays_path, allow_pickle=False) as arrays:
            index = json.loads(arrays["index"].tobytes())
            if index.get("identity") != _identity(version):
                return None
            columns = {name: arrays[name] for name in MentionTable.COLUMNS}
        return KeptInputs(index, columns, lines_path)
    except (OSError, ValueError, KeyError, TypeError):
        return None


class Writer:
    """Writes the inputs of this build as pass 1 reads them: one line per article as it
    comes, the mention table's columns once it is complete (`finish`)."""

    def __init__(self, data_dir: Path, version: str):
        self.arrays_path, self.lines_path = _paths(data_dir)
        self.enabled = is_local(self.arrays_path)
        self.version = version
        self.token = secrets.token_hex(16)
        self.entries: list[list] = []
        self._temp = self.lines_path.with_name(f".{self.lines_path.name}.{os.getpid()}.building{TEMP_SUFFIX}")
        self._handle = None
        if self.enabled:
            self.arrays_path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self._temp.open("w", encoding="utf-8")
            self._handle.write(json.dumps({"token": self.token}) + "\n")

    def add(self, article_id: str, sha: str, identity: tuple | None, entry: dict, digest: str) -> None:
        if self._handle is None:
            return
        self.entries.append([article_id, sha, list(identity) if identity else None, digest])
        self._handle.write(json.dumps([article_id, entry]) + "\n")

    def finish(self, table: MentionTable) -> None:
        """Both files in place, the lines first (a pair is only taken with equal tokens)."""
        if self._handle is None:
            return
        self._handle.close()
        self._handle = None
        os.replace(self._temp, self.lines_path)
        strings, article_ids, columns = table.coded()
        index = {"identity": _identity(self.version), "token": self.token, "strings": strings,
                 "article_ids": article_ids, "entries": self.entries}
        encoded = np.frombuffer(json.dumps(index).encode("utf-8", "surrogatepass"), dtype=np.uint8)
        with atomic_path(self.arrays_path) as temp, temp.open("wb") as handle:
            np.savez(handle, index=encoded, **columns)

    def abandon(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
            self._temp.unlink(missing_ok=True)


def entry(article: dict, events: list[list], stances: list[list]) -> dict:
    """What an article contributes to resolution besides its mentions, as JSON values."""
    published = article["published_date"]
    return {"processed_at": article["processed_at"].isoformat(),
            "published_date": published.isoformat() if published is not None else None,
            "outlet": article["outlet"], "events": events, "stances": stances}


def inputs_digest(article: dict, mentions: list[list], events: list[list], stances: list[list]) -> str:
    """A digest of what resolution reads of one article: its date and outlet and the cached
    rows of its mentions, event candidates and stances (an edit that changes none of them,
    such as a sentence naming no one, leaves it as it was)."""
    published = article["published_date"]
    values = [published.isoformat() if published is not None else None, article["outlet"], mentions, events, stances]
    encoded = json.dumps(values, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass")
    return hashlib.sha256(encoded).hexdigest()


def article_of(entry: dict) -> dict:
    """The article fields pass 1 reads, from an `entry`."""
    published = entry["published_date"]
    return {"processed_at": datetime.fromisoformat(entry["processed_at"]),
            "published_date": date.fromisoformat(published) if published is not None else None,
            "outlet": entry["outlet"]}
