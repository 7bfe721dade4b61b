"""Protest as a position: who strikes, ballots on a strike or stages a protest over something
opposes it ("Unison will start balloting 800,000 local government workers on strikes" in a
report on "strikes over pensions reforms": Unison opposes the pensions reforms).

A protest noun (`protest_nouns`: strike, walkout, boycott, ...; "industrial action") that is
the object of a verb of holding, calling or joining it (`protest_verbs`), directly or through
its preposition ("balloting workers on strikes", "go on strike"), or any act done "in protest
against" something ("walked out ... in protest against the installation of ticket machines"),
gives the verb's subject a stance against what the protest is over: the noun's own
"over/against/at" object, else what the article's first protest that names one is over
("national strikes over pensions reforms").
A protest with no named cause, a negated or hypothetical one ("did not want to go on strike",
"could strike") and one averted or condemned by its subject ("anxious to avoid a strike") give
none. Limits: the cause of one dispute is lent to every protest of the article.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.gazetteer import load_gazetteer
from pipeline.nlp.mentions.vocabulary import SPEAKER_NOUNS, TITLE_NOUNS
from pipeline.nlp.stances.context import StanceArticle
from pipeline.nlp.stances.holders import holder_for
from pipeline.nlp.stances.polarity import has_negation, hypothetical
from pipeline.nlp.stances.signals import OUTSIDE_QUOTE_MIN_SCORE, Signal, signal
from pipeline.nlp.stances.words import BODY_NOUNS, PROTEST_NOUNS, PROTEST_PREPOSITIONS, PROTEST_VERBS

HOLDER_TYPES = frozenset({"PERSON", "ORGANIZATION", "COUNTRY", "GROUP"})
POSSIBILITY_MODALS = frozenset({"could", "might", "may", "would"})


def protest_signals(art: StanceArticle, noun: Token) -> list[Signal]:
    """A stance against the cause of a protest its holder holds, calls or joins."""
    if not is_protest(noun):
        return []
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" else None
    if verb is None or verb.pos_ != "VERB":
        return []
    verb, lemma = _whole_verb(verb)
    # "walked out ... in protest against the installation of ticket machines": any act
    in_protest = noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.lemma_.lower() == "protest"
    if not (in_protest or lemma in PROTEST_VERBS) or has_negation(art, verb) or hypothetical(verb):
        return []
    if any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS for c in verb.children):
        return []  # "up to 1.4m workers could take part in a strike": not yet anyone's act
    cause = own_cause(art, noun) or protest_cause(art)
    if cause is None:
        return []
    holder, quote = holder_for(art, verb, False)
    if holder is None or holder.entity_type not in HOLDER_TYPES:
        return []
    label, head = cause
    return signal(art, noun, -1, OUTSIDE_QUOTE_MIN_SCORE, label, head, holder, quote)


def _whole_verb(verb: Token) -> tuple[Token, str]:
    """A verb the tokenizer split at its hyphen ("co", "-", "ordinate"): its first piece, which
    the parser makes the clause's verb, and the whole word's lemma ("co-ordinate")."""
    doc, i = verb.doc, verb.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        return doc[i - 2], f"{doc[i - 2].lower_}-{verb.lemma_.lower()}"
    return verb, verb.lemma_.lower()


def is_protest(noun: Token) -> bool:
    """A protest noun, or "industrial action", "strike action"."""
    if noun.pos_ != "NOUN":
        return False
    lemma = noun.lemma_.lower()
    if lemma in PROTEST_NOUNS:
        return True
    return lemma == "action" and any(
        c.dep_ in ("amod", "compound") and (c.lower_ == "industrial" or c.lemma_.lower() in PROTEST_NOUNS)
        for c in noun.lefts
    )


def own_cause(art: StanceArticle, noun: Token) -> tuple[str, Token] | None:
    """What a protest noun says it is over, against or at ("strikes over pensions reforms")."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in PROTEST_PREPOSITIONS:
            continue
        cause = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
        if cause is None or not issue_noun(art, cause):
            continue
        label = art.labeller.noun_label(cause, resolve=False)
        if label:
            return label, cause
    return None


def protest_cause(art: StanceArticle) -> tuple[str, Token] | None:
    """What the article's first protest that names its cause is over ("a series of national
    strikes over pensions reforms" -> "pensions reforms")."""
    for token in art.doc:
        if is_protest(token):
            found = own_cause(art, token)
            if found is not None:
                return found
    return None


_BODY_NOUNS_OR_TITLE_NOUNS_OR_SPEAKER_NOUNS = BODY_NOUNS | TITLE_NOUNS | SPEAKER_NOUNS


def issue_noun(art: StanceArticle, noun: Token) -> bool:
    """A thing, not an actor: no mention of someone, no body or title noun, no name of a
    person or place, no count ("39K shanties")."""
    lemma = noun.lemma_.lower()
    if art.index.at(noun) is not None or lemma in _BODY_NOUNS_OR_TITLE_NOUNS_OR_SPEAKER_NOUNS:
        return False
    if load_gazetteer().match_role(noun.text) is not None:
        return False  # "prime minister of Macedonia": a post, not an issue
    if any(t.like_num or any(c.isdigit() for c in t.text) for t in noun.subtree):
        return False
    if noun.ent_type_ in ("PERSON", "NORP", "GPE", "ORG", "LOC", "DATE", "CARDINAL"):
        return False
    return not art.lex.is_generic_target(noun.lemma_)
