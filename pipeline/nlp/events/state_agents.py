"""State agents: unnamed troops, police or officials of a state act as that state.

PLOVER codes actors by country and sector, and eval/GUIDE.md has unnamed officials, police
or troops of a place act as that place's country ("Spanish police" -> Spain). The mention
layer keeps "Israeli troops" or "Indian security forces" as one GROUP (a demonym before a
plural is a population), so an event they do names the group; when its head is a state
agent (events.yaml state_agent_heads) and its demonym names a country the article mentions,
that country acts with it. Guerrillas, rebels or protesters of a nationality are a
population, not its state, and stay a group only.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from pipeline.nlp.events.vocabulary import NON_STATE_FORCES, STATE_AGENT_HEADS, STATE_SERVICE_HEADS
from pipeline.nlp.gazetteer import Gazetteer, load_gazetteer
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import MentionIndex


@cache
def _gazetteer() -> Gazetteer:
    return load_gazetteer()


def country_mention(index: MentionIndex, iso3: str, at: int, outside: tuple[int, int] | None = None) -> Mention | None:
    """The article's mention of the country `iso3` nearest before offset `at`, else the
    first after it; None when the article never names it. A demonym inside the character
    span `outside` (the verb's subject) is skipped: "A Russian businessman was arrested in
    St Petersburg" describes the arrested man, it does not name the arresting state."""
    iso3 = iso3.upper()
    states = [
        m
        for m in index.mentions
        if m.entity_type == "COUNTRY"
        and m.kind != "pronoun"
        and (m.country_iso3 == iso3 or m.gazetteer_id == f"country:{iso3}")
        and not (outside is not None and m.kind == "demonym" and outside[0] <= m.char_start < outside[1])
    ]
    before = [m for m in states if m.char_start < at]
    return before[-1] if before else (states[0] if states else None)


def _state_service(head: Token, body: Mention) -> bool:
    """ "the Colombian Army", "the Indonesian National Police": a body whose head noun is a
    state's service (events.yaml state_service_heads) is still that state's, unless it is a
    known party militia or rebel army named the same way (non_state_forces: "the Lebanese
    Forces", "the Free Syrian Army")."""
    if body.entity_type != "ORGANIZATION" or head.lemma_.lower() not in STATE_SERVICE_HEADS:
        return False
    name = " ".join(w for w in body.surface.lower().split() if w != "the")
    return name not in NON_STATE_FORCES


def state_of_agents(head: Token, group: Mention, index: MentionIndex) -> list[Mention]:
    """ "Israeli troops", "Indonesian soldiers", "the Colombian army": the country whose
    agents a GROUP of state agents (or a body named just by demonym and agent noun) is, as
    the article names it elsewhere (not by the group's own demonym), or nothing."""
    if head.lemma_.lower() not in STATE_AGENT_HEADS:
        return []
    words = group.surface.split()
    if group.entity_type != "GROUP" and not _state_service(head, group):
        return []
    first = words[0] if words else ""
    iso3 = _gazetteer().demonym_country(first)
    if not iso3:
        return []
    state = country_mention(index, iso3, group.char_start, outside=(group.char_start, group.char_end))
    return [state] if state is not None else []
