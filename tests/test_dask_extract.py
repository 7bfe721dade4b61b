"""Extraction on a Dask cluster (two worker processes): the same tables, ids included, as
the fork pool; a worker killed mid-run does not lose its chunk."""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from pipeline.nlp.seed_folder import load_articles, survey
from pipeline.nlp.version import extractor_version
from pipeline.schemas import TABLES
from pipeline.storage import ExtractionCache, read_table
from tests.conftest import SEEDS, run_pipeline
from tests.services import unavailable

pytestmark = pytest.mark.slow  # two spaCy worker processes and whole pipeline runs

BBC = SEEDS.parent.parent / "shared" / "corpora" / "bbc-news"
BBC_ARTICLES = int(os.environ.get("NEWSEVENTS_TEST_BBC_ARTICLES", "100"))
"""BBC articles beside the seeds, spread over the categories (fewer by hand for a quick look)."""
KILL_TEST_ARTICLES = 14
"""Articles of the killed-worker test, one chunk each: enough for a chunk to be running when
the worker dies, few enough that the survivor redoes them quickly."""
RUN_TIME_COLUMNS = {"processed_at", "detected_at"}
"""Columns that record when a run happened, not what it found."""


@pytest.fixture(scope="module")
def cluster():
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        unavailable(f"distributed is not installed: {error}")
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local,
        Client(local, set_as_default=False) as client,  # as the asset does: no default client to lean on
    ):
        yield local, client


def bbc_files(n: int) -> list[Path]:
    files = sorted(BBC.glob("*/*.txt"))
    if len(files) < n:
        unavailable(f"the BBC corpus is not at {BBC}")
    return files[:: max(1, len(files) // n)][:n]


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("seeds")
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    for path in bbc_files(BBC_ARTICLES):
        shutil.copy(path, folder / f"bbc-{path.parent.name}-{path.name}")
    return folder


def comparable(data: Path, table: str) -> pd.DataFrame:
    frame = read_table(data, table)
    frame = frame.drop(columns=[c for c in frame.columns if c in RUN_TIME_COLUMNS])
    frame = frame.map(lambda v: repr(v.tolist()) if hasattr(v, "tolist") else repr(v))
    return frame.sort_values(list(frame.columns)).reset_index(drop=True)


def test_cluster_tables_equal_fork_pool_tables(cluster, seeds, tmp_path, monkeypatch):
    local, _ = cluster
    monkeypatch.setenv("NEWSEVENTS_N_PROCESS", "2")
    monkeypatch.delenv("NEWSEVENTS_DASK_SCHEDULER", raising=False)
    assert run_pipeline(seeds, tmp_path / "fork").success

    monkeypatch.setenv("NEWSEVENTS_DASK_SCHEDULER", local.scheduler_address)
    outcome = run_pipeline(seeds, tmp_path / "dask")
    assert outcome.success
    extracted_on = {
        m.metadata["extracted_on"].value for r in outcome.results for m in r.asset_materializations_for_node(
            "article_extractions"
        )
    }
    assert extracted_on == {f"Dask cluster at {local.scheduler_address}"}

    articles = read_table(tmp_path / "dask", "articles")
    assert len(articles) == len(list(seeds.glob("*.txt")))
    for table in TABLES:
        pd.testing.assert_frame_equal(comparable(tmp_path / "fork", table), comparable(tmp_path / "dask", table))


def test_chunk_of_a_killed_worker_is_redone(cluster, seeds, tmp_path):
    from pipeline.dask_extract import ModelPreload, extract_on_cluster

    _, client = cluster
    client.register_plugin(ModelPreload(), name="newsevents-model")
    articles = list(load_articles(survey(seeds).articles))[:KILL_TEST_ARTICLES]
    version, data = extractor_version(), tmp_path / "data"
    pids = client.run(os.getpid)
    outcome: dict = {}

    def run() -> None:
        try:
            when = datetime(2026, 1, 1)
            outcome["done"] = extract_on_cluster(client, articles, when, str(data), version, chunk_size=1)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    victim = None
    deadline = time.monotonic() + 120
    while victim is None and time.monotonic() < deadline:
        busy = [address for address, tasks in client.processing().items() if tasks]
        victim = busy[0] if busy else None
        time.sleep(0.05)
    assert victim is not None, "no chunk ever started"
    os.kill(pids[victim], signal.SIGKILL)
    thread.join(timeout=600)

    assert "error" not in outcome, outcome.get("error")
    assert outcome["done"] == len(articles)
    assert victim not in client.scheduler_info(n_workers=-1)["workers"]  # it really died
    cache = ExtractionCache(data)
    assert all(cache.is_current(a.seed.article_id, a.seed.content_sha256, version) for a in articles)
