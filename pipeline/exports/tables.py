"""events.csv, stances.csv and quotes.csv: the contract's rows with names joined in.

Each frame has exactly the columns of its Pandera model in pipeline/schemas.py
(EventsExport, StancesExport, QuotesExport), in that order.
"""

from __future__ import annotations

import pandas as pd

from pipeline.exports.plover import load_knowledge
from pipeline.nlp.lexicons import PLOVER_QUAD_BY_TYPE
from pipeline.schemas import export_columns

SEPARATOR = "; "


def _text(series: pd.Series) -> pd.Series:
    return series.astype("string")


def _iso_dates(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series, errors="coerce").dt.strftime("%Y-%m-%d").astype("string")


ARTICLE_COLUMNS = ["article_id", "published_date", "outlet", "headline", "url"]
"""All the CSVs read of an article: not its text, content hash or `processed_at`, which an
edit to it changes (`exports.csv_inputs_memo` keeps a CSV whose other inputs are the same)."""


def _articles(articles: pd.DataFrame) -> pd.DataFrame:
    out = articles[ARTICLE_COLUMNS].copy()
    out["published_date"] = _iso_dates(out["published_date"])
    return out


def _joined(values: pd.Series) -> str | None:
    distinct = list(dict.fromkeys(v for v in values if isinstance(v, str) and v))
    return SEPARATOR.join(distinct) if distinct else None


def _joined_by_event(people: pd.DataFrame, column: str, ordered: bool = False) -> dict[str, str | None]:
    """`_joined` of `column` per event (values in alphabetical order if `ordered`), in plain
    Python: a pandas group-by with a Python function makes a Series per event, most of the
    exports step's time on a large corpus."""
    values: dict[str, list] = {}
    for event_id, value in zip(people["event_id"], people[column], strict=True):
        values.setdefault(event_id, []).append(value)
    if ordered:
        return {event_id: _joined(sorted(v for v in found if isinstance(v, str))) for event_id, found in values.items()}
    return {event_id: _joined(found) for event_id, found in values.items()}


def events_frame(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    knowledge = load_knowledge()
    events = tables["events"].sort_values("event_id", kind="stable").reset_index(drop=True)
    entities = tables["entities"][["entity_id", "name", "country_iso3"]]
    people = tables["event_participants"].merge(entities, on="entity_id", how="left")
    people["name"] = people["name"].fillna(people["entity_id"])
    people = people.sort_values(["event_id", "name"], kind="stable")
    groups = {"source": ["source"], "target": ["target"], "other": ["participant", "mediator"]}
    columns: dict[str, dict] = {}
    for label, roles in groups.items():
        chosen = people[people["role"].isin(roles)]
        columns[f"{label}_actors"] = _joined_by_event(chosen, "name")
        columns[f"{label}_countries"] = _joined_by_event(chosen, "country_iso3", ordered=True)

    articles = _articles(tables["articles"])
    reports = tables["event_mentions"].merge(articles, on="article_id", how="left")
    reports = reports.sort_values(["event_id", "published_date", "article_id", "sentence_id", "trigger"],
                                  na_position="last", kind="stable")
    first = reports.drop_duplicates("event_id").set_index("event_id")
    place = entities.set_index("entity_id")

    out = pd.DataFrame({"event_id": events["event_id"]})
    out["event_date"] = _iso_dates(events["event_date"])
    out["date_precision"] = events["date_precision"]
    out["event_type"] = events["event_type"]
    out["event_mode"] = events["event_mode"]
    out["quad_class"] = events["event_type"].map(PLOVER_QUAD_BY_TYPE)
    out["quad_code"] = out["quad_class"].map(knowledge.quad_codes)
    out["cameo_root"] = events["cameo_root"]
    out["event_scale"] = events["event_type"].map(knowledge.event_scale)
    ids = events["event_id"]
    out["source_actors"] = ids.map(columns["source_actors"])
    out["source_countries"] = ids.map(columns["source_countries"])
    out["target_actors"] = ids.map(columns["target_actors"])
    out["target_countries"] = ids.map(columns["target_countries"])
    out["other_actors"] = ids.map(columns["other_actors"])
    out["location"] = events["location_entity_id"].map(place["name"])
    out["location_country"] = events["location_entity_id"].map(place["country_iso3"])
    out["summary"] = events["summary"]
    out["n_articles"] = events["n_articles"]
    out["n_outlets"] = events["n_outlets"]
    out["confidence"] = events["confidence"]
    for column, source in [("first_reported", "published_date"), ("article_id", "article_id"),
                           ("headline", "headline"), ("url", "url"), ("trigger", "trigger"),
                           ("evidence", "evidence")]:
        out[column] = ids.map(first[source])
    return _typed(out, "events.csv")


def stances_frame(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    stances = tables["stances"].sort_values(["article_id", "sentence_id", "stance_id"], kind="stable")
    entities = tables["entities"].set_index("entity_id")
    speakers = tables["quotes"].set_index("quote_id")["speaker_surface"]
    articles = _articles(tables["articles"]).set_index("article_id")
    out = pd.DataFrame({"stance_id": stances["stance_id"]})
    out["holder"] = stances["holder_entity_id"].map(entities["name"]).fillna(stances["quote_id"].map(speakers))
    out["holder_entity_id"] = stances["holder_entity_id"]
    out["holder_country"] = stances["holder_entity_id"].map(entities["country_iso3"])
    issues = tables["issues"].set_index("issue_id")["label"]
    out["issue_id"] = stances["issue_id"]
    out["issue"] = stances["issue_id"].map(issues)
    out["issue_polarity"] = stances["issue_polarity"]
    out["target"] = stances["target"]
    out["target_entity_id"] = stances["target_entity_id"]
    for column in ("polarity", "score", "evidence", "quote_id", "article_id", "sentence_id"):
        out[column] = stances[column]
    for column in ("published_date", "outlet", "headline", "url"):
        out[column] = stances["article_id"].map(articles[column])
    return _typed(out, "stances.csv")


def quotes_frame(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    quotes = tables["quotes"].sort_values(["article_id", "char_start", "quote_id"], kind="stable")
    entities = tables["entities"].set_index("entity_id")
    articles = _articles(tables["articles"]).set_index("article_id")
    out = pd.DataFrame({"quote_id": quotes["quote_id"]})
    out["speaker"] = quotes["speaker_entity_id"].map(entities["name"]).fillna(quotes["speaker_surface"])
    out["speaker_entity_id"] = quotes["speaker_entity_id"]
    out["speaker_as_written"] = quotes["speaker_surface"]
    out["speaker_country"] = quotes["speaker_entity_id"].map(entities["country_iso3"])
    out["quote"] = quotes["text"]
    out["kind"] = quotes["kind"]
    out["reporting_verb"] = quotes["cue"]
    out["article_id"] = quotes["article_id"]
    out["sentence_id"] = quotes["sentence_id"]
    for column in ("published_date", "outlet", "headline", "url"):
        out[column] = quotes["article_id"].map(articles[column])
    return _typed(out, "quotes.csv")


def _typed(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """The model's columns in order, text as pandas strings (missing = NA)."""
    columns = export_columns(name)
    frame = frame[columns].reset_index(drop=True)
    for column in columns:
        if frame[column].dtype == object or str(frame[column].dtype).startswith(("string", "str")):
            frame[column] = _text(frame[column])
    return frame


FRAMES = {"events.csv": events_frame, "stances.csv": stances_frame, "quotes.csv": quotes_frame}
