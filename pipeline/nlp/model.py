"""The spaCy pipeline every extractor shares: one parse per article, never two.

The statistical model is extended with two components:
- `newsevents_blocks` makes every layout block (headline, caption, paragraph, trailer)
  start a new sentence, so no sentence straddles a caption or a paragraph break;
- a `span_ruler` fed by the shipped gazetteer after the statistical NER, and
  `newsevents_reconcile` merging its matches into the NER's entities
  (`pipeline/nlp/mentions/reconcile.py`): countries, organisations, demonyms and capitals
  get the gazetteer's label and id, but a known word never carves a longer name
  ("Sheffield Wednesday", "Radio Romania", "Bank of America" stay whole);
- `newsevents_lemma_fixes`, an `attribute_ruler` after the lemmatizer that corrects the
  lemmas the model is known to get wrong (`pipeline/knowledge/lemma_fixes.yaml`), so
  every extractor reads the same corrected `token.lemma_`.
"""

from __future__ import annotations

import functools

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import settings
from pipeline.nlp.gazetteer import RULER_CONFIG, load_gazetteer
from pipeline.nlp.lexicons import load_lemma_fixes
from pipeline.nlp.mentions.reconcile import GAZETTEER_KEY, RECONCILE

BLOCK_STARTS_KEY = "newsevents_block_starts"
LEMMA_FIXES = "newsevents_lemma_fixes"


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


@functools.lru_cache(maxsize=2)
def load_nlp(model_name: str | None = None) -> Language:
    """Load the configured model once per process, with the project's components added."""
    nlp = spacy.load(model_name or settings.spacy_model_name())
    nlp.add_pipe("newsevents_blocks", before="parser")
    ruler = nlp.add_pipe(
        "span_ruler",
        name="newsevents_gazetteer",
        after="ner",
        config={**RULER_CONFIG, "spans_key": GAZETTEER_KEY, "annotate_ents": False, "overwrite": True},
    )
    # The ruler runs its phrase patterns through the components before it; matching on
    # LOWER needs only the tokenizer, so skip tagging and parsing ~1,500 names at load.
    with nlp.select_pipes(disable=nlp.pipe_names):
        ruler.add_patterns(load_gazetteer().entity_ruler_patterns())
    nlp.add_pipe(RECONCILE, after="newsevents_gazetteer")
    fixes = nlp.add_pipe("attribute_ruler", name=LEMMA_FIXES, after="lemmatizer")
    fixes.add_patterns([fix.pattern() for fix in load_lemma_fixes()])
    return nlp


def make_doc(nlp: Language, text: str, block_starts: list[int]) -> Doc:
    """A tokenised Doc carrying the layout's block starts for `newsevents_blocks`."""
    doc = nlp.make_doc(text)
    doc.user_data[BLOCK_STARTS_KEY] = list(block_starts)
    return doc
