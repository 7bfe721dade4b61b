"""`newsevents_lemma_fixes`: the lemmas the model is known to get wrong, corrected after the
lemmatizer (`pipeline/knowledge/lemma_fixes.yaml`), so every extractor reads the same
corrected `token.lemma_`.

A token written as one of a fix's forms, tagged as a verb (a tag starting "VB"), whose model
lemma is the fix's wrong one, gets the fix's lemma. An `attribute_ruler` did this with one
token pattern per fix, which spaCy's `Matcher` tried at every token of every article (a
fiftieth of the parse); each form belongs to one fix only, so the forms are looked up in
one array pass and only the few tokens written so are made and tested.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.lexicons import LemmaFix, load_lemma_fixes

LEMMA_FIXES = "newsevents_lemma_fixes"


class LemmaFixer:
    """The fixes by the hash of each form's lower-case spelling."""

    def __init__(self, vocab, fixes: tuple[LemmaFix, ...]):
        self.by_form = {vocab.strings.add(form): fix for fix in fixes for form in fix.forms}
        self.forms = numpy.array(sorted(self.by_form), dtype=numpy.uint64)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not len(self.forms):
            return doc
        lower = doc.to_array(LOWER)
        for i in numpy.flatnonzero(numpy.isin(lower, self.forms)).tolist():
            token = doc[i]
            fix = self.by_form[token.lower]
            if token.lemma_ == fix.wrong and token.tag_.startswith("VB"):
                token.lemma_ = fix.lemma
        return doc


@Language.factory(LEMMA_FIXES)
def make_lemma_fixer(nlp: Language, name: str) -> LemmaFixer:
    return LemmaFixer(nlp.vocab, load_lemma_fixes())
