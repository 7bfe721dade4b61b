"""Stance verbs and phrases anywhere ("Armenia opposes an Azeri checkpoint", "called for
the immediate opening of …", "there should be no attempts to …"), proposals ("the quota
system planned by the Tories") and existentials in quotes ("there must be talks").

The cue's object (or prepositional object, or the action of its to-infinitive) is the
target; the holder is the subject, or the quote's speaker when the verb sits in a quote
with a first-person or no subject or under a deontic modal. Outside quotes only firm cues
count (score >= OUTSIDE_QUOTE_MIN_SCORE) unless the verb itself reports speech.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.vocabulary import CALLING_VERBS, CLAIMING_VERBS
from pipeline.nlp.mentions.vocabulary import GOVERNING_TITLES, PARTY_NOUNS
from pipeline.nlp.quotes import is_cue
from pipeline.nlp.quotes.cues import is_person_head
from pipeline.nlp.stances.context import StanceArticle
from pipeline.nlp.stances.holders import governing_adjective, holder_for, joint_agents, joint_holders
from pipeline.nlp.stances.issue_words import issue_like
from pipeline.nlp.stances.labels import people_noun
from pipeline.nlp.stances.nominals import attitude_sign, cue_prepositions, own_prospect, received_of, stance_noun_cue
from pipeline.nlp.stances.phrases import TIME_ENTITIES
from pipeline.nlp.stances.polarity import (
    denied_by_determiner,
    has_negation,
    hypothetical,
    intensity,
    negate,
    universal,
)
from pipeline.nlp.stances.signals import (
    DEONTIC_SCORE,
    MIN_CUE_SCORE,
    OUTSIDE_QUOTE_MIN_SCORE,
    Signal,
    signal,
    target_signals,
)
from pipeline.nlp.stances.targets import (
    SIGN,
    Target,
    action_targets,
    clause_targets,
    frame_action,
    misparsed_plan,
    noun_targets,
    shared_infinitives,
    verb_cue,
    verb_targets,
    with_subject,
)
from pipeline.nlp.stances.topic import is_quantity
from pipeline.nlp.stances.words import (
    ACT_CAUSING_VERBS,
    ATTEMPT_NOUNS,
    ATTITUDE_NOUNS,
    ATTITUDE_OR_ATTEMPT_NOUNS,
    BODY_NOUNS,
    CURBING_CUES,
    DEED_NOUNS,
    DEMAND_NOUNS,
    EXISTENTIAL_DEONTIC_VERBS,
    GOAL_NOUNS,
    GROUNDS_PREPOSITIONS,
    INCLUSION_VERBS,
    LIGHT_VERBS,
    OFFICE_WORDS,
    OUTCOME_WISH_VERBS,
    PLAN_VERBS,
    POLICY_NOUNS,
    PROGRAMME_NOUNS,
    PROPOSAL_PHRASAL_HEADS,
    PROPOSAL_PHRASAL_VERBS,
    PROPOSAL_VERBS,
)
from pipeline.nlp.syntax import (
    DEONTIC_MODALS,
    PERSONAL_PRONOUNS,
    agent_of,
    has_to_marker,
    is_passive,
    passive_subject,
    subject_of,
)
from pipeline.nlp.token_view import view_of

COPULAR_PREPOSITIONS = frozenset({"against"})  # "the Tories are against the bill"
# what a light verb's stance noun takes its target with ("expressed support for", "gave backing
# to"); a noun whose cue names it may also take what a misgiving is about ("voiced concern
# about the plans", "raised doubts over the law", "concern at the cuts"), which for any other
# noun is a circumstance ("expressed support at the rally")
LIGHT_NOUN_PREPOSITIONS = frozenset({"for", "of", "to", "in"})
ABOUT_PREPOSITIONS = frozenset({"about", "over", "at"})
STATEMENT_VERBS = CLAIMING_VERBS | CALLING_VERBS  # a purpose that states or calls is made by its act


_LIGHT_NOUN_PREPOSITIONS_OR_ABOUT_PREPOSITIONS = LIGHT_NOUN_PREPOSITIONS | ABOUT_PREPOSITIONS


def verb_signals(art: StanceArticle, verb: Token) -> list[Signal]:
    """Stance verbs: "opposes X", "called for X", "urged Y to do X", "expressed hope that X"."""
    out: list[Signal] = []
    if verb.pos_ != "VERB":
        return out
    # (whether the verb is hypothetical is asked once it has a cue: most verbs have none)
    if verb.dep_ == "xcomp" and verb_cue(art, verb.head) is not None and verb.head.lemma_.lower() not in PLAN_VERBS:
        # "refused to rule out tax rises": read through the governing cue; a plan verb
        # holds only in speech, so "plan to oppose the Bill" keeps the opposing of its own
        return out
    attitude = governing_adjective(verb)
    if attitude == 0:
        return out  # "happy talk about supporting": an adjective we cannot read
    cue = verb_cue(art, verb)
    noun_cue = None
    if cue is None and verb.lemma_.lower() in LIGHT_VERBS:
        noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if noun is not None and received_of(art, noun) is not None:
            return out  # "has the backing of many pundits": theirs, on the subject (`nominals`)
        if noun is not None and (found := stance_noun_cue(art, noun)):
            noun_cue = noun
            own = cue_prepositions(art, noun)  # "expressed concern about", not "… for the victims"
            takes = LIGHT_NOUN_PREPOSITIONS if own is None else own & (_LIGHT_NOUN_PREPOSITIONS_OR_ABOUT_PREPOSITIONS)
            prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in takes), None)
            if prep is None:
                # "gave no support to the plan", "voiced his support for the bill": the parser
                # may hang the noun's preposition on the verb ("in", "of" there say where or what else)
                hung = (takes - {"of", "in"}) | ({"to"} if own is None or "to" in own else set())
                prep = next(
                    (c for c in verb.children if c.dep_ in ("dative", "prep") and c.lower_ in hung and c.i > noun.i),
                    None,
                )
            sign = -1 if denied_by_determiner(noun, art.lex) else 1
            cue = (sign * SIGN[found[0]], found[1], prep)
    clause = None
    if cue is None:
        # "appealed for the inspectors to be given more time": "for" marks a wished-for clause
        view = view_of(verb.doc)
        dep, lower = view.dep, view.lower
        at = next(
            (
                c
                for c in view.children(verb.i)
                if dep[c] in ("advcl", "ccomp")
                and any(dep[g] == "mark" and lower[g] == "for" for g in view.children(c))
            ),
            None,
        )
        clause = None if at is None else verb.doc[at]
        found = art.lex.cue(f"{verb.lemma_.lower()} for") if clause is not None else None
        if found is None:
            return out
        cue = (SIGN[found[0]], found[1], None)
    if hypothetical(verb):
        return out  # a condition takes no stance
    polarity, base, prep = cue
    if prep is None and verb.dep_ == "acomp" and verb.tag_ == "VBN":
        # "Labour is opposed to the plans": the participle's preposition carries the target
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i), None)
    if base < MIN_CUE_SCORE:
        return out  # weak cues ("suggest", "question") count only inside composed actions
    if _purpose_of_act(art, verb) or _property_of_noun(art, verb) or _denied_attitude(art, verb):
        return out
    deontic = any(c.dep_ == "aux" and c.lower_ in DEONTIC_MODALS for c in verb.children)
    holder, quote = holder_for(art, verb, deontic)
    if noun_cue is not None:
        owner = next((c for c in noun_cue.children if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ != "PRON":
            holder = art.mention_of(owner) or holder  # "stressed Mr Blair's support for …": Blair's
    in_speech = quote is not None or is_cue(verb)
    if not in_speech and base < OUTSIDE_QUOTE_MIN_SCORE:
        return out
    if verb.lemma_.lower() in PLAN_VERBS and not (
        _plan_maker(art, verb, holder) and (in_speech or _state_planner(art, verb, holder))
    ):
        # a plan is a position when its maker states it ("We plan to introduce …", "said it
        # planned to …") or when a state or its government plans it ("the government wants
        # to cut …", "ministers intend to …"), not a company's narrated business plan ("Air
        # China plans to raise $1bn"), and never a speaker's report of someone else's plan
        return out
    if noun_cue is not None:
        if prep is not None:
            targets = verb_targets(art, verb, prep)
        else:
            clause = next((c for c in noun_cue.children if c.dep_ in ("acl", "ccomp", "relcl")), None)
            targets = clause_targets(art, clause) if clause is not None else []
        if holder is not None:
            targets = [t for t in targets if not own_prospect(noun_cue, t, holder)]
    elif clause is not None:
        # "called for the tax to be scrapped": through the clause's own stance when it has one
        targets = action_targets(art, clause) if verb_cue(art, clause) is not None else []
        if not targets:
            label = art.labeller.clause_label(clause)
            targets = [Target(label, clause)] if label else []
    else:
        targets = verb_targets(art, verb, prep)
        if prep is not None and verb.lemma_.lower() in OUTCOME_WISH_VERBS:
            # "hoping for awards", "hoped for a recovery": an outcome wished for, no position
            # unless it names an issue ("hoping for a wider freeze from creditors")
            targets = [t for t in targets if issue_like(t.head)]
        dobj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        if prep is None and dobj is not None and (art.actor_like(dobj) or _people_named_by_kind(dobj)):
            # "criticised the government over its case for war", "accused Labour of wasting
            # the surplus": what is judged is the issue, the actor only when nothing else is
            # (an issue object's preposition is its own: "introduce checks for migrants")
            targets = _grounds_targets(art, verb, targets) or targets
    if _curbing(verb):
        # "cracked down on protesters", "on the oligarchs": done to people, no position on them
        targets = [t for t in targets if _curbed_activity(art, t.head)]
    score = base * intensity(art, verb)
    pol = polarity * (attitude or 1) * _judged_act_sign(art, verb)
    if has_negation(art, verb):
        if any(universal(t.head) for t in targets):
            return []  # "did not oppose all the cuts": no side on the cuts
        pol, score = negate(pol, score, full=False)
    holders = [holder]
    subject = subject_of(verb, reporting=is_cue)
    named_subject = holder is not None and subject is not None and holder is art.holder_of(subject)
    if subject is not None and (quote is None or is_cue(verb) or named_subject):
        if holder is not None:
            # "Both the Cardinal and Dr Williams appealed for …": each joint subject holds it,
            # also when the verb is the cue of the quote it opens (the first subject speaks),
            # and in a quote when the subjects are named ("said Labour and the Tories backed …")
            holders += joint_holders(art, subject, holder)
        elif subject.lower_ not in PERSONAL_PRONOUNS and art.mention_of(subject) is None:
            # "Both the prime minister and Chancellor Gordon Brown have called for …": a first
            # conjunct that names nobody leaves the stance to the named ones
            holders = joint_holders(art, subject, None)
    holders += [m for m in joint_agents(art, verb, holder) if m not in holders]  # "backed by X and Y"
    for who in holders:
        for target in targets:
            out += signal(
                art, verb, pol * target.sign, score * target.strength, target.label, target.head, who,
                quote or art.quote_at(target.head.idx),
            )
    return out


def _people_named_by_kind(noun: Token) -> bool:
    """ "accused both the big parties of engaging in a bidding war", "accused the firms of
    conspiring", "criticised councils for cutting budgets": people or bodies named by what
    they are (`group_holder_nouns`, a party noun, a noun of people) rather than by name; a
    verb of judging them is about what it charges them with, as for a named actor."""
    return noun.lemma_.lower() in PARTY_NOUNS or people_noun(noun)


def _curbing(verb: Token) -> bool:
    """ "crack down on", "clamp down on" (`curbing_cues`): acting to curb, which opposes an
    activity but is a coercion of people."""
    return any(c.dep_ == "prt" and f"{verb.lemma_.lower()} {c.lower_}" in CURBING_CUES for c in verb.children)


def _curbed_activity(art: StanceArticle, head: Token) -> bool:
    """What a curbing cue opposes: an activity or a practice ("benefit fraud", "the
    compensation culture", "unfair trade practices"), not people or a body ("dissidents",
    "Yukos"); a plural that names no issue is taken for people ("the oligarchs", "asylum
    seekers"), for want of a list of every noun of people."""
    if is_person_head(head) or art.actor_like(head):
        return False
    return issue_like(head) or head.tag_ != "NNS"


def _purpose_of_act(art: StanceArticle, verb: Token) -> bool:
    """ "provided 13.5 million to support the Paralympics", "agreed a buy-back, to counter the
    effects of the feud": a cue in the to-infinitive of purpose of an act that is neither a
    stance nor speech names what the act is for, not a position anyone states. A purpose that
    is itself a statement or a call (events' `claiming_verbs`, `calling_verbs`: "used his
    speech to criticise the invasion", "met ministers to demand a rise") is made by the act."""
    act = verb.head
    if verb.dep_ != "advcl" or act.pos_ != "VERB" or act.lemma_ == "be":
        return False
    if verb.lemma_.lower() in STATEMENT_VERBS:
        return False
    if not has_to_marker(verb):
        return False
    return verb_cue(art, act) is None and not is_cue(act)


def _denied_attitude(art: StanceArticle, verb: Token) -> bool:
    """ "has no desire to offer more concessions", "no intention of backing the bill": a cue
    that is the act of an attitude or attempt noun denied by its determiner is read through that
    noun (`judgements.attitude_signals`: the speaker opposes the act); on its own the cue would
    state the very position the noun denies."""
    noun = verb.head
    if verb.dep_ == "pcomp" and noun.dep_ == "prep":
        noun = noun.head
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ATTITUDE_OR_ATTEMPT_NOUNS:
        return False
    action = frame_action(noun)
    denied = denied_by_determiner(noun, art.lex)
    return denied and action is not None and action.i == verb.i


# nouns whose prepositional gerund keeps its stance: an attitude, attempt, demand, aim, plan or deed
_STANCE_FRAME_NOUNS = ATTITUDE_NOUNS | ATTEMPT_NOUNS | DEMAND_NOUNS | GOAL_NOUNS | POLICY_NOUNS | DEED_NOUNS


def _property_of_noun(art: StanceArticle, verb: Token) -> bool:
    """ "the problem of guaranteeing the rights", "their effectiveness in protecting life": a
    subjectless gerund hung by a preposition on a noun that names no stance, attitude, aim,
    attempt, demand, plan, policy or judgement describes what that noun is about, not a position
    anyone takes ("the need to end", "support for scrapping", "plans for cutting" and a stance
    verb's object, "backed the idea of scrapping", keep theirs)."""
    prep = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or prep.dep_ != "prep":
        return False
    noun = prep.head
    if noun.pos_ != "NOUN" or any(c.dep_ in ("nsubj", "nsubjpass", "poss") for c in verb.children):
        return False
    lemma = noun.lemma_.lower()
    if lemma in _STANCE_FRAME_NOUNS:
        return False
    if noun.dep_ in ("dobj", "obj") and verb_cue(art, noun.head) is not None:
        return False  # "support the idea of scrapping the levy": the cue's object composes
    return stance_noun_cue(art, noun) is None and art.lex.evaluative_token(noun.lower_, lemma) is None


def _judged_act_sign(art: StanceArticle, verb: Token) -> int:
    """The sign a judgement of a noun gives the act the noun's to-infinitive names: "delighted
    by the decision to scrap the tax" opposes the tax, "disappointed with" or "criticised the
    decision to scrap it" backs it; +1 when the act's noun is judged by nothing."""
    noun = verb.head
    if verb.dep_ != "acl" or not has_to_marker(verb):
        return 1
    if noun.dep_ in ("dobj", "obj") and noun.head.pos_ == "VERB" and (cue := verb_cue(art, noun.head)):
        judge, sign = noun.head, cue[0]
    elif noun.dep_ == "pobj" and noun.head.dep_ in ("prep", "agent"):
        judge = noun.head.head
        sign = attitude_sign(judge) or 1
    else:
        return 1
    return -sign if has_negation(art, judge) else sign


def _plan_maker(art: StanceArticle, verb: Token, holder) -> bool:
    """Whether the holder is the one who plans: the verb's own subject, named (its mention is
    the holder) or a pronoun (the holder it was resolved to)."""
    maker = subject_of(verb, reporting=is_cue)
    if maker is None or holder is None:
        return False
    if maker.lower_ in PERSONAL_PRONOUNS:
        return True
    return art.mention_of(maker) is holder and not _reported_plan(art, verb, holder)


def _reported_plan(art: StanceArticle, verb: Token, holder) -> bool:
    """Whether a named maker's plan is told by someone else ("Mr Brown warned that the Tories
    were planning the biggest cuts"): in a quote whose speaker is another, it is the speaker's
    claim about the maker, which the maker may not own, so nobody's stance."""
    quote = art.quote_at(verb.idx)
    speaker = art.speaker(quote)
    return speaker is not None and speaker.name != holder.name


def _state_planner(art: StanceArticle, verb: Token, holder) -> bool:
    """Whether a narrated plan's maker is a state's government: a body noun ("the
    government", "the administration", `body_nouns`) or ministers (`governing_titles`, a
    pronoun for a person holding office), whose plans are policy; a company's are business.

    Tried and left out (make eval): a country's or a party's name as maker ("Britain plans to
    …", "the Conservatives plan to cut council tax") found no dev stance and one unmatched
    held-out one; a party alone changed nothing, and narrated party plans are rare (one
    sentence in the 2,093 non-gold corpus files)."""
    maker = subject_of(verb, reporting=is_cue)
    if maker is None or holder is None:
        return False
    lemma = maker.lemma_.lower()
    if lemma in BODY_NOUNS or lemma in GOVERNING_TITLES:
        return True
    return maker.lower_ in PERSONAL_PRONOUNS and _holds_office(art, holder)


def _holds_office(art: StanceArticle, holder) -> bool:
    """Whether a pronoun's person is named with a governing title or office ("Chancellor
    Gordon Brown said … He plans to axe 104,000 jobs"): a minister's narrated plan is policy."""
    seen: set[str] = set()
    mention = holder
    while mention is not None and mention.mention_id not in seen:
        seen.add(mention.mention_id)
        if mention.entity_type == "PERSON" and mention.role:
            return any(word in GOVERNING_TITLES or word in OFFICE_WORDS for word in mention.role.lower().split())
        mention = art.by_id.get(mention.antecedent) if mention.antecedent else None
    return False


def proposal_signals(art: StanceArticle, verb: Token) -> list[Signal]:
    """ "the quota system planned by the Tories": the agent backs the noun; "the Conservatives
    unveiled plans to cut council tax": the subject backs the plan it puts forward."""
    out: list[Signal] = []
    phrasal = _phrasal_proposal(verb)
    if (verb.lemma_.lower() not in PROPOSAL_VERBS and phrasal is None) or has_negation(art, verb):
        return out
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or phrasal is not None:
        return _put_forward(art, verb, phrasal)
    agent = agent_of(verb)
    if agent is None or agent.pos_ == "PRON" or is_quantity(verb.head):
        return out  # "the £7.4m announced by the chancellor": an amount, not a policy
    holder = art.mention_of(agent)
    if holder is None:
        return out
    content = art.labeller.plan_content(verb.head)  # "… under plans unveiled by the Conservatives"
    targets = [Target(content, verb.head)] if content else noun_targets(art, verb.head)
    return target_signals(art, verb, 1, OUTSIDE_QUOTE_MIN_SCORE, targets, holder, art.quote_at(verb.idx))


def _phrasal_proposal(verb: Token) -> Token | None:
    """The object of a phrasal verb of proposing (`proposal_phrasal_verbs`): "come up with
    proposals", "put forward plans", "drew up plans"; None for any other verb."""
    if verb.lemma_.lower() not in PROPOSAL_PHRASAL_HEADS or verb.pos_ != "VERB":
        return None
    particles = [c for c in verb.children if c.dep_ in ("prt", "advmod") and c.pos_ in ("ADP", "ADV", "PART")]
    for phrase in PROPOSAL_PHRASAL_VERBS:
        head, particle, *prep = phrase.split()
        if head != verb.lemma_.lower() or not any(p.lower_ == particle for p in particles):
            continue
        if prep:
            preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == prep[0]]
            return next((g for c in preps for g in c.children if g.dep_ == "pobj"), None)
        return next((c for c in verb.children if c.dep_ == "dobj"), None)
    return None


def _put_forward(art: StanceArticle, verb: Token, phrasal: Token | None = None) -> list[Signal]:
    """ "X unveiled/announced/outlined plans to …": an active proposal verb whose object is a
    policy noun (`policy_nouns`: plan, proposal, scheme, bill, …) gives its subject's position
    for the policy. Verbs that are stance cues themselves ("propose", "back") are read by
    `verb_signals`."""
    if verb.pos_ != "VERB" or hypothetical(verb) or verb_cue(art, verb) is not None:
        return []
    start, end = art.labeller.headline
    if start <= verb.i < end:
        return []  # "Clarke plans migrant point scheme": the report below says it in full
    if is_passive(verb):
        return _put_forward_by(art, verb)
    obj = phrasal or next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in POLICY_NOUNS or is_quantity(obj):
        return []
    holder, quote = holder_for(art, verb, False)
    if holder is None:
        return []
    subject = subject_of(verb, reporting=is_cue)
    holders = [holder] + (joint_holders(art, subject, holder) if subject is not None else [])
    out: list[Signal] = []
    for who in holders:
        targets = noun_targets(art, obj)
        out += target_signals(art, verb, 1, OUTSIDE_QUOTE_MIN_SCORE, targets, who, quote or art.quote_at(verb.idx))
    return out


def _put_forward_by(art: StanceArticle, verb: Token) -> list[Signal]:
    """ "Plans to abolish 162 quangos have been unveiled by the Conservatives": the passive of
    putting forward, its subject a policy noun (`policy_nouns`), gives the agent's position
    for the policy, as the active does its subject's."""
    plan = passive_subject(verb)
    agent = agent_of(verb)
    if plan is None or agent is None or agent.pos_ == "PRON" or plan.lemma_.lower() not in POLICY_NOUNS:
        return []
    if is_quantity(plan):
        return []
    holder = art.mention_of(agent)
    if holder is None:
        return []
    quote = art.quote_at(verb.idx)
    return target_signals(art, verb, 1, OUTSIDE_QUOTE_MIN_SCORE, noun_targets(art, plan), holder, quote)


def inclusion_signals(art: StanceArticle, verb: Token) -> list[Signal]:
    """ "Other Tory plans include building more prisons and making criminals serve full
    sentences", "Solutions suggested by conservationists include reducing air travel": what a
    side's plans or proposals (`policy_nouns`, `programme_nouns`) are said to include
    (`inclusion_verbs`) is each the side's position; the owner is the noun's possessor, a name
    before it, or the agent of the participle that puts it forward."""
    if verb.lemma_.lower() not in INCLUSION_VERBS or has_negation(art, verb) or hypothetical(verb):
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return []
    # "law and order plans": the parser may make the first word of a compound the head
    plan = next((n for n in [subject, *subject.conjuncts] if _programme_noun(n)), None)
    item = next((c for c in verb.children if c.dep_ in ("dobj", "xcomp") and c.i > verb.i), None)
    if plan is None or item is None:
        return []
    quote = art.quote_at(verb.idx)
    holder = _programme_owner(art, subject, plan, quote)
    if holder is None:
        return []
    targets: list[Target] = []
    for listed in [item, *item.conjuncts]:
        verbal = listed.pos_ == "VERB" or listed.tag_ == "VBG"
        targets += (_caused_act(art, listed) or action_targets(art, listed)) if verbal else noun_targets(art, listed)
    return target_signals(art, verb, 1, OUTSIDE_QUOTE_MIN_SCORE, targets, holder, quote)


def owned_plan_signals(art: StanceArticle, verb: Token) -> list[Signal]:
    """ "the Lib Dems' plans to scrap tuition fees", "Tory proposals to cap the number of
    asylum seekers", "the Tories' offer to extend the existing powers": the act a side's
    plan, proposal, pledge or offer (`policy_nouns`, `programme_nouns`) names in its
    to-infinitive is the side's position, whoever the sentence says judges the plan; the
    owner is found as for what plans include (`_programme_owner`). A plan with no owner
    ("plans to merge the two bodies") is nobody's position here."""
    noun = verb.head
    if not has_to_marker(verb) or hypothetical(verb):
        return []
    dep = verb.dep_
    if dep == "advcl" and noun.dep_ == "acl" and noun.tag_ == "VBN" and _programme_noun(noun.head):
        # "the government's commitment made in March of this year to fund extra carriages":
        # the parser hangs the pledge's infinitive on the participle of its making
        dep, noun = "acl", noun.head
    quote = art.quote_at(verb.idx)
    if dep == "acl" and _programme_noun(noun):
        holder = _programme_owner(art, noun, noun, quote)
    elif dep == "xcomp" and noun.i > 0 and _misparsed_owner(noun):
        holder = _owner_mention(art, noun.doc[noun.i - 1])  # "attacked Tory plans to …": "plans" tagged a verb
    else:
        return []
    if holder is None:
        return []
    polarity = -1 if has_negation(art, verb) else 1  # "Mr Brown's pledge not to increase income tax"
    # "Lib Dem plans to scrap university fees and reintroduce maintenance grants": each act
    targets = [t for act in [verb, *shared_infinitives(verb)] for t in action_targets(art, act)]
    return target_signals(art, verb, polarity, OUTSIDE_QUOTE_MIN_SCORE, targets, holder, quote)


def _misparsed_owner(plan: Token) -> bool:
    """ "Labour attacked Tory plans to cut spending": the name before a plan noun tagged a verb
    is the object of another verb (`misparsed_plan`); "Air China plans to raise $1bn" is a
    subject and its verb, a narrated plan (`plan_verbs`)."""
    owner = plan.doc[plan.i - 1]
    return owner.dep_ == "dobj" and misparsed_plan(owner) == plan


def _caused_act(art: StanceArticle, verb: Token) -> list[Target]:
    """ "making criminals serve full jail sentences": a causative's act, labelled with who is
    to do it ("criminals serving full jail sentences")."""
    if verb.lemma_.lower() not in ACT_CAUSING_VERBS:
        return []
    act = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB"), None)
    subject = next((c for c in act.children if c.dep_ == "nsubj"), None) if act is not None else None
    if subject is None:
        return []
    return with_subject(art, subject, act, action_targets(art, act))


FIRST_PERSON_POSSESSIVES = frozenset({"my", "our"})
# participles that put a plan forward ("solutions suggested by conservationists")
_PUTTING_FORWARD_VERBS = PROPOSAL_VERBS | {"suggest"}


def _programme_noun(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (lemma in POLICY_NOUNS or lemma in PROGRAMME_NOUNS)


def _programme_owner(art: StanceArticle, subject: Token, plan: Token, quote):
    """Whose plans: "Labour's plans", "our plans" (the speaker), "Tory plans", "solutions
    suggested by conservationists"; a place named before the noun ("British plans") is no
    owner, as for stance nouns."""
    for noun in dict.fromkeys((subject, plan)):  # subject first, each once: a set has no fixed order
        for child in noun.children:
            if child.dep_ == "poss":
                if child.lower_ in FIRST_PERSON_POSSESSIVES:
                    return art.speaker(quote) if quote is not None else None
                return _owner_mention(art, child)
            if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in _PUTTING_FORWARD_VERBS:
                agent = agent_of(child)
                if agent is not None and agent.pos_ != "PRON":
                    return _owner_mention(art, agent)
    for child in subject.subtree:
        if child.i >= plan.i:
            break
        named = child.dep_ in ("compound", "amod", "nmod") and (child.pos_ in ("PROPN", "ADJ") or _named(art, child))
        if named and (found := _owner_mention(art, child)) is not None:
            return found
    return None


def _named(art: StanceArticle, token: Token) -> bool:
    """ "Tory proposals to cap …": a party's short name the tagger took for a common noun
    ("Tory" NN) still owns the plan when the mentions read it as the body's name; a common
    noun they cover otherwise ("government plans") is left out."""
    mention = art.index.at(token)
    return mention is not None and mention.kind == "name"


def _owner_mention(art: StanceArticle, token: Token):
    mention = art.mention_of(token)
    return mention if mention is not None and mention.entity_type != "LOCATION" else None


def existential_signals(art: StanceArticle, be: Token) -> list[Signal]:
    """ "there should be no attempts to impose …" / "there must be talks" / "there needs to be
    another inquiry" (in quotes; `existential_deontic_verbs`: "need to", "have to" as modals)."""
    out: list[Signal] = []
    if be.lemma_ != "be" or hypothetical(be):
        return out
    semimodal = _existential_semimodal(be)
    if semimodal is None and not any(c.dep_ == "expl" for c in be.children):
        return out
    modal = semimodal or next((c for c in be.children if c.dep_ == "aux" and c.lower_ in DEONTIC_MODALS), None)
    attr = next((c for c in be.children if c.dep_ in ("attr", "nsubj") and c.pos_ in ("NOUN", "PROPN")), None)
    if modal is None or attr is None:
        return out
    quote = art.quote_at(be.idx)
    holder = art.speaker(quote)
    if holder is None:
        return out
    negated = (
        denied_by_determiner(attr, art.lex)
        or has_negation(art, be)
        or (semimodal is not None and has_negation(art, semimodal))
    )
    phrase = f"there {modal.lower_} be no" if negated else f"there {modal.lower_} be"
    found = art.lex.cue(phrase) if semimodal is None else None
    if found is not None:
        polarity, score = SIGN[found[0]], found[1]  # the phrase already carries its negation
    else:
        polarity, score = (-1 if negated else 1), DEONTIC_SCORE
    return target_signals(art, be, polarity, score, noun_targets(art, attr), holder, quote)


def _existential_semimodal(be: Token) -> Token | None:
    """The "need"/"has" of "there needs to be …", "there has to be …": the verb whose
    to-infinitive "be" is, with the expletive "there" as its subject."""
    head = be.head
    if be.dep_ != "xcomp" or head.lemma_.lower() not in EXISTENTIAL_DEONTIC_VERBS:
        return None
    # (the parser may hang "There" on the "does" of "There does need to be …")
    subjects = [c for c in head.children if c.dep_ == "expl"]
    subjects += [g for c in head.children if c.dep_ == "aux" for g in c.children if g.dep_ == "expl"]
    return head if subjects else None


def willing_signals(art: StanceArticle, verb: Token) -> list[Signal]:
    """ "I'm determined to lower taxes", "reluctant to raise fees": a willing or unwilling
    adjective takes a side on an action that has no stance verb of its own."""
    out: list[Signal] = []
    if verb.pos_ != "VERB":
        return out
    attitude = governing_adjective(verb)  # asked first: most verbs depend on no adjective
    if not attitude or hypothetical(verb) or verb_cue(art, verb) is not None:
        return out
    if verb.lemma_.lower() in LIGHT_VERBS or is_cue(verb):
        return out  # "keen to stress …": what is stressed carries the stance
    found = art.labeller.action_label(verb)
    if found is None:
        return out
    holder, quote = holder_for(art, verb, False)
    polarity = -attitude if has_negation(art, verb) else attitude
    label, head = found
    return signal(art, verb, polarity, DEONTIC_SCORE, label, head, holder, quote)



def _grounds_targets(art: StanceArticle, verb: Token, actors: list[Target]) -> list[Target]:
    """What a verb of judging someone judges them for: the object of its grounds preposition
    ("over its case for war", "of aggression") or the act charged ("for cutting stamp duty");
    an act with no issue label of its own is named with the actor who does it ("accused the
    Tories of launching Thatcherism in instalments" -> "Tories launching Thatcherism in
    instalments"), or alone when the actor has none ("the party")."""
    out: list[Target] = []
    # the parser may hang the act charged on the object ("accused the parties of engaging
    # in …"); only an act there, as "the leader of the party" names whose leader
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    for host, child in [(verb, c) for c in verb.children] + [(o, c) for o in objects for c in o.children]:
        if child.dep_ == "prep" and child.lower_ in GROUNDS_PREPOSITIONS and child.i > verb.i:
            if _set_off_affiliation(verb, child):
                continue
            pobj = next((g for g in child.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)
            if pobj is not None and pobj.ent_type_ in TIME_ENTITIES:
                pobj = None  # "condemned Azerbaijan on Tuesday": when, not what for
            if pobj is not None and host is verb:
                out += [_actors_own(t, pobj, actors) for t in noun_targets(art, pobj)]
            state = next((g for g in child.children if g.dep_ == "pcomp"), None)
            label = art.labeller.state_label(state) if state is not None and child.lower_ in ("of", "for") else None
            judged = [a for a in actors if art.actor_like(a.head) or _people_named_by_kind(a.head)] if label else []
            if judged:
                # "accused Tony Blair of being terrified of scrutiny", "accused Rwanda of being
                # predatory": the state judged, named with whoever is in it (not a thing the
                # parser listed beside them: "accused Anonymous of being behind the shooting,
                # and several other alleged terrorist plots")
                out += [Target(f"{a.label} {label}", a.head) for a in judged]
                continue
            pcomp = next((g for g in child.children if g.dep_ == "pcomp" and g.pos_ == "VERB"), None)
            if pcomp is not None and child.lower_ in ("of", "for"):
                charged = _charge_targets(art, pcomp)
                act = art.labeller.gerund_label(pcomp) if not charged else None
                if act and not actors:
                    # "accused the party of signing up to a deal with the Tories": an actor with
                    # no label of its own ("the party") leaves the act as the issue
                    out.append(Target(act, pcomp))
                    continue
                out += charged or ([Target(f"{a.label} {act}", a.head) for a in actors] if act else [])
    return out


def _set_off_affiliation(verb: Token, prep: Token) -> bool:
    """ "accused Oliver Finegold, of the Evening Standard newspaper, of doorstepping him": an "of"
    phrase set off by commas right after the object, with the verb's own "of" after it, says
    where the object comes from, not what it is charged with."""
    doc = verb.doc
    if prep.lower_ != "of" or prep.i == 0 or doc[prep.i - 1].text != ",":
        return False
    after = prep.right_edge.i + 1
    if after >= len(doc) or doc[after].text != ",":
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" and c.i > after for c in verb.children)


# a possessive pronoun and whether the one it stands for is plural (None: either)
OWNER_NUMBER = {"their": True, "its": None, "his": False, "her": False}


def _actors_own(target: Target, grounds: Token, actors: list[Target]) -> Target:
    """ "praised teachers for their hard work", "criticised Labour for its record on crime":
    grounds that the judged actor owns (a possessive pronoun that agrees with the verb's
    object) name what is judged only with their owner: "teachers' hard work", "Labour's
    record on crime"; alone ("hard work") they name no issue. An act the grounds lead to
    ("over their plans to cut services" -> "cutting services") is the issue by itself."""
    owner = next((c for c in grounds.children if c.dep_ == "poss" and c.lower_ in OWNER_NUMBER), None)
    if owner is None or target.head != grounds or grounds.text not in target.label.split() or len(actors) != 1:
        return target
    plural = OWNER_NUMBER[owner.lower_]
    actor = actors[0]
    if plural is not None and (actor.head.tag_ in ("NNS", "NNPS")) != plural:
        return target  # "praised teachers for his reforms": another's
    # the label is the grounds' own phrase, not what they are about ("its case for war" -> "war")
    name = f"{actor.label}'" if actor.label.endswith("s") else f"{actor.label}'s"
    return Target(f"{name} {target.label}", target.head, target.sign, target.strength)


def _charge_targets(art: StanceArticle, charge: Token) -> list[Target]:
    """What an accusation is about: "accused the government of lying over the Iraq war" ->
    the Iraq war; "accused Labour of wasting the surplus" -> the wasted surplus."""
    for child in charge.children:
        if child.dep_ == "prep" and child.lower_ in ("over", "about", "on"):
            pobj = next((g for g in child.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)
            if pobj is not None:
                return noun_targets(art, pobj)
    found = art.labeller.action_label(charge)
    return [Target(found[0], found[1])] if found else []


def copular_signals(art: StanceArticle, be: Token) -> list[Signal]:
    """ "The Tories are against the bill": a copula whose complement is a stance preposition
    ("against"); its subject holds the stance (the speaker for "I"/"we" in a quote)."""
    if be.lemma_ != "be" or hypothetical(be) or any(c.dep_ in ("attr", "acomp", "expl") for c in be.children):
        return []
    subject = next((c for c in be.children if c.dep_ == "nsubj"), None)
    if subject is not None and not _may_hold(art, subject):
        return []  # "that's against the law": a thing against a rule breaks it, it takes no side
    out: list[Signal] = []
    for prep in be.children:
        if prep.dep_ != "prep" or prep.pos_ != "ADP" or prep.lower_ not in COPULAR_PREPOSITIONS:
            continue  # "it's like an old boys club": a comparison, not a side
        found = art.lex.cue(prep.lower_)
        if found is None or found[1] < MIN_CUE_SCORE:
            continue
        holder, quote = holder_for(art, be, False)
        if holder is None:
            return []
        pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is None:
            continue
        targets = action_targets(art, pobj) if pobj.pos_ == "VERB" else noun_targets(art, pobj)
        polarity, score = SIGN[found[0]], found[1]
        negated = has_negation(art, be)
        if negated and universal(pobj):
            continue  # "it is not against all immigration": no side on immigration
        if negated:
            polarity, score = negate(polarity, score, full=False)
        out += target_signals(art, be, polarity, score, targets, holder, quote)
    return out


def _may_hold(art: StanceArticle, subject: Token) -> bool:
    """Whether a copula's subject can take a side: a personal pronoun (a body's "it" too), a
    mention (groups included), a body noun, a party noun ("his party was against …", whose
    holder `holder_for` finds as for any verb); not a thing ("that", "this", "the plan")."""
    if subject.pos_ in ("PRON", "DET"):
        return subject.lower_ in PERSONAL_PRONOUNS
    lemma = subject.lemma_.lower()
    return art.index.at(subject) is not None or lemma in BODY_NOUNS or lemma in PARTY_NOUNS
