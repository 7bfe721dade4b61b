"""Passes detect.py runs over a draft once `fill_actors` has filled it: the places a visit
goes to and the state that hosts it (`visited_places`, `host_of_visited_place`), the country a
deployment or a named strike is aimed at (`theatre_target`, `struck_country`), and the
split of a reciprocal act into one draft per direction (`reciprocal_drafts`).

They change a draft's parties from its place and its verb's form, not from its
arguments, so they need none of the actor readers.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from pipeline.nlp.events.draft import SPEECH_TYPES, Draft, EventContext, lemma_in, place_at, pobjs
from pipeline.nlp.events.places import state_containing
from pipeline.nlp.events.vocabulary import RECIPROCAL_VERBS, STRIKE_NOUNS
from pipeline.nlp.lexicons import EventTriggers
from pipeline.nlp.records import Mention


def visited_places(ec: EventContext, draft: Draft) -> None:
    """ "visits Manchester, Liverpool and Leicester": places visited are where, not whom."""
    index = ec.index
    if draft.mode != "visit" or draft.token.pos_ not in ("VERB", "AUX"):
        return
    for obj in draft.token.children:
        if obj.dep_ != "dobj":
            continue
        listed = [obj] + [t for t in obj.subtree if t.dep_ == "conj" and t.head.i != t.i]
        places = [p for p in (place_at(index, t) for t in listed) if p is not None]
        if not places:
            continue
        if draft.location is None:
            # a visited country is the host, not the place; a city visited is the place
            draft.location = next((p for p in places if p.entity_type != "COUNTRY"), None)
        if len(places) * 2 >= len(listed):  # a list of places: its odd members are places too
            # a country visited is the host (PLOVER: the visitor is the source, the host the target)
            covered = {m.mention_id for t in listed for m in index.all_at(t) if m.entity_type != "COUNTRY"}
            draft.targets = [m for m in draft.targets if m.mention_id not in covered]


def host_of_visited_place(ec: EventContext, draft: Draft) -> None:
    """ "Bush visited Ottawa", "Hu arrived in Brasilia for a state visit": a visit to a city or
    region of another state is hosted by that state (PLOVER CONSULT visit: the host is the
    target, the city stays the place), as the article names it. Only when every visitor's own
    state is known and none is the host: a leader touring his own country has no host. A
    visit made for a meeting ("visited Geneva for talks with Iran") is hosted by no state the
    place lies in, and a state named more than a couple of sentences away is not the host the
    text means."""
    place = draft.location
    if draft.event_type != "CONSULT" or draft.mode != "visit" or draft.targets or not draft.sources:
        return
    if place is None or _visit_for_meeting(draft.token, ec.lexicon):
        return
    hosts = state_containing(place, ec.index)
    if not hosts or abs(hosts[0].sentence_id - draft.sentence.sentence_id) > HOST_SENTENCE_REACH:
        return
    if any(m.country_iso3 is None for m in draft.sources) or visits_home(draft.sources, hosts[0].country_iso3):
        return
    draft.targets.extend(hosts)


HOST_SENTENCE_REACH = 2  # sentences between a visit and the host state the article names


def visits_home(visitors: list[Mention], destination_iso3: str | None) -> bool:
    """Whether a visitor's own state is the destination's: a leader touring his own country
    ("Cuban President Raul Castro ... a visit to Cuba") makes no visit there, so he neither
    has a host (`host_of_visited_place`) nor is the visitor a possessive pronoun stands for
    (`actors._pronoun_possessor`)."""
    return destination_iso3 is not None and any(m.country_iso3 == destination_iso3 for m in visitors)


def _visit_for_meeting(verb: Token, lexicon: EventTriggers) -> bool:
    """ "visited Geneva for talks with Iran", "in Brussels for a summit": a "for" phrase whose
    object is a meeting (a CONSULT noun of the trigger dictionary) or has a "with" phrase."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for pobj in pobjs(prep):
            found = lexicon.noun(pobj.lemma_.lower())
            if (found is not None and found.event_type == "CONSULT") or any(
                c.dep_ == "prep" and c.lower_ == "with" for c in pobj.children
            ):
                return True
    return False


def theatre_target(draft: Draft) -> None:
    """ "Syria redeployed its troops in Lebanon", "exercises near Taiwan": forces moved into or
    beside another country are directed at it (PLOVER's MOBILIZE target)."""
    place = draft.location
    if draft.event_type != "MOBILIZE" or draft.targets or place is None or place.entity_type != "COUNTRY":
        return
    own = {m.country_iso3 or m.name for m in draft.sources if m.entity_type == "COUNTRY"}
    if draft.sources and (place.country_iso3 or place.name) not in own:
        draft.targets.append(place)


def struck_country(draft: Draft) -> None:
    """ "the 11 September attacks in the US", "the Madrid bombings in Spain": a named strike
    (an attack noun with a date or a place name of its own, events.yaml strike_nouns) that
    names no attacker and no one attacked, only the country it happened in, struck that
    country (PLOVER's ASSAULT target; eval/GUIDE.md codes historical events mentioned in
    passing). An unnamed one ("a shooting in Germany", "the attacks in Iraq") is a place
    with no doer, a topic (filters.theatre_only). The country leaves the place: one mention
    has one role in the events table (`drop_overlaps`: places are not actors), and an event
    whose place is also its target is scored without that target."""
    place = draft.location
    if draft.event_type != "ASSAULT" or not lemma_in(draft.token, STRIKE_NOUNS) or draft.actors():
        return
    if place is not None and place.entity_type == "COUNTRY" and _named_strike(draft.token):
        draft.targets.append(place)
        draft.location = None


def _named_strike(noun: Token) -> bool:
    """ "the 11 September attacks", "the 2001 attacks", "the Madrid bombings": a strike noun
    named by a date or a place name modifying it."""
    return any(
        c.dep_ in ("compound", "nmod", "nummod", "amod") and c.ent_type_ in ("DATE", "GPE", "LOC", "EVENT")
        for c in noun.children
    )


def reciprocal_drafts(draft: Draft) -> list[Draft]:
    """ "The two sides routinely exchange harsh invective", "Airbus and Boeing accuse each
    other": a directed speech act with a pair of sources, no target, and a reciprocal
    realiser (`reciprocal_verbs`: "exchange") or object ("each other", "one another") is one draft
    per direction, each side acting on the other; any other draft is itself."""
    if draft.event_type not in SPEECH_TYPES or draft.targets or len(draft.sources) != 2:
        return [draft]
    if not (any(lemma_in(v, RECIPROCAL_VERBS) for v in draft.realisers) or _reciprocal_object(draft.token)):
        return [draft]
    a, b = draft.sources
    return [
        replace(
            draft,
            sources=[x],
            targets=[y],
            words=list(draft.words),
            realisers=list(draft.realisers),
            participants=list(draft.participants),
            mediators=list(draft.mediators),
        )
        for x, y in ((a, b), (b, a))
    ]


def _reciprocal_object(verb: Token) -> bool:
    """Whether a verb's object (or its preposition's) is "each other" or "one another"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [p for c in verb.children if c.dep_ == "prep" for p in pobjs(c)]
    return any(
        o.lower_ in ("other", "another") and any(d.lower_ in ("each", "one") for d in o.children) for o in objects
    )
