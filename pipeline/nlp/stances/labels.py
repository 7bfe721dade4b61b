"""Issue labels: noun phrases, clauses and actions turned into short target names.

Determiners, judging and hedging adjectives and relative clauses are dropped; "X of
<proper name>" is turned around ("blockade of the Lachin corridor" -> "Lachin corridor
blockade"); a bare definite noun ("the blockade") takes the fuller label of its latest
earlier mention in the article; a noun the lexicon calls generic needs a complement ("the
issue of ID cards" -> "ID cards") or it is no target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Token

from pipeline.nlp.lexicons import StanceLexicon
from pipeline.nlp.quotes import is_cue, under_a_cue
from pipeline.nlp.quotes.cues import is_person_head
from pipeline.nlp.stances.issue_words import deverbal, issue_like
from pipeline.nlp.stances.phrases import (
    MAX_CONTENT_WORDS,
    MAX_LABEL_WORDS,
    RESTRICTING_PREPOSITIONS,
    TIME_ENTITIES,
    action_argument,
    adjective_head,
    clean,
    complement,
    completion,
    judging,
    keep_adjective,
    left_tokens,
    noun_argument,
    np_head,
    phrase,
    render,
)
from pipeline.nlp.stances.words import (
    ADJUNCT_PREPOSITIONS,
    ASIDE_PREPOSITIONS,
    BODY_NOUNS,
    COMMITMENT_ADJECTIVES,
    DEED_NOUNS,
    DROP_ADJECTIVES,
    EMPTY_VERBS,
    GROUP_HOLDER_NOUNS,
    LIGHT_NOUNS,
    LIGHT_VERBS,
    MEMBER_NOUNS,
    PLACEMENT_VERBS,
    POLICY_NOUNS,
    PROPOSITION_NOUNS,
    QUANTIFIER_DETERMINERS,
    QUANTITY_WORDS,
    RULING_NOUNS,
    STRESSED_FINAL_VERBS,
    TRANSPARENT_VERBS,
    UTTERANCE_NOUNS,
)
from pipeline.nlp.syntax import (
    ACTOR_LABELS,
    DEFINITE_DETS,
    PERSONAL_PRONOUNS,
    PLACE_LABELS,
    direct_object,
    has_indefinite_article,
    has_that_marker,
    has_to_marker,
    hyphen_joined,
    is_to_infinitive,
)
from pipeline.nlp.token_view import view_of

TIME_OR_PLACE = TIME_ENTITIES | PLACE_LABELS

__all__ = ["ACT_NOUNS", "FRAME_NOUNS", "MAX_LABEL_WORDS", "Labeller", "clean", "gerund"]

# generic nouns that, definite, point back to the act just reported ("welcomed the move")
ACT_NOUNS = frozenset({"move", "measure", "step", "action"})
# the nouns an "under plans …" frame or a bare "the move" may stand for (`framed_content`)
FRAME_NOUNS = POLICY_NOUNS | ACT_NOUNS


def gerund(lemma: str) -> str:
    """The "-ing" form of a verb lemma, for action labels ("impose" -> "imposing")."""
    lemma = lemma.lower()
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")) and len(lemma) > 2:
        return lemma[:-1] + "ing"
    if lemma in STRESSED_FINAL_VERBS:
        return lemma + lemma[-1] + "ing"  # "commit" -> "committing"
    spelt = lemma.replace("qu", "qw")  # the "u" of "qu" is no vowel: "quit" -> "quitting"
    one_syllable = len(re.findall(r"[aeiouy]+", spelt)) == 1
    closed = len(spelt) >= 3 and spelt[-1] not in "aeiouwxy" and spelt[-2] in "aeiou" and spelt[-3] not in "aeiou"
    if closed and (one_syllable or lemma[-1] == "l"):
        # "ban" -> "banning", "cut" -> "cutting"; British "l": "cancel" -> "cancelling"
        return lemma + lemma[-1] + "ing"
    return lemma + "ing"


def _committed_action(verb: Token) -> bool:
    """An action someone is committed or determined to take (`commitment_adjectives`):
    "committed to imposing annual limits", "determined to cut taxes"; not a light verb or a
    verb of saying ("keen to stress the safeguards"), which carries no plan of its own."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in LIGHT_VERBS or is_cue(verb):
        return False
    head = adjective_head(verb)
    if head is None and verb.dep_ == "pcomp" and verb.head.lower_ == "to":
        head = verb.head.head  # "committed to imposing": the participle the parser makes a verb
    return head is not None and head.lower_ in COMMITMENT_ADJECTIVES


def _split_prefix(noun: Token) -> bool:
    """The first piece of a hyphenated word the parser took for a noun of its own ("co" of
    "co-operation", "pre" of "pre-emptive"): the word's rest is not in its phrase."""
    doc = noun.doc
    if noun.i + 2 >= len(doc) or not hyphen_joined(noun, doc[noun.i + 1]):
        return False
    return doc[noun.i + 2] not in list(noun.subtree)


def people_noun(noun: Token) -> bool:
    """A noun for people (`group_holder_nouns`, a person noun or a name): whom an act is done
    to or with, not an issue the act is on."""
    return noun.lemma_.lower() in GROUP_HOLDER_NOUNS or is_person_head(noun)


def _named_thing(noun: Token) -> bool:
    """A proper name for a thing, not an actor: a law, a programme, an event ("extending the
    New Deal", "repealing the Hunting Act"); "the" before a name no NER type makes an actor."""
    if noun.ent_type_ in ACTOR_LABELS:
        return False
    return noun.ent_type_ in ("LAW", "EVENT", "WORK_OF_ART", "PRODUCT") or any(
        c.dep_ == "det" and c.lower_ == "the" for c in noun.children
    )


def _counted(token: Token) -> bool:
    """A noun a number counts ("60 votes", "104,000 jobs")."""
    return token.tag_ in ("NNS", "NNPS") and any(t.like_num or t.dep_ in ("nummod", "quantmod") for t in token.lefts)


def _predicative(noun: Token) -> bool:
    """An indefinite predicate noun ("this is a bill in deep trouble"): it describes what the
    subject is, it names nothing a later "the bill" could point back to."""
    return noun.dep_ == "attr" and has_indefinite_article(noun)


def _kind_of_act(lex: StanceLexicon, noun: Token) -> bool:
    """ "anti-terror measures", "cost-cutting moves": a hyphenated word right before a generic
    act noun, judging nothing, names the kind of act (what it is against or does), as a noun
    before it does ("tax measures"), so the act is a thing of its own; "the move", "tough
    measures" stay generic. The parser tags such a word's pieces adjectives (amod), which
    the noun-compound test misses."""
    doc = noun.doc
    hyphen = noun.i - 2
    if hyphen < 1 or doc[hyphen].text != "-" or not hyphen_joined(doc[hyphen - 1], doc[hyphen]):
        return False
    pieces = (doc[hyphen - 1], doc[hyphen + 1])
    return (
        not doc[hyphen].whitespace_
        and all(p.head.i in (noun.i, hyphen - 1, hyphen + 1) for p in pieces)
        and not any(p.like_num or judging(lex, p) or p.lower_ in DROP_ADJECTIVES for p in pieces)
    )


def _possessor(noun: Token) -> list[Token]:
    """A named possessor of a generic noun whose clause completes it: whose view or claim it
    is ("the prime minister's view that there was no agreement"); a pronoun says nothing."""
    poss = _named_possessive(noun)
    return [t for t in poss.subtree if t.dep_ != "det" and not t.is_quote] if poss is not None else []


def _named_possessive(noun: Token) -> Token | None:
    """The possessive before a noun, when it is no pronoun ("Harry's actions"; not "his")."""
    return next((c for c in noun.lefts if c.dep_ == "poss" and c.pos_ != "PRON"), None)


def _determined(noun: Token) -> bool:
    """A noun pinned down by a definite determiner or a possessive ("the plan", "its plan")."""
    return any(
        c.dep_ == "det" and c.lower_ in DEFINITE_DETS or c.dep_ == "poss" for c in noun.children
    )


def _describes(lex: StanceLexicon, word: Token) -> bool:
    """Whether a left modifier says what kind of thing a generic noun is ("pre-Budget",
    "annual", "Treasury"), not how good it is ("welcome", "damning")."""
    if word.dep_ in ("compound", "nmod"):
        return not word.is_quote
    return word.dep_ == "amod" and keep_adjective(lex, word)


_BODY_NOUNS_OR_MEMBER_NOUNS = BODY_NOUNS | MEMBER_NOUNS


@dataclass(frozen=True)
class Labeller:
    """Turns noun phrases into issue labels, with the article as context; the phrase pieces
    are the pure functions of `phrases`."""

    lex: StanceLexicon
    doc: Doc
    headline: tuple[int, int] = (0, 0)  # token range of the article's headline, if any
    _labels: dict[tuple[int, bool], str | None] = field(default_factory=dict, repr=False, compare=False)  # noun_label's

    def np_head(self, noun: Token) -> Token:
        """Undo a common misparse: "checkpoint restricting movement" read as one compound."""
        return np_head(self.doc, noun)

    def noun_label(self, noun: Token, resolve: bool = True) -> str | None:
        """The issue label of a noun phrase headed by `noun`, or None when it names no issue
        (found once per noun: several passes ask it of the same nouns)."""
        if noun.doc is not self.doc:
            return self._noun_label(noun, resolve)
        key = (noun.i, resolve)
        try:
            return self._labels[key]
        except KeyError:
            found = self._labels[key] = self._noun_label(noun, resolve)
            return found

    def _noun_label(self, noun: Token, resolve: bool) -> str | None:
        head = np_head(self.doc, noun)
        if head is not noun:  # "an Azeri checkpoint restricting movement …" -> "Azeri checkpoint"
            span = [
                t for t in noun.subtree
                if t.i <= head.i and t.dep_ not in ("det", "punct") and not t.is_quote and not judging(self.lex, t)
            ]
            return render(self.doc, span) or None
        if noun.pos_ == "PRON" or noun.lower_ in PERSONAL_PRONOUNS:
            return None
        if _split_prefix(noun):
            return None  # "insisted closer co-operation did not …" parsed with "co" as the object
        if noun.lower_ in QUANTITY_WORDS and noun.pos_ in ("ADJ", "DET", "NOUN"):
            # "would abolish many", "opposed most of the proposals": the counted noun, if named
            of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            return self.noun_label(counted, resolve) if counted is not None else None
        if any(c.dep_ == "det" and c.lower_ in ("which", "what", "whichever", "whatever") for c in noun.children):
            return None  # "which technology it will support": a question, not an issue
        nominal = noun.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and any(
            c.dep_ in ("det", "amod", "compound", "poss") and c.lower_ not in QUANTITY_WORDS for c in noun.lefts
        )  # "criticised "extravagant" Tory promises": a noun the tagger took for a verb
        if noun.pos_ not in ("NOUN", "PROPN", "ADJ", "X") and not (noun.pos_ == "VERB" and nominal):
            return None
        comp = complement(self.lex, noun)
        of_pobj = comp[1] if comp and comp[0].lower_ == "of" else None
        # "due consideration of the rights …" is about the rights
        if noun.lemma_.lower() in LIGHT_NOUNS and comp is not None:
            return self.noun_label(comp[1], resolve)
        named_by = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        named = bool(named_by) and noun.ent_type_ not in ACTOR_LABELS
        # "EU asylum moves", "tax measures": a noun before an act noun names what the act is on
        named = named or noun.lemma_.lower() in ACT_NOUNS and (
            any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in noun.lefts) or _kind_of_act(self.lex, noun)
        )
        if not named and (self.lex.is_generic_target(noun.lemma_) or self.lex.is_generic_target(noun.lower_)):
            # a name makes a generic noun specific: "the Tomlinson report on exam structures"
            if of_pobj is None and comp is not None and comp[0].lower_ in ("for", "on", "over"):
                of_pobj = comp[1]  # "its case for war" -> "war"
            if of_pobj is None and comp is not None and comp[0].lower_ == "against":
                # "opposed military action against Iran": what is done against the object,
                # not the object (opposing the action is no stance against Iran)
                return render(self.doc, phrase(self.lex, noun, keep_det=False)) or None
            if of_pobj is not None and comp[0].lower_ == "of" and self._deed_of_actor(noun, of_pobj):
                return render(self.doc, phrase(self.lex, noun, keep_det=False)) or None
            if of_pobj is not None:
                # "the number of school-leavers without these basic skills": what the counted
                # kind lacks, hung on the count, still restricts the kind
                label = self.noun_label(of_pobj, resolve)
                lacking = noun_argument(self.lex, noun, of_pobj, RESTRICTING_PREPOSITIONS) if label else []
                return clean(f"{label} {render(self.doc, lacking)}") if lacking else label
            # "the idea that the plans were racist", "measures to allow house arrest"
            done = completion(self.lex, noun, bare=False, doing=False)
            if not done and _possessor(noun) and any(_describes(self.lex, c) for c in noun.lefts):
                # "Gordon Brown's pre-Budget report": an owner and a kind make it one thing
                return render(self.doc, left_tokens(self.lex, noun, False, False) + [noun]) or None
            if not done and _possessor(noun) and (noun.lemma_.lower() in UTTERANCE_NOUNS or self._deed_of_owner(noun)):
                # "McConnell's remarks were an incredible gaffe", "branded Harry's actions stupid":
                # someone's words or deeds are a thing judged
                return render(self.doc, [*_possessor(noun), noun]) or None
            if done:
                return render(self.doc, [*_possessor(noun), noun, *done])
            if resolve and not _possessor(noun) and any(
                c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in noun.children
            ):
                # "the statement was a fair summary" after "Lord Goldsmith's statement to
                # Parliament": a bare definite generic noun is its earlier, fuller mention, when
                # that names the thing itself ("a report on waiting lists" names its topic)
                earlier = self._antecedent_label(noun)
                named = earlier and any(w.startswith(noun.lemma_.lower()) for w in re.findall(r"\w+", earlier.lower()))
                if earlier and not named and noun.lemma_.lower() in PROPOSITION_NOUNS:
                    # "Retailers rejected the idea" after "floated the idea of a tax on plastic
                    # bags": an idea's content is what it is ("tax on plastic bags")
                    return earlier
                return earlier if named else None
            return None
        # "blockade of the Lachin corridor" -> "Lachin corridor blockade"
        bare = not any(
            c.dep_ in ("compound", "nmod") or c.dep_ == "amod" and keep_adjective(self.lex, c) for c in noun.lefts
        )
        turnable = bare and noun.pos_ != "PROPN" and not noun.lower_.endswith("ing")
        if of_pobj is not None and turnable and self._short_name(of_pobj):
            name = left_tokens(self.lex, of_pobj, False, True) + [of_pobj]
            return clean(render(self.doc, name) + " " + noun.text)
        tokens = phrase(self.lex, noun, keep_det=False)
        label = render(self.doc, tokens)
        if not label:
            return None
        if resolve and comp is not None:
            label = self._resolved_complement(tokens, comp[1]) or label
        definite = any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in noun.children)
        # "any company that buys its assets": a quantified noun ranges over a kind, it
        # names no earlier mention
        quantified = any(c.dep_ == "det" and c.lower_ in QUANTIFIER_DETERMINERS for c in noun.children)
        single = len(label.split()) == 1
        if resolve and not quantified and single and (noun.pos_ == "NOUN" or definite and noun.text.istitle()):
            earlier = self._antecedent_label(noun, named_only=not definite)
            if earlier:
                return earlier
        owned = _named_possessive(noun) is not None
        if resolve and (definite or owned) and not quantified and not single and noun.pos_ == "NOUN" and comp is None:
            # "the draft bill" after "a draft bill on Lords reform", "the Law Lords' ruling" after
            # "the Law Lords' ruling that detention … is unlawful": the fuller earlier mention
            fuller = self._fuller_mention(noun, label)
            if fuller:
                return fuller
        counts = [t for t in tokens if t is not noun]
        counted = bool(counts) and all(t.like_num or t.dep_ in ("nummod", "quantmod") for t in counts)
        if resolve and noun.pos_ == "NOUN" and counted:
            # "axe 104,000 jobs" after "thousands of civil service jobs": a count of the kind named before
            kind = self._kind_label(noun)
            if kind:
                return clean(render(self.doc, counts) + " " + kind)
        if resolve and noun.pos_ == "NOUN" and label.lower().startswith(noun.lower_):
            headlined = self._headline_label(noun, label)
            if headlined == label and definite and len(label.split()) == 1:
                return self._policy_antecedent(noun) or self._headline_agent(noun) or label
            return headlined
        return label

    def _deed_of_owner(self, noun: Token) -> bool:
        """ "Harry's actions", "the UN's role": a deed noun (`deed_nouns`) whose possessor is an
        actor is that actor's deed, as with an actor named by "of" (`_deed_of_actor`)."""
        owner = _named_possessive(noun)
        return owner is not None and self._deed_of_actor(noun, owner)

    def _deed_of_actor(self, noun: Token, of_pobj: Token) -> bool:
        """ "the actions of the protesters", "the role of the UN": a deed noun (`deed_nouns`)
        whose "of" names an actor (a name of a person, body or state, a noun for people or a body)
        is that actor's deed, the issue a reader names; the actor alone is no issue."""
        actor = (
            of_pobj.ent_type_ in ACTOR_LABELS or of_pobj.pos_ == "PROPN" or people_noun(of_pobj)
            or of_pobj.lemma_.lower() in BODY_NOUNS
        )
        return noun.lemma_.lower() in DEED_NOUNS and actor

    def _resolved_complement(self, tokens: list[Token], pobj: Token) -> str | None:
        """ "no further concessions on the Bill" after "the Prevention of Terrorism Bill": a
        label's closing complement that is a bare definite noun takes the fuller label of its
        latest earlier mention, as a bare head does ("concessions on the Prevention of
        Terrorism Bill"); None when the complement has words of its own, no named mention,
        or the label would grow too long."""
        if tokens[-1].i != pobj.i or pobj.pos_ not in ("NOUN", "PROPN"):
            return None
        if pobj.pos_ == "PROPN" and not pobj.text.istitle():
            return None
        if any(c.dep_ != "det" for c in pobj.children) or not any(
            c.lower_ in DEFINITE_DETS for c in pobj.children
        ):
            return None
        # only a name ("the Bill" after "the Prevention of Terrorism Bill"): "the firm" after
        # "one firm on its takeover list" is no fuller name of it
        earlier = self._antecedent_label(pobj, named_only=True)
        label = clean(render(self.doc, tokens[:-1]) + " " + earlier) if earlier else ""
        # a reader's short phrase: the content words of a cut label (`phrases.MAX_CONTENT_WORDS`)
        # and a few function words
        return label if label and len(label.split()) <= MAX_CONTENT_WORDS + 3 else None

    def plan_content(self, plan: Token) -> str | None:
        """ "Local communities would … elect their own area police commissioner, under plans
        unveiled by the Conservatives": a bare policy noun (`policy_nouns`) governed by
        "under" names no content of its own; the clause it frames is what is planned
        ("elected area police commissioner"), its action or, failing that, the action of the
        clause's infinitive. None when the noun says its own content ("under plans to …",
        "under the plan for …"), when the clause is someone's reported claim ("Critics say …")
        or is no such frame."""
        prep = plan.head
        if (
            plan.dep_ != "pobj" or prep.lower_ != "under" or prep.dep_ != "prep"
            or plan.lemma_.lower() not in POLICY_NOUNS or prep.head.pos_ not in ("VERB", "AUX")
        ):
            return None
        if under_a_cue(prep.head):
            return None  # "Critics say councils would lose powers, under plans …": their reading, not the plan's
        if any(
            c.dep_ in ("prep", "relcl", "appos") or c.dep_ == "acl" and c.tag_ != "VBN"
            or c.dep_ == "compound" and c.pos_ != "PROPN"
            for c in plan.children
        ):
            return None  # "under plans to crack down on …", "under the tax plans": their own content
        # under "Tories plan migrant health checks" the headline names what is planned
        found = self._headline_object(plan.lemma_.lower())
        if found:
            return found
        # the clause's own action, else that of its infinitive ("would be asked to go to the
        # polls to elect …", "would be able to set …")
        frontier = [prep.head]
        for _ in range(3):
            for verb in frontier:
                found = self.action_label(verb) if verb.pos_ in ("VERB", "AUX") else None
                if found:
                    return found[0]
            frontier = [
                c for v in frontier for c in v.children
                if c.dep_ == "acomp" or c.dep_ in ("xcomp", "advcl") and has_to_marker(c)
            ]
        return None

    def framed_content(self, noun: Token) -> str | None:
        """The content of the latest earlier "under plans …" frame of a bare policy noun's
        word (`plan_content`): what the article's plans are, before the headline's name; for
        the headline's own policy noun, the first such frame of the report below it."""
        lemma = noun.lemma_.lower()
        if lemma not in FRAME_NOUNS:
            return None
        # "the move" names whatever was planned: the frame of any policy noun
        frames = [(i, content) for i, word, content in self._under_frames if lemma in ACT_NOUNS or word == lemma]
        if self._in_headline(noun):
            return next((content for i, content in frames if i >= self.headline[1]), None)
        return next((content for i, content in reversed(frames) if i < noun.i), None)

    @cached_property
    def _under_frames(self) -> list[tuple[int, str, str]]:
        """Every "under plans …" frame of the article with its content (index, word, content),
        found on first use (the doc's tokens are scanned once, not for each later bare "the plans")."""
        return [
            (t.i, t.lemma_.lower(), content)
            for t in self.doc
            if t.pos_ == "NOUN" and t.lemma_.lower() in POLICY_NOUNS and (content := self.plan_content(t))
        ]

    def _policy_antecedent(self, noun: Token) -> str | None:
        """ "The Lib Dems also oppose the plans" after "the Anti-Terrorism Bill": a bare
        definite policy noun (`policy_nouns`) that neither an earlier mention of its own word
        nor the headline completes stands for the latest named proposal or measure before it;
        a ruling noun (`ruling_nouns`) for the latest named ruling ("did not accept the
        judgement" after "the Law Lords' ruling that detention … is unlawful")."""
        lemma = noun.lemma_.lower()
        kind = next((words for words in (POLICY_NOUNS, RULING_NOUNS) if lemma in words), None)
        if kind is None:
            return None
        sentence = noun.sent.start
        previous = self.doc[sentence - 1].sent.start if sentence > 0 else sentence
        planned = kind is POLICY_NOUNS  # what someone plans or is committed to do is a proposal
        for token in reversed(self.doc[: noun.i]):
            if planned and token.pos_ == "VERB" and token.lemma_.lower() == lemma:
                # "He plans to axe 104,000 jobs. Unions oppose the plans": what was planned
                action = next((c for c in token.children if c.dep_ == "xcomp" and has_to_marker(c)), None)
                found = self.action_label(action) if action is not None else None
                if found:
                    return found[0]
            if planned and token.i >= previous and _committed_action(token) and not token.is_ancestor(noun):
                # "The Tories are committed to imposing annual limits on immigration. Labour
                # has branded the proposal unworkable": what someone is committed to do, said
                # in the sentence before at most
                found = self.action_label(token)
                if found:
                    return found[0]
            if token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() not in kind or _predicative(token):
                continue
            label = self.plan_content(token) or self.noun_label(token, resolve=False)
            if label and len(label.split()) > 1:
                return label
        return None

    def _headline_agent(self, noun: Token) -> str | None:
        """ "The intrusion occurred on 10 November" under "Chinese submarine enters Japanese
        waters": a noun of an action (`deverbal`) whose first mention is definite, with no
        fuller mention of its own, names the event the headline reports, so it takes the
        headline's doer as a reader would ("Chinese submarine intrusion"); only a thing or a
        kind of thing, not an actor, a body or people, who would make a holder of their own."""
        start, end = self.headline
        if noun.i < end or not deverbal(noun.lemma_.lower()):
            return None
        lemma = noun.lemma_.lower()
        # the word's first mention, definite, points back at the headline: later bare mentions
        # follow it (none of them has a label of its own, or `_antecedent_label` took it)
        first = next(t for t in self.doc[end : noun.i + 1] if t.lemma_.lower() == lemma and t.pos_ == "NOUN")
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in first.children):
            return None
        root = next((t for t in self.doc[start:end] if t.dep_ == "ROOT" and t.pos_ == "VERB"), None)
        doer = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
        if doer is None or doer.pos_ != "NOUN" or doer.ent_type_ or doer.tag_ == "NNS":
            return None  # "MPs tout …", "Talks aim to …": people or a plural of events
        if doer.lemma_.lower() in _BODY_NOUNS_OR_MEMBER_NOUNS or deverbal(doer.lemma_.lower()):
            return None
        name = self.noun_label(doer, resolve=False)
        return clean(f"{name} {noun.text}") if name else None

    def _object_label(self, verb: Token) -> str | None:
        """The issue label of a verb's direct object ("plan migrant health checks")."""
        obj = direct_object(verb)
        return self.noun_label(obj, resolve=False) if obj is not None else None

    def _headline_object(self, lemma: str) -> str | None:
        """What the headline's first verb of this lemma with a labelled object acts on."""
        start, end = self.headline
        for token in self.doc[start:end]:
            if token.pos_ == "VERB" and token.lemma_.lower() == lemma:
                found = self._object_label(token)
                if found:
                    return found
        return None

    def _headline_label(self, noun: Token, label: str) -> str:
        """A body noun with no modifiers of its own takes those of the same noun in the
        headline, which names the article's issue ("the checks on new arrivals" under "Tories
        plan migrant health checks" -> "migrant health checks on new arrivals"); a bare noun
        naming the headline's verb takes its object ("the plans" -> "migrant health checks")."""
        start, end = self.headline
        if start <= noun.i < end:
            return label
        for token in self.doc[start:end]:
            if token.lemma_.lower() != noun.lemma_.lower():
                continue
            if token.pos_ == "VERB" and label.lower() == noun.lower_:
                # "the plans" under "Tories plan migrant health checks": what the headline plans
                found = self._object_label(token)
                if found:
                    return found
            if token.pos_ != "NOUN":
                continue
            found = self.noun_label(token, resolve=False)
            if found and len(found.split()) > 1 and found.lower().endswith(token.lower_):
                rest = label[len(noun.text):]
                if set(rest.lower().split()) & set(found.lower().split()):
                    return found  # "the war in Iraq" under "… Iraq war cost": "Iraq war"
                return clean(found + rest)
        return label

    def _short_name(self, pobj: Token) -> bool:
        """A proper name of a few words ("the Lachin corridor", "Scotland")."""
        if any(c.dep_ in ("prep", "conj") for c in pobj.children):
            return False
        det = next((c for c in pobj.children if c.dep_ == "det"), None)
        if det is not None and det.lower_ != "the":
            return False  # "election of a Labour government" stays as it is
        left = left_tokens(self.lex, pobj, False, True)
        if len(left) > 3:
            return False
        return pobj.pos_ == "PROPN" or any(t.pos_ == "PROPN" for t in left if t.dep_ == "compound")

    def _kind_label(self, noun: Token) -> str | None:
        """The fullest label of the latest earlier mention of a counted noun's word that is
        not itself a count ("civil service jobs" for "104,000 jobs")."""
        lemma = noun.lemma_.lower()
        for token in reversed(self.doc[: noun.i]):
            if token.lemma_.lower() != lemma or token.pos_ != "NOUN":
                continue
            if any(t.like_num or t.dep_ in ("nummod", "quantmod") for t in token.lefts):
                continue
            label = self.noun_label(token, resolve=False)
            if label and len(label.split()) > 1:
                return label
        return None

    def _antecedent_label(self, noun: Token, named_only: bool = False) -> str | None:
        """A bare definite noun takes the fullest label of its latest earlier mention ("the
        bill" -> "Anti-Terrorism Bill"); an indefinite one ("a very bad bill") only a named one.
        A counted mention ("54 of the required 60 votes") is an amount, not the one thing a
        singular definite noun names ("campaigned against the vote"), and is passed over."""
        lemma = noun.lemma_.lower()
        view = view_of(self.doc)
        lemmas, pos = view.lemma, view.pos
        nearest = True
        for k in range(noun.i - 1, -1, -1):
            if pos[k] in ("NOUN", "PROPN") and lemmas[k].lower() == lemma:
                token = self.doc[k]
                if named_only and not (token.pos_ == "PROPN" or any(t.pos_ == "PROPN" for t in token.lefts)):
                    continue
                if _predicative(token) or noun.tag_ == "NN" and _counted(token):
                    continue
                label = self.plan_content(token) or self.noun_label(token, resolve=False)
                if label and len(label.split()) > 1:
                    return label
                if nearest and not named_only and _determined(token) and not self._in_headline(token):
                    # "its plan would win support … supporters of the plans": the nearest mention
                    # is as bare as this one and points where it does, at the article's topic;
                    # the headline's mention of the word names it ("Lords replacement plan")
                    headlined = self.framed_content(noun) or self._headline_mention(noun)
                    if headlined:
                        return headlined
                nearest = False
        return None

    def _fuller_mention(self, noun: Token, label: str) -> str | None:
        """A definite noun phrase that its latest earlier mention, a noun of the same word with
        the same words before it, completes on the right ("the draft bill" after "a draft bill
        on Lords reform", "the arms embargo" after "the EU's arms embargo on China") takes that
        mention's label. A mention with words of its own before the noun ("the US minimum
        wage", "a £6 minimum wage") names another thing or amount; a list ("the prime
        minister and his chancellor") and people are no issue. A named owner must be the same
        ("the Law Lords' ruling" after "the Law Lords' ruling that detention … is unlawful",
        not after "the government's ruling …"); a time is no completion."""
        if is_person_head(noun):
            return None
        # an owner named here must be the earlier mention's too ("the Law Lords' ruling")
        mine = render(self.doc, _possessor(noun))
        bare = label[len(mine):].strip() if mine and label.startswith(mine) else label
        lemma = noun.lemma_.lower()
        view = view_of(self.doc)
        for k in range(noun.i - 1, -1, -1):
            if view.pos[k] != "NOUN" or view.lemma[k].lower() != lemma:
                continue
            token = self.doc[k]
            if _predicative(token) or self._in_headline(token):
                continue
            earlier = self.noun_label(token, resolve=False)
            if not earlier:
                continue
            owner = render(self.doc, _possessor(token))
            own = earlier[len(owner):].strip() if owner and earlier.startswith(owner) else earlier
            if mine and owner.lower() != mine.lower():
                continue
            completed = complement(self.lex, token)
            if completed is not None and completed[1].ent_type_ in TIME_ENTITIES:
                continue  # "the Fed's decision on 2 February": a time, not what was decided
            if not own.lower().startswith(bare.lower() + " "):
                continue
            added = own[len(bare) + 1:].split()
            if added and added[0].lower() not in ("and", "or", "&"):
                return earlier
        return None

    def _in_headline(self, token: Token) -> bool:
        start, end = self.headline
        return start <= token.i < end

    def _headline_mention(self, noun: Token) -> str | None:
        """A noun of the same word in the headline with its modifiers, if it has any; not what a
        headline's list hangs on it ("support Canadian budget, Liberals, NDP oppose")."""
        start, end = self.headline
        for token in self.doc[start:end]:
            if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() == noun.lemma_.lower():
                label = render(self.doc, left_tokens(self.lex, token, False, False) + [token])
                if label and len(label.split()) > 1:
                    return label
        return None

    def _placement_label(self, verb: Token) -> tuple[str, Token] | None:
        """ "put Africa at the top of his agenda" -> "Africa at the top of his agenda": the
        object with the place it is put in (`placement_verbs`)."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        place = next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "in") and c.i > verb.i), None
        )
        if obj is None or place is None or not any(g.dep_ == "pobj" for g in place.children):
            return None
        tokens = [t for t in [*obj.subtree, *place.subtree] if not t.is_punct and not t.is_space]
        label = render(self.doc, tokens)
        return (label, obj) if label else None

    def clause_label(self, clause: Token) -> str | None:
        """A wished-for clause as a label: its words less markers, auxiliaries, a pronoun
        subject and subordinate clauses ("for the inspectors to be given more time in Iraq before …"
        -> "weapons inspectors given more time in Iraq"). The label stops at the clause's own
        boundary (`_aside`): a conjoined clause of its own ("should sack Mr Brown, but did not
        believe …") and an adverbial of concession or cause ("to cut greenhouse gases despite
        its unwillingness …") are no part of what is wished for; a subjectless to-infinitive of
        purpose is ("for an independent body to be set up to monitor UK immigration")."""
        skip: set[int] = set()
        purposes = [c for c in clause.children if _purpose_infinitive(c)]
        for t in clause.subtree:
            if t is clause or t in purposes:
                continue
            if t.dep_ in ("advcl", "relcl", "ccomp", "parataxis") or _aside(t):
                skip.update(g.i for g in t.subtree)
        # "calls for him to resign over the affair": a pronoun doer names no one in a label, and
        # the act it leaves reads as a gerund ("resigning over affair"), as action labels do
        pronouns = [c.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON"]
        skip.update(pronouns)
        tokens = [
            t for t in clause.subtree
            if t.i not in skip
            and (
                t.dep_ not in ("mark", "aux", "auxpass", "det", "punct", "neg", "cc")
                or _joins(t, skip)
                or t.dep_ == "aux" and t.lower_ == "to" and t.head in purposes  # "set up to monitor …"
                or _nested_to(t, clause)  # "asked the government to mediate to avoid any risk"
            )
            and not t.is_quote
            and not t.is_space
        ]
        if len(tokens) < 2 or not any(t.pos_ in ("NOUN", "PROPN") for t in tokens):
            return None
        if pronouns and tokens[0] is clause and clause.tag_ == "VB":
            rest = render(self.doc, tokens[1:])
            return clean(f"{gerund(clause.lemma_)} {rest}") if rest else None
        label = render(self.doc, tokens)
        if label and clause.tag_ == "VB" and clause.pos_ == "VERB" and not has_that_marker(clause):
            # "calls for the mayor to apologise for …", "Mr Blair should reinstate Mr Brown": an
            # act not yet done reads as a gerund, with its doer before it, as an action label does
            # ("mayor apologising for …"); a "that" clause stays a clause ("ruling that …")
            return _verbs_as_gerunds(self.doc, tokens, [clause, *_joined_acts(clause)], label)
        return label or None

    def gerund_label(self, gerund: Token) -> str | None:
        """A gerund with its arguments as written ("launching Thatcherism in instalments",
        "failing to cut taxes"), less determiners, pronoun possessives and subordinate
        clauses; None without a noun in it."""
        if gerund.tag_ != "VBG":
            return None
        skip = {g.i for t in gerund.subtree if t is not gerund and t.dep_ in ("advcl", "relcl", "parataxis")
                for g in t.subtree}
        tokens = [
            t for t in gerund.subtree
            if t.i not in skip and not (t.is_punct or t.is_quote or t.is_space)
            and t.dep_ != "det" and not (t.dep_ == "poss" and t.pos_ == "PRON")
        ]
        if len(tokens) < 2 or not any(t.pos_ in ("NOUN", "PROPN") for t in tokens):
            return None
        return render(self.doc, tokens) or None

    def state_label(self, pcomp: Token) -> str | None:
        """A state a "being" gerund puts someone in, with its complement as written ("being
        terrified of scrutiny", "being predatory", "being involved in the shooting", "not being
        a supporter of the war"): a copular "being" with an adjective, noun or preposition
        complement, or a participle whose passive auxiliary is "being"; less determiners and
        subordinate clauses; None for any other verb."""
        copular = pcomp.lemma_.lower() == "be" and pcomp.tag_ == "VBG" and any(
            c.dep_ in ("acomp", "attr", "prep") for c in pcomp.children
        )
        passive = pcomp.tag_ == "VBN" and any(
            c.dep_ == "auxpass" and c.lower_ == "being" for c in pcomp.children
        )
        if not (copular or passive):
            return None
        skip = {g.i for t in pcomp.subtree if t is not pcomp and t.dep_ in ("advcl", "relcl", "parataxis", "conj", "cc")
                for g in t.subtree}
        tokens = [
            t for t in pcomp.subtree
            if t.i not in skip and not (t.is_punct or t.is_quote or t.is_space) and t.dep_ != "det"
        ]
        return render(self.doc, tokens) or None if len(tokens) >= 2 else None

    def _placed(self, verb: Token, obj: Token) -> bool:
        """A transparent verb whose object is put somewhere or brought to someone by the
        argument after it ("plans for keeping foreign terror suspects under house arrest",
        "a pledge to hold talks with Iran"): the argument is part of the issue, so the action
        is labelled whole; an actor object stays transparent ("get Britain into the euro"), and
        so does "have", which places nothing ("we have to have prevention under a new category")."""
        if verb.lemma_.lower() == "have" or obj.ent_type_ in ACTOR_LABELS:
            return False
        if obj.pos_ == "PROPN" and not _named_thing(obj):
            return False
        return bool(action_argument(self.lex, verb, obj))

    def _phrasal_label(self, verb: Token) -> tuple[str, Token] | None:
        """A phrasal verb whose object follows its particle's preposition ("refusal to sign up
        to the Kyoto protocol", "plans to opt out of the scheme"): the particle and the
        preposition join the gerund, the preposition's object is what is acted on."""
        particle = next((c for c in verb.children if c.dep_ == "prt" and c.i > verb.i), None)
        if particle is None:
            return None
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.i == particle.i + 1), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if pobj is None or pobj.pos_ not in ("NOUN", "PROPN") or pobj.ent_type_ in ACTOR_LABELS:
            return None  # "pull out of Iraq": an action on a state or people is no issue label
        if pobj.pos_ == "PROPN" and not _named_thing(pobj) or self.lex.evaluative(pobj.lemma_) is not None:
            return None
        named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in pobj.lefts)  # "the Kyoto protocol"
        if not (named or issue_like(pobj)) or pobj.lemma_.lower() in BODY_NOUNS:
            # "stand up to the teaching unions" (no issue word), "stand up to the government"
            # (a state or body as it acts, `body_nouns`, which `issue_like` counts): people
            return None
        if any(c.dep_ == "prep" and c.i > pobj.right_edge.i for c in verb.children):
            return None  # "wake up from their state of denial over …": the act as worded says more
        label = self.noun_label(pobj)
        if not label:
            return None
        return f"{gerund(verb.lemma_)} {particle.lower_} {prep.lower_} {label}", pobj

    def _prepositional_label(self, verb: Token) -> tuple[str, Token] | None:
        """A verb with no object whose complement is a preposition right after it ("should
        focus on the economy", "must look into the visa controversy", "should concentrate on
        issues such as the environment"): the preposition joins the gerund, its object is what
        is acted on, under the tests of `_phrasal_label` (an issue, not an actor or a person).
        Prepositions that set a time, place or manner (`adjunct_prepositions`) are no
        complement ("should act in the national interest", "must wait until May"); nor is a
        time or a place ("should move on next week"), nor people or a body."""
        prep = _complement_preposition(verb)
        if prep is None or any(c.dep_ == "prt" for c in verb.children):
            return None
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.pos_ not in ("NOUN", "PROPN") or pobj.ent_type_ in ACTOR_LABELS:
            return None
        if pobj.pos_ == "PROPN" and not _named_thing(pobj) or self.lex.evaluative(pobj.lemma_) is not None:
            return None
        if pobj.ent_type_ in TIME_OR_PLACE or pobj.lemma_.lower() in BODY_NOUNS or people_noun(pobj):
            return None  # "work with the unions", "wait until next year"
        if any(c.dep_ in ("prep", "advcl", "xcomp") and c.i > pobj.right_edge.i for c in verb.children):
            return None  # "enter into discussions with his party to find a way forward": the act as worded says more
        if any(c.dep_ in ("acl", "ccomp") and has_that_marker(c) for c in pobj.children) and _possessor(pobj):
            return None  # "act on the Law Commission's ruling that the levy is unfair": whose claim it is, `holders`
        label = self.noun_label(pobj)
        if not label:
            return None
        return f"{gerund(verb.lemma_)} {prep.lower_} {label}", pobj

    def action_label(self, verb: Token) -> tuple[str, Token] | None:
        """An action as a label: gerund + object ("imposing agreements", "building more prisons"),
        or, with no object, a phrasal verb's gerund + particle + preposition + its object
        ("signing up to Kyoto protocol", `_phrasal_label`)."""
        if verb.lemma_.lower() in PLACEMENT_VERBS:
            return self._placement_label(verb)
        if verb.lemma_.lower() in EMPTY_VERBS:
            return None  # "show strength", "make the mistake": no issue in the verb
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is None:
            found = self._phrasal_label(verb) or self._prepositional_label(verb)
            if found is not None:
                return found
        shared = _shared_head(verb, obj) if obj is not None else None
        if shared is not None:
            # "keeping UK and foreign terror suspects under house arrest": the noun is the object
            first = render(self.doc, [t for t in self.doc[obj.left_edge.i : shared.left_edge.i] if t.dep_ != "det"])
            obj, prefix = shared, f"{first} "
        else:
            prefix = ""
        if (
            obj is not None
            and verb.lemma_.lower() in TRANSPARENT_VERBS
            and not self._placed(verb, obj)
            and not people_noun(obj)  # "meet the target" is about the target; "meet the protesters" is no issue
        ):
            label = self.noun_label(obj)
            judging = self.lex.evaluative(obj.lemma_) is not None and not _entitlement(obj)
            return (prefix + label, obj) if label and not judging else None
        if obj is None or obj.ent_type_ in ACTOR_LABELS or obj.pos_ == "PROPN" and not _named_thing(obj):
            return None  # "convince the Armenians": an action on people is no issue label
        if self.lex.evaluative(obj.lemma_) is not None:
            return None
        label = self.noun_label(obj)
        if not label:
            return None
        label = prefix + label
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
        verb_part = gerund(verb.lemma_) + (f" {particle}" if particle else "")
        argument = render(self.doc, action_argument(self.lex, verb, obj))
        return f"{verb_part} {label}" + (f" {argument}" if argument else ""), obj


def _complement_preposition(verb: Token) -> Token | None:
    """The preposition that heads a verb's complement: right after the verb, or after adjuncts
    that only set a place, time or manner ("must respond in Parliament to claims", "should
    focus now on the economy"), each an adverb or a phrase of an adjunct preposition
    (`adjunct_prepositions`); None when the first preposition after them is an adjunct too."""
    after = sorted((c for c in verb.children if c.i > verb.i), key=lambda c: c.i)
    position = verb.i + 1
    for child in after:
        if child.i != position:
            return None  # something that is no dependent of the verb comes between
        if child.dep_ == "prep" and child.lower_ not in ADJUNCT_PREPOSITIONS:
            return child
        if not (child.dep_ == "advmod" or child.dep_ == "prep" and child.lower_ in ADJUNCT_PREPOSITIONS):
            return None
        position = child.right_edge.i + 1
    return None


def _purpose_infinitive(token: Token) -> bool:
    """ "for an independent body to be set up to monitor UK immigration": a to-infinitive
    adverbial of a wished-for clause with no subject of its own names what the wished-for
    thing is for, part of what is wished; other adverbials ("before …", "because …") are not."""
    return (
        token.dep_ == "advcl"
        and is_to_infinitive(token)
        and not any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in token.children)
    )


def _nested_to(token: Token, clause: Token) -> bool:
    """The "to" of an infinitive inside a clause label, below the clause's own verb ("to
    mediate to avoid any risk", "to move as fast as possible to sort the problem out"): kept,
    or two verbs run together ("mediate avoid risk"); not that of a verb joined to the
    clause's own ("to appoint safety reps and to increase spending"), one act with it."""
    verb = token.head
    return (
        token.dep_ == "aux" and token.tag_ == "TO" and verb.i != clause.i and verb.i > token.i
        and verb.i not in {c.i for c in _joined_acts(clause)}
    )


def _joined_acts(clause: Token) -> list[Token]:
    """The bare verbs joined to a clause's bare verb with no subject of their own ("to put
    politics aside and focus on …", "to appoint safety reps and to increase spending", where
    the parser may hang the second on a word of the first): acts of the same doer, in the
    same form."""
    return [
        c for c in clause.subtree
        if c.dep_ == "conj" and c.i > clause.i and c.tag_ == "VB" and c.pos_ == "VERB"
        and (c.head.i == clause.i or is_to_infinitive(c))
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    ]


def _verbs_as_gerunds(doc: Doc, tokens: list[Token], verbs: list[Token], label: str) -> str:
    """A clause label with its verbs in the "-ing" form, each found at the word its rendered
    words before it put it; a verb not found there (a cut label) is left as it is."""
    words = label.split(" ")
    for verb in verbs:
        k = next((k for k, t in enumerate(tokens) if t.i == verb.i), None)
        if k is None:
            continue
        at = len(render(doc, tokens[:k]).split()) if k else 0
        if at < len(words) and words[at].lower() == verb.lower_:
            words[at] = gerund(verb.lemma_)
    return clean(" ".join(words))


def _entitlement(noun: Token) -> bool:
    """A noun the lexicon lists as judging, completed by what it entitles to or has for its
    object: "have the right of veto", "the right to strike" name an entitlement held, not a
    judgement ("the right thing" is one)."""
    return noun.pos_ == "NOUN" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children)
        or c.dep_ in ("acl", "xcomp") and c.pos_ == "VERB" and has_to_marker(c)
        for c in noun.children
    )


def _shared_head(verb: Token, obj: Token) -> Token | None:
    """ "keeping UK and foreign terror suspects under house arrest": the parser may take a
    name before "and" for the verb's whole object and hang the common noun after it on the
    verb as a second verb; a noun is no verb's conjunct, so the name and the noun are one
    object whose head is the noun ("UK and foreign terror suspects"). Only a name or an
    adjective-like first conjunct with nothing of its own."""
    if obj.pos_ != "PROPN" or any(c.dep_ in ("prep", "acl", "relcl", "appos") for c in obj.children):
        return None
    cc = next((c for c in verb.children if c.dep_ == "cc" and c.i == obj.right_edge.i + 1), None)
    if cc is None:
        return None
    return next(
        (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.left_edge.i == cc.i + 1), None
    )


def _aside(token: Token) -> bool:
    """Whether a word in a clause opens a part outside what the clause says is to be done: a
    conjoined verb with its own subject or auxiliary, which is a clause of its own ("should
    sack Mr Brown, but did not believe Mr Blair was strong enough"), a verb under its own
    negation, which the label would turn round ("to change public opinion not follow it"), or
    a preposition of concession or cause (`aside_prepositions`: "despite its unwillingness")."""
    if token.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in token.children):
        return True  # "change public opinion not follow it": the label drops the negation, so not the verb
    if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"):
        # the infinitive's "to" is no auxiliary of its own ("to cut taxes and to raise spending")
        return any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") and c.tag_ != "TO" for c in token.children)
    return token.dep_ == "prep" and token.lower_ in ASIDE_PREPOSITIONS


def _joins(token: Token, skip: set[int]) -> bool:
    """Whether a conjunction joins two verbs the label keeps ("to sort out differences and
    extend the tax cut"): without it the two acts run together as one."""
    return token.dep_ == "cc" and token.head.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "conj" and c.i > token.i and c.i not in skip for c in token.head.children
    )
