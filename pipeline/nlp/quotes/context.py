"""The per-article context every quote pass reads: text, parse, layout blocks, quoted
segments and mentions, computed once and never changed (only the speaker memo fills in)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from pipeline.nlp.quotes.marks import Segment, find_quote_segments
from pipeline.nlp.records import ArticleContext, Mention
from pipeline.nlp.syntax import MentionIndex

if TYPE_CHECKING:
    from pipeline.nlp.quotes.speakers import Attribution

# (start, end, chains_with_previous, section) of each layout block quotes may sit in
Block = tuple[int, int, bool, str]


@dataclass(frozen=True)
class QuoteArticle:
    ctx: ArticleContext
    index: MentionIndex
    blocks: tuple[Block, ...]
    segments: tuple[Segment, ...]
    sents: tuple[Span, ...]
    sent_starts: tuple[int, ...]
    quoted: tuple[tuple[int, int], ...]  # (open mark, end) of every quoted segment, sorted
    quoted_starts: tuple[int, ...]
    # every reporting verb outside quotes with a speaker, in text order: the speech events
    events: tuple[Attribution, ...] = ()
    # speaker of each cue token, filled as the passes ask (a memo, not state they share)
    attributions: dict[int, Attribution | None] = field(default_factory=dict, compare=False)

    @property
    def text(self) -> str:
        return self.ctx.text

    @property
    def doc(self) -> Doc:
        return self.ctx.doc

    def in_quote(self, char: int) -> bool:
        i = bisect.bisect_right(self.quoted_starts, char) - 1
        return i >= 0 and self.quoted[i][0] <= char < self.quoted[i][1]

    def tokens(self, start: int, end: int) -> Span | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span if span is not None and len(span) else None

    def sent_of(self, char: int) -> Span | None:
        """The parser's sentence holding a character (token.sent is slow: computed once here)."""
        if not 0 <= char < len(self.text):
            return None
        i = bisect.bisect_right(self.sent_starts, char) - 1
        return self.sents[i] if i >= 0 else None


def quote_blocks(ctx: ArticleContext) -> tuple[Block, ...]:
    """Layout blocks in order; a body paragraph chains with the body paragraph before it
    (a caption between them does not break a quote)."""
    blocks = []
    previous_section = None
    for seg in ctx.layout.blocks("headline", "caption", "body", "trailer"):
        chained = seg.section == "body" and previous_section == "body"
        blocks.append((seg.start, seg.end, chained, seg.section))
        if seg.section != "caption":
            previous_section = seg.section
    return tuple(blocks)


def article_context(ctx: ArticleContext, mentions: list[Mention]) -> QuoteArticle:
    """The context without speech events (see `speakers.with_speech_events`)."""
    blocks = quote_blocks(ctx)
    segments = tuple(find_quote_segments(ctx.text, [(lo, hi, chained) for lo, hi, chained, _ in blocks]))
    quoted = tuple(sorted((s.open_pos, s.outer_end) for s in segments))
    sents = tuple(ctx.doc.sents)
    return QuoteArticle(
        ctx=ctx,
        index=MentionIndex(mentions),
        blocks=blocks,
        segments=segments,
        sents=sents,
        sent_starts=tuple(sent.start_char for sent in sents),
        quoted=quoted,
        quoted_starts=tuple(lo for lo, _ in quoted),
    )
