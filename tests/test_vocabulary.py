"""The extractors' word lists (pipeline/knowledge/*.yaml) load, say what they are for and
where they come from, and are refused at load when malformed.

One loader reads them all: `pipeline.nlp.vocabulary.load_vocabulary`, for the files that
name their extractor (mentions, events, quotes, stances)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from pipeline.nlp.vocabulary import KNOWLEDGE_DIR, load_vocabulary

# --------------------------------------------------------------------------- load_vocabulary

# every knowledge file that names an extractor is a vocabulary file
EXTRACTORS = sorted(
    path.stem
    for path in KNOWLEDGE_DIR.glob("*.yaml")
    if isinstance(data := yaml.safe_load(path.read_text(encoding="utf-8")), dict) and "extractor" in data
)


def test_every_extractor_file_is_found():
    assert {"mentions", "events", "quotes", "stances"} <= set(EXTRACTORS)


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


# --------------------------------------------------------------------------- what the code reads

NLP_DIR = Path(__file__).resolve().parent.parent / "pipeline" / "nlp"


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_every_list_is_read_by_its_extractor(extractor):
    """A list or map that no code names is a misspelling or dead data."""
    vocabulary = load_vocabulary(extractor)
    code = "\n".join(path.read_text(encoding="utf-8") for path in (NLP_DIR / extractor).glob("*.py"))
    unread = sorted(name for name in [*vocabulary.lists, *vocabulary.maps] if f'"{name}"' not in code)
    assert unread == []


@pytest.mark.parametrize("extractor", ["mentions", "events"])
def test_every_list_names_its_own_source(extractor):
    vocabulary = load_vocabulary(extractor)
    for section in [*vocabulary.lists.values(), *vocabulary.maps.values()]:
        assert section.source and section.source.strip()


def test_lists_are_sets_and_tables_are_mappings():
    from pipeline.nlp.events.vocabulary import FIGURATIVE_OBJECTS, IRREALIS_WORDS
    from pipeline.nlp.mentions.vocabulary import HONORIFICS

    assert "seat" in FIGURATIVE_OBJECTS and isinstance(FIGURATIVE_OBJECTS, frozenset)
    assert IRREALIS_WORDS["refuse"] == "negated"
    assert HONORIFICS["mrs"] == "f" and HONORIFICS["dr"] is None
    with pytest.raises(TypeError):
        HONORIFICS["mrs"] = "m"  # type: ignore[index]


GOOD = """\
    extractor: demo
    source: written for this test only
    lists:
      verbs:
        about: verbs for the demo rule
        words: [meet, talk]
    maps:
      genders:
        about: genders for the demo rule
        source: where from
        entries: {mr: m, dr: null}
"""


def _load(tmp_path, text):
    (tmp_path / "demo.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    load_vocabulary.cache_clear()
    vocabulary = load_vocabulary("demo", tmp_path)
    return vocabulary.words("verbs"), vocabulary.mapping("genders", values=("m", "f", None))


def test_a_good_file_loads(tmp_path):
    verbs, genders = _load(tmp_path, GOOD)
    assert verbs == frozenset({"meet", "talk"}) and genders["dr"] is None


def test_a_long_list_may_be_one_block_of_words(tmp_path):
    """A list of single words may be written as one block, the words apart by white space
    (read as one YAML scalar: fast for the thousands of world_given_names); its words are
    checked like a sequence's."""
    block = GOOD.replace("words: [meet, talk]", "words: >-\n          meet\n          talk")
    verbs, _ = _load(tmp_path, block)
    assert verbs == frozenset({"meet", "talk"})
    with pytest.raises(ValueError, match="listed twice"):
        _load(tmp_path, GOOD.replace("words: [meet, talk]", "words: >-\n          meet talk\n          meet"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("words: [meet, talk]", "words: [meet, meet]"), "listed twice"),
        (("words: [meet, talk]", "words: [Meet]"), "lower case"),
        (("words: [meet, talk]", "words: [meet, no]"), "string"),  # unquoted YAML boolean
        (("{mr: m, dr: null}", "{mr: x}"), "expected one of"),
        (("source: written for this test only\n", ""), "source"),
        (("  verbs:", "  verb:"), "no word list 'verbs'"),
        (("words: [meet, talk]", "entries: {meet: x}"), "entries"),
    ],
)
def test_malformed_lists_fail_at_load(tmp_path, change, message):
    old, new = change
    text = textwrap.dedent(GOOD)
    assert old in text
    with pytest.raises((ValueError, KeyError), match=message):
        _load(tmp_path, text.replace(old, new, 1))
