"""Asserted candidates as reports: entity ids by role, place and resolved date."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from pipeline.nlp.dates import DAY, MONTH, resolve_date
from pipeline.nlp.event_resolution.constants import ROLES, family
from pipeline.nlp.records import EventCandidate


@dataclass
class Report:
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
    link_reason: str = ""  # why the report joined its event (event_mentions.link_reason)
    ambiguous: bool = False  # undated, and it fitted events of different dates
    entities: set[str] = field(default_factory=set)
    parties: set[str] = field(default_factory=set)
    doers: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        roles = self.roles
        self.doers = set(roles["source"]) | set(roles["participant"])
        self.parties = self.doers | set(roles["target"])
        self.entities = self.parties | set(roles["mediator"])
        self.family = family(self.candidate.event_type, self.candidate.event_mode, self.candidate.trigger)

    def window(self) -> tuple[date | None, date | None]:
        """When the event can have happened: its date at its precision, else no later than
        the day after its article appeared (an article reports what has happened)."""
        if self.date is None:
            return None, (self.published + timedelta(days=1)) if self.published else None
        if self.precision == DAY:
            return self.date, self.date
        if self.precision == MONTH:
            last = calendar.monthrange(self.date.year, self.date.month)[1]
            return self.date.replace(day=1), self.date.replace(day=last)
        return date(self.date.year, 1, 1), date(self.date.year, 12, 31)


def candidate_order(c: EventCandidate) -> tuple:
    return (
        c.article_id, c.sentence_id, c.trigger, c.event_type, c.event_mode or "",
        c.sources, c.targets, c.participants, c.mediators, c.date_text or "",
        c.location_mention_id or "", c.evidence, c.confidence,
    )


def make_reports(
    candidates: list[EventCandidate], entity_of: Mapping[str, str], dates: Mapping[str, date | None]
) -> list[Report]:
    reports: list[Report] = []
    for position, c in enumerate(candidates):
        roles: dict[str, list[str]] = {r: [] for r in ROLES}
        seen: set[str] = set()
        place = entity_of.get(c.location_mention_id) if c.location_mention_id else None
        by_role = (
            ("mediator", c.mediators), ("source", c.sources), ("target", c.targets), ("participant", c.participants),
        )
        for role, ids in by_role:
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
            Report(
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
