"""Speed and memory of the whole pipeline against bare spaCy: `make bench`.

One invocation measures, each stage in its own subprocess so that its memory is
measured apart from the others (peak RSS summed over the subprocess and all of its
children, sampled with psutil every `SAMPLE_SECONDS`):

1. **spaCy** - bare `spacy.load(<the project's model>)` with its default components,
   `nlp.pipe(texts, n_process=<settings.n_process()>)` over the corpus texts;
2. **x1** - the whole pipeline (`python -m pipeline.cli run`) from an empty data folder
   and an empty DAGSTER_HOME over the same files;
3. **rerun, no change** and **rerun, one article edited** on the x1 folders;
4. **x2, x4** - the corpus replicated under new names, each from an empty data folder.

Replicas: copy k (k = 0, 1, ...) of `<cat>/<name>.txt` is written as
`x<k>/<cat>/<name>.txt` with `k` newline characters appended. The pipeline rejects
byte-identical duplicates, and trailing blank lines change nothing it extracts, so
replica k is the same article under a new id and content hash. (Replicas repeat the
same names and events, so cross-article resolution sees k copies of each entity rather
than k times as many distinct ones; that is the growth curve's known simplification.)

The code is copied into the work folder first (`pipeline/`, `eval/`, `dagster.yaml`) and
every stage runs that copy, so edits made while the bench runs cannot change what is
measured, nor the extractor fingerprint between a run and its rerun (`--no-snapshot`
runs the working tree in place).

The corpus is `../shared/corpora/bbc-news` relative to the project root, or
`NEWSEVENTS_BENCH_CORPUS`. Every run works on copies in a temporary folder; the corpus
itself is only read. Figures go to `<data_dir>/bench/report.json`
(`report-quick.json` for `--quick`, `report-custom.json` with `--articles`/`--scales`).

    python -m pipeline.cli bench                 # what `make bench` runs
    python -m pipeline.bench [--quick] [--keep] [--workdir DIR] [--articles N] [--scales 1,2,4]
                             [--no-snapshot] [--stage-timeout SECONDS]
    NEWSEVENTS_BENCH_QUICK=1 make bench          # --quick through make
    NEWSEVENTS_BENCH_KEEP=1 make bench           # --keep through make (logs stay in the work folder)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

import psutil
import resource

from pipeline import settings

DEFAULT_CORPUS = settings.PROJECT_ROOT.parent / "shared" / "corpora" / "bbc-news"
SAMPLE_SECONDS = 0.1
QUICK_ARTICLES = 300
FULL_SCALES = (1, 2, 4)
QUICK_SCALES = (1, 2)
GIB = 1024**3
MIB = 1024**2
TIMED_OUT = -999  # returncode of a stage killed at its time limit
KILL_GRACE = 10.0  # seconds between SIGTERM and SIGKILL when stopping a stage
STAGE_TIMEOUT = 3 * 3600.0  # seconds; a hung stage must not stall the bench forever
EDIT_SUFFIX = "\nThis article was updated by the benchmark.\n"

# Targets of the performance issue.
MAX_RATIO = 1.3  # pipeline wall time / bare spaCy wall time
GROWTH_SLACK = 1.1  # time at xN <= 1.1 * N * time at x1
MAX_MEMORY_GROWTH = 2.0  # peak RSS at x4 <= 2 * peak RSS at x1
MAX_PEAK_BYTES = 4 * GIB
MAX_RERUN_SHARE = 0.10  # one-article rerun < 10 % of the full x1 run


# --------------------------------------------------------------------------- corpus


def corpus_dir() -> Path:
    return Path(os.environ.get("NEWSEVENTS_BENCH_CORPUS", DEFAULT_CORPUS)).resolve()


def article_files(root: Path) -> list[Path]:
    """The article files as the pipeline sees them: `*.txt` (any case), no hidden parts, sorted."""
    found = []
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() == ".txt" and path.is_file():
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def spread_sample(files: list[Path], n: int | None) -> list[Path]:
    """`n` files spread evenly over the sorted list (so every topic folder is represented)."""
    if n is None or n >= len(files):
        return list(files)
    if n <= 0:
        return []
    step = len(files) / n
    return [files[int(i * step)] for i in range(n)]


def sidecar_of(path: Path) -> Path:
    return path.with_name(path.name[: -len(path.suffix)] + ".meta.json")


def replicate(files: list[Path], root: Path, dest: Path, copies: int) -> list[Path]:
    """Write `copies` replicas of `files` (relative to `root`) under `dest/x<k>/`.

    Replica k gets k newlines appended, so no two replicas are byte-identical (the
    pipeline would drop them as duplicates) while their text is the same article.
    Sidecars (`<stem>.meta.json`) travel along unchanged.
    """
    written = []
    for k in range(copies):
        for path in files:
            relative = PurePosixPath(path.relative_to(root).as_posix())
            target = dest / f"x{k}" / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes() + b"\n" * k)
            written.append(target)
            sidecar = sidecar_of(path)
            if sidecar.is_file():
                shutil.copyfile(sidecar, sidecar_of(target))
    return written


def count_words(files: list[Path]) -> int:
    """White-space separated words of the files' text (UTF-8, undecodable bytes replaced)."""
    return sum(len(p.read_bytes().decode("utf-8", errors="replace").split()) for p in files)


def edit_one_article(path: Path) -> None:
    """A real content change: one sentence appended to the article."""
    path.write_bytes(path.read_bytes().rstrip(b"\n") + EDIT_SUFFIX.encode("utf-8"))


# --------------------------------------------------------------------------- measuring


def tree_rss(root: psutil.Process) -> tuple[int, int, int]:
    """(RSS of root + all descendants, RSS of root alone, process count); 0s once it is gone."""
    try:
        processes = [root, *root.children(recursive=True)]
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return 0, 0, 0
    total, own, alive = 0, 0, 0
    for process in processes:
        try:
            rss = process.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
        total += rss
        alive += 1
        if process.pid == root.pid:
            own = rss
    return total, own, alive


class PeakSampler(threading.Thread):
    """Samples a process tree's summed RSS every `interval` seconds until stopped."""

    def __init__(self, pid: int, interval: float = SAMPLE_SECONDS):
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self.peak_root = 0
        self.peak_processes = 0
        self.samples = 0
        self.series: list[tuple[float, int]] = []  # (seconds, summed RSS), at most one a second
        self._stop_event = threading.Event()

    def run(self) -> None:
        started = time.perf_counter()
        last_kept = -1.0
        while not self._stop_event.is_set():
            total, own, alive = tree_rss(self.process)
            elapsed = time.perf_counter() - started
            self.samples += 1
            self.peak = max(self.peak, total)
            self.peak_root = max(self.peak_root, own)
            self.peak_processes = max(self.peak_processes, alive)
            if elapsed - last_kept >= 1.0:
                self.series.append((round(elapsed, 1), total))
                last_kept = elapsed
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


@dataclass
class Measurement:
    name: str
    returncode: int
    seconds: float
    peak_rss: int
    peak_rss_main: int
    peak_processes: int
    samples: int
    log: str
    cpu_seconds: float = 0.0  # user + system of the whole (waited-for) process tree
    load_before: float = 0.0  # 1-minute load average when the stage started
    stdout: str = field(repr=False, default="")
    rss_series_mib: list = field(repr=False, default_factory=list)

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def measure(
    name: str, command: list[str], env: dict[str, str], log_path: Path, timeout: float | None = None,
    cwd: Path | None = None,
) -> Measurement:
    """Run `command`, timing its wall clock and sampling its process tree's memory.

    Past `timeout` seconds its whole process group is killed and the returncode is
    `TIMED_OUT`."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()[0]
    cpu_before = _children_cpu()
    with log_path.open("wb") as log:
        started = time.perf_counter()
        child = subprocess.Popen(
            command, env=env, cwd=cwd or settings.PROJECT_ROOT, stdout=subprocess.PIPE, stderr=log,
            start_new_session=True,
        )
        sampler = PeakSampler(child.pid)
        sampler.start()
        timed_out = False
        try:
            try:
                stdout, _ = child.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                timed_out = True
                _kill_group(child)
                stdout, _ = child.communicate()
        except BaseException:
            _kill_group(child)
            raise
        finally:
            seconds = time.perf_counter() - started
            sampler.stop()
        log.write(b"\n--- stdout ---\n" + stdout)
    return Measurement(
        name=name,
        returncode=TIMED_OUT if timed_out else child.returncode,
        seconds=seconds,
        peak_rss=sampler.peak,
        peak_rss_main=sampler.peak_root,
        peak_processes=sampler.peak_processes,
        samples=sampler.samples,
        log=str(log_path),
        stdout=stdout.decode("utf-8", errors="replace"),
        rss_series_mib=[(t, round(rss / MIB)) for t, rss in sampler.series],
        cpu_seconds=_children_cpu() - cpu_before,
        load_before=load_before,
    )


def _children_cpu() -> float:
    """CPU seconds of every descendant reaped so far (pool workers count once their parent joins them)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _kill_group(child: subprocess.Popen) -> None:
    try:
        os.killpg(child.pid, signal.SIGTERM)
        child.wait(timeout=KILL_GRACE)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(child.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


# --------------------------------------------------------------------------- the stages


def spacy_baseline_child(seeds: Path) -> int:
    """Bare spaCy over every article file under `seeds`; prints its own timings as JSON."""
    import spacy

    texts = [p.read_bytes().decode("utf-8", errors="replace") for p in article_files(seeds)]
    started = time.perf_counter()
    nlp = spacy.load(settings.spacy_model_name())
    loaded = time.perf_counter()
    n_process = settings.n_process()
    batch_size = baseline_batch_size(len(texts), n_process, nlp.batch_size)
    tokens = 0
    for doc in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        tokens += len(doc)
    parsed = time.perf_counter()
    print(json.dumps({
        "model": settings.spacy_model_name(),
        "pipe_names": nlp.pipe_names,
        "n_process": n_process,
        "batch_size": batch_size,
        "default_batch_size": nlp.batch_size,
        "n_docs": len(texts),
        "n_tokens": tokens,
        "load_seconds": round(loaded - started, 3),
        "pipe_seconds": round(parsed - loaded, 3),
    }))
    return 0


def baseline_batch_size(n_texts: int, n_process: int, default: int) -> int:
    """spaCy's default batch size, made smaller when it would leave a worker idle.

    spaCy deals whole batches to its workers in turn, so 300 texts in batches of 256
    would run on one core. At least 4 batches per worker keeps them evenly loaded;
    on the full corpus (2,065 texts, 2 processes) this is the default, 256.
    """
    if n_process <= 1:
        return default
    return max(1, min(default, -(-n_texts // (4 * n_process))))


SNAPSHOT_ITEMS = ("pipeline", "eval", "dagster.yaml", "pyproject.toml")
CODE_ROOT: Path | None = None  # where the stages' code runs from; None: the project itself


def snapshot_code(dest: Path, root: Path = settings.PROJECT_ROOT) -> Path:
    """Copy the code (package, gold set, instance settings) so every stage runs the same code.

    Engineers editing extractors during a long bench would otherwise change the
    extractor fingerprint between stages, and a "rerun" would reprocess every article.
    """
    dest.mkdir(parents=True, exist_ok=True)
    for name in SNAPSHOT_ITEMS:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif source.is_file():
            shutil.copy2(source, dest / name)
    return dest


def _child_env(**overrides: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("PYTHONHASHSEED", "0")
    if CODE_ROOT is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(CODE_ROOT), *filter(None, [env.get("PYTHONPATH")])])
    env.update({k: str(v) for k, v in overrides.items()})
    return env


def measure_spacy(seeds: Path, logs: Path) -> tuple[Measurement, dict]:
    command = [sys.executable, "-m", "pipeline.bench", "--spacy-baseline", str(seeds)]
    result = measure("spacy", command, _child_env(), logs / "spacy.log", STAGE_TIMEOUT, CODE_ROOT)
    inner = {}
    for line in reversed(result.stdout.splitlines()):
        if line.startswith("{"):
            inner = json.loads(line)
            break
    return result, inner


def prepare_home(home: Path) -> Path:
    """An empty DAGSTER_HOME with the project's instance settings (telemetry off, ...)."""
    home.mkdir(parents=True, exist_ok=True)
    config = (CODE_ROOT or settings.PROJECT_ROOT) / "dagster.yaml"
    if config.is_file():
        shutil.copyfile(config, home / "dagster.yaml")
    return home


def measure_pipeline(name: str, seeds: Path, data: Path, home: Path, logs: Path) -> Measurement:
    env = _child_env(NEWSEVENTS_SEEDS_DIR=seeds, NEWSEVENTS_DATA_DIR=data, DAGSTER_HOME=home)
    command = [sys.executable, "-m", "pipeline.cli", "run"]
    return measure(name, command, env, logs / f"{name}.log", STAGE_TIMEOUT, CODE_ROOT)


_ROWS = re.compile(r"^(\w+)\s+(\d+) rows$", re.MULTILINE)
_PROCESSED = re.compile(r"(\d+) articles, (\d+) to \(re\)process, (\d+) rejected")
_STEP = re.compile(r'Finished execution of step "([^"]+)" in ([^.]+(?:\.\d+)?[a-z]*)\.')


def parse_duration(text: str) -> float | None:
    """Dagster's step durations: '850ms', '12.34s', '1m 5s', '3m58s', '1m', '1h 2m 3s'."""
    units = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}
    parts = re.findall(r"(\d+(?:\.\d+)?)\s*(ms|h|m|s)(?![a-z])", text)
    if not parts:
        return None
    return round(sum(float(n) * units[u] for n, u in parts), 3)


def run_details(result: Measurement) -> dict:
    """What the pipeline's output and log say: row counts, articles processed, step times."""
    details: dict = {"row_counts": {t: int(n) for t, n in _ROWS.findall(result.stdout)}}
    try:
        log_text = Path(result.log).read_text(encoding="utf-8", errors="replace")
    except OSError:
        log_text = ""
    # One extraction run per contiguous range of stale partitions, none when nothing changed.
    processed = _PROCESSED.findall(log_text)
    details["processed"] = sum(int(stale) for _, stale, _ in processed)
    if processed:
        details.update(
            articles=sum(int(total) for total, _, _ in processed),
            rejected=sum(int(rejected) for _, _, rejected in processed),
        )
    steps: dict[str, float] = {}
    for step, duration in _STEP.findall(log_text):
        seconds = parse_duration(duration)
        if seconds is not None:
            steps[step] = round(steps.get(step, 0.0) + seconds, 3)
    details["step_seconds"] = steps
    return details


def summary(result: Measurement, words: int, articles: int) -> dict:
    return {
        "name": result.name,
        "failure": None if result.ok else failure_reason(Path(result.log)),
        "ok": result.ok,
        "returncode": result.returncode,
        "seconds": round(result.seconds, 2),
        "cpu_seconds": round(result.cpu_seconds, 2),
        "load_average_before": round(result.load_before, 2),
        "words": words,
        "articles": articles,
        "words_per_second": round(words / result.seconds) if result.seconds else None,
        "peak_rss_bytes": result.peak_rss,
        "peak_rss_mib": round(result.peak_rss / MIB),
        "peak_rss_main_mib": round(result.peak_rss_main / MIB),
        "peak_processes": result.peak_processes,
        "rss_samples": result.samples,
        "rss_series_mib": result.rss_series_mib,
        "log": result.log,
    }


# --------------------------------------------------------------------------- targets and table


@dataclass
class Check:
    name: str
    passed: bool | None  # None: not measured
    detail: str


def _failed(*entries: dict) -> str:
    names = [e.get("name", "?") for e in entries if not e.get("ok")]
    return f" [failed run: {', '.join(names)}; figure not judged]" if names else ""


def evaluate(report: dict) -> list[Check]:
    """The issue's targets. A target that involves a failed run is shown but not judged (None)."""
    checks = []
    runs = report.get("runs", {})
    base, spacy_run = runs.get("x1"), report.get("baseline")
    if base and spacy_run and spacy_run.get("seconds"):
        ratio = base["seconds"] / spacy_run["seconds"]
        note = _failed(spacy_run, base)
        checks.append(Check(
            f"pipeline x1 / bare spaCy <= {MAX_RATIO}",
            None if note else ratio <= MAX_RATIO,
            f"{base['seconds']:.1f} s / {spacy_run['seconds']:.1f} s = {ratio:.2f}{note}",
        ))
    else:
        checks.append(Check(f"pipeline x1 / bare spaCy <= {MAX_RATIO}", None, "not measured"))
    largest = max((int(k[1:]) for k in runs), default=1)
    if base and largest > 1:
        top = runs[f"x{largest}"]
        note = _failed(base, top)
        limit = GROWTH_SLACK * largest
        growth = top["seconds"] / base["seconds"]
        checks.append(Check(
            f"x{largest} time <= {limit:.1f} x the x1 time",
            None if note else growth <= limit,
            f"{top['seconds']:.1f} s / {base['seconds']:.1f} s = {growth:.2f}x{note}",
        ))
        memory = top["peak_rss_bytes"] / max(base["peak_rss_bytes"], 1)
        checks.append(Check(
            f"x{largest} peak memory <= {MAX_MEMORY_GROWTH:g} x the x1 peak and < {MAX_PEAK_BYTES // GIB} GiB",
            None if note else memory <= MAX_MEMORY_GROWTH and top["peak_rss_bytes"] < MAX_PEAK_BYTES,
            f"{top['peak_rss_mib']:,} MiB / {base['peak_rss_mib']:,} MiB = {memory:.2f}x{note}",
        ))
    else:
        checks.append(Check("growth (time and memory)", None, "no x1 and larger run"))
    rerun = report.get("reruns", {}).get("one_article")
    if base and rerun:
        note = _failed(base, rerun)
        share = rerun["seconds"] / base["seconds"]
        checks.append(Check(
            f"one-article rerun < {MAX_RERUN_SHARE:.0%} of the full run",
            None if note else share < MAX_RERUN_SHARE,
            f"{rerun['seconds']:.1f} s / {base['seconds']:.1f} s = {share:.1%}{note}",
        ))
    else:
        checks.append(Check(f"one-article rerun < {MAX_RERUN_SHARE:.0%} of the full run", None, "not measured"))
    return checks


def format_table(report: dict) -> str:
    rows = [("stage", "articles", "words", "wall s", "cpu s", "words/s", "peak RSS MiB", "main MiB", "procs",
             "vs x1", "load", "status")]
    base = report.get("runs", {}).get("x1", {})

    def add(label: str, entry: dict | None) -> None:
        if not entry:
            return
        relative = f"{entry['seconds'] / base['seconds']:.2f}" if base.get("seconds") else ""
        rows.append((
            label,
            f"{entry['articles']:,}",
            f"{entry['words']:,}",
            f"{entry['seconds']:.1f}",
            f"{entry.get('cpu_seconds', 0):.1f}",
            f"{entry['words_per_second']:,}",
            f"{entry['peak_rss_mib']:,}",
            f"{entry['peak_rss_main_mib']:,}",
            str(entry["peak_processes"]),
            relative,
            f"{entry.get('load_average_before', 0):.1f}",
            "ok" if entry.get("ok") else
            "TIMED OUT" if entry.get("returncode") == TIMED_OUT else f"FAILED (exit {entry.get('returncode')})",
        ))

    add("bare spaCy", report.get("baseline"))
    for key, entry in report.get("runs", {}).items():
        add(f"pipeline {key}", entry)
    reruns = report.get("reruns", {})
    add("rerun, no change", reruns.get("no_change"))
    add("rerun, 1 edited", reruns.get("one_article"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:-1], widths[1:-1])] + [row[-1]]
        lines.append("  ".join(cells))
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def format_steps(report: dict, at_least: float = 1.0) -> str:
    """Each run's Dagster steps of `at_least` seconds, slowest first; the rest summed."""
    lines = []
    entries = [(f"pipeline {k}", v) for k, v in report.get("runs", {}).items()]
    entries += [(f"rerun {k}", v) for k, v in report.get("reruns", {}).items()]
    for label, entry in entries:
        steps = entry.get("step_seconds") or {}
        if not steps:
            continue
        big = sorted(((v, k) for k, v in steps.items() if v >= at_least), reverse=True)
        small = [v for v in steps.values() if v < at_least]
        parts = [f"{k} {v:.1f}" for v, k in big]
        if small:
            parts.append(f"{len(small)} other steps {sum(small):.1f}")
        parts.append(f"outside steps (start-up, Dagster) {entry['seconds'] - sum(steps.values()):.1f}")
        lines.append(f"  {label:<22} " + ", ".join(parts))
    return "\n".join(lines)


# --------------------------------------------------------------------------- the benchmark


def run_bench(
    quick: bool, keep: bool, workdir: Path | None, articles: int | None, scales: tuple[int, ...], snapshot: bool = True
) -> dict:
    global CODE_ROOT
    corpus = corpus_dir()
    every = article_files(corpus)
    if not every:
        raise SystemExit(f"no *.txt articles under {corpus} (set NEWSEVENTS_BENCH_CORPUS)")
    chosen = spread_sample(every, articles)
    words = count_words(chosen)
    scales = tuple(sorted(set(scales) | {1}))
    root = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="newsevents-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    logs = root / "logs"
    CODE_ROOT = snapshot_code(root / "code") if snapshot else None
    report: dict = {
        "started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "quick": quick,
        "machine": {
            "cpus": os.cpu_count(),
            "memory_gib": round(psutil.virtual_memory().total / GIB, 1),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "settings": {"spacy_model": settings.spacy_model_name(), "n_process": settings.n_process()},
        "corpus": {"path": str(corpus), "articles": len(chosen), "of": len(every), "words": words},
        "workdir": str(root),
        "code": _code_description(snapshot),
        "memory_sampling": f"RSS summed over the process tree every {SAMPLE_SECONDS} s (psutil)",
        "replicas": "replica k = the same files under x<k>/ with k newlines appended",
        "runs": {},
        "reruns": {},
    }
    say = _printer()
    say(f"corpus {corpus}: {len(chosen):,} of {len(every):,} articles, {words:,} words; work in {root}")
    try:
        x1 = root / "x1"
        replicate(chosen, corpus, x1 / "seeds", 1)
        say("bare spaCy ...")
        spacy_run, inner = measure_spacy(x1 / "seeds", logs)
        report["baseline"] = {**summary(spacy_run, words, len(chosen)), **inner}
        say(f"  {spacy_run.seconds:.1f} s, peak {spacy_run.peak_rss / MIB:,.0f} MiB")

        for scale in scales:
            folder = root / f"x{scale}"
            if scale != 1:
                replicate(chosen, corpus, folder / "seeds", scale)
            say(f"pipeline x{scale} ...")
            result = measure_pipeline(
                f"pipeline-x{scale}", folder / "seeds", folder / "data", prepare_home(folder / "home"), logs
            )
            report["runs"][f"x{scale}"] = {**summary(result, words * scale, len(chosen) * scale), **run_details(result)}
            say(f"  {result.seconds:.1f} s, peak {result.peak_rss / MIB:,.0f} MiB" + _failure(result))
            if scale == 1:
                report["ratio"] = round(result.seconds / spacy_run.seconds, 3)
                report["cpu_ratio"] = round(result.cpu_seconds / max(spacy_run.cpu_seconds, 1e-9), 3)
                _reruns(report, x1, chosen, corpus, words, logs, say)
            elif not keep:
                shutil.rmtree(folder, ignore_errors=True)
    except (KeyboardInterrupt, SystemExit) as stop:  # Ctrl-C or SIGTERM: keep what was measured
        report["interrupted"] = f"{type(stop).__name__} {getattr(stop, 'code', '') or ''}".strip()
        say(f"interrupted ({report['interrupted']}); writing the figures measured so far")
    finally:
        if not keep:
            shutil.rmtree(root, ignore_errors=True)
            report["workdir"] = f"{root} (removed; --keep keeps it)"
    report["targets"] = [asdict(c) for c in evaluate(report)]
    report["finished_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return report


def _code_description(snapshot: bool) -> dict:
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=settings.PROJECT_ROOT, capture_output=True, text=True,
                                  timeout=30).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    changed = [line for line in git("status", "--porcelain").splitlines() if line.strip()]
    return {
        "commit": git("rev-parse", "--short", "HEAD") or None,
        "uncommitted_files": len(changed),
        "snapshot": "copied at the start; every stage ran that copy" if snapshot else "ran the working tree in place",
    }


def _reruns(report, x1, chosen, corpus, words, logs, say) -> None:
    home = x1 / "home"
    say("rerun, no change ...")
    same = measure_pipeline("rerun-no-change", x1 / "seeds", x1 / "data", home, logs)
    report["reruns"]["no_change"] = {**summary(same, words, len(chosen)), **run_details(same)}
    say(f"  {same.seconds:.1f} s" + _failure(same))
    edited = x1 / "seeds" / "x0" / PurePosixPath(chosen[0].relative_to(corpus).as_posix())
    edit_one_article(edited)
    say(f"rerun, {edited.relative_to(x1 / 'seeds')} edited ...")
    one = measure_pipeline("rerun-one-article", x1 / "seeds", x1 / "data", home, logs)
    report["reruns"]["one_article"] = {
        **summary(one, words, len(chosen)), **run_details(one), "edited": str(edited.relative_to(x1 / "seeds")),
    }
    say(f"  {one.seconds:.1f} s" + _failure(one))


def _failure(result: Measurement) -> str:
    if result.ok:
        return ""
    status = "TIMED OUT" if result.returncode == TIMED_OUT else f"FAILED (exit {result.returncode})"
    return f"  {status}: {failure_reason(Path(result.log))} (log {result.log})"


_ERROR_LINE = re.compile(r"^[\w.]*(Error|Exception|Failure|Interrupt)\b.*")


def failure_reason(log: Path) -> str:
    """The last exception line of a stage's log, or its last line."""
    try:
        lines = [line.strip() for line in log.read_text(encoding="utf-8", errors="replace").splitlines()]
    except OSError:
        return "no log"
    errors = [i for i, line in enumerate(lines) if _ERROR_LINE.match(line)]
    if not errors:
        return next((line for line in reversed(lines) if line and not line.startswith("---")), "")[:300]
    text = lines[errors[-1]]
    if text.endswith(":"):  # "1 blocking asset check failed with ERROR severity:" + the check on the next line
        text += " " + next((line for line in lines[errors[-1] + 1 :] if line), "")
    return text[:300]


def _printer():
    started = time.perf_counter()

    def say(message: str) -> None:
        print(f"[{time.perf_counter() - started:7.1f} s] {message}", flush=True)

    return say


def write_report(report: dict, name: str) -> Path:
    path = settings.data_dir() / "bench" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    os.replace(temp, path)
    return path


def print_report(report: dict, path: Path) -> None:
    corpus = report["corpus"]
    print()
    print(
        f"newsevents bench{' (quick)' if report['quick'] else ''}: {corpus['articles']:,} articles, "
        f"{corpus['words']:,} words x1; {report['machine']['cpus']} CPUs, "
        f"model {report['settings']['spacy_model']}, n_process {report['settings']['n_process']}"
    )
    print(format_table(report))
    steps = format_steps(report)
    if steps:
        print("\nDagster step seconds:")
        print(steps)
    base = report.get("baseline", {})
    if base.get("ok"):
        print(f"\nbare spaCy inside its process: load {base.get('load_seconds')} s, nlp.pipe {base.get('pipe_seconds')} s "
              f"(batch_size {base.get('batch_size')}, n_process {base.get('n_process')})")
    if report.get("ratio") is not None:
        print(f"ratio pipeline x1 / bare spaCy: wall {report['ratio']:.2f}, cpu {report.get('cpu_ratio', 0):.2f}")
    print("(cpu s: user+system of the stage's process tree; load: 1-min load average as it started,"
          " above ~0.3 means other work shared the CPUs)")
    print("\ntargets:")
    for check in report["targets"]:
        mark = {True: "PASS", False: "FAIL", None: "----"}[check["passed"]]
        print(f"  {mark}  {check['name']}: {check['detail']}")
    if report.get("interrupted"):
        print(f"\nINTERRUPTED ({report['interrupted']}): the figures above are partial")
    print(f"\nreport: {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_ARTICLES} articles, x1 and x2 only")
    parser.add_argument("--articles", type=int, default=None, help="use N articles spread over the corpus")
    parser.add_argument("--scales", default=None, help="comma-separated replication factors (default 1,2,4)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders and logs")
    parser.add_argument("--workdir", type=Path, default=None, help="work here instead of a new temp folder")
    parser.add_argument("--no-snapshot", action="store_true",
                        help="run the working tree in place instead of a copy taken at the start")
    parser.add_argument("--stage-timeout", type=float, default=STAGE_TIMEOUT, help="seconds before a stage is killed")
    parser.add_argument("--spacy-baseline", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    globals()["STAGE_TIMEOUT"] = args.stage_timeout
    if args.spacy_baseline is not None:
        return spacy_baseline_child(args.spacy_baseline)
    signal.signal(signal.SIGTERM, _exit_on_term)  # so `measure` stops the running stage's process group
    quick = args.quick or os.environ.get("NEWSEVENTS_BENCH_QUICK", "") not in ("", "0")
    articles = args.articles if args.articles is not None else (QUICK_ARTICLES if quick else None)
    scales = tuple(int(s) for s in args.scales.split(",")) if args.scales else (QUICK_SCALES if quick else FULL_SCALES)
    keep = args.keep or os.environ.get("NEWSEVENTS_BENCH_KEEP", "") not in ("", "0")
    report = run_bench(quick, keep, args.workdir, articles, scales, snapshot=not args.no_snapshot)
    custom = args.articles is not None or args.scales is not None
    path = write_report(report, "report-quick.json" if quick else "report-custom.json" if custom else "report.json")
    print_report(report, path)
    if report.get("interrupted"):
        return 130
    failed_runs = [r for r in [report.get("baseline"), *report["runs"].values(), *report["reruns"].values()]
                   if r and not r["ok"]]
    return 1 if failed_runs else 0


def _exit_on_term(signum, frame) -> None:
    raise SystemExit(128 + signum)


def bench_command() -> int:
    """`python -m pipeline.cli bench` (`make bench`); NEWSEVENTS_BENCH_QUICK=1 for --quick."""
    return main([])


if __name__ == "__main__":
    sys.exit(main())
