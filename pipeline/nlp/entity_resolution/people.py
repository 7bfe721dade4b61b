"""People: clustered within each article, merged across articles, each group one entity."""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from itertools import groupby

from pipeline.nlp.entity_resolution.article_people import LocalPerson, cluster_article
from pipeline.nlp.entity_resolution.ids import LinkState
from pipeline.nlp.entity_resolution.known_people import KnownPeople
from pipeline.nlp.entity_resolution.merging import Groups, merge_full, place_lone
from pipeline.nlp.entity_resolution.names import display_name, name_tokens
from pipeline.nlp.entity_resolution.table import MentionTable
from pipeline.nlp.names import honorific_gender


def link_persons(state: LinkState, t: MentionTable, persons: array, people: KnownPeople | None = None) -> None:
    """`persons`: rows in table order, so each article's rows are consecutive and the
    articles come in article_id order. `people` has the last build's clusters of articles
    whose person rows are unchanged (`known_people`)."""
    cluster = people.cluster if people is not None else cluster_article
    locals_: list[LocalPerson] = []
    for article, rows in groupby(persons, key=t.article_code):
        locals_.extend(cluster(t, t.article_ids[article], list(rows)))

    full = [c for c in locals_ if c.is_full]
    lone = [c for c in locals_ if not c.is_full]
    del locals_
    groups = Groups(merge_full(full))  # list of lists of locals, deterministic order
    del full
    surname_index: dict[str, list[int]] = defaultdict(list)
    for gi, group in enumerate(groups.members):
        for last in sorted({last for c in group for last in c.lasts}):
            surname_index[last].append(gi)

    unresolved: dict[str, list[LocalPerson]] = defaultdict(list)
    for c in lone:
        target = place_lone(c, groups, surname_index)
        if target is None:
            unresolved[name_tokens(t.name(c.mentions[0]))[-1]].append(c)
        else:
            groups.add(target, c)
    del lone

    for group in sorted(groups.members, key=_group_order):
        emit_person(state, t, group)
    for surname in sorted(unresolved):
        clusters = unresolved[surname]
        for c in clusters:
            name = display_name(Counter(t.name(row) for row in c.mentions))
            entity_id = state.new_id("person", name, None if len(clusters) == 1 else c.article_id)
            state.names[entity_id] = name
            for row in c.mentions:
                state.link(row, entity_id, "fuzzy" if row in c.fuzzy_ids else "exact")


def emit_person(state: LinkState, t: MentionTable, group: list[LocalPerson]) -> None:
    mentions = [row for c in group for row in c.mentions]
    given = {g for c in group for g in c.given_genders}
    mentions = _without_the_other_gender(state, t, mentions, given.pop() if len(given) == 1 else None)
    surname_freq = Counter(name_tokens(t.name(row))[-1] for row in mentions)
    full_freq = Counter(n for c in group for n in c.full_names)
    best = min(full_freq, key=lambda n: (-surname_freq[n[-1]], -len(n), _initials(n), -full_freq[n], n))
    displays = Counter(name for row in mentions if name_tokens(name := t.name(row)) == best)
    name = display_name(displays)
    entity_id = state.new_id("person", name)
    state.names[entity_id] = name
    fuzzy_ids = {i for c in group for i in c.fuzzy_ids}
    for row in mentions:
        tokens = name_tokens(t.name(row))
        if tokens == best:
            how = "exact"
        elif row in fuzzy_ids or tokens[-1] not in best:
            how = "fuzzy"
        else:
            how = "alias"
        state.link(row, entity_id, how)


def _initials(name: tuple[str, ...]) -> int:
    """How many of a name's words are initials: the fullest form spells its given names out
    ("Ben Hinshelwood", not the "B Hinshelwood" of the line-ups, however often those run)."""
    return sum(len(word) == 1 for word in name)


def _without_the_other_gender(
    state: LinkState, t: MentionTable, mentions: list[int], given: str | None = None
) -> list[int]:
    """A person's honorifics across the corpus give one gender most, or, where they give
    both, the given name of the full names (`given`) decides: a lone "Mrs Howard" that an
    article joined to Michael Howard (its "Mrs" outnumbering its "Mr" there) is someone
    else, one person per article, not an alias of him."""
    lone_genders = [
        (row, honorific_gender(t.surface(row))) for row in mentions if len(name_tokens(t.name(row))) == 1
    ]
    genders = Counter(g for _, g in lone_genders if g)
    if len(genders) < 2 or given is None and genders.most_common(2)[0][1] == genders.most_common(2)[1][1]:
        return mentions
    usual = given or genders.most_common(1)[0][0]
    by_article: dict[str, list[int]] = defaultdict(list)
    for row, gender in lone_genders:
        if gender not in (None, usual):
            by_article[t.article_id(row)].append(row)
    for article_id in sorted(by_article):
        here = by_article[article_id]
        name = display_name(Counter(t.name(row) for row in here))
        entity_id = state.new_id("person", name, article_id)
        state.names[entity_id] = name
        for row in here:
            state.link(row, entity_id, "exact")
    split = {row for here in by_article.values() for row in here}
    return [row for row in mentions if row not in split]


def _group_order(group: list[LocalPerson]):
    t = group[0].t
    return min((t.article_code(row), t.char_start(row)) for c in group for row in c.mentions)
