"""The extraction job and the smallest code location that runs it.

A rerun after an edit runs this job first, for the edited articles' partitions, and the
corpus-level job after it. `extraction_definitions` holds only the extraction asset, so the
job starts without the other assets' imports (pandas, Pandera, pyarrow, DuckDB, the table
build, the exports); `refresh.prepare_meanwhile` imports those in a thread while the run
waits for the warm worker's parse. The job is the same object in both code locations
(`pipeline.defs.jobs` names this one), so its runs are recorded alike.
"""

from __future__ import annotations

from dagster import AssetSelection, Definitions, define_asset_job

from pipeline.defs.assets.nlp import article_extractions
from pipeline.defs.job_names import EXTRACT_JOB
from pipeline.defs.partitions import ARTICLE_PARTITIONS
from pipeline.defs.pools import RUN_EXECUTOR
from pipeline.defs.resources import NewsPaths

extract_articles = define_asset_job(
    EXTRACT_JOB,
    selection=AssetSelection.assets(article_extractions),
    partitions_def=ARTICLE_PARTITIONS,
    description="Parse and extract the articles of a range of partitions (one partition per seed file).",
)


def extraction_definitions(paths: NewsPaths) -> Definitions:
    """A code location of the extraction asset and its job alone, bound to `paths`."""
    return Definitions(assets=[article_extractions], jobs=[extract_articles], resources={"paths": paths},
                       executor=RUN_EXECUTOR)
