"""Who said what: direct and indirect quotes in one article.

Design (after BBC citron's cue/source/content split and textacy's `direct_quotations`,
without their known failures):

1. Quote marks are found on the characters, not the tokens, and classified by glyph and
   context: curly marks say which way they face, straight marks are read from the
   spaces around them, and a single mark between letters ("Karabakh’s") or after a
   plural with no quote open ("sides’") is an apostrophe. Marks are paired per layout
   block with a small state machine that never raises: a stray closer is ignored, an
   opener inside an open quote closes the earlier quote, and a quote still open at the
   end of a paragraph continues into the next paragraph when that paragraph opens with
   a quote mark (the English convention), else ends with its paragraph.
2. Every quoted segment becomes one direct `Quote` (text without the marks). Its cue is a
   reporting verb outside any quote, in the sentence(s) the segment touches (or the
   sentence before a colon), preferring verbs syntactically linked to the segment and then
   the nearest; its speaker is the verb's subject ("according to X": X). Fragments inside
   a sentence ("the “illegal” blockade") need a verb that governs them. A segment with no
   cue inherits the speaker of the quote it continues (split quotes, multi-paragraph
   quotes, a quote paragraph right after a quote paragraph).
3. Indirect quotes come from reporting verbs outside direct quotes with a subject and a
   reported clause ("said (that) …", "called for …", "described … as …",
   "according to X, …"); a clause that is (almost) all direct quote is not repeated.
4. Speakers link to the mention covering the subject's head word, else a name in
   apposition, else a mention inside the subject phrase ("Armenia’s foreign ministry"
   falls back to "Armenia"); a pronoun no mention covers falls back to the latest speaker.

No input makes this raise: quote marks in any number and order are handled, and spans
are always slices of `ctx.text` inside a sentence.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.nlp.records import ArticleContext, Mention, Quote
from pipeline.nlp.syntax import (
    FIRST_PERSON,
    PERSONAL_PRONOUNS,
    MentionIndex,
    is_negated,
    mention_of,
    noun_phrase_extent,
    subject_of,
    trim_chars,
)

# --------------------------------------------------------------------------- vocabulary

# Reporting verbs that may introduce a direct quote (lemmas).
SPEECH_VERBS = frozenset(
    """
    say add tell acknowledge admit affirm allege announce answer argue assert ask assure
    boast brief caution claim comment complain concede conclude concur confirm contend
    counter declare demand deny describe emphasise emphasize estimate exclaim explain
    express highlight indicate inform insist joke maintain mention note object observe
    plead pledge post predict proclaim promise protest quip recall reiterate remark repeat
    reply report respond retort reveal shout signal state stress suggest testify tweet
    underline underscore urge vow warn write accuse call continue wonder question
    """.split()
)
# Verb + particle/preposition that report speech only as a phrase.
PHRASAL_CUES = frozenset(
    {("go", "on"), ("point", "out"), ("call", "for"), ("call", "on"), ("hit", "back"), ("fire", "back"),
     ("spell", "out"), ("set", "out"), ("lash", "out"), ("chime", "in"), ("sum", "up")}
)
# Verbs that need their particle to be a cue ("went on", not "went").
PARTICLE_ONLY = frozenset({"go", "point", "hit", "fire", "spell", "set", "lash", "chime", "sum"})
# Reporting verbs whose clausal complement is reported speech (indirect quotes).
INDIRECT_VERBS = frozenset(
    """
    say tell add acknowledge admit affirm allege announce argue assert claim complain
    concede conclude confirm contend declare deny emphasise emphasize estimate explain
    insist maintain mention note observe predict proclaim recall reiterate remark reply
    report respond reveal state stress suggest testify underline underscore warn write
    indicate signal ask promise pledge vow urge
    """.split()
)
# Verbs reporting a commitment or a demand through a to-infinitive ("pledged to recognise").
XCOMP_REPORTING = frozenset({"promise", "pledge", "vow", "urge"})
# Nouns that make "express(ed) <noun> that …" reported speech.
EXPRESSED_NOUNS = frozenset({"hope", "concern", "confidence", "doubt", "regret", "belief", "fear", "optimism", "view"})


# --------------------------------------------------------------------------- quote marks

OPEN_DOUBLE = "“„‟«"
CLOSE_DOUBLE = "”»"
AMBIGUOUS_DOUBLE = '"＂'
OPEN_SINGLE = "‘‚‛‹`"
CLOSE_SINGLE = "’›"
AMBIGUOUS_SINGLE = "'"
QUOTE_CHARS = frozenset(OPEN_DOUBLE + CLOSE_DOUBLE + AMBIGUOUS_DOUBLE + OPEN_SINGLE + CLOSE_SINGLE + AMBIGUOUS_SINGLE)
# Characters after which a mark opens, and before which a mark closes.
_OPEN_CONTEXT = frozenset("([{—–-/")
_CLOSE_CONTEXT = frozenset(".,;:!?)]}—–-/…")
MAX_SINGLE_QUOTE_CHARS = 300  # single-quoted passages outside double quotes: short phrases
MIN_UNATTRIBUTED_WORDS = 4  # shorter quoted text needs a speaker to count as a quote


@dataclass(frozen=True)
class _Mark:
    pos: int
    double: bool
    role: str  # open | close | either | close_or_apostrophe


@dataclass
class _Segment:
    open_pos: int  # the opening mark
    close_pos: int | None  # the closing mark; None when the quote runs to the block's end
    start: int  # content span, trimmed
    end: int
    block: int  # index among the article's blocks
    continues: bool = False  # continues a quote left open by the previous paragraph
    single: bool = False

    @property
    def outer_end(self) -> int:
        return self.close_pos + 1 if self.close_pos is not None else self.end


def _classify(text: str, pos: int, lo: int, hi: int) -> _Mark | None:
    """Which way a quote character faces, from its glyph and the characters around it."""
    ch = text[pos]
    before = text[pos - 1] if pos > lo else " "
    after = text[pos + 1] if pos + 1 < hi else " "
    left_open = before.isspace() or before in _OPEN_CONTEXT or before in QUOTE_CHARS and _is_opening_glyph(before)
    right_close = after.isspace() or after in _CLOSE_CONTEXT or after in QUOTE_CHARS and not _is_opening_glyph(after)
    if ch in OPEN_DOUBLE or ch in CLOSE_DOUBLE or ch in AMBIGUOUS_DOUBLE:
        if ch in OPEN_DOUBLE:
            role = "close" if (not left_open and right_close) else "open"
        elif ch in CLOSE_DOUBLE:
            role = "open" if (left_open and not right_close) else "close"
        elif left_open and not right_close:
            role = "open"
        elif right_close and not left_open:
            role = "close"
        else:
            role = "either"
        return _Mark(pos, True, role)
    if ch in OPEN_SINGLE:
        if before.isalnum() and after.isalnum():
            return None  # a misplaced apostrophe: "Karabakh‘s"
        return _Mark(pos, False, "close_or_apostrophe" if (not left_open and right_close) else "open")
    if ch in CLOSE_SINGLE or ch in AMBIGUOUS_SINGLE:
        if before.isalnum() and after.isalnum():
            return None  # apostrophe inside a word: "Karabakh’s", "don't"
        if left_open and not right_close:
            return _Mark(pos, False, "open")
        if right_close and not left_open:
            return _Mark(pos, False, "close_or_apostrophe")
        return None
    return None


def _is_opening_glyph(ch: str) -> bool:
    return ch in OPEN_DOUBLE or ch in OPEN_SINGLE


def _pair_block(text: str, lo: int, hi: int, block: int, open_from_previous: bool) -> tuple[list[_Segment], bool]:
    """Quoted segments of one block; whether a double quote is left open at its end."""
    segments: list[_Segment] = []
    marks = [m for pos in range(lo, hi) if text[pos] in QUOTE_CHARS and (m := _classify(text, pos, lo, hi))]
    double_open: int | None = None
    single_open: int | None = None
    single_level: int | None = None  # the double quote the single one sits in (None: outside)
    continues = False
    if open_from_previous and marks and marks[0].double and marks[0].role in ("open", "either"):
        first_text = next((p for p in range(lo, hi) if not text[p].isspace()), hi)
        if first_text == marks[0].pos:
            double_open, continues = marks[0].pos, True
            marks = marks[1:]

    def emit(open_pos: int, close_pos: int | None, end: int, single: bool, cont: bool) -> None:
        start, stop = trim_chars(text, open_pos + 1, end)
        if stop > start:
            segments.append(_Segment(open_pos, close_pos, start, stop, block, cont, single))

    for mark in marks:
        if mark.double:
            if double_open is None:
                if mark.role in ("open", "either"):
                    double_open, continues, single_open = mark.pos, False, None
                # a closer with nothing open is a stray mark: ignored
            elif mark.role in ("close", "either"):
                emit(double_open, mark.pos, mark.pos, False, continues)
                double_open, continues = None, False
                if single_level is not None:
                    single_open = single_level = None
            else:  # an opener inside an open quote: the earlier quote lacked its closer
                emit(double_open, None, mark.pos, False, continues)
                double_open, continues = mark.pos, False
                single_open = single_level = None
        else:
            level = double_open
            if mark.role == "open":
                single_open, single_level = mark.pos, level
            elif single_open is not None and single_level == level:
                if level is None and mark.pos - single_open <= MAX_SINGLE_QUOTE_CHARS:
                    emit(single_open, mark.pos, mark.pos, True, False)
                single_open = single_level = None
            # else: an apostrophe ("sides’", "Lords'")
    left_open = double_open is not None
    if left_open:
        emit(double_open, None, hi, False, continues)
    return segments, left_open


def find_quote_segments(text: str, blocks: list[tuple[int, int, bool]]) -> list[_Segment]:
    """Quoted segments over blocks (start, end, chains_with_previous), in text order."""
    segments: list[_Segment] = []
    left_open = False
    for index, (lo, hi, chained) in enumerate(blocks):
        found, still_open = _pair_block(text, lo, hi, index, left_open and chained)
        segments.extend(found)
        left_open = still_open
    return segments


# --------------------------------------------------------------------------- parse helpers


def _phrase_particle(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ == "prt" or (child.dep_ == "prep" and child.i == verb.i + 1):
            if (verb.lemma_.lower(), child.lower_) in PHRASAL_CUES:
                return child.lower_
    return None


def is_cue(token: Token) -> bool:
    """A reporting verb (or "according" of "according to")."""
    if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
        return True
    if token.pos_ not in ("VERB", "AUX") and not (token.tag_.startswith("VB")):
        return False
    lemma = token.lemma_.lower()
    if lemma in PARTICLE_ONLY:
        return _phrase_particle(token) is not None
    if lemma not in SPEECH_VERBS:
        return False
    if lemma == "call":
        return _phrase_particle(token) is not None
    if lemma == "express":
        return any(c.dep_ == "dobj" and c.lemma_.lower() in EXPRESSED_NOUNS for c in token.children)
    if lemma == "continue":
        return not any(c.dep_ in ("xcomp", "dobj", "ccomp") for c in token.children)
    return True


def speaker_token(cue: Token) -> Token | None:
    """The speaker token of a reporting verb: its subject, a participle or coordinated
    report taking the subject of the reporting verb above it."""
    return subject_of(cue, reporting=is_cue)


def cue_text(token: Token, text: str) -> tuple[int, int]:
    """Character span of the cue as written: the verb with its particle ("went on", "called for")."""
    start, end = token.idx, token.idx + len(token.text)
    if token.lower_ == "according":
        to = next((c for c in token.children if c.lower_ == "to"), None)
        if to is not None:
            end = max(end, to.idx + len(to.text))
        return start, end
    particle = _phrase_particle(token)
    if particle:
        child = next(c for c in token.children if c.lower_ == particle and c.dep_ in ("prt", "prep"))
        end = max(end, child.idx + len(child.text)) if child.i > token.i else end
    if token.lemma_.lower() == "express":
        noun = next((c for c in token.children if c.dep_ == "dobj"), None)
        if noun is not None and noun.i > token.i:
            end = noun.idx + len(noun.text)
    return start, end


# --------------------------------------------------------------------------- extraction


@dataclass
class _Attribution:
    speaker: Mention | None
    surface: str | None
    cue: str | None
    cue_char: int | None = None  # where the cue verb is


class _Article:
    """Per-article state shared by the direct and indirect passes."""

    def __init__(self, ctx: ArticleContext, mentions: list[Mention]):
        self.ctx = ctx
        self.text = ctx.text
        self.doc: Doc = ctx.doc
        self.index = MentionIndex(mentions)
        self._sents = list(self.doc.sents)
        self._sent_starts = [sent.start_char for sent in self._sents]
        blocks = []
        previous_section = None
        for seg in ctx.layout.blocks("headline", "caption", "body", "trailer"):
            chained = seg.section == "body" and previous_section == "body"
            blocks.append((seg.start, seg.end, chained, seg.section))
            if seg.section != "caption":  # a caption between paragraphs does not break a quote
                previous_section = seg.section
        self.blocks = blocks
        self.segments = find_quote_segments(self.text, [(lo, hi, chained) for lo, hi, chained, _ in blocks])
        self._quoted = sorted((s.open_pos, s.outer_end) for s in self.segments)
        self._quoted_starts = [lo for lo, _ in self._quoted]
        # every reporting verb outside quotes with a speaker: the article's speech events
        self._attributions: dict[int, _Attribution | None] = {}
        self.events: list[_Attribution] = []
        for token in self.doc:
            if token.dep_ in ("advcl", "xcomp") and is_cue(token.head):
                continue  # "said, commenting on …": one speech act, not two
            if is_cue(token) and not is_negated(token) and not self.in_quote(token.idx):
                found = self._attribute(token, resolve_pronouns=False)
                if found is not None:
                    self.events.append(found)

    # -- spans and tokens

    def in_quote(self, char: int) -> bool:
        i = bisect.bisect_right(self._quoted_starts, char) - 1
        return i >= 0 and self._quoted[i][0] <= char < self._quoted[i][1]

    def tokens(self, start: int, end: int) -> Span | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span if span is not None and len(span) else None

    def sent_of(self, char: int) -> Span | None:
        """The parser's sentence holding a character (token.sent is slow: computed once here)."""
        if not 0 <= char < len(self.text):
            return None
        i = bisect.bisect_right(self._sent_starts, char) - 1
        return self._sents[i] if i >= 0 else None

    # -- speakers

    def attribute(self, cue: Token) -> _Attribution | None:
        if cue.i not in self._attributions:
            self._attributions[cue.i] = self._attribute(cue, resolve_pronouns=True)
        return self._attributions[cue.i]

    def _attribute(self, cue: Token, resolve_pronouns: bool) -> _Attribution | None:
        subject = speaker_token(cue)
        if subject is None:
            return None
        if self.in_quote(subject.idx) and subject.lower_ not in FIRST_PERSON:
            return None  # the subject is quoted material, not a speaker
        start, end = noun_phrase_extent(subject)
        doc = self.doc
        s_char, e_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
        mention = mention_of(subject, self.index, (start, end))
        covering = self.index.at(subject)
        if covering is not None and covering.char_start < e_char and covering.char_end > s_char:
            # the parser may split a name the mention holds whole ("Stop | Stansted Expansion")
            s_char, e_char = min(s_char, covering.char_start), max(e_char, covering.char_end)
        if mention is None and resolve_pronouns and subject.lower_ in PERSONAL_PRONOUNS:
            mention = self.fallback_pronoun(subject)
        c_start, c_end = cue_text(cue, self.text)
        return _Attribution(mention, self.text[s_char:e_char], self.text[c_start:c_end], cue.idx)

    def fallback_pronoun(self, pronoun: Token) -> Mention | None:
        """The latest named speaker before a pronoun no mention covers, else the latest person."""
        wanted = ("PERSON",) if pronoun.lower_ in ("he", "she", "him", "her") else None
        for event in reversed(self.events):
            m = event.speaker
            if event.cue_char is None or event.cue_char >= pronoun.idx or m is None or m.kind == "pronoun":
                continue
            if wanted is None or m.entity_type in wanted:
                return m
        return self.index.before(pronoun.idx, wanted)

    def latest_event(self, lo: int, hi: int) -> _Attribution | None:
        """The last speech event whose cue lies in [lo, hi)."""
        found = None
        for event in self.events:
            if event.cue_char is not None and lo <= event.cue_char < hi:
                found = event
        if found is None:
            return None
        return self.attribute(self.doc.char_span(found.cue_char, found.cue_char + 1, alignment_mode="expand")[0])


def extract_quotes(ctx: ArticleContext, mentions: list[Mention]) -> list[Quote]:
    """Direct quotes (every quoted segment with a speaker or long enough) and indirect ones."""
    if not ctx.text or not len(ctx.doc):
        return []
    art = _Article(ctx, mentions)
    quotes = _direct_quotes(art)
    quotes.extend(_indirect_quotes(art, quotes))
    quotes = [q for q in quotes if not _embedded(q, quotes, ctx.text)]
    by_id: dict[str, Quote] = {}
    for quote in sorted(quotes, key=lambda q: (q.char_start, q.kind != "direct")):
        by_id.setdefault(quote.quote_id, quote)
    return sorted(by_id.values(), key=lambda q: (q.char_start, q.char_end))


def _embedded(quote: Quote, quotes: list[Quote], text: str) -> bool:
    """Quoted words inside a reported clause ("said the “illegal” blockade is …") are part
    of the indirect quote, not a direct quote of their own (eval/GUIDE.md)."""
    if quote.kind != "direct":
        return False
    for other in quotes:
        if other.kind != "indirect" or other.speaker_mention_id != quote.speaker_mention_id:
            continue
        inside = other.char_start <= quote.char_start and quote.char_end <= other.char_end
        # the reported clause is more than the quoted words and their marks
        if inside and len(_clean_quote(text[other.char_start:other.char_end])) > len(quote.text) + 1:
            return True
    return False


def _clean_quote(text: str) -> str:
    return "".join(ch for ch in text if ch not in QUOTE_CHARS).strip(" .,;:")


# --------------------------------------------------------------------------- direct quotes


def _frame_sentences(art: _Article, seg: _Segment) -> list[Span]:
    """The sentences a segment touches, plus a colon-ended sentence before it and a
    reporting clause the parser split off after it (", he said")."""
    text = art.text
    sents: list[Span] = []

    def add(sent: Span | None, first: bool = False) -> None:
        if sent is not None and all(s.start != sent.start for s in sents):
            sents.insert(0, sent) if first else sents.append(sent)

    add(art.sent_of(seg.open_pos))
    add(art.sent_of(max(seg.start, seg.outer_end - 1)))
    if not sents:
        return []
    block_hi = art.blocks[seg.block][1]
    # a colon just before the quote: "Mr Abbas said: “…”", possibly across a paragraph break
    p = seg.open_pos - 1
    while p >= 0 and text[p].isspace():
        p -= 1
    if p >= 0 and text[p] == ":":
        add(art.sent_of(p), first=True)
    # a reporting clause after the closing mark that the parser put in its own sentence
    q = seg.outer_end
    while q < block_hi and text[q].isspace():
        q += 1
    if q < block_hi and (text[q] in ",;" or text[q].islower()):
        add(art.sent_of(q))
    return sents


def _linked(cue: Token, inner: Span) -> bool:
    """Whether a cue verb governs the quoted tokens or hangs from them."""
    inner_ids = range(inner.start, inner.end)
    if cue.i in inner_ids:
        return False
    if cue.head.i in inner_ids and cue.dep_ in ("parataxis", "advcl", "conj", "ccomp", "dep", "relcl"):
        return True
    return any(cue.is_ancestor(t) for t in inner)


def _is_inline(art: _Article, seg: _Segment) -> bool:
    """A fragment inside a sentence ("the “illegal” blockade") rather than a quoted utterance."""
    if seg.continues:
        return False
    sent = art.sent_of(seg.open_pos)
    if sent is None:
        return False
    before = art.text[sent.start_char : seg.open_pos].rstrip()
    if not before or before[-1] in ":,":
        return False
    return any(ch.isalnum() for ch in before)


def _find_cue(art: _Article, seg: _Segment) -> _Attribution | None:
    inner = art.tokens(seg.start, seg.end)
    if inner is None:
        return None
    inline = _is_inline(art, seg)
    own = art.sent_of(seg.open_pos)
    candidates = []
    for sent in _frame_sentences(art, seg):
        for token in sent:
            if art.in_quote(token.idx) or not is_cue(token) or is_negated(token):
                continue
            linked = _linked(token, inner)
            if inline and not linked and (own is None or sent.start != own.start):
                continue  # a fragment belongs to a verb of its own sentence
            distance = min(abs(token.idx - seg.open_pos), abs(token.idx - seg.outer_end))
            candidates.append((not linked, distance, token.i, token))
    for *_, token in sorted(candidates, key=lambda c: c[:3]):
        attribution = art.attribute(token)
        if attribution is not None:
            return attribution
    return None


def _direct_quotes(art: _Article) -> list[Quote]:
    ctx = art.ctx
    quotes: list[Quote] = []
    attributed: list[tuple[_Segment, _Attribution | None]] = []
    for seg in art.segments:
        attribution = _find_cue(art, seg) or _inherited(art, seg, attributed)
        attributed.append((seg, attribution))
        sentence = ctx.sentence_at(seg.start)
        if sentence is None:
            continue
        content = art.text[seg.start : seg.end]
        if attribution is None or attribution.surface is None:
            if _is_inline(art, seg):
                continue  # a quoted phrase nobody is reported to say: scare quotes, titles
            if seg.close_pos is None and not seg.continues:
                continue  # an unbalanced mark with nobody speaking: not a quote
            if len(content.split()) < MIN_UNATTRIBUTED_WORDS or _looks_like_title(content):
                continue
        quotes.append(
            Quote(
                quote_id=f"{ctx.article_id}#q{seg.start}",
                article_id=ctx.article_id,
                sentence_id=sentence.sentence_id,
                speaker_mention_id=attribution.speaker.mention_id if attribution and attribution.speaker else None,
                speaker_surface=attribution.surface if attribution else None,
                text=content,
                kind="direct",
                cue=attribution.cue if attribution else None,
                char_start=seg.start,
                char_end=seg.end,
            )
        )
    return quotes


def _looks_like_title(content: str) -> bool:
    """Quoted titles and names ("the “Road to Peace” plan") are not quotes."""
    words = [w for w in content.split() if w[:1].isalpha()]
    small = {"of", "the", "a", "an", "and", "to", "in", "on", "for", "at", "by"}
    return bool(words) and all(w[0].isupper() or w.lower() in small for w in words)


def _inherited(
    art: _Article, seg: _Segment, attributed: list[tuple[_Segment, _Attribution | None]]
) -> _Attribution | None:
    """The speaker of the speech this segment continues, if it continues one:
    - the quote it carries on from the previous paragraph;
    - the latest speech earlier in its paragraph ("“…,” Lavrov said. “…”",
      "Mrs Robinson warned that … “…”");
    - for a paragraph that opens with a quote, the speech in the last sentence of the
      previous paragraph."""
    previous = next(((s, a) for s, a in reversed(attributed) if a is not None), None)
    if seg.continues:
        return attributed[-1][1] if attributed else None  # the quote left open just before
    if _is_inline(art, seg):
        return None
    lo, hi, chained, _ = art.blocks[seg.block]
    same_block = [(s.open_pos, a) for s, a in attributed if a is not None and s.block == seg.block]
    event = art.latest_event(lo, seg.open_pos)
    options = same_block + ([(event.cue_char, event)] if event is not None else [])
    if options:
        return max(options, key=lambda pair: pair[0])[1]
    first = next((p for p in range(lo, seg.open_pos + 1) if not art.text[p].isspace()), None)
    if first != seg.open_pos or not chained:
        return None
    prev_block = _previous_body_block(art, seg.block)
    if prev_block is None:
        return None
    p_lo, p_hi, _, _ = art.blocks[prev_block]
    last_sent = art.sent_of(p_hi - 1)
    if last_sent is None:
        return None
    tail_start = max(p_lo, last_sent.start_char)
    options = [(s.open_pos, a) for s, a in attributed if a is not None and s.block == prev_block and s.outer_end > tail_start]
    event = art.latest_event(tail_start, p_hi)
    if event is not None:
        options.append((event.cue_char, event))
    if previous is not None and previous[0].block == prev_block and previous[0].close_pos is None:
        options.append((previous[0].open_pos, previous[1]))
    return max(options, key=lambda pair: pair[0])[1] if options else None


def _previous_body_block(art: _Article, block: int) -> int | None:
    for i in range(block - 1, -1, -1):
        section = art.blocks[i][3]
        if section == "body":
            return i
        if section != "caption":
            return None
    return None


# --------------------------------------------------------------------------- indirect quotes


def _clause_span(art: _Article, tokens: list[Token]) -> tuple[int, int] | None:
    """Character span of a reported clause: its tokens, balanced in quote marks, trimmed."""
    tokens = [t for t in tokens if not t.is_space]
    while len(tokens) > 1 and (
        tokens[0].lower_ == "that" and tokens[0].dep_ in ("mark", "det")  # "said that …" (sm parses some as det)
        or tokens[0].dep_ == "mark" and tokens[0].lower_ in ("whether", "if")
        or tokens[0].is_punct and not tokens[0].is_quote
    ):
        tokens = tokens[1:]
    if not tokens:
        return None
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    # keep quote marks balanced: extend to a quote that the clause opens or closes
    for seg in art.segments:
        if start <= seg.open_pos < end < seg.outer_end and seg.close_pos is not None and seg.outer_end - end <= 3:
            end = seg.outer_end
        if seg.open_pos < start < seg.outer_end <= end and start - seg.open_pos <= 1:
            start = seg.open_pos
    text = art.text
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    sentence = art.ctx.sentence_at(start)
    if sentence is not None and end == sentence.char_end and end > start and text[end - 1] == ".":
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return (start, end) if end > start else None


def _reported_clause(cue: Token) -> list[Token] | None:
    """The tokens a reporting verb reports."""
    lemma = cue.lemma_.lower()
    children = list(cue.children)
    if cue.lower_ == "according":
        clause = cue.head
        if clause is cue:
            return None
        skip = {t.i for t in cue.subtree}
        toks = [t for t in clause.subtree if t.i not in skip]
        # drop the comma that set off "according to X"
        return [t for t in toks if not (t.text == "," and (t.i + 1 in skip or t.i - 1 in skip))]
    particle = _phrase_particle(cue)
    if lemma == "call" and particle in ("for", "on"):
        prep = next((c for c in children if c.lower_ == particle and c.dep_ in ("prep", "prt")), None)
        if prep is None:
            return None
        toks = [t for t in prep.subtree if t.i != prep.i]
        if particle == "on" or prep.dep_ == "prt":
            for c in children:
                if c.dep_ in ("xcomp", "dobj", "ccomp") and c.i > prep.i:
                    toks.extend(c.subtree)
        return sorted(toks, key=lambda t: t.i) or None
    if lemma == "describe":
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        as_ = next((c for c in children if c.dep_ == "prep" and c.lower_ == "as"), None)
        if obj is not None and as_ is not None:
            return sorted(list(obj.subtree) + list(as_.subtree), key=lambda t: t.i)
        return None
    if lemma == "express":
        noun = next((c for c in children if c.dep_ == "dobj" and c.lemma_.lower() in EXPRESSED_NOUNS), None)
        if noun is None:
            return None
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and any(g.dep_ == "mark" for g in c.children)), None)
        return list(clause.subtree) if clause is not None else None
    if lemma not in INDIRECT_VERBS:
        return None
    clause = next((c for c in children if c.dep_ == "ccomp"), None)
    if clause is not None:
        return list(clause.subtree)
    if lemma in XCOMP_REPORTING:
        xcomp = next((c for c in children if c.dep_ == "xcomp" and c.i > cue.i), None)
        if xcomp is not None:
            obj = next((c for c in children if c.dep_ == "dobj" and c.i < xcomp.i), None)
            toks = list(xcomp.subtree) + (list(obj.subtree) if obj is not None else [])
            return sorted(toks, key=lambda t: t.i)
    return None


def _indirect_quotes(art: _Article, direct: list[Quote]) -> list[Quote]:
    ctx = art.ctx
    quotes: list[Quote] = []
    covered: list[tuple[int, int, str | None]] = []  # clauses reported, with their speaker
    direct_starts = {q.char_start for q in direct}
    for token in art.doc:
        if not is_cue(token) or is_negated(token) or art.in_quote(token.idx):
            continue
        outer = [speaker for lo, hi, speaker in covered if lo <= token.idx < hi]
        if ctx.sentence_at(token.idx) is None:
            continue
        clause = _reported_clause(token)
        if not clause:
            continue
        span = _clause_span(art, clause)
        if span is None:
            continue
        start, end = span
        # the clause must be reported speech, not the direct quote the verb introduces
        unquoted = sum(
            1 for p in range(start, end) if art.text[p].isalnum() and not art.in_quote(p)
        )
        alnum = sum(1 for p in range(start, end) if art.text[p].isalnum())
        if unquoted < 3 or (art.in_quote(start) and unquoted < 0.4 * alnum):
            continue
        if token.lower_ == "according" and any(is_cue(t) for t in clause if t.dep_ in ("ROOT", "ccomp") or t is token.head):
            continue  # "according to a text, he told delegates: …": the inner report is the quote
        sentence = ctx.sentence_at(start)
        if sentence is None or ctx.sentence_at(end - 1) is None:
            continue
        attribution = art.attribute(token)
        if attribution is None:
            continue
        if outer:
            # a report inside a report ("Sands says Goldsmith warned that …") counts only
            # for a new, named speaker; "he said he stressed …" is one quote
            inner = attribution.speaker
            if inner is None or inner.kind != "name" or inner.mention_id in outer:
                continue
        covered.append((start, end, attribution.speaker.mention_id if attribution.speaker else None))
        if start in direct_starts:
            continue
        quotes.append(
            Quote(
                quote_id=f"{ctx.article_id}#q{start}",
                article_id=ctx.article_id,
                sentence_id=sentence.sentence_id,
                speaker_mention_id=attribution.speaker.mention_id if attribution.speaker else None,
                speaker_surface=attribution.surface,
                text=art.text[start:end],
                kind="indirect",
                cue=attribution.cue,
                char_start=start,
                char_end=end,
            )
        )
    return quotes
