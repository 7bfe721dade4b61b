"""What a stage's output and log say: row counts, articles processed, Dagster step times, failures."""

from __future__ import annotations

import re
from pathlib import Path

from benchmarks.measuring import MIB, Measurement

_ROWS = re.compile(r"^(\w+)\s+(\d+) rows$", re.MULTILINE)
_PROCESSED = re.compile(r"(\d+) articles, (\d+) to \(re\)process, (\d+) rejected")
_STEP = re.compile(r'Finished execution of step "([^"]+)" in ([^.]+(?:\.\d+)?[a-z]*)\.')
_ERROR_LINE = re.compile(r"^[\w.]*(Error|Exception|Failure|Interrupt)\b.*")


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
    """A stage's figures as they go into the report."""
    return {
        "name": result.name,
        "failure": None if result.ok else failure_reason(Path(result.log)),
        "ok": result.ok,
        "returncode": result.returncode,
        "seconds": round(result.seconds, 2),
        "cpu_seconds": round(result.cpu_seconds, 2),
        "load_average_before": round(result.load_before, 2),
        "load_average_mean": round(result.load_mean, 2),
        "load_average_max": round(result.load_max, 2),
        "others_cpu_seconds": round(result.others_cpu_seconds, 2),
        "words": words,
        "articles": articles,
        "words_per_second": round(words / result.seconds) if result.seconds else None,
        "peak_rss_bytes": result.peak_rss,
        "peak_rss_mib": round(result.peak_rss / MIB),
        "peak_rss_main_mib": round(result.peak_rss_main / MIB),
        "peak_processes": result.peak_processes,
        "peak_at_seconds": result.peak_seconds,
        "peak_tree": result.peak_tree,
        "rss_samples": result.samples,
        "rss_series_mib": result.rss_series_mib,
        "log": result.log,
    }


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
