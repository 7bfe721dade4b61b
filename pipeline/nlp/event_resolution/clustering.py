"""Greedy clustering of reports, compared only with clusters that share a blocking key."""

from __future__ import annotations

import itertools

from pipeline.nlp.dates import DAY
from pipeline.nlp.event_resolution.clusters import Cluster
from pipeline.nlp.event_resolution.constants import MAX_SCAN
from pipeline.nlp.event_resolution.entities import KnownEntities
from pipeline.nlp.event_resolution.reports import Report
from pipeline.nlp.event_resolution.scoring import ReportGroups, fit_score, link_reason


def _report_keys(report: Report, event_type: str, known: KnownEntities) -> set:
    """Blocking keys: a report is only compared with clusters sharing one of them.

    Each key stands for one way a merge can be justified (see `fit_score`): the same
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


def cluster_reports(
    reports: list[Report], known: KnownEntities, clusters: list[Cluster],
    index: dict[tuple, list[int]], home: dict[int, Cluster],
) -> None:
    """Greedy, in report order: each report joins its best compatible cluster or starts one."""
    for report in reports:
        event_type = report.family  # "convicted" and "jailed" are compared with each other
        keys = _report_keys(report, event_type, known)
        candidates: set[int] = set()
        for key in keys:
            bucket = index.get(key)
            if bucket:
                candidates.update(bucket[-MAX_SCAN:])
        best: tuple[float, int] | None = None
        groups = ReportGroups(report, known)
        fitting_dates: set = set()
        for number in sorted(candidates):
            score = fit_score(report, groups, clusters[number], known)
            if score is not None:
                fitting_dates.add(clusters[number].date)
            if score is not None and (best is None or score > best[0]):
                best = (score, number)
        # an undated report that fits events of different dates says nothing about its date
        report.ambiguous = report.date is None and len(fitting_dates - {None}) > 1
        if best is None:
            cluster = Cluster(len(clusters), report.candidate.event_type, known)
            clusters.append(cluster)
            report.link_reason = "first report"
        else:
            cluster = clusters[best[1]]
            report.link_reason = link_reason(report, groups, cluster, known)
        cluster.add(report)
        home[id(report)] = cluster
        for key in keys:
            if key not in cluster.keys:
                cluster.keys.add(key)
                index[key].append(cluster.number)
