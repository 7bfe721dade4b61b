"""From per-article records to the contract's tables: the cross-article step.

Entity resolution and event deduplication need every article at once; everything
else is a projection of the per-article records onto the table columns. So the step
is two halves: `resolve_corpus` over what resolution reads of every article (mentions,
event candidates, stances, each article's date and outlet), then `article_rows`, one
article at a time, for the tables that hold the articles' own records (articles,
sentences, mentions, quotes). `build_tables` does both in memory (the gold-set
evaluation, tests); `pipeline.table_build` streams the second half from the cache so
memory does not grow with the corpus's text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

import pandas as pd

from pipeline.nlp.collection_rows import RowRejection
from pipeline.nlp.entity_resolution import resolve_entities
from pipeline.nlp.entity_resolution.known_people import KnownPeople
from pipeline.nlp.entity_resolution.table import MentionTable
from pipeline.nlp.event_resolution import ArticleInfo, EventResolution, resolve_events
from pipeline.nlp.ingest import DecodedArticle, Rejection
from pipeline.nlp.records import ArticleExtraction, EventCandidate, Mention, Stance, field_reader
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

ARTICLE_TABLES = ("articles", "sentences", "mentions", "quotes")
"""Tables whose rows each belong to one article and sort by article_id first: they can be
laid out one article at a time, in article order."""


def stable_id(prefix: str, *parts: object) -> str:
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}-{digest}"


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """Rows laid out with the table's columns, in the table's order."""
    columns = TABLES[table][1].names
    result = pd.DataFrame(rows, columns=columns)
    if result.empty:
        return result
    return result.sort_values(SORT_KEYS[table], kind="stable").reset_index(drop=True)


@dataclass
class CorpusResolution:
    """What the cross-article step decides: each mention's entity, the entities, the
    events, the stances with their issues, and the dates undated articles take from events."""

    links: Mapping[str, tuple[str, str]]  # mention_id -> (entity_id, resolution); a `Links`
    entities: list[dict]
    events: EventResolution
    stances: list[dict]
    issues: list[dict]

    def entity_of(self, mention_id: str | None) -> str | None:
        link = self.links.get(mention_id) if mention_id else None
        return link[0] if link else None

    def tables(self, release: bool = False) -> dict[str, pd.DataFrame]:
        """The tables resolution makes whole (not one article at a time). With `release`,
        each table's rows are let go as soon as it is framed, so a large corpus never holds
        every table twice (as dicts and as frames); what is left is what the per-article
        tables read (the links, the dates articles take from events)."""
        sources = {
            "entities": self.entities,
            "events": self.events.events,
            "event_participants": self.events.participants,
            "event_mentions": self.events.mentions,
            "stances": self.stances,
            "issues": self.issues,
        }
        framed = {}
        for table, rows in sources.items():
            framed[table] = frame(table, rows)
            if release:
                rows.clear()
        return framed


def resolve_corpus(
    mentions: list[Mention] | MentionTable,
    candidates: Iterable[EventCandidate],
    infos: dict[str, ArticleInfo],
    stances: Iterable[Stance],
    people: KnownPeople | None = None,
) -> CorpusResolution:
    """Entities, events and issues across articles; `infos` holds each article's own
    published date and outlet, in article order. `mentions` (records, or an `ordered`
    `MentionTable`) is emptied once the entities are resolved: nothing after reads them,
    and for a large corpus they are most of the memory."""
    resolution = resolve_entities(mentions, people=people)
    mentions.clear()
    links = resolution.links
    entity_of = _EntityOf(links)
    names = {row["entity_id"]: row["name"] for row in resolution.entities}
    events = resolve_events(candidates, entity_of, infos, entity_names=names, entities=resolution.entities)
    stance_rows, issues = _with_issues(_stance_rows(stances, entity_of))
    return CorpusResolution(links, resolution.entities, events, stance_rows, issues)


class _EntityOf(Mapping):
    """mention_id -> entity_id, read through the links (a copy would be as large again)."""

    def __init__(self, links: Mapping[str, tuple[str, str]]):
        self._links = links

    def __getitem__(self, mention_id: str) -> str:
        return self._links[mention_id][0]

    def get(self, mention_id, default=None):
        link = self._links.get(mention_id)
        return link[0] if link else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._links)

    def __len__(self) -> int:
        return len(self._links)


def article_rows(extraction: ArticleExtraction, resolution: CorpusResolution) -> dict[str, list[dict]]:
    """One article's rows of the `ARTICLE_TABLES`, given what resolution decided."""
    article = dict(extraction.article)
    links = resolution.links  # an untied title no one holds has no link, and no row
    linked_date = resolution.events.article_dates.get(article["article_id"])
    if linked_date is not None and article["published_date"] is None:
        article.update(published_date=linked_date, published_date_source="event_link")
    mentions = extraction.mentions
    found = links_of(links, [m.mention_id for m in mentions])
    return {
        "articles": [article],
        "sentences": [{"article_id": article["article_id"], **_flat_dict(s)} for s in extraction.sentences],
        "mentions": [_mention_row(m, link) for m, link in zip(mentions, found, strict=True) if link],
        "quotes": [_quote_row(q, resolution) for q in extraction.quotes],
    }


def links_of(links: Mapping[str, tuple[str, str]], mention_ids: list[str]) -> list[tuple[str, str] | None]:
    """Each id's link (None for an unlinked one): in one lookup where the links are
    resolution's `Links` (one search of its sorted keys costs about what a search per id does)."""
    get_many = getattr(links, "get_many", None)
    if get_many is not None:
        return get_many(mention_ids)
    return [links.get(mention_id) for mention_id in mention_ids]


def article_info(article: dict) -> ArticleInfo:
    return ArticleInfo(article["published_date"], article["outlet"])


def file_tables(
    rejections: list[Rejection],
    detected_at: datetime,
    notes: list[dict] | None = None,
    row_rejections: list[RowRejection] | None = None,
) -> dict[str, pd.DataFrame]:
    """The tables about the seeds folder's files: rejected files and rows, ingest notes."""
    return {
        "rejected_files": frame("rejected_files", [{**asdict(r), "detected_at": detected_at} for r in rejections]),
        "rejected_rows": frame(
            "rejected_rows", [{**asdict(r), "detected_at": detected_at} for r in row_rejections or []]
        ),
        "ingest_notes": frame("ingest_notes", list(notes or [])),
    }


def extracted_tables(
    articles: list[DecodedArticle], rejections: list[Rejection], n_process: int = 1
) -> dict[str, pd.DataFrame]:
    """The pipeline core without Dagster: every article extracted and the tables built, at one
    timestamp (`make eval`, the corpus benchmarks and the developer scripts run it on a folder's
    `ingest`)."""
    from pipeline.nlp.extract import (
        extract_articles,  # deferred: the table step reads this module without the extractors
    )

    now = datetime.now(UTC).replace(tzinfo=None)
    return build_tables(list(extract_articles(articles, now, n_process)), rejections, now)


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
    resolution = resolve_corpus(
        [m for x in extractions for m in x.mentions],
        [c for x in extractions for c in x.events],
        {x.article["article_id"]: article_info(x.article) for x in extractions},
        [s for x in extractions for s in x.stances],
    )
    rows: dict[str, list[dict]] = {table: [] for table in ARTICLE_TABLES}
    for extraction in extractions:
        for table, found in article_rows(extraction, resolution).items():
            rows[table].extend(found)
    tables = {table: frame(table, found) for table, found in rows.items()}
    tables.update(resolution.tables())
    tables.update(file_tables(rejections, detected_at, notes, row_rejections))
    return {table: tables[table] for table in SORT_KEYS}


def _mention_row(mention, link: tuple[str, str]) -> dict:
    entity_id, how = link
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


def _flat_dict(record) -> dict:
    """`asdict` of a record whose fields hold plain values (strings, numbers, None), which
    `asdict` only copies, recursing through each (a sixth of laying out the article rows)."""
    names, values = field_reader(type(record))
    return dict(zip(names, values(record), strict=True))


def _quote_row(quote, resolution: CorpusResolution) -> dict:
    row = _flat_dict(quote)
    row["speaker_entity_id"] = resolution.entity_of(row.pop("speaker_mention_id"))
    return row


def _stance_rows(stances: Iterable[Stance], entity_of: Mapping[str, str]) -> list[dict]:
    rows: dict[str, dict] = {}
    for stance in stances:
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
    stances, issues = _with_issues(rows)
    return {"stances": frame("stances", stances), "issues": frame("issues", issues)}


def _with_issues(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """The stance rows with their issue filled in, and the issue rows."""
    refs = [
        StanceRef(
            r["stance_id"], r["article_id"], r["holder_entity_id"], r["target"], r["target_entity_id"], r["polarity"]
        )
        for r in rows
    ]
    issues, assigned = group_issues(refs, lambda key: stable_id("is", key))
    for row in rows:
        row["issue_id"], row["issue_polarity"] = assigned[row["stance_id"]]
    issue_rows = [
        {**asdict(issue), "keywords": list(issue.keywords), "aliases": list(issue.aliases)} for issue in issues
    ]
    return rows, issue_rows
