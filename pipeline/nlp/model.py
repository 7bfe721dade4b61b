"""The spaCy pipeline every extractor shares: one parse per article, never two.

The statistical model is extended with two components:
- `newsevents_blocks` makes every layout block (headline, caption, paragraph, trailer)
  start a new sentence, so no sentence straddles a caption or a paragraph break;
- a `span_ruler` fed by the shipped gazetteer after the statistical NER (its token
  patterns, exact spellings, found by `ExactSpellings`), and
  `newsevents_reconcile` merging its matches into the NER's entities
  (`pipeline/nlp/mentions/reconcile.py`): countries, organisations, demonyms and capitals
  get the gazetteer's label and id, but a known word never carves a longer name
  ("Sheffield Wednesday", "Radio Romania", "Bank of America" stay whole);
- the model's `attribute_ruler` and `lemmatizer` keep their rules and data but find their
  matches and cached lemmas by lookup (`speed_up_model_components`), with the same results;
- `newsevents_lemma_fixes` after the lemmatizer, which corrects the lemmas the model is
  known to get wrong (`pipeline/knowledge/lemma_fixes.yaml`, `lemma_fixer`), so every
  extractor reads the same corrected `token.lemma_`.

The gazetteer's ruler patterns are data made from the knowledge files with a blank English
tokenizer: building that tokenizer and the patterns was a large share of every model load,
paid by each extraction run, the warm worker of a one-article rerun included. They are kept
as JSON in the cache folder under the extractors' fingerprint (code, knowledge files, spaCy
and the model), which covers everything that makes them (`ruler_patterns`).
"""

from __future__ import annotations

import functools
import json
import warnings
from pathlib import Path

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline import settings
from pipeline.atomic import atomic_path
from pipeline.nlp import attribute_lookup, lemma_lookup
from pipeline.nlp.gazetteer import RULER_CONFIG, load_gazetteer
from pipeline.nlp.lemma_fixer import LEMMA_FIXES
from pipeline.nlp.mentions.reconcile import GAZETTEER_KEY, RECONCILE
from pipeline.nlp.version import extractor_version

BLOCK_STARTS_KEY = "newsevents_block_starts"


@Language.component("newsevents_blocks")
def mark_block_starts(doc: Doc) -> Doc:
    """Start a sentence at each layout block, and after any line break; a block's second
    word never starts one ("Michael | Howard is to make a pitch …", "UK | Foreign Secretary
    Jack Straw has …": the parser may cut a lead after its first word, losing its subject).

    All starts are written in one `Doc.from_array` call: setting `token.is_sent_start`
    token by token makes spaCy scan the whole Doc for a parse each time, which made
    articles of many short lines take quadratic time.
    """
    if len(doc) < 2:
        return doc
    starts = set(doc.user_data.get(BLOCK_STARTS_KEY, ()))
    values = doc.to_array([SENT_START]).astype("int64")  # signed: -1 is "not a start"
    for token in doc[1:]:
        previous = doc[token.i - 1]
        after_break = previous.is_space and "\n" in previous.text
        if token.idx in starts or (after_break and not token.is_space):
            values[token.i] = 1
        elif previous.idx in starts and not previous.is_punct and token.is_alpha:
            values[token.i] = -1
    doc.from_array([SENT_START], values.astype("uint64"))  # spaCy reads -1 back from its wrap-around
    return doc


class ExactSpellings:
    """The gazetteer ruler's matcher for its token patterns, which are all exact spellings
    (`ORTH` only: the case-sensitive names, "UAE", "Liberal Democrats", in capitals too).

    spaCy's token `Matcher` tries every pattern at every token: its ~160 one- to three-word
    patterns cost five times the ~1,600 phrase patterns and a twentieth of the whole parse.
    A `PhraseMatcher` on `ORTH` finds the same (key, start, end) matches by lookup, and the
    ruler makes the same spans of them (it sorts and deduplicates whatever its matchers find).
    Any other kind of token pattern is refused rather than matched differently.
    """

    def __init__(self, vocab):
        self.vocab = vocab
        self.phrases = PhraseMatcher(vocab, attr="ORTH")

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        docs = []
        for pattern in patterns:
            if not all(isinstance(t, dict) and list(t) == ["ORTH"] and isinstance(t["ORTH"], str) for t in pattern):
                raise ValueError(f"the gazetteer ruler takes exact spellings ({{'ORTH': str}}) only: {pattern!r}")
            docs.append(Doc(self.vocab, words=[t["ORTH"] for t in pattern]))
        self.phrases.add(key, docs)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        return self.phrases(doc)

    def __contains__(self, key: str) -> bool:
        return key in self.phrases

    def __len__(self) -> int:
        return len(self.phrases)

    def remove(self, key: str) -> None:
        self.phrases.remove(key)


@functools.lru_cache(maxsize=2)
def load_nlp(model_name: str | None = None) -> Language:
    """Load the configured model once per process, with the project's components added."""
    nlp = spacy.load(model_name or settings.spacy_model_name())
    speed_up_model_components(nlp)
    nlp.add_pipe("newsevents_blocks", before="parser")
    ruler = nlp.add_pipe(
        "span_ruler",
        name="newsevents_gazetteer",
        after="ner",
        config={**RULER_CONFIG, "spans_key": GAZETTEER_KEY, "annotate_ents": False, "overwrite": True},
    )
    ruler.matcher = ExactSpellings(nlp.vocab)
    # The ruler runs its phrase patterns through the components before it; matching on
    # LOWER needs only the tokenizer, so skip tagging and parsing ~1,500 names at load.
    with nlp.select_pipes(disable=nlp.pipe_names):
        ruler.add_patterns(ruler_patterns())
    nlp.add_pipe(RECONCILE, after="newsevents_gazetteer")
    nlp.add_pipe(LEMMA_FIXES, after="lemmatizer")
    return nlp


def patterns_path() -> Path:
    """Where the gazetteer's ruler patterns of the current extractors are kept."""
    return settings.cache_dir() / "gazetteer-patterns" / f"{extractor_version()}.json"


def ruler_patterns() -> list[dict]:
    """The gazetteer's ruler patterns (`Gazetteer.entity_ruler_patterns`), read from the cache
    folder when a process made them before for the same extractors' fingerprint, else made
    and written there (atomically: a reader never sees half a file). A file that cannot be
    read or written is no error: the patterns are made again."""
    try:
        path = patterns_path()  # no home folder to find the cache in is no error either
        kept = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(kept, list):
            return kept
    except (OSError, RuntimeError, ValueError):
        pass
    patterns = load_gazetteer().entity_ruler_patterns()
    try:
        with atomic_path(patterns_path()) as temp:
            temp.write_text(json.dumps(patterns, ensure_ascii=False), encoding="utf-8")
    except (OSError, RuntimeError):
        pass
    return patterns


def speed_up_model_components(nlp: Language) -> None:
    """The model's attribute ruler and lemmatizer, run by lookups that give the same
    annotations (`attribute_lookup`, `lemma_lookup`): together a fifth of the parse before.
    The lookups read spaCy internals (the ruler's patterns, the lemmatizer's table check); a
    spaCy whose internals differ keeps its own components, with a warning, rather than
    failing to load."""
    for name, use_lookup in (("attribute_ruler", attribute_lookup.use_lookup), ("lemmatizer", lemma_lookup.use_lookup)):
        if name not in nlp.pipe_names:
            continue
        try:
            use_lookup(nlp.get_pipe(name))
        except Exception as e:  # noqa: BLE001 - any failure leaves spaCy's own component
            warnings.warn(f"spaCy's {name} runs unchanged: its lookup could not be set up ({e!r})", stacklevel=2)


def make_doc(nlp: Language, text: str, block_starts: list[int]) -> Doc:
    """A tokenised Doc carrying the layout's block starts for `newsevents_blocks`."""
    doc = nlp.make_doc(text)
    doc.user_data[BLOCK_STARTS_KEY] = list(block_starts)
    return doc
