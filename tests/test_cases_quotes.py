"""The quote rules' examples (tests/cases/quotes.yaml), one test per sentence."""

from __future__ import annotations

import pytest

from pipeline.nlp.mentions import detect_mentions
from pipeline.nlp.quotes import extract_quotes
from tests.case_harness import Case, case_params, run_case
from tests.conftest import named_by


def _records(case: Case, ctx) -> list[dict]:
    mentions = detect_mentions(ctx)
    by_id = {m.mention_id: m for m in mentions}
    return [
        {
            "kind": q.kind,
            "text": q.text,
            "speaker": q.speaker_surface,
            "speaker_name": named_by(q.speaker_mention_id, by_id),
            "cue": q.cue,
        }
        for q in extract_quotes(ctx, mentions)
    ]


@pytest.mark.parametrize("case", case_params("quotes"))
def test_quote_case(case: Case):
    run_case(case, "quotes", _records)
