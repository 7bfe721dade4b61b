"""The state of a place: the article's mention of the country a city or region lies in, or
that a person's title names.

Unnamed police, officials or courts of a place act as its state (eval/GUIDE.md; PLOVER
codes actors by country), and a visit's host is the state of the place visited. These
helpers only look places and countries up in the article's mentions; reading which noun
phrase names the place is left to their callers (phrases.py, visits.py), so this module
imports none of the actor readers.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.draft import actor_at, place_at
from pipeline.nlp.events.state_agents import country_mention
from pipeline.nlp.events.vocabulary import CITY_COUNTRIES, STATE_AGENT_HEADS
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import MentionIndex


def state_of_place(head: Token, place_token: Token, index: MentionIndex) -> list[Mention]:
    """ "Police in Madrid", "Madrid police", "officials in the capital Mumbai": unnamed
    officials, police, troops or courts of a city or region act as its state (PLOVER codes
    actors by country and sector; eval/GUIDE.md), so they are the article's mention of the
    country the place lies in, the nearest one before the place, else the first after. A
    crowd or a group of people in a place ("thousands in Madrid") is not its state."""
    if head.lemma_.lower() not in STATE_AGENT_HEADS:
        return []
    return country_of_place(place_token, index)


def country_of_place(place_token: Token, index: MentionIndex, outside: tuple[int, int] | None = None) -> list[Mention]:
    """The article's mention of the country a city or region lies in, the nearest one before
    the place, else the first after; nothing for a place that is no LOCATION."""
    place = place_at(index, place_token)
    return state_containing(place, index, outside) if place is not None else []


def state_containing(place: Mention, index: MentionIndex, outside: tuple[int, int] | None = None) -> list[Mention]:
    """The article's mention of the country a LOCATION lies in (`country_of_place`).

    Only a LOCATION: a mention typed COUNTRY is already the state, and one of another type
    (a body, a person, a facility named after a place) lies in no country the text locates, so
    looking its name up in city_countries would tie an organisation to a state by its name."""
    if place.entity_type != "LOCATION":
        return []
    iso3 = place.country_iso3 or CITY_COUNTRIES.get(place.name.lower())
    state = country_mention(index, iso3, place.char_start, outside) if iso3 else None
    return [state] if state is not None else []


def state_of(token: Token, index: MentionIndex) -> Mention | None:
    """The country a person's own title names ("Azeri President Ilham Aliyev"), its
    conjuncts left out."""
    skip = {t.i for c in token.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    for t in token.subtree:
        if t.i in skip:
            continue
        m = actor_at(index, t)
        if m is not None and m.entity_type == "COUNTRY":
            return m
    return None
