"""The sovereign named by title alone: "the Queen will open Parliament".

British news names its monarch as "the Queen" after the first mention, or only so, and
NER leaves the word untagged (it reads as a common noun), so the person is lost with the
quotes and events she takes part in. Capitalised, after "the", and neither followed by
"of" ("the Queen of the Netherlands", a post) nor by a capitalised word ("the Queen
Mother", "the Queen Elizabeth hospital", longer names NER types on its own), the title is
the reigning monarch: a PERSON named by the title, unless the article names a monarch with
that title ("Queen Beatrix"), whom "the Queen" then refers back to, or the words end a
title ("God Save the Queen"). The titles are data:
`pipeline/knowledge/mentions.yaml` (`sovereign_titles`).
"""

from __future__ import annotations

from pipeline.nlp.mentions.context import Candidate, MentionContext
from pipeline.nlp.mentions.vocabulary import SOVEREIGN_TITLES
from pipeline.nlp.token_view import view_of


def sovereigns(mc: MentionContext) -> list[Candidate]:
    doc, out = mc.doc, []
    view = view_of(doc)
    named = {view.lower[e.start] for e in view.ents if e.label_ == "PERSON" and len(e) > 1}
    for i, low in enumerate(view.lower):
        if low not in SOVEREIGN_TITLES:
            continue
        token = doc[i]
        if not token.is_title or token.ent_type_ or token.i == 0:
            continue
        if token.lower_ in named:
            continue  # "Queen Beatrix ... the Queen": a reference to the monarch named, left to `references`
        if doc[token.i - 1].lower_ != "the" or not mc.in_sections(token.i, token.i + 1):
            continue
        if token.i >= 2 and _in_a_title(doc, token.i - 2):
            continue  # "God Save the Queen", "The Death of the Queen": a title's words
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and (after.lower_ == "of" or after.is_title and after.is_alpha):
            continue
        gender = SOVEREIGN_TITLES[token.lower_]
        title = token.text
        out.append(Candidate(token.i, token.i + 1, "PERSON", "PERSON", "name", title, 1, role=title, gender=gender))
    return out


def _in_a_title(doc, k: int) -> bool:
    """The word before "the" is a capitalised one inside the sentence, or "of" after one: the
    words are a work's title ("God Save the Queen"), not the sovereign."""
    before = doc[k]
    if before.lower_ == "of":
        return k > 0 and doc[k - 1].is_title and not doc[k - 1].is_sent_start
    return before.is_title and not before.is_sent_start
