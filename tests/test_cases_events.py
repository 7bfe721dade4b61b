"""The event rules' examples (tests/cases/events.yaml), one test per sentence."""

from __future__ import annotations

import pytest

from pipeline.nlp.events import detect_events
from pipeline.nlp.mentions import detect_mentions
from pipeline.nlp.quotes import extract_quotes
from tests.case_harness import Case, case_params, run_case


def _records(case: Case, ctx) -> list[dict]:
    mentions = detect_mentions(ctx)
    by_id = {m.mention_id: m for m in mentions}

    def names(ids: tuple[str, ...]) -> list[str]:
        return [by_id[i].name for i in ids]

    return [
        {
            "trigger": e.trigger,
            "type": e.event_type,
            "mode": e.event_mode,
            "modality": e.modality,
            "sources": names(e.sources),
            "targets": names(e.targets),
            "participants": names(e.participants),
            "mediators": names(e.mediators),
            "date": e.date_text,
            "place": by_id[e.location_mention_id].surface if e.location_mention_id in by_id else None,
        }
        for e in detect_events(ctx, mentions, extract_quotes(ctx, mentions))
    ]


@pytest.mark.parametrize("case", case_params("events"))
def test_event_case(case: Case):
    run_case(case, "events", _records)
