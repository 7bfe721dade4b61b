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
