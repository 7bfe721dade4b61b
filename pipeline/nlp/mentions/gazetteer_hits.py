"""What a gazetteer hit means where it stands: place typing of the entity ruler's spans.

A capital used as an actor ("Baku agreed", "the envoy from Beijing") is its country (kind
`metonym`) while "in Moscow" stays the city; a demonym adjective is its country (kind
`demonym`) and a plural demonym a people; "Real Madrid" is a club, "New South Wales" a
longer place, "Baroness Scotland" a person, and "Korea" the one Korea the article names.
Every source of candidates that lands on a gazetteer id goes through `gazetteer_candidate`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.mentions.context import Candidate, MentionContext, clean_spaces, is_plural_demonym
from pipeline.nlp.mentions.groups import a_language, people_acting, people_group
from pipeline.nlp.mentions.vocabulary import (
    ENVOY_NOUNS,
    GOVERNMENT_NOUNS,
    HONORIFICS,
    MOTION_VERBS,
    PLACE_NAME_OPENERS,
    PLACE_NOUNS,
    PLACE_QUALIFIERS,
    REPORTING_VERBS,
    STATE_BODY_HEADS,
    TARGET_HEADS,
    qualifies_a_region,
)
from pipeline.nlp.syntax import PLACE_PREPS
from pipeline.nlp.token_view import view_of


def gazetteer_candidate(mc: MentionContext, span: Span, label: str, entity_id: str) -> Candidate | None:
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
        if a_language(span):
            return None  # "experimenting with Japanese and Spanish", "teach German": a tongue, not the state
        iso3 = entry.country_iso3
        if is_plural_demonym(span[-1], mc.gaz) and not people_acting(mc, span):
            return people_group(mc, span, iso3)
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
        return head.lower_ not in PLACE_NOUNS and not _named_in_the_city(head)
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


def _named_in_the_city(head: Token) -> bool:
    """ "London's Docklands", "London's West End", "Tokyo's Nikkei", "Moscow's Sovlink
    Securities": a capital's possessive on a proper name NER found (a district, a venue, a
    firm or market there) places that name in the city, so the capital is the city; not a
    state's own organ named with it ("Moscow's Foreign Ministry", "Baku's parliament": a
    government noun or a state body's head among the name's words) nor a body the gazetteer
    knows ("Beijing's Communist Party")."""
    if head.pos_ != "PROPN" or head.ent_type_ not in ("FAC", "LOC", "GPE", "ORG") or head.ent_id_:
        return False
    words = [t.lower_ for t in head.lefts if t.dep_ in ("compound", "amod")] + [head.lower_]
    return not any(w in GOVERNMENT_NOUNS or w in STATE_BODY_HEADS or w == "ministry" for w in words)


def short_country_name(mc: MentionContext, span: Span) -> str | None:
    """ "Korea", "Congo": a word the gazetteer leaves out because news uses it for two states is
    the one state the article names by a longer name ending in it ("South Korea", "the
    Republic of Korea"); None when it names none of them or both."""
    if len(span) != 1 or not span[0].is_title:
        return None
    named = set(_states_by_last_word(mc).get(span[0].lower_, ()))
    return named.pop() if len(named) == 1 else None


def _states_by_last_word(mc: MentionContext) -> dict[str, set[str]]:
    """Each state the article names by several words, under its last word ("korea": South
    Korea), worked out once per article (the token view's memo)."""
    view = view_of(mc.doc)

    def states() -> dict[str, set[str]]:
        by_last_word: dict[str, set[str]] = {}
        for ent in view.ents:
            entry = mc.gaz.entries.get(ent.ent_id_) if ent.ent_id_.startswith("country:") else None
            if entry is not None and len(ent) > 1:
                by_last_word.setdefault(view.lower[ent.end - 1], set()).add(entry.entity_id)
        return by_last_word

    return view.once("country_names", states)


def short_country_demonym(mc: MentionContext, span: Span) -> str | None:
    """ "Congolese", "Korean": an adjective the gazetteer leaves out because it is two states'
    is the one state the article names by a longer name whose last word it is formed on
    ("the Democratic Republic of Congo" ... "Congolese President Joseph Kabila"; "South
    Korea" ... "Korean officials"): the word opens with that last word and adds a demonym's
    ending, and the word alone names no place of its own ("African" where the article names
    South Africa is Africa's). None when the article names none of them or both."""
    if len(span) != 1 or not span[0].is_title or span[0].ent_id_:
        return None
    word = span[0].lower_
    named = {
        entity_id
        for last, ids in _states_by_last_word(mc).items()
        if len(last) >= 4 and word.startswith(last) and word[len(last):] in _DEMONYM_ENDINGS
        and mc.gaz.by_alias(last.title()) is None  # "African" is Africa's, not South Africa's
        for entity_id in ids
    }
    return named.pop() if len(named) == 1 else None


# the endings a demonym adds to its state's name ("Congo-lese", "Korea-n", "Sudan-ese")
_DEMONYM_ENDINGS = frozenset({"n", "an", "ian", "ese", "lese", "i", "ish"})
