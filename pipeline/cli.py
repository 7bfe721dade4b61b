"""Command-line entry points behind `make run`, `make eval` and `make bench`."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
import socket
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import failures, settings
from pipeline.warehouse_guard import warehouse_path

if TYPE_CHECKING:
    from dagster import DagsterInstance

# Dagster, DuckDB and psutil are imported where a command uses them: a rerun with nothing
# changed answers from `pipeline.unchanged_run` without them (about a second of CPU).


def run_pipeline() -> int:
    """Reconcile with the seeds folder and materialise everything, evaluation included,
    with the project's instance (run history under DAGSTER_HOME).

    When the last run left everything current and nothing it depends on has changed since
    (`pipeline.unchanged_run`), its row counts are printed without importing Dagster.
    Otherwise the code location (`build_definitions`: every asset, and with them pandas,
    Pandera, pyarrow and the extractors) is built only when a job runs: a rerun with nothing
    to do plans, finds everything current and prints the counts without it (about half of
    such a rerun's CPU)."""
    from pipeline import unchanged_run
    from pipeline.defs.job_names import CORPUS_JOB_WITH_EVALUATION

    started = time.perf_counter()
    seeds, data = settings.seeds_dir(), settings.data_dir()
    key = unchanged_run.inputs_key(seeds, data, CORPUS_JOB_WITH_EVALUATION)
    counts = unchanged_run.recorded_counts(key, data)
    if counts is None:
        unchanged_run.forget(data)
        from pipeline.nlp import warm_worker
        from pipeline.own_process import collect_as_usual, collect_less

        try:
            if start_warm_worker(seeds):  # forked first: it and its fork pool collect as usual
                extract_ahead(seeds, data)
            collect_less()  # Dagster's import and runs: fewer garbage collections that free nothing
            counts = _run_with_dagster(key, CORPUS_JOB_WITH_EVALUATION)
        finally:
            warm_worker.stop()
            collect_as_usual()
        if counts is None:
            return 1
    for table, count in counts.items():
        print(f"{table:<20} {count:>8} rows")
    print(f"warehouse: {warehouse_path(data)} ({time.perf_counter() - started:.1f} s)")
    return 0


def start_warm_worker(seeds: Path) -> bool:
    """Fork the warm extraction worker (`pipeline.nlp.warm_worker`) now, first of all,
    before Dagster is imported: spaCy's import and the model's load then run beside the
    folder's survey, Dagster's import, the instance and planning, as well as beside the
    code location and the run's start (a small extraction is handed to it, a larger one runs
    in its fork pool). It is forked before the survey, which it would only have to let go
    of, and which is a quarter of a second of the worker's wait on 2,065 articles: a rerun
    gets here only when something changed, most often an article. Planning's first round
    stops it when there turns out to be nothing to extract (`refresh.refresh`). True when
    one was started."""
    if settings.dask_scheduler() or not seeds.is_dir():
        return False  # a missing folder is reported by planning, as before
    from pipeline.nlp import warm_worker

    return warm_worker.start()


def extract_ahead(seeds: Path, data: Path) -> bool:
    """Hand the warm worker, now, the extraction of every article of the folder that has no
    current extraction (`warm_worker.extract_ahead`), so that its pool parses while Dagster is
    imported, the instance opened and the run started; the run's extraction step takes it
    over. The folder is surveyed here, after the fork (the worker does not hold the texts),
    and later surveys of the unchanged folder reuse this one. A small extraction, or a folder
    that cannot be surveyed, is left to the run as before (which reports what went wrong).
    True when the extraction was handed over."""
    from datetime import UTC, datetime

    from pipeline.nlp import warm_worker
    from pipeline.nlp.seed_folder import survey
    from pipeline.nlp.version import extractor_version
    from pipeline.storage import ExtractionCache

    try:
        version = extractor_version()
        stale = ExtractionCache(data).stale(survey(seeds).articles, version)
    except Exception:  # noqa: BLE001 - planning surveys the folder again and reports the error
        return False
    processed_at = datetime.now(UTC).replace(tzinfo=None)
    return warm_worker.extract_ahead(stale, processed_at, settings.n_process(), str(data), version)


def _run_with_dagster(key: str | None, job_name: str) -> dict[str, int] | None:
    """`run_pipeline` through the instance: the tables' row counts, None when a run failed.
    Records the outcome for the next rerun (`unchanged_run.record`) when it can vouch for it."""
    import duckdb
    from dagster import DagsterInstance

    from pipeline import unchanged_run
    from pipeline.defs.refresh import refresh
    from pipeline.defs.resources import NewsPaths
    from pipeline.warehouse_guard import parquet_row_counts, row_counts

    def definitions():
        from pipeline.definitions import build_definitions

        return build_definitions(paths)

    # Bound to the folders the environment names now, not to those of whichever process
    # first imported `pipeline.definitions`: planning and the jobs must see the same folders.
    paths = NewsPaths.from_environment()
    instance = DagsterInstance.get() if _has_dagster_home() else DagsterInstance.ephemeral()
    for run_id, identity in fail_abandoned_runs(instance):
        print(f"run {run_id} marked failed: its process ({identity}) is gone", file=sys.stderr)
    result = refresh(definitions, instance, paths, job_name, tags={PROCESS_TAG: _process_identity()})
    if not result.success:
        known = [failures.explain_error_info(e.event_specific_data.error) for e in result.all_events
                 if e.is_step_failure and getattr(e.event_specific_data, "error", None) is not None]
        known = [paragraph for paragraph in known if paragraph]
        print(known[0] if known else "pipeline run failed; see the log above", file=sys.stderr)
        return None
    database = warehouse_path(settings.data_dir())
    try:
        counts = row_counts(database)
    except duckdb.Error:  # an analyst's read-write connection holds the file; same counts
        counts = parquet_row_counts(settings.data_dir())
    if key is not None and not _active_runs(instance):
        instance.dispose()  # closes the kept SQLite connections: the instance's files stay as recorded
        unchanged_run.record(key, paths.seeds, paths.data, job_name, counts)
    return counts


def _active_statuses() -> list:
    from dagster import DagsterRunStatus

    return [DagsterRunStatus.STARTING, DagsterRunStatus.STARTED, DagsterRunStatus.CANCELING]


PROCESS_TAG = "newsevents/cli_process"
"""host:pid:start time of the process running a CLI run, so a later run can tell it died."""


def _process_identity(pid: int | None = None) -> str:
    import psutil

    process = psutil.Process(pid)
    return f"{socket.gethostname()}:{process.pid}:{process.create_time():.2f}"


def _active_runs(instance: DagsterInstance) -> list:
    from dagster import RunsFilter

    return list(instance.get_run_records(filters=RunsFilter(statuses=_active_statuses()), limit=1))


def fail_abandoned_runs(instance: DagsterInstance) -> list[tuple[str, str]]:
    """Mark failed the CLI runs whose process died (SIGKILL, OOM killer, power cut).

    Such a run stays STARTED in the run history forever, and with `max_concurrent_runs: 1`
    (dagster.yaml) it would hold the only slot, so no sensor or scheduled run would ever
    start again. Returns (run_id, process) of each run marked failed.
    """
    import psutil
    from dagster import RunsFilter

    failed = []
    for record in instance.get_run_records(filters=RunsFilter(statuses=_active_statuses())):
        run = record.dagster_run
        identity = run.tags.get(PROCESS_TAG)
        if identity is None or identity.rsplit(":", 2)[0] != socket.gethostname():
            continue
        pid = int(identity.rsplit(":", 2)[1])
        try:
            alive = _process_identity(pid) == identity
        except psutil.Error:
            alive = False
        if not alive:
            instance.report_run_failed(run, message=f"the process that ran it ({identity}) is gone")
            failed.append((run.run_id, identity))
    return failed


def _has_dagster_home() -> bool:
    import os

    return bool(os.environ.get("DAGSTER_HOME"))


def bench_command() -> int:
    from benchmarks.bench import bench_command  # run from the project root: not part of the package

    return bench_command()


def eval_command(accept: bool = False) -> int:
    from pipeline.evaluation.report import run_evaluation

    return run_evaluation(accept=accept)


def export_command() -> int:
    """Write and validate data/exports/ from the Parquet tables of the last run (`make export`)."""
    from pipeline.exports import TABLES_USED, write_exports
    from pipeline.storage import table_path

    missing = [t for t in TABLES_USED if not table_path(settings.data_dir(), t).is_file()]
    if missing:
        print(f"no {', '.join(missing)} table in {settings.data_dir()}: run `make run` first", file=sys.stderr)
        return 1
    summary = write_exports(settings.data_dir())
    for name, path in summary.paths().items():
        print(f"{name:<20} {summary.rows[name]:>8} rows  {path}")
    print("every file validated: events.plover.jsonl against pipeline/exports/plover.schema.json, "
          "the CSVs against their Pandera models")
    return 0


def search_command(query: str, limit: int = 10) -> int:
    """Print the warehouse's ranked hits for a phrase (`make search Q="..."`)."""
    import duckdb

    from pipeline.search import search

    if not query.strip():
        print('usage: make search Q="words to find"', file=sys.stderr)
        return 2
    database = warehouse_path(settings.data_dir())
    if not database.is_file():
        print(f"no warehouse at {database}: run `make run` first", file=sys.stderr)
        return 1
    with duckdb.connect(str(database), read_only=True) as connection:
        search(connection, query, limit).show(max_width=220, max_col_width=90)
    return 0


COMMANDS = {"run": run_pipeline, "bench": bench_command, "eval": eval_command, "export": export_command}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsevents")
    parser.add_argument("command", choices=sorted([*COMMANDS, "search"]))
    parser.add_argument("query", nargs="?", default="", help="search only: the words to find")
    parser.add_argument("--limit", type=int, default=10, help="search only: how many hits to print")
    parser.add_argument(
        "--accept",
        action="store_true",
        help="eval only: record this report as eval/last_report.json (make eval-accept)",
    )
    args = parser.parse_args(argv)
    if args.accept and args.command != "eval":
        parser.error("--accept applies to eval only")
    if args.command == "search":
        command = lambda: search_command(args.query, args.limit)  # noqa: E731
    elif args.accept:
        command = lambda: eval_command(accept=True)  # noqa: E731
    else:
        command = COMMANDS[args.command]
    try:
        return command()
    except Exception as error:
        paragraph = failures.explain(error)
        if paragraph is None:
            raise
        print(paragraph, file=sys.stderr)
        if failures.debug():
            raise
        return 1


def exit_now(code: int) -> None:
    """End the process with `code` once the exit handlers have run, without tearing the
    interpreter down: freeing every module and object that Dagster, pandas and the rest left
    was about a second of CPU at the end of each run (9 % of a one-article rerun on 2,065
    articles), for a process about to end. What a normal exit does that matters is done: the
    `atexit` handlers (logging's flush, multiprocessing's clean-up of its children, temporary
    folders), then the standard streams are flushed. While a thread that is not a daemon
    still runs, the normal exit waits for it, as always."""
    others = [t for t in threading.enumerate() if t is not threading.main_thread() and t.is_alive()]
    if any(not thread.daemon for thread in others):
        sys.exit(code)
    try:
        atexit._run_exitfuncs()  # prints a handler's error and goes on, as the normal exit does
    finally:
        flushed = [_flushed(stream) for stream in (sys.stdout, sys.stderr)]
        os._exit(code if code or all(flushed) else 120)  # 120: what Python exits with then


def _flushed(stream) -> bool:
    """Flush a standard stream; on failure (a closed pipe, a full disk) say so on the
    original stderr, as the normal exit does, so lost output never ends with status 0."""
    try:
        stream.flush()
        return True
    except Exception as error:
        with contextlib.suppress(Exception):
            os.write(2, f"Exception ignored while flushing {getattr(stream, 'name', 'a stream')}: {error!r}\n".encode())
        return False


if __name__ == "__main__":
    exit_now(main())
