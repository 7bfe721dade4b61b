"""References: mentions that name someone only through the text around them.

Subject pronouns ("he said") and title references ("the Prime Minister") are linked to
the last compatible named person when that is unambiguous, and lower-case "the
government" to the article's dominant country. Each reference points at the named
mention it stands for (`antecedent`).
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.mentions.context import Candidate, MentionContext, make_mention
from pipeline.nlp.mentions.people import is_bare_title, title_words
from pipeline.nlp.mentions.vocabulary import HONORIFICS, SUBORDINATE_WORDS, TITLE_MODIFIERS
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import GENDERED_PRONOUNS, is_subject


def national_government(mc: MentionContext, mentions: list[Mention]) -> list[Mention]:
    """Lowercase "the government" is the article's country when one country clearly
    dominates it: named most (the country itself, or a national party, ministry or office
    of it), at least twice, twice as often as any other, and named as a government's
    country (a party, ministry or office of it) or as the only country the article names
    (a business story about South Korean banks: "asked the government to mediate").
    Bare lower-case "ministers" ("praised ministers for") are that government too."""
    counts: dict[str, int] = {}
    governing: set[str] = set()
    for m in mentions:
        if m.entity_type == "COUNTRY" and m.gazetteer_id and m.gazetteer_id.startswith("country:"):
            counts[m.gazetteer_id] = counts.get(m.gazetteer_id, 0) + 1
        elif m.entity_type == "ORGANIZATION" and m.gazetteer_id and m.country_iso3:
            # a national party, ministry or office counts for its country too: a BBC
            # politics story names Labour and the Home Office far more than Britain
            key = f"country:{m.country_iso3}"
            governing.add(key)
            counts[key] = counts.get(key, 0) + 1
    if not counts:
        return mentions
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if n < 2 or n < 2 * second or (top not in governing and second):
        return mentions
    country = mc.gaz.entries[top]
    taken = {m.char_start for m in mentions}
    doc, extra = mc.doc, []
    for token in doc:
        if token.idx in taken:
            continue
        if token.text == "ministers" and _bare_ministers(token):
            pass  # "urged ministers to act": the government's ministers, acting for it
        elif token.text != "government" or token.i == 0 or doc[token.i - 1].lower_ != "the":
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and (nxt.lower_ == "of" or nxt.pos_ == "PROPN" or nxt.tag_.startswith("NN")):
            continue  # "the government of Iraq", "the government bill"
        if not mc.in_sections(token.i, token.i + 1):
            continue
        c = Candidate(
            token.i, token.i + 1, "ORG", "COUNTRY", "metonym", country.name, 0, top, country_iso3=country.country_iso3
        )
        m = make_mention(mc, c)
        if m is not None:
            extra.append(m)
    return sorted(mentions + extra, key=lambda m: m.char_start)


def _bare_ministers(token: Token) -> bool:
    """Lower-case "ministers" with nothing naming whose they are ("Labour ministers",
    "EU foreign ministers", "ministers from both countries" name someone else's)."""
    for child in token.children:
        if child.dep_ == "det" and child.lower_ in ("the",):
            continue
        if child.dep_ == "amod" and child.lower_ in ("senior", "junior"):
            continue
        return False
    previous = token.doc[token.i - 1] if token.i else None
    return previous is None or previous.tag_ != "POS"


def add_references(mc: MentionContext, mentions: list[Mention]) -> list[Mention]:
    """Subject pronouns and "the Prime Minister" linked back to a named person.

    References are made in text order, and each one made is itself a candidate for
    the next pronoun ("the cardinal said ... He added"), so a chain of references
    keeps the person in view; a pronoun resolved to someone also fixes that
    person's gender for the rest of the article."""
    persons = [m for m in mentions if m.entity_type == "PERSON" and m.kind == "name"]
    if not persons:
        return mentions
    genders = _genders(mc, persons)
    roles = _roles_by_name(mc, persons)
    taken = {i for m in mentions for i in range(m.char_start, m.char_end)}
    extra: list[Mention] = []
    for token in mc.doc:
        if mc.section[token.i] not in ("body", "caption") or token.idx in taken:
            continue
        made = None
        if token.lower_ in GENDERED_PRONOUNS and is_subject(token):
            if mc.inside_quote(token.idx):
                continue
            candidates = sorted(persons + extra, key=lambda m: m.char_start)
            target = _pronoun_antecedent(mc, token, candidates, genders)
            if target is not None:
                made = _reference(mc, token.i, token.i + 1, "PRON", "pronoun", target)
                if made is not None:
                    genders.setdefault(_surname(target.name), GENDERED_PRONOUNS[token.lower_])
        elif token.lower_ == "the" and token.i + 1 < len(mc.doc):
            found = _title_reference(mc, token, persons, roles)
            if found is not None:
                start, end, target = found
                made = _reference(mc, start, end, "ROLE", "title", target)
        if made is not None:
            extra.append(made)
    return sorted(mentions + extra, key=lambda m: m.char_start)


def _reference(mc: MentionContext, start: int, end: int, label: str, kind: str, target: Mention) -> Mention | None:
    candidate = Candidate(start, end, label, "PERSON", kind, target.name, 0, role=None)
    antecedent = target.antecedent or target.mention_id
    return make_mention(mc, candidate, antecedent=antecedent)


def _genders(mc: MentionContext, persons: list[Mention]) -> dict[str, str]:
    genders: dict[str, str] = {}
    for m in persons:
        first = m.surface.split()[0].lower()
        gender = HONORIFICS.get(first)
        if gender:
            for key in _person_keys(m.name):
                genders.setdefault(key, gender)
    return genders


def _roles_by_name(mc: MentionContext, persons: list[Mention]) -> dict[str, set[str]]:
    """Roles per person in this article, keyed by surname."""
    roles: dict[str, set[str]] = {}
    for m in persons:
        if m.role:
            roles.setdefault(_surname(m.name), set()).add(m.role)
    return roles


def _pronoun_antecedent(
    mc: MentionContext, token: Token, persons: list[Mention], genders: dict[str, str]
) -> Mention | None:
    sentence = mc.ctx.sentence_at(token.idx)
    if sentence is None:
        return None
    wanted = GENDERED_PRONOUNS[token.lower_]
    compatible = [
        m
        for m in persons
        if m.char_start < token.idx
        and not _is_modifier(mc, m)
        and sentence.sentence_id - m.sentence_id <= 2
        and not mc.inside_quote(m.char_start)
        and genders.get(_surname(m.name), wanted) == wanted
        and not (m.sentence_id == sentence.sentence_id and _in_own_clause(mc, m, token))
    ]
    if not compatible:
        return None
    same = [m for m in compatible if m.sentence_id == sentence.sentence_id]
    if same:
        # "Blair promised Brown he would stand down": the speaker of the governing verb.
        verb = token.head
        if verb.dep_ in ("ccomp", "xcomp"):
            for subject in (c for c in verb.head.children if is_subject(c)):
                for m in same:
                    if m.char_start <= subject.idx < m.char_end:
                        return m
        return same[-1]
    last_sentence = max(m.sentence_id for m in compatible)
    recent = [m for m in compatible if m.sentence_id == last_sentence]
    people = {_surname(m.name) for m in recent}
    if len(people) == 1:
        return recent[-1]
    subjects = [m for m in recent if _is_clause_subject(mc, m)]
    if len({_surname(m.name) for m in subjects}) == 1:
        return subjects[-1]
    return None


def _in_own_clause(mc: MentionContext, m: Mention, pronoun: Token) -> bool:
    """A name inside the pronoun's own clause, other than as a subject, is not what the
    pronoun means: "Speaking on Breakfast with Frost, he said" is not Frost."""
    span = mc.doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
    if span is None or is_subject(span.root):
        return False
    verb = pronoun.head
    return span.root.i != verb.i and any(t.i == span.root.i for t in verb.subtree)


def _is_modifier(mc: MentionContext, m: Mention) -> bool:
    """A name used to qualify something else ("the Attlee government") is no antecedent."""
    span = mc.doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("compound", "amod")


def _is_clause_subject(mc: MentionContext, m: Mention) -> bool:
    """Subject of its clause; a name heading a fragment the parser left as ROOT
    ("Trevor Phillips, chairman of ..., called on Mr Clarke") counts too."""
    span = mc.doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
    return span is not None and (is_subject(span.root) or span.root.dep_ == "ROOT" and span.root.pos_ == "PROPN")


def _title_reference(mc: MentionContext, the: Token, persons: list[Mention], roles: dict[str, set[str]]):
    """ "the Prime Minister" -> the one person of the article holding that role."""
    idx = title_words(mc, the.i + 1, 1, 5)
    if not idx or idx[0] != the.i + 1:
        return None
    doc = mc.doc
    words = [doc[k].lower_ for k in idx]
    if "and" in words:  # "the Cardinal and Archbishop of Canterbury ...": two titles
        idx = idx[: words.index("and")]
        if not idx:
            return None
    last = doc[idx[-1]]
    if last.tag_ in ("NNS", "NNPS"):
        return None
    after = idx[-1] + 1
    if after < len(doc) and (doc[after].lower_ == "of" or doc[after].ent_type_ or doc[after].pos_ == "PROPN"):
        return None  # "the Prime Minister Tony Blair" / "the President of Azerbaijan"
    typed = [doc[k] for k in idx if doc[k].ent_type_]
    if typed and not is_bare_title(mc, doc[idx[0] : idx[-1] + 1]) or any(doc[k].ent_id_ for k in idx):
        return None  # "the Labour leader": a name inside; "the Cardinal" typed ORG is still a title
    if any(doc[k].lower_ in TITLE_MODIFIERS for k in idx):
        return None  # "the then Lord Chancellor", "the former minister": maybe someone else
    if last.dep_ in ("amod", "compound") or after < len(doc) and doc[after].tag_.startswith("NN"):
        return None  # "the general election": the title word modifies another noun
    role = mc.gaz.match_role(" ".join(doc[k].text for k in idx))
    if role is None:
        return None
    holders = {key for key, held in roles.items() if any(_role_compatible(role.name, r) for r in held)}
    if len(holders) != 1:
        return None
    key = next(iter(holders))
    before = [m for m in persons if _surname(m.name) == key and m.char_start < the.idx]
    if not before:
        return None
    return idx[0], idx[-1] + 1, before[-1]


def _role_compatible(title: str, held: str) -> bool:
    """ "the minister" fits a Foreign Minister; "the prime minister" is not the deputy."""
    if title == held:
        return True
    title_words, held_words = set(title.lower().split()), set(held.lower().split())
    return title_words <= held_words and not (held_words - title_words) & SUBORDINATE_WORDS


def _surname(name: str) -> str:
    parts = name.lower().split()
    return parts[-1] if parts else ""


def _person_keys(name: str) -> list[str]:
    return [_surname(name)]
