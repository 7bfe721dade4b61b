"""What an issue is: the noun phrase a placeholder refers to, read from the text's structure.

`antecedent_noun` resolves a placeholder subject ("this is a worrying step", "it is
unacceptable") to what the sentence before it is about: that sentence's main subject when it
is a common noun phrase, else its main object. People, states and organisations are not
issues here (a judgement of them is read by the stance verbs), nor are pronouns or the
lexicon's generic nouns.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.stances.context import StanceArticle
from pipeline.nlp.stances.labels import people_noun
from pipeline.nlp.stances.phrases import TIME_ENTITIES
from pipeline.nlp.stances.words import BODY_NOUNS, GROUNDS_PREPOSITIONS, PURSUIT_PHRASAL_VERBS
from pipeline.nlp.syntax import ACTOR_LABELS


def antecedent_noun(art: StanceArticle, placeholder: Token) -> Token | None:
    """The issue noun of the sentence before the placeholder's clause, or None; for "them" a
    plural one ("Downing Street has denied the claims … Lord Goldsmith also denied them")."""
    sentence = placeholder.sent
    # within the same sentence, a noun before the quote opens ("the plan, he said, …") is rare;
    # the previous sentence carries the topic
    if sentence.start == 0:
        return None
    previous = art.doc[sentence.start - 1].sent
    if _paragraph(art, previous) != _paragraph(art, sentence):
        return None  # a new paragraph (often a new speaker) does not continue the old topic
    root = previous.root
    while root.dep_ != "ROOT" and root.head != root:
        root = root.head
    subject_first = placeholder.lower_ == "it"  # "it" continues a subject, "this" an act
    candidates = _slots(root, subject_first)
    # a reporting clause's content is what the sentence is about ("Mr Howard said the plans …")
    for child in root.children:
        if child.dep_ == "ccomp":
            candidates = _slots(child, subject_first) + candidates
    plural = placeholder.lower_ == "them"
    for noun in candidates:
        # "them" stands for people as often as for things: only a plural object or passive
        # subject, not a subject (an actor: "Police arrested …"), a noun for people ("three
        # protesters") or a grounds object ("the pair were cleared of charges")
        if _issue_like(art, noun) and (
            not plural or noun.tag_ == "NNS" and noun.dep_ in ("dobj", "nsubjpass") and not people_noun(noun)
        ):
            return noun
    return None


# "on" names the grounds only after a verb of judging someone ("criticised the government on its
# plans"); after any other clause it names a setting ("on the eve of the announcement", "on
# their sites")
CLAUSE_GROUNDS_PREPOSITIONS = GROUNDS_PREPOSITIONS - {"on"}


def _slots(verb: Token, subject_first: bool = False) -> list[Token]:
    """The clause's issue candidates: a passive subject, then the object of an action ("the
    government will introduce identity cards" is about the cards), then the subject; for
    "it", the subject before the object ("the bill … had safeguards. We will vote against it");
    last the object of a grounds preposition (`grounds_prepositions`)."""
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    objects = [c for c in verb.children if c.dep_ == "dobj" and not is_quantity(c)]
    if not objects and not subject_first:  # "it" is rather an expletive ("It could take months")
        objects = _phrasal_object(verb)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    # last, what someone is judged for ("has been criticised for its annual ban on fishing")
    grounds = [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ in CLAUSE_GROUNDS_PREPOSITIONS
        for g in c.children if g.dep_ == "pobj" and not is_quantity(g) and g.ent_type_ not in TIME_ENTITIES
    ]
    return passive + (subjects + objects if subject_first else objects + subjects) + grounds


def _phrasal_object(verb: Token) -> list[Token]:
    """The object of a phrasal verb of proposing or pursuing a measure (`pursuit_phrasal_verbs`),
    which has no direct object: "Charles Clarke has come up with proposals for a points system.
    That has been attacked …", "pressed ahead with the closure of the library". The particle
    may be parsed as an adverb ("pressed ahead")."""
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod") and c.i > verb.i}
    if not any(
        f"{verb.lemma_.lower()} {particle} with" in PURSUIT_PHRASAL_VERBS for particle in particles
    ):
        return []
    return [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children if g.dep_ == "pobj" and not is_quantity(g)
    ]


def is_quantity(noun: Token) -> bool:
    """ "cost billions", "raised 5%": an amount is not what a clause is about."""
    return noun.ent_type_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY") or any(
        c.dep_ == "nummod" or c.like_num or c.ent_type_ == "MONEY" for c in noun.children
    )


def _issue_like(art: StanceArticle, noun: Token) -> bool:
    if noun.pos_ != "NOUN" or noun.ent_type_ in ACTOR_LABELS:
        return False
    if art.index.at(noun) is not None or noun.lemma_.lower() in BODY_NOUNS:
        return False  # a mention of someone ("the minister"), a body ("the government")
    return not art.lex.is_generic_target(noun.lemma_)


def _paragraph(art: StanceArticle, span) -> int | None:
    sentence = art.ctx.sentence_at(span.start_char)
    return sentence.paragraph_id if sentence is not None else None

