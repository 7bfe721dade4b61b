"""Files on disk, written so that a crash never leaves half of one.

Everything is written to a temporary name in the same folder and renamed into place:
a rename is atomic on POSIX, so a reader sees the old file or the new one, never a mix.
On object storage (an s3:// data folder) the file is written locally and uploaded in one
PUT, which is atomic there: an object appears whole or not at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import cache_format
from pipeline.atomic import TEMP_SUFFIX, atomic_path
from pipeline.nlp import file_identity
from pipeline.nlp.ingest import DecodedArticle
from pipeline.nlp.records import ArticleExtraction
from pipeline.settings import is_local

if TYPE_CHECKING:
    import pandas as pd

# pandas, pyarrow and the contract's models (`pipeline.schemas`) are imported by the functions
# that read or write tables, not here: a rerun with nothing to do uses this module's cache,
# markers and paths only, and those imports are about a second of CPU.


def process_is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_abandoned_temp_files(root: Path) -> list[Path]:
    """Delete the temp files of atomic writes under `root` whose writer is gone (a killed
    run leaves them behind; nothing ever reads them, they only take space)."""
    removed = []
    if not is_local(root):
        return removed  # remote writes leave no temp files there (see `atomic._uploaded`)
    for path in root.rglob(f".*{TEMP_SUFFIX}") if root.is_dir() else ():
        pid = path.name[: -len(TEMP_SUFFIX)].split(".")[-2]
        if pid.isdigit() and not process_is_alive(int(pid)):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


class InputsMarker:
    """A small file recording the fingerprint of the inputs some outputs were built from.

    Outputs whose marker matches the current inputs need no rebuild. The marker is removed
    before a rebuild and written after it, so a run killed in between never vouches for
    half-rewritten outputs.
    """

    def __init__(self, path: Path):
        self.path = path

    def matches(self, fingerprint: str, *outputs: Path) -> bool:
        return (
            self.path.exists() and self.path.read_text() == fingerprint and all(output.exists() for output in outputs)
        )

    def forget(self) -> None:
        self.path.unlink(missing_ok=True)

    def record(self, fingerprint: str) -> None:
        with atomic_path(self.path) as temp:
            temp.write_text(fingerprint)


def table_path(data_dir: Path, table: str) -> Path:
    return data_dir / "parquet" / table / f"{table}.parquet"


def write_table(data_dir: Path, table: str, frame: pd.DataFrame) -> Path:
    """Write a validated frame with the table's Arrow schema (exact DuckDB types)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipeline.schemas import TABLES

    schema = TABLES[table][1]
    arrow = pa.Table.from_pandas(frame[schema.names], schema=schema, preserve_index=False)
    final = table_path(data_dir, table)
    with atomic_path(final) as temp:
        pq.write_table(arrow, temp, compression="zstd")
    return final


def read_table(data_dir: Path, table: str, columns: list[str] | None = None) -> pd.DataFrame:
    import pyarrow.parquet as pq

    with opened_parquet(table_path(data_dir, table)) as source:
        return pq.read_table(source, columns=columns).to_pandas()


READ_BATCH_ROWS = 16_384


def read_table_kept(
    data_dir: Path, table: str, columns: list[str] | None, keep: Callable[[pd.DataFrame], pd.DataFrame]
) -> pd.DataFrame:
    """The rows of a table that `keep` keeps, read READ_BATCH_ROWS at a time: memory is that
    of one batch and of the kept rows, not of the whole table."""
    import pandas as pd
    import pyarrow.parquet as pq

    def read(source) -> pd.DataFrame:
        parquet = pq.ParquetFile(source)
        kept = [keep(batch.to_pandas()) for batch in parquet.iter_batches(batch_size=READ_BATCH_ROWS, columns=columns)]
        return (
            pd.concat(kept, ignore_index=True)
            if kept
            else parquet.schema_arrow.empty_table().select(columns or parquet.schema_arrow.names).to_pandas()
        )

    with opened_parquet(table_path(data_dir, table)) as source:
        return read(source)


def parquet_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    with opened_parquet(path) as source:
        return pq.ParquetFile(source).metadata.num_rows


@contextmanager
def opened_parquet(path: Path) -> Iterator:
    """What pyarrow is given to open `path`, for the block: a local path as it is, an object
    on object storage as an open file, closed when the block ends."""
    if is_local(path):
        yield path
        return
    with path.open("rb") as handle:
        yield handle


def let_duckdb_read(connection, path: Path) -> None:
    """Let `read_parquet` of this connection open `path` when it lies on object storage:
    the fsspec filesystem is registered with DuckDB (2.0 loads no httpfs offline)."""
    if not is_local(path):
        connection.register_filesystem(path.fs)


MAX_REMEMBERED = 500_000
"""Entries remembered as current at most (about 200 bytes each), then forgotten all at once."""

_FOUND_CURRENT: set[tuple] = set()
"""Identities of the cache entries found current in this process (`ExtractionCache.is_current`);
a forked child inherits them. Only ever a shortcut for reading the entry again: a file whose
identity changed (a new file, a write, a copy over it) is read again."""


class RememberedEntries:
    """The cache entries found current (`_FOUND_CURRENT`), kept beside the cache in
    `articles.current.json` under the extractor version, each as its file's name and
    identity and the content hash it holds, so that another process remembers them too.

    An entry stands only for what `is_current` would remember in the process that found it:
    it is taken as current while the file keeps that identity (an entry renamed over,
    written in place or touched has another and is read again), and only settled files are
    kept. A missing or damaged memo, or another extractor version's, remembers nothing. Only
    a local cache keeps one."""

    FILE = "articles.current.json"
    _LOADED: set[tuple[str, str]] = set()
    """(cache folder, version) whose memo this process has read."""

    def __init__(self, root: Path, version: str):
        from pipeline.passed import PassedMemo  # it writes with this module's atomic_path

        self.root, self.version = root, version
        self.local = is_local(root)
        self.memo = PassedMemo(root.parent / self.FILE, version)
        self.known: frozenset[str] = frozenset()

    def load(self) -> None:
        """Read the memo (once a process) into `_FOUND_CURRENT`."""
        if not self.local:
            return
        self.known = self.memo.load()
        if (str(self.root), self.version) in self._LOADED:
            return
        self._LOADED.add((str(self.root), self.version))
        for entry in self.known:
            name, *numbers, sha = entry.split(" ")
            if len(numbers) == 5 and len(_FOUND_CURRENT) < MAX_REMEMBERED:
                with contextlib.suppress(ValueError):
                    _FOUND_CURRENT.add((str(self.root / name), *map(int, numbers), sha, self.version))

    def keep(self, names: set[str], keys: list[tuple]) -> None:
        """After checking the entries `names`: the memo holds `keys` (those found current
        and remembered) for them, and what it held for every other entry."""
        if not self.local:
            return
        entries = {" ".join([Path(key[0]).name, *map(str, key[1:-1])]) for key in keys}
        entries |= {entry for entry in self.known if entry.split(" ", 1)[0] not in names}
        if entries != self.known:
            self.memo.record(entries)
            self.known = frozenset(entries)


class ExtractionCache:
    """Per-article extraction results, keyed by article id, valid for one content hash and extractor version.

    This is what lets a rerun skip unchanged articles and keep their `processed_at`. Entries
    are JSON (`cache_format`): an entry that cannot be read, for whatever reason, is a miss
    and the article is extracted again.
    """

    SUFFIX = ".json"
    LEGACY_SUFFIXES = (".pkl",)
    """Entries of older formats: never read (pickle could run code), removed by `prune`."""

    def __init__(self, data_dir: Path):
        self.root = data_dir / "cache" / "articles"

    def _path(self, article_id: str) -> Path:
        digest = hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:20]
        return self.root / f"{digest}{self.SUFFIX}"

    def _body(self, article_id: str, content_sha256: str, version: str) -> bytes | None:
        try:
            raw = self._path(article_id).read_bytes()
        except (OSError, MemoryError):
            return None
        return cache_format.split(raw, content_sha256, version)

    def is_current(self, article_id: str, content_sha256: str, version: str) -> bool:
        """True when the entry is complete and undamaged (its body hash is checked).

        One run asks this of every article several times (planning before and after
        extraction, the tables' snapshot, the corpus job's inputs): an entry found current
        is remembered in the process (`_FOUND_CURRENT`) under its file's identity, and not
        read again while that stays the same (`pipeline.nlp.file_identity`: device, inode,
        size, mtime and ctime, remembered only once settled). Entries are replaced by
        renaming a new file over them (a new inode), but a process may also see one replaced
        by a copy that keeps the old times (tests running several pipelines in one process
        restore data folders that way) or written in place with its time set back."""
        return self._checked(article_id, content_sha256, version)[0]

    def _checked(self, article_id: str, content_sha256: str, version: str) -> tuple[bool, tuple | None]:
        """(`is_current`, the key it is remembered under in `_FOUND_CURRENT`, if it is)."""
        path = self._path(article_id)
        key = None
        if is_local(path):
            try:
                stat = path.stat()
            except OSError:
                return False, None
            key = (str(path), *file_identity.identity(stat), content_sha256, version)
            if key in _FOUND_CURRENT:
                return True, key
        current = self._body(article_id, content_sha256, version) is not None
        if current and key is not None and file_identity.settled(stat):
            if len(_FOUND_CURRENT) >= MAX_REMEMBERED:
                _FOUND_CURRENT.clear()
            _FOUND_CURRENT.add(key)
            return True, key
        return current, None

    def entry_identity(self, article_id: str) -> tuple[int, ...] | None:
        """The identity of the article's entry file (`file_identity`), when it is a local file
        that has settled: while it stays the same, so does what the entry holds. None otherwise."""
        path = self._path(article_id)
        if not is_local(path):
            return None
        try:
            stat = path.stat()
        except OSError:
            return None
        return file_identity.identity(stat) if file_identity.settled(stat) else None

    def stale(self, articles: Iterable[DecodedArticle], version: str) -> list[DecodedArticle]:
        """The articles with no extraction of their current content by this extractor version.

        What `is_current` remembers is also kept beside the cache for the next process
        (`RememberedEntries`): a run's planning then takes every unchanged entry as current
        without reading and hashing it again (on 2,065 BBC articles, three fresh processes each:
        0.14-0.24 s of CPU without the memo, 0.07-0.12 s with it, ahead of a one-article rerun's
        extraction)."""
        articles = list(articles)
        remembered = RememberedEntries(self.root, version)
        remembered.load()
        checked = [(a, *self._checked(a.seed.article_id, a.seed.content_sha256, version)) for a in articles]
        remembered.keep({self._path(a.seed.article_id).name for a in articles},
                        [key for _, _, key in checked if key is not None])
        return [a for a, current, _ in checked if not current]

    def get(self, article_id: str, content_sha256: str, version: str) -> ArticleExtraction | None:
        body = self._body(article_id, content_sha256, version)
        return None if body is None else cache_format.decode_body(body)

    def get_records(
        self,
        article_id: str,
        content_sha256: str,
        version: str,
        names: Collection[str],
        record: Callable[[type, list], object] | None = None,
    ) -> tuple[dict, dict[str, list]] | None:
        """The article and only the record lists `names` (`cache_format.decode_records`)."""
        body = self._body(article_id, content_sha256, version)
        return None if body is None else cache_format.decode_records(body, names, record)

    def extracted_content(self, article_id: str, version: str) -> str | None:
        """content_sha256 of the undamaged entry this extractor version holds for the
        article, whatever content it was made from; None without one."""
        try:
            raw = self._path(article_id).read_bytes()
            sha = json.loads(raw[: raw.index(b"\n")])["content_sha256"]
        except Exception:  # noqa: BLE001 - an unreadable entry is a miss
            return None
        return sha if isinstance(sha, str) and cache_format.split(raw, sha, version) is not None else None

    def put(self, extraction: ArticleExtraction, version: str) -> None:
        encoded = cache_format.encode(extraction, version)
        with atomic_path(self._path(extraction.article["article_id"])) as temp:
            temp.write_bytes(encoded)

    def prune(self, keep_article_ids: set[str]) -> int:
        """Delete cached results of articles no longer in the seeds folder, and entries
        of older formats."""
        keep = {self._path(a).name for a in keep_article_ids}
        removed = 0
        if self.root.exists():
            for suffix in (self.SUFFIX, *self.LEGACY_SUFFIXES):
                for path in self.root.glob(f"*{suffix}"):
                    if path.name not in keep:
                        path.unlink(missing_ok=True)
                        removed += 1
        return removed
