"""Shared fixtures: the seed files and a pipeline run on them in a temp folder."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from dagster import DagsterInstance

from pipeline.definitions import build_definitions
from pipeline.defs.refresh import refresh
from pipeline.defs.resources import NewsPaths

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_000 = "000_c5783bed5a5e9dc2"
SEED_004 = "004_c365d3e2393e820b"


@pytest.fixture(scope="session", autouse=True)
def own_cache_dir(tmp_path_factory):
    """Results cached across data folders (the gold-set evaluation) go to a folder of this
    session's, so no test is answered from an earlier run's cache."""
    os.environ["NEWSEVENTS_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


def seed_text(stem: str) -> str:
    return (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


def run_pipeline(seeds: Path, data: Path, instance: DagsterInstance | None = None):
    """What `make run` does, minus the gold-set evaluation, in process; the Dagster
    instance (run history, partitions) lives beside `data` and outlives the call, unless
    one is given."""
    paths = NewsPaths(seeds_dir=str(seeds), data_dir=str(data))
    if instance is not None:
        return refresh(build_definitions(paths), instance, paths)
    home = data.parent / f"{data.name}.dagster"
    home.mkdir(exist_ok=True)
    with DagsterInstance.local_temp(str(home), overrides={"telemetry": {"enabled": False}}) as instance:
        return refresh(build_definitions(paths), instance, paths)


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory):
    """The pipeline run once on copies of the seeds; tests that only read its outputs share it."""
    seeds = tmp_path_factory.mktemp("seeds")
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, seeds / path.name)
    data = tmp_path_factory.mktemp("data")
    result = run_pipeline(seeds, data)
    assert result.success
    return seeds, data, result


def named_by(mention_id: str | None, by_id: dict) -> str | None:
    """The name a mention stands for, following pronoun and title antecedents."""
    seen: set[str] = set()
    mention = by_id.get(mention_id) if mention_id else None
    while mention is not None and mention.antecedent and mention.antecedent in by_id and mention.mention_id not in seen:
        seen.add(mention.mention_id)
        mention = by_id[mention.antecedent]
    return mention.name if mention is not None else None


@pytest.fixture(scope="session")
def seed_extractions():
    """Each seed parsed once: (context, mentions by id, quotes, stances)."""
    from pipeline.nlp.extract import build_context
    from pipeline.nlp.mentions import detect_mentions
    from pipeline.nlp.quotes import extract_quotes
    from pipeline.nlp.stances import extract_stances

    out = {}
    for stem in (SEED_000, SEED_004):
        ctx = build_context(stem, seed_text(stem))
        mentions = detect_mentions(ctx)
        quotes = extract_quotes(ctx, mentions)
        out[stem] = (ctx, {m.mention_id: m for m in mentions}, quotes, extract_stances(ctx, quotes, mentions))
    return out


def next_ctime_tick(path: Path) -> None:
    """Waits until a change to `path` would get another ctime than its present one (the
    kernel's file clock ticks coarser than `time.time_ns`)."""
    before = path.stat().st_ctime_ns
    probe = path.with_name("tick-probe")
    for _ in range(500):
        probe.write_bytes(b"x")
        if probe.stat().st_ctime_ns > before:
            break
        time.sleep(0.01)
    probe.unlink()
