"""One benchmark invocation's settings, fixed before anything runs.

A frozen object handed to every stage, rather than module globals that `main` rewrites, so
a test can build a configuration without touching what another test sees.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline import settings

DEFAULT_CORPUS = settings.PROJECT_ROOT.parent / "shared" / "corpora" / "bbc-news"
QUICK_ARTICLES = 300
FULL_SCALES = (1, 2, 4)
QUICK_SCALES = (1, 2)
SAMPLE_SECONDS = 0.1  # how often a stage's memory is sampled
KILL_GRACE = 10.0  # seconds between SIGTERM and SIGKILL when stopping a stage
STAGE_TIMEOUT = 3 * 3600.0  # seconds; a hung stage must not stall the bench forever
BATCH_SIZES = (32, 64, 128, 256)  # bare spaCy's batch sizes tried; the fastest is the baseline
REPEATS = 2  # interleaved (bare spaCy, pipeline x1) pairs; medians are taken over them
RERUN_REPEATS = 3  # (no change, one article edited) rerun pairs: seconds each, so one more than REPEATS


def _flag(environ: Mapping[str, str], name: str) -> bool:
    return environ.get(name, "") not in ("", "0")


@dataclass(frozen=True)
class BenchConfig:
    """What to measure (corpus, sample, replication factors) and how (time limits, sampling)."""

    corpus: Path
    quick: bool = False
    keep: bool = False
    workdir: Path | None = None
    articles: int | None = None  # None: every article
    scales: tuple[int, ...] = FULL_SCALES
    snapshot: bool = True  # run a copy of the code taken at the start
    custom: bool = False  # --articles or --scales given: the figures go to their own report
    stage_timeout: float = STAGE_TIMEOUT
    batch_sizes: tuple[int, ...] = BATCH_SIZES
    repeats: int = REPEATS
    kill_grace: float = KILL_GRACE
    sample_seconds: float = SAMPLE_SECONDS

    @classmethod
    def from_options(
        cls,
        environ: Mapping[str, str],
        *,
        quick: bool = False,
        keep: bool = False,
        workdir: Path | None = None,
        articles: int | None = None,
        scales: str | None = None,
        snapshot: bool = True,
        stage_timeout: float = STAGE_TIMEOUT,
        batch_sizes: str | None = None,
        repeats: int = REPEATS,
    ) -> BenchConfig:
        """Command-line options, with NEWSEVENTS_BENCH_QUICK / _KEEP / _CORPUS from the environment."""
        quick = quick or _flag(environ, "NEWSEVENTS_BENCH_QUICK")
        return cls(
            corpus=Path(environ.get("NEWSEVENTS_BENCH_CORPUS", DEFAULT_CORPUS)).resolve(),
            quick=quick,
            keep=keep or _flag(environ, "NEWSEVENTS_BENCH_KEEP"),
            workdir=workdir,
            articles=articles if articles is not None else (QUICK_ARTICLES if quick else None),
            scales=tuple(int(s) for s in scales.split(",")) if scales else (QUICK_SCALES if quick else FULL_SCALES),
            snapshot=snapshot,
            custom=articles is not None or scales is not None,
            stage_timeout=stage_timeout,
            batch_sizes=tuple(int(b) for b in batch_sizes.split(",")) if batch_sizes else BATCH_SIZES,
            repeats=max(1, repeats),
        )

    @property
    def report_name(self) -> str:
        return "report-quick.json" if self.quick else "report-custom.json" if self.custom else "report.json"
