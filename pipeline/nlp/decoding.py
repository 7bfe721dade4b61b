"""Bytes of an article file to text, with the name of the encoding that read them.

Bytes are decoded by BOM (dropped), then as UTF-16/32 when the NUL-byte pattern says so,
then as strict UTF-8, then as UTF-8 with the few invalid bytes of an otherwise UTF-8 file
replaced by U+FFFD (noted), then as Windows-1252 when that yields plausible Western text,
and finally as whatever `charset_normalizer` finds, if that text is printable. Every
failure raises `Unusable` with a reason a user can act on. Pure Python.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from pipeline.nlp.file_notes import Note, Unusable

MAX_UNPRINTABLE_SHARE = 0.10
"""Above this share of control characters a file is binary data, not text."""

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


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """(text, encoding name) with any BOM dropped and nothing else changed."""
    if not raw:
        raise Unusable("empty file (0 bytes)")
    decoded = _decode_by_bom(raw) or _decode_wide_without_bom(raw)
    if decoded is None:
        _reject_binary_bytes(raw)
        decoded = _decode_utf8(raw) or _decode_legacy(raw)
    if decoded is None:
        raise Unusable("could not determine the text encoding (not UTF-8, and no other encoding fits)")
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
        raise Unusable(f"starts with a {claimed[0]} byte-order mark but is not valid {claimed[0]}")
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
        raise Unusable("binary file: contains NUL bytes")
    share = len(_CONTROL_BYTES.findall(raw)) / len(raw)
    if share > MAX_UNPRINTABLE_SHARE:
        raise Unusable(f"binary file: {share:.0%} of bytes are control characters")


def _reject_unprintable_text(text: str, encoding: str) -> None:
    """Checks the decoded text too, so a wrong guess of the encoding cannot pass as text."""
    share = len(_UNPRINTABLE_CHARS.findall(text)) / len(text) if text else 0.0
    if share > MAX_UNPRINTABLE_SHARE:
        raise Unusable(
            f"not readable text: decoded as {encoding}, {share:.0%} of characters are control or unprintable"
        )


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


def replaced_bytes_note(raw: bytes, encoding: str) -> Note | None:
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
