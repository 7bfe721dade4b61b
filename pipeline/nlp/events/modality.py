"""Modality: whether an event is reported as having happened (PLOVER's negation,
hypothetical and future contexts).

"not"/"no"/"never" on the trigger or its clause, or a negative subject ("nobody
criticised X", "no one forced X to resign") -> negated; modal auxiliaries and
conditionals -> hypothetical; "will", "planned", "is due to", "next week" -> future; the
content of a request, promise or threat ("called for talks", "pledged to recognise") ->
hypothetical, of a refusal -> negated, of an allegation ("accused X of attacking") ->
hypothetical; an event inside the complement of a non-factual word ("the need to", "the
notion of", "hope that") -> hypothetical; an infinitive not governed by an implicative
verb ("wants to meet", "UKIP's job to destroy") -> hypothetical; a question ->
hypothetical. Events inside a noun phrase are presupposed ("a crisis resulting from
Azerbaijan's blockade" stays asserted). Only `asserted` candidates become `events` rows.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.draft import (
    ASSERTED,
    CONTENT_MODALITY,
    FUTURE,
    HYPOTHETICAL,
    MODALITY_RANK,
    NEGATED,
    SPEECH_TYPES,
    TEMPORAL_LINK_PREPS,
    Draft,
    EventContext,
    actor_key,
    is_question,
    lemma_in,
    outer_noun,
)
from pipeline.nlp.events.subjects import subject_actors
from pipeline.nlp.events.vocabulary import (
    CONATIVE_VERBS,
    CONTACT_VERBS,
    CONTRAST_MARKS,
    COURSE_ENDS,
    COURSE_VERBS,
    FACTUAL_CLAUSE_MARKS,
    FUTURE_MODALS,
    IMPLICATIVE_PHRASAL_VERBS,
    IMPLICATIVE_VERBS,
    IRREALIS_WORDS,
    NEGATIVE_SUBJECTS,
    RESIGNATION_ANNOUNCING_VERBS,
)
from pipeline.nlp.lexicons import EventTriggers
from pipeline.nlp.syntax import (
    FINITE_OR_PARTICIPLE_TAGS,
    has_neg,
    has_no_determiner,
    has_to_marker,
    is_condition,
    misparsed_coordinate,
)


def _token_modality(token: Token, lexicon: EventTriggers, negation: bool = True) -> str:
    """Negation, modal auxiliaries, conditionals and irrealis modifiers on one token."""
    found = ASSERTED
    for child in token.children:
        word = child.lower_
        cue = None
        if child.dep_ == "neg" or (child.dep_ == "det" and word == "no") or _negative_subject(child):
            cue = NEGATED if negation else None
        elif child.dep_ in ("aux", "auxpass") and child.tag_ == "MD":
            cue = lexicon.modality(word) or (FUTURE if word in ("will", "shall", "'ll", "wo") else HYPOTHETICAL)
        elif child.dep_ == "aux" and word == "going":
            cue = FUTURE
        elif child.dep_ == "mark" and word in ("if", "unless", "whether"):
            cue = HYPOTHETICAL
        elif child.dep_ == "acomp" and token.lemma_ == "be":
            cue = lexicon.modality(word)  # "is due to be held", "is likely to meet"
            if cue == NEGATED:
                cue = None
        elif child.dep_ in ("amod", "advmod") and child.pos_ in ("ADJ", "VERB", "ADV"):
            cue = lexicon.modality(word)
            if cue is None and child.dep_ == "amod":
                cue = lexicon.modality(child.lemma_.lower())
            if cue == NEGATED and child.dep_ == "amod":
                cue = None
        if cue is not None and MODALITY_RANK[cue] > MODALITY_RANK[found]:
            found = cue
    return found


def _negative_subject(child: Token) -> bool:
    """ "Nobody criticised Mr Blair", "no one forced him to resign": a subject that is a
    negative quantifier, or has one as its determiner (`negative_subjects`), denies its clause."""
    if child.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return child.lower_ in NEGATIVE_SUBJECTS or any(
        g.dep_ in ("det", "predet", "preconj") and g.lower_ in NEGATIVE_SUBJECTS for g in child.children
    )


def _stronger(a: str, b: str) -> str:
    return a if MODALITY_RANK[a] >= MODALITY_RANK[b] else b


def _governor_modality(governor: Token, lexicon: EventTriggers) -> str:
    """What a verb or noun does to the truth of its complement."""
    lemma = governor.lemma_.lower()
    return lexicon.modality(lemma) or IRREALIS_WORDS.get(lemma, ASSERTED)


def _clause_modality(
    verb: Token, lexicon: EventTriggers, depth: int = 0, own_negation: bool = True, own_mood: bool = True
) -> str:
    """Modality of a verb's clause, climbing through the clauses that embed it;
    `own_negation` False leaves out the verb's own "not" (see `_own_phrase`), `own_mood`
    False its own "not", modals and conditions too (see `_finite_conjunct`)."""
    found = _token_modality(verb, lexicon) if own_mood else ASSERTED
    if found == NEGATED and not own_negation:
        found = _token_modality(verb, lexicon, negation=False)
    if depth:
        found = _stronger(found, _infinitive_modality(verb))
    if depth > 6 or verb.head == verb:
        return found
    head, dep = verb.head, verb.dep_
    if dep in ("xcomp", "ccomp"):
        content = _content_modality(head, lexicon)
        found = _stronger(found, content)
        found = _stronger(found, _clause_modality(head, lexicon, depth + 1))
    elif dep == "advcl" and _factual_clause(verb):
        pass  # "the vote would pass, as 16 MPs have sided with X": a reason given is a fact
    elif dep == "conj" and (clause := misparsed_coordinate(verb)) is not None:
        found = _stronger(found, _clause_modality(clause, lexicon, depth + 1))
    elif dep in ("advcl", "conj"):
        gerund_twin = _gerund_twin(verb) if dep == "conj" else None
        own_negation = not (dep == "conj" and gerund_twin is None and _own_phrase(verb))
        own_mood = not (dep == "conj" and gerund_twin is None and _finite_conjunct(verb) or _contrast_clause(verb))
        found = _stronger(found, _clause_modality(gerund_twin or head, lexicon, depth + 1, own_negation, own_mood))
    elif dep == "pcomp" and head.dep_ == "prep":
        governor = head.head
        if governor.pos_ in ("NOUN", "PROPN"):  # "the notion of clinching", "no sign of meeting"
            cue = _governor_modality(governor, lexicon)
            if has_no_determiner(governor):
                cue = NEGATED
            found = _stronger(found, cue)
        else:
            if head.lower_ == "of":  # "accused X of attacking": the attack is alleged
                found = _stronger(found, _content_modality(governor, lexicon, allegation=True))
            found = _stronger(found, _clause_modality(governor, lexicon, depth + 1))
    elif dep in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
        # "the need to end ...", "no indications that Baku agreed ...", "hope that ..."
        noun_cue = _governor_modality(head, lexicon)
        if has_no_determiner(head):
            noun_cue = NEGATED
        if (
            verb.tag_ not in ("VBN",)
            or any(c.dep_ == "mark" for c in verb.children)
            or verb.dep_ == "acl"
            and has_to_marker(verb)
        ):
            found = _stronger(found, noun_cue)
            if noun_cue != ASSERTED and head.head.pos_ in ("VERB", "AUX"):
                found = _stronger(found, _clause_modality(head.head, lexicon, depth + 1))
    return found


def saying_modality(cue: Token, lexicon: EventTriggers) -> str:
    """Whether the saying a quote's cue verb reports was done: "Forsyth will be saying that
    ..." (future), "critics might argue that ..." (hypothetical), "he did not say that ..."
    (negated), read off the cue's clause as an event verb's is."""
    return _clause_modality(cue, lexicon)


def _factual_clause(verb: Token) -> bool:
    """A past or perfect adverbial clause opened by a reason or an earlier event ("because
    Iran has rejected", "as 16 MPs sided with"): it reports what happened."""
    if not any(c.dep_ == "mark" and c.lower_ in FACTUAL_CLAUSE_MARKS for c in verb.children):
        return False
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return verb.tag_ == "VBD" or perfect


def _own_phrase(verb: Token) -> bool:
    """ "have not been drawn into it but have called for X": a coordinated verb with its own
    auxiliary or subject is a verb phrase of its own, which the first verb's "not" does not
    negate ("did not meet or speak to X" shares it)."""
    if any(c.dep_ == "cc" and c.lower_ in ("nor", "neither") for c in verb.head.children):
        return False  # "does not commit suicide, nor does she kill": "nor" negates its verb too
    return any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") and c.tag_ != "MD" for c in verb.children)


def _finite_conjunct(verb: Token) -> bool:
    """ "said a delay would be disastrous and she accused the Tories of opportunism": a
    conjoined clause with its own subject and its own tense is asserted or not on its own;
    the first clause's modal, "not" or "if" stays there (what embeds both still counts).
    So is a tensed verb joined to a bare one ("said he would not respond ... and promised
    to hail"): it cannot share the bare verb's modal, whatever subject the parser gives it."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or verb.head.tag_ == "VB"


def _contrast_clause(verb: Token) -> bool:
    """ "The Lib Dems said the plan could let extreme groups run policing, while Labour
    criticised the Tory promises": a tensed clause of contrast (`contrast_marks`) with its
    own subject reports its own fact; the main clause's "could" is not its mood."""
    if verb.dep_ != "advcl" or not _finite_conjunct(verb):
        return False
    return any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in verb.children)


def _implicative_phrase(verb: Token) -> bool:
    """ "He went on to accuse Mr Brown": a phrasal verb of carrying on (`implicative_phrasal_verbs`,
    parsed with the infinitive as an adverbial clause) reports the infinitive as done."""
    head = verb.head
    particles = {c.lower_ for c in head.children if c.dep_ == "prt"}
    lemma = head.lemma_.lower()
    return verb.dep_ == "advcl" and any(v == lemma and p in particles for v, p in IMPLICATIVE_PHRASAL_VERBS)


def _infinitive_modality(verb: Token) -> str:
    """ "wants to meet", "the job to destroy": an infinitive is not asserted, unless an
    implicative verb governs it ("managed to meet"); a passive infinitive that completes a
    verb ("he was to be charged", "is expected to be arrested") no more than an active one.
    One that modifies a noun often tells what happened ("became the first tycoon to be
    arrested"), and stays asserted."""
    passive_infinitive = (
        verb.tag_ == "VBN"
        and verb.dep_ not in ("acl", "relcl")
        and any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in verb.children)
    )
    to_infinitive = has_to_marker(verb)
    if verb.tag_ != "VB" and not passive_infinitive or not to_infinitive:
        return ASSERTED
    head = verb.head
    if verb.dep_ in ("xcomp", "ccomp") and lemma_in(head, IMPLICATIVE_VERBS) or _implicative_phrase(verb):
        return ASSERTED
    return HYPOTHETICAL


def _gerund_twin(verb: Token) -> Token | None:
    """ "accused X of telling lies and then attacking them": the parser often hangs the
    second gerund on the finite verb; it belongs with the gerund in its "of" phrase."""
    head = verb.head
    if verb.tag_ != "VBG" or head.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.i < verb.i:
            for pcomp in prep.children:
                if pcomp.dep_ == "pcomp" and pcomp.tag_ == "VBG":
                    return pcomp
    return None


def _content_modality(governor: Token, lexicon: EventTriggers, allegation: bool = False) -> str:
    """Whether the complement of `governor` is asserted: "pledged to X" -> hypothetical."""
    trigger = lexicon.verb(governor.lemma_.lower())
    if trigger is not None and trigger.event_type in CONTENT_MODALITY:
        return CONTENT_MODALITY[trigger.event_type]
    if trigger is not None and trigger.event_type == "ACCUSE" and trigger.mode == "allege":
        return HYPOTHETICAL  # what someone is accused of is alleged, not reported as fact
    if allegation:
        return ASSERTED
    return _governor_modality(governor, lexicon)


def modality(ec: EventContext, draft: Draft) -> str:
    """The draft's modality: its own clause, its noun phrase, the verbs that realise it."""
    lexicon = ec.lexicon
    token = draft.token
    if token.pos_ not in ("NOUN", "PROPN") and (effort := _mediation_effort(draft)) is not None:
        found = _clause_modality(effort, lexicon)  # "the UN is attempting to mediate": mediating now
    elif token.pos_ not in ("NOUN", "PROPN") and _announced_resignation(ec, draft):
        found = ASSERTED  # "Mark Vaile announced that he will resign": his resignation
    elif token.pos_ not in ("NOUN", "PROPN") and draft.event_type in SPEECH_TYPES and _said_on_contact(token, lexicon):
        found = _clause_modality(token.head, lexicon)  # "met Blair to demand the release": demanded then
    elif token.pos_ not in ("NOUN", "PROPN"):
        found = _clause_modality(token, lexicon)
        found = _stronger(found, _infinitive_modality(token))
    else:
        found = _noun_modality(draft, lexicon)
    if is_question(draft.sentence):
        found = _stronger(found, HYPOTHETICAL)  # a question asserts nothing
    for verb in draft.realisers:
        if verb.pos_ in ("VERB", "AUX") or verb.tag_.startswith("VB"):
            if verb.dep_ in ("acl", "relcl", "amod") and verb.head in (token, outer_noun(token)):
                found = _stronger(found, _token_modality(verb, lexicon))
            else:
                found = _stronger(found, _clause_modality(verb, lexicon))
                found = _stronger(found, _infinitive_modality(verb))
            if draft.event_type == "AGREE" and _progressive(verb):
                found = _stronger(found, HYPOTHETICAL)  # "were still hammering out a deal": none reached yet
    return found


def _said_on_contact(verb: Token, lexicon: EventTriggers) -> bool:
    """ "approached Mr Vohor to complain", "summoned the ambassador to protest", "visited Beijing
    to urge China": a speech act that is the purpose of a meeting, a visit or a call
    (events.yaml contact_verbs) is made there, as surely as the contact is made; its own
    "not" or modal still counts."""
    if verb.tag_ != "VB" or not has_to_marker(verb) or verb.dep_ not in ("advcl", "xcomp"):
        return False
    if _token_modality(verb, lexicon) != ASSERTED:
        return False
    head = verb.head
    return head.pos_ == "VERB" and lemma_in(head, CONTACT_VERBS) and head.tag_ in FINITE_OR_PARTICIPLE_TAGS


def _announced_resignation(ec: EventContext, draft: Draft) -> bool:
    """ "Mark Vaile announced that he will resign as leader", "confirmed he would step down":
    announcing one's own resignation (events.yaml resignation_announcing_verbs) is the
    resignation, whatever tense the announced clause takes ("will", "would": events.yaml
    future_modals). Not when the clause is negated, conditional ("would resign if") or
    under a modal of possibility ("might resign"), the announcing verb itself not asserted ("may
    announce"), or the one resigning someone else than the announcer."""
    token = draft.token
    if draft.event_type != "RETREAT" or draft.mode != "resign" or token.dep_ != "ccomp" or not draft.sources:
        return False
    head = token.head
    if not lemma_in(head, RESIGNATION_ANNOUNCING_VERBS) or _clause_modality(head, ec.lexicon) != ASSERTED:
        return False
    if has_neg(token) or any(is_condition(c) for c in token.children):
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ not in FUTURE_MODALS for c in token.children):
        return False  # "announced that he might resign": a possibility announced, no resignation
    announcers = {actor_key(m) for m in subject_actors(head, ec.index)}
    return bool(announcers) and all(actor_key(m) in announcers for m in draft.sources)


def _progressive(verb: Token) -> bool:
    """ "were hammering out", "is signing": a verb in the progressive tells an act under way,
    so the agreement it realises is not yet concluded."""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


def _mediation_effort(draft: Draft) -> Token | None:
    """ "The United Nations is attempting to mediate the conflict", "Norway is trying to
    broker peace": an effort to mediate (a conative verb of events.yaml conative_verbs
    governing a mediating trigger) is mediation under way, asserted as the effort is; the
    effort's verb, or None."""
    verb = draft.token
    if draft.trigger.subject_role != "mediator" or verb.dep_ != "xcomp":
        return None
    return verb.head if lemma_in(verb.head, CONATIVE_VERBS) else None


def _noun_modality(draft: Draft, lexicon: EventTriggers) -> str:
    noun = draft.token
    outer = outer_noun(noun)
    found = _stronger(_token_modality(noun, lexicon), _token_modality(outer, lexicon))
    if draft.realisers:
        return found  # the realising verb's clause decides (see `modality`)
    if _told_as_past(noun) or _told_as_past(outer):
        return found  # "fights ..., which came to a halt in 2001, will start again": they took place
    head, dep = outer.head, outer.dep_
    if dep == "pobj" and head.dep_ in ("prep", "agent"):
        governor = head.head
        word = head.lower_
        if governor.pos_ in ("NOUN", "PROPN"):
            # "prospects for its signing", "the notion of talks"
            return _stronger(found, _governor_modality(governor, lexicon))
        if governor.pos_ in ("VERB", "AUX"):
            if word in ("for", "to"):  # "called for talks", "agreed to talks"
                return _stronger(found, _content_modality(governor, lexicon))
            # "will be found during talks", "should start 2005 with an apology"; an infinitive
            # ("orders to keep suspects under house arrest") tells a purpose, not an act done,
            # but the event it is timed by ("sent to restore order after the riots") took place
            if word not in TEMPORAL_LINK_PREPS:
                found = _stronger(found, _infinitive_modality(governor))
            return _stronger(found, _clause_aux_modality(governor, lexicon))
        return found
    if dep == "nsubj" and head.pos_ in ("VERB", "AUX"):
        # "the talks will resume", "a meeting is due to be held next week"
        clause = _clause_modality(head, lexicon)
        if clause == NEGATED:
            clause = ASSERTED  # "the talks did not produce a deal": the talks took place
        return _stronger(found, clause)
    if dep in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        content = _content_modality(head, lexicon)
        if content == NEGATED and dep == "dobj":
            content = ASSERTED  # "opposes the blockade": the blockade exists
        clause = _clause_modality(head, lexicon)  # "will ... before chairing a meeting"
        clause = _stronger(clause, _infinitive_modality(head))
        if clause == NEGATED and not has_neg(head):
            clause = ASSERTED  # negation further up ("did not say he attended the meeting")
        return _stronger(_stronger(found, content), clause)
    return found


def _told_as_past(noun: Token) -> bool:
    """ "the fights, which came to a halt in 2001", "the attack that killed ten": a relative
    clause in the past tense whose subject is the event itself (a relative pronoun) says it
    took place, whatever the main clause says about its future. A clause the event is the
    object of ("the talks that Blair proposed") or a passive one ("the talks which were
    planned") tells of plans, not of the event, and does not count. The parser often hangs
    the clause on a party of the event's "between" or "of" phrase ("fights between
    guerrillas and the army, which came to a halt in 2001"); there it counts only when its
    verb tells the course of an event (events.yaml course_verbs), which a party cannot do."""
    clauses = [(c, False) for c in noun.children] + [(c, True) for c in _party_clauses(noun)]
    for clause, on_party in clauses:
        if clause.dep_ != "relcl" or any(c.dep_ == "neg" or c.tag_ == "MD" for c in clause.children):
            continue
        if on_party and not _tells_course(clause):
            continue
        subject = [c for c in clause.children if c.dep_ == "nsubj"]
        perfect = clause.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in clause.children)
        if subject and subject[0].tag_ == "WDT" and (clause.tag_ == "VBD" or perfect):
            return True
    return False


def _party_clauses(noun: Token) -> list[Token]:
    """The children of the nouns of the event's "between"/"of" phrase ("guerrillas" and
    "army" in "fights between guerrillas and the army")."""
    out: list[Token] = []
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("between", "of"):
            for party in (p for p in prep.children if p.dep_ == "pobj"):
                for one in (party, *party.conjuncts):
                    out.extend(one.children)
    return out


def _tells_course(clause: Token) -> bool:
    """ "which ended in 1988", "which came to a halt": an intransitive verb of an event's
    course (events.yaml course_verbs; "come" only "to" an end, course_ends)."""
    if not lemma_in(clause, COURSE_VERBS) or any(c.dep_ == "dobj" for c in clause.children):
        return False
    if clause.lemma_.lower() != "come":
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "to" and any(lemma_in(p, COURSE_ENDS) for p in c.children if p.dep_ == "pobj")
        for c in clause.children
    )


def _clause_aux_modality(verb: Token, lexicon: EventTriggers) -> str:
    """The tense/mood of a clause an event hangs from ("will be found during talks")."""
    found = _token_modality(verb, lexicon)
    if found == NEGATED:
        found = ASSERTED  # "did not say anything after the talks": the talks happened
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head != verb:
        outer = _stronger(_token_modality(verb.head, lexicon), _governor_modality(verb.head, lexicon))
        if verb.dep_ != "xcomp":
            outer = _token_modality(verb.head, lexicon)  # only a governor of an xcomp is content
        if outer in (FUTURE, HYPOTHETICAL):
            found = _stronger(found, outer)
    return found
