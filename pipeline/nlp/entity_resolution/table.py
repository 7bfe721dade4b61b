"""Every mention of the corpus as integer columns, and the links resolution makes, by row.

A `Mention` record costs about 250 bytes (the object, its own id and antecedent strings):
740 MiB for the 3 million mentions of 100,000 articles, before any index over them. Here
each mention is one row of integer columns (about 60 bytes): every string (names, types,
surfaces, roles) is held once and coded by its position in `strings`; an id such as
`bbc-000123#m456` is its article's code and the code of its suffix (`#m456`), which every
copy of an article shares. Rows are in the order resolution walks them (article_id,
char_start, mention_id), so a row number is also a mention's rank, and the resolution
passes hold row numbers (in `array`s) instead of records.

`Links` is resolution's answer (mention_id -> (entity_id, resolution)) over the same
codes: a sorted array of id keys and one small integer per linked mention, instead of a
dict of millions of id strings.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence

import numpy as np

from pipeline.nlp.records import Mention, field_reader

STRING_FIELDS = ("surface", "ner_label", "entity_type", "kind", "name", "gazetteer_id", "role", "country_iso3")
"""The mention's fields held as codes into `MentionTable.strings` (None is code 0)."""

INT_FIELDS = ("sentence_id", "char_start", "char_end")

_MASK = (1 << 32) - 1

_MENTION_FIELDS, _MENTION_VALUES = field_reader(Mention)
_ARTICLE_ID = _MENTION_FIELDS.index("article_id")


def _codes(values: Iterable[int] = ()) -> array:
    column = array("i", values)
    assert column.itemsize == 4
    return column


class _Ids:
    """Row (or link) lookup by mention id: an id that is its article's id followed by one
    `#suffix` is a 64-bit key (article code, suffix code) in a sorted array; any other id
    is kept whole in a dict."""

    def __init__(self, article_ids: list[str], strings: list, codes: dict, keys: np.ndarray,
                 values: np.ndarray, irregular: dict[str, int]):
        self.article_ids, self.strings, self.codes = article_ids, strings, codes
        self.article_codes = {article_id: code for code, article_id in enumerate(article_ids)}
        self.keys, self.values, self.irregular = keys, values, irregular

    def find(self, mention_id) -> int:
        """The value stored for `mention_id`, -1 when none."""
        if not isinstance(mention_id, str):
            return -1
        if self.irregular:
            found = self.irregular.get(mention_id)
            if found is not None:
                return found
        cut = mention_id.rfind("#")
        if cut < 0:
            return -1
        article = self.article_codes.get(mention_id[:cut])
        suffix = self.codes.get(mention_id[cut:])
        if article is None or suffix is None:
            return -1
        return self.by_key(article << 32 | suffix)

    def find_many(self, mention_ids: list) -> np.ndarray:
        """`find` of each id, with one search of the sorted keys for all of them (a search per
        id costs more than the lookup itself)."""
        values = np.full(len(mention_ids), -1, dtype=np.int64)
        keys, positions = [], []
        irregular, article_codes, codes = self.irregular, self.article_codes, self.codes
        for position, mention_id in enumerate(mention_ids):
            if not isinstance(mention_id, str):
                continue
            if irregular:
                found = irregular.get(mention_id)
                if found is not None:
                    values[position] = found
                    continue
            cut = mention_id.rfind("#")
            if cut < 0:
                continue
            article, suffix = article_codes.get(mention_id[:cut]), codes.get(mention_id[cut:])
            if article is not None and suffix is not None:
                keys.append(article << 32 | suffix)
                positions.append(position)
        if keys and len(self.keys):
            wanted = np.array(keys, dtype=np.int64)
            at = np.searchsorted(self.keys, wanted, side="right") - 1
            hit = (at >= 0) & (self.keys[np.maximum(at, 0)] == wanted)
            values[np.array(positions, dtype=np.int64)[hit]] = self.values[at[hit]]
        return values

    def by_key(self, key: int) -> int:
        at = int(np.searchsorted(self.keys, key, side="right")) - 1  # the last row of a repeated id, as a dict keeps
        return int(self.values[at]) if at >= 0 and self.keys[at] == key else -1

    def ids(self) -> Iterator[str]:
        for key in self.keys.tolist():
            yield self.article_ids[key >> 32] + self.strings[key & _MASK]
        yield from self.irregular


def _own_suffix(article_id: str, mention_id: str) -> str | None:
    """ "#m456" for "bbc-1#m456" in article "bbc-1": the part after the article's id, when it
    is one `#...` with no other "#"."""
    if mention_id.startswith(article_id) and mention_id.rfind("#") == len(article_id):
        return mention_id[len(article_id):]
    return None


class MentionTable:
    """The mentions resolution reads, one integer row each (see the module's doc)."""

    def __init__(self) -> None:
        self.strings: list[str | None] = [None]
        self._codes: dict[str | None, int] = {None: 0}
        self.article_ids: list[str] = []
        self._article_codes: dict[str, int] = {}
        self._columns: dict[str, array] = {
            name: _codes() for name in ("article", "mid", "mid_own", "ante", "ante_own", *INT_FIELDS, *STRING_FIELDS)
        }
        self._ids: _Ids | None = None

    @classmethod
    def of(cls, mentions: Iterable[Mention]) -> MentionTable:
        table = cls()
        table.extend(mentions)
        return table.ordered()

    def code(self, value: str | None) -> int:
        found = self._codes.get(value)
        if found is None:
            found = self._codes[value] = len(self.strings)
            self.strings.append(value)
        return found

    def extend(self, mentions: Iterable[Mention]) -> None:
        """Add mentions, in any order (`ordered` sorts them once all are in)."""
        self.extend_rows(map(_MENTION_VALUES, mentions))

    def extend_rows(self, rows: Iterable[Sequence]) -> None:
        """Add mentions given as their field values in `Mention`'s order (a cached row, as the
        cache holds it): pass 1 codes a corpus's mentions without making a record of each,
        which cost about as much as coding it."""
        columns, code = self._columns, self.code
        article_column, article_codes = columns["article"], self._article_codes
        ids = [(columns[name], columns[own], _MENTION_FIELDS.index(field))
               for name, own, field in (("mid", "mid_own", "mention_id"), ("ante", "ante_own", "antecedent"))]
        int_columns = [(columns[name], _MENTION_FIELDS.index(name)) for name in INT_FIELDS]
        string_columns = [(columns[name], _MENTION_FIELDS.index(name)) for name in STRING_FIELDS]
        for m in rows:
            article_id = m[_ARTICLE_ID]
            article = article_codes.get(article_id)
            if article is None:
                article = article_codes[article_id] = len(self.article_ids)
                self.article_ids.append(article_id)
            article_column.append(article)
            for column, own_column, at in ids:
                value = m[at]
                suffix = _own_suffix(article_id, value) if value is not None else None
                column.append(code(value if suffix is None else suffix))
                own_column.append(suffix is not None)
            for column, at in int_columns:
                column.append(m[at])
            for column, at in string_columns:
                column.append(code(m[at]))

    COLUMNS = ("article", "mid", "mid_own", "ante", "ante_own", *INT_FIELDS, *STRING_FIELDS)
    """The integer columns, in the order `coded` hands them out."""

    def coded(self) -> tuple[list[str | None], list[str], dict[str, np.ndarray]]:
        """(strings, article ids, columns) of the rows added so far, before `ordered`: what
        `restored` takes back (the columns are views of the table's own, not copies)."""
        columns = {name: np.frombuffer(self._columns[name], dtype=np.int32) for name in self.COLUMNS}
        return self.strings, self.article_ids, columns

    @classmethod
    def restored(cls, strings: list[str | None], article_ids: list[str], columns: dict[str, np.ndarray],
                 keep: Iterable[str]) -> MentionTable:
        """A table holding the rows of `coded` whose article is in `keep`, ready to `extend`
        with other articles' mentions (codes are positions in `strings` and `article_ids`,
        whatever order they were added in: `ordered` ranks the articles by id, and every pass
        reads a code only through the string it stands for)."""
        table = cls()
        kept = set(keep)
        table.strings = list(strings)
        table._codes = {value: code for code, value in enumerate(table.strings)}
        wanted = [code for code, article_id in enumerate(article_ids) if article_id in kept]
        table.article_ids = [article_ids[code] for code in wanted]
        table._article_codes = {article_id: code for code, article_id in enumerate(table.article_ids)}
        recode = np.full(len(article_ids) + 1, -1, dtype=np.int32)
        recode[np.array(wanted, dtype=np.int64)] = np.arange(len(wanted), dtype=np.int32)
        article = recode[columns["article"]] if len(columns["article"]) else columns["article"]
        rows = article >= 0
        for name in cls.COLUMNS:
            column = _codes()
            column.frombytes((article if name == "article" else columns[name])[rows].astype(np.int32).tobytes())
            table._columns[name] = column
        return table

    def ordered(self) -> MentionTable:
        """Articles coded in article_id order and rows sorted by (article_id, char_start,
        mention_id), the order of every resolution pass; then the index of ids."""
        n = len(self)
        if not n:
            self._ids = _Ids([], self.strings, self._codes, np.empty(0, np.int64), np.empty(0, np.int32), {})
            return self
        ranks = sorted(range(len(self.article_ids)), key=self.article_ids.__getitem__)
        recode = np.empty(len(ranks), dtype=np.int32)
        recode[ranks] = np.arange(len(ranks), dtype=np.int32)
        self.article_ids = [self.article_ids[old] for old in ranks]
        self._article_codes = {article_id: code for code, article_id in enumerate(self.article_ids)}
        article = recode[np.frombuffer(self._columns["article"], dtype=np.int32)]
        start = np.frombuffer(self._columns["char_start"], dtype=np.int32)
        order = np.lexsort((start, article))
        self._columns["article"] = _codes()
        self._columns["article"].frombytes(article.tobytes())
        order = self._ties_by_id(order, article, start)
        for name, column in self._columns.items():
            permuted = _codes()
            permuted.frombytes(np.frombuffer(column, dtype=np.int32)[order].tobytes())
            self._columns[name] = permuted
        self._index_ids()
        return self

    def _ties_by_id(self, order: np.ndarray, article: np.ndarray, start: np.ndarray) -> np.ndarray:
        """Rows of one article at one offset (rare) sorted by mention_id."""
        if len(order) < 2:
            return order
        a, s = article[order], start[order]
        same = (a[1:] == a[:-1]) & (s[1:] == s[:-1])
        if not same.any():
            return order
        order = order.copy()
        ends = np.flatnonzero(~same)  # run boundaries: row k ends a run when it differs from k+1
        begin = 0
        for end in [*ends.tolist(), len(order) - 1]:
            if end > begin:
                run = order[begin:end + 1].tolist()
                order[begin:end + 1] = sorted(run, key=self._raw_mention_id)
            begin = end + 1
        return order

    def _raw_mention_id(self, row: int) -> str:
        """The id of a row before `ordered` permutes the columns (article codes already ranked)."""
        c = self._columns
        value = self.strings[c["mid"][row]]
        return self.article_ids[c["article"][row]] + value if c["mid_own"][row] else value

    def _index_ids(self) -> None:
        c = self._columns
        own = np.frombuffer(c["mid_own"], dtype=np.int32).astype(bool)
        rows = np.flatnonzero(own)
        keys = (np.frombuffer(c["article"], dtype=np.int32)[rows].astype(np.int64) << 32) | np.frombuffer(
            c["mid"], dtype=np.int32
        )[rows].astype(np.int64)
        by_key = np.argsort(keys, kind="stable")
        irregular = {self.strings[c["mid"][row]]: row for row in np.flatnonzero(~own).tolist()}
        self._ids = _Ids(self.article_ids, self.strings, self._codes, keys[by_key],
                         rows[by_key].astype(np.int32), irregular)

    def __len__(self) -> int:
        return len(self._columns["article"])

    def clear(self) -> None:
        """Let go of every row (resolution has read them)."""
        self.__init__()

    # One field of one row.
    def article_code(self, row: int) -> int:
        return self._columns["article"][row]

    def article_id(self, row: int) -> str:
        return self.article_ids[self._columns["article"][row]]

    def mention_id(self, row: int) -> str:
        return self._raw_mention_id(row)

    def char_start(self, row: int) -> int:
        return self._columns["char_start"][row]

    def surface(self, row: int) -> str:
        return self.strings[self._columns["surface"][row]]

    def name(self, row: int) -> str:
        return self.strings[self._columns["name"][row]]

    def kind(self, row: int) -> str:
        return self.strings[self._columns["kind"][row]]

    def entity_type(self, row: int) -> str:
        return self.strings[self._columns["entity_type"][row]]

    def gazetteer_id(self, row: int) -> str | None:
        return self.strings[self._columns["gazetteer_id"][row]]

    def role(self, row: int) -> str | None:
        return self.strings[self._columns["role"][row]]

    def country_iso3(self, row: int) -> str | None:
        return self.strings[self._columns["country_iso3"][row]]

    def has_antecedent(self, row: int) -> bool:
        return self._columns["ante"][row] != 0

    def antecedent_row(self, row: int) -> int | None:
        """The row of the mention this one refers back to; None without one or when its
        antecedent is no mention of the table."""
        c, ids = self._columns, self._ids
        code = c["ante"][row]
        if code == 0:
            return None
        if c["ante_own"][row] and not ids.irregular:
            found = ids.by_key(c["article"][row] << 32 | code)
        else:
            value = self.strings[code]
            found = ids.find(self.article_ids[c["article"][row]] + value if c["ante_own"][row] else value)
        return None if found < 0 else found

    def links(self, link_codes: array, pairs: list[tuple[str, str]]) -> Links:
        """The links of the linked rows (`link_codes[row]`: a position in `pairs`, -1 when the
        row is linked to nothing)."""
        ids = self._ids
        by_row = np.frombuffer(link_codes, dtype=np.int32) if len(link_codes) else np.empty(0, np.int32)
        values = by_row[ids.values] if len(ids.values) else np.empty(0, np.int32)
        kept = values >= 0
        irregular = {mention_id: link_codes[row] for mention_id, row in ids.irregular.items() if link_codes[row] >= 0}
        return Links(_Ids(self.article_ids, self.strings, self._codes, ids.keys[kept], values[kept], irregular),
                     pairs)


class Links(Mapping):
    """mention_id -> (entity_id, resolution) for every linked mention (see the module's doc)."""

    def __init__(self, ids: _Ids, pairs: list[tuple[str, str]]):
        self._ids, self._pairs = ids, pairs

    def __getitem__(self, mention_id: str) -> tuple[str, str]:
        found = self._ids.find(mention_id)
        if found < 0:
            raise KeyError(mention_id)
        return self._pairs[found]

    def get(self, mention_id, default=None):
        found = self._ids.find(mention_id)
        return default if found < 0 else self._pairs[found]

    def __contains__(self, mention_id) -> bool:
        return self._ids.find(mention_id) >= 0

    def get_many(self, mention_ids: list) -> list[tuple[str, str] | None]:
        """`get` of each id (None for an unlinked one), looked up together."""
        pairs = self._pairs
        return [pairs[found] if found >= 0 else None for found in self._ids.find_many(mention_ids).tolist()]

    def __iter__(self) -> Iterator[str]:
        return self._ids.ids()

    def __len__(self) -> int:
        return len(self._ids.keys) + len(self._ids.irregular)
