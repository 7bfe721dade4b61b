"""The pipeline's stances on the study's articles, one YAML item each (README.md).

Runs the pipeline core as `make eval` does (ingest -> extract -> build_tables, one corpus of
the study's articles, copied into a temporary folder) and writes, per stance, the article,
holder (entity name, else none), target, polarity, score, whether it comes from a quote, the
evidence and the sentence. Usage, from the repository root:

    .venv/bin/python eval/studies/st-prec/predict.py <shared folder> <out.yaml>
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import yaml

from pipeline.nlp.corpus import build_tables
from pipeline.nlp.extract import extract_articles
from pipeline.nlp.ingest import ingest

STUDY = Path(__file__).resolve().parent


def predict(shared: Path) -> list[dict]:
    sources = [line.strip() for line in (STUDY / "articles.txt").read_text().splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as folder:
        by_name = {}
        for source in sources:
            shutil.copy(shared / source, Path(folder) / Path(source).name)
            by_name[Path(source).name] = source
        articles, _ = ingest(Path(folder))
        now = datetime.now(UTC).replace(tzinfo=None)
        tables = build_tables(list(extract_articles(articles, now)), [], now)
    names = dict(zip(tables["entities"]["entity_id"], tables["entities"]["name"], strict=True))
    files = dict(zip(tables["articles"]["article_id"], tables["articles"]["source_file"], strict=True))
    sentences = {
        (r.article_id, r.sentence_id): r.text for r in tables["sentences"].itertuples()
    }
    items = []
    for r in tables["stances"].sort_values(["article_id", "sentence_id", "stance_id"]).itertuples():
        holder = r.holder_entity_id
        items.append({
            "source": by_name.get(Path(str(files[r.article_id])).name, files[r.article_id]),
            "sentence_id": int(r.sentence_id),
            "holder": names.get(holder) if isinstance(holder, str) else None,
            "target": r.target,
            "polarity": r.polarity,
            "score": round(float(r.score), 2),
            "in_quote": isinstance(r.quote_id, str),
            "evidence": r.evidence,
            "sentence": sentences.get((r.article_id, r.sentence_id)),
        })
    return items


if __name__ == "__main__":
    out = predict(Path(sys.argv[1]))
    Path(sys.argv[2]).write_text(yaml.safe_dump(out, sort_keys=False, allow_unicode=True, width=120))
    print(f"{len(out)} stances")
