"""Reruns by themselves: the seeds sensor, the daily schedule and the corpus-level automation."""

from __future__ import annotations

import json
import os

from dagster import (
    AssetKey,
    AssetMaterialization,
    DagsterInstance,
    SensorResult,
    SkipReason,
    build_schedule_context,
    build_sensor_context,
    evaluate_automation_conditions,
)

from pipeline.definitions import build_definitions
from pipeline.defs.automation import SensorState, daily_reconcile, diff_seeds, seeds_sensor
from pipeline.defs.jobs import CORPUS_KEYS, EXTRACT_JOB, REFRESH_JOB
from pipeline.defs.partitions import (
    ARTICLE_PARTITIONS,
    RANGE_END_TAG,
    RANGE_START_TAG,
    key_ranges,
    partition_key,
)
from pipeline.defs.resources import NewsPaths

ARTICLES = ARTICLE_PARTITIONS.name


def write(seeds, name, body):
    (seeds / name).write_text(f"{name} headline\n\n{body}", encoding="utf-8")


class Daemon:
    """Evaluates the sensor the way the daemon does: requests applied, cursor carried over."""

    def __init__(self, seeds, instance):
        self.paths = NewsPaths(seeds_dir=str(seeds), data_dir=str(seeds.parent / "data"))
        self.instance = instance
        self.cursor = None

    def tick(self):
        context = build_sensor_context(instance=self.instance, cursor=self.cursor, resources={"paths": self.paths})
        result = seeds_sensor(context)
        if isinstance(result, SensorResult):
            for request in result.dynamic_partitions_requests:
                if type(request).__name__.startswith("Add"):
                    self.instance.add_dynamic_partitions(ARTICLES, request.partition_keys)
                else:
                    for key in request.partition_keys:
                        self.instance.delete_dynamic_partition(ARTICLES, key)
            self.cursor = result.cursor
        return result

    @staticmethod
    def ranges(result) -> list[tuple[str, str, str]]:
        return [(r.job_name, r.tags.get(RANGE_START_TAG), r.tags.get(RANGE_END_TAG)) for r in result.run_requests]


def test_sensor_adds_partitions_and_runs_only_what_changed(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        write(seeds, name, f"Body of {name}.")
    with DagsterInstance.ephemeral() as instance:
        daemon = Daemon(seeds, instance)

        first = daemon.tick()
        assert Daemon.ranges(first) == [(EXTRACT_JOB, "a.txt", "d.txt")]  # one run for all four
        assert first.run_requests[0].tags["newsevents/seed_changes"] == "4 new"
        assert instance.get_dynamic_partitions(ARTICLES) == ["a.txt", "b.txt", "c.txt", "d.txt"]

        assert isinstance(daemon.tick(), SkipReason)

        write(seeds, "b.txt", "Body of b, edited.")
        write(seeds, "d.txt", "Body of d, edited.")
        edited = daemon.tick()
        assert Daemon.ranges(edited) == [(EXTRACT_JOB, "b.txt", "b.txt"), (EXTRACT_JOB, "d.txt", "d.txt")]

        (seeds / "c.txt").unlink()
        write(seeds, "e.txt", "Body of e.")
        (seeds / "notes.md").write_text("not an article", encoding="utf-8")
        added = daemon.tick()
        assert Daemon.ranges(added) == [(EXTRACT_JOB, "e.txt", "e.txt")]
        assert added.run_requests[0].tags["newsevents/seed_changes"] == "1 new, 1 deleted"
        assert instance.get_dynamic_partitions(ARTICLES) == ["a.txt", "b.txt", "d.txt", "e.txt"]
        assert set(SensorState(daemon.paths.data).load(json.loads(added.cursor)["hashes"])) == {
            "a.txt", "b.txt", "d.txt", "e.txt"
        }

        (seeds / "a.txt").unlink()
        deleted = daemon.tick()
        assert Daemon.ranges(deleted) == [(REFRESH_JOB, None, None)]  # nothing to parse, tables still change
        assert instance.get_dynamic_partitions(ARTICLES) == ["b.txt", "d.txt", "e.txt"]
        assert len({r.run_key for r in first.run_requests + edited.run_requests + added.run_requests}) == 4


def one_file_seen(tmp_path, instance) -> tuple:
    """A seeds folder holding a.txt, and a daemon whose sensor has seen it once."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write(seeds, "a.txt", "Body of a.")
    daemon = Daemon(seeds, instance)
    daemon.tick()
    return seeds, daemon


def test_sensor_reads_the_files_only_when_the_folder_changed(tmp_path, monkeypatch):
    from pipeline.defs import automation

    with DagsterInstance.ephemeral() as instance:
        seeds, daemon = one_file_seen(tmp_path, instance)
        surveys = []
        real = automation.seed_hashes
        monkeypatch.setattr(automation, "seed_hashes", lambda folder: surveys.append(folder) or real(folder))
        assert isinstance(daemon.tick(), SkipReason) and surveys == []
        info = (seeds / "a.txt").stat()
        os.utime(seeds / "a.txt", ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))  # touched, same bytes
        touched = daemon.tick()
        assert touched.skip_reason is not None and not touched.run_requests and len(surveys) == 1
        assert isinstance(daemon.tick(), SkipReason) and len(surveys) == 1


def test_schedule_reconciles_partitions_and_extracts_what_is_stale(tmp_path):
    seeds, data = tmp_path / "seeds", tmp_path / "data"
    seeds.mkdir()
    for name in ("a.txt", "b.txt"):
        write(seeds, name, f"Body of {name}.")
    paths = NewsPaths(seeds_dir=str(seeds), data_dir=str(data))
    (tmp_path / "home").mkdir()
    with DagsterInstance.local_temp(str(tmp_path / "home"), overrides={"telemetry": {"enabled": False}}) as instance:
        instance.add_dynamic_partitions(ARTICLES, ["gone.txt"])
        with build_schedule_context(instance=instance, resources={"paths": paths}) as context:
            requests = daily_reconcile(context)
        assert instance.get_dynamic_partitions(ARTICLES) == ["a.txt", "b.txt"]
        assert [(r.tags[RANGE_START_TAG], r.tags[RANGE_END_TAG]) for r in requests] == [("a.txt", "b.txt")]
        assert all(r.asset_selection == [AssetKey("article_extractions")] for r in requests)


def test_corpus_assets_wait_for_every_article_partition(tmp_path):
    defs = build_definitions(NewsPaths(seeds_dir=str(tmp_path), data_dir=str(tmp_path)))
    with DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions(ARTICLES, ["a.txt", "b.txt"])
        instance.report_runless_asset_event(AssetMaterialization("article_extractions", partition="a.txt"))
        waiting = evaluate_automation_conditions(defs, instance)
        assert all(waiting.get_num_requested(key) == 0 for key in CORPUS_KEYS)

        instance.report_runless_asset_event(AssetMaterialization("article_extractions", partition="b.txt"))
        ready = evaluate_automation_conditions(defs, instance, cursor=waiting.cursor)
        assert all(ready.get_num_requested(key) == 1 for key in CORPUS_KEYS)
        assert ready.get_num_requested(AssetKey("article_extractions")) == 0


def test_key_ranges_follow_the_partition_order():
    order = ["a", "b", "c", "d", "e"]
    assert key_ranges(order, {"a", "b", "d"}) == [("a", "b"), ("d", "d")]
    assert key_ranges(order, set()) == []
    assert key_ranges(order, set(order)) == [("a", "e")]


def test_partition_keys_are_file_paths_unless_dagster_refuses_them():
    assert partition_key("sub/nested.txt") == "sub/nested.txt"
    assert partition_key("a b;'\"é.txt") == "a b;'\"é.txt"
    odd = partition_key("wait... what.txt")
    assert "..." not in odd and odd.startswith("wait_ what.txt#")
    assert odd != partition_key("wait... what!.txt")
    assert "\n" not in partition_key("line\nbreak.txt")


def test_diff_seeds():
    assert diff_seeds({"a": "1", "b": "2"}, {"a": "1", "b": "3", "c": "4"}) == {
        "new": ["c"], "changed": ["b"], "deleted": []}


def test_definitions_have_the_sensors_schedule_and_partitions(tmp_path):
    defs = build_definitions(NewsPaths(seeds_dir=str(tmp_path), data_dir=str(tmp_path)))
    assert {j.name for j in defs.resolve_sensor_def("seeds_sensor").jobs} == {EXTRACT_JOB, REFRESH_JOB}
    assert defs.resolve_sensor_def("corpus_automation") is not None
    assert defs.resolve_schedule_def("daily_reconcile").cron_schedule == daily_reconcile.cron_schedule
    spec = defs.resolve_assets_def("article_extractions")
    assert spec.partitions_def == ARTICLE_PARTITIONS
    assert spec.backfill_policy.max_partitions_per_run is None  # one run per range, however long


def test_the_cursor_does_not_grow_with_the_rows_of_a_collection(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    sizes = []
    with DagsterInstance.ephemeral() as instance:
        daemon = Daemon(seeds, instance)
        for rows in (3, 2000):
            lines = [json.dumps({"id": f"r{n}", "text": f"Row {n} of {rows}."}) for n in range(rows)]
            (seeds / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
            result = daemon.tick()
            assert len(instance.get_dynamic_partitions(ARTICLES)) == rows
            sizes.append(len(result.cursor))
        assert sizes[0] == sizes[1] < 300
        # the per-row hashes live beside the data, and the next edit is told apart with them
        (seeds / "feed.jsonl").write_text("\n".join(lines[:-1] + ['{"id": "r1999", "text": "Edited."}']) + "\n")
        edited = daemon.tick()
        assert Daemon.ranges(edited) == [(EXTRACT_JOB, "feed.jsonl#r1999", "feed.jsonl#r1999")]


def test_a_lost_sensor_record_falls_back_on_the_extraction_cache(tmp_path):
    with DagsterInstance.ephemeral() as instance:
        seeds, daemon = one_file_seen(tmp_path, instance)
        (daemon.paths.data / "sensor" / "seed_hashes.json").unlink()
        write(seeds, "b.txt", "Body of b.")
        # a.txt was never extracted, so without the record it counts as new as well
        again = daemon.tick()
        assert Daemon.ranges(again) == [(EXTRACT_JOB, "a.txt", "b.txt")]
        assert again.run_requests[0].tags["newsevents/seed_changes"] == "2 new"
        assert isinstance(daemon.tick(), SkipReason)
