"""Organisations, places and groups the gazetteer does not know: linked by normalised name,
with a one-word place read as the longer place it ends and an acronym as the body it abbreviates."""

from __future__ import annotations

from array import array
from collections import defaultdict
from itertools import groupby

from pipeline.nlp.entity_resolution.ids import TYPE_PREFIX, LinkState
from pipeline.nlp.entity_resolution.names import ACRONYM, canonical_plain, norm, written_as
from pipeline.nlp.entity_resolution.table import MentionTable
from pipeline.nlp.gazetteer import Gazetteer
from pipeline.nlp.mentions.vocabulary import (
    ARMED_FORCE_NOUNS,
    BUILDING_HEADS,
    CORPORATE_SUFFIXES,
    FACILITY_HEADS,
    NATION_NOUNS,
    NATIONALITY_GROUP_NOUNS,
    NATURAL_FEATURE_HEADS,
    PARTY_NOUNS,
    PEOPLE_ADJECTIVES,
    PEOPLE_NOUNS,
    POPULATION_NOUNS,
)


def link_others(state: LinkState, gaz: Gazetteer, t: MentionTable, others: array) -> None:
    """`others`: rows in table order. Each row's linking key (type, name key) is held once
    per distinct key, by position in `others`."""
    shared: dict[tuple[str, str], tuple[str, str]] = {}
    keys = []
    for row in others:
        key = (t.entity_type(row), _without_legal_form(t.entity_type(row), norm(t.name(row))))
        keys.append(shared.setdefault(key, key))
    # A one-word place, written as that one word, that is the tail of a longer place named in
    # the same article (rows of one article are consecutive); "Aceh province" stays the
    # province beside "Banda Aceh", and so does a bare "Aceh" where the article also names
    # it with its area noun ("Aceh province": the word is a place of its own there).
    for _, run in groupby(range(len(others)), key=lambda p: t.article_code(others[p])):
        positions = list(run)
        here = {keys[p] for p in positions}
        for p in positions:
            etype, key = keys[p]
            surface = norm(t.surface(others[p]))
            if etype == "LOCATION" and surface != key and (etype, surface) in here:
                # "the new Wembley stadium" (a site named "Wembley", its noun in the mention) beside
                # "Wembley Stadium": the mention as written is the place the article names in full
                keys[p] = shared.setdefault((etype, surface), (etype, surface))
        described = {keys[p] for p in positions if norm(t.surface(others[p])) != keys[p][1]}
        for p in positions:
            etype, key = keys[p]
            if etype != "LOCATION" or " " in key or norm(t.surface(others[p])) != key or keys[p] in described:
                continue
            longer = sorted(k for typ, k in here if typ == etype and k != key and k.split()[-1] == key)
            # "Guantanamo Bay … held at Guantanamo", "Wembley Stadium … profit from Wembley": the
            # first word of a feature's or a building's name, written alone, is that place
            headed = sorted(
                k for typ, k in here
                if typ == etype and len(k.split()) == 2 and k.split()[0] == key and k.split()[1] in _PLACE_HEADS
            )  # fmt: skip
            if len(longer) == 1:
                keys[p] = shared.setdefault((etype, longer[0]), (etype, longer[0]))
            elif not longer and len(headed) == 1:
                keys[p] = shared.setdefault((etype, headed[0]), (etype, headed[0]))
        # "Robert Kilroy-Silk's Veritas Party ... Veritas was formed": within one article a
        # party's name without the word is that party; across the corpus "Reform" (a think
        # tank) and "Reform Party" stay apart
        parties = {
            (typ, bare): (typ, k)
            for typ, k in sorted(here)
            if typ == "ORGANIZATION" and (bare := _without_party_noun(k))
        }
        for p in positions:
            party = parties.get(keys[p])
            if party is not None:
                keys[p] = shared.setdefault(party, party)
        # "the Kurdish population", "Kurdish Iraqis" and "the Kurds" of one article are one
        # people (eval/GUIDE.md: one entity, every surface); "Kurdish rebels" stays a band of its own
        peoples = _peoples(here, gaz)
        for p in positions:
            people = peoples.get(keys[p])
            if people is not None:
                keys[p] = shared.setdefault(people, people)
        # "Eighty large net service firms have switched on …" ... "help net service firms":
        # within one article a group named with more modifiers is the group its last words
        # name, when those are a name of several words ("unions" alone may be others); "Arbor
        # Network's technology" beside "Arbor Networks" is that body, its last word's plural
        # "s" dropped
        same = {k: _same_in_article(k, {k2 for k2 in here if k2 != k}) for k in here}
        for p in positions:
            to = same.get(keys[p])
            if to is not None:
                keys[p] = shared.setdefault(to, to)

    # An acronym spelled out somewhere ("General Motors (GM)") names that body elsewhere too,
    # when the corpus spells it out one way only.
    expansions: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for p, row in enumerate(others):
        surface = t.surface(row)
        if ACRONYM.match(surface) and norm(surface) != keys[p][1]:
            expansions[(t.entity_type(row), norm(surface))].add(keys[p])
    for p, row in enumerate(others):
        full = expansions.get(keys[p])
        if full and len(full) == 1 and ACRONYM.match(t.name(row)):
            keys[p] = next(iter(full))

    groups: dict[tuple[str, str], array] = defaultdict(lambda: array("i"))
    for p, row in enumerate(others):
        groups[keys[p]].append(row)
    del keys
    for (etype, key) in sorted(groups):
        members = groups[(etype, key)]
        entry = gaz.by_alias(key)
        if entry is not None and entry.entity_type == etype and written_as(map(t.name, members), entry.surfaces):
            for row in members:
                state.link(row, entry.entity_id, "alias")
            continue
        name = canonical_plain(map(t.name, members))
        entity_id = state.new_id(TYPE_PREFIX[etype], name)
        state.names[entity_id] = name
        for row in members:
            how = "exact" if norm(t.name(row)) == norm(name) else "alias"
            state.link(row, entity_id, how)


# the last words of a natural feature's or a building's name, which the name's first word alone
# also names ("Guantanamo Bay", "Wembley Stadium", "Belmarsh Prison")
_PLACE_HEADS = NATURAL_FEATURE_HEADS | BUILDING_HEADS | FACILITY_HEADS


def _same_in_article(key: tuple[str, str], others: set[tuple[str, str]]) -> tuple[str, str] | None:
    """The one other key of the article that `key` names too (see `link_others`), or None."""
    etype, name = key
    if etype == "GROUP":
        words = name.split()
        tails = {
            k for k in others
            if k[0] == etype and len(k[1].split()) >= 2 and len(k[1].split()) < len(words)
            and words[-len(k[1].split()):] == k[1].split()
        }  # fmt: skip
        return tails.pop() if len(tails) == 1 else None
    if etype == "ORGANIZATION" and " " in name and not name.endswith("s"):
        plural = (etype, name + "s")
        return plural if plural in others else None
    return None


def _without_legal_form(entity_type: str, key: str) -> str:
    """ "kmart corp" -> "kmart": a company is one body with or without its legal form."""
    words = key.split()
    if entity_type != "ORGANIZATION":
        return key
    while len(words) > 1 and words[-1] in CORPORATE_SUFFIXES:
        words.pop()
    return " ".join(words)


def _without_party_noun(key: str) -> str | None:
    """ "veritas party" -> "veritas"; None for a key that does not end in the word."""
    words = key.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] in PARTY_NOUNS else None


def _peoples(here: set[tuple[str, str]], gaz: Gazetteer) -> dict[tuple[str, str], tuple[str, str]]:
    """Each GROUP key of one article that names a people in another way than the key it is
    taken into: a people noun alone ("kurds") first, else the adjective with a plural
    demonym ("sunni arabs"), else the population noun ("sunni minority")."""
    by_people: dict[str, list[tuple[int, tuple[str, str]]]] = defaultdict(list)
    for typ, key in sorted(here):
        if typ == "GROUP" and (found := _people_of(key, gaz)) is not None:
            by_people[found[0]].append((found[1], (typ, key)))
    moved = {}
    for variants in by_people.values():
        if len(variants) > 1:
            target = min(variants)[1]
            moved.update({key: target for _, key in variants if key != target})
    return moved


def _people_of(key: str, gaz: Gazetteer) -> tuple[str, int] | None:
    """(people, rank) of a GROUP key naming a whole people: "kurds" (a people_nouns word,
    rank 0), "kurdish iraqis" or "sunni arabs" (a people_adjectives word and one plural
    word, rank 1), "the kurdish population" or "the albanian minority" (a people's or a country's adjective and a
    population_nouns word, rank 2), a plural demonym alone ("albanians", rank 0), a country's
    adjective or name and a people_nouns word ("british muslims", "uk muslims", rank 3), a
    country's adjective or name and a noun for its agents ("british troops" rank 0, "uk troops"
    rank 1: the state's troops; troops, soldiers, forces and peacekeepers alike); None for
    any other key, such as "kurdish rebels" or "sunni insurgents"."""
    words = key.replace("\u2019", "'").replace("'", "").split()
    if len(words) == 1 and words[0] in _PEOPLE_NOUNS:
        return _PEOPLE_NOUNS[words[0]], 0
    if len(words) == 1 and _is_demonym_plural(words[0], gaz):
        return _nation(words[0], gaz), 0
    if len(words) != 2:
        return None
    if words[1] in _WHOLE_PEOPLE or (words[1].endswith("ies") and words[1][:-3] + "y" in _WHOLE_PEOPLE):
        if words[0] in _PEOPLE_ADJECTIVES:
            return _PEOPLE_ADJECTIVES[words[0]], 2
        return (_nation(words[0], gaz), 2) if gaz.demonym_country(words[0]) is not None else None
    if words[0] in _PEOPLE_ADJECTIVES and (words[1] in _PEOPLE_NOUNS or _is_demonym_plural(words[1], gaz)):
        return _PEOPLE_ADJECTIVES[words[0]], 1
    if words[1] in _PEOPLE_NOUNS and _of_a_country(words[0], gaz):
        return _PEOPLE_NOUNS[words[1]], 3
    if words[1] in NATIONALITY_GROUP_NOUNS and _of_a_country(words[0], gaz):
        # "British troops" and "UK troops", "French peacekeepers" and "French soldiers": one
        # state's agents, keyed by the state and, for its armed forces, by any of their nouns
        demonym = gaz.demonym_country(words[0])
        state = f"country:{demonym}" if demonym else gaz.by_alias(words[0]).entity_id
        agents = "forces" if words[1] in ARMED_FORCE_NOUNS else words[1]
        return f"{state} {agents}", 0 if demonym else 1
    return None


def _of_a_country(word: str, gaz: Gazetteer) -> bool:
    """ "british" in "british muslims", "uk" in "uk muslims": a country's adjective or one-word
    name before a people's noun says where the people live; within one article the phrase
    is that people ("UK Muslims" beside "Muslims", one entity: eval/GUIDE.md, every surface of
    an entity), as `_people_of` reads it (rank 3, after the people's own names)."""
    if gaz.demonym_country(word) is not None:
        return not word.endswith("s")
    entry = gaz.by_alias(word)
    return entry is not None and entry.entity_type == "COUNTRY"


def _nation(demonym: str, gaz: Gazetteer) -> str:
    """The people a country's demonym names, by its country: "british" and "britons" are one
    people, which their stems ("brit", "briton") would not say."""
    return f"country:{gaz.demonym_country(demonym)}"


def _is_demonym_plural(word: str, gaz: Gazetteer) -> bool:
    return word.endswith("s") and gaz.demonym_country(word) is not None


def _stem(word: str) -> str:
    """The people a people word names: "kurdish", "kurds", "kurd" -> "kurd"; "sunni", "sunnis" -> "sunni";
    "gypsy", "gypsies" -> "gypsy"."""
    word = word.replace("'", "")
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    for ending in ("ish", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)]
    return word


_PEOPLE_NOUNS = {w.replace("'", ""): _stem(w) for w in PEOPLE_NOUNS}
_PEOPLE_ADJECTIVES = {w.replace("'", ""): _stem(w) for w in PEOPLE_ADJECTIVES}
# The population nouns that name the whole people ("the Kurdish population"), not its camp
# ("the Macedonian opposition" is the parties against the government, not the Macedonians).
_WHOLE_PEOPLE = (POPULATION_NOUNS | NATION_NOUNS) - {"opposition"}
