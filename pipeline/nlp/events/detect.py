"""`detect_events`, the events extractor's entry point (the package docstring says what
each pass does); kept out of `__init__` so that importing the word lists imports no spaCy."""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.nlp.events.actors import fill_actors
from pipeline.nlp.events.addressees import public_appeal, unaddressed_demand
from pipeline.nlp.events.anaphora import resolve_event_anaphora
from pipeline.nlp.events.critical import critical_drafts
from pipeline.nlp.events.crowds import crowd_source
from pipeline.nlp.events.cued import cue_speaker, quoted_speaker, quoted_speaker_target
from pipeline.nlp.events.date_place import date_anchors, dated_rounds, dateline_place, fill_date, fill_location
from pipeline.nlp.events.denials import denied_statement
from pipeline.nlp.events.draft import Draft, EventContext, drop_overlaps
from pipeline.nlp.events.filters import (
    agreed_truce,
    backed_cause,
    balloted_members,
    confirmed_headlines,
    dared_to_act,
    declared_refusal,
    grievance_only,
    halted,
    left_body,
    lone_consultation,
    lone_promise,
    lone_recommendation,
    one_act_per_coordination,
    personal_quarrel,
    procedural_decision,
    protesters_riot,
    signed_by_state,
    speakerless,
    standing_danger,
    theatre_only,
    verbal_attack,
)
from pipeline.nlp.events.intent import new_intents, offer_recipient, quote_intents, sentence_intents
from pipeline.nlp.events.judged_referents import measured_government
from pipeline.nlp.events.meetings import body_meeting
from pipeline.nlp.events.modality import modality
from pipeline.nlp.events.needs import need_drafts
from pipeline.nlp.events.output import to_candidate
from pipeline.nlp.events.own_party import without_own_party
from pipeline.nlp.events.owners import demonstrated_proposals, described_bodies
from pipeline.nlp.events.praise import praise_drafts
from pipeline.nlp.events.pressure import pressure_drafts
from pipeline.nlp.events.refusals import refusal_drafts
from pipeline.nlp.events.responsibility import claimed_act
from pipeline.nlp.events.rulings import (
    appraised_owner,
    case_taken_elsewhere,
    court_findings,
    dismissed_appeals,
    ruled_against,
)
from pipeline.nlp.events.senses import apply_actor_sense
from pipeline.nlp.events.silence import withheld_comment
from pipeline.nlp.events.speech import (
    attributed_quotes,
    labelled_drafts,
    new_speech_events,
    speech_drafts,
    stance_drafts,
)
from pipeline.nlp.events.sport import arts_story, off_stage, off_the_pitch, sport_story
from pipeline.nlp.events.triggers import sentence_drafts
from pipeline.nlp.events.visits import (
    host_of_visited_place,
    reciprocal_drafts,
    struck_country,
    theatre_target,
    visited_places,
)
from pipeline.nlp.lexicons import load_event_triggers
from pipeline.nlp.records import ArticleContext, EventCandidate, Mention, Quote, Stance


def detect_events(
    ctx: ArticleContext,
    mentions: list[Mention],
    quotes: Iterable[Quote] = (),
    stances: Iterable[Stance] = (),
    crowds: Iterable[Mention] = (),
) -> list[EventCandidate]:
    """Event candidates of one article, in text order; `quotes` (the quotes extractor's)
    add the criticism, praise, demands and refusals reported speech makes of named actors;
    `crowds` (`crowds.protest_crowds`) are the protesters a protest noun implies, kept out of
    the mention index."""
    ec = EventContext.build(ctx, load_event_triggers(), mentions)
    crowd_at = {m.char_end: m for m in crowds}  # a crowd ends at its noun (`crowds.protest_crowds`)
    speech_by_sentence: dict[int, list[Draft]] = {}
    quotes = list(quotes)
    said = speech_drafts(ec, quotes) + stance_drafts(ec, stances, quotes) + quote_intents(ec, quotes)
    attributed = list(attributed_quotes(ec, quotes))
    for draft in said + praise_drafts(ec, attributed) + refusal_drafts(ec, attributed):
        if not without_own_party(ec, draft, quotes):
            continue  # "Mr Howard said the Tories would get a grip on crime": his party's line
        speech_by_sentence.setdefault(draft.sentence.sentence_id, []).append(draft)
    drafts: list[Draft] = []
    speech: list[Draft] = []
    for sentence in ctx.sentences:
        span = ctx.sentence_span(sentence)
        if span is None or len(span) == 0:
            continue
        found = sentence_drafts(ec, span, sentence)
        kept: list[Draft] = []
        # the sentence's dates are looked for only when an event there may take one
        anchors = date_anchors(ec, span, found) if found else None
        for draft in found:
            fill_actors(ec, draft)
            cue_speaker(ec, draft, quotes)  # "He called on X to ...": the quote's speaker
            quoted_speaker(ec, draft, quotes)  # "Mr Howard said: 'I reject X's claims'": Howard
            quoted_speaker_target(ec, draft, quotes)  # '"He punched me," said Bao': Bao is punched
            claimed_act(draft, ec.index)  # "ETA claimed responsibility for the bombing": ETA bombed
            ruled_against(draft, ec.index)  # "the court upheld his indictment": against him
            appraised_owner(draft, ec.index, ec.lexicon)  # "praised the efforts of Hu": Hu
            verbal_attack(draft)
            described_bodies(draft, ec.index)  # "accused the party of": the party named before
            demonstrated_proposals(draft, ec.index)  # "X came up with proposals. That was attacked": X
            measured_government(ec, draft)  # "criticised the measures": the government's
            dared_to_act(draft)
            visited_places(ec, draft)
            draft.modality = modality(ec, draft)
            crowd_source(draft, crowd_at)  # "reported a demonstration against X": protesters
            declared_refusal(draft, ec.index)
            left_body(draft, ec.index)
            balloted_members(draft, ec.index)  # "Unison members are being balloted": Unison ballots
            fill_date(draft, anchors)
            fill_location(ec, draft)
            host_of_visited_place(ec, draft)  # "visited Ottawa": Canada hosts
            if draft.location is None and sentence.sentence_id == ec.lead_sentence:
                draft.location = dateline_place(ec)
            drop_overlaps(draft)
            theatre_target(draft)  # the country moved into is both the place and the target
            struck_country(draft)  # "the 2001 attacks in the US": the country struck
            offer_recipient(draft, ec)
            agreed_truce(draft)
            protesters_riot(draft)
            if apply_actor_sense(draft):  # "a trip for four to the resort": a visit nobody makes
                kept += dated_rounds(draft)  # "two rounds of talks in May and June": one per month
        found = [
            d
            for draft in one_act_per_coordination(kept)
            for d in reciprocal_drafts(draft)
            if not lone_consultation(d)
            and not (lone_promise(d) and not signed_by_state(d, ec))
            and not theatre_only(d)
            and not personal_quarrel(d)
        ]
        # "a protest against the deportation of X", "suspended talks with Y": what the act is about
        found = [d for d in found if not grievance_only(d, found) and not halted(d, found)]
        spoken = speech_by_sentence.get(sentence.sentence_id, []) + labelled_drafts(ec, span, sentence)
        spoken += critical_drafts(ec, span, sentence)  # "was critical of Mr Blair's plans"
        spoken += court_findings(ec, span, sentence)  # "the law lords ruled that ... was unlawful"
        spoken += pressure_drafts(ec, span, sentence)  # "raised the pressure on Tony Blair"
        spoken += need_drafts(ec, span, sentence)  # "stressed the need for Iran to comply"
        intents = [d for d in spoken if d.event_type != "ACCUSE"] + sentence_intents(ec, span, sentence)
        if anchors is None and (spoken or intents):
            anchors = date_anchors(ec, span, [])
        for draft in spoken + intents:
            fill_date(draft, anchors)
        found += new_intents(intents, found)
        drafts.extend(found)
        speech.extend(d for d in spoken if d.event_type == "ACCUSE")
    drafts = sorted(drafts + new_speech_events(speech, drafts), key=lambda d: (d.sentence.sentence_id, d.token.i))
    resolve_event_anaphora(drafts)
    drafts = [d for d in drafts if not case_taken_elsewhere(d)]  # "took his case to the press"
    dismissed_appeals(drafts)  # "judges dismissed both appeals": against those who appealed
    drafts = confirmed_headlines(drafts)
    if not drafts:
        pass  # (every word of the article is read for its kind only when there are events to keep)
    elif sport_story(ctx):
        drafts = off_the_pitch(drafts)  # clubs and players are not political actors
    elif arts_story(ctx):
        drafts = off_stage(drafts)  # nor are bands, studios and critics
    return [
        to_candidate(ctx, draft)
        for draft in drafts
        if draft.actors()
        and not speakerless(draft)
        and not lone_recommendation(draft)
        and not backed_cause(draft)
        and not standing_danger(draft)
        and not procedural_decision(draft)
        and not withheld_comment(draft)
        and not public_appeal(draft)
        and not denied_statement(draft)
        and not unaddressed_demand(draft, ec)
        and not body_meeting(draft, ec.index)
    ]
