"""Title references with no antecedent in their article ("The chancellor said" where the
article names Gordon Brown but never his post): the one person of that article whose
mentions elsewhere in the corpus give him or her that post."""

from __future__ import annotations

from array import array
from collections import defaultdict

from pipeline.nlp.entity_resolution.ids import LinkState
from pipeline.nlp.entity_resolution.table import MentionTable
from pipeline.nlp.names import role_compatible


def is_untied(t: MentionTable, row: int) -> bool:
    return t.kind(row) == "title" and not t.has_antecedent(row)


def link_untied(state: LinkState, t: MentionTable, untied: array, persons: array) -> None:
    """Link each untied title to the one person of its article holding a compatible post
    anywhere in the corpus; with none or several it stays unlinked (and is no mention)."""
    asked = {t.article_code(row) for row in untied}
    roles: dict[str, set[str]] = defaultdict(set)
    present: dict[int, set[str]] = defaultdict(set)  # only the articles with an untied title
    for row in persons:
        entity_id = state.entity_of(row)
        if entity_id is None:
            continue
        article = t.article_code(row)
        if article in asked:
            present[article].add(entity_id)
        role = t.role(row)
        if role:
            roles[entity_id].add(role)
    for row in untied:
        role = t.role(row)
        holders = sorted(
            e for e in present[t.article_code(row)] if role and any(role_compatible(role, r) for r in roles[e])
        )
        if len(holders) == 1:
            state.link(row, holders[0], "title")
