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
