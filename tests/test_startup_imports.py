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


TABLE_CODE = ("pandas", "pandera", "pyarrow", "duckdb")


def test_the_extraction_job_imports_none_of_the_table_code():
    """A rerun's extraction run starts from `extraction_job`'s code location, before the
    table, warehouse and export code is imported (in a thread, while the run waits)."""
    loaded = _imported("pipeline.defs.extraction_job")
    assert not [m for m in TABLE_CODE if m in loaded]
    assert all(m in _imported("pipeline.definitions") for m in TABLE_CODE)  # the check can fail


def test_what_a_rerun_imports_beside_its_extraction_run_holds_no_dagster_module():
    """`refresh.prepare_meanwhile` imports these in a thread while the extraction run goes on
    in the main thread: without a Dagster module among them, the two never wait on each
    other's import locks."""
    code = ("import sys, pipeline.exports, pipeline.table_build, pipeline.warehouse, pipeline.schemas; "
            "print('dagster' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False"]
    assert "dagster" in _imported("pipeline.defs.checks")  # the check can fail


def test_the_extractors_still_import_it():
    """The check above can fail: the extractor entry points do import spaCy."""
    assert "spacy" in _imported("pipeline.nlp.extract")


def test_validating_the_tables_leaves_dask_out():
    """A run that validates a table builds every model; Pandera's own type lookup would import
    dask.dataframe for that (the check can fail: it does without `pipeline.schemas`' lookup)."""
    code = ("import sys, pipeline.schemas as s; s.build_models(); "
            "print('dask.dataframe' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False"]


def test_the_models_are_those_pandera_builds_with_dask_types():
    """The pandas-only type lookup gives every table and export model the schema Pandera's
    own lookup (Dask's types included) gives it."""
    code = """
import pipeline.schemas as s
import pandera.typing as typing, pandera.api.pandas.model as pandas_model, pandera.api.dataframe.model as model
models = [m for m, _ in s.TABLES.values()] + list(s.EXPORT_CSVS.values())
ours = [m.to_schema() for m in models]
pandas_model.get_series_types, pandas_model.get_index_types = typing.get_series_types, typing.get_index_types
model.MODEL_CACHE.clear()
theirs = [m.to_schema() for m in models]
print(len(models), all(a is not b and a == b for a, b in zip(ours, theirs)))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["16", "True"]


def test_validating_a_table_leaves_hypothesis_out():
    """Pandera's validation backends import its data-synthesis strategies, which import
    hypothesis where it is installed (0.3 s of CPU); `pipeline.schemas` has Pandera decide it
    is not, and a rejected row is still rejected. Hypothesis itself stays importable."""
    code = """
import sys, pandas as pd, pipeline.schemas as s
s.build_models()
import pandera.backends.pandas.builtin_checks
try:
    s.validate("stances", pd.DataFrame({"stance_id": [None]}))
    rejected = False
except Exception:
    rejected = True
print('hypothesis' in sys.modules, rejected)
import hypothesis
print('hypothesis' in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True", "True"]


_WITHOUT_STRATEGIES = """
import sys

class _Renamed:
    def find_spec(self, name, path=None, target=None):
        if name == "pandera.strategies.base_strategies":
            raise ModuleNotFoundError(name)
        return None

sys.meta_path.insert(0, _Renamed())
import pipeline.schemas  # noqa: F401
import hypothesis  # still importable afterwards
print("ok")
"""


def test_schemas_import_when_pandera_lacks_the_strategies_module():
    """A Pandera release without the strategies module that `pipeline.schemas` imports
    with hypothesis hidden must not stop the pipeline from starting."""
    done = subprocess.run([sys.executable, "-c", _WITHOUT_STRATEGIES], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


COMMAND_LINE = ("spacy.cli.download", "typer", "weasel", "httpx", "jinja2")


def test_the_extractors_import_spacy_without_its_command_line():
    """`pipeline.nlp` defers `spacy.cli` (`spacy_without_cli`): a quarter of spaCy's import."""
    loaded = _imported("pipeline.nlp.extract")
    assert "spacy" in loaded
    assert not [m for m in COMMAND_LINE if m in loaded]
    assert "typer" in _imported("spacy")  # the check can fail: spaCy alone imports its command line


def test_spacy_s_command_line_is_there_when_asked_for():
    """`spacy.info` and the commands import the real command line when used."""
    code = ("import sys, pipeline.nlp.model, spacy; "
            "deferred = type(sys.modules['spacy.cli']).__name__; "
            "info = spacy.info(); from spacy.cli import download; "
            "print(deferred, 'spacy_version' in info, download.__module__, type(sys.modules['spacy.cli']).__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["_DeferredPackage", "True", "spacy.cli.download", "module"]
