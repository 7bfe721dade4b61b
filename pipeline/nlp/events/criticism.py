"""Whether a word criticises: the judgement that makes a quote, a label or a ruling ACCUSE.

A word criticises when it is negative in the stance lexicon (`evaluative_negative` at
weight 0.6 or more, an adverb in "-ly" judged as its adjective) or a criticism word or
phrase of `events.yaml` ("questions to answer", "let the country down", "cannot be
trusted"), or when the clause around it makes a charge: a reproach ("should have acted
sooner"), a broken or fallen-short norm ("broke human rights laws", "fell short of the
rules"), too much or too little ("rushed it through too quickly"), a failing ("let
pensioners down"), a proposal's harmful outcome ("the plans could result in conflict"),
or a denied soundness, trust or virtue ("their sums do not add up", "cannot be trusted",
"was not fit to be prime minister").

Kept apart from whom the word judges (`judged.py`) and from whether the judgement is taken
back (`negation.py`): speech, labels, praise and rulings all ask this one question.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.draft import (
    lemma_in,
    pobjs,
)
from pipeline.nlp.events.negation import denied_above, rhetorical
from pipeline.nlp.events.vocabulary import (
    BLAME_ADJECTIVES,
    BLAMED_ACTS,
    CONDUCT_ADVERBS,
    CONDUCT_VERBS,
    CONSEQUENCE_VERBS,
    CRITICISM_PHRASES,
    CRITICISM_WORDS,
    DISTRUST_VERBS,
    EXCESS_WORDS,
    HARM_WORDS,
    INACTION_VERBS,
    LAWBREAKING_VERBS,
    NORM_NOUNS,
    OPPOSING_PREFIXES,
    PROPOSAL_NOUNS,
    SHORTCOMING_PHRASES,
    SHORTFALL_VERBS,
    SOUNDNESS_VERBS,
    VIRTUE_PHRASES,
    VIRTUE_WORDS,
)
from pipeline.nlp.lexicons import load_stance_lexicon
from pipeline.nlp.stances.words import CLASSIFYING_ADJECTIVES
from pipeline.nlp.syntax import (
    has_neg,
    hyphen_prefix,
    is_condition,
    is_passive,
    nominal_subjects,
)

CRITICISM_WEIGHT = 0.6  # stance-lexicon weight from which a judging word criticises


def _judging_forms(word: str, lemma: str, pos: str) -> list[str]:
    """The word (lower-cased), its lemma (lower-cased), and for an adverb in "-ly" the adjective
    it is made from ("foolishly" -> "foolish", "angrily" -> "angry"): an adverb judges as its
    adjective does."""
    forms = [word, lemma]
    if pos == "ADV" and word.endswith("ly") and len(word) > 4:
        forms += [word[:-3] + "y" if word.endswith("ily") else word[:-2]]
    return forms


def judging_word(word: str, lemma: str, pos: str) -> bool:
    """Whether a word (lower-cased, with its lower-cased lemma and part of speech) is one of
    criticism (`criticism_words`) or judges strongly enough against (the stance lexicon)."""
    lexicon = load_stance_lexicon()
    for form in _judging_forms(word, lemma, pos):
        if form in CRITICISM_WORDS:
            return True
        weight = lexicon.evaluative(form)
        if weight is not None and weight <= -CRITICISM_WEIGHT:
            return True
    return False


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


def breaks_a_norm(token: Token) -> bool:
    """ "the measures broke human rights laws", "she broke a convention": a verb of breaking
    (`lawbreaking_verbs`) whose object is a norm (`norm_nouns`) charges its subject, as does
    falling short of one or going back on it (`shortfall_verbs`: "his conduct had fallen well
    below the standards expected", "fell short of the rules", "went back on a pledge")."""
    if token.pos_ != "VERB":
        return False
    if lemma_in(token, LAWBREAKING_VERBS):
        return any(c.dep_ == "dobj" and c.lemma_.lower() in NORM_NOUNS for c in token.children)
    return bool(norms_fallen_short_of(token))


def norms_fallen_short_of(verb: Token) -> list[Token]:
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


MILD_DEGREES = frozenset({"bit", "little"})  # "a bit late", "a little slow"


QUANTITY_WORDS = frozenset({"little", "much", "many", "few", "far"})


def excess(token: Token) -> bool:
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


def unsound(token: Token) -> bool:
    """ "their sums did not add up", "the figures don't stack up": a denied verb of
    soundness (`soundness_verbs`) judges whoever owns what does not hold together."""
    if token.pos_ != "VERB" or not has_neg(token):
        return False
    particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
    return any(verb == token.lemma_.lower() and particle in particles for verb, particle in SOUNDNESS_VERBS)


def untrusted(token: Token) -> bool:
    """ "Mr Blair cannot be trusted": a denied passive verb of trust (`distrust_verbs`)
    judges its subject; like `unsound`, the denial is the criticism."""
    if token.pos_ != "VERB" or not lemma_in(token, DISTRUST_VERBS) or not has_neg(token):
        return False
    return is_passive(token)


def denied_virtue(token: Token) -> bool:
    """ "Mr Blair was not fit to be prime minister", "he has not been straightforward", "was not
    best placed to run the arts", "had not told the truth", "has not done enough": a word of
    honesty or fitness denied as the complement of "be" or as a passive participle
    (`virtue_words`), an adverb of sound conduct on a denied active verb of conduct ("is not
    behaving sensibly": `conduct_adverbs`, `conduct_verbs`; "had not been sleeping properly" is
    no conduct), or a duty's verb and object denied (`virtue_phrases`), charges the subject
    with lacking it; like `untrusted`, the denial is the criticism. Not
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
    if not has_neg(verb) or rhetorical(verb) or _of_ability(verb) or denied_above(verb):
        return False
    return not any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children)


ABILITY_MODALS = frozenset({"can", "could", "ca"})  # "ca" of "can't"


def _of_ability(verb: Token) -> bool:
    """ "Nurses could not do enough for my mother", "could not be more helpful": a denied duty
    under "can" or "could" says no one could do more, which praises."""
    return any(c.dep_ == "aux" and c.lower_ in ABILITY_MODALS for c in verb.children)


def _fit_for(participle: Token) -> bool:
    """ "was not best placed to run the arts": a passive participle of fitness judges only with
    the task it names ("should not be placed in the situation" puts someone somewhere)."""
    if not is_passive(participle):
        return False
    return any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in participle.children)


SHORTCOMING_VERBS = frozenset(verb for verb, _ in SHORTCOMING_PHRASES)
"""The verbs of a failing's phrase (`shortcoming_phrases`); as nouns too ("a lack of ...")."""


def _shortcoming(token: Token) -> bool:
    """ "Labour has let pensioners down", "he had lost the trust of the people": a verb with
    the particle or object of a failing (`shortcoming_phrases`) charges its subject. The verb
    as a noun with its "of" phrase charges whoever its clause names ("Washington's objections
    were based on a lack of understanding"); an object's or "of" phrase's conjuncts count
    ("lacks strategy and good judgment")."""
    if token.pos_ not in ("VERB", "NOUN"):
        return False
    lemma = token.lemma_.lower()
    if lemma not in SHORTCOMING_VERBS:
        return False  # (looked up before the children are read: most verbs are no failing's)
    if token.pos_ == "NOUN":
        objects = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in pobjs(p)]
        named = {w.lemma_.lower() for o in objects for w in (o, *o.conjuncts)}
        return any(verb == lemma and word in named for verb, word in SHORTCOMING_PHRASES)
    # the particle, or the adverb the parser makes a clause of ("let the country down")
    words = {c.lower_ for c in token.children if c.dep_ == "prt" or (c.dep_ == "ccomp" and c.pos_ == "ADP")}
    words |= {w.lemma_.lower() for c in token.children if c.dep_ == "dobj" for w in (c, *c.conjuncts)}
    return any(verb == lemma and word in words for verb, word in SHORTCOMING_PHRASES)


def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    found: dict[str, list[tuple[str, ...]]] = {}
    for words in phrases:
        found.setdefault(words[0], []).append(words)
    return found


_CRITICISM_BY_FIRST_WORD = _by_first_word(CRITICISM_PHRASES)
CRITICISM_OPENERS = frozenset(_CRITICISM_BY_FIRST_WORD)
"""The words a phrase of blame (`criticism_phrases`) begins with."""


def criticising_phrase(token: Token) -> bool:
    """ "the government is out of touch", "he has questions to answer": the word starts a
    phrase of blame (`criticism_phrases`, looked up by their first word)."""
    return criticising_phrase_length(token) > 0


def criticising_phrase_length(token: Token) -> int:
    """The number of words of the longest phrase of blame (`criticism_phrases`) the word
    starts, 0 where it starts none."""
    phrases = _CRITICISM_BY_FIRST_WORD.get(token.lower_)
    if phrases is None:
        return 0  # (the common case, asked of every quoted word: no phrase starts with it)
    doc = token.doc
    return max(
        (
            len(words)
            for words in phrases
            if token.i + len(words) <= len(doc) and all(doc[token.i + k].lower_ == w for k, w in enumerate(words))
        ),
        default=0,
    )


CONSEQUENCE_MODALS = frozenset({"could", "would", "might", "may", "will"})


LESSENING_WORDS = frozenset({"less", "fewer", "lower", "reduced", "no"})


def harmful_outcome(token: Token) -> bool:
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


# what an actor is blamed for: a hostile act or its toll, or any harm
_BLAMEWORTHY = BLAMED_ACTS | HARM_WORDS


def blamed_for_harm(token: Token) -> bool:
    """ "said Japan was responsible for the incident", "held India responsible for the
    attack": an adjective of blame (events.yaml blame_adjectives) whose "for" phrase names a
    hostile act or a harm (blamed_acts, harm_words) charges whom it is said of. "responsible
    for trade policy", "a responsible government" blame no one, nor does a denial ("denied
    it was responsible for the attack") or a pronoun's own claim ("said it was responsible").
    """
    if token.pos_ != "ADJ" or token.lemma_.lower() not in BLAME_ADJECTIVES or denied_above(token):
        return False
    if any(s.pos_ == "PRON" for s in _blamed_subjects(token)):
        return False
    blamed = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "for" for p in pobjs(c)]
    return any(p.lower_ in _BLAMEWORTHY or p.lemma_.lower() in _BLAMEWORTHY for p in blamed)


def _blamed_subjects(adjective: Token) -> list[Token]:
    """Whom an adjective of blame is said of: the subject of its "be" ("Japan was
    responsible"), its own subject ("holds the leadership responsible"), or the noun it
    follows ("held India responsible")."""
    own = nominal_subjects(adjective)
    if own:
        return own
    if adjective.dep_ == "acomp":
        return nominal_subjects(adjective.head)
    if adjective.dep_ == "amod":
        return [adjective.head]
    if adjective.dep_ == "oprd":
        return [c for c in adjective.head.children if c.dep_ == "dobj"]
    return []


def criticises(token: Token) -> bool:
    if hyphen_prefix(token)[:-1] in OPPOSING_PREFIXES:
        return False  # "non-fiction", "anti-corruption drives": no one is blamed
    if token.dep_ == "amod" and token.lower_ in CLASSIFYING_ADJECTIVES:
        return False  # "the criminal investigation", "terrorist suspects": a kind, no judgement
    if _reproach(token) or breaks_a_norm(token) or excess(token) or _shortcoming(token):
        return True
    if harmful_outcome(token) or blamed_for_harm(token):
        return True
    if criticising_phrase(token):
        return True
    if (
        token.lower_ == "nothing"
        and token.dep_ == "dobj"
        and lemma_in(token.head, INACTION_VERBS)
        and not list(token.children)
    ):
        return True  # "had done nothing for eight years": a charge of inaction ("nothing wrong" is none)
    return judging_word(token.lower_, token.lemma_.lower(), token.pos_)
