"""List matched dev quotes whose predicted speaker is wrong (dev split only).

Copies the `split: dev` gold articles and annotations to a temporary folder, runs the
pipeline core on them alone (as `make eval` does) and prints, for each gold quote
matched to a predicted one with a different speaker, the gold and predicted speakers
and the quote's opening words. Held-out articles are never read.

    .venv/bin/python scripts/dev_speaker_errors.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import yaml

from pipeline.evaluation.gold import GOLD_DIR, load_annotations
from pipeline.evaluation.predictions import predictions_from_tables
from pipeline.evaluation.scoring import Prediction, score_quotes, speaker_right
from pipeline.nlp.corpus import extracted_tables
from pipeline.nlp.ingest import ingest


def _dev_copy(target: Path) -> None:
    (target / "annotations").mkdir()
    (target / "articles").mkdir()
    for path in sorted((GOLD_DIR / "annotations").glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        if raw.get("split") != "dev":
            continue
        shutil.copy(path, target / "annotations" / path.name)
        shutil.copy(GOLD_DIR / "articles" / f"{path.stem}.txt", target / "articles" / f"{path.stem}.txt")


def dev_tables() -> tuple[list, dict]:
    """The dev articles' gold and the pipeline core's tables for them, run on them alone (as
    `make eval` does); `dev_stance_extras.py` reads the tables' sentences too."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _dev_copy(root)
        gold = load_annotations(root / "annotations", root / "articles")
        articles, rejections = ingest(root / "articles")
        tables = extracted_tables(articles, rejections)
    return gold, tables


def dev_predictions() -> tuple[list, dict[str, Prediction]]:
    """The dev articles' gold and what the pipeline core predicts for them, run on them alone
    (as `make eval` does); `dev_stance_misses.py` reads them too."""
    gold, tables = dev_tables()
    return gold, predictions_from_tables(tables)


def main() -> int:
    gold, predictions = dev_predictions()
    wrong = matched = 0
    for article in gold:
        assert article.split == "dev"
        pred = predictions.get(article.article_id, Prediction()).quotes
        for i, j in score_quotes(article, pred).pairs:
            g, p = article.quotes[i], pred[j]
            matched += 1
            if speaker_right(article, g, p):
                continue
            wrong += 1
            got = p.speaker.name if p.speaker else None
            print(f"{article.article_id}\n  gold: {g.speaker!r}  got: {got!r}\n  quote: {g.text[:110]!r}")
    print(f"\n{wrong} wrong speakers of {matched} matched dev quotes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
