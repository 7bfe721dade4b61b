"""Date and place of an event.

Dates: the date expression (`pipeline.nlp.dates`) attached to the trigger, to the verb
that realises it, to a participle modifying it, or inside its own noun phrase ("a 2020
truce"); an event in an "after/at/during" phrase or clause shares the date of the clause
it hangs from ("signaled late on Tuesday after hosting talks"). No expression -> no
date: the publication date is never used as a silent fall-back.

Place: a place mention in an "in/at/outside/near/inside" phrase on the trigger, its
realising verb or its actors ("meets ... counterparts in Moscow"), an apposed place in a
photo caption ("..., Moscow, July 25, 2023"), an "of" place of a noun trigger, and, for
events in the lead sentence with no place of their own, the dateline city.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from pipeline.nlp.dates import _MONTH_RE, find_date_expressions
from pipeline.nlp.events.draft import (
    ASSERTED,
    FUTURE,
    TEMPORAL_LINK_PREPS,
    Draft,
    EventContext,
    is_place,
    outer_noun,
    place_at,
    pobjs,
)
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import LOCATIVE_PREP_WEIGHTS, MentionIndex
from pipeline.nlp.token_view import view_of


def date_anchors(ec: EventContext, span: Span, drafts: list[Draft]) -> list[tuple[str, list[int], int]]:
    """(expression, the tokens it hangs from up to its clause's verb, its first token) per date."""
    start = span.start_char
    anchors: list[tuple[str, list[int], int]] = []
    trigger_tokens = {d.token.i for d in drafts}
    view = view_of(ec.ctx.doc)
    head, pos, tag = view.head, view.pos, view.tag
    for expression in find_date_expressions(span.text):
        piece = ec.ctx.doc.char_span(start + expression.start, start + expression.end, alignment_mode="expand")
        if piece is None or len(piece) == 0:
            continue
        node = piece.root.i
        chain: list[int] = [node]
        for _ in range(12):
            if head[node] == node:
                break
            node = head[node]
            chain.append(node)
            if node in trigger_tokens or pos[node] in ("VERB", "AUX") or tag[node].startswith("VB"):
                break
        anchors.append((expression.text, chain, piece.start))
    return anchors


def fill_date(draft: Draft, anchors: list[tuple[str, list[int], int]]) -> None:
    if not anchors:
        return
    token = draft.token
    own = {token.i, outer_noun(token).i} | {v.i for v in draft.realisers}
    own |= {c.i for c in token.children if c.dep_ in ("acl", "relcl")}
    if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN"):
        own.add(token.head.i)  # "the 1991 Declaration signed by ..."
    charge = _charge_preps(draft)
    chosen = _closest([a for a in anchors if set(a[1]) & own and not set(a[1]) & charge], token)
    if chosen is None:
        linked = _linked_clause(draft)
        if linked is not None:
            chosen = _closest([a for a in anchors if a[1][-1] == linked.i], token)
    if chosen is not None:
        draft.date_text = chosen[0]
        if re.search(r"\b(?:next|coming|tomorrow|upcoming)\b", chosen[0], re.IGNORECASE) and draft.modality == ASSERTED:
            draft.modality = FUTURE


# "in May and June", "May and June 2023": two months joined, each the date of one round
_TWO_MONTHS = re.compile(
    rf"(?P<prep>(?:in|during)\s+)?(?P<first>{_MONTH_RE})\s+and\s+(?P<second>{_MONTH_RE})(?P<year>,?\s+\d{{4}})?",
    re.IGNORECASE,
)


def dated_rounds(draft: Draft) -> list[Draft]:
    """ "held two rounds of negotiations in May and June", "two meetings in March and April":
    acts counted as several whose date names as many months are one act per month (each
    round has its own date), so one draft per month; any other draft is itself, and so is a
    single act over two months ("talks in May and June") or over two days."""
    match = _TWO_MONTHS.fullmatch(draft.date_text or "")
    if match is None or draft.token.pos_ not in ("NOUN", "PROPN"):
        return [draft]
    counted = outer_noun(draft.token)
    if counted.tag_ != "NNS" or not any(c.dep_ == "nummod" and c.lower_ in ("two", "2") for c in counted.children):
        return [draft]
    prep, year = match.group("prep") or "", match.group("year") or ""
    return [
        replace(
            draft,
            date_text=f"{prep}{month}{year}",
            words=list(draft.words),
            realisers=list(draft.realisers),
            sources=list(draft.sources),
            targets=list(draft.targets),
            participants=list(draft.participants),
            mediators=list(draft.mediators),
        )
        for month in (match.group("first"), match.group("second"))
    ]


def _charge_preps(draft: Draft) -> set[int]:
    """ "accused Anonymous of a 2007 school shooting", "blamed Iran for the 2003 bombing": the
    "of"/"for" phrase of an accusation is the charge, and a date inside it dates the deed
    charged, not the accusation (eval/GUIDE.md: a speech act is dated when it is made). The
    parser may hang the phrase on the one accused ("accuses group 'Anonymous' of 2007 ...").
    Only the first such phrase after its head is the charge: a later one, or one before
    it, is an adjunct ("accused Iran of the bombing for the first time in 2005")."""
    if draft.event_type != "ACCUSE":
        return set()
    heads = [draft.token, *draft.realisers]
    accused = [c for h in heads for c in h.children if c.dep_ == "dobj"]
    heads += accused + [a for o in accused for a in o.children if a.dep_ == "appos"]
    charges = (
        next((c for c in h.rights if c.dep_ == "prep" and c.lower_ in ("of", "for")), None) for h in heads
    )
    return {c.i for c in charges if c is not None}


def _closest(anchors: list[tuple[str, list[int], int]], token: Token) -> tuple[str, list[int], int] | None:
    if not anchors:
        return None
    return min(anchors, key=lambda a: (abs(a[2] - token.i), a[2]))


def _linked_clause(draft: Draft) -> Token | None:
    """The clause an "after/at/during" event hangs from, whose date it shares."""
    carriers = [draft.token, outer_noun(draft.token)] + [v for v in draft.realisers if v.pos_ == "VERB"]
    for carrier in carriers:
        node = carrier
        for _ in range(3):
            head = node.head
            if head == node:
                break
            if node.dep_ in ("pobj", "pcomp") and head.dep_ == "prep" and head.lower_ in TEMPORAL_LINK_PREPS:
                return head.head
            if node.dep_ == "xcomp" and head.pos_ == "VERB":
                return head
            node = head
    return None


def fill_location(ec: EventContext, draft: Draft) -> None:
    """The place the draft happened in, if the sentence says; the dateline for the lead."""
    index = ec.index
    if draft.location is not None:
        return
    actor_ids = {m.mention_id for m in draft.actors()}
    best: tuple[int, int, Mention] | None = None
    token = draft.token
    carriers = [token, outer_noun(token)] + list(draft.realisers)
    carriers += [c for c in token.children if c.dep_ == "dobj"]  # "visited slums in Nairobi"
    stops = {t.i for t in carriers}
    for mention in draft.actors():
        for node in _tokens_of(token.doc, mention):
            # the actor and the phrase it sits in, up to the trigger ("counterparts in Moscow")
            for _ in range(6):
                if node.i in stops or node.pos_ in ("VERB", "AUX"):
                    break
                carriers.append(node)
                if node.head == node:
                    break
                node = node.head
    seen: set[int] = set()
    for carrier in carriers:
        if carrier.i in seen:
            continue
        seen.add(carrier.i)
        for child in carrier.children:
            place, weight = None, 0
            if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREP_WEIGHTS:
                for pobj in pobjs(child):
                    place = _place_in(pobj, index)
                    weight = LOCATIVE_PREP_WEIGHTS[child.lower_]
                    if place:
                        break
            elif (
                child.dep_ == "prep"
                and child.lower_ == "of"
                and carrier in (token, outer_noun(token))
                and carrier.pos_ in ("NOUN", "PROPN")
            ):
                for pobj in pobjs(child):
                    place = _place_in(pobj, index)
                    weight = 2
                    if place:
                        break
            elif child.dep_ == "appos" and draft.sentence.section == "caption":
                place = place_at(index, child)
                weight = 1
            if place is None or place.mention_id in actor_ids:
                continue
            key = (weight, -abs(child.i - token.i))
            if best is None or key > best[:2]:
                best = (key[0], key[1], place)
    if best is not None:
        draft.location = best[2]


def _tokens_of(doc, mention: Mention) -> list[Token]:
    span = doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
    return [span.root] if span is not None and len(span) else []


def _place_in(token: Token, index: MentionIndex) -> Mention | None:
    place = place_at(index, token)
    if place is not None:
        return place
    for child in token.children:  # "an area known as the Lachin corridor"
        if child.dep_ in ("compound", "acl", "appos"):
            for inner in child.subtree:
                place = place_at(index, inner)
                if place is not None:
                    return place
    return None


def dateline_place(ec: EventContext) -> Mention | None:
    """The dateline city ("MOSCOW, July 25 (Reuters) -") as a place mentioned in the text."""
    layout = ec.ctx.layout
    dateline = layout.dateline if layout else None
    if not dateline:
        return None
    place = re.split(r"[,(]", dateline, maxsplit=1)[0].strip()
    if not place or not any(ch.isalpha() for ch in place):
        return None
    for mention in ec.index.mentions:
        if is_place(mention) and mention.surface.lower() == place.lower():
            return mention
    return None
