"""Entity mentions in one article: who and what the text names, typed and normalised.

Sources, strongest first:

1. phrase rules over the parse: per-country ministries ("Armenia's foreign ministry",
   "the Russian Foreign Ministry" -> ORGANIZATION `org:arm-foreign-ministry`),
   geographic features ("Lachin corridor" -> LOCATION over the whole phrase) and
   national forces ("Russian peacekeepers" -> GROUP);
2. the gazetteer's entity ruler (countries, capitals, demonyms, organisations, regions),
   whose spans carry the gazetteer id;
3. spaCy's statistical NER, corrected where it is known to fail: a surname NER typed ORG
   or GPE becomes the person the article names in full, "Mr Blair" becomes a PERSON,
   titles are split off names and kept as the mention's role and country.

Then usage decides what a gazetteer hit means: a capital used as an actor ("Baku
agreed", "a jibe at Yerevan") names its country (kind `metonym`) while "in Moscow"
stays the city; a demonym adjective ("Azeri counterparts") names its country (kind
`demonym`) while the plural noun ("ethnic Armenians") is a GROUP. Headlines fool NER, so
a headline span is kept only when the gazetteer knows it or the body names it too.
Finally subject pronouns and "the Prime Minister"-style references are linked to the
last compatible named person when that is unambiguous (`antecedent`).

Linking mentions into entities, within and across articles, is `entity_resolution`'s job;
here `name` is the normalised name it links on (titles, "Mr" and possessives removed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from pipeline.nlp.gazetteer import Gazetteer, load_gazetteer, slug
from pipeline.nlp.records import ArticleContext, Mention

NER_LABELS = {"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC"}
TYPE_OF_LABEL = {"PERSON": "PERSON", "GPE": "LOCATION", "ORG": "ORGANIZATION", "LOC": "LOCATION", "FAC": "LOCATION"}
SECTIONS_WITH_MENTIONS = ("headline", "caption", "body", "trailer")  # trailer: reporters, editors
UNRESOLVED = "?"  # a candidate kept only if a later rule types it

# Honorifics are kept in the surface ("Mr Abbas") but not in the name; they also say
# which pronoun may refer back to the person.
HONORIFICS = {
    "mr": "m", "mr.": "m", "sir": "m", "lord": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "lady": "f", "baroness": "f", "dame": "f",
    "dr": None, "dr.": None, "prof": None, "prof.": None, "professor": None,
}
POSSESSIVES = {"'s", "’s", "'", "’"}
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
NAME_PARTICLES = {
    "van", "von", "de", "der", "den", "da", "di", "del", "della", "dos", "das", "du", "la", "le", "bin", "ibn",
    "al", "el", "ben", "ter", "op", "y", "e", "zu", "af", "bint", "abu",
}

# Common nouns that follow a proper name to form a place ("Lachin corridor", "Thames Valley").
GEO_FEATURES = {
    "corridor", "region", "province", "valley", "border", "river", "mountains", "district",
    "oblast", "strait", "straits", "gorge", "pass", "enclave", "peninsula", "sea", "lake", "desert",
    "basin", "plateau", "highlands", "canal", "bay", "island", "islands", "coast", "delta", "governorate",
}
# Plural nouns that, after a demonym, name a national force or group ("Russian peacekeepers").
GROUP_NOUNS = {
    "peacekeepers", "troops", "forces", "soldiers", "militants", "rebels", "separatists", "insurgents",
    "guerrillas", "militias", "settlers", "refugees", "protesters", "paramilitaries", "fighters",
    "powers", "allies",
}
GROUP_MODIFIERS = {"armed", "militant", "ethnic", "security", "military", "special", "border"}

# Capitals (metonymy): prepositions whose object is a place, and heads that make "at X" a target.
LOCATIVE_PREPS = {
    "in", "at", "near", "outside", "inside", "to", "into", "from", "via", "around", "across", "within",
    "through", "throughout", "beyond", "past", "of", "off", "onto", "opposite", "en", "until", "as", "like",
}
TARGET_HEADS = {
    "jibe", "swipe", "dig", "attack", "criticism", "anger", "fury", "aim", "direct", "point", "hit",
    "lash", "snipe", "barb", "rebuke", "shot", "rage", "frustration", "angry", "furious", "annoyed", "snap",
    "scoff", "laugh", "poke", "jab", "fire", "irritation", "outrage",
}
MOTION_VERBS = {"visit", "leave", "reach", "enter", "tour", "flee", "bomb", "shell", "storm", "capture", "besiege"}
GOVERNMENT_NOUNS = {
    "government", "authorities", "administration", "leadership", "regime", "officials", "side", "delegation",
    "establishment", "elite", "elites", "cabinet", "negotiators", "diplomats", "leaders",
}
PLACE_NOUNS = {
    "street", "streets", "airport", "suburbs", "outskirts", "centre", "center", "mayor", "residents",
    "metro", "city", "citizens", "population", "districts", "hotel", "hotels", "square", "university",
    "theatre", "theater", "stadium", "arena", "district", "hospital", "station", "zoo", "museum", "bridge",
    "port", "headquarters", "laboratory", "laboratories", "lab", "labs", "area", "areas", "council", "mayor",
    "skyline", "traffic", "underground", "neighbourhood", "neighborhood", "schools", "police", "festival",
}

# "Central London" is still the city; "Real Madrid" is not.
PLACE_QUALIFIERS = {
    "greater", "central", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "downtown", "inner", "outer", "old", "new", "metropolitan", "suburban", "the",
}
# Titles that stay part of a one-word name: "Prince Harry" is not "Harry".
KEPT_TITLES = {"prince", "princess", "king", "queen", "pope", "emperor", "emir", "sheikh", "ayatollah"}
PRONOUNS = {"he": "m", "she": "f"}
SUBORDINATE_WORDS = {"deputy", "vice", "shadow", "junior", "assistant", "under", "acting"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Extra words that may sit inside a title before a name ("former foreign minister").
TITLE_MODIFIERS = {"former", "acting", "then", "interim", "outgoing", "incoming", "new", "ex", "veteran", "top"}
# Capitalised nouns NER tends to glue to a name ("Backbencher Stephen Pound").
TITLE_NOUNS = {
    "backbencher", "adviser", "advisor", "aide", "colleague", "veteran", "critic", "candidate", "councillor",
    "peer", "judge", "justice", "professor", "author", "journalist", "writer", "commentator", "economist",
    "analyst", "campaigner", "activist", "director", "officer", "executive", "boss", "chief", "deputy",
    "shadow", "former", "ex", "tory", "labour", "democrat", "republican", "senior", "junior", "presenter",
    "correspondent", "editor", "reporter", "lawyer", "barrister", "solicitor", "mp", "mps", "mep", "peer",
}
# Head nouns of organisations and places: "British Lung Foundation" is no "Lung Foundation" person.
ORG_HEADS = {
    "foundation", "trust", "council", "party", "association", "union", "society", "institute", "office",
    "committee", "commission", "agency", "department", "service", "services", "board", "group", "fund",
    "bank", "league", "federation", "alliance", "front", "movement", "centre", "center", "church", "college",
    "university", "school", "hospital", "airport", "house", "hall", "street", "road", "square", "park",
    "news", "radio", "television", "times", "post", "express", "mail", "review", "magazine", "forum",
    "campaign", "network", "authority", "court", "parliament", "assembly", "cabinet", "government",
}
TITLE_FUNCTION_WORDS = {"of", "the", "and", "for", "-", "in"}
MINISTRY_SYNONYMS = {"foreign affairs": "foreign", "defense": "defence", "external affairs": "foreign"}
QUOTED = re.compile(r"“[^”]{0,3000}”|\"[^\"\n]{0,3000}\"")
ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")


@dataclass(frozen=True)
class _Candidate:
    tok_start: int
    tok_end: int
    label: str  # ner_label
    entity_type: str
    kind: str
    name: str
    priority: int  # phrase rules 3, gazetteer ruler 2, statistical NER 1
    gazetteer_id: str | None = None
    role: str | None = None
    country_iso3: str | None = None
    gender: str | None = None
    antecedent: str | None = None
    char_end: int | None = None  # when the mention ends inside its last token ("U.S.-mediated")


def detect_mentions(ctx: ArticleContext) -> list[Mention]:
    """Every entity mention inside a headline, caption or body sentence, in text order."""
    return _Detector(ctx, load_gazetteer()).run()


def _one_per_start(mentions: list[Mention]) -> list[Mention]:
    """Mention ids are keyed by start offset: where two rules found a span at the same place,
    keep the named mention over a reference, then the longer span."""
    best: dict[str, Mention] = {}
    for mention in mentions:
        kept = best.get(mention.mention_id)
        rank = (mention.kind in ("name", "demonym", "metonym"), mention.char_end - mention.char_start)
        if kept is None or rank > (kept.kind in ("name", "demonym", "metonym"), kept.char_end - kept.char_start):
            best[mention.mention_id] = mention
    return sorted(best.values(), key=lambda m: (m.char_start, m.char_end))


class _Detector:
    def __init__(self, ctx: ArticleContext, gaz: Gazetteer):
        self.ctx, self.gaz, self.doc = ctx, gaz, ctx.doc
        self.section = [self._section_of(t) for t in self.doc]
        self.quoted = [(m.start(), m.end()) for m in QUOTED.finditer(ctx.text)]
        self.role_words = _role_words(gaz)
        self.primary_demonym = _primary_demonyms(gaz)

    # ------------------------------------------------------------------ pipeline
    def run(self) -> list[Mention]:
        candidates = self._phrase_candidates() + self._entity_candidates()
        chosen = _without_overlaps(candidates)
        chosen = self._fix_person_names(chosen)
        chosen = self._attach_titles(chosen)
        chosen = self._filter_headline(chosen)
        chosen = self._expand_acronyms(chosen)
        mentions = self._to_mentions(chosen)
        mentions = self._national_government(mentions)
        return _one_per_start(self._add_references(mentions))

    def _section_of(self, token: Token) -> str | None:
        sentence = self.ctx.sentence_at(token.idx)
        return sentence.section if sentence else None

    def _in_sections(self, start: int, end: int, sections=SECTIONS_WITH_MENTIONS) -> bool:
        return all(self.section[i] in sections for i in (start, end - 1))

    # ------------------------------------------------------------------ phrase rules
    def _phrase_candidates(self) -> list[_Candidate]:
        out: list[_Candidate] = []
        for token in self.doc:
            lower = token.lower_
            if lower == "ministry":
                out.extend(self._ministry(token))
            elif lower in GEO_FEATURES:
                out.extend(self._geo_feature(token))
            elif lower in GROUP_NOUNS:
                out.extend(self._national_group(token))
            elif "-" in token.text[1:-1] and token.ent_iob_ == "O":
                out.extend(self._hyphen_prefix(token))
        return out

    def _hyphen_prefix(self, token: Token) -> list[_Candidate]:
        """A known name glued to a participle in one token: "U.S.-mediated", "EU-brokered"."""
        prefix = token.text.split("-", 1)[0]
        if len(prefix) < 2 or not prefix[0].isupper() or not self._in_sections(token.i, token.i + 1):
            return []
        end = token.idx + len(prefix)
        entry = self.gaz.by_alias(prefix)
        if entry is not None and entry.entity_id.startswith(("country:", "org:", "location:")):
            label = "GPE" if entry.entity_type == "COUNTRY" else "ORG" if entry.entity_id.startswith("org:") else "LOC"
            return [_Candidate(token.i, token.i + 1, label, entry.entity_type, "name", entry.name, 2, entry.entity_id, country_iso3=entry.country_iso3, char_end=end)]
        iso3 = self.gaz.demonym_country(prefix)
        if iso3:
            country = self.gaz.country(iso3)
            return [_Candidate(token.i, token.i + 1, "NORP", "COUNTRY", "demonym", country.name, 2, country.entity_id, country_iso3=iso3, char_end=end)]
        return []

    def _country_before(self, i: int) -> tuple[int, str, str] | None:
        """(first token, iso3, how) of a demonym or "<Country>'s" ending at token i."""
        doc = self.doc
        if i < 0:
            return None
        if doc[i].text in POSSESSIVES and i > 0:
            span = self._gazetteer_span_ending(i - 1)
            if span and span.ent_id_.startswith("country:"):
                return span.start, span.ent_id_.split(":", 1)[1], "possessive"
            return None
        span = self._gazetteer_span_ending(i)
        if span and span.label_ == "NORP" and span.ent_id_.startswith("country:") and len(span) == 1:
            if self.gaz.demonym_country(span.text) and not _is_plural_demonym(span[0], self.gaz):
                return span.start, span.ent_id_.split(":", 1)[1], "demonym"
        return None

    def _country_after_of(self, i: int) -> tuple[int, str] | None:
        doc = self.doc
        if i + 1 >= len(doc) or doc[i].lower_ != "of":
            return None
        k = i + 1
        if doc[k].lower_ == "the":
            k += 1
        for ent in _ents_covering(doc, k):
            if ent.start == k and ent.ent_id_.startswith("country:") and ent.label_ == "GPE":
                return ent.end, ent.ent_id_.split(":", 1)[1]
        return None

    def _gazetteer_span_ending(self, i: int) -> Span | None:
        token = self.doc[i]
        if token.ent_iob_ == "O" or not token.ent_id_:
            return None
        for ent in _ents_covering(self.doc, i):
            if ent.end - 1 == i and ent.ent_id_:
                return ent
        return None

    def _ministry(self, kw: Token) -> list[_Candidate]:
        doc, i = self.doc, kw.i
        words: list[str] = []
        end = i + 1
        if i + 2 < len(doc) and doc[i + 1].lower_ == "of":  # "Ministry of Foreign Affairs"
            j = i + 2
            while j < len(doc) and (doc[j].is_title or doc[j].lower_ == "and" and j + 1 < len(doc) and doc[j + 1].is_title):
                if doc[j].ent_iob_ != "O" and doc[j].ent_id_:
                    break
                words.append(doc[j].lower_)
                j += 1
            if words:
                end = j
        j = i - 1
        left: list[str] = []
        while j >= 0 and len(left) < 3 and doc[j].is_alpha and doc[j].lower_ not in {"the", "a", "of"}:
            if doc[j].ent_id_ or doc[j].is_sent_start and not left:
                break
            left.insert(0, doc[j].lower_)
            j -= 1
        if not words:
            words = left
        elif left:
            return []
        found = self._country_before(j)
        if found is None and words:  # "the Foreign Ministry of Azerbaijan"
            found_after = self._country_after_of(end)
            if found_after is not None:
                end, iso3 = found_after
                found = (j + 1, iso3, "of")
        if not found or not words:
            return []
        start, iso3, _ = found
        key = " ".join(words)
        key = MINISTRY_SYNONYMS.get(key, key)
        if not self._in_sections(start, end):
            return []
        title = " ".join(w.capitalize() for w in key.split())
        demonym = self.primary_demonym.get(iso3, self.gaz.country(iso3).name)
        return [
            _Candidate(
                start, end, "ORG", "ORGANIZATION", "name", f"{demonym} {title} Ministry", 3,
                gazetteer_id=f"org:{iso3.lower()}-{slug(key)}-ministry", country_iso3=iso3,
            )
        ]

    def _geo_feature(self, kw: Token) -> list[_Candidate]:
        doc, i = self.doc, kw.i
        if kw.tag_ not in ("NN", "NNS", "NNP", "NNPS"):
            return []
        j = i - 1
        while j >= 0 and doc[j].is_title and doc[j].is_alpha and doc[j].tag_ in ("NNP", "NNPS"):
            j -= 1
        start = j + 1
        if start == i or doc[start].is_sent_start and start == i - 1 and doc[start].ent_iob_ == "O":
            return []
        name_span = doc[start:i]
        if any(t.ent_id_ for t in name_span) or self.gaz.by_alias(name_span.text) or self.gaz.demonym_country(name_span.text):
            return []  # "Armenian border", "Karabakh region": the known name is the entity
        if any(t.lower_ in self.role_words or t.lower_ in HONORIFICS for t in name_span):
            return []
        if not self._in_sections(start, i + 1):
            return []
        name = f"{name_span.text} {kw.text}"
        return [_Candidate(start, i + 1, "LOC", "LOCATION", "name", name, 3)]

    def _national_group(self, kw: Token) -> list[_Candidate]:
        """"Russian peacekeepers", "Western powers": a demonym or bloc adjective and a group noun."""
        doc, i = self.doc, kw.i
        if kw.tag_ not in ("NNS", "NNPS"):
            return []
        j = i - 1
        if j >= 0 and doc[j].lower_ in GROUP_MODIFIERS:
            j -= 1
        if j < 0 or doc[j].ent_type_ != "NORP" or not doc[j].text[:1].isupper():
            return []
        found = self._country_before(j)
        if found is not None and found[2] == "demonym":
            start, iso3 = found[0], found[1]
        elif not doc[j].ent_id_ and doc[j].ent_iob_ == "B" and (j + 1 == len(doc) or doc[j + 1].ent_iob_ != "I"):
            start, iso3 = j, None  # "Western", "Arab": a bloc, not a country
        else:
            return []
        if not self._in_sections(start, i + 1):
            return []
        span = doc[start : i + 1]
        return [_Candidate(start, i + 1, "NORP", "GROUP", "name", _clean_spaces(span.text), 3, country_iso3=iso3)]

    def _people_group(self, span: Span, iso3: str | None) -> _Candidate:
        """A demonym as a plural noun is a people: "ethnic Armenians", "the Armenians of
        Nagorno-Karabakh" (the phrase, so the place it qualifies stays part of the group)."""
        doc = self.doc
        start, end = span.start, span.end
        name = _clean_spaces(span.text)
        name = name[0].upper() + name[1:]
        if end + 1 < len(doc) and doc[end].lower_ == "of":
            k = end + 1 + (doc[end + 1].lower_ == "the")
            place = next((e for e in _ents_covering(doc, k) if e.start == k), None) if k < len(doc) else None
            if place is not None and place.label_ in ("LOC", "GPE") and self._in_sections(start, place.end):
                end = place.end
                name = _clean_spaces(doc[start:end].text)
        if start > 0 and doc[start - 1].lower_ in GROUP_MODIFIERS and self.section[start - 1] == self.section[start]:
            start -= 1
        return _Candidate(start, end, "NORP", "GROUP", "name", name, 2, country_iso3=iso3)

    # ------------------------------------------------------------------ NER and ruler
    def _entity_candidates(self) -> list[_Candidate]:
        out = []
        for ent in self.doc.ents:
            if ent.label_ not in NER_LABELS:
                continue
            candidate = self._classify(ent)
            if candidate is not None:
                out.append(candidate)
        return out + self._untagged_names()

    def _untagged_names(self) -> list[_Candidate]:
        """Names NER left untagged: "called on Mr Clarke", and "Tory Liam Fox" once the
        ruler took "Tory" (a party or demonym, then two capitalised words)."""
        doc, out = self.doc, []
        for token in doc:
            if token.ent_type_ or not token.text[:1].isupper():
                continue
            honorific = token.lower_ in HONORIFICS
            affiliated = token.i > 0 and doc[token.i - 1].ent_id_ and doc[token.i - 1].ent_iob_ in ("B", "I") and token.tag_ == "NNP"
            if not (honorific or affiliated):
                continue
            j = token.i + 1 if honorific else token.i
            end = j
            while end < len(doc) and end - j < 3 and doc[end].tag_ == "NNP" and doc[end].is_title and not doc[end].ent_type_ and doc[end].lower_ not in self.role_words and doc[end].lower_ not in HONORIFICS:
                end += 1
            if end == j or not self._in_sections(token.i, end):
                continue
            if end < len(doc) and (doc[end].ent_type_ or doc[end].is_title and doc[end].is_alpha):
                continue  # the name goes on into something else
            if not honorific:
                if end - j != 2 or not doc[token.i - 1].ent_id_.startswith(("org:", "country:")):
                    continue
                if any(t.lower_ in ORG_HEADS or t.is_stop for t in doc[j:end]) or token.is_sent_start:
                    continue
            span = doc[token.i : end]
            if self.gaz.by_alias(doc[j:end].text) or self.gaz.demonym_country(doc[j:end].text):
                continue
            candidate = self._person(span, "PERSON")
            if candidate is not None:
                out.append(replace(candidate, priority=0))
        return out

    def _classify(self, ent: Span) -> _Candidate | None:
        start, end = _trim(ent)
        if start >= end or not self._in_sections(start, end):
            return None
        span = self.doc[start:end]
        text = _clean_spaces(span.text)
        if not any(c.isalpha() for c in text):
            return None
        if ent.ent_id_:
            return self._gazetteer_candidate(span, ent.label_, ent.ent_id_)
        label = ent.label_
        if span[-1].lower_ in ("of", "for", "and", "de") and label in ("ORG", "FAC", "LOC"):
            # "Bank of" + the ruler's "England": NER stopped where the gazetteer span began.
            following = next((e for e in _ents_covering(self.doc, end) if e.start == end), None) if end < len(self.doc) else None
            if following is None or not following.ent_id_ or not self._in_sections(start, following.end):
                return None
            text = _clean_spaces(self.doc[start : following.end].text)
            return _Candidate(start, following.end, label, TYPE_OF_LABEL[label], "name", text, 3)
        for k, token in enumerate(span[:-1]):  # "Commons after Mr Brown", "Mr Blair" typed ORG
            if token.lower_ in HONORIFICS and token.text[0].isupper() and span[k + 1].text[:1].isupper():
                return self._person(span[k:], label)
        if self._is_bare_title(span) or self._completes_title(start, end):
            return None  # "the Cardinal" typed ORG; "Canterbury" in "Archbishop of Canterbury"
        if label == "PERSON":
            return self._person(span, label)
        if label in ("ORG", "GPE", "NORP", "FAC"):
            titled = self._titled_name(start, end)
            if titled is not None:
                return self._person(titled, "PERSON")
        if any(t.text == "," for t in span):
            return None  # "Gray, Brown": a list NER took for one name
        if label == "NORP":
            if span[-1].tag_ in ("NNPS", "NNS") and text[0].isupper() and text.endswith("s"):
                return _Candidate(start, end, label, "GROUP", "name", text, 1)
            # "Soviet", "Western" are no actor on their own; kept only if it turns out to
            # be a surname NER typed NORP ("Mirzoyan"), see _fix_person_names.
            return _Candidate(start, end, label, UNRESOLVED, "name", text, 1)
        if all(t.is_lower or not t.is_alpha for t in span):
            return None
        if len(span) == 1 and span[0].pos_ in ("ADJ", "ADV", "VERB", "AUX", "PRON", "DET"):
            return None  # "Parliamentary": NER noise
        return _Candidate(start, end, label, TYPE_OF_LABEL[label], "name", text, 1)

    def _is_bare_title(self, span: Span) -> bool:
        """A span that is nothing but a title ("Cardinal", "Home Secretary") names no body."""
        if not all(t.lower_ in self.role_words for t in span):
            return False
        role = self.gaz.match_role(span.text)
        return role is not None and any(v.lower() == span.text.lower() for v in role.variants)

    def _completes_title(self, start: int, end: int) -> bool:
        """"Canterbury" in "Archbishop of Canterbury": the words belong to a title."""
        doc = self.doc
        if start < 2 or doc[start - 1].lower_ != "of":
            return False
        k = start - 2
        while k > 0 and doc[k - 1].lower_ in self.role_words and doc[k - 1].text[:1].isupper() and start - k < 4:
            k -= 1
        for s in range(k, start - 1):
            phrase = " ".join(t.text for t in doc[s:end])
            role = self.gaz.match_role(phrase)
            if role is not None and any(v.lower() == phrase.lower() for v in role.variants):
                return True
        return False

    def _titled_name(self, start: int, end: int) -> Span | None:
        """"Cardinal Cormac Murphy-O'Connor" with the surname typed ORG: a title, then
        capitalised untagged words, then the span make one person's name."""
        doc = self.doc
        if any(t.lower_ in self.role_words or not (t.is_title or not t.is_alpha) for t in doc[start:end]):
            return None
        if self.gaz.by_alias(doc[start:end].text) or self.gaz.demonym_country(doc[start:end].text):
            return None
        k = start
        while k > 0 and start - k < 3 and doc[k - 1].is_title and doc[k - 1].tag_ == "NNP" and not doc[k - 1].ent_type_ and doc[k - 1].lower_ not in self.role_words and doc[k - 1].lower_ not in HONORIFICS:
            k -= 1
        if k == 0 or self.section[k - 1] != self.section[start]:
            return None
        before = doc[k - 1]
        if not before.text[:1].isupper() or before.ent_type_:
            return None
        if before.lower_ in HONORIFICS or before.lower_ in KEPT_TITLES:
            return doc[k - 1 : end]
        if before.lower_ in self.role_words and self.gaz.match_role(before.text) is not None and k < start:
            return doc[k - 1 : end]
        return None

    def _gazetteer_candidate(self, span: Span, label: str, entity_id: str) -> _Candidate | None:
        entry = self.gaz.entries.get(entity_id)
        if entry is None:
            return None
        start, end = span.start, span.end
        if label == "NORP":  # demonym of a country
            iso3 = entry.country_iso3
            if _is_plural_demonym(span[-1], self.gaz):
                return self._people_group(span, iso3)
            return _Candidate(start, end, label, "COUNTRY", "demonym", entry.name, 2, entity_id, country_iso3=iso3)
        if entity_id.startswith("city:"):
            prefix = [
                t for t in span[0].lefts
                if t.dep_ in ("compound", "amod") and t.is_title and not t.ent_type_ and t.i == span.start - 1
                and t.lower_ not in PLACE_QUALIFIERS
            ]
            if prefix and len(span) == 1:  # "Real Madrid", "Dynamo Moscow": a club, not the city
                return _Candidate(prefix[0].i, end, "ORG", "ORGANIZATION", "name", _clean_spaces(self.doc[prefix[0].i : end].text), 2)
            if self._is_metonym(span):
                iso3 = entry.country_iso3
                country = self.gaz.country(iso3)
                return _Candidate(start, end, label, "COUNTRY", "metonym", country.name, 2, country.entity_id, country_iso3=iso3)
            return _Candidate(start, end, label, "LOCATION", "name", entry.name, 2, entity_id, country_iso3=entry.country_iso3)
        return _Candidate(start, end, label, entry.entity_type, "name", entry.name, 2, entity_id, country_iso3=entry.country_iso3)

    def _is_metonym(self, span: Span) -> bool:
        """A capital standing for its government ("Baku agreed") rather than the place."""
        token = span.root
        seen = 0
        while token.dep_ == "conj" and token.head is not token and seen < 5:
            token, seen = token.head, seen + 1
        dep, head = token.dep_, token.head
        if dep in ("nsubj", "nsubjpass", "csubj", "dative"):
            return True
        if dep == "dobj":
            return head.lemma_.lower() not in MOTION_VERBS
        if dep == "poss":
            return head.lower_ not in PLACE_NOUNS
        if dep == "compound":
            return head.lower_ in GOVERNMENT_NOUNS
        if dep == "pobj" and head.dep_ in ("prep", "agent", "dative"):
            prep = head.lower_
            if prep == "at":
                return head.head.lemma_.lower() in TARGET_HEADS or head.head.lower_ in TARGET_HEADS
            return prep not in LOCATIVE_PREPS
        return False

    def _person(self, span: Span, label: str) -> _Candidate | None:
        tokens = list(span)
        gender = None
        while tokens and tokens[0].lower_ in HONORIFICS:
            gender = HONORIFICS[tokens[0].lower_] or gender
            tokens = tokens[1:]
        role = None
        # NER sometimes includes the title: "President Ilham Aliyev".
        for k in range(len(tokens) - 1, 0, -1):
            head = tokens[:k]
            if all(t.lower_ in self.role_words for t in head):
                found = self.gaz.match_role(" ".join(t.text for t in head))
                if found and not (k == len(tokens) - 1 and head[-1].lower_ in KEPT_TITLES):
                    role, tokens = found.name, tokens[k:]
                    break
        while tokens and (tokens[0].is_lower or not tokens[0].is_alpha):
            tokens = tokens[1:]  # "a Hans Christian Andersen"
        while len(tokens) > 1 and tokens[0].lower_ not in KEPT_TITLES and (tokens[0].lower_ in TITLE_NOUNS or tokens[0].lower_ in self.role_words):
            tokens = tokens[1:]  # "Backbencher Stephen Pound"
        for k, t in enumerate(tokens):  # "Bolton v Derby", "Luc Bondy for Cruel", "Mr Brown's Facility"
            if k and (t.lower_ in ("v", "vs", "v.", "vs.", "versus", "/", ",") or t.text in POSSESSIVES or t.is_lower and t.is_alpha and t.lower_ not in NAME_PARTICLES):
                tokens = tokens[:k] if t.lower_ not in ("v", "vs", "v.", "vs.", "versus") else []
                break
        while tokens and (tokens[-1].is_punct or tokens[-1].is_lower or tokens[-1].lower_ in NAME_SUFFIXES and len(tokens) > 1):
            tokens = tokens[:-1]  # "Alan Milburn - the"
        if not tokens or not any(t.is_alpha and t.text[0].isupper() for t in tokens):
            return None
        name = _clean_spaces(self.doc[tokens[0].i : tokens[-1].i + 1].text)
        if self.gaz.demonym_country(name) or self.gaz.by_alias(name):
            return None  # a demonym or country NER typed PERSON; the ruler reports it
        start = tokens[0].i  # titles split off: the surface is the name, with its honorific
        if start > span.start and self.doc[start - 1].lower_ in HONORIFICS:
            start -= 1
        return _Candidate(start, tokens[-1].i + 1, label, "PERSON", "name", name, 1, role=role, gender=gender)

    # ------------------------------------------------------------------ person fixes
    def _fix_person_names(self, chosen: list[_Candidate]) -> list[_Candidate]:
        """A surname NER typed ORG/GPE/NORP ("Lavrov" ORG) is the person the article names."""
        surnames = set()
        for c in chosen:
            if c.entity_type == "PERSON":
                parts = c.name.split()
                if len(parts) >= 2:
                    surnames.add(parts[-1].lower())
                surnames.add(c.name.lower())
        out = []
        for c in chosen:
            if c.gazetteer_id is None and c.entity_type != "PERSON" and c.name.lower() in surnames and c.priority == 1:
                c = replace(c, entity_type="PERSON", kind="name")
            if c.entity_type == UNRESOLVED:
                continue
            if c.entity_type == "PERSON":
                c = self._with_honorific(c)
                if self._is_place_word(c, chosen, surnames):
                    c = replace(c, label="GPE", entity_type="LOCATION", role=None, gender=None)
            out.append(c)
        return out

    def _is_place_word(self, c: _Candidate, chosen: list[_Candidate], surnames: set[str]) -> bool:
        """One capitalised word NER typed PERSON that the sentence uses as a place: "in
        Manchester", "Heathrow and Gatwick" (joined to a place); never a titled name or
        the surname of someone the article names in full."""
        if c.tok_end - c.tok_start != 1 or c.priority != 1 or c.role or c.gender:
            return False
        token = self.doc[c.tok_start]
        if token.lower_ in surnames - {c.name.lower()} or any(
            p.entity_type == "PERSON" and len(p.name.split()) > 1 and p.name.split()[-1].lower() == token.lower_ for p in chosen
        ):
            return False
        if token.dep_ == "pobj" and token.head.lower_ in ("in", "at", "near", "outside", "inside", "into", "across", "around"):
            return True
        if token.dep_ == "conj" or any(t.dep_ == "conj" for t in token.children):
            linked = [token.head] if token.dep_ == "conj" else [t for t in token.children if t.dep_ == "conj"]
            return any(
                p.entity_type in ("LOCATION",) and p.tok_start <= t.i < p.tok_end for t in linked for p in chosen
            )
        return False

    def _with_honorific(self, c: _Candidate) -> _Candidate:
        i = c.tok_start - 1
        if i >= 0 and self.doc[i].lower_ in KEPT_TITLES and self.doc[i].is_title and len(c.name.split()) == 1:
            if self.section[i] == self.section[c.tok_start] and not self.doc[i].ent_type_:
                return replace(c, tok_start=i, name=f"{self.doc[i].text} {c.name}")  # "Prince Harry"
        if i >= 0 and self.doc[i].lower_ in HONORIFICS and self.doc[i].text[0].isupper():
            if self.section[i] == self.section[c.tok_start] and not _overlaps_any(i, c):
                return replace(c, tok_start=i, gender=HONORIFICS[self.doc[i].lower_] or c.gender)
        return c

    def _attach_titles(self, chosen: list[_Candidate]) -> list[_Candidate]:
        """Titles before ("Armenian Foreign Minister Ararat Mirzoyan") or after a name
        (", the home secretary,") give the person's role and country; words inside a
        title are no entity of their own ("State" in "Secretary of State")."""
        by_start = {c.tok_start: c for c in chosen}
        title_tokens: set[int] = set()
        out = []
        for c in chosen:
            if c.entity_type == "PERSON":
                found = self._title_before(c.tok_start, by_start) or self._title_after(c.tok_end, by_start)
                if found:
                    role, iso3, tokens = found
                    title_tokens.update(tokens)
                    c = replace(c, role=c.role or role, country_iso3=c.country_iso3 or iso3)
            out.append(c)
        return [c for c in out if c.gazetteer_id or c.entity_type == "PERSON" or not title_tokens.intersection(range(c.tok_start, c.tok_end))]

    def _title_words(self, start: int, step: int, limit: int) -> list[int]:
        doc, idx, i = self.doc, [], start
        while 0 <= i < len(doc) and len(idx) < limit:
            t = doc[i]
            if not (t.lower_ in self.role_words or t.lower_ in TITLE_MODIFIERS) or t.ent_id_:
                break
            if step > 0 and t.is_sent_start and i != start:
                break
            idx.append(i)
            if step < 0 and t.is_sent_start:
                break
            i += step
        idx.sort()
        while idx and doc[idx[0]].lower_ in TITLE_FUNCTION_WORDS:
            idx = idx[1:]
        while idx and doc[idx[-1]].lower_ in TITLE_FUNCTION_WORDS:
            idx = idx[:-1]
        return idx

    def _affiliation_before(self, i: int, by_start: dict[int, _Candidate]) -> tuple[str | None, list[int]]:
        """Country of a demonym, country or organisation right before a title."""
        doc = self.doc
        if i < 0:
            return None, []
        end = i
        if doc[i].text in POSSESSIVES:
            end = i - 1
        for start, c in by_start.items():
            if c.tok_end - 1 == end and c.gazetteer_id and c.entity_type in ("COUNTRY", "ORGANIZATION", "GROUP"):
                return c.country_iso3, list(range(start, i + 1))
        return None, []

    def _title_before(self, name_start: int, by_start) -> tuple[str, str | None, list[int]] | None:
        i = name_start - 1
        if i >= 0 and self.doc[i].lower_ in HONORIFICS:
            i -= 1
        idx = self._title_words(i, -1, 8)
        if not idx or idx[-1] != i:
            return None
        role, idx = self._anchored_role(idx, at_end=True)
        if role is None:
            return None
        iso3, extra = self._affiliation_before(idx[0] - 1, by_start)
        return role.name, iso3, idx + extra

    def _anchored_role(self, idx: list[int], at_end: bool):
        """The most specific role whose words reach the name: in "the Queen and Prince
        Philip" the title "Queen" does not touch "Philip", so Philip is no Queen."""
        best, best_idx = None, []
        for k in range(1, len(idx) + 1):
            part = idx[-k:] if at_end else idx[:k]
            role = self.gaz.match_role(" ".join(self.doc[j].text for j in part))
            if role is None:
                continue
            inner = part[:-1] if at_end else part[1:]  # without the token next to the name
            if inner and self.gaz.match_role(" ".join(self.doc[j].text for j in inner)) == role:
                continue  # the variant does not reach the name
            best, best_idx = role, part
        return best, best_idx

    def _title_after(self, name_end: int, by_start) -> tuple[str, str | None, list[int]] | None:
        doc = self.doc
        i = name_end
        if i >= len(doc) or doc[i].text != ",":
            return None
        i += 1
        iso3 = None
        if i < len(doc) and doc[i].lower_ in ("the", "a", "an"):
            i += 1
        affiliation = by_start.get(i)
        if affiliation and affiliation.gazetteer_id and affiliation.entity_type in ("COUNTRY", "ORGANIZATION", "GROUP"):
            iso3 = affiliation.country_iso3
            i = affiliation.tok_end
            if i < len(doc) and doc[i].text in POSSESSIVES:
                i += 1
        idx = self._title_words(i, 1, 8)
        if not idx or idx[0] != i:
            return None
        after = idx[-1] + 1
        if after < len(doc) and not (doc[after].is_punct or doc[after].lower_ in ("who", "said", "says", "and")):
            return None
        role, idx = self._anchored_role(idx, at_end=False)
        if role is None:
            return None
        return role.name, iso3, idx

    # ------------------------------------------------------------------ headline
    def _filter_headline(self, chosen: list[_Candidate]) -> list[_Candidate]:
        """Keep a headline span only if the gazetteer knows it or the body names it."""
        body_names: dict[str, _Candidate] = {}
        for c in chosen:
            if self.section[c.tok_start] == "headline":
                continue
            body_names.setdefault(c.name.lower(), c)
            if c.entity_type == "PERSON" and c.kind == "name":
                parts = c.name.split()
                if len(parts) >= 2:
                    body_names.setdefault(parts[-1].lower(), c)
        out = []
        covered: set[int] = set()
        for c in chosen:
            if self.section[c.tok_start] != "headline":
                out.append(c)
                continue
            if c.gazetteer_id or c.priority >= 2:
                out.append(c)
                covered.update(range(c.tok_start, c.tok_end))
                continue
            hit = self._headline_subspan(c.tok_start, c.tok_end, body_names)
            if hit:
                out.append(hit)
                covered.update(range(hit.tok_start, hit.tok_end))
        # Title-cased words that NER missed but the body names ("Blair Backs ...").
        for token in self.doc:
            if self.section[token.i] != "headline" or token.i in covered or not token.is_alpha:
                continue
            if not (token.is_title or token.is_upper) or any(c.tok_start <= token.i < c.tok_end for c in out):
                continue
            body = body_names.get(token.lower_)
            if body is not None and body.entity_type == "PERSON":
                out.append(replace(body, tok_start=token.i, tok_end=token.i + 1, label="PERSON", role=None, country_iso3=None, antecedent=None, char_end=None))
        return sorted(out, key=lambda c: c.tok_start)

    def _headline_subspan(self, start: int, end: int, body_names: dict[str, _Candidate]) -> _Candidate | None:
        for length in range(end - start, 0, -1):
            for s in range(start, end - length + 1):
                text = _clean_spaces(self.doc[s : s + length].text).lower()
                body = body_names.get(text)
                if body is not None:
                    return replace(body, tok_start=s, tok_end=s + length, role=None, char_end=None, country_iso3=body.country_iso3 if body.entity_type != "PERSON" else None)
        return None

    # ------------------------------------------------------------------ acronyms
    def _expand_acronyms(self, chosen: list[_Candidate]) -> list[_Candidate]:
        """"The Palestinian Authority (PA)": later "PA"s are that organisation."""
        doc = self.doc
        acronyms: dict[str, _Candidate] = {}
        for c in chosen:
            if c.entity_type != "ORGANIZATION" or c.tok_end + 2 >= len(doc):
                continue
            short = doc[c.tok_end + 1].text
            if doc[c.tok_end].text == "(" and doc[c.tok_end + 2].text == ")" and ACRONYM.match(short):
                if _abbreviates(short, self.doc[c.tok_start : c.tok_end].text):
                    acronyms.setdefault(short, c)
        if not acronyms:
            return chosen
        taken = {i for c in chosen for i in range(c.tok_start, c.tok_end)}
        out = [c for c in chosen if not (c.gazetteer_id is None and doc[c.tok_start : c.tok_end].text in acronyms)]
        taken = {i for c in out for i in range(c.tok_start, c.tok_end)}
        for token in doc:
            full = acronyms.get(token.text)
            if full is None or token.i in taken or not self._in_sections(token.i, token.i + 1):
                continue
            out.append(replace(full, tok_start=token.i, tok_end=token.i + 1, priority=1, char_end=None))
        return sorted(out, key=lambda c: c.tok_start)

    # ------------------------------------------------------------------ records
    def _to_mentions(self, chosen: list[_Candidate]) -> list[Mention]:
        out = []
        seen = set()
        for c in chosen:
            m = self._mention(c)
            if m is not None and m.char_start not in seen:
                seen.add(m.char_start)
                out.append(m)
        return out

    def _mention(self, c: _Candidate, antecedent: str | None = None) -> Mention | None:
        start = self.doc[c.tok_start].idx
        last = self.doc[c.tok_end - 1]
        end = c.char_end if c.char_end is not None else last.idx + len(last.text)
        sentence = self.ctx.sentence_at(start)
        if sentence is None or end > sentence.char_end or sentence.section not in SECTIONS_WITH_MENTIONS:
            return None
        article_id = self.ctx.article_id
        return Mention(
            mention_id=f"{article_id}#m{start}",
            article_id=article_id,
            sentence_id=sentence.sentence_id,
            surface=self.ctx.text[start:end],
            char_start=start,
            char_end=end,
            ner_label=c.label,
            entity_type=c.entity_type,
            kind=c.kind,
            name=c.name,
            gazetteer_id=c.gazetteer_id,
            role=c.role,
            country_iso3=c.country_iso3,
            antecedent=antecedent or c.antecedent,
        )

    # ------------------------------------------------------------------ "the government"
    def _national_government(self, mentions: list[Mention]) -> list[Mention]:
        """Lowercase "the government" is the article's country when one country clearly
        dominates it: named most, at least twice, twice as often as any other, and named
        as a government's country (a party, ministry or office of it, or its demonym)."""
        counts: dict[str, int] = {}
        governing: set[str] = set()
        for m in mentions:
            if m.entity_type == "COUNTRY" and m.gazetteer_id and m.gazetteer_id.startswith("country:"):
                counts[m.gazetteer_id] = counts.get(m.gazetteer_id, 0) + 1
            elif m.entity_type == "ORGANIZATION" and m.gazetteer_id and m.country_iso3:
                governing.add(f"country:{m.country_iso3}")
        if not counts:
            return mentions
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        top, n = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0
        if n < 2 or n < 2 * second or top not in governing:
            return mentions
        country = self.gaz.entries[top]
        taken = {m.char_start for m in mentions}
        doc, extra = self.doc, []
        for token in doc:
            if token.text != "government" or token.i == 0 or doc[token.i - 1].lower_ != "the" or token.idx in taken:
                continue
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if nxt is not None and (nxt.lower_ == "of" or nxt.pos_ == "PROPN" or nxt.tag_.startswith("NN")):
                continue  # "the government of Iraq", "the government bill"
            if not self._in_sections(token.i, token.i + 1):
                continue
            c = _Candidate(token.i, token.i + 1, "ORG", "COUNTRY", "metonym", country.name, 0, top, country_iso3=country.country_iso3)
            m = self._mention(c)
            if m is not None:
                extra.append(m)
        return sorted(mentions + extra, key=lambda m: m.char_start)

    # ------------------------------------------------------------------ pronouns, titles
    def _inside_quote(self, char: int) -> bool:
        return any(s < char < e for s, e in self.quoted)

    def _add_references(self, mentions: list[Mention]) -> list[Mention]:
        """Subject pronouns and "the Prime Minister" linked back to a named person.

        References are made in text order, and each one made is itself a candidate for
        the next pronoun ("the cardinal said ... He added"), so a chain of references
        keeps the person in view; a pronoun resolved to someone also fixes that
        person's gender for the rest of the article."""
        persons = [m for m in mentions if m.entity_type == "PERSON" and m.kind == "name"]
        if not persons:
            return mentions
        genders = self._genders(persons)
        roles = self._roles_by_name(persons)
        taken = {i for m in mentions for i in range(m.char_start, m.char_end)}
        extra: list[Mention] = []
        for token in self.doc:
            if self.section[token.i] not in ("body", "caption") or token.idx in taken:
                continue
            made = None
            if token.lower_ in PRONOUNS and token.dep_ in SUBJECT_DEPS:
                if self._inside_quote(token.idx):
                    continue
                candidates = sorted(persons + extra, key=lambda m: m.char_start)
                target = self._pronoun_antecedent(token, candidates, genders)
                if target is not None:
                    made = self._reference(token.i, token.i + 1, "PRON", "pronoun", target)
                    if made is not None:
                        genders.setdefault(_surname(target.name), PRONOUNS[token.lower_])
            elif token.lower_ == "the" and token.i + 1 < len(self.doc):
                found = self._title_reference(token, persons, roles)
                if found is not None:
                    start, end, target = found
                    made = self._reference(start, end, "ROLE", "title", target)
            if made is not None:
                extra.append(made)
        return sorted(mentions + extra, key=lambda m: m.char_start)

    def _reference(self, start: int, end: int, label: str, kind: str, target: Mention) -> Mention | None:
        candidate = _Candidate(start, end, label, "PERSON", kind, target.name, 0, role=None)
        antecedent = target.antecedent or target.mention_id
        return self._mention(candidate, antecedent=antecedent)

    def _genders(self, persons: list[Mention]) -> dict[str, str]:
        genders: dict[str, str] = {}
        for m in persons:
            first = m.surface.split()[0].lower()
            gender = HONORIFICS.get(first)
            if gender:
                for key in _person_keys(m.name):
                    genders.setdefault(key, gender)
        return genders

    def _roles_by_name(self, persons: list[Mention]) -> dict[str, set[str]]:
        """Roles per person in this article, keyed by surname."""
        roles: dict[str, set[str]] = {}
        for m in persons:
            if m.role:
                roles.setdefault(_surname(m.name), set()).add(m.role)
        return roles

    def _pronoun_antecedent(self, token: Token, persons: list[Mention], genders: dict[str, str]) -> Mention | None:
        sentence = self.ctx.sentence_at(token.idx)
        if sentence is None:
            return None
        wanted = PRONOUNS[token.lower_]
        compatible = [
            m
            for m in persons
            if m.char_start < token.idx
            and not self._is_modifier(m)
            and sentence.sentence_id - m.sentence_id <= 2
            and not self._inside_quote(m.char_start)
            and genders.get(_surname(m.name), wanted) == wanted
            and not (m.sentence_id == sentence.sentence_id and self._in_own_clause(m, token))
        ]
        if not compatible:
            return None
        same = [m for m in compatible if m.sentence_id == sentence.sentence_id]
        if same:
            # "Blair promised Brown he would stand down": the speaker of the governing verb.
            verb = token.head
            if verb.dep_ in ("ccomp", "xcomp"):
                for subject in (c for c in verb.head.children if c.dep_ in SUBJECT_DEPS):
                    for m in same:
                        if m.char_start <= subject.idx < m.char_end:
                            return m
            return same[-1]
        last_sentence = max(m.sentence_id for m in compatible)
        recent = [m for m in compatible if m.sentence_id == last_sentence]
        people = {_surname(m.name) for m in recent}
        if len(people) == 1:
            return recent[-1]
        subjects = [m for m in recent if self._is_subject(m)]
        if len({_surname(m.name) for m in subjects}) == 1:
            return subjects[-1]
        return None

    def _in_own_clause(self, m: Mention, pronoun: Token) -> bool:
        """A name inside the pronoun's own clause, other than as a subject, is not what the
        pronoun means: "Speaking on Breakfast with Frost, he said" is not Frost."""
        span = self.doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
        if span is None or span.root.dep_ in SUBJECT_DEPS:
            return False
        verb = pronoun.head
        return span.root.i != verb.i and any(t.i == span.root.i for t in verb.subtree)

    def _is_modifier(self, m: Mention) -> bool:
        """A name used to qualify something else ("the Attlee government") is no antecedent."""
        span = self.doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("compound", "amod")

    def _is_subject(self, m: Mention) -> bool:
        """Subject of its clause; a name heading a fragment the parser left as ROOT
        ("Trevor Phillips, chairman of ..., called on Mr Clarke") counts too."""
        span = self.doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
        return span is not None and (span.root.dep_ in SUBJECT_DEPS or span.root.dep_ == "ROOT" and span.root.pos_ == "PROPN")

    def _title_reference(self, the: Token, persons: list[Mention], roles: dict[str, set[str]]):
        """"the Prime Minister" -> the one person of the article holding that role."""
        idx = self._title_words(the.i + 1, 1, 5)
        if not idx or idx[0] != the.i + 1:
            return None
        doc = self.doc
        words = [doc[k].lower_ for k in idx]
        if "and" in words:  # "the Cardinal and Archbishop of Canterbury ...": two titles
            idx = idx[: words.index("and")]
            if not idx:
                return None
        last = doc[idx[-1]]
        if last.tag_ in ("NNS", "NNPS"):
            return None
        after = idx[-1] + 1
        if after < len(doc) and (doc[after].lower_ == "of" or doc[after].ent_type_ or doc[after].pos_ == "PROPN"):
            return None  # "the Prime Minister Tony Blair" / "the President of Azerbaijan"
        typed = [doc[k] for k in idx if doc[k].ent_type_]
        if typed and not self._is_bare_title(doc[idx[0] : idx[-1] + 1]) or any(doc[k].ent_id_ for k in idx):
            return None  # "the Labour leader": a name inside; "the Cardinal" typed ORG is still a title
        if any(doc[k].lower_ in TITLE_MODIFIERS for k in idx):
            return None  # "the then Lord Chancellor", "the former minister": maybe someone else
        if last.dep_ in ("amod", "compound") or after < len(doc) and doc[after].tag_.startswith("NN"):
            return None  # "the general election": the title word modifies another noun
        role = self.gaz.match_role(" ".join(doc[k].text for k in idx))
        if role is None:
            return None
        holders = {
            key for key, held in roles.items() if any(_role_compatible(role.name, r) for r in held)
        }
        if len(holders) != 1:
            return None
        key = next(iter(holders))
        before = [m for m in persons if _surname(m.name) == key and m.char_start < the.idx]
        if not before:
            return None
        return idx[0], idx[-1] + 1, before[-1]


# ---------------------------------------------------------------------- helpers
def _role_compatible(title: str, held: str) -> bool:
    """"the minister" fits a Foreign Minister; "the prime minister" is not the deputy."""
    if title == held:
        return True
    title_words, held_words = set(title.lower().split()), set(held.lower().split())
    return title_words <= held_words and not (held_words - title_words) & SUBORDINATE_WORDS


def _abbreviates(short: str, full: str) -> bool:
    """"PA" for "Palestinian Authority", "UWB" for "Ultra Wideband"; not "PLP" for "Labour Party"."""
    letters, text = short.lower().replace("&", ""), full.lower()
    if not letters or not text or letters[0] != text[0]:
        return False
    position = 0
    for letter in letters:
        position = text.find(letter, position) + 1
        if position == 0:
            return False
    return True


def _surname(name: str) -> str:
    parts = name.lower().split()
    return parts[-1] if parts else ""


def _person_keys(name: str) -> list[str]:
    return [_surname(name)]


def _clean_spaces(text: str) -> str:
    return " ".join(text.split())


def _trim(ent: Span) -> tuple[int, int]:
    """Token range without a leading "the", trailing possessive or punctuation."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVES or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _ents_covering(doc: Doc, i: int):
    token = doc[i]
    for ent in doc.ents:
        if ent.start <= i < ent.end:
            yield ent
        elif ent.start > token.i:
            break


def _is_plural_demonym(token: Token, gaz: Gazetteer) -> bool:
    text = token.text
    return (
        text.endswith("s")
        and len(text) > 3
        and gaz.demonym_country(text[:-1]) is not None
        and gaz.demonym_country(text) is not None
    )


def _without_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
    ranked = sorted(candidates, key=lambda c: (-c.priority, -(c.tok_end - c.tok_start), c.tok_start))
    taken: set[int] = set()
    out = []
    for c in ranked:
        span = range(c.tok_start, c.tok_end)
        if taken.intersection(span):
            continue
        taken.update(span)
        out.append(c)
    return sorted(out, key=lambda c: c.tok_start)


def _overlaps_any(i: int, c: _Candidate) -> bool:
    return c.tok_start <= i < c.tok_end


def _role_words(gaz: Gazetteer) -> frozenset[str]:
    words = set()
    for role in gaz.roles:
        for variant in role.variants:
            words.update(w.lower() for w in re.findall(r"[\w'-]+", variant.replace(".", "")))
    return frozenset(words)


def _primary_demonyms(gaz: Gazetteer) -> dict[str, str]:
    out: dict[str, str] = {}
    for surface, iso3 in gaz.demonyms:
        out.setdefault(iso3, surface)
    return out
