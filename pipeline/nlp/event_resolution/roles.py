"""One role per entity of an event, voted over its reports."""

from __future__ import annotations

from collections import Counter, defaultdict

from pipeline.nlp.event_resolution.clusters import Cluster
from pipeline.nlp.event_resolution.constants import ROLE_WEIGHT, ROLES, SYMMETRIC_TYPES
from pipeline.nlp.event_resolution.entities import KnownEntities


def final_roles(cluster: Cluster, known: KnownEntities) -> dict[str, str]:
    if len(cluster.reports) == 1:  # one report: its roles as they are
        only = cluster.reports[0].roles
        roles = {e: role for role in reversed(ROLES) for e in only[role]}
        return _country_follows_its_people(roles, cluster.event_type, known)
    votes: dict[str, Counter] = defaultdict(Counter)
    for report in cluster.reports:
        for role, ids in report.roles.items():
            for entity in ids:
                votes[entity][role] += ROLE_WEIGHT[role]
    if cluster.event_type in SYMMETRIC_TYPES:
        for counter in votes.values():
            # a pooled meeting: a side that is only ever "source/target" here was named
            # by a host/visit verb; keep the direction only if no report pooled it
            if counter["participant"] and (counter["source"] or counter["target"]):
                counter["participant"] += counter.pop("source", 0) + counter.pop("target", 0)
    roles = {
        entity: max(ROLES, key=lambda r: (counter[r], -ROLES.index(r)))
        for entity, counter in votes.items()
    }
    return _country_follows_its_people(roles, cluster.event_type, known)


def _country_follows_its_people(roles: dict[str, str], event_type: str, known: KnownEntities) -> dict[str, str]:
    """"Russia" in a meeting its foreign minister hosted is the host side, not a party."""
    if event_type not in SYMMETRIC_TYPES:
        return roles
    mediating = {known.country(e) for e, r in roles.items() if r == "mediator" and not known.is_country(e)}
    parties = {known.country(e) for e, r in roles.items() if r != "mediator" and not known.is_country(e)}
    for entity, role in roles.items():
        if role == "participant" and known.is_country(entity):
            country = known.country(entity)
            if country in mediating and country not in parties:
                roles[entity] = "mediator"
    return roles
