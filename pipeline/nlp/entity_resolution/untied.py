"""Title references with no antecedent in their article ("The chancellor said" where the
article names Gordon Brown but never his post): the one person of that article whose
mentions elsewhere in the corpus give him or her that post."""

from __future__ import annotations

from collections import defaultdict

from pipeline.nlp.entity_resolution.ids import LinkState
from pipeline.nlp.names import role_compatible
from pipeline.nlp.records import Mention


def is_untied(m: Mention) -> bool:
    return m.kind == "title" and m.antecedent is None


def link_untied(state: LinkState, untied: list[Mention], persons: list[Mention]) -> None:
    """Link each untied title to the one person of its article holding a compatible post
    anywhere in the corpus; with none or several it stays unlinked (and is no mention)."""
    roles: dict[str, set[str]] = defaultdict(set)
    present: dict[str, set[str]] = defaultdict(set)
    for m in persons:
        link = state.links.get(m.mention_id)
        if link is None:
            continue
        present[m.article_id].add(link[0])
        if m.role:
            roles[link[0]].add(m.role)
    for m in untied:
        holders = sorted(
            e for e in present[m.article_id] if m.role and any(role_compatible(m.role, r) for r in roles[e])
        )
        if len(holders) == 1:
            state.link(m.mention_id, holders[0], "title")
