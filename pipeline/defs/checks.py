"""Asset checks: the contract and the integrity rules, visible per table in the UI.

Each check reads the Parquet the asset just wrote. They are blocking, so the
warehouse is never loaded from tables that break them. All of them run in one step
(`table_checks`, a multi-asset check) and in one process of its own (`pipeline.own_process`),
so what they read goes back when it ends: the UI still shows each check on its table, but a
run pays Dagster's cost of a step (its plan entry, events and records) and a fork once
instead of twenty-four times, which was most of what the checks cost after a small edit.
A check whose tables hold the bytes it last ran on gives the result it gave then, without
running again (`pipeline.checked`): the contract checks too, whose result also depends on the
contract's code (`table_build.contract_identity`).
"""


import hashlib
import inspect
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.metadata import version

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetCheckSpec,
    AssetKey,
    IntMetadataValue,
    MarkdownMetadataValue,
    MetadataValue,
    TextMetadataValue,
    multi_asset_check,
)

from pipeline import ahead, storage
from pipeline.checked import CheckMemo
from pipeline.defs.resources import NewsPaths
from pipeline.nlp.gazetteer import load_gazetteer
from pipeline.nlp.names import conflicting_genders, non_name_words
from pipeline.nlp.version import extractor_version
from pipeline.own_process import step_value
from pipeline.schemas import TABLES, SchemaViolation, build_models
from pipeline.storage import read_table as read_file
from pipeline.table_build import ContractPasses, contract_identity, validate_file

READ_ONCE = frozenset({"entities", "events", "event_participants"})
"""The corpus-wide tables that several checks read (seven read the entities): small beside
the per-article tables, which are read by one check each and let go after it."""

_read_once: dict[tuple[str, tuple[str, ...] | None], pd.DataFrame] | None = None
"""While `run_checks` runs: each (table, columns) of `READ_ONCE`, read once for every check."""


def read_table(data_dir, table: str, columns: list[str] | None = None) -> pd.DataFrame:
    """The table as the checks read it, from its Parquet file; a table of `READ_ONCE` once per
    `run_checks`. The checks make new frames from what they read and never change it in place."""
    if _read_once is None or table not in READ_ONCE:
        return read_file(data_dir, table, columns)
    key = (table, None if columns is None else tuple(columns))
    if key not in _read_once:
        _read_once[key] = read_file(data_dir, table, columns)
    return _read_once[key]


def known_ids(values: pd.Series, known: set[str]) -> np.ndarray:
    """`values.isin(known)` as a boolean array (a missing value is never known), the lookup
    done by Arrow. Pandas' `isin` on Arrow-backed strings makes a pyarrow scalar of each known
    value first: with the 13,563 entity ids of the 2,014 BBC articles, three checks spent
    0.14 s CPU there, a quarter of all the checks."""
    column = pa.array(values, from_pandas=True)
    if not known or not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        return values.isin(known).to_numpy(dtype=bool)
    found = pc.is_in(column, value_set=pa.array(list(known), type=column.type))
    return found.to_numpy(zero_copy_only=False).astype(bool)


def rows_where(frame: pd.DataFrame, flags: pd.Series) -> pd.DataFrame:
    """The rows whose flag is true. A flag made by `Series.map` over no rows has dtype object,
    and `frame[flags]` then selects columns (none), not rows: a check on an empty table would
    fail on its own column list rather than pass."""
    return frame.loc[flags.to_numpy(dtype=bool)]


SAMPLE = 10


def _result(
    failing: pd.DataFrame, what: str, severity: AssetCheckSeverity = AssetCheckSeverity.ERROR
) -> AssetCheckResult:
    """ERROR for broken integrity (blocks the warehouse); WARN for quality signals, which an
    analyst should see but which must not hold back a refresh of a large real corpus."""
    return AssetCheckResult(
        passed=failing.empty,
        severity=severity,
        description=f"{len(failing)} {what}" if len(failing) else None,
        metadata={
            "failing_rows": len(failing),
            "sample": MetadataValue.md(
                failing.head(SAMPLE).astype(str).to_markdown(index=False) if len(failing) else "none"
            ),
        },
    )


@dataclass(frozen=True)
class TableCheck:
    """One check: the table it is shown on, the tables it also reads, and what it runs."""

    asset: str
    name: str
    description: str
    run: Callable[[NewsPaths], AssetCheckResult]
    also_reads: tuple[str, ...] = ()
    code: Callable[[], str] | None = None
    """The identity of code the check runs beyond its own (a model it validates against)."""

    @property
    def key(self) -> str:
        return f"{self.asset}/{self.name}"

    @property
    def reads(self) -> tuple[str, ...]:
        return (self.asset, *self.also_reads)

    def spec(self) -> AssetCheckSpec:
        return AssetCheckSpec(self.name, asset=AssetKey(self.asset), description=self.description, blocking=True,
                              additional_deps=[AssetKey(t) for t in self.also_reads])


CHECKS: list[TableCheck] = []


def table_check(asset: str, description: str, also_reads: tuple[str, ...] = (), name: str | None = None,
                code: Callable[[], str] | None = None):
    """Register a blocking check of `asset` (named after the function unless `name`)."""
    def register(run: Callable[[NewsPaths], AssetCheckResult]) -> Callable[[NewsPaths], AssetCheckResult]:
        CHECKS.append(TableCheck(asset, name or run.__name__, description, run, also_reads, code))
        return run

    return register


def contract_check(table: str) -> Callable[[NewsPaths], AssetCheckResult]:
    def matches_contract(paths: NewsPaths) -> AssetCheckResult:
        passes = ContractPasses(paths.data, contract_identity())
        if passes.passed(table):  # these bytes passed when the table step wrote them
            return AssetCheckResult(passed=True)
        try:
            validate_file(paths.data, table)
        except SchemaViolation as violation:
            return AssetCheckResult(passed=False, description=str(violation)[:2000])
        passes.add(table)
        return AssetCheckResult(passed=True)

    description = f"The Parquet file of {table} validates against its Pandera model."
    return table_check(table, description, name="matches_contract", code=contract_identity)(matches_contract)


for _table in TABLES:
    contract_check(_table)


@table_check("mentions", also_reads=("entities",),
             description="Every mention's entity_id exists in entities (no dangling links).")
def every_mention_resolves(paths: NewsPaths) -> AssetCheckResult:
    known = set(read_table(paths.data, "entities")["entity_id"])
    # the links alone first: the other columns (the surfaces, most of what the table holds)
    # are read only to show the mentions that fail
    links = read_table(paths.data, "mentions", ["entity_id"])["entity_id"]
    if known_ids(links, known).all():
        return _result(links.to_frame().iloc[0:0], "mentions point to unknown entities")
    mentions = read_table(paths.data, "mentions", ["mention_id", "article_id", "entity_id", "surface"])
    return _result(mentions[~known_ids(mentions["entity_id"], known)], "mentions point to unknown entities")


@table_check("entities",
             description="No PERSON entity is named like a country, demonym or place of the gazetteer.")
def no_person_named_as_place(paths: NewsPaths) -> AssetCheckResult:
    entities = read_table(paths.data, "entities")
    gazetteer = load_gazetteer()
    people = entities[entities["entity_type"] == "PERSON"]
    clash = people["name"].map(lambda n: gazetteer.by_alias(n) is not None or gazetteer.demonym_country(n) is not None)
    return _result(rows_where(people, clash), "people named like a place or nationality", AssetCheckSeverity.WARN)


@table_check("entities",
             description="No person's canonical name holds a word that is no part of a name (\"Crooked\").")
def canonical_names_are_names(paths: NewsPaths) -> AssetCheckResult:
    entities = read_table(paths.data, "entities")
    people = entities[entities["entity_type"] == "PERSON"]  # "Big Issue", "Little Britain" are names
    held = people["name"].map(non_name_words)
    failing = rows_where(people.assign(words=held), held.map(bool))
    return _result(
        failing[["entity_id", "name", "words"]], "canonical names holding an epithet", AssetCheckSeverity.WARN
    )


@table_check("entities",
             description="No person's aliases carry honorifics of both genders (\"Mrs. Clinton\" merged into a man).")
def person_aliases_one_gender(paths: NewsPaths) -> AssetCheckResult:
    entities = read_table(paths.data, "entities")
    people = entities[entities["entity_type"] == "PERSON"]
    clash = people["aliases"].map(lambda aliases: conflicting_genders(list(aliases)))
    return _result(rows_where(people, clash)[["entity_id", "name", "aliases"]], "people with aliases of both genders",
                   AssetCheckSeverity.WARN)


@table_check(
    "entities",
    description="Each alias belongs to one entity only (a capital's name may also stand for its country: metonymy).",
)
def aliases_unique(paths: NewsPaths) -> AssetCheckResult:
    entities = read_table(paths.data, "entities")
    columns = ["entity_id", "aliases", "country_iso3", "entity_type"]
    exploded = entities[columns].explode("aliases").dropna(subset=["aliases"])
    exploded["alias"] = exploded["aliases"].str.lower()
    gazetteer = load_gazetteer()

    def is_metonym_pair(group: pd.DataFrame) -> bool:
        if len(group) != 2 or set(group["entity_type"]) != {"COUNTRY", "LOCATION"}:
            return False
        city = group[group["entity_type"] == "LOCATION"].iloc[0]
        country = group[group["entity_type"] == "COUNTRY"].iloc[0]
        return gazetteer.capital_country(city["aliases"]) == country["country_iso3"]

    shared = exploded[exploded.duplicated("alias", keep=False)]
    # Only an alias shared by one place and one country can be a metonym: the others clash
    # without a look at their group (1,247 shared aliases on 2,014 BBC articles, a tenth of a
    # second of CPU when each group was taken apart in turn). The clashes in alias order, each
    # alias's rows as they come, as the groups were concatenated.
    by_alias = shared.groupby("alias", sort=False)["entity_type"]
    pair_of_place_and_country = (
        (by_alias.transform("size") == 2)
        & shared["entity_type"].eq("LOCATION").groupby(shared["alias"], sort=False).transform("sum").eq(1)
        & shared["entity_type"].eq("COUNTRY").groupby(shared["alias"], sort=False).transform("sum").eq(1)
    )
    candidates = shared[pair_of_place_and_country]
    metonyms = [alias for alias, group in candidates.groupby("alias") if is_metonym_pair(group)]
    failing = shared[~shared["alias"].isin(metonyms)].sort_values("alias", kind="stable")
    return _result(failing[["entity_id", "aliases"]], "aliases shared by several entities", AssetCheckSeverity.WARN)


@table_check("event_participants", also_reads=("entities",),
             description="Every event participant is a known entity.")
def participants_are_entities(paths: NewsPaths) -> AssetCheckResult:
    known = set(read_table(paths.data, "entities")["entity_id"])
    participants = read_table(paths.data, "event_participants")
    return _result(participants[~known_ids(participants["entity_id"], known)], "participants unknown to entities")


@table_check("events", also_reads=("entities",),
             description="Every event location is a known entity.")
def locations_are_entities(paths: NewsPaths) -> AssetCheckResult:
    known = set(read_table(paths.data, "entities")["entity_id"])
    events = read_table(paths.data, "events")
    located = events[events["location_entity_id"].notna()]
    return _result(located[~known_ids(located["location_entity_id"], known)], "event locations unknown to entities")


@table_check("events", also_reads=("event_participants",),
             description="No two events share type, participants in their roles, date and place "
                         "(a warning: dedup quality).")
def events_unique(paths: NewsPaths) -> AssetCheckResult:
    """Participants count with their roles: two sides accusing each other are two events,
    A against B and B against A, with the same participants."""
    events = read_table(paths.data, "events")
    participants = read_table(paths.data, "event_participants")
    roles = participants["entity_id"] + ":" + participants["role"]
    sets = roles.groupby(participants["event_id"]).agg(lambda s: "|".join(sorted(set(s))))
    keyed = events.assign(participants=events["event_id"].map(sets).fillna(""))
    key = ["event_type", "participants", "event_date", "location_entity_id"]
    duplicated = keyed[keyed.duplicated(key, keep=False)]
    return _result(duplicated[["event_id", *key]], "events duplicate another", AssetCheckSeverity.WARN)


@table_check("events", also_reads=("event_mentions", "articles"),
             description="No event is dated after the latest article that reports it.")
def event_dates_not_in_future(paths: NewsPaths) -> AssetCheckResult:
    events = read_table(paths.data, "events")
    reports = read_table(paths.data, "event_mentions", ["event_id", "article_id"]).merge(
        read_table(paths.data, "articles")[["article_id", "published_date"]], on="article_id"
    )
    latest = reports.groupby("event_id")["published_date"].max()
    dated = events.assign(article_date=events["event_id"].map(latest)).dropna(subset=["event_date", "article_date"])
    return _result(dated[dated["event_date"] > dated["article_date"]], "events dated after their reports")


@table_check("quotes", also_reads=("sentences",),
             description="Every quote starts inside its sentence and lies within its article's sentences.")
def quotes_inside_sentences(paths: NewsPaths) -> AssetCheckResult:
    bounds = ["article_id", "sentence_id", "char_start", "char_end"]
    quotes = read_table(paths.data, "quotes", ["quote_id", *bounds])
    sentences = read_table(paths.data, "sentences", bounds)
    merged = quotes.merge(sentences, on=["article_id", "sentence_id"], how="left", suffixes=("", "_sentence"))
    if merged.empty:
        return _result(merged, "quotes outside their sentences")
    bounds = sentences.groupby("article_id")["char_end"].max()
    outside = (
        merged["char_start_sentence"].isna()
        | (merged["char_start"] < merged["char_start_sentence"])
        | (merged["char_start"] >= merged["char_end_sentence"])
        | (merged["char_end"] > merged["article_id"].map(bounds))
    )
    failing = merged.loc[outside, ["quote_id", "sentence_id", "char_start", "char_end"]]
    return _result(failing, "quotes outside their sentences")


@table_check(
    "stances", description="Every stance has evidence text and a holder or quote."
)
def stances_have_evidence(paths: NewsPaths) -> AssetCheckResult:
    stances = read_table(paths.data, "stances")
    missing = stances["evidence"].fillna("").str.strip().eq("")
    return _result(stances[missing], "stances without evidence")


def _outcome(check: TableCheck, paths: NewsPaths) -> tuple[dict, bool]:
    """(the check's result as its fields, whether it ran to the end): an AssetCheckResult does
    not unpickle; one that raises is a failed result naming its error, so that the other
    checks still run."""
    try:
        result = check.run(paths)
    except Exception as error:  # noqa: BLE001 - reported on the check itself, in the UI
        result = AssetCheckResult(passed=False, description=f"raised {type(error).__name__}: {error}"[:2000])
        ran = False
    else:
        ran = True
    return {"passed": result.passed, "severity": result.severity, "description": result.description,
            "metadata": result.metadata}, ran


def memo_identity() -> str:
    """What a check's result depends on besides its tables: this module, the table reader,
    the extractors' fingerprint (gazetteer, name rules, knowledge) and pandas."""
    digest = hashlib.sha256(inspect.getsource(sys.modules[__name__]).encode())
    digest.update(inspect.getsource(storage).encode())
    digest.update(f"{extractor_version()} pandas {version('pandas')}".encode())
    return digest.hexdigest()


def _source(run: Callable) -> str:
    """The check's own code (a check swapped for another function is another check)."""
    try:
        return inspect.getsource(run)
    except (OSError, TypeError):
        return f"{getattr(run, '__module__', '')}.{getattr(run, '__qualname__', repr(run))}"


def _as_json(outcome: dict) -> dict | None:
    """The outcome in JSON values, or None when a metadata value has no JSON form here."""
    metadata = {}
    for key, value in (outcome["metadata"] or {}).items():
        if isinstance(value, MarkdownMetadataValue):
            metadata[key] = {"md": value.md_str}
        elif isinstance(value, IntMetadataValue):
            metadata[key] = {"int": value.value}
        elif isinstance(value, TextMetadataValue):
            metadata[key] = {"text": value.text}
        else:
            return None
    return {"passed": outcome["passed"], "severity": outcome["severity"].value,
            "description": outcome["description"], "metadata": metadata}


def _from_json(kept: dict) -> dict:
    made = {"md": MetadataValue.md, "int": MetadataValue.int, "text": MetadataValue.text}
    metadata = {key: made[kind](value) for key, entry in kept["metadata"].items() for kind, value in entry.items()}
    return {"passed": kept["passed"], "severity": AssetCheckSeverity(kept["severity"]),
            "description": kept["description"], "metadata": metadata}


def run_checks(paths: NewsPaths, checks: list[TableCheck] | None = None) -> list[dict]:
    """Every check's outcome, in order; a check whose tables are those it last ran on gives
    its kept result (`pipeline.checked`)."""
    global _read_once
    memo = CheckMemo(paths.data, memo_identity())
    _read_once = {}
    try:
        return _run_checks(paths, memo, CHECKS if checks is None else checks)
    finally:
        _read_once = None


def _run_checks(paths: NewsPaths, memo: CheckMemo, checks: list[TableCheck]) -> list[dict]:
    outcomes = []
    identities: dict[Callable[[], str], str] = {}  # the contract's identity, read once for all tables
    for check in checks:
        code = _source(check.run)
        if check.code is not None:
            if check.code not in identities:
                identities[check.code] = check.code()
            code += identities[check.code]
        inputs = memo.inputs(check.reads, code)
        kept = memo.get(check.key, inputs)
        if kept is not None:
            outcomes.append(_from_json(kept))
            continue
        outcome, ran = _outcome(check, paths)
        memo.put(check.key, inputs, _as_json(outcome) if ran else None)
        outcomes.append(outcome)
    memo.save()
    return outcomes


@multi_asset_check(specs=[check.spec() for check in CHECKS], name="table_checks")
def table_checks(paths: NewsPaths) -> Iterator[AssetCheckResult]:
    """Every check above, in turn, in one process of its own (`pipeline.own_process`): what
    they read goes back when it ends. A blocking failure stops what is downstream once the
    step ends."""
    outcomes = ahead.take("table_checks", ahead.tables_key(paths.data, TABLES))  # run as the tables were written
    if outcomes is None:
        outcomes = step_value(lambda: run_checks(paths), "table_checks", build_models)
    for check, outcome in zip(CHECKS, outcomes, strict=True):
        yield AssetCheckResult(asset_key=AssetKey(check.asset), check_name=check.name, **outcome)


ALL_CHECKS = [table_checks]
