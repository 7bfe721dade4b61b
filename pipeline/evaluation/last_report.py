"""The last accepted report, eval/last_report.json, and the change of every F1 against it.

A quality drop must show up in review, not only in someone's terminal. `make eval`
compares each F1 (per split, per domain, per type) with the committed report and
prints the differences; `make eval-accept` records the current report as the new
reference, so the commit that changes quality also changes this file and its diff shows
by how much. The committed file holds aggregate scores only: no per-article items.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline import settings
from pipeline.evaluation.gold import SPLITS
from pipeline.storage import atomic_path

LAST_REPORT = settings.PROJECT_ROOT / "eval" / "last_report.json"
SCOPES = (*SPLITS, "all")
NOTABLE_CHANGE = 0.01  # smaller moves are listed in the tables but not in the summary


def score_key(scope: str, table: str, domain: str | None = None, kind: str | None = None) -> str:
    """The name of one F1 in the flat view: `heldout/events`, `dev/domain:wikinews/quotes`,
    `all/entities:PERSON`, `dev/baseline_entities:GROUP`."""
    middle = f"/domain:{domain}" if domain else ""
    return f"{scope}{middle}/{table}" + (f":{kind}" if kind else "")


def scope_block(report: dict, scope: str) -> dict:
    """The scores of one split, or of all articles ("all")."""
    return report if scope == "all" else report["splits"][scope]


def flat_f1(report: dict) -> dict[str, float]:
    """Every F1 of a report, by score_key."""
    flat = {}
    for scope in SCOPES:
        blocks = [(None, scope_block(report, scope))] + list(report.get("domains", {}).get(scope, {}).items())
        for domain, block in blocks:
            for table, score in _tables(block):
                flat[score_key(scope, table, domain)] = score["f1"]
        for table, by_kind in report.get("by_type", {}).get(scope, {}).items():
            for kind, score in by_kind.items():
                flat[score_key(scope, table, kind=kind)] = score["f1"]
    return flat


def _tables(block: dict) -> list[tuple[str, dict]]:
    scored = [(t, s) for t, s in block.items() if isinstance(s, dict) and "f1" in s]
    if "baseline" in block:
        scored.append(("baseline_entities", block["baseline"]["entities"]))
    return scored


def deltas(report: dict, last: dict | None) -> dict[str, float]:
    """score_key -> current F1 minus last F1, for the scores both reports have."""
    if last is None:
        return {}
    before, now = flat_f1(last), flat_f1(report)
    return {key: round(now[key] - before[key], 4) for key in now if key in before}


def summary(report: dict) -> dict:
    """What is committed: the report without its per-article details."""
    return {key: value for key, value in report.items() if key != "articles"}


def load_last(path: Path = LAST_REPORT) -> dict | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def accept(report: dict, path: Path = LAST_REPORT) -> Path:
    """Record this report as the reference the next `make eval` compares with."""
    with atomic_path(path) as temp:
        temp.write_text(json.dumps(summary(report), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def format_changes(report: dict, last: dict | None, path: Path = LAST_REPORT) -> str:
    """A few lines: is there a reference, how many scores moved, and the notable drops and gains."""
    where = _shown(path)
    if last is None:
        return f"Δ: no {where} yet, so no change is shown (`make eval-accept` records this report)."
    change = deltas(report, last)
    now, before = flat_f1(report), flat_f1(last)
    drops = sorted(((d, k) for k, d in change.items() if d <= -NOTABLE_CHANGE))
    gains = sorted(((d, k) for k, d in change.items() if d >= NOTABLE_CHANGE), reverse=True)
    lines = [
        f"Δ against {where}: {len(change)} F1 scores compared, {len(drops)} dropped and {len(gains)} rose "
        f"by {NOTABLE_CHANGE} or more; {len(now.keys() - before.keys())} new, {len(before.keys() - now.keys())} gone."
    ]
    for title, moves in (("drops", drops), ("gains", gains)):
        if moves:
            shown = ", ".join(f"{k} {d:+.3f}" for d, k in moves[:12])
            more = f" (+{len(moves) - 12} more)" if len(moves) > 12 else ""
            lines.append(f"  {title}: {shown}{more}")
    return "\n".join(lines)


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(settings.PROJECT_ROOT))
    except ValueError:
        return str(path)
