"""An article whose text gives no date takes one from a file name that starts with an ISO
date (the Wikinews corpus's naming), after metadata and the text (pipeline/nlp/extract.py)."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

import pytest

from pipeline.nlp.extract import article_row
from pipeline.nlp.ingest import DecodedArticle, SeedFile, decode_article
from pipeline.nlp.layout import parse_layout


def _row(name: str, text: str, tmp_path: Path) -> dict:
    raw = text.encode("utf-8")
    seed = SeedFile(tmp_path / name, name, name[: -len(".txt")], raw, hashlib.sha256(raw).hexdigest())
    article = decode_article(seed)
    assert isinstance(article, DecodedArticle)
    return article_row(article, parse_layout(article.text), [], datetime(2024, 1, 1))


@pytest.mark.parametrize(
    ("name", "published", "source"),
    [
        ("2004-11-30_us-president-bush-visits-canada.txt", date(2004, 11, 30), "filename"),
        ("nodate_hari-kostov-resigns.txt", None, None),
        ("2004-11-30.txt", None, None),  # a date alone names no article in that corpus
    ],
)
def test_a_dated_file_name_dates_an_undated_text(name: str, published, source, tmp_path: Path) -> None:
    row = _row(name, "Bush visits Canada\n\nProtesters marched in Ottawa on Tuesday.\n", tmp_path)
    assert (row["published_date"], row["published_date_source"]) == (published, source)


def test_the_text_s_own_date_comes_first(tmp_path: Path) -> None:
    row = _row("2004-11-30_summit.txt", "Summit opens\n\nDecember 3, 2004\n\nLeaders met in Cusco.\n", tmp_path)
    assert row["published_date_source"] != "filename"
