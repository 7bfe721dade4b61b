"""Crowds: the protesters a protest noun implies when the text names none.

"The Indymedia group reported a demonstration on the 29th against the deportation of
Palestinian refugees", "amid protests of up to 200,000": a demonstration is done by
demonstrators even when no one is named (PLOVER codes a protest's source as the civilians
protesting; eval/GUIDE.md: a common noun becomes a GROUP when it acts in an event). Each
demonstration or riot noun in the body or headline gets a candidate GROUP mention named
"protesters" on the noun itself, and each demonstrating or rioting verb whose subject names
no one ("thousands of people demonstrated in Kiev") one on its subject, named by the subject's
own phrase where it is a plural noun for people ("Hindu nationalists marched"); an asserted protest
that names no actor takes it as its source (`crowd_source`), and only a crowd that acts joins
the article's mentions
(`extract.chain_extractors`). The crowd is kept out of the mention index, so "condemned the
protests" never aims at it.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.draft import ASSERTED, Draft
from pipeline.nlp.events.vocabulary import CROWDLESS_PROTEST_NOUNS
from pipeline.nlp.lexicons import load_event_triggers
from pipeline.nlp.records import ArticleContext, Mention
from pipeline.nlp.stances.groups import first_modifier, phrase_name
from pipeline.nlp.stances.words import COUNT_NOUNS
from pipeline.nlp.token_view import view_of

CROWD_LABEL = "CROWD"  # ner_label of the crowd a protest noun implies
CROWD_NAME = "protesters"
CROWD_MODES = frozenset({"demo", "riot"})  # a strike's or a boycott's doers are named otherwise


def protest_crowds(ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
    """One candidate crowd per demonstration or riot noun that no mention starts at."""
    lexicon = load_event_triggers()
    taken = {m.char_start for m in mentions}
    out: list[Mention] = []
    doc, view = ctx.doc, view_of(ctx.doc)
    pos, idx, lemma = view.pos, view.idx, view.lemma
    for sentence in ctx.sentences:
        span = ctx.sentence_span(sentence)
        if span is None or sentence.section not in ("body", "headline"):
            continue
        for i in range(span.start, span.end):
            if (
                pos[i] == "VERB"
                and _crowd_trigger(lexicon.verb(lemma[i].lower()))
                and (subject := _unnamed_subject(doc[i], taken)) is not None
            ):
                token = subject  # "thousands of people demonstrated": the crowd is the subject
                # a subject that is itself an act ("strikes have demonstrated ...") names no people
                named = lexicon.noun(token.lemma_.lower()) is None
                first, name = _named_crowd(token) if named else (token.i, CROWD_NAME)
            elif pos[i] != "NOUN" or idx[i] in taken:
                continue
            else:
                if not _crowd_trigger(lexicon.noun(lemma[i].lower())) or lemma[i].lower() in CROWDLESS_PROTEST_NOUNS:
                    continue  # "their upward march": no crowd (events.yaml crowdless_protest_nouns)
                token = doc[i]
                if _manner(token):
                    continue
                first, name = token.i, CROWD_NAME
            start, end = doc[first].idx, token.idx + len(token.text)
            out.append(
                Mention(
                    f"{ctx.article_id}#m{token.idx}",
                    ctx.article_id,
                    sentence.sentence_id,
                    ctx.text[start:end],
                    start,
                    end,
                    CROWD_LABEL,
                    "GROUP",
                    "name",
                    name,
                )
            )
    return out


def _named_crowd(token: Token) -> tuple[int, str]:
    """The first word and the name of the crowd on a protesting verb's subject: a plural noun
    ("Hindu nationalists marched", "unemployed youths rioted") is the text's own name for the
    crowd, the phrase with its modifiers (as a group noun holding a stance keeps them,
    `stances.groups.phrase_name`); a count ("thousands of people demonstrated") or a bare
    "people" names no one, and the crowd is the protesters it implies."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or token.tag_ != "NNS" or token.lower_ in COUNT_NOUNS:
        return token.i, CROWD_NAME
    first = first_modifier(token)
    if lemma in ("people", "person") and first == token.i:
        return token.i, CROWD_NAME
    return first, phrase_name(token.doc[first : token.i + 1])


def _crowd_trigger(trigger) -> bool:
    """Whether a verb's or noun's trigger (or None) is a demonstration or riot a crowd holds."""
    return trigger is not None and trigger.event_type == "PROTEST" and trigger.mode in CROWD_MODES


def _manner(noun: Token) -> bool:
    """ "resigned in protest", "walked out in protest at the cuts": a bare protest noun after
    "in" says why the subject acted, no demonstration anyone held."""
    if noun.tag_ != "NN" or noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return False  # "took part in protests across France": plural protests are demonstrations
    return not any(c.dep_ == "det" for c in noun.children)


def _unnamed_subject(verb: Token, taken: set[int]) -> Token | None:
    """The subject of a demonstrating or rioting verb (`_crowd_trigger`, which the caller
    tested) when no mention starts at it."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("NOUN", "NUM") or subject.idx in taken:
        return None
    if any(t.idx in taken for t in subject.subtree):
        return None  # "supporters of Yushchenko": named by whose they are
    return subject


def crowd_source(draft: Draft, crowds: dict[int, Mention]) -> None:
    """An asserted protest that names no actor is done by the crowd it implies (the noun's,
    or the one on the verb's subject), `crowds` keyed by where each ends."""
    token = draft.token
    if draft.event_type != "PROTEST" or draft.actors() or draft.modality != ASSERTED:
        return
    subjects = [c for c in token.children if c.dep_ == "nsubj"] if token.pos_ == "VERB" else []
    crowd = crowds.get(_end(token)) or next((crowds[_end(s)] for s in subjects if _end(s) in crowds), None)
    if crowd is not None:
        draft.sources = [crowd]


def _end(token: Token) -> int:
    """Where a word ends in the text: a crowd's key, as its phrase may open with modifiers."""
    return token.idx + len(token.text)
