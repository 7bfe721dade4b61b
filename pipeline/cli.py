"""Command-line entry points behind `make run`, `make eval` and `make bench`."""

from __future__ import annotations

import argparse
import sys
import time

from dagster import DagsterInstance

from pipeline import settings
from pipeline.bench import bench_command
from pipeline.evaluation.report import run_evaluation
from pipeline.warehouse import row_counts


def run_pipeline() -> int:
    """Materialise every asset with the project's instance (run history under DAGSTER_HOME)."""
    from pipeline.definitions import MATERIALIZE_ALL_JOB, defs

    started = time.perf_counter()
    instance = DagsterInstance.get() if _has_dagster_home() else DagsterInstance.ephemeral()
    result = defs.resolve_job_def(MATERIALIZE_ALL_JOB).execute_in_process(instance=instance, raise_on_error=False)
    if not result.success:
        print("pipeline run failed; see the log above", file=sys.stderr)
        return 1
    database = settings.data_dir() / "warehouse.duckdb"
    for table, count in row_counts(database).items():
        print(f"{table:<20} {count:>8} rows")
    print(f"warehouse: {database} ({time.perf_counter() - started:.1f} s)")
    return 0


def _has_dagster_home() -> bool:
    import os

    return bool(os.environ.get("DAGSTER_HOME"))


COMMANDS = {"run": run_pipeline, "bench": bench_command, "eval": run_evaluation}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsevents")
    parser.add_argument("command", choices=sorted(COMMANDS))
    args = parser.parse_args(argv)
    return COMMANDS[args.command]()


if __name__ == "__main__":
    sys.exit(main())
