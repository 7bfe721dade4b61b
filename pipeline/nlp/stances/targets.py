"""What a stance is about: the object of a stance verb or its preposition, the action it
urges, a wished-for clause, or a noun phrase seen through attempt, attitude and demand
nouns. Actions compose: "the need to end the crisis" supports ending it, so opposes
"crisis"; an action without a stance of its own becomes a label ("imposing agreements")."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from pipeline.nlp.events.filters import said_while
from pipeline.nlp.events.vocabulary import DISCOURSE_NOUNS
from pipeline.nlp.gazetteer import load_gazetteer
from pipeline.nlp.mentions.vocabulary import SETTLEMENT_NOUNS
from pipeline.nlp.quotes.cues import is_cue
from pipeline.nlp.stances.context import StanceArticle
from pipeline.nlp.stances.issue_words import issue_like
from pipeline.nlp.stances.labels import ACT_NOUNS, gerund, people_noun
from pipeline.nlp.stances.phrases import (
    OWN_DETERMINERS,
    TIME_ENTITIES,
    action_argument,
    bare_infinitive,
    clean,
    left_tokens,
    own_phrase,
    render,
)
from pipeline.nlp.stances.polarity import negative_determiner
from pipeline.nlp.stances.stranded import stranded_topic, topic_words
from pipeline.nlp.stances.topic import antecedent_noun
from pipeline.nlp.stances.words import (
    ACT_REFERENCE_NOUNS,
    ACTION_REQUEST_VERBS,
    ADDRESSEE_VERBS,
    ANNOUNCEMENT_NOUNS,
    ATTEMPT_NOUNS,
    ATTITUDE_NOUNS,
    BODY_NOUNS,
    CHARGING_VERBS,
    CLAIM_NOUNS,
    CLAUSE_STANCE_VERBS,
    DECIDING_VERBS,
    DEMAND_NOUNS,
    DENIAL_VERBS,
    DISCUSSING_VERBS,
    EMPTY_VERBS,
    INTRANSITIVE_FATES,
    MANDATIVE_VERBS,
    NEGATIVE_VOLITION,
    POLICY_NOUNS,
    PROPOSAL_VERBS,
    REFUSAL_VERBS,
    RULING_NOUNS,
    RULING_VERBS,
    SIGHT_VERBS,
    SIGHT_WISH_VERBS,
    VERBAL_ATTACK_VERBS,
    VOLITION_VERBS,
)
from pipeline.nlp.syntax import (
    ACTOR_LABELS,
    REFLEXIVE_PRONOUNS,
    has_modal_aux,
    has_that_marker,
    has_to_marker,
    is_passive,
    is_to_infinitive,
    nominal_subjects,
    raised_passive_subject,
    swallowed_conjunct,
    to_marker,
)

VERBAL_ATTACK_SCORE = 0.7  # as "lash out" or "round on"
ACTION_REQUEST_SCORE = 0.7  # as "urge"
RELATIVE_TARGETS = frozenset({"which", "that", "whom", "who"})


@dataclass(frozen=True)
class Target:
    label: str
    head: Token
    sign: int = 1  # +1: the stance holds towards the label as found; -1: reversed
    strength: float = 1.0  # how much of the outer score survives composition


SIGN = {"support": 1, "oppose": -1}


def verb_targets(art: StanceArticle, verb: Token, prep: Token | None, compose_only: bool = False) -> list[Target]:
    """What a stance verb or phrase is about: the object of its preposition ("call for"),
    the action it urges ("urged Iran to halt …"), its object, or the wished-for state of
    its clause ("hope that solutions will be found")."""
    if prep is not None:
        # "called on Mr Clarke to scrap the quotas": the urged action, not the addressee
        urged = next(
            (c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.i > prep.i and is_to_infinitive(c)), None
        )
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if urged is None and not any(prep.children):
            # "called for 24-hour drinking to be shelved until …": the parser leaves "for" bare
            # and makes the wished-for clause a complement of the verb, right after it
            urged = next((c for c in verb.children if c.dep_ == "ccomp" and c.left_edge.i == prep.i + 1), None)
            if urged is not None:
                return _negated(urged, action_targets(art, urged))
        if urged is None and pobj is not None:
            urged = next((c for c in pobj.children if c.dep_ in ("acl", "relcl") and is_to_infinitive(c)), None)
        if urged is not None and pobj is not None:
            found = action_targets(art, urged) or _subjectless_passive(art, urged, pobj)
            if not found and _addressed(art, pobj) and _urges(art, verb):
                found = worded_action(art, urged, pobj)  # "called on Mr Brown to open up the books"
            found = _negated(urged, found)
            if found:
                return found  # else "counting on the talks to continue": the talks
            if _addressed(art, pobj):
                return []  # "called on the government to appoint …": the addressee is no issue
        targets: list[Target] = []
        for p in [prep] + [c for c in prep.conjuncts if c.dep_ in ("conj", "prep")]:
            pobj = next((c for c in p.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and pobj.dep_ == "pcomp" and pobj.pos_ == "VERB":
                # "committed to cutting taxes"; "warned against pandering to prejudice"
                found = action_targets(art, pobj)
                label = art.labeller.clause_label(pobj) if not found else None
                targets.extend(found or ([Target(label, pobj)] if label else []))
            elif pobj is not None:
                targets.extend(_denied(art, pobj, noun_targets(art, pobj)))
        return targets
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and _verbal(c)), None)
    dobj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    addressee = verb.lemma_.lower() in ADDRESSEE_VERBS or particle(verb) == "on"
    if xcomp is not None and dobj is None and not addressee and gerund_object(art, verb, xcomp):
        return gerund_targets(art, verb, xcomp)
    if xcomp is not None and (dobj is None or (addressee and dobj.i < xcomp.i)):
        # "refused to sign the treaty", "urged Iran to halt enrichment": the action,
        # when it takes a side itself; wanting or threatening an action is not opposing
        # it, so the verb's own polarity gives way to its volition
        # an urged action with no side of its own is itself the issue ("urged firms to cut charges")
        # so is an action wished for ("wants to introduce a points system for migrants")
        if _reverses(verb) and xcomp.lemma_.lower() in DENIAL_VERBS:
            return []  # "refused to deny claims …": declining to deny is no side taken
        if _reverses(verb) and xcomp.lemma_.lower() in DISCUSSING_VERBS:
            return []  # "refused to discuss reports …": declining to talk about a matter is no side on it
        # and so is an action refused ("refused to sign up to the Kyoto treaty"), reversed below
        refused = _refuses(verb)
        wish = verb_cue(art, verb) if verb.lemma_.lower() in VOLITION_VERBS or refused else None
        wished = wish is not None and (wish[0] > 0 or refused)
        found = action_targets(art, xcomp, label_actions=addressee or wished)
        if not found and refused and dobj is None:
            found = _refused_bare_act(art, xcomp)  # "refused to apologise for the remarks"
        if not found and addressee and dobj is not None and _addressed(art, dobj) and verb_cue(art, verb):
            found = worded_action(art, xcomp, dobj)  # "urged the government to think again"
        found = _negated(xcomp, found)
        for act in shared_infinitives(xcomp):
            # "wants to introduce a points system and increase deportations": each act is wished for
            found += _negated(act, action_targets(art, act, label_actions=addressee or wished))
        if found and addressee and _warns(art, verb):
            # "warned the BBC to steer away from …": warning someone to act urges the act
            found = [Target(t.label, t.head, -t.sign, t.strength) for t in found]
        if found and not addressee:
            outer = -1 if _reverses(verb) else 1
            own = verb_cue(art, verb)
            own_sign = own[0] if own else 1
            found = [Target(t.label, t.head, t.sign * outer * own_sign, t.strength) for t in found]
        if found or dobj is None:
            return found
    if dobj is not None and (plan := misparsed_plan(dobj)) is not None:
        # "attacked Tory plans to process asylum claims": "plans" tagged a verb
        found = _plan_target(art, dobj, plan)
        if found is not None:
            return [found]
    if dobj is not None and not (addressee and xcomp is not None):
        if _misparsed_clause_subject(verb, dobj):
            return []  # "denied the war was illegal": the denied clause's subject, no object
        if addressee and _addressed(art, dobj):
            return []  # "warned Tony Blair", "warned ministers that …": the addressee, not the issue
        if addressee and any(c.dep_ == "ccomp" and c.i > dobj.i for c in verb.children):
            return []  # "warned the MPs' committee that …": told a clause, whoever the object is
        if _money(dobj):
            return _funded(art, verb, dobj)
        found = with_stranded_topic(art, verb, dobj, noun_targets(art, dobj))  # coordinated objects included
        found = _denied(art, dobj, found)
        fate = _misparsed_fate(art, verb, dobj)
        if fate is not None:
            found = [Target(t.label, t.head, t.sign * fate, t.strength) for t in found]
        found += [t for c in stranded_conjuncts(verb, dobj) for t in noun_targets(art, c)]
        found += [t for c in listed_objects(verb, dobj) for t in noun_targets(art, c)]
        effort = _effort_action(verb, dobj)
        if effort is not None and found:
            # "supports Korea in their effort to join the IDB": backing someone's bid is the issue
            action = art.labeller.clause_label(effort)
            if action:
                found = [Target(f"{t.label} {action}", t.head, t.sign, t.strength) for t in found]
        if xcomp is not None and xcomp.i > dobj.i and not addressee:
            # "proposed amendments to give the military more capabilities": the purpose completes it
            purpose = art.labeller.action_label(xcomp) or _light_purpose(art, xcomp)
            if purpose is not None:
                found = [
                    Target(
                        f"{t.label} to {xcomp.lemma_.lower()} {purpose[0].split(' ', 1)[-1]}",
                        t.head, t.sign, t.strength,
                    )
                    for t in found
                ]
        return found
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) or raised_passive_subject(verb)
    if dobj is None and passive is not None and any(c.dep_ == "agent" for c in verb.children):
        return noun_targets(art, passive)  # "the plan was backed by Arsenal", "is expected to be opposed by"
    ccomp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    lemma = verb.lemma_.lower()
    if ccomp is not None and lemma in CLAUSE_STANCE_VERBS:
        return clause_targets(art, ccomp, demanded=lemma in MANDATIVE_VERBS)
    return []


def _refused_bare_act(art: StanceArticle, act: Token) -> list[Target]:
    """ "refused to apologise for the remarks", "refusing to submit to a drugs test": an act
    with no object that a refusal governs is named by its gerund and the prepositional
    argument after it, as `phrases.bare_infinitive` names one that completes a noun ("Japan's
    refusal to apologise for the invasion"); a bare verb ("refused to resign", "declined to
    comment") or a passive ("refused to be drawn on …") names no issue."""
    to = to_marker(act)
    if to is None or act.pos_ != "VERB" or any(c.dep_ in ("auxpass", "prt") for c in act.children):
        return []
    tokens = bare_infinitive(art.lex, to, act)
    if len(tokens) < 4:
        return []  # no preposition with its object after the verb
    label = clean(f"{gerund(act.lemma_)} {render(art.doc, tokens[2:])}")
    return [Target(label, act)] if label else []


def _misparsed_clause_subject(verb: Token, dobj: Token) -> bool:
    """ "Mr Blair denied the war was illegal": the parser may take the subject of a clause
    without "that" for the verb's object and leave the clause, right after it, with no subject
    (a finite verb or copula hung on the verb as its complement, not a conjunct). What the verb
    takes a side on is the clause (a denied judgement is no stance), not the noun."""
    return any(
        c.dep_ == "ccomp"
        and c.pos_ in ("VERB", "AUX")
        and c.left_edge.i == dobj.right_edge.i + 1
        and c.tag_ in ("VBD", "VBZ", "VBP", "MD")
        and not any(g.dep_ in ("nsubj", "nsubjpass", "expl", "mark", "cc") for g in c.children)
        for c in verb.children
    )


def _money(noun: Token) -> bool:
    """An amount of money ("$350 million", "£4bn", "an extra £105m")."""
    return noun.ent_type_ == "MONEY" or any(
        c.ent_type_ == "MONEY" and c.dep_ in ("nummod", "compound") for c in noun.children
    )


def _funded(art: StanceArticle, verb: Token, money: Token) -> list[Target]:
    """What an amount pledged, promised or backed is for: the thing it is paid "in" ("£4bn in
    tax cuts", "$350m in aid for the relief effort", its "for" or "to" noun kept), else its
    "for" noun ("pledged £105m for security"), the act its infinitive names ("pledged $750m
    to support the cause") or the one it goes "to" ("pledged £960m to the immunisation
    fund"); an amount alone is no issue, nor a time ("£50m in March")."""
    objects: dict[str, Token] = {}
    for head in (money, verb):
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "for", "to")):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and not _money(pobj) and pobj.ent_type_ not in TIME_ENTITIES:
                objects.setdefault(prep.lower_, pobj)
    thing = objects.get("in")
    if thing is not None:
        found = noun_targets(art, thing)
        for prep in (c for c in thing.children if c.dep_ == "prep" and c.lower_ in ("for", "to")):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                objects.setdefault(prep.lower_, pobj)
        beneficiary = objects.get("for") or objects.get("to")
        extra = None
        if beneficiary is not None:
            # the label of what it is for, else its words ("the relief effort": "effort" names no issue alone)
            extra = art.labeller.noun_label(beneficiary, True) or " ".join(
                t.text for t in beneficiary.subtree if t.dep_ not in ("det", "punct")
            )
        if found and extra:
            prep = "for" if "for" in objects else "to"
            return [Target(f"{t.label} {prep} {extra}", t.head, t.sign, t.strength) for t in found]
        return found
    if "for" in objects:
        return noun_targets(art, objects["for"])
    purpose = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl") and is_to_infinitive(c)), None)
    if purpose is not None:
        return action_targets(art, purpose)
    return noun_targets(art, objects["to"]) if "to" in objects else []


def clause_targets(art: StanceArticle, clause: Token, demanded: bool = False) -> list[Target]:
    """The issue of a wished-for clause: its passive subject ("solutions will be found"),
    through the clause's own stance when it has one ("wants the tax to be abolished"
    opposes the tax), or the action an infinitive wishes of someone ("want the government
    to withdraw these regulations" opposes the regulations) or a mandative verb demands
    ("demanding that he haul UN personnel before the US Congress")."""
    passive = next((c for c in clause.children if c.dep_ == "nsubjpass"), None)
    if passive is None:
        # "want the government to withdraw these regulations": the action wished of someone
        infinitive = has_to_marker(clause)
        modal = has_modal_aux(clause)
        return action_targets(art, clause) if (infinitive or demanded and not modal) and clause.pos_ == "VERB" else []
    if verb_cue(art, clause) is not None:
        # "insisted the tax would not be abolished", "wants the scheme not to be scrapped":
        # what the clause denies of its subject is the other side of its cue
        composed = _negated(clause, action_targets(art, clause))
        if composed:
            return composed
    elif (
        clause.lemma_.lower() not in INTRANSITIVE_FATES
        and not any(c.dep_ == "neg" for c in clause.children)  # the label would lose the "not"
        and (done := art.labeller.action_label(clause))
    ):
        # "want the EU budget to be capped at 1%": the act wished for, not the budget
        return [Target(done[0], done[1])]
    return noun_targets(art, passive)


_ATTEMPT_NOUNS_OR_ATTITUDE_NOUNS_OR_DEMAND_NOUNS = ATTEMPT_NOUNS | ATTITUDE_NOUNS | DEMAND_NOUNS


def noun_targets(art: StanceArticle, noun: Token) -> list[Target]:
    """Targets a noun phrase names, seeing through attempt and attitude nouns
    ("attempts to impose …") and demand nouns ("calls for the publication of …")."""
    if (
        noun.lower_ in RELATIVE_TARGETS and noun.head.dep_ == "relcl"
        or noun.head.head.dep_ == "relcl" and noun.dep_ == "pobj"
    ):
        clause = noun.head if noun.head.dep_ == "relcl" else noun.head.head
        if noun.lower_ in RELATIVE_TARGETS and clause.head.pos_ in ("NOUN", "PROPN"):
            lacking = _lacking(art, clause.head)
            if lacking is not None:
                return [lacking]
            return noun_targets(art, clause.head)  # "powers …, which the law lords have ruled against"
    act = _for_clause_act(art, noun)
    if act is not None:
        # "a demand for Turkey to recognise Cyprus": the act demanded of the noun, with it
        found = with_subject(art, noun, act, action_targets(art, act))
        if found:
            return found
    if noun.pos_ == "PRON" and noun.lower_ in ("it", "this", "that", "them") and (
        noun.dep_ in ("dobj", "pobj")
        or noun.dep_ == "nsubjpass" and noun.lower_ != "it" and any(c.dep_ == "agent" for c in noun.head.children)
    ):
        # "we will vote against it", "that has been attacked by the Tories", "also denied them"
        # (a plural noun): what the sentence
        # before is about (a passive "it" would continue its subject, often an actor: "Ministers
        # announced a rise in fees. It was opposed by the NUS")
        antecedent = antecedent_noun(art, noun)
        return noun_targets(art, antecedent) if antecedent is not None else []
    lemma = noun.lemma_.lower()
    if lemma in _ATTEMPT_NOUNS_OR_ATTITUDE_NOUNS_OR_DEMAND_NOUNS:
        action = frame_action(noun) if lemma not in DEMAND_NOUNS else _demanded_action(noun)
        subject = next((c for c in action.children if c.dep_ == "nsubj"), None) if action is not None else None
        if action is None and lemma in DEMAND_NOUNS:
            # "a call for councils to publish their accounts": asked of the object of "for"
            subject = next((g for c in noun.rights if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
                            if g.dep_ == "pobj"), None)
            action = _for_clause_act(art, subject) if subject is not None else None
        if action is not None:
            found = action_targets(art, action)
            if subject is not None and lemma in DEMAND_NOUNS:
                found = with_subject(art, subject, action, found)  # "calls for the BBC to drop …"
            if found or lemma in ATTITUDE_NOUNS:
                return found  # else "the plan to privatise the Royal Mail" is itself the issue
            if lemma in DEMAND_NOUNS and (worded := worded_action(art, action)):
                return worded  # "resisted calls for him to name the day": what is called for, not the calls
    if lemma in ANNOUNCEMENT_NOUNS:
        # "announcements on closing tax loopholes and extending the New Deal": each action
        action = frame_action(noun, ("of", "to", "for", "on"))
        if action is not None:
            found = [t for a in (action, *action.conjuncts) if a.pos_ == "VERB" for t in action_targets(art, a)]
            if found:
                return found
    for child in noun.children:
        if child.dep_ == "prep" and (found := art.lex.cue(f"{lemma} {child.lower_}")):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and lemma not in ("support", "opposition"):
                sign = SIGN[found[0]]
                return [Target(t.label, t.head, t.sign * sign, 0.5 + 0.5 * found[1]) for t in noun_targets(art, pobj)]
    label = art.labeller.noun_label(noun)
    if not label and noun.lemma_.lower() in ACT_NOUNS and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that") for c in noun.children
    ):
        # "the move", "this measure": what the sentence before is about
        if (act := _reported_act(art, noun) or _narrated_act(art, noun)) is not None:
            return [Target(act, noun)]  # "criticised the move" after "The council voted to raise charges"
        antecedent = antecedent_noun(art, noun)
        if antecedent is None and (content := art.labeller.framed_content(noun)):
            return [Target(content, noun)]  # "Critics fear the move …" after "…, under plans unveiled by X"
        if antecedent is not None and (antecedent.dep_ == "nsubj" or _actor_noun(art, antecedent)):
            return []  # a move is an act, not whoever made it (the clause's doer)
        if antecedent is not None and any(c.dep_ == "neg" for c in antecedent.head.children):
            # "CSOs do not have the experience … the government said the move would help": what a
            # clause denies is no act that a move could be
            return []
        return noun_targets(art, antecedent) if antecedent is not None and antecedent is not noun else []
    if label and len(label.split()) == 1 and (charge := _reported_charge(art, noun)) is not None:
        return [Target(charge, noun)]  # "the claim was denied" after "He accused the party of …"
    if label and len(label.split()) == 1 and (act := _reported_act(art, noun)) is not None:
        return [Target(act, noun)]  # "condemned the decision" after "The BBC decided to cut 2,900 jobs"
    if not label:
        return []
    demonstrative = any(c.dep_ == "det" and c.lower_ in ("this", "these") for c in noun.children)
    bare = art.labeller.noun_label(noun, resolve=False) or label
    if demonstrative and noun.pos_ == "NOUN" and len(bare.split()) == 1:
        # "this policy", "these plans": a demonstrative points back to what the sentence
        # before is about ("its annual ban on fishing"), before an earlier mention of its
        # own word lends it that mention's label, when the sentence before names an issue
        antecedent = antecedent_noun(art, noun)
        lent = len(label.split()) > 1
        if antecedent is not None and antecedent is not noun and (not lent or issue_like(antecedent)):
            found = noun_targets(art, antecedent)
            if found:
                return found
    # "welcomed his apology and the review of murder laws": each phrase of its own is an issue
    own = [
        c for c in noun.conjuncts
        if c.i > noun.i and c.head == noun and own_phrase(c) and not swallowed_conjunct(c)
    ]
    own += [c for c in noun.children if listed_apposition(c)]
    others = [t for c in own for t in noun_targets(art, c)]
    return [Target(label, art.labeller.np_head(noun)), *others]


def _reported_charge(art: StanceArticle, noun: Token) -> str | None:
    """ "But the claim was denied": a definite claim noun (`claim_nouns`) with nothing of its
    own points back to the charge the sentence before reports with a claiming verb
    (`charging_verbs`): its "of" gerund ("accused the party of signing up to a deal with the
    Tories" -> "claim of signing up to deal with Tories in Europe") or its "that" clause."""
    if noun.lemma_.lower() not in CLAIM_NOUNS or not any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children
    ):
        return None
    if any(c.dep_ in ("prep", "acl", "relcl", "ccomp") for c in noun.rights) or noun.sent.start == 0:
        return None
    previous = art.doc[noun.sent.start - 1].sent
    for verb in previous:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in CHARGING_VERBS:
            continue
        of = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        act = next((c for c in of.children if c.dep_ == "pcomp"), None) if of is not None else None
        content = art.labeller.gerund_label(act) if act is not None else None
        if content:
            return f"{noun.lemma_.lower()} of {content}"
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and has_that_marker(c)), None)
        content = art.labeller.clause_label(clause) if clause is not None else None
        if content:
            return f"{noun.lemma_.lower()} that {content}"
    return None


def _reported_act(art: StanceArticle, noun: Token) -> str | None:
    """ "Residents criticised the move" after "The council voted to raise parking charges": a
    definite act noun (`act_reference_nouns`) with nothing of its own points back to the act
    that the sentence before, or its own sentence earlier, reports with a deciding verb
    (`deciding_verbs`): that verb's to-infinitive action ("raising parking charges"), not
    whoever decided it; a definite ruling noun (`ruling_nouns`) to the "that" clause of a
    ruling verb (`ruling_verbs`: "The Law Lords ruled that detention without trial is
    unlawful" -> "ruling that detention without trial is unlawful")."""
    lemma = noun.lemma_.lower()
    if lemma not in ACT_REFERENCE_NOUNS and lemma not in RULING_NOUNS:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return None
    if any(c.dep_ in ("prep", "acl", "relcl", "ccomp", "poss", "compound", "amod") for c in noun.children):
        return None  # "the decision to close the hospital", "the court's ruling": words of its own
    start = art.doc[noun.sent.start - 1].sent.start if noun.sent.start > 0 else noun.sent.start
    for verb in reversed(art.doc[start : noun.i]):
        if verb.pos_ not in ("VERB", "AUX") or verb.is_ancestor(noun):
            continue
        if lemma in ACT_REFERENCE_NOUNS and verb.lemma_.lower() in DECIDING_VERBS:
            action = next((c for c in verb.children if c.dep_ == "xcomp" and is_to_infinitive(c)), None)
            found = art.labeller.action_label(action) if action is not None else None
            if found:
                return found[0]
        if lemma in RULING_NOUNS and verb.lemma_.lower() in RULING_VERBS:
            clause = next((c for c in verb.children if c.dep_ == "ccomp" and has_that_marker(c)), None)
            content = art.labeller.clause_label(clause) if clause is not None else None
            if content:
                return f"{lemma} that {content}"
    return None


def _narrated_act(art: StanceArticle, noun: Token) -> str | None:
    """ "The bank has cut interest rates to 4%. Analysts welcomed the move.": a bare act noun
    (`ACT_NOUNS`) names the act the sentence before narrates with its main verb and object
    ("cutting interest rates to 4%"), not the object alone ("scrapped the tax on fuel …
    welcomed the move" welcomes the scrapping, not the tax); not what someone said or
    judged (a reporting verb), nor an act the sentence denies; a measure put forward
    ("will introduce identity cards", `proposal_verbs`) is itself what the move is."""
    if noun.sent.start == 0:
        return None
    root = art.doc[noun.sent.start - 1].sent.root
    if root.pos_ != "VERB" or is_cue(root) or root.lemma_.lower() in PROPOSAL_VERBS:
        return None
    if any(c.dep_ == "neg" for c in root.children) or not any(c.dep_ == "dobj" for c in root.children):
        return None
    found = art.labeller.action_label(root)
    return found[0] if found else None


def _actor_noun(art: StanceArticle, noun: Token) -> bool:
    """A noun naming who acts (a mention, a name of a person, body or state, a body noun)."""
    return (
        art.index.at(noun) is not None
        or noun.ent_type_ in ACTOR_LABELS
        or noun.lemma_.lower() in BODY_NOUNS
        or people_noun(noun)
    )


def with_stranded_topic(art: StanceArticle, host: Token, obj: Token, found: list[Target]) -> list[Target]:
    """The object's targets completed by the topic the parser hung on the verb or stance noun
    `host` ("opposed the ban on hunting", "opposition to the ban on smoking in pubs"); an
    actor object keeps its targets ("criticised the government on its plans": the grounds)."""
    actor = art.index.at(obj) is not None or obj.lemma_.lower() in BODY_NOUNS
    topic = None if actor or not found else stranded_topic(host, obj)
    if topic is None:
        return found
    words = topic_words(topic)
    return [Target(f"{t.label} {words}", t.head, t.sign, t.strength) for t in found]


def stranded_conjuncts(verb: Token, obj: Token) -> list[Token]:
    """Objects the parser hung on a time phrase after the verb's object: in "resent the
    invasion of China during World War II and Japan's refusal to apologise" the refusal is
    the verb's second object, not a conjunct of the war. Only a phrase with its own
    determiner or possessive (`own_phrase`) after a date, time or named event."""
    out = []
    for prep in verb.rights:
        if prep.dep_ != "prep" or prep.i < obj.i:
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME", "EVENT")):
            out += [c for c in pobj.conjuncts if c.i > pobj.i and c.head == pobj and own_phrase(c)]
    return out


LIST_MEMBER_DEPS = frozenset({"dobj", "conj", "dep", "advcl", "npadvmod"})
"""How the parser hangs a further member of an object list on the verb (`listed_objects`)."""


def listed_objects(verb: Token, obj: Token) -> list[Token]:
    """Further objects of a list the parser hung on the verb itself ("attacked the tax rise,
    the new fuel duty and the cuts", "criticised the tax rise, curbs on immigration and …"): a
    noun after the object, as a second object, a conjunct or a loose dependent of the verb,
    right after a comma or "and"/"or", in a list an "and"/"or" closes, and with no subject,
    auxiliary or object of its own (not a clause). A noun the parser read as an adverbial
    clause or modifier of the verb ("criticised the tax rise, curbs on immigration and the
    closure of …": "curbs" an `advcl`) is such a member too: a noun heads no clause. Each is
    an issue of its own; its own conjuncts follow from `noun_targets`."""
    out = []
    for child in verb.rights:
        if child.i <= obj.right_edge.i or child.dep_ not in LIST_MEMBER_DEPS:
            continue
        if child.pos_ not in ("NOUN", "PROPN") or child.left_edge.i == 0:
            continue
        before = child.doc[child.left_edge.i - 1]
        if not (before.lower_ == "," or before.dep_ == "cc" and before.lower_ in ("and", "or")):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "cop", "dobj") for c in child.children):
            continue
        members = (verb, child, *child.conjuncts)
        if not any(c.dep_ == "cc" and c.lower_ in ("and", "or") and c.i > obj.i for t in members for c in t.children):
            continue  # "made progress on the cases, the pupils who …": no list closed by "and"/"or"
        out.append(child)
    return out


def listed_apposition(token: Token) -> bool:
    """A list the parser read as an apposition ("welcomed the apology, the inquiry and the
    compensation scheme"): a common noun after a comma, with its own determiner or possessive,
    itself coordinated by "and"/"or" with a phrase of its own; each member is an issue."""
    if token.dep_ != "appos" or token.pos_ != "NOUN" or token.left_edge.i == 0:
        return False
    if token.doc[token.left_edge.i - 1].lower_ != ",":
        return False
    if not any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in OWN_DETERMINERS for c in token.lefts):
        return False
    return any(own_phrase(c) for c in token.children if c.dep_ == "conj")


def _demanded_action(noun: Token) -> Token | None:
    """What a demand noun asks for: its infinitive ("calls to publish the advice"), with its
    own subject ("calls for the BBC to drop the programme"), also when the parser hung the
    infinitive right after the object on the verb."""
    action = frame_action(noun, ()) or next(
        (c for c in noun.rights if c.dep_ in ("advcl", "ccomp") and is_to_infinitive(c) and nominal_subjects(c)), None
    )
    if action is not None or noun.dep_ != "dobj":
        return action
    return next(
        (
            c for c in noun.head.rights
            if c.dep_ == "advcl" and c.left_edge.i == noun.right_edge.i + 1 and is_to_infinitive(c)
        ),
        None,
    )


def _for_clause_act(art: StanceArticle, noun: Token) -> Token | None:
    """The infinitive a noun is the subject of after the "for" of a demand ("a demand for
    Turkey to recognise Cyprus", "calls for councils to publish their accounts"): the parser
    makes the noun the preposition's object and hangs the infinitive right after it on the
    noun or on a verb above; the act, which has no subject of its own, is what is asked of
    the noun. Another "for" takes a noun with its own infinitive ("criticised Labour for its
    failure to control immigration", "praised BP for its efforts to cut emissions")."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for" or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    asker = noun.head.head.lemma_.lower()
    if asker not in DEMAND_NOUNS and art.lex.cue(f"{asker} for") is None:
        return None
    clauses = [c for c in noun.rights if c.dep_ in ("acl", "relcl") and is_to_infinitive(c)]
    after = max(t.i for t in noun.subtree if not any(t in c.subtree for c in clauses)) + 1
    for ancestor in (noun, *noun.ancestors):
        act = next(
            (
                c for c in ancestor.rights
                if c.dep_ in ("acl", "relcl", "advcl", "xcomp") and c.left_edge.i == after and is_to_infinitive(c)
                and not nominal_subjects(c)
            ),
            None,
        )
        if act is not None:
            return act
    return None


def with_subject(art: StanceArticle, subject: Token, act: Token, found: list[Target]) -> list[Target]:
    """Labels of an act asked of someone named ("calls for the BBC to drop the programme"),
    with who is to do it: "BBC dropping programme". An act with a stance of its own keeps its
    composed targets ("calls for the government to scrap the tax" opposes the tax); a pronoun
    ("calls for him to name the day") adds nothing; an act on another actor is labelled whole
    rather than composed into a stance on that actor."""
    if subject.pos_ not in ("NOUN", "PROPN"):
        return found
    # the noun with its own modifiers only: its complement is the act itself; a name keeps
    # its whole form ("the Office of Fair Trading should investigate the market")
    who = _name_of(art, subject) or render(art.doc, [*left_tokens(art.lex, subject, False, True), subject])
    if not who:
        return found
    if verb_cue(art, act) is not None:
        if not found or not all(_actor(art, t.head) for t in found):
            return found
        # "a demand for Turkey to recognise Cyprus": an act of one actor on another is the
        # issue, not the other actor ("Turkey recognising Cyprus")
        return [Target(f"{who} {gerund(act.lemma_)} {t.label}", t.head, 1, t.strength) for t in found]
    return [Target(f"{who} {t.label}", t.head, t.sign, t.strength) for t in found]


def _name_of(art: StanceArticle, subject: Token) -> str | None:
    """The surface of the name mention a subject heads, without a leading "the"."""
    mention = art.index.at(subject)
    if mention is None or mention.kind != "name":
        return None
    surface = clean(mention.surface)
    return surface[4:] if surface.lower().startswith("the ") else surface


def _actor(art: StanceArticle, head: Token) -> bool:
    """A target that names an actor: a mention of a person, body or state."""
    return art.index.at(head) is not None or head.ent_type_ in ACTOR_LABELS


def frame_action(noun: Token, preps: tuple[str, ...] = ("of", "to", "for")) -> Token | None:
    """The action an attempt or attitude noun is about: "attempts to impose", "intention of imposing"."""
    for child in noun.children:
        if child.dep_ in ("acl", "relcl", "xcomp") and is_to_infinitive(child):
            return child
        if child.dep_ == "prep" and child.lower_ in preps:
            pcomp = next((g for g in child.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
            if pcomp is not None:
                return pcomp
    return None


def action_targets(art: StanceArticle, verb: Token, label_actions: bool = True) -> list[Target]:
    """An action as target: through its own stance ("end the crisis" opposes the crisis),
    else (when `label_actions`) as a label ("imposing agreements")."""
    if verb.lemma_.lower() in SIGHT_VERBS and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in SIGHT_WISH_VERBS:
        return wished_sight(art, verb)
    cue = verb_cue(art, verb)
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if cue is not None:
        polarity, score, prep = cue
        inner = verb_targets(art, verb, prep)
        if not inner and passive is not None and not any(c.dep_ in ("dobj", "agent") for c in verb.children):
            inner = noun_targets(art, passive)  # "the tax should be abolished"
        return [Target(t.label, t.head, t.sign * polarity, 0.5 + 0.5 * score) for t in inner]
    adverb = next((c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod") and c.i == verb.i + 1), None)
    fate = INTRANSITIVE_FATES.get(f"{verb.lemma_.lower()} {adverb}") if adverb else None
    if fate is None:
        fate = INTRANSITIVE_FATES.get(verb.lemma_.lower())  # "go ahead" keeps, "go" removes
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "xcomp" and verb_cue(art, verb.head) is None:
        # "… would have to go ahead"; not a stance verb's own subject: "the company has vowed
        # to go after any firm that buys its assets" is the holder's act, not its fate
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if (
        fate is not None
        and subject is not None
        and not any(c.dep_ == "dobj" for c in verb.children)
        and subject.pos_ in ("NOUN", "PROPN")
        and art.index.at(subject) is None
    ):
        # "GCSEs should go"
        return [Target(t.label, t.head, t.sign * fate, t.strength) for t in noun_targets(art, subject)]
    if not label_actions:
        return []
    found = art.labeller.action_label(verb)
    if found is None:
        return []
    return [Target(found[0], found[1])]


def wished_sight(art: StanceArticle, see: Token) -> list[Target]:
    """ "would like to see more police on the streets", "wanted to see the chancellor take a
    bigger role", "hopes to see the bill passed", "wants to see the tax scrapped": what a
    wish to see names is the issue (`sight_verbs`): the clause seen, through its own stance
    or as a label; else the object, with the fate its participle gives it. Seeing someone
    ("wants to see Mr Blair") is a meeting, no issue."""
    clause = next((c for c in see.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")), None)
    if clause is not None and clause.i > see.i:
        done_to = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        bare = not any(c.dep_ in ("aux", "dobj") for c in clause.children)
        if clause.tag_ in ("VBN", "VBD") and done_to is not None and bare:
            # "see the council tax scrapped": a participle the parser read as a tensed verb
            # of its noun; the noun is what is done to, as in "see an independent body set up"
            return _seen_fate(art, done_to, clause)
        return action_targets(art, clause) or worded_action(art, clause)  # "the chancellor take a bigger role"
    obj = next((c for c in see.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None or art.actor_like(obj):
        return []
    return _seen_fate(art, obj, next((c for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBN"), None))


def _seen_fate(art: StanceArticle, obj: Token, fate: Token | None) -> list[Target]:
    """What is to be seen and what is to happen to it: a fate with a side of its own ("the
    tax scrapped") signs the noun; one without is the change as worded ("the council tax
    replaced by a local income tax", "an independent body set up")."""
    cue = verb_cue(art, fate) if fate is not None else None
    found = noun_targets(art, obj)
    if fate is not None and cue is None:
        # "see the council tax replaced by a local income tax": the change seen, as worded
        fate_words = render(art.doc, [t for t in fate.subtree if t.dep_ != "det"])
        return [Target(f"{t.label} {fate_words}", t.head, t.sign, t.strength) for t in found[:1]]
    sign = cue[0] if cue is not None else 1
    return [Target(t.label, t.head, t.sign * sign, t.strength) for t in found]


def verb_cue(art: StanceArticle, verb: Token) -> tuple[int, float, Token | None] | None:
    """The lexicon's stance for a verb: "verb particle preposition", "verb particle",
    "verb preposition" (when the verb has no object: "call for", "vote against"), "verb"."""
    lemma = verb.lemma_.lower()
    if lemma in ACTION_REQUEST_VERBS and asks_action(verb):
        return 1, ACTION_REQUEST_SCORE, None
    if not art.lex.may_start_cue(lemma):
        # no cue phrase starts with the verb (most verbs): only a verbal attack is left
        return (-1, VERBAL_ATTACK_SCORE, None) if lemma in VERBAL_ATTACK_VERBS and verbal_attack(verb) else None
    # a reflexive object is none ("distanced himself from the posters": "distance from")
    has_object = any(c.dep_ in ("dobj", "obj") and c.lower_ not in REFLEXIVE_PRONOUNS for c in verb.children)
    for child in verb.children:
        # the parser may read the particle of "hit back at" as an adverb right after the verb;
        # with the preposition after it, the three words are the phrase all the same
        adverb = child.dep_ == "advmod" and child.i == verb.i + 1 and child.pos_ == "ADV"
        if child.dep_ == "prt" or adverb:
            after = next(
                (g for g in verb.children if g.dep_ == "prep" and (g.i == child.i + 1 or g.i > child.i and not adverb)),
                None,
            )
            if after is not None and (found := art.lex.cue(f"{lemma} {child.lower_} {after.lower_}")):
                return SIGN[found[0]], found[1], after
            if not adverb and (found := art.lex.cue(f"{lemma} {child.lower_}")):
                return SIGN[found[0]], found[1], None
    if not has_object or lemma in ADDRESSEE_VERBS:
        # "vote against the bill"; with an addressee, "warned both parties against pandering …"
        # (the parser may hang the preposition on the addressee)
        addressees = [c for c in verb.children if c.dep_ in ("dobj", "obj")] if has_object else []
        for child in [*verb.children, *(g for a in addressees for g in a.children)]:
            if child.dep_ == "prep" and child.i > verb.i and (found := art.lex.cue(f"{lemma} {child.lower_}")):
                return SIGN[found[0]], found[1], child
    if found := art.lex.cue(lemma):
        return SIGN[found[0]], found[1], None
    if lemma in VERBAL_ATTACK_VERBS and verbal_attack(verb):
        return -1, VERBAL_ATTACK_SCORE, None
    return None


def asks_action(verb: Token) -> bool:
    """ "asked the government to mediate", "asking Parliament to renew this legislation": an
    active verb of asking (`action_request_verbs`) with an addressee and, after it, the act
    asked for as a to-infinitive. "Asked about the plans" or a passive "was asked to resign"
    (the subject is the one asked) ask for nothing."""
    addressee = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    return addressee is not None and any(
        c.dep_ in ("xcomp", "ccomp", "advcl") and c.i > addressee.i and is_to_infinitive(c) for c in verb.children
    )


def verbal_attack(verb: Token) -> bool:
    """ "attacked Labour's spending plans", "attacked the 'pay later' Budget", "attacks Blair
    over Iraq": an attack on words, plans or measures, on something in quote marks or made
    "over", "as" or "for" something is criticism, not violence (events' `verbal_attack`)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects and any(c.dep_ == "agent" for c in verb.children):
        # "Labour's plans were attacked by the Lib Dems": the passive subject is what is attacked
        objects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if any(misparsed_plan(o) is not None for o in objects):
        return True
    if any(o.lemma_.lower() in DISCOURSE_NOUNS or o.lower_ in DISCOURSE_NOUNS for o in objects):
        return True
    if any(any(t.is_quote for t in o.subtree) for o in objects):
        return True
    if bool(objects) and said_while(verb) and not any(_attacked_place(o) for o in objects):
        return True  # "attacked British imperialists, saying they treated Africans like savages"
    return bool(objects) and any(c.dep_ == "prep" and c.lower_ in ("over", "as", "for") for c in verb.children)


def _attacked_place(obj: Token) -> bool:
    """ "Rebels attacked the village, saying it sheltered troops": a settlement or a site
    (`settlement_nouns`, a LOC or FAC name) is attacked by force, the saying gives the reason;
    a country may be attacked in words ("attacked Britain, saying …") and is not counted."""
    return obj.ent_type_ in ("LOC", "FAC") or not obj.ent_type_ and obj.lemma_.lower() in SETTLEMENT_NOUNS


def misparsed_plan(obj: Token) -> Token | None:
    """ "attacked Tory plans to process asylum claims": a name object followed by a policy
    noun (`policy_nouns`) the tagger read as a present-tense verb with a to-infinitive; the
    noun the name modifies, or None."""
    after = obj.right_edge.i + 1
    if obj.pos_ != "PROPN" or after >= len(obj.doc):
        return None
    word = obj.doc[after]
    if word.tag_ != "VBZ" or word.lemma_.lower() not in POLICY_NOUNS or word.head not in (obj, obj.head):
        return None
    return word if any(c.dep_ == "xcomp" and is_to_infinitive(c) for c in word.children) else None


def _plan_target(art: StanceArticle, owner: Token, plan: Token) -> Target | None:
    """The misparsed plan as a label: owner, noun and the planned action ("Tory plans to
    process asylum claims")."""
    action = next(c for c in plan.children if c.dep_ == "xcomp" and is_to_infinitive(c))
    done = art.labeller.action_label(action)
    name = art.labeller.noun_label(owner, resolve=False)
    if done is None or not name:
        return None
    return Target(f"{name} {plan.text} to {action.lemma_.lower()} {done[0].split(' ', 1)[-1]}", plan)


def particle(verb: Token) -> str | None:
    return next(
        (c.lower_ for c in verb.children if c.dep_ in ("prt",) or (c.dep_ == "prep" and c.i == verb.i + 1)), None
    )


def _verbal(token: Token) -> bool:
    """A verb, or a word the tagger missed as one that still heads a to-infinitive with an
    object ("plans to axe 104,000 jobs": "axe" tagged a determiner)."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    return has_to_marker(token) and any(c.dep_ == "dobj" for c in token.children)


# the least score of a cue whose gerund complement is its object: firm cues only; "deny
# collecting votes", "avoid losing voters", "like comparing …", "stop squabbling" are no sides
GERUND_MIN_CUE_SCORE = 0.7


def gerund_object(art: StanceArticle, verb: Token, xcomp: Token) -> bool:
    """A gerund the parser hung on a firm stance verb as its complement, standing where an
    object would ("opposes raising the retirement age", "backed scrapping the levy")."""
    if xcomp.tag_ != "VBG" or has_to_marker(xcomp):
        return False
    cue = verb_cue(art, verb)
    return cue is not None and cue[1] >= GERUND_MIN_CUE_SCORE


def gerund_targets(art: StanceArticle, verb: Token, gerund: Token) -> list[Target]:
    """What a stance verb says of the act its gerund object names: the act itself, taken
    as the verb takes an object ("criticised sending troops to Iraq" opposes sending them),
    through the act's own side when it takes one ("backed scrapping the levy" opposes the
    levy); each coordinated gerund is an act of its own. A verb that reverses the act
    ("ruled out holding a referendum") holds against it by its own sign alone."""
    found = _negated(gerund, action_targets(art, gerund)) or _double_object_act(art, gerund)
    for act in shared_infinitives(gerund):
        found += _negated(act, action_targets(art, act))
    return found


def _double_object_act(art: StanceArticle, verb: Token) -> list[Target]:
    """An act of giving something to someone, named by its two objects ("opposes giving
    Community Support Officers the power to detain suspects" -> "giving Community Support
    Officers power to detain suspects"): a light verb ("give", `empty_verbs`) names no act
    with one object, but with a recipient and a thing given it does."""
    objects = [c for c in verb.children if c.dep_ in ("dative", "dobj") and c.pos_ in ("NOUN", "PROPN")]
    if len(objects) != 2 or objects[0].i > objects[1].i:
        return []
    recipient, given = (art.labeller.noun_label(o) for o in objects)
    if not recipient or not given:
        return []
    return [Target(f"{gerund(verb.lemma_)} {recipient} {given}", objects[1])]


def shared_infinitives(xcomp: Token) -> list[Token]:
    """The verbs coordinated with an infinitive complement that share its subject ("to
    introduce a points system and increase deportations"): each is an act of the same
    stance; a conjunct with its own subject is a clause of its own."""
    return [
        c for c in xcomp.conjuncts
        if c.i > xcomp.i and c.pos_ == "VERB" and not nominal_subjects(c)
    ]


def _effort_action(verb: Token, dobj: Token) -> Token | None:
    """The action of "in their effort/bid to …" after a stance verb's object."""
    for prep in [*verb.children, *dobj.children]:
        if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i > dobj.i:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in ATTEMPT_NOUNS:
                return frame_action(pobj)
    return None


def _lacking(art: StanceArticle, noun: Token) -> Target | None:
    """ "to detain foreign terror suspects without trial, which the law lords have ruled
    against": a relative clause after the object of "without" is about what is done without
    it ("detained foreign terror suspects without trial"), not about the trial."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "without" or prep.head == prep:
        return None
    done = prep.head
    if done.pos_ == "VERB":
        found = art.labeller.action_label(done)
        label, head = found if found is not None else (None, done)
        if found is not None and any(t.i == prep.i for t in action_argument(art.lex, done, head)):
            return Target(label, head)  # the action's label names what it is done without
    else:
        label, head = art.labeller.noun_label(done), done
    lacked = art.labeller.noun_label(noun, resolve=False)
    return Target(f"{label} without {lacked}", head) if label and lacked else None


def _light_purpose(art: StanceArticle, verb: Token) -> tuple[str, Token] | None:
    """A light verb's purpose named by its object ("to give the military more offensive
    capabilities" -> "capabilities"), shaped like an action label (gerund first)."""
    if verb.lemma_.lower() not in EMPTY_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    label = art.labeller.noun_label(obj) if obj is not None else None
    return (f"{gerund(verb.lemma_)} {label}", obj) if label else None


def _reverses(verb: Token) -> bool:
    """Whether a verb reverses the action it governs (`negative_volition`): "refused to
    sign", "ruled out scrapping the tax" keeps the tax."""
    return _verb_in(verb, NEGATIVE_VOLITION)


def _refuses(verb: Token) -> bool:
    """Whether a verb refuses the action it governs (`refusal_verbs`): "refused to publish",
    "ruled out raising income tax"."""
    return _verb_in(verb, REFUSAL_VERBS)


def _verb_in(verb: Token, words: frozenset[str]) -> bool:
    """A verb in a word list by its lemma or with its particle ("rule out")."""
    lemma = verb.lemma_.lower()
    return lemma in words or any(c.dep_ == "prt" and f"{lemma} {c.lower_}" in words for c in verb.children)


def _subjectless_passive(art: StanceArticle, urged: Token, pobj: Token) -> list[Target]:
    """ "called for 24-hour drinking to be shelved": the parser hangs the noun on "for" and
    leaves the passive infinitive without its subject; the noun is what the passive's cue is
    done to (shelving opposes it), not the thing called for."""
    if any(c.dep_ in ("nsubjpass", "dobj", "agent") for c in urged.children):
        return []
    if not is_passive(urged):
        return []
    cue = verb_cue(art, urged)
    if cue is None:
        return []
    polarity, score, _ = cue
    return [Target(t.label, t.head, t.sign * polarity, 0.5 + 0.5 * score) for t in noun_targets(art, pobj)]


def worded_action(art: StanceArticle, action: Token, doer: Token | None = None) -> list[Target]:
    """An action urged on someone that has no object to label it by ("urged the government
    to think again at a later stage", "called on industrialised nations to commit themselves
    to buying the vaccines") is the issue as worded: a demand is a stance whatever its verb
    (eval/GUIDE.md: a demand is evidence). None for a bare verb ("urged him to go"), or one
    whose words name nothing (`clause_label` needs a noun). With no object, the act names its
    issue only with whoever is to do it, so the one urged, when a noun, opens the label
    ("asked the government to mediate to avoid any risk …" -> "government mediating to avoid
    risk …"), as for "calls for the BBC to drop the programme" (`with_subject`)."""
    label = art.labeller.clause_label(action)
    found = [Target(label, action)] if label else []
    return with_subject(art, doer, action, found) if doer is not None and found else found


def _urges(art: StanceArticle, verb: Token) -> bool:
    """Whether the verb is a support cue that urges ("urge", "call on", "press")."""
    cue = verb_cue(art, verb)
    return cue is not None and cue[0] > 0


def _warns(art: StanceArticle, verb: Token) -> bool:
    """Whether an addressee verb is an oppose cue ("warn"): its own sign is against what it
    warns of ("warned against the plan"), so an act it tells someone to do, which it urges,
    is turned round before that sign applies."""
    cue = verb_cue(art, verb)
    return cue is not None and cue[0] < 0


def _addressed(art: StanceArticle, noun: Token) -> bool:
    """Whether the one urged is an actor (a name, a pronoun, a body noun, a mention, a post
    such as "ministers" or "the prime minister"): then the urged action, not the noun, is
    the issue."""
    return (
        noun.pos_ in ("PROPN", "PRON")
        or art.index.at(noun) is not None
        or noun.lemma_.lower() in BODY_NOUNS
        or noun.ent_type_ in ACTOR_LABELS
        or load_gazetteer().match_role(noun.lemma_) is not None
    )


def _misparsed_fate(art: StanceArticle, verb: Token, dobj: Token) -> int | None:
    """ "wanted the arms embargo to end": the parser may read the infinitive as "to" + a noun
    on the object; a bare fate word there (intransitive_fates) says whether the wisher keeps
    or removes the object, as the clause "wants the war to end" does."""
    if verb.lemma_.lower() not in VOLITION_VERBS:
        return None
    prep = next((c for c in dobj.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    word = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if word is None or word.i != prep.i + 1 or any(word.children):
        return None
    if (cue := verb_cue(art, verb)) is None or cue[0] < 0:
        return None
    return INTRANSITIVE_FATES.get(word.lower_)


def _denied(art: StanceArticle, noun: Token, targets: list[Target]) -> list[Target]:
    """An object under a negative determiner is turned round: "pledged to seek no royalties",
    "will accept no cuts", "called for no compulsory redundancies" oppose what they deny."""
    if not negative_determiner(noun, art.lex):
        return targets
    return [Target(t.label, t.head, -t.sign, t.strength) for t in targets]


def _negated(action: Token, targets: list[Target]) -> list[Target]:
    """An urged or wanted action under "not" is turned round ("urged ministers not to scrap
    the tax" backs the tax)."""
    if not any(c.dep_ == "neg" for c in action.children):
        return targets
    return [Target(t.label, t.head, -t.sign, t.strength) for t in targets]

