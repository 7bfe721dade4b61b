"""Organisations, places and groups the gazetteer does not know: linked by normalised name,
with a one-word place read as the longer place it ends and an acronym as the body it abbreviates."""

from __future__ import annotations

from collections import defaultdict

from pipeline.nlp.entity_resolution.ids import TYPE_PREFIX, LinkState
from pipeline.nlp.entity_resolution.names import ACRONYM, canonical_plain, norm, written_as
from pipeline.nlp.gazetteer import Gazetteer
from pipeline.nlp.mentions.vocabulary import CORPORATE_SUFFIXES
from pipeline.nlp.records import Mention


def link_others(state: LinkState, gaz: Gazetteer, others: list[Mention]) -> None:
    keys: dict[str, tuple[str, str]] = {}
    for m in others:
        keys[m.mention_id] = (m.entity_type, _without_legal_form(m.entity_type, norm(m.name)))
    # A one-word place that is the tail of a longer place named in the same article.
    by_article: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for m in others:
        by_article[m.article_id].add(keys[m.mention_id])
    for m in others:
        etype, key = keys[m.mention_id]
        if etype != "LOCATION" or " " in key:
            continue
        longer = sorted(k for t, k in by_article[m.article_id] if t == etype and k != key and k.split()[-1] == key)
        if len(longer) == 1:
            keys[m.mention_id] = (etype, longer[0])

    # An acronym spelled out somewhere ("General Motors (GM)") names that body elsewhere too,
    # when the corpus spells it out one way only.
    expansions: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for m in others:
        if ACRONYM.match(m.surface) and norm(m.surface) != keys[m.mention_id][1]:
            expansions[(m.entity_type, norm(m.surface))].add(keys[m.mention_id])
    for m in others:
        full = expansions.get(keys[m.mention_id])
        if full and len(full) == 1 and ACRONYM.match(m.name):
            keys[m.mention_id] = next(iter(full))

    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in others:
        groups[keys[m.mention_id]].append(m)
    for (etype, key) in sorted(groups):
        members = groups[(etype, key)]
        entry = gaz.by_alias(key)
        if entry is not None and entry.entity_type == etype and written_as(members, entry.surfaces):
            for m in members:
                state.link(m.mention_id, entry.entity_id, "alias")
            continue
        name = canonical_plain(members)
        entity_id = state.new_id(TYPE_PREFIX[etype], name)
        state.names[entity_id] = name
        for m in members:
            how = "exact" if norm(m.name) == norm(name) else "alias"
            state.link(m.mention_id, entity_id, how)


def _without_legal_form(entity_type: str, key: str) -> str:
    """ "kmart corp" -> "kmart": a company is one body with or without its legal form."""
    words = key.split()
    if entity_type != "ORGANIZATION":
        return key
    while len(words) > 1 and words[-1] in CORPORATE_SUFFIXES:
        words.pop()
    return " ".join(words)
