"""The actors the words of a judgement stand for: names, pronouns, owners and governments.

A judged word names an actor (never the speaker, "I" or "we"; a country compounded onto a
word of fighting names where it was: "the Iraq war"); "this government" is the national
government the article's "the government" names; a clause whose subject is a "they" or
"it" no mention resolves judges the last actor the quote named before it ("LG Group will
have to participate, but they have been stalling"), else whom the quote is said of, else
the body or person named just before; a judged "the plans" or "the claims" naming no one is
its owner or maker named earlier, and "the legislation" the national government's measure;
"far too little has been done" judges the record of whoever had to act.

Kept apart from the reading of the judging clause (`judged.py`) so that labels
(`labels.py`) resolve a labelled "the legislation" as speech does.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.events.criticism import criticises, excess
from pipeline.nlp.events.draft import (
    Draft,
    EventContext,
    assign,
    governs,
    is_actor,
    lemma_in,
    national_government,
    plural_antecedent,
    same_actor,
    unique,
)
from pipeline.nlp.events.owners import SUBJECT_FORMS, claim_maker, proposal_owner
from pipeline.nlp.events.senses import load_senses
from pipeline.nlp.events.subjects import persons_before
from pipeline.nlp.events.vocabulary import (
    COURT_PHRASES,
    GOVERNMENT_MEASURE_NOUNS,
    QUARREL_WORDS,
    STATE_CUSTODY_NOUNS,
)
from pipeline.nlp.records import Mention, Sentence
from pipeline.nlp.syntax import (
    is_passive,
    judged_dep,
    nominal_subjects,
)

THIRD_PERSON = frozenset({"he", "she", "they", "it"})


POSSESSIVES = frozenset({"his", "her", "their", "its"})


SPEAKER_PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our", "you", "your", "myself", "ourselves"})


def subject_holder(clause: Token) -> Token:
    """ "Mr Blair has forgotten the taxpayers and has broken his pledges": a conjoined verb
    with no subject of its own shares the active subject of the verb it is joined to (a
    passive one, "was tortured or abused", is who suffers the act, not who is judged)."""
    while (
        clause.dep_ == "conj"
        and clause.head.i != clause.i
        and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in clause.children)
    ):
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in clause.head.children):
            break
        clause = clause.head
    return clause


def unnamed_doer(ec: EventContext, token: Token, clause: Token, speaker: Mention) -> list[Mention]:
    """ "Far too little has been done to enable adult learners", "too many mistakes have been
    made": a measure of too little or too much (`excess`) as the subject of a passive with no
    agent judges the record of whoever had to act, unnamed; in a story whose "the government"
    names one national government, one who does not govern it (an opposition spokesman, a
    union, a charity) judges that government's record, as `government_measure` reads "the
    legislation". Other judged passives ("they were abused at the camp") leave the doer open;
    a minister's or department's own, a condition's ("if someone was wrongly given") or a
    modal's judge no one."""
    if not excess(token) or not any(c.dep_ == "nsubjpass" and token in c.subtree for c in clause.children):
        return []
    if any(c.dep_ == "agent" for c in clause.children) or not is_passive(clause):
        return []
    if clause.tag_ != "VBN" or clause.dep_ not in ("ROOT", "ccomp", "conj") or governs(speaker, ec):
        return []
    if any(c.dep_ == "mark" or (c.dep_ == "aux" and c.tag_ == "MD") for c in clause.children):
        return []
    return national_government(ec.index)


def subject_owner(ec: EventContext, clause: Token, speaker: Mention) -> list[Mention]:
    """ "... under plans unveiled by the Conservatives. ... Y said the policy was
    prejudice-based": a judging clause whose subject is a definite proposal noun naming no
    owner judges the owner the article last gave a proposal before it (`proposal_owner`)."""
    subjects = nominal_subjects(clause)
    if not subjects:
        return []
    excluded = lambda m: same_actor(m, speaker)  # noqa: E731
    return (
        proposal_owner(subjects[0], ec.index, excluded)
        or claim_maker(subjects[0], ec.index, excluded)
        or government_measure(ec, subjects[0], [speaker])
    )


def government_measure(ec: EventContext, noun: Token, speakers: list[Mention]) -> list[Mention]:
    """ "the legislation was a travesty", "the current powers were discriminatory": a
    definite measure a government enacts (`government_measure_nouns`) that names no owner,
    and for which none was named before, is the measure of the national government the
    article's "the government" names, unless the speaker governs (a minister, a department).
    A statute named as such ("the Hunting Act was a bad law": a LAW mention) is one too. A
    measure that undergoes what its clause's agent does ("the Act had been misused by the
    police") is not what is judged: the doer is."""
    if any(governs(s, ec) for s in speakers):
        return []  # a minister or department judging "the legislation" judges its own side's
    if noun.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in noun.head.children):
        return []
    if any(m.entity_type == "LAW" for m in ec.index.all_at(noun)):
        return national_government(ec.index)
    if lemma_in(noun, STATE_CUSTODY_NOUNS) or noun.lower_ in STATE_CUSTODY_NOUNS:
        return _state_custody(ec, noun) if any(is_court(s) for s in speakers) else []
    if not lemma_in(noun, GOVERNMENT_MEASURE_NOUNS) and noun.lower_ not in GOVERNMENT_MEASURE_NOUNS:
        return []
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "these") for c in noun.children):
        return []
    if any(c.dep_ in ("poss", "compound", "nmod", "prep", "relcl") for c in noun.children):
        return []  # "the hunting ban", "the law on asylum", "the bill he introduced": said which
    return national_government(ec.index)


def measured_government(ec: EventContext, draft: Draft) -> None:
    """ "Archbishop Tutu criticised the measures", "the Lib Dems oppose the bill": a verb's
    criticism or refusal with no target, whose object (a passive's subject) is a definite
    measure a government enacts that names no owner, and for which the article gave no
    owner before (`actors.py` tried `proposal_object_owner` first), is aimed at the national
    government (`government_measure`), unless a source governs; run once the draft's type
    is settled."""
    if draft.targets or draft.event_type not in ("ACCUSE", "REJECT") or draft.token.pos_ != "VERB":
        return
    judged = judged_dep(draft.token)
    for obj in draft.token.children:
        if obj.dep_ == judged and not draft.targets:
            assign(draft, "targets", government_measure(ec, obj, draft.sources))


def is_court(mention: Mention) -> bool:
    """A court by its name: a court word (event_senses.yaml courts: "the High Court") or a
    court phrase (events.yaml court_phrases: "the Law Lords")."""
    words = mention.name.lower().split()
    if set(words) & load_senses().classes["courts"]:
        return True
    return any(pair in COURT_PHRASES for pair in zip(words, words[1:], strict=False))


def _state_custody(ec: EventContext, noun: Token) -> list[Mention]:
    """ "the law lords said current detentions without trial broke human rights laws", "ruled
    that the detention of 12 foreign terror suspects was unlawful": holding or removing people
    (`state_custody_nouns`) is a state's act, and a court judges its own state's, so one that
    names no doer is the national government's when a court judges it (a critic's "detentions
    without trial were unacceptable" may be of another state's camp); its "of" phrase names
    who is held, and its "without" phrase how. A possessive or a name on it that names a
    state, a body or a place ("Israel's detention of", "US detentions", "Guantanamo
    detentions") or a "by" agent names the doer instead; a person's, a pronoun's or a plain
    noun's names who is held, as "of" does ("the men's detention", "his deportation"), or what
    kind ("immigration detention")."""
    modifiers = [c for c in noun.children if c.dep_ in ("poss", "compound", "nmod")]
    if not all(_held_or_kind(ec, c) for c in modifiers if c.pos_ in ("PROPN", "PRON", "NOUN")):
        return []
    if any(c.dep_ == "prep" and c.lower_ == "by" for c in noun.children):
        return []
    if any(c.dep_ == "det" and c.lower_ not in ("the", "this", "these", "such") for c in noun.children):
        return []  # "a detention", "any internment": not one the government carried out
    return national_government(ec.index)


def _held_or_kind(ec: EventContext, modifier: Token) -> bool:
    """Whether a possessive or noun on a custody noun names who is held or the kind of
    custody, not its doer: a pronoun ("his detention"), a person ("Abu Hamza's deportation"),
    or a common noun no actor's mention covers ("the men's detention", "immigration
    detention")."""
    mentions = [m for m in ec.index.all_at(modifier) if m.kind != "pronoun"]
    if modifier.pos_ == "PRON":
        return True
    if mentions:
        return all(m.entity_type == "PERSON" for m in mentions)
    return modifier.pos_ == "NOUN"


_THIRD_PERSON_OR_POSSESSIVES = THIRD_PERSON | POSSESSIVES


def pronoun_antecedent(
    ec: EventContext, clause: Token, span: Span, speaker: Mention, spoken_of: list[Mention] | None = None
) -> list[Mention]:
    """ "LG Group will have to participate, but they have been stalling": a judging clause
    whose subject is a third-person pronoun no mention resolves judges the last actor the
    quote named before it (a person, body or country, never the speaker); with none there,
    whom the quote is said of ("Mr Kennedy said of the prime minister: 'He is arrogant'"),
    else for a "they" the body `plural_antecedent` finds before it and for a "he" or "she"
    the last person named before it in its sentence or the one before, not the speaker
    ("'He has betrayed the trust of the people,' Mr Howard said" after Tony Blair is named).
    A subject's possessive pronoun stands in for it ("Michael Howard's speech confirms that
    his only strategy is opportunism"), taking up only an actor the quote named before it:
    outside the quote, "his" is as often the speaker's own, unless the speaker is a body
    ("Labour claim his planned savings don't add up"): then "his" or "her" is the last
    person named before it."""
    subjects = nominal_subjects(subject_holder(clause))
    # "his only strategy is opportunism": the possessive pronoun of the subject stands in for it
    subjects = [next((c for c in s.children if c.dep_ == "poss" and c.lower_ in POSSESSIVES), s) for s in subjects]
    if not subjects or subjects[0].lower_ not in _THIRD_PERSON_OR_POSSESSIVES or ec.index.all_at(subjects[0]):
        return []
    before = [t for t in span if t.i < subjects[0].i]
    named = [m for m in actors_in(ec, before, span, speaker) if m.kind != "pronoun"]
    sentence = ec.ctx.sentence_at(subjects[0].idx)
    if named or sentence is None:
        return named[-1:]
    if subjects[0].lower_ in ("his", "her") and speaker.entity_type != "PERSON" and speaker.kind != "pronoun":
        # "Labour claim his planned savings don't add up": a body's words cannot mean its own "his"
        return _person_before(ec, subjects[0], sentence, speaker, SUBJECT_FORMS[subjects[0].lower_])
    if subjects[0].lower_ in POSSESSIVES:
        return []  # a possessive only takes up an actor its own quote named before it
    if spoken_of is not None:
        return spoken_of
    if subjects[0].lower_ in ("he", "she"):
        return _person_before(ec, subjects[0], sentence, speaker, subjects[0].lower_)
    return plural_antecedent(ec, subjects[0], sentence, speaker)  # "they" for a body named before the quote


def _person_before(
    ec: EventContext, pronoun: Token, sentence: Sentence, speaker: Mention, gendered: str
) -> list[Mention]:
    """The last named person (or a pronoun resolved to one) before the pronoun, in its
    sentence or the one before, who is not the speaker (by surname: "Michael Howard" is
    "Mr Howard") and whose title or given name does not give the other gender ("Ruth Kelly
    promised reforms. Labour claim his plans do not add up": not Ruth Kelly)."""
    own = _surname(speaker.name)
    for mention in persons_before(ec.index, pronoun, sentence.sentence_id, gendered):
        if not same_actor(mention, speaker) and _surname(mention.name) != own:
            return [mention]
    return []


def _surname(name: str | None) -> str:
    return (name or "").split()[-1].lower() if name else ""


def actors_in(ec: EventContext, words: list[Token], span: Span, speaker: Mention) -> list[Mention]:
    named: list[Mention] = []
    pronouns: list[Mention] = []
    for word in words:
        if not (span.start <= word.i < span.end) or theatre_name(word):
            continue
        for mention in ec.index.all_at(word) or _this_government(ec, word):
            if not is_actor(mention) or same_actor(mention, speaker):
                continue
            if mention.kind == "pronoun":
                if mention.surface.lower() not in SPEAKER_PRONOUNS:
                    pronouns.append(mention)
            elif mention.entity_type != "LOCATION":
                named.append(mention)
    return unique(named) or unique(pronouns[:1])


def _this_government(ec: EventContext, word: Token) -> list[Mention]:
    """ "This dodgy government that brought us the dodgy dossier": in a quote, "this
    government" (or "the government" the mention layer left unresolved), or a bare
    "government" compounded onto the judged noun ("government proposals are unrealistic",
    "save £4bn on government waste"), is the government the article's other "the
    government" mentions resolve to, when they all name one."""
    if word.lower_ != "government":
        return []
    determined = any(c.lower_ in ("this", "the") for c in word.children if c.dep_ == "det")
    # "government proposals", "government waste": a bare "government" naming whose the judged thing is
    # only on the judged thing itself, its clause's subject or the word of blame ("the Tory
    # plan to cut government spending was reckless" judges the plan, not the government)
    bare = (
        word.dep_ == "compound"
        and word.head.pos_ == "NOUN"
        and not list(word.children)
        and (word.head.dep_ in ("nsubj", "nsubjpass") or criticises(word.head))
    )
    if not (determined or bare):
        return []
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in word.children):
        return []  # "the government of Iraq"
    return national_government(ec.index)


def theatre_name(word: Token) -> bool:
    """ "the Iraq war could be illegal": a name compounded onto a word of fighting names where
    the fighting was, not who is judged (quarrel_words in events.yaml)."""
    node = word
    while node.dep_ == "compound" and node.head.i != node.i:
        node = node.head
        if node.pos_ == "NOUN" and node.lemma_.lower() in QUARREL_WORDS:
            return word.ent_type_ in ("GPE", "LOC", "NORP")
    return False
