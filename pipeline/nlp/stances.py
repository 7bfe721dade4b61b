"""Stances in one article (placeholder until the stance extractor lands)."""

from __future__ import annotations

from pipeline.nlp.records import ArticleContext, Mention, Quote, Stance


def extract_stances(ctx: ArticleContext, quotes: list[Quote], mentions: list[Mention]) -> list[Stance]:
    return []
