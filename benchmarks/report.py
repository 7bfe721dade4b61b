"""The benchmark's targets, its table and its report file.

The targets are the performance issue's: the pipeline within 1.15x bare spaCy's wall time
and CPU time (medians of interleaved runs), near-linear growth in time and flat memory as the
corpus is replicated, a one-article rerun under 5% of the full run and a rerun with nothing
changed under 3%. A ratio's verdict says whether the spread of the runs could flip it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measuring import TIMED_OUT
from benchmarks.repeats import ratio
from pipeline import settings

GIB = 1024**3
MAX_RATIO = 1.15  # pipeline / bare spaCy, medians, in wall time and in CPU time
GROWTH_SLACK = 1.1  # time at xN <= 1.1 * N * time at x1
MAX_MEMORY_GROWTH = 1.2  # peak RSS at x4 <= 1.2 * peak RSS at x1
MAX_PEAK_BYTES = 4 * GIB
MAX_RERUN_SHARE = 0.05  # one-article rerun < 5 % of the full x1 run
MAX_NO_CHANGE_SHARE = 0.03  # rerun with nothing changed < 3 % of the full x1 run

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
    for key, label in (("seconds", "wall"), ("cpu_seconds", "cpu")):
        name = f"pipeline x1 / bare spaCy <= {MAX_RATIO} ({label}, medians)"
        if not (base and spacy_run and spacy_run.get(key)):
            checks.append(Check(name, None, "not measured"))
            continue
        bounds = ratio(base, spacy_run, key)
        note = _failed(spacy_run, base)
        steady = (bounds["high"] <= MAX_RATIO) or (bounds["low"] > MAX_RATIO)
        checks.append(Check(
            name,
            None if note else bounds["median"] <= MAX_RATIO,
            f"{base[key]:.1f} s / {spacy_run[key]:.1f} s = {bounds['median']:.2f}"
            f" (over the runs' ranges {bounds['low']:.2f}-{bounds['high']:.2f}: "
            f"{'noise of this size cannot flip it' if steady else 'noise of this size could flip it'}"
            + (f"; pair by pair {', '.join(f'{r:.2f}' for r in bounds['pairs'])}" if bounds.get("pairs") else "")
            + f"){note}",
        ))
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
    for key, label, limit in (("one_article", "one-article rerun", MAX_RERUN_SHARE),
                              ("no_change", "no-change rerun", MAX_NO_CHANGE_SHARE)):
        rerun = report.get("reruns", {}).get(key)
        name = f"{label} < {limit:.0%} of the full run"
        if not (base and rerun):
            checks.append(Check(name, None, "not measured"))
            continue
        note = _failed(base, rerun)
        share = ratio(rerun, base, "seconds")
        steady = (share["high"] < limit) or (share["low"] >= limit)
        detail = (f"{rerun['seconds']:.1f} s / {base['seconds']:.1f} s = {share['median']:.1%}"
                  f" (over the runs' ranges {share['low']:.1%}-{share['high']:.1%}: "
                  f"{'noise of this size cannot flip it' if steady else 'noise of this size could flip it'}){note}")
        checks.append(Check(name, None if note else rerun["seconds"] / base["seconds"] < limit, detail))
    return checks


def format_table(report: dict) -> str:
    """One row per stage; repeated stages show their median and, after it, their range."""
    rows = [("stage", "n", "articles", "wall s", "wall range", "cpu s", "cpu range", "words/s", "peak RSS MiB",
             "main MiB", "procs", "vs x1", "load", "others' cpu s", "status")]
    base = report.get("runs", {}).get("x1", {})

    def spread(entry: dict, key: str) -> str:
        low, high = entry.get(f"{key}_range", [None, None])
        return f"{low:.1f}-{high:.1f}" if low is not None else ""

    def add(label: str, entry: dict | None) -> None:
        if not entry:
            return
        relative = f"{entry['seconds'] / base['seconds']:.2f}" if base.get("seconds") else ""
        rows.append((
            label,
            str(entry.get("n", 1)),
            f"{entry['articles']:,}",
            f"{entry['seconds']:.1f}",
            spread(entry, "seconds"),
            f"{entry.get('cpu_seconds', 0):.1f}",
            spread(entry, "cpu_seconds"),
            f"{entry['words_per_second']:,}",
            f"{entry['peak_rss_mib']:,}",
            f"{entry['peak_rss_main_mib']:,}",
            str(entry["peak_processes"]),
            relative,
            f"{entry.get('load_average_mean', entry.get('load_average_before', 0)):.1f}",
            f"{entry.get('others_cpu_seconds', 0):.1f}",
            "ok" if entry.get("ok") else
            "TIMED OUT" if entry.get("returncode") == TIMED_OUT else f"FAILED (exit {entry.get('returncode')})",
        ))

    for size, entry in report.get("baseline_sweep", {}).items():
        add(f"bare spaCy b={size} (sweep)", entry)
    add(f"bare spaCy b={report.get('baseline', {}).get('batch_size', '?')}", report.get("baseline"))
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


def format_peaks(report: dict) -> str:
    """Each pipeline run's memory peak: when it came and the processes that held it, by the
    names the pipeline gives them (`main` is the run's own process)."""
    lines = []
    entries = [(f"pipeline {k}", v) for k, v in report.get("runs", {}).items()]
    entries += [(f"rerun {k}", v) for k, v in report.get("reruns", {}).items()]
    for label, entry in entries:
        tree = entry.get("peak_tree") or []
        if not tree:
            continue
        held: dict[str, list[int]] = {}
        for process in tree:
            held.setdefault(process["name"], []).append(process["rss_mib"])
        parts = [f"{name} {'+'.join(f'{m:,}' for m in sizes)}" for name, sizes in held.items()]
        lines.append(f"  {label:<22} {entry['peak_rss_mib']:,} MiB at {entry.get('peak_at_seconds', 0):.1f} s: "
                     + ", ".join(parts))
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
    peaks = format_peaks(report)
    if peaks:
        print("\nmemory peaks (RSS of each process at the sample with the largest sum):")
        print(peaks)
    base = report.get("baseline", {})
    if base.get("ok"):
        inner = [(s.get("load_seconds"), s.get("pipe_seconds")) for s in base.get("samples", [base])]
        print(f"\nbare spaCy inside its process (batch_size {base.get('batch_size')}, n_process "
              f"{base.get('n_process')}): " + "; ".join(f"load {a} s, nlp.pipe {b} s" for a, b in inner))
    for key, label in (("ratio", "wall"), ("cpu_ratio", "cpu")):
        bounds = report.get(key)
        if isinstance(bounds, dict):
            pairs = ", ".join(f"{r:.2f}" for r in bounds.get("pairs", []))
            print(f"ratio pipeline x1 / bare spaCy, {label}: {bounds['median']:.2f} from medians "
                  f"(over the runs' ranges {bounds['low']:.2f}-{bounds['high']:.2f}"
                  + (f"; pair by pair {pairs}" if pairs else "") + ")")
    print("(n: runs, interleaved with the baseline's, median shown; cpu s: user+system of the stage's process"
          " tree; load: mean 1-min load average while it ran, the stage's own workers included; others' cpu s:"
          " CPU seconds the machine spent on other work meanwhile, 0 on a quiet machine)")
    print("\ntargets:")
    for check in report["targets"]:
        mark = {True: "PASS", False: "FAIL", None: "----"}[check["passed"]]
        print(f"  {mark}  {check['name']}: {check['detail']}")
    if report.get("interrupted"):
        print(f"\nINTERRUPTED ({report['interrupted']}): the figures above are partial")
    print(f"\nreport: {path}")
