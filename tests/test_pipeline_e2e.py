"""The full asset graph, materialised in-process on the seeds into a temp folder."""

from __future__ import annotations

import re

import duckdb
import pytest

from pipeline.schemas import TABLES
from tests.conftest import SEED_000, SEED_004

pytestmark = pytest.mark.slow  # runs the whole pipeline on the seeds

CONTRACT_COLUMNS = {
    "articles": ["article_id", "source_file", "content_sha256", "outlet", "headline", "dateline",
                 "published_date", "published_date_source", "authors", "editors", "body",
                 "n_sentences", "n_words", "processed_at"],
    "sentences": ["article_id", "sentence_id", "section", "paragraph_id", "char_start", "char_end", "text"],
    "entities": ["entity_id", "name", "entity_type", "country_iso3", "role", "wikidata_id", "aliases",
                 "n_mentions", "n_articles"],
    "mentions": ["mention_id", "article_id", "sentence_id", "entity_id", "surface", "char_start",
                 "char_end", "ner_label", "resolution"],
    "events": ["event_id", "event_type", "event_mode", "cameo_root", "event_date", "date_precision",
               "location_entity_id", "summary", "n_articles", "n_outlets", "confidence"],
    "event_participants": ["event_id", "entity_id", "role"],
    "event_mentions": ["event_id", "article_id", "sentence_id", "trigger", "evidence", "link_reason"],
    "quotes": ["quote_id", "article_id", "sentence_id", "speaker_entity_id", "speaker_surface", "text",
               "kind", "cue", "char_start", "char_end"],
    "stances": ["stance_id", "holder_entity_id", "target", "target_entity_id", "polarity", "score",
                "article_id", "sentence_id", "quote_id", "evidence"],
    "rejected_files": ["source_file", "content_sha256", "reason", "detected_at"],
}  # fmt: skip


@pytest.fixture(scope="module")
def built(seed_run):
    seeds, data, result = seed_run
    connection = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    yield seeds, data, connection, result
    connection.close()


def test_every_contract_table_and_column_is_in_the_warehouse(built):
    _, _, connection, _ = built
    for table, columns in CONTRACT_COLUMNS.items():
        present = [r[0] for r in connection.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()]
        assert set(columns) <= set(present), (table, set(columns) - set(present))
    for view in ("event_timeline", "actor_stances", "quote_book"):
        connection.execute(f"SELECT * FROM {view}").fetchall()


def test_parquet_written_per_table(built):
    _, data, _, _ = built
    for table in TABLES:
        assert (data / "parquet" / table / f"{table}.parquet").is_file()


def test_seed_articles_fields(built):
    _, _, connection, _ = built
    rows = {r[0]: r[1:] for r in connection.execute(
        "SELECT article_id, headline, outlet, authors, editors, published_date, published_date_source"
        " FROM articles").fetchall()}
    headline, outlet, authors, editors, published, source = rows[SEED_000]
    assert headline == "Russian FM Hosts Fresh Armenian-Azeri Talks"
    assert str(published) == "2023-07-25" and source == "caption"
    headline, outlet, authors, editors, published, source = rows[SEED_004]
    assert outlet == "Reuters" and authors == ["Ron Popeski"] and editors == ["Jamie Freed"]


def test_sentences_equal_their_slice_of_the_raw_file(built):
    seeds, _, connection, _ = built
    sentences = connection.execute("SELECT article_id, char_start, char_end, text, section FROM sentences").fetchall()
    assert len(sentences) > 20
    raw = {p.stem: p.read_text(encoding="utf-8") for p in seeds.glob("*.txt")}
    for article_id, start, end, text, _ in sentences:
        assert raw[article_id][start:end] == text


def test_no_caption_or_trailer_text_in_any_body(built):
    _, _, connection, _ = built
    bodies = dict(connection.execute("SELECT article_id, body FROM articles").fetchall())
    for article_id, text, section in connection.execute(
            "SELECT article_id, text, section FROM sentences"
            " WHERE section IN ('caption', 'trailer', 'headline')").fetchall():
        assert text not in bodies[article_id], (section, text)
    assert not any(re.search(r"Reporting by|\(Reuters\)", body) for body in bodies.values())


def test_every_asset_check_passed(built):
    _, _, _, result = built
    evaluations = result.get_asset_check_evaluations()
    assert len(evaluations) >= len(TABLES)
    failed = [(e.asset_key.to_user_string(), e.check_name, e.description) for e in evaluations if not e.passed]
    assert not failed
