"""Court rulings and appraisals: whom a ruling or a judgement of someone's thing is about.

eval/GUIDE.md codes a court ruling against a party or a measure as ACCUSE, the court (or its
country) the source. "The Supreme Court upheld his indictment", "annulled the result of the
election won by Yanukovych", "struck down the law passed by the regional parliament": the
object of a ruling verb (events.yaml ruling_verbs) is a charge or a measure, and the party it
belongs to is the target: the object's possessor, its "of" object, or the "by" agent of a
participle on it, followed down "of" chains ("the result of the election won by X"). That a
court rules at all is decided by the sense rules (event_senses.yaml courts).

A court's finding stated in a clause ("the law lords ruled that the detentions were unlawful",
"the court found the ministry had acted illegally": events.yaml finding_verbs) is a ruling
against whoever the clause's criticism judges, read as in a quote (`court_findings`).

Praise, criticism or a refusal of someone's thing is aimed at its owner in the same way:
"Lula praised the efforts of Hu Jintao", "the board approved the nomination of Paul
Wolfowitz" (`appraised_owner`). Not when the thing is itself an event ("condemned the killing
of X": X suffered it, the killing's doer is the one condemned).
"""

from __future__ import annotations

import functools

from spacy.tokens import Span, Token

from pipeline.nlp.events.actors import FORUM_TRIGGERS
from pipeline.nlp.events.criticism import criticises
from pipeline.nlp.events.draft import (
    Draft,
    EventContext,
    actor_at,
    assign,
    is_actor,
    is_question,
    lemma_in,
    pobjs,
    speech_act_draft,
    unique,
)
from pipeline.nlp.events.hypotheticals import judges_a_hypothetical
from pipeline.nlp.events.judged import judged_actors
from pipeline.nlp.events.judged_referents import is_court
from pipeline.nlp.events.negation import denied_above, negated
from pipeline.nlp.events.phrases import np_actors
from pipeline.nlp.events.senses import load_senses
from pipeline.nlp.events.speech import ACCUSE_SPEECH
from pipeline.nlp.events.subjects import subject_actors
from pipeline.nlp.events.vocabulary import (
    APPEAL_NOUNS,
    CLAIM_NOUNS,
    CLAIMING_VERBS,
    CLAUSE_DENIAL_VERBS,
    COURT_PHRASES,
    FINDING_VERBS,
    INQUIRY_FINDING_VERBS,
    LEGAL_CHALLENGE_TRIGGERS,
    RULING_NOUNS,
    RULING_VERBS,
)
from pipeline.nlp.lexicons import EventTriggers, Trigger
from pipeline.nlp.records import Mention, Sentence
from pipeline.nlp.syntax import MentionIndex, has_neg, has_that_marker
from pipeline.nlp.token_view import view_of

APPRAISAL_TYPES = frozenset({"SUPPORT", "ACCUSE", "REJECT"})
COURT_RULING = Trigger(
    lemma="ruling", event_type="ACCUSE", mode="disapprove", cameo_root="11", quad="verbal_conflict", pos="VERB"
)


def case_taken_elsewhere(draft: Draft) -> bool:
    """ "Mr Smith took his case to the local newspaper", "campaigners took their case to
    Downing Street": a case taken (plover_triggers "take case") anywhere but before a court
    (event_senses courts, or the Lords, the UK's highest court until 2009) is a cause pressed,
    no legal challenge."""
    if draft.trigger.lemma not in FORUM_TRIGGERS:
        return False
    forums = _courts()
    to = [t for c in draft.token.children if c.dep_ == "prep" and c.lower_ == "to" for p in pobjs(c) for t in p.subtree]
    return not any(t.lower_ in forums for t in to)


@functools.cache
def _courts() -> frozenset[str]:
    """The words of a court a case is taken to: event_senses courts, and the Lords."""
    return frozenset({"lords"} | load_senses().classes["courts"])


def dismissed_appeals(drafts: list[Draft]) -> None:
    """ "Peace protestors had appealed against a High Court decision. ... Three Appeal Court
    judges dismissed both appeals": a court turning down an appeal or a challenge
    (events.yaml appeal_nouns) that names no one refused is a ruling against the parties the
    article reports bringing a legal challenge (the sources of its ACCUSE drafts by
    legal_challenge_triggers: "appealed against", "took their case to"), so ACCUSE with
    them as targets; with no such party it stays a bare procedure (filters.procedural_decision)."""
    appellants = unique(
        m
        for d in drafts
        if d.event_type == "ACCUSE" and d.trigger.lemma in LEGAL_CHALLENGE_TRIGGERS
        for m in d.sources
        if m.kind != "pronoun"
    )
    if not appellants:
        return
    for draft in drafts:
        if draft.event_type != "REJECT" or draft.targets or draft.participants or not draft.sources:
            continue
        verb = draft.token
        if verb.pos_ != "VERB" or not all(_court(verb, m) for m in draft.sources):
            continue
        appeals = [c for c in verb.children if c.dep_ == "dobj" and lemma_in(c, APPEAL_NOUNS)]
        if not appeals or any(_bringer_named(a) for a in appeals):
            continue  # "dismissed the appeal by the detainees": theirs, not whoever else challenged
        targets = [m for m in appellants if not any(m is s for s in draft.sources)]
        if targets:
            draft.trigger, draft.event_type = COURT_RULING, "ACCUSE"
            draft.mode, draft.cameo_root = COURT_RULING.mode, COURT_RULING.cameo_root
            draft.targets = targets


def _bringer_named(appeal: Token) -> bool:
    """Whether an appeal noun names its own party ("the government's appeal", "the appeal by
    the detainees", "the challenge from the Countryside Alliance", "the case against him")."""
    return any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "from", "of", "against")) for c in appeal.children
    )


def ruled_against(draft: Draft, index: MentionIndex) -> None:
    """Give a court ruling with no target the party its charge or measure belongs to."""
    verb = draft.token
    if draft.event_type != "ACCUSE" or draft.targets or verb.pos_ != "VERB" or not lemma_in(verb, RULING_VERBS):
        return
    owners = [m for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for m in _owners(c, index)]
    assign(draft, "targets", [m for m in owners if m not in draft.sources and m.entity_type != "LOCATION"])


def appraised_owner(draft: Draft, index: MentionIndex, lexicon: EventTriggers) -> None:
    """Give praise, criticism or a refusal of someone's thing (the verb's object, or its
    "against" object: "appealed against the council's decision") with no target that owner."""
    verb = draft.token
    if draft.event_type not in APPRAISAL_TYPES or draft.targets or verb.pos_ != "VERB":
        return
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "against" for p in pobjs(c)]
    things = [c for c in objects if actor_at(index, c) is None]
    things = [t for t in things if lexicon.noun(t.lemma_.lower()) is None and lexicon.noun(t.lower_) is None]
    owners = [m for t in things for m in _owners(t, index)]
    assign(draft, "targets", [m for m in owners if m not in draft.sources and m.entity_type != "LOCATION"])


def _owners(noun: Token, index: MentionIndex, depth: int = 0) -> list[Mention]:
    """Whose the charge or measure is: "his indictment", "the indictment of X", "the law
    passed by X", "the result of the election won by X"."""
    if depth > 3:
        return []
    found: list[Mention] = []
    for child in noun.children:
        if child.dep_ == "poss":
            found += np_actors(child, index, allow_pronoun_possessor=True)
        elif child.dep_ == "prep" and child.lower_ == "of":
            for pobj in pobjs(child):
                found += np_actors(pobj, index) or _owners(pobj, index, depth + 1)
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            found += [m for a in child.children if a.dep_ == "agent" for p in pobjs(a) for m in np_actors(p, index)]
    return found


def court_findings(ec: EventContext, span: Span, sentence: Sentence) -> list[Draft]:
    """ACCUSE drafts for a court's finding stated in a clause: a finding verb (`finding_verbs`)
    whose subject is a court (anyone, for `inquiry_finding_verbs`: "the MPs found") and whose
    complement clause criticises (a judging word, not negated nor under a denial, not
    hypothetical: "ruled that the detentions were unlawful") accuses whom that criticism judges
    (`judged.judged_actors`), the court its source. A ruling noun (`ruling_nouns`) whose
    "that" clause states the finding does so for the body it names ("a Law Lords judgement
    that the detention was unlawful", "a ruling by the High Court that ..."). Never whom the
    court does not judge (`_unjudged`): who suffers the act judged, who is named in a time or
    reason clause, or in a claim the finding weighs."""
    if is_question(sentence):
        return []
    drafts: list[Draft] = []
    view = view_of(span.doc)
    for i in range(span.start, span.end):
        if view.pos[i] == "NOUN" and view.lemma[i].lower() in RULING_NOUNS:
            noun = span.doc[i]
            courts = _ruling_bodies(ec, noun)
            clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and _that_clause(c)]
            if courts and clauses and not has_neg(noun.head):
                draft = _finding_draft(ec, span, sentence, noun, courts, clauses)
                if draft is not None:
                    drafts.append(draft)
            continue
        if view.pos[i] != "VERB" or view.lemma[i].lower() not in FINDING_VERBS:
            continue  # `lemma_in` read from the view: a Token is made only for a finding verb
        verb = span.doc[i]
        if has_neg(verb):
            continue
        anyone_finds = lemma_in(verb, INQUIRY_FINDING_VERBS)
        courts = [m for m in subject_actors(verb, ec.index) if is_actor(m) and (anyone_finds or _court(verb, m))]
        if not courts:
            continue
        draft = _finding_draft(ec, span, sentence, verb, courts, [c for c in verb.children if c.dep_ == "ccomp"])
        if draft is not None:
            drafts.append(draft)
    return drafts


def _finding_draft(
    ec: EventContext, span: Span, sentence: Sentence, word: Token, courts: list[Mention], clauses: list[Token]
) -> Draft | None:
    """The ACCUSE draft of the first finding clause that criticises someone, `word` (the
    finding verb or ruling noun) its trigger and the first court its source."""
    for clause in clauses:
        scope = span.doc[clause.left_edge.i : clause.right_edge.i + 1]
        unjudged = _unjudged(ec, scope)
        judging = next(
            (
                t
                for t in scope
                if t.i not in unjudged and criticises(t) and not _denied(t) and not judges_a_hypothetical(t)
            ),
            None,
        )
        targets = judged_actors(ec, judging, scope, courts[0]) if judging is not None else []
        starts = {span.doc[i].idx for i in unjudged}
        targets = [m for m in targets if m.char_start not in starts]
        if targets:
            return speech_act_draft(ACCUSE_SPEECH, word, sentence, courts[:1], targets)
    return None


def _that_clause(clause: Token) -> bool:
    """A finite clause opened by "that" ("a judgement that the detention was unlawful")."""
    return clause.pos_ in ("VERB", "AUX") and has_that_marker(clause)


def _ruling_bodies(ec: EventContext, noun: Token) -> list[Mention]:
    """The bodies a ruling noun says ruled: named on it ("a Law Lords judgement", "the
    court's ruling") or in its "by" phrase ("a ruling by the High Court")."""
    words = [t for c in noun.children if c.dep_ in ("compound", "poss") for t in c.subtree]
    words += [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in pobjs(c) for t in p.subtree]
    return unique(m for t in words for m in ec.index.all_at(t) if is_actor(m) and m.kind != "pronoun")


def _denied(word: Token) -> bool:
    """ "ruled that the Home Office had not acted unlawfully", "found it could not be said the
    ministry acted unlawfully": the judging word, its verb, or a clause above it is negated or
    denied (`negation.denied_above`)."""
    if negated(word):
        return True
    verb = word
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return has_neg(verb) or denied_above(verb)


_CLAIMING_VERBS_OR_CLAUSE_DENIAL_VERBS = CLAIMING_VERBS | CLAUSE_DENIAL_VERBS


def _unjudged(ec: EventContext, scope: Span) -> set[int]:
    """Token positions in a finding's clause whose actors the finding does not judge, as
    `appraised_owner` reads an act noun: the possessor or "of" object of an act noun suffers
    the act ("the deportation of Mr Smith was unlawful"; its "by" agent is judged); a time or
    reason clause only places the act ("acted unlawfully when they detained Mr Smith"); and a
    claim's content ("allegations that the BBC had been biased were false", "wrong to say the
    Home Office acted unlawfully") is what is weighed, not a charge against whom it names."""
    out: set[int] = set()
    for token in scope:
        if token.pos_ == "NOUN" and ec.lexicon.noun(token.lemma_.lower()) is not None:
            sufferers = [c for c in token.children if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")]
            out |= {t.i for c in sufferers for t in c.subtree}
        if token.pos_ == "NOUN" and lemma_in(token, CLAIM_NOUNS):
            out |= {t.i for c in token.children if c.dep_ in ("acl", "relcl", "ccomp") for t in c.subtree}
        if token.pos_ == "VERB" and lemma_in(token, _CLAIMING_VERBS_OR_CLAUSE_DENIAL_VERBS):
            out |= {t.i for c in token.children if c.dep_ == "ccomp" for t in c.subtree}
        if token.dep_ == "advcl" and any(c.dep_ == "mark" or c.tag_ == "WRB" for c in token.children):
            out |= {t.i for t in token.subtree}
    return out


def _court(verb: Token, mention: Mention) -> bool:
    """Whether the subject is a court: by its name (`judged_referents.is_court`: "the Supreme
    Court", "the Law Lords"), or a court word (event_senses.yaml courts) or court phrase
    (events.yaml court_phrases: "law lords") as its head noun ("three Appeal Court judges")."""
    if is_court(mention):
        return True
    heads = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(h.lower_ in load_senses().classes["courts"] for h in heads):
        return True
    return any((c.lower_, h.lemma_.lower()) in COURT_PHRASES for h in heads for c in h.children)
