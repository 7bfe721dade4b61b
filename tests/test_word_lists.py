"""The extractors' word lists (knowledge/mentions.yaml, knowledge/events.yaml) load, say what
they are for and where they come from, and refuse malformed data at load."""

from __future__ import annotations

import textwrap

import pytest
import yaml

from pipeline.nlp.lexicons import KNOWLEDGE_DIR, load_word_lists


@pytest.mark.parametrize("name", ["mentions", "events"])
def test_shipped_lists_are_documented_and_loaded_by_their_extractor(name):
    data = yaml.safe_load((KNOWLEDGE_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
    module = __import__(f"pipeline.nlp.{name}.vocabulary", fromlist=["_LISTS"])
    assert set(module._LISTS) == set(data)
    for section in data.values():
        assert section["about"].strip() and section["source"].strip()


def test_lists_are_sets_and_tables_are_mappings():
    from pipeline.nlp.events.vocabulary import FIGURATIVE_OBJECTS, IRREALIS_WORDS
    from pipeline.nlp.mentions.vocabulary import HONORIFICS

    assert "seat" in FIGURATIVE_OBJECTS and isinstance(FIGURATIVE_OBJECTS, frozenset)
    assert IRREALIS_WORDS["refuse"] == "negated"
    assert HONORIFICS["mrs"] == "f" and HONORIFICS["dr"] is None


GOOD = """\
    verbs:
      about: what for
      source: where from
      words: [meet, talk]
    genders:
      about: what for
      source: where from
      entries: {mr: m, dr: null}
"""


def _load(tmp_path, text):
    path = tmp_path / "words.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_word_lists("words", lists=("verbs",), tables={"genders": ("m", "f", None)}, path=path)


def test_a_good_file_loads(tmp_path):
    lists = _load(tmp_path, GOOD)
    assert lists["verbs"] == frozenset({"meet", "talk"}) and lists["genders"]["dr"] is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("words: [meet, talk]", "words: [meet, meet]"), "listed twice"),
        (("words: [meet, talk]", "words: [Meet]"), "lower-case"),
        (("words: [meet, talk]", "words: [meet, no]"), "lower-case"),  # unquoted YAML boolean
        (("{mr: m, dr: null}", "{mr: x}"), "expected one of"),
        (("  source: where from\n  words", "  words"), "source"),
        (("verbs:", "verb:"), "missing or unknown"),
        (("words: [meet, talk]", "entries: {meet: x}"), "words"),
    ],
)
def test_malformed_lists_fail_at_load(tmp_path, change, message):
    old, new = change
    text = textwrap.dedent(GOOD)
    assert old in text
    with pytest.raises(ValueError, match=message):
        _load(tmp_path, text.replace(old, new, 1))
