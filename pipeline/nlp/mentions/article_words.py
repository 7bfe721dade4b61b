"""Per-article word indexes the classification rules share: the words an article writes in
lower case, where each word occurs, and a sentence's first word capitalised only for that.

Several rules (untagged names, sentence-case words, bodies run into a holder's name) ask
these of the same article; they are built once per doc and memoised on its token view, so
they live apart from any one rule.
"""

from __future__ import annotations

import functools

from pipeline.nlp.mentions.vocabulary import TITLE_NOUNS
from pipeline.nlp.token_view import view_of


def lowered_words(doc) -> set[str]:
    """The words the article writes in lower case (made once per doc; callers only read it)."""
    view = view_of(doc)
    return view.once(
        "lowered",
        lambda: {w for w, low, alpha in zip(view.text, view.is_lower, view.is_alpha, strict=True) if low and alpha},
    )


def word_positions(doc) -> dict[str, list[int]]:
    """Each word of the article with the indices it occurs at, in order (made once per doc;
    callers only read it)."""
    view = view_of(doc)

    def positions() -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for i, text in enumerate(view.text):
            found.setdefault(text, []).append(i)
        return found

    return view.once("positions", positions)


def title_case(token) -> bool:
    """A word written in title case ("Blair"), as a name's next or previous word is: the
    `capitalised` test `written_alone` most often takes."""
    return token.is_title


def written_alone(doc, ent, words: list[str], capitalised) -> bool:
    """Whether `words` occur together outside the span `ent` with no word `capitalised` says is
    capitalised on either side (one before the sentence's first word does not count): a
    surname or a name the article also writes on its own."""
    n = len(words)
    for i in word_positions(doc).get(words[0], ()):
        if ent.start <= i < ent.end or [t.text for t in doc[i : i + n]] != words:
            continue
        before = doc[i - 1] if i > 0 else None
        after = doc[i + n] if i + n < len(doc) else None
        if before is not None and capitalised(before) and not doc[i].is_sent_start:
            continue
        if after is not None and capitalised(after):
            continue
        return True
    return False


def capitalised_common_noun(token, lowered: set[str]) -> bool:
    """ "Bowler Shane Warne has stated …": a sentence's first word, capitalised only for
    that, which the article also writes in lower case ("bowler Daniel Vettori") or which is
    a post (title_nouns), is a description before the name, not part of it."""
    if not token.is_sent_start:
        return False
    # "Farmer Tony Martin", "Economist Roger Bootle": a word the tagger reads as a common noun
    # ("NN"), however rare in the article, describes the person named after it
    return token.lower_ in TITLE_NOUNS or token.lower_ in lowered or token.tag_ == "NN"


@functools.cache
def english_words(*parts: str) -> frozenset[str]:
    """The words the model's rule lemmatizer lists under these parts of speech ("noun",
    "verb", "adj", "adv"; all of them when none is named); none when it lists none (lookup
    mode)."""
    from pipeline.nlp.model import load_nlp  # deferred: the model loads once per process anyway

    try:
        index = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
        return frozenset().union(*(index[part] for part in parts)) if parts else frozenset().union(*index.values())
    except (KeyError, ValueError):
        return frozenset()


@functools.cache
def english_irregular_forms(*parts: str) -> frozenset[str]:
    """The irregular forms the model's rule lemmatizer lists under these parts of speech
    (its exceptions: "media" of "medium", "women" of "woman"), which `english_words` lacks;
    none when it lists none (lookup mode)."""
    from pipeline.nlp.model import load_nlp  # deferred: the model loads once per process anyway

    try:
        exceptions = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_exc")
        return frozenset().union(*(exceptions[part].keys() for part in parts))
    except (KeyError, ValueError):
        return frozenset()
