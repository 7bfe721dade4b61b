"""Event anaphora: a definite noun that refers back to an event already reported.

A trigger with no actor at all is dropped (no phantom events from catch-all words),
except a definite noun ("the talks", "the trilateral meeting", "the illegal blockade")
that refers back to an earlier event of the same type and kind in the article (within
ten sentences; consultations, agreements, coercion, retreats, sanctions, protests,
cooperation and aid - "the threat", "the war" are mostly generic): it takes that
event's actors, place and date, so both sentences report one event. A "separate
meeting" is never such an antecedent.
"""

from __future__ import annotations

from pipeline.nlp.events.draft import ASSERTED, Draft, actor_key, assign, drop_overlaps
from pipeline.nlp.syntax import is_passive

ANAPHORIC_TYPES = frozenset({"CONSULT", "AGREE", "COERCE", "RETREAT", "SANCTION", "PROTEST", "COOPERATE", "AID"})
ANAPHORA_WINDOW = 10  # sentences
AGENT_WINDOW = 2  # sentences: "Officials demolished 6,000 shanties. ... 39,000 have been destroyed"


def resolve_event_anaphora(drafts: list[Draft]) -> None:
    """ "the talks" with no actors of its own is the latest earlier event of its type."""
    for position, draft in enumerate(drafts):
        if _agentless_passive(draft):
            _same_agent(draft, drafts, position)
            continue
        if not draft.definite or draft.token.pos_ not in ("NOUN", "PROPN") or draft.separate:
            continue
        if draft.event_type not in ANAPHORIC_TYPES:
            continue  # "the threat", "the war", "the criticism" are mostly generic
        if draft.modality != ASSERTED:
            continue
        earlier = [
            d
            for d in reversed(drafts[:position])
            if d.event_type == draft.event_type
            and d.actors()
            and not d.separate
            and d.modality == ASSERTED
            and draft.sentence.sentence_id - d.sentence.sentence_id <= ANAPHORA_WINDOW
        ]
        same_word = [d for d in earlier if d.token.lemma_.lower() == draft.token.lemma_.lower()]
        same_kind = [d for d in earlier if d.trigger.mode == draft.trigger.mode]
        antecedent = (same_word or same_kind or [None])[0]
        if antecedent is None:
            continue
        if draft.date_text and antecedent.date_text and draft.date_text != antecedent.date_text:
            continue  # "the conference ... on Thursday" is not last week's meeting
        if draft.location and antecedent.location and draft.location.name != antecedent.location.name:
            continue
        if draft.actors() and not _shares(draft, antecedent) and (draft.sources or draft.targets):
            continue
        draft.copied = not draft.actors()
        for role in ("sources", "targets", "participants", "mediators"):
            assign(draft, role, getattr(antecedent, role))
        draft.mode = draft.mode or antecedent.mode
        if draft.location is None:
            draft.location = antecedent.location
        if draft.date_text is None:
            draft.date_text = antecedent.date_text
        drop_overlaps(draft)


def _shares(a: Draft, b: Draft) -> bool:
    ids = {m.mention_id for m in b.actors()}
    names = {m.name.lower() for m in b.actors()}
    return any(m.mention_id in ids or m.name.lower() in names for m in a.actors()) or not a.actors()


def _agentless_passive(draft: Draft) -> bool:
    """A passive verb with no "by" agent and no actor at all ("39,000 shanties have been
    destroyed", "dozens more were detained"), of a type whose agent a report keeps naming."""
    token = draft.token
    return (
        token.pos_ == "VERB"
        and is_passive(token)
        and not any(c.dep_ == "agent" for c in token.children)
        and not draft.actors()
        and draft.event_type in ANAPHORIC_TYPES
        and draft.modality == ASSERTED
    )


def _same_agent(draft: Draft, drafts: list[Draft], position: int) -> None:
    """ "Officials in Mumbai demolished 6,000 shanties. In total, 39,000 shanties have been
    destroyed": an agentless passive act of the type and kind of an act reported just before
    (AGENT_WINDOW) is done by that act's doer when that act named no one it acted on (unnamed
    shanties, protesters); only the source carries over, since what is acted on is new. An
    act by other actors reported in between ends the search: the report has turned to them.
    The acts before it are those before `position` in `drafts`, walked back from the latest."""
    others: set[str] = set()  # actors of the acts reported in between
    for i in range(position - 1, -1, -1):
        earlier = drafts[i]
        if draft.sentence.sentence_id - earlier.sentence.sentence_id > AGENT_WINDOW:
            return
        if earlier.event_type == draft.event_type and earlier.mode == draft.mode and earlier.sources:
            if others and not others & {actor_key(m) for m in earlier.sources}:
                # "Egyptian police arrested 20 protesters. Kenya's president called for calm.
                # Dozens more were detained": the report has moved on to other actors
                return
            # an act on a named actor ("Judge Torres convicted Taricani") is its own case: "the
            # official was subsequently convicted" need not be his doing
            if earlier.modality == ASSERTED and not earlier.targets:
                assign(draft, "sources", earlier.sources)
                draft.copied = True
                drop_overlaps(draft)
            return
        others |= {actor_key(m) for m in earlier.actors()}
