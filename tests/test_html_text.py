"""Saved web pages: only the main text is kept (no menus, cookie banners, footers, related links)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.nlp import html_text
from pipeline.nlp.html_text import as_plain_text
from pipeline.nlp.ingest import ingest

FIXTURES = Path(__file__).parent / "fixtures" / "html"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


def normalised(text: str) -> str:
    return " ".join(text.split())


def page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_saved_page_keeps_its_article_and_drops_the_boilerplate(name):
    expected = EXPECTED[name]
    text, notes = as_plain_text(page(name))
    assert notes == ["html converted to text"]
    flat = normalised(text)
    positions = [flat.find(normalised(paragraph)) for paragraph in expected["paragraphs"]]
    assert -1 not in positions and positions == sorted(positions), "every paragraph, in order"
    assert [b for b in expected["boilerplate"] if normalised(b) in flat] == []
    assert expected["title"] in text.split("\n\n", 1)[0]
    for paragraph in expected["paragraphs"]:  # paragraphs stay paragraphs
        assert f"\n\n{paragraph}" in text or text.startswith(paragraph)


@pytest.mark.parametrize("name", ["semantic-html5.html", "wiki-page.html", "modern-story.html", "div-layout.html"])
def test_the_title_is_the_headline_without_the_site_name(name):
    text, _ = as_plain_text(page(name))
    title, body = text.split("\n\n", 1)
    assert title == EXPECTED[name]["title"]
    assert not body.startswith(title)  # the <h1> is not repeated as the first paragraph


def test_without_a_main_text_every_line_is_kept(monkeypatch):
    monkeypatch.setattr(html_text, "main_text_lines", lambda html: None)
    text, _ = as_plain_text(page("semantic-html5.html"))
    assert "Accept all cookies" in text and EXPECTED["semantic-html5.html"]["paragraphs"][0] in text


def test_an_extractor_failure_falls_back_to_every_line(monkeypatch):
    import trafilatura

    def broken(*args, **kwargs):
        raise RuntimeError("extractor bug")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    assert html_text.main_text_lines(page("div-layout.html")) is None
    text, _ = as_plain_text(page("div-layout.html"))
    assert EXPECTED["div-layout.html"]["paragraphs"][-1] in text


def test_line_breaks_and_paragraphs_of_a_short_page_are_kept():
    html = (
        "<!DOCTYPE html><html><head><title>Talks in  Moscow</title></head>"
        "<body><h1>Talks</h1><p>Lavrov said the talks were useful.</p><p>No deal<br>was reached.</p></body></html>"
    )
    text, _ = as_plain_text(html)
    assert text == "Talks in Moscow\n\nTalks\n\nLavrov said the talks were useful.\n\nNo deal\nwas reached."


def test_a_short_title_part_that_is_also_a_menu_item_is_not_the_headline():
    html = (
        "<html><head><title>Iran - US talks resume in Oman</title></head><body>"
        "<ul><li><a href='/iran'>Iran</a></li></ul><p>Talks between the two countries resumed on Monday.</p>"
        "</body></html>"
    )
    assert as_plain_text(html)[0].startswith("Iran - US talks resume in Oman\n\n")


def test_saved_html_files_are_articles_with_their_sidecars(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "story.html").write_text(page("modern-story.html"), encoding="utf-8")
    (tmp_path / "news" / "story.meta.json").write_text('{"outlet": "Example Entertainment"}', encoding="utf-8")
    (tmp_path / "old.HTM").write_text(page("div-layout.html"), encoding="cp1252", errors="replace")
    (tmp_path / "old.txt").write_text("The same name as a text file.", encoding="utf-8")
    articles, rejections = ingest(tmp_path)
    by_id = {a.seed.article_id: a for a in articles}
    assert set(by_id) == {"news/story", "old"}
    assert by_id["news/story"].metadata == {"outlet": "Example Entertainment"}
    assert by_id["news/story"].text.startswith("Aaliyah claim dismissed by court\n\n")
    assert "Reject non-essential" not in by_id["news/story"].text
    assert [(r.source_file, r.reason) for r in rejections] == [
        ("old.txt", "article id 'old' is already used by old.HTM; rename one file")
    ]
