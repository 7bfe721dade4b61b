"""Event candidates from all articles -> one row per real-world event.

Input: the `EventCandidate`s of every article, `entity_of` (mention id -> entity id from
entity resolution), `articles` (article id -> `ArticleInfo`: publication date, outlet)
and, optionally, `entity_names` (entity id -> name, for summaries) and `entities` (the
entity rows, for types and country affiliations).

What happens, in order:

1. Only `asserted` candidates are kept (negated, hypothetical and future ones are not
   events). Mention ids become entity ids; a candidate left without any entity is
   dropped. Relative dates are resolved against the article's date
   (`pipeline.nlp.dates.resolve_date`); without an article date they stay unresolved.
2. Candidates are clustered: two reports are one event when they have the same PLOVER
   type, compatible dates (equal at the coarser precision; an undated report agrees
   with any date), compatible places (equal, or one unknown), overlapping actors and no
   contradiction:
   * actors match when they are the same entity, or when one is a country and the
     other a person/organisation of that country ("Armenia" ~ "Nikol Pashinyan");
     two different people of one country do not match;
   * directed types need their sources to match when both reports name sources, and
     their targets likewise; CONSULT/COOPERATE pool all actors;
   * mediators, when both reports name some, must mostly agree (Jaccard >= 0.5 over
     their countries) - the EU-hosted Brussels meetings are not the US-mediated rounds;
   * a person of country C on one side and only other people of C on the other is a
     contradiction (the foreign ministers' talks are not the leaders' meetings);
   * a "separate meeting" merges only with reports of exactly the same actors;
   * within one article, directed reports from different sentences whose doers differ
     ("A and B fought two wars" / "B recaptured territory in 2020") stay apart;
   * visits: the visitor must match;
   * across articles the evidence must be strong: two matched actors, or one plus the
     same mode, place or day; and when nothing ties the two reports to the same time
     (both articles undated and both reports undated, or dated articles more than a
     week apart) speech acts (ACCUSE, REJECT, REQUEST, SUPPORT, AGREE, THREATEN,
     CONCEDE) are never merged - "X accused Y" in two such articles is usually two
     accusations - and other events need two identical entities or the same place.
   Blocking keeps this near-linear: a report is only compared with clusters that share
   its article, an entity pair, or (when dated) an entity and month.
3. Articles without a date take the date of an event they share with a dated article
   (`article_dates`): the latest day-precision date of such an event that lies within
   a week before the dated article's own date. Their relative expressions ("on
   Tuesday") are then resolved against it and the clustering is run again.
4. Rows: the event takes its most precise date, its most frequent place, mode and
   CAMEO root; each entity gets one role (mediator > source > target > participant,
   weighted by how often each report gives it); `n_articles`, `n_outlets` (articles of
   unknown outlet count as distinct outlets) and one `event_mentions` row per reporting
   sentence. `event_id` = "ev-" + the first 12 hex digits of sha1(type|date|sorted
   entity ids) - plus the place, then the first report, only if two events collide.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from pipeline.nlp.dates import DAY, MONTH, YEAR, compatible, resolve_date
from pipeline.nlp.records import EventCandidate

ROLES = ("mediator", "source", "target", "participant")
ROLE_WEIGHT = {"mediator": 3.0, "source": 2.0, "target": 2.0, "participant": 1.0}
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE"})
SPEECH_ACTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "SUPPORT", "AGREE", "THREATEN", "CONCEDE"})
PRECISION_RANK = {DAY: 3, MONTH: 2, YEAR: 1, None: 0}
MAX_SCAN = 16  # clusters examined per blocking key (the most recent ones)
LINK_WINDOW = timedelta(days=7)

VERBS = {
    # type: (singular, plural, preposition before the target or None)
    "AGREE": ("agrees", "agree", "with"),
    "CONSULT": ("consults", "consult", "with"),
    "SUPPORT": ("supports", "support", None),
    "CONCEDE": ("concedes", "concede", "to"),
    "COOPERATE": ("cooperates", "cooperate", "with"),
    "AID": ("aids", "aid", None),
    "RETREAT": ("retreats", "retreat", "before"),
    "REQUEST": ("makes a request", "make a request", "to"),
    "ACCUSE": ("accuses", "accuse", None),
    "REJECT": ("rejects", "reject", None),
    "THREATEN": ("threatens", "threaten", None),
    "PROTEST": ("protests", "protest", "against"),
    "SANCTION": ("sanctions", "sanction", None),
    "MOBILIZE": ("mobilizes", "mobilize", "against"),
    "COERCE": ("coerces", "coerce", None),
    "ASSAULT": ("assaults", "assault", None),
}


@dataclass(frozen=True)
class ArticleInfo:
    published_date: date | None = None
    outlet: str | None = None


@dataclass
class EventResolution:
    events: list[dict] = field(default_factory=list)
    participants: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    article_dates: dict[str, date] = field(default_factory=dict)


@dataclass
class _Entities:
    """What resolution needs to know about an entity: is it a country, whose is it."""

    types: dict[str, str]
    countries: dict[str, str]
    _is_country: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def build(cls, entities: Iterable[Mapping] | None) -> _Entities:
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


class _Group:
    """A set of entities with what matching needs precomputed (for fast comparisons)."""

    __slots__ = ("ids", "countries", "affiliated", "people")

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.countries: set[str] = set()  # ISO codes of the country entities
        self.affiliated: set[str] = set()  # ISO codes of the other entities' countries
        self.people: dict[str, set[str]] = {}  # ISO code -> non-country entities of it

    def add(self, entity: str, known: _Entities) -> None:
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

    def matched(self, entities: Iterable[str], known: _Entities) -> int:
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

    def sides(self, known: _Entities) -> set[str]:
        return {known.side(e) for e in self.ids}


def _group(entities: Iterable[str], known: _Entities) -> _Group:
    group = _Group()
    for entity in entities:
        group.add(entity, known)
    return group


@dataclass
class _Report:
    """One asserted candidate with entity ids and a resolved date."""

    order: tuple
    candidate: EventCandidate
    article_id: str
    roles: dict[str, tuple[str, ...]]  # role -> entity ids
    place: str | None
    date: date | None
    precision: str | None
    separate: bool
    published: date | None = None  # the reporting article's date
    entities: set[str] = field(default_factory=set)
    parties: set[str] = field(default_factory=set)
    doers: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        roles = self.roles
        self.doers = set(roles["source"]) | set(roles["participant"])
        self.parties = self.doers | set(roles["target"])
        self.entities = self.parties | set(roles["mediator"])


class _Cluster:
    """Reports of one event, with the aggregates that matching reads (groups lazily)."""

    __slots__ = ("number", "event_type", "known", "reports", "roles", "places", "modes",
                 "articles", "dated", "date", "precision", "separate", "keys", "_groups", "published")

    def __init__(self, number: int, event_type: str, known: _Entities):
        self.number = number
        self.event_type = event_type
        self.known = known
        self.reports: list[_Report] = []
        self.keys: set = set()
        self._reset()

    def _reset(self) -> None:
        self.roles: dict[str, set[str]] = {r: set() for r in ROLES}
        self.places: dict[str, int] = {}
        self.modes: set[str] = set()
        self.articles: set[str] = set()
        self.dated: list[tuple[date, str]] = []
        self.date: date | None = None
        self.precision: str | None = None
        self.separate = False
        self.published: set[date | None] = set()
        self._groups: dict[str, _Group] | None = None

    @property
    def entities(self) -> set[str]:
        return set().union(*self.roles.values())

    def add(self, report: _Report) -> None:
        self.reports.append(report)
        self._absorb(report)

    def remove(self, report: _Report) -> None:
        self.reports.remove(report)
        self._reset()
        for other in self.reports:
            self._absorb(other)

    def _absorb(self, report: _Report) -> None:
        for role, ids in report.roles.items():
            self.roles[role].update(ids)
        if report.place:
            self.places[report.place] = self.places.get(report.place, 0) + 1
        if report.candidate.event_mode:
            self.modes.add(report.candidate.event_mode)
        self.articles.add(report.article_id)
        self.published.add(report.published)
        self.separate = self.separate or report.separate
        if report.date is not None:
            if (report.date, report.precision) not in self.dated:
                self.dated.append((report.date, report.precision))
            if PRECISION_RANK[report.precision] > PRECISION_RANK[self.precision]:
                self.date, self.precision = report.date, report.precision
        self._groups = None

    def group(self, name: str) -> _Group:
        """One of all | parties | doers | targets | mediators, built on first use."""
        if self._groups is None:
            self._groups = {}
        found = self._groups.get(name)
        if found is None:
            roles = self.roles
            members = {
                "all": lambda: set().union(*roles.values()),
                "parties": lambda: roles["source"] | roles["participant"] | roles["target"],
                "doers": lambda: roles["source"] | roles["participant"],
                "targets": lambda: roles["target"],
                "mediators": lambda: roles["mediator"],
            }[name]()
            found = self._groups[name] = _group(members, self.known)
        return found


def resolve_events(
    candidates: Iterable[EventCandidate],
    entity_of: Mapping[str, str],
    articles: Mapping[str, ArticleInfo],
    entity_names: Mapping[str, str] | None = None,
    entities: Iterable[Mapping] | None = None,
) -> EventResolution:
    """Deduplicated events, their participants and mentions (see the module docstring)."""
    known = _Entities.build(entities)
    names = dict(entity_names or {})
    asserted = [c for c in candidates if c.modality == "asserted"]
    asserted.sort(key=_candidate_order)
    dates = {aid: info.published_date for aid, info in articles.items()}

    reports = _reports(asserted, entity_of, dates)
    clusters: list[_Cluster] = []
    index: dict[tuple, list[int]] = defaultdict(list)
    home: dict[int, _Cluster] = {}
    _cluster(reports, known, clusters, index, home)
    article_dates = _article_dates(clusters, articles)
    redo = [r for r in reports if r.article_id in article_dates and r.candidate.date_text]
    if redo:  # their relative dates ("on Tuesday") can be resolved now: place them again
        for report in redo:
            home[id(report)].remove(report)
            report.date, report.precision = resolve_date(report.candidate.date_text, article_dates[report.article_id])
        _cluster(redo, known, clusters, index, home)
    return _rows([c for c in clusters if c.reports], articles, names, known, article_dates)


# ------------------------------------------------------------------------------ reports


def _candidate_order(c: EventCandidate) -> tuple:
    return (
        c.article_id, c.sentence_id, c.trigger, c.event_type, c.event_mode or "",
        c.sources, c.targets, c.participants, c.mediators, c.date_text or "",
        c.location_mention_id or "", c.evidence, c.confidence,
    )


def _reports(candidates: list[EventCandidate], entity_of: Mapping[str, str], dates: Mapping[str, date | None]) -> list[_Report]:
    reports: list[_Report] = []
    for position, c in enumerate(candidates):
        roles: dict[str, list[str]] = {r: [] for r in ROLES}
        seen: set[str] = set()
        place = entity_of.get(c.location_mention_id) if c.location_mention_id else None
        for role, ids in (("mediator", c.mediators), ("source", c.sources), ("target", c.targets), ("participant", c.participants)):
            for mention_id in ids:
                entity = entity_of.get(mention_id)
                if entity is None or entity in seen or entity == place:
                    continue
                seen.add(entity)
                roles[role].append(entity)
        if not seen:
            continue
        resolved, precision = resolve_date(c.date_text, dates.get(c.article_id)) if c.date_text else (None, None)
        reports.append(
            _Report(
                order=(position,),
                candidate=c,
                article_id=c.article_id,
                roles={r: tuple(sorted(v)) for r, v in roles.items()},
                place=place,
                date=resolved,
                precision=precision,
                separate="separate" in c.trigger.lower().split(),
                published=dates.get(c.article_id),
            )
        )
    return reports


# --------------------------------------------------------------------------- clustering


def _report_keys(report: _Report, event_type: str, known: _Entities) -> set:
    """Blocking keys: a report is only compared with clusters sharing one of them.

    Each key stands for one way a merge can be justified (see `_score`): the same
    article; two shared entities or sides; or one shared side plus the same place, the
    same day or the same mode.
    """
    keys: set = {("a", event_type, report.article_id)}
    entities = sorted(report.entities)
    sides = sorted({known.side(e) for e in entities})
    for a, b in itertools.combinations(entities, 2):
        keys.add(("p", event_type, a, b))
    for a, b in itertools.combinations(sides, 2):
        keys.add(("s", event_type, a, b))
    mode = report.candidate.event_mode
    for side in sides:
        if report.place:
            keys.add(("l", event_type, side, report.place))
        if report.precision == DAY:
            keys.add(("d", event_type, side, report.date))
        if mode:
            keys.add(("m", event_type, side, mode))
    return keys


def _cluster(reports: list[_Report], known: _Entities, clusters: list[_Cluster],
             index: dict[tuple, list[int]], home: dict[int, _Cluster]) -> None:
    """Greedy, in report order: each report joins its best compatible cluster or starts one."""
    for report in reports:
        event_type = report.candidate.event_type
        keys = _report_keys(report, event_type, known)
        candidates: set[int] = set()
        for key in keys:
            bucket = index.get(key)
            if bucket:
                candidates.update(bucket[-MAX_SCAN:])
        best: tuple[float, int] | None = None
        if candidates:
            groups = _ReportGroups(report, known)
            for number in sorted(candidates):
                score = _score(report, groups, clusters[number], known)
                if score is not None and (best is None or score > best[0]):
                    best = (score, number)
        if best is None:
            cluster = _Cluster(len(clusters), event_type, known)
            clusters.append(cluster)
        else:
            cluster = clusters[best[1]]
        cluster.add(report)
        home[id(report)] = cluster
        for key in keys:
            if key not in cluster.keys:
                cluster.keys.add(key)
                index[key].append(cluster.number)


class _ReportGroups:
    """A report's entity groups, computed once per report."""

    def __init__(self, report: _Report, known: _Entities):
        self.all = report.entities
        self.parties = _group(report.parties, known)
        self.doers = report.doers
        self.targets = set(report.roles["target"])
        self.mediators = set(report.roles["mediator"])
        self.mediator_sides = {known.side(e) for e in self.mediators}
        self.party_sides = {known.side(e) for e in report.parties}


def _score(report: _Report, groups: _ReportGroups, cluster: _Cluster, known: _Entities) -> float | None:
    """How well a report fits a cluster, or None when it cannot be the same event."""
    if report.date is not None:
        for other in cluster.dated:  # every dated report must agree, not just the best
            if not compatible((report.date, report.precision), other):
                return None
    if report.place and cluster.places and report.place not in cluster.places:
        return None
    if groups.mediators and cluster.roles["mediator"]:
        theirs = cluster.group("mediators").sides(known)
        if len(groups.mediator_sides & theirs) / len(groups.mediator_sides | theirs) < 0.5:
            return None
    if (report.separate or cluster.separate) and groups.party_sides != cluster.group("parties").sides(known):
        return None
    if groups.parties.people:
        their_people = cluster.group("parties").people
        for country, people in groups.parties.people.items():  # different people, same country
            theirs = their_people.get(country)
            if theirs and not (people & theirs):
                return None

    if cluster.event_type in SYMMETRIC_TYPES:
        if report.roles["source"] and cluster.roles["source"]:  # visits: the visitor must match
            if not cluster.group("doers").matched(report.roles["source"], known):
                return None
        everyone = cluster.group("all")
        matched = everyone.matched(groups.all, known)
        needed = min(2, len(groups.all), len(everyone.ids))
        if matched < max(1, needed):
            return None
    else:
        if (
            report.article_id in cluster.articles and groups.doers and cluster.roles["source"] | cluster.roles["participant"]
            and set(groups.doers) != cluster.roles["source"] | cluster.roles["participant"]
            and all(r.candidate.sentence_id != report.candidate.sentence_id for r in cluster.reports)
        ):
            # one article, two sentences, different doers: "A and B fought two wars" and
            # "B recaptured territory" are two events, however alike
            return None
        doers, targets = cluster.group("doers"), cluster.group("targets")
        matched_s = doers.matched(groups.doers, known) if groups.doers and doers else 0
        matched_t = targets.matched(groups.targets, known) if groups.targets and targets else 0
        if groups.doers and doers and not matched_s:
            return None
        if groups.targets and targets and not matched_t:
            return None
        matched = matched_s + matched_t + (cluster.group("mediators").matched(groups.mediators, known) if groups.mediators else 0)
        if matched == 0:
            return None

    same_place = bool(report.place and report.place in cluster.places)
    same_day = report.precision == DAY and cluster.precision == DAY and report.date == cluster.date
    same_mode = bool(report.candidate.event_mode and report.candidate.event_mode in cluster.modes)
    same_article = report.article_id in cluster.articles
    if not same_article:
        strength = min(matched, 2) + same_mode + 2 * same_place + same_day
        if strength < 2:
            return None
        if not _same_time(report, cluster):
            # Nothing says the two reports are from the same time (two undated articles,
            # undated reports): a speech act is repeated too often to merge on names alone,
            # and other events need the very same entities, or the same place.
            if cluster.event_type in SPEECH_ACTS:
                return None
            exact = len(report.entities & cluster.entities)
            if exact < 2 and not (same_place and exact >= 1):
                return None
    return matched * 2 + 2 * same_place + same_day + same_mode * 0.5 + same_article * 1.0


# ------------------------------------------------------------------------ article dates


def _same_time(report: _Report, cluster: _Cluster) -> bool:
    """Evidence that a report and a cluster are about the same time."""
    if report.date is not None and report.precision in (DAY, MONTH) and cluster.date is not None:
        return True  # both dated (and compatible: `_score` checked)
    if report.published is None and None in cluster.published:
        return False  # undated articles on both sides
    if report.published is not None and any(
        p is not None and abs(p - report.published) <= LINK_WINDOW for p in cluster.published
    ):
        return True  # dated articles of the same week
    # one side dated, the other not: possible (the undated one may get its date from it);
    # a far-apart pair of dated articles is not
    return report.published is None or None in cluster.published


def _article_dates(clusters: list[_Cluster], articles: Mapping[str, ArticleInfo]) -> dict[str, date]:
    found: dict[str, date] = {}
    for cluster in clusters:
        if cluster.precision != DAY or len(cluster.articles) < 2:
            continue
        dated = [a for a in cluster.articles if articles.get(a) and articles[a].published_date]
        if not any(
            timedelta(0) <= articles[a].published_date - cluster.date <= LINK_WINDOW for a in dated
        ):
            continue
        for article_id in sorted(cluster.articles):
            info = articles.get(article_id)
            if info is not None and info.published_date is not None:
                continue
            if article_id not in found or cluster.date > found[article_id]:
                found[article_id] = cluster.date
    return found


# --------------------------------------------------------------------------------- rows


def _final_roles(cluster: _Cluster, known: _Entities) -> dict[str, str]:
    if len(cluster.reports) == 1:  # one report: its roles as they are
        only = cluster.reports[0].roles
        roles = {e: role for role in reversed(ROLES) for e in only[role]}
        return _country_follows_its_people(roles, cluster.event_type, known)
    votes: dict[str, Counter] = defaultdict(Counter)
    for report in cluster.reports:
        for role, ids in report.roles.items():
            for entity in ids:
                votes[entity][role] += ROLE_WEIGHT[role]
    if cluster.event_type in SYMMETRIC_TYPES:
        for entity, counter in votes.items():
            # a pooled meeting: a side that is only ever "source/target" here was named
            # by a host/visit verb; keep the direction only if no report pooled it
            if counter["participant"] and (counter["source"] or counter["target"]):
                counter["participant"] += counter.pop("source", 0) + counter.pop("target", 0)
    roles = {
        entity: max(ROLES, key=lambda r: (counter[r], -ROLES.index(r)))
        for entity, counter in votes.items()
    }
    return _country_follows_its_people(roles, cluster.event_type, known)


def _country_follows_its_people(roles: dict[str, str], event_type: str, known: _Entities) -> dict[str, str]:
    """"Russia" in a meeting its foreign minister hosted is the host side, not a party."""
    if event_type not in SYMMETRIC_TYPES:
        return roles
    mediating = {known.country(e) for e, r in roles.items() if r == "mediator" and not known.is_country(e)}
    parties = {known.country(e) for e, r in roles.items() if r != "mediator" and not known.is_country(e)}
    for entity, role in roles.items():
        if role == "participant" and known.is_country(entity):
            country = known.country(entity)
            if country in mediating and country not in parties:
                roles[entity] = "mediator"
    return roles


def _event_date(cluster: _Cluster) -> tuple[date | None, str | None]:
    dated = [(r.date, r.precision) for r in cluster.reports if r.date is not None]
    if not dated:
        return None, None
    best = max(PRECISION_RANK[p] for _, p in dated)
    counts = Counter(d for d, p in dated if PRECISION_RANK[p] == best)
    value = min(counts, key=lambda d: (-counts[d], d))
    return value, next(p for d, p in dated if d == value and PRECISION_RANK[p] == best)


def _most_common(values: Iterable) -> object | None:
    values = [v for v in values if v]
    if len(values) <= 1:
        return values[0] if values else None
    counts = Counter(values)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], str(v)))


def _event_id(event_type: str, event_date: date | None, entity_ids: Iterable[str], extra: str = "") -> str:
    basis = "|".join([event_type, event_date.isoformat() if event_date else "", ",".join(sorted(entity_ids))])
    if extra:
        basis += "|" + extra
    return "ev-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12]


def _name_list(entity_ids: list[str], names: Mapping[str, str], known: _Entities | None = None) -> str:
    if known is not None:  # "Russia" stands for "Russia and Sergei Lavrov"
        countries = {known.country(e) for e in entity_ids if known.is_country(e)}
        entity_ids = [e for e in entity_ids if known.is_country(e) or known.country(e) not in countries]
    labels = sorted({names.get(e) or _fallback_name(e) for e in entity_ids})
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def _fallback_name(entity_id: str) -> str:
    tail = entity_id.split(":", 1)[-1]
    return tail.replace("-", " ").title() if not tail.isupper() else tail


def _summary(event_type: str, mode: str | None, roles: dict[str, str], place: str | None,
             event_date: date | None, precision: str | None, names: Mapping[str, str], mediator_word: str,
             known: _Entities | None = None) -> str:
    by_role: dict[str, list[str]] = defaultdict(list)
    for entity, role in sorted(roles.items()):
        by_role[role].append(entity)
    singular, plural, preposition = VERBS.get(event_type, (event_type.lower() + "s", event_type.lower(), None))
    visit = event_type == "CONSULT" and mode == "visit" and bool(by_role["source"]) and not by_role["participant"]
    if visit:
        singular, plural, preposition = "visits", "visit", None
    sources = by_role["source"] + (by_role["participant"] if event_type not in SYMMETRIC_TYPES else [])
    targets = by_role["target"]
    if event_type in SYMMETRIC_TYPES:
        sources = by_role["participant"] + by_role["source"]
    parts: list[str] = []
    if sources:
        subject = _name_list(sources, names, known)
        many = " and " in subject
        parts.append(f"{subject} {plural if many else singular}")
        if targets:
            parts[-1] += f" {preposition + ' ' if preposition else ''}{_name_list(targets, names, known)}"
    elif targets:
        parts.append(f"{event_type.capitalize()}{' (' + mode + ')' if mode else ''} against {_name_list(targets, names)}")
    else:
        parts.append(f"{event_type.capitalize()}{' (' + mode + ')' if mode else ''}")
    text = parts[0]
    if mode and sources and event_type not in SYMMETRIC_TYPES:
        text += f" ({mode})"
    if visit and sources and not targets and place:  # "Gordon Brown visits Africa"
        text += f" {names.get(place) or _fallback_name(place)}"
        place = None
    if by_role["mediator"]:
        text += f", {mediator_word} by {_name_list(by_role['mediator'], names, known)}"
        if sources or targets:
            text += ","
    if place:
        text += f" in {names.get(place) or _fallback_name(place)}"
    if event_date is not None:
        text += {DAY: f" on {event_date.isoformat()}", MONTH: f" in {event_date:%Y-%m}", YEAR: f" in {event_date.year}"}[precision]
    return text.rstrip(",")


def _mediator_word(cluster: _Cluster) -> str:
    words = " ".join(r.candidate.trigger.lower() + " " + r.candidate.evidence.lower() for r in cluster.reports if r.roles["mediator"])
    for stem, word in (("host", "hosted"), ("broker", "brokered"), ("stag", "staged"), ("mediat", "mediated")):
        if stem in words:
            return word
    return "mediated"


def _confidence(cluster: _Cluster, roles: dict[str, str], precision: str | None) -> float:
    base = max(r.candidate.confidence for r in cluster.reports)
    score = base + 0.05 * (len(cluster.reports) - 1) + 0.1 * (len(cluster.articles) - 1)
    role_set = set(roles.values())
    if ("source" in role_set and "target" in role_set) or list(roles.values()).count("participant") >= 2:
        score += 0.05
    if precision == DAY:
        score += 0.05
    return round(max(0.05, min(0.99, score)), 3)


def _tie_break(cluster: _Cluster) -> list[tuple]:
    """Every report of a cluster, as sortable keys: a stable tie-break between look-alike events."""
    return sorted((r.article_id, r.candidate.sentence_id, r.candidate.trigger, r.candidate.event_type) for r in cluster.reports)


def _rows(clusters: list[_Cluster], articles: Mapping[str, ArticleInfo], names: Mapping[str, str],
          known: _Entities, article_dates: dict[str, date]) -> EventResolution:
    result = EventResolution(article_dates=dict(sorted(article_dates.items())))
    used: dict[str, int] = {}
    drafted = []
    for cluster in clusters:
        roles = _final_roles(cluster, known)
        event_date, precision = _event_date(cluster)
        place = _most_common(r.place for r in cluster.reports)
        mode = _most_common(r.candidate.event_mode for r in cluster.reports)
        if cluster.event_type == "CONSULT" and "mediator" in roles.values():
            mode = "third-party"
        cameo = _most_common(r.candidate.cameo_root for r in cluster.reports)
        first = min(cluster.reports, key=lambda r: (r.article_id, r.candidate.sentence_id, r.candidate.trigger))
        event_id = _event_id(cluster.event_type, event_date, roles)
        drafted.append((cluster, roles, event_date, precision, place, mode, cameo, first, event_id))
        used[event_id] = used.get(event_id, 0) + 1
    taken: set[str] = set()
    drafted.sort(key=lambda d: (d[-1], _tie_break(d[0])))
    for cluster, roles, event_date, precision, place, mode, cameo, first, event_id in drafted:
        if used[event_id] > 1:  # two distinct events with the same type, date and actors
            extra = f"{place or ''}|{first.article_id}|{first.candidate.sentence_id}|{first.candidate.trigger}"
            event_id = _event_id(cluster.event_type, event_date, roles, extra)
            copy = 1
            while event_id in taken:  # same first report too: number them in a stable order
                copy += 1
                event_id = _event_id(cluster.event_type, event_date, roles, f"{extra}|{copy}")
        taken.add(event_id)
        outlets = {
            (articles[a].outlet if a in articles and articles[a].outlet else f"unknown:{a}") for a in cluster.articles
        }
        result.events.append(
            {
                "event_id": event_id,
                "event_type": cluster.event_type,
                "event_mode": mode,
                "cameo_root": cameo,
                "event_date": event_date,
                "date_precision": precision,
                "location_entity_id": place,
                "summary": _summary(cluster.event_type, mode, roles, place, event_date, precision, names, _mediator_word(cluster), known),
                "n_articles": len(cluster.articles),
                "n_outlets": len(outlets),
                "confidence": _confidence(cluster, roles, precision),
            }
        )
        for entity, role in sorted(roles.items(), key=lambda kv: (ROLES.index(kv[1]), kv[0])):
            result.participants.append({"event_id": event_id, "entity_id": entity, "role": role})
        seen: set[tuple[str, int]] = set()
        for report in sorted(cluster.reports, key=lambda r: (r.article_id, r.candidate.sentence_id, r.candidate.trigger)):
            key = (report.article_id, report.candidate.sentence_id)
            if key in seen:
                continue
            seen.add(key)
            result.mentions.append(
                {
                    "event_id": event_id,
                    "article_id": report.article_id,
                    "sentence_id": report.candidate.sentence_id,
                    "trigger": report.candidate.trigger,
                    "evidence": report.candidate.evidence,
                }
            )
    result.events.sort(key=lambda e: e["event_id"])
    return result
