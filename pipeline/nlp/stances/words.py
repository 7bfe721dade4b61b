"""The stance rules' word classes, from `pipeline/knowledge/stances.yaml` (what each list is
for is written there). Stance cues and judging words with their scores come from
`stance_lexicon.yaml` through `pipeline.nlp.lexicons`."""

from __future__ import annotations

from pipeline.nlp.vocabulary import load_vocabulary

_VOCABULARY = load_vocabulary("stances")

VOLITION_VERBS = _VOCABULARY.words("volition_verbs")
PLAN_VERBS = _VOCABULARY.words("plan_verbs")
WANTING_VERBS = _VOCABULARY.words("wanting_verbs")
QUANTIFIER_DETERMINERS = _VOCABULARY.words("quantifier_determiners")
EXISTENTIAL_DEONTIC_VERBS = _VOCABULARY.words("existential_deontic_verbs")
OFFICE_WORDS = _VOCABULARY.words("office_words")
ADDRESSEE_VERBS = _VOCABULARY.words("addressee_verbs")
NAMING_VERBS = _VOCABULARY.words("naming_verbs")
VIABILITY_VERBS = _VOCABULARY.words("viability_verbs")
INSUFFICIENCY_ADJECTIVES = _VOCABULARY.words("insufficiency_adjectives")
CLAUSE_STANCE_VERBS = _VOCABULARY.words("clause_stance_verbs")
MANDATIVE_VERBS = _VOCABULARY.words("mandative_verbs")
BELIEF_VERBS = _VOCABULARY.words("belief_verbs")
DENIAL_VERBS = _VOCABULARY.words("denial_verbs")
ATTITUDE_NOUNS = _VOCABULARY.words("attitude_nouns")
ATTEMPT_NOUNS = _VOCABULARY.words("attempt_nouns")
ANNOUNCEMENT_NOUNS = _VOCABULARY.words("announcement_nouns")
LIGHT_NOUNS = _VOCABULARY.words("light_nouns")
LIGHT_VERBS = _VOCABULARY.words("light_verbs")
DROP_ADJECTIVES = _VOCABULARY.words("drop_adjectives")
EMPTY_VERBS = _VOCABULARY.words("empty_verbs")
PLEDGE_MODALS = _VOCABULARY.words("pledge_modals")
PLEDGE_EXCLUDED_VERBS = _VOCABULARY.words("pledge_excluded_verbs")
PLACEMENT_VERBS = _VOCABULARY.words("placement_verbs")
INSTRUMENT_VERBS = _VOCABULARY.words("instrument_verbs")
MESSAGE_NOUNS = _VOCABULARY.words("message_nouns")
ABSENCE_NOUNS = _VOCABULARY.words("absence_nouns")
ACCORD_VERBS = _VOCABULARY.words("accord_verbs")
GROUNDS_PREPOSITIONS = _VOCABULARY.words("grounds_prepositions")
CAUSE_LINKS = _VOCABULARY.mapping("cause_links")
PROPOSAL_VERBS = _VOCABULARY.words("proposal_verbs")
TRANSPARENT_VERBS = _VOCABULARY.words("transparent_verbs")
NEGATIVE_VOLITION = _VOCABULARY.words("negative_volition")
WILLING_ADJECTIVES = _VOCABULARY.words("willing_adjectives")
UNWILLING_ADJECTIVES = _VOCABULARY.words("unwilling_adjectives")
HOLDER_PASSIVES = _VOCABULARY.words("holder_passives")
HEARSAY_PASSIVES = _VOCABULARY.words("hearsay_passives")
KEEP_PREPOSITIONS = _VOCABULARY.words("keep_prepositions")
GOAL_NOUNS = _VOCABULARY.words("goal_nouns")
CONTENT_NOUNS = _VOCABULARY.words("content_nouns")
POLICY_NOUNS = _VOCABULARY.words("policy_nouns")
COMPLETION_PREPOSITIONS = _VOCABULARY.words("completion_prepositions")
BODY_PREPOSITIONS = _VOCABULARY.words("body_prepositions")
IRREGULAR_PARTICIPLES = _VOCABULARY.mapping("irregular_participles")
LACK_NOUNS = _VOCABULARY.words("lack_nouns")
REMEDY_NOUNS = _VOCABULARY.words("remedy_nouns")
EVALUATIVE_IDIOMS = {phrase: float(weight) for phrase, weight in _VOCABULARY.mapping("evaluative_idioms").items()}
HOLDER_PREPOSITIONS = _VOCABULARY.words("holder_prepositions")
NOMINAL_TARGET_PREPOSITIONS = _VOCABULARY.words("nominal_target_prepositions")
RECEIVE_VERBS = _VOCABULARY.words("receive_verbs")
STANCE_NOMINALS = _VOCABULARY.mapping("stance_nominals")
AGENT_NOMINALS = _VOCABULARY.words("agent_nominals")
IDIOM_IN_OBJECTS = _VOCABULARY.words("idiom_in_objects")
BODY_NOUNS = _VOCABULARY.words("body_nouns")
MEMBER_NOUNS = _VOCABULARY.words("member_nouns")
GROUP_HOLDER_NOUNS = _VOCABULARY.words("group_holder_nouns")
SURVEY_NOUNS = _VOCABULARY.words("survey_nouns")
PROTEST_NOUNS = _VOCABULARY.words("protest_nouns")
PROTEST_PREPOSITIONS = _VOCABULARY.words("protest_prepositions")
PROTEST_VERBS = _VOCABULARY.words("protest_verbs")
VERBAL_ATTACK_VERBS = _VOCABULARY.words("verbal_attack_verbs")
PARTITIVE_WORDS = _VOCABULARY.words("partitive_words")
MODIFIED_GROUP_NOUNS = _VOCABULARY.words("modified_group_nouns")
SPOKESPERSON_NOUNS = _VOCABULARY.words("spokesperson_nouns")
COMPLEMENT_GENERICS = _VOCABULARY.words("complement_generics")
CONSEQUENCE_VERBS = {word: int(sign) for word, sign in _VOCABULARY.mapping("consequence_verbs").items()}
CAUSAL_VERBS = {
    word: (None if prep == "-" else prep) for word, prep in _VOCABULARY.mapping("causal_verbs").items()
}
EFFECT_NOUNS = {word: int(sign) for word, sign in _VOCABULARY.mapping("effect_nouns").items()}
INTRANSITIVE_FATES = {word: int(sign) for word, sign in _VOCABULARY.mapping("intransitive_fates").items()}
ATTITUDE_ADJECTIVES = {word: int(sign) for word, sign in _VOCABULARY.mapping("attitude_adjectives").items()}
GENERIC_JUDGEMENTS = _VOCABULARY.words("generic_judgements")
ISSUE_NOUNS = _VOCABULARY.words("issue_nouns")
NON_ISSUE_NOUNS = _VOCABULARY.words("non_issue_nouns")
PRODUCT_NOUNS = _VOCABULARY.words("product_nouns")
DEVERBAL_SUFFIXES = {
    suffix: tuple("" if e == "-" else e for e in (endings or "-").split())
    for suffix, endings in sorted(
        _VOCABULARY.mapping("deverbal_suffixes").items(), key=lambda kv: -len(kv[0])
    )
}
OWNED_STANCE_NOUNS = _VOCABULARY.words("owned_stance_nouns")
