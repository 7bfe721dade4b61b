"""Find the article files in the seeds folder and turn their bytes into text.

Every problem with one file (unreadable, empty, binary, undecodable, oversized, a
duplicate, a link leaving the seeds folder...) becomes a `Rejection` with a reason a
user can act on, so one bad file never stops the run. Pure Python: no Dagster, no spaCy.

Rules, in the order they apply:

* Articles are the ``*.txt`` files, and saved web pages (``*.html``, ``*.htm``), suffix in
  any case, anywhere under the seeds folder.
  Other files, including ``<stem>.meta.json`` sidecars, are ignored silently, and so is
  every file or folder whose name starts with ``.``. (Collections, ``*.jsonl``, ``*.csv``
  and ``*.parquet`` files with one article per row, are read by `collection_rows`, with
  the same walk; `seed_folder` puts both together.)
* ``article_id`` is the path relative to the seeds folder without its suffix, with ``/``
  separators, so ``politics/a.txt`` and ``tech/a.txt`` are distinct articles.
* Symbolic links are followed when their target lies inside the seeds folder and
  rejected otherwise; a link back into one of its own parent folders is rejected too.
  A file reached through an inner link usually duplicates its target and is then
  rejected as a duplicate.
* Bytes are decoded by BOM (dropped), then as UTF-16/32 when the NUL-byte pattern says
  so, then as strict UTF-8, then as UTF-8 with the few invalid bytes of an otherwise
  UTF-8 file replaced by U+FFFD (noted), then as Windows-1252 when that yields plausible
  Western text, and finally as whatever `charset_normalizer` finds, if that text is printable
  (`pipeline.nlp.decoding`).
* Sidecars follow the link rules of articles; a `published` date before 1900 or after
  tomorrow is dropped. Every sidecar problem becomes a note, and notes end up in the
  `ingest_notes` table.
* HTML documents are converted to plain text (note "html converted to text";
  `pipeline.nlp.html_text`).
* A text longer than `MAX_ARTICLE_CHARS` characters is rejected.
* Of several files with identical bytes, the first by ``source_file`` is kept.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path, PurePosixPath

from pipeline.nlp.decoding import decode_bytes, replaced_bytes_note
from pipeline.nlp.file_notes import Note, Unusable
from pipeline.nlp.html_text import as_plain_text
from pipeline.nlp.wiki_markup import blank_wiki_markup

MAX_ARTICLE_CHARS = 2_000_000
"""Longest accepted article text, in characters.

Far above any news article, so it only stops data dumps and concatenated corpora, whose
NLP cost and memory would dwarf the rest of the run."""

MAX_FILE_BYTES = 32 * 1024 * 1024
"""Files bigger than this are rejected without being read, so one stray dump cannot
exhaust memory. Generous enough for an HTML page whose text is under MAX_ARTICLE_CHARS."""

MAX_SIDECAR_BYTES = 1024 * 1024
"""Sidecars only hold three short strings; anything bigger is not a sidecar."""

ARTICLE_SUFFIX = ".txt"
ARTICLE_SUFFIXES = (ARTICLE_SUFFIX, ".html", ".htm")
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_KEYS = ("url", "outlet", "published")


@dataclass(frozen=True)
class SeedFile:
    path: Path
    source_file: str
    article_id: str
    raw: bytes
    content_sha256: str


@dataclass(frozen=True)
class Rejection:
    source_file: str
    content_sha256: str | None
    reason: str


@dataclass(frozen=True)
class DecodedArticle:
    seed: SeedFile
    text: str
    encoding: str
    metadata: dict
    notes: tuple[str, ...]


# --------------------------------------------------------------------------- discovery


def walk_seeds(seeds_dir: Path, walker_type: type[_SeedWalker] | None = None) -> _SeedWalker:
    """One walk of the seeds folder with `walker_type` (the article walker by default).

    A missing seeds folder raises FileNotFoundError: that is a configuration mistake, and
    an empty dataset would hide it. Problems with individual files become Rejections.
    """
    seeds_root = Path(seeds_dir).absolute()
    if not seeds_root.is_dir():
        raise FileNotFoundError(f"seeds folder not found: {seeds_root}")
    walker = (walker_type or _SeedWalker)(seeds_root)
    walker.walk(seeds_root, PurePosixPath(), frozenset({seeds_root.resolve()}))
    return walker


def discover_seed_files(seeds_dir: Path, walker: _SeedWalker | None = None) -> tuple[list[SeedFile], list[Rejection]]:
    """Every article file under `seeds_dir`, read into memory, sorted by source_file (from
    `walker`'s finished walk when given, so a caller that walked already does not walk again)."""
    walker = walker or walk_seeds(seeds_dir)
    seeds, clashes = _drop_article_id_clashes(sorted(walker.seeds, key=lambda s: s.source_file))
    return seeds, sorted(walker.rejections + clashes, key=lambda r: r.source_file)


class _SeedWalker:
    """Recursive walk that keeps link names in paths (so ids follow what the user sees)
    while checking link targets against the resolved seeds folder."""

    def __init__(self, seeds_root: Path):
        self.real_root = seeds_root.resolve()
        self.seeds: list[SeedFile] = []
        self.rejections: list[Rejection] = []

    def wants(self, name: str) -> bool:
        return name.lower().endswith(ARTICLE_SUFFIXES)

    def reject(self, relative: PurePosixPath, reason: str) -> None:
        """Only unread files are rejected here, so there is never a content hash to record."""
        self.rejections.append(Rejection(_display_path(relative), None, reason))

    def walk(self, directory: Path, relative_dir: PurePosixPath, real_ancestors: frozenset[Path]) -> None:
        """`real_ancestors` are the resolved folders on the way here: entering one again is a cycle."""
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError as error:
            self.reject(relative_dir, f"could not list folder: {_os_error_in_words(error)}")
            return
        for entry in entries:
            if not entry.name.startswith("."):
                self.visit(entry, relative_dir / entry.name, real_ancestors)

    def visit(self, entry: os.DirEntry, relative: PurePosixPath, real_ancestors: frozenset[Path]) -> None:
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError as error:
            self.reject(relative, f"could not inspect: {_os_error_in_words(error)}")
            return
        if not is_dir and not self.wants(entry.name):
            return
        if not _encodes_as_utf8(entry.name):
            self.reject(relative, "file name is not valid UTF-8; rename it")
            return
        # Where a link or folder really is (a resolution of every part of its path): a plain
        # file's is not needed, and resolving it for each of thousands was a tenth of a survey.
        link = entry.is_symlink()
        real_path = Path(os.path.realpath(entry.path)) if link or is_dir else None
        if link and not real_path.is_relative_to(self.real_root):
            self.reject(relative, "symbolic link pointing outside the seeds folder; not followed")
        elif is_dir and real_path in real_ancestors:
            self.reject(relative, "symbolic link back into one of its parent folders; not followed")
        elif is_dir:
            self.walk(Path(entry.path), relative, real_ancestors | {real_path})
        elif is_file:
            self._read(Path(entry.path), relative)
        elif link:
            self.reject(relative, "broken symbolic link: its target does not exist")
        else:
            self.reject(relative, "not a regular file (device, pipe or socket)")

    def _read(self, path: Path, relative: PurePosixPath) -> None:
        try:
            raw = _read_at_most(path, MAX_FILE_BYTES)
        except OSError as error:
            self.reject(relative, f"could not read file: {_os_error_in_words(error)}")
            return
        if len(raw) > MAX_FILE_BYTES:
            self.reject(relative, f"too large: over {MAX_FILE_BYTES:,} bytes on disk; not read")
            return
        source_file = relative.as_posix()
        self.seeds.append(SeedFile(
            path=path,
            source_file=source_file,
            article_id=without_article_suffix(source_file),
            raw=raw,
            content_sha256=hashlib.sha256(raw).hexdigest(),
        ))


def _read_at_most(path: Path, limit: int) -> bytes:
    """Reads one byte past `limit` so callers can tell "exactly at the limit" from "over it"."""
    with open(path, "rb") as handle:
        return handle.read(limit + 1)


def _drop_article_id_clashes(seeds: list[SeedFile]) -> tuple[list[SeedFile], list[Rejection]]:
    """`a.txt`, `a.TXT` and `a.html` would all be article "a"; ids must stay unique."""
    first_by_id: dict[str, str] = {}
    kept, clashes = [], []
    for seed in seeds:
        if seed.article_id in first_by_id:
            reason = (
                f"article id {seed.article_id!r} is already used by {first_by_id[seed.article_id]}; rename one file"
            )
            clashes.append(Rejection(seed.source_file, seed.content_sha256, reason))
        else:
            first_by_id[seed.article_id] = seed.source_file
            kept.append(seed)
    return kept, clashes


def _encodes_as_utf8(text: str) -> bool:
    """Undecodable bytes in a file name, and some JSON escapes, become lone surrogates,
    which no table can store."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _display_path(relative: PurePosixPath) -> str:
    """A printable form even of names that are not valid UTF-8."""
    return os.fsencode(relative.as_posix()).decode("utf-8", "backslashreplace")


def _os_error_in_words(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "it disappeared before it could be read"
    return (error.strerror or str(error)).lower()


# --------------------------------------------------------------------------- decoding


def decode_article(seed: SeedFile) -> DecodedArticle | Rejection:
    """The article's text, or the reason it cannot be one. Never raises for any bytes."""
    try:
        text, encoding = decode_bytes(seed.raw)
        text, notes = as_plain_text(text)
        check_size(text)
    except Unusable as unusable:
        return Rejection(seed.source_file, seed.content_sha256, unusable.reason)
    if (replaced := replaced_bytes_note(seed.raw, encoding)) is not None:
        notes.insert(0, replaced)
    # the seeds folder is worked out (from the path's parents: a sixth of a survey when done for
    # every article) only for a sidecar that is a link, the one case that asks where it leads
    metadata, sidecar_note = read_sidecar(_sidecar_path(seed.path), lambda: _seeds_root(seed))
    if sidecar_note:
        notes.append(Note(sidecar_note, "sidecar"))
    return DecodedArticle(seed=seed, text=text, encoding=encoding, metadata=metadata, notes=tuple(notes))


def parse_text_for_nlp(text: str) -> str:
    """CR becomes a space so CRLF files split like LF ones, and wiki link and emphasis
    markup becomes spaces (`wiki_markup`), while the string keeps its length and every
    offset found in it still indexes the original `text`."""
    return blank_wiki_markup(text.replace("\r", " "))


def check_size(text: str) -> None:
    if len(text) > MAX_ARTICLE_CHARS:
        raise Unusable(f"too large: {len(text):,} characters; limit {MAX_ARTICLE_CHARS:,}")


# --------------------------------------------------------------------------- sidecar


def without_article_suffix(name: str) -> str:
    suffix = next(s for s in ARTICLE_SUFFIXES if name.lower().endswith(s))
    return name[: -len(suffix)]


def _sidecar_path(article_path: Path) -> Path:
    return article_path.parent / (without_article_suffix(article_path.name) + SIDECAR_SUFFIX)


def _seeds_root(seed: SeedFile) -> Path | None:
    """The seeds folder as the walk saw it: `path` is that folder joined with `source_file`."""
    try:
        return Path(seed.path).parents[len(PurePosixPath(seed.source_file).parts) - 1]
    except IndexError:
        return None


def _sidecar_link_problem(path: Path, seeds_root: Path | Callable[[], Path | None] | None) -> str | None:
    """The link rules of articles: only links whose target lies inside the seeds folder
    (and is a regular file) are followed. `seeds_root` may be a function giving it, asked
    only for a link."""
    if not path.is_symlink():
        return None if path.is_file() or not path.exists() else "not a regular file"
    if callable(seeds_root):
        seeds_root = seeds_root()
    real = Path(os.path.realpath(path))
    if seeds_root is not None and not real.is_relative_to(seeds_root.resolve()):
        return "symbolic link pointing outside the seeds folder; not followed"
    if not real.exists():
        return "broken symbolic link: its target does not exist"
    if not real.is_file():
        return "not a regular file"
    return None


def read_sidecar(path: Path, seeds_root: Path | Callable[[], Path | None] | None = None) -> tuple[dict, str | None]:
    """(metadata, note): the url/outlet/published strings of a sidecar, if there is one.

    Metadata is optional, so a broken sidecar only earns a note; the article still counts.
    With `seeds_root`, a sidecar that is a link leaving that folder is not read.
    """
    if (problem := _sidecar_link_problem(path, seeds_root)) is not None:
        return {}, f"sidecar {path.name} ignored: {problem}"
    try:
        raw = _read_at_most(path, MAX_SIDECAR_BYTES)
    except FileNotFoundError:
        return {}, None
    except OSError as error:
        return {}, f"sidecar {path.name} ignored: {_os_error_in_words(error)}"
    if len(raw) > MAX_SIDECAR_BYTES:
        return {}, f"sidecar {path.name} ignored: larger than {MAX_SIDECAR_BYTES:,} bytes"
    try:
        content = json.loads(raw)
    except (ValueError, RecursionError):
        return {}, f"sidecar {path.name} ignored: not valid JSON"
    if not isinstance(content, dict):
        return {}, f"sidecar {path.name} ignored: expected a JSON object"
    metadata = {key: content[key] for key in SIDECAR_KEYS if _is_storable_text(content.get(key))}
    unusable = [key for key in SIDECAR_KEYS if key in content and key not in metadata]
    problems = [f"ignored non-text values for {', '.join(unusable)}"] if unusable else []
    if "published" in metadata and (date_problem := published_date_problem(metadata["published"])):
        del metadata["published"]
        problems.append(date_problem)
    return metadata, (f"sidecar {path.name}: {'; '.join(problems)}" if problems else None)


EARLIEST_PUBLISHED = date(1900, 1, 1)


def published_date_problem(value: str, today: date | None = None, field: str = "published") -> str | None:
    """Why a sidecar's `published` value cannot be a publication date, or None if it can:
    an ISO date between 1900-01-01 and tomorrow (a typo such as 2999 would otherwise date
    the article and, through event linking, other articles too). `field` names the value
    in the message (a collection's column is `date`)."""
    try:
        published = date.fromisoformat(value.strip()[:10])
    except ValueError:
        return f"ignored {field} {value[:40]!r}: not an ISO date (YYYY-MM-DD)"
    latest = (today or date.today()) + timedelta(days=1)
    if not EARLIEST_PUBLISHED <= published <= latest:
        window = f"{EARLIEST_PUBLISHED.isoformat()} .. {latest.isoformat()}"
        return f"ignored {field} {published.isoformat()}: outside {window}"
    return None


def _is_storable_text(value: object) -> bool:
    return isinstance(value, str) and _encodes_as_utf8(value)


# --------------------------------------------------------------------------- whole folder


def ingest(seeds_dir: Path, walker: _SeedWalker | None = None) -> tuple[list[DecodedArticle], list[Rejection]]:
    """Decoded articles sorted by article_id, and every rejection sorted by source_file."""
    seeds, rejections = discover_seed_files(seeds_dir, walker)
    articles: list[DecodedArticle] = []
    for seed in seeds:
        outcome = decode_article(seed)
        (articles if isinstance(outcome, DecodedArticle) else rejections).append(outcome)
    articles, duplicates = _drop_duplicate_content(articles)
    return (
        sorted(articles, key=lambda article: article.seed.article_id),
        sorted(rejections + duplicates, key=lambda rejection: rejection.source_file),
    )


def _drop_duplicate_content(articles: list[DecodedArticle]) -> tuple[list[DecodedArticle], list[Rejection]]:
    """Runs after decoding, so files that are rejected anyway (two empty files, say)
    keep their real reason instead of being called duplicates."""
    first_by_sha: dict[str, str] = {}
    kept, duplicates = [], []
    for article in sorted(articles, key=lambda a: a.seed.source_file):
        seed = article.seed
        if seed.content_sha256 in first_by_sha:
            reason = f"duplicate of {first_by_sha[seed.content_sha256]} (same content)"
            duplicates.append(Rejection(seed.source_file, seed.content_sha256, reason))
        else:
            first_by_sha[seed.content_sha256] = seed.source_file
            kept.append(article)
    return kept, duplicates
