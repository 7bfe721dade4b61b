"""Who speaks: the speaker phrase and mention of a reporting verb, and the article's speech
events that pronouns and continued quotes fall back on.

Speakers link to the mention covering the subject's head word, else a name in apposition,
else a mention inside the subject phrase ("Armenia’s foreign ministry" falls back to
"Armenia"), else the body or person a proxy speaks for ("Yukos lawyers"), else for "the
company"-style descriptions the latest organisation named; a pronoun no mention covers
falls back to the latest speaker. A place never speaks: a city or region as the speaker
gives no speaker (a capital acting for its state is already its country). A document
speaks for its author (`documents`); "the spokesman" for the body or person the spokesman
who spoke before speaks for.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from pipeline.nlp.gazetteer import load_gazetteer
from pipeline.nlp.mentions.vocabulary import GENDERED_TITLES, GOVERNMENT_NOUNS, PARTY_NOUNS, TITLE_NOUNS
from pipeline.nlp.quotes.body_pronouns import body_before, it_subject
from pipeline.nlp.quotes.context import QuoteArticle
from pipeline.nlp.quotes.cues import (
    BODY_NOUNS,
    DOCUMENT_NOUNS,
    PRESS_NAME_WORDS,
    PRESS_NOUNS,
    PROXY_NOUNS,
    cue_candidates,
    cue_text,
    is_cue,
    possessor_speaks,
    speaker_token,
    unsourced_passive,
)
from pipeline.nlp.quotes.documents import DEFINITE, INDEFINITE, SPEAKER_TYPES, determined, published_by
from pipeline.nlp.quotes.genders import PRONOUN_GENDER, person_genders
from pipeline.nlp.quotes.leads import lead_speaker
from pipeline.nlp.quotes.named_again import named_before, speaker_named_alike
from pipeline.nlp.quotes.own_report import named_in_own_report, speaker_before_report
from pipeline.nlp.quotes.post_subjects import subject_before_post
from pipeline.nlp.quotes.posts import post_holder
from pipeline.nlp.quotes.previous import surname
from pipeline.nlp.quotes.pronoun_posts import post_subject_before
from pipeline.nlp.quotes.pronoun_proxies import unnamed_subject_before
from pipeline.nlp.quotes.spokesmen import bare_spokesman_principal
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import (
    FIRST_PERSON,
    PERSONAL_PRONOUNS,
    hyphen_joined,
    is_negated,
    is_subject,
    mention_of,
    mention_root,
    noun_phrase_extent,
    subject_of,
)
from pipeline.nlp.token_view import view_of


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
    for i in cue_candidates(view):  # no speech event (and nothing to skip) at a word that cannot report
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
    if subject is None and unsourced_passive(cue):
        return _unsourced(art, cue)
    if subject is None:
        return _body_it(art, cue)
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
    taken = _proxy_taken_up(art, subject) if resolve_pronouns and mention is not holder else None
    if taken is not None:
        mention = taken.speaker
    if mention is not None and mention is not holder and _member_of(art, subject, mention):
        mention = None  # "another member of the Cabinet": one of a body is not the body
    fits = None
    if mention is None and taken is None and (owned or not any(c.dep_ == "poss" for c in subject.children)):
        fits = _bodies_named_in_full(art, subject) or []
    if fits is not None and len({m.name for m in fits}) <= 1:  # two bodies so named: neither speaks
        mention = (  # "the government's finance watchdog said": the watchdog, named nowhere, is nobody
            (fits[-1] if fits else None)
            or _proxy_principal(art, subject)
            or published_by(art, subject)
            or _described_body(art, subject)
            or _named_holder(art, subject)
            or _body_before_proxy(art, subject)
            or _proxy_of_body_kind(art, subject)
            or bare_spokesman_principal(art, cue, subject)
        )
    if mention is None and taken is None:
        mention = _country_of_post(art, subject)
    if mention is None and cue.lower_ == "according":
        mention = _name_after(art, subject, end)
    if mention is None:
        mention = named_before(art, start, end)
    share = subject.like_num or subject.text == "%" or subject.lower_ in ("percent", "cent")
    if share and not _named_number(art, subject) and not _one_named(art, subject, mention):
        mention = None  # "87% of the adults quizzed by ICM said": respondents, nobody named
    if mention is not None and mention.entity_type not in SPEAKER_TYPES:
        # a place never speaks (a capital acting for its state is already its country), nor a law or a book;
        # a place's name that is the surname of a person named before is that person ("said Wales")
        mention = _person_of_surname(art, mention) or speaker_named_alike(art, mention)
    if mention is None:
        mention = _relative_antecedent(art, cue)
    if resolve_pronouns:
        mention = (
            post_holder(art, subject, mention)
            or lead_speaker(art, subject, mention)
            or subject_before_post(art, cue, subject, mention)
            or mention
        )
    if mention is None or mention.entity_type != "PERSON":
        mention = _name_set_off(art, subject) or _person_closing_body(art, subject, cue) or mention
    elif mention.kind == "name":
        mention = _first_joint_speaker(art, start, end, mention) or mention
    covering = art.index.at(subject)
    if covering is not None and subject.i == cue.i - 1 and subject.dep_ in ("pobj", "dobj", "conj", "appos"):
        s_char, e_char = covering.char_start, covering.char_end  # a name the parser took into a phrase before the cue
    elif covering is not None and covering.char_start < e_char and covering.char_end > s_char:
        # the parser may split a name the mention holds whole ("Stop | Stansted Expansion")
        s_char, e_char = min(s_char, covering.char_start), max(e_char, covering.char_end)
    taken_up = None  # (speaker,) of an unnamed subject the pronoun continues, that speaker maybe nobody
    if resolve_pronouns and subject.lower_ in _THIRD_PERSON and (mention is None or mention.kind == "pronoun"):
        found = _main_clause_subject(art, cue, subject) or post_subject_before(art, cue, subject)
        if found is None:
            taken_up = unnamed_subject_before(art, cue, subject, lambda verb: _speaker_of(art, verb))
        mention = found or (taken_up[0] if taken_up is not None else mention)
    if mention is None and resolve_pronouns and owned:
        mention = _possessor_pronoun(art, subject)
    if mention is None and resolve_pronouns and subject.lower_ in PERSONAL_PRONOUNS and taken_up is None:
        mention = fallback_pronoun(art, subject)
    elif mention is not None and mention.kind == "pronoun" and resolve_pronouns:
        since = _proxy_since(art, subject, mention)
        mention = since.speaker if since is not None and since.speaker is not None else mention
    if resolve_pronouns and named_in_own_report(art, cue, subject, art.index.at(subject)):
        named = art.index.at(subject)
        mention = speaker_before_report(art, cue, subject, named, person_genders(art)) or mention
    if mention is not None and mention.entity_type not in SPEAKER_TYPES:
        mention = None  # a pronoun's fallback is no place either ("I think …" after "Boston")
    c_start, c_end = cue_text(cue, art.text)
    return Attribution(mention, art.text[s_char:e_char], art.text[c_start:c_end], cue.idx)


def _unsourced(art: QuoteArticle, cue: Token) -> Attribution:
    """ "It is reported that …", "the committee was told …": a passive report naming no source has
    no speaker; its cue is the verb with its auxiliaries as written ("is thought")."""
    c_start, c_end = cue_text(cue, art.text)
    auxiliaries = [c for c in cue.children if c.dep_ in ("aux", "auxpass") and c.i < cue.i]
    if auxiliaries:
        c_start = min(c.idx for c in auxiliaries)
    return Attribution(None, None, art.text[c_start:c_end], cue.idx)


def _body_it(art: QuoteArticle, cue: Token) -> Attribution | None:
    """ "The committee published its report. It said …": an active "it" reporting speaks for
    the organisation named before (`body_pronouns`); None when none is, or two compete."""
    it = it_subject(cue)
    if it is None or art.in_quote(it.idx):
        return None
    body = body_before(art, it, lambda noun: body_named_like(art, noun) or published_by(art, noun))
    if body is None:
        return None
    c_start, c_end = cue_text(cue, art.text)
    return Attribution(body, it.text, art.text[c_start:c_end], cue.idx)


def _person_of_surname(art: QuoteArticle, place: Mention) -> Mention | None:
    """ "Wikipedia founder Jimmy Wales … said Wales": a one-word name the mentions read as a
    place (or a work) speaking in a report is the person named in full before whose surname
    it is; None when nobody is."""
    if place.kind != "name" or len(place.surface.split()) != 1:
        return None
    for m in reversed(art.index.mentions):
        if m.char_start >= place.char_start or m.entity_type != "PERSON" or m.kind != "name":
            continue
        words = m.name.split()
        if len(words) > 1 and words[-1] == place.surface:
            return m
    return None


def _speaker_of(art: QuoteArticle, verb: Token) -> Mention | None:
    """Whom the subject of any verb speaks as, read as if the verb reported."""
    found = attribute(art, verb)
    return found.speaker if found is not None else None


def _one_named(art: QuoteArticle, subject: Token, mention: Mention | None) -> bool:
    """ "One of the men, David Redvers, 34, …, said": a number whose apposition names a
    person is that person (eval/GUIDE.md: a named person is the speaker), not a share."""
    if mention is None or mention.kind != "name" or mention.entity_type != "PERSON":
        return False
    return any(c.dep_ == "appos" and art.index.at(c) is mention for c in subject.children)


def _named_number(art: QuoteArticle, subject: Token) -> bool:
    """ "No 10 said": a number that is part of a body's name (a named mention covers it) is
    the body, not a share of respondents."""
    found = art.index.at(subject)
    return found is not None and found.kind == "name" and found.entity_type in ("ORGANIZATION", "GROUP")


_THIRD_PERSON = {"he": ("PERSON",), "she": ("PERSON",), "they": ("ORGANIZATION", "COUNTRY", "GROUP")}


def _proxy_taken_up(art: QuoteArticle, subject: Token) -> Attribution | None:
    """ "A spokesman for the Home Office said … “…,” said the spokesman": a definite proxy
    ("the spokesman", "the executive spokeswoman") takes up the latest speech by a proxy of
    that kind (any "spokes-" word for a spokesman), whose speaker it speaks for, rather than
    whoever the text named last (eval/GUIDE.md, who speaks for a body). None when no such
    speech came before."""
    noun = subject.lemma_.lower()
    if noun not in PROXY_NOUNS or subject.tag_ != "NN" or not determined(subject, ("the",)):
        return None
    if any((m := art.index.at(c)) is not None and m.kind == "name" for c in subject.children if c.i < subject.i):
        return None  # "the Home Office spokesman": a body of its own
    kind = "spokes" if noun.startswith("spokes") else noun
    for event in reversed(art.events):
        if event.cue_char is None or event.cue_char >= subject.idx:
            continue
        words = [w.strip(",.").lower() for w in (event.surface or "").split()]
        owned = any(w.endswith(("'s", "’s")) for w in words)
        if any(w.startswith(kind) for w in words) and (words[:1] != ["the"] or owned):
            return event  # "a spokesman for X", "the prime minister's spokesman"; not another bare "the spokesman"
    return None


def _body_before_proxy(art: QuoteArticle, subject: Token) -> Mention | None:
    """ "The Association of Chief Police Officers has issued guidance … A spokesman said": a
    spokesman of no body named in the phrase speaks for the organisation the sentence before
    has as its main subject, or that its main subject "they"/"it" continues ("And they pledged
    to assess … “…,” a spokesman said") (eval/GUIDE.md: an unnamed spokesperson of a named body)."""
    if not subject.lemma_.lower().startswith("spokes") or not determined(subject, INDEFINITE):
        return None
    if any(c.dep_ in ("prep", "compound", "amod", "nmod", "poss", "appos") for c in subject.children):
        return None  # "a spokesman for …", "a police spokesman": described in the phrase
    sent = subject.sent
    if sent.start == 0:
        return None
    before = art.doc[sent.start - 1].sent
    main = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    found = art.index.at(main) if main is not None else None
    if found is None and main is not None and main.lower_ in ("they", "it") and not art.in_quote(main.idx):
        # "And they pledged to assess … “…,” a spokesman said": the body that "they" continues
        found = fallback_pronoun(art, main)
    if found is None or found.kind != "name" or found.entity_type != "ORGANIZATION" or art.in_quote(main.idx):
        return None
    return found


def _country_of_post(art: QuoteArticle, subject: Token) -> Mention | None:
    """ "Congo's president accused Rwanda …", "the Rwandan president said": a post of a
    country whose holder the text does not name speaks as that country (as eval/GUIDE.md
    has unnamed officials of a place act for its country)."""
    if subject.lower_ not in TITLE_NOUNS and load_gazetteer().match_role(subject.text) is None:
        return None
    for child in subject.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < subject.i:
            found = art.index.at(child)
            if found is not None and found.entity_type == "COUNTRY" and found.kind in ("name", "demonym"):
                return found
    return None


def _relative_antecedent(art: QuoteArticle, cue: Token) -> Mention | None:
    """ "backed by Culture, Media and Sport Secretary Tessa Jowell who said": a report in a
    relative clause is by the name written right before its "who", wherever the parser
    hangs the clause (here on "Culture", a place that never speaks)."""
    if cue.dep_ != "relcl":
        return None
    who = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "who"), None)
    k = who.i - 1 if who is not None else -1
    if k >= 0 and art.doc[k].text == ",":
        k -= 1
    if k < 0:
        return None
    last = art.doc[k]
    found = art.index.at(last)
    if found is None or found.kind != "name" or found.entity_type not in SPEAKER_TYPES:
        return None
    return found if found.char_end == last.idx + len(last.text) else None


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
        m
        for m in art.index.mentions
        if m.entity_type == "PERSON"
        and m.kind == "name"
        and art.doc[start].idx <= m.char_start
        and m.char_end <= art.doc[end - 1].idx + len(art.doc[end - 1].text)
    ]
    if not named:
        return None
    last = max(named, key=lambda m: m.char_start)
    rest = [t for t in art.doc[start:end] if t.idx >= last.char_end]
    if any(not (t.is_punct or t.lower_ in TITLE_NOUNS or t.text.isupper()) for t in rest):
        return None  # "supporters of John Smith's party": the name is not where the phrase ends
    post = (
        subject.lower_ in TITLE_NOUNS
        or subject.lemma_.lower() in PROXY_NOUNS
        or (load_gazetteer().match_role(subject.text) is not None)
    )
    joined = subject.tag_ == "NN" and any(
        c.dep_ == "conj" and last.char_start <= c.idx < last.char_end for c in subject.children
    )
    return last if post or joined and subject.pos_ == "NOUN" else None


def _phrase_names(art: QuoteArticle, start: int, end: int) -> list[Mention]:
    """The persons named in full inside the speaker phrase doc[start:end], in text order."""
    lo, hi = art.doc[start].idx, art.doc[end - 1].idx + len(art.doc[end - 1].text)
    return sorted(
        (
            m
            for m in art.index.mentions
            if m.entity_type == "PERSON" and m.kind == "name" and lo <= m.char_start and m.char_end <= hi
        ),
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


def _person_closing_body(art: QuoteArticle, subject: Token, cue: Token) -> Mention | None:
    """ "The United Nations (UN) emergency relief coordinator Jan Egeland has said": a body's
    name heading the phrase, with a person's name in apposition closing it (the parser hangs
    the post and name on the body, as after an abbreviation in brackets), is that person
    speaking (eval/GUIDE.md: a named person is the speaker even when speaking for a body)."""
    if subject.pos_ != "PROPN":
        return None
    for child in subject.children:
        if child.dep_ != "appos" or child.i < subject.i:
            continue
        found = art.index.at(child)
        if found is None or found.entity_type != "PERSON" or found.kind != "name" or child.i + 1 >= len(art.doc):
            continue
        after = art.doc[child.i + 1]  # the name runs up to the report: "… Jan Egeland has said"
        reports = after.i == cue.i or after.head.i == cue.i and after.dep_ == "aux"
        if found.char_end == child.idx + len(child.text) and reports:
            return found
    return None


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


def _name_after(art: QuoteArticle, source: Token, end: int) -> Mention | None:
    """ "According to a government meteorologist, Manny Mendoza, …": a person's name set off
    by commas right after the source phrase names the source, when that phrase is one
    person; after "according to agency reports," or "according to police," the name opens
    the reported clause ("Saddam Hussein, imprisoned …, was said to be …")."""
    if source.tag_ != "NN" or source.lemma_.lower() in DOCUMENT_NOUNS:
        return None
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


def _proxy_principal(art: QuoteArticle, subject: Token) -> Mention | None:
    """ "Yukos lawyers", "a Downing Street spokesman", "a UK Government official" (the name
    modifying the modifier): whoever they speak for; "the US government", "the Russian
    authorities": the country they govern."""
    governing = subject.lemma_.lower() in GOVERNMENT_NOUNS or subject.lower_ in GOVERNMENT_NOUNS
    if subject.lemma_.lower() not in PROXY_NOUNS and not governing:
        return None
    wanted = ("COUNTRY",) if governing and subject.lemma_.lower() not in PROXY_NOUNS else SPEAKER_TYPES
    for prep in (c for c in subject.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "from")):
        # "Japanese officials in the Defence Agency": the body they work in, before any nationality
        body = next((art.index.at(g) for g in prep.children if g.dep_ == "pobj"), None)
        if body is not None and body.entity_type == "ORGANIZATION" and body.kind == "name":
            return body
    for child in subject.children:
        if child.dep_ in ("compound", "nmod", "amod") and child.i < subject.i:
            found = art.index.at(child)
            if found is None and child.text[:1].isupper():
                inner = [g for g in child.children if g.dep_ in ("compound", "nmod", "amod") and g.i < child.i]
                found = next((m for g in inner if (m := art.index.at(g)) is not None), None)
            if found is not None and found.entity_type in wanted:
                return found
    return None


def _proxy_of_body_kind(art: QuoteArticle, subject: Token) -> Mention | None:
    """ "An executive spokesman", "a party spokesman": a proxy whose modifier is a common noun
    saying what kind of body it speaks for is the latest organisation named as one ("the
    Scottish Executive", "the British National Party"): a body noun ("party", "union") its
    name holds, or the word its name ends in."""
    if subject.lemma_.lower() not in PROXY_NOUNS:
        return None
    modifiers = [c for c in subject.children if c.dep_ in ("compound", "nmod", "amod") and c.i < subject.i]
    kind = next((c for c in modifiers if c.tag_ in ("NN", "JJ")), None)
    if kind is None or not kind.text.islower():
        return None
    noun = kind.lemma_.lower()
    for m in reversed(art.index.mentions):
        if m.char_start >= subject.idx or m.entity_type != "ORGANIZATION" or m.kind != "name":
            continue
        words = m.name.lower().split()
        if noun in BODY_NOUNS and noun in words or len(words) > 1 and words[-1] == noun and "of" not in words:
            return m
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
    named = _body_of_name_modifier(art, subject)
    if named is not None:
        return named
    if subject.lower_ in PARTY_NOUNS:
        return None  # "the party" is the mention layer's to tie (mentions/parties.py), or nobody
    if not _body_description(subject):
        return None
    found = _named_like(art, subject)
    if found is not None:
        return found
    if subject.lemma_.lower() in PRESS_NOUNS:
        return None  # "the newspaper": a paper, never the latest body of another kind
    if _introduced_unnamed(art, subject):
        return None  # "A group of MPs has tried … The group says": that group, no body named before
    # else the latest body a clause was about (its subject), not one named in passing
    # ("DaimlerChrysler has sold … a weak showing for Mercedes … the company said")
    for m in reversed(_bodies_named_before(art, subject.idx)):
        root = mention_root(art.doc, m)
        if root is not None and root.dep_ in ("nsubj", "nsubjpass") and not art.in_quote(m.char_start):
            return _main_subject_body(art, root) or m
    return art.index.before(subject.idx, ("ORGANIZATION",))


def _introduced_unnamed(art: QuoteArticle, subject: Token) -> bool:
    """Whether a definite body noun takes up a body the text introduced without a name: an
    earlier clause's subject, or a conjunct of one, with the same noun and an indefinite article
    ("A group of MPs has tried to raise the pressure … The group says …", "A coalition of
    charities and a group of MPs criticised …"), which no mention covers."""
    noun = subject.lemma_.lower()
    return any(
        t.lemma_.lower() == noun
        and (is_subject(t) or t.dep_ == "conj" and is_subject(t.head))
        and determined(t, INDEFINITE)
        and art.index.at(t) is None
        for t in art.doc[: subject.i]
    )


def _bodies_named_in_full(art: QuoteArticle, subject: Token) -> list[Mention] | None:
    """ "The Welsh Assembly Government said … said the assembly government": a definite body
    described by a lower-case modifier and its head noun is the organisation named before
    whose name holds every word of it; the named organisations that fit, in text order (two
    of different names compete, and the speaker declines), or None when the subject is no
    such description. A country or place never fits (organisations only)."""
    if subject.tag_ != "NN" or not determined(subject, DEFINITE):
        return None
    modifiers = [c for c in subject.children if c.dep_ in ("compound", "amod", "nmod") and c.i < subject.i]
    if not modifiers or any(not c.text.islower() or c.pos_ not in ("NOUN", "ADJ") for c in modifiers):
        return None
    wanted = {subject.lower_, *(c.lower_ for c in modifiers)}
    fits = [
        m
        for m in art.index.mentions
        if m.char_start < subject.idx
        and m.entity_type == "ORGANIZATION"
        and m.kind == "name"
        and wanted <= set(m.name.lower().split())
    ]
    return fits


def _main_subject_body(art: QuoteArticle, subject: Token) -> Mention | None:
    """ "The Countryside Alliance had its bid thwarted when the Appeal Court ruled …": of a
    sentence's subjects, the body its main clause is about."""
    root = subject.sent.root
    if subject.head.i == root.i:
        return None
    main = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    found = art.index.at(main) if main is not None else None
    if found is None or found.entity_type != "ORGANIZATION" or found.kind == "pronoun" or art.in_quote(main.idx):
        return None
    return found


def body_named_like(art: QuoteArticle, subject: Token) -> Mention | None:
    """ "the union" (`body_nouns`, definite, no name of its own): the latest body named a union
    ("the newspaper": a Times) or introduced as one ("Yukos, the oil company"); None when no
    body is. Reads only `index` and `doc` of the article, so stance holders use it as well."""
    return _named_like(art, subject) if _body_description(subject) else None


def bodies_in_view(art: QuoteArticle, subject: Token, since: int) -> list[Mention]:
    """ "A spokesman for the European Anti-Fraud Office said the organisation agreed …": for a
    definite body noun (`body_nouns`, no name of its own) that no body named before is called
    by, the organisations named before it since sentence `since`, in text order; none for a
    party's or a paper's noun, nor one taking up a body introduced without a name ("A group
    of MPs … The group says"). Event sources choose among them."""
    if not _body_description(subject) or subject.lower_ in PARTY_NOUNS or subject.lemma_.lower() in PRESS_NOUNS:
        return []
    if _introduced_unnamed(art, subject):
        return []
    return [m for m in _bodies_named_before(art, subject.idx) if m.sentence_id >= since]


def _bodies_named_before(art: QuoteArticle, char: int) -> list[Mention]:
    """The organisations the text names (pronouns not) before character `char`, in text order:
    what a body noun may take up."""
    return [
        m
        for m in art.index.mentions
        if m.char_start < char and m.entity_type == "ORGANIZATION" and m.kind != "pronoun"
    ]


def _body_description(subject: Token) -> bool:
    """ "the company", "the union": a definite singular body noun without a name of its own
    ("the Labour party" has one)."""
    if subject.lemma_.lower() not in BODY_NOUNS or subject.tag_ != "NN" or not determined(subject, DEFINITE):
        return False
    return not any(c.dep_ in ("compound", "amod", "poss") and c.pos_ == "PROPN" for c in subject.children)


def _body_of_name_modifier(art: QuoteArticle, subject: Token) -> Mention | None:
    """ "The Indymedia group of websites reported": a definite body noun with a name of its own
    as its modifier is the organisation that name is of, if the mentions know one."""
    if subject.lemma_.lower() not in BODY_NOUNS or subject.tag_ != "NN" or not determined(subject, DEFINITE):
        return None
    named = [c for c in subject.children if c.dep_ in ("compound", "amod", "poss") and c.pos_ == "PROPN"]
    found = art.index.at(named[-1]) if named else None
    return found if found is not None and found.entity_type == "ORGANIZATION" and found.kind == "name" else None


def _named_like(art: QuoteArticle, subject: Token) -> Mention | None:
    return next(_bodies_like(art, subject), None)


def body_described(art: QuoteArticle, noun: Token) -> list[Mention]:
    """ "the party", "the union" (`body_nouns`, definite, no name of its own): every body named
    before that the noun describes, latest first (`body_named_like` takes the first); event
    targets choose among them."""
    return list(_bodies_like(art, noun)) if _body_description(noun) else []


def _bodies_like(art: QuoteArticle, subject: Token) -> Iterator[Mention]:
    noun = subject.lemma_.lower()
    for m in reversed(_bodies_named_before(art, subject.idx)):
        words = set(m.name.lower().split())
        if noun in words or noun in PRESS_NOUNS and words & PRESS_NAME_WORDS or _described_as(art, m, noun):
            yield m


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
    for "she") is it, even when it speaks for a body. A possessive ("his", "its") is read
    as its subject form."""
    form = _POSSESSIVE_SUBJECT.get(pronoun.lower_, pronoun.lower_)
    wanted = ("PERSON",) if form in ("he", "she", "him", "her") else None
    if form in ("they", "them") or pronoun.lower_ == "its":
        wanted = ("ORGANIZATION", "GROUP", "COUNTRY")  # one person is no "they", nor owns "its report"
    gender = PRONOUN_GENDER.get(form)
    known = person_genders(art) if gender else {}
    if gender and form == pronoun.lower_:
        found = _previous_subject(art, pronoun, gender, known)
        if found is not None:
            return found
    if pronoun.lower_ == "they":
        found = _previous_agent(art, pronoun)
        if found is not None:
            return found
    for event in reversed(art.events):
        m = event.speaker
        if event.cue_char is None or event.cue_char >= pronoun.idx or m is None or m.kind == "pronoun":
            continue
        said = _proxy_gender(event.surface) or known.get(surname(m))
        if gender and said and said != gender:
            continue
        if gender and said == gender or wanted is None or m.entity_type in wanted:
            return m
    for m in reversed(art.index.mentions):
        if m.char_start >= pronoun.idx or m.kind == "pronoun" or wanted is not None and m.entity_type not in wanted:
            continue
        if not (gender and known.get(surname(m)) not in (None, gender)):
            return m
    return None


def _previous_subject(art: QuoteArticle, pronoun: Token, gender: str, known: dict[str, str]) -> Mention | None:
    """ "Realising his error, Mr Campbell then e-mailed Mr McFadyen … He said: …": a "he" or
    "she" opening its sentence, which no mention resolved, is the named person the sentence
    before has as its main subject, when the gender fits; not whoever spoke last.
    """
    sent = pronoun.sent
    if pronoun.i != sent.start or sent.start == 0:
        return None
    before = art.doc[sent.start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    if subject is None or art.in_quote(subject.idx):
        return None
    found = art.index.at(subject)
    if found is not None and found.kind == "pronoun":
        found = next((m for m in art.index.mentions if m.mention_id == found.antecedent), None)
    if found is None or found.entity_type != "PERSON" or found.kind != "name":
        return None
    return found if known.get(surname(found)) in (None, gender) else None


def _previous_agent(art: QuoteArticle, pronoun: Token) -> Mention | None:
    """ "The bill … is expected to be opposed by the Liberal Democrats. They have said the
    scheme is …": a "they" opening its sentence, which no mention resolved, is the body the
    sentence before names as the doer of its passive main verb (directly or through its
    infinitives: "is expected to be opposed by"), when that sentence's subject is a thing
    (no actor) or one the parser hung lower, and so cannot be what "they" continues."""
    sent = pronoun.sent
    if pronoun.i != sent.start or sent.start == 0:
        return None
    root = art.doc[sent.start - 1].sent.root
    if art.in_quote(root.idx) or not any(c.dep_ == "auxpass" for c in root.children):
        return None
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and (
        art.index.at(subject) is not None
        or subject.pos_ == "PRON"
        or subject.lemma_.lower() in BODY_NOUNS
        or subject.tag_ in ("NNS", "NNPS")
    ):
        return None  # a pronoun, a body or plural people ("ministers") may be what "they" continues
    verb = root
    while verb is not None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            doer = next((c for c in agent.children if c.dep_ == "pobj"), None)
            found = art.index.at(doer) if doer is not None else None
            if found is None or found.kind != "name" or found.entity_type not in _THIRD_PERSON["they"]:
                return None
            return found
        verb = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    return None


def _proxy_since(art: QuoteArticle, pronoun: Token, mention: Mention) -> Attribution | None:
    """ "A spokeswoman for Human Rights Watch said … She added": a gendered proxy who spoke
    after the person the pronoun was linked to is the one "she" is (the speech returned: a
    proxy of no named body speaks for nobody)."""
    gender = PRONOUN_GENDER.get(pronoun.lower_)
    antecedent = int(mention.antecedent.rsplit("#m", 1)[1]) if mention.antecedent and "#m" in mention.antecedent else -1
    for event in reversed(art.events):
        if event.cue_char is None or event.cue_char >= pronoun.idx or event.cue_char < antecedent:
            continue
        if gender and _proxy_gender(event.surface) == gender:
            return event
    return None


_POSSESSIVE_SUBJECT = {"his": "he", "her": "she", "its": "it", "their": "they"}


def _possessor_pronoun(art: QuoteArticle, noun: Token) -> Mention | None:
    """ "His spokesman said", "its report says": a proxy or document owned by a possessive
    pronoun speaks for whom the pronoun stands for (eval/GUIDE.md: "a spokesman for Mr
    Prescott" -> John Prescott), read like a subject pronoun."""
    poss = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVE_SUBJECT), None)
    if poss is None:
        return None
    gender = PRONOUN_GENDER.get(_POSSESSIVE_SUBJECT[poss.lower_])
    if gender is None:
        return fallback_pronoun(art, poss)  # "its", "their": the body that spoke last
    # "his": the person last named or referred to, speaker or not ("Mr Bannatyne has given
    # Labour £50,000. He made his fortune … His spokesman said")
    known = person_genders(art)
    by_id = art.index.by_id
    for m in reversed(art.index.mentions):
        if m.char_start >= poss.idx or m.entity_type != "PERSON" or art.in_quote(m.char_start):
            continue
        named = by_id.get(m.antecedent or "") if m.kind == "pronoun" else m
        if named is not None and named.kind != "pronoun" and known.get(surname(named)) in (None, gender):
            return named
    return None


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
