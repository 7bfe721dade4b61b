"""How an expected record of a sentence case (`tests/cases/*.yaml`) matches an extracted one.

Shared by the test harness (`tests/case_harness.py`) and the event suite's scoring
(`pipeline/evaluation/event_suite.py`), so a case passes or fails the same way in both.
"""

from __future__ import annotations


def with_newline(text: str) -> str:
    """A case's sentence as an article text: ending in a line break, as files do."""
    return text if text.endswith("\n") else text + "\n"


def matches(pattern: dict, record: dict) -> bool:
    """Every key agrees: `key: value` is equality, `key~: value` is "contains" (a substring
    of a string value, or a member of a list value)."""
    for key, wanted in pattern.items():
        if key.endswith("~"):
            value = record.get(key[:-1])
            if value is None or str(wanted) not in (value if isinstance(value, list) else str(value)):
                return False
        elif record.get(key) != wanted:
            return False
    return True
