"""A whole run at scale: wall time, Dagster's share of it, and peak memory per process, on
the Postgres deployment with Dask workers or on the embedded default.

    python -m deploy.measure_run prepare --rows 100000 --real 1000
    nice -n 5 python -m deploy.measure_run run --rows 100000 --storage postgres --dask-workers 2
    nice -n 5 python -m deploy.measure_run run --rows 10000 --storage sqlite
    python -m deploy.measure_run extrapolate --articles 10000000 --machines 20

`prepare` builds a seeds folder of `--rows` articles in two collections: `real.jsonl`, the
`--real` BBC articles that a run parses for real (distinct articles, none in the clone
base), and `bbc.jsonl`, the rest, cycling over 300 other BBC articles under new ids whose
cached extractions are cloned (`benchmarks.corpus_tables`: parsed once, then copied under
each row's id and content hash). A run then parses the real rows (on the Dask workers, or
the fork pool), finds the clones current in the cache, and does all the rest at full size:
partitions, Dagster's per-partition records, the cache check, the tables, the warehouse,
the pictures, the exports.

`run` starts from a fresh Dagster instance (a new Postgres database with
deploy/dagster.yaml, or a new SQLite instance with the repository's dagster.yaml) and the
real rows' cache entries removed, starts the Dask scheduler and workers when asked, and runs
what `make run` runs (minus the gold-set evaluation) in a child process. Every 0.5 s it
samples the RSS and CPU time of each process: the run (with its fork-pool children), the
scheduler, each worker (with its nanny), and Postgres (its largest process: shared buffers
are counted in each). Dagster's bookkeeping is what the run spends outside the project's
code: adding partitions and asking which are materialised, and each run's wall time less
its steps' compute (the extraction asset's own seconds; the corpus steps' durations).
The report goes to `<root>/n<rows>/<storage>.json`; `extrapolate` reads the two reports.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from contextlib import ExitStack, contextmanager
from pathlib import Path

import psutil

from benchmarks.config import DEFAULT_CORPUS

ROOT = Path("data/bench/scaleout")
BASE_ROWS = 300
REAL_PREFIX = "real-"
MIB = 1024**2
DEPLOY_YAML = Path(__file__).with_name("dagster.yaml")
EMBEDDED_YAML = Path(__file__).resolve().parent.parent / "dagster.yaml"


# --- prepare -----------------------------------------------------------------------------


def prepare(rows: int, real: int, root: Path, corpus: Path) -> dict:
    from benchmarks.corpus_tables import COLLECTION, _row, base, base_articles, replicate, write_collection

    if not (root / "base" / "seeds" / COLLECTION).exists():
        base(corpus, BASE_ROWS, root)
    clones = rows - real
    replicate(clones, root)  # root/n<clones>/: bbc.jsonl and its cloned extractions
    folder = root / f"n{rows}"
    if clones != rows:
        shutil.rmtree(folder, ignore_errors=True)
        (root / f"n{clones}").rename(folder)
    in_base = set(base_articles(corpus, BASE_ROWS))
    others = [p for p in sorted(corpus.rglob("*.txt")) if p not in in_base]
    if len(others) < real:
        raise SystemExit(f"only {len(others)} BBC articles outside the clone base")
    picked = others[:: max(1, len(others) // real)][:real]
    lines = (_row(n, path).replace('"id": "bbc-', f'"id": "{REAL_PREFIX}', 1) for n, path in enumerate(picked))
    write_collection(folder / "seeds" / "real.jsonl", lines)
    return {"rows": rows, "real": real, "cloned": clones, "seeds": str(folder / "seeds")}


# --- the measured run (child process) ----------------------------------------------------


class Timer:
    """Seconds spent in wrapped calls, by label."""

    def __init__(self):
        self.seconds: dict[str, float] = {}

    def add(self, label: str, seconds: float) -> None:
        self.seconds[label] = self.seconds.get(label, 0.0) + seconds

    def wrap_iterator(self, label: str, function):
        """For a generator function: the time spent producing its items."""

        def timed(*args, **kwargs):
            iterator = iter(function(*args, **kwargs))
            while True:
                started = time.perf_counter()
                try:
                    item = next(iterator)
                except StopIteration:
                    self.add(label, time.perf_counter() - started)
                    return
                self.add(label, time.perf_counter() - started)
                yield item

        return timed

    def wrap(self, label: str, function):
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.add(label, time.perf_counter() - started)

        return timed


def child(seeds: Path, data: Path, report: Path) -> None:
    """What `make run` does minus the evaluation, with the instance under DAGSTER_HOME,
    timed piece by piece."""
    from dagster import DagsterInstance

    import pipeline.dask_extract as dask_module
    import pipeline.defs.refresh as refresh_module
    import pipeline.nlp.extract as extract_module
    from pipeline.definitions import build_definitions
    from pipeline.defs.resources import NewsPaths

    timer = Timer()
    started = time.perf_counter()
    paths = NewsPaths(seeds_dir=str(seeds), data_dir=str(data))
    definitions = build_definitions(paths)
    for name in ("survey", "sync_partitions"):
        setattr(refresh_module, name, timer.wrap(name, getattr(refresh_module, name)))
    refresh_module.ExtractionCache.stale = timer.wrap("cache_check", refresh_module.ExtractionCache.stale)
    # The parse itself, on the cluster or in the fork pool (the asset imports both at call time).
    dask_module.extract_on_cluster = timer.wrap("parse", dask_module.extract_on_cluster)
    extract_module.extract_articles = timer.wrap_iterator("parse", extract_module.extract_articles)
    runs = []
    real_execute = type(definitions.resolve_job_def(refresh_module.EXTRACT_JOB)).execute_in_process

    def execute(job, *args, **kwargs):
        begun, cpu = time.perf_counter(), _cpu_seconds()
        result = real_execute(job, *args, **kwargs)
        runs.append({"job": job.name, "wall_s": time.perf_counter() - begun, "cpu_s": _cpu_seconds() - cpu,
                     **_compute(result)})
        return result

    type(definitions.resolve_job_def(refresh_module.EXTRACT_JOB)).execute_in_process = execute
    with DagsterInstance.get() as instance:
        instance.get_materialized_partitions = timer.wrap("materialized_query", instance.get_materialized_partitions)
        outcome = refresh_module.refresh(definitions, instance, paths)
    wall = time.perf_counter() - started
    dagster_outside = timer.seconds.get("sync_partitions", 0) + timer.seconds.get("materialized_query", 0)
    dagster_in_runs = sum(r["wall_s"] - r["compute_s"] for r in runs)
    report.write_text(json.dumps({
        "success": outcome.success,
        "wall_s": round(wall, 1),
        "run_process_cpu_s": round(_cpu_seconds(), 1),
        "bookkeeping_s": round(dagster_outside + dagster_in_runs, 1),
        "bookkeeping": {
            "sync_partitions_s": round(timer.seconds.get("sync_partitions", 0), 1),
            "materialized_query_s": round(timer.seconds.get("materialized_query", 0), 1),
            "in_runs_s": round(dagster_in_runs, 1),
        },
        "planning_project_s": {k: round(timer.seconds.get(k, 0), 1) for k in ("survey", "cache_check")},
        "parse_s": round(timer.seconds.get("parse", 0), 1),
        "runs": [{k: (round(v, 1) if isinstance(v, float) else v) for k, v in r.items()} for r in runs],
    }, indent=2))


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its children that have ended (the fork pool)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _compute(result) -> dict:
    """Seconds of project code in one run: the extraction asset's own timing, else the steps'."""
    steps = {e.step_key: e.event_specific_data.duration_ms / 1000 for e in result.all_events
             if e.event_type_value == "STEP_SUCCESS"}
    extraction = [m.metadata for m in result.asset_materializations_for_node("article_extractions")] \
        if "article_extractions" in steps else []
    if extraction:
        meta = extraction[0]
        return {"compute_s": float(meta["seconds"].value), "articles": meta["articles"].value,
                "processed": meta["processed"].value, "reused": meta["reused"].value,
                "extracted_on": meta["extracted_on"].value, "partitions": len(extraction),
                "step_s": steps["article_extractions"], "success": result.success}
    return {"compute_s": sum(steps.values()), "steps_s": {k: round(v, 1) for k, v in steps.items()},
            "success": result.success}


# --- the measured run (parent) -----------------------------------------------------------


class Sampler(threading.Thread):
    """Peak RSS (summed over each role's process tree) and CPU seconds per role."""

    def __init__(self, interval: float = 0.5):
        super().__init__(daemon=True)
        self.roles: dict[str, psutil.Process] = {}
        self.peak: dict[str, int] = {}
        self.cpu: dict[str, dict[int, float]] = {}
        self.interval = interval
        self._stop_event = threading.Event()

    def watch(self, role: str, pid: int) -> None:
        self.roles[role] = psutil.Process(pid)

    def _sample(self) -> None:
        for role, root in list(self.roles.items()):
            try:
                processes = [root, *root.children(recursive=True)]
            except psutil.Error:
                continue
            total = 0
            for process in processes:
                try:
                    with process.oneshot():
                        total += process.memory_info().rss
                        times = process.cpu_times()
                    self.cpu.setdefault(role, {})[process.pid] = times.user + times.system
                except psutil.Error:
                    continue
            self.peak[role] = max(self.peak.get(role, 0), total)
        largest = 0
        for process in psutil.process_iter(["name", "memory_info"]):
            if process.info["name"] == "postgres" and process.info["memory_info"]:
                largest = max(largest, process.info["memory_info"].rss)
        if largest:
            self.peak["postgres (largest process)"] = max(self.peak.get("postgres (largest process)", 0), largest)

    def run(self) -> None:
        while not self._stop_event.is_set():
            self._sample()
            self._stop_event.wait(self.interval)

    def stop(self) -> dict:
        self._stop_event.set()
        self.join()
        return {
            "peak_rss_mib": {role: round(value / MIB) for role, value in self.peak.items()},
            "cpu_s": {role: round(sum(times.values()), 1) for role, times in self.cpu.items()},
        }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def postgres_database(environment: dict):
    import psycopg2

    name = f"newsevents_measure_{uuid.uuid4().hex[:10]}"
    admin = psycopg2.connect(host=environment["DAGSTER_PG_HOST"], port=environment["DAGSTER_PG_PORT"],
                             user=environment["DAGSTER_PG_USER"], password=environment["DAGSTER_PG_PASSWORD"],
                             dbname="postgres")
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@contextmanager
def dask_cluster(workers: int, environment: dict, sampler: Sampler, logs: Path):
    """A scheduler and `workers` worker processes (one thread each, as README advises)."""
    bin_dir = Path(sys.executable).parent
    address = f"tcp://127.0.0.1:{_free_port()}"
    port = address.rsplit(":", 1)[1]
    started: list[subprocess.Popen] = []
    with ExitStack() as files:
        try:
            log = files.enter_context(open(logs / "dask-scheduler.log", "w"))
            scheduler = subprocess.Popen(
                [bin_dir / "dask", "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"],
                env=environment, stdout=log, stderr=subprocess.STDOUT)
            started.append(scheduler)
            sampler.watch("dask scheduler", scheduler.pid)
            for n in range(1, workers + 1):
                log = files.enter_context(open(logs / f"dask-worker-{n}.log", "w"))
                worker = subprocess.Popen(
                    [bin_dir / "dask", "worker", address, "--name", f"worker-{n}", "--nworkers", "1", "--nthreads", "1",
                     "--no-dashboard"], env=environment, stdout=log, stderr=subprocess.STDOUT)
                started.append(worker)
                sampler.watch(f"dask worker-{n} (with nanny)", worker.pid)
            from distributed import Client

            with Client(address, timeout=60, set_as_default=False) as client:
                client.wait_for_workers(workers, timeout=300)
            yield address
        finally:
            for process in started:
                process.send_signal(signal.SIGTERM)
            for process in started:
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()


def reset(seeds: Path, data: Path) -> int:
    """Remove the real rows' cache entries, so the run parses them again."""
    from pipeline.nlp.seed_folder import survey
    from pipeline.storage import ExtractionCache

    cache, removed = ExtractionCache(data), 0
    for entry in survey(seeds).articles:
        if entry.seed.article_id.startswith(REAL_PREFIX):
            path = cache._path(entry.seed.article_id)
            if path.exists():
                path.unlink()
                removed += 1
    return removed


def measure(rows: int, storage: str, dask_workers: int, root: Path) -> dict:
    folder = root / f"n{rows}"
    seeds, data = folder / "seeds", folder / "data"
    if not seeds.exists():
        raise SystemExit(f"no {seeds}: run `prepare --rows {rows}` first")
    removed = reset(seeds, data)
    home = Path(tempfile.mkdtemp(prefix=f"measure-run-{storage}-"))
    environment = {**os.environ, "DAGSTER_HOME": str(home), "PYTHONHASHSEED": "0",
                   "DAGSTER_EVENT_BATCH_SIZE": os.environ.get("DAGSTER_EVENT_BATCH_SIZE", "1000")}
    environment.pop("NEWSEVENTS_DASK_SCHEDULER", None)
    for key, default in (("DAGSTER_PG_HOST", "127.0.0.1"), ("DAGSTER_PG_PORT", "5432"), ("DAGSTER_PG_USER", "postgres"),
                         ("DAGSTER_PG_PASSWORD", ""), ("DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS", "true")):
        environment.setdefault(key, default)
    sampler = Sampler()
    sampler.start()
    report_file = folder / f"{storage}.child.json"
    report_file.unlink(missing_ok=True)
    try:
        with ExitStack() as stack:
            if storage == "postgres":
                environment["DAGSTER_PG_DB"] = stack.enter_context(postgres_database(environment))
                shutil.copy(DEPLOY_YAML, home / "dagster.yaml")
            else:
                (home / "dagster.yaml").symlink_to(EMBEDDED_YAML)
            if dask_workers:
                environment["NEWSEVENTS_DASK_SCHEDULER"] = stack.enter_context(
                    dask_cluster(dask_workers, environment, sampler, folder))
            started = time.perf_counter()
            run = subprocess.Popen([sys.executable, "-m", "deploy.measure_run", "child", "--seeds", str(seeds),
                                    "--data", str(data), "--report", str(report_file)], env=environment)
            sampler.watch("run process (with its children)", run.pid)
            code = run.wait()
            wall = time.perf_counter() - started
    finally:
        sampled = sampler.stop()
        shutil.rmtree(home, ignore_errors=True)
    if code != 0:
        raise SystemExit(f"the run failed with exit code {code}")
    inside = json.loads(report_file.read_text())
    extraction = [r for r in inside["runs"] if "processed" in r]
    parsed = sum(r["processed"] for r in extraction)
    worker_cpu = sum(v for k, v in sampled["cpu_s"].items() if k.startswith("dask worker"))
    return {
        "rows": rows, "storage": storage, "dask_workers": dask_workers,
        "real_rows_reset": removed, "parsed": parsed,
        "extracted_on": sorted({r["extracted_on"] for r in extraction}),
        "process_wall_s": round(wall, 1), **inside, **sampled,
        "parse_articles_per_s": round(parsed / inside["parse_s"], 2) if inside["parse_s"] else None,
        # The workers do nothing but parse and extract (model loading included); the fork pool's
        # parent also runs everything else, so its figure is not one of parsing alone.
        "parse_cpu_s_per_article": round(worker_cpu / max(parsed, 1), 3) if dask_workers else None,
        "load_average": [round(x, 1) for x in os.getloadavg()],
    }


# --- extrapolation -----------------------------------------------------------------------


def extrapolate(root: Path, articles: int, machines: int, cores: int) -> dict:
    """Each part of a run scaled linearly from the largest Postgres report: the parse spread
    over `machines` x `cores` worker processes, the rest where it runs today, in one process
    (the run's) against one database. Wall seconds on a shared machine are inflated by the
    load; the CPU seconds beside them are not."""
    reports = [json.loads(p.read_text()) for p in root.glob("n*/postgres.json")]
    pg = max(reports, key=lambda r: r["rows"])
    rows, scale = pg["rows"], articles / pg["rows"]
    extraction = next(r for r in pg["runs"] if "processed" in r)
    corpus = next(r for r in pg["runs"] if "steps_s" in r)
    per_article_parse = pg["parse_cpu_s_per_article"]
    hours = 3600
    return {
        "from": f"{rows} articles on Postgres, {pg['parsed']} parsed on {pg['dask_workers']} Dask workers, "
                f"load average {pg['load_average'][1]}",
        "articles": articles, "machines": machines, "worker_processes": machines * cores,
        "parse_cpu_s_per_article": per_article_parse,
        "parse_hours": round(articles * per_article_parse / (machines * cores) / hours, 1),
        "bookkeeping_ms_per_article": round(1000 * pg["bookkeeping_s"] / rows, 2),
        "bookkeeping_hours": round(pg["bookkeeping_s"] * scale / hours, 1),
        "planning_hours (survey and cache check, run process)": round(
            sum(pg["planning_project_s"].values()) * scale / hours, 1),
        "extraction_run_cpu_hours (run process)": round(extraction["cpu_s"] * scale / hours, 1),
        "corpus_step_hours": round(corpus["compute_s"] * scale / hours, 1),
        "corpus_step_cpu_hours": round(corpus["cpu_s"] * scale / hours, 1),
        "corpus_step_largest": max(corpus["steps_s"], key=corpus["steps_s"].get),
        "run_process_peak_gib": round(pg["peak_rss_mib"]["run process (with its children)"] * scale / 1024, 1),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["prepare", "run", "child", "extrapolate"])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--real", type=int, default=1_000, help="rows parsed for real (prepare)")
    parser.add_argument("--storage", choices=["sqlite", "postgres"], default="postgres")
    parser.add_argument("--dask-workers", type=int, default=0, help="0: the fork pool")
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seeds", type=Path)
    parser.add_argument("--data", type=Path)
    parser.add_argument("--report", type=Path)
    parser.add_argument("--articles", type=int, default=10_000_000)
    parser.add_argument("--machines", type=int, default=20)
    parser.add_argument("--cores", type=int, default=16, help="worker processes per machine (extrapolate)")
    args = parser.parse_args(argv)
    if args.command == "child":
        child(args.seeds, args.data, args.report)
        return
    if args.command == "prepare":
        report = prepare(args.rows, args.real, args.root, args.corpus)
    elif args.command == "run":
        report = measure(args.rows, args.storage, args.dask_workers, args.root)
        (args.root / f"n{args.rows}" / f"{args.storage}.json").write_text(json.dumps(report, indent=2))
    else:
        report = extrapolate(args.root, args.articles, args.machines, args.cores)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
