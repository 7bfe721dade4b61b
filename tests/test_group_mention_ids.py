"""A group named by a common noun gets a mention id no other mention of its article holds."""

from collections import Counter

from pipeline.nlp.extract import build_context, chain_extractors


def test_group_opened_by_a_demonym_has_its_own_id():
    # a BBC business headline and lede: "Iranian" is a demonym mention at offset 0 and
    # "Iranian MPs" a group acting in an event from the same offset
    text = (
        "Iranian MPs threaten mobile deal\n\n"
        "Turkey's biggest mobile phone firm could be forced to reconsider a deal to invest in "
        "Iran after Iranian MPs threatened to block it.\n"
    )
    mentions, _, _, _ = chain_extractors(build_context("bbc/iranian-mps", text))
    groups = [m for m in mentions if m.entity_type == "GROUP" and m.surface == "Iranian MPs"]
    assert groups, "the acting group joins the mentions"
    assert [m.char_start for m in mentions].count(0) == 2  # the demonym and the group share a start
    duplicated = [key for key, n in Counter(m.mention_id for m in mentions).items() if n > 1]
    assert duplicated == []


def test_national_group_and_its_demonym_have_their_own_ids():
    # "Russian peacekeepers": the demonym is Russia at the phrase's start, the group keyed
    # by its noun (mentions.groups.nested_demonyms); every id stays unique
    text = (
        "Russian peacekeepers patrol the corridor\n\n"
        "Russian peacekeepers patrol the corridor, and Spanish troops held the port.\n"
    )
    mentions, _, _, _ = chain_extractors(build_context("bbc/peacekeepers", text))
    russia = [m for m in mentions if m.gazetteer_id == "country:RUS"]
    groups = [m for m in mentions if m.entity_type == "GROUP" and m.surface == "Russian peacekeepers"]
    assert len(russia) == 2 and len(groups) == 2
    for country, group in zip(russia, groups, strict=True):
        assert country.char_start == group.char_start
        assert country.mention_id == f"bbc/peacekeepers#m{country.char_start}"
        assert group.mention_id == f"bbc/peacekeepers#m{group.char_start + len('Russian ')}"
    duplicated = [key for key, n in Counter(m.mention_id for m in mentions).items() if n > 1]
    assert duplicated == []
