"""Mentions that carry a gazetteer id (or one derived from it) keep that id."""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.nlp.entity_resolution.ids import LinkState
from pipeline.nlp.entity_resolution.names import norm
from pipeline.nlp.entity_resolution.table import MentionTable
from pipeline.nlp.gazetteer import Gazetteer


def link_fixed(state: LinkState, gaz: Gazetteer, t: MentionTable, fixed: Iterable[int]) -> None:
    for row in fixed:
        kind, gazetteer_id = t.kind(row), t.gazetteer_id(row)
        if kind == "demonym":
            how = "demonym"
        elif kind == "metonym":
            how = "metonym"
        elif gazetteer_id in gaz.entries:
            how = "gazetteer"
        else:  # an id derived from gazetteer knowledge, e.g. org:arm-foreign-ministry
            how = "exact" if norm(t.surface(row)) == norm(t.name(row)) else "alias"
        state.link(row, gazetteer_id, how)
