"""Memory and time of the corpus-level steps (tables, warehouse) against the number of articles,
without paying for spaCy more than once.

    python -m benchmarks.corpus_tables base --rows 300        # parse 300 BBC articles once
    python -m benchmarks.corpus_tables replicate --rows 10000 # a 10,000-row collection, extractions cloned
    python -m benchmarks.corpus_tables tables --rows 10000   # the corpus-level job on it
    python -m benchmarks.corpus_tables restamp --rows 10000  # after editing pipeline/nlp/corpus.py
    python -m benchmarks.corpus_tables reruns                # full run, no-change and one-row reruns

`base` writes a JSON Lines collection of `--rows` BBC articles (spread over the categories)
and extracts it into the per-article cache. `replicate` writes a collection of `--rows` rows
cycling over the base articles under new ids, and clones each base article's cached
extraction under the new row's id and content hash: the corpus-level steps then see
`--rows` extracted articles, as after a real run. `restamp` re-labels cached extractions
with the current extractor version, which a change to the corpus-level code in
`pipeline/nlp/` moves although extraction yields the same. `tables` runs the corpus-level job
(`refresh_warehouse`: tables, checks, warehouse, pictures, exports) in this process and prints
wall seconds, the peak RSS of the process tree (sampled) and the peak RSS of each step's own
process (`pipeline.own_process`); `--fresh` removes the job's outputs first, so nothing is
reused from an earlier run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import threading
import time
from dataclasses import fields, replace
from pathlib import Path

from benchmarks.collection import measured
from benchmarks.config import DEFAULT_CORPUS

ROOT = Path("data/bench/tables")
COLLECTION = "bbc.jsonl"


def _row(n: int, path: Path) -> str:
    title, _, text = path.read_text(encoding="utf-8").partition("\n")
    return json.dumps({
        "id": f"bbc-{n:06d}",
        "title": title.strip(),
        "text": text.strip(),
        "outlet": "BBC News",
        "url": f"https://example.org/{path.parent.name}/{path.stem}?copy={n}",
    }, ensure_ascii=False)


def base_articles(corpus: Path, rows: int) -> list[Path]:
    """`rows` articles spread evenly over the sorted corpus (every category represented)."""
    articles = sorted(corpus.rglob("*.txt"))
    step = max(1, len(articles) // rows)
    return articles[::step][:rows]


def write_collection(out: Path, lines) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(line + "\n")


def base(corpus: Path, rows: int, root: Path) -> dict:
    from datetime import UTC, datetime

    from pipeline import settings
    from pipeline.nlp.extract import extract_articles
    from pipeline.nlp.seed_folder import load_articles, survey
    from pipeline.nlp.version import extractor_version
    from pipeline.storage import ExtractionCache

    seeds, data = root / "base" / "seeds", root / "base" / "data"
    paths = base_articles(corpus, rows)
    write_collection(seeds / COLLECTION, (_row(n, p) for n, p in enumerate(paths)))
    inventory = survey(seeds)
    cache, version = ExtractionCache(data), extractor_version()
    stale = cache.stale(inventory.articles, version)
    now = datetime.now(UTC).replace(tzinfo=None)
    for extraction in extract_articles(list(load_articles(stale)), now, settings.n_process(), None):
        cache.put(extraction, version)
    return {"articles": len(inventory.articles), "extracted": len(stale)}


def _renamed(value, old: str, new: str):
    if isinstance(value, str):
        return new + value[len(old):] if value.startswith(old) else value
    if isinstance(value, tuple):
        return tuple(_renamed(v, old, new) for v in value)
    return value


def clone(extraction, article_id: str, source_file: str, content_sha256: str):
    """The extraction of one article as if it had been made for another row."""
    old = extraction.article["article_id"]

    def records(items):
        return [replace(r, **{f.name: _renamed(getattr(r, f.name), old, article_id) for f in fields(r)}) for r in items]

    article = {**extraction.article, "article_id": article_id, "source_file": source_file,
               "content_sha256": content_sha256}
    return type(extraction)(
        article, list(extraction.sentences), records(extraction.mentions), records(extraction.quotes),
        records(extraction.stances), records(extraction.events),
    )


def replicate(rows: int, root: Path) -> dict:
    from pipeline.nlp.seed_folder import survey
    from pipeline.nlp.version import extractor_version
    from pipeline.storage import ExtractionCache

    base_seeds, base_data = root / "base" / "seeds", root / "base" / "data"
    version = extractor_version()
    base_cache = ExtractionCache(base_data)
    originals = []
    for entry in survey(base_seeds).articles:
        found = base_cache.get(entry.seed.article_id, entry.seed.content_sha256, version)
        if found is None:
            raise SystemExit(f"{entry.seed.article_id} has no extraction: run `base` first")
        originals.append(found)
    lines = [line for line in (base_seeds / COLLECTION).read_text(encoding="utf-8").splitlines() if line]
    seeds, data = root / f"n{rows}" / "seeds", root / f"n{rows}" / "data"

    def cycled():
        for n in range(rows):
            record = json.loads(lines[n % len(lines)])
            record["id"] = f"bbc-{n:06d}"
            record["url"] = record["url"].rsplit("=", 1)[0] + f"={n}"
            yield json.dumps(record, ensure_ascii=False)

    write_collection(seeds / COLLECTION, cycled())
    cache = ExtractionCache(data)
    for entry in survey(seeds).articles:
        n = int(entry.seed.article_id.rsplit("-", 1)[1])
        copy = clone(originals[n % len(originals)], entry.seed.article_id, entry.seed.source_file,
                     entry.seed.content_sha256)
        cache.put(copy, version)
    return {"rows": rows, "seeds": str(seeds), "data": str(data)}


def restamp(data: Path) -> dict:
    """Mark every cached extraction under `data` as made by the current extractor version
    (after an edit to code that does not change what extraction yields, such as the
    corpus-level step, which is fingerprinted with the extractors)."""
    from pipeline import cache_format
    from pipeline.nlp.version import extractor_version
    from pipeline.storage import atomic_path

    version, count = extractor_version(), 0
    for path in (data / "cache" / "articles").glob("*.json"):
        raw = path.read_bytes()
        extraction = cache_format.decode_body(raw[raw.find(b"\n") + 1:]) if b"\n" in raw else None
        if extraction is not None:
            with atomic_path(path) as temp:
                temp.write_bytes(cache_format.encode(extraction, version))
            count += 1
    return {"restamped": count}


OUTPUTS = ("parquet", "warehouse.duckdb", "warehouse.identity.json", "warehouse.inputs.sha256", "reports",
           "exports", "corpus_state.json")
"""What the corpus-level job writes under the data folder (`--fresh` removes them, the cache stays)."""


class _StepPeaks(logging.Handler):
    """The peak RSS `pipeline.own_process` logs for each step it runs."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.peaks: dict[str, float] = {}

    def emit(self, record: logging.LogRecord) -> None:
        label, peak = record.args[0], record.args[1]
        self.peaks[label] = max(peak, self.peaks.get(label, 0.0))


class _TreePss(threading.Thread):
    """The process tree's summed PSS, sampled each second: a forked step's pages shared with
    the parent count once, where summed RSS counts them in both."""

    def __init__(self, interval: float = 1.0):
        super().__init__(daemon=True)
        self.interval, self.peak, self._done = interval, 0, threading.Event()

    def run(self) -> None:
        import psutil

        root = psutil.Process()
        while not self._done.is_set():
            total = 0
            for process in [root, *root.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += process.memory_full_info().pss
            self.peak = max(self.peak, total)
            self._done.wait(self.interval)

    def stop(self) -> float:
        self._done.set()
        self.join()
        return round(self.peak / 1024**2, 1)


def tables(seeds: Path, data: Path, fresh: bool = False) -> dict:
    import shutil

    from dagster import DagsterInstance

    from pipeline.definitions import build_definitions
    from pipeline.defs.jobs import REFRESH_JOB
    from pipeline.defs.resources import NewsPaths

    if fresh:
        for name in OUTPUTS:
            target = data / name
            shutil.rmtree(target) if target.is_dir() else target.unlink(missing_ok=True)
    paths = NewsPaths(seeds_dir=str(seeds), data_dir=str(data))
    home = data.parent / "dagster"
    home.mkdir(parents=True, exist_ok=True)
    peaks = _StepPeaks()
    logger = logging.getLogger("pipeline.own_process")
    logger.addHandler(peaks)
    logger.setLevel(logging.INFO)
    pss = _TreePss()
    pss.start()
    try:
        with DagsterInstance.local_temp(str(home), overrides={"telemetry": {"enabled": False}}) as instance:
            result = build_definitions(paths).resolve_job_def(REFRESH_JOB).execute_in_process(
                instance=instance, raise_on_error=False
            )
    finally:
        logger.removeHandler(peaks)
        peak_pss = pss.stop()
    steps = {
        e.step_key: round(e.event_specific_data.duration_ms / 1000, 2)
        for e in result.all_events if e.event_type_value == "STEP_SUCCESS"
    }
    return {"success": result.success, "steps_s": steps, "steps_peak_rss_mib": peaks.peaks,
            "largest_step_peak_rss_mib": max(peaks.peaks.values(), default=None), "peak_pss_mib": peak_pss}


def refresh_once(seeds: Path, data: Path) -> dict:
    """What `make run` does, minus the gold-set evaluation, in this process."""
    from dagster import DagsterInstance

    from pipeline.definitions import build_definitions
    from pipeline.defs.refresh import refresh
    from pipeline.defs.resources import NewsPaths

    paths = NewsPaths(seeds_dir=str(seeds), data_dir=str(data))
    home = data.parent / "dagster"
    home.mkdir(parents=True, exist_ok=True)
    with DagsterInstance.local_temp(str(home), overrides={"telemetry": {"enabled": False}}) as instance:
        outcome = refresh(build_definitions(paths), instance, paths)
    steps: dict[str, float] = {}
    for event in outcome.all_events:
        if event.event_type_value == "STEP_SUCCESS":
            seconds = event.event_specific_data.duration_ms / 1000
            steps[event.step_key] = round(steps.get(event.step_key, 0) + seconds, 2)
    return {"success": outcome.success, "steps_s": steps}


def reruns(root: Path) -> dict:
    """A full run from an empty data folder on the base collection, a rerun with nothing
    changed, and one with one row edited; each in a fresh process, as `make run` would be."""
    import shutil
    import subprocess
    import sys

    seeds, data = root / "reruns" / "seeds", root / "reruns" / "data"
    shutil.rmtree(root / "reruns", ignore_errors=True)
    seeds.mkdir(parents=True)
    shutil.copy(root / "base" / "seeds" / COLLECTION, seeds / COLLECTION)
    report = {}

    def run(label: str) -> None:
        started = time.perf_counter()
        code = f"import json; from benchmarks.corpus_tables import refresh_once as r; from pathlib import Path as P; " \
               f"print(json.dumps(r(P({str(seeds)!r}), P({str(data)!r}))))"
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        report[label] = {"wall_s": round(time.perf_counter() - started, 1),
                         **json.loads(done.stdout.strip().splitlines()[-1])}

    run("full")
    run("no_change")
    lines = (seeds / COLLECTION).read_text(encoding="utf-8").splitlines()
    middle = json.loads(lines[len(lines) // 2])
    middle["text"] += "\n\nThe minister said the talks would resume next week."
    lines[len(lines) // 2] = json.dumps(middle, ensure_ascii=False)
    (seeds / COLLECTION).write_text("\n".join(lines) + "\n", encoding="utf-8")
    run("one_article")
    for label in ("no_change", "one_article"):
        report[label]["of_full"] = round(report[label]["wall_s"] / report["full"]["wall_s"], 3)
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["base", "replicate", "restamp", "tables", "reruns"])
    parser.add_argument("--rows", type=int, default=300)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--seeds", type=Path)
    parser.add_argument("--data", type=Path)
    parser.add_argument("--fresh", action="store_true",
                        help="tables: remove the job's outputs first (tables, warehouse, pictures, exports)")
    args = parser.parse_args(argv)
    if args.command == "base":
        report = measured(base, args.corpus, args.rows, args.root)
    elif args.command == "replicate":
        report = measured(replicate, args.rows, args.root)
    elif args.command == "reruns":
        report = measured(reruns, args.root)
    elif args.command == "restamp":
        report = measured(restamp, args.data or args.root / f"n{args.rows}" / "data")
    else:
        seeds = args.seeds or args.root / f"n{args.rows}" / "seeds"
        data = args.data or args.root / f"n{args.rows}" / "data"
        report = measured(tables, seeds, data, args.fresh)
    print(json.dumps({"command": args.command, **report}, indent=2))


if __name__ == "__main__":
    main()
