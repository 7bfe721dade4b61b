"""Shared fixtures: the seed files and a pipeline run on them in a temp folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.automation import REFRESH_JOB
from pipeline.definitions import build_definitions
from pipeline.resources import NewsPaths

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_000 = "000_c5783bed5a5e9dc2"
SEED_004 = "004_c365d3e2393e820b"


def seed_text(stem: str) -> str:
    return (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


def run_pipeline(seeds: Path, data: Path):
    """One in-process run of the refresh job (everything but the gold-set evaluation)."""
    definitions = build_definitions(NewsPaths(seeds_dir=str(seeds), data_dir=str(data)))
    return definitions.resolve_job_def(REFRESH_JOB).execute_in_process(raise_on_error=False)


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
