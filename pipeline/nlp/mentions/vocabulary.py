"""The mention detector's word lists, loaded once from `pipeline/knowledge/mentions.yaml`.

Each name below is one list or map of that file (what it is for is written there, with its
source); a bad or missing list fails at import, not in the middle of an article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.nlp.vocabulary import load_vocabulary

if TYPE_CHECKING:
    from spacy.tokens import Token

_VOCABULARY = load_vocabulary("mentions")

# word -> the pronoun gender it implies, or None
HONORIFICS = _VOCABULARY.mapping("honorifics", values=("m", "f", None))
# title word -> the pronoun gender it gives the person it introduces
GENDERED_TITLES = _VOCABULARY.mapping("gendered_titles", values=("m", "f"))
# "the Queen" -> the pronoun gender of the sovereign it names
SOVEREIGN_TITLES = _VOCABULARY.mapping("sovereign_titles", values=("m", "f"))
JUDICIAL_STYLES = _VOCABULARY.words("judicial_styles")
PEERAGE_HONORIFICS = _VOCABULARY.words("peerage_honorifics")
SEE_TITLES = _VOCABULARY.words("see_titles")
NAME_SUFFIXES = _VOCABULARY.words("name_suffixes")
POST_NOMINALS = _VOCABULARY.words("post_nominals")
NAME_PARTICLES = _VOCABULARY.words("name_particles")
GEO_FEATURES = _VOCABULARY.words("geo_features")
NATURAL_FEATURE_HEADS = _VOCABULARY.words("natural_feature_heads")
AREA_NOUNS = _VOCABULARY.words("area_nouns")
WORK_NOUNS = _VOCABULARY.words("work_nouns")
PRODUCT_TITLE_NOUNS = _VOCABULARY.words("product_title_nouns")
KIND_NOUNS = _VOCABULARY.mapping(
    "kind_nouns",
    values=("event", "award", "fac", "site", "law", "product", "virus", "brand", "index", "study", "tool", "cast"),
)
EXAMPLE_HEADS = _VOCABULARY.mapping("example_heads", values=("work", "product"))
NAMING_HEADS = _VOCABULARY.mapping("naming_heads", values=("work", "product"))
COMPUTING_WORDS = _VOCABULARY.words("computing_words")
PRODUCT_NAMES = _VOCABULARY.words("product_names")
GROUP_NOUNS = _VOCABULARY.words("group_nouns")
POPULATION_NOUNS = _VOCABULARY.words("population_nouns")
NATIONALITY_GROUP_NOUNS = _VOCABULARY.words("nationality_group_nouns")
ARMED_FORCE_NOUNS = _VOCABULARY.words("armed_force_nouns")
BYSTANDER_PREPOSITIONS = _VOCABULARY.words("bystander_prepositions")
PEOPLE_NOUNS = _VOCABULARY.words("people_nouns")
PEOPLE_ADJECTIVES = _VOCABULARY.words("people_adjectives")
PEOPLE_BODY_NOUNS = _VOCABULARY.words("people_body_nouns")
NATION_NOUNS = _VOCABULARY.words("nation_nouns")
UNIT_WORDS = _VOCABULARY.words("unit_words")
COMMON_ABBREVIATIONS = _VOCABULARY.words("common_abbreviations")
BELIEF_NAMES = _VOCABULARY.words("belief_names")
WORLD_NAMES = _VOCABULARY.words("world_names")
NAME_PREFIXES = _VOCABULARY.words("name_prefixes")
SERVICE_NOUNS = _VOCABULARY.words("service_nouns")
CORPORATE_SUFFIXES = _VOCABULARY.words("corporate_suffixes")
SITE_DOMAINS = _VOCABULARY.words("site_domains")
MEMBER_NOUNS = _VOCABULARY.words("member_nouns")
MEMBER_TITLES = _VOCABULARY.words("member_titles")
GROUP_MODIFIERS = _VOCABULARY.words("group_modifiers")
FAITH_BRANCH_ADJECTIVES = _VOCABULARY.words("faith_branch_adjectives")
BAND_NOUNS = _VOCABULARY.words("band_nouns")
BAND_MODIFIERS = _VOCABULARY.words("band_modifiers")
CAMP_NOUNS = _VOCABULARY.words("camp_nouns")
BLOC_ADJECTIVES = _VOCABULARY.words("bloc_adjectives")
MOVEMENT_NOUNS = _VOCABULARY.words("movement_nouns")
STORM_TITLES = _VOCABULARY.words("storm_titles")
PLACEHOLDER_NAMES = _VOCABULARY.words("placeholder_names")
# generic nouns for people who can act or hold a position as one group ("critics",
# "farmers"): the stance detector's list (stances.yaml group_holder_nouns), read here so a
# sentence's capitalised first word of the kind is not taken for a name
GROUP_HOLDER_NOUNS = load_vocabulary("stances").words("group_holder_nouns")
TARGET_HEADS = _VOCABULARY.words("target_heads")
OFFICE_NOUNS = _VOCABULARY.words("office_nouns")
MOTION_VERBS = _VOCABULARY.words("motion_verbs")
GOVERNMENT_NOUNS = _VOCABULARY.words("government_nouns")
PARTY_NOUNS = _VOCABULARY.words("party_nouns")
PARTY_BRANCH_MODIFIERS = _VOCABULARY.words("party_branch_modifiers")
LEGISLATURE_MEMBER_HEADS = _VOCABULARY.words("legislature_member_heads")
SEAT_SEEKING_VERBS = _VOCABULARY.words("seat_seeking_verbs")
ENVOY_NOUNS = _VOCABULARY.words("envoy_nouns")
GOVERNING_TITLES = _VOCABULARY.words("governing_titles")
GOVERNMENT_QUALIFIERS = _VOCABULARY.words("government_qualifiers")
MINISTER_QUALIFIERS = _VOCABULARY.words("minister_qualifiers")
CHARGE_VERBS = _VOCABULARY.words("charge_verbs")
PLACE_NOUNS = _VOCABULARY.words("place_nouns")
# office or chamber phrase -> the ISO3 code (lower case) of the one country that has it
NATIONAL_OFFICES = _VOCABULARY.mapping("national_offices")
PLACE_QUALIFIERS = _VOCABULARY.words("place_qualifiers")
REGION_QUALIFIERS = _VOCABULARY.words("region_qualifiers")
PLACE_NAME_OPENERS = _VOCABULARY.words("place_name_openers")
SETTLEMENT_NOUNS = _VOCABULARY.words("settlement_nouns")
CONSTITUENCY_NOUNS = _VOCABULARY.words("constituency_nouns")
SEAT_NOUNS = _VOCABULARY.words("seat_nouns")
GOVERNMENT_NAMES = _VOCABULARY.words("government_names")
GOVERNMENT_LEADER_ROLES = _VOCABULARY.words("government_leader_roles")
SPOKES_NOUNS = _VOCABULARY.words("spokes_nouns")
PARTY_POSTS = _VOCABULARY.words("party_posts")
BODY_POSTS = _VOCABULARY.words("body_posts")
STAFF_NOUNS = _VOCABULARY.words("staff_nouns")
PERSON_NOUNS = _VOCABULARY.words("person_nouns")
PLAYER_POSTS = _VOCABULARY.words("player_posts")
FIXTURE_WORDS = _VOCABULARY.words("fixture_words")
SIDE_POSTS = _VOCABULARY.words("side_posts")
MATCH_VERBS = _VOCABULARY.words("match_verbs")
MATCH_NOUNS = _VOCABULARY.words("match_nouns")
REMIT_POSTS = _VOCABULARY.words("remit_posts")
UK_PLACES = _VOCABULARY.words("uk_places") | _VOCABULARY.words("county_abbreviations")
COMPASS_WORDS = _VOCABULARY.words("compass_words")
REGION_ADJECTIVES = _VOCABULARY.words("region_adjectives")
KEPT_TITLES = _VOCABULARY.words("kept_titles")
SUBORDINATE_WORDS = _VOCABULARY.words("subordinate_words")
TITLE_MODIFIERS = _VOCABULARY.words("title_modifiers")
TITLE_NOUNS = _VOCABULARY.words("title_nouns")
GIVEN_NAME_GENDERS = _VOCABULARY.mapping("given_name_genders", values=("m", "f"))
# a name whose sex the genders list knows is a given name too ("Theresa May", "Tessa Jowell"):
# the corpus-derived list misses women's names, rarer in the copy it was counted from
GIVEN_NAMES = _VOCABULARY.words("given_names") | frozenset(GIVEN_NAME_GENDERS)
# with the names of many countries ("Milan Deori", "Armando Guebuza"): evidence of a person's
# shape only, where NER typed the name and other structure may still say body or place
WORLD_GIVEN_NAMES = GIVEN_NAMES | _VOCABULARY.words("world_given_names")
ORG_HEADS = _VOCABULARY.words("org_heads")
FIRM_WORDS = _VOCABULARY.words("firm_words")
REMIT_PREPOSITIONS = _VOCABULARY.words("remit_prepositions")
NAME_JOINING_WORDS = _VOCABULARY.words("name_joining_words")
COMMITTEE_HEADS = _VOCABULARY.words("committee_heads")
STATE_BODY_HEADS = _VOCABULARY.words("state_body_heads")
BROADCASTER_WORDS = _VOCABULARY.words("broadcaster_words")
ORG_NOUNS = _VOCABULARY.words("org_nouns")
GROUP_OR_BODY_NOUNS = _VOCABULARY.words("group_or_body_nouns")
TRADE_NOUNS = _VOCABULARY.words("trade_nouns")
BUILDING_HEADS = _VOCABULARY.words("building_heads")
FACILITY_HEADS = _VOCABULARY.words("facility_heads")
MISSION_HEADS = _VOCABULARY.words("mission_heads")
FACILITY_COMPOUNDS = _VOCABULARY.pairs("facility_compounds")
PREMISES_WORDS = _VOCABULARY.words("premises_words")
BASE_OPENERS = _VOCABULARY.words("base_openers")
VESSEL_PREFIXES = _VOCABULARY.words("vessel_prefixes")
INSTITUTION_HEADS = _VOCABULARY.words("institution_heads")
SAINT_WORDS = _VOCABULARY.words("saint_words")
BODY_HEADS = _VOCABULARY.words("body_heads")
OUTLET_HEADS = _VOCABULARY.words("outlet_heads")
EPITHETS = _VOCABULARY.words("epithets")
EVENT_HEADS = _VOCABULARY.words("event_heads")
EVENT_OPENERS = _VOCABULARY.words("event_openers")
CODENAME_WORDS = _VOCABULARY.words("codename_words")
HOLIDAYS = _VOCABULARY.words("holidays")
SERIES_NOUNS = _VOCABULARY.words("series_nouns")
NUMBERED_EVENT_HEADS = _VOCABULARY.words("numbered_event_heads")
LAW_HEADS = _VOCABULARY.words("law_heads")
DOCUMENT_HEADS = _VOCABULARY.words("document_heads")
SPEAKER_NOUNS = _VOCABULARY.words("speaker_nouns")
COMPANY_POSSESSIONS = _VOCABULARY.words("company_possessions")
EQUITY_NOUNS = _VOCABULARY.words("equity_nouns")
# the reporting verbs of quotes.yaml ("said", "added"): "Diageo said it expects …"
REPORTING_VERBS = load_vocabulary("quotes").words("indirect_verbs")
MINISTRY_SYNONYMS = _VOCABULARY.mapping("ministry_synonyms", values=("foreign", "defence"))
# a stem of a people's name -> the stem of its other spelling ("shia" -> "shiite")
PEOPLE_SPELLINGS = _VOCABULARY.mapping("people_spellings")

# Unions read on hot paths, built once.
BODY_WORDS = BODY_HEADS | INSTITUTION_HEADS
PLACE_ADJECTIVES_OR_PLACES = REGION_ADJECTIVES | UK_PLACES
PLACE_SEAT_NOUNS = SETTLEMENT_NOUNS | SEAT_NOUNS


def is_body_word(lower: str) -> bool:
    """A last word only a body's name ends in: "… Institute", "… Union", "… Incorporated"."""
    return lower in BODY_WORDS or lower.rstrip(".") in CORPORATE_SUFFIXES


def qualifies_a_region(token: Token) -> bool:
    """A capitalised word before a country's demonym that makes it a region's or continent's
    adjective (region_qualifiers: "South American", "Northern Irish"), no word of the country."""
    return token.is_title and token.lower_ in REGION_QUALIFIERS
