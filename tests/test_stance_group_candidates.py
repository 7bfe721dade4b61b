"""Group candidates (pipeline/nlp/stances/groups.py): a generic noun an apposition names."""

from __future__ import annotations

from pipeline.evaluation.case_patterns import with_newline
from pipeline.nlp.extract import build_contexts
from pipeline.nlp.mentions import detect_mentions
from pipeline.nlp.stances.groups import group_candidates

_TEXTS = {
    "named": "At a press conference on Thursday Intel announced that two UWB groups, WiMedia Alliance and "
    "Multi-band OFDM alliance had merged.",
    "named-unions": "Two unions, Amicus and the T&G, said they would strike over pensions.",
    "bare": "Unions said they would strike over pensions.",
}


def _groups() -> dict[str, list[str]]:
    built = build_contexts((key, with_newline(text)) for key, text in _TEXTS.items())
    return {
        key: [m.surface for m in group_candidates(ctx, detect_mentions(ctx)).every]
        for key, ctx in zip(_TEXTS, built, strict=True)
    }


def test_a_noun_whose_apposition_names_bodies_is_no_group():
    """ "two UWB groups, WiMedia Alliance and …": the named bodies act, not a generic group."""
    groups = _groups()
    assert groups["named"] == []
    assert groups["named-unions"] == []
    assert groups["bare"] == ["Unions"]
