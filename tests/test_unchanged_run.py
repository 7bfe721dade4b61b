"""A no-change `make run` answered from the last run's record (`pipeline.unchanged_run`):
taken only while nothing it depends on changed; any change sends the run through Dagster."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from pipeline import unchanged_run
from pipeline.defs.job_names import CORPUS_JOB_WITH_EVALUATION as JOB
from pipeline.nlp import file_identity
from pipeline.nlp.seed_folder import FolderStamp
from tests.conftest import ROOT, SEEDS

COUNTS = {"articles": 2, "mentions": 40}


@pytest.fixture()
def folders(tmp_path, monkeypatch):
    """Seeds, a data folder and a DAGSTER_HOME as a finished run leaves them, all settled."""
    tmp_path = tmp_path.resolve()
    seeds, data, home = tmp_path / "seeds", tmp_path / "data", tmp_path / "home"
    seeds.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, seeds / path.name)
    (data / "parquet" / "articles").mkdir(parents=True)
    (data / "parquet" / "articles" / "articles.parquet").write_bytes(b"PAR1 rows PAR1")
    (data / "warehouse.duckdb").write_bytes(b"warehouse")
    (home / "history").mkdir(parents=True)
    (home / "history" / "runs.db").write_bytes(b"runs")
    shutil.copy(ROOT / "dagster.yaml", home / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    monkeypatch.setenv("NEWSEVENTS_SEEDS_DIR", str(seeds))
    monkeypatch.setenv("NEWSEVENTS_DATA_DIR", str(data))
    monkeypatch.setattr(file_identity, "SETTLED_NS", 0)  # as if written long ago
    return seeds, data, home


def recorded(seeds, data) -> dict | None:
    return unchanged_run.recorded_counts(unchanged_run.inputs_key(seeds, data, JOB), data)


def record(seeds, data) -> None:
    assert unchanged_run.record(unchanged_run.inputs_key(seeds, data, JOB), seeds, data, JOB, COUNTS)


def rewrite_keeping_size_and_time(path, content: bytes) -> None:
    info = path.stat()
    assert len(content) == info.st_size
    path.write_bytes(content)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


def test_nothing_changed_gives_the_recorded_counts(folders):
    seeds, data, _ = folders
    assert recorded(seeds, data) is None  # nothing recorded yet
    record(seeds, data)
    assert recorded(seeds, data) == COUNTS
    assert recorded(seeds, data) == COUNTS  # reading the record changes nothing it depends on


@pytest.mark.parametrize(
    "change",
    [
        "seed edited",
        "seed added",
        "seed removed",
        "seed rewritten, same size and time",
        "table rewritten, same size and time",
        "warehouse removed",
        "instance written",
        "new output file",
        "setting changed",
        "code changed",
    ],
)
def test_any_change_means_no_answer_from_the_record(folders, monkeypatch, change):
    """Each of these would make the run's result differ (or could): never the old counts."""
    seeds, data, home = folders
    record(seeds, data)
    seed = sorted(seeds.glob("*.txt"))[0]
    if change == "seed edited":
        seed.write_bytes(seed.read_bytes() + b"\nOne more sentence.")
    elif change == "seed added":
        (seeds / "new.txt").write_text("A title\n\nThe ministers met in Paris.", encoding="utf-8")
    elif change == "seed removed":
        seed.unlink()
    elif change == "seed rewritten, same size and time":
        rewrite_keeping_size_and_time(seed, seed.read_bytes()[::-1])
    elif change == "table rewritten, same size and time":
        rewrite_keeping_size_and_time(data / "parquet" / "articles" / "articles.parquet", b"PAR1 ROWS PAR1")
    elif change == "warehouse removed":
        (data / "warehouse.duckdb").unlink()
    elif change == "instance written":
        rewrite_keeping_size_and_time(home / "history" / "runs.db", b"RUNS")
    elif change == "new output file":
        (data / "reports").mkdir()
        (data / "reports" / "stance_matrix.png").write_bytes(b"png")
    elif change == "setting changed":
        monkeypatch.setenv("NEWSEVENTS_N_PROCESS", "1")
    elif change == "code changed":
        code = data.parent / "code.py"
        code.write_text("x = 1\n")
        monkeypatch.setattr(unchanged_run, "sources", lambda job: [code])
        record(seeds, data)
        assert recorded(seeds, data) == COUNTS
        code.write_text("x = 2\n")
    assert recorded(seeds, data) is None


def test_a_file_young_when_recorded_is_known_by_its_bytes(folders, monkeypatch):
    """Written within the clock's tick of the record, a file could change again without
    changing its identity: its digest is kept and must match."""
    seeds, data, _ = folders
    table = data / "parquet" / "articles" / "articles.parquet"
    stamp = unchanged_run.folder_stamp
    monkeypatch.setattr(unchanged_run, "folder_stamp", lambda folder: FolderStamp(stamp(folder).digest))
    monkeypatch.setattr(file_identity, "settled", lambda info, now=None: False)
    record(seeds, data)
    assert recorded(seeds, data) == COUNTS
    monkeypatch.setattr(file_identity, "identity", lambda info: (info.st_size,))  # blind to times
    record(seeds, data)
    table.write_bytes(b"PAR1 ROWS PAR1")  # same size: only the bytes tell
    assert recorded(seeds, data) is None


def test_what_the_run_sets_for_itself_does_not_stop_the_record(folders, monkeypatch):
    """`refresh` sets DAGSTER_EVENT_BATCH_SIZE when it is unset: how records are written, not
    what, so a run started without it is still recorded."""
    seeds, data, _ = folders
    monkeypatch.delenv("DAGSTER_EVENT_BATCH_SIZE", raising=False)
    key = unchanged_run.inputs_key(seeds, data, JOB)
    monkeypatch.setenv("DAGSTER_EVENT_BATCH_SIZE", "1000")
    assert unchanged_run.record(key, seeds, data, JOB, COUNTS)
    assert recorded(seeds, data) == COUNTS


def test_a_seed_change_during_the_run_is_not_recorded(folders):
    """The key is taken when the run starts: a seed edited while it ran was perhaps not read."""
    seeds, data, _ = folders
    key = unchanged_run.inputs_key(seeds, data, JOB)
    seed = sorted(seeds.glob("*.txt"))[0]
    seed.write_bytes(seed.read_bytes() + b"\nEdited while the run ran.")
    assert not unchanged_run.record(key, seeds, data, JOB, COUNTS)
    assert recorded(seeds, data) is None


@pytest.mark.parametrize(
    "instance",
    ["no DAGSTER_HOME", "postgres", "event log elsewhere", "malformed config", "young seed", "no seeds folder"],
)
def test_not_taken_where_files_cannot_vouch_for_the_state(folders, monkeypatch, instance):
    seeds, data, home = folders
    if instance == "no DAGSTER_HOME":
        monkeypatch.delenv("DAGSTER_HOME")
    elif instance == "no seeds folder":
        shutil.rmtree(seeds)
    elif instance == "postgres":
        (home / "dagster.yaml").write_text("storage:\n  postgres:\n    postgres_url: postgresql://db/dagster\n")
    elif instance == "event log elsewhere":  # the project's own event log, kept outside DAGSTER_HOME
        (home / "dagster.yaml").write_text(
            "event_log_storage:\n  module: pipeline.defs.event_log\n  class: BatchedSqliteEventLogStorage\n"
            f"  config:\n    base_dir: {seeds.parent / 'elsewhere'}\n"
        )
    elif instance == "malformed config":
        (home / "dagster.yaml").write_text("event_log_storage: [unclosed\n")
    else:
        monkeypatch.setattr(file_identity, "SETTLED_NS", 10**18)
    key = unchanged_run.inputs_key(seeds, data, JOB)
    assert key is None or (instance == "young seed" and key.young)
    assert not unchanged_run.record(key, seeds, data, JOB, COUNTS)
    assert recorded(seeds, data) is None


def test_a_run_started_on_a_young_seed_is_recorded_once_it_settled(folders, monkeypatch):
    """A rerun started right after an edit answers nothing from a record, but is recorded
    when the young file holds at the end the bytes it held at the start, so the next
    rerun with nothing changed need not go through Dagster again."""
    seeds, data, _ = folders
    monkeypatch.setattr(file_identity, "SETTLED_NS", 10**18)  # every seed file was just written
    key = unchanged_run.inputs_key(seeds, data, JOB)
    assert key.young and set(key.young) == {str(p) for p in seeds.glob("*.txt")}
    monkeypatch.setattr(file_identity, "SETTLED_NS", 0)  # they settle while the run runs
    assert unchanged_run.record(key, seeds, data, JOB, COUNTS)
    assert recorded(seeds, data) == COUNTS


def test_a_young_seed_rewritten_within_its_tick_is_not_recorded(folders, monkeypatch):
    """Rewritten within the clock tick it was young in, a seed keeps its identity: only its
    bytes tell that the run may have read other ones."""
    seeds, data, _ = folders
    monkeypatch.setattr(file_identity, "identity", lambda info: (info.st_size,))  # blind to times
    monkeypatch.setattr(file_identity, "SETTLED_NS", 10**18)
    key = unchanged_run.inputs_key(seeds, data, JOB)
    seed = sorted(seeds.glob("*.txt"))[0]
    seed.write_bytes(seed.read_bytes().swapcase())  # same size
    monkeypatch.setattr(file_identity, "SETTLED_NS", 0)
    assert unchanged_run.inputs_key(seeds, data, JOB).digest == key.digest
    assert not unchanged_run.record(key, seeds, data, JOB, COUNTS)
    assert recorded(seeds, data) is None


@pytest.mark.parametrize("damage", ["young is a list", "counts is a list", "young path is a number", "a count is text"])
def test_a_damaged_record_is_no_record(folders, damage):
    """A record read back in another shape than `record` writes sends the run through Dagster."""
    seeds, data, _ = folders
    record(seeds, data)
    path = unchanged_run.record_path(data)
    content = json.loads(path.read_text(encoding="utf-8"))
    if damage == "young is a list":
        content["young"] = ["x"]
    elif damage == "counts is a list":
        content["counts"] = [1, 2]
    elif damage == "young path is a number":
        content["young"] = {"3": None}
    else:
        content["counts"] = {"articles": "2"}
    path.write_text(json.dumps(content), encoding="utf-8")
    assert recorded(seeds, data) is None


def test_a_link_loop_in_the_data_folder_is_walked_once(folders):
    seeds, data, _ = folders
    (data / "loop-a").symlink_to(data, target_is_directory=True)
    (data / "loop-b").symlink_to(data, target_is_directory=True)
    record(seeds, data)
    assert recorded(seeds, data) == COUNTS


def test_the_answer_imports_no_dagster(folders):
    """The point of the record: a no-change rerun without Dagster, DuckDB, pandas or spaCy."""
    seeds, data, _ = folders
    record(seeds, data)
    code = (
        "import sys; from pipeline.nlp import file_identity; file_identity.SETTLED_NS = 0; "
        "from pipeline import cli; code = cli.main(['run']); "
        "print(code, sorted(m for m in ('dagster', 'duckdb', 'pandas', 'spacy') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.splitlines()[-1] == "0 []", done.stderr[-2000:]
    assert "articles                    2 rows" in done.stdout


@pytest.mark.slow  # the whole pipeline, twice
def test_the_cli_answers_from_the_record_until_a_seed_changes(tmp_path, monkeypatch, capsys):
    """End to end: the second `run` does not go through Dagster; after an edit the third
    does, and its tables hold the edit (never the recorded, stale counts)."""
    import time

    import duckdb

    from pipeline import cli

    seeds, data, home = tmp_path / "seeds", tmp_path / "data", tmp_path / "home"
    seeds.mkdir()
    home.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, seeds / path.name)
    for name, value in (("NEWSEVENTS_SEEDS_DIR", seeds), ("NEWSEVENTS_DATA_DIR", data), ("DAGSTER_HOME", home)):
        monkeypatch.setenv(name, str(value))
    time.sleep(file_identity.SETTLED_NS / 1e9)  # the copies settle, so the first run can be recorded
    assert cli.main(["run"]) == 0
    first = capsys.readouterr().out
    through_dagster = []
    real = cli._run_with_dagster
    monkeypatch.setattr(cli, "_run_with_dagster", lambda *a: through_dagster.append(a) or real(*a))
    assert cli.main(["run"]) == 0
    assert through_dagster == [] and capsys.readouterr().out.split("warehouse:")[0] == first.split("warehouse:")[0]
    edited = sorted(seeds.glob("*.txt"))[0]
    edited.write_bytes(edited.read_bytes() + b"\nThe ministers met again in Paris on Tuesday.\n")
    assert cli.main(["run"]) == 0
    assert len(through_dagster) == 1
    out = capsys.readouterr().out
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as connection:
        sentences = connection.execute("SELECT count(*) FROM sentences").fetchone()[0]
    assert f"{'sentences':<20} {sentences:>8} rows" in out
    assert out.split("warehouse:")[0] != first.split("warehouse:")[0]  # one sentence more
    # that run started while the edit had not settled, and is recorded all the same
    assert cli.main(["run"]) == 0
    assert len(through_dagster) == 1 and capsys.readouterr().out.split("warehouse:")[0] == out.split("warehouse:")[0]
