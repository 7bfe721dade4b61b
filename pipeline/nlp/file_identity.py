"""A file's identity, for caches that remember within a process what they found in a file.

Used by the extraction cache (`pipeline.storage.ExtractionCache.is_current`) and the seed
folder's survey (`pipeline.nlp.seed_folder.survey`): one rule, so the two cannot drift.

The identity is the device, inode, size, modification time and status-change time (ctime).
A file may be written in place with its time set back (`os.utime`), or replaced by a copy
that keeps the old times (`shutil.copy2`, `cp -p`), possibly on an inode just freed: path,
size and mtime alone miss both, but neither can set the ctime, which the kernel moves to
"now" at every write, rename or time change. A file whose mtime or ctime is less than
`SETTLED_NS` old may still change within the same clock tick without changing either, so
what was found in it is remembered only once it has settled ("racily clean", as in git's
index), whatever the clock's tick or the file system's time resolution.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator

SETTLED_NS = 2_000_000_000
"""A file modified or replaced this recently (ns, by its mtime or ctime) is read again
rather than taken as remembered."""


def identity(stat: os.stat_result) -> tuple[int, int, int, int, int]:
    """The file's identity: device, inode, size, modification time, status-change time."""
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def settled(stat: os.stat_result, now_ns: int | None = None) -> bool:
    """Whether the file last changed more than `SETTLED_NS` before `now_ns` (default: now),
    so that what was read from it may be remembered under its identity."""
    now_ns = time.time_ns() if now_ns is None else now_ns
    return max(stat.st_mtime_ns, stat.st_ctime_ns) < now_ns - SETTLED_NS


def walk_files(roots: Iterable[str | os.PathLike]) -> Iterator[str]:
    """Every file path under the roots, in a fixed order, links followed but each real folder
    walked once (a link loop must not walk for ever, nor a folder count twice)."""
    seen: set[str] = set()
    for root in roots:
        for folder, subfolders, names in os.walk(root, followlinks=True):
            real = os.path.realpath(folder)
            if real in seen:
                subfolders.clear()
                continue
            seen.add(real)
            subfolders.sort()
            for name in sorted(names):
                yield os.path.join(folder, name)
