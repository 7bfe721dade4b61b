"""Praise in reported speech: a quote that approves of what a named actor did is SUPPORT.

PLOVER codes praise and endorsement (SUPPORT) as an event when it is made. The trigger
dictionary finds the verbs ("praised", "welcomed"); a quote (the quotes extractor's, direct
or indirect) praises without one when an approving word (`approval_words` in
`pipeline/knowledge/events.yaml`) judges an actor's act:

* "Labour was right to reject the Tory idea": the word as the complement of "be", with the
  act as its infinitive, approves of the subject of "be";
* "it is good that Labour has rejected ...": after an "it" whose "that" clause is the act,
  it approves of that clause's subject;
* "Mr Brown had made welcome announcements": modifying the object of a verb of doing
  (`deed_verbs`: "made", "took", "did"), it approves of that verb's subject;
* "Gordon Brown is a great chancellor", "Paul's contribution has been exceptional": modifying
  the label "be" gives a named subject, or judging a deed an actor owns, it approves of
  that subject or owner;
* "South Korea is a strategic partner in Asia": a noun of friendly ties (`partner_nouns`)
  as the complement of "be" endorses the subject of "be";
* "he was satisfied with Mr Wolfowitz's answers", "was pleased with the French response": a
  word of satisfaction (`satisfaction_words`) said of the speaker praises the actors its
  "with" phrase names.

The speaker is the source and the approved actor the target: never the speaker, "I" or
"we", nor a place; a negated word ("was not right to"), a question, or a subject that is no
actor gives nothing. The mirror image, criticism, is `speech`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.events.criticism import criticises
from pipeline.nlp.events.draft import (
    Draft,
    EventContext,
    is_actor,
    is_question,
    lemma_in,
    pobjs,
    same_actor,
    speech_act_draft,
    unique,
)
from pipeline.nlp.events.judged_referents import SPEAKER_PRONOUNS
from pipeline.nlp.events.negation import negated
from pipeline.nlp.events.phrases import np_actors
from pipeline.nlp.events.speech import PRAISE_SPEECH
from pipeline.nlp.events.vocabulary import APPROVAL_WORDS, DEED_VERBS, PARTNER_NOUNS, SATISFACTION_WORDS
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import has_neg, nominal_subjects
from pipeline.nlp.token_view import view_of


def _subject(verb: Token) -> Token | None:
    return next(iter(nominal_subjects(verb)), None)


def _approved(word: Token) -> Token | None:
    """The subject token of whoever the approving word credits with an act, or None."""
    head = word.head
    if word.lower_ in PARTNER_NOUNS:  # "South Korea is a strategic partner": endorsed as one
        return _subject(head) if word.dep_ == "attr" and head.lemma_ == "be" else None
    if word.dep_ == "acomp" and head.lemma_ == "be":
        subject = _subject(head)
        if subject is None:
            return None
        acts = [c for c in list(word.children) + list(head.children) if c.dep_ in ("xcomp", "ccomp", "advcl")]
        if subject.lower_ == "it":
            # "it is good that Labour has rejected": the "that" clause's subject did the act
            clauses = [c for c in acts if c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children)]
            return _subject(clauses[0]) if clauses else None
        # "Labour was right to reject": the infinitive is the act the subject is praised for
        if any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux") for c in acts):
            return subject
        # "Paul's contribution has been exceptional": an owned deed judged good praises its owner
        return subject if _owned(subject) else None
    if word.dep_ in ("amod", "acomp", "attr") and criticises(head):
        return None  # "made a great mistake": the word only measures a failing
    if word.dep_ == "amod" and head.dep_ == "dobj" and lemma_in(head.head, DEED_VERBS):
        return _subject(head.head)  # "had made welcome announcements"
    if word.dep_ == "amod" and head.dep_ == "attr" and head.head.lemma_ == "be" and not has_neg(head.head):
        # "Gordon Brown is a great chancellor", "Paul has been a valued colleague": the label
        # praises its subject, a named one or one an actor owns ("Paul's work was a superb effort")
        subject = _subject(head.head)
        if subject is not None and subject.lower_ != "it" and (subject.pos_ == "PROPN" or _owned(subject)):
            return subject
    return None


def _owned(noun: Token) -> bool:
    """ "Paul's contribution": a noun with a possessor, whose owner is credited with it."""
    return any(c.dep_ == "poss" for c in noun.children)


def _targets(ec: EventContext, subject: Token, speaker: Mention) -> list[Mention]:
    return unique(
        m
        for m in np_actors(subject, ec.index)
        if is_actor(m) and (m.kind != "pronoun" or m.antecedent is not None) and _praisable(m, speaker)
    )


def _praisable(m: Mention, speaker: Mention) -> bool:
    """Whether the speaker can be praising the actor: no place, not "I" or "we", neither the
    speaker nor the speaker's own country."""
    return (
        m.entity_type != "LOCATION"
        and m.surface.lower() not in SPEAKER_PRONOUNS
        and not same_actor(m, speaker)
        and not (m.entity_type == "COUNTRY" and m.country_iso3 and m.country_iso3 == speaker.country_iso3)
    )


def _tied_targets(ec: EventContext, word: Token, speaker: Mention) -> list[Mention]:
    """ "We are a friend of the United States", "France is a partner of Russia" said by a
    Frenchman: when the partner is the speaker's own side, the tie is to the "of" actor."""
    if word.lower_ not in PARTNER_NOUNS:
        return []
    tied = [p for c in word.children if c.dep_ == "prep" and c.lower_ in ("of", "to") for p in pobjs(c)]
    return [m for p in tied for m in _targets(ec, p, speaker)]


def _satisfying(ec: EventContext, word: Token, speaker: Mention) -> list[Mention]:
    """The actors the "with" phrase of a word of satisfaction names, when the word is said
    of the speaker ("he was satisfied with everything he heard from Mr Wolfowitz", the
    speaker's own name or a pronoun as the subject of "be"); anywhere in that phrase, since
    what satisfied is what the actor said or did."""
    if word.dep_ != "acomp" or word.head.lemma_ != "be":
        return []
    subject = _subject(word.head)
    if subject is None:
        return []
    mine = subject.pos_ == "PRON" or any(same_actor(m, speaker) for m in np_actors(subject, ec.index))
    if not mine:
        return []
    phrases = [p for c in word.children if c.dep_ == "prep" and c.lower_ == "with" for p in pobjs(c)]
    found = [m for p in phrases for t in p.subtree for m in ec.index.all_at(t) if is_actor(m)]
    return unique(m for m in found if m.kind != "pronoun" and _praisable(m, speaker))


def praise_drafts(ec: EventContext, attributed: list[tuple[Mention, Span]]) -> list[Draft]:
    """SUPPORT drafts for the quotes (`speech.attributed_quotes`) that approve of a named
    actor's act, one per quote."""
    drafts: list[Draft] = []
    for speaker, span in attributed:
        doc, lower = span.doc, view_of(span.doc).lower
        for i in range(span.start, span.end):
            if lower[i] in SATISFACTION_WORDS:
                word = doc[i]
                sentence = ec.ctx.sentence_at(word.idx)
                targets = _satisfying(ec, word, speaker)
                if targets and sentence is not None and not is_question(sentence) and not negated(word):
                    drafts.append(speech_act_draft(PRAISE_SPEECH, word, sentence, [speaker], targets))
                    break  # one praise per quote
                continue
            if lower[i] not in APPROVAL_WORDS and lower[i] not in PARTNER_NOUNS:
                continue  # read from the view: a Token is made only for an approving word
            word = doc[i]
            if negated(word):
                continue
            subject = _approved(word)
            sentence = ec.ctx.sentence_at(word.idx)
            if subject is None or sentence is None or is_question(sentence):
                continue
            targets = _targets(ec, subject, speaker) or _tied_targets(ec, word, speaker)
            if targets:
                drafts.append(speech_act_draft(PRAISE_SPEECH, word, sentence, [speaker], targets))
                break  # one praise per quote
    return drafts
