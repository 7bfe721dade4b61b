"""A `make run` with nothing changed, answered without importing Dagster or opening the instance.

A rerun that finds nothing to extract and every corpus-level output current (`corpus_state`)
starts no job, yet it still imports Dagster, opens the instance, plans against its
partitions, hashes the code and reads every block of the warehouse: about two seconds of CPU,
most of a no-change rerun. So when a run ends with everything current, `record` writes down
what it saw (`data/unchanged-run.json`): the job, the settings in the environment, the
interpreter, the code and gold set, the extractors' fingerprint, the seeds folder's stamp
(`seed_folder.folder_stamp`), the identity of every file under the data folder and
DAGSTER_HOME (device, inode, size, modification and status-change time: `file_identity`),
and the row counts it printed. The next `make run` computes the same before anything else;
when it is equal, nothing it depends on can have changed (any write to a file moves its
status-change time, which no program can set back), so it prints the recorded counts and
stops. A file that had not settled when recorded (`file_identity.settled`: written within
the last two seconds, so a write in the same clock tick could go unseen) is also known by
the digest of its bytes, which must still match.

Never taken, so the run goes through Dagster as before: without DAGSTER_HOME (an ephemeral
instance), with an instance whose storage is not in DAGSTER_HOME's files (Postgres: its
state could change without any file here changing), with a data folder on object storage,
while a seed file has not settled, or when a run is in progress or was left started in the
instance. A run started while a seed file had not settled (a rerun right after an edit) is
still recorded, when that file's bytes at the end are those it had at the start: the next
rerun with nothing changed need not go through Dagster once more. What goes unseen is damage
below the file system (a disk changing bytes without any write), which the full rerun's
reading of every warehouse block would find.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import settings
from pipeline.defs.job_names import CORPUS_JOB_WITH_EVALUATION
from pipeline.nlp import file_identity
from pipeline.nlp.seed_folder import file_digests, folder_stamp
from pipeline.nlp.version import extractor_version
from pipeline.storage import atomic_path

RECORD_FILE = "unchanged-run.json"
FORMAT = 1
SETTINGS_PREFIX = "NEWSEVENTS_"
"""The environment variables that choose folders, model and workers (DAGSTER_HOME is in the
key as a folder; the other DAGSTER_* settings change how records are written, not what)."""
OWN_EVENT_LOG = ("pipeline.defs.event_log", "BatchedSqliteEventLogStorage")
REMOTE_STORAGE_KEYS = ("storage", "run_storage", "schedule_storage")


def record_path(data: Path) -> Path:
    return data / RECORD_FILE


def dagster_home() -> Path | None:
    home = os.environ.get("DAGSTER_HOME")
    return Path(home).resolve() if home else None


def _instance_in_files(home: Path) -> bool:
    """Whether every bit of the instance's state is in files under `home` (SQLite storage)."""
    config = home / "dagster.yaml"
    if not config.is_file():
        return True  # Dagster's defaults: SQLite under DAGSTER_HOME
    from pipeline.nlp.yaml_text import safe_load

    try:
        loaded = safe_load(config.read_text(encoding="utf-8")) or {}
    except Exception:  # an unreadable or malformed config: Dagster's own run reports it
        return False
    if not isinstance(loaded, dict) or any(key in loaded for key in REMOTE_STORAGE_KEYS):
        return False
    event_log = loaded.get("event_log_storage")
    if event_log is None:
        return True
    if not isinstance(event_log, dict) or (event_log.get("module"), event_log.get("class")) != OWN_EVENT_LOG:
        return False
    config_of_log = event_log.get("config")
    if not config_of_log:
        return True
    # a base_dir elsewhere keeps the event log outside the files this module watches
    base_dir = config_of_log.get("base_dir") if isinstance(config_of_log, dict) else None
    return isinstance(base_dir, str) and set(config_of_log) == {"base_dir"} and _inside(Path(base_dir), home)


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder)
    except OSError:
        return False


def sources(job: str) -> list[Path]:
    """The code, knowledge and (for a job that evaluates) gold files the corpus-level outputs
    depend on, in a fixed order (`corpus_state.inputs_fingerprint` hashes the same)."""
    package = settings.PROJECT_ROOT / "pipeline"
    found = [p for p in sorted(package.rglob("*")) if p.is_file() and p.suffix in (".py", ".yaml", ".json")]
    if job == CORPUS_JOB_WITH_EVALUATION:
        gold = settings.PROJECT_ROOT / "eval"
        found += [p for p in sorted(gold.rglob("*")) if p.is_file()]
    return found


@dataclass(frozen=True)
class InputsKey:
    """`digest`: what a run's result is a function of, apart from the files it keeps;
    `young`: the seed files that had not settled when it was taken, with the digests of
    their bytes then (a key with young files answers no rerun, but a run started on it can
    still be recorded, see `record`)."""

    digest: str
    young: dict[str, str] = field(default_factory=dict)


def inputs_key(seeds: Path, data: Path, job: str) -> InputsKey | None:
    """The key of the run about to start, or of the rerun asking for a record; None when a
    rerun cannot be answered from a record (see the module docstring)."""
    home = dagster_home()
    if home is None or not settings.is_local(data) or not seeds.is_dir() or not _instance_in_files(home):
        return None  # a missing seeds folder stamps as an empty one: the run says it is missing
    stamp = folder_stamp(seeds)
    young = file_digests(stamp.young) if stamp.young else {}
    if young is None:
        return None  # unreadable, or too large to hash at every rerun
    digest = hashlib.sha256()
    environment = sorted((k, v) for k, v in os.environ.items() if k.startswith(SETTINGS_PREFIX))
    digest.update(
        json.dumps(
            [
                FORMAT,
                job,
                sys.executable,
                sys.version,
                environment,
                str(seeds),
                str(data),
                str(home),
                stamp.digest,
                extractor_version(),
                importlib.metadata.version("dagster"),
                importlib.metadata.version("duckdb"),
            ]
        ).encode("utf-8", "surrogateescape")
    )
    for path in sources(job):
        digest.update(path.as_posix().encode("utf-8", "surrogateescape"))
        digest.update(path.read_bytes())
    return InputsKey(digest.hexdigest(), young)


def _files(data: Path, home: Path) -> list[tuple[str, os.stat_result]]:
    """Every file under the data folder and DAGSTER_HOME (links followed), but the record."""
    found = []
    skip = str(record_path(data))
    for path in file_identity.walk_files((data, home)):
        if path == skip:
            continue
        try:
            found.append((path, os.stat(path)))
        except OSError:  # removed while listed
            found.append((path, None))
    return found


def _digest(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def _kept_files(data: Path, home: Path) -> tuple[list[list], dict[str, str | None]]:
    """(identities of the files, digests of those that have not settled)."""
    now = time.time_ns()
    identities, young = [], {}
    for path, info in _files(data, home):
        identities.append([path, list(file_identity.identity(info)) if info else None])
        if info is not None and not file_identity.settled(info, now):
            young[path] = _digest(path)
    return identities, young


def record(key: InputsKey | None, seeds: Path, data: Path, job: str, counts: dict[str, int]) -> bool:
    """Write down what this run ended with; `key` is `inputs_key` as computed when the run
    started, and nothing is recorded when it is not the key now (a seed file or the code
    changed while the run ran), nor while a seed file has not settled. A file that had not
    settled when the run started must hold the bytes it held then: its identity alone
    could hide a write made within the same clock tick. Call with the instance closed: its
    files must not change after this. Returns whether a record was written."""
    path = record_path(data)
    path.unlink(missing_ok=True)
    now = inputs_key(seeds, data, job)
    if key is None or now is None or now.young or now.digest != key.digest:
        return False
    if key.young and file_digests(key.young) != key.young:
        return False
    identities, young = _kept_files(data, dagster_home())
    if any(digest is None for digest in young.values()):
        return False  # a file that could not be read cannot be checked by its bytes later
    _write(data, {"key": key.digest, "files": identities, "young": young, "counts": counts})
    return True


def recorded_counts(key: InputsKey | None, data: Path) -> dict[str, int] | None:
    """The row counts of the run recorded, when nothing has changed since it (`key` is
    `inputs_key` now, with every seed file settled); None otherwise."""
    if key is None or key.young:
        return None
    try:
        recorded = json.loads(record_path(data).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not _well_formed(recorded) or recorded["key"] != key.digest:
        return None
    identities = [
        [path, list(file_identity.identity(info)) if info else None] for path, info in _files(data, dagster_home())
    ]
    if identities != recorded.get("files"):
        return None
    young = recorded["young"]
    if any(_digest(path) != digest for path, digest in young.items()):
        return None
    still_young = {path: digest for path, digest in young.items() if not _settled(path)}
    if still_young != young:  # the same bytes, settled since: a later rerun need not read them again
        with contextlib.suppress(OSError):  # a read-only or full data folder: the record stays as it was
            _write(data, {**recorded, "young": still_young})
    return recorded["counts"]


def _well_formed(recorded: object) -> bool:
    """Whether a record read back has the shape `record` writes (a damaged or hand-edited
    file is no record: the run goes through Dagster)."""
    if not isinstance(recorded, dict) or not isinstance(recorded.get("key"), str):
        return False
    young, counts = recorded.get("young"), recorded.get("counts")
    return (
        isinstance(recorded.get("files"), list)
        and isinstance(young, dict)
        and all(isinstance(path, str) and isinstance(digest, str) for path, digest in young.items())
        and isinstance(counts, dict)
        and all(isinstance(name, str) and type(n) is int for name, n in counts.items())
    )


def _settled(path: str) -> bool:
    try:
        return file_identity.settled(os.stat(path))
    except OSError:
        return False


def _write(data: Path, record: dict) -> None:
    with atomic_path(record_path(data)) as temp:
        temp.write_text(json.dumps(record))


def forget(data: Path) -> None:
    """Remove the record (a run that may change anything starts with this)."""
    if settings.is_local(data):
        record_path(data).unlink(missing_ok=True)
