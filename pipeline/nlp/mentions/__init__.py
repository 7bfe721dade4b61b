"""Entity mentions in one article: who and what the text names, typed and normalised.

Sources, strongest first:

1. phrase rules over the parse (`candidates`): per-country ministries ("Armenia's foreign
   ministry", "the Russian Foreign Ministry" -> ORGANIZATION `org:arm-foreign-ministry`),
   geographic features ("Lachin corridor" -> LOCATION over the whole phrase) and
   national forces ("Russian peacekeepers" -> GROUP);
2. the gazetteer's entity ruler (countries, capitals, demonyms, organisations, regions),
   whose spans carry the gazetteer id (`classification`, `gazetteer_hits`);
3. spaCy's statistical NER, corrected where it is known to fail (`classification`,
   `people`): a surname NER typed ORG or GPE becomes the person the article names in
   full, "Mr Blair" becomes a PERSON, titles are split off names and kept as the
   mention's role and country.

Then usage decides what a gazetteer hit means: a capital used as an actor ("Baku
agreed", "a jibe at Yerevan") names its country (kind `metonym`) while "in Moscow"
stays the city; a demonym adjective ("Azeri counterparts") names its country (kind
`demonym`) while the plural noun ("ethnic Armenians") is a GROUP. Headlines fool NER, so
a headline span is kept only when the gazetteer knows it or the body names it too
(`filters`). Finally subject pronouns and "the Prime Minister"-style references are
linked to the last compatible named person when that is unambiguous (`references`,
field `antecedent`); a post a tied reference or an indefinite lead gives someone ("the Trade
and Industry Secretary has said. Patricia Hewitt said") is theirs for later references ("The
minister told"). Lower-case "the party" is linked to the one party in view or in focus
(`parties`), and quotes and events read that link.

Linking mentions into entities, within and across articles, is `entity_resolution`'s job;
here `name` is the normalised name it links on (titles, "Mr" and possessives removed).
The word lists the rules read are data: `pipeline/knowledge/mentions.yaml`.

The entry point lives in `detect.py` and is imported on first use (PEP 562 `__getattr__`):
the name rules (`pipeline/nlp/names.py`, read by entity resolution and the asset checks)
and the quotes extractor import this package's word lists, and a package `__init__` that
imported the passes would import spaCy into every `python -m pipeline.cli run`, a
no-change rerun included.
"""

from __future__ import annotations

__all__ = ["detect_mentions"]


def __getattr__(name: str):
    if name == "detect_mentions":
        from pipeline.nlp.mentions.detect import detect_mentions

        return detect_mentions
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
