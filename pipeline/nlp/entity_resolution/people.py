"""People: clustered within each article, merged across articles, each group one entity."""

from __future__ import annotations

from collections import Counter, defaultdict

from pipeline.nlp.entity_resolution.article_people import LocalPerson, cluster_article
from pipeline.nlp.entity_resolution.ids import LinkState
from pipeline.nlp.entity_resolution.merging import merge_full, place_lone
from pipeline.nlp.entity_resolution.names import display_name, name_tokens
from pipeline.nlp.names import honorific_gender
from pipeline.nlp.records import Mention


def link_persons(state: LinkState, persons: list[Mention]) -> None:
    locals_: list[LocalPerson] = []
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in persons:
        by_article[m.article_id].append(m)
    for article_id in sorted(by_article):
        locals_.extend(cluster_article(article_id, by_article[article_id]))

    full = [c for c in locals_ if c.is_full]
    lone = [c for c in locals_ if not c.is_full]
    groups = merge_full(full)  # list of lists of locals, deterministic order
    surname_index: dict[str, list[int]] = defaultdict(list)
    for gi, group in enumerate(groups):
        for last in sorted({last for c in group for last in c.lasts}):
            surname_index[last].append(gi)

    unresolved: dict[str, list[LocalPerson]] = defaultdict(list)
    for c in lone:
        target = place_lone(c, groups, surname_index)
        if target is None:
            unresolved[name_tokens(c.mentions[0].name)[-1]].append(c)
        else:
            groups[target].append(c)

    for group in sorted(groups, key=_group_order):
        emit_person(state, group)
    for surname in sorted(unresolved):
        clusters = unresolved[surname]
        for c in clusters:
            name = display_name(Counter(m.name for m in c.mentions))
            entity_id = state.new_id("person", name, None if len(clusters) == 1 else c.article_id)
            state.names[entity_id] = name
            for m in c.mentions:
                state.link(m.mention_id, entity_id, "fuzzy" if m.mention_id in c.fuzzy_ids else "exact")


def emit_person(state: LinkState, group: list[LocalPerson]) -> None:
    mentions = [m for c in group for m in c.mentions]
    mentions = _without_the_other_gender(state, mentions)
    surname_freq = Counter(name_tokens(m.name)[-1] for m in mentions)
    full_freq = Counter(n for c in group for n in c.full_names)
    best = min(full_freq, key=lambda n: (-surname_freq[n[-1]], -len(n), -full_freq[n], n))
    displays = Counter(m.name for m in mentions if name_tokens(m.name) == best)
    name = display_name(displays)
    entity_id = state.new_id("person", name)
    state.names[entity_id] = name
    fuzzy_ids = {i for c in group for i in c.fuzzy_ids}
    for m in mentions:
        tokens = name_tokens(m.name)
        if tokens == best:
            how = "exact"
        elif m.mention_id in fuzzy_ids or tokens[-1] not in best:
            how = "fuzzy"
        else:
            how = "alias"
        state.link(m.mention_id, entity_id, how)


def _without_the_other_gender(state: LinkState, mentions: list[Mention]) -> list[Mention]:
    """A person's honorifics across the corpus give one gender most: a lone "Mrs Howard"
    that an article joined to Michael Howard (its "Mrs" outnumbering its "Mr" there) is
    someone else, one person per article, not an alias of him."""
    genders = Counter(g for m in mentions if len(name_tokens(m.name)) == 1 and (g := honorific_gender(m.surface)))
    if len(genders) < 2 or genders.most_common(2)[0][1] == genders.most_common(2)[1][1]:
        return mentions
    usual = genders.most_common(1)[0][0]
    other = [m for m in mentions if len(name_tokens(m.name)) == 1 and honorific_gender(m.surface) not in (None, usual)]
    for article_id in sorted({m.article_id for m in other}):
        here = [m for m in other if m.article_id == article_id]
        name = display_name(Counter(m.name for m in here))
        entity_id = state.new_id("person", name, article_id)
        state.names[entity_id] = name
        for m in here:
            state.link(m.mention_id, entity_id, "exact")
    split = {m.mention_id for m in other}
    return [m for m in mentions if m.mention_id not in split]


def _group_order(group: list[LocalPerson]):
    first = min((m.article_id, m.char_start) for c in group for m in c.mentions)
    return first
