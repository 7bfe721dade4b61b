"""A pronoun speaker the quote itself speaks of: someone else spoke.

A "he" or "she" the mentions tie to the person named last may be the person the words are
about: "… suggest the Tories are soft on terrorism, Tony Blair believes. Why will the prime
minister not simply take up the Tories' offer …, he demanded." A speaker names himself or
herself in the first person, so when the quote's own words name the pronoun's person by a
name or a title ("the prime minister", resolved to Tony Blair), the speaker is the person
named before the quote, outside quoted words, who is neither that person nor anyone else the
quote names, and whose gender the article does not give as the other one.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.nlp.names import may_name_one_person
from pipeline.nlp.quotes.context import QuoteArticle
from pipeline.nlp.quotes.genders import PRONOUN_GENDER, person_genders
from pipeline.nlp.quotes.previous import surname
from pipeline.nlp.records import Mention, Quote
from pipeline.nlp.syntax import mention_root


def speakers_not_spoken_of(art: QuoteArticle, quotes: list[Quote]) -> list[Quote]:
    """Each quote, its pronoun speaker replaced where the quote names that person (module
    docstring); unchanged where no other person fits."""
    by_id = art.index.by_id
    out = []
    for quote in quotes:
        speaker = by_id.get(quote.speaker_mention_id or "")
        other = _other_speaker(art, quote, speaker) if speaker is not None else None
        out.append(replace(quote, speaker_mention_id=other.mention_id) if other is not None else quote)
    return out


def _other_speaker(art: QuoteArticle, quote: Quote, speaker: Mention) -> Mention | None:
    gender = PRONOUN_GENDER.get(speaker.surface.lower())
    if speaker.kind != "pronoun" or speaker.entity_type != "PERSON" or gender is None:
        return None
    inside = [
        m for m in art.index.mentions
        if quote.char_start <= m.char_start < quote.char_end and m.kind != "pronoun" and m.entity_type == "PERSON"
    ]
    named = {m.name for m in inside}
    if not any(m.name == speaker.name and not _narrated_subject(art, m) for m in inside):
        return None
    known = person_genders(art)
    for m in reversed(art.index.mentions):
        if m.char_start >= min(quote.char_start, speaker.char_start) or m.kind == "pronoun":
            continue
        if m.entity_type != "PERSON" or art.in_quote(m.char_start):
            continue
        if any(_same(m.name, n) for n in named):
            continue
        return m if known.get(surname(m)) in (None, gender) else None
    return None


def _narrated_subject(art: QuoteArticle, m: Mention) -> bool:
    """ "Mr Mallon is a late recruit …, he claims, …", "McClaren's only criticism … was":
    the subject of its sentence's main verb (or that subject's possessor) is what the
    narration is about, where a quote's span takes in the whole sentence around a cue set off
    in its middle: the person the pronoun continues, not one the speaker talks of."""
    root = mention_root(art.doc, m)
    if root is None:
        return False
    if root.dep_ == "poss":
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT"


def _same(one: str, other: str) -> bool:
    """Whether two person names can be one person ("Mr Blair", "Tony Blair")."""
    return may_name_one_person(one, other) or may_name_one_person(other, one)
