"""Dates for undated articles, from the events they share with dated ones.

A date flows only through a link the dates do not contradict: the event's day must lie in
the week before a dated article that reports it, and the undated article's report must
not have fitted events of other dates as well (two convictions years apart: which one an
undated report is about says nothing about when it appeared)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from pipeline.nlp.dates import DAY
from pipeline.nlp.event_resolution.clusters import Cluster
from pipeline.nlp.event_resolution.constants import LINK_WINDOW
from pipeline.nlp.event_resolution.records import ArticleInfo


def infer_article_dates(clusters: list[Cluster], articles: Mapping[str, ArticleInfo]) -> dict[str, date]:
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
            if any(r.ambiguous for r in cluster.reports if r.article_id == article_id):
                continue  # its report fitted events of other dates too: no date flows through it
            if article_id not in found or cluster.date > found[article_id]:
                found[article_id] = cluster.date
    return found
