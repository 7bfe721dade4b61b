"""Quote marks: found on the characters, classified by glyph and context, paired per block.

Curly marks say which way they face, straight marks are read from the spaces around them,
and a single mark between letters ("Karabakh’s") or after a plural with no quote open
("sides’") is an apostrophe. Marks are paired per layout block with a small state machine
that never raises: a stray closer is ignored, an opener inside an open quote closes the
earlier quote, and a quote still open at the end of a paragraph continues into the next
paragraph when that paragraph opens with a quote mark (the English convention), else ends
with its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.nlp.syntax import trim_chars

OPEN_DOUBLE = "“„‟«"
CLOSE_DOUBLE = "”»"
AMBIGUOUS_DOUBLE = '"＂'
OPEN_SINGLE = "‘‚‛‹`"
CLOSE_SINGLE = "’›"
AMBIGUOUS_SINGLE = "'"
QUOTE_CHARS = frozenset(OPEN_DOUBLE + CLOSE_DOUBLE + AMBIGUOUS_DOUBLE + OPEN_SINGLE + CLOSE_SINGLE + AMBIGUOUS_SINGLE)
# Characters after which a mark opens, and before which a mark closes.
_OPEN_CONTEXT = frozenset("([{—–-/")
_CLOSE_CONTEXT = frozenset(".,;:!?)]}—–-/…")
# the marks of a block found by the regex engine, not by testing each character in Python
_QUOTE_CHAR = re.compile("[" + re.escape("".join(sorted(QUOTE_CHARS))) + "]")
MAX_SINGLE_QUOTE_CHARS = 300  # single-quoted passages outside double quotes: short phrases


@dataclass(frozen=True)
class Mark:
    pos: int
    double: bool
    role: str  # open | close | either | close_or_apostrophe


@dataclass
class Segment:
    open_pos: int  # the opening mark
    close_pos: int | None  # the closing mark; None when the quote runs to the block's end
    start: int  # content span, trimmed
    end: int
    block: int  # index among the article's blocks
    continues: bool = False  # continues a quote left open by the previous paragraph
    single: bool = False

    @property
    def outer_end(self) -> int:
        return self.close_pos + 1 if self.close_pos is not None else self.end


def _classify(text: str, pos: int, lo: int, hi: int) -> Mark | None:
    """Which way a quote character faces, from its glyph and the characters around it."""
    ch = text[pos]
    before = text[pos - 1] if pos > lo else " "
    after = text[pos + 1] if pos + 1 < hi else " "
    left_open = before.isspace() or before in _OPEN_CONTEXT or before in QUOTE_CHARS and _is_opening_glyph(before)
    right_close = after.isspace() or after in _CLOSE_CONTEXT or after in QUOTE_CHARS and not _is_opening_glyph(after)
    if ch in OPEN_DOUBLE or ch in CLOSE_DOUBLE or ch in AMBIGUOUS_DOUBLE:
        if ch in OPEN_DOUBLE:
            role = "close" if (not left_open and right_close) else "open"
        elif ch in CLOSE_DOUBLE:
            role = "open" if (left_open and not right_close) else "close"
        elif left_open and not right_close:
            role = "open"
        elif right_close and not left_open:
            role = "close"
        else:
            role = "either"
        return Mark(pos, True, role)
    if ch in OPEN_SINGLE:
        if before.isalnum() and after.isalnum():
            return None  # a misplaced apostrophe: "Karabakh‘s"
        return Mark(pos, False, "close_or_apostrophe" if (not left_open and right_close) else "open")
    if ch in CLOSE_SINGLE or ch in AMBIGUOUS_SINGLE:
        if before.isalnum() and after.isalnum():
            return None  # apostrophe inside a word: "Karabakh’s", "don't"
        if left_open and not right_close:
            return Mark(pos, False, "open")
        if right_close and not left_open:
            return Mark(pos, False, "close_or_apostrophe")
        return None
    return None


def _is_opening_glyph(ch: str) -> bool:
    return ch in OPEN_DOUBLE or ch in OPEN_SINGLE


def _pair_block(text: str, lo: int, hi: int, block: int, open_from_previous: bool) -> tuple[list[Segment], bool]:
    """Quoted segments of one block; whether a double quote is left open at its end."""
    segments: list[Segment] = []
    marks = [m for found in _QUOTE_CHAR.finditer(text, lo, hi) if (m := _classify(text, found.start(), lo, hi))]
    double_open: int | None = None
    single_open: int | None = None
    single_level: int | None = None  # the double quote the single one sits in (None: outside)
    continues = False
    if open_from_previous and marks and marks[0].double and marks[0].role in ("open", "either"):
        first_text = next((p for p in range(lo, hi) if not text[p].isspace()), hi)
        if first_text == marks[0].pos:
            double_open, continues = marks[0].pos, True
            marks = marks[1:]

    def emit(open_pos: int, close_pos: int | None, end: int, single: bool, cont: bool) -> None:
        start, stop = trim_chars(text, open_pos + 1, end)
        if stop > start:
            segments.append(Segment(open_pos, close_pos, start, stop, block, cont, single))

    for mark in marks:
        if mark.double:
            if double_open is None:
                if mark.role in ("open", "either"):
                    double_open, continues, single_open = mark.pos, False, None
                # a closer with nothing open is a stray mark: ignored
            elif mark.role in ("close", "either"):
                emit(double_open, mark.pos, mark.pos, False, continues)
                double_open, continues = None, False
                if single_level is not None:
                    single_open = single_level = None
            else:  # an opener inside an open quote: the earlier quote lacked its closer
                emit(double_open, None, mark.pos, False, continues)
                double_open, continues = mark.pos, False
                single_open = single_level = None
        else:
            level = double_open
            if mark.role == "open":
                single_open, single_level = mark.pos, level
            elif single_open is not None and single_level == level:
                if level is None and mark.pos - single_open <= MAX_SINGLE_QUOTE_CHARS:
                    emit(single_open, mark.pos, mark.pos, True, False)
                single_open = single_level = None
            # else: an apostrophe ("sides’", "Lords'")
    left_open = double_open is not None
    if left_open:
        emit(double_open, None, hi, False, continues)
    return segments, left_open


def find_quote_segments(text: str, blocks: list[tuple[int, int, bool]]) -> list[Segment]:
    """Quoted segments over blocks (start, end, chains_with_previous), in text order."""
    segments: list[Segment] = []
    left_open = False
    for index, (lo, hi, chained) in enumerate(blocks):
        found, still_open = _pair_block(text, lo, hi, index, left_open and chained)
        segments.extend(found)
        left_open = still_open
    return segments
