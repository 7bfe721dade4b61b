"""A court's ruling as its words: "The Law Lords ruled that detention without trial was
unlawful", "the Law Lords' ruling that detention … is unlawful" judge the detention as "the
Law Lords said that …" does (eval/GUIDE.md: a court ruling against a measure is its position).

The quotes layer does not take a ruling for speech (a ruling is no quote of the gold), so the
stance passes get each ruling's "that" clause as an indirect quote of its court
(`ruling_quotes`): the judging words inside it ("unlawful", "incompatible with …") then read
as in reported speech. A ruling verb (`ruling_verbs`) needs a subject that is a mention, a
ruling noun (`ruling_nouns`) a possessive or a name before it that is one ("a Law Lords
judgement that …"; also where the parser reads "ruling" as a participle on the name); a
ruling verb's clause may also come without "that", after it or before it ("The sell-off was
illegal, a court has ruled"; `_bare_clause`); a
clause inside a direct quote is the speaker's own words ("We welcome
the ruling that …") and stays theirs, while a ruling someone reports ("must act on the Law
Lords' ruling that detention … is unlawful, Mary Robinson has said") is still the court's.
A held view stated with its "that" clause (`held_view_nouns`: "its view that the auction was
illegal", "Mr Mallon's claim that …") is read the same way, as its owner's words.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.records import ArticleContext, Mention, Quote
from pipeline.nlp.stances.words import HELD_VIEW_NOUNS, RULING_NOUNS, RULING_VERBS
from pipeline.nlp.syntax import has_that_marker, subject_of
from pipeline.nlp.token_view import view_of

RULING_CUE = "ruled"
OWN_POSSESSIVES = frozenset({"his", "her", "its", "their"})  # a view stated by the clause's subject
RULING_WORDS = RULING_VERBS | RULING_NOUNS | HELD_VIEW_NOUNS  # read only at these lemmas


def ruling_quotes(ctx: ArticleContext, quotes: list[Quote], mentions: list[Mention]) -> list[Quote]:
    """Each ruling's "that" clause as an indirect quote of the court that rules."""
    found: list[Quote] = []
    lemmas = view_of(ctx.doc).lemma
    for i in (i for i, lemma in enumerate(lemmas) if lemma.lower() in RULING_WORDS):
        token = ctx.doc[i]
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in RULING_VERBS:
            court = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if court is None and token.dep_ == "acl" and token.tag_ == "VBG":
                # "a House of Lords ruling that …" read as a participle on the name: the court
                court = token.head
        elif token.pos_ == "NOUN" and lemma in RULING_NOUNS:
            # "the Law Lords' ruling", "a House of Lords judgement"
            court = next((c for c in token.children if c.dep_ in ("poss", "compound")), None)
        elif token.pos_ == "NOUN" and lemma in HELD_VIEW_NOUNS:
            # "Mr Mallon's claim that …": its owner's words
            court = next((c for c in token.children if c.dep_ in ("poss", "compound")), None)
            if court is not None and court.lower_ in OWN_POSSESSIVES and token.dep_ == "dobj":
                # "Yukos … repeating its view that …": the one who holds it is the one stating it
                verb = token.head
                if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
                    verb = verb.head.head  # "reacted by repeating its view"
                court = subject_of(verb)
        else:
            continue
        clause = next((c for c in token.children if c.dep_ in ("ccomp", "acl") and has_that_marker(c)), None)
        if clause is None and token.pos_ == "VERB" and lemma in RULING_VERBS:
            clause = next((c for c in token.children if _bare_clause(c)), None)
        speaker = _mention_at(mentions, court) if court is not None else None
        if clause is None or speaker is None:
            continue
        start, end = ctx.doc[clause.left_edge.i].idx, clause.right_edge.idx + len(clause.right_edge)
        if any(q.char_start <= start and end <= q.char_end and q.kind == "direct" for q in quotes):
            continue  # the speaker's own words ("We welcome the ruling that …"), theirs to hold
        sentence = ctx.sentence_at(start)
        sentence_id = sentence.sentence_id if sentence is not None else speaker.sentence_id
        found.append(
            Quote(
                f"{ctx.article_id}#r{start}", ctx.article_id, sentence_id, speaker.mention_id, speaker.surface,
                ctx.text[start:end], "indirect", RULING_CUE, start, end,
            )
        )
    return found


def _bare_clause(clause: Token) -> bool:
    """A ruling verb's clause with no complementiser, after the verb ("the Appeal Court ruled
    the Hunting Act was lawful") or before it ("The sell-off was illegal, a court has ruled"):
    a finite clause with a subject of its own; one that opens with "whether" or "if" asks."""
    return (
        clause.dep_ == "ccomp"
        and not any(c.dep_ == "mark" for c in clause.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    )


def _mention_at(mentions: list[Mention], token: Token) -> Mention | None:
    """The mention whose characters hold the token (the court's name), else None."""
    return next((m for m in mentions if m.char_start <= token.idx < m.char_end), None)
