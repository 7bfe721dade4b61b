"""A body's national branch: "Amnesty International UK", "Save the Children UK".

The gazetteer knows the body and the country, so NER and the ruler split the name in
two and the article seems to name the country ("UK" as a COUNTRY) where it only names the
body's branch there. A known organisation followed at once by a country's name or
abbreviation that ends the name (a lower-case word, a post or punctuation after it, not
a possessive: "the UN Britain's envoy" keeps Britain) is one organisation mention over
both: the body's id, the branch's full name as its surface.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.nlp.mentions.context import Candidate, MentionContext
from pipeline.nlp.syntax import POSSESSIVES


def national_branches(mc: MentionContext, chosen: list[Candidate]) -> list[Candidate]:
    doc = mc.doc
    by_start = {c.tok_start: c for c in chosen}
    out, dropped = [], set()
    for c in chosen:
        if id(c) in dropped:
            continue
        country = by_start.get(c.tok_end)
        if (
            c.entity_type == "ORGANIZATION"
            and c.gazetteer_id is not None
            and country is not None
            and country.entity_type == "COUNTRY"
            and country.kind == "name"
            and country.tok_end - country.tok_start == 1
            and doc[country.tok_start].is_upper
            and doc[c.tok_end - 1].whitespace_
            and _ends_a_name(doc, country.tok_end)
        ):
            dropped.add(id(country))
            c = replace(c, tok_end=country.tok_end, char_end=None)
        out.append(c)
    return [c for c in out if id(c) not in dropped]


def _ends_a_name(doc, end: int) -> bool:
    """The word after the country is no part of a longer name and no possessive."""
    if end >= len(doc):
        return True
    after = doc[end]
    return after.text not in POSSESSIVES and not (after.is_title and after.tag_ == "NNP" and not after.ent_type_)
