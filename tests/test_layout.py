"""Article layout: headline, captions, dateline, body and trailer, with exact offsets."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp.layout import parse_layout
from tests.conftest import SEED_000, SEED_004, seed_text


def test_seed_000_headline_captions_and_date():
    text = seed_text(SEED_000)
    layout = parse_layout(text)
    assert layout.headline == "Russian FM Hosts Fresh Armenian-Azeri Talks"
    captions = [text[s.start : s.end] for s in layout.blocks("caption")]
    assert len(captions) == 2 and all(c.startswith("Russia - ") for c in captions)
    assert layout.caption_date == date(2023, 7, 25)
    assert layout.outlet is None and layout.dateline is None
    body = layout.body_text(text)
    assert body.startswith("Russian Foreign Minister Sergei Lavrov signaled")
    assert "July 25, 2023" not in body and "Russia - " not in body
    assert len(layout.blocks("body")) == 13


def test_seed_004_dateline_and_trailer():
    text = seed_text(SEED_004)
    layout = parse_layout(text)
    assert layout.headline is None
    assert layout.outlet == "Reuters"
    assert layout.dateline == "(Reuters) –"
    assert layout.authors == ["Ron Popeski"] and layout.editors == ["Jamie Freed"]
    body = layout.body_text(text)
    assert body.startswith("Russian Foreign Minister Sergei Lavrov said on Tuesday")
    assert "Reporting by" not in body and "(Reuters)" not in body


def test_trailer_with_several_roles():
    text = "Headline here\n\nBody sentence one.\n(Reporting by Ann Lee and Bo Chan; Additional reporting by Cy Dee; Writing by Ed Fox; Editing by Gil Ho and Ian Jo)"
    layout = parse_layout(text)
    assert layout.authors == ["Ann Lee", "Bo Chan", "Cy Dee", "Ed Fox"]
    assert layout.editors == ["Gil Ho", "Ian Jo"]


def test_place_dateline_with_date():
    layout = parse_layout("MOSCOW, July 25 (Reuters) - Talks went on.\nMore text follows here.")
    assert layout.outlet == "Reuters" and layout.dateline.startswith("MOSCOW")


def test_explicit_date_in_body():
    layout = parse_layout("A headline\n\nOn 3 March 2021 the talks began.")
    assert layout.explicit_date == date(2021, 3, 3)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_segments_partition_any_text(text):
    layout = parse_layout(text)
    cursor = 0
    for segment in layout.segments:
        assert segment.start == cursor and segment.end > segment.start
        cursor = segment.end
    assert cursor == len(text)
    for segment in layout.segments:
        if segment.section not in ("blank", "dateline"):
            piece = text[segment.start : segment.end]
            assert piece == piece.strip() and piece
