"""Events from reported speech: a quote that criticises a named actor is ACCUSE.

"X said Mr Howard's proposals were 'unworkable'", "'This government has shown crass
insensitivity,' said Y": PLOVER codes criticism as ACCUSE (disapprove) when it is made,
with the speaker as source and the criticised actor as target. The quotes come from the
quotes extractor (its speakers are right about nine times in ten); a quote criticises when
a judging word of it is negative (the stance lexicon's `evaluative_negative` at weight
0.6 or more, or a criticism word of `events.yaml`) and not negated; the target is an actor
named in that word's clause: its subject, the possessor of the criticised thing ("Blair's
plans" -> Blair), or an object. The speaker is never their own target, "I" and "we" never
a target, and a quote whose criticism names no actor gives no event (criticism of a
product or "the system" is a stance only). A quote whose sentence already reports an
ACCUSE event by the same speaker gives none, and one speaker's criticism of one target is
one event per article.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from pipeline.nlp.events.draft import ASSERTED, Draft, EventContext, is_actor, unique
from pipeline.nlp.events.vocabulary import CRITICISM_WORDS
from pipeline.nlp.lexicons import Trigger, load_stance_lexicon
from pipeline.nlp.records import Mention, Quote
from pipeline.nlp.syntax import has_neg

CRITICISM_WEIGHT = 0.6  # stance-lexicon weight from which a judging word criticises
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "xcomp", "csubj", "acl"})
SPEAKER_PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our", "you", "your", "myself", "ourselves"})
ACCUSE_SPEECH = Trigger(
    lemma="criticism", event_type="ACCUSE", mode="disapprove", cameo_root="11", quad="verbal_conflict", pos="NOUN"
)


def _criticises(token: Token) -> bool:
    lexicon = load_stance_lexicon()
    for word in (token.lower_, token.lemma_.lower()):
        if word in CRITICISM_WORDS:
            return True
        weight = lexicon.evaluative(word)
        if weight is not None and weight <= -CRITICISM_WEIGHT:
            return True
    return False


def _negated(token: Token) -> bool:
    """ "not illegal", "was not a failure": the judging word or its head is negated."""
    if has_neg(token):
        return True
    head = token.head
    return token.dep_ in ("acomp", "attr", "amod", "dobj") and head is not token and has_neg(head)


def _clause(token: Token, span: Span) -> Token:
    """The head of the clause a word sits in, inside the quote."""
    node = token
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and node.dep_ in CLAUSE_DEPS:
            return node
        head = node.head
        if head is node or not (span.start <= head.i < span.end):
            return node
        node = head
    return node


def _same_actor(a: Mention, b: Mention) -> bool:
    if a.mention_id == b.mention_id:
        return True
    key = lambda m: (m.gazetteer_id or m.name or m.surface).lower()  # noqa: E731
    return key(a) == key(b) or (a.antecedent is not None and a.antecedent == b.mention_id)


def _targets(ec: EventContext, clause: Token, span: Span, speaker: Mention) -> list[Mention]:
    """Actors the clause names, named ones before pronouns, never the speaker or "we"."""
    named: list[Mention] = []
    pronouns: list[Mention] = []
    for token in sorted(clause.subtree, key=lambda t: t.i):
        if not (span.start <= token.i < span.end):
            continue
        for mention in ec.index.all_at(token):
            if not is_actor(mention) or _same_actor(mention, speaker):
                continue
            if mention.kind == "pronoun":
                if mention.surface.lower() not in SPEAKER_PRONOUNS:
                    pronouns.append(mention)
            elif mention.entity_type != "LOCATION":
                named.append(mention)
    return unique(named) or unique(pronouns[:1])


def speech_drafts(ec: EventContext, quotes: Iterable[Quote]) -> list[Draft]:
    """ACCUSE drafts for the quotes that criticise a named actor, by sentence order."""
    by_id = {m.mention_id: m for m in ec.index.mentions}
    drafts: list[Draft] = []
    for quote in quotes:
        speaker = by_id.get(quote.speaker_mention_id or "")
        if speaker is None or not is_actor(speaker) or speaker.surface.lower() in SPEAKER_PRONOUNS - {"we"}:
            continue
        span = ec.ctx.doc.char_span(quote.char_start, quote.char_end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            if not _criticises(token) or _negated(token):
                continue
            targets = _targets(ec, _clause(token, span), span, speaker)
            if not targets:
                continue
            sentence = ec.ctx.sentence_at(token.idx)
            if sentence is None:
                continue
            draft = Draft(
                token=token,
                trigger=ACCUSE_SPEECH,
                sentence=sentence,
                words=[token],
                event_type="ACCUSE",
                mode="disapprove",
                cameo_root="11",
            )
            draft.sources = [speaker]
            draft.targets = targets
            draft.modality = ASSERTED
            drafts.append(draft)
            break  # one criticism per quote
    return drafts


def new_speech_events(speech: list[Draft], reported: list[Draft]) -> list[Draft]:
    """The speech drafts not already reported: no second ACCUSE by a speaker in a sentence
    that reports one, and one per speaker and target in the article."""

    def key(mention: Mention) -> str:
        return (mention.gazetteer_id or mention.name or mention.surface).lower()

    kept: list[Draft] = []
    seen: set[tuple[str, str]] = set()
    for draft in speech:
        speaker = draft.sources[0]
        if any(
            d.event_type == "ACCUSE"
            and d.sentence.sentence_id == draft.sentence.sentence_id
            and any(_same_actor(s, speaker) for s in d.sources)
            for d in reported
        ):
            continue
        pairs = {(key(speaker), key(t)) for t in draft.targets}
        if pairs <= seen:
            continue
        seen |= pairs
        kept.append(draft)
    return kept
