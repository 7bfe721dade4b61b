"""Draw new gold-set candidates per the rule in eval/GUIDE.md.

Candidates per domain: files not already in the gold set (by `source:` path, by the
SHA-256 of the text, and by first-line headline), 600-6,000 characters long, ordered by
the SHA-256 hex of the file name (basename).  Wikinews: only files whose index.tsv
`wikinews_categories` include "Politics and conflicts".  Prints the first N per domain,
with the highest word-5-gram overlap (Jaccard) against any gold article text, so that a
near-duplicate of a gold story is visible without opening gold articles.

"Roughly" 600-6,000: --slack 0.1 widens the window by 10% each way (540-6,600).

Usage: python eval/gold/draw.py [--corpora ../shared/corpora] [-n 4] [--slack 0.1] [--domain bbc-politics]
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import re
from pathlib import Path

GOLD = Path(__file__).resolve().parent
MIN_CHARS, MAX_CHARS = 600, 6000


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def shingles(text: str, k: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + k]) for i in range(len(words) - k + 1)}


def gold_exclusions() -> tuple[set[str], set[str], set[str], list[set]]:
    sources = set()
    for ann in (GOLD / "annotations").glob("*.yaml"):
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("source:"):
                sources.add(line.split(":", 1)[1].strip().strip("'\""))
    hashes, heads, shings = set(), set(), []
    for art in (GOLD / "articles").glob("*.txt"):
        data = art.read_bytes()
        hashes.add(sha(data))
        text = data.decode("utf-8")
        heads.add(text.split("\n", 1)[0].strip().lower())
        shings.append(shingles(text))
    return sources, hashes, heads, shings


def candidates(domain: str, corpora: Path) -> list[Path]:
    if domain == "bbc-politics":
        return sorted((corpora / "bbc-news" / "politics").glob("*.txt"))
    if domain == "wikinews":
        root = corpora / "wikinews"
        with open(root / "index.tsv", encoding="utf-8", newline="") as fh:
            rows = csv.DictReader(fh, delimiter="\t")
            files = [r["file"] for r in rows
                     if "Politics and conflicts" in [c.strip() for c in r["wikinews_categories"].split(";")]]
        return sorted(root / f for f in files)
    raise SystemExit(f"unknown domain {domain}")


def draw(domain: str, corpora: Path, n: int, slack: float = 0.0) -> None:
    low, high = round(MIN_CHARS * (1 - slack)), round(MAX_CHARS * (1 + slack))
    sources, hashes, heads, shings = gold_exclusions()
    pool = []
    for path in candidates(domain, corpora):
        rel = "corpora/" + path.relative_to(corpora).as_posix()
        data = path.read_bytes()
        text = data.decode("utf-8")
        if rel in sources or sha(data) in hashes:
            continue
        if text.split("\n", 1)[0].strip().lower() in heads:
            continue
        if not low <= len(text) <= high:
            continue
        pool.append((sha(path.name.encode("utf-8")), path, text))
    pool.sort(key=lambda t: t[0])
    print(f"# {domain}: {len(pool)} candidates of {low}-{high} chars; first {n} (+2 spare) by SHA-256 of file name")
    for name_hash, path, text in pool[:n + 2]:
        s = shingles(text)
        overlap = max((len(s & g) / len(s | g) for g in shings if s), default=0.0)
        print(f"{name_hash[:16]}  {len(text):5d} chars  max-5gram-jaccard-vs-gold {overlap:.3f}  "
              f"corpora/{path.relative_to(corpora).as_posix()}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", type=Path, default=GOLD.parents[1] / ".." / "shared" / "corpora")
    ap.add_argument("-n", type=int, default=4)
    ap.add_argument("--slack", type=float, default=0.0)
    ap.add_argument("--domain", action="append")
    args = ap.parse_args()
    for domain in args.domain or ["bbc-politics", "wikinews"]:
        draw(domain, args.corpora.resolve(), args.n, args.slack)


if __name__ == "__main__":
    main()
