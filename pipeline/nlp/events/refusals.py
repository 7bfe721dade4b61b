"""Refusals declared in reported speech without a refusing verb: REJECT when it is said.

PLOVER codes a refusal to yield or change (REJECT) as an event of the moment it is declared.
The trigger dictionary finds "refused", "ruled out", and `filters.declared_refusal` reads
"will not back down"; a speaker also refuses a change by saying it will not happen, with a
verb of giving way (`yielding_verbs` in `pipeline/knowledge/events.yaml`):

* "the Home Office said mandatory life sentences would not be abolished": the verb passive,
  denied and under "will" / "would" / "shall";
* "we have no intention of abolishing the mandatory life sentence", "I have no desire to
  make further concessions": the verb, or a light verb's yielding noun, after "no" and a
  noun of intent (`intention_nouns`, `yielding_nouns`).

The speaker (the quote's, a named actor) is the source; the target is whoever the article
made the proposal or the demand the refusal answers (`proposal_owner`, `claim_maker`), if
anyone. A question, a condition ("if it would not be abolished") or a verb outside the list
("would not be distracted") refuses nothing.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.events.draft import Draft, EventContext, is_question, lemma_in, same_actor, speech_act_draft
from pipeline.nlp.events.owners import claim_maker, proposal_owner
from pipeline.nlp.events.vocabulary import DEED_VERBS, FUTURE_MODALS, INTENTION_NOUNS, YIELDING_NOUNS, YIELDING_VERBS
from pipeline.nlp.lexicons import Trigger
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import has_neg, has_no_determiner, has_to_marker, passive_subject
from pipeline.nlp.token_view import view_of

REFUSAL_SPEECH = Trigger(
    lemma="refusal", event_type="REJECT", mode=None, cameo_root="12", quad="verbal_conflict", pos="VERB"
)


def _denied_change(verb: Token) -> Token | None:
    """The noun whose change is refused ("sentences would not be abolished"), or None."""
    if verb.pos_ != "VERB" or not lemma_in(verb, YIELDING_VERBS) or not has_neg(verb):
        return None
    children = list(verb.children)
    if not any(c.dep_ == "auxpass" for c in children) or any(c.dep_ == "mark" for c in children):
        return None
    if not any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in children):
        return None
    return passive_subject(verb)


def _yielding(verb: Token) -> bool:
    """ "abolishing", "resign", or a light verb making a yielding noun ("make concessions")."""
    if lemma_in(verb, YIELDING_VERBS):
        return True
    return lemma_in(verb, DEED_VERBS) and any(c.dep_ == "dobj" and lemma_in(c, YIELDING_NOUNS) for c in verb.children)


def _intended_by(verb: Token) -> Token | None:
    """The noun of intent a verb hangs from: "intention of abolishing", "desire to make"."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "of":
        return verb.head.head
    if verb.dep_ == "acl" and has_to_marker(verb):
        return verb.head
    return None


def _no_intention(verb: Token) -> Token | None:
    """ "we have no intention of abolishing it", "I have no desire to make further
    concessions": the object of the refused change, the verb itself when it has none ("no
    intention of resigning") or when its object is the yielding noun, or None."""
    if verb.pos_ != "VERB" or not _yielding(verb):
        return None
    noun = _intended_by(verb)
    if noun is None or not lemma_in(noun, INTENTION_NOUNS):
        return None
    if not has_no_determiner(noun):
        return None
    if not lemma_in(verb, YIELDING_VERBS):
        return verb  # "make concessions": what is conceded is not named
    return next((c for c in verb.children if c.dep_ == "dobj"), verb)


def _answered(ec: EventContext, noun: Token, speaker: Mention) -> list[Mention]:
    excluded = lambda m: same_actor(m, speaker)  # noqa: E731
    return proposal_owner(noun, ec.index, excluded) or claim_maker(noun, ec.index, excluded)


def refusal_drafts(ec: EventContext, attributed: list[tuple[Mention, Span]]) -> list[Draft]:
    """REJECT drafts for the quotes (`speech.attributed_quotes`) that declare a change will
    not be made, one per quote."""
    drafts: list[Draft] = []
    for speaker, span in attributed:
        doc, pos = span.doc, view_of(span.doc).pos
        for i in range(span.start, span.end):
            if pos[i] != "VERB":
                continue  # neither test below holds of anything but a verb: no Token made for it
            verb = doc[i]
            changed = _denied_change(verb) or _no_intention(verb)
            if changed is None:
                continue
            sentence = ec.ctx.sentence_at(verb.idx)
            if sentence is None or is_question(sentence):
                continue
            targets = _answered(ec, changed, speaker) if changed is not verb else []
            drafts.append(speech_act_draft(REFUSAL_SPEECH, verb, sentence, [speaker], targets))
            break
    return drafts
