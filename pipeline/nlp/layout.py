"""Split a wire-copy article into headline, photo captions, dateline, body and trailer.

Works on the decoded text and keeps character offsets into it, so every sentence found
later can be sliced back out of the raw file. Every character of the text belongs to
exactly one segment (blank space between blocks included), which keeps provenance
exact and makes the split easy to check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from dateutil import parser as date_parser

from pipeline.nlp.wiki_markup import back_matter_start

SECTIONS = ("headline", "caption", "dateline", "body", "trailer", "blank")

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
EXPLICIT_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})\b"
)
# "Russia - Russian Foreign Minister ... in Moscow, July 25, 2023." (Reuters/RFE photo style)
_CAPTION = re.compile(
    rf"^(?:FILE PHOTO:\s*)?[A-Z][\w.'’ ]{{0,40}}\s[-–—]\s.+,\s{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\.?"
    r"(?:\s+REUTERS/.*)?$"
)
_OUTLETS = r"Reuters|AP|AFP|Bloomberg|Interfax|TASS|Xinhua|RFE/RL|UPI|dpa|ANSA|EFE|PAP|Yonhap|Kyodo"
# "MOSCOW, July 25 (Reuters) - " or "(Reuters) – "
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z .'’/-]{{1,40}}(?:,\s*{_MONTH}\s+\d{{1,2}})?\s*)?"
    rf"\((?P<outlet>{_OUTLETS})\)\s*[-–—]+\s*"
)
_TRAILER = re.compile(
    r"^\(\s*(?:(?:Additional\s+)?[Rr]eporting|Writing|Editing|Compiled|Edited)\s+by\b.*\)\s*$"
)
_TRAILER_PART = re.compile(
    r"(?P<what>(?:Additional\s+)?reporting|writing|editing|compiled|edited)\s+by\s+(?P<names>[^;]+)",
    re.IGNORECASE,
)
_NAME_SPLIT = re.compile(r",\s*|\s+and\s+|\s*&\s*")
_SENTENCE_END = re.compile(r"[.!:;]['\"’”)]*$")
MAX_HEADLINE_WORDS = 30


@dataclass(frozen=True)
class Segment:
    section: str
    start: int
    end: int
    paragraph_id: int | None = None


@dataclass
class Layout:
    segments: list[Segment]
    headline: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    caption_date: date | None = None
    explicit_date: date | None = None

    def blocks(self, *sections: str) -> list[Segment]:
        return [s for s in self.segments if s.section in sections]

    def body_text(self, text: str) -> str:
        return "\n\n".join(text[s.start : s.end] for s in self.blocks("body"))


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of non-blank lines, trimmed of surrounding white space."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


def _story_lines(text: str) -> list[tuple[int, int]]:
    """The lines up to where a wiki story's back matter begins, the last one cut there."""
    end_of_story = back_matter_start(text)
    out = []
    for start, end in _lines(text):
        end = min(end, end_of_story)
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def _looks_like_headline(line: str) -> bool:
    return (
        len(line.split()) <= MAX_HEADLINE_WORDS
        and not _SENTENCE_END.search(line)
        and not _DATELINE.match(line)
        and not _CAPTION.match(line)
    )


def _names(text: str) -> list[str]:
    return [n.strip(" .") for n in _NAME_SPLIT.split(text) if n.strip(" .")]


def _parse_trailer(line: str) -> tuple[list[str], list[str]]:
    authors: list[str] = []
    editors: list[str] = []
    for part in _TRAILER_PART.finditer(line.strip("() ")):
        names = _names(part.group("names").rstrip(") "))
        (editors if part.group("what").lower() in ("editing", "edited") else authors).extend(names)
    return authors, editors


def _first_date(text: str) -> date | None:
    match = EXPLICIT_DATE.search(text)
    if not match:
        return None
    try:
        return date_parser.parse(match.group(), fuzzy=False).date()
    except (ValueError, OverflowError):
        return None


def _fill_blanks(segments: list[Segment], length: int) -> list[Segment]:
    out: list[Segment] = []
    cursor = 0
    for seg in sorted(segments, key=lambda s: s.start):
        if seg.start > cursor:
            out.append(Segment("blank", cursor, seg.start))
        out.append(seg)
        cursor = seg.end
    if cursor < length:
        out.append(Segment("blank", cursor, length))
    return out


def parse_layout(text: str) -> Layout:
    """Classify each line of an article; paragraphs are lines (blank lines optional). A wiki
    story's back matter (sources, links, categories: `back_matter_start`) is left blank."""
    lines = _story_lines(text)
    layout = Layout(segments=[])
    segments: list[Segment] = []
    paragraph = 0
    caption_dates: list[date] = []
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if index == 0 and len(lines) > 1 and _looks_like_headline(line):
            layout.headline = line
            segments.append(Segment("headline", start, end))
            continue
        if _CAPTION.match(line):
            segments.append(Segment("caption", start, end))
            if (found := _first_date(line)) is not None:
                caption_dates.append(found)
            continue
        if index == len(lines) - 1 and _TRAILER.match(line):
            layout.authors, layout.editors = _parse_trailer(line)
            segments.append(Segment("trailer", start, end))
            continue
        if paragraph == 0 and (lead := _DATELINE.match(line)):
            layout.outlet = lead.group("outlet")
            layout.dateline = lead.group().strip()
            segments.append(Segment("dateline", start, start + lead.end()))
            start += lead.end()
            if start >= end:
                continue
        segments.append(Segment("body", start, end, paragraph))
        paragraph += 1
    layout.segments = _fill_blanks(segments, len(text))
    layout.caption_date = min(caption_dates) if caption_dates else None
    lead = layout.blocks("body")[:1]
    # Only the lead can date the report: later dates are usually background ("in 2001 ...").
    layout.explicit_date = _first_date(text[lead[0].start : lead[0].end]) if lead else None
    return layout
