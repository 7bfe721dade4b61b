"""Run one corpus-level step in a child process, so the memory it took goes back when it ends.

The corpus-level job (tables, checks, warehouse, pictures, exports) runs its steps one
after another in one Python process. CPython and the C allocator keep most of what a
step freed (arenas fragmented by the objects that stay), so the process ends up holding
what the largest step took, and every later step adds to it. Run in a forked child, a
step's memory is returned to the system when the child exits: the job's peak is that of
its largest step plus the parent's own (imports and Dagster bookkeeping).

A forked child inherits the parent's state (imports, settings, a test's monkeypatches),
so nothing but the result crosses back, pickled through a pipe. An exception raised in the
child is raised again in the parent (as a RuntimeError with the child's traceback when it
does not pickle). The child dies with its parent (Linux's parent-death signal): a run killed
mid-step must not leave its step writing files behind it. NEWSEVENTS_STEPS_IN_PROCESS=1
runs the steps in the calling process.

What a child loads or builds for itself (an import, a Pandera model's schema) goes when it
ends, so the next child would load it again: a step names what it needs with `prepare`,
which runs in the calling process before the first fork that asks for it (once per
process), and every later child inherits it. The child also freezes what it inherited
(`gc.freeze`), so its collections do not walk, and copy, the parent's objects.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import multiprocessing
import multiprocessing.connection
import multiprocessing.process
import os
import resource
import signal
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

IN_PROCESS_SETTING = "NEWSEVENTS_STEPS_IN_PROCESS"

USUAL_COLLECTIONS = gc.get_threshold()
"""The garbage collector's thresholds as the interpreter set them (700 allocations, 10, 10)."""
FEWER_COLLECTIONS = 100_000
"""Allocations (less deallocations) between young-generation collections in `make run`'s own process."""

log = logging.getLogger(__name__)


class ChildDied(RuntimeError):
    """The step's process ended without a result (killed, out of memory)."""


@dataclass
class StepOutcome(Generic[T]):
    value: T
    peak_rss_mib: float
    """Peak resident memory of the process that ran the step (the child's, which counts the
    pages it shares with the parent; the calling process's high-water mark in process)."""
    own_process: bool
    cpu_seconds: float = 0.0
    """User + system CPU of the process that ran the step (the child's own and that of the
    processes it forked; in process, the calling process's while the step ran)."""


def in_process() -> bool:
    forced = os.environ.get(IN_PROCESS_SETTING, "") not in ("", "0")
    return forced or "fork" not in multiprocessing.get_all_start_methods()


def collect_less() -> None:
    """Start a young-generation garbage collection every `FEWER_COLLECTIONS` allocations
    instead of every 700, in the process that runs `make run`, once its warm extraction
    worker is forked. Importing Dagster, pandas, Pandera and the code location makes
    hundreds of thousands of objects that all stay, and Dagster's two runs as many short-lived
    ones freed by their reference counts; at every 700 of them the collector walked the young
    ones, and every tenth time the older: about 570 collections during the imports alone, some
    tenth of their CPU, which found next to nothing to free. Cycles are still collected, in
    larger batches. The warm worker (forked before) and the corpus-level steps' children
    (`collect_as_usual`) collect as usual: they hold the tables, whose peaks `make bench`
    watches. The warm worker's fork pool collects less too (`extract._init_worker`)."""
    gc.set_threshold(FEWER_COLLECTIONS, *USUAL_COLLECTIONS[1:])


def collect_as_usual() -> None:
    gc.set_threshold(*USUAL_COLLECTIONS)


def _peak_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _cpu_seconds_with_children() -> float:
    """`_cpu_seconds` and that of the processes this one forked and waited for (the table
    step's helper, `table_build._BatchHelper`)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return _cpu_seconds() + usage.ru_utime + usage.ru_stime


_prepared: set[Callable[[], object]] = set()

_FORKING = threading.RLock()
"""Held while a step's child is forked and while this process prepares (`prepare_once`): the
corpus-level steps run in threads side by side (`pipeline.defs.side_by_side`), and a child
forked while another thread is halfway through an import would inherit that module's lock
held, and hang on its first import of the module."""


def prepare_once(prepare: Callable[[], object]) -> None:
    """`prepare()`, unless this process already ran it (a forked child inherits the record)."""
    with _FORKING:
        if prepare not in _prepared:
            prepare()
            _prepared.add(prepare)


def run_step(work: Callable[[], T], label: str = "step", prepare: Callable[[], object] | None = None,
             meanwhile: Callable[[], object] | None = None) -> StepOutcome[T]:
    """`work()` in a forked child; its result (or its exception) here. Logs the step's
    peak RSS and seconds under `label` (logger `pipeline.own_process`).

    `prepare` loads what the work needs and every later step would load again (imports,
    schemas): with the step in a child it runs here first, once per process, so children
    inherit it; in process the work loads what it needs itself.

    `meanwhile` runs here while the child works, once it is forked (not in process): what
    later steps will prepare (`prepare_once`), done on the core that the waiting leaves idle
    instead of on their way. An exception it raises is logged and ignored: those steps then
    prepare for themselves."""
    started = time.perf_counter()
    if in_process():
        cpu = _cpu_seconds()
        outcome = StepOutcome(work(), _peak_mib(), False, _cpu_seconds() - cpu)
    else:
        if prepare is not None:
            prepare_once(prepare)
        outcome = _in_child(work, label, meanwhile)
    log.info("%s: peak RSS %.1f MiB (%s), %.1f s, %.2f s CPU", label, outcome.peak_rss_mib,
             "own process" if outcome.own_process else "calling process", time.perf_counter() - started,
             outcome.cpu_seconds)
    return outcome


PR_SET_PDEATHSIG = 1
PR_SET_NAME = 15


def name_process(name: str) -> None:
    """Name this process `name` (its first 15 bytes) as `ps`, `top` and psutil show it, so a
    process tree tells its steps and workers apart (`make bench` reports the processes at its
    memory peak by these names). Linux only; elsewhere a no-op."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_NAME, ctypes.c_char_p(name.encode()[:15]), 0, 0, 0)
    except (OSError, AttributeError):
        return


def die_with_parent(parent: int) -> None:
    """Ask the kernel to SIGKILL this process when its parent dies (Linux only; elsewhere a
    no-op), and end at once if the parent is already gone."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:
        os._exit(1)


def _in_child(work: Callable[[], T], label: str = "step", meanwhile: Callable[[], object] | None = None
              ) -> StepOutcome[T]:
    child = fork_child(work, label)
    if meanwhile is not None:
        try:
            meanwhile()
        except Exception:  # noqa: BLE001 - the later steps prepare for themselves
            log.warning("%s: preparing the later steps failed", label, exc_info=True)
    return child.outcome()


@dataclass
class Child(Generic[T]):
    """A forked child working on `work()` (`fork_child`); its result is read by `outcome`."""

    process: multiprocessing.process.BaseProcess
    receiver: multiprocessing.connection.Connection

    def outcome(self) -> StepOutcome[T]:
        """Wait for the child's result: its value, or its exception raised here."""
        try:
            ok, value, peak, cpu = self.receiver.recv()
        except EOFError:
            self.process.join()
            raise ChildDied(f"the step's process ended with exit code {self.process.exitcode} and no result") from None
        finally:
            self.receiver.close()
        self.process.join()
        if not ok:
            raise value
        return StepOutcome(value, peak, True, cpu)

    def kill(self) -> None:
        """End the child now, whatever it is doing, and wait for it."""
        self.receiver.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


def fork_child(work: Callable[[], T], label: str = "step") -> Child[T]:
    """`work()` started in a forked child (named `label`), this process going on meanwhile."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    parent = os.getpid()

    def child() -> None:
        die_with_parent(parent)
        name_process(label)
        gc.freeze()  # the inherited objects stay out of this process's collections: fewer pages copied
        collect_as_usual()
        receiver.close()
        try:
            outcome = (True, work())
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent
            outcome = (False, error)  # as it is: its message names the file (pipeline/failures.py reads it)
        peak, cpu = _peak_mib(), _cpu_seconds_with_children()
        try:
            sender.send((*outcome, peak, cpu))
        except Exception:  # the value or the exception does not pickle
            sender.send((False, RuntimeError("".join(traceback.format_exception(outcome[1])) if not outcome[0]
                                             else f"the step's result does not pickle: {outcome[1]!r:.200}"),
                         peak, cpu))
        sender.close()

    process = context.Process(target=child, name="corpus-step", daemon=False)
    with _FORKING:
        process.start()
    sender.close()
    return Child(process, receiver)


def step_value(work: Callable[[], T], label: str = "step", prepare: Callable[[], object] | None = None) -> T:
    """`run_step(work, label, prepare).value`."""
    return run_step(work, label, prepare).value

