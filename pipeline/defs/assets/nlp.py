"""Parse and extract the articles of the requested partitions (one partition per seed file)."""

import contextlib
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

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
from pipeline.nlp import warm_worker
from pipeline.nlp.seed_folder import in_batches, load_articles, survey
from pipeline.nlp.version import extractor_version
from pipeline.storage import ExtractionCache, remove_abandoned_temp_files

EXTRACTION_WINDOW = warm_worker.EXTRACTION_WINDOW
"""Articles read ahead of those extracted, at most (texts in memory, per step)."""


@contextlib.contextmanager
def _cluster(context: AssetExecutionContext) -> Iterator[Any]:
    """A Dask client when NEWSEVENTS_DASK_SCHEDULER is set (workers extract and write the
    cache, see `pipeline.dask_extract`), else None and the fork pool does it."""
    address = settings.dask_scheduler()
    if not address:
        yield None
        return
    from pipeline.dask_extract import connect

    with connect(address) as client:
        workers = len(client.scheduler_info(n_workers=-1)["workers"])
        context.log.info(f"extracting on the Dask cluster at {address} ({workers} workers)")
        yield client


def _extracted(stale: list, processed_at: datetime, report) -> Iterable:
    """The extractions of the `stale` articles: by the warm worker when one was started for a
    small extraction (`warm_worker`: spaCy already loaded there), else here or by the fork
    pool, which reads the articles as it goes, at most `EXTRACTION_WINDOW` ahead."""
    if stale and len(stale) <= warm_worker.MAX_ARTICLES and warm_worker.waiting():
        window = list(load_articles(stale))
        with contextlib.suppress(warm_worker.WorkerUnavailable):
            extractions = warm_worker.extract(window, processed_at)
            report(len(extractions), len(window))
            return extractions
        return _extracted_here(window, len(window), processed_at, report)
    return _extracted_here(load_articles(stale), len(stale), processed_at, report)


def _extract_into(data: Path, articles: list, stale: list, version: str, processed_at: datetime, report) -> int:
    """Extract the `stale` ones of `articles` into the extraction cache under `data`; how
    many were extracted. A larger
    extraction goes to the warm worker when one is waiting (`warm_worker.extract_into_cache`:
    spaCy loaded there while this process started the run), as does any extraction when
    `make run` handed the worker one ahead, which this takes over; what it did not finish, if
    it ended without an answer, or did not cover, is extracted here."""
    cache = ExtractionCache(data)
    extracted = 0
    taking_over = bool(warm_worker.ahead_articles())
    if (len(stale) > warm_worker.MAX_ARTICLES or taking_over) and warm_worker.waiting():
        try:
            return warm_worker.extract_into_cache(
                stale, processed_at, settings.n_process(), str(data), version, EXTRACTION_WINDOW, report
            )
        except warm_worker.WorkerUnavailable:
            left = cache.stale(articles, version)
            extracted, stale = len(stale) - len(left), left
    for extraction in _extracted(stale, processed_at, report):
        cache.put(extraction, version)
        extracted += 1
    return extracted


def _extracted_here(articles: Iterable, total: int, processed_at: datetime, report) -> Iterable:
    from pipeline.nlp.extract import extract_articles  # spaCy: imported only when there is work for it

    return extract_articles(articles, processed_at, settings.n_process(), report, total, EXTRACTION_WINDOW)


@asset(
    group_name="nlp",
    kinds={"spacy", "python"},
    owners=["team:newsevents"],
    tags={"layer": "raw"},
    partitions_def=ARTICLE_PARTITIONS,
    backfill_policy=BackfillPolicy.single_run(),
    code_version=extractor_version(),
    description=(
        "One partition per seed file and per row of a collection (JSON Lines, CSV, Parquet). Runs "
        "the spaCy parse plus every per-article extractor (mentions, quotes, stances, event "
        "candidates) on the requested articles, all of a run's "
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
    # The whole folder is surveyed so that "duplicate of" and id clashes are judged against every file.
    inventory = survey(paths.seeds)
    articles = [a for a in inventory.articles if partition_key(a.seed.source_file) in requested]
    rejections = [r for r in inventory.rejections if partition_key(r.source_file) in requested]
    gone = requested - files_keys(articles, rejections)
    version = extractor_version()
    cache = ExtractionCache(paths.data)
    stale = cache.stale(articles, version)
    if ahead := warm_worker.handed_ahead(articles):  # extracted by this run, however far it got before it
        extracted_here = {id(a) for a in stale} | {id(a) for a in ahead}
        stale = [a for a in articles if id(a) in extracted_here]
    context.log.info(
        f"{len(requested)} partitions: {len(articles)} articles, {len(stale)} to (re)process, "
        f"{len(rejections)} rejected, {len(gone)} no longer in the seeds folder"
    )

    # An extraction `make run` handed the warm worker ahead of this run carries its own time.
    processed_at = warm_worker.ahead_processed_at() or datetime.now(UTC).replace(tzinfo=None)
    processed = 0
    with _cluster(context) as client:

        def report(done: int, total: int, before: int = 0) -> None:
            rate = (before + done) / max(time.perf_counter() - started, 1e-9)
            context.log.info(f"processed {before + done}/{len(stale)} articles ({rate:.1f} articles/s)")

        if client is not None:
            from pipeline.dask_extract import extract_on_cluster

            # Collection rows are read in windows, so the texts in memory do not grow with the collection.
            for window in in_batches(load_articles(stale), EXTRACTION_WINDOW):
                processed += extract_on_cluster(
                    client, window, processed_at, str(paths.data), version,
                    lambda done, total, before=processed: report(done, total, before),
                )
        else:
            processed = _extract_into(paths.data, articles, stale, version, processed_at, report)
    return MaterializeResult(
        metadata={
            "articles": len(articles),
            "processed": processed,
            "reused": len(articles) - len(stale),
            "rejected": len(rejections),
            "no_longer_in_seeds": len(gone),
            # Rejected rows have no partition: the count covers every collection (rows in the rejected_rows table).
            "rejected_collection_rows": len(inventory.row_rejections),
            "extractor_version": version,
            "extracted_on": f"Dask cluster at {address}" if (address := settings.dask_scheduler()) else "fork pool",
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
