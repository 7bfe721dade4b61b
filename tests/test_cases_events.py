"""The event rules' examples and the PLOVER sentence suite (tests/cases/events.yaml), one
test per sentence; `make eval` scores the same cases per type (pipeline/evaluation/event_suite.py)."""

from __future__ import annotations

import pytest

from pipeline.evaluation.event_suite import records
from pipeline.nlp.events import detect_events
from pipeline.nlp.mentions import detect_mentions
from pipeline.nlp.quotes import extract_quotes
from pipeline.nlp.stances import extract_stances
from tests.case_harness import Case, case_params, run_case


def _records(case: Case, ctx) -> list[dict]:
    mentions = detect_mentions(ctx)
    quotes = extract_quotes(ctx, mentions)
    return records(ctx, mentions, detect_events(ctx, mentions, quotes, extract_stances(ctx, quotes, mentions)))


@pytest.mark.parametrize("case", case_params("events"))
def test_event_case(case: Case):
    run_case(case, "events", _records)
