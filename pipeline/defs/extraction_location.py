"""The extraction job by itself: what a run over article partitions needs, without the
corpus-level assets and what they import (pandas, Pandera, pyarrow, DuckDB: about 0.6 s of
CPU). `pipeline.definitions` holds the same job and executor, so a run of the job from
either has the same job snapshot, execution plan and records
(`tests/test_code_location.py`)."""

from __future__ import annotations

from dagster import AssetSelection, Definitions, define_asset_job, multiprocess_executor

from pipeline.defs.assets.nlp import article_extractions
from pipeline.defs.job_names import EXTRACT_JOB
from pipeline.defs.partitions import ARTICLE_PARTITIONS
from pipeline.defs.pools import ONE_WHOLE_TABLES_STEP
from pipeline.defs.resources import NewsPaths

EXECUTOR = multiprocess_executor.configured({"tag_concurrency_limits": ONE_WHOLE_TABLES_STEP})
"""The daemon's and the UI's runs: Dagster's multiprocess executor, with the warehouse and the
exports one at a time as in `make run` (pipeline/defs/pools.py)."""

extract_articles = define_asset_job(
    EXTRACT_JOB,
    selection=AssetSelection.assets(article_extractions),
    partitions_def=ARTICLE_PARTITIONS,
    description="Parse and extract the articles of a range of partitions (one partition per seed file).",
)


def build_extraction_definitions(paths: NewsPaths) -> Definitions:
    """The extraction job with its one asset, bound to `paths` as `build_definitions` binds
    the whole code location."""
    return Definitions(
        assets=[article_extractions], jobs=[extract_articles], resources={"paths": paths}, executor=EXECUTOR
    )
