"""Work forked ahead of the step that uses it, as soon as what it reads is written.

In `make run` the table step's own process ends with every table written; the calling
process then records the tables' 13 materialisations before Dagster starts the checks, and
the warehouse waits for the checks' 27 results to be recorded as well. After a one-article
edit that was most of the corpus-level run's longest chain (tables, checks, warehouse) with
the second core idle. So when the table step's process has ended, the checks and the
warehouse's build are forked at once (`start`), each in a process of its own, and their steps
take what they made (`take`) when Dagster starts them: the checks' results as their step
would compute them, and the warehouse built in a file beside the old one, which only its
step renames over the old one, once the blocking checks have passed (`pipeline.warehouse`).

Each piece of work ahead is keyed by what it read (`tables_key`: the Parquet files' size,
time and inode): a step whose inputs are no longer those, or whose work ahead failed, does
its work itself, as it did before. Work is forked ahead only within a `session` (the steps
of `make run`'s corpus-level run, which run in threads of the process that forks it,
`pipeline.defs.side_by_side`); elsewhere (the daemon's step processes, steps in process)
`start` does nothing. What no step took when the session ends (a failed check skips the
warehouse) is killed and its files removed (`discard`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import threading
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.own_process import Child, fork_child, in_process
from pipeline.settings import is_local

log = logging.getLogger("pipeline.own_process")  # beside the steps' own lines (peak RSS, seconds, CPU)


@dataclass
class _Work:
    child: Child
    key: Hashable
    discard: Callable[[], object] | None


_LOCK = threading.Lock()
_session: dict[str, _Work] | None = None
"""While a `session` is open: the work started ahead and not yet taken, by label."""
_forker: _Forker | None = None


class _Forker(threading.Thread):
    """The thread that forks the work ahead, alive for the whole session. A child dies with
    the thread that forked it (Linux's parent-death signal is the thread's), and the step's
    thread that starts the work ends long before a later step takes it."""

    def __init__(self):
        super().__init__(name="ahead-forker", daemon=True)
        self.requests: queue.Queue = queue.Queue()

    def fork(self, work: Callable[[], Any], label: str) -> Child:
        reply: queue.Queue = queue.Queue(maxsize=1)
        self.requests.put((work, label, reply))
        child = reply.get()
        if isinstance(child, BaseException):
            raise child
        return child

    def run(self) -> None:
        while (request := self.requests.get()) is not None:
            work, label, reply = request
            try:
                reply.put(fork_child(work, label))
            except BaseException as error:  # noqa: BLE001 - raised again in the thread that asked
                reply.put(error)


@contextlib.contextmanager
def session() -> Iterator[None]:
    """Let `start` fork work ahead until the block ends; then discard what no step took."""
    global _session, _forker
    with _LOCK:
        if _session is not None or in_process():  # nested, or no forking: nothing goes ahead
            owner = False
        else:
            _session, _forker, owner = {}, _Forker(), True
            _forker.start()
    try:
        yield
    finally:
        if owner:
            with _LOCK:
                left, forker, _session, _forker = _session, _forker, None, None
            for label, work in left.items():
                _discard(label, work)
            forker.requests.put(None)
            forker.join()


def start(label: str, key: Hashable | None, work: Callable[[], Any], discard: Callable[[], object] | None = None
          ) -> bool:
    """Fork `work()` now for the step `label`, which reads what `key` identifies; `discard`
    removes what the work leaves behind should no step take it. Nothing outside a session or
    without a key. True when forked."""
    with _LOCK:
        if _session is None or key is None or label in _session:
            return False
        _session[label] = _Work(_forker.fork(work, f"{label}<"), key, discard)
        return True


_NOT_TAKEN = object()


def take(label: str, key: Hashable | None, default: Any = None) -> Any:
    """What the work started ahead for `label` made, when it read what `key` identifies now
    and succeeded; `default` otherwise (the step then does the work itself)."""
    with _LOCK:
        work = _session.pop(label, None) if _session is not None else None
    if work is None:
        return default
    if key is None or work.key != key:
        _discard(label, work)
        return default
    try:
        outcome = work.child.outcome()
    except Exception:  # noqa: BLE001 - the step does the work itself
        log.warning("%s: the work ahead failed; the step does it", label, exc_info=True)
        _discard(label, work)
        return default
    log.info("%s: peak RSS %.1f MiB (own process, ahead), %.2f s CPU", label, outcome.peak_rss_mib,
             outcome.cpu_seconds)
    return outcome.value


def waiting(label: str) -> bool:
    """Whether work started ahead for `label` is waiting to be taken."""
    with _LOCK:
        return _session is not None and label in _session


def _discard(label: str, work: _Work) -> None:
    work.child.kill()
    if work.discard is not None:
        try:
            work.discard()
        except OSError:
            log.warning("%s: removing what the work ahead left failed", label, exc_info=True)


def tables_key(data_dir: Path, tables: list[str] | tuple[str, ...]) -> tuple | None:
    """The identity of the tables' Parquet files as they are now (size, time, inode), or None
    when they are not local files (then nothing goes ahead)."""
    from pipeline.storage import table_path

    if not is_local(data_dir):
        return None
    identity = []
    for table in tables:
        try:
            found = os.stat(table_path(data_dir, table))
        except OSError:
            return None
        identity.append((table, found.st_size, found.st_mtime_ns, found.st_ino))
    return tuple(identity)
