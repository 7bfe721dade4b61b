"""Filters against false events; each a rule about English, not about any article.

Dropped: a verbal act with no named speaker ("was criticised by some"); fighting between
named people alone (a quarrel); a consultation verb with a
single party ("Blair talked about the manifesto"); a
promise or agreement with a single party (a policy pledge is a stance, not an AGREE
event); "agree/insist" with only a finite clause ("agreed the act was discriminatory":
an opinion); "agree with X" alone (sharing a view); violent verbs with figurative
objects ("fight the seat", "strike a balance"); participles used as adjectives
("union-backed"); "news/press conference"; trigger nouns inside a name ("Mutually
Assured Destruction"); "host" with no guest named; a directed noun event whose only
actor is the country it took place in ("the Iraq war": a topic label); "warn" that
states no consequence; and headline events that no body sentence confirms with an actor
in the same role (headlines parse badly).

Merged: two coordinated verbs of one type sharing subject and object ("shot and killed
seven students") are one act, one event.

Retyped: a declared refusal ("will not accept", "would not back") is REJECT; "attack" on
words, plans or a named politician, or "over/as/for" something, is ACCUSE (disapprove); a
warning with "unless/if" is THREATEN, "warned X against ..." is ACCUSE disapprove; threats
of strikes or walkouts are mode restrict; violence done by protesters alone is PROTEST riot.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.donations import names_recipient, names_relief
from pipeline.nlp.events.draft import (
    ASSERTED,
    NEGATED,
    SYMMETRIC_TYPES,
    Draft,
    EventContext,
    actor_at,
    actor_key,
    body_named_with,
    governs,
    is_actor,
    lemma_in,
    pobjs,
    received_nouns,
    unique,
)
from pipeline.nlp.events.phrases import np_actors
from pipeline.nlp.events.senses import load_senses
from pipeline.nlp.events.subjects import subject_actors
from pipeline.nlp.events.vocabulary import (
    ADVISORY_BODY_WORDS,
    BACKING_VERBS,
    BALLOT_VERBS,
    CHAMBER_WORDS,
    DARING_VERBS,
    DISCOURSE_NOUNS,
    FIGURATIVE_OBJECTS,
    FUTURE_MODALS,
    MEMBERSHIP_NOUNS,
    OTHER_UNIONS,
    PARTY_WORDS,
    PROTESTER_NOUNS,
    QUARREL_WORDS,
    REPORTING_VERBS,
    SIGNING_VERBS,
    STRIKE_WORDS,
    UNION_WORDS,
    WARNING_VERBS,
)
from pipeline.nlp.lexicons import Trigger
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import (
    CONDITION_MARKS,
    DEMAND_MODALS,
    MentionIndex,
    has_to_marker,
    is_passive,
    nominal_subjects,
)

STATEMENT_TYPES = frozenset({"AGREE", "REQUEST"})
STATING_REQUEST_VERBS = frozenset({"insist on", "plead", "press"})  # "pleaded that he knew nothing"
AGREEING_VERBS = frozenset({"agree", "sign", "reach", "broker", "seal", "strike", "conclude", "negotiate", "mediate"})
CAMEO_OF = {"ACCUSE": "11", "THREATEN": "13"}
ACCEPTING_TYPES = frozenset({"AGREE", "SUPPORT"})
# A declared "will not" of yielding or meeting refuses it (PLOVER REJECT yield / meet);
# "will not resign" refuses no one.
YIELDING_TYPES = {"CONCEDE": "yield", "RETREAT": "yield", "CONSULT": "meet"}
KEPT_MODES = frozenset({"resign"})
SPEAKING_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i"})


def _demanded(clause: Token) -> bool:
    """ "that they should prepare for ...", "that it must back down": a clause that says
    what someone must do (not "that the war could be illegal", a forecast or advice)."""
    return any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in clause.children)


def warning(verb: Token, trigger: Trigger, index: MentionIndex) -> tuple[str, str | None] | None:
    """Type and mode of a threat; None for a warning that threatens nothing.

    "warned X against doing Y" criticises X (ACCUSE disapprove); "warned that there could
    be walkouts unless ..." states a consequence (THREATEN), and so does a warning told to
    an actor (its object) of what must be done ("warned ministers that they should prepare
    for a rewriting of the Bill"); a bare "warned that ..." is a statement, and so is advice
    told to someone ("warned Tony Blair that the war could be illegal"). Threats of labour
    action are mode restrict; a ballot threatens only when it is on labour action
    ("balloted its members on strikes")."""
    if trigger.event_type != "THREATEN":
        return trigger.event_type, trigger.mode
    content = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "advcl", "dobj", "prep")]
    words = [t for c in content for t in c.subtree]
    mode = trigger.mode
    labour = any(t.lower_ in STRIKE_WORDS or t.lemma_.lower() in STRIKE_WORDS for t in words)
    if lemma_in(verb, BALLOT_VERBS):
        return (trigger.event_type, "restrict") if labour else None  # a strike ballot threatens
    if mode is None and labour:
        mode = "restrict"
    if not lemma_in(verb, WARNING_VERBS):
        return trigger.event_type, mode
    against = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "against"]
    against += [
        p for c in verb.children if c.dep_ == "dobj" for p in c.children if p.dep_ == "prep" and p.lower_ == "against"
    ]
    if against:
        return "ACCUSE", "disapprove"
    if any(t.dep_ == "mark" and t.lower_ in CONDITION_MARKS for t in words):
        return "THREATEN", mode
    if any(c.dep_ == "ccomp" and _demanded(c) for c in verb.children) and any(
        c.dep_ in ("dobj", "dative") and np_actors(c, index) for c in verb.children
    ):
        return "THREATEN", mode
    return None


def reports_a_statement(verb: Token, trigger: Trigger, words: list[Token]) -> bool:
    """An agree/insist verb whose only complement is a finite clause states an opinion."""
    if trigger.event_type not in STATEMENT_TYPES:
        return False
    if trigger.event_type == "REQUEST" and trigger.lemma not in STATING_REQUEST_VERBS:
        return False  # "demanded that Zimbabwe free the MP": the clause is what is demanded
    deps = {c.dep_ for c in verb.children}
    if trigger.event_type == "AGREE" and verb.tag_ == "VBN" and "nsubjpass" in deps and "agent" not in deps:
        return True  # "X is pledged / committed to ...": a state, not an act
    if trigger.event_type == "AGREE" and trigger.lemma in ("agree", "agree with"):
        preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
        if preps and preps <= {"with", "in", "about"} and not deps & {"ccomp", "xcomp", "dobj"}:
            return True  # "I agree with Mr Forsyth": sharing a view, not an agreement
    if len(words) > 1:
        return False
    if trigger.event_type == "AGREE" and not deps & {"dobj", "xcomp", "ccomp", "prep", "dative", "advcl"}:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subjects) == 1 and not any(c.dep_ == "conj" for c in subjects[0].children):
            return True  # "Mr Telford agreed": assent to an opinion; a deal needs two sides
    if any(c.dep_ in ("dobj", "xcomp", "dative") for c in verb.children):
        return False
    for child in verb.children:
        if child.dep_ != "ccomp":
            continue
        auxes = [a.lower_ for a in child.children if a.dep_ in ("aux", "auxpass")]
        if any(a in DEMAND_MODALS for a in auxes):
            return False  # "demanded that he should resign"
        if child.tag_ in ("VBD", "VBZ", "VBP") or auxes or child.pos_ == "AUX":
            return True
    return False


def figurative(verb: Token, trigger: Trigger, index: MentionIndex) -> bool:
    if trigger.event_type != "ASSAULT":
        return False
    own_words = trigger.lemma.split()[1:]  # "open fire": the object is part of the trigger
    for child in verb.children:
        if child.dep_ == "dobj" and child.lower_ in own_words:
            continue
        if child.dep_ == "dobj" and (child.lemma_.lower() in FIGURATIVE_OBJECTS or child.lower_ in FIGURATIVE_OBJECTS):
            return actor_at(index, child) is None
        if child.dep_ == "prep" and child.lower_ == "on" and child.i == verb.i + 1 and not pobjs(child):
            return True  # "fight on", "battle on"
    return False


def said_while(token: Token) -> bool:
    """ "attacked British imperialists, saying they ...": an act made by saying something (a
    participle of saying hung on it); stances read such an attack as criticism too."""
    return any(c.dep_ == "advcl" and c.tag_ == "VBG" and lemma_in(c, REPORTING_VERBS) for c in token.children)


def verbal_attack(draft: Draft) -> None:
    """ "Howard attacks Blair over Iraq", "attacked Labour's pledges as vacuous": criticism.

    An assault needs bodies; an "attack" on words, plans or a named politician by a named
    person, one made "over"/"as"/"for" something, or one made by saying something
    ("attacked X, saying ..."), is verbal: ACCUSE (disapprove).
    """
    if draft.event_type != "ASSAULT" or draft.token.lemma_.lower() not in ("attack", "assault", "savage", "hit"):
        return
    token = draft.token
    objects = [c for c in token.children if c.dep_ in ("dobj",)]
    objects += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "on" for p in pobjs(c)]
    verbal = any(o.lemma_.lower() in DISCOURSE_NOUNS or o.lower_ in DISCOURSE_NOUNS for o in objects)
    verbal = verbal or any(c.dep_ == "prep" and c.lower_ in ("over", "as", "for") for c in token.children)
    verbal = verbal or any(
        c.dep_ == "advmod" and c.lower_ in ("politically", "verbally", "publicly") for c in token.children
    )
    verbal = verbal or any(any(q.is_quote for q in o.subtree) for o in objects)
    verbal = verbal or said_while(token)
    people = [m for m in draft.sources if m.entity_type in ("PERSON", "ORGANIZATION") and m.kind != "demonym"]
    victims = [m for m in draft.targets if m.entity_type in ("PERSON", "ORGANIZATION")]
    verbal = verbal or bool(people and victims)
    # "his attack on Labour": a party has no body to assault, only a record and a name (an
    # attack on "the Labour Party headquarters" is on a building)
    parties = [m for m in draft.targets if _is_party(m)]
    verbal = verbal or any(m.char_start <= o.idx < m.char_end for o in objects for m in parties)
    # "the government's plans came under attack from Labour": an attack that plans, words or
    # a record undergo (a receiving frame's subject) is criticism of their owner
    verbal = verbal or any(
        token in received_nouns(verb) and any(s.lemma_.lower() in DISCOURSE_NOUNS for s in nominal_subjects(verb))
        for verb in draft.realisers
    )
    if verbal:
        draft.event_type, draft.mode, draft.cameo_root = "ACCUSE", "disapprove", "11"


def declared_refusal(draft: Draft, index: MentionIndex | None = None) -> None:
    """ "it will not accept an unfair burden", "Labour won't back the plan": a declared
    refusal to accept or back something is a REJECT made when it is said (PLOVER), while a
    past "did not agree" reports no act and stays negated. So is a declared refusal to yield
    or to meet ("the union said it would not back down", "we will not give in", "Russia said
    it would not withdraw its troops": REJECT yield; "will not meet": REJECT meet). A
    pronoun subject ("it", "we") of a clause reported by a named speaker is that speaker."""
    token = draft.token
    accepting = draft.event_type in ACCEPTING_TYPES
    if token.pos_ != "VERB" and not accepting and draft.realisers:
        token = draft.realisers[0]  # "would not hold talks": the light verb is refused
    if draft.modality != NEGATED or token.pos_ != "VERB":
        return
    if not accepting and (draft.event_type not in YIELDING_TYPES or draft.mode in KEPT_MODES):
        return
    children = list(token.children)
    if not any(c.dep_ == "neg" for c in children):
        return
    if not any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in FUTURE_MODALS for c in children):
        return
    if any(c.dep_ == "mark" for c in children):
        return  # "if it will not accept": a condition, not a refusal
    if not draft.sources and index is not None and not accepting:
        draft.sources = _reporter(token, index) or _own_subject(token, index, draft)
    if not draft.sources:
        return
    keys = {actor_key(m) for m in draft.sources}
    if draft.event_type == "CONSULT" and not any(actor_key(m) not in keys for m in draft.participants + draft.targets):
        return  # "he will not talk about the breakthrough": no one is refused a meeting
    if draft.participants:
        # "Iran will not hold talks with the US": the one refusing is the source, the
        # other side the target, no longer both parties to a meeting
        draft.targets = unique(draft.targets + [m for m in draft.participants if actor_key(m) not in keys])
        draft.participants = []
    mode = None if accepting else YIELDING_TYPES[draft.event_type]
    draft.event_type, draft.mode, draft.cameo_root, draft.modality = "REJECT", mode, "12", ASSERTED


def _own_subject(token: Token, index: MentionIndex, draft: Draft) -> list[Mention]:
    """The refusing verb's own subject, when the draft filed it as a party to a meeting."""
    keys = {actor_key(m) for m in draft.participants}
    return [m for m in subject_actors(token, index) if actor_key(m) in keys]


def _reporter(token: Token, index: MentionIndex) -> list[Mention]:
    """ "Russia said it would not withdraw": the named speaker a pronoun subject of a
    reported clause stands for (the subject of the verb of saying the clause hangs from)."""
    subjects = nominal_subjects(token)
    if not subjects or subjects[0].lower_ not in SPEAKING_PRONOUNS or token.dep_ not in ("ccomp", "parataxis"):
        return []
    if not lemma_in(token.head, REPORTING_VERBS):
        return []
    return [m for m in subject_actors(token.head, index) if is_actor(m) and m.kind != "pronoun"]


def left_body(draft: Draft, index: MentionIndex) -> None:
    """ "Chile withdrew from the Andean Community", "North Korea pulled out of the talks":
    leaving an organisation, a pact or talks (a named organisation, or a noun of events.yaml
    membership_nouns) ends a relation, PLOVER's SANCTION withdraw (CAMEO 16), with the body
    left as the target; withdrawing forces ("withdrew its troops from Lebanon") or leaving a
    place stays RETREAT withdraw."""
    verb = draft.token
    if draft.event_type != "RETREAT" or draft.mode != "withdraw" or verb.pos_ != "VERB":
        return
    if any(c.dep_ == "dobj" for c in verb.children):
        return  # "withdrew its troops from ...": forces moved
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "of", "out")]
    preps += [g for p in preps if p.lower_ == "out" for g in p.children if g.dep_ == "prep" and g.lower_ == "of"]
    preps += [g for c in verb.children if c.dep_ == "prt" for g in c.children if g.dep_ == "prep" and g.lower_ == "of"]
    left = [n for p in preps if p.lower_ != "out" for n in pobjs(p)]
    bodies = [m for n in left for m in index.all_at(n) if m.entity_type == "ORGANIZATION"]
    if not bodies and not any(lemma_in(n, MEMBERSHIP_NOUNS) or n.lower_ in MEMBERSHIP_NOUNS for n in left):
        return
    draft.event_type, draft.mode, draft.cameo_root = "SANCTION", "withdraw", "16"
    draft.targets = unique(draft.targets + bodies)


def balloted_members(draft: Draft, index: MentionIndex) -> None:
    """ "Unison members are being balloted on strike action", "Unison's workers are among those
    being balloted about a walkout": the union that ballots is the one whose members the
    passive names (a strike ballot is a THREATEN restrict by the union, eval/GUIDE.md), so
    the unions of the balloted side are the source, not the target. Only unions move: "Royal
    Mail workers are being balloted" names the employer, who stays the target. Only an
    agentless passive: "were balloted by the union" names its source."""
    verb = draft.token
    if draft.event_type != "THREATEN" or not lemma_in(verb, BALLOT_VERBS) or draft.sources:
        return
    if not is_passive(verb) or any(c.dep_ == "agent" for c in verb.children):
        return
    balloted = list(draft.targets)
    if not balloted and verb.dep_ == "acl" and verb.head.dep_ == "pobj" and verb.head.head.lower_ == "among":
        # "X are among those being balloted": those are the copula's subject
        copula = verb.head.head.head
        subjects = [c for c in copula.children if c.dep_ == "nsubj"]
        members = [c for n in subjects for c in (n, *n.conjuncts)]
        balloted = [m for n in members for m in _owners(n, index) or np_actors(n, index)]
    unions = [m for m in balloted if _is_union(m)]
    if unions:
        draft.sources = unique(unions)
        draft.targets = [m for m in draft.targets if m not in unions]


def _is_union(mention: Mention) -> bool:
    """Whether a mention names a trade union (`union_words`: "Unison", "the Fire Brigades Union"),
    not a union of states, sports clubs or money (`other_unions`: "European Union staff")."""
    return (
        body_named_with(mention, UNION_WORDS)
        and mention.gazetteer_id is None  # the gazetteer's unions are of states ("African Union")
        and not body_named_with(mention, OTHER_UNIONS)
    )


def _owners(noun: Token, index: MentionIndex) -> list[Mention]:
    """The actors that possess a noun ("Unison's 800,000 workers" -> Unison)."""
    return [m for c in noun.children if c.dep_ == "poss" for m in index.all_at(c) if is_actor(m)]


# Acts that are done over a grievance: an event noun in their "against"/"over" phrase is
# what they are about.
GRIEVANCE_ACTS = frozenset({"PROTEST", "ACCUSE", "REJECT"})


def grievance_only(draft: Draft, drafts: list[Draft]) -> bool:
    """ "a demonstration against the deportation of Palestinian refugees": an event noun
    that is what a protest, criticism or refusal is against or over, with no one named as
    doing it, is the grievance the act is about, not an event reported in its own right."""
    token = draft.token
    if token.pos_ not in ("NOUN", "PROPN") or draft.sources or draft.participants or draft.mediators:
        return False
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("against", "over", "about"):
        return False
    return any(
        d is not draft and d.event_type in GRIEVANCE_ACTS and (d.token == prep.head or prep.head in d.realisers)
        for d in drafts
    )


# Co-operation a sanction can halt ("suspended talks", "cancelled the meeting", "froze aid").
HALTED_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "AID", "SUPPORT"})


def halted(draft: Draft, drafts: list[Draft]) -> bool:
    """ "Iran suspended talks with the EU", "cancelled its meeting with X", "broke off
    negotiations": co-operation that is the object of a sanction (SANCTION discontinue or
    withdraw) is what was halted; the sanction is the event reported, the halted talks are
    not reported as happening."""
    token = draft.token
    if draft.event_type not in HALTED_TYPES or token.pos_ not in ("NOUN", "PROPN") or token.dep_ != "dobj":
        return False
    return any(d.event_type == "SANCTION" and d.token == token.head for d in drafts)


def personal_quarrel(draft: Draft) -> bool:
    """ "Fighting between Mr Camus and Mr Forgeard", "a clash between Blair and Brown",
    "a Commons battle", "Labour and the Tories have clashed over tax": fighting whose every
    side is a named person, a debating chamber or a political party is a quarrel, not
    violence (an ASSAULT needs a state, a force or a group among its sides). A chamber or a
    party alone is enough: it has no arms to fight with."""
    token = draft.token
    if draft.event_type != "ASSAULT" or not (lemma_in(token, QUARREL_WORDS) or token.lower_ in QUARREL_WORDS):
        return False
    actors = draft.actors()
    bodies = [m for m in actors if _is_chamber(m) or _is_party(m)]
    return (
        bool(actors)
        and all(m.entity_type == "PERSON" or m in bodies for m in actors)
        and (len(actors) > 1 or bool(bodies))
    )


def _is_party(mention: Mention) -> bool:
    """A political party (party_words in its name): "Labour Party", "Liberal Democrats"."""
    return body_named_with(mention, PARTY_WORDS)


def _is_chamber(mention: Mention) -> bool:
    """A body whose name holds a chamber word (chamber_words): "House of Commons", "Senate"."""
    return body_named_with(mention, CHAMBER_WORDS)


def procedural_decision(draft: Draft) -> bool:
    """ "A cross-party amendment was narrowly rejected by the Commons", "three Appeal Court
    judges dismissed both appeals": a chamber or a court (`chamber_words`, event_senses `courts`)
    turning down a motion, an amendment or an appeal, with no actor named as the one
    refused, decides by its procedure (a vote, a ruling); PLOVER's REJECT is one actor
    turning down another's demand or offer, and the guide codes a speech act only with a
    target."""
    if draft.event_type != "REJECT" or draft.targets or draft.participants or not draft.sources:
        return False
    courts = load_senses().classes["courts"]  # event_senses.yaml: "High Court", "tribunal"
    return all(_is_chamber(m) or body_named_with(m, courts) for m in draft.sources)


SPEAKER_NEEDED = frozenset({"ACCUSE", "SUPPORT", "REJECT", "THREATEN", "AGREE"})


def speakerless(draft: Draft) -> bool:
    """ "The Zambian government has been criticised by some", "the plan was rejected": a
    verbal act whose agent the text does not name (an agentless passive, a vague "by
    some") reports that someone spoke, not who; PLOVER's verbal acts need their source.
    An active verb's subject that no mention covers ("the campaigners threatened", "they
    threatened") still names a speaker: such an act keeps its target."""
    if draft.event_type not in SPEAKER_NEEDED or draft.sources or draft.participants or draft.mediators:
        return False
    return not any(c.dep_ == "nsubj" for c in draft.token.children)


def lone_recommendation(draft: Draft) -> bool:
    """ "Doctors recommend eating more fruit", "Mr Tomlinson has recommended replacing
    A-levels", "Microsoft recommends that the tool is used": a recommendation is a demand
    (PLOVER REQUEST) when a named body makes it of an actor it names ("the National Audit
    Office recommended that the Home Office review its contracts"), or, naming no one, when a
    named public body of review or advice makes it (`advisory_body_words`: "the Law
    Commission recommended tightening the law", a demand of whoever makes the law); a
    person's, a group noun's or a firm's advice to no one is an opinion (a quote or a stance)."""
    if draft.event_type != "REQUEST" or draft.trigger.lemma != "recommend":
        return False
    bodies = [m for m in draft.sources if m.entity_type == "ORGANIZATION" and m.kind == "name"]
    if draft.targets:
        return not bodies
    return not any(body_named_with(m, ADVISORY_BODY_WORDS) for m in bodies)


def backed_cause(draft: Draft) -> bool:
    """ "Howard backs stem cell research", "the BMA also backs the bill": backing a cause,
    with no actor backed, is a position (a stance), not a SUPPORT event (eval/GUIDE.md: a
    speech act needs an actor as its target)."""
    return (
        draft.event_type == "SUPPORT"
        and lemma_in(draft.token, BACKING_VERBS)
        and not draft.targets
        and not draft.participants
    )


def standing_danger(draft: Draft) -> bool:
    """ "as the Soviet threat was", "the terrorist threat": a threat noun that no verb makes
    ("issued a threat"), that no one is named as making ("Iran's threat", "the threat by
    Iran"), that is aimed at no one and that says nothing of what is threatened ("the threat
    of strikes", "a threat to close the strait") names a danger, not a THREATEN event (PLOVER
    codes a threat made to an actor)."""
    token = draft.token
    if draft.event_type != "THREATEN" or token.pos_ not in ("NOUN", "PROPN") or draft.mode is not None:
        return False
    if draft.realisers or draft.targets or draft.participants:
        return False
    return not any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "by")) or (c.dep_ == "acl" and c.tag_ == "VB")
        for c in token.children
    )


def lone_promise(draft: Draft) -> bool:
    """ "Kilroy-Silk promised a firm policy": a promise to nobody in particular is a policy
    pledge (a quote or a stance), not an AGREE event; one made to someone, or agreed by
    two sides, is. Likewise a sum promised to no one ("promised $500m a year in savings",
    "pledged an extra £105m for security"), which the sense rules read as aid: a budget
    pledge, not AID; "pledged $500m to the tsunami-hit countries" names whom it goes to,
    "pledged $500m for tsunami relief" what for; so with a pledge noun ("a £10bn pledge on
    schools" is a budget pledge)."""
    if draft.event_type == "AID" and draft.trigger.event_type == "AGREE":
        # a pledge noun likewise ("a $500m pledge to the tsunami-hit countries"), the "to" or
        # "for" phrase on it or on the verb that makes it
        words = [draft.token, *draft.realisers]
        return not draft.targets and not any(names_recipient(w) or names_relief(w) for w in words)
    return draft.event_type == "AGREE" and len(unique(draft.actors())) < 2 and not draft.mediators


def signed_by_state(draft: Draft, ec: EventContext) -> bool:
    """ "Argentina signed a $240m agreement to import Venezuelan fuel", "Brazil ratified the
    Kyoto Protocol": a state, or one who governs it (`draft.governs`), signing a formal
    agreement agrees even where the text leaves the other parties unnamed (PLOVER AGREE,
    CAMEO 057 "sign formal agreement"); a company, party or player signing a deal or a
    contract alone stays a lone promise (`lone_promise`), as does a pledge by a state, and so
    does a document a participle describes by its signing ("the 1991 Declaration signed by
    the leaders of the former Soviet republics"), which names the text rather than reports."""
    if draft.event_type != "AGREE" or draft.mediators:
        return False
    signing = [v for v in [draft.token, *draft.realisers] if v.pos_ == "VERB" and lemma_in(v, SIGNING_VERBS)]
    if not signing or any(v.dep_ in ("acl", "amod") for v in signing):
        return False  # "the 1991 Declaration signed by ...": a document named by its signing, no report
    actors = unique(draft.actors())
    return len(actors) == 1 and actors[0] in draft.sources and governs(actors[0], ec)


def agreed_truce(draft: Draft) -> None:
    """ "a 2020 truce brokered by Moscow", "signed a ceasefire": a truce that was brokered or
    agreed is an agreement between the sides (AGREE), not one side's ceasefire (RETREAT)."""
    if draft.event_type != "RETREAT" or draft.mode != "ceasefire" or draft.token.pos_ not in ("NOUN", "PROPN"):
        return
    agreed = bool(draft.mediators) or any(lemma_in(v, AGREEING_VERBS) for v in draft.realisers)
    if agreed:
        draft.event_type, draft.mode, draft.cameo_root = "AGREE", None, "03"
        draft.participants = draft.participants + [m for m in draft.sources if m not in draft.participants]
        draft.sources = []


def dared_to_act(draft: Draft) -> None:
    """ "the party challenged the Tories to publish the report", "challenged Mr Brown to deny
    the reports": a challenge to someone to act demands the act of them (REQUEST, CAMEO 10);
    it rejects nothing (daring_verbs in events.yaml). "challenged the ruling" stays REJECT."""
    token = draft.token
    if draft.event_type != "REJECT" or token.pos_ != "VERB" or not lemma_in(token, DARING_VERBS):
        return
    if not any(c.dep_ == "dobj" for c in token.children):
        return
    if any(c.dep_ == "xcomp" and has_to_marker(c) for c in token.children):
        draft.event_type, draft.mode, draft.cameo_root = "REQUEST", None, "10"


def protesters_riot(draft: Draft) -> None:
    """ "protesters clashed with riot police", "protesters who stormed the chamber": violence
    whose every source is a crowd named by its protest is a violent protest (PROTEST riot),
    not an armed ASSAULT (protester_nouns in events.yaml); "protesters occupied the
    building" is a sit-in (PROTEST obstruct), not a seizure of territory."""
    seizing = draft.event_type == "COERCE" and draft.mode == "seize"
    if draft.event_type != "ASSAULT" and not seizing or not draft.sources:
        return
    if all(m.surface.lower().split()[-1] in PROTESTER_NOUNS for m in draft.sources):
        mode = "obstruct" if seizing else "riot"
        draft.event_type, draft.mode, draft.cameo_root = "PROTEST", mode, "14"


def theatre_only(draft: Draft) -> bool:
    """ "the Iraq war", "the Afghan conflict": a country naming where a directed event took
    place, with nobody named as doing it, is a topic label, not a report of the event."""
    if draft.event_type in SYMMETRIC_TYPES or draft.event_type == "AGREE":
        return False
    if draft.token.pos_ not in ("NOUN", "PROPN"):
        return False
    return bool(draft.participants) and not (draft.sources or draft.targets or draft.mediators)


def confirmed_headlines(drafts: list[Draft]) -> list[Draft]:
    """Headlines parse badly ("Tories attack EU asylum moves"): keep a headline event only
    when the body reports an event of its type with an actor in the same role, or when it
    is a named person's own intransitive act ("Colin Powell Resigns as Secretary of State")."""

    def keys(draft: Draft) -> set[tuple[str, str]]:
        out = set()
        for role in ("sources", "targets", "participants", "mediators"):
            for mention in getattr(draft, role):
                name = actor_key(mention)
                out.add((role if draft.event_type not in SYMMETRIC_TYPES else "pooled", name))
        return out

    body = [d for d in drafts if d.sentence.section != "headline" and d.modality == ASSERTED]
    kept = []
    for draft in drafts:
        if draft.sentence.section == "headline" and not _own_headline_act(draft):
            own = keys(draft)
            if not any(d.event_type == draft.event_type and own & keys(d) for d in body):
                continue
        kept.append(draft)
    return kept


def _own_headline_act(draft: Draft) -> bool:
    """The headline's main verb, done by named people alone and aimed at nobody ("X Resigns",
    "Y apologises"): a parse too short to go wrong, even when the body never restates it."""
    verb = draft.token
    if verb.dep_ != "ROOT" or verb.pos_ != "VERB" or draft.modality != ASSERTED:
        return False
    if draft.targets or draft.participants or draft.mediators or not draft.sources:
        return False
    if any(child.dep_ in ("dobj", "ccomp", "xcomp") for child in verb.children):
        return False
    return all(m.entity_type == "PERSON" and m.kind == "name" for m in draft.sources)


def lone_consultation(draft: Draft) -> bool:
    """ "Mr Blair talked about the manifesto": one side alone does not consult (visits aside)."""
    if draft.event_type not in SYMMETRIC_TYPES or draft.mode in ("visit", "phone"):
        return False
    if draft.token.pos_ in ("NOUN", "PROPN"):
        return False
    if draft.mediators and draft.trigger.subject_role == "mediator":
        return False  # "the UN is attempting to mediate the conflict": mediation has two sides
    return len(unique(draft.actors())) < 2


def one_act_per_coordination(drafts: list[Draft]) -> list[Draft]:
    """ "shot and killed seven students", "was shot and killed": two coordinated verbs of one
    type that share their subject and their object report one act, so one draft is kept,
    the verb that has the object (else the first), with the more specific mode and the
    actors of both. Verbs with objects of their own ("attacked the base and killed two
    soldiers") stay two acts."""
    by_token = {d.token.i: d for d in drafts if d.token.pos_ == "VERB"}
    gone: set[int] = set()
    for draft in drafts:
        token = draft.token
        first = by_token.get(token.head.i) if token.dep_ == "conj" and token.i in by_token else None
        if first is None or first.event_type != draft.event_type or draft.event_type in SYMMETRIC_TYPES:
            continue  # "travelled to Paris and met the president": a visit and a meeting
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            continue  # a subject of its own: a second clause
        if any(c.dep_ == "dobj" for c in first.token.children):
            continue  # "attacked the base and killed two soldiers"
        kept, merged = (draft, first) if any(c.dep_ == "dobj" for c in token.children) else (first, draft)
        kept.mode = kept.mode or merged.mode
        for role in ("sources", "targets", "mediators"):  # "was shot and killed by troops"
            setattr(kept, role, unique(getattr(kept, role) + getattr(merged, role)))
        gone.add(merged.token.i)
    return [d for d in drafts if d.token.i not in gone]
