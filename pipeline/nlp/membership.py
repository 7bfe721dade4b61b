"""Whether an article introduces a person as a member of a body: the body's name right
before the person's ("Tory leader Michael Howard", "Labour's Alan Milburn", "Liberal Democrat
home affairs spokesman Mark Oaten"). Stance holders and event targets both ask it: a party's
member speaks in their own right for the party, and does not criticise it by repeating its line."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from pipeline.nlp.records import Mention

# what may stand between a body's name and a person introduced with it: "Tory leader
# Michael Howard", "Labour's Alan Milburn", "Liberal Democrat home affairs spokesman Mark Oaten"
INTRODUCTION_GAP = 40

# the words of a title between a body's name and a person's ("leader", "home affairs
# spokesman", "shadow", "'s"): no verb, preposition or article ("his new Labour bosses have
# attempted to overshadow Michael Howard" introduces no one)
TITLE_POS = frozenset({"NOUN", "PROPN", "ADJ", "PART", "PUNCT"})


def introduced_with(
    text: str,
    mentions: Iterable[Mention],
    person: Mention | None,
    body: Mention,
    kinds: tuple[str, ...] = ("name",),
    doc: Doc | None = None,
) -> bool:
    """Whether a mention of the person (one of `kinds`: a name, or also a title such as "the
    Tory leader" resolved to them) follows a mention of the body in the same sentence with only
    words ("co-chairman") and a possessive between. "Mr Kennedy" is the "Charles Kennedy" introduced before
    (`same_person`). With the parse (`doc`), the words between must be a title's."""
    if person is None or person.entity_type != "PERSON" or body.entity_type != "ORGANIZATION":
        return False
    mentions = list(mentions)
    bodies = [o for o in mentions if o.name == body.name]
    for named in mentions:
        if not same_person(named.name, person.name) or named.kind not in kinds or named.entity_type != "PERSON":
            continue
        for other in bodies:
            gap = named.char_start - other.char_end
            if other.sentence_id == named.sentence_id and 0 <= gap <= INTRODUCTION_GAP:
                between = text[other.char_end : named.char_start]
                words = all(w.replace("-", "").isalpha() or w in ("'s", "’s") for w in between.split())
                if words and _title_gap(doc, other, named):
                    return True
    return False


def same_person(a: str, b: str) -> bool:
    """Whether two person names can be one person: the same full name, or a bare surname
    ("Mr Kennedy", named without the honorific) and a name ending in it. Two full names
    sharing a surname are two people ("Gordon Brown", "Nick Brown")."""
    a_words, b_words = a.split(), b.split()
    if len(a_words) > 1 and len(b_words) > 1:
        return a == b
    return bool(a_words) and a_words[-1:] == b_words[-1:]


def _title_gap(doc: Doc | None, body: Mention, person: Mention) -> bool:
    """Whether the words between the body and the person can be a title (always, unparsed)."""
    if doc is None:
        return True
    span = doc.char_span(body.char_end, person.char_start, alignment_mode="contract")
    return span is None or all(t.pos_ in TITLE_POS for t in span)
