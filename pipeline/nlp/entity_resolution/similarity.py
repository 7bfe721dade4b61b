"""When two person names are one person: spelling similarity (rapidfuzz) and the role and
country evidence that must back a merge of variants."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

if TYPE_CHECKING:
    from pipeline.nlp.entity_resolution.article_people import LocalPerson

# Spelling variants: surname similarity (rapidfuzz ratio, 0-100) and Jaro-Winkler (0-1).
SURNAME_RATIO = 80
SURNAME_JW = 0.90
FIRST_NAME_RATIO = 80
LONE_SURNAME_RATIO = 85
LONE_SURNAME_JW = 0.92
MIN_FUZZY_LENGTH = 4


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names in one article that name one person."""
    if a == b:
        return True
    if _is_tail(a, b) or _is_tail(b, a):
        return True
    if a[-1] == b[-1]:
        return _first_compatible(a[0], b[0])
    if a[0] == b[0]:
        return similar_names(a[-1], b[-1], SURNAME_RATIO, SURNAME_JW)
    return False


def _is_tail(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return len(short) < len(long) and long[-len(short) :] == short


def _first_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return fuzz.ratio(a, b) >= FIRST_NAME_RATIO


def evidence_of(clusters: list[LocalPerson]) -> tuple[frozenset[str], frozenset[str]]:
    roles = {role for c in clusters for row in c.mentions if (role := c.t.role(row))}
    countries = {country for c in clusters for row in c.mentions if (country := c.t.country_iso3(row))}
    return frozenset(roles), frozenset(countries)


def _conflict(a: tuple[frozenset, frozenset], b: tuple[frozenset, frozenset]) -> bool:
    return bool(a[1] and b[1] and not a[1] & b[1])


def _support(a: tuple[frozenset, frozenset], b: tuple[frozenset, frozenset]) -> bool:
    return bool(a[0] & b[0] or a[1] & b[1])


def similar_names(a: str, b: str, ratio: float, jw: float) -> bool:
    if a[:1] != b[:1] or min(len(a), len(b)) < MIN_FUZZY_LENGTH or abs(len(a) - len(b)) > max(len(a), len(b)) // 3:
        return False  # transliterations keep the initial and about the length
    return fuzz.ratio(a, b) >= ratio and JaroWinkler.similarity(a, b) >= jw


def surname_variant(a: str, b: str, ev_a, ev_b) -> bool:
    """Same first name, similar surname, and the same role or country: one person."""
    if a == b or _conflict(ev_a, ev_b) or not similar_names(a, b, SURNAME_RATIO, SURNAME_JW):
        return False
    return _support(ev_a, ev_b)


def first_name_variant(a, b, ev_a, ev_b, full_firsts) -> bool:
    if a[0] == b[0] or _conflict(ev_a, ev_b):
        return False
    if len(a[0]) == 1 or len(b[0]) == 1:  # "G Brown": only if one full first name fits
        initial = a if len(a[0]) == 1 else b
        fitting = [k for k in full_firsts if k[0][0] == initial[0][0]]
        return len(fitting) == 1
    return fuzz.ratio(a[0], b[0]) >= FIRST_NAME_RATIO and _support(ev_a, ev_b)
