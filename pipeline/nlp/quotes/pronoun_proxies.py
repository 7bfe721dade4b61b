"""A subject pronoun speaker that takes up an unnamed subject of the sentence before.

"But a spokesman for the Home Office defended the proposals. He said: …"; "Correspondents
say 6,000 job losses had been expected. They say …": the mentions tie a pronoun to names
only, so "he" would be the last person named (the committee chairman quoted before) and
"they" the last body. A "he" or "she" reporting in a main clause, with no one named before
it in its sentence, continues the sentence before's main subject when that is a proxy
("spokesman", "official": whoever it speaks for, eval/GUIDE.md, who speaks for a body;
also "The spokesman stressed …", which the mentions read as a title tied to nobody); a
"they" there continues a plural subject no name covers ("correspondents", "analysts"), a
generic source that gives speaker null (eval/GUIDE.md, Entities). Plural proxies ("Yukos
lawyers … They said") speak for their principal as well.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from pipeline.nlp.mentions.vocabulary import GENDERED_TITLES, GOVERNMENT_NOUNS
from pipeline.nlp.quotes.context import QuoteArticle
from pipeline.nlp.quotes.cues import BODY_NOUNS, PROXY_NOUNS
from pipeline.nlp.quotes.genders import PRONOUN_GENDER
from pipeline.nlp.quotes.pronoun_posts import main_subject_before, untied_proxy
from pipeline.nlp.records import Mention


def unnamed_subject_before(
    art: QuoteArticle, cue: Token, pronoun: Token, speaker_of: Callable[[Token], Mention | None]
) -> tuple[Mention | None] | None:
    """(speaker,) when the pronoun takes up an unnamed subject of the sentence before (module
    docstring), the speaker possibly None (a generic source, a proxy of nobody named);
    None when the rule does not apply. `speaker_of(verb)` is whom a verb's subject speaks
    as (the speakers pass's attribution)."""
    main = main_subject_before(art, cue, pronoun)
    if main is None or main.pos_ != "NOUN":
        return None
    covering = art.index.at(main)
    if covering is not None and not untied_proxy(main, covering):
        return None
    noun = main.lemma_.lower()
    if pronoun.lower_ in PRONOUN_GENDER:
        said = GENDERED_TITLES.get(main.lower_)
        if main.tag_ != "NN" or noun not in PROXY_NOUNS or said not in (None, PRONOUN_GENDER[pronoun.lower_]):
            return None
        return (speaker_of(main.head),)
    if main.tag_ != "NNS":
        return None
    if noun in PROXY_NOUNS:
        return (speaker_of(main.head),)
    if noun in GOVERNMENT_NOUNS or noun in BODY_NOUNS or any(art.index.at(t) is not None for t in main.subtree):
        return None  # "ministers", "the companies", "Labour MPs": someone the text may name
    return (None,)
