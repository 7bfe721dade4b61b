"""What the words around a name NER found say it names, where its label says otherwise.

Each test reads the name's neighbours or the article's other names: a series label ("Group
A"), a chamber named by its word alone ("the House"), a law's name stopping before its law
word ("the Mental Capacity" + "Bill"), a body's name among people listed, a place's name that
opens a body's name elsewhere and acts ("Arbor" beside "Arbor Networks"), a noun that opens the
sentence before a person's name ("Cinematographer John Mathieson"). `classification._classify`
asks them in turn.
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.nlp.mentions.article_words import english_words, lowered_words
from pipeline.nlp.mentions.context import MentionContext
from pipeline.nlp.mentions.kinds import known_place, shaped_like_a_name
from pipeline.nlp.mentions.reconcile import is_place_name
from pipeline.nlp.mentions.vocabulary import LAW_HEADS, ORG_HEADS, SERIES_NOUNS, WORLD_GIVEN_NAMES, is_body_word
from pipeline.nlp.token_view import view_of


def series_label(doc, span: Span) -> bool:
    """A capitalised series noun (series_nouns) and one capital letter, inside NER's name or
    right after it: "Group A", "Grade C", "the Group" + "B game"."""
    first = span[0]
    if first.lower_ not in SERIES_NOUNS or not first.is_title:
        return False
    if len(span) == 2:
        return _one_letter(span[1].text)
    return len(span) == 1 and span.end < len(doc) and _one_letter(doc[span.end].text)


def named_among_people(mc: MentionContext, span: Span, text: str) -> bool:
    """ "with Meryl Streep, Morgan Freeman and Cate Blanchett", "including Lionel Richie, Diana
    Ross, Ray Charles": a name of two or three capitalised words NER typed a body, listed (joined
    by commas or "and") with at least two names NER typed people and with nothing else, is a
    person too; not a name the gazetteer knows, one in capitals, one holding a body's word or a
    word the article also writes in lower case."""
    words = [t for t in span if not (t.i == span.start and t.lower_ == "the")]
    if not 2 <= len(words) <= 3 or not all(t.is_alpha and t.is_title for t in words):
        return False
    if any(t.lower_ in lowered_words(mc.doc) for t in words):
        return False  # "Media Player, Windows Messenger and MSN Messenger": words the article writes in lower case
    if mc.gaz.by_alias(text) or any(t.ent_id_ or is_body_word(t.lower_) or t.lower_ in ORG_HEADS for t in words):
        return False
    first = span.root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    members, todo = [], [first]
    while todo:
        token = todo.pop()
        members.append(token)
        todo.extend(c for c in token.children if c.dep_ == "conj")
    others = [t for t in members if not span.start <= t.i < span.end]
    return len(others) >= 2 and all(t.ent_type_ == "PERSON" for t in others)


def chamber_named(mc: MentionContext, span: Span) -> Span | None:
    """ "the confidence of all sides of the House", "barracking in the Chamber": a chamber's
    word alone (capitalised, after "the", "that" or "this") is the chamber the article names
    in full with that word and "of" ("the House of Commons", "the House of Representatives"):
    the nearest such name before it, else the first after; None where the article names none."""
    doc, i = mc.doc, span.start
    if len(span) != 1 or span[0].text not in _CHAMBER_WORDS or i == 0:
        return None
    if doc[i - 1].lower_ not in ("the", "that", "this"):
        return None
    named = [
        e for e in view_of(doc).ents
        if len(e) >= 3 and e.label_ == "ORG" and e[0].text == span[0].text and e[1].lower_ == "of" and e.start != i
    ]  # fmt: skip
    before = [e for e in named if e.start < i]
    if before:
        return before[-1]
    return named[0] if named else None


def bare_chamber(doc, span: Span) -> bool:
    """ "the Chamber" alone (no "Chamber of ..." in the article, `chamber_named`): the debating
    room, a place no one names as an actor."""
    return len(span) == 1 and span[0].text == "Chamber" and span.start > 0 and doc[span.start - 1].lower_ == "the"


# capitalised words that, alone, stand for a parliament's chamber named in full elsewhere
_CHAMBER_WORDS = frozenset({"House", "Chamber"})


def _one_letter(text: str) -> bool:
    """A capital letter alone, a full stop after it allowed ("Group B." NER ran on into)."""
    return len(text.rstrip(".")) == 1 and text[0].isupper()


def law_word_after(mc: MentionContext, span: Span, text: str) -> bool:
    """ "the Mental Capacity Bill", NER's name stopping before the capitalised law word
    (law_heads) that its last word describes: the words are the law's name, not a body's.
    A body the gazetteer knows, or one written in capitals, is the party to the law ("the EU
    Constitution", "the UN Charter") and stays the body."""
    doc, end = mc.doc, span.end
    if end >= len(doc) or not (doc[end].is_title and doc[end].lower_ in LAW_HEADS):
        return False
    if doc[end - 1].head.i != end or doc[end - 1].dep_ not in ("compound", "amod", "nmod"):
        return False
    if mc.gaz.by_alias(text) or any(t.ent_id_ for t in span):
        return False
    return not any(len(t.text) > 1 and t.text.isupper() for t in span)


# prepositions that put a place where something is, comes from or goes to ("based in Beaverton")
_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "from", "near", "to", "into", "across", "outside", "around", "throughout", "towards", "via", "within"}
)


def opens_a_body(mc: MentionContext, span: Span, text: str) -> bool:
    """ "Mr Pollard said Arbor was not charging" beside "Arbor Networks", "Japan's Nippon"
    beside "Nippon Steel": a name NER typed a place that no places list knows, written elsewhere
    in the article as the opening words of a body's name NER found, is that body's short name,
    where it acts (subject or owner): the places list is short, and a town opens its bodies'
    names too. Not after a preposition of place, nor where the body's next word is a body's or
    a place's own ("Cranfield University", "Beaverton City Council": the town's body)."""
    doc = mc.doc
    if any(t.ent_id_ for t in span) or mc.gaz.by_alias(text) or is_place_name(text) or known_place(text):
        return False
    if span.root.dep_ not in ("nsubj", "nsubjpass", "poss"):
        return False  # "The New York library", "Colorado Springs, Colorado": a place where it is no actor
    if span.start > 0 and doc[span.start - 1].lower_ in _PLACE_PREPOSITIONS:
        return False
    words = [t.text for t in span]
    for ent in view_of(doc).ents:
        tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
        if ent.label_ != "ORG" or len(tokens) <= len(words) or [t.text for t in tokens[: len(words)]] != words:
            continue
        after = tokens[len(words)].lower_
        if not (is_body_word(after) or after in ORG_HEADS or after in _PLACE_BODY_WORDS):
            return True
    return False


# words after a town's name that make the name the town's body, not a short name of it
_PLACE_BODY_WORDS = frozenset({"city", "county", "state", "police", "united", "town", "borough", "district"})


def noun_before_a_name(span: Span) -> bool:
    """ "Cinematographer John Mathieson", "Model Sophie Anderton", "Keeper Tony Bullock": a
    sentence's first word, a noun the model's lemmatizer lists and no given name ("Rose Tremain"),
    run into a name that is a person's shape after it (a given name of any country, then one or
    two capitalised words no body's or place's name ends in): the noun describes the person.
    Not "Santa Barbara County Superior Court", whose words after the given name make a body."""
    first = span[0]
    return (
        first.is_sent_start
        and first.lower_ in english_words("noun")
        and first.lower_ not in WORLD_GIVEN_NAMES
        and shaped_like_a_name([t.text for t in span[1:]])
    )
