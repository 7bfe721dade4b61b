"""Event candidates in one article (placeholder until the event extractor lands)."""

from __future__ import annotations

from pipeline.nlp.records import ArticleContext, EventCandidate, Mention


def detect_events(ctx: ArticleContext, mentions: list[Mention]) -> list[EventCandidate]:
    return []
