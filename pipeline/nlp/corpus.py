"""From per-article records to the contract's tables: the cross-article step.

Entity resolution and event deduplication need every article at once; everything
else is a projection of the per-article records onto the table columns.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from datetime import datetime

import pandas as pd

from pipeline.nlp.collection_rows import RowRejection
from pipeline.nlp.entity_resolution import resolve_entities
from pipeline.nlp.event_resolution import ArticleInfo, resolve_events
from pipeline.nlp.ingest import Rejection
from pipeline.nlp.records import ArticleExtraction
from pipeline.nlp.stances.issues import StanceRef, group_issues
from pipeline.schemas import TABLES

SORT_KEYS = {
    "articles": ["article_id"],
    "sentences": ["article_id", "sentence_id"],
    "entities": ["entity_id"],
    "mentions": ["article_id", "char_start", "mention_id"],
    "events": ["event_id"],
    "event_participants": ["event_id", "role", "entity_id"],
    "event_mentions": ["event_id", "article_id", "sentence_id", "trigger"],
    "quotes": ["article_id", "char_start", "quote_id"],
    "stances": ["stance_id"],
    "issues": ["issue_id"],
    "rejected_files": ["source_file"],
    "rejected_rows": ["source_file", "row_number"],
    "ingest_notes": ["source_file", "kind", "message"],
}


def stable_id(prefix: str, *parts: object) -> str:
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}-{digest}"


def _frame(table: str, rows: list[dict]) -> pd.DataFrame:
    columns = TABLES[table][1].names
    frame = pd.DataFrame(rows, columns=columns)
    if frame.empty:
        return frame
    return frame.sort_values(SORT_KEYS[table], kind="stable").reset_index(drop=True)


def build_tables(
    extractions: list[ArticleExtraction],
    rejections: list[Rejection],
    detected_at: datetime,
    notes: list[dict] | None = None,
    row_rejections: list[RowRejection] | None = None,
) -> dict[str, pd.DataFrame]:
    """Resolve entities and events across articles and lay every table out; `notes` are
    the `ingest_notes` rows (source_file, kind, message), `row_rejections` the rejected
    rows of collections."""
    mentions = [m for x in extractions for m in x.mentions]
    resolution = resolve_entities(mentions)
    entity_of = {mention_id: entity for mention_id, (entity, _) in resolution.links.items()}
    names = {row["entity_id"]: row["name"] for row in resolution.entities}

    articles = {x.article["article_id"]: dict(x.article) for x in extractions}
    infos = {a: ArticleInfo(row["published_date"], row["outlet"]) for a, row in articles.items()}
    candidates = [c for x in extractions for c in x.events]
    events = resolve_events(candidates, entity_of, infos, entity_names=names, entities=resolution.entities)
    for article_id, linked_date in events.article_dates.items():
        if articles[article_id]["published_date"] is None:
            articles[article_id].update(published_date=linked_date, published_date_source="event_link")

    return {
        "articles": _frame("articles", list(articles.values())),
        "sentences": _frame(
            "sentences",
            [{"article_id": x.article["article_id"], **asdict(s)} for x in extractions for s in x.sentences],
        ),
        "entities": _frame("entities", resolution.entities),
        "mentions": _frame("mentions", [_mention_row(m, resolution.links) for m in mentions]),
        "events": _frame("events", events.events),
        "event_participants": _frame("event_participants", events.participants),
        "event_mentions": _frame("event_mentions", events.mentions),
        "quotes": _frame("quotes", [_quote_row(q, entity_of) for x in extractions for q in x.quotes]),
        **_stance_tables(_stance_rows(extractions, entity_of)),
        "rejected_files": _frame(
            "rejected_files", [{**asdict(r), "detected_at": detected_at} for r in rejections]
        ),
        "rejected_rows": _frame(
            "rejected_rows", [{**asdict(r), "detected_at": detected_at} for r in row_rejections or []]
        ),
        "ingest_notes": _frame("ingest_notes", list(notes or [])),
    }


def _mention_row(mention, links) -> dict:
    entity_id, how = links[mention.mention_id]
    return {
        "mention_id": mention.mention_id,
        "article_id": mention.article_id,
        "sentence_id": mention.sentence_id,
        "entity_id": entity_id,
        "surface": mention.surface,
        "char_start": mention.char_start,
        "char_end": mention.char_end,
        "ner_label": mention.ner_label,
        "resolution": how,
    }


def _quote_row(quote, entity_of) -> dict:
    row = asdict(quote)
    row["speaker_entity_id"] = entity_of.get(row.pop("speaker_mention_id"))
    return row


def _stance_rows(extractions: list[ArticleExtraction], entity_of: dict[str, str]) -> list[dict]:
    rows: dict[str, dict] = {}
    for extraction in extractions:
        for stance in extraction.stances:
            holder = entity_of.get(stance.holder_mention_id)
            stance_id = stable_id("st", stance.article_id, stance.sentence_id, holder, stance.target, stance.polarity)
            rows.setdefault(
                stance_id,
                {
                    "stance_id": stance_id,
                    "holder_entity_id": holder,
                    "target": stance.target,
                    "target_entity_id": entity_of.get(stance.target_mention_id),
                    "polarity": stance.polarity,
                    "score": float(stance.score),
                    "article_id": stance.article_id,
                    "sentence_id": stance.sentence_id,
                    "quote_id": stance.quote_id,
                    "evidence": stance.evidence,
                },
            )
    return list(rows.values())


def _stance_tables(rows: list[dict]) -> dict[str, pd.DataFrame]:
    """The stances with their issue, and the issues (pipeline/nlp/stances/issues.py)."""
    refs = [
        StanceRef(r["stance_id"], r["article_id"], r["holder_entity_id"], r["target"], r["target_entity_id"], r["polarity"])
        for r in rows
    ]
    issues, assigned = group_issues(refs, lambda key: stable_id("is", key))
    for row in rows:
        row["issue_id"], row["issue_polarity"] = assigned[row["stance_id"]]
    return {
        "stances": _frame("stances", rows),
        "issues": _frame(
            "issues",
            [{**asdict(issue), "keywords": list(issue.keywords), "aliases": list(issue.aliases)} for issue in issues],
        ),
    }
