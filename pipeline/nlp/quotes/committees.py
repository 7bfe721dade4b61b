"""The members of a committee standing for it: "The influential Commons home affairs committee
was responding to sentencing guidelines … The MPs also call for tougher sentences". A
definite plural of a member noun (`committee_member_nouns`: "the MPs", "the peers", "the
members") with no modifier of its own, said right after a committee is a sentence's subject,
is the committee speaking through its members: the committee holds what they say, as a
committee's report is the committee's. Reads only the mention index and the parse, so stance
holders use it as well."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.quotes.cues import COMMITTEE_BODY_HEADS, COMMITTEE_MEMBER_NOUNS
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import MentionIndex

# sentences back the committee may have been the subject of (its own, and the one before)
SENTENCES_BACK = 1


def committee_of_members(index: MentionIndex, subject: Token) -> Mention | None:
    """The committee "the MPs" (module docstring) stand for; None when the phrase is no bare
    definite plural of a member noun or no committee was the subject just before."""
    if not _bare_members(subject):
        return None
    sentence = subject.sent
    first = sentence.start
    for _ in range(SENTENCES_BACK):
        if first == 0:
            break
        first = subject.doc[first - 1].sent.start
    for token in reversed(subject.doc[first : subject.i]):
        if token.dep_ not in ("nsubj", "nsubjpass") or token.lemma_.lower() not in COMMITTEE_BODY_HEADS:
            continue
        found = index.at(token)
        if found is not None and found.entity_type == "ORGANIZATION" and found.kind != "pronoun":
            return found
    return None


def _bare_members(subject: Token) -> bool:
    """ "the MPs", "the peers": "the" and a plural member noun, nothing else before it."""
    plural_acronym = subject.text.endswith("s") and subject.text[:-1].isupper() and len(subject.text) > 2
    if subject.tag_ not in ("NNS", "NNPS") and not plural_acronym:
        return False
    word = subject.text[:-1].lower() if plural_acronym else subject.lemma_.lower()
    if word not in COMMITTEE_MEMBER_NOUNS:
        return False
    lefts = list(subject.lefts)
    return [t.lower_ for t in lefts] == ["the"] and not any(c.dep_ == "prep" for c in subject.rights)
