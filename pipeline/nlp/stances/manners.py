"""Judging how a thing was made or done: "the privatisation had been badly handled", "the
bill was poorly drafted", "a badly drafted bill", "the scheme is poorly run". In a quote, a
manner adverb of quality (`manner_judging_adverbs` in knowledge/stances.yaml, with its sign)
on a past participle is the speaker's judgement of the thing made or done.

Why a pass of its own: the judging word is an adverb, which the evaluative passes read only
as an intensifier; the participle names no judgement ("handled", "drafted"). The thing
judged is the participle's passive subject ("the privatisation had been badly handled"), the
subject of the copula it completes ("the scheme is poorly run"), or the noun it describes ("a
badly drafted bill"); read as for idioms (`idioms.judged`: "it"/"this" is what the sentence
before is about; an actor or a body is judged elsewhere, if at all). A person is never the
thing made ("he was badly advised"); on participles of harm and need "badly" is a degree,
not a judgement ("badly injured", "badly needed": `severity_participles`).
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.stances.context import StanceArticle
from pipeline.nlp.stances.idioms import judged
from pipeline.nlp.stances.polarity import has_negation, hypothetical
from pipeline.nlp.stances.signals import CONSEQUENCE_SCORE, Signal, target_signals
from pipeline.nlp.stances.words import MANNER_JUDGING_ADVERBS, SEVERITY_PARTICIPLES
from pipeline.nlp.syntax import passive_subject


def manner_signals(art: StanceArticle, adverb: Token) -> list[Signal]:
    """ "the bill was badly drafted" in a quote: the speaker opposes the bill."""
    sign = MANNER_JUDGING_ADVERBS.get(adverb.lower_)
    participle = adverb.head
    if sign is None or adverb.dep_ != "advmod" or participle.tag_ != "VBN" or hypothetical(participle):
        return []
    if participle.lemma_.lower() in SEVERITY_PARTICIPLES:
        return []  # "badly injured", "this badly needed measure": how much, not how well
    thing = _made_thing(participle)
    if thing is None:
        return []
    quote = art.quote_at(adverb.idx)
    holder = art.speaker(quote)
    if holder is None:
        return []
    targets = judged(art, thing)
    negated = has_negation(art, participle) or participle.dep_ == "acomp" and has_negation(art, participle.head)
    return target_signals(art, adverb, -sign if negated else sign, CONSEQUENCE_SCORE, targets, holder, quote)


def _made_thing(participle: Token) -> Token | None:
    """What the participle says was made or done: its passive subject, the subject of the
    copula it completes, or the noun it describes; none for a person."""
    if participle.dep_ == "amod":
        thing = participle.head  # "a badly drafted bill"
    elif participle.dep_ == "acomp":
        thing = next((c for c in participle.head.children if c.dep_ == "nsubj"), None)  # "was poorly run"
    else:
        thing = passive_subject(participle)  # "had been badly handled"
    if thing is None or thing.ent_type_ == "PERSON":
        return None
    return thing
