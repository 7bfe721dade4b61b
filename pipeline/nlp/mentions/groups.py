"""Groups and nationalities: when a span names a people (GROUP) rather than a country,
a person or a body, and when a demonym is its country acting or a language.

"ethnic Armenians", "Turkish Cypriots", "Thatcherites", "members of the Stolen Generations"
are GROUPs; "Gibraltarians rejected the plan" is the country acting (eval/GUIDE.md); "to
teach German" names a language, no entity. Both the gazetteer reading of demonyms and the
NER typing ask these questions, so they live in one module.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from pipeline.nlp.mentions.context import (
    Candidate,
    MentionContext,
    clean_spaces,
    ents_covering,
    is_plural_demonym,
    make_mention,
)
from pipeline.nlp.mentions.kinded import NUMBER_LABELS, given_names
from pipeline.nlp.mentions.vocabulary import (
    BAND_MODIFIERS,
    BYSTANDER_PREPOSITIONS,
    GROUP_MODIFIERS,
    GROUP_NOUNS,
    NATIONALITY_GROUP_NOUNS,
    PEOPLE_ADJECTIVES,
    PEOPLE_NOUNS,
    UK_PLACES,
)
from pipeline.nlp.records import Mention


def people_group(mc: MentionContext, span: Span, iso3: str | None) -> Candidate:
    """A demonym as a plural noun is a people: "ethnic Armenians", "the Armenians of
    Nagorno-Karabakh" (the phrase, so the place it qualifies stays part of the group)."""
    doc = mc.doc
    start, end = span.start, span.end
    name = clean_spaces(span.text)
    name = name[0].upper() + name[1:]
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        k = end + 1 + (doc[end + 1].lower_ == "the")
        place = next((e for e in ents_covering(doc, k) if e.start == k), None) if k < len(doc) else None
        if place is not None and place.label_ in ("LOC", "GPE") and mc.in_sections(start, place.end):
            end = place.end
            name = clean_spaces(doc[start:end].text)
    if start > 0 and _people_adjective(mc, doc[start - 1]) and mc.section[start - 1] == mc.section[start]:
        start -= 1  # "Turkish Cypriots", "Aboriginal Australians": one people, not a country and a people
        name = clean_spaces(doc[start:end].text)
    elif (place := territory_before(mc, start - 1)) is not None and mc.in_sections(place.start, end):
        start = place.start  # "Kosovo Albanians", "Karabakh Armenians": the people of that place
        name = clean_spaces(doc[start:end].text)
    if start > 0 and doc[start - 1].lower_ in GROUP_MODIFIERS and mc.section[start - 1] == mc.section[start]:
        start -= 1
    return Candidate(start, end, "NORP", "GROUP", "name", name, 2, country_iso3=iso3)


def territory_before(mc: MentionContext, j: int) -> Span | None:
    """The gazetteer's region or territory (a `location:` entry: Darfur, Kashmir, Kosovo, the
    West Bank) ending at token j and opening its noun phrase, so that the plural noun after it
    names the people of that place as one group ("Darfur rebels", "Kosovo Albanians",
    "West Bank settlers"); not a place an adjective or noun before it qualifies ("middle
    England voters"), nor a country or city (a demonym or the city's people name those)."""
    if j < 0 or not mc.doc[j].ent_id_.startswith("location:"):
        return None
    span = next((e for e in ents_covering(mc.doc, j) if e.end - 1 == j and e.ent_id_), None)
    if span is None or span.label_ != "LOC" or span.ent_id_ not in mc.gaz.entries:
        return None
    if span.start > 0 and mc.doc[span.start - 1].pos_ in ("ADJ", "NOUN", "PROPN", "NUM"):
        return None
    return span


def nested_demonyms(mc: MentionContext, mentions: list[Mention]) -> list[Mention]:
    """ "Russian peacekeepers", "Spanish troops": a national group of a state's agents
    (nationality_group_nouns) opens with its country's demonym, which still names the
    country (eval/GUIDE.md: a demonym used as an actor is a surface of the country;
    "Albanian guerrillas", a population, stay a GROUP only). The demonym becomes a mention
    of the country inside the group's, keyed by its start offset; the group, whose start
    the demonym now holds, is keyed by its noun's offset (as `stances.groups` keys a group a
    demonym opens), so both ids stay unique and fixed. `MentionIndex.all_at` leaves such a
    demonym out, so the events see the group's words as the group's alone."""
    doc = mc.doc
    out = list(mentions)
    for m in mentions:
        if m.entity_type != "GROUP" or m.ner_label != "NORP" or m.kind != "name" or not m.country_iso3:
            continue
        span = doc.char_span(m.char_start, m.char_end)
        if span is None or len(span) < 2 or span[-1].lower_ not in NATIONALITY_GROUP_NOUNS:
            continue
        first = span[0]
        entity_id = f"country:{m.country_iso3}"
        if first.ent_type_ != "NORP" or first.ent_id_ != entity_id or is_plural_demonym(first, mc.gaz):
            continue
        entry = mc.gaz.entries.get(entity_id)
        if entry is None or mc.gaz.demonym_country(first.text) != m.country_iso3:
            continue
        country = Candidate(first.i, first.i + 1, "NORP", "COUNTRY", "demonym", entry.name, 2, entity_id,
                            country_iso3=m.country_iso3)  # fmt: skip
        made = make_mention(mc, country)
        if made is None:
            continue
        out[out.index(m)] = replace(m, mention_id=f"{m.article_id}#m{span[-1].idx}")
        out.append(made)
    return sorted(out, key=lambda m: (m.char_start, m.char_end))


def idle_peoples(mc: MentionContext, mentions: list[Mention]) -> list[Mention]:
    """The mentions, less the peoples named by a demonym and a group noun ("British citizens",
    "Canadian citizens") that the article names only as the object of a preposition a measure
    applies to or a count compares (`bystander_prepositions`: "it didn't apply to British
    citizens", "less to Canadian citizens", "but not for British suspects"), hung on a verb or
    an adjective, with no clause of their own: people spoken about, no group that acts, holds a
    position or is acted on (eval/GUIDE.md). "two Algerian suspects being held" (a clause of
    their own), "asking for British troops to be pulled out" (the subject of an infinitive),
    "the search for Islamic extremists" (the object of an act a noun names) and any people the
    article names elsewhere stay."""
    doc = mc.doc
    idle: dict[str, bool] = {}
    for m in mentions:
        if m.entity_type != "GROUP" or m.kind != "name" or m.ner_label != "NORP":
            continue
        span = doc.char_span(m.char_start, m.char_end)
        key = m.name.lower()
        if span is None or len(span) < 2 or span[-1].lower_ not in GROUP_NOUNS or not _demonym_opens(mc, span):
            idle[key] = False  # "the Western allies": a bloc, not a country's people
            continue
        head = span[-1]
        prep = head.head
        spoken_about = (
            head.dep_ == "pobj"
            and prep.lower_ in BYSTANDER_PREPOSITIONS
            and prep.head.pos_ != "NOUN"  # "the search for Islamic extremists": what an act is done to
            and not any(c.dep_ in ("acl", "relcl", "appos") for c in head.children)
            and not (span.end < len(doc) and doc[span.end].lower_ == "to")  # "for British troops to be pulled out"
        )
        idle[key] = idle.get(key, True) and spoken_about
    return [m for m in mentions if not (m.entity_type == "GROUP" and idle.get(m.name.lower(), False))]


def _demonym_opens(mc: MentionContext, span: Span) -> bool:
    """Whether a country's demonym opens the phrase, after any article ("British citizens")."""
    first = span[1] if span[0].lower_ == "the" and len(span) > 2 else span[0]
    return mc.gaz.demonym_country(first.text) is not None


def _people_adjective(mc: MentionContext, token) -> bool:
    """A capitalised adjective of a people: a stateless one's ("Kurdish", "Aboriginal") or a
    country's demonym used as an adjective ("Turkish", not the plural "Turks")."""
    if not token.is_title:
        return False
    if token.lower_ in PEOPLE_ADJECTIVES:
        return True
    return mc.gaz.demonym_country(token.text) is not None and not is_plural_demonym(token, mc.gaz)


def people_phrase(mc: MentionContext, span: Span) -> bool:
    """ "Aboriginal Australians", "ethnic Kurds" typed ORG or PERSON: a plural demonym or a
    stateless people's noun, after only people adjectives or group modifiers."""
    last = span[-1]
    if not last.is_title or not (last.lower_ in PEOPLE_NOUNS or is_plural_demonym(last, mc.gaz)):
        return False
    return all(t.lower_ in GROUP_MODIFIERS or _people_adjective(mc, t) for t in span[:-1])


def people_acting(mc: MentionContext, span: Span) -> bool:
    """ "Gibraltarians rejected the plan", "Iraqis marched ... to protest against the
    occupation": a bare plural demonym acting on something (an object, or "against" it) is
    its country's people acting as one (issue 17; annotation guide: demonyms used as actors
    are surfaces of the country), also after "the" ("The Israelis described the meeting as
    important"); "ethnic Armenians", "some Iraqis", "the Armenians of Karabakh", people
    something is done to, and people doing nothing to anyone ("Palestinians vote") stay a group."""
    doc = mc.doc
    head = span[-1]
    if head.dep_ != "nsubj" or span.start > 0 and doc[span.start - 1].lower_ in GROUP_MODIFIERS:
        return False
    if span.end < len(doc) and doc[span.end].lower_ == "of":
        return False
    if any(c.dep_ in ("amod", "compound") or c.dep_ == "det" and c.lower_ != "the" for c in head.children):
        return False  # "ethnic Armenians", "some Iraqis"; not "The Israelis described the meeting as important"
    verb = head.head
    clauses = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "advcl")]
    return any(c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ == "against" for v in clauses for c in v.children)


_LANGUAGE_DEPS = frozenset({"dobj", "pobj"})


def a_language(span: Span) -> bool:
    """ "to teach German", "experimenting with Japanese and Spanish", "translated into
    Arabic", "in the following languages: Norwegian, Polish": a singular demonym standing
    alone as an object or listed after "languages:", with no determiner or modifier and no
    noun of its own, names a language (not annotated, eval/GUIDE.md), not its country;
    "the French said", "one Chilean" (a determiner or number: its people), "French firms" and
    "French and other foreign nationals" (an adjective of a noun) are left be."""
    if len(span) != 1 or span[0].tag_ in ("NNS", "NNPS") or span[0].text.endswith("s"):
        return False
    doc = span.doc
    if span.end < len(doc) and doc[span.end].pos_ == "PROPN":
        return False  # "beat Tunisian Selima Sfar": the parser hung the name elsewhere
    token = span[0]
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head  # "with Japanese and Spanish": the list's first word has the role
    if token.i > 1 and doc[token.i - 1].text == ":" and doc[token.i - 2].lemma_.lower() == "language":
        return True  # "in the following languages: Norwegian, Polish, …": a list the noun announces
    if token.dep_ not in _LANGUAGE_DEPS:
        return False
    modifiers = [c for word in (token, span[0]) for c in word.children]
    if any(c.dep_ in ("det", "nummod", "amod", "compound", "poss", "prep") for c in modifiers):
        return False  # "one Chilean": a person
    return not any(c.dep_ == "conj" and c.tag_ in ("NNS", "NNPS") for c in modifiers)  # "French and other nationals"


def followers_or_dwellers(mc: MentionContext, token) -> bool:
    """ "Thatcherites", "Blairites", "Glaswegians", "Londoners": a capitalised plural of a
    follower's or a people's suffix names people, not the place or person NER took it for;
    "-ers" only after a known place ("Londoners", not "Flanders" or "Chequers")."""
    word = token.text
    if not token.is_title or not token.is_alpha or token.ent_id_ or len(word) < 6:
        return False
    if word.endswith(("ites", "ians", "ists")):
        return True
    stem = word[:-3]
    return word.endswith("ers") and (mc.gaz.by_alias(stem) is not None or stem.lower() in UK_PLACES)


_PARTITIVE_HEADS = frozenset({"member", "one"})


def members_named(mc: MentionContext, span: Span) -> bool:
    """ "members of the Stolen Generations", "one of the so-called \"Blair Babes\"": a capitalised
    plural name whose members or one of them the text speaks of names a group of people, not
    a person or a work; not a body's wing whose last word alone names a known body ("members
    of the Young Conservatives": the party's youth wing)."""
    if len(span) < 2 or span[0].ent_id_:
        return False
    head = next((span[k - 1] for k in range(1, len(span)) if span[k].lower_ == "of"), span[-1])
    if head.tag_ != "NNPS" or not head.is_title:
        return False  # the name's head, before any "of": not "the Academy of Motion Picture Arts and Sciences"
    known = mc.gaz.by_alias(span[-1].text)
    if known is not None and known.entity_type == "ORGANIZATION":
        return False
    doc = span.doc
    k = span.start - 1
    while k >= 0 and (doc[k].is_quote or doc[k].lower_ in ("the", "so-called", "so", "-", "called")):
        k -= 1
    return k >= 0 and doc[k].lower_ == "of" and doc[k].head.lemma_.lower() in _PARTITIVE_HEADS


def band_named(mc: MentionContext, kw: Token) -> list[Candidate]:
    """ "a shadowy group known as Meibion Glyndwr", "an armed gang called ...": the name a band
    (band_nouns, with a band_modifiers adjective) is given by "known as", "called", "named" or "dubbed"
    hung on it is a GROUP (eval/GUIDE.md: militant groups that are not organisations), over the
    person or body NER typed it; not a name the gazetteer knows, nor a lobby's or firm's ("a
    pressure group called Transform": no band's adjective)."""
    doc = mc.doc
    if not kw.is_lower or kw.tag_ != "NN":
        return []
    if not any(c.dep_ == "amod" and c.lower_ in BAND_MODIFIERS for c in kw.children):
        return []  # "a pressure group called Transform": a lobby, a body
    out = []
    for verb, ent in given_names(kw):
        if ent.label_ in NUMBER_LABELS or ent.ent_id_ or ent.start > verb.i + 3:
            continue
        if not mc.in_sections(ent.start, ent.end) or mc.gaz.by_alias(clean_spaces(ent.text)) is not None:
            continue
        start = ent.start + (doc[ent.start].lower_ == "the")
        out.append(Candidate(start, ent.end, "NORP", "GROUP", "name", clean_spaces(doc[start : ent.end].text), 3))
    return out


def persons_camp(mc: MentionContext, kw: Token) -> list[Candidate]:
    """ "the Brown camp", "a spokesman for the Bush camp": a person's name NER found, as the
    compound of a singular camp noun (camp_nouns) after "the", names the people around that
    person, one GROUP over the name and the noun ("Brown camp"); the person stays a person
    elsewhere. Not a place's or a body's camp ("the Guantanamo camp", "a refugee camp")."""
    doc = mc.doc
    if not kw.is_lower or kw.tag_ != "NN" or kw.i == 0:
        return []
    prev = doc[kw.i - 1]
    if prev.dep_ != "compound" or prev.head.i != kw.i or prev.ent_type_ != "PERSON":
        return []
    person = next((e for e in ents_covering(doc, prev.i) if e.end == kw.i and e.label_ == "PERSON"), None)
    if person is None or person.start == 0 or doc[person.start - 1].lower_ != "the":
        return []
    if not mc.in_sections(person.start, kw.i + 1):
        return []
    name = clean_spaces(doc[person.start : kw.i + 1].text)
    return [Candidate(person.start, kw.i + 1, "NORP", "GROUP", "name", name, 3)]
