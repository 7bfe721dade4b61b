"""One Dagster partition per seed file, and the runs that bring stale ones up to date.

Partition keys are the files' paths inside the seeds folder. A run covers a contiguous
range of keys (single-run backfill policy), so thousands of articles go through one
`nlp.pipe` in one process; scattered changes become one run per contiguous range.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence

from dagster import DagsterInstance, DynamicPartitionsDefinition

from pipeline.nlp.ingest import DecodedArticle, Rejection

ARTICLE_PARTITIONS = DynamicPartitionsDefinition(name="articles")

RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"

_NOT_IN_A_KEY = re.compile(r"\.\.\.|[\x00-\x1f]")
"""What Dagster refuses inside a partition key (file names can hold both)."""


def partition_key(source_file: str) -> str:
    """The file's path in the seeds folder; where that holds something Dagster refuses,
    a readable stand-in made unique by a hash of the real path."""
    if not _NOT_IN_A_KEY.search(source_file):
        return source_file
    digest = hashlib.sha1(source_file.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{_NOT_IN_A_KEY.sub('_', source_file)}#{digest}"


def key_ranges(ordered_keys: Sequence[str], wanted: Iterable[str]) -> list[tuple[str, str]]:
    """The wanted keys as (first, last) ranges of consecutive keys in the partition order."""
    wanted = set(wanted)
    ranges: list[tuple[str, str]] = []
    start = previous = None
    for key in ordered_keys:
        if key in wanted:
            start = start if start is not None else key
            previous = key
        elif start is not None:
            ranges.append((start, previous))
            start = None
    if start is not None:
        ranges.append((start, previous))
    return ranges


def range_tags(first: str, last: str) -> dict[str, str]:
    return {RANGE_START_TAG: first, RANGE_END_TAG: last}


def files_keys(articles: Iterable[DecodedArticle], rejections: Iterable[Rejection]) -> set[str]:
    """The partition keys of ingested files, accepted or rejected."""
    return {partition_key(a.seed.source_file) for a in articles} | {partition_key(r.source_file) for r in rejections}


def partition_changes(existing: Iterable[str], keys: Iterable[str]) -> tuple[list[str], list[str]]:
    """(added, deleted) that turn the `existing` partitions into exactly `keys`, each sorted."""
    existing, keys = set(existing), set(keys)
    return sorted(keys - existing), sorted(existing - keys)


def sync_partitions(instance: DagsterInstance, keys: Iterable[str]) -> tuple[list[str], list[str]]:
    """Make the instance's partitions exactly `keys`: new ones appended in sorted order,
    gone ones deleted. Returns (added, deleted)."""
    name = ARTICLE_PARTITIONS.name
    added, deleted = partition_changes(instance.get_dynamic_partitions(name), keys)
    if added:
        instance.add_dynamic_partitions(name, added)
    for key in deleted:
        instance.delete_dynamic_partition(name, key)
    return added, deleted
