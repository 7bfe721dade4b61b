"""`make eval`: run the pipeline core on the gold articles, score it, print and save the table.

The pipeline runs in memory (ingest -> extract -> build_tables), so evaluating never
touches the seeds, the cache or the warehouse; the only file written is
`<data dir>/eval/report.json`. Scores are given for the dev split, the held-out split
and all articles. Per-article details list the missed gold items and the spurious
predictions for dev articles only: held-out gold is never shown, so nobody tunes on it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from pipeline import settings
from pipeline.evaluation.baseline import baseline_entities
from pipeline.evaluation.gold import (
    GOLD_DIR,
    SPLITS,
    GoldArticle,
    GoldEntity,
    GoldEvent,
    GoldQuote,
    GoldStance,
    load_gold,
)
from pipeline.evaluation.predictions import predictions_from_tables
from pipeline.evaluation.scoring import (
    TABLES,
    Outcome,
    PredEntity,
    PredEvent,
    Prediction,
    PredQuote,
    PredStance,
    Score,
    score_article,
    score_entities,
)
from pipeline.nlp.corpus import build_tables
from pipeline.nlp.extract import extract_articles
from pipeline.nlp.ingest import ingest
from pipeline.storage import atomic_path

BASELINE_LABEL = "entities, spaCy NER baseline"


def evaluate(gold_dir: Path = GOLD_DIR, n_process: int = 1) -> dict:
    """Run the pipeline and the baseline on the gold articles and score both."""
    gold = load_gold(gold_dir)
    articles, rejections = ingest(gold_dir / "articles")
    now = datetime.now(UTC).replace(tzinfo=None)
    tables = build_tables(list(extract_articles(articles, now, n_process)), rejections, now)
    predictions = predictions_from_tables(tables)
    outcomes = {a.article_id: score_article(a, predictions.get(a.article_id, Prediction())) for a in gold}
    guessed = zip(gold, baseline_entities(gold), strict=True)
    baseline = {a.article_id: score_entities(a, guesses) for a, guesses in guessed}
    return build_report(gold, outcomes, baseline)


def build_report(
    gold: Sequence[GoldArticle], outcomes: dict[str, dict[str, Outcome]], baseline: dict[str, Outcome]
) -> dict:
    """All articles at the top level, then each split, then each article."""

    def scores(articles: Sequence[GoldArticle]) -> dict:
        total = {t: sum((outcomes[a.article_id][t].score for a in articles), Score()) for t in TABLES}
        entities = sum((baseline[a.article_id].score for a in articles), Score())
        return {
            "n_articles": len(articles),
            **{t: s.as_dict() for t, s in total.items()},
            "baseline": {"entities": entities.as_dict()},
        }

    return {
        **scores(gold),
        "spacy_model": settings.spacy_model_name(),
        "splits": {split: scores([a for a in gold if a.split == split]) for split in SPLITS},
        "articles": {a.article_id: _article_details(a, outcomes[a.article_id], baseline[a.article_id]) for a in gold},
    }


def _article_details(article: GoldArticle, outcomes: dict[str, Outcome], baseline: Outcome) -> dict:
    def details(outcome: Outcome) -> dict:
        shown = outcome.score.as_dict()
        if article.split == "dev":
            shown["missed"] = [describe(item) for item in outcome.missed]
            shown["spurious"] = [describe(item) for item in outcome.spurious]
        return shown

    return {
        "split": article.split,
        **{t: details(o) for t, o in outcomes.items()},
        "baseline": {"entities": details(baseline)},
    }


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


def format_table(report: dict) -> str:
    """A markdown table: one row per split and table, the baseline under entities."""
    lines = [
        "| split | table | precision | recall | F1 | matched / predicted / gold | accuracy over matched |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    blocks = [(split, report["splits"][split]) for split in SPLITS] + [("all", report)]
    for split, block in blocks:
        rows = [(t, block[t]) for t in TABLES]
        rows.insert(1, (BASELINE_LABEL, block["baseline"]["entities"]))
        for table, score in rows:
            accuracies = ", ".join(
                f"{name.removesuffix('_accuracy')} {_rate(value)}"
                for name, value in score.items()
                if name.endswith("_accuracy")
            )
            lines.append(
                f"| {split} ({block['n_articles']}) | {table} | {_rate(score['precision'])} | {_rate(score['recall'])} "
                f"| {_rate(score['f1'])} | {score['matched']} / {score['predicted']} / {score['gold']} | {accuracies} |"
            )
    return "\n".join(lines)


def _rate(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def write_report(report: dict, data_dir: Path) -> Path:
    path = data_dir / "eval" / "report.json"
    with atomic_path(path) as temp:
        temp.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def run_evaluation() -> int:
    """The `eval` command: evaluate, print the table, write the JSON report."""
    report = evaluate(n_process=settings.n_process())
    print(format_table(report))
    print(f"report: {write_report(report, settings.data_dir())}")
    return 0
