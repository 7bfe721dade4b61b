"""Noun-phrase pieces for issue labels: the head, the kept left modifiers, the kept
complement and completion of a noun, and the rendering of chosen tokens as a label.

Pure functions over the parse and the stance lexicon; `labels` composes them into noun,
clause and action labels.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.nlp.lexicons import StanceLexicon
from pipeline.nlp.mentions.vocabulary import (
    REPORTING_VERBS,  # verbs of saying: "an idea saying …" tells, it does nothing
)
from pipeline.nlp.stances.issue_words import deverbal
from pipeline.nlp.stances.words import (
    AGENT_PREPOSITIONS,
    ATTEMPT_NOUNS,
    ATTITUDE_NOUNS,
    BARE_INFINITIVE_CAUSATIVES,
    BODY_PREPOSITIONS,
    COMPLEMENT_GENERICS,
    COMPLETION_PREPOSITIONS,
    CONTENT_NOUNS,
    DROP_ADJECTIVES,
    EMPTY_VERBS,
    IDIOM_IN_OBJECTS,
    KEEP_PREPOSITIONS,
    MEASURE_NOUNS,
    NAMING_VERBS,
    POLICY_NOUNS,
    PURPOSE_PARTICIPLES,
    PURPOSE_PREPOSITIONS,
    TERM_ADJECTIVES,
    VERBAL_ATTACK_VERBS,
    WANTING_VERBS,
)
from pipeline.nlp.syntax import (
    ACTOR_LABELS,
    has_that_marker,
    has_to_marker,
    nominal_subjects,
    swallowed_conjunct,
    to_marker,
)
from pipeline.nlp.token_view import view_of

MAX_LABEL_WORDS = 20  # a hard cap on a label's words, function words included
MAX_CONTENT_WORDS = 8  # a label is cut after this many content words (the issue's own words)
MIN_CUT_CONTENT_WORDS = 4  # a cut backs off to a phrase boundary, keeping at least this many
FUNCTION_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART", "AUX"})  # words that never end a label
TIME_ENTITIES = frozenset({"DATE", "TIME"})  # NER labels of a time: never an issue, nor what completes one
AMOUNT_TYPES = TIME_ENTITIES | {"MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL"}


def clean(text: str) -> str:
    for mark in "“”„‟«»\"‘‚‛‹›`":
        text = text.replace(mark, "")
    text = text.replace("’", "'").replace("ʼ", "'")
    return " ".join(text.split()).strip(" ,;:.-–—")


def np_head(doc: Doc, noun: Token) -> Token:
    """Undo a common misparse: "checkpoint restricting movement" read as one compound."""
    left = sorted((t for t in noun.subtree if t.i < noun.i and t.dep_ in ("compound", "amod")), key=lambda t: t.i)
    for t in left:
        if t.tag_ in ("VBG", "VBN") and t.i > 0 and doc[t.i - 1].pos_ in ("NOUN", "PROPN") and doc[t.i - 1] in left:
            return doc[t.i - 1]
    return noun


def judging(lex: StanceLexicon, token: Token) -> bool:
    return lex.evaluative(token.lower_) is not None or lex.intensity(token.lower_) != 1.0


def term_adjective(adj: Token) -> bool:
    """ "illegal immigration", "legal aid": an unquoted judging adjective that is part of the kind's name."""
    return adj.lower_ in TERM_ADJECTIVES and not _in_quote_marks(adj)


def keep_adjective(lex: StanceLexicon, adj: Token) -> bool:
    if term_adjective(adj):
        return True
    return not (
        adj.lower_ in DROP_ADJECTIVES
        or judging(lex, adj)
        or adj.tag_ in ("JJR", "JJS") and adj.lower_ in DROP_ADJECTIVES
    )


def _in_quote_marks(token: Token) -> bool:
    """A word set off by quote marks (\"the “illegal” blockade\"): the speaker's word, used as such."""
    doc = token.doc
    return (token.i > 0 and doc[token.i - 1].is_quote) or (token.i + 1 < len(doc) and doc[token.i + 1].is_quote)


def wanted(noun: Token) -> bool:
    """The object of a verb of wanting (`wanting_verbs`): "wants fair and reasonable
    guidelines" asks for guidelines that are fair, so the judging words name the demand."""
    return noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in WANTING_VERBS


def left_tokens(lex: StanceLexicon, noun: Token, keep_det: bool, drop_poss: bool) -> list[Token]:
    out: list[Token] = []
    demanded = wanted(noun)
    for child in noun.lefts:
        dep = child.dep_
        if dep in ("compound", "nmod", "nummod", "quantmod"):  # "peace treaty" keeps "peace"
            out.extend(t for t in child.subtree if not t.is_quote and t.dep_ not in ("det", "predet"))
        elif dep == "amod" and (keep_adjective(lex, child) or demanded and child.lower_ not in DROP_ADJECTIVES):
            out.extend(
                t for t in child.subtree
                if not t.is_quote and t.dep_ not in ("det", "predet")
                and (demanded or not judging(lex, t) or t is child and term_adjective(child))
            )
        elif dep == "poss" and not drop_poss and child.pos_ != "PRON":
            out.extend(
                t
                for t in child.subtree
                if not t.is_quote and t.dep_ != "det" and not (t.dep_ == "poss" and t.pos_ == "PRON")
                and t.lower_ not in DROP_ADJECTIVES
            )
        elif dep == "det" and keep_det and child.lower_ == "the":
            out.append(child)
    return out


def complement(lex: StanceLexicon, noun: Token, depth: int = 0) -> tuple[Token, Token] | None:
    """The first kept prepositional complement (preposition, object) of a noun; below
    the top level only "of" ("rights and security of Karabakh's residents")."""
    for child in noun.rights:
        if child.dep_ == "prep" and (child.lower_ in KEEP_PREPOSITIONS if depth == 0 else child.lower_ == "of"):
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            # a generic noun may complete another ("the release of the journalists")
            generic = lex.is_generic_target(pobj.lemma_) if pobj is not None else False
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and (
                not generic
                # "the number of people": a generic count completed by its kind at any depth
                or pobj.lemma_.lower() in COMPLEMENT_GENERICS and (depth == 0 or lex.is_generic_target(noun.lemma_))
                or depth == 0 and _counts_kind(lex, pobj)
            ):
                return child, pobj
        elif child.dep_ == "prep" and child.lower_ in ("in", "into") and depth == 0:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            # "the war in Iraq", "an increase in income tax", "an inquiry into the crash";
            # not a time ("changes in April")
            if pobj is None or any(c.dep_ in ("neg", "advmod") for c in child.children):
                continue  # "agreements not in the interests of …"
            if pobj.pos_ == "PROPN" or (
                pobj.pos_ == "NOUN"
                and pobj.ent_type_ not in TIME_ENTITIES | {"ORDINAL", "CARDINAL"}
                and pobj.lemma_.lower() not in IDIOM_IN_OBJECTS
            ):
                return child, pobj
    return None


def agent_complement(noun: Token) -> tuple[Token, Token] | None:
    """Who does or offers what a noun names, when an actor after "by" or "from"
    (`agent_prepositions`): "an investigation by the information commissioner", "a takeover
    proposal from Deutsche Boerse"; not "by Friday", "from April". It is kept beside the
    noun's complement or completion, never in their place: "the attack by Michael Howard on
    asylum seekers", "the decision by the BBC to screen the opera" are about what is done."""
    for child in noun.rights:
        if child.dep_ in ("prep", "agent") and child.lower_ in AGENT_PREPOSITIONS:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and actor_noun(pobj):
                return child, pobj
    return None


def actor_noun(noun: Token) -> bool:
    """A noun that names an actor: a name, or a common noun a name stands beside ("the
    information commissioner Richard Thomas", "German rival Deutsche Boerse")."""
    if is_amount(noun):
        return False  # "by Friday", "from April"
    if noun.pos_ == "PROPN" or noun.ent_type_ in ACTOR_LABELS:
        return True
    return noun.pos_ == "NOUN" and any(
        c.dep_ in ("appos", "compound") and (c.pos_ == "PROPN" or c.ent_type_ in ACTOR_LABELS)
        for c in noun.children
    )


# "detention of suspects without trial", "the number of school-leavers without basic skills":
# what the thing is done or counted without stays in its label (as in `keep_prepositions`)
RESTRICTING_PREPOSITIONS = frozenset({"without"})


_COMPLETION_PREPOSITIONS_OR_RESTRICTING_PREPOSITIONS = COMPLETION_PREPOSITIONS | RESTRICTING_PREPOSITIONS


def noun_argument(
    lex: StanceLexicon, noun: Token, of_object: Token, preps: frozenset[str] | None = None
) -> list[Token]:
    """The argument a noun takes after its "of" object, right after it, that says where, to
    whom, by whom or without what the thing is done ("the encroachment of the market into the
    NHS", "the transfer of powers to Brussels", "the treatment of prisoners by US soldiers",
    "the detention of suspects without trial"), as `action_argument` completes a verb's
    object; not a time or an amount, a pronoun or a generic noun. `preps`: the prepositions
    read (default `completion_prepositions` and `RESTRICTING_PREPOSITIONS`)."""
    wanted = preps if preps is not None else _COMPLETION_PREPOSITIONS_OR_RESTRICTING_PREPOSITIONS
    after = of_object.right_edge.i + 1
    prep = next(
        (c for c in noun.rights if c.dep_ in ("prep", "agent") and c.i == after and c.lower_ in wanted),
        None,
    )
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None or pobj.pos_ not in ("NOUN", "PROPN") or is_amount(pobj) or lex.is_generic_target(pobj.lemma_):
        return []
    if prep.lower_ in ("in", "into") and pobj.lemma_.lower() in IDIOM_IN_OBJECTS:
        return []  # "in the interests of …"
    return [prep, *phrase(lex, pobj, keep_det=False, depth=1)]


def _counts_kind(lex: StanceLexicon, noun: Token) -> bool:
    """A generic noun that counts or measures a kind its "of" names ("a limit on the number of
    quangos", "a cut in the level of council tax"): the kind completes the noun before it."""
    of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    kind = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return (
        kind is not None
        and kind.pos_ in ("NOUN", "PROPN")
        and (not lex.is_generic_target(kind.lemma_) or kind.lemma_.lower() in COMPLEMENT_GENERICS)
    )


OWN_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


def own_phrase(conj: Token) -> bool:
    """Whether a conjunct is a noun phrase of its own ("welcomed his apology and the review
    of murder laws"): joined by "and"/"or" and opened by its own determiner or possessive.
    Such a conjunct is an issue of its own, with its own complement, not a word shared
    with the first phrase ("rights and security of the Armenians")."""
    if conj.dep_ != "conj" or conj.pos_ not in ("NOUN", "PROPN"):
        return False
    head = conj.head
    joined = any(c.dep_ == "cc" and c.lower_ in ("and", "or") and head.i < c.i < conj.i for c in head.children)
    if not joined and conj.left_edge.i > 0 and conj.doc[conj.left_edge.i - 1].lower_ == ",":
        # "the apology, the inquiry and the compensation scheme": a comma-joined member of a
        # list the parser chains, its "and"/"or" under a later member
        joined = any(c.dep_ == "cc" and c.lower_ in ("and", "or") for t in (conj, *conj.conjuncts) for c in t.children)
    # "each secretary of state and each department": a distributive determiner shares the verb
    return joined and any(
        (c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in OWN_DETERMINERS) and c.i < conj.i for c in conj.children
    )


def phrase(lex: StanceLexicon, noun: Token, keep_det: bool, depth: int = 0) -> list[Token]:
    """Tokens of a labelled noun phrase, in order (head, modifiers, conjuncts, complement)."""
    comp = complement(lex, noun, depth) if depth < 2 else None
    tokens = left_tokens(lex, noun, keep_det, drop_poss=comp is not None and comp[0].lower_ == "of")
    tokens.append(noun)
    tokens.extend(bracketed_abbreviation(noun))
    tokens.extend(manner_by(noun))
    listed = {noun.i}  # the noun and the conjuncts kept: a list's members hang one on the next
    for conj in noun.conjuncts:
        if swallowed_conjunct(conj):
            break  # "support the bill and Labour opposes it": the next clause's subject
        if conj.i > noun.i and conj.pos_ in ("NOUN", "PROPN") and conj.head.i in listed and not own_phrase(conj):
            tokens.extend(_list_separator(conj))
            tokens.extend(left_tokens(lex, conj, False, True))
            tokens.append(conj)
            listed.add(conj.i)
    agent = agent_complement(noun) if depth == 0 else None
    if agent is not None:
        tokens.extend([agent[0], *phrase(lex, agent[1], keep_det=True, depth=1)])
    if comp is not None:
        prep, pobj = comp
        tokens.append(prep)
        tokens.extend(phrase(lex, pobj, keep_det=True, depth=depth + 1))
        if depth == 0 and prep.lower_ == "of":
            tokens.extend(noun_argument(lex, noun, pobj))
    elif depth == 0:
        tokens.extend(completion(lex, noun))
    elif depth == 1 and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        # "a relaxation of the rules governing the euro zone"
        tokens.extend(_doing(lex, noun) or _done(lex, noun))
    elif depth == 1 and noun.dep_ == "pobj" and noun.head.lower_ in KEEP_PREPOSITIONS:
        tokens.extend(_done(lex, noun))  # "tougher sentences for crimes committed under the influence of drink"
    if depth == 0:
        tokens.extend(trailing(lex, noun))
    return tokens


def _list_separator(conj: Token) -> list[Token]:
    """What joins a conjunct to the member before it: the "and"/"or" between them, or the
    comma right before it ("pensions, sick pay and forced relocation"), so that a list's
    members do not run together ("pensions sick pay")."""
    head = conj.head
    cc = next((c for c in head.children if c.dep_ == "cc" and head.i < c.i < conj.i), None)
    if cc is not None:
        return [cc]
    before = conj.doc[conj.left_edge.i - 1] if conj.left_edge.i > 0 else None
    return [before] if before is not None and before.text == "," and before.head.i == head.i else []


def manner_by(noun: Token) -> list[Token]:
    """ "trial by jury", "rule by decree", "election by ballot": "by" and a bare singular
    common noun right after the noun say how the thing is done and belong to its name; an
    actor ("an attack by rebels"), an amount ("cuts by 5%") or a phrase of its own ("by the
    jury") is no part of it."""
    doc = noun.doc
    if noun.i + 2 >= len(doc) or noun.pos_ != "NOUN":
        return []
    by, word = doc[noun.i + 1], doc[noun.i + 2]
    # right after the noun, wherever the parser hangs it ("a return to trial by jury" on "return")
    if by.lower_ != "by" or by.dep_ != "prep" or by.head.i not in (noun.i, noun.head.i, noun.head.head.i):
        return []
    if word.head.i != by.i or word.dep_ != "pobj" or word.tag_ != "NN" or any(word.children) or word.ent_type_:
        return []
    return [by, word]


def bracketed_abbreviation(noun: Token) -> list[Token]:
    """ "giving Community Support Officers (CSOs) the power to detain": the short form a
    name introduces in brackets is how the rest of the text, and a reader's label, name the
    thing ("detention powers for CSOs"), so the label keeps it, brackets included."""
    doc = noun.doc
    for child in noun.rights:
        if child.dep_ != "appos" or child.i != noun.i + 2 or child.i + 1 >= len(doc):
            continue
        if doc[noun.i + 1].text == "(" and doc[child.i + 1].text == ")" and abbreviation(child):
            return [doc[noun.i + 1], child, doc[child.i + 1]]
    return []


def abbreviation(token: Token) -> bool:
    """ "CSOs", "NHS", "DLA": two or more capitals, perhaps a plural "s"."""
    core = token.text[:-1] if token.text.endswith("s") else token.text
    return len(core) >= 2 and core.isalpha() and core.isupper()


def _doing(lex: StanceLexicon, noun: Token) -> list[Token]:
    """What the "of" object of an issue noun does, when a present participle with its object
    says it ("a relaxation of the rules governing the euro zone", "enforcement of the law
    banning the sale of games to children"): without it the object is only "the rules"; not
    what it says ("a copy of the letter saying …") nor an amount."""
    for child in noun.rights:
        if child.dep_ != "acl" or child.tag_ != "VBG" or _says(child) or child.lemma_.lower() in EMPTY_VERBS:
            continue
        obj = next((c for c in child.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN") and not is_amount(obj):
            return [child, *phrase(lex, obj, keep_det=False, depth=1), *action_argument(lex, child, obj, nested=True)]
    return []


def _done(lex: StanceLexicon, noun: Token) -> list[Token]:
    """Which of a complement's object the issue is about, when a past participle with its
    place or circumstance says it ("tougher sentences for crimes committed under the
    influence of drink", "a ban on waste stored in the UK"): without it the object is only
    "crimes"; not a time or an amount ("crimes committed in 2004"), nor a negated one."""
    for child in noun.rights:
        if child.dep_ != "acl" or child.tag_ != "VBN" or child.lemma_.lower() in EMPTY_VERBS:
            continue
        if any(c.dep_ in ("aux", "neg") for c in child.children):
            continue
        prep = next((c for c in child.children if c.dep_ == "prep" and c.lower_ in COMPLETION_PREPOSITIONS), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and not is_amount(pobj):
            return [child, prep, *phrase(lex, pobj, keep_det=True, depth=1)]
    return []


def content_clause(noun: Token) -> list[Token]:
    """ "the claim that taxes would rise": the "that" clause that says what the noun holds."""
    for child in noun.rights:
        if child.dep_ not in ("acl", "ccomp", "relcl"):
            continue
        that = has_that_marker(child)
        # "the suggestion Britain's hospitality was being tested": "that" left out, the
        # clause's own subject (a noun, not a relative's "he") right after a noun of saying
        subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        bare = (
            noun.lemma_.lower() in CONTENT_NOUNS
            and child.left_edge.i == noun.i + 1
            and subject is not None
            and subject.pos_ in ("NOUN", "PROPN")
        )
        if that and child.dep_ != "relcl" or bare:
            named = _naming_predicate(noun, child)
            return [t for t in child.subtree if not t.is_punct and not t.is_quote and not t.is_space and t not in named]
    if noun.dep_ == "dobj" and noun.lemma_.lower() in CONTENT_NOUNS:
        # "dismissed claims government plans … would devalue degrees": the parser may hang
        # the noun's clause, "that" left out, on the verb right after the noun
        hung = next(
            (c for c in noun.head.children if c.dep_ == "ccomp" and c.left_edge.i == noun.right_edge.i + 1), None
        )
        if hung is not None and nominal_subjects(hung):
            return [t for t in hung.subtree if not t.is_punct and not t.is_quote and not t.is_space]
    return []


def _naming_predicate(noun: Token, clause: Token) -> set[Token]:
    """ "branded the way his office operated as scandalous": the parser may hang the naming
    verb's "as" phrase on its object's clause; it says what the thing is called, not what it is."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in NAMING_VERBS:
        return set()
    return {t for c in clause.rights if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree}


def _purpose(lex: StanceLexicon, participle: Token) -> list[Token]:
    """ "a bill amendment aimed at increasing the security of gun background checks", "a bill
    designed to curb immigration": the purpose a participle (`purpose_participles`) hangs on
    the noun, a gerund after "at" or an infinitive, with its object."""
    if participle.lemma_.lower() not in PURPOSE_PARTICIPLES:
        return []
    for child in participle.children:
        if child.dep_ == "prep" and child.lower_ == "at":
            act = next((c for c in child.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
            lead = [participle, child]
        elif child.dep_ == "xcomp" and child.tag_ == "VB" and has_to_marker(child):
            act = child
            lead = [participle, *(c for c in child.children if c.dep_ == "aux" and c.lower_ == "to")]
        else:
            continue
        obj = next((c for c in act.children if c.dep_ == "dobj"), None) if act is not None else None
        if obj is not None and obj.pos_ in ("NOUN", "PROPN") and not is_amount(obj):
            argument = action_argument(lex, act, obj, nested=True)
            return [*lead, act, *phrase(lex, obj, keep_det=False, depth=1), *argument]
    return []


def completion(lex: StanceLexicon, noun: Token, bare: bool = True, doing: bool = True) -> list[Token]:
    """The arguments that complete an issue noun without a prepositional complement:
    a content clause ("the claim that taxes would rise"), a participle with its place ("a
    sunset clause inserted in the Bill"), an infinitive with its object ("the decision to
    send a junior minister") and the act it makes or lets someone do ("plans to allow
    foreign investors to develop land", `_caused_action`) or a gerund with its object after
    a kept preposition ("guidelines on splitting the financial burden"); with `bare`, also
    an infinitive with no object ("Japan's refusal to apologise for the invasion",
    `bare_infinitive`); with `doing`, also a present participle with its object ("the
    treaty establishing a constitution"), which completes a noun that is an issue by itself,
    never makes one of a generic noun ("an idea saying …")."""
    gerund = gerund_complement(lex, noun)
    if gerund:
        return gerund
    said = copular_relative(lex, noun) or content_clause(noun) or action_relative(lex, noun)
    if said:
        return said
    for child in noun.rights:
        to_aux = has_to_marker(child)
        # "oppose the bill to ban fox hunting"; not an action's object ("imposing any
        # solution to resolve the dispute", where the infinitive is the purpose); a policy
        # noun's infinitive is what it does wherever it stands ("introduced a bill to ban
        # smoking", "announced measures to curb tax avoidance": what a later "the bill" is),
        # when it acts on an object ("made a policy to deal with it" says no content)
        infinitive_relative = child.dep_ == "relcl" and to_aux and (
            lex.cue(noun.head.lemma_) is not None
            or noun.lemma_.lower() in POLICY_NOUNS and any(c.dep_ == "dobj" for c in child.children)
        )
        # "help to get people on the housing ladder": an infinitive the parser hangs on the
        # noun as its complement
        infinitive_complement = child.dep_ == "xcomp" and to_aux
        if child.dep_ != "acl" and not infinitive_relative and not infinitive_complement:
            continue  # "the bill to ban fox hunting" is parsed either way
        if child.pos_ not in ("VERB", "AUX"):
            continue
        if child.lemma_.lower() in EMPTY_VERBS and not _light_act(lex, child) and not _causes_act(child):
            continue  # "make the mistake"; not "let universities charge fees" (the act let)
        to = to_marker(child)
        neg = next((c for c in child.children if c.dep_ == "neg"), None)
        if neg is not None and to is None:
            return []  # "an agreement not based on …" says what it is not
        # "his decision not to release foreign terror suspects": the act of not doing it
        not_ = [neg] if neg is not None else []
        if child.tag_ == "VBN" and to is None:
            prep = next((c for c in child.children if c.dep_ == "prep" and c.lower_ in COMPLETION_PREPOSITIONS), None)
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                return [child, prep, *phrase(lex, pobj, keep_det=True, depth=1)]
            purpose = _purpose(lex, child)
            if purpose:
                return purpose
        elif doing and child.tag_ == "VBG" and to is None and child.dep_ == "acl" and not _says(child):
            # "the treaty establishing a constitution for the EU": what the thing does, with its
            # object; not what it says ("Cabinet Office orders telling staff …")
            obj = next((c for c in child.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN") and not is_amount(obj):
                argument = action_argument(lex, child, obj, nested=True)
                return [child, *phrase(lex, obj, keep_det=True, depth=1), *argument]
        elif to is not None and child.tag_ == "VB":
            obj = next((c for c in child.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                out = [*not_, to, child, *phrase(lex, obj, keep_det=False, depth=1)]
                argument = action_argument(lex, child, obj, nested=True)  # "the decision to send troops to Iraq"
                if argument:
                    return out + argument
                # "the decision to provide Yukos with bankruptcy protection": what is provided
                prep = next(
                    (c for c in child.children if c.dep_ == "prep" and c.lower_ == "with" and c.i > obj.i), None
                )
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
                if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                    out += [prep, *phrase(lex, pobj, keep_det=False, depth=1)]
                else:
                    out += _caused_action(lex, child, obj)  # "plans to force councils to publish accounts"
                return out
            caused = _caused_action(lex, child, None)
            if caused:
                return [*not_, to, child, *caused]  # "plans to allow foreign investors to develop land"
            if obj is None and bare:
                return [*not_, *bare_infinitive(lex, to, child)]
    return []


def _caused_action(lex: StanceLexicon, verb: Token, obj: Token | None) -> list[Token]:
    """The act an infinitive makes or lets someone do, with that act's object: "to force
    councils | to publish their accounts" (the verb's object, then an infinitive hung on the
    verb), "to allow foreign investors to develop land" (a clause whose subject is the one let
    do it, parsed as the verb's complement). Without the act the label names only who is
    made to do something ("plans to allow foreign investors"), or nobody ("plans"). After a
    verb that takes a bare infinitive (`bare_infinitive_causatives`: "plans to let universities
    charge fees") the act has no "to"."""
    bare = verb.lemma_.lower() in BARE_INFINITIVE_CAUSATIVES
    for inner in verb.rights:
        if inner.dep_ not in ("xcomp", "ccomp") or inner.tag_ != "VB" or inner.lemma_.lower() in EMPTY_VERBS:
            continue
        to = to_marker(inner)
        act_obj = next((c for c in inner.children if c.dep_ == "dobj"), None)
        if (to is None and not bare) or act_obj is None or act_obj.pos_ not in ("NOUN", "PROPN") or is_amount(act_obj):
            continue
        subject = next((c for c in inner.children if c.dep_ == "nsubj"), None)
        if obj is None and (subject is None or subject.pos_ not in ("NOUN", "PROPN")):
            continue  # "to allow them to …": no one named
        if obj is not None and subject is not None:
            continue  # after an object the act is the object's, with no subject of its own
        who = phrase(lex, subject, keep_det=False, depth=1) if obj is None else []
        marker = [to] if to is not None else []
        return [*who, *marker, inner, *phrase(lex, act_obj, keep_det=False, depth=1)]
    return []


def copular_relative(lex: StanceLexicon, noun: Token) -> list[Token]:
    """ "the most objectionable proposals, which are for house arrest": a relative clause
    that only says, with "be" and a preposition of purpose (`purpose_prepositions`), what the
    noun is for or about; not a state it is in ("the reforms, which are on hold")."""
    for clause in noun.rights:
        if clause.dep_ != "relcl" or clause.lemma_ != "be":
            continue
        if not any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in clause.children):
            continue
        prep = next((c for c in clause.children if c.dep_ == "prep" and c.lower_ in PURPOSE_PREPOSITIONS), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and not lex.is_generic_target(pobj.lemma_):
            return [prep, *phrase(lex, pobj, keep_det=False, depth=1)]
    return []


_BACK_DETERMINERS = frozenset({"the", "this", "these", "that", "those"})


def action_relative(lex: StanceLexicon, noun: Token) -> list[Token]:
    """ "regulations which would raise the pension age", "a bill that would ban smoking in
    pubs": a measure noun's (`measure_nouns`) relative clause whose verb acts on an object
    says what the measure does, and completes it; not a clause of saying, of "be" or of a
    relative with a subject of its own ("the plans which Labour opposes")."""
    lemma = noun.lemma_.lower()
    if lemma not in MEASURE_NOUNS:
        return []
    definite = any(c.dep_ == "det" and c.lower_ in _BACK_DETERMINERS for c in noun.children)
    if definite and any(t.lemma_.lower() == lemma and t.pos_ in ("NOUN", "PROPN") for t in noun.doc[: noun.i]):
        return []  # "the bill which brings in house arrest" after "the Anti-Terrorism Bill": described, not named
    for clause in noun.rights:
        if clause.dep_ != "relcl" or clause.pos_ != "VERB" or _says(clause):
            continue
        if clause.lemma_.lower() in EMPTY_VERBS and not _light_act(lex, clause):
            continue
        if not any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in clause.children):
            continue
        obj = next((c for c in clause.children if c.dep_ == "dobj"), None)
        # "rules that allow employers to cut sick pay": the act allowed, with its own object
        act = next((c for c in clause.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"), None)
        acted = act is not None and any(c.dep_ == "dobj" for c in act.children)
        if not acted and (obj is None or obj.pos_ not in ("NOUN", "PROPN") or is_amount(obj)):
            continue
        asides = [c for c in clause.children if c.dep_ in ("advcl", "relcl", "parataxis", "conj", "cc")]
        skip = {g.i for c in asides for g in c.subtree}
        return [
            t for t in clause.subtree
            if t.i not in skip and t.dep_ not in ("det", "punct") and not t.is_quote and not t.is_space
        ]
    return []


def adjective_head(verb: Token) -> Token | None:
    """The adjective a verb depends on: "ready to back", "uneasy about supporting"."""
    view, i = view_of(verb.doc), verb.i
    dep, head = view.dep, view.head[i]
    if dep[i] == "pcomp" and dep[head] == "prep":
        head = view.head[head]
    elif dep[i] != "xcomp":
        return None
    return verb.doc[head] if view.pos[head] == "ADJ" else None


def _says(verb: Token) -> bool:
    return verb.lemma_.lower() in REPORTING_VERBS


def _causes_act(verb: Token) -> bool:
    """An empty verb of letting or making (`bare_infinitive_causatives`: "let", "make") with an
    act below it that has a subject of its own ("plans to let universities charge fees"): the
    act names the issue (`_caused_action`), not the verb."""
    return verb.lemma_.lower() in BARE_INFINITIVE_CAUSATIVES and any(
        c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VB" and any(g.dep_ == "nsubj" for g in c.children)
        for c in verb.rights
    )


def _light_act(lex: StanceLexicon, verb: Token) -> bool:
    """A light verb's infinitive whose object names the act ("his failure to make a statement
    to MPs", "the decision to take legal action"): the object carries the issue; without an
    object, the noun of the preposition right after it does ("his decision to go to war in
    Iraq", "the threat to take to the streets"), as `bare_infinitive` renders it."""
    if not has_to_marker(verb):
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        prep = next((c for c in verb.rights if c.dep_ == "prep"), None)
        if prep is None or prep.i != verb.i + 1 or prep.lower_ not in COMPLETION_PREPOSITIONS:
            return False
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or is_amount(obj) or lex.is_generic_target(obj.lemma_):
            return False
    return obj.pos_ == "NOUN" and lex.evaluative(obj.lemma_) is None  # not "make the mistake"


def bare_infinitive(lex: StanceLexicon, to: Token, verb: Token) -> list[Token]:
    """An infinitive with no object that completes its noun ("Japan's refusal to apologise
    for the invasion", "plans to intervene in the dispute"): a reader names the act, with the
    prepositional argument right after the verb; not one that goes on into a clause of its
    own ("the decision to say that …") or shares an object with a conjunct ("proposals to
    merge or amalgamate the regiments")."""
    if any(c.dep_ in ("ccomp", "xcomp", "dobj", "obj", "nsubjpass", "conj") for c in verb.children):
        return []
    prep = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ in COMPLETION_PREPOSITIONS), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None or pobj.pos_ not in ("NOUN", "PROPN") or is_amount(pobj) or lex.is_generic_target(pobj.lemma_):
        return [to, verb]
    return [to, verb, prep, *phrase(lex, pobj, keep_det=False, depth=1)]


# "in" keeps only an action: "their work in tackling the problem", "flexibility in deciding
# access rules" say what the noun is about; "in" with a noun is a place or a field, read by
# `complement`
GERUND_PREPOSITIONS = KEEP_PREPOSITIONS | {"in"}


def gerund_complement(lex: StanceLexicon, noun: Token) -> list[Token]:
    """ "guidelines on splitting the financial burden", "a ban on importing beef", "their work
    in tackling the problem": the first kept preposition after the noun, when its complement
    is an action with its object."""
    prep = next((c for c in noun.rights if c.dep_ == "prep"), None)
    if prep is None or prep.lower_ not in GERUND_PREPOSITIONS:
        return []
    verb = next((c for c in prep.children if c.dep_ == "pcomp"), None)
    if verb is None or verb.tag_ != "VBG" or verb.lemma_.lower() in EMPTY_VERBS:
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or is_amount(obj):
        return []
    return [prep, verb, *phrase(lex, obj, keep_det=False, depth=1), *action_argument(lex, verb, obj, nested=True)]


def is_amount(noun: Token) -> bool:
    """ "in April", "by 5%", "to £6": a time or an amount, not what an action is done to;
    not people counted by their age, which NER may type as a date ("grants for 14 to
    16-year-olds", `age_group`)."""
    return (noun.ent_type_ in AMOUNT_TYPES or noun.like_num) and not age_group(noun)


def age_group(noun: Token) -> bool:
    """A plural noun of people named by their age, "year" compounded before it ("16-year-olds",
    "three and four-year-olds")."""
    return noun.tag_ == "NNS" and any(c.dep_ == "compound" and c.lemma_.lower() == "year" for c in noun.lefts)


_ACTION_PREPOSITIONS = COMPLETION_PREPOSITIONS | BODY_PREPOSITIONS | RESTRICTING_PREPOSITIONS


def action_argument(lex: StanceLexicon, verb: Token, obj: Token, nested: bool = False) -> list[Token]:
    """The prepositional argument right after an action's object that says where, to whom
    or on what it is done ("reduce the number of workers on sick leave", "store foreign
    nuclear waste in the UK", "send a junior minister to the ceremony"), or what it is done
    without (`RESTRICTING_PREPOSITIONS`: "bring in trial without jury"); not a time or an
    amount, a pronoun or a generic noun. A noun the parser hung on the verb as its conjunct
    is its object too (`labels._shared_head`). With `nested` (the object labelled below the
    top level, where its own complement is not kept), also the first argument the parser
    hangs on the object itself ("rules allowing reduced sentences for murderers")."""
    if obj.dep_ != "dobj" and not (obj.dep_ == "conj" and obj.head == verb and obj.pos_ == "NOUN"):
        return []
    after = obj.right_edge.i + 1
    prep = next(
        (
            c for c in verb.rights
            if (c.dep_ == "prep" or c.dep_ == "dative" and c.pos_ == "ADP")  # "compare X to Y": a dative "to"
            and c.i == after and c.lower_ in _ACTION_PREPOSITIONS
        ),
        None,
    )
    if prep is None and nested:
        # "rules allowing reduced sentences for murderers": the argument the parser hangs on
        # the object itself, which a complement below the top level does not keep
        prep = next(
            (c for c in obj.rights if c.dep_ == "prep" and c.lower_ in COMPLETION_PREPOSITIONS and c.lower_ != "of"),
            None,
        )
        if prep is not None and any(c.dep_ == "prep" and c.i < prep.i for c in obj.rights):
            prep = None  # only the first
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None or pobj.pos_ not in ("NOUN", "PROPN") or is_amount(pobj):
        return []
    if prep.lower_ in BODY_PREPOSITIONS and pobj.pos_ != "PROPN":
        return []  # "before the election" is a time; "before the US Congress" a body
    if pobj.pos_ == "PRON" or lex.is_generic_target(pobj.lemma_):
        return []
    return [prep, *phrase(lex, pobj, keep_det=False, depth=1)]


def trailing(lex: StanceLexicon, noun: Token) -> list[Token]:
    """What the parser hangs on a stance verb but its object's issue needs, right after it:
    "without" and its object ("criticised the detention of suspects without trial") and an
    infinitive with its object ("supports constitutional amendments to expand military
    capabilities") or, when the infinitive's own object is a pronoun, with its prepositional
    arguments. A verb of attack judges its object too ("attacked the government's \"failure\"
    to control immigration", where the quote marks let the parser hang the infinitive on the
    verb), but with no cue of its own only an infinitive that the object takes, a noun of an
    act or attempt ("failure", "decision", "plan": `deverbal`, `attempt_nouns`,
    `attitude_nouns`): "attacked Labour's record to rally his party" states the attacker's
    purpose."""
    cued = lex.cue(noun.head.lemma_) is not None
    if noun.dep_ != "dobj" or not (cued or noun.head.lemma_.lower() in VERBAL_ATTACK_VERBS):
        return []  # only a stance verb's object: "imposing a solution to resolve the dispute" is a purpose
    lemma = noun.lemma_.lower()
    takes_infinitive = cued or deverbal(lemma) or lemma in ATTEMPT_NOUNS or lemma in ATTITUDE_NOUNS
    after = noun.right_edge.i + 1
    for child in noun.head.rights:
        if child.left_edge.i != after:
            continue
        if child.dep_ == "prep" and child.lower_ == "without":
            pobj = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
            if pobj is not None:
                return [child, *phrase(lex, pobj, keep_det=False, depth=1)]
        if (
            takes_infinitive and child.dep_ == "advcl" and child.tag_ == "VB"
            and child.lemma_.lower() not in EMPTY_VERBS
        ):
            to = to_marker(child)
            obj = next((c for c in child.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
            if to is not None and obj is not None:
                return [to, child, *phrase(lex, obj, keep_det=False, depth=1)]
            if to is not None and any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in child.children):
                # "backed the Home Office's powers to hold them without limit or charge": the
                # pronoun names no issue, the act and its manner do
                manner = [t for c in child.rights if c.dep_ == "prep" for t in c.subtree if not t.is_punct]
                return [to, child, *manner] if manner else []
    return []


def so_called(doc: Doc, t: Token) -> bool:
    """A piece of "so-called" split by the tokenizer ("so", "-", "called")."""
    if t.lower_ == "called":
        return t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ == "so"
    if t.text == "-":
        return 0 < t.i < len(doc) - 1 and doc[t.i - 1].lower_ == "so" and doc[t.i + 1].lower_ == "called"
    if t.lower_ == "so":
        return t.i < len(doc) - 2 and doc[t.i + 1].text == "-" and doc[t.i + 2].lower_ == "called"
    return False


def _content(token: Token) -> bool:
    return token.pos_ not in FUNCTION_POS and token.pos_ not in ("PRON", "PUNCT", "SPACE") and token.tag_ != "POS"


def _cut(tokens: list[Token]) -> list[Token]:
    """Tokens of a label cut after MAX_CONTENT_WORDS content words, so that a clause keeps its
    arguments ("claims that the legal advice used to justify the Iraq war"), at the last
    phrase boundary before the cut: before a phrase hung on a word left of it ("… preparing to
    oust Alan Milburn | as Labour's election chief"), never inside a name or a compound."""
    content = [k for k, t in enumerate(tokens) if _content(t)]
    if len(content) <= MAX_CONTENT_WORDS:
        return tokens
    end = content[MAX_CONTENT_WORDS]  # the first token left out
    shortest = content[MIN_CUT_CONTENT_WORDS - 1] + 1
    for k in range(end, shortest - 1, -1):
        if _starts_phrase(tokens[k]):
            end = k
            break
    kept = tokens[:end]
    while len(kept) > 1 and _dangling(kept[-1], tokens[end].i):
        kept.pop()  # no dangling "on the", "that", "to ensure", "or that any risk"
    return kept


def _dangling(token: Token, cut: int) -> bool:
    """Whether a label's last word is left hanging by a cut before the token at `cut`: a
    function word, an adverb, a word whose head was cut off, or one whose object was."""
    if not _content(token) or token.pos_ == "ADV":
        return True
    if token.head.i >= cut:
        return True
    return any(c.i >= cut and c.dep_ in REQUIRED_DEPS for c in token.children)


# the dependents that hang a phrase of their own on a word: a cut may fall before them
PHRASE_DEPS = frozenset({"prep", "agent", "advcl", "acl", "relcl", "conj", "cc", "ccomp", "xcomp", "npadvmod", "appos"})


REQUIRED_DEPS = frozenset({"dobj", "pobj", "pcomp", "ccomp", "xcomp", "attr", "acomp", "prt", "dative"})


def _starts_phrase(token: Token) -> bool:
    """Whether a token opens a phrase hung on a word before it (a preposition's, a clause's,
    a conjunct's first word)."""
    top = token
    while top.head is not top and top.head.left_edge.i == token.i:
        top = top.head  # the largest phrase the token opens
    return top.left_edge.i == token.i and top.head.i < token.i and top.dep_ in PHRASE_DEPS


def render(doc: Doc, tokens: list[Token]) -> str:
    """Chosen tokens as label text, in document order, spaced as written."""
    tokens = [t for t in tokens if not so_called(doc, t)]
    kept = {t.i: t for t in tokens}
    for i in list(kept):
        # "Nagorno - Karabakh": keep a hyphen or slash joining two kept words
        if i + 2 in kept and doc[i + 1].text in ("-", "/", "–") and not doc[i].whitespace_:
            kept[i + 1] = doc[i + 1]
    last = max(kept, default=-1)
    for i in [i for i in kept if doc[i].text == "("]:
        # "Child Support Agency (CSA) reforms": a kept bracket closes where the text closes it
        close = next((k for k in range(i + 1, min(i + 4, last + 1)) if doc[k].text == ")"), None)
        if close is not None:
            kept[close] = doc[close]
    tokens = _cut(sorted(kept.values(), key=lambda t: t.i))
    parts = []
    for i, t in enumerate(tokens):
        parts.append(t.text)
        follows = tokens[i + 1] if i + 1 < len(tokens) else None
        if follows is not None and not (follows.i == t.i + 1 and not t.whitespace_):
            parts.append(" ")
    label = clean("".join(parts))
    words = label.split()
    if len(words) > MAX_LABEL_WORDS:
        # a hard cap, less the function words the cut leaves dangling ("… on the shape of")
        closed = {t.text for t in tokens if t.pos_ in FUNCTION_POS}
        words = words[:MAX_LABEL_WORDS]
        while len(words) > 1 and words[-1] in closed:
            words.pop()
        label = " ".join(words)
    first = tokens[0] if tokens else None
    sentence_capital = (
        first is not None
        and first.is_sent_start
        and first.pos_ != "PROPN"
        and not first.ent_type_
        and not first.text.isupper()
    )
    if label and sentence_capital:
        label = label[0].lower() + label[1:]  # sentence-initial capital only
    return label
