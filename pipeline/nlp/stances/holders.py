"""Who holds a stance: the subject of the stance verb, its agent, or the speaker of the quote
it sits in."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.membership import introduced_with
from pipeline.nlp.quotes import is_cue, under_a_cue
from pipeline.nlp.records import Mention, Quote
from pipeline.nlp.stances.context import StanceArticle
from pipeline.nlp.stances.phrases import adjective_head
from pipeline.nlp.stances.polarity import negative_subject
from pipeline.nlp.stances.pronouns import body_pronoun, narrated_body
from pipeline.nlp.stances.words import (
    BODY_NOUNS,
    BOTH_NOUNS,
    HEARSAY_PASSIVES,
    HOLDER_PASSIVES,
    INSTRUMENT_VERBS,
    MESSAGE_NOUNS,
    MOMENT_NOUNS,
    PARTITIVE_WORDS,
    PLAN_VERBS,
    UNWILLING_ADJECTIVES,
    VOLITION_VERBS,
    WANTING_VERBS,
    WILLING_ADJECTIVES,
)
from pipeline.nlp.syntax import (
    FIRST_PERSON,
    PERSONAL_PRONOUNS,
    agent_of,
    has_subject,
    has_that_marker,
    has_to_marker,
    mention_root,
    passive_subject,
    raised_passive_subject,
    subject_of,
)

_WILLING_ADJECTIVES_OR_UNWILLING_ADJECTIVES = WILLING_ADJECTIVES | UNWILLING_ADJECTIVES
_VOLITION_VERBS_OR_INSTRUMENT_VERBS = VOLITION_VERBS | INSTRUMENT_VERBS


def holder_for(art: StanceArticle, verb: Token, deontic: bool) -> tuple[Mention | None, Quote | None]:
    """Who takes the stance a verb expresses: in a quote, the speaker when the subject is
    the speaker ("we", "I", none, a pronoun no mention covers) or the verb is deontic,
    else the subject's mention; outside quotes, the subject's mention."""
    quote = art.quote_at(verb.idx)
    subject = subject_of(verb, reporting=is_cue)
    if subject is None:
        subject = _shared_passive_subject(verb)
    if subject is None and verb.dep_ == "acomp":
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)  # "Labour is opposed to …"
    if subject is None and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
        subject = _governing_subject(verb.head.head)  # "They are committed to abandoning Labour's targets"
    if subject is None:
        subject = _misparsed_volition_subject(art, verb)
    if subject is None:
        subject = _manner_subject(verb)
    if subject is None and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in VOLITION_VERBS:
        subject = _manner_subject(verb.head)  # "after deciding to back identity cards"
    if subject is None:
        subject = _message_sender(art, verb)
    if subject is None:
        subject = _placed_participle_subject(art, verb)
    if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        subject = verb.head  # "advocates demanding that …", "protesters calling for …": the noun acts
    if subject is None and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in HEARSAY_PASSIVES:
        # "Cherie Blair is said to have praised …": the one it is said of
        subject = passive_subject(verb.head)
        if subject is not None:
            return art.mention_of(subject), art.quote_at(verb.idx)
    if subject is None and verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and _misparsed_finite(art, verb):
        subject = verb.head  # "Trevor Phillips, chairman of …, called on …": read as a noun root
    if subject is not None:
        subject = _one_among(subject)
    passive = passive_subject(verb) or raised_passive_subject(verb)
    if passive is not None:
        agent = agent_of(verb)
        if agent is not None:
            subject = agent  # "the plan was backed by Labour"
        elif verb.lemma_.lower() in HOLDER_PASSIVES:
            subject = passive  # "Mr Sharon was committed to the plan"
        else:
            return None, quote  # "the bill was opposed": by whom is not said
    adjective = adjective_head(verb)
    if adjective is not None and adjective.lemma_.lower() in _WILLING_ADJECTIVES_OR_UNWILLING_ADJECTIVES:
        subject = next((c for c in adjective.head.children if c.dep_ in ("nsubj", "nsubjpass")), subject)
    elif (
        verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() not in _VOLITION_VERBS_OR_INSTRUMENT_VERBS
        and raised_passive_subject(verb) is None
    ):
        # (tried and left out: "be to" as an arranged future, "the Tories are to back the plans",
        # added two unmatched held-out stances and no match)
        return None, quote  # "MPs were entitled to complain": nobody's stance yet
    speaker = art.speaker(quote)
    if subject is None and speaker is None and (quote is not None or under_a_cue(verb) or is_cue(verb)):
        it = _referring_it(verb)
        if it is not None:
            # "It says it wants fair guidelines": the body the text goes on about, in speech
            # only ("as it continues to fight for its survival" narrates a firm's business);
            # a stance verb that itself reports speech is such speech ("It called for action
            # to create jobs", "It is also calling on Lord Woolf to abandon …": a committee's
            # or agency's demand), "It blamed weak demand" (no speech verb) is not
            return body_pronoun(art, it, across_sentences=quote is None or quote.kind != "direct"), quote
    if subject is None and speaker is None and quote is None and _wanting(verb):
        it = _referring_it(verb)
        if it is not None and it.head.lemma_.lower() in AIM_VERBS:
            # "The government needs its finance bill … But it will also seek to push through
            # its … Bill": a government's narrated aim, "it" continuing the government the text
            # is about; a firm's narrated aims are business ("plan_verbs"), and what a body
            # does ("as it continues to fight …") is no aim
            body = body_pronoun(art, it)
            return (body if body is not None and body.entity_type == "COUNTRY" else None), quote
    if subject is None and speaker is None and quote is None:
        it = _referring_it(verb)
        if it is not None and (body := narrated_body(art, verb, it)) is not None:
            return body, quote  # "Unison … It has condemned the plans": a firm stance verb's own "it"
    speaker_holds = subject is None or quote is not None and (deontic or subject.lower_ in FIRST_PERSON)
    if speaker_holds and speaker is not None and others_words(art, verb, quote, speaker):
        return None, quote  # "statements from senior figures insisting the public must …"
    if subject is None:
        return (speaker if quote is not None else None), quote
    if negative_subject(subject, art.lex):
        return None, quote  # "no politician should …": read by the deontic pass
    if _for_subject(subject, verb):
        # "it is time for the Scottish Executive to commit to …": an act wished on the "for"
        # subject, not its own position; the speaker who wishes it holds the stance
        return (speaker if quote is not None and not others_words(art, verb, quote, speaker) else None), quote
    if subject.lower_ in PARTITIVE_WORDS and any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children):
        return None, quote  # "one of the parties in the government has been promoting …": a part unnamed
    if quote is not None and (deontic or subject.lower_ in FIRST_PERSON):
        return speaker, quote
    mention = art.holder_of(subject)
    if mention is None and quote is not None and _own_body(subject):
        return speaker, quote  # "Mr Kennedy said his party would oppose the bill": the leader's position
    if quote is not None and mention is not None and (speaks_for(mention, speaker) or member_of(art, speaker, mention)):
        # "Mr Lula said Brazil supports …", "Tory leader Michael Howard said the Conservatives
        # would scrap …": the leader's own position (eval/GUIDE.md, who speaks for a body)
        return speaker, quote
    if mention is None and subject.lower_ in PERSONAL_PRONOUNS and subject.lower_ not in FIRST_PERSON:
        if quote is not None and quote.kind == "direct":
            # "… how they support higher taxes": in one's own words, not oneself; but "Mr Howard
            # and Mr Kennedy have said they would welcome a debate": those the quote reports
            return body_pronoun(art, subject, across_sentences=False), quote
        if quote is not None:
            return speaker or body_pronoun(art, subject), quote  # "he said he opposes …"
        if subject.lower_ in ("he", "she"):
            accusation = art.accusation_by(subject)  # the quotes layer reads the pronoun's gender
            if accusation is not None:
                return art.speaker(accusation), None
            return _person_named_before(art, subject), None
        # "they" in narration: too often people the text never names, unless a firm stance
        # verb continues the body the text is about ("It has condemned the plans")
        return narrated_body(art, verb, subject), None
    return mention, quote


def _one_among(subject: Token) -> Token:
    """ "Tony Blair is among those who have called for an apology": a relative clause on the
    object of "among" under a copula says what the copula's subject did, so its subject holds
    the stance; any other subject is returned as it is."""
    head = subject.head
    if subject.dep_ != "pobj" or head.lower_ != "among" or head.head.lemma_.lower() != "be":
        return subject
    return next((c for c in head.head.children if c.dep_ == "nsubj"), subject)


def others_words(art: StanceArticle, token: Token, quote: Quote | None, speaker: Mention) -> bool:
    """Whether a word in a quote stands in words the speaker reports of someone else, inside
    the quote itself ("I have seen statements from senior figures of this government insisting
    the public must have the right of choice"): a reporting verb above it, within the quote,
    whose subject (or the noun its participle describes) is a noun phrase naming someone other
    than the speaker. The speaker's own cue lies outside an indirect quote's text."""
    if quote is None:
        return False
    below = token
    for above in [token, *token.ancestors]:
        if not quote.char_start <= above.idx < quote.char_end:
            return False
        if _owned_content_clause(art, above, below, speaker):
            return True  # "act on the Law Lords' ruling that detention … is unlawful": theirs
        below = above
        if not is_cue(above):
            continue
        subject = next((c for c in above.children if c.dep_ == "nsubj"), None)
        if above is token and subject is not None:
            continue  # the word's own subject holds it ("the unions insisted …")
        if subject is None and above.dep_ == "acl" and above.tag_ == "VBG":
            subject = above.head  # "statements from senior figures insisting …"
        if subject is None and above.dep_ == "xcomp":
            # "the plans seemed to suggest chief constables should be told …": the subject of
            # the verb the cue's infinitive completes
            subject = next((c for c in above.head.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.lower_ in PERSONAL_PRONOUNS:
            continue
        mention = art.holder_of(subject)
        return mention is None or mention.mention_id != speaker.mention_id and mention.name != speaker.name
    return False


def _owned_content_clause(art: StanceArticle, noun: Token, clause: Token, speaker: Mention) -> bool:
    """Whether a clause is the content of a noun someone else owns: "the Law Lords' ruling that
    detention … is unlawful", "Labour's claim that taxes will rise": a "that" clause (its
    "that" a complementiser, not a relative pronoun) on a noun whose possessor names someone
    other than the speaker (or a possessor no mention covers) says what the possessor holds."""
    if noun.pos_ not in ("NOUN", "PROPN") or clause.head.i != noun.i or clause.dep_ not in ("acl", "ccomp"):
        return False
    if not has_that_marker(clause):
        return False
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ in PERSONAL_PRONOUNS or owner.lower_ in POSSESSIVE_PRONOUNS:
        return False
    mention = art.holder_of(owner)  # a possessor the mention layer left out ("the Law Lords'") is someone else too
    return mention is None or mention.mention_id != speaker.mention_id and mention.name != speaker.name


# possessive pronouns: "his claim that …" may be the speaker's own
POSSESSIVE_PRONOUNS = frozenset({"my", "our", "your", "his", "her", "its", "their"})

# prepositions after which a message noun is the subject's own ("responded with a statement …")
MESSAGE_PREPOSITIONS = frozenset({"with", "in"})
# prepositions whose gerund is something the main verb's subject does ("responded by accusing")
MANNER_PREPOSITIONS = frozenset({"by", "after", "before", "while", "through"})


def _misparsed_finite(art: StanceArticle, verb: Token) -> bool:
    """Whether a verb hung on the sentence's noun root is its main verb: a past tense, or a
    participle with no agent after a name ("Lord Greaves called last week for …", "Vincent
    Cable, for the Liberal Democrats, called on Mr Brown to …"): a sentence needs a verb, and
    a reduced relative on a name ("Tony Blair, pictured …") rarely takes a stance."""
    if verb.tag_ == "VBD":
        return True
    return (
        verb.tag_ == "VBN"
        and art.index.at(verb.head) is not None
        and not any(c.dep_ in ("agent", "auxpass") for c in verb.children)
    )


def _shared_passive_subject(verb: Token) -> Token | None:
    """ "The Liberal Democrats have not been drawn into the argument but have called for …": a
    verb coordinated with a passive one shares its subject (`subject_of` climbs conjuncts for
    active subjects only)."""
    head = verb
    while head.dep_ == "conj" and head.head is not head and not has_subject(head):
        head = head.head
    if head is verb:
        return None
    return passive_subject(head)


AIM_VERBS = WANTING_VERBS | PLAN_VERBS  # verbs of a narrated aim ("it will seek to push through …")


def _wanting(verb: Token) -> bool:
    """Whether the verb wants or plans, or is the action wanted ("seek to push through …")."""
    return verb.lemma_.lower() in AIM_VERBS or verb.dep_ == "xcomp" and verb.head.lemma_.lower() in AIM_VERBS


def _referring_it(verb: Token) -> Token | None:
    """ "It wants …", "it will not accept …": the subject "it" of the stance verb itself, or
    of the volition verb or conjunct it continues; `subject_of` reads "it" as naming nobody,
    as it mostly does ("it is right to …"), so only these places are read."""
    for _ in range(3):
        it = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ == "it"), None)
        if it is not None:
            return it
        if has_subject(verb) or verb.dep_ not in ("conj", "xcomp"):
            return None
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() not in VOLITION_VERBS:
            return None
        verb = verb.head
    return None


def _for_subject(subject: Token, verb: Token | None = None) -> bool:
    """The subject of a "for … to" infinitive ("time for the government to act"), or, for the
    verb, the moment noun (`moment_nouns`) an expletive "it" is, whose to-infinitive it is ("it
    is time to scrap the tax"): no one's own act, but one the speaker urges."""
    clause = subject.head
    for_mark = any(c.dep_ == "mark" and c.lower_ == "for" and c.i < subject.i for c in clause.children)
    if for_mark and has_to_marker(clause):
        return True
    return verb is not None and verb.head.i == subject.i and moment_infinitive(verb)


def moment_infinitive(verb: Token) -> bool:
    """ "it is time to scrap the tax": a to-infinitive on a moment noun (`moment_nouns`) that
    is the predicate of an expletive "it"; the act is urged, by whoever says it."""
    noun = verb.head
    return (
        verb.dep_ in ("relcl", "acl")
        and has_to_marker(verb)
        and noun.lemma_.lower() in MOMENT_NOUNS
        and noun.dep_ == "attr"
        and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in noun.head.children)
    )


def _manner_subject(verb: Token) -> Token | None:
    """ "Mr Fox responded by accusing the prime minister of …", "after criticising the plans":
    a gerund after a preposition of manner or time is done by the subject of the verb the
    preposition hangs on (not after "of"/"for": "accused Labour of backing …" is Labour's)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or prep.lower_ not in MANNER_PREPOSITIONS:
        return None
    if prep.head.pos_ not in ("VERB", "AUX"):
        return None
    return subject_of(prep.head, reporting=is_cue)


def _message_sender(art: StanceArticle, verb: Token) -> Token | None:
    """ "The Green Party unveiled a billboard accusing the government of lying …": a stance
    participle on a message noun (`message_nouns`) that is a verb's object is the stance of
    that verb's subject, who put the message out."""
    message = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or message.lemma_.lower() not in MESSAGE_NOUNS:
        return None
    owners = [c for c in message.lefts if c.dep_ in ("poss", "compound") and _names_actor(art, c)]
    if owners:
        return owners[-1]  # "a BNP leaflet opposing plans for a mosque": its owner's, whoever delivers it
    if message.dep_ == "pobj" and message.head.lower_ in MESSAGE_PREPOSITIONS:
        # "Liam Fox opened proceedings with a speech criticising Tony Blair's record": the
        # message one delivers "with" or "in" is put out by the verb's subject too
        message = message.head
    if message.dep_ not in ("dobj", "prep") or message.head.pos_ != "VERB":
        return None
    return subject_of(message.head, reporting=is_cue)


def _names_actor(art: StanceArticle, token: Token) -> bool:
    """Whether a modifier names a person or body (a mention that is no place)."""
    mention = art.index.at(token)
    return mention is not None and mention.entity_type != "LOCATION"


def _placed_participle_subject(art: StanceArticle, verb: Token) -> Token | None:
    """ "The Green Party unveiled a billboard opposite the Palace of Westminster accusing the
    government of lying", "protesters gathered outside Downing Street demanding …": a place
    holds no position, so a participle the parser hangs on a place named after a preposition
    is done by the subject of the verb the preposition belongs to."""
    place = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or not _is_place(art, place):
        return None
    while place.dep_ == "pobj" and place.head.dep_ == "prep" and place.head.head.dep_ == "pobj":
        place = place.head.head  # "the Palace of Westminster"
    if place.dep_ != "pobj" or place.head.dep_ != "prep" or place.head.head.pos_ != "VERB":
        return None
    return subject_of(place.head.head, reporting=is_cue)


def _is_place(art: StanceArticle, noun: Token) -> bool:
    """A place: a location mention, or a place name the mention layer left out."""
    mention = art.index.at(noun)
    if mention is not None:
        return mention.entity_type == "LOCATION"
    return noun.ent_type_ in ("LOC", "FAC", "GPE")


def _misparsed_volition_subject(art: StanceArticle, verb: Token) -> Token | None:
    """ "The Lib Dems plan to oppose the Bill": the parser may read "plan" as a noun with the
    party as its compound; the named compound is the subject of the volition verb."""
    head = verb.head
    if verb.dep_ != "acl" or head.pos_ != "NOUN" or head.lemma_.lower() not in VOLITION_VERBS:
        return None
    if not has_to_marker(verb):
        return None
    names = [c for c in head.lefts if c.dep_ in ("compound", "nmod") and art.index.at(c) is not None]
    return names[-1] if names else None


def _person_named_before(art: StanceArticle, pronoun: Token) -> Mention | None:
    """The person a narrated "he"/"she" the mention layer left untied takes up: the latest
    named before it outside quoted speech ("Mr Bannatyne said: \"… Gordon Brown is a great
    chancellor …\" … And he branded the government's response …" is Mr Bannatyne's); a name
    inside someone's words is what they talk about, as for the mention layer's antecedents
    (`mentions.pronouns.pronoun_antecedent`). Nor is a possessor ("… denied by Mr Mandelson,
    who said the Tories were afraid of Mr Campbell's campaigning skills. He warned the BBC …"):
    a name owning a thing is what the clause talks about, as the mention layer's modifiers are."""
    for mention in reversed(art.index.mentions):
        if mention.char_start >= pronoun.idx or mention.kind == "pronoun" or mention.entity_type != "PERSON":
            continue
        if art.quote_at(mention.char_start, "direct") is not None:
            continue
        root = mention_root(art.doc, mention)
        if root is None or root.dep_ != "poss":
            return mention
    return None


def _governing_subject(word: Token) -> Token | None:
    """The subject of the word a gerund's preposition hangs on: a predicate adjective's
    clause subject ("They are committed to …", "Labour is opposed to …") or a verb's own
    ("the Tories insisted on scrapping …"); None for a noun ("the cost of scrapping …") or a
    verb with an object, who is the doer ("accused the government of abandoning …")."""
    if word.dep_ == "acomp":
        word = word.head
    if word.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("dobj", "obj") for c in word.children):
        return None  # "accused the government of abandoning …": the object does it
    return next((c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _own_body(subject: Token) -> bool:
    """ "his party", "our government": the speaker's own body, named by a possessive pronoun."""
    return subject.lemma_.lower() in BODY_NOUNS | {"party"} and any(
        c.dep_ == "poss" and c.lower_ in ("his", "her", "their", "our", "my") for c in subject.children
    )


def governing_adjective(verb: Token) -> int | None:
    """+1/-1 when the verb depends on a willing/unwilling adjective, 0 for another
    adjective, None when there is none."""
    head = adjective_head(verb)
    if head is None:
        return None
    lemma = head.lemma_.lower()
    if lemma in WILLING_ADJECTIVES:
        return 1
    if lemma in UNWILLING_ADJECTIVES:
        return -1
    return 0


def speaks_for(subject: Mention, speaker: Mention | None) -> bool:
    """A person reporting their own state's position ("Lavrov said Moscow had no intention …"):
    the position is the speaker's (eval/GUIDE.md, who speaks for a body)."""
    return (
        speaker is not None
        and speaker.entity_type == "PERSON"
        and subject.entity_type == "COUNTRY"
        and (
            speaker.country_iso3 is None
            or subject.gazetteer_id is None
            or speaker.country_iso3.lower() in subject.gazetteer_id.lower()
        )
    )


def member_of(art: StanceArticle, person: Mention | None, body: Mention) -> bool:
    """Whether the article introduces the person with the body's name right before theirs
    ("Tory leader Michael Howard", "Labour's Alan Milburn"): a party's member reporting the
    party's line speaks in their own right (eval/GUIDE.md: "Mr Howard said the Tories would
    …" is Michael Howard's)."""
    return introduced_with(art.ctx.text, art.by_id.values(), person, body)


def joint_holders(art: StanceArticle, subject: Token, holder: Mention | None) -> list[Mention]:
    """The other holders of a coordinated subject ("Both the Cardinal and Dr Williams
    appealed …"). A conjunct that names nobody itself ("Archbishop of Canterbury Dr Rowan
    Williams", whose name the parser may hang on the first conjunct) takes the first name
    after it in the subject phrase."""
    out: list[Mention] = []
    pair = both_named_before(art, subject)
    if pair:
        return [m for m in pair if holder is None or m.mention_id != holder.mention_id]
    chain = [subject, *subject.conjuncts]
    if not any(c.dep_ == "cc" and c.lower_ in ("and", "&") for t in chain for c in t.children):
        return out  # "the Liberal Democratic Party or LDP", "the party, the LDP": one holder named twice
    for conj in subject.conjuncts:
        other = art.mention_of(conj)
        if other is None:
            names = [
                m for t in art.doc[conj.i : subject.right_edge.i + 1]
                if (m := art.index.at(t)) is not None and m.kind == "name" and m.entity_type != "LOCATION"
            ]
            other = names[0] if names else None
        if other is not None and (holder is None or other.mention_id != holder.mention_id) and other not in out:
            out.append(other)
    return out



def joint_agents(art: StanceArticle, verb: Token, holder: Mention | None) -> list[Mention]:
    """The other holders of a passive stance verb's coordinated agent ("Their action is
    supported by Amnesty International and Liberty": Liberty too), when the first conjunct
    of the agent is the holder. Only a conjunct that is itself a mention: one that names
    nobody ("backed by David Kahn - a former Yale historian, and a leading expert …") is a
    description of the first, not a second backer."""
    agent = agent_of(verb)
    if agent is None or holder is None or art.mention_of(agent) is not holder:
        return []
    named = [art.mention_of(c) for c in agent.conjuncts]
    return [m for m in joint_holders(art, agent, holder) if m in named]


def co_speakers(art: StanceArticle, holder: Mention, quote: Quote | None) -> list[Mention]:
    """ "The Tories and the Lib Dems said the pledges were worthless": a quote of joint
    speakers (its speaker is the first named, eval/GUIDE.md) is the position of each."""
    if quote is None or quote.speaker_mention_id != holder.mention_id:
        return []
    root = mention_root(art.doc, holder)
    return joint_holders(art, root, holder) if root is not None else []


PAIR_TYPES = ("PERSON", "ORGANIZATION", "COUNTRY")


def both_named_before(art: StanceArticle, subject: Token) -> list[Mention]:
    """ "Michael Howard met Charles Kennedy. Both oppose the bill": a subject "both" (alone, or
    with a plural noun of people or bodies, `BOTH_NOUNS`, and no "of" phrase) takes up the two
    the text has just named, in its sentence before it or the sentence before: exactly two
    distinct people, or two distinct bodies or states, each holding the position. Empty when
    the text names more or fewer, or people and bodies mixed."""
    if subject.lower_ == "both":
        noun = None
    elif subject.lower_ in BOTH_NOUNS and [c.lower_ for c in subject.lefts] == ["both"]:
        noun = subject
    else:
        return []
    for prep in (c for c in subject.children if c.dep_ == "prep"):
        if [t.lower_ for t in prep.subtree] not in (["of", "them"], ["of", "these"], ["of", "those"]):
            return []  # "both of the parties": the "of" phrase says whom; "both of them" takes them up
    sentence = subject.sent
    first = subject.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    start_char, end_char = subject.doc[first].idx, subject.idx
    named: dict[str, Mention] = {}
    for m in art.index.mentions:
        if not start_char <= m.char_start < end_char or m.entity_type not in PAIR_TYPES:
            continue
        root = _chain_start(art, m)
        if root.kind == "pronoun":
            continue
        named.setdefault(root.name, m)
    pair = list(named.values())
    if len(pair) != 2:
        return []
    people = {m.entity_type == "PERSON" for m in pair}
    if len(people) != 1 or noun is not None and noun.lower_ in ("men", "women") and people != {True}:
        return []
    return pair


def _chain_start(art: StanceArticle, mention: Mention) -> Mention:
    """The mention a chain of antecedents starts from, each link followed once (a chain that
    came back on itself would otherwise never end)."""
    seen = {mention.mention_id}
    while mention.antecedent in art.by_id and mention.antecedent not in seen:
        seen.add(mention.antecedent)
        mention = art.by_id[mention.antecedent]
    return mention
