"""The model's `attribute_ruler` matches found by lookup: the same matches, a fifth of the CPU.

The ruler maps each token's fine tag (and for some words its spelling and dependency) to
its coarse part of speech, morphology and, for a few, lemma, with ~180 `Matcher` patterns.
spaCy's `Matcher` tries every pattern at every token: a ninth of the whole parse, as much
as the parser itself. Every one of those patterns is a fixed run of tokens (no operators),
each token tested for values in or out of a set, a regular expression on its spelling, or
white space (`{"TAG": "NN"}`, `{"TAG": "VBD", "LOWER": "got"}`, `{"LOWER": "i", "DEP":
{"IN": [...]}}`, `{"LOWER": "gon"}, {"LOWER": "na"}`). `AttributeLookup` indexes each
pattern by a value its first token must have (its spelling, tag, dependency or white
space), so a token is tested only against the patterns it could start, and finds the same
(key, start, end) matches, each once, as `Matcher` does; the ruler sorts whatever its
matcher returns before applying it, so it applies the same matches in the same order, and
every tag, part of speech, morphology and lemma comes out as before. A pattern of any other
form (operators, other attributes) is left to a spaCy `Matcher` of its own.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.matcher import Matcher
from spacy.tokens import Doc

_LOOKUP_ATTRS = {"LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
"""Token attributes a looked-up pattern may test, in the order a pattern is indexed by them."""
_COLUMN = {name: n for n, name in enumerate(_LOOKUP_ATTRS)}
_IN, _NOT_IN, _REGEX = 0, 1, 2


def _test(strings, name: str, value) -> tuple | None:
    """(column, kind, payload) for one attribute's condition, as `Matcher` reads it; None
    for a condition of another form."""
    column = _COLUMN[name]
    if name == "IS_SPACE":
        return (column, _IN, frozenset({int(value)})) if isinstance(value, bool) else None
    if isinstance(value, str):
        return column, _IN, frozenset({strings.add(value)})
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (operator, operand), = value.items()
    if operator in ("IN", "NOT_IN") and isinstance(operand, list) and all(isinstance(v, str) for v in operand):
        return column, (_IN if operator == "IN" else _NOT_IN), frozenset(strings.add(v) for v in operand)
    if operator == "REGEX" and name == "LOWER" and isinstance(operand, str):
        return column, _REGEX, re.compile(operand)
    return None


def _token_tests(strings, token: dict) -> tuple | None:
    if not isinstance(token, dict) or not token or any(name not in _LOOKUP_ATTRS for name in token):
        return None
    tests = tuple(_test(strings, name, value) for name, value in token.items())
    return None if any(t is None for t in tests) else tests


class AttributeLookup:
    """Stands in for an `AttributeRuler`'s `matcher`: the same (key, start, end) matches."""

    def __init__(self, vocab, matcher: Matcher):
        self.original = matcher  # kept for `get`, so the ruler's `patterns` and errors read as before
        self.strings = vocab.strings
        self.rest = Matcher(vocab)
        # column -> value hash -> [(key, first token's other tests, next tokens' tests)]: the
        # patterns whose first token needs that value
        self.index: list[dict[int, list]] = [{} for _ in _LOOKUP_ATTRS]
        self.scanned: list[tuple] = []  # the same, for patterns with no such value: tried at every token
        self._regex_answers: dict[tuple, bool] = {}
        self._doc_strings = self.strings
        for key_string in _keys(matcher):
            key = self.strings[key_string] if isinstance(key_string, str) else key_string
            _, patterns = matcher.get(key)
            forms = [tuple(_token_tests(self.strings, t) for t in p) if p else (None,) for p in patterns]
            if not forms or any(test is None for form in forms for test in form):
                self.rest.add(key, patterns)
                continue
            for form in forms:
                anchor = min((t for t in form[0] if t[1] == _IN), key=lambda t: t[0], default=None)  # spelling first
                entry = (key, tuple(t for t in form[0] if t is not anchor), form[1:])
                if anchor is None:
                    self.scanned.append(entry)
                    continue
                for value in anchor[2]:
                    self.index[anchor[0]].setdefault(value, []).append(entry)

    def __call__(self, doc: Doc, *, allow_missing: bool = False, as_spans: bool = False, **kwargs) -> list:
        if as_spans or kwargs:
            return self.original(doc, allow_missing=allow_missing, as_spans=as_spans, **kwargs)
        matches = list(self.rest(doc, allow_missing=allow_missing)) if len(self.rest) else []
        if not len(doc):
            return matches
        self._doc_strings = doc.vocab.strings  # spellings a REGEX reads, as `Matcher` reads them
        array = doc.to_array(list(_LOOKUP_ATTRS.values()))
        rows = array.tolist()
        found = set()
        for column, table in enumerate(self.index):
            if table:
                self._from_index(array[:, column], table, rows, found)
        for key, first, tail in self.scanned:
            columns = {test[0] for test in first}
            if len(columns) == 1:  # the first token's tests read one column: try each value once
                values = array[:, columns.pop()]
                starts = [i for value in numpy.unique(values).tolist() if self._passes_value(value, first)
                          for i in numpy.flatnonzero(values == value).tolist()]
            else:
                starts = [i for i, row in enumerate(rows) if self._passes(row, first)]
            for i in starts:
                if self._fits(rows, i, len(rows), (), tail):
                    found.add((key, i, i + 1 + len(tail)))
        matches.extend(found)
        return matches

    def _from_index(self, values, table: dict, rows: list, found: set) -> None:
        """The matches of the patterns indexed by one column's values (`values`)."""
        for value in numpy.unique(values).tolist():
            entries = table.get(value)
            if not entries:
                continue
            positions = numpy.flatnonzero(values == value).tolist()
            for key, first, tail in entries:
                if not first and not tail:
                    found.update((key, i, i + 1) for i in positions)
                    continue
                found.update((key, i, i + 1 + len(tail)) for i in positions
                             if self._fits(rows, i, len(rows), first, tail))  # once, however many patterns match

    def _passes_value(self, value: int, tests: tuple) -> bool:
        """`_passes` for tests that all read one column, whose value is `value`."""
        return self._passes([value] * len(_LOOKUP_ATTRS), tests)

    def _fits(self, rows: list, i: int, n_rows: int, first: tuple, tail: tuple) -> bool:
        """Whether a pattern whose first token's other tests are `first` (its indexed value
        being token i's) and whose next tokens' tests are `tail` matches from token i."""
        if first and not self._passes(rows[i], first):
            return False
        if not tail:
            return True
        if i + len(tail) >= n_rows:
            return False
        return all(self._passes(rows[i + 1 + n], tests) for n, tests in enumerate(tail))

    def _passes(self, row: list, tests: tuple) -> bool:
        for column, kind, payload in tests:
            value = row[column]
            if kind == _IN:
                if value not in payload:
                    return False
            elif kind == _NOT_IN:
                if value in payload:
                    return False
            elif not self._regex(payload, value):
                return False
        return True

    def _regex(self, pattern: re.Pattern, value: int) -> bool:
        answer = self._regex_answers.get((pattern, value))
        if answer is None:
            answer = self._regex_answers[(pattern, value)] = bool(pattern.search(self._doc_strings[value]))
            if len(self._regex_answers) > 100_000:
                self._regex_answers.clear()
        return answer

    def get(self, key, default=None):
        return self.original.get(key, default)

    def __contains__(self, key) -> bool:
        return key in self.original

    def __len__(self) -> int:
        return len(self.original)


def _keys(matcher: Matcher) -> list:
    """The keys patterns were added under (`Matcher` has no public listing of them)."""
    return list(matcher._patterns)  # noqa: SLF001 - read only


def use_lookup(ruler) -> None:
    """Give an `AttributeRuler` the lookup matcher (once)."""
    if not isinstance(ruler.matcher, AttributeLookup):
        ruler.matcher = AttributeLookup(ruler.vocab, ruler.matcher)

