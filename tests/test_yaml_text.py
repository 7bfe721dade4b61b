"""The knowledge files read the same with libyaml's parser as with PyYAML's pure-Python one."""

from __future__ import annotations

import pytest
import yaml

from pipeline.nlp.lexicons import KNOWLEDGE_DIR
from pipeline.nlp.yaml_text import SAFE_LOADER, safe_load


@pytest.mark.parametrize("path", sorted(KNOWLEDGE_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_every_knowledge_file_reads_as_the_pure_python_parser_reads_it(path):
    text = path.read_text(encoding="utf-8")
    assert safe_load(text) == yaml.safe_load(text)


def test_the_loader_is_safe():
    assert issubclass(SAFE_LOADER, (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    with pytest.raises(yaml.YAMLError):
        safe_load("!!python/object/apply:os.system ['true']")
