"""The Dagster code location: `dagster dev -m pipeline.definitions` serves `defs`."""

from __future__ import annotations

from dagster import Definitions

from pipeline.defs.assets.evaluation import evaluation_report
from pipeline.defs.assets.exports import exports_match_schemas
from pipeline.defs.assets.nlp import article_extractions
from pipeline.defs.automation import corpus_automation, daily_reconcile, seeds_sensor
from pipeline.defs.checks import ALL_CHECKS
from pipeline.defs.jobs import ALL_JOBS, CORPUS_ASSETS
from pipeline.defs.pools import RUN_EXECUTOR
from pipeline.defs.resources import NewsPaths


def build_definitions(paths: NewsPaths) -> Definitions:
    """The whole code location bound to one pair of folders (tests bind temp folders)."""
    return Definitions(
        assets=[article_extractions, *CORPUS_ASSETS, evaluation_report],
        asset_checks=[*ALL_CHECKS, exports_match_schemas],
        jobs=ALL_JOBS,
        sensors=[seeds_sensor, corpus_automation],
        schedules=[daily_reconcile],
        resources={"paths": paths},
        executor=RUN_EXECUTOR,  # the daemon's and the UI's runs (pipeline/defs/pools.py)
    )


defs = build_definitions(NewsPaths.from_environment())
