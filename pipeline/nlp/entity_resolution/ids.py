"""Entity ids and what resolution has decided so far, shared by every linking pass."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.nlp.gazetteer import slug

TYPE_PREFIX = {
    "PERSON": "person", "ORGANIZATION": "org", "LOCATION": "location", "GROUP": "group", "COUNTRY": "country",
    # named things that are no actors (schemas.NAMED_THING_TYPES)
    "LAW": "law", "EVENT": "event", "WORK": "work", "PRODUCT": "product",
}


@dataclass
class LinkState:
    """Mention links, canonical names chosen while linking, and the ids already taken."""

    links: dict[str, tuple[str, str]] = field(default_factory=dict)  # mention_id -> (entity_id, resolution)
    names: dict[str, str] = field(default_factory=dict)  # canonical names decided while linking
    used_ids: set[str] = field(default_factory=set)
    _pairs: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    def link(self, mention_id: str, entity_id: str, how: str) -> None:
        """Link a mention; mentions linked alike share one (entity_id, resolution) pair, so a
        corpus of millions of mentions holds one pair per entity and resolution, not per mention."""
        pair = (entity_id, how)
        self.links[mention_id] = self._pairs.setdefault(pair, pair)

    def new_id(self, prefix: str, name: str, qualifier: str | None = None) -> str:
        base = f"{prefix}:{slug(name) or 'unnamed'}"
        if qualifier:  # an entity known from one article only: "person:brown--politics-x"
            base = f"{base}--{slug(qualifier)}"
        candidate, n = base, 2
        while candidate in self.used_ids:
            candidate, n = f"{base}-{n}", n + 1
        self.used_ids.add(candidate)
        return candidate
