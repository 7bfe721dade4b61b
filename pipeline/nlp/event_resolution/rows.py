"""Clusters to rows: events (date, place, mode, id, confidence), participants and mentions."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date

from pipeline.nlp.dates import DAY
from pipeline.nlp.event_resolution.clusters import Cluster
from pipeline.nlp.event_resolution.constants import PRECISION_RANK, ROLES
from pipeline.nlp.event_resolution.entities import KnownEntities
from pipeline.nlp.event_resolution.records import ArticleInfo, EventResolution
from pipeline.nlp.event_resolution.reports import Report
from pipeline.nlp.event_resolution.roles import final_roles
from pipeline.nlp.event_resolution.summary import mediator_word_of, summary_line


def _event_date(cluster: Cluster) -> tuple[date | None, str | None]:
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


def _confidence(cluster: Cluster, roles: dict[str, str], precision: str | None) -> float:
    base = max(r.candidate.confidence for r in cluster.reports)
    score = base + 0.05 * (len(cluster.reports) - 1) + 0.1 * (len(cluster.articles) - 1)
    role_set = set(roles.values())
    if ("source" in role_set and "target" in role_set) or list(roles.values()).count("participant") >= 2:
        score += 0.05
    if precision == DAY:
        score += 0.05
    return round(max(0.05, min(0.99, score)), 3)


def _text_position(report: Report) -> tuple:
    return (report.article_id, report.candidate.sentence_id, report.candidate.trigger)


def _tie_break(cluster: Cluster) -> list[tuple]:
    """Every report of a cluster, as sortable keys: a stable tie-break between look-alike events."""
    return sorted(
        (r.article_id, r.candidate.sentence_id, r.candidate.trigger, r.candidate.event_type) for r in cluster.reports
    )


def event_rows(
    clusters: list[Cluster], articles: Mapping[str, ArticleInfo], names: Mapping[str, str],
    known: KnownEntities, article_dates: dict[str, date],
) -> EventResolution:
    result = EventResolution(article_dates=dict(sorted(article_dates.items())))
    used: dict[str, int] = {}
    drafted = []
    for cluster in clusters:
        roles = final_roles(cluster, known)
        event_date, precision = _event_date(cluster)
        place = _most_common(r.place for r in cluster.reports)
        mode = _most_common(r.candidate.event_mode for r in cluster.reports)
        if cluster.event_type == "CONSULT" and "mediator" in roles.values():
            mode = "third-party"
        cameo = _most_common(r.candidate.cameo_root for r in cluster.reports)
        first = min(cluster.reports, key=_text_position)
        types = Counter(r.candidate.event_type for r in cluster.reports)
        # a type family's event takes its most reported type (the first report's on a tie)
        cluster.event_type = min(types, key=lambda t: (-types[t], t != cluster.event_type, t))
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
                "summary": summary_line(
                    cluster.event_type, mode, roles, place, event_date, precision, names,
                    mediator_word_of(cluster), known,
                ),
                "n_articles": len(cluster.articles),
                "n_outlets": len(outlets),
                "confidence": _confidence(cluster, roles, precision),
            }
        )
        for entity, role in sorted(roles.items(), key=lambda kv: (ROLES.index(kv[1]), kv[0])):
            result.participants.append({"event_id": event_id, "entity_id": entity, "role": role})
        seen: set[tuple[str, int]] = set()
        for report in sorted(cluster.reports, key=_text_position):
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
                    "link_reason": report.link_reason,
                }
            )
    result.events.sort(key=lambda e: e["event_id"])
    return result
