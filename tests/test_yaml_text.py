"""The knowledge files read the same with libyaml's parser as with PyYAML's pure-Python one."""

from __future__ import annotations

import pytest
import yaml

from pipeline.nlp.lexicons import KNOWLEDGE_DIR
from pipeline.nlp.yaml_text import SAFE_LOADER, UniqueKeyLoader, safe_load


@pytest.mark.parametrize("path", sorted(KNOWLEDGE_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_every_knowledge_file_reads_as_the_pure_python_parser_reads_it(path):
    text = path.read_text(encoding="utf-8")
    assert safe_load(text) == yaml.safe_load(text)


def test_the_loader_is_safe():
    assert issubclass(SAFE_LOADER, (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    with pytest.raises(yaml.YAMLError):
        safe_load("!!python/object/apply:os.system ['true']")


@pytest.mark.parametrize("path", sorted(KNOWLEDGE_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_no_knowledge_file_holds_a_key_twice(path):
    """Run time reads these with `safe_load`, which keeps the last of two equal keys."""
    with path.open(encoding="utf-8") as handle:
        yaml.load(handle, Loader=UniqueKeyLoader)


def test_the_unique_key_loader_names_a_repeated_key():
    with pytest.raises(ValueError, match="duplicate key 'verbs' at line 3"):
        yaml.load("verbs: [say]\nnouns: [claim]\nverbs: [tell]\n", Loader=UniqueKeyLoader)
