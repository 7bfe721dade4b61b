"""Parse and extract every article that changed since the last run."""


import pickle
import time
from datetime import datetime, timezone

from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset

from pipeline import settings
from pipeline.nlp.extract import extract_articles
from pipeline.nlp.ingest import ingest
from pipeline.nlp.version import extractor_version
from pipeline.resources import NewsPaths
from pipeline.storage import ExtractionCache, atomic_path, remove_abandoned_temp_files


def manifest_path(paths: NewsPaths):
    return paths.data / "cache" / "manifest.pkl"


@asset(
    group_name="nlp",
    kinds={"spacy", "python"},
    owners=["team:newsevents"],
    tags={"layer": "raw"},
    description=(
        "Reads every seed file, rejects the ones that cannot be ingested, and runs the spaCy "
        "parse plus all per-article extractors (mentions, quotes, stances, event candidates) on "
        "new or changed articles only; unchanged articles reuse their cached results and keep "
        "their processed_at."
    ),
)
def article_extractions(context: AssetExecutionContext, paths: NewsPaths) -> MaterializeResult:
    started = time.perf_counter()
    for leftover in remove_abandoned_temp_files(paths.data):
        context.log.info(f"removed {leftover}, left behind by an interrupted run")
    articles, rejections = ingest(paths.seeds)
    version = extractor_version()
    cache = ExtractionCache(paths.data)
    stale = [a for a in articles if not cache.is_current(a.seed.article_id, a.seed.content_sha256, version)]
    context.log.info(f"{len(articles)} articles, {len(stale)} to (re)process, {len(rejections)} rejected")

    def report(done: int, total: int) -> None:
        rate = done / max(time.perf_counter() - started, 1e-9)
        context.log.info(f"processed {done}/{total} articles ({rate:.1f} articles/s)")

    processed_at = datetime.now(timezone.utc).replace(tzinfo=None)
    for extraction in extract_articles(stale, processed_at, settings.n_process(), report):
        cache.put(extraction, version)
    removed = cache.prune({a.seed.article_id for a in articles})
    current = [(a.seed.article_id, a.seed.content_sha256) for a in articles]
    with atomic_path(manifest_path(paths)) as temp:
        temp.write_bytes(pickle.dumps((version, current, rejections), protocol=5))
    return MaterializeResult(
        metadata={
            "articles": len(articles),
            "processed": len(stale),
            "reused": len(articles) - len(stale),
            "removed": removed,
            "rejected": len(rejections),
            "extractor_version": version,
            "rejections": MetadataValue.md(
                "\n".join(f"- `{r.source_file}`: {r.reason}" for r in rejections) or "none"
            ),
            "seconds": round(time.perf_counter() - started, 2),
        }
    )
