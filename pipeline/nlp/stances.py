"""Who is for or against what: stances from quotes and from stance-taking statements.

A stance is (holder, target issue, polarity, score, evidence). Signals, in the parse of
each sentence, read through the shared stance lexicon (`load_stance_lexicon()`):

1. Stance verbs and phrases anywhere ("Armenia opposes an Azeri checkpoint", "called for
   the immediate opening of …", "there should be no attempts to …"): the cue's object (or
   prepositional object, or the action of its to-infinitive) is the target; the holder is
   the subject, or the quote's speaker when the verb sits in a quote with a first-person
   or no subject or under a deontic modal. Outside quotes only firm cues count
   (score >= OUTSIDE_QUOTE_MIN_SCORE) unless the verb itself reports speech.
2. Inside quotes (direct or indirect) the speaker also takes a stance through
   - evaluative words: "the “illegal” blockade", "the talks were constructive",
     "described the talks as “useful”";
   - deontic modals: "X should/must (not) <verb> <object>";
   - attitude nouns: "the need to end …", "no intention of imposing …".
   Their holder is the quote's speaker.
3. Negation (the lexicon's negators, "not", "never", "no"): a negated deontic or attitude
   ("should not", "no intention") flips with full force; a negated verb or judging word
   flips at half strength when firm (>= 0.6) and becomes neutral when weak ("did not
   doubt"). Intensifiers multiply the score, clipped to 1.
4. Actions as targets compose: "the need to end the crisis" supports ending it, so
   opposes "humanitarian crisis"; an action without a stance of its own becomes a label
   from its participle and object ("impose certain agreements" -> "imposed agreements").

Targets are normalised noun-phrase labels: determiners, judging and hedging adjectives and
relative clauses dropped; "X of <proper name>" turned around ("blockade of the Lachin
corridor" -> "Lachin corridor blockade"); a bare definite noun ("the blockade") takes the
fuller label of its latest earlier mention in the article; a noun the lexicon calls generic
needs a complement ("the issue of ID cards" -> "ID cards") or it is no target. A target that
is an entity links to its mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from pipeline.nlp.lexicons import StanceLexicon, load_stance_lexicon
from pipeline.nlp.quotes import is_cue
from pipeline.nlp.records import ArticleContext, Mention, Quote, Stance
from pipeline.nlp.syntax import (
    DEONTIC_MODALS,
    FIRST_PERSON,
    NEGATION_WORDS,
    PERSONAL_PRONOUNS,
    MentionIndex,
    agent_of,
    mention_of,
    subject_of,
)

OUTSIDE_QUOTE_MIN_SCORE = 0.6
MIN_CUE_SCORE = 0.5  # weaker cues ("suggest", "question", "end") only inside composed actions
MIN_ATTRIBUTIVE_WEIGHT = 0.7  # "an illegal blockade" counts, "a good base" does not
DEONTIC_SCORE = 0.6
ATTITUDE_SCORE = 0.6
MAX_LABEL_WORDS = 10

# Verbs whose to-infinitive carries the subject's own stance ("wants to end …").
VOLITION_VERBS = frozenset(
    """want wish hope intend plan seek try aim decide agree refuse promise pledge vow threaten
    continue begin start need prefer demand ask expect mean attempt vote""".split()
)
# Verbs whose object is the addressee and whose to-infinitive the action ("urged Iran to halt …").
ADDRESSEE_VERBS = frozenset({"urge", "encourage", "ask", "press", "push", "persuade", "invite", "tell", "implore", "call", "warn"})
# Verbs whose clause states a wished-for state ("hope that solutions will be found").
CLAUSE_STANCE_VERBS = frozenset({"hope", "want", "wish", "demand", "insist", "urge", "propose", "welcome", "pray"})
BELIEF_VERBS = frozenset({"think", "believe", "expect", "feel", "consider", "say"})
DENIAL_VERBS = frozenset({"deny", "dismiss", "reject", "refute", "dispute"})
# Nouns of wanting or intending: "the need to end …", "no intention of imposing …".
ATTITUDE_NOUNS = frozenset(
    {"need", "necessity", "intention", "determination", "commitment", "readiness", "willingness", "desire", "wish", "resolve"}
)
# Nouns of trying: a target only through a cue or "no" ("no attempts to impose …").
ATTEMPT_NOUNS = frozenset({"attempt", "effort", "bid", "plan", "move", "push", "try"})
# Nouns that point at their complement: "due consideration of the rights" is about the rights.
LIGHT_NOUNS = frozenset({"consideration", "respect", "regard", "observance", "attention"})
# Verbs that only carry their noun's stance: "expressed support for", "voiced hope that".
LIGHT_VERBS = frozenset({"express", "voice", "reiterate", "reaffirm", "declare", "give", "lend", "offer", "signal", "stress", "underline"})
# Adjectives that say nothing about the issue itself.
DROP_ADJECTIVES = frozenset(
    """immediate certain any such latest further possible real whole current recent due full proper
    so-called alleged same other various several many much more most some new own very particular
    specific main key major""".split()
)
# Verbs too light to name an action ("show the strength", "make the mistake", "draw a line").
EMPTY_VERBS = frozenset({"show", "make", "take", "give", "do", "put", "go", "come", "see", "be", "find", "draw", "let", "use"})
# Verbs whose to-infinitive is what their subject does through them ("used a message to denounce …").
INSTRUMENT_VERBS = frozenset({"use"})
# Verbs of judging someone whose "over"/"for" complement is the issue ("criticised the
# government over its case for war").
GROUNDS_PREPOSITIONS = frozenset({"over", "for"})
# Participles linking an issue to its cause ("a crisis resulting from the blockade").
CAUSE_LINKS = {"result": "from", "stem": "from", "arise": "from", "cause": "by", "create": "by", "trigger": "by"}
# Participles whose agent proposes the noun they modify ("the quota system planned by the Tories").
PROPOSAL_VERBS = frozenset({"plan", "propose", "back", "support", "champion", "favour", "favor", "advocate", "endorse"})
# Verbs whose object is the issue itself ("a commitment to reach 0.7% of income").
TRANSPARENT_VERBS = frozenset({"reach", "achieve", "meet", "keep", "maintain", "have", "get", "secure", "deliver", "hold"})
# Volition verbs that reverse the action they govern ("refused to sign").
NEGATIVE_VOLITION = frozenset({"refuse", "decline", "reject", "resist", "oppose", "fail"})
# Adjectives that carry their subject's stance to the action they govern ("ready to back",
# "reluctant to support", "uneasy about supporting").
WILLING_ADJECTIVES = frozenset({"ready", "willing", "prepared", "determined", "keen", "eager", "happy", "glad", "pleased", "committed", "anxious"})
UNWILLING_ADJECTIVES = frozenset({"reluctant", "unwilling", "uneasy", "loath", "hesitant", "wary", "unhappy", "opposed", "afraid"})
# Passive stance verbs whose subject holds the stance ("was committed to the plan").
HOLDER_PASSIVES = frozenset({"commit", "oppose", "dedicate", "devote", "determine", "prepare"})
KEEP_PREPOSITIONS = frozenset({"of", "over", "to", "for", "on", "against", "between", "with"})

_IRREGULAR_PARTICIPLES = {
    "make": "made", "take": "taken", "build": "built", "hold": "held", "give": "given", "set": "set",
    "put": "put", "break": "broken", "bring": "brought", "keep": "kept", "send": "sent", "sell": "sold",
    "buy": "bought", "win": "won", "lose": "lost", "seek": "sought", "tell": "told", "say": "said",
    "find": "found", "lead": "led", "leave": "left", "cut": "cut", "shut": "shut", "run": "run",
    "begin": "begun", "draw": "drawn", "drive": "driven", "write": "written", "choose": "chosen",
    "freeze": "frozen", "steal": "stolen", "speak": "spoken", "forget": "forgotten", "get": "got",
    "pay": "paid", "lay": "laid", "mean": "meant", "meet": "met", "spend": "spent", "lend": "lent",
    "strike": "struck", "fight": "fought", "teach": "taught", "think": "thought", "hit": "hit",
    "let": "let", "lift": "lifted", "withdraw": "withdrawn", "overthrow": "overthrown", "rebuild": "rebuilt",
}

_SIGN = {"support": 1, "oppose": -1}


def participle(lemma: str) -> str:
    """Past participle of a verb lemma, for action labels ("impose" -> "imposed")."""
    lemma = lemma.lower()
    if lemma in _IRREGULAR_PARTICIPLES:
        return _IRREGULAR_PARTICIPLES[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if len(lemma) > 2 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    one_syllable = len(re.findall(r"[aeiouy]+", lemma)) == 1
    if one_syllable and len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        return lemma + lemma[-1] + "ed"  # "ban" -> "banned", "stop" -> "stopped"; not "open"
    return lemma + "ed"


# --------------------------------------------------------------------------- targets


@dataclass(frozen=True)
class Target:
    label: str
    head: Token
    sign: int = 1  # +1: the stance holds towards the label as found; -1: reversed
    strength: float = 1.0  # how much of the outer score survives composition


def _is_negator(token: Token, lex: StanceLexicon) -> bool:
    return token.lower_ in NEGATION_WORDS or lex.is_negator(token.lower_)


def _clean(text: str) -> str:
    for mark in "“”„‟«»\"‘‚‛‹›`":
        text = text.replace(mark, "")
    text = text.replace("’", "'").replace("ʼ", "'")
    return " ".join(text.split()).strip(" ,;:.-–—")


class _Labeller:
    """Turns noun phrases into issue labels, with the article as context."""

    def __init__(self, lex: StanceLexicon, doc):
        self.lex = lex
        self.doc = doc

    # -- noun phrase pieces

    def _np_head(self, noun: Token) -> Token:
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
                if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and not self.lex.is_generic_target(pobj.lemma_):
                    return child, pobj
            elif child.dep_ == "prep" and child.lower_ == "in":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ == "PROPN":
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
        return tokens

    def _render(self, tokens: list[Token]) -> str:
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
        label = _clean("".join(parts))
        words = label.split()
        if len(words) > MAX_LABEL_WORDS:
            label = " ".join(words[:MAX_LABEL_WORDS])
        first = tokens[0] if tokens else None
        if first is not None and label and first.is_sent_start and first.pos_ != "PROPN" and not first.ent_type_ and not first.text.isupper():
            label = label[0].lower() + label[1:]  # sentence-initial capital only
        return label

    def noun_label(self, noun: Token, resolve: bool = True) -> str | None:
        """The issue label of a noun phrase headed by `noun`, or None when it names no issue."""
        head = self._np_head(noun)
        if head is not noun:  # "an Azeri checkpoint restricting movement …" -> "Azeri checkpoint"
            span = [t for t in noun.subtree if t.i <= head.i and t.dep_ not in ("det", "punct") and not t.is_quote and not self._judging(t)]
            return self._render(span) or None
        if noun.pos_ == "PRON" or noun.lower_ in PERSONAL_PRONOUNS:
            return None
        if noun.pos_ not in ("NOUN", "PROPN", "ADJ", "X"):
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
        bare = not any(c.dep_ in ("amod", "compound", "nmod") for c in noun.lefts)
        if of_pobj is not None and bare and not noun.lower_.endswith("ing") and self._short_name(of_pobj):
            name = self._left_tokens(of_pobj, False, True) + [of_pobj]
            return _clean(self._render(name) + " " + noun.text)
        tokens = self._phrase(noun, keep_det=False)
        label = self._render(tokens)
        if not label:
            return None
        if resolve and len(label.split()) == 1 and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
            earlier = self._antecedent_label(noun)
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

    def _antecedent_label(self, noun: Token) -> str | None:
        """A bare definite noun takes the fullest label of its latest earlier mention."""
        lemma = noun.lemma_.lower()
        for token in reversed(self.doc[: noun.i]):
            if token.lemma_.lower() == lemma and token.pos_ == "NOUN":
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


# --------------------------------------------------------------------------- signals


@dataclass
class _Signal:
    token: Token  # the word that carries the stance
    polarity: int  # +1 support, -1 oppose, 0 neutral
    score: float
    target: str
    target_head: Token
    holder: Mention | None
    in_quote: Quote | None


class _StanceArticle:
    def __init__(self, ctx: ArticleContext, quotes: list[Quote], mentions: list[Mention], lex: StanceLexicon):
        self.ctx = ctx
        self.doc = ctx.doc
        self.lex = lex
        self.index = MentionIndex(mentions)
        self.by_id = {m.mention_id: m for m in mentions}
        self.quotes = sorted(quotes, key=lambda q: (q.char_start, q.char_end))
        self.labeller = _Labeller(lex, ctx.doc)
        self.signals: list[_Signal] = []

    # -- quotes and holders

    def quote_at(self, char: int, kind: str | None = None) -> Quote | None:
        """The tightest quote containing a character (a direct quote before an indirect one)."""
        found = [q for q in self.quotes if q.char_start <= char < q.char_end and (kind is None or q.kind == kind)]
        if not found:
            return None
        return min(found, key=lambda q: (q.kind != "direct", q.char_end - q.char_start))

    def speaker(self, quote: Quote | None) -> Mention | None:
        if quote is None or quote.speaker_mention_id is None:
            return None
        return self.by_id.get(quote.speaker_mention_id)

    def mention_of(self, subject: Token) -> Mention | None:
        return mention_of(subject, self.index)

    def holder_for(self, verb: Token, deontic: bool) -> tuple[Mention | None, Quote | None]:
        """Who takes the stance a verb expresses: in a quote, the speaker when the subject is
        the speaker ("we", "I", none, a pronoun no mention covers) or the verb is deontic,
        else the subject's mention; outside quotes, the subject's mention."""
        quote = self.quote_at(verb.idx)
        subject = subject_of(verb, reporting=is_cue)
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if passive is not None:
            agent = agent_of(verb)
            if agent is not None:
                subject = agent  # "the plan was backed by Labour"
            elif verb.lemma_.lower() in HOLDER_PASSIVES:
                subject = passive  # "Mr Sharon was committed to the plan"
            else:
                return None, quote  # "the bill was opposed": by whom is not said
        adjective = _adjective_head(verb)
        if adjective is not None and adjective.lemma_.lower() in WILLING_ADJECTIVES | UNWILLING_ADJECTIVES:
            subject = next((c for c in adjective.head.children if c.dep_ in ("nsubj", "nsubjpass")), subject)
        elif verb.dep_ == "xcomp" and verb.head.lemma_.lower() not in VOLITION_VERBS | INSTRUMENT_VERBS:
            return None, quote  # "MPs were entitled to complain": nobody's stance yet
        speaker = self.speaker(quote)
        if subject is None:
            return (speaker if quote is not None else None), quote
        if _negative_subject(subject, self.lex):
            return None, quote  # "no politician should …": read by the deontic pass
        if quote is not None and (deontic or subject.lower_ in FIRST_PERSON):
            return speaker, quote
        mention = self.mention_of(subject)
        if mention is None and subject.lower_ in PERSONAL_PRONOUNS and subject.lower_ not in FIRST_PERSON:
            if quote is not None:
                return speaker, quote  # "he said he opposes …"
            if subject.lower_ in ("he", "she"):
                return self.index.before(subject.idx, ("PERSON",)), None
            return None, None  # "they", "it" with nothing to resolve them
        return mention, quote

    # -- polarity helpers

    def negated(self, token: Token) -> bool:
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ in ("advmod", "det", "preconj") and _is_negator(child, self.lex)):
                return True
        if token.dep_ == "xcomp" and token.head is not token:  # "does not want to support"
            return any(c.dep_ == "neg" for c in token.head.children)
        return False

    def believed_negated(self, token: Token) -> bool:
        """ "I don't think the relationship is good": a negated belief verb above the clause."""
        head = token.head if token.dep_ != "ROOT" else token
        clause = token if token.dep_ in ("ccomp",) else head
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in BELIEF_VERBS:
            return any(c.dep_ == "neg" for c in clause.head.children)
        return False

    def intensity(self, token: Token) -> float:
        factor = 1.0
        for child in token.children:
            if child.dep_ in ("advmod", "npadvmod"):
                factor *= self.lex.intensity(child.lower_)
        return factor

    def add(self, token: Token, polarity: int, score: float, target: str | None, head: Token, holder: Mention | None, quote: Quote | None) -> None:
        if not target or holder is None:
            return
        score = max(0.05, min(1.0, score))
        self.signals.append(_Signal(token, polarity, round(score, 3), target, head, holder, quote))
        if polarity < 0:
            # "end a crisis resulting from the blockade": opposing an effect opposes its cause
            near = [head] + [g for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            for child in (c for n in near for c in n.children):
                prep_word = CAUSE_LINKS.get(child.lemma_.lower()) if child.dep_ == "acl" and child.tag_ in ("VBG", "VBN") else None
                if prep_word is None:
                    continue
                for prep in child.children:
                    if prep.dep_ in ("prep", "agent") and prep.lower_ == prep_word:
                        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                        if pobj is not None and pobj.i > head.i:
                            for cause in self.noun_targets(pobj):
                                self.add(token, polarity * cause.sign, score * cause.strength, cause.label, cause.head, holder, quote)

    @staticmethod
    def negate(polarity: int, score: float, full: bool) -> tuple[int, float]:
        """Negation flips a firm stance (at half strength unless `full`) and neutralises a weak one."""
        if full:
            return -polarity, score
        if score >= 0.6:
            return -polarity, score * 0.5
        return 0, score * 0.5

    # -- targets

    def verb_targets(self, verb: Token, prep: Token | None, compose_only: bool = False) -> list[Target]:
        """What a stance verb or phrase is about: the object of its preposition ("call for"),
        the action it urges ("urged Iran to halt …"), its object, or the wished-for state of
        its clause ("hope that solutions will be found")."""
        if prep is not None:
            targets: list[Target] = []
            for p in [prep] + [c for c in prep.conjuncts if c.dep_ in ("conj", "prep")]:
                pobj = next((c for c in p.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    targets.extend(self.noun_targets(pobj))
            return targets
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        dobj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        addressee = verb.lemma_.lower() in ADDRESSEE_VERBS or _particle(verb) == "on"
        if xcomp is not None and (dobj is None or (addressee and dobj.i < xcomp.i)):
            # "refused to sign the treaty", "urged Iran to halt enrichment": the action,
            # when it takes a side itself; wanting or threatening an action is not opposing
            # it, so the verb's own polarity gives way to its volition
            found = self.action_targets(xcomp, label_actions=False)
            if found and not addressee:
                outer = -1 if verb.lemma_.lower() in NEGATIVE_VOLITION else 1
                own = self.verb_cue(verb)
                own_sign = own[0] if own else 1
                found = [Target(t.label, t.head, t.sign * outer * own_sign, t.strength) for t in found]
            if found or dobj is None:
                return found
        if dobj is not None and not (addressee and xcomp is not None):
            if addressee and (dobj.pos_ in ("PROPN", "PRON") or dobj.ent_type_ in ("PERSON", "NORP", "GPE", "ORG")):
                return []  # "warned Tony Blair": the addressee, not the issue
            return self.noun_targets(dobj)  # the label includes coordinated objects
        ccomp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        lemma = verb.lemma_.lower()
        if ccomp is not None and lemma in CLAUSE_STANCE_VERBS:
            return self.clause_targets(ccomp)
        return []

    def clause_targets(self, clause: Token) -> list[Target]:
        """The issue of a wished-for clause: its passive subject ("solutions will be found")."""
        passive = next((c for c in clause.children if c.dep_ == "nsubjpass"), None)
        return self.noun_targets(passive) if passive is not None else []

    def noun_targets(self, noun: Token) -> list[Target]:
        """Targets a noun phrase names, seeing through attempt and attitude nouns
        ("attempts to impose …") and demand nouns ("calls for the publication of …")."""
        lemma = noun.lemma_.lower()
        if lemma in ATTEMPT_NOUNS | ATTITUDE_NOUNS:
            action = self.frame_action(noun)
            if action is not None:
                return self.action_targets(action)
        for child in noun.children:
            if child.dep_ == "prep" and (found := self.lex.cue(f"{lemma} {child.lower_}")):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and lemma not in ("support", "opposition"):
                    sign = _SIGN[found[0]]
                    return [Target(t.label, t.head, t.sign * sign, 0.5 + 0.5 * found[1]) for t in self.noun_targets(pobj)]
        label = self.labeller.noun_label(noun)
        if not label:
            return []
        return [Target(label, self.labeller._np_head(noun))]

    @staticmethod
    def frame_action(noun: Token) -> Token | None:
        """The action an attempt or attitude noun is about: "attempts to impose", "intention of imposing"."""
        for child in noun.children:
            if child.dep_ in ("acl", "relcl", "xcomp") and child.pos_ in ("VERB", "AUX") and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in child.children
            ):
                return child
            if child.dep_ == "prep" and child.lower_ in ("of", "to", "for"):
                pcomp = next((g for g in child.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
                if pcomp is not None:
                    return pcomp
        return None

    def action_targets(self, verb: Token, label_actions: bool = True) -> list[Target]:
        """An action as target: through its own stance ("end the crisis" opposes the crisis),
        else (when `label_actions`) as a label ("imposed agreements")."""
        cue = self.verb_cue(verb)
        if cue is not None:
            polarity, score, prep = cue
            inner = self.verb_targets(verb, prep)
            return [Target(t.label, t.head, t.sign * polarity, 0.5 + 0.5 * score) for t in inner]
        if not label_actions:
            return []
        found = self.labeller.action_label(verb)
        if found is None:
            return []
        return [Target(found[0], found[1])]

    def verb_cue(self, verb: Token) -> tuple[int, float, Token | None] | None:
        """The lexicon's stance for a verb: "verb particle preposition", "verb particle",
        "verb preposition" (when the verb has no object: "call for", "vote against"), "verb"."""
        lemma = verb.lemma_.lower()
        has_object = any(c.dep_ in ("dobj", "obj") for c in verb.children)
        for child in verb.children:
            if child.dep_ == "prt":
                after = next((g for g in verb.children if g.dep_ == "prep" and g.i > child.i), None)
                if after is not None and (found := self.lex.cue(f"{lemma} {child.lower_} {after.lower_}")):
                    return _SIGN[found[0]], found[1], after
                if found := self.lex.cue(f"{lemma} {child.lower_}"):
                    return _SIGN[found[0]], found[1], None
        if not has_object:
            for child in verb.children:
                if child.dep_ == "prep" and child.i > verb.i:
                    if found := self.lex.cue(f"{lemma} {child.lower_}"):
                        return _SIGN[found[0]], found[1], child
        if found := self.lex.cue(lemma):
            return _SIGN[found[0]], found[1], None
        return None


def _particle(verb: Token) -> str | None:
    return next((c.lower_ for c in verb.children if c.dep_ in ("prt",) or (c.dep_ == "prep" and c.i == verb.i + 1)), None)


def _adjective_head(verb: Token) -> Token | None:
    """The adjective a verb depends on: "ready to back", "uneasy about supporting"."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
    elif verb.dep_ != "xcomp":
        return None
    return head if head.pos_ == "ADJ" else None


def _governing_adjective(verb: Token) -> int | None:
    """+1/-1 when the verb depends on a willing/unwilling adjective, 0 for another
    adjective, None when there is none."""
    head = _adjective_head(verb)
    if head is None:
        return None
    lemma = head.lemma_.lower()
    if lemma in WILLING_ADJECTIVES:
        return 1
    if lemma in UNWILLING_ADJECTIVES:
        return -1
    return 0


def _negative_subject(subject: Token, lex: StanceLexicon) -> bool:
    """ "No politician", "nobody", "none of us"."""
    return lex.is_negator(subject.lower_) or any(c.dep_ == "det" and lex.is_negator(c.lower_) for c in subject.children)


def _hypothetical(token: Token) -> bool:
    """A condition ("if they did not stop …") takes no stance."""
    node = token
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in node.children):
            return True
        if node.dep_ in ("ROOT",) or node.head is node or node.dep_ in ("ccomp",):
            return False
        node = node.head
    return False


# --------------------------------------------------------------------------- passes


def _verb_signals(art: _StanceArticle, verb: Token) -> None:
    """Stance verbs: "opposes X", "called for X", "urged Y to do X", "expressed hope that X"."""
    if verb.pos_ != "VERB" or _hypothetical(verb):
        return
    if verb.dep_ == "xcomp" and art.verb_cue(verb.head) is not None:
        return  # "refused to rule out tax rises": read through the governing cue
    attitude = _governing_adjective(verb)
    if attitude == 0:
        return  # "happy talk about supporting": an adjective we cannot read
    cue = art.verb_cue(verb)
    noun_cue = None
    if cue is None and verb.lemma_.lower() in LIGHT_VERBS:
        noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if noun is not None and (found := art.lex.cue(noun.lemma_.lower())):
            noun_cue = noun
            prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "to", "in")), None)
            cue = (_SIGN[found[0]], found[1], prep)
    clause = None
    if cue is None:
        # "appealed for the inspectors to be given more time": "for" marks a wished-for clause
        clause = next(
            (c for c in verb.children if c.dep_ in ("advcl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children)),
            None,
        )
        found = art.lex.cue(f"{verb.lemma_.lower()} for") if clause is not None else None
        if found is None:
            return
        cue = (_SIGN[found[0]], found[1], None)
    polarity, base, prep = cue
    if base < MIN_CUE_SCORE:
        return  # weak cues ("suggest", "question") count only inside composed actions
    deontic = any(c.dep_ == "aux" and c.lower_ in DEONTIC_MODALS for c in verb.children)
    holder, quote = art.holder_for(verb, deontic)
    if noun_cue is not None:
        owner = next((c for c in noun_cue.children if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ != "PRON":
            holder = art.mention_of(owner) or holder  # "stressed Mr Blair's support for …": Blair's
    in_speech = quote is not None or is_cue(verb)
    if not in_speech and base < OUTSIDE_QUOTE_MIN_SCORE:
        return
    if noun_cue is not None:
        if prep is not None:
            targets = art.verb_targets(verb, prep)
        else:
            clause = next((c for c in noun_cue.children if c.dep_ in ("acl", "ccomp", "relcl")), None)
            targets = art.clause_targets(clause) if clause is not None else []
    elif clause is not None:
        label = art.labeller.clause_label(clause)
        targets = [Target(label, clause)] if label else []
    else:
        targets = art.verb_targets(verb, prep)
        if prep is None and any(c.dep_ in ("dobj", "obj") for c in verb.children):
            # "criticised the government over its case for war": the grounds are an issue too
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in GROUNDS_PREPOSITIONS and child.i > verb.i:
                    pobj = next((g for g in child.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)
                    if pobj is not None:
                        targets = targets + art.noun_targets(pobj)
    score = base * art.intensity(verb)
    pol = polarity * (attitude or 1)
    if art.negated(verb):
        pol, score = art.negate(pol, score, full=False)
    holders = [holder]
    subject = subject_of(verb, reporting=is_cue)
    if holder is not None and subject is not None and quote is None:
        # "Both the Cardinal and Dr Williams appealed for …": each joint subject holds it
        for conj in subject.conjuncts:
            other = art.mention_of(conj)
            if other is not None and other.mention_id != holder.mention_id:
                holders.append(other)
    for who in holders:
        for target in targets:
            art.add(verb, pol * target.sign, score * target.strength, target.label, target.head, who, quote or art.quote_at(target.head.idx))


def _proposal_signals(art: _StanceArticle, verb: Token) -> None:
    """ "the quota system planned by the Tories": the agent backs the noun."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.lemma_.lower() not in PROPOSAL_VERBS or art.negated(verb):
        return
    agent = agent_of(verb)
    if agent is None or agent.pos_ == "PRON":
        return
    holder = art.mention_of(agent)
    if holder is None:
        return
    for target in art.noun_targets(verb.head):
        art.add(verb, target.sign, OUTSIDE_QUOTE_MIN_SCORE * target.strength, target.label, target.head, holder, art.quote_at(verb.idx))


def _existential_signals(art: _StanceArticle, be: Token) -> None:
    """ "there should be no attempts to impose …" / "there must be talks" (in quotes)."""
    if be.lemma_ != "be" or not any(c.dep_ == "expl" for c in be.children) or _hypothetical(be):
        return
    modal = next((c for c in be.children if c.dep_ == "aux" and c.lower_ in DEONTIC_MODALS), None)
    attr = next((c for c in be.children if c.dep_ in ("attr", "nsubj") and c.pos_ in ("NOUN", "PROPN")), None)
    if modal is None or attr is None:
        return
    quote = art.quote_at(be.idx)
    holder = art.speaker(quote)
    if holder is None:
        return
    negated = any(c.dep_ == "det" and _is_negator(c, art.lex) for c in attr.children) or art.negated(be)
    phrase = f"there {modal.lower_} be no" if negated else f"there {modal.lower_} be"
    found = art.lex.cue(phrase)
    if found is not None:
        polarity, score = _SIGN[found[0]], found[1]  # the phrase already carries its negation
    else:
        polarity, score = (-1 if negated else 1), DEONTIC_SCORE
    for target in art.noun_targets(attr):
        art.add(be, polarity * target.sign, score * target.strength, target.label, target.head, holder, quote)


def _deontic_signals(art: _StanceArticle, verb: Token) -> None:
    """ "X should/must (not) <verb> <object>" in a quote: the speaker wants (not) the action."""
    if verb.pos_ != "VERB" or verb.lemma_ == "be" or _hypothetical(verb):
        return
    modal = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in DEONTIC_MODALS), None)
    if modal is None:
        return
    quote = art.quote_at(verb.idx)
    holder = art.speaker(quote)
    if holder is None:
        return
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    negated = art.negated(verb) or (subject is not None and _negative_subject(subject, art.lex))
    polarity = -1 if negated else 1
    for target in art.action_targets(verb):
        art.add(verb, polarity * target.sign, DEONTIC_SCORE * target.strength, target.label, target.head, holder, quote)


def _attitude_signals(art: _StanceArticle, noun: Token) -> None:
    """ "the need to end the crisis", "no intention of imposing any solution" in a quote."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma not in ATTITUDE_NOUNS | ATTEMPT_NOUNS or _hypothetical(noun):
        return
    negated = any(c.dep_ == "det" and _is_negator(c, art.lex) for c in noun.children)
    if lemma in ATTEMPT_NOUNS and not negated:
        return  # "their attempts to …" says nothing of the speaker's view
    if noun.dep_ == "attr" and any(c.dep_ == "expl" for c in noun.head.children) and any(
        c.dep_ == "aux" and c.lower_ in DEONTIC_MODALS for c in noun.head.children
    ):
        return  # "there should be no attempts": the existential pass reads it
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and owner.lower_ not in ("my", "our"):
        return  # "their need to …" is theirs
    quote = art.quote_at(noun.idx)
    holder = art.speaker(quote)
    if holder is None:
        return
    action = art.frame_action(noun)
    if action is None:
        return
    polarity = -1 if negated or art.negated(noun.head) else 1
    holders = [holder]
    if noun.dep_ == "dobj" and noun.head.lemma_ == "have":
        # "Lavrov said Moscow had no intention of …": Moscow's stance too
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in PERSONAL_PRONOUNS:
            other = art.mention_of(subject)
            if other is not None and other.mention_id != holder.mention_id:
                holders.append(other)
    for who in holders:
        for target in art.action_targets(action):
            art.add(noun, polarity * target.sign, ATTITUDE_SCORE * target.strength, target.label, target.head, who, quote)


def _evaluative_signals(art: _StanceArticle, word: Token) -> None:
    """Judging words inside a quote: "the “illegal” blockade", "the talks were constructive"."""
    weight = art.lex.evaluative(word.lower_)
    if weight is None and word.lemma_.lower() != word.lower_:
        weight = art.lex.evaluative(word.lemma_)
    if weight is None or _hypothetical(word):
        return
    quote = art.quote_at(word.idx)
    holder = art.speaker(quote)
    if holder is None:
        return
    noun, predicate = _judged_noun(word)
    if noun is None:
        return
    if not predicate and (abs(weight) < MIN_ATTRIBUTIVE_WEIGHT or _is_attitude_noun(noun, art.lex)):
        return  # "great interest", "grave concerns": mild or about something else
    if predicate and any(c.dep_ == "prep" for c in word.children):
        return  # "responsible for the waste" judges a relation, not the subject
    if _under_denial(word):
        return
    polarity = 1 if weight > 0 else -1
    score = abs(weight) * art.intensity(word)
    if any(c.dep_ == "advmod" and c.lower_ == "too" for c in word.children):
        polarity = -1  # "too optimistic": excess is criticism
    governing = word.head if word.dep_ in ("acomp", "attr", "oprd") else word
    if (
        art.negated(word)
        or (governing is not word and art.negated(governing))
        or _negated_phrase(word, art.lex)
        or art.believed_negated(governing)
    ):
        polarity, score = art.negate(polarity, score, full=False)
    for target in art.noun_targets(noun):
        art.add(word, polarity * target.sign, score * target.strength, target.label, target.head, holder, quote)


def _is_attitude_noun(noun: Token, lex: StanceLexicon) -> bool:
    return lex.evaluative(noun.lemma_) is not None or lex.cue(noun.lemma_) is not None


def _under_denial(word: Token) -> bool:
    """ "denied his forecasts were too optimistic": the judgement is the one denied."""
    for ancestor in list(word.ancestors)[:4]:
        if ancestor.lemma_.lower() in DENIAL_VERBS:
            return True
    return False


def _judged_noun(word: Token) -> tuple[Token | None, bool]:
    """The noun a judging word is about, and whether the word is predicated of it."""
    dep = word.dep_
    head = word.head
    if word.pos_ == "ADJ" and dep == "amod" and head.pos_ in ("NOUN", "PROPN"):
        if head.dep_ == "attr" and head.head.lemma_ == "be":  # "the statement was a fair summary"
            return next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None), True
        return head, False
    if word.pos_ == "ADJ" and dep == "amod" and head.lower_ == "as" and head.dep_ == "prep":
        return _object_of(head.head), True  # "described the talks as “useful”"
    if dep == "pobj" and head.lower_ == "as":
        return _object_of(head.head), True
    if dep in ("acomp", "attr", "oprd"):
        if head.lemma_ == "be":
            return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None), True
        return _object_of(head), True  # "called the plan illegal"
    return None, False


def _object_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _negated_phrase(word: Token, lex: StanceLexicon) -> bool:
    """ "in no way simple": a negator determining a preposition's object next to the word."""
    for child in word.children:
        if child.dep_ == "prep":
            for g in child.children:
                if any(d.dep_ == "det" and _is_negator(d, lex) for d in g.children):
                    return True
    return False


def extract_stances(ctx: ArticleContext, quotes: list[Quote], mentions: list[Mention]) -> list[Stance]:
    """Stances of one article, one per (holder, target, sentence), strongest signal kept."""
    if not ctx.text or not len(ctx.doc):
        return []
    art = _StanceArticle(ctx, quotes, mentions, load_stance_lexicon())
    for token in ctx.doc:
        sentence = ctx.sentence_at(token.idx)
        if sentence is None or sentence.section in ("caption", "trailer"):
            continue
        _verb_signals(art, token)
        _proposal_signals(art, token)
        _existential_signals(art, token)
        if art.quote_at(token.idx) is not None:
            _deontic_signals(art, token)
            _attitude_signals(art, token)
            _evaluative_signals(art, token)
    return _merge(art)


def _merge(art: _StanceArticle) -> list[Stance]:
    best: dict[tuple, _Signal] = {}
    for signal in art.signals:
        sentence = art.ctx.sentence_at(signal.token.idx)
        if sentence is None:
            continue
        key = (signal.holder.mention_id, signal.target.lower(), sentence.sentence_id)
        kept = best.get(key)
        if kept is None or (abs(signal.polarity) * signal.score, signal.score) > (abs(kept.polarity) * kept.score, kept.score):
            best[key] = signal
    stances = []
    for (holder_id, _, sentence_id), signal in best.items():
        target_mention = art.index.at(signal.target_head)
        if target_mention is not None and target_mention.kind == "pronoun":
            target_mention = None
        if target_mention is not None and not _mention_is_target(target_mention, signal):
            target_mention = None
        sentence = art.ctx.sentences[sentence_id]
        polarity = {1: "support", -1: "oppose", 0: "neutral"}[signal.polarity]
        stances.append(
            Stance(
                article_id=art.ctx.article_id,
                sentence_id=sentence_id,
                holder_mention_id=holder_id,
                target=signal.target,
                target_mention_id=target_mention.mention_id if target_mention else None,
                polarity=polarity,
                score=signal.score,
                evidence=sentence.text,
                quote_id=signal.in_quote.quote_id if signal.in_quote else None,
            )
        )
    return sorted(stances, key=lambda s: (s.sentence_id, s.holder_mention_id or "", s.target))


def _mention_is_target(mention: Mention, signal: _Signal) -> bool:
    """A target links to an entity only when the label is that entity, not something of it."""
    surface = _clean(mention.surface).lower()
    label = signal.target.lower()
    return label == surface or label.endswith(surface) and len(label.split()) <= len(surface.split()) + 1 and signal.target_head.pos_ == "PROPN"
