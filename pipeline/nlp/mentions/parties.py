"""Party references: lower-case "the party" tied to the one party it can mean.

A BBC politics story names a party ("The Liberal Democrats have unveiled …") and goes on
with "the party says …", "accused the party of …". The reference is made a mention whose
`antecedent` is the party's named mention, so quotes, stances and events read one link
instead of each guessing the body:

* the one party named in its sentence (before it) or the two sentences before;
* with none named there, the party the article is about: named at least twice so far and
  twice as often as any other;
* otherwise (two parties in view, or no clear focus) it is left unlinked.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.gazetteer import Gazetteer
from pipeline.nlp.mentions.context import Candidate, MentionContext, body_key, make_mention
from pipeline.nlp.mentions.vocabulary import PARTY_BRANCH_MODIFIERS, PARTY_NOUNS, REGION_ADJECTIVES, REPORTING_VERBS
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import has_indefinite_article, is_subject, mention_root
from pipeline.nlp.token_view import view_of

# Sentences back (besides its own) a party named still counts as the one "the party" takes up.
RECENT_SENTENCES = 2
# Modifiers that make "party" another noun's ("the Labour party" has a name; "the ruling party"
# is whichever governs; "the other party" is not the one named).
_OWN_MODIFIERS = ("compound", "amod", "nmod", "poss", "nummod")
# Prepositions that make "the party" a gathering ("after the party", "at the party").
_GATHERING_PREPOSITIONS = frozenset({"after", "before", "during", "at"})


def party_references(mc: MentionContext, mentions: list[Mention]) -> list[Mention]:
    """Mentions plus one for each "the party" that fits one party (see module docstring)."""
    parties = [m for m in mentions if is_party(mc.gaz, m)]
    if not parties:
        return mentions
    taken = {m.char_start for m in mentions}
    extra = []
    doc = mc.doc
    for i, word in enumerate(view_of(doc).lower):
        if word not in PARTY_NOUNS:
            continue  # (told on the token view: a Token made only for the party nouns)
        token = doc[i]
        if token.idx in taken or not _bare_definite(token):
            continue
        if mc.section[token.i] not in ("body", "caption") or mc.inside_speech(token.idx):
            continue
        target = _party_meant(mc, token, parties)
        if target is None or _other_party_between(mc, target, token, parties):
            continue
        name = target.name
        candidate = Candidate(token.i - 1, token.i + 1, "ORG", "ORGANIZATION", "title", name, 0)
        made = make_mention(mc, candidate, antecedent=target.antecedent or target.mention_id)
        if made is not None:
            extra.append(made)
    return sorted(mentions + extra, key=lambda m: m.char_start) if extra else mentions


def is_party(gaz: Gazetteer, m: Mention) -> bool:
    """A named organisation that is a party: its name, or a name the gazetteer gives it, says so."""
    if m.entity_type != "ORGANIZATION" or m.kind != "name":
        return False
    entry = gaz.entries.get(m.gazetteer_id) if m.gazetteer_id else None
    return _names_a_party(entry.surfaces if entry is not None else (m.name,))


def _names_a_party(surfaces) -> bool:
    """Whether one of the names holds a party noun as a word ("the Labour Party")."""
    return any(PARTY_NOUNS & set(s.lower().split()) for s in surfaces)


def party_branch(mc: MentionContext, span: Span, entity_id: str) -> Candidate | None:
    """ "The Scottish Conservative Party leader", "the Welsh Liberal Democrats", "a meeting of
    the parliamentary Labour party": a nation's adjective (region_adjectives) or a branch word
    (party_branch_modifiers, then only before "party") right before a known party's name make
    the party's branch, one body of its own named by the word and the party's name, not the
    party itself; a branch the gazetteer knows ("Parliamentary Labour Party") keeps its id."""
    entry = mc.gaz.entries.get(entity_id)
    start = span.start
    if entry is None or start == 0 or not _names_a_party(entry.surfaces):
        return None
    before = mc.doc[start - 1]
    if before.ent_type_ not in ("", "NORP") or not mc.in_sections(start - 1, span.end):
        return None
    regional = before.is_title and before.lower_ in REGION_ADJECTIVES
    branch = before.lower_ in PARTY_BRANCH_MODIFIERS and span[-1].lower_ in PARTY_NOUNS
    if not (regional or branch):
        return None
    name = f"{before.text.capitalize()} {entry.name}"
    known = mc.gaz.by_alias(name)
    if known is not None:
        return Candidate(
            start - 1, span.end, "ORG", "ORGANIZATION", "name", known.name, 2, known.entity_id,
            country_iso3=known.country_iso3,
        )
    return Candidate(start - 1, span.end, "ORG", "ORGANIZATION", "name", name, 2, country_iso3=entry.country_iso3)


def _bare_definite(token: Token) -> bool:
    """ "the party" as a noun phrase of its own: singular, right after "the", with no modifier
    and no noun after it ("the party conference" is the conference's)."""
    if token.tag_ != "NN" or token.i == 0 or token.doc[token.i - 1].lower_ != "the":
        return False
    if any(c.dep_ in _OWN_MODIFIERS and c.i < token.i or c.dep_ in ("acl", "relcl") for c in token.children):
        return False  # "the party challenging Labour", "the party that wins": a role, not a reference
    if token.dep_ == "pobj" and token.head.lower_ == "as":
        return False  # "replaced the Tories as the party …": the role one takes
    if token.dep_ == "pobj" and token.head.lower_ in _GATHERING_PREPOSITIONS:
        return False  # "After the party, Mr Kennedy said …": a gathering, not a political party
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if after is not None and after.lower_ == "of":
        # "the party of government" is another; "accused the party of buying votes" states a charge
        return after.head.i != token.i or any(c.dep_ == "pcomp" or c.tag_ == "VBG" for c in after.children)
    return after is None or not after.tag_.startswith("NN")


def _party_meant(mc: MentionContext, token: Token, parties: list[Mention]) -> Mention | None:
    sentence = mc.ctx.sentence_at(token.idx)
    if sentence is None:
        return None
    actors, reporters = _governing_subjects(token)
    if any(_root(mc, m) in reporters for m in parties):
        # "Labour said the party would fight on the economy" is Labour itself, "The Lib Dems
        # said the party's sums do not add up" is another: a party reporting leaves it open
        return None
    before = [
        m
        for m in parties
        if m.char_start < token.idx and not mc.inside_speech(m.char_start) and _root(mc, m) not in actors
    ]
    recent = [m for m in before if 0 <= sentence.sentence_id - m.sentence_id <= RECENT_SENTENCES]
    if len({body_key(m) for m in recent}) > 1:
        # "Labour hit back at the Tory proposals … The party challenged": of several, the one
        # a clause was about, not one named as another noun's modifier
        recent = [m for m in recent if _root(mc, m) is not None and is_subject(mc.doc[_root(mc, m)])]
    if recent:
        keys = {body_key(m) for m in recent}
        return recent[-1] if len(keys) == 1 else None
    if any(sentence.sentence_id - m.sentence_id <= RECENT_SENTENCES for m in before):
        return None  # parties in view, none of them clearly meant: no fallback to the focus
    counts: dict[str, int] = {}
    for m in before:
        counts[body_key(m)] = counts.get(body_key(m), 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked:
        return None
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if n < 2 or n < 2 * second:
        return None
    return next(m for m in reversed(before) if body_key(m) == top)


def _governing_subjects(token: Token) -> tuple[set[int], set[int]]:
    """Subjects of the verbs above "the party", split into those of verbs that act on it ("The
    Tories attacked the party": another party, not themselves) and of reporting verbs ("Labour
    said the party would …"), which may speak of themselves or of another."""
    actors, reporters, node = set(), set(), token
    while node.head.i != node.i:
        node = node.head
        subjects = {c.i for c in node.children if is_subject(c) and c.i != token.i}
        (reporters if node.lemma_.lower() in REPORTING_VERBS else actors).update(subjects)
    return actors, reporters


def _other_party_between(mc: MentionContext, target: Mention, token: Token, parties: list[Mention]) -> bool:
    """A party noun that is no named party between the antecedent and "the party" ("Mr Blair
    hosted a Christmas party … The party was attended by …"): the reference may be that one."""
    named = [(m.char_start, m.char_end) for m in parties]
    for other in mc.doc[:token.i]:
        if other.idx <= target.char_start or other.lower_ not in PARTY_NOUNS:
            continue
        if any(start <= other.idx < end for start, end in named) or _describes_a_party(other, named):
            continue
        if has_indefinite_article(other):
            return True
        if any(c.dep_ in ("compound", "amod") and not any(s <= c.idx < e for s, e in named) for c in other.children):
            return True
    return False


def _describes_a_party(noun: Token, named: list[tuple[int, int]]) -> bool:
    """ "The Conservatives, the main opposition party, …", "Labour is a party that …": a party
    noun set beside a named party, or said of it, is that party, not another one."""
    def is_named(t: Token) -> bool:
        return any(start <= t.idx < end for start, end in named)

    if noun.dep_ == "appos":
        return is_named(noun.head)
    if noun.dep_ == "attr":
        return any(is_subject(c) and is_named(c) for c in noun.head.children)
    return False


def _root(mc: MentionContext, m: Mention) -> int | None:
    root = mention_root(mc.doc, m)
    return root.i if root is not None else None
