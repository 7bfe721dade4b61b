"""Office holders: who held which office of which country when (`office_holders.yaml`, a
dated actor dictionary like the PETRARCH/Phoenix ones), and the title reference it settles.

"Tony Blair has defended his record. The prime minister criticised Michael Howard": the
text never ties the post to the name, but the knowledge does. A bare title with no holder in
the text goes to the one person the article names (given name and surname, as the knowledge
writes it) who held that office at a time the article allows, in the country a place before
the post gives ("the Israeli prime minister"); of several, to the one whose country the
article names alone. Nobody the article does not name is ever linked.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.tokens import Token

from pipeline.nlp.gazetteer import KNOWLEDGE_DIR, load_gazetteer, surface_key
from pipeline.nlp.mentions.bodies import surname
from pipeline.nlp.mentions.context import MentionContext
from pipeline.nlp.names import may_name_one_person, role_compatible
from pipeline.nlp.records import Mention
from pipeline.nlp.yaml_text import safe_load

OFFICE_HOLDERS_FILE = KNOWLEDGE_DIR / "office_holders.yaml"


@dataclass(frozen=True)
class Term:
    """One person's term in one office."""

    person: str  # the name as news writes it
    names: frozenset[str]  # `name_key`s of the person's name and aliases
    role: str  # canonical role of roles.yaml
    titles: frozenset[str]  # the roles a bare title of the office may name (`role` and the group's `titles`)
    iso3: str
    party: str | None  # `body_key` of the party whose post it is ("the Tory leader"), else None
    start: date
    end: date | None  # None: still in office

    def held_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def overlaps(self, first: date, last: date) -> bool:
        return self.start <= last and (self.end is None or first < self.end)


def name_key(name: str) -> str:
    """ "José María Aznar" == "Jose Maria Aznar"; "George W. Bush" == "George W Bush"."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return surface_key(folded)


@functools.lru_cache(maxsize=1)
def load_office_holders(path: Path = OFFICE_HOLDERS_FILE) -> tuple[Term, ...]:
    """Every term of the file; raises on a role roles.yaml lacks, a country countries.csv
    does not name, or a term that ends before it starts."""
    gaz = load_gazetteer()
    role_names = {r.name for r in gaz.roles}
    terms = []
    for office in safe_load(path.read_text(encoding="utf-8"))["offices"]:
        titles = frozenset([office["role"], *office.get("titles", ())])
        if unknown := titles - role_names:
            raise ValueError(f"{path.name}: roles not in roles.yaml: {sorted(unknown)}")
        entry = gaz.by_alias(office["country"])
        if entry is None or not entry.entity_id.startswith("country:") or not office.get("source"):
            raise ValueError(f"{path.name}: {office['country']!r} is no country of countries.csv, or no source")
        party = gaz.by_alias(office["party"]) if "party" in office else None
        if "party" in office and party is None:
            raise ValueError(f"{path.name}: party {office['party']!r} is not in organizations.yaml")
        for h in office["holders"]:
            start, end = h["start"], h.get("end")
            if not isinstance(start, date) or end is not None and not (isinstance(end, date) and start < end):
                raise ValueError(f"{path.name}: bad dates for {h['person']}: {start}..{end}")
            names = frozenset(name_key(n) for n in [h["person"], *h.get("aliases", ())])
            party_id = party.entity_id if party is not None else None
            iso3 = entry.entity_id.removeprefix("country:")
            terms.append(Term(h["person"], names, office["role"], titles, iso3, party_id, start, end))
    return tuple(terms)


def known_holder(
    mc: MentionContext,
    the: Token,
    persons: list[Mention],
    roles: dict[str, set[str]],
    title: str,
    place: str | None,
    party: str | None = None,
) -> Mention | None:
    """The one person the article names whom the knowledge gives the office a bare title
    names ("the prime minister"): in the place's country when a place comes before the post
    (`place`, an ISO3 code); of the party a party's post names (`party`, its `body_key`:
    "the Tory leader"; a party's post is read from no other title); at the article's date,
    or, undated, at a time that agrees with the posts the text itself gives the people it
    names. None when no one or several fit. Someone the text gives only other posts
    ("Chancellor Gordon Brown") is not the holder."""
    terms = [
        t for t in load_office_holders() if title in t.titles and (not place or t.iso3 == place) and t.party == party
    ]
    named = {name_key(m.name) for m in persons}
    day = mc.ctx.published_date
    terms = [t for t in terms if t.held_on(day)] if day else _in_era(terms, named, roles)
    fitting: dict[str, set[str]] = {}
    written: dict[str, set[str]] = {}  # the person's names as this article writes them
    for t in terms:
        if t.names & named and not _holds_other_posts(roles, t.person, title):
            fitting.setdefault(t.person, set()).add(t.iso3)
            written.setdefault(t.person, set()).update(m.name for m in persons if name_key(m.name) in t.names)
    if len(fitting) > 1 and not place:
        # several holders of such posts ("the president" with Bush and Chirac named): the one
        # whose country is the only one of theirs the article names
        context = {t.ent_id_.removeprefix("country:") for t in mc.doc if t.ent_id_.startswith("country:")}
        fitting = {p: c for p, c in fitting.items() if c & context}
    if len(fitting) != 1:
        return None
    (person,) = fitting
    # by the names the article gives the person ("Ken Clarke", "Lula da Silva"), which need
    # not be the knowledge's own spelling, and their short forms ("Mr Clarke")
    own = [m for m in persons if any(may_name_one_person(m.name, n) for n in written[person])]
    earlier = [m for m in own if m.char_start < the.idx]
    return earlier[-1] if earlier else own[0] if own else None


def _holds_other_posts(roles: dict[str, set[str]], person: str, title: str) -> bool:
    held = roles.get(surname(person), set())
    return bool(held) and not any(role_compatible(title, r) for r in held)


def _in_era(terms: list[Term], named: set[str], roles: dict[str, set[str]]) -> list[Term]:
    """An undated article's terms that overlap the time when each person the text names
    (`named`: their `name_key`s) and gives a post the knowledge knows held it ("Chancellor
    Gordon Brown": 1997-2007); all of them when the text gives no such post or those times
    never meet."""
    held: dict[str, list[tuple[date, date]]] = {}
    for t in load_office_holders():
        if t.names & named and t.titles & roles.get(surname(t.person), set()):
            held.setdefault(t.person, []).append((t.start, t.end or date.max))
    era = [(date.min, date.max)]
    for spans in held.values():
        era = [(max(a, c), min(b, d)) for a, b in era for c, d in spans if max(a, c) < min(b, d)]
    if not held or not era:
        return terms
    return [t for t in terms if any(t.overlaps(first, last) for first, last in era)]


def knowledge_holds(person: Mention, title: str) -> bool:
    """Whether the knowledge gives the person, by a name the article writes, an office a bare
    title of `title` names at some time ("Lord Falconer" and "the lord chancellor"): a title
    reference the mentions tied to someone named only after the post is that person's own
    post, not a bystander's, when the office holders say so (`known_holder` checked the date)."""
    key = name_key(person.name)
    return any(title in t.titles and key in t.names for t in load_office_holders())
