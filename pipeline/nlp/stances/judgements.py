"""Stances a speaker takes inside quotes (direct or indirect), held by the quote's speaker:
- deontic modals: "X should/must (not) <verb> <object>";
- attitude nouns: "the need to end …", "no intention of imposing …";
- evaluative words: "the “illegal” blockade", "the talks were constructive", "making a
  mistake in rushing the bill" (the doing judged),
  "described the talks as “useful”"; a word of quality that fits anything ("good", "great",
  "horrible": `generic_judgements`) only of an issue (`issue_words.issue_like`): "a
  horrible game", "fantastic skill", "the best writer" are no positions.
Naming a thing with a judgement ("called the plans a gimmick", "branded the scheme
unworkable") is the namer's stance in or out of a quote (`naming_signals`).
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.lexicons import StanceLexicon
from pipeline.nlp.records import Mention, Quote
from pipeline.nlp.stances.context import StanceArticle
from pipeline.nlp.stances.copulas import copula_targets
from pipeline.nlp.stances.holders import holder_for, member_of, moment_infinitive, others_words, speaks_for
from pipeline.nlp.stances.issue_words import counted, is_generic, issue_like
from pipeline.nlp.stances.labels import gerund, people_noun
from pipeline.nlp.stances.opinion import opinion_weight
from pipeline.nlp.stances.phrases import render, term_adjective
from pipeline.nlp.stances.polarity import (
    believed_negated,
    denied_by_determiner,
    has_negation,
    hypothetical,
    intensity,
    negate,
    negated_phrase,
    negative_subject,
    under_denial,
)
from pipeline.nlp.stances.signals import (
    ATTITUDE_SCORE,
    DEONTIC_SCORE,
    IRONY_SCORE,
    MIN_ATTRIBUTIVE_WEIGHT,
    Signal,
    target_signals,
)
from pipeline.nlp.stances.targets import Target, action_targets, frame_action, noun_targets, with_subject
from pipeline.nlp.stances.words import (
    ATTEMPT_NOUNS,
    ATTITUDE_ADJECTIVES,
    ATTITUDE_OR_ATTEMPT_NOUNS,
    BODY_NOUNS,
    CLASSIFYING_ADJECTIVES,
    INSUFFICIENCY_ADJECTIVES,
    INTRANSITIVE_FATES,
    NAMING_VERBS,
    PREDICATE_NAMING_VERBS,
    QUESTION_NOUNS,
)
from pipeline.nlp.syntax import (
    ACTOR_LABELS,
    DEONTIC_MODALS,
    FINITE_TAGS,
    FIRST_PERSON,
    PERSONAL_PRONOUNS,
    has_indefinite_article,
    has_to_marker,
    is_passive,
    is_relative_pronoun,
    passive_subject,
)
from pipeline.nlp.token_view import view_of

SETTING_PREPOSITIONS = frozenset({"in", "at", "during", "within", "across", "throughout"})
# verbs that link a subject to what it is judged to be
LINKING_VERBS = frozenset({"be", "prove", "seem", "appear", "remain", "become", "look", "sound"})
EXCESS_WEIGHT = 0.6  # "too big", "too slow": an adjective the lexicon does not judge
# verbs that lend their subject to an infinitive "to be" that judges it ("turned out to be a sham")
RAISING_VERBS = frozenset({"seem", "appear", "prove", "turn"})
NECESSITY_VERBS = frozenset({"have", "need"})  # "have to", "need to": deontic like "must"


def deontic_signals(art: StanceArticle, verb: Token) -> list[Signal]:
    """ "X should/must (not) <verb> <object>" in a quote: the speaker wants (not) the action."""
    out: list[Signal] = []
    if verb.pos_ != "VERB" or verb.lemma_ == "be" or hypothetical(verb):
        return out
    modal = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in DEONTIC_MODALS), None)
    if modal is None and verb.dep_ == "xcomp" and verb.head.lemma_ in NECESSITY_VERBS and verb.head.i < verb.i:
        modal = verb.head  # "the changes would have to go ahead", "we need to cut taxes"
        first_person = any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in modal.children)
        fate = verb.lemma_.lower() in INTRANSITIVE_FATES and not any(c.dep_ == "dobj" for c in verb.children)
        if modal.tag_ == "VBG" or not (first_person or fate):  # "will have to pass a test": no fate
            return out  # "migrants would have to pay more": a burden described, not wished
        if has_negation(art, modal):
            return out  # "did not have to go ahead": not required is not opposed
        verb_for_subject = modal
    elif modal is None and verb.dep_ == "xcomp" and _got_to(verb):
        modal = verb_for_subject = verb.head  # "you've got to bring back school sport": "must"
    elif modal is None and moment_infinitive(verb):
        if has_negation(art, verb.head.head):
            return out  # "it is not time to cut taxes": no act urged
        modal, verb_for_subject = verb.head, verb  # "it is time to hold a referendum": the act urged
    else:
        verb_for_subject = verb
    if modal is None:
        return out
    if any(c.dep_ == "advmod" and c.lower_ == "why" for c in verb_for_subject.children):
        return out  # "why should the taxpayer be forced to fund …?": a question, not a demand
    if _asked(verb_for_subject, modal):
        return out  # "Should the United Kingdom approve the Treaty …?": a question put, not a wish
    quote = art.quote_at(verb.idx)
    holder = art.speaker(quote)
    if holder is None or others_words(art, verb, quote, holder):
        return out
    subject = next((c for c in verb_for_subject.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb_for_subject.dep_ == "relcl" and subject is not None and is_relative_pronoun(subject):
        return out  # "a deal that should bring in some money": what it is expected to do, no demand
    negated = (
        has_negation(art, verb)
        or has_negation(art, verb_for_subject)
        or (subject is not None and negative_subject(subject, art.lex))
    )
    polarity = -1 if negated else 1
    found = action_targets(art, verb)
    if _asked_of_another(art, verb, verb_for_subject, subject, holder, found):
        # "peers should lead the way on reform": the act is asked of someone, who stays in
        # the label as a reader names the issue ("peers leading way on reforming …")
        found = with_subject(art, subject, verb, found)
    return target_signals(art, verb, polarity, DEONTIC_SCORE, found, holder, quote)


def _asked(verb: Token, modal: Token) -> bool:
    """A modal before its verb's subject in a sentence closed by a question mark ("Should the
    United Kingdom approve the Treaty …?"): the modal asks, it does not demand."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or modal.i > subject.i:
        return False
    return any(t.text == "?" for t in verb.sent[-3:])


def _asked_of_another(
    art: StanceArticle,
    verb: Token,
    verb_for_subject: Token,
    subject: Token | None,
    holder: Mention,
    found: list[Target],
) -> bool:
    """Whether a deontic's act is asked of someone other than the speaker's side, who is not
    also what the act is about ("the veto should continue" is about the veto itself), and
    the label names the act by its verb."""
    if subject is None or subject.dep_ != "nsubj" or verb_for_subject is not verb:
        return False
    inside = {t.i for t in subject.subtree}
    # only an act named by its verb ("leading the way"): where the label is the object alone
    # ("should not have the right of veto" -> "right of veto"), the object is the issue
    acts = all(t.label.lower().startswith(gerund(verb.lemma_)) for t in found)
    return acts and not _speaker_side(art, subject, holder) and not any(t.head.i in inside for t in found)


def _speaker_side(art: StanceArticle, subject: Token, holder: Mention) -> bool:
    """A deontic's subject that is the speaker's own side ("we", "the party", the holder's
    own mention), whose act is the speaker's wish for themselves, not an act asked of another."""
    if subject.lower_ in FIRST_PERSON:
        return True
    mention = art.index.at(subject)
    return mention is not None and mention.name.lower() == holder.name.lower()


def _got_to(verb: Token) -> bool:
    """ "have got to <verb>": a necessity like "must", whoever its subject."""
    got = verb.head
    return (
        got.lower_ == "got" and got.i < verb.i and any(c.dep_ == "aux" and c.lemma_ == "have" for c in got.children)
        and has_to_marker(verb)
    )


def attitude_signals(art: StanceArticle, noun: Token) -> list[Signal]:
    """ "the need to end the crisis", "no intention of imposing any solution" in a quote."""
    out: list[Signal] = []
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma not in ATTITUDE_OR_ATTEMPT_NOUNS or hypothetical(noun):
        return out
    negated = denied_by_determiner(noun, art.lex)
    if lemma in ATTEMPT_NOUNS and not negated:
        return out  # "their attempts to …" says nothing of the speaker's view
    if noun.dep_ == "attr" and any(c.dep_ == "expl" for c in noun.head.children) and any(
        c.dep_ == "aux" and c.lower_ in DEONTIC_MODALS for c in noun.head.children
    ):
        return out  # "there should be no attempts": the existential pass reads it
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and owner.lower_ not in ("my", "our"):
        return out  # "their need to …" is theirs
    quote = art.quote_at(noun.idx)
    holder = art.speaker(quote)
    if holder is None:
        return out
    action = frame_action(noun)
    if action is None:
        return out
    polarity = -1 if negated or has_negation(art, noun.head) else 1
    holders = [holder]
    if noun.dep_ == "dobj" and noun.head.lemma_ == "have":
        # "Lavrov said Moscow had no intention of …": Moscow's stance too
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in PERSONAL_PRONOUNS:
            other = art.mention_of(subject)
            if (
                other is not None
                and other.mention_id != holder.mention_id
                and not speaks_for(other, holder)
                and not member_of(art, holder, other)  # "Tory leader Michael Howard said the Tories had no …"
            ):
                holders.append(other)
    for who in holders:
        out += target_signals(art, noun, polarity, ATTITUDE_SCORE, action_targets(art, action), who, quote)
    return out


def judging_weight(art: StanceArticle, word: Token) -> float | None:
    """The lexicon's weight of a judging word, read with the word a hyphen joins it to when
    the two make a judging phrase ("ill-conceived", "half-baked", "hate-filled": the tokenizer
    splits them, and the last piece alone judges nothing); a noun's alone, else with the
    modifier right before it ("a missed opportunity", "a shameful day", "common sense")."""
    doc, i = word.doc, word.i
    if view_of(doc).inner_hyphen(i - 1):
        whole = art.lex.evaluative(f"{doc[i - 2].lower_} {word.lower_}")
        if whole is not None:
            return whole
    weight = art.lex.evaluative_token(word.lower_, word.lemma_)
    if weight is None and word.pos_ == "NOUN":
        modifier = next((c for c in word.lefts if c.dep_ in ("amod", "compound") and c.i == i - 1), None)
        if modifier is not None:
            weight = art.lex.evaluative(f"{modifier.lower_} {word.lower_}")
    return weight


def evaluative_signals(art: StanceArticle, word: Token) -> list[Signal]:
    """Judging words inside a quote: "the “illegal” blockade", "the talks were constructive"."""
    out: list[Signal] = []
    weight = judging_weight(art, word)
    if (
        weight is None
        and word.pos_ == "ADJ"
        and word.dep_ == "acomp"
        and _excess(word)
        and word.lemma_.lower() not in INSUFFICIENCY_ADJECTIVES
    ):
        weight = -EXCESS_WEIGHT  # "government is too big": excess is criticism, whatever the adjective
    if weight is None or hypothetical(word) or any(t.lower_ == "than" for t in word.subtree):
        return out  # "the burdens are greater than they were": a comparison, not a judgement
    if word.sent.text.rstrip().rstrip("\"'”’ ").endswith("?"):
        return out  # "is it too early to open a bottle?": a question asks, it does not judge
    quote = art.quote_at(word.idx)
    holder = art.speaker(quote)
    if holder is None or others_words(art, word, quote, holder):
        return out
    doing = _judged_doing(word)
    if doing is not None:
        # "the government was making a mistake in rushing the legislation": the doing judged
        polarity = (1 if weight > 0 else -1) * (-1 if has_negation(art, word.head) else 1)
        score = abs(weight) * intensity(art, word)
        return target_signals(art, word, polarity, score, action_targets(art, doing), holder, quote)
    noun, predicate = _judged_noun(word)
    if noun is None or word.tag_ == "VBN" and art.index.at(noun) is not None:
        return out  # "the foreign secretary has been shamed": done to someone, not judged
    if predicate and word.dep_ != "amod" and _feeling(word):
        return out  # "the police were concerned that …": the subject's own feeling, not a judgement of it
    if not predicate and (
        abs(weight) < MIN_ATTRIBUTIVE_WEIGHT
        or _is_attitude_noun(noun, art.lex)
        or counted(noun)
        or word.lower_ in CLASSIFYING_ADJECTIVES
        or word.dep_ == "amod" and term_adjective(word)
    ):
        # "great interest", "grave concerns", "6,200 illegal homes", "terrorist suspects",
        # "illegal immigrants": mild, about something else, a count, a kind named
        return out
    complemented = any(c.dep_ == "prep" and c.lower_ not in SETTING_PREPOSITIONS for c in word.children)
    if predicate and word.pos_ == "ADJ" and complemented:
        return out  # "responsible for the waste" judges a relation, not the subject ("vital in a democracy" does)
    if under_denial(word):
        return out
    polarity = 1 if weight > 0 else -1
    score = abs(weight) * intensity(art, word)
    if _excess(word):
        polarity = -1  # "too optimistic": excess is criticism
    governing = word.head if word.dep_ in ("acomp", "attr", "oprd") else word
    if predicate and word.dep_ == "amod" and word.head.dep_ in ("attr", "oprd"):
        governing = word.head.head  # "the plans were not a good idea": the copula's negation
    if (
        has_negation(art, word)
        or (governing is not word and has_negation(art, governing))
        or negated_phrase(word, art.lex)
        or believed_negated(governing)
    ):
        polarity, score = negate(polarity, score, full=False)
    if predicate and _question_judged(noun):
        return out  # "the issue of how we have border controls is a legitimate aspect of debate"
    targets = copula_targets(art, word, noun) if predicate else None
    if targets is None:
        targets = _attempt_judged(art, noun) if predicate else None
    if targets is None:
        targets = noun_targets(art, noun)
    category = word.head if predicate and word.dep_ == "amod" and word.head.pos_ == "NOUN" else None
    if is_generic(word) and category is not None:
        if not issue_like(category):
            return out  # "it was a horrible game", "the best writer": a merit, not a position
    elif is_generic(word) and not issue_like(noun):
        targets = [t for t in targets if issue_like(t.head)]  # "the evidence is astonishingly good"
    return target_signals(art, word, polarity, score, targets, holder, quote)


def _question_judged(noun: Token) -> bool:
    """ "the issue of who settles here is a legitimate aspect of public debate", "the question
    whether to join is important": a question noun (`question_nouns`) with what it asks (an "of"
    phrase or a clause) is judged as worth asking, which takes no side on what it asks about."""
    if noun.dep_ == "csubj":  # "the issue of who comes, how we have border controls, is …" parsed as
        noun = next((c for c in noun.children if c.dep_ == "nsubj"), noun)  # the clause's subject
    if noun.lemma_.lower() not in QUESTION_NOUNS:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" or c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")
               for c in noun.children)


def _attempt_judged(art: StanceArticle, noun: Token) -> list[Target] | None:
    """ "the first attempt to sell the Dome proved a fiasco": a judged attempt is the issue as a
    whole (how it went), not the action it aimed at, which a stance verb would see through to."""
    if noun.lemma_.lower() not in ATTEMPT_NOUNS:
        return None
    label = art.labeller.noun_label(noun)
    return [Target(label, noun)] if label else None


def _judged_doing(word: Token) -> Token | None:
    """ "making a mistake in rushing the bill", "made an error by scrapping the tax": a judging
    noun made by someone, whose "in"/"by" gerund says what is judged."""
    if word.pos_ != "NOUN" or word.dep_ != "dobj" or word.head.lemma_.lower() != "make":
        return None
    preps = [*word.children, *(c for c in word.head.children if c.i > word.i)]  # on the noun or the verb
    for prep in (c for c in preps if c.dep_ == "prep" and c.lower_ in ("in", "by")):
        gerund = next((g for g in prep.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
        if gerund is not None:
            return gerund
    return None


def _feeling(word: Token) -> bool:
    """Whether an adjective names how its subject feels (`attitude_adjectives`: "concerned",
    "worried", "pleased"): predicated, it reports the subject's attitude, which the attitude
    pass reads from its complement, and says nothing for or against the subject."""
    return word.lemma_.lower() in ATTITUDE_ADJECTIVES or word.lower_ in ATTITUDE_ADJECTIVES


def _excess(word: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ == "too" for c in word.children)


def _is_attitude_noun(noun: Token, lex: StanceLexicon) -> bool:
    return lex.evaluative(noun.lemma_) is not None or lex.cue(noun.lemma_) is not None


def _judged_noun(word: Token) -> tuple[Token | None, bool]:
    """The noun a judging word is about, and whether the word is predicated of it."""
    dep = word.dep_
    head = word.head
    if word.pos_ == "ADJ" and dep == "amod" and head.pos_ in ("NOUN", "PROPN"):
        if head.dep_ == "attr" and head.head.lemma_ in LINKING_VERBS:  # "the statement was a fair summary"
            # a raising verb's subject when the copula is its infinitive ("the cuts will prove to
            # be a false economy")
            return _copula_subject(head.head), True
        if head.dep_ == "dobj" and head.head.lemma_ == "prove":
            return _copula_subject(head.head), True  # "the cuts will prove a false economy": the parser's object
        if head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.dep_ == "prep":
            # "described the report as “the most ambitious strategy for growth …”": the noun
            # the adjective rates is what the object is called, as a bare "as" adjective is
            return _object_of(head.head.head), True
        return head, False
    if word.pos_ == "ADJ" and dep == "amod" and head.lower_ == "as" and head.dep_ == "prep":
        return _object_of(head.head), True  # "described the talks as “useful”"
    if dep == "pobj" and head.lower_ == "as":
        return _object_of(head.head), True
    if (word.tag_ == "VBN" or word.pos_ == "ADJ" and dep not in ("amod", "acomp", "attr", "oprd")) and is_passive(
        word
    ) and not any(c.dep_ == "agent" for c in word.children):
        # "the Tory plans are uncosted", "the scheme was flawed": a judging participle; of a
        # person it says what was done to them ("Mr Straw had been shamed into going"); an
        # adjective the parser reads so ("the scheme was “deeply flawed”": a passive auxiliary
        # and subject on the adjective) is one too
        subject = passive_subject(word) or _raised_subject(word)
        if subject is None or subject.pos_ == "PROPN" or subject.ent_type_ in ACTOR_LABELS:
            return None, False
        return subject, True
    if dep == "dobj" and word.pos_ == "NOUN" and head.lemma_ == "prove":
        return _copula_subject(head), True  # "the first attempt proved a complete fiasco": the parser's object
    if dep in ("acomp", "attr", "oprd"):
        if head.lemma_ in LINKING_VERBS:  # "the plans were a gimmick", "the sale proved a fiasco"
            return _copula_subject(head), True
        return _object_of(head), True  # "called the plan illegal"
    return None, False


def _copula_subject(be: Token) -> Token | None:
    """The subject of a copula, or of the copula it is coordinated with ("the intrusion was due
    to an error and was “regrettable”")."""
    for _ in range(3):
        subject = next((c for c in be.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
        if subject is None and be.dep_ == "xcomp":
            return _raised_subject(be)
        if subject is not None or be.dep_ != "conj":
            return subject
        be = be.head
    return None


def _raised_subject(verb: Token) -> Token | None:
    """The subject of a raising verb over an infinitive "to be" ("it turned out to be a sham",
    "the money appears to be wasted", "the plan seems to be a gimmick"): what the infinitive's
    predicate judges."""
    if verb.lemma_ != "be" and not any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in verb.children):
        return None
    raiser = verb.head if verb.dep_ == "xcomp" else None
    if raiser is None or raiser.lemma_.lower() not in RAISING_VERBS:
        return None
    if not has_to_marker(verb):
        return None
    return next((c for c in raiser.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _object_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)


def ironic_signals(art: StanceArticle, word: Token) -> list[Signal]:
    """ "the so-called reforms" in a quote: the speaker keeps their distance from the noun."""
    doc = art.doc
    split = word.lower_ == "called" and word.i >= 2 and doc[word.i - 1].text == "-" and doc[word.i - 2].lower_ == "so"
    if word.lower_ != "so-called" and not split:
        return []
    marker = word
    noun = marker.head if marker.head.pos_ in ("NOUN", "PROPN") else None
    if noun is None:
        noun = next((t for t in doc[marker.i + 1 : marker.i + 5] if t.pos_ in ("NOUN", "PROPN")), None)
    quote = art.quote_at(word.idx)
    holder = art.speaker(quote)
    if noun is None or holder is None:
        return []
    return target_signals(art, word, -1, IRONY_SCORE, noun_targets(art, noun), holder, quote)


def naming_signals(art: StanceArticle, word: Token) -> list[Signal]:
    """ "Mr Letwin called the plans “a gimmick”", "branded the scheme unworkable", "described
    the talks as useful": the judging word is what the subject names the object; the
    subject (or the quote's speaker, for "I"/"we") judges the object."""
    weight = judging_weight(art, word)
    if word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.pos_ == "NOUN":
        inner = art.lex.evaluative(word.lemma_) if weight is None else weight
        # "considered the intrusion an act of provocation", "described the episode as a bit of a
        # disaster": the noun the judging word completes is what the object is named
        found = _naming(art, word.head.head, inner) if inner is not None else []
        if found or weight is None:
            return found
    if weight is None and word.pos_ in ("NOUN", "ADJ") and not is_generic(word) and not _modified(word):
        weight = opinion_weight(word.lower_, word.lemma_)  # "branded the law a mess": a general word of judgement
    if weight is None:
        return []
    return _naming(art, word, weight)


def _modified(noun: Token) -> bool:
    """A noun with an adjective of its own ("a missed opportunity"): the pair judges, not the noun."""
    return noun.pos_ == "NOUN" and any(c.dep_ == "amod" for c in noun.children)


def _as_clause(as_: Token) -> bool:
    """Whether an "as" the parser made a preposition opens a clause: its object is followed by
    a tensed verb or auxiliary ("as a cross-party amendment was narrowly rejected"), so the
    object is that verb's subject, not what something is named."""
    obj = next((c for c in as_.children if c.dep_ == "pobj"), None)
    if obj is None or obj.right_edge.i + 1 >= len(obj.doc):
        return False
    after = obj.doc[obj.right_edge.i + 1]
    if after.pos_ == "ADV" and after.i + 1 < len(obj.doc):
        after = obj.doc[after.i + 1]  # "as the bill was quickly passed"
    return after.pos_ in ("AUX", "VERB") and (after.tag_ in FINITE_TAGS or after.tag_ == "MD")


def _naming(art: StanceArticle, word: Token, weight: float) -> list[Signal]:
    if hypothetical(word) or has_negation(art, word):
        return []  # "did not call it a gimmick" says what they did not say, not what they think
    named = word.head if word.dep_ == "amod" and word.head.pos_ == "NOUN" else word
    hung = _predicate_on_object(named)
    if hung is not None:
        # "branded the ID scheme a waste of money and “deeply flawed”", "branded the tax
        # unfair": the predicate the parser hung on the object (or made the object's head) names it
        verb, judged = hung
        holder, quote = holder_for(art, verb, False)
        if holder is None or has_negation(art, verb):
            return []
        return _judgement(art, word, weight, judged, holder, quote)
    while named.dep_ == "conj" and named.head != named:
        named = named.head  # "sees China as a competitor and an increasing threat"
    verb = named.head
    if named.dep_ in ("pobj", "amod") and verb.lower_ == "as":
        if _as_clause(verb):
            return []  # "saw its majority cut as a cross-party amendment was rejected": "as" opens a clause
        verb = verb.head  # "described the talks as useful"
        if verb.dep_ == "relcl" and verb.head.dep_ == "dobj":
            verb = verb.head  # "branded the way his office operated as scandalous": or on its clause
        if verb.dep_ in ("dobj", "nsubjpass"):
            verb = verb.head  # the parser may hang "as" on the object
    elif named.dep_ in ("dobj", "npadvmod") and any(c.dep_ == "dobj" and c.i < named.i for c in verb.children):
        # "branded the scheme a failure" (the parser may make it a noun adverbial): the second
        # object names the first
        pass
    elif named.dep_ == "dobj" and word.dep_ == "amod" and word.i > named.i:
        named = word  # "branded the proposal unworkable": the parser made the predicate an adjective after its noun
    elif named.dep_ not in ("oprd", "ccomp", "xcomp"):
        return []
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in NAMING_VERBS:
        return []
    judged = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if agent is not None:
        # "a move branded a “humiliating retreat” by the Tories": the agent names, the noun is named
        if judged is None and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
            judged = verb.head
        holder = art.mention_of(agent)
        if judged is None or holder is None or has_negation(art, verb):
            return []
        return _judgement(art, word, weight, judged, holder, art.quote_at(verb.idx))
    if judged is None and named.dep_ == "ccomp":
        # "considered the intrusion an act of provocation": a small clause, its subject judged
        judged = next((c for c in named.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
    if judged is None and named.dep_ == "oprd":
        # "branded the Tory asylum quota unworkable": the parser may hang the object on the
        # predicate word as a compound
        judged = next((c for c in named.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
    if judged is None or judged.i >= named.i:
        return []
    holder, quote = holder_for(art, verb, False)
    if holder is None:
        return []
    if has_negation(art, verb):
        return []
    role = _actor_role(art, judged, named)
    if role is not None:
        polarity = 1 if weight > 0 else -1
        score = abs(weight) * intensity(art, word)
        return target_signals(art, word, polarity, score, [role], holder, quote)
    return _judgement(art, word, weight, judged, holder, quote)


def _actor_role(art: StanceArticle, judged: Token, named: Token) -> Target | None:
    """ "described Ariel Sharon as the best chance for the Palestinians to achieve peace",
    "sees China as a potential competitor and an increasing threat to its security": an actor
    (a mention of a person, body or state) named as a role that says what of it is judged (an
    "as" noun with words of its own after it: a complement, an infinitive or a conjunct;
    relative clauses left out) is judged in that role; the actor alone is no issue. A bare
    judging noun ("described Mr Blair as a liar") or a noun for people or a body ("as a
    hate-filled group wishing to …": what the actor is) leaves the actor."""
    if named.dep_ != "pobj" or named.head.lower_ != "as" or named.pos_ != "NOUN":
        return None
    mention = art.index.at(judged)
    if judged.pos_ == "PRON" or mention is None or mention.entity_type not in ("PERSON", "ORGANIZATION", "COUNTRY"):
        return None  # a person, body or state named ("saw it as a test", "sees Google Print as …": no actor)
    if not any(c.dep_ in ("prep", "acl", "conj") and c.i > named.i for c in named.children):
        return None
    if people_noun(named) or named.lemma_.lower() in BODY_NOUNS:
        return None  # "described the EDL as a hate-filled group wishing to …": what the actor is, itself judged
    actor = noun_targets(art, judged)
    aside = {g.i for t in named.subtree if t.dep_ in ("relcl", "advcl", "parataxis") for g in t.subtree}
    role = render(art.doc, [
        t for t in named.subtree
        if t.i not in aside and t.dep_ not in ("det", "punct") and not t.is_quote
        and not (t.dep_ == "poss" and t.pos_ == "PRON")
    ])
    if not actor or not role:
        return None
    return Target(f"{actor[0].label} as {role}", judged)


def _predicate_on_object(named: Token) -> tuple[Token, Token] | None:
    """(verb, object) where a predicate of a verb of `predicate_naming_verbs` hangs on its
    object: a second object, apposition or noun adverbial after it ("branded the ID scheme a
    waste of money"), an adjective conjoined with it or an indefinite noun so conjoined ("… and
    “deeply flawed”"), or the predicate read as the object with the object as its compound
    ("branded the tax unfair": "tax" a compound of "unfair")."""
    head = named.head
    if head.dep_ == "dobj" and head.i < named.i and _predicate_naming(head.head):
        indefinite = has_indefinite_article(named)
        if named.dep_ in ("dobj", "appos", "npadvmod") or named.dep_ == "conj" and (named.pos_ == "ADJ" or indefinite):
            return head.head, head
    if named.dep_ == "dobj" and _predicate_naming(head):
        compounds = [c for c in named.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
        if compounds and any(c.dep_ == "det" and c.i < compounds[0].i for c in named.lefts):
            return head, compounds[-1]  # "the tax unfair": the determiner is the object's
    return None


def _predicate_naming(verb: Token) -> bool:
    return verb.pos_ == "VERB" and verb.lemma_.lower() in PREDICATE_NAMING_VERBS


def _judgement(
    art: StanceArticle, word: Token, weight: float, judged: Token, holder: Mention, quote: Quote | None
) -> list[Signal]:
    polarity = 1 if weight > 0 else -1
    score = abs(weight) * intensity(art, word)
    return target_signals(art, word, polarity, score, noun_targets(art, judged), holder, quote)
