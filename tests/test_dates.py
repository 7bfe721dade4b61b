"""Date expressions and their resolution against the article date (pure, no model)."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.nlp.dates import compatible, find_date_expressions, resolve_date

TUESDAY = date(2023, 7, 25)  # the seeds' date; a Tuesday


@pytest.mark.parametrize(
    "expression, expected, precision",
    [
        # weekdays: the most recent such day on or before the reference
        ("on Tuesday", date(2023, 7, 25), "day"),
        ("late on Tuesday", date(2023, 7, 25), "day"),
        ("Tuesday's", date(2023, 7, 25), "day"),
        ("on Tuesday night", date(2023, 7, 25), "day"),
        ("on Monday", date(2023, 7, 24), "day"),
        ("Sunday", date(2023, 7, 23), "day"),
        ("on Wednesday", date(2023, 7, 19), "day"),
        ("last Tuesday", date(2023, 7, 18), "day"),
        # deictic days
        ("yesterday", date(2023, 7, 24), "day"),
        ("today", date(2023, 7, 25), "day"),
        ("earlier in the day", date(2023, 7, 25), "day"),
        ("last night", date(2023, 7, 24), "day"),
        ("three days ago", date(2023, 7, 22), "day"),
        # absolute days, with and without a year
        ("July 25, 2023", date(2023, 7, 25), "day"),
        ("25 July 2023", date(2023, 7, 25), "day"),
        ("on 8 July", date(2023, 7, 8), "day"),
        ("on July 30", date(2022, 7, 30), "day"),  # not in the future: last year's
        ("2023-07-01", date(2023, 7, 1), "day"),
        ("the 25th of July 2023", date(2023, 7, 25), "day"),
        # a bare day of the month: the reference month's, or the month before's if still to come
        ("on the 24th", date(2023, 7, 24), "day"),
        ("on the 29th", date(2023, 6, 29), "day"),
        # months
        ("earlier this month", date(2023, 7, 1), "month"),
        ("this month", date(2023, 7, 1), "month"),
        ("last month", date(2023, 6, 1), "month"),
        ("in May and June", date(2023, 5, 1), "month"),
        ("in June", date(2023, 6, 1), "month"),
        ("in December", date(2022, 12, 1), "month"),
        ("early July", date(2023, 7, 1), "month"),
        ("mid-June", date(2023, 6, 1), "month"),
        ("May 2021", date(2021, 5, 1), "month"),
        ("last October", date(2022, 10, 1), "month"),
        ("last July", date(2022, 7, 1), "month"),
        ("last week", date(2023, 7, 1), "month"),
        ("two months ago", date(2023, 5, 1), "month"),
        # years
        ("in 2020", date(2020, 1, 1), "year"),
        ("2020", date(2020, 1, 1), "year"),
        ("last year", date(2022, 1, 1), "year"),
        ("this year", date(2023, 1, 1), "year"),
        ("two years ago", date(2021, 1, 1), "year"),
    ],
)
def test_resolves_against_the_article_date(expression, expected, precision):
    assert resolve_date(expression, TUESDAY) == (expected, precision)


@pytest.mark.parametrize("expression", ["next week", "tomorrow", "next month", "in the coming week", "in 2025", "in September"])
def test_never_in_the_future(expression):
    resolved, _ = resolve_date(expression, TUESDAY)
    assert resolved is None or resolved <= TUESDAY
    if expression in ("next week", "tomorrow", "next month", "in 2025"):
        assert resolved is None


def test_september_is_last_years():
    assert resolve_date("in September", TUESDAY) == (date(2022, 9, 1), "month")


@pytest.mark.parametrize("expression", ["on Tuesday", "yesterday", "earlier this month", "last year", "in May", "on 8 July"])
def test_relative_without_reference_stays_unresolved(expression):
    assert resolve_date(expression, None) == (None, None)


@pytest.mark.parametrize(
    "expression, expected",
    [("in 2020", (date(2020, 1, 1), "year")), ("July 25, 2023", (date(2023, 7, 25), "day")), ("May 2021", (date(2021, 5, 1), "month"))],
)
def test_absolute_without_reference(expression, expected):
    assert resolve_date(expression, None) == expected


@pytest.mark.parametrize("expression", ["", "   ", None, "since 2003", "in the past 30 years", "soon"])
def test_not_a_point_in_time(expression):
    assert resolve_date(expression, TUESDAY) == (None, None)


def test_finds_expressions_in_text():
    text = (
        "Lavrov signaled obstacles late on Tuesday after talks. They met outside Washington "
        "in May and June. Under a 2020 truce. In the past 30 years 120,000 people left. "
        "The ministry said earlier this month. Since 2003 he has. He may go. "
        "On BBC Radio 4's Today programme. On July 25, 2023, he met them."
    )
    found = [e.text for e in find_date_expressions(text)]
    assert found == ["late on Tuesday", "in May and June", "2020", "earlier this month", "On July 25, 2023"]
    for expression in find_date_expressions(text):
        assert text[expression.start : expression.end] == expression.text


def test_sentence_initial_today_is_a_date():
    assert [e.text for e in find_date_expressions("Today the minister met them.")] == ["Today"]


def test_compatible_at_the_coarser_precision():
    day = (date(2023, 7, 25), "day")
    assert compatible(day, (date(2023, 7, 1), "month"))
    assert compatible(day, (date(2023, 1, 1), "year"))
    assert compatible(day, (None, None))
    assert not compatible(day, (date(2023, 7, 24), "day"))
    assert not compatible((date(2023, 5, 1), "month"), (date(2023, 6, 1), "month"))
    assert not compatible((date(2020, 1, 1), "year"), day)


@pytest.mark.parametrize(
    "text, found",
    [
        ("reported a demonstration on the 29th against the deportation", ["on the 29th"]),
        ("on the 20th anniversary of the war", []),  # an ordinal counting something else
        ("he lives on the 3rd floor", []),
    ],
)
def test_day_of_month_expressions(text: str, found: list[str]) -> None:
    assert [e.text for e in find_date_expressions(text)] == found


GATED = [
    "The talks began on Tuesday night and ended late on 3 and 4 May 2004.",
    "Earlier in the day, ministers met; last week they met twice, two days ago once.",
    "He arrived in mid-June, left in Sept. 2003 and came back this autumn, at the weekend.",
    "YESTERDAY MORNING the Bank held rates; on the 29th it met, and the day before too.",
    "Nothing here names a time: the minister spoke to reporters about taxes.",
]


def test_the_word_gates_skip_no_match(monkeypatch):
    """A pattern is not searched in a text without its gate's words: the same expressions as
    searching every pattern in every text."""
    from pipeline.nlp import dates

    gated = [find_date_expressions(text) for text in GATED]
    monkeypatch.setattr(dates, "_NEEDS", {})
    assert gated == [find_date_expressions(text) for text in GATED]
    assert all(gated[:4]) and not gated[4]
