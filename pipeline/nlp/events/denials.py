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
"""

from __future__ import annotations

from pipeline.nlp.events.draft import Draft, lemma_in
from pipeline.nlp.events.vocabulary import ASSERTION_NOUNS, DENIAL_VERBS

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


def denied_statement(draft: Draft) -> bool:
    """ "Labour denies breaking rules", "dismissed the claims": a statement disputed, nobody refused."""
    if draft.event_type != "REJECT" or draft.targets or draft.participants or draft.mediators:
        return False
    return _disputes_statement(draft)
