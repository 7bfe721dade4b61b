"""`make eval`: run the pipeline core on the gold articles, score it, print and save the tables.

The pipeline runs in memory (ingest -> extract -> build_tables), so evaluating never
touches the seeds, the cache or the warehouse; the files written are
`<data dir>/eval/report.json` and `<data dir>/eval/dev_errors.txt` (and, with --accept,
eval/last_report.json). Scores are given for the dev split, the held-out split and all
articles, each also per domain and per entity and event type, every F1 with a 95 %
bootstrap interval over articles and its change against eval/last_report.json.
Per-article details list the missed gold items and the spurious predictions for dev
articles only: held-out gold is never shown, so nobody tunes on it. The event sentence
suite (tests/cases/events.yaml) is printed after the tables: its accuracy per PLOVER type
and its confusion table (`event_suite`).
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path

from pipeline import settings
from pipeline.evaluation.baseline import baseline_entities
from pipeline.evaluation.bootstrap import LEVEL, N_RESAMPLES, SEED, f1_interval
from pipeline.evaluation.breakdown import BY_TYPE_TABLES, scores_by_type, types_seen
from pipeline.evaluation.errors import describe, summarise_dev_errors, write_dev_errors
from pipeline.evaluation.event_suite import format_suite, run_suite
from pipeline.evaluation.gold import DOMAINS, GOLD_DIR, SPLITS, UNKNOWN_DOMAIN, GoldArticle, load_gold
from pipeline.evaluation.last_report import LAST_REPORT, deltas, format_changes, load_last
from pipeline.evaluation.last_report import accept as accept_report
from pipeline.evaluation.predictions import predictions_from_tables
from pipeline.evaluation.scoring import TABLES, Outcome, Prediction, Score, score_article, score_entities
from pipeline.evaluation.tables import BASELINE_LABEL, format_all, format_table
from pipeline.nlp.corpus import extracted_tables
from pipeline.nlp.ingest import ingest
from pipeline.storage import atomic_path

__all__ = ["BASELINE_LABEL", "build_report", "evaluate", "format_table", "run_evaluation", "write_report"]


def evaluate(gold_dir: Path = GOLD_DIR, n_process: int = 1) -> dict:
    """Run the pipeline and the baseline on the gold articles and score both."""
    gold = load_gold(gold_dir)
    articles, rejections = ingest(gold_dir / "articles")
    tables = extracted_tables(articles, rejections, n_process)
    predictions = predictions_from_tables(tables)
    outcomes = {a.article_id: score_article(a, predictions.get(a.article_id, Prediction())) for a in gold}
    guessed = zip(gold, baseline_entities(gold), strict=True)
    baseline = {a.article_id: score_entities(a, guesses) for a, guesses in guessed}
    return build_report(gold, outcomes, baseline)


def build_report(
    gold: Sequence[GoldArticle], outcomes: dict[str, dict[str, Outcome]], baseline: dict[str, Outcome]
) -> dict:
    """All articles at the top level, then each split, each domain within each split
    ("all" included), each entity and event type, and each article."""
    scopes = {"all": list(gold), **{split: [a for a in gold if a.split == split] for split in SPLITS}}
    by_type = {
        a.article_id: {
            **{t: scores_by_type(a, t, outcomes[a.article_id][t]) for t in BY_TYPE_TABLES},
            "baseline_entities": scores_by_type(a, "entities", baseline[a.article_id]),
        }
        for a in gold
    }

    def summed(per_article: list[Score]) -> dict:
        return {**sum(per_article, Score()).as_dict(), "f1_ci": f1_interval(per_article)}

    def scores(articles: Sequence[GoldArticle]) -> dict:
        return {
            "n_articles": len(articles),
            **{t: summed([outcomes[a.article_id][t].score for a in articles]) for t in TABLES},
            "baseline": {"entities": summed([baseline[a.article_id].score for a in articles])},
        }

    def type_scores(articles: Sequence[GoldArticle]) -> dict:
        tables = {}
        for table in (*BY_TYPE_TABLES, "baseline_entities"):
            per_article = [by_type[a.article_id][table] for a in articles]
            tables[table] = {
                kind: summed([found.get(kind, Score()) for found in per_article]) for kind in types_seen(per_article)
            }
        return tables

    def domains(articles: Sequence[GoldArticle]) -> dict:
        return {
            d: scores([a for a in articles if a.domain == d])
            for d in (*DOMAINS, UNKNOWN_DOMAIN)
            if any(a.domain == d for a in articles)
        }

    return {
        **scores(gold),
        "spacy_model": settings.spacy_model_name(),
        "bootstrap": {"resamples": N_RESAMPLES, "seed": SEED, "level": LEVEL, "unit": "article"},
        "splits": {split: scores(scopes[split]) for split in SPLITS},
        "domains": {scope: domains(articles) for scope, articles in scopes.items()},
        "by_type": {scope: type_scores(articles) for scope, articles in scopes.items()},
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
        "domain": article.domain,
        **{t: details(o) for t, o in outcomes.items()},
        "baseline": {"entities": details(baseline)},
    }


def write_report(report: dict, data_dir: Path) -> Path:
    path = data_dir / "eval" / "report.json"
    with atomic_path(path) as temp:
        temp.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def run_evaluation(accept: bool = False, last_report: Path = LAST_REPORT) -> int:
    """The `eval` command: evaluate, print every table and the change against the last
    accepted report, write the JSON report and the dev error list; with `accept`, record
    this report as the new reference."""
    started = time.perf_counter()
    report = evaluate(n_process=settings.n_process())
    last = load_last(last_report)
    print(format_all(report, deltas(report, last) if last is not None else None))
    print()
    print(format_suite(run_suite()))
    print()
    print(format_changes(report, last, last_report))
    data_dir = settings.data_dir()
    print(summarise_dev_errors(report, write_dev_errors(report, data_dir)))
    print(f"report: {write_report(report, data_dir)}")
    if accept:
        print(f"accepted as the new reference: {accept_report(report, last_report)}")
    print(f"evaluated {report['n_articles']} articles in {time.perf_counter() - started:.1f} s")
    return 0
