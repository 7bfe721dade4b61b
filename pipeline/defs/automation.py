"""Reruns by themselves: a sensor on the seeds folder, a daily reconciling schedule, and
declarative automation for the corpus-level assets.

The sensor compares the content hash of every seed file with what it saw last (kept in a
file under the data folder; the cursor only holds digests). New files become new
partitions of `article_extractions`, deleted files lose theirs, and new or changed files
get runs of just their partitions (one per contiguous range). The corpus-level assets
carry `AutomationCondition.eager()`: once the per-article runs are done, the automation
sensor refreshes the tables, the warehouse and the pictures in one run.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
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
from pipeline.nlp.seed_folder import folder_stamp, survey
from pipeline.nlp.version import extractor_version
from pipeline.storage import ExtractionCache, atomic_path

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


def digest_of(items) -> str:
    return hashlib.sha256(json.dumps(items, sort_keys=True).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Cursor:
    """What the sensor carries from tick to tick, the same size for any number of files:
    the folder's stamp, a digest of the partition keys it left, and a digest of the
    per-file hashes it saw, which are kept in `SensorState` (a collection's rows would make
    a cursor of megabytes, written to Dagster's storage at every change)."""

    stamp: str | None = None
    keys: str | None = None
    hashes: str | None = None

    @classmethod
    def read(cls, text: str | None) -> tuple[Cursor, dict[str, str] | None]:
        """The cursor, and the hashes when an old-style cursor still holds them itself."""
        content = json.loads(text) if text else {}
        if isinstance(content.get("hashes"), dict):  # written before the hashes moved out
            return cls(content.get("stamp")), content["hashes"]
        if "hashes" in content:
            return cls(content.get("stamp"), content.get("keys"), content.get("hashes")), None
        return cls(), content or None  # the first cursors: the bare mapping

    def write(self) -> str:
        return json.dumps({"stamp": self.stamp, "keys": self.keys, "hashes": self.hashes}, sort_keys=True)


class SensorState:
    """The per-file hashes the sensor last saw, in a file under the data folder
    (`data/sensor/seed_hashes.json`), written atomically; trusted only when its digest is the
    cursor's."""

    def __init__(self, data_dir: Path):
        self.path = data_dir / "sensor" / "seed_hashes.json"

    def load(self, digest: str | None) -> dict[str, str] | None:
        try:
            hashes = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return None
        return hashes if isinstance(hashes, dict) and digest_of(hashes) == digest else None

    def save(self, hashes: dict[str, str]) -> str:
        with atomic_path(self.path) as temp:
            temp.write_text(json.dumps(hashes, sort_keys=True), encoding="utf-8", errors="surrogatepass")
        return digest_of(hashes)


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
    cursor, carried = Cursor.read(context.cursor)
    stamp = folder_stamp(paths.seeds).digest  # before the survey: a file written during it changes the next stamp
    existing = list(context.instance.get_dynamic_partitions(ARTICLE_PARTITIONS.name))
    if stamp == cursor.stamp and cursor.keys is not None and digest_of(existing) == cursor.keys:
        return SkipReason("no file in the seeds folder changed")
    state = SensorState(paths.data)
    recorded = state.load(cursor.hashes) if carried is None else None
    previous = carried if carried is not None else recorded
    current = seed_hashes(paths.seeds)
    key_of = {source_file: partition_key(source_file) for source_file in current}
    current_keys = set(key_of.values())
    added, deleted = partition_changes(existing, current_keys)
    order = [k for k in existing if k in current_keys] + added
    if previous is None:  # no record of what was seen (first tick, data folder cleared): ask the cache
        previous = _extracted_hashes(paths, current)
    changes = diff_seeds(previous, current)
    hashes = cursor.hashes if recorded is not None and recorded == current else state.save(current)
    written = Cursor(stamp, digest_of(order), hashes)
    if not any(changes.values()) and not added and not deleted:
        return SensorResult(skip_reason=SkipReason("no seed file added, changed or deleted"), cursor=written.write())
    summary = ", ".join(f"{len(v)} {k}" for k, v in changes.items() if v) or "partitions out of step"
    context.log.info(f"seeds changed: {summary}")

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
        cursor=written.write(),
        dynamic_partitions_requests=[
            ARTICLE_PARTITIONS.build_add_request(added),
            ARTICLE_PARTITIONS.build_delete_request(deleted),
        ],
    )


def _extracted_hashes(paths: NewsPaths, current: dict[str, str]) -> dict[str, str]:
    """Without a record of the last tick: the files whose current content is already
    extracted count as seen, everything else as new."""
    inventory = survey(paths.seeds)
    cache, version = ExtractionCache(paths.data), extractor_version()
    fresh = {a.seed.source_file for a in inventory.articles} - {
        a.seed.source_file for a in cache.stale(inventory.articles, version)
    }
    return {f: current[f] for f in fresh}


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
