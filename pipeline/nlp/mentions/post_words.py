"""Posts and their remits: words of a span that belong to a post, not to a name.

"Queensland Premier, Peter Beattie", "the Belgian Development Aid minister", "Secretary of
State for Culture, Media and Sport", "Nottingham City Councillor Brian Parbutt": NER types
the words of a post's place or remit as a body or a person. These rules find the post
(roles.yaml) and say what, if anything, the words before or after it name.
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.nlp.mentions.context import (
    Candidate,
    MentionContext,
    clean_spaces,
    ents_covering,
    is_plural_demonym,
    is_role_variant,
)
from pipeline.nlp.mentions.gazetteer_hits import gazetteer_candidate
from pipeline.nlp.mentions.vocabulary import (
    BODY_HEADS,
    BODY_POSTS,
    GIVEN_NAMES,
    GOVERNING_TITLES,
    HONORIFICS,
    INSTITUTION_HEADS,
    ORG_HEADS,
    PARTY_NOUNS,
    PARTY_POSTS,
    REMIT_POSTS,
    TITLE_MODIFIERS,
)
from pipeline.nlp.token_view import TokenView, view_of

# head words of a body's name, which no remit ends in ("the Russian Foreign Ministry spokesman")
_REMIT_END_HEADS = ORG_HEADS | BODY_HEADS | INSTITUTION_HEADS


def country_of_a_remit(mc: MentionContext, span: Span) -> str | None:
    """ "the Belgian Development Aid minister": a country's adjective and the capitalised words
    of a remit, then a governing title (governing_titles), are the country's post; the entity
    id of the country whose adjective opens the span, or None. A remit ends in no body's head
    word ("the Russian Foreign Ministry spokesman" is a body's), and a post of any other kind
    ("a British Airways spokesman") is a body's, as is a title firms give too (body_posts:
    "the American Airlines president")."""
    doc = mc.doc
    if len(span) < 2 or span.end >= len(doc):
        return None
    title = doc[span.end].lemma_.lower()
    if title not in GOVERNING_TITLES or title in BODY_POSTS:
        return None
    iso3 = mc.gaz.demonym_country(span[0].text)
    if iso3 is None or is_plural_demonym(span[0], mc.gaz):
        return None
    remit = span[1:]
    if any(not t.is_title or not t.is_alpha or t.ent_id_ or t.lower_ in _REMIT_END_HEADS for t in remit):
        return None
    return mc.gaz.country(iso3).entity_id


def remit_after_a_country(mc: MentionContext, span: Span) -> bool:
    """ "Zambia's Agriculture Minister Mundia Sikatana", "the Zambian Agriculture Minister":
    capitalised words between a country (its possessive, or its demonym the ruler matched
    apart) and a governing title (governing_titles) are the remit of the country's post, no
    body of their own; as in `country_of_a_remit`, a remit ends in no body's head word and a
    title firms give too ("Microsoft's Chief Executive", body_posts) is left to the body."""
    doc = mc.doc
    if span.end >= len(doc) or span.start < 1:
        return False
    title = doc[span.end]
    if not title.is_title or title.lemma_.lower() not in GOVERNING_TITLES or title.lemma_.lower() in BODY_POSTS:
        return False
    if any(not t.is_title or not t.is_alpha or t.ent_id_ or t.lower_ in _REMIT_END_HEADS for t in span):
        return False
    before = doc[span.start - 1]
    if before.text in ("'s", "’s") and span.start > 1:
        before = doc[span.start - 2]
        return before.ent_id_.startswith("country:") and before.ent_type_ == "GPE"
    return (
        before.ent_id_.startswith("country:") and before.ent_type_ == "NORP"
        and mc.gaz.demonym_country(before.text) is not None and not is_plural_demonym(before, mc.gaz)
    )  # fmt: skip


def post_after_a_qualifier(mc: MentionContext, span: Span) -> int | None:
    """ "Queensland Premier, Peter Beattie", "Liberal Leader and former Environment Minister
    under Jean Chrétien, Stéphane Dion": capitalised words and then exactly a post (roles.yaml)
    that NER took for one name, right before the post's holder or the comma that leads to
    them, or after "the" ("the Mid-Bedfordshire MP"). The words say where or whose the post
    is; no one is named by the span. Not where the words hold an honorific ("The Rt Hon Jack
    Straw MP") or the post word ends a hyphenated surname ("David Benson-Pope"): a person is
    named. Returns where the post begins, or None."""
    doc = mc.doc
    k = len(span)
    while k > 0 and span[k - 1].text[:1].isupper() and span[k - 1].lower_ in mc.role_words:
        k -= 1  # "Premier", "MP"
    if k == 0 or k == len(span) or span.end >= len(doc) or span[0].lower_ in GIVEN_NAMES:
        return None
    if span[k - 1].text == "-" and not span[k - 1].whitespace_ and k > 1 and not span[k - 2].whitespace_:
        return None  # "David Benson-Pope": a role word glued into a surname by a hyphen
    if any(t.lower_ in HONORIFICS for t in span[:k]):
        return None  # "The Rt Hon Jack Straw MP": a styled name, a person, and no place before a post
    post = span[k:].text
    if not is_role_variant(mc.gaz, post):
        return None
    if not all((t.is_title and t.is_alpha or t.text == "-") and t.lower_ not in ORG_HEADS for t in span[:k]):
        return None  # "Mid-Bedfordshire": a hyphen inside the place's name
    after = doc[span.end]
    if after.text in (",", "and") or after.ent_type_ == "PERSON" and after.ent_iob_ == "B":
        return k
    # "The Mid-Bedfordshire MP had denied": a definite post, whose holder the article named before
    return k if span.start > 0 and doc[span.start - 1].lower_ == "the" or span[0].lower_ == "the" else None


def post_place(mc: MentionContext, words: Span) -> Candidate | None:
    """The words before a post, as a place when the article names that place elsewhere (NER
    typed the same words a place, or the gazetteer knows them); else nothing."""
    text = clean_spaces(words.text)
    entry = mc.gaz.by_alias(text)
    if entry is not None:
        return gazetteer_candidate(mc, words, "GPE", entry.entity_id)
    if any(e.label_ in ("GPE", "LOC") and clean_spaces(e.text) == text for e in view_of(mc.doc).ents):
        return Candidate(words.start, words.end, "GPE", "LOCATION", "name", text, 1)
    return None


def qualifies_a_post(mc: MentionContext, end: int) -> bool:
    """The words before `end` stand before a capitalised post and the name of its holder
    ("… City Councillor Brian Parbutt"): they say where or what the post is, no person."""
    doc = mc.doc
    if end + 1 >= len(doc) or not doc[end].is_title or not post_word(mc, doc[end]):
        return False
    holder = doc[end + 1]
    return holder.is_title and holder.is_alpha and holder.lower_ not in mc.role_words


def post_word(mc: MentionContext, token) -> bool:
    """A capitalised word that is by itself a title (roles.yaml): "Councillor", "Senator"."""
    if token.lower_ not in mc.role_words or token.ent_type_:
        return False
    role = mc.gaz.match_role(token.text)
    return role is not None and any(v.lower() == token.lower_ for v in role.variants)


def post_of(mc: MentionContext, start: int) -> bool:
    """ "Secretary General of (the) <body>": a post word, "of", maybe "the", before `start`."""
    doc = mc.doc
    k = start - (start > 0 and doc[start - 1].lower_ == "the")
    return k >= 2 and doc[k - 1].lower_ == "of" and doc[k - 2].lower_ in mc.role_words


def modifies_the_post_after(mc: MentionContext, start: int, end: int) -> bool:
    """A title word opening a sentence ("New", "Former", "Acting"), then a body's name NER
    took it into, then a post written as a style: the title word describes the post ("New
    Metropolitan Police Commissioner Sir Ian Blair"), capitalised only because the sentence
    starts there."""
    doc = mc.doc
    first = doc[start]
    return (
        first.is_sent_start
        and first.is_title
        and first.lower_ in TITLE_MODIFIERS
        and end < len(doc)
        and doc[end].lower_ in mc.role_words
        # the post written as a style with it ("… Police Commissioner"), not a body's name
        # before a plain post ("New York Times editor Bill Keller"), nor a known name's word
        # ("New Zealand Prime Minister")
        and doc[end].is_title
        and mc.gaz.by_alias(doc[start : start + 2].text) is None
    )


_ORG_HEADS_OR_INSTITUTION_HEADS = ORG_HEADS | INSTITUTION_HEADS


def portfolio(mc: MentionContext, span: Span) -> bool:
    """ "Secretary of State for Culture, Media and Sport", "the Minister for Enterprise and
    Lifelong Learning": the words after a post's "for" (and those listed with them) are its
    remit, no body of their own (spans NER cut out of the title, "State for Culture" too)."""
    view = view_of(mc.doc)
    text, lower, title = view.text, view.lower, view.is_title
    k = span.start
    if lower[k] in mc.role_words and len(span) > 2 and lower[k + 1] == "for":
        k = span.start + 2  # NER took "State for Culture": the post's own words start the span
    if k == span.start:
        if k > 0 and text[k - 1] == "," and span.end < len(text) and text[span.end] == ",":
            return False  # "…, Media and Sport, Tessa Jowell,": the holder in apposition
        if k == 0 or not (text[k - 1] in (",", "&") or lower[k - 1] in ("and", "for")):
            return False  # "Secretary of State for Education Ruth Kelly": a name after the remit
        while k > 0 and (text[k - 1] in (",", "&") or lower[k - 1] == "and" or title[k - 1]):
            k -= 1
            if span.start - k > 6 or view.ent_id[k] or view.ent_type[k] == "PERSON":
                return False  # "the Minister for Europe Denis MacShane": a name after the remit
    post = k - 2 if k > 1 else None
    return (
        post is not None
        and lower[k - 1] == "for"
        and lower[post] in mc.role_words
        and title[post]
        and lower[post] not in _ORG_HEADS_OR_INSTITUTION_HEADS  # "Department for Education and Skills" is a body
    )


def listed_remit(mc: MentionContext, span: Span) -> bool:
    """ "Culture, Media and Sport Secretary Tessa Jowell", "Education and Skills Secretary
    Charles Clarke", "Environment, Food and Rural Affairs Secretary": capitalised words listed
    with commas or "and" right before a post (roles.yaml) are its remit, each no body of its
    own. Only a list, and only before a post a remit stands before (remit_posts): a single
    name before a post is the body's or place's whose post it is ("Microsoft Chairman Bill
    Gates"); no name the gazetteer knows or body's head word is in the list."""
    view = view_of(mc.doc)
    n, start, end = len(view), span.start, span.end
    if (
        not _remit_word(view, start)
        or not _remit_word(view, end - 1)
        or not all(_remit_word(view, i) or _joins_a_list(view, i) for i in range(start, end))
    ):
        return False
    k = end
    while k < n and k - end <= 8 and (_remit_word(view, k) or _joins_a_list(view, k)):
        k += 1
    if k >= n or _joins_a_list(view, k - 1) or view.lower[k] not in REMIT_POSTS:
        return False
    j = start
    while j > 0 and start - j <= 8 and (_remit_word(view, j - 1) or _joins_a_list(view, j - 1)):
        j -= 1
    while j < start and _joins_a_list(view, j):
        j += 1  # "Gordon Brown and Transport Secretary …": a join before the list's first word
    # a list ends in "and" or "&" ("Culture, Media and Sport"); "However, Transport Commissioner"
    # is a sentence's opening word and one remit
    return any(view.lower[i] in ("and", "&") for i in range(j, k))


def _remit_word(view: TokenView, i: int) -> bool:
    """A capitalised word that can name part of a remit: no gazetteer name, person's name,
    body's head word or post (told on the token view: the test runs at every name NER found)."""
    return (
        view.is_title[i] and view.is_alpha[i] and not view.ent_id[i] and view.ent_type[i] != "PERSON"
        and view.lower[i] not in _REMIT_END_HEADS and view.lower[i] not in REMIT_POSTS
    )  # fmt: skip


def _joins_a_list(view: TokenView, i: int) -> bool:
    return view.text[i] in (",", "&") or view.lower[i] == "and"


def is_title_phrase(mc: MentionContext, span: Span) -> bool:
    """ "Minister of Agriculture", "Secretary for Health": a post word, then "of"/"for"."""
    return (
        len(span) > 2
        and span[1].lower_ in ("of", "for")
        and mc.gaz.match_role(span[0].text) is not None
        and span[0].lower_ not in ORG_HEADS
    )


def party_portfolio(mc: MentionContext, span: Span) -> bool:
    """ "the Lib Dems' Treasury spokesman", "the SNP's Holyrood leader", "Lib Dem Home Office
    spokesman": a name NER typed a body right between a party (its name, or its possessive)
    and a lower-case party post (party_posts) is the post's portfolio or seat, no body of its
    own ("The Treasury said" is the Treasury)."""
    doc, end = mc.doc, span.end
    if end >= len(doc) or not doc[end].is_lower or doc[end].lemma_.lower() not in PARTY_POSTS:
        return False
    k = span.start - 1
    if k > 0 and doc[k].tag_ == "POS":
        k -= 1  # "the Lib Dems' ...", "the party's ..."
    if k < 0:
        return False
    if doc[k].lower_ in PARTY_NOUNS:
        return True  # "the party's Treasury spokesman"
    party = next((e for e in ents_covering(doc, k) if e.end == k + 1), None)
    if party is None:
        return False
    entry = mc.gaz.entries.get(party.ent_id_) if party.ent_id_ else None
    names = entry.surfaces if entry is not None else (party.text,)
    return any(PARTY_NOUNS & set(name.lower().split()) for name in names)
