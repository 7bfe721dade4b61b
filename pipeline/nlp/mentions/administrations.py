"""A leader's government named after the leader: "the Bush administration", "the Blair
government", "Bush Administration officials" ("regime" is left to the body rules).

NER reads the surname as the person (or the whole phrase as a body of that name) and the
noun after it as nothing, so the article seems to name the leader where it names the
government the leader heads; eval/GUIDE.md lists "the Bush administration" meaning a
national government as a surface of the country. A surname that a person of the article
carries, modifying one of the `government_names` nouns
(`pipeline/knowledge/mentions.yaml`), is then a metonym of that person's country (the
country a title gave them: "US President George W. Bush"). A post that names no country
("President Bush" in a story about Cuba) is no evidence: the article's own country is often
not the leader's. Where no person of the article gives the surname a country, the dated
actor dictionary may (`office_holders.yaml`): the one country whose head of government or
state (`government_leader_roles`) carried that surname at the article's date, or, undated
or out of office then, in any term the dictionary lists; never when the article names
someone else of that surname.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.mentions.context import Candidate, MentionContext, make_mention
from pipeline.nlp.mentions.office_holders import load_office_holders, name_key
from pipeline.nlp.mentions.vocabulary import GOVERNMENT_LEADER_ROLES, GOVERNMENT_NAMES
from pipeline.nlp.records import Mention
from pipeline.nlp.token_view import view_of

_LONGEST_NAME = 3


def leader_governments(mc: MentionContext, mentions: list[Mention]) -> list[Mention]:
    doc = mc.doc
    people = [m for m in mentions if m.entity_type == "PERSON" and m.kind == "name"]
    extra: list[Mention] = []
    for i, low in enumerate(view_of(doc).lower):
        if low not in GOVERNMENT_NAMES or i == 0:
            continue
        head = doc[i]
        surname = doc[head.i - 1]
        holders = [m for m in people if m.name.split()[-1:] == [surname.text]]
        if not _modifies(surname, head):
            continue
        countries = {m.country_iso3 for m in holders if m.country_iso3}
        if not countries:
            countries = _leader_countries(mc, surname.text, holders)
        if len(countries) != 1:
            continue  # no title or term says whose government it is ("the Taleban regime")
        start = _name_start(doc, head, {w for m in holders for w in m.name.split()})
        if not mc.in_sections(start, head.i + 1):
            continue
        key = f"country:{countries.pop()}"
        if key not in mc.gaz.entries:
            continue
        country = mc.gaz.entries[key]
        iso3 = country.country_iso3
        c = Candidate(start, head.i + 1, "ORG", "COUNTRY", "metonym", country.name, 0, key, country_iso3=iso3)
        m = make_mention(mc, c)
        if m is not None:
            extra.append(m)
    if not extra:
        return mentions
    kept = [m for m in mentions if not any(m.char_start < e.char_end and e.char_start < m.char_end for e in extra)]
    return sorted(kept + extra, key=lambda m: m.char_start)


def _leader_countries(mc: MentionContext, surname: str, holders: list[Mention]) -> set[str]:
    """The countries whose head of government or state of `office_holders.yaml` carried
    `surname` at the article's date (else in any term); none when a person the article
    names in full with that surname is not such a holder ("the Brown government" with a
    councillor John Brown named)."""
    day = mc.ctx.published_date
    terms = [
        t
        for t in load_office_holders()
        if t.role.lower() in GOVERNMENT_LEADER_ROLES and t.person.split()[-1] == surname
    ]
    # the holder at the article's date; a past one ("filed by the Clinton administration in 1999") else
    terms = [t for t in terms if day is not None and t.held_on(day)] or terms
    known = {n for t in terms for n in t.names}
    if any(len(m.name.split()) > 1 and name_key(m.name) not in known for m in holders):
        return set()
    return {t.iso3 for t in terms}


def _modifies(surname: Token, head: Token) -> bool:
    """The surname is a capitalised name word compounded onto the noun, and no known
    country, demonym or capital ("the Sudanese government" is the demonym's rule)."""
    return (
        surname.tag_ == "NNP"
        and surname.is_title
        and surname.is_alpha
        and not surname.ent_id_
        and surname.dep_ == "compound"
        and surname.head.i == head.i
    )


def _name_start(doc, head: Token, name_words: set[str]) -> int:
    """The first token of the person's name before `head`: "George W. Bush administration"
    takes the whole name, "Senior Bush Administration officials" only the surname."""
    start = head.i - 1
    while start > 0 and head.i - start < _LONGEST_NAME and doc[start - 1].text in name_words:
        start -= 1
    return start
