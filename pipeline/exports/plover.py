"""One PLOVER-style JSON record per event, from the contract's tables.

Field names follow the "JSON Data Fields" chapter of the PLOVER codebook (Open Event Data
Alliance, draft 0.7b1): `id`, `has_event`, `date`, `source`, `recipient`, `event`,
`mode`, `event_loc`, `event_text`, `quad_code`, `event_scale`, `text`, `text_info`,
`cite_info`, `coder`, `coded_date`, `comment`, with actor objects of `code`, `sector`,
`actor_text`, `identifier_id`, `identifier_text`, `office`. The codebook invites
providers to add named fields of their own: this export adds the ones the contract
carries and PLOVER has no name for (`mediator`, `date_precision`, `date_source`,
`cameo_root`, `confidence`, `n_articles`, `n_outlets`, `reports`, and `entity_id` /
`entity_type` on each actor). `plover.schema.json` beside this file is the exact shape;
README "Exports" says how each field is filled.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

import jsonschema
import jsonschema_rs
import pandas as pd

from pipeline.nlp.lexicons import KNOWLEDGE_DIR, PLOVER_QUAD_BY_TYPE
from pipeline.nlp.yaml_text import safe_load

SCHEMA_PATH = Path(__file__).with_name("plover.schema.json")
KNOWLEDGE_PATH = KNOWLEDGE_DIR / "plover_export.yaml"
CODEBOOK = "PLOVER 0.7b1"
LANGUAGE = "en"


class PloverInvalid(ValueError):
    """Records that break plover.schema.json; the message names each record and field."""


@dataclass(frozen=True)
class ExportKnowledge:
    quad_codes: dict[str, int]
    event_scale: dict[str, float]
    person_sectors: dict[str, str]
    name_sectors: list[tuple[re.Pattern, str]]
    nonstate_codes: list[tuple[re.Pattern, str]]


def _words(words: Iterable[str]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b", re.I)


@cache
def load_knowledge(path: Path = KNOWLEDGE_PATH) -> ExportKnowledge:
    data = safe_load(path.read_text(encoding="utf-8"))
    missing = set(PLOVER_QUAD_BY_TYPE) - set(data["event_scale"])
    if missing:
        raise ValueError(f"{path}: event_scale lacks {sorted(missing)}")
    person, by_name = {}, []
    for rule in data["sectors"]:
        for role in rule["roles"]:
            person.setdefault(role, rule["sector"])
        if rule["words"]:
            by_name.append((_words(rule["words"]), rule["sector"]))
    return ExportKnowledge(
        quad_codes=dict(data["quad_codes"]),
        event_scale={k: float(v) for k, v in data["event_scale"].items()},
        person_sectors=person,
        name_sectors=by_name,
        nonstate_codes=[(_words(words), code) for code, words in data["nonstate_codes"].items()],
    )


@cache
def load_schema(path: Path = SCHEMA_PATH) -> dict:
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(load_schema(), format_checker=jsonschema.FormatChecker())


@cache
def passes_schema() -> Callable[[object], bool]:
    """Whether a record is valid against plover.schema.json, answered by `jsonschema_rs` (a
    compiled validator of the same draft, formats checked too): on the 1,800 records of the
    BBC corpus 0.01 s of CPU against `jsonschema`'s 0.9 s, which was the longest part of the
    exports step. `jsonschema` still names what is wrong with a record that fails
    (`validate_numbered`), so the messages are its own; tests/test_exports.py checks that the
    two give the same answer on records made wrong in every field the schema names."""
    return jsonschema_rs.Draft202012Validator(load_schema(), validate_formats=True).is_valid


def validate_records(records: Iterable[dict], limit: int = 10, start: int = 1) -> int:
    """Validate every record against plover.schema.json; raise PloverInvalid naming the
    first `limit` failures (record number counted from `start`, id, field path, reason).
    Returns the number validated."""
    return validate_numbered(enumerate(records, start=start), limit)


def validate_numbered(numbered: Iterable[tuple[int, dict]], limit: int = 10) -> int:
    """`validate_records` for (record number, record) pairs, which need not be consecutive
    (the lines of a file that were not validated before). Returns the number validated."""
    check, passes = validator(), passes_schema()
    failures: list[str] = []
    count = 0
    for n, record in numbered:
        count += 1
        if passes(record):
            continue  # jsonschema is asked only what is wrong with a record that fails
        for error in sorted(check.iter_errors(record), key=lambda e: list(e.absolute_path)):
            where = "/".join(str(p) for p in error.absolute_path) or "(record)"
            failures.append(f"record {n} (id {record.get('id')!r}): {where}: {error.message}")
    if failures:
        shown = "\n  ".join(failures[:limit])
        more = f"\n  ... {len(failures) - limit} more" if len(failures) > limit else ""
        raise PloverInvalid(f"{len(failures)} PLOVER schema violations:\n  {shown}{more}")
    return count


# ---------------------------------------------------------------------------- building


def actor_code(entity: dict, knowledge: ExportKnowledge) -> str | None:
    """PLOVER's actor code: the ISO 3166 alpha-3 country, else a non-state code (IGO, NGO)."""
    if _clean(entity.get("country_iso3")):
        return entity["country_iso3"]
    if entity.get("entity_type") == "ORGANIZATION":
        for pattern, code in knowledge.nonstate_codes:
            if pattern.search(entity["name"]):
                return code
    return None


def actor_sector(entity: dict, knowledge: ExportKnowledge) -> str | None:
    """PLOVER's sector primary code from a person's role or an organisation's name."""
    kind = entity.get("entity_type")
    if kind == "PERSON":
        return knowledge.person_sectors.get(entity.get("role") or "")
    if kind in ("ORGANIZATION", "GROUP"):
        international = not _clean(entity.get("country_iso3"))
        if international and any(p.search(entity["name"]) for p, _ in knowledge.nonstate_codes):
            return None  # an international body: its code says what it is
        for pattern, sector in knowledge.name_sectors:
            if pattern.search(entity["name"]):
                return sector
    return None


def _iso(value) -> str | None:
    if value is None or (not isinstance(value, str | date | datetime) and pd.isna(value)):
        return None
    if isinstance(value, datetime | pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)[:10]


def _clean(value):
    """pandas' missing values as JSON null; numpy scalars as Python ones."""
    if value is None:
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    return value.item() if hasattr(value, "item") else value


def _actor(entity: dict, told_in: tuple, surfaces: dict, first_surface: dict, knowledge: ExportKnowledge) -> dict:
    """An actor object; `actor_text` is the entity as written in the first reporting sentence
    that mentions it, else in a reporting article, else its canonical name."""
    entity_id = entity["entity_id"]
    surface = next((surfaces[(a, s, entity_id)] for a, s in told_in if (a, s, entity_id) in surfaces), None)
    if surface is None:
        surface = next((first_surface[(a, entity_id)] for a, _ in told_in if (a, entity_id) in first_surface),
                       entity["name"])
    return {
        "code": actor_code(entity, knowledge),
        "sector": actor_sector(entity, knowledge),
        "actor_text": surface,
        "identifier_id": _clean(entity.get("wikidata_id")),
        "identifier_text": entity["name"],
        "office": _clean(entity.get("role")),
        "entity_id": entity_id,
        "entity_type": _clean(entity.get("entity_type")),
    }


def actor_pairs(tables: dict[str, pd.DataFrame]) -> pd.MultiIndex:
    """(article_id, entity_id) of each event's participants in the articles reporting it."""
    pairs = tables["event_mentions"][["event_id", "article_id"]].merge(
        tables["event_participants"][["event_id", "entity_id"]], on="event_id")
    return pd.MultiIndex.from_frame(pairs[["article_id", "entity_id"]].drop_duplicates())


def actor_mentions(mentions: pd.DataFrame, pairs: pd.MultiIndex) -> pd.DataFrame:
    """The mentions `actor_text` can come from: of an event's participant, in an article
    that reports the event (`actor_pairs`), rows in their original order."""
    keys = pd.MultiIndex.from_arrays([mentions["article_id"], mentions["entity_id"]])
    return mentions[keys.isin(pairs)]


def build_records(tables: dict[str, pd.DataFrame], coder: str) -> Iterator[dict]:
    """One record per event, in event_id order. `tables` holds the contract's events,
    event_participants, event_mentions, entities, mentions, sentences and articles."""
    knowledge = load_knowledge()
    events = tables["events"].sort_values("event_id", kind="stable")
    # Only the events' participants and places are looked up: made into dicts, the corpus's
    # other entities (twelve in thirteen of the BBC articles', with their aliases) were most
    # of the lookups' cost.
    places = events["location_entity_id"].dropna() if "location_entity_id" in events else []
    looked_up = set(tables["event_participants"]["entity_id"]) | set(places)
    entities = {row["entity_id"]: row for row in tables["entities"][tables["entities"]["entity_id"].isin(looked_up)]
                .to_dict("records")}
    articles = {row["article_id"]: row for row in tables["articles"].to_dict("records")}
    # Only reporting sentences, and participants' mentions in reporting articles, are looked
    # up: the lookups stay the size of the events' reports, not of the corpus's text.
    reported = set(zip(tables["event_mentions"]["article_id"], tables["event_mentions"]["sentence_id"], strict=True))
    sentences = {
        (a, s): (start, end)
        for a, s, start, end in zip(
            tables["sentences"]["article_id"], tables["sentences"]["sentence_id"],
            tables["sentences"]["char_start"], tables["sentences"]["char_end"], strict=True,
        )
        if (a, s) in reported
    }
    surfaces: dict[tuple[str, int, str], str] = {}
    first_surface: dict[tuple[str, str], str] = {}
    mentions = actor_mentions(tables["mentions"], actor_pairs(tables))
    mentions = mentions.sort_values(["article_id", "sentence_id", "char_start"], kind="stable")
    for a, s, e, surface in zip(mentions["article_id"], mentions["sentence_id"], mentions["entity_id"],
                                mentions["surface"], strict=True):
        surfaces.setdefault((a, s, e), surface)
        first_surface.setdefault((a, e), surface)
    roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    participants = tables["event_participants"].sort_values(["event_id", "role", "entity_id"], kind="stable")
    for event_id, entity_id, role in zip(participants["event_id"], participants["entity_id"], participants["role"],
                                         strict=True):
        if entity_id not in roles[event_id][role]:
            roles[event_id][role].append(entity_id)
    reports: dict[str, list[dict]] = defaultdict(list)
    for row in tables["event_mentions"].to_dict("records"):
        reports[row["event_id"]].append(row)

    for event in events.to_dict("records"):
        event_id = event["event_id"]
        told = sorted(
            reports.get(event_id, []),
            key=lambda r: (_iso(articles.get(r["article_id"], {}).get("published_date")) or "9999",
                           r["article_id"], r["sentence_id"], r["trigger"]),
        )
        report_sentences = [(r["article_id"], r["sentence_id"]) for r in told]

        def actor(entity_id: str, told_in=tuple(report_sentences)) -> dict:
            return _actor(entities.get(entity_id, {"entity_id": entity_id, "name": entity_id}), told_in,
                          surfaces, first_surface, knowledge)

        by_role = roles.get(event_id, {})
        event_date = _iso(event.get("event_date"))
        report_dates = [d for d in (_iso(articles.get(a, {}).get("published_date")) for a, _ in report_sentences) if d]
        first = told[0] if told else None
        first_article = articles.get(first["article_id"], {}) if first else {}
        span = sentences.get((first["article_id"], first["sentence_id"])) if first else None
        processed = [articles[a]["processed_at"] for a, _ in report_sentences if a in articles]
        location = entities.get(event.get("location_entity_id")) if _clean(event.get("location_entity_id")) else None
        quad = PLOVER_QUAD_BY_TYPE[event["event_type"]]
        yield {
            "id": event_id,
            "has_event": True,
            "date": event_date or (min(report_dates) if report_dates else None),
            "date_precision": _clean(event.get("date_precision")) if event_date else None,
            "date_source": "event" if event_date else ("report" if report_dates else None),
            "source": [actor(e) for e in by_role.get("source", []) + by_role.get("participant", [])],
            "recipient": [actor(e) for e in by_role.get("target", [])],
            "mediator": [actor(e) for e in by_role.get("mediator", [])],
            "event": [event["event_type"]],
            "mode": [event["event_mode"]] if _clean(event.get("event_mode")) else [],
            "event_loc": None if location is None else {
                "name": location["name"],
                "cc3": _clean(location.get("country_iso3")),
                "entity_id": location["entity_id"],
            },
            "event_text": list(dict.fromkeys(r["trigger"] for r in told)),
            "quad_code": knowledge.quad_codes[quad],
            "event_scale": knowledge.event_scale[event["event_type"]],
            "cameo_root": _clean(event.get("cameo_root")),
            "text": first["evidence"] if first else None,
            "text_info": None if first is None else {
                "sequence": int(first["sentence_id"]),
                "start": int(span[0]) if span else None,
                "end": int(span[1]) if span else None,
            },
            "cite_info": None if first is None else {
                "citation": first["article_id"],
                "url": _clean(first_article.get("url")),
                "title": _clean(first_article.get("headline")),
                "publication": _clean(first_article.get("outlet")),
                "language": LANGUAGE,
                "coder": coder,
                "codebook": CODEBOOK,
            },
            "coder": coder,
            "coded_date": _iso(max(processed)) if processed else None,
            "comment": event["summary"],
            "confidence": float(event["confidence"]),
            "n_articles": int(event["n_articles"]),
            "n_outlets": int(event["n_outlets"]),
            "reports": [
                {
                    "article_id": r["article_id"],
                    "sentence_id": int(r["sentence_id"]),
                    "published_date": _iso(articles.get(r["article_id"], {}).get("published_date")),
                    "trigger": r["trigger"],
                    "text": r["evidence"],
                }
                for r in told
            ],
        }
