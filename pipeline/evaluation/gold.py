"""The hand-annotated gold set: load every annotation and refuse an inconsistent one.

A score is only as trustworthy as its gold, so loading checks what a typo would
silently break: the vocabularies (entity types, polarities, quote kinds, PLOVER
types, splits), that every quote and entity surface is verbatim in its article, that
every speaker, holder, actor and place is one of the article's entities, and that every
article has exactly one annotation. Problems are collected and reported together.
The layout and the annotation rules are in eval/GUIDE.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from pipeline import settings
from pipeline.nlp.ingest import DecodedArticle, ingest
from pipeline.nlp.yaml_text import SAFE_LOADER
from pipeline.schemas import ANNOTATED_ENTITY_TYPES, PLOVER_TYPES

GOLD_DIR = settings.PROJECT_ROOT / "eval" / "gold"
SPLITS = ("dev", "heldout")
POLARITIES = ("support", "oppose", "neutral")
QUOTE_KINDS = ("direct", "indirect")
# Where an article comes from, so that a score can be read per kind of news; "unknown"
# when an annotation does not say.
DOMAINS = ("seeds", "bbc-politics", "bbc-other", "wikinews")
UNKNOWN_DOMAIN = "unknown"


class GoldFormatError(ValueError):
    """The gold set breaks its format; the message lists every problem found."""


@dataclass(frozen=True)
class GoldEntity:
    name: str
    type: str
    country: str | None
    role: str | None
    surfaces: tuple[str, ...]


@dataclass(frozen=True)
class GoldQuote:
    speaker: str | None
    speaker_surface: str | None
    text: str
    kind: str
    cue: str | None


@dataclass(frozen=True)
class GoldStance:
    holder: str
    target: str
    polarity: str
    evidence: str | None
    issue: str | None = None  # the canonical issue the target belongs to
    issue_polarity: str | None = None  # the holder's polarity towards that issue


@dataclass(frozen=True)
class GoldEvent:
    type: str
    mode: str | None
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    mediators: tuple[str, ...]
    date: date | None  # first day of the month/year when less precise
    date_precision: str | None  # day | month | year, as in the events table
    place: str | None
    trigger: str | None

    @property
    def actors(self) -> tuple[str, ...]:
        return self.sources + self.targets + self.mediators


@dataclass(frozen=True)
class GoldArticle:
    article_id: str  # the file stem, as ingest names it
    split: str
    text: str  # decoded exactly as the pipeline decodes it
    entities: tuple[GoldEntity, ...]
    quotes: tuple[GoldQuote, ...]
    stances: tuple[GoldStance, ...]
    events: tuple[GoldEvent, ...]
    domain: str = UNKNOWN_DOMAIN
    source: str | None = None  # the corpus or outlet the article was copied from

    def entity(self, name: str | None) -> GoldEntity | None:
        return next((e for e in self.entities if e.name == name), None)


def load_gold(gold_dir: Path = GOLD_DIR) -> list[GoldArticle]:
    """Every annotated article, sorted by article_id; GoldFormatError if anything is off."""
    articles, problems, texts = _load(gold_dir / "annotations", gold_dir / "articles")
    annotated = {a.article_id for a in articles}
    problems += [f"articles/{a}.txt: no annotation" for a in sorted(texts.keys() - annotated)]
    if problems:
        raise GoldFormatError(f"{len(problems)} problem(s) in {gold_dir}:\n  " + "\n  ".join(problems))
    return articles


def load_annotations(annotations_dir: Path, articles_dir: Path = GOLD_DIR / "articles") -> list[GoldArticle]:
    """The annotations in one folder, checked against the article texts in another.

    Unlike load_gold, not every article needs an annotation: a second annotation pass
    (see agreement.py) covers only a few of them.
    """
    articles, problems, _ = _load(annotations_dir, articles_dir)
    if problems:
        raise GoldFormatError(f"{len(problems)} problem(s) in {annotations_dir}:\n  " + "\n  ".join(problems))
    return articles


def _load(annotations_dir: Path, articles_dir: Path) -> tuple[list[GoldArticle], list[str], dict]:
    decoded, rejections = ingest(articles_dir)
    texts = {a.seed.article_id: a for a in decoded}
    problems = [f"articles/{r.source_file}: cannot be read: {r.reason}" for r in rejections]
    articles = []
    for path in sorted(annotations_dir.glob("*.yaml")):
        article, found = _load_one(path, texts)
        problems += [f"annotations/{path.name}: {p}" for p in found]
        if article is not None:
            articles.append(article)
    return articles, problems, texts


def _load_one(path: Path, texts: dict[str, DecodedArticle]) -> tuple[GoldArticle | None, list[str]]:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return None, [f"not readable YAML: {error}"]
    if not isinstance(raw, dict):
        return None, ["expected a mapping at the top level"]
    article_id = Path(str(raw.get("article", ""))).stem
    if article_id != path.stem:
        return None, [f"`article` is {raw.get('article')!r}, expected {path.stem}.txt"]
    if article_id not in texts:
        return None, [f"article file {raw.get('article')} missing from articles/"]
    try:
        article = _parse(article_id, texts[article_id].text, raw)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        return None, [f"malformed: {type(error).__name__}: {error}"]
    return article, _optional_type_problems(raw) + validate(article)


# Optional fields and the type each must have when present (None is always allowed).
_OPTIONAL_ARTICLE_FIELDS = {"domain": str, "source": str}
_OPTIONAL_STANCE_FIELDS = {"issue": str, "issue_polarity": str}
_OPTIONAL_EVENT_FIELDS = {"mediators": list, "sources": list, "targets": list}


def _optional_type_problems(raw: dict) -> list[str]:
    """A wrong type in an optional field would otherwise be read as a string or a list of letters."""

    def check(where: str, item: object, fields: dict[str, type]) -> list[str]:
        if not isinstance(item, dict):
            return [f"{where}: expected a mapping, got {type(item).__name__}"]
        found = []
        for name, kind in fields.items():
            value = item.get(name)
            if value is None:
                continue
            if not isinstance(value, kind):
                found.append(f"{where}: `{name}` should be a {kind.__name__}, got {type(value).__name__}")
            elif kind is list and not all(isinstance(v, str) for v in value):
                found.append(f"{where}: `{name}` should list names (strings)")
        return found

    problems = check("article", raw, _OPTIONAL_ARTICLE_FIELDS)
    for k, stance in enumerate(raw.get("stances") or ()):
        problems += check(f"stance {k}", stance, _OPTIONAL_STANCE_FIELDS)
    for k, event in enumerate(raw.get("events") or ()):
        problems += check(f"event {k}", event, _OPTIONAL_EVENT_FIELDS)
    return problems


def _parse(article_id: str, text: str, raw: dict) -> GoldArticle:
    return GoldArticle(
        article_id=article_id,
        split=raw["split"],
        domain=raw.get("domain") or UNKNOWN_DOMAIN,
        source=raw.get("source"),
        text=text,
        entities=tuple(
            GoldEntity(e["name"], e["type"], e.get("country"), e.get("role"), tuple(e.get("surfaces") or ()))
            for e in raw.get("entities") or ()
        ),
        quotes=tuple(
            GoldQuote(q.get("speaker"), q.get("speaker_surface"), str(q["text"]), q["kind"], q.get("cue"))
            for q in raw.get("quotes") or ()
        ),
        stances=tuple(
            GoldStance(
                s["holder"], str(s["target"]), s["polarity"], s.get("evidence"), s.get("issue"), s.get("issue_polarity")
            )
            for s in raw.get("stances") or ()
        ),
        events=tuple(_event(e) for e in raw.get("events") or ()),
    )


def _event(raw: dict) -> GoldEvent:
    when, precision = parse_gold_date(raw.get("date"))
    return GoldEvent(
        type=raw["type"],
        mode=raw.get("mode"),
        sources=tuple(raw.get("sources") or ()),
        targets=tuple(raw.get("targets") or ()),
        mediators=tuple(raw.get("mediators") or ()),
        date=when,
        date_precision=precision,
        place=raw.get("place"),
        trigger=raw.get("trigger"),
    )


def parse_gold_date(value: object) -> tuple[date | None, str | None]:
    """YYYY-MM-DD, YYYY-MM or YYYY (quoted or as YAML reads them bare) -> (date, precision)."""
    if value is None:
        return None, None
    if isinstance(value, date):
        return value, "day"
    parts = [int(p) for p in str(value).split("-")]
    precision = ("year", "month", "day")[len(parts) - 1]
    return date(*(parts + [1, 1])[:3]), precision


def validate(article: GoldArticle) -> list[str]:
    """Every rule of the format this article breaks, in words."""
    problems = []
    if article.split not in SPLITS:
        problems.append(f"split {article.split!r} not in {SPLITS}")
    if article.domain not in DOMAINS + (UNKNOWN_DOMAIN,):
        problems.append(f"domain {article.domain!r} not in {DOMAINS}")
    names = [e.name for e in article.entities]
    problems += [f"entity {n!r} listed twice" for n in sorted({n for n in names if names.count(n) > 1})]
    for entity in article.entities:
        if entity.type not in ANNOTATED_ENTITY_TYPES:
            problems.append(f"entity {entity.name!r}: type {entity.type!r} not in {ANNOTATED_ENTITY_TYPES}")
        if not entity.surfaces:
            problems.append(f"entity {entity.name!r}: no surfaces")
        for surface in entity.surfaces:
            if surface not in article.text:
                problems.append(f"entity {entity.name!r}: surface {surface!r} is not in the article")
    known = set(names)
    for quote in article.quotes:
        if quote.kind not in QUOTE_KINDS:
            problems.append(f"quote {quote.text[:40]!r}: kind {quote.kind!r} not in {QUOTE_KINDS}")
        if not quote.text or quote.text not in article.text:
            problems.append(f"quote {quote.text[:60]!r} is not verbatim in the article")
        if quote.speaker is not None and quote.speaker not in known:
            problems.append(f"quote speaker {quote.speaker!r} is not an entity")
    for stance in article.stances:
        if stance.polarity not in POLARITIES:
            problems.append(f"stance on {stance.target!r}: polarity {stance.polarity!r} not in {POLARITIES}")
        if stance.holder not in known:
            problems.append(f"stance holder {stance.holder!r} is not an entity")
        if stance.issue_polarity is not None and stance.issue_polarity not in POLARITIES:
            problems.append(
                f"stance on {stance.target!r}: issue_polarity {stance.issue_polarity!r} not in {POLARITIES}"
            )
    for event in article.events:
        if event.type not in PLOVER_TYPES:
            problems.append(f"event {event.trigger!r}: type {event.type!r} is not a PLOVER type")
        if not event.actors:
            problems.append(f"event {event.trigger!r}: no actors")
        for actor in event.actors + ((event.place,) if event.place else ()):
            if actor not in known:
                problems.append(f"event {event.trigger!r}: {actor!r} is not an entity")
    return problems
