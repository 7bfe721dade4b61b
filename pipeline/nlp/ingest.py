"""Find the article files in the seeds folder and turn their bytes into text.

Every problem with one file (unreadable, empty, binary, undecodable, oversized, a
duplicate, a link leaving the seeds folder...) becomes a `Rejection` with a reason a
user can act on, so one bad file never stops the run. Pure Python: no Dagster, no spaCy.

Rules, in the order they apply:

* Articles are the ``*.txt`` files (suffix in any case) anywhere under the seeds folder.
  Other files, including ``<stem>.meta.json`` sidecars, are ignored silently, and so is
  every file or folder whose name starts with ``.``.
* ``article_id`` is the path relative to the seeds folder without ``.txt``, with ``/``
  separators, so ``politics/a.txt`` and ``tech/a.txt`` are distinct articles.
* Symbolic links are followed when their target lies inside the seeds folder and
  rejected otherwise; a link back into one of its own parent folders is rejected too.
  A file reached through an inner link usually duplicates its target and is then
  rejected as a duplicate.
* Bytes are decoded by BOM (dropped), then as UTF-16/32 when the NUL-byte pattern says
  so, then as strict UTF-8, then as UTF-8 with the few invalid bytes of an otherwise
  UTF-8 file replaced by U+FFFD (noted), then as Windows-1252 when that yields plausible
  Western text, and finally as whatever `charset_normalizer` finds, if that text is printable.
* Sidecars follow the link rules of articles; a `published` date before 1900 or after
  tomorrow is dropped. Every sidecar problem becomes a note, and notes end up in the
  `ingest_notes` table.
* HTML documents are converted to plain text (note "html converted to text").
* A text longer than `MAX_ARTICLE_CHARS` characters is rejected.
* Of several files with identical bytes, the first by ``source_file`` is kept.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

import charset_normalizer

MAX_ARTICLE_CHARS = 2_000_000
"""Longest accepted article text, in characters.

Far above any news article, so it only stops data dumps and concatenated corpora, whose
NLP cost and memory would dwarf the rest of the run."""

MAX_FILE_BYTES = 32 * 1024 * 1024
"""Files bigger than this are rejected without being read, so one stray dump cannot
exhaust memory. Generous enough for an HTML page whose text is under MAX_ARTICLE_CHARS."""

MAX_SIDECAR_BYTES = 1024 * 1024
"""Sidecars only hold three short strings; anything bigger is not a sidecar."""

MAX_UNPRINTABLE_SHARE = 0.10
"""Above this share of control characters a file is binary data, not text."""

ARTICLE_SUFFIX = ".txt"
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


class Note(str):
    """A remark about one ingested file. Compares equal to its message; `kind` says what it
    is about (see `NOTE_KINDS`), for the `ingest_notes` table."""

    kind: str

    def __new__(cls, message: str, kind: str = "other"):
        note = super().__new__(cls, message)
        note.kind = kind
        return note

    def __reduce__(self):
        return (Note, (str(self), self.kind))


NOTE_KINDS = ("decoding", "html", "sidecar", "collection", "changed_during_run", "other")


@dataclass(frozen=True)
class DecodedArticle:
    seed: SeedFile
    text: str
    encoding: str
    metadata: dict
    notes: tuple[str, ...]


class _Unusable(Exception):
    """Raised by the decoding steps so `decode_article` can turn any of them into one Rejection."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# --------------------------------------------------------------------------- discovery


def discover_seed_files(seeds_dir: Path) -> tuple[list[SeedFile], list[Rejection]]:
    """Every article file under `seeds_dir`, read into memory, sorted by source_file.

    A missing seeds folder raises FileNotFoundError: that is a configuration mistake, and
    an empty dataset would hide it. Problems with individual files become Rejections.
    """
    seeds_root = Path(seeds_dir).absolute()
    if not seeds_root.is_dir():
        raise FileNotFoundError(f"seeds folder not found: {seeds_root}")
    walker = _SeedWalker(seeds_root)
    walker.walk(seeds_root, PurePosixPath(), frozenset({seeds_root.resolve()}))
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
        return name.lower().endswith(ARTICLE_SUFFIX)

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
        real_path = Path(os.path.realpath(entry.path))
        if entry.is_symlink() and not real_path.is_relative_to(self.real_root):
            self.reject(relative, "symbolic link pointing outside the seeds folder; not followed")
        elif is_dir and real_path in real_ancestors:
            self.reject(relative, "symbolic link back into one of its parent folders; not followed")
        elif is_dir:
            self.walk(Path(entry.path), relative, real_ancestors | {real_path})
        elif is_file:
            self._read(Path(entry.path), relative)
        elif entry.is_symlink():
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
            article_id=source_file[: -len(ARTICLE_SUFFIX)],
            raw=raw,
            content_sha256=hashlib.sha256(raw).hexdigest(),
        ))


def _read_at_most(path: Path, limit: int) -> bytes:
    """Reads one byte past `limit` so callers can tell "exactly at the limit" from "over it"."""
    with open(path, "rb") as handle:
        return handle.read(limit + 1)


def _drop_article_id_clashes(seeds: list[SeedFile]) -> tuple[list[SeedFile], list[Rejection]]:
    """`a.txt` and `a.TXT` would both be article "a"; ids must stay unique."""
    first_by_id: dict[str, str] = {}
    kept, clashes = [], []
    for seed in seeds:
        if seed.article_id in first_by_id:
            reason = f"article id {seed.article_id!r} is already used by {first_by_id[seed.article_id]}; rename one file"
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
        text, encoding = _decode_bytes(seed.raw)
        text, notes = _as_plain_text(text)
        _check_size(text)
    except _Unusable as unusable:
        return Rejection(seed.source_file, seed.content_sha256, unusable.reason)
    if (replaced := _replaced_bytes_note(seed.raw, encoding)) is not None:
        notes.insert(0, replaced)
    metadata, sidecar_note = read_sidecar(_sidecar_path(seed.path), _seeds_root(seed))
    if sidecar_note:
        notes.append(Note(sidecar_note, "sidecar"))
    return DecodedArticle(seed=seed, text=text, encoding=encoding, metadata=metadata, notes=tuple(notes))


def parse_text_for_nlp(text: str) -> str:
    """CR becomes a space so CRLF files split like LF ones, while the string keeps its
    length and every offset found in it still indexes the original `text`."""
    return text.replace("\r", " ")


_BOMS = (  # UTF-32 LE first: its BOM starts with the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# (codec, bytes per code unit, positions that are NUL for ASCII text)
_BOMLESS_WIDE_ENCODINGS = (
    ("utf-32-le", 4, (1, 2, 3)),
    ("utf-32-be", 4, (0, 1, 2)),
    ("utf-16-le", 2, (1,)),
    ("utf-16-be", 2, (0,)),
)

_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_UNPRINTABLE_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")


def _decode_bytes(raw: bytes) -> tuple[str, str]:
    """(text, encoding name) with any BOM dropped and nothing else changed."""
    if not raw:
        raise _Unusable("empty file (0 bytes)")
    decoded = _decode_by_bom(raw) or _decode_wide_without_bom(raw)
    if decoded is None:
        _reject_binary_bytes(raw)
        decoded = _decode_utf8(raw) or _decode_legacy(raw)
    if decoded is None:
        raise _Unusable("could not determine the text encoding (not UTF-8, and no other encoding fits)")
    _reject_unprintable_text(*decoded)
    return decoded


def _decode_by_bom(raw: bytes) -> tuple[str, str] | None:
    """A BOM is the writer's own statement of the encoding, so a BOM that lies is an error."""
    claimed = [encoding for bom, encoding in _BOMS if raw.startswith(bom)]
    for encoding in claimed:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    if claimed:
        raise _Unusable(f"starts with a {claimed[0]} byte-order mark but is not valid {claimed[0]}")
    return None


def _decode_wide_without_bom(raw: bytes) -> tuple[str, str] | None:
    """UTF-16/32 without BOM: Latin text then has NUL bytes at fixed positions in most code
    units. Only this pattern exempts a file with NUL bytes from being called binary."""
    if b"\x00" not in raw:
        return None
    for encoding, unit, nul_positions in _BOMLESS_WIDE_ENCODINGS:
        if len(raw) % unit or not _mostly_nul_at(raw, unit, nul_positions):
            continue
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None


def _mostly_nul_at(raw: bytes, unit: int, nul_positions: tuple[int, ...]) -> bool:
    units = len(raw) // unit
    return all(raw[position::unit].count(0) >= units / 2 for position in nul_positions)


def _reject_binary_bytes(raw: bytes) -> None:
    if b"\x00" in raw:
        raise _Unusable("binary file: contains NUL bytes")
    share = len(_CONTROL_BYTES.findall(raw)) / len(raw)
    if share > MAX_UNPRINTABLE_SHARE:
        raise _Unusable(f"binary file: {share:.0%} of bytes are control characters")


def _reject_unprintable_text(text: str, encoding: str) -> None:
    """Checks the decoded text too, so a wrong guess of the encoding cannot pass as text."""
    share = len(_UNPRINTABLE_CHARS.findall(text)) / len(text) if text else 0.0
    if share > MAX_UNPRINTABLE_SHARE:
        raise _Unusable(f"not readable text: decoded as {encoding}, {share:.0%} of characters are control or unprintable")


def _decode_utf8(raw: bytes) -> tuple[str, str] | None:
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return None




_UTF8_SHAPED_SEQUENCE = re.compile(rb"[\xc0-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf7][\x80-\xbf]{3}")
"""Lead byte plus continuation bytes, overlong and out-of-range forms included: only
UTF-8 writers (or damage to their output) produce these."""
MAX_REPLACED_BYTES = 16
MAX_REPLACED_SHARE = 0.01


def _decode_legacy(raw: bytes) -> tuple[str, str] | None:
    return _decode_damaged_utf8(raw) or _decode_western(raw) or _decode_detected(raw)


def _decode_damaged_utf8(raw: bytes) -> tuple[str, str] | None:
    """A UTF-8 file with a few invalid bytes (a stray latin-1 word, an overlong or cut
    sequence) is still UTF-8: read it so, with U+FFFD for the bad bytes, rather than
    guessing a legacy charset that turns every "’" into "â€™" or "Zürich" into "ZĂĽrich".

    It counts as UTF-8 when at least as many bytes sit in UTF-8-shaped sequences as are
    invalid, and the invalid bytes are few (a legacy file has nearly no such sequences).
    """
    invalid = _invalid_utf8_bytes(raw)
    shaped = sum(len(sequence) for sequence in _UTF8_SHAPED_SEQUENCE.findall(raw))
    if 0 < invalid <= max(MAX_REPLACED_BYTES, MAX_REPLACED_SHARE * len(raw)) and shaped >= invalid:
        return raw.decode("utf-8", "replace"), "utf-8"
    return None


def _invalid_utf8_bytes(raw: bytes) -> int:
    return sum(1 for char in raw.decode("utf-8", "surrogateescape") if "\udc80" <= char <= "\udcff")


def _replaced_bytes_note(raw: bytes, encoding: str) -> Note | None:
    if encoding != "utf-8":
        return None
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        first = error.start
    else:
        return None
    count = _invalid_utf8_bytes(raw)
    return Note(
        f"damaged UTF-8: {count} invalid byte{'s' if count != 1 else ''} replaced by U+FFFD "
        f"(first at byte offset {first:,}); the rest of the file is UTF-8",
        "decoding",
    )


_LETTER = r"[^\W\d_]"
_SYMBOLS_NEVER_INSIDE_WORDS = "€‚„†‡ˆ‰‹›¡¢£¤¥¦§¨©«¬®¯°±²³´¶¸¹»¼½¾¿×÷˜™"
_SYMBOL_INSIDE_WORD = re.compile(f"{_LETTER}[{re.escape(_SYMBOLS_NEVER_INSIDE_WORDS)}]{_LETTER}")
_MAX_NON_ASCII_LETTER_SHARE = 0.3


def _decode_western(raw: bytes) -> tuple[str, str] | None:
    """Windows-1252, the usual legacy encoding of Western news, when its reading is plausible.

    Tried before charset_normalizer because that detector misreads short Latin texts
    (a Spanish sentence comes back as Big5, "\\x93quoted\\x94" as Ukrainian cp1125).
    Named "latin-1" when no byte is in 0x80-0x9F, the only range where the two differ.
    Known limit: Central European and Turkish cp125x texts also read plausibly here.
    """
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if not _looks_like_western_text(text):
        return None
    return text, ("cp1252" if re.search(rb"[\x80-\x9f]", raw) else "latin-1")


def _looks_like_western_text(text: str) -> bool:
    """Cyrillic, Greek or CJK bytes read as cp1252 give mostly accented letters, and
    Central European ones give symbols such as "³" or "¿" in the middle of words."""
    letters = [char for char in text if char.isalpha()]
    non_ascii_letters = sum(1 for char in letters if not char.isascii())
    if letters and non_ascii_letters / len(letters) > _MAX_NON_ASCII_LETTER_SHARE:
        return False
    return not _SYMBOL_INSIDE_WORD.search(text)


def _decode_detected(raw: bytes) -> tuple[str, str] | None:
    """Last resort for other legacy encodings (cp1251, Shift_JIS, ...).

    The broad except is deliberate: a detector failure on one odd file must reject that
    file, not stop the run.
    """
    try:
        match = charset_normalizer.from_bytes(raw).best()
        return (str(match), _normalised_encoding_name(match.encoding)) if match else None
    except Exception:  # noqa: BLE001 - see docstring
        return None


def _normalised_encoding_name(name: str) -> str:
    canonical = codecs.lookup(name).name
    return "latin-1" if canonical == "iso8859-1" else canonical


# --------------------------------------------------------------------------- HTML


_DOCUMENT_START = re.compile(r"\s*<(!doctype\s+html|html)\b", re.IGNORECASE)
_HTML_TAG_NAMES = (
    "a|abbr|article|aside|b|blockquote|body|br|caption|div|em|figcaption|figure|footer|h[1-6]|head|"
    "header|hr|i|img|li|link|main|meta|nav|ol|p|script|section|span|strong|style|table|td|th|title|tr|u|ul"
)
_HTML_TAG = re.compile(rf"</?(?:{_HTML_TAG_NAMES})(?:\s[^<>]*)?/?>", re.IGNORECASE)
_MIN_TAGS_FOR_FRAGMENT = 3
_MIN_TAGGED_LINE_SHARE = 0.5

_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
})
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
_HTML_WHITESPACE = re.compile(r"[ \t\n\r\f]+")


def _as_plain_text(text: str) -> tuple[str, list[str]]:
    """Plain text as is; HTML converted, since tags and scripts would otherwise reach NLP."""
    if not _looks_like_html(text):
        if not text.strip():
            raise _Unusable("only whitespace" if text else "empty file (only a byte-order mark)")
        return text, []
    converted = _html_to_text(text)
    if not converted:
        raise _Unusable("HTML with no article text")
    return converted, [Note("html converted to text", "html")]


def _looks_like_html(text: str) -> bool:
    """A document start, or a fragment where most lines carry real HTML tags (so an
    article that merely mentions "<b>" stays plain text)."""
    if _DOCUMENT_START.match(text):
        return True
    if len(_HTML_TAG.findall(text)) < _MIN_TAGS_FOR_FRAGMENT:
        return False
    lines = [line for line in text.splitlines() if line.strip()]
    tagged = sum(1 for line in lines if _HTML_TAG.search(line))
    return tagged / len(lines) >= _MIN_TAGGED_LINE_SHARE


def _html_to_text(html: str) -> str:
    """Title, blank line, then the body with one paragraph per block element.

    Returns "" when the body has no text: a title alone is not an article.
    """
    extractor = _HtmlTextExtractor()
    try:
        extractor.feed(html)
        extractor.close()
    except AssertionError as error:  # html.parser's reaction to some malformed "<![" sections
        raise _Unusable(f"malformed HTML: {error}") from None
    return extractor.text()


class _HtmlTextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self._title: list[str] = []
        self._body: list[str] = []
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self._on_tag(tag, opening=True)

    def handle_endtag(self, tag):
        self._on_tag(tag, opening=False)

    def _on_tag(self, tag: str, opening: bool) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth = self._skip_depth + 1 if opening else max(0, self._skip_depth - 1)
        elif tag == "title":
            self._in_title = opening
        elif tag == "br" and opening:
            self._body.append("\n")
        elif tag in _BLOCK_TAGS:
            self._body.append("\n\n")

    def handle_data(self, data):
        if self._skip_depth:
            return
        (self._title if self._in_title else self._body).append(_HTML_WHITESPACE.sub(" ", data))

    def text(self) -> str:
        lines = (line.strip() for line in "".join(self._body).split("\n"))
        body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
        title = " ".join("".join(self._title).split())
        return f"{title}\n\n{body}" if title and body else body


def _check_size(text: str) -> None:
    if len(text) > MAX_ARTICLE_CHARS:
        raise _Unusable(f"too large: {len(text):,} characters; limit {MAX_ARTICLE_CHARS:,}")


# --------------------------------------------------------------------------- sidecar


def _sidecar_path(article_path: Path) -> Path:
    return article_path.parent / (article_path.name[: -len(ARTICLE_SUFFIX)] + SIDECAR_SUFFIX)


def _seeds_root(seed: SeedFile) -> Path | None:
    """The seeds folder as the walk saw it: `path` is that folder joined with `source_file`."""
    try:
        return Path(seed.path).parents[len(PurePosixPath(seed.source_file).parts) - 1]
    except IndexError:
        return None


def _sidecar_link_problem(path: Path, seeds_root: Path | None) -> str | None:
    """The link rules of articles: only links whose target lies inside the seeds folder
    (and is a regular file) are followed."""
    if not path.is_symlink():
        return None if path.is_file() or not path.exists() else "not a regular file"
    real = Path(os.path.realpath(path))
    if seeds_root is not None and not real.is_relative_to(seeds_root.resolve()):
        return "symbolic link pointing outside the seeds folder; not followed"
    if not real.exists():
        return "broken symbolic link: its target does not exist"
    if not real.is_file():
        return "not a regular file"
    return None


def read_sidecar(path: Path, seeds_root: Path | None = None) -> tuple[dict, str | None]:
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


def published_date_problem(value: str, today: date | None = None) -> str | None:
    """Why a sidecar's `published` value cannot be a publication date, or None if it can:
    an ISO date between 1900-01-01 and tomorrow (a typo such as 2999 would otherwise date
    the article and, through event linking, other articles too)."""
    try:
        published = date.fromisoformat(value.strip()[:10])
    except ValueError:
        return f"ignored published {value[:40]!r}: not an ISO date (YYYY-MM-DD)"
    latest = (today or date.today()) + timedelta(days=1)
    if not EARLIEST_PUBLISHED <= published <= latest:
        return f"ignored published {published.isoformat()}: outside {EARLIEST_PUBLISHED.isoformat()} .. {latest.isoformat()}"
    return None


def _is_storable_text(value: object) -> bool:
    return isinstance(value, str) and _encodes_as_utf8(value)


# --------------------------------------------------------------------------- whole folder


def ingest(seeds_dir: Path) -> tuple[list[DecodedArticle], list[Rejection]]:
    """Decoded articles sorted by article_id, and every rejection sorted by source_file."""
    seeds, rejections = discover_seed_files(seeds_dir)
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
