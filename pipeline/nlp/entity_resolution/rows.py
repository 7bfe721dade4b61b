"""One `entities` row per entity: canonical name, type, country and most senior role."""

from __future__ import annotations

from collections import Counter

import numpy as np

from pipeline.nlp.entity_resolution.ids import LinkState
from pipeline.nlp.entity_resolution.names import canonical_plain, majority
from pipeline.nlp.entity_resolution.table import MentionTable
from pipeline.nlp.gazetteer import Gazetteer

REFERENCES = ("pronoun", "title")


def entity_rows(state: LinkState, gaz: Gazetteer, t: MentionTable) -> list[dict]:
    """Every linked row's entity, its members taken in table order (an untied title no one
    holds has no link, and counts for no entity)."""
    links = np.frombuffer(state.link_codes, dtype=np.int32) if len(state.link_codes) else np.empty(0, np.int32)
    entity_ids = sorted({entity_id for entity_id, _ in state.pairs})
    code_of = {entity_id: code for code, entity_id in enumerate(entity_ids)}
    entity_of_pair = np.array([code_of[entity_id] for entity_id, _ in state.pairs] or [0], dtype=np.int32)
    linked = np.flatnonzero(links >= 0)
    entities = entity_of_pair[links[linked]]
    order = np.argsort(entities, kind="stable")  # by entity, then table order
    members_of = linked[order]
    bounds = np.searchsorted(entities[order], np.arange(len(entity_ids) + 1))
    del links, linked, entities, order
    seniority = {role.name: role.seniority for role in gaz.roles}
    rows = []
    for code, entity_id in enumerate(entity_ids):
        ms = members_of[bounds[code]:bounds[code + 1]].tolist()
        if not ms:
            continue
        named = [row for row in ms if t.kind(row) not in REFERENCES] or ms
        entry = gaz.entries.get(entity_id)
        if entry is not None:
            name, etype, country, wikidata = entry.name, entry.entity_type, entry.country_iso3, entry.wikidata_id
        else:
            etype = majority([t.entity_type(row) for row in named]) or "PERSON"
            name = state.names.get(entity_id) or canonical_plain(map(t.name, named))
            country = majority([c for row in ms if (c := t.country_iso3(row))])
            wikidata = None
        rows.append(
            {
                "entity_id": entity_id,
                "name": name,
                "entity_type": etype,
                "country_iso3": country,
                "role": role_of(seniority, [r for row in ms if (r := t.role(row))]) if etype == "PERSON" else None,
                "wikidata_id": wikidata,
                "aliases": sorted({t.surface(row) for row in ms if t.kind(row) not in REFERENCES}),
                "n_mentions": len(ms),
                "n_articles": len({t.article_code(row) for row in ms}),
            }
        )
    return rows


def role_of(seniority: dict[str, int], roles: list[str]) -> str | None:
    if not roles:
        return None
    counts = Counter(roles)
    return min(counts, key=lambda r: (-seniority.get(r, 0), -counts[r], r))
