"""The jobs: per-article extraction by partition range, and the corpus-level refresh."""

from __future__ import annotations

from dagster import AssetSelection, define_asset_job

from pipeline.defs.assets.core import core_tables
from pipeline.defs.assets.evaluation import evaluation_report
from pipeline.defs.assets.exports import exports
from pipeline.defs.assets.nlp import article_extractions
from pipeline.defs.assets.reports import actor_network, stance_matrix
from pipeline.defs.assets.warehouse import warehouse
from pipeline.defs.extraction_job import extract_articles
from pipeline.defs.job_names import (  # noqa: F401 - named here too, beside their jobs
    CORPUS_JOB_WITH_EVALUATION,
    EXTRACT_JOB,
    RECONCILE_JOB,
    REFRESH_JOB,
)
from pipeline.defs.partitions import ARTICLE_PARTITIONS

CORPUS_ASSETS = [core_tables, warehouse, actor_network, stance_matrix, exports]
"""Built from every article at once; unpartitioned, downstream of all article partitions."""
CORPUS_KEYS = [key for assets in CORPUS_ASSETS for key in assets.keys]

refresh_warehouse = define_asset_job(
    REFRESH_JOB,
    selection=AssetSelection.assets(*CORPUS_ASSETS),
    description=(
        "Resolve across articles, validate and write every table, load the warehouse, draw the pictures, "
        "write the exports."
    ),
)
refresh_and_evaluate = define_asset_job(
    CORPUS_JOB_WITH_EVALUATION,
    selection=AssetSelection.assets(*CORPUS_ASSETS, evaluation_report),
    description="The corpus-level refresh plus the evaluation on the gold set (the last step of `make run`).",
)
reconcile_seeds = define_asset_job(
    RECONCILE_JOB,
    selection=AssetSelection.assets(article_extractions, *CORPUS_ASSETS),
    partitions_def=ARTICLE_PARTITIONS,
    description="What the daily schedule launches: extraction of stale partitions, or the corpus-level refresh.",
)

ALL_JOBS = [extract_articles, refresh_warehouse, refresh_and_evaluate, reconcile_seeds]
