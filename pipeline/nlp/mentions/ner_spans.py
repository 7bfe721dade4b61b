"""Where NER's span is wrong about its edges, or names nothing at all.

Wire and wiki text fool NER at a name's edges: markup, dates and asides it runs on into
("Canadians &mdash;", "the Commons on Thursday"), an inverted reporting verb it glues on
("Said Mr Fogg"), a loose preposition left at the end. And some spans are no name: a common
abbreviation ("VAT", "RFID"), a sentence-case common noun ("Broadband has become …"). These
checks come before any typing, so they are kept together here, apart from the rules that
decide a name's type.
"""

from __future__ import annotations

import calendar
import re

from spacy.tokens import Span, Token

from pipeline.nlp.mentions.article_words import (
    english_irregular_forms,
    english_words,
    lowered_words,
    word_positions,
    written_alone,
)
from pipeline.nlp.mentions.context import MentionContext
from pipeline.nlp.mentions.vocabulary import (
    BELIEF_NAMES,
    COMMON_ABBREVIATIONS,
    GROUP_HOLDER_NOUNS,
    GROUP_NOUNS,
    HONORIFICS,
    REPORTING_VERBS,
)
from pipeline.nlp.token_view import view_of

_CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.day_name, *calendar.month_name) if w)


def before_markup(doc, start: int, end: int) -> int:
    """Where a name NER ran on into markup ends: an HTML entity left in wire text
    ("Canadians &mdash;"), a parenthesis it opens and never closes ("National Bureau of
    Investigation (NBI"), a wiki category line ("Ethiopia Category:Africa") or table cell
    ("Australia |0||1||1||-3"), a date after a preposition ("the Commons on Thursday"), or a
    spaced dash and lower-case words after it, an aside about the name ("Russia's
    Yuganskneftegas - the oil firm sold …")."""
    view = view_of(doc)
    lower, text, is_lower, is_punct = view.lower, view.text, view.is_lower, view.is_punct
    n = len(text)
    for k in range(start + 1, end):
        word = text[k]
        if lower[k] in ("on", "in") and k + 1 < end and lower[k + 1] in _CALENDAR_WORDS:
            end = k
            break
        entity = word == "&" and k + 1 < n and is_lower[k + 1] and view.is_alpha[k + 1]
        unclosed = word == "(" and ")" not in text[k:end]
        category = word == "Category" and k + 1 < n and text[k + 1] == ":"
        cell = word[:1] == "|"  # a wiki table's next cell: "!Australia |0||1||1||-3 |-"
        aside = (
            word in ("-", "\u2013", "\u2014") and view.spaced[k - 1] and k + 1 < end
            and all(is_lower[j] or is_punct[j] for j in range(k + 1, end))
        )
        if entity or unclosed or category or cell or aside:
            end = k
            break
    while end > start and (is_punct[end - 1] or view.is_space[end - 1]):
        end -= 1
    return end


def across_a_hyphen(doc, end: int) -> int:
    """Where a name NER cut at a hyphen ends: "the Japan Maritime Self-Defense Force", NER's
    span ending at "Self", goes on over the hyphen glued to its last word and the capitalised
    words NER left untagged after it, when the last of them is a noun; the span's end when no
    hyphen is glued to it."""
    k = end
    while (
        k + 1 < len(doc) and not doc[k - 1].whitespace_ and doc[k].text == "-" and not doc[k].whitespace_
        and _untagged_capitalised(doc[k + 1])
    ):  # fmt: skip
        k += 2
        while k < len(doc) and doc[k - 1].whitespace_ and _untagged_capitalised(doc[k]):
            k += 1
    return k if k > end and doc[k - 1].pos_ in ("PROPN", "NOUN") else end


def _untagged_capitalised(token: Token) -> bool:
    return token.is_title and token.is_alpha and token.ent_iob_ == "O"


def _reporting_word(token: Token) -> bool:
    """ "Said", "Adds", "Warned": a reporting verb (quotes.yaml) as written, whatever its tag."""
    low = token.lower_
    stems = (low, low[:-1], low[:-2]) if low.endswith(("s", "ed")) else (low,)
    return low in ("said", "says", "told") or any(stem in REPORTING_VERBS for stem in stems)


def after_inverted_verb(mc: MentionContext, start: int, end: int) -> tuple[int, int]:
    """ "Said Mr Fogg: ..." opens a sentence with the verb, and NER glues it to the name
    ("Said Mr" PERSON): the name starts at the honorific after the verb, and a name cut
    after its honorific takes the capitalised words that follow ("Mr Fogg"). Only before an
    honorific: "Said Jalili" is a name."""
    doc, view = mc.doc, view_of(mc.doc)
    if end - start < 2 or not view.is_title[start] or view.lower[start + 1] not in HONORIFICS:
        return start, end
    if not _reporting_word(doc[start]):
        return start, end
    if start > 0 and doc[start - 1].is_alpha:
        return start, end  # mid-sentence: "the Said Business School" keeps its word
    start += 1
    if all(t.lower_ in HONORIFICS for t in doc[start:end]):
        while end < len(doc) and end - start < 4 and doc[end].tag_ == "NNP" and doc[end].is_title and doc[end].is_alpha:
            end += 1
    return start, end


def loose_preposition(token: Token) -> bool:
    """A lower-case preposition NER left at a name's end ("... Centre at"): no name ends in
    one. Not "of", "for", "and" or "de", which end a name the gazetteer's span goes on
    from ("Bank of" + "England"); those are handled with that span."""
    return token.is_lower and token.pos_ == "ADP" and token.lower_ not in ("of", "for", "and", "de")


def common_abbreviation(text: str) -> bool:
    """ "RFID", "GPs", "VAT": the abbreviation of a common noun (common_abbreviations), as
    written in capitals, names no person, place or body, whatever NER typed it. Its plural
    takes a lower-case "s" ("PCs"): "PCS" is a union's own abbreviation."""
    low = text.lower()
    plural = text[-1:] == "s" and low[:-1] in COMMON_ABBREVIATIONS
    return not text.islower() and (low in COMMON_ABBREVIATIONS or plural)


def expands_common_abbreviation(doc, start: int, end: int) -> bool:
    """ "Radio Frequency Identification (RFID)", "DSL (Asymmetric Digital Subscriber Line)",
    "the Private Finance Initiative (PFI)": capitalised words that a common noun's abbreviation
    (common_abbreviations) in brackets right after them spells out, or that spell out such an
    abbreviation right before their brackets, are that common noun written in full, no name."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        return common_abbreviation(doc[end + 1].text)
    if start >= 2 and end < len(doc) and doc[start - 1].text == "(" and doc[end].text == ")":
        return common_abbreviation(doc[start - 2].text)
    return False


def belief_name(text: str) -> bool:
    """ "Islam", "Judaism" (belief_names), "Thatcherism", "Islamophobia": one word naming a
    faith, an ideology or a prejudice names no person, place, body or group, whatever NER
    typed it; the people who hold it ("Muslims") are another word."""
    low = text.lower()
    return " " not in low and low.isalpha() and (low in BELIEF_NAMES or low.endswith(("ism", "phobia")))


def sentence_case_word(mc: MentionContext, span: Span) -> bool:
    """ "Broadband has become hugely competitive", "Software giant Microsoft": one word,
    capitalised only because it opens the sentence, which the article also writes in lower
    case and never capitalised inside a sentence, is a common noun NER took for a name."""
    if not _opens_in_title_case(span):
        return False
    word = span[0]
    if word.lower_ not in lowered_words(mc.doc):
        return False
    return _never_inside_a_sentence(mc.doc, word.text)


def _opens_in_title_case(span: Span) -> bool:
    """One word in title case that opens its sentence: capitalised perhaps only for that."""
    return len(span) == 1 and span[0].is_sent_start and span[0].is_title


def _never_inside_a_sentence(doc, text: str) -> bool:
    """Whether the article writes `text` (as spelled) only where a sentence opens."""
    return not any(not doc[i].is_sent_start for i in word_positions(doc).get(text, ()))


def opening_premodifier(mc: MentionContext, span: Span) -> bool:
    """ "Media giant Viacom has paid", "House prices fell", "Digital cameras were the hot
    gadget": one word, capitalised only because it opens the sentence, that describes the
    lower-case noun right after it (a compound or adjective whose head lies to the right), an
    English common noun or adjective that the article never writes capitalised inside a
    sentence, is no name NER may type a body, a place or a person, also where the article
    never writes the word in lower case (sentence_case_word asks that). A name the gazetteer
    knows is left be, and so is one the article writes inside a sentence ("Shell chief
    executive ..." beside "Royal Dutch Shell"); the lemmatizer's word lists hold place names
    too ("hollywood", "manchester"), so the caller leaves places be. An irregular plural the
    lemmatizer lists among its exceptions ("Media") is English too, and so is the word before a
    plural noun the parser read as its verb ("Chart stars Duran Duran are …")."""
    if not _opens_in_title_case(span) or span[0].ent_id_:
        return False
    word, doc = span[0], mc.doc
    if word.i + 1 >= len(doc) or word.head.i <= word.i:
        return False
    after = doc[word.i + 1]
    misread = _noun_read_as_a_verb(doc, word)
    if word.dep_ not in ("compound", "amod", "nmod") and not misread:
        return False
    # a lower-case noun the tagger read as a proper noun ("Theatre impresario Sir Cameron") is one
    if not after.is_lower or not after.text.replace("-", "").isalpha():
        return False
    if after.pos_ not in ("NOUN", "ADJ", "PROPN") and not misread:
        return False
    # "Media giant Viacom": an irregular plural the lemmatizer lists among its exceptions is English too
    # (each list asked on its own: their union is 79,000 words, two milliseconds to build)
    forms = {word.lower_, word.lemma_.lower()}
    english = forms & english_words("noun", "adj") or forms & english_irregular_forms("noun", "adj")
    if not english and word.lower_ not in lowered_words(doc):
        return False
    return _never_inside_a_sentence(doc, word.text)


def _noun_read_as_a_verb(doc, word: Token) -> bool:
    """ "Chart stars Duran Duran are to appear": the plural noun after the opening word, read as
    its verb ("stars" VBZ, the opening word its subject), is a noun when a name follows it and a
    verb of its own follows the name; the opening word describes that noun, as in "Chart star
    Duran Duran"."""
    after = word.i + 1
    if word.dep_ != "nsubj" or word.head.i != after or doc[after].tag_ != "VBZ":
        return False
    stem = doc[after].lower_
    if not stem.endswith("s") or stem[:-1] not in english_words("noun"):
        return False
    k = after + 1
    while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].is_title:
        k += 1
    return after + 1 < k < len(doc) and doc[k].pos_ in ("AUX", "VERB")


def opening_group_noun(span: Span) -> bool:
    """ "Farmers protested outside parliament", "Backbenchers have threatened to rebel": one
    plural word, capitalised only because it opens the sentence, of the generic nouns for
    people acting as a group (group_nouns, stances.yaml group_holder_nouns), is no name NER
    may type a body or a person; the group, if it acts, is the stance detector's."""
    if not _opens_in_title_case(span) or span[0].ent_id_:
        return False
    word = span[0].lower_
    if word in GROUP_NOUNS:
        return True
    singulars = {word[:-1]} if word.endswith("s") else set()
    if word.endswith("ies"):
        singulars.add(word[:-3] + "y")
    elif word.endswith("es"):
        singulars.add(word[:-2])
    return bool(singulars & GROUP_HOLDER_NOUNS)


def acronym(token: Token) -> bool:
    """ "CBI", "IEEE": a word of two or more capitals and no lower-case letter, which the
    tagger may read as an adjective before a noun ("CBI chief economist", "IEEE decisions");
    common abbreviations (common_abbreviations) are left out before this is asked."""
    letters = [c for c in token.text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def ampersand_name(token: Token) -> bool:
    """ "AT&T", "P&O": capitals joined by an ampersand in one token, a name like any word."""
    letters = token.text.replace("&", "")
    return "&" in token.text and letters.isalpha() and letters.isupper()


def repeated_head_pair(ent: Span) -> list[Span]:
    """ "the Duchy of Lancaster and Duchy of Cornwall", "Real Madrid and Real Sociedad": two
    names NER ran into one span across "and", told apart by the second opening with the
    capitalised word the first opens with; each is a span of its own, with NER's label. Not
    "the Department of Trade and Industry", one name whose "and" joins its last words."""
    doc = ent.doc
    first = ent.start + (ent[0].lower_ == "the")
    if first >= ent.end or not doc[first].is_title:
        return []
    for k in range(first + 1, ent.end - 1):
        if doc[k].lower_ == "and" and doc[k + 1].text == doc[first].text:
            return [Span(doc, ent.start, k, label=ent.label_), Span(doc, k + 1, ent.end, label=ent.label_)]
    return []


def pair_named_apart(ent: Span) -> list[Span]:
    """ "Shares in UPS and Deutsche Post rose", "Dell and Hewlett-Packard cut prices": NER ran
    two bodies joined by "and" into one organisation. Each side of the one "and", all its
    words capitalised, that the article also writes on its own (no capitalised word next to
    it) is a name of its own; each is a span with NER's label. Not "Procter and Gamble" or
    "the Department of Trade and Industry" (one name, whose parts the article does not write
    alone, or whose "and" joins a remit after "of")."""
    doc = ent.doc
    if ent.label_ != "ORG":
        return []
    first = ent.start + (ent[0].lower_ == "the")
    joins = [k for k in range(first + 1, ent.end - 1) if doc[k].text == "and"]
    if len(joins) != 1:
        return []
    k = joins[0]
    parts = [Span(doc, first, k, label=ent.label_), Span(doc, k + 1, ent.end, label=ent.label_)]
    if parts[0].text == parts[1].text:
        return []
    for part in parts:
        if not all(map(_upper_first, part)) or not written_alone(doc, ent, [t.text for t in part], _upper_first):
            return []
    return parts


def _upper_first(token: Token) -> bool:
    """A word that opens with a capital ("UPS", "McDonald", "Post")."""
    return token.text[:1].isupper()


# a match score written as one token ("4–3") or as three ("2", "-", "0")
_SCORE = re.compile(r"\d{1,2}[-\u2013]\d{1,2}")
_SCORE_DASHES = frozenset({"-", "\u2013"})


def before_a_score(doc, start: int, end: int) -> int:
    """ "the St. Louis Blues 4–3", "Everton 2-0", "Liverpool 2-1 Watford: Gerrard": NER ran a
    team's name on into the score after it (and what follows the score). The name ends
    before the first score after a capitalised word; `end` where there is none."""
    return next((k for k in range(start + 1, end) if _score_at(doc, k, end) and _upper_first(doc[k - 1])), end)


def _score_at(doc, k: int, end: int) -> bool:
    """Whether a score starts at token `k`: one token ("4–3"), or three ("2", "-", "0") that
    end at the latest on the token after the name (`end`)."""
    if _SCORE.fullmatch(doc[k].text):
        return True
    if k + 2 > min(end, len(doc) - 1):
        return False
    return _goals(doc[k].text) and doc[k + 1].text in _SCORE_DASHES and _goals(doc[k + 2].text)


def _goals(text: str) -> bool:
    """One side of a score: one or two digits."""
    return text.isdigit() and len(text) <= 2
