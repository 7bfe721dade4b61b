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
    "example": "Human rights groups, Amnesty among them, condemned the killings.",
    "example-before": "Several groups, among them Amnesty, condemned the killings.",
    "example-adverb": "Human rights groups, notably Amnesty, condemned the killings.",
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


def test_a_noun_whose_apposition_names_an_example_stays_a_group():
    """ "Human rights groups, Amnesty among them, condemned …": the apposition names one of
    the groups, not all of them, so the generic group still acts."""
    groups = _groups()
    assert groups["example"] == ["Human rights groups"]
    assert groups["example-before"] == ["groups"]  # "several" is a quantity, no part of the name
    assert groups["example-adverb"] == ["Human rights groups"]


def test_a_partys_rebels_are_a_group_wherever_they_stand():
    """ "despite the support of 62 Labour rebels": a party's name before a revolt noun
    (stances.yaml revolt_nouns) names a GROUP though the rebels neither act nor hold a stance
    in the sentence; "rebels" alone, "FARC rebels" (no party) and "Labour members" are none."""
    from pipeline.nlp.extract import chain_extractors

    texts = {
        "support": "A cross-party amendment was narrowly rejected by the Commons despite the support of "
        "62 Labour rebels.",
        "object": "The whips met Tory rebels on Monday.",
        "bare": "The army fought rebels in the north.",
        "armed": "The army fought FARC rebels in the south.",
        "members": "Labour members will vote on the plan.",
    }
    built = build_contexts((key, with_newline(text)) for key, text in texts.items())
    groups = {
        key: [m.name for m in chain_extractors(ctx)[0] if m.entity_type == "GROUP"]
        for key, ctx in zip(texts, built, strict=True)
    }
    assert groups == {"support": ["Labour rebels"], "object": ["Tory rebels"], "bare": [], "armed": [], "members": []}
