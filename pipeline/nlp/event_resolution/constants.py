"""Roles, type classes and limits shared by the clustering and row passes."""

from __future__ import annotations

from datetime import timedelta

from pipeline.nlp.dates import DAY, MONTH, YEAR

ROLES = ("mediator", "source", "target", "participant")
ROLE_WEIGHT = {"mediator": 3.0, "source": 2.0, "target": 2.0, "participant": 1.0}
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE"})
SPEECH_ACTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "SUPPORT", "AGREE", "THREATEN", "CONCEDE"})
PRECISION_RANK = {DAY: 3, MONTH: 2, YEAR: 1, None: 0}
MAX_SCAN = 16  # clusters examined per blocking key (the most recent ones)
LINK_WINDOW = timedelta(days=7)
