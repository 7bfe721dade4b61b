"""Extraction fanned out to a Dask cluster, for corpora one machine cannot parse in time.

When NEWSEVENTS_DASK_SCHEDULER names a scheduler, `article_extractions` hands chunks of
articles to this module instead of the fork pool. Each task parses and extracts one chunk
with the same code as a fork-pool worker (`extract_batch`) and writes the results to the
shared extraction cache itself, so only a count travels back; the corpus-level assets read
the cache as they always do, and the tables come out the same.

- The model is loaded once per worker process (a worker plugin preloads it when the worker
  starts or joins, and `load_nlp` keeps it), not once per task.
- A task whose worker dies is rescheduled by the Dask scheduler on another worker; a task
  that raises is retried `RETRIES` times. Writes are per article and atomic, so a chunk
  done twice leaves the same cache.
- Workers must reach the same data folder: the same path on one machine or a shared mount,
  or an s3:// address (`NEWSEVENTS_DATA_DIR`), and run with the same model setting.

Imported only when a scheduler is configured, so the embedded default never loads Dask.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterator
from datetime import datetime

from distributed import Client, WorkerPlugin, as_completed

from pipeline import settings
from pipeline.nlp.extract import BATCH_SIZE, extract_batch
from pipeline.nlp.ingest import DecodedArticle
from pipeline.nlp.model import load_nlp

RETRIES = 2
"""Retries of a chunk that raised; a chunk whose worker died is rescheduled by the
scheduler itself (up to its `distributed.scheduler.allowed-failures`)."""
PLUGIN_NAME = "newsevents-model"


class ModelPreload(WorkerPlugin):
    """Load the spaCy model when a worker starts, so the first chunk does not wait for it
    and every later chunk in that process reuses it."""

    def setup(self, worker) -> None:
        load_nlp()


def extract_chunk(
    articles: list[DecodedArticle], processed_at: datetime, data_dir: str, version: str, model: str
) -> int:
    """Run on a worker: parse and extract `articles`, write each to the cache, return how many."""
    from pipeline.storage import ExtractionCache

    if settings.spacy_model_name() != model:
        raise RuntimeError(f"this worker would parse with {settings.spacy_model_name()}, the run with {model}")
    cache = ExtractionCache(settings.data_path(data_dir))
    extractions = extract_batch(articles, processed_at)
    for extraction in extractions:
        cache.put(extraction, version)
    return len(extractions)


@contextlib.contextmanager
def connect(address: str) -> Iterator[Client]:
    """A client of the scheduler at `address`, its workers given the model plugin."""
    with Client(address, set_as_default=False) as client:
        client.register_plugin(ModelPreload(), name=PLUGIN_NAME)
        yield client


def chunk_key(articles: list[DecodedArticle], processed_at: datetime) -> str:
    """A task key naming the chunk's articles (the dashboard tells chunks apart)."""
    digest = hashlib.sha1(processed_at.isoformat().encode())
    for article in articles:
        digest.update(f"{article.seed.article_id}\0{article.seed.content_sha256}\0".encode())
    return f"extract-chunk-{digest.hexdigest()[:16]}"


def extract_on_cluster(
    client: Client,
    articles: list[DecodedArticle],
    processed_at: datetime,
    data_dir: str,
    version: str,
    on_progress: Callable[[int, int], None] | None = None,
    chunk_size: int = BATCH_SIZE,
) -> int:
    """Extract `articles` on the cluster into the cache at `data_dir`; the number written.

    The first chunk that still fails after its retries raises here: the run fails, and a
    rerun skips every chunk already in the cache."""
    model = settings.spacy_model_name()
    chunks = [articles[i : i + chunk_size] for i in range(0, len(articles), chunk_size)]
    futures = [
        client.submit(
            extract_chunk, chunk, processed_at, data_dir, version, model,
            key=chunk_key(chunk, processed_at), retries=RETRIES, pure=False,
        )
        for chunk in chunks
    ]
    done = 0
    for future in as_completed(futures, loop=client.loop):
        done += future.result()
        if on_progress:
            on_progress(done, len(articles))
    return done
