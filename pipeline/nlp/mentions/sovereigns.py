"""The sovereign named by title alone: "the Queen will open Parliament".

British news names its monarch as "the Queen" after the first mention, or only so, and
NER leaves the word untagged (it reads as a common noun), so the person is lost with the
quotes and events she takes part in. Capitalised, after "the", and neither followed by
"of" ("the Queen of the Netherlands", a post) nor by a capitalised word ("the Queen
Mother", "the King Fahd hospital", longer names NER types on its own), the title is the
reigning monarch: a PERSON named by the title. The titles are data:
`pipeline/knowledge/mentions.yaml` (`sovereign_titles`).
"""

from __future__ import annotations

from pipeline.nlp.mentions.context import Candidate, MentionContext
from pipeline.nlp.mentions.vocabulary import SOVEREIGN_TITLES


def sovereigns(mc: MentionContext) -> list[Candidate]:
    doc, out = mc.doc, []
    for token in doc:
        if token.lower_ not in SOVEREIGN_TITLES or not token.is_title or token.ent_type_ or token.i == 0:
            continue
        if doc[token.i - 1].lower_ != "the" or not mc.in_sections(token.i, token.i + 1):
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and (after.lower_ == "of" or after.is_title and after.is_alpha):
            continue
        gender = SOVEREIGN_TITLES[token.lower_]
        out.append(Candidate(token.i, token.i + 1, "PERSON", "PERSON", "name", token.text, 1, role=token.text, gender=gender))
    return out
