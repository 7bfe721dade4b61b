"""Jobs by name for `refresh`, with the whole code location built beside the extraction run.

A rerun after one edit extracts one article, handed to the warm worker
(`pipeline.nlp.warm_worker`), and this process waits for its answer, for the disk's syncs of
the run's records, for the survey's reads. Before, it first built the whole code location
(every asset, and with them pandas, Pandera, pyarrow and DuckDB: about 0.6 s of CPU, on the
rerun's critical path), all of it for the corpus-level run that follows. Here the extraction
run gets its job from `extraction_location` (the same job and executor, so the same
snapshot and records), and the whole code location is built in a thread meanwhile: the
imports run while this thread waits with the GIL released.

A fork while that thread imports could leave the child a module lock that no thread of its
own will ever release, so every fork of this process (`os.register_at_fork`: the fork pool
of an extraction in process, the corpus-level steps' children) first waits for the build to
end. Whatever goes wrong in the thread is no error of its own: the code location is built
again where it is first needed, and that build's error, if any, is the one raised.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable

from dagster import Definitions, JobDefinition

from pipeline.defs.job_names import EXTRACT_JOB

_building: list[threading.Thread] = []


def _wait_for_builds() -> None:
    for thread in list(_building):
        if thread is not threading.current_thread():
            thread.join()


os.register_at_fork(before=_wait_for_builds)


class CodeLocation:
    """`build()`'s jobs; the extraction job from `build_extraction()` while the whole
    location is not built yet, which then starts building in a thread."""

    def __init__(self, build: Callable[[], Definitions], build_extraction: Callable[[], Definitions] | None = None):
        self._build = build
        self._build_extraction = build_extraction
        self._extraction: Definitions | None = None
        self._whole: Definitions | None = None
        self._thread: threading.Thread | None = None

    def job(self, name: str) -> JobDefinition:
        if name == EXTRACT_JOB and self._build_extraction is not None and self._whole is None:
            if self._extraction is None:
                self._extraction = self._build_extraction()
            self._start_building()
            return self._extraction.resolve_job_def(name)
        return self.whole().resolve_job_def(name)

    def whole(self) -> Definitions:
        """The whole code location, once the thread building it ended (or built here)."""
        self.wait()
        if self._whole is None:
            self._whole = self._build()
        return self._whole

    def wait(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()
            _building.remove(thread)

    def _start_building(self) -> None:
        if self._thread is None and self._whole is None:
            self._thread = threading.Thread(target=self._build_beside, name="code-location", daemon=True)
            _building.append(self._thread)
            self._thread.start()

    def _build_beside(self) -> None:
        # an error here is not raised: `whole` builds again, and raises that build's error
        with contextlib.suppress(BaseException):
            self._whole = self._build()
