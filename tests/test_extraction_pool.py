"""The fork pool's batches (`extract.batch_sizes`) and its lazy feed: the records are those the
process extracts itself, in input order, whatever the batches; the articles are read as the
pool goes, at most `in_flight` ahead."""

from __future__ import annotations

import itertools
from datetime import datetime

from pipeline.nlp import extract
from pipeline.nlp.seed_folder import ingest_everything
from pipeline.storage import ExtractionCache

NOW = datetime(2026, 3, 4, 5, 6, 7)


def sizes_for(total: int, n_process: int) -> list[int]:
    sizes, covered = [], 0
    for size in extract.batch_sizes(total, n_process):
        if covered >= total:
            break
        sizes.append(size)
        covered += size
    return sizes


def test_batches_are_full_while_there_is_plenty_left_and_shrink_near_the_end():
    for total, n_process in ((33, 2), (100, 2), (2065, 2), (2065, 4), (500, 1)):
        sizes = sizes_for(total, n_process)
        assert all(extract.MIN_BATCH_SIZE <= s <= extract.BATCH_SIZE for s in sizes)
        assert sizes == sorted(sizes, reverse=True)
        assert sizes[-1] <= extract.MIN_BATCH_SIZE
    sizes = sizes_for(2065, 2)
    assert sizes.count(extract.BATCH_SIZE) >= 60 and sum(sizes[-4:]) <= 4 * extract.MIN_BATCH_SIZE


def test_the_pool_reads_lazily_and_yields_what_the_process_extracts(tmp_path):
    for n in range(45):
        (tmp_path / f"a{n:02d}.txt").write_text(
            f"Story {n}\n\nThe council met on Monday. Anna Berg, its chair, said the budget was late.\n",
            encoding="utf-8",
        )
    articles, _, _ = ingest_everything(tmp_path)
    taken: list[int] = []

    def read():
        for count, article in enumerate(articles, 1):
            taken.append(count)
            yield article

    stream = extract.extract_articles(read(), NOW, 2, None, len(articles), in_flight=2 * extract.BATCH_SIZE)
    first = next(stream)
    # two batches fed before any was consumed, a third once the first was: never the whole input
    assert len(taken) <= sum(sizes_for(len(articles), 2)[:3]) < len(articles)
    extracted = [first, *stream]
    assert extracted == extract.extract_batch(articles, NOW)
    assert [e.article["article_id"] for e in extracted] == [a.seed.article_id for a in articles]


def test_a_consumer_that_stops_early_leaves_no_pool_behind(tmp_path):
    for n in range(40):
        (tmp_path / f"a{n:02d}.txt").write_text(f"Story {n}\n\nThe council met on Monday.\n", encoding="utf-8")
    articles, _, _ = ingest_everything(tmp_path)
    stream = extract.extract_articles(iter(articles), NOW, 2, None, len(articles), in_flight=extract.BATCH_SIZE)
    assert len(list(itertools.islice(stream, 3))) == 3
    stream.close()  # the feed is stopped before the pool is terminated: no hang in its task thread


def test_the_pools_workers_write_the_entries_this_process_writes(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for n in range(45):
        (seeds / f"a{n:02d}.txt").write_text(
            f"Story {n}\n\nThe council met on Monday. Anna Berg, its chair, said the budget was late.\n",
            encoding="utf-8",
        )
    articles, _, _ = ingest_everything(seeds)
    progress: list[tuple[int, int]] = []
    pooled = ExtractionCache(tmp_path / "pool")
    count = extract.extract_into_cache(iter(articles), NOW, pooled, "v1", 2, lambda *p: progress.append(p),
                                       len(articles), in_flight=2 * extract.BATCH_SIZE)
    here = ExtractionCache(tmp_path / "here")
    for extraction in extract.extract_batch(articles, NOW):
        here.put(extraction, "v1")
    assert count == len(articles) and progress[-1] == (len(articles), len(articles)) and len(progress) > 2
    written = sorted(p.name for p in pooled.root.iterdir())
    assert written == sorted(p.name for p in here.root.iterdir()) and len(written) == len(articles)
    assert all((pooled.root / name).read_bytes() == (here.root / name).read_bytes() for name in written)
