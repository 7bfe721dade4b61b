"""Styled names of judges and peers, which NER cuts down to a bare surname.

"Lord Justice May" is a judge, not "May"; "Lord Justices Clarke and Rix" are two judges,
"Lord Justice Clarke" and "Lord Justice Rix", not "Justices Clarke" and a body "Rix";
"Lord Nicholls of Birkenhead" is one peer, not "Nicholls" and a place. Cut down, the judge
shares a name with any politician of that surname, and the designation becomes an entity
of its own. The style words and honorifics are data (judicial_styles, peerage_honorifics in
pipeline/knowledge/mentions.yaml).
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.nlp.mentions.context import Candidate, MentionContext, with_candidates
from pipeline.nlp.mentions.people import grow_people
from pipeline.nlp.mentions.vocabulary import HONORIFICS, JUDICIAL_STYLES, PEERAGE_HONORIFICS


def judicial_styles(mc: MentionContext, chosen: list[Candidate]) -> list[Candidate]:
    """A capitalised honorific and style word before a surname make the judge's name, also
    where NER tagged the surname as something else or not at all; a plural style ("Lord
    Justices") also names the surname joined to the first by "and"."""
    doc = mc.doc
    styled: list[Candidate] = []
    for style in range(1, len(doc) - 1):
        honorific = doc[style - 1]
        if doc[style].lower_ not in JUDICIAL_STYLES or honorific.lower_ not in HONORIFICS:
            continue
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


def _surname(mc: MentionContext, i: int, style: int) -> bool:
    """A capitalised word of letters in the style's section, no new sentence's first word."""
    token = mc.doc[i] if i < len(mc.doc) else None
    return (
        token is not None
        and token.is_title
        and token.is_alpha
        and not token.is_sent_start
        and mc.section[i] == mc.section[style]
    )


def territorial_designations(mc: MentionContext, chosen: list[Candidate]) -> list[Candidate]:
    """A peer's honorific and surname, then "of" and a capitalised place, are one name:
    the surface runs through the designation, which is no place of its own."""
    return grow_people(mc, chosen, _through_designation)


def _through_designation(mc: MentionContext, c: Candidate) -> Candidate | None:
    doc, end = mc.doc, c.tok_end
    if doc[c.tok_start].lower_ not in PEERAGE_HONORIFICS or c.tok_end - c.tok_start != 2:
        return None
    if doc[end].lower_ != "of" or mc.section[end + 1] != mc.section[c.tok_start]:
        return None
    stop = end + 1
    while stop < len(doc) and doc[stop].is_title and doc[stop].is_alpha and not doc[stop].is_sent_start:
        stop += 1
    if stop == end + 1 or stop - end > 3:
        return None
    return replace(c, tok_end=stop, char_end=None)
