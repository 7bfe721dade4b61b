"""Crowds: the protesters a protest noun implies when the text names none.

"The Indymedia group reported a demonstration on the 29th against the deportation of
Palestinian refugees", "amid protests of up to 200,000": a demonstration is done by
demonstrators even when no one is named (PLOVER codes a protest's source as the civilians
protesting; eval/GUIDE.md: a common noun becomes a GROUP when it acts in an event). Each
demonstration or riot noun in the body or headline gets a candidate GROUP mention named
"protesters" on the noun itself; an asserted protest that names no actor takes it as its
source (`crowd_source`), and only a crowd that acts joins the article's mentions
(`extract.chain_extractors`). The crowd is kept out of the mention index, so "condemned the
protests" never aims at it.
"""

from __future__ import annotations

from pipeline.nlp.events.draft import ASSERTED, Draft
from pipeline.nlp.lexicons import load_event_triggers
from pipeline.nlp.records import ArticleContext, Mention

CROWD_LABEL = "CROWD"  # ner_label of the crowd a protest noun implies
CROWD_NAME = "protesters"
CROWD_MODES = frozenset({"demo", "riot"})  # a strike's or a boycott's doers are named otherwise


def protest_crowds(ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
    """One candidate crowd per demonstration or riot noun that no mention starts at."""
    lexicon = load_event_triggers()
    taken = {m.char_start for m in mentions}
    out: list[Mention] = []
    for sentence in ctx.sentences:
        span = ctx.sentence_span(sentence)
        if span is None or sentence.section not in ("body", "headline"):
            continue
        for token in span:
            if token.pos_ != "NOUN" or token.idx in taken:
                continue
            trigger = lexicon.noun(token.lemma_.lower())
            if trigger is None or trigger.event_type != "PROTEST" or trigger.mode not in CROWD_MODES:
                continue
            end = token.idx + len(token.text)
            out.append(
                Mention(
                    f"{ctx.article_id}#m{token.idx}", ctx.article_id, sentence.sentence_id, ctx.text[token.idx : end],
                    token.idx, end, CROWD_LABEL, "GROUP", "name", CROWD_NAME,
                )
            )
    return out


def crowd_source(draft: Draft, crowds: dict[int, Mention]) -> None:
    """An asserted protest noun that names no actor is done by the crowd it implies."""
    token = draft.token
    if draft.event_type != "PROTEST" or draft.actors() or draft.modality != ASSERTED:
        return
    crowd = crowds.get(token.idx)
    if crowd is not None:
        draft.sources = [crowd]
