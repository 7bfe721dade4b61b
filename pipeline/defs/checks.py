"""Asset checks: the contract and the integrity rules, visible per table in the UI.

Each check reads the Parquet the asset just wrote, in a process of its own
(`pipeline.own_process`), so what it read goes back when it ends. They are blocking, so
the warehouse is never loaded from tables that break them.
"""


import functools
from collections.abc import Callable

import pandas as pd
from dagster import AssetCheckResult, AssetChecksDefinition, AssetCheckSeverity, AssetKey, MetadataValue, asset_check

from pipeline.defs.resources import NewsPaths
from pipeline.nlp.gazetteer import load_gazetteer
from pipeline.nlp.names import conflicting_genders, non_name_words
from pipeline.own_process import step_value
from pipeline.schemas import TABLES, SchemaViolation
from pipeline.storage import read_table
from pipeline.table_build import validate_file

SAMPLE = 10


def own_process(check: Callable[[NewsPaths], AssetCheckResult]) -> Callable[[NewsPaths], AssetCheckResult]:
    """`check` run in a child process (`pipeline.own_process`); its result comes back as
    its fields (an AssetCheckResult does not unpickle)."""

    @functools.wraps(check)
    def in_own_process(paths: NewsPaths) -> AssetCheckResult:
        return AssetCheckResult(**step_value(lambda: check(paths)._asdict(), check.__name__))

    return in_own_process


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


def contract_check(table: str) -> AssetChecksDefinition:
    def matches_contract(paths: NewsPaths) -> AssetCheckResult:
        try:
            validate_file(paths.data, table)
        except SchemaViolation as violation:
            return AssetCheckResult(passed=False, description=str(violation)[:2000])
        return AssetCheckResult(passed=True)

    matches_contract.__name__ = f"{table}_matches_contract"  # what the step's log line says
    return asset_check(asset=AssetKey(table), name="matches_contract", blocking=True,
                       description=f"The Parquet file of {table} validates against its Pandera model.")(
        own_process(matches_contract))


@asset_check(asset=AssetKey("mentions"), additional_deps=[AssetKey("entities")], blocking=True,
             description="Every mention's entity_id exists in entities (no dangling links).")
@own_process
def every_mention_resolves(paths: NewsPaths) -> AssetCheckResult:
    mentions = read_table(paths.data, "mentions", ["mention_id", "article_id", "entity_id", "surface"])
    known = set(read_table(paths.data, "entities")["entity_id"])
    return _result(mentions[~mentions["entity_id"].isin(known)], "mentions point to unknown entities")


@asset_check(asset=AssetKey("entities"), blocking=True,
             description="No PERSON entity is named like a country, demonym or place of the gazetteer.")
@own_process
def no_person_named_as_place(paths: NewsPaths) -> AssetCheckResult:
    entities = read_table(paths.data, "entities")
    gazetteer = load_gazetteer()
    people = entities[entities["entity_type"] == "PERSON"]
    clash = people["name"].map(lambda n: gazetteer.by_alias(n) is not None or gazetteer.demonym_country(n) is not None)
    return _result(people[clash], "people named like a place or nationality", AssetCheckSeverity.WARN)


@asset_check(asset=AssetKey("entities"), blocking=True,
             description="No person's canonical name holds a word that is no part of a name (\"Crooked\").")
@own_process
def canonical_names_are_names(paths: NewsPaths) -> AssetCheckResult:
    entities = read_table(paths.data, "entities")
    people = entities[entities["entity_type"] == "PERSON"]  # "Big Issue", "Little Britain" are names
    held = people["name"].map(non_name_words)
    failing = people.assign(words=held)[held.map(bool)]
    return _result(
        failing[["entity_id", "name", "words"]], "canonical names holding an epithet", AssetCheckSeverity.WARN
    )


@asset_check(asset=AssetKey("entities"), blocking=True,
             description="No person's aliases carry honorifics of both genders (\"Mrs. Clinton\" merged into a man).")
@own_process
def person_aliases_one_gender(paths: NewsPaths) -> AssetCheckResult:
    entities = read_table(paths.data, "entities")
    people = entities[entities["entity_type"] == "PERSON"]
    clash = people["aliases"].map(lambda aliases: conflicting_genders(list(aliases)))
    return _result(people[clash][["entity_id", "name", "aliases"]], "people with aliases of both genders",
                   AssetCheckSeverity.WARN)


@asset_check(
    asset=AssetKey("entities"),
    blocking=True,
    description="Each alias belongs to one entity only (a capital's name may also stand for its country: metonymy).",
)
@own_process
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
    clashes = [g for _, g in shared.groupby("alias") if not is_metonym_pair(g)]
    failing = pd.concat(clashes) if clashes else shared.iloc[0:0]
    return _result(failing[["entity_id", "aliases"]], "aliases shared by several entities", AssetCheckSeverity.WARN)


@asset_check(asset=AssetKey("event_participants"), additional_deps=[AssetKey("entities")], blocking=True,
             description="Every event participant is a known entity.")
@own_process
def participants_are_entities(paths: NewsPaths) -> AssetCheckResult:
    known = set(read_table(paths.data, "entities")["entity_id"])
    participants = read_table(paths.data, "event_participants")
    return _result(participants[~participants["entity_id"].isin(known)], "participants unknown to entities")


@asset_check(asset=AssetKey("events"), additional_deps=[AssetKey("entities")], blocking=True,
             description="Every event location is a known entity.")
@own_process
def locations_are_entities(paths: NewsPaths) -> AssetCheckResult:
    known = set(read_table(paths.data, "entities")["entity_id"])
    events = read_table(paths.data, "events")
    located = events[events["location_entity_id"].notna()]
    return _result(located[~located["location_entity_id"].isin(known)], "event locations unknown to entities")


@asset_check(asset=AssetKey("events"), additional_deps=[AssetKey("event_participants")], blocking=True,
             description="No two events share type, participants, date and place (a warning: dedup quality).")
@own_process
def events_unique(paths: NewsPaths) -> AssetCheckResult:
    events = read_table(paths.data, "events")
    participants = read_table(paths.data, "event_participants")
    sets = participants.groupby("event_id")["entity_id"].agg(lambda s: "|".join(sorted(set(s))))
    keyed = events.assign(participants=events["event_id"].map(sets).fillna(""))
    key = ["event_type", "participants", "event_date", "location_entity_id"]
    duplicated = keyed[keyed.duplicated(key, keep=False)]
    return _result(duplicated[["event_id", *key]], "events duplicate another", AssetCheckSeverity.WARN)


@asset_check(asset=AssetKey("events"), additional_deps=[AssetKey("event_mentions"), AssetKey("articles")],
             blocking=True, description="No event is dated after the latest article that reports it.")
@own_process
def event_dates_not_in_future(paths: NewsPaths) -> AssetCheckResult:
    events = read_table(paths.data, "events")
    reports = read_table(paths.data, "event_mentions", ["event_id", "article_id"]).merge(
        read_table(paths.data, "articles")[["article_id", "published_date"]], on="article_id"
    )
    latest = reports.groupby("event_id")["published_date"].max()
    dated = events.assign(article_date=events["event_id"].map(latest)).dropna(subset=["event_date", "article_date"])
    return _result(dated[dated["event_date"] > dated["article_date"]], "events dated after their reports")


@asset_check(asset=AssetKey("quotes"), additional_deps=[AssetKey("sentences")], blocking=True,
             description="Every quote starts inside its sentence and lies within its article's sentences.")
@own_process
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


@asset_check(
    asset=AssetKey("stances"), blocking=True, description="Every stance has evidence text and a holder or quote."
)
@own_process
def stances_have_evidence(paths: NewsPaths) -> AssetCheckResult:
    stances = read_table(paths.data, "stances")
    missing = stances["evidence"].fillna("").str.strip().eq("")
    return _result(stances[missing], "stances without evidence")


ALL_CHECKS = [contract_check(t) for t in TABLES] + [
    every_mention_resolves,
    no_person_named_as_place,
    canonical_names_are_names,
    person_aliases_one_gender,
    aliases_unique,
    participants_are_entities,
    locations_are_entities,
    events_unique,
    event_dates_not_in_future,
    quotes_inside_sentences,
    stances_have_evidence,
]
