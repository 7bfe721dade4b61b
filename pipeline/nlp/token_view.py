"""One article's token attributes as plain lists, exported once and shared by every extractor.

Each `doc[i]`, `for t in doc` and `token.children` makes new spaCy `Token` objects; the
extractors walked every article's tokens a dozen times over, and making those objects
was about a third of their CPU time (a fifth of a worker's, the parse included). A view
exports what the hot passes test (`doc.to_array`, plus each token's subtree edges) into
Python lists once per doc, so a pass can test attributes by index and make a `Token` only
for the tokens it keeps. Columns fewer passes read (text, entity type, case flags) are
exported when first asked. `children(i)` yields exactly what spaCy's `token.children` does:
the tokens whose head is i, searched within i's subtree edges, in document order.

A view answers for one doc; `view_of(doc)` keeps the last one made, so the passes over
one article share it (articles are extracted one after another in each process).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import cached_property
from typing import TypeVar

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, POS, TAG
from spacy.tokens import Doc

_ATTRS = [LOWER, DEP, POS, TAG, LEMMA, HEAD, IDX]
_STRING_ATTRS = frozenset({"ORTH", "ENT_TYPE", "ENT_ID"})  # the lazy columns whose values are strings
T = TypeVar("T")
_MISSING = object()
_SPACES = ("", " ")  # a token's trailing whitespace (`token.whitespace_`) by its SPACY flag


class _lazy(cached_property):  # noqa: N801 - used like `property`
    """A column of the view exported from the doc when first asked (`TokenView._column`) and
    then kept as the view's own attribute (`functools.cached_property`), so later reads call
    nothing: the passes read these columns a hundred thousand times per few hundred articles,
    and a property's call at each read showed in the profile."""

    def __init__(self, attr: str, doc: str):
        super().__init__(lambda view: view._column(attr))  # noqa: SLF001 - the view's own cache
        self.__doc__ = doc


class TokenView:
    """Per-token attributes of one doc, by token index."""

    def __init__(self, doc: Doc):
        self.doc = doc
        n = len(doc)
        # one (n, 7) array; HEAD is relative to the token, kept as an unsigned 64-bit value,
        # so the array is read as signed for it
        array = doc.to_array(_ATTRS) if n else numpy.zeros((0, len(_ATTRS)), dtype=numpy.uint64)
        columns = array.T.tolist()
        names = _names_of(doc.vocab.strings)
        self.lower: list[str] = names(columns[0])
        self.dep: list[str] = names(columns[1])
        self.pos: list[str] = names(columns[2])
        self.tag: list[str] = names(columns[3])
        self.lemma: list[str] = names(columns[4])
        heads = array[:, 5].view(numpy.int64) + numpy.arange(n, dtype=numpy.int64)
        self.head: list[int] = heads.tolist()
        self._heads = heads
        self.idx: list[int] = columns[6]  # character offset
        self._names = names
        self._by_head: tuple[list[int], list[int]] | None = None  # (dependents by head, each head's end in them)
        self._children: dict[int, tuple[int, ...]] = {}
        self._columns: dict[str, list] = {}
        self._ents: tuple | None = None
        self._heads_of: dict[tuple[str, str], frozenset[int]] = {}
        self.memo: dict[tuple, object] = {}  # answers a pass computed once per token (name, then what it was asked of)

    def __len__(self) -> int:
        return len(self.lower)

    def once(self, name: str, make: Callable[[], T], key: object = 0) -> T:
        """`make()`, made once per doc and kept in `memo` under `name`: a set or list of the
        whole article that several passes, or one pass at many tokens, read (callers only
        read it). With `key` (a token's index, a span's edges), one answer per key: what
        several rules ask of the same token or name."""
        found = self.memo.get((name, key), _MISSING)
        if found is _MISSING:
            found = self.memo[(name, key)] = make()
        return found

    # columns fewer passes read, each exported when first asked: strings, or 1/0 flags
    text = _lazy("ORTH", "Each token's text (`token.text`).")
    ent_type = _lazy("ENT_TYPE", 'Each token\'s entity label (`token.ent_type_`, "" outside entities).')
    ent_id = _lazy("ENT_ID", 'Each token\'s entity id (`token.ent_id_`, "" where none).')
    ent_iob = _lazy("ENT_IOB", "Each token's entity IOB (`token.ent_iob`: 1 inside, 2 outside, 3 begins, 0 unset).")
    is_lower = _lazy("IS_LOWER", "1 where `token.is_lower`, else 0.")
    is_alpha = _lazy("IS_ALPHA", "1 where `token.is_alpha`, else 0.")
    is_title = _lazy("IS_TITLE", "1 where `token.is_title`, else 0.")
    is_punct = _lazy("IS_PUNCT", "1 where `token.is_punct`, else 0.")
    is_space = _lazy("IS_SPACE", "1 where `token.is_space`, else 0.")
    spaced = _lazy("SPACY", "1 where a space follows the token (`token.whitespace_` not empty), else 0.")

    @cached_property
    def sent_start(self) -> list[bool]:
        """Whether each token opens a sentence (`token.is_sent_start` true; spaCy keeps -1 for
        no and 0 for unknown, both false)."""
        return (self.doc.to_array("SENT_START").view(numpy.int64) == 1).tolist() if len(self) else []

    @cached_property
    def doc_text(self) -> str:
        """The doc's text (`doc.text`), joined from the text and space columns: `doc.text`
        makes a Token for each word, about four times the cost."""
        return "".join([text + _SPACES[spaced] for text, spaced in zip(self.text, self.spaced, strict=True)])

    @cached_property
    def char_end(self) -> list[int]:
        """Each token's end offset in the text (`token.idx + len(token.text)`)."""
        return [i + len(t) for i, t in zip(self.idx, self.text, strict=True)]

    def span_text(self, start: int, end: int) -> str:
        """`doc[start:end].text`, sliced from the doc's text: a `Span` and its text cost about
        8 µs (the span's tokens joined), a slice a tenth of that; the doc's text is its tokens'
        texts and spaces in order, so the two are equal."""
        return self.doc_text[self.idx[start] : self.char_end[end - 1]] if end > start else ""

    def token_range(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """The tokens `doc.char_span(start_char, end_char, alignment_mode="expand")` covers, as
        (start, end) indices, None where it gives no span: found by a binary search of the
        token offsets, as spaCy finds them, without the `Span` (the mention passes ask it of
        every mention, several times over)."""
        first, last = self._token_at(start_char), self._token_at(end_char - 1)
        if first < 0 or last < 0:
            return None
        if start_char == self.char_end[first]:
            first += 1  # the token's trailing space is no part of it
        return first, last + 1

    def _token_at(self, char: int) -> int:
        """The token whose text or trailing space holds the character (spaCy's `token_by_char`:
        the tokens and their spaces tile the text), -1 outside the text."""
        if not 0 <= char < len(self.doc_text):
            return -1
        return bisect.bisect_right(self.idx, char) - 1

    def inner_hyphen(self, i: int) -> bool:
        """Token i is a hyphen written inside a word, no space either side ("Moo-hyun",
        "Co-Chairman", "ill-conceived", which the tokenizer splits into three tokens)."""
        return self.text[i] == "-" and 0 < i < len(self) - 1 and not self.spaced[i - 1] and not self.spaced[i]

    @property
    def ents(self) -> tuple:
        """The doc's entity spans (`doc.ents`), made once: each `doc.ents` builds every span
        anew, and the mention rules ask for them once per entity they classify."""
        if self._ents is None:
            self._ents = self.doc.ents
        return self._ents

    def _column(self, attr: str) -> list:
        found = self._columns.get(attr)
        if found is None:
            values = self.doc.to_array(attr).tolist() if len(self) else []
            found = self._columns[attr] = self._names(values) if attr in _STRING_ATTRS else values
        return found

    def tagged(self, tag: str) -> list[int]:
        """The indices of the tokens with fine-grained tag `tag` (`token.tag_`), in order, found
        once per doc: the passes that look for names NER left untagged walk only an article's
        proper nouns, not every word."""
        return self.once("tagged", lambda: [i for i, t in enumerate(self.tag) if t == tag], key=tag)

    def heads_of(self, lower: str, dep: str) -> frozenset[int]:
        """The heads of the tokens spelt `lower` (lower-cased) with dependency `dep` ("with"
        prepositions), found in one walk of the doc, made once: a pass asking it of every verb
        skips those on which no such token hangs."""
        found = self._heads_of.get((lower, dep))
        if found is None:
            found = self._heads_of[(lower, dep)] = frozenset(
                h for h, word, d in zip(self.head, self.lower, self.dep, strict=True) if word == lower and d == dep
            )
        return found

    def children(self, i: int) -> tuple[int, ...]:
        """The indices of token i's children, as `doc[i].children` yields them: the tokens whose
        head is i, within i's subtree edges (where spaCy's `lefts` and `rights` look)."""
        if self._by_head is None:
            self._by_head = self._dependents()
        found = self._children.get(i)
        if found is None:
            dependents, ends = self._by_head
            headed = dependents[ends[i - 1] if i else 0 : ends[i]]
            if headed:
                token = self.doc[i]
                left, right = token.left_edge.i, token.right_edge.i
                found = tuple(j for j in headed if left <= j <= right)
            else:
                found = ()
            self._children[i] = found
        return found

    def _dependents(self) -> tuple[list[int], list[int]]:
        """Every token but the roots, grouped by head and in document order within each group
        (a stable sort), and where each head's group ends: one list for the doc, where a list
        per token made hundreds of objects per article for the garbage collector to count."""
        n = len(self)
        if not n:
            return [], []
        heads = self._heads
        positions = numpy.arange(n, dtype=numpy.int64)
        dependent = heads != positions
        their_heads = heads[dependent]
        order = numpy.argsort(their_heads, kind="stable")
        ends = numpy.cumsum(numpy.bincount(their_heads, minlength=n))
        return positions[dependent][order].tolist(), ends.tolist()


class _Names:
    """Strings of hash values, each distinct hash looked up in the StringStore once (kept
    from one doc to the next: the articles of a process share most of their words)."""

    def __init__(self, strings):
        self.strings = strings
        self.known: dict[int, str] = {}

    def __call__(self, hashes: list[int]) -> list[str]:
        known = self.known
        try:  # most columns hold only known strings once a few articles are read
            return list(map(known.__getitem__, hashes))
        except KeyError:
            pass
        strings = self.strings
        for h in set(hashes).difference(known):
            known[h] = strings[h]
        return list(map(known.__getitem__, hashes))


_KEPT_NAMES = 200_000
"""Strings kept at most between docs; past that the lookups start again (memory stays bounded)."""
_shared: _Names | None = None


def _names_of(strings) -> _Names:
    global _shared
    if _shared is None or _shared.strings is not strings or len(_shared.known) > _KEPT_NAMES:
        _shared = _Names(strings)
    return _shared


_last: TokenView | None = None


def view_of(doc: Doc) -> TokenView:
    """The view of `doc`, made on first use and kept while the same doc is asked about."""
    global _last
    if _last is None or _last.doc is not doc:
        _last = TokenView(doc)
    return _last
