"""Who said what: direct and indirect quotes in one article.

Design (after BBC citron's cue/source/content split and textacy's `direct_quotations`,
without their known failures):

1. Quote marks are found on the characters, not the tokens, and classified by glyph and
   context: curly marks say which way they face, straight marks are read from the
   spaces around them, and a single mark between letters ("Karabakh’s") or after a
   plural with no quote open ("sides’") is an apostrophe. Marks are paired per layout
   block with a small state machine that never raises: a stray closer is ignored, an
   opener inside an open quote closes the earlier quote, and a quote still open at the
   end of a paragraph continues into the next paragraph when that paragraph opens with
   a quote mark (the English convention), else ends with its paragraph.
2. Every quoted segment becomes one direct `Quote` (text without the marks). Its cue is a
   reporting verb outside any quote, in the sentence(s) the segment touches (or the
   sentence before a colon), preferring verbs syntactically linked to the segment and then
   the nearest; its speaker is the verb's subject ("according to X": X). Fragments inside
   a sentence ("the “illegal” blockade") need a verb that governs them. A segment with no
   cue inherits the speaker of the quote it continues (split quotes, multi-paragraph
   quotes, a quote paragraph right after a quote paragraph).
3. Indirect quotes come from reporting verbs outside direct quotes with a subject and a
   reported clause ("said (that) …", "called for …", "described … as …",
   "according to X, …"); a clause that is (almost) all direct quote is not repeated.
4. A body paragraph opening with a speaker's label ("MS. CLINTON: …") is one direct quote
   of that person (`transcript`), and nothing inside it is a quote of its own.
5. Speakers link to the mention covering the subject's head word, else a name in
   apposition, else a mention inside the subject phrase ("Armenia’s foreign ministry"
   falls back to "Armenia"); a pronoun no mention covers falls back to the latest speaker.

The passes, each a module of functions over one frozen `QuoteArticle`: `marks` (quote
marks and segments), `cues` (reporting verbs), `speakers` (with `documents`: who speaks
through a report or statement), `direct`, `indirect`, `transcript`.

No input makes this raise: quote marks in any number and order are handled, and spans
are always slices of `ctx.text` inside a sentence.
"""

from __future__ import annotations

from pipeline.nlp.quotes.context import article_context
from pipeline.nlp.quotes.cues import is_cue, speaker_token, under_a_cue
from pipeline.nlp.quotes.direct import direct_quotes
from pipeline.nlp.quotes.indirect import indirect_quotes
from pipeline.nlp.quotes.marks import QUOTE_CHARS, find_quote_segments
from pipeline.nlp.quotes.speakers import with_speech_events
from pipeline.nlp.quotes.spoken_of import speakers_not_spoken_of
from pipeline.nlp.quotes.transcript import transcript_quotes
from pipeline.nlp.records import ArticleContext, Mention, Quote

__all__ = ["extract_quotes", "find_quote_segments", "is_accusation", "is_cue", "speaker_token", "under_a_cue"]


def extract_quotes(ctx: ArticleContext, mentions: list[Mention]) -> list[Quote]:
    """Direct quotes (every quoted segment with a speaker or long enough) and indirect ones."""
    if not ctx.text or not len(ctx.doc):
        return []
    art = with_speech_events(article_context(ctx, mentions))
    quotes = direct_quotes(art)
    quotes.extend(indirect_quotes(art, quotes))
    quotes = [q for q in quotes if not _embedded(q, quotes, ctx.text)]
    quotes = speakers_not_spoken_of(art, quotes)
    lines = transcript_quotes(art, mentions)
    if lines:  # a labelled transcript line is one quote; nothing inside it is another
        quotes = [q for q in quotes if not any(t.char_start <= q.char_start < t.char_end for t in lines)] + lines
    by_id: dict[str, Quote] = {}
    for quote in sorted(quotes, key=lambda q: (q.char_start, q.kind != "direct")):
        by_id.setdefault(quote.quote_id, quote)
    return sorted(by_id.values(), key=lambda q: (q.char_start, q.char_end))


def _embedded(quote: Quote, quotes: list[Quote], text: str) -> bool:
    """Quoted words inside a reported clause ("said the “illegal” blockade is …") are part
    of the indirect quote, not a direct quote of their own (eval/GUIDE.md)."""
    if quote.kind != "direct":
        return False
    for other in quotes:
        if other.kind != "indirect" or other.speaker_mention_id != quote.speaker_mention_id:
            continue
        inside = other.char_start <= quote.char_start and quote.char_end <= other.char_end
        # the reported clause is more than the quoted words and their marks
        if inside and len(_clean_quote(text[other.char_start:other.char_end])) > len(quote.text) + 1:
            return True
    return False


def _clean_quote(text: str) -> str:
    return "".join(ch for ch in text if ch not in QUOTE_CHARS).strip(" .,;:")


def is_accusation(quote: Quote) -> bool:
    """A quote reported by "accuse" ("accused the Tories of lying": whom and of what). The
    verb itself is the criticism (an ACCUSE event of its own), so the events and stances
    read no second criticism from the words it reports."""
    return (quote.cue or "").lower().startswith("accus")
