"""A name followed by a lower-case noun that says what kind of thing it is.

"the Run London 10km race", "the Brit awards", "the Yadavaran and Jufeyr oilfields": NER
types such names by their words (a body, a person), but the noun after them says they
are an occasion or a facility. The name alone (without the noun, as with "Aceh province")
is then an EVENT or a LOCATION, over whatever NER made of it. Names joined by "and" or
commas before a plural noun each take the kind. The nouns are data
(`pipeline/knowledge/mentions.yaml`, `kind_nouns`).

An actor's or creator's noun after a name says the same ("Friends actress Lisa Kudrow",
"Peter Pan creator JM Barrie": the name is the WORK the person plays in or made, `kind_nouns`
value cast). A work noun before a name says the same of a title: "the film Sleepy Hollow",
"his album American Idiot" (`work_nouns`) are WORKs, not the places, bodies or people NER
took them for; so does a year's possessive ("1992's Batman Returns", `dated_title`).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from pipeline.nlp.mentions.article_words import lowered_words
from pipeline.nlp.mentions.context import Candidate, MentionContext, clean_spaces, ents_covering, is_whole_ent
from pipeline.nlp.mentions.kinds import NAMING_VERBS, spoken_for, thing_evidence
from pipeline.nlp.mentions.named_things import acts_as_body
from pipeline.nlp.mentions.ner_spans import common_abbreviation
from pipeline.nlp.mentions.vocabulary import (
    COMPUTING_WORDS,
    EXAMPLE_HEADS,
    HONORIFICS,
    KIND_NOUNS,
    NAMING_HEADS,
    PEOPLE_ADJECTIVES,
    is_body_word,
)
from pipeline.nlp.syntax import ANY_SUBJECT_DEPS, ARTICLES
from pipeline.nlp.token_view import view_of

_NOUN_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "appos", "conj"})
_TITLE_JOINS = frozenset({"in", "the", "of", "for", "on", "to", "a"})
_MEASURES = frozenset({"QUANTITY", "CARDINAL"})
_BROADCAST_WORDS = frozenset({"tv", "television", "radio", "cable"})  # "the CBS TV network": a broadcaster
_PRIZE_SUPERLATIVES = frozenset({"best", "worst"})  # "a best film Oscar": a prize's category
NUMBER_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
"""NER's labels for numbers, amounts and times: never the name a noun is given."""
_TYPE = {
    "event": "EVENT", "award": "EVENT", "fac": "LOCATION", "site": "LOCATION", "law": "LAW", "product": "PRODUCT",
    "virus": "PRODUCT", "brand": "PRODUCT", "index": "PRODUCT", "study": "WORK", "tool": "PRODUCT", "cast": "WORK",
}  # fmt: skip
_NER_OF_KIND = {
    "fac": "FAC", "site": "FAC", "law": "LAW", "product": "PRODUCT", "virus": "PRODUCT", "brand": "PRODUCT",
    "index": "PRODUCT", "study": "WORK_OF_ART", "tool": "PRODUCT", "cast": "WORK_OF_ART",
}  # fmt: skip
# NER's types that make a name no name of the kind: an owner of a facility ("the BP
# refinery"), the body that gives awards ("the Bafta awards"), a namesake ("the
# Shakespeare festival"), a place the occasion is held in ("the California festival"), a date ("the 17 April race")
_NOT_THE_NAME = {
    "fac": ("ORG", "DATE", "TIME"),
    # "the Granita restaurant", "Birmingham New Street stations", "the Sankatmochan temple" typed
    # NORP: a site no owner names, whatever NER typed it (a people's adjective is told by its
    # word, `_a_sites_name`)
    "site": NUMBER_LABELS,
    "award": ("ORG", "PERSON", "GPE", "DATE", "TIME"),
    "event": ("PERSON", "GPE", "DATE", "TIME"),
    "law": ("ORG", "PERSON", "DATE", "TIME"),  # "the Blair accord", "the EU treaty": the party to it
    "product": ("DATE", "TIME"),  # a worm has no maker NER could name before it
    # NER types an unknown program's name as a firm, a person or a place as often as not
    # ("the MyDoom virus", "the Cabir phone virus"): the computing word a program's sentence
    # needs and the gazetteer (a firm it knows stays that firm) decide, not NER's label
    "virus": ("DATE", "TIME"),
    # "the Maserati brand", "the Panasonic brand": a maker NER knows as a body (or a place)
    # names its brand after itself and stays the maker; a name NER took for a person's or
    # left a work is the brand ("Martha Stewart and Joe Boxer brands")
    "brand": ("ORG", "GPE", "NORP", "FAC", "LOC", "DATE", "TIME"),
    # "the FTSE 100 index", "the Hang Seng index": whatever NER made of the name, the figure
    "index": ("DATE", "TIME"),
    # "the CBI report", "the British inquiry": a body or a people NER knows wrote it; "the
    # Hutton report", "the Butler inquiry" NER typed a person or a place: the work, named after its chair
    "study": ("ORG", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL"),
    # "the BitTorrent file-sharing system", "a Taser stun gun", "a Linux or Mac version": NER
    # types a program's or device's name a body or a person as often as not, so its label does
    # not decide; a place or a people is where the thing is used ("the New Zealand system",
    # "US networks"), and a maker ("the Microsoft program") is told by what it does in the
    # article (`_acts_in_the_article`)
    "tool": ("GPE", "NORP", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"),
    # "Vera Drake actress Imelda Staunton", "Spider-Man creator Stan Lee": NER types a film's
    # or show's title a body or a person as often as not; a place or a people is where the
    # actor comes from ("Hollywood actor", "British actress"), and a company or theatre the
    # article shows acting is their employer, as for a tool's maker
    "cast": ("GPE", "NORP", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"),
}


def kinded_names(mc: MentionContext, kw: Token) -> list[Candidate]:
    """The names `kw` (a kind noun, lower case) says the kind of."""
    doc, label = mc.doc, KIND_NOUNS[kw.lower_]
    # "oilfields" the tagger may read as a verb ("VBZ"); as an object or subject it is the noun
    if not kw.is_lower or kw.tag_ not in ("NN", "NNS") and kw.dep_ not in _NOUN_DEPS:
        return []
    plural = kw.lower_.endswith("s")
    end = kw.i
    while end > 0 and (doc[end - 1].like_num or doc[end - 1].ent_type_ in _MEASURES) and not _inside(doc[end - 1]):
        end -= 1  # "the Run London 10km race": a measure between the name and the noun
    while end > 0 and (_describes(doc[end - 1], kw) or _hyphened_description(doc, end)):
        end -= 2 if doc[end - 1].text == "-" else 1  # "the Cabir mobile phone virus", "file-sharing systems"
    if label == "virus" and not _computing(kw):
        return []  # "the Ebola virus": a disease, no program
    if label == "tool" and kw.dep_ in ("compound", "amod", "nmod"):
        return []  # "RNID technology director", "a New York software firm": the noun describes another
    if label == "site" and (acts_as_body(kw) or _before_a_name(doc, kw)):
        return []  # "the Granita restaurant said": the business run there; "Manchester station Key 103"
    names = _listed_in_one_name(doc, end) if label == "site" and plural else []
    names = names or _names_before(doc, end, plural, owned=label == "fac")
    out = []
    for start, end in names:
        span = doc[start:end]
        if not mc.in_sections(start, end) or _known_or_titled(mc, span):
            continue
        if label == "site" and not _a_sites_name(span):
            continue
        if any(t.ent_type_ in _NOT_THE_NAME[label] for t in span):
            continue
        if label == "brand" and _person_named_elsewhere(doc, start, end):
            continue
        if label in ("tool", "cast") and not _a_tools_name(mc, span, kw):
            continue
        ner = _NER_OF_KIND.get(label, "EVENT")
        # a brand is often its maker's or founder's name: the phrase types this mention only,
        # not the name's other occurrences (a phrase rule's priority would carry it to them)
        # so is a stock index, computed by a firm or paper of its name ("the Dow Jones index")
        priority = 2 if label in ("brand", "index", "study") else 3
        # "the Sankatmochan temple": the one site's mention holds its noun, as a name's annotation
        # may ("Rosyth naval base"); the name is the capitalised words
        stop = kw.i + 1 if label == "site" and not plural else end
        out.append(Candidate(start, stop, ner, _TYPE[label], "name", clean_spaces(span.text), priority))
    return out


_EXAMPLE_PREPS = frozenset({"including", "like", "as"})


def listed_examples(mc: MentionContext, kw: Token) -> list[Candidate]:
    """The names listed as examples of `kw`, a lower-case noun for works or products
    (example_heads): "technologies such as Wimax", "projects, including the Joint Strike
    Fighter, the Nimrod and A400M aircraft", "arcade classics such as Space Invaders, Pac-Man
    and Donkey Kong". Each is a WORK or PRODUCT over whatever NER typed it; a name the
    gazetteer knows and a possessor ("products such as Sony's Playstation") are left be."""
    doc = mc.doc
    opening = kw.is_sent_start and kw.text[1:].islower()  # "Drugs such as Vioxx …"
    if not (kw.is_lower or opening) or kw.tag_ not in ("NN", "NNS"):
        return []
    label, ner = ("WORK", "WORK_OF_ART") if EXAMPLE_HEADS[kw.lower_] == "work" else ("PRODUCT", "PRODUCT")
    out = []
    for obj in _example_objects(kw):
        for member in [obj, *_conjuncts(obj)]:
            ent = next((e for e in ents_covering(doc, member.i) if e.root.i == member.i), None)
            if ent is None or ent.label_ in NUMBER_LABELS or not mc.in_sections(ent.start, ent.end):
                continue
            if _known(mc, ent) or any(t.lower_ in mc.role_words for t in ent):
                continue
            # a phrase rule's type carries to NER's other occurrences of the name ("Wimax will
            # steal market share"), unless NER read a person: works and brands are named after
            # people ("brands such as Martha Stewart", "films like Billy Elliot"), whom the article
            # may name too, so that type stays this mention's
            priority = 2 if ent.label_ == "PERSON" else 3
            out.append(Candidate(ent.start, ent.end, ner, label, "name", clean_spaces(ent.text), priority))
    return out


def called_names(mc: MentionContext, kw: Token) -> list[Candidate]:
    """The name a singular noun for a work or product (naming_heads) is given by "called",
    "named", "dubbed" or "known as" hung on it: "a test called Linpack", "a technology known as
    Janus", "a virus called Bofra". The name is a WORK or PRODUCT over whatever NER typed it
    (one NER read a person's types this mention only, as with listed examples); a name the
    gazetteer knows or holding a post word is left be."""
    if not kw.is_lower or kw.tag_ != "NN":
        return []
    label, ner = ("WORK", "WORK_OF_ART") if NAMING_HEADS[kw.lower_] == "work" else ("PRODUCT", "PRODUCT")
    out = []
    for verb, ent in given_names(kw):
        if ent.label_ in NUMBER_LABELS or not mc.in_sections(ent.start, ent.end):
            continue
        if ent.start > verb.i + 2 or _known(mc, ent) or any(t.lower_ in mc.role_words for t in ent):
            continue
        priority = 2 if ent.label_ == "PERSON" else 3
        out.append(Candidate(ent.start, ent.end, ner, label, "name", clean_spaces(ent.text), priority))
    return out


def given_names(kw: Token) -> list[tuple[Token, Span]]:
    """(verb, name) for each name "called", "named", "dubbed" or "known as" hung on `kw` gives
    it ("a test called Linpack", "a shadowy group known as Meibion Glyndwr"): the entity NER
    found whose root is the verb's object."""
    doc = kw.doc
    out = []
    for verb in kw.children:
        if verb.dep_ != "acl" or verb.tag_ != "VBN":
            continue
        if verb.lemma_.lower() in NAMING_VERBS:
            named = [c for c in verb.children if c.dep_ in ("oprd", "dobj", "attr") and c.i > verb.i]
        elif verb.lower_ == "known":
            preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
            named = [p for c in preps for p in c.children if p.dep_ == "pobj"]
        else:
            continue
        for name in named:
            ent = next((e for e in ents_covering(doc, name.i) if e.root.i == name.i), None)
            if ent is not None:
                out.append((verb, ent))
    return out


def _example_objects(kw: Token) -> list[Token]:
    """The objects of "such as", "including" or "like" hung on `kw` (or on a comma after it)."""
    objs = []
    for prep in kw.children:
        if prep.dep_ != "prep":
            continue
        if prep.lower_ == "such":  # the parser hangs "as" on "such" or "such" on "as"
            prep = next((c for c in prep.children if c.dep_ == "prep" and c.lower_ == "as"), None)
            if prep is None:
                continue
        elif prep.lower_ == "as" and not any(c.lower_ == "such" for c in prep.children):
            continue  # "films as diverse as …", "games as a service": no examples
        elif prep.lower_ not in _EXAMPLE_PREPS:
            continue
        elif prep.lower_ == "like" and prep.i != kw.i + 1:
            continue  # "sites which offer casual games, like AOL, Yahoo": a comma's "like" may go with a noun before
        objs += [c for c in prep.children if c.dep_ == "pobj"]
    return objs


def _conjuncts(token: Token) -> list[Token]:
    """The names listed after `token` ("Space Invaders, Pac-Man and Donkey Kong")."""
    out, stack = [], [token]
    while stack:
        for c in stack.pop().children:
            if c.dep_ in ("conj", "appos") and c.i > token.i:
                out.append(c)
                stack.append(c)
    return out


def titled_work(mc: MentionContext, kw: Token, product: bool = False) -> list[Candidate]:
    """The title NER found right after a work noun `kw` ("the film Sleepy Hollow"), as a WORK;
    with `product`, the name after a product's noun ("the game Halo 2"), as a PRODUCT."""
    doc, k = mc.doc, _title_start(mc.doc, kw)
    if not kw.is_lower or kw.tag_ != "NN" or kw.ent_type_ or k >= len(doc) or not doc[k].text[:1].isupper():
        return []
    if any(c.tag_ == "JJS" and c.lower_ in _PRIZE_SUPERLATIVES for c in kw.children):
        return []  # "a best film Oscar": a category of a prize, no title ("her latest film Vera Drake" is one)
    # "the horror film The Grudge": NER may leave the title's capitalised article out
    article = doc[k].lower_ in ARTICLES and doc[k].is_title and k + 1 < len(doc)
    ent = next((e for e in ents_covering(doc, k + article) if e.start in (k, k + article)), None)
    if ent is None or ent.label_ in NUMBER_LABELS or ent.ent_id_ or not _titles(ent.root, kw):
        return []
    if kw.dep_ == "compound" and kw.head.i >= ent.end:
        return []  # "film Bafta nominations": the noun describes what comes after the name
    found = _work_title(mc, ent, k)
    return [replace(c, label="PRODUCT", entity_type="PRODUCT") for c in found] if product else found


def _title_start(doc, kw: Token) -> int:
    """Where the title after the work noun `kw` opens: right after it ("the film Sleepy
    Hollow"), or after a comma where the title stands in apposition ("his new book, Lawless
    World, suggests")."""
    k = kw.i + 1
    if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].text[:1].isupper():
        title = doc[k + 1]
        while title.dep_ in ("compound", "amod") and title.head.i > title.i:
            title = title.head
        return k + 1 if title.dep_ == "appos" and title.head.i == kw.i else k
    return k


def _work_title(mc: MentionContext, ent, start: int | None = None) -> list[Candidate]:
    """NER's name `ent`, run on past where NER stopped inside a title, as a WORK: not a
    known name, an honorific's person, or a post opening a person's name ("the documentary
    President Bush criticised"); a post word inside a title is one ("the action movie
    National Treasure", "the film The President's Analyst"). `start` opens the title
    before NER's name where its capitalised article was left out ("the film The Grudge")."""
    doc = mc.doc
    start = ent.start if start is None else start
    end = _title_end(doc, ent.end)
    span = doc[start:end]
    if not mc.in_sections(start, end) or _known(mc, span):
        return []
    if ent.label_ == "PERSON" and span[0].lower_ in mc.role_words:
        return []
    return [Candidate(start, end, "WORK_OF_ART", "WORK", "name", clean_spaces(span.text), 3)]


def _titles(root: Token, kw: Token) -> bool:
    """The name hangs on the work noun, or the noun on it ("the film Sleepy Hollow"), not
    on a verb after it ("a downloaded movie NEC is showing", a sentence without its stop).
    A title the parser read as words of a clause ("the romantic comedy Shall We Dance?",
    "TV comedy Married With Children") is one too, unless it is a verb's subject."""
    return root.head.i == kw.i or kw.head.i == root.i or root.dep_ not in ANY_SUBJECT_DEPS


def _title_end(doc, end: int) -> int:
    """Past function words and capitalised words where NER stopped inside a title ("the
    film Pirates of the Caribbean", "the show Passport to Paradise"); not past "and", which
    joins two titles as often as it is inside one, nor into a date ("White Noise on Friday")."""
    j = end
    while j < len(doc) and doc[j].is_lower and doc[j].lower_ in _TITLE_JOINS:
        j += 1
    if j == end or j >= len(doc) or not _name_word(doc[j]) or doc[j].ent_type_ in NUMBER_LABELS:
        return end
    while j < len(doc) and _name_word(doc[j]):
        j += 1
    return _title_end(doc, j)


def _names_before(doc, end: int, plural: bool, owned: bool = False) -> list[tuple[int, int]]:
    """The capitalised names ending at `end`: one, or before a plural noun each of those
    joined by "and" or commas ("the Yadavaran and Jufeyr oilfields"). A name of several
    words ends the list unless NER read it as a name of its own ("the Martha Stewart and Joe
    Boxer brands"): else an earlier name may share its words ("the Golden and Silver Bear
    awards"). A site may follow its owner's possessive (`owned`: "Rover's Longbridge plant")."""
    names: list[tuple[int, int]] = []
    while True:
        start = end
        while start > 0 and _name_word(doc[start - 1]):
            start -= 1
        if start == end or doc[start].is_sent_start or _goes_on_before(doc, start, owned):
            return names
        if not names and not _modifies(doc[end - 1]):
            return names
        if names and names[0][1] - names[0][0] > 1 and not is_whole_ent(doc, start, end):
            return names  # after a name of several words, only another NER name is listed with it
        names.append((start, end))
        if end - start > 1 and not is_whole_ent(doc, start, end):
            # "the Golden and Silver Bear awards": an earlier name may share the last one's
            # words, unless NER reads each as a name of its own ("the Martha Stewart and Joe
            # Boxer brands")
            return names
        if not plural or start == 0 or doc[start - 1].lower_ not in ("and", ","):
            return names
        end = start - 1


def _before_a_name(doc, kw: Token) -> bool:
    """ "moving to Manchester station Key 103": a capitalised name right after the noun is what
    the noun describes (a radio station), and the name before it says where that is."""
    return kw.i + 1 < len(doc) and doc[kw.i + 1].text[:1].isupper() and doc[kw.i + 1].tag_ in ("NNP", "NNPS")


def _a_sites_name(span) -> bool:
    """A name before a site noun that names the site: no broadcaster's or body's word in it ("the
    Alter Television station") and no people's or faith's adjective ("a Hindu temple")."""
    return not any(
        is_body_word(t.lower_) or t.lower_ in _BROADCAST_WORDS or t.lower_ in PEOPLE_ADJECTIVES for t in span
    )


def _listed_in_one_name(doc, end: int) -> list[tuple[int, int]]:
    """ "the improvement of Reading and Birmingham New Street stations": NER ran the names joined
    by "and", "or" or commas before a plural site noun into one name ending at `end`; its parts,
    each of capitalised proper nouns, are the names. Empty when NER's name ending there is one
    name."""
    ent = next((e for e in ents_covering(doc, end - 1) if e.end == end), None)
    if ent is None:
        return []
    parts, start = [], ent.start + (doc[ent.start].lower_ == "the")
    for k in range(start, end):
        if doc[k].lower_ in ("and", "or", ","):
            parts.append((start, k))
            start = k + 1
    parts.append((start, end))
    if len(parts) < 2 or not all(a < b and all(_name_word(t) for t in doc[a:b]) for a, b in parts):
        return []
    return parts


def _person_named_elsewhere(doc, start: int, end: int) -> bool:
    """ "The Jamie Oliver brand has expanded into cookware, Oliver said": a name before
    "brand" that NER finds elsewhere in the article as a person, whole or by its last word,
    is that person's brand, and the person is the mention."""
    words = {doc[start:end].text, doc[end - 1].text}
    return any(e.label_ == "PERSON" and e.text in words for e in view_of(doc).ents if not start <= e.start < end)


def _a_tools_name(mc: MentionContext, span, kw: Token) -> bool:
    """A name before a tool's noun (or an actor's or creator's, `cast`) that names the tool (or
    the work): one NER found (not "3G networks", "an IT system", a common abbreviation), no
    body's name ("the Millennium Institute network"), no broadcaster ("the UPN TV network",
    "the CBS television network") and no maker or owner the article shows acting
    (`_acts_in_the_article`)."""
    doc = mc.doc
    if not all(t.ent_type_ for t in span) or common_abbreviation(span.text):
        return False
    if span.start > 0 and doc[span.start - 1].whitespace_ == "" and doc[span.start - 1].text[-1:].isalnum():
        return False  # "3G": the name goes on before
    if is_body_word(span[-1].lower_) or any(t.lower_ in _BROADCAST_WORDS for t in doc[span.start : kw.i]):
        return False
    if len(span) == 1 and span[0].lower_ in lowered_words(doc):
        return False  # "\"Digital technology has transformed …": a word the article writes in lower case
    if spoken_for(kw):
        return False  # "spokesman for St Bernard software": the body's name, its last word lower-cased
    return not _acts_in_the_article(mc, span, KIND_NOUNS[kw.lower_])


def _acts_in_the_article(mc: MentionContext, span, kind: str) -> bool:
    """A name before a tool's or a cast noun (`kind`) that the article shows as a person or a
    body anywhere ("Microsoft said", "Apple's shares", "produced by Bungie software", "spokesman for St
    Bernard software") is the maker or owner of the tool, not the tool: what structure says of
    each occurrence NER found, as for a name NER itself called a product (`thing_evidence`)."""
    text = clean_spaces(span.text)
    for ent in view_of(mc.doc).ents:
        if clean_spaces(ent.text).removeprefix("the ") != text:
            continue
        root = ent.root
        same = KIND_NOUNS.get(root.head.lower_) == kind or root.head.lemma_ == "network"
        if root.dep_ in ("compound", "nmod") and same:
            continue  # "the BitTorrent network" elsewhere: the same construction, or a network that is no body
        c = Candidate(ent.start, ent.end, ent.label_, "PRODUCT", "name", text, 1)
        if thing_evidence(mc, c) & {"PERSON", "ORGANIZATION"} or spoken_for(root):
            return True
        by = root.head
        if root.dep_ == "pobj" and (by.dep_ == "agent" or by.lower_ == "by" and by.head.tag_ == "VBN"):
            return True  # "produced by Bungie software", "the machine launched by Apple"
        if root.dep_ == "nsubj" and root.head.pos_ == "VERB":
            return True  # "Apple has sued three men", "IBM put $300m into": a maker acts, a tool is used
        if root.dep_ == "poss" and (root.head.pos_ == "PROPN" or root.head.ent_type_):
            return True  # "Microsoft's Internet Explorer", "Apple's iPod": the owner of a named thing
    return False


def _name_word(token: Token) -> bool:
    return token.text[:1].isupper() and token.is_alpha and token.tag_ in ("NNP", "NNPS")


def _modifies(last: Token) -> bool:
    """The name describes a noun after it, or is one of names joined to it: not "join
    Morientes race", where the name is the verb's object and the noun another word."""
    return last.head.i > last.i or last.dep_ == "conj"


def _hyphened_description(doc, end: int) -> bool:
    """ "the BitTorrent and Kazaa file-sharing systems": a hyphen right before `end` joining
    two lower-case words written together, the first of a describing word the parser split."""
    if end < 2 or end >= len(doc) or doc[end - 1].text != "-":
        return False
    before, after = doc[end - 2], doc[end]
    joined = not before.whitespace_ and not doc[end - 1].whitespace_
    return before.is_lower and before.is_alpha and after.is_lower and joined


def _describes(token: Token, kw: Token) -> bool:
    """A lower-case noun or adjective inside the kind noun's phrase ("mobile phone" in "the
    Cabir mobile phone virus"), which stands between the name and the noun."""
    if not token.is_lower or not token.is_alpha or token.dep_ not in ("compound", "amod", "nmod"):
        return False
    head = token.head
    while head.i < kw.i and head.dep_ in ("compound", "amod", "nmod"):
        head = head.head
    return head.i == kw.i


def _computing(kw: Token) -> bool:
    """A computing word in the virus noun's sentence ("the Cabir mobile phone virus", "the
    MyDoom virus ... new e-mail addresses"): the virus is a program, not a disease. The
    sentence, not the noun phrase: a relative clause the parser hangs elsewhere ("the Cabir
    virus was discovered that can hop from phone to phone") says it as often."""
    return any(t.lower_ in COMPUTING_WORDS for t in kw.sent)  # "e-mail" splits into "e", "-", "mail"


def _inside(token: Token) -> bool:
    """A number NER reads as part of a name ("Euro 2004"), not a measure before the noun."""
    return token.ent_iob_ == "I" and token.ent_type_ not in _MEASURES


def _goes_on_before(doc, start: int, owned: bool = False) -> bool:
    """The capitalised words are the end of a longer name: NER's name begins earlier, or a
    hyphen, a possessive or a title's function word joins them to capitalised words before
    ("Tri-Nations", "Uncle Toby's Hardcourts", "T in the Park"). With `owned`, the possessive
    of a name NER typed a body is the owner's, not part of the name ("Rover's Longbridge plant")."""
    if doc[start].ent_iob_ == "I" or start < 2:
        return doc[start].ent_iob_ == "I"
    if doc[start - 1].text in ("-", "'s", "’s"):
        owner = owned and doc[start - 1].text != "-" and doc[start - 2].ent_type_ == "ORG"
        return doc[start - 2].text[:1].isupper() and not owner
    k = start - 1
    while k > 0 and doc[k].is_lower and doc[k].lower_ in _TITLE_JOINS:
        k -= 1
    return k < start - 1 and doc[k].text[:1].isupper() and doc[k].is_alpha


def _known_or_titled(mc: MentionContext, span) -> bool:
    """A known name ("London marathon"), a post or an honorific is no name of the thing."""
    return _known(mc, span) or any(t.lower_ in mc.role_words for t in span)


def _known(mc: MentionContext, span) -> bool:
    """A name the gazetteer knows, or one an honorific opens or holds: no name of a thing."""
    if any(t.ent_id_ for t in span) or mc.gaz.by_alias(span.text) or mc.gaz.demonym_country(span.text):
        return True
    return any(t.lower_ in HONORIFICS for t in span)


def dated_title(mc: MentionContext, possessive: Token) -> list[Candidate]:
    """The name NER found right after a year's possessive ("1992's Batman Returns", "2000's
    Meet the Parents", "1985's Live Aid"): a year owns a work or an occasion, never a
    person, a body or a place; an occasion NER saw stays its EVENT, the rest is a WORK.
    A name describing a noun after it ("2003's Tony Blair speech") is no title."""
    doc, i = mc.doc, possessive.i
    year = doc[i - 1] if i > 0 else None
    if year is None or not (year.tag_ == "CD" and len(year.text) == 4 and year.text.isdigit()):
        return []
    ent = next((e for e in ents_covering(doc, i + 1) if e.start == i + 1), None) if i + 1 < len(doc) else None
    if ent is None or ent.label_ in NUMBER_LABELS or ent.label_ in ("EVENT", "LAW"):
        return []
    if ent.root.dep_ in ("compound", "amod", "nmod") and ent.root.head.i >= ent.end:
        return []  # "2004's Manchester United squad": the year owns the noun the name describes
    return _work_title(mc, ent)
