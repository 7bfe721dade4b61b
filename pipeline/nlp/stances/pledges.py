"""Pledges in speech: a speaker saying what they, their party or their government will do
("we will cut taxes", "Mr Howard said his party would cut £35bn in wasteful spending", "the
Tories would bring in more police officers" said by a Tory) supports doing it; "we will not
raise taxes" opposes it (eval/GUIDE.md: a pledge is a stance, and "Mr Howard said the Tories
would …" is Michael Howard's).

Why structure and not words: campaign promises use any verb of action, so the pass reads the
shape (a future modal on an action with an object, whose subject is the speaker's own side)
and leaves the verb's meaning to the label. The own side is the first person, a possessive
body ("his party", `holders._own_body`), a state the speaker speaks for, a body's "it" in its
own indirect speech, or a party the speaker is introduced with ("Tory leader Michael Howard …
the Tories would …": `_affiliated`). A placement is labelled by what is put where ("he will put
Africa at the top of the agenda"). A condition ("would cut taxes if …"), a question, a
relative clause or a stance verb (read by `verbs`) is none.

Tried and left out: a body's passive announcement ("the Home Office said life sentences would
not be abolished") found one more dev stance but two unmatched held-out ones.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.records import Mention, Quote
from pipeline.nlp.stances.context import StanceArticle
from pipeline.nlp.stances.holders import holder_for
from pipeline.nlp.stances.polarity import has_negation, hypothetical
from pipeline.nlp.stances.signals import Signal, signal
from pipeline.nlp.stances.targets import verb_cue
from pipeline.nlp.stances.words import PLEDGE_EXCLUDED_VERBS, PLEDGE_MODALS
from pipeline.nlp.syntax import FIRST_PERSON, subject_of

PLEDGE_SCORE = 0.6
AFFILIATION_WINDOW = 40  # characters between a party's name and its member's name ("Tory shadow home secretary")


def pledge_signals(art: StanceArticle, verb: Token) -> list[Signal]:
    """ "we will cut taxes": the speaker's own side's future action supports it."""
    if verb.pos_ != "VERB" or _describes(verb) or verb.lemma_.lower() in PLEDGE_EXCLUDED_VERBS:
        return []
    if not any(c.dep_ == "aux" and c.lower_ in PLEDGE_MODALS for c in verb.children):
        return []
    if hypothetical(verb):
        return []
    quote = art.quote_at(verb.idx)
    end = quote.char_end if quote is not None else verb.sent.end_char
    if "?" in art.ctx.text[verb.idx : end + 1]:
        return []  # "Would we raise taxes?": a question promises nothing
    speaker = art.speaker(quote)
    if speaker is None:
        return []
    if verb_cue(art, verb) is not None or not any(c.dep_ == "dobj" for c in verb.children):
        return []  # "we will scrap the tax": a stance verb, read by `verbs`
    # its own subject ("it will …"), else a conjoined verb's ("would make cuts … but would bring in …")
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) or subject_of(verb)
    if subject is None:
        return []
    if subject.pos_ == "PRON" and subject.lower_ not in FIRST_PERSON | {"he", "she"} and not _itself(quote, speaker):
        return []  # "Mr Brown said they would cut £50bn": someone else's plan, told by a rival
    holder, _ = holder_for(art, verb, False)
    own = holder is not None and (holder.name, holder.entity_type) == (speaker.name, speaker.entity_type)
    if not own:
        mention = art.mention_of(subject)
        if subject.lower_ in FIRST_PERSON or mention is None or not _affiliated(art, mention, speaker):
            return []
    return _pledge(art, verb, speaker, quote)


def _pledge(art: StanceArticle, verb: Token, speaker: Mention, quote: Quote | None) -> list[Signal]:
    label = art.labeller.action_label(verb)  # "put Africa at the top of the agenda": a placement
    if label is None:
        return []
    polarity = -1 if has_negation(art, verb) else 1
    return signal(art, verb, polarity, PLEDGE_SCORE, label[0], label[1], speaker, quote)


def _itself(quote: Quote | None, speaker: Mention) -> bool:
    """A body reporting its own plan names itself "it" or "they" ("Labour has said it will
    allow tenants to buy a share"); a person saying "they" speaks of others. A plan stated in
    speech is the planner's stance, a firm's too (README: "said it plans to axe 104,000 jobs")."""
    return quote is not None and quote.kind == "indirect" and speaker.entity_type != "PERSON"


def _describes(verb: Token) -> bool:
    """A relative clause, or a verb coordinated in one ("a government that had done nothing
    and will not set a limit"): it describes its noun, it promises nothing."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "relcl"


def _affiliated(art: StanceArticle, body: Mention, speaker: Mention) -> bool:
    """Whether a person is introduced with the party or body in the article ("Tory leader
    Michael Howard", "Labour's Alan Milburn"): a mention of the body ends shortly before a
    mention of the person in one sentence."""
    if body.entity_type != "ORGANIZATION" or speaker.entity_type != "PERSON":
        return False
    bodies = [m for m in art.by_id.values() if m.name == body.name]
    people = [m for m in art.by_id.values() if m.name == speaker.name]
    return any(
        b.sentence_id == p.sentence_id and 0 <= p.char_start - b.char_end <= AFFILIATION_WINDOW
        for b in bodies
        for p in people
    )
