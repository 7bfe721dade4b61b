"""Reruns follow the seeds folder: unchanged articles are left alone, edits and deletions propagate."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from pipeline.nlp import version
from pipeline.nlp.version import extractor_version
from tests.conftest import SEED_000, SEED_004, SEEDS, run_pipeline

pytestmark = pytest.mark.slow  # runs the whole pipeline on the seeds

BBC = SEEDS.parent.parent / "shared" / "corpora" / "bbc-news" / "politics"
EXTRA = "abbas-will-not-tolerate-attacks"
ARTICLE_TABLES = ("articles", "sentences", "mentions", "quotes", "stances", "event_mentions")


def snapshot(data):
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as connection:
        processed = dict(connection.execute("SELECT article_id, processed_at FROM articles").fetchall())
        per_table = {
            table: dict(connection.execute(f"SELECT article_id, count(*) FROM {table} GROUP BY 1").fetchall())
            for table in ARTICLE_TABLES
        }
        entities = {r[0] for r in connection.execute("SELECT entity_id FROM entities").fetchall()}
    return processed, per_table, entities


def extracted_partitions(outcome) -> set[str]:
    return {
        m.partition for r in outcome.results for m in r.asset_materializations_for_node("article_extractions")
    }


@pytest.fixture()
def folders(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, seeds / path.name)
    shutil.copy(BBC / f"{EXTRA}.txt", seeds / f"{EXTRA}.txt")
    return seeds, tmp_path / "data"


def test_edit_add_delete_and_no_change(folders):
    seeds, data = folders
    first_run = run_pipeline(seeds, data)
    assert first_run.success
    assert extracted_partitions(first_run) == {f"{SEED_000}.txt", f"{SEED_004}.txt", f"{EXTRA}.txt"}
    first, counts, entities = snapshot(data)
    assert set(first) == {SEED_000, SEED_004, EXTRA}
    assert any(e.startswith("person:") and "abbas" in e for e in entities)

    unchanged = run_pipeline(seeds, data)
    assert unchanged.success and extracted_partitions(unchanged) == set()
    assert unchanged.up_to_date and unchanged.results == []  # not even the corpus-level job starts
    again, counts_again, _ = snapshot(data)
    assert again == first and counts_again == counts

    edited = seeds / f"{SEED_004}.txt"
    edited.write_bytes(edited.read_bytes() + b"\nLavrov also met reporters in Moscow.")
    (seeds / "new-article.txt").write_text(
        "New talks\n\nThe foreign ministers of France and Germany met in Paris on Monday.", encoding="utf-8"
    )
    (seeds / f"{EXTRA}.txt").unlink()
    edited_run = run_pipeline(seeds, data)
    assert edited_run.success
    assert extracted_partitions(edited_run) == {f"{SEED_004}.txt", "new-article.txt"}
    after, counts_after, entities_after = snapshot(data)

    assert after[SEED_000] == first[SEED_000]
    assert after[SEED_004] > first[SEED_004]
    assert "new-article" in after
    assert EXTRA not in after
    for table in ARTICLE_TABLES:
        assert EXTRA not in counts_after[table], table
    assert not any("abbas" in e for e in entities_after)
    assert counts_after["sentences"][SEED_004] == counts["sentences"][SEED_004] + 1


def test_a_missing_output_brings_the_corpus_job_back(folders):
    seeds, data = folders
    assert run_pipeline(seeds, data).success
    (data / "exports" / "events.csv").unlink()
    again = run_pipeline(seeds, data)
    assert again.success and not again.up_to_date and extracted_partitions(again) == set()
    assert (data / "exports" / "events.csv").is_file()
    assert run_pipeline(seeds, data).up_to_date


def test_extractor_change_reprocesses_everything(folders, monkeypatch):
    seeds, data = folders
    assert run_pipeline(seeds, data).success
    first, _, _ = snapshot(data)
    installed = version.installed_version  # an upgrade of spaCy changes the fingerprint
    monkeypatch.setattr(version, "installed_version", lambda p: installed(p) + (".post1" if p == "spacy" else ""))
    extractor_version.cache_clear()
    try:
        assert run_pipeline(seeds, data).success
    finally:
        monkeypatch.undo()
        extractor_version.cache_clear()
    after, _, _ = snapshot(data)
    assert all(after[a] > first[a] for a in first)


@pytest.mark.parametrize("sentence", [
    "\nSergei Lavrov later met Nikol Pashinyan in Moscow.",
    "\nThis article was updated by the benchmark.\n",  # nothing resolution reads: it is not run
])
def test_a_one_article_rerun_equals_a_run_from_nothing(folders, monkeypatch, sentence):
    """After an edit the tables, the exports and the check results come out of everything kept
    between runs (the rows of unchanged articles, what pass 1 read, the people clusters, the
    checks' results, the validated lines, the last resolution when what it reads is unchanged):
    exactly what a run from the same extractions makes in an empty data folder."""
    import pyarrow.parquet as pq

    from pipeline.nlp import file_identity
    from pipeline.schemas import TABLES
    from pipeline.storage import table_path

    seeds, data = folders
    monkeypatch.setattr(file_identity, "SETTLED_NS", -60 * 10**9)  # every file counts as settled: memos in use
    assert run_pipeline(seeds, data).success
    edited = seeds / f"{SEED_000}.txt"
    edited.write_bytes(edited.read_bytes() + sentence.encode())
    with monkeypatch.context() as patched:
        if "benchmark" in sentence:  # resolution must not run (the table step, forked, would fail)
            from pipeline import table_build

            def not_again(*args, **kwargs):
                raise AssertionError("resolution ran again although nothing it reads changed")

            patched.setattr(table_build, "resolve_corpus", not_again)
        rerun = run_pipeline(seeds, data)
    assert rerun.success and extracted_partitions(rerun) == {f"{SEED_000}.txt"}

    fresh = data.parent / "fresh"
    shutil.copytree(data / "cache", fresh / "cache")  # the same extractions, nothing else
    made_run = run_pipeline(seeds, fresh)
    assert made_run.success
    for table in TABLES:
        kept, made = pq.read_table(table_path(data, table)), pq.read_table(table_path(fresh, table))
        if "detected_at" in kept.column_names:
            kept, made = kept.drop(["detected_at"]), made.drop(["detected_at"])
        assert kept.equals(made), table
    for export in sorted((fresh / "exports").iterdir()):
        assert (data / "exports" / export.name).read_bytes() == export.read_bytes(), export.name
    def checked(outcome) -> dict:
        return {(e.asset_key, e.check_name): (e.passed, e.description, e.metadata.get("failing_rows"))
                for e in outcome.get_asset_check_evaluations()}

    assert checked(rerun) == checked(made_run)


def test_an_edit_that_reports_nothing_new_keeps_the_plover_file(folders, monkeypatch):
    """A sentence without names or events appended to an article: the PLOVER records read the
    same inputs, so the file is neither built nor written again (`exports.plover_memo`), and
    every export is byte for byte what a run in an empty data folder makes."""
    from pipeline.nlp import file_identity

    seeds, data = folders
    monkeypatch.setattr(file_identity, "SETTLED_NS", -60 * 10**9)
    assert run_pipeline(seeds, data).success
    plover_file = data / "exports" / "events.plover.jsonl"
    before = plover_file.stat().st_mtime_ns
    edited = seeds / f"{SEED_000}.txt"
    edited.write_bytes(edited.read_bytes().rstrip(b"\n") + b"\nThis article was updated.\n")
    rerun = run_pipeline(seeds, data)
    assert rerun.success and extracted_partitions(rerun) == {f"{SEED_000}.txt"}
    assert plover_file.stat().st_mtime_ns == before

    fresh = data.parent / "fresh"
    shutil.copytree(data / "cache", fresh / "cache")
    assert run_pipeline(seeds, fresh).success
    for export in sorted((fresh / "exports").iterdir()):
        assert (data / "exports" / export.name).read_bytes() == export.read_bytes(), export.name
