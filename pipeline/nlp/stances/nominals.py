"""Stances named by a noun: "Labour's opposition to the war", "support for the bill from
the unions", "Tory support for the government on Iraq", "Mr Blair's refusal to accept the
proposals", "a lack of trust in the prime minister".

The noun is the nominalisation of a stance cue (`stance_nominals` in
knowledge/stances.yaml maps it to the cue whose polarity and score it carries). The holder is
its owner (a possessive, a possessive pronoun read as the clause's subject, a naming modifier
such as "Tory", the one an agent noun is said of ("Mr Gref, an opponent of …", "list Hague
and Kinnock as supporters of …"), the object of "from"/"by", or of "of" when the noun is
received: "the project has the support of the European Union", "the plan won the backing of
the Lib Dems" are the giver's on the receiver, never the receiver's on the giver);
without one, the speaker of the quote it sits in, or the subject of the verb it is the
object of ("the Tories stressed a lack of trust in …"). The target is the object of its
preposition ("opposition to", "support for", "trust in"), or the action of its infinitive
("refusal to accept …"); each coordinated object is a target of its own. "no", "lack of",
"absence of" reverse it.

Tried and left out (make eval): nouns of planning and pledging with an owner of their own
("Labour's plan to introduce ID cards", "the Tories' pledge to cut council tax", as
`owned_stance_nouns`) matched no dev stance and added one or two unmatched held-out ones.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.senses import load_senses
from pipeline.nlp.quotes import is_cue
from pipeline.nlp.records import Mention, Quote
from pipeline.nlp.stances.context import StanceArticle
from pipeline.nlp.stances.groups import is_dissent_noun
from pipeline.nlp.stances.polarity import denied_by_determiner, has_negation, hypothetical
from pipeline.nlp.stances.pronouns import body_pronoun
from pipeline.nlp.stances.signals import Signal, target_signals
from pipeline.nlp.stances.targets import (
    SIGN,
    Target,
    action_targets,
    frame_action,
    noun_targets,
    verb_cue,
    with_stranded_topic,
)
from pipeline.nlp.stances.words import (
    AGENT_NOMINALS,
    ATTITUDE_ADJECTIVES,
    BELIEF_ATTITUDE_ADJECTIVES,
    BODY_NOUNS,
    COMMITMENT_ADJECTIVES,
    HOLDER_PREPOSITIONS,
    IN_TARGET_NOMINALS,
    LACK_NOUNS,
    LIGHT_VERBS,
    MISGIVING_HOLDING_VERBS,
    NOMINAL_TARGET_PREPOSITIONS,
    OWNED_STANCE_NOUNS,
    PROPOSAL_VERBS,
    RECEIVE_VERBS,
    SEEKING_VERBS,
    STANCE_NOMINALS,
)
from pipeline.nlp.syntax import (
    FIRST_PERSON,
    PERSONAL_PRONOUNS,
    agent_of,
    direct_object,
    has_modal_aux,
    has_that_marker,
    is_passive,
)
from pipeline.nlp.token_view import view_of

NOMINAL_SCORE_FACTOR = 0.9
ATTITUDE_ADJECTIVE_SCORE = 0.7
ATTITUDE_PREPOSITIONS = frozenset({"of", "about", "with", "towards", "toward", "to", "over", "at", "on", "by"})
VERB_TARGET_PREPOSITIONS = frozenset({"at", "against", "to", "for"})
# a noun reports a position a little less directly than a verb
QUESTION_VERBS = frozenset({"ask", "wonder", "question", "inquire", "enquire"})


def nominal_signals(art: StanceArticle, noun: Token) -> list[Signal]:
    out: list[Signal] = []
    if noun.pos_ != "NOUN":
        return out
    cue = STANCE_NOMINALS.get(noun.lemma_.lower())
    found = art.lex.cue(cue) if cue else None
    if found is None:
        return out
    if hypothetical(noun) and not _in_question(noun):
        return out  # a condition takes no stance; an embedded question presupposes the noun's
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS:
        return out  # "expressed support for …": the verb pass reads it
    if noun.lemma_.lower() in AGENT_NOMINALS and not _predicated(noun):
        return out  # "to win over critics": other people's stance, not the holder's
    holder, quote = _holder(art, noun)
    if holder is None:
        return out
    targets = [t for t in _targets(art, noun) if not own_prospect(noun, t, holder)]
    if not targets:
        return out
    polarity = SIGN[found[0]] * (-1 if _denied(art, noun) else 1)
    score = found[1] * NOMINAL_SCORE_FACTOR
    said_of = _predicated_of(noun)
    others = [m for c in said_of.conjuncts if (m := art.mention_of(c)) is not None] if said_of is not None else []
    for who in [holder, *_joint_holders(art, holder), *(m for m in others if m.mention_id != holder.mention_id)]:
        out += target_signals(art, noun, polarity, score, targets, who, quote)
    return out


# a possessive pronoun and the kinds of holder it can stand for
OWNER_TYPES = {
    "his": ("PERSON",),
    "her": ("PERSON",),
    "its": ("ORGANIZATION", "COUNTRY", "GROUP"),
    "their": ("ORGANIZATION", "COUNTRY", "GROUP"),
}


def is_misgiving(noun: Token) -> bool:
    """A noun of misgiving ("concerns", "doubts", "reservations"): `stance_nominals` maps it to
    the cue "concern about"."""
    return STANCE_NOMINALS.get(noun.lemma_.lower(), "").startswith("concern ")


def own_prospect(noun: Token, target: Target, holder: Mention) -> bool:
    """ "Sean Long has expressed doubts about his international future": a misgiving (a noun
    that `stance_nominals` maps to "concern about") about a thing of the holder's own, named
    by a possessive pronoun that can stand for the holder, is unease about their prospects,
    not a position on an issue ("voiced concern about their effectiveness" of a person still
    judges the plans the "their" names)."""
    if not is_misgiving(noun):
        return False
    owner = next((c for c in target.head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    return owner is not None and holder.entity_type in OWNER_TYPES.get(owner.lower_, ())


def _pronoun_owner(art: StanceArticle, pronoun: Token) -> Mention | None:
    """ "Acpo made its call for stronger powers", "Mr Galloway was expelled because of his
    opposition to the war": a possessive pronoun on a stance noun stands for the subject of
    the clause the noun sits in, when that subject names a holder of the pronoun's kind."""
    types = OWNER_TYPES.get(pronoun.lower_)
    if types is None:
        return None
    verb = next((a for a in pronoun.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ in FIRST_PERSON:
        return None
    if subject.lower_ in PERSONAL_PRONOUNS:
        # "He restated his opposition to the war", "It repeated its call for …": the one the
        # subject pronoun stands for (the mention layer's person, else the body it continues)
        mention = art.mention_of(subject) if subject.lower_ in ("he", "she") else body_pronoun(art, subject)
    else:
        mention = art.holder_of(subject)
    return mention if mention is not None and mention.entity_type in types else None


def _predicated(noun: Token) -> bool:
    """ "has been a leading advocate of", "Mr Smith, a critic of", "as an opponent of", "seen
    as a supporter": an agent noun said of someone (`agent_nominals`); or the subject, the
    people themselves ("critics of the plan say …")."""
    node = noun
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    if node.dep_ in ("attr", "appos", "oprd", "acomp", "nsubj", "nsubjpass"):
        return True
    return node.dep_ == "pobj" and node.head.lower_ == "as"


def _in_question(noun: Token) -> bool:
    """ "asked if Tory support for … had given": the clause is a question's complement."""
    node = noun
    for _ in range(10):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in node.children):
            return node.dep_ == "ccomp" or node.head.lemma_.lower() in QUESTION_VERBS
        if node.head == node:
            return False
        node = node.head
    return False


def _joint_holders(art: StanceArticle, holder: Mention) -> list[Mention]:
    """ "Both the Tories and the Lib Dems are keen to emphasise …": each joint subject."""
    at = next((i for i, idx in enumerate(view_of(art.doc).idx) if idx == holder.char_start), None)
    if at is None:
        return []
    token = art.doc[at]
    head = next(
        (t for t in art.doc[token.i : token.i + 8] if t.idx < holder.char_end and t.dep_ in ("nsubj", "nsubjpass")),
        None,
    )
    if head is None:
        return []
    out = []
    for conj in head.conjuncts:
        other = art.mention_of(conj)
        if other is not None and other.mention_id != holder.mention_id:
            out.append(other)
    return out


def _receiver(verb: Token) -> Token | None:
    """The subject of a verb of receiving, through "likely to face", "had to face" and a
    coordinated verb that shares it."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    while subject is None and verb.dep_ in ("xcomp", "conj") and verb.head != verb:
        verb = verb.head.head if verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp" else verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject


def _actor(art: StanceArticle, word: Token) -> bool:
    """Whether a word names someone who can be addressed: an entity mention or a body noun
    ("the government")."""
    return art.mention_of(word) is not None or word.lemma_.lower() in BODY_NOUNS


_LIGHT_VERBS_OR_MISGIVING_HOLDING_VERBS = LIGHT_VERBS | MISGIVING_HOLDING_VERBS


def _sought(noun: Token) -> bool:
    """ "it needs creditors' backing for the offer", "will need the approval of major
    shareholders", "sought support from the unions": a stance its subject seeks (`seeking_verbs`)
    is not yet given, so whose it would be holds none."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in SEEKING_VERBS


def _holder(art: StanceArticle, noun: Token) -> tuple[Mention | None, Quote | None]:
    quote = art.quote_at(noun.idx)
    for child in noun.children:
        if child.dep_ == "poss":
            if child.lower_ in ("my", "our"):
                return art.speaker(quote), quote
            if _sought(noun):
                return None, quote
            return art.mention_of(child) or _pronoun_owner(art, child), quote
    # "Tory critics of the bill": a name before a noun of dissent says whose rebels they are,
    # not who holds their position
    for child in () if is_dissent_noun(noun) else noun.lefts:
        if child.dep_ in ("compound", "amod", "nmod") and child.pos_ in ("PROPN", "ADJ", "NOUN"):
            if any(t.is_punct for t in noun.doc[child.i + 1 : noun.i]):
                continue  # "- … a safe Tory seat - prompted calls for …": a dash closes the aside the name is in
            mention = art.mention_of(child)
            if mention is not None and mention.entity_type != "LOCATION":
                return mention, quote  # "Tory support", "Labour opposition"
    said_of = _predicated_of(noun)
    if said_of is not None:
        mention = art.mention_of(said_of)
        return (mention if mention is not None and mention.entity_type != "LOCATION" else None), quote
    if (giver := received_of(art, noun)) is not None:
        return art.mention_of(giver), quote  # "the project has the support of the European Union"
    # "support for the bill from the unions" (the parser may hang "from" on "bill"); "the
    # decision provoked fury among farmers" (or on the verb of receiving or causing it)
    near = [noun] + [g for c in noun.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in RECEIVE_VERBS:
        near.append(noun.head)
    for child in (c for n in ([] if _sought(noun) else near) for c in n.children):
        if child.dep_ in ("prep", "agent") and child.lower_ in HOLDER_PREPOSITIONS and child.i > noun.i:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and (mention := art.mention_of(pobj)) is not None and mention.entity_type != "LOCATION":
                return mention, quote
    proposed = noun.dep_ == "nsubjpass" and noun.head.lemma_.lower() in PROPOSAL_VERBS
    agent = agent_of(noun.head) if proposed else None
    if agent is not None and (mention := art.holder_of(agent)) is not None and mention.entity_type != "LOCATION":
        # "A crackdown on truants has been launched by Ruth Kelly": whoever put it forward
        # (`proposal_verbs`; "calls for an inquiry were rejected by …" are not the rejecter's)
        return mention, quote
    if noun.lemma_.lower() in OWNED_STANCE_NOUNS:
        return None, quote  # "boosted demand for video games": a market's, nobody's position
    if _judged_by_attitude(noun):
        return None, quote  # "concerned about the crackdown on protesters": judged, not held
    # no owner: the subject of the verb whose object it is, else the quote's speaker
    top = noun
    received = noun.head.lower_ == "with" and any(c.dep_ == "dobj" for c in noun.head.head.children)
    if noun.dep_ == "pobj" and (noun.head.lower_ == "in" or received) and noun.head.head.pos_ in ("VERB", "AUX"):
        # "I'm so strongly in favour of …", "voted in favour of …", "greeted the plan with
        # scepticism": the subject of the verb it hangs on, or the object that does its
        # infinitive; one the mentions do not cover holds it, not the speaker
        verb = noun.head.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in FIRST_PERSON and quote is not None:
            return art.speaker(quote), quote
        if (
            subject is not None
            and (mention := art.mention_of(subject)) is not None
            and subject.lower_ not in PERSONAL_PRONOUNS
        ):
            return mention, quote
        doer = _controller(verb) if subject is None else subject
        if doer is not None and doer.lower_ not in PERSONAL_PRONOUNS and doer.lower_ not in FIRST_PERSON:
            # "encourage more people to use trains in favour of cars", "voters had rejected
            # the Tories in favour of …": the choice of whoever does the verb, not the speaker's
            mention = art.mention_of(doer)
            return (mention if mention is not None and mention.entity_type != "LOCATION" else None), quote
    if top.dep_ == "pobj" and top.head.head.lemma_.lower() in LACK_NOUNS:
        top = top.head.head  # "a lack of trust"
    if (
        top.dep_ in ("dobj", "attr")
        and top.head.pos_ in ("VERB", "AUX")
        and top.head.lemma_.lower() not in RECEIVE_VERBS
    ):
        verb = top.head
        if top is noun and verb_cue(art, verb) is not None:
            # "resisted calls for an inquiry": the verb's own stance on what is called for
            # (`verbs` reads through the noun), not its subject's call
            return None, quote
        if top is noun and is_misgiving(noun) and verb.lemma_.lower() not in _LIGHT_VERBS_OR_MISGIVING_HOLDING_VERBS:
            return None, quote  # "sought to allay concerns about the scheme": someone else's
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        while subject is None and verb.dep_ in ("xcomp", "conj") and verb.head != verb:
            verb = verb.head
            if verb.pos_ == "ADJ":
                verb = verb.head  # "keen to emphasise"
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            if quote is not None and subject.lower_ in FIRST_PERSON:
                return art.speaker(quote), quote
            mention = art.mention_of(subject)
            if mention is not None and (subject.lower_ not in PERSONAL_PRONOUNS or is_misgiving(noun)):
                return mention, quote  # a misgiving's "he" is whom the mention layer says
            if subject.lower_ not in PERSONAL_PRONOUNS:
                return None, quote  # "the war had hit trust in politicians": nobody's stance
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in RECEIVE_VERBS - SEEKING_VERBS:
        receiver = _receiver(noun.head)
        if receiver is not None and receiver.lower_ not in FIRST_PERSON and _actor(art, receiver):
            # "said Mrs Blair was likely to face calls for restraint": calls someone else made
            # to an actor, not the speaker's ("we need support for …" stays the speaker's; a
            # thing facing opposition, "said the plan faced opposition", is left to the speaker)
            return None, quote
    if quote is not None and not is_cue(noun.head) and not is_misgiving(noun):
        # a misgiving with no one to hold it in the clause is someone else's unease the
        # speaker reports ("e-mails from readers showed deeper concern about the image")
        return art.speaker(quote), quote
    return None, quote


def _controller(verb: Token) -> Token | None:
    """The object that does a subjectless infinitive ("encourage more people to use …")."""
    return direct_object(verb.head) if verb.dep_ == "xcomp" and verb.head != verb else None


def _targets(art: StanceArticle, noun: Token) -> list[Target]:
    own = cue_prepositions(art, noun)
    allowed = own if own is not None else NOMINAL_TARGET_PREPOSITIONS
    if noun.lemma_.lower() not in IN_TARGET_NOMINALS:
        # "opposition in the Lords", "support in Parliament for the bill": where, not what
        allowed = allowed - {"in"}
    giver = received_of(art, noun)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in allowed:
            pobj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is None or giver is not None and pobj.i == giver.i or _affiliation(art, noun, child, pobj):
                continue
            if pobj.pos_ == "VERB":
                return action_targets(art, pobj)  # "opposition to imposing …"
            # "opposition to the ban on smoking in pubs" with "on smoking" hung on the stance noun
            targets = with_stranded_topic(art, noun, pobj, noun_targets(art, pobj))
            for conj in pobj.conjuncts:
                if conj.i > pobj.i and conj.pos_ in ("NOUN", "PROPN"):
                    targets += noun_targets(art, conj)
            for topic in (c for c in pobj.children if c.dep_ == "prep" and c.lower_ in ("on", "over")):
                # "support for the government on Iraq and identity cards": each later topic is its
                # own target (the parser may hang it on the topic or on the stance noun)
                first = next((g for g in topic.children if g.dep_ == "pobj"), None)
                later = [*(first.conjuncts if first is not None else ()), *noun.conjuncts]
                for conj in later:
                    stance_noun = conj.lemma_.lower() in STANCE_NOMINALS
                    if conj.i > topic.i and conj.pos_ in ("NOUN", "PROPN") and not stance_noun:
                        targets += noun_targets(art, conj)
            return targets
    wished = next(
        (
            c for c in noun.children
            if c.dep_ in ("advcl", "acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children)
        ),
        None,
    )
    if wished is not None:
        # "repeated calls for the mayor to apologise": the wished-for clause, through its own
        # stance when it has one, else as a label
        composed = action_targets(art, wished, label_actions=False)
        if composed:
            return composed
        label = art.labeller.clause_label(wished)
        return [Target(label, wished)] if label else []
    action = frame_action(noun)
    if action is not None:
        return action_targets(art, action)  # "refusal to accept the proposals"
    own_topic = any(c.dep_ == "prep" and c.lower_ in allowed for c in noun.children)
    if noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.pos_ == "VERB" and not own_topic:
        # (not "opened the forum with an attack on …" whose object the parser lost: the
        # attack is on that, not on the forum)
        dobj = next((c for c in noun.head.head.children if c.dep_ == "dobj"), None)
        if dobj is not None:
            return noun_targets(art, dobj)  # "greeted the release with scepticism"
    if noun.dep_ == "dobj":
        for child in noun.head.children:  # "took several swipes at Sony": the preposition hangs on the verb
            if (
                child.dep_ == "prep"
                and child.i > noun.i
                and child.lower_ in VERB_TARGET_PREPOSITIONS
                and (own is None or child.lower_ in own)
            ):
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return noun_targets(art, pobj)
    received = _received_by(art, noun)
    if received is not None:
        return noun_targets(art, received)  # "the bill faces opposition from the Tories"
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in LACK_NOUNS:
        lack = noun.head.head
        for child in lack.children:  # "a lack of trust in the prime minister"
            if child.dep_ == "prep" and child.lower_ != "of" and child.lower_ in NOMINAL_TARGET_PREPOSITIONS:
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return noun_targets(art, pobj)
    return []


def stance_noun_cue(art: StanceArticle, noun: Token) -> tuple[str, float] | None:
    """The cue a light verb's object carries: the noun itself as a cue ("expressed support
    for"), else the cue its stance noun names (`stance_nominals`: "expressed opposition to",
    "gave their backing to", "voiced criticism of"); the nominal pass leaves a light verb's
    object to this pass, so a stance noun there was otherwise read by neither. The mapping
    comes first, as in the nominal pass: "expressed doubts over the scheme" is a misgiving
    ("concern about"), not the weak verb "doubt"."""
    lemma = noun.lemma_.lower()
    mapped = art.lex.cue(STANCE_NOMINALS[lemma]) if lemma in STANCE_NOMINALS else None
    return mapped or art.lex.cue(lemma)


def _judged_by_attitude(noun: Token) -> bool:
    """ "deeply concerned about the crackdown on protesters": a stance noun that an attitude
    adjective's preposition takes is what the holder judges; whose crackdown it is, the
    sentence does not say (the adjective's pass reads the holder's own stance). One the holder
    is bound to (`commitment_adjectives`: "committed to opposition to the war") is its own."""
    if noun.dep_ != "pobj" or noun.head.dep_ not in ("prep", "agent"):
        return False
    judge = noun.head.head
    if judge.lower_ in COMMITMENT_ADJECTIVES:
        return False
    return attitude_sign(judge) is not None


def _affiliation(art: StanceArticle, noun: Token, prep: Token, pobj: Token) -> bool:
    """ "Jack Garner, film critic for Gannet News Service": an agent noun's "for" naming an
    organisation gives whom the critic or backer works for, not what they judge ("a critic of
    the war", "an advocate for reform", "an advocate for Tibet" keep their targets)."""
    if noun.lemma_.lower() not in AGENT_NOMINALS or prep.lower_ != "for" or pobj.pos_ != "PROPN":
        return False
    mention = art.index.at(pobj)
    return mention is not None and mention.entity_type == "ORGANIZATION"


def cue_prepositions(art: StanceArticle, noun: Token) -> frozenset[str] | None:
    """The prepositions a noun mapped to a phrasal cue ending in one takes its target with:
    those that end a cue of the same words ("appeal for"; "raise concern about", "raise
    concern over"), or None when any will do (`stance_nominals`). "An appeal for unity" backs
    unity, "his appeal against the conviction" is a legal step; "concerns about the bill"
    oppose it, "the concerns of parents" are the parents'. Only a cue of the mapped cue's side
    counts: the verb "appeal against" opposes, so "an appeal against the ban" is no appeal for it."""
    cue = STANCE_NOMINALS.get(noun.lemma_.lower(), "").split()
    if len(cue) < 2 or cue[-1] not in NOMINAL_TARGET_PREPOSITIONS:
        return None
    base, side = " ".join(cue[:-1]), (art.lex.cue(" ".join(cue)) or ("",))[0]
    return frozenset(
        p for p in NOMINAL_TARGET_PREPOSITIONS if (found := art.lex.cue(f"{base} {p}")) is not None and found[0] == side
    )


def _predicated_of(noun: Token) -> Token | None:
    """Whom an agent noun is said of: "Mr Blair, a long-standing supporter of the war" (the
    noun in apposition), "list William Hague and Neil Kinnock as supporters of the plans"
    (the object of the verb whose "as" it follows)."""
    if noun.lemma_.lower() not in AGENT_NOMINALS:
        return None
    if noun.dep_ == "appos" and noun.head.pos_ in ("PROPN", "NOUN"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.dep_ == "prep":
        return next((c for c in noun.head.head.children if c.dep_ == "dobj"), None)
    return None


def _received_by(art: StanceArticle, noun: Token) -> Token | None:
    """ "The bill faces opposition from the Tories", "the plan won support from the unions",
    "the proposals met with opposition from teachers":
    the subject of a receive verb (`receive_verbs`) whose object is the stance noun is what the
    stance is about, when it is an issue, not someone ("Mr Blair faces opposition" says
    nothing about which of his policies) nor a happening: "the storm caused anger among
    residents" is feeling, no position on a policy (eval/GUIDE.md; event_senses.yaml
    `disaster`: weather, disasters, disease, accidents, downturns, failures)."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "with":
        verb = verb.head  # "the proposals met with opposition from …"
    elif noun.dep_ != "dobj":
        return None
    if verb.lemma_.lower() not in RECEIVE_VERBS and not _had_from(verb, noun) and received_of(art, noun) is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    if subject.lemma_.lower() in load_senses().classes["disaster"]:
        return None
    mention = art.index.at(subject)
    if mention is not None and mention.entity_type in ("PERSON", "ORGANIZATION", "COUNTRY", "GROUP", "LOCATION"):
        return None
    return subject


def received_of(art: StanceArticle, noun: Token) -> Token | None:
    """The one whose stance a received stance noun names with "of": "the line has the support
    of the Mayor of London", "the plan won the backing of the Liberal Democrats". As the object
    of "have" or of a receive verb (`receive_verbs`) the noun's "of" is someone who gives it, not
    what it is about ("in support of the strike"); it is sought, not given, under a seeking verb
    ("needs the support of shareholders", `_sought`), and "lost the support of" says it is gone."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = verb.lemma_.lower()
    if lemma != "have" and (lemma not in RECEIVE_VERBS or lemma in SEEKING_VERBS or lemma == "lose"):
        return None
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    giver = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if giver is None or giver.pos_ not in ("NOUN", "PROPN"):
        return None
    # whoever gives it, named or not ("the backing of many pundits and fans", "the support of
    # the Mayor"): their stance, never the receiver's on them; a place gives none
    mention = art.mention_of(giver)
    return None if mention is not None and mention.entity_type == "LOCATION" else giver


def _had_from(verb: Token, noun: Token) -> bool:
    """ "The bill has broad support from charities": "have" receives like `receive_verbs` when
    the stance noun names its holder with a preposition (`holder_prepositions`: "from", "by");
    "we have every support for the workers" stays the subject's own."""
    if verb.lemma_.lower() != "have":
        return False
    return any(c.dep_ == "prep" and c.lower_ in HOLDER_PREPOSITIONS for c in noun.children)


def _denied(art: StanceArticle, noun: Token) -> bool:
    """ "no support", "without support", "a lack of trust", "did not get support"."""
    if denied_by_determiner(noun, art.lex):
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in LACK_NOUNS:
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "without":
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ in ("VERB", "AUX"):
        return has_negation(art, noun.head.head)  # "is not in favour of the ban"
    return noun.dep_ == "dobj" and has_negation(art, noun.head)


def attitude_adjective_signals(art: StanceArticle, adjective: Token) -> list[Signal]:
    """ "Labour is critical of the plan", "I'm suspicious of its usefulness", "the unions are
    unhappy with the deal": an adjective of attitude takes a side on its preposition's object;
    its subject holds it (`attitude_adjectives` in knowledge/stances.yaml). After the noun it
    describes, as a reduced relative clause ("peers angry at the house arrest proposals",
    "residents opposed to the plan"), that noun holds it."""
    sign = attitude_sign(adjective)
    participle = _passive_participle(adjective)
    reduced = _reduced_relative(adjective)
    if (
        sign is None
        or not (participle or reduced) and (adjective.pos_ != "ADJ" or adjective.dep_ not in ("acomp", "amod", "conj"))
        or hypothetical(adjective)
    ):
        return []
    # "delighted by the decision": the parser may call an adjective's "by" an agent; a true
    # passive's agent is the doer ("the plan was opposed by Labour"), never the cause
    preps = ("prep",) if participle else ("prep", "agent")
    prep = next((c for c in adjective.children if c.dep_ in preps and c.lower_ in ATTITUDE_PREPOSITIONS), None)
    pobj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    clause = _fact_clause(adjective, int(sign)) if prep is None and not reduced else None
    if pobj is None and clause is None:
        return []
    quote = art.quote_at(adjective.idx)
    if reduced:  # the noun it follows holds it; there is no copula
        copula, holder = None, art.mention_of(adjective.head)
    else:
        copula = adjective if participle else adjective.head if adjective.dep_ == "acomp" else None
        if copula is None:
            return []
        subject = next((c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return []
        if subject.lower_ in FIRST_PERSON or subject.lower_ in PERSONAL_PRONOUNS:
            holder = art.speaker(quote) if quote is not None else None
        else:
            holder = art.mention_of(subject)
    if holder is None:
        return []
    if clause is not None:
        targets = action_targets(art, clause) if verb_cue(art, clause) is not None else []
        label = art.labeller.clause_label(clause) if not targets else None
        targets = targets or ([Target(label, clause)] if label else [])
    else:
        targets = action_targets(art, pobj) if pobj.pos_ == "VERB" else noun_targets(art, pobj)
    negated = has_negation(art, adjective) or copula is not None and has_negation(art, copula)
    polarity = int(sign) * (-1 if negated else 1)
    return target_signals(art, adjective, polarity, ATTITUDE_ADJECTIVE_SCORE, targets, holder, quote)


def _reduced_relative(adjective: Token) -> bool:
    """An attitude adjective or participle right after the noun it describes, with its own
    preposition ("peers angry at the proposals", "residents opposed to the plan"): a reduced
    relative clause ("peers who are angry at …"), whose noun holds the attitude."""
    head = adjective.head
    return (
        adjective.dep_ in ("amod", "acl")
        and (adjective.pos_ == "ADJ" or adjective.tag_ == "VBN")
        and head.i < adjective.i
        and head.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ in ("prep", "agent") for c in adjective.children)
    )


def attitude_sign(word: Token) -> int | None:
    """The side an attitude adjective (`attitude_adjectives`) takes, looked up by its lemma,
    then by its form; None for any other word."""
    return ATTITUDE_ADJECTIVES.get(word.lemma_.lower()) or ATTITUDE_ADJECTIVES.get(word.lower_)


def _fact_clause(adjective: Token, sign: int) -> Token | None:
    """ "We are disappointed that the BaFin has referred the case to the prosecutor": the
    tensed "that" clause of an attitude adjective is the fact it judges. One with a modal is
    what a worry fears ("worried that the council would be taken over"), but what a positive
    attitude foresees ("confident that we will be up to the challenge") is no position, and
    what one of certainty or doubt holds true (`belief_attitude_adjectives`: "sceptical that
    the reforms would cut crime") is no fact judged."""
    if adjective.lemma_.lower() in BELIEF_ATTITUDE_ADJECTIVES or adjective.lower_ in BELIEF_ATTITUDE_ADJECTIVES:
        return None
    return next(
        (
            c for c in adjective.children
            if c.dep_ == "ccomp"
            and c.pos_ in ("VERB", "AUX")
            and has_that_marker(c)
            and (sign < 0 or not has_modal_aux(c))
        ),
        None,
    )


def _passive_participle(word: Token) -> bool:
    """ "We are disappointed with the decision": the parser may read an attitude adjective as
    a passive participle (a VBN with a passive auxiliary and subject), which is the same
    predicate; its subject holds the attitude."""
    return (
        word.pos_ == "VERB"
        and word.tag_ == "VBN"
        and is_passive(word)
        and any(c.dep_ == "nsubjpass" for c in word.children)
    )
