"""The gazetteer and the statistical NER reconciled: a known name never carves a longer one.

spaCy's NER runs first, on the raw text; the gazetteer's matches (a `span_ruler` writing
to `doc.spans[GAZETTEER_KEY]`) are merged afterwards by `newsevents_reconcile`:

* a match equal to an NER span, or longer than the NER spans it overlaps, wins: it brings
  the gazetteer's label and id ("the Bank of England" known whole);
* a match strictly inside a longer NER span does not break it up: "Sheffield Wednesday",
  "Radio Romania", "Canadian Wheat Board", "Bank of America", "Partizan Belgrade", "Bill
  Jordan" stay one name. Two exceptions, both where the longer span is no name of its own:
  a PERSON span that starts with a demonym, party or country followed by a title or a
  possessive, or with a demonym or party ("Armenian Foreign Minister Ararat Mirzoyan",
  "Britain's Tony Blair", "Tory Liam Fox"; the
  rest stays the person), and a span whose other words are only title or government
  words ("Russian Foreign Ministry", "Azerbaijani authorities"), which the phrase rules
  of `candidates` rebuild around the country;
* in a title-cased line (a headline) the gazetteer wins as before: capitals are no
  evidence of a name there; but a known body's one-word name with capitalised words of
  the longer name on both sides ("the Syrian Democratic Forces", "the Christian Democratic
  Union") never carves it, and NER's span keeps every word, the people's adjective in it
  included; untagged by NER, such a word is no match at all ("Social Democrat-Green Party");
* a place NER tagged alone that modifies an untagged proper noun after it is part of
  that name ("Sheffield United": a club);
* two NER organisations split at "and" are one when the parts say so ("Public and
  Commercial Services Union", "Department for Education and Skills");
* a known body at one end of an NER organisation, "and" between it and capitalised words
  ("Amnesty International and Liberty"), is one of two bodies NER read as one name;
* a possessive inside one name ("the Hudson's Bay Trading Company", "St Paul's Cathedral",
  "St Stephen's Green Shopping Centre"), which NER cuts there or takes for a person, is
  one name when a saint or "the" opens it and a body's or building's head word ends it;
* a match that crosses an NER span's edge wins over it (NER misplaced a boundary);
* a match no NER span touches is added, unless it sits inside a longer run of
  capitalised proper nouns that the gazetteer does not know ("Radio Romania" left
  untagged): then the longer name is kept as one span of the gazetteer's label's kind.

Before this component existed the ruler ran before the NER and overwrote it, so a
gazetteer word carved every longer name it occurred in.
"""

from __future__ import annotations

import functools

import numpy
from spacy.attrs import TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.nlp.gazetteer import load_gazetteer
from pipeline.nlp.mentions.context import role_words
from pipeline.nlp.mentions.vocabulary import (
    BODY_WORDS,
    BUILDING_HEADS,
    CONSTITUENCY_NOUNS,
    CORPORATE_SUFFIXES,
    FACILITY_HEADS,
    FIRM_WORDS,
    GEO_FEATURES,
    GIVEN_NAMES,
    GOVERNMENT_NOUNS,
    HONORIFICS,
    NAME_JOINING_WORDS,
    ORG_HEADS,
    ORG_NOUNS,
    PLACE_QUALIFIERS,
    REMIT_PREPOSITIONS,
    SAINT_WORDS,
    TITLE_MODIFIERS,
    TRADE_NOUNS,
    UK_PLACES,
)
from pipeline.nlp.syntax import POSSESSIVES

GAZETTEER_KEY = "newsevents_gazetteer"
RECONCILE = "newsevents_reconcile"
# Words after a country or demonym that make a description, not a name of its own.
_BODY_WORDS = frozenset({"ministry", "embassy", "consulate", "foreign", "interior", "defence", "defense"})
# Prefixes glued to a known name ("ex-Soviet") that make no name of their own ("pro-Russian"
# is an attitude, not Russia, and stays as NER had it).
_PREFIXES = frozenset({"ex", "former"})
# Capitalised words that never make a place part of a longer name.
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)


@functools.lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return role_words(load_gazetteer()) | TITLE_MODIFIERS | GOVERNMENT_NOUNS | _BODY_WORDS | frozenset(HONORIFICS)


@Language.component(RECONCILE)
def reconcile_entities(doc: Doc) -> Doc:
    """Merge the gazetteer's matches into the NER's entities (rules in the module doc)."""
    matches = filter_spans(list(doc.spans.get(GAZETTEER_KEY, ())))
    doc.ents = reconcile(doc, list(doc.ents), matches)
    return doc


def reconcile(doc: Doc, ner: list[Span], matches: list[Span]) -> list[Span]:
    """The entities after merging gazetteer `matches` (non-overlapping) into `ner`."""
    kept = _joined_by_and(
        doc, [part for e in ner for part in _split_at_link(doc, e) or _after_place(doc, e) or [_club_name(doc, e) or e]]
    )
    kept = _possessive_names(doc, kept)
    added: list[Span] = []
    # "the Syrian Democratic Forces": a longer name a known body's word sits inside keeps every
    # word, the people's adjective in it included
    protected = {
        (e.start, e.end)
        for e in kept
        for m in matches
        if e.start <= m.start and m.end <= e.end and len(e) > len(m) and _word_inside_body(doc, e, m)
    }
    for match in matches:
        overlapping = [e for e in kept if e.start < match.end and match.start < e.end]
        container = next((e for e in overlapping if e.start <= match.start and match.end <= e.end), None)
        if container is not None and len(container) > len(match):
            other = _listed_with(doc, container, match)
            if other is not None:
                kept.remove(container)
                kept.append(other)
                added.append(_as_entity(doc, match))
                continue
            if (container.start, container.end) in protected:
                continue  # "the Syrian Democratic Forces", "The Christian Democratic Union" stay whole
            if not (_title_cased(match.sent) or _may_carve(doc, container, match, matches)):
                continue
            kept.remove(container)
            rest = _person_rest(doc, container, match)
            if rest is not None:
                kept.append(rest)
            added.append(_as_entity(doc, match))
            continue
        inside = all(match.start <= e.start and e.end <= match.end for e in overlapping)
        if inside and _word_of_untagged_body(doc, match):
            kept = [e for e in kept if e not in overlapping]  # NER's "Democratic" NORP goes with it
            continue
        if not overlapping:
            longer = _untagged_name_around(doc, match)
            if longer is not None:
                added.append(longer)
                continue
        for e in overlapping:
            kept.remove(e)
        added.append(_as_entity(doc, match))
    return sorted(filter_spans(added + kept), key=lambda s: s.start)


# Last words of a name a possessive may sit inside: a body's, firm's, building's or site's.
_POSSESSIVE_NAME_HEADS = (
    ORG_HEADS | BODY_WORDS | BUILDING_HEADS | FACILITY_HEADS | FIRM_WORDS | CORPORATE_SUFFIXES | ORG_NOUNS - TRADE_NOUNS
)


_POS_TAG = get_string_id("POS")


def _possessive_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "the Hudson's Bay Trading Company", "St Paul's Cathedral", "St Stephen's Green Shopping
    Centre": a name with a possessive inside, which NER cuts there (a place, then a body), takes
    in part for a person ("St Paul's") or leaves untagged, is one span (`_possessive_name`).
    The spans it overlaps give way; what NER had before or after it in one span keeps its own
    label ("Ticketmaster in St Stephen's": "Ticketmaster"; "... Centre in Cardiff": "Cardiff")."""
    out = list(ents)
    # the tokens tagged POS, found on the tag column (no Token made for the others)
    for k in numpy.flatnonzero(doc.to_array(TAG) == _POS_TAG).tolist() if len(doc) else ():
        if doc[k].text not in POSSESSIVES:
            continue
        name = _possessive_name(doc, k)
        if name is None or any(e.start <= name.start and name.end <= e.end for e in out):
            continue
        kept = []
        for e in out:
            if e.end <= name.start or name.end <= e.start:
                kept.append(e)
                continue
            end = name.start
            while end > e.start and not (doc[end - 1].is_title or doc[end - 1].is_upper):
                end -= 1  # "Ticketmaster in": the link word goes with the cut
            if e.start < end:
                kept.append(Span(doc, e.start, end, label=e.label_))
            start = name.end
            while start < e.end and not (doc[start].is_title or doc[start].is_upper):
                start += 1  # "... Shopping Centre in Cardiff": the place after it is a name of its own
            if start < e.end:
                kept.append(Span(doc, start, e.end, label=e.label_))
        out = sorted([*kept, name], key=lambda s: s.start)
    return out


_BUILDING_HEADS_OR_FACILITY_HEADS = BUILDING_HEADS | FACILITY_HEADS


def _possessive_name(doc: Doc, k: int) -> Span | None:
    """The name around the possessive at `k`, or None. Its possessor is a saint's name
    (saint_words: "St Paul's") or capitalised words after "the" that name no place, state or
    body the gazetteer knows and hold no title ("the Prince's Trust"; not "the UK's Office of
    Fair Trading", "the Prime Minister's Office"), end in no head word of a body ("the Bank's
    Monetary Policy Committee": the body itself) and take "'s" (a plural's bare apostrophe, "the
    Blues' Celtic League", is a team's or a people's); after the possessive come capitalised words
    that end in a body's, firm's, building's or facility's head word. A building or facility
    is a place (FAC), anything else a body (ORG). Not in a title-cased headline."""
    start = k
    while start > 0 and k - start < 4 and doc[start - 1].lower_ != "the" and (
        doc[start - 1].is_title and doc[start - 1].is_alpha or doc[start - 1].lower_ in SAINT_WORDS
    ):
        start -= 1
    saint = next((t.i for t in doc[start:k] if t.lower_ in SAINT_WORDS), None)
    if saint is not None and k - saint >= 2:
        start = saint
    elif start == k or start == 0 or doc[start - 1].lower_ != "the" or k - start > 3 or doc[k].text in ("'", "’"):
        return None
    else:
        possessor = doc[start:k].text
        if possessor.lower() in UK_PLACES or load_gazetteer().by_alias(possessor) is not None:
            return None
        if doc[k - 1].lower_ in _POSSESSIVE_NAME_HEADS:
            return None  # "the Bank's Monetary Policy Committee": the body itself, named short
        if any(t.lower_ in _title_words() for t in doc[start:k]):
            return None
    end = k + 1
    while end < len(doc) and doc[end].is_title and doc[end].is_alpha and doc[end].sent == doc[k].sent:
        end += 1
    if end == k + 1 or doc[end - 1].lower_ not in _POSSESSIVE_NAME_HEADS or _title_cased(doc[k].sent):
        return None
    label = "FAC" if doc[end - 1].lower_ in _BUILDING_HEADS_OR_FACILITY_HEADS else "ORG"
    return Span(doc, start, end, label=label)


def _listed_with(doc: Doc, container: Span, match: Span) -> Span | None:
    """ "Amnesty International and Liberty": NER read two bodies joined by "and" as one name.
    A body the gazetteer knows, then "and" and capitalised words (or those words, "and", the
    known body), are two names, unless the gazetteer knows the whole, or the known part
    holds "for"/"of", after which "and" goes on with the body's remit ("Department for
    Education and Skills"). Returns the other name, typed as NER typed the whole."""
    if container.label_ != "ORG" or match.label_ != "ORG" or _known_body(container):
        return None
    if any(t.lower_ in REMIT_PREPOSITIONS for t in match):
        return None
    start = container.start + (container[0].lower_ == "the")
    if match.start == start and match.end + 1 < container.end and doc[match.end].lower_ == "and":
        other = (match.end + 1, container.end)
    elif match.end == container.end and (before := _and_before(doc, match.start)) > start:
        other = (start, before)
    else:
        return None
    words = doc[other[0] : other[1]]
    if words[0].lower_ == "the":
        words = words[1:]
    if not len(words) or not all(t.is_title or t.is_upper or t.lower_ in NAME_JOINING_WORDS for t in words):
        return None
    return Span(doc, words.start, words.end, label=container.label_)


def _and_before(doc: Doc, i: int) -> int:
    """The index of the "and" right before token `i`, or before "the" there; -1 if none."""
    k = i - 1 - (i > 0 and doc[i - 1].lower_ == "the")
    return k if k >= 0 and doc[k].lower_ == "and" else -1


def _split_at_link(doc: Doc, ent: Span) -> list[Span]:
    """ "brought Hollyoaks to Channel 4", "Hartlepool or Boston", "Blackburn v Colchester": NER
    ran two names on through a lower-case "to", "or" or "v" between them, or through a dash
    spaced on both sides ("USA - William Henry Gates III"). No name holds one
    of these between capitalised words, except "to" before a verb or after a body's head
    word ("Committee to Protect Journalists", "Campaign to Protect Rural England"), so the
    span is the two names, each typed as NER typed the whole. A court case NER typed a law
    ("Roe v Wade") is one name, its parties'. Empty when not split."""
    if ent.label_ == "LAW":
        return []
    for k in range(ent.start + 1, ent.end - 1):
        link = doc[k]
        # "USA - William Henry Gates III", "Scarlett Johansson - Racing Stripes": a dash with
        # space on both sides is an aside's or a dateline's, never inside a name (hyphens are glued)
        dash = link.text in _DASHES and bool(doc[k - 1].whitespace_) and bool(link.whitespace_)
        dash = dash and ent.label_ in _NAME_LABELS and doc[k - 1].text[:1].isupper()
        if not dash and (link.text not in _LINK_WORDS or not (doc[k - 1].is_title or doc[k - 1].is_upper)):
            continue
        if not (doc[k + 1].is_title or doc[k + 1].is_upper or doc[k + 1].like_num):
            continue
        if link.text == "to" and (doc[k - 1].lower_ in ORG_HEADS or doc[k + 1].tag_ == "VB"):
            continue
        start = ent.start + (doc[ent.start].lower_ == "the")
        if start >= k:
            return []
        rest = Span(doc, k + 1, ent.end, label=ent.label_)
        return [Span(doc, start, k, label=ent.label_), *(_split_at_link(doc, rest) or [rest])]
    return []


def _after_place(doc: Doc, ent: Span) -> list[Span]:
    """ "Edinburgh's Napier University", "Bristol's Old Vic Theatre School": NER read a place's
    possessive and the body or building it has as one name. A town or county of the places
    list (uk_places) or a city or region the gazetteer knows before the possessive is the
    place, and the capitalised words after it the name. Not a state: NER keeps a state's
    possessive apart from the body after it ("Britain's Royal Mail", "Japan's Toyota"), so
    one inside its name is the name's ("Guernsey's Auction House", an auctioneer). Empty
    when not split."""
    if ent.label_ not in ("ORG", "FAC"):
        return []
    start = ent.start + (doc[ent.start].lower_ == "the")
    for k in range(start + 1, min(ent.end - 1, start + 4)):
        if doc[k].text not in POSSESSIVES:
            continue
        place = doc[start:k]
        if not all(t.is_title for t in place) or not is_place_name(place.text, states=False):
            return []
        if not (doc[k + 1].is_title or doc[k + 1].is_upper):
            return []
        return [Span(doc, start, k, label="GPE"), Span(doc, k + 1, ent.end, label=ent.label_)]
    return []


def is_place_name(text: str, states: bool = True) -> bool:
    """A town or county of the places list, or a place (or, with `states`, a state) the gazetteer knows."""
    if text.lower() in UK_PLACES:
        return True
    entry = load_gazetteer().by_alias(text)
    kinds = ("city:", "location:", "country:") if states else ("city:", "location:")
    return entry is not None and entry.entity_id.startswith(kinds)


# Lower-case words that join two names but are no part of one (_split_at_link).
_LINK_WORDS = frozenset({"to", "or", "v", "v.", "vs", "vs.", "versus"})
_DASHES = frozenset({"-", "\u2013", "\u2014"})
# NER labels of names (not of dates, amounts or titles) that a spaced dash splits.
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})


def _club_name(doc: Doc, ent: Span) -> Span | None:
    """ "Sheffield United", "Dynamo Kiev": a place NER tagged alone, modifying the untagged
    proper noun after it, is part of that name (a club, company or station)."""
    if ent.label_ not in ("GPE", "LOC") or len(ent) != 1 or ent.end >= len(doc) or _title_cased(ent.sent):
        return None
    head = ent[0].head
    if ent[0].dep_ != "compound" or head.i != ent.end or not _is_name_word(doc, head.i):
        return None
    if head.i + 1 < len(doc) and doc[head.i + 1].tag_ in ("NNP", "NNPS") and doc[head.i + 1].is_title:
        return None  # a longer run: leave it to NER
    return Span(doc, ent.start, head.i + 1, label="ORG")


def _joined_by_and(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Public and Commercial Services Union", "Department for Education and Skills": NER
    split one body's name at "and"; joined again when the first part is one word or holds
    "for"/"of", and the second ends in a body's head noun or is one word after such a part,
    or when a bracketed acronym after them spells both ("the Virginia Department of Game and
    Inland Fisheries (VDGIF)"); a body "of" a place, "and" one more place, is one body too."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if _split_at_and(doc, prev, ent) and prev.label_ == ent.label_ == "ORG":
            linked = any(t.lower_ in ("for", "of") for t in prev)
            headed = ent[-1].lower_ in ORG_HEADS
            whole = (len(prev) == 1 and headed) or (linked and (headed or len(ent) == 1))
            if whole:
                out[-1] = Span(doc, prev.start, ent.end, label="ORG")
                continue
        if _spelt_by_initials(doc, prev, ent) or _second_place_of_body(doc, prev, ent):
            out[-1] = Span(doc, prev.start, ent.end, label="ORG")
            continue
        if _one_constituency(doc, prev, ent):
            out[-1] = Span(doc, prev.start, ent.end, label="GPE")
            continue
        k = ent.start - 2
        if (
            ent.label_ == "ORG"
            and ent[-1].lower_ in ORG_HEADS
            and k >= 0
            and doc[k + 1].lower_ == "and"
            and not doc[k].ent_type_
            and doc[k].is_title
            and doc[k].tag_ in ("NNP", "NNPS")
            and (prev is None or prev.end <= k)
        ):
            ent = Span(doc, k, ent.end, label="ORG")  # "Public", "Standards" (plural) left untagged
        out.append(ent)
    return out


def _split_at_and(doc: Doc, prev: Span | None, ent: Span) -> bool:
    """`prev` ends right before "and" and `ent` begins right after it, in one sentence."""
    return (
        prev is not None
        and ent.start == prev.end + 1
        and doc[prev.end].lower_ == "and"
        and prev.sent == ent.sent
    )


def _spelt_by_initials(doc: Doc, prev: Span | None, ent: Span) -> bool:
    """ "the Virginia Department of Game and Inland Fisheries (VDGIF)": two NER bodies
    split at "and" are one where the bracketed acronym right after spells both."""
    if not _split_at_and(doc, prev, ent) or not prev.label_ == ent.label_ == "ORG":
        return False
    return _initials_follow(doc, prev.start, ent.end)


def _second_place_of_body(doc: Doc, prev: Span | None, ent: Span) -> bool:
    """ "the Police Federation of England and Wales": a body NER ended at "of <place>", then
    "and" and one place word, both places of one country: the body's name covers both."""
    return (
        _split_at_and(doc, prev, ent)
        and prev.label_ == "ORG"
        and ent.label_ in ("GPE", "LOC")
        and len(ent) == 1
        and len(prev) >= 3
        and prev[-2].lower_ == "of"
        and prev[-1].text[:1].isupper()
        and not _known_body(prev)
        and _places_of_one_country(prev[-1:], ent)
    )


def _one_constituency(doc: Doc, prev: Span | None, ent: Span) -> bool:
    """ "the MP for Sittingbourne and Sheppey", "the constituency of Bethnal Green and Bow":
    two names NER split at "and", right after one member's "for" (constituency_nouns, in the
    singular) or a constituency's "of", are one constituency's name, a LOCATION (eval/GUIDE.md);
    "MPs for Leeds and York" may name two seats and is left be."""
    if not _split_at_and(doc, prev, ent) or prev.label_ not in _SEAT_LABELS or ent.label_ not in _SEAT_LABELS:
        return False
    if len(ent) > 1 and ent[0].lower_ in GIVEN_NAMES:
        return False  # "the MP for Brent and Ken Livingstone": a seat, then a person
    if prev.start < 2 or ent.end < len(doc) and doc[ent.end].lower_ == "and":
        return False
    before, noun = doc[prev.start - 1].lower_, doc[prev.start - 2].lower_
    member = before == "for" and noun in CONSTITUENCY_NOUNS and not noun.endswith("s")
    return member or before == "of" and noun == "constituency"


# NER types a constituency's names as people as often as places ("Sleaford", "North Hykeham")
_SEAT_LABELS = ("GPE", "LOC", "PERSON", "FAC")


def _known_body(body: Span) -> bool:
    """ "the Bank of England": a body the gazetteer knows whole ends at its own place."""
    words = body[1:] if body[0].lower_ == "the" else body
    return load_gazetteer().by_alias(words.text) is not None


def _places_of_one_country(first: Span, second: Span) -> bool:
    """ "England and Wales": two places the gazetteer knows, of one country, neither a
    country itself; "London and Paris", "England and Germany" are two names."""
    gaz = load_gazetteer()
    entries = [gaz.by_alias(first.text), gaz.by_alias(second.text)]
    if any(e is None or e.entity_id.startswith("country:") or e.entity_type != "LOCATION" for e in entries):
        return False
    return entries[0].country_iso3 is not None and entries[0].country_iso3 == entries[1].country_iso3


def _initials_follow(doc: Doc, start: int, end: int) -> bool:
    """ "(VDGIF)" right after "Virginia Department of Game and Inland Fisheries": the capitals
    of a bracketed acronym are the initials of the capitalised words of the whole span."""
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return False
    acronym = doc[end + 1].text
    initials = "".join(t.text[0] for t in doc[start:end] if t.text[:1].isupper() and t.lower_ != "the")
    return len(acronym) >= 3 and acronym.isupper() and acronym.isalpha() and acronym == initials


def _title_cased(sent: Span) -> bool:
    """A headline-style sentence ("Russian FM Hosts Fresh Talks"): capitals say nothing
    about names there, so NER spans in it are no evidence of a longer name."""
    words = [t for t in sent if t.is_alpha and len(t) > 3 and not t.is_stop]
    return len(words) >= 2 and all(t.is_title or t.is_upper for t in words)


def _as_entity(doc: Doc, match: Span) -> Span:
    return Span(doc, match.start, match.end, label=match.label_, span_id=match.id_)


def _may_carve(doc: Doc, container: Span, match: Span, matches: list[Span]) -> bool:
    """Whether a gazetteer match may break the longer NER span around it (module doc)."""
    words = _title_words()
    known = {i for m in matches for i in range(m.start, m.end)}  # "Yerevan, Azerbaijani": two known names
    tokens = [t for t in container if t.i not in known]
    end = container.end
    while end < len(doc) and not doc[end - 1].whitespace_ and "-" in (doc[end - 1].text, doc[end].text):
        # "Co-" of "Co-Chairman", cut there by NER
        if end not in known:
            tokens.append(doc[end])
        end += 1
    others = _glued_words(tokens)
    if others and all(
        w in words
        or w in PLACE_QUALIFIERS
        or w in POSSESSIVES
        or w == "the"
        or w.strip("-") in _PREFIXES
        or not any(c.isalnum() for c in w)
        for w in others
    ) or not others:
        return True  # "Russian Foreign Ministry", "Azerbaijani authorities", "Central London"
    if container.label_ != "PERSON" or match.start != container.start:
        return False
    if match.label_ in ("NORP", "ORG"):
        return True  # "Tory Liam Fox": a party or demonym never starts a person's name
    after = doc[match.end]
    return after.text in POSSESSIVES or after.lower_ in words


def _glued_words(tokens: list) -> list[str]:
    """Lower-case words, tokens written without a space between them joined ("co-chairman")."""
    words: list[str] = []
    previous = None
    for t in tokens:
        if previous is not None and previous.i + 1 == t.i and not previous.whitespace_ and words:
            words[-1] += t.lower_
        else:
            words.append(t.lower_)
        previous = t
    return words


def _person_rest(doc: Doc, container: Span, match: Span) -> Span | None:
    """What is left of a PERSON span once its leading affiliation is carved off."""
    if container.label_ != "PERSON" or match.start != container.start:
        return None
    start = match.end
    while start < container.end and (doc[start].text in POSSESSIVES or doc[start].lower_ in _title_words()):
        start += 1
    if start >= container.end or not doc[start].text[:1].isupper():
        return None
    return Span(doc, start, container.end, label="PERSON")


def _is_name_word(doc: Doc, i: int) -> bool:
    token = doc[i]
    return (
        token.tag_ in ("NNP", "NNPS")
        and token.is_title
        and token.is_alpha
        and not token.ent_type_
        and token.lower_ not in _title_words()
        and token.lower_ not in PLACE_QUALIFIERS
        and token.lower_ not in GEO_FEATURES
        and (token.lower_ not in _CALENDAR or i == 0 or doc[i - 1].text[:1].isupper())
        and not (token.is_sent_start and i + 1 < len(doc) and not doc[i + 1].text[:1].isupper())
    )


def _word_inside_body(doc: Doc, container: Span, match: Span) -> bool:
    """A known body's one-word name inside a longer NER name, with capitalised words of that
    name on both sides ("the Syrian Democratic Forces", "the Christian Democratic Union"), is
    a word of the other body's name, headline or not."""
    return (
        match.label_ == "ORG"
        and len(match) == 1
        and container.start < match.start
        and match.end < container.end
        and doc[match.start - 1].is_title
        and (doc[match.end].is_title or doc[match.end].text == "-")
    )


def _word_of_untagged_body(doc: Doc, match: Span) -> bool:
    """ "the Christian Democratic Union", "the Syrian Democratic Forces", "Schroeder's Social
    Democrat-Green Party": a known body's one-word name that NER tagged alone or not at all, between a
    capitalised word (no entity, or a people's adjective) that opens no sentence and a
    capitalised word or hyphen, is a word of another body's name, not the known body; not
    "Senate Democratic leader", "House Republicans" (the word before is a body of its own),
    "New Labour has" (no name goes on after it) or a headline's capitals."""
    if match.label_ != "ORG" or len(match) != 1 or match.start == 0 or match.end >= len(doc):
        return False
    prev, after = doc[match.start - 1], doc[match.end]
    if _title_cased(match.sent) or not (after.is_title or after.text == "-") or after.sent != match.sent:
        return False
    return (
        prev.is_title
        and prev.is_alpha
        and prev.ent_type_ in ("", "NORP")
        and prev.pos_ in ("ADJ", "PROPN")
        and not prev.is_sent_start
        and prev.lower_ not in HONORIFICS
    )


def _untagged_name_around(doc: Doc, match: Span) -> Span | None:
    """ "Radio Romania", "Sheffield Wednesday" left untagged by NER: the gazetteer's word
    inside a longer run of capitalised proper nouns is part of that name. The run is
    typed ORG (a club, station or company named after a place), and only when the match
    is a place or country (a known organisation keeps its own name)."""
    if match.label_ not in ("GPE", "LOC") or len(match) != 1:
        return None
    start, end = match.start, match.end
    while start > 0 and _is_name_word(doc, start - 1) and doc[start - 1].sent == match.sent:
        start -= 1
    while end < len(doc) and _is_name_word(doc, end) and doc[end].sent == match.sent:
        end += 1
    if (start, end) == (match.start, match.end):
        return None
    if end > match.end and start == match.start and doc[end - 1].tag_ != "NNP":
        return None
    return Span(doc, start, end, label="ORG")
