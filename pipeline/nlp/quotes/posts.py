"""A definite post as the speaker ("The culture secretary said", "the Ofsted chief said")
that the mentions tie to nobody: the person who spoke just before.

A news story names its subject, then refers back to him or her by post: "Tessa Jowell has
announced plans … The Culture Secretary said the move showed she listened", "… said Mr
Bell. The Ofsted chief said his forthcoming annual report …". When `mentions` make no
title reference of the post (it is no role the gazetteer knows, or its words were typed as
a body), the post is the named person whose speech the text reported last, a few sentences
before at most, when that person is given no other post and is the person the article
names most (a definite post presupposes a holder the reader already knows); a lesser post
("the deputy speaker") only when the text gives that person such a post.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from pipeline.nlp.gazetteer import load_gazetteer
from pipeline.nlp.mentions.vocabulary import SUBORDINATE_WORDS, TITLE_NOUNS
from pipeline.nlp.names import role_compatible
from pipeline.nlp.quotes.context import QuoteArticle
from pipeline.nlp.quotes.cues import BODY_NOUNS, PROXY_NOUNS
from pipeline.nlp.quotes.previous import last_speech, spoken_by
from pipeline.nlp.quotes.previous import surname as _surname
from pipeline.nlp.records import Mention

# sentences back the speech the post takes up may lie ("Tessa Jowell has announced … It puts
# an end … Instead there will be … The Culture Secretary said")
MAX_SENTENCES_BACK = 3
# head nouns of a post beyond the gazetteer's roles and the title nouns ("the culture secretary")
POST_NOUNS = frozenset({"secretary"})


def post_holder(art: QuoteArticle, subject: Token, found: Mention | None) -> Mention | None:
    """The person a definite post the mentions left untied speaks as (module docstring); None
    when the subject is no such post or the text gives no one person."""
    if not untied(art, subject, found) or not _definite_post(subject):
        return None
    post = post_words(subject)
    role = load_gazetteer().match_role(post)
    speaker = _last_person_speaking(art, subject)
    if speaker is None or _surname(speaker) != _most_named(art) and not _lead_speaker(art, subject, speaker):
        return None
    held = {m.role for m in art.index.mentions if m.role and _same_person(m, speaker)}
    if role is not None and held and not any(role_compatible(role.name, r) for r in held):
        return None  # "the chancellor" is not the prime minister who spoke last
    if set(post.lower().split()) & SUBORDINATE_WORDS and not held:
        return None  # "the deputy speaker" is someone else than the person the story is about
    return speaker


def untied(art: QuoteArticle, subject: Token, found: Mention | None) -> bool:
    """No person and no title reference: no mention, a body named inside the phrase ("the
    Ofsted chief": Ofsted), or a title reference tied to a bystander. A title reference with
    no antecedent is left to entity resolution, which knows the posts the whole corpus gives
    ("The prime minister denied …" in a story about the chancellor is not the chancellor)."""
    if found is None:
        return True
    if found.kind == "title" and found.antecedent:
        return _tied_to_a_bystander(art, subject, found)
    # a post of a country speaks as the country when its holder is not named ("the Rwandan
    # president said": `speakers._country_of_post`)
    return found.entity_type not in ("PERSON", "COUNTRY") and art.index.at(subject) is not found


def _tied_to_a_bystander(art: QuoteArticle, subject: Token, found: Mention) -> bool:
    """A title reference the mentions tied to someone the story only mentions: a person named
    after the post ("… the minister said …" then "First Minister Jack McConnell") or one named
    before it only in passing, never speaking nor the subject of a main clause ("… where
    George Bush opposed extending it. But the Tory leader argued …")."""
    by_id = art.index.by_id
    named = by_id.get(found.antecedent or "")
    if named is None or named.entity_type != "PERSON":
        return False
    if named.char_start > subject.idx:
        # named after the post: someone else, unless named with this very post ("The home
        # secretary said …" then "Home Secretary Charles Clarke told …")
        # (imported here: the office holders module reads the mentions' context, which reads quotes)
        from pipeline.nlp.mentions.office_holders import knowledge_holds

        role = load_gazetteer().match_role(post_words(subject))
        return role is None or named.role != role.name and not knowledge_holds(named, role.name)
    key = _surname(named)
    for event in art.events:
        m = spoken_by(art, event)
        if event.cue_char is not None and event.cue_char < subject.idx and m is not None and _surname(m) == key:
            return False
    for m in art.index.mentions:
        if m.char_start >= subject.idx or m.entity_type != "PERSON" or _surname(m) != key or art.in_quote(m.char_start):
            continue
        span = art.tokens(m.char_start, m.char_end)
        if span is not None and span.root.dep_ in ("nsubj", "nsubjpass") and span.root.head.dep_ == "ROOT":
            return False
    return True


def _definite_post(subject: Token) -> bool:
    """ "the culture secretary", "The Ofsted chief", "the Tory leader": a singular noun of a
    post with "the" and no name of a person of its own (bodies and unnamed proxies such as
    "the spokesman" have their own rules)."""
    if subject.tag_ not in ("NN", "NNP") or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return False
    if any(c.dep_ in ("appos", "acl", "prep") or c.dep_ == "relcl" and not _set_off(c) for c in subject.children):
        return False  # "the minister for …", "the secretary, John Reid,": described in the phrase
    return is_post_noun(subject)


def is_post_noun(subject: Token) -> bool:
    """A noun of a post a named person holds: a title noun, a post noun or a role the gazetteer
    knows ("culture secretary"), not a body nor an unnamed proxy ("the spokesman")."""
    noun = subject.lower_
    if noun in BODY_NOUNS or noun in PROXY_NOUNS and noun not in TITLE_NOUNS:
        return False  # "the spokesman", "the official": an unnamed proxy, no post a named person holds
    return noun in TITLE_NOUNS or noun in POST_NOUNS or load_gazetteer().match_role(post_words(subject)) is not None


def _set_off(clause: Token) -> bool:
    """A relative clause between commas ("The Glasgow Kelvin MP, who was expelled from
    Labour, accused …") only adds to a post the reader already knows."""
    before = clause.left_edge.i - 1
    return before >= 0 and clause.doc[before].text == ","


def post_words(subject: Token) -> str:
    """The words of the post: the modifiers before the head and the head ("culture secretary")."""
    words = [t for t in subject.lefts if t.dep_ in ("compound", "amod", "nmod")] + [subject]
    return " ".join(t.text for t in words)


def _last_person_speaking(art: QuoteArticle, subject: Token) -> Mention | None:
    """The named person of the latest speech event before the subject (a pronoun read as its
    antecedent), within `MAX_SENTENCES_BACK` sentences; before the cue when it comes first
    ("…," said the Ealing North MP), which is no earlier speech."""
    event = last_speech(art, min(subject.idx, subject.head.idx), MAX_SENTENCES_BACK)
    m = spoken_by(art, event) if event is not None else None
    if m is None or m.entity_type != "PERSON" or m.kind == "title":
        return None  # the latest speech is someone else's: no person to take up
    return m


def _lead_speaker(art: QuoteArticle, subject: Token, speaker: Mention) -> bool:
    """ "The law … is "very clear", Alun Michael has said. / The rural affairs minister said …":
    the one person the article's first body sentence names, as its speaker, is who a post
    opening the next sentence refers back to, however often others are named later."""
    lead = next((s for s in art.ctx.sentences if s.section == "body"), None)
    here = art.ctx.sentence_at(subject.idx)
    if lead is None or here is None or speaker.sentence_id != lead.sentence_id:
        return False
    if here.sentence_id != lead.sentence_id + 1:
        return False
    named = {_surname(m) for m in art.index.mentions if m.entity_type == "PERSON" and m.sentence_id == lead.sentence_id}
    return named == {_surname(speaker)}


def _most_named(art: QuoteArticle) -> str | None:
    """The surname of the person the article names most often (pronouns counted for their
    antecedent); None when two are named equally often."""
    by_id = art.index.by_id
    counts: Counter[str] = Counter()
    for m in art.index.mentions:
        named = by_id.get(m.antecedent or "") if m.kind == "pronoun" else m
        if named is None or named.entity_type != "PERSON" or named.kind != "name":
            continue
        counts[_surname(named)] += 1
    top = counts.most_common(2)
    if not top or len(top) > 1 and top[0][1] == top[1][1]:
        return None
    return top[0][0]




def _same_person(m: Mention, other: Mention) -> bool:
    return m.entity_type == "PERSON" and _surname(m) == _surname(other)
