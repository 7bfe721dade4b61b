"""Government references: lower-case "the government" and bare "ministers" as the
article's country.

BBC copy says "the government" far more often than it names whose: the reading needs
the whole article's evidence (which country, party, ministry or office only one country has
dominates it) and has nothing to do with the people the other reference passes link, so it
runs as its own pass (`detect_mentions` calls it before `add_references`).
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.mentions.context import Candidate, MentionContext, make_mention
from pipeline.nlp.mentions.vocabulary import (
    CHARGE_VERBS,
    GOVERNING_TITLES,
    GOVERNMENT_QUALIFIERS,
    MINISTER_QUALIFIERS,
    NATIONAL_OFFICES,
)
from pipeline.nlp.records import Mention
from pipeline.nlp.token_view import view_of


def national_government(mc: MentionContext, mentions: list[Mention]) -> list[Mention]:
    """Lowercase "the government" is the article's country when one country clearly
    dominates it: named most (the country itself, or a national party, ministry or office
    of it), at least twice, twice as often as any other, and named as a government's
    country (a party, ministry or office of it) or as the only country the article names
    (a business story about South Korean banks: "asked the government to mediate").
    Structure counts as evidence too: an office, department or chamber only one country has
    ("the Home Secretary", "the Commons") names that government, as its party or ministry
    would, though the country itself is never named. Split evidence (no country named twice
    as often as any other) still leaves "the government" unresolved.
    Bare lower-case "ministers" ("praised ministers for"), or capitalised only as a sentence's
    first word ("Ministers plan to …"), are that government too, and so is "the Government"
    capitalised."""
    counts: dict[str, int] = {}
    governing: dict[str, int] = {}
    for m in mentions:
        if m.entity_type == "COUNTRY" and m.gazetteer_id and m.gazetteer_id.startswith("country:"):
            counts[m.gazetteer_id] = counts.get(m.gazetteer_id, 0) + 1
            if _head_of_government(mc, m):
                governing[m.gazetteer_id] = governing.get(m.gazetteer_id, 0) + 1
        elif m.entity_type == "ORGANIZATION" and m.gazetteer_id and m.country_iso3:
            # a national party, ministry or office counts for its country too: a BBC
            # politics story names Labour and the Home Office far more than Britain
            key = f"country:{m.country_iso3}"
            governing[key] = governing.get(key, 0) + 1
            counts[key] = counts.get(key, 0) + 1
        elif m.entity_type == "LOCATION" and m.gazetteer_id and m.country_iso3:
            # a place inside a country sets the story there ("extended to all police forces in
            # England and Wales ... But the government said"), though it governs nothing itself
            key = f"country:{m.country_iso3}"
            counts[key] = counts.get(key, 0) + 1
    for key, n in _national_offices(mc).items():
        counts[key] = counts.get(key, 0) + n
        governing[key] = governing.get(key, 0) + n
    top = _dominant(counts, governing) or _dominant(governing, governing)
    if top is None:
        return mentions
    country = mc.gaz.entries[top]
    # "the Government" NER typed as a body of that name: the same national government
    capitalised = {m.char_start for m in mentions if m.surface == "Government" and not m.gazetteer_id}
    mentions = [m for m in mentions if m.char_start not in capitalised]
    taken = {m.char_start for m in mentions}
    doc, extra = mc.doc, []
    for i, lower in enumerate(view_of(doc).lower):
        if lower not in ("ministers", "government"):
            continue  # (a Token only for the words tested below)
        token = doc[i]
        if token.idx in taken:
            continue
        if (token.text == "ministers" or token.text == "Ministers" and token.is_sent_start) and _bare_ministers(token):
            pass  # "urged ministers to act", "Ministers plan to …": the government's ministers, acting for it
        elif token.lower_ != "government" or token.i == 0 or not _definite(doc, token.i):
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and (nxt.pos_ == "PROPN" or nxt.tag_.startswith("NN")):
            continue  # "the government bill"
        if nxt is not None and nxt.lower_ == "of" and not _charged_with(doc, nxt.i):
            continue  # "the government of Iraq"; not "accused the government of failing"
        if not mc.in_sections(token.i, token.i + 1):
            continue
        c = Candidate(
            token.i, token.i + 1, "ORG", "COUNTRY", "metonym", country.name, 0, top, country_iso3=country.country_iso3
        )
        m = make_mention(mc, c)
        if m is not None:
            extra.append(m)
    return sorted(mentions + extra, key=lambda m: m.char_start)


def _definite(doc, i: int) -> bool:
    """ "the government", "the current government": "the" and at most one qualifier."""
    if doc[i - 1].lower_ == "the":
        return True
    return i >= 2 and doc[i - 1].lower_ in GOVERNMENT_QUALIFIERS and doc[i - 2].lower_ == "the"


def _head_of_government(mc: MentionContext, m: Mention) -> bool:
    """ "prime minister of Macedonia", "the Macedonian President": the country is named as
    the state a head of government leads."""
    view = view_of(mc.doc)
    tokens = view.token_range(m.char_start, m.char_end)
    if tokens is None:
        return False
    start, end = tokens
    if m.kind == "demonym":
        return end < len(view) and view.lower[end] in GOVERNING_TITLES
    return start >= 2 and view.lower[start - 1] == "of" and view.lower[start - 2] in GOVERNING_TITLES


_LONGEST_OFFICE = max((len(p.split()) for p in NATIONAL_OFFICES), default=0)
_OFFICE_FIRST_WORDS = frozenset(p.split(" ")[0] for p in NATIONAL_OFFICES)


def _national_offices(mc: MentionContext) -> dict[str, int]:
    """Hits per country of the offices and chambers only one country's government has
    (mentions.yaml national_offices): "the Lord Chancellor", "the Commons". A phrase after a
    place or people ("US Defence Secretary", "Northern Ireland Secretary of State") is
    another government's post, and "Secretary of State for Work" is a British one."""
    doc, found = mc.doc, {}
    lower = view_of(doc).lower
    i = 0
    while i < len(lower):
        hit = None
        # only a token that can begin a phrase is tried with the words after it (a token
        # with a space in it, white space, is tried in full, as every token once was)
        if lower[i] in _OFFICE_FIRST_WORDS or " " in lower[i]:
            for n in range(min(_LONGEST_OFFICE, len(lower) - i), 0, -1):
                phrase = " ".join(lower[i : i + n])
                if phrase in NATIONAL_OFFICES:
                    hit = (n, NATIONAL_OFFICES[phrase])
                    break
        if hit is None:
            i += 1
            continue
        n, iso3 = hit
        before = doc[i - 1] if i else None
        after = doc[i + n] if i + n < len(doc) else None
        foreign = before is not None and before.ent_type_ in ("GPE", "NORP")
        if not foreign and not (after is not None and after.lower_ == "for") and mc.in_sections(i, i + n):
            key = f"country:{iso3.upper()}"
            found[key] = found.get(key, 0) + 1
        i += n
    return found


def _dominant(counts: dict[str, int], governing: dict[str, int]) -> str | None:
    """The country named at least twice and twice as often as any other, if one of its
    parties, ministries or offices is named or it is the only country named. Tried on all names, then on those bodies
    alone: a story on a minimum wage that names the US three times and Labour and the
    Tories five is still about the British government."""
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return top if n >= 2 and n >= 2 * second and (top in governing or not second) else None


def _bare_ministers(token: Token) -> bool:
    """Lower-case "ministers" with nothing naming whose they are ("Labour ministers",
    "EU foreign ministers", "ministers from both countries" name someone else's); a
    modifier that says they govern ("Cabinet ministers", "senior government ministers",
    mentions.yaml minister_qualifiers) keeps them the government's."""
    for child in token.children:
        if child.dep_ == "det" and child.lower_ in ("the",) or child.dep_ == "punct":
            continue  # "the ministers", "ministers," before a clause
        if child.dep_ in ("amod", "compound", "nmod") and child.i < token.i and _governing_modifier(child):
            continue
        if child.dep_ == "prep" and child.i == token.i + 1 and _charged_with(token.doc, child.i):
            continue  # "accused ministers of wasting money": the charge, not whose ministers
        return False
    previous = token.doc[token.i - 1] if token.i else None
    return previous is None or previous.tag_ != "POS"


def _charged_with(doc, i: int) -> bool:
    """ "accused the government of failing", "ministers of wasting money": an "of" at `i`
    followed by a gerund states a charge against the government, where "of" before a name
    or a noun ("the government of Iraq", "ministers of both countries") says whose it is.
    After the object of a verb of charging (mentions.yaml charge_verbs) the "of" states the
    charge whatever follows ("accused the government of incompetence")."""
    if doc[i].lower_ != "of" or i + 1 >= len(doc):
        return False
    if doc[i + 1].tag_ == "VBG":
        return True
    charged, named = doc[i - 1], next((c for c in doc[i].children if c.dep_ == "pobj"), None)
    if named is not None and named.pos_ == "PROPN":
        return False  # "accused the government of Iraq of lying": whose government
    return charged.dep_ == "dobj" and charged.head.lemma_ in CHARGE_VERBS


def _governing_modifier(modifier: Token) -> bool:
    """ "Cabinet", "government", "senior" (mentions.yaml minister_qualifiers), with nothing of
    its own that names another body ("the Scottish Cabinet", "EU government")."""
    if modifier.lower_ not in MINISTER_QUALIFIERS:
        return False
    return all(c.dep_ in ("amod", "compound") and c.lower_ in MINISTER_QUALIFIERS for c in modifier.children)
