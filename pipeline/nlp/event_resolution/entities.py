"""What resolution knows about an entity (is it a country, whose is it), and groups of
entities with what actor matching needs precomputed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass
class KnownEntities:
    """What resolution needs to know about an entity: is it a country, whose is it."""

    types: dict[str, str]
    countries: dict[str, str]
    _is_country: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def build(cls, entities: Iterable[Mapping] | None) -> KnownEntities:
        types: dict[str, str] = {}
        countries: dict[str, str] = {}
        for row in entities or ():
            entity_id = row.get("entity_id")
            if not entity_id:
                continue
            if row.get("entity_type"):
                types[entity_id] = row["entity_type"]
            if row.get("country_iso3"):
                countries[entity_id] = row["country_iso3"]
        return cls(types, countries)

    def is_country(self, entity_id: str) -> bool:
        found = self._is_country.get(entity_id)
        if found is None:
            found = self._is_country[entity_id] = self.types.get(entity_id) == "COUNTRY" or (
                entity_id not in self.types and entity_id.startswith("country:")
            )
        return found

    def country(self, entity_id: str) -> str | None:
        if entity_id in self.countries:
            return self.countries[entity_id]
        if entity_id.startswith("country:"):
            return self.countries.setdefault(entity_id, entity_id.split(":", 1)[1])
        return None

    def side(self, entity_id: str) -> str:
        """The country an entity stands for, or the entity itself."""
        country = self.country(entity_id)
        return f"c:{country}" if country else entity_id

    def match(self, a: str, b: str) -> bool:
        if a == b:
            return True
        if self.is_country(a) and not self.is_country(b):
            return self.country(b) is not None and self.country(b) == self.country(a)
        if self.is_country(b) and not self.is_country(a):
            return self.country(a) is not None and self.country(a) == self.country(b)
        return False


class EntityGroup:
    """A set of entities with what matching needs precomputed (for fast comparisons)."""

    __slots__ = ("ids", "countries", "affiliated", "people")

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.countries: set[str] = set()  # ISO codes of the country entities
        self.affiliated: set[str] = set()  # ISO codes of the other entities' countries
        self.people: dict[str, set[str]] = {}  # ISO code -> non-country entities of it

    def add(self, entity: str, known: KnownEntities) -> None:
        if entity in self.ids:
            return
        self.ids.add(entity)
        country = known.country(entity)
        if known.is_country(entity):
            if country:
                self.countries.add(country)
        elif country:
            self.affiliated.add(country)
            self.people.setdefault(country, set()).add(entity)

    def __bool__(self) -> bool:
        return bool(self.ids)

    def matched(self, entities: Iterable[str], known: KnownEntities) -> int:
        """How many of `entities` match one of ours (same entity, or person ~ their country)."""
        count = 0
        for entity in entities:
            if entity in self.ids:
                count += 1
                continue
            country = known.country(entity)
            if country is None:
                continue
            if known.is_country(entity):
                if country in self.affiliated:
                    count += 1
            elif country in self.countries:
                count += 1
        return count

    def sides(self, known: KnownEntities) -> set[str]:
        return {known.side(e) for e in self.ids}


def entity_group(entities: Iterable[str], known: KnownEntities) -> EntityGroup:
    group = EntityGroup()
    for entity in entities:
        group.add(entity, known)
    return group
