"""Rule examples as data: `tests/cases/<extractor>.yaml` holds sentences and the records an
extractor must (or must not) produce from them; one parametrised test per extractor runs them.

A case file:

    extractor: quotes
    cases:
      - id: split-quote-around-the-cue          # unique in the file, names the test
        rule: "a segment with no cue inherits …"  # the rule it illustrates (where it is written)
        text: "“The path is not easy,” Lavrov said. …"
        expect:                                  # each must match some record
          - {kind: direct, text: The path is not easy, speaker: Lavrov}
        absent:                                  # none may match any record
          - {kind: direct}
        count: 2                                 # optional: exactly this many records
        known_failure: "why it fails today"      # optional: a strict xfail, counted as such

A record is the flat dict the extractor's test makes of it (its fields, plus derived ones such
as a speaker's name). An expected dict matches a record when every key agrees: `key: value` is
equality, `key~: value` is "contains" (substring of a string, member of a list).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
import yaml

from pipeline.evaluation.case_patterns import matches, with_newline

CASES_DIR = Path(__file__).resolve().parent / "cases"
CASE_KEYS = {"id", "rule", "text", "expect", "absent", "count", "mentions", "known_failure"}


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    rule: str = ""
    expect: tuple[dict, ...] = ()
    absent: tuple[dict, ...] = ()
    count: int | None = None
    extra: dict = field(default_factory=dict)  # extractor-specific inputs (e.g. given mentions)


@cache
def load_cases(extractor: str) -> tuple[Case, ...]:
    """The cases of one extractor, validated: unique ids, known keys, something to check."""
    path = CASES_DIR / f"{extractor}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("extractor") != extractor or not isinstance(data.get("cases"), list):
        raise ValueError(f"{path}: needs `extractor: {extractor}` and a `cases` list")
    cases: list[Case] = []
    seen: set[str] = set()
    for raw in data["cases"]:
        unknown = set(raw) - CASE_KEYS
        if unknown:
            raise ValueError(f"{path}: case {raw.get('id')!r} has unknown keys {sorted(unknown)}")
        case_id, text = raw.get("id"), raw.get("text")
        if not case_id or not isinstance(text, str) or not text.strip():
            raise ValueError(f"{path}: every case needs an id and a text ({raw!r})")
        if case_id in seen:
            raise ValueError(f"{path}: duplicate case id {case_id!r}")
        seen.add(case_id)
        expect, absent = tuple(raw.get("expect") or ()), tuple(raw.get("absent") or ())
        if not expect and not absent and raw.get("count") is None:
            raise ValueError(f"{path}: case {case_id!r} checks nothing")
        for pattern in expect + absent:
            if not isinstance(pattern, dict):
                raise ValueError(f"{path}: case {case_id!r}: records are mappings, got {pattern!r}")
        cases.append(
            Case(
                case_id, text, raw.get("rule", ""), expect, absent, raw.get("count"),
                {"mentions": raw.get("mentions"), "known_failure": raw.get("known_failure")},
            )
        )
    return tuple(cases)


def case_params(extractor: str) -> list:
    """`pytest.mark.parametrize` values, one per case, named by its id. A case with
    `known_failure: <why>` is one the extractor cannot pass yet: it runs as a strict xfail,
    so it is counted (as xfailed) and fails the suite the day it starts passing."""
    return [
        pytest.param(case, id=case.id, marks=[pytest.mark.xfail(reason=case.extra["known_failure"], strict=True)])
        if case.extra.get("known_failure")
        else pytest.param(case, id=case.id)
        for case in load_cases(extractor)
    ]


@cache
def contexts(extractor: str) -> dict[str, object]:
    """Every case text of an extractor parsed once, in one batch, by case id."""
    from pipeline.nlp.extract import build_contexts

    cases = load_cases(extractor)
    built = build_contexts((f"case-{c.id}", with_newline(c.text)) for c in cases)
    return {c.id: ctx for c, ctx in zip(cases, built, strict=True)}


def check_case(case: Case, records: Iterable[dict]) -> None:
    """Assert a case's expectations against the records, listing them all on failure."""
    records = list(records)
    shown = "\n  ".join(repr(r) for r in records) or "(none)"
    for pattern in case.expect:
        assert any(matches(pattern, r) for r in records), f"{case.id}: no record matches {pattern}; got\n  {shown}"
    for pattern in case.absent:
        found = [r for r in records if matches(pattern, r)]
        assert not found, f"{case.id}: unexpected record(s) matching {pattern}: {found}"
    if case.count is not None:
        assert len(records) == case.count, f"{case.id}: {len(records)} records, expected {case.count}; got\n  {shown}"


def run_case(case: Case, extractor: str, extract: Callable[[Case, object], Iterable[dict]]) -> None:
    """Extract records from the case's parsed text and check them."""
    check_case(case, extract(case, contexts(extractor)[case.id]))
