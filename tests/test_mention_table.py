"""Mentions as integer rows (`entity_resolution.table`): the rows come out in resolution's
order, ids of any shape are found again, and the links read as the dict they replace."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pipeline.nlp.entity_resolution import resolve_entities
from pipeline.nlp.entity_resolution.table import MentionTable
from tests.test_entities import person


def test_rows_are_in_article_offset_and_id_order_whatever_the_input_order():
    mentions = [
        person("b", 10, "Tony Blair"),
        person("a", 30, "Blair"),
        replace(person("a", 5, "Gordon Brown"), mention_id="a#m5x"),
        person("a", 5, "Gordon Brown"),  # same offset: "a#m5" sorts before "a#m5x"
        replace(person("b", 0, "Brown"), mention_id="elsewhere-7"),  # an id without its article's prefix
    ]
    table = MentionTable.of(mentions)
    assert [table.mention_id(row) for row in range(len(table))] == ["a#m5", "a#m5x", "a#m30", "elsewhere-7", "b#m10"]
    assert [table.article_id(row) for row in range(len(table))] == ["a", "a", "a", "b", "b"]
    assert [table.name(row) for row in range(len(table))] == [
        "Gordon Brown", "Gordon Brown", "Blair", "Brown", "Tony Blair"
    ]
    assert table.role(0) is None and table.char_start(2) == 30


def test_antecedents_are_found_by_id_of_any_shape():
    pronoun = replace(person("a", 40, "Blair"), kind="pronoun", antecedent="a#m0", surface="he")
    far = replace(person("a", 60, "Blair"), kind="pronoun", antecedent="odd id", surface="he")
    odd = replace(person("b", 0, "Tony Blair"), mention_id="odd id")
    missing = replace(person("a", 80, "Blair"), kind="pronoun", antecedent="a#m999", surface="he")
    table = MentionTable.of([person("a", 0, "Tony Blair"), pronoun, far, odd, missing])
    ids = [table.mention_id(row) for row in range(len(table))]
    assert ids == ["a#m0", "a#m40", "a#m60", "a#m80", "odd id"]
    assert [table.antecedent_row(row) for row in range(len(table))] == [None, 0, 4, None, None]
    assert table.has_antecedent(3) and not table.has_antecedent(0)


def test_links_read_as_a_dict():
    mentions = [
        person("a", 0, "Tony Blair", "Prime Minister", "GBR"),
        person("a", 40, "Blair", surface="Mr Blair"),
        replace(person("b", 0, "Tony Blair"), mention_id="odd id"),
    ]
    links = resolve_entities(mentions).links
    expected = {"a#m0": ("person:tony-blair", "exact"), "a#m40": ("person:tony-blair", "alias"),
                "odd id": ("person:tony-blair", "exact")}
    assert dict(links) == expected and links == expected and len(links) == 3
    assert "a#m40" in links and "a#m41" not in links and "c#m0" not in links and None not in links
    assert links.get("a#m1") is None and links.get(None, "none") == "none"
    with pytest.raises(KeyError):
        links["b#m0"]


def test_links_looked_up_together_are_those_looked_up_one_by_one():
    mentions = [
        person("a", 0, "Tony Blair", "Prime Minister", "GBR"),
        person("a", 40, "Blair", surface="Mr Blair"),
        replace(person("b", 0, "Tony Blair"), mention_id="odd id"),
        person("c", 5, "Gordon Brown"),
    ]
    links = resolve_entities(mentions).links
    asked = ["c#m5", "a#m40", "odd id", "a#m41", "z#m0", "nohash", None, "a#m0", "a#m40"]
    assert links.get_many(asked) == [links.get(mention_id) for mention_id in asked]
    assert links.get_many(asked)[3:7] == [None] * 4 and resolve_entities([]).links.get_many(asked) == [None] * 9


def test_no_mentions():
    resolution = resolve_entities([])
    assert resolution.entities == [] and dict(resolution.links) == {}
