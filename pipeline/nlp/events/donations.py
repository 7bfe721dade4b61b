"""Donations: "X gave $10m to Y" as aid, when what is given is a sum of money.

"The European Union gave 3 million euros to Indonesia", "Canada contributed $40 million to
the relief effort", "the World Bank sent Kenya $5m": a verb of giving (events.yaml
giving_verbs) whose object is a sum of money (events.yaml donated_sums) handed to someone
- a "to" phrase or an indirect object - reports material aid, read as the dictionary's
"fund" (PLOVER AID economic; the giver is the source, the recipient the target). A sum
given "in aid" or "in loans" is the aid noun's event already; a sum with no recipient ("it
spent $5m", "gave $5m more") is left alone, as are gifts of anything but money.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.draft import lemma_in, pobjs, read_as
from pipeline.nlp.events.vocabulary import DONATED_SUMS, GIVING_VERBS
from pipeline.nlp.lexicons import EventTriggers, Trigger


def donation_trigger(token: Token, lexicon: EventTriggers) -> tuple[Trigger, list[Token]] | None:
    """The dictionary's "fund" when a verb of giving hands a sum of money to a recipient,
    with the verb as its words; else None."""
    if token.pos_ != "VERB" or not lemma_in(token, GIVING_VERBS):
        return None
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if not any(_is_sum(o) for o in objects) or not all(_is_sum(o) or o.like_num for o in objects):
        return None  # "£15m" may parse as two objects, "15" and "m"
    if any(c.dep_ == "prep" and c.lower_ == "in" for o in objects for c in (*o.children, *token.children)):
        return None  # "sent £50m in aid": the aid noun reports it
    if not names_recipient(token):
        return None
    return read_as(lexicon, "fund", token, [token])


def _is_sum(noun: Token) -> bool:
    """A noun phrase naming an amount of money: "3 million euros", "$40 million", "£15m"."""
    return lemma_in(noun, DONATED_SUMS) or noun.lower_ in DONATED_SUMS


def names_recipient(verb: Token) -> bool:
    """Whether the giving verb names whom the money goes to: "to Indonesia", "sent Kenya $5m"."""
    for child in verb.children:
        if child.dep_ in ("dative", "prep") and child.lower_ == "to" and pobjs(child):
            return True
        if child.dep_ == "dative" and child.pos_ in ("PROPN", "NOUN"):
            return True
    return False
