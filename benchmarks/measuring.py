"""Running one command while timing it and sampling its process tree's memory.

Peak RSS is summed over the process and all of its children (spaCy and the pipeline fork
workers), sampled with psutil every `sample_seconds`. At the peak's sample the sampler also
keeps when it came and which processes held what (`PeakSampler.peak_tree`: each one's name,
which the pipeline sets to its role, e.g. `warm-extract`, `extract-pool`, `core_tables`),
so a report says where the peak is and not only how high. Alongside, how busy the machine was:
the 1-minute load average (sampled, mean and peak) and the CPU seconds the whole machine
spent outside the stage's own process tree while it ran, so a noisy figure says so.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from benchmarks.config import KILL_GRACE, SAMPLE_SECONDS
from pipeline import settings

MIB = 1024**2
TIMED_OUT = -999  # returncode of a stage killed at its time limit


def tree_processes(root: psutil.Process) -> list[tuple[int, int, str, int]]:
    """(pid, parent pid, name, RSS) of root and each live descendant, root first; [] once it is gone."""
    try:
        processes = [root, *root.children(recursive=True)]
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return []
    found = []
    for process in processes:
        try:
            with process.oneshot():
                found.append((process.pid, process.ppid(), process.name(), process.memory_info().rss))
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return found


def tree_rss(root: psutil.Process) -> tuple[int, int, int]:
    """(RSS of root + all descendants, RSS of root alone, process count); 0s once it is gone."""
    return _sums(root.pid, tree_processes(root))


def _sums(root: int, processes: list[tuple[int, int, str, int]]) -> tuple[int, int, int]:
    total = sum(rss for _, _, _, rss in processes)
    own = next((rss for pid, _, _, rss in processes if pid == root), 0)
    return total, own, len(processes)


def describe_tree(root: int, processes: list[tuple[int, int, str, int]]) -> list[dict]:
    """The processes of one sample as the report keeps them: name (`main` for root), pid,
    parent pid and RSS in MiB, largest first after root."""
    rows = [{"name": "main" if pid == root else name, "pid": pid, "parent": parent, "rss_mib": round(rss / MIB)}
            for pid, parent, name, rss in processes]
    return sorted(rows, key=lambda row: (row["pid"] != root, -row["rss_mib"]))


class PeakSampler(threading.Thread):
    """Samples a process tree's summed RSS every `interval` seconds until stopped."""

    def __init__(self, pid: int, interval: float = SAMPLE_SECONDS):
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self.peak_root = 0
        self.peak_processes = 0
        self.peak_seconds = 0.0  # when the (summed) peak was sampled, from the sampler's start
        self.peak_tree: list[dict] = []  # the processes at that sample (`describe_tree`)
        self.samples = 0
        self.series: list[tuple[float, int]] = []  # (seconds, summed RSS), at most one a second
        self.loads: list[float] = []  # 1-minute load average, at most one a second
        self._stop_event = threading.Event()

    def run(self) -> None:
        started = time.perf_counter()
        last_kept = -1.0
        while not self._stop_event.is_set():
            processes = tree_processes(self.process)
            total, own, alive = _sums(self.process.pid, processes)
            elapsed = time.perf_counter() - started
            self.samples += 1
            if total > self.peak:
                self.peak, self.peak_seconds = total, round(elapsed, 1)
                self.peak_tree = describe_tree(self.process.pid, processes)
            self.peak_root = max(self.peak_root, own)
            self.peak_processes = max(self.peak_processes, alive)
            if elapsed - last_kept >= 1.0:
                self.series.append((round(elapsed, 1), total))
                self.loads.append(os.getloadavg()[0])
                last_kept = elapsed
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


@dataclass
class Measurement:
    name: str
    returncode: int
    seconds: float
    peak_rss: int
    peak_rss_main: int
    peak_processes: int
    samples: int
    log: str
    cpu_seconds: float = 0.0  # user + system of the whole (waited-for) process tree
    load_before: float = 0.0  # 1-minute load average when the stage started
    load_mean: float = 0.0  # mean of the 1-minute load average sampled while it ran
    load_max: float = 0.0
    others_cpu_seconds: float = 0.0  # CPU seconds the machine spent outside this stage while it ran
    stdout: str = field(repr=False, default="")
    rss_series_mib: list = field(repr=False, default_factory=list)
    peak_seconds: float = 0.0  # when the peak was sampled, seconds from the stage's start
    peak_tree: list = field(repr=False, default_factory=list)  # the processes then (`describe_tree`)

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def measure(
    name: str,
    command: list[str],
    env: dict[str, str],
    log_path: Path,
    timeout: float | None = None,
    cwd: Path | None = None,
    kill_grace: float = KILL_GRACE,
    sample_seconds: float = SAMPLE_SECONDS,
) -> Measurement:
    """Run `command`, timing its wall clock and sampling its process tree's memory.

    Past `timeout` seconds its whole process group is killed (SIGTERM, then SIGKILL after
    `kill_grace` seconds) and the returncode is `TIMED_OUT`."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()[0]
    cpu_before = _children_cpu()
    machine_before = _machine_busy()
    with log_path.open("wb") as log:
        started = time.perf_counter()
        child = subprocess.Popen(
            command, env=env, cwd=cwd or settings.PROJECT_ROOT, stdout=subprocess.PIPE, stderr=log,
            start_new_session=True,
        )
        sampler = PeakSampler(child.pid, sample_seconds)
        sampler.start()
        timed_out = False
        try:
            try:
                stdout, _ = child.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                timed_out = True
                _kill_group(child, kill_grace)
                stdout, _ = child.communicate()
        except BaseException:
            _kill_group(child, kill_grace)
            raise
        finally:
            seconds = time.perf_counter() - started
            sampler.stop()
        log.write(b"\n--- stdout ---\n" + stdout)
    cpu_seconds = _children_cpu() - cpu_before
    loads = sampler.loads or [load_before]
    return Measurement(
        name=name,
        returncode=TIMED_OUT if timed_out else child.returncode,
        seconds=seconds,
        peak_rss=sampler.peak,
        peak_rss_main=sampler.peak_root,
        peak_processes=sampler.peak_processes,
        samples=sampler.samples,
        log=str(log_path),
        stdout=stdout.decode("utf-8", errors="replace"),
        rss_series_mib=[(t, round(rss / MIB)) for t, rss in sampler.series],
        peak_seconds=sampler.peak_seconds,
        peak_tree=sampler.peak_tree,
        cpu_seconds=cpu_seconds,
        load_before=load_before,
        load_mean=sum(loads) / len(loads),
        load_max=max(loads),
        others_cpu_seconds=max(0.0, _machine_busy() - machine_before - cpu_seconds),
    )


def _children_cpu() -> float:
    """CPU seconds of every descendant reaped so far (pool workers count once their parent joins them)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _machine_busy() -> float:
    """CPU seconds the whole machine has spent busy (every core, every process) since boot."""
    times = psutil.cpu_times()._asdict()  # guest time is already inside user time on Linux
    return sum(times.get(k, 0.0) for k in ("user", "nice", "system", "irq", "softirq", "steal"))


def _kill_group(child: subprocess.Popen, grace: float) -> None:
    try:
        os.killpg(child.pid, signal.SIGTERM)
        child.wait(timeout=grace)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)
