"""What Dagster's per-partition bookkeeping costs, apart from any extraction.

A partitioned asset that does nothing, with the article asset's partitions definition and
single-run backfill policy, is materialised over N new dynamic partitions in one run, on a
fresh instance with the project's instance settings (dagster.yaml: SQLite storage under
a temporary DAGSTER_HOME). Timed apart: adding the partitions, the run (one materialisation
record per partition), and reading back which partitions are materialised (what a rerun
asks first). Each configuration runs in its own process, so settings read from the
environment at import time apply.

    python -m benchmarks.bookkeeping [--partitions 500,2000] [--batch-sizes 0,1000]

`--batch-sizes` are values of DAGSTER_EVENT_BATCH_SIZE: 0 writes each partition's record
in its own transactions, N > 0 hands the records to the event log storage N at a time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dagster import (
    BackfillPolicy,
    DagsterInstance,
    Definitions,
    ExecuteInProcessResult,
    MaterializeResult,
    asset,
    define_asset_job,
)

from pipeline import settings
from pipeline.defs.event_log import BATCH_SIZE_SETTING
from pipeline.defs.partitions import ARTICLE_PARTITIONS, range_tags


@asset(partitions_def=ARTICLE_PARTITIONS, backfill_policy=BackfillPolicy.single_run())
def article_extractions(context) -> MaterializeResult:  # noqa: ANN001 (a string annotation fails Dagster's check)
    """Nothing but the bookkeeping: one materialisation per requested partition."""
    return MaterializeResult(metadata={"articles": len(context.partition_keys)})


def run_range(instance: DagsterInstance, keys: list[str]) -> ExecuteInProcessResult:
    """The do-nothing asset materialised over the partitions `keys` (added already) in one run."""
    job = define_asset_job("extract", selection=[article_extractions], partitions_def=ARTICLE_PARTITIONS)
    return Definitions(assets=[article_extractions], jobs=[job]).resolve_job_def("extract").execute_in_process(
        instance=instance, tags=range_tags(keys[0], keys[-1]), raise_on_error=True
    )


def measure_one(partitions: int) -> dict:
    """In this process: N partitions added, materialised in one run, read back (seconds)."""
    instance = DagsterInstance.get()
    keys = [f"x0/cat/{i:06}.txt" for i in range(partitions)]
    cpu = time.process_time()
    started = time.perf_counter()
    instance.add_dynamic_partitions(ARTICLE_PARTITIONS.name, keys)
    added = time.perf_counter()
    result = run_range(instance, keys)
    ran = time.perf_counter()
    materialized = instance.get_materialized_partitions(article_extractions.key)
    read = time.perf_counter()
    assert result.success and len(materialized) == partitions, (result.success, len(materialized))
    return {
        "partitions": partitions,
        "add_seconds": round(added - started, 3),
        "run_seconds": round(ran - added, 3),
        "read_seconds": round(read - ran, 3),
        "cpu_seconds": round(time.process_time() - cpu, 3),
        "ms_per_partition": round(1000 * (read - started) / partitions, 2),
    }


def run_configuration(partitions: int, batch_size: int) -> dict:
    """`measure_one` in a child process with a fresh DAGSTER_HOME."""
    home = Path(tempfile.mkdtemp(prefix="newsevents-bookkeeping-"))
    try:
        shutil.copyfile(settings.PROJECT_ROOT / "dagster.yaml", home / "dagster.yaml")
        env = {**os.environ, "DAGSTER_HOME": str(home), BATCH_SIZE_SETTING: str(batch_size)}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        out = subprocess.run(
            [sys.executable, "-m", "benchmarks.bookkeeping", "--child", str(partitions)],
            env=env, capture_output=True, text=True, check=True, cwd=settings.PROJECT_ROOT,
        ).stdout
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        figures = json.loads(out.strip().splitlines()[-1])
        figures["process_cpu_seconds"] = round(
            after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2
        )
        figures["event_batch_size"] = batch_size
        figures["load_average"] = round(os.getloadavg()[0], 2)
        return figures
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bookkeeping", description=__doc__.split("\n\n")[0])
    parser.add_argument("--partitions", default="500,2000", help="comma-separated partition counts")
    parser.add_argument("--batch-sizes", default="0", help="comma-separated DAGSTER_EVENT_BATCH_SIZE values")
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(measure_one(args.child)))
        return 0
    print(f"{'partitions':>10} {'batch':>6} {'add s':>7} {'run s':>7} {'read s':>7} {'cpu s':>7} "
          f"{'ms/partition':>12} {'load':>5}")
    for batch_size in (int(b) for b in args.batch_sizes.split(",")):
        for partitions in (int(n) for n in args.partitions.split(",")):
            f = run_configuration(partitions, batch_size)
            print(f"{f['partitions']:>10} {batch_size:>6} {f['add_seconds']:>7.2f} {f['run_seconds']:>7.2f} "
                  f"{f['read_seconds']:>7.2f} {f['cpu_seconds']:>7.2f} {f['ms_per_partition']:>12.2f} "
                  f"{f['load_average']:>5.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
