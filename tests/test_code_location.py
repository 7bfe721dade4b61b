"""The extraction run's job from `extraction_location`, the whole code location built beside it
(`pipeline.defs.code_location`)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import pytest

from pipeline.definitions import build_definitions
from pipeline.defs.code_location import CodeLocation
from pipeline.defs.extraction_location import build_extraction_definitions
from pipeline.defs.job_names import CORPUS_JOB_WITH_EVALUATION, EXTRACT_JOB
from pipeline.defs.resources import NewsPaths


@pytest.fixture
def paths(tmp_path) -> NewsPaths:
    return NewsPaths(seeds_dir=str(tmp_path / "seeds"), data_dir=str(tmp_path / "data"))


def test_the_extraction_job_is_the_code_locations(paths):
    """Same job snapshot, so the run's records and the UI's view of it are those of a run of
    the whole code location's job."""
    alone = build_extraction_definitions(paths).resolve_job_def(EXTRACT_JOB)
    whole = build_definitions(paths).resolve_job_def(EXTRACT_JOB)
    assert alone.get_job_snapshot_id() == whole.get_job_snapshot_id()
    assert alone.executor_def.name == whole.executor_def.name


def test_the_extraction_location_leaves_the_corpus_assets_imports_out():
    code = (
        "import sys\n"
        "from pipeline.defs.extraction_location import build_extraction_definitions\n"
        "from pipeline.defs.resources import NewsPaths\n"
        "build_extraction_definitions(NewsPaths(seeds_dir='.', data_dir='.')).resolve_job_def('extract_articles')\n"
        "print(sorted(m for m in ('pandas', 'pandera', 'pyarrow', 'duckdb', 'spacy') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _slow_build(paths, threads, done, fail=()):
    def build():
        threads.append(threading.current_thread().name)
        time.sleep(0.3)
        if len(threads) <= len(fail):
            raise fail[len(threads) - 1]
        done.set()
        return build_definitions(paths)

    return build


def test_the_whole_location_is_built_in_a_thread_while_the_extraction_runs(paths):
    threads, done = [], threading.Event()
    location = CodeLocation(_slow_build(paths, threads, done), lambda: build_extraction_definitions(paths))
    started = time.perf_counter()
    job = location.job(EXTRACT_JOB)
    assert time.perf_counter() - started < 0.3 and job.name == EXTRACT_JOB
    assert location.job(CORPUS_JOB_WITH_EVALUATION).name == CORPUS_JOB_WITH_EVALUATION
    assert done.is_set() and threads == ["code-location"]
    assert location.job(EXTRACT_JOB) is location.whole().resolve_job_def(EXTRACT_JOB)  # the whole one, once built


def test_without_an_extraction_location_the_whole_is_built_where_asked(paths):
    threads, done = [], threading.Event()
    location = CodeLocation(_slow_build(paths, threads, done))
    assert location.job(EXTRACT_JOB).name == EXTRACT_JOB
    assert threads == [threading.current_thread().name]


def test_a_fork_waits_for_the_build(paths):
    """A child forked while the thread imports could inherit a module lock nobody releases."""
    threads, done = [], threading.Event()
    location = CodeLocation(_slow_build(paths, threads, done), lambda: build_extraction_definitions(paths))
    location.job(EXTRACT_JOB)
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    assert done.is_set()


def test_a_build_that_failed_in_the_thread_is_made_again_and_its_error_raised(paths):
    threads, done = [], threading.Event()
    failures = (ValueError("in the thread"), RuntimeError("in the caller"))
    location = CodeLocation(_slow_build(paths, threads, done, failures), lambda: build_extraction_definitions(paths))
    location.job(EXTRACT_JOB)
    with pytest.raises(RuntimeError, match="in the caller"):
        location.job(CORPUS_JOB_WITH_EVALUATION)
    assert threads == ["code-location", threading.current_thread().name]
