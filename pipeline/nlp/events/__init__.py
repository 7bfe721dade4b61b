"""PLOVER event candidates in one article: who did what to whom, when and where.

A candidate is one trigger in one sentence. Each pass is a module of functions over one
frozen per-article context (`draft.EventContext`) and the drafts of a sentence:

- `triggers`: which words announce an event (`pipeline/knowledge/plover_triggers.yaml`)
  and which verb realises which trigger noun;
- `captivity`, `incursion`, `reception`, `arrival`: verbs that report an event only with
  certain arguments, read as a dictionary verb: "was held by US forces" (detained), "a
  Chinese submarine entered Japanese waters" (deployed), "Lula received Hu Jintao"
  (hosted), "Chinese President Hu Jintao arrived in Brazil" (visited);
- `donations`: giving verbs that report aid only with certain objects: a sum of money or
  doctors handed to someone ("gave 3 million euros to Indonesia", "sent doctors to Aceh"),
  and an actor that "helped" a state;
- `verdicts`: "find" with a verdict word reports a conviction ("was found guilty of murder",
  "the jury found Peterson guilty": SANCTION convict);
- `actors`: sources, targets, participants and mediators, read off the dependency parse,
  with PLOVER's conventions; a sentence-opening "they" and "the two sides" / "both
  countries" take the pair named just before, and a group named by a common noun
  ("critics", "creditors") may act (`extract.chain_extractors` gives it to the events),
  and "the outfit" or "the militant group" is the one body named just before;
- `state_agents`: "Indonesian soldiers" act with Indonesia (troops, police, officials of a
  state act as it);
- `responsibility`: "X claimed responsibility for the bombing" makes X the bomber;
- `rulings`: whom a court ruling ("upheld his indictment", "ruled that the detentions were
  unlawful") or a judgement of someone's thing ("praised the efforts of Hu Jintao") is aimed at;
- `modality`: asserted, negated, hypothetical or future;
- `date_place`: the date expression and the place the event hangs from;
- `senses`: the trigger's arguments decide its sense (`pipeline/knowledge/event_senses.yaml`):
  an earthquake that "struck" reports nothing, workers who strike protest;
- `filters`: false events dropped or retyped, rules about English; coordinated verbs of
  one act ("shot and killed") merged into one event; leaving a body or talks is SANCTION
  withdraw; what a protest is against is its grievance, not an event of its own;
- `intent`: offers, demands and threats made without a trigger verb ("want X to",
  "willing to", "X must", "we will ... unless") and the recipient of a rejected offer;
- `speech`: criticism of a named actor in a quote (the quotes extractor's), in a label
  ("branded Y's plans a shambles") or a stance against one (the stances extractor's) is
  ACCUSE;
- `own_party`: a party named inside its own member's quote ("Tory leader Michael Howard
  said a Tory government would …") is not the target of the speaker's criticism, demand,
  refusal or threat;
- `pressure`: pressure put on a named actor ("raised the pressure on Tony Blair", "put
  pressure on ministers to act") is a REQUEST of that actor by whoever puts it;
- `needs`: a need pressed by a verb of emphasis ("stressed the need for Iran to comply")
  is a REQUEST of the actor named in what is needed;
- `silence`: a refusal to speak ("refused to comment") that names no one refused is no REJECT;
- `crowds`: an asserted demonstration that names no one is done by the protesters it
  implies (a candidate GROUP kept out of the mention index);
- `anaphora`: "the talks" taking the actors of the talks reported earlier;
- `sport`: in a sport story only events with a government or office holder among their
  actors count (clubs and players are not political actors); in an arts story (film,
  music, television) only those with a state or such an actor, or violence and arrests;
- `output`: the `EventCandidate` record and its confidence.

Nothing here knows any article's wording; the word lists are data
(`pipeline/knowledge/events.yaml`), and lemmas come corrected from the shared pipeline
(`pipeline/knowledge/lemma_fixes.yaml`).

The entry point lives in `detect.py` and is imported on first use (PEP 562 `__getattr__`):
corpus-level code (event resolution, the asset checks) imports this package's word lists
(`events.vocabulary`), and a package `__init__` that imported the passes would import spaCy
into every `python -m pipeline.cli run`, a no-change rerun included, for nothing.
"""

from __future__ import annotations

__all__ = ["detect_events"]


def __getattr__(name: str):
    if name == "detect_events":
        from pipeline.nlp.events.detect import detect_events

        return detect_events
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
