"""Which tokens of an article `triggers.sentence_drafts` must read, told from the token view.

`sentence_drafts` walks each sentence three times: for trigger words, for verbs that receive
or are given something ("faced criticism", "with help from Y"), and for verbs that may
realise a trigger noun (light verbs, "approved a loan"). Nearly every token fails each
walk's first tests, which read only the word, its lemma and its tags. Those tests are
answered here once per distinct word (remembered from one article to the next) and once per
article, as three sorted lists of token indices; a sentence reads its stretch of each list
(`in_span`). The lists only leave out tokens each walk surely skips: the walks still make
every test of their own.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

from pipeline.nlp.events.draft import RECEIVING_LEMMAS
from pipeline.nlp.events.vocabulary import (
    AID_DROPPING_VERBS,
    AID_GRANTING_VERBS,
    AID_SCALING_VERBS,
    ARRIVAL_VERBS,
    CAPTIVITY_VERBS,
    CONVERSATION_VERBS,
    GIVING_VERBS,
    GREETING_VERBS,
    HELPING_VERBS,
    INCURSION_VERBS,
    LEGAL_REALISING_VERBS,
    MEETING_LIGHT_VERBS,
    RECEPTION_VERBS,
    VERDICT_VERBS,
)
from pipeline.nlp.lexicons import EventTriggers, normalise
from pipeline.nlp.token_view import TokenView

READ_AS_VERBS = frozenset().union(
    GREETING_VERBS, CAPTIVITY_VERBS, INCURSION_VERBS, RECEPTION_VERBS, ARRIVAL_VERBS, GIVING_VERBS, HELPING_VERBS,
    VERDICT_VERBS,
)
"""The lemmas of the verbs `greeting_trigger`, `captivity_trigger`, `incursion_trigger`,
`reception_trigger`, `arrival_trigger`, `donation_trigger`, `assistance_trigger` and
`verdict_trigger` read."""

# the verbs that may realise a trigger noun with no light-verb entry of their own
REALISING_ONLY = frozenset().union(
    MEETING_LIGHT_VERBS, AID_SCALING_VERBS, AID_GRANTING_VERBS, AID_DROPPING_VERBS, LEGAL_REALISING_VERBS
)


def may_trigger(lexicon: EventTriggers, verbal: bool, pos: str, lemma: str, lower: str, after_hyphen: bool) -> bool:
    """False where `verb_trigger` and `_noun_trigger` both answer None, told from the word
    alone (the tests each begins with): a verb whose lemma no entry holds and which makes no
    phone call, with no hyphenated prefix ("test-fired") that may make it one; a noun no
    entry holds as written or as its lemma."""
    if verbal and (after_hyphen or lemma in CONVERSATION_VERBS or lexicon.may_be_verb(lemma)):
        return True
    return pos in ("NOUN", "PROPN") and (lexicon.may_be_noun(lemma) or lexicon.may_be_noun(lower))


def is_verbal(pos: str, tag: str) -> bool:
    """A verb as `verb_trigger` takes one: tagged VERB, or a verb tag on a word not an AUX."""
    return pos == "VERB" or (tag.startswith("VB") and pos != "AUX")


def is_verb_like(pos: str, tag: str) -> bool:
    """A verb or auxiliary by either tag: what may receive, be given or realise a noun."""
    return pos in ("VERB", "AUX") or tag.startswith("VB")


class Gated(NamedTuple):
    """One article's tokens each walk of `sentence_drafts` must read, in document order."""

    triggers: list[int]  # may be a verb or noun trigger, or a verb read as one
    receivers: list[int]  # verbs that may receive a noun or be given one "with ... from" Y
    realisers: list[int]  # verbs that may be light or realise a noun without being a trigger


def in_span(indices: list[int], start: int, end: int) -> list[int]:
    """The indices in [start, end) of a sorted list."""
    return indices[bisect.bisect_left(indices, start) : bisect.bisect_left(indices, end)]


class Kind(NamedTuple):
    """What the three walks' first tests say of a (pos, tag, lemma, word)."""

    trigger: bool  # the trigger walk reads it
    trigger_after_hyphen: bool  # the trigger walk reads it where it follows a hyphen ("test-fired")
    verb_like: bool  # the receiving walk reads it where a "with" phrase may give it something
    receiving: bool  # the receiving walk reads it (its lemma receives)
    realising: bool  # the realising walk reads it (it may be light or realise a noun)


_NONE = Kind(False, False, False, False, False)
"""The kind of a word no walk reads (most of them), told by identity."""


class _Words:
    """The word-level answers of the three walks, kept per (tags, lemma, word) from one
    article to the next: they depend on the lexicon alone."""

    KEPT = 200_000  # answers kept at most; past that they start again (memory stays bounded)

    def __init__(self, lexicon: EventTriggers):
        self.lexicon = lexicon
        self.kinds: dict[tuple[str, str, str, str], Kind] = {}
        # every word sequence a light-verb entry starts with, short of the whole entry
        self.light_starts = frozenset(
            " ".join(words[:k])
            for entry in lexicon.light_verb_lemmas
            for words in [entry.split()]
            for k in range(1, len(words))
        )

    def kind(self, key: tuple[str, str, str, str]) -> Kind:
        """The `Kind` of a (pos, tag, lemma, word), kept."""
        pos, tag, lemma, lower = key
        word = lemma.lower()
        verbal, verb_like = is_verbal(pos, tag), is_verb_like(pos, tag)
        trigger = (verbal or pos in ("NOUN", "PROPN")) and (
            (pos == "VERB" and word in READ_AS_VERBS) or may_trigger(self.lexicon, verbal, pos, word, lower, False)
        )
        found = Kind(
            trigger,
            trigger or verbal,  # after a hyphen every verb may trigger (`may_trigger`)
            verb_like,
            verb_like and word in RECEIVING_LEMMAS,
            verb_like and (word in REALISING_ONLY or self._may_be_light(word)),
        )
        found = self.kinds[key] = _NONE if found == _NONE else found
        return found

    def _may_be_light(self, word: str) -> bool:
        """False where `is_light_verb(word, particle)` is False with any particle."""
        base = normalise(word)
        return not base or base in self.lexicon.light_verb_lemmas or base in self.light_starts


_words: _Words | None = None


def _words_of(lexicon: EventTriggers) -> _Words:
    global _words
    if _words is None or _words.lexicon is not lexicon or len(_words.kinds) > _Words.KEPT:
        _words = _Words(lexicon)
    return _words


def gated(lexicon: EventTriggers, view: TokenView) -> Gated:
    """The article's `Gated` tokens, found once per doc (`TokenView.once`)."""
    return view.once("event-gates", lambda: _gated(_words_of(lexicon), view), key=id(lexicon))


def _gated(words: _Words, view: TokenView) -> Gated:
    """One lookup per token (a `map` over the view's columns), then the few tokens some walk
    reads sorted into the walks' lists."""
    keys = list(zip(view.pos, view.tag, view.lemma, view.lower, strict=True))
    kinds = list(map(words.kinds.get, keys))
    if None in kinds:  # words not seen before: worked out once, then kept
        kinds = [words.kind(key) if kind is None else kind for key, kind in zip(keys, kinds, strict=True)]
    read = [(i, kind) for i, kind in enumerate(kinds) if kind is not _NONE]
    text, given = view.text, _given_with_heads(view)
    return Gated(
        [i for i, kind in read if kind.trigger or kind.trigger_after_hyphen and i >= 2 and text[i - 1] == "-"],
        [i for i, kind in read if kind.receiving or kind.verb_like and i in given],
        [i for i, kind in read if kind.realising],
    )


def _given_with_heads(view: TokenView) -> frozenset[int]:
    """The tokens on which `draft.given_with` may find something: those a "with" phrase
    hangs on, and the heads of such a subject or object (the walk reads it of every verb)."""
    withs = view.heads_of("with", "prep")
    head, dep = view.head, view.dep
    return withs | {head[w] for w in withs if dep[w] in ("nsubj", "dobj")}
