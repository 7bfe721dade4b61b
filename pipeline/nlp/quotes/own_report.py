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
from pipeline.nlp.quotes.previous import last_speech, spoken_by, surname
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
    art: QuoteArticle, cue: Token, pronoun: Token, named: Mention, genders: dict[str, str]
) -> Mention | None:
    """The latest named person speaking before the cue's sentence who is not `named` (a
    pronoun event read as its antecedent) and whose gender (surname -> "m"/"f", where known)
    fits the pronoun; None when the one before is `named`, of the other gender, or nobody."""
    named_surname = surname(named)
    sent = art.sent_of(cue.idx)
    event = last_speech(art, sent.start_char) if sent is not None else None
    m = spoken_by(art, event) if event is not None else None
    if m is None or m.entity_type != "PERSON" or m.kind != "name":
        return None
    fits = genders.get(surname(m)) in (None, PRONOUN_GENDER[pronoun.lower_])
    return m if fits and surname(m) != named_surname else None
