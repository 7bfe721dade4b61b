"""People across articles: full-name clusters merge by key and spelling variant, and a
lone surname joins the one group that its surname and evidence point to."""

from __future__ import annotations

from collections import defaultdict

from pipeline.nlp.entity_resolution.article_people import LocalPerson
from pipeline.nlp.entity_resolution.names import name_tokens
from pipeline.nlp.entity_resolution.similarity import (
    LONE_SURNAME_JW,
    LONE_SURNAME_RATIO,
    MIN_FUZZY_LENGTH,
    evidence_of,
    first_name_variant,
    similar_names,
    surname_variant,
)


def merge_full(full: list[LocalPerson]) -> list[list[LocalPerson]]:
    by_key: dict[tuple[str, str], list[LocalPerson]] = defaultdict(list)
    for c in full:
        for k in c.name_keys():
            by_key[k].append(c)
    keys = sorted(by_key)
    evidence = {k: evidence_of(by_key[k]) for k in keys}
    parent = {k: k for k in keys}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for c in full:  # one article calling someone two ways ("Wayne Rooneys") joins the keys
        first, *rest = c.name_keys()
        for k in rest:
            union(first, k)
    # Block A: same first name, surnames sharing the initial -> spelling variants.
    block_a: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    # Block B: same surname, first names sharing the initial -> variants and initials.
    block_b: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for k in keys:
        block_a[(k[0], k[1][:1])].append(k)
        block_b[(k[1], k[0][:1])].append(k)
    for block in sorted(block_a):
        members = block_a[block]
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if surname_variant(a[1], b[1], evidence[a], evidence[b]):
                    union(a, b)
    for block in sorted(block_b):
        members = block_b[block]
        full_firsts = [k for k in members if len(k[0]) > 1]
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if first_name_variant(a, b, evidence[a], evidence[b], full_firsts):
                    union(a, b)
    grouped: dict[tuple[str, str], list[LocalPerson]] = defaultdict(list)
    for c in full:
        grouped[find(c.name_keys()[0])].append(c)
    return [grouped[root] for root in sorted(grouped)]


class Groups:
    """The merged groups of local people, with each group's genders (by honorific and by
    the given names of its full names) and evidence (roles, countries) kept as lone surnames
    join it: asking them again for every lone surname of
    the corpus would read the whole group each time."""

    def __init__(self, members: list[list[LocalPerson]]):
        self.members = members
        self._genders: dict[int, set[str]] = {}
        self._evidence: dict[int, tuple[frozenset[str], frozenset[str]]] = {}

    def genders(self, gi: int) -> set[str]:
        found = self._genders.get(gi)
        if found is None:
            found = self._genders[gi] = {g for c in self.members[gi] for g in c.genders | c.given_genders}
        return found

    def evidence(self, gi: int) -> tuple[frozenset[str], frozenset[str]]:
        found = self._evidence.get(gi)
        if found is None:
            found = self._evidence[gi] = evidence_of(self.members[gi])
        return found

    def add(self, gi: int, c: LocalPerson) -> None:
        self.members[gi].append(c)
        if gi in self._genders:
            self._genders[gi] |= c.genders | c.given_genders
        if gi in self._evidence:
            (roles, countries), (more_roles, more_countries) = self._evidence[gi], evidence_of([c])
            self._evidence[gi] = (roles | more_roles, countries | more_countries)


def place_lone(c: LocalPerson, groups: Groups, surname_index) -> int | None:
    surname = name_tokens(c.t.name(c.mentions[0]))[-1]
    roles, countries = evidence_of([c])
    genders = c.genders
    candidates = [  # a "Mrs" never joins a man, nor a "Mr" a woman
        gi for gi in surname_index.get(surname, []) if not (genders and groups.genders(gi) - genders)
    ]
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        return unique_with_evidence(candidates, groups, roles, countries)
    if len(surname) < MIN_FUZZY_LENGTH or not (roles or countries):
        return None
    similar = [
        s for s in sorted(surname_index)
        if s[:1] == surname[:1] and similar_names(s, surname, LONE_SURNAME_RATIO, LONE_SURNAME_JW)
    ]
    candidates = sorted(
        {gi for s in similar for gi in surname_index[s] if not (genders and groups.genders(gi) - genders)}
    )
    target = unique_with_evidence(candidates, groups, roles, countries)
    if target is not None:
        c.add_fuzzy(c.mentions)
    return target


def unique_with_evidence(candidates: list[int], groups: Groups, roles, countries) -> int | None:
    if not (roles or countries):
        return None
    fitting = []
    for gi in candidates:
        g_roles, g_countries = groups.evidence(gi)
        supported = roles & g_roles or countries & g_countries
        if supported and not (countries and g_countries and not countries & g_countries):
            fitting.append(gi)
    return fitting[0] if len(fitting) == 1 else None
