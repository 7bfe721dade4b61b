"""Reporting verbs ("said", "went on", "called for", "according to") and who reports."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.gazetteer import load_gazetteer
from pipeline.nlp.mentions.vocabulary import PEOPLE_NOUNS, PERSON_NOUNS, TITLE_NOUNS
from pipeline.nlp.stances.words import MESSAGE_NOUNS
from pipeline.nlp.syntax import (
    ACTOR_LABELS,
    FINITE_TAGS,
    SUBJECT_SLOT_DEPS,
    agent_of,
    has_subject,
    has_to_marker,
    is_passive,
    passive_subject,
    subject_of,
)
from pipeline.nlp.token_view import TokenView, view_of
from pipeline.nlp.vocabulary import load_vocabulary

_VOCABULARY = load_vocabulary("quotes")  # pipeline/knowledge/quotes.yaml says what each list is for
SPEECH_VERBS = _VOCABULARY.words("speech_verbs")
PHRASAL_CUES = _VOCABULARY.pairs("phrasal_cues")
PARTICLE_ONLY = _VOCABULARY.words("particle_only")
INDIRECT_VERBS = _VOCABULARY.words("indirect_verbs")
XCOMP_REPORTING = _VOCABULARY.words("xcomp_reporting")
EXPRESSED_NOUNS = _VOCABULARY.words("expressed_nouns")
EXPRESSING_VERBS = _VOCABULARY.words("expressing_verbs")
PROXY_NOUNS = _VOCABULARY.words("proxy_nouns")
BODY_NOUNS = _VOCABULARY.words("body_nouns")
COMMITTEE_MEMBER_NOUNS = _VOCABULARY.words("committee_member_nouns")
COMMITTEE_BODY_HEADS = _VOCABULARY.words("committee_body_heads")
PRESS_NOUNS = _VOCABULARY.words("press_nouns")
PRESS_NAME_WORDS = _VOCABULARY.words("press_name_words")
DOCUMENT_NOUNS = _VOCABULARY.words("document_nouns")
ORGAN_NOUNS = _VOCABULARY.words("organ_nouns")
BELIEF_VERBS = _VOCABULARY.words("belief_verbs")
AS_VERBS = _VOCABULARY.words("as_verbs")
OBJECT_REPORT_VERBS = _VOCABULARY.words("object_report_verbs")
HOSTING_SENSES = _VOCABULARY.pairs("hosting_senses")
REASON_PREPS = _VOCABULARY.words("reason_preps")
OWN_REPORT_LINKS = _VOCABULARY.words("own_report_links")
SPEAKING_PRONOUNS = _VOCABULARY.words("speaking_pronouns")
CONTRAST_MARKS = _VOCABULARY.words("contrast_marks")
QUOTING_VERBS = _VOCABULARY.words("quoting_verbs")
OCCASION_VERBS = _VOCABULARY.words("occasion_verbs")
SHOWING_VERBS = _VOCABULARY.words("showing_verbs")


_DOCUMENT_NOUNS_OR_PROXY_NOUNS_OR_ORGAN_NOUNS = DOCUMENT_NOUNS | PROXY_NOUNS | ORGAN_NOUNS


def possessor_speaks(noun: Token) -> bool:
    """Whether a noun's possessor is who speaks or holds through it: its statement, report or
    spokesman, its ministry ("Armenia's foreign ministry said"), not a body or person of its
    own ("the government's finance watchdog", "Labour's candidate": they speak for themselves)."""
    lemma = noun.lemma_.lower()
    return lemma in _DOCUMENT_NOUNS_OR_PROXY_NOUNS_OR_ORGAN_NOUNS or noun.lower_ in ORGAN_NOUNS


def phrase_particle(verb: Token) -> str | None:
    view, i = view_of(verb.doc), verb.i
    dep, lower = view.dep, view.lower
    lemma = view.lemma[i].lower()
    for child in view.children(i):
        adjacent = dep[child] == "prt" or (dep[child] == "prep" and child == i + 1)
        if adjacent and (lemma, lower[child]) in PHRASAL_CUES:
            return lower[child]
    return None


def is_cue(token: Token) -> bool:
    """A reporting verb (or "according" of "according to"); answered once per token (the
    passes ask it of every ancestor of every word), and on the token view alone for the words
    `could_be_cue` rules out."""
    view = view_of(token.doc)
    i = token.i
    if not could_be_cue(view, i):
        return False
    key = ("is_cue", i)
    found = view.memo.get(key)
    if found is None:
        found = view.memo[key] = _is_cue(token)
    return found


def _is_cue(token: Token) -> bool:
    if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
        return True
    if token.pos_ not in ("VERB", "AUX") and not (token.tag_.startswith("VB")):
        return False
    lemma = token.lemma_.lower()
    if lemma in PARTICLE_ONLY:
        return phrase_particle(token) is not None
    if lemma in EXPRESSING_VERBS:
        return any(c.dep_ == "dobj" and c.lemma_.lower() in EXPRESSED_NOUNS for c in token.children)
    if lemma not in SPEECH_VERBS:
        if lemma in BELIEF_VERBS:
            return belief_clause(token) is not None
        if lemma in AS_VERBS:
            return as_phrase(token) is not None
        return False
    if lemma == "call":
        return phrase_particle(token) is not None
    if lemma == "continue":  # "continues to age": the parser may take "to age" for a preposition phrase
        return not any(
            c.dep_ in ("xcomp", "dobj", "ccomp") and not _opens_quote(c) or c.dep_ == "prep" and c.lower_ == "to"
            for c in token.children
        )
    return not (lemma == "ask" and _asked_of(token))


def _opens_quote(clause: Token) -> bool:
    """A clause whose words open right after a quote mark ("The statement continued: “He may be
    driving …”"): the words quoted, not what the verb goes on doing."""
    first = clause.left_edge.i
    return first > 0 and clause.doc[first - 1].is_quote


def under_a_cue(token: Token) -> bool:
    """Whether a word stands in reported speech: under a reporting verb ("It says it wants …")."""
    return any(is_cue(above) for above in token.ancestors)


def _asked_of(token: Token) -> bool:
    """ "Asked whether he would resign, Mr Howard said …", "When asked if …", "He was asked
    why …": a passive "asked" reports the question put to someone, not what anyone said (the
    one asked answers in the main clause); "has asked" is active."""
    if token.tag_ != "VBN":
        return False
    return not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in token.children)


def could_be_cue(view: TokenView, i: int) -> bool:
    """False for token i when `is_cue` is surely false: neither "according" nor a verb whose
    lemma is a speech verb or a particle-only one (tested on the doc's token view)."""
    if view.lower[i] == "according":
        return True
    if view.pos[i] not in ("VERB", "AUX") and not view.tag[i].startswith("VB"):
        return False
    lemma = view.lemma[i].lower()
    return (
        lemma in PARTICLE_ONLY
        or lemma in SPEECH_VERBS
        or lemma in BELIEF_VERBS
        or lemma in AS_VERBS
        or lemma in OBJECT_REPORT_VERBS
        or lemma in EXPRESSING_VERBS
    )


def cue_candidates(view: TokenView) -> list[int]:
    """The tokens `could_be_cue` keeps, in order: found once per doc for the passes that look
    for reporting verbs (the quotes' clauses and their speech events)."""
    return view.once("cue_candidates", lambda: [i for i in range(len(view)) if could_be_cue(view, i)])


def belief_clause(verb: Token) -> Token | None:
    """The that-clause an opinion verb reports ("analysts believe (that) rates will rise"):
    a finite clausal complement after the verb, never "is expected to …" or "I think" in
    parentheses; the verb itself active, not "is thought to be", but for the passive with
    "it" and a clause of its own ("it was thought (that) Mr Blunkett would …", no source:
    `unsourced_passive`)."""
    if verb.tag_ == "VBN" and is_passive(verb) and not _it_passive(verb):
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None or not any(c.dep_ in SUBJECT_SLOT_DEPS for c in clause.children):
        return None
    if has_to_marker(clause):
        return None  # "expects profits to rise": no clause of its own
    return clause


def unsourced_passive(verb: Token) -> bool:
    """ "It is reported that …", "it was announced that …", "researchers were told …": a
    passive report that names no one with "by"; its subject is what or whom the report is
    about, never its source, so the quote has no speaker (eval/GUIDE.md, Clarifications).
    A to-infinitive after it ("officers are reported to have been …", "is thought to be …")
    reports nothing here: the gold annotates few of them, and taking them as quotes lost
    precision in `make eval` (issue 16)."""
    return is_passive(verb) and agent_of(verb) is None


def _it_passive(verb: Token) -> bool:
    """ "it was thought …", "it is believed …": a passive whose subject is "it" standing
    for the clause that follows."""
    subject = passive_subject(verb)
    return subject is not None and subject.lower_ == "it" and subject.i < verb.i


def as_phrase(verb: Token) -> tuple[Token, Token] | None:
    """The object and "as" phrase of "described the plan as a mistake" (`as_verbs`)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    # the parser hangs "as" on the verb or on its object ("labelling the comments as …")
    as_ = next((c for c in (*verb.children, *obj.children) if c.dep_ == "prep" and c.lower_ == "as"), None)
    if as_ is None:
        return None
    return obj, as_


def speaker_token(cue: Token) -> Token | None:
    """The speaker token of a reporting verb: its subject, a participle or coordinated
    report taking the subject of the reporting verb above it; in "the BBC quoted Kostov as
    saying" / "to have said" the one quoted (the object of "quote"), a name or someone a
    noun of people or posts describes ("quotes the aid minister saying")."""
    quoting = cue if _quotes_as_saying(cue) else _quoting_verb(cue)
    if quoting is not None:
        quoted = next((c for c in quoting.children if c.dep_ == "dobj"), None)
        # a name, or someone speaking for a body ("cited officials as saying"); a document
        # quoted ("quoted the plan as saying") speaks through whoever quotes it
        if quoted is not None and (
            quoted.pos_ == "PROPN"
            or quoted.ent_type_ in ("PERSON", "ORG")
            or quoted.lemma_.lower() in PROXY_NOUNS
            or is_person_head(quoted)
            or load_gazetteer().match_role(quoted.text) is not None  # "quotes the Belgian aid minister saying"
        ):
            return quoted
    shown = _shown_speaking(cue)
    if shown is not None:
        return shown
    agent = _passive_agent(cue)
    if agent is not None:
        return agent
    quoted = _quoted_in_passive(cue)
    if quoted is not None:
        return quoted
    if unsourced_passive(cue):
        return None
    own = clause_subject_before(cue)
    if own is not None:
        return own
    found = subject_of(cue, reporting=is_cue) or _misparsed_inverted_subject(cue)
    if found is None or found.pos_ == "VERB":
        found = (
            _name_swallowed_before(cue)
            or _name_closing_participle(found)
            or _name_hung_on_opening_participle(cue)
            or found
        )
    if found is None and cue.dep_ == "acl" and cue.tag_ == "VBG" and (_can_report(cue.head) or _people_claiming(cue)):
        # "issued a statement saying …": the statement speaks for its author; "with Congo's
        # president accusing Rwanda of …": the one the reporting participle describes reports
        return cue.head
    if found is None and cue.tag_ == "VBG" and not has_subject(cue):
        return _participle_doer(cue)
    return found


def clause_subject_before(verb: Token) -> Token | None:
    """ "Prosecutors said Smith lied to investors and told them …": a report with no subject
    of its own joined by "and"/"but" to a clause inside another
    report, where that clause has a subject of its own that is a person (`is_person_head`), shares that
    subject (Smith told them), not the outer reporter's; None when the verb hangs on the
    reporting verb itself or the clause's subject is a pronoun ("said he accepted the
    balance but questioned …": the pronoun may be the reporter)."""
    if verb.dep_ != "conj" or has_subject(verb) or verb.head == verb:
        return None  # "said the officer had acted wrongly, adding …": a comma participle goes on with the speaker
    head = verb.head
    if is_cue(head):
        return None
    subject = next((c for c in head.children if c.dep_ in SUBJECT_SLOT_DEPS), None)
    if subject is None or subject.dep_ == "expl" or any(t.pos_ == "PRON" for t in (subject, *subject.conjuncts)):
        return None  # "said Mr Hulme-Cross and himself had no intention …": the speaker among them
    # only someone who can report in turn: "said developing countries support the end of
    # quotas and stressed …", "said improvements had been made, adding …" go on with the speaker
    return subject if is_person_head(subject) else None


def _participle_doer(cue: Token) -> Token | None:
    """ "Hazel Blears defended the move saying it would …" (the participle hung on a thing the
    subject acted on), "Downing Street would not be drawn on the claim, saying …" (hung on a
    passive): a reporting participle's doer is the subject of the clause it is set in, the
    agent of a passive first ("was rejected by the council, saying …"); not when the thing is
    a message (stances.yaml message_nouns: "obtained a leaflet saying …": the leaflet says it)."""
    head = cue.head
    if cue.dep_ == "acl" and head.dep_ == "dobj" and head.pos_ == "NOUN" and head.ent_type_ == "":
        if head.lemma_.lower() in MESSAGE_NOUNS:
            return None
        return subject_of(head.head, reporting=is_cue)  # "Mr Reid, who defended the plan saying …": Mr Reid
    if cue.dep_ == "advcl":
        return agent_of(head) or passive_subject(head)
    if cue.dep_ == "pcomp" and head.lower_ == "by" and head.head.pos_ == "VERB" and not is_passive(head.head):
        return subject_of(head.head, reporting=is_cue)  # "responded by asking him what …": who responded
    return None


def _people_claiming(participle: Token) -> bool:
    """ "criticism from unions claiming that …", "heat from advocates demanding that …": a
    reporting participle with a that-clause on people or a body it describes (not on an
    object, where the participle is mostly the clause subject's: "dismissed the figures
    insisting that …")."""
    noun = participle.head
    if noun.dep_ == "dobj" or not may_speak(noun):
        return False
    clauses = (c for c in participle.children if c.dep_ == "ccomp")
    return any(any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in clauses)


def _can_report(noun: Token) -> bool:
    """A noun a reporting participle may describe as its speaker: the noun of "with X
    saying", a document, a proxy, a post ("Congo's president accusing …") or a name; not
    the words the parser may hang an adverbial participle on ("a more exasperated tone,
    suggesting …", "argued for religious tolerance, arguing …")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "with":
        return True  # "with X saying …": the participle's subject, whatever X is
    lemma = noun.lemma_.lower()
    if lemma in DOCUMENT_NOUNS or lemma in PROXY_NOUNS or noun.lower_ in TITLE_NOUNS:
        return True
    if load_gazetteer().match_role(noun.text) is not None:
        return True
    return noun.pos_ == "PROPN" and noun.ent_type_ in ACTOR_LABELS


def may_speak(subject: Token | None) -> bool:
    """Whether a verb's subject can be the one who judges, demands or owns up in words (a
    verb of object_report_verbs with no clause): a pronoun, a name, a person, a body or
    anyone `_can_report` takes, or a plural ("critics", "campaigners"); not a thing ("the
    job demands long hours"). No subject (a participle, a coordinate) leaves it to the
    speaker search."""
    if subject is None or subject.pos_ in ("PRON", "PROPN") or subject.ent_type_ or _can_report(subject):
        return True
    lemma = subject.lemma_.lower()
    if lemma in BODY_NOUNS or lemma in ORGAN_NOUNS or lemma in PRESS_NOUNS:
        return True
    return lemma in PERSON_NOUNS or lemma in PEOPLE_NOUNS or subject.tag_ in ("NNS", "NNPS")


def is_person_head(noun: Token) -> bool:
    """A noun phrase that names or describes people ("Tony Blair", "a 35-year-old man",
    "the visiting president", "more than 200 patients"): whom a verb of judging acts on,
    not words reported, unless a "for"/"of" phrase says why."""
    if noun.pos_ == "PROPN" or noun.ent_type_ == "PERSON":
        return True
    lemma = noun.lemma_.lower()
    if lemma in PERSON_NOUNS or lemma in PEOPLE_NOUNS or noun.lower_ in TITLE_NOUNS or lemma in TITLE_NOUNS:
        return True
    return noun.tag_ == "NNS" and any(c.dep_ == "nummod" for c in noun.children)  # "200 patients"


def hosts(verb: Token) -> bool:
    """ "welcomed the visiting president to Windsor Castle", "welcomed them back": a verb of
    judging in a sense of receiving someone (quotes.yaml hosting_senses), not of words."""
    lemma = verb.lemma_.lower()
    return any((lemma, c.lower_) in HOSTING_SENSES for c in verb.children if c.dep_ in ("prep", "prt", "advmod"))


def _quoted_in_passive(cue: Token) -> Token | None:
    """ "Mr Jones was quoted as saying …", "The minister was quoted by Reuters as saying …": the
    subject of a passive quoting verb is the one quoted."""
    prep = cue.head
    if cue.tag_ != "VBG" or cue.dep_ != "pcomp" or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in QUOTING_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _quotes_as_saying(cue: Token) -> bool:
    """ "The Daily Telegraph quotes Yushchenko as saying: …": the quoting verb itself picked as
    the cue (the parser hangs the quote on it), with an object and an "as saying" phrase."""
    if cue.lemma_.lower() not in QUOTING_VERBS or cue.tag_ == "VBN":
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.tag_ == "VBG" and is_cue(g) for g in c.children)
        for c in cue.children
    )


def _misparsed_inverted_subject(cue: Token) -> Token | None:
    """ "…," said Tory shadow local government secretary Caroline Spelman.": after an inverted
    cue the parser may read a title word as a verb ("shadow") and the name as its object; a
    clause of nothing but name and title words (no determiner, auxiliary or other verb)
    closing the sentence is the speaker phrase, and its proper-noun object the speaker."""
    clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.i == cue.i + 2), None)
    if clause is None or clause.pos_ != "VERB":
        return None
    words = [t for t in clause.subtree if not t.is_punct and not t.is_space]
    after = words[-1].i + 1
    if words[0].i != cue.i + 1 or after < cue.sent.end and not cue.doc[after].is_punct:
        return None  # the phrase starts right after the cue and closes the sentence
    if any(t.pos_ in ("DET", "AUX", "VERB", "PRON", "ADP") for t in words if t != clause):
        return None
    return next((c for c in clause.children if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)


def _passive_agent(cue: Token) -> Token | None:
    """ "… plans to merge 35 agencies - described by one civil service union as a “bonfire of
    the quangos”": a passive report names its speaker with "by", never the subject of the
    clause the participle hangs on."""
    return agent_of(cue) if cue.tag_ == "VBN" else None


def _name_swallowed_before(cue: Token) -> Token | None:
    """ "In an interview with the Times Mr Kennedy said", "Writing in the Sun newspaper Tony
    Blair said": after an opening phrase with no comma the parser may take the speaker's name
    into the phrase (or make the participle the subject); a finite report with no subject of
    its own, right after a name in that phrase, is by that name."""
    if cue.i == 0 or cue.tag_ not in FINITE_TAGS:
        return None
    name = cue.doc[cue.i - 1]
    if name.pos_ != "PROPN" or name.ent_type_ not in ("PERSON", "ORG") or name.head.i > name.i:
        return None  # the last word of a name: the head of its phrase, not a modifier of a later word
    opening = [t for t in cue.doc[cue.sent.start : name.i] if not t.is_space]
    if not opening or opening[0].dep_ not in ("prep", "advcl") and opening[0].tag_ != "VBG":
        return None  # the sentence opens on a phrase set before the subject
    return name


def _name_closing_participle(subject: Token | None) -> Token | None:
    """ "Echoing the comments of many Kurdish Iraqis, Mohammed Saleh, a 42-year-old Kurd, told
    reporters": when the parser makes an opening participle phrase the subject, the speaker
    is the name set off by commas at its end (the parser hangs it in apposition inside)."""
    if subject is None or subject.dep_ != "csubj" or subject.tag_ != "VBG":
        return None
    doc = subject.doc
    for t in subject.subtree:
        set_off = t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == ","
        if t.dep_ == "appos" and t.pos_ == "PROPN" and t.ent_type_ == "PERSON" and set_off:
            return t
    return None


def _name_hung_on_opening_participle(cue: Token) -> Token | None:
    """ "Welcoming the ruling, Maeve Sherlock, chief executive of the Refugee Council, said: …":
    when the parser leaves a finite report with no subject but the opening participle phrase
    (or makes that phrase the subject) and hangs the name after it on the participle (as a noun
    modifier, an apposition or an unlabelled dependent), the speaker is that name, set off by a comma after the phrase,
    its own words (an apposition) running up to the report."""
    if cue.tag_ not in FINITE_TAGS:
        return None
    doc = cue.doc
    opening = next(
        (
            c for c in cue.children
            if c.dep_ in ("advcl", "csubj") and c.tag_ == "VBG" and c.i < cue.i and c.left_edge.i == cue.sent.start
        ),
        None,
    )
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    if opening is None or opening.right_edge.i != cue.i - 1 or doc[cue.i - 1].text != ",":
        return None
    for name in opening.children:
        set_off = name.left_edge.i > 0 and doc[name.left_edge.i - 1].text == ","
        if (
            name.dep_ in ("npadvmod", "appos", "dep")
            and name.pos_ == "PROPN"
            and name.ent_type_ in ("PERSON", "ORG")
            and set_off
            and name.right_edge.i == cue.i - 1
        ):
            return name
    return None


def _shown_speaking(cue: Token) -> Token | None:
    """ "The documentary showed Mr Nattrass, apparently talking about the EU, telling the
    meeting: …": a report participle with no subject of its own, hanging (through other
    such participles) on an active verb that shows or hears someone, is said by that verb's
    object."""
    token = cue
    for _ in range(3):
        if token.tag_ != "VBG" or token.dep_ not in ("advcl", "xcomp", "acl") or has_subject(token):
            return None
        token = token.head
        if token.lemma_.lower() in SHOWING_VERBS and token.tag_ != "VBN":
            shown = next((c for c in token.children if c.dep_ == "dobj"), None)
            return shown if shown is not None and shown.pos_ in ("PROPN", "NOUN") else None
    return None


def _quoting_verb(cue: Token) -> Token | None:
    """The active "quote" or "cite" a report hangs from ("quoted X as saying", "quoted X to
    have said", "cited officials as saying")."""
    token = cue
    for _ in range(3):
        if token.dep_ not in ("xcomp", "advcl", "pcomp", "pobj", "prep", "ccomp") or token.head == token:
            return None
        token = token.head
        if token.lemma_.lower() in QUOTING_VERBS and token.tag_ != "VBN":
            return token
    return None


def cue_text(token: Token, text: str) -> tuple[int, int]:
    """Character span of the cue as written: the verb with its particle ("went on", "called for")."""
    start, end = token.idx, token.idx + len(token.text)
    if token.lower_ == "according":
        to = next((c for c in token.children if c.lower_ == "to"), None)
        if to is not None:
            end = max(end, to.idx + len(to.text))
        return start, end
    particle = phrase_particle(token)
    if particle:
        child = next(c for c in token.children if c.lower_ == particle and c.dep_ in ("prt", "prep"))
        end = max(end, child.idx + len(child.text)) if child.i > token.i else end
    if token.lemma_.lower() in EXPRESSING_VERBS:
        noun = next((c for c in token.children if c.dep_ == "dobj"), None)
        if noun is not None and noun.i > token.i:
            end = noun.idx + len(noun.text)
    return start, end
