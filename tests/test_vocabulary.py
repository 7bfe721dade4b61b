"""The extractors' word lists load, and bad lists are refused at load."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.nlp.vocabulary import KNOWLEDGE_DIR, load_vocabulary

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
