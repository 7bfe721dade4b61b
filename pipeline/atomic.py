"""A file written whole or not at all: to a temporary name beside it, then renamed.

A rename is atomic on POSIX, so a reader sees the old file or the new one, never a mix. On
object storage (an s3:// path) the file is written locally and uploaded in one PUT, which
is atomic there. A leaf module (the standard library and `pipeline.settings` only), so the
NLP core's caches and the storage layer write files the same way.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.settings import is_local

TEMP_SUFFIX = ".tmp"


@contextmanager
def atomic_path(final: Path) -> Iterator[Path]:
    """A temporary path beside `final`, renamed onto it only if the block succeeds.

    The temp name carries the writer's pid, so `remove_abandoned_temp_files` can tell the
    leftovers of a killed process from a write in progress.
    """
    if not is_local(final):
        with _uploaded(final) as temp:
            yield temp
        return
    final.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=final.parent, prefix=f".{final.name}.{os.getpid()}.", suffix=TEMP_SUFFIX)
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        os.chmod(temp, 0o644)  # mkstemp makes owner-only files; outputs are for every reader
        os.replace(temp, final)
    finally:
        temp.unlink(missing_ok=True)


@contextmanager
def _uploaded(final: Path) -> Iterator[Path]:
    """A local temporary file, uploaded onto the remote `final` in one PUT if the block succeeds."""
    handle, temp_name = tempfile.mkstemp(prefix=f".{final.name}.{os.getpid()}.", suffix=TEMP_SUFFIX)
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        final.fs.put_file(str(temp), final.path)
    finally:
        temp.unlink(missing_ok=True)
