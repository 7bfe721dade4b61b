"""Canonical issues: stance targets that name one question grouped across sentences and articles.

A target label ("opening of the Lachin corridor", "Lachin corridor blockade", "imposed
agreements", "imposed solution") is read as
- its *head*: the noun the label is about, the last word before its first preposition
  ("opening"), skipping a trailing participle ("sunset clause inserted in …" -> "clause");
- its *rest*: the other content words, reduced to a crude stem (plural, "-ed", "-ing" cut:
  "imposed" ~ "impose");
- the head's *class* and *direction* from `issue_heads` in knowledge/stances.yaml: heads of
  one class name one question ("agreement", "solution", "settlement", "deal"), and a head
  may name its opposite ("blockade" is the negative of "opening": both are about access).

Two targets share an issue when
1. both are the same entity (`target_entity_id`), or
2. their heads are of one class and their rests share a word ("imposed agreements" ~
   "imposed solution"; "Lachin corridor blockade" ~ "opening of the Lachin corridor"); across
   articles two words or all of them, since one word chains unrelated plans together, or
3. within one article, their heads are of one class and one rest holds the other ("the
   bill" ~ "Anti-Terrorism Bill", "sunset clause" ~ "sunset clause inserted in the bill").
The issue's label is its most frequent positive-direction target (the shortest among equals);
`issue_polarity` is the stance's polarity read against that label: opposing the blockade is
supporting the opening.

Limits (README, "Issues"): stems are cut by rule, not by a lemmatiser; only the head classes
the knowledge file lists are merged or reversed; a target naming two questions ("government
on Iraq and identity cards") belongs to one issue. The article's topic is read before
grouping, by the labeller: "the plans" under "Tories plan migrant health checks" already reads
"migrant health checks" (`labels.Labeller._headline_label`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.nlp.vocabulary import load_vocabulary

STOP_WORDS = frozenset(
    "a an the of to in on for and or with by at from over into about as its their his her our s this that these those"
    .split()
)
PREPOSITIONS = frozenset("of to in on for with by at from over into about against between under within across".split())
_WORD = re.compile(r"[\w-]+")
_BRACKETED = re.compile(r"\(([^()]*)\)")


def _head_table() -> dict[str, tuple[str, int]]:
    entries = load_vocabulary("stances").mapping("issue_heads")
    table = {}
    for head, value in entries.items():
        sign = -1 if value.startswith("-") else 1
        table[head] = (value.lstrip("-+"), sign)
    return table


ISSUE_HEADS = _head_table()

def stem(word: str) -> str:
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    suffix = "ing" if len(word) > 5 and word.endswith("ing") else "ed" if len(word) > 4 and word.endswith("ed") else ""
    word = word[: len(word) - len(suffix)]
    if suffix and len(word) > 2 and word[-1] == word[-2] and word[-1] not in "aeioulsfzd":
        word = word[:-1]  # "cutting", "banned" ~ "cut", "ban" (not "calling", "passing", "adding")
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


# heads too broad to join two articles' targets by one word ("Labour's plans" and "Labour plans
# to introduce ID cards"; "Mr Brown's decision" and "Gordon Brown's decision on trip")
BROAD_HEADS = frozenset(stem(w) for w in load_vocabulary("stances").words("broad_issue_heads"))


@dataclass(frozen=True)
class Reading:
    """A target read for grouping: its head's class and direction and its other words."""

    head: str
    head_class: str
    sign: int
    rest: frozenset[str]


def read_target(target: str) -> Reading:
    # "Learning and Skills Council (LSC)": a bracketed short form is no head, only more words
    short = [w for w in _WORD.findall(" ".join(_BRACKETED.findall(target)).lower()) if w]
    words = [w for w in _WORD.findall(_BRACKETED.sub(" ", target).lower()) if w]
    before = []
    for word in words:
        if word in PREPOSITIONS and before:
            break
        before.append(word)
    content = [w for w in before if w not in STOP_WORDS]
    while len(content) > 1 and (content[-1].endswith("ed") or content[-1].endswith("ing")):
        content = content[:-1]  # "sunset clause inserted": the clause
    head = content[-1] if content else (words[-1] if words else "")
    head_class, sign = ISSUE_HEADS.get(head, ISSUE_HEADS.get(stem(head), (stem(head), 1)))
    rest = frozenset(
        stem(part)
        for w in words + short
        if w not in STOP_WORDS and w not in PREPOSITIONS and w != head
        for part in w.split("-")  # "stem-cell research" ~ "stem cell research"
        if part
    )
    return Reading(head, head_class, sign, rest)


@dataclass(frozen=True)
class StanceRef:
    """What grouping needs of one stance."""

    stance_id: str
    article_id: str
    holder_entity_id: str | None
    target: str
    target_entity_id: str | None
    polarity: str


@dataclass(frozen=True)
class Issue:
    issue_id: str
    label: str
    keywords: tuple[str, ...]
    aliases: tuple[str, ...]
    n_stances: int
    n_articles: int
    n_holders: int


def group_issues(stances: Iterable[StanceRef], id_of) -> tuple[list[Issue], dict[str, tuple[str, str]]]:
    """Issues, and for each stance id its (issue_id, issue_polarity). `id_of(key)` makes the
    stable issue id from the lower-cased label (and, for a one-word label, its first article)."""
    stances = list(stances)
    parent = list(range(len(stances)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    readings = [read_target(s.target) for s in stances]
    by_entity: dict[str, int] = {}
    by_class: dict[str, list[int]] = {}
    for i, s in enumerate(stances):
        if isinstance(s.target_entity_id, str) and s.target_entity_id:  # not None, not a missing NaN
            if s.target_entity_id in by_entity:
                union(i, by_entity[s.target_entity_id])
            else:
                by_entity[s.target_entity_id] = i
            continue
        by_class.setdefault(readings[i].head_class, []).append(i)
    for members in by_class.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if _same_issue(readings[i], readings[j], stances[i].article_id == stances[j].article_id):
                    union(i, j)

    groups: dict[int, list[int]] = {}
    for i in range(len(stances)):
        groups.setdefault(find(i), []).append(i)
    by_label: dict[str, list[int]] = {}  # two groups reaching one specific label are one issue
    for members in groups.values():
        label, _ = _label([stances[i] for i in members], [readings[i] for i in members])
        specific = len([w for w in _WORD.findall(label.lower()) if w not in STOP_WORDS]) >= 2
        first_article = min(stances[i].article_id for i in members)
        by_label.setdefault(label.lower() if specific else f"{label.lower()}\x1f{first_article}", []).extend(members)
    issues: list[Issue] = []
    assigned: dict[str, tuple[str, str]] = {}
    for key, members in by_label.items():
        label, label_sign = _label([stances[i] for i in members], [readings[i] for i in members])
        issue_id = id_of(key)
        words = Counter(w for i in members for w in _WORD.findall(stances[i].target.lower()) if w not in STOP_WORDS)
        issues.append(
            Issue(
                issue_id=issue_id,
                label=label,
                keywords=tuple(w for w, _ in sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))[:8]),
                aliases=tuple(sorted({stances[i].target for i in members})),
                n_stances=len(members),
                n_articles=len({stances[i].article_id for i in members}),
                n_holders=len({stances[i].holder_entity_id for i in members if stances[i].holder_entity_id}),
            )
        )
        for i in members:
            assigned[stances[i].stance_id] = (issue_id, _relative(stances[i].polarity, readings[i].sign * label_sign))
    return sorted(issues, key=lambda x: x.issue_id), assigned


def _same_issue(a: Reading, b: Reading, same_article: bool) -> bool:
    if a.head_class != b.head_class:
        return False
    shared = a.rest & b.rest
    # across articles one shared word is too weak a link ("Labour's plans" ~ "Labour plans to
    # introduce ID cards" ~ "plans to introduce health checks"): two, or the same words
    if shared and (same_article or len(shared) >= 2 or a.rest == b.rest):
        return True
    if a.rest == b.rest:
        return same_article or a.head == b.head and bool(a.rest)
    if same_article:
        return a.rest <= b.rest or b.rest <= a.rest
    # across articles one target's words all in the other's, of one specific head: "arms embargo"
    # ~ "EU embargo on arms exports" ~ "removed arms embargo"; never by a broad head ("plans")
    return (
        stem(a.head) == stem(b.head)
        and stem(a.head) not in BROAD_HEADS
        and a.head_class not in BROAD_HEADS
        and bool(a.rest and b.rest)
        and (a.rest <= b.rest or b.rest <= a.rest)
    )


def _label(members: list[StanceRef], readings: list[Reading]) -> tuple[str, int]:
    """The most frequent target of the positive direction (the most specific among equals)."""
    counts = Counter(s.target for s in members)
    signs = {s.target: r.sign for s, r in zip(members, readings, strict=True)}
    positive = [t for t in counts if signs[t] > 0] or list(counts)
    label = min(positive, key=lambda t: (-counts[t], -min(len(t.split()), 4), len(t), t))
    return label, signs[label]


def _relative(polarity: str, sign: int) -> str:
    if polarity == "neutral" or sign > 0:
        return polarity
    return "oppose" if polarity == "support" else "support"
