"""The seeds folder as a whole: article files (`ingest`) and collections (`collection_rows`).

`survey` lists every article without keeping the text of collection rows, which is what
planning needs (partition keys, content hashes, rejections, notes); `load_articles` then
streams the texts of the rows a run actually extracts. Text files are small and few
enough to be read whole, as `ingest` does.

A run surveys the folder several times (planning, each extraction range, the tables): the
last survey is kept and handed out again while the folder's stamp (the path and identity
of every file, `file_identity`: device, inode, size, mtime and ctime) is unchanged, so an
unchanged folder is read once a run, and afterwards only listed. A file changed with its
size and mtime kept (written in place with `os.utime`, or an older copy put over it with
`shutil.copy2`) changes its ctime, hence the stamp. A file younger than the stamp's
clock tick (`file_identity.settled`) could still change without changing its identity, so
the survey is kept with the digest of each such file's bytes (taken before and after the
reading, and equal), and handed out again only while those bytes are still the same: a run
started just after an edit reads the edited file again at each survey, not the whole folder.

Names stay unique across both kinds: an article id or a source_file already taken
(text files first, then collections in path order, rows in file order) rejects the later
row with the reason.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from time import time_ns

from pipeline.nlp import file_identity
from pipeline.nlp.collection_rows import (
    CollectionError,
    CollectionFile,
    ListedRow,
    RowRejection,
    file_rejection,
    is_collection,
    read_rows,
)
from pipeline.nlp.ingest import DecodedArticle, Rejection, _SeedWalker, ingest, walk_seeds

Entry = DecodedArticle | ListedRow
"""An accepted article: a decoded text file, or a collection row without its text."""


@dataclass
class SeedInventory:
    """`articles` sorted by article_id; `rejections` (files) by source_file; `row_rejections`
    by collection and row number."""

    articles: list[Entry] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    row_rejections: list[RowRejection] = field(default_factory=list)

    def notes(self) -> list[dict]:
        """The `ingest_notes` rows of the accepted articles."""
        return [
            {"source_file": a.seed.source_file, "kind": getattr(note, "kind", "other"), "message": str(note)}
            for a in self.articles
            for note in a.notes
        ]


class _FolderWalker(_SeedWalker):
    """The walk of `ingest` (same link rules), which also lists collection files, unread,
    so one walk of the folder serves both."""

    def __init__(self, seeds_root: Path):
        super().__init__(seeds_root)
        self.collections: list[CollectionFile] = []

    def wants(self, name: str) -> bool:
        return super().wants(name) or is_collection(name)

    def _read(self, path: Path, relative: PurePosixPath) -> None:
        if is_collection(relative.name):
            self.collections.append(CollectionFile(path, relative.as_posix()))
        else:
            super()._read(path, relative)


class _Names:
    """Article ids and source_files already taken, in the order of the module docstring."""

    def __init__(self, articles: Iterable[DecodedArticle], taken_files: Iterable[str]):
        self.by_article_id = {a.seed.article_id: a.seed.source_file for a in articles}
        self.source_files = set(taken_files) | set(self.by_article_id.values())

    def claim(self, row: ListedRow | DecodedArticle) -> str | None:
        """None when the row's names are free (and now taken), else why not."""
        seed = row.seed
        if seed.article_id in self.by_article_id:
            other = self.by_article_id[seed.article_id]
            return f"article id {seed.article_id!r} is already used by {other}; give one of them another id"
        if seed.source_file in self.source_files:
            return f"its name {seed.source_file!r} is already used by a file; give the row another id"
        self.by_article_id[seed.article_id] = seed.source_file
        self.source_files.add(seed.source_file)
        return None


@dataclass(frozen=True)
class FolderStamp:
    """`digest` of the path and identity (`file_identity.identity`) of every file under a
    folder; `young`, the files that had not settled (`file_identity.settled`) when stamped."""

    digest: str
    young: tuple[str, ...] = ()

    @property
    def settled(self) -> bool:
        return not self.young


def folder_stamp(seeds_dir: Path) -> FolderStamp:
    """The folder's stamp (links followed, each folder once). While it stays the same no
    file was added, edited, replaced or removed, and nothing need be read again."""
    taken = time_ns()
    digest = hashlib.sha256()
    young: list[str] = []
    for path in file_identity.walk_files((seeds_dir,)):
        try:
            info = os.stat(path)
            digest.update(f"{path}\0{file_identity.identity(info)}\0".encode("utf-8", "surrogateescape"))
            if not file_identity.settled(info, taken):
                young.append(path)
        except OSError:
            digest.update(f"{path}\0unreadable\0".encode("utf-8", "surrogateescape"))
    return FolderStamp(digest.hexdigest(), tuple(young))


YOUNG_BYTES_CHECKED = 16 * 1024 * 1024
"""The most bytes of young files hashed to keep a survey: beyond that (a large collection
just written) the next survey reads the folder again, as it would the young files."""


def file_digests(paths: Iterable[str]) -> dict[str, str] | None:
    """The SHA-256 of each file's bytes (read a chunk at a time: listing holds no file whole);
    None when one cannot be read, or when together they are too large to be worth hashing at
    every survey."""
    digests, total = {}, 0
    for path in paths:
        try:
            with open(path, "rb") as handle:
                total += os.fstat(handle.fileno()).st_size
                if total > YOUNG_BYTES_CHECKED:
                    return None
                digests[path] = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError:
            return None
    return digests


@dataclass(frozen=True)
class _Kept:
    folder: str
    stamp: str
    inventory: SeedInventory
    young: dict[str, str]
    """The files that were young at the stamp, with the digest of the bytes the inventory
    was read from (the other files are known by their identity, in the stamp)."""


_kept: list[_Kept] = []


def survey(seeds_dir: Path) -> SeedInventory:
    """Every article and rejection of the folder; rows without their text. The result is
    shared by later surveys of the unchanged folder: do not modify it."""
    folder = os.path.realpath(seeds_dir)
    stamp = folder_stamp(seeds_dir)
    if _kept and _kept[0].folder == folder and _kept[0].stamp == stamp.digest:
        kept = _kept[0]
        if not kept.young or file_digests(kept.young) == kept.young:
            return kept.inventory
    before = file_digests(stamp.young)
    inventory = _survey(seeds_dir)
    _kept.clear()
    # a young file may have changed while it was read: keep only what was read from stable bytes
    if before is not None and (not before or file_digests(before) == before):
        _kept.append(_Kept(folder, stamp.digest, inventory, before))
    return inventory


def forget_surveys() -> None:
    """Drop the survey `survey` keeps for the next call (every text file's text): a process
    that inherited it and reads only what it is sent (the warm extraction worker) frees it."""
    _kept.clear()


def _survey(seeds_dir: Path) -> SeedInventory:
    walker = walk_seeds(seeds_dir, _FolderWalker)
    articles, rejections = ingest(seeds_dir, walker)
    collections = sorted(walker.collections, key=lambda c: c.source_file)
    inventory = SeedInventory(list(articles), rejections)
    names = _Names(articles, [r.source_file for r in rejections] + [c.source_file for c in collections])
    for collection in collections:
        try:
            for outcome in read_rows(collection):
                if isinstance(outcome, RowRejection):
                    inventory.row_rejections.append(outcome)
                elif (clash := names.claim(outcome)) is not None:
                    inventory.row_rejections.append(_clash(outcome, clash))
                else:
                    inventory.articles.append(outcome)
        except CollectionError as error:
            inventory.rejections.append(file_rejection(collection, error.reason))
    inventory.articles.sort(key=lambda a: a.seed.article_id)
    inventory.rejections.sort(key=lambda r: r.source_file)
    inventory.row_rejections.sort(key=lambda r: (r.source_file, r.row_number))
    return inventory


def _clash(row: ListedRow | DecodedArticle, reason: str) -> RowRejection:
    seed = row.seed
    row_id = seed.source_file[len(seed.collection) + 1 :]
    return RowRejection(seed.collection, seed.row_number, row_id, seed.content_sha256, reason)


def load_articles(entries: Iterable[Entry]) -> Iterator[DecodedArticle]:
    """The decoded articles of `entries`: text files as they are, rows read again from
    their collections (one pass per collection, streamed). A row that moved or vanished
    since it was listed is skipped, and one that changed comes with its new content and
    hash; the next plan catches both up."""
    wanted: dict[tuple[Path, str], dict[str, int]] = {}
    for entry in entries:
        if isinstance(entry, DecodedArticle):
            yield entry
        else:
            seed = entry.seed
            wanted.setdefault((seed.path, seed.collection), {})[seed.source_file] = seed.row_number
    for (path, source_file), rows in wanted.items():
        yield from _load_rows(CollectionFile(path, source_file), rows)


def _load_rows(collection: CollectionFile, rows: dict[str, int]) -> Iterator[DecodedArticle]:
    try:
        for outcome in read_rows(collection, with_text=True):
            if isinstance(outcome, DecodedArticle) and rows.get(outcome.seed.source_file) == outcome.seed.row_number:
                del rows[outcome.seed.source_file]
                yield outcome
                if not rows:
                    return
    except CollectionError:
        return


def in_batches(items: Iterable, size: int) -> Iterator[list]:
    """Lists of `size` items (the last one shorter), consuming `items` lazily."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def ingest_everything(seeds_dir: Path) -> tuple[list[DecodedArticle], list[Rejection], list[RowRejection]]:
    """Every article with its text, for small folders read in one go (the gold set, tests)."""
    inventory = survey(seeds_dir)
    articles = sorted(load_articles(inventory.articles), key=lambda a: a.seed.article_id)
    return articles, inventory.rejections, inventory.row_rejections

