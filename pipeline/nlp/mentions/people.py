"""People and their titles: a person's name cut from what NER glued to it, surnames NER
mistyped, and the role and country a title before or after the name gives.

"President Ilham Aliyev" is the person Ilham Aliyev with role President; "Lavrov" typed
ORG is the person once the article names Sergei Lavrov; "Armenian Foreign Minister
Ararat Mirzoyan" gives role and country ARM; a title's own words ("State" in "Secretary
of State") are no entity of their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Span

from pipeline.nlp.mentions.context import (
    UNRESOLVED,
    Candidate,
    MentionContext,
    clean_spaces,
    is_role_variant,
    overlaps_any,
    with_candidates,
)
from pipeline.nlp.mentions.kinds import seat_of_a_member
from pipeline.nlp.mentions.vocabulary import (
    CONSTITUENCY_NOUNS,
    HONORIFICS,
    KEPT_TITLES,
    NAME_PARTICLES,
    ORG_NOUNS,
    PLACEHOLDER_NAMES,
    POST_NOMINALS,
    SEAT_NOUNS,
    TITLE_MODIFIERS,
    TITLE_NOUNS,
    WORLD_GIVEN_NAMES,
)
from pipeline.nlp.names import is_epithet
from pipeline.nlp.quotes.cues import BODY_NOUNS, SPEECH_VERBS
from pipeline.nlp.syntax import POSSESSIVES
from pipeline.nlp.token_view import TokenView, view_of

# Words that join the parts of a title ("Secretary of State for Defence"); never its ends.
TITLE_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "-", "in"})


_TITLE_NOUNS_OR_CONSTITUENCY_NOUNS = TITLE_NOUNS | CONSTITUENCY_NOUNS


def is_bare_title(mc: MentionContext, span: Span) -> bool:
    """A span that is nothing but a title ("Cardinal", "Home Secretary") names no body."""
    if len(span) == 1 and span[0].lower_.endswith("s") and span[0].lower_ in _TITLE_NOUNS_OR_CONSTITUENCY_NOUNS:
        return True  # "MPs", "MEPs" typed PERSON or ORG: holders of a post, no one named
    lower = view_of(mc.doc).lower
    if not all(lower[k] in mc.role_words for k in range(span.start, span.end)):
        return False
    return is_role_variant(mc.gaz, span.text)


def starts_title(mc: MentionContext, start: int, end: int) -> bool:
    """ "Home" in "the Home Secretary's plans", "Treasury" in "Treasury Secretary John Snow",
    "Trade and Industry" in "the Trade and Industry Secretary has said": words NER took for a
    body that, with the capitalised post words after them, are exactly a title (roles.yaml),
    no body of their own. Several words must all be title words and name no body the
    gazetteer knows ("Home Office" before "Minister" stays the Home Office)."""
    doc, view = mc.doc, view_of(mc.doc)
    if end - start != 1 and (
        any(view.lower[k] not in mc.role_words or view.ent_id[k] for k in range(start, end))
        or mc.gaz.by_alias(view.span_text(start, end))
    ):
        return False
    for stop in range(end + 1, min(end + 3, len(doc)) + 1):
        if not all(view.is_title[k] and view.lower[k] in mc.role_words for k in range(end, stop)):
            break
        phrase = view.span_text(start, stop)
        if is_role_variant(mc.gaz, phrase):
            return True
    return False


def completes_title(mc: MentionContext, start: int, end: int) -> bool:
    """ "Canterbury" in "Archbishop of Canterbury": the words belong to a title."""
    doc = mc.doc
    if start < 2 or doc[start - 1].lower_ != "of":
        return False
    k = start - 2
    while k > 0 and doc[k - 1].lower_ in mc.role_words and doc[k - 1].text[:1].isupper() and start - k < 4:
        k -= 1
    for s in range(k, start - 1):
        phrase = " ".join(view_of(doc).text[s:end])
        if is_role_variant(mc.gaz, phrase):
            return True
    return False


def titled_name(mc: MentionContext, start: int, end: int) -> Span | None:
    """ "Cardinal Cormac Murphy-O'Connor" with the surname typed ORG: a title, then
    capitalised untagged words, then the span make one person's name."""
    doc, view = mc.doc, view_of(mc.doc)
    if any(view.lower[k] in mc.role_words or not (view.is_title[k] or not view.is_alpha[k]) for k in range(start, end)):
        return None
    text = view.span_text(start, end)
    if mc.gaz.by_alias(text) or mc.gaz.demonym_country(text):
        return None
    k = start
    while (
        k > 0
        and start - k < 3
        and doc[k - 1].is_title
        and doc[k - 1].tag_ == "NNP"
        and not doc[k - 1].ent_type_
        and doc[k - 1].lower_ not in mc.role_words
        and doc[k - 1].lower_ not in HONORIFICS
    ):
        k -= 1
    if k == 0 or mc.section[k - 1] != mc.section[start]:
        return None
    before = doc[k - 1]
    if before.ent_type_:
        return None
    if not before.text[:1].isupper():
        # "South African president Thabo Mbeki" typed GPE: a lower-case post right before
        # a name of two capitalised words
        two_words = k == start and end - start == 2 and all(t.is_alpha for t in doc[start:end])
        post = before.lower_ in TITLE_NOUNS or mc.gaz.match_role(before.text) is not None
        return doc[start:end] if two_words and post else None
    if before.lower_ in HONORIFICS or before.lower_ in KEPT_TITLES:
        return doc[k - 1 : end]
    if before.lower_ in mc.role_words and mc.gaz.match_role(before.text) is not None and k < start:
        return doc[k - 1 : end]
    if before.lower_ in mc.role_words and mc.gaz.match_role(before.text) is not None and two_names(doc[start:end]):
        return doc[start:end]  # "South African President Thabo Mbeki" typed GPE: the post names a person
    return None


def _given_name_left_out(mc: MentionContext, span: Span) -> bool:
    """ "appointed Shi'a Adel Abdul Mahdi", "Cameroon's Sable Batie took the lead": a capitalised
    proper noun NER left untagged right before a person's name, a given name of the world's
    (world_given_names) that the parser attaches to the name, opening no sentence, is the
    name's first word."""
    if span.start == 0:
        return False
    before = mc.doc[span.start - 1]
    return (
        before.is_title
        and before.tag_ == "NNP"
        and not before.ent_type_
        and not before.is_sent_start
        and before.lower_ in WORLD_GIVEN_NAMES
        and before.lower_ not in mc.role_words
        and before.lower_ not in HONORIFICS
        and span.start <= before.head.i < span.end
        and mc.section[span.start - 1] == mc.section[span.start]
    )


def two_names(span: Span) -> bool:
    """A span of two or three capitalised words, as a given name and a surname are."""
    return 2 <= len(span) <= 3 and all(t.is_alpha and t.is_title for t in span)


def person(mc: MentionContext, span: Span, label: str) -> Candidate | None:
    """The person a span names, its title and honorific split off as the role and gender, or
    None when no name is left. Read on the token view, by index: the classification and the
    untagged-name passes ask it of every person they find."""
    view = view_of(mc.doc)
    lower, text = view.lower, view.text
    ks = list(range(span.start, span.end))
    gender = None
    while ks and lower[ks[0]] in HONORIFICS:
        gender = HONORIFICS[lower[ks[0]]] or gender
        ks = ks[1:]
    role = None
    # NER sometimes includes the title: "President Ilham Aliyev".
    for k in range(len(ks) - 1, 0, -1):
        head = ks[:k]
        if all(lower[j] in mc.role_words for j in head):
            found = mc.gaz.match_role(" ".join(text[j] for j in head))
            if found and not (k == len(ks) - 1 and lower[head[-1]] in KEPT_TITLES):
                role, ks = found.name, ks[k:]
                break
    while ks and (view.is_lower[ks[0]] or not _is_name_word(view, ks[0])) and not _is_initials(text[ks[0]]):
        ks = ks[1:]  # "a Hans Christian Andersen"; "C. Hooper" keeps its initial
    while len(ks) > 1 and is_epithet(text[ks[0]]):
        ks = ks[1:]  # "Crooked Hillary", "Lyin' Ted": an epithet is no part of the name
    while len(ks) > 2 and _describes_the_person(lower[ks[0]], lower[ks[1]]):
        ks = ks[1:]  # "Welshman Jimmy Watkins", "Olympian Andy Turner": where they are from, not who
    if len(ks) == 1 and is_epithet(text[ks[0]]):
        return None
    while (
        len(ks) > 1
        and lower[ks[0]] not in KEPT_TITLES
        and (lower[ks[0]] in TITLE_NOUNS or lower[ks[0]] in mc.role_words)
    ):
        ks = ks[1:]  # "Backbencher Stephen Pound"
    for k, j in enumerate(ks):  # "Bolton v Derby", "Luc Bondy for Cruel", "Mr Brown's Facility"
        if k and (
            lower[j] in ("v", "vs", "v.", "vs.", "versus", "/", ",")
            or text[j] in POSSESSIVES
            or view.is_lower[j]
            and view.is_alpha[j]
            and lower[j] not in NAME_PARTICLES
            and not view.inner_hyphen(ks[k - 1])
        ):
            ks = ks[:k] if lower[j] not in ("v", "vs", "v.", "vs.", "versus") else []
            break
    while ks and (view.is_punct[ks[-1]] or view.is_lower[ks[-1]] and not view.inner_hyphen(ks[-2:][0])):
        ks = ks[:-1]  # "Alan Milburn - the"; "Kim Yoon-man" stays whole
    while len(ks) > 2 and lower[ks[-1]] in POST_NOMINALS and mc.doc[ks[-1]].is_upper:
        ks = ks[:-1]  # "Nicholas Blake QC", "William Haughey OBE": letters after the name
    if not ks or not any(_is_name_word(view, j) and text[j][0].isupper() for j in ks):
        return None
    name = clean_spaces(view.span_text(ks[0], ks[-1] + 1))
    if mc.gaz.demonym_country(name) or mc.gaz.by_alias(name):
        return None  # a demonym or country NER typed PERSON; the ruler reports it
    if name.lower() in PLACEHOLDER_NAMES:
        return None  # "people named \"John Doe\"": a stand-in, no one
    start = ks[0]  # titles split off: the surface is the name, with its honorific
    if start > span.start and lower[start - 1] in HONORIFICS:
        start -= 1
    elif start == span.start and _given_name_left_out(mc, span):
        start -= 1  # "Shi'a Adel Abdul Mahdi" typed "Abdul Mahdi": the given name NER left out
        name = clean_spaces(view.span_text(start, ks[-1] + 1))
    return Candidate(start, ks[-1] + 1, label, "PERSON", "name", name, 1, role=role, gender=gender)


# endings of the nouns and adjectives that say where a person is from or what they belong to
# ("Welshman", "Frenchwoman", "Olympian", "Californian")
_DESCRIPTOR_ENDINGS = ("man", "woman", "ian")


def _describes_the_person(first: str, second: str) -> bool:
    """A capitalised word that is no given name and ends like a demonym or a member's noun
    ("welshman", "olympian"), right before a given name: NER ran the description into the
    name ("Welshman Jimmy Watkins"); a given name first ("Christian Slater", "Brian May") or
    no given name after it ("Goldman Sachs") is left be."""
    return (
        second in WORLD_GIVEN_NAMES
        and first not in WORLD_GIVEN_NAMES
        and first.endswith(_DESCRIPTOR_ENDINGS)
        and len(first) > 5
    )


def _name_word(token) -> bool:
    """Letters, or a name with an apostrophe or hyphen inside: "O'Brien", "D'Alema"."""
    return _is_name_word(view_of(token.doc), token.i)


def _is_name_word(view: TokenView, i: int) -> bool:
    """`_name_word` of token i, read on the token view."""
    text = view.text[i]
    return bool(view.is_alpha[i]) or (
        len(text) > 2 and text[0].isalpha() and text[-1].isalpha() and all(c.isalpha() or c in "'’-" for c in text)
    )


# a player in a team sheet: bare initials (one capital each, "J-P" hyphened), then a surname
_LISTED_PLAYER = re.compile(r"(?:[A-Z](?:-[A-Z])? )+[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)?")
_BARE_INITIAL = re.compile(r"[A-Z](?:-[A-Z])?")
# the same as an item of a list: at the line's start or after a comma, semicolon or colon
_LISTED_PLAYER_ITEM = re.compile(r"(?:^|[,;:] ?)(?:[A-Z](?:-[A-Z])? )+[A-Z][a-z]", re.MULTILINE)


def listed_player(mc: MentionContext, span: Span) -> int | None:
    """ "J Robinson (capt); M Cueto, J Noon, O Barkley", "W Servat, J Milloud, G Lamboley":
    a team sheet lists its players by bare initials and surname, which NER reads as bodies,
    places or products as often as people, and may cut the initials off. A span that is such
    a name, or its surname right after the initials, standing in a line that lists at least
    three of them, is a person; returns where the name starts (its initials), else None."""
    doc = mc.doc
    start = span.start
    while start > 0 and _BARE_INITIAL.fullmatch(doc[start - 1].text) and doc[start - 1].whitespace_:
        start -= 1  # "S Chabal" of which NER took "Chabal" alone
    name = doc[start : span.end]
    if not _LISTED_PLAYER.fullmatch(name.text):
        return None
    text = doc.text
    line_start = text.rfind("\n", 0, name.start_char) + 1
    line_end = text.find("\n", name.end_char)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return start if len(_LISTED_PLAYER_ITEM.findall(line)) >= 3 else None


MAX_MINUTE = 120  # extra time's last minute
_AFTER_A_MINUTE = frozenset({",", ".", ")", ";", "pen", "og"})  # "Thompson 48 pen", "Dunne 75 og"
_PLAYER_NAME = re.compile(r"[A-Z][\w'\u2019-]+")


def _minute(view: TokenView, k: int) -> bool:
    """Token k is a match's minute: decimal digits (not "²", which `str.isdigit` accepts and
    `int` refuses) from 1 to `MAX_MINUTE`."""
    return 0 <= k < len(view) and view.text[k].isdecimal() and 1 <= int(view.text[k]) <= MAX_MINUTE


def _ends_a_minute(view: TokenView, k: int) -> bool:
    """What may follow a minute: a list's comma, the bracket's end, "pen", "og", the line's end."""
    return k >= len(view) or view.text[k] in _AFTER_A_MINUTE or "\n" in view.text[k]


def _player_minutes(view: TokenView, start: int, end: int) -> int:
    """How many "Name NN" (a capitalised word, then a minute) stand in tokens start..end."""
    return sum(
        _minute(view, k) and bool(_PLAYER_NAME.fullmatch(view.text[k - 1])) and _ends_a_minute(view, k + 1)
        for k in range(start + 1, end)
    )


def playing_minute(mc: MentionContext, span: Span) -> int | None:
    """ "Van Persie (Bergkamp 68)", "Goals: Rooney 68, Dunne 75 og", "Henry 2, 29": a match
    report's scorers and substitutes, each name with the minute, which NER reads as a law, an
    event, a product or a person with a number. A span of one or two capitalised words and a
    minute (1 to 120) is the player where the minute is bracketed after a name in a line-up (a
    sentence of three or more commas), or where the article's NER types the surname a person
    elsewhere and the minute is bracketed, followed by another minute, or one of two such in
    its sentence ("Radio 1, Radio 4" names no player anywhere). Returns where the minute is."""
    view = view_of(mc.doc)
    last = span.end - 1
    if not 2 <= len(span) <= 3 or not _minute(view, last) or not _ends_a_minute(view, span.end):
        return None
    if not all(_PLAYER_NAME.fullmatch(view.text[k]) for k in range(span.start, last)):
        return None
    sentence = mc.doc[span.start].sent
    bracketed = (
        span.start >= 2
        and view.text[span.start - 1] == "("
        and view.text[span.end : span.end + 1] == [")"]
        and bool(_PLAYER_NAME.fullmatch(view.text[span.start - 2]))
    )
    if bracketed and view.text[sentence.start : sentence.end].count(",") >= 3:
        return last  # a substitute in a line-up
    surname = view.text[last - 1]
    if not any(ent.label_ == "PERSON" and ent[-1].text == surname for ent in mc.doc.ents):
        return None
    more_minutes = view.text[span.end : span.end + 1] == [","] and _minute(view, span.end + 1)
    if bracketed or more_minutes or _player_minutes(view, sentence.start, sentence.end) >= 2:
        return last
    return None


def _is_initials(text: str) -> bool:
    """ "C.", "K.J.": initials that open a name."""
    return (
        len(text) >= 2
        and text.endswith(".")
        and all(part[:1].isupper() and len(part) == 1 for part in text[:-1].split("."))
    )


def particle_surnames(mc: MentionContext, chosen: list[Candidate]) -> list[Candidate]:
    """ "Daniel arap Moi", "Mohammed bin Salman": NER may end a person at the lower-case
    particle and read the surname after it as a body or place; a person's name followed by a
    name particle (name_particles) and capitalised name words goes on through them."""
    return grow_people(mc, chosen, _through_particle)


def grow_people(
    mc: MentionContext, chosen: list[Candidate], grow: Callable[[MentionContext, Candidate], Candidate | None]
) -> list[Candidate]:
    """Person names, with room after them, that `grow` lengthens to the right; what the
    longer names cover is dropped."""
    doc = mc.doc
    grown = []
    for c in chosen:
        if c.entity_type != "PERSON" or c.kind != "name" or c.tok_end + 1 >= len(doc):
            continue
        longer = grow(mc, c)
        if longer is not None:
            grown.append(longer)
    return with_candidates(chosen, grown)


def _through_particle(mc: MentionContext, c: Candidate) -> Candidate | None:
    doc, end = mc.doc, c.tok_end
    if not (doc[end].is_lower and doc[end].lower_ in NAME_PARTICLES and continues_name(mc, c.tok_start, end + 1)):
        return None
    end += 2
    while end < len(doc) and continues_name(mc, c.tok_start, end):
        end += 1
    name = clean_spaces(doc[c.tok_start + (doc[c.tok_start].lower_ in HONORIFICS) : end].text)
    return replace(c, tok_end=end, name=name, char_end=None)


def continues_name(mc: MentionContext, anchor: int, i: int) -> bool:
    """A capitalised name word at `i`, in the same section as the name begun at `anchor`."""
    token = mc.doc[i]
    return token.is_title and _name_word(token) and mc.section[i] == mc.section[anchor]


def fix_person_names(mc: MentionContext, chosen: list[Candidate]) -> list[Candidate]:
    """A surname NER typed ORG/GPE/NORP ("Lavrov" ORG) is the person the article names."""
    surnames = set()
    for c in chosen:
        if c.entity_type == "PERSON":
            parts = c.name.split()
            if len(parts) >= 2:
                surnames.add(parts[-1].lower())
            surnames.add(c.name.lower())
    full_surnames = {c.name.split()[-1].lower() for c in chosen if c.entity_type == "PERSON" and " " in c.name}
    out = []
    for c in chosen:
        # not a group ("members of the Stolen Generations" where NER typed the headline's
        # "apologise to Stolen Generations" a person): a people is no one's surname
        bears_surname = c.entity_type not in ("PERSON", "GROUP") and c.name.lower() in surnames
        if c.gazetteer_id is None and bears_surname and c.priority == 1:
            c = replace(c, entity_type="PERSON", kind="name")
        if c.entity_type == UNRESOLVED:
            continue
        if c.entity_type == "PERSON":
            c = _with_honorific(mc, c)
            if _is_place_word(mc, c, chosen, surnames):
                c = replace(c, label="GPE", entity_type="LOCATION", role=None, gender=None)
            elif _after_the(mc, c) and c.name.lower() not in full_surnames:
                if not _names_the_body_noun(mc, c):
                    continue  # "oppose the Bill": a name takes no article
                c = replace(c, label="ORG", entity_type="ORGANIZATION")  # "the Kommersant newspaper"
        out.append(c)
    return [_one_sense(mc, c, out, full_surnames) for c in out]


def settled_surnames(chosen: list[Candidate]) -> list[Candidate]:
    """ "former triple jumper Keith Connor ... Connor's application", "the Andy Crawford
    registration row ... Crawford registration saga": NER may type a person's full name and
    surname alike as a body or place, and `settle_types` makes the full name a person on its
    evidence while the surname alone keeps its own type. A one-word NER name that no gazetteer
    entry took and that is the last word of someone the article names in full (after the
    types are settled) is that person, as `fix_person_names` does for names typed before."""
    surnames = {
        c.name.split()[-1]
        for c in chosen
        if c.entity_type == "PERSON" and c.kind == "name" and len(c.name.split()) > 1
    }
    out = []
    for c in chosen:
        if (
            c.entity_type in _SURNAME_MISTYPES
            and c.name in surnames
            and c.gazetteer_id is None
            and c.priority == 1
            and c.kind == "name"
            and c.tok_end - c.tok_start == 1
        ):
            c = replace(c, label="PERSON", entity_type="PERSON", role=None)
        out.append(c)
    return out


# what NER makes of a lone surname ("Jaynes amassed a fortune" NORP, a people)
_SURNAME_MISTYPES = ("ORGANIZATION", "LOCATION", "GROUP")


def lone_surnames(mc: MentionContext, chosen: list[Candidate]) -> list[Candidate]:
    """ "Fahy went on", "Torres said": the surname of someone the article has already named in
    full, written alone where NER tagged nothing, is that person (one capitalised proper-noun
    word, not the start or end of a longer capitalised name)."""
    doc = mc.doc
    taken = {i for c in chosen for i in range(c.tok_start, c.tok_end)}
    first_full: dict[str, int] = {}  # surname -> the token after its first full name
    full_names: dict[str, str] = {}  # surname -> that full name
    for c in chosen:
        parts = c.name.split()
        if c.entity_type == "PERSON" and len(parts) >= 2 and parts[-1][:1].isupper():
            first_full.setdefault(parts[-1], c.tok_end)
            full_names.setdefault(parts[-1], c.name)
    extra = []
    speakers = _unnamed_speakers(mc, taken, first_full)
    for i, word in enumerate(view_of(doc).text):  # a Token only for the words named before
        named_at = 0 if word in speakers else first_full.get(word)
        if named_at is None:
            continue
        token = doc[i]
        if token.i < named_at or token.i in taken or token.ent_type_:
            continue
        if token.pos_ != "PROPN" and token.text not in speakers or mc.section[token.i] not in ("body", "caption"):
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if before is not None and not token.is_sent_start and (before.is_title or before.ent_type_):
            continue  # "Sir Nicholas", "Judge Torres": a longer name or a title NER left out
        if after is not None and (after.is_title and after.is_alpha or after.ent_type_ or after.text in POSSESSIVES):
            continue
        extra.append(Candidate(token.i, token.i + 1, "PERSON", "PERSON", "name", token.text, 1))
    chosen = [_speaking_surname(mc, c, first_full, full_names) for c in chosen]
    return [_given_name(mc, c, chosen) for c in sorted(chosen + extra, key=lambda c: c.tok_start)]


def _speaking_surname(
    mc: MentionContext, c: Candidate, first_full: dict[str, int], full_names: dict[str, str]
) -> Candidate:
    """ "Wikipedia founder Jimmy Wales … said Wales": a one-word place the gazetteer took,
    written after a person of that surname was named in full, and the bare subject of a
    reporting verb, is the person speaking, not the place (a place "said" nothing in the
    article that names someone after it); named by that person's full name."""
    if c.entity_type not in ("LOCATION", "COUNTRY") or c.tok_end - c.tok_start != 1:
        return c
    token = mc.doc[c.tok_start]
    named_at = first_full.get(token.text)
    if named_at is None or token.i < named_at or mc.section[token.i] not in ("body", "caption"):
        return c
    if token.dep_ != "nsubj" or token.head.lemma_.lower() not in SPEECH_VERBS:
        return c
    if any(child.dep_ in ("compound", "det", "amod", "poss") for child in token.children):
        return c
    return Candidate(token.i, token.i + 1, "PERSON", "PERSON", "name", full_names.get(token.text, token.text), 1)


def _unnamed_speakers(mc: MentionContext, taken: set[int], named: dict[str, int]) -> set[str]:
    """ "Palmer has announced …  Palmer said …": a capitalised word NER left untagged that is
    the subject of a reporting verb at least twice, never part of a full name nor written in
    lower case nor a post, place or body the gazetteer knows, is a person named by surname
    alone (a wiki text whose first mention lost its link)."""
    doc, view = mc.doc, view_of(mc.doc)
    lowered: set[str] | None = None  # every word written in lower case, made when first asked
    counts: dict[str, int] = {}
    inside: set[str] = set()
    for i, (tag, dep) in enumerate(zip(view.tag, view.dep, strict=True)):
        if tag not in ("NNP", "NN") or dep != "nsubj":
            continue  # (tested again below, on the token: only these are made into one)
        token = doc[i]
        if token.i in taken or token.ent_type_ or token.tag_ not in ("NNP", "NN") or not token.is_title:
            continue  # the parser may tag a sentence's first word a common noun ("Palmer said, …")
        if not token.is_alpha:
            continue
        if token.dep_ != "nsubj" or token.head.lemma_.lower() not in SPEECH_VERBS:
            continue
        if any(c.dep_ in ("compound", "det", "amod") for c in token.children):
            continue  # "the Palmer report said", "Senator Palmer said": not a name alone
        word = token.text
        if lowered is None and word not in named:
            lowered = {w for w, low in zip(view.lower, view.is_lower, strict=True) if low}
        if word in named or word.lower() in lowered or word.lower() in mc.role_words or word.lower() in HONORIFICS:
            continue
        if mc.gaz.by_alias(word) is not None or mc.gaz.demonym_country(word) is not None:
            continue
        counts[word] = counts.get(word, 0) + 1
        if not token.is_sent_start:
            inside.add(word)  # capitalised where only a name is
    if not counts:
        return set()
    bodies = {  # "copy protection firm Macrovision", "Macrovision says its new …": a body
        t.text
        for t in (doc[i] for i, word in enumerate(view_of(doc).text) if word in counts)
        if (
            t.i > 0 and doc[t.i - 1].lower_ in BODY_NOUNS
            or any(n.lower_ == "its" for n in doc[t.i + 1 : min(t.i + 5, t.sent.end)])
        )
    }
    return {word for word, n in counts.items() if n >= 2 and word in inside and word not in bodies}


def _given_name(mc: MentionContext, c: Candidate, chosen: list[Candidate]) -> Candidate:
    """ "Mayor Paul Pisale … I will talk to Paul", "Daniel Stringer-Price … Daniel's mother": a
    lone given name is the one person named in full with it before, not someone new. A
    headline shortens a name the body gives in full ("Visa row mandarin made Sir John" over
    "Sir John Gieve was …"), so a headline's given name is the one person the body names in
    full with it, before or after; a headline's span is no full name (NER runs a headline's
    words together: "Probe launched on Ken Nazi jibe")."""
    if c.entity_type != "PERSON" or " " in c.name or c.role or c.gender or c.gazetteer_id:
        return c
    headline = mc.section[c.tok_start] == "headline"
    full = {
        o.name
        for o in chosen
        if o.entity_type == "PERSON" and (o.tok_end <= c.tok_start or headline) and len(o.name.split()) > 1
        and o.name.split()[0] == c.name and mc.section[o.tok_start] != "headline"
    }
    surnames = {o.name.split()[-1] for o in chosen if o.entity_type == "PERSON" and " " in o.name}
    if len(full) != 1 or c.name in surnames:
        return c
    return replace(c, name=next(iter(full)))


def _one_sense(mc: MentionContext, c: Candidate, chosen: list[Candidate], full_surnames: set[str]) -> Candidate:
    """A lone word NER typed PERSON that the article uses as a place or body elsewhere
    ("Labour chooses Manchester" and "in Manchester") is that place or body, unless
    someone the article names in full has it as surname."""
    if c.entity_type != "PERSON" or not _lone_word(mc, c) or c.name.lower() in full_surnames:
        return c
    other = next(
        (o for o in chosen if o.entity_type in ("LOCATION", "COUNTRY", "ORGANIZATION") and o.name == c.name), None
    )
    return c if other is None else replace(c, label=other.label, entity_type=other.entity_type)


def _after_the(mc: MentionContext, c: Candidate) -> bool:
    return _lone_word(mc, c) and c.tok_start > 0 and mc.doc[c.tok_start - 1].lower_ == "the"


def _names_the_body_noun(mc: MentionContext, c: Candidate) -> bool:
    """ "the Kommersant newspaper": a name between "the" and a body's noun (org_nouns) it
    modifies is that body's name; so is one in apposition to such a noun before it ("Barclays,
    which owns former building society the Woolwich")."""
    token = mc.doc[c.tok_start]
    head = token.head
    if token.dep_ == "appos" and head.i == c.tok_start - 2 and head.lower_ in ORG_NOUNS:
        return True
    return token.dep_ in ("compound", "nmod", "amod") and head.i == c.tok_end and head.lower_ in ORG_NOUNS


def _lone_word(mc: MentionContext, c: Candidate) -> bool:
    """One word NER typed PERSON with nothing (title, honorific) saying it is a person."""
    return c.tok_end - c.tok_start == 1 and c.priority == 1 and not c.role and not c.gender


def _is_place_word(mc: MentionContext, c: Candidate, chosen: list[Candidate], surnames: set[str]) -> bool:
    """One capitalised word NER typed PERSON that the sentence uses as a place: "in
    Manchester", "the Torfaen seat", "Heathrow and Gatwick" (joined to a place); never a titled name or
    the surname of someone the article names in full."""
    if c.tok_end - c.tok_start != 1 or c.priority != 1 or c.role or c.gender:
        return False
    token = mc.doc[c.tok_start]
    if token.lower_ in surnames - {c.name.lower()} or any(
        p.entity_type == "PERSON" and len(p.name.split()) > 1 and p.name.split()[-1].lower() == token.lower_
        for p in chosen
    ):
        return False
    if token.dep_ == "pobj" and token.head.lower_ in (
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "into",
        "across",
        "around",
    ):
        return True
    if token.dep_ == "compound" and token.head.lower_ in SEAT_NOUNS or seat_of_a_member(mc.doc, token.i, token.i + 1):
        return True  # "the Torfaen constituency", "the Wrexham MP"
    if token.dep_ == "conj" or any(t.dep_ == "conj" for t in token.children):
        linked = [token.head] if token.dep_ == "conj" else [t for t in token.children if t.dep_ == "conj"]
        return any(p.entity_type in ("LOCATION",) and p.tok_start <= t.i < p.tok_end for t in linked for p in chosen)
    return False


def _with_honorific(mc: MentionContext, c: Candidate) -> Candidate:
    """A kept title or an honorific right before a person joins the mention's surface."""
    i = c.tok_start - 1
    if i < 0 or mc.section[i] != mc.section[c.tok_start]:
        return c
    before = mc.doc[i]
    if before.lower_ in KEPT_TITLES and before.is_title and len(c.name.split()) == 1 and not before.ent_type_:
        return replace(c, tok_start=i, name=f"{before.text} {c.name}")  # "Prince Harry"
    if before.lower_ in HONORIFICS and before.text[0].isupper() and not overlaps_any(i, c):
        return replace(c, tok_start=i, gender=HONORIFICS[before.lower_] or c.gender)
    return c


def attach_titles(mc: MentionContext, chosen: list[Candidate]) -> list[Candidate]:
    """Titles before ("Armenian Foreign Minister Ararat Mirzoyan") or after a name
    (", the home secretary,") give the person's role and country; words inside a
    title are no entity of their own ("State" in "Secretary of State")."""
    by_start = {c.tok_start: c for c in chosen}
    # a known body or country ("Russian", "White House", "Nato") is no part of a style; not a
    # word NER took from the title itself ("State" in "Secretary of State Rice")
    known = {i for o in chosen if o.gazetteer_id for i in range(o.tok_start, o.tok_end)}
    title_tokens: set[int] = set()
    out = []
    for c in chosen:
        if c.entity_type == "PERSON":
            before = _title_before(mc, c.tok_start, by_start)
            found = before or _title_after(mc, c.tok_end, by_start)
            if found:
                role, iso3, tokens = found
                title_tokens.update(tokens)
                start = _styled_start(mc, c, tokens, known) if before else c.tok_start
                c = replace(c, tok_start=start, role=c.role or role, country_iso3=c.country_iso3 or iso3)
        out.append(c)
    return [
        c
        for c in out
        if c.gazetteer_id or c.entity_type == "PERSON" or not title_tokens.intersection(range(c.tok_start, c.tok_end))
    ]


def _styled_start(mc: MentionContext, c: Candidate, tokens, known: set[int]) -> int:
    """ "President Carter", "Chancellor Schroeder": a surname alone, right after a capitalised
    title, is written with it as a style, which eval/GUIDE.md lists as the surface (like
    "Mr Blair"); the mention then starts at the title. A full name ("President Vladimir
    Putin") or a title apart from it ("the president, Carter") keeps its own start, and so
    does a body's name before the title ("White House Spokesman McClellan", "Nato Secretary
    General Scheffer"): the body is a mention of its own, not part of the style."""
    doc = mc.doc
    if c.kind != "name" or " " in c.name or c.tok_end - c.tok_start != 1:
        return c.tok_start
    start = c.tok_start
    while start - 1 in tokens and start - 1 not in known and not doc[start - 1].ent_id_:
        word = doc[start - 1]
        if not (word.is_title or word.lower_ in TITLE_FUNCTION_WORDS and start - 2 in tokens):
            break
        start -= 1  # "Secretary of State Rice": over the title's function words
    return start if doc[start].is_title else c.tok_start


def title_words(mc: MentionContext, start: int, step: int, limit: int) -> list[int]:
    """The title words from `start` on, forwards (`step` 1) or backwards (-1), at most `limit`,
    without function words at either end; read on the token view (the title rules ask it at
    every "the" of an article)."""
    view, idx, i = view_of(mc.doc), [], start
    lower = view.lower
    while 0 <= i < len(view) and len(idx) < limit:
        if not (lower[i] in mc.role_words or lower[i] in TITLE_MODIFIERS or view.inner_hyphen(i)) or view.ent_id[i]:
            break
        if step > 0 and view.sent_start[i] and i != start:
            break
        idx.append(i)
        if step < 0 and view.sent_start[i]:
            break
        i += step
    idx.sort()
    while idx and lower[idx[0]] in TITLE_FUNCTION_WORDS:
        idx = idx[1:]
    while idx and lower[idx[-1]] in TITLE_FUNCTION_WORDS:
        idx = idx[:-1]
    return idx


def _affiliation_before(mc: MentionContext, i: int, by_start: dict[int, Candidate]) -> tuple[str | None, list[int]]:
    """Country of a demonym, country or organisation right before a title."""
    doc = mc.doc
    if i < 0:
        return None, []
    end = i
    if doc[i].text in POSSESSIVES:
        end = i - 1
    for start, c in by_start.items():
        if c.tok_end - 1 == end and c.gazetteer_id and c.entity_type in ("COUNTRY", "ORGANIZATION", "GROUP"):
            return c.country_iso3, list(range(start, i + 1))
    return None, []


def _title_before(mc: MentionContext, name_start: int, by_start) -> tuple[str, str | None, list[int]] | None:
    i = name_start - 1
    if i >= 0 and mc.doc[i].lower_ in HONORIFICS:
        i -= 1
    idx = title_words(mc, i, -1, 8)
    if not idx or idx[-1] != i:
        return None
    role, idx = _anchored_role(mc, idx, at_end=True)
    if role is None:
        return None
    iso3, extra = _affiliation_before(mc, idx[0] - 1, by_start)
    return role.name, iso3, idx + extra


def _anchored_role(mc: MentionContext, idx: list[int], at_end: bool):
    """The most specific role whose words reach the name: in "the Queen and Prince
    Philip" the title "Queen" does not touch "Philip", so Philip is no Queen."""
    best, best_idx = None, []
    for k in range(1, len(idx) + 1):
        part = idx[-k:] if at_end else idx[:k]
        role = mc.gaz.match_role(" ".join(mc.doc[j].text for j in part))
        if role is None:
            continue
        inner = part[:-1] if at_end else part[1:]  # without the token next to the name
        if inner and mc.gaz.match_role(" ".join(mc.doc[j].text for j in inner)) == role:
            continue  # the variant does not reach the name
        best, best_idx = role, part
    return best, best_idx


def _title_after(mc: MentionContext, name_end: int, by_start) -> tuple[str, str | None, list[int]] | None:
    doc = mc.doc
    i = name_end
    if i >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    iso3 = None
    if i < len(doc) and doc[i].lower_ in ("the", "a", "an"):
        i += 1
    affiliation = by_start.get(i)
    if affiliation and affiliation.gazetteer_id and affiliation.entity_type in ("COUNTRY", "ORGANIZATION", "GROUP"):
        iso3 = affiliation.country_iso3
        i = affiliation.tok_end
        if i < len(doc) and doc[i].text in POSSESSIVES:
            i += 1
    idx = title_words(mc, i, 1, 8)
    if not idx or idx[0] != i:
        return None
    after = idx[-1] + 1
    if after < len(doc) and not (doc[after].is_punct or doc[after].lower_ in ("who", "said", "says", "and")):
        return None
    role, idx = _anchored_role(mc, idx, at_end=False)
    if role is None:
        return None
    return role.name, iso3, idx
