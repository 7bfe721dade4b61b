"""A signal: one word's evidence that a holder supports or opposes a target; the passes
return signals, and `merge` keeps the strongest per holder and target in an article."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from pipeline.nlp.records import Mention, Quote
from pipeline.nlp.stances.context import StanceArticle
from pipeline.nlp.stances.holders import co_speakers
from pipeline.nlp.stances.targets import Target, noun_targets
from pipeline.nlp.stances.words import CAUSE_LINKS

OUTSIDE_QUOTE_MIN_SCORE = 0.6
MIN_CUE_SCORE = 0.5  # weaker cues ("suggest", "question", "end") only inside composed actions
MIN_ATTRIBUTIVE_WEIGHT = 0.7  # "an illegal blockade" counts, "a good base" does not
DEONTIC_SCORE = 0.6
ATTITUDE_SCORE = 0.6
CONSEQUENCE_SCORE = 0.6  # "would damage the economy": a judgement by its effects
IRONY_SCORE = 0.6  # "so-called": distance, not an argument


@dataclass(frozen=True)
class Signal:
    token: Token  # the word that carries the stance
    polarity: int  # +1 support, -1 oppose, 0 neutral
    score: float
    target: str
    target_head: Token
    holder: Mention | None
    in_quote: Quote | None


def signal(
    art: StanceArticle,
    token: Token,
    polarity: int,
    score: float,
    target: str | None,
    head: Token,
    holder: Mention | None,
    quote: Quote | None,
) -> list[Signal]:
    """A signal (score clipped to [0.05, 1]), also for each joint speaker of the quote its holder
    speaks; opposing an effect opposes its cause instead (the harm is what the cause is judged
    by: "the need to end a crisis resulting from the blockade" opposes the blockade)."""
    if not target or holder is None:
        return []
    score = max(0.05, min(1.0, score))
    holders = [holder, *co_speakers(art, holder, quote)]
    out = [Signal(token, polarity, round(score, 3), target, head, who, quote) for who in holders]
    if polarity < 0:
        # "end a crisis resulting from the blockade": opposing an effect opposes its cause
        near = [head] + [g for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        for child in (c for n in near for c in n.children):
            linked = child.dep_ == "acl" and child.tag_ in ("VBG", "VBN")
            prep_word = CAUSE_LINKS.get(child.lemma_.lower()) if linked else None
            if prep_word is None:
                continue
            for prep in child.children:
                if prep.dep_ in ("prep", "agent") and prep.lower_ == prep_word:
                    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                    if pobj is not None and pobj.i > head.i:
                        causes = target_signals(art, token, polarity, score, noun_targets(art, pobj), holder, quote)
                        if causes:
                            # the harm is what the cause is judged by, not an issue of its own
                            out = [s for s in out if s.target != target] + causes
    return out


def target_signals(
    art: StanceArticle,
    token: Token,
    polarity: int,
    score: float,
    targets: list[Target],
    holder: Mention | None,
    quote: Quote | None,
) -> list[Signal]:
    """One cue's signals, one per target found for it: each target's sign and strength compose
    with the cue's polarity and score."""
    out: list[Signal] = []
    for target in targets:
        out += signal(
            art, token, polarity * target.sign, score * target.strength, target.label, target.head, holder, quote
        )
    return out
