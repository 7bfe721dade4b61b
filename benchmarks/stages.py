"""The measured stages, each in its own subprocess so that its memory is measured apart.

1. **spaCy** - bare `spacy.load(<the project's model>)` with its default components,
   `nlp.pipe(texts, batch_size=B, n_process=<settings.n_process()>)` over the corpus texts,
   for a given batch size B (the bench tries several and keeps the fastest);
2. **pipeline** - `python -m pipeline.cli run` on given seeds, data and DAGSTER_HOME folders
   (from empty folders for x1, x2, x4; on the x1 folders again for the reruns).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.config import BenchConfig
from benchmarks.corpus import article_files
from benchmarks.measuring import Measurement, measure
from pipeline import settings


def spacy_baseline_child(seeds: Path, batch_size: int) -> int:
    """Bare spaCy over every article file under `seeds`; prints its own timings as JSON."""
    import spacy

    texts = [p.read_bytes().decode("utf-8", errors="replace") for p in article_files(seeds)]
    started = time.perf_counter()
    nlp = spacy.load(settings.spacy_model_name())
    loaded = time.perf_counter()
    n_process = settings.n_process()
    tokens = 0
    for doc in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        tokens += len(doc)
    parsed = time.perf_counter()
    print(json.dumps({
        "model": settings.spacy_model_name(),
        "pipe_names": nlp.pipe_names,
        "n_process": n_process,
        "batch_size": batch_size,
        "default_batch_size": nlp.batch_size,
        "n_docs": len(texts),
        "n_tokens": tokens,
        "load_seconds": round(loaded - started, 3),
        "pipe_seconds": round(parsed - loaded, 3),
    }))
    return 0


def warm_evaluation_child(data: Path) -> int:
    """The gold-set evaluation alone, so its report is in the cache folder before the timed runs."""
    from dagster import materialize

    from pipeline.defs.assets.evaluation import evaluation_report
    from pipeline.defs.resources import NewsPaths

    paths = NewsPaths(seeds_dir=str(data / "seeds"), data_dir=str(data))
    return 0 if materialize([evaluation_report], resources={"paths": paths}).success else 1


def sweep_batch_sizes(n_texts: int, n_process: int, sizes: tuple[int, ...]) -> list[int]:
    """The batch sizes worth trying: those that give every worker at least two batches.

    spaCy deals whole batches to its workers in turn, so 300 texts in batches of 256
    would run on one core; such a size cannot be the fastest and is not tried (on the
    full corpus, 2,065 texts and 2 processes, all of 32, 64, 128 and 256 are). When no
    size qualifies, the smallest is tried alone.
    """
    ordered = sorted(set(sizes))
    fitting = [b for b in ordered if n_texts >= 2 * max(n_process, 1) * b]
    return fitting or ordered[:1]


@dataclass(frozen=True)
class Stages:
    """Runs the stages of one invocation: same code root, logs folder and time limits for all."""

    config: BenchConfig
    logs: Path
    code_root: Path | None = None  # where the stages' code runs from; None: the project itself
    cache: Path | None = None  # NEWSEVENTS_CACHE_DIR of every stage; None: the user's

    def env(self, **overrides: Path) -> dict[str, str]:
        env = dict(os.environ)
        env.setdefault("PYTHONHASHSEED", "0")
        if self.code_root is not None:  # the snapshot comes before the project on the path
            env["PYTHONPATH"] = os.pathsep.join([str(self.code_root), *filter(None, [env.get("PYTHONPATH")])])
        if self.cache is not None:
            env["NEWSEVENTS_CACHE_DIR"] = str(self.cache)
        env.update({k: str(v) for k, v in overrides.items()})
        return env

    def _measure(self, name: str, command: list[str], env: dict[str, str]) -> Measurement:
        return measure(
            name, command, env, self.logs / f"{name}.log", self.config.stage_timeout, self.code_root,
            kill_grace=self.config.kill_grace, sample_seconds=self.config.sample_seconds,
        )

    def spacy(self, name: str, seeds: Path, batch_size: int) -> tuple[Measurement, dict]:
        """Bare spaCy, and the timings it printed from inside its process."""
        command = [sys.executable, "-m", "benchmarks.bench", "--spacy-baseline", str(seeds),
                   "--batch-size", str(batch_size)]
        result = self._measure(name, command, self.env())
        inner = {}
        for line in reversed(result.stdout.splitlines()):
            if line.startswith("{"):
                inner = json.loads(line)
                break
        return result, inner

    def warm_evaluation(self, data: Path) -> Measurement:
        """The gold-set evaluation into the cache folder, so every timed run finds it there, as
        `make run` does on a machine that evaluated the same code and gold files before."""
        command = [sys.executable, "-m", "benchmarks.bench", "--warm-evaluation", str(data)]
        return self._measure("warm-evaluation", command, self.env())

    def prepare_home(self, home: Path) -> Path:
        """An empty DAGSTER_HOME with the project's instance settings (telemetry off, ...)."""
        home.mkdir(parents=True, exist_ok=True)
        config = (self.code_root or settings.PROJECT_ROOT) / "dagster.yaml"
        if config.is_file():
            shutil.copyfile(config, home / "dagster.yaml")
        return home

    def pipeline(self, name: str, seeds: Path, data: Path, home: Path) -> Measurement:
        env = self.env(NEWSEVENTS_SEEDS_DIR=seeds, NEWSEVENTS_DATA_DIR=data, DAGSTER_HOME=home)
        return self._measure(name, [sys.executable, "-m", "pipeline.cli", "run"], env)
