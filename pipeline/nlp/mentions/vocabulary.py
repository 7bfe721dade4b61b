"""The mention detector's word lists, loaded once from `pipeline/knowledge/mentions.yaml`.

Each name below is one section of that file (what it is for is written there, with its
source); a bad or missing section fails at import, not in the middle of an article.
"""

from __future__ import annotations

from pipeline.nlp.lexicons import load_word_lists

_LISTS = load_word_lists(
    "mentions",
    lists=(
        "name_suffixes",
        "name_particles",
        "geo_features",
        "group_nouns",
        "group_modifiers",
        "target_heads",
        "motion_verbs",
        "government_nouns",
        "place_nouns",
        "place_qualifiers",
        "kept_titles",
        "subordinate_words",
        "title_modifiers",
        "title_nouns",
        "org_heads",
        "org_nouns",
        "building_heads",
        "epithets",
        "event_heads",
        "speaker_nouns",
    ),
    tables={"honorifics": ("m", "f", None), "ministry_synonyms": ("foreign", "defence")},
)

HONORIFICS = _LISTS["honorifics"]  # word -> the pronoun gender it implies, or None
NAME_SUFFIXES = _LISTS["name_suffixes"]
NAME_PARTICLES = _LISTS["name_particles"]
GEO_FEATURES = _LISTS["geo_features"]
GROUP_NOUNS = _LISTS["group_nouns"]
GROUP_MODIFIERS = _LISTS["group_modifiers"]
TARGET_HEADS = _LISTS["target_heads"]
MOTION_VERBS = _LISTS["motion_verbs"]
GOVERNMENT_NOUNS = _LISTS["government_nouns"]
PLACE_NOUNS = _LISTS["place_nouns"]
PLACE_QUALIFIERS = _LISTS["place_qualifiers"]
KEPT_TITLES = _LISTS["kept_titles"]
SUBORDINATE_WORDS = _LISTS["subordinate_words"]
TITLE_MODIFIERS = _LISTS["title_modifiers"]
TITLE_NOUNS = _LISTS["title_nouns"]
ORG_HEADS = _LISTS["org_heads"]
ORG_NOUNS = _LISTS["org_nouns"]
BUILDING_HEADS = _LISTS["building_heads"]
EPITHETS = _LISTS["epithets"]
EVENT_HEADS = _LISTS["event_heads"]
SPEAKER_NOUNS = _LISTS["speaker_nouns"]
MINISTRY_SYNONYMS = _LISTS["ministry_synonyms"]
