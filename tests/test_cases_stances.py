"""The stance rules' examples (tests/cases/stances.yaml), one test per sentence."""

from __future__ import annotations

import pytest

from pipeline.nlp.events import detect_events
from pipeline.nlp.mentions import detect_mentions
from pipeline.nlp.quotes import extract_quotes
from pipeline.nlp.records import Mention
from pipeline.nlp.stances import stances_and_groups
from pipeline.nlp.stances.speech_acts import speech_act_stances
from tests.case_harness import Case, case_params, run_case
from tests.conftest import named_by


def _person_mentions(ctx) -> list[Mention]:
    """People NER finds, for texts where mention detection finds none (keeps each rule
    testable on its own)."""
    out = []
    for ent in ctx.doc.ents:
        sentence = ctx.sentence_at(ent.start_char)
        if ent.label_ == "PERSON" and sentence is not None:
            out.append(
                Mention(f"{ctx.article_id}#m{ent.start_char}", ctx.article_id, sentence.sentence_id, ent.text,
                        ent.start_char, ent.end_char, "PERSON", "PERSON", "name", ent.text)
            )
    return out


def _records(case: Case, ctx) -> list[dict]:
    mentions = detect_mentions(ctx)
    if not any(m.entity_type == "PERSON" for m in mentions):
        mentions = mentions + _person_mentions(ctx)
    quotes = extract_quotes(ctx, mentions)
    stances, groups = stances_and_groups(ctx, quotes, mentions)
    # the stances the speech-act events imply, read after the events as `chain_extractors` does
    everyone = sorted(mentions + groups, key=lambda m: m.char_start)
    events = detect_events(ctx, everyone, quotes, stances)
    stances = stances + speech_act_stances(ctx, quotes, everyone, events, stances)
    by_id = {m.mention_id: m for m in everyone}
    return [
        {
            "holder": named_by(s.holder_mention_id, by_id),
            "target": s.target,
            "polarity": s.polarity,
            "in_quote": s.quote_id is not None,
            "target_entity": named_by(s.target_mention_id, by_id),
        }
        for s in stances
    ]


@pytest.mark.parametrize("case", case_params("stances"))
def test_stance_case(case: Case):
    run_case(case, "stances", _records)
