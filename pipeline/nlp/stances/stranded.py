"""A topic the parser hung on the verb instead of its object: in "he opposed the ban on
hunting" the "on hunting" may attach to "opposed", and the object's label then loses what the
ban is on ("ban"). An "on" phrase right after a common-noun object belongs to that object
("ban on hunting", "tax on flights", "limits on immigration"), and so does an "into" phrase,
which no stance verb takes ("opposes the encroachment of the market into the NHS",
"welcomed an inquiry into the crash"); after an actor it is the
grounds ("criticised the government on its plans", read by `verbs._grounds_targets`), and a
date or time ("on Monday") is neither. A "for" phrase with a gerund and its object after a
policy noun (`policy_nouns`) is what the proposal is ("slammed Tory proposals for cutting
public spending"); after other nouns "for" gives the grounds ("criticised the bill for its
cost"). The same holds for a stance noun ("Labour's opposition to the ban on smoking in
pubs": "on smoking" hung on "opposition").
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.stances.phrases import TIME_ENTITIES
from pipeline.nlp.stances.words import POLICY_NOUNS

TOPIC_PREPOSITIONS = frozenset({"on", "into"})
CONTENT_PREPOSITIONS = frozenset({"for"})  # only after a policy noun, only with a gerund and its object


_TOPIC_PREPOSITIONS_OR_CONTENT_PREPOSITIONS = TOPIC_PREPOSITIONS | CONTENT_PREPOSITIONS


def stranded_topic(host: Token, obj: Token) -> Token | None:
    """The "on" or "into" (or, after a policy noun, "for" + gerund) preposition of the verb or stance
    noun `host` that directly follows its common-noun object, when the object has none of its
    own and the preposition's object is no date or time."""
    if obj.pos_ != "NOUN" or obj.ent_type_:
        return None
    policy = obj.lemma_.lower() in POLICY_NOUNS
    allowed = _TOPIC_PREPOSITIONS_OR_CONTENT_PREPOSITIONS if policy else TOPIC_PREPOSITIONS
    if any(c.dep_ == "prep" and c.lower_ in allowed for c in obj.children):
        return None
    for prep in host.children:
        if prep.dep_ != "prep" or prep.lower_ not in allowed or prep.i != obj.right_edge.i + 1:
            continue
        pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is None or pobj.ent_type_ in TIME_ENTITIES or pobj.pos_ == "PRON":
            return None
        if prep.lower_ in CONTENT_PREPOSITIONS and not _gerund_with_object(pobj):
            return None
        return prep
    return None


def topic_words(topic: Token) -> str:
    """The stranded phrase as label words: less quote marks, punctuation and determiners."""
    return " ".join(t.text for t in topic.subtree if not (t.is_quote or t.is_punct or t.dep_ in ("det", "predet")))


def _gerund_with_object(word: Token) -> bool:
    return word.tag_ == "VBG" and any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in word.children)
