"""The event rules' examples and the PLOVER sentence suite (tests/cases/events.yaml), one
test per sentence; `make eval` scores the same cases per type (pipeline/evaluation/event_suite.py)."""

from __future__ import annotations

import pytest

from pipeline.evaluation.event_suite import case_records
from tests.case_harness import Case, case_params, run_case


def _records(case: Case, ctx) -> list[dict]:
    return case_records(ctx)


@pytest.mark.parametrize("case", case_params("events"))
def test_event_case(case: Case):
    run_case(case, "events", _records)
