"""Quality as a number in the UI: the gold-set evaluation as an asset.

It runs the pipeline core on eval/gold/ in memory, independent of the seeds, so its
history tracks the extractors, not the data. For the same reason a report is kept, under
the fingerprint of its inputs, in the cache folder (`settings.cache_dir()`): a fresh data
folder on unchanged code and gold files gets it copied instead of a new evaluation. The
tables are in the metadata as markdown and every score as a number (`entities/f1`,
`dev/quotes/speaker_accuracy`, ...), which Dagster plots across materialisations.
"""

import hashlib
import json
from collections.abc import Callable
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
from pipeline.storage import InputsMarker, atomic_path

KEPT_FILES = ("report.json", "dev_errors.txt")
"""What an evaluation writes under data/eval/, and keeps in the cache folder."""


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
    accepted report (its changes are part of the report), and the tables' contract."""
    digest = hashlib.sha256(extractor_version().encode())
    package = Path(pipeline.evaluation.__file__).resolve().parent
    sources = sorted(package.glob("*.py")) + [package.parent / "schemas.py"]
    gold = sorted(p for p in GOLD_DIR.rglob("*") if p.is_file())
    for path in sources + gold + [p for p in (LAST_REPORT,) if p.is_file()]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def current_report(eval_dir: Path, fingerprint: str, evaluate_into: Callable[[Path], None]) -> str:
    """Make `eval_dir` hold the report of these inputs: "up to date" (it did), "copied" (from the
    cache folder, where an earlier evaluation of the same inputs left it) or "evaluated"."""
    marker = InputsMarker(eval_dir / "report.inputs.sha256")
    kept = settings.cache_dir() / "evaluation" / fingerprint
    if marker.matches(fingerprint, *(eval_dir / name for name in KEPT_FILES)):
        return "up to date"
    marker.forget()
    copied = all((kept / name).is_file() for name in KEPT_FILES)
    if copied:
        for name in KEPT_FILES:
            _copy(kept / name, eval_dir / name)
    else:
        evaluate_into(eval_dir)
        for name in KEPT_FILES:
            _copy(eval_dir / name, kept / name)
    marker.record(fingerprint)
    return "copied" if copied else "evaluated"


def _evaluate_into(eval_dir: Path) -> None:
    # the evaluation's modules bring spaCy and the whole pipeline core: imported when needed
    from pipeline.evaluation.errors import write_dev_errors
    from pipeline.evaluation.report import evaluate, write_report

    report = evaluate(n_process=settings.n_process())
    write_report(report, eval_dir.parent)
    write_dev_errors(report, eval_dir.parent)


def _copy(source: Path, target: Path) -> None:
    """Also between the cache folder and a data folder on object storage (small files)."""
    with atomic_path(target) as temp:
        temp.write_bytes(source.read_bytes())


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
    path = paths.data / "eval" / "report.json"
    how = current_report(paths.data / "eval", evaluation_fingerprint(), _evaluate_into)
    report = json.loads(path.read_text(encoding="utf-8"))
    context.log.info(
        {
            "up to date": "extractors, scorer and gold set unchanged: the report is up to date",
            "copied": "extractors, scorer and gold set as when last evaluated: report copied from the cache folder",
            "evaluated": f"evaluated {report['n_articles']} gold articles -> {path}",
        }[how]
    )
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
