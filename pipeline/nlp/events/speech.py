"""Events from reported speech: a quote that criticises a named actor is ACCUSE.

"X said Mr Howard's proposals were 'unworkable'", "'This government has shown crass
insensitivity,' said Y": PLOVER codes criticism as ACCUSE (disapprove) when it is made,
with the speaker as source and the criticised actor as target. The quotes come from the
quotes extractor (its speakers are right about nine times in ten); a quote criticises when
a judging word of it is negative (the stance lexicon's `evaluative_negative` at weight
0.6 or more, or a criticism word or phrase of `events.yaml`: "questions to answer", "let
the country down", "cannot be trusted") and not negated; a speaker the quotes layer leaves
unnamed because it is a group noun ("Labour backbenchers said") speaks as the party or group
the noun phrase names; the target is an actor
named as the subject of that word's clause or in the judged noun phrase (the possessor of
the criticised thing: "Blair's plans" -> Blair), else anywhere in the clause unless the word
sits in an adverbial phrase ("rebuild after the disaster" judges no actor); a clause whose
subject is a "they" or "it" no mention resolves judges the last actor the quote named
before it ("LG Group will have to participate, but they have been stalling"), else whom the
quote is said of ("said of Y: ..."), else the body or person named just before; a judged
"the plans" or "the claims" naming no one is its owner or maker named earlier. The speaker is
never their own target, "I" and "we" never a target, and a quote whose criticism names no
actor gives no event (criticism of a
product or "the system" is a stance only). A quote whose sentence already reports an
ACCUSE event by the same speaker gives none, and one speaker's criticism of one target is
one event per article. A stance of the stances extractor that opposes a named actor (its
target mention) is the same criticism, found where no judging word is ("X said Y's
proposals would mean there would be no safe haven").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Span, Token

from pipeline.nlp.events.actors import relative_doers
from pipeline.nlp.events.draft import (
    ASSERTED,
    Draft,
    EventContext,
    actor_key,
    governs,
    is_actor,
    is_question,
    lemma_in,
    national_government,
    plural_antecedent,
    pobjs,
    quote_span,
    speech_act_draft,
    unique,
)
from pipeline.nlp.events.hypotheticals import judges_a_hypothetical
from pipeline.nlp.events.modality import saying_modality
from pipeline.nlp.events.owners import SUBJECT_FORMS, claim_maker, possessed_owner, pronoun_referent, proposal_owner
from pipeline.nlp.events.phrases import np_actors
from pipeline.nlp.events.subjects import persons_before, subject_actors, subject_person_before
from pipeline.nlp.events.vocabulary import (
    APPROVAL_WORDS,
    BLAMED_PEOPLE_NOUNS,
    CLAIM_NOUNS,
    CLAUSE_DENIAL_VERBS,
    CONDUCT_ADVERBS,
    CONDUCT_VERBS,
    CONSEQUENCE_VERBS,
    CRITICISM_PHRASES,
    CRITICISM_WORDS,
    DISMISSING_VERBS,
    DISTRUST_VERBS,
    EXCESS_WORDS,
    GOVERNMENT_MEASURE_NOUNS,
    HARM_WORDS,
    INACTION_VERBS,
    LABELLING_VERBS,
    LAWBREAKING_VERBS,
    MANNER_NOUNS,
    MISGIVING_NOUNS,
    NEGATING_VERBS,
    NORM_NOUNS,
    OPPOSING_PREFIXES,
    PROPOSAL_NOUNS,
    QUARREL_WORDS,
    REPORT_NOUNS,
    REPORTING_VERBS,
    SHORTCOMING_PHRASES,
    SHORTFALL_VERBS,
    SOUNDNESS_VERBS,
    SPEAKING_OCCASIONS,
    VIRTUE_PHRASES,
    VIRTUE_WORDS,
)
from pipeline.nlp.lexicons import Trigger, load_stance_lexicon
from pipeline.nlp.quotes import is_accusation
from pipeline.nlp.records import Mention, Quote, Sentence, Stance
from pipeline.nlp.stances.words import CLASSIFYING_ADJECTIVES
from pipeline.nlp.syntax import (
    DEFINITE_DETS,
    NEGATION_WORDS,
    has_neg,
    hyphen_joined,
    hyphen_prefix,
    is_condition,
    is_passive,
    is_subject,
    mention_root,
    nominal_subjects,
)
from pipeline.nlp.token_view import view_of

CRITICISM_WEIGHT = 0.6  # stance-lexicon weight from which a judging word criticises
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "xcomp", "csubj", "acl"})
CIRCUMSTANCE_PREPS = frozenset({"after", "before", "since", "during", "amid", "following", "despite", "over", "in"})
THIRD_PERSON = frozenset({"he", "she", "they", "it"})
POSSESSIVES = frozenset({"his", "her", "their", "its"})
SPEAKER_PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our", "you", "your", "myself", "ourselves"})
ACCUSE_SPEECH = Trigger(
    lemma="criticism", event_type="ACCUSE", mode="disapprove", cameo_root="11", quad="verbal_conflict", pos="NOUN"
)
PRAISE_SPEECH = Trigger(
    lemma="praise", event_type="SUPPORT", mode=None, cameo_root="05", quad="verbal_coop", pos="VERB"
)


def _judging_forms(token: Token) -> list[str]:
    """The word, its lemma, and for an adverb in "-ly" the adjective it is made from
    ("foolishly" -> "foolish", "angrily" -> "angry"): an adverb judges as its adjective does."""
    forms = [token.lower_, token.lemma_.lower()]
    word = token.lower_
    if token.pos_ == "ADV" and word.endswith("ly") and len(word) > 4:
        forms += [word[:-3] + "y" if word.endswith("ily") else word[:-2]]
    return forms


REPROACH_MODALS = frozenset({"should", "ought"})


def _reproach(token: Token) -> bool:
    """ "the government should have acted sooner", "he should have had a strategy": an active
    past participle under "should / ought to have" says its subject failed to do what it
    had to, a reproach of that subject. Not a passive ("should have been consulted" pities
    its subject), not under or over a condition ("if Parliament wanted ... it should have done
    so") and not negated ("shouldn't have been there" is judged by `negated`)."""
    if token.tag_ != "VBN" or token.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if any(c.dep_ == "auxpass" for c in auxes):
        return False
    if not any(c.lower_ in REPROACH_MODALS for c in auxes) or not any(c.lemma_ == "have" for c in auxes):
        return False
    if any(c.dep_ == "mark" for c in token.children):
        return False
    # a condition under it, or one it sits in (where the parser hangs it inside the "if" clause)
    conditions = [c for c in token.children if c.dep_ == "advcl"] + [a for a in token.ancestors if a.dep_ == "advcl"]
    return not any(is_condition(c) for c in conditions)


def _breaks_a_norm(token: Token) -> bool:
    """ "the measures broke human rights laws", "she broke a convention": a verb of breaking
    (`lawbreaking_verbs`) whose object is a norm (`norm_nouns`) charges its subject, as does
    falling short of one or going back on it (`shortfall_verbs`: "his conduct had fallen well
    below the standards expected", "fell short of the rules", "went back on a pledge")."""
    if token.pos_ != "VERB":
        return False
    if lemma_in(token, LAWBREAKING_VERBS):
        return any(c.dep_ == "dobj" and c.lemma_.lower() in NORM_NOUNS for c in token.children)
    return bool(_norms_fallen_short_of(token))


def _norms_fallen_short_of(verb: Token) -> list[Token]:
    """ "fell short of the rules", "had fallen well below the standards expected": the norms
    (`norm_nouns`) a verb of shortfall (`shortfall_verbs`) says its subject falls short of."""
    lemma = verb.lemma_.lower()
    norms: list[Token] = []
    for word in verb.children:
        if (lemma, word.lower_) not in SHORTFALL_VERBS:
            continue
        if word.dep_ == "prep":
            preps = [word]
        else:
            # "fell short of the rules"; "went back on a pledge", where the parser hangs the
            # preposition after the particle on the verb
            preps = [c for c in word.children if c.dep_ == "prep" and c.lower_ == "of"]
            preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" and c.i == word.i + 1]
        norms += [p for prep in preps for p in pobjs(prep) if p.lemma_.lower() in NORM_NOUNS]
    return norms


def _spared(token: Token) -> set[int]:
    """Positions of the words around a judging word that name whom its charge concerns, not
    whom it charges: the norm one falls short of, with whoever set it ("the deal fell short of
    the agreement signed by Mr Blair"), what a phrase of blame is about ("stood in the way of
    Yahoo's success": the "of" phrase after `criticism_phrases`), and whom a judging noun
    befalls ("the decision was a disappointment to Mr Blair", "an insult to voters": its "to"
    or "for" phrase)."""
    spared = {t.i for norm in _norms_fallen_short_of(token) for t in norm.subtree}
    if length := _criticising_phrase_length(token):
        last = token.doc[token.i + length - 1]
        spared |= {t.i for c in last.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree}
    if token.pos_ == "NOUN":
        spared |= {t.i for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "for") for t in c.subtree}
    return spared


MILD_DEGREES = frozenset({"bit", "little"})  # "a bit late", "a little slow"
QUANTITY_WORDS = frozenset({"little", "much", "many", "few", "far"})


def _excess(token: Token) -> bool:
    """ "rush it through too quickly", "had too much freedom", "far too little": a degree
    word under "too" (`excess_words`) says its clause's actor does too much or too little;
    so does a word of pace or strength under "a bit" / "a little" ("the Tories are a bit
    late to the issue", "ministers were a little slow to act"), a softened "too" (not a
    quantity: "a little more" is no charge)."""
    if token.lower_ not in EXCESS_WORDS:
        return False
    if any(c.dep_ == "advmod" and c.lower_ == "too" for c in token.children):
        return True
    return token.lower_ not in QUANTITY_WORDS and any(
        c.dep_ == "npadvmod" and c.lower_ in MILD_DEGREES and any(d.lower_ == "a" for d in c.children)
        for c in token.children
    )


def _unsound(token: Token) -> bool:
    """ "their sums did not add up", "the figures don't stack up": a denied verb of
    soundness (`soundness_verbs`) judges whoever owns what does not hold together."""
    if token.pos_ != "VERB" or not has_neg(token):
        return False
    particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
    return any(verb == token.lemma_.lower() and particle in particles for verb, particle in SOUNDNESS_VERBS)


def _untrusted(token: Token) -> bool:
    """ "Mr Blair cannot be trusted": a denied passive verb of trust (`distrust_verbs`)
    judges its subject; like `_unsound`, the denial is the criticism."""
    if token.pos_ != "VERB" or not lemma_in(token, DISTRUST_VERBS) or not has_neg(token):
        return False
    return is_passive(token)


def _denied_virtue(token: Token) -> bool:
    """ "Mr Blair was not fit to be prime minister", "he has not been straightforward", "was not
    best placed to run the arts", "had not told the truth", "has not done enough": a word of
    honesty or fitness denied as the complement of "be" or as a passive participle
    (`virtue_words`), an adverb of sound conduct on a denied active verb of conduct ("is not
    behaving sensibly": `conduct_adverbs`, `conduct_verbs`; "had not been sleeping properly" is
    no conduct), or a duty's verb and object denied (`virtue_phrases`), charges the subject
    with lacking it; like `_untrusted`, the denial is the criticism. Not
    in a condition ("if he was not honest"), in an inverted question ("isn't he honest?"), under
    "can" / "could" (`_of_ability`) nor in a clause a denial governs (`denied_above`)."""
    if token.pos_ == "ADJ" and token.dep_ == "acomp" and token.lower_ in VIRTUE_WORDS:
        verb = token.head
    elif token.tag_ == "VBN" and token.lower_ in VIRTUE_WORDS and _fit_for(token):
        verb = token  # "was not best placed to run the arts", "is not equipped to govern"
    elif token.pos_ == "VERB" and any(
        (token.lemma_.lower(), c.lemma_.lower()) in VIRTUE_PHRASES for c in token.children if c.dep_ == "dobj"
    ):
        verb = token
    elif (
        token.dep_ == "advmod"
        and token.lower_ in CONDUCT_ADVERBS
        and token.head.pos_ == "VERB"
        and lemma_in(token.head, CONDUCT_VERBS)
    ):
        verb = token.head  # "it is not behaving sensibly", "has not acted responsibly"
        if is_passive(verb):
            return False
    else:
        return False
    if not has_neg(verb) or _rhetorical(verb) or _of_ability(verb) or denied_above(verb):
        return False
    return not any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children)


ABILITY_MODALS = frozenset({"can", "could", "ca"})  # "ca" of "can't"


def _of_ability(verb: Token) -> bool:
    """ "Nurses could not do enough for my mother", "could not be more helpful": a denied duty
    under "can" or "could" says no one could do more, which praises."""
    return any(c.dep_ == "aux" and c.lower_ in ABILITY_MODALS for c in verb.children)


def denied_above(verb: Token) -> bool:
    """ "denied that Mr Darling had not told the truth", "nobody could claim he had not told the
    truth", "did not say he was not fit": a denial in a clause the judging clause is the
    complement of (a negated verb, a negative subject, a verb of denial: `CLAUSE_DENIAL_VERBS`)
    takes back the charge."""
    node = verb
    while node.dep_ in ("ccomp", "xcomp") and node.head.i != node.i:
        node = node.head
        if has_neg(node) or lemma_in(node, CLAUSE_DENIAL_VERBS):
            return True
        if any(c.dep_ in ("nsubj", "nsubjpass") and _negative(c) for c in node.children):
            return True
    return False


def _negative(noun: Token) -> bool:
    """ "nobody", "none", "no one", "no minister": a noun phrase that names no one."""
    return noun.lower_ in NEGATION_WORDS or any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _fit_for(participle: Token) -> bool:
    """ "was not best placed to run the arts": a passive participle of fitness judges only with
    the task it names ("should not be placed in the situation" puts someone somewhere)."""
    if not is_passive(participle):
        return False
    return any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in participle.children)


def _shortcoming(token: Token) -> bool:
    """ "Labour has let pensioners down", "he had lost the trust of the people": a verb with
    the particle or object of a failing (`shortcoming_phrases`) charges its subject."""
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    # the particle, or the adverb the parser makes a clause of ("let the country down")
    words = {c.lower_ for c in token.children if c.dep_ == "prt" or (c.dep_ == "ccomp" and c.pos_ == "ADP")}
    words |= {c.lemma_.lower() for c in token.children if c.dep_ == "dobj"}
    return any(verb == lemma and word in words for verb, word in SHORTCOMING_PHRASES)


def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    found: dict[str, list[tuple[str, ...]]] = {}
    for words in phrases:
        found.setdefault(words[0], []).append(words)
    return found


_CRITICISM_BY_FIRST_WORD = _by_first_word(CRITICISM_PHRASES)


def _criticising_phrase(token: Token) -> bool:
    """ "the government is out of touch", "he has questions to answer": the word starts a
    phrase of blame (`criticism_phrases`, looked up by their first word)."""
    return _criticising_phrase_length(token) > 0


def _criticising_phrase_length(token: Token) -> int:
    """The number of words of the longest phrase of blame (`criticism_phrases`) the word
    starts, 0 where it starts none."""
    doc = token.doc
    return max(
        (
            len(words)
            for words in _CRITICISM_BY_FIRST_WORD.get(token.lower_, ())
            if token.i + len(words) <= len(doc) and all(doc[token.i + k].lower_ == w for k, w in enumerate(words))
        ),
        default=0,
    )


CONSEQUENCE_MODALS = frozenset({"could", "would", "might", "may", "will"})
LESSENING_WORDS = frozenset({"less", "fewer", "lower", "reduced", "no"})


def _harmful_outcome(token: Token) -> bool:
    """ "These plans could result in those with extreme views dictating policing", "the plan
    could create conflict between chief constables and officials": a proposal (events.yaml
    proposal_nouns) as the subject of a verb of consequence under "could", "would" or "will"
    (consequence_verbs) whose outcome names a harm (harm_words) warns against the proposal,
    a criticism of its owner."""
    if token.pos_ != "VERB" or not lemma_in(token, CONSEQUENCE_VERBS) or has_neg(token):
        return False
    if denied_above(token) or any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in token.children):
        return False  # "denied that the plans would cause delays", "asked whether they would"
    if not any(c.dep_ == "aux" and c.lower_ in CONSEQUENCE_MODALS for c in token.children):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lemma_.lower() not in PROPOSAL_NOUNS:
        return False
    # the object where there is one ("create conflict"; "bring an end to the conflict" brings an
    # end), else the complements ("result in ...", "lead to ...")
    objects = [c for c in token.children if c.dep_ == "dobj"]
    complements = objects or [c for c in token.children if c.dep_ not in ("nsubj", "aux", "punct", "cc", "conj")]
    outcome = [t for c in complements for t in c.subtree]
    return any(
        (t.lower_ in HARM_WORDS or t.lemma_.lower() in HARM_WORDS)
        and not any(c.lower_ in LESSENING_WORDS or c.dep_ == "neg" for c in t.children)  # "less disorder"
        and not _owned_by_phrase(t, token)  # "an end to the conflict", "the eradication of poverty"
        for t in outcome
    )


def _owned_by_phrase(word: Token, verb: Token) -> bool:
    """Whether, between the word and the verb, the word sits in a noun's "of" or "to" phrase
    ("the eradication of poverty", "an end to the conflict"): what that noun does to it."""
    node = word
    while node.head.i != node.i and node.head.i != verb.i:
        if node.dep_ == "pobj" and node.head.lower_ in ("of", "to") and node.head.head.pos_ == "NOUN":
            return True
        node = node.head
    return False


def criticises(token: Token) -> bool:
    if hyphen_prefix(token)[:-1] in OPPOSING_PREFIXES:
        return False  # "non-fiction", "anti-corruption drives": no one is blamed
    if token.dep_ == "amod" and token.lower_ in CLASSIFYING_ADJECTIVES:
        return False  # "the criminal investigation", "terrorist suspects": a kind, no judgement
    if _reproach(token) or _breaks_a_norm(token) or _excess(token) or _shortcoming(token):
        return True
    if _harmful_outcome(token):
        return True
    if _criticising_phrase(token):
        return True
    if (
        token.lower_ == "nothing"
        and token.dep_ == "dobj"
        and lemma_in(token.head, INACTION_VERBS)
        and not list(token.children)
    ):
        return True  # "had done nothing for eight years": a charge of inaction ("nothing wrong" is none)
    lexicon = load_stance_lexicon()
    for word in _judging_forms(token):
        if word in CRITICISM_WORDS:
            return True
        weight = lexicon.evaluative(word)
        if weight is not None and weight <= -CRITICISM_WEIGHT:
            return True
    return False


def negated(token: Token) -> bool:
    """ "not illegal", "was not a failure": the judging word or its head is negated. A "not"
    after a comma that the parser hangs on the word ("huge waste, not on the frontline but
    on bureaucracy") contrasts what follows it and leaves the word asserted."""
    doc = token.doc
    if any(c.dep_ == "neg" and not (c.i > token.i and doc[c.i - 1].text == ",") for c in token.children):
        return True
    if _nobody_does(token):
        return True
    head = token.head
    negated = token.dep_ in ("acomp", "attr", "amod", "dobj") and head.i != token.i and has_neg(head)
    return negated and not _rhetorical(head) or _lacked(token)


def _lacked(token: Token) -> bool:
    """ "to pursue good policy without accusations of bad faith": a judging word inside the
    noun phrase of a "without" phrase names what is absent, it judges no one."""
    node = token
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        if node.dep_ == "pobj" and node.head.lower_ == "without":
            return True
        node = node.head
    return False


def _nobody_does(verb: Token) -> bool:
    """ "nothing is going to get in the way of a unified party", "no one has failed": a verb
    whose subject (or, for an infinitive, its governing verb's) is a negative word does
    nothing of what it says."""
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
    return verb.pos_ in ("VERB", "AUX") and any(is_subject(c) and c.lower_ in NEGATION_WORDS for c in verb.children)


def _rhetorical(verb: Token) -> bool:
    """ "isn't it ironic that they're saying there is no choice", "is it not absurd": a negated
    auxiliary before its own subject asks a question that asserts what it seems to deny (a
    plain denial puts the subject first: "it isn't ironic")."""
    if verb.pos_ != "AUX" and verb.lemma_ not in ("be", "do", "have"):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "expl")]
    negations = [c for c in verb.children if c.dep_ == "neg"]
    return bool(subjects and negations) and all(s.i > verb.i for s in subjects)


def _clause(token: Token, span: Span) -> Token:
    """The head of the clause a word sits in, inside the quote."""
    node = token
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and node.dep_ in CLAUSE_DEPS:
            return node
        head = node.head
        if head.i == node.i or not (span.start <= head.i < span.end):
            return node
        node = head
    return node


def same_actor(a: Mention, b: Mention) -> bool:
    if a.mention_id == b.mention_id:
        return True
    return actor_key(a) == actor_key(b) or (a.antecedent is not None and a.antecedent == b.mention_id)


def _judged_tokens(token: Token, clause: Token, with_subject: bool = True) -> list[Token]:
    """Where the criticised actor is named: the judged noun's possessors, modifiers and "of",
    "by" or "from" phrases ("Labour's failure", "a failed Tory past", "the failure of the
    government", "a panicky response from the government"), and the subject of the judging
    clause ("this government has shown crass insensitivity") unless the word only names the
    circumstances; never the clause's objects ("help Indonesia rebuild after the disaster")."""
    noun = token if token.pos_ in ("NOUN", "PROPN") else None
    if noun is None and token.dep_ in ("amod", "compound") and token.head.pos_ in ("NOUN", "PROPN"):
        noun = token.head
    out: list[Token] = []
    if noun is not None:
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod") or (
                child.dep_ == "prep" and child.lower_ in ("of", "by", "from")
            ):
                out += list(child.subtree)
            elif child.dep_ == "acl" and child.tag_ == "VBN":
                # "the reckless spree planned by the Tories": the participle's agent
                out += [t for a in child.children if a.dep_ == "agent" for t in a.subtree]
            elif child.dep_ == "relcl":
                # "the cavalier way in which this government operates": who does what is judged
                out += relative_doers(child)
    for child in _subject_holder(clause).children if with_subject else ():
        if child.dep_ == "csubj":
            out += _clausal_subject_doers(child)
        elif child.dep_ in ("nsubj", "nsubjpass", "agent", "expl"):
            out += list(child.subtree)
    if token.dep_ == "nsubj" and token.head.i == clause.i and _criticising_phrase(token):
        # "the jury is still out on the Home Office's ability": a phrase of doubt that is the
        # clause's subject judges what the clause's "on" phrase names
        heads = [clause, *(c for c in clause.children if c.dep_ == "advmod")]
        out += [t for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "on" for t in p.subtree]
    relative = clause.dep_ == "relcl" and any(
        c.dep_ in ("nsubj", "nsubjpass") and (c.tag_ == "WDT" or c.lower_ in ("who", "that", "which"))
        for c in clause.children
    )
    if with_subject and (clause.dep_ == "acl" or relative) and clause.head.pos_ in ("NOUN", "PROPN"):
        # "Tory attempts to spread cynicism": the doer names the noun the clause completes;
        # "a Labour government that had done nothing", "Mr Blair, who will waste more": the
        # noun the relative clause is about
        if relative:
            out.append(clause.head)
        for child in clause.head.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                out += list(child.subtree)
    return sorted(set(out), key=lambda t: t.i)


def _clausal_subject_doers(subject: Token) -> list[Token]:
    """ "Comparing the assembly government to Hitler's Germany is crass", "his attacking the
    unions was a mistake": a clause as subject is judged for what its doer does, so only that
    doer (its own subject or possessor) is judged, never whom the act is done to."""
    return [t for c in subject.children if c.dep_ in ("nsubj", "poss") for t in c.subtree]


def _judging_clause_words(clause: Token) -> list[Token]:
    """The judging clause's words where the judged actor may be named: a clause as its
    subject reduced to that clause's doer (`_clausal_subject_doers`), no phrase of the
    occasion of the words (`_occasion_phrase`), and no subordinate clause of reason or time
    ("it was discriminatory because it did not apply to British citizens": those it leaves
    out are not judged)."""
    inner = {t.i for c in clause.children if c.dep_ == "csubj" for t in c.subtree}
    inner |= {t.i for c in clause.children if c.dep_ == "advcl" and _has_mark(c) for t in c.subtree}
    inner |= {t.i for c in clause.children if _occasion_phrase(c) for t in c.subtree}
    doers = [t for c in clause.children if c.dep_ == "csubj" for t in _clausal_subject_doers(c)]
    return sorted([t for t in clause.subtree if t.i not in inner] + doers, key=lambda t: t.i)


def _occasion_phrase(child: Token) -> bool:
    """ "... would encourage corruption, in an interview on BBC Radio 4": a phrase of the
    occasion or medium of the words (`speaking_occasions`) names where they were said, not
    whom they judge."""
    return child.dep_ == "prep" and any(lemma_in(p, SPEAKING_OCCASIONS) for p in child.children if p.dep_ == "pobj")


def _has_mark(clause: Token) -> bool:
    return any(c.dep_ == "mark" for c in clause.children)


def _subject_holder(clause: Token) -> Token:
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


def judged_actors(
    ec: EventContext, token: Token, span: Span, speaker: Mention, spoken_of: list[Mention] | None = None
) -> list[Mention]:
    """Actors the judged phrase or the judging clause's subject names, named ones before
    pronouns, never the speaker or "we"; `spoken_of` is whom the quote is said of. Also
    what a court's finding judges (`rulings.court_findings`)."""
    if (misgiving := _misgiving(token)) is not None:
        # "the Tories had grave reservations about Mr Clarke's plans": the holder is not judged
        about = [t for c in misgiving.children if c.dep_ == "prep" and c.lower_ in ("about", "over") for t in c.subtree]
        return _actors_in(ec, about, span, speaker)
    clause = _clause(token, span)
    circumstance = _circumstance(token, clause)
    judged = _judged_tokens(token, clause, not circumstance)
    found = _actors_in(ec, judged, span, speaker)
    if token.lower_ in BLAMED_PEOPLE_NOUNS and token.pos_ == "NOUN":
        # "attacks blamed on Welsh extremists": the people blamed are the noun's; a
        # nationality or a word taken for a person before it only classifies them
        classifiers = {t.i for c in token.children if c.dep_ in ("compound", "amod") for t in c.subtree}
        found = [
            m
            for m in found
            if not (m.kind == "demonym" or m.entity_type == "PERSON")
            or not any(t.idx == m.char_start and t.i in classifiers for t in span)
        ]
        if not found and (classifiers or _predicted_doers(token)):
            return []
    if found or circumstance or any(_theatre_name(t) for t in judged):
        return found  # "the Iraq war could be illegal" judges the war, not an actor
    if (
        token.i == clause.i
        and token.pos_ == "VERB"
        and any(c.dep_ == "dobj" for c in token.children)
        and not _breaks_a_norm(token)
        and not _harmful_outcome(token)
    ):
        # "would undermine the UN", "misled Parliament": a judging verb's object is who it
        # harms, not who is judged; only its subject (above, or a pronoun's antecedent) is
        # (a broken norm is no one harmed: "violated US law" is read as before; nor is a
        # harm a proposal brings: "the plan could create conflict" judges the plan's owner)
        return _pronoun_antecedent(ec, clause, span, speaker, spoken_of)
    spared = _spared(token)
    found = _actors_in(ec, [t for t in _judging_clause_words(clause) if t.i not in spared], span, speaker)
    return (
        found
        or _pronoun_antecedent(ec, clause, span, speaker, spoken_of)
        or _proposal_owner(ec, clause, speaker)
        or _unnamed_doer(ec, token, clause, speaker)
    )


def _predicted_doers(noun: Token) -> bool:
    """ "Terrorists might try to target the UK": people of blame as the subject of a clause
    under a modal are a risk foretold; whom they may act on is not judged."""
    return is_subject(noun) and any(c.dep_ == "aux" and c.tag_ == "MD" for c in noun.head.children)


def _misgiving(token: Token) -> Token | None:
    """The misgiving noun (events.yaml misgiving_nouns) a judging word is or qualifies
    ("grave reservations", "serious doubts"): what it is about is judged, not its holder."""
    noun = token.head if token.dep_ == "amod" else token
    return noun if noun.pos_ == "NOUN" and lemma_in(noun, MISGIVING_NOUNS) else None


def _unnamed_doer(ec: EventContext, token: Token, clause: Token, speaker: Mention) -> list[Mention]:
    """ "Far too little has been done to enable adult learners", "too many mistakes have been
    made": a measure of too little or too much (`_excess`) as the subject of a passive with no
    agent judges the record of whoever had to act, unnamed; in a story whose "the government"
    names one national government, one who does not govern it (an opposition spokesman, a
    union, a charity) judges that government's record, as `_government_measure` reads "the
    legislation". Other judged passives ("they were abused at the camp") leave the doer open;
    a minister's or department's own, a condition's ("if someone was wrongly given") or a
    modal's judge no one."""
    if not _excess(token) or not any(c.dep_ == "nsubjpass" and token in c.subtree for c in clause.children):
        return []
    if any(c.dep_ == "agent" for c in clause.children) or not is_passive(clause):
        return []
    if clause.tag_ != "VBN" or clause.dep_ not in ("ROOT", "ccomp", "conj") or governs(speaker, ec):
        return []
    if any(c.dep_ == "mark" or (c.dep_ == "aux" and c.tag_ == "MD") for c in clause.children):
        return []
    return national_government(ec.index)


def _proposal_owner(ec: EventContext, clause: Token, speaker: Mention) -> list[Mention]:
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
        or _government_measure(ec, subjects[0], [speaker])
    )


def _government_measure(ec: EventContext, noun: Token, speakers: list[Mention]) -> list[Mention]:
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
    if not lemma_in(noun, GOVERNMENT_MEASURE_NOUNS) and noun.lower_ not in GOVERNMENT_MEASURE_NOUNS:
        return []
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "these") for c in noun.children):
        return []
    if any(c.dep_ in ("poss", "compound", "nmod", "prep", "relcl") for c in noun.children):
        return []  # "the hunting ban", "the law on asylum", "the bill he introduced": said which
    return national_government(ec.index)


def _pronoun_antecedent(
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
    subjects = nominal_subjects(_subject_holder(clause))
    # "his only strategy is opportunism": the possessive pronoun of the subject stands in for it
    subjects = [next((c for c in s.children if c.dep_ == "poss" and c.lower_ in POSSESSIVES), s) for s in subjects]
    if not subjects or subjects[0].lower_ not in THIRD_PERSON | POSSESSIVES or ec.index.all_at(subjects[0]):
        return []
    before = [t for t in span if t.i < subjects[0].i]
    named = [m for m in _actors_in(ec, before, span, speaker) if m.kind != "pronoun"]
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


def _spoken_of(ec: EventContext, quote: Quote, speaker: Mention) -> list[Mention] | None:
    """ "Mr Kennedy said of the prime minister: ...": the actor a reporting verb's "of"
    phrase names, outside the quote, is whom the quote is about; None when no "of" phrase
    says whom (an empty list when one does but names no actor: no one else is guessed)."""
    sentence = ec.ctx.sentences[quote.sentence_id] if quote.sentence_id < len(ec.ctx.sentences) else None
    span = ec.ctx.sentence_span(sentence) if sentence is not None else None
    if span is None:
        return None
    found: list[Mention] = []
    said_of = False
    view = view_of(span.doc)
    for i in range(span.start, span.end):
        if quote.char_start <= view.idx[i] < quote.char_end or view.lower[i] != "of" or view.dep[i] != "prep":
            continue  # read from the view: a Token is made only for an "of" phrase
        token = span.doc[i]
        if not lemma_in(token.head, REPORTING_VERBS):
            continue
        said_of = True
        found += [
            m
            for p in token.children
            if p.dep_ == "pobj"
            for m in np_actors(p, ec.index)
            if is_actor(m) and m.kind != "pronoun" and m.entity_type != "LOCATION" and not same_actor(m, speaker)
        ]
    return unique(found) if said_of else None


def _circumstance(token: Token, clause: Token) -> bool:
    """ "rebuild after the disaster": a judging word in an adverbial phrase judges the
    circumstances, not the clause's actors; a phrase of manner ("acting in a petty and
    provocative manner", events.yaml manner_nouns) judges how they act, and an "in" phrase
    after "be" ("the Tories were in turmoil") what they are."""
    node = token
    while node.i != clause.i and node.head.i != node.i:
        if node.dep_ == "pobj" and node.head.lower_ in CIRCUMSTANCE_PREPS and not lemma_in(node, MANNER_NOUNS):
            # "acting in a provocative manner" judges the one acting; "the Tories were in
            # turmoil" says what they are (a predicate after "be"), no circumstance
            return not (node.head.lower_ == "in" and node.head.head.lemma_ == "be")
        node = node.head
    return False


def _actors_in(ec: EventContext, words: list[Token], span: Span, speaker: Mention) -> list[Mention]:
    named: list[Mention] = []
    pronouns: list[Mention] = []
    for word in words:
        if not (span.start <= word.i < span.end) or _theatre_name(word):
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


def _theatre_name(word: Token) -> bool:
    """ "the Iraq war could be illegal": a name compounded onto a word of fighting names where
    the fighting was, not who is judged (quarrel_words in events.yaml)."""
    node = word
    while node.dep_ == "compound" and node.head.i != node.i:
        node = node.head
        if node.pos_ == "NOUN" and node.lemma_.lower() in QUARREL_WORDS:
            return word.ent_type_ in ("GPE", "LOC", "NORP")
    return False


def speech_drafts(ec: EventContext, quotes: Iterable[Quote]) -> list[Draft]:
    """ACCUSE drafts for the quotes that criticise a named actor, by sentence order."""
    by_id = ec.index.by_id
    drafts: list[Draft] = []
    for quote in quotes:
        speaker = by_id.get(quote.speaker_mention_id or "") or group_speaker(ec, quote)
        if speaker is None or not is_actor(speaker) or speaker.surface.lower() in SPEAKER_PRONOUNS - {"we"}:
            continue
        if is_accusation(quote):
            continue  # "X accused Y of lying": the verb's own event is that criticism
        if (quote.speaker_surface or "").lower() == "it" and speaker.entity_type == "PERSON":
            # "The book, by X … It claims Blair felt he had lost trust": a document restating findings
            continue
        if _titled_place(ec, speaker):
            continue
        span = quote_span(quote, ec.ctx.doc)
        if span is None or not _said(ec, span):
            continue
        spoken_of = _spoken_of(ec, quote, speaker)
        scope = _fragment_scope(quote, span)
        for token in span:
            denied = _unsound(token) or _untrusted(token) or _denied_virtue(token)
            if not denied and (not criticises(token) or negated(token)):
                continue
            if judges_a_hypothetical(token):
                continue  # "it would be wrong to exclude students": nobody has done it
            targets = judged_actors(ec, token, scope, speaker, spoken_of)
            if not targets:
                continue
            sentence = ec.ctx.sentence_at(token.idx)
            if sentence is None:
                continue
            drafts.append(speech_act_draft(ACCUSE_SPEECH, token, sentence, [speaker], targets))
            break  # one criticism per quote
    return drafts


def _titled_place(ec: EventContext, speaker: Mention) -> bool:
    """ "According to a new book, Brown's Britain, ...": a country a person's name possesses
    names a book or an era, not the country speaking."""
    if speaker.entity_type != "COUNTRY":
        return False
    root = mention_root(ec.ctx.doc, speaker)
    return root is not None and any(
        c.dep_ == "poss" and any(m.entity_type == "PERSON" for m in ec.index.all_at(c)) for c in root.children
    )


def _said(ec: EventContext, span: Span) -> bool:
    """Whether the quote's cue verb (the verb its words hang from) reports words said:
    "Freddie Forsyth will be saying that the government didn't do enough" foretells them."""
    cue = span.root.head
    if span.start <= cue.i < span.end or cue.pos_ not in ("VERB", "AUX"):
        return True
    return saying_modality(cue, ec.lexicon) == ASSERTED


def attributed_quotes(ec: EventContext, quotes: Iterable[Quote]) -> Iterator[tuple[Mention, Span]]:
    """Each quote whose speaker is an actor (its speaker mention, or the group its speaker
    noun names), not "I", "we" or "you", with the quote's tokens: what praise and refusals
    (`praise`, `refusals`) read."""
    by_id = ec.index.by_id
    for quote in quotes:
        speaker = by_id.get(quote.speaker_mention_id or "") or group_speaker(ec, quote)
        if speaker is None or not is_actor(speaker) or speaker.surface.lower() in SPEAKER_PRONOUNS:
            continue
        span = quote_span(quote, ec.ctx.doc)
        if span is not None:
            yield speaker, span


FRAGMENT_DEPS = frozenset({"acomp", "attr", "dobj", "oprd", "amod", "appos", "conj", "npadvmod", "advmod"})


def _fragment_scope(quote: Quote, span: Span) -> Span:
    """ "... but Labour had been 'a bit complacent' about debt": a direct quote of a few words
    inside a reported clause judges that clause's actors, so the clause the fragment
    completes is where they are looked for (not when it hangs from the verb of saying:
    "he told BBC Radio 4: '...'" names whom he told)."""
    root = span.root
    head = root.head
    if quote.kind != "direct" or root.dep_ not in FRAGMENT_DEPS or span.start <= head.i < span.end:
        return span
    if head.pos_ not in ("VERB", "AUX") or lemma_in(head, REPORTING_VERBS | LABELLING_VERBS | {"tell"}):
        return span  # a label's clause is read by `labelled_drafts`
    return span.doc[head.left_edge.i : head.right_edge.i + 1]


def group_speaker(ec: EventContext, quote: Quote) -> Mention | None:
    """ "Labour backbenchers said the plans were unworkable", "Critics said ...": a quote whose
    speaker is a group named by a common noun (no speaker mention for the quotes layer)
    speaks, for its events, as the actor that noun phrase names: the party or body that
    modifies it ("Labour backbenchers", "Tory MPs": the party, as for a criticising verb's
    subject) or the group itself ("critics", "union leaders")."""
    surface = quote.speaker_surface
    sentence = ec.ctx.sentences[quote.sentence_id] if quote.sentence_id < len(ec.ctx.sentences) else None
    if not surface or sentence is None or surface.lower() in THIRD_PERSON | SPEAKER_PRONOUNS:
        return None
    start = ec.ctx.text.find(surface, sentence.char_start, sentence.char_end)
    if start < 0 or quote.char_start <= start < quote.char_end:
        return None
    span = ec.ctx.doc.char_span(start, start + len(surface), alignment_mode="expand")
    if span is None:
        return None
    actors = [m for m in np_actors(span.root, ec.index) if is_actor(m) and m.kind != "pronoun"]
    return actors[0] if len(actors) == 1 and actors[0].entity_type != "LOCATION" else None


def labelled_drafts(ec: EventContext, span: Span, sentence: Sentence) -> list[Draft]:
    """ACCUSE drafts for labels that criticise ("X branded Y's plans 'a shambles'", "described
    Y's policy as a disaster", "called the Tory proposals unworkable"), SUPPORT drafts for
    labels that approve and do not criticise ("described him as 'very talented'"): a labelling verb whose
    object or label holds a criticising word criticises the actor its object names (the
    object itself, its possessor or a name modifying it), the verb's subject the source. In
    the passive ("Y's plans were branded 'a shambles' by X") the passive subject is the
    labelled object and the "by" agent the source."""
    if is_question(sentence):
        return []
    drafts: list[Draft] = []
    doc, pos = span.doc, view_of(span.doc).pos
    for i in range(span.start, span.end):
        if pos[i] != "VERB":
            continue  # only a verb labels (tested from the view: no Token for other words)
        verb = doc[i]
        dismissing = lemma_in(verb, DISMISSING_VERBS) and any(
            c.dep_ == "prep" and c.lower_ == "as" for c in verb.children
        )
        if verb.pos_ != "VERB" or not (dismissing or lemma_in(verb, LABELLING_VERBS)) or _label_denied(verb):
            continue
        # "X branded Y's plans a shambles"; passive: "Y's plans were branded a shambles by X"
        passive = is_passive(verb)
        objects = _labelled_objects(verb, passive)
        if not objects:
            continue
        labels = [c for c in verb.children if c.dep_ in LABEL_DEPS]
        labels = [c for c in labels if c.dep_ != "dobj" or passive]
        words = [t for c in objects + labels for t in c.subtree if c.dep_ != "prep" or c.lower_ == "as"]
        judging = verb if dismissing else next((t for t in words if criticises(t) and not negated(t)), None)
        trigger = ACCUSE_SPEECH
        if judging is None and not dismissing:
            # "described Mr Campbell as 'very talented'", "called him a 'giant' of the movement":
            # an approving label with no criticism in it praises whom it labels (SUPPORT)
            judging = next((t for t in _label_heads(labels) if _approves(t)), None)
            trigger = PRAISE_SPEECH
        sources = [m for m in subject_actors(verb, ec.index) if is_actor(m)]
        if passive and not sources:
            # the parser often hangs the "by" agent on the label ("branded 'a shambles' by X")
            agents = [t for c in labels for t in c.subtree if t.dep_ in ("prep", "agent") and t.lower_ == "by"]
            sources = _by_actors(agents, ec)
            sources = [m for m in sources if is_actor(m)]
        if judging is None or not sources:
            continue
        sources = list({actor_key(m): m for m in sources}.values())  # "the Commission (IHRC)": one
        targets = [m for m in _labelled_actors(objects[0], ec, sources) if is_actor(m)]
        targets = [m for m in targets if m.entity_type != "LOCATION" and not any(same_actor(m, s) for s in sources)]
        if trigger is PRAISE_SPEECH:
            targets = [m for m in targets if _labels_the_person(objects[0], m)]
        if targets:
            drafts.append(speech_act_draft(trigger, verb, sentence, sources, unique(targets)))
    return drafts


def _label_denied(verb: Token) -> bool:
    """ "did not call him a liar", "refused to describe Mr Blair as talented": a labelling verb
    negated, or the infinitive of a verb that leaves it undone (`NEGATING_VERBS`), labels no one."""
    if has_neg(verb):
        return True
    return verb.dep_ == "xcomp" and verb.head.i != verb.i and lemma_in(verb.head, NEGATING_VERBS)


def _label_heads(labels: list[Token]) -> list[Token]:
    """The words that head a label ("a giant", "very talented", "as a great leader": "leader"),
    with their conjuncts ("honest and decent"); not the words that modify them ("the great
    pretender", "an economic giant": "pretender", "giant")."""
    heads: list[Token] = []
    for label in labels:
        if label.dep_ == "prep":
            heads += [c for c in label.children if c.dep_ in ("pobj", "amod", "acomp", "attr")]
        else:
            heads.append(label)
    return heads + [c for h in heads for c in h.conjuncts if c.i > h.i]


def _approves(word: Token) -> bool:
    """An approving word (`approval_words`), not negated and a word of its own: "right" in
    "right-wing" approves nothing."""
    if word.lower_ not in APPROVAL_WORDS or negated(word):
        return False
    doc = word.doc
    return not (word.i > 0 and hyphen_joined(doc[word.i - 1], word)) and not (
        word.i + 1 < len(doc) and hyphen_joined(word, doc[word.i + 1])
    )


def _labels_the_person(obj: Token, mention: Mention) -> bool:
    """Praise by a label is of a person labelled as such ("described Mr Campbell as talented",
    "called him a giant"), not of a country or of what someone owns ("described China as an
    economic giant", "Mr Brown's budget as a great day")."""
    if mention.entity_type != "PERSON":
        return False
    if obj.tag_ in ("WP", "WDT") and obj.head.dep_ == "relcl":
        obj = obj.head.head
    return obj.lower_ in PERSON_OBJECT_PRONOUNS or mention.char_start <= obj.idx < mention.char_end


# where the parser puts a label: "branded it a shambles" (oprd, xcomp, ccomp, attr),
# "described it as a disaster" (prep), "called the plan a disgrace" (npadvmod)
LABEL_DEPS = frozenset({"oprd", "xcomp", "ccomp", "advcl", "attr", "dobj", "prep", "npadvmod"})
SMALL_CLAUSE_POS = frozenset({"NOUN", "PROPN", "ADJ"})


def _labelled_objects(verb: Token, passive: bool) -> list[Token]:
    """What a labelling verb labels: its object (the passive subject), or, where the parser
    reads object and label as one verbless clause, that clause's subject ("branded [Mr
    Blair's decision unacceptable]") or its head noun ("branded [Labour's ID scheme] a
    waste"). A clause with a verb ("described how ministers had failed") is reported
    speech, which the quotes carry."""
    objects = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
    if objects or passive:
        return objects
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "xcomp") or clause.pos_ not in SMALL_CLAUSE_POS:
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        return subjects[:1] or ([clause] if clause.pos_ != "ADJ" else [])
    return []


def _labelled_actors(obj: Token, ec: EventContext, sources: list[Mention]) -> list[Mention]:
    """The actors a labelled object names ("Y's plans"), else the owner of "her comments"
    (`possessed_owner`: the one a possessive pronoun stands for), else the one an object
    pronoun stands for ("called him a disappointment", `pronoun_referent`), else those doing what its relative
    clause says ("branded the way Mr Blunkett's office operated as scandalous": the way
    Blunkett's office did it), else, for "the plans" or "the claims" naming no one, their
    owner named earlier with the same noun ("his plans ... the plans") or their maker in the
    sentence before (`proposal_owner`, `claim_maker`), never the labeller."""
    if obj.tag_ in ("WP", "WDT") and obj.head.dep_ == "relcl":
        obj = obj.head.head  # "Mr Campbell, who he described as 'very talented'": the one "who" is
    found = np_actors(obj, ec.index, allow_pronoun_possessor=True) or _misplaced_agent(obj, ec)
    if found:
        return found
    sentence = ec.ctx.sentence_at(obj.idx)
    keys = {actor_key(s) for s in sources}
    found = possessed_owner(obj, sentence.sentence_id, keys, ec.index) if sentence is not None else None
    if found:
        return found  # "her comments were described as irresponsible": the woman named before
    found = (
        (_labelled_person(ec, obj, sentence, keys) or pronoun_referent(obj, sentence.sentence_id, keys, ec.index))
        if sentence is not None
        else []
    )
    if found:
        return found  # "Liam Fox called him 'a disappointment'": the man named before
    doers = [t for c in obj.children if c.dep_ == "relcl" for t in relative_doers(c)]
    roots = [t for t in doers if t.head not in doers]
    found = unique(m for t in roots for m in np_actors(t, ec.index, allow_pronoun_possessor=True))
    if found:
        return found
    excluded = lambda m: any(same_actor(m, s) for s in sources)  # noqa: E731
    return (
        proposal_owner(obj, ec.index, excluded, same_word=True)
        or claim_maker(obj, ec.index, excluded, CLAIM_NOUNS | REPORT_NOUNS)
        or _government_measure(ec, obj, sources)
        or _proposer_before(ec, obj, sentence, excluded)
    )


def _proposer_before(
    ec: EventContext, noun: Token, sentence: Sentence | None, excluded: Callable[[Mention], bool]
) -> list[Mention]:
    """ "The Tories are committed to imposing annual limits on immigration. Labour has branded
    the proposal unworkable": a definite proposal noun ("the proposal", "this move") that no
    earlier proposal noun gives an owner to is what the sentence before says its subject
    does: that subject's actors, never the labeller."""
    if sentence is None or sentence.sentence_id == 0 or noun.lemma_.lower() not in PROPOSAL_NOUNS:
        return []
    if not any(c.lower_ in DEFINITE_DETS for c in noun.children) or any(c.dep_ == "poss" for c in noun.children):
        return []
    before = ec.ctx.sentence_span(ec.ctx.sentences[sentence.sentence_id - 1])
    if before is None:
        return []
    if not _plans_an_act(before.root):
        return []  # "Mr Kennedy visited a school", "X say they will vote against": no proposal of theirs
    found = [m for m in subject_actors(before.root, ec.index) if is_actor(m) and m.kind != "pronoun"]
    return [m for m in found if m.entity_type != "LOCATION" and not excluded(m)]


def _plans_an_act(verb: Token) -> bool:
    """ "are committed to imposing limits", "has ruled out amending the law", "wants to introduce
    cards": a verb, not one of reporting, whose complement is an act its subject plans or
    decides on (an infinitive or a gerund), what "the proposal", "the decision" can name."""
    if verb.pos_ not in ("VERB", "AUX") or lemma_in(verb, REPORTING_VERBS):
        return False
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            return True
        if child.dep_ == "prep" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in child.children):
            return True
        if child.dep_ == "acomp" and _plans_an_act(child):
            return True  # "are committed to imposing"
    return False


def _misplaced_agent(obj: Token, ec: EventContext) -> list[Mention]:
    """ "Japan called the intrusion by the Chinese submarine an act of provocation": the parser
    hangs the object noun's "by" phrase on the active labelling verb, where no agent can be;
    its actors are the object's doers."""
    verb = obj.head
    if obj.dep_ != "dobj" or obj.pos_ != "NOUN" or is_passive(verb):
        return []
    agents = [c for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" and c.i > obj.i]
    return _by_actors(agents, ec)


def _by_actors(agents: Iterable[Token], ec: EventContext) -> list[Mention]:
    """The actors of the "by" phrases' objects (pobj only: "by refusing" names no actor)."""
    return [m for a in agents for p in a.children if p.dep_ == "pobj" for m in np_actors(p, ec.index)]


PERSON_OBJECT_PRONOUNS = frozenset({"him", "her"})


def _labelled_person(ec: EventContext, obj: Token, sentence: Sentence, sources: set[str]) -> list[Mention]:
    """ "He entered Downing Street after the resignation of Harold Wilson. Tony Blair called him
    a 'giant'": a labelled "him" or "her" takes up the latest subject, in its sentence or the one
    before, that is a person of its gender other than the labeller (the one the text is about,
    not the last name in a phrase); with none, `pronoun_referent` gives the nearest person."""
    if obj.lower_ not in PERSON_OBJECT_PRONOUNS or obj.tag_ != "PRP" or ec.index.all_at(obj):
        return []
    return subject_person_before(obj, sentence.sentence_id, SUBJECT_FORMS[obj.lower_], sources, ec.index)


def stance_drafts(ec: EventContext, stances: Iterable[Stance], quotes: Iterable[Quote] = ()) -> list[Draft]:
    """ACCUSE drafts for stances against a named actor ("X opposes Y's plan"): the holder
    criticises the actor the stance's target names; not when the stance comes from a quote
    whose words are foretold or imagined ("critics might argue that ...", `_said`)."""
    by_id = ec.index.by_id
    quoted = {q.quote_id: q for q in quotes}
    drafts: list[Draft] = []
    for stance in stances:
        quote = quoted.get(stance.quote_id or "")
        span = quote_span(quote, ec.ctx.doc) if quote is not None else None
        if span is not None and not _said(ec, span):
            continue
        holder = by_id.get(stance.holder_mention_id or "")
        target = by_id.get(stance.target_mention_id or "")
        if stance.polarity != "oppose" or holder is None or target is None:
            continue
        if not is_actor(holder) or not is_actor(target) or target.kind == "pronoun" or same_actor(holder, target):
            continue
        if target.entity_type == "LOCATION":
            continue
        sentence = ec.ctx.sentences[stance.sentence_id] if stance.sentence_id < len(ec.ctx.sentences) else None
        if sentence is None or is_question(sentence):
            continue  # a question asserts no criticism
        span = ec.ctx.doc.char_span(target.char_start, target.char_end, alignment_mode="expand")
        if span is None:
            continue
        drafts.append(speech_act_draft(ACCUSE_SPEECH, span.root, sentence, [holder], [target]))
    return drafts


def new_speech_events(speech: list[Draft], reported: list[Draft]) -> list[Draft]:
    """The speech drafts not already reported: no second ACCUSE by a speaker in a sentence
    that reports one, and one per speaker and target in the article."""

    kept: list[Draft] = []
    seen: set[tuple[str, str]] = set()
    for draft in speech:
        speaker = draft.sources[0]
        if any(
            d.event_type == "ACCUSE"
            and d.sentence.sentence_id == draft.sentence.sentence_id
            and any(same_actor(s, speaker) for s in d.sources)
            for d in reported
        ):
            continue
        pairs = {(actor_key(speaker), actor_key(t)) for t in draft.targets}
        if pairs <= seen:
            continue
        seen |= pairs
        kept.append(draft)
    return kept
