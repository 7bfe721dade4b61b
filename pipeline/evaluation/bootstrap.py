"""How far an F1 could move by chance: a bootstrap interval over articles.

With a few dozen articles one long article can swing a score, so a single F1 says
little on its own. The articles of a block (a split, a domain) are resampled with
replacement, 1,000 times, and the F1 of the summed counts is recomputed each time; the
interval is the 2.5th to 97.5th percentile. Articles, not items, are resampled because
items of one article are not independent (one misread name costs several). The seed is
fixed, so the same counts always give the same interval and a report diff shows only
real changes.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from pipeline.evaluation.scoring import Score

N_RESAMPLES = 1000
SEED = 20260101
LEVEL = 0.95


def f1_interval(
    per_article: Sequence[Score], n_resamples: int = N_RESAMPLES, seed: int = SEED, level: float = LEVEL
) -> tuple[float, float] | None:
    """(low, high) of the F1 of the summed counts; None when there is no article."""
    if not per_article:
        return None
    counts = np.array([(s.matched, s.predicted, s.gold) for s in per_article], dtype=np.int64)
    draws = np.random.default_rng(seed).integers(0, len(counts), size=(n_resamples, len(counts)))
    matched, predicted, gold = counts[draws].sum(axis=1).T
    # F1 = 2PR / (P + R) = 2 matched / (predicted + gold); 0 when nothing is predicted or annotated.
    denominator = predicted + gold
    f1 = np.divide(2 * matched, denominator, out=np.zeros(n_resamples), where=denominator > 0)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(f1, [tail, 100 - tail])
    return round(float(low), 4), round(float(high), 4)
