"""The seeds sensor: new, changed, deleted and unchanged files."""

from __future__ import annotations

import json

from dagster import DagsterInstance, SensorResult, SkipReason, build_sensor_context

from pipeline.automation import daily_reconcile, diff_seeds, seeds_sensor
from pipeline.definitions import build_definitions
from pipeline.resources import NewsPaths


def evaluate(seeds, cursor=None):
    paths = NewsPaths(seeds_dir=str(seeds), data_dir=str(seeds.parent / "data"))
    with DagsterInstance.ephemeral() as instance:
        context = build_sensor_context(instance=instance, cursor=cursor, resources={"paths": paths})
        return seeds_sensor(context)


def test_sensor_requests_runs_only_when_seeds_change(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Alpha headline\n\nAlpha body text.", encoding="utf-8")
    (seeds / "b.txt").write_text("Beta headline\n\nBeta body text.", encoding="utf-8")

    first = evaluate(seeds)
    assert isinstance(first, SensorResult) and len(first.run_requests) == 1
    assert first.run_requests[0].tags["newsevents/seed_changes"] == "2 new"
    cursor = first.cursor

    assert isinstance(evaluate(seeds, cursor), SkipReason)

    (seeds / "a.txt").write_text("Alpha headline\n\nAlpha body text, edited.", encoding="utf-8")
    (seeds / "b.txt").unlink()
    (seeds / "c.txt").write_text("Gamma headline\n\nGamma body text.", encoding="utf-8")
    (seeds / "notes.md").write_text("not an article", encoding="utf-8")
    changed = evaluate(seeds, cursor)
    assert changed.run_requests[0].tags["newsevents/seed_changes"] == "1 new, 1 changed, 1 deleted"
    assert changed.run_requests[0].run_key != first.run_requests[0].run_key
    assert set(json.loads(changed.cursor)) == {"a.txt", "c.txt"}


def test_diff_seeds():
    assert diff_seeds({"a": "1", "b": "2"}, {"a": "1", "b": "3", "c": "4"}) == {
        "new": ["c"], "changed": ["b"], "deleted": []}


def test_definitions_have_the_sensor_and_schedule(tmp_path):
    defs = build_definitions(NewsPaths(seeds_dir=str(tmp_path), data_dir=str(tmp_path)))
    assert defs.resolve_sensor_def("seeds_sensor").job_name == "refresh_warehouse"
    assert defs.resolve_schedule_def("daily_reconcile").cron_schedule == daily_reconcile.cron_schedule
