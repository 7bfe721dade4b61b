"""YAML of the knowledge files and settings, read with libyaml's parser where PyYAML was built
with it: the same documents (construction stays in PyYAML's Python either way), about eight
times faster than the pure-Python parser of `yaml.safe_load`. The vocabularies and the event
senses are read by every run that extracts or builds the tables; with the pure-Python parser
that was about 0.2 s of CPU per process (tests/test_yaml_text.py compares the two readings
of every knowledge file)."""

from __future__ import annotations

import yaml

SAFE_LOADER = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
"""A safe loader (no arbitrary objects); subclass it to change construction."""


def safe_load(text: str):
    """`yaml.safe_load(text)`, parsed by libyaml when available."""
    return yaml.load(text, Loader=SAFE_LOADER)


class UniqueKeyLoader(SAFE_LOADER):  # construction, and so this check, stays in Python
    """PyYAML keeps the last of two equal keys silently; a knowledge file must not hold two
    (the second list would replace the first, and the rule written for the first would read
    the second). The lexicons load with it; tests/test_yaml_text.py checks every knowledge
    file with it, so the faster `safe_load` can read them at run time."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise ValueError(f"duplicate key {key!r} at line {key_node.start_mark.line + 1}")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)
