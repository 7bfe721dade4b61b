"""A pronoun speaker is not the person named in its own report.

"Mr Blair has "the same passion" as when Labour came to power in 1997, he said." after
"…, Alan Milburn told Radio 4": the reported clause before "he said" names Mr Blair, and a
speaker never names himself in the third person in his own report, so "he" is whoever spoke
before (Mr Milburn), not the nearest name (the mentions' pronoun link). Read only when the
reported clause comes before the cue and holds the pronoun's antecedent.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.quotes.context import QuoteArticle
from pipeline.nlp.records import Mention

PRONOUN_GENDER = {"he": "m", "she": "f"}


def named_in_own_report(art: QuoteArticle, cue: Token, pronoun: Token, found: Mention | None) -> bool:
    """Whether the pronoun's antecedent sits in the clause the cue reports, before the cue."""
    if pronoun.lower_ not in PRONOUN_GENDER or found is None or found.kind != "pronoun" or not found.antecedent:
        return False
    clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i), None)
    if clause is None:
        return False
    antecedents = [
        m for m in art.index.mentions
        if m.kind != "pronoun" and m.name == found.name and clause.left_edge.idx <= m.char_start < pronoun.idx
    ]
    return bool(antecedents) and not art.in_quote(antecedents[-1].char_start)


def speaker_before_report(
    art: QuoteArticle, cue: Token, pronoun: Token, named: str, genders: dict[str, str]
) -> Mention | None:
    """The latest named person speaking before the cue's sentence who is not `named` (a
    pronoun event read as its antecedent) and whose gender (surname -> "m"/"f", where known)
    fits the pronoun; None when the one before is `named`, of the other gender, or nobody."""
    sent = art.sent_of(cue.idx)
    if sent is None:
        return None
    by_id = {m.mention_id: m for m in art.index.mentions}
    for event in reversed(art.events):
        if event.cue_char is None or event.cue_char >= sent.start_char:
            continue
        m = event.speaker
        if m is not None and m.kind == "pronoun":
            m = by_id.get(m.antecedent or "")
        if m is None or m.entity_type != "PERSON" or m.kind != "name":
            return None
        fits = genders.get(_surname(m.name)) in (None, PRONOUN_GENDER[pronoun.lower_])
        return m if fits and _surname(m.name) != _surname(named) else None
    return None


def _surname(name: str) -> str:
    words = name.split()
    return words[-1].lower() if words else ""
