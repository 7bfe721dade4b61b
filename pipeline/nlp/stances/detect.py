"""`extract_stances`, the stances extractor's entry point (the package docstring says what
each pass does); kept out of `__init__` so that importing `stances.issues` imports no spaCy."""


from __future__ import annotations

from pipeline.nlp.lexicons import load_stance_lexicon
from pipeline.nlp.records import ArticleContext, Mention, Quote, Stance
from pipeline.nlp.stances.article_issue import issue_signals
from pipeline.nlp.stances.context import stance_context
from pipeline.nlp.stances.copulas import consequence_signals, goal_signals
from pipeline.nlp.stances.groups import group_mentions, held_groups, polled_groups_dropped
from pipeline.nlp.stances.judgements import (
    attitude_signals,
    deontic_signals,
    evaluative_signals,
    ironic_signals,
    naming_signals,
)
from pipeline.nlp.stances.merge import merge
from pipeline.nlp.stances.nominals import attitude_adjective_signals, nominal_signals
from pipeline.nlp.stances.protests import protest_signals
from pipeline.nlp.stances.signals import Signal
from pipeline.nlp.stances.verbs import (
    copular_signals,
    existential_signals,
    proposal_signals,
    verb_signals,
    willing_signals,
)

# The passes read at every token, in order; those read only inside a quote follow them.
TOKEN_PASSES = (
    verb_signals, proposal_signals, existential_signals, copular_signals, goal_signals,
    nominal_signals, attitude_adjective_signals, willing_signals, naming_signals, protest_signals,
)
QUOTE_PASSES = (deontic_signals, attitude_signals, evaluative_signals, ironic_signals, consequence_signals)


def extract_stances(ctx: ArticleContext, quotes: list[Quote], mentions: list[Mention]) -> list[Stance]:
    """Stances of one article, one per (holder, target, sentence), strongest signal kept."""
    if not ctx.text or not len(ctx.doc):
        return []
    art = stance_context(ctx, quotes, mentions, load_stance_lexicon())
    signals: list[Signal] = []
    for token in ctx.doc:
        sentence = ctx.sentence_at(token.idx)
        if sentence is None or sentence.section in ("caption", "trailer"):
            continue
        in_quote = art.quote_at(token.idx) is not None
        for signals_of in TOKEN_PASSES + (QUOTE_PASSES if in_quote else ()):
            signals += signals_of(art, token)
    signals += issue_signals(art, signals)
    return merge(art, signals)


def stances_and_groups(
    ctx: ArticleContext, quotes: list[Quote], mentions: list[Mention]
) -> tuple[list[Stance], list[Mention]]:
    """Stances, with groups named by a common noun as holders ("critics", "unions"), and the
    GROUP mentions of the groups that hold one (to join the article's mentions)."""
    groups = group_mentions(ctx, mentions)
    stances = polled_groups_dropped(ctx, groups, extract_stances(ctx, quotes, mentions + groups))
    return stances, held_groups(groups, stances)
