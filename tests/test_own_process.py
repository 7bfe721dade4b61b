"""Corpus-level steps run in a child process: results and failures come back as if in process."""

import os

import pytest

from pipeline import own_process
from pipeline.schemas import SchemaViolation


def test_result_comes_back_from_the_child():
    outcome = own_process.run_step(lambda: {"pid": os.getpid(), "rows": [1, 2, 3]})
    assert outcome.own_process
    assert outcome.value["rows"] == [1, 2, 3]
    assert outcome.value["pid"] != os.getpid()
    assert outcome.peak_rss_mib > 0


def test_exception_raised_again_with_its_type():
    def fails():
        raise SchemaViolation("table 'mentions' failed validation")

    with pytest.raises(SchemaViolation, match="mentions"):
        own_process.run_step(fails)


def test_an_os_error_keeps_its_number_and_file():
    import errno

    def fails():
        raise OSError(errno.ENOSPC, "No space left on device", "/data/parquet/articles.parquet")

    with pytest.raises(OSError) as raised:
        own_process.run_step(fails)
    assert raised.value.errno == errno.ENOSPC and raised.value.filename == "/data/parquet/articles.parquet"
    assert str(raised.value) == "[Errno 28] No space left on device: '/data/parquet/articles.parquet'"


def test_unpicklable_exception_becomes_a_runtime_error_with_the_traceback():
    class Local(Exception):  # a local class does not pickle
        pass

    def fails():
        raise Local("no pickle")

    with pytest.raises(RuntimeError, match="no pickle"):
        own_process.run_step(fails)


def test_child_that_dies_is_reported():
    with pytest.raises(own_process.ChildDied, match="exit code 3"):
        own_process.run_step(lambda: os._exit(3))


def test_in_process_setting_runs_here(monkeypatch):
    monkeypatch.setenv(own_process.IN_PROCESS_SETTING, "1")
    outcome = own_process.run_step(os.getpid)
    assert outcome.value == os.getpid()
    assert not outcome.own_process


def test_prepare_runs_here_once_and_every_child_inherits_it():
    calls = []

    def prepare():
        calls.append(os.getpid())

    first = own_process.run_step(lambda: (os.getpid(), list(calls)), prepare=prepare)
    second = own_process.run_step(lambda: (os.getpid(), list(calls)), prepare=prepare)
    assert calls == [os.getpid()]
    assert first.value[1] == second.value[1] == [os.getpid()]
    assert os.getpid() not in (first.value[0], second.value[0])


def test_in_process_the_work_prepares_itself(monkeypatch):
    monkeypatch.setenv(own_process.IN_PROCESS_SETTING, "1")
    calls = []
    assert own_process.step_value(lambda: "done", prepare=lambda: calls.append(1)) == "done"
    assert calls == []


def test_a_contract_step_child_imports_and_builds_nothing_the_parent_prepared():
    """Pandera builds a model's schema on first use, importing Dask on the way (over a
    second): prepared in the parent, the child that validates every table loads nothing."""
    import sys

    from pipeline.schemas import TABLES, build_models, empty_frame, validate

    def validate_all() -> list[str]:
        before = set(sys.modules)
        for table in TABLES:
            validate(table, empty_frame(table))
        return sorted(set(sys.modules) - before)

    assert own_process.step_value(validate_all, "probe", build_models) == []


def test_check_results_come_back_from_the_checks_child_with_their_fields(tmp_path):
    """`table_checks` runs every check in one child; what crosses back keeps each field."""
    from dagster import AssetCheckResult, AssetCheckSeverity, AssetKey, MetadataValue

    from pipeline.defs import checks

    def probe(paths) -> AssetCheckResult:
        return AssetCheckResult(passed=False, severity=AssetCheckSeverity.WARN, description=str(os.getpid()),
                                metadata={"sample": MetadataValue.md(str(paths))})

    check = checks.TableCheck("entities", "probe", "a probe", probe)
    [outcome] = own_process.step_value(lambda: [checks._outcome(check, tmp_path)[0]], "probe")
    result = AssetCheckResult(asset_key=AssetKey("entities"), check_name="probe", **outcome)
    assert not result.passed and result.severity == AssetCheckSeverity.WARN
    assert result.description != str(os.getpid())
    assert result.metadata["sample"] == MetadataValue.md(str(tmp_path))


def test_the_step_dies_with_its_parent(tmp_path):
    """A run killed mid-step (SIGKILL) leaves no step process going on writing files."""
    import signal
    import subprocess
    import sys
    import time

    child_pid, done = tmp_path / "child.pid", tmp_path / "done"
    code = (
        "import os, time, pathlib\n"
        "from pipeline.own_process import run_step\n"
        "def step():\n"
        f"    pathlib.Path({str(child_pid)!r}).write_text(str(os.getpid()))\n"
        "    time.sleep(30)\n"
        f"    pathlib.Path({str(done)!r}).write_text('written after the run died')\n"
        "run_step(step)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 120
    while not child_pid.exists() or not child_pid.read_text():
        assert time.monotonic() < deadline and parent.poll() is None
        time.sleep(0.05)
    pid = int(child_pid.read_text())
    parent.send_signal(signal.SIGKILL)
    parent.wait(timeout=60)
    deadline = time.monotonic() + 30
    while _alive(pid):
        assert time.monotonic() < deadline, "the step outlived its run"
        time.sleep(0.05)
    assert not done.exists()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_a_step_collects_garbage_as_usual_under_a_caller_that_collects_less():
    """`make run`'s process collects less often (`collect_less`); a corpus-level step's child,
    which holds the tables, goes back to the interpreter's thresholds."""
    import gc

    try:
        own_process.collect_less()
        assert gc.get_threshold()[0] == own_process.FEWER_COLLECTIONS
        assert own_process.run_step(gc.get_threshold).value == own_process.USUAL_COLLECTIONS
    finally:
        own_process.collect_as_usual()
    assert gc.get_threshold() == own_process.USUAL_COLLECTIONS


def test_the_step_process_is_named_after_its_step():
    import sys

    if not sys.platform.startswith("linux"):
        pytest.skip("process names are set on Linux only")

    def own_name():
        with open(f"/proc/{os.getpid()}/comm") as comm:
            return comm.read().strip()

    assert own_process.run_step(own_name, "core_tables").value == "core_tables"
    assert own_process.run_step(own_name, "exports_match_schemas").value == "exports_match_s"  # 15 bytes kept


def test_meanwhile_runs_here_while_the_child_works_and_its_failure_is_ignored():
    calls = []
    outcome = own_process.run_step(lambda: (os.getpid(), list(calls)), meanwhile=lambda: calls.append(os.getpid()))
    assert calls == [os.getpid()]  # here, after the fork: the child did not see it
    assert outcome.value[0] != os.getpid() and outcome.value[1] == []

    def failing():
        raise ValueError("no matplotlib")

    assert own_process.run_step(lambda: "built", meanwhile=failing).value == "built"


def test_in_process_nothing_runs_meanwhile(monkeypatch):
    monkeypatch.setenv(own_process.IN_PROCESS_SETTING, "1")
    calls = []
    assert own_process.run_step(lambda: "done", meanwhile=lambda: calls.append(1)).value == "done"
    assert calls == []
