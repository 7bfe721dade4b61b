"""Event yield on whole corpora: how many events the NLP extraction finds, and how directed.

Runs ingest and the per-article extraction (no Dagster, no warehouse, no cross-article
resolution) over each corpus folder given and prints, per corpus: events per 100 articles
(asserted event candidates with at least one actor: what becomes `events` rows before
cross-article merging), the share of dyadic events (ACCUSE, REQUEST, REJECT, THREATEN,
SANCTION, COERCE, ASSAULT, and CONSULT visits) that have a target, and the most frequent
types. It takes minutes on a large corpus; run it with `nice`:

    nice .venv/bin/python -m benchmarks.event_yield ../shared/corpora/bbc-news ../shared/corpora/wikinews
"""

from __future__ import annotations

import argparse
import hashlib
import random
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from pipeline.nlp.extract import extract_articles
from pipeline.nlp.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]
GOLD_ARTICLES = ROOT / "eval" / "gold" / "articles"
SEEDS = ROOT / "seeds"
DYADIC = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SANCTION", "COERCE", "ASSAULT"})


def dyadic(event_type: str, mode: str | None) -> bool:
    return event_type in DYADIC or (event_type == "CONSULT" and mode == "visit")


def corpus_yield(folder: Path, n_process: int = 1, sample: int = 0, seed: int = 0) -> dict:
    """Counts of one corpus folder's events (see the module docstring), and `sample` events
    drawn at random (with `seed`, so a draw can be repeated after a change and a fresh one
    made with another seed) for reading, never from a gold-set article (whose output
    nobody tuning the pipeline may read) nor from a seed (both were tuned on): neither by
    file name nor by content."""
    gold = {path.name for path in GOLD_ARTICLES.glob("*")} if GOLD_ARTICLES.is_dir() else set()
    tuned = {_sha256(path) for folder in (GOLD_ARTICLES, SEEDS) for path in folder.glob("*.txt")}
    articles, _ = ingest(folder)
    now = datetime.now(UTC).replace(tzinfo=None)
    types: Counter[str] = Counter()
    n_events = n_dyadic = n_dyadic_target = 0
    n_articles = 0
    shown: list[str] = []
    for extraction in extract_articles(articles, now, n_process):
        n_articles += 1
        names = {m.mention_id: m.surface for m in extraction.mentions}
        for event in extraction.events:
            if event.modality != "asserted" or not (event.sources or event.targets or event.participants):
                continue
            n_events += 1
            if sample and not _tuned_on(extraction.article, gold, tuned):
                shown.append(_describe(extraction.article["article_id"], event, names))
            types[event.event_type] += 1
            if dyadic(event.event_type, event.event_mode):
                n_dyadic += 1
                n_dyadic_target += bool(event.targets)
    return {
        "corpus": str(folder),
        "articles": n_articles,
        "events": n_events,
        "events_per_100_articles": round(100 * n_events / n_articles, 1) if n_articles else 0.0,
        "dyadic_events": n_dyadic,
        "dyadic_with_target": round(n_dyadic_target / n_dyadic, 3) if n_dyadic else None,
        "top_types": types.most_common(8),
        "sample": random.Random(seed).sample(shown, min(sample, len(shown))) if sample else [],
    }


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tuned_on(article: dict, gold_names: set[str], tuned_hashes: set[str]) -> bool:
    return Path(article["source_file"]).name in gold_names or article["content_sha256"] in tuned_hashes


def _describe(article_id: str, event, names: dict[str, str]) -> str:
    def roles(ids: tuple[str, ...]) -> str:
        return ", ".join(names.get(i, "?") for i in ids) or "-"

    return (
        f"{event.event_type}/{event.event_mode or '-'} {roles(event.sources)} -> {roles(event.targets)}"
        f" (with {roles(event.participants)}) [{event.trigger}] {article_id}: {event.evidence[:400]}"
    )


def format_yield(result: dict) -> str:
    top = ", ".join(f"{t} {n}" for t, n in result["top_types"])
    share = "n/a" if result["dyadic_with_target"] is None else f"{result['dyadic_with_target']:.1%}"
    return (
        f"{result['corpus']}: {result['articles']} articles, {result['events']} events "
        f"({result['events_per_100_articles']} per 100 articles); dyadic events with a target: "
        f"{share} of {result['dyadic_events']}; top types: {top}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--sample", type=int, default=0, help="also print this many events drawn at random")
    parser.add_argument("--seed", type=int, default=0, help="the random draw's seed (another seed, a fresh draw)")
    args = parser.parse_args(argv)
    for folder in args.folders:
        started = time.perf_counter()
        result = corpus_yield(folder, args.processes, args.sample, args.seed)
        print(format_yield(result), f"[{time.perf_counter() - started:.0f} s]", flush=True)
        for line in result["sample"]:
            print("  ", line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
