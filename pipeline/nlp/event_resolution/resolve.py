"""The passes in order: reports, clustering, article dates, clustering again, rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from pipeline.nlp.dates import resolve_date
from pipeline.nlp.event_resolution.article_dates import infer_article_dates
from pipeline.nlp.event_resolution.clustering import cluster_reports
from pipeline.nlp.event_resolution.clusters import Cluster
from pipeline.nlp.event_resolution.entities import KnownEntities
from pipeline.nlp.event_resolution.records import ArticleInfo, EventResolution
from pipeline.nlp.event_resolution.reports import candidate_order, make_reports
from pipeline.nlp.event_resolution.rows import event_rows
from pipeline.nlp.records import EventCandidate


def resolve_events(
    candidates: Iterable[EventCandidate],
    entity_of: Mapping[str, str],
    articles: Mapping[str, ArticleInfo],
    entity_names: Mapping[str, str] | None = None,
    entities: Iterable[Mapping] | None = None,
) -> EventResolution:
    """Deduplicated events, their participants and mentions (see the module docstring)."""
    known = KnownEntities.build(entities)
    names = dict(entity_names or {})
    asserted = [c for c in candidates if c.modality == "asserted"]
    asserted.sort(key=candidate_order)
    dates = {aid: info.published_date for aid, info in articles.items()}

    reports = make_reports(asserted, entity_of, dates)
    clusters: list[Cluster] = []
    index: dict[tuple, list[int]] = defaultdict(list)
    home: dict[int, Cluster] = {}
    cluster_reports(reports, known, clusters, index, home)
    article_dates = infer_article_dates(clusters, articles)
    redo = [r for r in reports if r.article_id in article_dates and r.candidate.date_text]
    if redo:  # their relative dates ("on Tuesday") can be resolved now: place them again
        for report in redo:
            home[id(report)].remove(report)
            report.date, report.precision = resolve_date(report.candidate.date_text, article_dates[report.article_id])
        cluster_reports(redo, known, clusters, index, home)
    return event_rows([c for c in clusters if c.reports], articles, names, known, article_dates)
