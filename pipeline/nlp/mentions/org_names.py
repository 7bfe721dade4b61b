"""Organisation and company cues: how much of a span is a body's name, and which
untagged words are one.

A company's legal form after a comma ("Sears, Roebuck & Co."), a body's head word before
"of <Country>", a lower-case description after the name ("the Renamo party"), adjectives NER
cut off ("the American Jewish Congress"), a body NER ran on into its holder's name ("the
Lib Dems David Laws"), "the Bush Administration" (no body: the country's government), and
bodies and web sites NER left untagged. Kept apart from the person and place rules so the
evidence for a body reads in one place.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.mentions.article_words import english_words, lowered_words, title_case, written_alone
from pipeline.nlp.mentions.context import Candidate, MentionContext, clean_spaces, ents_covering
from pipeline.nlp.mentions.gazetteer_hits import gazetteer_candidate
from pipeline.nlp.mentions.people import person
from pipeline.nlp.mentions.post_words import post_of
from pipeline.nlp.mentions.vocabulary import (
    BODY_HEADS,
    CORPORATE_SUFFIXES,
    DOCUMENT_HEADS,
    EVENT_HEADS,
    GIVEN_NAMES,
    GOVERNMENT_NAMES,
    HONORIFICS,
    LAW_HEADS,
    NAME_PARTICLES,
    ORG_HEADS,
    ORG_NOUNS,
    PLACE_ADJECTIVES_OR_PLACES,
    REGION_ADJECTIVES,
    SITE_DOMAINS,
    STATE_BODY_HEADS,
    is_body_word,
)
from pipeline.nlp.token_view import view_of

# words no person's name after a body's holds: a body's head word or an honorific
_NOT_NAME_WORDS = ORG_HEADS | frozenset(HONORIFICS)
# last words of a document's, a law's or an occasion's name, no body's
_NO_BODY_ENDS = DOCUMENT_HEADS | LAW_HEADS | EVENT_HEADS


def body_then_holder(mc: MentionContext, ent: Span) -> list[Candidate]:
    """ "Secretary General of the Andean Community Wagner", "For the Lib Dems David Laws
    said": NER ran a body's name on into the name of someone after it. A span that goes on
    past a body's name with one to three capitalised name words is the body and then a
    person. The body's name is known when its last word is one only a body's name ends in
    (body_heads), and the words after it name someone when the last of them stands alone
    elsewhere in the article ("said Wagner"), a post "of" the body comes before it, or they
    start with a common given name. A body the article names on its own elsewhere ("Lib Dems
    David Laws") is known too, but then only a given name shows where it ends: "Fiat Auto",
    "Mittal Steel" and "Allied Domecq" are one company whose first word is also used alone."""
    doc = mc.doc
    if ent.label_ != "ORG" or ent.ent_id_ or len(ent) < 2:
        return []
    named: set[str] | None = None  # the names of the other spans, made when first asked
    view = view_of(doc)
    for k in range(ent.start + 1, ent.end):
        if not view.is_title[k - 1] or ent.end - k > 3:
            continue
        if not all(  # told on the view: a Span made only for a name's words after a body's
            view.is_title[j] and view.is_alpha[j] and view.tag[j] == "NNP" and view.lower[j] not in mc.role_words
            and view.lower[j] not in _NOT_NAME_WORDS and not view.ent_id[j]
            for j in range(k, ent.end)
        ):
            continue
        rest = doc[k : ent.end]
        body = doc[ent.start : k]
        while body and body[0].lower_ == "the":
            body = body[1:]
        given = len(rest) > 1 and rest[0].lower_ in GIVEN_NAMES
        if body and doc[k - 1].lower_ not in BODY_HEADS and given and named is None:
            named = {clean_spaces(e.text) for e in view_of(doc).ents if e.end <= ent.start or e.start >= ent.end}
        if not body or not (doc[k - 1].lower_ in BODY_HEADS or given and clean_spaces(body.text) in named):
            continue
        if not (given or written_alone(doc, ent, [rest[-1].text], title_case) or post_of(mc, ent.start)):
            continue
        if not mc.in_sections(ent.start, ent.end):
            return []
        holder = person(mc, rest, "PERSON")
        if holder is None:
            return []
        known = mc.gaz.by_alias(clean_spaces(body.text))
        first = gazetteer_candidate(mc, body, "ORG", known.entity_id) if known is not None else None
        if first is None:
            first = Candidate(body.start, body.end, "ORG", "ORGANIZATION", "name", clean_spaces(body.text), 1)
        return [first, holder]
    return []


def untagged_bodies(mc: MentionContext) -> list[Candidate]:
    """ "The Daily Telegraph quotes Yushchenko", "The Bloc Québécois backed the budget": "the"
    and two to four capitalised proper nouns NER left untagged, as the subject of a verb, are a
    body's name (a person's name takes no article; a post, a given name or a known name is
    left to the other rules)."""
    doc, out = mc.doc, []
    view = view_of(doc)
    for i in range(len(doc) - 2):
        if view.lower[i] != "the" or view.tag[i + 1] not in ("NNP", "NNPS"):
            continue
        end = i + 1
        while end < len(doc) and end - i <= 4 and doc[end].tag_ in ("NNP", "NNPS") and doc[end].is_title:
            end += 1
        span = doc[i + 1 : end]
        if len(span) < 2 or not mc.in_sections(span.start, span.end):
            continue
        if end < len(doc) and (doc[end].is_title and doc[end].is_alpha or doc[end].ent_type_):
            continue  # the name goes on
        if any(t.ent_type_ or not t.is_alpha or t.lower_ in mc.role_words or t.lower_ in HONORIFICS for t in span):
            continue
        if span[0].lower_ in GIVEN_NAMES or mc.gaz.by_alias(span.text) or span.root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if span[-1].lower_ in _NO_BODY_ENDS:
            continue  # "the Valech Report was issued …": a document or an occasion, no body
        out.append(Candidate(span.start, span.end, "ORG", "ORGANIZATION", "name", clean_spaces(span.text), 0))
    return out


def bodies_by_their_noun(mc: MentionContext) -> list[Candidate]:
    """ "a front for gas monopoly Gazprom", "publishers Eidos", "Menatep, Yukos main
    shareholders' group, has also threatened": one to three capitalised proper nouns NER left
    untagged, right after a lower-case noun only bodies are (org_nouns) or with such a noun in
    apposition after a comma, are that body's name. A given name, a post, an honorific or a
    name the gazetteer knows is left to the other rules, as is a name that runs on."""
    doc, out = mc.doc, []
    view = view_of(doc)
    for i in range(len(doc)):
        if view.tag[i] not in ("NNP", "NNPS") or view.ent_type[i] or not view.text[i][:1].isupper():
            continue
        if i > 0 and (view.tag[i - 1] in ("NNP", "NNPS") or view.is_title[i - 1]) and not view.sent_start[i]:
            continue  # the name starts before ("Electronic Arts")
        end = i
        while end < len(doc) and end - i < 3 and view.tag[end] in ("NNP", "NNPS") and view.text[end][:1].isupper():
            if view.ent_type[end]:
                break
            end += 1
        if end < len(doc) and (view.tag[end] in ("NNP", "NNPS") or view.ent_type[end]) or not mc.in_sections(i, end):
            continue  # the name goes on into something else
        span = doc[i:end]
        if not all(t.is_alpha for t in span) or span[0].lower_ in GIVEN_NAMES:
            continue
        if len(span) > 1 and view.sent_start[i] and view.lower[i].endswith("ing"):
            continue  # "Combining SMFG, Japan's third-biggest lender": a participle opens the sentence
        if any(t.lower_ in mc.role_words or t.lower_ in HONORIFICS for t in span):
            continue
        text = clean_spaces(span.text)
        if mc.gaz.by_alias(text) or mc.gaz.demonym_country(text) or span[-1].lower_ in _NO_BODY_ENDS:
            continue
        before = doc[i - 1] if i > 0 else None
        described = before is not None and before.is_lower and before.lemma_.lower() in ORG_NOUNS
        described = described and before.head.i in range(i, end)
        root = span.root
        appositions = [c for c in root.children if c.dep_ == "appos" and c.i > end and doc[end].text == ","]
        if described or any(c.lemma_.lower() in ORG_NOUNS for c in appositions[:1]):
            out.append(Candidate(i, end, "ORG", "ORGANIZATION", "name", text, 0))
    return out


def demonym_led_bodies(mc: MentionContext) -> list[Candidate]:
    """ "Welsh Water said", "British Energy warned", "English Partnerships and the office of
    the deputy prime minister have worked": a demonym and one to three capitalised proper
    nouns NER left untagged, the subject of a verb, are a body's name (its nation's word is
    part of it), not the nation and a stray word; a people ("British Muslims") is a noun
    NER tags itself, and a post ("British Prime Minister") is left to the title rules."""
    doc, out = mc.doc, []
    view = view_of(doc)
    for i in range(len(doc) - 1):
        if not view.is_title[i]:
            continue  # the tests before making a Token, for every word of the article
        if mc.gaz.demonym_country(view.text[i]) is None and view.lower[i] not in REGION_ADJECTIVES:
            continue
        first = doc[i]
        end = i + 1
        while end < len(doc) and end - i <= 3 and _untagged_name_word(doc[end]):
            end += 1
        if end == i + 1 or not mc.in_sections(i, end):
            continue
        if end < len(doc) and (doc[end].is_title and doc[end].is_alpha or doc[end].ent_type_):
            continue  # the name goes on
        if i > 0 and not first.is_sent_start and doc[i - 1].is_title:
            continue  # "the Second South American Summits": the name starts before the demonym
        words = doc[i + 1 : end]
        if any(mc.gaz.match_role(t.text) or t.lower_ in HONORIFICS or mc.gaz.demonym_country(t.text) for t in words):
            continue
        last = words[-1]
        if words[0].lower_ in GIVEN_NAMES or {last.lower_, last.lower_.removesuffix("s")} & _NO_BODY_ENDS:
            continue  # a person, or a document's or an occasion's name ("American Summits")
        if words.root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        span = doc[i:end]
        if mc.gaz.by_alias(span.text):
            continue
        out.append(Candidate(i, end, "ORG", "ORGANIZATION", "name", clean_spaces(span.text), 2))
    return out


def _untagged_name_word(token: Token) -> bool:
    return token.tag_ in ("NNP", "NNPS") and token.is_title and not token.ent_type_


def untagged_sites(mc: MentionContext) -> list[Candidate]:
    """ "According to web site RottenTomatoes.com", "the closure of the Suprnova.org website":
    one capitalised token NER left untagged that ends in a web domain (site_domains) and is
    no part of an address ("http://", "www.", a path) names the site, an organisation."""
    doc, out = mc.doc, []
    view = view_of(doc)
    for i, (text, ent_type) in enumerate(zip(view.text, view.ent_type, strict=True)):
        # site_name wants a capital and a dot: told on the view, a Token made only for those
        if ent_type or "." not in text or not text[:1].isupper():
            continue
        if site_name(doc[i]) and mc.in_sections(i, i + 1):
            out.append(Candidate(i, i + 1, "ORG", "ORGANIZATION", "name", text, 0))
    return out


def site_name(token: Token) -> bool:
    """ "RottenTomatoes.com", "Suprnova.org": a capitalised name and a web domain (site_domains)
    in one token, no address ("www.", a path, or after "http:" or "/")."""
    text = token.text
    if not text[:1].isupper() or "/" in text or text.lower().startswith("www."):
        return False
    stem, dot, domain = text.partition(".")
    if not dot or domain.lower() not in SITE_DOMAINS or not stem.replace("-", "").isalnum():
        return False
    return token.i == 0 or token.doc[token.i - 1].text not in ("/", ":", "//", ".")


def legal_form_end(span: Span) -> bool:
    """A company's name ends in its legal form (corporate_suffixes) after a comma, "&" or
    "and" ("Sears, Roebuck & Co.", "Bear, Stearns and Co.", "Google, Inc."): one name, not a
    list."""
    return len(span) > 2 and span[-1].lower_.rstrip(".") in CORPORATE_SUFFIXES and span[-2].text in (",", "&", "and")


def leaders_government(mc: MentionContext, span: Span) -> bool:
    """ "the Bush Administration", "the Blair Government": a government named after its leader
    is the national government (eval/GUIDE.md: a surface of the country, which the article
    names otherwise), not an organisation; "the Scottish Government", "the Labour Government"
    are named after a place or party the gazetteer or the region adjectives know."""
    if len(span) != 2 or span[-1].lower_ not in GOVERNMENT_NAMES:
        return False
    leader = span[0]
    known = leader.ent_id_ or mc.gaz.by_alias(leader.text) or mc.gaz.demonym_country(leader.text)
    return leader.is_title and leader.tag_ == "NNP" and not known and leader.lower_ not in PLACE_ADJECTIVES_OR_PLACES


def country_of_body(mc: MentionContext, span: Span) -> int | None:
    """Where "<Body> of <Country>" ends ("the Liberal Party of Kenya", "the Communist Party of
    China", "the National Assembly of Kenya" when NER stopped at the body's word and the
    ruler took the country): a name ending in a word only a body's name ends in
    (body_heads, institution_heads) or a state institution's (state_body_heads: "the
    Supreme Court of the United States"), then "of" (and "the") and a country of the gazetteer,
    is one body's name. None when it is not."""
    doc, end = mc.doc, span.end
    last = span[-1]
    body_word = is_body_word(last.lower_) or last.lower_ in STATE_BODY_HEADS  # "the High Court of Australia"
    if not (last.is_title and body_word) or end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    k = end + 1 + (doc[end + 1].lower_ == "the")
    if k >= len(doc):  # the text ends at "… of the"
        return None
    country = next((e for e in ents_covering(doc, k) if e.start == k and e.ent_id_.startswith("country:")), None)
    if country is None or country.label_ != "GPE" or not mc.in_sections(span.start, country.end):
        return None
    return country.end


def described_body(mc: MentionContext, span: Span) -> bool:
    """ "the opposition Renamo party … Renamo said": a lower-case body noun (org_nouns) ending
    NER's span only says what the body is, when the article also writes the name without it
    or the name is one proper noun that is no English word ("Renamo", "HBOS"); "the National
    party" keeps its noun ("National" names nothing by itself)."""
    if len(span) < 2 or not span[-1].is_lower or span[-1].lower_ not in ORG_NOUNS or not span[-2].is_title:
        return False
    bare = clean_spaces(span[:-1].text)
    ents = view_of(mc.doc).ents
    if any(e.start != span.start and clean_spaces(e.text).removeprefix("the ") == bare for e in ents):
        return True
    # "the opposition Renamo party" only: one proper name that is no English word and that
    # the article never writes in lower case is a name by itself; "the National party", "the
    # Green party" name the body with the noun
    name = span[-2]
    return (
        len(span) == 2
        and name.pos_ == "PROPN"
        and name.lower_ not in lowered_words(mc.doc)
        and not _english_word(name.lower_)
    )


def _english_word(lower: str) -> bool:
    return lower in english_words()


def maker_of_product(mc: MentionContext, span: Span) -> bool:
    """ "Apple iPod", "Apple iTunes", "SSEYO miniMIXA", "the Google knol": NER's body ending in a
    word written with a lower-case first letter that is no body noun (org_nouns) and no word
    of a name ("de", "of") is the maker and its product: a camel-cased product name ("iPod")
    says so itself, a plain lower-case word that is no English word ("knol"; not "the Louvre
    museum") only where the article also writes the maker's name alone. The capitalised words
    before it must make a name."""
    if len(span) < 2 or not all(t.is_title or t.is_upper for t in span[:-1]) or span[0].lower_ in GIVEN_NAMES:
        return False  # "Leonardo diCaprio" typed ORG: a person's name, no maker
    last = span[-1]
    if not last.is_alpha or not last.text[:1].islower() or last.lower_ in ORG_NOUNS or last.lower_ in NAME_PARTICLES:
        return False
    if any(ch.isupper() for ch in last.text[1:]):
        # "iPod", "miniMIXA"; not "diCaprio", "deGrasse": a surname's particle run on
        return _lower_opening(last.text) not in NAME_PARTICLES
    if _english_word(last.lower_):
        return False  # "the Louvre museum": an English noun says what the name is, not a product
    bare = clean_spaces(span[:-1].text)
    ents = view_of(mc.doc).ents
    return any(e.start != span.start and clean_spaces(e.text).removeprefix("the ") == bare for e in ents)


def _lower_opening(word: str) -> str:
    """The lower-case letters a camel-cased word opens with ("i" of "iPod", "di" of "diCaprio")."""
    k = 0
    while k < len(word) and word[k].islower():
        k += 1
    return word[:k]


def description_start(span: Span) -> int:
    """ "the Associated Press news agency", "the Gazprom gas company": where the lower-case
    words that end NER's span begin, when there are two or more of them and the last is a
    body noun (org_nouns): they only say what the capitalised name before them is. The span's
    length when no such words end it (one such word is `described_body`'s question)."""
    k = len(span)
    while k > 1 and span[k - 1].is_lower and span[k - 1].is_alpha:
        k -= 1
    if len(span) - k < 2 or span[-1].lower_ not in ORG_NOUNS or not (span[k - 1].is_title or span[k - 1].is_upper):
        return len(span)
    return k


def adjectives_opening(mc: MentionContext, span: Span) -> int:
    """Where a body's name begins when NER cut the capitalised adjectives of a people or a
    language off its front ("American" and "Jewish" typed NORP, then "Congress" typed ORG;
    "English" typed LANGUAGE, then "Defence League"): adjectives, each a one-word NORP or
    LANGUAGE entity, right before a name that ends in a body's word are part of it. A lone
    adjective before a lone body word stays the country's ("the British Parliament")."""
    doc, start = mc.doc, span.start
    last = span[-1]
    if not last.is_title or not (last.lower_ in ORG_HEADS or is_body_word(last.lower_)):
        return start
    k = start
    while (
        k > 0
        and doc[k - 1].is_title
        and doc[k - 1].ent_type_ in ("NORP", "LANGUAGE")
        and doc[k - 1].ent_iob_ == "B"
        and mc.section[k - 1] == mc.section[start]
    ):
        k -= 1
    if k == start and _country_before(mc, span):
        return start - 1  # "a U.S. District Court", "US District Court Judge Ernest Torres"
    if k == start or len(span) + (start - k) < 3:
        return start
    return k


def _country_before(mc: MentionContext, span: Span) -> bool:
    """A country's one-word name or abbreviation ("US", "U.S.", "UK"), a country entity of
    its own, right before a body's name of two or more words that the parser makes it a
    modifier of: the body's national prefix, part of its name ("U.S. District Court"), no
    mention of the country. One word after it ("the US Treasury") is left to the rules for
    a country's branches."""
    doc, start = mc.doc, span.start
    if start == 0 or len(span) < 2:
        return False
    before = doc[start - 1]
    return (
        before.ent_type_ == "GPE"
        and before.ent_iob_ == "B"
        and before.ent_id_.startswith("country:")
        and before.dep_ == "compound"
        and before.head.i in range(start, span.end)
        and mc.section[start - 1] == mc.section[start]
    )
