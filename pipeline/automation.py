"""Reruns by themselves: a sensor on the seeds folder and a daily reconciling schedule.

The sensor's cursor is the content hash of every seed file. When any file is new,
changed or gone it requests one run of the refresh job; inside that run only the
new and changed articles are parsed again (the extraction cache is keyed by content
hash), and deleted articles drop out of every table.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from dagster import (
    DefaultScheduleStatus,
    DefaultSensorStatus,
    RunRequest,
    SensorEvaluationContext,
    SensorResult,
    SkipReason,
    schedule,
    sensor,
)

from pipeline.nlp.ingest import discover_seed_files
from pipeline.resources import NewsPaths

REFRESH_JOB = "refresh_warehouse"
SENSOR_INTERVAL_SECONDS = 30
RECONCILE_CRON = os.environ.get("NEWSEVENTS_RECONCILE_CRON", "0 3 * * *")


def seed_hashes(seeds_dir: Path) -> dict[str, str]:
    """source_file -> content sha256 for every article file (rejected files count too)."""
    seeds, rejections = discover_seed_files(seeds_dir)
    hashes = {s.source_file: s.content_sha256 for s in seeds}
    hashes.update({r.source_file: r.content_sha256 or r.reason for r in rejections})
    return hashes


def diff_seeds(previous: dict[str, str], current: dict[str, str]) -> dict[str, list[str]]:
    return {
        "new": sorted(current.keys() - previous.keys()),
        "changed": sorted(k for k in current.keys() & previous.keys() if current[k] != previous[k]),
        "deleted": sorted(previous.keys() - current.keys()),
    }


def _run_key(hashes: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(sorted(hashes.items())).encode()).hexdigest()[:20]


@sensor(
    job_name=REFRESH_JOB,
    minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
    default_status=DefaultSensorStatus.RUNNING,
    description="Requests a refresh when a seed file is added, edited or deleted (compares content hashes).",
)
def seeds_sensor(context: SensorEvaluationContext, paths: NewsPaths):
    previous = json.loads(context.cursor) if context.cursor else {}
    current = seed_hashes(paths.seeds)
    changes = diff_seeds(previous, current)
    if not any(changes.values()):
        return SkipReason("no seed file added, changed or deleted")
    summary = ", ".join(f"{len(v)} {k}" for k, v in changes.items() if v)
    context.log.info(f"seeds changed: {summary}")
    return SensorResult(
        run_requests=[RunRequest(run_key=_run_key(current), tags={"newsevents/seed_changes": summary})],
        cursor=json.dumps(current, sort_keys=True),
    )


@schedule(
    job_name=REFRESH_JOB,
    cron_schedule=RECONCILE_CRON,
    default_status=DefaultScheduleStatus.RUNNING,
    description="Daily safety net: reconciles the whole seeds folder even if the sensor missed a change.",
)
def daily_reconcile():
    return RunRequest()
