"""The dev articles' misses and false hits, one line each, to read what goes wrong.

Only dev articles are listed: held-out gold is never shown, so nobody tunes on it (the
report keeps no item of a held-out article, and this module only reads the report).
The full list goes to a file, <data dir>/eval/dev_errors.txt; the terminal gets counts.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.evaluation.gold import GoldEntity, GoldEvent, GoldQuote, GoldStance
from pipeline.evaluation.scoring import TABLES, PredEntity, PredEvent, PredQuote, PredStance
from pipeline.storage import atomic_path

MISSED, FALSE_HIT = "-", "+"


def describe(item: object) -> str:
    """One line naming a gold or predicted item, for the error lists."""
    match item:
        case GoldEntity():
            return f"{item.name} ({item.type})"
        case PredEntity():
            return f"{item.name} ({'/'.join(sorted(item.types))})"
        case GoldQuote() | PredQuote():
            return f"[{item.kind}] {item.text[:100]}"
        case GoldStance():
            return f"{item.holder}: {item.polarity} {item.target}"
        case PredStance():
            return f"{item.holder.name if item.holder else None}: {item.polarity} {item.target}"
        case GoldEvent():
            return f"{item.type} [{', '.join(item.actors)}] {_when(item.date, item.date_precision)}"
        case PredEvent():
            names = ", ".join(a.name for a in item.actors if a)
            return f"{item.type} [{names}] {_when(item.date, item.date_precision)}"
    raise TypeError(f"not a gold or predicted item: {item!r}")


def _when(day: date | None, precision: str | None) -> str:
    """2023-07-25, 2023-07 or 2023 as precise as known; "no date" when unknown."""
    return day.isoformat()[: {"year": 4, "month": 7}.get(precision or "day", 10)] if day else "no date"


def _dev_articles(report: dict) -> list[tuple[str, dict]]:
    return [(a, d) for a, d in sorted(report["articles"].items()) if d["split"] == "dev"]


def format_dev_errors(report: dict) -> str:
    """Every missed gold item (-) and false hit (+) of every dev article, by article and table."""
    lines = [
        "# Dev articles only: '-' a gold item the pipeline missed, '+' a prediction matching no gold item.",
        "# Held-out articles are never listed.",
    ]
    for article_id, details in _dev_articles(report):
        lines.append(f"\n== {article_id} ({details.get('domain', 'unknown')})")
        for table in TABLES:
            lines += [f"{table:<9} {MISSED} {item}" for item in details[table].get("missed", ())]
            lines += [f"{table:<9} {FALSE_HIT} {item}" for item in details[table].get("spurious", ())]
    return "\n".join(lines) + "\n"


def write_dev_errors(report: dict, data_dir: Path) -> Path:
    path = data_dir / "eval" / "dev_errors.txt"
    with atomic_path(path) as temp:
        temp.write_text(format_dev_errors(report), encoding="utf-8")
    return path


def summarise_dev_errors(report: dict, path: Path | None = None, worst: int = 5) -> str:
    """Counts per table and the dev articles with the most errors, for the terminal."""
    articles = _dev_articles(report)
    counts = {
        t: (
            sum(len(d[t].get("missed", ())) for _, d in articles),
            sum(len(d[t].get("spurious", ())) for _, d in articles),
        )
        for t in TABLES
    }
    per_table = "; ".join(f"{t} {missed} missed, {false} false hits" for t, (missed, false) in counts.items())
    totals = sorted(
        ((sum(len(d[t].get("missed", ())) + len(d[t].get("spurious", ())) for t in TABLES), a) for a, d in articles),
        reverse=True,
    )
    lines = [f"dev errors ({len(articles)} articles): {per_table}"]
    if totals:
        lines.append("  most errors: " + ", ".join(f"{a} ({n})" for n, a in totals[:worst]))
    if path is not None:
        lines.append(f"  every item: {path}")
    return "\n".join(lines)
