"""What a person's written name says beyond who it is: words that are no part of a name
(epithets, nicknames: "Crooked", "Lyin'"), and the gender an honorific ("Mrs") or a given
name ("Rachel") gives.

Pure functions over strings, shared by the mention rules (an epithet is cut from a
mention), entity resolution (an epithet never names an entity; a "Mrs" never joins a
man) and the asset checks that flag what slipped through. The word lists are data:
`pipeline/knowledge/mentions.yaml` (`epithets`, `honorifics`).

This module imports no spaCy, and nothing from the mention rules but their word lists:
entity resolution and the asset checks, imported by every `python -m pipeline.cli run` (a
no-change rerun included), need only these string rules, and spaCy costs a third of a
second or more of start-up.
"""

from __future__ import annotations

import functools

__all__ = [
    "conflicting_genders", "given_name_gender", "honorific_gender", "is_epithet", "may_name_one_person",
    "non_name_words", "role_compatible",
]

from pipeline.nlp.mentions.vocabulary import EPITHETS, GIVEN_NAME_GENDERS, HONORIFICS, SUBORDINATE_WORDS


def is_epithet(word: str) -> bool:
    """ "Crooked", "Lyin'": an epithet or nickname written before a name."""
    w = word.replace("’", "'").lower()
    return w in EPITHETS or w.rstrip("'") in EPITHETS


def _words(name: str) -> list[str]:
    return [w.strip(".,\"“”").replace("’", "'") for w in name.split()]


def non_name_words(name: str) -> list[str]:
    """The words of a name that are no part of one: the epithets and nicknames before it."""
    words = _words(name)
    out = []
    for w in words[:-1]:  # an epithet goes before the name ("Alan Little" is a name)
        if not is_epithet(w):
            break
        out.append(w)
    return out


@functools.lru_cache(maxsize=65536)
def honorific_gender(surface: str) -> str | None:
    """ "m" for "Mr Clinton", "f" for "Mrs. Clinton", None without a gendered honorific.
    Remembered by surface: people's clustering asks it of every mention of each person an
    article names, once for every lone surname it places (a tenth of resolving people)."""
    words = _words(surface)
    if not words:
        return None
    return HONORIFICS.get(words[0].lower()) or HONORIFICS.get(words[0].lower().rstrip("."))


def given_name_gender(name: str) -> str | None:
    """ "f" for "Rachel Harvey", "m" for "John Prescott": the gender a full name's first word
    implies (`given_name_genders`); None for a single word or a given
    name of either sex."""
    words = _words(name)
    return GIVEN_NAME_GENDERS.get(words[0].lower()) if len(words) >= 2 else None


def may_name_one_person(one: str, other: str) -> bool:
    """Whether two written names can be one person: the same name, or the same surname where
    one of them gives no given name ("Mr Blair" or "Blair" with "Tony Blair"). "David
    Miliband" and "Ed Miliband" share a surname and are two people; an empty name is no one,
    and two names of opposite gender (by honorific or given name) are two people."""
    a, b = _words(one), _words(other)
    if not a or not b or a[-1].lower() != b[-1].lower():
        return False
    if [w.lower() for w in a] == [w.lower() for w in b]:
        return True
    genders = {g for name in (one, other) for g in (honorific_gender(name), given_name_gender(name)) if g}
    if len(genders) > 1:
        return False
    return _surname_only(a) or _surname_only(b)


def _surname_only(words: list[str]) -> bool:
    """ "Blair", "Mr Blair", "Mrs. Clinton": a surname, alone or after an honorific."""
    return len(words) == 1 or len(words) == 2 and honorific_gender(words[0]) is not None


def conflicting_genders(surfaces: list[str]) -> bool:
    """Whether the honorifics among one person's surfaces give both genders."""
    return len({g for g in map(honorific_gender, surfaces) if g}) > 1


def role_compatible(title: str, held: str) -> bool:
    """ "the minister" fits a Foreign Minister; "the prime minister" is not the deputy."""
    if title == held:
        return True
    title_words, held_words = set(title.lower().split()), set(held.lower().split())
    return title_words <= held_words and not (held_words - title_words) & SUBORDINATE_WORDS


def deputy_post(title: str, held: str) -> bool:
    """ "Deputy Mayor" to "the mayor": the held post is the title's deputy, another office."""
    title_words, held_words = set(title.lower().split()), set(held.lower().split())
    return title_words < held_words and bool((held_words - title_words) & SUBORDINATE_WORDS)
