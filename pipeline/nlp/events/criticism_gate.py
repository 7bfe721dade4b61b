"""Which words may criticise, told from the word alone: `may_judge`.

The quoted-criticism pass (`speech.speech_drafts`) asks `unsound`, `untrusted`,
`denied_virtue` and `criticises` of every word of every quote, and making each word's
`Token` and reading its attributes a dozen times over was most of that pass's time. Each
of those tests opens with something the word itself decides: a verb, a past participle,
a word of a list (`excess_words`, `conduct_adverbs`, `virtue_words`, `blame_adjectives`, the first word of a
`criticism_phrases` entry, "nothing"), or a judging word (`criticism.judging_word`). A word
that passes none of those openings makes all four false, so the pass skips it on the
token view. Answers are kept per (word, lemma, part of speech, tag, dependency).
"""

from __future__ import annotations

from pipeline.nlp.events.criticism import CRITICISM_OPENERS, SHORTCOMING_VERBS, judging_word
from pipeline.nlp.events.vocabulary import BLAME_ADJECTIVES, CONDUCT_ADVERBS, EXCESS_WORDS, VIRTUE_WORDS
from pipeline.nlp.lexicons import StanceLexicon, load_stance_lexicon
from pipeline.nlp.token_view import TokenView

_KEPT = 100_000
"""Answers kept at most; past that they are made again (memory stays bounded)."""
_answers: dict[tuple[str, str, str, str, str], bool] = {}
_made_with: list[StanceLexicon] = []  # the lexicon the kept answers were made with


def may_judge(view: TokenView, i: int) -> bool:
    """False where `unsound`, `untrusted`, `denied_virtue` and `criticises` are all surely
    false for token i; True where any of them may hold."""
    lexicon = load_stance_lexicon()
    if _made_with != [lexicon] or len(_answers) > _KEPT:
        _answers.clear()
        _made_with[:] = [lexicon]
    key = (view.lower[i], view.lemma[i], view.pos[i], view.tag[i], view.dep[i])
    found = _answers.get(key)
    if found is None:
        found = _answers[key] = _opens_a_judgement(*key)
    return found


def _opens_a_judgement(lower: str, lemma: str, pos: str, tag: str, dep: str) -> bool:
    """Whether a word may open one of the four tests (see the module's docstring)."""
    if pos == "VERB" or tag == "VBN":
        return True  # unsound, untrusted, a reproach, a broken norm, a shortcoming, a harm; a fitness denied
    if lower in EXCESS_WORDS or lower in CRITICISM_OPENERS or lower == "nothing":
        return True
    if pos == "ADJ" and lemma.lower() in BLAME_ADJECTIVES:
        return True  # blame for a harm: "was responsible for the attack"
    if pos == "NOUN" and lemma.lower() in SHORTCOMING_VERBS:
        return True  # a failing's verb as a noun: "a lack of judgment"
    if dep == "advmod" and lower in CONDUCT_ADVERBS or pos == "ADJ" and dep == "acomp" and lower in VIRTUE_WORDS:
        return True  # a virtue denied: "is not behaving sensibly", "was not honest"
    return judging_word(lower, lemma.lower(), pos)
