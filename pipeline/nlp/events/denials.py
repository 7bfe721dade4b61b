"""Denials of a statement are not REJECT events.

PLOVER's REJECT is one actor turning down another's request, proposal, demand or offer;
CAMEO files a denial of responsibility among public statements (016), and a speech act is
coded only with an identifiable target (eval/GUIDE.md). "Labour denies breaking rules",
"a Tory spokesman refuted any wrongdoing", "Mr Brown dismissed the figures", "he rejected
speculation that Mr Brown was considering ...": what is turned down is a charge, a claim or
a finding (`denial_verbs`, `assertion_nouns` in `pipeline/knowledge/events.yaml`), and
with no one named as its maker nobody is refused. A draft for which the actors pass found
a target ("rejected the claims" answering the accuser named just before, `actors.py`) keeps
its event, and so does a refused demand or plan ("rejected the call", "rejected the plan")
and a pronoun denied ("Azerbaijan denied it"), which may stand for a treaty or a demand.
An actor named inside the denied act itself ("Iran denied supplying weapons to Hezbollah",
"he denied accusing Germany of ...", "denied that he had met John Kerry") is whom that act
would have concerned, not a party whose demand or claim is refused: it is no target.
"""

from __future__ import annotations

from pipeline.nlp.events.draft import Draft, lemma_in
from pipeline.nlp.events.vocabulary import ASSERTION_NOUNS, DENIAL_VERBS
from pipeline.nlp.records import Mention

# how the denied act hangs from the verb of denying: "denied that he had met X" (ccomp),
# "denied supplying weapons to X" (the gerund as object or open complement)
_ACT_DEPS = ("ccomp", "xcomp", "dobj")

# what a verb of rejecting says is rejected: its object, or its subject when passive
_REJECTED = ("dobj", "nsubjpass")


def _disputes_statement(draft: Draft) -> bool:
    verb = draft.token
    if verb.pos_ != "VERB":
        return False
    if lemma_in(verb, DENIAL_VERBS) and not any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in verb.children):
        return True  # "denied there was any intimidation", "denies breaking rules"; not "denied it"
    if any(c.dep_ == "ccomp" and not _wh_clause(c) for c in verb.children):
        return True  # "dismissed suggestions he was ...": the parser hangs the clause on the verb
    return any(c.dep_ in _REJECTED and lemma_in(c, ASSERTION_NOUNS) for c in verb.children)


def _wh_clause(clause) -> bool:
    """ "rejected what ministers called a final offer": a clause opened by "what"/"which"
    names the thing refused, not a statement disputed."""
    return any(t.tag_ in ("WP", "WDT") for t in clause.subtree if t.i < clause.i)


def _in_denied_act(draft: Draft, target: Mention) -> bool:
    """Whether the target is named inside the clause of the act denied ("denied supplying
    weapons to Hezbollah"), a verb hanging from the verb of denying."""
    for act in draft.token.children:
        if act.dep_ in _ACT_DEPS and act.pos_ in ("VERB", "AUX") and not _wh_clause(act):
            start, end = act.left_edge.idx, act.right_edge.idx + len(act.right_edge)
            if start <= target.char_start and target.char_end <= end:
                return True
    return False


def denied_statement(draft: Draft) -> bool:
    """ "Labour denies breaking rules", "dismissed the claims": a statement disputed, nobody
    refused. Targets named inside the denied act are dropped from the draft first."""
    if draft.event_type != "REJECT" or draft.participants or draft.mediators or not _disputes_statement(draft):
        return False
    if draft.targets:
        draft.targets = [t for t in draft.targets if not _in_denied_act(draft, t)]
    return not draft.targets
