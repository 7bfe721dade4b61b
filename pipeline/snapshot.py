"""Which content of each article the corpus-level tables are built from.

A run reads the seeds folder when it plans (which partitions to extract), extracts, then
reads the folder again to build the tables. A file written in between has no extraction
of its new content. Instead of failing the run for every other article, the tables use
the content that was extracted for it (what the planner saw) and a note says so; a file
that appeared after planning has no extraction at all and is left for the next run, with
a note too. The next run sees the new content as changed and extracts it. `refresh` also
plans again after extracting, so a file changed during extraction is normally caught up
within the same run; this module covers what changes after that.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.nlp.ingest import DecodedArticle
from pipeline.storage import ExtractionCache


@dataclass
class Snapshot:
    """`extracted`: (article_id, content_sha256) of the extraction each table row comes from."""

    extracted: list[tuple[str, str]] = field(default_factory=list)
    notes: list[dict] = field(default_factory=list)


def settle(articles: list[DecodedArticle], cache: ExtractionCache, version: str) -> Snapshot:
    snapshot = Snapshot()
    for article in articles:
        seed = article.seed
        if cache.is_current(seed.article_id, seed.content_sha256, version):
            snapshot.extracted.append((seed.article_id, seed.content_sha256))
            continue
        earlier = cache.extracted_content(seed.article_id, version)
        if earlier is not None:
            snapshot.extracted.append((seed.article_id, earlier))
            message = ("changed after it was extracted; the tables show the content extracted before, "
                       "the next run takes the new content")
        else:
            message = "appeared or changed during the run and has no extraction yet; the next run adds it"
        snapshot.notes.append({"source_file": seed.source_file, "kind": "changed_during_run", "message": message})
    return snapshot
