"""People: clustered within each article, merged across articles, each group one entity."""

from __future__ import annotations

from collections import Counter, defaultdict

from pipeline.nlp.entity_resolution.article_people import LocalPerson, cluster_article
from pipeline.nlp.entity_resolution.ids import LinkState
from pipeline.nlp.entity_resolution.merging import merge_full, place_lone
from pipeline.nlp.entity_resolution.names import display_name, name_tokens
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


def _group_order(group: list[LocalPerson]):
    first = min((m.article_id, m.char_start) for c in group for m in c.mentions)
    return first
