"""Words that are no part of a name, and the gender an honorific gives (pipeline/nlp/names.py)."""

from __future__ import annotations

import pytest

from pipeline.nlp.names import conflicting_genders, honorific_gender, is_epithet, non_name_words


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Crooked Hillary Clinton", ["Crooked"]),
        ("Lyin' Ted Cruz", ["Lyin'"]),
        ("Lyin’ Ted", ["Lyin'"]),
        ("Hillary Clinton", []),
        ("Ruud van Nistelrooy", []),
        ("Alan Little", []),
    ],
)
def test_epithets_are_no_part_of_a_name(name, words):
    assert non_name_words(name) == words


def test_a_surname_that_is_also_an_adjective_is_a_name_after_a_given_name():
    assert is_epithet("Little") and non_name_words("Alan Little") == []


@pytest.mark.parametrize(
    ("surface", "gender"),
    [("Mrs. Clinton", "f"), ("Mrs Clinton", "f"), ("Ms Clinton", "f"), ("Mr Clinton", "m"), ("Bill Clinton", None)],
)
def test_honorific_gender(surface, gender):
    assert honorific_gender(surface) == gender


def test_conflicting_genders():
    assert conflicting_genders(["Bill Clinton", "Mr Clinton", "Mrs. Clinton"])
    assert not conflicting_genders(["Hillary Clinton", "Mrs. Clinton", "Ms Clinton", "Clinton"])
