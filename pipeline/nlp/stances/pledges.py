"""Pledges in a body's speech: a party, government, state, union or firm saying what it will
do ("Labour has said it will extend the right-to-buy scheme", a spokesman's "we will
introduce a carbon tax") supports doing it; "it will not raise income tax" opposes it
(eval/GUIDE.md: a pledge is a stance; README: a plan stated in speech is the planner's).

Why structure and not words: promises use any verb of action, so the pass reads the shape (a
future modal on an action with an object, whose subject is the body itself: "we", its "it"
or "they" in its own indirect speech, or its name) and leaves the verb's meaning to the label
("extended right-to-buy scheme"). A condition ("would cut taxes if …"), a question, a
relative clause ("a government that will not set a limit"), a stance verb (read by `verbs`:
"we will scrap the tax"), a forecast ("predicted that it will outperform the market",
`forecast_verbs`) or what a thing will do ("the plans would improve safeguards", "a bill which
critics claim would legalise euthanasia": its effect, not a promise) is none.

Tried and left out (make eval): a person's pledges ("Mr Howard said his party would cut
£35bn", "we will …" of a named person, a party the speaker is introduced with) found one more
dev stance but two unmatched held-out ones; a body's passive announcement ("the Home Office
said life sentences would not be abolished") one more dev stance and two unmatched held-out
ones; what "we are doing" or "have done" one unmatched held-out stance.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.mentions.vocabulary import PARTY_NOUNS
from pipeline.nlp.records import Mention, Quote
from pipeline.nlp.stances.context import StanceArticle
from pipeline.nlp.stances.holders import co_speakers, holder_for
from pipeline.nlp.stances.polarity import has_negation, hypothetical
from pipeline.nlp.stances.signals import Signal, signal
from pipeline.nlp.stances.targets import verb_cue
from pipeline.nlp.stances.words import BELIEF_VERBS, BODY_NOUNS, FORETELLING_VERBS, PLEDGE_EXCLUDED_VERBS, PLEDGE_MODALS
from pipeline.nlp.syntax import FIRST_PERSON, mention_root, subject_of

PLEDGE_SCORE = 0.6
SELF_PRONOUNS = frozenset({"it", "they"})  # how a body names itself in its reported speech
# verbs of belief (`belief_verbs`, less "say") and of foretelling (`forecast_verbs`): what one
# believes or predicts one will do is a forecast
FORECAST_VERBS = (BELIEF_VERBS - {"say"}) | FORETELLING_VERBS

BODIES = BODY_NOUNS | PARTY_NOUNS
"""Common nouns for a body that can promise or be spoken for ("the government", "the party")."""


def pledge_signals(art: StanceArticle, verb: Token) -> list[Signal]:
    """ "Labour has said it will extend the scheme": a body's own future action supports it."""
    if verb.pos_ != "VERB" or _describes(verb) or verb.lemma_.lower() in PLEDGE_EXCLUDED_VERBS:
        return []
    if not any(c.dep_ == "aux" and c.lower_ in PLEDGE_MODALS for c in verb.children) or hypothetical(verb):
        return []
    quote = art.quote_at(verb.idx)
    speaker = art.speaker(quote)
    if quote is None or speaker is None or speaker.entity_type == "PERSON":
        return []
    if "?" in art.ctx.text[verb.idx : quote.char_end + 1]:
        return []  # "Would we raise taxes?": a question promises nothing
    if verb_cue(art, verb) is not None or not any(c.dep_ == "dobj" for c in verb.children):
        return []
    if any(above.lemma_.lower() in FORECAST_VERBS for above in verb.ancestors):
        return []  # "they believe they will be fighting the next election …": a forecast
    # its own subject ("it will …"), else a conjoined verb's ("would cut taxes … and would bring in …")
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) or subject_of(verb)
    if subject is None or not _itself(art, verb, subject, quote, speaker):
        return []
    label = art.labeller.action_label(verb)
    if label is None:
        return []
    polarity = -1 if has_negation(art, verb) else 1
    return signal(art, verb, polarity, PLEDGE_SCORE, label[0], label[1], speaker, quote)


def _itself(art: StanceArticle, verb: Token, subject: Token, quote: Quote, speaker: Mention) -> bool:
    """Whether the subject is the speaking body: "we" (its spokesman's words), "it" or "they"
    in its own indirect speech, or a name of the body."""
    if subject.lower_ in FIRST_PERSON:
        return True
    if subject.lower_ in SELF_PRONOUNS:
        return quote.kind == "indirect" and not _other_referent(art, subject, quote, speaker)
    if _thing(art, subject):
        return False  # "the plans would improve safeguards", "a bill which critics claim would allow …"
    holder, _ = holder_for(art, verb, False)
    return holder is not None and (holder.name, holder.entity_type) == (speaker.name, speaker.entity_type)


def _thing(art: StanceArticle, subject: Token) -> bool:
    """Whether a subject names a thing, not a body: a common noun that is no mention and no body
    noun ("the plans", "the deficit"), or a relative pronoun ("which", "that") standing for one.
    What a thing will do is its effect, which the speaker may judge (`copulas`, `effects`), not
    the speaker's promise."""
    if subject.tag_ in ("WDT", "WP") or subject.lower_ in ("which", "that"):
        return True
    return (
        subject.pos_ == "NOUN"
        and art.index.at(subject) is None
        and subject.lemma_.lower() not in BODIES
    )


def _other_referent(art: StanceArticle, pronoun: Token, quote: Quote, speaker: Mention) -> bool:
    """Whether "it" may stand for someone other than the speaking body: the speakers are
    several ("Labour and the Liberal Democrats … claim it would cut frontline services") or
    named by a plural ("Ministers say it would help …"), or
    the quote names another body before the pronoun ("the party's sums do not add up and …
    it would cut"), the nearer antecedent."""
    if pronoun.lower_ == "it":
        if co_speakers(art, speaker, quote):
            return True
        surface = mention_root(art.doc, speaker)
        if surface is not None and surface.tag_ == "NNS":
            return True  # "Ministers say it would help the fight against terrorism": not the ministers
    before = art.doc.char_span(quote.char_start, pronoun.idx, alignment_mode="contract")
    for token in before if before is not None else ():
        named = art.index.at(token)
        if named is not None and named.entity_type != "PERSON" and named.name != speaker.name:
            return True
        if named is None and token.pos_ == "NOUN" and token.lemma_.lower() in BODIES:
            return True
    return False


def _describes(verb: Token) -> bool:
    """A relative clause, or a verb coordinated in one ("a government that had done nothing
    and will not set a limit"): it describes its noun, it promises nothing."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "relcl"
