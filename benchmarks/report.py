"""The benchmark's targets, its table and its report file.

The targets are the performance issue's: the pipeline within 1.3x bare spaCy's wall time,
near-linear growth in time and memory as the corpus is replicated, a one-article rerun
under a tenth of the full run.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measuring import TIMED_OUT
from pipeline import settings

GIB = 1024**3
MAX_RATIO = 1.3  # pipeline wall time / bare spaCy wall time
GROWTH_SLACK = 1.1  # time at xN <= 1.1 * N * time at x1
MAX_MEMORY_GROWTH = 2.0  # peak RSS at x4 <= 2 * peak RSS at x1
MAX_PEAK_BYTES = 4 * GIB
MAX_RERUN_SHARE = 0.10  # one-article rerun < 10 % of the full x1 run

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
        numbers = [c.rjust(w) for c, w in zip(row[1:-1], widths[1:-1], strict=True)]
        cells = [row[0].ljust(widths[0]), *numbers, row[-1]]
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
        print(f"\nbare spaCy inside its process: load {base.get('load_seconds')} s, "
              f"nlp.pipe {base.get('pipe_seconds')} s "
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
