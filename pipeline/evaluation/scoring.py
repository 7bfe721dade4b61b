"""Compare predictions with the gold annotations of one article: pure, no spaCy.

Matching rules (eval/GUIDE.md, section "How the scorer matches", says the same):

* Strings naming an entity are compared after normalisation: case-folded, white space
  collapsed, curly quotes made straight, surrounding punctuation and quote marks,
  a leading "the " and a trailing possessive "'s" dropped. An entity's *names* are its
  canonical name plus its surfaces (gold: `surfaces`; predicted: the surfaces of its
  mentions in the article being scored).
* Entities: a prediction matches a gold entity when any of their names are equal and
  the gold type is one the prediction allows. A pipeline entity allows only its own
  `entity_type` (COUNTRY and LOCATION are *not* interchangeable); only the bare-NER
  baseline's GPE allows both COUNTRY and LOCATION. Predicted entities of kinds the gold
  never annotates (LAW, EVENT, WORK, PRODUCT) are left out before matching: unannotated
  kinds are out of the scorer's scope, so extracting them costs no precision.
* Quotes: match when the prediction contains at least 80 % of the gold text's word
  tokens (lower-cased, multiset). Kind is not required; kind accuracy and speaker
  accuracy are reported over matched quotes. The speaker is right when a name of the
  predicted speaker equals a name of the gold speaker, or both are null.
* Stances: match when the holder is right (as for speakers; a null holder never
  matches) and the prediction covers at least 50 % of the gold target's content
  tokens (lower-cased, stop words dropped, plural "s"/"ies" reduced). Polarity
  accuracy is reported over matched stances.
* Events: match when the PLOVER type is equal, at least one gold actor (sources,
  targets and mediators pooled) shares a name with a predicted participant of any
  role, and the dates are compatible: either is null, or they are equal at the
  coarser of the two precisions (2023-07 ~ 2023-07-25; 2023 ~ 2023-05).

Every table is matched one-to-one, greedily: all compatible (gold, prediction) pairs
are taken best first (for entities an equal canonical name, then more shared names;
for quotes and stances the higher coverage of the gold text, then of the predicted;
for events more shared actors, then an exact date), ties in annotation and
prediction order. Precision = matched / predicted and recall = matched / gold, each
0 when its denominator is 0; F1 is 0 when both are 0.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from pipeline.evaluation.gold import GoldArticle, GoldEntity, GoldEvent, GoldQuote, GoldStance
from pipeline.schemas import ANNOTATED_ENTITY_TYPES

ANNOTATED = frozenset(ANNOTATED_ENTITY_TYPES)

QUOTE_MIN_COVERAGE = 0.8
STANCE_MIN_COVERAGE = 0.5
TARGET_STOPWORDS = frozenset(
    "a an the of to in on for and or with by at from over into about as its their his her s".split()
)
_PRECISIONS = ("year", "month", "day")  # coarse to fine


@dataclass(frozen=True)
class PredEntity:
    """An entity as predicted for one article; also a quote's speaker or an event actor."""

    name: str
    surfaces: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PredQuote:
    text: str
    kind: str
    speaker: PredEntity | None


@dataclass(frozen=True)
class PredStance:
    holder: PredEntity | None
    target: str
    polarity: str


@dataclass(frozen=True)
class PredEvent:
    type: str
    actors: tuple[PredEntity, ...]
    date: date | None
    date_precision: str | None


@dataclass(frozen=True)
class Prediction:
    """Everything predicted for one article."""

    entities: tuple[PredEntity, ...] = ()
    quotes: tuple[PredQuote, ...] = ()
    stances: tuple[PredStance, ...] = ()
    events: tuple[PredEvent, ...] = ()


@dataclass(frozen=True)
class Score:
    """Counts that add up across articles; the rates are derived from them."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0
    agreements: dict[str, int] = field(default_factory=dict)  # e.g. {"speaker": 3} over matched

    def __add__(self, other: Score) -> Score:
        names = self.agreements.keys() | other.agreements.keys()
        return Score(
            self.matched + other.matched,
            self.predicted + other.predicted,
            self.gold + other.gold,
            {n: self.agreements.get(n, 0) + other.agreements.get(n, 0) for n in sorted(names)},
        )

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float | None:
        """Share of matched items where `name` agrees; None when nothing matched."""
        return self.agreements.get(name, 0) / self.matched if self.matched else None

    def as_dict(self) -> dict:
        rates = {"precision": self.precision, "recall": self.recall, "f1": self.f1}
        accuracies = {f"{n}_accuracy": self.accuracy(n) for n in self.agreements}
        rounded = {k: None if v is None else round(v, 4) for k, v in {**rates, **accuracies}.items()}
        return {**rounded, "matched": self.matched, "predicted": self.predicted, "gold": self.gold}


@dataclass(frozen=True)
class Outcome:
    """The score of one table in one article, and what was left unmatched on each side."""

    score: Score
    missed: tuple = ()  # gold items
    spurious: tuple = ()  # predicted items
    pairs: tuple = ()  # (gold index, prediction index) of each match


# --------------------------------------------------------------------------- strings

_QUOTE_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "`": "'"})
_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The form in which two names of an entity are compared."""
    key = " ".join(text.translate(_QUOTE_MARKS).split()).casefold().strip(" \"'.,;:!?()[]")
    key = re.sub(r"'s$", "", key)
    return re.sub(r"^the ", "", key)


def entity_keys(entity: GoldEntity | PredEntity | None) -> frozenset[str]:
    """The normalised names of an entity, canonical name and surfaces: two entities are one
    when they share one (the scorer, and the error listers in scripts/)."""
    return frozenset(name_key(n) for n in (entity.name, *entity.surfaces)) if entity else frozenset()


def words(text: str) -> Counter:
    """Lower-cased word tokens with their counts; punctuation and quote marks dropped."""
    return Counter(_WORD.findall(text.translate(_QUOTE_MARKS).casefold()))


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content_words(text: str) -> Counter:
    """The words of an issue label that carry its meaning, in singular."""
    return Counter(_singular(w) for w in words(text).elements() if w not in TARGET_STOPWORDS)


def coverage(reference: Counter, candidate: Counter) -> float:
    """Share of the reference's tokens (with multiplicity) that the candidate has."""
    total = sum(reference.values())
    return sum((reference & candidate).values()) / total if total else 0.0


def dates_compatible(a: date | None, a_precision: str | None, b: date | None, b_precision: str | None) -> bool:
    """Either unknown, or equal at the coarser of the two precisions."""
    if a is None or b is None:
        return True
    n_fields = 1 + min(_PRECISIONS.index(a_precision or "day"), _PRECISIONS.index(b_precision or "day"))
    return (a.year, a.month, a.day)[:n_fields] == (b.year, b.month, b.day)[:n_fields]


# --------------------------------------------------------------------------- matching


def greedy_match(gold: Sequence, pred: Sequence, similarity: Callable) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs, best similarity first.

    `similarity(g, p)` returns None for an incompatible pair, else a sortable value.
    """
    candidates = [
        (value, i, j) for i, g in enumerate(gold) for j, p in enumerate(pred) if (value := similarity(g, p)) is not None
    ]
    candidates.sort(key=lambda c: (c[0], -c[1], -c[2]), reverse=True)
    pairs, used_gold, used_pred = [], set(), set()
    for _, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            pairs.append((i, j))
            used_gold.add(i)
            used_pred.add(j)
    return sorted(pairs)


def _compare(
    gold: Sequence, pred: Sequence, similarity: Callable, agreements: dict[str, Callable] | None = None
) -> Outcome:
    pairs = greedy_match(gold, pred, similarity)
    agreed = {name: sum(bool(agree(gold[i], pred[j])) for i, j in pairs) for name, agree in (agreements or {}).items()}
    matched_gold = {i for i, _ in pairs}
    matched_pred = {j for _, j in pairs}
    return Outcome(
        Score(len(pairs), len(pred), len(gold), agreed),
        missed=tuple(g for i, g in enumerate(gold) if i not in matched_gold),
        spurious=tuple(p for j, p in enumerate(pred) if j not in matched_pred),
        pairs=tuple(pairs),
    )


def score_entities(article: GoldArticle, predicted: Sequence[PredEntity]) -> Outcome:
    # Kinds the gold never annotates (laws, events, works, products) are out of scope.
    predicted = [p for p in predicted if p.types & ANNOTATED]

    def similarity(gold: GoldEntity, pred: PredEntity):
        shared = entity_keys(gold) & entity_keys(pred)
        if gold.type not in pred.types or not shared:
            return None
        return (name_key(gold.name) == name_key(pred.name), len(shared))

    return _compare(article.entities, predicted, similarity)


def same_actor(article: GoldArticle, gold_name: str | None, pred: PredEntity | None) -> bool:
    return bool(entity_keys(article.entity(gold_name)) & entity_keys(pred))


def speaker_right(article: GoldArticle, gold: GoldQuote, pred: PredQuote) -> bool:
    """A matched quote's speaker agrees with the gold one (both unattributed counts as agreeing)."""
    if gold.speaker is None or pred.speaker is None:
        return gold.speaker is None and pred.speaker is None
    return same_actor(article, gold.speaker, pred.speaker)


def score_quotes(article: GoldArticle, predicted: Sequence[PredQuote]) -> Outcome:
    def similarity(gold: GoldQuote, pred: PredQuote):
        gold_words, pred_words = words(gold.text), words(pred.text)
        covered = coverage(gold_words, pred_words)
        return (covered, coverage(pred_words, gold_words)) if covered >= QUOTE_MIN_COVERAGE else None

    return _compare(
        article.quotes,
        predicted,
        similarity,
        {
            "speaker": lambda gold, pred: speaker_right(article, gold, pred),
            "kind": lambda gold, pred: gold.kind == pred.kind,
        },
    )


def score_stances(article: GoldArticle, predicted: Sequence[PredStance]) -> Outcome:
    def similarity(gold: GoldStance, pred: PredStance):
        if not same_actor(article, gold.holder, pred.holder):
            return None
        gold_words, pred_words = content_words(gold.target), content_words(pred.target)
        covered = coverage(gold_words, pred_words)
        return (covered, coverage(pred_words, gold_words)) if covered >= STANCE_MIN_COVERAGE else None

    return _compare(
        article.stances, predicted, similarity, {"polarity": lambda gold, pred: gold.polarity == pred.polarity}
    )


def score_events(article: GoldArticle, predicted: Sequence[PredEvent]) -> Outcome:
    def similarity(gold: GoldEvent, pred: PredEvent):
        if gold.type != pred.type:
            return None
        if not dates_compatible(gold.date, gold.date_precision, pred.date, pred.date_precision):
            return None
        shared = sum(any(same_actor(article, actor, p) for p in pred.actors) for actor in gold.actors)
        exact_date = (gold.date, gold.date_precision) == (pred.date, pred.date_precision)
        return (shared, exact_date) if shared else None

    return _compare(article.events, predicted, similarity)


TABLES = ("entities", "events", "quotes", "stances")


def score_article(article: GoldArticle, prediction: Prediction) -> dict[str, Outcome]:
    """The outcome of every table for one article."""
    return {
        "entities": score_entities(article, prediction.entities),
        "events": score_events(article, prediction.events),
        "quotes": score_quotes(article, prediction.quotes),
        "stances": score_stances(article, prediction.stances),
    }
