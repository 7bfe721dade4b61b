"""The shipped trigger dictionary and stance lexicon load, validate and answer lookups."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pipeline.nlp.lexicons import (
    PLOVER_QUAD_BY_TYPE,
    load_event_triggers,
    load_stance_lexicon,
)


@pytest.fixture(scope="module")
def triggers():
    return load_event_triggers()


@pytest.fixture(scope="module")
def stance():
    return load_stance_lexicon()


def write_yaml(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lexicon.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


TINY_TRIGGERS = """\
    light_verbs: [hold]
    modality_cues: {{negated: ["no"]}}
    event_types:
      CONSULT:
        quad: verbal_coop
        cameo_root: "04"
        modes: [visit]
        verbs: [meet]
      {second_type}:
        quad: {second_quad}
        cameo_root: {second_root}
        modes: []
        verbs: [{second_verb}]
"""


def tiny_triggers(tmp_path: Path, second_type="REJECT", second_verb="refuse", second_root='"12"') -> Path:
    text = TINY_TRIGGERS.format(
        second_type=second_type,
        second_quad=PLOVER_QUAD_BY_TYPE.get(second_type, "verbal_conflict"),
        second_root=second_root,
        second_verb=second_verb,
    )
    return write_yaml(tmp_path, text)


def test_every_plover_type_has_verb_or_noun_triggers(triggers):
    covered = {t.event_type for t in [*triggers.verb_triggers.values(), *triggers.noun_triggers.values()]}
    assert covered == set(PLOVER_QUAD_BY_TYPE)


def test_triggers_carry_their_type_quad(triggers):
    for trigger in [*triggers.verb_triggers.values(), *triggers.noun_triggers.values()]:
        assert trigger.quad == PLOVER_QUAD_BY_TYPE[trigger.event_type]


@pytest.mark.parametrize(
    ("lookup", "word", "event_type"),
    [
        ("verb", "meet", "CONSULT"),
        ("noun", "talks", "CONSULT"),
        ("verb", "host", "CONSULT"),
        ("verb", "accuse", "ACCUSE"),
        ("verb", "reject", "REJECT"),
        ("noun", "blockade", "COERCE"),
    ],
)
def test_core_triggers(triggers, lookup, word, event_type):
    assert getattr(triggers, lookup)(word).event_type == event_type


def test_particle_selects_the_phrasal_trigger(triggers):
    assert triggers.verb("call", "for").event_type == "REQUEST"
    assert triggers.verb("call") is None
    assert triggers.verb("meet", "in").event_type == "CONSULT"  # unknown particle falls back


def test_host_is_the_recipient_of_a_visit(triggers):
    host = triggers.verb("host")
    assert (host.mode, host.subject_role) == ("visit", "recipient")


def test_pledge_is_verbal_cooperation(triggers):
    assert triggers.verb("pledge").quad == "verbal_coop"


@pytest.mark.parametrize("word", ["truce", "ceasefire", "Cease-fire"])
def test_ceasefire_words_are_retreat_ceasefire(triggers, word):
    trigger = triggers.noun(word)
    assert (trigger.event_type, trigger.mode) == ("RETREAT", "ceasefire")


def test_war_is_material_conflict(triggers):
    assert triggers.noun("war").event_type == "ASSAULT"


def test_modifier_selects_the_compound_noun(triggers):
    assert triggers.noun("strike", "hunger").event_type == "PROTEST"
    assert triggers.noun("strike", "drone").mode == "drone"


def test_treaty_needs_a_verb_to_be_an_event(triggers):
    assert triggers.noun("treaty").requires_verb
    assert triggers.is_light_verb("reach")


@pytest.mark.parametrize(
    ("word", "modality"),
    [("could", "hypothetical"), ("not", "negated"), ("n’t", "negated"), ("will", "future"), ("said", None)],
)
def test_modality_cues(triggers, word, modality):
    assert triggers.modality(word) == modality


def test_historical_cues(triggers):
    assert triggers.is_historical_cue("ago")
    assert not triggers.is_historical_cue("yesterday")


def test_stance_cues(stance):
    assert stance.cue("oppose")[0] == "oppose"
    assert stance.cue("call for")[0] == "support"
    assert stance.cue("Criticize") == stance.cue("criticise")
    assert stance.cue("say") is None


def test_stance_modifiers(stance):
    assert stance.evaluative("illegal") < 0 < stance.evaluative("constructive")
    assert stance.is_negator("not") and stance.is_negator("no")
    assert stance.intensity("strongly") > 1 > stance.intensity("slightly")
    assert stance.intensity("table") == 1.0
    assert stance.is_generic_target("issue") and not stance.is_generic_target("ceasefire")


def test_tiny_file_loads(tmp_path):
    loaded = load_event_triggers(tiny_triggers(tmp_path))
    assert loaded.verb("refuse").event_type == "REJECT"
    assert loaded.modality("no") == "negated"


def test_duplicate_trigger_is_rejected_by_name(tmp_path):
    path = tiny_triggers(tmp_path, second_verb="meet")
    with pytest.raises(ValueError, match="'meet'.*CONSULT and REJECT"):
        load_event_triggers(path)


def test_unknown_event_type_is_rejected(tmp_path):
    with pytest.raises(ValueError, match="FLATTER"):
        load_event_triggers(tiny_triggers(tmp_path, second_type="FLATTER"))


@pytest.mark.parametrize("root", ['"21"', "12", '"1"'])
def test_bad_cameo_root_is_rejected(tmp_path, root):
    with pytest.raises(ValueError, match="cameo_root"):
        load_event_triggers(tiny_triggers(tmp_path, second_root=root))


def test_cue_on_both_sides_is_rejected(tmp_path):
    path = write_yaml(
        tmp_path,
        """\
        support_cues: {back: 0.8}
        oppose_cues: {back: 0.5}
        evaluative_positive: {}
        evaluative_negative: {}
        negators: [not]
        intensifiers: {}
        target_stoplist: []
        """,
    )
    with pytest.raises(ValueError, match="'back'"):
        load_stance_lexicon(path)


def test_duplicate_yaml_key_is_rejected(tmp_path):
    path = write_yaml(
        tmp_path,
        """\
        support_cues: {back: 0.8, back: 0.5}
        oppose_cues: {}
        evaluative_positive: {}
        evaluative_negative: {}
        negators: []
        intensifiers: {}
        target_stoplist: []
        """,
    )
    with pytest.raises(ValueError, match="duplicate key 'back'"):
        load_stance_lexicon(path)
