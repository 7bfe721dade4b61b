"""Known ways a run fails for reasons outside the code, told in one paragraph.

A corrupted Dagster run database, a missing seeds folder and a full disk used to end in
a long traceback that named neither the file nor the remedy. `explain` turns such an
error into what happened, which file, and what to do; anything else returns None and
keeps its traceback. With NEWSEVENTS_DEBUG=1 the traceback is shown as well.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

DEBUG_SETTING = "NEWSEVENTS_DEBUG"
DAGSTER_DATABASES = ("history/runs.db", "history/runs/index.db", "schedules/schedules.db")


def debug() -> bool:
    return os.environ.get(DEBUG_SETTING, "") not in ("", "0")


def explain(error: BaseException) -> str | None:
    """One paragraph for a known failure (following `__cause__`/`__context__`), else None."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        paragraph = _explain_one(type(error).__name__, str(error), getattr(error, "errno", None),
                                 getattr(error, "filename", None))
        if paragraph:
            return paragraph
        error = error.__cause__ or error.__context__
    return None


def explain_error_info(info) -> str | None:
    """The same for a Dagster `SerializableErrorInfo` (how a failed step reports its error)."""
    while info is not None:
        paragraph = _explain_one(info.cls_name or "", info.message or "", None, None)
        if paragraph:
            return paragraph
        info = info.cause or info.context
    return None


def _explain_one(name: str, message: str, code: int | None, filename: str | None) -> str | None:
    if code == errno.ENOSPC or "No space left on device" in message:
        where = filename or _path_in(message) or "the data folder"
        return (
            f"The disk is full: writing {where} failed (no space left on device). Nothing already "
            "written was damaged, since every output is written beside the old one and renamed into "
            "place. Free some space (or point NEWSEVENTS_DATA_DIR at a bigger disk) and run again."
        )
    if name == "FileNotFoundError" and "seeds folder not found" in message:
        folder = message.split(":", 1)[1].strip()
        return (
            f"The seeds folder {folder} does not exist. Create it and put the articles (*.txt) in it, "
            "or set NEWSEVENTS_SEEDS_DIR to the folder that holds them, then run again."
        )
    if "database disk image is malformed" in message or "file is not a database" in message or (
        name == "DatabaseError" and "sqlite" in message.lower()
    ):
        damaged = damaged_dagster_databases()
        which = ", ".join(str(p) for p in damaged) or f"a database under {_dagster_home()}"
        return (
            f"Dagster's run history is damaged ({which}: {message.strip().splitlines()[0]}). The "
            "pipeline's data is not affected. Move the damaged file aside (for example "
            f"`mv {damaged[0] if damaged else '<file>'} <file>.broken`) and run again: the history "
            "starts afresh and unchanged articles are reused from data/cache/."
        )
    return None


def _path_in(message: str) -> str | None:
    """The quoted path in an OSError's text, such as "[Errno 28] ...: '/data/x.parquet'"."""
    if message.count("'") >= 2:
        return message.split("'")[-2]
    return None


def _dagster_home() -> Path:
    return Path(os.environ.get("DAGSTER_HOME", ".")).absolute()


def damaged_dagster_databases() -> list[Path]:
    """The SQLite files of the Dagster instance that fail an integrity check."""
    damaged = []
    home = _dagster_home()
    runs = home / "history" / "runs"  # each run's database, and the empty one they are copied from (event_log.py)
    candidates = [home / name for name in DAGSTER_DATABASES]
    candidates += sorted(runs.glob("*.db")) + sorted(runs.glob(".run-*.sqlite"))
    for path in dict.fromkeys(candidates):
        if not path.is_file():
            continue
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
                ok = connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        except sqlite3.DatabaseError:
            ok = False
        if not ok:
            damaged.append(path)
    return damaged
