"""PLOVER event candidates in one article: who did what to whom, when and where.

A candidate is one trigger in one sentence. Triggers come from the dictionary in
`pipeline/knowledge/plover_triggers.yaml` (`load_event_triggers()`): verbs ("met",
"accused", "called for") and nouns ("talks", "blockade", "truce"), each with a PLOVER
type, an optional mode and a CAMEO root. Everything else is read off the dependency
parse; nothing here knows any article's wording.

Actors (all references are mention ids of the given `mentions`; a pronoun is referenced
as its own mention, whose antecedent entity resolution finds later):

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
  "A series / two rounds of X" is read as X.
* conjunctions are followed everywhere: a compound actor is one list, never several
  dyads.

PLOVER conventions, as coded here:

* CONSULT, COOPERATE: actors without a host/visitor distinction are all `participant`s
  (PLOVER: "all participants are coded as source actors"; we keep them apart from
  directed sources so that analysts can tell). When one side hosts and the other visits,
  the visitor is the `source` and the host the `target` (mode visit). A meeting hosted,
  staged, brokered or mediated by a third party ("hosted talks between A and B",
  "talks mediated by the EU", "U.S.-mediated negotiations", "staged by Russia, the
  United States and the European Union") has the third party as `mediator` and A and B
  as participants (mode third-party). "Brokered by" marks a mediator for any type
  ("a 2020 truce brokered by Moscow").
* Other types are directed: `source` acts on `target` (recipient). Reciprocal violence
  ("A and B fought two wars") has both sides as sources, as PLOVER prescribes.
* A trigger with no actor at all is dropped (no phantom events from catch-all words),
  except a definite noun ("the talks", "the trilateral meeting", "the illegal
  blockade") that refers back to an earlier event of the same type and kind in the
  article (within ten sentences; consultations, agreements, coercion, retreats,
  sanctions, protests, cooperation and aid - "the threat", "the war" are mostly
  generic): it takes that event's actors, place and date, so both sentences report
  one event. A "separate meeting" is never such an antecedent.

Filters against false events (each a rule about English, not about any article):
a consultation verb with a single party ("Blair talked about the manifesto"); a
promise or agreement with a single party (a policy pledge is a stance, not an AGREE
event); "agree/insist" with only a finite clause ("agreed the act was
discriminatory": an opinion); "agree with X" alone (sharing a view); violent verbs
with figurative objects ("fight the seat", "strike a balance"); "attack" on words,
plans or a named politician, or "over/as/for" something, is coded ACCUSE (disapprove);
participles used as adjectives ("union-backed"); "news/press conference"; trigger
nouns inside a name ("Mutually Assured Destruction"); "host" with no guest named; and
headline events that no body sentence confirms with an actor in the same role
(headlines parse badly); a directed noun event whose only actor is the country it took
place in ("the Iraq war": a topic label); "warn" that states no consequence (a warning
with "unless/if" is THREATEN, "warned X against ..." is ACCUSE disapprove; threats of
strikes/walkouts are mode restrict). Speech acts carried by a thing ("a billboard
accusing ...") speak for the subject of the carrying clause; "In a jibe at Y, X said"
makes X the source and Y the target. A headline verb with no auxiliary ("Nick Griffin arrested")
is read as a passive.

Modality (PLOVER's negation / hypothetical / future contexts): "not"/"no"/"never" on
the trigger or its clause -> negated; modal auxiliaries and conditionals -> hypothetical;
"will", "planned", "is due to", "next week" -> future; the content of a request,
promise or threat ("called for talks", "pledged to recognise") -> hypothetical, of a
refusal -> negated, of an allegation ("accused X of attacking") -> hypothetical; an
event inside the complement of a non-factual word ("the need to", "the notion of",
"hope that") -> hypothetical; an infinitive not governed by an implicative verb
("wants to meet", "UKIP's job to destroy") -> hypothetical; a question -> hypothetical. Events inside a noun phrase are presupposed
("a crisis resulting from Azerbaijan's blockade" stays asserted). Only `asserted`
candidates become `events` rows later.

Dates: the date expression (`pipeline.nlp.dates`) attached to the trigger, to the verb
that realises it, to a participle modifying it, or inside its own noun phrase ("a 2020
truce"); an event in an "after/at/during" phrase or clause shares the date of the clause
it hangs from ("signaled late on Tuesday after hosting talks"). No expression -> no
date: the publication date is never used as a silent fall-back.

Location: a place mention in an "in/at/outside/near/inside" phrase on the trigger, its
realising verb or its actors ("meets ... counterparts in Moscow"), an apposed place in a
photo caption ("..., Moscow, July 25, 2023"), an "of" place of a noun trigger, and, for
events in the lead sentence with no place of their own, the dateline city.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from pipeline.nlp.dates import find_date_expressions
from pipeline.nlp.lexicons import EventTriggers, Trigger, load_event_triggers
from pipeline.nlp.records import ArticleContext, EventCandidate, Mention, Sentence

ASSERTED, NEGATED, HYPOTHETICAL, FUTURE = "asserted", "negated", "hypothetical", "future"
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE"})
ACTOR_TYPES = frozenset({"PERSON", "COUNTRY", "ORGANIZATION", "GROUP"})
ACTOR_KINDS = frozenset({"pronoun", "title"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# Verbs whose subject arranges an event between others ("X hosted talks between A and B").
MEDIATING_VERBS = frozenset(
    {"host", "stage", "broker", "mediate", "sponsor", "organise", "organize", "arrange",
     "convene", "facilitate", "chair", "moderate"}
)
# "a series of meetings", "two rounds of negotiations": the event is the inner noun.
QUANTIFIER_NOUNS = frozenset(
    {"series", "round", "rounds", "number", "set", "wave", "string", "spate", "couple",
     "handful", "flurry", "cycle", "session", "sessions", "day", "days", "week", "weeks"}
)
# "officials from both states", "leaders of the EU": the actor is in the of/from phrase.
GROUP_HEADS = frozenset(
    {"official", "leader", "minister", "representative", "delegation", "delegate",
     "envoy", "diplomat", "government", "authority", "force", "troop", "member", "head",
     "spokesman", "spokeswoman", "spokesperson", "side", "counterpart", "president",
     "ambassador", "army", "military", "police", "team", "negotiator", "officer",
     "soldier", "ministry", "parliament", "party", "supporter", "activist"}
)
# Verbs and nouns whose complement is not asserted, beyond the dictionary's cues
# (`modality_cues` in plover_triggers.yaml: "want", "need", "notion", "bid", ... live there).
IRREALIS_WORDS = {
    "wish": HYPOTHETICAL, "prospect": HYPOTHETICAL, "prospects": HYPOTHETICAL,
    "possibility": HYPOTHETICAL, "chance": HYPOTHETICAL,
    "goal": HYPOTHETICAL, "aim": HYPOTHETICAL, "plan": FUTURE,
    "urge": HYPOTHETICAL, "ask": HYPOTHETICAL, "demand": HYPOTHETICAL, "call": HYPOTHETICAL,
    "threaten": HYPOTHETICAL, "promise": HYPOTHETICAL, "pledge": HYPOTHETICAL,
    "vow": HYPOTHETICAL, "offer": HYPOTHETICAL, "agree": HYPOTHETICAL, "hope": HYPOTHETICAL,
    "refuse": NEGATED, "decline": NEGATED, "fail": NEGATED, "deny": NEGATED,
    "reject": NEGATED, "avoid": NEGATED, "prevent": NEGATED, "stop": NEGATED,
}
# Triggers whose clausal content is not an event of its own.
CONTENT_MODALITY = {"REQUEST": HYPOTHETICAL, "AGREE": HYPOTHETICAL, "THREATEN": HYPOTHETICAL, "REJECT": NEGATED}
# Object-control verbs: the object, not the subject, does the xcomp ("urged X to meet").
OBJECT_CONTROL = frozenset(
    {"urge", "ask", "call", "persuade", "convince", "force", "order", "press", "tell",
     "invite", "encourage", "allow", "help", "pressure", "compel", "oblige"}
)
LOCATIVE_PREPS = {"in": 3, "at": 3, "outside": 3, "inside": 3, "near": 2, "across": 1, "along": 1, "through": 1}
TEMPORAL_LINK_PREPS = frozenset({"after", "following", "during", "at", "before", "ahead", "amid"})
TARGET_PREPS = frozenset({"against", "on", "to", "toward", "towards", "upon", "into"})
_HYPHEN_MEDIATED = re.compile(
    r"^(?P<actor>.+?)[-–](?P<verb>mediated|brokered|hosted|sponsored|backed|led|organi[sz]ed|staged|arranged|chaired)$",
    re.IGNORECASE,
)
_MEDIATED_ROLE = {"backed": "mediator", "led": "mediator"}
# Event types whose definite nouns refer back to a reported event ("the talks", "the
# blockade", "the truce"); and how many sentences back the event may be.
ANAPHORIC_TYPES = frozenset({"CONSULT", "AGREE", "COERCE", "RETREAT", "SANCTION", "PROTEST", "COOPERATE", "AID"})
ANAPHORA_WINDOW = 10
MEDIA_MODIFIERS = frozenset({"news", "press", "media"})
# Verbs after which an infinitive still happened ("managed to meet"); after others
# ("wants to meet", "UKIP's job to destroy", "have to fight") it is not asserted.
IMPLICATIVE_VERBS = frozenset(
    {"manage", "begin", "start", "continue", "proceed", "go", "get", "come", "happen",
     "dare", "bother", "remember", "use", "move", "rush", "hasten", "succeed", "decide",
     "vote", "choose", "opt", "resume"}
)
# Objects that make a violent verb figurative: "fight the seat", "fight poverty".
FIGURATIVE_OBJECTS = frozenset(
    {"seat", "election", "poverty", "crime", "terrorism", "terror", "change", "case", "corner",
     "record", "campaign", "disease", "inflation", "unemployment", "apathy", "cancer", "fire",
     "battle", "constituency", "ward", "cause", "bill", "plan", "plans", "proposal", "corruption",
     "drug", "drugs", "obesity", "racism", "discrimination", "injustice", "cuts", "closure",
     "balance", "chord", "note", "tone", "pose", "match", "bargain", "compromise", "agreement"}
)
DEFINITE_DETS = frozenset({"the", "this", "these", "that", "those"})
MODALITY_RANK = {ASSERTED: 0, FUTURE: 1, HYPOTHETICAL: 2, NEGATED: 3}


@dataclass
class _Draft:
    """An event candidate while it is being assembled."""

    token: Token  # the trigger token (verb or noun)
    trigger: Trigger
    sentence: Sentence
    words: list[Token]  # the trigger phrase as written
    event_type: str
    mode: str | None
    cameo_root: str
    realisers: list[Token] = field(default_factory=list)  # light/mediating verbs, participles
    sources: list[Mention] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    participants: list[Mention] = field(default_factory=list)
    mediators: list[Mention] = field(default_factory=list)
    modality: str = ASSERTED
    date_text: str | None = None
    location: Mention | None = None
    definite: bool = False
    separate: bool = False
    copied: bool = False

    def actors(self) -> list[Mention]:
        return self.sources + self.targets + self.participants + self.mediators


class _Mentions:
    """Token -> mentions covering it, for one article."""

    def __init__(self, ctx: ArticleContext, mentions: Iterable[Mention]):
        self.by_token: dict[int, list[Mention]] = {}
        self.all = sorted(mentions, key=lambda m: (m.char_start, -m.char_end))
        for mention in self.all:
            span = ctx.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token.setdefault(token.i, []).append(mention)

    def at(self, token: Token) -> list[Mention]:
        """Mentions covering a token; inside one token ("U.S.-mediated") possibly several."""
        return self.by_token.get(token.i, [])

    def actor_at(self, token: Token) -> Mention | None:
        for mention in self.at(token):
            if _is_actor(mention):
                return mention
        return None

    def place_at(self, token: Token) -> Mention | None:
        for mention in self.at(token):
            if _is_place(mention):
                return mention
        return None


def _is_actor(mention: Mention) -> bool:
    return mention.entity_type in ACTOR_TYPES or mention.kind in ACTOR_KINDS


def _is_place(mention: Mention) -> bool:
    if mention.kind in ACTOR_KINDS:
        return False
    return mention.entity_type == "LOCATION" or (
        mention.ner_label in PLACE_LABELS and mention.entity_type in ("LOCATION", "COUNTRY")
    )


def detect_events(ctx: ArticleContext, mentions: list[Mention]) -> list[EventCandidate]:
    """Event candidates of one article, in text order (see the module docstring)."""
    lexicon = load_event_triggers()
    index = _Mentions(ctx, mentions)
    drafts: list[_Draft] = []
    lead_sentence = next((s.sentence_id for s in ctx.sentences if s.section == "body"), None)
    for sentence in ctx.sentences:
        span = ctx.doc.char_span(sentence.char_start, sentence.char_end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        sentence_drafts = _sentence_drafts(span, sentence, lexicon, index)
        expressions = _date_anchors(ctx, span, sentence_drafts)
        for draft in sentence_drafts:
            _fill_actors(draft, index, lexicon)
            _verbal_attack(draft, index)
            _visited_places(draft, index)
            draft.modality = _modality(draft, lexicon)
            _fill_date(draft, expressions)
            _fill_location(draft, index)
            if draft.location is None and sentence.sentence_id == lead_sentence:
                draft.location = _dateline_place(ctx, index)
            _drop_overlaps(draft)
        drafts.extend(
            d for d in sentence_drafts
            if not _lone_consultation(d) and not _lone_promise(d) and not _theatre_only(d)
        )
    _resolve_event_anaphora(drafts)
    drafts = _confirmed_headlines(drafts)
    return [_to_candidate(ctx, draft) for draft in drafts if draft.actors()]


# ----------------------------------------------------------------------------- triggers


def _lemmas(token: Token) -> list[str]:
    """The parser's lemma plus naive fall-backs ("staged" is sometimes lemmatised "stag")."""
    seen: list[str] = []
    lower = token.lower_
    options = [token.lemma_.lower(), lower]
    if lower.endswith("ied"):
        options.append(lower[:-3] + "y")
    if lower.endswith("ed"):
        options += [lower[:-1], lower[:-2]]
    if lower.endswith("ing"):
        options += [lower[:-3], lower[:-3] + "e"]
    if lower.endswith("es"):
        options.append(lower[:-2])
    if lower.endswith("s"):
        options.append(lower[:-1])
    for option in options:
        if option and option not in seen:
            seen.append(option)
    return seen


def _verb_trigger(token: Token, lexicon: EventTriggers) -> tuple[Trigger, list[Token]] | None:
    if token.pos_ != "VERB" and not (token.tag_.startswith("VB") and token.pos_ != "AUX"):
        return None
    particles = [c for c in token.children if c.dep_ == "prt"]
    # "called for", "met with": the preposition follows the verb (or its particle) at once
    gap = {token.i + 1} | {p.i + 1 for p in particles}
    preps = [c for c in token.children if c.dep_ in ("prep", "agent") and c.i in gap]
    for lemma in _lemmas(token):
        for extra in particles + preps:
            found = lexicon.verb(lemma, extra.lower_)
            if found is not None and found.lemma.endswith(" " + extra.lower_):
                return found, [token, extra]
        found = lexicon.verb(lemma)
        if found is not None:
            return found, [token]
    return None


def _is_light(token: Token, lexicon: EventTriggers) -> bool:
    if token.pos_ not in ("VERB", "AUX") and not token.tag_.startswith("VB"):
        return False
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    return any(lexicon.is_light_verb(lemma, particle) for lemma in _lemmas(token))


def _noun_trigger(token: Token, lexicon: EventTriggers) -> tuple[Trigger, list[Token]] | None:
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i:
        return None  # "negotiation process", "peace talks" (the head decides)
    if any(c.dep_ == "compound" and c.lower_ in MEDIA_MODIFIERS for c in token.children):
        return None  # a "news conference" is a media event, not a consultation
    if (
        token.pos_ == "PROPN" and token.is_title and token.i > token.sent.start
        and token.nbor(-1).pos_ == "PROPN" and token.nbor(-1).is_title and not _title_case(token.sent)
    ):
        return None  # part of a name: "Mutually Assured Destruction", "Peace Conference"
    modifiers = [c for c in token.lefts if c.dep_ in ("compound", "amod") and c.i == token.i - 1]
    for lemma in (token.lemma_.lower(), token.lower_):
        for modifier in modifiers:
            found = lexicon.noun(lemma, modifier.lower_)
            if found is not None and " " in found.lemma:
                return found, [modifier, token]
        found = lexicon.noun(lemma)
        if found is not None:
            return found, [token]
    return None


def _title_case(span: Span) -> bool:
    """A headline in Title Case, where capitals say nothing about names."""
    words = [t for t in span if t.is_alpha and len(t) > 3]
    return len(words) >= 2 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)


def _inner_event_noun(token: Token) -> Token:
    """"a series of meetings" -> "meetings"; other nouns are themselves."""
    if token.lemma_.lower() in QUANTIFIER_NOUNS or token.lower_ in QUANTIFIER_NOUNS:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    return token


def _outer_noun(token: Token) -> Token:
    """The quantifier noun a trigger noun hangs from ("series" for "meetings"), or itself."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        outer = head.head
        if outer.lemma_.lower() in QUANTIFIER_NOUNS or outer.lower_ in QUANTIFIER_NOUNS:
            return outer
    return token


def _object_nouns(verb: Token) -> list[Token]:
    """The nouns a verb acts on: its object, passive subject, or the noun it modifies."""
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        nouns.append(verb.head)  # "a truce brokered by Moscow", "the EU-brokered deal"
    out: list[Token] = []
    for noun in nouns:
        out.append(_inner_event_noun(noun))
        out.extend(_inner_event_noun(c) for c in noun.children if c.dep_ == "conj")
    return out


def _sentence_drafts(span: Span, sentence: Sentence, lexicon: EventTriggers, index: _Mentions) -> list[_Draft]:
    verbs: dict[int, tuple[Trigger, list[Token]]] = {}
    nouns: dict[int, tuple[Trigger, list[Token]]] = {}
    for token in span:
        if (found := _verb_trigger(token, lexicon)) is not None:
            verbs[token.i] = found
        elif (found := _noun_trigger(token, lexicon)) is not None:
            nouns[token.i] = found

    realised_by: dict[int, list[Token]] = {}
    absorbed: set[int] = set()
    mediated: dict[int, list[Token]] = {}
    for token in span:
        is_light = _is_light(token, lexicon)
        verb = verbs.get(token.i)
        if not is_light and verb is None:
            continue
        for noun in _object_nouns(token):
            if noun.i not in nouns:
                continue
            noun_trigger = nouns[noun.i][0]
            if verb is None or (is_light and verb[0].event_type != noun_trigger.event_type and
                                verb[0].subject_role == "source" and verb[0].event_type != "CONSULT"):
                realised_by.setdefault(noun.i, []).append(token)  # "hold talks", "strike a deal"
            elif _mediating(token, verb[0]) and noun_trigger.event_type in ("CONSULT", "AGREE", "RETREAT", "COOPERATE"):
                mediated.setdefault(noun.i, []).append(token)  # "hosted talks", "brokered a truce"
            elif verb[0].event_type == noun_trigger.event_type:
                absorbed.add(noun.i)  # "fought two wars": one event, the verb's
                realised_by.setdefault(token.i, []).append(noun)

    drafts: list[_Draft] = []
    for i, (trigger, words) in sorted(nouns.items()):
        token = span.doc[i]
        if i in absorbed:
            continue
        realisers = realised_by.get(i, []) + mediated.get(i, [])
        if trigger.requires_verb and not realisers:
            continue  # "a peace treaty" under discussion is not an AGREE event
        draft = _new_draft(token, trigger, words, sentence)
        draft.realisers = realisers
        draft.definite = _is_definite(token)
        draft.separate = any(c.lower_ == "separate" for c in token.children if c.dep_ == "amod")
        if draft.separate:
            draft.words = [c for c in token.children if c.lower_ == "separate"] + draft.words
        if mediated.get(i) and draft.event_type == "CONSULT":
            draft.mode = draft.mode or "third-party"
        drafts.append(draft)
    mediating_verbs = {v.i for vs in mediated.values() for v in vs}
    for i, (trigger, words) in sorted(verbs.items()):
        token = span.doc[i]
        if i in mediating_verbs:
            continue  # the verb only arranged the noun's event
        if token.dep_ == "amod" or (token.dep_ == "compound" and token.tag_ == "VBN"):
            continue  # "union-backed magazine": a property, not a report of an act
        if trigger.event_type == "PROTEST" and any(c.dep_ in ("ccomp",) for c in token.children):
            continue  # "this demonstrates that ...": showing, not protesting
        if trigger.event_type == "PROTEST" and any(
            c.dep_ == "dobj" and index.actor_at(c) is None for c in token.children
        ) and _lemma_in(token, frozenset({"demonstrate", "march"})):
            continue  # "demonstrates the problem"
        if _reports_a_statement(token, trigger, words):
            continue  # "agreed (that) the act was discriminatory", "insisted he did not know"
        if _figurative(token, trigger, index):
            continue  # "fight the seat", "fighting poverty"
        retyped = _warning(token, trigger)
        if retyped is None:
            continue  # "warned that the changes would go ahead": a statement, not a threat
        if trigger.subject_role == "recipient" and any(
            c.dep_ == "dobj" and c.i not in nouns and index.actor_at(c) is None and not _np_actors(c, index)
            for c in token.children
        ):
            continue  # "host a news conference", "host a dinner": no guest named
        draft = _new_draft(token, trigger, words, sentence)
        draft.event_type, draft.mode = retyped
        if draft.event_type != trigger.event_type:
            draft.cameo_root = CAMEO_OF.get(draft.event_type, draft.cameo_root)
        draft.realisers = [n for n in realised_by.get(i, [])]
        drafts.append(draft)
    drafts.sort(key=lambda d: d.token.i)
    return drafts


STATEMENT_TYPES = frozenset({"AGREE", "REQUEST"})
WARNING_VERBS = frozenset({"warn", "caution"})
CONDITION_MARKS = frozenset({"if", "unless"})
# Labour action named in a threat's content: a strike threat is THREATEN restrict.
STRIKE_WORDS = frozenset({"strike", "strikes", "walkout", "walkouts", "stoppage", "stoppages", "industrial"})
CAMEO_OF = {"ACCUSE": "11", "THREATEN": "13"}


def _warning(verb: Token, trigger: Trigger) -> tuple[str, str | None] | None:
    """Type and mode of a threat; None for a warning that threatens nothing.

    "warned X against doing Y" criticises X (ACCUSE disapprove); "warned that there could
    be walkouts unless ..." states a consequence (THREATEN); a bare "warned that ..." is a
    statement. Threats of labour action are mode restrict."""
    if trigger.event_type != "THREATEN":
        return trigger.event_type, trigger.mode
    content = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "advcl", "dobj", "prep")]
    words = [t for c in content for t in c.subtree]
    mode = trigger.mode
    if mode is None and any(t.lower_ in STRIKE_WORDS or t.lemma_.lower() in STRIKE_WORDS for t in words):
        mode = "restrict"
    if not _lemma_in(verb, WARNING_VERBS):
        return trigger.event_type, mode
    against = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "against"]
    against += [p for c in verb.children if c.dep_ == "dobj" for p in c.children if p.dep_ == "prep" and p.lower_ == "against"]
    if against:
        return "ACCUSE", "disapprove"
    if any(t.dep_ == "mark" and t.lower_ in CONDITION_MARKS for t in words):
        return "THREATEN", mode
    return None


def _reports_a_statement(verb: Token, trigger: Trigger, words: list[Token]) -> bool:
    """An agree/insist verb whose only complement is a finite clause states an opinion."""
    if trigger.event_type not in STATEMENT_TYPES:
        return False
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
        if any(a in ("should", "must") for a in auxes):
            return False  # "demanded that he should resign"
        if child.tag_ in ("VBD", "VBZ", "VBP") or auxes or child.pos_ == "AUX":
            return True
    return False


def _figurative(verb: Token, trigger: Trigger, index: _Mentions) -> bool:
    if trigger.event_type != "ASSAULT":
        return False
    for child in verb.children:
        if child.dep_ == "dobj" and (child.lemma_.lower() in FIGURATIVE_OBJECTS or child.lower_ in FIGURATIVE_OBJECTS):
            return index.actor_at(child) is None
        if child.dep_ == "prep" and child.lower_ == "on" and child.i == verb.i + 1:
            return True  # "fight on", "battle on"
    return False


def _mediating(verb: Token, trigger: Trigger) -> bool:
    return trigger.subject_role in ("mediator", "recipient") or any(
        lemma in MEDIATING_VERBS for lemma in _lemmas(verb)
    )


def _new_draft(token: Token, trigger: Trigger, words: list[Token], sentence: Sentence) -> _Draft:
    return _Draft(
        token=token, trigger=trigger, sentence=sentence, words=list(words),
        event_type=trigger.event_type, mode=trigger.mode, cameo_root=trigger.cameo_root,
    )


def _is_definite(token: Token) -> bool:
    outer = _outer_noun(token)
    for candidate in (token, outer):
        for child in candidate.children:
            if child.dep_ == "det" and child.lower_ in DEFINITE_DETS:
                return True
    return False


# ------------------------------------------------------------------------------- actors


def _np_actors(token: Token, index: _Mentions, depth: int = 0, allow_pronoun_possessor: bool = False) -> list[Mention]:
    """Actor mentions a noun phrase headed by `token` names, conjuncts included."""
    if depth > 6:
        return []
    out: list[Mention] = []
    covering = index.actor_at(token)
    if covering is not None:
        out.append(covering)
        for child in token.children:  # "the minister, Sergei Lavrov"; not "X, Y's secretary"
            if child.dep_ == "appos" and index.actor_at(child) is not None:
                out += _np_actors(child, index, depth + 1)
    elif token.pos_ in ("NOUN", "PROPN", "ADJ", "PRON", "NUM", "X") or token.dep_ in ("compound", "amod"):
        topic = token.lemma_.lower() in DISCOURSE_NOUNS or token.lower_ in DISCOURSE_NOUNS
        for child in token.children:
            if child.dep_ in ("compound", "amod", "nmod", "appos", "npadvmod"):
                found = _np_actors(child, index, depth + 1)
                if topic:  # "UK policy" names its owner; "the 'no Welsh' plan" names a topic
                    found = [m for m in found if m.kind == "name" and m.entity_type in ("COUNTRY", "ORGANIZATION")]
                out += found
            elif child.dep_ == "poss":
                if child.pos_ == "PRON" and not allow_pronoun_possessor:
                    continue  # "his counterparts" are not him
                out += _np_actors(child, index, depth + 1)
            elif (
                child.dep_ == "prep" and child.lower_ in ("of", "from")
                and token.lemma_.lower() in GROUP_HEADS
            ):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out += _np_actors(pobj, index, depth + 1)
            elif child.dep_ == "prep" and child.lower_ == "of" and token.pos_ == "PROPN" and token.is_title:
                # "Archbishop of Canterbury Dr Rowan Williams": a title whose name the
                # parser hung inside its "of" phrase; only a person there is the title holder
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out += [m for m in _np_actors(pobj, index, depth + 1) if m.entity_type == "PERSON" and m.kind == "name"]
    for child in token.children:
        if child.dep_ == "conj":
            out += _np_actors(child, index, depth + 1, allow_pronoun_possessor)
    return _unique(out)


def _unique(mentions: Iterable[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out: list[Mention] = []
    for mention in mentions:
        if mention.mention_id not in seen:
            seen.add(mention.mention_id)
            out.append(mention)
    return out


def _pobjs(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]


def _subjects(verb: Token, index: _Mentions, depth: int = 0) -> list[Mention]:
    """Who does what a verb says, following control, coordination and participles."""
    if depth > 5:
        return []
    found: list[Mention] = []
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            if child.tag_ == "WDT" or child.lower_ in ("who", "which", "that"):
                if verb.dep_ == "relcl":
                    found += _np_actors(verb.head, index)
                continue
            found += _np_actors(child, index, allow_pronoun_possessor=True)
        elif child.dep_ == "agent":
            for pobj in _pobjs(child):
                found += _np_actors(pobj, index)
    if found or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return _unique(found)  # a subject that names no actor is still the subject
    head = verb.head
    if verb.dep_ == "xcomp":
        if _lemma_in(head, OBJECT_CONTROL):
            objects = [c for c in head.children if c.dep_ == "dobj"]
            if objects:
                return _np_actors(objects[0], index)
        return _subjects(head, index, depth + 1)
    if verb.dep_ in ("conj", "advcl", "ccomp") and head is not verb:
        if verb.dep_ == "ccomp" and verb.tag_ not in ("VBN", "VBG"):
            return []  # a complement clause has its own subject
        return _subjects(head, index, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        if head.lower_ in ("for", "of"):  # "suspended X for refusing", "accused X of lying"
            objects = [c for c in head.head.children if c.dep_ == "dobj"]
            if objects:
                return _np_actors(objects[0], index)
        return _subjects(head.head, index, depth + 1)
    if verb.dep_ in ("acl", "amod", "compound") and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
        return _np_actors(head, index)  # "an Azeri checkpoint restricting movement"
    if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBZ", "VBP") and head.pos_ in ("NOUN", "PROPN"):
        # "X, chairman of Y, called on Z": a finite verb the parser hung on the subject
        return _np_actors(head, index)
    return []


def _lemma_in(token: Token, words: frozenset[str] | set[str] | dict) -> bool:
    return any(lemma in words for lemma in _lemmas(token))


def _verb_objects(draft: _Draft, index: _Mentions) -> list[Mention]:
    verb = draft.token
    out: list[Mention] = []
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") or (child.dep_ == "nsubjpass" and passive):
            out += _np_actors(child, index)
        elif child.dep_ == "prep" and (child in draft.words or child.lower_ in ("with",)):
            for pobj in _pobjs(child):
                out += _np_actors(pobj, index)
    if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        out += _np_actors(verb.head, index)  # "Armenians persecuted by X"
    return _unique(out)


def _fill_actors(draft: _Draft, index: _Mentions, lexicon: EventTriggers) -> None:
    if draft.token.pos_ in ("NOUN", "PROPN"):
        _fill_noun_actors(draft, index)
    else:
        _fill_verb_actors(draft, index)
    _hyphen_mediators(draft, index)


def _assign(draft: _Draft, role: str, mentions: list[Mention]) -> None:
    getattr(draft, role).extend(m for m in mentions if m not in getattr(draft, role))


def _fill_verb_actors(draft: _Draft, index: _Mentions) -> None:
    subjects = _subjects(draft.token, index)
    if not subjects and draft.event_type in SPEECH_TYPES:
        subjects = _author_of_carrier(draft.token, index)
    objects = _verb_objects(draft, index)
    if _headline_passive(draft):  # "BNP leader Nick Griffin arrested": he was arrested
        subjects, objects = [], subjects
    for absorbed in draft.realisers:  # "fought two wars between ...": the noun's phrases
        for child in absorbed.children:
            if child.dep_ == "prep" and child.lower_ in ("between", "among", "with", "against"):
                for pobj in _pobjs(child):
                    role = "participants" if child.lower_ in ("between", "among") else "targets"
                    _assign(draft, role, _np_actors(pobj, index))
    role = draft.trigger.subject_role
    if draft.event_type in SYMMETRIC_TYPES:
        if role == "recipient":  # "X hosted Y": Y visits, X hosts
            _assign(draft, "targets", subjects)
            _assign(draft, "sources", objects)
            draft.mode = draft.mode or "visit"
        elif draft.mode == "visit":
            _assign(draft, "sources", subjects)
            _assign(draft, "targets", objects)
        elif role == "mediator":
            _assign(draft, "mediators", subjects)
            _assign(draft, "participants", objects)
        else:
            _assign(draft, "participants", subjects + objects)
        return
    if role == "mediator":
        _assign(draft, "mediators", subjects)
        _assign(draft, "participants", objects)
    elif role == "recipient":
        _assign(draft, "targets", subjects)
        _assign(draft, "sources", objects)
    else:
        _assign(draft, "sources", subjects)
        _assign(draft, "targets", objects)
    if not draft.targets and draft.event_type in CONTENT_MODALITY and not any(
        c.dep_ in ("dobj", "dative") for c in draft.token.children
    ):
        # "pledged to recognise Azerbaijan's sovereignty", "urged X to ...": whom it concerns
        for child in draft.token.children:
            if child.dep_ == "xcomp":
                _assign(draft, "targets", [m for m in _verb_objects(_Draft(child, draft.trigger, draft.sentence, [child], draft.event_type, None, ""), index) if m not in draft.sources])


SPEECH_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "SUPPORT", "THREATEN"})


def _author_of_carrier(verb: Token, index: _Mentions) -> list[Mention]:
    """"X unveiled a billboard ... accusing Y": a participle on a thing that names no actor
    speaks for the subject of the clause that carries it."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG":
        return []
    node = verb.head
    for _ in range(4):
        if node.head is node:
            return []
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return _subjects(node, index)
    return []


def _headline_passive(draft: _Draft) -> bool:
    """Headlines drop the auxiliary of a passive: "X arrested", "Y suspended in probe"."""
    verb = draft.token
    if draft.sentence.section != "headline" or verb.tag_ not in ("VBN", "VBD"):
        return False
    if draft.event_type in SYMMETRIC_TYPES or draft.trigger.subject_role != "source":
        return False
    deps = {c.dep_ for c in verb.children}
    return "nsubj" in deps and not deps & {"dobj", "aux", "auxpass", "ccomp", "xcomp", "dative"}


def _fill_noun_actors(draft: _Draft, index: _Mentions) -> None:
    noun = draft.token
    outer = _outer_noun(noun)
    symmetric = draft.event_type in SYMMETRIC_TYPES or draft.event_type == "AGREE"
    subject_role = {"source": "sources", "recipient": "targets", "mediator": "mediators"}[draft.trigger.subject_role]
    if draft.event_type in SYMMETRIC_TYPES and subject_role == "sources" and draft.mode != "visit":
        subject_role = "participants"  # "Mr Brown's trip", "a visit by X": the visitor is the source

    heads = [noun] if outer is noun else [noun, outer]
    for head in heads:
        for child in head.children:
            dep, word = child.dep_, child.lower_
            if dep == "poss":
                _assign(draft, subject_role, _np_actors(child, index, allow_pronoun_possessor=True))
            elif dep in ("compound", "amod", "nmod", "npadvmod") and child not in draft.words:
                mentioned = _np_actors(child, index)
                if _mediator_modifier(child):
                    _assign(draft, "mediators", mentioned)
                elif symmetric:
                    _assign(draft, "participants", mentioned)
                else:
                    # "Israeli attack", "Tory attack": the doer; "the Iraq war": a party
                    theatre = [m for m in mentioned if m.kind == "name" and m.entity_type == "COUNTRY" and dep == "compound"]
                    _assign(draft, "participants", theatre)
                    _assign(draft, "sources", [m for m in mentioned if m not in theatre])
            elif dep == "prep" or dep == "agent":
                pobjs = _pobjs(child)
                for pobj in pobjs:
                    mentioned = _np_actors(pobj, index)
                    if word == "by":
                        _assign(draft, "sources" if not symmetric else "participants", mentioned)
                    elif word in ("between", "among", "amongst"):
                        _assign(draft, "participants" if symmetric else "sources", mentioned)
                    elif word == "with":
                        _assign(draft, "participants" if symmetric else "targets", mentioned)
                    elif word in TARGET_PREPS or (word == "at" and draft.event_type in SPEECH_TYPES):
                        _assign(draft, "targets", mentioned)  # "a jibe at Yerevan"
                    elif word == "of":
                        if index.place_at(pobj) is not None and not mentioned:
                            continue  # "blockade of the Lachin corridor": a place
                        _assign(draft, "participants" if symmetric else "targets", mentioned)
            elif dep in ("acl", "relcl") and (child.tag_ == "VBN" or any(a.dep_ == "agent" for a in child.children)):
                agents = [p for a in child.children if a.dep_ == "agent" for p in _pobjs(a)]
                mentioned = _unique(m for p in agents for m in _np_actors(p, index))
                if _lemma_in(child, MEDIATING_VERBS):
                    _assign(draft, "mediators", mentioned)
                    if draft.event_type == "CONSULT":
                        draft.mode = draft.mode or "third-party"
                    draft.realisers.append(child)
                else:
                    _assign(draft, "participants" if symmetric else "sources", mentioned)
                    draft.realisers.append(child)
    _realiser_actors(draft, index, subject_role)
    _governing_clause_actors(draft, index)


def _mediator_modifier(token: Token) -> bool:
    """"U.S.-mediated": a name hanging from a mediating participle ("US" <- "mediated")."""
    return token.dep_ in ("amod", "compound") and token.tag_ == "VBN" and _lemma_in(token, MEDIATING_VERBS)


def _realiser_actors(draft: _Draft, index: _Mentions, subject_role: str) -> None:
    """The subject of "held talks", "hosted talks between A and B", "reached a deal"."""
    for verb in list(draft.realisers):
        if verb.dep_ in ("acl", "relcl") and verb.head in (draft.token, _outer_noun(draft.token)):
            continue  # participles were read with the noun
        subjects = _subjects(verb, index)
        if not subjects:
            continue
        if _lemma_in(verb, MEDIATING_VERBS):
            has_parties = bool(draft.participants or draft.sources or draft.targets)
            if has_parties:
                _assign(draft, "mediators", subjects)
                if draft.event_type == "CONSULT":
                    draft.mode = "third-party" if draft.mode in (None, "visit") else draft.mode
            elif _lemma_in(verb, frozenset({"host"})):
                _assign(draft, "targets", subjects)  # "X hosted talks": X hosts
                draft.mode = draft.mode or "visit"
            else:
                _assign(draft, "participants" if draft.event_type in SYMMETRIC_TYPES else "sources", subjects)
        else:
            _assign(draft, subject_role, subjects)


def _governing_clause_actors(draft: _Draft, index: _Mentions) -> None:
    """"Mirzoyan said at the talks ...", "X pledged ... during talks with Y": X took part.
    "In a jibe at Y, X said ...": X made the jibe."""
    outer = _outer_noun(draft.token)
    if draft.event_type in SPEECH_TYPES and not draft.sources and not draft.realisers:
        prep = outer.head
        if outer.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ == "in" and prep.head.pos_ in ("VERB", "AUX"):
            _assign(draft, "sources", [m for m in _subjects(prep.head, index) if m not in draft.targets])
        return
    if draft.event_type not in SYMMETRIC_TYPES or any(
        v.head not in (draft.token, outer) for v in draft.realisers
    ):
        return
    prep = outer.head
    if outer.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in TEMPORAL_LINK_PREPS:
        return
    has_with = any(c.dep_ == "prep" and c.lower_ == "with" for c in draft.token.children)
    if prep.lower_ not in ("at", "during") and not has_with:
        return
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return
    _assign(draft, "participants", _subjects(verb, index))


def _hyphen_mediators(draft: _Draft, index: _Mentions) -> None:
    """"U.S.-mediated negotiations" kept as one token: the name inside it mediates."""
    noun = draft.token
    for child in list(noun.children) + list(_outer_noun(noun).children):
        if child.dep_ not in ("amod", "compound"):
            continue
        match = _HYPHEN_MEDIATED.match(child.text)
        if not match:
            continue
        inside = [m for m in index.at(child) if _is_actor(m) and m.char_end <= child.idx + match.end("actor") + 1]
        if inside:
            _assign(draft, "mediators", inside)
            draft.participants = [m for m in draft.participants if m not in inside]
            draft.sources = [m for m in draft.sources if m not in inside]
            if draft.event_type == "CONSULT":
                draft.mode = "third-party"


# Objects that are words, not bodies: "attacked Labour's plans", "attacked the lies".
DISCOURSE_NOUNS = frozenset(
    {"plan", "policy", "pledge", "proposal", "speech", "comment", "remark", "record", "claim",
     "decision", "budget", "idea", "word", "statement", "stance", "handling", "approach",
     "scheme", "bill", "manifesto", "lie", "view", "report", "strategy", "reform", "law",
     "legislation", "tax", "campaign", "promise", "attitude", "performance", "failure",
     "argument", "position", "response", "announcement", "spending", "leadership", "plans"}
)


def _verbal_attack(draft: _Draft, index: _Mentions) -> None:
    """"Howard attacks Blair over Iraq", "attacked Labour's pledges as vacuous": criticism.

    An assault needs bodies; an "attack" on words, plans or a named politician by a named
    person, or one made "over"/"as"/"for" something, is verbal: ACCUSE (disapprove).
    """
    if draft.event_type != "ASSAULT" or draft.token.lemma_.lower() not in ("attack", "assault", "savage", "hit"):
        return
    token = draft.token
    objects = [c for c in token.children if c.dep_ in ("dobj",)]
    objects += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "on" for p in _pobjs(c)]
    verbal = any(o.lemma_.lower() in DISCOURSE_NOUNS or o.lower_ in DISCOURSE_NOUNS for o in objects)
    verbal = verbal or any(c.dep_ == "prep" and c.lower_ in ("over", "as", "for") for c in token.children)
    verbal = verbal or any(c.dep_ == "advmod" and c.lower_ in ("politically", "verbally", "publicly") for c in token.children)
    verbal = verbal or any(
        any(q.is_quote for q in o.subtree) for o in objects
    )
    people = [m for m in draft.sources if m.entity_type in ("PERSON", "ORGANIZATION") and m.kind != "demonym"]
    victims = [m for m in draft.targets if m.entity_type in ("PERSON", "ORGANIZATION")]
    verbal = verbal or bool(people and victims)
    if verbal:
        draft.event_type, draft.mode, draft.cameo_root = "ACCUSE", "disapprove", "11"


def _visited_places(draft: _Draft, index: _Mentions) -> None:
    """"visits Manchester, Liverpool and Leicester": places visited are where, not whom."""
    if draft.mode != "visit" or draft.token.pos_ not in ("VERB", "AUX"):
        return
    for obj in draft.token.children:
        if obj.dep_ != "dobj":
            continue
        listed = [obj] + [t for t in obj.subtree if t.dep_ == "conj" and t.head.i != t.i]
        places = [p for p in (index.place_at(t) for t in listed) if p is not None]
        if not places:
            continue
        if draft.location is None:
            draft.location = places[0]
        if len(places) * 2 >= len(listed):  # a list of places: its odd members are places too
            covered = {m.mention_id for t in listed for m in index.at(t)}
            draft.targets = [m for m in draft.targets if m.mention_id not in covered]


def _lone_promise(draft: _Draft) -> bool:
    """"Kilroy-Silk promised a firm policy": a promise to nobody in particular is a policy
    pledge (a quote or a stance), not an AGREE event; one made to someone, or agreed by
    two sides, is."""
    return draft.event_type == "AGREE" and len(_unique(draft.actors())) < 2


def _theatre_only(draft: _Draft) -> bool:
    """"the Iraq war", "the Afghan conflict": a country naming where a directed event took
    place, with nobody named as doing it, is a topic label, not a report of the event."""
    if draft.event_type in SYMMETRIC_TYPES or draft.event_type == "AGREE":
        return False
    if draft.token.pos_ not in ("NOUN", "PROPN"):
        return False
    return bool(draft.participants) and not (draft.sources or draft.targets or draft.mediators)


def _confirmed_headlines(drafts: list[_Draft]) -> list[_Draft]:
    """Headlines parse badly ("Tories attack EU asylum moves"): keep a headline event only
    when the body reports an event of its type with an actor in the same role."""
    def keys(draft: _Draft) -> set[tuple[str, str]]:
        out = set()
        for role in ("sources", "targets", "participants", "mediators"):
            for mention in getattr(draft, role):
                name = (mention.gazetteer_id or mention.name or mention.surface).lower()
                out.add((role if draft.event_type not in SYMMETRIC_TYPES else "pooled", name))
        return out

    body = [d for d in drafts if d.sentence.section != "headline" and d.modality == ASSERTED]
    kept = []
    for draft in drafts:
        if draft.sentence.section == "headline":
            own = keys(draft)
            if not any(d.event_type == draft.event_type and own & keys(d) for d in body):
                continue
        kept.append(draft)
    return kept


def _lone_consultation(draft: _Draft) -> bool:
    """"Mr Blair talked about the manifesto": one side alone does not consult (visits aside)."""
    if draft.event_type not in SYMMETRIC_TYPES or draft.mode in ("visit", "phone"):
        return False
    if draft.token.pos_ in ("NOUN", "PROPN"):
        return False
    return len(_unique(draft.actors())) < 2


def _drop_overlaps(draft: _Draft) -> None:
    """One role per mention (mediator > source > target > participant); places are not actors."""
    seen: set[str] = set()
    if draft.location is not None:
        seen.add(draft.location.mention_id)
    for role in ("mediators", "sources", "targets", "participants"):
        kept = []
        for mention in getattr(draft, role):
            if mention.mention_id in seen:
                continue
            seen.add(mention.mention_id)
            kept.append(mention)
        setattr(draft, role, kept)


# ---------------------------------------------------------------------------- modality


def _token_modality(token: Token, lexicon: EventTriggers) -> str:
    """Negation, modal auxiliaries, conditionals and irrealis modifiers on one token."""
    found = ASSERTED
    for child in token.children:
        word = child.lower_
        cue = None
        if child.dep_ == "neg" or (child.dep_ == "det" and word == "no"):
            cue = NEGATED
        elif child.dep_ in ("aux", "auxpass") and child.tag_ == "MD":
            cue = lexicon.modality(word) or (FUTURE if word in ("will", "shall", "'ll", "wo") else HYPOTHETICAL)
        elif child.dep_ == "aux" and word == "going":
            cue = FUTURE
        elif child.dep_ == "mark" and word in ("if", "unless", "whether"):
            cue = HYPOTHETICAL
        elif child.dep_ == "acomp" and token.lemma_ == "be":
            cue = lexicon.modality(word)  # "is due to be held", "is likely to meet"
            if cue == NEGATED:
                cue = None
        elif child.dep_ in ("amod", "advmod") and child.pos_ in ("ADJ", "VERB", "ADV"):
            cue = lexicon.modality(word)
            if cue is None and child.dep_ == "amod":
                cue = lexicon.modality(child.lemma_.lower())
            if cue == NEGATED and child.dep_ == "amod":
                cue = None
        if cue is not None and MODALITY_RANK[cue] > MODALITY_RANK[found]:
            found = cue
    return found


def _stronger(a: str, b: str) -> str:
    return a if MODALITY_RANK[a] >= MODALITY_RANK[b] else b


def _governor_modality(governor: Token, lexicon: EventTriggers) -> str:
    """What a verb or noun does to the truth of its complement."""
    for lemma in _lemmas(governor):
        cue = lexicon.modality(lemma)
        if cue is not None:
            return cue
        if lemma in IRREALIS_WORDS:
            return IRREALIS_WORDS[lemma]
    return ASSERTED


def _clause_modality(verb: Token, lexicon: EventTriggers, depth: int = 0) -> str:
    """Modality of a verb's clause, climbing through the clauses that embed it."""
    found = _token_modality(verb, lexicon)
    if depth:
        found = _stronger(found, _infinitive_modality(verb))
    if depth > 6 or verb.head is verb:
        return found
    head, dep = verb.head, verb.dep_
    if dep in ("xcomp", "ccomp"):
        content = _content_modality(head, lexicon)
        found = _stronger(found, content)
        found = _stronger(found, _clause_modality(head, lexicon, depth + 1))
    elif dep in ("advcl", "conj"):
        gerund_twin = _gerund_twin(verb) if dep == "conj" else None
        found = _stronger(found, _clause_modality(gerund_twin or head, lexicon, depth + 1))
    elif dep == "pcomp" and head.dep_ == "prep":
        governor = head.head
        if governor.pos_ in ("NOUN", "PROPN"):  # "the notion of clinching", "no sign of meeting"
            cue = _governor_modality(governor, lexicon)
            if any(c.dep_ == "det" and c.lower_ == "no" for c in governor.children):
                cue = NEGATED
            found = _stronger(found, cue)
        else:
            if head.lower_ == "of":  # "accused X of attacking": the attack is alleged
                found = _stronger(found, _content_modality(governor, lexicon, allegation=True))
            found = _stronger(found, _clause_modality(governor, lexicon, depth + 1))
    elif dep in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
        # "the need to end ...", "no indications that Baku agreed ...", "hope that ..."
        noun_cue = _governor_modality(head, lexicon)
        if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            noun_cue = NEGATED
        if verb.tag_ not in ("VBN",) or any(c.dep_ == "mark" for c in verb.children) or verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            found = _stronger(found, noun_cue)
            if noun_cue != ASSERTED and head.head.pos_ in ("VERB", "AUX"):
                found = _stronger(found, _clause_modality(head.head, lexicon, depth + 1))
    return found


def _infinitive_modality(verb: Token) -> str:
    """"wants to meet", "the job to destroy": an infinitive is not asserted, unless an
    implicative verb governs it ("managed to meet")."""
    if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return ASSERTED
    head = verb.head
    if verb.dep_ in ("xcomp", "ccomp") and _lemma_in(head, IMPLICATIVE_VERBS):
        return ASSERTED
    return HYPOTHETICAL


def _gerund_twin(verb: Token) -> Token | None:
    """"accused X of telling lies and then attacking them": the parser often hangs the
    second gerund on the finite verb; it belongs with the gerund in its "of" phrase."""
    head = verb.head
    if verb.tag_ != "VBG" or head.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.i < verb.i:
            for pcomp in prep.children:
                if pcomp.dep_ == "pcomp" and pcomp.tag_ == "VBG":
                    return pcomp
    return None


def _content_modality(governor: Token, lexicon: EventTriggers, allegation: bool = False) -> str:
    """Whether the complement of `governor` is asserted: "pledged to X" -> hypothetical."""
    trigger = None
    for lemma in _lemmas(governor):
        trigger = lexicon.verb(lemma)
        if trigger is not None:
            break
    if trigger is not None and trigger.event_type in CONTENT_MODALITY:
        return CONTENT_MODALITY[trigger.event_type]
    if trigger is not None and trigger.event_type == "ACCUSE" and trigger.mode == "allege":
        return HYPOTHETICAL  # what someone is accused of is alleged, not reported as fact
    if allegation:
        return ASSERTED
    return _governor_modality(governor, lexicon)


def _modality(draft: _Draft, lexicon: EventTriggers) -> str:
    token = draft.token
    if token.pos_ not in ("NOUN", "PROPN"):
        found = _clause_modality(token, lexicon)
        found = _stronger(found, _infinitive_modality(token))
    else:
        found = _noun_modality(draft, lexicon)
    if draft.sentence.text.rstrip("\"'’” )").endswith("?"):
        found = _stronger(found, HYPOTHETICAL)  # a question asserts nothing
    for verb in draft.realisers:
        if verb.pos_ in ("VERB", "AUX") or verb.tag_.startswith("VB"):
            if verb.dep_ in ("acl", "relcl", "amod") and verb.head in (token, _outer_noun(token)):
                found = _stronger(found, _token_modality(verb, lexicon))
            else:
                found = _stronger(found, _clause_modality(verb, lexicon))
                found = _stronger(found, _infinitive_modality(verb))
    return found


def _noun_modality(draft: _Draft, lexicon: EventTriggers) -> str:
    noun = draft.token
    outer = _outer_noun(noun)
    found = _stronger(_token_modality(noun, lexicon), _token_modality(outer, lexicon))
    if draft.realisers:
        return found  # the realising verb's clause decides (see `_modality`)
    head, dep = outer.head, outer.dep_
    if dep == "pobj" and head.dep_ in ("prep", "agent"):
        governor = head.head
        word = head.lower_
        if governor.pos_ in ("NOUN", "PROPN"):
            # "prospects for its signing", "the notion of talks"
            return _stronger(found, _governor_modality(governor, lexicon))
        if governor.pos_ in ("VERB", "AUX"):
            if word in ("for", "to"):  # "called for talks", "agreed to talks"
                return _stronger(found, _content_modality(governor, lexicon))
            # "will be found during talks", "should start 2005 with an apology"
            return _stronger(found, _clause_aux_modality(governor, lexicon))
        return found
    if dep == "nsubj" and head.pos_ in ("VERB", "AUX"):
        # "the talks will resume", "a meeting is due to be held next week"
        clause = _clause_modality(head, lexicon)
        if clause == NEGATED:
            clause = ASSERTED  # "the talks did not produce a deal": the talks took place
        return _stronger(found, clause)
    if dep in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        content = _content_modality(head, lexicon)
        if content == NEGATED and dep == "dobj":
            content = ASSERTED  # "opposes the blockade": the blockade exists
        clause = _clause_modality(head, lexicon)  # "will ... before chairing a meeting"
        clause = _stronger(clause, _infinitive_modality(head))
        if clause == NEGATED and not any(c.dep_ == "neg" for c in head.children):
            clause = ASSERTED  # negation further up ("did not say he attended the meeting")
        return _stronger(_stronger(found, content), clause)
    return found


def _clause_aux_modality(verb: Token, lexicon: EventTriggers) -> str:
    """The tense/mood of a clause an event hangs from ("will be found during talks")."""
    found = _token_modality(verb, lexicon)
    if found == NEGATED:
        found = ASSERTED  # "did not say anything after the talks": the talks happened
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head is not verb:
        outer = _stronger(_token_modality(verb.head, lexicon), _governor_modality(verb.head, lexicon))
        if verb.dep_ != "xcomp":
            outer = _token_modality(verb.head, lexicon)  # only a governor of an xcomp is content
        if outer in (FUTURE, HYPOTHETICAL):
            found = _stronger(found, outer)
    return found


# -------------------------------------------------------------------------------- dates


def _date_anchors(ctx: ArticleContext, span: Span, drafts: list[_Draft]) -> list[tuple[str, list[int], int]]:
    """(expression, the tokens it hangs from up to its clause's verb, its first token) per date."""
    start = span.start_char
    anchors: list[tuple[str, list[int], int]] = []
    trigger_tokens = {d.token.i for d in drafts}
    for expression in find_date_expressions(span.text):
        piece = ctx.doc.char_span(start + expression.start, start + expression.end, alignment_mode="expand")
        if piece is None or len(piece) == 0:
            continue
        node = piece.root
        chain: list[int] = [node.i]
        for _ in range(12):
            if node.head is node:
                break
            node = node.head
            chain.append(node.i)
            if node.i in trigger_tokens or node.pos_ in ("VERB", "AUX") or node.tag_.startswith("VB"):
                break
        anchors.append((expression.text, chain, piece.start))
    return anchors


def _fill_date(draft: _Draft, anchors: list[tuple[str, list[int], int]]) -> None:
    if not anchors:
        return
    token = draft.token
    own = {token.i, _outer_noun(token).i} | {v.i for v in draft.realisers}
    own |= {c.i for c in token.children if c.dep_ in ("acl", "relcl")}
    if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN"):
        own.add(token.head.i)  # "the 1991 Declaration signed by ..."
    chosen = _closest([a for a in anchors if set(a[1]) & own], token)
    if chosen is None:
        linked = _linked_clause(draft)
        if linked is not None:
            chosen = _closest([a for a in anchors if a[1][-1] == linked.i], token)
    if chosen is not None:
        draft.date_text = chosen[0]
        if re.search(r"\b(?:next|coming|tomorrow|upcoming)\b", chosen[0], re.IGNORECASE) and draft.modality == ASSERTED:
            draft.modality = FUTURE


def _closest(anchors: list[tuple[str, list[int], int]], token: Token) -> tuple[str, list[int], int] | None:
    if not anchors:
        return None
    return min(anchors, key=lambda a: (abs(a[2] - token.i), a[2]))


def _linked_clause(draft: _Draft) -> Token | None:
    """The clause an "after/at/during" event hangs from, whose date it shares."""
    carriers = [draft.token, _outer_noun(draft.token)] + [v for v in draft.realisers if v.pos_ == "VERB"]
    for carrier in carriers:
        node = carrier
        for _ in range(3):
            head = node.head
            if head is node:
                break
            if node.dep_ in ("pobj", "pcomp") and head.dep_ == "prep" and head.lower_ in TEMPORAL_LINK_PREPS:
                return head.head
            if node.dep_ == "xcomp" and head.pos_ == "VERB":
                return head
            node = head
    return None


# ----------------------------------------------------------------------------- location


def _fill_location(draft: _Draft, index: _Mentions) -> None:
    if draft.location is not None:
        return
    actor_ids = {m.mention_id for m in draft.actors()}
    best: tuple[int, int, Mention] | None = None
    token = draft.token
    carriers = [token, _outer_noun(token)] + list(draft.realisers)
    carriers += [c for c in token.children if c.dep_ == "dobj"]  # "visited slums in Nairobi"
    stops = {t.i for t in carriers}
    for mention in draft.actors():
        for node in _tokens_of(token.doc, mention):
            # the actor and the phrase it sits in, up to the trigger ("counterparts in Moscow")
            for _ in range(6):
                if node.i in stops or node.pos_ in ("VERB", "AUX"):
                    break
                carriers.append(node)
                if node.head is node:
                    break
                node = node.head
    seen: set[int] = set()
    for carrier in carriers:
        if carrier.i in seen:
            continue
        seen.add(carrier.i)
        for child in carrier.children:
            place, weight = None, 0
            if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
                for pobj in _pobjs(child):
                    place = _place_in(pobj, index)
                    weight = LOCATIVE_PREPS[child.lower_]
                    if place:
                        break
            elif child.dep_ == "prep" and child.lower_ == "of" and carrier in (token, _outer_noun(token)) and carrier.pos_ in ("NOUN", "PROPN"):
                for pobj in _pobjs(child):
                    place = _place_in(pobj, index)
                    weight = 2
                    if place:
                        break
            elif child.dep_ == "appos" and draft.sentence.section == "caption":
                place = index.place_at(child)
                weight = 1
            if place is None or place.mention_id in actor_ids:
                continue
            key = (weight, -abs(child.i - token.i))
            if best is None or key > best[:2]:
                best = (key[0], key[1], place)
    if best is not None:
        draft.location = best[2]


def _tokens_of(doc, mention: Mention) -> list[Token]:
    span = doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
    return [span.root] if span is not None and len(span) else []


def _place_in(token: Token, index: _Mentions) -> Mention | None:
    place = index.place_at(token)
    if place is not None:
        return place
    for child in token.children:  # "an area known as the Lachin corridor"
        if child.dep_ in ("compound", "acl", "appos"):
            for inner in child.subtree:
                place = index.place_at(inner)
                if place is not None:
                    return place
    return None


def _dateline_place(ctx: ArticleContext, index: _Mentions) -> Mention | None:
    """The dateline city ("MOSCOW, July 25 (Reuters) -") as a place mentioned in the text."""
    dateline = ctx.layout.dateline if ctx.layout else None
    if not dateline:
        return None
    place = re.split(r"[,(]", dateline, maxsplit=1)[0].strip()
    if not place or not any(ch.isalpha() for ch in place):
        return None
    for mention in index.all:
        if _is_place(mention) and mention.surface.lower() == place.lower():
            return mention
    return None


# ---------------------------------------------------------------------------- anaphora


def _resolve_event_anaphora(drafts: list[_Draft]) -> None:
    """"the talks" with no actors of its own is the latest earlier event of its type."""
    for position, draft in enumerate(drafts):
        if not draft.definite or draft.token.pos_ not in ("NOUN", "PROPN") or draft.separate:
            continue
        if draft.event_type not in ANAPHORIC_TYPES:
            continue  # "the threat", "the war", "the criticism" are mostly generic
        if draft.modality != ASSERTED:
            continue
        earlier = [
            d for d in reversed(drafts[:position])
            if d.event_type == draft.event_type and d.actors() and not d.separate
            and d.modality == ASSERTED
            and draft.sentence.sentence_id - d.sentence.sentence_id <= ANAPHORA_WINDOW
        ]
        same_word = [d for d in earlier if d.token.lemma_.lower() == draft.token.lemma_.lower()]
        same_kind = [d for d in earlier if d.trigger.mode == draft.trigger.mode]
        antecedent = (same_word or same_kind or [None])[0]
        if antecedent is None:
            continue
        if draft.date_text and antecedent.date_text and draft.date_text != antecedent.date_text:
            continue  # "the conference ... on Thursday" is not last week's meeting
        if draft.location and antecedent.location and draft.location.name != antecedent.location.name:
            continue
        if draft.actors() and not _shares(draft, antecedent):
            if draft.sources or draft.targets:
                continue
        draft.copied = not draft.actors()
        for role in ("sources", "targets", "participants", "mediators"):
            _assign(draft, role, getattr(antecedent, role))
        draft.mode = draft.mode or antecedent.mode
        if draft.location is None:
            draft.location = antecedent.location
        if draft.date_text is None:
            draft.date_text = antecedent.date_text
        _drop_overlaps(draft)


def _shares(a: _Draft, b: _Draft) -> bool:
    ids = {m.mention_id for m in b.actors()}
    names = {m.name.lower() for m in b.actors()}
    return any(m.mention_id in ids or m.name.lower() in names for m in a.actors()) or not a.actors()


# ------------------------------------------------------------------------------ output


def _trigger_text(ctx: ArticleContext, words: list[Token]) -> str:
    words = sorted(words, key=lambda t: t.i)
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    if all(words[k + 1].i == words[k].i + 1 for k in range(len(words) - 1)):
        return ctx.text[start:end]
    return " ".join(ctx.text[w.idx : w.idx + len(w.text)] for w in words)


def _confidence(draft: _Draft) -> float:
    score = 0.45
    parties = len(draft.sources) + len(draft.targets) + len(draft.participants)
    if draft.sources and (draft.targets or draft.participants) or len(draft.participants) >= 2:
        score += 0.15
    if draft.mediators:
        score += 0.05
    if draft.date_text:
        score += 0.1
    if draft.location is not None:
        score += 0.05
    if draft.sentence.section in ("headline", "caption"):
        score -= 0.1
    if draft.copied:
        score -= 0.1
    if parties == 0:
        score -= 0.1
    return round(max(0.05, min(0.95, score)), 3)


def _to_candidate(ctx: ArticleContext, draft: _Draft) -> EventCandidate:
    ids = lambda mentions: tuple(m.mention_id for m in mentions)  # noqa: E731
    return EventCandidate(
        article_id=ctx.article_id,
        sentence_id=draft.sentence.sentence_id,
        trigger=_trigger_text(ctx, draft.words),
        event_type=draft.event_type,
        event_mode=draft.mode,
        cameo_root=draft.cameo_root,
        modality=draft.modality,
        sources=ids(draft.sources),
        targets=ids(draft.targets),
        participants=ids(draft.participants),
        mediators=ids(draft.mediators),
        date_text=draft.date_text,
        location_mention_id=draft.location.mention_id if draft.location is not None else None,
        evidence=draft.sentence.text,
        confidence=_confidence(draft),
    )
