"""A cluster: the reports of one event, with the aggregates that matching reads."""

from __future__ import annotations

from datetime import date

from pipeline.nlp.event_resolution.constants import PRECISION_RANK, ROLES
from pipeline.nlp.event_resolution.entities import EntityGroup, KnownEntities, entity_group
from pipeline.nlp.event_resolution.reports import Report


class Cluster:
    """Reports of one event, with the aggregates that matching reads (groups lazily)."""

    __slots__ = ("number", "event_type", "known", "reports", "roles", "places", "modes",
                 "articles", "dated", "date", "precision", "separate", "keys", "_groups", "published")

    def __init__(self, number: int, event_type: str, known: KnownEntities):
        self.number = number
        self.event_type = event_type
        self.known = known
        self.reports: list[Report] = []
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
        self._groups: dict[str, EntityGroup] | None = None

    @property
    def entities(self) -> set[str]:
        return set().union(*self.roles.values())

    def add(self, report: Report) -> None:
        self.reports.append(report)
        self._absorb(report)

    def remove(self, report: Report) -> None:
        self.reports.remove(report)
        self._reset()
        for other in self.reports:
            self._absorb(other)

    def _absorb(self, report: Report) -> None:
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

    def group(self, name: str) -> EntityGroup:
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
            found = self._groups[name] = entity_group(members, self.known)
        return found
