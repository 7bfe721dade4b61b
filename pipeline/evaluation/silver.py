"""`make eval-silver`: the pipeline scored on the silver sets, a second sample of news beside
the gold set.

A silver set (`eval/silver/<set>/`, laid out as `eval/gold/`: `articles/` and
`annotations/`) is a sample of corpus articles outside the gold set, drawn by a stated rule
and annotated by hand under eval/GUIDE.md for some layers only, by one annotator and not
adjudicated: hence silver. `eval/silver/sets.yaml` names the layers each set annotates in
full; the others are empty or list only what the annotated layer needs (a stance set's
holders), so they are not scored. The sets were read while tuning, like the dev split, so
they are no held-out measure; what they add is more articles of kinds the dev split has few
of, on which a change's gain or loss shows beside `make eval`'s figures.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from pipeline import settings
from pipeline.evaluation.scoring import TABLES
from pipeline.evaluation.tables import accuracies_text
from pipeline.nlp.yaml_text import SAFE_LOADER

SILVER_DIR = settings.PROJECT_ROOT / "eval" / "silver"
SETS_FILE = "sets.yaml"


class SilverSetsError(ValueError):
    """`sets.yaml` does not name existing set folders and known layers."""


def silver_sets(root: Path = SILVER_DIR) -> dict[str, tuple[str, ...]]:
    """set name -> the layers it annotates in full, as `<root>/sets.yaml` lists them; every
    folder under `root` must be listed and every listed set must be a folder there."""
    raw = yaml.load((root / SETS_FILE).read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    if not isinstance(raw, dict):
        raise SilverSetsError(f"{root / SETS_FILE}: expected a mapping of set name to layers")
    problems = []
    sets: dict[str, tuple[str, ...]] = {}
    for name, layers in raw.items():
        if not isinstance(layers, list) or not layers or any(layer not in TABLES for layer in layers):
            problems.append(f"{name}: layers must be a non-empty list of {', '.join(TABLES)}")
        elif not (root / str(name) / "annotations").is_dir():
            problems.append(f"{name}: no folder {root / str(name) / 'annotations'}")
        else:
            sets[str(name)] = tuple(layers)
    folders = {p.name for p in root.iterdir() if p.is_dir()}
    problems += [f"{name}: a folder not listed in {SETS_FILE}" for name in sorted(folders - set(raw))]
    if problems:
        raise SilverSetsError(f"{root / SETS_FILE}:\n  " + "\n  ".join(problems))
    return sets


def score_silver(root: Path = SILVER_DIR, n_process: int = 1) -> dict[str, dict[str, dict]]:
    """set -> layer -> the layer's score over the set (precision, recall, F1, counts)."""
    from pipeline.evaluation.report import evaluate  # the pipeline and the model: loaded only to score

    scores = {}
    for name, layers in silver_sets(root).items():
        report = evaluate(root / name, n_process)
        scores[name] = {layer: {**report[layer], "n_articles": report["n_articles"]} for layer in layers}
    return scores


def format_silver(scores: dict[str, dict[str, dict]]) -> str:
    """One row per set and layer, with the accuracies over matched items as `make eval` shows them."""
    lines = [
        "| silver set | layer | articles | precision | recall | F1 | matched / predicted / gold "
        "| accuracy over matched |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for name, layers in scores.items():
        for layer, s in layers.items():
            lines.append(
                f"| {name} | {layer} | {s['n_articles']} | {s['precision']:.3f} | {s['recall']:.3f} "
                f"| {s['f1']:.3f} | {s['matched']} / {s['predicted']} / {s['gold']} | {accuracies_text(s)} |"
            )
    return "\n".join(lines)


def main() -> int:
    try:
        scores = score_silver(n_process=settings.n_process())
    except SilverSetsError as error:
        print(error, file=sys.stderr)
        return 2
    print(format_silver(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
