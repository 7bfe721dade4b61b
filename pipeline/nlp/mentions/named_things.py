"""Named things that are not actors: events, laws, works, products and sites (facilities).

"Operation Condor", "the Prevention of Terrorism Bill", "Xbox 2", "the Three Gorges Dam",
"up to the Palace": names NER types a body, person or place that name a thing, an occasion
or a site (a LOCATION, eval/GUIDE.md), unless the site speaks or acts as the body run there
("The Palace said"). Also the one way back: "Dr Gillingwater" typed a work is a person.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.mentions.context import THING_OF_LABEL, Candidate, MentionContext, clean_spaces
from pipeline.nlp.mentions.kinds import spoken_for
from pipeline.nlp.mentions.vocabulary import (
    BASE_OPENERS,
    CODENAME_WORDS,
    EVENT_HEADS,
    EVENT_OPENERS,
    FACILITY_COMPOUNDS,
    FACILITY_HEADS,
    GIVEN_NAMES,
    HONORIFICS,
    LAW_HEADS,
    OUTLET_HEADS,
    PREMISES_WORDS,
    PRODUCT_NAMES,
    REPORTING_VERBS,
    VESSEL_PREFIXES,
    is_body_word,
)
from pipeline.nlp.token_view import view_of

DOUBLE_QUOTES = frozenset({'"', "\u201c", "\u201d", "``", "''"})  # not an apostrophe: "the Specials' Rat Race"


def named_thing(mc: MentionContext, span: Span, label: str, text: str) -> Candidate | None:
    """A law, event, work or product NER found ("the Patriot Act", "the Kyoto protocol",
    "Meet the Press"): kept under its own type when it reads as a name, never a person's
    honorific or a score ("Leeds 2-0" typed PRODUCT). A name ends before a quotation mark inside
    the span ("\"New\" Labour") and, unless it is a work's title ("Crouching Tiger, Hidden
    Dragon"), before a comma ("the Kyoto Protocol, Downing Street said"); a newspaper's name
    NER typed a work or product is a body ("The Sydney Morning Herald"); a law NER found that
    ends in an event's word is the event ("the RBS Six Nations Championship", "the Davis Cup")."""
    end = next((t.i for t in span[1:] if t.text in DOUBLE_QUOTES or t.text == "," and label != "WORK_OF_ART"), span.end)
    while end > span.start + 1 and mc.doc[end - 1].is_lower and mc.doc[end - 1].is_alpha:
        end -= 1  # "the Second World War ended in": NER ran on into the verb
    span = mc.doc[span.start : end]
    text = clean_spaces(span.text)
    words = [t for t in span if t.is_alpha]
    score = any(t.text in ("-", "–") and t.i > span.start and mc.doc[t.i - 1].like_num for t in span)
    if not words or not span[0].text[:1].isupper() or score:
        return None
    if len(span) == 1 and (span[0].lower_ in HONORIFICS or span[0].pos_ not in ("PROPN", "NOUN")):
        return None
    if mc.gaz.by_alias(text) or mc.gaz.demonym_country(text):
        return None
    if label in ("WORK_OF_ART", "PRODUCT") and len(span) > 1 and span[-1].is_title and span[-1].lower_ in OUTLET_HEADS:
        return Candidate(span.start, span.end, "ORG", "ORGANIZATION", "name", text, 1)  # "The Sydney Morning Herald"
    if label == "LAW" and len(span) > 1 and span[-1].is_title and span[-1].lower_ in EVENT_HEADS:
        label = "EVENT"
    return Candidate(span.start, span.end, label, THING_OF_LABEL[label], "name", text, 1)


def law_name(mc: MentionContext, span: Span, text: str) -> bool:
    """A capitalised law word last in the name or before "of"/"on": "Mental Capacity Bill",
    "European Convention on Human Rights", "Treaty of Rome", or alone ("the Budget")."""
    if mc.gaz.by_alias(text):
        return False
    if len(span) == 1:
        # "Gordon Brown's Budget statement", "the Bill was passed": the document alone, which
        # NER types a body; a first name ("Bill" typed PERSON) is left to the person rules
        word = span[0]
        if not (word.is_title and word.lower_ in LAW_HEADS):
            return False
        return word.ent_type_ != "PERSON" or _modified_as_a_thing(word)
    view, last = view_of(span.doc), span.end - 1
    return any(
        view.lower[k] in LAW_HEADS and view.is_title[k] and (k == last or view.lower[k + 1] in ("of", "on"))
        for k in range(span.start, span.end)
    )


def _modified_as_a_thing(word: Token) -> bool:
    """ "its ID cards Bill", "the terror Bill", "the Organised Crime Bill": a law word right
    after a lower-case noun or adjective, or ending a title NER found, is the document, though
    NER read "Bill" as a first name; so is one right after a determiner or a possessive ("The
    Bill now faces opposition", "No Bill goes through", "Mr Clarke's Bill"), which a lone first
    name never takes."""
    before = word.doc[word.i - 1] if word.i > 0 else None
    if before is None:
        return False
    if before.tag_ in ("DT", "PRP$", "POS") and before.ent_type_ != "PERSON":
        return True
    return before.is_lower and before.pos_ in ("NOUN", "ADJ") or before.ent_type_ in ("WORK_OF_ART", "LAW")


def code_name(mc: MentionContext, span: Span) -> bool:
    """ "the Xbox 2, codenamed Xenon", "Windows (code-named Longhorn)": a name right after a
    word giving a code name (codename_words, its hyphenated tokens written together) is the
    product's or project's code name, no person, body or place ("Operation Overlord" is left
    to the operations' rule)."""
    doc, k = mc.doc, span.start
    if k == 0 or operation_name(span):
        return False
    before = "".join(view_of(doc).lower[max(0, k - 3) : k])
    return any(before.endswith(word) for word in CODENAME_WORDS) and span[0].text[:1].isupper()


def operation_name(span: Span) -> bool:
    """ "Operation Condor", "Operation Iraqi Freedom": a capitalised operation word
    (event_openers) and a capitalised name after it."""
    return len(span) > 1 and span[0].is_title and span[0].lower_ in EVENT_OPENERS and span[1].text[:1].isupper()


def facility_name(span: Span) -> bool:
    """ "the Three Gorges Dam" typed ORG, "McMurdo Station" typed PERSON: a name of two or more
    words ending in a site's word (facility_heads), capitalised, that no given name starts
    (not "Nick Park"), is the site, unless it speaks or acts as the body run there ("Hereford
    County Hospital had earlier said")."""
    last = span[-1]
    site = len(span) > 1 and last.is_title and last.lower_ in FACILITY_HEADS and span[0].lower_ not in GIVEN_NAMES
    return (site or base_name(span) or compound_site(span)) and not acts_as_body(span.root)


def compound_site(span: Span) -> bool:
    """ "the Zappion Conference Centre", "Cairine Wilson High School" typed ORG: a name of three
    or more words whose last two, capitalised, name a kind of site (facility_compounds), where
    the last word alone also ends bodies' names ("the Foreign Policy Centre")."""
    if len(span) < 3 or not (span[-1].is_title and span[-2].is_title):
        return False
    return (span[-2].lower_, span[-1].lower_) in FACILITY_COMPOUNDS


def premises_place(span: Span) -> bool:
    """ "the Rover factory in Longbridge", "a steel firm in Armentieres", "the Academy's
    headquarters in Beverly Hills" typed a body or a person: a name that is the object of
    "in" or "near" hung on a word for premises or for where a firm is based (premises_words)
    is the place they stand in; not a name ending in a body's word ("offices in the Bank of
    England")."""
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("in", "near") or is_body_word(span[-1].lower_):
        return False
    return prep.head.lower_ in PREMISES_WORDS and prep.head.i < prep.i and span[0].text[:1].isupper()


def base_name(span: Span) -> bool:
    """ "RAF Fairford", "RNAS Culdrose", "Camp Delta": a service's initials or the word for a
    camp (base_openers), capitalised, then capitalised words, name the base, a site."""
    first = span[0]
    return (
        len(span) > 1
        and first.lower_ in BASE_OPENERS
        and (first.is_upper or first.is_title)
        and all(t.text[:1].isupper() for t in span[1:])
    )


def the_before(mc: MentionContext, start: int) -> bool:
    """ "up to the Palace": a building's head word alone, capitalised after "the", stands for
    the building the reader knows (a place, eval/GUIDE.md), not for a body; one that speaks
    or acts ("The Palace said …", "a statement issued by the Palace") is the body seated
    there, like "Downing Street said" (an ORGANIZATION, eval/GUIDE.md)."""
    doc = mc.doc
    if start == 0 or doc[start - 1].lower_ != "the" or not doc[start].is_title:
        return False
    return not acts_as_body(doc[start])


def acts_as_body(word) -> bool:
    """A site's name that speaks or acts ("The Palace said …", "Hereford County Hospital
    had earlier said", "a statement issued by the Palace") stands for the body seated there."""
    speaks = word.dep_ == "nsubj" and word.head.lemma_.lower() in REPORTING_VERBS
    acts = word.dep_ == "pobj" and word.head.dep_ == "agent"
    return speaks or acts or spoken_for(word)


KNIGHTLY_STYLES = frozenset({"sir", "dame"})  # written before a given name: "Dame Julie", "Sir Elton"


def thing_naming_a_person(mc: MentionContext, span: Span, label: str = "WORK_OF_ART") -> bool:
    """A person's name NER typed a law, event, work or product: "Sir" or "Dame" before a given
    name ("Dame Julie", "Dame Judi Dench": a knighthood styles people only); a given name and a
    surname typed a product ("Ashley Cole", "Martin Johnson": a product is rarely named so);
    or "Dr Gillingwater", an honorific and a surname with which a person NER found elsewhere in
    the article ends ("Dr Zhivago" stays a work, as does "Harry Potter": a given name opens
    many a work's title)."""
    words = list(span)
    if not 2 <= len(words) <= 3 or not all(t.is_title for t in words[1:]):
        return False
    if words[0].lower_ in KNIGHTLY_STYLES and words[1].lower_ in GIVEN_NAMES:
        return True
    if label == "PRODUCT" and len(words) == 2 and words[0].is_title and words[0].lower_ in GIVEN_NAMES:
        return words[1].is_alpha and words[1].lower_ not in PRODUCT_NAMES
    if len(words) != 2 or words[0].lower_ not in HONORIFICS:
        return False
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == words[1].text for e in view_of(mc.doc).ents)


def product_name(mc: MentionContext, span: Span) -> bool:
    """ "Xbox 2", "MSN Messenger", "Creative Zen" typed PERSON: a name with a model number,
    or one that starts with the name of a body the article names alone ("MSN", "Creative"),
    is that body's product or service; no person's name holds a number or a company's name."""
    if len(span) < 2 or span[0].lower_ in HONORIFICS:
        return False
    view = view_of(mc.doc)
    if any(view.text[k][:1].isdigit() for k in range(span.start + 1, span.end)):
        return True
    return span[0].text in view.once("org_names", lambda: {e.text for e in view.ents if e.label_ == "ORG"})


def listed_product(span: Span) -> bool:
    """ "Windows XP", "the iPod", "iPods", "Xbox Live" typed a firm, a place or a person: a
    name that is, or opens with, a listed product's name (product_names) is the product, not
    its maker; one that ends in a body's word ("... Foundation") is a body named after it."""
    if is_body_word(span[-1].lower_):
        return False
    words = span.text.lower().split()
    for n in range(min(len(words), 3), 0, -1):
        name = " ".join(words[:n])
        if name in PRODUCT_NAMES:
            return True
        if n == len(words) and name.endswith("s") and (name[:-1] in PRODUCT_NAMES or name[:-3] + "y" in PRODUCT_NAMES):
            return True  # "iPods", "Blackberries": the product, counted
    return False


def maker_before_product(span: Span) -> int | None:
    """ "Microsoft Windows", "Mozilla Firefox", "Sony Walkman" typed one body: capitalised words
    before a listed product's name (product_names) are its maker, the rest the product; how many
    words the maker has, or None when the span is no maker and product ("Nintendo DS" is one
    product's name, "the Mozilla Foundation" a body's)."""
    for k in range(1, min(len(span), 3)):
        maker = span[:k]
        if not all(t.is_title or t.is_upper for t in maker) or listed_product(maker):
            return None
        if listed_product(span[k:]):
            return k
    return None


def vessel_start(doc, start: int, end: int) -> int | None:
    """ "the MV Filitsa" typed ORG, "the RMS Lusitania" whose name NER left alone: where a
    ship's name opens when a ship's prefix in capitals (vessel_prefixes) opens the span or
    stands right before it, capitalised words following; None for any other name."""
    view = view_of(doc)

    def prefix(i: int) -> bool:
        return view.lower[i] in VESSEL_PREFIXES and doc[i].is_upper  # a Token only for a prefix's word

    def capitalised(first: int) -> bool:
        return all(view.text[k][:1].isupper() for k in range(first, end))

    if end - start > 1 and prefix(start) and capitalised(start + 1):
        return start
    if start > 0 and prefix(start - 1) and capitalised(start):
        return start - 1
    return None
