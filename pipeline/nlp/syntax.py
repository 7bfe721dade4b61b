"""The shared syntax layer: what every extractor asks of a spaCy parse, answered once.

Quotes, stances, events and mentions all need to know who the subject of a verb is,
whether a word is negated, how far a noun phrase reaches and which mention covers a
token. Each used to answer for itself, with word sets of the same name meaning different
things; here each question has one answer, and each word set a name saying what it is for.

Only closed-class words (pronouns, prepositions, determiners, modals, negators) and
dependency labels live here; domain vocabulary lives in `pipeline/knowledge/`.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span, Token

from pipeline.nlp.records import Mention
from pipeline.nlp.token_view import view_of

# --------------------------------------------------------------------------- dependency labels

# A noun phrase standing as its clause's subject ("he said", "Blair was told").
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Who does what an active verb says: a noun phrase or a clause ("that he left surprised them").
ACTIVE_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# Any subject: a verb with one of these has a subject of its own.
ANY_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Labels under which a verb takes its own subject, an expletive "there"/"it" included.
SUBJECT_SLOT_DEPS = ANY_SUBJECT_DEPS | {"expl"}
# The tags of a tensed verb (past, present third person, present other): a clause of its own.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# A tensed verb or a past participle ("has visited", "was told"): a verb that tells of a done act.
FINITE_OR_PARTICIPLE_TAGS = FINITE_TAGS | {"VBN"}
# Pre-modifiers that belong to a noun phrase naming someone ("the UN's chief negotiator").
PHRASE_LEFT_DEPS = frozenset({"compound", "amod", "poss", "det", "nmod", "nummod", "case", "flat", "quantmod"})

# --------------------------------------------------------------------------- closed-class words

# Personal pronouns that may stand for a speaker, holder or actor.
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "him", "her", "them"})
# Reflexive pronouns: an object that is the subject again ("distanced himself from").
REFLEXIVE_PRONOUNS = frozenset(
    {"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves"}
)
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
# The articles, definite and indefinite.
ARTICLES = frozenset({"the", "a", "an"})
# Third-person subject pronouns that carry a gender, for coreference.
GENDERED_PRONOUNS = {"he": "m", "she": "f"}
# Subjects that name nobody: "it was said", "there are calls", "this shows".
NON_REFERRING_SUBJECTS = frozenset({"it", "there", "this", "that", "which", "what", "you"})
# Relative pronouns: a relative clause's subject is the noun it hangs from.
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})


def is_relative_pronoun(token: Token) -> bool:
    """A relative pronoun ("who", "that", "which", or a word tagged WDT) heading a relative clause."""
    return token.tag_ == "WDT" or token.lower_ in RELATIVE_PRONOUNS
# Words that negate what they modify ("not", "never", "no attempts", "without").
NEGATION_WORDS = frozenset({"not", "n't", "never", "no", "without", "nobody", "none", "nothing", "neither", "nor"})
DEONTIC_MODALS = frozenset({"should", "must", "ought"})
# The modals of a demand ("that he should resign", "they must back down"), not advice ("ought").
DEMAND_MODALS = frozenset({"must", "should"})
# Subordinators that make an adverbial clause a condition ("if the EU refused", "unless ...").
CONDITION_MARKS = frozenset({"if", "unless"})
DEFINITE_DETS = frozenset({"the", "this", "these", "that", "those"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# Prepositions whose object may be a place ("in London", "from Baku", "outside the court").
PLACE_PREPS = frozenset(
    {
        "in", "at", "near", "outside", "inside", "to", "into", "from", "via", "around", "across", "within",
        "through", "throughout", "beyond", "past", "of", "off", "onto", "opposite", "en", "until", "as", "like",
    }
)
# NER labels of a place, the object a place preposition locates something by ("in London").
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# NER labels that name an actor: a person, a body, a state or a people ("Blair", "the UN", "Iraq", "Kurds").
ACTOR_LABELS = frozenset({"PERSON", "NORP", "GPE", "ORG"})
# Prepositions that place an event, and how firmly ("in Baku" more than "across the region").
LOCATIVE_PREP_WEIGHTS = {"in": 3, "at": 3, "outside": 3, "inside": 3, "near": 2, "across": 1, "along": 1, "through": 1}
# Passive verbs whose subject is the speaker ("he was quoted as saying", "was heard to say").
REPORTED_PASSIVES = frozenset({"quote", "report", "hear"})

# --------------------------------------------------------------------------- clause structure


def hyphen_joined(left: Token, right: Token) -> bool:
    """Two adjacent tokens that are pieces of one hyphenated word ("co" "-", "-" "ordinator")."""
    return not left.whitespace_ and "-" in (left.text, right.text)


def hyphen_prefix(token: Token) -> str:
    """ "test-fired", "non-fiction": the prefix the tokenizer split off the word, with its
    hyphen ("test-", "non-"), or "" when the word has none."""
    i = token.i
    if i < 2:
        return ""
    view = view_of(token.doc)  # asked of every quoted word: read on the token view
    if view.text[i - 1] != "-" or view.spaced[i - 1] or view.spaced[i - 2]:
        return ""
    return view.lower[i - 2] + "-"


def _cut_at_hyphen(token: Token) -> bool:
    """A piece of a hyphenated word the parser split off ("co" or "-" of "co-ordinator")."""
    doc = token.doc
    if token.text == "-":
        return not token.whitespace_ and token.i > 0 and hyphen_joined(doc[token.i - 1], token)
    return token.i + 1 < len(doc) and hyphen_joined(token, doc[token.i + 1])


def has_to_marker(verb: Token) -> bool:
    """The verb carries an infinitive's "to", whatever its tag ("plans to axe 104,000 jobs"
    tags "axe" DT)."""
    return to_marker(verb) is not None


def to_marker(verb: Token) -> Token | None:
    """The infinitive's "to" the verb carries (its first), or None."""
    return next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)


def has_that_marker(clause: Token) -> bool:
    """The clause opens with the complementiser "that" ("the claim that taxes would rise")."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def is_to_infinitive(verb: Token) -> bool:
    """A verb in the to-infinitive ("to publish"): the form a demand, plan or purpose takes."""
    return verb.pos_ in ("VERB", "AUX") and has_to_marker(verb)


def subject_of(verb: Token, reporting: Callable[[Token], bool] | None = None) -> Token | None:
    """The subject token of a verb, climbing through conj/xcomp/advcl to the verb that has one
    (`_subject_of`); found once per verb and test of reporting verbs, as a new Token each time."""
    memo = view_of(verb.doc).memo
    key = ("subject_of", verb.i, reporting)
    i = memo.get(key, _UNKNOWN)
    if i is _UNKNOWN:
        found = _subject_of(verb, reporting)
        i = memo[key] = found.i if found is not None else None
    return verb.doc[i] if i is not None else None


def _subject_of(verb: Token, reporting: Callable[[Token], bool] | None = None) -> Token | None:
    """The subject token of a verb, climbing through conj/xcomp/advcl to the verb that has one.

    "according to X" has X as its subject; a relative clause's subject is the noun it
    modifies; a subject that names nobody ("it", "there") gives None. With `reporting`
    (a test for reporting verbs), a participle reporting for a verb above it ("X said …,
    adding that …") and a verb coordinated under a report ("said truancy was bad and said
    …") take the subject of that reporting verb.
    """
    is_report = reporting or _never
    if verb.lower_ == "according":
        to = next((c for c in verb.children if c.lower_ == "to"), None)
        if to is not None:
            return next((c for c in to.children if c.dep_ == "pobj"), None)
        return None
    absolute = with_absolute_subject(verb)
    if absolute is not None:
        return absolute
    if verb.dep_ in ("advcl", "xcomp", "conj") and verb.tag_ == "VBG" and not has_subject(verb):
        for ancestor in verb.ancestors:
            if is_report(ancestor) and ancestor.tag_ != "VBG":
                return subject_of(ancestor, reporting)
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ACTIVE_SUBJECT_DEPS]
        whole = [c for c in subjects if not _cut_at_hyphen(c)]
        subjects = whole or subjects  # "said co-ordinator Peter Facey": "co" is no subject of its own
        # "The government, Lavrov went on, …": the subject next to the verb is the speaker
        subj = min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None
        # "Lisa Power, head of policy at the Trust said": the nearer subject ends the
        # apposition of the farther one, which is the speaker
        for other in subjects:
            if other.i < (subj.i if subj is not None else -1) and any(
                c.dep_ == "appos" and other.i < c.i < subj.i for c in other.children
            ):
                subj = other
                break
        if subj is None and verb.lemma_.lower() in REPORTED_PASSIVES:
            subj = passive_subject(verb)
        if subj is None:
            subj = swallowed_subject(verb)
        if subj is not None:
            if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            if subj.lower_ in NON_REFERRING_SUBJECTS:
                return None
            return subj
        if verb.dep_ == "conj" and verb.head != verb and not is_report(verb.head):
            above = next((a for a in verb.head.ancestors if is_report(a)), None)
            if above is not None:
                return subject_of(above, reporting)
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head != verb:
            verb = verb.head
            continue
        if verb.dep_ == "relcl":
            return verb.head
        return None
    return None


def with_absolute_subject(verb: Token) -> Token | None:
    """ "… wooing older voters with both the Tories and Lib Dems pledging higher pensions": in
    an absolute "with" clause the parser may hang the participle on the main verb and leave its
    subject as the object of "with"; that object, ending right before the participle, is the
    participle's subject (not the main clause's)."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or has_subject(verb) or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    noun = next((t for t in [before, *before.ancestors] if t.dep_ == "pobj" and t.head.lower_ == "with"), None)
    if noun is None or noun.right_edge.i != verb.i - 1 or noun.pos_ not in ("PROPN", "NOUN"):
        return None
    return None if noun.lower_ in NON_REFERRING_SUBJECTS else noun


def _never(_token: Token) -> bool:
    return False


def has_subject(verb: Token) -> bool:
    """Whether a verb has a subject of its own (active, passive or clausal)."""
    return any(c.dep_ in ANY_SUBJECT_DEPS for c in verb.children)


def is_subject(token: Token) -> bool:
    """A noun phrase head standing as its clause's subject."""
    return token.dep_ in NOMINAL_SUBJECT_DEPS


def nominal_subjects(verb: Token) -> list[Token]:
    """The noun phrase heads standing as a verb's subjects, active or passive."""
    return [c for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS]


def passive_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def is_passive(verb: Token) -> bool:
    """ "was criticised", "cannot be trusted": the verb has a passive auxiliary of its own."""
    view = view_of(verb.doc)
    dep = view.dep
    return any(dep[c] == "auxpass" for c in view.children(verb.i))


def passive_form(verb: Token) -> bool:
    """A passive verb form: one with a passive auxiliary ("was arrested"), or a bare past
    participle with no auxiliary at all ("Arrested in 2003, X ...", "X, charged with fraud,
    ..."); a perfect ("have called") is active."""
    children = list(verb.children)
    if any(c.dep_ == "auxpass" for c in children):
        return True
    return verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in children)


def fronted_participle(verb: Token) -> bool:
    """ "Arrested in 2003, Khodorkovsky remains in jail", "Charged with fraud, the banker
    ...": a bare past participle with no subject of its own opening the clause it hangs from
    is passive; that clause's subject is the one it was done to, not its doer."""
    return (
        verb.dep_ == "advcl"
        and verb.i < verb.head.i
        and passive_form(verb)
        and not any(c.dep_ in SUBJECT_SLOT_DEPS for c in verb.children)
    )


def judged_dep(verb: Token) -> str:
    """The dependency of what a verb acts on: its object, or in the passive its subject
    ("the proposals were attacked by union leaders")."""
    return "nsubjpass" if is_passive(verb) else "dobj"


def mention_root(doc: Doc, m: Mention) -> Token | None:
    """The syntactic head of a mention's tokens (the span widened to whole tokens), which
    says how the mention sits in its clause: subject, modifier, object; None when the
    offsets fall outside the doc's tokens. Found once per doc and offsets (the passes ask
    it of the same mentions again and again), handed out as a new Token each time."""
    view = view_of(doc)

    def root_index() -> int | None:
        tokens = view.token_range(m.char_start, m.char_end)
        return doc[tokens[0] : tokens[1]].root.i if tokens is not None else None

    i = view.once("mention_root", root_index, key=(m.char_start, m.char_end))
    return doc[i] if i is not None else None


_UNKNOWN = object()


# Verbs that raise the subject of their infinitive and say what is expected of it ("is
# expected to", "is set to", "seems to"), from English grammars' raising verbs; not the
# semi-modals of necessity ("has to", "needs to").
RAISING_VERBS = frozenset({"expect", "set", "seem", "appear", "go"})


def raised_passive_subject(verb: Token) -> Token | None:
    """ "The bill is expected to be opposed by the Liberal Democrats": a passive infinitive
    with an agent but no subject of its own, under a verb that raises it, is about that
    verb's subject."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in RAISING_VERBS:
        return None  # "has to be approved by shareholders" states a requirement, not their position
    if passive_subject(verb) is not None or agent_of(verb) is None:
        return None
    if not is_passive(verb):
        return None
    return next((c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)


def agent_of(verb: Token) -> Token | None:
    """The "by" object of a passive verb ("backed by Labour": Labour)."""
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def direct_object(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)


def is_negated(token: Token) -> bool:
    """A word negated by its own children: "did not say", "never said"."""
    view = view_of(token.doc)
    dep, lower = view.dep, view.lower
    return any(dep[c] == "neg" or lower[c] == "never" for c in view.children(token.i))


def has_neg(token: Token) -> bool:
    """A word with a syntactic negation ("not", "n't") among its children."""
    view = view_of(token.doc)
    dep = view.dep
    return any(dep[c] == "neg" for c in view.children(token.i))


def has_modal_aux(token: Token) -> bool:
    """A word with a modal auxiliary ("will go", "could say", "must act") among its children.
    One test, so every rule that asks "is this clause modal?" asks it the same way: dep "aux"
    (not "auxpass") and Penn tag MD, whatever the modal word."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children)


def has_no_determiner(noun: Token) -> bool:
    """A noun with the determiner "no" ("no deal", "no plans"): the thing is denied, not named.
    Only a child with dep "det" counts; "no longer" and other "no"s are not this test."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def has_indefinite_article(noun: Token) -> bool:
    """A noun with the determiner "a" or "an" ("a bill in deep trouble", "a deputy chairman"):
    it describes or counts one of a kind, it names no one thing."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def is_condition(clause: Token) -> bool:
    """An adverbial clause of condition ("would resign if ...", "will strike unless ..."):
    what it supposes, and what hangs on it, has not happened."""
    return clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in clause.children)


# --------------------------------------------------------------------------- noun-phrase extent


def noun_phrase_extent(head: Token) -> tuple[int, int]:
    """Token span [start, end) of the phrase naming someone: the head with its pre-modifiers,
    "of"/"for"/"at" complements ("spokesman for Mr Blair") and coordinated names, kept
    contiguous by cutting at commas, brackets, dashes and quote marks around the head."""
    keep = {head.i}
    for child in head.children:
        right_prep = child.dep_ == "prep" and child.lower_ in ("of", "for", "at") and child.i > head.i
        if child.dep_ in PHRASE_LEFT_DEPS or right_prep:
            keep.update(t.i for t in child.subtree)
        elif child.dep_ in ("cc", "conj") and child.i > head.i:
            keep.update(t.i for t in child.subtree if t.dep_ not in ("appos", "relcl", "acl"))
    start, end = min(keep), max(keep) + 1
    doc = head.doc
    for i in range(head.i - 1, start - 1, -1):
        if doc[i].text in (",", "(", ")", "—", "–") or doc[i].is_quote:
            start = i + 1
            break
    for i in range(head.i + 1, end):
        if doc[i].text in (",", "(", ")", "—", "–") or doc[i].is_quote:
            end = i
            break
    while end - 1 > start and doc[end - 1].is_punct:
        end -= 1
    return start, end


def trim_chars(text: str, start: int, end: int) -> tuple[int, int]:
    """A character span without surrounding space and a trailing comma, colon or semicolon."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",:;"):
        end -= 1
    return start, end


def trim_tokens(span: Span) -> tuple[int, int]:
    """Token range of a name without a leading "the", a trailing possessive or punctuation."""
    start, end = span.start, span.end
    view = view_of(span.doc)
    lower, text, punct, space = view.lower, view.text, view.is_punct, view.is_space
    while start < end and (lower[start] == "the" or punct[start] or space[start]):
        start += 1
    while end > start and (text[end - 1] in POSSESSIVES or punct[end - 1] or space[end - 1]):
        end -= 1
    return start, end


# --------------------------------------------------------------------------- mentions


class MentionIndex:
    """An article's mentions by position: which mention covers a token or a span, which
    came last before a point."""

    def __init__(self, mentions: Iterable[Mention]):
        self.mentions = sorted(mentions, key=lambda m: (m.char_start, -m.char_end))
        self._starts = [m.char_start for m in self.mentions]
        self._by_token: dict[int, list[Mention]] | None = None

    @functools.cached_property
    def by_id(self) -> dict[str, Mention]:
        """Each mention by its id, made once when first asked: the quote, event and stance
        passes look speakers, holders and antecedents up by id."""
        return {m.mention_id: m for m in self.mentions}

    def covering(self, start: int, end: int) -> list[Mention]:
        """Mentions overlapping [start, end)."""
        hi = bisect.bisect_left(self._starts, end)
        return [m for m in self.mentions[:hi] if m.char_end > start]

    def at(self, token: Token) -> Mention | None:
        """The mention covering a token, the tightest first."""
        found = self.covering(token.idx, token.idx + len(token.text))
        return min(found, key=lambda m: m.char_end - m.char_start) if found else None

    def all_at(self, token: Token) -> list[Mention]:
        """Every mention whose tokens include this one, in text order; inside one token
        ("U.S.-mediated") possibly several. Not a country's demonym inside a group's mention
        ("Russian peacekeepers", `mentions.groups.nested_demonyms`): the phrase's words name
        the group, which acts, and the country only through it."""
        if self._by_token is None:
            self._by_token = {}
            for mention in self.mentions:
                if mention.kind == "demonym" and self._inside_another(mention):
                    continue
                span = token.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
                if span is None:
                    continue
                for t in span:
                    self._by_token.setdefault(t.i, []).append(mention)
        return self._by_token.get(token.i, [])

    def _inside_another(self, mention: Mention) -> bool:
        """Whether a longer mention starting no later holds this one's whole span."""
        hi = bisect.bisect_right(self._starts, mention.char_start)
        width = mention.char_end - mention.char_start
        return any(
            m.char_end >= mention.char_end and m.char_end - m.char_start > width for m in self.mentions[:hi]
        )

    def before(self, char: int, types: tuple[str, ...] | None = None, exclude_pronouns: bool = True) -> Mention | None:
        """The latest mention starting before a character, of the given entity types."""
        hi = bisect.bisect_left(self._starts, char)
        for m in reversed(self.mentions[:hi]):
            if exclude_pronouns and m.kind == "pronoun":
                continue
            if types is None or m.entity_type in types:
                return m
        return None


def mention_of(
    head: Token, index: MentionIndex, span: tuple[int, int] | None = None, owned: bool = True
) -> Mention | None:
    """The mention a noun phrase refers to: the one covering its head word, else a name in
    apposition, else its possessor (unless `owned` is false: a head that is no organ of its
    possessor) or "for"/"of" complement ("Armenia’s foreign ministry": Armenia; "a spokesman
    for Mr Blair": Blair), never a modifier ("the UN commissioner")."""
    if span is None:
        span = noun_phrase_extent(head)
    covering = index.at(head)
    appositive_names = [
        m
        for child in head.children
        if child.dep_ == "appos"
        for t in sorted(child.subtree, key=lambda t: index.at(t) is not index.at(child))
        if (m := index.at(t)) is not None and m.kind == "name" and _names_apposition(t, child)
    ]
    named_in_apposition = appositive_names and head.lower_ not in PERSONAL_PRONOUNS
    if covering is not None and not (covering.kind in ("title", "pronoun") and named_in_apposition):
        return covering
    if appositive_names:
        return appositive_names[0]
    owners = [
        m
        for child in head.children
        if (child.dep_ == "poss" and owned)
        or (child.dep_ == "prep" and child.lower_ in ("for", "of") and child.i > head.i)
        for t in child.subtree
        if t.i < span[1] and (m := index.at(t)) is not None and m.kind != "pronoun"
    ]
    if owners:
        return min(owners, key=lambda m: (m.kind != "name", abs(m.char_start - head.idx)))
    return None


def _names_apposition(token: Token, appos: Token) -> bool:
    """Whether a word of an apposition is part of the name it gives, not of a phrase inside
    it: "the chairman …, Labour MP Barry Sheerman" names Sheerman first (the head's own
    mention comes first), "sources, all unnamed allies of Mr Blair" names no one."""
    while token.i != appos.i:
        if token.dep_ in ("prep", "pobj", "relcl", "acl") or token.head.i == token.i:
            return False
        token = token.head
    return True


def misparsed_coordinate(verb: Token) -> Token | None:
    """ "Davis said it was not possible to overstate the judgment and urged the government to
    move": a tensed verb with no subject of its own hung on an infinitive cannot share the
    infinitive's clause; it coordinates with the highest verb of its own tense above it
    ("said"), whose subject and mood it takes, not the "it" or the "not" of the clause in between."""
    if verb.tag_ not in FINITE_TAGS or verb.head.tag_ != "VB":
        return None
    if verb.lower_ == verb.lemma_.lower():
        return None  # "would restrict access and put a cap": "put" may be the bare verb itself
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return None
    found = None
    head = verb.head
    while head.dep_ in ("xcomp", "ccomp", "advcl", "conj") and head.head != head:
        head = head.head
        if head.tag_ == verb.tag_:
            found = head
    return found


def swallowed_subject(verb: Token) -> Token | None:
    """ "The Conservatives oppose the tax and the Liberal Democrats reject the cuts": a tensed
    verb coordinated with no subject of its own, right after a name the parser joined to the
    first verb's object as a conjunct, has that name as its subject."""
    if verb.dep_ != "conj" or verb.tag_ not in FINITE_TAGS or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    i = verb.left_edge.i - 1
    if i < 0:
        return None
    name = verb.doc[i]
    if name.pos_ != "PROPN" or name.dep_ != "conj" or name.right_edge.i != i:
        return None
    if not any(c.dep_ == "cc" and c.lower_ in ("and", "but") and c.i < name.i for c in name.head.children):
        return None
    top = name.head
    while top.dep_ == "conj" and top.head != top:
        top = top.head
    return name if top.head == verb.head and top.dep_ in ("dobj", "obj", "attr") else None


def swallowed_conjunct(noun: Token) -> bool:
    """Whether a conjunct of an object is the subject of the next clause (`swallowed_subject`)."""
    after = noun.right_edge.i + 1
    if noun.dep_ != "conj" or after >= len(noun.doc):
        return False
    verb = noun.doc[after]
    while verb.dep_ in ("aux", "auxpass", "advmod", "neg") and verb.head.i > verb.i:
        verb = verb.head  # "and Labour will oppose it": an auxiliary or adverb before the verb
    return swallowed_subject(verb) == noun
