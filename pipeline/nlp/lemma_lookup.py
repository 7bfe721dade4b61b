"""The model's rule lemmatizer, its answers remembered by (spelling, part of speech, morphology).

spaCy's `Lemmatizer.__call__` makes a `Token` for every token of every article and calls
`rule_lemmatize` on each one that has no lemma yet. That function caches its answer by
(spelling, part of speech, morphology), but only on its long path: the answers it returns
early (a base form by its morphology, a proper noun, a part of speech without rules, two
tokens in three of news text) are worked out again every time; together a twelfth of the
parse. Every one of its answers depends on those three values alone (the text, `pos_` and,
through `is_base_form`, `morph`), the key of its own cache. `lemmatize_doc` reads them and
the lemmas with one `doc.to_array`, calls the lemmatizer once per new key (so its cache fills
as before) and remembers the answer, and writes the lemmas back with one `doc.from_array`:
the same lemmas for far fewer calls. Its index of known words becomes sets (`index_as_sets`).
"""

from __future__ import annotations

import functools

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

_COLUMNS = [ORTH, POS, MORPH, LEMMA]
MAX_KNOWN = 1_000_000
"""Answers remembered at most (per lemmatizer), then forgotten all at once."""


def _known(lemmatizer) -> dict[tuple, int]:
    """(spelling, part of speech, morphology) -> lemma hash, kept on the lemmatizer (whose
    vocab's string store holds every lemma in it)."""
    known = lemmatizer.__dict__.get("_newsevents_known")
    if known is None:
        known = lemmatizer.__dict__["_newsevents_known"] = {}
    return known


def lemmatize_doc(lemmatizer, doc: Doc) -> Doc:
    """What `lemmatizer(doc)` does for a rule-mode lemmatizer that does not overwrite."""
    if not len(doc):
        return doc
    if not lemmatizer._validated:  # noqa: SLF001 - the check spaCy's __call__ makes first
        lemmatizer._validate_tables(Errors.E1004)  # noqa: SLF001
    array = doc.to_array(_COLUMNS)
    rows = array.tolist()
    known = _known(lemmatizer)
    add = doc.vocab.strings.add
    changed = False
    for i, (orth, pos, morph, lemma) in enumerate(rows):
        if lemma != 0:
            continue
        key = (orth, pos, morph)
        found = known.get(key)
        if found is None:
            found = known[key] = add(lemmatizer.lemmatize(doc[i])[0])
            if len(known) > MAX_KNOWN:
                known.clear()
        array[i, 3] = found
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
    if type(lemmatizer).is_base_form not in (Lemmatizer.is_base_form, EnglishLemmatizer.is_base_form):
        return  # another language's test may read more of the token than the three values
    if type(lemmatizer).rule_lemmatize is not Lemmatizer.rule_lemmatize:
        return  # a subclass's rules may read more of the token than the three values too
    if not (hasattr(lemmatizer, "_validated") and hasattr(lemmatizer, "_validate_tables")):
        return  # a spaCy without the table check `lemmatize_doc` repeats
    if not type(lemmatizer).__name__.startswith("Lookup"):
        lemmatizer.__class__ = _lookup_class(type(lemmatizer))
    index_as_sets(lemmatizer)


def index_as_sets(lemmatizer) -> None:
    """The lemma index's word lists as sets. `rule_lemmatize` only asks whether a candidate
    form is in its part of speech's list (20,000 to 57,000 words, scanned one by one: most
    of the CPU of each new spelling it lemmatises); a set answers the same at once."""
    if not lemmatizer.lookups.has_table("lemma_index"):
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list) and all(isinstance(w, str) for w in words):
            table[key] = frozenset(words)
