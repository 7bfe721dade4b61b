"""Issue labels: noun phrases, clauses and actions turned into short target names.

Determiners, judging and hedging adjectives and relative clauses are dropped; "X of
<proper name>" is turned around ("blockade of the Lachin corridor" -> "Lachin corridor
blockade"); a bare definite noun ("the blockade") takes the fuller label of its latest
earlier mention in the article; a noun the lexicon calls generic needs a complement ("the
issue of ID cards" -> "ID cards") or it is no target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from pipeline.nlp.lexicons import StanceLexicon
from pipeline.nlp.stances.words import (
    COMPLEMENT_GENERICS,
    COMPLETION_PREPOSITIONS,
    DROP_ADJECTIVES,
    EMPTY_VERBS,
    IDIOM_IN_OBJECTS,
    IRREGULAR_PARTICIPLES,
    KEEP_PREPOSITIONS,
    LIGHT_NOUNS,
    TRANSPARENT_VERBS,
)
from pipeline.nlp.syntax import DEFINITE_DETS, PERSONAL_PRONOUNS

MAX_LABEL_WORDS = 10


def participle(lemma: str) -> str:
    """Past participle of a verb lemma, for action labels ("impose" -> "imposed")."""
    lemma = lemma.lower()
    if lemma in IRREGULAR_PARTICIPLES:
        return IRREGULAR_PARTICIPLES[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if len(lemma) > 2 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    one_syllable = len(re.findall(r"[aeiouy]+", lemma)) == 1
    if one_syllable and len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        return lemma + lemma[-1] + "ed"  # "ban" -> "banned", "stop" -> "stopped"; not "open"
    return lemma + "ed"


def clean(text: str) -> str:
    for mark in "“”„‟«»\"‘‚‛‹›`":
        text = text.replace(mark, "")
    text = text.replace("’", "'").replace("ʼ", "'")
    return " ".join(text.split()).strip(" ,;:.-–—")


@dataclass(frozen=True)
class Labeller:
    """Turns noun phrases into issue labels, with the article as context."""

    lex: StanceLexicon
    doc: Doc

    # -- noun phrase pieces

    def np_head(self, noun: Token) -> Token:
        """Undo a common misparse: "checkpoint restricting movement" read as one compound."""
        left = sorted((t for t in noun.subtree if t.i < noun.i and t.dep_ in ("compound", "amod")), key=lambda t: t.i)
        for t in left:
            if t.tag_ in ("VBG", "VBN") and t.i > 0 and self.doc[t.i - 1].pos_ in ("NOUN", "PROPN") and self.doc[t.i - 1] in left:
                return self.doc[t.i - 1]
        return noun

    def _left_tokens(self, noun: Token, keep_det: bool, drop_poss: bool) -> list[Token]:
        out: list[Token] = []
        for child in noun.lefts:
            dep = child.dep_
            if dep in ("compound", "nmod", "nummod", "quantmod"):  # "peace treaty" keeps "peace"
                out.extend(t for t in child.subtree if not t.is_quote and t.dep_ not in ("det", "predet"))
            elif dep == "amod" and self._keep_adjective(child):
                out.extend(t for t in child.subtree if not t.is_quote and t.dep_ not in ("det", "predet") and not self._judging(t))
            elif dep == "poss" and not drop_poss and child.pos_ != "PRON":
                out.extend(
                    t
                    for t in child.subtree
                    if not t.is_quote and t.dep_ != "det" and not (t.dep_ == "poss" and t.pos_ == "PRON")
                    and t.lower_ not in DROP_ADJECTIVES
                )
            elif dep == "det" and keep_det and child.lower_ == "the":
                out.append(child)
        return out

    def _keep_adjective(self, adj: Token) -> bool:
        return not (adj.lower_ in DROP_ADJECTIVES or self._judging(adj) or adj.tag_ in ("JJR", "JJS") and adj.lower_ in DROP_ADJECTIVES)

    def _judging(self, token: Token) -> bool:
        return self.lex.evaluative(token.lower_) is not None or self.lex.intensity(token.lower_) != 1.0

    def _complement(self, noun: Token, depth: int = 0) -> tuple[Token, Token] | None:
        """The first kept prepositional complement (preposition, object) of a noun; below
        the top level only "of" ("rights and security of Karabakh's residents")."""
        for child in noun.rights:
            if child.dep_ == "prep" and (child.lower_ in KEEP_PREPOSITIONS if depth == 0 else child.lower_ == "of"):
                pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                # a generic noun may complete another ("the release of the journalists")
                generic = self.lex.is_generic_target(pobj.lemma_) if pobj is not None else False
                if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and (
                    not generic or depth == 0 and pobj.lemma_.lower() in COMPLEMENT_GENERICS
                ):
                    return child, pobj
            elif child.dep_ == "prep" and child.lower_ in ("in", "into") and depth == 0:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                # "the war in Iraq", "an increase in income tax", "an inquiry into the crash";
                # not a time ("changes in April")
                if pobj is None or any(c.dep_ in ("neg", "advmod") for c in child.children):
                    continue  # "agreements not in the interests of …"
                if pobj.pos_ == "PROPN" or (
                    pobj.pos_ == "NOUN"
                    and pobj.ent_type_ not in ("DATE", "TIME", "ORDINAL", "CARDINAL")
                    and pobj.lemma_.lower() not in IDIOM_IN_OBJECTS
                ):
                    return child, pobj
        return None

    def _phrase(self, noun: Token, keep_det: bool, depth: int = 0) -> list[Token]:
        """Tokens of a labelled noun phrase, in order (head, modifiers, conjuncts, complement)."""
        comp = self._complement(noun, depth) if depth < 2 else None
        tokens = self._left_tokens(noun, keep_det, drop_poss=comp is not None and comp[0].lower_ == "of")
        tokens.append(noun)
        for conj in noun.conjuncts:
            if conj.i > noun.i and conj.pos_ in ("NOUN", "PROPN") and conj.head == noun:
                cc = next((c for c in noun.children if c.dep_ == "cc" and noun.i < c.i < conj.i), None)
                if cc is not None:
                    tokens.append(cc)
                tokens.extend(self._left_tokens(conj, False, True))
                tokens.append(conj)
        if comp is not None:
            prep, pobj = comp
            tokens.append(prep)
            tokens.extend(self._phrase(pobj, keep_det=True, depth=depth + 1))
        elif depth == 0:
            tokens.extend(self._completion(noun))
        return tokens

    def _completion(self, noun: Token) -> list[Token]:
        """The arguments that complete an issue noun without a prepositional complement:
        a participle with its place ("a sunset clause inserted in the Bill") or an
        infinitive with its object ("the decision to send a junior minister")."""
        for child in noun.rights:
            if child.dep_ != "acl" or child.pos_ not in ("VERB", "AUX") or child.lemma_.lower() in EMPTY_VERBS:
                continue
            if any(c.dep_ == "neg" for c in child.children):
                return []  # "an agreement not based on …" says what it is not
            to = next((c for c in child.children if c.dep_ == "aux" and c.lower_ == "to"), None)
            if child.tag_ == "VBN" and to is None:
                prep = next((c for c in child.children if c.dep_ == "prep" and c.lower_ in COMPLETION_PREPOSITIONS), None)
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
                if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                    return [child, prep, *self._phrase(pobj, keep_det=True, depth=1)]
            elif to is not None and child.tag_ == "VB":
                obj = next((c for c in child.children if c.dep_ == "dobj"), None)
                if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                    return [to, child, *self._phrase(obj, keep_det=False, depth=1)]
        return []

    def _so_called(self, t: Token) -> bool:
        """A piece of "so-called" split by the tokenizer ("so", "-", "called")."""
        doc = self.doc
        if t.lower_ == "called":
            return t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ == "so"
        if t.text == "-":
            return 0 < t.i < len(doc) - 1 and doc[t.i - 1].lower_ == "so" and doc[t.i + 1].lower_ == "called"
        if t.lower_ == "so":
            return t.i < len(doc) - 2 and doc[t.i + 1].text == "-" and doc[t.i + 2].lower_ == "called"
        return False

    def _render(self, tokens: list[Token]) -> str:
        tokens = [t for t in tokens if not self._so_called(t)]
        kept = {t.i: t for t in tokens}
        for i in list(kept):
            # "Nagorno - Karabakh": keep a hyphen or slash joining two kept words
            if i + 2 in kept and self.doc[i + 1].text in ("-", "/", "–") and not self.doc[i].whitespace_:
                kept[i + 1] = self.doc[i + 1]
        tokens = sorted(kept.values(), key=lambda t: t.i)
        parts = []
        for i, t in enumerate(tokens):
            parts.append(t.text)
            follows = tokens[i + 1] if i + 1 < len(tokens) else None
            if follows is not None and not (follows.i == t.i + 1 and not t.whitespace_):
                parts.append(" ")
        label = clean("".join(parts))
        words = label.split()
        if len(words) > MAX_LABEL_WORDS:
            label = " ".join(words[:MAX_LABEL_WORDS])
        first = tokens[0] if tokens else None
        if first is not None and label and first.is_sent_start and first.pos_ != "PROPN" and not first.ent_type_ and not first.text.isupper():
            label = label[0].lower() + label[1:]  # sentence-initial capital only
        return label

    def noun_label(self, noun: Token, resolve: bool = True) -> str | None:
        """The issue label of a noun phrase headed by `noun`, or None when it names no issue."""
        head = self.np_head(noun)
        if head is not noun:  # "an Azeri checkpoint restricting movement …" -> "Azeri checkpoint"
            span = [t for t in noun.subtree if t.i <= head.i and t.dep_ not in ("det", "punct") and not t.is_quote and not self._judging(t)]
            return self._render(span) or None
        if noun.pos_ == "PRON" or noun.lower_ in PERSONAL_PRONOUNS:
            return None
        if any(c.dep_ == "det" and c.lower_ in ("which", "what", "whichever", "whatever") for c in noun.children):
            return None  # "which technology it will support": a question, not an issue
        nominal = noun.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and any(
            c.dep_ in ("det", "amod", "compound", "poss") for c in noun.lefts
        )  # "criticised "extravagant" Tory promises": a noun the tagger took for a verb
        if noun.pos_ not in ("NOUN", "PROPN", "ADJ", "X") and not (noun.pos_ == "VERB" and nominal):
            return None
        comp = self._complement(noun)
        of_pobj = comp[1] if comp and comp[0].lower_ == "of" else None
        # "due consideration of the rights …" is about the rights
        if noun.lemma_.lower() in LIGHT_NOUNS and comp is not None:
            return self.noun_label(comp[1], resolve)
        if self.lex.is_generic_target(noun.lemma_) or self.lex.is_generic_target(noun.lower_):
            if of_pobj is None and comp is not None and comp[0].lower_ in ("for", "on", "over", "against"):
                of_pobj = comp[1]  # "its case for war" -> "war"
            return self.noun_label(of_pobj, resolve) if of_pobj is not None else None
        # "blockade of the Lachin corridor" -> "Lachin corridor blockade"
        bare = not any(c.dep_ in ("compound", "nmod") or c.dep_ == "amod" and self._keep_adjective(c) for c in noun.lefts)
        if of_pobj is not None and bare and noun.pos_ != "PROPN" and not noun.lower_.endswith("ing") and self._short_name(of_pobj):
            name = self._left_tokens(of_pobj, False, True) + [of_pobj]
            return clean(self._render(name) + " " + noun.text)
        tokens = self._phrase(noun, keep_det=False)
        label = self._render(tokens)
        if not label:
            return None
        definite = any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in noun.children)
        if resolve and len(label.split()) == 1 and (noun.pos_ == "NOUN" or definite and noun.text.istitle()):
            earlier = self._antecedent_label(noun, named_only=not definite)
            if earlier:
                return earlier
        return label

    def _short_name(self, pobj: Token) -> bool:
        """A proper name of a few words ("the Lachin corridor", "Scotland")."""
        if any(c.dep_ in ("prep", "conj") for c in pobj.children):
            return False
        det = next((c for c in pobj.children if c.dep_ == "det"), None)
        if det is not None and det.lower_ != "the":
            return False  # "election of a Labour government" stays as it is
        left = self._left_tokens(pobj, False, True)
        if len(left) > 3:
            return False
        return pobj.pos_ == "PROPN" or any(t.pos_ == "PROPN" for t in left if t.dep_ == "compound")

    def _antecedent_label(self, noun: Token, named_only: bool = False) -> str | None:
        """A bare definite noun takes the fullest label of its latest earlier mention ("the
        bill" -> "Anti-Terrorism Bill"); an indefinite one ("a very bad bill") only a named one."""
        lemma = noun.lemma_.lower()
        for token in reversed(self.doc[: noun.i]):
            if token.lemma_.lower() == lemma and token.pos_ in ("NOUN", "PROPN"):
                if named_only and not (token.pos_ == "PROPN" or any(t.pos_ == "PROPN" for t in token.lefts)):
                    continue
                label = self.noun_label(token, resolve=False)
                if label and len(label.split()) > 1:
                    return label
        return None

    def clause_label(self, clause: Token) -> str | None:
        """A wished-for clause as a label: its words less markers, auxiliaries and
        subordinate clauses ("for the inspectors to be given more time in Iraq before …"
        -> "weapons inspectors given more time in Iraq")."""
        skip: set[int] = set()
        for t in clause.subtree:
            if t is not clause and t.dep_ in ("advcl", "relcl", "ccomp", "parataxis"):
                skip.update(g.i for g in t.subtree)
        tokens = [
            t for t in clause.subtree
            if t.i not in skip and t.dep_ not in ("mark", "aux", "auxpass", "det", "punct", "neg", "cc") and not t.is_quote and not t.is_space
        ]
        if len(tokens) < 2 or not any(t.pos_ in ("NOUN", "PROPN") for t in tokens):
            return None
        return self._render(tokens) or None

    def action_label(self, verb: Token) -> tuple[str, Token] | None:
        """An action as a label: participle + object ("imposed agreements")."""
        if verb.lemma_.lower() in EMPTY_VERBS:
            return None  # "show strength", "make the mistake": no issue in the verb
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is not None and verb.lemma_.lower() in TRANSPARENT_VERBS:
            label = self.noun_label(obj)
            return (label, obj) if label and self.lex.evaluative(obj.lemma_) is None else None
        if obj is None or obj.pos_ == "PROPN" or obj.ent_type_ in ("PERSON", "NORP", "GPE", "ORG"):
            return None  # "convince the Armenians": an action on people is no issue label
        if self.lex.evaluative(obj.lemma_) is not None:
            return None
        label = self.noun_label(obj)
        if not label:
            return None
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
        verb_part = participle(verb.lemma_) + (f" {particle}" if particle else "")
        return f"{verb_part} {label}", obj
