"""Donations: "X gave $10m to Y" or "X sent doctors to Y" as aid.

"The European Union gave 3 million euros to Indonesia", "Canada contributed $40 million to
the relief effort", "the World Bank sent Kenya $5m": a verb of giving (events.yaml
giving_verbs) whose object is a sum of money (events.yaml donated_sums) handed to someone
- a "to" phrase or an indirect object - reports material aid (so does a sum given "with" to
the verb's object: "provided Israel with $3 billion in military aid"), read as the dictionary's
"fund" (PLOVER AID economic; the giver is the source, the recipient the target). Doctors or
rescuers sent to someone ("Cuba sent doctors to Indonesia"; event_senses.yaml
relief_workers) are humanitarian aid, read as "donate". A sum given "in aid" or "in loans"
is the aid noun's event already; a sum with no recipient ("it spent $5m", "gave $5m more")
is left alone, as are gifts of anything else, unless it is given "for" relief ("pledged
$500 million for tsunami relief", "for the victims"; events.yaml aid_purposes). A state or body that "helped" a state
("China helped Brazil build the satellite", "Britain helped Sri Lanka"; events.yaml
helping_verbs) assists it, read as "assist" (PLOVER AID), as does one that helps the relief
("helped the relief effort", "sent ships to help with relief efforts"); help to anyone but
a state ("the tax cut helped families", "helped Labour win") is no aid between political actors.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.draft import actor_at, crew_members, is_sum, lemma_in, pobjs, read_as
from pipeline.nlp.events.senses import load_senses
from pipeline.nlp.events.vocabulary import AID_PURPOSES, GIVING_VERBS, HELPING_VERBS
from pipeline.nlp.lexicons import EventTriggers, Trigger
from pipeline.nlp.syntax import MentionIndex


def donation_trigger(token: Token, lexicon: EventTriggers) -> tuple[Trigger, list[Token]] | None:
    """The dictionary's "fund" when a verb of giving hands a sum of money to a recipient,
    "donate" when it sends doctors or rescuers, with the verb as its words; else None."""
    if token.pos_ != "VERB" or not lemma_in(token, GIVING_VERBS):
        return None
    if _relief_purpose(token) is not None:
        return read_as(lexicon, "donate", token, [token])  # "sent two ships to Sri Lanka to help with relief"
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if len(objects) == 1 and _relief_workers(objects[0]) and names_recipient(token):
        if any(lexicon.noun(w) is not None for w in (objects[0].lemma_.lower(), objects[0].lower_)):
            return None  # "sent relief supplies to Indonesia": the noun's own event
        return read_as(lexicon, "donate", token, [token])  # "sent doctors to Indonesia"
    if len(objects) == 1 and not is_sum(objects[0]) and _gives_sum_with(token):
        return read_as(lexicon, "fund", token, [token])  # "provided Israel with $3 billion in military aid"
    if not any(is_sum(o) for o in objects) or not all(is_sum(o) or o.like_num for o in objects):
        return None  # "£15m" may parse as two objects, "15" and "m"
    if any(c.dep_ == "prep" and c.lower_ == "in" for o in objects for c in (*o.children, *token.children)):
        return None  # "sent £50m in aid": the aid noun reports it
    if not names_recipient(token) and not names_relief(token):
        return None
    return read_as(lexicon, "fund", token, [token])


def assistance_trigger(token: Token, lexicon: EventTriggers, index: MentionIndex) -> tuple[Trigger, list[Token]] | None:
    """The dictionary's "assist" when an actor helps a state (the verb's object, or the
    subject of the clause it helps along: "helped Brazil build"); else None."""
    if token.pos_ != "VERB" or not lemma_in(token, HELPING_VERBS):
        return None
    if _relief_purpose(token.head) == token:
        return None  # "sent ships to help with relief": the sending is the aid
    if _helps_relief(token):
        return read_as(lexicon, "assist", token, [token])  # "British Navy ships have helped the relief effort"
    helped = [c for c in token.children if c.dep_ == "dobj"]
    helped += [s for c in token.children if c.dep_ in ("ccomp", "xcomp") for s in c.children if s.dep_ == "nsubj"]
    if len(helped) != 1 or not any(m.entity_type == "COUNTRY" and m.kind != "pronoun" for m in index.all_at(helped[0])):
        return None
    if not any(actor_at(index, c) is not None for c in token.children if c.dep_ == "nsubj"):
        return None  # "economic migration helped the UK": no one gave anything
    return read_as(lexicon, "assist", token, [token])


def _gives_sum_with(verb: Token) -> bool:
    """ "provided Israel with $3 billion", "supplied Kenya with 5 million euros": the sum
    handed over is the verb's "with" object, the recipient its direct object."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "from":
        return False  # "barred banks from providing the firm with cash": kept from giving it
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(is_sum(p) for p in pobjs(c)) for c in verb.children)


def _relief_workers(noun: Token) -> bool:
    """ "doctors", "rescue teams", "20 relief workers", "a team of doctors": people sent to help."""
    words = load_senses().classes["relief_workers"]
    noun = crew_members(noun)  # "a team of 20 doctors": who the team is
    return noun.lemma_.lower() in words or any(
        c.dep_ == "compound" and c.lemma_.lower() in words for c in noun.children
    )


def _relief_purpose(verb: Token) -> Token | None:
    """The infinitive of helping the relief that a verb of giving or sending has as its
    purpose ("sent two naval ships to Sri Lanka to help with relief efforts"), or None."""
    if not lemma_in(verb, GIVING_VERBS):
        return None
    for clause in verb.children:
        purpose = clause.dep_ in ("xcomp", "advcl") and clause.tag_ == "VB"
        if purpose and lemma_in(clause, HELPING_VERBS) and _helps_relief(clause):
            return clause
    return None


def _helps_relief(verb: Token) -> bool:
    """ "British Navy ships have helped the relief effort", "sent two ships to help with relief
    efforts": help given to relief (events.yaml aid_purposes, the noun or a modifier of it, as
    the verb's object or its "with" phrase) is aid, whoever is relieved."""
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    nouns += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "in") for p in pobjs(c)]
    return any(relief_noun(noun) for noun in nouns)


def relief_noun(noun: Token) -> bool:
    """Whether the noun or its compound or adjective names relief (events.yaml aid_purposes),
    by lemma or surface: "relief", "tsunami relief", "the relief effort", "the victims"."""
    words = [noun, *(c for c in noun.children if c.dep_ in ("compound", "amod"))]
    return any(w.lemma_.lower() in AID_PURPOSES or w.lower_ in AID_PURPOSES for w in words)


def names_relief(verb: Token) -> bool:
    """Whether the verb gives its sum "for" relief (events.yaml aid_purposes): "pledged $500
    million for tsunami relief", "gave $5m for the victims", "for the relief effort"; the
    parser hangs the "for" phrase on the verb or on the sum."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in [*verb.children, *(c for o in objects for c in o.children)]:
        if prep.dep_ == "prep" and prep.lower_ == "for" and any(relief_noun(noun) for noun in pobjs(prep)):
            return True
    return False


def names_recipient(verb: Token) -> bool:
    """Whether the giving verb names whom the money goes to: "to Indonesia", "sent Kenya $5m"."""
    for child in verb.children:
        if child.dep_ in ("dative", "prep") and child.lower_ == "to" and pobjs(child):
            return True
        if child.dep_ == "dative" and child.pos_ in ("PROPN", "NOUN"):
            return True
    return False
