"""List the dev-split stances the pipeline predicts that match no gold stance (dev only).

Runs the pipeline core on the `split: dev` articles alone (as `make eval` does, through
`dev_speaker_errors.dev_tables`), scores each article's stances and prints, per unmatched
prediction, its holder, polarity, target, evidence and sentence, then the article's gold
stances and matched predictions, so that each can be sorted by hand (other target wording,
no stance, wrong holder, duplicate). Held-out articles are never read.

    .venv/bin/python scripts/dev_stance_extras.py
"""

from __future__ import annotations

import sys

from dev_speaker_errors import dev_tables

from pipeline.evaluation.predictions import predictions_from_tables
from pipeline.evaluation.scoring import Prediction, score_stances


def main() -> int:
    gold, tables = dev_tables()
    predictions = predictions_from_tables(tables)
    sentences = {(r.article_id, r.sentence_id): r.text for r in tables["sentences"].itertuples()}
    names = {r.entity_id: r.name for r in tables["entities"].itertuples()}
    rows: dict[str, list] = {}
    for r in tables["stances"].itertuples():
        rows.setdefault(r.article_id, []).append(r)
    total = 0
    for article in gold:
        assert article.split == "dev"
        pred = predictions.get(article.article_id, Prediction()).stances
        outcome = score_stances(article, pred)
        if not outcome.spurious:
            continue
        print(f"== {article.article_id}")
        for g in article.stances:
            print(f"   gold: {g.holder}: {g.polarity} {g.target}")
        for _, j in outcome.pairs:
            p = pred[j]
            print(f"   matched: {p.holder.name if p.holder else None}: {p.polarity} {p.target}")
        for p in outcome.spurious:
            total += 1
            # the row of this holder: a target and side two holders share has a row for each
            row = next((r for r in rows.get(article.article_id, []) if r.target == p.target
                        and r.polarity == p.polarity
                        and names.get(r.holder_entity_id) == (p.holder.name if p.holder else None)), None)
            text = sentences.get((article.article_id, row.sentence_id)) if row is not None else None
            print(f"  * {p.holder.name if p.holder else None}: {p.polarity} {p.target!r}")
            if row is not None:
                print(f"      evidence: {row.evidence!r}\n      sentence: {text!r}")
    print(f"\n{total} unmatched dev stances", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
