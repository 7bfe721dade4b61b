"""The exports: PLOVER JSON Lines against the JSON Schema, the CSVs against their Pandera models."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from pipeline import exports
from pipeline.exports import plover
from pipeline.exports.tables import FRAMES
from pipeline.schemas import SchemaViolation, export_columns, read_export_csv, validate_export
from pipeline.storage import read_table

ARTICLES = pd.DataFrame({
    "article_id": ["a1", "a2"],
    "published_date": [date(2023, 7, 25), date(2023, 7, 26)],
    "outlet": ["Reuters", None],
    "headline": ["Ministers meet in Moscow", None],
    "url": ["https://example.org/a1", None],
    "processed_at": [datetime(2026, 1, 2, 3, 4), datetime(2026, 1, 5)],
})
ENTITIES = pd.DataFrame({
    "entity_id": ["country:ARM", "country:AZE", "person:sergei-lavrov", "org:eu", "org:rus-foreign-ministry",
                  "city:moscow"],
    "name": ["Armenia", "Azerbaijan", "Sergei Lavrov", "European Union", "Russian Foreign Ministry", "Moscow"],
    "entity_type": ["COUNTRY", "COUNTRY", "PERSON", "ORGANIZATION", "ORGANIZATION", "LOCATION"],
    "country_iso3": ["ARM", "AZE", "RUS", None, "RUS", "RUS"],
    "role": [None, None, "Foreign Minister", None, None, None],
    "wikidata_id": ["Q399", "Q227", None, "Q458", None, None],
})
EVENTS = pd.DataFrame({
    "event_id": ["ev-1", "ev-2"],
    "event_type": ["CONSULT", "ACCUSE"],
    "event_mode": ["third-party", None],
    "cameo_root": ["04", "11"],
    "event_date": [date(2023, 7, 25), None],
    "date_precision": ["day", None],
    "location_entity_id": ["city:moscow", None],
    "summary": ["Armenia and Azerbaijan consult, hosted by Sergei Lavrov, in Moscow",
                "Russian Foreign Ministry accuses Armenia"],
    "n_articles": [1, 1],
    "n_outlets": [1, 0],
    "confidence": [0.8, 0.65],
})
PARTICIPANTS = pd.DataFrame(
    [("ev-1", "country:ARM", "participant"), ("ev-1", "country:AZE", "participant"),
     ("ev-1", "person:sergei-lavrov", "mediator"), ("ev-2", "org:rus-foreign-ministry", "source"),
     ("ev-2", "country:ARM", "target")],
    columns=["event_id", "entity_id", "role"],
)
EVENT_MENTIONS = pd.DataFrame({
    "event_id": ["ev-1", "ev-2"],
    "article_id": ["a1", "a2"],
    "sentence_id": [1, 0],
    "trigger": ["talks", "accused"],
    "evidence": ["Lavrov hosted talks between Armenian and Azeri ministers in Moscow.",
                 "The Russian foreign ministry accused Yerevan of stalling."],
})
SENTENCES = pd.DataFrame({
    "article_id": ["a1", "a1", "a2"],
    "sentence_id": [0, 1, 0],
    "char_start": [0, 25, 0],
    "char_end": [24, 93, 57],
})
MENTIONS = pd.DataFrame({
    "article_id": ["a1", "a1", "a2", "a2"],
    "sentence_id": [1, 1, 0, 0],
    "entity_id": ["person:sergei-lavrov", "country:ARM", "org:rus-foreign-ministry", "country:ARM"],
    "surface": ["Lavrov", "Armenian", "The Russian foreign ministry", "Yerevan"],
    "char_start": [25, 51, 0, 45],
})
QUOTES = pd.DataFrame({
    "quote_id": ["a1#q1"], "article_id": ["a1"], "sentence_id": [1], "speaker_entity_id": [None],
    "speaker_surface": ["a ministry spokesman"], "text": ["talks were useful"], "kind": ["indirect"],
    "cue": ["said"], "char_start": [30], "char_end": [47],
})
STANCES = pd.DataFrame({
    "stance_id": ["st-1"], "holder_entity_id": ["person:sergei-lavrov"], "target": ["peace talks"],
    "target_entity_id": [None], "polarity": ["support"], "score": [0.6], "article_id": ["a1"], "sentence_id": [1],
    "quote_id": [None], "evidence": ["Lavrov hosted talks"], "issue_id": ["issue:peace-talks"],
    "issue_polarity": ["support"],
})
ISSUES = pd.DataFrame({"issue_id": ["issue:peace-talks"], "label": ["peace talks"]})
TABLES = {"events": EVENTS, "event_participants": PARTICIPANTS, "event_mentions": EVENT_MENTIONS,
          "entities": ENTITIES, "mentions": MENTIONS, "sentences": SENTENCES, "articles": ARTICLES,
          "stances": STANCES, "issues": ISSUES, "quotes": QUOTES}

READABLE_COLUMNS = {
    "events.csv": ["event_id", "event_date", "date_precision", "event_type", "event_mode", "quad_class", "quad_code",
                   "cameo_root", "event_scale", "source_actors", "source_countries", "target_actors",
                   "target_countries", "other_actors", "location", "location_country", "summary", "n_articles",
                   "n_outlets", "confidence", "first_reported", "article_id", "headline", "url", "trigger",
                   "evidence"],
    "stances.csv": ["stance_id", "holder", "holder_entity_id", "holder_country", "issue_id", "issue",
                    "issue_polarity", "target", "target_entity_id", "polarity", "score", "evidence", "quote_id",
                    "article_id", "sentence_id", "published_date", "outlet", "headline", "url"],
    "quotes.csv": ["quote_id", "speaker", "speaker_entity_id", "speaker_as_written", "speaker_country", "quote",
                   "kind", "reporting_verb", "article_id", "sentence_id", "published_date", "outlet", "headline",
                   "url"],
}


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return list(plover.build_records(TABLES, coder="newsevents test"))


def test_records_follow_plover_and_validate(records):
    assert plover.validate_records(records) == 2
    consult, accuse = records
    assert consult["id"] == "ev-1" and consult["event"] == ["CONSULT"] and consult["mode"] == ["third-party"]
    assert consult["date"] == "2023-07-25" and consult["date_source"] == "event"
    # reciprocal event: every party is a source, no recipient; the host is a mediator
    assert [a["code"] for a in consult["source"]] == ["ARM", "AZE"] and consult["recipient"] == []
    lavrov = consult["mediator"][0]
    assert lavrov == {"code": "RUS", "sector": "GOV", "actor_text": "Lavrov", "identifier_id": None,
                      "identifier_text": "Sergei Lavrov", "office": "Foreign Minister",
                      "entity_id": "person:sergei-lavrov", "entity_type": "PERSON"}
    assert consult["event_loc"] == {"name": "Moscow", "cc3": "RUS", "entity_id": "city:moscow"}
    assert consult["quad_code"] == 1 and consult["event_scale"] == 2.1
    assert consult["text_info"] == {"sequence": 1, "start": 25, "end": 93}
    assert consult["cite_info"]["publication"] == "Reuters" and consult["cite_info"]["url"] == "https://example.org/a1"
    assert consult["coded_date"] == "2026-01-02"
    # no event date: the report's date, said so
    assert accuse["date"] == "2023-07-26" and accuse["date_source"] == "report" and accuse["date_precision"] is None
    assert accuse["source"][0]["actor_text"] == "The Russian foreign ministry"
    assert accuse["source"][0]["sector"] == "GOV" and accuse["recipient"][0]["actor_text"] == "Yerevan"
    assert accuse["quad_code"] == 3 and accuse["event_text"] == ["accused"]


def test_an_international_body_gets_a_nonstate_code():
    knowledge = plover.load_knowledge()
    eu = ENTITIES[ENTITIES["entity_id"] == "org:eu"].iloc[0].to_dict()
    assert plover.actor_code(eu, knowledge) == "IGO" and plover.actor_sector(eu, knowledge) is None


@pytest.mark.parametrize(
    ("breakage", "field"),
    [
        (lambda r: r.update(event=["DANCE"]), "event/0"),
        (lambda r: r.pop("id"), "(record)"),
        (lambda r: r.update(date="25 July 2023"), "date"),
        (lambda r: r["source"][0].update(code="Armenia"), "source/0/code"),
        (lambda r: r.update(quad_code=5), "quad_code"),
        (lambda r: r.update(colour="blue"), "(record)"),
        (lambda r: r.update(reports=[]), "reports"),
    ],
)
def test_a_broken_record_fails_the_schema(records, breakage, field):
    broken = json.loads(json.dumps(records[0]))
    breakage(broken)
    with pytest.raises(plover.PloverInvalid) as failure:
        plover.validate_records([records[1], broken])
    assert f"record 2 (id {broken.get('id')!r}): {field}:" in str(failure.value)


def test_the_schema_file_is_a_valid_draft_2020_12_schema():
    schema = plover.load_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    assert {"id", "date", "source", "recipient", "event", "mode", "quad_code"} <= set(schema["properties"])


@pytest.mark.parametrize("name", sorted(READABLE_COLUMNS))
def test_csv_columns_are_the_readable_ones(name):
    assert export_columns(name) == READABLE_COLUMNS[name]
    frame = FRAMES[name](TABLES)
    assert list(frame.columns) == READABLE_COLUMNS[name]
    validate_export(name, frame)


def test_events_csv_joins_names(records):
    frame = FRAMES["events.csv"](TABLES).set_index("event_id")
    assert frame.loc["ev-2", "source_actors"] == "Russian Foreign Ministry"
    assert frame.loc["ev-2", "target_countries"] == "ARM"
    assert frame.loc["ev-1", "other_actors"] == "Armenia; Azerbaijan; Sergei Lavrov"
    assert frame.loc["ev-1", "location"] == "Moscow" and frame.loc["ev-1", "event_date"] == "2023-07-25"
    assert pd.isna(frame.loc["ev-2", "event_date"]) and frame.loc["ev-2", "first_reported"] == "2023-07-26"
    stances = FRAMES["stances.csv"](TABLES)
    assert stances.loc[0, "holder"] == "Sergei Lavrov" and stances.loc[0, "holder_country"] == "RUS"
    assert stances.loc[0, "issue"] == "peace talks" and stances.loc[0, "target"] == "peace talks"
    quotes = FRAMES["quotes.csv"](TABLES)
    assert quotes.loc[0, "speaker"] == "a ministry spokesman" and pd.isna(quotes.loc[0, "speaker_entity_id"])


def test_written_files_validate_and_a_damaged_csv_does_not(tmp_path):
    summary = exports.write_exports(tmp_path, TABLES)
    assert summary.rows == {"events.plover.jsonl": 2, "events.csv": 2, "stances.csv": 1, "quotes.csv": 1}
    assert exports.check_exports(tmp_path) == summary.rows
    lines = (tmp_path / "exports" / "events.plover.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["ev-1", "ev-2"]
    assert read_export_csv(tmp_path / "exports" / "events.csv")["event_id"].tolist() == ["ev-1", "ev-2"]

    stances = tmp_path / "exports" / "stances.csv"
    stances.write_text(stances.read_text(encoding="utf-8").replace(",support,", ",in favour,"), encoding="utf-8")
    with pytest.raises(SchemaViolation, match="polarity"):
        exports.check_exports(tmp_path)


def test_an_invalid_record_leaves_the_old_file_in_place(tmp_path, monkeypatch):
    exports.write_exports(tmp_path, TABLES)
    before = (tmp_path / "exports" / "events.plover.jsonl").read_bytes()
    broken = {**TABLES, "events": EVENTS.assign(summary=["", "x"])}  # an empty comment breaks the schema
    with pytest.raises(plover.PloverInvalid, match="comment"):
        exports.write_exports(tmp_path, broken)
    assert (tmp_path / "exports" / "events.plover.jsonl").read_bytes() == before


@pytest.mark.slow
def test_exports_of_the_seed_run_validate(seed_run):
    _, data, result = seed_run
    rows = exports.check_exports(data)
    assert rows["events.plover.jsonl"] == rows["events.csv"] == len(read_table(data, "events")) > 0
    assert rows["stances.csv"] == len(read_table(data, "stances"))
    assert rows["quotes.csv"] == len(read_table(data, "quotes"))
    ours = [c for c in result.get_asset_check_evaluations() if c.check_name == "exports_match_schemas"]
    assert len(ours) == 1 and ours[0].passed


def test_exports_are_deterministic(tmp_path):
    """Same tables, same bytes: rows in id order, no run time in any file."""
    first = exports.write_exports(tmp_path / "one", TABLES).paths()
    shuffled = {name: frame.sample(frac=1, random_state=3) for name, frame in TABLES.items()}
    second = exports.write_exports(tmp_path / "two", shuffled).paths()
    assert {n: p.read_bytes() for n, p in first.items()} == {n: p.read_bytes() for n, p in second.items()}


def test_batched_plover_writes_the_same_bytes_as_one_batch(tmp_path):
    """Streaming in batches changes no byte: record order and JSON as when written at once."""
    one = exports.write_exports(tmp_path / "one", TABLES, batch=1).paths()
    whole = exports.write_exports(tmp_path / "whole", TABLES, batch=10_000).paths()
    assert {n: p.read_bytes() for n, p in one.items()} == {n: p.read_bytes() for n, p in whole.items()}
    records = list(plover.build_records(TABLES, exports.coder()))
    expected = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    assert one["events.plover.jsonl"].read_text(encoding="utf-8") == expected


def test_an_invalid_record_in_a_later_batch_leaves_the_old_file_in_place(tmp_path):
    exports.write_exports(tmp_path, TABLES)
    before = (tmp_path / "exports" / "events.plover.jsonl").read_bytes()
    broken = {**TABLES, "events": EVENTS.assign(summary=["x", ""])}  # the second record breaks the schema
    with pytest.raises(plover.PloverInvalid, match=r"record 2 .*comment"):
        exports.write_exports(tmp_path, broken, batch=1)
    assert (tmp_path / "exports" / "events.plover.jsonl").read_bytes() == before
    assert not list((tmp_path / "exports").glob(".*"))  # no temporary file left behind


def test_reading_the_parquet_tables_in_batches_writes_what_the_frames_give(tmp_path, monkeypatch):
    """The disk path (PLOVER tables filtered batch by batch while read) against the tables
    handed over whole: the same bytes in every file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipeline import storage
    from pipeline.storage import table_path

    monkeypatch.setattr(storage, "READ_BATCH_ROWS", 1)
    for name, frame in TABLES.items():
        table_path(tmp_path / "disk", name).parent.mkdir(parents=True)
        pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), table_path(tmp_path / "disk", name),
                       row_group_size=1)
    from_disk = exports.write_exports(tmp_path / "disk", batch=1).paths()
    whole = exports.write_exports(tmp_path / "whole", TABLES).paths()
    assert {n: p.read_bytes() for n, p in from_disk.items()} == {n: p.read_bytes() for n, p in whole.items()}


def _on_disk(data_dir: Path, tables: dict[str, pd.DataFrame]) -> None:
    """`tables` as the Parquet files the pipeline writes under `data_dir`."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipeline.storage import table_path

    for name, frame in tables.items():
        table_path(data_dir, name).parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), table_path(data_dir, name))


def test_a_csv_whose_inputs_are_unchanged_is_not_even_built(tmp_path, monkeypatch):
    """From the Parquet tables, a CSV whose tables (and the article columns it reads) are those
    it was built from keeps its file unbuilt; an article's processed_at is not one of them. A
    changed table builds the CSVs that read it, to the bytes a build from nothing writes."""
    _on_disk(tmp_path, TABLES)
    first = exports.write_exports(tmp_path)
    built: list[str] = []
    for name, build in list(FRAMES.items()):
        monkeypatch.setitem(FRAMES, name, lambda tables, name=name, build=build: built.append(name) or build(tables))
    later = ARTICLES.assign(processed_at=datetime(2026, 3, 1))
    _on_disk(tmp_path, {"articles": later})
    assert exports.write_exports(tmp_path).rows == first.rows
    assert built == []
    stances = TABLES["stances"].assign(polarity="oppose")
    _on_disk(tmp_path, {"stances": stances})
    exports.write_exports(tmp_path)
    assert built == ["stances.csv"]
    _on_disk(tmp_path / "fresh", {**TABLES, "articles": later, "stances": stances})
    fresh = exports.write_exports(tmp_path / "fresh").paths()
    assert {n: (tmp_path / "exports" / n).read_bytes() for n in fresh} == {n: p.read_bytes() for n, p in fresh.items()}
    built.clear()
    (tmp_path / "exports" / "quotes.csv").write_bytes(b"edited by hand\n")
    exports.write_exports(tmp_path)
    assert built == ["quotes.csv"]
    assert (tmp_path / "exports" / "quotes.csv").read_bytes() == fresh["quotes.csv"].read_bytes()


def _validated_ids(monkeypatch) -> list[str]:
    """The ids of the records that reach the JSON Schema validator from now on."""
    seen: list[str] = []
    real = plover.validate_numbered

    def counting(numbered, limit=10):
        pairs = list(numbered)
        seen.extend(record["id"] for _, record in pairs)
        return real(pairs, limit)

    monkeypatch.setattr(plover, "validate_numbered", counting)
    return seen


def test_a_rewrite_validates_only_the_lines_not_validated_before(tmp_path, monkeypatch):
    exports.write_exports(tmp_path, TABLES)
    seen = _validated_ids(monkeypatch)
    exports.write_exports(tmp_path, TABLES)
    assert exports.check_exports(tmp_path)["events.plover.jsonl"] == 2
    assert seen == []  # same lines as before: none validated again, by the step or by its check
    changed = {**TABLES, "events": EVENTS.assign(summary=["Talks held in Moscow.", EVENTS["summary"][1]])}
    exports.write_exports(tmp_path, changed)
    exports.check_exports(tmp_path)
    assert seen == ["ev-1"]  # the changed record, when written (the check reads the same bytes back)


def test_a_line_edited_after_writing_is_validated_again(tmp_path):
    exports.write_exports(tmp_path, TABLES)
    path = tmp_path / "exports" / "events.plover.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[1])
    record["quad_code"] = 9  # outside the schema's range
    path.write_text("\n".join([lines[0], json.dumps(record, ensure_ascii=False)]) + "\n", encoding="utf-8")
    with pytest.raises(plover.PloverInvalid, match=r"record 2 \(id 'ev-2'\): quad_code"):
        exports.check_exports(tmp_path)


def test_a_memo_of_another_schema_is_ignored(tmp_path, monkeypatch):
    from pipeline.exports import validated

    exports.write_exports(tmp_path, TABLES)
    assert len(validated.load(tmp_path)) == 2
    monkeypatch.setattr(validated, "schema_identity", lambda: "another schema")
    assert validated.load(tmp_path) == frozenset()
    seen = _validated_ids(monkeypatch)
    exports.check_exports(tmp_path)
    assert seen == ["ev-1", "ev-2"]


def _validated_csvs(monkeypatch) -> list[str]:
    """The CSVs validated from now on, by name."""
    seen: list[str] = []
    real = exports.validate_export
    monkeypatch.setattr(exports, "validate_export", lambda name, frame: seen.append(name) or real(name, frame))
    return seen


def test_a_csv_built_from_the_same_frame_is_neither_validated_nor_written_again(tmp_path, monkeypatch):
    exports.write_exports(tmp_path, TABLES)
    folder = tmp_path / "exports"
    before = {name: ((folder / name).read_bytes(), (folder / name).stat().st_mtime_ns) for name in exports.EXPORT_CSVS}
    seen = _validated_csvs(monkeypatch)
    summary = exports.write_exports(tmp_path, TABLES)
    assert seen == [] and summary.rows["stances.csv"] == 1
    assert {name: ((folder / name).read_bytes(), (folder / name).stat().st_mtime_ns) for name in before} == before
    changed = {**TABLES, "stances": TABLES["stances"].assign(polarity="oppose")}
    exports.write_exports(tmp_path, changed)
    assert seen == ["stances.csv"]  # only the file whose frame changed
    assert ",oppose," in (folder / "stances.csv").read_text(encoding="utf-8")


def _memo_of_other_code(monkeypatch, name: str) -> None:
    """From now on `exports.<name>` gives its memo under another code's identity."""
    real = getattr(exports, name)

    def of_other_code(data_dir):
        memo = real(data_dir)
        memo.identity = "other code"
        return memo

    monkeypatch.setattr(exports, name, of_other_code)


def test_a_csv_edited_by_hand_or_a_memo_of_other_code_means_validating_again(tmp_path, monkeypatch):
    exports.write_exports(tmp_path, TABLES)
    folder = tmp_path / "exports"
    written = (folder / "events.csv").read_bytes()
    (folder / "events.csv").write_bytes(written.replace(b"ev-1", b"ev-9"))
    seen = _validated_csvs(monkeypatch)
    exports.write_exports(tmp_path, TABLES)
    assert seen == ["events.csv"] and (folder / "events.csv").read_bytes() == written
    _memo_of_other_code(monkeypatch, "csv_memo")
    exports.write_exports(tmp_path, TABLES)
    assert seen == ["events.csv", *exports.EXPORT_CSVS]


def test_the_check_reads_again_only_the_files_whose_bytes_it_has_not_passed(tmp_path, monkeypatch):
    """A file the check passed and that still holds the same bytes passes with its rows,
    unread; a rewritten file, or a memo of other code, is read and validated again."""
    summary = exports.write_exports(tmp_path, TABLES)
    assert exports.check_exports(tmp_path) == summary.rows
    reads: list[str] = []
    real_csv, real_plover = exports.read_export_csv, exports.check_plover
    monkeypatch.setattr(exports, "read_export_csv", lambda path: reads.append(Path(path).name) or real_csv(path))
    monkeypatch.setattr(exports, "check_plover",
                        lambda path, passed=frozenset(): reads.append(Path(path).name) or real_plover(path, passed))
    assert exports.check_exports(tmp_path) == summary.rows
    assert reads == []
    exports.write_exports(tmp_path, {**TABLES, "stances": TABLES["stances"].assign(polarity="oppose")})
    assert exports.check_exports(tmp_path) == summary.rows
    assert reads == ["stances.csv"]
    _memo_of_other_code(monkeypatch, "checked_memo")
    exports.check_exports(tmp_path)
    assert reads == ["stances.csv", "events.plover.jsonl", *exports.EXPORT_CSVS]


def _plover_builds(monkeypatch) -> list[int]:
    """One entry per PLOVER build from now on."""
    builds: list[int] = []
    real = plover.build_records
    monkeypatch.setattr(plover, "build_records", lambda tables, coder: builds.append(1) or real(tables, coder))
    return builds


def test_a_plover_file_from_the_same_inputs_is_not_built_again(tmp_path, monkeypatch):
    """An edit that leaves what the records read as it was (another article's processed_at)
    keeps the file as it is; one that changes a reporting article's row builds it again,
    to the bytes a build from nothing writes."""
    unreported = {"article_id": "a3", "published_date": date(2023, 8, 1), "outlet": "BBC", "headline": "Other",
                  "url": "https://example.org/a3", "processed_at": datetime(2026, 1, 6)}
    aliased = ENTITIES.assign(aliases=[["Armenia", "Republic of Armenia"], [], [], ["EU"], [], []])  # unhashable
    tables = {**TABLES, "entities": aliased,
              "articles": pd.concat([ARTICLES, pd.DataFrame([unreported])], ignore_index=True)}
    path = tmp_path / "exports" / "events.plover.jsonl"
    exports.write_exports(tmp_path, tables)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    builds = _plover_builds(monkeypatch)
    later = tables["articles"].assign(processed_at=tables["articles"]["processed_at"].where(
        tables["articles"]["article_id"] != "a3", datetime(2026, 2, 1)))
    summary = exports.write_exports(tmp_path, {**tables, "articles": later})
    assert builds == [] and summary.rows["events.plover.jsonl"] == 2
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert exports.check_exports(tmp_path)["events.plover.jsonl"] == 2
    same_day = later.assign(processed_at=later["processed_at"].where(later["article_id"] != "a1",
                                                                     datetime(2026, 1, 2, 23, 59)))
    exports.write_exports(tmp_path, {**tables, "articles": same_day})  # a reporting article, again that day
    assert builds == [] and (path.read_bytes(), path.stat().st_mtime_ns) == before
    reprocessed = later.assign(processed_at=later["processed_at"].where(later["article_id"] != "a1",
                                                                        datetime(2026, 2, 2)))
    exports.write_exports(tmp_path, {**tables, "articles": reprocessed})
    assert builds == [1]
    fresh = exports.write_exports(tmp_path / "fresh", {**tables, "articles": reprocessed}).paths()
    assert path.read_bytes() == fresh["events.plover.jsonl"].read_bytes() != before[0]


def test_a_plover_file_edited_by_hand_or_a_memo_of_other_code_is_built_again(tmp_path, monkeypatch):
    exports.write_exports(tmp_path, TABLES)
    path = tmp_path / "exports" / "events.plover.jsonl"
    written = path.read_bytes()
    path.write_bytes(written.replace(b"ev-1", b"ev-9"))
    builds = _plover_builds(monkeypatch)
    exports.write_exports(tmp_path, TABLES)
    assert builds == [1] and path.read_bytes() == written
    _memo_of_other_code(monkeypatch, "plover_memo")
    exports.write_exports(tmp_path, TABLES)
    assert builds == [1, 1] and path.read_bytes() == written


def _mutations(record: dict):
    """`record` made wrong (or right) in every place: each value swapped for values of every
    JSON type and of every shape the schema names, each member dropped, an unknown one added."""
    values = [None, True, False, 0, 1, 1.0, 2, -11, 11, 2.5, "", "x", "ARM", "arm", "Q42", "Qx", "en", "07",
              "2023-07-25", "2023-02-30", "25 July 2023", "AGREE", "GOV", "PERSON", "event", "day", [], [""],
              ["x"], ["AGREE"], [None], {}, {"name": "x", "cc3": None, "entity_id": "e"}]

    def walk(node, path):
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in list(items):
            yield path + [key]
            yield from walk(value, path + [key])

    def changed(path, change):
        copy = json.loads(json.dumps(record))
        target = copy
        for key in path[:-1]:
            target = target[key]
        change(target, path[-1])
        return copy

    yield record
    yield {**record, "colour": "blue"}
    for path in walk(record, []):
        for value in values:
            yield changed(path, lambda target, key, value=value: target.__setitem__(key, value))
        yield changed(path, lambda target, key: target.pop(key))
        yield changed(path, lambda target, key: target[key].update(extra=1) if isinstance(target[key], dict) else None)


def test_the_fast_schema_check_answers_as_jsonschema(records):
    passes, judge = plover.passes_schema(), plover.validator()
    answers = [(passes(record), judge.is_valid(record)) for source in records for record in _mutations(source)]
    assert all(ours == theirs for ours, theirs in answers)
    assert len(answers) > 1000 and {ours for ours, _ in answers} == {True, False}
