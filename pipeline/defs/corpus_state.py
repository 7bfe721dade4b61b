"""Whether the corpus-level outputs are already those of the current inputs, so that a run
with nothing to extract need not start the corpus-level job at all.

The job's assets each skip their own work when their inputs are unchanged, but starting
it still costs seconds (a Dagster run, a step per asset and per check, the checks reading
every table), which is most of a rerun with nothing changed. So after the job succeeds,
`record` writes what it was run on: the tables' input fingerprint (`current_inputs`:
the articles as extracted, the extractor version, rejections and notes), the code and
knowledge of the package, the gold set for a job that evaluates, the job's name, and the
size and modification time of every output file. `is_current` compares that with now; any
difference (an edit, new code, a removed or rewritten output, a warehouse written by
someone else) means the job runs.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from pathlib import Path

from pipeline import unchanged_run, warehouse_guard
from pipeline.contract_names import EXPORT_FILES as FILES
from pipeline.contract_names import TABLE_NAMES as TABLES
from pipeline.contract_names import exports_dir
from pipeline.defs.job_names import CORPUS_JOB_WITH_EVALUATION
from pipeline.defs.resources import NewsPaths
from pipeline.nlp.seed_folder import SeedInventory, survey
from pipeline.nlp.version import extractor_version
from pipeline.snapshot import Snapshot, settle
from pipeline.storage import ExtractionCache, InputsMarker, table_path

PICTURES = ("actor_network.png", "stance_matrix.png")
CORE_ASSET_FILE = Path(__file__).parent / "assets" / "core.py"
TABLE_BUILD_FILE = Path(__file__).parent.parent / "table_build.py"
"""The code that makes the tables from the inputs: part of their fingerprint."""


def current_inputs(paths: NewsPaths) -> tuple[Snapshot, SeedInventory, list[dict], str]:
    """(snapshot, inventory, ingest notes, fingerprint) of the seeds folder as it is now.

    An article changed or added after its partition was extracted does not fail the run:
    the snapshot says which extracted content the tables use (see `pipeline.snapshot`).
    Here, not in `pipeline.defs.assets.core` which builds the tables from it: a rerun with
    nothing to do computes it without importing the assets.
    """
    inventory = survey(paths.seeds)
    version = extractor_version()
    snapshot = settle(inventory.articles, ExtractionCache(paths.data), version)
    notes = inventory.notes() + snapshot.notes
    rejections = (inventory.rejections, inventory.row_rejections)
    digest = hashlib.sha256(pickle.dumps((version, snapshot.extracted, rejections, notes), protocol=5))
    digest.update(CORE_ASSET_FILE.read_bytes())
    digest.update(TABLE_BUILD_FILE.read_bytes())
    return snapshot, inventory, notes, digest.hexdigest()




def _marker(paths: NewsPaths) -> InputsMarker:
    return InputsMarker(paths.data / "corpus.inputs.sha256")


def outputs(paths: NewsPaths, job: str) -> list[Path]:
    data = paths.data
    files = [table_path(data, t) for t in TABLES] + [warehouse_guard.warehouse_path(data)]
    files += [data / "reports" / name for name in PICTURES] + [exports_dir(data) / name for name in FILES]
    if job == CORPUS_JOB_WITH_EVALUATION:
        files.append(data / "eval" / "report.json")
    return files


def inputs_fingerprint(paths: NewsPaths, job: str) -> str:
    """What the job's outputs are a function of (see the module docstring), before it runs."""
    digest = hashlib.sha256(job.encode())
    digest.update(current_inputs(paths)[3].encode())
    for path in unchanged_run.sources(job):
        digest.update(path.as_posix().encode("utf-8", "surrogateescape"))
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _state(fingerprint: str, files: list[Path]) -> str:
    identities = []
    for path in files:
        try:
            info = path.stat()
            identities.append([str(path), info.st_size, info.st_mtime_ns])
        except OSError:
            identities.append([str(path), None, None])
    return hashlib.sha256(json.dumps([fingerprint, identities]).encode()).hexdigest()


def is_current(paths: NewsPaths, job: str, fingerprint: str) -> bool:
    files = outputs(paths, job)
    return (
        _marker(paths).matches(_state(fingerprint, files), *files)
        and warehouse_guard.problem(paths.data, check_rows=True) is None
    )


def forget(paths: NewsPaths) -> None:
    _marker(paths).forget()


def record(paths: NewsPaths, job: str, fingerprint: str) -> None:
    _marker(paths).record(_state(fingerprint, outputs(paths, job)))
