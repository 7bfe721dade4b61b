"""Stance yield on whole corpora: how many stances the NLP extraction finds and how they group
into issues.

Runs ingest and the per-article extraction (no Dagster, no warehouse) over each corpus folder
given, groups every stance's target into issues with `pipeline.nlp.stances.issues` (as the
`issues` table does), and prints: stances per 100 articles, the number of issues, the share
of issues with stances from two or more holders, then `--issues` issues and `--sample`
stances drawn at random (fixed seed) for reading. A stance of a gold-set article or a seed
(both were tuned on, and held-out output is never read) is counted but never shown, neither
by file name nor by content; an issue is drawn among those with a stance that may be shown.
Holders, and targets that are entities, are told apart by their mention's name, not by the
warehouse's cross-article entity ids. It takes minutes on a large corpus; run it with `nice`:

    nice .venv/bin/python -m benchmarks.stance_yield ../shared/corpora/bbc-news --issues 10 --sample 25
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.event_yield import GOLD_ARTICLES, SEEDS, _sha256, _tuned_on
from pipeline.nlp.extract import extract_articles
from pipeline.nlp.ingest import ingest
from pipeline.nlp.stances.issues import StanceRef, group_issues


def corpus_stances(folder: Path, n_process: int = 1, n_issues: int = 0, sample: int = 0) -> dict:
    """Counts of one corpus folder's stances and issues (see the module docstring)."""
    gold = {path.name for path in GOLD_ARTICLES.glob("*")} if GOLD_ARTICLES.is_dir() else set()
    tuned = {_sha256(path) for folder in (GOLD_ARTICLES, SEEDS) for path in folder.glob("*.txt")}
    articles, _ = ingest(folder)
    now = datetime.now(UTC).replace(tzinfo=None)
    refs: list[StanceRef] = []
    lines: dict[str, str] = {}
    untuned: set[str] = set()
    n_articles = 0
    for extraction in extract_articles(articles, now, n_process):
        n_articles += 1
        article_id = extraction.article["article_id"]
        if not _tuned_on(extraction.article, gold, tuned):
            untuned.add(article_id)
        names = {m.mention_id: m.name for m in extraction.mentions}
        for k, stance in enumerate(extraction.stances):
            stance_id = f"{article_id}#{k}"
            holder = names.get(stance.holder_mention_id or "")
            target = names.get(stance.target_mention_id or "")  # by name across articles, as the warehouse's ids
            ref = StanceRef(stance_id, article_id, holder, stance.target, target, stance.polarity)
            refs.append(ref)
            lines[stance_id] = f"{holder}: {stance.polarity} {stance.target!r} [{article_id}] {stance.evidence[:300]}"
    issues, assigned = group_issues(refs, lambda key: key)
    members: dict[str, list[str]] = {}
    for stance_id, (issue_id, _) in assigned.items():
        members.setdefault(issue_id, []).append(stance_id)
    rng = random.Random(0)
    readable = [s for s in lines if s.rsplit("#", 1)[0] in untuned]
    shown = set(readable)  # stances of gold or seed articles are counted, never shown
    candidates = [issue for issue in issues if any(s in shown for s in members[issue.issue_id])]
    drawn = rng.sample(candidates, min(n_issues, len(candidates)))
    return {
        "corpus": str(folder),
        "articles": n_articles,
        "stances": len(refs),
        "stances_per_100_articles": round(100 * len(refs) / n_articles, 1) if n_articles else 0.0,
        "issues": len(issues),
        "multi_holder_share": round(sum(i.n_holders >= 2 for i in issues) / len(issues), 3) if issues else None,
        "issue_sample": [
            (issue.label, issue.n_holders, [lines[s] for s in sorted(members[issue.issue_id]) if s in shown])
            for issue in drawn
        ],
        "sample": [lines[s] for s in rng.sample(readable, min(sample, len(readable)))],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--issues", type=int, default=0, help="also print this many issues drawn at random")
    parser.add_argument("--sample", type=int, default=0, help="also print this many stances drawn at random")
    args = parser.parse_args(argv)
    for folder in args.folders:
        started = time.perf_counter()
        r = corpus_stances(folder, args.processes, args.issues, args.sample)
        share = "n/a" if r["multi_holder_share"] is None else f"{r['multi_holder_share']:.1%}"
        print(
            f"{r['corpus']}: {r['articles']} articles, {r['stances']} stances ({r['stances_per_100_articles']} per"
            f" 100 articles), {r['issues']} issues, {share} with two or more holders"
            f" [{time.perf_counter() - started:.0f} s]",
            flush=True,
        )
        for label, n_holders, stances in r["issue_sample"]:
            print(f"  issue {label!r} ({n_holders} holders)")
            for line in stances:
                print("     ", line)
        for line in r["sample"]:
            print("   stance", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
