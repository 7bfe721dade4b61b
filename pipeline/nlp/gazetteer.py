"""The shipped gazetteer: countries, capitals, organisations, regions and political roles.

The knowledge itself is data under `pipeline/knowledge/` (each file names its source), so
it can be reviewed and extended without touching code; this module only loads it, checks
it for ambiguity and indexes it. Lookups are forgiving about the ways news text writes
one name ("the U.S.", "US", "Nagorno Karabakh"), because the callers hand over surfaces
exactly as written.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.nlp.yaml_text import safe_load

KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "knowledge"

# Surface forms that are ordinary words or first names when lower-cased ("chad", "turkey",
# "polish", "manila envelope"). The ruler matches these only as written or in capitals, so
# "TURKEY" headlines still match while "roast turkey" does not. Abbreviations ("US", "WHO")
# are treated the same way without being listed, since "us" and "who" are words too.
CASE_SENSITIVE_SURFACES = frozenset({
    "Chad", "Jordan", "Georgia", "Turkey", "China", "Chile", "Guinea", "Jersey", "Guernsey",
    "Bermuda", "Panama", "Reunion", "Lima", "Manila", "Muscat", "Wellington", "Cayenne",
    "Polish", "Pole", "Swede", "Finn", "French", "Dutch", "Swiss", "Danish", "Afghan",
    "Labour", "Conservative", "Conservatives", "Tory", "Tories", "Liberal Democrat",
    "Liberal Democrats", "Democrats", "Republicans", "Democrat", "Democratic", "Republican",
    "Fed", "Pentagon", "White House",
    "No 10", "No. 10", "Number 10", "Number Ten", "Gulf", "Arctic", "West Bank", "Commons", "Lords",
    # Sunday titles: "sent mail on Sunday", "at Sunday times" are no newspaper
    "Sunday Telegraph", "Sunday Times", "Mail on Sunday", "Independent on Sunday", "Sunday Mirror",
    "Sunday Express", "Sunday Herald",
})

# spaCy label per entity-id prefix: capitals are GPEs like their countries, while
# regions and seas are plain locations.
RULER_LABELS = {"country": "GPE", "city": "GPE", "location": "LOC", "org": "ORG"}
DEMONYM_LABEL = "NORP"

# The EntityRuler config `entity_ruler_patterns` is written for: its string patterns are
# phrase patterns on lower-cased tokens, so a ruler left on the default ORTH would miss them.
RULER_CONFIG = {"phrase_matcher_attr": "LOWER"}


@dataclass(frozen=True)
class GazetteerEntry:
    entity_id: str  # country:AZE | city:baku | org:eu | location:south-caucasus
    name: str
    entity_type: str  # COUNTRY | LOCATION | ORGANIZATION | GROUP
    country_iso3: str | None
    wikidata_id: str | None
    aliases: tuple[str, ...] = ()  # other surface forms; the name is not repeated here

    @property
    def surfaces(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Role:
    name: str
    variants: tuple[str, ...]
    seniority: int  # higher = more specific or senior; keep the highest title seen


_KEPT_ROLE_ANSWERS = 100_000
"""Texts whose role `match_role` remembers at most; past that it starts again."""


@dataclass(frozen=True)
class Gazetteer:
    entries: dict[str, GazetteerEntry]
    roles: list[Role]
    demonyms: tuple[tuple[str, str], ...]  # (surface, iso3), plurals included
    _alias_index: dict[str, str] = field(repr=False)  # surface key -> entity_id
    _demonym_index: dict[str, str] = field(repr=False)  # surface key -> iso3
    _capital_index: dict[str, str] = field(repr=False)  # surface key -> iso3
    _role_variants: tuple[tuple[str, Role], ...] = field(repr=False)  # longest first
    _roles_of: dict[str, Role | None] = field(default_factory=dict, repr=False, compare=False)  # match_role's answers

    def by_alias(self, text: str) -> GazetteerEntry | None:
        """The one entity a surface names, whatever its article, case or dots."""
        entity_id = self._alias_index.get(surface_key(text))
        return self.entries[entity_id] if entity_id else None

    def demonym_country(self, word: str) -> str | None:
        """ISO3 of the country a demonym or nationality adjective refers to."""
        return self._demonym_index.get(surface_key(word))

    def capital_country(self, city_name: str) -> str | None:
        """ISO3 of the country whose capital this is, so "Baku agreed" can name Azerbaijan."""
        return self._capital_index.get(surface_key(city_name))

    def country(self, iso3: str) -> GazetteerEntry:
        return self.entries[f"country:{iso3.upper()}"]

    def match_role(self, text: str) -> Role | None:
        """The role a title names; the longest variant wins, so a deputy is not a principal.

        Remembered per text: the extractors ask it of the same few thousand words and titles
        at every name, and each answer tries every variant."""
        if text in self._roles_of:
            return self._roles_of[text]
        padded = f" {surface_key(text)} "
        found = next((role for variant, role in self._role_variants if f" {variant} " in padded), None)
        if len(self._roles_of) > _KEPT_ROLE_ANSWERS:
            self._roles_of.clear()
        self._roles_of[text] = found
        return found

    def entity_ruler_patterns(self) -> list[dict]:
        """Patterns for an EntityRuler configured with `RULER_CONFIG`, one label and id per surface.

        Most surfaces are phrase patterns (strings): the ruler tokenises them with the
        pipeline's own tokenizer, so multi-token names ("Nagorno-Karabakh") line up with the
        parsed tokens, and its PhraseMatcher finds them far more cheaply than the token
        Matcher. Only case-sensitive surfaces stay token patterns. Patterns never start
        with "the", keeping spans like spaCy's NER.
        """
        tokenize = english_tokenizer()
        patterns: dict[str, dict] = {}
        for entry in self.entries.values():
            label = RULER_LABELS[entry.entity_id.split(":", 1)[0]]
            for surface in entry.surfaces:
                for pattern in ruler_patterns(surface, tokenize):
                    add_pattern(patterns, label, pattern, entry.entity_id, tokenize)
        for surface, iso3 in self.demonyms:
            if surface_key(surface) in self._alias_index:
                continue  # "US" is already the country's GPE surface
            for pattern in ruler_patterns(surface, tokenize):
                add_pattern(patterns, DEMONYM_LABEL, pattern, f"country:{iso3}", tokenize)
        return list(patterns.values())


@functools.lru_cache(maxsize=1 << 16)
def surface_key(text: str) -> str:
    """Lower-cased words only, so "the U.S." == "US" and "Guinea-Bissau" == "Guinea Bissau".

    Remembered per text (a bounded cache): the mention rules ask the gazetteer about every
    capitalised word of an article, mostly the same few thousand words, and each key is a
    normalisation, a regex and a join."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace(".", "").lower()
    words = re.findall(r"[\w']+", text)
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def strip_article(surface: str) -> str:
    return surface[4:] if surface.lower().startswith("the ") else surface


def is_case_sensitive(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    is_abbreviation = len(letters) >= 2 and not any(c.islower() for c in letters)
    return is_abbreviation or surface in CASE_SENSITIVE_SURFACES


def ruler_patterns(surface: str, tokenize: Callable[[str], list[str]]) -> list[str | list[dict]]:
    """The surface as a phrase pattern (matched on LOWER), or ORTH token patterns as written
    plus in capitals for case-sensitive forms, which the lower-casing PhraseMatcher would
    match as common words too."""
    surface = strip_article(surface)
    if not is_case_sensitive(surface):
        return [surface]
    tokens = tokenize(surface)
    spellings = dict.fromkeys([tuple(tokens), tuple(token.upper() for token in tokens)])
    return [[{"ORTH": token} for token in spelling] for spelling in spellings]


def add_pattern(
    patterns: dict[str, dict],
    label: str,
    pattern: str | list[dict],
    entity_id: str,
    tokenize: Callable[[str], list[str]],
) -> None:
    """Keep the first pattern per label and matched tokens ("Foo Bar" and "foo bar" are one)."""
    if isinstance(pattern, str):
        key = repr((label, "LOWER", [token.lower() for token in tokenize(pattern)]))
    else:
        key = repr((label, pattern))
    patterns.setdefault(key, {"label": label, "pattern": pattern, "id": entity_id})


@functools.lru_cache(maxsize=1)
def english_tokenizer() -> Callable[[str], list[str]]:
    import spacy  # deferred: lookups do not need spaCy, only pattern building does

    tokenizer = spacy.blank("en").tokenizer
    return lambda text: [token.text for token in tokenizer(text)]


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def split_list(cell: str) -> list[str]:
    return [item.strip() for item in cell.split("|") if item.strip()]


def plural(demonym: str) -> str | None:
    """"Azeris", "Armenians": news uses demonyms as plural nouns for a people or its forces."""
    if demonym.isupper() or demonym.endswith(("s", "sh", "ch", "ese", "x", "z")):
        return None
    return demonym + "s"


def read_countries(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def country_entries(rows: list[dict[str, str]], part_of: dict[str, str]) -> Iterator[GazetteerEntry]:
    """One entry per ISO 3166 code; a code that is an integral part of another state
    (`part_of`, regions.yaml: French Guiana is France) is a LOCATION of that state, as
    England is of the United Kingdom."""
    for row in rows:
        parent = part_of.get(row["iso3"])
        yield GazetteerEntry(
            entity_id=f"country:{row['iso3']}",
            name=row["name"],
            entity_type="LOCATION" if parent else "COUNTRY",
            country_iso3=parent or row["iso3"],
            wikidata_id=row["wikidata_id"] or None,
            aliases=tuple(split_list(row["aliases"])),
        )


def capital_entries(rows: list[dict[str, str]], countries: dict[str, GazetteerEntry]) -> Iterator[GazetteerEntry]:
    """One city per capital, except where the capital is the country's own name (Singapore)."""
    for row in rows:
        own_names = {surface_key(s) for s in countries[f"country:{row['iso3']}"].surfaces}
        spellings = [c for c in split_list(row["capital"]) if surface_key(c) not in own_names]
        if spellings:
            yield GazetteerEntry(
                entity_id=f"city:{slug(spellings[0])}",
                name=spellings[0],
                entity_type="LOCATION",
                country_iso3=countries[f"country:{row['iso3']}"].country_iso3,
                wikidata_id=None,
                aliases=tuple(spellings[1:]),
            )


def yaml_entries(path: Path, key: str) -> Iterator[GazetteerEntry]:
    for item in safe_load(path.read_text(encoding="utf-8"))[key]:
        yield GazetteerEntry(
            entity_id=item["id"],
            name=item["name"],
            entity_type=item["type"],
            country_iso3=item.get("country_iso3"),
            wikidata_id=item.get("wikidata_id"),
            aliases=tuple(item.get("aliases") or ()),
        )


def unique_index(pairs: Iterable[tuple[str, str]], what: str) -> dict[str, str]:
    """Key -> value, refusing any key claimed by two values: an ambiguous alias is a data bug."""
    index: dict[str, str] = {}
    conflicts = []
    for surface, value in pairs:
        key = surface_key(surface)
        if index.setdefault(key, value) != value:
            conflicts.append(f"{surface!r}: {index[key]} / {value}")
    if conflicts:
        raise ValueError(f"ambiguous {what} in {KNOWLEDGE_DIR}: " + "; ".join(conflicts))
    return index


def demonym_surfaces(rows: list[dict[str, str]], alias_index: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Demonyms with their generated plurals, except plurals that are other names ("Laos")."""
    pairs = []
    for row in rows:
        for demonym in split_list(row["demonyms"]):
            pairs.append((demonym, row["iso3"]))
            demonym_plural = plural(demonym)
            if demonym_plural and surface_key(demonym_plural) not in alias_index:
                pairs.append((demonym_plural, row["iso3"]))
    return tuple(pairs)


def load_roles(path: Path) -> list[Role]:
    return [
        Role(name=item["name"], variants=tuple(item["variants"]), seniority=int(item["seniority"]))
        for item in safe_load(path.read_text(encoding="utf-8"))["roles"]
    ]


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Load and index the knowledge files once per process."""
    rows = list(read_countries(KNOWLEDGE_DIR / "countries.csv"))
    part_of = safe_load((KNOWLEDGE_DIR / "regions.yaml").read_text(encoding="utf-8"))["part_of"]
    countries = {entry.entity_id: entry for entry in country_entries(rows, part_of)}
    others = [
        *capital_entries(rows, countries),
        *yaml_entries(KNOWLEDGE_DIR / "organizations.yaml", "organizations"),
        *yaml_entries(KNOWLEDGE_DIR / "regions.yaml", "regions"),
    ]
    entries = {**countries, **{entry.entity_id: entry for entry in others}}
    if len(entries) != len(countries) + len(others):
        raise ValueError("duplicate entity ids in the gazetteer")
    alias_index = unique_index(
        ((surface, entry.entity_id) for entry in entries.values() for surface in entry.surfaces), "alias"
    )
    demonyms = demonym_surfaces(rows, alias_index)
    unique_index(  # a demonym may repeat its own country's alias ("US"), never another's
        [*((s, e) for s, e in alias_index.items()), *((d, f"country:{iso3}") for d, iso3 in demonyms)],
        "demonym",
    )
    roles = load_roles(KNOWLEDGE_DIR / "roles.yaml")
    role_by_name = {role.name: role for role in roles}
    variant_index = unique_index(((v, role.name) for role in roles for v in role.variants), "role variant")
    return Gazetteer(
        entries=entries,
        roles=roles,
        demonyms=demonyms,
        _alias_index=alias_index,
        _demonym_index=unique_index(demonyms, "demonym"),
        _capital_index=unique_index(
            ((capital, row["iso3"]) for row in rows for capital in split_list(row["capital"])), "capital"
        ),
        _role_variants=tuple(
            (variant, role_by_name[name])
            for variant, name in sorted(
                variant_index.items(), key=lambda item: (-len(item[0]), -role_by_name[item[1]].seniority)
            )
        ),
    )
