"""Derive `world_given_names` of pipeline/knowledge/mentions.yaml from the Faker package.

Faker (MIT licence) ships first-name lists for some eighty locales, South Asian, African,
East Asian, Slavic and Arabic ones among them (`faker.providers.person.<locale>`). This keeps
the names written in Latin letters and drops every one that is also something else a
capitalised word in news copy may be:

* a word the given corpus files write in lower case at least twice ("will", "grant", "hope"),
  or write capitalised at least three times but mostly not before another capitalised word
  (a place, faith or brand: "Sydney", "Christian" standing alone);
* a word of another list of mentions.yaml ("muslim", "labour");
* a place name of Faker's address providers (a state, province, city or country: "Indiana");
* a name the gazetteer knows (a country, capital, city, region, body) or a country's demonym;
* a town of uk_places, a role, title or rank word (RANKS), a month or weekday;
* names of one or two letters.

Usage (Faker installed in the interpreter that runs it, or its unpacked wheel on PYTHONPATH):
    python scripts/derive_world_given_names.py FILE_LIST > names.txt
where FILE_LIST names the corpus files, one a line (the non-gold articles of the shared
corpora). The printed names, lower case and sorted, are pasted into the list as its
`words: >-` block (words apart by white space: pipeline/nlp/vocabulary.py reads it fast).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

MENTIONS = Path(__file__).resolve().parent.parent / "pipeline" / "knowledge" / "mentions.yaml"

MONTHS_AND_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
# ranks and religious titles that open a name as a style, not as a given name ("Admiral
# Insurance", "Colonel Gaddafi", "Imam Hussein"), and the colloquial demonym "Brit" ("the Brit
# Awards"); Faker lists them as first names of some locale
RANKS = frozenset("admiral brit colonel imam marshal pastor".split())


def faker_first_names() -> set[str]:
    import faker.providers.person as people

    names: set[str] = set()
    for module in pkgutil.iter_modules(people.__path__):
        provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        for attribute in dir(provider):
            if not attribute.startswith("first_name") and "romanized" not in attribute:
                continue
            values = getattr(provider, attribute)
            if isinstance(values, dict):
                values = list(values)
            if not isinstance(values, (list, tuple, set)):
                continue
            for name in values:
                if isinstance(name, str) and re.fullmatch(r"[A-Za-zÀ-ɏ]+(?:[-'][A-Za-zÀ-ɏ]+)?", name):
                    names.add(name.lower())
    return names


_PLACE_ATTRIBUTES = ("state", "province", "region", "cit", "countr", "department", "prefecture", "district", "county")


def faker_places() -> set[str]:
    """The place names of Faker's address providers (states, provinces, regions, cities,
    countries, ...), lower case: "Indiana", "Georgia" are places before they are names."""
    import faker.providers.address as addresses

    places: set[str] = set()
    for module in pkgutil.iter_modules(addresses.__path__):
        provider = importlib.import_module(f"faker.providers.address.{module.name}").Provider
        for attribute in dir(provider):
            if attribute.startswith("_") or not any(part in attribute for part in _PLACE_ATTRIBUTES):
                continue
            values = getattr(provider, attribute)
            if isinstance(values, dict):
                values = [*values, *(v for v in values.values() if isinstance(v, str))]
            if isinstance(values, (list, tuple, set)):
                places.update(v.lower() for v in values if isinstance(v, str))
    return places


def corpus_words(paths: list[str]) -> tuple[set[str], set[str]]:
    """Words written in lower case at least twice, and capitalised words seen at least three
    times that are followed by another capitalised word less than half the time (places,
    faiths, brands: "Sydney", "Christian" alone; a given name opens a full name), or that
    open a capitalised pair at least three times, three in four times with the same second
    word (a firm's or brand's fixed name: "Merrill Lynch", "Alfa Romeo", "Tyson Foods"; a
    given name goes with many surnames)."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    opening: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as handle:
            words = re.findall(r"[A-Za-zÀ-ɏ'-]+|[^\sA-Za-zÀ-ɏ'-]", handle.read())
        for word, after in zip(words, words[1:] + [""], strict=True):
            if word.islower():
                lower[word] += 1
            elif word[:1].isupper() and word[1:].islower():
                capital[word.lower()] += 1
                opening[word.lower()] += after[:1].isupper()
                if after[:1].isupper():
                    pairs[(word.lower(), after)] += 1
    alone = {w for w, n in capital.items() if n >= 3 and 2 * opening[w] < n}
    top: Counter[str] = Counter()
    for (word, _), n in pairs.items():
        top[word] = max(top[word], n)
    fixed = {w for w, n in opening.items() if n >= 3 and 4 * top[w] >= 3 * n}
    return {w for w, n in lower.items() if n >= 2}, alone | fixed


def main(file_list: str) -> None:
    from pipeline.nlp.gazetteer import load_gazetteer
    from pipeline.nlp.mentions.context import role_words
    from pipeline.nlp.mentions.vocabulary import ORG_HEADS, TITLE_NOUNS, UK_PLACES

    with open(file_list, encoding="utf-8") as handle:
        paths = [line.strip() for line in handle if line.strip()]
    lowered, alone = corpus_words(paths)
    places = faker_places()
    listed = {  # every word of the other lists of mentions.yaml ("muslim", "labour", given_names)
        w
        for name, words in yaml.safe_load(MENTIONS.read_text(encoding="utf-8"))["lists"].items()
        if name != "world_given_names"
        for phrase in (words["words"].split() if isinstance(words["words"], str) else words["words"])
        for w in str(phrase).lower().split()
    }
    gaz = load_gazetteer()
    roles = role_words(gaz)
    excluded = lowered | alone | listed | places | MONTHS_AND_DAYS | RANKS | UK_PLACES | TITLE_NOUNS | ORG_HEADS | roles
    kept = sorted(
        name
        for name in faker_first_names()
        if len(name) > 2
        and name not in excluded
        and gaz.by_alias(name.title()) is None
        and gaz.demonym_country(name.title()) is None
    )
    print("\n".join(kept))


if __name__ == "__main__":
    main(sys.argv[1])
