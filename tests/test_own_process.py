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

    with pytest.raises(SchemaViolation, match="mentions") as raised:
        own_process.run_step(fails)
    assert any("in the step's process" in note for note in raised.value.__notes__)


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



def test_checks_run_in_a_child_and_keep_their_parameters(tmp_path):
    import inspect

    from dagster import AssetCheckResult, AssetCheckSeverity, MetadataValue

    from pipeline.defs.checks import own_process as check_process

    def check(paths) -> AssetCheckResult:
        return AssetCheckResult(passed=False, severity=AssetCheckSeverity.WARN, description=str(os.getpid()),
                                metadata={"sample": MetadataValue.md(str(paths))})

    wrapped = check_process(check)
    assert list(inspect.signature(wrapped).parameters) == ["paths"]
    result = wrapped(tmp_path)
    assert not result.passed and result.severity == AssetCheckSeverity.WARN
    assert result.description != str(os.getpid())
    assert result.metadata["sample"] == MetadataValue.md(str(tmp_path))
