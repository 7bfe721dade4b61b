# Defaults for a Dagster process of the Postgres deployment: `. deploy/env.sh` before
# `dagster-webserver`, `dagster-daemon run` or `dagster code-server start`. Values already
# in the environment win.
export DAGSTER_PG_HOST="${DAGSTER_PG_HOST:-127.0.0.1}"
export DAGSTER_PG_PORT="${DAGSTER_PG_PORT:-5432}"
export DAGSTER_PG_USER="${DAGSTER_PG_USER:-postgres}"
export DAGSTER_PG_PASSWORD="${DAGSTER_PG_PASSWORD:-}"
export DAGSTER_PG_DB="${DAGSTER_PG_DB:-newsevents_dagster}"
export DAGSTER_EVENT_BATCH_SIZE="${DAGSTER_EVENT_BATCH_SIZE:-1000}"
export DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS="${DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS:-true}"
