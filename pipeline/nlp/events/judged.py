"""Whom a judging word judges: the words of its phrase and clause that name the judged.

The target of a criticism is an actor named as the subject of the judging word's clause or
in the judged noun phrase (the possessor of the criticised thing: "Blair's plans" ->
Blair), else anywhere in the clause unless the word sits in an adverbial phrase ("rebuild
after the disaster" judges no actor); a judging verb's object is who it harms, not who is
judged; the holder of a misgiving is not judged, what it is about is; phrases that say
whom a charge concerns ("fell short of the agreement signed by Mr Blair", "an insult to
voters") are spared. Where those words name no one, `judged_referents.py` finds whom they
stand for.

Read by reported speech, labels and court rulings (`rulings.court_findings`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.events.actors import relative_doers
from pipeline.nlp.events.criticism import (
    SHORTCOMING_VERBS,
    breaks_a_norm,
    criticising_phrase,
    criticising_phrase_length,
    harmful_outcome,
    norms_fallen_short_of,
)
from pipeline.nlp.events.draft import (
    EventContext,
    lemma_in,
)
from pipeline.nlp.events.judged_referents import (
    actors_in,
    pronoun_antecedent,
    subject_holder,
    subject_owner,
    theatre_name,
    unnamed_doer,
)
from pipeline.nlp.events.vocabulary import (
    BLAMED_PEOPLE_NOUNS,
    CLAIM_CLAUSE_VERBS,
    MANNER_NOUNS,
    MISGIVING_NOUNS,
    SPEAKING_OCCASIONS,
    WRONGING_VERBS,
)
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import (
    has_modal_aux,
    has_to_marker,
    is_relative_pronoun,
    is_subject,
)

CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "xcomp", "csubj", "acl"})


CIRCUMSTANCE_PREPS = frozenset({"after", "before", "since", "during", "amid", "following", "despite", "over", "in"})


def _spared(token: Token) -> set[int]:
    """Positions of the words around a judging word that name whom its charge concerns, not
    whom it charges: the norm one falls short of, with whoever set it ("the deal fell short of
    the agreement signed by Mr Blair"), what a phrase of blame is about ("stood in the way of
    Yahoo's success": the "of" phrase after `criticism_phrases`), and whom a judging noun
    befalls ("the decision was a disappointment to Mr Blair", "an insult to voters": its "to"
    or "for" phrase), and what a failing's noun finds wanting ("a lack of respect for the UN")."""
    spared = {t.i for norm in norms_fallen_short_of(token) for t in norm.subtree}
    if length := criticising_phrase_length(token):
        spared |= _phrase_positions(token.doc[token.i + length - 1], ("of",))
    if token.pos_ == "NOUN":
        spared |= _phrase_positions(token, ("to", "for"))
        if token.lemma_.lower() in SHORTCOMING_VERBS:
            # "a lack of respect for the UN": the "of" phrase names the quality wanting and
            # what it is about, not who lacks it
            spared |= _phrase_positions(token, ("of",))
    return spared


def _phrase_positions(head: Token, preps: tuple[str, ...]) -> set[int]:
    """Positions of the words of the head's prepositional phrases opened by one of `preps`."""
    return {t.i for c in head.children if c.dep_ == "prep" and c.lower_ in preps for t in c.subtree}


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
        # a failing's noun: its "of" phrase is the quality wanting ("a lack of respect for the UN")
        wanting = ("of",) if noun.lemma_.lower() in SHORTCOMING_VERBS else ()
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod") or (
                child.dep_ == "prep" and child.lower_ in ("of", "by", "from") and child.lower_ not in wanting
            ):
                out += list(child.subtree)
            elif child.dep_ == "acl" and child.tag_ == "VBN":
                # "the reckless spree planned by the Tories": the participle's agent
                out += [t for a in child.children if a.dep_ == "agent" for t in a.subtree]
            elif child.dep_ == "relcl":
                # "the cavalier way in which this government operates": who does what is judged
                out += relative_doers(child)
    holder = subject_holder(clause)
    for child in holder.children if with_subject else ():
        if child.dep_ == "csubj":
            out += _clausal_subject_doers(child)
        elif child.dep_ == "nsubjpass" and holder.i == token.i and lemma_in(token, WRONGING_VERBS):
            # "Parliament may have been misled", "Britain's pensioners were betrayed": the
            # passive subject of a verb of wronging, and whoever it belongs to, suffer the act;
            # only its "by" agent is judged
            continue
        elif child.dep_ in ("nsubj", "nsubjpass", "agent", "expl"):
            out += list(child.subtree)
    if token.dep_ == "nsubj" and token.head.i == clause.i and criticising_phrase(token):
        # "the jury is still out on the Home Office's ability": a phrase of doubt that is the
        # clause's subject judges what the clause's "on" phrase names
        heads = [clause, *(c for c in clause.children if c.dep_ == "advmod")]
        out += [t for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "on" for t in p.subtree]
    relative = clause.dep_ == "relcl" and any(
        c.dep_ in ("nsubj", "nsubjpass") and is_relative_pronoun(c) for c in clause.children
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
    out are not judged), nor what an infinitive of saying puts forward ("it was wrong to
    suggest the chancellor would usurp Mr Milburn": the suggestion is judged, not those it
    is about; `claim_clause_verbs`: what one is "disgraceful to discover" is a fact, and judged)."""
    inner = {t.i for c in clause.children if c.dep_ == "csubj" for t in c.subtree}
    near = [*clause.children, *(g for c in clause.children for g in c.children)]
    inner |= {
        t.i
        for x in near
        if x.dep_ == "xcomp" and has_to_marker(x) and lemma_in(x, CLAIM_CLAUSE_VERBS)
        for c in x.children
        if c.dep_ == "ccomp"
        for t in c.subtree
    }
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


def judged_actors(
    ec: EventContext, token: Token, span: Span, speaker: Mention, spoken_of: list[Mention] | None = None
) -> list[Mention]:
    """Actors the judged phrase or the judging clause's subject names, named ones before
    pronouns, never the speaker or "we"; `spoken_of` is whom the quote is said of. Also
    what a court's finding judges (`rulings.court_findings`)."""
    if (misgiving := _misgiving(token)) is not None:
        # "the Tories had grave reservations about Mr Clarke's plans": the holder is not judged
        about = [t for c in misgiving.children if c.dep_ == "prep" and c.lower_ in ("about", "over") for t in c.subtree]
        return actors_in(ec, about, span, speaker)
    clause = _clause(token, span)
    circumstance = _circumstance(token, clause)
    judged = _judged_tokens(token, clause, not circumstance)
    found = actors_in(ec, judged, span, speaker)
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
    if found or circumstance or any(theatre_name(t) for t in judged):
        return found  # "the Iraq war could be illegal" judges the war, not an actor
    if _wronged_subject(token):
        return []  # "he had been betrayed": no agent named, the one wronged is not judged
    if (
        token.i == clause.i
        and token.pos_ == "VERB"
        and any(c.dep_ == "dobj" for c in token.children)
        and not breaks_a_norm(token)
        and not harmful_outcome(token)
    ):
        # "would undermine the UN", "misled Parliament": a judging verb's object is who it
        # harms, not who is judged; only its subject (above, or a pronoun's antecedent) is
        # (a passive verb of wronging is told above: `_wronged_subject`)
        # (a broken norm is no one harmed: "violated US law" is read as before; nor is a
        # harm a proposal brings: "the plan could create conflict" judges the plan's owner)
        return pronoun_antecedent(ec, clause, span, speaker, spoken_of)
    spared = _spared(token)
    found = actors_in(ec, [t for t in _judging_clause_words(clause) if t.i not in spared], span, speaker)
    return (
        found
        or pronoun_antecedent(ec, clause, span, speaker, spoken_of)
        or subject_owner(ec, clause, speaker)
        or unnamed_doer(ec, token, clause, speaker)
    )


def _wronged_subject(verb: Token) -> bool:
    """A passive verb of wronging with a subject ("Parliament may have been misled", "he
    had been betrayed"): the subject is the one wronged (`wronging_verbs`)."""
    return (
        verb.pos_ == "VERB"
        and lemma_in(verb, WRONGING_VERBS)
        and any(c.dep_ == "nsubjpass" for c in verb.children)
    )


def _predicted_doers(noun: Token) -> bool:
    """ "Terrorists might try to target the UK": people of blame as the subject of a clause
    under a modal are a risk foretold; whom they may act on is not judged."""
    return is_subject(noun) and has_modal_aux(noun.head)


def _misgiving(token: Token) -> Token | None:
    """The misgiving noun (events.yaml misgiving_nouns) a judging word is or qualifies
    ("grave reservations", "serious doubts"): what it is about is judged, not its holder."""
    noun = token.head if token.dep_ == "amod" else token
    return noun if noun.pos_ == "NOUN" and lemma_in(noun, MISGIVING_NOUNS) else None


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
