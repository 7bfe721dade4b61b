"""deploy/dagster.yaml against the real PostgreSQL: the instance starts from it, stores runs
and events there (batched), and carries the run queue and the corpus pool limit."""

import shutil
from pathlib import Path

import pytest
from dagster import (
    AssetExecutionContext,
    DagsterInstance,
    DynamicPartitionsDefinition,
    asset,
    materialize,
)

from pipeline.defs.assets.nlp import article_extractions
from pipeline.defs.partitions import ARTICLE_PARTITIONS
from tests.conftest import SEED_000, SEED_004, SEEDS, run_pipeline
from tests.services import ROOT, fresh_postgres_database, postgres_environment

DEPLOY_YAML = ROOT / "deploy" / "dagster.yaml"
TOY_PARTITIONS = DynamicPartitionsDefinition(name="toy_articles")


@asset(partitions_def=TOY_PARTITIONS)
def toy_lengths(context: AssetExecutionContext) -> dict[str, int]:
    return {key: len(key) for key in context.partition_keys}


@pytest.fixture
def postgres_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """DAGSTER_HOME holding deploy/dagster.yaml, with DAGSTER_PG_* naming a fresh database."""
    with fresh_postgres_database() as db_name:
        for name, value in postgres_environment(db_name).items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv("DAGSTER_EVENT_BATCH_SIZE", "1000")
        home = tmp_path / "dagster_home"
        home.mkdir()
        shutil.copy(DEPLOY_YAML, home / "dagster.yaml")
        yield home


def test_instance_from_deploy_yaml_stores_runs_in_postgres(postgres_home: Path):
    with DagsterInstance.from_config(str(postgres_home)) as instance:
        assert type(instance.run_storage).__name__ == "PostgresRunStorage"
        assert type(instance.event_log_storage).__name__ == "PostgresEventLogStorage"
        concurrency = instance.get_concurrency_config()
        assert concurrency.run_queue_config.max_concurrent_runs == 4
        assert concurrency.pool_config.default_pool_limit == 1
        assert concurrency.pool_config.pool_granularity.value == "run"

        keys = ["a", "bb", "ccc"]
        instance.add_dynamic_partitions(TOY_PARTITIONS.name, keys)
        result = materialize([toy_lengths], instance=instance, partition_key="bb")
        assert result.success
        assert result.output_for_node("toy_lengths") == {"bb": 2}
        assert instance.get_materialized_partitions(toy_lengths.key) == {"bb"}
        assert instance.get_dynamic_partitions(TOY_PARTITIONS.name) == keys

    # A second instance from the same file (another process, another machine) sees the run.
    with DagsterInstance.from_config(str(postgres_home)) as other:
        runs = other.get_runs()
        assert [r.is_success for r in runs] == [True]
        assert other.get_materialized_partitions(toy_lengths.key) == {"bb"}


@pytest.mark.slow
def test_pipeline_on_postgres_instance_matches_partitions(postgres_home: Path, tmp_path: Path):
    """The project's own jobs on the Postgres instance: every seed is one materialised partition."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for stem in (SEED_000, SEED_004):
        shutil.copy(SEEDS / f"{stem}.txt", seeds / f"{stem}.txt")
    with DagsterInstance.from_config(str(postgres_home)) as instance:
        result = run_pipeline(seeds, tmp_path / "data", instance=instance)
        assert result.success
        partitions = instance.get_dynamic_partitions(ARTICLE_PARTITIONS.name)
        assert len(partitions) == 2
        assert instance.get_materialized_partitions(article_extractions.key) == set(partitions)
