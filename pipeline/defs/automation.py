"""Reruns by themselves: a sensor on the seeds folder, a daily reconciling schedule, and
declarative automation for the corpus-level assets.

The sensor's cursor is the content hash of every seed file. New files become new
partitions of `article_extractions`, deleted files lose theirs, and new or changed files
get runs of just their partitions (one per contiguous range). The corpus-level assets
carry `AutomationCondition.eager()`: once the per-article runs are done, the automation
sensor refreshes the tables, the warehouse and the pictures in one run.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from dagster import (
    AssetSelection,
    AutomationConditionSensorDefinition,
    DefaultScheduleStatus,
    DefaultSensorStatus,
    RunRequest,
    ScheduleEvaluationContext,
    SensorEvaluationContext,
    SensorResult,
    SkipReason,
    schedule,
    sensor,
)

from pipeline.defs.assets.nlp import article_extractions
from pipeline.defs.jobs import (
    CORPUS_KEYS,
    EXTRACT_JOB,
    REFRESH_JOB,
    extract_articles,
    reconcile_seeds,
    refresh_warehouse,
)
from pipeline.defs.partitions import (
    ARTICLE_PARTITIONS,
    key_ranges,
    partition_changes,
    partition_key,
    range_tags,
)
from pipeline.defs.refresh import stale_ranges
from pipeline.defs.resources import NewsPaths
from pipeline.nlp.seed_folder import survey

SENSOR_INTERVAL_SECONDS = 30
RECONCILE_CRON = os.environ.get("NEWSEVENTS_RECONCILE_CRON", "0 3 * * *")
CHANGES_TAG = "newsevents/seed_changes"


def seed_hashes(seeds_dir: Path) -> dict[str, str]:
    """source_file -> content sha256 for every partition: article files and collection rows,
    rejected files too (with their reason when unread). The same survey as `make run`, so
    the sensor and a reconciling run agree on the partitions."""
    inventory = survey(seeds_dir)
    hashes = {a.seed.source_file: a.seed.content_sha256 for a in inventory.articles}
    hashes.update({r.source_file: r.content_sha256 or r.reason for r in inventory.rejections})
    return hashes


def folder_stamp(seeds_dir: Path) -> str:
    """A digest of the path, size and modification time of every file under the seeds
    folder (links followed, each folder once). While it stays the same no file was added,
    edited or removed, and the sensor need not read the files, which for a large
    collection takes seconds."""
    digest = hashlib.sha256()
    seen: set[str] = set()
    for folder, subfolders, files in os.walk(seeds_dir, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            subfolders.clear()
            continue
        seen.add(real)
        subfolders.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            try:
                info = os.stat(path)
                digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\0".encode("utf-8", "surrogateescape"))
            except OSError:
                digest.update(f"{path}\0unreadable\0".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def read_cursor(cursor: str | None) -> tuple[str | None, dict[str, str]]:
    """(folder stamp, source_file -> hash) from the sensor's cursor; cursors written before
    the stamp existed are the bare mapping."""
    content = json.loads(cursor) if cursor else {}
    if isinstance(content.get("hashes"), dict):
        return content.get("stamp"), content["hashes"]
    return None, content


def write_cursor(stamp: str, hashes: dict[str, str]) -> str:
    return json.dumps({"stamp": stamp, "hashes": hashes}, sort_keys=True)


def diff_seeds(previous: dict[str, str], current: dict[str, str]) -> dict[str, list[str]]:
    return {
        "new": sorted(current.keys() - previous.keys()),
        "changed": sorted(k for k in current.keys() & previous.keys() if current[k] != previous[k]),
        "deleted": sorted(previous.keys() - current.keys()),
    }


def _run_key(hashes: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(sorted(hashes.items())).encode()).hexdigest()[:20]


@sensor(
    jobs=[extract_articles, refresh_warehouse],
    minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
    default_status=DefaultSensorStatus.RUNNING,
    description=(
        "Watches the seeds folder (content hashes): adds a partition per new file, removes the partitions "
        "of deleted files, and requests extraction runs for new and changed files only."
    ),
)
def seeds_sensor(context: SensorEvaluationContext, paths: NewsPaths):
    stamp_before, previous = read_cursor(context.cursor)
    stamp = folder_stamp(paths.seeds)  # before the survey: a file written during it changes the next stamp
    existing = list(context.instance.get_dynamic_partitions(ARTICLE_PARTITIONS.name))
    if stamp == stamp_before and set(existing) == {partition_key(source_file) for source_file in previous}:
        return SkipReason("no file in the seeds folder changed")
    current = seed_hashes(paths.seeds)
    changes = diff_seeds(previous, current)
    key_of = {source_file: partition_key(source_file) for source_file in current}
    current_keys = set(key_of.values())
    added, deleted = partition_changes(existing, current_keys)
    if not any(changes.values()) and not added and not deleted:
        return SensorResult(
            skip_reason=SkipReason("no seed file added, changed or deleted"), cursor=write_cursor(stamp, current)
        )
    summary = ", ".join(f"{len(v)} {k}" for k, v in changes.items() if v) or "partitions out of step"
    context.log.info(f"seeds changed: {summary}")

    order = [k for k in existing if k in current_keys] + added
    wanted = {key_of[f] for f in changes["new"] + changes["changed"]} | set(added)
    hash_of_key = {key: current[f] for f, key in key_of.items()}
    run_requests = []
    for first, last in key_ranges(order, wanted):
        in_range = order[order.index(first) : order.index(last) + 1]
        run_requests.append(RunRequest(
            job_name=EXTRACT_JOB,
            run_key=_run_key({k: hash_of_key[k] for k in in_range}),
            tags={**range_tags(first, last), CHANGES_TAG: summary},
        ))
    if not run_requests:  # only deletions: nothing to extract, the tables still change
        run_requests.append(RunRequest(job_name=REFRESH_JOB, run_key=_run_key(current), tags={CHANGES_TAG: summary}))
    return SensorResult(
        run_requests=run_requests,
        cursor=write_cursor(stamp, current),
        dynamic_partitions_requests=[
            ARTICLE_PARTITIONS.build_add_request(added),
            ARTICLE_PARTITIONS.build_delete_request(deleted),
        ],
    )


@schedule(
    job=reconcile_seeds,
    cron_schedule=RECONCILE_CRON,
    default_status=DefaultScheduleStatus.RUNNING,
    description=(
        "Daily safety net: makes the partitions match the seeds folder and extracts every article whose "
        "cached extraction is not of its current content, even if the sensor missed a change; with nothing "
        "to extract it still refreshes the corpus-level assets (deleted files)."
    ),
)
def daily_reconcile(context: ScheduleEvaluationContext, paths: NewsPaths):
    ranges = stale_ranges(context.instance, paths)
    if not ranges:
        return RunRequest(asset_selection=CORPUS_KEYS)
    return [RunRequest(asset_selection=[article_extractions.key], tags=range_tags(a, b)) for a, b in ranges]


corpus_automation = AutomationConditionSensorDefinition(
    "corpus_automation",
    target=AssetSelection.all(),
    default_status=DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
    emit_backfills=False,
    description="Refreshes the tables, the warehouse and the pictures once new article extractions land.",
)
