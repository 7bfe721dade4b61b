"""The extractors' word lists (pipeline/knowledge/*.yaml) load, say what they are for and
where they come from, and are refused at load when malformed.

Two loaders read them: `pipeline.nlp.vocabulary.load_vocabulary` reads the files that name
their extractor (quotes, stances), `pipeline.nlp.lexicons.load_word_lists` the sectioned
files of mentions and events."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from pipeline.nlp.lexicons import load_word_lists
from pipeline.nlp.vocabulary import KNOWLEDGE_DIR, load_vocabulary

# --------------------------------------------------------------------------- load_vocabulary

# every knowledge file that names an extractor is a vocabulary file
EXTRACTORS = sorted(
    path.stem
    for path in KNOWLEDGE_DIR.glob("*.yaml")
    if isinstance(data := yaml.safe_load(path.read_text(encoding="utf-8")), dict) and "extractor" in data
)


def test_every_extractor_file_is_found():
    assert {"quotes", "stances"} <= set(EXTRACTORS)


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_vocabulary_loads_with_provenance(extractor):
    vocabulary = load_vocabulary(extractor)
    assert vocabulary.lists or vocabulary.maps
    for name in vocabulary.lists:
        assert vocabulary.words(name)
    for name in vocabulary.maps:
        assert vocabulary.mapping(name)


def _write(tmp_path: Path, body: str) -> Path:
    header = "extractor: demo\nsource: written for this test only\n"
    (tmp_path / "demo.yaml").write_text(header + body, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "body, problem",
    [
        ("lists:\n  verbs:\n    about: verbs for the demo rule\n    words: [say, say]\n", "listed twice"),
        ("lists:\n  verbs:\n    about: verbs for the demo rule\n    words: [Say]\n", "lower case"),
        ("lists:\n  verbs:\n    words: [say]\n", "about"),
        ("lists:\n  verbs:\n    about: verbs for the demo rule\n    words: []\n", "words"),
        ("lists:\n  verbs:\n    about: verbs for the demo rule\n    wrds: [say]\n", "wrds"),
    ],
)
def test_bad_lists_are_refused(tmp_path, body, problem):
    with pytest.raises(ValueError, match=problem):
        load_vocabulary("demo", _write(tmp_path, body))


def test_unknown_list_names_fail_loudly(tmp_path):
    body = "lists:\n  verbs:\n    about: verbs for the demo rule\n    words: [go on]\n"
    vocabulary = load_vocabulary("demo", _write(tmp_path, body))
    assert vocabulary.pairs("verbs") == {("go", "on")}
    with pytest.raises(KeyError):
        vocabulary.words("verb")


# --------------------------------------------------------------------------- load_word_lists


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
