"""Each article's people as the last table build clustered them, so a rebuild after one edit
clusters only the articles whose person mentions changed.

`cluster_article` is a function of an article's person rows alone: their order in the
table and, per row, the name, the surface and the start offset (and of the code, which the
extractors' version covers). So its answer is kept under a digest of exactly those values,
with each cluster's rows as positions in the article's list of person rows: an article whose
person mentions are the same gets the same clusters back, row for row, without the work.
What happens across articles (merging, lone surnames, ids) runs over every article as
before. The answers are kept in `<data>/parquet/person_clusters.json` under the extractors'
version and this module's format; another version, a damaged file or none at all means
every article is clustered again.
"""

from __future__ import annotations

import hashlib
import json
from array import array
from collections.abc import Callable
from pathlib import Path

from pipeline.nlp.entity_resolution.article_people import LocalPerson, cluster_article
from pipeline.nlp.entity_resolution.table import MentionTable

FORMAT = 1


class KnownPeople:
    """`cluster_article` with the answers of the last build (`known`) for articles whose
    person rows are the same; `used` holds this build's answers, to keep for the next."""

    def __init__(self, known: dict[str, list] | None = None):
        self.known = known or {}
        self.used: dict[str, list] = {}
        self.clustered = 0  # articles clustered now, not taken from the last build
        self._expected: tuple[int, Callable[[], dict[str, list]]] | None = None

    def expect(self, first_article: int, answers: Callable[[], dict[str, list]]) -> None:
        """Answers for the articles from `first_article` on (their code in the table), which
        another process works out meanwhile: `answers` hands them over (waiting for them)
        when the first of those articles is clustered. An article it has no answer for is
        clustered here."""
        self._expected = (first_article, answers)

    def cluster(self, t: MentionTable, article_id: str, rows: list[int]) -> list[LocalPerson]:
        if self._expected is not None and t.article_code(rows[0]) >= self._expected[0]:
            self.known = {**self.known, **self._expected[1]()}
            self._expected = None
        key = _key(t, rows)
        found = self.known.get(key)
        if found is None:
            clusters = cluster_article(t, article_id, rows)
            self.clustered += 1
            self.used[key] = _described(clusters, rows)
            return clusters
        try:
            clusters = _rebuilt(found, t, article_id, rows)
        except (IndexError, TypeError, ValueError):  # not an answer this code wrote: cluster again
            clusters = cluster_article(t, article_id, rows)
            self.clustered += 1
            found = _described(clusters, rows)
        self.used[key] = found
        return clusters


def _key(t: MentionTable, rows: list[int]) -> str:
    values = [[t.name(row), t.surface(row), t.char_start(row)] for row in rows]
    return hashlib.sha256(json.dumps(values, ensure_ascii=False).encode()).hexdigest()


def _described(clusters: list[LocalPerson], rows: list[int]) -> list:
    position = {row: p for p, row in enumerate(rows)}
    return [
        [
            [position[row] for row in c.mentions],
            [list(name) for name in c.full_names],
            sorted(position[row] for row in c.fuzzy_ids),
            [list(name) for name in c.distinct],
            list(c.lasts),
        ]
        for c in clusters
    ]


def _rebuilt(described: list, t: MentionTable, article_id: str, rows: list[int]) -> list[LocalPerson]:
    clusters = []
    for mentions, full_names, fuzzy, distinct, lasts in described:
        c = LocalPerson(t, article_id, array("i", [rows[p] for p in mentions]),
                        [tuple(name) for name in full_names], distinct=tuple(tuple(n) for n in distinct),
                        lasts=tuple(lasts))
        if fuzzy:
            c.add_fuzzy(rows[p] for p in fuzzy)
        clusters.append(c)
    return clusters


def memo_path(data_dir: Path) -> Path:
    return data_dir / "parquet" / "person_clusters.json"


def load(path: Path, version: str) -> KnownPeople:
    """The answers kept at `path` for this extractors' version; none when there are none."""
    try:
        return load_bytes(path.read_bytes(), version)
    except OSError:
        return KnownPeople()


def load_bytes(raw: bytes, version: str) -> KnownPeople:
    try:
        kept = json.loads(raw)
        if kept.get("format") == FORMAT and kept.get("version") == version and isinstance(kept["articles"], dict):
            return KnownPeople(kept["articles"])
    except Exception:  # noqa: BLE001 - a missing or unreadable file only means clustering everything
        pass
    return KnownPeople()


def dumps(people: KnownPeople, version: str) -> bytes:
    """This build's answers (only those of articles still in the corpus)."""
    return json.dumps({"format": FORMAT, "version": version, "articles": people.used},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
