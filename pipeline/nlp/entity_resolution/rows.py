"""One `entities` row per entity: canonical name, type, country and most senior role."""

from __future__ import annotations

from collections import Counter, defaultdict

from pipeline.nlp.entity_resolution.ids import LinkState
from pipeline.nlp.entity_resolution.names import canonical_plain, majority
from pipeline.nlp.gazetteer import Gazetteer
from pipeline.nlp.records import Mention


def entity_rows(state: LinkState, gaz: Gazetteer, ordered: list[Mention]) -> list[dict]:
    members: dict[str, list[Mention]] = defaultdict(list)
    for m in ordered:
        members[state.links[m.mention_id][0]].append(m)
    seniority = {role.name: role.seniority for role in gaz.roles}
    rows = []
    for entity_id in sorted(members):
        ms = members[entity_id]
        named = [m for m in ms if m.kind not in ("pronoun", "title")] or ms
        entry = gaz.entries.get(entity_id)
        if entry is not None:
            name, etype, country, wikidata = entry.name, entry.entity_type, entry.country_iso3, entry.wikidata_id
        else:
            etype = majority([m.entity_type for m in named]) or "PERSON"
            name = state.names.get(entity_id) or canonical_plain(named)
            country = majority([m.country_iso3 for m in ms if m.country_iso3])
            wikidata = None
        rows.append(
            {
                "entity_id": entity_id,
                "name": name,
                "entity_type": etype,
                "country_iso3": country,
                "role": role_of(seniority, [m.role for m in ms if m.role]) if etype == "PERSON" else None,
                "wikidata_id": wikidata,
                "aliases": sorted({m.surface for m in ms if m.kind not in ("pronoun", "title")}),
                "n_mentions": len(ms),
                "n_articles": len({m.article_id for m in ms}),
            }
        )
    return rows


def role_of(seniority: dict[str, int], roles: list[str]) -> str | None:
    if not roles:
        return None
    counts = Counter(roles)
    return min(counts, key=lambda r: (-seniority.get(r, 0), -counts[r], r))
