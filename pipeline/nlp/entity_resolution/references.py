"""Pronouns and "the minister" take the entity of their antecedent."""

from __future__ import annotations

from array import array

from pipeline.nlp.entity_resolution.ids import LinkState
from pipeline.nlp.entity_resolution.table import MentionTable


def link_references(state: LinkState, t: MentionTable, references: array) -> None:
    for row in references:
        target = t.antecedent_row(row)
        seen = 0
        while target is not None and not state.linked(target) and seen < 10:
            target, seen = t.antecedent_row(target), seen + 1
        if target is not None and state.linked(target):
            state.link(row, state.entity_of(target), t.kind(row))
        else:  # unreachable antecedent: resolve the name it carries on its own
            name = t.name(row)
            entity_id = state.new_id("person", name, t.article_id(row))
            state.names[entity_id] = name
            state.link(row, entity_id, t.kind(row))
