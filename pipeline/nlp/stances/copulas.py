"""Evaluative reported speech: a speaker's copular clause that judges something ("the plans
were a gimmick", "it is absolutely disgusting that …", "cutting the tax is the right thing to
do") is the speaker's stance on what it judges.

The judged thing of a copula is its subject; when the subject names nothing of its own:
- an expletive "it" with an infinitive or a that-clause ("it is right to cut taxes", "it was
  disgraceful that the Tories cut the budget"): the action or the clause;
- a demonstrative or "it" ("this is a worrying step"): what the previous sentence is about,
  its main clause's subject or object (`topic.antecedent_noun`).
The quote's speaker holds the stance (`judgements.evaluative_signals` reads the judging word).
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.stances.context import StanceArticle
from pipeline.nlp.stances.targets import Target, action_targets, noun_targets
from pipeline.nlp.stances.topic import antecedent_noun

PLACEHOLDER_SUBJECTS = frozenset({"it", "this", "that"})


def copula_targets(art: StanceArticle, word: Token, subject: Token) -> list[Target] | None:
    """Targets of a judgement whose subject is a placeholder ("it", "this"), or None when
    the subject names its own target."""
    if subject.dep_ == "csubj" and subject.pos_ in ("VERB", "AUX"):
        return action_targets(art, subject)  # "cutting the tax is the right thing to do"
    if subject.lower_ not in PLACEHOLDER_SUBJECTS:
        return None
    copula = word.head if word.dep_ in ("acomp", "attr", "oprd") else word.head.head
    for host in (word, copula):
        for child in host.children:
            if child.dep_ in ("xcomp", "advcl") and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
                return action_targets(art, child)  # "it is right to cut taxes"
            if child.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children):
                # "it is good that Labour has rejected the idea": through the clause's own stance
                composed = action_targets(art, child, label_actions=False)
                if composed:
                    return composed
                label = art.labeller.clause_label(child)
                return [Target(label, child)] if label else []  # "it was disgraceful that …"
    if word.dep_ == "amod" and any(c.dep_ == "relcl" or c.dep_ == "acl" for c in word.head.children):
        return []  # "it is the right thing to do": handled above when parsed as xcomp
    noun = antecedent_noun(art, subject)
    return noun_targets(art, noun) if noun is not None else []
