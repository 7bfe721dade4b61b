#!/usr/bin/env bash
# `make cluster-demo`: the multi-machine deployment (README, "Running on several machines")
# on this one machine. A Postgres-backed Dagster instance, a Dask scheduler and two
# workers are started, the seeds go through `pipeline.cli run` with extraction on the
# cluster, the run history is read back from Postgres, and everything started here is
# stopped again (by process id), also when a step fails. Each demo starts from an empty
# database and data folder, so every article is extracted on the cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}

export DAGSTER_HOME="$PWD/.dagster-cluster"
# Its own database and data folder, whatever the environment names: both are emptied first.
export DAGSTER_PG_DB=newsevents_cluster_demo
. deploy/env.sh
export NEWSEVENTS_DATA_DIR="$PWD/data/cluster-demo"
DASK_PORT="${DASK_PORT:-8786}"
export NEWSEVENTS_DASK_SCHEDULER="tcp://127.0.0.1:$DASK_PORT"
LOGS="$DAGSTER_HOME/logs"
mkdir -p "$LOGS"
ln -sf "$PWD/deploy/dagster.yaml" "$DAGSTER_HOME/dagster.yaml"

started=()
stop() {
  for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${started[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "== stopped: ${started[*]:-nothing}"
}
trap stop EXIT

echo "== 1. Postgres: database $DAGSTER_PG_DB on $DAGSTER_PG_HOST:$DAGSTER_PG_PORT"
"$BIN/python" - <<'PY'
import os
import psycopg2

connection = psycopg2.connect(host=os.environ["DAGSTER_PG_HOST"], port=os.environ["DAGSTER_PG_PORT"],
                              user=os.environ["DAGSTER_PG_USER"], password=os.environ["DAGSTER_PG_PASSWORD"],
                              dbname="postgres")
connection.autocommit = True
name = os.environ["DAGSTER_PG_DB"]
with connection.cursor() as cursor:
    cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    cursor.execute(f'CREATE DATABASE "{name}"')
print(f"created database {name} (empty)")
PY
"$BIN/dagster" instance migrate >/dev/null  # create the tables once, before several processes start
rm -rf "$NEWSEVENTS_DATA_DIR"

echo "== 2. Dask scheduler on 127.0.0.1:$DASK_PORT, two workers (one process, one thread each)"
"$BIN/dask" scheduler --host 127.0.0.1 --port "$DASK_PORT" --no-dashboard >"$LOGS/scheduler.log" 2>&1 &
started+=($!)
for n in 1 2; do
  "$BIN/dask" worker "$NEWSEVENTS_DASK_SCHEDULER" --name "worker-$n" --nworkers 1 --nthreads 1 --no-dashboard \
    >"$LOGS/worker-$n.log" 2>&1 &
  started+=($!)
done
"$BIN/python" - <<'PY'
import os
from distributed import Client

with Client(os.environ["NEWSEVENTS_DASK_SCHEDULER"], timeout=60) as client:
    client.wait_for_workers(2, timeout=120)
    print("workers:", ", ".join(sorted(w["name"] for w in client.scheduler_info(n_workers=-1)["workers"].values())))
PY

echo "== 3. the seeds, extraction on the cluster, run history in Postgres"
"$BIN/python" -m pipeline.cli run

echo "== 4. read back from Postgres"
"$BIN/python" - <<'PY'
from dagster import DagsterInstance

from pipeline.defs.assets.nlp import article_extractions

with DagsterInstance.get() as instance:
    print("run storage:", type(instance.run_storage).__name__)
    for run in reversed(instance.get_runs(limit=5)):
        print(f"  {run.job_name:<22} {run.status.value:<8} {run.run_id[:8]}")
    record = instance.get_latest_materialization_event(article_extractions.key)
    meta = record.asset_materialization.metadata if record else {}
    print("article partitions materialised:", len(instance.get_materialized_partitions(article_extractions.key)))
    if "extracted_on" in meta:
        print("last extraction ran on:", meta["extracted_on"].value)
PY
