"""The unnamed actor of a news lead: "A chief constable has backed the introduction of 24-hour
drinking … Norfolk chief constable Andy Hayman also warned …", "The UK's biggest civil
service union is to ballot … The Public and Commercial Services Union will …".

BBC-style reports open with a description and name its bearer in the sentences right after.
A subject of the lead (the first body sentence) that names no one itself, a common noun with
"a"/"an", a possessor or a superlative ("the UK's biggest … union"), is the first person or
body named in the next LEAD_REACH sentences whose role or name holds the subject's noun
("constable" in the role "chief constable", "union" in "… Services Union"). Limits: a bearer
named with another word ("police chief") is found only for an office only a person holds
(`lead_person_nouns`: "A former Home Office minister has called for … Barbara Roche said"),
as the first person named next; a lead about one actor whose next sentences name another
bearer of the noun, or first name another person, is read as that one.

A committee's report is told the same way with its members for the body: "… will be caused
by government plans, MPs have warned. … the Environmental Audit Committee said." A bare
plural of a member noun (`committee_member_nouns`: "MPs", "the MPs", nothing else before it)
that is a subject of the lead is the committee (a name ending in `committee_body_heads` or
`committee_heads`) the next LEAD_REACH sentences have as a subject, and so is every later
bare "MPs" of the article (`lead_committee`): the article reports that committee's findings.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.mentions.vocabulary import COMMITTEE_HEADS
from pipeline.nlp.quotes.cues import COMMITTEE_BODY_HEADS, COMMITTEE_MEMBER_NOUNS
from pipeline.nlp.records import ArticleContext, Mention
from pipeline.nlp.stances.words import LEAD_PERSON_NOUNS
from pipeline.nlp.syntax import MentionIndex

LEAD_REACH = 2  # sentences after the lead where its actor is named
BEARER_TYPES = frozenset({"PERSON", "ORGANIZATION"})
INDEFINITE = frozenset({"a", "an"})


def lead_actor(ctx: ArticleContext, index: MentionIndex, subject: Token) -> Mention | None:
    """The bearer named after the lead of a description that is the lead's subject, or None."""
    if subject.pos_ not in ("NOUN", "PROPN") or subject.dep_ not in ("nsubj", "nsubjpass") or not _described(subject):
        return None
    body = [s for s in ctx.sentences if s.section == "body"]
    if not body or not body[0].char_start <= subject.idx < body[0].char_end:
        return None
    noun = subject.lemma_.lower()
    reach = {s.sentence_id for s in body[1 : 1 + LEAD_REACH]}
    named = [
        m for m in index.mentions
        if m.sentence_id in reach and m.entity_type in BEARER_TYPES and m.kind == "name"
    ]
    for mention in named:
        if noun in f"{mention.role or ''} {mention.name}".lower().split() or noun in _described_by(ctx, mention):
            return mention
    if noun in LEAD_PERSON_NOUNS and _indefinite(subject):
        # "A former Home Office minister has called for … Barbara Roche said …": an office only
        # a person holds, introduced with "a", is the first person named next, not named in the
        # lead itself, and introduced with no noun or with an office of its own ("Norfolk police
        # chief Andy Hayman"), not with a calling that is no office ("Health campaigner John Smith")
        in_lead = {m.name for m in index.mentions if m.sentence_id == body[0].sentence_id}
        person = next((m for m in named if m.entity_type == "PERSON" and m.name not in in_lead), None)
        if person is not None:
            nouns = _described_by(ctx, person) | set((person.role or "").lower().split())
            if not nouns or nouns & LEAD_PERSON_NOUNS:
                return person
    return None


def lead_committee(ctx: ArticleContext, index: MentionIndex, noun: Token) -> Mention | None:
    """The committee a bare "MPs" stands for when the lead's bare "MPs" are the committee
    named as a subject right after the lead (module docstring), or None."""
    if not _bare_members(noun):
        return None
    body = [s for s in ctx.sentences if s.section == "body"]
    if not body or noun.idx < body[0].char_start:
        return None
    lead = ctx.doc.char_span(body[0].char_start, body[0].char_end, alignment_mode="expand")
    word = _member_word(noun)
    if lead is None or not any(
        t.dep_ in ("nsubj", "nsubjpass") and _bare_members(t) and _member_word(t) == word for t in lead
    ):
        return None
    reach = {s.sentence_id for s in body[1 : 1 + LEAD_REACH]}
    for mention in sorted(index.mentions, key=lambda m: m.char_start):
        if mention.sentence_id not in reach or mention.entity_type != "ORGANIZATION" or mention.kind != "name":
            continue
        head = mention.name.lower().split()[-1] if mention.name.split() else ""
        if head not in COMMITTEE_BODY_HEADS and head not in COMMITTEE_HEADS:
            continue
        span = ctx.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
        if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
            return mention
    return None


def _acronym_plural(noun: Token) -> bool:
    """ "MPs", "MEPs": an abbreviation in capitals with a plural "s"."""
    return noun.text.endswith("s") and noun.text[:-1].isupper() and len(noun.text) > 2


def _member_word(noun: Token) -> str:
    """The member noun of "MPs" (the abbreviation without its "s") or "peers" (the lemma)."""
    return noun.text[:-1].lower() if _acronym_plural(noun) else noun.lemma_.lower()


def _bare_members(noun: Token) -> bool:
    """ "MPs", "the MPs": a plural member noun with nothing but "the" before it and no
    preposition after it ("Labour MPs", "MPs from all parties" are some MPs, not a committee)."""
    if noun.tag_ not in ("NNS", "NNPS") and not _acronym_plural(noun):
        return False
    if _member_word(noun) not in COMMITTEE_MEMBER_NOUNS:
        return False
    if any(t.lower_ != "the" for t in noun.lefts):
        return False
    return not any(c.dep_ in ("prep", "conj") for c in noun.rights)


def _described_by(ctx: ArticleContext, mention: Mention) -> set[str]:
    """The nouns a name is introduced with: before it ("Norfolk chief constable Andy Hayman")
    or in apposition ("Robert Jackson, MP for Wantage"), as lemmas."""
    span = ctx.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
    if span is None:
        return set()
    root = span.root
    described = [c for c in root.children if c.dep_ in ("compound", "amod", "nmod") and c.i < span.start]
    described += [c for c in root.children if c.dep_ == "appos"]
    return {t.lemma_.lower() for c in described for t in c.subtree if t.pos_ in ("NOUN", "PROPN")}


def _indefinite(subject: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in subject.children)


def _described(subject: Token) -> bool:
    """ "A chief constable", "the UK's biggest civil service union": a description that
    introduces someone, not one that takes someone up ("the union")."""
    for child in subject.children:
        if child.dep_ == "det" and child.lower_ in INDEFINITE:
            return True
        if child.dep_ == "poss" or child.dep_ == "amod" and child.tag_ == "JJS":
            return True
    return False
