"""Sport and arts stories: clubs, players, bands and studios are not political actors.

PLOVER codes governments, parties, organisations, groups and the people who act for them.
In a sport story "Liverpool rejected Chelsea's bid", "the manager accused the referee" and
"England beat Wales" report games and transfers, not political events, whatever the verb.
An article is a sport story when words of sport are dense in it (`SPORT_STORY_WORDS`, one
word in a hundred and three distinct ones: a politics story about football violence names
a few, a match report dozens); there an event counts only when a government ("the
government", a metonym) or an office holder (a minister, a president: `POLITICAL_ROLES`)
is among its actors, and so is a party or a legislature ("the Tories accused Labour of
failing the Olympic bid", "the Commons voted"): politics reported in a sport story.

Arts stories (film, music, television, books: `ARTS_STORY_WORDS`, the same density) are
read the same way: "the NME's praise", "he apologised for his deplorable actions", "the
awards are voted for by the members", "Sky listened to the concerns" report the arts
business, not political events. There a state named as such ("Uganda bans the play",
"India ordered her deportation") is a political actor too, and violence and arrests
(ASSAULT, COERCE: "Van Gogh was shot", "the rapper has been charged") count whoever takes
part in them.
"""

from __future__ import annotations

import re

from pipeline.nlp.events.draft import Draft, body_named_with
from pipeline.nlp.events.vocabulary import (
    ARTS_STORY_WORDS,
    CHAMBER_WORDS,
    PARTY_WORDS,
    POLITICAL_ROLES,
    SPORT_STORY_WORDS,
)
from pipeline.nlp.records import ArticleContext, Mention

DENSITY = 0.01  # share of an article's words that are story words (sport or arts)
DISTINCT = 3  # distinct story words an article needs besides


WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")  # hyphenated words whole ("quarter-finals")


# what counts in an arts story whoever takes part: violence and arrests
_OFF_STAGE_TYPES = frozenset({"ASSAULT", "COERCE"})


def _dense(ctx: ArticleContext, vocabulary: frozenset[str]) -> bool:
    """Whether the vocabulary's words are dense in the article (`DENSITY`, `DISTINCT`)."""
    words = WORD.findall(ctx.text.lower())
    hits = [w for w in words if w in vocabulary]
    return bool(words) and len(hits) >= DENSITY * len(words) and len(set(hits)) >= DISTINCT


def sport_story(ctx: ArticleContext) -> bool:
    """Whether the article reports sport (its words, not its section, decide)."""
    return _dense(ctx, SPORT_STORY_WORDS)


def arts_story(ctx: ArticleContext) -> bool:
    """Whether the article reports film, music, television or books (its words decide)."""
    return _dense(ctx, ARTS_STORY_WORDS)


_PARTY_WORDS_OR_CHAMBER_WORDS = PARTY_WORDS | CHAMBER_WORDS


def political(mention: Mention) -> bool:
    """A government, an office holder, a party or a legislature: "the government", a minister,
    a president, "the Conservatives", "the Commons"."""
    if mention.kind == "metonym" or body_named_with(mention, _PARTY_WORDS_OR_CHAMBER_WORDS):
        return True
    role = (mention.role or "").lower().replace("-", " ").split()
    return any(word in POLITICAL_ROLES for word in role)


def off_the_pitch(drafts: list[Draft]) -> list[Draft]:
    """The events of a sport story that a political actor takes part in."""
    return [d for d in drafts if any(political(m) for m in d.actors())]


def off_stage(drafts: list[Draft]) -> list[Draft]:
    """The events of an arts story that a state or a political actor takes part in, and its
    violence and arrests."""
    return [
        d
        for d in drafts
        if d.event_type in _OFF_STAGE_TYPES
        or any(political(m) or (m.entity_type == "COUNTRY" and m.kind == "name") for m in d.actors())
    ]
