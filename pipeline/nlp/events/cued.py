"""The speaker of a quote's cue verb as the subject of that verb's event.

"Mr Howard said he feared internment would create martyrs. His party plans to move an
amendment. He called on the prime minister to enter into constructive discussions": the
quotes extractor reads who a "he" introducing reported speech is across sentences and
paragraphs (its speaker attribution), where the mentions' pronoun resolution stays
cautious. A "he" or "she" that no mention resolves, as the subject of a trigger verb that
is itself the cue of a quote of reported speech (a clause, not a noun phrase: "he also
criticised the plans" is attributed to whoever the quotes extractor guesses) with a named
speaker, is that speaker, unless that speaker is already one of the event's actors (the
one spoken of is not the one speaking). Likewise an "I" or "we" that no mention resolves,
as the subject of a trigger verb inside a direct quote, is the quote's named speaker
(`quoted_speaker`).

The speaker is also who a direct quote's "me" is: '"He then punched me on my shoulder," said Mr
Bao' and '"They arrested me," said X' report what was done to the speaker, the event's target
(`quoted_speaker_target`), or takes part with the one who met it ("The president met me"). A
passive "I am being attacked" is left alone: with no doer named it is as often criticism as
violence.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from pipeline.nlp.events.draft import (
    SPEECH_TYPES,
    SYMMETRIC_TYPES,
    Draft,
    EventContext,
    actor_key,
    assign,
    is_actor,
    lemma_in,
    quote_span,
)
from pipeline.nlp.events.owners import OBJECT_REFERENTS, object_pronoun_target
from pipeline.nlp.events.vocabulary import REPORTING_VERBS
from pipeline.nlp.records import Mention, Quote
from pipeline.nlp.stances.spokespeople import principal
from pipeline.nlp.syntax import FIRST_PERSON, GENDERED_PRONOUNS, has_subject


def cue_speaker(ec: EventContext, draft: Draft, quotes: Iterable[Quote]) -> None:
    """Give a draft with no actor on its subject's side the speaker of the quote its verb cues."""
    verb = draft.token
    if draft.sources or draft.participants or draft.mediators or draft.trigger.subject_role != "source":
        return
    if verb.pos_ not in ("VERB", "AUX"):
        return
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in GENDERED_PRONOUNS or ec.index.all_at(subject):
        return
    first, last = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
    for quote in quotes:
        if quote.sentence_id != draft.sentence.sentence_id or not quote.speaker_mention_id or not quote.cue:
            continue
        if quote.cue.split()[0].lower() != verb.lower_ or not first <= quote.char_start < last:
            continue  # another verb's quote, or one this verb does not introduce
        said = quote_span(quote, ec.ctx.doc)
        if said is None or not any(t.pos_ in ("VERB", "AUX") for t in said):
            continue  # "he criticised the plans": a noun phrase attributed is no reported speech
        speaker = ec.index.by_id.get(quote.speaker_mention_id)
        if speaker is None or speaker.entity_type != "PERSON" or speaker.kind != "name":
            return
        if not _already_an_actor(draft, speaker):
            assign(draft, "sources", [speaker])  # not "In it he alleges that Mr Blair told ...": Blair
        return


def quoted_speaker(ec: EventContext, draft: Draft, quotes: Iterable[Quote]) -> None:
    """ "Mr Howard told the BBC: 'I reject the claims of Labour'", "a Unison spokesman said:
    'We have urged the government to think again'": an "I" or "we" that no mention resolves,
    as the subject of a trigger verb inside a direct quote whose speaker the quotes
    extractor names, is that speaker (a spokesman's "we" is the body spoken for, the quote's
    speaker under eval/GUIDE.md). Only for an act already aimed at an actor, so that "we
    welcome the report" stays a stance; an "I" is only a person's. Not in words the quote
    reports of someone else ("He told me: 'I reject …'", `_reported_within`). A named
    spokesperson's "we" is the body spoken for ("Home Office spokesman John Smith said: 'We
    have urged …'", `spokespeople.principal`); another person's "we" does a speech act in
    their name ("Mr Straw said: 'We have urged Iran …'"), but a deed of "we" is a nation's or
    a group's, not the speaker's ("We attacked Iraq", said by a journalist). A coordinated
    verb with no subject of its own shares the first one's ('"We met Mr Bush and criticised
    the United States," said X', `_shared_subject_clause`). An act aimed at an object pronoun
    no mention resolves ('"We criticised him"') is read too: with the speaker as source, the
    pronoun is whom `owners.object_pronoun_target` finds other than the speaker, or no act."""
    verb = draft.token
    if draft.sources or draft.participants or draft.mediators:
        return
    if not draft.targets and not _object_pronoun(ec, verb):
        return  # '"We met Mr Bush and criticised him"': "him" is read once the speaker is known
    if draft.trigger.subject_role != "source" or verb.pos_ not in ("VERB", "AUX"):
        return
    subject = next((c for c in _shared_subject_clause(verb).children if c.dep_ == "nsubj"), None)
    # an "I" or "we", not an object form the parser made a subject ("Me and my colleagues
    # criticised …"): whether it is one speaker or several is unknown
    if subject is None or subject.lower_ not in ("i", "we") or ec.index.all_at(subject):
        return
    for quote in quotes:
        if quote.kind != "direct" or not quote.char_start <= subject.idx < verb.idx < quote.char_end:
            continue
        speaker = ec.index.by_id.get(quote.speaker_mention_id or "")
        if speaker is None or not speaker.name or speaker.kind == "pronoun" or _reported_within(verb, quote):
            return
        if subject.lower_ == "i" and speaker.entity_type != "PERSON":
            return
        if subject.lower_ == "we" and speaker.entity_type == "PERSON":
            body = principal(ec.ctx.doc, ec.index, ec.index.by_id, speaker)
            if body is None and draft.event_type not in SPEECH_TYPES:
                return
            speaker = body or speaker
        if is_actor(speaker) and not _already_an_actor(draft, speaker):
            assign(draft, "sources", [speaker])  # not "I told Mr Blair": the one spoken of is no speaker
            if not draft.targets:
                # "criticised him": the person named before it who is not the speaker, or no act
                assign(draft, "targets", object_pronoun_target(draft, ec.index))
                if not draft.targets:
                    draft.sources = []
        return


def _object_pronoun(ec: EventContext, verb: Token) -> bool:
    """Whether a verb's object is a person or body pronoun ("him", "her", "them") no mention resolves."""
    return any(
        c.dep_ in ("dobj", "dative") and c.lower_ in OBJECT_REFERENTS and c.tag_ == "PRP" and not ec.index.all_at(c)
        for c in verb.children
    )


def _shared_subject_clause(verb: Token) -> Token:
    """ '"We met Mr Bush and criticised him," said Tony Blair': a coordinated verb with no
    subject of its own shares that of the first verb of its coordination."""
    while verb.dep_ == "conj" and verb.head != verb and not has_subject(verb):
        verb = verb.head
    return verb


def _reported_within(verb: Token, quote: Quote) -> bool:
    """Whether the verb stands in words the quote reports of someone else: a verb of saying
    above it, inside the quote, whose subject is not the speaker's "I" or "we" ("He told me:
    'I reject …'", "When I met Mr Chirac, he said 'we have urged Iran …'")."""
    for above in verb.ancestors:
        if not quote.char_start <= above.idx < quote.char_end:
            return False
        if lemma_in(above, REPORTING_VERBS):
            subject = next((c for c in above.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in FIRST_PERSON:
                return True
    return False


def quoted_speaker_target(ec: EventContext, draft: Draft, quotes: Iterable[Quote]) -> None:
    """A trigger verb in a direct quote whose object is "me" ("He punched me", "they arrested
    me") acts on the quote's named speaker: the speaker is the target, or for a meeting a
    participant ("The president met me"). Only a person's: a body speaks as "we", and a body
    named as a quote's speaker stands for the spokesperson whose "me" it is (eval/GUIDE.md,
    who speaks for a body)."""
    verb = draft.token
    if verb.pos_ not in ("VERB", "AUX") or draft.trigger.subject_role != "source" or draft.targets:
        return
    done_to = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "me"]
    if not done_to:
        return
    at = done_to[0].idx
    for quote in quotes:
        if quote.kind != "direct" or not quote.char_start <= at < quote.char_end or not quote.speaker_mention_id:
            continue
        speaker = ec.index.by_id.get(quote.speaker_mention_id)
        if speaker is None or speaker.kind == "pronoun" or speaker.entity_type != "PERSON":
            return  # "a spokesman for Amnesty said: 'they arrested me'": the spokesman, not the body
        if not _already_an_actor(draft, speaker):
            # '"The president met me," said X': a meeting's other side takes part, it is no target
            assign(draft, "participants" if draft.event_type in SYMMETRIC_TYPES else "targets", [speaker])
        return


def _already_an_actor(draft: Draft, speaker: Mention) -> bool:
    """The speaker is already one of the draft's actors (as the same entity): the one spoken
    of is not the one speaking ("In it he alleges that Mr Blair told ...", "I told Mr Blair")."""
    return actor_key(speaker) in {actor_key(m) for m in draft.actors()}
