"""The body a named spokesperson speaks for: "Andrew Hogg, spokesman for the Medical
Foundation", "Mike Lake, a Yukos spokesman", "BAA spokesman Tony Smith".

A quote keeps its named speaker (eval/GUIDE.md: the speaker is whoever the text says spoke),
but a stance is the position of the party whose position it is: a spokesperson's words are
the body's (eval/GUIDE.md, "Who speaks for a body"). A spokesperson noun with a portfolio of
its own ("Liberal Democrat education spokesman Phil Willis", "home affairs spokesman") names
a politician speaking in their own right, who keeps the stance.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.nlp.names import may_name_one_person
from pipeline.nlp.records import Mention
from pipeline.nlp.stances.words import SPOKESPERSON_NOUNS
from pipeline.nlp.syntax import MentionIndex, mention_root

PRINCIPAL_TYPES = frozenset({"ORGANIZATION", "COUNTRY", "PERSON"})


def principal(doc: Doc, index: MentionIndex, by_id: dict[str, Mention], person: Mention) -> Mention | None:
    """The body a person speaks for, as introduced where the text names them ("Andrew Hogg,
    spokesman for the Medical Foundation … said Mr Hogg"): the person's mention, its
    antecedents, or an earlier mention that can be the same person (`names.may_name_one_person`:
    "Mr Hogg" is Andrew Hogg, but a John Hogg is someone else)."""
    seen: set[str] = set()
    mention: Mention | None = person
    while mention is not None and mention.mention_id not in seen:
        seen.add(mention.mention_id)
        found = principal_of(doc, index, mention)
        if found is not None:
            return found
        mention = by_id.get(mention.antecedent) if mention.antecedent else None
    for named in by_id.values():
        earlier = named.char_start < person.char_start
        if named.entity_type == "PERSON" and earlier and may_name_one_person(named.name, person.name):
            found = principal_of(doc, index, named)
            if found is not None:
                return found
    return None


def principal_of(doc: Doc, index: MentionIndex, person: Mention) -> Mention | None:
    """The body (or person) a named spokesperson speaks for, None when the person is none or
    speaks in their own right."""
    if person.entity_type != "PERSON":
        return None
    root = mention_root(doc, person)
    if root is None:
        return None
    for noun in _spokesperson_nouns(root):
        found = _principal(index, noun, person)
        if found is not None:
            return found
    return None


def _spokesperson_nouns(name: Token) -> list[Token]:
    """Spokesperson nouns describing a name: in apposition ("Mike Lake, a Yukos spokesman"),
    the name in apposition to one ("the spokesman, John Smith") or before it as a title
    ("BAA spokesman Tony Smith")."""
    near = [c for c in name.children if c.dep_ in ("appos", "compound")]
    if name.dep_ == "appos":
        near.append(name.head)
    return [t for t in near if t.lemma_.lower() in SPOKESPERSON_NOUNS or t.lower_ in SPOKESPERSON_NOUNS]


def _principal(index: MentionIndex, noun: Token, person: Mention) -> Mention | None:
    found: Mention | None = None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "for":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            named = index.at(pobj) if pobj is not None else None
            if named is None:
                return None
            found = found or named
        elif child.dep_ in ("compound", "nmod", "poss", "amod"):
            named = index.at(child)
            if named is None or named.mention_id == person.mention_id:
                return None  # a portfolio ("education spokesman"): a politician in their own right
            found = found or named
    if found is None or found.kind != "name" or found.entity_type not in PRINCIPAL_TYPES:
        return None
    return found
