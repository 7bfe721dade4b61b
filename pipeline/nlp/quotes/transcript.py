"""Transcripts: a paragraph that opens with a speaker's label ("MS. CLINTON: …",
"Mr Blunkett: …", "RUSSERT: …") is that speaker's direct quote, line by line, rather than
one long quote or none.

A label is a short run of capitalised words before a colon at the start of a body
paragraph, either an honorific and a name or a name the article's mentions know as a
person. The speaker is the person mention covering the label, else the person the
article names with that surname ("CLINTON" after "Hillary Clinton"); a label no person
matches gives no quote ("Update:", "Photo:").
"""

from __future__ import annotations

import re

from pipeline.nlp.mentions.vocabulary import HONORIFICS
from pipeline.nlp.quotes.context import QuoteArticle
from pipeline.nlp.records import Mention, Quote

LABEL = re.compile(r"([A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,3}):[ \t]+(?=\S)")


def transcript_quotes(art: QuoteArticle, mentions: list[Mention]) -> list[Quote]:
    """One direct quote per labelled paragraph."""
    quotes = []
    people = [m for m in mentions if m.entity_type == "PERSON" and m.kind == "name"]
    for lo, hi, _, section in art.blocks:
        if section != "body":
            continue
        start = lo
        while start < hi and art.text[start].isspace():
            start += 1
        found = LABEL.match(art.text, start, hi)
        if found is None:
            continue
        speaker = _speaker(found.group(1), found.start(1), found.end(1), people)
        if speaker is None:
            continue
        q_start, q_end = found.end(), hi
        while q_end > q_start and art.text[q_end - 1].isspace():
            q_end -= 1
        sentence = art.ctx.sentence_at(q_start)
        if sentence is None or q_end - q_start < 2:
            continue
        quotes.append(
            Quote(
                quote_id=f"{art.ctx.article_id}#q{q_start}",
                article_id=art.ctx.article_id,
                sentence_id=sentence.sentence_id,
                speaker_mention_id=speaker.mention_id,
                speaker_surface=found.group(1),
                text=art.text[q_start:q_end],
                kind="direct",
                cue=None,
                char_start=q_start,
                char_end=q_end,
            )
        )
    return quotes


def _speaker(label: str, start: int, end: int, people: list[Mention]) -> Mention | None:
    words = label.replace(".", " ").split()
    honorific = bool(words) and words[0].lower() in HONORIFICS
    names = words[1:] if honorific else words
    if not names:
        return None
    for m in people:
        if m.char_start < end and start < m.char_end:
            return m  # the label itself is a person mention
    surname = names[-1].lower()
    matching = [m for m in people if m.name.split()[-1].lower() == surname]
    if not matching:
        return None
    if not honorific and len({m.name.lower() for m in matching}) > 1 and not any(
        m.name.lower() == " ".join(names).lower() for m in matching
    ):
        return None
    return max(matching, key=lambda m: (len(m.name.split()), -m.char_start))
