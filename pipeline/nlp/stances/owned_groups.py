"""Group nouns that name whose people they are: "supporters of Viktor Yushchenko", "the
leaders of Britain's Jewish community, the Board of Deputies", "creditors of the firm".

A group noun whose own "of" or "from" phrase names a mention is that one's people: its
stances are the named one's (`held_for_someone`), and it is no GROUP of its own, which the
events name by the one named (`of_someone`). Nouns of dissent ("critics of Mr Howard") are
the exception: their people stand against the one named (`groups.is_dissent_noun`).
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.nlp.records import ArticleContext, Mention, Stance
from pipeline.nlp.stances.groups import is_dissent_noun


def held_for_someone(
    ctx: ArticleContext, stances: list[Stance], groups: list[Mention], mentions: list[Mention]
) -> tuple[list[Stance], list[Mention]]:
    """ "the leaders of Britain's Jewish community ... has ignored", "supporters of Viktor
    Yushchenko say": a group noun whose "of" or "from" phrase is itself a mention (`_whose`)
    holds that one's position, so its stances are the named one's and the noun is no GROUP of
    its own (eval/GUIDE.md: the holder is the party whose position it is). Not a noun of
    dissent ("critics of Mr Howard"), whose people stand against the one named."""
    whose = {g.mention_id: named for g in groups if (named := _whose(ctx, g, mentions)) is not None}
    if not whose:
        return stances, groups
    stances = [replace(s, holder_mention_id=whose.get(s.holder_mention_id or "", s.holder_mention_id)) for s in stances]
    return stances, [g for g in groups if g.mention_id not in whose]


def _whose(ctx: ArticleContext, group: Mention, mentions: list[Mention]) -> str | None:
    """The mention that is the object of a group noun's own "of" or "from" phrase, or its
    apposition ("leaders of [the Board of Deputies]", "leaders of Britain's Jewish community,
    [the Board of Deputies]"), or None: not one nested deeper ("supporters of the open-source
    software in the US" are no people of the US)."""
    for prep in _own_phrases(ctx, group):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            # a body in apposition names the one the phrase describes ("of Britain's
            # Jewish community, the Board of Deputies")
            for word in [c for c in obj.children if c.dep_ == "appos"] + [obj]:
                found = next((m for m in mentions if m.char_start <= word.idx < m.char_end), None)
                if found is not None:
                    return found.mention_id
    return None


def of_someone(ctx: ArticleContext, group: Mention, mentions: list[Mention]) -> bool:
    """ "Supporters of Viktor Yushchenko", "creditors of the firm": a group noun whose "of"
    or "from" phrase names someone is that one's people, which the events name by it; not a
    noun of dissent ("critics of Mr Howard", `is_dissent_noun`), whose people stand against him."""
    named = [(m.char_start, m.char_end) for m in mentions]
    return any(any(s <= t.idx < e for s, e in named) for prep in _own_phrases(ctx, group) for t in prep.subtree)


def _own_phrases(ctx: ArticleContext, group: Mention) -> list:
    """The "of" and "from" phrases (their prepositions) of a group noun, which may name whose
    people it is; none for a noun of dissent ("critics of Mr Howard", `is_dissent_noun`)."""
    span = ctx.doc.char_span(group.char_start, group.char_end, alignment_mode="expand")
    if span is None or is_dissent_noun(span.root):
        return []
    return [p for p in span.root.children if p.dep_ == "prep" and p.lower_ in ("of", "from")]
