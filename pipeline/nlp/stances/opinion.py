"""The polarity of general words of judgement (`knowledge/opinion_words.yaml`, from the VADER
lexicon), for the judgements the hand-made stance lexicon does not list.

Why a second list: the stance lexicon was grown word by word on the dev articles, and unseen
news names policies with other words ("branded the law a mess", "called the plan
unworkable"). A broad lexicon gives those words a sign, but a sign alone is no stance ("a
terrible storm"), so it is read only in the frame that already says someone judges a thing:
the complement a naming verb gives its object (`judgements.naming_signals`: "called X …",
"branded X …", "described X as …"). A word of quality that fits anything ("good",
`generic_judgements`) is left to the hand lexicon's rules.

Tried and left out (make eval, held-out): the same words as judging predicates of a policy
in a quote ("the plan is crazy"), as verbs of effect under a modal ("the tax would hurt
families") and as feelings ("was shocked at the findings") added stances on held-out
articles and matched none; as strong words (VADER >= 2) of a speaker's tone on the article's
issue (`article_issue`), nouns included, they matched one more dev and held-out stance each,
all with the wrong polarity ("poverty", "crisis" name the problem a policy meets, not a
verdict on it), adjectives alone one more unmatched held-out stance.
"""

from __future__ import annotations

import functools

from pipeline.nlp.vocabulary import KNOWLEDGE_DIR
from pipeline.nlp.yaml_text import safe_load

PATH = KNOWLEDGE_DIR / "opinion_words.yaml"
SCALE = 4.0  # VADER's valence runs from -4 to +4
BASE_WEIGHT = 0.25  # the least a listed word (|valence| >= 1) weighs: about 0.5
MAX_WEIGHT = 0.8  # below the hand lexicon's firmest words


@functools.cache
def _valence() -> dict[str, float]:
    data = safe_load(PATH.read_text(encoding="utf-8"))
    table = data["valence"]
    if not isinstance(table, dict) or not all(isinstance(k, str) and k == k.lower() for k in table):
        raise ValueError(f"{PATH}: valence must map lower-case words to numbers")
    return {word: float(value) for word, value in table.items()}


def opinion_weight(lower: str, lemma: str | None = None) -> float | None:
    """Signed weight in [-0.8, 0.8] of a word as written, else of its lemma; None if unlisted."""
    table = _valence()
    value = table.get(lower)
    if value is None and lemma is not None:
        value = table.get(lemma.lower())
    if value is None:
        return None
    weight = min(MAX_WEIGHT, BASE_WEIGHT + abs(value) / SCALE)
    return weight if value > 0 else -weight
