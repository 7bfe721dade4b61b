"""Speed and memory of the whole pipeline against bare spaCy: `make bench`.

One invocation measures, each stage in its own subprocess (`benchmarks/stages.py`):

1. **sweep** - bare spaCy over the corpus texts once per batch size (32, 64, 128, 256 with
   the project's `n_process`); the fastest size is the baseline from then on; then the
   gold-set evaluation once, untimed, into the bench's cache folder: `make run` skips it when
   the code and gold files are those it last evaluated, so no timed run repeats it;
2. **x1, interleaved** - bare spaCy at that size, then the whole pipeline from an empty data
   folder and an empty DAGSTER_HOME over the same files, and again (`--repeats`, default 2);
   medians, ranges and the ratio of medians in wall and CPU time (`benchmarks/repeats.py`);
3. **rerun, no change** and **rerun, one article edited** on the last x1 run's folders,
   interleaved, three of each; medians and ranges as for x1;
4. **x2, x4** - the corpus replicated under new names (`benchmarks/corpus.py`), each from
   an empty data folder.

The code is copied into the work folder first (`pipeline/`, `benchmarks/`, `eval/`,
`dagster.yaml`) and every stage runs that copy, so edits made while the bench runs cannot
change what is measured, nor the extractor fingerprint between a run and its rerun
(`--no-snapshot` runs the working tree in place).

The corpus is `../shared/corpora/bbc-news` relative to the project root, or
`NEWSEVENTS_BENCH_CORPUS`. Every run works on copies in a temporary folder; the corpus
itself is only read. Figures go to `<data_dir>/bench/report.json`
(`report-quick.json` for `--quick`, `report-custom.json` with `--articles`/`--scales`).

    python -m pipeline.cli bench                 # what `make bench` runs
    python -m benchmarks.bench [--quick] [--keep] [--workdir DIR] [--articles N] [--scales 1,2,4]
                               [--no-snapshot] [--stage-timeout SECONDS] [--batch-sizes 32,64] [--repeats N]
    make bench-quick                             # --quick: 300 articles, x1 and x2
    NEWSEVENTS_BENCH_QUICK=1 make bench          # the same
    NEWSEVENTS_BENCH_KEEP=1 make bench           # --keep through make (logs stay in the work folder)
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

import psutil

from benchmarks.config import QUICK_ARTICLES, REPEATS, RERUN_REPEATS, STAGE_TIMEOUT, BenchConfig
from benchmarks.corpus import article_files, count_words, edit_one_article, replicate, snapshot_code, spread_sample
from benchmarks.measuring import MIB, TIMED_OUT, Measurement
from benchmarks.repeats import combine, ratio
from benchmarks.report import GIB, evaluate, print_report, write_report
from benchmarks.runlog import failure_reason, run_details, summary
from benchmarks.stages import Stages, spacy_baseline_child, sweep_batch_sizes, warm_evaluation_child
from pipeline import settings


def run_bench(config: BenchConfig) -> dict:
    """Measure every stage `config` asks for; the report, partial if interrupted."""
    corpus = config.corpus
    every = article_files(corpus)
    if not every:
        raise SystemExit(f"no *.txt articles under {corpus} (set NEWSEVENTS_BENCH_CORPUS)")
    chosen = spread_sample(every, config.articles)
    words = count_words(chosen)
    scales = tuple(sorted(set(config.scales) | {1}))
    root = Path(config.workdir) if config.workdir else Path(tempfile.mkdtemp(prefix="newsevents-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    stages = Stages(config, root / "logs", snapshot_code(root / "code") if config.snapshot else None, root / "cache")
    report: dict = {
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": config.quick,
        "machine": {
            "cpus": os.cpu_count(),
            "memory_gib": round(psutil.virtual_memory().total / GIB, 1),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "settings": {"spacy_model": settings.spacy_model_name(), "n_process": settings.n_process()},
        "corpus": {"path": str(corpus), "articles": len(chosen), "of": len(every), "words": words},
        "workdir": str(root),
        "code": _code_description(config.snapshot),
        "memory_sampling": f"RSS summed over the process tree every {config.sample_seconds} s (psutil)",
        "replicas": "replica k = the same files under x<k>/ with k newlines appended",
        "runs": {},
        "reruns": {},
    }
    say = _printer()
    say(f"corpus {corpus}: {len(chosen):,} of {len(every):,} articles, {words:,} words; work in {root}")
    try:
        x1 = root / "x1"
        replicate(chosen, corpus, x1 / "seeds", 1)
        best = _sweep(report, stages, x1 / "seeds", config, len(chosen), words, say)
        say("gold-set evaluation, into the cache folder (not part of any timed run) ...")
        warm = stages.warm_evaluation(root / "warm-evaluation")
        report["evaluation_warm_up"] = summary(warm, 0, 0)
        say(f"  {_figures(warm)}" + _failure(warm))
        baselines, pipelines = [], []
        for index in range(config.repeats):  # interleaved, so a slow spell hits both sides
            say(f"bare spaCy, batch size {best} ({index + 1}/{config.repeats}) ...")
            spacy_run, inner = stages.spacy(f"spacy-{index + 1}", x1 / "seeds", best)
            baselines.append({**summary(spacy_run, words, len(chosen)), **inner})
            say(f"  {_figures(spacy_run)}")
            say(f"pipeline x1 ({index + 1}/{config.repeats}) ...")
            run_root = x1 / f"run{index + 1}"
            home = stages.prepare_home(run_root / "home")
            result = stages.pipeline(f"pipeline-x1-{index + 1}", x1 / "seeds", run_root / "data", home)
            pipelines.append({**summary(result, words, len(chosen)), **run_details(result)})
            say(f"  {_figures(result)}" + _failure(result))
        report["baseline"] = combine(baselines)
        report["runs"]["x1"] = combine(pipelines)
        report["ratio"] = ratio(report["runs"]["x1"], report["baseline"], "seconds")
        report["cpu_ratio"] = ratio(report["runs"]["x1"], report["baseline"], "cpu_seconds")
        _reruns(report, stages, x1, run_root, chosen, corpus, words, say)

        for scale in scales:
            if scale == 1:
                continue
            folder = root / f"x{scale}"
            replicate(chosen, corpus, folder / "seeds", scale)
            say(f"pipeline x{scale} ...")
            home = stages.prepare_home(folder / "home")
            result = stages.pipeline(f"pipeline-x{scale}", folder / "seeds", folder / "data", home)
            report["runs"][f"x{scale}"] = {**summary(result, words * scale, len(chosen) * scale), **run_details(result)}
            say(f"  {_figures(result)}" + _failure(result))
            if not config.keep:
                shutil.rmtree(folder, ignore_errors=True)
    except (KeyboardInterrupt, SystemExit) as stop:  # Ctrl-C or SIGTERM: keep what was measured
        report["interrupted"] = f"{type(stop).__name__} {getattr(stop, 'code', '') or ''}".strip()
        say(f"interrupted ({report['interrupted']}); writing the figures measured so far")
    finally:
        if not config.keep:
            shutil.rmtree(root, ignore_errors=True)
            report["workdir"] = f"{root} (removed; --keep keeps it)"
    report["targets"] = [asdict(c) for c in evaluate(report)]
    report["finished_at"] = datetime.now(UTC).isoformat(timespec="seconds")
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


def _sweep(report: dict, stages: Stages, seeds: Path, config: BenchConfig, n_texts: int, words: int, say) -> int:
    """Bare spaCy once per batch size; the fastest size (wall time) is the baseline's."""
    sweep = {}
    for batch_size in sweep_batch_sizes(n_texts, settings.n_process(), config.batch_sizes):
        say(f"bare spaCy, batch size {batch_size} (sweep) ...")
        run, inner = stages.spacy(f"spacy-sweep-b{batch_size}", seeds, batch_size)
        sweep[batch_size] = {**summary(run, words, n_texts), **inner}
        say(f"  {_figures(run)}")
    report["baseline_sweep"] = {str(b): entry for b, entry in sweep.items()}
    usable = {b: e for b, e in sweep.items() if e["ok"]} or sweep
    return min(usable, key=lambda b: usable[b]["seconds"])


def _figures(result: Measurement) -> str:
    return (f"{result.seconds:.1f} s wall, {result.cpu_seconds:.1f} s cpu, peak {result.peak_rss / MIB:,.0f} MiB, "
            f"load {result.load_mean:.1f}, others' cpu {result.others_cpu_seconds:.1f} s")


def _reruns(
    report: dict, stages: Stages, x1: Path, run_root: Path, chosen: list[Path], corpus: Path, words: int, say
) -> None:
    """Both reruns on the folders of the last x1 run, interleaved (no change, one article
    edited, no change, ...) `RERUN_REPEATS` times: a rerun takes a few seconds, so one slow
    spell would move its share of the full run by a point, next to a 5 % target. Each edit
    appends the sentence again, so every edited rerun has a real change to extract."""
    home = run_root / "home"
    edited = x1 / "seeds" / "x0" / PurePosixPath(chosen[0].relative_to(corpus).as_posix())
    same_runs, edited_runs = [], []
    for index in range(RERUN_REPEATS):
        say(f"rerun, no change ({index + 1}/{RERUN_REPEATS}) ...")
        same = stages.pipeline(f"rerun-no-change-{index + 1}", x1 / "seeds", run_root / "data", home)
        same_runs.append({**summary(same, words, len(chosen)), **run_details(same)})
        say(f"  {_figures(same)}" + _failure(same))
        edit_one_article(edited)
        say(f"rerun, {edited.relative_to(x1 / 'seeds')} edited ({index + 1}/{RERUN_REPEATS}) ...")
        one = stages.pipeline(f"rerun-one-article-{index + 1}", x1 / "seeds", run_root / "data", home)
        edited_runs.append({**summary(one, words, len(chosen)), **run_details(one)})
        say(f"  {_figures(one)}" + _failure(one))
    report["reruns"]["no_change"] = combine(same_runs)
    report["reruns"]["one_article"] = {**combine(edited_runs), "edited": str(edited.relative_to(x1 / "seeds"))}


def _failure(result: Measurement) -> str:
    if result.ok:
        return ""
    status = "TIMED OUT" if result.returncode == TIMED_OUT else f"FAILED (exit {result.returncode})"
    return f"  {status}: {failure_reason(Path(result.log))} (log {result.log})"


def _printer():
    started = time.perf_counter()

    def say(message: str) -> None:
        print(f"[{time.perf_counter() - started:7.1f} s] {message}", flush=True)

    return say


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_ARTICLES} articles, x1 and x2 only")
    parser.add_argument("--articles", type=int, default=None, help="use N articles spread over the corpus")
    parser.add_argument("--scales", default=None, help="comma-separated replication factors (default 1,2,4)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders and logs")
    parser.add_argument("--workdir", type=Path, default=None, help="work here instead of a new temp folder")
    parser.add_argument("--no-snapshot", action="store_true",
                        help="run the working tree in place instead of a copy taken at the start")
    parser.add_argument("--stage-timeout", type=float, default=STAGE_TIMEOUT, help="seconds before a stage is killed")
    parser.add_argument("--batch-sizes", default=None,
                        help="comma-separated batch sizes tried for bare spaCy (default 32,64,128,256)")
    parser.add_argument("--repeats", type=int, default=REPEATS,
                        help=f"interleaved bare spaCy / pipeline x1 pairs (default {REPEATS})")
    parser.add_argument("--spacy-baseline", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--batch-size", type=int, default=64, help=argparse.SUPPRESS)
    parser.add_argument("--warm-evaluation", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.spacy_baseline is not None:
        return spacy_baseline_child(args.spacy_baseline, args.batch_size)
    if args.warm_evaluation is not None:
        return warm_evaluation_child(args.warm_evaluation)
    config = BenchConfig.from_options(
        os.environ, quick=args.quick, keep=args.keep, workdir=args.workdir, articles=args.articles,
        scales=args.scales, snapshot=not args.no_snapshot, stage_timeout=args.stage_timeout,
        batch_sizes=args.batch_sizes, repeats=args.repeats,
    )
    signal.signal(signal.SIGTERM, _exit_on_term)  # so `measure` stops the running stage's process group
    report = run_bench(config)
    path = write_report(report, config.report_name)
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
