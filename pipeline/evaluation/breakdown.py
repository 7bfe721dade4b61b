"""Scores per entity type and per event type, read off the outcome of each article.

A total F1 hides where the errors are: a pipeline can be good at people and bad at
groups, or find every CONSULT and no ACCUSE. The scorer only ever pairs a gold item with
a prediction of the same type (an entity's gold type must be one the prediction allows,
an event's PLOVER type must be equal), so the matching splits cleanly by type and the
per-type counts can be read from what was left unmatched:

* gold of type T: the article's gold items of type T; matched: those minus the missed;
* predicted of type T: the matched of type T plus the spurious predictions of type T.

A bare-NER baseline GPE guess allows COUNTRY and LOCATION: when left unmatched it is
counted as a false guess in both rows, as it would be wrong under either reading.
"""

from __future__ import annotations

from collections import Counter

from pipeline.evaluation.gold import GoldArticle
from pipeline.evaluation.scoring import Outcome, Score

BY_TYPE_TABLES = ("entities", "events")


def _gold_types(article: GoldArticle, table: str) -> list[str]:
    return [item.type for item in getattr(article, table)]


def _pred_types(item: object) -> frozenset[str]:
    """The types a prediction counts under: a PredEntity's allowed types, a PredEvent's type."""
    types = getattr(item, "types", None)
    return types if types is not None else frozenset({item.type})


def scores_by_type(article: GoldArticle, table: str, outcome: Outcome) -> dict[str, Score]:
    """type -> the Score of that type's items in this article, for `entities` or `events`."""
    gold = Counter(_gold_types(article, table))
    missed = Counter(item.type for item in outcome.missed)
    spurious = Counter(t for item in outcome.spurious for t in _pred_types(item))
    scores = {}
    for kind in sorted(gold.keys() | spurious.keys()):
        matched = gold[kind] - missed[kind]
        scores[kind] = Score(matched, matched + spurious[kind], gold[kind])
    return scores


def types_seen(per_article: list[dict[str, Score]]) -> list[str]:
    """Every type with gold or predicted items in any article, sorted."""
    return sorted({kind for scores in per_article for kind in scores})
