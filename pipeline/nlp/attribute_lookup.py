"""The model's `attribute_ruler` matches found by lookup: the same matches, a tenth of the CPU.

The ruler maps each token's fine tag (and for some words its spelling and dependency) to
its coarse part of speech, morphology and, for a few, lemma, with ~180 one-token `Matcher`
patterns. spaCy's `Matcher` tries every pattern at every token: a ninth of the whole parse,
as much as the parser itself. Almost all of those patterns are conjunctions of exact values
(`{"TAG": "NN"}`, `{"TAG": "VBD", "LOWER": "got"}`, `{"LOWER": "i", "DEP": {"IN": [...]}}`),
and a token matches such a pattern exactly when its values are in the pattern's sets, which
a lookup by the token's tag, spelling or dependency tells at once. `AttributeLookup` answers
those patterns that way and leaves every other one (several tokens, `REGEX`, `NOT_IN`,
boolean flags, keys with more than one pattern) to a spaCy `Matcher` of its own; the ruler
sorts whatever its matcher returns before applying it, so it applies the same matches in the
same order, and every tag, part of speech, morphology and lemma comes out as before.
"""

from __future__ import annotations

from spacy.attrs import DEP, LOWER, TAG
from spacy.matcher import Matcher
from spacy.tokens import Doc

_LOOKUP_ATTRS = {"LOWER": LOWER, "TAG": TAG, "DEP": DEP}
"""Token attributes a looked-up pattern may constrain; a pattern is indexed by the first it names."""
_COLUMN = {name: n for n, name in enumerate(_LOOKUP_ATTRS)}


def _value_set(strings, value) -> frozenset[int] | None:
    """The hashes a constraint accepts: a string, or {"IN": [strings]}; None for anything else."""
    if isinstance(value, str):
        return frozenset({strings.add(value)})
    if isinstance(value, dict) and list(value) == ["IN"] and all(isinstance(v, str) for v in value["IN"]):
        return frozenset(strings.add(v) for v in value["IN"])
    return None


def _lookup_form(strings, patterns: list) -> dict[str, frozenset[int]] | None:
    """A key's patterns as {attribute name: accepted hashes}, when they are one one-token
    pattern of exact values on LOWER, TAG and DEP only; None otherwise."""
    if len(patterns) != 1 or len(patterns[0]) != 1:
        return None
    token = patterns[0][0]
    if not token or any(name not in _LOOKUP_ATTRS for name in token):
        return None
    form = {name: _value_set(strings, value) for name, value in token.items()}
    return None if any(v is None for v in form.values()) else form


class AttributeLookup:
    """Stands in for an `AttributeRuler`'s `matcher`: the same (key, start, end) matches."""

    def __init__(self, vocab, matcher: Matcher):
        self.original = matcher  # kept for `get`, so the ruler's `patterns` and errors read as before
        self.rest = Matcher(vocab)
        # attribute -> value hash -> [(key, ((column, accepted hashes) of the other attributes))]
        self.index: dict[int, dict[int, list]] = {attr: {} for attr in _LOOKUP_ATTRS.values()}
        strings = vocab.strings
        for key_string in _keys(matcher):
            key = strings[key_string] if isinstance(key_string, str) else key_string
            _, patterns = matcher.get(key)
            form = _lookup_form(strings, patterns)
            if form is None:
                self.rest.add(key, patterns)
                continue
            first = next(name for name in _LOOKUP_ATTRS if name in form)
            others = tuple((_COLUMN[name], accepted) for name, accepted in form.items() if name != first)
            for value in form[first]:
                self.index[_LOOKUP_ATTRS[first]].setdefault(value, []).append((key, others))

    def __call__(self, doc: Doc, *, allow_missing: bool = False, as_spans: bool = False, **kwargs) -> list:
        if as_spans or kwargs:
            return self.original(doc, allow_missing=allow_missing, as_spans=as_spans, **kwargs)
        matches = list(self.rest(doc, allow_missing=allow_missing))
        if not len(doc) or not any(self.index.values()):
            return matches
        rows = doc.to_array(list(_LOOKUP_ATTRS.values())).tolist()
        positions = [n for n, attr in enumerate(_LOOKUP_ATTRS.values()) if self.index[attr]]
        tables = [self.index[attr] for attr in _LOOKUP_ATTRS.values() if self.index[attr]]
        lookups = list(zip(positions, tables, strict=True))
        for i, row in enumerate(rows):
            for position, table in lookups:
                candidates = table.get(row[position])
                if candidates is None:
                    continue
                for key, others in candidates:
                    if not others or all(row[n] in accepted for n, accepted in others):
                        matches.append((key, i, i + 1))
        return matches

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

