"""Appeals to the public are not REQUEST events.

PLOVER's REQUEST is one actor asking another to act, and a speech act is coded only with an
identifiable target (eval/GUIDE.md). "The spokesman urged people to put the comments into
context", "Mr Kennedy urged voters to back the Liberal Democrats", "the Countryside Alliance
called on hunt supporters to meet as normal": the one addressed (the object of "urged", the
"on" object of "called on") is the public or a crowd of its members (`public_nouns` in
`pipeline/knowledge/events.yaml`), advice or a campaign appeal, not a demand on an actor. A
draft that found an actor target keeps its event; an addressee the actors pass could not
resolve ("called on the prime minister to") is no public noun and keeps it too.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.draft import Draft, pobjs
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
