"""`make agreement A=dir B=dir`: how far two annotation passes over the same articles agree.

A score against gold cannot be better than the gold is consistent, so a second pass
over a few articles, annotated from scratch, measures the guide: where two passes
disagree, a rule is unclear. Pass A is read as gold and pass B as a prediction and
scored by the very scorer `make eval` uses (scoring.py), per layer, over the articles
both passes annotate. F1 is then the agreement; it is symmetric except for the coverage
thresholds of quotes and stances, which are measured on A's text.

A pass is a folder of annotation YAML files (or a gold folder with `annotations/`);
article texts come from its `articles/` folder when it has one, else from eval/gold/.
Only counts are printed, never items, so held-out articles may be part of a pass.

    python -m pipeline.evaluation.agreement eval/gold eval/second_pass
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from pipeline.evaluation.bootstrap import f1_interval
from pipeline.evaluation.gold import GOLD_DIR, GoldArticle, GoldEntity, GoldFormatError, load_annotations
from pipeline.evaluation.scoring import (
    TABLES,
    PredEntity,
    PredEvent,
    Prediction,
    PredQuote,
    PredStance,
    Score,
    score_article,
)


def load_pass(folder: Path) -> dict[str, GoldArticle]:
    """article_id -> annotation, for every annotation in one pass."""
    annotations = folder / "annotations" if (folder / "annotations").is_dir() else folder
    articles = folder / "articles" if (folder / "articles").is_dir() else GOLD_DIR / "articles"
    return {a.article_id: a for a in load_annotations(annotations, articles)}


def as_prediction(article: GoldArticle) -> Prediction:
    """One pass's annotation of an article, in the shape the scorer expects of the pipeline."""

    def entity(name: str | None) -> PredEntity | None:
        found = article.entity(name)
        return _entity(found) if found else None

    return Prediction(
        entities=tuple(_entity(e) for e in article.entities),
        quotes=tuple(PredQuote(q.text, q.kind, entity(q.speaker)) for q in article.quotes),
        stances=tuple(PredStance(entity(s.holder), s.target, s.polarity) for s in article.stances),
        events=tuple(
            PredEvent(e.type, tuple(entity(n) for n in e.actors), e.date, e.date_precision) for e in article.events
        ),
    )


def _entity(entity: GoldEntity) -> PredEntity:
    return PredEntity(entity.name, frozenset(entity.surfaces), frozenset({entity.type}))


def agreement(first: dict[str, GoldArticle], second: dict[str, GoldArticle]) -> dict:
    """Per layer: the summed Score of `second` against `first` over shared articles, with
    the per-article Scores (for intervals and the per-article table)."""
    shared = sorted(first.keys() & second.keys())
    per_article = {a: score_article(first[a], as_prediction(second[a])) for a in shared}
    return {
        "articles": shared,
        "only_first": sorted(first.keys() - second.keys()),
        "only_second": sorted(second.keys() - first.keys()),
        "layers": {t: [per_article[a][t].score for a in shared] for t in TABLES},
    }


def format_agreement(result: dict) -> str:
    lines = [
        f"agreement over {len(result['articles'])} articles annotated in both passes "
        f"(A as reference, B as the other pass)",
        "",
        "| layer | F1 | 95% CI | precision | recall | matched / B / A | agreement over matched |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for layer, scores in result["layers"].items():
        total = sum(scores, Score())
        ci = f1_interval(scores)
        accuracies = ", ".join(f"{n} {total.accuracy(n):.3f}" for n in total.agreements if total.matched)
        lines.append(
            f"| {layer} | {total.f1:.3f} | {f'{ci[0]:.2f}–{ci[1]:.2f}' if ci else '–'} | {total.precision:.3f} "
            f"| {total.recall:.3f} | {total.matched} / {total.predicted} / {total.gold} | {accuracies} |"
        )
    lines += ["", "| article | " + " | ".join(f"{t} F1" for t in result["layers"]) + " |",
              "|---|" + "---:|" * len(result["layers"])]
    for k, article_id in enumerate(result["articles"]):
        cells = " | ".join(f"{scores[k].f1:.3f}" for scores in result["layers"].values())
        lines.append(f"| {article_id} | {cells} |")
    for side, key in (("A", "only_first"), ("B", "only_second")):
        if result[key]:
            lines.append(f"\n{len(result[key])} article(s) only in {side}, not compared")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.evaluation.agreement", description=__doc__.split("\n")[0])
    parser.add_argument("first", type=Path, help="pass A: a folder of annotations (or a gold folder)")
    parser.add_argument("second", type=Path, help="pass B: the same")
    args = parser.parse_args(argv)
    try:
        result = agreement(load_pass(args.first), load_pass(args.second))
    except GoldFormatError as error:
        print(error, file=sys.stderr)
        return 1
    if not result["articles"]:
        print(f"no article is annotated in both {args.first} and {args.second}", file=sys.stderr)
        return 1
    print(format_agreement(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
