"""The bar the pipeline has to clear: spaCy's statistical NER and nothing else.

The same model the pipeline uses, loaded bare: no gazetteer ruler, no linking, no
coreference. Each distinct (text, label) entity spaCy finds in an article is one
guess, so "Sergei Lavrov" and "Lavrov" are two guesses (at most one can match). It is
scored by the same entity scorer as the pipeline, so the gap between the two rows of
the table is what the pipeline's knowledge and resolution add.
"""

from __future__ import annotations

from collections.abc import Sequence

import spacy

from pipeline import settings
from pipeline.evaluation.gold import GoldArticle
from pipeline.evaluation.scoring import PredEntity

BASELINE_TYPES: dict[str, frozenset[str]] = {
    "PERSON": frozenset({"PERSON"}),
    # Bare NER cannot tell a state acting from a place, so either gold type is accepted.
    "GPE": frozenset({"COUNTRY", "LOCATION"}),
    "ORG": frozenset({"ORGANIZATION"}),
    "NORP": frozenset({"GROUP"}),
    "LOC": frozenset({"LOCATION"}),
    "FAC": frozenset({"LOCATION"}),
}


def baseline_entities(articles: Sequence[GoldArticle]) -> list[tuple[PredEntity, ...]]:
    """The baseline's entity guesses for each article, in the same order."""
    nlp = spacy.load(settings.spacy_model_name())
    return [
        tuple(
            PredEntity(text, types=BASELINE_TYPES[label])
            for text, label in dict.fromkeys((ent.text, ent.label_) for ent in doc.ents if ent.label_ in BASELINE_TYPES)
        )
        for doc in nlp.pipe(a.text for a in articles)
    ]
