"""Canonical issues (pipeline/nlp/stances/issues.py): targets naming one question share an
issue, and each stance's polarity is read against the issue's label."""

from __future__ import annotations

import pandas as pd

from pipeline.nlp.corpus import _stance_tables, stable_id
from pipeline.nlp.stances.issues import StanceRef, group_issues, read_target, stem
from pipeline.schemas import validate


def _group(*rows: tuple[str, str, str, str]):
    refs = [
        StanceRef(str(i), article, holder, target, None, polarity)
        for i, (article, holder, target, polarity) in enumerate(rows)
    ]
    issues, assigned = group_issues(refs, lambda key: stable_id("is", key))
    by_id = {issue.issue_id: issue for issue in issues}
    return [(by_id[assigned[str(i)][0]].label, assigned[str(i)][1]) for i in range(len(rows))], issues


def test_blockade_and_opening_are_one_issue_read_as_the_opening():
    found, issues = _group(
        ("seed-000", "Mirzoyan", "Lachin corridor blockade", "oppose"),
        ("seed-004", "Armenian Foreign Ministry", "opening of the Lachin corridor", "support"),
    )
    assert len(issues) == 1
    assert found == [("opening of the Lachin corridor", "support"), ("opening of the Lachin corridor", "support")]
    assert issues[0].n_stances == 2 and issues[0].n_articles == 2 and issues[0].n_holders == 2
    assert set(issues[0].aliases) == {"Lachin corridor blockade", "opening of the Lachin corridor"}


def test_imposed_agreements_and_imposed_solution_are_one_issue():
    found, issues = _group(
        ("seed-000", "Lavrov", "imposed agreements", "oppose"),
        ("seed-004", "Lavrov", "imposed solution", "oppose"),
        ("seed-004", "Lavrov", "imposed agreement", "oppose"),
    )
    assert len(issues) == 1 and {label for label, _ in found} == {issues[0].label}
    assert all(polarity == "oppose" for _, polarity in found)


def test_a_bare_noun_joins_the_named_one_only_in_its_article():
    found, issues = _group(
        ("bbc-1", "Liberal Democrats", "Anti-Terrorism Bill", "oppose"),
        ("bbc-1", "Mark Oaten", "bill", "oppose"),
        ("bbc-2", "Unison", "bill", "support"),
    )
    assert found[0][0] == found[1][0] == "Anti-Terrorism Bill"
    assert found[2][0] == "bill" and len(issues) == 2


def test_different_questions_stay_apart():
    _, issues = _group(
        ("a", "Liam Fox", "immigration quotas", "support"),
        ("b", "Mark Oaten", "identity cards", "oppose"),
        ("c", "Lavrov", "trilateral talks", "support"),
    )
    assert len(issues) == 3


def test_a_shared_preposition_is_no_shared_word():
    _, issues = _group(
        ("bbc-1", "Santander", "charges against chairman", "oppose"),
        ("bbc-2", "Kostas Kenteris", "doping charges against Greek sprinter dropped", "support"),
    )
    assert len(issues) == 2


def test_a_missing_target_entity_joins_nothing():
    pairs = [("a", "US"), ("b", "rugby")]
    refs = [StanceRef(str(i), a, "h", t, float("nan"), "support") for i, (a, t) in enumerate(pairs)]
    issues, _ = group_issues(refs, lambda key: stable_id("is", key))
    assert len(issues) == 2


def test_reading_a_target():
    reading = read_target("sunset clause inserted in the Anti-Terrorism Bill")
    assert reading.head == "clause" and "sunset" in reading.rest
    assert read_target("Lachin corridor blockade").sign == -1
    opening, blockade = read_target("opening of the Lachin corridor"), read_target("Lachin corridor blockade")
    assert opening.head_class == blockade.head_class and opening.sign == 1


def test_bracketed_short_form_is_no_head():
    """ "Learning and Skills Council (LSC)": the council is the head, the short form one more word."""
    reading = read_target("Learning and Skills Council (LSC)")
    assert reading.head == "council" and "lsc" in reading.rest


def test_stance_and_issue_tables_meet_the_contract():
    rows = [
        {"stance_id": "st-1", "holder_entity_id": "person:mirzoyan", "target": "Lachin corridor blockade",
         "target_entity_id": None, "polarity": "oppose", "score": 0.9, "article_id": "a", "sentence_id": 0,
         "quote_id": None, "evidence": "the illegal blockade"},
        {"stance_id": "st-2", "holder_entity_id": "org:arm-mfa", "target": "opening of the Lachin corridor",
         "target_entity_id": None, "polarity": "support", "score": 0.8, "article_id": "b", "sentence_id": 1,
         "quote_id": None, "evidence": "called for the opening"},
    ]  # fmt: skip
    tables = _stance_tables(rows)
    stances, issues = validate("stances", tables["stances"]), validate("issues", tables["issues"])
    assert isinstance(stances, pd.DataFrame) and len(issues) == 1
    assert set(stances["issue_id"]) == set(issues["issue_id"])
    assert list(stances.sort_values("stance_id")["issue_polarity"]) == ["support", "support"]
    assert issues.iloc[0]["n_holders"] == 2


def test_one_shared_word_does_not_chain_plans_across_articles():
    _, issues = _group(
        ("a1", "Hogg", "plans for ID cards", "oppose"),
        ("a1", "Howard", "controversial Labour plans to introduce ID cards", "support"),
        ("a2", "Tories", "Labour's plans", "oppose"),
        ("a3", "Tories", "plans to introduce health checks", "support"),
    )
    labels = {issue.label for issue in issues}
    assert len(issues) == 3, labels  # ID cards (one article, two targets), Labour's plans, health checks


def test_a_target_whose_words_are_in_another_articles_joins_it_by_a_specific_head():
    found, issues = _group(
        ("a1", "China", "arms embargo", "oppose"),
        ("a2", "United States", "EU embargo on arms exports", "support"),
        ("a3", "Jack Straw", "removed arms embargo", "support"),
        ("a4", "Charles Clarke", "terror detentions", "support"),
        ("a5", "Mary Robinson", "detention of foreign terror suspects", "oppose"),
    )
    assert len(issues) == 2, {issue.label for issue in issues}
    assert found[0][0] == found[1][0] == found[2][0] and found[3][0] == found[4][0]


def test_hyphenated_words_are_the_words_apart():
    _, issues = _group(
        ("a1", "Michael Howard", "stem-cell research", "support"),
        ("a2", "Lord Winston", "stem cell research", "support"),
    )
    assert len(issues) == 1


def test_a_broad_head_joins_no_articles_by_one_word():
    _, issues = _group(
        ("a1", "Oliver Letwin", "shadow chancellor", "oppose"),
        ("a2", "Tony Blair", "Conservative shadow chancellor", "support"),
        ("a3", "Tories", "Mr Brown's decision", "oppose"),
        ("a4", "Tories", "Gordon Brown's decision on trip", "oppose"),
    )
    assert len(issues) == 4


def test_gerund_labels_stem_as_their_verb():
    # action labels are gerunds ("cutting tax", "banning smoking"): a doubled consonant comes off
    # with "-ing"/"-ed", so they share their verb's stem with "tax cut", "the ban"
    assert [stem(w) for w in ("cutting", "banning", "banned", "committing")] == ["cut", "ban", "ban", "commit"]
    assert [stem(w) for w in ("calling", "passing", "adding")] == ["call", "pass", "add"]
