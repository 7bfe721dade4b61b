"""Appeals to the public are not REQUEST events.

PLOVER's REQUEST is one actor asking another to act, and a speech act is coded only with an
identifiable target (eval/GUIDE.md). "The spokesman urged people to put the comments into
context", "Mr Kennedy urged voters to back the Liberal Democrats", "the Countryside Alliance
called on hunt supporters to meet as normal": the one addressed (the object of "urged", the
"on" object of "called on") is the public or a crowd of its members (`public_nouns` in
`pipeline/knowledge/events.yaml`), advice or a campaign appeal, not a demand on an actor. A
draft that found an actor target keeps its event; an addressee the actors pass could not
resolve ("called on the prime minister to") is no public noun and keeps it too.

A demand verb addressed to no one at all is a policy proposal (eval/GUIDE.md: "a domestic
policy proposal ... is a quote/stance, not an event"): "he urged a limit on the number of
quangos", "insisting on improved standards of literacy", and "Pressed on incapacity
benefits, he said" (the one pressed is the subject). A call or appeal "for" something
("called for a Europe-wide policy", "reiterated calls for the publication") is REQUEST by
the guide's own rule and stays, as does a recommendation (`filters.lone_recommendation`).
It stays an event when someone is addressed though the actors pass could not name them
("urged the information commissioner to look at", "called upon neighbouring countries to
stop"), and when a government makes it (`draft.governs`).
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.draft import Draft, EventContext, governs, lemma_in, pobjs
from pipeline.nlp.events.vocabulary import PUBLIC_NOUNS
from pipeline.nlp.syntax import fronted_participle, has_to_marker


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


# a recommendation to no one is judged by who makes it (`filters.lone_recommendation`)
_DEMAND_FOR = frozenset({"recommend"})


def _for_clause(clause: Token) -> bool:
    """A "for X to ..." clause ("calling for him to apologise", "appealed for the inspectors
    to be given more time"): a call for something, which the guide codes as REQUEST."""
    return clause.dep_ in ("advcl", "xcomp", "ccomp") and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in clause.children
    )


def _infinitive(word: Token) -> bool:
    """The verb has an infinitive clause ("urged X to look", "called upon X to stop")."""
    return any(
        c.dep_ in ("xcomp", "advcl") and has_to_marker(c)
        for c in word.children
    )


def _named_addressee(word: Token) -> bool:
    """Someone the demand is made of: a named or pronoun object, an object told to act ("urged
    the commissioner to look at ...", not "urged a limit"), or the "on"/"upon" object of
    a call or appeal ("called upon neighbouring countries to stop", "appealed to the kidnappers to
    free", "pleaded with X to", not "insisting on standards")."""
    objects = [c for c in word.children if c.dep_ in ("dobj", "dative")]
    if any(o.pos_ in ("PROPN", "PRON") for o in objects):
        return True
    if objects and _infinitive(word):
        return True
    for child in word.children:
        if child.dep_ in ("prep", "prt") and child.lower_ in ("on", "upon", "to", "with"):
            named = [o for o in pobjs(child) if o.pos_ in ("PROPN", "PRON")]
            if named or (pobjs(child) and _infinitive(word)):
                return True  # "called upon neighbouring countries to stop ...", not "insisting on standards"
    return False


def unaddressed_demand(draft: Draft, ec: EventContext) -> bool:
    """ "He urged a limit on the number of quangos": a demand made of no one, by no government."""
    if draft.event_type != "REQUEST" or draft.participants or draft.mediators:
        return False
    if fronted_participle(draft.token) and not draft.sources:
        return True  # "Pressed on incapacity benefits, he said": an interviewer's question to him
    if draft.targets:
        return False
    if any(governs(m, ec) for m in draft.sources) or lemma_in(draft.token, _DEMAND_FOR):
        return False
    words = [draft.token, *draft.words]
    if any(w.lower_ == "for" or _for_clause(w) for word in words for w in [word, *word.children]):
        return False  # "called for a Europe-wide policy": a call or appeal for something (GUIDE: REQUEST)
    return not any(_named_addressee(w) for w in words)
