"""Styled names of judges and peers, which NER cuts down to a bare surname.

"Lord Justice May" is a judge, not "May"; "Lord Justices Clarke and Rix" are two judges,
"Lord Justice Clarke" and "Lord Justice Rix", not "Justices Clarke" and a body "Rix";
"Lord Nicholls of Birkenhead" is one peer, not "Nicholls" and a place, and "King Abdullah of
Jordan" or "Princess Marguerite of Romania" one royal (a title of kept_titles), as the
royal styles of see_titles are ("the Prince of Wales"). Cut down, the judge
shares a name with any politician of that surname, and the designation becomes an entity
of its own. The style words and honorifics are data (judicial_styles, peerage_honorifics in
pipeline/knowledge/mentions.yaml).
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.nlp.mentions.context import Candidate, MentionContext, with_candidates
from pipeline.nlp.mentions.people import continues_name, grow_people
from pipeline.nlp.mentions.vocabulary import HONORIFICS, JUDICIAL_STYLES, KEPT_TITLES, PEERAGE_HONORIFICS
from pipeline.nlp.token_view import view_of

_STYLED_TITLES = PEERAGE_HONORIFICS | KEPT_TITLES  # a peer's honorific or a royal title


def judicial_styles(mc: MentionContext, chosen: list[Candidate]) -> list[Candidate]:
    """A capitalised honorific and style word before a surname make the judge's name, also
    where NER tagged the surname as something else or not at all; a plural style ("Lord
    Justices") also names the surname joined to the first by "and"."""
    doc = mc.doc
    lower = view_of(doc).lower  # a style word is rare: test the words before making tokens
    styled: list[Candidate] = []
    for style in range(1, len(doc) - 1):
        if lower[style] not in JUDICIAL_STYLES or lower[style - 1] not in HONORIFICS:
            continue
        honorific = doc[style - 1]
        if not (doc[style].is_title and honorific.is_title) or not _surname(mc, style + 1, style):
            continue
        gender = HONORIFICS[honorific.lower_]
        name = f"{honorific.text} Justice {doc[style + 1].text}"
        styled.append(Candidate(style - 1, style + 2, "PERSON", "PERSON", "name", name, 3, gender=gender))
        second = style + 3
        if doc[style].lower_ != "justices" or second >= len(doc) or doc[style + 2].lower_ != "and":
            continue
        if _surname(mc, second, style) and not (second + 1 < len(doc) and doc[second + 1].is_title):
            name = f"{honorific.text} Justice {doc[second].text}"  # not "Lord Justices Clarke and Lord Woolf"
            styled.append(Candidate(second, second + 1, "PERSON", "PERSON", "name", name, 3, gender=gender))
    return with_candidates(chosen, styled)


def _surname(mc: MentionContext, i: int, anchor: int) -> bool:
    """A capitalised name word in the section of the name begun at `anchor`, no new
    sentence's first word."""
    return i < len(mc.doc) and continues_name(mc, anchor, i) and not mc.doc[i].is_sent_start


def territorial_designations(mc: MentionContext, chosen: list[Candidate]) -> list[Candidate]:
    """A peer's honorific and surname, then "of" and a capitalised place, are one name:
    the surface runs through the designation, which is no place of its own; so are a royal
    title (kept_titles) and a name styled after their country ("King Michael of Romania")."""
    return grow_people(mc, chosen, _through_designation)


def _through_designation(mc: MentionContext, c: Candidate) -> Candidate | None:
    doc, of = mc.doc, c.tok_end
    start = _peer_start(mc, c)
    if start is None or doc[of].lower_ != "of" or not _surname(mc, of + 1, start):
        return None
    stop = _designation_end(mc, of + 1, start)
    if stop is None:
        return None
    return replace(c, tok_start=start, tok_end=stop, char_end=None)


def _peer_start(mc: MentionContext, c: Candidate) -> int | None:
    """Where the peer's or royal's name begins: at NER's span ("Lord Falconer", "King
    Abdullah"), or at the honorific or title right before a bare surname or given name NER
    tagged alone ("Lord Stevens" with only "Stevens", "Sheikh Hamad" with only "Hamad")."""
    doc = mc.doc
    if c.tok_end - c.tok_start == 2 and doc[c.tok_start].lower_ in _STYLED_TITLES:
        return c.tok_start
    before = c.tok_start - 1
    if c.tok_end - c.tok_start != 1 or before < 0 or doc[before].lower_ not in _STYLED_TITLES:
        return None
    return before if doc[before].is_title and mc.section[before] == mc.section[c.tok_start] else None


def _designation_end(mc: MentionContext, first: int, anchor: int) -> int | None:
    """The end of the place after "of": one capitalised word, two only where together
    they are a place the gazetteer knows ("of Clifton Hampden"); none where the word goes
    on into a number or a noun ("Lord Coe of London 2012", "of London fame"), which makes it
    the first word of some other name."""
    if _goes_on(mc.doc, first):
        return None
    second = first + 1
    if _surname(mc, second, anchor) and not _goes_on(mc.doc, second):
        entry = mc.gaz.by_alias(mc.doc[first : second + 1].text)
        if entry is not None and entry.entity_type in ("LOCATION", "COUNTRY"):
            return second + 1
    return first + 1


def _goes_on(doc, i: int) -> bool:
    """The word at `i` is followed by a number or a lower-case noun."""
    if i + 1 >= len(doc):
        return False
    after = doc[i + 1]
    return after.like_num or (after.is_lower and after.tag_ in ("NN", "NNS"))
