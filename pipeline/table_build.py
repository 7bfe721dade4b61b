"""The contract's tables built from the extraction cache in two streamed passes.

Holding every article's extraction at once costs memory in proportion to the corpus's
text (sentences, bodies, quotes): about 80 KB an article, 8 GB for 100,000 articles. So:

1. The cache is read one article at a time, keeping only what resolution reads
   (mentions, event candidates, stances, each article's date and outlet); resolution
   then runs over those (`pipeline.nlp.corpus.resolve_corpus`).
2. The cache is read again, a batch of articles at a time, and each batch's rows of the
   per-article tables (articles, sentences, mentions, quotes) are validated and appended
   to their Parquet file as a row group (`pyarrow.parquet.ParquetWriter`). Articles come
   in article_id order, so the files come out in the tables' order, row for row what
   `build_tables` makes in memory. An article that neither changed nor was touched by
   resolution since the last build keeps its rows from the last build's files instead
   (`pipeline.table_reuse`): after one edit, only what the edit touched is laid out again.
   A corpus-wide table (entities, events, ...) whose rows are those of its last file is
   neither validated nor written again.

Uniqueness across batches (a batch is validated on its own) is checked on the written
file with DuckDB, which does not need the column in Python memory. Files are written to
temporary names and renamed only when every table is complete.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import inspect
import itertools
import multiprocessing
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import resolution_inputs, schemas, table_reuse
from pipeline.cache_format import check_row
from pipeline.nlp.collection_rows import RowRejection
from pipeline.nlp.corpus import (
    ARTICLE_TABLES,
    CorpusResolution,
    article_info,
    article_rows,
    file_tables,
    frame,
    resolve_corpus,
)
from pipeline.nlp.entity_resolution import known_people
from pipeline.nlp.entity_resolution.known_people import KnownPeople
from pipeline.nlp.entity_resolution.resolve import partition
from pipeline.nlp.entity_resolution.table import MentionTable
from pipeline.nlp.ingest import Rejection
from pipeline.nlp.records import ArticleExtraction, EventCandidate, Mention, Stance
from pipeline.nlp.seed_folder import in_batches
from pipeline.own_process import in_process
from pipeline.passed import PassedMemo, file_digest_or_none
from pipeline.schemas import TABLES, SchemaViolation, empty_frame, validate
from pipeline.storage import (
    ExtractionCache,
    atomic_path,
    let_duckdb_read,
    opened_parquet,
    table_path,
    write_table,
)

BATCH_ARTICLES = 500
"""Articles per row group of the per-article tables (about 10,000 sentence rows)."""

PREVIEW_ROWS = 5

VALIDATION_ROWS = 200_000
"""Rows validated at a time when a written table is checked again."""

COUNT_CONFIG = {"memory_limit": "512MB", "threads": 1, "temp_directory": tempfile.gettempdir()}
"""DuckDB's limits for the uniqueness count: beyond them it spills to disk rather than grow
with the table (its default would be most of the machine's memory)."""

UNIQUE_ACROSS_BATCHES = {"mentions": "mention_id", "quotes": "quote_id"}
"""Ids that two articles could in principle share. (article_id is unique by the
snapshot; a sentence is keyed by its article.)"""


class VanishedExtraction(RuntimeError):
    """An article's cached extraction disappeared while the tables were built."""


@dataclass
class TableSummary:
    """What a run reports about a written table: its row count and first rows."""

    rows: int
    preview: pd.DataFrame


@dataclass
class _Appender:
    """One per-article table being written, row group by row group."""

    table: str
    path: Path
    writer: pq.ParquetWriter
    rows: int = 0
    preview: pd.DataFrame | None = None
    _schema: pa.Schema = field(init=False)

    def __post_init__(self) -> None:
        self._schema = TABLES[self.table][1]

    def append(self, new: pd.DataFrame, reused: pa.Table | None = None) -> None:
        """One batch of articles: rows built now (validated here) and rows taken over from
        the last build (validated then), written in the table's order."""
        self.write(_laid_out(self.table, new, reused))

    def write(self, written: pa.Table) -> None:
        """One batch of articles, laid out (`_laid_out`), as the file's next row group."""
        if not written.num_rows:
            return
        self.writer.write_table(written)
        if self.preview is None:
            self.preview = written.slice(0, PREVIEW_ROWS).to_pandas()
        self.rows += written.num_rows

    def summary(self) -> TableSummary:
        return TableSummary(self.rows, self.preview if self.preview is not None else empty_frame(self.table))


def _laid_out(table: str, new: pd.DataFrame, reused: pa.Table | None = None) -> pa.Table:
    """One batch's rows of a per-article table as written: those built now, validated here,
    and those taken over from the last build (validated then), in the table's order."""
    built = None
    if not new.empty:
        schema = TABLES[table][1]
        valid = validate(table, new)
        built = pa.Table.from_pandas(valid[schema.names], schema=schema, preserve_index=False)
    return table_reuse.in_table_order(table, reused, built)


def _batch_laid_out(cache: ExtractionCache, version: str, resolution: CorpusResolution, reuse: set[str],
                    previous: table_reuse.PreviousTables, batch: list[tuple[str, str]]) -> dict[str, pa.Table]:
    """Each per-article table's row group for one batch of articles: the rows of those not in
    `reuse` made from their cache entries, those of the others taken from the last build."""
    taken = [article_id for article_id, _ in batch if article_id in reuse]
    rows: dict[str, list[dict]] = {table: [] for table in ARTICLE_TABLES}
    for extraction in extractions(cache, [item for item in batch if item[0] not in reuse], version):
        for table, found in article_rows(extraction, resolution).items():
            rows[table].extend(found)
    return {table: _laid_out(table, frame(table, found), previous.rows(table, taken) if taken else None)
            for table, found in rows.items()}


def extractions(
    cache: ExtractionCache, extracted: Iterable[tuple[str, str]], version: str
) -> Iterator[ArticleExtraction]:
    for article_id, sha in extracted:
        extraction = cache.get(article_id, sha, version)
        if extraction is None:
            raise VanishedExtraction(article_id)
        yield extraction


@dataclass
class ResolutionInputs:
    """What pass 1 reads for resolution, and a digest of all of it (`digest`: each article's
    `resolution_inputs.inputs_digest`, in article order)."""

    mentions: MentionTable
    candidates: list[EventCandidate]
    stances: list[Stance]
    infos: dict
    processed: dict[str, datetime]
    digest: str


def read_resolution_inputs(
    cache: ExtractionCache, extracted: list[tuple[str, str]], version: str, data_dir: Path | None = None,
) -> ResolutionInputs:
    """Pass 1: what resolution reads of every article, one cache entry at a time; also each
    article's `processed_at` (which extraction the cache holds).

    The mentions go into a `MentionTable`, one row of integer codes each (millions of
    mention records would be most of the step's memory). The JSON decoder makes a new
    object for every value, so a name, a type, an article id or a character offset would be
    held once per record: each event candidate and stance keeps one shared copy of each
    repeated string and integer instead (the records are immutable, so sharing is safe).
    The evidence (a sentence's text) is shared within its article, where several candidates
    and stances quote the same sentence; ids, which do not repeat, are kept as they are.

    With `data_dir`, what this pass reads is kept for the next build, and what the last
    build kept is taken for every article whose cache entry is the one it was read from
    (`pipeline.resolution_inputs`): after an edit, only the changed entries are read.
    """
    kept = resolution_inputs.load(data_dir, version) if data_dir is not None else None
    if kept is not None and any(a[0] > b[0] for a, b in itertools.pairwise(extracted)):
        kept = None  # the kept lines are matched in article_id order
    try:
        return _read_inputs(cache, extracted, version, data_dir, kept)
    except _KeptLinesBroken:
        return _read_inputs(cache, extracted, version, data_dir, None)


def _resolved(inputs: ResolutionInputs, people: KnownPeople, helper: bool) -> CorpusResolution:
    """Resolution over what pass 1 read; with `helper`, the people of the later half of the
    articles clustered by a forked process meanwhile (`_PeopleHelper`)."""
    mentions = inputs.mentions.ordered()
    with _PeopleHelper(mentions, people) if helper else contextlib.nullcontext():
        return resolve_corpus(mentions, inputs.candidates, inputs.infos, inputs.stances, people)


def _started_helper(parent: int) -> None:
    """What a helper forked by the table step does first: die with the step's process, show
    as its helper, and keep the inherited objects out of its collections (fewer pages copied)."""
    from pipeline.own_process import die_with_parent, name_process

    die_with_parent(parent)
    name_process("core_tables+")
    gc.freeze()


class _PeopleHelper:
    """A forked process that clusters the people of each article in the later half of the
    corpus (`KnownPeople.cluster`) while this one links the gazetteer's names, the other
    names and the people of the earlier half, and hands its answers over when this process
    reaches the later half (`KnownPeople.expect`): clustering each article's people was most
    of resolving them, a sixth of the step, with the other core idle. The answers are those
    `known_people` keeps for the next build (each cluster's rows as positions): the clusters
    this process makes from them are the ones it would have made. Should the helper fail,
    this process clusters those articles itself."""

    def __init__(self, t: MentionTable, people: KnownPeople):
        self.t, self.people, self.process = t, people, None

    def __enter__(self) -> _PeopleHelper:
        context = multiprocessing.get_context("fork")
        self.receiver, sender = context.Pipe(duplex=False)
        first = len(self.t.article_ids) // 2
        parent = os.getpid()

        def cluster_later() -> None:
            _started_helper(parent)
            self.receiver.close()
            t, answers = self.t, KnownPeople(self.people.known)
            for article, rows in itertools.groupby(partition(t)[3], key=t.article_code):
                if article >= first:
                    answers.cluster(t, t.article_ids[article], list(rows))
            sender.send(answers.used)
            sender.close()

        self.process = context.Process(target=cluster_later, name="people-helper", daemon=False)
        self.process.start()
        sender.close()
        self.people.expect(first, self._answers)
        return self

    def _answers(self) -> dict[str, list]:
        try:
            return self.receiver.recv()
        except EOFError:  # the helper failed: the articles are clustered here
            return {}

    def __exit__(self, kind, error, trace) -> None:
        self.receiver.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


class _KeptLinesBroken(Exception):
    """A kept article's line could not be read back: pass 1 starts again from the cache."""


def _read_inputs(cache: ExtractionCache, extracted: list[tuple[str, str]], version: str, data_dir: Path | None,
                 kept: resolution_inputs.KeptInputs | None) -> ResolutionInputs:
    identities = {article_id: cache.entry_identity(article_id) for article_id, _ in extracted}
    reuse = {a for a, sha in extracted if kept is not None and kept.current(a, sha, identities[a])}
    mentions = kept.table(reuse) if reuse else MentionTable()
    kept_lines = kept.rows() if reuse else iter(())
    candidates, stances, infos, processed = [], [], {}, {}
    shared: dict[str | int, str | int] = {}
    sentences: dict[str, str] = {}
    raw: dict[type, list] = {Mention: [], EventCandidate: [], Stance: []}
    digest = hashlib.sha256()

    def record(kind: type, row: list):
        raw[kind].append(row)
        if kind is Mention:  # coded into the MentionTable as it is, which keeps each value once
            check_row(kind, row)
            return row
        return _shared_record(kind, row, shared, sentences)

    writer = resolution_inputs.Writer(data_dir, version) if data_dir is not None else None
    try:
        line = next(kept_lines, None)
        for article_id, sha in extracted:
            sentences.clear()
            if article_id in reuse:
                while line is not None and line[0] < article_id:
                    line = next(kept_lines, None)
                if line is None or line[0] != article_id:
                    raise _KeptLinesBroken(article_id)
                entry = line[1]
                article_digest = kept.digests[article_id]
                article = {"article_id": article_id, **resolution_inputs.article_of(entry)}
                candidates.extend(_shared_record(EventCandidate, row, shared, sentences) for row in entry["events"])
                stances.extend(_shared_record(Stance, row, shared, sentences) for row in entry["stances"])
            else:
                raw[Mention], raw[EventCandidate], raw[Stance] = [], [], []
                found = cache.get_records(article_id, sha, version, RESOLUTION_READS, record)
                if found is None:
                    raise VanishedExtraction(article_id)
                article, records = found
                mentions.extend_rows(records["mentions"])
                candidates.extend(records["events"])
                stances.extend(records["stances"])
                entry = resolution_inputs.entry(article, raw[EventCandidate], raw[Stance])
                article_digest = resolution_inputs.inputs_digest(article, raw[Mention], raw[EventCandidate],
                                                                 raw[Stance])
                raw[Mention] = []
            infos[article["article_id"]] = article_info(article)
            processed[article["article_id"]] = article["processed_at"]
            digest.update(f"{article_id}\x1f{article_digest}\n".encode("utf-8", "surrogatepass"))
            if writer is not None:
                writer.add(article_id, sha, identities[article_id], entry, article_digest)
        if writer is not None:
            writer.finish(mentions)
    except BaseException:
        if writer is not None:
            writer.abandon()
        raise
    shared.clear()
    return ResolutionInputs(mentions, candidates, stances, infos, processed, digest.hexdigest())


RESOLUTION_READS = ("mentions", "events", "stances")
"""The record lists of an extraction that resolution reads (pass 1 makes no other records)."""


def _links_only(resolution: CorpusResolution) -> CorpusResolution:
    """What the second pass reads of resolution (each mention's link, the dates articles take
    from events), without the rows of the whole tables, which are framed by then: for a large
    corpus those dicts are hundreds of megabytes held through the second pass for nothing."""
    return replace(resolution, entities=[], stances=[], issues=[],
                   events=replace(resolution.events, events=[], participants=[], mentions=[]))


UNSHARED = frozenset({
    "mention_id", "antecedent", "evidence", "quote_id", "holder_mention_id", "target_mention_id",
    "location_mention_id", "sources", "targets", "participants", "mediators",
})
"""Record fields whose values (ids, sentences) rarely repeat across the corpus: sharing them
there would only cost."""

SHARED_TYPES = (str, int)
"""Shared by value: exact types only (a bool or a float equal to an int keeps its own type)."""


SHARE, EVIDENCE, KEEP = range(3)


@functools.cache
def _sharing(kind: type) -> tuple[int, ...]:
    """How each field of a record type is shared, in field order."""
    return tuple(EVIDENCE if name == "evidence" else KEEP if name in UNSHARED else SHARE for name in kind.__slots__)


def _shared_record(kind: type, row: list, shared: dict, sentences: dict[str, str]):
    """The record a cached row holds (`cache_format`: lists become tuples), made with one
    shared copy of each repeated string and integer, and of each evidence sentence."""
    check_row(kind, row)
    values = []
    for how, value in zip(_sharing(kind), row, strict=True):
        if type(value) is list:
            value = tuple(value)
        elif how == SHARE and type(value) in SHARED_TYPES:
            value = shared.setdefault(value, value)
        elif how == EVIDENCE and type(value) is str:
            value = sentences.setdefault(value, value)
        values.append(value)
    return kind(*values)


def write_tables(
    data_dir: Path,
    extracted: list[tuple[str, str]],
    version: str,
    rejections: list[Rejection],
    detected_at: datetime,
    notes: list[dict] | None = None,
    row_rejections: list[RowRejection] | None = None,
    batch_articles: int = BATCH_ARTICLES,
    helper: bool | None = None,
) -> dict[str, TableSummary]:
    """Build, validate and write every table of the articles in `extracted` (article_id,
    content_sha256 of the cached extraction to use), in article_id order. Raises
    `SchemaViolation` or `VanishedExtraction`; either leaves the old files in place.

    `helper`: whether forked processes work beside this one: one clusters the people of half
    the articles when every article's people are clustered again (`_PeopleHelper`), one lays out
    batches of the per-article tables when every article is laid out again (`_BatchHelper`); by
    default when this process may fork (`own_process.in_process` false: it is the table step's
    own process)."""
    may_fork = helper if helper is not None else not in_process()
    cache = ExtractionCache(data_dir)
    inputs = read_resolution_inputs(cache, extracted, version, data_dir)
    processed, resolution_digest = inputs.processed, inputs.digest
    digest = table_reuse.code_digest(version, sys.modules[__name__], table_reuse)
    previous = table_reuse.PreviousTables(data_dir, digest)
    resolved = table_reuse.resolution_marker(data_dir)
    key = table_reuse.resolution_key(data_dir, resolution_digest) if previous.valid else None
    resolution_skipped = key is not None and resolved.matches(key)
    if resolution_skipped:
        # What resolution reads is what the last complete build resolved: its corpus-wide
        # tables stand, and every mention keeps its link (resolution is a function of these
        # inputs and of the code, which `digest` covers). The articles to lay out again take
        # their links and event dates from the last build's rows.
        del inputs
        resolved_now = None
        reuse = previous.same_extractions(dict(extracted), processed)
        resolution = previous.resolution_of({article_id for article_id, _ in extracted} - reuse)
        kept = set(table_reuse.RESOLVED_TABLES)
    else:
        people = known_people.load(known_people.memo_path(data_dir), version)
        # a helper where every article's people are clustered again, half a batch's worth for it at least
        resolved_now = _resolved(inputs, people, may_fork and not people.known and len(extracted) >= batch_articles)
        del inputs
        with atomic_path(known_people.memo_path(data_dir)) as temp:  # the clusters, for the next build
            temp.write_bytes(known_people.dumps(people, version))
        del people
        resolution = _links_only(resolved_now)
        reuse = previous.reusable(dict(extracted), processed, resolution)
        kept = set()
    batches = list(in_batches(extracted, batch_articles))
    laid_out = functools.partial(_batch_laid_out, cache, version, resolution, reuse, previous)
    # a batch taken over from the last build is read from its files, not laid out: a helper
    # only for a build that lays out every article, with a whole batch's worth for it at least
    # (600 articles are a batch of 500 and one of 100: the fork costs what it saves)
    use_helper = may_fork and not reuse and len(extracted) >= 2 * batch_articles
    summaries: dict[str, TableSummary] = {}
    with contextlib.ExitStack() as stack:
        # forked before the corpus-wide tables are framed and validated, so that it lays out
        # the first batches meanwhile
        helping = stack.enter_context(contextlib.ExitStack())
        other = helping.enter_context(_BatchHelper(batches, laid_out)) if use_helper else None
        whole = file_tables(rejections, detected_at, notes, row_rejections)
        if resolved_now is not None:
            whole = resolved_now.tables(release=True) | whole
            del resolved_now
        kept |= {table for table, rows in whole.items() if previous.unchanged(table, rows)}
        validated = {table: validate(table, whole.pop(table)) for table in list(whole) if table not in kept}
        del whole
        contract = ContractPasses(data_dir)
        # Rows taken over keep the validation they passed when their file was written: a table
        # whose other rows are validated below has then passed the contract as a whole.
        taken_from_passed = {table: not reuse or contract.passed(table) for table in ARTICLE_TABLES}
        table_reuse.marker(data_dir).forget()
        resolved.forget()
        appenders = {}
        for table in ARTICLE_TABLES:
            temp = stack.enter_context(atomic_path(table_path(data_dir, table)))
            writer = stack.enter_context(pq.ParquetWriter(temp, TABLES[table][1], compression="zstd"))
            appenders[table] = _Appender(table, temp, writer)
        for tables in _in_batch_order(batches, laid_out, other):
            for table in ARTICLE_TABLES:
                appenders[table].write(tables.pop(table))
        helping.close()
        # the links of every mention: let them go before DuckDB counts
        del resolution, processed, reuse, laid_out, other
        for appender in appenders.values():
            appender.writer.close()
            _check_unique(appender)
            summaries[appender.table] = appender.summary()
    for table, valid in validated.items():
        write_table(data_dir, table, valid)
        summaries[table] = TableSummary(len(valid), valid.head(PREVIEW_ROWS))
    for table in kept:
        summaries[table] = summarize(data_dir, table)
    table_reuse.marker(data_dir).record(digest)
    if not resolution_skipped:  # else its tables were not written: the key read at the start stands
        key = table_reuse.resolution_key(data_dir, resolution_digest)
    if key is not None:
        resolved.record(key)
    distinct_articles = len({article_id for article_id, _ in extracted}) == len(extracted)
    contract.record(
        list(validated) + [table for table in ARTICLE_TABLES if taken_from_passed[table] and distinct_articles],
        still=kept,
    )
    return {table: summaries[table] for table in TABLES}


def _in_batch_order(batches: list[list[tuple[str, str]]], laid_out, helper: _BatchHelper | None
                    ) -> Iterator[dict[str, pa.Table]]:
    """Each batch's per-article tables, in batch order: laid out here or by the helper,
    whichever claimed the batch first (`_BatchHelper.claim`). While the helper still lays out
    the batch whose turn it is, this process lays out the next unclaimed one (one at most
    ahead of its turn), so that neither process waits while a batch is left."""
    if helper is None:
        yield from map(laid_out, batches)
        return
    ahead: dict[int, dict[str, pa.Table]] = {}
    for index, batch in enumerate(batches):
        if index in ahead:
            yield ahead.pop(index)
        elif helper.claim(index) is not None:
            yield laid_out(batch)
        else:
            if not ahead and not helper.ready() and (later := helper.claim()) is not None:
                ahead[later] = laid_out(batches[later])
            yield helper.receive(index)


class _BatchHelper:
    """A forked process that lays out batches of the per-article tables while this one lays
    out others, and hands each batch's tables back as Arrow IPC files in a temporary folder,
    which this process reads and writes in order (`_in_batch_order`).

    After resolution the table step ran on one core, the other idle: decoding each article's
    cache entry again and making, framing and validating its rows is about a third of the
    step. Split by batch, every entry is still decoded once (split by table, each process
    decoded every entry: tried, and it cost what it saved), each row group is laid out whole
    by one process (so the files are byte for byte those one process writes), and the helper,
    forked once resolution is done, inherits every mention's link. Which process lays out a
    batch is decided as they go: each claims the first batch no one has claimed (a counter
    in shared memory), so the helper starts on the first batches while this process frames
    and validates the corpus-wide tables (an eighth of the step), and neither waits for the
    other while batches are left (every other batch, as first tried, left the helper idle
    for that while). The tables go through files, not the pipe: megabytes through a pipe of
    64 KB made the two processes take turns hundreds of times a batch, each turn a wait for
    the scheduler on a busy machine. Memory: the helper holds the batch it lays out, and
    claims another only while fewer than `UNREAD` of its batches wait to be read: that many
    batches' files at most in the temporary folder. It dies with this process; a failure in
    it (a schema violation, a vanished extraction) is raised again here."""

    UNREAD = 2

    def __init__(self, batches: list, laid_out):
        self.batches, self.laid_out, self.process = batches, laid_out, None

    def _file(self, index: int, table: str) -> Path:
        return self.folder / f"{index}.{table}.arrows"

    def claim(self, index: int | None = None) -> int | None:
        """The first batch no process has claimed, now claimed (only when it is `index`, if
        given); None when there is none."""
        with self.unclaimed.get_lock():
            found = self.unclaimed.value
            if found >= len(self.batches) or index is not None and found != index:
                return None
            self.unclaimed.value = found + 1
        return found

    def __enter__(self) -> _BatchHelper:
        self.folder = Path(tempfile.mkdtemp(prefix="newsevents-tables-"))
        context = multiprocessing.get_context("fork")
        self.unclaimed = context.Value("i", 0)
        self.receiver, sender = context.Pipe(duplex=False)
        taken, self.taken = context.Pipe(duplex=False)
        parent = os.getpid()

        def lay_out() -> None:
            _started_helper(parent)
            self.receiver.close()
            self.taken.close()
            unread = 0
            while True:
                if unread == self.UNREAD:  # the files of the oldest read first
                    try:
                        taken.recv()
                    except EOFError:  # the parent stopped
                        return
                    unread -= 1
                index = self.claim()
                if index is None:
                    break
                try:
                    tables = self.laid_out(self.batches[index])
                    for table in ARTICLE_TABLES:
                        with pa.OSFile(str(self._file(index, table)), "wb") as sink, \
                                pa.ipc.new_stream(sink, TABLES[table][1]) as stream:
                            stream.write_table(tables.pop(table))
                except BaseException as error:  # noqa: BLE001 - raised again in the parent
                    sender.send((False, error))
                    return
                sender.send((True, index))
                unread += 1
            sender.close()

        self.process = context.Process(target=lay_out, name="table-helper", daemon=False)
        self.process.start()
        sender.close()
        taken.close()
        return self

    def ready(self) -> bool:
        """Whether the helper has handed a batch (or its failure) not yet received."""
        return self.receiver.poll()

    def receive(self, index: int) -> dict[str, pa.Table]:
        """Batch `index`, which the helper claimed (its batches come in the order claimed);
        its exception, raised."""
        try:
            ok, found = self.receiver.recv()
        except EOFError:
            raise RuntimeError(f"the table step's helper ended with exit code {self.process.exitcode}") from None
        if not ok:
            raise found
        if found != index:
            raise RuntimeError(f"the table step's helper handed batch {found}, not {index}")
        tables = {}
        for table in ARTICLE_TABLES:
            path = self._file(found, table)
            with pa.OSFile(str(path)) as source:
                tables[table] = pa.ipc.open_stream(source).read_all()
            path.unlink()
        with contextlib.suppress(BrokenPipeError):  # after its last batch the helper may be gone
            self.taken.send(found)
        return tables

    def __exit__(self, kind, error, trace) -> None:
        self.receiver.close()
        self.taken.close()
        if kind is not None and self.process.is_alive():
            self.process.kill()
        self.process.join()
        shutil.rmtree(self.folder, ignore_errors=True)


def _check_unique(appender: _Appender) -> None:
    column = UNIQUE_ACROSS_BATCHES.get(appender.table)
    if column is not None and appender.rows:
        _raise_duplicates(appender.table, appender.path, [column])


def _raise_duplicates(table: str, path: Path, columns: list[str]) -> None:
    """SchemaViolation when a value (or combination) of `columns` occurs twice in the file;
    DuckDB counts them without the columns in Python memory."""
    keys = ", ".join(f'"{c}"' for c in columns)
    with duckdb.connect(config=COUNT_CONFIG) as connection:
        let_duckdb_read(connection, path)
        duplicated = connection.execute(
            f"SELECT {keys} FROM read_parquet(?) GROUP BY ALL HAVING count(*) > 1 ORDER BY ALL LIMIT 10",
            [str(path)],
        ).fetchall()
    if duplicated:
        values = [row[0] if len(row) == 1 else row for row in duplicated]
        raise SchemaViolation(f"table {table!r} failed validation: {', '.join(columns)} not unique: {values}")


def validate_file(data_dir: Path, table: str, batch_rows: int = VALIDATION_ROWS) -> None:
    """Validate a written table against its model a slice at a time, so a table of millions
    of rows never sits in memory whole; uniqueness across slices is checked with DuckDB."""
    path = table_path(data_dir, table)
    with opened_parquet(path) as source:
        parquet = pq.ParquetFile(source)
        for batch in parquet.iter_batches(batch_size=batch_rows):
            validate(table, batch.to_pandas())
        rows = parquet.metadata.num_rows
    if rows > batch_rows:
        schema = TABLES[table][0].to_schema()
        for columns in [[name] for name, column in schema.columns.items() if column.unique] + (
            [list(schema.unique)] if schema.unique else []
        ):
            _raise_duplicates(table, path, columns)


class ContractPasses:
    """The tables whose file, byte for byte, is known to pass the contract (`validate_file`),
    so that its blocking check need not read and validate it again: after an edit to one
    article, validating every row of the per-article tables again was most of the checks.

    `write_tables` vouches for a file when every row in it passed `validate` in this build or
    was taken over from a file that passed (`table_reuse`), and what `validate` cannot see
    batch by batch holds: ids that two articles could share are counted on the written file
    (`UNIQUE_ACROSS_BATCHES`), and the other unique keys begin with the article id, whose
    batches are disjoint when no article is listed twice. A check that validated a file
    records its pass here too. Kept as "<table> <file digest>" under `contract_identity`
    (`data/parquet/contract.passed.json`): new code, a new contract or a file written by
    anything else is validated in full."""

    def __init__(self, data_dir: Path, identity: str | None = None):
        self.data_dir = data_dir
        self.memo = PassedMemo(data_dir / "parquet" / "contract.passed.json", identity or contract_identity())
        self.known = self.memo.load()

    def _entry(self, table: str) -> str | None:
        digest = file_digest_or_none(table_path(self.data_dir, table))
        return None if digest is None else f"{table} {digest}"

    def passed(self, table: str) -> bool:
        """Whether the table's file on disk now holds bytes that passed."""
        return self._entry(table) in self.known

    def record(self, tables: Iterable[str], still: Iterable[str] = ()) -> None:
        """The tables' files as they are now passed, and those of `still` whose file (hashed
        once) already passed; the other entries are forgotten."""
        entries = [entry for entry in map(self._entry, tables) if entry is not None]
        entries += [entry for entry in map(self._entry, still) if entry in self.known]
        self.known = frozenset(entries)
        self.memo.record(self.known)

    def add(self, table: str) -> None:
        """The table's file as it is now passed, beside what is known."""
        entry = self._entry(table)
        if entry is not None and entry not in self.known:
            self.known = self.memo.load() | {entry}
            self.memo.record(self.known)


def contract_identity() -> str:
    """What decides whether a file passes `validate_file` besides its bytes: the contract, this
    module and Pandera's version. The contract check's result is kept under it with the
    others' (`pipeline.checked`), so a file holding the bytes that passed is not validated again."""
    identity = hashlib.sha256(inspect.getsource(schemas).encode())
    identity.update(inspect.getsource(sys.modules[__name__]).encode())
    identity.update(f"pandera {version('pandera')}".encode())
    return identity.hexdigest()


def summarize(data_dir: Path, table: str) -> TableSummary:
    """Row count and first rows of a table on disk, without reading it whole."""
    with opened_parquet(table_path(data_dir, table)) as source:
        parquet = pq.ParquetFile(source)
        rows = parquet.metadata.num_rows
        if rows == 0:
            return TableSummary(0, empty_frame(table))
        first = next(parquet.iter_batches(batch_size=PREVIEW_ROWS))
        return TableSummary(rows, first.to_pandas())
