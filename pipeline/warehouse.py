"""Build the analysts' DuckDB file from the Parquet tables, and swap it in whole.

DuckDB allows one writer per file, and analysts keep `warehouse.duckdb` open while
the pipeline runs. So the new warehouse is built in a fresh file beside the old one,
in one transaction, and renamed over it: open connections keep reading the old
snapshot, new connections see the new one, and nobody ever sees half a load.

After a small edit most Parquet tables are as they were, and most of the search index too.
So when the current warehouse is the one the last build left (its identity and the digest
of this code are those recorded beside it, `warehouse.tables.json`), the new file starts as
a copy of it: only the tables whose Parquet file changed are dropped and loaded again, and
the search index splits and stems only the documents whose text changed
(`pipeline.search.create_search`). Every table comes out row for row as a build from
nothing makes it; the swap is the same rename.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipeline import search as search_module
from pipeline import settings, warehouse_guard
from pipeline.nlp.lexicons import PLOVER_QUAD_BY_TYPE
from pipeline.own_process import in_process
from pipeline.schemas import TABLES, column_descriptions, table_description
from pipeline.search import create_search, sql_string
from pipeline.storage import atomic_path, let_duckdb_read, process_is_alive, table_path

_QUAD_CASE = (
    "CASE e.event_type "
    + " ".join(f"WHEN '{t}' THEN '{q}'" for t, q in PLOVER_QUAD_BY_TYPE.items())
    + " END"
)

VIEWS: dict[str, tuple[str, str, dict[str, str]]] = {
    "event_timeline": (
        "One row per event, in date order, with readable actor and place names.",
        f"""
        SELECT e.event_id, e.event_date, e.date_precision, e.event_type, e.event_mode,
               {_QUAD_CASE} AS quad, e.cameo_root, e.summary,
               string_agg(DISTINCT en.name, '; ' ORDER BY en.name) FILTER (WHERE p.role = 'source') AS source_names,
               string_agg(DISTINCT en.name, '; ' ORDER BY en.name) FILTER (WHERE p.role = 'target') AS target_names,
               string_agg(DISTINCT en.name, '; ' ORDER BY en.name)
                   FILTER (WHERE p.role IN ('participant', 'mediator')) AS other_names,
               loc.name AS location_name, e.n_articles, e.n_outlets, e.confidence
        FROM events e
        LEFT JOIN event_participants p USING (event_id)
        LEFT JOIN entities en ON en.entity_id = p.entity_id
        LEFT JOIN entities loc ON loc.entity_id = e.location_entity_id
        GROUP BY ALL
        ORDER BY e.event_date NULLS LAST, e.event_type, e.event_id
        """,
        {
            "event_id": "Event id (FK to events)",
            "event_date": "Absolute event date (NULL when no date could be resolved)",
            "date_precision": "Precision of event_date: day, month or year",
            "event_type": "PLOVER event type (AGREE ... ASSAULT)",
            "event_mode": "PLOVER mode, where one applies",
            "quad": "PLOVER quad class of the type: verbal_coop, material_coop, verbal_conflict, material_conflict",
            "cameo_root": "Two-digit CAMEO root code equivalent",
            "summary": "One readable line: who did what to whom, where, when",
            "source_names": "Names of the source actors (who acted), '; '-separated",
            "target_names": "Names of the target actors (who it was done to), '; '-separated",
            "other_names": "Names of other participants and mediators, '; '-separated",
            "location_name": "Name of the place where it happened",
            "n_articles": "Articles reporting the event",
            "n_outlets": "Distinct outlets reporting the event",
            "confidence": "0..1 confidence that the event is coded right",
        },
    ),
    "actor_stances": (
        "Who is for or against what: each stance with its issue, read against the issue's label, "
        "and the article it comes from.",
        """
        SELECT s.stance_id, s.holder_entity_id, coalesce(h.name, q.speaker_surface) AS holder_name,
               s.issue_id, i.label AS issue, s.issue_polarity,
               s.target, s.target_entity_id, s.polarity, s.score, s.evidence, s.quote_id,
               s.article_id, a.headline, a.outlet, a.published_date
        FROM stances s
        LEFT JOIN issues i ON i.issue_id = s.issue_id
        LEFT JOIN entities h ON h.entity_id = s.holder_entity_id
        LEFT JOIN quotes q ON q.quote_id = s.quote_id
        LEFT JOIN articles a ON a.article_id = s.article_id
        ORDER BY holder_name NULLS LAST, issue, s.target, s.stance_id
        """,
        {
            "stance_id": "Stance id (FK to stances)",
            "holder_entity_id": "Entity holding the position",
            "holder_name": "Name of the holder (or the speaker as written)",
            "issue_id": "The issue the target names (FK to issues)",
            "issue": "Label of that issue",
            "issue_polarity": "The position read against the issue's label (support, oppose or neutral)",
            "target": "The target as the text names it",
            "target_entity_id": "The target as an entity, when it is one",
            "polarity": "support, oppose or neutral",
            "score": "Strength of the position, 0..1",
            "evidence": "The words that show the stance",
            "quote_id": "Quote the stance comes from, if any (FK to quotes)",
            "article_id": "Article of the evidence",
            "headline": "Headline of that article",
            "outlet": "Outlet of that article",
            "published_date": "Publication date of that article",
        },
    ),
    "quote_book": (
        "Every quote with its speaker and article.",
        """
        SELECT q.quote_id, q.speaker_entity_id, coalesce(sp.name, q.speaker_surface) AS speaker,
               q.speaker_surface, q.text, q.kind, q.cue, q.article_id, q.sentence_id,
               a.headline, a.outlet, a.published_date
        FROM quotes q
        LEFT JOIN entities sp ON sp.entity_id = q.speaker_entity_id
        LEFT JOIN articles a ON a.article_id = q.article_id
        ORDER BY a.published_date NULLS LAST, q.article_id, q.char_start
        """,
        {
            "quote_id": "Quote id (FK to quotes)",
            "speaker_entity_id": "Speaker entity, NULL when unresolved",
            "speaker": "Speaker name, or the speaker as written when unresolved",
            "speaker_surface": "Speaker as written near the quote",
            "text": "Quoted words (direct) or reported clause (indirect)",
            "kind": "direct or indirect",
            "cue": "Reporting verb as written",
            "article_id": "Article of the quote",
            "sentence_id": "Sentence where the quote starts",
            "headline": "Headline of that article",
            "outlet": "Outlet of that article",
            "published_date": "Publication date of that article",
        },
    ),
}


def _load(connection: duckdb.DuckDBPyConnection, data_dir: Path) -> None:
    """Load every table the database does not hold yet (all of them in a new file; in a copy
    of the last build, those dropped as changed), then the views and the search index."""
    let_duckdb_read(connection, data_dir)
    present = _tables_present(connection)
    for table in TABLES:
        if table in present:
            continue
        connection.execute(
            f'CREATE TABLE "{table}" AS SELECT * FROM read_parquet(?)',
            [str(table_path(data_dir, table))],
        )
        connection.execute(f'COMMENT ON TABLE "{table}" IS {sql_string(table_description(table))}')
        for column, meaning in column_descriptions(table).items():
            connection.execute(f'COMMENT ON COLUMN "{table}"."{column}" IS {sql_string(meaning)}')
    for view, (meaning, query, columns) in VIEWS.items():
        connection.execute(f'CREATE OR REPLACE VIEW "{view}" AS {query}')
        actual = [row[0] for row in connection.execute(f'DESCRIBE "{view}"').fetchall()]
        if set(actual) != set(columns):
            raise ValueError(f"view {view}: columns {actual} but comments for {sorted(columns)}")
        connection.execute(f'COMMENT ON VIEW "{view}" IS {sql_string(meaning)}')
        for column, column_meaning in columns.items():
            connection.execute(f'COMMENT ON COLUMN "{view}"."{column}" IS {sql_string(column_meaning)}')
    create_search(connection)


BUILD_CONFIG = {"memory_limit": "384MB"}
"""DuckDB's own limit for the load (its default is 80 % of the machine's memory): past it,
it spills to disk instead of growing with the corpus. The search index's word list is the
build's largest part: with 1 GB the step's process reached 1,094 MiB on the BBC corpus x4
(8,260 articles; 466 MiB at x1) and was the whole run's peak; with 384 MB it stays near
590 MiB at x4 (458 MiB at x1), for about 1 s more CPU at x4 (0.4 s at x1), and builds the
same tables."""


def build_config() -> dict[str, object]:
    """`BUILD_CONFIG`, and DuckDB's threads: the cores this process may use less one for each
    corpus-level step that may run beside the warehouse (`settings.corpus_steps`; none when
    the steps run in one process, one after another), one at least. On two cores the
    warehouse runs beside a picture or the exports' check, and DuckDB's second thread (its
    default is one per core) only took turns with them: about a tenth more CPU for the build
    (1.42-1.49 s against 1.29-1.31 s on the 2,014 BBC articles), the same tables."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    beside = 0 if in_process() else settings.corpus_steps() - 1
    return {**BUILD_CONFIG, "threads": max(1, cores - beside)}


def _tables_present(connection: duckdb.DuckDBPyConnection) -> set[str]:
    rows = connection.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'"
    ).fetchall()
    return {name for (name,) in rows}


TABLES_FILE = "warehouse.tables.json"
"""Beside the warehouse: the digest of each Parquet table it was built from, the code's
digest and the file's identity, so the next build knows what it can keep."""


def code_digest() -> str:
    """The code that lays the warehouse out: this module, the search index and its stop words,
    and DuckDB's version."""
    digest = hashlib.sha256(inspect.getsource(inspect.getmodule(code_digest)).encode())
    digest.update(inspect.getsource(search_module).encode())
    digest.update(search_module.STOPWORDS_PATH.read_bytes())
    digest.update(duckdb.__version__.encode())
    return digest.hexdigest()


def table_digests(data_dir: Path) -> dict[str, str]:
    """SHA-256 of each table's Parquet file."""
    digests = {}
    for table in TABLES:
        with table_path(data_dir, table).open("rb") as handle:
            digests[table] = hashlib.file_digest(handle, "sha256").hexdigest()  # a chunk at a time
    return digests


def _tables_file(data_dir: Path) -> Path:
    return warehouse_guard.warehouse_path(data_dir).with_name(TABLES_FILE)


def _changed_since_last_build(data_dir: Path, final: Path, code: str, digests: dict[str, str]) -> set[str] | None:
    """The tables whose Parquet file changed since the build that left `final`; None when
    `final` is not that build's file (missing, rebuilt or written since) or other code built it."""
    try:
        recorded = json.loads(_tables_file(data_dir).read_text())
        identity = [final.stat().st_size, final.stat().st_mtime_ns]
    except (OSError, ValueError):
        return None
    if not isinstance(recorded, dict) or recorded.get("code") != code or recorded.get("identity") != identity:
        return None
    if warehouse_guard.wal_path(final).exists():
        return None
    before = recorded.get("tables") or {}
    return {table for table in TABLES if before.get(table) != digests[table]}


def build_warehouse(data_dir: Path, *, code: str | None = None, digests: dict[str, str] | None = None) -> Path:
    """Load every Parquet table into a new DuckDB file and atomically replace the old one
    (a local file, also when the tables are on object storage); the new file starts as a copy
    of the last build's when that is still the warehouse (see the module's doc).

    `code` and `digests`: `code_digest()` and `table_digests(data_dir)` when the caller has
    just computed them (the warehouse asset does, for its inputs marker), so that the Parquet
    files are not read and hashed a second time; computed here otherwise."""
    final = warehouse_guard.warehouse_path(data_dir)
    building = final.with_name(f".warehouse.{os.getpid()}.duckdb.building")
    try:
        return swap_in(data_dir, build_beside(data_dir, building, code=code, digests=digests))
    finally:
        remove_build(building)


@dataclass(frozen=True)
class Built:
    """A warehouse built beside the current one (`build_beside`), not yet in its place."""

    building: Path
    code: str
    digests: dict[str, str]
    base: list[int] | None
    """The identity (size, time) of the warehouse it started as a copy of; None: built from nothing."""

    def fits(self, data_dir: Path, code: str, digests: dict[str, str]) -> bool:
        """Built from these tables by this code, and, if copied from the warehouse, from the
        one there now (a warehouse set aside since then, or rebuilt, voids the copy)."""
        if (self.code, self.digests) != (code, digests) or not self.building.is_file():
            return False
        return self.base is None or _identity(warehouse_guard.warehouse_path(data_dir)) == self.base


def build_beside(data_dir: Path, building: Path, *, code: str | None = None, digests: dict[str, str] | None = None,
                 copy_only: bool = False) -> Built | None:
    """The new warehouse at `building`, beside the current one, which stays as it is.
    `copy_only`: None instead of a build from nothing (when the last build cannot be copied),
    and None when no table changed since it (the current warehouse is that build)."""
    final = warehouse_guard.warehouse_path(data_dir)
    final.parent.mkdir(parents=True, exist_ok=True)
    remove_build(building)
    _remove_abandoned_builds(final.parent)
    code = code if code is not None else code_digest()
    digests = digests if digests is not None else table_digests(data_dir)
    base = _identity(final)
    changed = _changed_since_last_build(data_dir, final, code, digests)
    if copy_only and not changed:
        return None
    if changed is not None:
        try:
            _build(building, data_dir, final, changed)
            return Built(building, code, digests, base)
        except duckdb.Error:  # the last build's file does not read back whole: build from nothing
            remove_build(building)
    if copy_only:
        return None
    _build(building, data_dir)
    return Built(building, code, digests, None)


def swap_in(data_dir: Path, built: Built) -> Path:
    """Rename a warehouse built beside the current one over it, and record what it was built
    from for the next build's copy."""
    final = warehouse_guard.warehouse_path(data_dir)
    _tables_file(data_dir).unlink(missing_ok=True)
    warehouse_guard.remember(data_dir, built.building, keep_current=True)
    os.replace(built.building, final)
    warehouse_guard.remember(data_dir, final)
    record = {"code": built.code, "identity": _identity(final), "tables": built.digests}
    with atomic_path(_tables_file(data_dir)) as temp:
        temp.write_text(json.dumps(record, sort_keys=True))
    return final


def ahead_building(data_dir: Path, owner: int) -> Path:
    """Where a build ahead of the warehouse step (`pipeline.ahead`) is made: named after the
    process that runs the steps (`owner`), which removes it should no step take it; a file
    left by a process that died is removed as abandoned by the next build."""
    return warehouse_guard.warehouse_path(data_dir).with_name(f".warehouse.{owner}.ahead.duckdb.building")


def build_ahead(data_dir: Path, building: Path) -> Built | None:
    """The warehouse step's build, made before its step starts when the last build can be
    copied (`build_beside`); None when nothing changed since it, or when the build would be
    from nothing (that, with every table in memory, stays the step's, not beside the checks)."""
    return build_beside(data_dir, building, copy_only=True)


def remove_build(building: Path) -> None:
    """A build's file and its write-ahead log, if there."""
    for leftover in (building, building.with_name(building.name + ".wal")):
        leftover.unlink(missing_ok=True)


def _identity(path: Path) -> list[int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return [found.st_size, found.st_mtime_ns]


def _build(building: Path, data_dir: Path, base: Path | None = None, changed: set[str] = frozenset()) -> None:
    """The new warehouse at `building`, in one transaction: from nothing, or from a copy of
    `base` with the `changed` tables loaded again. The tables kept from the copy are read
    whole first (DuckDB checksums every block it reads): a file damaged in place, its size
    and time kept, raises here instead of passing its damage on."""
    if base is not None:
        shutil.copyfile(base, building)
    with duckdb.connect(str(building), config=build_config()) as connection:
        connection.execute("BEGIN TRANSACTION")
        if base is not None:
            for table in TABLES:
                if table not in changed:
                    warehouse_guard.count_reading_every_block(connection, table)
            for table in sorted(changed):
                connection.execute(f'DROP TABLE IF EXISTS "{table}"')
        _load(connection, data_dir)
        connection.execute("COMMIT")
        connection.execute("CHECKPOINT")


def _remove_abandoned_builds(folder: Path) -> None:
    """A build killed mid-way leaves `.warehouse.<pid>.duckdb.building` (and its WAL) behind:
    never read, but as big as the warehouse. Builds of live processes are left alone."""
    for path in folder.glob(".warehouse.*.duckdb.building*"):
        pid = path.name.split(".")[2]
        if pid.isdigit() and not process_is_alive(int(pid)):
            path.unlink(missing_ok=True)

