"""Pronoun references: the named person a subject pronoun ("he said") stands for.

A pronoun is tied only when the text leaves one compatible person in view: of its
gender (from an honorific, a gendered title or the given name), outside quotes, not a
modifier of another noun, and not someone its own clause speaks about. The clause tests
(`is_modifier`, `names_a_post`, `is_clause_subject`) also decide which named person a
title reference falls back on (`titles`), so they live here, once.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.mentions.bodies import person_keys, surname
from pipeline.nlp.mentions.context import MentionContext
from pipeline.nlp.mentions.vocabulary import GENDERED_TITLES, HONORIFICS
from pipeline.nlp.names import given_name_gender
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import GENDERED_PRONOUNS, is_subject, mention_root
from pipeline.nlp.token_view import view_of

# How far back (sentences) a subject pronoun still reaches its antecedent when no other person
# of its gender is named in between: BBC copy runs "He said ..." paragraphs long after the name.
LONE_PERSON_SENTENCES = 6


def genders_by_name(mc: MentionContext, persons: list[Mention]) -> dict[str, str]:
    """Gender per surname, from an honorific ("Mrs Clinton"), a gendered title just before
    the name ("Lib Dem spokesman Mark Oaten") or the given name ("Rachel Harvey")."""
    genders: dict[str, str] = {}
    for m in persons:
        first = m.surface.split()[0].lower()
        gender = HONORIFICS.get(first) or _title_gender(mc, m) or given_name_gender(m.name)
        if gender:
            for key in person_keys(m.name):
                genders.setdefault(key, gender)
    return genders


def _title_gender(mc: MentionContext, m: Mention) -> str | None:
    """ "spokesman Mark Oaten" or "Mark Oaten, Liberal Democrat home affairs spokesman,"."""
    doc, view = mc.doc, view_of(mc.doc)
    tokens = view.token_range(m.char_start, m.char_end)
    if tokens is None:
        return None
    start, end = tokens
    for k in reversed(range(max(0, start - 4), start)):
        if view.lower[k] in GENDERED_TITLES:
            return GENDERED_TITLES[view.lower[k]]
        if not (view.lower[k] in mc.role_words or view.ent_type[k] or view.is_title[k]):
            break
    if end < len(doc) and view.text[end] == ",":
        for t in doc[end + 1 : end + 8]:
            if t.lower_ in GENDERED_TITLES:
                return GENDERED_TITLES[t.lower_]
            if t.is_punct or t.pos_ == "VERB":
                break
    return None


def pronoun_antecedent(
    mc: MentionContext,
    token: Token,
    persons: list[Mention],
    genders: dict[str, str],
    posts: list[Mention] = (),
) -> Mention | None:
    """The named person a subject pronoun stands for, or None when unclear. `posts` are the
    untied title references before it ("the prime minister" in a story that names Tony Blair
    without his post): no antecedent themselves, but someone else a "he" may mean."""
    sentence = mc.ctx.sentence_at(token.idx)
    if sentence is None:
        return None
    wanted = GENDERED_PRONOUNS[token.lower_]
    within = [
        m
        for m in persons
        if m.char_start < token.idx
        and sentence.sentence_id - m.sentence_id <= LONE_PERSON_SENTENCES  # the cheap tests first
        and not is_modifier(mc, m)
        and not mc.inside_speech(m.char_start)
        and genders.get(surname(m.name), wanted) == wanted
        and not (m.sentence_id == sentence.sentence_id and _in_own_clause(mc, m, token))
    ]
    compatible = [m for m in within if sentence.sentence_id - m.sentence_id <= 2]
    if not compatible:
        # "He also criticised attempts to ...", paragraphs after the name: the one person
        # of that gender the last few sentences name is still who "he" means, when no one
        # else (of any gender, in a quote or not) is named in the last two sentences
        if len({surname(m.name) for m in within}) != 1:
            return None
        lone = surname(within[-1].name)
        others = [
            m
            for m in persons
            if m.char_start < token.idx and sentence.sentence_id - m.sentence_id <= 2 and surname(m.name) != lone
        ]
        # an untied post named since ("… his chancellor Gordon Brown … the prime minister
        # talked about …"): someone else "he" may mean
        since = [m for m in posts if within[-1].char_start < m.char_start < token.idx]
        return None if others or since else within[-1]
    same = [m for m in compatible if m.sentence_id == sentence.sentence_id]
    if same:
        verb = token.head
        shared = _conjunct_subject(mc, token, persons, genders, same)
        if shared is not None:
            return shared
        # "Blair promised Brown he would stand down": the speaker of the governing verb.
        if verb.dep_ in ("ccomp", "xcomp"):
            for subject in (c for c in verb.head.children if is_subject(c)):
                for m in same:
                    if m.char_start <= subject.idx < m.char_end:
                        return m
        return same[-1]
    last_sentence = max(m.sentence_id for m in compatible)
    recent = [m for m in compatible if m.sentence_id == last_sentence]
    people = {surname(m.name) for m in recent}
    if len(people) == 1:
        return None if _post_subject_since(mc, token, recent[-1], posts) else recent[-1]
    subjects = [m for m in recent if is_clause_subject(mc, m)]
    if len({surname(m.name) for m in subjects}) == 1:
        return subjects[-1]
    return None


def _post_subject_since(mc: MentionContext, pronoun: Token, named: Mention, posts: list[Mention]) -> bool:
    """ "The prime minister is trying to draw a line under … his relationship with Gordon
    Brown … He is saying …": an untied post as a clause's subject in the sentence of the
    name, or after it, while the name is no subject, leaves "he" unclear."""
    if is_clause_subject(mc, named):
        return False
    return any(
        named.sentence_id <= m.sentence_id and m.char_start < pronoun.idx and is_clause_subject(mc, m)
        for m in posts
    )


def _conjunct_subject(
    mc: MentionContext, pronoun: Token, persons: list[Mention], genders: dict[str, str], same: list[Mention]
) -> Mention | None:
    """ "Mr Howard said he would not meet Mr Blair and he accused him of lying": the subject
    pronoun of a conjoined clause, the same pronoun as the first clause's subject, means who
    that subject means, not the last name before it (the first clause's object)."""
    verb = pronoun.head
    if verb.dep_ != "conj" or not is_subject(pronoun):
        return None
    for subject in (c for c in verb.head.children if is_subject(c)):
        if mc.inside_quote(subject.idx):
            return None  # '"... he has agreed," he said': the quoted clause is someone else's
        if subject.lower_ == pronoun.lower_:
            return pronoun_antecedent(mc, subject, persons, genders)
        return next((m for m in same if m.char_start <= subject.idx < m.char_end), None)
    return None


def _in_own_clause(mc: MentionContext, m: Mention, pronoun: Token) -> bool:
    """A name inside the pronoun's own clause, other than as a subject, is not what the
    pronoun means: "Speaking on Breakfast with Frost, he said" is not Frost. Nor is the
    subject of the clause the pronoun's verb reports: "Tony Blair would be in the front
    line, he said" is someone else speaking about Blair (the same person would be "He would
    be …, Mr Blair said")."""
    root = mention_root(mc.doc, m)
    if root is None:
        return False
    verb = pronoun.head
    if is_subject(root):
        clause = root.head
        return clause.dep_ == "ccomp" and clause.head.i == verb.i and clause.i < pronoun.i
    return root.i != verb.i and any(t.i == root.i for t in verb.subtree)


def is_modifier(mc: MentionContext, m: Mention) -> bool:
    """A name used to qualify something else ("the Attlee government") is no antecedent."""
    root = mention_root(mc.doc, m)
    return root is not None and root.dep_ in ("compound", "amod")


def names_a_post(mc: MentionContext, m: Mention) -> bool:
    """ "Frank Field MP": a name modifying the post its holder is written with (after it:
    a root's head lies outside the name, so one after the root is after the name)."""
    root = mention_root(mc.doc, m)
    return root is not None and root.head.lower_ in mc.role_words and root.head.i > root.i


def is_clause_subject(mc: MentionContext, m: Mention) -> bool:
    """Subject of its clause; a name heading a fragment the parser left as ROOT
    ("Trevor Phillips, chairman of ..., called on Mr Clarke") counts too."""
    root = mention_root(mc.doc, m)
    return root is not None and (is_subject(root) or root.dep_ == "ROOT" and root.pos_ == "PROPN")
