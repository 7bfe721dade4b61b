"""Noun-phrase actors: the actor mentions a noun phrase names (`np_actors`).

Every other actor reader (subjects.py, owners.py, the verb and noun fillers in actors.py)
builds on `np_actors`, so it lives below them all. The state an "in" phrase puts an act in
(`state_where`, "police arrested them in Kiev") is read here too: it reads the phrase with
`np_actors`, and `np_actors` uses it for "officials in Mumbai, India", a recursion that
has to stay within one module. `partners` ("talks with X") is the noun-phrase reader that
subjects.py and actors.py share.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.events.draft import actor_at, pobjs, unique
from pipeline.nlp.events.places import country_of_place, state_of, state_of_place
from pipeline.nlp.events.state_agents import state_of_agents
from pipeline.nlp.events.vocabulary import (
    BODY_REFERENCE_NOUNS,
    COUNT_NOUNS,
    DISCOURSE_NOUNS,
    GROUP_COUNTS,
    GROUP_HEADS,
    OFFICE_HOLDER_NOUNS,
    PAIR_NOUNS,
    SPOKESPERSON_NOUNS,
    STATE_AGENT_HEADS,
)
from pipeline.nlp.lexicons import load_event_triggers
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import MentionIndex


def np_actors(
    token: Token, index: MentionIndex, depth: int = 0, allow_pronoun_possessor: bool = False
) -> list[Mention]:
    """Actor mentions a noun phrase headed by `token` names, conjuncts included."""
    if depth > 6:
        return []
    out: list[Mention] = []
    covering = actor_at(index, token)
    if covering is not None and covering.entity_type == "GROUP" and (counted := _group_antecedent(token, index)):
        out += counted  # "the three MPs": the three named before, not a group of MPs
    elif covering is not None and (states := _office_holders_states(token, covering, index)):
        out += states  # "the Japanese and Chinese leaders": Japan and China, not a group
    elif covering is not None:
        out.append(covering)
        out += state_of_agents(token, covering, index)  # "Israeli troops": Israel's too
        for child in token.children:  # "the minister, Sergei Lavrov"; not "X, Y's secretary"
            if child.dep_ == "appos" and actor_at(index, child) is not None:
                out += np_actors(child, index, depth + 1)
    elif _counted_group(token):
        # "the two sides", "both ex-Soviet states": the pair named before, never the
        # modifier that describes them
        out += _group_antecedent(token, index)
    elif (body := _body_taken_up(token, index)) is not None:
        out.append(body)  # "The LTTE was banned. The outfit attacked ...": the LTTE
    elif (
        token.pos_ in ("NOUN", "PROPN", "ADJ", "PRON", "NUM", "X")
        or token.dep_ in ("compound", "amod")
        or _noun_read_as_verb(token)
    ):
        topic = token.lemma_.lower() in DISCOURSE_NOUNS or token.lower_ in DISCOURSE_NOUNS
        for child in token.children:
            if child.dep_ in ("compound", "amod", "nmod", "appos", "npadvmod"):
                found = np_actors(child, index, depth + 1)
                if topic:  # "UK policy" names its owner; "the 'no Welsh' plan" names a topic
                    found = [m for m in found if m.kind == "name" and m.entity_type in ("COUNTRY", "ORGANIZATION")]
                out += found or state_of_place(token, child, index)  # "Madrid police": Spain's
            elif child.dep_ == "poss":
                if child.pos_ == "PRON" and not allow_pronoun_possessor:
                    continue  # "his counterparts" are not him
                out += np_actors(child, index, depth + 1)
            elif child.dep_ in ("prep", "agent") and (
                (child.lower_ in ("of", "by") and topic) or (child.lower_ in ("by", "from") and _said_act(token))
            ):
                # "the policies of the government", "the handling of the crisis by the Home
                # Office", "the criticism by the US": words, plans, aims and what was said
                # are whoever holds or said them, as a possessor is ("Blair's plans"); a
                # place there is what they are about (the "of" of a criticism is its target)
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out += [m for m in np_actors(pobj, index, depth + 1) if m.entity_type != "LOCATION"]
            elif child.dep_ == "prep" and (
                child.lower_ in ("of", "from")
                and token.lemma_.lower() in GROUP_HEADS
                or child.lower_ == "for"
                and token.lemma_.lower() in SPOKESPERSON_NOUNS
            ):
                # "officials from both states"; "a spokesman for UKIP" speaks as UKIP (eval/GUIDE.md)
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out += np_actors(pobj, index, depth + 1)
            elif child.dep_ == "prep" and child.lower_ == "in" and token.lemma_.lower() in GROUP_HEADS:
                # "officials in Mumbai, India", "police in Iraq": the state they serve
                if token.lemma_.lower() in STATE_AGENT_HEADS:
                    out += _state_in(child, index)
                else:
                    out += _countries_named_in(child, index)
            elif child.dep_ == "prep" and child.lower_ == "of" and token.pos_ == "PROPN" and token.is_title:
                # "Archbishop of Canterbury Dr Rowan Williams": a title whose name the
                # parser hung inside its "of" phrase; only a person there is the title holder
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out += [
                            m
                            for m in np_actors(pobj, index, depth + 1)
                            if m.entity_type == "PERSON" and m.kind == "name"
                        ]
    for child in token.children:
        if child.dep_ == "conj":
            out += np_actors(child, index, depth + 1, allow_pronoun_possessor)
    return unique(out)


# Sentences back (besides its own) a body named still counts as the one "the group" takes up.
_BODY_REFERENCE_SENTENCES = 2
# Dependents that make "the group" a phrase of its own ("the group of students", "the group
# that won", "the Menatep group", "its group"), not a reference back.
_OWN_PHRASE_DEPS = ("prep", "relcl", "acl", "appos", "poss", "nummod")


def _body_taken_up(token: Token, index: MentionIndex) -> Mention | None:
    """ "The LTTE has been banned since 1991. The outfit attacked an army camp", "Hamas was
    blamed. The militant group fired rockets": a singular body noun (events.yaml
    body_reference_nouns) after "the", with at most adjectives or lower-case nouns before it,
    is the one organisation or named group named in its sentence or the two before; none
    when two are named there, or when a fresh "a group" comes in between."""
    if token.tag_ != "NN" or token.lemma_.lower() not in BODY_REFERENCE_NOUNS:
        return None
    dets = [c for c in token.children if c.dep_ == "det"]
    if len(dets) != 1 or dets[0].lower_ != "the":
        return None
    for child in token.children:
        if child.dep_ in _OWN_PHRASE_DEPS or (child.dep_ == "compound" and not child.is_lower):
            return None
    sentence = token.sent
    for _ in range(_BODY_REFERENCE_SENTENCES):
        if sentence.start == 0:
            break
        sentence = token.doc[sentence.start - 1].sent
    bodies = [
        m
        for m in index.covering(sentence.start_char, token.idx)
        if m.char_start >= sentence.start_char
        and m.kind == "name"
        and m.entity_type in ("ORGANIZATION", "GROUP")
    ]
    if not bodies or len({m.name for m in bodies}) != 1:
        return None
    last = bodies[-1]
    for other in token.doc[sentence.start : token.i]:  # every word after `last` is in these sentences
        if other.idx > last.char_start and other.lemma_.lower() in BODY_REFERENCE_NOUNS and any(
            c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in other.children
        ):
            return None  # "Hamas ... A group of students marched. The group ...": that one
    return last


def _noun_read_as_verb(token: Token) -> bool:
    """ "criticised 'extravagant' Tory promises": a plural noun the parser tags as a verb
    ("promises", "plans") while giving it a noun's place (object, subject, "of" object) and
    a noun's modifiers, with no subject, auxiliary or object of its own, heads a noun phrase."""
    if token.pos_ != "VERB" or token.tag_ != "VBZ" or token.dep_ not in ("dobj", "pobj", "nsubj", "nsubjpass"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj", "ccomp", "xcomp") for c in token.children):
        return False
    return any(c.dep_ in ("compound", "amod", "poss", "det") for c in token.children)


def _office_holders_states(token: Token, group: Mention, index: MentionIndex) -> list[Mention]:
    """ "The Japanese and Chinese leaders met", "Chinese leaders", "EU and Turkish
    negotiators": a plural of a state's office holders (events.yaml office_holder_nouns)
    that the text names only as a group acts as the states or bodies its modifiers name
    (eval/GUIDE.md: people when named, else their states); nothing when no modifier names
    one, and never for a named person or body."""
    if group.entity_type != "GROUP" or token.tag_ not in ("NNS", "NNPS"):
        return []
    if token.lemma_.lower() not in OFFICE_HOLDER_NOUNS:
        return []
    found: list[Mention] = []
    for child in token.children:
        if child.dep_ not in ("amod", "compound", "nmod", "poss") or child.pos_ == "PRON":
            continue
        for word in [child, *(t for t in child.subtree if t.dep_ == "conj")]:
            found += [
                m for m in index.all_at(word) if m.entity_type in ("COUNTRY", "ORGANIZATION") and m.kind != "pronoun"
            ]
    return unique(found)


def state_where(verb: Token, index: MentionIndex, outside: tuple[int, int] | None = None) -> list[Mention]:
    """The state the first of a verb's "in" phrases that names one puts its act in (`_state_in`)."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            found = _state_in(prep, index, outside)
            if found:
                return found
    return []


def _countries_named_in(prep: Token, index: MentionIndex) -> list[Mention]:
    """The countries an "in" phrase itself names ("in Iraq", "in Mumbai, India"): by name
    only, so a demonym inside some other phrase ("in a Russian-backed plot") is none."""
    return [
        m for pobj in pobjs(prep) for m in np_actors(pobj, index) if m.entity_type == "COUNTRY" and m.kind == "name"
    ]


def _state_in(prep: Token, index: MentionIndex, outside: tuple[int, int] | None = None) -> list[Mention]:
    """The state an "in" phrase puts an act in: the country it names, else the article's
    mention of the country its place lies in (`country_of_place`), taken from outside the
    character span `outside` (the arrested subject's own "Russian" is not who arrests)."""
    named = _countries_named_in(prep, index)
    if named:
        return unique(named)
    for pobj in pobjs(prep):
        found = country_of_place(pobj, index, outside)
        if found:
            return found
    return []


GROUP_WINDOW = 3  # sentences back in which "the two sides", "the trio" look for their members


def _counted_group(token: Token) -> bool:
    """A counted group (`_group_size`): "the two sides", "both countries", "the trio"."""
    return _group_size(token) > 0


def _group_size(token: Token) -> int:
    """How many actors a counted group refers back to, 0 for none: a plural of `pair_nouns`
    counted by a count word ("the two sides", "both countries", "the three men"), or a
    singular noun that is a count itself after "the" ("the pair", "the trio"; not "a pair
    of X", which names its own)."""
    lemma = token.lemma_.lower()
    if token.tag_ == "NNS" and lemma in PAIR_NOUNS:
        counts = (
            GROUP_COUNTS.get(c.lower_, 0) for c in token.children if c.dep_ in ("nummod", "det", "predet")
        )
        return next((n for n in counts if n), 0)
    if token.tag_ == "NN" and token.lower_ in COUNT_NOUNS:
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        named = any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
        return COUNT_NOUNS[token.lower_] if definite and not named else 0
    return 0


def _group_antecedent(token: Token, index: MentionIndex) -> list[Mention]:
    """ "Armenia and Azerbaijan have fought two wars ... the two sides routinely exchange
    harsh invective": a counted group ("the two sides", "both countries", "the three men",
    "the trio") that names no one stands for the last list of that many actors joined by
    "and" before it, in its sentence or the few before, when all are of the kind the noun
    says (countries for "countries", people for "men"; any kind for "the pair")."""
    size = _group_size(token)
    if not size:
        return []
    counted = token.lower_ in COUNT_NOUNS
    kind = "any" if counted else PAIR_NOUNS[token.lemma_.lower()]
    doc = token.doc
    first = token.sent.start
    for _ in range(GROUP_WINDOW):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    found = _last_group(doc[first : token.i], kind, size, index, counted)
    if not found and (kind in ("country", "organization") or token.lemma_.lower() in OFFICE_HOLDER_NOUNS):
        # "the two presidents", "both countries" far into a story about two of them: a noun
        # of states, bodies or office holders looks back to the story's start ("the two men"
        # is as often a figure of speech about two others: "open warfare between the two men")
        found = _last_group(doc[:first], kind, size, index, counted)
    return found


def _last_group(tokens, kind: str, size: int, index: MentionIndex, as_named: bool = False) -> list[Mention]:
    """The last list of `size` actors of `kind` joined by "and" among `tokens`; a pair of
    people of two states is those states for a noun of any kind ("the two sides"), not
    when the group is counted by its own noun (`as_named`: "the pair" are those two)."""
    if size == 2:
        return _last_pair(tokens, kind, index, as_named)
    for t in reversed(tokens):
        if t.dep_ in ("conj", "appos") or not (members := _listed(t)) or len(members) != size:
            continue
        found = [actor_at(index, m) for m in members]
        if any(m is None or m.kind == "pronoun" for m in found) or len({m.name for m in found}) != size:
            continue
        if kind != "any" and any(m.entity_type != kind.upper() for m in found):
            continue
        return found
    return []


def _listed(head: Token) -> list[Token]:
    """The items of a list joined by "and" whose first item is `head`, in text order; a
    middle item the parser hung as an apposition ("Tom Watson, Sion Simon and Kevan Jones":
    "Simon" appos, "Jones" its conj) is an item too. Empty when `head` starts no list."""
    items, todo = [head], [head]
    while todo:
        node = todo.pop()
        for c in node.children:
            if c.dep_ == "conj" or c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children):
                items.append(c)
                todo.append(c)
    return sorted(items, key=lambda x: x.i) if len(items) > 1 else []


def _last_pair(tokens, kind: str, index: MentionIndex, as_named: bool = False) -> list[Mention]:
    """The last pair of actors of `kind` joined by "and" among `tokens` (`_group_antecedent`)."""
    for t in reversed(tokens):
        if t.dep_ != "conj" or t.head.i >= t.i:
            continue
        a, b = actor_at(index, t.head), actor_at(index, t)
        if a is None or b is None or a.name == b.name:
            continue
        if a.kind == "pronoun" or b.kind == "pronoun":
            continue
        if (
            t.head.dep_ == "conj"
            or any(c.dep_ == "conj" and c.i != t.i for c in t.head.children)
            or any(c.dep_ == "conj" for c in t.children)
        ):
            continue  # three or more joined: not a pair
        if kind in ("any", "country") and a.entity_type == b.entity_type == "PERSON" and not as_named:
            states = [state_of(x, index) for x in (t.head, t)]
            if all(states) and states[0].name != states[1].name:
                return states  # "Azeri President Aliyev and Armenian Prime Minister Pashinyan"
        if any(kind != "any" and m.entity_type != kind.upper() for m in (a, b)):
            continue
        return [a, b]
    return []


# Noun triggers of acts whose possessor is the one who made them ("his apology", "their demands").
SAID_ACT_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "ACCUSE", "SUPPORT", "THREATEN", "CONCEDE"})


def words_or_deeds(noun: Token) -> bool:
    """Whether a noun names what someone said or did as their own act ("his apology", "its
    record", "their proposals"), not people ("his chancellor", "their team") nor what was
    done to them ("his punishment")."""
    lemma = noun.lemma_.lower()
    return lemma in DISCOURSE_NOUNS or noun.lower_ in DISCOURSE_NOUNS or _said_act(noun)


def _said_act(noun: Token) -> bool:
    """A noun trigger of a speech act its possessor or "by" phrase made ("his apology",
    "the criticism by the US")."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    lexicon, lemma = load_event_triggers(), noun.lemma_.lower()
    triggers = [lexicon.noun(lemma)]  # "calls from the Lib Dems for an inquiry": "call for"
    triggers += [lexicon.noun_with_preposition(lemma, c.lower_) for c in noun.children if c.dep_ == "prep"]
    return any(t is not None and t.event_type in SAID_ACT_TYPES and t.subject_role == "source" for t in triggers)


def partners(node: Token, index: MentionIndex) -> list[Mention]:
    """The "with X" partners of a noun or verb (or of a preposition's noun): "talks with the
    UK", "met with Lula"."""
    nouns = pobjs(node) if node.dep_ == "prep" else [node]
    found: list[Mention] = []
    for noun in nouns:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                found += [m for p in pobjs(prep) for m in np_actors(p, index)]
    return found
