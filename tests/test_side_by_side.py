"""The corpus-level job's independent steps run side by side (`pipeline.defs.side_by_side`)."""

from __future__ import annotations

import threading

import pytest
from dagster import (
    AssetCheckResult,
    AssetKey,
    DagsterInstance,
    Definitions,
    asset,
    asset_check,
    define_asset_job,
)

from pipeline.defs.side_by_side import execute_side_by_side

WAIT = 20  # seconds a step waits for its sibling before the test counts them as run in turn


def _job(assets, checks=()):
    return Definitions(assets=assets, asset_checks=list(checks),
                       jobs=[define_asset_job("corpus", selection=[a.key for a in assets])]).resolve_job_def("corpus")


def _materialised(result) -> set[str]:
    return {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()
            for e in [e.materialization]}


def test_steps_that_do_not_depend_on_each_other_run_at_the_same_time(tmp_path):
    both_running = threading.Barrier(2, timeout=WAIT)
    order = []

    @asset
    def tables() -> None:
        order.append("tables")

    @asset(deps=[tables])
    def pictures() -> None:
        both_running.wait()  # raises BrokenBarrierError unless `exports` runs meanwhile
        order.append("pictures")

    @asset(deps=[tables])
    def exports() -> None:
        both_running.wait()
        order.append("exports")

    with DagsterInstance.ephemeral() as instance:
        result = execute_side_by_side(_job([tables, pictures, exports]), instance, max_concurrent=2)
    assert result.success
    assert order[0] == "tables" and sorted(order[1:]) == ["exports", "pictures"]
    assert _materialised(result) == {"tables", "pictures", "exports"}
    assert result.dagster_run.status.value == "SUCCESS"


def test_at_most_max_concurrent_steps_run_at_once():
    running, peak, lock = [0], [0], threading.Lock()

    def step() -> None:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        threading.Event().wait(0.2)
        with lock:
            running[0] -= 1

    assets = [asset(name=f"out_{n}")(step) for n in range(5)]
    with DagsterInstance.ephemeral() as instance:
        result = execute_side_by_side(_job(assets), instance, max_concurrent=2)
    assert result.success and peak[0] == 2


def test_a_failed_step_leaves_what_runs_beside_it_done_and_skips_what_depends_on_it(tmp_path):
    sibling_started = threading.Event()

    @asset
    def tables() -> None:
        pass

    @asset(deps=[tables])
    def warehouse() -> None:
        sibling_started.wait(WAIT)  # fails while `exports` is still writing
        raise RuntimeError("warehouse broke")

    @asset(deps=[tables])
    def exports() -> None:
        sibling_started.set()
        threading.Event().wait(0.3)
        (tmp_path / "exports.csv").write_text("done\n")

    @asset(deps=[warehouse])
    def search_index() -> None:
        raise AssertionError("must not run after its upstream failed")

    with DagsterInstance.ephemeral() as instance:
        result = execute_side_by_side(_job([tables, warehouse, exports, search_index]), instance, max_concurrent=2)
    assert not result.success
    assert _materialised(result) == {"tables", "exports"}
    assert (tmp_path / "exports.csv").read_text() == "done\n"
    failed = [e.step_key for e in result.all_events if e.is_step_failure]
    assert failed == ["warehouse"]
    assert "search_index" not in {e.step_key for e in result.all_events if e.event_type_value == "STEP_START"}
    assert result.dagster_run.status.value == "FAILURE"


def test_a_failed_blocking_check_holds_back_only_what_is_downstream_of_its_table():
    @asset
    def quotes() -> None:
        pass

    @asset
    def events() -> None:
        pass

    @asset_check(asset=quotes, blocking=True)
    def quotes_valid() -> AssetCheckResult:
        return AssetCheckResult(passed=False)

    @asset(deps=[quotes])
    def stance_matrix() -> None:
        raise AssertionError("must not run: its table failed a blocking check")

    @asset(deps=[events])
    def actor_network() -> None:
        pass

    with DagsterInstance.ephemeral() as instance:
        result = execute_side_by_side(
            _job([quotes, events, stance_matrix, actor_network], [quotes_valid]), instance, max_concurrent=2
        )
    assert not result.success
    assert _materialised(result) == {"quotes", "events", "actor_network"}
    assert AssetKey("stance_matrix") not in {e.asset_key for e in result.get_asset_materialization_events()}


@pytest.mark.parametrize("concurrent", [1, 2])
def test_the_result_is_read_as_execute_in_process_s(concurrent):
    @asset
    def one() -> None:
        pass

    with DagsterInstance.ephemeral() as instance:
        result = execute_side_by_side(_job([one]), instance, max_concurrent=concurrent, tags={"k": "v"})
        assert result.success and result.dagster_run.tags["k"] == "v"
        assert instance.get_run_by_id(result.run_id).is_success


def test_steps_that_log_side_by_side_on_a_persistent_instance_finish(tmp_path):
    """Each step's log manager used to run `logging.config.dictConfig` while the step beside it
    logged: the two threads took the logging module's lock and a handler's in opposite orders."""
    started = threading.Barrier(2, timeout=WAIT)

    def chatty(context) -> None:
        started.wait()
        for n in range(100):
            context.log.info(f"{context.asset_key.to_user_string()} {n}")

    assets = [asset(name=f"chatty_{n}")(chatty) for n in range(4)]
    outcome = []
    # Without compute-log capture: its `tail -F` children can time out on a loaded machine,
    # and the deadlock this test guards against is in the Python logging of the steps.
    quiet_logs = {"module": "dagster._core.storage.noop_compute_log_manager", "class": "NoOpComputeLogManager"}
    overrides = {"telemetry": {"enabled": False}, "compute_logs": quiet_logs}
    with DagsterInstance.local_temp(str(tmp_path), overrides=overrides) as instance:
        runner = threading.Thread(
            target=lambda: outcome.append(execute_side_by_side(_job(assets), instance, max_concurrent=2)), daemon=True
        )
        runner.start()
        runner.join(120)
        assert outcome, "the run hung"
    assert outcome[0].success


def _whole_tables_overlaps(tag_limits=None) -> list[frozenset]:
    """The steps running at each start of one, in a run of the warehouse, the exports (op tag
    `newsevents/memory: whole-tables`) and a picture, two at a time, with these `tag_limits`."""
    from pipeline.defs.pools import WHOLE_TABLES_OP_TAGS

    running, overlaps, lock = set(), [], threading.Lock()

    def step(name: str):
        def work() -> None:
            with lock:
                running.add(name)
                overlaps.append(frozenset(running))
            threading.Event().wait(0.4)
            with lock:
                running.discard(name)
        return work

    @asset
    def tables() -> None:
        pass

    heavy = [asset(name=n, deps=[tables], op_tags=WHOLE_TABLES_OP_TAGS)(step(n)) for n in ("warehouse", "exports")]
    # named so that Dagster's order (by step key) would start the two heavy steps first
    picture = asset(name="world_map", deps=[tables])(step("world_map"))
    with DagsterInstance.ephemeral() as instance:
        result = execute_side_by_side(_job([tables, *heavy, picture]), instance, max_concurrent=2,
                                      tag_limits=tag_limits)
    assert result.success
    return overlaps


def test_steps_that_hold_every_table_run_one_at_a_time_with_others_beside_them():
    """The warehouse and the exports never overlap; an untagged step (a picture) still runs
    beside one of them."""
    overlaps = _whole_tables_overlaps()
    assert not any({"warehouse", "exports"} <= seen for seen in overlaps)
    assert any("world_map" in seen and len(seen) == 2 for seen in overlaps)


def test_steps_that_hold_every_table_run_side_by_side_while_the_limits_asked_allow_it():
    """`tag_limits` is asked as steps start: while it answers no limit, the warehouse and the
    exports run at once (the limit Dagster's plan holds is brought up to date in place)."""
    assert any({"warehouse", "exports"} <= seen for seen in _whole_tables_overlaps(tag_limits=list))


def test_the_whole_tables_steps_are_limited_once_the_tables_are_large(tmp_path):
    from pipeline.defs.pools import ONE_WHOLE_TABLES_STEP, SIDE_BY_SIDE_TABLES_BYTES, whole_tables_limits
    from pipeline.storage import table_path

    assert whole_tables_limits(tmp_path) == []  # no tables yet
    for table, size in (("mentions", SIDE_BY_SIDE_TABLES_BYTES // 2), ("sentences", SIDE_BY_SIDE_TABLES_BYTES // 2)):
        path = table_path(tmp_path, table)
        path.parent.mkdir(parents=True)
        with path.open("wb") as file:
            file.truncate(size)  # sparse: the size counts, not the disk
    assert whole_tables_limits(tmp_path) == []
    with table_path(tmp_path, "mentions").open("ab") as file:
        file.write(b"x")
    assert whole_tables_limits(tmp_path) == ONE_WHOLE_TABLES_STEP


def test_the_exports_then_the_warehouse_take_a_free_slot_before_a_picture():
    """The chain of the two whole-tables steps is the longest after the checks: the exports
    start first, and the warehouse takes the slot the exports leave, though a picture was
    ready before it in Dagster's order (by step key: "a_picture" first)."""
    from pipeline.defs.pools import EXPORTS_OP_TAGS, WAREHOUSE_OP_TAGS

    started, lock = [], threading.Lock()

    def step(name: str, seconds: float):
        def work() -> None:
            with lock:
                started.append(name)
            threading.Event().wait(seconds)
        return work

    @asset
    def tables() -> None:
        pass

    steps = [asset(name="exports", deps=[tables], op_tags=EXPORTS_OP_TAGS)(step("exports", 0.2)),
             asset(name="warehouse", deps=[tables], op_tags=WAREHOUSE_OP_TAGS)(step("warehouse", 0.2)),
             asset(name="a_picture", deps=[tables])(step("a_picture", 0.6)),
             asset(name="b_picture", deps=[tables])(step("b_picture", 0.2))]
    with DagsterInstance.ephemeral() as instance:
        result = execute_side_by_side(_job([tables, *steps]), instance, max_concurrent=2)
    assert result.success
    assert set(started[:2]) == {"exports", "a_picture"}  # started together, in either order
    assert started[2:] == ["warehouse", "b_picture"]
