"""One extraction process started ahead of an extraction, so that spaCy loads while the
caller is still getting ready.

A rerun after a small edit extracts one batch of articles. In process, that batch first
imports spaCy and the extractors and loads the model (about a second of CPU), and only then
parses; meanwhile nothing else happens, although the run had already spent as long before
that importing the code location and starting the Dagster run, on one core. `start` forks
a process that imports and loads everything at once, while the caller goes on; the next
small extraction in this process (`defs/assets/nlp.py::_extracted`) hands its batch to it and
gets the records back, pickled, as the fork pool's workers return them. The records are the
ones the batch makes in process: the same code, the same model, the same `processed_at`.

A larger extraction (more than `MAX_ARTICLES`) is handed over whole (`extract_into_cache`):
the worker loads the model and the knowledge files as the caller used to before forking its
pool, runs the fork pool itself (`extract.extract_into_cache`, its workers forked from the
worker, sharing its model), whose workers write each record to the extraction cache, as the
caller did; only progress counts come back. At the start of a run from an empty data folder, the
model's load (about 1.5 s on one core, while the other idled) then runs beside Dagster's
import and the run's start, and the caller no longer unpickles every record.

What the worker holds when it forks its pool, each pool worker holds too, and the tree's
memory counts it three times: it lets go of the survey it inherited (`seed_folder`'s kept
inventory, every text file's text) before it loads the model, and the articles to extract
come after the request, read by the pool's feed once the pool is forked, so the workers do
not inherit them (at 8,260 articles, about 40 MiB in each of the three processes).

`make run` does not wait for the Dagster run to ask for that larger extraction: as soon as the
worker is forked it surveys the folder and hands the worker the articles that have no current
extraction (`extract_ahead`), so the pool parses from the moment the model is loaded, while
Dagster is imported, the instance opened, the partitions planned and the run started (on 2,065
articles that was the first 4 s of every full run). The run's extraction step then takes over
that extraction (`extract_into_cache`): it gets its progress and its count as if it had asked
for it, with the `processed_at` it was started with (`ahead_processed_at`), and planning
counts its articles as stale (`ahead_articles`), so their partitions are materialised by the
run. Whatever the step asks for beyond what was handed over ahead (a file written in
between) it extracts itself, once the worker is done.

The worker serves one extraction and exits; it dies with its parent (Linux's parent-death
signal) and `stop` ends one that was not used. Whatever goes wrong with it (it died, it
cannot be reached) the batch is extracted in process, as before.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import traceback
from dataclasses import dataclass
from datetime import datetime

from pipeline.own_process import die_with_parent, name_process

MAX_ARTICLES = 32
"""The largest extraction whose records the warm worker sends back (`extract`): one batch
(`extract.BATCH_SIZE`); more are extracted into the cache by its fork pool
(`extract_into_cache`)."""

EXTRACTION_WINDOW = 2048
"""Articles read ahead of those extracted, at most (texts in memory, per extraction)."""

ANSWER_LIMIT_S = 600
"""How long the caller waits for the worker's answer before extracting in process."""

_workers: list[tuple[multiprocessing.Process, object]] = []


@dataclass
class _Ahead:
    """An extraction into the cache handed to the waiting worker before anyone asked for it."""

    articles: list
    processed_at: datetime
    target: tuple[str, str]  # (data folder, extractor version) the entries are written for
    sender: threading.Thread  # sends the request and the entries, which the worker reads once loaded
    errors: list


_ahead: _Ahead | None = None


def waiting() -> bool:
    return bool(_workers)


def start() -> bool:
    """Fork the worker, unless one is waiting already or fork is not available."""
    if _workers or "fork" not in multiprocessing.get_all_start_methods():
        return False
    context = multiprocessing.get_context("fork")
    here, there = context.Pipe(duplex=True)
    parent = os.getpid()
    process = context.Process(target=_serve, args=(there, here, parent), name="warm-extraction", daemon=True)
    process.start()
    there.close()
    _workers.append((process, here))
    return True


def _serve(connection, other_end, parent: int) -> None:
    die_with_parent(parent)
    name_process("warm-extract")
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    other_end.close()
    _forget_inherited_survey()
    from pipeline.nlp.extract import extract_batch, load_knowledge
    from pipeline.nlp.model import load_nlp

    with contextlib.suppress(Exception):  # a failed load is met again, and reported, by the batch
        load_nlp()
        load_knowledge()
    try:
        request = connection.recv()
    except EOFError:
        return
    if request is None:
        return
    try:
        if request[0] == _INTO_CACHE:
            reply = ("ok", _into_cache(connection, *request[1:]))
        else:
            articles, processed_at = request
            reply = ("ok", extract_batch(articles, processed_at))
    except Exception as error:  # noqa: BLE001 - handed back to the caller, raised there
        reply = ("error", error)
    try:
        connection.send(reply)
    except Exception:  # noqa: BLE001 - the reply does not pickle
        connection.send(("error", RuntimeError("".join(traceback.format_exception(reply[1])))
                         if reply[0] == "error" else RuntimeError("the extraction's records do not pickle")))
    connection.close()


def _forget_inherited_survey() -> None:
    """Let go of the folder's survey this process inherited from the caller (every text
    file's text): the caller keeps its own, and this process reads only what it is sent."""
    import gc

    from pipeline.nlp import seed_folder

    seed_folder.forget_surveys()
    gc.collect()


_INTO_CACHE = "into-cache"


def _into_cache(connection, total: int, processed_at: datetime, n_process: int, data: str, version: str,
                in_flight: int) -> int:
    """Extract the `total` articles whose entries come next on `connection` into the
    extraction cache under `data`, reporting ("progress", done, total) after each batch; how
    many were extracted. The entries are received when the pool's feed first asks for an
    article, after the pool's workers were forked (`extract.extract_into_cache`)."""
    from pathlib import Path

    from pipeline.nlp.extract import extract_into_cache
    from pipeline.nlp.seed_folder import load_articles
    from pipeline.storage import ExtractionCache

    # Started as a daemon (it must not outlive the caller's exit), it may still fork the pool's
    # workers: they die with it (`extract._init_worker`), and it with the caller.
    multiprocessing.current_process().daemon = False

    def progress(count: int, total: int) -> None:
        connection.send(("progress", count, total))

    entries: list = []

    def received():
        entries.append(connection.recv())
        yield from load_articles(entries[0])

    try:
        return extract_into_cache(received(), processed_at, ExtractionCache(Path(data)), version, n_process, progress,
                                  total, in_flight)
    finally:
        if not entries:  # failed before the feed read them: the caller may be sending them still
            connection.recv()


class WorkerUnavailable(RuntimeError):
    """No warm worker, or it ended without an answer: extract in process."""


def extract_ahead(articles: list, processed_at: datetime, n_process: int, data: str, version: str) -> bool:
    """Hand the waiting worker the extraction of `articles` into the cache under `data` now,
    before a run asks for it (`extract_into_cache` then takes it over). Only an extraction
    larger than `MAX_ARTICLES` (a smaller one sends its records back, to a caller that must be
    there to read them). The request and the entries are sent from a thread: the worker reads
    them once its model is loaded, and entries larger than the pipe holds would block this
    process until then. True when it was handed over."""
    global _ahead
    if not _workers or _ahead is not None or len(articles) <= MAX_ARTICLES:
        return False
    _, connection = _workers[-1]
    request = (_INTO_CACHE, len(articles), processed_at, n_process, data, version, EXTRACTION_WINDOW)
    errors: list = []

    def send() -> None:
        try:
            connection.send(request)
            connection.send(articles)  # read once the worker's pool is forked (`_into_cache`)
        except (OSError, ValueError) as error:  # the worker ended, or was stopped: the step is told
            errors.append(error)

    sender = threading.Thread(target=send, name="warm-extract-ahead", daemon=True)
    sender.start()
    _ahead = _Ahead(list(articles), processed_at, (data, version), sender, errors)
    return True


def ahead_articles() -> list:
    """The articles of the extraction handed over ahead and not yet taken over; [] when none."""
    return list(_ahead.articles) if _ahead is not None else []


def ahead_processed_at() -> datetime | None:
    """The `processed_at` of the extraction handed over ahead, which a run taking it over uses."""
    return _ahead.processed_at if _ahead is not None else None


def handed_ahead(articles: list) -> list:
    """Those of `articles` whose content is in the extraction handed over ahead (however far
    it got): a run taking it over extracts them."""
    if _ahead is None:
        return []
    handed = _handed(_ahead)
    return [a for a in articles if _content_key(a) in handed]


def _content_key(article) -> tuple[str, str]:
    return article.seed.article_id, article.seed.content_sha256


def _handed(ahead: _Ahead) -> set[tuple[str, str]]:
    """The content keys of the articles handed over ahead."""
    return {_content_key(a) for a in ahead.articles}


def _covers(ahead: _Ahead, entries: list, data: str, version: str) -> bool:
    """Whether the extraction handed over ahead wrote every one of `entries` for `data` and `version`."""
    handed = _handed(ahead)
    return ahead.target == (data, version) and all(_content_key(a) in handed for a in entries)


def extract(articles: list, processed_at: datetime) -> list:
    """The batch extracted by the warm worker (which then exits); raises `WorkerUnavailable`
    when there is none or it could not answer (or is extracting ahead, `extract_ahead`), and
    the batch's own error when it failed."""
    if not _workers or _ahead is not None:
        raise WorkerUnavailable("no worker started" if not _workers else "the worker is extracting ahead")
    process, connection = _workers.pop()
    try:
        connection.send((articles, processed_at))
        if not connection.poll(ANSWER_LIMIT_S):
            raise OSError("no answer")
        status, value = connection.recv()
    except (EOFError, OSError) as error:
        _end(process, connection)
        raise WorkerUnavailable(f"the warm worker gave no answer ({error})") from error
    _end(process, connection)
    if status == "error":
        raise value
    return value


def extract_into_cache(entries: list, processed_at: datetime, n_process: int, data: str, version: str,
                       in_flight: int, on_progress) -> int:
    """The articles of `entries` (the seed folder's entries, as `seed_folder.load_articles`
    reads them) extracted by the warm worker with `n_process` processes and written to the
    extraction cache under `data`; `on_progress(done, total)` after each batch. How many were
    extracted. Raises `WorkerUnavailable` when there is no worker or it ended without an
    answer (the cache then holds what it finished), and the extraction's own error when it
    failed.

    When an extraction was handed over ahead (`extract_ahead`), this takes it over instead of
    asking for another: its progress and count come back, and when it did not cover every
    one of `entries` (written to the folder since), `WorkerUnavailable` once it is done, so
    the caller extracts what is still stale itself."""
    global _ahead
    if not _workers:
        raise WorkerUnavailable("no worker started")
    process, connection = _workers.pop()
    ahead, _ahead = _ahead, None
    try:
        if ahead is None:
            connection.send((_INTO_CACHE, len(entries), processed_at, n_process, data, version, in_flight))
            connection.send(entries)  # read once the worker's pool is forked (`_into_cache`)
        else:
            ahead.sender.join()
            if ahead.errors:
                raise OSError(f"the extraction could not be handed over ahead: {ahead.errors[0]}")
        while True:
            if not connection.poll(ANSWER_LIMIT_S):
                raise OSError("no answer")
            message = connection.recv()
            if message[0] != "progress":
                break
            on_progress(message[1], message[2])
    except (EOFError, OSError) as error:
        _end(process, connection)
        raise WorkerUnavailable(f"the warm worker gave no answer ({error})") from error
    _end(process, connection)
    status, value = message
    if status == "error":
        raise value
    if ahead is not None and not _covers(ahead, entries, data, version):
        raise WorkerUnavailable("the extraction handed over ahead did not cover every article asked for")
    return value


def _end(process: multiprocessing.Process, connection, wait: float = 5) -> None:
    with contextlib.suppress(OSError):
        connection.close()
    process.join(timeout=wait)
    if process.is_alive():
        process.kill()
        process.join()


def stop() -> None:
    """End a worker that was started and not used; one extracting ahead for a run that never
    took the extraction over is killed (its pool dies with it; the entries written stay)."""
    global _ahead
    ahead, _ahead = _ahead, None
    while _workers:
        process, connection = _workers.pop()
        if ahead is not None:
            _end(process, connection, wait=0)
            continue
        with contextlib.suppress(OSError):
            connection.send(None)
        _end(process, connection)
