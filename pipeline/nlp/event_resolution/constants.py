"""Roles, type classes and limits shared by the clustering and row passes."""

from __future__ import annotations

from datetime import timedelta

from pipeline.nlp.dates import DAY, MONTH, YEAR
from pipeline.nlp.events.vocabulary import TYPE_FAMILIES

ROLES = ("mediator", "source", "target", "participant")
ROLE_WEIGHT = {"mediator": 3.0, "source": 2.0, "target": 2.0, "participant": 1.0}
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE"})
SPEECH_ACTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "SUPPORT", "AGREE", "THREATEN", "CONCEDE"})
PRECISION_RANK = {DAY: 3, MONTH: 2, YEAR: 1, None: 0}
MAX_SCAN = 16  # clusters examined per blocking key (the most recent ones)
LINK_WINDOW = timedelta(days=7)
RECALL_WINDOW = timedelta(days=365)  # an undated report is about something at most this old


def family(event_type: str, mode: str | None, trigger: str) -> str:
    """The family a report's type belongs to ("convicted", "sentenced", "jailed": one court
    case), or its type when it has none."""
    base = f"{event_type}/{mode or ''}".lower()
    word = trigger.lower().split()[0] if trigger.strip() else ""
    for key, name in TYPE_FAMILIES.items():
        parts = key.split("/")
        if len(parts) == 3 and "/".join(parts[:2]) == base and word.startswith(parts[2]):
            return f"family:{name}"
    found = TYPE_FAMILIES.get(base)
    return f"family:{found}" if found else event_type

