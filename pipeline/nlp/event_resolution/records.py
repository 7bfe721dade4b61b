"""What resolution takes about each article, and what it returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


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
