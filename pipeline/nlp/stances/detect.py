"""`extract_stances`, the stances extractor's entry point (the package docstring says what
each pass does); kept out of `__init__` so that importing `stances.issues` imports no spaCy."""


from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

from pipeline.nlp.lexicons import StanceLexicon, load_stance_lexicon, normalise
from pipeline.nlp.quotes import is_accusation
from pipeline.nlp.records import ArticleContext, Mention, Quote, Stance
from pipeline.nlp.stances.article_issue import issue_signals
from pipeline.nlp.stances.conditions import condition_signals
from pipeline.nlp.stances.context import stance_context
from pipeline.nlp.stances.copulas import consequence_signals, goal_signals, norm_conflict_signals
from pipeline.nlp.stances.effects import effect_signals, fear_signals
from pipeline.nlp.stances.groups import group_mentions, held_groups, polled_groups_dropped
from pipeline.nlp.stances.idioms import idiom_signals
from pipeline.nlp.stances.judgements import (
    attitude_signals,
    deontic_signals,
    evaluative_signals,
    ironic_signals,
    naming_signals,
)
from pipeline.nlp.stances.manners import manner_signals
from pipeline.nlp.stances.merge import merge
from pipeline.nlp.stances.needs import NEED_VERBS, need_signals
from pipeline.nlp.stances.nominals import attitude_adjective_signals, nominal_signals
from pipeline.nlp.stances.opinion import opinion_weight
from pipeline.nlp.stances.pledges import pledge_signals
from pipeline.nlp.stances.protests import protest_signals
from pipeline.nlp.stances.rulings import ruling_quotes
from pipeline.nlp.stances.signals import Signal
from pipeline.nlp.stances.sport import about_play, play_judgement, sport_report
from pipeline.nlp.stances.verbs import (
    copular_signals,
    existential_signals,
    inclusion_signals,
    owned_plan_signals,
    proposal_signals,
    verb_signals,
    willing_signals,
)
from pipeline.nlp.stances.words import (
    ATTEMPT_NOUNS,
    ATTITUDE_ADJECTIVES,
    ATTITUDE_NOUNS,
    CAUSAL_VERBS,
    CONSEQUENCE_VERBS,
    FEAR_VERBS,
    INCLUSION_VERBS,
    INSUFFICIENCY_ADJECTIVES,
    LIGHT_VERBS,
    NORM_CONFLICT_WORDS,
    PROPOSAL_PHRASAL_HEADS,
    PROPOSAL_VERBS,
    PROTEST_NOUNS,
    STANCE_NOMINALS,
    VERBAL_ATTACK_VERBS,
    WARNING_VERBS,
)
from pipeline.nlp.token_view import TokenView, view_of

# The passes read at every token, in order; those read only inside a quote follow them.
# Each comes with its gate: the test the pass itself makes first, read from the token view
# (`Gate`), so that a word no pass can read (most of them) costs no `Token` object and no
# pass calls. A gate only says when its pass surely finds nothing; the pass still decides.
TOKEN_PASSES = (
    verb_signals, proposal_signals, inclusion_signals, owned_plan_signals, existential_signals, copular_signals,
    goal_signals, nominal_signals, attitude_adjective_signals, willing_signals, naming_signals, protest_signals,
    fear_signals,
)
QUOTE_PASSES = (
    deontic_signals, attitude_signals, evaluative_signals, ironic_signals, consequence_signals, pledge_signals,
    need_signals, idiom_signals, condition_signals, effect_signals, norm_conflict_signals, manner_signals,
)

# The passes that read a judgement of quality: in a sport report they keep only judgements of
# an issue (`sport`)
PLAY_JUDGING_PASSES = frozenset({
    evaluative_signals, attitude_adjective_signals, goal_signals, condition_signals, consequence_signals,
    effect_signals, idiom_signals, norm_conflict_signals, manner_signals,
})


class Gate(NamedTuple):
    """What the passes' first tests read of a token: its tags, and what its word is."""

    pos: str
    dep: str
    tag: str
    be: bool  # lemma "be"
    judging: bool  # the word or its lemma is one of the lexicon's evaluative words
    proposal: bool  # lemma in `proposal_verbs`
    consequence: bool  # lemma in `consequence_verbs`
    causal: bool  # lemma in `causal_verbs`
    ironic: bool  # "so-called", or "called" of "so - called"
    opinion: bool  # the word or its lemma is one of the general opinion words (`opinion`)
    need: bool  # lemma in `needs.NEED_VERBS`
    fear: bool  # lemma in `fear_verbs` or `warning_verbs`
    norm_conflict: bool  # the word in `norm_conflict_words`
    cue_verb: bool  # the lemma may start a cue, is a light verb or a verb of verbal attack
    inclusion: bool  # lemma in `inclusion_verbs`
    stance_noun: bool  # lemma in `stance_nominals`, with a cue in the lexicon
    attitude: bool  # the lemma or the word in `attitude_adjectives`
    protest: bool  # lemma in `protest_nouns`, or "action" ("industrial action")
    attitude_noun: bool  # lemma in `attitude_nouns` or `attempt_nouns`
    phrase_end: bool  # the word may end a judging phrase of the lexicon ("missed opportunity")
    insufficiency: bool  # lemma in `insufficiency_adjectives`


GATES: dict[Callable, Callable[[Gate], bool]] = {
    verb_signals: lambda g: g.pos == "VERB" and g.cue_verb,
    proposal_signals: lambda g: g.proposal and (g.pos == "VERB" or g.dep == "acl" and g.tag == "VBN"),
    inclusion_signals: lambda g: g.pos == "VERB" and g.inclusion,
    owned_plan_signals: lambda g: g.pos == "VERB" and g.dep in ("acl", "xcomp", "advcl"),
    existential_signals: lambda g: g.be,
    copular_signals: lambda g: g.be,
    goal_signals: lambda g: g.be,
    nominal_signals: lambda g: g.pos == "NOUN" and g.stance_noun,
    attitude_adjective_signals: lambda g: (
        g.attitude and (g.pos == "ADJ" and g.dep in ("acomp", "amod", "conj") or g.tag == "VBN")
    ),
    willing_signals: lambda g: g.pos == "VERB",
    naming_signals: lambda g: g.judging or g.opinion and g.pos in ("NOUN", "ADJ"),
    protest_signals: lambda g: g.pos == "NOUN" and g.protest,
    fear_signals: lambda g: g.fear and g.pos == "VERB",
    deontic_signals: lambda g: g.pos == "VERB" and not g.be,
    attitude_signals: lambda g: g.pos == "NOUN" and g.attitude_noun,
    # a judging word; the last word of a judging phrase (after a hyphen, or a noun after its
    # modifier); an adjective "too" may modify
    evaluative_signals: lambda g: (
        g.judging or g.phrase_end or g.pos == "ADJ" and g.dep == "acomp" and not g.insufficiency
    ),
    ironic_signals: lambda g: g.ironic,
    consequence_signals: lambda g: g.pos == "VERB" and g.consequence,
    effect_signals: lambda g: g.pos == "VERB" and g.causal,
    norm_conflict_signals: lambda g: g.norm_conflict and g.pos in ("ADJ", "NOUN"),
    pledge_signals: lambda g: g.pos == "VERB" and not g.be,
    need_signals: lambda g: g.pos == "VERB" and g.need,
    idiom_signals: lambda g: g.pos in ("VERB", "AUX") and g.dep not in ("aux", "auxpass"),
    condition_signals: lambda g: g.dep in ("acomp", "attr") and (g.judging or g.pos == "NOUN"),
    manner_signals: lambda g: g.pos == "ADV" and g.dep == "advmod",
}


def _word_kind(lex: StanceLexicon, lower: str, lemma: str) -> tuple[bool, ...]:
    """The word-dependent fields of a `Gate`, in order."""
    # the second half of a hyphenated judging phrase ("ill-conceived") is read with its first
    judging = lex.evaluative(lower) is not None or lex.evaluative(lemma) is not None or lower in lex.phrase_ends
    base = lemma.lower()
    opinion = opinion_weight(lower, lemma) is not None
    proposal = base in PROPOSAL_VERBS or base in PROPOSAL_PHRASAL_HEADS  # "come" of "come up with"
    return (
        lemma == "be", judging, proposal, base in CONSEQUENCE_VERBS, base in CAUSAL_VERBS,
        lower in ("so-called", "called"),
        opinion, base in NEED_VERBS, base in FEAR_VERBS or base in WARNING_VERBS, lower in NORM_CONFLICT_WORDS,
        *_cue_kind(lex, lower, base),
    )


def _cue_kind(lex: StanceLexicon, lower: str, base: str) -> tuple[bool, ...]:
    """The `Gate` fields of the passes that open with a lexicon lookup of the word: a verb no
    cue starts with, that is no light verb nor a verb of verbal attack, finds no cue in
    `verb_signals` (nor does "verb for", which starts with it); a noun or adjective not listed
    in `nominal_signals`', `attitude_adjective_signals`' or `protest_signals`' word list
    leaves those passes nothing to read."""
    cue = STANCE_NOMINALS.get(base)
    return (
        lex.may_start_cue(base) or base in LIGHT_VERBS or base in VERBAL_ATTACK_VERBS,
        base in INCLUSION_VERBS,
        bool(cue) and lex.cue(cue) is not None,
        (ATTITUDE_ADJECTIVES.get(base) or ATTITUDE_ADJECTIVES.get(lower)) is not None,
        base in PROTEST_NOUNS or base == "action",
        base in ATTITUDE_NOUNS or base in ATTEMPT_NOUNS,
        _may_end_a_phrase(lex, lower),
        base in INSUFFICIENCY_ADJECTIVES,
    )


def _may_end_a_phrase(lex: StanceLexicon, lower: str) -> bool:
    """False where `lex.evaluative(f"{modifier} {lower}")` is None whatever the modifier: the
    word (normalised) does not end any of the lexicon's judging words and phrases."""
    words = normalise(lower).split()
    return not words or words[-1] in lex.last_words


class _Memo:
    """The gate fields of each (word, lemma), the plan of each gate and the plan of each
    token's (tags, word, lemma), kept from one article to the next: a process's articles
    share most of their words, and working these out again for every article was a sixth of
    the stance pass. All depend only on the lexicon."""

    KEPT = 200_000  # entries kept at most in a table; past that the memo starts again (memory stays bounded)

    def __init__(self, lex: StanceLexicon):
        self.lex = lex
        self.kinds: dict[tuple[str, str], tuple[bool, ...]] = {}
        self.plans: dict[tuple, tuple[tuple[Callable, ...], tuple[Callable, ...]]] = {}
        # (part of speech, dependency, tag, word, lemma) -> its gate's plan: one lookup a token
        self.token_plans: dict[tuple[str, str, str, str, str], tuple[tuple[Callable, ...], tuple[Callable, ...]]] = {}


_memo: _Memo | None = None


def _memo_of(lex: StanceLexicon) -> _Memo:
    global _memo
    if _memo is None or _memo.lex is not lex or max(len(_memo.kinds), len(_memo.token_plans)) > _Memo.KEPT:
        _memo = _Memo(lex)
    return _memo


def _plan(gate: Gate) -> tuple[tuple[Callable, ...], tuple[Callable, ...]]:
    """The passes that may find something at a token with this gate: anywhere, in a quote."""
    return (
        tuple(signals_of for signals_of in TOKEN_PASSES if GATES[signals_of](gate)),
        tuple(signals_of for signals_of in QUOTE_PASSES if GATES[signals_of](gate)),
    )


def _covered(quotes: tuple[Quote, ...]) -> tuple[list[int], list[int]]:
    """The stretches of text inside some quote, as sorted starts and their ends (overlapping
    quotes merged), for a binary search instead of a scan of every quote at each token."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted((q.char_start, q.char_end) for q in quotes if q.char_start < q.char_end):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


Plan = tuple[tuple[Callable, ...], tuple[Callable, ...]]
"""The passes that may find something at a token: anywhere, and only inside a quote."""
_NOTHING: Plan = ((), ())
"""The plan of a token no pass reads, anywhere or in a quote (most tokens)."""


def _planned(lex: StanceLexicon, view: TokenView) -> list[tuple[int, Plan]]:
    """(token index, its plan) for each token some pass may read, in document order. The
    plans are looked up for every token at once (a `map` over the view's columns), so the
    tokens no pass reads, most of an article, cost no Python-level step of their own."""
    memo = _memo_of(lex)
    token_plans = memo.token_plans
    keys = list(zip(view.pos, view.dep, view.tag, view.lower, view.lemma, strict=True))
    plans = list(map(token_plans.get, keys))
    if None in plans:  # words not seen before: their plans worked out once, then kept
        plans = [plan if plan is not None else _plan_of(memo, key) for key, plan in zip(keys, plans, strict=True)]
    return [(i, plan) for i, plan in enumerate(plans) if plan is not _NOTHING]


def _plan_of(memo: _Memo, key: tuple[str, str, str, str, str]) -> Plan:
    """The plan of a token's (part of speech, dependency, tag, word, lemma), kept in the memo;
    an empty plan is always `_NOTHING`, so the tokens no pass reads are told by identity."""
    word = key[3:]
    kind = memo.kinds.get(word)
    if kind is None:
        kind = memo.kinds[word] = _word_kind(memo.lex, *word)
    gate = (*key[:3], *kind)  # a Gate's fields: equal to the Gate, and hashed alike
    plan = memo.plans.get(gate)
    if plan is None:
        plan = memo.plans[gate] = _plan(Gate(*gate))
    plan = memo.token_plans[key] = _NOTHING if plan == _NOTHING else plan
    return plan


def extract_stances(
    ctx: ArticleContext, quotes: list[Quote], mentions: list[Mention], accusations: list[Quote] | None = None
) -> list[Stance]:
    """Stances of one article, one per holder and target, strongest signal kept; `accusations`
    (quotes an accusing verb cues, read outside quotes) lend only their speakers."""
    if not ctx.text or not len(ctx.doc):
        return []
    lex = load_stance_lexicon()
    art = stance_context(ctx, quotes, mentions, lex, accusations)
    view = view_of(ctx.doc)
    quoted_starts, quoted_ends = _covered(art.quotes)
    token_sentences, idx = ctx.token_sentences(), view.idx
    signals: list[Signal] = []
    sport = sport_report(ctx.doc)
    for i, (passes, quoted) in _planned(lex, view):
        sentence = token_sentences[i]
        if sentence is None or sentence.section in ("caption", "trailer"):
            continue
        if quoted and (k := bisect.bisect_right(quoted_starts, idx[i])) and idx[i] < quoted_ends[k - 1]:
            passes += quoted  # inside a quote (`art.quote_at(idx)` is one)
        if passes:
            token = ctx.doc[i]
            for signals_of in passes:
                found = signals_of(art, token)
                if sport and found:
                    judging = signals_of in PLAY_JUDGING_PASSES
                    found = [s for s in found if not (play_judgement(s) if judging else about_play(s))]
                signals += found
    if not sport:  # a sport report's headline names a match, a bid or a player, no issue
        signals += issue_signals(art, signals)
    return merge(art, signals)


def stances_and_groups(
    ctx: ArticleContext, quotes: list[Quote], mentions: list[Mention], groups: list[Mention] | None = None
) -> tuple[list[Stance], list[Mention]]:
    """Stances, with groups named by a common noun as holders ("critics", "unions"; the
    candidates `group_mentions` finds, unless given), and the GROUP mentions of the groups
    that hold one (to join the article's mentions)."""
    if groups is None:
        groups = group_mentions(ctx, mentions)
    accusations = [q for q in quotes if is_accusation(q)]  # the accusing verb is read outside quotes
    quotes = [q for q in quotes if not is_accusation(q)]
    rulings = ruling_quotes(ctx, quotes, mentions)  # a court's "that" clause is its words
    stances = extract_stances(ctx, quotes + rulings, mentions + groups, accusations)
    if rulings:  # no quote of the quotes table: the stance names none (quote_id is a key to it)
        ids = {r.quote_id for r in rulings}
        stances = [replace(s, quote_id=None) if s.quote_id in ids else s for s in stances]
    stances = polled_groups_dropped(ctx, groups, stances, mentions)
    return stances, held_groups(groups, stances)
