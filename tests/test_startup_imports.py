"""What a no-change `python -m pipeline.cli run` imports: the code location and the
corpus-level code, never spaCy (a second or more of start-up; only parsing needs it), nor
dask.dataframe (which Pandera imports when it builds a schema; only validation needs it).

Run in a fresh interpreter, since this test session has imported spaCy long before.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("spacy", "thinc", "dask.dataframe")


def _imported(module: str) -> set[str]:
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


@pytest.mark.parametrize("module", ["pipeline.definitions", "pipeline.cli", "pipeline.defs.refresh"])
def test_start_up_imports_no_spacy(module):
    loaded = _imported(module)
    assert module in loaded
    assert not [m for m in HEAVY if m in loaded], f"{module} imports spaCy or dask at start-up"


def test_the_extractors_still_import_it():
    """The check above can fail: the extractor entry points do import spaCy."""
    assert "spacy" in _imported("pipeline.nlp.extract")
