"""The extractors' CPU time alone, without the parse: where the pipeline's time beyond spaCy goes.

`parse` reads article files (a list, one path a line), parses them once with the project's
model and keeps the docs (a `DocBin`) with their texts, so later measurements skip the
parse. `time` rebuilds the contexts and runs `chain_extractors` over every article, once to
warm the word lists, then `--passes` times, and prints each pass's CPU seconds
(`time.process_time`) and their median; `--profile` runs one pass under cProfile instead and
prints its top lines by own and by cumulative time (a profiler inflates per-call costs, so
confirm a hot spot by timing it without one); `--dump FILE` writes every article's mentions,
quotes, stances and events as JSON, so a change can be shown to keep them identical.

    python -m benchmarks.extractors parse --files-from LIST --out data/bench/extractors
    python -m benchmarks.extractors time --data data/bench/extractors [--profile] [--dump F]
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import json
import pstats
import statistics
import sys
import time
from pathlib import Path

from spacy.tokens import DocBin

from pipeline.nlp.decoding import decode_bytes
from pipeline.nlp.extract import build_contexts, chain_extractors, load_knowledge, sentences_from_doc
from pipeline.nlp.layout import parse_layout
from pipeline.nlp.model import load_nlp
from pipeline.nlp.records import ArticleContext

DOCS, TEXTS = "docs.spacy", "texts.json"


def parse(files: list[Path], out: Path) -> None:
    items = [(path.as_posix(), decode_bytes(path.read_bytes())[0]) for path in files]
    contexts = build_contexts(items)
    out.mkdir(parents=True, exist_ok=True)
    DocBin(docs=[c.doc for c in contexts], store_user_data=True).to_disk(out / DOCS)
    (out / TEXTS).write_text(json.dumps(items), encoding="utf-8")


def contexts_of(data: Path) -> list[ArticleContext]:
    """Fresh contexts (no per-article caches filled) over the kept docs."""
    items = json.loads((data / TEXTS).read_text(encoding="utf-8"))
    docs = DocBin().from_disk(data / DOCS).get_docs(load_nlp().vocab)
    contexts = []
    for (article_id, text), doc in zip(items, docs, strict=True):
        layout = parse_layout(text)
        sentences = sentences_from_doc(text, doc, layout)
        published = layout.caption_date or layout.explicit_date
        contexts.append(ArticleContext(article_id, text, doc, layout, sentences, published))
    return contexts


def one_pass(data: Path) -> tuple[float, list]:
    contexts = contexts_of(data)
    start = time.process_time()
    results = [chain_extractors(ctx) for ctx in contexts]
    return time.process_time() - start, results


def _records(results: list, contexts: list[ArticleContext]) -> dict:
    return {
        ctx.article_id: [[dataclasses.asdict(r) for r in table] for table in tables]
        for ctx, tables in zip(contexts, results, strict=True)
    }


def timing(data: Path, passes: int, profile: bool, dump: Path | None, top: int) -> None:
    load_knowledge()
    _, results = one_pass(data)  # warm-up: word lists, lookups kept between articles
    if dump:
        dump.write_text(json.dumps(_records(results, contexts_of(data)), default=str, indent=0), encoding="utf-8")
    if profile:
        contexts = contexts_of(data)
        profiler = cProfile.Profile()
        profiler.enable()
        for ctx in contexts:
            chain_extractors(ctx)
        profiler.disable()
        for key in ("tottime", "cumulative"):
            pstats.Stats(profiler, stream=sys.stdout).sort_stats(key).print_stats(top)
        return
    seconds = [one_pass(data)[0] for _ in range(passes)]
    n = len(results)  # one per article, from the warm-up pass
    median = statistics.median(seconds)
    print(json.dumps({"articles": n, "cpu_seconds": [round(s, 3) for s in seconds], "median": round(median, 3),
                      "ms_per_article": round(1000 * median / n, 2)}))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse article files once and keep the docs")
    p.add_argument("--files-from", type=Path, required=True, help="article paths, one a line")
    p.add_argument("--limit", type=int, default=None, help="this many paths, spread over the list")
    p.add_argument("--out", type=Path, default=Path("data/bench/extractors"))
    t = sub.add_parser("time", help="time the extractors over the kept docs")
    t.add_argument("--data", type=Path, default=Path("data/bench/extractors"))
    t.add_argument("--passes", type=int, default=3)
    t.add_argument("--profile", action="store_true")
    t.add_argument("--top", type=int, default=25)
    t.add_argument("--dump", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.command == "parse":
        base = args.files_from.parent
        paths = [(base / line.strip()).resolve() for line in args.files_from.read_text().splitlines() if line.strip()]
        if args.limit:
            step = len(paths) / args.limit
            paths = [paths[int(i * step)] for i in range(min(args.limit, len(paths)))]
        parse(paths, args.out)
    else:
        timing(args.data, args.passes, args.profile, args.dump, args.top)


if __name__ == "__main__":
    main()
