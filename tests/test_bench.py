"""The benchmark's helpers on a tiny folder: corpus handling, replication, RSS sampling, the report.

No timing assertions: the benchmark itself is `make bench`.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from benchmarks import corpus as inputs
from benchmarks import measuring, repeats, runlog, stages
from benchmarks import report as targets
from benchmarks.config import FULL_SCALES, QUICK_ARTICLES, QUICK_SCALES, BenchConfig
from pipeline.nlp.ingest import ingest

pytestmark = pytest.mark.bench  # real subprocesses and memory sampling


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "politics").mkdir(parents=True)
    (root / "tech").mkdir()
    (root / ".hidden").mkdir()
    (root / "politics" / "a.txt").write_text("Talks resume\n\nThe minister said talks resume on Monday.\n")
    (root / "politics" / "a.meta.json").write_text('{"outlet": "BBC"}')
    (root / "politics" / "b.TXT").write_text("Vote delayed\n\nParliament delayed the vote.\n")
    (root / "tech" / "c.txt").write_text("New phone\n\nA new phone goes on sale in May.\n")
    (root / ".hidden" / "d.txt").write_text("hidden, not an article")
    (root / "LICENSE").write_text("MIT")
    return root


def test_article_files_are_the_txt_files_sorted_without_hidden_ones(corpus):
    names = [p.relative_to(corpus).as_posix() for p in inputs.article_files(corpus)]
    assert names == ["politics/a.txt", "politics/b.TXT", "tech/c.txt"]


def test_spread_sample_spreads_and_keeps_order():
    files = [Path(f"{i:03}.txt") for i in range(10)]
    assert inputs.spread_sample(files, None) == files
    assert inputs.spread_sample(files, 20) == files
    assert inputs.spread_sample(files, 0) == []
    picked = inputs.spread_sample(files, 5)
    assert picked == [files[i] for i in (0, 2, 4, 6, 8)]


def test_replicas_have_new_names_distinct_bytes_and_the_same_text(corpus, tmp_path):
    files = inputs.article_files(corpus)
    dest = tmp_path / "seeds"
    written = inputs.replicate(files, corpus, dest, 3)
    assert len(written) == 9
    assert {p.relative_to(dest).parts[0] for p in written} == {"x0", "x1", "x2"}
    original = (corpus / "politics" / "a.txt").read_bytes()
    for k in range(3):
        copy = (dest / f"x{k}" / "politics" / "a.txt").read_bytes()
        assert copy == original + b"\n" * k
        assert (dest / f"x{k}" / "politics" / "a.meta.json").is_file()
    assert len({p.read_bytes() for p in written}) == 9


def test_the_pipeline_ingests_every_replica_none_as_a_duplicate(corpus, tmp_path):
    dest = tmp_path / "seeds"
    inputs.replicate(inputs.article_files(corpus), corpus, dest, 4)
    articles, rejections = ingest(dest)
    assert len(articles) == 12
    assert rejections == []
    texts = {a.text.strip() for a in articles}
    assert len(texts) == 3  # the same three articles, four times over


def test_words_and_one_edit(corpus, tmp_path):
    files = inputs.article_files(corpus)
    assert inputs.count_words(files) == 9 + 6 + 10
    inputs.replicate(files, corpus, tmp_path / "seeds", 1)
    target = tmp_path / "seeds" / "x0" / "tech" / "c.txt"
    before = target.read_bytes()
    inputs.edit_one_article(target)
    after = target.read_bytes()
    assert after != before and after.startswith(before.rstrip(b"\n"))


def test_tree_rss_counts_children():
    child = subprocess.Popen(
        [sys.executable, "-c",
         "import subprocess, sys, time; p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(30)']);"
         " print('ready', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE,
    )
    try:
        assert child.stdout.readline().strip() == b"ready"
        root = psutil.Process(child.pid)
        total, own, alive = measuring.tree_rss(root)
        assert alive == 2
        assert own > 0 and total > own
    finally:
        for process in psutil.Process(child.pid).children(recursive=True):
            process.kill()
        child.kill()
        child.wait()
    assert measuring.tree_rss(root) == (0, 0, 0)


def test_measure_records_exit_status_peak_memory_and_output(tmp_path):
    script = "import time; block = bytearray(64 * 1024 * 1024); time.sleep(0.5); print('done')"
    result = measuring.measure("probe", [sys.executable, "-c", script], {}, tmp_path / "probe.log")
    assert result.ok and result.stdout.strip() == "done"
    assert result.peak_rss >= 64 * 1024 * 1024
    assert result.samples >= 1 and result.peak_processes == 1
    failing = measuring.measure("fail", [sys.executable, "-c", "raise SystemExit(3)"], {}, tmp_path / "fail.log")
    assert failing.returncode == 3 and not failing.ok


def test_sampler_keeps_the_processes_at_the_peak():
    script = ("import ctypes, time; ctypes.CDLL(None).prctl(15, b'probe-step', 0, 0, 0);"
              " block = bytearray(64 * 1024 * 1024); time.sleep(0.6)")
    child = subprocess.Popen([sys.executable, "-c", "import subprocess, sys, time;"
                              f" subprocess.run([sys.executable, '-c', {script!r}]); time.sleep(0.3)"])
    sampler = measuring.PeakSampler(child.pid, interval=0.02)
    sampler.start()
    child.wait()
    sampler.stop()
    names = [row["name"] for row in sampler.peak_tree]
    assert names[0] == "main" and "probe-step" in names
    step = next(row for row in sampler.peak_tree if row["name"] == "probe-step")
    assert step["rss_mib"] >= 64 and step["parent"] == child.pid
    assert sum(row["rss_mib"] for row in sampler.peak_tree) == pytest.approx(sampler.peak / measuring.MIB, abs=2)
    assert 0 < sampler.peak_seconds < 5


def test_describe_tree_puts_the_root_first_then_the_largest():
    mib = measuring.MIB
    rows = measuring.describe_tree(10, [(11, 10, "warm-extract", 500 * mib), (10, 1, "python", 300 * mib),
                                        (12, 11, "extract-pool", 600 * mib)])
    assert [(r["name"], r["rss_mib"]) for r in rows] == [("main", 300), ("extract-pool", 600), ("warm-extract", 500)]


def test_the_report_names_the_processes_at_each_peak():
    tree = [{"name": "main", "pid": 1, "parent": 0, "rss_mib": 382}, {"name": "warehouse", "pid": 3, "parent": 1,
             "rss_mib": 1280}, {"name": "extract-pool", "pid": 4, "parent": 2, "rss_mib": 5},
            {"name": "extract-pool", "pid": 5, "parent": 2, "rss_mib": 6}]
    report = {"runs": {"x4": {"peak_rss_mib": 1673, "peak_at_seconds": 342.5, "peak_tree": tree}, "x1": {}}}
    assert targets.format_peaks(report) == (
        "  pipeline x4            1,673 MiB at 342.5 s: main 382, warehouse 1,280, extract-pool 5+6")


def test_sampler_stops():
    sampler = measuring.PeakSampler(psutil.Process().pid, interval=0.01)
    sampler.start()
    time.sleep(0.05)
    sampler.stop()
    assert not sampler.is_alive() and sampler.peak > 0 and sampler.samples >= 1


@pytest.mark.parametrize(
    "text, seconds",
    [
        ("850ms", 0.85), ("12.34s", 12.34), ("1m 5s", 65.0), ("3m58s", 238.0), ("2m", 120.0), ("1h 2m 3s", 3723.0),
        ("soon", None),
    ],
)
def test_dagster_durations(text, seconds):
    assert runlog.parse_duration(text) == seconds


def test_run_details_read_rows_processed_and_steps(tmp_path):
    log = tmp_path / "run.log"
    log.write_text(
        'article_extractions - 10 partitions: 10 articles, 2 to (re)process, 0 rejected\n'
        'STEP_SUCCESS - Finished execution of step "article_extractions" in 1m 2s.\n'
        'article_extractions - 3 partitions: 2 articles, 1 to (re)process, 1 rejected\n'
        'STEP_SUCCESS - Finished execution of step "article_extractions" in 2s.\n'
        'STEP_SUCCESS - Finished execution of step "core_tables" in 3.5s.\n'
    )
    stdout = "articles                   12 rows\nquotes 0 rows\n"
    result = measuring.Measurement("x", 0, 1.0, 1, 1, 1, 1, str(log), stdout=stdout)
    details = runlog.run_details(result)
    assert details["row_counts"] == {"articles": 12, "quotes": 0}
    assert (details["articles"], details["processed"], details["rejected"]) == (12, 3, 1)
    assert details["step_seconds"] == {"article_extractions": 64.0, "core_tables": 3.5}  # two range runs


def test_run_details_of_a_rerun_with_nothing_to_extract(tmp_path):
    log = tmp_path / "run.log"
    log.write_text('STEP_SUCCESS - Finished execution of step "core_tables" in 1.5s.\n')
    details = runlog.run_details(measuring.Measurement("x", 0, 1.0, 1, 1, 1, 1, str(log), stdout=""))
    assert details["processed"] == 0 and "articles" not in details


def _entry(seconds: float, peak_mib: int, ok: bool = True) -> dict:
    return {
        "ok": ok, "seconds": seconds, "cpu_seconds": 1.5 * seconds,
        "words": 1000, "articles": 10, "words_per_second": int(1000 / seconds),
        "peak_rss_bytes": peak_mib * measuring.MIB, "peak_rss_mib": peak_mib, "peak_rss_main_mib": peak_mib // 2,
        "peak_processes": 3, "step_seconds": {"article_extractions": seconds / 2},
    }


def test_targets_and_table():
    report = {
        "baseline": repeats.combine([_entry(10.0, 800), _entry(10.4, 800)]),
        "runs": {"x1": repeats.combine([_entry(11.0, 1000), _entry(11.4, 1100)]), "x2": _entry(25.0, 1200),
                 "x4": _entry(60.0, 1300)},
        "reruns": {"no_change": _entry(0.4, 500), "one_article": _entry(0.5, 600)},
    }
    checks = {c.name: c for c in targets.evaluate(report)}
    assert [c.passed for c in checks.values()] == [True, True, False, True, True, False]  # x4: 5.36x; 0.4 s: 3.6%
    wall = checks["pipeline x1 / bare spaCy <= 1.15 (wall, medians)"]
    assert "11.2 s / 10.2 s = 1.10" in wall.detail and "cannot flip" in wall.detail  # 11.0/10.4 .. 11.4/10.0
    assert "1,300 MiB / 1,100 MiB = 1.18x" in checks["x4 peak memory <= 1.2 x the x1 peak and < 4 GiB"].detail
    table = targets.format_table(report)
    assert "pipeline x4" in table and "rerun, 1 edited" in table and "5.36" in table and "11.0-11.4" in table
    assert "article_extractions" in targets.format_steps(report)


def test_a_ratio_whose_ranges_straddle_the_target_says_noise_could_flip_it():
    report = {"baseline": repeats.combine([_entry(10.0, 800), _entry(12.0, 800)]),
              "runs": {"x1": repeats.combine([_entry(11.0, 1000), _entry(13.0, 1000)])}, "reruns": {}}
    wall = targets.evaluate(report)[0]
    assert wall.passed is True and "could flip" in wall.detail  # 12/11 = 1.09, but 13/10 = 1.3
    assert "pair by pair 1.10, 1.08" in wall.detail  # 11/10, 13/12


def test_rerun_shares_are_judged_on_medians_and_say_whether_noise_could_flip_them():
    report = {"runs": {"x1": repeats.combine([_entry(10.0, 1000), _entry(12.0, 1000)])},
              "reruns": {"one_article": repeats.combine([_entry(0.45, 600), _entry(0.52, 600), _entry(0.50, 600)]),
                         "no_change": repeats.combine([_entry(0.2, 500), _entry(0.25, 500), _entry(0.3, 500)])}}
    checks = {c.name: c for c in targets.evaluate(report)}
    one = checks["one-article rerun < 5% of the full run"]
    assert one.passed is True and "0.5 s / 11.0 s = 4.5%" in one.detail  # median 0.50 of 0.45-0.52
    assert "3.7%-5.2%" in one.detail and "could flip" in one.detail  # 0.45/12 .. 0.52/10
    same = checks["no-change rerun < 3% of the full run"]
    assert same.passed is True and "1.7%-3.0%" in same.detail and "could flip" in same.detail  # 3.0% is not < 3%
    report["reruns"]["no_change"] = repeats.combine([_entry(0.2, 500), _entry(0.22, 500)])
    assert "cannot flip" in {c.name: c for c in targets.evaluate(report)}["no-change rerun < 3% of the full run"].detail


def test_combine_takes_medians_ranges_and_the_largest_peak():
    combined = repeats.combine([_entry(10.0, 800), _entry(14.0, 900, ok=False), _entry(12.0, 700)])
    assert combined["seconds"] == 12.0 and combined["seconds_range"] == [10.0, 14.0]
    assert combined["peak_rss_mib"] == 900 and combined["n"] == 3 and combined["ok"] is False
    assert combined["step_seconds"] == {"article_extractions": 6.0}
    assert repeats.ratio({"seconds": 12.0, "seconds_range": [11.0, 13.0]}, {"seconds": 10.0}) == {
        "median": 1.2, "low": 1.1, "high": 1.3}


def test_interleaved_runs_give_each_pair_s_own_ratio():
    pipeline = repeats.combine([_entry(11.0, 1000), _entry(13.0, 1000)])
    baseline = repeats.combine([_entry(10.0, 800), _entry(12.5, 800)])
    assert repeats.ratio(pipeline, baseline)["pairs"] == [1.1, 1.04]  # each run against the one just before it
    assert "pairs" not in repeats.ratio(pipeline, repeats.combine([_entry(10.0, 800)]))


def test_targets_when_runs_failed():
    report = {"runs": {"x1": _entry(12.0, 1000, ok=False)}, "reruns": {}}
    assert all(c.passed is None for c in targets.evaluate(report))
    assert "FAILED" in targets.format_table(report)


def test_the_batch_size_sweep_leaves_out_sizes_that_idle_a_worker():
    sizes = (256, 32, 128, 64)
    assert stages.sweep_batch_sizes(2065, 2, sizes) == [32, 64, 128, 256]  # the full corpus: all of them
    assert stages.sweep_batch_sizes(300, 2, sizes) == [32, 64]  # 300 / 128 < 2 batches per worker
    assert stages.sweep_batch_sizes(300, 1, sizes) == [32, 64, 128]
    assert stages.sweep_batch_sizes(3, 2, sizes) == [32]


def test_measure_kills_a_stage_past_its_time_limit(tmp_path):
    script = (
        "import signal, time; signal.signal(signal.SIGTERM, lambda *a: None); print('up', flush=True); time.sleep(60)"
    )
    # it ignores SIGTERM, so SIGKILL follows after the grace
    command = [sys.executable, "-c", script]
    result = measuring.measure("hang", command, {}, tmp_path / "hang.log", timeout=1.0, kill_grace=0.5)
    assert result.returncode == measuring.TIMED_OUT and not result.ok
    assert result.stdout.strip() == "up"


def test_snapshot_copies_the_code_without_caches(tmp_path):
    root = tmp_path / "project"
    (root / "pipeline" / "__pycache__").mkdir(parents=True)
    (root / "pipeline" / "__init__.py").write_text("")
    (root / "pipeline" / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"\0")
    (root / "eval" / "gold").mkdir(parents=True)
    (root / "eval" / "gold" / "a.json").write_text("{}")
    (root / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    (root / "benchmarks").mkdir()
    (root / "benchmarks" / "bench.py").write_text("")
    (root / "data").mkdir()
    copy = inputs.snapshot_code(tmp_path / "code", root)
    files = sorted(p.relative_to(copy).as_posix() for p in copy.rglob("*") if p.is_file() and p.suffix != ".pyc")
    assert files == ["benchmarks/bench.py", "dagster.yaml", "eval/gold/a.json", "pipeline/__init__.py"]
    # no cache is copied; the copy's own modules are compiled, so no stage compiles them again
    compiled = sorted(p.relative_to(copy).as_posix() for p in copy.rglob("*.pyc"))
    assert compiled == [f"benchmarks/__pycache__/bench.{sys.implementation.cache_tag}.pyc",
                        f"pipeline/__pycache__/__init__.{sys.implementation.cache_tag}.pyc"]


def test_failure_reason_is_the_last_exception_line(tmp_path):
    log = tmp_path / "run.log"
    log.write_text(
        "Traceback (most recent call last):\n  File 'x.py', line 1\n"
        "ValueError: duplicate verb trigger 'strike'\n\"\"\"\n"
        "dagster._core.errors.DagsterAssetCheckFailedError: 1 blocking asset check failed with ERROR severity:\n"
        "entities: aliases_unique\n\n"
        "pipeline run failed; see the log above\n\n--- stdout ---\n"
    )
    reason = runlog.failure_reason(log)
    assert reason.startswith("dagster._core.errors.DagsterAssetCheckFailedError: 1 blocking")
    assert reason.endswith("severity: entities: aliases_unique")
    (tmp_path / "plain.log").write_text("something went wrong\n\n--- stdout ---\n")
    assert runlog.failure_reason(tmp_path / "plain.log") == "something went wrong"


def test_config_from_options_and_environment(tmp_path):
    full = BenchConfig.from_options({"NEWSEVENTS_BENCH_CORPUS": str(tmp_path)})
    assert (full.corpus, full.articles, full.scales, full.report_name) == (tmp_path, None, FULL_SCALES, "report.json")
    assert (full.batch_sizes, full.repeats) == ((32, 64, 128, 256), 2)
    quick = BenchConfig.from_options({"NEWSEVENTS_BENCH_QUICK": "1", "NEWSEVENTS_BENCH_KEEP": "0"})
    assert (quick.quick, quick.keep, quick.articles, quick.scales) == (True, False, QUICK_ARTICLES, QUICK_SCALES)
    assert quick.report_name == "report-quick.json"
    custom = BenchConfig.from_options({}, articles=5, scales="1,3", keep=True, batch_sizes="16,8", repeats=3)
    assert (custom.articles, custom.scales, custom.keep, custom.report_name) == (5, (1, 3), True, "report-custom.json")
    assert (custom.batch_sizes, custom.repeats) == ((16, 8), 3)


def test_stages_put_the_snapshot_first_on_the_path(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", "/elsewhere")
    config = BenchConfig.from_options({})
    env = stages.Stages(config, tmp_path / "logs", tmp_path / "code", tmp_path / "cache").env(
        DAGSTER_HOME=tmp_path / "home"
    )
    assert env["PYTHONPATH"].split(":") == [str(tmp_path / "code"), "/elsewhere"]
    assert env["NEWSEVENTS_CACHE_DIR"] == str(tmp_path / "cache")
    assert env["DAGSTER_HOME"] == str(tmp_path / "home")
    assert stages.Stages(config, tmp_path / "logs").env()["PYTHONPATH"] == "/elsewhere"
