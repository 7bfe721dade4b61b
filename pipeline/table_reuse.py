"""The rows of unchanged articles, taken from the last build's Parquet files instead of
being rebuilt, so that a rerun after one edit lays out only what the edit touched.

An article's rows in the per-article tables (articles, sentences, mentions, quotes) are a
function of its cached extraction and of what resolution decided about it: each mention's
entity and how it was linked, the speaker entity of each quote (a mention of the same
article), and a publication date taken from an event (`event_link`). So they are reused
when the extraction is the one they were built from (same content hash and
`processed_at`), every mention of the article keeps its entity and resolution, and a date
taken from an event is the same as before; and only when the last build was made by the same
code and extractors (a digest recorded beside the files after each complete build), in a
local data folder.
Everything else is built again from the cache. Entity and event resolution run over every
article when what they read changed (their ids depend on the whole corpus), and a
corpus-wide table whose rows come out as in its file from the last build (`unchanged`) is
left as it is. When what they read is what the last complete build resolved (an edit that
changes no mention, event candidate or stance, nor the article's date or outlet: the digest
of pass 1, `resolution_key`), resolution is not run at all: its tables (`RESOLVED_TABLES`)
stand as written, and the articles laid out again take each mention's link and a date taken
from an event from the last build's rows (`resolution_of`).
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline import cache_format, schemas
from pipeline.nlp.corpus import ARTICLE_TABLES, SORT_KEYS, CorpusResolution, links_of
from pipeline.nlp.event_resolution import EventResolution
from pipeline.passed import file_digest_or_none
from pipeline.storage import InputsMarker, opened_parquet, table_path

SCAN_ROWS = 65_536

RESOLVED_TABLES = ("entities", "events", "event_participants", "event_mentions", "stances", "issues")
"""The tables resolution makes whole (`CorpusResolution.tables`)."""


def marker(data_dir: Path) -> InputsMarker:
    return InputsMarker(data_dir / "parquet" / "article_tables.sha256")


def resolution_marker(data_dir: Path) -> InputsMarker:
    """The `resolution_key` of the last complete build; removed while a build writes."""
    return InputsMarker(data_dir / "parquet" / "resolution.sha256")


def resolution_key(data_dir: Path, inputs_digest: str) -> str | None:
    """What resolution read (`table_build.ResolutionInputs.digest`) and the bytes of the
    tables it made, as they are on disk: a table written since by anything else does not
    stand for this build's resolution. None when a table cannot be read."""
    files = [(table, file_digest_or_none(table_path(data_dir, table))) for table in RESOLVED_TABLES]
    if any(digest is None for _, digest in files):
        return None
    return "\n".join([inputs_digest, *(f"{table} {digest}" for table, digest in files)])


def code_digest(version: str, *modules) -> str:
    """The extractors' version (which covers `pipeline/nlp/corpus.py`) and the source of the
    modules that read the cache, lay the rows out and validate them."""
    digest = hashlib.sha256(version.encode())
    for module in (cache_format, schemas, *modules):
        digest.update(inspect.getsource(module).encode())
    return digest.hexdigest()


class PreviousTables:
    """The per-article tables of the last complete build, when made by the same code."""

    def __init__(self, data_dir: Path, digest: str):
        self.data_dir = data_dir
        self.paths = {t: table_path(data_dir, t) for t in ARTICLE_TABLES}
        self.valid = marker(data_dir).matches(digest, *self.paths.values())

    def unchanged(self, table: str, rows: pd.DataFrame) -> bool:
        """Whether a corpus-wide table (entities, events, ...) built now holds exactly the rows
        of its file from the last build, which were validated then: an edit that touches no
        entity or event leaves those files as they are, unvalidated and unwritten again. (The
        blocking contract checks validate every file after the step all the same.)"""
        path = table_path(self.data_dir, table)
        if not self.valid or not path.is_file():
            return False
        schema = schemas.TABLES[table][1]
        try:
            new = pa.Table.from_pandas(rows[schema.names], schema=schema, preserve_index=False)
        except (KeyError, ValueError, TypeError, pa.ArrowException):
            return False  # not even of the table's types: validation will say what is wrong
        with opened_parquet(path) as source:
            old = pq.read_table(source)
        return old.schema.equals(schema) and old.equals(new)

    def same_extractions(self, extracted: Mapping[str, str], processed: Mapping[str, datetime]) -> set[str]:
        """The articles whose rows were built from the extraction they have now (content hash
        and `processed_at`): all that decides whether they can be taken over when resolution
        decided as in the last build."""
        if not self.valid:
            return set()
        return set(self._same_extractions(extracted, processed, None))

    def _same_extractions(
        self, extracted: Mapping[str, str], processed: Mapping[str, datetime], linked: Mapping | None
    ) -> list[str]:
        columns = ["article_id", "content_sha256", "processed_at", "published_date", "published_date_source"]
        with opened_parquet(self.paths["articles"]) as source:
            old = pq.read_table(source, columns=columns).to_pydict()
        return [
            article_id
            for article_id, sha, at, published, source in zip(*(old[c] for c in columns), strict=True)
            if extracted.get(article_id) == sha and processed.get(article_id) == at
            and (linked is None or (linked.get(article_id) == published if source == "event_link"
                                    else published is not None or article_id not in linked))
        ]

    def resolution_of(self, article_ids: set[str]) -> CorpusResolution:
        """What laying out these articles reads of resolution (each mention's entity and how it
        was linked, a date taken from an event), as the last build's rows hold it: for a build
        whose resolution decided as the last one's. A mention without a row had no link."""
        links: dict[str, tuple[str, str]] = {}
        dates = {}
        if article_ids:
            found = self.rows("mentions", article_ids).select(["mention_id", "entity_id", "resolution"]).to_pydict()
            links = {m: (e, how) for m, e, how in zip(found["mention_id"], found["entity_id"], found["resolution"],
                                                      strict=True)}
            found = self.rows("articles", article_ids).select(
                ["article_id", "published_date", "published_date_source"]).to_pydict()
            dates = {a: published for a, published, source in zip(
                found["article_id"], found["published_date"], found["published_date_source"], strict=True)
                if source == "event_link"}
        return CorpusResolution(links, [], EventResolution(article_dates=dates), [], [])

    def reusable(
        self, extracted: Mapping[str, str], processed: Mapping[str, datetime], resolution: CorpusResolution
    ) -> set[str]:
        """The articles whose rows can be taken over (see the module docstring)."""
        if not self.valid:
            return set()
        keep = set(self._same_extractions(extracted, processed, resolution.events.article_dates))
        columns = ["article_id", "mention_id", "entity_id", "resolution"]
        with opened_parquet(self.paths["mentions"]) as source:
            for batch in pq.ParquetFile(source).iter_batches(batch_size=SCAN_ROWS, columns=columns):
                rows = batch.to_pydict()
                links = links_of(resolution.links, rows["mention_id"])
                for article_id, entity_id, how, link in zip(
                    rows["article_id"], rows["entity_id"], rows["resolution"], links, strict=True
                ):
                    if link != (entity_id, how) and article_id in keep:
                        keep.discard(article_id)
        return keep

    def rows(self, table: str, article_ids: Iterable[str]) -> pa.Table:
        """The rows of these articles, as written: only the row groups whose article ids (by
        their statistics) can hold one of them are read; the last build wrote a row group per
        batch of articles in article order, as this one reads them."""
        wanted = sorted(article_ids)
        schema = schemas.TABLES[table][1]
        with opened_parquet(self.paths[table]) as source:
            parquet = pq.ParquetFile(source)
            groups = _row_groups_between(parquet.metadata, "article_id", wanted[0], wanted[-1]) if wanted else []
            found = parquet.read_row_groups(groups, columns=schema.names) if groups else schema.empty_table()
        found = found.filter(pc.is_in(found["article_id"], value_set=pa.array(wanted, type=pa.string())))
        return found if found.schema.equals(schema) else found.cast(schema)


def _row_groups_between(metadata: pq.FileMetaData, column: str, low: str, high: str) -> list[int]:
    """The row groups whose `column` may hold a value in [low, high] (every one without statistics)."""
    index = next((i for i in range(metadata.num_columns) if metadata.schema.column(i).path == column), None)
    groups = []
    for group in range(metadata.num_row_groups):
        stats = metadata.row_group(group).column(index).statistics if index is not None else None
        if stats is None or not stats.has_min_max or not (stats.max < low or stats.min > high):
            groups.append(group)
    return groups


def in_table_order(table: str, reused: pa.Table | None, new: pa.Table | None) -> pa.Table:
    """Reused and new rows of one batch of articles, in the table's order."""
    parts = [p for p in (reused, new) if p is not None and p.num_rows]
    if not parts:
        return schemas.TABLES[table][1].empty_table()
    if len(parts) == 1 and reused is None:
        return parts[0]  # built now, already in order
    return pa.concat_tables(parts).sort_by([(key, "ascending") for key in SORT_KEYS[table]])
