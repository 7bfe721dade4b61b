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
from collections.abc import Callable, Iterator
from dataclasses import replace
from types import SimpleNamespace

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
    national_government,
    outer_noun,
    place_at,
    pobjs,
    received_nouns,
    unique,
)
from pipeline.nlp.events.state_agents import country_mention, state_of_agents
from pipeline.nlp.events.vocabulary import (
    ADDRESSING_VERBS,
    APPRAISING_VERBS,
    CALL_NOUNS,
    CALLING_VERBS,
    CITY_COUNTRIES,
    CLAIM_NOUNS,
    CLAIMING_VERBS,
    CUSTODY_VERBS,
    DENYING_VERBS,
    DISCOURSE_NOUNS,
    DISTINCT_PARTY_NOUNS,
    GROUP_HEADS,
    HANDOVER_VERBS,
    HOME_AGENT_HEADS,
    MEDIATING_VERBS,
    OBJECT_CONTROL,
    OFFICE_HOLDER_NOUNS,
    OPENING_VERBS,
    PAIR_NOUNS,
    PRESENTING_VERBS,
    PROPOSAL_NOUNS,
    RECIPROCAL_VERBS,
    REPORTING_VERBS,
    SEQUENCE_PREPOSITIONS,
    SPOKESPERSON_NOUNS,
    STATE_AGENT_HEADS,
    STATE_VERBS,
    STRIKE_NOUNS,
)
from pipeline.nlp.lexicons import EventTriggers, load_event_triggers
from pipeline.nlp.membership import introduced_with
from pipeline.nlp.names import given_name_gender, honorific_gender
from pipeline.nlp.quotes.genders import PRONOUN_GENDER
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import (
    ACTIVE_SUBJECT_DEPS,
    DEFINITE_DETS,
    SUBJECT_SLOT_DEPS,
    MentionIndex,
    fronted_participle,
    has_neg,
    is_passive,
    is_relative_pronoun,
    judged_dep,
    mention_root,
    misparsed_coordinate,
    passive_form,
)

# Where a verb's subject and object go, by the trigger's `subject_role`.
SUBJECT_OBJECT_ROLES = {
    "source": ("sources", "targets"),
    "recipient": ("targets", "sources"),  # "X hosted Y": Y visits, X hosts
    "mediator": ("mediators", "participants"),
}
BODY_PRONOUNS = frozenset({"it", "they"})  # pronouns a body or a group is referred to by
TARGET_PREPS = frozenset({"against", "on", "to", "toward", "towards", "upon", "into"})
# Acts done for someone's benefit: their "for" phrase names the one helped ("aid for Aceh").
BENEFIT_TYPES = frozenset({"SUPPORT", "AID"})
_HYPHEN_MEDIATED = re.compile(
    r"^(?P<actor>.+?)[-–](?P<verb>mediated|brokered|hosted|sponsored|backed|led|organi[sz]ed|staged|arranged|chaired)$",
    re.IGNORECASE,
)


def np_actors(
    token: Token, index: MentionIndex, depth: int = 0, allow_pronoun_possessor: bool = False
) -> list[Mention]:
    """Actor mentions a noun phrase headed by `token` names, conjuncts included."""
    if depth > 6:
        return []
    out: list[Mention] = []
    covering = actor_at(index, token)
    if covering is not None and (states := _office_holders_states(token, covering, index)):
        out += states  # "the Japanese and Chinese leaders": Japan and China, not a group
    elif covering is not None:
        out.append(covering)
        out += state_of_agents(token, covering, index)  # "Israeli troops": Israel's too
        for child in token.children:  # "the minister, Sergei Lavrov"; not "X, Y's secretary"
            if child.dep_ == "appos" and actor_at(index, child) is not None:
                out += np_actors(child, index, depth + 1)
    elif _counted_pair(token):
        # "the two sides", "both ex-Soviet states": the pair named before, never the
        # modifier that describes them
        out += _pair_antecedent(token, index)
    elif (
        token.pos_ in ("NOUN", "PROPN", "ADJ", "PRON", "NUM", "X")
        or token.dep_ in ("compound", "amod")
        or _noun_read_as_verb(token)
    ):
        topic = token.lemma_.lower() in DISCOURSE_NOUNS or token.lower_ in DISCOURSE_NOUNS
        for child in token.children:
            if child.dep_ in ("compound", "amod", "nmod", "appos", "npadvmod"):
                found = np_actors(child, index, depth + 1)
                if topic:  # "UK policy" names its owner; "the 'no Welsh' plan" names a topic
                    found = [m for m in found if m.kind == "name" and m.entity_type in ("COUNTRY", "ORGANIZATION")]
                out += found or _state_of_place(token, child, index)  # "Madrid police": Spain's
            elif child.dep_ == "poss":
                if child.pos_ == "PRON" and not allow_pronoun_possessor:
                    continue  # "his counterparts" are not him
                out += np_actors(child, index, depth + 1)
            elif child.dep_ in ("prep", "agent") and (
                (child.lower_ in ("of", "by") and topic) or (child.lower_ in ("by", "from") and _said_act(token))
            ):
                # "the policies of the government", "the handling of the crisis by the Home
                # Office", "the criticism by the US": words, plans, aims and what was said
                # are whoever holds or said them, as a possessor is ("Blair's plans"); a
                # place there is what they are about (the "of" of a criticism is its target)
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out += [m for m in np_actors(pobj, index, depth + 1) if m.entity_type != "LOCATION"]
            elif child.dep_ == "prep" and (
                child.lower_ in ("of", "from")
                and token.lemma_.lower() in GROUP_HEADS
                or child.lower_ == "for"
                and token.lemma_.lower() in SPOKESPERSON_NOUNS
            ):
                # "officials from both states"; "a spokesman for UKIP" speaks as UKIP (eval/GUIDE.md)
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out += np_actors(pobj, index, depth + 1)
            elif child.dep_ == "prep" and child.lower_ == "in" and token.lemma_.lower() in GROUP_HEADS:
                # "officials in Mumbai, India", "police in Iraq": the state they serve
                if token.lemma_.lower() in STATE_AGENT_HEADS:
                    out += _state_in(child, index)
                else:
                    out += _countries_named_in(child, index)
            elif child.dep_ == "prep" and child.lower_ == "of" and token.pos_ == "PROPN" and token.is_title:
                # "Archbishop of Canterbury Dr Rowan Williams": a title whose name the
                # parser hung inside its "of" phrase; only a person there is the title holder
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out += [
                            m
                            for m in np_actors(pobj, index, depth + 1)
                            if m.entity_type == "PERSON" and m.kind == "name"
                        ]
    for child in token.children:
        if child.dep_ == "conj":
            out += np_actors(child, index, depth + 1, allow_pronoun_possessor)
    return unique(out)


def _noun_read_as_verb(token: Token) -> bool:
    """ "criticised 'extravagant' Tory promises": a plural noun the parser tags as a verb
    ("promises", "plans") while giving it a noun's place (object, subject, "of" object) and
    a noun's modifiers, with no subject, auxiliary or object of its own, heads a noun phrase."""
    if token.pos_ != "VERB" or token.tag_ != "VBZ" or token.dep_ not in ("dobj", "pobj", "nsubj", "nsubjpass"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj", "ccomp", "xcomp") for c in token.children):
        return False
    return any(c.dep_ in ("compound", "amod", "poss", "det") for c in token.children)


def _office_holders_states(token: Token, group: Mention, index: MentionIndex) -> list[Mention]:
    """ "The Japanese and Chinese leaders met", "Chinese leaders", "EU and Turkish
    negotiators": a plural of a state's office holders (events.yaml office_holder_nouns)
    that the text names only as a group acts as the states or bodies its modifiers name
    (eval/GUIDE.md: people when named, else their states); nothing when no modifier names
    one, and never for a named person or body."""
    if group.entity_type != "GROUP" or token.tag_ not in ("NNS", "NNPS"):
        return []
    if token.lemma_.lower() not in OFFICE_HOLDER_NOUNS:
        return []
    found: list[Mention] = []
    for child in token.children:
        if child.dep_ not in ("amod", "compound", "nmod", "poss") or child.pos_ == "PRON":
            continue
        for word in [child, *(t for t in child.subtree if t.dep_ == "conj")]:
            found += [
                m for m in index.all_at(word) if m.entity_type in ("COUNTRY", "ORGANIZATION") and m.kind != "pronoun"
            ]
    return unique(found)


def _agents_where_they_act(subject: Token, verb: Token, index: MentionIndex) -> list[Mention]:
    """ "Police arrested 12 protesters in Kiev": unnamed police or officials act for the
    state where the verb places their act, as "police in Kiev" would (eval/GUIDE.md); the
    state as the article names it, else nothing. Troops are left out (home_agent_heads):
    troops in a country are as often another state's."""
    if subject.lemma_.lower() not in HOME_AGENT_HEADS:
        return []
    if any(c.dep_ in ("amod", "compound", "poss") for c in subject.children):
        return []  # "Spanish police", "the city's police": their state is said
    return _state_where(verb, index)


def _arresting_state(verb: Token, index: MentionIndex) -> list[Mention]:
    """ "Five journalists were detained in Zimbabwe", "two men were arrested in Madrid": an
    arrest in the passive with no agent at all is made by the authorities of the place the
    verb puts it in (eval/GUIDE.md: unnamed police of a place act as its country), the
    country itself or the one a city lies in; nothing when no place is said."""
    if not is_passive(verb) or any(c.dep_ == "agent" for c in verb.children):
        return []
    subject = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    outside = (subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)) if subject is not None else None
    return _state_where(verb, index, outside)


def _state_where(verb: Token, index: MentionIndex, outside: tuple[int, int] | None = None) -> list[Mention]:
    """The state the first of a verb's "in" phrases that names one puts its act in (`_state_in`)."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            found = _state_in(prep, index, outside)
            if found:
                return found
    return []


def _countries_named_in(prep: Token, index: MentionIndex) -> list[Mention]:
    """The countries an "in" phrase itself names ("in Iraq", "in Mumbai, India"): by name
    only, so a demonym inside some other phrase ("in a Russian-backed plot") is none."""
    return [
        m for pobj in pobjs(prep) for m in np_actors(pobj, index) if m.entity_type == "COUNTRY" and m.kind == "name"
    ]


def _state_in(prep: Token, index: MentionIndex, outside: tuple[int, int] | None = None) -> list[Mention]:
    """The state an "in" phrase puts an act in: the country it names, else the article's
    mention of the country its place lies in (`_country_of_place`), taken from outside the
    character span `outside` (the arrested subject's own "Russian" is not who arrests)."""
    named = _countries_named_in(prep, index)
    if named:
        return unique(named)
    for pobj in pobjs(prep):
        found = _country_of_place(pobj, index, outside)
        if found:
            return found
    return []


def _state_of_place(head: Token, place_token: Token, index: MentionIndex) -> list[Mention]:
    """ "Police in Madrid", "Madrid police", "officials in the capital Mumbai": unnamed
    officials, police, troops or courts of a city or region act as its state (PLOVER codes
    actors by country and sector; eval/GUIDE.md), so they are the article's mention of the
    country the place lies in, the nearest one before the place, else the first after. A
    crowd or a group of people in a place ("thousands in Madrid") is not its state."""
    if head.lemma_.lower() not in STATE_AGENT_HEADS:
        return []
    return _country_of_place(place_token, index)


def _country_of_place(place_token: Token, index: MentionIndex, outside: tuple[int, int] | None = None) -> list[Mention]:
    """The article's mention of the country a city or region lies in, the nearest one before
    the place, else the first after; nothing for a place that is no LOCATION."""
    place = place_at(index, place_token)
    return _state_containing(place, index, outside) if place is not None else []


def _state_containing(place: Mention, index: MentionIndex, outside: tuple[int, int] | None = None) -> list[Mention]:
    """The article's mention of the country a LOCATION lies in (`_country_of_place`).

    Only a LOCATION: a mention typed COUNTRY is already the state, and one of another type
    (a body, a person, a facility named after a place) lies in no country the text locates, so
    looking its name up in city_countries would tie an organisation to a state by its name."""
    if place.entity_type != "LOCATION":
        return []
    iso3 = place.country_iso3 or CITY_COUNTRIES.get(place.name.lower())
    state = country_mention(index, iso3, place.char_start, outside) if iso3 else None
    return [state] if state is not None else []


PAIR_WINDOW = 3  # sentences back in which "the two sides" looks for its pair


def _counted_pair(token: Token) -> bool:
    """A plural of `pair_nouns` counted as two: "the two sides", "both countries"."""
    if token.tag_ != "NNS" or token.lemma_.lower() not in PAIR_NOUNS:
        return False
    return any(c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet") for c in token.children)


def _pair_antecedent(token: Token, index: MentionIndex) -> list[Mention]:
    """ "Armenia and Azerbaijan have fought two wars ... the two sides routinely exchange
    harsh invective": a plural noun counted as two ("the two sides", "both countries")
    that names no one stands for the last pair of actors joined by "and" before it, in its
    sentence or the few before, when both are of the kind the noun says (countries for
    "countries", people for "men")."""
    if not _counted_pair(token):
        return []
    kind = PAIR_NOUNS[token.lemma_.lower()]
    doc = token.doc
    first = token.sent.start
    for _ in range(PAIR_WINDOW):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    found = _last_pair(doc[first : token.i], kind, index)
    if not found and (kind in ("country", "organization") or token.lemma_.lower() in OFFICE_HOLDER_NOUNS):
        # "the two presidents", "both countries" far into a story about two of them: a noun
        # of states, bodies or office holders looks back to the story's start ("the two men"
        # is as often a figure of speech about two others: "open warfare between the two men")
        found = _last_pair(doc[:first], kind, index)
    return found


def _last_pair(tokens, kind: str, index: MentionIndex) -> list[Mention]:
    """The last pair of actors of `kind` joined by "and" among `tokens` (`_pair_antecedent`)."""
    for t in reversed(tokens):
        if t.dep_ != "conj" or t.head.i >= t.i:
            continue
        a, b = actor_at(index, t.head), actor_at(index, t)
        if a is None or b is None or a.name == b.name:
            continue
        if a.kind == "pronoun" or b.kind == "pronoun":
            continue
        if (
            t.head.dep_ == "conj"
            or any(c.dep_ == "conj" and c.i != t.i for c in t.head.children)
            or any(c.dep_ == "conj" for c in t.children)
        ):
            continue  # three or more joined: not a pair
        if kind in ("any", "country") and a.entity_type == b.entity_type == "PERSON":
            states = [_state_of(x, index) for x in (t.head, t)]
            if all(states) and states[0].name != states[1].name:
                return states  # "Azeri President Aliyev and Armenian Prime Minister Pashinyan"
        if any(kind != "any" and m.entity_type != kind.upper() for m in (a, b)):
            continue
        return [a, b]
    return []


def _state_of(token: Token, index: MentionIndex) -> Mention | None:
    """The country a person's own title names ("Azeri President Ilham Aliyev"), its
    conjuncts left out."""
    skip = {t.i for c in token.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    for t in token.subtree:
        if t.i in skip:
            continue
        m = actor_at(index, t)
        if m is not None and m.entity_type == "COUNTRY":
            return m
    return None


def subject_actors(verb: Token, index: MentionIndex, depth: int = 0) -> list[Mention]:
    """The actors a verb's subject names, following control, coordination and participles.

    The subject slots are the syntax layer's (`ACTIVE_SUBJECT_DEPS`, a relative pronoun
    standing for the noun its clause modifies); what is event-specific is where an
    infinitive or participle without a subject takes its actors from: the object of an
    object-control verb ("urged X to meet"), the verb it hangs from, the noun it modifies."""
    if depth > 5:
        return []
    found: list[Mention] = []
    for child in verb.children:
        if child.dep_ in ACTIVE_SUBJECT_DEPS and _reduced_passive(verb, child):
            continue  # "Saddam Hussein, imprisoned at a US-run facility, ...": Saddam is the one held
        if child.dep_ in ACTIVE_SUBJECT_DEPS:
            if is_relative_pronoun(child):
                if verb.dep_ == "relcl":
                    found += np_actors(verb.head, index)
                continue
            if (apart := _party_apart(child, index)) is not None:
                found += apart  # "a shareholder in MCI sued": not MCI
                continue
            named = np_actors(child, index, allow_pronoun_possessor=True)
            found += named or _plural_antecedent(child, index) or _agents_where_they_act(child, verb, index)
        elif child.dep_ == "agent":
            for pobj in pobjs(child):
                found += np_actors(pobj, index)
    if not found and is_passive(verb):
        found = [m for p in _stray_agents(verb) for m in np_actors(p, index)]
    if not found and verb.dep_ in ("ccomp", "conj") and verb.head != verb:
        found = _reporting_body(verb, index, depth)
    if found or any(c.dep_ in SUBJECT_SLOT_DEPS for c in verb.children):
        return unique(found)  # a subject that names no actor is still the subject
    head = verb.head
    if verb.dep_ == "xcomp":
        if lemma_in(head, OBJECT_CONTROL):
            objects = [c for c in head.children if c.dep_ == "dobj"]
            if objects:
                return np_actors(objects[0], index)
        return subject_actors(head, index, depth + 1)
    if verb.dep_ in ("conj", "advcl", "ccomp") and head != verb:
        if fronted_participle(verb):
            return []  # "Arrested in 2003, Khodorkovsky remains in jail": he is the one held
        if verb.dep_ == "ccomp" and verb.tag_ not in ("VBN", "VBG"):
            return []  # a complement clause has its own subject
        if verb.dep_ == "conj" and _active(verb):
            # "the Lib Dems have not been drawn into it but have called for X": an active verb
            # shares the passive subject of the verb it is coordinated with
            passive = [m for c in head.children if c.dep_ == "nsubjpass" for m in np_actors(c, index)]
            if passive:
                return passive
        found = subject_actors(head, index, depth + 1)
        if (
            not found
            and verb.dep_ == "conj"
            and verb.tag_ in ("VBD", "VBZ", "VBP")
            and _active(verb)
            and head.dep_ == "ccomp"
            and lemma_in(head.head, REPORTING_VERBS)
        ):
            # "X said the bill was flawed and urged the government to ...": the parser hangs the
            # second finite verb on the reported clause, whose subject names no actor; the
            # speaker acts (not so for a passive: "said he was arrested and released")
            return subject_actors(head.head, index, depth + 2)
        if not found and verb.dep_ == "conj" and _active(verb) and (clause := misparsed_coordinate(verb)) is not None:
            return subject_actors(clause, index, depth + 2)  # "said it was not possible to X and urged"
        return found
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        if head.lower_ in ("for", "of"):  # "suspended X for refusing", "accused X of lying"
            objects = [c for c in head.head.children if c.dep_ == "dobj"]
            if objects:
                return np_actors(objects[0], index)
        return subject_actors(head.head, index, depth + 1)
    if (addressee := _written_to(verb)) is not None:
        return subject_actors(addressee.head.head, index, depth + 1)  # "wrote to X demanding": the writer
    if verb.dep_ in ("acl", "amod", "compound") and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
        if (named := _person_in_apposition(head, index)) is not None:
            return [named]  # "Paul Volcker, a former American official investigating ...": Volcker
        return np_actors(head, index)  # "an Azeri checkpoint restricting movement"
    if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBZ", "VBP") and head.pos_ in ("NOUN", "PROPN"):
        # "X, chairman of Y, called on Z": a finite verb the parser hung on the subject
        return np_actors(head, index)
    if _finite_read_as_participle(verb):
        return np_actors(head, index)  # "Vincent Cable, for the Liberal Democrats, called on Z"
    return []


def _party_apart(noun: Token, index: MentionIndex) -> list[Mention] | None:
    """ "A shareholder in MCI has taken legal action", "the British producers of the show",
    "the US movie industry", "Yukos' parent company, the Menatep Group, is suing": a subject
    noun no actor mention covers whose head (or its compound: "MCI shareholder") names a party
    apart from the one its modifiers name (events.yaml distinct_party_nouns) acts as no actor
    those modifiers name, only as one in apposition; None for any other subject."""
    if actor_at(index, noun) is not None:
        return None
    if not lemma_in(noun, DISTINCT_PARTY_NOUNS) and not any(
        c.dep_ == "compound" and lemma_in(c, DISTINCT_PARTY_NOUNS) for c in noun.children
    ):
        return None
    # an apposition set off by a comma ("Yukos' parent company, the Menatep Group"), not a name
    # the parser hung on the noun from inside its phrase ("a shareholder in US firm MCI")
    appositions = [c for c in noun.children if c.dep_ == "appos" and c.doc[c.left_edge.i - 1].text == ","]
    return [m for c in appositions for m in np_actors(c, index)]


def _reduced_passive(verb: Token, subject: Token) -> bool:
    """ "Saddam Hussein, imprisoned at a U.S.-run facility, was said to be upset": the parser
    makes the name the subject of a bare past participle set off by a comma, with no auxiliary
    of its own (or, misparsed, the root the main verb hangs from); such a participle is
    passive, its "subject" the one it was done to."""
    return (
        subject.dep_ == "nsubj"
        and verb.tag_ == "VBN"
        and verb.dep_ in ("advcl", "acl", "ROOT")
        and subject.i < verb.i
        and verb.doc[verb.i - 1].text == ","
        and not _active(verb)
    )


def _person_in_apposition(noun: Token, index: MentionIndex) -> Mention | None:
    """ "Paul Volcker, a former American official investigating the scandal": a common noun
    in apposition to a named person is that person; the nationality or body that modifies
    the noun only describes them. The person's mention, or None."""
    if noun.dep_ != "appos" or actor_at(index, noun) is not None:
        return None
    named = actor_at(index, noun.head)
    return named if named is not None and named.entity_type == "PERSON" and named.kind == "name" else None


def _finite_read_as_participle(verb: Token) -> bool:
    """ "Vincent Cable, for the Liberal Democrats, called on Mr Brown to ...": a past form
    right after the comma closing the subject's aside, which the parser reads as a participle
    on a noun it makes the sentence's root, is the sentence's finite verb (a headline's "UK
    urged to act" has no such comma and stays passive)."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and head.dep_ == "ROOT"
        and head.pos_ in ("NOUN", "PROPN")
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and not any(c.dep_ in ("agent", "auxpass") for c in verb.children)
    )


def _written_to(verb: Token) -> Token | None:
    """ "The Tories have written to Mr Blair demanding an inquiry": the parser hangs the
    participle on the one written to; the writer demands and the addressee is asked
    (events.yaml addressing_verbs). The addressee's noun, or None."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or head.dep_ != "pobj" or head.head.lower_ != "to":
        return None
    writer = head.head.head
    return head if writer.pos_ == "VERB" and lemma_in(writer, ADDRESSING_VERBS) else None


def _active(verb: Token) -> bool:
    """An active verb form: not a passive participle ("was arrested and released") nor one
    with a passive auxiliary; a perfect ("have called") is active."""
    return not passive_form(verb)


def _plural_antecedent(pronoun: Token, index: MentionIndex) -> list[Mention]:
    """ "Brazil and South Korea also discussed cooperation. They signed an agreement": a
    sentence-opening "they" that no mention resolves is the compound subject of the
    sentence before, when that subject names two or more actors joined by "and", or is a
    plural of officials naming one state or body ("Iranian authorities have arrested 20
    journalists. They accused ..."). A singular or a generic plural noun is left alone:
    "they" is as often someone else."""
    if pronoun.lower_ != "they" or pronoun.i - pronoun.sent.start > 2:
        return []
    start = pronoun.sent.start
    if start == 0:
        return []
    previous = pronoun.doc[start - 1].sent
    verb = previous.root
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    for child in verb.children:
        if child.dep_ not in ACTIVE_SUBJECT_DEPS:
            continue
        found = np_actors(child, index)
        if any(c.dep_ == "conj" for c in child.children):
            if len(found) >= 2 and all(m.kind == "name" for m in found):
                return found
        elif child.tag_ == "NNS" and child.lemma_.lower() in GROUP_HEADS and actor_at(index, child) is None:
            bodies = [m for m in found if m.entity_type in ("COUNTRY", "ORGANIZATION")]
            if len(bodies) == 1 and len(found) == 1:
                return bodies
    return _met_pair(verb, index)


def _met_pair(verb: Token, index: MentionIndex) -> list[Mention]:
    """ "Hu Jintao met Lula on Friday. They signed eleven agreements": after a sentence that
    reports a meeting of a named subject with a named partner (a CONSULT verb of the
    dictionary with its object or "with" phrase), both people or states named as such,
    "they" are the two who met."""
    found = load_event_triggers().verb(verb.lemma_.lower())
    if found is None or found.event_type not in SYMMETRIC_TYPES or found.subject_role != "source":
        return []
    subjects = [m for c in verb.children if c.dep_ == "nsubj" for m in np_actors(c, index)]
    partners = [m for c in verb.children if c.dep_ == "dobj" for m in np_actors(c, index)]
    partners += _partners(verb, index)
    pair = unique(subjects + partners)
    if not subjects or not partners or len(pair) < 2:
        return []
    if any(m.kind != "name" or m.entity_type not in ("PERSON", "COUNTRY") for m in pair):
        return []  # "Union leaders met Mr Prescott. They want ...": a group's "they" is its own
    return pair


def _reporting_body(verb: Token, index: MentionIndex, depth: int) -> list[Mention]:
    """ "LG Group has said any package should ..., and it will not accept": "it" or "they"
    that no mention resolves, as the subject of a clause coordinated with a verb of saying,
    is the body that said it (a person is "he" or "she", so only bodies, countries and
    groups). A clause the verb of saying governs ("said they would") is left alone: its
    "they" is as often someone else."""
    pronouns = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in BODY_PRONOUNS]
    if not pronouns or index.all_at(pronouns[0]):
        return []
    head = verb.head
    if not (verb.dep_ == "conj" and _reports(head)):
        return []
    return [m for m in subject_actors(head, index, depth + 1) if m.entity_type != "PERSON" and m.kind != "pronoun"]


PERSON_PRONOUNS = frozenset({"he", "she"})  # pronouns a person is referred to by


def reported_speaker(verb: Token, index: MentionIndex) -> list[Mention]:
    """ "The CBI said it wanted ministers to scrap the tax", "Mr Kennedy said he wanted Mr
    Blair to apologise": a pronoun subject no mention resolves, of a clause a verb of saying
    governs and opens ("said (on Monday) (that) it ..."), is that verb's named subject when it agrees
    with it ("he" / "she" a person, "it" / "they" a body, country or group). For a clause
    of the speaker's own wish or readiness (a request of someone, an offer), where the
    speaker stating it is the reading; a negated verb of saying reports nothing."""
    pronouns = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in BODY_PRONOUNS | PERSON_PRONOUNS]
    if not pronouns or verb.dep_ != "ccomp" or any(m.name for m in index.all_at(pronouns[0])):
        return []
    head = verb.head
    if not lemma_in(head, REPORTING_VERBS) or has_neg(head):
        return []
    clause = {t.i for t in verb.subtree}
    between = verb.doc[head.i + 1 : pronouns[0].i]
    if head.i > pronouns[0].i or any(t.i in clause and t.dep_ != "mark" for t in between):
        return []  # "says the over-55s are united around areas they want ...": another's "they"
    pronoun = pronouns[0].lower_
    person = pronoun in PERSON_PRONOUNS
    return [
        m
        for m in subject_actors(head, index)
        if m.kind != "pronoun"
        and (m.entity_type == "PERSON") == person
        and m.entity_type != "LOCATION"
        and _gender_agrees(m, pronoun)
    ]


# The subject form of a person's possessive or object pronoun: the gender `persons_before` wants.
SUBJECT_FORMS = {"his": "he", "her": "she", "him": "he"}


def persons_before(index: MentionIndex, pronoun: Token, sentence_id: int, gendered: str) -> Iterator[Mention]:
    """The persons named (or pronouns resolved to one) before the pronoun, latest first, in its
    sentence or the one before, whose title or given name does not give the other gender."""
    for mention in reversed(index.mentions):
        if mention.char_start >= pronoun.idx:
            continue
        if mention.sentence_id < sentence_id - 1:
            break
        if mention.entity_type != "PERSON" or (mention.kind == "pronoun" and mention.antecedent is None):
            continue
        if _gender_agrees(mention, gendered):
            yield mention


def subject_person_before(
    pronoun: Token, sentence_id: int, gendered: str, sources: set[str], index: MentionIndex
) -> list[Mention]:
    """ "He entered Downing Street after the resignation of Harold Wilson. Tony Blair called him
    a 'giant'", "Michael Howard criticised Tony Blair. His comments ...": a person pronoun takes
    up the latest subject, in its sentence or the one before, that is a person of its gender
    other than `sources` (the one the text is about, not the last name in a phrase)."""
    for mention in persons_before(index, pronoun, sentence_id, gendered):
        if actor_key(mention) in sources:
            continue
        root = mention_root(pronoun.doc, mention)
        if root is not None and root.dep_ in ("nsubj", "nsubjpass"):
            return [mention]
    return []


def _gender_agrees(mention: Mention, pronoun: str) -> bool:
    """ "Mrs Thatcher said he was ready": a person whose title or given name gives the other
    gender is not the "he" or "she" (an unknown gender agrees)."""
    wanted = PRONOUN_GENDER.get(pronoun)
    gender = honorific_gender(mention.surface) or given_name_gender(mention.name)
    return wanted is None or gender is None or gender == wanted


def _reports(verb: Token) -> bool:
    """Whether a verb carries a reported clause ("has said any package should ...")."""
    return lemma_in(verb, REPORTING_VERBS) and any(c.dep_ == "ccomp" for c in verb.children)


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
            or _reduced_passive(verb, child)  # "Saddam Hussein, imprisoned at ...": the one held
        ):
            out += np_actors(child, index)
            if draft.event_type in SYMMETRIC_TYPES and child.dep_ == "dobj":
                # "discussed the system with Paul Martin": the parser hangs the "with" phrase of
                # a meeting verb on its object; the one met is the verb's partner all the same
                out += _partners(child, index)
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
        and not _finite_read_as_participle(verb)
    ):
        out += np_actors(verb.head, index)  # "Armenians persecuted by X"
    if fronted_participle(verb):  # "Arrested in 2003, Khodorkovsky remains in jail"
        out += [m for c in verb.head.children if c.dep_ == "nsubj" for m in np_actors(c, index)]
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
        assign(draft, "targets", _object_owner(draft, index))
    if not draft.targets and draft.event_type in ADDRESSED_TYPES:
        assign(draft, "targets", _pronoun_object_referent(draft, index))
    if not draft.targets and draft.event_type in SPEECH_TYPES and (addressee := _written_to(draft.token)):
        assign(draft, "targets", [m for m in np_actors(addressee, index) if m not in draft.sources])
    if not draft.targets and draft.event_type in OTHER_DIRECTED_TYPES:
        assign(draft, "targets", _object_doer(draft, index) or _proposal_object_owner(draft, index))
    if not draft.targets and draft.event_type == "SUPPORT":
        # "has backed the control orders" (the government's plans): backing is aimed at their owner,
        # never at the backer's own party ("Tory leader Michael Howard has backed the plans")
        owners = _proposal_object_owner(draft, index)
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


# Pronouns that own a thing, by the entity types they can stand for.
POSSESSIVE_REFERENTS = {
    "his": ("PERSON",),
    "her": ("PERSON",),
    "its": ("ORGANIZATION", "COUNTRY"),
    "their": ("ORGANIZATION", "COUNTRY", "GROUP"),
}
# Directed acts no one aims at their own words or deeds ("rejected their proposals").
OTHER_DIRECTED_TYPES = frozenset({"ACCUSE", "REJECT"})


def _object_owner(draft: Draft, index: MentionIndex) -> list[Mention]:
    """ "Davis welcomed his apology", "The Lib Dems rejected their proposals": a criticism,
    refusal or appraisal of a thing owned through a possessive pronoun is aimed at the
    owner. One does not reject or welcome one's own proposal, so the owner is the nearest
    actor of the pronoun's kind named before it, in its sentence or the one before, that is
    not the act's source ("its", "their" -> the previous sentence's body); a pronoun the
    mention layer resolved ("He said ...") counts as the one it stands for. In the passive
    ("His plans were criticised by the Tories", "Her call was backed by Tessa Jowell") the
    subject is the thing judged, and its pronoun, read before the agent is named, stands for
    someone named earlier, so a backing verb's passive subject counts too."""
    sentence_id = draft.sentence.sentence_id
    sources = {actor_key(m) for m in draft.sources}
    passive = is_passive(draft.token)
    judged = judged_dep(draft.token)
    for obj in draft.token.children:
        if obj.dep_ != judged:
            continue
        found = possessed_owner(obj, sentence_id, sources, index, prefer_subject=passive)
        if found is not None:
            return found
    return []


def possessed_owner(
    obj: Token, sentence_id: int, sources: set[str], index: MentionIndex, prefer_subject: bool = False
) -> list[Mention] | None:
    """The owner of words or deeds owned through a possessive pronoun ("his apology", "her
    comments"): the mention the pronoun resolves to, else the nearest actor of its kind
    named before it (`_named_before`), never one of `sources`; None when `obj` is no such
    thing (an actor itself, or no possessive pronoun). With `prefer_subject` ("X criticised
    Y on Monday. His comments were welcomed by Z": a sentence that opens on "his comments"
    takes up the one the text is about), a "his" or "her" is first the latest person subject
    before it (`subject_person_before`)."""
    owners = [c for c in obj.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_REFERENTS]
    if not owners or actor_at(index, obj) is not None or not _words_or_deeds(obj):
        return None
    return pronoun_owner(owners[0], sentence_id, sources, index, prefer_subject)


def pronoun_owner(
    pronoun: Token, sentence_id: int, sources: set[str], index: MentionIndex, prefer_subject: bool = False
) -> list[Mention]:
    """Who a possessive pronoun stands for (`possessed_owner`): with `prefer_subject`, for a
    "his" or "her", the latest person subject before it; else the mention it resolves to, else
    the nearest actor of its kind named before it; never one of `sources`."""
    gendered = SUBJECT_FORMS.get(pronoun.lower_)
    subject = (
        subject_person_before(pronoun, sentence_id, gendered, sources, index) if prefer_subject and gendered else []
    )
    if subject:
        return subject
    resolved = actor_at(index, pronoun)
    if resolved is not None:
        return [] if actor_key(resolved) in sources else [resolved]
    return _named_before(pronoun, POSSESSIVE_REFERENTS[pronoun.lower_], sentence_id, sources, index)


def _named_before(
    pronoun: Token, kinds: tuple[str, ...], sentence_id: int, sources: set[str], index: MentionIndex
) -> list[Mention]:
    """The nearest actor of the pronoun's kinds named before it, in its sentence or the one
    before, that is not the act's source; a plural pronoun takes that actor's conjuncts too
    ("Britain and Spain proposed ... their proposal": both)."""
    for mention in reversed(index.mentions):
        if mention.char_start >= pronoun.idx:
            continue
        if mention.sentence_id < sentence_id - 1:
            break
        if mention.kind == "pronoun" and mention.antecedent is None:
            continue  # an unresolved "he" names no one
        if mention.entity_type not in kinds or not is_actor(mention):
            continue
        if actor_key(mention) in sources:
            continue
        if pronoun.lower_ in ("their", "them"):
            return [m for m in _conjoined(mention, pronoun.doc, index) if actor_key(m) not in sources]
        return [mention]
    return []


# Object pronouns, by the entity types they can stand for.
OBJECT_REFERENTS = {
    "him": ("PERSON",),
    "her": ("PERSON",),
    "them": ("ORGANIZATION", "COUNTRY", "GROUP"),
}
# "it" stands for a body only as the one an act addresses ("accused it of betraying its
# supporters", "urged it to"); elsewhere ("denied it", "sold it") it is a thing.
ADDRESSED_REFERENTS = {"it": ("ORGANIZATION", "COUNTRY")}
# Acts aimed at the one they address: their object is their target ("accused him of", "urged them to").
ADDRESSED_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST"})


def described_bodies(draft: Draft, index: MentionIndex) -> None:
    """Give a verb's speech act with no source, or criticism, demand or refusal with no
    target, the body its "the commission" subject or "the party" object describes
    (`_described_body`); run once the draft's type is settled ("attacked the party" is read
    as criticism only after its actors are known)."""
    if draft.token.pos_ not in ("VERB", "AUX") or draft.event_type not in SPEECH_TYPES:
        return
    if not draft.sources:
        assign(draft, "sources", _described_body(draft, index, ("nsubj",), draft.targets))
    if not draft.targets and draft.event_type in ADDRESSED_TYPES:
        assign(draft, "targets", _described_body(draft, index, ("dobj",), draft.sources))


def _described_body(draft: Draft, index: MentionIndex, deps: tuple[str, ...], others: list[Mention]) -> list[Mention]:
    """ "In its report, the Law Commission said ... The commission also recommended tightening
    the law", "Much of the UKIP funding came from Sir Paul Sykes. Critics have accused the
    party of buying votes": a definite body noun as the verb's subject or direct object
    (`deps`; "the party", "the commission": quotes.yaml body_nouns, with no name of its own)
    is the organisation named before it that the noun describes (`quotes.speakers.body_described`,
    as "the party said" speaks for it): the only one, or else the latest in its sentence or
    the two before; never one of `others`, the act's other side ("the Tories attacked the
    party" is not the Tories)."""
    from pipeline.nlp.quotes.speakers import body_described  # quotes import the events' helpers

    article = SimpleNamespace(index=index, doc=draft.token.doc)
    excluded = {actor_key(m) for m in others}
    first = draft.sentence.sentence_id - 2
    for noun in draft.token.children:
        if noun.dep_ not in deps or actor_at(index, noun) is not None:
            continue
        described = [m for m in body_described(article, noun) if actor_key(m) not in excluded]
        if len({m.name for m in described}) == 1:
            return described[:1]  # the one commission the article names, however far back
        recent = [m for m in described if m.sentence_id >= first]
        if recent:
            return recent[:1]
    return []


def _pronoun_object_referent(draft: Draft, index: MentionIndex) -> list[Mention]:
    """ "The SNP accused him of encouraging young people to drink", "urged them to think
    again", "quit UKIP and accused it of betraying its supporters": an object pronoun of a
    criticism, refusal or demand that no mention resolves is aimed at the nearest actor of
    its kind named before it (as `_object_owner` reads "his plans"), never at the act's own
    source."""
    if not draft.sources:
        return []  # with no speaker known, "him" cannot be told apart from the speaker
    sources = {actor_key(m) for m in draft.sources}
    verb = draft.token
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    objects += [p for c in verb.children if c.dep_ == "prep" and c in draft.words for p in pobjs(c)]
    # "denied them" may be claims, "accused them of" and "urged them to" are actors
    addressed = any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ in ("of", "for")) for c in verb.children)
    for obj in objects:
        if obj.lower_ == "them" and not addressed:
            continue
        if addressed and obj.lower_ in ADDRESSED_REFERENTS and obj.tag_ == "PRP" and actor_at(index, obj) is None:
            # only a body named earlier in the same sentence: across sentences "it" is mostly
            # an unnamed "the company" ("sued the company, accusing it of ...")
            sentence_id = draft.sentence.sentence_id
            found = _named_before(obj, ADDRESSED_REFERENTS[obj.lower_], sentence_id, sources, index)
            found = [m for m in found if m.sentence_id == sentence_id]
        else:
            found = pronoun_referent(obj, draft.sentence.sentence_id, sources, index)
        if found:
            return found
    return []


def pronoun_referent(obj: Token, sentence_id: int, sources: set[str], index: MentionIndex) -> list[Mention]:
    """What an object pronoun ("him", "her", "them") no mention resolves stands for: the
    nearest actor of its kind named before it (`_named_before`) that is not one of the act's
    sources (their `actor_key`s); nothing for any other word."""
    if obj.lower_ not in OBJECT_REFERENTS or obj.tag_ != "PRP" or actor_at(index, obj) is not None:
        return []
    return _named_before(obj, OBJECT_REFERENTS[obj.lower_], sentence_id, sources, index)


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


def _proposal_object_owner(draft: Draft, index: MentionIndex) -> list[Mention]:
    """ "Union leaders attacked the proposals", "the plans were rejected by MPs", "has backed
    the control orders": criticism, refusal or backing of a definite proposal noun that
    names no owner is aimed at the owner the article last gave a proposal before it
    (`proposal_owner`), never at the act's own source."""
    sources = {actor_key(m) for m in draft.sources}
    excluded = lambda m: actor_key(m) in sources  # noqa: E731
    judged = judged_dep(draft.token)
    for obj in draft.token.children:
        # "the proposals were attacked by union leaders": a passive's subject is its object
        if obj.dep_ != judged or np_actors(obj, index):
            continue
        if draft.event_type == "REJECT":
            # "dismissed the appeal lodged by Mr Smith's lawyers": the one refused is named on it
            lodged = [m for m in _proposal_owners(obj, index) if not excluded(m)]
            if lodged:
                return lodged
        return proposal_owner(obj, index, excluded) or claim_maker(obj, index, excluded)
    return []


def demonstrated_proposals(draft: Draft, index: MentionIndex) -> None:
    """Give a criticism or refusal with no target, whose object (a passive's subject) is a bare
    "this" or "that", the owner of the proposal it points back to (`_demonstrated_proposal_owner`);
    run once the draft's type is settled ("That has been attacked by the Tories" is read as
    criticism only after its actors are known)."""
    if draft.targets or draft.event_type not in OTHER_DIRECTED_TYPES or draft.token.pos_ != "VERB":
        return
    sources = {actor_key(m) for m in draft.sources}
    excluded = lambda m: actor_key(m) in sources  # noqa: E731
    judged = judged_dep(draft.token)
    for obj in draft.token.children:
        if obj.dep_ == judged:
            assign(draft, "targets", _demonstrated_proposal_owner(obj, index, excluded))


DEMONSTRATIVES = frozenset({"this", "that"})


def _demonstrated_proposal_owner(obj: Token, index: MentionIndex, excluded: Callable[[Mention], bool]) -> list[Mention]:
    """ "Charles Clarke has come up with alternative proposals ... That has been attacked by the
    Tories": a bare "this" or "that" as what is criticised or refused points back to the last
    proposal noun of the sentence before, which belongs to its owner (`_proposal_owners`) or
    else to the subject of the clause that puts it forward ("X has come up with proposals"),
    never to the act's own source, and not when that clause is denied."""
    if obj.lower_ not in DEMONSTRATIVES or obj.pos_ != "PRON" or list(obj.children):
        return []
    if obj.sent.start == 0:
        return []
    for noun in reversed(obj.doc[obj.sent.start - 1].sent):
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in PROPOSAL_NOUNS:
            continue
        owners = _proposal_owners(noun, index) or _presenter(noun, index) or _phrasal_presenter(noun, index)
        return [m for m in owners if is_actor(m) and not excluded(m)]
    return []


def _phrasal_presenter(noun: Token, index: MentionIndex) -> list[Mention]:
    """ "Charles Clarke has come up with alternative proposals": the subject of a phrasal verb
    of putting forward (`presenting_verbs`: verb, particle, preposition) whose preposition's
    object is the proposal noun, as `_presenter` reads a direct object; not under negation."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or verb.pos_ != "VERB" or has_neg(verb):
        return []
    phrase = " ".join([verb.lemma_.lower(), *(c.lower_ for c in verb.children if c.dep_ == "prt"), prep.lower_])
    if phrase not in PRESENTING_VERBS:
        return []
    return [m for m in subject_actors(verb, index) if m.kind != "pronoun"]


def _own_party(draft: Draft, body: Mention, index: MentionIndex) -> bool:
    """Whether the article introduces one of the draft's sources with the body's name ("Tory
    leader Michael Howard"): the body is their own party (as in own_party.py)."""
    doc = draft.token.doc
    return any(
        introduced_with(doc.text, index.mentions, m, body, kinds=("name", "title"), doc=doc) for m in draft.sources
    )


def claim_maker(
    noun: Token, index: MentionIndex, excluded: Callable[[Mention], bool], nouns: frozenset[str] = CLAIM_NOUNS
) -> list[Mention]:
    """ "Mr Howard said Labour had lied. Alan Milburn dismissed the claims as desperate",
    "The Tories called for an inquiry. Mr Blair rejected calls for one": a definite claim
    noun ("the claims", "these allegations", events.yaml claim_nouns), or a bare plural call
    ("calls for an inquiry"), that names no one is the claim of the last actor reported, in
    the sentence before, as saying or charging something (calling for something, for a
    call), who is not the one answering it (`excluded`); a sentence that reports a denial
    ("Lord Goldsmith also denied them, saying ...") makes no claim. `nouns`: the claim nouns
    looked for (a labelling verb adds the nouns of reports: "dismissed the research as")."""
    definite = any(c.lower_ in DEFINITE_DETS or c.lower_ == "such" for c in noun.children)
    call = lemma_in(noun, CALL_NOUNS)
    bare_plural = call and noun.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in noun.children)
    if not lemma_in(noun, nouns) or not (definite or bare_plural) or np_actors(noun, index):
        return []
    if any(c.dep_ == "acl" and not lemma_in(c, REPORTING_VERBS) for c in noun.children):
        # "the claims, made in a new book", "the allegations surrounding his aide": their origin
        # is named, if by no actor ("rejected that idea saying ...": a speaker's participle the
        # parser hangs on the noun names none)
        return []
    start = noun.sent.start
    for sent in [noun.doc[start - 1].sent] if start else []:  # the sentence before
        if any(t.pos_ == "VERB" and lemma_in(t, DENYING_VERBS) for t in sent):
            continue
        for verb in reversed(sent):
            if verb.pos_ != "VERB":
                continue
            if not lemma_in(verb, CALLING_VERBS if call else CLAIMING_VERBS):
                continue
            makers = [
                m
                for m in subject_actors(verb, index)
                if is_actor(m) and not (m.kind == "pronoun" and m.antecedent is None) and not excluded(m)
            ]
            if makers:
                return makers
    return []


def _stray_agents(verb: Token) -> list[Token]:
    """ "Blair has been accused of lying by Michael Howard": the parser hangs a passive's "by"
    agent on the gerund of its "of" or "for" phrase; it is still the passive's agent."""
    return [
        p
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for")
        for gerund in pobjs(prep)
        if gerund.tag_ == "VBG"
        for by in gerund.children
        if by.dep_ == "prep" and by.lower_ == "by"
        for p in pobjs(by)
    ]


def proposal_owner(
    noun: Token, index: MentionIndex, excluded: Callable[[Mention], bool], same_word: bool = False
) -> list[Mention]:
    """ "... under plans unveiled by the Conservatives. ... the policy": a definite proposal
    noun ("the plans", "this scheme", events.yaml proposal_nouns) that names no owner belongs
    to the owner the article last gave a proposal before it (a possessor, a modifying name,
    or the "by" agent of a participle: "Labour's scheme", "Tory plans", "plans unveiled by
    the Conservatives"), unless `excluded` (the speaker or source) owns it; with `same_word`
    only a proposal of the same noun counts ("the scheme" is not "its decision")."""
    definite = any(c.lower_ in DEFINITE_DETS for c in noun.children)
    if noun.lemma_.lower() not in PROPOSAL_NOUNS or not definite:
        return []
    for earlier in reversed(noun.doc[: noun.i]):
        if earlier.pos_ != "NOUN" or earlier.lemma_.lower() not in PROPOSAL_NOUNS:
            continue
        if same_word and earlier.lemma_.lower() != noun.lemma_.lower():
            continue
        owners = [m for m in _proposal_owners(earlier, index) if not excluded(m)]
        if owners:
            return owners
        pronouns = [c for c in earlier.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_REFERENTS]
        if pronouns and actor_at(index, pronouns[0]) is None:
            # "Tony Blair ... his plans for top-up fees. ... the plans": the pronoun's owner
            before = [m.sentence_id for m in index.mentions if m.char_start < pronouns[0].idx]
            kinds = POSSESSIVE_REFERENTS[pronouns[0].lower_]
            owners = _named_before(pronouns[0], kinds, max(before, default=0), set(), index)
            owners = [m for m in owners if not excluded(m)]
            if owners:
                return owners
    return []


def _proposal_owners(noun: Token, index: MentionIndex) -> list[Mention]:
    """Who a proposal noun says it belongs to: possessor, modifying name, participle's agent."""
    words: list[Token] = []
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "nmod") or (child.dep_ == "amod" and child.pos_ != "VERB"):
            words += list(child.subtree)
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            words += [t for a in child.children if a.dep_ == "agent" for t in a.subtree]
    found = [m for t in words for m in index.all_at(t) if is_actor(m) and m.kind != "pronoun"]
    found += _government_compound(noun, index)
    if not found:  # "The Guardian published the government's plans": the plans say whose they are
        found = _presenter(noun, index)
    return unique(m for m in found if m.entity_type != "LOCATION")


def _government_compound(noun: Token, index: MentionIndex) -> list[Mention]:
    """ "government plans for keeping terror suspects under house arrest": a bare "government"
    compounded onto the proposal noun is the national government the article's "the
    government" mentions all resolve to (none, when they name two or none)."""
    if not any(c.dep_ == "compound" and c.lower_ == "government" and not list(c.children) for c in noun.children):
        return []
    return national_government(index)


def _presenter(noun: Token, index: MentionIndex) -> list[Mention]:
    """ "The cross-party group has unveiled a draft bill": the subject of an active verb that
    puts forward (`presenting_verbs`) the proposal noun as its direct object owns it, as the
    agent of "a bill unveiled by the group" does; not under negation ("has not published
    its plans" gave none). A proposal whose possessor or modifier names someone else is theirs,
    whoever published it ("The Guardian published the government's plans")."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or not lemma_in(verb, PRESENTING_VERBS) or has_neg(verb):
        return []
    if any(c.dep_ == "poss" and c.pos_ != "PRON" or c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children):
        return []  # "the government's plans", "Tory plans"; not "its plans", "a draft bill"
    return [m for m in subject_actors(verb, index) if m.kind != "pronoun"]


def _conjoined(mention: Mention, doc, index: MentionIndex) -> list[Mention]:
    """The mention with the actors coordinated with it ("Britain and Spain")."""
    token = mention_root(doc, mention)
    if token is None:
        return [mention]
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    found = np_actors(token, index)
    return found if mention in found else [mention]


# Noun triggers of acts whose possessor is the one who made them ("his apology", "their demands").
SAID_ACT_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "ACCUSE", "SUPPORT", "THREATEN", "CONCEDE"})


def _words_or_deeds(noun: Token) -> bool:
    """Whether a noun names what someone said or did as their own act ("his apology", "its
    record", "their proposals"), not people ("his chancellor", "their team") nor what was
    done to them ("his punishment")."""
    lemma = noun.lemma_.lower()
    return lemma in DISCOURSE_NOUNS or noun.lower_ in DISCOURSE_NOUNS or _said_act(noun)


def _said_act(noun: Token) -> bool:
    """A noun trigger of a speech act its possessor or "by" phrase made ("his apology",
    "the criticism by the US")."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    lexicon, lemma = load_event_triggers(), noun.lemma_.lower()
    triggers = [lexicon.noun(lemma)]  # "calls from the Lib Dems for an inquiry": "call for"
    triggers += [lexicon.noun_with_preposition(lemma, c.lower_) for c in noun.children if c.dep_ == "prep"]
    return any(t is not None and t.event_type in SAID_ACT_TYPES and t.subject_role == "source" for t in triggers)


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
                if actor_at(index, pobj) is None and _words_or_deeds(pobj):
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
    return any(c.dep_ == "dobj" and _words_or_deeds(c) for c in verb.children)


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
    for child in verb.children:
        if child.lower_ == "to" and draft.trigger.lemma in FORUM_TRIGGERS:
            continue  # "took their case to the House of Lords": the court hears it, no one challenged
        if child.dep_ == "prep" and child.lower_ in ("to", "towards", "toward", "on", "upon", "at", "against"):
            found += [m for p in pobjs(child) for m in np_actors(p, index)]  # "marched against Bush"
        elif child.dep_ == "prep" and child.lower_ in ("from", "of") and draft.event_type == "RETREAT":
            found += [m for p in pobjs(child) for m in np_actors(p, index)]  # "pulled out of Lebanon"
        elif child.dep_ == "prep" and child.lower_ in ("from", "by") and _refused_words_from(draft, verb):
            found += _authors(draft, child, index)  # "rejected a proposal from Georgia", the phrase on the verb
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
                        found += _partners(child, index)
                    elif child.dep_ == "advcl" and any(
                        m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children
                    ):
                        found += subject_actors(child, index)  # "... if the EU refused"
            elif clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children):
                found += subject_actors(clause, index)  # "called for the US to close ..."
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
                found += _partners(child, index)  # "agreed ... in a deal with the EU"
    if not found and draft.event_type == "REQUEST":
        # "demanded an apology from Mr Blair", "sought assurances from Iran": asked of them
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        objects += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for p in pobjs(c)]
        for node in [verb, *objects]:  # "asked for help from the Lib Dems"
            for child in node.children:
                if child.dep_ == "prep" and child.lower_ == "from":
                    found += [m for p in pobjs(child) for m in np_actors(p, index)]
    assign(draft, "targets", [m for m in unique(found) if m not in draft.sources])


def _misread_subjunctive(clause: Token) -> bool:
    """ "demanded that Mr Blair apologise": the small model tags a bare (subjunctive) verb
    after "that" as a noun, with its subject as a compound; a "that" clause is a clause, so
    its head is still the demanded act."""
    return clause.pos_ == "NOUN" and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _partners(node: Token, index: MentionIndex) -> list[Mention]:
    """The "with X" partners of a noun or verb (or of a preposition's noun): "talks with the
    UK", "met with Lula"."""
    nouns = pobjs(node) if node.dep_ == "prep" else [node]
    found: list[Mention] = []
    for noun in nouns:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                found += [m for p in pobjs(prep) for m in np_actors(p, index)]
    return found


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
                agents = [p for a in child.children if a.dep_ == "agent" for p in pobjs(a)]
                mentioned = unique(m for p in agents for m in np_actors(p, index))
                if lemma_in(child, MEDIATING_VERBS):
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


def _pronoun_possessor(draft: Draft, owner: Token, index: MentionIndex) -> list[Mention]:
    """ "Mr. Vohor ... after his secret visit to Taiwan": a visit owned by a possessive pronoun
    no mention stands for is the visit of the one the text is about (the latest person
    subject before it, in its sentence or the one before), else of the nearest actor of the
    pronoun's kind named before; so is an arrest that dates the clause ("Mr Khodorkovsky is
    on trial following his arrest in October 2003": events.yaml sequence_prepositions). Other
    acts are left alone: "upheld his indictment" names a step of the court's ruling, no
    arrest of its own."""
    token = draft.token
    dated_by = (
        draft.trigger.subject_role == "recipient"
        and draft.event_type == "COERCE"
        and token.dep_ == "pobj"
        and token.head.lower_ in SEQUENCE_PREPOSITIONS
    )
    if owner.lower_ not in POSSESSIVE_REFERENTS or (draft.mode != "visit" and not dated_by):
        return []
    others = {actor_key(m) for m in draft.actors()}
    visitors = pronoun_owner(owner, draft.sentence.sentence_id, others, index, prefer_subject=True)
    to_phrases = [p for c in draft.token.children if c.dep_ == "prep" and c.lower_ == "to" for p in pobjs(c)]
    destinations = {
        m.country_iso3
        for m in [*draft.targets, *(m for p in to_phrases for m in np_actors(p, index))]
        if m.entity_type == "COUNTRY"
    }  # "His visit to Cuba": the "to" phrase is read after the possessor
    return [] if any(_visits_home(visitors, iso3) for iso3 in destinations) else visitors


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
    """The subject of "held talks", "hosted talks between A and B", "reached a deal"."""
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
            # "gave Argentina a loan", "sent aid to Sri Lanka": the recipient of the light verb
            receivers = [m for c in verb.children if c.dep_ == "dative" for m in np_actors(c, index)]
            receivers += [
                m
                for c in verb.children
                if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                for p in pobjs(c)
                for m in np_actors(p, index)
            ]
            assign(draft, "targets", [m for m in unique(receivers) if m not in draft.sources])


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
            prep.lower_ == "with" and lemma_in(verb, OPENING_VERBS) and _active(verb)
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
    if verb.pos_ not in ("VERB", "AUX"):
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


def visited_places(ec: EventContext, draft: Draft) -> None:
    """ "visits Manchester, Liverpool and Leicester": places visited are where, not whom."""
    index = ec.index
    if draft.mode != "visit" or draft.token.pos_ not in ("VERB", "AUX"):
        return
    for obj in draft.token.children:
        if obj.dep_ != "dobj":
            continue
        listed = [obj] + [t for t in obj.subtree if t.dep_ == "conj" and t.head.i != t.i]
        places = [p for p in (place_at(index, t) for t in listed) if p is not None]
        if not places:
            continue
        if draft.location is None:
            # a visited country is the host, not the place; a city visited is the place
            draft.location = next((p for p in places if p.entity_type != "COUNTRY"), None)
        if len(places) * 2 >= len(listed):  # a list of places: its odd members are places too
            # a country visited is the host (PLOVER: the visitor is the source, the host the target)
            covered = {m.mention_id for t in listed for m in index.all_at(t) if m.entity_type != "COUNTRY"}
            draft.targets = [m for m in draft.targets if m.mention_id not in covered]


def host_of_visited_place(ec: EventContext, draft: Draft) -> None:
    """ "Bush visited Ottawa", "Hu arrived in Brasilia for a state visit": a visit to a city or
    region of another state is hosted by that state (PLOVER CONSULT visit: the host is the
    target, the city stays the place), as the article names it. Only when every visitor's own
    state is known and none is the host: a leader touring his own country has no host. A
    visit made for a meeting ("visited Geneva for talks with Iran") is hosted by no state the
    place lies in, and a state named more than a couple of sentences away is not the host the
    text means."""
    place = draft.location
    if draft.event_type != "CONSULT" or draft.mode != "visit" or draft.targets or not draft.sources:
        return
    if place is None or _visit_for_meeting(draft.token, ec.lexicon):
        return
    hosts = _state_containing(place, ec.index)
    if not hosts or abs(hosts[0].sentence_id - draft.sentence.sentence_id) > HOST_SENTENCE_REACH:
        return
    if any(m.country_iso3 is None for m in draft.sources) or _visits_home(draft.sources, hosts[0].country_iso3):
        return
    draft.targets.extend(hosts)


HOST_SENTENCE_REACH = 2  # sentences between a visit and the host state the article names


def _visits_home(visitors: list[Mention], destination_iso3: str | None) -> bool:
    """Whether a visitor's own state is the destination's: a leader touring his own country
    ("Cuban President Raul Castro ... a visit to Cuba") makes no visit there, so he neither
    has a host (`host_of_visited_place`) nor is the visitor a possessive pronoun stands for
    (`_pronoun_possessor`)."""
    return destination_iso3 is not None and any(m.country_iso3 == destination_iso3 for m in visitors)


def _visit_for_meeting(verb: Token, lexicon: EventTriggers) -> bool:
    """ "visited Geneva for talks with Iran", "in Brussels for a summit": a "for" phrase whose
    object is a meeting (a CONSULT noun of the trigger dictionary) or has a "with" phrase."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for pobj in pobjs(prep):
            found = lexicon.noun(pobj.lemma_.lower())
            if (found is not None and found.event_type == "CONSULT") or any(
                c.dep_ == "prep" and c.lower_ == "with" for c in pobj.children
            ):
                return True
    return False


def theatre_target(draft: Draft) -> None:
    """ "Syria redeployed its troops in Lebanon", "exercises near Taiwan": forces moved into or
    beside another country are directed at it (PLOVER's MOBILIZE target)."""
    place = draft.location
    if draft.event_type != "MOBILIZE" or draft.targets or place is None or place.entity_type != "COUNTRY":
        return
    own = {m.country_iso3 or m.name for m in draft.sources if m.entity_type == "COUNTRY"}
    if draft.sources and (place.country_iso3 or place.name) not in own:
        draft.targets.append(place)


def struck_country(draft: Draft) -> None:
    """ "the 11 September attacks in the US", "the Madrid bombings in Spain": a named strike
    (an attack noun with a date or a place name of its own, events.yaml strike_nouns) that
    names no attacker and no one attacked, only the country it happened in, struck that
    country (PLOVER's ASSAULT target; eval/GUIDE.md codes historical events mentioned in
    passing). An unnamed one ("a shooting in Germany", "the attacks in Iraq") is a place
    with no doer, a topic (filters.theatre_only). The country leaves the place: one mention
    has one role in the events table (`drop_overlaps`: places are not actors), and an event
    whose place is also its target is scored without that target."""
    place = draft.location
    if draft.event_type != "ASSAULT" or not lemma_in(draft.token, STRIKE_NOUNS) or draft.actors():
        return
    if place is not None and place.entity_type == "COUNTRY" and _named_strike(draft.token):
        draft.targets.append(place)
        draft.location = None


def _named_strike(noun: Token) -> bool:
    """ "the 11 September attacks", "the 2001 attacks", "the Madrid bombings": a strike noun
    named by a date or a place name modifying it."""
    return any(
        c.dep_ in ("compound", "nmod", "nummod", "amod") and c.ent_type_ in ("DATE", "GPE", "LOC", "EVENT")
        for c in noun.children
    )


def reciprocal_drafts(draft: Draft) -> list[Draft]:
    """ "The two sides routinely exchange harsh invective", "Airbus and Boeing accuse each
    other": a directed speech act with a pair of sources, no target, and a reciprocal
    realiser (`reciprocal_verbs`: "exchange") or object ("each other", "one another") is one draft
    per direction, each side acting on the other; any other draft is itself."""
    if draft.event_type not in SPEECH_TYPES or draft.targets or len(draft.sources) != 2:
        return [draft]
    if not (any(lemma_in(v, RECIPROCAL_VERBS) for v in draft.realisers) or _reciprocal_object(draft.token)):
        return [draft]
    a, b = draft.sources
    return [
        replace(
            draft,
            sources=[x],
            targets=[y],
            words=list(draft.words),
            realisers=list(draft.realisers),
            participants=list(draft.participants),
            mediators=list(draft.mediators),
        )
        for x, y in ((a, b), (b, a))
    ]


def _reciprocal_object(verb: Token) -> bool:
    """Whether a verb's object (or its preposition's) is "each other" or "one another"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [p for c in verb.children if c.dep_ == "prep" for p in pobjs(c)]
    return any(
        o.lower_ in ("other", "another") and any(d.lower_ in ("each", "one") for d in o.children) for o in objects
    )
