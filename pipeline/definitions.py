"""The Dagster code location: `dagster dev -m pipeline.definitions` serves `defs`."""

from __future__ import annotations

from dagster import AssetSelection, Definitions, define_asset_job

from pipeline.assets.core import core_tables
from pipeline.assets.evaluation import evaluation_report
from pipeline.assets.nlp import article_extractions
from pipeline.assets.reports import actor_network, stance_matrix
from pipeline.assets.warehouse import warehouse
from pipeline.automation import REFRESH_JOB, daily_reconcile, seeds_sensor
from pipeline.checks import ALL_CHECKS
from pipeline.resources import NewsPaths

MATERIALIZE_ALL_JOB = "materialize_all"

refresh_warehouse = define_asset_job(
    REFRESH_JOB,
    selection=AssetSelection.all() - AssetSelection.groups("evaluation"),
    description="Bring every table, picture and the warehouse up to date with the seeds folder.",
)
materialize_all = define_asset_job(
    MATERIALIZE_ALL_JOB,
    selection=AssetSelection.all(),
    description="Everything, including the evaluation on the gold set (what `make run` does).",
)


def build_definitions(paths: NewsPaths) -> Definitions:
    """The whole code location bound to one pair of folders (tests bind temp folders)."""
    return Definitions(
        assets=[article_extractions, core_tables, warehouse, actor_network, stance_matrix, evaluation_report],
        asset_checks=ALL_CHECKS,
        jobs=[refresh_warehouse, materialize_all],
        sensors=[seeds_sensor],
        schedules=[daily_reconcile],
        resources={"paths": paths},
    )


defs = build_definitions(NewsPaths.from_environment())
