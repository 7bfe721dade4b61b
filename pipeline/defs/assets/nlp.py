"""Parse and extract the articles of the requested partitions (one partition per seed file)."""


import time
from datetime import UTC, datetime

from dagster import (
    AssetExecutionContext,
    BackfillPolicy,
    MaterializeResult,
    MetadataValue,
    asset,
)

from pipeline import settings
from pipeline.defs.partitions import ARTICLE_PARTITIONS, files_keys, partition_key
from pipeline.defs.resources import NewsPaths
from pipeline.nlp.extract import extract_articles
from pipeline.nlp.ingest import ingest
from pipeline.nlp.version import extractor_version
from pipeline.storage import ExtractionCache, remove_abandoned_temp_files


@asset(
    group_name="nlp",
    kinds={"spacy", "python"},
    owners=["team:newsevents"],
    tags={"layer": "raw"},
    partitions_def=ARTICLE_PARTITIONS,
    backfill_policy=BackfillPolicy.single_run(),
    code_version=extractor_version(),
    description=(
        "One partition per seed file. Runs the spaCy parse plus every per-article extractor "
        "(mentions, quotes, stances, event candidates) on the requested articles, all of a run's "
        "partitions in one batch; an article whose content and extractors are unchanged reuses its "
        "cached results and keeps its processed_at. Files that cannot be ingested are reported "
        "with the reason; what ingest noticed about accepted files (damaged bytes, sidecar "
        "problems) is listed under ingest_notes here and in the ingest_notes table."
    ),
)
def article_extractions(context: AssetExecutionContext, paths: NewsPaths) -> MaterializeResult:
    started = time.perf_counter()
    for leftover in remove_abandoned_temp_files(paths.data):
        context.log.info(f"removed {leftover}, left behind by an interrupted run")
    requested = set(context.partition_keys)
    # The whole folder is read so that "duplicate of" is judged against every file.
    articles, rejections = ingest(paths.seeds)
    articles = [a for a in articles if partition_key(a.seed.source_file) in requested]
    rejections = [r for r in rejections if partition_key(r.source_file) in requested]
    gone = requested - files_keys(articles, rejections)
    version = extractor_version()
    cache = ExtractionCache(paths.data)
    stale = cache.stale(articles, version)
    context.log.info(
        f"{len(requested)} partitions: {len(articles)} articles, {len(stale)} to (re)process, "
        f"{len(rejections)} rejected, {len(gone)} no longer in the seeds folder"
    )

    def report(done: int, total: int) -> None:
        rate = done / max(time.perf_counter() - started, 1e-9)
        context.log.info(f"processed {done}/{total} articles ({rate:.1f} articles/s)")

    processed_at = datetime.now(UTC).replace(tzinfo=None)
    for extraction in extract_articles(stale, processed_at, settings.n_process(), report):
        cache.put(extraction, version)
    return MaterializeResult(
        metadata={
            "articles": len(articles),
            "processed": len(stale),
            "reused": len(articles) - len(stale),
            "rejected": len(rejections),
            "no_longer_in_seeds": len(gone),
            "extractor_version": version,
            "rejections": MetadataValue.md(
                "\n".join(f"- `{r.source_file}`: {r.reason}" for r in rejections) or "none"
            ),
            "ingest_notes": MetadataValue.md(
                "\n".join(
                    f"- `{a.seed.source_file}` ({getattr(n, 'kind', 'other')}): {n}" for a in articles for n in a.notes
                )
                or "none"
            ),
            "seconds": round(time.perf_counter() - started, 2),
        }
    )
