"""Parse texts of any accepted length: long ones in pieces cut along paragraph boundaries.

spaCy refuses a text over `nlp.max_length` (1,000,000 characters) and its parser's memory
grows with the length of one Doc, while ingest accepts articles up to 2,000,000 characters.
So a text longer than `CHUNK_CHARS` is cut, preferably at a blank line, else at a line
break, into pieces that are parsed like short articles, and the pieces' Docs are joined
with `Doc.from_docs`. The joined Doc holds exactly the original characters, so every
offset found in it still indexes the file. Sentences already start at every line break
(`newsevents_blocks`), so cutting there changes nothing else.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.model import BLOCK_STARTS_KEY, make_doc

CHUNK_CHARS = 10_000
"""Longest piece parsed at once: news articles are shorter, so they are never cut."""

_SEPARATORS = ("\n\n", "\n", ". ", " ")
"""Where a piece may end, best first: after a blank line, a line break, a sentence, a word."""


def chunk_spans(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """(start, end) pieces covering `text` in order, none longer than `limit`."""
    limit = limit or CHUNK_CHARS
    spans, start = [], 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _cut(text: str, start: int, stop: int) -> int:
    """End of the piece starting at `start`: after the best separator in its second half
    (so pieces stay large), or at `stop` for a text with no white space at all."""
    earliest = start + (stop - start) // 2
    for separator in _SEPARATORS:
        found = text.rfind(separator, earliest, stop)
        if found >= 0 and found + len(separator) <= stop:
            return found + len(separator)
    return stop


def parse_texts(nlp: Language, texts: list[str], block_starts: list[list[int]], batch_size: int) -> Iterator[Doc]:
    """One Doc per text, in order, all pieces of all texts streamed through one `nlp.pipe`."""
    spans = [chunk_spans(text) for text in texts]

    def pieces() -> Iterator[Doc]:
        for text, starts, text_spans in zip(texts, block_starts, spans, strict=True):
            starts = sorted(starts)
            for begin, end in text_spans:
                inside = starts[bisect.bisect_left(starts, begin) : bisect.bisect_left(starts, end)]
                yield make_doc(nlp, text[begin:end], [s - begin for s in inside])

    docs = iter(nlp.pipe(pieces(), batch_size=batch_size))
    for text_spans in spans:
        parts = [next(docs) for _ in text_spans]
        if len(parts) > 1:
            for part in parts:  # offsets of the piece, done with; from_docs would warn about them
                part.user_data.pop(BLOCK_STARTS_KEY, None)
        yield parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
