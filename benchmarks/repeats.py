"""Repeated measurements of one stage folded into one figure: medians, with their spread.

On a shared machine one run's wall time can move by a third; a single baseline and a single
pipeline run can put the ratio on either side of a target. The bench therefore interleaves
the runs (bare spaCy, pipeline, bare spaCy, pipeline) so slow spells hit both sides, and
reports each side's median and range, the ratio of the medians, and the ratio's bounds
(fastest pipeline / slowest baseline to slowest pipeline / fastest baseline): when both
bounds sit on the same side of a target, noise of the size seen cannot flip the verdict.
"""

from __future__ import annotations

from statistics import median

MEASURED = ("seconds", "cpu_seconds", "others_cpu_seconds", "load_average_mean")


def combine(samples: list[dict]) -> dict:
    """One entry standing for `samples` (summaries of the same stage): medians of the timings,
    the largest peak memory, every sample kept under "samples"."""
    if not samples:
        return {}
    first = samples[0]
    entry = {key: value for key, value in first.items() if key not in ("samples", "rss_series_mib")}
    for key in MEASURED:
        values = [s.get(key, 0.0) for s in samples]
        entry[key] = round(median(values), 2)
        entry[f"{key}_range"] = [round(min(values), 2), round(max(values), 2)]
    peak = max(samples, key=lambda s: s["peak_rss_bytes"])
    for key in ("peak_rss_bytes", "peak_rss_mib", "peak_rss_main_mib", "peak_processes"):
        entry[key] = peak[key]
    for key in ("peak_at_seconds", "peak_tree", "peak_steps"):
        if key in peak:
            entry[key] = peak[key]
    entry["load_average_max"] = max(s.get("load_average_max", 0.0) for s in samples)
    entry["load_average_before"] = max(s.get("load_average_before", 0.0) for s in samples)
    entry["words_per_second"] = round(first["words"] / entry["seconds"]) if entry["seconds"] else None
    entry["ok"] = all(s["ok"] for s in samples)
    failed = next((s for s in samples if not s["ok"]), None)
    if failed:
        entry.update({k: failed.get(k) for k in ("name", "returncode", "failure")})
    steps: dict[str, list[float]] = {}
    for sample in samples:
        for step, seconds in (sample.get("step_seconds") or {}).items():
            steps.setdefault(step, []).append(seconds)
    if steps:
        entry["step_seconds"] = {step: round(median(values), 3) for step, values in steps.items()}
    entry["n"] = len(samples)
    entry["samples"] = samples
    return entry


def ratio(top: dict, bottom: dict, key: str = "seconds") -> dict:
    """top / bottom for `key`: the ratio of medians and its bounds over the samples' ranges,
    and, when both sides hold as many samples (interleaved runs, each top sample right after
    its bottom one), each pair's own ratio ("pairs"): a slow spell that lasts a pair moves
    both of its runs, so the pairs show how far the ratio itself moved between them."""
    low_top, high_top = top.get(f"{key}_range", [top[key], top[key]])
    low_bottom, high_bottom = bottom.get(f"{key}_range", [bottom[key], bottom[key]])
    bounds = {
        "median": round(top[key] / max(bottom[key], 1e-9), 3),
        "low": round(low_top / max(high_bottom, 1e-9), 3),
        "high": round(high_top / max(low_bottom, 1e-9), 3),
    }
    tops, bottoms = top.get("samples") or [], bottom.get("samples") or []
    if tops and len(tops) == len(bottoms):
        bounds["pairs"] = [round(t.get(key, 0.0) / max(b.get(key, 0.0), 1e-9), 3) for t, b in zip(tops, bottoms,
                                                                                                  strict=True)]
    return bounds
