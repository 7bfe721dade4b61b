"""The streamed table build writes, row for row, the tables `build_tables` makes in memory."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from datetime import datetime

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline import table_build, table_reuse
from pipeline.nlp.corpus import ARTICLE_TABLES, build_tables
from pipeline.nlp.entity_resolution import known_people
from pipeline.nlp.extract import extract_articles
from pipeline.nlp.seed_folder import ingest_everything
from pipeline.nlp.version import extractor_version
from pipeline.schemas import TABLES, SchemaViolation, validate
from pipeline.storage import ExtractionCache, table_path
from tests.conftest import SEED_000, SEED_004, seed_text

NOW = datetime(2026, 1, 2, 3, 4, 5)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The two seeds, a shortened copy of each under another name (so people, places and
    events are resolved across articles), and a JSON Lines row: five articles, extracted."""
    seeds = tmp_path_factory.mktemp("seeds")
    for stem in (SEED_000, SEED_004):
        text = seed_text(stem)
        (seeds / f"{stem}.txt").write_text(text, encoding="utf-8")
        (seeds / "copies").mkdir(exist_ok=True)
        (seeds / "copies" / f"{stem}.txt").write_text(text[: len(text) * 2 // 3], encoding="utf-8")
    (seeds / "feed.jsonl").write_text(
        '{"id": "r1", "title": "Talks resume", "text": "Armenia and Azerbaijan resumed talks in Brussels on '
        'Monday. Nikol Pashinyan said the talks were useful.", "date": "2023-07-24"}\n',
        encoding="utf-8",
    )
    articles, rejections, row_rejections = ingest_everything(seeds)
    extractions = list(extract_articles(articles, NOW, 1))
    data = tmp_path_factory.mktemp("data")
    cache, version = ExtractionCache(data), extractor_version()
    for extraction in extractions:
        cache.put(extraction, version)
    extracted = [(x.article["article_id"], x.article["content_sha256"]) for x in extractions]
    table_build.write_tables(data, extracted, version, rejections, NOW, None, row_rejections)
    return data, extractions, extracted, rejections, row_rejections


def arrow(table: str, frame) -> pa.Table:
    schema = TABLES[table][1]
    return pa.Table.from_pandas(validate(table, frame)[schema.names], schema=schema, preserve_index=False)


@pytest.mark.parametrize("batch_articles", [1, 2, 500])
def test_streamed_tables_equal_the_in_memory_build(corpus, batch_articles):
    data, extractions, extracted, rejections, row_rejections = corpus
    assert len(extracted) == 5
    notes = [{"source_file": "x.txt", "kind": "other", "message": "a note"}]
    expected = build_tables(extractions, rejections, NOW, notes, row_rejections)
    table_reuse.marker(data).forget()  # every row built now, none taken over from the last build
    summaries = table_build.write_tables(
        data, extracted, extractor_version(), rejections, NOW, notes, row_rejections, batch_articles=batch_articles
    )
    assert list(summaries) == list(TABLES)
    assert any(e["n_articles"] > 1 for e in expected["entities"].to_dict("records"))  # resolved across articles
    for table in TABLES:
        written = pq.read_table(table_path(data, table))
        assert written.schema == TABLES[table][1], table
        assert written.equals(arrow(table, expected[table])), table
        assert summaries[table].rows == len(expected[table]) == table_build.summarize(data, table).rows
    row_groups = pq.ParquetFile(table_path(data, "sentences")).metadata.num_row_groups
    assert row_groups == -(-len(extracted) // batch_articles)


def test_an_id_repeated_across_batches_is_a_violation(corpus, monkeypatch):
    data, _, extracted, rejections, _ = corpus
    before = pq.read_table(table_path(data, "mentions"))
    table_reuse.marker(data).forget()
    real = table_build.article_rows

    def same_ids(extraction, resolution):
        rows = real(extraction, resolution)
        for row in rows["mentions"]:
            row["mention_id"] = f"m{row['char_start']}"
        return rows

    monkeypatch.setattr(table_build, "article_rows", same_ids)
    with pytest.raises(SchemaViolation, match="mention_id"):
        table_build.write_tables(data, extracted, extractor_version(), rejections, NOW, batch_articles=1)
    assert pq.read_table(table_path(data, "mentions")).equals(before)  # the old files stay


def test_a_vanished_extraction_stops_the_build(corpus):
    data, _, extracted, rejections, _ = corpus
    with pytest.raises(table_build.VanishedExtraction):
        table_build.write_tables(data, [*extracted, ("gone", "0" * 64)], extractor_version(), rejections, NOW)


def test_a_rebuild_after_one_edit_reuses_the_other_articles_and_equals_a_full_build(corpus, tmp_path, monkeypatch):
    data, extractions, extracted, rejections, row_rejections = corpus
    table_build.write_tables(data, extracted, extractor_version(), rejections, NOW)
    edited_text = seed_text(SEED_000) + "\nSergei Lavrov also met reporters in Baku on Tuesday."
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / f"{SEED_000}.txt").write_text(edited_text, encoding="utf-8")
    [article], _, _ = ingest_everything(seeds)
    [edited] = extract_articles([article], datetime(2026, 2, 3), 1)
    ExtractionCache(data).put(edited, extractor_version())
    now = [x if x.article["article_id"] != SEED_000 else edited for x in extractions]
    current = [(x.article["article_id"], x.article["content_sha256"]) for x in now]
    assert current != extracted

    taken, validated = [], []
    real = table_reuse.PreviousTables.rows
    monkeypatch.setattr(table_reuse.PreviousTables, "rows",
                        lambda self, table, ids: taken.extend(ids) or real(self, table, ids))
    real_validate = table_build.validate
    monkeypatch.setattr(table_build, "validate",
                        lambda table, rows: validated.append(table) or real_validate(table, rows))
    table_build.write_tables(data, current, extractor_version(), rejections, NOW, batch_articles=2)
    assert taken and SEED_000 not in taken  # the others' rows came from the last build
    assert "entities" in validated and "mentions" in validated  # the edit named Lavrov again: counts changed
    expected = build_tables(now, rejections, NOW)
    for table in TABLES:
        assert pq.read_table(table_path(data, table)).equals(arrow(table, expected[table])), table

    taken.clear()
    validated.clear()
    written = {table: table_path(data, table).stat().st_mtime_ns for table in TABLES}
    table_build.write_tables(data, current, extractor_version(), rejections, NOW)
    assert len(set(taken)) == len(current)  # nothing changed: every article's rows reused
    assert validated == []  # and every corpus-wide table kept as validated and written last time
    assert all(table_path(data, t).stat().st_mtime_ns == written[t] for t in TABLES if t not in ARTICLE_TABLES)
    for table in TABLES:
        assert pq.read_table(table_path(data, table)).equals(arrow(table, expected[table])), table


def test_a_rebuild_reads_the_cache_only_for_changed_entries_and_equals_a_full_build(corpus, tmp_path, monkeypatch):
    """What pass 1 read is kept (`resolution_inputs`); the next build reads only the entries
    whose file is not the one it was read from."""
    from pipeline.nlp import file_identity

    data, extractions, extracted, rejections, row_rejections = corpus
    copied = tmp_path / "data"
    shutil.copytree(data, copied)
    for extraction in extractions:  # as extracted (an earlier test edits one in the shared folder)
        ExtractionCache(copied).put(extraction, extractor_version())
    monkeypatch.setattr(file_identity, "SETTLED_NS", -60 * 10**9)  # every entry counts as settled
    table_build.write_tables(copied, extracted, extractor_version(), rejections, NOW, None, row_rejections)
    read = []
    real = ExtractionCache.get_records
    monkeypatch.setattr(ExtractionCache, "get_records", lambda self, article_id, *rest: read.append(article_id)
                        or real(self, article_id, *rest))
    table_build.write_tables(copied, extracted, extractor_version(), rejections, NOW, None, row_rejections)
    assert read == []
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / f"{SEED_004}.txt").write_text(seed_text(SEED_004) + "\nNikol Pashinyan met Sergei Lavrov in Moscow.",
                                           encoding="utf-8")
    [article], _, _ = ingest_everything(seeds)
    [edited] = extract_articles([article], datetime(2026, 2, 3), 1)
    ExtractionCache(copied).put(edited, extractor_version())
    now = [x if x.article["article_id"] != SEED_004 else edited for x in extractions]
    current = [(x.article["article_id"], x.article["content_sha256"]) for x in now]
    table_build.write_tables(copied, current, extractor_version(), rejections, NOW, None, row_rejections,
                             batch_articles=2)
    assert read == [SEED_004]
    expected = build_tables(now, rejections, NOW, None, row_rejections)
    for table in TABLES:
        assert pq.read_table(table_path(copied, table)).equals(arrow(table, expected[table])), table
    (copied / "parquet" / "resolution_inputs.jsonl").write_text("damaged", encoding="utf-8")
    read.clear()
    table_build.write_tables(copied, current, extractor_version(), rejections, NOW, None, row_rejections)
    assert sorted(read) == sorted(article_id for article_id, _ in current)  # read back from the cache
    for table in TABLES:
        assert pq.read_table(table_path(copied, table)).equals(arrow(table, expected[table])), table


def test_a_table_on_disk_is_validated_a_slice_at_a_time(corpus):
    data = corpus[0]
    table_build.validate_file(data, "sentences", batch_rows=7)  # slices of 7 rows, all valid
    written = pq.read_table(table_path(data, "sentences"))
    doubled = pa.concat_tables([written, written.slice(0, 1)])  # one (article, sentence) twice, far apart
    pq.write_table(doubled, table_path(data, "sentences"))
    try:
        with pytest.raises(SchemaViolation, match="article_id, sentence_id not unique"):
            table_build.validate_file(data, "sentences", batch_rows=7)
    finally:
        pq.write_table(written, table_path(data, "sentences"))


def test_the_contract_check_validates_a_file_again_only_when_its_bytes_changed(corpus, tmp_path, monkeypatch):
    from pipeline.defs import checks
    from pipeline.defs.resources import NewsPaths

    data = tmp_path / "data"
    shutil.copytree(corpus[0] / "parquet", data / "parquet")
    (data / "parquet" / "contract.passed.json").unlink()  # nothing vouched for by the table step
    paths = NewsPaths(seeds_dir=str(tmp_path), data_dir=str(data))
    contract = [c for c in checks.CHECKS if c.name == "matches_contract" and c.asset in ("sentences", "entities")]
    validated = []
    real = table_build.validate_file
    monkeypatch.setattr(checks, "validate_file",
                        lambda data_dir, table: validated.append(table) or real(data_dir, table))

    assert all(o["passed"] for o in checks.run_checks(paths, contract))
    assert validated == ["sentences", "entities"]
    assert all(o["passed"] for o in checks.run_checks(paths, contract))
    assert validated == ["sentences", "entities"]  # the same bytes passed just now
    frame = pq.read_table(table_path(data, "sentences")).to_pandas()
    frame.loc[0, "char_end"] = -1  # breaks the contract (char_end >= 0)
    pq.write_table(pa.Table.from_pandas(frame, schema=TABLES["sentences"][1], preserve_index=False),
                   table_path(data, "sentences"))
    broken, entities = checks.run_checks(paths, contract)
    assert not broken["passed"] and "char_end" in broken["description"] and entities["passed"]
    assert validated == ["sentences", "entities", "sentences"]
    monkeypatch.setattr(checks, "contract_identity", lambda: "other code")
    contract = [replace(c, code=checks.contract_identity) for c in contract]
    checks.run_checks(paths, contract)  # passed under other code: validated again
    assert validated == ["sentences", "entities", "sentences", "sentences", "entities"]


def test_the_contract_check_takes_the_table_steps_validation_and_validates_only_other_bytes(
    corpus, tmp_path, monkeypatch
):
    """The table step validated every row it wrote, or took it over from a file that passed:
    after a one-article edit no contract check reads a file again, and the results are those
    of validating every file; bytes the step did not write are validated in full."""
    from pipeline.defs import checks
    from pipeline.defs.resources import NewsPaths

    data = _built_copy(corpus, tmp_path)
    table_reuse.marker(data).forget()  # every row built and validated now (earlier tests left other files)
    table_build.write_tables(data, corpus[2], extractor_version(), corpus[3], NOW)
    new_speaker = '\nMarta Kowalczyk, a Baku lawyer, said: "The talks will go on."'  # a new name and a new quote
    now, current = _edited(data, tmp_path, corpus[1], new_speaker)
    [before], [after] = ([x for x in found if x.article["article_id"] == SEED_000] for found in (corpus[1], now))
    assert len(after.quotes) > len(before.quotes) and len(after.mentions) > len(before.mentions)
    rejections = corpus[3]
    taken = []
    real_rows = table_reuse.PreviousTables.rows
    monkeypatch.setattr(table_reuse.PreviousTables, "rows",
                        lambda self, table, ids: taken.extend(ids) or real_rows(self, table, ids))
    table_build.write_tables(data, current, extractor_version(), rejections, NOW, batch_articles=2)
    assert taken and SEED_000 not in taken  # rows taken over and rows built now in the same files
    paths = NewsPaths(seeds_dir=str(tmp_path), data_dir=str(data))
    contract = [c for c in checks.CHECKS if c.name == "matches_contract"]
    validated = []
    real = table_build.validate_file
    monkeypatch.setattr(checks, "validate_file",
                        lambda data_dir, table: validated.append(table) or real(data_dir, table))
    (data / "parquet" / "checks.results.json").unlink(missing_ok=True)
    assert all(o["passed"] for o in checks.run_checks(paths, contract))
    assert validated == []
    for table in TABLES:  # what the checks took on trust passes when validated in full
        real(data, table)

    expected = build_tables(now, rejections, NOW)  # the edit's rows and the others' as a fresh build lays them out
    for table in TABLES:
        assert pq.read_table(table_path(data, table)).equals(arrow(table, expected[table])), table

    frame = pq.read_table(table_path(data, "quotes")).to_pandas()
    frame.loc[0, "char_end"] = -1  # breaks the contract: bytes the table step never wrote
    pq.write_table(pa.Table.from_pandas(frame, schema=TABLES["quotes"][1], preserve_index=False),
                   table_path(data, "quotes"))
    outcomes = checks.run_checks(paths, contract)
    assert validated == ["quotes"]
    assert [o["passed"] for o in outcomes] == [c.asset != "quotes" for c in contract]
    table_build.write_tables(data, current, extractor_version(), rejections, NOW)
    checks.run_checks(paths, contract)
    assert validated == ["quotes", "quotes"]  # rows taken over from bytes that never passed: validated again

    monkeypatch.setattr(table_build, "contract_identity", lambda: "another contract")
    table_build.write_tables(data, current, extractor_version(), rejections, NOW)
    monkeypatch.setattr(checks, "contract_identity", lambda: "yet another contract")
    contract = [replace(c, code=checks.contract_identity) for c in contract]
    monkeypatch.setattr(table_build, "contract_identity", lambda: "yet another contract")
    checks.run_checks(paths, contract)  # vouched for under other code: every file validated
    assert sorted(validated) == sorted(["quotes", "quotes", *TABLES])


def test_shared_values_leave_records_equal_and_keep_their_types():
    from dataclasses import astuple

    from pipeline.nlp.records import Mention, Stance

    def row(record) -> list:  # as the cache holds it: JSON has lists, not tuples
        return [list(v) if isinstance(v, tuple) else v for v in astuple(record)]

    shared: dict = {}
    sentences: dict[str, str] = {}
    first = Mention("a#m1000", "a", 3, "Moscow", 1000, 1006, "GPE", "LOCATION", "name", "Moscow")
    again = Mention("b#m1000", "b", 3, "Moscow", int("1000"), int("1006"), "GPE", "LOCATION", "name", "Moscow")
    shared["a#m1000"] = "".join(["a#m", "1000"])  # an equal id seen before must not replace this one
    kept = [table_build._shared_record(Mention, row(m), shared, sentences) for m in (first, again)]
    assert kept == [first, again]
    assert kept[0].char_start is kept[1].char_start and kept[0].surface is kept[1].surface
    assert kept[0].mention_id is first.mention_id  # ids are not shared

    evidence = "Armenia backs the plan."
    stances = [Stance("a", 1, None, "the plan", None, "support", 1.0, "".join(evidence)) for _ in range(2)]
    shared[1] = 1  # an int equal to the float score must not replace it
    kept = [table_build._shared_record(Stance, row(s), shared, sentences) for s in stances]
    assert kept == stances and type(kept[0].score) is float
    assert kept[0].evidence is kept[1].evidence


def _built_copy(corpus, tmp_path):
    """A copy of the corpus's data folder with its tables built from the first extractions."""
    data = tmp_path / "data"
    shutil.copytree(corpus[0], data)
    _, extractions, extracted, rejections, _ = corpus
    for extraction in extractions:  # as extracted first (an earlier test edits one article)
        ExtractionCache(data).put(extraction, extractor_version())
    table_build.write_tables(data, extracted, extractor_version(), rejections, NOW)
    return data


def _edited(data, tmp_path, extractions, sentence: str):
    """SEED_000 with `sentence` appended, extracted into `data`'s cache: (extractions, extracted)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / f"{SEED_000}.txt").write_text(seed_text(SEED_000) + sentence, encoding="utf-8")
    [article], _, _ = ingest_everything(seeds)
    [edited] = extract_articles([article], datetime(2026, 2, 3), 1)
    ExtractionCache(data).put(edited, extractor_version())
    now = [x if x.article["article_id"] != SEED_000 else edited for x in extractions]
    return now, [(x.article["article_id"], x.article["content_sha256"]) for x in now]


def _warehouse_contents(database) -> dict:
    """Every table and view of a warehouse, row for row in scan order (the search index's rows
    sorted: an edited document's come after the kept ones), and the comments."""
    import duckdb

    with duckdb.connect(str(database), read_only=True) as con:
        names = sorted(con.execute("SELECT table_name FROM duckdb_tables() UNION ALL "
                                   "SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall())
        contents = {name: con.execute(f'SELECT * FROM "{name}"').fetchall() for (name,) in names}
        for index in ("search_documents", "search_terms"):
            contents[index] = sorted(contents[index])
        contents["comments"] = sorted(con.execute(
            "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE comment IS NOT NULL").fetchall())
    return contents


def test_a_warehouse_rebuilt_after_one_edit_reloads_only_changed_tables_and_equals_a_fresh_build(
    corpus, tmp_path, monkeypatch
):
    from pipeline import warehouse

    data = _built_copy(corpus, tmp_path)
    _, extractions, _, rejections, _ = corpus
    seen = []
    real = warehouse._changed_since_last_build
    monkeypatch.setattr(warehouse, "_changed_since_last_build", lambda *a: seen.append(real(*a)) or seen[-1])
    warehouse.build_warehouse(data)
    assert seen == [None]  # no earlier build: everything loaded
    _, current = _edited(data, tmp_path, extractions, "\nSergei Lavrov met reporters in Baku on Tuesday.")
    table_build.write_tables(data, current, extractor_version(), rejections, NOW)
    warehouse.build_warehouse(data)
    assert seen[-1] and "sentences" in seen[-1] and "rejected_files" not in seen[-1]  # only the changed tables

    scratch = tmp_path / "scratch"
    shutil.copytree(data, scratch)
    (scratch / "warehouse.duckdb").unlink()
    warehouse.build_warehouse(scratch)
    assert seen[-1] is None
    expected = _warehouse_contents(scratch / "warehouse.duckdb")
    assert _warehouse_contents(data / "warehouse.duckdb") == expected
    assert len(expected["search_terms"]) > 100

    monkeypatch.setattr(warehouse, "code_digest", lambda: "other code")  # new code: built from nothing
    warehouse.build_warehouse(data)
    assert seen[-1] is None
    assert _warehouse_contents(data / "warehouse.duckdb") == expected


def test_the_warehouse_asset_hashes_each_parquet_table_once_per_materialisation(corpus, tmp_path, monkeypatch):
    """The inputs marker and the build share one digest of each table: the files are read
    once per materialisation (a build, then an up-to-date check), not twice."""
    import hashlib

    from dagster import materialize

    from pipeline.defs.assets.warehouse import warehouse
    from pipeline.defs.resources import NewsPaths
    from pipeline.own_process import IN_PROCESS_SETTING

    data = _built_copy(corpus, tmp_path)
    monkeypatch.setenv(IN_PROCESS_SETTING, "1")  # the build's reads counted here, not in a child
    hashed = []
    real = hashlib.file_digest
    monkeypatch.setattr(hashlib, "file_digest", lambda handle, *a: hashed.append(handle.name) or real(handle, *a))
    paths = NewsPaths(seeds_dir=str(tmp_path / "seeds"), data_dir=str(data))
    expected = sorted(str(table_path(data, table)) for table in TABLES)
    for _ in ("built", "up to date"):
        hashed.clear()
        assert materialize([warehouse], resources={"paths": paths}).success
        assert sorted(hashed) == expected
    assert (data / "warehouse.duckdb").is_file()


def test_clusters_kept_from_the_last_build_are_those_clustering_makes(corpus):
    """Every article's people, taken back from the kept answers, are field for field what
    `cluster_article` makes; rows come back in the new table's numbering."""
    from itertools import groupby

    from pipeline.nlp.entity_resolution.article_people import cluster_article
    from pipeline.nlp.entity_resolution.table import MentionTable

    _, extractions, *_ = corpus
    t = MentionTable.of([m for x in extractions for m in x.mentions if m.entity_type == "PERSON"])
    first = known_people.KnownPeople()
    articles = [(t.article_ids[a], list(rows)) for a, rows in groupby(range(len(t)), key=t.article_code)]
    for article_id, rows in articles:
        first.cluster(t, article_id, rows)
    assert first.clustered == len(articles)
    kept = known_people.load_bytes(known_people.dumps(first, "v1"), "v1")
    assert known_people.load_bytes(known_people.dumps(first, "v1"), "v2").known == {}  # other extractors: none

    def fields(clusters):
        return [(c.article_id, list(c.mentions), c.full_names, set(c.fuzzy_ids), c.distinct, c.lasts)
                for c in clusters]

    assert any(c.fuzzy_ids or len(c.mentions) > 1 for a, rows in articles for c in cluster_article(t, a, rows))
    for article_id, rows in articles:
        assert fields(kept.cluster(t, article_id, rows)) == fields(cluster_article(t, article_id, rows))
    assert kept.clustered == 0


def test_a_rebuild_with_the_kept_clusters_equals_a_build_from_nothing(corpus, tmp_path, monkeypatch):
    """After one edit, only the edited article's people are clustered again, and every table
    is row for row what a build in an empty folder makes."""
    from pipeline.nlp.entity_resolution import article_people, known_people

    data = _built_copy(corpus, tmp_path)
    _, extractions, _, rejections, _ = corpus
    assert known_people.memo_path(data).is_file()
    now, current = _edited(data, tmp_path, extractions,
                           "\nMr Lavrov and Nikol Pashinyan met reporters in Baku on Tuesday.")
    clustered = []
    real = article_people.cluster_article
    monkeypatch.setattr(known_people, "cluster_article", lambda t, a, rows: clustered.append(a) or real(t, a, rows))
    table_build.write_tables(data, current, extractor_version(), rejections, NOW)
    assert clustered == [SEED_000]

    scratch = tmp_path / "scratch"
    (scratch / "cache").mkdir(parents=True)
    shutil.copytree(data / "cache", scratch / "cache", dirs_exist_ok=True)
    clustered.clear()
    table_build.write_tables(scratch, current, extractor_version(), rejections, NOW)
    assert len(clustered) == len({x.article["article_id"] for x in now if any(
        m.entity_type == "PERSON" for m in x.mentions)}) > 1  # nothing kept: every article clustered
    for table in TABLES:
        assert pq.read_table(table_path(data, table)).equals(pq.read_table(table_path(scratch, table))), table


def test_a_warehouse_damaged_in_place_is_not_the_base_of_the_next_build(corpus, tmp_path, monkeypatch):
    """Zeroed in the middle with its size and time kept, the last build's file passes for the
    pipeline's own; its kept tables do not read back, so the warehouse is built from nothing."""
    import os

    from pipeline import warehouse

    data = tmp_path / "data"
    shutil.copytree(corpus[0], data)
    warehouse.build_warehouse(data)
    expected = _warehouse_contents(data / "warehouse.duckdb")
    database = data / "warehouse.duckdb"
    stat = database.stat()
    with open(database, "r+b") as handle:
        handle.seek(stat.st_size // 4)
        handle.write(bytes(stat.st_size // 2))
    os.utime(database, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    record = json.loads((data / warehouse.TABLES_FILE).read_text())
    record["tables"]["sentences"] = "changed"
    (data / warehouse.TABLES_FILE).write_text(json.dumps(record))
    seen = []
    real = warehouse._changed_since_last_build
    monkeypatch.setattr(warehouse, "_changed_since_last_build", lambda *a: seen.append(real(*a)) or seen[-1])
    warehouse.build_warehouse(data)
    assert seen == [{"sentences"}]  # taken for the last build's file, then found damaged
    assert _warehouse_contents(database) == expected


def test_an_edit_that_changes_nothing_resolution_reads_skips_resolution_and_equals_a_full_build(
    corpus, tmp_path, monkeypatch
):
    """A sentence naming no one, no event and no stance leaves what resolution reads as it was:
    the rebuild runs no resolution, rewrites none of its tables, lays out only the edited
    article (links and dates from the last build's rows) and equals a build from nothing."""
    data = _built_copy(corpus, tmp_path)
    _, extractions, extracted, rejections, _ = corpus
    now, current = _edited(data, tmp_path, extractions, "\nThis article was updated by the benchmark.\n")
    assert current != extracted
    edited = next(x for x in now if x.article["article_id"] == SEED_000)
    before = next(x for x in extractions if x.article["article_id"] == SEED_000)
    assert (edited.mentions, edited.events, edited.stances) == (before.mentions, before.events, before.stances)
    resolved = []
    real = table_build.resolve_corpus
    monkeypatch.setattr(table_build, "resolve_corpus", lambda *a, **k: resolved.append(1) or real(*a, **k))
    written = {table: table_path(data, table).stat().st_mtime_ns for table in table_reuse.RESOLVED_TABLES}
    table_build.write_tables(data, current, extractor_version(), rejections, NOW)
    assert resolved == []
    assert all(table_path(data, t).stat().st_mtime_ns == written[t] for t in table_reuse.RESOLVED_TABLES)
    expected = build_tables(now, rejections, NOW)
    for table in TABLES:
        assert pq.read_table(table_path(data, table)).equals(arrow(table, expected[table])), table

    # An edit that names someone runs resolution again; so does a resolved table changed on disk.
    (tmp_path / "again").mkdir()
    later, current = _edited(data, tmp_path / "again", now, "\nSergei Lavrov met reporters in Baku.\n")
    table_build.write_tables(data, current, extractor_version(), rejections, NOW)
    assert resolved == [1]
    expected = build_tables(later, rejections, NOW)
    for table in TABLES:
        assert pq.read_table(table_path(data, table)).equals(arrow(table, expected[table])), table
    issues = table_path(data, "issues")
    pq.write_table(pq.read_table(issues).slice(1), issues)
    table_build.write_tables(data, current, extractor_version(), rejections, NOW)
    assert resolved == [1, 1]
    for table in TABLES:
        assert pq.read_table(table_path(data, table)).equals(arrow(table, expected[table])), table


def test_the_helpers_write_the_files_one_process_writes_byte_for_byte(corpus, tmp_path):
    """The people's clusters of the later half (`_PeopleHelper`) and batches of the per-article
    tables (`_BatchHelper`) worked out in forked processes."""
    _, extractions, extracted, rejections, row_rejections = corpus
    written = {}
    for helper in (False, True):
        copy = tmp_path / f"helper-{helper}"
        for extraction in extractions:
            ExtractionCache(copy).put(extraction, extractor_version())
        table_build.write_tables(copy, extracted, extractor_version(), rejections, NOW, None, row_rejections,
                                 batch_articles=1, helper=helper)
        written[helper] = {table: table_path(copy, table).read_bytes() for table in TABLES}
        written[helper]["clusters"] = known_people.memo_path(copy).read_bytes()
    assert written[True] == written[False]
    assert pq.ParquetFile(table_path(tmp_path / "helper-True", "sentences")).metadata.num_row_groups == 5


def test_a_violation_in_a_batch_of_the_helper_is_raised_and_leaves_the_old_files(corpus, tmp_path, monkeypatch):
    _, extractions, extracted, rejections, _ = corpus
    copy = tmp_path / "data"
    for extraction in extractions:
        ExtractionCache(copy).put(extraction, extractor_version())
    table_build.write_tables(copy, extracted, extractor_version(), rejections, NOW, batch_articles=1, helper=False)
    before = table_path(copy, "sentences").read_bytes()
    second = extracted[1][0]
    real, claim, step = table_build.article_rows, table_build._BatchHelper.claim, os.getpid()

    def broken(extraction, resolution):
        rows = real(extraction, resolution)
        if extraction.article["article_id"] == second:
            rows["sentences"][0]["char_end"] = -1  # breaks the contract (char_end >= 0)
        return rows

    def helper_only(self, index=None):  # every batch laid out by the helper
        return None if os.getpid() == step else claim(self, index)

    monkeypatch.setattr(table_build, "article_rows", broken)
    monkeypatch.setattr(table_build._BatchHelper, "claim", helper_only)
    table_reuse.marker(copy).forget()
    with pytest.raises(SchemaViolation, match="char_end"):
        table_build.write_tables(copy, extracted, extractor_version(), rejections, NOW, batch_articles=1, helper=True)
    assert table_path(copy, "sentences").read_bytes() == before


def test_the_checks_read_each_corpus_wide_table_once_and_the_mentions_links_alone(corpus, tmp_path, monkeypatch):
    from pipeline.defs import checks
    from pipeline.defs.resources import NewsPaths

    data = tmp_path / "data"
    shutil.copytree(corpus[0] / "parquet", data / "parquet")
    paths = NewsPaths(seeds_dir=str(tmp_path), data_dir=str(data))
    reads = []
    real = checks.read_file
    monkeypatch.setattr(checks, "read_file", lambda data_dir, table, columns=None: reads.append(
        (table, tuple(columns or ()))) or real(data_dir, table, columns))
    outcomes = checks.run_checks(paths, [c for c in checks.CHECKS if c.name != "matches_contract"])
    assert all(o["passed"] or o["severity"].value == "WARN" for o in outcomes)
    assert reads.count(("entities", ())) == 1
    assert ("mentions", ("entity_id",)) in reads
    assert not [r for r in reads if r[0] == "mentions" and "surface" in r[1]]  # every link resolves


def test_a_mention_that_does_not_resolve_is_shown_with_its_surface(corpus, tmp_path):
    from pipeline.defs import checks
    from pipeline.defs.resources import NewsPaths

    data = tmp_path / "data"
    shutil.copytree(corpus[0] / "parquet", data / "parquet")
    frame = pq.read_table(table_path(data, "mentions")).to_pandas()
    frame.loc[0, "entity_id"] = "person:nobody"
    pq.write_table(pa.Table.from_pandas(frame, schema=TABLES["mentions"][1], preserve_index=False),
                   table_path(data, "mentions"))
    paths = NewsPaths(seeds_dir=str(tmp_path), data_dir=str(data))
    [outcome] = checks.run_checks(paths, [c for c in checks.CHECKS if c.name == "every_mention_resolves"])
    assert not outcome["passed"] and outcome["metadata"]["failing_rows"].value == 1
    assert frame.loc[0, "surface"] in outcome["metadata"]["sample"].md_str
