"""Refusals to speak are not REJECT events.

PLOVER's REJECT is one actor turning down another's proposal, demand or offer, and a speech
act is coded only with an identifiable target (eval/GUIDE.md). "He refused to comment on the
book", "Mr Blair refused to deny the reports": a refusal whose infinitive is a verb of
saying (`withheld_speech_verbs` in `pipeline/knowledge/events.yaml`) withholds words and
turns down nobody's demand. It keeps its event when the actors pass found a target
("refused to answer the committee's questions").
"""

from __future__ import annotations

from pipeline.nlp.events.draft import Draft, lemma_in
from pipeline.nlp.events.vocabulary import WITHHELD_SPEECH_VERBS


def _untargeted_reject(draft: Draft) -> bool:
    return draft.event_type == "REJECT" and not draft.targets and not draft.participants


def withheld_comment(draft: Draft) -> bool:
    """ "He refused to comment on the new book": a refusal to speak refuses no one."""
    if not _untargeted_reject(draft):
        return False
    return any(
        c.dep_ in ("xcomp", "acl") and c.pos_ == "VERB" and lemma_in(c, WITHHELD_SPEECH_VERBS)
        for c in draft.token.children
    )
