"""People and places NER left untagged.

"called on Mr Clarke", "Tory Liam Fox", "Michael Howard is to make a pitch": a given name or
honorific and capitalised proper nouns are a person; "in Halifax as well as St. John's and
Gander": a proper noun listed with a tagged place is a place. These scan the whole doc
rather than type an NER span, so they are a source of their own beside the NER typing.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.nlp.mentions.article_words import capitalised_common_noun, lowered_words, word_positions
from pipeline.nlp.mentions.context import Candidate, MentionContext, ents_covering
from pipeline.nlp.mentions.kinds import seat_of_a_member
from pipeline.nlp.mentions.people import person
from pipeline.nlp.mentions.post_words import post_word
from pipeline.nlp.mentions.vocabulary import (
    GIVEN_NAMES,
    HONORIFICS,
    KEPT_TITLES,
    MEMBER_TITLES,
    ORG_HEADS,
    SETTLEMENT_NOUNS,
    UK_PLACES,
    WORLD_GIVEN_NAMES,
)
from pipeline.nlp.syntax import POSSESSIVES
from pipeline.nlp.token_view import view_of


def untagged_names(mc: MentionContext) -> list[Candidate]:
    """Names NER left untagged: "called on Mr Clarke", "Princess Marguerite of Romania" (a
    royal title before a given name: `_royal_title`), and "Tory Liam Fox" once the ruler took
    "Tory" (a party or demonym, then two capitalised words)."""
    doc, out = mc.doc, []
    view = view_of(doc)
    honorifics = view.once("honorifics", lambda: [i for i, word in enumerate(view.lower) if word in HONORIFICS])
    for i in sorted({*honorifics, *view.tagged("NNP")}):  # neither honorific nor affiliated below: none else
        if view.ent_type[i] or not view.text[i][:1].isupper():
            continue
        honorific = view.lower[i] in HONORIFICS or _royal_title(view, i)
        # after a name the ruler found (its IOB 3 "B" or 1 "I"), told on the view
        affiliated = i > 0 and view.ent_id[i - 1] and view.ent_iob[i - 1] in (1, 3) and view.tag[i] == "NNP"
        if not (honorific or affiliated):
            continue
        token = doc[i]
        j = token.i + 1 if honorific else token.i
        end = j
        while (
            end < len(doc)
            and end - j < 3
            and doc[end].tag_ == "NNP"
            and doc[end].is_title
            and not doc[end].ent_type_
            and doc[end].lower_ not in mc.role_words
            and doc[end].lower_ not in HONORIFICS
        ):
            end += 1
        if end == j or not mc.in_sections(token.i, end):
            continue
        if end < len(doc) and (doc[end].ent_type_ or doc[end].is_title and doc[end].is_alpha):
            continue  # the name goes on into something else
        if not honorific:
            if end - j != 2 or not doc[token.i - 1].ent_id_.startswith(("org:", "country:")):
                continue
            if any(t.lower_ in ORG_HEADS or t.is_stop for t in doc[j:end]) or token.is_sent_start:
                continue
        span = doc[token.i : end]
        if mc.gaz.by_alias(doc[j:end].text) or mc.gaz.demonym_country(doc[j:end].text):
            continue
        candidate = person(mc, span, "PERSON")
        if candidate is not None:
            out.append(replace(candidate, priority=0))
    return out


def _royal_title(view, i: int) -> bool:
    """A capitalised royal or religious title that stays part of a name ("Princess", "King",
    "Sheikh": kept_titles) right before a given name, as an honorific is: "Princess Marguerite
    of Romania", "ex-King Michael". Not after "the" or a possessive, where the title and name
    name a thing called after someone ("at the Prince Edward", "the Queen Mary liner"), nor
    before a lower-case noun the name describes."""
    if view.lower[i] not in KEPT_TITLES or i + 1 >= len(view.lower) or view.lower[i + 1] not in WORLD_GIVEN_NAMES:
        return False
    if i > 0 and (view.lower[i - 1] == "the" or view.tag[i - 1] == "POS"):
        return False
    after = i + 2
    return not (after < len(view.lower) and view.tag[after] in ("NN", "NNS"))


def untagged_given_names(mc: MentionContext) -> list[Candidate]:
    """ "Michael Howard is to make a pitch": a common given name and one or two capitalised
    proper nouns NER left untagged are a person's name."""
    doc, out = mc.doc, []
    view = view_of(doc)
    lowered = lowered_words(doc)
    for i in view.tagged("NNP"):
        if i == len(doc) - 1:
            break  # the last word starts no name of two
        if view.lower[i] not in GIVEN_NAMES or doc[i].ent_type_:
            continue
        before = doc[i - 1] if i > 0 else None
        joined = before is not None and (
            before.is_title and before.is_alpha and not doc[i].is_sent_start or bool(before.ent_type_)
        )
        if joined and not capitalised_common_noun(before, lowered) and not post_word(mc, before):
            continue  # part of a longer name; not after a post ("City Councillor Brian Parbutt")
        end = i + 1
        while end < len(doc) and end - i < 3 and _surname_word(mc, doc[end]):
            end += 1
        if end == i + 1 or not mc.in_sections(i, end) or mc.section[i] == "headline":
            continue
        if end < len(doc) and (doc[end].ent_type_ or doc[end].is_title and doc[end].is_alpha):
            continue  # the name goes on into something else
        span = doc[i:end]
        if mc.gaz.by_alias(span.text) or any(t.lower_ in ORG_HEADS for t in span):
            continue
        candidate = person(mc, span, "PERSON")
        if candidate is not None:
            out.append(replace(candidate, priority=0))
    return out


def _surname_word(mc: MentionContext, token) -> bool:
    return (
        token.tag_ == "NNP"
        and token.is_title
        and not token.ent_type_
        and token.lower_ not in mc.role_words
        and token.lower_ not in HONORIFICS
        and token.text.replace("-", "").replace("'", "").isalpha()
    )


def untagged_listed_places(mc: MentionContext) -> list[Candidate]:
    """ "sheltered in Halifax as well as St. John's and Gander in Newfoundland": one capitalised
    proper noun NER left untagged, joined by "and"/"or" to a place it tagged, is a place of the
    same list (not a word the article writes in lower case, nor a given name, nor one it writes
    elsewhere as the first word of a longer name no place's)."""
    doc, out = mc.doc, []
    view = view_of(doc)
    lowered = lowered_words(doc)
    for i in view.tagged("NNP"):
        if i == 0 or view.lower[i - 1] not in ("and", "or"):
            continue
        token = doc[i]
        if not _untagged_list_member(token, lowered) or token.head.ent_type_ not in ("GPE", "LOC"):
            continue
        if token.head.dep_ in ("compound", "nmod", "amod") and token.head.head.pos_ == "NOUN":
            continue  # "the England and Leicester cause": the list modifies a noun, teams or sides as likely
        if i + 1 < len(doc) and (doc[i + 1].ent_type_ or doc[i + 1].is_title or doc[i + 1].text in POSSESSIVES):
            continue  # the name goes on, or owns something
        if not _a_name_of_its_own(mc, i):
            continue
        out.append(Candidate(i, i + 1, "GPE", "LOCATION", "name", token.text, 0))
    return out


def untagged_listed_bodies(mc: MentionContext) -> list[Candidate]:
    """ "players made by Samsung, Rio and Creative", "include MCI, BT, Deutsche Telekom, Energis,
    NTT and many others": one capitalised proper noun NER left untagged, a conjunct of a list
    whose other names NER typed bodies (two at least) or places (a body's initials, "BT"), is
    a body of the same list; not a word the article writes in lower case, a given name, a
    name the gazetteer knows, nor one the name goes on from or that owns something."""
    doc, out = mc.doc, []
    view = view_of(doc)
    lowered = lowered_words(doc)
    for i in view.tagged("NNP"):
        token = doc[i]
        if i == 0 or not _untagged_list_member(token, lowered):
            continue
        if doc[i - 1].text not in (",", "and", "or"):
            continue  # "Kings And Queen": a capitalised "And" joins the words of a title
        if i + 1 < len(doc) and (
            doc[i + 1].ent_type_ or doc[i + 1].is_title or doc[i + 1].text in (*POSSESSIVES, "-", "–")
        ):
            continue  # the name goes on ("Stoke-on-Trent") or owns something
        others = [t for t in token.conjuncts if t.i != i and t.pos_ == "PROPN"]  # not "and many others"
        if not all(t.ent_type_ in _LISTED_WITH_BODIES for t in others):
            continue
        spans = [next(iter(ents_covering(doc, t.i))) for t in others]
        if any(span.start < t.left_edge.i for span, t in zip(spans, others, strict=True)):
            continue  # "the Secretary of State for Culture, Media and Sport": a name runs into the list
        if len({span.start for span, t in zip(spans, others, strict=True) if _a_body(mc, t)}) < 2:
            continue
        if not _a_name_of_its_own(mc, i):
            continue
        out.append(Candidate(i, i + 1, "ORG", "ORGANIZATION", "name", token.text, 0))
    return out


def _untagged_list_member(token, lowered: set[str]) -> bool:
    """A capitalised word NER left untagged, a conjunct of a list, that the article never
    writes in lower case and that is no given name: what the listed-name rules start from."""
    return (
        not token.ent_type_ and token.is_title and token.is_alpha and token.dep_ == "conj"
        and token.lower_ not in lowered and token.lower_ not in GIVEN_NAMES
    )


def _a_name_of_its_own(mc: MentionContext, i: int) -> bool:
    """The word at `i` is in the article's text sections, no alias the gazetteer knows (that
    rule types it), and not the first word of a longer name elsewhere ("the show Bethan and
    Huw in Wales" over "Huw Stephens has been …": a given name)."""
    return mc.in_sections(i, i + 1) and not mc.gaz.by_alias(mc.doc[i].text) and not _opens_a_name_elsewhere(mc.doc, i)


# the types NER gives the other names of a list of bodies: bodies, and the initials of a
# body it reads as a place ("MCI, BT, Deutsche Telekom": "BT" typed GPE)
_LISTED_WITH_BODIES = frozenset({"ORG", "GPE"})


def _a_body(mc: MentionContext, token) -> bool:
    """NER typed the token's name a body, and the gazetteer knows it as nothing else."""
    if not token.ent_type_:
        return False
    ent = next(iter(ents_covering(token.doc, token.i)), None)
    entry = mc.gaz.by_alias(ent.text) if ent is not None else None
    return token.ent_type_ == "ORG" if entry is None else entry.entity_type == "ORGANIZATION"


# prepositions whose object is where something is or happens ("in Cardiff", "cities including
# Cardiff"); not "to" or "from", whose object may be a team or a body dealt with
_WHERE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "around", "across", "throughout", "including"})


def untagged_known_places(mc: MentionContext) -> list[Candidate]:
    """ "protests in towns and cities including Cardiff, Bangor …", "on the picket line at
    Companies House, in Cardiff": one capitalised proper noun NER left untagged, a town or
    county of the places list (uk_places), as the object of a preposition of where
    something is, the end of a range from a place ("from the Llyn Peninsula to Pembrokeshire")
    or the name of a settlement noun ("the small Fife town of Kirkcaldy"), is that place (not
    a word the article writes in lower case, nor a given name, nor one word of a longer name)."""
    doc, out = mc.doc, []
    view = view_of(doc)
    lowered = lowered_words(doc)
    for i in view.tagged("NNP"):
        if i == 0 or view.lower[i] not in UK_PLACES or view.ent_type[i]:
            continue
        token = doc[i]
        if not token.is_title or not token.is_alpha:
            continue
        if not _said_to_be_where(token):
            continue
        if token.lower_ in lowered or token.lower_ in GIVEN_NAMES:
            continue
        if i + 1 < len(doc) and (doc[i + 1].ent_type_ or doc[i + 1].is_title or doc[i + 1].text in POSSESSIVES):
            continue  # the name goes on, or owns something
        if mc.in_sections(i, i + 1) and not mc.gaz.by_alias(token.text):
            out.append(Candidate(i, i + 1, "GPE", "LOCATION", "name", token.text, 0))
    return out


def _said_to_be_where(token) -> bool:
    """The clause says the word names where something is: it is the object of a preposition of
    where right before it ("in Cardiff"; "in central Cardiff" is left to the rules that read the
    words between), the end of a range that starts at a place NER typed ("from the Llyn
    Peninsula to Pembrokeshire"), or the name a settlement noun right after it is described by
    ("the small Fife town of Kirkcaldy", settlement_nouns)."""
    head = token.head
    if token.dep_ == "pobj" and head.i == token.i - 1:
        return head.lower_ in _WHERE_PREPOSITIONS or head.lower_ == "to" and _from_a_place(head)
    return token.dep_ in ("compound", "nmod", "amod") and head.i == token.i + 1 and head.lower_ in SETTLEMENT_NOUNS


def _from_a_place(to) -> bool:
    """ "to" hangs on a word that also takes "from" and a place NER typed: a range of places."""
    return any(
        prep.dep_ == "prep" and prep.lower_ == "from" and prep.i < to.i
        and any(obj.dep_ == "pobj" and obj.ent_type_ in ("GPE", "LOC") for obj in prep.children)
        for prep in to.head.children
    )  # fmt: skip


def untagged_owning_places(mc: MentionContext) -> list[Candidate]:
    """ "Later Birmingham's Sion Simon": one capitalised proper noun NER left untagged, a town
    or county of the places list (uk_places), owning a person NER found is where that person
    sits for or comes from, a place (a name the gazetteer knows is its ruler's)."""
    doc, out = mc.doc, []
    view = view_of(doc)
    for i in view.tagged("NNP"):
        if i >= len(doc) - 2:
            break
        if view.lower[i] not in UK_PLACES or view.text[i + 1] not in POSSESSIVES:
            continue
        token, owned = doc[i], doc[i + 2]
        if token.ent_type_ or not token.is_title or owned.ent_type_ != "PERSON" or owned.ent_iob_ != "B":
            continue
        if i > 0 and doc[i - 1].is_title and doc[i - 1].is_alpha and not doc[i - 1].is_sent_start:
            continue  # the name began before it
        if mc.in_sections(i, i + 1) and not mc.gaz.by_alias(token.text):
            out.append(Candidate(i, i + 1, "GPE", "LOCATION", "name", token.text, 0))
    return out


def untagged_members_seats(mc: MentionContext) -> list[Candidate]:
    """ "The Hartlepool MP said", "Glasgow MP Mohammad Sarwar", "the Ealing North MP": the
    capitalised proper nouns NER left untagged right before a member's title, a town or county
    of the places list and any compass words, are the member's seat, a place
    (`kinds.seat_of_a_member`; a name the gazetteer knows is its ruler's)."""
    doc, out = mc.doc, []
    view = view_of(doc)
    for end in range(1, len(doc)):
        if view.lower[end] not in MEMBER_TITLES:
            continue
        start = end
        while start > 0 and end - start < 3 and view.tag[start - 1] == "NNP" and not view.ent_type[start - 1]:
            start -= 1
        if start == end or not seat_of_a_member(doc, start, end) or mc.gaz.by_alias(view.span_text(start, end)):
            continue
        if start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha and not doc[start - 1].is_sent_start:
            continue  # the name began before it
        if mc.in_sections(start, end):
            out.append(Candidate(start, end, "GPE", "LOCATION", "name", view.span_text(start, end), 0))
    return out


def _opens_a_name_elsewhere(doc, i: int) -> bool:
    """Whether the article writes doc[i]'s word elsewhere before a capitalised name word, the
    two no place's name NER found ("Huw Stephens", against "Gander International Airport")."""
    return any(
        j + 1 < len(doc) and doc[j + 1].is_title and doc[j + 1].is_alpha and doc[j].ent_type_ in ("", "PERSON")
        for j in word_positions(doc)[view_of(doc).text[i]]
    )  # doc[i] itself never qualifies: the caller skips a word with a capitalised word after it
