"""Which gender the article gives each person, and which gender a pronoun asks for: the
pronoun speaker rules (`speakers`, `pronoun_posts`) pass over a person of the other gender
("She said" is never Mr Galloway), and share the reading here.
"""

from __future__ import annotations

from pipeline.nlp.names import given_name_gender, honorific_gender
from pipeline.nlp.quotes.context import QuoteArticle
from pipeline.nlp.quotes.previous import surname

PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}


def person_genders(art: QuoteArticle) -> dict[str, str]:
    """Surname -> gender, where the article's honorifics ("Ms King"), given names ("Rachel
    Harvey") or the pronouns linked to the person ("He" after "George Galloway") give one
    gender only: "She said" is then never Mr Galloway."""
    by_id = art.index.by_id
    seen: dict[str, set[str]] = {}
    for m in art.index.mentions:
        if m.entity_type != "PERSON":
            continue
        if m.kind == "pronoun":
            named, gender = by_id.get(m.antecedent or ""), PRONOUN_GENDER.get(m.surface.lower())
        else:
            named, gender = m, honorific_gender(m.surface) or given_name_gender(m.name)
        if named is not None and gender:
            seen.setdefault(surname(named), set()).add(gender)
    return {name: next(iter(genders)) for name, genders in seen.items() if len(genders) == 1}
