"""References: mentions that name someone only through the text around them.

Subject pronouns ("he said") and title references ("the Prime Minister") are linked to
the last compatible named person when that is unambiguous. Each reference points at the
named mention it stands for (`antecedent`). This module runs both readings in one pass in
text order, since each reference made is a candidate for the next pronoun; the readings
themselves live in `pronouns` and `titles`, the keys they share in `bodies`, and lower-case
"the government" in `governments`.
"""

from __future__ import annotations

from pipeline.nlp.mentions.bodies import affiliations, bodies_by_start, surname
from pipeline.nlp.mentions.context import Candidate, MentionContext, make_mention
from pipeline.nlp.mentions.pronouns import genders_by_name, pronoun_antecedent
from pipeline.nlp.mentions.titles import TITLE_DETERMINERS, holds, lead_posts, roles_by_name, title_reference
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import GENDERED_PRONOUNS, is_subject
from pipeline.nlp.token_view import view_of


def add_references(mc: MentionContext, mentions: list[Mention]) -> list[Mention]:
    """Subject pronouns and "the Prime Minister" linked back to a named person.

    References are made in text order, and each one made is itself a candidate for
    the next pronoun ("the cardinal said ... He added"), so a chain of references
    keeps the person in view; a pronoun resolved to someone also fixes that
    person's gender for the rest of the article."""
    persons = [m for m in mentions if m.entity_type == "PERSON" and m.kind == "name"]
    if not persons:
        return mentions
    genders = genders_by_name(mc, persons)
    roles = roles_by_name(mc, persons)
    lead_posts(mc, persons, roles)
    bodies = bodies_by_start(mc, mentions)
    parties = affiliations(mc, persons, mentions)
    taken = {i for m in mentions for i in range(m.char_start, m.char_end)}
    extra: list[Mention] = []
    untied: list[Mention] = []
    view = view_of(mc.doc)
    for i, lower in enumerate(view.lower):
        if lower not in GENDERED_PRONOUNS and lower not in TITLE_DETERMINERS:
            continue  # (a Token only for the words either reading starts from)
        token = mc.doc[i]
        if mc.section[token.i] not in ("body", "caption") or token.idx in taken:
            continue
        made = None
        if token.lower_ in GENDERED_PRONOUNS and is_subject(token):
            if mc.inside_quote(token.idx):
                continue
            candidates = sorted(persons + extra, key=lambda m: m.char_start)
            target = pronoun_antecedent(mc, token, candidates, genders, untied)
            if target is not None:
                made = _reference(mc, token.i, token.i + 1, "PRON", "pronoun", target)
                if made is not None:
                    genders.setdefault(surname(target.name), GENDERED_PRONOUNS[token.lower_])
        elif token.lower_ in TITLE_DETERMINERS and token.i + 1 < len(mc.doc):
            found = title_reference(mc, token, persons, roles, bodies, parties, extra)
            if found is not None:
                start, end, target = found
                made = (
                    _reference(mc, start, end, "ROLE", "title", target)
                    if isinstance(target, Mention)
                    else (_untied(mc, start, end, target))
                )
                if made is not None and isinstance(target, Mention):
                    holds(mc, roles, start, end, target)
        if made is not None and made.antecedent is not None:
            extra.append(made)
        elif made is not None:
            untied.append(made)  # not a pronoun's antecedent: resolution may drop it
    return sorted(mentions + extra + untied, key=lambda m: m.char_start)


def _untied(mc: MentionContext, start: int, end: int, role: str) -> Mention | None:
    """ "The chancellor said" in an article that names Gordon Brown without his post: a
    title reference with no antecedent, carrying the role. Entity resolution links it to
    the one person of the article the corpus gives that post, or drops it."""
    return make_mention(mc, Candidate(start, end, "ROLE", "PERSON", "title", role, 0, role=role))


def _reference(mc: MentionContext, start: int, end: int, label: str, kind: str, target: Mention) -> Mention | None:
    candidate = Candidate(start, end, label, "PERSON", kind, target.name, 0, role=None)
    antecedent = target.antecedent or target.mention_id
    return make_mention(mc, candidate, antecedent=antecedent)
