"""Bring the warehouse up to date with the seeds folder, outside the Dagster daemon.

`make run`, the daily schedule and the tests reconcile the same way: the instance's
article partitions are made to match the folder, the partitions whose article has no
extraction of its current content (or that were never materialised) are extracted,
one run per contiguous range, and then the corpus-level assets are refreshed.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from dagster import AssetKey, DagsterInstance, Definitions, ExecuteInProcessResult

from pipeline import ahead, settings
from pipeline.defs import corpus_state
from pipeline.defs.event_log import BATCH_SIZE, BATCH_SIZE_SETTING
from pipeline.defs.extraction_job import extraction_definitions
from pipeline.defs.job_names import EXTRACT_JOB, REFRESH_JOB
from pipeline.defs.partitions import (
    ARTICLE_PARTITIONS,
    files_keys,
    key_ranges,
    partition_key,
    range_tags,
    sync_partitions,
)
from pipeline.defs.resources import NewsPaths
from pipeline.nlp import warm_worker
from pipeline.nlp.seed_folder import SeedInventory, survey
from pipeline.nlp.version import extractor_version
from pipeline.storage import ExtractionCache

PLANNING_ROUNDS = 3
"""Plan-and-extract rounds before the corpus-level run: a file written while its neighbours
were being extracted is extracted in the next round. Whatever changes later is handled
by `pipeline.snapshot` (the tables use the extracted content, and say so)."""


ARTICLE_EXTRACTIONS = AssetKey("article_extractions")
"""`pipeline.defs.assets.nlp.article_extractions.key`, named without importing the assets."""


def stale_ranges(instance: DagsterInstance, paths: NewsPaths) -> list[tuple[str, str]]:
    """Sync the partitions with the folder; the ranges of partitions that need a run."""
    return _plan(instance, paths)[0]


def _plan(
    instance: DagsterInstance, paths: NewsPaths, extracted_from: SeedInventory | None = None
) -> tuple[list[tuple[str, str]], int, SeedInventory]:
    """(`stale_ranges`, how many articles of them need extracting, the survey planned from).

    `extracted_from`: the survey that the last round planned from, when every run it started
    succeeded. If the folder is still the one surveyed then (`survey` hands back that very
    inventory while its stamp holds) and every article has a current extraction, the
    partitions are those synced then and the runs materialised every stale one: nothing is
    left, and the instance is not asked again (its partitions and their materialisations:
    two queries over every partition after each extraction). Articles whose extraction
    `make run` handed the warm worker ahead (`warm_worker.extract_ahead`) count as stale
    however far it got: their partitions are materialised by the run that takes it over."""
    inventory = survey(paths.seeds)
    cache = ExtractionCache(paths.data)
    version = extractor_version()
    if inventory is extracted_from and not cache.stale(inventory.articles, version):
        return [], 0, inventory
    keys = files_keys(inventory.articles, inventory.rejections)
    sync_partitions(instance, keys)
    extract = {partition_key(a.seed.source_file) for a in cache.stale(inventory.articles, version)}
    extract |= keys & {partition_key(a.seed.source_file) for a in warm_worker.ahead_articles()}
    stale = extract | keys - instance.get_materialized_partitions(ARTICLE_EXTRACTIONS)
    return key_ranges(instance.get_dynamic_partitions(ARTICLE_PARTITIONS.name), stale), len(extract), inventory


def prepare_meanwhile() -> threading.Thread | None:
    """Import the libraries and plain modules the corpus-level assets use (pandas, Pandera,
    pyarrow and DuckDB with `pipeline.schemas`, the table build, the exports and the
    warehouse) and build the contract's Pandera models (`schemas.build_models`, which the
    table step's process would otherwise wait for before it is forked) in a thread of this
    process while the extraction run waits for the warm worker's parse: in a one-article
    rerun this process is idle for most of that run, and the extraction job no longer waits
    for those imports (`extraction_job`). None of these modules imports Dagster, so the thread
    takes no import lock that the run's own lazy imports of Dagster's modules could need; the
    assets' modules are imported after the run, with the whole code location, which then
    costs little. The table step's own `prepare_once` waits for the models, or builds them
    should the thread have failed. Only while the warm worker extracts (this process then
    forks no pool while the thread imports), and not where steps run in this process
    (nothing is forked)."""
    from pipeline.own_process import in_process, prepare_once

    if in_process():
        return None

    def prepare() -> None:
        with contextlib.suppress(Exception):  # the corpus-level job imports, and the table step prepares, for itself
            import pipeline.exports
            import pipeline.table_build
            import pipeline.warehouse  # noqa: F401
            from pipeline.schemas import build_models

            prepare_once(build_models)

    thread = threading.Thread(target=prepare, name="prepare-corpus-steps", daemon=True)
    thread.start()
    return thread


@dataclass
class RefreshOutcome:
    """The in-process runs of one refresh, in order."""

    results: list[ExecuteInProcessResult] = field(default_factory=list)
    up_to_date: bool = False
    """Nothing extracted, and the corpus-level outputs were already current: no job ran."""

    @property
    def success(self) -> bool:
        return all(r.success for r in self.results)

    @property
    def all_events(self) -> list:
        return [event for r in self.results for event in r.all_events]

    def get_asset_check_evaluations(self) -> list:
        return [e for r in self.results for e in r.get_asset_check_evaluations()]


def refresh(
    definitions: Definitions | Callable[[], Definitions],
    instance: DagsterInstance,
    paths: NewsPaths,
    corpus_job: str = REFRESH_JOB,
    tags: Mapping[str, str] | None = None,
) -> RefreshOutcome:
    """Extract the stale partitions (planning again while extraction found more to do),
    then run `corpus_job`, unless nothing was extracted and its outputs are already those of
    the current inputs (`corpus_state`); stops at the first failed run.

    `definitions` may be a function that builds them: it is called only when a job runs, so
    a rerun with nothing to do never imports the assets (`make run` passes one), and only
    for the corpus-level job: the extraction's runs before it take the extraction's own
    code location (`extraction_job`)."""
    if callable(definitions) and not isinstance(definitions, Definitions):
        build, built = definitions, {}

        def job(name: str):
            # the extraction's runs before the corpus-level one: none of the other assets' imports
            part = "extraction" if name == EXTRACT_JOB and "all" not in built else "all"
            if part not in built:
                built[part] = extraction_definitions(paths) if part == "extraction" else build()
            return built[part].resolve_job_def(name)
    else:
        job = definitions.resolve_job_def
    # Per-partition records ("planned", "materialised") written a batch at a time (pipeline/defs/event_log.py).
    os.environ.setdefault(BATCH_SIZE_SETTING, BATCH_SIZE)
    # Pandera imports hypothesis (a test dependency, for data synthesis the pipeline never
    # asks for) when it validates; hypothesis then loads its plugins, which import trio:
    # a quarter of a second of every corpus-level run, for nothing. pipeline/schemas.py keeps
    # Pandera from importing hypothesis at all; this stays for when it cannot (a process that
    # imported hypothesis first, a Pandera release that moved the module it hooks).
    os.environ.setdefault("HYPOTHESIS_NO_PLUGINS", "1")
    outcome = RefreshOutcome()
    extracted_from = None
    try:
        for round_ in range(PLANNING_ROUNDS):
            ranges, to_extract, planned_from = _plan(instance, paths, extracted_from)
            if round_ == 0 and to_extract > 0 and not settings.dask_scheduler():
                warm_worker.start()  # spaCy loads there while the code location is built and the run starts
            elif round_ == 0:
                warm_worker.stop()  # one `make run` forked before planning, for nothing to extract
            for first, last in ranges:
                extract = job(EXTRACT_JOB)
                if round_ == 0 and first == ranges[0][0] and warm_worker.waiting():
                    prepare_meanwhile()  # this process forks nothing in the run: the worker extracts
                result = extract.execute_in_process(
                    instance=instance, tags={**(tags or {}), **range_tags(first, last)}, raise_on_error=False
                )
                outcome.results.append(result)
                if not result.success:
                    return outcome
            if not ranges:
                break
            extracted_from = planned_from
    finally:
        warm_worker.stop()
    fingerprint = corpus_state.inputs_fingerprint(paths, corpus_job)
    if not outcome.results and corpus_state.is_current(paths, corpus_job, fingerprint):
        outcome.up_to_date = True
        return outcome
    corpus_state.forget(paths)
    # The steps after the tables run side by side (their work is in processes of their own);
    # steps in this process (`own_process.in_process`) would only contend for the GIL.
    from pipeline.defs.pools import whole_tables_limits
    from pipeline.defs.side_by_side import execute_side_by_side
    from pipeline.own_process import in_process

    concurrent = 1 if in_process() else settings.corpus_steps()
    # Side by side, the checks and the warehouse's build start as soon as the tables are written (`pipeline.ahead`).
    with ahead.session() if concurrent > 1 else contextlib.nullcontext():
        result = execute_side_by_side(job(corpus_job), instance, concurrent, tags=dict(tags or {}),
                                      tag_limits=lambda: whole_tables_limits(paths.data))
    outcome.results.append(result)
    if result.success:
        corpus_state.record(paths, corpus_job, fingerprint)
    return outcome
