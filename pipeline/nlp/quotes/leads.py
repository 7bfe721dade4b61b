"""A news lead's speaker given only by description, named in the next sentences.

A news story often opens on what was said and who said it by description only, and names
the speaker right after: "EU member states are failing to report fraud …, the UK's public
spending watchdog has said. The National Audit Office said …"; "Scotland's justice minister
has warned bigoted soccer fans … Cathy Jamieson said …". When the first body sentence's
speaker is such a description (a body noun or a post, singular, with "the" or a possessor)
that no mention ties to anyone, the speaker is the first name of the right kind (a body for
a body noun, a person for a post) that is a clause's subject in the next two sentences.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.gazetteer import load_gazetteer
from pipeline.nlp.mentions.vocabulary import TITLE_NOUNS
from pipeline.nlp.quotes.context import QuoteArticle
from pipeline.nlp.quotes.cues import BODY_NOUNS
from pipeline.nlp.quotes.posts import POST_NOUNS
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import has_indefinite_article

# sentences after the lead in which its speaker is named ("… the UK elections watchdog has
# said. Those are some of the mistakes … The Electoral Commission says …")
SENTENCES_AFTER = 2


def lead_speaker(art: QuoteArticle, subject: Token, found: Mention | None) -> Mention | None:
    """The named speaker of a lead described only (module docstring); None otherwise."""
    if found is not None and not (found.kind == "title" and found.antecedent is None) and found.entity_type in (
        "PERSON", "ORGANIZATION", "GROUP"
    ):
        return None  # the mentions name someone already
    wanted = _kind_described(subject)
    if wanted is None or not _opens_the_body(art, subject):
        return None
    lead = art.ctx.sentence_at(subject.idx)
    for m in art.index.mentions:
        if m.sentence_id <= lead.sentence_id or m.kind != "name" or art.in_quote(m.char_start):
            continue
        if m.sentence_id - lead.sentence_id > SENTENCES_AFTER:
            break
        span = art.tokens(m.char_start, m.char_end)
        if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
            return m if m.entity_type == wanted else None  # the next subject named is someone else
    return None


def _kind_described(subject: Token) -> str | None:
    """ORGANIZATION for "the watchdog", PERSON for "Scotland's justice minister" and for a
    post of a body ("a Home Office minister", "A UK Independence Party MEP": one of its
    holders, named next); None for anything else (plurals, pronouns, names, a bare "a minister")."""
    if subject.tag_ != "NN":
        return None
    noun = subject.lemma_.lower()
    words = " ".join(t.text for t in subject.lefts if t.dep_ in ("compound", "amod", "nmod")) + " " + subject.text
    post = noun in TITLE_NOUNS or noun in POST_NOUNS or load_gazetteer().match_role(words) is not None
    if not any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        indefinite = has_indefinite_article(subject)
        of_body = any(c.dep_ == "compound" and c.ent_type_ in ("ORG", "NORP") for c in subject.children)
        return "PERSON" if indefinite and of_body and post else None
    if noun in BODY_NOUNS:
        return "ORGANIZATION"
    return "PERSON" if post else None


def _opens_the_body(art: QuoteArticle, subject: Token) -> bool:
    """The subject is in the article's first body sentence."""
    here = art.ctx.sentence_at(subject.idx)
    first = next((s for s in art.ctx.sentences if s.section == "body"), None)
    return here is not None and first is not None and here.sentence_id == first.sentence_id
