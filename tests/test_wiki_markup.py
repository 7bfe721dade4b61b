"""Wiki markup is blanked for the parser without moving any offset (pipeline/nlp/wiki_markup.py)."""

from __future__ import annotations

import pytest

from pipeline.nlp.ingest import parse_text_for_nlp
from pipeline.nlp.wiki_markup import blank_wiki_markup


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        ("said [[United Nations|UN]] chief", "said                  UN   chief"),
        ("in [[Paris]] today", "in   Paris   today"),
        ("Volcker|Paul Volcker]], a former official", "        Paul Volcker  , a former official"),
        ("the ''Associated Press'' said", "the ''Associated Press'' said"),  # emphasis is kept
        ("He said |UN]] x", "He said |UN   x"),  # no capitalised target at the line start
        ("a | b table", "a | b table"),
        # an external link: the address goes, the shown text stays
        ("the [http://www.example.org/ Board of Studies] site", "the                          Board of Studies  site"),
        ("see [http://www.example.org/a.htm] now", "see                                now"),
        ("a [note] stays", "a [note] stays"),
    ],
)
def test_markup_becomes_spaces(text: str, seen: str) -> None:
    assert blank_wiki_markup(text) == seen
    assert len(parse_text_for_nlp(text)) == len(text)
