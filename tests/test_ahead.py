"""Work forked ahead of its step (`pipeline.ahead`), and the warehouse built ahead of its step."""

from __future__ import annotations

import os
import threading

import duckdb
import pytest

from pipeline import ahead, warehouse, warehouse_guard


def _pid() -> int:
    return os.getpid()


def test_work_started_ahead_is_done_in_a_child_and_taken_with_its_key():
    with ahead.session():
        assert ahead.start("step", ("key", 1), _pid)
        assert ahead.waiting("step")
        assert ahead.take("step", ("key", 1)) not in (None, os.getpid())
        assert not ahead.waiting("step")
        assert ahead.take("step", ("key", 1), default="none") == "none"  # taken once


def test_outside_a_session_nothing_goes_ahead():
    assert not ahead.start("step", ("key", 1), _pid)
    assert ahead.take("step", ("key", 1), default="itself") == "itself"


def test_work_whose_inputs_changed_since_is_discarded(tmp_path):
    left = tmp_path / "left"
    left.touch()
    with ahead.session():
        ahead.start("step", ("key", 1), _pid, discard=left.unlink)
        assert ahead.take("step", ("key", 2), default="itself") == "itself"
    assert not left.exists()


def test_failed_work_lets_the_step_do_it_itself():
    def fails():
        raise ValueError("no")

    with ahead.session():
        ahead.start("step", "key", fails)
        assert ahead.take("step", "key", default="itself") == "itself"


def test_work_no_step_took_is_discarded_when_the_session_ends(tmp_path):
    left = tmp_path / "left"
    left.touch()
    with ahead.session():
        ahead.start("step", "key", _pid, discard=left.unlink)
    assert not left.exists() and not ahead.waiting("step")


def test_work_started_by_a_thread_that_ended_still_reaches_its_step():
    """A step's thread starts the work and ends; a later step's thread takes it. A child dies
    with the thread that forked it (the parent-death signal), so the session's own thread forks."""
    with ahead.session():
        starter = threading.Thread(target=lambda: ahead.start("step", "key", _pid))
        starter.start()
        starter.join()
        assert ahead.take("step", "key") not in (None, os.getpid())


def _contents(database) -> dict:
    with duckdb.connect(str(database), read_only=True) as connection:
        names = [r[0] for r in connection.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        return {name: connection.execute(f'SELECT * FROM "{name}"').fetchall() for name in names}


@pytest.fixture()
def built(seed_run, tmp_path):
    """A copy of the seed run's data folder, its warehouse the last build."""
    import shutil

    _, data, _ = seed_run
    copy = tmp_path / "data"
    shutil.copytree(data, copy, ignore=shutil.ignore_patterns("cache"))
    return copy


def _edit_sentences(data) -> None:
    import pyarrow.parquet as pq

    from pipeline.storage import table_path

    path = table_path(data, "sentences")
    table = pq.read_table(path)
    text = table.column("text").to_pylist()
    text[0] = "Ministers resumed the stalled talks."
    pq.write_table(table.set_column(table.schema.get_field_index("text"), "text", [text]), path)


def test_a_warehouse_built_ahead_and_swapped_in_is_the_one_its_step_builds(built, tmp_path):
    _edit_sentences(built)
    building = warehouse.ahead_building(built, os.getpid())
    made = warehouse.build_ahead(built, building)
    assert made is not None and made.base is not None  # a copy of the last build, changed tables loaded again
    code, digests = warehouse.code_digest(), warehouse.table_digests(built)
    assert made.fits(built, code, digests)
    warehouse.swap_in(built, made)
    assert not building.exists()
    kept = _contents(warehouse_guard.warehouse_path(built))

    fresh = tmp_path / "fresh"
    fresh.mkdir()
    import shutil

    shutil.copytree(built / "parquet", fresh / "parquet")
    warehouse.build_warehouse(fresh)
    made_fresh = _contents(warehouse_guard.warehouse_path(fresh))
    for index in ("search_documents", "search_terms"):  # an edited document's rows come after the kept ones
        kept[index], made_fresh[index] = sorted(kept[index]), sorted(made_fresh[index])
    assert kept == made_fresh
    assert warehouse.build_ahead(built, building) is None  # nothing changed since: nothing to build


def test_a_warehouse_built_ahead_of_one_set_aside_since_is_not_used(built):
    _edit_sentences(built)
    made = warehouse.build_ahead(built, warehouse.ahead_building(built, os.getpid()))
    assert made is not None
    warehouse_guard.move_aside(built)  # as the step does with a warehouse it cannot trust
    assert not made.fits(built, warehouse.code_digest(), warehouse.table_digests(built))


def test_no_warehouse_is_built_ahead_from_nothing(built):
    warehouse_guard.move_aside(built)
    _edit_sentences(built)
    assert warehouse.build_ahead(built, warehouse.ahead_building(built, os.getpid())) is None


def test_a_failed_check_holds_back_the_warehouse_built_ahead(seed_run, tmp_path, monkeypatch):
    """As in `make run`: the warehouse is built ahead while the checks run, a blocking check
    fails, so its step never starts; the old warehouse stays and the build ahead is removed."""
    import json
    import shutil
    from dataclasses import replace

    from dagster import AssetCheckResult, AssetKey, DagsterInstance

    from pipeline.definitions import build_definitions
    from pipeline.defs import checks
    from pipeline.defs.job_names import REFRESH_JOB
    from pipeline.defs.resources import NewsPaths
    from pipeline.defs.side_by_side import execute_side_by_side

    seeds, data, _ = seed_run
    data = shutil.copytree(data, tmp_path / "data")
    tables_file = data / warehouse.TABLES_FILE  # the last build said to hold other sentences: one to build ahead
    record = json.loads(tables_file.read_text())
    record["tables"]["sentences"] = "0" * 64
    tables_file.write_text(json.dumps(record))
    final = warehouse_guard.warehouse_path(data)
    before = (final.stat().st_size, final.stat().st_mtime_ns)
    built_ahead = tmp_path / "built-ahead"

    def build_ahead(data_dir, building):
        made = build_ahead_as_is(data_dir, building)
        built_ahead.write_text(str(made is not None and made.building.is_file()))
        return made

    build_ahead_as_is = warehouse.build_ahead
    monkeypatch.setattr(warehouse, "build_ahead", build_ahead)
    failing = lambda paths: AssetCheckResult(passed=False, description="made to fail")  # noqa: E731
    monkeypatch.setattr(checks, "CHECKS", [replace(c, run=failing) if c.name == "every_mention_resolves" else c
                                           for c in checks.CHECKS])
    paths = NewsPaths(seeds_dir=str(seeds), data_dir=str(data))
    with ahead.session(), DagsterInstance.ephemeral() as instance:
        result = execute_side_by_side(build_definitions(paths).resolve_job_def(REFRESH_JOB), instance, 2)
    assert not result.success
    assert built_ahead.read_text() == "True"
    assert AssetKey("warehouse") not in {e.asset_key for e in result.get_asset_materialization_events()}
    assert (final.stat().st_size, final.stat().st_mtime_ns) == before
    assert not list(final.parent.glob(".warehouse.*.building*"))
