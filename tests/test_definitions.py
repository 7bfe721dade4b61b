"""The code location's shape against a committed snapshot: assets, checks, jobs, sensors, schedules.

A moved module, a renamed job or a dropped check changes what the UI, the schedules and
`make run` see; this test makes that change visible in review. After a deliberate change,
regenerate the snapshot with

    NEWSEVENTS_UPDATE_SNAPSHOT=1 python -m pytest tests/test_definitions.py

and commit tests/definitions_snapshot.json with it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pipeline.definitions import defs

SNAPSHOT = Path(__file__).with_name("definitions_snapshot.json")


def describe() -> dict:
    """Everything the code location declares, as sorted plain data."""
    repo = defs.get_repository_def()
    graph = repo.asset_graph
    assets = {}
    for key in sorted(graph.get_all_asset_keys()):
        node = graph.get(key)
        assets[key.to_user_string()] = {
            "group": node.group_name,
            "partitions": type(node.partitions_def).__name__ if node.partitions_def else None,
            "deps": sorted(parent.to_user_string() for parent in node.parent_keys),
        }
    checks = sorted(f"{key.asset_key.to_user_string()}:{key.name}" for key in graph.asset_check_keys)
    return {
        "assets": assets,
        "asset_checks": checks,
        "jobs": sorted(job.name for job in repo.get_all_jobs() if not job.name.startswith("__")),
        "sensors": {sensor.name: type(sensor).__name__ for sensor in sorted(repo.sensor_defs, key=lambda s: s.name)},
        "schedules": {
            schedule.name: {"cron": schedule.cron_schedule, "job": schedule.job_name}
            for schedule in sorted(repo.schedule_defs, key=lambda s: s.name)
        },
    }


def test_definitions_match_the_snapshot():
    current = describe()
    if os.environ.get("NEWSEVENTS_UPDATE_SNAPSHOT"):
        SNAPSHOT.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    for part in ("assets", "asset_checks", "jobs", "sensors", "schedules"):
        assert current[part] == expected[part], f"{part} changed; see this module's docstring to regenerate"


def test_the_snapshot_is_not_empty():
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert len(expected["assets"]) >= 10 and expected["asset_checks"] and expected["jobs"]
    assert expected["sensors"] and expected["schedules"]


def test_the_extraction_job_is_the_same_in_its_own_code_location():
    """A rerun's extraction runs start from `extraction_job`'s code location, the daemon's and
    the UI's from the whole one: the job, its executor and its config are recorded alike."""
    from pipeline.defs.extraction_job import extraction_definitions
    from pipeline.defs.job_names import EXTRACT_JOB
    from pipeline.defs.resources import NewsPaths

    alone = extraction_definitions(NewsPaths.from_environment()).resolve_job_def(EXTRACT_JOB)
    assert alone.get_job_snapshot_id() == defs.resolve_job_def(EXTRACT_JOB).get_job_snapshot_id()
