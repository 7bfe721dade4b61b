"""Appeals to the public are not REQUEST events.

PLOVER's REQUEST is one actor asking another to act, and a speech act is coded only with an
identifiable target (eval/GUIDE.md). "The spokesman urged people to put the comments into
context", "Mr Kennedy urged voters to back the Liberal Democrats", "the Countryside Alliance
called on hunt supporters to meet as normal": the one addressed (the object of "urged", the
"on" object of "called on") is the public or a crowd of its members (`public_nouns` in
`pipeline/knowledge/events.yaml`), advice or a campaign appeal, not a demand on an actor. A
draft that found an actor target keeps its event; an addressee the actors pass could not
resolve ("called on the prime minister to") is no public noun and keeps it too.

A demand addressed to no one at all is a policy proposal (eval/GUIDE.md: "a domestic policy
proposal ... is a quote/stance, not an event"): "the MPs also call for tougher sentences",
"Acpo made its call for stronger closure powers", "he urged a limit on the number of
quangos", and "Pressed on incapacity benefits, he said" (the one pressed is the subject).
It stays an event when someone is addressed though the actors pass could not name them
("urged the information commissioner to", "calling for him to apologise", "a demand for
Turkey to recognise Cyprus"), and when a government makes it (`draft.governs`: "Armenia's
foreign ministry called for the immediate opening of the corridor" asks the other side).
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.draft import Draft, EventContext, governs, pobjs
from pipeline.nlp.events.vocabulary import PUBLIC_NOUNS


def _addressees(draft: Draft) -> list[Token]:
    """The verb's object, or the object of its phrase's own preposition ("called on X")."""
    verb = draft.token
    found = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in verb.children:
        if prep.dep_ in ("prep", "prt") and prep in draft.words:
            found += pobjs(prep)  # "called on X": the parser makes "on" a preposition or a particle
    return found


def public_appeal(draft: Draft) -> bool:
    """ "urged people to ...", "called on supporters to ...": a request of the public."""
    if draft.event_type != "REQUEST" or draft.targets or draft.participants or draft.token.pos_ != "VERB":
        return False
    addressees = _addressees(draft)
    return bool(addressees) and all(a.lemma_.lower() in PUBLIC_NOUNS or a.lower_ in PUBLIC_NOUNS for a in addressees)


def _asked_clause(clause: Token) -> bool:
    """An active "for X to ..." clause: X is asked to act ("calling for him to apologise"); a
    passive one names who is to be given something ("for the inspectors to be given more time")."""
    if clause.dep_ not in ("advcl", "xcomp", "ccomp"):
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
        return False
    return not any(c.dep_ in ("auxpass", "nsubjpass") for c in clause.children)


def _named_addressee(word: Token) -> bool:
    """Someone the demand is made of: the object told to act ("urged the commissioner to look
    at ...", not "urged a limit"), an active "for X to ..." clause ("calling for him to
    apologise"), or a person, body or pronoun after "for"/"on" ("a demand for Turkey to
    recognise")."""
    objects = [c for c in word.children if c.dep_ in ("dobj", "dative")]
    if any(o.pos_ in ("PROPN", "PRON") for o in objects):
        return True
    if objects and any(c.dep_ == "xcomp" for c in word.children):
        return True
    for child in word.children:
        if _asked_clause(child):
            return True
        named = child.dep_ == "prep" and child.lower_ in ("for", "on")
        if named and any(o.pos_ in ("PROPN", "PRON") for o in pobjs(child)):
            return True
    return False


def unaddressed_demand(draft: Draft, ec: EventContext) -> bool:
    """ "The MPs also call for tougher sentences": a demand made of no one, by no government."""
    if draft.event_type != "REQUEST" or draft.targets or draft.participants or draft.mediators:
        return False
    if any(governs(m, ec) for m in draft.sources):
        return False
    return not any(_named_addressee(w) for w in [draft.token, *draft.words])
