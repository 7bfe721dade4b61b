"""The polarity of general words of judgement and feeling (`knowledge/opinion_words.yaml`,
from the VADER lexicon), for the judging words the hand-made stance lexicon does not list.

Why a second list: the stance lexicon was grown word by word on the dev articles, and
unseen news judges policies with other words ("the plan is crazy", "the tax would hurt
families"). A broad lexicon gives those words a sign, but a sign alone is no stance ("a
terrible storm", "we are delighted"), so the passes read it only where the structure
already says a speaker judges an issue: an adjective predicated of a policy, plan, measure
or named issue in a quote (`judgements.evaluative_signals`), a verb of effect under a modal
("would hurt", `copulas.consequence_signals`). The hand lexicon wins where both list a word.
"""

from __future__ import annotations

import functools

from pipeline.nlp.vocabulary import KNOWLEDGE_DIR
from pipeline.nlp.yaml_text import safe_load

PATH = KNOWLEDGE_DIR / "opinion_words.yaml"
SCALE = 4.0  # VADER's valence runs from -4 to +4
BASE_WEIGHT = 0.25  # the least a listed word (|valence| >= 1) weighs: about 0.5
MAX_WEIGHT = 0.9  # below the hand lexicon's firmest words


@functools.cache
def _valence() -> dict[str, float]:
    data = safe_load(PATH.read_text(encoding="utf-8"))
    table = data["valence"]
    if not isinstance(table, dict) or not all(isinstance(k, str) and k == k.lower() for k in table):
        raise ValueError(f"{PATH}: valence must map lower-case words to numbers")
    return {word: float(value) for word, value in table.items()}


def opinion_weight(lower: str, lemma: str | None = None) -> float | None:
    """Signed weight in [-0.9, 0.9] of a word as written, else of its lemma; None if unlisted."""
    table = _valence()
    value = table.get(lower)
    if value is None and lemma is not None:
        value = table.get(lemma.lower())
    if value is None:
        return None
    weight = min(MAX_WEIGHT, BASE_WEIGHT + abs(value) / SCALE)
    return weight if value > 0 else -weight
