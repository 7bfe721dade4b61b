"""What the pipeline predicted for each article, read off the contract's tables.

The tables are corpus-wide (one entity, one event across articles), while the gold is
per article, so this decides what each article is credited with:

* an entity counts for an article when it has at least one mention there; its names
  are its canonical `name` plus the surfaces of those mentions;
* a quote or stance belongs to its `article_id`; its speaker or holder is the linked
  entity, named as above, or None when unresolved;
* an event counts for every article among its `event_mentions`, with every
  participant (any role) as an actor.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

import pandas as pd

from pipeline.evaluation.scoring import PredEntity, PredEvent, Prediction, PredQuote, PredStance


def predictions_from_tables(tables: dict[str, pd.DataFrame]) -> dict[str, Prediction]:
    """article_id -> Prediction, for every article that has any prediction."""
    entities = {r["entity_id"]: r for r in _rows(tables["entities"])}
    surfaces: dict[tuple[str, str], set[str]] = defaultdict(set)
    for mention in _rows(tables["mentions"]):
        surfaces[(mention["article_id"], mention["entity_id"])].add(mention["surface"])

    def entity(article_id: str, entity_id: object) -> PredEntity | None:
        row = entities.get(_value(entity_id))
        if row is None:
            return None
        names = frozenset(surfaces.get((article_id, row["entity_id"]), ()))
        return PredEntity(row["name"], names, frozenset({row["entity_type"]}))

    found: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for article_id, entity_id in sorted(surfaces):
        found[article_id]["entities"].append(entity(article_id, entity_id))
    for quote in _rows(tables["quotes"]):
        article_id = quote["article_id"]
        speaker = entity(article_id, quote["speaker_entity_id"])
        found[article_id]["quotes"].append(PredQuote(quote["text"], quote["kind"], speaker))
    for stance in _rows(tables["stances"]):
        article_id = stance["article_id"]
        holder = entity(article_id, stance["holder_entity_id"])
        found[article_id]["stances"].append(PredStance(holder, stance["target"], stance["polarity"]))
    for article_id, event in _reported_events(tables):
        actors = tuple(entity(article_id, entity_id) for entity_id in event["actors"])
        found[article_id]["events"].append(
            PredEvent(event["event_type"], actors, _date(event["event_date"]), _value(event["date_precision"]))
        )
    return {
        article_id: Prediction(**{table: tuple(items) for table, items in by_table.items()})
        for article_id, by_table in found.items()
    }


def _reported_events(tables: dict[str, pd.DataFrame]) -> list[tuple[str, dict]]:
    """(article_id, event row with its participants as `actors`), once per reporting article."""
    actors: dict[str, list[str]] = defaultdict(list)
    for participant in _rows(tables["event_participants"]):
        if participant["entity_id"] not in actors[participant["event_id"]]:
            actors[participant["event_id"]].append(participant["entity_id"])
    events = {r["event_id"]: {**r, "actors": actors[r["event_id"]]} for r in _rows(tables["events"])}
    reported = sorted({(m["article_id"], m["event_id"]) for m in _rows(tables["event_mentions"])})
    return [(article_id, events[event_id]) for article_id, event_id in reported if event_id in events]


def _rows(frame: pd.DataFrame) -> list[dict]:
    return frame.to_dict("records")


def _value(value: object) -> object:
    """None for every flavour of missing value pandas uses (None, NaN, NaT)."""
    return None if value is None or pd.isna(value) else value


def _date(value: object) -> date | None:
    value = _value(value)
    return value.date() if isinstance(value, datetime) else value
