"""What a labelling verb labels, and whom: the reading behind `speech.labelled_drafts`.

"X branded Y's plans 'a shambles'", "described him as 'very talented'": the labelled
object is the verb's object (in the passive its subject), or the subject or head of the
verbless clause the parser makes of object and label; the label is what the parser hangs
beside it; the labelled actors are those the object names (the object itself, its
possessor or a name modifying it), else the owner of "her comments", the one "him" stands
for, the doers of its relative clause, or the owner of "the plans" or "the claims" named
earlier. A negated label labels no one, and praise by a label is of a person labelled as
such.

A label is a speech act with its own verb, not a quote, so what it labels is read apart
from the quote's judging words (`judged.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Token

from pipeline.nlp.events.actors import relative_doers
from pipeline.nlp.events.draft import (
    EventContext,
    actor_key,
    is_actor,
    lemma_in,
    same_actor,
    unique,
)
from pipeline.nlp.events.judged_referents import government_measure
from pipeline.nlp.events.negation import negated
from pipeline.nlp.events.owners import SUBJECT_FORMS, claim_maker, possessed_owner, pronoun_referent, proposal_owner
from pipeline.nlp.events.phrases import np_actors
from pipeline.nlp.events.subjects import subject_actors, subject_person_before
from pipeline.nlp.events.vocabulary import (
    APPROVAL_WORDS,
    CLAIM_NOUNS,
    NEGATING_VERBS,
    PROPOSAL_NOUNS,
    REPORT_NOUNS,
    REPORTING_VERBS,
)
from pipeline.nlp.records import Mention, Sentence
from pipeline.nlp.syntax import (
    DEFINITE_DETS,
    MentionIndex,
    has_neg,
    hyphen_joined,
    is_passive,
)


def label_denied(verb: Token) -> bool:
    """ "did not call him a liar", "refused to describe Mr Blair as talented": a labelling verb
    negated, or the infinitive of a verb that leaves it undone (`NEGATING_VERBS`), labels no one."""
    if has_neg(verb):
        return True
    return verb.dep_ == "xcomp" and verb.head.i != verb.i and lemma_in(verb.head, NEGATING_VERBS)


def label_heads(labels: list[Token]) -> list[Token]:
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


def approves(word: Token) -> bool:
    """An approving word (`approval_words`), not negated and a word of its own: "right" in
    "right-wing" approves nothing."""
    if word.lower_ not in APPROVAL_WORDS or negated(word):
        return False
    doc = word.doc
    return not (word.i > 0 and hyphen_joined(doc[word.i - 1], word)) and not (
        word.i + 1 < len(doc) and hyphen_joined(word, doc[word.i + 1])
    )


def labels_the_person(obj: Token, mention: Mention) -> bool:
    """Praise by a label is of a person labelled as such ("described Mr Campbell as talented",
    "called him a giant"), not of a country or of what someone owns ("described China as an
    economic giant", "Mr Brown's budget as a great day")."""
    if mention.entity_type != "PERSON":
        return False
    obj = _antecedent(obj)
    return obj.lower_ in PERSON_OBJECT_PRONOUNS or mention.char_start <= obj.idx < mention.char_end


def _antecedent(obj: Token) -> Token:
    """ "Mr Campbell, who he described as 'very talented'": a relative pronoun labelled stands
    for the noun its relative clause hangs from."""
    if obj.tag_ in ("WP", "WDT") and obj.head.dep_ == "relcl":
        return obj.head.head
    return obj


# where the parser puts a label: "branded it a shambles" (oprd, xcomp, ccomp, attr),
# "described it as a disaster" (prep), "called the plan a disgrace" (npadvmod)
LABEL_DEPS = frozenset({"oprd", "xcomp", "ccomp", "advcl", "attr", "dobj", "prep", "npadvmod"})


SMALL_CLAUSE_POS = frozenset({"NOUN", "PROPN", "ADJ"})


def labelled_objects(verb: Token, passive: bool) -> list[Token]:
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


_CLAIM_NOUNS_OR_REPORT_NOUNS = CLAIM_NOUNS | REPORT_NOUNS


def labelled_actors(obj: Token, ec: EventContext, sources: list[Mention]) -> list[Mention]:
    """The actors a labelled object names ("Y's plans"), else the owner of "her comments"
    (`possessed_owner`: the one a possessive pronoun stands for), else the one an object
    pronoun stands for ("called him a disappointment", `pronoun_referent`), else those doing what its relative
    clause says ("branded the way Mr Blunkett's office operated as scandalous": the way
    Blunkett's office did it), else, for "the plans" or "the claims" naming no one, their
    owner named earlier with the same noun ("his plans ... the plans") or their maker in the
    sentence before (`proposal_owner`, `claim_maker`), never the labeller."""
    obj = _antecedent(obj)
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
        or _topical_proposal_owner(obj, ec.index, excluded)
        or claim_maker(obj, ec.index, excluded, _CLAIM_NOUNS_OR_REPORT_NOUNS)
        or government_measure(ec, obj, sources)
        or _proposer_before(ec, obj, sentence, excluded)
    )


def _topical_proposal_owner(obj: Token, index: MentionIndex, excluded: Callable[[Mention], bool]) -> list[Mention]:
    """ "new proposals announced by Patricia Hewitt ... The Tories dismissed the maternity pay
    plan as desperate", "Labour plans to introduce ID cards ... branded the ID scheme a
    waste": a definite proposal noun that a common noun says the subject of ("the maternity
    pay plan", "the ID scheme": a compound naming no actor) restates the proposal the
    article last gave an owner to in a sentence that speaks of that subject, whatever noun
    that was (`proposal_owner`); a bare "the scheme" with no subject keeps to the same noun."""
    topical = [c for c in obj.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
    if not topical or any(index.all_at(c) for c in topical) or any(c.dep_ == "poss" for c in obj.children):
        return []
    return proposal_owner(obj, index, excluded, topic=frozenset(c.lemma_.lower() for c in topical))


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
    return by_actors(agents, ec)


def by_actors(agents: Iterable[Token], ec: EventContext) -> list[Mention]:
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
