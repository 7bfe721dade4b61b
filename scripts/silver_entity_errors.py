"""List every entity miss of the entity silver sets: unmatched gold and unmatched predictions.

Runs the pipeline core on each silver set that annotates entities (`eval/silver/sets.yaml`),
scores entities as `make eval-silver` does and prints, per set and article, each gold entity
no prediction matched (FN), with the bare NER span that matches it if any (the
baseline of `make eval`), and each predicted entity no gold matched (FP), with its type,
its names, a hint of what the other side has near it (the same name under another type, a
name that contains or is contained in it) and a snippet of the text around its first
mention. Silver sets only: the gold set is never read.

    .venv/bin/python scripts/silver_entity_errors.py [set ...] > silver_errors.txt
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict

from pipeline.evaluation.baseline import baseline_entities
from pipeline.evaluation.gold import load_gold
from pipeline.evaluation.predictions import predictions_from_tables
from pipeline.evaluation.scoring import ANNOTATED, Prediction, entity_keys, score_entities
from pipeline.evaluation.silver import SILVER_DIR, silver_sets
from pipeline.nlp.corpus import extracted_tables
from pipeline.nlp.ingest import ingest

WIDTH = 60


def _snippet(text: str, start: int, end: int) -> str:
    left = text[max(0, start - WIDTH) : start].replace("\n", " ")
    right = text[end : end + WIDTH].replace("\n", " ")
    return f"...{left}[{text[start:end]}]{right}..."


def _find(text: str, names: list[str]) -> tuple[int, int] | None:
    for name in sorted(names, key=len, reverse=True):
        found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)
        if found:
            return found.span()
    return None


def _inside(a: str, b: str) -> bool:
    return f" {a} " in f" {b} "


def _near(keys: frozenset[str], others: list[tuple[str, frozenset[str], str]]) -> str:
    """What the other side holds near these names: the same name under another type, or a
    name inside or around one of them."""
    hints = []
    for kind, other_keys, label in others:
        if keys & other_keys:
            hints.append(f"same name as {kind} {label}")
        elif any(_inside(a, b) or _inside(b, a) for a in keys for b in other_keys if a and b and a != b):
            hints.append(f"overlaps {kind} {label}")
    return "; ".join(hints)


def main(names: list[str]) -> int:
    for set_name, layers in silver_sets().items():
        if "entities" not in layers or (names and set_name not in names):
            continue
        root = SILVER_DIR / set_name
        gold = load_gold(root)
        articles, rejections = ingest(root / "articles")
        tables = extracted_tables(articles, rejections)
        predictions = predictions_from_tables(tables)
        bare = dict(zip((a.article_id for a in gold), baseline_entities(gold), strict=True))
        spans: dict[tuple[str, str], list[tuple[int, int, str]]] = defaultdict(list)
        for m in tables["mentions"].itertuples():
            spans[(m.article_id, m.surface)].append((m.char_start, m.char_end, m.ner_label))
        n_fn = n_fp = 0
        print(f"# {set_name}")
        for article in gold:
            text = (root / "articles" / f"{article.article_id}.txt").read_text(encoding="utf-8")
            pred = [p for p in predictions.get(article.article_id, Prediction()).entities if p.types & ANNOTATED]
            outcome = score_entities(article, pred)
            if not outcome.missed and not outcome.spurious:
                continue
            print(f"## {article.article_id}")
            pred_side = [("pred", entity_keys(p), f"{'/'.join(sorted(p.types))} {p.name!r}") for p in pred]
            gold_side = [("gold", entity_keys(g), f"{g.type} {g.name!r}") for g in article.entities]
            base = score_entities(article, bare[article.article_id])
            base_found = {article.entities[i]: bare[article.article_id][j] for i, j in base.pairs}
            for g in outcome.missed:
                n_fn += 1
                span = _find(text, [g.name, *g.surfaces])
                got = base_found.get(g)
                by_ner = f" | bare NER has {got.name!r}" if got else ""
                near = _near(entity_keys(g), pred_side)
                print(f"FN {g.type} {g.name!r} surfaces={list(g.surfaces)} | {near}{by_ner}")
                print(f"     {_snippet(text, *span) if span else '(not found as written)'}")
            for p in outcome.spurious:
                n_fp += 1
                found = sorted(s for surface in p.surfaces for s in spans.get((article.article_id, surface), ()))
                ner = sorted({s[2] or "-" for s in found})
                print(
                    f"FP {'/'.join(sorted(p.types))} {p.name!r} surfaces={sorted(p.surfaces)} ner={ner} "
                    f"| {_near(entity_keys(p), gold_side)}"
                )
                print(f"     {_snippet(text, found[0][0], found[0][1]) if found else '(no mention)'}")
        print(f"# {set_name}: {n_fn} FN, {n_fp} FP\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
