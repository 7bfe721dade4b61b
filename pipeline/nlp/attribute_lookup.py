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

import functools
import re

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
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
        self._value_answers: dict[int, dict[int, bool]] = {}  # scanned pattern -> value -> `_passes_value`
        self.attr_ids: dict[int, int] = {}  # match key -> the ruler's attribute id (`AttributeRuler.match`)
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
        by_value: dict[int, dict[int, list[int]]] = {}  # column -> value -> its tokens, grouped once per doc

        def grouped(column: int) -> dict[int, list[int]]:
            if column not in by_value:
                by_value[column] = _grouped(array[:, column])
            return by_value[column]

        for column, table in enumerate(self.index):
            if table:
                self._from_index(grouped(column), table, rows, found)
        if sum(map(len, self._value_answers.values())) > 100_000:
            self._value_answers.clear()
        for n, (key, first, tail) in enumerate(self.scanned):
            columns = {test[0] for test in first}
            if len(columns) == 1:  # the first token's tests read one column: try each value once
                answers = self._value_answers.setdefault(n, {})  # a value passes or not in every doc
                starts = []
                for value, positions in grouped(columns.pop()).items():
                    passes = answers.get(value)
                    if passes is None:
                        passes = answers[value] = self._passes_value(value, first)
                    if passes:
                        starts.extend(positions)
            else:
                starts = [i for i, row in enumerate(rows) if self._passes(row, first)]
            for i in starts:
                if self._fits(rows, i, len(rows), (), tail):
                    found.add((key, i, i + 1 + len(tail)))
        matches.extend(found)
        return matches

    def _from_index(self, groups: dict[int, list[int]], table: dict, rows: list, found: set) -> None:
        """The matches of the patterns indexed by one column's values (`groups`: each value's tokens)."""
        for value, positions in groups.items():
            entries = table.get(value)
            if not entries:
                continue
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


def _grouped(values: numpy.ndarray) -> dict[int, list[int]]:
    """Each value of a column with the positions holding it, in ascending order (what
    `numpy.flatnonzero(values == value)` gives), from one stable sort instead of one
    comparison of the whole column per value."""
    order = numpy.argsort(values, kind="stable")
    distinct, starts = numpy.unique(values[order], return_index=True)
    positions = order.tolist()
    ends = [*starts.tolist()[1:], len(positions)]
    return {
        value: positions[start:end] for value, start, end in zip(distinct.tolist(), starts.tolist(), ends, strict=True)
    }


def _match(ruler, doc: Doc) -> list:
    """`AttributeRuler.match`: the matches as (attribute id, key, start, end), sorted so that
    later rules take precedence, with each key's attribute id (its string read as a number)
    read from the vocabulary once, not once per match."""
    ids = ruler.matcher.attr_ids
    matches = []
    for key, start, end in ruler.matcher(doc, allow_missing=True, as_spans=False):
        attr_id = ids.get(key)
        if attr_id is None:
            attr_id = ids[key] = int(ruler.vocab.strings[key])
        matches.append((attr_id, key, start, end))
    matches.sort()
    return matches


def _keys(matcher: Matcher) -> list:
    """The keys patterns were added under (`Matcher` has no public listing of them)."""
    return list(matcher._patterns)  # noqa: SLF001 - read only


TOKEN_ONLY_ATTRS = frozenset({LEMMA, POS, TAG, DEP, MORPH})
"""Attributes that spaCy's `set_token_attrs` writes on the token alone (a lexeme holds none of
them), so writing them with `Doc.from_array` sets exactly what it sets."""


def _set_annotations(ruler, doc: Doc, matches: list) -> None:
    """`AttributeRuler.set_annotations`: each match's attributes written on its token (the
    one at the pattern's index), later matches over earlier ones, all in one
    `Doc.from_array` rather than a `Span`, a `Token` and a `set_token_attrs` call per match
    (about 600 matches an article, nearly every token matched by its tag's pattern). A
    pattern's index outside its match is left to spaCy's own method, which raises its error."""
    if not matches:
        return
    values: dict[int, dict[int, int]] = {}  # attribute -> token -> value, the last match's
    attrs, indices = ruler.attrs, ruler.indices
    for attr_id, _key, start, end in matches:
        index = indices[attr_id]
        token = (start if index >= 0 else end) + index
        if not start <= token < end:
            type(ruler).set_annotations(ruler, doc, matches)
            return
        for attr, value in attrs[attr_id].items():
            values.setdefault(attr, {})[token] = value
    columns = sorted(values)
    array = doc.to_array(columns).reshape(len(doc), len(columns))
    for n, attr in enumerate(columns):
        written = values[attr]
        array[list(written), n] = list(written.values())
    doc.from_array(columns, array)


def use_lookup(ruler) -> None:
    """Give an `AttributeRuler` the lookup matcher (once), and, where every attribute it sets
    is a token's own, the one-array writer of its matches."""
    if not isinstance(ruler.matcher, AttributeLookup):
        ruler.matcher = AttributeLookup(ruler.vocab, ruler.matcher)
        ruler.match = functools.partial(_match, ruler)
        if all(isinstance(attrs, dict) and set(attrs) <= TOKEN_ONLY_ATTRS for attrs in ruler.attrs):
            ruler.set_annotations = functools.partial(_set_annotations, ruler)

