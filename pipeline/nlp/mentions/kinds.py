"""Person, organisation or place: one type per name and article, decided by structure.

spaCy's NER types each occurrence of a name on its own and often disagrees with itself
("Yukos" PERSON in one sentence, ORG in the next; "Cusco" GPE, then PERSON). Here the
occurrences of a name the gazetteer does not know are pooled per article and typed by the
structure around them, strongest evidence first:

* a person: a title or honorific on the name ("Mr", "President", "analyst Vadim
  Mitroshin"), or a full name of two or more words whose surname the article uses alone;
* an organisation: the name in apposition to, or modifying, a noun that only bodies have
  ("oil company Yukos", "its unit, Yuganskneftegas", "Yukos shareholders", "Gazprom, the
  state-owned company"), or a one-word name listed with names NER typed organisations
  ("the GMB and Unison");
* a place: "<name>, <country>" ("Guayaquil, Ecuador"), or the object of a place
  preposition or of a motion verb ("at Cusco", "will visit Auschwitz"); the latter only
  for a name NER never typed ORG, as bodies too are worked "at" and invested "in".

With evidence for one type only, every occurrence of the name takes it; with none (or
conflicting evidence), NER's labels stand. The nouns are data:
`pipeline/knowledge/mentions.yaml` (`org_nouns`, `speaker_nouns`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from functools import cache

from spacy.tokens import Span, Token

from pipeline.nlp.gazetteer import load_gazetteer
from pipeline.nlp.mentions.article_words import title_case, word_positions, written_alone
from pipeline.nlp.mentions.context import Candidate, MentionContext
from pipeline.nlp.mentions.office_holders import load_office_holders
from pipeline.nlp.mentions.vocabulary import (
    BODY_POSTS,
    BUILDING_HEADS,
    COMPANY_POSSESSIONS,
    COMPASS_WORDS,
    CONSTITUENCY_NOUNS,
    EQUITY_NOUNS,
    EVENT_HEADS,
    FACILITY_HEADS,
    FIRM_WORDS,
    FIXTURE_WORDS,
    GROUP_OR_BODY_NOUNS,
    HONORIFICS,
    LAW_HEADS,
    MATCH_NOUNS,
    MATCH_VERBS,
    MEMBER_TITLES,
    MOTION_VERBS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ORG_HEADS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PLACE_SEAT_NOUNS,
    PLAYER_POSTS,
    POST_NOMINALS,
    REPORTING_VERBS,
    SEAT_NOUNS,
    SETTLEMENT_NOUNS,
    SIDE_POSTS,
    SPEAKER_NOUNS,
    SPOKES_NOUNS,
    STAFF_NOUNS,
    TITLE_NOUNS,
    TRADE_NOUNS,
    UK_PLACES,
    WORLD_GIVEN_NAMES,
    is_body_word,
)
from pipeline.nlp.syntax import POSSESSIVES, has_modal_aux
from pipeline.nlp.token_view import TokenView, view_of

SETTLED = ("PERSON", "ORGANIZATION", "LOCATION")
# what NER calls a work or product is often a person or company ("Manohla Dargis, film
# critic for …" WORK_OF_ART, "security firm F-Secure" PRODUCT); laws and events are left be
THINGS = ("WORK", "PRODUCT")
RULED = (*SETTLED, *THINGS)  # what a phrase rule's type of a name carries to NER's other occurrences
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "into", "across", "around", "to", "from"})
_PLACE_IDS = ("country:", "city:", "location:")
_LABEL = {"PERSON": "PERSON", "ORGANIZATION": "ORG", "LOCATION": "GPE", "PRODUCT": "PRODUCT", "WORK": "WORK_OF_ART"}
_PLURAL_TAGS = ("NNS", "NNPS")


def settle_types(mc: MentionContext, chosen: list[Candidate]) -> list[Candidate]:
    """Every NER-only occurrence of a name takes the one type its evidence supports."""
    by_name: dict[str, list[Candidate]] = defaultdict(list)
    for c in chosen:
        if c.gazetteer_id is None and c.priority <= 1 and c.entity_type in SETTLED + THINGS and c.kind == "name":
            by_name[c.name].append(c)
    if not by_name:
        return chosen
    # "Aceh province" (a phrase rule's place, named "Aceh"): what a stronger rule made of a name
    # in this article types NER's other occurrences of it, whatever evidence they seem to hold
    # ("the Cabir virus": a phrase rule's product makes "variants of Cabir" the program too)
    ruled = {c.name: c.entity_type for c in chosen if c.priority >= 3 and c.kind == "name" and c.entity_type in RULED}
    # a one-word title ("the film Munich", "the play Blair", "the film Alexander") is as
    # often the place or person it is named after ("shows Munich in 1972", "Blair was not
    # amused"): the work types only its own mention, and NER's other occurrences keep theirs
    ruled = {name: kind for name, kind in ruled.items() if kind != "WORK" or " " in name}
    surnames = {c.name.split()[-1] for c in chosen if c.entity_type == "PERSON" and len(c.name.split()) > 1}
    # "Mr Cable", "Chancellor Brown": a one-word name an honorific or title makes a person
    titled = {c.name for c in chosen if c.entity_type == "PERSON" and len(c.name.split()) == 1 and (c.gender or c.role)}
    # "the horror film White Noise ... Noise is a come-back attempt": a title's last word
    # alone is the work's short title, unless it is the surname of someone the article names
    # ("Mr Noise"), or the title is a person's name ("the film Michael Collins ... Collins
    # was an Irish leader": the surname alone is the person the work is named after)
    people = surnames | titled
    for c in chosen:
        words = c.name.split()
        if c.priority < 3 or c.kind != "name" or c.entity_type != "WORK" or len(words) < 2:
            continue  # only a phrase rule's title of several words
        short = words[-1]
        if short[:1].isupper() and short not in people and not shaped_like_a_name(words):
            ruled.setdefault(short, "WORK")
    decided: dict[str, str] = {}
    moved: dict[str, str] = {}  # names NER called a work or product, and what they are
    taken = _taken_tokens(mc, chosen)
    for name, occurrences in by_name.items():
        if name in ruled:
            decided[name] = ruled[name]
            continue
        evidence, things = set(), set()
        for c in occurrences:
            if c.entity_type in THINGS:
                things |= thing_evidence(mc, c)
            else:
                evidence |= _evidence(mc, c)
        if any(c.entity_type == "PERSON" for c in occurrences):
            for c in _untagged_occurrences(mc, occurrences[0], taken):
                evidence |= _evidence(mc, c) & _UNTAGGED_EVIDENCE
        evidence |= things
        if "PLACE?" in evidence:
            evidence.discard("PLACE?")
            # a place preposition or motion verb is weak: bodies too are traded "in" and people
            # written "to" ("go to Lynton Crosby, the Australian strategist"), so it counts only
            # where nothing in the structure says person or body
            if not evidence & {"PERSON", "ORGANIZATION"} and all(c.label != "ORG" for c in occurrences):
                evidence.add("LOCATION")
        if len(things) == 1 and (evidence == things or len(evidence) != 1):
            moved[name] = next(iter(things))  # a work or product moves only on its own evidence
        occurrences = [c for c in occurrences if c.entity_type in SETTLED]
        if not occurrences:
            continue
        if name in surnames or len(name.split()) > 1 and name.split()[-1] in surnames and "PERSON" in evidence:
            evidence.add("PERSON")
        parts = name.split()
        if 2 <= len(parts) <= 3 and parts[-1] in titled and all(w.isalpha() and w[:1].isupper() for w in parts):
            evidence.add("PERSON")  # "Vincent Cable" (typed ORG) where the article says "Mr Cable"
        if evidence <= {"LOCATION"} and known_place(name):
            decided[name] = "LOCATION"  # "Brighton nurse Marion Brown", "Manchester Gorton": the places list's vote
        elif len(evidence) == 1:
            decided[name] = evidence.pop()
        elif not evidence:
            decided.update(_most_often(name, occurrences))
    out = []
    for c in chosen:
        wanted = None
        if c.gazetteer_id is None and c.priority <= 1:
            wanted = moved.get(c.name) if c.entity_type in THINGS else decided.get(c.name)
        if wanted and wanted != c.entity_type and c.entity_type in SETTLED + THINGS:
            c = replace(c, entity_type=wanted, label=_LABEL[wanted], role=None if wanted != "PERSON" else c.role)
        out.append(c)
    return out


# what an occurrence NER left untagged may add to the evidence on a name typed a person (one
# NER PERSON label on a firm's name is spread to its other occurrences by `fix_person_names`,
# and NER often leaves the sentences that say "body" untagged): the structure of a body ("gas
# monopoly Gazprom", "Napster claims ... and says it also offers"). A person's or a place's
# evidence there is left out: a word NER did not take for a name is none by its shape or a
# preposition alone
_UNTAGGED_EVIDENCE = frozenset({"ORGANIZATION"})


def _taken_tokens(mc: MentionContext, chosen: list[Candidate]) -> frozenset[int]:
    """The tokens some candidate or NER entity already covers."""
    taken = {i for c in chosen for i in range(c.tok_start, c.tok_end)}
    taken.update(i for ent in view_of(mc.doc).ents for i in range(ent.start, ent.end))
    return frozenset(taken)


def _untagged_occurrences(mc: MentionContext, c: Candidate, taken: frozenset[int]) -> list[Candidate]:
    """ "Russia's newspapers claimed that Baikal was a front for gas monopoly Gazprom ... And
    Gazprom doesn't have this sort of money": NER tags a company's name in some sentences and
    not in others, and the sentences it skipped often hold what says it is a body. The other
    occurrences of the name, written alike as a whole name (no capitalised word runs on either
    side, none covered by a mention or an NER entity), in the sections that carry mentions, as
    candidates of the name's own type whose evidence the pool may read."""
    words = c.name.split()
    doc, view = mc.doc, view_of(mc.doc)
    n = len(words)
    found = []
    for i in word_positions(doc).get(words[0], ()):
        end = i + n
        if end > len(doc) or view.text[i:end] != words or any(k in taken for k in range(i, end)):
            continue
        if i > 0 and view.is_title[i - 1] and view.pos[i - 1] == "PROPN" and not view.sent_start[i]:
            continue  # "GW Pharma": the word ends a longer name
        if end < len(doc) and view.is_title[end] and view.pos[end] == "PROPN":
            continue  # "Napster To Go": the word opens a longer name
        if mc.in_sections(i, end):
            found.append(replace(c, tok_start=i, tok_end=end, label="", role=None, gender=None))
    return found


def _most_often(name: str, occurrences: list[Candidate]) -> dict[str, str]:
    """With no evidence, the type NER gave the name most often in the article ("Halifax"
    GPE twice, ORG once: a place); a tie decides nothing. Initials NER typed a body at least
    once ("BT") are that body, whatever else NER made of them, unless the places list knows them.
    A tie between a body and a place ("the anti-piracy force Atalanta said ... Atalanta said",
    ORG once, GPE once) is a body where the places list does not know the name: two entities
    of one name would be one wrong whatever it is, and the places NER reads both ways are the
    list's."""
    ranked = Counter(c.entity_type for c in occurrences).most_common(2)
    if len(ranked) == 2 and "ORGANIZATION" in dict(ranked) and _initials(name) and not known_place(name):
        return {name: "ORGANIZATION"}  # "BT" GPE seven times, ORG six: initials name a body, not a place
    if len(ranked) == 2 and ranked[0][1] > ranked[1][1]:
        return {name: ranked[0][0]}
    if len(ranked) == 2 and set(dict(ranked)) == {"ORGANIZATION", "LOCATION"} and not known_place(name):
        return {name: "ORGANIZATION"}
    return {}


def _initials(name: str) -> bool:
    """ "BT", "HSBC": capital letters only, as the short names of bodies are written (the
    places written so, "US", "UK", "UAE", are the gazetteer's)."""
    return 2 <= len(name) <= 6 and name.isalpha() and name.isupper()


def _names_joined(span: Span) -> bool:
    """ "Lord & Taylor", "Marks & Spencer": a capitalised name after an ampersand, as firms are
    named after their founders; one person's name holds none ("Mr & Mrs Smith" is two people
    by an honorific)."""
    return any(
        t.text == "&" and k + 1 < len(span) and span[k + 1].is_title and span[k + 1].lower_ not in HONORIFICS
        for k, t in enumerate(span)
    )


def _evidence(mc: MentionContext, c: Candidate) -> set[str]:
    doc = mc.doc
    words = c.name.split()
    last = words[-1].lower()
    body_word = is_body_word(last)
    if len(words) > 1 and body_word and words[-1][:1].isupper():
        return {"ORGANIZATION"}  # "Vivendi advisor Deutsche Bank": a name ending in a body's word is no person
    view = view_of(doc)
    root = _root(doc, c)
    styled = view.is_title[c.tok_start] and view.lower[c.tok_start] in HONORIFICS
    if styled and not _names_joined(doc[c.tok_start : c.tok_end]) and not _names_a_body(root):
        # "the title of Lord Kinnock of Bedwellty - his first constituency": a styled name; not
        # "Hon Hai Precision, the Taiwanese electronics maker": a body's noun in apposition
        return {"PERSON"}
    if _after_a_player_post(doc, c, words):
        return {"PERSON"}  # "plus France captain Fabien Pelous": the post says person, whatever else the clause does
    if _members_name_speaking(doc, c, words):
        return {"PERSON"}  # "Plaid Cymru's Elfyn Llwyd said" typed ORG: the body's member speaks
    if _members_seat(doc, c, words):
        return {"LOCATION"}  # "from Derby North's Bob Laxton": the member's constituency
    found = set()
    if c.role or c.gender:
        found.add("PERSON")
    place = known_place(c.name)
    name_shaped = shaped_like_a_name(words)
    before = view.lower[c.tok_start - 1] if c.tok_start > 0 else None  # the words either side, lower-cased
    if before is not None and (
        before in HONORIFICS
        or before in TITLE_NOUNS and not _titles_the_post_after(mc, c, root) and last not in ORG_HEADS
    ):
        found.add("PERSON")
    after = view.lower[c.tok_end] if c.tok_end < len(doc) else None
    if any(word is not None and word in FIXTURE_WORDS for word in (before, after)):
        return {"ORGANIZATION"}  # "Liverpool v. Bayer Leverkusen": the two sides of a match are clubs
    if len(words) == 1 and (_heads_a_side_post(root, after) or _plural_side(root) or _side_in_a_match(root)):
        return {"ORGANIZATION"}  # "Chelsea boss Jose Mourinho", "Newcastle are languishing": the club
    # "a Manchester firm", "Norfolk farmer Tony Martin": a known place modifying a noun says
    # where the body or person is
    modifies = place and root.dep_ in ("compound", "nmod", "amod") and root.head.pos_ == "NOUN"
    if modifies:
        found.add("PLACE?")
    # "film maker Theo van Gogh", "the site's operator, Edward Webber"; not "drinks maker Pernod
    # Ricard", though NER typed it a person
    person_shaped = name_shaped or shaped_like_a_person(doc[c.tok_start : c.tok_end])
    if _names_a_body(root, person_shaped) and not modifies or _one_of_bodies(root) or _owns_its_object(root):
        found.add("ORGANIZATION")
    if _company_possession(root) or _its_customers(root) or _held_in(root):
        found.add("ORGANIZATION")
    if len(words) == 1 and (_reports_what_it_does(root) or spoken_for(root)):
        found.add("ORGANIZATION")
    if (len(words) == 1 or c.label == "ORG") and not place and _listed_with_bodies(root):
        # not "the line between Edinburgh and Tweedbank": a known town; a longer name only
        # where NER typed it a body too ("the Guardian Media Group, Trinity Mirror and the
        # Daily Mail & General Trust"), whatever given name it opens with
        found.add("ORGANIZATION")
    if not place and _employer(root):
        found.add("ORGANIZATION")
    if c.label == "ORG" and not place and _listed_with_people(doc, c, words):
        # "Cate Blanchett, Leonardo DiCaprio, Keanu Reeves and Richard Gere" with two of them typed ORG
        found.add("PERSON")
    # one word NER read as a person is as often the town the person is from ("Jack Straw of Blackburn")
    several = len(words) > 1 or c.label == "ORG"
    if not place and not person_shaped and several and c.label not in ("GPE", "LOC") and _a_persons_firm(root):
        found.add("ORGANIZATION")
    # "companies such as Adam Opel": given as an example of bodies, a name shaped like a
    # person's is a body too (nobody is an example of companies); right after the noun it may
    # be the noun's holder ("film makers Theo van Gogh")
    if not place and _included_in_bodies(root):
        found.add("ORGANIZATION")  # "Firms signing up include MCI, BT, Deutsche Telekom and Energis"
    if not place and (not person_shaped or _given_as_example(doc, root)) and _after_plural_body_noun(doc, root):
        found.add("ORGANIZATION")
    if not place and not person_shaped and c.label == "PERSON" and _a_countrys(doc, c):
        found.add("ORGANIZATION")
    if not place and not name_shaped and c.label not in ("GPE", "LOC") and _post_of_it(root):
        found.add("ORGANIZATION")
    if not place and _named_by_a_plural_post(mc, root):
        found.add("ORGANIZATION")
    if _names_the_post_after(doc, c, root):
        found.add("ORGANIZATION")  # "said Lance Friedmann, Kraft senior vice president"
    elif _in_apposition_to_a_post(mc, root) or _in_apposition_to_a_person(root) or _one_called(doc, c, root):
        found.add("PERSON")
    placed = _is_place(mc, c, root)
    if placed:
        found.add(placed)
    if name_shaped and not place and "ORGANIZATION" not in found:
        # not "Milton Keynes"; and a body's context ("casino operators …, Rank Group and
        # Stanley Leisure") outweighs the shape of a name
        found.add("PERSON")
    return found


def _members_seat(doc, c: Candidate, words: list[str]) -> bool:
    """ "from Derby North's Bob Laxton", "Leeds West's John Battle": a town's name and a compass
    word (compass_words), owning a person's name, is the seat the member holds, a place; no
    word of a body's name is in it ("BBC North's Nick Smith" is the broadcaster's reporter)."""
    if len(words) < 2 or words[-1].lower() not in COMPASS_WORDS or c.tok_end + 1 >= len(doc):
        return False
    if any(not w[:1].isupper() or is_body_word(w.lower()) or w.lower() in ORG_HEADS for w in words):
        return False
    owned = doc[c.tok_end + 1]
    return doc[c.tok_end].text in POSSESSIVES and owned.ent_type_ == "PERSON" and owned.ent_iob_ == "B"


def _members_name_speaking(doc, c: Candidate, words: list[str]) -> bool:
    """ "Plaid Cymru's Elfyn Llwyd said", "the SNP's Alex Salmond told": two or three
    capitalised words after the possessive of a body NER or the gazetteer named, as the
    subject of a reporting verb, are one of its members speaking (a body speaks as itself,
    not as the body's): no word of a body's name ends it."""
    if not 2 <= len(words) <= 3 or not all(_capitalised_word(w) for w in words):
        return False
    if any(w.lower() in ORG_HEADS or is_body_word(w.lower()) for w in words):
        return False
    k = c.tok_start
    if k < 2 or doc[k - 1].text not in POSSESSIVES or doc[k - 2].ent_type_ != "ORG":
        return False
    root = doc[c.tok_start : c.tok_end].root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in REPORTING_VERBS


def _after_a_player_post(doc, c: Candidate, words: list[str]) -> bool:
    """ "France captain Fabien Pelous", "France full-back Pepito Elhorga" typed ORG or GPE: a
    name of two or three capitalised words right after a lower-case word for a place in a
    team (player_posts, hyphenated ones whole) is the person who holds it; a body's word
    ending it ("coach operator National Express") keeps it a body."""
    if not 2 <= len(words) <= 3 or not all(_capitalised_word(w) for w in words):
        return False  # the name's own shape, tested before any token is read
    view, k = view_of(doc), c.tok_start
    j = k - 1
    while j > 0 and not view.spaced[j - 1] and (view.is_alpha[j - 1] or view.text[j - 1] == "-"):
        j -= 1  # "full-back": the tokens of one hyphenated word
    return (
        k > 0
        and all(view.is_lower[i] or view.text[i] == "-" for i in range(j, k))
        and view.pos[k - 1] != "VERB"
        and view.span_text(j, k).lower() in PLAYER_POSTS
        and not is_body_word(words[-1].lower())
    )


def _capitalised_word(word: str) -> bool:
    return word[:1].isupper() and word.replace("-", "").replace("'", "").isalpha()


def _titles_the_post_after(mc: MentionContext, c: Candidate, root: Token) -> bool:
    """ "a former Home Office minister", "Shadow Treasury chief secretary": a name modifying the
    post after it is the post's remit, and the title word before it ("former", "shadow")
    belongs to that post, not to the name; "the shadow Cabinet" is the body itself."""
    post = root.head
    return (
        root.dep_ in ("compound", "nmod", "amod")
        and post.i >= c.tok_end
        and (
            post.lower_ in mc.role_words
            or post.lower_ in TITLE_NOUNS
            or mc.gaz.match_role(post.text) is not None
            # "the former Yukos subsidiary": a body's noun after the name takes the title word too
            or _is(post, ORG_NOUNS)
            # "a former FBI agent", "former FBI man Jeffrey Royer": so does any common noun the
            # name modifies, written in lower case
            or post.pos_ == "NOUN" and post.is_lower
        )
    )


def _names_the_post_after(doc, c: Candidate, root: Token) -> bool:
    """ "said Lance Friedmann, Kraft senior vice president": the parser makes the name the
    apposition of the person before it and hangs the post on the name. A one-word name followed
    straight away by a post in apposition (a role or title noun, in lower case, only lower-case
    words between) modifies that post: it is the body the post belongs to, not its holder."""
    if c.tok_end - c.tok_start != 1:
        return False
    for post in _children(root, "appos")[:1]:
        between = doc[c.tok_end : post.i]
        if post.i >= c.tok_end and post.is_lower and all(t.is_lower and t.is_alpha for t in between):
            return _is(post, TITLE_NOUNS) or _is(post, BODY_POSTS)
    return False


def known_place(name: str) -> bool:
    """A town, city or county of the places list (uk_places), alone or as a constituency
    ("Nottingham North", "Leeds North West": the place and compass words)."""
    words = name.lower().split()
    k = len(words)
    while k > 1 and words[k - 1] in COMPASS_WORDS:
        k -= 1
    return " ".join(words[:k]) in UK_PLACES


def seat_of_a_member(doc, start: int, end: int) -> bool:
    """ "the Salford MP", "Glasgow MP Mohammad Sarwar", "the Bolton West MP": capitalised words
    naming a town or county of the places list (uk_places), with any compass words after it
    (`known_place`), right before a member's title are the seat the member holds, a place
    (eval/GUIDE.md: Gateshead, Westminster are LOCATIONs), whatever NER typed them or left
    untagged; a party's name there ("Labour MP", "Plaid MP") is on no places list."""
    if end >= len(doc) or start >= end or doc[end].lower_ not in MEMBER_TITLES or not doc[end].is_upper:
        return False
    return all(t.is_title and t.is_alpha for t in doc[start:end]) and known_place(doc[start:end].text)


_LAW_HEADS_OR_EVENT_HEADS = LAW_HEADS | EVENT_HEADS


def thing_evidence(mc: MentionContext, c: Candidate) -> set[str]:
    """What makes a name NER called a work or product a person, body or place: only what
    structure says, since songs and films are called after people and places ("Eleanor
    Rigby", "Munich"):

    * a person: a title or honorific before it, or a post in apposition ("Manohla Dargis,
      film critic for the New York Times"; "Simon Yates, a senior analyst for Forrester");
    * a body: a body's noun in apposition or as its modifier ("security firm F-Secure"), or
      what only bodies do ("cut its output", "Ambev's shares"); not a body's word ending the
      name alone ("… Party", "… Society"), which titles of reports and campaigns end in too,
      unless the name's possessive has a post ("the Scottish Green Party's health spokeswoman");
    * a person or body: the subject of a reporting verb ("…, Telegraph said"), which a work
      or product never is; a person when the name has a person's shape, else a body.

    A place only as a member's seat: one word of the places list before a member's title ("the
    Salford MP", `seat_of_a_member`); any other "place" reading of a work ("the
    Bicester Hunt in Oxfordshire", "MP for <garbled span>") is as often a body or a cut-up
    title. A post NER took for a work ("MPs", "the Queen", "Labour MSP") is a title, not a
    name, and takes nothing.
    """
    words = c.name.split()
    if words[-1].lower() in _LAW_HEADS_OR_EVENT_HEADS:
        return set()  # "the Gershon Report", "the Gambling Bill": a document or an occasion
    doc = mc.doc
    root = _root(doc, c)
    if seat_of_a_member(doc, c.tok_start, c.tok_end):
        return {"LOCATION"}
    if is_body_word(words[-1].lower()) and _posts_possessor(mc, root):
        return {"ORGANIZATION"}  # "The Scottish Green Party's health spokeswoman": a report has no staff
    if words[-1].lower() in TITLE_NOUNS | mc.role_words or mc.gaz.match_role(c.name):
        return set()
    found = set()
    before = doc[c.tok_start - 1] if c.tok_start > 0 else None
    if c.role or c.gender or (before is not None and (before.lower_ in HONORIFICS or before.lower_ in TITLE_NOUNS)):
        found.add("PERSON")

    if _in_apposition_to_a_post(mc, root, near=(c.tok_start, c.tok_end)):
        found.add("PERSON")
    if _names_a_body(root) or _owns_its_object(root) or _company_possession(root) or _its_customers(root):
        found.add("ORGANIZATION")
    if _names_staff_of_it(root):
        found.add("ORGANIZATION")  # "Citigroup Global Markets analyst Kyle Cooper" NER typed a work
    if not found and root.dep_ == "nsubj" and root.head.lemma_.lower() in REPORTING_VERBS:
        found.add("PERSON" if shaped_like_a_name(words) else "ORGANIZATION")
    return found


_TITLE_NOUNS_OR_BODY_POSTS_OR_SPOKES_NOUNS = TITLE_NOUNS | BODY_POSTS | SPOKES_NOUNS


def _posts_possessor(mc: MentionContext, root: Token) -> bool:
    """ "The Scottish Green Party's health spokeswoman", "the Liberal Party's leader": a name
    whose possessive modifies a post (a role, title noun or body's post) has people in it,
    which no report, campaign or other work has."""
    if root.dep_ != "poss":
        return False
    post = root.head
    return _is(post, _TITLE_NOUNS_OR_BODY_POSTS_OR_SPOKES_NOUNS) or mc.gaz.match_role(post.text) is not None


def shaped_like_a_person(span: Span) -> bool:
    """ "J. Allard", "Dominique de Villepin", "Guy Mansfield QC" typed ORG: initials before a
    surname, a lower-case name particle between capitalised names, or post-nominal letters
    after them, and no word of a body's name."""
    words = [t for t in span if t.is_alpha or t.text.endswith(".")]
    if len(words) < 2 or any(t.lower_ in ORG_HEADS for t in span):
        return False
    if len(words) >= 3 and words[-1].is_upper and words[-1].lower_ in POST_NOMINALS:
        return all(t.is_title for t in words[:-1])  # "Guy Mansfield QC": letters only a person's name takes
    first = words[0].text
    if len(first) >= 2 and first.endswith(".") and all(len(p) == 1 and p.isupper() for p in first[:-1].split(".")):
        # "the U.S. Corps of Engineers": a country's dotted abbreviation is no person's initials
        return words[-1].is_title and not _country_initials(first)
    middle = words[1:-1]
    return (
        len(words) == 3
        and words[0].is_title
        and words[-1].is_title
        and all(t.is_lower and t.lower_ in NAME_PARTICLES for t in middle)
    )


def _country_initials(text: str) -> bool:
    entry = load_gazetteer().by_alias(text)
    return entry is not None and entry.entity_id.startswith("country:")


def shaped_like_a_name(words: list[str]) -> bool:
    """ "Robert Zoellick", "Jo Flaherty", "Armando Guebuza": a given name (of many countries),
    then one or two capitalised words none of which a body's, site's or place's name ends in
    ("Atticus Capital", "Victoria Station"); a generational suffix after them is the
    person's too ("William Henry Gates III"). A given name is never written in capitals:
    "RAF Fairford", "ITV Wales" open with a body's initials, not with "Raf" or "Itv"."""
    if len(words) > 2 and words[-1].lower() in NAME_SUFFIXES and words[-1][:1].isupper():
        words = words[:-1]
    return (
        2 <= len(words) <= 3
        and words[0].lower() in WORLD_GIVEN_NAMES
        and not (len(words[0]) > 1 and words[0].isupper())
        and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words[1:])
        and not any(w.lower() in _NO_PERSON_ENDS or is_body_word(w.lower()) for w in words[1:])
    )


# words that end a body's, firm's, site's or building's name and no person's
_NO_PERSON_ENDS = ORG_HEADS | FIRM_WORDS | FACILITY_HEADS | BUILDING_HEADS


def _children(token: Token, dep: str) -> list[Token]:
    """`token`'s children with dependency `dep`, in order: told on the token view, a Token made
    only for those (the evidence rules ask for a name's appositions, compounds and conjuncts
    at every occurrence of every name)."""
    view = view_of(token.doc)
    return [token.doc[j] for j in view.children(token.i) if view.dep[j] == dep]


def _heads_a_side_post(root: Token, after: str | None) -> bool:
    """ "Chelsea boss Jose Mourinho", "the Southampton manager": a one-word name modifying the
    post in a sports side (side_posts) right after it is the side."""
    return after in SIDE_POSTS and root.dep_ in ("compound", "nmod") and root.head.i == root.i + 1


# the forms of a verb that agree with a plural subject, as British usage writes a side's
_PLURAL_VERB_FORMS = frozenset({"are", "were", "have"})


def _plural_side(root: Token) -> bool:
    """ "If Chelsea are interested", "why Newcastle are languishing", "Newcastle were well
    beaten": a singular proper name, the subject alone (no names coordinated with it), of a verb
    in the plural, active or passive, is a side (news writes a team in the plural), not a town,
    which takes the singular ("Newcastle was flooded")."""
    if root.tag_ != "NNP" or root.dep_ not in ("nsubj", "nsubjpass") or any(c.dep_ == "conj" for c in root.children):
        return False
    verb = root.head
    forms = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i > root.i]
    return any(t.lower_ in _PLURAL_VERB_FORMS and t.i > root.i for t in forms)


def _side_in_a_match(root: Token) -> bool:
    """ "Chelsea beat Newcastle", "beaten by Bolton", "the win against Leeds": a name that
    beats or is beaten (match_verbs: subject, object or agent), or that a match is played
    against (match_nouns before "against"), is a side; a town is never beaten, nor a game
    won against it."""
    head = root.head
    if root.dep_ in ("nsubj", "dobj") and head.pos_ == "VERB":
        return head.lemma_ in MATCH_VERBS
    if root.dep_ != "pobj" or head.lower_ not in ("against", "by"):
        return False
    ruler = head.head
    if head.lower_ == "by":
        return head.dep_ == "agent" and ruler.lemma_ in MATCH_VERBS
    return ruler.lemma_ in MATCH_NOUNS or ruler.pos_ == "VERB" and ruler.lemma_ in MATCH_VERBS


def _root(doc, c: Candidate) -> Token:
    span = doc[c.tok_start : c.tok_end]
    return span.root


# the nouns of org_nouns no person plies as a trade (not trade_nouns)
_BODY_ONLY_NOUNS = ORG_NOUNS - TRADE_NOUNS


_SPEAKER_NOUNS_OR_ORG_NOUNS = SPEAKER_NOUNS | ORG_NOUNS


def _names_a_body(root: Token, person_shaped: bool = False) -> bool:
    """ "oil company Yukos", "its unit, Yuganskneftegas", "Yukos shareholders". A name shaped
    like a person's beside a noun of a trade (trade_nouns: "film maker Theo van Gogh", "the
    site's operator, Edward Webber") is the person who plies it."""
    nouns = _BODY_ONLY_NOUNS if person_shaped else ORG_NOUNS
    head = root.head
    if root.dep_ == "appos" and _is(head, nouns):
        return True
    # the one right after the name, unless a name it is "of", "from" or "at" comes between ("said
    # Paul Hofheinz of the Lisbon Council, a Brussels-based citizen action group": the group is
    # the council, though the parser hangs it on the person)
    appositions = [child for child in _children(root, "appos") if not _named_between(root, child)][:1]
    compounds = _children(root, "compound")
    # "blog analysis firm Technorati": the parser may read the noun as an adjective of the name
    compounds += [
        child for child in _children(root, "amod")
        if child.i < root.i and all(t.pos_ == "PROPN" for t in root.doc[child.i + 1 : root.i])
    ]
    if any(_is(child, nouns) for child in appositions + compounds):
        # "its unit, Yuganskneftegas"; "oil company Yukos" (the noun a compound of the name); not
        # "Lisa Power, head of policy at Aids charity …", where the parser hangs "charity" on the name too
        return True
    if any(_one_of_the(child) for child in appositions) or any(_based(child) for child in root.lefts):
        return True
    # "a firm called Baikal"; not "a shadowy group known as Meibion Glyndwr", maybe no body
    named = noun_naming(root)
    if named is not None and _is(named, nouns) and not _is(named, GROUP_OR_BODY_NOUNS):
        return True
    # "Yukos shareholders", "the Kommersant newspaper" (which the parser may read as an adjective)
    return bool(root.dep_ in ("compound", "nmod", "amod") and _is(head, _SPEAKER_NOUNS_OR_ORG_NOUNS))


# the verbs that give a name to the noun they hang on ("a firm called Baikal", "a test named X")
NAMING_VERBS = frozenset({"call", "name", "dub"})


def noun_naming(root: Token) -> Token | None:
    """The noun a name is given to by "called", "named", "dubbed" or "known as" hung on it
    ("a previously unknown firm called Baikal", "a shadowy group known as Meibion Glyndwr"),
    or None."""
    verb = root.head
    if root.dep_ == "pobj" and verb.lower_ == "as" and verb.dep_ == "prep":
        verb = verb.head
        if verb.lower_ != "known":
            return None
    elif root.dep_ not in ("oprd", "dobj", "attr") or verb.lemma_.lower() not in NAMING_VERBS:
        return None
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.i > root.i or verb.head.i > verb.i:
        return None
    return verb.head


def _named_between(root: Token, apposition: Token) -> bool:
    """A preposition of the name's ("of", "from", "at") whose object is a proper name, between
    the name and its apposition: the apposition describes that nearer name."""
    return any(
        prep.dep_ == "prep"
        and root.i < prep.i < apposition.i
        and prep.lower_ in _AFFILIATION_PREPOSITIONS
        and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in prep.children)
        for prep in root.children
    )


_AFFILIATION_PREPOSITIONS = frozenset({"of", "from", "at"})


def _post_of_it(root: Token) -> bool:
    """ "Yukos chief executive Steven Theede", "former Yukos boss Mikhail Khodorkovsky", "Paul
    Myers, chief executive of Wippit": a name modifying a singular post (body_posts) after it,
    or the "of" phrase of one, names the body the post belongs to."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.i < head.i:
        post = head.head
        return post.tag_ not in _PLURAL_TAGS and _is(post, BODY_POSTS)
    return (
        root.dep_ in ("compound", "nmod", "amod")
        and head.i > root.i
        and head.tag_ not in _PLURAL_TAGS
        and _is(head, BODY_POSTS)
    )


def _one_of_the(noun: Token) -> bool:
    """ "Ubisoft, one of Europe's biggest video game publishers", "Seibu Railways, one of his
    companies": "one of" a body's plural noun (org_nouns) in apposition says the name is one."""
    return noun.lower_ == "one" and any(
        prep.lower_ == "of" and any(obj.dep_ == "pobj" and _is(obj, ORG_NOUNS) for obj in prep.children)
        for prep in noun.children
    )


def _based(modifier: Token) -> bool:
    """ "Santa Monica-based Activison": a name said to be based somewhere is a body; people
    are "London-based lawyers", the post between."""
    return modifier.dep_ == "amod" and modifier.lower_ == "based"


def _one_of_bodies(root: Token) -> bool:
    """ "casino operators London Clubs International, Rank Group and Stanley Leisure": a name
    listed after a body's noun (org_nouns) that modifies the list's first name is one of
    those bodies."""
    first = _first_conjunct(root)
    return first.i != root.i and any(_is(c, ORG_NOUNS) for c in _children(first, "compound"))


def _company_possession(root: Token) -> bool:
    """ "Circuit City's shares", "BA's profits", "Oracle's chief executive Larry Ellison": a
    name whose possessive modifies what only a company has (the post may be a compound of
    the holder's name the parser made the head)."""
    if root.dep_ != "poss":
        return False
    head = root.head
    if _is(head, COMPANY_POSSESSIONS):
        return True
    return any(
        c.dep_ == "compound" and root.i < c.i < head.i and c.lower_ == "executive" and _is(c, COMPANY_POSSESSIONS)
        for c in head.children
    )


def _held_in(root: Token) -> bool:
    """ "Shares in Marconi fell", "a stake in Alstom": the object of the "in" of a holding
    (equity_nouns) is a firm. Not where a name before the holding already says whose it is
    ("Pernod shares in Milan slipped"): its "in" is then the market the shares trade in."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "in" or prep.head.i == prep.i or not _is(prep.head, EQUITY_NOUNS):
        return False
    return not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in prep.head.children)


def _its_customers(root: Token) -> bool:
    """ "BT is keen to provide extra services to its broadband customers": the subject of a
    clause that speaks of "its" customers, shares or profits (company_possessions) is a
    body, not the place NER took it for; "its" inside a clause with a subject of its own
    belongs to that subject."""
    if root.dep_ != "nsubj":
        return False
    verb = root.head
    lower = view_of(verb.doc).lower  # the subtree lies within its edges: no "its" there, no Token made
    if "its" not in lower[verb.left_edge.i : verb.right_edge.i + 1]:
        return False
    for token in verb.subtree:
        if token.lower_ != "its" or token.dep_ != "poss" or not _is(token.head, COMPANY_POSSESSIONS):
            continue
        if _own_subject_between(token.head, verb) is None:
            return True
    return False


def _own_subject_between(token: Token, verb: Token) -> Token | None:
    """The first clause head from `token` up to (not including) `verb` with a subject of its own."""
    node = token
    while node.i != verb.i and node.head.i != node.i:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return node
        node = node.head
    return None


def _reports_what_it_does(root: Token) -> bool:
    """ "Diageo said it expects to get approval", "Pernod said
    it was seeking acquisitions": a one-word name reporting, of itself as "it", what it does
    (a verb other than "be", with no modal) is a body; "Mr Brown said it was a breakthrough"
    and "Smith said it would help" say nothing of the speaker. A reporting verb joined to the
    name's own verb shares its subject ("Napster claims the price is fair and says it also
    offers a cheaper service")."""
    if root.dep_ != "nsubj":
        return False
    verbs = [root.head, *(v for v in _children(root.head, "conj") if not _children(v, "nsubj"))]
    reporting = [verb for verb in verbs if verb.lemma_.lower() in REPORTING_VERBS]
    clauses = [c for verb in reporting for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    for clause in clauses:
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        if not subjects or subjects[0].lower_ != "it" or clause.pos_ != "VERB" or clause.lemma_.lower() == "be":
            continue
        if has_modal_aux(clause):
            continue
        return True
    return False


def spoken_for(root: Token) -> bool:
    """ "said Rachel Harker, spokeswoman for Hypertag": the one word a spokesperson speaks for
    is a body (a person spoken for is "Mr Prescott", or a surname the article gives in full)."""
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "for" and prep.head.lemma_.lower() in SPOKES_NOUNS


def _employer(root: Token) -> bool:
    """ "Nick Turner, analyst at brokers Jefferies", "an economist at Natexis Banques
    Populaires": the name after "at"/"with" of an analyst or economist (staff_nouns) is the
    firm they work for, past a describing noun ("brokers", "brokerage"); so is a name
    modifying such a noun that names its holder ("Citigroup Global Markets analyst Kyle Cooper")."""
    head = root.head
    if _names_staff_of_it(root):
        return True
    if root.dep_ == "appos" and head.dep_ == "pobj" and head.pos_ == "NOUN" and head.i == root.i - 1:
        root, head = head, head.head  # "at brokers Jefferies": the parser makes the name the noun's apposition
    elif root.dep_ == "compound" or head.pos_ == "NOUN" and head.i == root.i - 1 and root.dep_ != "pobj":
        return False
    if root.dep_ != "pobj" or head.lower_ not in ("at", "with"):
        return False
    return head.head.lemma_.lower() in STAFF_NOUNS


def _a_persons_firm(root: Token) -> bool:
    """ "analyst Mike Powell of Dresdner Kleinwort Wasserstein", "said Einar Bjorgo from
    Unosat": a name after "of" or "from" that hangs on a person's full name (a given name and
    a surname NER found, no honorific: not "Lord Faulkner of Worcester") is the body the
    person belongs to; the caller leaves out places ("John Smith of London") and names
    shaped like a person's."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("of", "from") or prep.i > root.i:
        return False
    holder = prep.head
    if holder.ent_type_ != "PERSON" or holder.i != prep.i - 1:
        return False
    start = _entity_start(holder)
    first = holder.doc[start]
    return holder.i > start and first.lower_ in WORLD_GIVEN_NAMES and first.is_title


def _after_plural_body_noun(doc, root: Token) -> bool:
    """ "technology firms Earthlink and Webroot", "rival banks HSBC and Barclays": names listed
    right after a plural noun only bodies are (firms, banks, unions) are such bodies, however
    the parser hangs them (it may make the first the apposition of a noun before)."""
    first = _first_conjunct(root)
    k = _entity_start(first) - 1
    # "companies such as Dell", "firms including Alcatel", "rivals like BT": the names given
    # as examples of the bodies (past a comma before the example word: "banks, such as HSBC")
    example = _example_words(doc, k)
    if example:
        k -= example
        if k >= 0 and doc[k].text == ",":
            k -= 1
    return k >= 0 and doc[k].tag_ == "NNS" and doc[k].lemma_.lower() in _BODY_ONLY_NOUNS


def _included_in_bodies(root: Token) -> bool:
    """ "Firms signing up for the system include MCI, BT and Energis", "Its clients include
    Tesco": the names a plural noun only bodies are includes (the object of "include", or a
    name listed with it) are such bodies."""
    first = _first_conjunct(root)
    verb = first.head
    if first.dep_ != "dobj" or verb.lemma_.lower() != "include" or verb.i > first.i:
        return False
    # "Firms signing up … include": the parser may hang "include" on the participle as its conjunct
    holders = [*verb.children, *(verb.head.children if verb.dep_ == "conj" and verb.head.i < verb.i else ())]
    return any(c.dep_ == "nsubj" and c.tag_ == "NNS" and c.lemma_.lower() in _BODY_ONLY_NOUNS for c in holders)


def _given_as_example(doc, root: Token) -> bool:
    """The name's list opens after "such as", "including" or "like" (see `_after_plural_body_noun`)."""
    return _example_words(doc, _entity_start(_first_conjunct(root)) - 1) > 0


def _example_words(doc, k: int) -> int:
    """How many words ending at `k` introduce examples: "such as" 2, "including" or "like" 1,
    else 0."""
    if k >= 1 and doc[k].lower_ == "as" and doc[k - 1].lower_ == "such":
        return 2
    return 1 if k >= 0 and doc[k].lower_ in ("including", "like") else 0


def _first_conjunct(token: Token) -> Token:
    """The first name of the list `token` is a later conjunct of ("Klin" for "Perm" in "Klin,
    Ivanovo and Perm"); the token itself when it opens no list."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def _a_countrys(doc, c: Candidate) -> bool:
    """ "Brazil's Petrobras", "Argentina's Enarsa", "Japan's Suzuki" typed a person: a name
    with no given name first, right after a country's possessive, is one of its firms or
    bodies; a person so placed is written with a given name ("Spain's Pedro Almodovar"), and
    one the article styles elsewhere ("Mr Putin") holds a person's evidence too, so NER's
    type stands."""
    k = c.tok_start
    return (
        k >= 2
        and doc[k - 1].text in POSSESSIVES
        and doc[k - 2].ent_id_.startswith("country:")
        and c.name.split()[0].lower() not in WORLD_GIVEN_NAMES
        and c.name.split()[-1].lower() not in _holder_surnames()  # "Russia's Putin": a leader by surname
        and not _surname_written_alone(doc, c)
    )


def _surname_written_alone(doc, c: Candidate) -> bool:
    """ "Spain's Albert Montanes ... Montanes advanced", "Britain's Kelly Holmes ... Holmes
    said": a name of two or three words whose last word the article also writes on its own is
    a person it goes on to call by surname, whatever the given-name lists know of the first
    word; a firm is cut to its first word ("Pernod Ricard ... Pernod"), not its last."""
    words = c.name.split()
    return 2 <= len(words) <= 3 and written_alone(doc, doc[c.tok_start : c.tok_end], [words[-1]], title_case)


@cache
def _holder_surnames() -> frozenset[str]:
    """The surnames of the heads of state and government and ministers office_holders.yaml lists."""
    return frozenset(
        name.split()[-1].lower() for term in load_office_holders() for name in (term.person, *term.names) if name
    )


def _names_staff_of_it(root: Token) -> bool:
    """ "Citigroup Global Markets analyst Kyle Cooper", "Barclays Capital economist Tim Bond": a
    name modifying a staff noun (staff_nouns) which itself modifies a person's name NER found
    is the firm the person works for; not "analyst Kyle Cooper" alone, nor "City analysts"
    with no person named (a place or a market as often as a firm)."""
    staff = root.head
    if root.dep_ not in ("compound", "nmod") or staff.i <= root.i or staff.lemma_.lower() not in STAFF_NOUNS:
        return False
    holder = staff.head
    return staff.dep_ == "compound" and holder.i > staff.i and holder.ent_type_ == "PERSON"


def _listed_with_bodies(root: Token) -> bool:
    """ "Along with the GMB and Unison, …": a one-word name coordinated with a name NER
    typed an organisation, and with no place or person in the list, is one too."""
    members, others = _list_members(root)
    if not others or len(members) > 6:
        return False
    return any(t.ent_type_ == "ORG" for t in others) and not any(
        t.ent_type_ in ("GPE", "LOC", "PERSON", "NORP") or t.ent_id_.startswith(_PLACE_IDS) for t in others
    )


def _listed_with_people(doc, c: Candidate, words: list[str]) -> bool:
    """ "stars including Cate Blanchett, Leonardo DiCaprio, Keanu Reeves and Richard Gere": two or
    three capitalised words, none a body's, firm's, site's or building's last word, listed with
    two or more names NER typed people and with no name of any other kind (other than one NER
    typed a body that is shaped the same), are a person's name like theirs, whatever NER typed
    them."""
    if not _plain_name_words(words) or not _between_list_members(doc, c):
        return False
    members, others = _list_members(_root(doc, c))
    if len(members) > 8 or sum(t.ent_type_ == "PERSON" for t in others) < 2:
        return False
    # another name of the list NER typed a body counts only where it is shaped the same
    return all(
        not t.ent_id_ and (t.ent_type_ == "PERSON" or t.ent_type_ == "ORG" and _plain_name_words(_ent_words(t)))
        for t in others
    )


def _between_list_members(doc, c: Candidate) -> bool:
    """The name written as a list's member: after a comma or "and", or before "and" or a comma and
    a name NER typed a person (not "outside the Kodak Theatre, including Johnny Depp")."""
    if c.tok_start > 0 and doc[c.tok_start - 1].lower_ in (",", "and"):
        return True
    if c.tok_end < len(doc) and doc[c.tok_end].lower_ == "and":
        return True
    return c.tok_end + 1 < len(doc) and doc[c.tok_end].text == "," and doc[c.tok_end + 1].ent_type_ == "PERSON"


def _plain_name_words(words: list[str]) -> bool:
    """Two or three capitalised words (not in capitals), none a body's, firm's, site's or
    building's last word."""
    if not 2 <= len(words) <= 3 or not all(w.isalpha() and w[:1].isupper() and not w.isupper() for w in words):
        return False
    return not any(w.lower() in _NO_PERSON_ENDS or is_body_word(w.lower()) for w in words)


def _ent_words(token: Token) -> list[str]:
    """The words of the NER entity the token ends."""
    return [t.text for t in token.doc[_entity_start(token) : token.i + 1]]


def _list_members(root: Token) -> tuple[list[Token], list[Token]]:
    """The conjuncts of the list the name is in (itself among them), and those of them
    outside the name's own entity: not a "conjunct" inside it ("Edward Webber &mdash;"
    tagged as one). Found once per root token: the body and the place rules both ask it of
    each occurrence of a name."""
    view = view_of(root.doc)
    return view.once("list_members", lambda: _find_list_members(view, root), key=root.i)


def _find_list_members(view: TokenView, root: Token) -> tuple[list[Token], list[Token]]:
    first = _first_conjunct(root)
    members = [first]
    if first.i in _conjunct_heads(view):  # the subtree walked (a Token each) only where it holds one
        members += [t for t in first.subtree if t.dep_ == "conj" and t.head.i >= first.i and t.i != first.i]
    own = _entity_start(root)
    return members, [t for t in members if t.i != root.i and _entity_start(t) != own]


def _conjunct_heads(view: TokenView) -> frozenset[int]:
    """The tokens that have some "conj" token below them (among its heads, read up the head
    column), found once per doc: `subtree` yields no conjunct under any other token. Each
    conjunct's heads are walked up to one already found, so the doc's chains are read once."""

    def heads_of_conjuncts() -> frozenset[int]:
        head, found = view.head, set()
        for j, dep in enumerate(view.dep):
            if dep != "conj":
                continue
            k = head[j]
            while k != j and k not in found:  # a root is its own head
                found.add(k)
                j, k = k, head[k]
        return frozenset(found)

    return view.once("conjunct heads", heads_of_conjuncts)


def _entity_start(token: Token) -> int:
    """Where the NER entity the token is inside begins (the token itself outside any)."""
    i, iob = token.i, view_of(token.doc).ent_iob
    while iob[i] == 1 and i > 0:  # 1: "I"
        i -= 1
    return i


def _owns_its_object(root: Token) -> bool:
    """ "Energis also did its own intelligence work", "Yukos cut its output": the subject
    of a verb whose object is "its" something is a body, not a person."""
    if root.dep_ != "nsubj":
        return False
    return any(g.lower_ == "its" for o in _children(root.head, "dobj") for g in _children(o, "poss"))


def _in_apposition_to_a_post(mc: MentionContext, root: Token, near: tuple[int, int] | None = None) -> bool:
    """ "The Scottish National Party's Holyrood leader, Nicola Sturgeon": a name in
    apposition with a post a person holds, on either side, is that person. With `near`
    (the name's tokens), only a post within a few words of the name counts: "writer of the
    longest-running weblog on the net, Scripting News" hangs the blog on the writer."""
    posts = _appositive_posts(root)
    if near is not None:
        posts = [p for p in posts if near[0] - 4 <= p.i < near[1] + 4]
    if not _listed(root):
        posts = [p for p in posts if p.tag_ not in _PLURAL_TAGS]  # "advisers PricewaterhouseCoopers": a firm
    if any(
        post.pos_ == "NOUN" and not _is(post, ORG_NOUNS) and (_is(post, TITLE_NOUNS) or mc.gaz.match_role(post.text))
        for post in posts
    ):
        return True
    return root.dep_ == "appos" and _post_of_remit(mc, root.head)


def _appositive_posts(root: Token) -> list[Token]:
    """The nouns in apposition with a name, on either side (the first after it only)."""
    posts = [root.head] if root.dep_ == "appos" else []
    return posts + _children(root, "appos")[:1]


def _listed(root: Token) -> bool:
    """A name that is one of a list of names ("barristers - Nicholas Blake QC, Andrew Nicol and
    …"); not one joined to a common noun ("campaigners HACAN Clearskies and the London boroughs")."""
    if root.dep_ == "conj" and root.head.pos_ == "PROPN":
        return True
    return any(child.pos_ == "PROPN" for child in _children(root, "conj"))


def _named_by_a_plural_post(mc: MentionContext, root: Token) -> bool:
    """ "business advisers PricewaterhouseCoopers", "oil industry analysts Douglas-Westwood": a
    lone name in apposition with a plural post (title_nouns, roles) is the firm those people
    make up; one person is never "analysts", and a list of people ("chief executives Ken Lay
    and Jeff Skilling") is left to the other evidence."""
    if _listed(root):
        return False
    posts = _appositive_posts(root)
    return any(
        post.pos_ == "NOUN" and post.tag_ in _PLURAL_TAGS and (_is(post, TITLE_NOUNS) or mc.gaz.match_role(post.text))
        for post in posts
    )


def _one_called(doc, c: Candidate, root: Token) -> bool:
    """ "in the house of one Milan Deori": "one" before a name of two or more capitalised
    words, as that name's own determiner, introduces someone the reader does not know, a
    person ("one Ireland policy", "one UN official": "one" counts the noun after the name)."""
    if c.tok_start == 0 or c.tok_end - c.tok_start < 2 or root.pos_ != "PROPN":
        return False
    one = doc[c.tok_start - 1]
    if c.tok_end < len(doc) and doc[c.tok_end].pos_ in ("NOUN", "PROPN"):
        return False  # "one Manchester United player": the name modifies the noun "one" counts
    return one.lower_ == "one" and one.head.i == root.i and all(t.is_title for t in doc[c.tok_start : c.tok_end])


def _in_apposition_to_a_person(root: Token) -> bool:
    """ "his brother Mukesh", "India's richest man Azim Premji", "Rousseff, his wife": a name in
    apposition with a noun only a person is (person_nouns), on either side."""
    nouns = [root.head] if root.dep_ == "appos" else []
    nouns += _children(root, "appos")[:1]
    return any(noun.pos_ == "NOUN" and _is(noun, PERSON_NOUNS) for noun in nouns)


_ORG_NOUNS_OR_ORG_HEADS = ORG_NOUNS | ORG_HEADS


def _post_of_remit(mc: MentionContext, remit: Token) -> bool:
    """ "The outgoing European Commissioner for Trade, Pascal Lamy": the parser hangs the name
    on the post's remit ("Trade"); the post before "for"/"of" is then the one in apposition."""
    prep = remit.head
    if remit.dep_ != "pobj" or prep.lower_ not in ("for", "of") or prep.head.i >= prep.i:
        return False
    post = prep.head
    return post.is_title and not _is(post, _ORG_NOUNS_OR_ORG_HEADS) and mc.gaz.match_role(post.text) is not None


def _is(token: Token, words: frozenset[str]) -> bool:
    return token.lower_ in words or token.lemma_.lower() in words


def _is_place(mc: MentionContext, c: Candidate, root: Token) -> str | None:
    """ "Guayaquil, Ecuador" (LOCATION); "at Cusco", "visit Auschwitz" ("PLACE?": a place
    unless NER ever typed the name ORG)."""
    doc, view = mc.doc, view_of(mc.doc)
    after = c.tok_end
    place = after + 1  # not ", in <place>": bodies too are "in" places ("Amnesty, in London, said")
    if (
        place < len(doc)
        and view.text[after] == ","
        and (view.ent_id[place].startswith(_PLACE_IDS) or _county_after(doc, place))
        and view.dep[place] not in ("nsubj", "nsubjpass")  # "… of the Google knol, Wales predicted"
        and not (after + 2 < len(doc) and view.text[after + 2] in POSSESSIVES)  # "Unison, Britain's biggest union"
    ):
        return "LOCATION"  # "Hatfield, Hertfordshire", "Woodhill, Milton Keynes"
    if _after_a_place(doc, c) or _listed_with_places(root):
        return "LOCATION"  # "the speech in Chatham, Kent"; "visits Leicester, Somerset and Torbay"
    # the one right after the name, unless a name it is "of", "from" or "at" comes between ("said
    # Paul Hofheinz of the Lisbon Council, a Brussels-based citizen action group": the group is
    # the council, though the parser hangs it on the person)
    appositions = [child for child in _children(root, "appos") if not _named_between(root, child)][:1]
    if root.dep_ == "appos" and root.head.i < root.i:
        appositions.append(root.head)  # "the town, Shashamane"
    if any(_is(noun, SETTLEMENT_NOUNS) for noun in appositions):
        return "LOCATION"  # "Halifax (the largest city in Canada's Atlantic provinces)"
    first = _first_conjunct(root)  # "the districts of Dhubri, Mangaldoi and Nagaon"
    if first.i != root.i and first.dep_ == "appos" and first.head.i < first.i and _is(first.head, SETTLEMENT_NOUNS):
        return "LOCATION"  # "eight Russian cities - Klin, Ivanovo, …, Perm and Novocheboksarsk"
    if first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.lower_ in PLACE_SEAT_NOUNS:
        return "LOCATION"  # "the town of Shashamane", "the seat of Dewsbury"
    if first.dep_ == "pobj" and _hometown_of(first.head) and not any(t.dep_ == "det" for t in first.children):
        # "Bob Wellington, of Torfaen, said"; not "George Muir, of the Association …"; a name
        # of several words NER typed a body and no places list holds may be the person's firm
        # ("David Page, of Investec Securities")
        firm = c.label == "ORG" and len(c.name.split()) > 1 and not known_place(c.name)
        return "PLACE?" if firm else "LOCATION"
    if first.dep_ == "pobj" and first.head.lower_ == "for" and first.head.head.lower_ in CONSTITUENCY_NOUNS:
        return "LOCATION"  # "the MP for Sittingbourne and Sheppey"
    if root.dep_ == "compound" and root.head.lower_ in SEAT_NOUNS:
        return "LOCATION"  # "the Torfaen constituency", "the Dewsbury seat"
    if root.dep_ == "compound" and root.head.lower_ in CONSTITUENCY_NOUNS:
        # "the Salford MP" (a town of the places list: the seat), unless NER took the name for a
        # body ("the Veritas candidate")
        return "LOCATION" if seat_of_a_member(doc, c.tok_start, c.tok_end) else "PLACE?"
    if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS:
        verb = root.head.head  # "held at Cusco", "go to Auschwitz"; not "shares in Yukos"
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        if any(noun.pos_ == "NOUN" and noun.i > root.i for noun in appositions):
            return None  # "go to Lynton Crosby, the Australian strategist": the apposition says what it is
        if root.head.lower_ not in ("to", "from") or verb.lemma_.lower() in MOTION_VERBS | {"go", "travel", "come"}:
            return "PLACE?"
        return None
    if root.dep_ == "dobj" and root.head.lemma_.lower() in MOTION_VERBS:
        return "PLACE?"
    return None


def _county_after(doc, k: int) -> bool:
    """ "from Hartpury, Gloucestershire, said", "from Ledbury, Herefordshire": one capitalised
    word of the places list (uk_places) the gazetteer does not hold, ending its phrase, after
    the name and a comma, says where the place the name is lies, as a gazetteer place does;
    not a longer name it opens ("Kent County Council")."""
    after = doc[k + 1] if k + 1 < len(doc) else None
    return doc[k].is_title and known_place(doc[k].text) and (after is None or after.is_punct)


def _is_placed(token: Token) -> bool:
    """A token of a place: the gazetteer's city or region, or a name NER typed GPE or LOC."""
    return token.ent_id_.startswith(("city:", "location:")) or not token.ent_id_ and token.ent_type_ in ("GPE", "LOC")


def _after_a_place(doc, c: Candidate) -> bool:
    """ "the speech in Chatham, Kent.", "Woodhill, Milton Keynes, was": a name right after
    "<town>," that ends there is the county or town that place lies in, not a person NER
    took it for. Not after a country ("In Britain, Blair said") and not a clause's subject."""
    k = c.tok_start
    if k < 2 or view_of(doc).text[k - 1] != "," or not _is_placed(doc[k - 2]) or not doc[k].is_title:
        return False
    after = doc[c.tok_end] if c.tok_end < len(doc) else None
    if after is not None and not (after.is_punct and after.text not in ("'s", "’s")):
        return False
    root = doc[c.tok_start : c.tok_end].root
    # in apposition, or the parser's conjunct that ends a chain: "Blinkx, Copernic, Enfish …" is a list
    return root.dep_ == "appos" or root.dep_ == "conj" and not any(t.dep_ == "conj" for t in root.children)


def _listed_with_places(root: Token) -> bool:
    """ "he visits Manchester, Liverpool, Leicester, Somerset, Basingstoke, Dorset and Torbay":
    a name listed only with proper names, at least two of them and half of them places, is a
    place too (NER types each member on its own, "Manchester" a person there)."""
    members, others = _list_members(root)
    places = [t for t in others if _is_placed(t) or t.ent_id_.startswith("country:")]
    if len(places) < 2 or 2 * len(places) < len(others) or len(members) > 12:
        return False
    return all(t.pos_ == "PROPN" for t in others)


def _hometown_of(prep: Token) -> bool:
    """ "Bob Wellington, of Torfaen, said", "Mr Betts-Green, of Woodbridge, Suffolk": "of"
    opening a parenthesis after a person's name gives where the person is from."""
    doc = prep.doc
    if prep.lower_ != "of" or prep.i < 2 or doc[prep.i - 1].text != ",":
        return False
    before = doc[prep.i - 2]
    if before.like_num and prep.i >= 4 and doc[prep.i - 3].text == ",":
        before = doc[prep.i - 4]  # "Leslie Gray, 43, of Tuxford"
    return before.ent_type_ == "PERSON" and prep.head.ent_type_ == "PERSON"
