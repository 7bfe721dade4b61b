"""Speech acts of intent: offers, demands and threats are events when they are made.

PLOVER codes an offer or a willingness to act for another (AGREE), a demand (REQUEST) and
a threat (THREATEN) as events of the moment they are made, though what is offered,
demanded or threatened lies ahead; that content is not a second event (`modality` keeps
it hypothetical). The trigger dictionary finds the explicit verbs ("pledged", "urged",
"threatened"); this pass finds the acts English makes without them:

* "X wants / asked / told Y to do Z" -> REQUEST, source X, target Y (`request_verbs`), Y
  the object or the infinitive's own subject (the parser's "wants [Y to withdraw]"), X
  the speaker where the wish is reported ("X said it / he wanted Y to do Z"); "X
  wants / seeks an apology from Y" -> REQUEST of Y (`seeking_verbs`);
* "X gave Y until Friday to do Z" -> REQUEST, a deadline set for Y (`deadline_verbs`);
* "X is willing / ready / prepared to do Z for Y" -> AGREE, with the actor the infinitive
  acts on as target (`willingness_words`), or the one the offer is told to; "X said it was
  ready to" is X's offer (`reported_speaker`);
* "X wishes / wants / hopes to meet / speak with / work with Y" -> AGREE to Y, the intent
  to meet or co-operate (`desire_verbs`);
* in a quote, or a clause reported by a speaker: "Y must / should / ought to do Z" and
  "it is time for Y to do Z" -> REQUEST of Y, source the speaker; "we will do Z unless /
  if ..." -> THREATEN, target the actor of the condition ("unless ministers rethink") or of the act;
  AGREE instead when Z is a co-operative act ("we will give you every support if you do");
* "rejected / accepted X's offer", "a Conservative offer" rejected by Y: the offer is made
  to the one who rejects or accepts it (`offer_recipient`).

Negated demands and offers ("is not willing to"), questions and speculation ("could",
"might") stay out: only "must", "should", "will" and "would" count.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from pipeline.nlp.events.draft import (
    ASSERTED,
    Draft,
    EventContext,
    actor_at,
    actor_key,
    addressee_of_quote,
    body_named_with,
    governs,
    group_subject,
    is_actor,
    is_question,
    lemma_in,
    national_government,
    plural_antecedent,
    quote_span,
    same_actor,
    speech_act_draft,
    unique,
)
from pipeline.nlp.events.modality import modality
from pipeline.nlp.events.owners import pronoun_referent
from pipeline.nlp.events.phrases import np_actors
from pipeline.nlp.events.speech import group_speaker
from pipeline.nlp.events.subjects import reported_speaker, subject_actors
from pipeline.nlp.events.triggers import verb_trigger
from pipeline.nlp.events.vocabulary import (
    ADVISORY_BODY_WORDS,
    CAUSATIVE_REQUEST_VERBS,
    DEADLINE_VERBS,
    DESIRE_VERBS,
    ENTITLEMENT_WORDS,
    EXPECTATION_VERBS,
    FUTURE_MODALS,
    GOVERNMENT_BODY_WORDS,
    GOVERNMENT_NOUNS,
    GROUP_HEADS,
    PAST_TIME_WORDS,
    PERFORMATIVE_FRAMES,
    REPORTING_VERBS,
    REQUEST_VERBS,
    SEEKING_VERBS,
    STRIKE_WORDS,
    WILLINGNESS_WORDS,
)
from pipeline.nlp.lexicons import Trigger
from pipeline.nlp.records import Mention, Quote, Sentence
from pipeline.nlp.syntax import (
    DEMAND_MODALS,
    agent_of,
    has_neg,
    has_to_marker,
    is_condition,
    is_passive,
    nominal_subjects,
)
from pipeline.nlp.token_view import view_of

# "we will strike unless ...", "is willing to" under "would": the future modals (events.yaml
# future_modals) that promise an act; "wo" of "won't" refuses it instead
PROMISE_MODALS = FUTURE_MODALS - {"wo"}
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
REJECTING_TYPES = frozenset({"REJECT", "AGREE", "SUPPORT"})


def _trigger(event_type: str, lemma: str, root: str, quad: str) -> Trigger:
    return Trigger(lemma=lemma, event_type=event_type, mode=None, cameo_root=root, quad=quad, pos="VERB")


REQUEST_ACT = _trigger("REQUEST", "demand", "10", "verbal_conflict")
THREATEN_ACT = _trigger("THREATEN", "threat", "13", "verbal_conflict")
AGREE_ACT = _trigger("AGREE", "offer", "03", "verbal_coop")


def _draft(trigger: Trigger, token: Token, sentence: Sentence, sources: list[Mention], targets: list[Mention]) -> Draft:
    sources = unique(sources)
    return speech_act_draft(trigger, token, sentence, sources, [m for m in unique(targets) if m not in sources])


def _named(mentions: Iterable[Mention]) -> list[Mention]:
    return [m for m in mentions if is_actor(m) and m.kind != "pronoun"]


def _aux(verb: Token) -> set[str]:
    view = view_of(verb.doc)
    dep, tag, lower = view.dep, view.tag, view.lower
    return {lower[c] for c in view.children(verb.i) if dep[c] in ("aux", "auxpass") and tag[c] == "MD"}


def _infinitive(verb: Token) -> bool:
    """ "to withdraw": an infinitive (not "told X his concern was ...")."""
    return verb.tag_ == "VB" and has_to_marker(verb)


def _country(mention: Mention) -> str | None:
    if mention.entity_type == "COUNTRY":
        return mention.gazetteer_id or mention.name
    return f"country:{mention.country_iso3}" if mention.country_iso3 else None


def _addressed(speaker: Mention, targets: list[Mention], ec: EventContext) -> list[Mention]:
    """A demand on a country is a REQUEST only from another country's speaker: "Britain
    should take its share", said by a British politician, is domestic policy (a stance);
    one on several states together ("the UK and US must ...") is addressed to them.
    A demand on the country named as its government at work ("the government must drop
    the plans", "ministers should respond": `government_nouns`) is addressed to the
    government, a REQUEST from anyone who does not govern it themselves (`_governs`)."""
    own = _country(speaker)
    # "the UK and US must realise ...": a demand on several states together is no one state's
    # domestic policy, so it is addressed to them whoever makes it
    several = len({_country(m) for m in targets if m.entity_type == "COUNTRY" and not _as_government(m)}) > 1

    def addressed(target: Mention) -> bool:
        if target.entity_type != "COUNTRY":
            return True
        foreign = own is not None and _country(target) != own
        if _as_government(target):
            return foreign or not governs(speaker, ec)
        # "the EU said China must ...": a body above states makes demands of them
        return foreign or several or (own is None and speaker.entity_type == "ORGANIZATION")

    return [m for m in targets if addressed(m)]


def _as_government(mention: Mention) -> bool:
    """ "the government", "ministers": a country named as its government at work."""
    return mention.kind != "name" and mention.surface.lower() in GOVERNMENT_NOUNS


def _object_actors(verb: Token, ec: EventContext) -> list[Mention]:
    out: list[Mention] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            out += np_actors(child, ec.index)
            for prep in child.children:  # "would seek sanctions against LG Group"
                if prep.dep_ == "prep" and prep.lower_ in ("against", "on"):
                    out += [m for p in prep.children if p.dep_ == "pobj" for m in np_actors(p, ec.index)]
        elif child.dep_ == "prep" and child.lower_ in ("to", "with", "against", "on"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out += np_actors(pobj, ec.index)
    return out


COOPERATIVE_TYPES = frozenset({"CONSULT", "COOPERATE", "AID", "AGREE"})


def _cooperative(verb: Token, ec: EventContext) -> bool:
    """ "to speak with", "to meet", "to work with": a meeting or co-operation verb."""
    return any(t.event_type in COOPERATIVE_TYPES for t in _verb_acts(verb, ec))


def _addressee(clause: Token, ec: EventContext) -> list[Mention]:
    """ "X is willing to withdraw, Assad told the UN envoy": an offer reported to someone is
    made to them (the object of the verb of saying the clause hangs from)."""
    if clause.dep_ not in ("ccomp", "parataxis") or clause.head.i == clause.i:
        return []
    speech = clause.head
    return _named(m for c in speech.children if c.dep_ in ("dobj", "dative") for m in np_actors(c, ec.index))


def _asked(verb: Token) -> Token | None:
    """Who a request verb asks to act: its object ("asked Y to mediate"), or the subject of
    its infinitive clause ("want [Y to withdraw]", as the parser reads it)."""
    infinitives = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and _infinitive(c)]
    if not infinitives:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if objects:
        return objects[0]
    subjects = [c for c in infinitives[0].children if c.dep_ == "nsubj"]
    return subjects[0] if subjects else None


def _sought_from(verb: Token) -> Token | None:
    """ "the Lib Dems want an apology from Tony Blair", "sought assurances from ministers": the
    one something is wanted from (`seeking_verbs`; the "from" phrase of the verb or of its
    object), or None."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return None
    for prep in list(verb.children) + list(objects[0].children):
        if prep.dep_ == "prep" and prep.lower_ == "from":
            return next((p for p in prep.children if p.dep_ == "pobj"), None)
    return None


def _deadline_given(verb: Token) -> Token | None:
    """ "gave Y until Wednesday to sign up": the one a deadline is set for (the object of a
    deadline verb with an "until / by" time and an infinitive of what Y must do)."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    until = any(c.dep_ == "prep" and c.lower_ in ("until", "till", "by") for c in verb.children)
    act = any(c.dep_ in ("advcl", "xcomp", "ccomp") and _infinitive(c) for c in verb.children)
    return objects[0] if objects and until and act else None


def _causing_thing(verb: Token, ec: EventContext) -> bool:
    """ "last year's wardrobe malfunction encouraged the FCC to impose tougher rules": a
    causative request verb (events.yaml causative_request_verbs) whose subject is a thing,
    not itself an actor (its possessor may be one), brings about, it asks nothing. A noun
    for people acting for a body (events.yaml group_heads: "the British government",
    "ministers") is no thing, though no mention covers it."""
    if not lemma_in(verb, CAUSATIVE_REQUEST_VERBS):
        return False
    subjects = nominal_subjects(verb)
    return bool(subjects) and all(
        s.pos_ == "NOUN" and actor_at(ec.index, s) is None and not lemma_in(s, GROUP_HEADS) for s in subjects
    )


_INTENT_VERBS = frozenset().union(REQUEST_VERBS, DEADLINE_VERBS, SEEKING_VERBS, DESIRE_VERBS)
"""The lemmas `sentence_intents` reads a verb for: any other verb is passed over unread."""


def sentence_intents(ec: EventContext, span: Span, sentence: Sentence) -> list[Draft]:
    """REQUEST from "X wants Y to" and deadlines, AGREE from "X is willing to" in one sentence."""
    if is_question(sentence):
        return []
    drafts: list[Draft] = []
    doc, view = span.doc, view_of(span.doc)
    for i in range(span.start, span.end):
        # only a verb, or a willingness adjective ("ready to"), can be read below
        if view.pos[i] not in ("VERB", "AUX") and not (view.pos[i] == "ADJ" and view.lower[i] in WILLINGNESS_WORDS):
            continue
        if view.pos[i] in ("VERB", "AUX") and view.lemma[i].lower() not in _INTENT_VERBS:
            continue  # a verb asks, sets a deadline, seeks or wishes only by its lemma
        token = doc[i]
        if token.pos_ in ("VERB", "AUX") and not has_neg(token):
            asked = None
            if lemma_in(token, REQUEST_VERBS) and not _causing_thing(token, ec):
                asked = _asked(token)
            elif lemma_in(token, DEADLINE_VERBS):
                asked = _deadline_given(token)
            if asked is None and lemma_in(token, SEEKING_VERBS):
                asked = _sought_from(token)
            if asked is not None:
                said_by = subject_actors(token, ec.index) or reported_speaker(token, ec.index)
                sources = [m for m in said_by if is_actor(m)]
                targets = [m for m in _named(np_actors(asked, ec.index)) if m.name not in {s.name for s in sources}]
                if not targets and sources:  # "wrote to Mr Blair asking him to sack the minister"
                    targets = pronoun_referent(asked, sentence.sentence_id, {actor_key(m) for m in sources}, ec.index)
                if targets and (sources or group_subject(token)):
                    drafts.append(_draft(REQUEST_ACT, token, sentence, sources, targets))
        if (
            token.pos_ == "VERB"
            and lemma_in(token, DESIRE_VERBS)
            and not has_neg(token)
            and not _aux(token) - PROMISE_MODALS
            and not any(c.dep_ == "dobj" for c in token.children)
        ):
            acts = [c for c in token.children if c.dep_ == "xcomp" and _infinitive(c) and _cooperative(c, ec)]
            sources = [m for m in subject_actors(token, ec.index) or reported_speaker(token, ec.index) if is_actor(m)]
            targets = _named(m for act in acts for m in _object_actors(act, ec))
            if acts and sources and targets:
                drafts.append(_draft(AGREE_ACT, token, sentence, sources, targets))
        elif token.lower_ in WILLINGNESS_WORDS and token.pos_ == "ADJ" and token.dep_ == "acomp":
            verb = token.head
            if has_neg(verb) or has_neg(token) or _aux(verb) - PROMISE_MODALS:
                continue
            acts = [c for c in token.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
            if not acts:
                continue
            sources = [m for m in subject_actors(verb, ec.index) or reported_speaker(verb, ec.index) if is_actor(m)]
            targets = _named(_object_actors(acts[0], ec)) or _addressee(verb, ec)
            if sources and targets:
                # "prepared to take Britain to the European Court": readiness to harm threatens
                # a verb the dictionary knows decides ("willing to withdraw its troops"), else
                # its object ("ready to take legal action")
                hostile = any(t.quad in CONFLICT_QUADS for t in _verb_acts(acts[0], ec) or _object_acts(acts[0], ec))
                act = THREATEN_ACT if hostile else AGREE_ACT
                drafts.append(_draft(act, token, sentence, sources, targets))
    for draft in drafts:
        # "Mr Blair will ask the Queen to ...": not yet asked (future); "is to ask": hypothetical
        draft.modality = modality(ec, draft)
    return drafts


def _hoped_clause(verb: Token) -> bool:
    """ "Europeans must hope that his administration will be ...": a verb of wishing with a
    clause of its own says what the subject is left to hope for, not what it is asked to do
    (desire_verbs in events.yaml)."""
    return lemma_in(verb, DESIRE_VERBS) and any(c.dep_ == "ccomp" for c in verb.children)


OBLIGATION_VERBS = frozenset({"need", "have", "ought"})


def _obligation(verb: Token, indirect: bool = True) -> Token | None:
    """ "the government needs to listen", "Mr Blair has to explain", "Mr Howard ought to
    apologise": a present "need to" / "have to" / "ought to" with its infinitive demands as
    "must" does (not "had to", a past necessity, and not under a modal: "will have to
    participate" foretells); the infinitive, or None. The parser makes "ought" a verb (MD)
    with the infinitive as its complement. A past one reported by a past verb of saying is
    the speaker's present (`_backshifted`: "he said the government needed to act"), in
    indirect speech only: a quote's own words keep their tense ("'The government, last
    week, had to publish a commentary,' he said" tells what it had to do)."""
    if verb.lemma_.lower() not in OBLIGATION_VERBS or has_neg(verb):
        return None
    if verb.tag_ not in ("VBZ", "VBP", "MD") and not (indirect and _backshifted(verb)):
        return None
    if _aux(verb):
        return None
    return next((c for c in verb.children if c.dep_ == "xcomp" and _infinitive(c)), None)


def _backshifted(verb: Token) -> bool:
    """ "he stressed that the government needed to get out of oil", "Mr Leigh said Britain had
    to set an example": reported speech shifts the speaker's present "needs to" / "has to"
    into the past after a past verb of saying (the sequence of tenses), so a past "needed"
    or "had" that is the complement of one (`reporting_verbs`) is a demand made then, not a
    past necessity ("Britain had to borrow in 1976" stands on its own), unless a time
    phrase dates it to a past occasion (`_on_past_occasion`)."""
    if verb.tag_ != "VBD" or verb.dep_ != "ccomp":
        return False
    head = verb.head
    return head.tag_ == "VBD" and lemma_in(head, REPORTING_VERBS) and not _on_past_occasion(verb)


def _on_past_occasion(verb: Token) -> bool:
    """ "said on some occasions Muslims had to travel to Llanelli", "said the government had to
    publish a commentary last week": a time phrase on the obligation or its infinitive with
    a word of past time (events.yaml past_time_words) tells what was necessary then, a fact,
    not a demand of the present."""
    acts = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    return any(
        w.lower_ in PAST_TIME_WORDS
        for act in acts
        for c in act.children
        if c.dep_ in ("npadvmod", "advmod", "prep")
        for w in c.subtree
    )


_GOVERNMENT_BODY_WORDS_OR_ADVISORY_BODY_WORDS = GOVERNMENT_BODY_WORDS | ADVISORY_BODY_WORDS


def _demand_of(speaker: Mention, target: Mention) -> bool:
    """Whether a backshifted obligation reported by the speaker can be a demand of the target:
    one a body or a state reports ("Standard Life said Deutsche Boerse had to show why its
    offer was good") can, as can one a person reports of a person, a state or a public body
    (a party, a government body: one the gazetteer knows or whose name says so). A person's
    report that a firm or a group "had to" / "needed to" act ("Xbox frontman J Allard said
    Microsoft had to work hard", "an analyst said Sony had to cut prices", "SMFG's president
    said the companies needed to bolster their businesses") is its own staff's or an
    observer's account of what its market asks of it, not a demand."""
    if speaker.entity_type != "PERSON" or target.entity_type in ("PERSON", "COUNTRY"):
        return True
    return target.entity_type == "ORGANIZATION" and (
        target.gazetteer_id is not None or body_named_with(target, _GOVERNMENT_BODY_WORDS_OR_ADVISORY_BODY_WORDS)
    )


def _overdue(verb: Token) -> tuple[Token, Token] | None:
    """ "it is time for Mr Blair to come clean", "it is high time the government listened",
    "the time has come for ministers to act": "time" as what "it" is, or as the subject of
    "come", with a clause of someone's act demands that act of its subject as "must" does;
    the act and its subject, or None."""
    if has_neg(verb):
        return None
    if verb.lemma_ == "be" and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in verb.children):
        nouns = [c for c in verb.children if c.dep_ == "attr" and c.lemma_.lower() == "time"]
    elif verb.lemma_ == "come":
        nouns = [c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() == "time"]
    else:
        return None
    clauses = [c for n in nouns for c in list(n.children) + list(verb.children) if c.dep_ in ("relcl", "acl", "advcl")]
    for act in clauses:
        subject = next((c for c in act.children if c.dep_ == "nsubj"), None)
        if subject is not None and act.pos_ in ("VERB", "AUX"):
            return act, subject
    return None


def _past_obligation(verb: Token) -> bool:
    """ "Y should have acted sooner": a perfect after "should" looks back at what Y failed
    to do (a reproach, which `speech` codes as ACCUSE), not a demand of Y."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _state_asked(ec: EventContext, act: Token, speaker: Mention) -> list[Mention]:
    """Whom a passive demand asks to act. Not its subject, who undergoes the act ("Mr Blair
    should be judged on his record", "the figures had to be looked at in context"); not a
    "by" agent, often the speaker's own side ("control orders must be issued by the home
    secretary", the government insists). "These detainees should be prosecuted and tried":
    one naming no doer whose act is a material one the trigger dictionary knows (PLOVER's
    material conflict or co-operation: prosecute, deport, release, ban) asks it of the state
    that does such acts, the national government the article's "the government" names, as
    a judged measure with no owner is that government's (`judged_referents.government_measure`);
    not when the speaker governs it (a minister's "should be deported" is its own plan)."""
    if agent_of(act) is not None or governs(speaker, ec):
        return []
    if not any(t.quad.startswith("material") for t in _verb_acts(act, ec)):
        return []
    return national_government(ec.index)


def _entitled(verb: Token) -> bool:
    """ "shop workers should be able to enjoy a break", "patients must be allowed to choose":
    a right or a capacity granted to the subject (`entitlement_words`: an adjective after
    "be", or a passive participle) is what others are to permit, not an act asked of it."""
    if verb.lemma_ == "be":
        return any(c.dep_ == "acomp" and c.lower_ in ENTITLEMENT_WORDS for c in verb.children)
    return is_passive(verb) and verb.lemma_.lower() in ENTITLEMENT_WORDS


QUESTION_MARKS = frozenset({"why", "whether", "how"})


def _asked_about(verb: Token) -> bool:
    """ "why the BBC should be joining with the Tories", "whether one category should cover
    all murders", "he asked what the government had to hide": a clause the question word
    opens (on the verb, or a wh-word its clause starts with) asks about the act, it demands
    nothing."""
    if verb.dep_ == "ccomp" and verb.left_edge.tag_ in ("WP", "WP$", "WDT", "WRB"):
        return True
    return any(c.dep_ in ("advmod", "mark") and c.lower_ in QUESTION_MARKS for c in verb.children)


def _no_act(verb: Token) -> bool:
    """ "there should be proper assessments if ...", "I wouldn't be here if ...", "they would
    be released if ...": "be", or a passive, foretells a state or what is done to its subject,
    no act of the speaker's to threaten or offer."""
    return verb.lemma_ == "be" or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


SECOND_PERSON = frozenset({"you", "your"})


def _hearers_harmed(verb: Token, quote: Quote, ec: EventContext) -> list[Mention]:
    """ "Gerry Adams told Tony Blair: 'We could take legal action against you'": a harm aimed
    at "you" (the verb's object or a preposition's) is aimed at whoever hears the quote, the
    object of the verb of telling right before it (draft.addressee_of_quote)."""
    if not any(t.lower_ in SECOND_PERSON for c in _object_phrases(verb) for t in c.subtree):
        return []
    doc = verb.doc
    before = [t for t in doc[verb.sent.start : verb.i] if t.idx < quote.char_start and addressee_of_quote(t)]
    return _named(m for t in before for m in np_actors(t, ec.index))


def _object_phrases(verb: Token) -> list[Token]:
    return [
        c
        for c in verb.children
        if c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in ("against", "on", "to"))
    ]


PERFORMED_TYPES = frozenset({"SUPPORT", "CONCEDE"})


def _performed(verb: Token, ec: EventContext, speaker: Mention) -> Trigger | None:
    """ "I want to thank the Canadian people", "I would like to congratulate Daniela": a
    first-person wish to thank, praise or apologise performs the act (performative_frames in
    events.yaml); the quote's speaker does it to the infinitive's object."""
    head = verb.head
    if verb.dep_ != "xcomp" or not _infinitive(verb) or not lemma_in(head, PERFORMATIVE_FRAMES) or has_neg(head):
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in head.children):
        return None
    trigger = ec.lexicon.verb(verb.lemma_.lower())
    if trigger is None or trigger.event_type not in PERFORMED_TYPES:
        return None
    targets = [m for m in _named(_object_actors(verb, ec)) if m.name != speaker.name]
    return trigger if targets else None


THIRD_PERSON_SUBJECTS = frozenset({"they", "he", "she"})
CONFLICT_QUADS = frozenset({"verbal_conflict", "material_conflict"})


def _own_act(subject: Token, speaker: Mention, ec: EventContext) -> bool:
    """A threat promises the speaker's own act: "we will ...", "there will be a strike"
    (said by the union), "the Tories say they will ...", "Mr Davis said he would ...". A
    subject that names another actor ("her deputy will succeed her if she is confirmed",
    "the government will hit its target if ...", said by a watchdog) forecasts that
    actor's act; so does a pronoun the mentions resolve to another actor."""
    if subject.dep_ == "expl" or subject.lower_ in FIRST_PERSON:
        return True
    doers = [m for m in np_actors(subject, ec.index) if is_actor(m)]
    if subject.lower_ in THIRD_PERSON_SUBJECTS and not any(m.name for m in doers):
        return True  # a pronoun no mention resolves: "X said they would ...", X's own
    return any(same_actor(m, speaker) for m in doers)


def _verb_acts(verb: Token, ec: EventContext) -> list[Trigger]:
    """What the trigger dictionary makes of a verb with its particle or preposition
    ("will vote against", "to work with")."""
    lemma = verb.lemma_.lower()
    particles = [c.lower_ for c in verb.children if c.dep_ in ("prep", "prt")]
    found = [ec.lexicon.verb(lemma, p) for p in particles] + [ec.lexicon.verb(lemma)]
    # "take their case to court": an idiom with its object, as the trigger rule reads it
    found += [whole[0] for whole in [verb_trigger(verb, ec.lexicon)] if whole is not None]
    return [t for t in found if t is not None]


def _object_acts(verb: Token, ec: EventContext) -> list[Trigger]:
    """What the trigger dictionary makes of a verb's object noun ("would seek sanctions"),
    with its modifier where the entry names one ("will take legal action")."""
    found = []
    for noun in (c for c in verb.children if c.dep_ == "dobj"):
        modifiers = [m.lower_ for m in noun.children if m.dep_ in ("amod", "compound")]
        found += [ec.lexicon.noun(noun.lemma_.lower(), m) for m in modifiers] + [ec.lexicon.noun(noun.lemma_.lower())]
    return [t for t in found if t is not None]


def _harmful(verb: Token, ec: EventContext) -> bool:
    """The promised act is a conflictual one the trigger dictionary knows (PLOVER's
    verbal or material conflict: "will vote against", "will strike", "would expel"),
    or names one as its object ("would seek sanctions"): a warning of harm is a threat
    even when another actor is to do it."""
    acts = _verb_acts(verb, ec) + _object_acts(verb, ec)
    return any(t.quad in CONFLICT_QUADS for t in acts) or _names_strike(verb)


# what a helpful promise gives (a yielding RETREAT or CONCEDE is co-operative for PLOVER too,
# but "we will withdraw from the talks unless ..." threatens)
HELPFUL_TYPES = COOPERATIVE_TYPES | {"SUPPORT"}


def _helpful(verb: Token, ec: EventContext) -> bool:
    """The promised act is a co-operative one the trigger dictionary knows ("we will back
    you"): promised on a condition, it is an offer (AGREE), not a threat. A verb the
    dictionary knows decides by itself ("we will withdraw our support if ..." takes help
    away: a threat); the object noun counts only under a light verb that just realises it
    ("we will give you every support if you do")."""
    acts = _verb_acts(verb, ec)
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    if not acts and ec.lexicon.is_light_verb(verb.lemma_.lower(), particles[0] if particles else None):
        acts = _object_acts(verb, ec)
    return any(t.event_type in HELPFUL_TYPES for t in acts)


def _names_strike(verb: Token) -> bool:
    """A strike word anywhere in the promised act ("there will be a strike unless ...")."""
    return any(t.lemma_.lower() in STRIKE_WORDS or t.lower_ in STRIKE_WORDS for t in verb.subtree)


def quote_intents(ec: EventContext, quotes: Iterable[Quote]) -> list[Draft]:
    """REQUEST ("Y must / should ...") and THREATEN ("we will ... unless ...") in quotes."""
    by_id = ec.index.by_id
    drafts: list[Draft] = []
    for quote in quotes:
        speaker = by_id.get(quote.speaker_mention_id or "") or group_speaker(ec, quote)
        if speaker is None or not is_actor(speaker):
            continue
        span = quote_span(quote, ec.ctx.doc)
        if span is None:
            continue
        doc, pos = span.doc, view_of(span.doc).pos
        for i in range(span.start, span.end):
            if pos[i] not in ("VERB", "AUX"):
                continue  # read from the view: a Token is made only for a verb
            verb = doc[i]
            sentence = ec.ctx.sentence_at(verb.idx)
            if sentence is None or is_question(sentence):
                continue
            performed = _performed(verb, ec, speaker)
            if performed is not None:
                drafts.append(_draft(performed, verb, sentence, [speaker], _named(_object_actors(verb, ec))))
                continue
            overdue = _overdue(verb)
            if overdue is not None:
                act, doer = overdue
                targets = [m for m in _named(np_actors(doer, ec.index)) if m.name != speaker.name]
                if targets := _addressed(speaker, targets, ec):
                    drafts.append(_draft(REQUEST_ACT, act, sentence, [speaker], targets))
                    continue
            obliged = _obligation(verb, indirect=quote.kind != "direct")
            modals = _aux(verb) | ({"must"} if obliged is not None else set())
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
            if not subjects:
                continue
            subject = subjects[0]
            if (
                modals & DEMAND_MODALS
                and verb.dep_ in ("ROOT", "ccomp", "conj")
                and subject.lower_ not in FIRST_PERSON
                and not _past_obligation(verb)
                and not _hoped_clause(verb)
                and not lemma_in(obliged or verb, EXPECTATION_VERBS)
                and not _entitled(verb)
                and not _asked_about(verb)
            ):
                if is_passive(obliged or verb):
                    targets = _state_asked(ec, obliged or verb, speaker)
                else:
                    targets = [m for m in _named(np_actors(subject, ec.index)) if m.name != speaker.name]
                    targets = targets or plural_antecedent(ec, subject, sentence, speaker)
                targets = _addressed(speaker, targets, ec)
                if obliged is not None and _backshifted(verb):
                    targets = [m for m in targets if _demand_of(speaker, m)]
                if targets:
                    # "needs to act": the act demanded is the trigger, as "act" is in "must act"
                    drafts.append(_draft(REQUEST_ACT, obliged or verb, sentence, [speaker], targets))
                    continue
            if "could" in modals and subject.lower_ in FIRST_PERSON and _harmful(verb, ec):
                # "We could take legal action against you", told to X: a harm held over the hearer
                if hearers := _hearers_harmed(verb, quote, ec):
                    drafts.append(_draft(THREATEN_ACT, verb, sentence, [speaker], hearers))
                continue
            if modals & PROMISE_MODALS or (_aux(verb) & DEMAND_MODALS and subject.dep_ == "expl"):
                # "we will ... unless", "there should be a strike unless ...": a threat
                conditions = [c for c in verb.children if is_condition(c)]
                if not conditions:
                    continue
                if (
                    subject.dep_ != "expl"
                    and subject.lower_ not in FIRST_PERSON
                    and not _named(np_actors(subject, ec.index))
                    and subject.lower_ not in THIRD_PERSON_SUBJECTS
                ):
                    continue
                own, harmful = _own_act(subject, speaker, ec), _harmful(verb, ec)
                if not own and not harmful:
                    continue  # "her deputy will succeed her if ...": a forecast of another's act
                if _no_act(verb) and not harmful:
                    continue  # "there should be proper assessments if ...": a state, no act promised
                targets = _named(m for c in conditions for m in subject_actors(c, ec.index))
                threatener = np_actors(subject, ec.index)
                for condition in conditions:  # "we will strike unless they back down": a body named before
                    they = nominal_subjects(condition)
                    named = [m for t in they[:1] for m in plural_antecedent(ec, t, sentence, speaker)]
                    targets += [m for m in named if m not in threatener]  # "X would cut ... if they were elected"
                targets += _named(_object_actors(verb, ec))
                targets = [m for m in targets if m.name != speaker.name]
                offer = own and not harmful and _helpful(verb, ec)  # "we will give you every support if ..."
                if not offer and not harmful and not targets:
                    continue  # "if we don't, we will miss a great opportunity": no harm, aimed at no one
                threat = _draft(AGREE_ACT if offer else THREATEN_ACT, verb, sentence, [speaker], targets)
                if _names_strike(verb):
                    threat.mode = "restrict"  # a strike threat restricts, as the trigger rule says
                drafts.append(threat)
    return drafts


def offer_recipient(draft: Draft, ec: EventContext) -> None:
    """ "Y rejected a Conservative offer", "accepted X's offer": the offer was made to Y."""
    if draft.event_type != "AGREE" or draft.token.pos_ not in ("NOUN", "PROPN") or draft.targets:
        return
    noun = draft.token
    if noun.dep_ not in ("dobj", "nsubjpass"):
        return
    verb = noun.head
    trigger = ec.lexicon.verb(verb.lemma_.lower())
    if trigger is None or trigger.event_type not in REJECTING_TYPES:
        return
    receivers = [m for m in subject_actors(verb, ec.index) if is_actor(m) and m not in draft.sources]
    draft.targets.extend(m for m in unique(receivers) if m not in draft.targets)


def new_intents(intents: list[Draft], reported: list[Draft]) -> list[Draft]:
    """Intent drafts that no event of the same type and source in the sentence reports."""

    kept: list[Draft] = []
    for draft in intents:
        if draft.modality == ASSERTED:
            # "I want to thank X": the performed act replaces the wish read as unreal
            reported[:] = [
                d
                for d in reported
                if not (d.token.i == draft.token.i and d.event_type == draft.event_type and d.modality != ASSERTED)
            ]
        sources = {actor_key(m) for m in draft.sources}
        if any(
            d.event_type == draft.event_type
            and d.sentence.sentence_id == draft.sentence.sentence_id
            and (sources & {actor_key(m) for m in d.sources} or d.token.i == draft.token.i)
            for d in reported + kept
        ):
            continue
        kept.append(draft)
    return kept
