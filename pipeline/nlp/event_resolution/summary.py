"""The one readable line of an event: who did what to whom, where, when."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date

from pipeline.nlp.dates import DAY, MONTH, YEAR
from pipeline.nlp.event_resolution.clusters import Cluster
from pipeline.nlp.event_resolution.constants import SYMMETRIC_TYPES
from pipeline.nlp.event_resolution.entities import KnownEntities

VERBS = {
    # type: (singular, plural, preposition before the target or None)
    "AGREE": ("agrees", "agree", "with"),
    "CONSULT": ("consults", "consult", "with"),
    "SUPPORT": ("supports", "support", None),
    "CONCEDE": ("concedes", "concede", "to"),
    "COOPERATE": ("cooperates", "cooperate", "with"),
    "AID": ("aids", "aid", None),
    "RETREAT": ("retreats", "retreat", "before"),
    "REQUEST": ("makes a request", "make a request", "to"),
    "ACCUSE": ("accuses", "accuse", None),
    "REJECT": ("rejects", "reject", None),
    "THREATEN": ("threatens", "threaten", None),
    "PROTEST": ("protests", "protest", "against"),
    "SANCTION": ("sanctions", "sanction", None),
    "MOBILIZE": ("mobilizes", "mobilize", "against"),
    "COERCE": ("coerces", "coerce", None),
    "ASSAULT": ("assaults", "assault", None),
}


def _name_list(entity_ids: list[str], names: Mapping[str, str], known: KnownEntities | None = None) -> str:
    if known is not None:  # "Russia" stands for "Russia and Sergei Lavrov"
        countries = {known.country(e) for e in entity_ids if known.is_country(e)}
        entity_ids = [e for e in entity_ids if known.is_country(e) or known.country(e) not in countries]
    labels = sorted({names.get(e) or _fallback_name(e) for e in entity_ids})
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def _fallback_name(entity_id: str) -> str:
    tail = entity_id.split(":", 1)[-1]
    return tail.replace("-", " ").title() if not tail.isupper() else tail


def summary_line(
    event_type: str, mode: str | None, roles: dict[str, str], place: str | None,
    event_date: date | None, precision: str | None, names: Mapping[str, str], mediator_word: str,
    known: KnownEntities | None = None,
) -> str:
    by_role: dict[str, list[str]] = defaultdict(list)
    for entity, role in sorted(roles.items()):
        by_role[role].append(entity)
    singular, plural, preposition = VERBS.get(event_type, (event_type.lower() + "s", event_type.lower(), None))
    visit = event_type == "CONSULT" and mode == "visit" and bool(by_role["source"]) and not by_role["participant"]
    if visit:
        singular, plural, preposition = "visits", "visit", None
    sources = by_role["source"] + (by_role["participant"] if event_type not in SYMMETRIC_TYPES else [])
    targets = by_role["target"]
    if event_type in SYMMETRIC_TYPES:
        sources = by_role["participant"] + by_role["source"]
    parts: list[str] = []
    if sources:
        subject = _name_list(sources, names, known)
        many = " and " in subject
        parts.append(f"{subject} {plural if many else singular}")
        if targets:
            parts[-1] += f" {preposition + ' ' if preposition else ''}{_name_list(targets, names, known)}"
    elif targets:
        kind = f"{event_type.capitalize()}{' (' + mode + ')' if mode else ''}"
        parts.append(f"{kind} against {_name_list(targets, names)}")
    else:
        parts.append(f"{event_type.capitalize()}{' (' + mode + ')' if mode else ''}")
    text = parts[0]
    if mode and sources and event_type not in SYMMETRIC_TYPES:
        text += f" ({mode})"
    if visit and sources and not targets and place:  # "Gordon Brown visits Africa"
        text += f" {names.get(place) or _fallback_name(place)}"
        place = None
    if by_role["mediator"]:
        text += f", {mediator_word} by {_name_list(by_role['mediator'], names, known)}"
        if sources or targets:
            text += ","
    if place:
        text += f" in {names.get(place) or _fallback_name(place)}"
    if event_date is not None:
        when = {DAY: f" on {event_date.isoformat()}", MONTH: f" in {event_date:%Y-%m}", YEAR: f" in {event_date.year}"}
        text += when[precision]
    return text.rstrip(",")


def mediator_word_of(cluster: Cluster) -> str:
    words = " ".join(
        r.candidate.trigger.lower() + " " + r.candidate.evidence.lower() for r in cluster.reports if r.roles["mediator"]
    )
    for stem, word in (("host", "hosted"), ("broker", "brokered"), ("stag", "staged"), ("mediat", "mediated")):
        if stem in words:
            return word
    return "mediated"
