"""Entity mentions in one article (placeholder until the entity extractor lands)."""

from __future__ import annotations

from pipeline.nlp.records import ArticleContext, Mention


def detect_mentions(ctx: ArticleContext) -> list[Mention]:
    return []
