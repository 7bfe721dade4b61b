"""Stances that the article's speech-act events imply (issue 18): a demand or call
(REQUEST), praise or endorsement (SUPPORT) and a pledge or agreement (AGREE) take a side
for what is demanded, praised or agreed to; a refusal (REJECT), criticism (ACCUSE) and a
threat (THREATEN) take a side against what is refused, criticised or threatened
(eval/GUIDE.md, Stances: "an explicit evaluation, demand, pledge, criticism or rejection").

The events layer reads speech acts the stance passes may not: a verb the stance lexicon
has no cue for ("Frank Field criticised the reported rivalry between the pair"), a demand
the stance verbs leave to its addressee ("the Authors Guild wants Google to make the content
unavailable"), a modal demand in speech ("said Mr Hain should make a statement"). Such an
event's source is the holder; what the trigger verb is about, read with the stance passes'
own target builders (`targets.verb_targets`, `action_targets`, `worded_action`), is the
target. Only verbs are read, and only
- a verb that speaks (a quote cue or a stance cue), not a deed the event is coded from
  ("signed the constitution", "is being sued by");
- whose subject or agent is the holder: "Shell lawyers say the auction violated US law"
  charges the auction, and gives Shell no stance on the law;
- outside quotes, or in the holder's own words: "Tony Blair asks the Queen to dissolve
  Parliament", in a pundit's quote, is the pundit's claim.
A target that is an actor (a mention or a proper name) is the event's target, not an issue;
a threat is left out (the act threatened is what the threatener backs). The events run
after the stances (they read them), so this pass runs after the events, over the same
`StanceArticle` and the same `merge`, and adds a stance only for a holder that has none in
that sentence and none on a target sharing half its words.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from pipeline.nlp.gazetteer import load_gazetteer
from pipeline.nlp.lexicons import load_stance_lexicon
from pipeline.nlp.quotes import is_cue
from pipeline.nlp.records import ArticleContext, EventCandidate, Mention, Quote, Stance
from pipeline.nlp.stances.context import StanceArticle, counted_members, stance_context
from pipeline.nlp.stances.merge import HOLDER_TYPES, merge
from pipeline.nlp.stances.phrases import clean
from pipeline.nlp.stances.signals import Signal, target_signals
from pipeline.nlp.stances.targets import Target, action_targets, verb_cue, verb_targets, with_subject, worded_action
from pipeline.nlp.stances.words import SPOKESPERSON_NOUNS
from pipeline.nlp.syntax import DEMAND_MODALS, agent_of, is_to_infinitive

# the side a speech act takes on what it is about (PLOVER types, eval/GUIDE.md, Events); a
# threat is left out: what it is about is the act threatened ("would seek sanctions"), which
# the threatener backs, not what it is aimed at
SIDE = {"REQUEST": 1, "SUPPORT": 1, "AGREE": 1, "REJECT": -1, "ACCUSE": -1}
SPEECH_ACT_SCORE = 0.6  # as firm as a stance verb read outside quotes (`OUTSIDE_QUOTE_MIN_SCORE`)
SUBJECTS = ("nsubj", "nsubjpass")


def speech_act_stances(
    ctx: ArticleContext,
    quotes: list[Quote],
    mentions: list[Mention],
    events: Iterable[EventCandidate],
    stances: list[Stance],
) -> list[Stance]:
    """The stances the article's asserted speech-act events imply that `stances` lacks."""
    acts = [e for e in events if e.event_type in SIDE and e.sources and e.modality == "asserted"]
    if not acts:
        return []
    art = stance_context(ctx, quotes, mentions, load_stance_lexicon())
    signals: list[Signal] = []
    for event in acts:
        verb = _trigger_verb(ctx, event)
        if verb is None:
            continue
        quote = art.quote_at(verb.idx)
        speaker = art.speaker(quote)
        holders = [art.by_id[i] for i in event.sources if i in art.by_id]
        if quote is not None and not any(_same(art, h, speaker) for h in holders):
            continue  # "Tony Blair asks the Queen to dissolve Parliament," in another's words: their claim
        for holder in holders:
            if holder.entity_type in HOLDER_TYPES and holder.kind != "pronoun":
                signals += _signals(art, verb, SIDE[event.event_type], holder, _said_by(art, verb, holder))
    # a holder with a stance in the sentence already has the act's side, however worded
    spoken = {(_holder_key(art, s.holder_mention_id), s.sentence_id) for s in stances}
    known = {(_holder_key(art, s.holder_mention_id), _words(s.target)) for s in stances}
    out = []
    for stance in merge(art, signals):
        key, words = _holder_key(art, stance.holder_mention_id), _words(stance.target)
        if (key, stance.sentence_id) not in spoken and not any(h == key and _overlaps(w, words) for h, w in known):
            out.append(stance)
    return out


def _said_by(art: StanceArticle, verb: Token, holder: Mention) -> bool:
    """Whether the holder is who the verb's clause says acts: its subject or passive agent
    names the holder ("three Appeal Court judges dismissed", "was criticised by unions",
    "a spokesman for Mr Howard attacked"), or is a pronoun the events layer read; not an act
    charged to someone else ("say the auction violated US law": the auction's)."""
    clause = verb
    while clause.dep_ in ("xcomp", "conj", "advcl") and not any(c.dep_ in SUBJECTS for c in clause.children):
        clause = clause.head
    doer = agent_of(clause) or next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if doer is None and clause.dep_ == "acl":
        doer = clause.head  # "advocates demanding that he haul …": the advocates
    if doer is None:
        return False
    if doer.pos_ == "PRON":
        return True
    if doer.lemma_.lower() in SPOKESPERSON_NOUNS:
        return any(holder.char_start <= t.idx < holder.char_end for t in doer.subtree)
    if _member_of(doer, holder):
        return False
    return any(holder.char_start <= t.idx < holder.char_end for t in _own_words(doer))


def _member_of(doer: Token, holder: Mention) -> bool:
    """Whether the doer is one person, named by a post (roles.yaml), whom a body only qualifies
    ("a senior Tory MP has criticised", "Tory leader urges"): a leader, minister or member speaks in
    their own right, not for the party (eval/GUIDE.md, Who speaks for a body), so the body
    holds no stance; a spokesperson (`SPOKESPERSON_NOUNS`) speaks for it, and a plural ("three
    Appeal Court judges") is the body's bench or members together, unless counted or quantified
    as a part of a body's members ("some Labour MPs", `context.counted_members`)."""
    if holder.entity_type == "PERSON" or holder.char_start <= doer.idx < holder.char_end:
        return False
    if counted_members(doer):
        return True  # "some Labour MPs had called for …": a part of the party, not the party
    return doer.tag_ in ("NN", "NNP") and load_gazetteer().match_role(doer.text) is not None  # a post (roles.yaml)


def _own_words(noun: Token) -> list[Token]:
    """The noun and the words that name it ("three Appeal Court judges"), not an owner or a
    prepositional phrase ("the Law Lords' ruling" is no act of the Law Lords)."""
    words = [noun]
    for child in noun.children:
        if child.dep_ in ("compound", "appos", "amod", "nmod", "nummod"):
            words += _own_words(child)
    return words


def _signals(art: StanceArticle, verb: Token, side: int, holder: Mention, said: bool) -> list[Signal]:
    """The holder's signals on what the speech act's verb is about: its object or complement
    ("criticised the reported rivalry"); for a demand, also the act demanded, with who is to
    do it, when the trigger is that act under a modal ("said Mr Hain should make a
    statement") or the demand's clause ("wants Google to make the content unavailable")."""
    found: list[Target] = []
    quote = art.quote_at(verb.idx)
    cue = verb_cue(art, verb)
    if said and (cue is not None or is_cue(verb)):
        # a verb that speaks ("criticised", "called for"), not a deed the event is coded from
        # ("signed the constitution", "dismissed both appeals", "is being sued")
        found = verb_targets(art, verb, cue[2] if cue is not None else None)
    if not found and side > 0:
        # a modal demands only in someone's words, as the deontic pass reads it in quotes
        demanded = quote is not None and any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in verb.children)
        acts = [verb] if demanded else [
            c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and is_to_infinitive(c) and said
        ]
        for act in acts:
            if verb_cue(art, act) is not None:
                subject = next((c for c in act.children if c.dep_ == "nsubj"), None)
                acted = action_targets(art, act)  # "should scrap the tax": against the tax
                found += with_subject(art, subject, act, acted) if subject is not None else acted
            elif any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in act.children):
                found += worded_action(art, act)  # "Mr Hain make statement on Thursday": with its doer
    # an actor (a mention, or a name: "250px Google is being sued") is the event's target, no issue
    targets = [t for t in found if art.index.at(t.head) is None and t.head.pos_ != "PROPN"]
    return target_signals(art, verb, side, SPEECH_ACT_SCORE, targets, holder, quote)


def _trigger_verb(ctx: ArticleContext, event: EventCandidate) -> Token | None:
    """The verb the event's trigger is written with, in its sentence."""
    if event.sentence_id >= len(ctx.sentences):
        return None
    span = ctx.sentence_span(ctx.sentences[event.sentence_id])
    words = event.trigger.split()
    if span is None or not words:
        return None
    first = words[0].lower()
    return next((t for t in span if t.lower_ == first and t.pos_ == "VERB"), None)


def _same(art: StanceArticle, holder: Mention, speaker: Mention | None) -> bool:
    return speaker is not None and _holder_key(art, holder.mention_id) == _holder_key(art, speaker.mention_id)


def _holder_key(art: StanceArticle, mention_id: str | None) -> str:
    mention = art.by_id.get(mention_id or "")
    return (mention.name or mention.surface).lower() if mention is not None else ""


def _words(label: str) -> frozenset[str]:
    return frozenset(w.rstrip("s") for w in clean(label).lower().split() if len(w) > 2)


def _overlaps(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two targets share half the words of either (as the scorer matches targets)."""
    shared = len(a & b)
    return bool(shared) and (shared >= len(a) / 2 or shared >= len(b) / 2)
