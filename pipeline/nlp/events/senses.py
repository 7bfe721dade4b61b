"""Trigger senses: the trigger's arguments decide which event it reports, if any.

"Missiles struck the city" is ASSAULT, "workers struck" is PROTEST, "an earthquake struck
the city" is no event; "attacked the budget" is ACCUSE, "attacked the village" ASSAULT;
a phone that "supports" roaming, a firm that "shelled out" money, a film "shooting" or
"seizing an opportunity" report nothing political. The rules and the argument classes are
data (`pipeline/knowledge/event_senses.yaml`); this module only reads a draft's arguments
off the parse and applies the first rule that fits.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Token

from pipeline.nlp.events.draft import Draft, crew_members, inner_event_noun, lemma_in, of_object, pobjs, received_nouns
from pipeline.nlp.events.vocabulary import (
    ADVISORY_BODY_WORDS,
    CAUSATIVE_VERBS,
    GOVERNMENT_BODY_WORDS,
    STATE_AGENT_HEADS,
)
from pipeline.nlp.lexicons import KNOWLEDGE_DIR
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import ACTOR_LABELS, mention_root, passive_form
from pipeline.nlp.token_view import view_of
from pipeline.nlp.yaml_text import safe_load

SENSES_FILE = KNOWLEDGE_DIR / "event_senses.yaml"
ARGUMENTS = frozenset({"subject", "object", "modifier", "causer", "container", "instrument", "scope", "matter", "any"})
RULE_KEYS = frozenset(
    {"lemmas", "types", "mode", "pos", "particle", "intransitive", "transitive", "named", "argument", "class", "actors"}
    | {"unless_subject", "unless_named", "sense"}
)
# `actors` conditions, read once the draft's actors are known: "states" - every source and
# every target (at least one of each) is a state; "unhosted" - some actor, but no source and
# no target or participant that is a political actor (_political_host); "one_side" - one
# source and no participants (not "Britain and France agreed to changes", a mutual accord);
# "untargeted" - no target and no participant ("she blamed modern lifestyles": the thing
# blamed is no actor); "firms" - a firm as source, or two as participants, and every actor a
# named organisation that is no public body (_firm): companies dealing with one another;
# "only_firms" - some actor, and every actor a firm
ACTOR_CONDITIONS = frozenset({"states", "unhosted", "one_side", "untargeted", "firms", "only_firms"})
POLITICAL_HOST_TYPES = frozenset({"COUNTRY", "PERSON", "GROUP"})
# words that make an organisation's name a government's or a public body's, never a firm's (_firm)
PUBLIC_BODY_WORDS = GOVERNMENT_BODY_WORDS | ADVISORY_BODY_WORDS | STATE_AGENT_HEADS
KEEP = ("keep", None)  # the sense that stops the search and keeps the trigger's own type
CLASS_KEYS = frozenset({"about", "source", "words", "in_names", "entity_labels"})
NOUN_OBJECT_PREPS = frozenset({"on", "of", "against", "upon"})


@dataclass(frozen=True)
class SenseRule:
    lemmas: frozenset[str]  # empty: any trigger of `types`
    types: frozenset[str]  # empty: any type
    mode: str | None  # the draft's mode the rule needs ("visit"), or None: any
    pos: str | None  # "verb" | "noun" | None
    particle: str | None
    intransitive: bool  # the verb has no object ("the site shut down")
    transitive: bool  # the trigger has an object ("released a tool", "the release of the Mac")
    named: frozenset[str]  # entity labels of a name the trigger word is part of ("Assault on Precinct 13")
    argument: str | None
    classes: tuple[str, ...]
    unless_subject: str | None  # "actor": the rule does not apply when a named actor is the subject
    unless_named: str | None  # "actor": not when an actor owns the object or the verb's "on" phrase
    actors: str | None  # an ACTOR_CONDITIONS name: tried only once actors are filled (apply_actor_sense)
    sense: tuple[str, str | None] | None  # (type, mode); None: no event; KEEP: the trigger's own


@dataclass(frozen=True)
class Senses:
    classes: dict[str, frozenset[str]]
    in_names: frozenset[str]  # classes whose words count inside actors' names ("Fire Brigades Union")
    labels: dict[str, frozenset[str]]  # the entity labels that count as each class ("Halo 2" PRODUCT)
    rules: tuple[SenseRule, ...]
    cameo_roots: dict[str, str]
    _by_word: dict[tuple, tuple[SenseRule, ...]] = field(default_factory=dict, repr=False, compare=False)
    _class_words: dict[tuple[str, ...], tuple[frozenset[str], bool, frozenset[str]]] = field(
        default_factory=dict, repr=False, compare=False
    )  # a rule's classes: their words together, whether all count inside names, their labels

    def class_words(self, classes: tuple[str, ...]) -> tuple[frozenset[str], bool, frozenset[str]]:
        """The words of `classes` in one set, whether every one of them counts inside
        actors' names (`in_names`), and the entity labels that count as any of them: made
        once per rule, not each time a draft is tried."""
        found = self._class_words.get(classes)
        if found is None:
            words = frozenset().union(*(self.classes[c] for c in classes))
            labels = frozenset().union(*(self.labels.get(c, frozenset()) for c in classes))
            found = self._class_words[classes] = (words, all(c in self.in_names for c in classes), labels)
        return found


@functools.lru_cache(maxsize=2)
def load_senses(path: str | Path | None = None) -> Senses:
    """The sense rules and argument classes, validated at load."""
    file = Path(path) if path else SENSES_FILE
    data = safe_load(file.read_text(encoding="utf-8"))
    if set(data) != {"classes", "senses"}:
        raise ValueError(f"{file.name}: expected sections classes and senses")
    classes, in_names, labels = _load_classes(file, data)
    triggers = safe_load((KNOWLEDGE_DIR / "plover_triggers.yaml").read_text(encoding="utf-8"))["event_types"]
    roots = {name: str(spec["cameo_root"]) for name, spec in triggers.items()}
    rules = []
    for raw in data["senses"]:
        where = f"{file.name}: rule {raw!r}"
        if not isinstance(raw, dict) or set(raw) - RULE_KEYS or "sense" not in raw:
            raise ValueError(f"{where}: keys are {sorted(RULE_KEYS)}, with sense")
        wanted = raw.get("class") or []
        wanted = [wanted] if isinstance(wanted, str) else list(wanted)
        unknown = [c for c in wanted if c not in classes]
        if unknown or (wanted and raw.get("argument") not in ARGUMENTS):
            raise ValueError(f"{where}: unknown class {unknown} or argument {raw.get('argument')!r}")
        if raw.get("unless_subject") not in (None, "actor") or raw.get("unless_named") not in (None, "actor"):
            raise ValueError(f"{where}: unless_subject and unless_named are actor or omitted")
        if raw.get("actors") is not None and raw["actors"] not in ACTOR_CONDITIONS:
            raise ValueError(f"{where}: actors is one of {sorted(ACTOR_CONDITIONS)} or omitted")
        types = frozenset(raw.get("types") or ())
        if types - set(roots):
            raise ValueError(f"{where}: unknown types {sorted(types - set(roots))}")
        rules.append(
            SenseRule(
                lemmas=frozenset(w.lower() for w in raw.get("lemmas") or ()),
                types=types,
                mode=raw.get("mode"),
                pos=raw.get("pos"),
                particle=raw.get("particle"),
                intransitive=raw.get("intransitive") is True,
                transitive=raw.get("transitive") is True,
                named=frozenset(raw.get("named") or ()),
                argument=raw.get("argument"),
                classes=tuple(wanted),
                unless_subject=raw.get("unless_subject"),
                unless_named=raw.get("unless_named"),
                actors=raw.get("actors"),
                sense=_sense(raw["sense"], roots, where),
            )
        )
    return Senses(classes, in_names, labels, tuple(rules), roots)


def _load_classes(
    file: Path, data: dict
) -> tuple[dict[str, frozenset[str]], frozenset[str], dict[str, frozenset[str]]]:
    """Each class has `about`, `source` and `words` (lower case, each once), and optionally
    `in_names: true` (its words count inside an actor's name: a named union is workers) and
    `entity_labels` (named-entity labels whose names are of the class: "Halo 2", a PRODUCT)."""
    classes: dict[str, frozenset[str]] = {}
    in_names: set[str] = set()
    labels: dict[str, frozenset[str]] = {}
    for name, spec in (data.get("classes") or {}).items():
        where = f"{file.name}: classes: {name}"
        if not isinstance(spec, dict) or not {"about", "source", "words"} <= set(spec) <= CLASS_KEYS:
            raise ValueError(f"{where}: expected about, source and words (and optionally in_names)")
        words = [str(w) for w in spec["words"]]
        if any(w != w.lower() for w in words) or len(words) != len(set(words)):
            raise ValueError(f"{where}: words must be lower case and listed once")
        classes[name] = frozenset(words)
        if spec.get("in_names") is True:
            in_names.add(name)
        if spec.get("entity_labels"):
            labels[name] = frozenset(str(label) for label in spec["entity_labels"])
    return classes, frozenset(in_names), labels


def _sense(value: str, roots: dict[str, str], where: str) -> tuple[str, str | None] | None:
    if value == "none":
        return None
    if value == "keep":
        return KEEP
    event_type, _, mode = str(value).partition("/")
    if event_type not in roots:
        raise ValueError(f"{where}: unknown sense {value!r}")
    return event_type, mode or None


COUNT_NOUNS = frozenset({"dozen", "hundred", "thousand", "million"})


def _counted(token: Token) -> Token:
    """ "thousands of homes" -> "homes": a count's head is what it counts; "a team of
    doctors" -> "doctors": a body of people is who it is made of (events.yaml crew_nouns)."""
    if token.lemma_.lower() in COUNT_NOUNS or token.pos_ == "NUM":
        return of_object(token) or token
    return crew_members(token)


def _heads(token: Token) -> list[Token]:
    """An argument head with its conjuncts, its appositives ("Dante, a tropical storm": what
    a name is) and the nouns that modify it ("cruise missile"). Found once per token of an
    article (`TokenView.memo`): the sense rules ask it of the same arguments rule after rule,
    and each answer walks subtrees."""
    return list(view_of(token.doc).once("sense heads", lambda: tuple(_heads_of(token)), key=token.i))


def _heads_of(token: Token) -> list[Token]:
    heads = [inner_event_noun(_counted(token))]
    heads += [inner_event_noun(c) for c in token.children if c.dep_ == "conj"]
    # an appositive with a number is a quantity ("the French government (15%)"), not what it is
    heads += [c for c in token.children if c.dep_ == "appos" and not any(t.like_num for t in c.subtree)]
    out = list(heads)
    for head in heads:
        out += [c for c in head.children if c.dep_ in ("compound", "nmod")]
        # "the BBC's Westminster Hour": a name's owner says what kind of thing it names
        out += [c for c in head.children if c.dep_ == "poss" and head.pos_ == "PROPN"]
    out += [kind for head in heads if (kind := _name_kind(head)) is not None]
    return out


def _name_kind(head: Token) -> Token | None:
    """ "the Broad Relationship of Cooperation for Common Prosperity in the XXI Century
    agreement": a long proper name the parser splits at its prepositions ends in the
    common noun saying what it names; that noun, or None (a name with no common noun in
    its phrase, a clause on it left out: "which covers ...")."""
    if head.pos_ != "PROPN" or not head.is_title:
        return None
    clauses = {t.i for c in head.subtree if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
    words = [t for t in head.subtree if t.i > head.i and t.i not in clauses]
    nouns = [t for t in words if t.pos_ == "NOUN" and t.dep_ == "pobj"]
    if not nouns or any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in words if t.i < nouns[-1].i):
        return None
    return nouns[-1] if nouns[-1].i == max(t.i for t in words if not t.is_punct) else None


def arguments(draft: Draft, which: str, clause_words: frozenset[str] = frozenset()) -> list[Token]:
    """The head tokens of one kind of the draft's arguments, read off the parse; the word
    opening a verb's complement clause ("why", "that") counts as an object only when it is
    one of `clause_words`, the class a rule looks it up in ("questioned why", "charged that"),
    so no other rule reads a clause's opener as the verb's object."""
    token = draft.token
    subjects: list[Token] = []
    objects: list[Token] = []
    modifiers: list[Token] = []
    causers: list[Token] = []
    scopes: list[Token] = []
    if token.pos_ in ("NOUN", "PROPN"):
        for child in token.children:
            if child.dep_ == "poss":
                subjects += _heads(child)
            elif child.dep_ in ("compound", "amod", "nmod") and child not in draft.words:
                modifiers += _heads(child)
            elif child.dep_ in ("prep", "agent"):
                for pobj in pobjs(child):
                    if child.lower_ == "by":
                        subjects += _heads(pobj)
                    elif child.lower_ in NOUN_OBJECT_PREPS:
                        objects += _heads(pobj)
                    elif child.lower_ == "in":  # "a rally in oil prices": what the noun's change is in
                        scopes += _heads(pobj)
        for verb in draft.realisers:
            if token in received_nouns(verb):  # "troops came under fire from rebels": rebels fire on troops
                for child in verb.children:
                    if child.dep_ in ("nsubj", "nsubjpass"):
                        objects += _heads(child)
                    elif child.dep_ == "prep" and child.lower_ == "from":
                        subjects += [h for p in pobjs(child) for h in _heads(p)]
        causers += [h for causer in _causers(token) for h in _heads(causer)]
        subjects += modifiers
        # "a $500 million pledge": the amount modifies the noun, but it is no one who acts
        modifiers += [h for child in token.children if child.dep_ == "nummod" for h in _heads(child)]
    else:
        passive = any(c.dep_ == "nsubjpass" for c in token.children)
        for child in token.children:
            if child.dep_ in ("nsubj", "csubj"):
                subjects += _heads(child)
            elif child.dep_ == "agent":
                for pobj in pobjs(child):
                    subjects += _heads(pobj)
            elif child.dep_ in ("dobj", "attr") or (child.dep_ == "nsubjpass" and passive):
                objects += _heads(child)
            elif child.dep_ == "prep" and (child.lower_ == "against" or child in draft.words):
                for pobj in pobjs(child):  # "fought against", "fired on"; not "congratulated X on"
                    objects += _heads(pobj)
            elif child.dep_ == "ccomp" and child.i > token.i:
                # "questioned why the Home Office had made no plans", "charged that Russia is
                # using gas as a weapon": the question word or "that" heads what the verb takes up
                opener = [w for w in child.children if (w.tag_ in ("WRB", "WP") or w.dep_ == "mark") and w.i < child.i][
                    :1
                ]
                objects += [w for w in opener if w.lower_ in clause_words]
        if not subjects and token.dep_ == "xcomp" and token.head.pos_ in ("VERB", "AUX"):
            # "the union threatened to strike": the controller's subject does the infinitive
            subjects += [h for c in token.head.children if c.dep_ == "nsubj" for h in _heads(c)]
        if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN"):
            # "an earthquake that struck", "phones supporting roaming": the noun is the subject
            # (a passive participle's noun is its object: "the film shot in Rome")
            (objects if token.tag_ == "VBN" else subjects).extend(_heads(token.head))
    if which == "subject":
        return subjects
    if which == "object":
        return objects
    if which == "modifier":
        return modifiers
    if which == "causer":
        return causers
    if which == "scope":
        return scopes
    if which == "container":
        return [h for c in _container(token) for h in _heads(c)]
    if which == "instrument":
        return _instruments(token)
    if which == "matter":
        return _matters(draft)
    return subjects + objects + modifiers


def _instruments(verb: Token) -> list[Token]:
    """The heads of a verb's "with" phrase, what it acts with ("backed Indonesia with $50
    million in loans" -> "$"); none for a noun ("talks with Iran" name a partner)."""
    if verb.pos_ in ("NOUN", "PROPN"):
        return []
    return [h for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for p in pobjs(c) for h in _heads(p)]


MATTER_PREPS = frozenset({"over", "about", "on", "for"})


def _matters(draft: Draft) -> list[Token]:
    """What the act is about: the heads of the "over"/"about"/"on"/"for" phrase of the
    trigger or of a verb realising it ("talks over the sale", "held talks about a merger"),
    the object of an "of" phrase hanging from those heads ("the sale of the refinery"), and the
    subject of a clause the trigger's verb takes ("complained that the offer was too high") and
    the object of the infinitive it takes ("agreed to buy a stake")."""
    token = draft.token
    holders = [token, *draft.realisers]
    heads = [
        h
        for t in holders
        for c in t.children
        if c.dep_ == "prep" and c.lower_ in MATTER_PREPS
        for p in pobjs(c)
        for h in _heads(p)
    ]
    if token.pos_ not in ("NOUN", "PROPN"):
        # "complained that the offer was too high": the clause's subject; "agreed to buy a
        # stake": the object of the verb the trigger's infinitive names
        wanted = {"ccomp": ("nsubj", "nsubjpass"), "xcomp": ("dobj",)}
        heads += [
            h
            for c in token.children
            if c.dep_ in wanted
            for s in c.children
            if s.dep_ in wanted[c.dep_]
            for h in _heads(s)
        ]
    return heads


def _container(noun: Token) -> list[Token]:
    """The noun an event noun's phrase is the "of" object of, past counts ("logs of millions
    of phone calls" -> "logs"): what holds or documents the events, if anything."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        outer = noun.head.head
        if outer.lemma_.lower() in COUNT_NOUNS or outer.pos_ == "NUM" or inner_event_noun(outer) is not outer:
            noun = outer  # "millions of", "a series of": a count, not a container
            continue
        return [outer]
    return []


def _causers(noun: Token) -> list[Token]:
    """What brought a noun's event about: the subject of a causative verb (events.yaml
    causative_verbs) whose object is the noun or a conjunct of it ("the fault that caused
    the destruction of the shuttle"), or the agent of a causative participle on the noun
    ("the damage caused by the storm")."""
    agents = [
        p
        for acl in noun.children
        if acl.dep_ == "acl" and lemma_in(acl, CAUSATIVE_VERBS)
        for agent in acl.children
        if agent.dep_ == "agent"
        for p in pobjs(agent)
    ]
    while noun.dep_ == "conj":
        noun = noun.head
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":  # "led to", "resulted in"
        verb = verb.head
    elif noun.dep_ != "dobj":
        return agents
    if not lemma_in(verb, CAUSATIVE_VERBS):
        return agents
    for subject in verb.children:
        if subject.dep_ in ("nsubj", "csubj"):
            # "the problem that caused": the relative pronoun stands for the noun it hangs from
            relative = subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl"
            agents.append(verb.head if relative else subject)
    return agents


def _in_class(
    tokens: Iterable[Token], words: frozenset[str], in_names: bool = False, labels: frozenset[str] = frozenset()
) -> bool:
    """Whether a head is a class word or a name of one of the class's entity labels; names of
    actors are not class words ("the Fund", "Labour") unless the class says its words count
    in names ("the Fire Brigades Union" is workers)."""
    return any(
        t.ent_type_ in labels
        or (t.lemma_.lower() in words or t.lower_ in words)
        and (in_names or t.ent_type_ not in ACTOR_LABELS)
        for t in tokens
    )


def _states_on_both_sides(draft: Draft) -> bool:
    """ "China protested to Japan": a state acting on a state, not a crowd in the street."""
    return (
        bool(draft.sources and draft.targets)
        and all(m.entity_type == "COUNTRY" for m in draft.sources)
        and all(m.entity_type == "COUNTRY" for m in draft.targets)
    )


def _political_host(mention: Mention) -> bool:
    """A state, a person, a group, or a body the gazetteer knows ("NATO"); not any name the
    model calls an organisation ("Walt Disney World Resort")."""
    return mention.entity_type in POLITICAL_HOST_TYPES or mention.gazetteer_id is not None


def _firm(mention: Mention) -> bool:
    """A named organisation that the gazetteer does not know and whose name has no word of a
    government or a public body ("Microsoft", "Atticus Capital"; not "the Home Office", "the
    Competition Commission", "NATO"): a company, acting commercially."""
    if mention.entity_type != "ORGANIZATION" or mention.gazetteer_id is not None or mention.kind != "name":
        return False
    return not set(mention.surface.lower().split()) & PUBLIC_BODY_WORDS


def _firm_name(tokens: Iterable[Token]) -> bool:
    """Tokens of an organisation's name with no word of a government or public body."""
    words = {t.lower_ for t in tokens}
    return bool(words) and not words & PUBLIC_BODY_WORDS


def _office_firm(role: Token, nouns: frozenset[str]) -> bool:
    """Whether a company office names its firm as a named organisation the gazetteer does not
    know: "Gazprom chief", "M&S's boss", "chief executive of Euronext" (not "Federal Reserve
    chairman")."""
    holders = [c for c in role.children if c.dep_ in ("compound", "poss", "nmod")]
    of_phrases = [p for p in role.children if p.dep_ == "prep" and p.lower_ == "of"]
    holders += [o for p in of_phrases for o in p.children if o.dep_ == "pobj"]
    for t in holders:
        if t.ent_type_ == "ORG" and not t.ent_id_:  # a body the gazetteer knows is no firm
            ent = next((e for e in view_of(t.doc).ents if e.start <= t.i < e.end), None)
            if ent is not None and _firm_name(ent):
                return True
        elif not t.ent_type_ and t.pos_ == "PROPN" and _firm_name([t, *t.lefts]):
            return True  # the model often leaves a firm's name before a title untyped ("Gazprom chief")
        elif not t.ent_type_ and t.lemma_.lower() in nouns:
            return True  # "chief executive of the exchange"
    return False


def _holds_office(root: Token, roles: frozenset[str], nouns: frozenset[str]) -> bool:
    """Whether a name's head carries a company office by apposition or title, or is set in
    apposition to a company noun (the name is then a firm's)."""
    offices = [c for c in root.children if c.dep_ in ("compound", "appos")]
    if root.dep_ == "appos":
        offices.append(root.head)
    if any(o.dep_ == "appos" and o.pos_ == "NOUN" and o.lemma_.lower() in nouns for o in offices):
        return True  # "Alfa-Eco, the venture capital arm of Alfa Group": a firm the model took for a person
    for office in offices:
        words = [office, *(c for c in office.children if c.dep_ in ("compound", "amod"))]
        if any(w.lower_ in roles or w.lemma_.lower() in roles for w in words) and _office_firm(office, nouns):
            return True
    return False


def _person_roots(doc) -> list[Token]:
    """The roots of the doc's PERSON entities, found once per doc: `_firm_officer` looks
    for a person's namesakes among them for every person actor of every draft, and each
    `doc.ents` and `span.root` made the spans and tokens anew."""
    view = view_of(doc)
    return view.once("person roots", lambda: [e.root for e in view.ents if e.label_ == "PERSON"])


def _firm_officer(mention: Mention, doc_token: Token, roles: frozenset[str], nouns: frozenset[str]) -> bool:
    """A named person holding an office in a firm ("Gazprom chief Alexei Miller", "Stuart
    Rose, chief executive of M&S"), here or where the article names them in full ("Mr
    Seifert" after "Werner Seifert, chief executive of the exchange"): the person deals for
    the firm, so counts as it. A government's, a regulator's or a party's people never do:
    their office hangs on no firm."""
    if mention.entity_type != "PERSON" or mention.kind != "name" or not roles:
        return False
    root = mention_root(doc_token.doc, mention)
    if root is None:
        return False
    if _holds_office(root, roles, nouns):
        return True
    namesakes = (r for r in _person_roots(doc_token.doc) if r.text == root.text)
    return any(r.i != root.i and _holds_office(r, roles, nouns) for r in namesakes)


def _firms_only(draft: Draft, strict: bool, offices: tuple[frozenset[str], frozenset[str]]) -> bool:
    """ "talks between Shell and BP", "TCI complained that the offer was too high": every actor
    a firm, and (`strict`) a firm acting, or two meeting: "the government held talks with
    Airbus" names one firm, talked to by a government the draft has no mention for. A person
    holding an office in a named firm counts as the firm ("Gazprom chief Alexei Miller")."""
    actors = draft.actors()
    if not actors or not all(_firm(m) or _firm_officer(m, draft.token, *offices) for m in actors):
        return False
    return not strict or bool(draft.sources) or len(draft.participants) > 1


def _rule_applies(rule: SenseRule, draft: Draft, senses: Senses, actors_known: bool = False) -> bool:
    token = draft.token
    if (rule.actors is not None) != actors_known:
        return False  # actor conditions are read in their own pass, once the actors are filled
    if rule.actors == "states" and not _states_on_both_sides(draft):
        return False
    if rule.actors == "one_side" and (len(draft.sources) != 1 or draft.participants):
        return False  # "Britain and France agreed to changes": agreeing together, no yielding
    if rule.actors == "unhosted" and (
        not draft.actors() or draft.sources or any(_political_host(m) for m in draft.targets + draft.participants)
    ):
        return False  # with no actors at all, "this trip" may take those of the visit it refers to
    if rule.actors == "untargeted" and (draft.targets or draft.participants):
        return False  # "blamed the government": someone is blamed
    if rule.actors in ("firms", "only_firms") and not _firms_only(
        draft, rule.actors == "firms", (senses.classes["company_roles"], senses.classes["company_nouns"])
    ):
        return False
    if rule.mode is not None and draft.mode != rule.mode:
        return False
    if rule.lemmas and token.lemma_.lower() not in rule.lemmas and token.lower_ not in rule.lemmas:
        return False
    if rule.types and draft.event_type not in rule.types:
        return False
    is_noun = token.pos_ in ("NOUN", "PROPN")
    if rule.pos == "verb" and is_noun or rule.pos == "noun" and not is_noun:
        return False
    # the parser may read the particle as an adverb ("exports shot up 7.5%")
    if rule.particle and not any(
        c.dep_ in ("prt", "advmod") and c.lower_ == rule.particle and c.i > token.i for c in token.children
    ):
        return False
    # a bare participle ("Charged with fraud, X ...") is passive: someone was charged
    if rule.intransitive and (is_noun or passive_form(token) or arguments(draft, "object")):
        return False
    if rule.named and token.ent_type_ not in rule.named:
        return False  # the trigger word is no part of such a name
    if rule.transitive and not arguments(draft, "object"):
        return False  # "his release": no object to tell a captive from a product
    if rule.classes:
        words, in_names, labels = senses.class_words(rule.classes)
        if not _in_class(arguments(draft, rule.argument or "any", words), words, in_names, labels):
            return False
    if rule.unless_named == "actor" and _object_names_actor(token):
        return False  # "blamed Labour's failure", "blamed the floods on Tony Blair's cuts"
    # "Ukraine suspended payments": a state's act on money is political
    return rule.unless_subject != "actor" or not any(_names_actor(t) for t in _acting_subjects(draft))


def _object_names_actor(verb: Token) -> bool:
    """An actor or a government is or owns the verb's object or the "on" phrase of the verb
    or of its object ("blamed Labour's failure", "blamed the recession on Gordon Brown's
    policies", "on the government"): the cause the verb names is someone's doing."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    heads = objects + [
        p for h in [verb, *objects] for c in h.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children
    ]
    named = [t for h in heads for t in (h, *(c for c in h.children if c.dep_ in ("poss", "compound")))]
    return any(t.ent_type_ in ACTOR_LABELS or t.lemma_.lower() in GOVERNMENT_BODY_WORDS for t in named)


def _acting_subjects(draft: Draft) -> list[Token]:
    """The heads of whoever does the draft's act: its own subjects, and for a noun a light
    verb realises ("China granted Zambia a loan of $100m") that verb's subjects too."""
    subjects = arguments(draft, "subject")
    for verb in draft.realisers:
        subjects += [h for c in verb.children if c.dep_ == "nsubj" for h in _heads(c)]
    return subjects


def _names_actor(head: Token) -> bool:
    """A named actor, or a government body or state agent a name modifies ("the Chinese
    government", "the Bush administration", "Spanish police"): the state acting."""
    if head.ent_type_ in ACTOR_LABELS:
        return True
    lemma = head.lemma_.lower()
    return (lemma in GOVERNMENT_BODY_WORDS or lemma in STATE_AGENT_HEADS) and any(
        c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ACTOR_LABELS for c in head.children
    )


def apply_actor_sense(draft: Draft, senses: Senses | None = None) -> bool:
    """Retype the draft by the first sense rule with an `actors` condition it fits, once its
    actors are filled ("China protested to Japan": a diplomatic protest, ACCUSE); False when
    it reports no event ("a trip for four to the resort": a visit nobody makes)."""
    return apply_sense(draft, senses, actors_known=True)


def _word_rules(senses: Senses, draft: Draft, actors_known: bool) -> tuple[SenseRule, ...]:
    """The rules, in order, whose tests of the trigger word alone (its lemma, type and part
    of speech, and whether actors are known) the draft passes: remembered per word, so a
    draft is tried against the few rules that may fit it, not all of them (the others would
    fail these same tests in `_rule_applies`)."""
    token = draft.token
    lemma, lower, is_noun = token.lemma_.lower(), token.lower_, token.pos_ in ("NOUN", "PROPN")
    key = (actors_known, lemma, lower, is_noun, draft.event_type)
    found = senses._by_word.get(key)
    if found is None:
        found = senses._by_word[key] = tuple(
            rule
            for rule in senses.rules
            if (rule.actors is not None) == actors_known
            and (not rule.lemmas or lemma in rule.lemmas or lower in rule.lemmas)
            and (not rule.types or draft.event_type in rule.types)
            and not (rule.pos == "verb" and is_noun or rule.pos == "noun" and not is_noun)
        )
    return found


def apply_sense(draft: Draft, senses: Senses | None = None, actors_known: bool = False) -> bool:
    """Retype the draft by the first sense rule its arguments fit; False when it reports no
    event at all (an earthquake striking, money shelled out). With `actors_known`, only the
    rules with an actor condition are tried."""
    senses = senses or load_senses()
    for rule in _word_rules(senses, draft, actors_known):
        if not _rule_applies(rule, draft, senses, actors_known):
            continue
        if rule.sense is None:
            return False
        if rule.sense == KEEP:
            return True
        event_type, mode = rule.sense
        if event_type != draft.event_type:
            draft.cameo_root = senses.cameo_roots[event_type]
        draft.event_type, draft.mode = event_type, mode
        return True
    return True
