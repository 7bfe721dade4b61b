"""Entity ids and what resolution has decided so far, shared by every linking pass."""

from __future__ import annotations

from array import array

from pipeline.nlp.gazetteer import slug

TYPE_PREFIX = {
    "PERSON": "person", "ORGANIZATION": "org", "LOCATION": "location", "GROUP": "group", "COUNTRY": "country",
    # named things that are no actors (schemas.NAMED_THING_TYPES)
    "LAW": "law", "EVENT": "event", "WORK": "work", "PRODUCT": "product",
}


class LinkState:
    """Mention links (by row of the `MentionTable`), canonical names chosen while linking,
    and the ids already taken.

    A link is one integer per row, the position of its (entity_id, resolution) pair in
    `pairs`: mentions linked alike share one pair, so a corpus of millions of mentions
    holds one pair per entity and way of linking, and four bytes per mention."""

    def __init__(self, rows: int, used_ids: set[str] | None = None):
        self.link_codes = array("i", [-1]) * rows
        self.pairs: list[tuple[str, str]] = []
        self._pair_codes: dict[tuple[str, str], int] = {}
        self.names: dict[str, str] = {}  # canonical names decided while linking
        self.used_ids: set[str] = used_ids if used_ids is not None else set()

    def link(self, row: int, entity_id: str, how: str) -> None:
        pair = (entity_id, how)
        code = self._pair_codes.get(pair)
        if code is None:
            code = self._pair_codes[pair] = len(self.pairs)
            self.pairs.append(pair)
        self.link_codes[row] = code

    def linked(self, row: int) -> bool:
        return self.link_codes[row] >= 0

    def entity_of(self, row: int) -> str | None:
        code = self.link_codes[row]
        return self.pairs[code][0] if code >= 0 else None

    def new_id(self, prefix: str, name: str, qualifier: str | None = None) -> str:
        base = f"{prefix}:{slug(name) or 'unnamed'}"
        if qualifier:  # an entity known from one article only: "person:brown--politics-x"
            base = f"{base}--{slug(qualifier)}"
        candidate, n = base, 2
        while candidate in self.used_ids:
            candidate, n = f"{base}-{n}", n + 1
        self.used_ids.add(candidate)
        return candidate
