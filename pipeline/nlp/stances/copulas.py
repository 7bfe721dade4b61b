"""Evaluative reported speech: a speaker's copular clause that judges something ("the plans
were a gimmick", "it is absolutely disgusting that …", "cutting the tax is the right thing to
do") is the speaker's stance on what it judges.

The judged thing of a copula is its subject; when the subject names nothing of its own:
- an expletive "it" with an infinitive or a that-clause ("it is right to cut taxes", "it was
  disgraceful that the Tories cut the budget"): the action or the clause, an infinitive
  with the doer its "for" names ("it was unacceptable for the lord chancellor to have the
  role of Speaker": "lord chancellor role of Speaker");
- a demonstrative or "it" ("this is a worrying step"): what the previous sentence is about,
  its main clause's subject or object (`topic.antecedent_noun`).
The quote's speaker holds the stance (`judgements.evaluative_signals` reads the judging word).

Saying what something does for good or ill is judging it too (`consequence_signals`): "the
plans would damage the economy" opposes the plans, "higher literacy will benefit England"
supports it; the verbs and their signs are `consequence_verbs` in knowledge/stances.yaml.

Naming something one's goal supports it (`goal_signals`): "the ultimate goal is a single
market", "cutting crime is our priority", "the aim was to cut taxes" (not to do it: "our aim
is not to rewrite the storyline" opposes the rewriting); so does naming an act one's solution,
"the real solution is to cut the wages of low skilled workers", "a far better solution would
be for elected councillors to draw up a policing guarantee" (`solution_nouns`).
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.stances.context import StanceArticle
from pipeline.nlp.stances.polarity import has_negation, hypothetical
from pipeline.nlp.stances.signals import CONSEQUENCE_SCORE, Signal, target_signals
from pipeline.nlp.stances.targets import Target, action_targets, noun_targets, with_subject
from pipeline.nlp.stances.topic import antecedent_noun
from pipeline.nlp.stances.words import (
    AGAINST_BOUND_VERBS,
    BODY_NOUNS,
    CONSEQUENCE_VERBS,
    GOAL_NOUNS,
    NORM_BOUND_VERBS,
    NORM_CONFLICT_WORDS,
    NORM_NOUNS,
    SOLUTION_NOUNS,
    SOLUTION_RANK_ADJECTIVES,
    UNDERGONE_EFFECT_VERBS,
    VIABILITY_VERBS,
)
from pipeline.nlp.syntax import (
    DEONTIC_MODALS,
    FIRST_PERSON,
    PERSONAL_PRONOUNS,
    agent_of,
    direct_object,
    has_that_marker,
    has_to_marker,
    is_to_infinitive,
    passive_subject,
)

PLACEHOLDER_SUBJECTS = frozenset({"it", "this", "that"})


def copula_targets(art: StanceArticle, word: Token, subject: Token) -> list[Target] | None:
    """Targets of a judgement whose subject is a placeholder ("it", "this"), or None when
    the subject names its own target."""
    if subject.dep_ == "csubj" and subject.pos_ in ("VERB", "AUX"):
        return action_targets(art, subject)  # "cutting the tax is the right thing to do"
    if subject.lower_ not in PLACEHOLDER_SUBJECTS:
        # "Labour was right to reject the idea of quotas": an actor judged for a doing, the doing judged
        doing = next((c for c in word.children if c.dep_ == "xcomp" and is_to_infinitive(c)), None)
        actor = subject.pos_ in ("PROPN", "PRON") or art.index.at(subject) or subject.lemma_.lower() in BODY_NOUNS
        if doing is not None and word.pos_ == "ADJ" and actor:
            return action_targets(art, doing)
        return None
    copula = word.head if word.dep_ in ("acomp", "attr", "oprd") else word.head.head
    for host in (word, copula):
        for child in host.children:
            if child.dep_ in ("xcomp", "advcl") and has_to_marker(child):
                return _for_subject_targets(art, child)  # "it is right to cut taxes"
            if child.dep_ == "ccomp" and has_that_marker(child) or host.i == word.i and _content_relative(child):
                # "it is good that Labour has rejected the idea": through the clause's own stance
                composed = action_targets(art, child, label_actions=False)
                if composed:
                    return composed
                label = art.labeller.clause_label(child)
                return [Target(label, child)] if label else []  # "it was disgraceful that …"
    if word.dep_ == "amod" and any(c.dep_ == "relcl" or c.dep_ == "acl" for c in word.head.children):
        return []  # "it is the right thing to do": handled above when parsed as xcomp
    if act_by_someone(word):
        return []  # "this is an incredible gaffe by Jack McConnell": an act of his, not what was last named
    noun = antecedent_noun(art, subject)
    return noun_targets(art, noun) if noun is not None else []


def _for_subject_targets(art: StanceArticle, act: Token) -> list[Target]:
    """The targets of an infinitive an expletive "it" judges, with the doer its "for" names
    ("it was unacceptable for the lord chancellor to have the role of Speaker": "lord
    chancellor having role of Speaker"): what is judged is that one does it, not the act
    by anyone (`targets.with_subject`; a pronoun adds nothing)."""
    found = action_targets(art, act)
    if not any(c.dep_ == "mark" and c.lower_ == "for" for c in act.children):
        return found
    doer = next((c for c in act.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return with_subject(art, doer, act, found) if doer is not None and found else found


def _content_relative(clause: Token) -> bool:
    """ "it was a scandal that pensioners paid more tax": the parser may make the "that" clause
    of a judging noun after an expletive "it" a relative clause of the noun; it is the noun's
    content when its "that" is a marker, or a subject or object beside the clause's own subject
    or object (a gap filled by "that", "it was a mistake that the government made", is a
    cleft's relative)."""
    if clause.dep_ not in ("relcl", "acl") or clause.left_edge.lower_ != "that":
        return False
    that = clause.left_edge
    if that.dep_ == "mark":
        return True
    # "that pensioners paid more tax" read with two subjects; "that the talks were unfair" with an object
    others = {c.dep_ for c in clause.children if c.i != that.i}
    return that.dep_ in ("nsubj", "dobj") and that.dep_ in others


def act_by_someone(word: Token) -> bool:
    """A judging noun with its doer ("an incredible gaffe by Jack McConnell"): it judges an act
    of that doer, which the noun does not name, so neither an antecedent nor the issue."""
    return word.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "by" for c in word.children)


def consequence_signals(art: StanceArticle, verb: Token) -> list[Signal]:
    """ "the plans would damage the economy", "higher literacy will benefit England": in a
    quote, saying what something does for good or ill judges it (`consequence_verbs`)."""
    polarity = CONSEQUENCE_VERBS.get(verb.lemma_.lower())
    if polarity is None or verb.pos_ != "VERB" or hypothetical(verb):
        return []
    if verb.lemma_.lower() in VIABILITY_VERBS and not _predicted(art, verb):
        return []  # "nurses work long hours": whether a measure works is judged only as a prediction
    if _noun_content(verb):
        return []  # "concerns that doctors are hampered by the fear of lawsuits": the concerns' content
    if verb.lemma_.lower() in UNDERGONE_EFFECT_VERBS and not _acts_on_something(verb):
        return []  # "bottle necks were improving": the subject changes, nothing is judged
    if verb.lemma_.lower() in NORM_BOUND_VERBS and not _is_norm(direct_object(verb)):
        return []  # "would break even", "broke the deadlock": no rule broken, nothing judged
    if verb.lemma_.lower() in AGAINST_BOUND_VERBS and not any(
        c.dep_ == "prep" and c.lower_ == "against" for c in verb.children
    ):
        return []  # "discriminate between targets": told apart, nobody harmed
    top = verb.head if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("help", "serve") else verb
    sign = int(polarity) * (-1 if has_negation(art, verb) or has_negation(art, top) else 1)
    return _speaker_judges_subject(art, verb, top, sign)


def _speaker_judges_subject(art: StanceArticle, word: Token, verb: Token, sign: int) -> list[Signal]:
    """In a quote, the speaker's judgement (`sign`, read at `word`) of what the clause of
    `verb` is said of (`judged_subject_targets`); none outside speech."""
    quote = art.quote_at(word.idx)
    holder = art.speaker(quote)
    if holder is None:
        return []
    targets = judged_subject_targets(art, verb)
    return target_signals(art, word, sign, CONSEQUENCE_SCORE, targets, holder, quote) if targets else []


def _is_norm(noun: Token | None) -> bool:
    """A law, right or rule (`norm_nouns`): "human rights laws", "the European Convention on
    Human Rights" (a name whose head is one)."""
    return noun is not None and noun.lemma_.lower() in NORM_NOUNS


def norm_conflict_signals(art: StanceArticle, word: Token) -> list[Signal]:
    """ "the rules were incompatible with the European Convention on Human Rights", "Iraq
    continued to be in material breach of UN resolution 1441": in a quote, setting something
    against a law, right or rule (`norm_conflict_words` with a norm of `norm_nouns`) judges
    it, as breaching it does (`consequence_signals`); the subject of the clause is judged,
    read as for verbs of effect (no actor: "Iraq was in breach" is a charge, read elsewhere)."""
    wanted = NORM_CONFLICT_WORDS.get(word.lower_)
    if wanted is None or hypothetical(word):
        return []
    if word.pos_ == "ADJ" and word.dep_ == "acomp":
        verb = word.head  # "were incompatible with …"
    elif word.pos_ == "NOUN" and word.dep_ == "pobj" and word.head.lower_ == "in" and word.head.dep_ == "prep":
        verb = word.head.head  # "is in breach of …", "acted in violation of …"
    else:
        return []
    prep = next((c for c in word.children if c.dep_ == "prep" and c.lower_ == wanted), None)
    norm = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if not _is_norm(norm) or verb.pos_ not in ("VERB", "AUX"):
        return []
    return _speaker_judges_subject(art, word, verb, 1 if has_negation(art, verb) else -1)


def _acts_on_something(verb: Token) -> bool:
    """Whether a change-of-state verb of effect changes something other than its subject: an
    object ("would improve schools"), a clause as object ("would improve how hospitals are
    run"), or the object it shares with the verb coordinated after it ("will improve and
    strengthen our schools")."""
    if any(c.dep_ in ("dobj", "obj", "ccomp") for c in verb.children):
        return True
    return any(c.dep_ == "conj" and direct_object(c) is not None for c in verb.children)


def judged_subject_targets(art: StanceArticle, verb: Token) -> list[Target]:
    """What a verb of effect judges: its subject ("the plans would damage …"), an action as
    subject ("cutting the tax would help …"), or for "it"/"this" what the sentence before is
    about; none for a person or a pronoun ("we", "they"), nor for an actor ("Labour would
    damage the economy": a judgement of an actor, read elsewhere)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None:
        subject = _passive_cause(verb)  # "small firms could be crippled by the move"
    if subject is None or subject.lower_ in PERSONAL_PRONOUNS - PLACEHOLDER_SUBJECTS or subject.lower_ in FIRST_PERSON:
        return []
    if subject.dep_ == "csubj":
        return action_targets(art, subject)
    if subject.lower_ in PLACEHOLDER_SUBJECTS:
        noun = antecedent_noun(art, subject)
        return noun_targets(art, noun) if noun is not None else []
    if art.index.at(subject) is not None or subject.pos_ == "PROPN":
        return []
    return noun_targets(art, subject)


def _noun_content(verb: Token) -> bool:
    """The verb of a noun's "that" clause ("concerns that …", "the claim that …"): what the
    noun holds, not what the speaker says."""
    return verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and has_that_marker(verb)


def _passive_cause(verb: Token) -> Token | None:
    """The doer of a passive verb of effect, from its "by" phrase ("would be crippled by the
    move": the move cripples); the passive subject is what is affected, not judged."""
    return agent_of(verb) if passive_subject(verb) is not None else None


def _predicted(art: StanceArticle, verb: Token) -> bool:
    """A verb without an object under a modal or a negation ("would not work", "will work");
    a deontic modal asks for effort ("the government must work hard"), it predicts nothing."""
    if any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return False
    modals = [c for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"]
    if any(c.lower_ in DEONTIC_MODALS for c in modals):
        return False
    return has_negation(art, verb) or bool(modals)


GOAL_SCORE = 0.7  # naming something one's goal is a clear, if indirect, position
OWN_POSSESSIVES = frozenset({"my", "our"})  # a goal the speaker calls theirs


def _goal_noun(token: Token) -> Token | None:
    """The goal noun a copula's argument is or names: "our priority", or "one of his G8
    priorities" (a plural goal noun under "one of")."""
    if token.lemma_.lower() in GOAL_NOUNS:
        return token
    if token.lower_ != "one":
        return None
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    goal = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return goal if goal is not None and goal.tag_ == "NNS" and goal.lemma_.lower() in GOAL_NOUNS else None


def _own_solution(noun: Token) -> bool:
    """A solution noun (`solution_nouns`) a speaker puts forward as theirs: no owner but "my" or
    "our" ("their only answer is to tax" reports another side's answer), and no adjective but
    a rank ("the real solution", "a far better solution"): "the parliamentary answer" is a
    reply given, not a remedy proposed."""
    if noun.lemma_.lower() not in SOLUTION_NOUNS:
        return False
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in OWN_POSSESSIVES:
            return False
        ranked = child.tag_ in ("JJR", "JJS") or child.lower_ in SOLUTION_RANK_ADJECTIVES
        if child.dep_ in ("amod", "compound", "nmod") and not ranked:
            return False
    return True


def _equated(art: StanceArticle, be: Token) -> tuple[Token, list[Target]] | None:
    """What a copula equates its subject with, besides a predicate noun: a to-infinitive ("the
    aim was to cut taxes") or an act with its doer after "for" ("a far better solution would
    be for elected councillors to draw up a minimum policing guarantee": "elected councillors
    drawing up …"), with its targets."""
    for child in be.children:
        if child.dep_ in ("xcomp", "advcl", "ccomp") and has_to_marker(child):
            # "the aim was to cut taxes"; "for councils to raise it" read as a clause
            return child, _for_subject_targets(art, child)
        if child.dep_ == "prep" and child.lower_ == "for":
            # "for councils to set up police boards" read as a noun with a relative clause
            doer = next((c for c in child.children if c.dep_ == "pobj"), None)
            acts = [] if doer is None else [c for c in doer.children if c.dep_ in ("acl", "relcl")]
            act = next((c for c in acts if has_to_marker(c) and c.i > doer.i), None)
            if act is not None:
                found = action_targets(art, act)
                return act, with_subject(art, doer, act, found) if found else found
    return None


def goal_signals(art: StanceArticle, be: Token) -> list[Signal]:
    """ "The ultimate goal is the United States of South America", "cutting crime is our
    priority": a copula equating a goal noun (`goal_nouns`) with something supports it, so
    does one "one of" its goals ("tackling world poverty would be one of his G8 priorities",
    "one of the top priorities will be a better deal for victims"); the goal's owner holds it
    (a name's possessive; "my", "our", none, or a pronoun that names no one else: the quote's
    speaker, "Mr Kennedy said cutting class sizes was his top priority"). A goal or the speaker's
    own solution noun (`_own_solution`) may equate an act (`_equated`: "the aim is to cut
    taxes", "the real solution is for councils to …"); a solution an act only."""
    if be.lemma_ != "be" or hypothetical(be):
        return []
    subject = next((c for c in be.children if c.dep_ in ("nsubj", "csubj")), None)
    attr = next((c for c in be.children if c.dep_ == "attr"), None)
    if subject is None:
        return []
    equated = None
    if (goal := _goal_noun(subject) or (subject if _own_solution(subject) else None)) is not None:
        # a solution equates an act only: "the answer is no", "the answer was the same statement"
        thing = attr if goal.lemma_.lower() in GOAL_NOUNS else None
        if thing is None and (equated := _equated(art, be)) is None:
            return []
    elif attr is not None and (goal := _goal_noun(attr)) is not None:
        thing = subject
    else:
        return []
    if thing is not None and (thing.lower_ in PLACEHOLDER_SUBJECTS or thing.lower_ in PERSONAL_PRONOUNS):
        return []
    quote = art.quote_at(be.idx)
    owner = next((c for c in goal.children if c.dep_ == "poss"), None)
    speaker = art.speaker(quote)
    if owner is None or owner.lower_ in OWN_POSSESSIVES:
        holder = speaker
    elif owner.pos_ == "PRON":
        holder = art.mention_of(owner) or speaker  # "his top priority" in his own reported words
    else:
        holder = art.mention_of(owner)
    if holder is None:
        return []
    # "our aim is not to rewrite the storyline": the act denied is the one not aimed at
    negated = has_negation(art, be) or (equated is not None and has_negation(art, equated[0]))
    polarity = -1 if negated else 1
    if thing is None:
        targets = equated[1]
    elif thing.pos_ in ("VERB", "AUX"):
        targets = action_targets(art, thing)
    else:
        targets = noun_targets(art, thing)
    return target_signals(art, be, polarity, GOAL_SCORE, targets, holder, quote)
