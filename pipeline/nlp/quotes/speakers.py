"""Who speaks: the speaker phrase and mention of a reporting verb, and the article's speech
events that pronouns and continued quotes fall back on.

Speakers link to the mention covering the subject's head word, else a name in apposition,
else a mention inside the subject phrase ("Armenia’s foreign ministry" falls back to
"Armenia"), else the body or person a proxy speaks for ("Yukos lawyers"), else for "the
company"-style descriptions the latest organisation named; a pronoun no mention covers
falls back to the latest speaker. A place never speaks: a city or region as the speaker
gives no speaker (a capital acting for its state is already its country).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from spacy.tokens import Token

from pipeline.nlp.gazetteer import load_gazetteer
from pipeline.nlp.mentions.vocabulary import GENDERED_TITLES, GOVERNMENT_NOUNS, TITLE_NOUNS
from pipeline.nlp.names import honorific_gender
from pipeline.nlp.quotes.context import QuoteArticle
from pipeline.nlp.quotes.cues import (
    BODY_NOUNS,
    DOCUMENT_NOUNS,
    PRESS_NAME_WORDS,
    PRESS_NOUNS,
    PROXY_NOUNS,
    could_be_cue,
    cue_text,
    is_cue,
    possessor_speaks,
    speaker_token,
)
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import (
    FIRST_PERSON,
    PERSONAL_PRONOUNS,
    hyphen_joined,
    is_negated,
    mention_of,
    noun_phrase_extent,
    subject_of,
)
from pipeline.nlp.token_view import view_of

SPEAKER_TYPES = frozenset({"PERSON", "COUNTRY", "ORGANIZATION", "GROUP"})


@dataclass(frozen=True)
class Attribution:
    speaker: Mention | None
    surface: str | None
    cue: str | None
    cue_char: int | None = None  # where the cue verb is


def with_speech_events(art: QuoteArticle) -> QuoteArticle:
    """The context with its speech events: every reporting verb outside quotes that has a
    speaker (pronouns unresolved, since resolving them needs the events)."""
    events = []
    view = view_of(art.doc)
    for i in range(len(view)):
        if not could_be_cue(view, i):
            continue  # no speech event (and nothing to skip) at a word that cannot report
        token = art.doc[i]
        if token.dep_ in ("advcl", "xcomp") and is_cue(token.head):
            continue  # "said, commenting on …": one speech act, not two
        if is_cue(token) and not is_negated(token) and not art.in_quote(token.idx):
            found = _attribute(art, token, resolve_pronouns=False)
            if found is not None:
                events.append(found)
    return dataclasses.replace(art, events=tuple(events), attributions={})


def attribute(art: QuoteArticle, cue: Token) -> Attribution | None:
    """The speaker, speaker phrase and cue text of a reporting verb (memoised per token)."""
    if cue.i not in art.attributions:
        art.attributions[cue.i] = _attribute(art, cue, resolve_pronouns=True)
    return art.attributions[cue.i]


def _attribute(art: QuoteArticle, cue: Token, resolve_pronouns: bool) -> Attribution | None:
    subject = speaker_token(cue)
    if subject is None:
        return None
    if art.in_quote(subject.idx) and subject.lower_ not in FIRST_PERSON:
        return None  # the subject is quoted material, not a speaker
    start, end = noun_phrase_extent(subject)
    doc = art.doc
    while start > 0 and start - 1 != cue.i and hyphen_joined(doc[start - 1], doc[start]):
        start -= 1  # "co-ordinator Peter Facey": the phrase keeps the whole hyphenated word
    s_char, e_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    holder = _name_closing_post(art, subject, start, end)
    owned = possessor_speaks(subject)
    mention = holder or mention_of(subject, art.index, (start, end), owned=owned)
    if mention is not None and mention is not holder and _member_of(art, subject, mention):
        mention = None  # "another member of the Cabinet": one of a body is not the body
    if mention is None and (owned or not any(c.dep_ == "poss" for c in subject.children)):
        mention = (  # "the government's finance watchdog said": the watchdog, named nowhere, is nobody
            _proxy_principal(art, subject)
            or published_by(art, subject)
            or _described_body(art, subject)
            or _named_holder(art, subject)
        )
    if mention is None and cue.lower_ == "according":
        mention = _name_after(art, end)
    if subject.like_num or subject.text == "%" or subject.lower_ in ("percent", "cent"):
        mention = None  # "87% of the adults quizzed by ICM said": respondents, nobody named
    if mention is not None and mention.entity_type not in SPEAKER_TYPES:
        # a place never speaks (a capital acting for its state is already its country), nor a law or a book
        mention = None
    if mention is None or mention.entity_type != "PERSON":
        mention = _name_set_off(art, subject) or mention
    elif mention.kind == "name":
        mention = _first_joint_speaker(art, start, end, mention) or mention
    covering = art.index.at(subject)
    if covering is not None and covering.char_start < e_char and covering.char_end > s_char:
        # the parser may split a name the mention holds whole ("Stop | Stansted Expansion")
        s_char, e_char = min(s_char, covering.char_start), max(e_char, covering.char_end)
    if resolve_pronouns and subject.lower_ in _THIRD_PERSON and (mention is None or mention.kind == "pronoun"):
        mention = _main_clause_subject(art, cue, subject) or mention
    if mention is None and resolve_pronouns and subject.lower_ in PERSONAL_PRONOUNS:
        mention = fallback_pronoun(art, subject)
    elif mention is not None and mention.kind == "pronoun" and resolve_pronouns:
        mention = _proxy_since(art, subject, mention) or mention
    c_start, c_end = cue_text(cue, art.text)
    return Attribution(mention, art.text[s_char:e_char], art.text[c_start:c_end], cue.idx)


_THIRD_PERSON = {"he": ("PERSON",), "she": ("PERSON",), "they": ("ORGANIZATION", "COUNTRY", "GROUP")}


def _main_clause_subject(art: QuoteArticle, cue: Token, pronoun: Token) -> Mention | None:
    """ "The government postponed the plans because they said they were unlikely to succeed":
    the pronoun subject of a report in an adverbial clause is the subject of the clause it
    modifies, when that subject names someone of the pronoun's kind."""
    if cue.dep_ != "advcl" or cue.head.i == cue.i:
        return None
    main = subject_of(cue.head)
    if main is None or main.lower_ in PERSONAL_PRONOUNS:
        return None
    found = mention_of(main, art.index)
    if found is None or found.kind == "pronoun" or found.entity_type not in _THIRD_PERSON[pronoun.lower_]:
        return None
    return found


def _name_closing_post(art: QuoteArticle, subject: Token, start: int, end: int) -> Mention | None:
    """ "Chairman of the Environmental Audit Committee Peter Ainsworth MP said", "said former
    New Zealand coach and former test player John Bracewell": a speaker phrase headed by a
    post (or by a singular noun coordinated with the name) that ends in a person's name is
    that person, not the body named inside the post."""
    if subject.pos_ not in ("NOUN", "PROPN") or art.index.at(subject) is not None:
        return None  # a capitalised post ("Chairman of …") may be tagged a proper noun
    named = [
        m for m in art.index.mentions
        if m.entity_type == "PERSON" and m.kind == "name"
        and art.doc[start].idx <= m.char_start and m.char_end <= art.doc[end - 1].idx + len(art.doc[end - 1].text)
    ]
    if not named:
        return None
    last = max(named, key=lambda m: m.char_start)
    rest = [t for t in art.doc[start:end] if t.idx >= last.char_end]
    if any(not (t.is_punct or t.lower_ in TITLE_NOUNS or t.text.isupper()) for t in rest):
        return None  # "supporters of John Smith's party": the name is not where the phrase ends
    post = subject.lower_ in TITLE_NOUNS or subject.lemma_.lower() in PROXY_NOUNS or (
        load_gazetteer().match_role(subject.text) is not None
    )
    joined = subject.tag_ == "NN" and any(
        c.dep_ == "conj" and last.char_start <= c.idx < last.char_end for c in subject.children
    )
    return last if post or joined and subject.pos_ == "NOUN" else None


def _phrase_names(art: QuoteArticle, start: int, end: int) -> list[Mention]:
    """The persons named in full inside the speaker phrase doc[start:end], in text order."""
    lo, hi = art.doc[start].idx, art.doc[end - 1].idx + len(art.doc[end - 1].text)
    return sorted(
        (m for m in art.index.mentions
         if m.entity_type == "PERSON" and m.kind == "name" and lo <= m.char_start and m.char_end <= hi),
        key=lambda m: m.char_start,
    )


def _name_set_off(art: QuoteArticle, subject: Token) -> Mention | None:
    """ "Liberal Leader and former Environment Minister under Jean Chrétien, Stéphane Dion,
    said": a post heading the speaker phrase, closed by a person's name set off by commas,
    is that person (the name is in apposition to the post, wherever the parser hangs it)."""
    start, end = subject.left_edge.i, subject.right_edge.i + 1
    names = _phrase_names(art, start, end)
    if not names:
        return None
    last = names[-1]
    doc = art.doc
    name = doc.char_span(last.char_start, last.char_end, alignment_mode="expand")
    if name is None or name.start <= start or doc[name.start - 1].text != ",":
        return None
    rest = [t for t in doc[name.end : end] if not t.is_space]
    return last if all(t.text == "," for t in rest) else None


def _first_joint_speaker(art: QuoteArticle, start: int, end: int, mention: Mention) -> Mention | None:
    """ "Premier Peter Beattie and Queensland Rail CEO Bob Scheuber said": joint speakers
    are one quote of the first named (eval/GUIDE.md), also where the parser heads the
    phrase with the last name; not "supporters of A and B" (the names sit in a complement)."""
    names = _phrase_names(art, start, end)
    if len(names) < 2 or names[0] is mention or mention not in names:
        return None
    first = names[0]
    doc = art.doc
    before = [t for t in doc[start:end] if t.idx < first.char_start]
    between = [t for t in doc[start:end] if first.char_end <= t.idx < mention.char_start]
    if any(t.pos_ == "ADP" for t in before + between):
        return None
    return first if any(t.dep_ == "cc" and t.lower_ in ("and", "&") for t in between) else None


def _name_after(art: QuoteArticle, end: int) -> Mention | None:
    """ "According to a government meteorologist, Manny Mendoza, …": a person's name set off
    by commas right after the source phrase names the source."""
    doc = art.doc
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    found = art.index.at(doc[end + 1])
    if found is None or found.entity_type != "PERSON" or found.kind != "name" or found.char_start != doc[end + 1].idx:
        return None
    after = doc.char_span(found.char_end, found.char_end + 1, alignment_mode="expand")
    return found if after is not None and after.text.startswith(",") else None


def _member_of(art: QuoteArticle, subject: Token, mention: Mention) -> bool:
    """A common noun that is no proxy ("member", "one", "some") with the mention only in
    its "of" complement."""
    if subject.pos_ not in ("NOUN", "PRON", "NUM") or subject.lemma_.lower() in PROXY_NOUNS:
        return False
    if art.index.at(subject) is mention:
        return False
    if any(c.dep_ in ("poss", "appos") for c in subject.children):
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(mention.char_start <= t.idx < mention.char_end for t in c.subtree)
        for c in subject.children
    )


def published_by(art: QuoteArticle, subject: Token) -> Mention | None:
    """ "A report by the National Audit Office said", "a statement issued on behalf of Robert
    Zoellick": the body or person whose words it gives. Reads only `index` and `doc` of the
    article, so stance holders use it as well ("A report by the committee called for …")."""
    if subject.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    found = _author_of(art, subject) or _introduced_by_next(art, subject)
    if found is None and _determined(subject, DEFINITE):
        # "A report by two Commons committees called for … The report said": the one named before
        for earlier in reversed(art.doc[: subject.i]):
            if earlier.lemma_.lower() == subject.lemma_.lower() and earlier.pos_ == "NOUN":
                found = _author_of(art, earlier) or _introduced_by_next(art, earlier)
                if found is not None or _determined(earlier, INDEFINITE):
                    break  # the one that introduced the document, or one whose author is named
    return found


DEFINITE = ("the", "this")
INDEFINITE = ("a", "an")


def _determined(noun: Token, articles: tuple[str, ...]) -> bool:
    """`noun` has one of `articles` as its determiner ("the report", "a report")."""
    return any(c.dep_ == "det" and c.lower_ in articles for c in noun.children)


def _introduced_by_next(art: QuoteArticle, document: Token) -> Mention | None:
    """ "…, a report says. The National Audit Office praised ministers …": a document brought
    in with no author ("a report") is the body the next sentence opens on as its subject."""
    if not _determined(document, INDEFINITE):
        return None
    if any(c.dep_ == "prep" for c in document.children):
        return None  # "a report on …", "a report by …": described in its own sentence
    sentence = document.sent
    if sentence.end >= len(art.doc):
        return None
    root = art.doc[sentence.end].sent.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    found = mention_of(subject, art.index) if subject is not None else None
    if found is None or found.entity_type != "ORGANIZATION" or found.kind != "name":
        return None
    return found


def _author_of(art: QuoteArticle, subject: Token) -> Mention | None:
    found = _named_modifier(art, subject)
    if found is not None:
        return found  # "The FBI statement said", "the VDGIF press release says": the body it is of
    for prep in _by_phrases(subject):
        for t in prep.subtree:
            if _unowned_possessor(t, prep):
                continue  # "a report by the government's finance watchdog": the watchdog's, not the government's
            found = art.index.at(t)
            if found is not None and found.entity_type in SPEAKER_TYPES:
                return found
    if subject.dep_ == "dobj" and subject.head.pos_ == "VERB":
        # "The Foreign Office issued a statement saying …": whoever issued it; "The NAACP
        # national office put out a statement": the body naming the office that issued it
        issuer = subject_of(subject.head)
        found = (mention_of(issuer, art.index) or _named_modifier(art, issuer)) if issuer is not None else None
        if found is not None and found.entity_type in SPEAKER_TYPES:
            return found
    for behalf in subject.subtree:  # "a statement issued on behalf of Robert Zoellick"
        if behalf.lower_ == "behalf" and behalf.i > subject.i:
            for of in (c for c in behalf.children if c.dep_ == "prep" and c.lower_ == "of"):
                found = next((m for t in of.subtree if (m := art.index.at(t)) is not None), None)
                if found is not None and found.entity_type in SPEAKER_TYPES:
                    return found
    return None


def _unowned_possessor(token: Token, top: Token) -> bool:
    """Whether a token sits in the possessor of a noun that speaks for itself (below `top`)."""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ == "poss" and not possessor_speaks(token.head):
            return True
        token = token.head
    return False


def _by_phrases(document: Token) -> list[Token]:
    """The "by"/"from" phrases naming a document's author: on the noun ("a report by the
    NAO") or on a participle describing it ("research done by Sophos", "a letter signed by")."""
    found = [c for c in document.children if c.dep_ == "prep" and c.lower_ in ("by", "from")]
    for acl in document.children:
        if acl.dep_ == "acl" and acl.tag_ == "VBN":
            found.extend(c for c in acl.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by")
    return found


def _named_modifier(art: QuoteArticle, noun: Token) -> Mention | None:
    """A speaking body's name written as a modifier before the noun ("the FBI statement",
    "the NAACP national office"), never a place ("the Downing Street statement" is kept;
    "a London report" is no one)."""
    for child in noun.children:
        if child.dep_ in ("compound", "nmod") and child.i < noun.i and child.pos_ == "PROPN":
            found = art.index.at(child)
            if found is not None and found.entity_type in SPEAKER_TYPES and found.kind == "name":
                return found
    return None


def _proxy_principal(art: QuoteArticle, subject: Token) -> Mention | None:
    """ "Yukos lawyers", "a Downing Street spokesman", "a UK Government official" (the name
    modifying the modifier): whoever they speak for; "the US government", "the Russian
    authorities": the country they govern."""
    governing = subject.lemma_.lower() in GOVERNMENT_NOUNS or subject.lower_ in GOVERNMENT_NOUNS
    if subject.lemma_.lower() not in PROXY_NOUNS and not governing:
        return None
    wanted = ("COUNTRY",) if governing and subject.lemma_.lower() not in PROXY_NOUNS else SPEAKER_TYPES
    for child in subject.children:
        if child.dep_ in ("compound", "nmod", "amod") and child.i < subject.i:
            found = art.index.at(child)
            if found is None and child.text[:1].isupper():
                inner = [g for g in child.children if g.dep_ in ("compound", "nmod", "amod") and g.i < child.i]
                found = next((m for g in inner if (m := art.index.at(g)) is not None), None)
            if found is not None and found.entity_type in wanted:
                return found
    return None


def _named_holder(art: QuoteArticle, subject: Token) -> Mention | None:
    """ "Former welfare minister Frank Field MP said": a post the parser heads the phrase
    with, a person's name modifying it, is that person."""
    if subject.lower_ not in TITLE_NOUNS and load_gazetteer().match_role(subject.text) is None:
        return None
    for child in subject.children:
        if child.dep_ == "compound" and child.i < subject.i:
            found = art.index.at(child)
            if found is not None and found.entity_type == "PERSON" and found.kind == "name":
                return found
    return None


def _described_body(art: QuoteArticle, subject: Token) -> Mention | None:
    """ "The company said", "the newspaper reported": the latest organisation named before,
    one named like what the noun says first ("the union": a Union; "the newspaper": a Times)."""
    if not _body_description(subject):
        return None
    found = _named_like(art, subject)
    if found is not None:
        return found
    # else the latest body a clause was about (its subject), not one named in passing
    # ("DaimlerChrysler has sold … a weak showing for Mercedes … the company said")
    for m in reversed(art.index.mentions):
        if m.char_start < subject.idx and m.entity_type == "ORGANIZATION" and m.kind != "pronoun":
            span = art.doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
            if span is not None and span.root.dep_ in ("nsubj", "nsubjpass") and not art.in_quote(m.char_start):
                return m
    return art.index.before(subject.idx, ("ORGANIZATION",))


def body_named_like(art: QuoteArticle, subject: Token) -> Mention | None:
    """ "the union" (`body_nouns`, definite, no name of its own): the latest body named a union
    ("the newspaper": a Times) or introduced as one ("Yukos, the oil company"); None when no
    body is. Reads only `index` and `doc` of the article, so stance holders use it as well."""
    return _named_like(art, subject) if _body_description(subject) else None


def _body_description(subject: Token) -> bool:
    """ "the company", "the union": a definite singular body noun without a name of its own
    ("the Labour party" has one)."""
    if subject.lemma_.lower() not in BODY_NOUNS or subject.tag_ != "NN" or not _determined(subject, DEFINITE):
        return False
    return not any(c.dep_ in ("compound", "amod", "poss") and c.pos_ == "PROPN" for c in subject.children)


def _named_like(art: QuoteArticle, subject: Token) -> Mention | None:
    noun = subject.lemma_.lower()
    for m in reversed(art.index.mentions):
        if m.char_start >= subject.idx or m.entity_type != "ORGANIZATION" or m.kind == "pronoun":
            continue
        words = set(m.name.lower().split())
        if noun in words or noun in PRESS_NOUNS and words & PRESS_NAME_WORDS or _described_as(art, m, noun):
            return m
    return None


def _described_as(art: QuoteArticle, m: Mention, noun: str) -> bool:
    """ "Irish publishing group Independent News & Media", "Yukos, the oil company": a body
    introduced with the noun a later "the group" / "the company" takes up (the noun heads
    the words right before its name, or an apposition to it)."""
    span = art.doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
    if span is None:
        return False
    k = span.start - 1
    while k >= 0 and art.doc[k].pos_ in ("NOUN", "ADJ", "PROPN") and span.start - k <= 4:
        if art.doc[k].lemma_.lower() == noun and art.doc[k].tag_ == "NN":
            return True
        k -= 1
    return any(c.dep_ == "appos" and c.lemma_.lower() == noun for c in span.root.children)


def fallback_pronoun(art: QuoteArticle, pronoun: Token) -> Mention | None:
    """The latest named speaker before a pronoun no mention covers, else the latest person.
    A speaker introduced with the other gender ("spokesman Mark Oaten" for "she") is
    passed over; one introduced with this gender ("a spokeswoman for Human Rights Watch"
    for "she") is it, even when it speaks for a body."""
    wanted = ("PERSON",) if pronoun.lower_ in ("he", "she", "him", "her") else None
    if pronoun.lower_ in ("they", "them"):
        wanted = ("ORGANIZATION", "GROUP", "COUNTRY")  # one person is no "they"
    gender = _PRONOUN_GENDER.get(pronoun.lower_)
    known = _person_genders(art) if gender else {}
    for event in reversed(art.events):
        m = event.speaker
        if event.cue_char is None or event.cue_char >= pronoun.idx or m is None or m.kind == "pronoun":
            continue
        said = _proxy_gender(event.surface) or known.get(_surname(m))
        if gender and said and said != gender:
            continue
        if gender and said == gender or wanted is None or m.entity_type in wanted:
            return m
    for m in reversed(art.index.mentions):
        if m.char_start >= pronoun.idx or m.kind == "pronoun" or wanted is not None and m.entity_type not in wanted:
            continue
        if not (gender and known.get(_surname(m)) not in (None, gender)):
            return m
    return None



def _person_genders(art: QuoteArticle) -> dict[str, str]:
    """Surname -> gender, where the article's honorifics ("Ms King") or the pronouns linked
    to the person ("He" after "George Galloway") give one gender only: "She said" is
    then never Mr Galloway."""
    by_id = {m.mention_id: m for m in art.index.mentions}
    seen: dict[str, set[str]] = {}
    for m in art.index.mentions:
        if m.entity_type != "PERSON":
            continue
        if m.kind == "pronoun":
            named, gender = by_id.get(m.antecedent or ""), _PRONOUN_GENDER.get(m.surface.lower())
        else:
            named, gender = m, honorific_gender(m.surface)
        if named is not None and gender:
            seen.setdefault(_surname(named), set()).add(gender)
    return {name: next(iter(genders)) for name, genders in seen.items() if len(genders) == 1}


def _surname(m: Mention) -> str:
    words = m.name.split()
    return words[-1].lower() if words else ""


def _proxy_since(art: QuoteArticle, pronoun: Token, mention: Mention) -> Mention | None:
    """ "A spokeswoman for Human Rights Watch said … She added": a gendered proxy who spoke
    after the person the pronoun was linked to is the one "she" is."""
    gender = _PRONOUN_GENDER.get(pronoun.lower_)
    antecedent = int(mention.antecedent.rsplit("#m", 1)[1]) if mention.antecedent and "#m" in mention.antecedent else -1
    for event in reversed(art.events):
        if event.cue_char is None or event.cue_char >= pronoun.idx or event.cue_char < antecedent:
            continue
        if gender and event.speaker is not None and _proxy_gender(event.surface) == gender:
            return event.speaker
    return None


_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
def _proxy_gender(surface: str | None) -> str | None:
    """ "A spokeswoman for Human Rights Watch": f; "Lib Dem home affairs spokesman Mark Oaten": m."""
    words = (surface or "").lower().split()
    return next((GENDERED_TITLES[w] for w in words[:6] if w in GENDERED_TITLES), None)


def latest_event(art: QuoteArticle, lo: int, hi: int) -> Attribution | None:
    """The last speech event whose cue lies in [lo, hi)."""
    found = None
    for event in art.events:
        if event.cue_char is not None and lo <= event.cue_char < hi:
            found = event
    if found is None:
        return None
    return attribute(art, art.doc.char_span(found.cue_char, found.cue_char + 1, alignment_mode="expand")[0])
