"""Name keys and canonical forms: how a written name is folded, tokenised and compared,
and which written form names an entity."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from pipeline.nlp.gazetteer import is_case_sensitive, strip_article

NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
NAME_TITLES = {
    "prince", "princess", "king", "queen", "pope", "ayatollah", "sheikh", "sheik", "imam", "rev", "reverend",
    "father", "president", "general", "gen", "colonel", "col", "captain", "capt", "major", "sergeant", "sgt",
    "judge", "justice", "saint", "st", "archbishop", "bishop", "cardinal", "rabbi", "emir", "sultan", "lord",
    "lady", "sir", "dame", "baroness", "baron", "dr", "mr", "mrs", "ms", "professor", "prof",
}
# Particles that start a surname ("Ruud van Nistelrooy", "Lula da Silva"); the leading ones
# may also open a name ("Van Persie"), unlike "Al", "Ben" or "El", which are first names too.
LEADING_PARTICLES = {
    "van", "von", "de", "der", "den", "da", "di", "del", "della", "dos", "das", "du", "la", "le", "ter",
}
SURNAME_PARTICLES = LEADING_PARTICLES | {"bin", "ibn", "al", "el", "y", "zu", "af", "bint", "abu", "op"}
# British knighthoods go before the given name: "Sir John" is Sir John Bourn, not a Mr John.
GIVEN_NAME_HONORIFICS = {"sir", "dame"}
HONORIFIC_WORDS = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "baroness", "dame", "prof", "professor"}


def _fold(text: str) -> str:
    text = text.replace("\u2019", "'")
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return (folded if folded.strip() else text).lower()


@functools.lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    tokens = []
    for raw in _fold(name).split():
        token = _NAME_JUNK.sub("", raw).strip("'-")
        if token:
            tokens.append(token)
    while len(tokens) > 1 and tokens[-1] in NAME_SUFFIXES:
        tokens.pop()
    while len(tokens) > 2 and tokens[0] in NAME_TITLES:
        tokens.pop(0)  # "Ayatollah Ali Khamenei" is keyed as "Ali Khamenei"; "Prince Charles" stays whole
    for i, token in enumerate(tokens[:-1]):  # "van Nistelrooy", "da Silva": one surname
        if token in SURNAME_PARTICLES and (i > 0 or token in LEADING_PARTICLES):
            tokens = tokens[:i] + [" ".join(tokens[i:])]
            break
    return tuple(tokens) or (_fold(name).strip(),)


ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
_LEADING_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"'s$")
_WORD = re.compile(r"\w+")
_NAME_JUNK = re.compile(r"[^\w'-]")


@functools.lru_cache(maxsize=65536)
def norm(name: str) -> str:
    """Lower-case words only, without a leading "the" or a possessive: the linking key."""
    text = _POSSESSIVE.sub("", _LEADING_THE.sub("", _fold(name)))
    return " ".join(_WORD.findall(text))


def display_name(counts: Counter) -> str:
    """Most frequent written form; ties to the one with most capitals, then alphabetical."""
    return min(counts, key=lambda s: (-counts[s], -sum(c.isupper() for c in s), s))


def canonical_plain(names: Iterable[str]) -> str:
    """Fullest, most frequent form (of the mentions' `names`) for organisations, places and groups."""
    counts = Counter(names)
    return min(counts, key=lambda s: (-len(norm(s).split()), -counts[s], -sum(c.isupper() for c in s), s))


def written_as(names: Iterable[str], surfaces: tuple[str, ...]) -> bool:
    """A gazetteer surface matches as written (the mentions' `names`) when it is
    case-sensitive ("WHO" is not "Who")."""
    names = {strip_article(name) for name in names}
    for surface in surfaces:
        if surface in names or not is_case_sensitive(surface) and surface.lower() in {n.lower() for n in names}:
            return True
    return False


def majority(values: list[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))
