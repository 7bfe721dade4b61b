"""The model's rule lemmatizer applied through its own cache, without a `Token` per token.

spaCy's `Lemmatizer.__call__` makes a `Token` for every token of every article, asks it
for its lemma and, when there is none yet, calls `rule_lemmatize`, which first looks the
token up in the lemmatizer's cache by (spelling, part of speech, morphology); nearly every
token is found there, so most of the component's CPU (a twelfth of the parse) is the
Python around that lookup. `lemmatize_doc` reads those three columns and the lemmas with
one `doc.to_array`, looks each unlemmatised token up in the same cache and calls the
lemmatizer itself only on a miss (which fills the cache, as before), then writes the lemmas
back with one `doc.from_array`. Same cache, same order, same rules: the same lemmas.
"""

from __future__ import annotations

import functools

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.tokens import Doc

_COLUMNS = [ORTH, POS, MORPH, LEMMA]


def lemmatize_doc(lemmatizer, doc: Doc) -> Doc:
    """What `lemmatizer(doc)` does for a rule-mode lemmatizer that does not overwrite."""
    if not len(doc):
        return doc
    if not lemmatizer._validated:  # noqa: SLF001 - the check spaCy's __call__ makes first
        lemmatizer._validate_tables(Errors.E1004)  # noqa: SLF001
    array = doc.to_array(_COLUMNS)
    rows = array.tolist()
    cache = lemmatizer.cache
    add = doc.vocab.strings.add
    changed = False
    for i, (orth, pos, morph, lemma) in enumerate(rows):
        if lemma != 0:
            continue
        forms = cache.get((orth, pos, morph))
        if forms is None:
            forms = lemmatizer.lemmatize(doc[i])
        array[i, 3] = add(forms[0])
        changed = True
    if changed:
        doc.from_array([LEMMA], array[:, 3].copy())
    return doc


@functools.cache
def _lookup_class(base: type) -> type:
    """`base` with `lemmatize_doc` as its `__call__` (`Pipe.pipe` calls it per doc)."""

    def __call__(self, doc: Doc) -> Doc:
        try:
            return lemmatize_doc(self, doc)
        except Exception as e:  # noqa: BLE001 - handed to spaCy's handler, as its __call__ does
            return self.get_error_handler()(self.name, self, [doc], e)

    return type(f"Lookup{base.__name__}", (base,), {"__call__": __call__, "__doc__": lemmatize_doc.__doc__})


def use_lookup(lemmatizer) -> None:
    """Make `lemmatizer` (a spaCy rule lemmatizer that keeps existing lemmas) lemmatise
    through `lemmatize_doc`; any other kind is left as it is."""
    if lemmatizer.mode != "rule" or lemmatizer.overwrite or lemmatizer.lemmatize != lemmatizer.rule_lemmatize:
        return
    if not type(lemmatizer).__name__.startswith("Lookup"):
        lemmatizer.__class__ = _lookup_class(type(lemmatizer))
