"""Owners of what is criticised, proposed, claimed or described: whose "proposal",
"claims" or "comments" an act is aimed at (`possessed_owner`, `pronoun_owner`,
`proposal_owner`, `claim_maker`), the body a definite description or pronoun object stands
for (`described_bodies`, `pronoun_referent`), and the presenter of a demonstrated proposal
(`demonstrated_proposals`).

A speech act aimed at someone's words targets the one who said or put them forward
(PLOVER targets the actor, not the words); these readers answer that one question for the
verb fillers in actors.py and for judged_referents.py, labels.py and refusals.py.
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

from spacy.tokens import Token

from pipeline.nlp.events.draft import (
    SPEECH_TYPES,
    Draft,
    actor_at,
    actor_key,
    assign,
    body_named_with,
    is_actor,
    lemma_in,
    national_government,
    pobjs,
    unique,
)
from pipeline.nlp.events.phrases import np_actors, words_or_deeds
from pipeline.nlp.events.subjects import mentions_before, persons_before, subject_actors, subject_person_before
from pipeline.nlp.events.vocabulary import (
    ADVISORY_BODY_WORDS,
    APPRAISING_VERBS,
    CALL_NOUNS,
    CALLING_VERBS,
    CLAIM_NOUNS,
    CLAIMING_VERBS,
    DENYING_VERBS,
    KINDLESS_BODY_NOUNS,
    PRESENTING_VERBS,
    PROPOSAL_NOUNS,
    REPORTING_VERBS,
)
from pipeline.nlp.names import may_name_one_person
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import DEFINITE_DETS, MentionIndex, has_neg, is_passive, judged_dep, mention_root

# The subject form of a person's possessive or object pronoun: the gender `persons_before` wants.
SUBJECT_FORMS = {"his": "he", "her": "she", "him": "he"}


# Pronouns that own a thing, by the entity types they can stand for.
POSSESSIVE_REFERENTS = {
    "his": ("PERSON",),
    "her": ("PERSON",),
    "its": ("ORGANIZATION", "COUNTRY"),
    "their": ("ORGANIZATION", "COUNTRY", "GROUP"),
}
# Directed acts no one aims at their own words or deeds ("rejected their proposals").
OTHER_DIRECTED_TYPES = frozenset({"ACCUSE", "REJECT"})


def object_owner(draft: Draft, index: MentionIndex) -> list[Mention]:
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
    sources = source_keys(draft, index)
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
    thing (an actor itself, or no possessive pronoun); nobody for "his own record", the
    subject's own. With `prefer_subject` ("X criticised
    Y on Monday. His comments were welcomed by Z": a sentence that opens on "his comments"
    takes up the one the text is about), a "his" or "her" is first the latest person subject
    before it (`subject_person_before`)."""
    owners = [c for c in obj.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_REFERENTS]
    if not owners or actor_at(index, obj) is not None or not words_or_deeds(obj):
        return None
    if any(c.lower_ == "own" for c in obj.children):
        return []  # "Blair praised his own record": "own" makes the owner the act's subject
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
    for mention in mentions_before(index, pronoun, sentence_id):
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
    from pipeline.nlp.quotes.speakers import bodies_in_view, body_described  # quotes import the events' helpers

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
        if described or deps != ("nsubj",):
            continue
        # "A spokesman for the European Anti-Fraud Office said the organisation agreed with
        # …": a subject no body's name describes is the one organisation of its kind named in
        # its sentence or the one before, when only one is
        in_view = [
            m
            for m in bodies_in_view(article, noun, first + 1)
            if actor_key(m) not in excluded and _of_kind(noun, m)
        ]
        if len({actor_key(m) for m in in_view}) == 1:
            return in_view[-1:]
    return []


def _of_kind(noun: Token, body: Mention) -> bool:
    """Whether a body noun no name describes may be `body` for its kind: a noun of no kind
    (`kindless_body_nouns`: "the organisation") any body; a noun of a public body of review
    (`advisory_body_words`: "the watchdog", "the commission") one named as such ("National
    Audit Office"; not the "Home Office", nor a firm); any other kind ("the court", "the
    company") none, as no name says it is one (a firm is no court)."""
    noun_word = noun.lemma_.lower()
    if noun_word in KINDLESS_BODY_NOUNS:
        return True
    return noun_word in ADVISORY_BODY_WORDS and body_named_with(body, ADVISORY_BODY_WORDS)


def pronoun_object_referent(draft: Draft, index: MentionIndex) -> list[Mention]:
    """ "The SNP accused him of encouraging young people to drink", "urged them to think
    again", "quit UKIP and accused it of betraying its supporters": an object pronoun of a
    criticism, refusal or demand that no mention resolves is aimed at the nearest actor of
    its kind named before it (as `object_owner` reads "his plans"), never at the act's own
    source."""
    if not draft.sources:
        return []  # with no speaker known, "him" cannot be told apart from the speaker
    sources = source_keys(draft, index)
    verb = draft.token
    objects = _objects(draft)
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


def object_pronoun_target(draft: Draft, index: MentionIndex) -> list[Mention]:
    """Whom an object pronoun of an act aimed at someone else stands for: a criticism's, refusal's
    or demand's (`pronoun_object_referent`) or an appraisal's "him" or "her" (`appraised_person`)."""
    if draft.event_type in ADDRESSED_TYPES:
        return pronoun_object_referent(draft, index)
    return appraised_person(draft, index) if lemma_in(draft.token, APPRAISING_VERBS) else []


def appraised_person(draft: Draft, index: MentionIndex) -> list[Mention]:
    """ "Charles Kennedy spoke in Leeds. Ian McCartney praised him", "heaped praise on her": one
    appraises (events.yaml appraising_verbs) someone else's deed, so a "him" or "her" no mention
    resolves as the object is a person of its gender named before it other than the act's
    source: the latest such subject in its sentence or the one before, else the latest such
    person (`persons_before`); nothing with no source known ("him" may be the speaker)."""
    if not draft.sources:
        return []
    sources = source_keys(draft, index)
    sentence_id = draft.sentence.sentence_id
    objects = _objects(draft)
    noun = draft.token
    if noun.pos_ == "NOUN" and noun.dep_ == "dobj":  # "heaped praise on him": the light verb's recipient
        objects += [
            p for c in noun.head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to") for p in pobjs(c)
        ]
    for obj in objects:
        if obj.lower_ not in SUBJECT_FORMS or obj.lower_ == "his" or obj.tag_ != "PRP" or actor_at(index, obj):
            continue
        gendered = SUBJECT_FORMS[obj.lower_]
        found = subject_person_before(obj, sentence_id, gendered, sources, index)
        if found:
            return found
        return next(([m] for m in persons_before(index, obj, sentence_id, gendered) if actor_key(m) not in sources), [])
    return []


def _objects(draft: Draft) -> list[Token]:
    """A trigger's direct objects and the objects of its prepositions among the draft's words."""
    verb = draft.token
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    return objects + [p for c in verb.children if c.dep_ == "prep" and c in draft.words for p in pobjs(c)]


def source_keys(draft: Draft, index: MentionIndex) -> set[str]:
    """The `actor_key`s an act's pronoun object or owner may not stand for: its sources', and
    those of every person the article names who may be one of them (`names.may_name_one_person`).
    "Michael Howard said he would stand down. Mr Howard praised him": "he" was resolved to
    Michael Howard, whose key is not "Mr Howard"'s, yet one does not praise oneself."""
    keys = {actor_key(m) for m in draft.sources}
    persons = [m.name for m in draft.sources if m.entity_type == "PERSON"]
    if persons:
        keys |= {
            actor_key(m)
            for m in index.mentions
            if m.entity_type == "PERSON" and any(may_name_one_person(name, m.name) for name in persons)
        }
    return keys


def pronoun_referent(obj: Token, sentence_id: int, sources: set[str], index: MentionIndex) -> list[Mention]:
    """What an object pronoun ("him", "her", "them") no mention resolves stands for: the
    nearest actor of its kind named before it (`_named_before`) that is not one of the act's
    sources (their `actor_key`s); nothing for any other word."""
    if obj.lower_ not in OBJECT_REFERENTS or obj.tag_ != "PRP" or actor_at(index, obj) is not None:
        return []
    return _named_before(obj, OBJECT_REFERENTS[obj.lower_], sentence_id, sources, index)


def proposal_object_owner(draft: Draft, index: MentionIndex) -> list[Mention]:
    """ "Union leaders attacked the proposals", "the plans were rejected by MPs", "has backed
    the control orders": criticism, refusal or backing of a proposal noun is aimed at the
    owner its own phrase names ("the decision by the court": `_proposal_owners`), else, for
    a definite one that names none, at the owner the article last gave a proposal before it
    (`proposal_owner`), never at the act's own source."""
    sources = {actor_key(m) for m in draft.sources}
    excluded = lambda m: actor_key(m) in sources  # noqa: E731
    judged = judged_dep(draft.token)
    for obj in draft.token.children:
        # "the proposals were attacked by union leaders": a passive's subject is its object
        if obj.dep_ != judged or np_actors(obj, index):
            continue
        if draft.event_type == "REJECT" or lemma_in(obj, PROPOSAL_NOUNS):
            # "dismissed the appeal lodged by Mr Smith's lawyers", "attacked the decision by
            # Britain's highest court": the one refused or criticised is named on it
            lodged = [m for m in _proposal_owners(obj, index) + _agent_after(obj, index) if not excluded(m)]
            if lodged:
                return lodged
        return proposal_owner(obj, index, excluded) or claim_maker(obj, index, excluded)
    return []


def _agent_after(obj: Token, index: MentionIndex) -> list[Mention]:
    """ "attacked the proposals from the Tories", "Jack Straw has attacked the decision by
    Britain's highest court": a "by" or "from" phrase on the criticised noun names its maker,
    and so does a "by" phrase the parser hangs on an active verb right after its object (an
    active verb has no "by" agent; an actor there is no manner, as "by saying" is)."""
    phrases = [c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("by", "from")]
    verb = obj.head
    if obj.dep_ == "dobj" and not is_passive(verb):
        inside = {t.i for t in obj.subtree}
        phrases += [
            c
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "by" and c.i > obj.i and all(i in inside for i in range(obj.i, c.i))
        ]
    found = [m for c in phrases for p in pobjs(c) for m in np_actors(p, index)]
    return [m for m in found if m.entity_type != "LOCATION"]


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


def proposal_owner(
    noun: Token,
    index: MentionIndex,
    excluded: Callable[[Mention], bool],
    same_word: bool = False,
    topic: frozenset[str] = frozenset(),
) -> list[Mention]:
    """ "... under plans unveiled by the Conservatives. ... the policy": a definite proposal
    noun ("the plans", "this scheme", events.yaml proposal_nouns) that names no owner belongs
    to the owner the article last gave a proposal before it (a possessor, a modifying name,
    or the "by" agent of a participle: "Labour's scheme", "Tory plans", "plans unveiled by
    the Conservatives"), unless `excluded` (the speaker or source) owns it; with `same_word`
    only a proposal of the same noun counts ("the scheme" is not "its decision"); with a
    `topic` (lemmas) only one whose sentence speaks of it ("the ID scheme": "Labour plans to
    introduce ID cards", not "its decision")."""
    definite = any(c.lower_ in DEFINITE_DETS for c in noun.children)
    if noun.lemma_.lower() not in PROPOSAL_NOUNS or not definite:
        return []
    for earlier in reversed(noun.doc[: noun.i]):
        if earlier.pos_ != "NOUN" or earlier.lemma_.lower() not in PROPOSAL_NOUNS:
            continue
        if any(m.kind == "name" for m in index.all_at(earlier)):
            continue  # "BBC Radio 4's Today programme": a word of a name is no proposal
        if same_word and earlier.lemma_.lower() != noun.lemma_.lower():
            continue
        if topic and not any(t.lemma_.lower() in topic for t in earlier.sent):
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
