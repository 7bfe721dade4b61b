"""The dataset contract in code: one Pandera model and one Arrow schema per table.

The Pandera model says what a valid row is (and what each column means: the
descriptions become DuckDB comments and Dagster column schemas); the Arrow schema
fixes the physical types written to Parquet, so DuckDB sees DATE, TIMESTAMP and
VARCHAR[] where the contract says so.
"""

from __future__ import annotations

import functools
import sys
from datetime import date

import pandas as pd
import pandera.pandas as pa
import pyarrow as pa_arrow
from pandera.api.pandas import model as _pandera_model
from pandera.errors import SchemaErrors
from pandera.typing import Index, Series

from pipeline.contract_names import EXPORT_CSV_NAMES, TABLE_NAMES
from pipeline.nlp.file_notes import NOTE_KINDS


def _pandas_types(kind: type) -> set[type]:
    return {kind}


# Pandera asks, for every model it builds, which annotations are series and index types,
# and its answer imports `pandera.typing.dask`, so dask.dataframe (about 0.8 s of CPU), to
# include Dask's types: in every run that validates a table, for models that annotate
# pandas types only. Its own answer differs only by types no model here uses.
_pandera_model.get_series_types = functools.partial(_pandas_types, Series)
_pandera_model.get_index_types = functools.partial(_pandas_types, Index)


def _without_data_synthesis() -> None:
    """Pandera's validation backends import its data-synthesis strategies, and those import
    hypothesis wherever it is installed (the lock installs it, for the tests): about 0.3 s of
    CPU in every process that validates, for strategies the pipeline never asks for. Pandera
    decides once, when `pandera.strategies.base_strategies` is imported, whether hypothesis is
    there; imported here while hypothesis is hidden, it answers no. Hypothesis itself stays
    importable (the tests use it), and a process that imported it first keeps Pandera's default.

    Safe whatever Pandera does: hiding hypothesis is only what Pandera already handles when
    hypothesis is not installed (a supported setup, strategies off), and a release that moves
    or renames the module only loses the saving: the ImportError is dropped and Pandera loads
    as it would unaided. pipeline/defs/refresh.py's HYPOTHESIS_NO_PLUGINS stays for those
    cases (and for a process that imported hypothesis first): hypothesis then still skips its
    plugins, the larger part of the cost."""
    if "hypothesis" in sys.modules or "pandera.strategies.base_strategies" in sys.modules:
        return
    sys.modules["hypothesis"] = None  # type: ignore[assignment]  # `import hypothesis` fails while None
    try:
        import pandera.strategies.base_strategies  # noqa: F401
    except ImportError:
        pass  # a Pandera without this module: no saving, nothing broken
    finally:
        del sys.modules["hypothesis"]


_without_data_synthesis()

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
# The actors and places the gold set annotates, then named things that are no actors:
# LAW (laws, treaties, agreements by name), EVENT (wars, summits, elections by name),
# WORK (books, programmes, reports, shows), PRODUCT. The gold set does not annotate the
# latter (eval/GUIDE.md), so the scorer leaves them out.
ANNOTATED_ENTITY_TYPES = ("PERSON", "COUNTRY", "ORGANIZATION", "LOCATION", "GROUP")
NAMED_THING_TYPES = ("LAW", "EVENT", "WORK", "PRODUCT")
ENTITY_TYPES = ANNOTATED_ENTITY_TYPES + NAMED_THING_TYPES
SECTIONS = ("headline", "caption", "body", "trailer")


def _is_date_or_null(series: pd.Series) -> pd.Series:
    return series.map(lambda v: v is None or pd.isna(v) or isinstance(v, date))


def _is_list_of_str(series: pd.Series) -> pd.Series:
    return series.map(lambda v: hasattr(v, "__iter__") and all(isinstance(x, str) for x in v))




class _Table(pa.DataFrameModel):
    class Config:
        coerce = True  # Parquet round trips narrow integers; the meaning is what counts
        strict = True


class Articles(_Table):
    """One row per ingested file or collection row."""

    article_id: Series[str] = pa.Field(unique=True, description="Stable id: the file's path under the seeds folder without .txt; for a collection row, the collection's path without suffix, '/', and the row's id (or row number)")
    source_file: Series[str] = pa.Field(description="Path of the file relative to the seeds folder; for a collection row, the collection's path, '#', and the row's id (or row number)")
    content_sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the raw bytes (of a collection row: of its text and metadata); a change triggers reprocessing")
    encoding: Series[str] = pa.Field(description="Text encoding the file was decoded with")
    outlet: Series[str] = pa.Field(nullable=True, description="News agency or outlet named by the text or sidecar metadata")
    url: Series[str] = pa.Field(nullable=True, description="Source URL from sidecar metadata")
    headline: Series[str] = pa.Field(nullable=True, description="Headline line, when the article has one")
    dateline: Series[str] = pa.Field(nullable=True, description='Dateline lead such as "MOSCOW (Reuters) -"')
    published_date: Series[object] = pa.Field(nullable=True, description="Resolved publication or report date")
    published_date_source: Series[str] = pa.Field(nullable=True, isin=["metadata", "explicit", "caption", "filename", "relative", "event_link"], description="How published_date was found: metadata, explicit, caption, filename, relative, event_link")
    authors: Series[object] = pa.Field(description='Reporters from a trailer such as "(Reporting by X; Editing by Y)"')
    editors: Series[object] = pa.Field(description="Editors from the trailer")
    body: Series[str] = pa.Field(description="Article text without headline, captions, dateline and trailer")
    n_sentences: Series[int] = pa.Field(ge=0, description="Number of sentences (all sections)")
    n_words: Series[int] = pa.Field(ge=0, description="Number of words in the body")
    processed_at: Series[pd.Timestamp] = pa.Field(description="When this article's extraction last ran; unchanged files keep it across reruns")

    @pa.check("published_date", name="is_date_or_null")
    def _dates(cls, series: pd.Series) -> pd.Series:
        return _is_date_or_null(series)

    @pa.check("authors", "editors", name="is_list_of_strings")
    def _lists(cls, series: pd.Series) -> pd.Series:
        return _is_list_of_str(series)


class Sentences(_Table):
    """Provenance for everything below: offsets index the decoded file text."""

    article_id: Series[str] = pa.Field(description="Article the sentence belongs to")
    sentence_id: Series[int] = pa.Field(ge=0, description="0-based position of the sentence within its article")
    section: Series[str] = pa.Field(isin=list(SECTIONS), description="headline, caption, body or trailer")
    paragraph_id: Series[pd.Int64Dtype] = pa.Field(nullable=True, description="0-based body paragraph; NULL outside the body")
    char_start: Series[int] = pa.Field(ge=0, description="Start offset in the decoded file text")
    char_end: Series[int] = pa.Field(ge=0, description="End offset (exclusive); text equals the slice")
    text: Series[str] = pa.Field(str_length={"min_value": 1}, description="The sentence as written")

    class Config:
        coerce = True
        strict = True
        unique = ["article_id", "sentence_id"]


class Entities(_Table):
    """One row per real-world entity, across all articles."""

    entity_id: Series[str] = pa.Field(unique=True, str_matches=r"^[a-z]+:\S+$", description='Stable id such as "country:AZE" or "person:sergei-lavrov"')
    name: Series[str] = pa.Field(description="Canonical name")
    entity_type: Series[str] = pa.Field(
        isin=list(ENTITY_TYPES),
        description=(
            "PERSON, COUNTRY, ORGANIZATION, LOCATION or GROUP; named things that are no actors: LAW (laws, treaties),"
            " EVENT (wars, summits, elections), WORK (books, programmes, reports) or PRODUCT"
        ),
    )
    country_iso3: Series[str] = pa.Field(nullable=True, str_matches=r"^[A-Z]{3}$", description="ISO 3166 alpha-3 affiliation; the country itself for COUNTRY")
    role: Series[str] = pa.Field(nullable=True, description='Most specific title seen ("Foreign Minister")')
    wikidata_id: Series[str] = pa.Field(nullable=True, str_matches=r"^Q\d+$", description="Wikidata id where the shipped gazetteer knows it")
    aliases: Series[object] = pa.Field(description="Every surface form merged into this entity")
    n_mentions: Series[int] = pa.Field(ge=0, description="Mentions across all articles")
    n_articles: Series[int] = pa.Field(ge=0, description="Articles that mention the entity")

    @pa.check("aliases", name="is_list_of_strings")
    def _lists(cls, series: pd.Series) -> pd.Series:
        return _is_list_of_str(series)


class Mentions(_Table):
    """One row per entity mention."""

    mention_id: Series[str] = pa.Field(unique=True, description="Stable id: article id and start offset")
    article_id: Series[str] = pa.Field(description="Article of the mention")
    sentence_id: Series[int] = pa.Field(ge=0, description="Sentence of the mention")
    entity_id: Series[str] = pa.Field(description="The entity it refers to (never dangling)")
    surface: Series[str] = pa.Field(description="Text as written")
    char_start: Series[int] = pa.Field(ge=0, description="Start offset in the decoded file text")
    char_end: Series[int] = pa.Field(ge=0, description="End offset (exclusive)")
    ner_label: Series[str] = pa.Field(description="Label from spaCy NER or the gazetteer ruler")
    resolution: Series[str] = pa.Field(description="How it was linked: gazetteer, exact, alias, fuzzy, demonym, metonym, pronoun, title")


class Events(_Table):
    """One row per real-world event, deduplicated across articles."""

    event_id: Series[str] = pa.Field(unique=True, description="Stable id derived from type, participants and date")
    event_type: Series[str] = pa.Field(isin=list(PLOVER_TYPES), description="PLOVER event type")
    event_mode: Series[str] = pa.Field(nullable=True, description="PLOVER mode where one applies")
    cameo_root: Series[str] = pa.Field(nullable=True, str_matches=r"^(0[1-9]|1[0-9]|20)$", description="Two-digit CAMEO root code equivalent")
    event_date: Series[object] = pa.Field(nullable=True, description="Absolute date, relative expressions resolved")
    date_precision: Series[str] = pa.Field(nullable=True, isin=["day", "month", "year"], description="day, month or year")
    location_entity_id: Series[str] = pa.Field(nullable=True, description="Where it happened (FK to entities)")
    summary: Series[str] = pa.Field(description="One readable line: who did what to whom, where, when")
    n_articles: Series[int] = pa.Field(ge=1, description="Articles reporting the event")
    n_outlets: Series[int] = pa.Field(ge=0, description="Distinct outlets reporting the event")
    confidence: Series[float] = pa.Field(ge=0, le=1, description="0..1 confidence that the event is coded right")

    @pa.check("event_date", name="is_date_or_null")
    def _dates(cls, series: pd.Series) -> pd.Series:
        return _is_date_or_null(series)


class EventParticipants(_Table):
    """Who took part in each event, and how."""

    event_id: Series[str] = pa.Field(description="FK to events")
    entity_id: Series[str] = pa.Field(description="FK to entities")
    role: Series[str] = pa.Field(isin=["source", "target", "participant", "mediator"], description="source, target, participant or mediator")

    class Config:
        coerce = True
        strict = True
        unique = ["event_id", "entity_id", "role"]


class EventMentions(_Table):
    """Where each event is reported."""

    event_id: Series[str] = pa.Field(description="FK to events")
    article_id: Series[str] = pa.Field(description="Reporting article")
    sentence_id: Series[int] = pa.Field(ge=0, description="Reporting sentence")
    trigger: Series[str] = pa.Field(description="The word or phrase that reports the event")
    evidence: Series[str] = pa.Field(description="The sentence text")
    link_reason: Series[str] = pa.Field(
        description="Why this report is this event: 'first report', or the evidence that merged it (same or "
        "another article, shared actors, same place, compatible date, same mode, type family)"
    )


class Quotes(_Table):
    """Who said what."""

    quote_id: Series[str] = pa.Field(unique=True, description="Stable id: article id and start offset")
    article_id: Series[str] = pa.Field(description="Article of the quote")
    sentence_id: Series[int] = pa.Field(ge=0, description="Sentence where the quote starts")
    speaker_entity_id: Series[str] = pa.Field(nullable=True, description="Speaker entity; NULL when unresolved")
    speaker_surface: Series[str] = pa.Field(nullable=True, description="Speaker as written near the quote")
    text: Series[str] = pa.Field(description="Quoted words (direct) or reported clause (indirect)")
    kind: Series[str] = pa.Field(isin=["direct", "indirect"], description="direct or indirect")
    cue: Series[str] = pa.Field(nullable=True, description="Reporting verb as written")
    char_start: Series[int] = pa.Field(ge=0, description="Start offset in the decoded file text")
    char_end: Series[int] = pa.Field(ge=0, description="End offset (exclusive)")


class Stances(_Table):
    """Who is for or against what."""

    stance_id: Series[str] = pa.Field(unique=True, description="Stable id")
    holder_entity_id: Series[str] = pa.Field(nullable=True, description="Who holds the position (the speaker)")
    target: Series[str] = pa.Field(str_length={"min_value": 1}, description='Normalised issue label ("peace treaty")')
    target_entity_id: Series[str] = pa.Field(nullable=True, description="The target as an entity, when it is one")
    polarity: Series[str] = pa.Field(isin=["support", "oppose", "neutral"], description="support, oppose or neutral")
    score: Series[float] = pa.Field(ge=0, le=1, description="Strength of the position, 0..1")
    article_id: Series[str] = pa.Field(description="Article of the evidence")
    sentence_id: Series[int] = pa.Field(ge=0, description="Sentence of the evidence")
    quote_id: Series[str] = pa.Field(nullable=True, description="Quote the stance comes from, if any")
    evidence: Series[str] = pa.Field(str_length={"min_value": 1}, description="The words that show the stance")
    issue_id: Series[str] = pa.Field(description="The issue the target names (FK to issues)")
    issue_polarity: Series[str] = pa.Field(isin=["support", "oppose", "neutral"], description="The position read against the issue's label: opposing a blockade supports its opening")


class Issues(_Table):
    """Canonical issues: stance targets that name one question, grouped across sentences and articles by head noun, shared words and target entity (README, "Issues")."""

    issue_id: Series[str] = pa.Field(unique=True, description="Stable id from the label")
    label: Series[str] = pa.Field(str_length={"min_value": 1}, description="The issue's name: its most frequent target read in the positive direction")
    keywords: Series[object] = pa.Field(description="The words its targets share, most frequent first")
    aliases: Series[object] = pa.Field(description="Every target label grouped under it")
    n_stances: Series[int] = pa.Field(ge=1, description="Stances on the issue")
    n_articles: Series[int] = pa.Field(ge=1, description="Articles with a stance on the issue")
    n_holders: Series[int] = pa.Field(ge=0, description="Distinct resolved holders with a stance on the issue")

    @pa.check("keywords", "aliases", name="is_list_of_strings")
    def _lists(cls, series: pd.Series) -> pd.Series:
        return _is_list_of_str(series)


class RejectedFiles(_Table):
    """What could not be ingested, and why."""

    source_file: Series[str] = pa.Field(description="Path relative to the seeds folder")
    content_sha256: Series[str] = pa.Field(nullable=True, description="SHA-256 of the raw bytes, when readable")
    reason: Series[str] = pa.Field(description="Why the file was not ingested, in words")
    detected_at: Series[pd.Timestamp] = pa.Field(description="When the run found it")


class RejectedRows(_Table):
    """Rows of collections (JSON Lines, CSV, Parquet files in the seeds folder) that could not be articles, and why."""

    source_file: Series[str] = pa.Field(description="Path of the collection relative to the seeds folder")
    row_number: Series[int] = pa.Field(ge=1, description="Line number in JSON Lines, record number below the header in CSV, row position from 1 in Parquet")
    row_id: Series[str] = pa.Field(nullable=True, description="The row's id, when it has a usable one")
    content_sha256: Series[str] = pa.Field(nullable=True, description="SHA-256 of what the row contributes, when it was read that far")
    reason: Series[str] = pa.Field(description="Why the row is not an article, in words")
    detected_at: Series[pd.Timestamp] = pa.Field(description="When the run found it")

    class Config:
        coerce = True
        strict = True
        unique = ["source_file", "row_number"]


class IngestNotes(_Table):
    """What ingest noticed about files and collection rows it did ingest: damaged bytes replaced, HTML converted, sidecar or row values ignored, content that changed during a run."""

    source_file: Series[str] = pa.Field(description="Path of the article file relative to the seeds folder; for a collection row, the collection's path, '#', and the row's id (or row number)")
    kind: Series[str] = pa.Field(isin=list(NOTE_KINDS), description="What the note is about: " + ", ".join(NOTE_KINDS))
    message: Series[str] = pa.Field(str_length={"min_value": 1}, description="The note, in words")


_STR = pa_arrow.string()
_INT = pa_arrow.int32()
_TS = pa_arrow.timestamp("us")
_STRS = pa_arrow.list_(pa_arrow.string())

TABLES: dict[str, tuple[type[pa.DataFrameModel], pa_arrow.Schema]] = {
    "articles": (Articles, pa_arrow.schema([
        ("article_id", _STR), ("source_file", _STR), ("content_sha256", _STR), ("encoding", _STR),
        ("outlet", _STR), ("url", _STR), ("headline", _STR), ("dateline", _STR),
        ("published_date", pa_arrow.date32()), ("published_date_source", _STR),
        ("authors", _STRS), ("editors", _STRS), ("body", _STR), ("n_sentences", _INT),
        ("n_words", _INT), ("processed_at", _TS),
    ])),
    "sentences": (Sentences, pa_arrow.schema([
        ("article_id", _STR), ("sentence_id", _INT), ("section", _STR), ("paragraph_id", _INT),
        ("char_start", _INT), ("char_end", _INT), ("text", _STR),
    ])),
    "entities": (Entities, pa_arrow.schema([
        ("entity_id", _STR), ("name", _STR), ("entity_type", _STR), ("country_iso3", _STR),
        ("role", _STR), ("wikidata_id", _STR), ("aliases", _STRS), ("n_mentions", _INT),
        ("n_articles", _INT),
    ])),
    "mentions": (Mentions, pa_arrow.schema([
        ("mention_id", _STR), ("article_id", _STR), ("sentence_id", _INT), ("entity_id", _STR),
        ("surface", _STR), ("char_start", _INT), ("char_end", _INT), ("ner_label", _STR),
        ("resolution", _STR),
    ])),
    "events": (Events, pa_arrow.schema([
        ("event_id", _STR), ("event_type", _STR), ("event_mode", _STR), ("cameo_root", _STR),
        ("event_date", pa_arrow.date32()), ("date_precision", _STR), ("location_entity_id", _STR),
        ("summary", _STR), ("n_articles", _INT), ("n_outlets", _INT),
        ("confidence", pa_arrow.float64()),
    ])),
    "event_participants": (EventParticipants, pa_arrow.schema([
        ("event_id", _STR), ("entity_id", _STR), ("role", _STR),
    ])),
    "event_mentions": (EventMentions, pa_arrow.schema([
        ("event_id", _STR), ("article_id", _STR), ("sentence_id", _INT), ("trigger", _STR),
        ("evidence", _STR), ("link_reason", _STR),
    ])),
    "quotes": (Quotes, pa_arrow.schema([
        ("quote_id", _STR), ("article_id", _STR), ("sentence_id", _INT),
        ("speaker_entity_id", _STR), ("speaker_surface", _STR), ("text", _STR), ("kind", _STR),
        ("cue", _STR), ("char_start", _INT), ("char_end", _INT),
    ])),
    "stances": (Stances, pa_arrow.schema([
        ("stance_id", _STR), ("holder_entity_id", _STR), ("target", _STR),
        ("target_entity_id", _STR), ("polarity", _STR), ("score", pa_arrow.float64()),
        ("article_id", _STR), ("sentence_id", _INT), ("quote_id", _STR), ("evidence", _STR),
        ("issue_id", _STR), ("issue_polarity", _STR),
    ])),
    "issues": (Issues, pa_arrow.schema([
        ("issue_id", _STR), ("label", _STR), ("keywords", _STRS), ("aliases", _STRS),
        ("n_stances", _INT), ("n_articles", _INT), ("n_holders", _INT),
    ])),
    "rejected_files": (RejectedFiles, pa_arrow.schema([
        ("source_file", _STR), ("content_sha256", _STR), ("reason", _STR), ("detected_at", _TS),
    ])),
    "rejected_rows": (RejectedRows, pa_arrow.schema([
        ("source_file", _STR), ("row_number", pa_arrow.int64()), ("row_id", _STR), ("content_sha256", _STR),
        ("reason", _STR), ("detected_at", _TS),
    ])),
    "ingest_notes": (IngestNotes, pa_arrow.schema([
        ("source_file", _STR), ("kind", _STR), ("message", _STR),
    ])),
}  # fmt: skip


class SchemaViolation(ValueError):
    """A table broke its contract; the message names the columns and offending rows."""


def column_descriptions(table: str) -> dict[str, str]:
    """Each column's description, read from the model's fields: building the schema
    (`to_schema`) would make Pandera import dask.dataframe, seconds of start-up for a run
    that validates nothing (the asset specs ask for these when the code location loads)."""
    model, _ = TABLES[table]
    return {info.name: info.description or "" for _, info in model.__fields__.values()}


def table_description(table: str) -> str:
    return (TABLES[table][0].__doc__ or "").strip()


def empty_frame(table: str) -> pd.DataFrame:
    return TABLES[table][1].empty_table().to_pandas()


def validate(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Validate against the table's model, collecting every failure into one clear error."""
    model, arrow_schema = TABLES[table]
    missing = [name for name in arrow_schema.names if name not in frame.columns]
    if missing:
        raise SchemaViolation(f"table {table!r}: missing columns {missing}")
    try:
        return model.validate(frame[arrow_schema.names], lazy=True)
    except SchemaErrors as errors:
        raise SchemaViolation(_describe_failures(table, errors.failure_cases)) from None


def _describe_failures(table: str, cases: pd.DataFrame, limit: int = 10) -> str:
    lines = [f"table {table!r} failed validation ({len(cases)} failing values):"]
    for (column, check), group in cases.groupby(["column", "check"], dropna=False, sort=True):
        rows = group["index"].dropna().astype(int).tolist()[:limit]
        values = group["failure_case"].astype(str).tolist()[:limit]
        lines.append(f"  column {column!r} check {check}: rows {rows} values {values}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------- exports
# The CSV files under data/exports/ (pipeline/exports/): one row per event, stance or
# quote with readable column names and names joined in, for spreadsheets and tools that
# read GDELT-like tables. Each model describes the file as read back with
# `read_export_csv`: text columns as pandas strings (empty cell = NA), numbers as numbers.

_DATE = r"^\d{4}-\d{2}-\d{2}$"
_TEXT = pd.StringDtype()


class _Export(pa.DataFrameModel):
    class Config:
        coerce = True
        strict = True
        ordered = True  # the column order is part of the file's interface


class EventsExport(_Export):
    """events.csv: one row per event, actors and place by name."""

    event_id: Series[_TEXT] = pa.Field(unique=True, description="Event id (events.event_id)")
    event_date: Series[_TEXT] = pa.Field(nullable=True, str_matches=_DATE, description="Date of the event (YYYY-MM-DD), empty when unresolved")
    date_precision: Series[_TEXT] = pa.Field(nullable=True, isin=["day", "month", "year"], description="day, month or year")
    event_type: Series[_TEXT] = pa.Field(isin=list(PLOVER_TYPES), description="PLOVER event type")
    event_mode: Series[_TEXT] = pa.Field(nullable=True, description="PLOVER mode, where one applies")
    quad_class: Series[_TEXT] = pa.Field(isin=["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"], description="PLOVER quad class of the type")
    quad_code: Series[int] = pa.Field(isin=[1, 2, 3, 4], description="Quad class as PLOVER's number: 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict")
    cameo_root: Series[_TEXT] = pa.Field(nullable=True, str_matches=r"^(0[1-9]|1[0-9]|20)$", description="Two-digit CAMEO root code equivalent")
    event_scale: Series[float] = pa.Field(ge=-10, le=10, description="PLOVER's conflict (-) to cooperation (+) score of the type")
    source_actors: Series[_TEXT] = pa.Field(nullable=True, description="Who acted, '; '-separated names")
    source_countries: Series[_TEXT] = pa.Field(nullable=True, description="Their ISO 3166 alpha-3 countries, '; '-separated, distinct")
    target_actors: Series[_TEXT] = pa.Field(nullable=True, description="Who it was done to, '; '-separated names")
    target_countries: Series[_TEXT] = pa.Field(nullable=True, description="Their ISO 3166 alpha-3 countries")
    other_actors: Series[_TEXT] = pa.Field(nullable=True, description="Participants and mediators, '; '-separated names")
    location: Series[_TEXT] = pa.Field(nullable=True, description="Where it happened")
    location_country: Series[_TEXT] = pa.Field(nullable=True, str_matches=r"^[A-Z]{3}$", description="ISO 3166 alpha-3 country of the place")
    summary: Series[_TEXT] = pa.Field(description="One readable line: who did what to whom, where, when")
    n_articles: Series[int] = pa.Field(ge=1, description="Articles reporting the event")
    n_outlets: Series[int] = pa.Field(ge=0, description="Distinct outlets reporting it")
    confidence: Series[float] = pa.Field(ge=0, le=1, description="0..1 confidence that the event is coded right")
    first_reported: Series[_TEXT] = pa.Field(nullable=True, str_matches=_DATE, description="Publication date of the earliest report")
    article_id: Series[_TEXT] = pa.Field(description="Article of the first report")
    headline: Series[_TEXT] = pa.Field(nullable=True, description="Its headline")
    url: Series[_TEXT] = pa.Field(nullable=True, description="Its URL")
    trigger: Series[_TEXT] = pa.Field(description="Word or phrase that reports the event in that sentence")
    evidence: Series[_TEXT] = pa.Field(description="The reporting sentence")


class StancesExport(_Export):
    """stances.csv: one row per stance, holder and article by name."""

    stance_id: Series[_TEXT] = pa.Field(unique=True, description="Stance id (stances.stance_id)")
    holder: Series[_TEXT] = pa.Field(nullable=True, description="Who holds the position: entity name, else the speaker as written")
    holder_entity_id: Series[_TEXT] = pa.Field(nullable=True, description="The holder's entity id")
    holder_country: Series[_TEXT] = pa.Field(nullable=True, str_matches=r"^[A-Z]{3}$", description="The holder's ISO 3166 alpha-3 country")
    issue_id: Series[_TEXT] = pa.Field(description="The canonical issue (issues.issue_id)")
    issue: Series[_TEXT] = pa.Field(description="The canonical issue's name (issues.label)")
    issue_polarity: Series[_TEXT] = pa.Field(isin=["support", "oppose", "neutral"], description="The position read against the issue's name")
    target: Series[_TEXT] = pa.Field(description="What the stance is about, as found (stances.target)")
    target_entity_id: Series[_TEXT] = pa.Field(nullable=True, description="The target as an entity, when it is one")
    polarity: Series[_TEXT] = pa.Field(isin=["support", "oppose", "neutral"], description="support, oppose or neutral, towards the target as found")
    score: Series[float] = pa.Field(ge=0, le=1, description="Strength of the position, 0..1")
    evidence: Series[_TEXT] = pa.Field(description="The words that show the stance")
    quote_id: Series[_TEXT] = pa.Field(nullable=True, description="Quote it comes from, if any")
    article_id: Series[_TEXT] = pa.Field(description="Article of the evidence")
    sentence_id: Series[int] = pa.Field(ge=0, description="Sentence of the evidence")
    published_date: Series[_TEXT] = pa.Field(nullable=True, str_matches=_DATE, description="Publication date of the article")
    outlet: Series[_TEXT] = pa.Field(nullable=True, description="Outlet of the article")
    headline: Series[_TEXT] = pa.Field(nullable=True, description="Headline of the article")
    url: Series[_TEXT] = pa.Field(nullable=True, description="URL of the article")


class QuotesExport(_Export):
    """quotes.csv: one row per quote, speaker and article by name."""

    quote_id: Series[_TEXT] = pa.Field(unique=True, description="Quote id (quotes.quote_id)")
    speaker: Series[_TEXT] = pa.Field(nullable=True, description="Speaker: entity name, else as written")
    speaker_entity_id: Series[_TEXT] = pa.Field(nullable=True, description="The speaker's entity id, empty when unresolved")
    speaker_as_written: Series[_TEXT] = pa.Field(nullable=True, description="The speaker as written near the quote")
    speaker_country: Series[_TEXT] = pa.Field(nullable=True, str_matches=r"^[A-Z]{3}$", description="The speaker's ISO 3166 alpha-3 country")
    quote: Series[_TEXT] = pa.Field(description="Quoted words (direct) or reported clause (indirect)")
    kind: Series[_TEXT] = pa.Field(isin=["direct", "indirect"], description="direct or indirect")
    reporting_verb: Series[_TEXT] = pa.Field(nullable=True, description="The reporting verb as written (said, told, warned)")
    article_id: Series[_TEXT] = pa.Field(description="Article of the quote")
    sentence_id: Series[int] = pa.Field(ge=0, description="Sentence where the quote starts")
    published_date: Series[_TEXT] = pa.Field(nullable=True, str_matches=_DATE, description="Publication date of the article")
    outlet: Series[_TEXT] = pa.Field(nullable=True, description="Outlet of the article")
    headline: Series[_TEXT] = pa.Field(nullable=True, description="Headline of the article")
    url: Series[_TEXT] = pa.Field(nullable=True, description="URL of the article")


EXPORT_CSVS: dict[str, type[pa.DataFrameModel]] = {
    "events.csv": EventsExport,
    "stances.csv": StancesExport,
    "quotes.csv": QuotesExport,
}

if tuple(TABLES) != TABLE_NAMES or tuple(EXPORT_CSVS) != EXPORT_CSV_NAMES:  # the names without the models
    raise RuntimeError("pipeline.contract_names does not list the tables and exports of pipeline.schemas")


@functools.cache
def build_models() -> None:
    """Build every model's schema, which Pandera does on a model's first use (its first build
    imports Dask, for Dask's index types: over a second), and validate one empty frame, which
    loads Pandera's validation backends. Steps run in child processes (`pipeline.own_process`)
    have this done once, in the parent. Once per process (a forked child inherits it): the
    tables' step, the checks and the exports each ask for it. Validating every model's empty
    frame as well cost 0.13 s of CPU in the parent of each corpus-level run and spared nothing
    later: a validation costs as much after it as without it (about 8 ms a table even for an
    empty frame), so only what a first use loads once is done here."""
    for model, _ in TABLES.values():
        model.to_schema()
    for model in EXPORT_CSVS.values():
        model.to_schema()
    first = next(iter(TABLES))
    validate(first, empty_frame(first))


def export_columns(name: str) -> list[str]:
    return list(EXPORT_CSVS[name].to_schema().columns)


def read_export_csv(path) -> pd.DataFrame:
    """An export CSV with text columns as strings (an empty cell is NA) and numbers as numbers."""
    from pathlib import Path

    path = str(path)  # a local path or an s3:// address (pandas reads those through fsspec)
    schema = EXPORT_CSVS[Path(path).name].to_schema()
    text = {name for name, column in schema.columns.items() if str(column.dtype).startswith("string")}
    return pd.read_csv(path, dtype={name: "string" for name in text}, keep_default_na=False,
                       na_values={name: [""] for name in schema.columns})


def validate_export(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Validate an export table against its model, every failure in one clear error."""
    try:
        return EXPORT_CSVS[name].validate(frame, lazy=True)
    except SchemaErrors as errors:
        raise SchemaViolation(_describe_failures(name, errors.failure_cases)) from None
