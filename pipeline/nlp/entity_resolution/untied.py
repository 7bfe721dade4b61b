"""Title references with no antecedent in their article ("The chancellor said" where the
article names Gordon Brown but never his post): the one person of that article whose
mentions elsewhere in the corpus give him or her that post; when no one of the article
holds it, the person the article opens on, when that person is also the only one named
before the title and holds no post anywhere in the corpus (a post changes hands, so one
held elsewhere does not rule the lead out): "David Blunkett has apologised … The home
secretary confirmed"."""

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
    anywhere in the corpus; with several it stays unlinked (and is no mention); with none,
    to the article's lead person (`_lead_person`), if any, else it stays unlinked too."""
    asked = {t.article_code(row) for row in untied}
    roles: dict[str, set[str]] = defaultdict(set)
    present: dict[int, set[str]] = defaultdict(set)  # only the articles with an untied title
    named: dict[int, list[tuple[int, str]]] = defaultdict(list)  # (char_start, entity) of names, in order
    for row in persons:
        entity_id = state.entity_of(row)
        if entity_id is None:
            continue
        article = t.article_code(row)
        if article in asked:
            present[article].add(entity_id)
            if t.kind(row) == "name":
                named[article].append((t.char_start(row), entity_id))
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
        elif not holders and role and (lead := _lead_person(named[t.article_code(row)], t.char_start(row), roles)):
            state.link(row, lead, "title")


def _lead_person(named: list[tuple[int, str]], before: int, roles: dict[str, set[str]]) -> str | None:
    """The one person named before `before`, known to hold no post: a definite post in the
    next sentences refers back to the story's subject, not to someone the story introduces
    with a post of their own, nor to one of several people named."""
    earlier = {entity for start, entity in named if start < before}
    if len(earlier) != 1:
        return None
    (lead,) = earlier
    return None if roles[lead] else lead
