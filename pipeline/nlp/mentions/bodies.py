"""Who a person is and whom they speak for: the key a person is known by across an
article (the surname) and the party or body they are introduced with ("Tory Liam Fox").

Both the pronoun and the title readings compare people by these keys, and a title of a
party ("the Tory leader") needs the bodies each person was introduced with, so they are
worked out here once per article, apart from either reading.
"""

from __future__ import annotations

from pipeline.nlp.mentions.context import MentionContext, body_key
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import POSSESSIVES
from pipeline.nlp.token_view import view_of


def _body_spans(mc: MentionContext, mentions: list[Mention]) -> list[tuple[int, int, Mention]]:
    """Named organisations and groups with their token spans."""
    view, out = view_of(mc.doc), []
    for m in mentions:
        if m.entity_type in ("ORGANIZATION", "GROUP") and m.kind == "name":
            tokens = view.token_range(m.char_start, m.char_end)
            if tokens is not None:
                out.append((*tokens, m))
    return out


def bodies_by_start(mc: MentionContext, mentions: list[Mention]) -> dict[int, Mention]:
    """Organisations and groups by the token they start at."""
    return {start: m for start, _, m in _body_spans(mc, mentions)}


def affiliations(mc: MentionContext, persons: list[Mention], mentions: list[Mention]) -> dict[str, str]:
    """The body a person is introduced with, by person mention id: "Tory Liam Fox",
    "Tory leader Michael Howard", "Labour's Yvette Cooper" (the body right before the name,
    only title words and a possessive between)."""
    bodies_by_end = {end: m for _, end, m in _body_spans(mc, mentions)}
    view, out = view_of(mc.doc), {}
    for p in persons:
        tokens = view.token_range(p.char_start, p.char_end)
        if tokens is None:
            continue
        start = k = tokens[0]
        while k > 0 and start - k < 6 and (view.lower[k - 1] in mc.role_words or view.text[k - 1] in POSSESSIVES):
            k -= 1
        body = bodies_by_end.get(k)
        if body is not None:
            out[p.mention_id] = body_key(body)
    return out


def surname(name: str) -> str:
    parts = name.lower().split()
    return parts[-1] if parts else ""


def person_keys(name: str) -> list[str]:
    return [surname(name)]
