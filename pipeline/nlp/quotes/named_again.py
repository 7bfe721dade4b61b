"""A speaker's name the mentions missed where the text names it again.

Named-entity recognition sometimes misses a name the article has used before, most often
at the start of a paragraph or after a conjunction ("Civil rights group Liberty said … /
Liberty said statistics suggested …", "Jack Straw … Britain has been more cautious but Mr
Straw last week said …"). A speaker phrase of proper nouns that no mention covers is the
body or person named earlier with exactly that surface, or, after an honorific ("Mr",
"Lady") or as one word ("Judge Ernest Torres … Torres opined that …"), the person named
earlier with that surname. Likewise a name the mentions typed as
a place where the text named a speaker with that very surface before ("The European
Union's anti-piracy force Atalanta said … / …, Atalanta said.").
"""

from __future__ import annotations

from pipeline.nlp.mentions.vocabulary import HONORIFICS
from pipeline.nlp.quotes.context import QuoteArticle
from pipeline.nlp.quotes.documents import SPEAKER_TYPES
from pipeline.nlp.records import Mention


def named_before(art: QuoteArticle, start: int, end: int) -> Mention | None:
    """The earlier named mention the speaker phrase doc[start:end] names again (module
    docstring); None when the phrase is not all proper nouns, a mention covers any of it,
    or no earlier name fits."""
    words = [t for t in art.doc[start:end] if not (t.dep_ == "det" and t.i == start)]
    # one capitalised word the tagger took for a common noun ("Torres opined …") may still be a surname
    lone = len(words) == 1 and words[0].is_title and words[0].pos_ == "NOUN"
    if not words or not lone and any(t.pos_ != "PROPN" for t in words):
        return None
    if any(art.index.at(t) is not None for t in words):
        return None
    surface = art.text[words[0].idx : words[-1].idx + len(words[-1].text)]
    honorific = words[0].lower_ in HONORIFICS and len(words) > 1
    by_surname = honorific or len(words) == 1
    for m in reversed(art.index.mentions):
        if m.char_start >= words[0].idx or m.kind != "name" or m.entity_type not in SPEAKER_TYPES:
            continue
        if m.surface == surface and not lone:
            return m
        if by_surname and m.entity_type == "PERSON" and _surname_of(m, honorific) == words[-1].text:
            return m
    return None


def _surname_of(m: Mention, honorific: bool) -> str | None:
    """The last word of a person's name; without an honorific before the word, only of a
    name of two words or more ("Ernest Torres": "Torres")."""
    words = m.name.split() or [""]
    return words[-1] if honorific or len(words) > 1 else None


def speaker_named_alike(art: QuoteArticle, place: Mention) -> Mention | None:
    """The latest earlier mention of a body or person with the surface of a mention typed as
    something that cannot speak (a place); None when there is none."""
    for m in reversed(art.index.mentions):
        if m.char_start >= place.char_start or m.kind != "name" or m.entity_type not in SPEAKER_TYPES:
            continue
        if m.surface == place.surface:
            return m
    return None
