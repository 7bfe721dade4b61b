"""Actors: who did what to whom, as mention ids of the article's mentions.

A pronoun is referenced as its own mention, whose antecedent entity resolution finds
later.

* verbs: the subject (nsubj, or the "by" agent of a passive) and the object (dobj, the
  object of the verb's own preposition in "call on X", "meet with X", or the passive
  subject). Subjects are inherited along xcomp ("pledged to recognise"), conj, advcl
  and "after"-clauses; a participle modifying a noun takes that noun ("a checkpoint
  restricting ..."; "a truce brokered by Moscow" has the truce as its object).
* nouns: the possessor ("Azerbaijan's blockade"), "by" phrases, "between"/"among"
  ("talks between A and B"), "with", "against"/"on"/"to" objects, "of" objects that are
  actors (an "of" object that is a place, "blockade of the Lachin corridor", is the
  location), modifying names and demonyms ("Armenian-Azeri talks"), and the subject of a
  light verb that realises the noun ("Mirzoyan and Bayramov held ... negotiations").
* conjunctions are followed everywhere: a compound actor is one list, never several dyads.

The readers these fillers ask live apart, one job each: phrases.py (the actors a noun
phrase names), subjects.py (a verb's subject, a speaker, a pronoun's person), owners.py
(whose words, proposal or claim an act is aimed at), places.py (the state of a place), and
visits.py (the passes detect.py runs after `fill_actors`: visits and hosts, strikes,
reciprocal acts).

PLOVER conventions, as coded here:

* CONSULT, COOPERATE: actors without a host/visitor distinction are all `participant`s
  (PLOVER: "all participants are coded as source actors"; we keep them apart from
  directed sources so that analysts can tell). When one side hosts and the other visits,
  the visitor is the `source` and the host the `target` (mode visit). A meeting hosted,
  staged, brokered or mediated by a third party ("hosted talks between A and B",
  "talks mediated by the EU", "U.S.-mediated negotiations") has the third party as
  `mediator` and A and B as participants (mode third-party). "Brokered by" marks a
  mediator for any type ("a 2020 truce brokered by Moscow").
* Other types are directed: `source` acts on `target` (recipient). Reciprocal violence
  ("A and B fought two wars") has both sides as sources, as PLOVER prescribes.
* A speech act two sides make of each other ("the two sides exchange harsh invective",
  "A and B accuse each other") is one event per direction: PLOVER codes each side's
  accusation of the other, so each is the source once and the target once.
* Speech acts carried by a thing ("a billboard accusing ...") speak for the subject of
  the carrying clause; "In a jibe at Y, X said" makes X the source and Y the target. A
  headline verb with no auxiliary ("Nick Griffin arrested") is read as a passive.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from pipeline.nlp.events.draft import (
    CONTENT_MODALITY,
    SPEECH_TYPES,
    SYMMETRIC_TYPES,
    TEMPORAL_LINK_PREPS,
    Draft,
    EventContext,
    actor_at,
    actor_key,
    assign,
    is_actor,
    lemma_in,
    outer_noun,
    place_at,
    pobjs,
    received_nouns,
    unique,
)
from pipeline.nlp.events.owners import (
    OTHER_DIRECTED_TYPES,
    POSSESSIVE_REFERENTS,
    appraised_person,
    object_owner,
    object_pronoun_target,
    pronoun_owner,
    pronoun_referent,
    proposal_object_owner,
)
from pipeline.nlp.events.phrases import np_actors, partners, state_where, words_or_deeds
from pipeline.nlp.events.subjects import (
    active,
    controlled_patient,
    finite_read_as_participle,
    reduced_passive,
    subject_actors,
    written_to,
)
from pipeline.nlp.events.visits import visits_home
from pipeline.nlp.events.vocabulary import (
    APPRAISING_VERBS,
    CUSTODY_VERBS,
    DISCOURSE_NOUNS,
    HANDOVER_VERBS,
    MEDIATING_VERBS,
    OBJECT_CONTROL,
    OPENING_VERBS,
    SEQUENCE_PREPOSITIONS,
    STATE_VERBS,
)
from pipeline.nlp.lexicons import load_event_triggers
from pipeline.nlp.membership import introduced_with
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import (
    MentionIndex,
    fronted_participle,
    has_neg,
    has_that_marker,
    is_condition,
    is_passive,
    is_relative_pronoun,
)

# Where a verb's subject and object go, by the trigger's `subject_role`.
SUBJECT_OBJECT_ROLES = {
    "source": ("sources", "targets"),
    "recipient": ("targets", "sources"),  # "X hosted Y": Y visits, X hosts
    "mediator": ("mediators", "participants"),
}
TARGET_PREPS = frozenset({"against", "on", "to", "toward", "towards", "upon", "into"})
# Acts done for someone's benefit: their "for" phrase names the one helped ("aid for Aceh").
BENEFIT_TYPES = frozenset({"SUPPORT", "AID"})
_HYPHEN_MEDIATED = re.compile(
    r"^(?P<actor>.+?)[-–](?P<verb>mediated|brokered|hosted|sponsored|backed|led|organi[sz]ed|staged|arranged|chaired)$",
    re.IGNORECASE,
)


def _arresting_state(verb: Token, index: MentionIndex) -> list[Mention]:
    """ "Five journalists were detained in Zimbabwe", "two men were arrested in Madrid": an
    arrest in the passive with no agent at all is made by the authorities of the place the
    verb puts it in (eval/GUIDE.md: unnamed police of a place act as its country), the
    country itself or the one a city lies in; nothing when no place is said."""
    if not is_passive(verb) or any(c.dep_ == "agent" for c in verb.children):
        return []
    subject = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    outside = (subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)) if subject is not None else None
    return state_where(verb, index, outside)


def _verb_objects(draft: Draft, index: MentionIndex) -> list[Mention]:
    verb = draft.token
    out: list[Mention] = []
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    for child in verb.children:
        if child.dep_ == "nsubjpass" and is_relative_pronoun(child):
            if verb.dep_ == "relcl" and actor_at(index, verb.head) is not None:
                out += np_actors(verb.head, index)  # "Khodorkovsky, who was arrested in 2003"
        elif (
            child.dep_ in ("dobj", "dative")
            or (child.dep_ == "nsubjpass" and passive)
            or reduced_passive(verb, child)  # "Saddam Hussein, imprisoned at ...": the one held
        ):
            out += np_actors(child, index)
            if draft.event_type in SYMMETRIC_TYPES and child.dep_ == "dobj":
                # "discussed the system with Paul Martin": the parser hangs the "with" phrase of
                # a meeting verb on its object; the one met is the verb's partner all the same
                out += partners(child, index)
            if child.dep_ == "dative" and child.pos_ == "ADP":  # "paid tribute to Mr Brown": the parser's dative "to"
                out += [m for pobj in pobjs(child) for m in np_actors(pobj, index)]
        elif (child.dep_ == "prep" or child.dep_ == "prt" and child.children) and (
            child in draft.words or child.lower_ in ("with",)
        ):
            inner = [g for g in child.children if g.dep_ == "prep"] if child in draft.words else []
            for pobj in pobjs(child) + [p for g in inner for p in pobjs(g)]:  # "pulled out of Lebanon"
                out += np_actors(pobj, index)
    if (
        verb.dep_ in ("acl", "amod")
        and verb.tag_ == "VBN"
        and verb.head.pos_ in ("NOUN", "PROPN", "PRON")
        and not finite_read_as_participle(verb)
    ):
        out += np_actors(verb.head, index)  # "Armenians persecuted by X"
    if fronted_participle(verb):  # "Arrested in 2003, Khodorkovsky remains in jail"
        out += [m for c in verb.head.children if c.dep_ == "nsubj" for m in np_actors(c, index)]
    if not passive and (patient := controlled_patient(verb)) is not None:
        out += np_actors(patient, index)  # "the vote prompted Russia to be expelled": Russia
    return unique(out)


def _handed_to(verb: Token, index: MentionIndex) -> list[Mention]:
    """The states a verb of handing over names in its "to" phrase ("extradited X to the
    United States"; events.yaml handover_verbs)."""
    tos = [c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"]
    return [m for p in tos for o in pobjs(p) for m in np_actors(o, index) if m.entity_type == "COUNTRY"]


def fill_actors(ec: EventContext, draft: Draft) -> None:
    """Sources, targets, participants and mediators of one draft (see the module docstring)."""
    index = ec.index
    if draft.token.pos_ in ("NOUN", "PROPN") or _nominal_gerund(draft.token):
        _fill_noun_actors(draft, index)
    else:
        _fill_verb_actors(draft, index)
    _hyphen_mediators(draft, index)


def _absorbed_doers(draft: Draft, index: MentionIndex) -> list[Mention]:
    """ "Two militants were killed in an Israeli air strike", "one man was killed in an
    attack by the MST": a passive verb with no agent that took in a noun of its own act
    is done by whoever that noun names as its doer (its "by" phrase, possessor or modifier)."""
    if not any(c.dep_ == "nsubjpass" for c in draft.token.children):
        return []
    found: list[Mention] = []
    for noun in draft.realisers:
        for child in noun.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod"):
                found += np_actors(child, index)
            elif child.dep_ in ("prep", "agent") and child.lower_ == "by":
                found += [m for p in pobjs(child) for m in np_actors(p, index)]
    return [m for m in unique(found) if m.entity_type != "LOCATION"]


def _nominal_gerund(verb: Token) -> bool:
    """ "Fighting between Israel and Hezbollah killed 20": a bare gerund standing as a noun
    phrase (a subject or object, with no subject or auxiliary of its own) names its actors
    as a noun does ("between", "by", possessors)."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in verb.children)


def _fill_verb_actors(draft: Draft, index: MentionIndex) -> None:
    subjects = subject_actors(draft.token, index) or _absorbed_doers(draft, index)
    if not subjects and draft.event_type == "COERCE" and draft.mode == "arrest":
        subjects = _arresting_state(draft.token, index)
    if not subjects and draft.event_type in SPEECH_TYPES:
        subjects = _author_of_carrier(draft.token, index)
    objects = _verb_objects(draft, index)
    if _headline_passive(draft):  # "BNP leader Nick Griffin arrested": he was arrested
        subjects, objects = [], subjects
    for absorbed in draft.realisers:  # "fought two wars between ...": the noun's phrases
        for child in absorbed.children:
            if child.dep_ == "prep" and child.lower_ in ("between", "among", "with", "against"):
                for pobj in pobjs(child):
                    role = "participants" if child.lower_ in ("between", "among") else "targets"
                    assign(draft, role, np_actors(pobj, index))
    role = draft.trigger.subject_role
    if draft.event_type in SYMMETRIC_TYPES:
        if role == "recipient":  # "X hosted Y": Y visits, X hosts
            draft.mode = draft.mode or "visit"
        elif draft.mode == "visit":
            role = "source"  # "X visited Y": the visitor is the source
        elif role != "mediator":
            if lemma_in(draft.token, HANDOVER_VERBS) and (receivers := _handed_to(draft.token, index)):
                objects = receivers  # "Colombia extradited X to the United States": the two states
            assign(draft, "participants", subjects + objects)
            return
    subject_role, object_role = SUBJECT_OBJECT_ROLES[role]
    assign(draft, subject_role, subjects)
    assign(draft, object_role, objects)
    if role == "mediator":
        assign(draft, "participants", [m for m in _mediated_parties(draft.token, index) if m not in draft.mediators])
    if draft.event_type in SYMMETRIC_TYPES:
        return
    if not draft.targets:
        _complement_targets(draft, index)
    if not draft.targets and (
        draft.event_type in OTHER_DIRECTED_TYPES
        or lemma_in(draft.token, APPRAISING_VERBS)
        or (draft.event_type in SPEECH_TYPES and is_passive(draft.token))
    ):
        assign(draft, "targets", object_owner(draft, index))
    if not draft.targets:
        assign(draft, "targets", object_pronoun_target(draft, index))  # "accused him", "praised her"
    if not draft.targets and draft.event_type in SPEECH_TYPES and (addressee := written_to(draft.token)):
        assign(draft, "targets", [m for m in np_actors(addressee, index) if m not in draft.sources])
    if not draft.targets and draft.event_type in OTHER_DIRECTED_TYPES:
        assign(draft, "targets", _object_doer(draft, index) or proposal_object_owner(draft, index))
    if not draft.targets and draft.event_type == "SUPPORT":
        # "has backed the control orders" (the government's plans): backing is aimed at their owner,
        # never at the backer's own party ("Tory leader Michael Howard has backed the plans")
        owners = proposal_object_owner(draft, index)
        assign(draft, "targets", [m for m in owners if not _own_party(draft, m, index)])
    if not draft.targets and draft.event_type in GRIEVANCE_TYPES:
        assign(draft, "targets", [m for m in _grievance_owners(draft.token, index) if m not in draft.sources])
    if not draft.targets and draft.event_type in SPEECH_TYPES:
        assign(draft, "targets", _addressed_places(draft.token, index))
    if (
        not draft.targets
        and draft.event_type in CONTENT_MODALITY
        and not any(c.dep_ in ("dobj", "dative") for c in draft.token.children)
    ):
        # "pledged to recognise Azerbaijan's sovereignty", "urged X to ...": whom it concerns
        for child in draft.token.children:
            if child.dep_ == "xcomp":
                assign(
                    draft,
                    "targets",
                    [
                        m
                        for m in _verb_objects(
                            Draft(child, draft.trigger, draft.sentence, [child], draft.event_type, None, ""), index
                        )
                        if m not in draft.sources
                    ],
                )


def relative_doers(clause: Token) -> list[Token]:
    """The words of a relative clause's subject, unless it is the relative pronoun itself:
    "the way Mr Blunkett introduced the rules", "the cavalier way in which this government
    operates" name who did what the noun stands for; "the man who ..." names no one else."""
    return [
        t for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and not is_relative_pronoun(c) for t in c.subtree
    ]


def _object_doer(draft: Draft, index: MentionIndex) -> list[Mention]:
    """ "Mr Davis criticised the way Mr Blunkett introduced the rules", "rejected the deal
    Labour struck": criticism or refusal of a thing someone did, named by a relative clause
    on the object, is aimed at that clause's subject (never the act's own source)."""
    sources = {actor_key(m) for m in draft.sources}
    found = [
        m
        for obj in draft.token.children
        if obj.dep_ == "dobj" and actor_at(index, obj) is None
        for clause in obj.children
        if clause.dep_ == "relcl"
        for t in relative_doers(clause)
        for m in index.all_at(t)
        if is_actor(m) and m.entity_type != "LOCATION" and actor_key(m) not in sources
    ]
    return unique(found)


def _own_party(draft: Draft, body: Mention, index: MentionIndex) -> bool:
    """Whether the article introduces one of the draft's sources with the body's name ("Tory
    leader Michael Howard"): the body is their own party (as in own_party.py)."""
    doc = draft.token.doc
    return any(
        introduced_with(doc.text, index.mentions, m, body, kinds=("name", "title"), doc=doc) for m in draft.sources
    )


# Acts done over a grievance ("threatened strikes over the government's plans").
GRIEVANCE_TYPES = frozenset({"ACCUSE", "THREATEN", "PROTEST", "REJECT"})


def _grievance_owners(verb: Token, index: MentionIndex) -> list[Mention]:
    """ "Unions have threatened strikes over the government's pension plans", "protested
    about Labour's record": a criticism, threat or protest over someone's words, plans or
    deeds is aimed at whoever owns them (only the owner: "a protest over Iraq" is about
    Iraq, not aimed at it)."""
    nodes = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
    found: list[Mention] = []
    for node in nodes:
        for prep in node.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("over", "about"):
                continue
            for pobj in pobjs(prep):
                if actor_at(index, pobj) is None and words_or_deeds(pobj):
                    found += np_actors(pobj, index)
    return unique(found)


def _mediated_parties(verb: Token, index: MentionIndex) -> list[Mention]:
    """ "mediated between Israel and Hamas", "mediated the conflict between A and B",
    "mediated in the dispute between A and B": the sides a mediating verb brings together,
    from the "between"/"among" phrase of the verb, of its object or of its "in" phrase's noun."""
    nodes = [verb]
    nodes += [c for c in verb.children if c.dep_ == "dobj"]
    nodes += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for p in pobjs(c)]
    found: list[Mention] = []
    for node in nodes:
        for prep in node.children:
            if prep.dep_ == "prep" and prep.lower_ in ("between", "among", "amongst"):
                found += [m for p in pobjs(prep) for m in np_actors(p, index)]
    return unique(found)


def _addressed_places(verb: Token, index: MentionIndex) -> list[Mention]:
    """ "Brazil supports Korea", "condemned Kosovo": a state-like place name (a GPE) as the
    direct object of a speech act stands for its people or government, the act's target."""
    found: list[Mention] = []
    for child in verb.children:
        if child.dep_ == "dobj":
            found += [m for m in index.all_at(child) if m.ner_label == "GPE" and m.kind == "name"]
    return unique(found)


def _refused_words_from(draft: Draft, verb: Token) -> bool:
    """A refusal in the active voice whose object is someone's words ("rejected a proposal",
    "dismissed the claims"): a "from" or "by" phrase on its verb names their author, whom the
    refusal is aimed at (a passive's "by" is its own doer, an "agent")."""
    if draft.event_type != "REJECT" or is_passive(verb):
        return False
    return any(c.dep_ == "dobj" and words_or_deeds(c) for c in verb.children)


def _authors(draft: Draft, prep: Token, index: MentionIndex) -> list[Mention]:
    """The actors a "from"/"by" phrase names as the authors of refused words, the refusal's
    own source and places left out ("from Moscow's point of view")."""
    sources = {actor_key(m) for m in draft.sources}
    return [
        m
        for p in pobjs(prep)
        for m in np_actors(p, index)
        if m.entity_type != "LOCATION" and actor_key(m) not in sources
    ]


# Triggers whose "to" phrase is the forum a challenge is brought before, not its target.
FORUM_TRIGGERS = frozenset({"take case"})


def _complement_targets(draft: Draft, index: MentionIndex) -> None:
    """Whom a directed act without an object is aimed at, from its complements: "appealed to
    Russia", "marched against Bush", "sent troops to Iraq", "withdrew from Lebanon", "demanded that Syria withdraw",
    "threatened to cut off supplies to Ukraine", "threatened to resume enrichment if the EU
    refused"."""
    verb = draft.token
    found: list[Mention] = []
    forum = draft.trigger.lemma in FORUM_TRIGGERS
    for child in verb.children:
        if child.lower_ == "to" and forum:
            continue  # "took their case to the House of Lords": the court hears it, no one challenged
        if child.dep_ == "prep" and child.lower_ in ("to", "towards", "toward", "on", "upon", "at", "against"):
            found += [m for p in pobjs(child) for m in np_actors(p, index)]  # "marched against Bush"
        elif child.dep_ == "prep" and child.lower_ in ("from", "of") and draft.event_type == "RETREAT":
            found += [m for p in pobjs(child) for m in np_actors(p, index)]  # "pulled out of Lebanon"
        elif child.dep_ == "prep" and child.lower_ in ("from", "by") and _refused_words_from(draft, verb):
            found += _authors(draft, child, index)  # "rejected a proposal from Georgia", the phrase on the verb
        elif child.dep_ in ("ccomp", "oprd") and child.pos_ == "ADJ" and child in draft.words:
            # "the jury found Peterson guilty": the subject of the trigger's small clause is its target
            found += [m for s in child.children if s.dep_ == "nsubj" for m in np_actors(s, index)]
        elif child.dep_ == "dobj":
            # "suspended talks with Iran", "severed contacts with the PA": the object's partner;
            # "reopened the crossing to Palestinians": whom the object is for
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("with", "to"):
                    found += [m for p in pobjs(prep) for m in np_actors(p, index)]
                elif prep.dep_ == "prep" and prep.lower_ in ("against", "on") and draft.event_type != "AGREE":
                    # "threatened legal action against Gazprom", "sought sanctions on Iran"
                    found += [m for p in pobjs(prep) for m in np_actors(p, index)]
                elif prep.dep_ == "prep" and prep.lower_ in ("from", "by") and _refused_words_from(draft, verb):
                    found += _authors(draft, prep, index)  # "rejected a takeover proposal from Deutsche Boerse"
    if not found and draft.event_type in CONTENT_MODALITY:
        for clause in verb.children:
            if clause.dep_ == "ccomp" and clause.pos_ in ("VERB", "AUX"):
                found += subject_actors(clause, index)  # "demanded that Syria withdraw"
            elif clause.dep_ == "ccomp" and _misread_subjunctive(clause):
                found += subject_actors(clause, index) or [
                    m for c in clause.children if c.dep_ == "compound" for m in np_actors(c, index)
                ]  # "demanded that Mr Blair apologise", its verb tagged a noun and its subject a modifier
            elif clause.dep_ == "xcomp":
                for child in clause.children:
                    if child.dep_ == "prep" and child.lower_ in ("to", "against", "on", "at"):
                        found += [m for p in pobjs(child) for m in np_actors(p, index)]
                    if child.dep_ in ("dobj", "prep"):
                        # "offered to return to talks with the US", "agreed to join talks with the UK"
                        found += partners(child, index)
                    elif is_condition(child):
                        found += subject_actors(child, index)  # "... if the EU refused"
            elif clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children):
                # "called for the US to close ...", "called for him to go": the pronoun's referent
                found += subject_actors(clause, index) or _for_pronoun_doer(draft, clause, index)
            elif clause.dep_ == "prep" and clause.lower_ == "for":
                for pobj in pobjs(clause):  # "called for the US to close ..."
                    if any(c.dep_ in ("acl", "relcl", "xcomp") and c.pos_ == "VERB" for c in pobj.children):
                        found += np_actors(pobj, index)
    if not found and draft.event_type == "ACCUSE":
        # "alleged that Yanukovych had rigged the vote", "complained that he was punched by
        # Vohor": the doer in the complaint's clause is the one it is about
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        found += [m for c in clauses for m in subject_actors(c, index)]
    if not found and draft.event_type == "AID":
        for clause in verb.children:  # "pledged $500m to help Indonesia rebuild": whom it helps
            if clause.dep_ in ("xcomp", "advcl") and lemma_in(clause, OBJECT_CONTROL):
                found += [m for c in clause.children if c.dep_ == "dobj" for m in np_actors(c, index)]
                found += [m for c in clause.children if c.dep_ == "ccomp" for m in subject_actors(c, index)]
    if not found and draft.event_type in ("AGREE", "REQUEST"):
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "in":
                found += partners(child, index)  # "agreed ... in a deal with the EU"
    if not found and draft.event_type == "REQUEST":
        # "demanded an apology from Mr Blair", "sought assurances from Iran": asked of them
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        objects += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for p in pobjs(c)]
        for node in [verb, *objects]:  # "asked for help from the Lib Dems"
            for child in node.children:
                if child.dep_ == "prep" and child.lower_ == "from":
                    found += [m for p in pobjs(child) for m in np_actors(p, index)]
    assign(draft, "targets", [m for m in unique(found) if m not in draft.sources])


def _for_pronoun_doer(draft: Draft, clause: Token, index: MentionIndex) -> list[Mention]:
    """ "critics have called for him to go to Auschwitz": the subject of a "for" infinitive is
    an object pronoun ("him", "them"), which no mention resolves; the one asked to act is the
    actor it stands for (`pronoun_referent`: the nearest of its kind named before, not a source)."""
    sources = {actor_key(m) for m in draft.sources}
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    return [m for s in subjects[:1] for m in pronoun_referent(s, draft.sentence.sentence_id, sources, index)]


def _misread_subjunctive(clause: Token) -> bool:
    """ "demanded that Mr Blair apologise": the small model tags a bare (subjunctive) verb
    after "that" as a noun, with its subject as a compound; a "that" clause is a clause, so
    its head is still the demanded act."""
    return clause.pos_ == "NOUN" and has_that_marker(clause)


def _met_on(noun: Token) -> bool:
    """ "discussed the Iraq war with Chirac": the object of a meeting verb (a CONSULT or
    COOPERATE verb of the dictionary) carries the verb's "with" phrase in the parse; the one
    met is no party to the war discussed (see _verb_objects)."""
    if noun.dep_ != "dobj":
        return False
    found = load_event_triggers().verb(noun.head.lemma_.lower())
    return found is not None and found.event_type in SYMMETRIC_TYPES


def _author_of_carrier(verb: Token, index: MentionIndex) -> list[Mention]:
    """ "X unveiled a billboard ... accusing Y": a participle on a thing that names no actor
    speaks for the subject of the clause that carries it."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG":
        return []
    node = verb.head
    for _ in range(4):
        if node.head == node:
            return []
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return subject_actors(node, index)
    return []


def _headline_passive(draft: Draft) -> bool:
    """Headlines drop the auxiliary of a passive: "X arrested", "Y suspended in probe"."""
    verb = draft.token
    if draft.sentence.section != "headline" or verb.tag_ not in ("VBN", "VBD"):
        return False
    if draft.event_type in SYMMETRIC_TYPES or draft.trigger.subject_role != "source":
        return False
    deps = {c.dep_ for c in verb.children}
    return "nsubj" in deps and not deps & {"dobj", "aux", "auxpass", "ccomp", "xcomp", "dative"}


def _fill_noun_actors(draft: Draft, index: MentionIndex) -> None:
    noun = draft.token
    outer = outer_noun(noun)
    symmetric = draft.event_type in SYMMETRIC_TYPES or draft.event_type == "AGREE"
    subject_role = {"source": "sources", "recipient": "targets", "mediator": "mediators"}[draft.trigger.subject_role]
    if draft.event_type in SYMMETRIC_TYPES and subject_role == "sources" and draft.mode != "visit":
        subject_role = "participants"  # "Mr Brown's trip", "a visit by X": the visitor is the source

    heads = [noun] if outer is noun else [noun, outer]
    if _bare_conjunct(noun):
        heads.append(noun.head)  # "the Japanese invasion and occupation of China": both nouns' phrases
    for head in heads:
        for child in head.children:
            dep, word = child.dep_, child.lower_
            if dep == "poss":
                owners = np_actors(child, index, allow_pronoun_possessor=True)
                assign(draft, subject_role, owners or _pronoun_possessor(draft, child, index))
            elif dep in ("compound", "amod", "nmod", "npadvmod") and child not in draft.words:
                mentioned = np_actors(child, index)
                if _mediator_modifier(child):
                    assign(draft, "mediators", mentioned)
                elif symmetric:
                    assign(draft, "participants", mentioned)
                else:
                    # "Israeli attack", "Tory attack": the doer; "the Iraq war": a party
                    theatre = [
                        m for m in mentioned if m.kind == "name" and m.entity_type == "COUNTRY" and dep == "compound"
                    ]
                    assign(draft, "participants", theatre)
                    assign(draft, "sources", [m for m in mentioned if m not in theatre])
            elif dep == "prep" or dep == "agent":
                for pobj in pobjs(child):
                    mentioned = np_actors(pobj, index)
                    if word == "by":
                        assign(draft, "sources" if not symmetric else "participants", mentioned)
                    elif word in ("between", "among", "amongst"):
                        assign(draft, "participants" if symmetric else "sources", mentioned)
                    elif word == "from" and draft.event_type == "AID":
                        assign(draft, "sources", mentioned)  # "aid from Israel": the giver
                    elif word == "with" and (symmetric or not _met_on(head)):
                        assign(draft, "participants" if symmetric else "targets", mentioned)
                    elif (
                        word in TARGET_PREPS
                        or (word == "at" and draft.event_type in SPEECH_TYPES)
                        or (word == "from" and draft.event_type == "RETREAT")
                        or (word == "for" and draft.event_type in BENEFIT_TYPES)
                    ):  # "a jibe at Yerevan", "the withdrawal from Iraq", "support for the government"
                        assign(draft, "targets", mentioned)  # "a jibe at Yerevan"
                    elif word == "of":
                        if place_at(index, pobj) is not None and not mentioned:
                            continue  # "blockade of the Lachin corridor": a place
                        assign(draft, "participants" if symmetric else "targets", mentioned)
            elif dep in ("acl", "relcl") and (
                (child.tag_ == "VBN" and not any(a.dep_ == "nsubj" for a in child.children))
                or any(a.dep_ == "agent" for a in child.children)
            ):  # "talks held by X", "a deal that was brokered"; not "an offer that could have eased Y"
                doer = _agent_bearer(child)
                agents = [p for a in doer.children if a.dep_ == "agent" for p in pobjs(a)]
                mentioned = unique(m for p in agents for m in np_actors(p, index))
                if lemma_in(doer, MEDIATING_VERBS):
                    assign(draft, "mediators", mentioned)
                    if draft.event_type == "CONSULT":
                        draft.mode = draft.mode or "third-party"
                    draft.realisers.append(child)
                else:
                    assign(draft, "participants" if symmetric else "sources", mentioned)
                    draft.realisers.append(child)
    _realiser_actors(draft, index, subject_role)
    _governing_clause_actors(draft, index)
    _held_in(draft, index)
    if not draft.targets and draft.event_type in CONTENT_MODALITY and not symmetric:
        _infinitive_targets(draft, index)


def _agent_bearer(participle: Token) -> Token:
    """ "blasts suspected to be triggered by ULFA", "the bombing, believed to have been carried
    out by Hamas": a passive participle of belief or report on an event noun passes the act
    to its passive infinitive, whose "by" phrase names the doer; the participle itself when
    it has a "by" phrase of its own or no such infinitive."""
    if any(c.dep_ == "agent" for c in participle.children):
        return participle
    for inner in participle.children:
        if inner.dep_ == "xcomp" and inner.tag_ == "VBN" and any(c.dep_ == "agent" for c in inner.children):
            return inner
    return participle


def _pronoun_possessor(draft: Draft, owner: Token, index: MentionIndex) -> list[Mention]:
    """ "Mr. Vohor ... after his secret visit to Taiwan": a visit owned by a possessive pronoun
    no mention stands for is the visit of the one the text is about (the latest person
    subject before it, in its sentence or the one before), else of the nearest actor of the
    pronoun's kind named before; so is an arrest that dates the clause ("Mr Khodorkovsky is
    on trial following his arrest in October 2003": events.yaml sequence_prepositions). Other
    acts are left alone: "upheld his indictment" names a step of the court's ruling, no
    arrest of its own."""
    if owner.lower_ not in POSSESSIVE_REFERENTS:
        return []
    token = draft.token
    dated_by = (
        draft.trigger.subject_role == "recipient"
        and draft.event_type == "COERCE"
        and token.dep_ == "pobj"
        and token.head.lower_ in SEQUENCE_PREPOSITIONS
    )
    if draft.mode != "visit" and not dated_by:
        return []
    others = {actor_key(m) for m in draft.actors()}
    visitors = pronoun_owner(owner, draft.sentence.sentence_id, others, index, prefer_subject=True)
    to_phrases = [p for c in draft.token.children if c.dep_ == "prep" and c.lower_ == "to" for p in pobjs(c)]
    destinations = {
        m.country_iso3
        for m in [*draft.targets, *(m for p in to_phrases for m in np_actors(p, index))]
        if m.entity_type == "COUNTRY"
    }  # "His visit to Cuba": the "to" phrase is read after the possessor
    return [] if any(visits_home(visitors, iso3) for iso3 in destinations) else visitors


def _bare_conjunct(noun: Token) -> bool:
    """ "the Japanese invasion and occupation of China": a noun coordinated with another noun
    and with no modifier or phrase of its own shares that noun's ("Japanese", "of China")."""
    if noun.dep_ != "conj" or noun.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return not any(c.dep_ in ("poss", "compound", "amod", "nmod", "prep", "acl", "relcl") for c in noun.children)


def _infinitive_targets(draft: Draft, index: MentionIndex) -> None:
    """ "Mr Blair's refusal to accept the Tories' proposals", "a demand to meet the EU": a
    refusal, demand or threat noun whose infinitive acts on an actor (or on what an actor
    owns) is aimed at that actor, as the verb's is ("refused to accept X's proposals")."""
    for clause in draft.token.children:
        if clause.dep_ not in ("acl", "xcomp") or clause.tag_ != "VB":
            continue
        found = [m for c in clause.children if c.dep_ in ("dobj", "dative") for m in np_actors(c, index)]
        for prep in clause.children:
            if prep.dep_ == "prep" and prep.lower_ in ("with", "to", "against", "on"):
                found += [m for p in pobjs(prep) for m in np_actors(p, index)]
        assign(draft, "targets", [m for m in unique(found) if m not in draft.sources])


def _held_in(draft: Draft, index: MentionIndex) -> None:
    """ "Mr Khodorkovsky is in jail", "remains in custody", "was held in prison by police",
    "was placed under house arrest", "was taken into custody", "was sent to prison": a
    trigger noun of a state one is held in, as the "in", "under", "into" or "to" phrase of
    a verb of being (events.yaml state_verbs) or of putting or keeping (custody_verbs), has
    the one held as the noun's recipient: the subject of a verb of being, the object of a
    verb of putting, a passive's subject; the putting verb's subject or a passive's agent
    is the holder."""
    noun = draft.token
    prep = noun.head
    if draft.trigger.subject_role != "recipient" or noun.dep_ != "pobj":
        return
    verb = prep.head
    putting = lemma_in(verb, CUSTODY_VERBS)
    if prep.lower_ not in (CUSTODY_PREPS if putting else STATE_PREPS) or verb.pos_ not in ("VERB", "AUX"):
        return
    if not putting and not lemma_in(verb, STATE_VERBS):
        return
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    holders: list[Mention] = []
    if passive:  # "was held in custody by police", "was placed under house arrest"
        relative = is_relative_pronoun(passive[0])
        held = np_actors(verb.head if relative and verb.dep_ == "relcl" else passive[0], index)
        holders = [m for a in verb.children if a.dep_ == "agent" for p in pobjs(a) for m in np_actors(p, index)]
    elif putting:  # "police held two men in custody", "took him into custody"
        held = [m for c in verb.children if c.dep_ == "dobj" for m in np_actors(c, index)]
        holders = subject_actors(verb, index)
    else:  # "is in jail", "who has been in jail"
        held = subject_actors(verb, index)
    if held:  # "the government has put more criminals in jail": no one named is held
        assign(draft, "sources", holders)
        assign(draft, "targets", [m for m in held if m not in draft.sources])


# The prepositions of a state of custody after a verb of being, and after a verb of putting.
STATE_PREPS = frozenset({"in", "under"})
CUSTODY_PREPS = frozenset({"in", "under", "into", "to"})


def _mediator_modifier(token: Token) -> bool:
    """ "U.S.-mediated": a name hanging from a mediating participle ("US" <- "mediated")."""
    return token.dep_ in ("amod", "compound") and token.tag_ == "VBN" and lemma_in(token, MEDIATING_VERBS)


def _realiser_actors(draft: Draft, index: MentionIndex, subject_role: str) -> None:
    """The actors of the light verbs that realise a trigger noun: the subject of "held talks",
    "reached a deal" (a mediator of "hosted talks between A and B", the one criticised of
    "came under fire from Y"), the country gone to for a visit, and the recipient of a
    directed act ("gave Argentina a loan", "heaped praise on Mr Brown")."""
    for verb in list(draft.realisers):
        if verb.dep_ in ("acl", "relcl") and verb.head in (draft.token, outer_noun(draft.token)):
            continue  # participles were read with the noun
        subjects = subject_actors(verb, index)
        if not subjects:
            continue
        if lemma_in(verb, MEDIATING_VERBS):
            has_parties = bool(draft.participants or draft.sources or draft.targets)
            if has_parties:
                assign(draft, "mediators", subjects)
                if draft.event_type == "CONSULT":
                    draft.mode = "third-party" if draft.mode in (None, "visit") else draft.mode
            elif lemma_in(verb, frozenset({"host"})):
                assign(draft, "targets", subjects)  # "X hosted talks": X hosts
                draft.mode = draft.mode or "visit"
            else:
                assign(draft, "participants" if draft.event_type in SYMMETRIC_TYPES else "sources", subjects)
        elif draft.token in received_nouns(verb):
            # "X came under fire from Y", "X faced criticism from Y": Y criticises X (receiving_verbs)
            # "from Congressional leaders and from the regulator": each "from" phrase gives
            froms = [c for c in [*verb.children, *draft.token.children] if c.dep_ == "prep" and c.lower_ == "from"]
            froms += [g for c in froms for g in c.children if g.dep_ == "conj" and g.lower_ == "from"]
            givers = [m for c in froms for p in pobjs(c) for m in np_actors(p, index)]
            if draft.trigger.event_type == "ASSAULT" and not _verbal_reception(verb, givers, subjects):
                draft.realisers.remove(verb)  # "the convoy came under attack": violence, read as before
                continue
            if subjects:  # "the campaign came under fire from Y": criticism of no actor is a stance
                assign(draft, "sources", [m for m in givers if m not in subjects])
                assign(draft, "targets", [m for m in subjects if m not in draft.sources])
        else:
            assign(draft, subject_role, subjects)
        if draft.mode == "visit" and not draft.targets:
            # "arrived in India for a three-day visit": the country gone to is the host
            hosts = [
                m
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ in ("in", "to")
                for p in pobjs(c)
                for m in np_actors(p, index)
                if m.entity_type == "COUNTRY"
            ]
            assign(draft, "targets", [m for m in hosts if m not in draft.sources])
        if not draft.targets and draft.event_type not in SYMMETRIC_TYPES and subject_role == "sources":
            # "gave Argentina a loan", "sent aid to Sri Lanka", "heaped praise on Mr Brown", "filed
            # a lawsuit against Google": the recipient of the light verb ("on" not for a deal:
            # "signed a deal on China-UK tourism" says what it is about)
            recipient_preps = ("to",) if draft.event_type == "AGREE" else ("to", "on", "upon", "against")
            receivers = [m for c in verb.children if c.dep_ == "dative" for m in np_actors(c, index)]
            receivers += [
                m
                for c in verb.children
                if c.dep_ in ("prep", "dative") and c.lower_ in recipient_preps
                for p in pobjs(c)
                for m in np_actors(p, index)
            ]
            assign(draft, "targets", [m for m in unique(receivers) if m not in draft.sources])
            if not draft.targets and lemma_in(draft.token, APPRAISING_VERBS):
                assign(draft, "targets", appraised_person(draft, index))  # "heaped praise on him"


def _verbal_reception(verb: Token, givers: list[Mention], subjects: list[Mention]) -> bool:
    """ "Mr Blair came under attack from Labour", "the government's plans came under attack
    from MPs": an attack a politician or body undergoes from one, or that plans or words
    undergo, is criticism (filters.verbal_attack), the only attack a receiving frame reports."""
    if any(c.dep_ in ("nsubj", "nsubjpass") and lemma_in(c, DISCOURSE_NOUNS) for c in verb.children):
        return True
    political = ("PERSON", "ORGANIZATION")
    return any(m.entity_type in political and m.kind != "demonym" for m in givers) and any(
        m.entity_type in political for m in subjects
    )


def _governing_clause_actors(draft: Draft, index: MentionIndex) -> None:
    """ "Mirzoyan said at the talks ...", "X pledged ... during talks with Y": X took part.
    "In a jibe at Y, X said ...", "X opened the forum with an attack on Y": X made the jibe
    or the attack."""
    outer = outer_noun(draft.token)
    if (
        (draft.event_type in SPEECH_TYPES or draft.event_type == "ASSAULT")
        and not draft.sources
        and not draft.realisers
    ):
        prep = outer.head
        verb = prep.head
        if outer.dep_ != "pobj" or prep.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX"):
            return
        if (prep.lower_ == "in" and draft.event_type in SPEECH_TYPES) or (
            prep.lower_ == "with" and lemma_in(verb, OPENING_VERBS) and active(verb)
        ):
            assign(draft, "sources", [m for m in subject_actors(verb, index) if m not in draft.targets])
        return
    if draft.event_type not in SYMMETRIC_TYPES or any(v.head not in (draft.token, outer) for v in draft.realisers):
        return
    prep = outer.head
    if outer.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in ("on", "for") and prep.head.pos_ == "PROPN":
        # "Hu Jintao, on a state visit to Brazil, signed ...": the one named is on the visit
        assign(draft, "sources" if draft.mode == "visit" else "participants", np_actors(prep.head, index))
        return
    if outer.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in TEMPORAL_LINK_PREPS:
        return
    has_with = any(c.dep_ == "prep" and c.lower_ == "with" for c in draft.token.children)
    if prep.lower_ not in ("at", "during") and not has_with:
        return
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or (has_neg(verb) and verb.lemma_ == "be"):
        # "Mr Brown, who was not at the meeting": he took no part; one who "did not raise
        # Iraq at the summit" was there all the same
        return
    assign(draft, "participants", subject_actors(verb, index))


def _hyphen_mediators(draft: Draft, index: MentionIndex) -> None:
    """ "U.S.-mediated negotiations" kept as one token: the name inside it mediates."""
    noun = draft.token
    for child in list(noun.children) + list(outer_noun(noun).children):
        if child.dep_ not in ("amod", "compound"):
            continue
        match = _HYPHEN_MEDIATED.match(child.text)
        if not match:
            continue
        inside = [m for m in index.all_at(child) if is_actor(m) and m.char_end <= child.idx + match.end("actor") + 1]
        if inside:
            assign(draft, "mediators", inside)
            draft.participants = [m for m in draft.participants if m not in inside]
            draft.sources = [m for m in draft.sources if m not in inside]
            if draft.event_type == "CONSULT":
                draft.mode = "third-party"
