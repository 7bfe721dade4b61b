"""Quality as a number in the UI: the gold-set evaluation as an asset.

It runs the pipeline core on eval/gold/ in memory, independent of the seeds, so its
history tracks the extractors, not the data. The tables are in the metadata as markdown
and every score as a number (`entities/f1`, `dev/quotes/speaker_accuracy`, ...), which
Dagster plots across materialisations.
"""

import hashlib
import json
from pathlib import Path

from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset

import pipeline.evaluation
from pipeline import settings
from pipeline.defs.resources import NewsPaths
from pipeline.evaluation.gold import GOLD_DIR, SPLITS
from pipeline.evaluation.last_report import LAST_REPORT, deltas, format_changes, load_last
from pipeline.evaluation.scoring import TABLES
from pipeline.evaluation.tables import format_all
from pipeline.nlp.version import extractor_version
from pipeline.storage import InputsMarker


def score_metadata(report: dict) -> dict[str, float]:
    """Every rate of the report, flat: all articles unprefixed, then `dev/...`, `heldout/...`."""
    scopes = [("", report)] + [(f"{split}/", report["splits"][split]) for split in SPLITS]
    flat = {}
    for prefix, block in scopes:
        scored = [(t, block[t]) for t in TABLES] + [("baseline/entities", block["baseline"]["entities"])]
        for table, score in scored:
            for name, value in score.items():
                if isinstance(value, float):
                    flat[f"{prefix}{table}/{name}"] = value
    return flat


def evaluation_fingerprint() -> str:
    """The report is a function of the extractors, the scorer, the gold files and the last
    accepted report (its changes are part of the report)."""
    digest = hashlib.sha256(extractor_version().encode())
    sources = sorted(Path(pipeline.evaluation.__file__).resolve().parent.glob("*.py"))
    gold = sorted(p for p in GOLD_DIR.rglob("*") if p.is_file())
    for path in sources + gold + [p for p in (LAST_REPORT,) if p.is_file()]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@asset(
    group_name="evaluation",
    kinds={"python"},
    owners=["team:newsevents"],
    tags={"layer": "quality"},
    description=(
        "Precision, recall and F1 of entities, events, quotes and stances against the "
        "hand-annotated gold set (eval/gold/), per split (dev, heldout) and overall, per domain "
        "and per entity and event type, each F1 with a 95% bootstrap interval and its change "
        "against eval/last_report.json, with a bare spaCy NER baseline for entities. Writes "
        "data/eval/report.json and the dev misses and false hits to data/eval/dev_errors.txt."
    ),
)
def evaluation_report(context: AssetExecutionContext, paths: NewsPaths) -> MaterializeResult:
    fingerprint = evaluation_fingerprint()
    marker = InputsMarker(paths.data / "eval" / "report.inputs.sha256")
    path = paths.data / "eval" / "report.json"
    if marker.matches(fingerprint, path):
        context.log.info("extractors, scorer and gold set unchanged: the report is up to date")
        report = json.loads(path.read_text(encoding="utf-8"))
    else:  # the evaluation's modules bring spaCy and the whole pipeline core: imported when needed
        from pipeline.evaluation.errors import write_dev_errors
        from pipeline.evaluation.report import evaluate, write_report

        report = evaluate(n_process=settings.n_process())
        marker.forget()
        path = write_report(report, paths.data)
        write_dev_errors(report, paths.data)
        marker.record(fingerprint)
        context.log.info(f"evaluated {report['n_articles']} gold articles -> {path}")
    last = load_last()
    return MaterializeResult(
        metadata={
            "scores": MetadataValue.md(format_all(report, deltas(report, last) if last is not None else None)),
            "changes": MetadataValue.text(format_changes(report, last)),
            "path": MetadataValue.path(str(path)),
            "n_articles": report["n_articles"],
            **score_metadata(report),
        }
    )
