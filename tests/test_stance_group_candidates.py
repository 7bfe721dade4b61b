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


def _chain_groups(texts: dict[str, str], field: str) -> dict[str, list[str]]:
    """Each text's GROUP mentions after the whole chain (`chain_extractors`), by `field`."""
    from pipeline.nlp.extract import chain_extractors

    built = build_contexts((key, with_newline(text)) for key, text in texts.items())
    return {
        key: [getattr(m, field) for m in chain_extractors(ctx)[0] if m.entity_type == "GROUP"]
        for key, ctx in zip(texts, built, strict=True)
    }


def test_a_partys_rebels_are_a_group_wherever_they_stand():
    """ "despite the support of 62 Labour rebels": a party's name before a revolt noun
    (stances.yaml revolt_nouns) names a GROUP though the rebels neither act nor hold a stance
    in the sentence; "rebels" alone, "FARC rebels" (no party) and "Labour members" are none."""
    texts = {
        "support": "A cross-party amendment was narrowly rejected by the Commons despite the support of "
        "62 Labour rebels.",
        "object": "The whips met Tory rebels on Monday.",
        "bare": "The army fought rebels in the north.",
        "armed": "The army fought FARC rebels in the south.",
        "members": "Labour members will vote on the plan.",
    }
    groups = _chain_groups(texts, "name")
    assert groups == {"support": ["Labour rebels"], "object": ["Tory rebels"], "bare": [], "armed": [], "members": []}


def test_a_group_noun_whose_of_phrase_names_a_body_holds_for_it():
    """ "the leaders of Britain's Jewish community, the Board of Deputies, has put support for …
    ahead of …": a group noun whose own "of" phrase (or its apposition) is a mention holds that
    one's position, so the stance is the body's and "leaders" no GROUP; "supporters of the
    software in the US" are no people of the US (wikinews new-uk-jewish-group-formed)."""
    from pipeline.nlp.extract import chain_extractors

    text = (
        "The group said that the leaders of Britain's Jewish community, the Board of Deputies, has "
        '"consistently put support for the policies of an occupying power ahead of the human rights of an '
        'occupied people".'
    )
    ctx = build_contexts([("wiki/jewish-voices", with_newline(text))])[0]
    mentions, _, stances, _ = chain_extractors(ctx)
    by_id = {m.mention_id: m for m in mentions}
    assert not [m.surface for m in mentions if m.entity_type == "GROUP" and m.surface.lower() == "leaders"]
    holders = [by_id[s.holder_mention_id].surface for s in stances if s.holder_mention_id in by_id]
    assert holders == ["Board of Deputies"]


def test_company_nouns_are_no_group_of_people():
    """ "Britain's retailers had endured …", "French companies … were reluctant to take on
    extra staff": firms are organisations, not a group of people (eval/GUIDE.md: GROUP is for
    ethnic, religious and social groups), so a generic company noun never joins the mentions
    as a GROUP; "Unions said they would strike" still does."""
    texts = {
        "retailers": "The BRC said Britain's retailers had endured their worst Christmas in a decade.",
        "companies": "French companies, keen to protect their profit margins, were reluctant to take on extra staff.",
        "firms": "Firms led by the Oil & Natural Gas Corporation will also assist in the development of oil fields.",
        "unions": "Unions said they would strike over pensions.",
    }
    groups = _chain_groups(texts, "surface")
    assert groups == {"retailers": [], "companies": [], "firms": [], "unions": ["Unions"]}
