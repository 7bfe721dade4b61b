"""Subjects and speakers: who a verb's subject is (`subject_actors`), who a reporting verb's
speaker is (`reported_speaker`), and the person a pronoun points back to
(`persons_before`, `subject_person_before`).

A subject is followed through passives, participles, relative clauses, conjoined and
controlled clauses and reporting bodies; owners.py, the fillers in actors.py and the
speech, intent and ruling detectors all ask this module, so it depends only on phrases.py.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from pipeline.nlp.events.draft import SYMMETRIC_TYPES, actor_at, actor_key, lemma_in, pobjs, unique
from pipeline.nlp.events.phrases import np_actors, partners, state_where
from pipeline.nlp.events.vocabulary import (
    ADDRESSING_VERBS,
    DISTINCT_PARTY_NOUNS,
    GROUP_HEADS,
    HOME_AGENT_HEADS,
    OBJECT_CONTROL,
    REPORTING_VERBS,
)
from pipeline.nlp.lexicons import load_event_triggers
from pipeline.nlp.mentions.vocabulary import SETTLEMENT_NOUNS
from pipeline.nlp.names import given_name_gender, honorific_gender
from pipeline.nlp.quotes.genders import PRONOUN_GENDER
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import (
    ACTIVE_SUBJECT_DEPS,
    SUBJECT_SLOT_DEPS,
    MentionIndex,
    fronted_participle,
    has_neg,
    is_passive,
    is_relative_pronoun,
    mention_root,
    misparsed_coordinate,
    nominal_subjects,
    passive_form,
)

BODY_PRONOUNS = frozenset({"it", "they"})  # pronouns a body or a group is referred to by


def _agents_where_they_act(subject: Token, verb: Token, index: MentionIndex) -> list[Mention]:
    """ "Police arrested 12 protesters in Kiev": unnamed police or officials act for the
    state where the verb places their act, as "police in Kiev" would (eval/GUIDE.md); the
    state as the article names it, else nothing. Troops are left out (home_agent_heads):
    troops in a country are as often another state's."""
    if subject.lemma_.lower() not in HOME_AGENT_HEADS:
        return []
    if any(c.dep_ in ("amod", "compound", "poss") for c in subject.children):
        return []  # "Spanish police", "the city's police": their state is said
    return state_where(verb, index)


def _controlled_dep(verb: Token) -> str:
    """Where an object-control verb names the one it controls: its object ("urged X to
    meet"), or in the passive its subject ("X was forced to resign")."""
    return "nsubjpass" if is_passive(verb) else "dobj"


def controlled_patient(verb: Token) -> Token | None:
    """ "The vote prompted Russia to be expelled": a passive infinitive (asked of one with no
    subject of its own) is done to the noun the object-control verb it completes controls
    (`object_control`, `_controlled_dep`), and under any other verb to that verb's subject
    ("he was to be charged"); that noun's token, or None for any other verb or where the
    verb names none."""
    head = verb.head
    if verb.dep_ != "xcomp" or not is_passive(verb):
        return None
    if not lemma_in(head, OBJECT_CONTROL):
        # "Blair was to be charged", "X is expected to be arrested": the subject of the verb
        # the passive infinitive completes is the one it is done to
        return next(iter(nominal_subjects(head)), None)
    return next((c for c in head.children if c.dep_ == _controlled_dep(head)), None)


PLACE_HEADS = SETTLEMENT_NOUNS - {"state", "states"}
"""Nouns of a settlement or an area (mentions.yaml settlement_nouns), less "state", which
may be a government."""


def _place_of_possessor(noun: Token, index: MentionIndex) -> bool:
    """A subject headed by a place noun with a possessor ("Canada's largest city", "India's
    financial capital") that no mention covers names a place: its possessor is where, not
    who acts. The parser makes such a fronted place the subject ("In Toronto, Canada's
    largest city, a shooting killed one teenager", the event noun in apposition to it)."""
    if not lemma_in(noun, PLACE_HEADS) and noun.lower_ not in PLACE_HEADS:
        return False
    return actor_at(index, noun) is None and any(c.dep_ == "poss" for c in noun.children)


def subject_actors(verb: Token, index: MentionIndex, depth: int = 0) -> list[Mention]:
    """The actors a verb's subject names, following control, coordination and participles.

    The subject slots are the syntax layer's (`ACTIVE_SUBJECT_DEPS`, a relative pronoun
    standing for the noun its clause modifies); what is event-specific is where an
    infinitive or participle without a subject takes its actors from: the object of an
    object-control verb ("urged X to meet"), or its subject where that verb is passive ("X
    was forced to resign"), the verb it hangs from, the noun it modifies. A passive
    infinitive under an object-control verb takes none: the controlled noun is the one it
    is done to ("prompted Russia to be expelled", `controlled_patient`)."""
    if depth > 5:
        return []
    found: list[Mention] = []
    for child in verb.children:
        if child.dep_ in ACTIVE_SUBJECT_DEPS:
            if reduced_passive(verb, child):
                continue  # "Saddam Hussein, imprisoned at a US-run facility, ...": Saddam is the one held
            if is_relative_pronoun(child):
                if verb.dep_ == "relcl":
                    found += np_actors(verb.head, index)
                continue
            if (apart := _party_apart(child, index)) is not None:
                found += apart  # "a shareholder in MCI sued": not MCI
                continue
            if _place_of_possessor(child, index):
                continue  # "In Toronto, Canada's largest city, a shooting killed one": where, not who
            named = np_actors(child, index, allow_pronoun_possessor=True)
            found += named or _plural_antecedent(child, index) or _agents_where_they_act(child, verb, index)
        elif child.dep_ == "agent":
            for pobj in pobjs(child):
                found += np_actors(pobj, index)
    if not found and is_passive(verb):
        found = [m for p in _stray_agents(verb) + _principals(verb) for m in np_actors(p, index)]
    if not found and verb.dep_ in ("ccomp", "conj") and verb.head != verb:
        found = _reporting_body(verb, index, depth)
    if found or any(c.dep_ in SUBJECT_SLOT_DEPS for c in verb.children):
        return unique(found)  # a subject that names no actor is still the subject
    head = verb.head
    if verb.dep_ == "xcomp":
        if controlled_patient(verb) is not None:
            return []  # "the vote prompted Russia to be expelled": Russia is the one expelled
        if lemma_in(head, OBJECT_CONTROL):
            # "urged X to meet"; passive, "X was forced to resign": the one controlled is the subject
            objects = [c for c in head.children if c.dep_ == _controlled_dep(head)]
            if objects:
                return np_actors(objects[0], index)
        return subject_actors(head, index, depth + 1)
    if verb.dep_ in ("conj", "advcl", "ccomp") and head != verb:
        if fronted_participle(verb):
            return []  # "Arrested in 2003, Khodorkovsky remains in jail": he is the one held
        if verb.dep_ == "ccomp" and verb.tag_ not in ("VBN", "VBG"):
            return []  # a complement clause has its own subject
        if verb.dep_ == "conj" and active(verb):
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
            and active(verb)
            and head.dep_ == "ccomp"
            and lemma_in(head.head, REPORTING_VERBS)
            and head.head.i < head.i
        ):
            # "X said the bill was flawed and urged the government to ...": the parser hangs the
            # second finite verb on the reported clause, whose subject names no actor; the
            # speaker acts (not so for a passive: "said he was arrested and released", nor for a
            # quote before its cue: '"He shook his fist and punched me," said X' is X's report)
            return subject_actors(head.head, index, depth + 2)
        if not found and verb.dep_ == "conj" and active(verb) and (clause := misparsed_coordinate(verb)) is not None:
            return subject_actors(clause, index, depth + 2)  # "said it was not possible to X and urged"
        return found
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        if head.lower_ in ("for", "of"):  # "suspended X for refusing", "accused X of lying"
            objects = [c for c in head.head.children if c.dep_ == "dobj"]
            if objects:
                return np_actors(objects[0], index)
        return subject_actors(head.head, index, depth + 1)
    if (addressee := written_to(verb)) is not None:
        return subject_actors(addressee.head.head, index, depth + 1)  # "wrote to X demanding": the writer
    if verb.dep_ in ("acl", "amod", "compound") and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
        if (named := _person_in_apposition(head, index)) is not None:
            return [named]  # "Paul Volcker, a former American official investigating ...": Volcker
        return np_actors(head, index)  # "an Azeri checkpoint restricting movement"
    if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBZ", "VBP") and head.pos_ in ("NOUN", "PROPN"):
        # "X, chairman of Y, called on Z": a finite verb the parser hung on the subject
        return np_actors(head, index)
    if finite_read_as_participle(verb):
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


def reduced_passive(verb: Token, subject: Token) -> bool:
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
        and not active(verb)
    )


def _person_in_apposition(noun: Token, index: MentionIndex) -> Mention | None:
    """ "Paul Volcker, a former American official investigating the scandal": a common noun
    in apposition to a named person is that person; the nationality or body that modifies
    the noun only describes them. The person's mention, or None."""
    if noun.dep_ != "appos" or actor_at(index, noun) is not None:
        return None
    named = actor_at(index, noun.head)
    return named if named is not None and named.entity_type == "PERSON" and named.kind == "name" else None


def finite_read_as_participle(verb: Token) -> bool:
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


def written_to(verb: Token) -> Token | None:
    """ "The Tories have written to Mr Blair demanding an inquiry": the parser hangs the
    participle on the one written to; the writer demands and the addressee is asked
    (events.yaml addressing_verbs). The addressee's noun, or None."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or head.dep_ != "pobj" or head.head.lower_ != "to":
        return None
    writer = head.head.head
    return head if writer.pos_ == "VERB" and lemma_in(writer, ADDRESSING_VERBS) else None


def active(verb: Token) -> bool:
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
    objects = [m for c in verb.children if c.dep_ == "dobj" for m in np_actors(c, index)]
    objects += partners(verb, index)
    pair = unique(subjects + objects)
    if not subjects or not objects or len(pair) < 2:
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


_BODY_PRONOUNS_OR_PERSON_PRONOUNS = BODY_PRONOUNS | PERSON_PRONOUNS


def reported_speaker(verb: Token, index: MentionIndex) -> list[Mention]:
    """ "The CBI said it wanted ministers to scrap the tax", "Mr Kennedy said he wanted Mr
    Blair to apologise": a pronoun subject no mention resolves, of a clause a verb of saying
    governs and opens ("said (on Monday) (that) it ..."), is that verb's named subject when it agrees
    with it ("he" / "she" a person, "it" / "they" a body, country or group). For a clause
    of the speaker's own wish or readiness (a request of someone, an offer), where the
    speaker stating it is the reading; a negated verb of saying reports nothing."""
    pronouns = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in _BODY_PRONOUNS_OR_PERSON_PRONOUNS]
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


def mentions_before(index: MentionIndex, pronoun: Token, sentence_id: int) -> Iterator[Mention]:
    """The mentions that start before the pronoun, latest first, in its sentence (`sentence_id`)
    or the one before."""
    for mention in reversed(index.mentions):
        if mention.char_start >= pronoun.idx:
            continue
        if mention.sentence_id < sentence_id - 1:
            break
        yield mention


def persons_before(index: MentionIndex, pronoun: Token, sentence_id: int, gendered: str) -> Iterator[Mention]:
    """The persons named (or pronouns resolved to one) before the pronoun, latest first, in its
    sentence or the one before, whose title or given name does not give the other gender."""
    for mention in mentions_before(index, pronoun, sentence_id):
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


def _principals(verb: Token) -> list[Token]:
    """ "The suit was filed in a Texas court on behalf of Columbia Pictures": with no "by"
    agent, the one a passive act was done on behalf of is the party whose act it is
    (eval/GUIDE.md: who speaks or acts for a body gives way to that body)."""
    return [
        p
        for on in verb.children
        if on.dep_ == "prep" and on.lower_ == "on"
        for behalf in pobjs(on)
        if behalf.lower_ == "behalf"
        for of in behalf.children
        if of.dep_ == "prep" and of.lower_ == "of"
        for p in pobjs(of)
    ]


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
