"""A definite post as the speaker that continues the person the sentence before is about.

"Mary Robinson has said … The former UN commissioner for human rights and Irish president
said …"; "Mr Blunkett quit as home secretary … In a statement, the ex-home secretary said …":
a story refers back to its subject by post, however the post is worded (a "for"/"of"
phrase, several posts joined, "ex-"). When no mention ties such a post to anyone and no
earlier speech gives its holder (`posts.post_holder`), the post reporting in a main clause,
with no one named before it in its own sentence, is the person named as the main subject of
the sentence before, unless the text gives that person another post.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.gazetteer import load_gazetteer
from pipeline.nlp.names import role_compatible
from pipeline.nlp.quotes.context import QuoteArticle
from pipeline.nlp.quotes.posts import is_post_noun, post_words, untied
from pipeline.nlp.quotes.previous import surname
from pipeline.nlp.records import Mention


def subject_before_post(art: QuoteArticle, cue: Token, subject: Token, found: Mention | None) -> Mention | None:
    """The named main subject of the sentence before a definite post reporting (module
    docstring); None when the post is tied, or that subject is no named person."""
    if not untied(art, subject, found) or not _definite_post(subject) or cue.dep_ != "ROOT" or subject.sent.start == 0:
        return None
    sent = subject.sent
    if any(m.entity_type == "PERSON" and sent.start_char <= m.char_start < subject.idx for m in art.index.mentions):
        return None  # someone named earlier in its own sentence is nearer than the sentence before
    before = art.doc[sent.start - 1].sent
    main = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    named = art.index.at(main) if main is not None and not art.in_quote(main.idx) else None
    if named is None or named.entity_type != "PERSON" or named.kind != "name":
        return None
    role = load_gazetteer().match_role(post_words(subject))
    held = {m.role for m in art.index.mentions if m.role and m.entity_type == "PERSON" and surname(m) == surname(named)}
    if role is not None and held and not any(role_compatible(role.name, r) for r in held):
        return None  # "the chancellor" is not the prime minister the sentence before was about
    return named


def _definite_post(subject: Token) -> bool:
    """ "the ex-home secretary", "The former UN commissioner for human rights and Irish
    president": a singular post noun with "the" and no name of its own (an apposition or a
    name in the phrase gives its holder there)."""
    if subject.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return False
    if any(c.dep_ in ("appos", "relcl", "acl") or c.pos_ == "PROPN" and c.ent_type_ == "PERSON" for c in subject.subtree
           if c is not subject):
        return False
    return is_post_noun(subject)
