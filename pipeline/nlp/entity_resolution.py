"""Corpus-level entity resolution: every mention of every article to one canonical entity.

A pure function over the per-article `Mention` records, run once after all articles:

* Gazetteer hits keep the gazetteer's id (`country:AZE`, `org:eu`, `city:moscow`); so do
  the ids `mentions` derives from it (`org:arm-foreign-ministry`). Demonyms and capitals
  used as actors were already turned into their country there (kinds demonym/metonym).
* People are resolved in two steps. Within an article, full names are clustered (same
  surname and a compatible first name, or one name the tail of the other: "Duncan Smith"
  / "Iain Duncan Smith"), and a lone surname or "Mr Abbas" joins the full name it
  shortens. Across articles, clusters with the same (first name, surname) merge; spelling
  variants merge by string similarity (rapidfuzz) plus evidence: "Nikol Pashinian" and
  "Nikol Pashiynyan" share the first name, similar surnames, and role and country. Only
  candidates sharing a blocking key are compared (first name + surname initial, surname +
  first initial), so the work grows with the corpus, not with its square.
* A lone surname in an article without a full name is linked across articles only when
  exactly one person in the corpus has that surname, or exactly one such person shares its
  role or country: "Brown" in one article does not become an unrelated Brown. Unlinked
  lone surnames found in several articles get one entity per article
  (`person:brown--politics-some-article`).
* Organisations, places and groups the gazetteer does not know link by normalised name;
  a one-word place that is the tail of a longer one in the same article is that place, and
  an acronym spelled out one way only in the corpus ("General Motors (GM)") is that body.
* Pronouns and "the minister" take the entity of their antecedent.

Everything iterates in sorted order, so the output does not depend on input order, dict
order or the hash seed. Canonical names are the fullest, most frequent form; a person's
role is the most senior title seen (`roles.yaml` seniority), ties going to the most frequent.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

from pipeline.nlp.gazetteer import Gazetteer, is_case_sensitive, load_gazetteer, slug
from pipeline.nlp.records import Mention

RESOLUTIONS = ("gazetteer", "exact", "alias", "fuzzy", "demonym", "metonym", "pronoun", "title")
TYPE_PREFIX = {"PERSON": "person", "ORGANIZATION": "org", "LOCATION": "location", "GROUP": "group", "COUNTRY": "country"}
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
NAME_TITLES = {
    "prince", "princess", "king", "queen", "pope", "ayatollah", "sheikh", "sheik", "imam", "rev", "reverend",
    "father", "president", "general", "gen", "colonel", "col", "captain", "capt", "major", "sergeant", "sgt",
    "judge", "justice", "saint", "st", "archbishop", "bishop", "cardinal", "rabbi", "emir", "sultan", "lord",
    "lady", "sir", "dame", "baroness", "baron", "dr", "mr", "mrs", "ms", "professor", "prof",
}
# Particles that start a surname ("Ruud van Nistelrooy", "Lula da Silva"); the leading ones
# may also open a name ("Van Persie"), unlike "Al", "Ben" or "El", which are first names too.
LEADING_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "del", "della", "dos", "das", "du", "la", "le", "ter"}
SURNAME_PARTICLES = LEADING_PARTICLES | {"bin", "ibn", "al", "el", "y", "zu", "af", "bint", "abu", "op"}
HONORIFIC_WORDS = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "baroness", "dame", "prof", "professor"}

# Spelling variants: surname similarity (rapidfuzz ratio, 0-100) and Jaro-Winkler (0-1).
SURNAME_RATIO = 80
SURNAME_JW = 0.90
FIRST_NAME_RATIO = 80
LONE_SURNAME_RATIO = 85
LONE_SURNAME_JW = 0.92
MIN_FUZZY_LENGTH = 4


@dataclass
class EntityResolution:
    entities: list[dict]  # rows of the `entities` table, sorted by entity_id
    links: dict[str, tuple[str, str]]  # mention_id -> (entity_id, resolution)

    @property
    def entity_of(self) -> dict[str, str]:
        return {mention_id: entity_id for mention_id, (entity_id, _) in self.links.items()}


@dataclass
class _LocalPerson:
    """The mentions of one person within one article."""

    article_id: str
    mentions: list[Mention] = field(default_factory=list)
    full_names: list[tuple[str, ...]] = field(default_factory=list)
    fuzzy_ids: set[str] = field(default_factory=set)  # mentions joined by spelling similarity
    distinct: set[tuple[str, ...]] = field(default_factory=set)
    lasts: set[str] = field(default_factory=set)

    def add_full(self, tokens: tuple[str, ...]) -> None:
        self.full_names.append(tokens)
        self.distinct.add(tokens)
        self.lasts.add(tokens[-1])
        self.lasts.add(tokens[-1].split()[-1])  # "Nistelrooy" shortens "van Nistelrooy" too

    @property
    def is_full(self) -> bool:
        return bool(self.full_names)

    def keys(self) -> list[tuple[str, str]]:
        """(first name, surname) of every full form used in the article, sorted."""
        return sorted({(n[0], n[-1]) for n in self.distinct})

    def last_mention_before(self, char: int) -> int:
        before = [m.char_start for m in self.mentions if m.char_start < char]
        return max(before) if before else -1


def resolve_entities(mentions: list[Mention], gazetteer: Gazetteer | None = None) -> EntityResolution:
    """Link every mention to one entity and describe each entity once."""
    return _Resolver(gazetteer or load_gazetteer()).run(mentions)


class _Resolver:
    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        self.seniority = {role.name: role.seniority for role in gaz.roles}
        self.links: dict[str, tuple[str, str]] = {}
        self.names: dict[str, str] = {}  # canonical names decided while linking
        self.used_ids: set[str] = set()

    def run(self, mentions: list[Mention]) -> EntityResolution:
        ordered = sorted(mentions, key=lambda m: (m.article_id, m.char_start, m.mention_id))
        known = {m.mention_id for m in ordered}
        references = [m for m in ordered if m.kind in ("pronoun", "title") and m.antecedent in known]
        named = [m for m in ordered if not (m.kind in ("pronoun", "title") and m.antecedent in known)]
        self.used_ids = {m.gazetteer_id for m in named if m.gazetteer_id}

        fixed, persons, others = [], [], []
        for m in named:
            if m.gazetteer_id:
                fixed.append(m)
            elif m.entity_type == "PERSON":
                persons.append(m)
            else:
                others.append(m)
        self._link_fixed(fixed)
        self._link_others(others)
        self._link_persons(persons)
        self._link_references(references, {m.mention_id: m for m in ordered})
        return EntityResolution(self._entity_rows(ordered), self.links)

    # ------------------------------------------------------------------ ids
    def _new_id(self, prefix: str, name: str, qualifier: str | None = None) -> str:
        base = f"{prefix}:{slug(name) or 'unnamed'}"
        if qualifier:  # an entity known from one article only: "person:brown--politics-x"
            base = f"{base}--{slug(qualifier)}"
        candidate, n = base, 2
        while candidate in self.used_ids:
            candidate, n = f"{base}-{n}", n + 1
        self.used_ids.add(candidate)
        return candidate

    # ------------------------------------------------------------------ gazetteer
    def _link_fixed(self, fixed: list[Mention]) -> None:
        for m in fixed:
            if m.kind == "demonym":
                how = "demonym"
            elif m.kind == "metonym":
                how = "metonym"
            elif m.gazetteer_id in self.gaz.entries:
                how = "gazetteer"
            else:  # an id derived from gazetteer knowledge, e.g. org:arm-foreign-ministry
                how = "exact" if _norm(m.surface) == _norm(m.name) else "alias"
            self.links[m.mention_id] = (m.gazetteer_id, how)

    # ------------------------------------------------------------------ organisations, places, groups
    def _link_others(self, others: list[Mention]) -> None:
        keys: dict[str, tuple[str, str]] = {}
        for m in others:
            keys[m.mention_id] = (m.entity_type, _norm(m.name))
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
            if _ACRONYM.match(m.surface) and _norm(m.surface) != keys[m.mention_id][1]:
                expansions[(m.entity_type, _norm(m.surface))].add(keys[m.mention_id])
        for m in others:
            full = expansions.get(keys[m.mention_id])
            if full and len(full) == 1 and _ACRONYM.match(m.name):
                keys[m.mention_id] = next(iter(full))

        groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
        for m in others:
            groups[keys[m.mention_id]].append(m)
        for (etype, key) in sorted(groups):
            members = groups[(etype, key)]
            entry = self.gaz.by_alias(key)
            if entry is not None and entry.entity_type == etype and _written_as(members, entry.surfaces):
                for m in members:
                    self.links[m.mention_id] = (entry.entity_id, "alias")
                continue
            name = _canonical_plain(members)
            entity_id = self._new_id(TYPE_PREFIX[etype], name)
            self.names[entity_id] = name
            for m in members:
                how = "exact" if _norm(m.name) == _norm(name) else "alias"
                self.links[m.mention_id] = (entity_id, how)

    # ------------------------------------------------------------------ people
    def _link_persons(self, persons: list[Mention]) -> None:
        locals_: list[_LocalPerson] = []
        by_article: dict[str, list[Mention]] = defaultdict(list)
        for m in persons:
            by_article[m.article_id].append(m)
        for article_id in sorted(by_article):
            locals_.extend(_cluster_article(article_id, by_article[article_id]))

        full = [c for c in locals_ if c.is_full]
        lone = [c for c in locals_ if not c.is_full]
        groups = self._merge_full(full)  # list of lists of locals, deterministic order
        surname_index: dict[str, list[int]] = defaultdict(list)
        for gi, group in enumerate(groups):
            for last in sorted({last for c in group for last in c.lasts}):
                surname_index[last].append(gi)

        unresolved: dict[str, list[_LocalPerson]] = defaultdict(list)
        for c in lone:
            target = self._place_lone(c, groups, surname_index)
            if target is None:
                unresolved[_name_tokens(c.mentions[0].name)[-1]].append(c)
            else:
                groups[target].append(c)

        for group in sorted(groups, key=_group_order):
            self._emit_person(group)
        for surname in sorted(unresolved):
            clusters = unresolved[surname]
            for c in clusters:
                name = _display(Counter(m.name for m in c.mentions))
                entity_id = self._new_id("person", name, None if len(clusters) == 1 else c.article_id)
                self.names[entity_id] = name
                for m in c.mentions:
                    self.links[m.mention_id] = (entity_id, "fuzzy" if m.mention_id in c.fuzzy_ids else "exact")

    def _merge_full(self, full: list[_LocalPerson]) -> list[list[_LocalPerson]]:
        by_key: dict[tuple[str, str], list[_LocalPerson]] = defaultdict(list)
        for c in full:
            for k in c.keys():
                by_key[k].append(c)
        keys = sorted(by_key)
        evidence = {k: _evidence(by_key[k]) for k in keys}
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
            first, *rest = c.keys()
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
                    if _surname_variant(a[1], b[1], evidence[a], evidence[b]):
                        union(a, b)
        for block in sorted(block_b):
            members = block_b[block]
            full_firsts = [k for k in members if len(k[0]) > 1]
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    if _first_name_variant(a, b, evidence[a], evidence[b], full_firsts):
                        union(a, b)
        grouped: dict[tuple[str, str], list[_LocalPerson]] = defaultdict(list)
        for c in full:
            grouped[find(c.keys()[0])].append(c)
        return [grouped[root] for root in sorted(grouped)]

    def _place_lone(self, c: _LocalPerson, groups, surname_index) -> int | None:
        surname = _name_tokens(c.mentions[0].name)[-1]
        roles, countries = _evidence([c])
        candidates = surname_index.get(surname, [])
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            return _unique_with_evidence(candidates, groups, roles, countries)
        if len(surname) < MIN_FUZZY_LENGTH or not (roles or countries):
            return None
        similar = [
            s for s in sorted(surname_index)
            if s[:1] == surname[:1] and _similar(s, surname, LONE_SURNAME_RATIO, LONE_SURNAME_JW)
        ]
        candidates = sorted({gi for s in similar for gi in surname_index[s]})
        target = _unique_with_evidence(candidates, groups, roles, countries)
        if target is not None:
            c.fuzzy_ids.update(m.mention_id for m in c.mentions)
        return target

    def _emit_person(self, group: list[_LocalPerson]) -> None:
        mentions = [m for c in group for m in c.mentions]
        surname_freq = Counter(_name_tokens(m.name)[-1] for m in mentions)
        full_freq = Counter(n for c in group for n in c.full_names)
        best = min(full_freq, key=lambda n: (-surname_freq[n[-1]], -len(n), -full_freq[n], n))
        displays = Counter(m.name for m in mentions if _name_tokens(m.name) == best)
        name = _display(displays)
        entity_id = self._new_id("person", name)
        self.names[entity_id] = name
        fuzzy_ids = {i for c in group for i in c.fuzzy_ids}
        for m in mentions:
            tokens = _name_tokens(m.name)
            if tokens == best:
                how = "exact"
            elif m.mention_id in fuzzy_ids or tokens[-1] not in best:
                how = "fuzzy"
            else:
                how = "alias"
            self.links[m.mention_id] = (entity_id, how)

    # ------------------------------------------------------------------ pronouns, titles
    def _link_references(self, references: list[Mention], by_id: dict[str, Mention]) -> None:
        for m in references:
            target = m.antecedent
            seen = 0
            while target in by_id and target not in self.links and seen < 10:
                target, seen = by_id[target].antecedent, seen + 1
            if target in self.links:
                self.links[m.mention_id] = (self.links[target][0], m.kind)
            else:  # unreachable antecedent: resolve the name it carries on its own
                entity_id = self._new_id("person", m.name, m.article_id)
                self.names[entity_id] = m.name
                self.links[m.mention_id] = (entity_id, m.kind)

    # ------------------------------------------------------------------ rows
    def _entity_rows(self, ordered: list[Mention]) -> list[dict]:
        members: dict[str, list[Mention]] = defaultdict(list)
        for m in ordered:
            members[self.links[m.mention_id][0]].append(m)
        rows = []
        for entity_id in sorted(members):
            ms = members[entity_id]
            named = [m for m in ms if m.kind not in ("pronoun", "title")] or ms
            entry = self.gaz.entries.get(entity_id)
            if entry is not None:
                name, etype, country, wikidata = entry.name, entry.entity_type, entry.country_iso3, entry.wikidata_id
            else:
                etype = _majority([m.entity_type for m in named]) or "PERSON"
                name = self.names.get(entity_id) or _canonical_plain(named)
                country = _majority([m.country_iso3 for m in ms if m.country_iso3])
                wikidata = None
            rows.append(
                {
                    "entity_id": entity_id,
                    "name": name,
                    "entity_type": etype,
                    "country_iso3": country,
                    "role": self._role([m.role for m in ms if m.role]) if etype == "PERSON" else None,
                    "wikidata_id": wikidata,
                    "aliases": sorted({m.surface for m in ms if m.kind not in ("pronoun", "title")}),
                    "n_mentions": len(ms),
                    "n_articles": len({m.article_id for m in ms}),
                }
            )
        return rows

    def _role(self, roles: list[str]) -> str | None:
        if not roles:
            return None
        counts = Counter(roles)
        return min(counts, key=lambda r: (-self.seniority.get(r, 0), -counts[r], r))


# ---------------------------------------------------------------------- within one article
def _cluster_article(article_id: str, mentions: list[Mention]) -> list[_LocalPerson]:
    clusters: list[_LocalPerson] = []
    ordered = sorted(mentions, key=lambda m: m.char_start)
    tokens_of = {m.mention_id: _name_tokens(m.name) for m in ordered}
    for m in ordered:  # full names first, in text order
        tokens = tokens_of[m.mention_id]
        if len(tokens) < 2:
            continue
        matches = [c for c in clusters if tokens in c.distinct or any(_same_person(tokens, f) for f in c.distinct)]
        if matches:
            target = max(matches, key=lambda c: c.last_mention_before(m.char_start))
            if tokens[-1] not in target.lasts:
                target.fuzzy_ids.add(m.mention_id)
        else:
            target = _LocalPerson(article_id)
            clusters.append(target)
        target.mentions.append(m)
        target.add_full(tokens)
    full_clusters = list(clusters)
    lone: dict[str, _LocalPerson] = {}
    for m in ordered:  # then single names: "Lavrov", "Mr Abbas"
        tokens = tokens_of[m.mention_id]
        if len(tokens) >= 2:
            continue
        word = tokens[0]
        matches = [c for c in full_clusters if word in c.lasts]
        fuzzy = False
        if not matches and len(word) >= MIN_FUZZY_LENGTH:
            titled = m.surface.split()[0].lower().rstrip(".") in HONORIFIC_WORDS
            matches = [
                c for c in full_clusters
                if any(
                    _similar(last, word, LONE_SURNAME_RATIO, LONE_SURNAME_JW)
                    and (titled or last.rstrip("s") != word.rstrip("s"))  # "William" is not "Williams"
                    for last in sorted(c.lasts)
                )
            ]
            fuzzy = True
            if len(matches) != 1:
                matches = []
        if matches:
            target = max(matches, key=lambda c: (c.last_mention_before(m.char_start), -full_clusters.index(c)))
            target.mentions.append(m)
            if fuzzy:
                target.fuzzy_ids.add(m.mention_id)
            continue
        cluster = lone.get(word)
        if cluster is None:
            cluster = lone[word] = _LocalPerson(article_id)
            clusters.append(cluster)
        cluster.mentions.append(m)
    for c in clusters:
        c.mentions.sort(key=lambda m: m.char_start)
    return clusters


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names in one article that name one person."""
    if a == b:
        return True
    if _is_tail(a, b) or _is_tail(b, a):
        return True
    if a[-1] == b[-1]:
        return _first_compatible(a[0], b[0])
    if a[0] == b[0]:
        return _similar(a[-1], b[-1], SURNAME_RATIO, SURNAME_JW)
    return False


def _is_tail(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return len(short) < len(long) and long[-len(short) :] == short


def _first_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return fuzz.ratio(a, b) >= FIRST_NAME_RATIO


# ---------------------------------------------------------------------- across articles
def _evidence(clusters: list[_LocalPerson]) -> tuple[frozenset[str], frozenset[str]]:
    roles = {m.role for c in clusters for m in c.mentions if m.role}
    countries = {m.country_iso3 for c in clusters for m in c.mentions if m.country_iso3}
    return frozenset(roles), frozenset(countries)


def _conflict(a: tuple[frozenset, frozenset], b: tuple[frozenset, frozenset]) -> bool:
    return bool(a[1] and b[1] and not a[1] & b[1])


def _support(a: tuple[frozenset, frozenset], b: tuple[frozenset, frozenset]) -> bool:
    return bool(a[0] & b[0] or a[1] & b[1])


def _similar(a: str, b: str, ratio: float, jw: float) -> bool:
    if a[:1] != b[:1] or min(len(a), len(b)) < MIN_FUZZY_LENGTH or abs(len(a) - len(b)) > max(len(a), len(b)) // 3:
        return False  # transliterations keep the initial and about the length
    return fuzz.ratio(a, b) >= ratio and JaroWinkler.similarity(a, b) >= jw


def _surname_variant(a: str, b: str, ev_a, ev_b) -> bool:
    """Same first name, similar surname, and the same role or country: one person."""
    if a == b or _conflict(ev_a, ev_b) or not _similar(a, b, SURNAME_RATIO, SURNAME_JW):
        return False
    return _support(ev_a, ev_b)


def _first_name_variant(a, b, ev_a, ev_b, full_firsts) -> bool:
    if a[0] == b[0] or _conflict(ev_a, ev_b):
        return False
    if len(a[0]) == 1 or len(b[0]) == 1:  # "G Brown": only if one full first name fits
        initial = a if len(a[0]) == 1 else b
        fitting = [k for k in full_firsts if k[0][0] == initial[0][0]]
        return len(fitting) == 1
    return fuzz.ratio(a[0], b[0]) >= FIRST_NAME_RATIO and _support(ev_a, ev_b)


def _unique_with_evidence(candidates: list[int], groups, roles, countries) -> int | None:
    if not (roles or countries):
        return None
    fitting = []
    for gi in candidates:
        g_roles, g_countries = _evidence(groups[gi])
        if (roles & g_roles or countries & g_countries) and not (countries and g_countries and not countries & g_countries):
            fitting.append(gi)
    return fitting[0] if len(fitting) == 1 else None


def _group_order(group: list[_LocalPerson]):
    first = min((m.article_id, m.char_start) for c in group for m in c.mentions)
    return first


# ---------------------------------------------------------------------- names
def _fold(text: str) -> str:
    text = text.replace("\u2019", "'")
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return (folded if folded.strip() else text).lower()


@functools.lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple[str, ...]:
    tokens = []
    for raw in _fold(name).split():
        token = _NAME_JUNK.sub("", raw).strip("'-")
        if token:
            tokens.append(token)
    while len(tokens) > 1 and tokens[-1] in NAME_SUFFIXES:
        tokens.pop()
    while len(tokens) > 2 and tokens[0] in NAME_TITLES:
        tokens.pop(0)  # "Ayatollah Ali Khamenei" is keyed as "Ali Khamenei"; "Prince Charles" stays whole
    for i, token in enumerate(tokens[:-1]):  # "van Nistelrooy", "da Silva": one surname
        if token in SURNAME_PARTICLES and (i > 0 or token in LEADING_PARTICLES):
            tokens = tokens[:i] + [" ".join(tokens[i:])]
            break
    return tuple(tokens) or (_fold(name).strip(),)


_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
_LEADING_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"'s$")
_WORD = re.compile(r"\w+")
_NAME_JUNK = re.compile(r"[^\w'-]")


@functools.lru_cache(maxsize=65536)
def _norm(name: str) -> str:
    """Lower-case words only, without a leading "the" or a possessive: the linking key."""
    text = _POSSESSIVE.sub("", _LEADING_THE.sub("", _fold(name)))
    return " ".join(_WORD.findall(text))


def _display(counts: Counter) -> str:
    """Most frequent written form; ties to the one with most capitals, then alphabetical."""
    return min(counts, key=lambda s: (-counts[s], -sum(c.isupper() for c in s), s))


def _canonical_plain(mentions: list[Mention]) -> str:
    """Fullest, most frequent form for organisations, places and groups."""
    counts = Counter(m.name for m in mentions)
    return min(counts, key=lambda s: (-len(_norm(s).split()), -counts[s], -sum(c.isupper() for c in s), s))


def _written_as(mentions: list[Mention], surfaces: tuple[str, ...]) -> bool:
    """A gazetteer surface matches as written when it is case-sensitive ("WHO" is not "Who")."""
    names = {_strip_article(m.name) for m in mentions}
    for surface in surfaces:
        if surface in names or not is_case_sensitive(surface) and surface.lower() in {n.lower() for n in names}:
            return True
    return False


def _strip_article(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def _majority(values: list[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))
