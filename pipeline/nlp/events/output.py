"""A finished draft as the `EventCandidate` record the pipeline stores, with its confidence."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.draft import Draft
from pipeline.nlp.records import ArticleContext, EventCandidate


def _trigger_text(ctx: ArticleContext, words: list[Token]) -> str:
    words = sorted(words, key=lambda t: t.i)
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    if all(words[k + 1].i == words[k].i + 1 for k in range(len(words) - 1)):
        return ctx.text[start:end]
    return " ".join(ctx.text[w.idx : w.idx + len(w.text)] for w in words)


def _confidence(draft: Draft) -> float:
    score = 0.45
    parties = len(draft.sources) + len(draft.targets) + len(draft.participants)
    if draft.sources and (draft.targets or draft.participants) or len(draft.participants) >= 2:
        score += 0.15
    if draft.mediators:
        score += 0.05
    if draft.date_text:
        score += 0.1
    if draft.location is not None:
        score += 0.05
    if draft.sentence.section in ("headline", "caption"):
        score -= 0.1
    if draft.copied:
        score -= 0.1
    if parties == 0:
        score -= 0.1
    return round(max(0.05, min(0.95, score)), 3)


def to_candidate(ctx: ArticleContext, draft: Draft) -> EventCandidate:
    ids = lambda mentions: tuple(m.mention_id for m in mentions)  # noqa: E731
    return EventCandidate(
        article_id=ctx.article_id,
        sentence_id=draft.sentence.sentence_id,
        trigger=_trigger_text(ctx, draft.words),
        event_type=draft.event_type,
        event_mode=draft.mode,
        cameo_root=draft.cameo_root,
        modality=draft.modality,
        sources=ids(draft.sources),
        targets=ids(draft.targets),
        participants=ids(draft.participants),
        mediators=ids(draft.mediators),
        date_text=draft.date_text,
        location_mention_id=draft.location.mention_id if draft.location is not None else None,
        evidence=draft.sentence.text,
        confidence=_confidence(draft),
    )
