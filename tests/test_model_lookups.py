"""The attribute ruler's lookup matcher and the lemmatizer's cache lookups give exactly the
annotations of spaCy's own components (`pipeline/nlp/attribute_lookup.py`, `lemma_lookup.py`)."""

from __future__ import annotations

import functools

import numpy
import spacy

from pipeline import settings
from pipeline.nlp.attribute_lookup import AttributeLookup, use_lookup
from pipeline.nlp.model import load_nlp, speed_up_model_components

# Sentences that reach the ruler's rarer patterns too: contractions and colloquial spellings
# (several tokens, REGEX), pronouns by dependency, auxiliaries, "but" as an adverb, white space.
TEXTS = [
    "I ain't gonna say it, but you know what? We got ta go, let's c'm on.",
    "Nothin' was done.  Y'all said it was there: there is a case, and there were two.\n\nHe gets what he got.",
    "The minister, who had rejected the plan, did not resign; the unions have called a strike.",
    "Which of them did it? That is what I asked him, and he told me it was all but over.",
    "Talks between Armenia and Azerbaijan resumed on Tuesday in Brussels, officials said.",
]
ATTRS = ["ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD"]


@functools.lru_cache(maxsize=1)
def _stock():
    return spacy.load(settings.spacy_model_name())


@functools.lru_cache(maxsize=1)
def _fast():
    nlp = spacy.load(settings.spacy_model_name())
    speed_up_model_components(nlp)
    return nlp


def test_the_project_pipeline_uses_the_lookups():
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("attribute_ruler").matcher, AttributeLookup)
    assert "set_annotations" in vars(nlp.get_pipe("attribute_ruler"))  # the one-array writer
    assert type(nlp.get_pipe("lemmatizer")).__name__.startswith("Lookup")


def test_the_ruler_keeps_its_patterns():
    assert _fast().get_pipe("attribute_ruler").patterns == _stock().get_pipe("attribute_ruler").patterns


def test_the_lookup_matcher_finds_the_same_matches():
    stock, fast = _stock().get_pipe("attribute_ruler"), _fast().get_pipe("attribute_ruler")
    with _stock().select_pipes(enable=["tok2vec", "tagger", "parser"]):
        docs = list(_stock().pipe(TEXTS))
    for doc in docs:
        expected = sorted(stock.matcher(doc, allow_missing=True, as_spans=False))
        assert sorted(fast.matcher(doc, allow_missing=True, as_spans=False)) == expected


def test_every_annotation_is_the_stock_components_own():
    for stock, fast in zip(_stock().pipe(TEXTS), _fast().pipe(TEXTS), strict=True):
        assert numpy.array_equal(stock.to_array(ATTRS), fast.to_array(ATTRS))
        assert [(t.lemma_, str(t.morph), t.pos_) for t in stock] == [(t.lemma_, str(t.morph), t.pos_) for t in fast]


def test_a_ruler_setting_a_lexical_attribute_keeps_spacys_writer():
    """spaCy writes NORM on the token and the other lexical attributes on the lexeme too: such
    a ruler keeps its own `set_annotations`; one setting token attributes only gets the
    one-array writer, with spaCy's result, a later pattern over an earlier one."""
    lexical = spacy.blank("en").add_pipe("attribute_ruler")
    lexical.add([[{"LOWER": "gonna"}]], {"NORM": "going to"})
    use_lookup(lexical)
    assert "set_annotations" not in vars(lexical)
    nlp = spacy.blank("en")
    own = nlp.add_pipe("attribute_ruler")
    own.add([[{"LOWER": "talks"}]], {"POS": "NOUN", "LEMMA": "talk"})
    own.add([[{"LOWER": "talks"}, {"LOWER": "resumed"}]], {"POS": "PROPN"}, index=0)
    use_lookup(own)
    assert "set_annotations" in vars(own)
    doc = nlp("Talks resumed; talks stalled.")
    assert [(t.pos_, t.lemma_) for t in doc[:1]] == [("PROPN", "talk")] and doc[3].pos_ == "NOUN"
