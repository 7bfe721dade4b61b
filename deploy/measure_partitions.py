"""Dagster's own cost per article partition: SQLite (the embedded default) against Postgres
(deploy/dagster.yaml, events batched).

    .venv/bin/python -m deploy.measure_partitions --partitions 10000 --storage sqlite postgres

A toy asset with the project's partitioning (dynamic partitions, one single-run backfill
over all of them) and no work per partition, so every second measured is bookkeeping:
adding the partitions, the run (planning, one materialisation event per partition), and
the status query the sensors and `make run` ask (`get_materialized_partitions`). Postgres
gets a fresh database, dropped afterwards.
"""

import argparse
import contextlib
import os
import resource
import shutil
import tempfile
import time
import uuid
from pathlib import Path

from dagster import (
    AssetExecutionContext,
    BackfillPolicy,
    DagsterInstance,
    DynamicPartitionsDefinition,
    asset,
    materialize,
)
from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG

PARTITIONS = DynamicPartitionsDefinition(name="toy_articles")
DEPLOY_YAML = Path(__file__).with_name("dagster.yaml")


@asset(partitions_def=PARTITIONS, backfill_policy=BackfillPolicy.single_run())
def toy_extractions(context: AssetExecutionContext) -> None:
    context.log.info(f"{len(context.partition_keys)} partitions")


@contextlib.contextmanager
def instance_for(storage: str):
    home = Path(tempfile.mkdtemp(prefix=f"partitions-{storage}-"))
    try:
        if storage == "sqlite":
            with DagsterInstance.local_temp(str(home), overrides={"telemetry": {"enabled": False}}) as instance:
                yield instance
            return
        import psycopg2

        name = f"newsevents_measure_{uuid.uuid4().hex[:10]}"
        admin = psycopg2.connect(host=os.environ.get("DAGSTER_PG_HOST", "127.0.0.1"), dbname="postgres",
                                 port=os.environ.get("DAGSTER_PG_PORT", "5432"),
                                 user=os.environ.get("DAGSTER_PG_USER", "postgres"),
                                 password=os.environ.get("DAGSTER_PG_PASSWORD", ""))
        admin.autocommit = True
        admin.cursor().execute(f'CREATE DATABASE "{name}"')
        os.environ.setdefault("DAGSTER_PG_HOST", "127.0.0.1")
        os.environ.setdefault("DAGSTER_PG_PORT", "5432")
        os.environ.setdefault("DAGSTER_PG_USER", "postgres")
        os.environ.setdefault("DAGSTER_PG_PASSWORD", "")
        os.environ["DAGSTER_PG_DB"] = name
        shutil.copy(DEPLOY_YAML, home / "dagster.yaml")
        try:
            with DagsterInstance.from_config(str(home)) as instance:
                yield instance
        finally:
            admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)


def measure(storage: str, n: int) -> dict:
    """Each storage as deployed: SQLite unbatched (the Makefile's environment), Postgres with
    deploy/env.sh's batch of 1,000 events."""
    os.environ["DAGSTER_EVENT_BATCH_SIZE"] = "1000" if storage == "postgres" else "0"
    keys = [f"article-{i:07d}.txt" for i in range(n)]
    with instance_for(storage) as instance:
        started = time.perf_counter()
        instance.add_dynamic_partitions(PARTITIONS.name, keys)
        added = time.perf_counter() - started
        started = time.perf_counter()
        tags = {ASSET_PARTITION_RANGE_START_TAG: keys[0], ASSET_PARTITION_RANGE_END_TAG: keys[-1]}
        result = materialize([toy_extractions], instance=instance, tags=tags)
        run = time.perf_counter() - started
        assert result.success
        started = time.perf_counter()
        done = instance.get_materialized_partitions(toy_extractions.key)
        status = time.perf_counter() - started
        assert len(done) == n
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"storage": storage, "partitions": n, "add_s": round(added, 1), "run_s": round(run, 1),
            "status_s": round(status, 2), "peak_rss_mib": round(peak_mib)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--partitions", type=int, nargs="+", default=[10_000])
    parser.add_argument("--storage", nargs="+", choices=["sqlite", "postgres"], default=["sqlite", "postgres"])
    args = parser.parse_args()
    os.environ.setdefault("DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS", "true")
    print(f"DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS={os.environ['DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS']}")
    for n in args.partitions:
        for storage in args.storage:
            print({**measure(storage, n), "event_batch": os.environ["DAGSTER_EVENT_BATCH_SIZE"]}, flush=True)


if __name__ == "__main__":
    main()
