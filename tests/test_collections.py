"""Collections (JSON Lines, CSV, Parquet) in the seeds folder: one article per row."""

from __future__ import annotations

import json
import os
import shutil
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.defs.automation import seed_hashes
from pipeline.defs.partitions import partition_key
from pipeline.nlp.collection_rows import CollectionFile, ListedRow, RowRejection, map_columns, read_rows
from pipeline.nlp.ingest import DecodedArticle
from pipeline.nlp.seed_folder import in_batches, ingest_everything, load_articles, survey
from tests.conftest import SEEDS, next_ctime_tick, run_pipeline

ROWS = [
    {"id": "r1", "title": "Ministers meet in Paris",
     "text": "The foreign ministers of France and Germany met in Paris on Monday.",
     "date": "2024-05-06", "url": "https://example.org/r1", "outlet": "Example News"},
    {"id": "r2", "title": "Strike ends", "text": "Rail workers ended their strike on Tuesday, the union said.",
     "date": "2024-05-07", "url": "https://example.org/r2", "outlet": "Example News"},
    {"id": "r3", "title": "Flood warning", "text": "Officials in Dhaka warned of floods after heavy rain on Wednesday.",
     "date": "2024-05-08", "url": "https://example.org/r3", "outlet": "Example News"},
]  # fmt: skip


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def write_csv(path: Path, rows: list[dict], delimiter: str = ",") -> Path:
    import csv

    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_parquet(path: Path, rows: list[dict]) -> Path:
    pq.write_table(pa.Table.from_pylist(rows), path)
    return path


def outcomes(path: Path, seeds: Path) -> list:
    return list(read_rows(CollectionFile(path, path.relative_to(seeds).as_posix())))


def listed(items) -> dict[str, ListedRow]:
    return {item.seed.source_file: item for item in items if isinstance(item, ListedRow)}


def rejected(items) -> dict[int, str]:
    return {item.row_number: item.reason for item in items if isinstance(item, RowRejection)}


# --------------------------------------------------------------------------- columns


def test_columns_are_mapped_by_name_with_aliases_in_order_of_preference():
    assert map_columns(["Headline", " Body ", "Published", "URL", "source", "GUID"]) == {
        "title": "Headline", "text": " Body ", "published": "Published", "url": "URL", "outlet": "source", "id": "GUID",
    }  # fmt: skip
    assert map_columns(["body", "text", "headline", "title"]) == {"text": "text", "title": "title"}
    assert map_columns(["Published-At", "extra"]) == {"published": "Published-At"}


# --------------------------------------------------------------------------- the three formats


@pytest.mark.parametrize("writer", [write_jsonl, write_csv, write_parquet], ids=["jsonl", "csv", "parquet"])
def test_each_row_becomes_one_article_named_after_the_collection_and_its_id(tmp_path, writer):
    suffix = {write_jsonl: ".jsonl", write_csv: ".csv", write_parquet: ".parquet"}[writer]
    (tmp_path / "news").mkdir()
    writer(tmp_path / "news" / f"feed{suffix}", ROWS)
    articles, rejections, row_rejections = ingest_everything(tmp_path)
    assert not rejections and not row_rejections
    by_id = {a.seed.article_id: a for a in articles}
    assert set(by_id) == {"news/feed/r1", "news/feed/r2", "news/feed/r3"}
    first = by_id["news/feed/r1"]
    assert first.seed.source_file == f"news/feed{suffix}#r1"
    assert first.text == f"Ministers meet in Paris\n\n{ROWS[0]['text']}"
    assert first.metadata == {"published": "2024-05-06", "url": "https://example.org/r1", "outlet": "Example News"}
    assert first.encoding == "utf-8"


def test_rows_without_an_id_column_are_named_by_their_row_number(tmp_path):
    (tmp_path / "feed.jsonl").write_text(
        '{"text": "First row."}\n\n{"text": "Third line."}\n', encoding="utf-8"
    )  # blank lines are skipped but counted: the number is the line number
    assert set(listed(outcomes(tmp_path / "feed.jsonl", tmp_path))) == {"feed.jsonl#1", "feed.jsonl#3"}
    write_parquet(tmp_path / "dump.parquet", [{"body": "One."}, {"body": "Two."}])
    items = outcomes(tmp_path / "dump.parquet", tmp_path)
    assert [item.seed.article_id for item in items] == ["dump/1", "dump/2"]


def test_numeric_ids_are_written_as_integers(tmp_path):
    write_parquet(tmp_path / "dump.parquet", [{"id": 7, "text": "Seven."}])
    write_jsonl(tmp_path / "feed.jsonl", [{"id": 8.0, "text": "Eight."}, {"id": "  9 ", "text": "Nine."}])
    assert set(listed(outcomes(tmp_path / "dump.parquet", tmp_path))) == {"dump.parquet#7"}
    assert set(listed(outcomes(tmp_path / "feed.jsonl", tmp_path))) == {"feed.jsonl#8", "feed.jsonl#9"}


def test_csv_with_semicolons_quoted_line_breaks_and_a_bom(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(
        b"\xef\xbb\xbfID;Headline;Body\n1;Floods;\"Floods hit the north.\nMore rain is expected.\"\n2;;Second.\n"
    )
    articles, _, row_rejections = ingest_everything(tmp_path)
    assert not row_rejections
    assert [(a.seed.article_id, a.text) for a in articles] == [
        ("export/1", "Floods\n\nFloods hit the north.\nMore rain is expected."),
        ("export/2", "Second."),
    ]


def test_a_windows_1252_csv_is_decoded(tmp_path):
    (tmp_path / "legacy.csv").write_bytes("id,text\n1,Talks in Genève “resumed” on Monday.\n".encode("cp1252"))
    (article,), _, _ = ingest_everything(tmp_path)
    assert article.text == "Talks in Genève “resumed” on Monday."


def test_parquet_dates_and_binary_text_columns(tmp_path):
    table = pa.table({
        "id": pa.array([1, 2]),
        "content": pa.array([b"Binary text one.", b"Binary text two."], pa.binary()),
        "published_at": pa.array([datetime(2024, 3, 1, 12, 30), None], pa.timestamp("us")),
    })
    pq.write_table(table, tmp_path / "dump.parquet")
    articles, _, row_rejections = ingest_everything(tmp_path)
    assert not row_rejections
    assert [(a.text, a.metadata) for a in articles] == [
        ("Binary text one.", {"published": "2024-03-01"}), ("Binary text two.", {}),
    ]


def test_title_is_not_repeated_when_the_text_starts_with_it(tmp_path):
    write_jsonl(tmp_path / "feed.jsonl", [
        {"title": "Talks resume", "text": "Talks resume\n\nThe talks resumed on Monday."},
        {"title": "Talks", "text": "Talks resumed on Monday."},
    ])  # fmt: skip
    texts = [a.text for a in ingest_everything(tmp_path)[0]]
    assert texts == ["Talks resume\n\nThe talks resumed on Monday.", "Talks\n\nTalks resumed on Monday."]


def test_html_in_a_text_field_is_converted(tmp_path):
    page = "<html><body><p>Ministers met.</p><p>They agreed.</p></body></html>"
    write_jsonl(tmp_path / "feed.jsonl", [{"text": page}])
    (article,), _, _ = ingest_everything(tmp_path)
    assert article.text == "Ministers met.\n\nThey agreed."
    assert [n.kind for n in article.notes] == ["html"]


def test_dates_in_other_forms_and_unusable_values(tmp_path):
    write_jsonl(tmp_path / "feed.jsonl", [
        {"id": "a", "text": "A.", "date": "Tue, 07 May 2024 10:00:00 GMT"},
        {"id": "b", "text": "B.", "date": "2999-01-01", "url": 42},
        {"id": "c", "text": "C.", "published": "yesterday"},
    ])  # fmt: skip
    rows = listed(outcomes(tmp_path / "feed.jsonl", tmp_path))
    assert rows["feed.jsonl#a"].notes == ()
    assert [n.kind for n in rows["feed.jsonl#b"].notes] == ["collection", "collection"]
    assert "ignored url" in rows["feed.jsonl#b"].notes[0] and "2999-01-01" in rows["feed.jsonl#b"].notes[1]
    assert "not an ISO date" in rows["feed.jsonl#c"].notes[0]
    by_id = {a.seed.article_id: a for a in ingest_everything(tmp_path)[0]}
    assert by_id["feed/a"].metadata == {"published": "2024-05-07"}
    assert by_id["feed/b"].metadata == {}


# --------------------------------------------------------------------------- bad rows and files


def test_bad_rows_are_rejected_with_their_row_number_and_never_stop_the_others(tmp_path):
    lines = [
        json.dumps({"id": "ok1", "text": "Fine."}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "no-text", "title": "Only a title"}),
        json.dumps({"id": "blank", "text": "   "}),
        json.dumps({"id": ["x"], "text": "Odd id."}),
        json.dumps({"id": "number", "text": 12}),
        json.dumps({"id": "ok1", "text": "Same id again."}),
        json.dumps({"id": "x" * 300, "text": "Long id."}),
        json.dumps({"id": "ok2", "text": "Also fine."}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    inventory = survey(tmp_path)
    assert [a.seed.article_id for a in inventory.articles] == ["feed/ok1", "feed/ok2"]
    reasons = {r.row_number: r.reason for r in inventory.row_rejections}
    assert sorted(reasons) == [2, 3, 4, 5, 6, 7, 8, 9]
    assert reasons[2].startswith("not valid JSON")
    assert reasons[3] == "expected a JSON object, found list"
    assert reasons[4].startswith("no text field")
    assert reasons[5] == "text is only whitespace"
    assert reasons[6] == "id is not text or a number (list)"
    assert reasons[7] == "text is not a string (int)"
    assert reasons[8] == "article id 'feed/ok1' is already used by feed.jsonl#ok1; give one of them another id"
    assert reasons[9] == "id longer than 256 characters"
    assert {r.source_file for r in inventory.row_rejections} == {"feed.jsonl"}
    assert not inventory.rejections


SYNTAX = st.text(alphabet=st.sampled_from(list('{}[]",:;\n\r\t\\ abcdeitx0123')), max_size=300)
VALUES = st.none() | st.text(max_size=40) | st.integers() | st.floats() | st.booleans() | st.lists(st.integers())
RECORDS = st.lists(st.dictionaries(st.sampled_from(["id", "text", "Body", "title", "date", "url", "outlet"]), VALUES))


@settings(max_examples=100, deadline=None)
@given(
    content=st.binary(max_size=400)
    | SYNTAX.map(lambda text: text.encode("utf-8"))
    | RECORDS.map(lambda rows: "\n".join(json.dumps(row) for row in rows).encode("utf-8", "surrogatepass")),
    suffix=st.sampled_from([".jsonl", ".csv", ".parquet"]),
)
def test_any_bytes_in_a_collection_become_rows_or_rejections(tmp_path_factory, content, suffix):
    folder = tmp_path_factory.mktemp("seeds")
    (folder / f"any{suffix}").write_bytes(content)
    inventory = survey(folder)
    for article in load_articles(inventory.articles):
        assert article.text.strip()
        article.text.encode("utf-8")  # storable
    assert all(r.row_number >= 1 and r.reason for r in inventory.row_rejections)
    assert len({a.seed.article_id for a in inventory.articles}) == len(inventory.articles)


def test_csv_rows_with_too_many_cells_are_rejected(tmp_path):
    (tmp_path / "export.csv").write_text("id,text\n1,One.\n2,Two.,extra\n3,Three.,\n", encoding="utf-8")
    inventory = survey(tmp_path)
    assert [a.seed.article_id for a in inventory.articles] == ["export/1", "export/3"]
    assert [(r.row_number, r.reason) for r in inventory.row_rejections] == [(2, "3 cells but the header has 2 columns")]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.jsonl", b"", "empty file (0 bytes)"),
        ("no-text.csv", b"id,title\n1,Only titles\n", "no text column: expected one of text, body"),
        ("broken.parquet", b"PAR1 this is not parquet", "not a readable Parquet file"),
        ("binary.csv", b"id,text\n1,\x00\x01\x02\x00\n", "binary file"),
    ],
)
def test_an_unreadable_collection_is_one_rejected_file(tmp_path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "fine.txt").write_text("Ministers met in Paris on Monday.", encoding="utf-8")
    inventory = survey(tmp_path)
    assert [a.seed.article_id for a in inventory.articles] == ["fine"]
    assert [(r.source_file, r.reason[: len(reason)]) for r in inventory.rejections] == [(name, reason)]


def test_a_parquet_without_a_text_column_lists_its_columns(tmp_path):
    write_parquet(tmp_path / "dump.parquet", [{"id": 1, "summary": "x"}])
    (rejection,) = survey(tmp_path).rejections
    assert rejection.reason == "no text column: expected one of text, body, content, maintext, article, full_text; " \
        "columns found: 'id', 'summary'"


def test_row_and_file_names_never_clash(tmp_path):
    (tmp_path / "feed").mkdir()
    (tmp_path / "feed" / "r1.txt").write_text("A text file.", encoding="utf-8")
    write_jsonl(tmp_path / "feed.jsonl", ROWS[:2])
    inventory = survey(tmp_path)
    assert [a.seed.article_id for a in inventory.articles] == ["feed/r1", "feed/r2"]
    assert inventory.articles[0].seed.source_file == "feed/r1.txt"  # text files come first
    (clash,) = inventory.row_rejections
    assert (clash.row_number, clash.row_id) == (1, "r1") and "feed/r1.txt" in clash.reason


# --------------------------------------------------------------------------- hashes, loading, partitions


def test_editing_one_row_changes_only_that_rows_hash(tmp_path):
    extra = [dict(row, notes="not read") for row in ROWS]
    write_csv(tmp_path / "export.csv", extra)
    before = {a.seed.source_file: a.seed.content_sha256 for a in survey(tmp_path).articles}
    extra[1]["text"] += " Trains run again on Thursday."
    extra[2]["notes"] = "an unread column changed"
    write_csv(tmp_path / "export.csv", extra)
    after = {a.seed.source_file: a.seed.content_sha256 for a in survey(tmp_path).articles}
    assert [k for k in before if before[k] != after[k]] == ["export.csv#r2"]


def test_load_articles_reads_only_the_wanted_rows(tmp_path):
    write_jsonl(tmp_path / "feed.jsonl", ROWS)
    (tmp_path / "a.txt").write_text("A text file.", encoding="utf-8")
    inventory = survey(tmp_path)
    wanted = [a for a in inventory.articles if a.seed.article_id in {"a", "feed/r3"}]
    loaded = list(load_articles(wanted))
    assert [a.seed.article_id for a in loaded] == ["a", "feed/r3"]
    assert all(isinstance(a, DecodedArticle) for a in loaded)
    assert loaded[1].seed.content_sha256 == wanted[1].seed.content_sha256


@pytest.mark.parametrize("writer", [write_jsonl, write_csv], ids=["jsonl", "csv"])
def test_listing_a_collection_does_not_hold_its_texts(tmp_path, writer):
    import tracemalloc

    paragraph = "The ministers met again on Tuesday and agreed to continue the talks next month. " * 250
    path = writer(tmp_path / f"big.{'jsonl' if writer is write_jsonl else 'csv'}", [
        {"id": f"row-{n}", "title": f"Talks, day {n}", "text": paragraph + str(n)} for n in range(200)
    ])  # fmt: skip
    tracemalloc.start()
    try:
        inventory = survey(tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(inventory.articles) == 200
    assert path.stat().st_size > 4_000_000
    assert peak < path.stat().st_size / 4, f"peak {peak:,} bytes while listing {path.stat().st_size:,} bytes"


def test_parquet_rows_are_numbered_across_record_batches(tmp_path):
    table = pa.table({"text": [f"Row {n}." for n in range(1, 2501)]})
    pq.write_table(table, tmp_path / "dump.parquet", row_group_size=1000)
    items = outcomes(tmp_path / "dump.parquet", tmp_path)
    assert [item.seed.row_number for item in items] == list(range(1, 2501))
    loaded = list(load_articles([items[0], items[1500], items[-1]]))
    assert [(a.seed.article_id, a.text) for a in loaded] == [
        ("dump/1", "Row 1."), ("dump/1501", "Row 1501."), ("dump/2500", "Row 2500."),
    ]


def test_rows_are_loaded_as_they_are_now_and_vanished_ones_are_skipped(tmp_path):
    write_jsonl(tmp_path / "feed.jsonl", [{"text": "First."}, {"text": "Second."}])
    listed_rows = survey(tmp_path).articles
    write_jsonl(tmp_path / "feed.jsonl", [{"text": "Second."}])  # row 2 is now row 1, named feed.jsonl#1
    loaded = list(load_articles(listed_rows))
    assert [(a.seed.source_file, a.text) for a in loaded] == [("feed.jsonl#1", "Second.")]
    assert loaded[0].seed.content_sha256 != listed_rows[0].seed.content_sha256  # its new content, hashed anew


def test_in_batches_is_lazy():
    consumed = []

    def numbers():
        for n in range(5):
            consumed.append(n)
            yield n

    batches = in_batches(numbers(), 2)
    assert next(batches) == [0, 1] and consumed == [0, 1]
    assert list(batches) == [[2, 3], [4]]


def test_every_row_is_a_partition_and_keys_are_valid_for_dagster(tmp_path):
    write_jsonl(tmp_path / "feed.jsonl", [
        {"id": "plain", "text": "One."}, {"id": "dots...here", "text": "Two."}, {"id": "tab\there", "text": "Three."},
        {"text": ""},
    ])  # fmt: skip
    hashes = seed_hashes(tmp_path)
    assert set(hashes) == {"feed.jsonl#plain", "feed.jsonl#dots...here", "feed.jsonl#tab\there"}
    keys = {partition_key(source) for source in hashes}
    assert "feed.jsonl#plain" in keys
    assert not any("..." in key or "\t" in key for key in keys)
    assert len(keys) == 3


def test_the_sensor_runs_only_the_edited_row_and_drops_removed_ones(tmp_path):
    from dagster import DagsterInstance

    from tests.test_automation import ARTICLES, Daemon

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write_jsonl(seeds / "feed.jsonl", ROWS)
    with DagsterInstance.ephemeral() as instance:
        daemon = Daemon(seeds, instance)
        assert Daemon.ranges(daemon.tick()) == [("extract_articles", "feed.jsonl#r1", "feed.jsonl#r3")]
        edited = [dict(row) for row in ROWS]
        edited[1]["text"] += " Trains run again on Thursday."
        write_jsonl(seeds / "feed.jsonl", edited)
        assert Daemon.ranges(daemon.tick()) == [("extract_articles", "feed.jsonl#r2", "feed.jsonl#r2")]
        write_jsonl(seeds / "feed.jsonl", [edited[0], edited[1]])
        removed = daemon.tick()
        assert Daemon.ranges(removed) == [("refresh_warehouse", None, None)]
        assert instance.get_dynamic_partitions(ARTICLES) == ["feed.jsonl#r1", "feed.jsonl#r2"]


# --------------------------------------------------------------------------- a real run


def warehouse(data: Path) -> dict:
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as connection:
        processed = dict(connection.execute("SELECT article_id, processed_at FROM articles").fetchall())
        rows = connection.execute("SELECT source_file, row_number, row_id, reason FROM rejected_rows").fetchall()
        ids_per_table = {
            table: {r[0] for r in connection.execute(f"SELECT DISTINCT article_id FROM {table}").fetchall()}
            for table in ("articles", "sentences", "mentions", "quotes", "stances", "event_mentions")
        }
        headline = connection.execute("SELECT headline, url FROM articles WHERE article_id = 'feed/r1'").fetchone()
    return {"processed": processed, "rejected_rows": rows, "ids": ids_per_table, "r1": headline}


def extracted(outcome) -> set[str]:
    return {m.partition for r in outcome.results for m in r.asset_materializations_for_node("article_extractions")}


@pytest.mark.slow
def test_collections_next_to_text_files_through_a_real_run(tmp_path, monkeypatch):
    from pipeline.defs.assets import nlp

    monkeypatch.setattr(nlp, "EXTRACTION_WINDOW", 4)  # 11 articles: extracted in three windows
    seeds, data = tmp_path / "seeds", tmp_path / "data"
    seeds.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, seeds / path.name)
    write_jsonl(seeds / "feed.jsonl", ROWS)
    write_csv(seeds / "export.csv", [dict(row, id=f"c{n}") for n, row in enumerate(ROWS, 1)])
    write_parquet(seeds / "dump.parquet", [dict(row, id=f"p{n}") for n, row in enumerate(ROWS, 1)])

    first_run = run_pipeline(seeds, data)
    assert first_run.success
    prefixes = (("feed", "r"), ("export", "c"), ("dump", "p"))
    rows = {f"{stem}/{prefix}{n}" for stem, prefix in prefixes for n in (1, 2, 3)}
    first = warehouse(data)
    assert rows <= set(first["processed"]) and len(first["processed"]) == len(rows) + 2
    assert first["r1"] == ("Ministers meet in Paris", "https://example.org/r1")
    assert rows <= first["ids"]["sentences"]
    assert first["rejected_rows"] == []

    edited = [dict(row, id=f"c{n}") for n, row in enumerate(ROWS, 1)]
    edited[1]["text"] += " Trains will run again on Thursday."
    write_csv(seeds / "export.csv", edited)
    write_parquet(seeds / "dump.parquet", [dict(row, id=f"p{n}") for n, row in enumerate(ROWS, 1) if n != 2])
    with open(seeds / "feed.jsonl", "a", encoding="utf-8") as handle:
        handle.write('{"id": "r4", "text": ""}\n')

    second_run = run_pipeline(seeds, data)
    assert second_run.success
    assert extracted(second_run) == {"export.csv#c2"}
    second = warehouse(data)
    assert second["processed"]["export/c2"] > first["processed"]["export/c2"]
    for article_id in set(first["processed"]) - {"export/c2", "dump/p2"}:
        assert second["processed"][article_id] == first["processed"][article_id], article_id
    for table, ids in second["ids"].items():
        assert "dump/p2" not in ids, table
    assert second["rejected_rows"] == [("feed.jsonl", 4, "r4", "text is empty")]


def test_an_unchanged_folder_is_read_once_and_a_fresh_edit_is_never_missed(tmp_path, monkeypatch):
    from pipeline.nlp import seed_folder

    feed = write_jsonl(tmp_path / "feed.jsonl", [{"id": "a", "text": "One."}, {"id": "b", "text": "Two."}])
    reads = []
    real = seed_folder._survey
    monkeypatch.setattr(seed_folder, "_survey", lambda folder: reads.append(folder) or real(folder))
    settle_now(monkeypatch)
    first = survey(tmp_path)
    assert survey(tmp_path) is first and len(reads) == 1  # listed again, not read again
    monkeypatch.undo()  # files count as settled by their age again
    monkeypatch.setattr(seed_folder, "_survey", lambda folder: reads.append(folder) or real(folder))
    write_jsonl(feed, [{"id": "a", "text": "One."}, {"id": "b", "text": "Six."}])  # same size, written just now
    edited = survey(tmp_path)
    assert len(reads) == 2 and edited.articles[1].seed.content_sha256 != first.articles[1].seed.content_sha256
    # a file as young as the stamp may change again within its clock tick: its bytes are
    # compared at each survey (the others' identities suffice), and the folder is read again
    # when they differ, even with the identity unchanged
    assert survey(tmp_path) is edited and len(reads) == 2
    from pipeline.nlp import file_identity

    monkeypatch.setattr(file_identity, "identity", lambda info: (info.st_dev, info.st_ino, info.st_size))
    kept = survey(tmp_path)
    assert len(reads) == 3  # the stamp's identities are now other ones: read once more
    write_jsonl(feed, [{"id": "a", "text": "One."}, {"id": "b", "text": "Ten."}])  # same size, same identity
    again = survey(tmp_path)
    assert again is not kept and len(reads) == 4
    assert again.articles[1].seed.content_sha256 != kept.articles[1].seed.content_sha256


def settle_now(monkeypatch, seconds: int = 60) -> None:
    """Every file as it is now counts as settled, as if the survey ran `seconds` later (the
    kernel sets ctime to "now" at each change, `os.utime` included, so a test cannot age a
    file itself)."""
    from pipeline.nlp import file_identity

    monkeypatch.setattr(file_identity, "SETTLED_NS", file_identity.SETTLED_NS - seconds * 10**9)


def test_a_file_changed_with_its_size_and_times_kept_is_read_again(tmp_path, monkeypatch):
    """Within one process (tests run several pipelines in one), a seed file can be rewritten
    in place with its modification time set back, or replaced by an older copy of the same
    size (`shutil.copy2`): the next survey reads it, not the kept inventory."""
    from pipeline.nlp import seed_folder

    feed = write_jsonl(tmp_path / "feed.jsonl", [{"id": "a", "text": "One."}, {"id": "b", "text": "Two."}])
    older = write_jsonl(tmp_path.parent / f"{tmp_path.name}-older.jsonl",
                        [{"id": "a", "text": "One."}, {"id": "b", "text": "Ten."}])
    old = feed.stat().st_mtime_ns - 3600 * 10**9  # an hour old by their times
    for path in (feed, older):
        os.utime(path, ns=(old, old))
    stat = feed.stat()
    settle_now(monkeypatch)
    first = survey(tmp_path)
    assert survey(tmp_path) is first

    next_ctime_tick(feed)
    write_jsonl(feed, [{"id": "a", "text": "One."}, {"id": "b", "text": "Six."}])  # in place, same size
    os.utime(feed, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and its time set back
    assert (feed.stat().st_size, feed.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)
    in_place = survey(tmp_path)
    assert in_place is not first and in_place.articles[1].seed.content_sha256 != first.articles[1].seed.content_sha256

    next_ctime_tick(feed)
    shutil.copy2(older, feed)  # an older copy over it: same size and times
    assert (feed.stat().st_size, feed.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)
    copied = survey(tmp_path)
    assert copied is not in_place
    assert copied.articles[1].seed.content_sha256 not in {
        first.articles[1].seed.content_sha256, in_place.articles[1].seed.content_sha256}
    assert seed_folder.survey(tmp_path) is copied  # settled: kept again
