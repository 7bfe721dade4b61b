"""The report as markdown tables: per split, per domain, per event type, per entity type.

Every F1 comes with its 95 % bootstrap interval (bootstrap.py) and, when a last
report is committed, its change against it (last_report.py), so a reader sees at once
whether a difference is larger than the noise.
"""

from __future__ import annotations

from pipeline.evaluation.last_report import SCOPES, scope_block, score_key
from pipeline.evaluation.scoring import TABLES

BASELINE_LABEL = "entities, spaCy NER baseline"


def _rate(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def accuracies_text(score: dict) -> str:
    """ "speaker 0.874, …": each accuracy over matched items a score has (its `*_accuracy`
    keys), "–" where nothing was matched."""
    return ", ".join(
        f"{name.removesuffix('_accuracy')} {_rate(value)}"
        for name, value in score.items()
        if name.endswith("_accuracy")
    )


def _interval(score: dict) -> str:
    ci = score.get("f1_ci")
    return "–" if not ci else f"{ci[0]:.2f}–{ci[1]:.2f}"


def _change(delta: dict[str, float] | None, key: str) -> str:
    """+0.012 / -0.030 / 0 against the last report; "new" when it had no such score."""
    if not delta:
        return ""
    if key not in delta:
        return "new"
    return f"{delta[key]:+.3f}" if delta[key] else "0"


def _cell(score: dict | None, delta: dict[str, float] | None, key: str) -> str:
    """F1 [interval] matched/predicted/gold Δ, in one cell; "–" when there is nothing on either side."""
    if not score or not (score["predicted"] or score["gold"]):
        return "–"
    change = _change(delta, key)
    return (
        f"{_rate(score['f1'])} [{_interval(score)}] {score['matched']}/{score['predicted']}/{score['gold']}"
        + (f" {change}" if change else "")
    )


def format_table(report: dict, delta: dict[str, float] | None = None) -> str:
    """One row per split and table, the baseline under entities."""
    lines = [
        "| split | table | precision | recall | F1 | 95% CI | Δ F1 | matched / predicted / gold "
        "| accuracy over matched |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for scope in SCOPES:
        block = scope_block(report, scope)
        rows = [(t, t, block[t]) for t in TABLES]
        rows.insert(1, (BASELINE_LABEL, "baseline_entities", block["baseline"]["entities"]))
        for label, table, score in rows:
            accuracies = accuracies_text(score)
            lines.append(
                f"| {scope} ({block['n_articles']}) | {label} | {_rate(score['precision'])} "
                f"| {_rate(score['recall'])} | {_rate(score['f1'])} | {_interval(score)} "
                f"| {_change(delta, score_key(scope, table)) or '–'} "
                f"| {score['matched']} / {score['predicted']} / {score['gold']} | {accuracies} |"
            )
    return "\n".join(lines)


def format_domains(report: dict, delta: dict[str, float] | None = None) -> str:
    """One row per split and domain; each cell F1 [95% CI] matched/predicted/gold Δ."""
    lines = [
        "| split | domain (articles) | " + " | ".join(TABLES) + " |",
        "|---|---|" + "---|" * len(TABLES),
    ]
    for scope in SCOPES:
        for domain, block in report["domains"][scope].items():
            cells = [_cell(block[t], delta, score_key(scope, t, domain)) for t in TABLES]
            lines.append(f"| {scope} | {domain} ({block['n_articles']}) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def format_types(report: dict, table: str, delta: dict[str, float] | None = None) -> str:
    """One row per type of `table` (entities or events), a column per split; for entities
    each type's baseline row follows it. Each cell F1 [95% CI] matched/predicted/gold Δ."""
    by_scope = {scope: report["by_type"][scope] for scope in SCOPES}
    kinds = sorted({kind for scope in SCOPES for kind in by_scope[scope].get(table, {})})
    variants = [(table, "")] + ([("baseline_entities", ", baseline")] if table == "entities" else [])
    singular = {"entities": "entity", "events": "event"}[table]
    lines = [f"| {singular} type | " + " | ".join(SCOPES) + " |", "|---|" + "---|" * len(SCOPES)]
    for kind in kinds:
        for name, label in variants:
            cells = [_cell(by_scope[s].get(name, {}).get(kind), delta, score_key(s, name, kind=kind)) for s in SCOPES]
            lines.append(f"| {kind}{label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def format_all(report: dict, delta: dict[str, float] | None = None) -> str:
    """Every table, each under a heading, in the order `make eval` prints them."""
    cell = "cells: F1 [95% CI] matched/predicted/gold" + (" Δ F1" if delta else "")
    return "\n\n".join(
        [
            "## Per split\n\n" + format_table(report, delta),
            f"## Per domain ({cell})\n\n" + format_domains(report, delta),
            f"## Per event type ({cell})\n\n" + format_types(report, "events", delta),
            f"## Per entity type ({cell})\n\n" + format_types(report, "entities", delta),
        ]
    )
