"""A topic the parser hung on the verb instead of its object: in "he opposed the ban on
hunting" the "on hunting" may attach to "opposed", and the object's label then loses what the
ban is on ("ban"). An "on" phrase right after a common-noun object belongs to that object
("ban on hunting", "tax on flights", "limits on immigration"); after an actor it is the
grounds ("criticised the government on its plans", read by `verbs._grounds_targets`), and a
date or time ("on Monday") is neither.
"""

from __future__ import annotations

from spacy.tokens import Token

TOPIC_PREPOSITIONS = frozenset({"on"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})


def stranded_topic(verb: Token, dobj: Token) -> Token | None:
    """The "on" preposition of the verb that directly follows its common-noun object, when
    the object has none of its own and the preposition's object is no date or time."""
    if dobj.pos_ != "NOUN" or dobj.ent_type_:
        return None
    if any(c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS for c in dobj.children):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in TOPIC_PREPOSITIONS or prep.i != dobj.right_edge.i + 1:
            continue
        pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is None or pobj.ent_type_ in TIME_ENTITIES or pobj.pos_ == "PRON":
            return None
        return prep
    return None
