"""Triggers: which words in a sentence announce an event, and which verb realises which noun.

Triggers come from the dictionary in `pipeline/knowledge/plover_triggers.yaml`
(`load_event_triggers()`): verbs ("met", "accused", "called for") and nouns ("talks",
"blockade", "truce"), each with a PLOVER type, an optional mode and a CAMEO root; the
most specific entry wins ("call for" over "call", "hunger strike" over "strike").

A light verb realises its trigger-noun object ("held talks", "reached a deal"); a
mediating verb arranges it ("hosted talks", "brokered a truce"); a verb and a noun of
the same type are one event ("fought two wars"). "A series / two rounds of X" is read as
X. A topic noun ("support", "funding") is an event only when a verb realises it. Verbs
that report an opinion, figurative violence and bare warnings are dropped here (see
`filters`).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from pipeline.nlp.events.arrival import arrival_trigger
from pipeline.nlp.events.captivity import captivity_trigger
from pipeline.nlp.events.donations import assistance_trigger, donation_trigger, relief_noun
from pipeline.nlp.events.draft import (
    RECEIVING_LEMMAS,
    SPEECH_TYPES,
    Draft,
    EventContext,
    actor_at,
    given_with,
    inner_event_noun,
    lemma_in,
    outer_noun,
    pobjs,
    received_nouns,
)
from pipeline.nlp.events.filters import CAMEO_OF, figurative, reports_a_statement, warning
from pipeline.nlp.events.incursion import incursion_trigger
from pipeline.nlp.events.phrases import np_actors
from pipeline.nlp.events.reception import greeting_trigger, reception_trigger
from pipeline.nlp.events.senses import apply_sense
from pipeline.nlp.events.trigger_gates import READ_AS_VERBS, gated, in_span, is_verbal
from pipeline.nlp.events.verdicts import verdict_trigger
from pipeline.nlp.events.vocabulary import (
    AID_DROPPING_VERBS,
    AID_GRANTING_VERBS,
    AID_SCALING_VERBS,
    CONVERSATION_VERBS,
    CUSTODY_PLACES,
    IDIOM_RECEIVING_VERBS,
    LEGAL_CHALLENGE_TRIGGERS,
    LEGAL_REALISING_VERBS,
    MEDIA_MODIFIERS,
    MEDIATING_VERBS,
    MEETING_LIGHT_VERBS,
    MOTION_VERBS,
    OFFICE_HOLDER_NOUNS,
    PHONE_NOUNS,
    PLEA_WORDS,
    PRESENCE_VERBS,
    PROTEST_STAGING_VERBS,
    RECEIVED_IDIOMS,
    RECEIVING_FRAMES,
    RECEIVING_VERBS,
    UTTERING_LIGHT_VERBS,
)
from pipeline.nlp.lexicons import EventTriggers, Trigger
from pipeline.nlp.records import Sentence
from pipeline.nlp.syntax import ACTOR_LABELS, DEFINITE_DETS, MentionIndex, hyphen_prefix
from pipeline.nlp.token_view import TokenView, view_of


def verb_trigger(token: Token, lexicon: EventTriggers) -> tuple[Trigger, list[Token]] | None:
    if token.pos_ != "VERB" and not (token.tag_.startswith("VB") and token.pos_ != "AUX"):
        return None
    lemmas = [token.lemma_.lower()]
    if prefix := hyphen_prefix(token):
        lemmas.insert(0, prefix + lemmas[0])
    if lemmas[-1] not in CONVERSATION_VERBS and not any(lexicon.may_be_verb(lemma) for lemma in lemmas):
        return None  # no entry has the word, whatever follows it, and it makes no phone call
    particles = [c for c in token.children if c.dep_ == "prt"]
    # "hit back at": the parser often reads a particle right after the verb as an adverb
    particles += [
        c for c in token.children if c.dep_ == "advmod" and c.i == token.i + 1 and c.lower_ in SHIFTED_PARTICLES
    ]
    # "called for", "met with": the preposition follows the verb (or its particle) at once; a
    # particle after the object ("give contraceptives out in schools") has a verb of its own
    gap = {token.i + 1} | {p.i + 1 for p in particles if p.i == token.i + 1}
    # "insisted on Wednesday that ...": a preposition of time is no part of the verb, and
    # the one after it may be ("called on Monday for an inquiry")
    times = [c for c in token.children if c.dep_ == "prep" and c.i in gap and _of_time(c)]
    gap |= {t.right_edge.i + 1 for t in times}
    preps = [c for c in token.children if c.dep_ in ("prep", "agent") and c.i in gap and c not in times]
    # "called for the US to close": the parser makes "for" the mark of the infinitive clause
    preps += [
        m for c in token.children if c.dep_ in ("advcl", "ccomp") for m in c.children if m.dep_ == "mark" and m.i in gap
    ]
    # "gave way", "took part": a bare noun object right after the verb is part of it
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is not None and following.tag_ == "PRP$" and following.head.i == token.i + 2:
        following = token.nbor(2)  # "turned his fire on": the subject's own noun, idiom all the same
        if [c.i for c in following.children] != [token.i + 1]:
            following = None
    elif following is not None and list(following.children):
        following = None
    if following is not None and (following.pos_ == "NOUN" or following.dep_ == "dobj"):
        # only a dictionary entry ("give way") makes it count; the object may be mistagged ("poured scorn")
        particles.append(following)
    # "pulled its troops out of Lebanon", "fired rockets at Israel": the particle after the object
    after_object = {o.right_edge.i + 1 for o in token.children if o.dep_ == "dobj"}
    preps += [c for c in token.children if c.dep_ == "prep" and c.i in after_object and c.lower_ in SHIFTED_PARTICLES]
    for lemma in lemmas:
        for extra in particles + preps:
            found = lexicon.verb(lemma, extra.lower_)
            if found is not None and found.lemma.endswith(" " + extra.lower_):
                return found, [token, extra]
        found = lexicon.verb(lemma)
        if found is not None:
            return found, [token]
    if (phone := _phone_adjunct(token)) is not None and (found := lexicon.verb(phone.lemma_.lower())) is not None:
        # "spoke on the telephone to X": the dictionary's "telephone", X the one called
        partners = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "with")]
        if partners:
            return found, [token, phone, *partners]
    return None


def _phone_adjunct(token: Token) -> Token | None:
    """ "spoke on the telephone to X", "talked by phone with X": the phone noun that makes a
    conversation verb a phone call (`conversation_verbs`, `phone_nouns` in events.yaml)."""
    if token.lemma_.lower() not in CONVERSATION_VERBS:
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "by", "over"):
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in PHONE_NOUNS:
                    return noun
    return None


# Acts done by offering them ("offered an apology", "offered support", "offered aid"): the
# noun's event; any other offered act ("offered a truce", "offered talks") lies ahead, and
# the offer (AGREE) is the event.
UTTERED_TYPES = frozenset({"AGREE", "AID", "CONCEDE", "SUPPORT"})

# Acts one can be on the receiving end of (events.yaml receiving_verbs, receiving_frames):
# speech acts ("faced criticism"), attacks ("came under attack from Y"), whether verbal or
# violent decided once its actors are known (filters.verbal_attack), and aid ("Indonesia
# received aid from Japan": Japan aids Indonesia).
RECEIVED_TYPES = SPEECH_TYPES | {"ASSAULT", "AID"}

# Particles that may follow a verb's object ("pulled X out of", "fired X at", "handed X over").
SHIFTED_PARTICLES = frozenset({"out", "back", "off", "over", "down", "away", "aside", "at"})


def _of_time(prep: Token) -> bool:
    """ "on Wednesday", "on 5 May": a preposition whose object is a date or a time."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _is_light_at(view: TokenView, i: int, lexicon: EventTriggers) -> bool:
    """Whether token i is a light verb ("hold talks", "carry out"), with its particle if any."""
    if view.pos[i] not in ("VERB", "AUX") and not view.tag[i].startswith("VB"):
        return False
    dep = view.dep
    particle = next((view.lower[c] for c in view.children(i) if dep[c] == "prt"), None)
    return lexicon.is_light_verb(view.lemma[i].lower(), particle)


def _noun_trigger(token: Token, lexicon: EventTriggers) -> tuple[Trigger, list[Token]] | None:
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    if not lexicon.may_be_noun(token.lemma_.lower()) and not lexicon.may_be_noun(token.lower_):
        return None  # no entry has the word, whatever stands next to it
    if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i:
        return None  # "negotiation process", "peace talks" (the head decides)
    if any(c.dep_ == "compound" and c.lower_ in MEDIA_MODIFIERS for c in token.children):
        return None  # a "news conference" is a media event, not a consultation
    if (
        token.pos_ == "PROPN"
        and token.is_title
        and token.i > token.sent.start
        and token.nbor(-1).pos_ == "PROPN"
        and token.nbor(-1).is_title
        and not _title_case(token.sent)
    ):
        return None  # part of a name: "Mutually Assured Destruction", "Peace Conference"
    if _names_with_next_words(token):
        return None  # "War on Want", "the War on Terror": a campaign's or charity's name
    modifiers = [c for c in token.lefts if c.dep_ in ("compound", "amod") and c.i == token.i - 1]
    # "bail-out", "cease-fire", "pull-out": the tokenizer splits a hyphenated noun in three
    modifiers += [c for c in token.lefts if c.dep_ in ("compound", "amod") and hyphen_prefix(token) == c.lower_ + "-"]
    # "calls for an inquiry", "his call on ministers": a preposition right after the noun
    preps = [c for c in token.rights if c.dep_ == "prep" and c.i == token.i + 1]
    for lemma in (token.lemma_.lower(), token.lower_):
        for prep in preps:
            found = lexicon.noun_with_preposition(lemma, prep.lower_)
            if found is not None:
                return found, [token, prep]
        for modifier in modifiers:
            found = lexicon.noun(lemma, modifier.lower_)
            if found is not None and " " in found.lemma:
                return found, [modifier, token]
        found = lexicon.noun(lemma)
        if found is not None:
            return found, [token]
    return None


def _names_with_next_words(token: Token) -> bool:
    """A capitalised noun, a lowercase preposition and a capitalised word that names no
    place or people ("War on Want", "War on Terror"), in a sentence not in Title Case: one
    name, not an event noun with its complement ("Talks with Iran" stays an event). A
    sentence's first word is capitalised whatever it is: outside any named entity, and
    followed by a name of its own ("Clashes between Hamas and Fatah"), it is the event."""
    if not token.is_title or token.i + 2 >= len(token.doc):
        return False
    prep, word = token.nbor(1), token.nbor(2)
    if token.i == token.sent.start and not token.ent_type_ and word.ent_iob_ == "B":
        return False  # "Clashes between Hamas and Fatah": capitalised as the first word; the name begins after it
    return (
        prep.dep_ == "prep"
        and prep.head.i == token.i
        and prep.is_lower
        and word.is_title
        and word.pos_ == "PROPN"
        and word.ent_type_ not in ("GPE", "NORP", "LOC")
        and not _title_case(token.sent)
    )


def _title_case(span: Span) -> bool:
    """A headline in Title Case, where capitals say nothing about names."""
    words = [t for t in span if t.is_alpha and len(t) > 3]
    return len(words) >= 2 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)


def _object_nouns(verb: Token) -> list[Token]:
    """The nouns a verb acts on: its object, passive subject, or the noun it modifies."""
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    if verb.dep_ in ("acl", "amod") and _participle(verb) and verb.head.pos_ in ("NOUN", "PROPN"):
        nouns.append(verb.head)  # "a truce brokered by Moscow", "the EU-brokered deal"
    for noun in list(nouns):
        counted = any(c.dep_ == "nummod" or (c.dep_ == "compound" and c.like_num) for c in noun.children)
        if counted or noun.pos_ == "NUM":
            # "sent £50m in aid", "$3bn in loans": the amount is given in the trigger noun
            # (the parser reads "£50m" as the noun "m" with "50" as its compound)
            for prep in list(noun.children) + list(verb.children):
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    nouns.extend(p for p in prep.children if p.dep_ == "pobj")
    out: list[Token] = []
    for noun in nouns:
        out.append(inner_event_noun(noun))
        out.extend(inner_event_noun(c) for c in noun.children if c.dep_ == "conj")
    return out


def _participle(verb: Token) -> bool:
    """A past participle, also where the tagger calls a subjectless clause on a noun a past
    tense ("the deal, struck at the summit last week, ...": acl, VBD, with no subject)."""
    if verb.tag_ == "VBN":
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBD" and not any(c.dep_.startswith("nsubj") for c in verb.children)


def sentence_drafts(ec: EventContext, span: Span, sentence: Sentence) -> list[Draft]:
    """One draft per trigger in the sentence that survives the trigger-level filters."""
    lexicon, index = ec.lexicon, ec.index
    doc, view = span.doc, view_of(span.doc)
    pos, tag = view.pos, view.tag
    verbs: dict[int, tuple[Trigger, list[Token]]] = {}
    nouns: dict[int, tuple[Trigger, list[Token]]] = {}
    lemma = view.lemma
    gates = gated(lexicon, view)  # the tokens each walk below reads; it skips every other one
    for i in in_span(gates.triggers, span.start, span.end):
        # only a verb (verb_trigger) or a noun (_noun_trigger) can be a trigger
        verbal = is_verbal(pos[i], tag[i])
        # the verbs the readings below take (each answers None for any other lemma, or a non-VERB)
        special = pos[i] == "VERB" and lemma[i].lower() in READ_AS_VERBS
        token = doc[i]
        if special:
            # "Lula welcomed Hu Jintao to Brasilia": a guest from abroad, read as "hosted"
            found = greeting_trigger(token, lexicon, index) or verb_trigger(token, lexicon)
            found = found or captivity_trigger(token, lexicon, index)
            # "was held by US forces": read as "detained"; "a Chinese submarine entered Japanese waters": "deployed"
            found = found or incursion_trigger(token, lexicon, index) or reception_trigger(token, lexicon, index)
            found = found or arrival_trigger(token, lexicon, index)  # "Hu Jintao arrived in Brasilia": visited
            found = found or donation_trigger(token, lexicon)  # "gave 3 million euros to Indonesia": funded
            found = found or assistance_trigger(token, lexicon, index)  # "China helped Brazil build": assisted
            found = found or verdict_trigger(token, lexicon, index)  # "was found guilty of murder": convicted
        else:
            found = verb_trigger(token, lexicon) if verbal else None
        if found is not None:  # "Lula received Hu Jintao": read as "hosted"
            verbs[token.i] = found
        elif (found := _noun_trigger(token, lexicon)) is not None:
            nouns[token.i] = found
    received: dict[int, list[Token]] = {}
    for i in in_span(gates.receivers, span.start, span.end):
        word = lemma[i].lower()
        # received_nouns reads the "with ... from" phrase itself, save after an idiom's verb
        if word not in RECEIVING_LEMMAS or (word in IDIOM_RECEIVING_VERBS and word not in RECEIVING_VERBS):
            for noun in given_with(doc[i]):  # "X, with assistance from Y, provided ...": aid Y gave X
                if noun.i in nouns and nouns[noun.i][0].event_type == "AID":
                    received.setdefault(noun.i, []).append(doc[i])
        # only a verb whose lemma receives (RECEIVING_LEMMAS) has other received nouns
        if word not in RECEIVING_LEMMAS:
            continue
        for noun in received_nouns(doc[i]):
            idiom = RECEIVED_IDIOMS.get(noun.lemma_.lower())
            if noun.i not in nouns and idiom and (meaning := lexicon.noun(idiom)) is not None:
                nouns[noun.i] = (replace(meaning, lemma=noun.lemma_.lower()), [noun])  # "under fire": criticism
            if noun.i in nouns and nouns[noun.i][0].event_type in RECEIVED_TYPES:
                # "faced criticism", "came under attack from Y": realised, aimed at the subject
                received.setdefault(noun.i, []).append(doc[i])

    realised_by: dict[int, list[Token]] = {}
    absorbed: set[int] = set()
    mediated: dict[int, list[Token]] = {}
    light_triggers: set[int] = set()
    for i in sorted(verbs.keys() | in_span(gates.realisers, span.start, span.end)):
        # (the others: neither a verb trigger nor a verb that may be light or realise a noun)
        is_light = _is_light_at(view, i, lexicon)
        verb = verbs.get(i)
        bare = not is_light and verb is None
        verb_lemma = lemma[i].lower()
        meeting_only = bare and verb_lemma in MEETING_LIGHT_VERBS
        scaling_only = bare and verb_lemma in AID_SCALING_VERBS
        granting = verb_lemma in AID_GRANTING_VERBS
        dropping_only = bare and verb_lemma in AID_DROPPING_VERBS
        legal_only = bare and verb_lemma in LEGAL_REALISING_VERBS
        if bare and not (meeting_only or scaling_only or dropping_only or legal_only or granting):
            continue  # (told on the token view: no Token made for the verbs that realise nothing)
        token = doc[i]
        for noun in _object_nouns(token):
            if noun.i not in nouns:
                continue
            noun_trigger = nouns[noun.i][0]
            if granting and noun_trigger.event_type == "AID":
                # "the World Bank approved a $100m loan for Kenya": the approver gives it
                realised_by.setdefault(noun.i, []).append(token)
                if verb is not None:
                    light_triggers.add(token.i)  # the approval is the aid, no SUPPORT of its own
                continue
            if granting and bare:
                continue  # a verb of granting that is no trigger nor light verb realises only aid
            if meeting_only and noun_trigger.event_type != "CONSULT":
                continue  # "had talks with Lula" is a meeting; "has the support of" is no act
            if dropping_only and noun_trigger.event_type != "AID":
                continue  # "helicopters dropped food to villages" is aid; "dropped the charges" no act
            if scaling_only and (noun_trigger.event_type != "AID" or not any(c.dep_ == "poss" for c in noun.children)):
                continue  # "increased its aid to £50m" is aid given; "raised concerns", "increase funding" no act
            if noun_trigger.event_type == "AID" and lemma_in(token, UTTERING_LIGHT_VERBS):
                continue  # "expressed his relief": a feeling voiced, no aid given
            if legal_only and noun_trigger.lemma not in LEGAL_CHALLENGE_TRIGGERS:
                continue  # "took legal action" is a lawsuit; "took the blame" is no accusation
            if verb is not None and verb[0].event_type == "AGREE" and noun_trigger.event_type not in UTTERED_TYPES:
                absorbed.add(noun.i)  # "offered Israel a truce": the offer is the event, the truce its content
                continue
            if verb is None or (
                is_light
                and verb[0].event_type != noun_trigger.event_type
                and verb[0].subject_role == "source"
                and verb[0].event_type != "CONSULT"
            ):
                realised_by.setdefault(noun.i, []).append(token)  # "hold talks", "strike a deal"
                if verb is not None:
                    light_triggers.add(token.i)  # "signed an agreement": the noun's event, not the verb's
            elif _mediating(token, verb[0]) and noun_trigger.event_type in ("CONSULT", "AGREE", "RETREAT", "COOPERATE"):
                mediated.setdefault(noun.i, []).append(token)  # "hosted talks", "brokered a truce"
            elif verb[0].event_type == noun_trigger.event_type:
                absorbed.add(noun.i)  # "fought two wars": one event, the verb's
                realised_by.setdefault(token.i, []).append(noun)

    for i in nouns:
        prep = span.doc[i].head
        if nouns[i][0].event_type == "ASSAULT":
            continue  # "went on the offensive", "came on the attack": a posture, not a raid
        if span.doc[i].dep_ == "pobj" and prep.lower_ in ("on", "for") and lemma_in(prep.head, MOTION_VERBS):
            realised_by.setdefault(i, []).append(prep.head)  # "went on strike", "arrived for a visit"
        elif (
            span.doc[i].dep_ == "pobj"
            and prep.lower_ in ("on", "for")
            and nouns[i][0].event_type == "CONSULT"
            and lemma_in(prep.head, PRESENCE_VERBS)
            and _present_party(prep.head)
        ):
            realised_by.setdefault(i, []).append(prep.head)  # "is in Tehran for talks", "is on a visit to Brazil"

    drafts: list[Draft] = []
    for i, (trigger, words) in sorted(nouns.items()):
        token = span.doc[i]
        if i in absorbed:
            continue
        realisers = realised_by.get(i, []) + mediated.get(i, []) + received.get(i, [])
        if trigger.requires_verb and not realisers and not _given_by_someone(token, trigger, index):
            continue  # "a peace treaty" under discussion is not an AGREE event
        if token.lemma_.lower() in CUSTODY_PLACES and token.dep_ != "pobj" and not realisers:
            continue  # "Fort Leavenworth, the US Army's military prison": a facility, no one held
        staged = any(lemma_in(verb, PROTEST_STAGING_VERBS) for verb in realisers)
        if trigger.event_type == "PROTEST" and not staged and _showing(token, index):
            continue  # "a demonstration of the new technology", "the launch is a demonstration"
        draft = _new_draft(token, trigger, words, sentence)
        draft.realisers = realisers
        draft.definite = _is_definite(token)
        draft.separate = any(c.lower_ == "separate" for c in token.children if c.dep_ == "amod")
        if draft.separate:
            draft.words = [c for c in token.children if c.lower_ == "separate"] + draft.words
        if mediated.get(i) and draft.event_type == "CONSULT":
            draft.mode = draft.mode or "third-party"
        if not apply_sense(draft):
            continue  # "the film's shooting", "the earthquake's strike"
        drafts.append(draft)
    mediating_verbs = {v.i for vs in mediated.values() for v in vs}
    framing_verbs = {v.i for vs in received.values() for v in vs}
    for i, (trigger, words) in sorted(verbs.items()):
        token = span.doc[i]
        if i in mediating_verbs or i in light_triggers:
            continue  # the verb only arranged or realised the noun's event
        if i in framing_verbs and tuple(trigger.lemma.split()) in RECEIVING_FRAMES:
            continue  # "the plans met with criticism from Y": the frame that receives it, no meeting
        if token.dep_ == "amod" or (token.dep_ == "compound" and token.tag_ == "VBN"):
            continue  # "union-backed magazine": a property, not a report of an act
        if trigger.event_type == "PROTEST" and any(c.dep_ in ("ccomp",) for c in token.children):
            continue  # "this demonstrates that ...": showing, not protesting
        if (
            trigger.event_type == "PROTEST"
            and any(c.dep_ == "dobj" and actor_at(index, c) is None for c in token.children)
            and lemma_in(token, frozenset({"demonstrate", "march"}))
        ):
            continue  # "demonstrates the problem"
        if trigger.event_type == "REQUEST" and any(
            c.lower_ in PLEA_WORDS for c in token.children if c.dep_ in ("acomp", "oprd", "advmod", "dobj")
        ):
            continue  # "pleaded guilty to fraud": a plea in court, not an appeal ("found guilty" is a verdict)
        if reports_a_statement(token, trigger, words):
            continue  # "agreed (that) the act was discriminatory", "insisted he did not know"
        retyped = warning(token, trigger, index)
        if retyped is None:
            continue  # "warned that the changes would go ahead": a statement, not a threat
        if trigger.subject_role == "recipient" and any(
            c.dep_ == "dobj" and c.i not in nouns and actor_at(index, c) is None and not np_actors(c, index)
            for c in token.children
        ):
            continue  # "host a news conference", "host a dinner": no guest named
        draft = _new_draft(token, trigger, words, sentence)
        draft.event_type, draft.mode = retyped
        if draft.event_type != trigger.event_type:
            draft.cameo_root = CAMEO_OF.get(draft.event_type, draft.cameo_root)
        draft.realisers = [n for n in realised_by.get(i, [])]
        if not apply_sense(draft):
            continue  # "an earthquake struck", "shelled out $2bn"
        if draft.event_type == "ASSAULT" and figurative(token, trigger, index):
            continue  # "fight the seat", "fighting poverty"
        drafts.append(draft)
    drafts.sort(key=lambda d: d.token.i)
    return drafts


def _given_by_someone(noun: Token, trigger: Trigger, index: MentionIndex) -> bool:
    """ "The first aid from Japan arrived in Colombo", "Japan's aid to Indonesia reached $500
    million", "American aid to Israel totals $3 billion": aid whose "from" phrase, possessor
    or actor modifier names its giver was given, though no giving verb realises it, when it
    is the subject of what happened to it or names whom it went to ("to Indonesia") or what
    for ("for the tsunami victims"). "accepted aid from Israel" is realised by the receiving
    verb; a topic noun such as "more aid is needed" or "Britain's aid budget" names no giver;
    "rejected aid from Israel", "asked for aid from Japan" report none given."""
    if trigger.event_type != "AID":
        return False
    if noun.dep_ == "nsubj" and any(
        c.dep_ == "prep" and c.lower_ == "from" and any(np_actors(p, index) for p in pobjs(c))
        for c in noun.children
    ):
        return True
    if not any(_names_giver(c, index) for c in noun.children):
        return False
    return noun.dep_ in ("nsubj", "nsubjpass") or any(
        c.dep_ == "prep"
        and (
            (c.lower_ == "to" and any(np_actors(p, index) for p in pobjs(c)))
            or (c.lower_ == "for" and any(relief_noun(p) for p in pobjs(c)))
        )
        for c in noun.children
    )


def _names_giver(modifier: Token, index: MentionIndex) -> bool:
    """ "Japan's aid", "its aid", "American aid", "US aid": a possessor, or a demonym or name
    before the noun, that is an actor."""
    if modifier.dep_ == "poss":
        return actor_at(index, modifier) is not None
    before = modifier.dep_ in ("amod", "compound", "nmod") and modifier.i < modifier.head.i
    return before and actor_at(index, modifier) is not None


def _showing(noun: Token, index: MentionIndex) -> bool:
    """ "a demonstration of the new technology", "Delta 4 Heavy's maiden launch is a
    demonstration": a showing, not a protest (unless people stage it: events.yaml
    protest_staging_verbs), as "demonstrates the problem" is (the verb's
    rule in `sentence_drafts`). The noun shows what its "of" phrase names when that names no
    actor, or is what a copula says of a subject that names no actor nor any people."""
    if noun.lemma_.lower() != "demonstration":
        return False
    shown = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in pobjs(c)]
    if shown:
        return not any(np_actors(p, index) for p in shown)
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
        return bool(subjects) and not any(
            actor_at(index, c) is not None or c.pos_ in ("PRON", "PROPN") or c.ent_type_ in ACTOR_LABELS
            for c in subjects
        )
    return False


def _mediating(verb: Token, trigger: Trigger) -> bool:
    return trigger.subject_role in ("mediator", "recipient") or lemma_in(verb, MEDIATING_VERBS)


def _new_draft(token: Token, trigger: Trigger, words: list[Token], sentence: Sentence) -> Draft:
    return Draft(
        token=token,
        trigger=trigger,
        sentence=sentence,
        words=list(words),
        event_type=trigger.event_type,
        mode=trigger.mode,
        cameo_root=trigger.cameo_root,
    )


def _is_definite(token: Token) -> bool:
    outer = outer_noun(token)
    for candidate in (token, outer):
        for child in candidate.children:
            if child.dep_ == "det" and child.lower_ in DEFINITE_DETS:
                return True
    return False



def _present_party(verb: Token) -> bool:
    """Whether "X is in Tehran for talks" has an X that can take part: a name, a pronoun or
    an office holder ("the foreign minister"). "Tony Blair's money is for talks with France"
    has a thing as its subject, so its possessor is no party to the talks."""
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    return any(
        subject.pos_ in ("PROPN", "PRON") or subject.ent_type_ in ACTOR_LABELS
        or subject.lemma_.lower() in OFFICE_HOLDER_NOUNS
        for subject in subjects
    )
