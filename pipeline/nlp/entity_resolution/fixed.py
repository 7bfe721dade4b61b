"""Mentions that carry a gazetteer id (or one derived from it) keep that id."""

from __future__ import annotations

from pipeline.nlp.entity_resolution.ids import LinkState
from pipeline.nlp.entity_resolution.names import norm
from pipeline.nlp.gazetteer import Gazetteer
from pipeline.nlp.records import Mention


def link_fixed(state: LinkState, gaz: Gazetteer, fixed: list[Mention]) -> None:
    for m in fixed:
        if m.kind == "demonym":
            how = "demonym"
        elif m.kind == "metonym":
            how = "metonym"
        elif m.gazetteer_id in gaz.entries:
            how = "gazetteer"
        else:  # an id derived from gazetteer knowledge, e.g. org:arm-foreign-ministry
            how = "exact" if norm(m.surface) == norm(m.name) else "alias"
        state.link(m.mention_id, m.gazetteer_id, how)
