"""People within one article: full names clustered, then lone surnames and "Mr Abbas"
joined to the full name they shorten (also a family name written first: "Mr Hu" after "Hu
Jintao", where the word is no common given name). Honorifics keep their gender: a "Mrs Clinton" never
joins the cluster a "Mr Clinton" already joined, and the two are two people when no full
name takes them."""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.nlp.entity_resolution.names import GIVEN_NAME_HONORIFICS, HONORIFIC_WORDS, name_tokens
from pipeline.nlp.entity_resolution.similarity import (
    LONE_SURNAME_JW,
    LONE_SURNAME_RATIO,
    MIN_FUZZY_LENGTH,
    same_person,
    similar_names,
)
from pipeline.nlp.entity_resolution.table import MentionTable
from pipeline.nlp.mentions.vocabulary import GIVEN_NAMES
from pipeline.nlp.names import given_name_gender, honorific_gender


@dataclass(slots=True)
class LocalPerson:
    """The mentions (rows of `t`) of one person within one article.

    A corpus has about six of these an article, all alive until people are linked: the
    rows are an `array`, the few distinct names and surnames tuples, and the rows joined by
    spelling (most have none) a set only once there is one."""

    t: MentionTable
    article_id: str
    mentions: array = field(default_factory=lambda: array("i"))
    full_names: list[tuple[str, ...]] = field(default_factory=list)
    fuzzy_ids: frozenset[int] | set[int] = frozenset()  # rows joined by spelling similarity
    distinct: tuple[tuple[str, ...], ...] = ()
    lasts: tuple[str, ...] = ()

    def add_full(self, tokens: tuple[str, ...]) -> None:
        self.full_names.append(tokens)
        if tokens not in self.distinct:
            self.distinct += (tokens,)
        lasts = [tokens[-1], tokens[-1].split()[-1]]  # "Nistelrooy" shortens "van Nistelrooy" too
        if len(tokens) > 2:  # "Mr Kilroy-Silk" shortens "Robert Kilroy Silk": a double surname, hyphen left out
            lasts.append(f"{tokens[-2]}-{tokens[-1]}")
        for last in lasts:
            if last not in self.lasts:
                self.lasts += (last,)

    def add_fuzzy(self, rows: Iterable[int]) -> None:
        if not isinstance(self.fuzzy_ids, set):
            self.fuzzy_ids = set(self.fuzzy_ids)
        self.fuzzy_ids.update(rows)

    @property
    def is_full(self) -> bool:
        return bool(self.full_names)

    def name_keys(self) -> list[tuple[str, str]]:
        """(first name, surname) of every full form used in the article, sorted."""
        return sorted({(n[0], n[-1]) for n in self.distinct})

    @property
    def genders(self) -> set[str]:
        """The genders the honorifics of its mentions give ("Mr Abbas": m)."""
        return {g for row in self.mentions if (g := honorific_gender(self.t.surface(row)))}

    @property
    def given_genders(self) -> set[str]:
        """The genders the given names of its full names give: "Michael Howard" m. A form
        that is the tail of a longer one opens with no given name ("Rhys James" beside
        "Shani Rhys James")."""
        return {
            g for tokens in self.distinct
            if not any(len(o) > len(tokens) and o[-len(tokens):] == tokens for o in self.distinct)
            and (g := given_name_gender(" ".join(tokens)))
        }  # fmt: skip

    def last_mention_before(self, char: int) -> int:
        before = [start for row in self.mentions if (start := self.t.char_start(row)) < char]
        return max(before) if before else -1


def cluster_article(t: MentionTable, article_id: str, mentions: list[int]) -> list[LocalPerson]:
    """`mentions`: the article's person rows, in table order."""
    clusters: list[LocalPerson] = []
    ordered = sorted(mentions, key=t.char_start)
    tokens_of = {row: name_tokens(t.name(row)) for row in ordered}
    for row in ordered:  # full names first, in text order
        tokens, start = tokens_of[row], t.char_start(row)
        if len(tokens) < 2:
            continue
        unhyphenated = _unhyphenated(tokens)
        matches = [
            c for c in clusters
            if tokens in c.distinct
            or any(same_person(tokens, f) or unhyphenated == _unhyphenated(f) for f in c.distinct)
        ]  # fmt: skip
        if matches:
            target = max(matches, key=lambda c: c.last_mention_before(start))
            if tokens[-1] not in target.lasts:
                target.add_fuzzy((row,))
        else:
            target = LocalPerson(t, article_id)
            clusters.append(target)
        target.mentions.append(row)
        target.add_full(tokens)
    full_clusters = list(clusters)
    # The gender most of a full name's honorific short forms give is that person's: with
    # "Mrs Howard" and "Mr Howard" shortening "Howard Flight", the one less used is
    # someone else, whichever comes first.
    votes: dict[int, Counter] = {id(c): Counter() for c in full_clusters}
    for row in ordered:
        tokens, gender = tokens_of[row], honorific_gender(t.surface(row))
        if len(tokens) == 1 and gender:
            for c in full_clusters:
                if tokens[0] in c.lasts:
                    votes[id(c)][gender] += 1
    # Where the short forms give both genders, a given name of one sex decides: beside
    # "Michael Howard", "Mr Howard" is him however often the article writes "Mrs Howard"
    # (his wife). With one gender only the honorifics stand: "Ms James" is "Rhys James"
    # where NER left out her given name ("Shani Rhys James").
    usual = {
        id(c): given.pop() if len(votes[id(c)]) > 1 and len(given := c.given_genders) == 1 else _usual(votes[id(c)])
        for c in full_clusters
    }
    lone: dict[tuple[str, str | None], LocalPerson] = {}
    for row in ordered:  # then single names: "Lavrov", "Mr Abbas"
        tokens = tokens_of[row]
        if len(tokens) >= 2:
            continue
        word, surface, start = tokens[0], t.surface(row), t.char_start(row)
        gender = honorific_gender(surface)
        # a "Mrs" never joins a man, nor a "Mr" a woman
        fits = [
            c for c in full_clusters
            if not (gender and (c.genders - {gender} or usual[id(c)] not in (None, gender)))
        ]
        matches = [c for c in fits if word in c.lasts]
        if not matches and _knighted(surface):  # "Sir John" after "Sir John Bourn": the given name
            given = [
                c for c in fits  # not "John Smith": the knight is the one written "Sir John ..."
                if any(n[0] == word for n in c.distinct) and any(_knighted(t.surface(k)) for k in c.mentions)
            ]
            matches = given if len(given) == 1 else []
        if not matches:  # "Lula" after "Luiz Inácio Lula da Silva": a name's middle part, in one person only
            middle = [c for c in fits if any(word in n[1:-1] for n in c.distinct)]
            matches = middle if len(middle) == 1 else []
        if not matches and word not in GIVEN_NAMES:  # "Mr Hu" after "Hu Jintao": a family name written first
            first = [c for c in fits if any(n[0] == word for n in c.distinct)]
            matches = first if len(first) == 1 else []
        fuzzy = False
        if not matches and len(word) >= MIN_FUZZY_LENGTH:
            titled = surface.split()[0].lower().rstrip(".") in HONORIFIC_WORDS
            matches = [
                c for c in fits
                if any(
                    similar_names(last, word, LONE_SURNAME_RATIO, LONE_SURNAME_JW)
                    and (titled or last.rstrip("s") != word.rstrip("s"))  # "William" is not "Williams"
                    for last in sorted(c.lasts)
                )
            ]
            fuzzy = True
            if len(matches) != 1:
                matches = []
        if matches:
            target = max(matches, key=lambda c: (c.last_mention_before(start), -fits.index(c)))
            target.mentions.append(row)
            if fuzzy:
                target.add_fuzzy((row,))
            continue
        cluster = lone.get((word, gender))
        if cluster is None:
            cluster = lone[(word, gender)] = LocalPerson(t, article_id)
            clusters.append(cluster)
        cluster.mentions.append(row)
    clusters = _ungendered_joined(clusters, lone)
    for c in clusters:
        c.mentions = array("i", sorted(c.mentions, key=t.char_start))
    return clusters


def _unhyphenated(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """ "Robert Kilroy-Silk" as "Robert Kilroy Silk": a double surname with or without its hyphen."""
    return tuple(" ".join(tokens).replace("-", " ").split())


def _ungendered_joined(
    clusters: list[LocalPerson], lone: dict[tuple[str, str | None], LocalPerson]
) -> list[LocalPerson]:
    """A bare surname ("Vohor") is the one person its titled form names ("Mr. Vohor",
    "Lord Falconer") when the article titles that surname with one gender only; with
    both a "Mr" and a "Mrs" it stays apart, as it cannot say which of the two it is."""
    for (word, gender), bare in sorted(lone.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        if gender is not None:
            continue
        titled = [c for (w, g), c in lone.items() if w == word and g is not None]
        if len(titled) == 1:
            titled[0].mentions.extend(bare.mentions)
            clusters = [c for c in clusters if c is not bare]
    return clusters


def _knighted(surface: str) -> bool:
    """ "Sir John", "Dame Judi": these honorifics go before the given name, not the surname."""
    return surface.split()[0].lower() in GIVEN_NAME_HONORIFICS if surface.split() else False


def _usual(counts: Counter) -> str | None:
    """The gender most honorifics give, None when none do or they tie."""
    ranked = counts.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]
