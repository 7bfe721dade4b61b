"""Reliability: bad files, crashes and a busy database never lose data or stop the pipeline.

Four scenarios, each run on temp folders:

1. A seeds folder with one file of every awkward kind next to the two seeds: the run
   succeeds, every file is ingested with the right text or listed in `rejected_files`
   with a reason, and `python -m pipeline.cli run` on the same folder prints its counts.
2. Analysts keep querying the warehouse (read-only and read-write connections) while a
   rerun swaps in a new one: they never see an error, keep their snapshot, and a new
   connection sees the new data.
3. The pipeline process is SIGKILLed during extraction, while a cache entry is half
   written, while Parquet is half rewritten, while the warehouse is being built and right
   after it was swapped in: the previous warehouse stays intact, nothing half-written is
   trusted later, no temp file or stale run is left behind, and the next run gives the
   tables of a clean run.
4. Two independent runs on the same input give identical tables, ids included.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import psutil
import pytest

from pipeline.schemas import TABLES
from pipeline.storage import ExtractionCache
from tests.conftest import ROOT, SEED_000, SEED_004, SEEDS, run_pipeline, seed_text

pytestmark = pytest.mark.reliability  # kills and starves pipeline runs in subprocesses

BBC = ROOT.parent / "shared" / "corpora" / "bbc-news" / "politics"
VOLATILE = {"articles": "processed_at", "rejected_files": "detected_at"}
"""Timestamps of when a run happened: the only columns two runs may disagree on."""

# --------------------------------------------------------------------------- helpers


def warehouse_tables(data: Path, keep_volatile: bool = False) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, read through a fresh read-only connection."""
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as connection:
        tables = {}
        for table in TABLES:
            drop = None if keep_volatile else VOLATILE.get(table)
            columns = f"* EXCLUDE ({drop})" if drop else "*"
            tables[table] = connection.execute(f'SELECT {columns} FROM "{table}" ORDER BY ALL').fetchall()
    return tables


def row_counts(data: Path) -> dict[str, int]:
    return {table: len(rows) for table, rows in warehouse_tables(data).items()}


def cli_env(seeds: Path, data: Path, home: Path) -> dict[str, str]:
    """What `make run` sets, on temp folders; the instance uses the project's dagster.yaml
    (run queue with max_concurrent_runs: 1). A different hash seed than the test process
    makes any dependence of ids on set order show up as a difference."""
    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "dagster.yaml", home / "dagster.yaml")
    return {
        **os.environ,
        "NEWSEVENTS_SEEDS_DIR": str(seeds),
        "NEWSEVENTS_DATA_DIR": str(data),
        "DAGSTER_HOME": str(home),
        "PYTHONPATH": str(ROOT),
        "PYTHONHASHSEED": "12345",
    }


def leftovers(data: Path) -> list[str]:
    """Temp files of interrupted writes: atomic writes' `.*.tmp` and warehouse builds."""
    found = [p for p in data.rglob(".*.tmp")] + list(data.glob(".warehouse.*"))
    return sorted(str(p.relative_to(data)) for p in found)


# --------------------------------------------------------------------------- 1. bad files

WEIRD_NAME = "a b;'\"é.txt"
CP1252_TEXT = (
    "Talks resume in Vienna\n\nVIENNA, May 3 (Reuters) - Austria’s foreign minister said on Monday: "
    "“We will not accept this.” He added that the talks – the first since March – would continue.\n"
)
LATIN1_TEXT = (
    "Ministers meet in Zürich\n\nZÜRICH, May 4 (Reuters) - The Swiss foreign minister met his French "
    "counterpart in Zürich on Tuesday, officials said. « Nous avançons », the French minister told reporters.\n"
)
UTF16_TEXT = (
    "Peace talks in Baku\n\nBAKU, June 1 (Reuters) - Azerbaijan's president met the president of the "
    "European Council in Baku on Thursday, his office said.\n"
)
CRLF_TEXT = (
    "Leaders meet in Tbilisi\r\n\r\nTBILISI, June 2 (Reuters) - Georgia's prime minister hosted talks with "
    "Armenia's prime minister on Friday.\r\nThe two leaders agreed to meet again in July, a spokesman said.\r\n"
)
HTML_ARTICLE = (
    "<!DOCTYPE html>\n<html><head><title>Ministers meet in Geneva</title>"
    '<script>var tracker = "<p>not article text</p>";</script><style>p { color: red; }</style></head>\n'
    "<body><h1>Ministers meet in Geneva</h1>\n<p>GENEVA, March 3 (Reuters) - The foreign ministers of "
    "Armenia and Azerbaijan met in Geneva on Friday, officials said.</p>\n<p>&quot;We made progress,&quot; "
    "the Armenian foreign minister told reporters after the meeting.</p>\n</body></html>\n"
)
BLANK_PAGE = (
    '<!DOCTYPE html><html><head><title>Page not found</title><script>track("404")</script></head>'
    "<body>\n  <div>  </div>\n</body></html>\n"
)
WEIRD_TEXT = (
    "Talks in Yerevan\n\nYEREVAN, July 1 (Reuters) - Armenia's foreign minister met his French "
    "counterpart in Yerevan on Monday, the ministry said.\n"
)
NESTED_TEXT = (
    "Border talks in Moscow\n\nMOSCOW, July 5 (Reuters) - Russia's foreign minister said on Wednesday that "
    "Armenia and Azerbaijan had agreed to resume talks on their border.\n"
)
NOT_AN_ARTICLE = "Editors' notes NOTESMARKER: this markdown file is not an article.\n"

INGESTED = {  # source_file -> (article_id, encoding)
    "cp1252.txt": ("cp1252", "cp1252"),
    "latin1.txt": ("latin1", "latin-1"),
    "utf16-bom.txt": ("utf16-bom", "utf-16"),
    "utf8-bom-crlf.txt": ("utf8-bom-crlf", "utf-8-sig"),
    "html-article.txt": ("html-article", "utf-8"),
    "sub/nested.txt": ("sub/nested", "utf-8"),
    WEIRD_NAME: (WEIRD_NAME[: -len(".txt")], "utf-8"),
    f"{SEED_000}.txt": (SEED_000, "utf-8"),
    f"{SEED_004}.txt": (SEED_004, "utf-8"),
}
REJECTED = {  # source_file -> what the reason must say
    "empty.txt": "empty file (0 bytes)",
    "whitespace.txt": "only whitespace",
    "binary.txt": "binary file: contains NUL bytes",
    "blank-page.txt": "HTML with no article text",
    "huge.txt": "too large",
    "zz-duplicate.txt": f"duplicate of {SEED_000}.txt",
    "outside-link.txt": "symbolic link pointing outside the seeds folder",
}


def write_bad_seeds(seeds: Path, outside: Path) -> None:
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, seeds / path.name)
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "whitespace.txt").write_bytes(b"  \n\t\r\n   \n")
    (seeds / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (seeds / "cp1252.txt").write_bytes(CP1252_TEXT.encode("cp1252"))
    (seeds / "latin1.txt").write_bytes(LATIN1_TEXT.encode("latin-1"))
    (seeds / "utf16-bom.txt").write_bytes(UTF16_TEXT.encode("utf-16"))
    (seeds / "utf8-bom-crlf.txt").write_bytes(CRLF_TEXT.encode("utf-8-sig"))
    (seeds / "html-article.txt").write_text(HTML_ARTICLE, encoding="utf-8")
    (seeds / "blank-page.txt").write_text(BLANK_PAGE, encoding="utf-8")
    (seeds / "huge.txt").write_text("The minister spoke. " * 100_001, encoding="utf-8")  # > 2,000,000 chars
    shutil.copy(SEEDS / f"{SEED_000}.txt", seeds / "zz-duplicate.txt")
    (seeds / "notes.md").write_text(NOT_AN_ARTICLE, encoding="utf-8")
    (seeds / "sub").mkdir()
    (seeds / "sub" / "nested.txt").write_text(NESTED_TEXT, encoding="utf-8")
    target = outside / "secret.txt"
    outside = "Secret\n\nLONDON, May 1 (Reuters) - This file lies outside the seeds folder.\n"
    target.write_text(outside, encoding="utf-8")
    (seeds / "outside-link.txt").symlink_to(target)
    (seeds / WEIRD_NAME).write_text(WEIRD_TEXT, encoding="utf-8")


@pytest.fixture(scope="module")
def bad_seeds(tmp_path_factory) -> Path:
    seeds = tmp_path_factory.mktemp("bad-seeds")
    write_bad_seeds(seeds, tmp_path_factory.mktemp("outside"))
    return seeds


@pytest.fixture(scope="module")
def cli_process(bad_seeds, tmp_path_factory):
    """`python -m pipeline.cli run` (what `make run` does) on the same folder, in a fresh
    data folder; started first so that it runs while the in-process run does."""
    base = tmp_path_factory.mktemp("cli")
    env = cli_env(bad_seeds, base / "data", base / "home")
    with open(base / "stdout", "w") as stdout, open(base / "stderr", "w") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run"], cwd=ROOT, env=env,
                                   stdout=stdout, stderr=stderr, text=True)
    yield base, process
    if process.poll() is None:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def bad_run(bad_seeds, cli_process, tmp_path_factory):
    data = tmp_path_factory.mktemp("bad-data")
    result = run_pipeline(bad_seeds, data)
    return data, result


@pytest.fixture(scope="module")
def cli_run(cli_process):
    base, process = cli_process
    process.wait(timeout=900)
    done = subprocess.CompletedProcess(process.args, process.returncode,
                                       (base / "stdout").read_text(), (base / "stderr").read_text())
    return base / "data", done


def test_bad_files_do_not_stop_the_run(bad_run):
    data, result = bad_run
    assert result.success
    evaluations = result.get_asset_check_evaluations()
    failed = [(e.asset_key.to_user_string(), e.check_name) for e in evaluations if not e.passed]
    assert not failed
    assert leftovers(data) == []


def test_every_file_is_ingested_or_rejected_with_a_reason(bad_run):
    data, _ = bad_run
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as connection:
        articles = {r[0]: r[1:] for r in connection.execute(
            "SELECT source_file, article_id, encoding FROM articles").fetchall()}
        rejected = dict(connection.execute("SELECT source_file, reason FROM rejected_files").fetchall())
    assert articles == {source: tuple(expected) for source, expected in INGESTED.items()}
    assert set(rejected) == set(REJECTED)
    for source_file, reason in rejected.items():
        assert REJECTED[source_file] in reason, (source_file, reason)
        assert "Traceback" not in reason and "Error" not in reason  # words for a user, not an exception


def test_the_non_txt_file_appears_nowhere(bad_run):
    data, _ = bad_run
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as connection:
        for table, column in [("articles", "source_file"), ("rejected_files", "source_file"),
                              ("articles", "body"), ("sentences", "text")]:
            hits = connection.execute(
                f"SELECT count(*) FROM {table} WHERE {column} LIKE '%notes.md%' OR {column} LIKE '%NOTESMARKER%'"
            ).fetchone()[0]
            assert hits == 0, (table, column)


def test_decoded_text_is_right(bad_run, bad_seeds):
    data, _ = bad_run
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as connection:
        sentences = {}
        for article_id, start, end, text in connection.execute(
                "SELECT article_id, char_start, char_end, text FROM sentences"
                " ORDER BY article_id, sentence_id").fetchall():
            sentences.setdefault(article_id, []).append((start, end, text))
        bodies = dict(connection.execute("SELECT article_id, body FROM articles").fetchall())
    decoded = {
        "cp1252": CP1252_TEXT, "latin1": LATIN1_TEXT, "utf16-bom": UTF16_TEXT, "utf8-bom-crlf": CRLF_TEXT,
        "sub/nested": NESTED_TEXT, WEIRD_NAME[:-4]: WEIRD_TEXT,
        SEED_000: seed_text(SEED_000), SEED_004: seed_text(SEED_004),
    }
    for article_id, text in decoded.items():
        assert sentences[article_id], article_id
        for start, end, sentence in sentences[article_id]:
            assert text[start:end] == sentence, (article_id, sentence)
            assert "\r" not in sentence
    assert any("“We will not accept this.”" in s for _, _, s in sentences["cp1252"])
    assert "Austria’s" in bodies["cp1252"] and "–" in bodies["cp1252"]
    assert any("Zürich" in s for _, _, s in sentences["latin1"]) and "« Nous avançons »" in bodies["latin1"]
    assert "Azerbaijan's president" in bodies["utf16-bom"]
    assert any(s.startswith("The two leaders agreed") for _, _, s in sentences["utf8-bom-crlf"])
    html = " ".join(s for _, _, s in sentences["html-article"])
    assert "met in Geneva on Friday" in html and '"We made progress,"' in html
    assert not re.search(r"[<>]|tracker|color: red|&quot;", html)


def test_both_seeds_are_fully_processed(bad_run):
    data, _ = bad_run
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as connection:
        for seed in (SEED_000, SEED_004):
            def count(sql: str, seed: str = seed) -> int:
                return connection.execute(sql, [seed]).fetchone()[0]

            n_sentences = count("SELECT n_sentences FROM articles WHERE article_id = ?")
            counts = {table: count(f"SELECT count(*) FROM {table} WHERE article_id = ?")
                      for table in ("sentences", "mentions", "quotes", "event_mentions")}
            assert counts["sentences"] == n_sentences > 10, (seed, counts)
            assert counts["mentions"] > 20 and counts["quotes"] > 3 and counts["event_mentions"] > 0, (seed, counts)


def test_cli_run_succeeds_and_prints_one_count_per_table(cli_run):
    data, done = cli_run
    assert done.returncode == 0, done.stderr[-5000:]
    printed = dict(re.findall(r"^(\w+)\s+(\d+) rows$", done.stdout, flags=re.MULTILINE))
    assert list(printed) == list(TABLES), done.stdout
    assert {t: int(n) for t, n in printed.items()} == row_counts(data)
    assert int(printed["rejected_files"]) == len(REJECTED)
    assert leftovers(data) == []


# --------------------------------------------------------------------------- 4. idempotence


def test_two_runs_on_the_same_input_give_identical_tables(bad_run, cli_run, bad_seeds):
    """The in-process run and the CLI run started from empty data folders, in processes
    with different hash seeds; a rerun in the same folder changes nothing at all."""
    data, _ = bad_run
    cli_data, done = cli_run
    assert done.returncode == 0
    first = warehouse_tables(data)
    assert warehouse_tables(cli_data) == first
    exact = warehouse_tables(data, keep_volatile=True)
    assert run_pipeline(bad_seeds, data).success
    assert warehouse_tables(data, keep_volatile=True) == exact


# --------------------------------------------------------------------------- cache damage


def test_a_truncated_cache_entry_is_not_trusted(bad_run, bad_seeds, tmp_path):
    """A cache entry cut short after its header (a crash of the disk or the OS rather than
    of the pipeline) must be reprocessed, not stop every later run."""
    data_before, _ = bad_run
    seeds, data = tmp_path / "seeds", tmp_path / "data"
    shutil.copytree(bad_seeds, seeds, symlinks=True)
    shutil.copytree(data_before, data, symlinks=True)
    before = warehouse_tables(data)
    entry = ExtractionCache(data)._path(SEED_000)
    entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])
    (seeds / "sub" / "nested.txt").write_text(NESTED_TEXT + "The talks will resume in August.\n", encoding="utf-8")
    result = run_pipeline(seeds, data)
    assert result.success
    after = warehouse_tables(data)
    for table in ("sentences", "mentions", "quotes"):
        assert [r for r in after[table] if SEED_000 in r] == [r for r in before[table] if SEED_000 in r], table


# --------------------------------------------------------------------------- 2. readers

READER = r"""
import json, os, sys, time
import duckdb

database, stop, mode = sys.argv[1:4]
connection = duckdb.connect(database, read_only=mode == "read_only")
query = '''SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sentences),
                  (SELECT count(*) FROM quote_book), (SELECT count(*) FROM event_timeline)'''
queries, errors, seen = 0, [], set()
while True:
    try:
        seen.add(tuple(connection.execute(query).fetchone()))
    except Exception as error:
        errors.append(f"{type(error).__name__}: {error}")
    queries += 1
    if queries == 1:
        print("ready", flush=True)
    if os.path.exists(stop):
        break
    time.sleep(0.005)
connection.close()
summary = {"queries": queries, "errors": errors[:10], "n_errors": len(errors), "seen": sorted(seen)}
print(json.dumps(summary), flush=True)
"""
SNAPSHOT = """SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sentences),
                     (SELECT count(*) FROM quote_book), (SELECT count(*) FROM event_timeline)"""


@pytest.mark.parametrize("mode", ["read_only", "read_write"])
def test_analysts_querying_during_a_rerun_never_fail(mode, bad_run, bad_seeds, tmp_path):
    data_before, _ = bad_run
    seeds, data = tmp_path / "seeds", tmp_path / "data"
    shutil.copytree(bad_seeds, seeds, symlinks=True)
    shutil.copytree(data_before, data, symlinks=True)
    database, stop = data / "warehouse.duckdb", tmp_path / "stop"
    with duckdb.connect(str(database), read_only=True) as connection:
        old = connection.execute(SNAPSHOT).fetchone()

    reader = subprocess.Popen([sys.executable, "-c", READER, str(database), str(stop), mode],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "ready", reader.stderr.read()
        edited = seeds / f"{SEED_004}.txt"
        addition = "\nLavrov also met reporters in Moscow on Wednesday.\n"
        edited.write_text(seed_text(SEED_004) + addition, encoding="utf-8")
        result = run_pipeline(seeds, data)
        time.sleep(0.2)  # the reader keeps going after the swap too
    finally:
        stop.touch()
        out, err = reader.communicate(timeout=60)
    assert result.success
    report = json.loads(out.strip().splitlines()[-1])
    assert report["n_errors"] == 0, report["errors"]
    assert report["queries"] > 10
    assert [tuple(s) for s in report["seen"]] == [old]  # one consistent snapshot: the old warehouse
    with duckdb.connect(str(database), read_only=True) as connection:
        new = connection.execute(SNAPSHOT).fetchone()
    assert new[0] == old[0] and new[1] > old[1]  # same articles, one more sentence
    assert leftovers(data) == []


# --------------------------------------------------------------------------- 3. crashes

ZYGOTE = r"""
import json, os, sys, time
from pathlib import Path

import pipeline.cli as cli
import pipeline.defs.jobs as jobs
from pipeline import storage
from pipeline.nlp.model import load_nlp

# The CLI's own code path, minus the gold-set evaluation (independent of seeds and warehouse).
jobs.CORPUS_JOB_WITH_EVALUATION = jobs.REFRESH_JOB
load_nlp()
log = sys.argv[1]


def hang(marker):
    marker.write_text(str(os.getpid()))
    time.sleep(600)


def inject(point, marker):
    if point == "cache_write":  # first entry written, second one half written
        real_put, calls = storage.ExtractionCache.put, []

        def put(self, extraction, version):
            calls.append(extraction)
            if len(calls) == 1:
                return real_put(self, extraction, version)
            with storage.atomic_path(self._path(extraction.article["article_id"])) as temp:
                temp.write_bytes(b"half a cache entry")
                hang(marker)

        storage.ExtractionCache.put = put
    elif point == "parquet_write":  # articles .. mentions rewritten, events half written
        from pipeline.defs.assets import core
        real_write = core.write_table

        def write_table(data_dir, table, frame):
            if table == "events":
                with storage.atomic_path(storage.table_path(data_dir, table)) as temp:
                    temp.write_bytes(b"PAR1 half a parquet file")
                    hang(marker)
            return real_write(data_dir, table, frame)

        core.write_table = write_table
    elif point == "warehouse_build":  # every table loaded, transaction not committed
        from pipeline import warehouse
        real_load = warehouse._load

        def _load(connection, data_dir):
            real_load(connection, data_dir)
            hang(marker)

        warehouse._load = _load
    elif point == "warehouse_swapped":  # new warehouse renamed into place, nothing after
        from pipeline.defs.assets import warehouse as asset
        real_build = asset.build_warehouse

        def build_warehouse(data_dir):
            path = real_build(data_dir)
            hang(marker)
            return path

        asset.build_warehouse = build_warehouse
    elif point != "none":
        raise ValueError(point)


print("ready", flush=True)
for line in sys.stdin:
    point, marker = json.loads(line)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        code = 98
        try:
            inject(point, Path(marker))
            code = cli.main(["run"])
        except BaseException:
            import traceback
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    print(json.dumps({"pid": pid}), flush=True)
    _, status = os.waitpid(pid, 0)
    print(json.dumps({"exit_code": os.waitstatus_to_exitcode(status)}), flush=True)
"""


class Zygote:
    """One process that imports the pipeline and loads the model once, then forks a child
    per run; each child runs the CLI's `run` and is SIGKILLed at an injected point. Saves
    the start-up cost of a fresh interpreter per crash (a few seconds each)."""

    def __init__(self, env: dict[str, str], log: Path):
        """Starts the process without waiting for it, so it imports while the test goes on."""
        self.log = log
        self.process = subprocess.Popen([sys.executable, "-c", ZYGOTE, str(log)], cwd=ROOT, env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.ready = False

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-6000:] if self.log.exists() else ""

    def run(self, point: str, marker: Path | None = None) -> int:
        """Exit code of one CLI run; with a marker, the run is SIGKILLed once it reaches `point`."""
        if not self.ready:
            assert self.process.stdout.readline().strip() == "ready", self.tail()
            self.ready = True
        self.process.stdin.write(json.dumps([point, str(marker)]) + "\n")
        self.process.stdin.flush()
        pid = json.loads(self.process.stdout.readline())["pid"]
        if marker is not None:
            deadline = time.monotonic() + 300
            while not marker.exists():
                assert time.monotonic() < deadline and psutil.pid_exists(pid), f"never reached {point}\n{self.tail()}"
                time.sleep(0.02)
            os.kill(pid, signal.SIGKILL)
            marker.unlink()
        return json.loads(self.process.stdout.readline())["exit_code"]

    def close(self):
        self.process.stdin.close()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


BBC_ARTICLES = (  # short ones, so parsing is quick, whose entities and events pass every blocking check
    "blunkett-hints-at-election-call", "kilroy-unveils-immigration-policy",
    "ukip-outspent-labour-on-eu-poll", "candidate-resigns-over-bnp-link",
)


def bbc_articles() -> list[Path]:
    return [BBC / f"{name}.txt" for name in BBC_ARTICLES]


def set_seeds(seeds: Path, state: str) -> None:
    """"before": the two seeds and two BBC articles; "after": two more BBC articles.

    Only additions, so going back to "before" gives the very same cache entries (and
    `processed_at`) and Parquet bytes: the case where a stale fingerprint would be believed.
    (Edits and deletions on reruns are covered by tests/test_reruns.py.)"""
    shutil.rmtree(seeds, ignore_errors=True)
    seeds.mkdir()
    bbc = bbc_articles()[: 2 if state == "before" else 4]
    for path in [SEEDS / f"{SEED_000}.txt", SEEDS / f"{SEED_004}.txt", *bbc]:
        shutil.copyfile(path, seeds / path.name)


def assert_untouched(data: Path, before: dict[str, list[tuple]]) -> None:
    """The previous warehouse answers a new connection with exactly its old rows, and no
    temp file sits where a reader or the next run would take it for data."""
    assert warehouse_tables(data, keep_volatile=True) == before
    assert [p.name for p in data.glob("*.duckdb")] == ["warehouse.duckdb"]
    for table in TABLES:
        assert [p.name for p in (data / "parquet" / table).glob("*.parquet")] == [f"{table}.parquet"]


def kill_cli_during_extraction(env: dict[str, str]) -> str:
    """`python -m pipeline.cli run`, SIGKILLed as soon as it logs that it starts extracting."""
    process = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run"], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seen = []
    for line in process.stdout:
        seen.append(line)
        if "to (re)process" in line:
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    process.stdout.close()
    assert process.returncode == -signal.SIGKILL, "".join(seen)[-5000:]
    return seen[-1]


@pytest.mark.skipif(not BBC.is_dir(), reason="needs the BBC corpus under /work/shared")
def test_sigkill_at_any_point_loses_nothing(tmp_path):
    from dagster import DagsterInstance, DagsterRunStatus

    seeds, data, home = tmp_path / "seeds", tmp_path / "data", tmp_path / "home"
    set_seeds(seeds, "before")
    env = cli_env(seeds, data, home)
    zygote = Zygote(env, tmp_path / "runs.log")  # imports while the first run goes on
    try:
        assert run_pipeline(seeds, data).success
        before = warehouse_tables(data, keep_volatile=True)
        old = warehouse_tables(data)

        def revert_and_rerun():
            """Take the added articles out again and rerun: whatever the killed run wrote
            must not be mistaken for the tables of these inputs."""
            set_seeds(seeds, "before")
            assert run_pipeline(seeds, data).success
            assert warehouse_tables(data) == old
            set_seeds(seeds, "after")

        set_seeds(seeds, "after")
        cache = sorted((p.name, p.read_bytes()) for p in (data / "cache" / "articles").glob("*.pkl"))
        kill_cli_during_extraction(env)
        assert_untouched(data, before)
        assert sorted((p.name, p.read_bytes()) for p in (data / "cache" / "articles").glob("*.pkl")) == cache

        marker = tmp_path / "reached"
        assert zygote.run("cache_write", marker) == -signal.SIGKILL
        assert_untouched(data, before)

        assert zygote.run("parquet_write", marker) == -signal.SIGKILL
        assert_untouched(data, before)
        revert_and_rerun()
        before = warehouse_tables(data, keep_volatile=True)

        assert zygote.run("warehouse_build", marker) == -signal.SIGKILL
        assert_untouched(data, before)

        assert zygote.run("warehouse_swapped", marker) == -signal.SIGKILL
        swapped = warehouse_tables(data)  # the new warehouse, complete, though its run died
        assert swapped != old
        revert_and_rerun()

        assert zygote.run("none") == 0, zygote.tail()
    finally:
        zygote.close()

    clean = tmp_path / "clean"
    assert run_pipeline(seeds, clean).success
    assert warehouse_tables(data) == warehouse_tables(clean) == swapped
    assert leftovers(data) == []
    with DagsterInstance.from_config(str(home)) as instance:
        statuses = [run.status for run in instance.get_runs()]  # newest first
    assert statuses[0] == DagsterRunStatus.SUCCESS, statuses  # the last CLI call's corpus-level run
    assert statuses.count(DagsterRunStatus.FAILURE) == 5, statuses  # the killed runs, marked as such
    assert set(statuses) == {DagsterRunStatus.SUCCESS, DagsterRunStatus.FAILURE}, statuses
