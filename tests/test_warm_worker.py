"""A small extraction handed to the warm worker (`pipeline.nlp.warm_worker`) yields the records
it yields in process, and a larger one, run by its fork pool, leaves those records in the
extraction cache; without a worker that answers, it is extracted in process."""

from __future__ import annotations

import os
import signal
from datetime import datetime

import pytest

from pipeline.nlp import warm_worker
from pipeline.nlp.extract import extract_batch
from pipeline.nlp.seed_folder import ingest_everything
from pipeline.storage import ExtractionCache
from tests.conftest import SEED_004, seed_text

NOW = datetime(2026, 3, 4, 5, 6, 7)


@pytest.fixture()
def articles(tmp_path):
    (tmp_path / f"{SEED_004}.txt").write_text(seed_text(SEED_004), encoding="utf-8")
    found, _, _ = ingest_everything(tmp_path)
    yield found
    warm_worker.stop()


def test_the_warm_worker_extracts_what_the_process_itself_extracts(articles):
    assert warm_worker.start() and warm_worker.waiting()
    assert not warm_worker.start()  # one at a time
    extracted = warm_worker.extract(articles, NOW)
    assert not warm_worker.waiting()  # it serves one extraction
    assert extracted == extract_batch(articles, NOW)
    assert extracted[0].article["processed_at"] == NOW and extracted[0].mentions


def test_without_a_worker_that_answers_the_caller_is_told(articles):
    with pytest.raises(warm_worker.WorkerUnavailable):
        warm_worker.extract(articles, NOW)
    warm_worker.start()
    process, _ = warm_worker._workers[0]
    os.kill(process.pid, signal.SIGKILL)
    process.join()
    with pytest.raises(warm_worker.WorkerUnavailable):
        warm_worker.extract(articles, NOW)
    assert not warm_worker.waiting()


def many_articles(folder, count: int):
    for n in range(count):
        (folder / f"extra-{n:02d}.txt").write_text(
            f"Extra {n}\n\nThe council met on Monday. Anna Berg, its chair, said the budget was late.\n",
            encoding="utf-8",
        )
    found, _, _ = ingest_everything(folder)
    return found


def test_a_larger_extraction_is_written_to_the_cache_by_the_workers_pool(tmp_path):
    seeds, data = tmp_path / "seeds", tmp_path / "data"
    seeds.mkdir()
    found = many_articles(seeds, warm_worker.MAX_ARTICLES + 9)
    cache = ExtractionCache(data)
    progress: list[tuple[int, int]] = []
    try:
        assert warm_worker.start()
        count = warm_worker.extract_into_cache(found, NOW, 2, str(data), "v1", 64, lambda *p: progress.append(p))
    finally:
        warm_worker.stop()
    assert count == len(found) and not warm_worker.waiting()
    assert progress[-1] == (len(found), len(found)) and len(progress) > 2  # batches that shrink near the end
    assert cache.stale(found, "v1") == []
    expected = extract_batch(found, NOW)
    assert [cache.get(a.seed.article_id, a.seed.content_sha256, "v1") for a in found] == expected


def test_an_unused_worker_is_stopped(articles):
    warm_worker.start()
    process, _ = warm_worker._workers[0]
    warm_worker.stop()
    assert not process.is_alive() and process.exitcode == 0 and not warm_worker.waiting()


@pytest.fixture()
def one_article_to_extract(tmp_path, monkeypatch):
    """A seeds folder of one article, and an empty data folder, named by the environment."""
    seeds, data = tmp_path / "seeds", tmp_path / "data"
    seeds.mkdir()
    (seeds / f"{SEED_004}.txt").write_text(seed_text(SEED_004), encoding="utf-8")
    monkeypatch.setenv("NEWSEVENTS_SEEDS_DIR", str(seeds))
    monkeypatch.setenv("NEWSEVENTS_DATA_DIR", str(data))
    monkeypatch.delenv("NEWSEVENTS_DASK_SCHEDULER", raising=False)
    return seeds


def test_make_run_starts_the_worker_before_dagster_when_it_runs(one_article_to_extract, monkeypatch):
    """`make run` forks the worker before it surveys the folder and imports Dagster (spaCy's
    load then runs beside the survey, Dagster's import, the instance and planning), whether
    or not an article is to be extracted, and stops an unused one whatever happens in the run
    (planning stops it when there is nothing to extract: tests/test_refresh_planning.py)."""
    from pipeline import cli

    seeds = one_article_to_extract
    seen: list[str] = []
    monkeypatch.setattr(warm_worker, "start", lambda: seen.append("start") or True)
    monkeypatch.setattr(warm_worker, "stop", lambda: seen.append("stop"))
    monkeypatch.setattr(cli, "_run_with_dagster", lambda key, job: seen.append("dagster") or {"articles": 1})

    assert cli.run_pipeline() == 0
    assert seen == ["start", "dagster", "stop"]  # forked before Dagster

    (seeds / f"{SEED_004}.txt").unlink()  # nothing to extract: still forked first (planning stops it)
    seen.clear()
    assert cli.run_pipeline() == 0
    assert seen == ["start", "dagster", "stop"]
    (seeds / f"{SEED_004}.txt").write_text(seed_text(SEED_004), encoding="utf-8")

    def failing_run(key, job):
        raise RuntimeError("the run failed")

    monkeypatch.setattr(cli, "_run_with_dagster", failing_run)
    seen.clear()
    with pytest.raises(RuntimeError):
        cli.run_pipeline()
    assert seen == ["start", "stop"]  # a failed run still stops the worker


@pytest.mark.usefixtures("one_article_to_extract")
def test_make_run_collects_less_once_the_worker_is_forked(monkeypatch):
    """The worker (and the fork pool it may run) is forked with the interpreter's garbage
    collection thresholds; Dagster's import and runs then go with fewer collections, and the
    thresholds are back as they were when `run_pipeline` returns, however the run ended."""
    import gc

    from pipeline import cli, own_process

    thresholds: dict[str, int] = {}
    monkeypatch.setattr(warm_worker, "start", lambda: thresholds.setdefault("worker", gc.get_threshold()[0]) or True)
    monkeypatch.setattr(warm_worker, "stop", lambda: None)

    def dagster_run(key, job):
        thresholds["dagster"] = gc.get_threshold()[0]
        raise RuntimeError("the run failed")

    monkeypatch.setattr(cli, "_run_with_dagster", dagster_run)
    with pytest.raises(RuntimeError):
        cli.run_pipeline()
    assert thresholds == {"worker": own_process.USUAL_COLLECTIONS[0], "dagster": own_process.FEWER_COLLECTIONS}
    assert gc.get_threshold() == own_process.USUAL_COLLECTIONS


def test_the_pool_is_forked_before_the_entries_arrive_and_a_failure_before_them_is_reported(monkeypatch):
    """The entries come after the request and are read by the pool's feed, once the pool's
    workers are forked, so they do not hold them; when the extraction fails before its feed
    read them, the worker still takes them off the pipe and the caller gets the error
    instead of waiting forever on a send nobody reads."""
    import threading

    from pipeline.nlp import extract

    def forks_then_reads(articles, processed_at, cache, version, n_process, on_progress, total, in_flight):
        assert total == 8 and len(list(articles)) == 1  # what the (patched) load_articles yields
        return 0

    def fails_before_reading(articles, *args):
        raise ValueError("no model")

    big = [str(n) * 400_000 for n in range(8)]  # more than a socket buffer holds
    for fake, expected in ((forks_then_reads, None), (fails_before_reading, ValueError)):
        monkeypatch.setattr(extract, "extract_into_cache", fake)  # the worker is forked after this
        monkeypatch.setattr("pipeline.nlp.seed_folder.load_articles", lambda entries: iter(entries[:1]))
        outcome: list = []

        def call(outcome=outcome):
            try:
                outcome.append(warm_worker.extract_into_cache(big, NOW, 2, "/nonexistent", "v1", 64, print))
            except Exception as error:  # noqa: BLE001 - checked below
                outcome.append(error)

        assert warm_worker.start()
        caller = threading.Thread(target=call, daemon=True)
        caller.start()
        caller.join(timeout=120)
        warm_worker.stop()
        assert not caller.is_alive() and outcome
        if expected is None:
            assert outcome == [0]
        else:
            assert isinstance(outcome[0], expected)


def test_an_extraction_handed_over_ahead_is_taken_over_with_its_time(tmp_path):
    """`make run` hands the worker the extraction before the run asks for it; the run's
    request then takes that one over: its progress and count come back, and the records
    carry the time it was handed over with, not the caller's."""
    data = tmp_path / "data"
    (tmp_path / "seeds").mkdir()
    found = many_articles(tmp_path / "seeds", warm_worker.MAX_ARTICLES + 9)
    later = datetime(2026, 3, 4, 6, 0, 0)
    progress: list[tuple[int, int]] = []
    try:
        assert warm_worker.start()
        assert not warm_worker.extract_ahead(found[: warm_worker.MAX_ARTICLES], NOW, 2, str(data), "v1")  # too small
        assert warm_worker.extract_ahead(found, NOW, 2, str(data), "v1")
        assert not warm_worker.extract_ahead(found, NOW, 2, str(data), "v1")  # one at a time
        assert warm_worker.ahead_articles() == found and warm_worker.ahead_processed_at() == NOW
        with pytest.raises(warm_worker.WorkerUnavailable):
            warm_worker.extract(found[:1], later)  # a small request never goes to a busy worker
        count = warm_worker.extract_into_cache(found, later, 2, str(data), "v1", 64, lambda *p: progress.append(p))
    finally:
        warm_worker.stop()
    assert count == len(found) and progress[-1] == (len(found), len(found))
    assert not warm_worker.waiting() and warm_worker.ahead_articles() == [] and warm_worker.ahead_processed_at() is None
    cache = ExtractionCache(data)
    assert [cache.get(a.seed.article_id, a.seed.content_sha256, "v1") for a in found] == extract_batch(found, NOW)


def test_what_the_extraction_ahead_did_not_cover_is_left_to_the_caller(tmp_path):
    """An article the extraction handed over ahead did not hold (written since) is reported
    once the worker is done, so the caller extracts it; the others are in the cache."""
    data = tmp_path / "data"
    (tmp_path / "seeds").mkdir()
    found = many_articles(tmp_path / "seeds", warm_worker.MAX_ARTICLES + 9)
    try:
        assert warm_worker.start()
        assert warm_worker.extract_ahead(found[:-1], NOW, 2, str(data), "v1")
        with pytest.raises(warm_worker.WorkerUnavailable, match="did not cover"):
            warm_worker.extract_into_cache(found, NOW, 2, str(data), "v1", 64, print)
    finally:
        warm_worker.stop()
    assert ExtractionCache(data).stale(found, "v1") == found[-1:]


def test_a_worker_extracting_ahead_for_nobody_is_killed_at_once(tmp_path):
    (tmp_path / "seeds").mkdir()
    found = many_articles(tmp_path / "seeds", warm_worker.MAX_ARTICLES + 9)
    assert warm_worker.start()
    process, _ = warm_worker._workers[0]
    assert warm_worker.extract_ahead(found, NOW, 2, str(tmp_path / "data"), "v1")
    warm_worker.stop()
    assert not process.is_alive() and not warm_worker.waiting() and warm_worker.ahead_articles() == []


def test_a_run_takes_over_the_extraction_make_run_handed_over_ahead(tmp_path, monkeypatch):
    """What `make run` does from an empty data folder: the folder's stale articles are handed
    to the worker before Dagster is imported (`cli.extract_ahead`); the run's extraction
    step takes that extraction over, every partition is materialised by it, and every
    article carries the time the extraction was handed over with."""
    import pandas as pd

    from pipeline import cli
    from pipeline.storage import table_path
    from tests.conftest import run_pipeline

    seeds, data = tmp_path / "seeds", tmp_path / "data"
    seeds.mkdir()
    found = many_articles(seeds, warm_worker.MAX_ARTICLES + 3)
    monkeypatch.delenv("NEWSEVENTS_DASK_SCHEDULER", raising=False)
    try:
        assert warm_worker.start()
        assert cli.extract_ahead(seeds, data)
        handed_at = warm_worker.ahead_processed_at()
        outcome = run_pipeline(seeds, data)
    finally:
        warm_worker.stop()
    assert outcome.success and not warm_worker.waiting()
    materialised = [e for e in outcome.results[0].all_events if e.is_step_materialization]
    assert len(materialised) == len(found)  # one per partition
    metadata = materialised[0].event_specific_data.materialization.metadata
    assert metadata["processed"].value == len(found) and metadata["reused"].value == 0
    articles = pd.read_parquet(table_path(data, "articles"))
    assert len(articles) == len(found) and set(articles["processed_at"]) == {pd.Timestamp(handed_at)}
