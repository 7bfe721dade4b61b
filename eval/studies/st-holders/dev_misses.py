"""Dev articles only: each unmatched gold stance beside the predicted stances of its evidence
sentence, then those a same-sentence prediction would match with the right holder.

Usage: .venv/bin/python eval/studies/st-holders/dev_misses.py data/eval/report.json DEV_IDS
(DEV_IDS: a file of dev article ids, one a line; held-out articles are never read).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from pipeline.evaluation.gold import GOLD_DIR, load_gold
from pipeline.evaluation.scoring import content_words, coverage
from pipeline.nlp.corpus import build_tables
from pipeline.nlp.extract import extract_articles
from pipeline.nlp.ingest import ingest


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def main(report_path: str, ids_path: str) -> None:
    dev = set(Path(ids_path).read_text().split())
    report = json.loads(Path(report_path).read_text())
    gold = {a.article_id: a for a in load_gold(GOLD_DIR) if a.article_id in dev and a.split == "dev"}
    folder = Path(tempfile.mkdtemp())
    for article_id in gold:
        shutil.copy(GOLD_DIR / "articles" / f"{article_id}.txt", folder / f"{article_id}.txt")
    articles, rejections = ingest(folder)
    now = datetime.now(UTC).replace(tzinfo=None)
    tables = build_tables(list(extract_articles(articles, now, 1)), rejections, now)
    stances, entities = tables["stances"], tables["entities"]
    names = dict(zip(entities["entity_id"], entities["name"], strict=True))
    holder_only = []
    for article_id in sorted(gold):
        missed = set(report["articles"][article_id]["stances"].get("missed", []))
        rows = stances[stances.article_id == article_id]
        for item in gold[article_id].stances:
            label = f"{item.holder}: {item.polarity} {item.target}"
            if label not in missed:
                continue
            evidence = words(item.evidence or "")
            near = [(len(evidence & words(r.evidence)) / max(1, len(evidence)), r) for r in rows.itertuples()]
            near = sorted((n for n in near if n[0] >= 0.4), key=lambda n: -n[0])
            print(f"\n[{article_id}] GOLD {label}\n   ev: {(item.evidence or '')[:220]}")
            if not near:
                print("   -> no prediction")
            for overlap, r in near[:4]:
                print(f"   -> {names.get(r.holder_entity_id)}: {r.polarity} {r.target}  (ov {overlap:.2f})")
                if coverage(content_words(item.target), content_words(r.target)) >= 0.5:
                    holder_only.append(f"[{article_id}] {label}  <-  {names.get(r.holder_entity_id)}: {r.target}")
    print("\n===== TARGET RIGHT, HOLDER WRONG =====")
    print("\n".join(holder_only))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
