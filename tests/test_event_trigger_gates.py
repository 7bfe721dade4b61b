"""The trigger walks' gates (`events.trigger_gates`): a token left out of a walk's list is
skipped by that walk, so the list must hold every token where the walk's own first tests
would go on to read it."""

from __future__ import annotations

from pipeline.nlp.events.draft import RECEIVING_LEMMAS, given_with
from pipeline.nlp.events.trigger_gates import READ_AS_VERBS, REALISING_ONLY, gated, is_verbal, may_trigger
from pipeline.nlp.events.triggers import _is_light_at
from pipeline.nlp.lexicons import load_event_triggers
from pipeline.nlp.token_view import view_of
from tests.case_harness import contexts


def test_the_gates_keep_every_token_a_walk_reads():
    lexicon = load_event_triggers()
    left_out = kept = 0
    for ctx in contexts("events").values():
        view = view_of(ctx.doc)
        gates = gated(lexicon, view)
        triggers, receivers, realisers = set(gates.triggers), set(gates.receivers), set(gates.realisers)
        pos, tag, lemma, lower, text = view.pos, view.tag, view.lemma, view.lower, view.text
        for i in range(len(view)):
            verbal, word = is_verbal(pos[i], tag[i]), lemma[i].lower()
            verb_like = pos[i] in ("VERB", "AUX") or tag[i].startswith("VB")
            if (verbal or pos[i] in ("NOUN", "PROPN")) and (
                (pos[i] == "VERB" and word in READ_AS_VERBS)
                or may_trigger(lexicon, verbal, pos[i], word, lower[i], i >= 2 and text[i - 1] == "-")
            ):
                assert i in triggers, f"trigger walk: {text[i]!r} in {ctx.article_id}"
            if verb_like and (word in RECEIVING_LEMMAS or given_with(ctx.doc[i])):
                assert i in receivers, f"receiving walk: {text[i]!r} in {ctx.article_id}"
            if verb_like and (word in REALISING_ONLY or _is_light_at(view, i, lexicon)):
                assert i in realisers, f"realising walk: {text[i]!r} in {ctx.article_id}"
            kept += (i in triggers) + (i in receivers) + (i in realisers)
            left_out += 3 - (i in triggers) - (i in receivers) - (i in realisers)
    assert left_out > 10 * kept  # most tokens are read by no walk
