"""Candidates from phrase rules the parse supports but NER misses.

Per-country ministries ("Armenia's foreign ministry", "the Foreign Ministry of
Azerbaijan" -> `org:aze-foreign-ministry`), geographic features ("Lachin corridor"),
national forces ("Russian peacekeepers", "Western powers"), stateless peoples, faiths and
sects ("Kurds", "Shia Muslims", "Tamil rebels"), a state's armed service ("the
Macedonian army" -> `org:mkd-army`), a body named before its
members ("Greenpeace activists": Greenpeace) and a known name glued to a participle
("U.S.-mediated"). Phrase rules outrank the gazetteer and NER (priority 3)
because they see the whole phrase where the others see its parts.
"""

from __future__ import annotations

import calendar
from dataclasses import replace

from spacy.tokens import Span, Token

from pipeline.nlp.gazetteer import slug
from pipeline.nlp.mentions.article_words import word_positions
from pipeline.nlp.mentions.context import (
    Candidate,
    MentionContext,
    clean_spaces,
    ents_covering,
    is_plural_demonym,
    is_whole_ent,
)
from pipeline.nlp.mentions.groups import band_named, persons_camp, territory_before
from pipeline.nlp.mentions.kinded import called_names, dated_title, kinded_names, listed_examples, titled_work
from pipeline.nlp.mentions.named_things import facility_name
from pipeline.nlp.mentions.reconcile import is_place_name
from pipeline.nlp.mentions.vocabulary import (
    AREA_NOUNS,
    BAND_NOUNS,
    BLOC_ADJECTIVES,
    BODY_HEADS,
    BROADCASTER_WORDS,
    BUILDING_HEADS,
    CAMP_NOUNS,
    COMMITTEE_HEADS,
    EXAMPLE_HEADS,
    FACILITY_COMPOUNDS,
    FACILITY_HEADS,
    FAITH_BRANCH_ADJECTIVES,
    GEO_FEATURES,
    GIVEN_NAMES,
    GROUP_MODIFIERS,
    GROUP_NOUNS,
    HONORIFICS,
    INSTITUTION_HEADS,
    KIND_NOUNS,
    LEGISLATURE_MEMBER_HEADS,
    MEMBER_NOUNS,
    MINISTRY_SYNONYMS,
    MISSION_HEADS,
    MOVEMENT_NOUNS,
    NAMING_HEADS,
    NATION_NOUNS,
    PEOPLE_ADJECTIVES,
    PEOPLE_BODY_NOUNS,
    PEOPLE_NOUNS,
    POPULATION_NOUNS,
    PRODUCT_TITLE_NOUNS,
    SEAT_SEEKING_VERBS,
    SERVICE_NOUNS,
    STORM_TITLES,
    WORK_NOUNS,
    qualifies_a_region,
)
from pipeline.nlp.syntax import ANY_SUBJECT_DEPS, ARTICLES, POSSESSIVES
from pipeline.nlp.token_view import view_of

PROGRAMME_FUNCTION_WORDS = frozenset({"with", "for", "the", "at", "of", "and", "on", "in"})
# The words some phrase rule below starts from (lower case); any other token is skipped at once.
_KEY_WORDS = frozenset(
    {
        "ministry",
        *GEO_FEATURES,
        *GROUP_NOUNS,
        *POPULATION_NOUNS,
        *NATION_NOUNS,
        *PEOPLE_NOUNS,
        *SERVICE_NOUNS,
        *POSSESSIVES,
        *BUILDING_HEADS,
        *INSTITUTION_HEADS,
        *BODY_HEADS,
        *MEMBER_NOUNS,
        *COMMITTEE_HEADS,
        *KIND_NOUNS,
        *WORK_NOUNS,
        *PRODUCT_TITLE_NOUNS,
        *EXAMPLE_HEADS,
        *NAMING_HEADS,
        *BAND_NOUNS,
        *CAMP_NOUNS,
        *MOVEMENT_NOUNS,
        *PEOPLE_BODY_NOUNS,
        *STORM_TITLES,
        *(last for _, last in FACILITY_COMPOUNDS),
        *FACILITY_HEADS,
        *MISSION_HEADS,
    }
)
# the last words of facility_compounds ("school" of "High School"), where a site's name ends
_COMPOUND_SITE_HEADS = frozenset(last for _, last in FACILITY_COMPOUNDS)

# the words that are a people_nouns word without its last "s" ("kurd"), asked of every token
_PEOPLE_SINGULARS = frozenset(word[:-1] for word in PEOPLE_NOUNS if word.endswith("s"))


def people_word(lower: str) -> str | None:
    """The people_nouns word a lower-case token spells, if any: the plural itself ("kurds"),
    the plural written with the apostrophe of a transliteration ("shi'ites", "shi'as") or the
    singular of one ("kurd", "shi'ite", "shi'a": one of a people names it as the plural)."""
    bare = lower.replace("'", "").replace("’", "")
    if bare in PEOPLE_NOUNS:
        return bare
    return bare + "s" if bare + "s" in PEOPLE_NOUNS else None


def phrase_candidates(mc: MentionContext) -> list[Candidate]:
    out: list[Candidate] = []
    for i, lower in enumerate(view_of(mc.doc).lower):
        if not (lower in _KEY_WORDS or "-" in lower or "'" in lower or "’" in lower or lower in _PEOPLE_SINGULARS):
            continue  # none of the tests below can hold (a hyphen in the text is one in its lower case;
            # "Shi'ites", "Kurd": a people's word spelt with an apostrophe or in the singular)
        token = mc.doc[i]
        if lower == "ministry":
            out.extend(_ministry(mc, token))
        elif lower in MISSION_HEADS and token.is_title:
            out.extend(_mission(mc, token))
        elif lower in GEO_FEATURES:
            out.extend(_geo_feature(mc, token))
        elif lower in GROUP_NOUNS or lower in POPULATION_NOUNS:
            out.extend(_national_group(mc, token))
        elif lower in NATION_NOUNS:
            out.extend(_nation_people(mc, token))
        elif people_word(lower) is not None:
            out.extend(_people(mc, token))
        elif lower in SERVICE_NOUNS:
            out.extend(_national_service(mc, token))
        elif "-" in token.text[1:-1] and (token.ent_iob_ == "O" or _alone_in_its_name(token)):
            out.extend(_hyphen_prefix(mc, token))
        elif token.text in POSSESSIVES:
            out.extend(_programme(mc, token))
            out.extend(dated_title(mc, token))
        if token.is_title and (lower in BUILDING_HEADS or lower in INSTITUTION_HEADS):
            out.extend(_headed_name(mc, token))
        elif token.is_title and (lower in _COMPOUND_SITE_HEADS or lower in FACILITY_HEADS and token.ent_iob_ == "O"):
            out.extend(_compound_site_name(mc, token))
        elif token.is_title and lower in BODY_HEADS:
            out.extend(_demonym_led_body(mc, token))
        if lower in KIND_NOUNS:
            out.extend(kinded_names(mc, token))
        if lower in WORK_NOUNS:
            out.extend(titled_work(mc, token))
        elif lower in PRODUCT_TITLE_NOUNS:
            out.extend(titled_work(mc, token, product=True))
        if lower in EXAMPLE_HEADS:
            out.extend(listed_examples(mc, token))
        if lower in NAMING_HEADS:
            out.extend(called_names(mc, token))
        if lower in BAND_NOUNS:
            out.extend(band_named(mc, token))
        if lower in CAMP_NOUNS:
            out.extend(persons_camp(mc, token))
        if lower in MEMBER_NOUNS:
            out.extend(_member_body(mc, token))
        if lower in COMMITTEE_HEADS and token.is_lower:
            out.extend(_committee(mc, token))
        if lower in MOVEMENT_NOUNS and token.is_lower:
            out.extend(_movement(mc, token))
        if lower in PEOPLE_BODY_NOUNS and token.is_lower:
            out.extend(_people_bodies(mc, token))
        if lower in STORM_TITLES and token.is_title:
            out.extend(_storm(mc, token))
    return out


def _people_bodies(mc: MentionContext, kw: Token) -> list[Candidate]:
    """ "Muslim groups", "Catholic organisations", "Gypsy communities": a people's or faith's
    adjective (people_adjectives) right before a plural noun for its bodies or communities
    (people_body_nouns) is a GROUP, not the place or country NER may type the adjective; not
    a noun modifying another ("Muslim community centres"), nor one word of a longer name."""
    doc, i = mc.doc, kw.i
    if kw.tag_ != "NNS" or kw.dep_ == "compound" or i == 0:
        return []
    adjective = doc[i - 1]
    if not adjective.is_title or adjective.lower_ not in PEOPLE_ADJECTIVES or not mc.in_sections(i - 1, i + 1):
        return []
    if i > 1 and doc[i - 2].is_title and doc[i - 2].is_alpha and not doc[i - 2].is_sent_start:
        return []  # "the Jewish Board groups": a name goes on before the adjective
    name = clean_spaces(doc[i - 1 : i + 1].text)
    return [Candidate(i - 1, i + 1, "NORP", "GROUP", "name", name, 3)]


def _storm(mc: MentionContext, title: Token) -> list[Candidate]:
    """ "Hurricane Rita", "Tropical Storm Allison": a storm title (storm_titles) and the one
    capitalised name after it are an EVENT, not a person; so is that name alone anywhere else
    in the article ("Rita is expected to produce rainfall"), unless a title or honorific
    before it makes it someone ("Mrs Rita Smith" is not the storm)."""
    doc, i = mc.doc, title.i
    name = i + 1
    if name >= len(doc) or not doc[name].is_title or doc[name].pos_ != "PROPN" or not doc[name].is_alpha:
        return []
    if name + 1 < len(doc) and doc[name + 1].is_title and doc[name + 1].pos_ == "PROPN":
        return []  # "Hurricane Katrina Relief Fund": a longer name of something else
    if not mc.in_sections(i, name + 1):
        return []
    found = [Candidate(i, name + 1, "EVENT", "EVENT", "name", clean_spaces(doc[i : name + 1].text), 3)]
    for k in word_positions(doc)[doc[name].text]:
        before = doc[k - 1] if k > 0 else None
        titled = before is not None and (before.lower_ in STORM_TITLES or before.is_title and not before.is_sent_start)
        if k == name or titled:
            continue  # the phrase itself, another storm's, or a name after a title ("Mrs Rita")
        if k + 1 < len(doc) and doc[k + 1].is_title and doc[k + 1].pos_ == "PROPN":
            continue  # "Rita Marley": a longer name, someone else
        if mc.in_sections(k, k + 1):
            found.append(Candidate(k, k + 1, "EVENT", "EVENT", "name", doc[k].text, 3))
    return found


_MOVEMENT_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def _movement(mc: MentionContext, head: Token) -> list[Candidate]:
    """ "the Tea Party movement", "the South American independence movement": a lower-case
    movement noun (movement_nouns) whose modifiers, right before it, open with a capitalised
    name or people's adjective is a social group, one GROUP over the phrase (eval/GUIDE.md),
    not the body NER may make of the name. Lower-case openers ("the anti-war movement") name
    no one; a known country or a person opening it ("Britain's", "Gandhi's") is no modifier,
    and a name right after it ("the Catholic movement Opus Dei") is the body it describes."""
    doc = mc.doc
    after = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper():
        return []  # "the Catholic movement Opus Dei", "Jamaican movement J-Flag": it describes the name after it
    start = head.i
    while start > 0:
        prev = doc[start - 1]
        if prev.dep_ not in _MOVEMENT_MODIFIER_DEPS or not head.i >= prev.head.i >= start - 1:
            break
        if prev.pos_ not in ("PROPN", "ADJ", "NOUN") or not prev.is_alpha:
            break
        start -= 1
    if start == head.i or not doc[start].is_title or doc[start].ent_type_ in ("PERSON", "GPE"):
        return []
    if start == mc.doc[start].sent.start and doc[start].pos_ != "PROPN" and not doc[start].ent_type_:
        return []  # "Independence movement leaders …": a sentence's capital, not a name
    if not mc.in_sections(start, head.i + 1):
        return []
    name = clean_spaces(doc[start : head.i + 1].text)
    return [Candidate(start, head.i + 1, "NORP", "GROUP", "name", name, 3)]


def _joins_title(doc, i: int) -> bool:
    """Function words inside a title, followed by a capitalised word: "Thought for the Day";
    not a day of the week, which says when the programme was on ("the BBC's Westminster Hour
    on Sunday")."""
    k = i
    while k < len(doc) and doc[k].lower_ in PROGRAMME_FUNCTION_WORDS:
        k += 1
    return k > i and k < len(doc) and doc[k].is_title and doc[k].lower_ not in _WEEKDAYS


_WEEKDAYS = frozenset(day.lower() for day in calendar.day_name)


def _headed_name(mc: MentionContext, head: Token) -> list[Candidate]:
    """Capitalised words and a building or institution head make one name, also where NER
    left it untagged or the ruler took a part: "the British Library" (not Britain and a
    library), "St James's Palace", "the Palace of Westminster"."""
    doc = mc.doc
    start = head.i
    while start > 0:
        prev = doc[start - 1]
        if prev.text in POSSESSIVES and start - 2 >= 0 and doc[start - 2].is_title and prev.i - 1 != head.i:
            if is_place_name(doc[start - 2].text):
                break  # "Edinburgh's Napier University": the town's, not part of the name
            start -= 1  # "St James's Palace"
        elif prev.is_title and prev.is_alpha and not prev.is_sent_start and prev.lower_ not in HONORIFICS:
            start -= 1
        else:
            break
    if doc[start].text in POSSESSIVES:
        start += 1
    end = head.i + 1
    if start == head.i and end + 1 < len(doc) and doc[end].lower_ in ("of", "for") and doc[end + 1].is_title:
        end += 1  # "the Palace of Westminster", "the Department for Work and Pensions"
        while end < len(doc) and (
            doc[end].is_title and doc[end].is_alpha
            or doc[end].lower_ == "and" and end + 1 < len(doc) and doc[end + 1].is_title
        ):
            end += 1
    if end - start < 2 or doc[start].text in POSSESSIVES or not mc.in_sections(start, end):
        return []
    if any(t.ent_type_ == "PERSON" for t in doc[start:end] if t.i != head.i):
        return []  # a person named before the head word; the head word alone read as a person is NER's slip
    for ent in ents_covering(doc, head.i):
        if ent.label_ == "PERSON" and len(ent) == 1:
            continue  # "the British Library": NER took "Library" for a surname
        if ent.start < start or ent.end > end:
            return []  # NER or the ruler has a longer name around it
    name = clean_spaces(doc[start:end].text)
    if mc.gaz.by_alias(name):
        return []
    if head.lower_ in BUILDING_HEADS:
        return [Candidate(start, end, "FAC", "LOCATION", "name", name, 3)]
    return [Candidate(start, end, "ORG", "ORGANIZATION", "name", name, 3)]


def _compound_site_name(mc: MentionContext, head: Token) -> list[Candidate]:
    """ "the Sandy Hook Elementary School shooting", "the Zappion Conference Centre": capitalised
    words ending in a kind of site's two words (facility_compounds) make one site's name, a
    LOCATION, also where NER left it untagged; so do capitalised words before a site's word
    (facility_heads) NER left untagged, whose first words NER may have read as a place alone
    ("died in Edinburgh Royal Infirmary", NER's name "Edinburgh"). One that speaks or acts
    ("Cairine Wilson High School said", "a spokeswoman for Aberdeen Royal Infirmary") is the
    body run there and is left to NER."""
    named = _headed_name(mc, head)
    if not named:
        return []
    start, end = named[0].tok_start, named[0].tok_end
    while start < end and mc.doc[start].lower_ in ARTICLES:
        start += 1  # "to The Kennedy Space Centre": the article is no part of the name
    if not facility_name(mc.doc[start:end]):
        return []
    name = clean_spaces(mc.doc[start:end].text)
    return [replace(named[0], tok_start=start, label="FAC", entity_type="LOCATION", name=name)]


def _demonym_led_body(mc: MentionContext, head: Token) -> list[Candidate]:
    """ "the British National Party", "the Chinese Communist Party": the ruler took the
    demonym, so NER tagged none of the rest, and the country alone was all that was left of
    the name. A country's demonym, then capitalised words no entity holds, ending in a
    body's word (body_heads), are one ORGANIZATION."""
    doc = mc.doc
    if head.ent_type_:
        return []
    k = head.i
    while k > 0 and doc[k - 1].is_title and doc[k - 1].is_alpha and not doc[k - 1].ent_type_:
        k -= 1
    first = k - 1
    if k == head.i:
        return []  # "British Party leaders": a word of the name's own between the two, or no name
    if first < 0 or doc[first].ent_type_ != "NORP" or not doc[first].ent_id_.startswith("country:"):
        return []
    if doc[first].ent_iob_ != "B" or not doc[first].is_title or not mc.in_sections(first, head.i + 1):
        return []
    if mc.section[first] != mc.section[head.i] or any(t.is_sent_start for t in doc[first + 1 : head.i + 1]):
        return []
    name = clean_spaces(doc[first : head.i + 1].text)
    return [Candidate(first, head.i + 1, "ORG", "ORGANIZATION", "name", name, 3)]


def _programme(mc: MentionContext, possessive: Token) -> list[Candidate]:
    """A broadcaster's programme is one name: "BBC One's Breakfast with Frost", "BBC Radio
    4's Today programme", "Radio Four's the World at One" (not a meal and a person)."""
    doc, i = mc.doc, possessive.i
    # "BBC1", "ITV1": a channel's number written onto the broadcaster's word
    words = [t.lower_.rstrip("0123456789") for t in doc[max(0, i - 3) : i] if t.text[:1].isupper()]
    if i == 0 or not any(w in BROADCASTER_WORDS for w in words):
        return []
    start = i + 1
    if start < len(doc) and doc[start].lower_ == "the":
        start += 1
    end = start
    # not on into a name the gazetteer knows after "and": "BBC1's Breakfast With Frost and the
    # BBC World Service"; a known name inside the title is part of it ("BBC Wales's Wales Today")
    while end < len(doc) and not _listed_after(doc, start, end) and (
        doc[end].is_title or doc[end].like_num or _joins_title(doc, end)
    ):
        end += 1
    if end < len(doc) and _listed_after(doc, start, end):
        while end > start and doc[end - 1].lower_ in PROGRAMME_FUNCTION_WORDS:
            end -= 1
    if end == start or doc[end - 1].lower_ in PROGRAMME_FUNCTION_WORDS or not mc.in_sections(start, end):
        return []
    # "BBC Radio 4's Today programme": the title is the name, "programme" a word of the mention
    name = clean_spaces(doc[start:end].text)
    if end < len(doc) and doc[end].lower_ in ("programme", "show"):
        end += 1
    elif _reporter(doc, start, end):
        return []
    return [Candidate(start, end, "ORG", "ORGANIZATION", "name", name, 3)]


def _listed_after(doc, start: int, end: int) -> bool:
    """A known name (the gazetteer's) at `end` that "and" before it, past function words,
    lists beside the programme rather than continues its title."""
    if not doc[end].ent_id_:
        return False
    k = end - 1
    while k >= start and doc[k].lower_ in PROGRAMME_FUNCTION_WORDS:
        if doc[k].lower_ == "and":
            return True
        k -= 1
    return False


def _reporter(doc, start: int, end: int) -> bool:
    """ "The BBC's Rachel Harvey": a given name and a surname NER reads as one person, after a
    broadcaster's possessive, are its correspondent, not a programme, as is a person NER found
    whole that the words after it place ("the BBC's Louisa Lim in Beijing"); so are two or three
    names whose last the article writes after an honorific ("PBS' Jacoba Atlas ... Ms
    Atlas said"), whatever NER made of them."""
    first = doc[start]
    if (
        first.lower_ in GIVEN_NAMES
        and first.ent_type_ == "PERSON"
        and first.ent_iob_ == "B"
        and start + 1 < end
        and doc[start + 1].ent_iob_ == "I"
    ):
        return True
    # "the BBC's Louisa Lim in Beijing": a person NER found whole, and after it no capitalised word
    # that would go on with a title, only where the correspondent is
    person = next((e for e in ents_covering(doc, start) if e.start == start and e.label_ == "PERSON"), None)
    if person is not None and len(person) > 1 and person.end + 1 < end and doc[person.end].lower_ == "in":
        place = doc[person.end + 1].ent_id_
        if place.startswith(("city:", "country:", "location:")):
            return True
    words = doc[start:end]
    return 2 <= len(words) <= 3 and all(t.is_title and t.is_alpha for t in words) and _styled_elsewhere(doc, words[-1])


def _styled_elsewhere(doc, surname: Token) -> bool:
    """The word `surname` written right after an honorific somewhere in the article ("Ms Atlas")."""
    return any(
        i > 0 and doc[i - 1].lower_.rstrip(".") in HONORIFICS and i != surname.i
        for i in word_positions(doc).get(surname.text, ())
    )


def _member_body(mc: MentionContext, kw: Token) -> list[Candidate]:
    """ "Greenpeace activists", "Taleban fighters": the capitalised words just before a
    members noun name the body the members act for, when the gazetteer knows them as a
    body or NER reads exactly them as one (a demonym is `_national_group`'s)."""
    doc, i = mc.doc, kw.i
    if kw.tag_ not in ("NNS", "NNPS"):
        return []
    start = i
    while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].dep_ in ("compound", "amod", "nmod"):
        start -= 1
    if start == i or not mc.in_sections(start, i):
        return []
    span = doc[start:i]
    entry = mc.gaz.by_alias(span.text)
    if entry is not None and entry.entity_id.startswith("org:"):
        return [
            Candidate(start, i, "ORG", entry.entity_type, "name", entry.name, 3, entry.entity_id,
                      country_iso3=entry.country_iso3)
        ]  # fmt: skip
    if entry is None and all(t.ent_type_ == "ORG" for t in span) and is_whole_ent(doc, start, i):
        return [Candidate(start, i, "ORG", "ORGANIZATION", "name", clean_spaces(span.text), 3)]
    return []


def _committee(mc: MentionContext, head: Token) -> list[Candidate]:
    """ "the Commons work and pensions committee", "the Lords select committee": a named body,
    the lower-case words of its remit and a committee noun are one organisation, the
    committee, so that the body is not read as the one that acts or speaks."""
    doc = mc.doc
    k = head.i - 1
    while k >= 0 and head.i - k <= 6 and (_remit_word(doc[k]) or doc[k].text == ","):
        k -= 1
    if k < 0 or k == head.i - 1:
        return []  # "the Labour committee": no remit, the body's own committee is the body
    body = next((e for e in ents_covering(doc, k) if e.end == k + 1 and e.label_ == "ORG"), None)
    if body is None or not mc.in_sections(body.start, head.i + 1):
        return []
    name = clean_spaces(doc[body.start : head.i + 1].text)
    entry = mc.gaz.entries.get(body.ent_id_)
    iso3 = entry.country_iso3 if entry is not None else None
    return [Candidate(body.start, head.i + 1, "ORG", "ORGANIZATION", "name", name, 3, country_iso3=iso3)]


def _remit_word(token: Token) -> bool:
    """A lower-case word of a committee's remit ("work and pensions", "constitution select"):
    nouns, adjectives, "and", and words the tagger reads as verbs ("select", "standing"); not
    the infinitive marker, articles or particles of a clause that only ends in a committee
    ("the House of Lords to set up a special committee", "the Lords appointed a special committee")."""
    return token.is_lower and token.is_alpha and token.pos_ in _REMIT_POS and token.tag_ != "TO"


_REMIT_POS = frozenset({"NOUN", "ADJ", "CCONJ", "PROPN", "VERB"})


def _alone_in_its_name(token: Token) -> bool:
    """NER typed the one glued token alone, a participle after the hyphen ("U.S.-run" typed
    ORG): no longer name holds it."""
    doc = token.doc
    alone = token.ent_iob_ == "B" and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")
    return alone and token.text.rsplit("-", 1)[1].islower()  # "U.S.-run", not "Rolls-Royce"


def _hyphen_prefix(mc: MentionContext, token: Token) -> list[Candidate]:
    """A known name glued to a participle in one token: "U.S.-mediated", "EU-brokered"."""
    prefix = token.text.split("-", 1)[0]
    if len(prefix) < 2 or not prefix[0].isupper() or not mc.in_sections(token.i, token.i + 1):
        return []
    end = token.idx + len(prefix)
    entry = mc.gaz.by_alias(prefix)
    if entry is not None and entry.entity_id.startswith(("country:", "org:", "location:")):
        label = "GPE" if entry.entity_type == "COUNTRY" else "ORG" if entry.entity_id.startswith("org:") else "LOC"
        return [
            Candidate(
                token.i,
                token.i + 1,
                label,
                entry.entity_type,
                "name",
                entry.name,
                2,
                entry.entity_id,
                country_iso3=entry.country_iso3,
                char_end=end,
            )
        ]
    iso3 = mc.gaz.demonym_country(prefix)
    if iso3:
        country = mc.gaz.country(iso3)
        return [
            Candidate(
                token.i,
                token.i + 1,
                "NORP",
                "COUNTRY",
                "demonym",
                country.name,
                2,
                country.entity_id,
                country_iso3=iso3,
                char_end=end,
            )
        ]
    return []


def _country_before(mc: MentionContext, i: int) -> tuple[int, str, str] | None:
    """(first token, iso3, how) of a demonym or "<Country>'s" ending at token i."""
    doc = mc.doc
    if i < 0:
        return None
    if doc[i].text in POSSESSIVES and i > 0:
        span = _gazetteer_span_ending(mc, i - 1)
        if span and span.ent_id_.startswith("country:"):
            return span.start, span.ent_id_.split(":", 1)[1], "possessive"
        return None
    span = _gazetteer_span_ending(mc, i)
    if span and span.start > 0 and qualifies_a_region(doc[span.start - 1]):
        return None  # "the Northern Irish parliament", "South American villagers": a region's, not the country's
    if (
        span
        and span.label_ == "NORP"
        and span.ent_id_.startswith("country:")
        and len(span) == 1
        and mc.gaz.demonym_country(span.text)
        and not is_plural_demonym(span[0], mc.gaz)
    ):
        return span.start, span.ent_id_.split(":", 1)[1], "demonym"
    return None


def _country_after_of(mc: MentionContext, i: int) -> tuple[int, str] | None:
    doc = mc.doc
    if i + 1 >= len(doc) or doc[i].lower_ != "of":
        return None
    k = i + 1
    if doc[k].lower_ == "the":
        k += 1
    for ent in ents_covering(doc, k):
        if ent.start == k and ent.ent_id_.startswith("country:") and ent.label_ == "GPE":
            return ent.end, ent.ent_id_.split(":", 1)[1]
    return None


def _gazetteer_span_ending(mc: MentionContext, i: int) -> Span | None:
    token = mc.doc[i]
    if token.ent_iob_ == "O" or not token.ent_id_:
        return None
    for ent in ents_covering(mc.doc, i):
        if ent.end - 1 == i and ent.ent_id_:
            return ent
    return None


def _ministry(mc: MentionContext, kw: Token) -> list[Candidate]:
    doc, i = mc.doc, kw.i
    words: list[str] = []
    end = i + 1
    if i + 2 < len(doc) and doc[i + 1].lower_ == "of":  # "Ministry of Foreign Affairs"
        j = i + 2
        while j < len(doc) and (doc[j].is_title or doc[j].lower_ == "and" and j + 1 < len(doc) and doc[j + 1].is_title):
            if doc[j].ent_iob_ != "O" and doc[j].ent_id_:
                break
            words.append(doc[j].lower_)
            j += 1
        if words:
            end = j
    j = i - 1
    left: list[str] = []
    while j >= 0 and len(left) < 3 and doc[j].is_alpha and doc[j].lower_ not in {"the", "a", "of"}:
        if doc[j].ent_id_ or doc[j].is_sent_start and not left:
            break
        left.insert(0, doc[j].lower_)
        j -= 1
    if not words:
        words = left
    elif left:
        return []
    found = _country_before(mc, j)
    if found is None and words:  # "the Foreign Ministry of Azerbaijan"
        found_after = _country_after_of(mc, end)
        if found_after is not None:
            end, iso3 = found_after
            found = (j + 1, iso3, "of")
    if not found or not words:
        return []
    start, iso3, _ = found
    key = " ".join(words)
    key = MINISTRY_SYNONYMS.get(key, key)
    if not mc.in_sections(start, end):
        return []
    title = " ".join(w.capitalize() for w in key.split())
    demonym = mc.primary_demonym.get(iso3, mc.gaz.country(iso3).name)
    return [
        Candidate(
            start,
            end,
            "ORG",
            "ORGANIZATION",
            "name",
            f"{demonym} {title} Ministry",
            3,
            gazetteer_id=f"org:{iso3.lower()}-{slug(key)}-ministry",
            country_iso3=iso3,
        )
    ]


def _mission(mc: MentionContext, kw: Token) -> list[Candidate]:
    """ "the German Embassy", "A US Embassy spokesman": a country's demonym or name right before a
    capitalised mission noun (mission_heads) names that country's mission, one ORGANIZATION of the
    country (named by its demonym: "German Embassy"), not the country the ruler's word alone is."""
    i = kw.i
    found = _country_before(mc, i - 1)
    if found is None or found[2] != "demonym":
        span = _gazetteer_span_ending(mc, i - 1) if i > 0 else None
        if span is None or span.label_ != "GPE" or not span.ent_id_.startswith("country:"):
            return []
        found = (span.start, span.ent_id_.split(":", 1)[1], "name")
    start, iso3, _ = found
    if not mc.in_sections(start, i + 1):
        return []
    demonym = mc.primary_demonym.get(iso3, mc.gaz.country(iso3).name)
    name = f"{demonym} {kw.text.capitalize()}"
    return [Candidate(start, i + 1, "ORG", "ORGANIZATION", "name", name, 3, country_iso3=iso3)]


def _geo_feature(mc: MentionContext, kw: Token) -> list[Candidate]:
    doc, i = mc.doc, kw.i
    if kw.tag_ not in ("NN", "NNS", "NNP", "NNPS"):
        return []
    j = i - 1
    # a known region the tagger reads as an adjective ("Atlantic provinces") is a name too
    while j >= 0 and doc[j].is_title and doc[j].is_alpha and (
        doc[j].tag_ in ("NNP", "NNPS") or doc[j].ent_id_.startswith("location:")
    ):
        j -= 1
    start = j + 1
    if start == i or doc[start].is_sent_start and start == i - 1 and doc[start].ent_iob_ == "O":
        return []
    name_span = doc[start:i]
    if kw.ent_type_ == "PERSON" and kw.text[:1].isupper():
        return []  # "Mike Lake": NER reads the feature word as a surname
    after = doc[i + 1] if i + 1 < len(doc) else None
    if kw.ent_type_ and after is not None and after.ent_iob_ == "I" and after.text[:1].isupper():
        return []  # "Thames Valley Police", "Salt Lake City": NER's longer name goes on past the feature word
    text = name_span.text
    known = any(t.ent_id_ for t in name_span) or mc.gaz.by_alias(text) or mc.gaz.demonym_country(text)
    if known and not _parts_of_a_region(mc, name_span, kw):
        return []  # "Armenian border", "Karabakh region": the known name is the entity
    if any(t.lower_ in mc.role_words or t.lower_ in HONORIFICS for t in name_span):
        return []
    if not mc.in_sections(start, i + 1):
        return []
    if _second_of_a_pair(doc, start):
        return []  # "the Texas-Louisiana border": the border of two places, each a name of its own
    name = f"{name_span.text} {kw.text}"
    if kw.is_lower and kw.lower_ in AREA_NOUNS:
        name = name_span.text  # "the Andes mountains", "Aceh province": the name, described
    return [Candidate(start, i + 1, "LOC", "LOCATION", "name", name, 3)]


def _second_of_a_pair(doc, start: int) -> bool:
    """The name is the second of two places joined by a hyphen or dash ("Texas-Louisiana")."""
    return start >= 2 and doc[start - 1].text in ("-", "–", "—") and doc[start - 2].ent_type_ in ("GPE", "LOC")


def _parts_of_a_region(mc: MentionContext, name_span, kw: Token) -> bool:
    """ "Canada's Atlantic provinces", "the Pacific islands": a known sea or world region
    (no country, no city) before a plural feature noun names the parts of a state or the
    world by it, a place of its own, not the sea."""
    entry = mc.gaz.by_alias(name_span.text)
    region = entry is not None and entry.entity_id.startswith("location:") and entry.country_iso3 is None
    return kw.tag_ == "NNS" and region


def _national_service(mc: MentionContext, kw: Token) -> list[Candidate]:
    """ "the Macedonian army", "Russia's navy": a state's armed service is one body of that
    state (eval/GUIDE.md: a national body is an ORGANIZATION), named like its ministries."""
    if kw.tag_ not in ("NN", "NNP") or kw.dep_ == "compound":
        return []  # "army officers", "navy ships": the noun describes something of the service
    found = _country_before(mc, kw.i - 1)
    if found is None:
        return _bare_parliament(mc, kw)
    if not mc.in_sections(found[0], kw.i + 1):
        return []
    start, iso3, _ = found
    demonym = mc.primary_demonym.get(iso3, mc.gaz.country(iso3).name)
    name = f"{demonym} {kw.lower_.capitalize()}"
    return [
        Candidate(
            start, kw.i + 1, "ORG", "ORGANIZATION", "name", name, 3,
            gazetteer_id=f"org:{iso3.lower()}-{kw.lower_}", country_iso3=iso3,
        )
    ]


def _bare_parliament(mc: MentionContext, kw: Token) -> list[Candidate]:
    """ "will be given by the parliament", "waited outside of parliament", "a statement to
    parliament": "parliament" alone, with no word of its own but "the", names the
    legislature the article is about, one ORGANIZATION with a capitalised "Parliament"
    (eval/GUIDE.md annotates it as a surface of that body), named as the article names that
    body; not "a regional parliament", "this parliament" (a term), "members of parliament"
    (the members), "run for parliament" (a seat) or "parliament buildings"."""
    doc = mc.doc
    if kw.lower_ != "parliament" or not kw.is_lower or kw.dep_ == "compound":
        return []
    if any(c.dep_ != "det" or c.lower_ != "the" for c in kw.children if c.i < kw.i):
        return []
    if kw.dep_ == "pobj" and kw.head.lower_ == "of" and kw.head.head.lower_ in LEGISLATURE_MEMBER_HEADS:
        return []
    if kw.dep_ == "pobj" and kw.head.lower_ == "for" and kw.head.head.lemma_ in SEAT_SEEKING_VERBS:
        return []  # "run for parliament": a seat in it
    if not mc.in_sections(kw.i, kw.i + 1):
        return []
    # "the Scottish Parliament ... a statement to parliament": the one the article names, the
    # nearest before it (else after it); one entity, not a second, bare "Parliament"
    named: list[tuple[int, str, str | None, str | None]] = []  # (token, name, gazetteer id, iso3)
    for e in doc.ents:
        if e.label_ == "ORG" and len(e) > 1 and e[-1].text == "Parliament":
            entry = mc.gaz.entries.get(e.ent_id_)
            name = entry.name if entry else clean_spaces(e.text.removeprefix("the "))
            named.append((e.start, name, entry and entry.entity_id, entry and entry.country_iso3))
    for t in doc:  # "Iran's parliament ... taken by parliament": the state's, as _national_service names it
        if t.lower_ == "parliament" and t.i != kw.i and (found := _country_before(mc, t.i - 1)) is not None:
            iso3 = found[1]
            name = f"{mc.primary_demonym.get(iso3, mc.gaz.country(iso3).name)} Parliament"
            named.append((t.i, name, f"org:{iso3.lower()}-parliament", iso3))
    named.sort()
    before = [n for n in named if n[0] < kw.i]
    _, name, built, iso3 = before[-1] if before else named[0] if named else (kw.i, "Parliament", None, None)
    return [
        Candidate(kw.i, kw.i + 1, "ORG", "ORGANIZATION", "name", name, 3, gazetteer_id=built, country_iso3=iso3)
    ]


def _nation_people(mc: MentionContext, kw: Token) -> list[Candidate]:
    """ "the American people" where the article also writes "Americans": a country's adjective
    and a noun for its people as a whole (nation_nouns) is that people, a GROUP, one with the
    plural demonym; not "two British people" (persons counted, whose nationality is the
    country's), nor where the article never names the people by its plural."""
    doc, i = mc.doc, kw.i
    if kw.dep_ == "compound" or not kw.is_lower or any(c.dep_ == "nummod" for c in kw.children):
        return []
    found = _country_before(mc, i - 1)
    if found is None or found[2] != "demonym" or not mc.in_sections(found[0], i + 1):
        return []
    start, iso3, _ = found
    if not any(is_plural_demonym(t, mc.gaz) and mc.gaz.demonym_country(t.text) == iso3 for t in doc):
        return []
    name = clean_spaces(doc[start : i + 1].text)
    return [Candidate(start, i + 1, "NORP", "GROUP", "name", name, 3, country_iso3=iso3)]


def _national_group(mc: MentionContext, kw: Token) -> list[Candidate]:
    """ "Russian peacekeepers", "Western powers", "the ethnic Albanian minority": a demonym or
    bloc adjective and a group or population noun."""
    doc, i = mc.doc, kw.i
    # the tagger may read a plural group noun as a verb where it heads a subject ("Kashmiri
    # separatists called …": VBZ, nsubj); its dependency still says it is the noun
    misread = kw.tag_ == "VBZ" and kw.dep_ in ANY_SUBJECT_DEPS and kw.lower_ in GROUP_NOUNS
    if kw.tag_ not in ("NNS", "NNPS") and not misread and kw.lower_ not in POPULATION_NOUNS:
        return []  # "Russian peacekeepers"; singular only "the Kurdish population"
    if kw.lower_ in POPULATION_NOUNS and kw.dep_ == "compound":
        return []  # "a Muslim community centre": the noun names a thing of the group's
    j = i - 1
    if j >= 0 and doc[j].lower_ in GROUP_MODIFIERS:
        j -= 1
    people = j >= 0 and doc[j].lower_ in PEOPLE_ADJECTIVES and doc[j].is_title
    # "Western election observers": a bloc's adjective NER left untagged (the sentence's first word)
    bloc = j >= 0 and doc[j].lower_ in BLOC_ADJECTIVES and doc[j].is_title and not doc[j].ent_type_
    place = territory_before(mc, j) if kw.is_lower and (kw.tag_ == "NNS" or misread) else None
    if place is not None:  # "Darfur rebels", "Kashmir militants": the territory's band, not the place
        if not mc.in_sections(place.start, i + 1):
            return []
        name = clean_spaces(doc[place.start : i + 1].text)
        iso3 = mc.gaz.entries[place.ent_id_].country_iso3
        return [Candidate(place.start, i + 1, "NORP", "GROUP", "name", name, 3, country_iso3=iso3)]
    if j < 0 or not (people or bloc) and doc[j].ent_type_ != "NORP" or not doc[j].text[:1].isupper():
        return []
    found = _country_before(mc, j)
    if found is not None and found[2] == "demonym":
        start, iso3 = found[0], found[1]
    elif people or bloc:
        start, iso3 = j, None  # "Tamil rebels", "Sunni insurgents": NER may type the adjective a person
    elif not doc[j].ent_id_ and is_whole_ent(doc, j, j + 1):
        start, iso3 = j, None  # "Western", "Arab": a bloc, not a country
    else:
        return []
    if not mc.in_sections(start, i + 1):
        return []
    span = doc[start : i + 1]
    return [Candidate(start, i + 1, "NORP", "GROUP", "name", clean_spaces(span.text), 3, country_iso3=iso3)]


def _people(mc: MentionContext, kw: Token) -> list[Candidate]:
    """ "Kurds", "ethnic Kashmiris", "Shia Muslims", "British Muslims": a stateless people,
    faith or sect (people_nouns), with the adjectives of a people, a demonym or a group
    modifier before it, is a GROUP, also where NER missed it or typed it a person. Not a
    word inside a longer name NER or the gazetteer found ("Young Muslims UK")."""
    doc, i = mc.doc, kw.i
    if not kw.text[:1].isupper() or kw.is_upper or kw.tag_ not in ("NNS", "NNPS", "NNP"):
        return []  # capitalised ("Shi'ites" is no title case to Python)
    plural = people_word(kw.lower_)
    singular = plural != kw.lower_.replace("'", "").replace("’", "")
    if singular and not any(c.dep_ == "det" for c in kw.children):
        return []  # "a 42-year-old Kurd", not "Shi'a Adel Abdul Mahdi" or "Sunni Arab tribal leader …"
    start = i
    while start > 0 and i - start < 2:
        prev = doc[start - 1]
        demonym = prev.is_title and mc.gaz.demonym_country(prev.text) and not is_plural_demonym(prev, mc.gaz)
        if prev.lower_ in GROUP_MODIFIERS or prev.is_title and prev.lower_ in PEOPLE_ADJECTIVES or demonym:
            start -= 1
        elif _country_name_modifier(mc, start - 1):
            start -= 1  # "UK Muslims" is one people, named like "British Muslims"
        elif _faith_branch(mc, prev):
            start -= 1  # "liberal Jews", "Orthodox Jews": a branch of the faith, a group of its own
            break
        else:
            break
    for ent in ents_covering(doc, i):
        if ent.label_ not in ("NORP", "PERSON") and (ent.start < start or ent.end > i + 1):
            return []
    if not mc.in_sections(start, i + 1):
        return []
    first = start + (doc[start].lower_ in GROUP_MODIFIERS)  # "ethnic Kurds" is named "Kurds", like "ethnic Armenians"
    name = clean_spaces(doc[first:i].text + " " + (plural.capitalize() if singular else kw.text)).strip()
    return [Candidate(start, i + 1, "NORP", "GROUP", "name", name[0].upper() + name[1:], 3)]


def _faith_branch(mc: MentionContext, token: Token) -> bool:
    """ "liberal" of "liberal Jews", "Orthodox" of "Orthodox Jews": a branch or observance of a
    faith or people (faith_branch_adjectives), not a party's adjective the gazetteer knows as a
    body's name ("Conservative" of "Conservative Muslims", the party's)."""
    if token.lower_ not in FAITH_BRANCH_ADJECTIVES:
        return False
    known = None if token.is_lower else mc.gaz.by_alias(token.text)
    return known is None or known.entity_type != "ORGANIZATION"


def _country_name_modifier(mc: MentionContext, j: int) -> bool:
    """ "UK Muslims", "US Jews": a country's one-word name before a people's noun, as its
    demonym would be ("British Muslims"), says whose the people are; the phrase is the
    group, not the country and a people."""
    span = _gazetteer_span_ending(mc, j)
    return (
        span is not None
        and len(span) == 1
        and span.label_ == "GPE"
        and span.ent_id_.startswith("country:")
        and mc.doc[j].dep_ == "compound"
    )


def without_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    ranked = sorted(candidates, key=lambda c: (-c.priority, -(c.tok_end - c.tok_start), c.tok_start))
    taken: set[int] = set()
    out = []
    for c in ranked:
        span = range(c.tok_start, c.tok_end)
        if taken.intersection(span):
            continue
        taken.update(span)
        out.append(c)
    return sorted(out, key=lambda c: c.tok_start)
