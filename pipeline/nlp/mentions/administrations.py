"""A leader's government named after the leader: "the Bush administration", "the Blair
government", "Bush Administration officials".

NER reads the surname as the person (or the whole phrase as a body of that name) and the
noun after it as nothing, so the article seems to name the leader where it names the
government the leader heads; eval/GUIDE.md lists "the Bush administration" meaning a
national government as a surface of the country. A surname that a person of the article
carries, modifying one of the `leader_governments` nouns
(`pipeline/knowledge/mentions.yaml`), is then a metonym of that person's country (the
country a title gave them: "US President George W. Bush"), or, where their post names no
country ("Prime Minister Tony Blair"), of the country the article is about
(`article_country`); a person with no post gives no country, and nothing is claimed.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.mentions.context import Candidate, MentionContext, make_mention
from pipeline.nlp.mentions.references import article_country
from pipeline.nlp.mentions.vocabulary import LEADER_GOVERNMENTS
from pipeline.nlp.records import Mention

_LONGEST_NAME = 3


def leader_governments(mc: MentionContext, mentions: list[Mention]) -> list[Mention]:
    doc = mc.doc
    people = [m for m in mentions if m.entity_type == "PERSON" and m.kind == "name"]
    extra: list[Mention] = []
    for head in doc:
        if head.lower_ not in LEADER_GOVERNMENTS or head.i == 0:
            continue
        start = _name_start(doc, head)
        if start is None or not mc.in_sections(start, head.i + 1):
            continue
        surname = doc[head.i - 1].text
        holders = [m for m in people if m.name.split()[-1] == surname]
        if not holders:
            continue  # a name no person of the article carries ("the Taleban regime")
        countries = {m.country_iso3 for m in holders if m.country_iso3}
        if len(countries) == 1:
            key: str | None = f"country:{countries.pop()}"
        elif not countries and any(m.role for m in holders):
            key = article_country(mc, mentions)  # "Prime Minister Tony Blair": a post of the article's country
        else:
            continue  # no post says whose government it is
        if key is None or key not in mc.gaz.entries:
            continue
        country = mc.gaz.entries[key]
        c = Candidate(start, head.i + 1, "ORG", "COUNTRY", "metonym", country.name, 0, key, country_iso3=country.country_iso3)
        m = make_mention(mc, c)
        if m is not None:
            extra.append(m)
    if not extra:
        return mentions
    kept = [m for m in mentions if not any(m.char_start < e.char_end and e.char_start < m.char_end for e in extra)]
    return sorted(kept + extra, key=lambda m: m.char_start)


def _name_start(doc, head: Token) -> int | None:
    """The first token of the capitalised name right before `head` that modifies it
    ("Bush" in "the Bush administration"); None where there is none, where it is a known
    country, demonym or capital ("the Sudanese government" is the demonym's rule) or where
    the noun goes on ("the Blair government of 1997" is fine, "the government of X" is not
    this)."""
    start = head.i
    while (
        start > 0
        and head.i - start < _LONGEST_NAME
        and doc[start - 1].tag_ == "NNP"
        and doc[start - 1].is_title
        and doc[start - 1].is_alpha
        and not doc[start - 1].ent_id_
    ):
        start -= 1
    if start == head.i or doc[head.i - 1].head.i != head.i or doc[head.i - 1].dep_ != "compound":
        return None
    return start
