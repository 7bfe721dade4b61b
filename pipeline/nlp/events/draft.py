"""What every event pass shares: the frozen per-article context, the draft an event is
assembled in, and the small questions about mentions and noun phrases all passes ask.

A draft is one trigger in one sentence. The passes in `detect_events` fill it in turn
(actors, modality, date, place) and the filters decide whether it becomes a candidate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from pipeline.nlp.events.vocabulary import (
    CREW_NOUNS,
    DONATED_SUMS,
    GOVERNMENT_BODY_WORDS,
    IDIOM_RECEIVING_VERBS,
    OFFICE_ROLES,
    QUANTIFIER_NOUNS,
    RECEIVED_IDIOMS,
    RECEIVING_FRAMES,
    RECEIVING_VERBS,
    REPORTING_VERBS,
)
from pipeline.nlp.lexicons import EventTriggers, Trigger
from pipeline.nlp.quotes.committees import committee_of_members
from pipeline.nlp.records import ArticleContext, Mention, Quote, Sentence
from pipeline.nlp.syntax import PLACE_LABELS, MentionIndex
from pipeline.nlp.token_view import view_of

ASSERTED, NEGATED, HYPOTHETICAL, FUTURE = "asserted", "negated", "hypothetical", "future"
MODALITY_RANK = {ASSERTED: 0, FUTURE: 1, HYPOTHETICAL: 2, NEGATED: 3}
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE"})
# Speech acts: a participle carrying one speaks for the clause's subject ("a billboard accusing").
SPEECH_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "SUPPORT", "THREATEN"})
# Triggers whose clausal content is not an event of its own ("pledged to recognise").
CONTENT_MODALITY = {"REQUEST": HYPOTHETICAL, "AGREE": HYPOTHETICAL, "THREATEN": HYPOTHETICAL, "REJECT": NEGATED}
ACTOR_TYPES = frozenset({"PERSON", "COUNTRY", "ORGANIZATION", "GROUP"})
ACTOR_KINDS = frozenset({"pronoun", "title"})
# Prepositions that tie an event to the clause it hangs from ("signalled ... after hosting talks").
TEMPORAL_LINK_PREPS = frozenset({"after", "following", "during", "at", "before", "ahead", "amid"})


@dataclass(frozen=True)
class EventContext:
    """One article as the event passes see it: the parse, the trigger dictionary, the
    mentions by token, and the first body sentence (the one the dateline places)."""

    ctx: ArticleContext
    lexicon: EventTriggers
    index: MentionIndex
    lead_sentence: int | None

    @classmethod
    def build(cls, ctx: ArticleContext, lexicon: EventTriggers, mentions: Iterable[Mention]) -> EventContext:
        lead = next((s.sentence_id for s in ctx.sentences if s.section == "body"), None)
        return cls(ctx, lexicon, MentionIndex(mentions), lead)


@dataclass
class Draft:
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


def actor_at(index: MentionIndex, token: Token) -> Mention | None:
    """The first mention covering a token that can act (a person, country, body or group);
    "the MPs" just after a committee is the subject: the committee (`committee_of_members`)."""
    return committee_of_members(index, token) or next((m for m in index.all_at(token) if is_actor(m)), None)


def place_at(index: MentionIndex, token: Token) -> Mention | None:
    """The first mention covering a token that is a place."""
    return next((m for m in index.all_at(token) if is_place(m)), None)


def is_actor(mention: Mention) -> bool:
    """Whether a mention can act: a person, country, body or group, or a reference to one."""
    return mention.entity_type in ACTOR_TYPES or mention.kind in ACTOR_KINDS


def is_place(mention: Mention) -> bool:
    """Whether a mention names where something happened."""
    if mention.kind in ACTOR_KINDS:
        return False
    return mention.entity_type == "LOCATION" or (
        mention.ner_label in PLACE_LABELS and mention.entity_type in ("LOCATION", "COUNTRY")
    )


def of_object(token: Token) -> Token | None:
    """The noun after a noun's "of" ("meetings" in "a series of meetings"), if any."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def crew_members(token: Token) -> Token:
    """ "a team of doctors" -> "doctors": a body of people (events.yaml crew_nouns) is who it
    is made of; any other noun, or a crew noun with no "of", is itself."""
    if token.lower_ in CREW_NOUNS:
        return of_object(token) or token
    return token


def inner_event_noun(token: Token) -> Token:
    """ "a series of meetings" -> "meetings"; other nouns are themselves."""
    if token.lemma_.lower() in QUANTIFIER_NOUNS or token.lower_ in QUANTIFIER_NOUNS:
        return of_object(token) or token
    return token


RECEIVING_LEMMAS = (
    frozenset(RECEIVING_VERBS) | frozenset(IDIOM_RECEIVING_VERBS) | frozenset(lemma for lemma, _ in RECEIVING_FRAMES)
)
"""The lemmas `received_nouns` reads a verb's object or frame for: a verb with any other has
no received noun but what a "with ... from" phrase gives it (`given_with`)."""


def received_nouns(verb: Token) -> list[Token]:
    """The nouns a verb's subject is on the receiving end of: the object of a receiving
    verb ("faced criticism", "drew condemnation"), an idiom's noun after an idiom's verb
    ("took flak"), or the object of a receiving frame's preposition ("came under fire").
    Their act is aimed at the subject (pipeline/knowledge/events.yaml). Save after an idiom's
    verb, what the subject was given with help from another (`given_with`) is received too."""
    if verb.pos_ not in ("VERB", "AUX") and not verb.tag_.startswith("VB"):
        return []
    lemma = verb.lemma_.lower()
    if lemma in RECEIVING_VERBS:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        return [inner_event_noun(c) for c in objects] + [n for c in objects for n in _sum_in(c)] + given_with(verb)
    if lemma in IDIOM_RECEIVING_VERBS:  # "took flak from MPs", not "took support from"
        return [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in RECEIVED_IDIOMS]
    # the frame's preposition on the verb, or on its object where the parser hangs it low
    # ("defended the plans against criticism from Y")
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return [
        inner_event_noun(p)
        for head in heads
        for c in head.children
        if c.dep_ == "prep" and (lemma, c.lower_) in RECEIVING_FRAMES
        for p in c.children
        if p.dep_ == "pobj"
    ] + given_with(verb)


def is_sum(noun: Token) -> bool:
    """A noun phrase naming an amount of money: "3 million euros", "$40 million", "£15m"."""
    return lemma_in(noun, DONATED_SUMS) or noun.lower_ in DONATED_SUMS


def _sum_in(noun: Token) -> list[Token]:
    """ "$10 million in aid" -> "aid": what a sum of money (events.yaml donated_sums) is
    given as, the noun of its "in" phrase; nothing for any other noun."""
    if not is_sum(noun):
        return []
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "in" for p in pobjs(c)]


def given_with(verb: Token) -> list[Token]:
    """ "the institute, with funding assistance from the federal government, provided
    grants", "Colombia, with help from the United States, destroyed the fields": the object
    of a "with" phrase on the verb that has a "from" phrase of its own is something the
    subject got from that giver to do what the verb says; triggers.py lets only an aid noun
    (PLOVER AID) be realised so, the giver its source and the subject its target. The
    parser hangs the phrase on the subject or the object as often as on the verb."""
    # asked of every verb: read on the token view, a Token made only for what is found
    view = view_of(verb.doc)
    dep, lower, children = view.dep, view.lower, view.children
    heads = [verb.i, *(c for c in children(verb.i) if dep[c] in ("nsubj", "dobj"))]
    withs = view.heads_of("with", "prep")
    if not any(h in withs for h in heads):
        return []  # no "with" phrase hangs on the verb, its subject or its object
    return [
        inner_event_noun(verb.doc[p])
        for head in heads
        for c in children(head)
        if dep[c] == "prep" and lower[c] == "with"
        for p in children(c)
        if dep[p] == "pobj" and any(dep[g] == "prep" and lower[g] == "from" for g in children(p))
    ]


def outer_noun(token: Token) -> Token:
    """The quantifier noun a trigger noun hangs from ("series" for "meetings"), or itself."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        outer = head.head
        if outer.lemma_.lower() in QUANTIFIER_NOUNS or outer.lower_ in QUANTIFIER_NOUNS:
            return outer
    return token


def speech_act_draft(
    trigger: Trigger, token: Token, sentence: Sentence, sources: list[Mention], targets: list[Mention]
) -> Draft:
    """An asserted draft of a speech act (a demand, offer, threat or criticism) that no
    trigger-dictionary verb reports: its type, mode and CAMEO root come from `trigger`."""
    draft = Draft(
        token=token,
        trigger=trigger,
        sentence=sentence,
        words=[token],
        event_type=trigger.event_type,
        mode=trigger.mode,
        cameo_root=trigger.cameo_root,
    )
    draft.sources, draft.targets, draft.modality = sources, targets, ASSERTED
    return draft


def actor_key(mention: Mention) -> str:
    """What identifies a mention's actor when events are compared: its gazetteer id, else
    its resolved name, else its words, lower-cased."""
    return (mention.gazetteer_id or mention.name or mention.surface).lower()


def same_actor(a: Mention, b: Mention) -> bool:
    if a.mention_id == b.mention_id:
        return True
    return actor_key(a) == actor_key(b) or (a.antecedent is not None and a.antecedent == b.mention_id)


def is_question(sentence: Sentence) -> bool:
    """A sentence that ends in a question mark (closing quotes and brackets aside): it
    asserts nothing."""
    return sentence.text.rstrip("\"'’” )").endswith("?")


def unique(mentions: Iterable[Mention]) -> list[Mention]:
    """The mentions without repeats, in first-seen order."""
    seen: set[str] = set()
    out: list[Mention] = []
    for mention in mentions:
        if mention.mention_id not in seen:
            seen.add(mention.mention_id)
            out.append(mention)
    return out


def pobjs(prep: Token) -> list[Token]:
    """The objects of a preposition, clausal ones ("after hosting") included."""
    return [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]


def quote_span(quote: Quote, doc: Doc) -> Span | None:
    """The quote's tokens (its characters widened to whole tokens), or None where they align with none."""
    return doc.char_span(quote.char_start, quote.char_end, alignment_mode="expand")


def lemma_in(token: Token, words: frozenset[str] | set[str] | dict) -> bool:
    """Whether the token's lemma (as corrected by `lemma_fixes.yaml`) is one of the words."""
    return token.lemma_.lower() in words


def assign(draft: Draft, role: str, mentions: list[Mention]) -> None:
    """Add the mentions to one of the draft's roles, each once."""
    getattr(draft, role).extend(m for m in mentions if m not in getattr(draft, role))


def drop_overlaps(draft: Draft) -> None:
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


def group_subject(verb: Token) -> bool:
    """ "The five unions want the government to withdraw", "the campaigners threatened to
    stand against Labour": a plural common noun as the subject names a group that no
    mention stands for; its act is still reported (its target is known, its source not)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and subjects[0].tag_ == "NNS" and subjects[0].pos_ == "NOUN"


PLURAL_BODIES = frozenset({"COUNTRY", "ORGANIZATION", "GROUP"})
# the national government's metonyms, in the order they are trusted to name it
GOVERNMENT_METONYMS = ("government", "ministers")
CORE_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})
# the verbs whose object may be who hears a quote: the reporting verbs and "tell"
ADDRESSING_VERBS = REPORTING_VERBS | {"tell"}


def addressee_of_quote(head: Token) -> bool:
    """ "He told BBC Radio Wales: '...'": the object of a reporting verb right before a
    colon or an opening quote mark is who hears the quote ("warned ministers that they
    should ..." still names them as its subject's antecedent)."""
    if head.dep_ not in ("dobj", "dative") or not lemma_in(head.head, ADDRESSING_VERBS):
        return False
    after = head.right_edge.i + 1
    return after < len(head.doc) and head.doc[after].text in (":", '"', "“")


def plural_antecedent(ec: EventContext, subject: Token, sentence: Sentence, speaker: Mention) -> list[Mention]:
    """ "... the government had lost the confidence of all sides. He said: 'They need to
    rethink the bill'": a "they" no mention resolves, as the subject of a demand, of a
    criticism or of a threat's condition, stands for the last body (a state, organisation
    or group, never a person, never the speaker) named as a subject or object before it in
    its own sentence or the one before, unless a plural noun naming no actor ("the
    proposals") was named after it; not one only spoken to ("told BBC Radio Wales: ...")
    nor a person's party ("Tory leader Michael Howard")."""
    if subject.lower_ != "they" or ec.index.all_at(subject):
        return []
    sentences = ec.ctx.sentences
    start = sentences[sentence.sentence_id - 1] if sentence.sentence_id > 0 else sentence
    span = ec.ctx.sentence_span(start)
    first = span.start if span is not None else subject.sent.start
    found: list[Mention] = []
    doc = ec.ctx.doc
    for token in doc[first : subject.i]:
        head = token
        while head.dep_ in ("compound", "nmod", "amod") and head.head.i != head.i:
            head = head.head  # "G7 ministers": the name heads nothing, its noun phrase does
        if head.dep_ not in CORE_ARGUMENTS:
            continue  # "they" takes up a subject or object, not a word in a phrase ("of the House")
        if addressee_of_quote(head):
            continue  # "he told BBC Radio Wales: ...": the one spoken to is not spoken of
        if head is not token and any(m.entity_type == "PERSON" for m in ec.index.all_at(head)):
            continue  # "Tory leader Michael Howard": a person's party does not act here
        bodies = [
            m
            for m in ec.index.all_at(token)
            if is_actor(m) and m.kind != "pronoun" and m.entity_type in PLURAL_BODIES and m.name != speaker.name
        ]
        if bodies:
            found = bodies[-1:]
        elif (
            token is head
            and token.tag_ == "NNS"
            and not any(ec.index.all_at(t) for t in doc[token.left_edge.i : token.i + 1])
        ):
            found = []  # "ministers insist they are ...", after "the proposals": the plural thing named last
    return found


def read_as(lexicon: EventTriggers, verb: str, token: Token, words: list[Token]) -> tuple[Trigger, list[Token]] | None:
    """A verb that reports an event only with certain arguments ("was held", "entered",
    "received", "arrived"), read as the dictionary verb whose event it then is ("detain",
    "deploy", "host", "visit"), under its own lemma, with `words` as the trigger phrase."""
    found = lexicon.verb(verb)
    return (replace(found, lemma=token.lemma_.lower()), words) if found is not None else None


def body_named_with(mention: Mention, words: frozenset[str]) -> bool:
    """An organisation with one of the words in its name (lower-cased, word by word)."""
    return mention.entity_type == "ORGANIZATION" and any(word in words for word in mention.name.lower().split())


def governs(speaker: Mention, ec: EventContext) -> bool:
    """The speaker is a government or holds office in one: a country, a body named as a
    government department (`government_body_words`: "Home Office", "the Treasury"), or a
    person the article gives a ministerial title (`office_roles`) anywhere."""
    if speaker.entity_type == "COUNTRY":
        return True
    if speaker.entity_type == "ORGANIZATION":
        return body_named_with(speaker, GOVERNMENT_BODY_WORDS)
    surname = speaker.name.split()[-1].lower() if speaker.name else ""
    return any(
        m.role is not None and m.role.lower() in OFFICE_ROLES
        for m in ec.index.mentions
        if m.entity_type == "PERSON" and m.name and m.name.split()[-1].lower() == surname
    )


def national_government(index: MentionIndex) -> list[Mention]:
    """The government the article's "the government" mentions resolve to, when they all name
    one; in an article that never says "the government", its bare "ministers" ("Ministers
    plan to extend the powers"), which the mention layer resolves to the national government
    on the same evidence (`mentions.governments`), when they all name one."""
    for surface in GOVERNMENT_METONYMS:
        resolved = [m for m in index.mentions if m.kind == "metonym" and m.surface.lower() == surface]
        if resolved:
            return resolved[:1] if len({m.name for m in resolved}) == 1 else []
    return []
