"""The records that extractors hand to resolution, one article at a time.

They are plain, picklable dataclasses: parsing runs in worker processes, and only
these records (not spaCy Docs) travel back. Cross-article links (entity ids, event
ids) are made later, by resolution over all articles, so every reference here is to
a `mention_id` within the same article.
"""

from __future__ import annotations

import bisect
import functools
import operator
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from typing import TYPE_CHECKING

from pipeline.nlp.layout import Layout

if TYPE_CHECKING:  # records travel without spaCy: reading the cache must not import it
    from spacy.tokens import Doc, Span


@dataclass(frozen=True, slots=True)
class Sentence:
    sentence_id: int
    section: str  # headline | caption | body | trailer
    paragraph_id: int | None
    char_start: int
    char_end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    mention_id: str  # f"{article_id}#m{char_start}"; a group whose start a demonym holds: its noun's offset
    article_id: str
    sentence_id: int
    surface: str  # exactly text[char_start:char_end]
    char_start: int
    char_end: int
    ner_label: str  # spaCy/ruler label: PERSON, GPE, ORG, NORP, LOC, FAC, PRON, ROLE
    entity_type: str  # PERSON | COUNTRY | ORGANIZATION | LOCATION | GROUP
    kind: str  # name | demonym | metonym | pronoun | title
    name: str  # normalised name used for linking ("Sergei Lavrov"; titles and "Mr" removed)
    gazetteer_id: str | None = None  # entity id when the gazetteer knows it
    role: str | None = None  # title attached in this mention's context
    country_iso3: str | None = None  # affiliation from the title/context
    antecedent: str | None = None  # mention_id this one refers back to (pronouns, "the minister")


@dataclass(frozen=True, slots=True)
class Quote:
    quote_id: str  # f"{article_id}#q{char_start}"
    article_id: str
    sentence_id: int
    speaker_mention_id: str | None
    speaker_surface: str | None
    text: str  # exactly text[char_start:char_end]
    kind: str  # direct | indirect
    cue: str | None
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class Stance:
    article_id: str
    sentence_id: int
    holder_mention_id: str | None
    target: str  # normalised issue label
    target_mention_id: str | None
    polarity: str  # support | oppose | neutral
    score: float  # 0..1 strength
    evidence: str
    quote_id: str | None = None


@dataclass(frozen=True, slots=True)
class EventCandidate:
    article_id: str
    sentence_id: int
    trigger: str  # as written
    event_type: str  # PLOVER type
    event_mode: str | None
    cameo_root: str | None
    modality: str  # asserted | negated | hypothetical | future
    sources: tuple[str, ...]  # mention ids
    targets: tuple[str, ...]
    participants: tuple[str, ...]
    mediators: tuple[str, ...]
    date_text: str | None  # the expression the date comes from ("on Tuesday"), resolved later
    location_mention_id: str | None
    evidence: str  # the sentence text
    confidence: float = 0.5


@dataclass
class ArticleContext:
    """One parsed article as every extractor sees it."""

    article_id: str
    text: str  # decoded text; all offsets index it
    doc: Doc  # parse of the same characters
    layout: Layout
    sentences: list[Sentence]
    published_date: date | None = None
    _starts: list[int] = field(default_factory=list, repr=False)
    _spans: dict[tuple[int, int], Span | None] = field(default_factory=dict, repr=False)
    _token_sentences: list[Sentence | None] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._starts = [s.char_start for s in self.sentences]

    def sentence_span(self, sentence: Sentence) -> Span | None:
        """The sentence's tokens (its characters expanded to whole tokens; None when they hold
        none), made once per article for every extractor that walks it."""
        key = (sentence.char_start, sentence.char_end)
        if key not in self._spans:
            self._spans[key] = self.doc.char_span(sentence.char_start, sentence.char_end, alignment_mode="expand")
        return self._spans[key]

    def sentence_at(self, char: int) -> Sentence | None:
        """The sentence containing a character offset, if any."""
        index = bisect.bisect_right(self._starts, char) - 1
        if index >= 0 and char < self.sentences[index].char_end:
            return self.sentences[index]
        return None

    def token_sentences(self) -> list[Sentence | None]:
        """`sentence_at` each token's first character, by token index: found in one walk
        along the tokens and sentences together, for the passes that ask it of every token
        (a binary search per token cost them as much as their own tests)."""
        if self._token_sentences is None:
            from pipeline.nlp.token_view import view_of  # spaCy only once there is a doc to read

            found: list[Sentence | None] = []
            starts, sentences, after = self._starts, self.sentences, 0  # after: sentences starting at or before
            for idx in view_of(self.doc).idx:  # ascending, like the sentence starts
                while after < len(starts) and starts[after] <= idx:
                    after += 1
                sentence = sentences[after - 1] if after else None
                found.append(sentence if sentence is not None and idx < sentence.char_end else None)
            self._token_sentences = found
        return self._token_sentences


@dataclass
class ArticleExtraction:
    """Everything extracted from one article; the unit cached between runs."""

    article: dict
    sentences: list[Sentence]
    mentions: list[Mention]
    quotes: list[Quote]
    stances: list[Stance]
    events: list[EventCandidate]


@functools.cache
def field_reader(kind: type) -> tuple[tuple[str, ...], Callable[[object], tuple]]:
    """A record dataclass's field names, and a function reading a record's values in that
    order: what `asdict` / `astuple` give for records of plain values, without their
    recursive copy of each value (most of the cost of writing cache entries and table rows).
    `attrgetter` of one name gives the value, not a 1-tuple, hence the one-field case."""
    names = tuple(f.name for f in fields(kind))
    if len(names) == 1:
        return names, lambda record: (getattr(record, names[0]),)
    return names, operator.attrgetter(*names)
