"""Date expressions in news text, and their resolution against the article's date.

Two jobs:

* `find_date_expressions(text)` finds the spans that can date an event ("on Tuesday",
  "late on Tuesday", "earlier this month", "in May and June", "in 2020", "last year",
  "yesterday", "July 25, 2023", "a 2020 truce").  Durations and spans that do not name a
  point in time ("in the past 30 years", "for two weeks", "since 2003") are not dates.
* `resolve_date(expression, reference)` turns one expression into an absolute date and a
  precision (day | month | year), relative to the article's date `reference`.

Rules (the NGEC audit found silent fall-backs to the publication date to be a bug, so
nothing here falls back to the reference when an expression cannot be read):

* a weekday resolves to the most recent such day on or before the reference ("on
  Tuesday" in an article of Tuesday 2023-07-25 is 2023-07-25 itself); "last Tuesday" is
  strictly before it;
* a month without a year ("in May") is the most recent such month on or before the
  reference month; a month day without a year ("on July 25") likewise;
* relative expressions ("yesterday", "last year", "earlier this month") need the
  reference: without one they resolve to (None, None) and the caller keeps the text to
  resolve later, once the article's date is known;
* a resolved date is never after the reference: expressions about the future ("next
  week", "tomorrow", "on Friday" read as the coming Friday are not possible by the rule
  above) resolve to (None, None);
* an expression that names several months or days ("in May and June", "on 3 and 4
  May") resolves to the first, at that precision (PLOVER's `date` is the start date).

Hand-written rules cover every form `find_date_expressions` finds; anything else resolves
to (None, None) rather than to a guess (a general date parser read "Tuesday" on a Tuesday
as the week before, and "on a night" as yesterday). Results are cached: resolution runs
once per candidate and corpus.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

DAY, MONTH, YEAR = "day", "month", "year"

_MONTHS = {
    name.lower(): index for index, name in enumerate(calendar.month_name) if name
}
_MONTHS.update({name.lower(): index for index, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
_WEEKDAYS.update({"tues": 1, "wed": 2, "thur": 3, "thurs": 3})

_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR_RE = r"(?:1[89]\d\d|20\d\d)"
_DAYNUM_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
# nouns an ordinal counts that are no day of a month ("on the 20th anniversary", "on the 3rd floor")
_ORDINAL_NOUNS = (
    r"century|centuries|anniversary|birthday|time|times|floor|storey|minute|round|place|amendment|"
    r"parallel|day|week|month|year|hole|lap|over|innings|row|grade|division|district|street|avenue|"
    r"congress|session|term|edition|summit|straight|consecutive|attempt|ballot|reading|page"
)
_EARLY_LATE = r"(?:(?:early|late|earlier|later)\s+(?:on\s+|in\s+)?)"

# Order matters: longer, more specific patterns first; matches never overlap.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # July 25, 2023 | 25 July 2023 | July 25 | 25 July | 3 and 4 May | May 3-4
    (
        "month_day",
        re.compile(
            rf"\b(?:(?i:on|by|from|since|until)\s+)?(?:{_WEEKDAY_RE},?\s+)?"
            rf"(?:{_MONTH_RE}\s+{_DAYNUM_RE}(?:\s*(?:-|–|and|to)\s*{_DAYNUM_RE})?(?:,?\s+{_YEAR_RE})?"
            rf"|{_DAYNUM_RE}(?:\s*(?:-|–|and|to)\s*{_DAYNUM_RE})?\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+{_YEAR_RE})?)\b"
        ),
    ),
    # 2023-07-25
    ("iso", re.compile(r"\b(?:1[89]|20)\d\d-[01]\d-[0-3]\d\b")),
    # on the 29th: a day of the month the article is dated in, or of the month before
    (
        "day_of_month",
        re.compile(rf"\b(?i:on)\s+the\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b(?!\s+(?i:{_ORDINAL_NOUNS})\b)"),
    ),
    # late on Tuesday | on Tuesday night | Tuesday's | last Tuesday | earlier on Tuesday
    (
        "weekday",
        re.compile(
            rf"\b(?:(?i:{_EARLY_LATE})|(?i:on|last|this|past)\s+)?{_WEEKDAY_RE}"
            rf"(?:\s+{_PART_OF_DAY}|['’]s)?\b"
        ),
    ),
    # yesterday | today | tonight | this morning | last night | earlier in the day
    (
        "deictic_day",
        re.compile(
            rf"\b(?:(?:early|late|earlier|later)\s+)?(?:yesterday|today|tonight|overnight)"
            rf"(?:\s+{_PART_OF_DAY})?\b"
            rf"|\b(?:this|last|on\s+\w+)\s+{_PART_OF_DAY}\b"
            rf"|\b(?:earlier|later)\s+in\s+the\s+day\b|\bthe\s+day\s+before\b",
            re.IGNORECASE,
        ),
    ),
    # in May and June | in May | early July | late May 2023 | May 2023 | in mid-June
    (
        "month",
        re.compile(
            rf"\b(?:(?i:in|during|since|until|by|from)\s+)?(?:(?i:last|this|next)\s+)?(?:(?i:early|late|mid)[-\s]+)?"
            rf"{_MONTH_RE}(?:\s+(?:and|or|to|-|–)\s+{_MONTH_RE})?(?:,?\s+{_YEAR_RE})?\b"
        ),
    ),
    # earlier this month | last month | this year | last week | next week | later this year
    (
        "relative_period",
        re.compile(
            r"\b(?:(?:earlier|later|early|late)\s+)?(?:this|last|next|the\s+previous|the\s+past|the\s+last|the\s+coming)"
            r"\s+(?:week|month|year|weekend|summer|winter|spring|autumn)\b"
            r"|\bat\s+the\s+weekend\b"
            r"|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:day|week|month|year)s?\s+ago\b",
            re.IGNORECASE,
        ),
    ),
    # in 2020 | a 2020 truce | in the 2020 war (a bare year)
    (
        "year",
        re.compile(rf"\b(?:(?i:in|during|by|until|since)\s+)?(?:(?i:early|late|mid)[-\s]+)?{_YEAR_RE}\b(?![-/–]\d)"),
    ),
]

_WITH_DIGITS = frozenset({"month_day", "iso", "day_of_month", "year"})
"""The patterns that match only text holding an ASCII digit (a day number or a year)."""
_DIGIT = re.compile("[0-9]")

# every month name begins with its capitalised abbreviation (matched case-sensitively)
_MONTH_ABBREVIATION = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_NEEDS: dict[str, re.Pattern[str]] = {
    "month_day": _MONTH_ABBREVIATION,
    "month": _MONTH_ABBREVIATION,
    "weekday": re.compile("day"),  # "Monday" … "Sunday", case-sensitive
    "deictic_day": re.compile("day|night|morning|afternoon|evening", re.IGNORECASE),
    "relative_period": re.compile("week|month|year|summer|winter|spring|autumn|ago", re.IGNORECASE),
}
"""Words each match of a pattern holds, searched with the pattern's own case rule: a text
without them is not searched with the pattern (the month and period patterns try their
optional openings at every word; searching all of them was most of the time of dating
a sentence)."""

_NOT_A_POINT = re.compile(
    r"^(?:since|until|by)\b|\b(?:the\s+past|the\s+last)\s+(?:week|month|year)\b", re.IGNORECASE
)
_NUMBERS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}


@dataclass(frozen=True)
class DateExpression:
    start: int  # offsets into the text searched
    end: int
    text: str
    kind: str  # which pattern found it


def find_date_expressions(text: str) -> list[DateExpression]:
    """Date expressions in a text, left to right, without overlaps.

    Expressions that name no point in time (durations, "since 2003", "the past 30
    years") are skipped; so are years that are part of a larger number or a range.
    """
    taken: list[tuple[int, int]] = []
    found: list[DateExpression] = []
    digits = _DIGIT.search(text) is not None
    for kind, pattern in _PATTERNS:
        if kind in _WITH_DIGITS and not digits:
            continue  # (most sentences have no digit: not searching saves half the work)
        if kind in _NEEDS and _NEEDS[kind].search(text) is None:
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            surface = match.group()
            if _NOT_A_POINT.search(surface):
                taken.append((start, end))  # also hides the year inside "since 2003"
                continue
            if kind == "year" and _inside_number(text, start, end):
                continue
            if kind == "month" and not _plausible_month(surface, text, start, end):
                continue
            if kind == "deictic_day" and surface[0].isupper() and not _sentence_initial(text, start):
                continue  # "BBC Radio 4's Today programme" is a title, not a day
            taken.append((start, end))
            found.append(DateExpression(start, end, surface, kind))
    _hide_past_years(text, found)
    found.sort(key=lambda e: e.start)
    return found


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:;\n"


def _inside_number(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 1) : start]
    after = text[end : end + 2]
    return bool(re.match(r"[\d,.$£€]", before) or re.match(r"[,.]\d|\d|%", after))


def _plausible_month(surface: str, text: str, start: int, end: int) -> bool:
    """"May" is also a modal verb: accept it only with a preposition, a year or a range."""
    words = surface.split()
    bare = [w for w in words if w.lower().rstrip(".") in _MONTHS]
    if len(words) == 1 and bare and bare[0].rstrip(".") in ("May", "March"):
        return False
    abbreviations = ("Jan", "Mar", "Sep", "Dec", "Jun", "Jul", "Aug", "Oct", "Nov", "Feb", "Apr")
    if len(words) == 1 and bare and len(bare[0]) <= 4 and bare[0].rstrip(".") in abbreviations:
        return text[end : end + 1] == "."  # abbreviations only with their dot
    return True


def _hide_past_years(text: str, found: list[DateExpression]) -> None:
    """Drop "in the past 30 years"-style spans that the year pattern cannot see."""
    past_span = r"\b(?:in|over|during)\s+the\s+(?:past|last)\s+\w+\s+(?:days|weeks|months|years|decades)\b"
    for match in re.finditer(past_span, text, re.IGNORECASE):
        found[:] = [e for e in found if not (e.start < match.end() and match.start() < e.end)]


def _most_recent_month(month: int, reference: date) -> date:
    year = reference.year if month <= reference.month else reference.year - 1
    return date(year, month, 1)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _first_month(text: str) -> int | None:
    for word in re.findall(r"[A-Za-z]+", text):
        if word.lower() in _MONTHS:
            return _MONTHS[word.lower()]
    return None


def _first_weekday(text: str) -> int | None:
    for word in re.findall(r"[A-Za-z]+", text):
        if word.lower() in _WEEKDAYS:
            return _WEEKDAYS[word.lower()]
    return None


def _year(text: str) -> int | None:
    match = re.search(rf"\b{_YEAR_RE}\b", text)
    return int(match.group()) if match else None


def _first_day_number(text: str) -> int | None:
    for match in re.finditer(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", text):
        value = int(match.group(1))
        if 1 <= value <= 31:
            return value
    return None


def _not_future(result: tuple[date | None, str | None], reference: date | None) -> tuple[date | None, str | None]:
    value, precision = result
    if value is None or reference is None:
        return result
    if precision == DAY and value > reference:
        return None, None
    if precision == MONTH and (value.year, value.month) > (reference.year, reference.month):
        return None, None
    if precision == YEAR and value.year > reference.year:
        return None, None
    return result


def resolve_date(expression: str | None, reference: date | None) -> tuple[date | None, str | None]:
    """(date, precision) for one expression against the article date, or (None, None).

    `precision` is "day", "month" or "year"; month and year dates are the first day of
    the period. Relative expressions need `reference`; absolute ones do not.
    """
    if not expression or not expression.strip():
        return None, None
    if isinstance(reference, datetime):
        reference = reference.date()
    return _resolve_cached(expression.strip(), reference)


@functools.lru_cache(maxsize=65536)
def _resolve_cached(expression: str, reference: date | None) -> tuple[date | None, str | None]:
    return _not_future(_resolve(expression, reference), reference)


def _resolve(expression: str, reference: date | None) -> tuple[date | None, str | None]:
    text = expression.lower().strip()
    text = re.sub(r"[’']s\b", "", text)
    text = re.sub(r"\s+", " ", text)
    if re.search(r"\b(?:next|coming|tomorrow|upcoming)\b", text):
        return None, None  # future: never a date of a reported event
    if _NOT_A_POINT.search(text):
        return None, None

    # ISO date
    if m := re.search(r"\b((?:1[89]|20)\d\d)-([01]\d)-([0-3]\d)\b", text):
        found = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return (found, DAY) if found else (None, None)

    month = _first_month(text)
    year = _year(text)
    weekday = _first_weekday(text)

    # "on the 29th": that day of the reference month, or of the month before if still to come
    if month is None and (m := re.fullmatch(r"(?:on )?the (\d{1,2})(?:st|nd|rd|th)", text)):
        if reference is None:
            return None, None
        found = _safe_date(reference.year, reference.month, int(m.group(1)))
        if found is None or found > reference:
            months = reference.year * 12 + reference.month - 2
            found = _safe_date(months // 12, months % 12 + 1, int(m.group(1)))
        return (found, DAY) if found else (None, None)

    # month with a day number: "July 25, 2023", "25 July", "3 and 4 May"
    if month is not None:
        remainder = re.sub(rf"\b{_YEAR_RE}\b", " ", text)
        day_number = _first_day_number(remainder)
        if day_number is not None:
            if year is None:
                if reference is None:
                    return None, None
                year = reference.year
                candidate = _safe_date(year, month, day_number)
                if candidate and candidate > reference:
                    candidate = _safe_date(year - 1, month, day_number)
                return (candidate, DAY) if candidate else (None, None)
            candidate = _safe_date(year, month, day_number)
            return (candidate, DAY) if candidate else (None, None)
        # month (and maybe year): "in May and June", "May 2023", "early July"
        if year is not None:
            return date(year, month, 1), MONTH
        if reference is None:
            return None, None
        if re.search(r"\blast\b", text) and month == reference.month:
            return date(reference.year - 1, month, 1), MONTH  # "last July", said in July
        return _most_recent_month(month, reference), MONTH

    if weekday is not None:
        if reference is None:
            return None, None
        back = (reference.weekday() - weekday) % 7
        if re.search(r"\blast\b|\bpast\b", text) and back == 0:
            back = 7
        return reference - timedelta(days=back), DAY

    if re.search(r"\b(?:yesterday|the day before)\b", text):
        return (reference - timedelta(days=1), DAY) if reference else (None, None)
    if re.search(r"\blast night\b", text):
        return (reference - timedelta(days=1), DAY) if reference else (None, None)
    if re.search(r"\b(?:today|tonight|overnight|this (?:morning|afternoon|evening)|(?:earlier|later) in the day)\b",
                 text):
        return (reference, DAY) if reference else (None, None)

    if m := re.search(r"\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (day|week|month|year)s? ago\b",
                      text):
        if reference is None:
            return None, None
        count = _NUMBERS.get(m.group(1)) or int(m.group(1))
        unit = m.group(2)
        if unit == "day":
            return reference - timedelta(days=count), DAY
        if unit == "week":
            shifted = reference - timedelta(days=7 * count)
            return date(shifted.year, shifted.month, 1), MONTH
        if unit == "month":
            months = reference.year * 12 + reference.month - 1 - count
            return date(months // 12, months % 12 + 1, 1), MONTH
        return date(reference.year - count, 1, 1), YEAR

    if re.search(r"\b(?:this|last|the previous) (?:week|month|year|weekend)\b|\bat the weekend\b", text):
        if reference is None:
            return None, None
        if "week" in text:  # week has no precision of its own: the month it fell in
            back = 7 if re.search(r"\b(?:last|previous)\b", text) else 0
            if "weekend" in text:
                back = (reference.weekday() - 5) % 7 + (7 if back and reference.weekday() >= 5 else 0)
            shifted = reference - timedelta(days=back)
            return date(shifted.year, shifted.month, 1), MONTH
        if "month" in text:
            if re.search(r"\b(?:last|previous)\b", text):
                months = reference.year * 12 + reference.month - 2
                return date(months // 12, months % 12 + 1, 1), MONTH
            return date(reference.year, reference.month, 1), MONTH
        if re.search(r"\b(?:last|previous)\b", text):
            return date(reference.year - 1, 1, 1), YEAR
        return date(reference.year, 1, 1), YEAR

    if year is not None:
        return date(year, 1, 1), YEAR

    return None, None


def compatible(a: tuple[date | None, str | None], b: tuple[date | None, str | None]) -> bool:
    """Two dated facts agree at the coarser of their precisions (undated agrees with all)."""
    (da, pa), (db, pb) = a, b
    if da is None or db is None:
        return True
    coarse = YEAR if YEAR in (pa, pb) else MONTH if MONTH in (pa, pb) else DAY
    if coarse == YEAR:
        return da.year == db.year
    if coarse == MONTH:
        return (da.year, da.month) == (db.year, db.month)
    return da == db
