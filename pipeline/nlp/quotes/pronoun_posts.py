"""A subject pronoun speaker that takes up the main subject of the sentence before.

"The prime minister ratcheted up Labour's campaigning at the weekend … He insisted …": the
mentions tie a pronoun to names only, so "he" would be the last person named; but a "he"
or "she" reporting in a main clause, with no one named before it in its own sentence,
continues the sentence before's main subject, here a post ("they": the first of persons
joined there). The rule reads only that sentence and the mentions, so it lives apart from
the other speaker rules (`speakers`, which call it for a pronoun left unresolved).
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.quotes.context import QuoteArticle
from pipeline.nlp.quotes.cues import PROXY_NOUNS
from pipeline.nlp.quotes.genders import PRONOUN_GENDER, person_genders
from pipeline.nlp.quotes.previous import surname
from pipeline.nlp.records import Mention

# sentences back a chain of "He …" openers may lead to the post the first one continues
PRONOUN_CHAIN = 3


def post_subject_before(art: QuoteArticle, cue: Token, pronoun: Token, depth: int = 0) -> Mention | None:
    """ "The prime minister ratcheted up Labour's campaigning at the weekend … He insisted …":
    "he" or "she" reporting in a main clause, with no one named before it in its sentence, is
    the post the sentence before has as its main subject, not the last person named (the
    mentions tie a pronoun to names only); the post as the mentions tie it. "They" there is
    the first of persons joined as that subject ("Lord Justice Rix and Mr Justice Forbes
    ruled … They said": joint speakers are the first named, eval/GUIDE.md). A sentence
    before opening with the same pronoun passes the post on ("The prime minister is trying
    to … his relationship with Gordon Brown … He is saying … He is also claiming …")."""
    main = main_subject_before(art, cue, pronoun)
    found = art.index.at(main) if main is not None else None
    if found is not None and found.kind == "pronoun" and main.lower_ == pronoun.lower_ and depth < PRONOUN_CHAIN:
        return post_subject_before(art, main.head, main, depth + 1)
    if found is None or found.entity_type != "PERSON" or untied_proxy(main, found):
        return None
    if pronoun.lower_ == "they":
        joined = any(c.dep_ == "conj" and (m := art.index.at(c)) is not None and m.entity_type == "PERSON"
                     for c in main.children)
        return found if joined and found.kind == "name" else None
    if found.kind == "name":
        # "Shadow home secretary David Davis echoed criticisms of the way Mr Blunkett …
        # “…,” he said": the person the sentence before is about, not one named inside it
        own = art.index.at(pronoun)
        tied = art.index.by_id.get(own.antecedent or "") if own is not None else None
        if tied is not None and surname(tied) == surname(found):
            return None  # the mentions already tie the pronoun to that person
        return found if person_genders(art).get(surname(found)) in (None, PRONOUN_GENDER[pronoun.lower_]) else None
    if found.kind != "title":
        return None
    named = next((m for m in art.index.mentions if m.mention_id == found.antecedent), None)
    if named is None:  # "The shadow foreign secretary, Michael Ancram, welcomed …": the name given
        named = next((m for c in main.children if c.dep_ == "appos" and (m := art.index.at(c)) is not None
                      and m.entity_type == "PERSON" and m.kind == "name"), None)
        found = named or found
    gender = PRONOUN_GENDER[pronoun.lower_]
    if named is not None and person_genders(art).get(surname(named)) not in (None, gender):
        return None
    return found


def main_subject_before(art: QuoteArticle, cue: Token, pronoun: Token) -> Token | None:
    """The main subject of the sentence before a subject pronoun reporting in a main clause
    with no one named before it in its own sentence (a name inside the quote it closes,
    "“… Mr Blair …,” he said", is no one the pronoun could mean); None otherwise."""
    if pronoun.lower_ not in ("he", "she", "they") or cue.dep_ != "ROOT" or pronoun.sent.start == 0:
        return None
    sent = pronoun.sent
    if any(
        m.entity_type == "PERSON" and sent.start_char <= m.char_start < pronoun.idx and not art.in_quote(m.char_start)
        for m in art.index.mentions
    ):
        return None
    before = art.doc[sent.start - 1].sent
    main = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    return main if main is not None and not art.in_quote(main.idx) else None


def untied_proxy(main: Token, found: Mention | None) -> bool:
    """ "The spokesman stressed …": a proxy noun the mentions read as a title tied to nobody
    ("Spokesperson") is no person of its own but whoever it speaks for, which the proxy
    rule (`pronoun_proxies`) reads from its own speech, as for a proxy no mention covers."""
    return (
        found is not None and found.kind == "title" and found.antecedent is None
        and main.tag_ == "NN" and main.lemma_.lower() in PROXY_NOUNS
    )
