"""Candidates from the entity ruler and statistical NER, typed by how the sentence uses them.

A gazetteer span keeps its id; a capital used as an actor becomes its country (kind
`metonym`), a demonym adjective its country (kind `demonym`), a plural demonym a people
(GROUP). NER spans are trimmed, split from titles and honorifics, and dropped when they
are only a title ("the Cardinal" typed ORG) or part of one ("Canterbury" in "Archbishop
of Canterbury").
"""

from __future__ import annotations

import calendar
from dataclasses import replace

from spacy.tokens import Span, Token

from pipeline.nlp.mentions.context import (
    NER_LABELS,
    THING_OF_LABEL,
    TYPE_OF_LABEL,
    UNRESOLVED,
    Candidate,
    MentionContext,
    clean_spaces,
    ents_covering,
    is_plural_demonym,
)
from pipeline.nlp.mentions.kinds import _spoken_for, shaped_like_a_person
from pipeline.nlp.mentions.people import completes_title, is_bare_title, person, starts_title, titled_name
from pipeline.nlp.mentions.sovereigns import sovereigns
from pipeline.nlp.mentions.vocabulary import (
    BODY_HEADS,
    BODY_POSTS,
    BUILDING_HEADS,
    COMMON_ABBREVIATIONS,
    CORPORATE_SUFFIXES,
    DOCUMENT_HEADS,
    ENVOY_NOUNS,
    EVENT_HEADS,
    EVENT_OPENERS,
    FACILITY_HEADS,
    GIVEN_NAMES,
    GOVERNING_TITLES,
    GOVERNMENT_NAMES,
    GOVERNMENT_NOUNS,
    GROUP_MODIFIERS,
    HOLIDAYS,
    HONORIFICS,
    INSTITUTION_HEADS,
    LAW_HEADS,
    MOTION_VERBS,
    NUMBERED_EVENT_HEADS,
    ORG_HEADS,
    ORG_NOUNS,
    OUTLET_HEADS,
    PEOPLE_ADJECTIVES,
    PEOPLE_NOUNS,
    PLACE_ADJECTIVES_OR_PLACES,
    PLACE_NAME_OPENERS,
    PLACE_NOUNS,
    PLACE_QUALIFIERS,
    REGION_ADJECTIVES,
    REPORTING_VERBS,
    SITE_DOMAINS,
    TARGET_HEADS,
    TITLE_MODIFIERS,
    TITLE_NOUNS,
    UK_PLACES,
    UNIT_WORDS,
    is_body_word,
    qualifies_a_region,
)
from pipeline.nlp.syntax import PLACE_PREPS, POSSESSIVES, trim_tokens
from pipeline.nlp.token_view import view_of


def _people_group(mc: MentionContext, span: Span, iso3: str | None) -> Candidate:
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
    if start > 0 and doc[start - 1].lower_ in GROUP_MODIFIERS and mc.section[start - 1] == mc.section[start]:
        start -= 1
    return Candidate(start, end, "NORP", "GROUP", "name", name, 2, country_iso3=iso3)


def _people_adjective(mc: MentionContext, token) -> bool:
    """A capitalised adjective of a people: a stateless one's ("Kurdish", "Aboriginal") or a
    country's demonym used as an adjective ("Turkish", not the plural "Turks")."""
    if not token.is_title:
        return False
    if token.lower_ in PEOPLE_ADJECTIVES:
        return True
    return mc.gaz.demonym_country(token.text) is not None and not is_plural_demonym(token, mc.gaz)


def _people_phrase(mc: MentionContext, span: Span) -> bool:
    """ "Aboriginal Australians", "ethnic Kurds" typed ORG or PERSON: a plural demonym or a
    stateless people's noun, after only people adjectives or group modifiers."""
    last = span[-1]
    if not last.is_title or not (last.lower_ in PEOPLE_NOUNS or is_plural_demonym(last, mc.gaz)):
        return False
    return all(t.lower_ in GROUP_MODIFIERS or _people_adjective(mc, t) for t in span[:-1])


def entity_candidates(mc: MentionContext) -> list[Candidate]:
    out = []
    for ent in view_of(mc.doc).ents:
        if ent.label_ not in NER_LABELS:
            continue
        split = _body_then_holder(mc, ent)
        if split:
            out.extend(split)
            continue
        candidate = _classify(mc, ent)
        if candidate is not None:
            out.append(candidate)
    return (
        out + _untagged_names(mc) + _untagged_given_names(mc) + _untagged_bodies(mc) + _untagged_listed_places(mc)
        + _untagged_sites(mc) + sovereigns(mc)
    )


def _untagged_sites(mc: MentionContext) -> list[Candidate]:
    """ "According to web site RottenTomatoes.com", "the closure of the Suprnova.org website":
    one capitalised token NER left untagged that ends in a web domain (site_domains) and is
    no part of an address ("http://", "www.", a path) names the site, an organisation."""
    doc, out = mc.doc, []
    for i, token in enumerate(doc):
        if not token.ent_type_ and _site_name(token) and mc.in_sections(i, i + 1):
            out.append(Candidate(i, i + 1, "ORG", "ORGANIZATION", "name", token.text, 0))
    return out


def _site_name(token: Token) -> bool:
    """ "RottenTomatoes.com", "Suprnova.org": a capitalised name and a web domain (site_domains)
    in one token, no address ("www.", a path, or after "http:" or "/")."""
    text = token.text
    if not text[:1].isupper() or "/" in text or text.lower().startswith("www."):
        return False
    stem, dot, domain = text.partition(".")
    if not dot or domain.lower() not in SITE_DOMAINS or not stem.replace("-", "").isalnum():
        return False
    return token.i == 0 or token.doc[token.i - 1].text not in ("/", ":", "//", ".")


def _legal_form_end(span: Span) -> bool:
    """A company's name ends in its legal form (corporate_suffixes) after a comma, "&" or
    "and" ("Sears, Roebuck & Co.", "Bear, Stearns and Co.", "Google, Inc."): one name, not a
    list."""
    return len(span) > 2 and span[-1].lower_.rstrip(".") in CORPORATE_SUFFIXES and span[-2].text in (",", "&", "and")


def _untagged_listed_places(mc: MentionContext) -> list[Candidate]:
    """ "sheltered in Halifax as well as St. John's and Gander in Newfoundland": one capitalised
    proper noun NER left untagged, joined by "and"/"or" to a place it tagged, is a place of the
    same list (not a word the article writes in lower case, nor a given name, nor one it writes
    elsewhere as the first word of a longer name no place's)."""
    doc, out = mc.doc, []
    view = view_of(doc)
    lowered = _lowered(doc)
    for i in range(1, len(doc)):
        if view.tag[i] != "NNP" or view.lower[i - 1] not in ("and", "or"):
            continue
        token = doc[i]
        if token.ent_type_ or not token.is_title or not token.is_alpha or token.dep_ != "conj":
            continue
        if token.head.ent_type_ not in ("GPE", "LOC") or token.lower_ in lowered or token.lower_ in GIVEN_NAMES:
            continue
        if token.head.dep_ in ("compound", "nmod", "amod") and token.head.head.pos_ == "NOUN":
            continue  # "the England and Leicester cause": the list modifies a noun, teams or sides as likely
        if i + 1 < len(doc) and (doc[i + 1].ent_type_ or doc[i + 1].is_title or doc[i + 1].text in POSSESSIVES):
            continue  # the name goes on, or owns something
        if not mc.in_sections(i, i + 1) or mc.gaz.by_alias(token.text):
            continue
        if _opens_a_name_elsewhere(doc, i):
            continue  # "the show Bethan and Huw in Wales" over "Huw Stephens has been …": a given name
        out.append(Candidate(i, i + 1, "GPE", "LOCATION", "name", token.text, 0))
    return out


def _opens_a_name_elsewhere(doc, i: int) -> bool:
    """Whether the article writes doc[i]'s word elsewhere before a capitalised name word, the
    two no place's name NER found ("Huw Stephens", against "Gander International Airport")."""
    return any(
        j + 1 < len(doc) and doc[j + 1].is_title and doc[j + 1].is_alpha and doc[j].ent_type_ in ("", "PERSON")
        for j in _positions(doc)[view_of(doc).text[i]]
    )  # doc[i] itself never qualifies: the caller skips a word with a capitalised word after it


def _untagged_bodies(mc: MentionContext) -> list[Candidate]:
    """ "The Daily Telegraph quotes Yushchenko", "The Bloc Québécois backed the budget": "the"
    and two to four capitalised proper nouns NER left untagged, as the subject of a verb, are a
    body's name (a person's name takes no article; a post, a given name or a known name is
    left to the other rules)."""
    doc, out = mc.doc, []
    view = view_of(doc)
    for i in range(len(doc) - 2):
        if view.lower[i] != "the" or view.tag[i + 1] not in ("NNP", "NNPS"):
            continue
        end = i + 1
        while end < len(doc) and end - i <= 4 and doc[end].tag_ in ("NNP", "NNPS") and doc[end].is_title:
            end += 1
        span = doc[i + 1 : end]
        if len(span) < 2 or not mc.in_sections(span.start, span.end):
            continue
        if end < len(doc) and (doc[end].is_title and doc[end].is_alpha or doc[end].ent_type_):
            continue  # the name goes on
        if any(t.ent_type_ or not t.is_alpha or t.lower_ in mc.role_words or t.lower_ in HONORIFICS for t in span):
            continue
        if span[0].lower_ in GIVEN_NAMES or mc.gaz.by_alias(span.text) or span.root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if span[-1].lower_ in DOCUMENT_HEADS | LAW_HEADS | EVENT_HEADS:
            continue  # "the Valech Report was issued …": a document or an occasion, no body
        out.append(Candidate(span.start, span.end, "ORG", "ORGANIZATION", "name", clean_spaces(span.text), 0))
    return out


def _body_then_holder(mc: MentionContext, ent: Span) -> list[Candidate]:
    """ "Secretary General of the Andean Community Wagner", "For the Lib Dems David Laws
    said": NER ran a body's name on into the name of someone after it. A span that goes on
    past a body's name with one to three capitalised name words is the body and then a
    person. The body's name is known when its last word is one only a body's name ends in
    (body_heads), and the words after it name someone when the last of them stands alone
    elsewhere in the article ("said Wagner"), a post "of" the body comes before it, or they
    start with a common given name. A body the article names on its own elsewhere ("Lib Dems
    David Laws") is known too, but then only a given name shows where it ends: "Fiat Auto",
    "Mittal Steel" and "Allied Domecq" are one company whose first word is also used alone."""
    doc = mc.doc
    if ent.label_ != "ORG" or ent.ent_id_ or len(ent) < 2:
        return []
    named: set[str] | None = None  # the names of the other spans, made when first asked
    for k in range(ent.start + 1, ent.end):
        rest = doc[k : ent.end]
        if not doc[k - 1].is_title or len(rest) > 3:
            continue
        if not all(
            t.is_title and t.is_alpha and t.tag_ == "NNP" and t.lower_ not in mc.role_words
            and t.lower_ not in ORG_HEADS | HONORIFICS.keys() and not t.ent_id_
            for t in rest
        ):
            continue
        body = doc[ent.start : k]
        while body and body[0].lower_ == "the":
            body = body[1:]
        given = len(rest) > 1 and rest[0].lower_ in GIVEN_NAMES
        if body and doc[k - 1].lower_ not in BODY_HEADS and given and named is None:
            named = {clean_spaces(e.text) for e in view_of(doc).ents if e.end <= ent.start or e.start >= ent.end}
        if not body or not (doc[k - 1].lower_ in BODY_HEADS or given and clean_spaces(body.text) in named):
            continue
        if not (given or _stands_alone(doc, ent, rest[-1].text) or _post_of(mc, ent.start)):
            continue
        if not mc.in_sections(ent.start, ent.end):
            return []
        holder = person(mc, rest, "PERSON")
        if holder is None:
            return []
        known = mc.gaz.by_alias(clean_spaces(body.text))
        first = _gazetteer_candidate(mc, body, "ORG", known.entity_id) if known is not None else None
        if first is None:
            first = Candidate(body.start, body.end, "ORG", "ORGANIZATION", "name", clean_spaces(body.text), 1)
        return [first, holder]
    return []


def _stands_alone(doc, ent: Span, word: str) -> bool:
    """Whether `word` occurs outside `ent` with no capitalised word next to it (a surname
    used on its own)."""
    for t in (doc[i] for i in _positions(doc).get(word, ())):
        if ent.start <= t.i < ent.end:
            continue
        before = doc[t.i - 1] if t.i > 0 else None
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        joined = before is not None and before.is_title and not t.is_sent_start
        joined = joined or after is not None and after.is_title
        if not joined:
            return True
    return False


def _post_of(mc: MentionContext, start: int) -> bool:
    """ "Secretary General of (the) <body>": a post word, "of", maybe "the", before `start`."""
    doc = mc.doc
    k = start - (start > 0 and doc[start - 1].lower_ == "the")
    return k >= 2 and doc[k - 1].lower_ == "of" and doc[k - 2].lower_ in mc.role_words


def _untagged_given_names(mc: MentionContext) -> list[Candidate]:
    """ "Michael Howard is to make a pitch": a common given name and one or two capitalised
    proper nouns NER left untagged are a person's name."""
    doc, out = mc.doc, []
    view = view_of(doc)
    lowered = _lowered(doc)
    for i in range(len(doc) - 1):
        if view.lower[i] not in GIVEN_NAMES or view.tag[i] != "NNP" or doc[i].ent_type_:
            continue
        before = doc[i - 1] if i > 0 else None
        joined = before is not None and (
            before.is_title and before.is_alpha and not doc[i].is_sent_start or bool(before.ent_type_)
        )
        if joined and not _capitalised_common_noun(before, lowered) and not _post_word(mc, before):
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


def _country_of_a_remit(mc: MentionContext, span: Span) -> str | None:
    """ "the Belgian Development Aid minister": a country's adjective and the capitalised words
    of a remit, then a governing title (governing_titles), are the country's post; the entity
    id of the country whose adjective opens the span, or None. A remit ends in no body's head
    word ("the Russian Foreign Ministry spokesman" is a body's), and a post of any other kind
    ("a British Airways spokesman") is a body's, as is a title firms give too (body_posts:
    "the American Airlines president")."""
    doc = mc.doc
    if len(span) < 2 or span.end >= len(doc):
        return None
    title = doc[span.end].lemma_.lower()
    if title not in GOVERNING_TITLES or title in BODY_POSTS:
        return None
    iso3 = mc.gaz.demonym_country(span[0].text)
    if iso3 is None or is_plural_demonym(span[0], mc.gaz):
        return None
    remit = span[1:]
    heads = ORG_HEADS | BODY_HEADS | INSTITUTION_HEADS
    if any(not t.is_title or not t.is_alpha or t.ent_id_ or t.lower_ in heads for t in remit):
        return None
    return mc.gaz.country(iso3).entity_id


def _qualifies_a_post(mc: MentionContext, end: int) -> bool:
    """The words before `end` stand before a capitalised post and the name of its holder
    ("… City Councillor Brian Parbutt"): they say where or what the post is, no person."""
    doc = mc.doc
    if end + 1 >= len(doc) or not doc[end].is_title or not _post_word(mc, doc[end]):
        return False
    holder = doc[end + 1]
    return holder.is_title and holder.is_alpha and holder.lower_ not in mc.role_words


def _post_word(mc: MentionContext, token) -> bool:
    """A capitalised word that is by itself a title (roles.yaml): "Councillor", "Senator"."""
    if token.lower_ not in mc.role_words or token.ent_type_:
        return False
    role = mc.gaz.match_role(token.text)
    return role is not None and any(v.lower() == token.lower_ for v in role.variants)


def _lowered(doc) -> set[str]:
    """The words the article writes in lower case (made once per doc; callers only read it)."""
    view = view_of(doc)
    found = view.memo.get(("lowered", 0))
    if found is None:
        found = view.memo[("lowered", 0)] = {
            w for w, low, alpha in zip(view.text, view.is_lower, view.is_alpha, strict=True) if low and alpha
        }
    return found


def _positions(doc) -> dict[str, list[int]]:
    """Each word of the article with the indices it occurs at, in order (made once per doc;
    callers only read it)."""
    view = view_of(doc)
    found = view.memo.get(("positions", 0))
    if found is None:
        found = view.memo[("positions", 0)] = {}
        for i, text in enumerate(view.text):
            found.setdefault(text, []).append(i)
    return found


def _capitalised_common_noun(token, lowered: set[str]) -> bool:
    """ "Bowler Shane Warne has stated …": a sentence's first word, capitalised only for
    that, which the article also writes in lower case ("bowler Daniel Vettori") or which is
    a post (title_nouns), is a description before the name, not part of it."""
    if not token.is_sent_start:
        return False
    return token.lower_ in TITLE_NOUNS or token.lower_ in lowered


def _surname_word(mc: MentionContext, token) -> bool:
    return (
        token.tag_ == "NNP"
        and token.is_title
        and not token.ent_type_
        and token.lower_ not in mc.role_words
        and token.lower_ not in HONORIFICS
        and token.text.replace("-", "").replace("'", "").isalpha()
    )


def _untagged_names(mc: MentionContext) -> list[Candidate]:
    """Names NER left untagged: "called on Mr Clarke", and "Tory Liam Fox" once the
    ruler took "Tory" (a party or demonym, then two capitalised words)."""
    doc, out = mc.doc, []
    view = view_of(doc)
    for i in range(len(doc)):
        if view.lower[i] not in HONORIFICS and view.tag[i] != "NNP":
            continue  # neither honorific nor affiliated below
        token = doc[i]
        if token.ent_type_ or not token.text[:1].isupper():
            continue
        honorific = token.lower_ in HONORIFICS
        affiliated = (
            token.i > 0 and doc[token.i - 1].ent_id_ and doc[token.i - 1].ent_iob_ in ("B", "I") and token.tag_ == "NNP"
        )
        if not (honorific or affiliated):
            continue
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


def _classify(mc: MentionContext, ent: Span) -> Candidate | None:
    start, end = trim_tokens(ent)
    whole = end
    end = _before_markup(mc.doc, start, end)
    negated = end - start > 2 and mc.doc[start].lower_ == "non" and mc.doc[start + 1].text == "-"
    if negated:
        start += 2  # "Non-European Union citizens", "non-EU staff": the name is the one after "non-"
    if start >= end or not mc.in_sections(start, end):
        return None
    start, end = _after_inverted_verb(mc, start, end)
    opened = start
    while end - start > 1 and mc.doc[start].is_sent_start and mc.doc[start].pos_ == "ADP" and mc.doc[start].is_title:
        start += 1  # "Across Wales, thousands …" typed PERSON: the sentence's preposition is no part of the name
    if end - start > 1 and ent.label_ == "ORG" and _modifies_the_post_after(mc, start, end):
        start += 1  # "New Metropolitan Police Commissioner Sir Ian Blair": "new" is the post's, not the body's
    while end - start > 1 and ent.label_ in ("ORG", "FAC", "GPE", "LOC") and _loose_preposition(mc.doc[end - 1]):
        end -= 1  # "the Scottish Local Authority Management Centre at Strathclyde University"
    span = mc.doc[start:end]
    text = clean_spaces(span.text)
    if not any(c.isalpha() for c in text):
        return None
    if _common_abbreviation(text):
        return None  # "RFID" typed PERSON, "AI" typed GPE, "VAT" typed ORG: a common noun, no name
    if not ent.ent_id_ and _sentence_case_word(mc, span):
        return None  # "Broadband has become hugely competitive" typed GPE
    if len(span) == 1 and span[0].lower_ in UNIT_WORDS and start > 0 and mc.doc[start - 1].like_num:
        return None  # "at 1900 GMT", "384 Kbps": a unit, no name
    if len(span) == 1 and span[0].lower_.rstrip(".") in HONORIFICS and not span[0].is_upper and not ent.ent_id_:
        return None  # "Mr" of "Mr Justice Sullivan" typed GPE: an honorific alone names nobody
    if text.lower() in REGION_ADJECTIVES and ent.label_ in ("PERSON", "ORG"):
        return None  # "English, Scottish or Welsh" typed PERSON: a nation's adjective names nobody
    if ent.ent_id_:
        return _gazetteer_candidate(mc, span, ent.label_, ent.ent_id_)
    known = mc.gaz.by_alias(text) if negated or end < whole or start > opened else None
    if known is not None:
        return _gazetteer_candidate(mc, span, ent.label_, known.entity_id)
    iso3 = mc.gaz.demonym_country(text) if end < whole else None
    if iso3 is not None:  # "many Canadians &mdash;" typed ORG with the markup: the demonym, as NORP
        return _gazetteer_candidate(mc, span, "NORP", mc.gaz.country(iso3).entity_id)
    label = ent.label_
    if label == "ORG" and _leaders_government(mc, span):
        return None  # "the Bush Administration": the national government, no body of its own
    remit_of = _country_of_a_remit(mc, span) if label == "ORG" else None
    if remit_of is not None:  # "the Belgian Development Aid minister": the country's post, no body
        return _gazetteer_candidate(mc, span[:1], "NORP", remit_of)
    if (
        label in ("GPE", "LOC", "FAC", "PERSON", "ORG", "NORP")
        and len(span) == 1
        and _followers_or_dwellers(mc, span[0])
    ):
        return Candidate(start, end, "NORP", "GROUP", "name", text, 1)  # "Thatcherites", "Londoners", "Rastafarians"
    shortened = _short_country_name(mc, span) if label in ("GPE", "ORG", "LOC") else None
    if shortened is not None:
        return _gazetteer_candidate(mc, span, "GPE", shortened)  # "Korea" where the article names South Korea
    if label != "NORP" and len(span) > 1 and _people_phrase(mc, span):
        iso3 = mc.gaz.demonym_country(span[-1].text)
        return Candidate(start, end, "NORP", "GROUP", "name", text, 2, country_iso3=iso3)
    if label in ("PERSON", "ORG", "WORK_OF_ART") and _members_named(mc, span):
        return Candidate(start, end, "NORP", "GROUP", "name", text, 1)  # "members of the Stolen Generations"
    post_at = _post_after_a_qualifier(mc, span)
    if post_at is not None:  # "Queensland Premier, Peter Beattie": a post, named by where it is
        return _post_place(mc, span[:post_at])
    if label in THING_OF_LABEL and _honoured_surname(mc, span):
        return person(mc, span, "PERSON")  # "Dr Gillingwater" typed WORK_OF_ART after "Dr David Gillingwater"
    if label in THING_OF_LABEL:
        return _named_thing(mc, span, label, text)
    of_country = _country_of_body(mc, span) if label == "ORG" else None
    if of_country is not None:  # "the Liberal Party of Kenya": one body, not a party and a country
        name = clean_spaces(mc.doc[start:of_country].text)
        return Candidate(start, of_country, label, "ORGANIZATION", "name", name, 3)
    if span[-1].lower_ in ("of", "for", "and", "de") and label in ("ORG", "FAC", "LOC"):
        # "Bank of" + the ruler's "England": NER stopped where the gazetteer span began.
        following = next((e for e in ents_covering(mc.doc, end) if e.start == end), None) if end < len(mc.doc) else None
        if following is None or not following.ent_id_ or not mc.in_sections(start, following.end):
            return None
        text = clean_spaces(mc.doc[start : following.end].text)
        return Candidate(start, following.end, label, TYPE_OF_LABEL[label], "name", text, 3)
    if len(span) >= 3 and span[1].lower_ in GIVEN_NAMES and _capitalised_common_noun(span[0], _lowered(mc.doc)):
        return person(mc, span[1:], "PERSON")  # "Bowler Shane Warne" typed ORG
    for k, token in enumerate(span[:-1]):  # "Commons after Mr Brown", "Mr Blair" typed ORG
        if token.lower_ in HONORIFICS and token.text[0].isupper() and span[k + 1].text[:1].isupper():
            return person(mc, span[k:], label)
    if is_bare_title(mc, span) or completes_title(mc, start, end) or _portfolio(mc, span):
        return None  # "the Cardinal" typed ORG; "Canterbury" in "Archbishop of Canterbury"
    if label in ("ORG", "GPE", "NORP", "FAC") and starts_title(mc, start, end):
        return None  # "Home" of "the Home Secretary's plans"
    if (
        label in ("ORG", "FAC", "GPE", "LOC", "NORP")
        and len(span) > 1
        and (
            span[-1].lower_ in EVENT_HEADS
            or span[-1].lower_ in NUMBERED_EVENT_HEADS and any(t.like_num or t.text[:1].isdigit() for t in span)
        )
        and span[-1].is_title
        and not mc.gaz.by_alias(text)
    ):
        return Candidate(start, end, "EVENT", "EVENT", "name", text, 1)  # "the Third South American Summit"
    if label in ("ORG", "FAC", "GPE", "LOC", "NORP", "PERSON") and _operation_name(span):
        return Candidate(start, end, "EVENT", "EVENT", "name", text, 1)  # "Operation Condor" typed a body
    if len(span) == 1 and span[0].lower_ in HOLIDAYS:
        return Candidate(start, end, "EVENT", "EVENT", "name", text, 1)  # "the Easter recess" typed a place
    if label in ("ORG", "FAC", "GPE", "LOC", "NORP", "PERSON") and _law_name(mc, span, text):
        return Candidate(start, end, "LAW", "LAW", "name", text, 1)  # "the Prevention of Terrorism Bill"
    if label in ("FAC", "GPE", "LOC") and len(span) > 1 and span[-1].is_title and span[-1].lower_ in BODY_HEADS:
        return Candidate(start, end, "ORG", "ORGANIZATION", "name", text, 1)  # "Asia-Pacific Economic Cooperation"
    building = span[-1].lower_ in BUILDING_HEADS and (len(span) > 1 or _the_before(mc, start))
    if label in ("PERSON", "ORG", "FAC", "GPE") and building:
        return Candidate(start, end, "FAC", "LOCATION", "name", text, 1)  # "Westminster Cathedral", "up to the Palace"
    if label in ("PERSON", "ORG") and _facility_name(span):
        return Candidate(start, end, "FAC", "LOCATION", "name", text, 1)  # "Three Gorges Dam", "McMurdo Station"
    if label == "PERSON" and len(span) > 1 and span[-1].is_title and is_body_word(span[-1].lower_):
        return Candidate(start, end, "ORG", "ORGANIZATION", "name", text, 1)  # "Paws Incorporated" typed PERSON
    if label == "PERSON" and span[0].lower_ not in GIVEN_NAMES and _qualifies_a_post(mc, end):
        return None  # "Nottingham City" of "Nottingham City Councillor Brian Parbutt": no person
    if label == "PERSON" and _product_name(mc, span):
        return _named_thing(mc, span, "PRODUCT", text)  # "Xbox 2", "MSN Messenger" typed PERSON
    if label == "PERSON" or label in ("ORG", "GPE", "NORP", "FAC") and shaped_like_a_person(span):
        return person(mc, span, "PERSON")
    if label in ("ORG", "GPE", "NORP", "FAC"):
        titled = titled_name(mc, start, end)
        if titled is not None:
            return person(mc, titled, "PERSON")
    if any(t.text == "," for t in span) and not (label == "ORG" and _legal_form_end(span)):
        return None  # "Gray, Brown": a list NER took for one name; not "Sears, Roebuck & Co."
    if label == "NORP":
        if span[-1].tag_ in ("NNPS", "NNS") and text[0].isupper() and text.endswith("s"):
            return Candidate(start, end, label, "GROUP", "name", text, 1)
        # "Soviet", "Western" are no actor on their own; kept only if it turns out to
        # be a surname NER typed NORP ("Mirzoyan"), see _fix_person_names.
        return Candidate(start, end, label, UNRESOLVED, "name", text, 1)
    if all(t.is_lower or not (t.is_alpha or _ampersand_name(t) or _site_name(t)) for t in span):
        return None
    if label == "ORG" and _is_title_phrase(mc, span):
        return None  # "Minister of Agriculture & Co-Operatives": a post, not a body
    if label == "ORG" and len(span) > 2 and span[-1].lower_ in mc.role_words and span[-2].lower_ not in mc.role_words:
        # "Conservative Party Co-Chairman": the body is the name without the post
        k = len(span) - 1
        while k > 1 and span[k - 1].lower_ in mc.role_words:
            k -= 1
        body = span[:k]
        # the words after the body must be a post ("Co-Chairman"), not a body's last word that
        # only a longer post holds ("Congress" of "Member of Congress": "Trades Union Congress")
        if body[-1].lower_ in ORG_HEADS and mc.gaz.match_role(span[k:].text) is not None:
            return Candidate(start, body.end, label, "ORGANIZATION", "name", clean_spaces(body.text), 1)
    if len(span) == 1 and span[0].pos_ in ("ADJ", "ADV", "VERB", "AUX", "PRON", "DET") and not _acronym(span[0]):
        return None  # "Parliamentary": NER noise; "CBI" of "CBI chief economist", tagged ADJ, is a name
    if label == "ORG" and _described_body(mc, span):
        text = clean_spaces(span[:-1].text)  # "the Renamo party", "the Kommersant newspaper": the name, described
    opened = _adjectives_opening(mc, span) if label == "ORG" else start
    if opened < start:  # "the American Jewish Congress", "an English Defence League march"
        return Candidate(opened, end, label, "ORGANIZATION", "name", clean_spaces(mc.doc[opened:end].text), 2)
    return Candidate(start, end, label, TYPE_OF_LABEL[label], "name", text, 1)


def _adjectives_opening(mc: MentionContext, span: Span) -> int:
    """Where a body's name begins when NER cut the capitalised adjectives of a people or a
    language off its front ("American" and "Jewish" typed NORP, then "Congress" typed ORG;
    "English" typed LANGUAGE, then "Defence League"): adjectives, each a one-word NORP or
    LANGUAGE entity, right before a name that ends in a body's word are part of it. A lone
    adjective before a lone body word stays the country's ("the British Parliament")."""
    doc, start = mc.doc, span.start
    last = span[-1]
    if not last.is_title or not (last.lower_ in ORG_HEADS or is_body_word(last.lower_)):
        return start
    k = start
    while (
        k > 0
        and doc[k - 1].is_title
        and doc[k - 1].ent_type_ in ("NORP", "LANGUAGE")
        and doc[k - 1].ent_iob_ == "B"
        and mc.section[k - 1] == mc.section[start]
    ):
        k -= 1
    if k == start or len(span) + (start - k) < 3:
        return start
    return k


def _described_body(mc: MentionContext, span: Span) -> bool:
    """ "the opposition Renamo party … Renamo said": a lower-case body noun (org_nouns) ending
    NER's span only says what the body is, when the article also writes the name without it;
    "the National party" alone keeps its noun ("National" names nothing by itself)."""
    if len(span) < 2 or not span[-1].is_lower or span[-1].lower_ not in ORG_NOUNS or not span[-2].is_title:
        return False
    bare = clean_spaces(span[:-1].text)
    ents = view_of(mc.doc).ents
    return any(e.start != span.start and clean_spaces(e.text).removeprefix("the ") == bare for e in ents)


def _country_of_body(mc: MentionContext, span: Span) -> int | None:
    """Where "<Body> of <Country>" ends ("the Liberal Party of Kenya", "the Communist Party of
    China", "the National Assembly of Kenya" when NER stopped at the body's word and the
    ruler took the country): a name ending in a word only a body's name ends in
    (body_heads, institution_heads), then "of" (and "the") and a country of the gazetteer,
    is one body's name. None when it is not."""
    doc, end = mc.doc, span.end
    last = span[-1]
    if not (last.is_title and is_body_word(last.lower_)) or end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    k = end + 1 + (doc[end + 1].lower_ == "the")
    if k >= len(doc):  # the text ends at "… of the"
        return None
    country = next((e for e in ents_covering(doc, k) if e.start == k and e.ent_id_.startswith("country:")), None)
    if country is None or country.label_ != "GPE" or not mc.in_sections(span.start, country.end):
        return None
    return country.end


def _post_after_a_qualifier(mc: MentionContext, span: Span) -> int | None:
    """ "Queensland Premier, Peter Beattie", "Liberal Leader and former Environment Minister
    under Jean Chrétien, Stéphane Dion": capitalised words and then exactly a post (roles.yaml)
    that NER took for one name, right before the post's holder or the comma that leads to
    them, or after "the" ("the Mid-Bedfordshire MP"). The words say where or whose the post
    is; no one is named by the span. Returns where the post begins, or None."""
    doc = mc.doc
    k = len(span)
    while k > 0 and span[k - 1].text[:1].isupper() and span[k - 1].lower_ in mc.role_words:
        k -= 1  # "Premier", "MP"
    if k == 0 or k == len(span) or span.end >= len(doc) or span[0].lower_ in GIVEN_NAMES:
        return None
    post = span[k:].text
    role = mc.gaz.match_role(post)
    if role is None or not any(v.lower() == post.lower() for v in role.variants):
        return None
    if not all((t.is_title and t.is_alpha or t.text == "-") and t.lower_ not in ORG_HEADS for t in span[:k]):
        return None  # "Mid-Bedfordshire": a hyphen inside the place's name
    after = doc[span.end]
    if after.text in (",", "and") or after.ent_type_ == "PERSON" and after.ent_iob_ == "B":
        return k
    # "The Mid-Bedfordshire MP had denied": a definite post, whose holder the article named before
    return k if span.start > 0 and doc[span.start - 1].lower_ == "the" or span[0].lower_ == "the" else None


def _post_place(mc: MentionContext, words: Span) -> Candidate | None:
    """The words before a post, as a place when the article names that place elsewhere (NER
    typed the same words a place, or the gazetteer knows them); else nothing."""
    text = clean_spaces(words.text)
    entry = mc.gaz.by_alias(text)
    if entry is not None:
        return _gazetteer_candidate(mc, words, "GPE", entry.entity_id)
    if any(e.label_ in ("GPE", "LOC") and clean_spaces(e.text) == text for e in view_of(mc.doc).ents):
        return Candidate(words.start, words.end, "GPE", "LOCATION", "name", text, 1)
    return None


def _modifies_the_post_after(mc: MentionContext, start: int, end: int) -> bool:
    """A title word opening a sentence ("New", "Former", "Acting"), then a body's name NER
    took it into, then a post written as a style: the title word describes the post ("New
    Metropolitan Police Commissioner Sir Ian Blair"), capitalised only because the sentence
    starts there."""
    doc = mc.doc
    first = doc[start]
    return (
        first.is_sent_start
        and first.is_title
        and first.lower_ in TITLE_MODIFIERS
        and end < len(doc)
        and doc[end].lower_ in mc.role_words
        # the post written as a style with it ("… Police Commissioner"), not a body's name
        # before a plain post ("New York Times editor Bill Keller"), nor a known name's word
        # ("New Zealand Prime Minister")
        and doc[end].is_title
        and mc.gaz.by_alias(doc[start : start + 2].text) is None
    )


def _the_before(mc: MentionContext, start: int) -> bool:
    """ "up to the Palace": a building's head word alone, capitalised after "the", stands for
    the building the reader knows (a place, eval/GUIDE.md), not for a body; one that speaks
    or acts ("The Palace said …", "a statement issued by the Palace") is the body seated
    there, like "Downing Street said" (an ORGANIZATION, eval/GUIDE.md)."""
    doc = mc.doc
    if start == 0 or doc[start - 1].lower_ != "the" or not doc[start].is_title:
        return False
    return not _acts_as_body(doc[start])


def _acts_as_body(word) -> bool:
    """A site's name that speaks or acts ("The Palace said …", "Hereford County Hospital
    had earlier said", "a statement issued by the Palace") stands for the body seated there."""
    speaks = word.dep_ == "nsubj" and word.head.lemma_.lower() in REPORTING_VERBS
    acts = word.dep_ == "pobj" and word.head.dep_ == "agent"
    return speaks or acts or _spoken_for(word)


def _facility_name(span: Span) -> bool:
    """ "the Three Gorges Dam" typed ORG, "McMurdo Station" typed PERSON: a name of two or more
    words ending in a site's word (facility_heads), capitalised, that no given name starts
    (not "Nick Park"), is the site, unless it speaks or acts as the body run there ("Hereford
    County Hospital had earlier said")."""
    last = span[-1]
    site = len(span) > 1 and last.is_title and last.lower_ in FACILITY_HEADS and span[0].lower_ not in GIVEN_NAMES
    return site and not _acts_as_body(span.root)


def _operation_name(span: Span) -> bool:
    """ "Operation Condor", "Operation Iraqi Freedom": a capitalised operation word
    (event_openers) and a capitalised name after it."""
    return len(span) > 1 and span[0].is_title and span[0].lower_ in EVENT_OPENERS and span[1].text[:1].isupper()


def _acronym(token: Token) -> bool:
    """ "CBI", "IEEE": a word of two or more capitals and no lower-case letter, which the
    tagger may read as an adjective before a noun ("CBI chief economist", "IEEE decisions");
    common abbreviations (common_abbreviations) are left out before this is asked."""
    letters = [c for c in token.text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _ampersand_name(token: Token) -> bool:
    """ "AT&T", "P&O": capitals joined by an ampersand in one token, a name like any word."""
    letters = token.text.replace("&", "")
    return "&" in token.text and letters.isalpha() and letters.isupper()


def _common_abbreviation(text: str) -> bool:
    """ "RFID", "GPs", "VAT": the abbreviation of a common noun (common_abbreviations), as
    written in capitals, names no person, place or body, whatever NER typed it. Its plural
    takes a lower-case "s" ("PCs"): "PCS" is a union's own abbreviation."""
    low = text.lower()
    plural = text[-1:] == "s" and low[:-1] in COMMON_ABBREVIATIONS
    return not text.islower() and (low in COMMON_ABBREVIATIONS or plural)


def _sentence_case_word(mc: MentionContext, span: Span) -> bool:
    """ "Broadband has become hugely competitive", "Software giant Microsoft": one word,
    capitalised only because it opens the sentence, which the article also writes in lower
    case and never capitalised inside a sentence, is a common noun NER took for a name."""
    if len(span) != 1 or not span[0].is_sent_start or not span[0].is_title:
        return False
    word = span[0]
    if word.lower_ not in _lowered(mc.doc):
        return False
    doc, text = mc.doc, word.text
    return not any(not doc[i].is_sent_start for i in _positions(doc).get(text, ()))


def _product_name(mc: MentionContext, span: Span) -> bool:
    """ "Xbox 2", "MSN Messenger", "Creative Zen" typed PERSON: a name with a model number,
    or one that starts with the name of a body the article names alone ("MSN", "Creative"),
    is that body's product or service; no person's name holds a number or a company's name."""
    if len(span) < 2 or span[0].lower_ in HONORIFICS:
        return False
    if any(t.text[:1].isdigit() for t in span[1:]):
        return True
    view = view_of(mc.doc)
    bodies = view.memo.get(("org_names", 0))
    if bodies is None:
        bodies = view.memo[("org_names", 0)] = {e.text for e in view.ents if e.label_ == "ORG"}
    return span[0].text in bodies


def _loose_preposition(token: Token) -> bool:
    """A lower-case preposition NER left at a name's end ("... Centre at"): no name ends in
    one. Not "of", "for", "and" or "de", which end a name the gazetteer's span goes on
    from ("Bank of" + "England"); those are handled with that span."""
    return token.is_lower and token.pos_ == "ADP" and token.lower_ not in ("of", "for", "and", "de")


def _reporting_word(token: Token) -> bool:
    """ "Said", "Adds", "Warned": a reporting verb (quotes.yaml) as written, whatever its tag."""
    low = token.lower_
    stems = (low, low[:-1], low[:-2]) if low.endswith(("s", "ed")) else (low,)
    return low in ("said", "says", "told") or any(stem in REPORTING_VERBS for stem in stems)


def _after_inverted_verb(mc: MentionContext, start: int, end: int) -> tuple[int, int]:
    """ "Said Mr Fogg: ..." opens a sentence with the verb, and NER glues it to the name
    ("Said Mr" PERSON): the name starts at the honorific after the verb, and a name cut
    after its honorific takes the capitalised words that follow ("Mr Fogg"). Only before an
    honorific: "Said Jalili" is a name."""
    doc = mc.doc
    if end - start < 2 or not doc[start].is_title or doc[start + 1].lower_ not in HONORIFICS:
        return start, end
    if not _reporting_word(doc[start]):
        return start, end
    if start > 0 and doc[start - 1].is_alpha:
        return start, end  # mid-sentence: "the Said Business School" keeps its word
    start += 1
    if all(t.lower_ in HONORIFICS for t in doc[start:end]):
        while end < len(doc) and end - start < 4 and doc[end].tag_ == "NNP" and doc[end].is_title and doc[end].is_alpha:
            end += 1
    return start, end


def _honoured_surname(mc: MentionContext, span: Span) -> bool:
    """ "Dr Gillingwater" typed a work of art: an honorific and one surname that a person
    NER found in the article ends with is that person, not a title ("Dr Zhivago" stays a work)."""
    if len(span) != 2 or span[0].lower_ not in HONORIFICS or not span[1].is_title:
        return False
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == span[1].text for e in view_of(mc.doc).ents)


def _leaders_government(mc: MentionContext, span: Span) -> bool:
    """ "the Bush Administration", "the Blair Government": a government named after its leader
    is the national government (eval/GUIDE.md: a surface of the country, which the article
    names otherwise), not an organisation; "the Scottish Government", "the Labour Government"
    are named after a place or party the gazetteer or the region adjectives know."""
    if len(span) != 2 or span[-1].lower_ not in GOVERNMENT_NAMES:
        return False
    leader = span[0]
    known = leader.ent_id_ or mc.gaz.by_alias(leader.text) or mc.gaz.demonym_country(leader.text)
    return leader.is_title and leader.tag_ == "NNP" and not known and leader.lower_ not in PLACE_ADJECTIVES_OR_PLACES


def _followers_or_dwellers(mc: MentionContext, token) -> bool:
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


def _short_country_name(mc: MentionContext, span: Span) -> str | None:
    """ "Korea", "Congo": a word the gazetteer leaves out because news uses it for two states is
    the one state the article names by a longer name ending in it ("South Korea", "the
    Republic of Korea"); None when it names none of them or both."""
    if len(span) != 1 or not span[0].is_title:
        return None
    view = view_of(mc.doc)
    by_last_word = view.memo.get(("country_names", 0))
    if by_last_word is None:  # each state the article names by several words, under its last word
        by_last_word = view.memo[("country_names", 0)] = {}
        for ent in view.ents:
            entry = mc.gaz.entries.get(ent.ent_id_) if ent.ent_id_.startswith("country:") else None
            if entry is not None and len(ent) > 1:
                by_last_word.setdefault(view.lower[ent.end - 1], set()).add(entry.entity_id)
    named = set(by_last_word.get(span[0].lower_, ()))
    return named.pop() if len(named) == 1 else None


_CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.day_name, *calendar.month_name) if w)


def _before_markup(doc, start: int, end: int) -> int:
    """Where a name NER ran on into markup ends: an HTML entity left in wire text
    ("Canadians &mdash;"), a parenthesis it opens and never closes ("National Bureau of
    Investigation (NBI"), a wiki category line ("Ethiopia Category:Africa") or table cell
    ("Australia |0||1||1||-3"), a date after a preposition ("the Commons on Thursday"), or a
    spaced dash and lower-case words after it, an aside about the name ("Russia's
    Yuganskneftegas - the oil firm sold …")."""
    for k in range(start + 1, end):
        token = doc[k]
        if token.lower_ in ("on", "in") and k + 1 < end and doc[k + 1].lower_ in _CALENDAR_WORDS:
            end = k
            break
        entity = token.text == "&" and k + 1 < len(doc) and doc[k + 1].is_lower and doc[k + 1].is_alpha
        unclosed = token.text == "(" and not any(t.text == ")" for t in doc[k:end])
        category = token.text == "Category" and k + 1 < len(doc) and doc[k + 1].text == ":"
        cell = token.text[:1] == "|"  # a wiki table's next cell: "!Australia |0||1||1||-3 |-"
        aside = (
            token.text in ("-", "\u2013", "\u2014") and doc[k - 1].whitespace_ and k + 1 < end
            and all(t.is_lower or t.is_punct for t in doc[k + 1 : end])
        )
        if entity or unclosed or category or cell or aside:
            end = k
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return end


def _law_name(mc: MentionContext, span: Span, text: str) -> bool:
    """A capitalised law word last in the name or before "of"/"on": "Mental Capacity Bill",
    "European Convention on Human Rights", "Treaty of Rome", or alone ("the Budget")."""
    if mc.gaz.by_alias(text):
        return False
    if len(span) == 1:
        # "Gordon Brown's Budget statement", "the Bill was passed": the document alone, which
        # NER types a body; a first name ("Bill" typed PERSON) is left to the person rules
        word = span[0]
        if not (word.is_title and word.lower_ in LAW_HEADS):
            return False
        return word.ent_type_ != "PERSON" or _modified_as_a_thing(word)
    last = len(span) - 1
    return any(
        token.lower_ in LAW_HEADS and token.is_title and (k == last or span[k + 1].lower_ in ("of", "on"))
        for k, token in enumerate(span)
    )


def _modified_as_a_thing(word: Token) -> bool:
    """ "its ID cards Bill", "the terror Bill", "the Organised Crime Bill": a law word right
    after a lower-case noun or adjective, or ending a title NER found, is the document, though
    NER read "Bill" as a first name; so is one right after a determiner or a possessive ("The
    Bill now faces opposition", "No Bill goes through", "Mr Clarke's Bill"), which a lone first
    name never takes."""
    before = word.doc[word.i - 1] if word.i > 0 else None
    if before is None:
        return False
    if before.tag_ in ("DT", "PRP$", "POS") and before.ent_type_ != "PERSON":
        return True
    return before.is_lower and before.pos_ in ("NOUN", "ADJ") or before.ent_type_ in ("WORK_OF_ART", "LAW")


def _named_thing(mc: MentionContext, span: Span, label: str, text: str) -> Candidate | None:
    """A law, event, work or product NER found ("the Patriot Act", "the Kyoto protocol",
    "Meet the Press"): kept under its own type when it reads as a name, never a person's
    honorific or a score ("Leeds 2-0" typed PRODUCT)."""
    end = span.end
    while end > span.start + 1 and mc.doc[end - 1].is_lower and mc.doc[end - 1].is_alpha:
        end -= 1  # "the Second World War ended in": NER ran on into the verb
    span = mc.doc[span.start : end]
    text = clean_spaces(span.text)
    words = [t for t in span if t.is_alpha]
    score = any(t.text in ("-", "–") and t.i > span.start and mc.doc[t.i - 1].like_num for t in span)
    if not words or not span[0].text[:1].isupper() or score:
        return None
    if len(span) == 1 and (span[0].lower_ in HONORIFICS or span[0].pos_ not in ("PROPN", "NOUN")):
        return None
    if mc.gaz.by_alias(text) or mc.gaz.demonym_country(text):
        return None
    if label in ("WORK_OF_ART", "PRODUCT") and len(span) > 1 and span[-1].is_title and span[-1].lower_ in OUTLET_HEADS:
        return Candidate(span.start, span.end, "ORG", "ORGANIZATION", "name", text, 1)  # "The Sydney Morning Herald"
    return Candidate(span.start, span.end, label, THING_OF_LABEL[label], "name", text, 1)


def _portfolio(mc: MentionContext, span: Span) -> bool:
    """ "Secretary of State for Culture, Media and Sport", "the Minister for Enterprise and
    Lifelong Learning": the words after a post's "for" (and those listed with them) are its
    remit, no body of their own (spans NER cut out of the title, "State for Culture" too)."""
    doc = mc.doc
    k = span.start
    if span[0].lower_ in mc.role_words and len(span) > 2 and span[1].lower_ == "for":
        k = span.start + 2  # NER took "State for Culture": the post's own words start the span
    if k == span.start:
        if k > 0 and doc[k - 1].text == "," and span.end < len(doc) and doc[span.end].text == ",":
            return False  # "…, Media and Sport, Tessa Jowell,": the holder in apposition
        if k == 0 or not (doc[k - 1].text in (",", "&") or doc[k - 1].lower_ in ("and", "for")):
            return False  # "Secretary of State for Education Ruth Kelly": a name after the remit
        while k > 0 and (doc[k - 1].text in (",", "&") or doc[k - 1].lower_ == "and" or doc[k - 1].is_title):
            k -= 1
            if span.start - k > 6 or doc[k].ent_id_ or doc[k].ent_type_ == "PERSON":
                return False  # "the Minister for Europe Denis MacShane": a name after the remit
    post = doc[k - 2] if k > 1 else None
    return (
        post is not None
        and doc[k - 1].lower_ == "for"
        and post.lower_ in mc.role_words
        and post.is_title
        and post.lower_ not in ORG_HEADS | INSTITUTION_HEADS  # "Department for Education and Skills" is a body
    )


def _is_title_phrase(mc: MentionContext, span: Span) -> bool:
    """ "Minister of Agriculture", "Secretary for Health": a post word, then "of"/"for"."""
    return (
        len(span) > 2
        and span[1].lower_ in ("of", "for")
        and mc.gaz.match_role(span[0].text) is not None
        and span[0].lower_ not in ORG_HEADS
    )


_PARTITIVE_HEADS = frozenset({"member", "one"})


def _members_named(mc: MentionContext, span: Span) -> bool:
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


def _people_acting(mc: MentionContext, span: Span) -> bool:
    """ "Gibraltarians rejected the plan", "Iraqis marched ... to protest against the
    occupation": a bare plural demonym acting on something (an object, or "against" it) is
    its country's people acting as one (issue 17; annotation guide: demonyms used as actors
    are surfaces of the country); "ethnic Armenians", "the Armenians of Karabakh", people
    something is done to, and people doing nothing to anyone ("Palestinians vote") stay a group."""
    doc = mc.doc
    head = span[-1]
    if head.dep_ != "nsubj" or span.start > 0 and doc[span.start - 1].lower_ in GROUP_MODIFIERS:
        return False
    if span.end < len(doc) and doc[span.end].lower_ == "of":
        return False
    if any(c.dep_ in ("amod", "compound", "det") for c in head.children):
        return False
    verb = head.head
    clauses = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "advcl")]
    return any(c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ == "against" for v in clauses for c in v.children)


_LANGUAGE_DEPS = frozenset({"dobj", "pobj"})


def _a_language(span: Span) -> bool:
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


def _gazetteer_candidate(mc: MentionContext, span: Span, label: str, entity_id: str) -> Candidate | None:
    entry = mc.gaz.entries.get(entity_id)
    if entry is None:
        return None
    start, end = span.start, span.end
    titled = _titled_place_name(mc, span, label)
    if titled is not None:
        return titled
    longer = _longer_place_name(mc, span, label, entry) if not entity_id.startswith("city:") else None
    if longer is not None:
        return longer
    if label == "NORP":  # demonym of a country
        if start > 0 and qualifies_a_region(mc.doc[start - 1]):
            return None  # "South American states": a continent's adjective, not the country's
        if _a_language(span):
            return None  # "experimenting with Japanese and Spanish", "teach German": a tongue, not the state
        iso3 = entry.country_iso3
        if is_plural_demonym(span[-1], mc.gaz) and not _people_acting(mc, span):
            return _people_group(mc, span, iso3)
        return Candidate(start, end, label, "COUNTRY", "demonym", entry.name, 2, entity_id, country_iso3=iso3)
    if entity_id.startswith("city:"):
        prefix = [
            t
            for t in span[0].lefts
            if t.dep_ in ("compound", "amod")
            and t.is_title
            and not t.ent_type_
            and t.i == span.start - 1
            and t.lower_ not in PLACE_QUALIFIERS
        ]
        if prefix and len(span) == 1:  # "Real Madrid", "Dynamo Moscow": a club, not the city
            return Candidate(
                prefix[0].i, end, "ORG", "ORGANIZATION", "name", clean_spaces(mc.doc[prefix[0].i : end].text), 2
            )
        if _is_metonym(mc, span):
            iso3 = entry.country_iso3
            country = mc.gaz.country(iso3)
            return Candidate(
                start, end, label, "COUNTRY", "metonym", country.name, 2, country.entity_id, country_iso3=iso3
            )
        return Candidate(
            start, end, label, "LOCATION", "name", entry.name, 2, entity_id, country_iso3=entry.country_iso3
        )
    return Candidate(
        start, end, label, entry.entity_type, "name", entry.name, 2, entity_id, country_iso3=entry.country_iso3
    )


def _longer_place_name(mc: MentionContext, span: Span, label: str, entry) -> Candidate | None:
    """ "New Mexico", "South Australia", "New South Wales": capitalised name openers right
    before a country or region the ruler matched make one longer place name, a LOCATION of
    its own; the country or region is no mention. A compass word keeps the place inside
    the country ("Western Australia" -> AUS); "New" puts it elsewhere (no country)."""
    if label not in ("GPE", "LOC"):
        return None
    doc, start = mc.doc, span.start
    while start > 0 and doc[start - 1].is_title and doc[start - 1].lower_ in PLACE_NAME_OPENERS:
        start -= 1
    if start == span.start or not mc.in_sections(start, span.end) or mc.section[start] != mc.section[span.end - 1]:
        return None
    if start > 0 and doc[start - 1].is_title and not doc[start].is_sent_start and doc[start - 1].lower_ != "the":
        return None  # "Air New Zealand"-like names and title-case runs: no place name of this kind
    if span[-1].is_upper:
        return None  # "New UK Jewish group": an adjective before an abbreviation, no name
    if doc[start].lower_ == "new" and doc[start].is_sent_start and start + 1 == span.start:
        return None  # "New Iraq constitution" as a headline or sentence opens: the adjective
    opened_new = any(t.lower_ == "new" for t in doc[start : span.start])
    iso3 = None if opened_new else entry.country_iso3
    name = clean_spaces(doc[start : span.end].text)
    return Candidate(start, span.end, label, "LOCATION", "name", name, 2, country_iso3=iso3)


def _titled_place_name(mc: MentionContext, span: Span, label: str) -> Candidate | None:
    """ "Baroness Scotland", "Lord Bath", "Mr Jordan": a place's name right after an
    honorific is a person's (a peer's title or a surname), not the place."""
    start = span.start
    if start == 0 or label not in ("GPE", "LOC") or mc.doc[start - 1].lower_ not in HONORIFICS:
        return None
    honorific = mc.doc[start - 1]
    if not honorific.is_title or not mc.in_sections(start - 1, span.end):
        return None
    name = clean_spaces(span.text)  # as for any person, the name without its honorific
    gender = HONORIFICS[honorific.lower_]
    return Candidate(start - 1, span.end, "PERSON", "PERSON", "name", name, 2, gender=gender)


def _sent_or_told(prep: Token) -> bool:
    """ "the envoy from Beijing", "ambassador to Moscow" (envoy_nouns), "reiterated to Beijing
    its commitment" (a reporting verb): the capital after the preposition is the government
    that sends the envoy or is told, not a place."""
    owner = prep.head
    if owner.lower_ in ENVOY_NOUNS:
        return True
    return prep.lower_ == "to" and owner.pos_ == "VERB" and owner.lemma_.lower() in REPORTING_VERBS


def _is_metonym(mc: MentionContext, span: Span) -> bool:
    """A capital standing for its government ("Baku agreed") rather than the place."""
    token = span.root
    seen = 0
    while token.dep_ == "conj" and token.head != token and seen < 5:
        token, seen = token.head, seen + 1
    dep, head = token.dep_, token.head
    if dep in ("nsubj", "nsubjpass", "csubj", "dative"):
        return True
    if dep == "dobj":
        return head.lemma_.lower() not in MOTION_VERBS
    if dep == "poss":
        return head.lower_ not in PLACE_NOUNS
    if dep == "compound":
        return head.lower_ in GOVERNMENT_NOUNS
    if dep == "pobj" and head.dep_ in ("prep", "agent", "dative"):
        prep = head.lower_
        if prep == "at":
            return head.head.lemma_.lower() in TARGET_HEADS or head.head.lower_ in TARGET_HEADS
        if prep in ("from", "to") and _sent_or_told(head):
            return True
        return prep not in PLACE_PREPS
    return False
