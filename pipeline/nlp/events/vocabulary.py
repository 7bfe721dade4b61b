"""The event detector's word lists, loaded once from `pipeline/knowledge/events.yaml`.

Each name below is one section of that file (what it is for is written there, with its
source); a bad or missing section fails at import, not in the middle of an article. The
trigger dictionary itself is `plover_triggers.yaml` (`load_event_triggers`).
"""

from __future__ import annotations

from pipeline.nlp.lexicons import EVENT_MODALITIES, load_word_lists

_LISTS = load_word_lists(
    "events",
    lists=(
        "mediating_verbs",
        "object_control",
        "implicative_verbs",
        "warning_verbs",
        "quantifier_nouns",
        "group_heads",
        "discourse_nouns",
        "figurative_objects",
        "strike_words",
        "media_modifiers",
        "criticism_words",
        "request_verbs",
        "willingness_words",
    ),
    tables={"irrealis_words": EVENT_MODALITIES},
)

MEDIATING_VERBS = _LISTS["mediating_verbs"]
OBJECT_CONTROL = _LISTS["object_control"]
IMPLICATIVE_VERBS = _LISTS["implicative_verbs"]
WARNING_VERBS = _LISTS["warning_verbs"]
IRREALIS_WORDS = _LISTS["irrealis_words"]  # word -> the modality it gives its complement
QUANTIFIER_NOUNS = _LISTS["quantifier_nouns"]
GROUP_HEADS = _LISTS["group_heads"]
DISCOURSE_NOUNS = _LISTS["discourse_nouns"]
FIGURATIVE_OBJECTS = _LISTS["figurative_objects"]
STRIKE_WORDS = _LISTS["strike_words"]
MEDIA_MODIFIERS = _LISTS["media_modifiers"]
CRITICISM_WORDS = _LISTS["criticism_words"]
REQUEST_VERBS = _LISTS["request_verbs"]
WILLINGNESS_WORDS = _LISTS["willingness_words"]
