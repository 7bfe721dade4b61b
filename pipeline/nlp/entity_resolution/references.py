"""Pronouns and "the minister" take the entity of their antecedent."""

from __future__ import annotations

from pipeline.nlp.entity_resolution.ids import LinkState
from pipeline.nlp.records import Mention


def link_references(state: LinkState, references: list[Mention], by_id: dict[str, Mention]) -> None:
    for m in references:
        target = m.antecedent
        seen = 0
        while target in by_id and target not in state.links and seen < 10:
            target, seen = by_id[target].antecedent, seen + 1
        if target in state.links:
            state.link(m.mention_id, state.links[target][0], m.kind)
        else:  # unreachable antecedent: resolve the name it carries on its own
            entity_id = state.new_id("person", m.name, m.article_id)
            state.names[entity_id] = m.name
            state.link(m.mention_id, entity_id, m.kind)
