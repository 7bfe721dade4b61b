"""A large JSON Lines collection, and the memory it takes to plan and to process a slice of it.

    python -m benchmarks.collection generate --rows 100000 --out data/bench/collection/seeds/bbc.jsonl
    python -m benchmarks.collection plan --seeds data/bench/collection/seeds --data data/bench/collection/data
    python -m benchmarks.collection slice --rows 500   (same --seeds and --data defaults)

`generate` repeats the BBC corpus (title line, blank line, text) under new ids until
`--rows` rows are written, one row at a time. `plan` does what a run does before any
extraction: survey the folder (every row read, hashed and named), sync the Dagster
partitions, and find the rows with no current extraction. `slice` then runs the
extraction job over the first `--rows` partitions, as `make run` would for that range.
Each prints wall seconds and the peak RSS of the process and its workers, sampled.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path

from benchmarks.config import DEFAULT_CORPUS
from benchmarks.measuring import MIB, PeakSampler


def generate(corpus: Path, rows: int, out: Path) -> int:
    """Write `rows` JSON lines cycling over the corpus's articles; returns the count written."""
    articles = sorted(corpus.rglob("*.txt"))
    if not articles:
        raise SystemExit(f"no articles under {corpus}")
    # Each article is read once; the rows cycle over the parsed copies.
    parsed = [(path, *path.read_text(encoding="utf-8").partition("\n")[::2]) for path in articles]
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as handle:
        for n in range(rows):
            path, title, text = parsed[n % len(parsed)]
            handle.write(json.dumps({
                "id": f"bbc-{n:06d}",
                "title": title.strip(),
                "text": text.strip(),
                "outlet": "BBC News",
                "url": f"https://example.org/{path.parent.name}/{path.stem}?copy={n // len(articles)}",
            }, ensure_ascii=False) + "\n")
    return rows


def _instance(data: Path):
    from dagster import DagsterInstance

    home = data.parent / f"{data.name}.dagster"
    home.mkdir(parents=True, exist_ok=True)
    return DagsterInstance.local_temp(str(home), overrides={"telemetry": {"enabled": False}})


def plan(seeds: Path, data: Path) -> dict:
    from pipeline.defs.partitions import files_keys, sync_partitions
    from pipeline.nlp.seed_folder import survey
    from pipeline.nlp.version import extractor_version
    from pipeline.storage import ExtractionCache

    timings = {}
    started = time.perf_counter()
    inventory = survey(seeds)
    timings["survey_s"] = time.perf_counter() - started
    keys = files_keys(inventory.articles, inventory.rejections)
    with _instance(data) as instance:
        mark = time.perf_counter()
        added, deleted = sync_partitions(instance, keys)
        timings["sync_partitions_s"] = time.perf_counter() - mark
    mark = time.perf_counter()
    stale = ExtractionCache(data).stale(inventory.articles, extractor_version())
    timings["stale_check_s"] = time.perf_counter() - mark
    return {
        "articles": len(inventory.articles),
        "rejected_rows": len(inventory.row_rejections),
        "partitions_added": len(added),
        "partitions_deleted": len(deleted),
        "stale": len(stale),
        **{k: round(v, 1) for k, v in timings.items()},
    }


def process_slice(seeds: Path, data: Path, rows: int) -> dict:
    from pipeline.definitions import build_definitions
    from pipeline.defs.jobs import EXTRACT_JOB
    from pipeline.defs.partitions import ARTICLE_PARTITIONS, range_tags
    from pipeline.defs.resources import NewsPaths

    paths = NewsPaths(seeds_dir=str(seeds), data_dir=str(data))
    with _instance(data) as instance:
        keys = instance.get_dynamic_partitions(ARTICLE_PARTITIONS.name)
        if not keys:
            raise SystemExit("no partitions: run `plan` first")
        first, last = keys[0], keys[min(rows, len(keys)) - 1]
        result = build_definitions(paths).resolve_job_def(EXTRACT_JOB).execute_in_process(
            instance=instance, tags=range_tags(first, last), raise_on_error=False
        )
    return {"success": result.success, "partitions": min(rows, len(keys)), "first": first, "last": last}


def measured(work, *args) -> dict:
    sampler = PeakSampler(os.getpid())
    sampler.start()
    started = time.perf_counter()
    try:
        outcome = work(*args)
    finally:
        sampler.stop()
    return {
        **outcome,
        "wall_s": round(time.perf_counter() - started, 1),
        "peak_rss_mib": round(sampler.peak / MIB, 1),
        "peak_rss_main_mib": round(sampler.peak_root / MIB, 1),
        "max_rss_main_mib_getrusage": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["generate", "plan", "slice"])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=Path("data/bench/collection/seeds/bbc.jsonl"))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seeds", type=Path, default=Path("data/bench/collection/seeds"))
    parser.add_argument("--data", type=Path, default=Path("data/bench/collection/data"))
    args = parser.parse_args(argv)
    if args.command == "generate":
        report = measured(lambda: {"rows": generate(args.corpus, args.rows, args.out)})
        report["mib_on_disk"] = round(args.out.stat().st_size / MIB, 1)
    elif args.command == "plan":
        report = measured(plan, args.seeds, args.data)
    else:
        report = measured(process_slice, args.seeds, args.data, args.rows)
    print(json.dumps({"command": args.command, **report}, indent=2))


if __name__ == "__main__":
    main()
