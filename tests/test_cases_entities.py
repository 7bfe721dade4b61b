"""The mention rules' examples (tests/cases/entities.yaml), one test per sentence."""

from __future__ import annotations

import pytest

from pipeline.nlp.mentions import detect_mentions
from tests.case_harness import Case, case_params, run_case


def _records(case: Case, ctx) -> list[dict]:
    mentions = detect_mentions(ctx)
    by_id = {m.mention_id: m for m in mentions}
    return [
        {
            "surface": m.surface,
            "name": m.name,
            "type": m.entity_type,
            "kind": m.kind,
            "id": m.gazetteer_id,
            "role": m.role,
            "country": m.country_iso3,
            "antecedent": by_id[m.antecedent].surface if m.antecedent in by_id else None,
        }
        for m in mentions
    ]


@pytest.mark.parametrize("case", case_params("entities"))
def test_entity_case(case: Case):
    run_case(case, "entities", _records)
