"""The event detector's word lists, loaded once from `pipeline/knowledge/events.yaml`.

Each name below is one list or map of that file (what it is for is written there, with its
source); a bad or missing list fails at import, not in the middle of an article. The
trigger dictionary itself is `plover_triggers.yaml` (`load_event_triggers`).
"""

from __future__ import annotations

from pipeline.nlp.lexicons import EVENT_MODALITIES
from pipeline.nlp.vocabulary import load_vocabulary

_VOCABULARY = load_vocabulary("events")

MEDIATING_VERBS = _VOCABULARY.words("mediating_verbs")
MOTION_VERBS = _VOCABULARY.words("motion_verbs")
CAUSATIVE_VERBS = _VOCABULARY.words("causative_verbs")
OBJECT_CONTROL = _VOCABULARY.words("object_control")
IMPLICATIVE_VERBS = _VOCABULARY.words("implicative_verbs")
CONATIVE_VERBS = _VOCABULARY.words("conative_verbs")
CONVERSATION_VERBS = _VOCABULARY.words("conversation_verbs")
PHONE_NOUNS = _VOCABULARY.words("phone_nouns")
WARNING_VERBS = _VOCABULARY.words("warning_verbs")
# word -> the modality it gives its complement
IRREALIS_WORDS = _VOCABULARY.mapping("irrealis_words", values=EVENT_MODALITIES)
QUANTIFIER_NOUNS = _VOCABULARY.words("quantifier_nouns")
GROUP_HEADS = _VOCABULARY.words("group_heads")
STATE_AGENT_HEADS = _VOCABULARY.words("state_agent_heads")
SPOKESPERSON_NOUNS = _VOCABULARY.words("spokesperson_nouns")
APPRAISING_VERBS = _VOCABULARY.words("appraising_verbs")
# lower-cased city name -> the ISO3 code of its state, upper-cased as mentions carry it
CITY_COUNTRIES = {city: iso3.upper() for city, iso3 in _VOCABULARY.mapping("city_countries").items() if iso3}
DISCOURSE_NOUNS = _VOCABULARY.words("discourse_nouns")
FIGURATIVE_OBJECTS = _VOCABULARY.words("figurative_objects")
STRIKE_WORDS = _VOCABULARY.words("strike_words")
BALLOT_VERBS = _VOCABULARY.words("ballot_verbs")
DARING_VERBS = _VOCABULARY.words("daring_verbs")
QUARREL_WORDS = _VOCABULARY.words("quarrel_words")
PROTESTER_NOUNS = _VOCABULARY.words("protester_nouns")
PERFORMATIVE_FRAMES = _VOCABULARY.words("performative_frames")
RECIPROCAL_VERBS = _VOCABULARY.words("reciprocal_verbs")
LABELLING_VERBS = _VOCABULARY.words("labelling_verbs")
SPORT_STORY_WORDS = _VOCABULARY.words("sport_story_words")
PLEA_WORDS = _VOCABULARY.words("plea_words")
POLITICAL_ROLES = _VOCABULARY.words("political_roles")
MEDIA_MODIFIERS = _VOCABULARY.words("media_modifiers")
CRITICISM_WORDS = _VOCABULARY.words("criticism_words")
BLAMED_PEOPLE_NOUNS = _VOCABULARY.words("blamed_people_nouns")
APPROVAL_WORDS = _VOCABULARY.words("approval_words")
DEED_VERBS = _VOCABULARY.words("deed_verbs")
YIELDING_VERBS = _VOCABULARY.words("yielding_verbs")
EXCESS_WORDS = _VOCABULARY.words("excess_words")
SOUNDNESS_VERBS = _VOCABULARY.pairs("soundness_verbs")
INACTION_VERBS = _VOCABULARY.words("inaction_verbs")
LAWBREAKING_VERBS = _VOCABULARY.words("lawbreaking_verbs")
NORM_NOUNS = _VOCABULARY.words("norm_nouns")
STATE_VERBS = _VOCABULARY.words("state_verbs")
CUSTODY_VERBS = _VOCABULARY.words("custody_verbs")
CAPTIVITY_VERBS = _VOCABULARY.words("captivity_verbs")
MEMBERSHIP_NOUNS = _VOCABULARY.words("membership_nouns")
INCURSION_VERBS = _VOCABULARY.words("incursion_verbs")
FORCE_NOUNS = _VOCABULARY.words("force_nouns")
RECEPTION_VERBS = _VOCABULARY.words("reception_verbs")
ARRIVAL_VERBS = _VOCABULARY.words("arrival_verbs")
# what someone is held as ("hostage") -> the dictionary verb of that captivity ("kidnap")
CAPTIVITY_COMPLEMENTS = _VOCABULARY.mapping("captivity_complements")
PROPOSAL_NOUNS = _VOCABULARY.words("proposal_nouns")
MANNER_NOUNS = _VOCABULARY.words("manner_nouns")
CLAIM_NOUNS = _VOCABULARY.words("claim_nouns")
SHORTCOMING_PHRASES = _VOCABULARY.pairs("shortcoming_phrases")
# phrase -> its words, lower-case
CRITICISM_PHRASES = tuple(tuple(p.split()) for p in sorted(_VOCABULARY.words("criticism_phrases")))
DISTRUST_VERBS = _VOCABULARY.words("distrust_verbs")
ADDRESSING_VERBS = _VOCABULARY.words("addressing_verbs")
BACKING_VERBS = _VOCABULARY.words("backing_verbs")
REQUEST_VERBS = _VOCABULARY.words("request_verbs")
SEEKING_VERBS = _VOCABULARY.words("seeking_verbs")
DEADLINE_VERBS = _VOCABULARY.words("deadline_verbs")
WILLINGNESS_WORDS = _VOCABULARY.words("willingness_words")
GOVERNMENT_NOUNS = _VOCABULARY.words("government_nouns")
OFFICE_ROLES = _VOCABULARY.words("office_roles")
EXPECTATION_VERBS = _VOCABULARY.words("expectation_verbs")
GOVERNMENT_BODY_WORDS = _VOCABULARY.words("government_body_words")
DESIRE_VERBS = _VOCABULARY.words("desire_verbs")
RECEIVING_VERBS = _VOCABULARY.words("receiving_verbs")
RECEIVING_FRAMES = _VOCABULARY.pairs("receiving_frames")
# noun -> the trigger noun whose event it names as what one comes under ("under fire": criticism)
RECEIVED_IDIOMS = _VOCABULARY.mapping("received_idioms")
# Reporting verbs whose clausal complement is reported speech: the quotes extractor's list.
REPORTING_VERBS = load_vocabulary("quotes").words("indirect_verbs")
# plural noun -> the entity type of the pair it refers back to ("any" for every actor type)
PAIR_NOUNS = _VOCABULARY.mapping("pair_nouns", values=("any", "country", "person", "organization"))
# "TYPE/mode[/trigger lemma]" -> family: reports that may be one event (cross-article resolution)
TYPE_FAMILIES = _VOCABULARY.mapping("type_families")
