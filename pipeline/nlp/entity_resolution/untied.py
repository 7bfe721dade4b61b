"""Title references with no antecedent in their article ("The chancellor said" where the
article names Gordon Brown but never his post): the one person of that article whose
mentions elsewhere in the corpus give him or her that post; when no one of the article
holds it, the person the article opens on, when that person is also the only one named
before the title and holds no post anywhere in the corpus (a post changes hands, so one
held elsewhere does not rule the lead out): "David Blunkett has apologised … The home
secretary confirmed"."""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict

from pipeline.nlp.entity_resolution.ids import LinkState
from pipeline.nlp.entity_resolution.table import MentionTable
from pipeline.nlp.names import role_compatible

# how many times more often than anyone else the corpus must give one person a post for an
# untied title of it to be that person
USUAL_HOLDER_RATIO = 3


def is_untied(t: MentionTable, row: int) -> bool:
    return t.kind(row) == "title" and not t.has_antecedent(row)


def link_untied(state: LinkState, t: MentionTable, untied: array, persons: array) -> None:
    """Link each untied title to the one person of its article holding a compatible post
    anywhere in the corpus, or the one of several the corpus gives the post far more often
    (`_usual_holder`); else it stays unlinked (and is no mention); with none,
    to the article's lead person (`_lead_person`), if any, else it stays unlinked too."""
    asked = {t.article_code(row) for row in untied}
    roles: dict[str, Counter[str]] = defaultdict(Counter)
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
            roles[entity_id][role] += 1
    for row in untied:
        role = t.role(row)
        holders = sorted(
            e for e in present[t.article_code(row)] if role and any(role_compatible(role, r) for r in roles[e])
        )
        if len(holders) > 1:
            holders = _usual_holder(holders, role, roles)
        if len(holders) == 1:
            state.link(row, holders[0], "title")
        elif not holders and role and (lead := _lead_person(named[t.article_code(row)], t.char_start(row), roles)):
            state.link(row, lead, "title")


def _usual_holder(holders: list[str], role: str, roles: dict[str, Counter[str]]) -> list[str]:
    """Of several people the corpus gives a post, the one it gives the post far more often
    (`USUAL_HOLDER_RATIO` times the next): "the prime minister" in a story naming Tony Blair
    and John Prescott is Mr Blair, though one article's "Prime Minister John Prescott" lost
    its "Deputy"; else all of them."""
    held = sorted(
        ((sum(n for r, n in roles[e].items() if role_compatible(role, r)), e) for e in holders), reverse=True
    )
    (top, first), (second, _) = held[0], held[1]
    return [first] if top >= USUAL_HOLDER_RATIO * second else holders


def _lead_person(named: list[tuple[int, str]], before: int, roles: dict[str, Counter[str]]) -> str | None:
    """The one person named before `before`, known to hold no post: a definite post in the
    next sentences refers back to the story's subject, not to someone the story introduces
    with a post of their own, nor to one of several people named."""
    earlier = {entity for start, entity in named if start < before}
    if len(earlier) != 1:
        return None
    (lead,) = earlier
    return None if roles[lead] else lead
