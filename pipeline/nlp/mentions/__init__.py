"""Entity mentions in one article: who and what the text names, typed and normalised.

Sources, strongest first:

1. phrase rules over the parse (`candidates`): per-country ministries ("Armenia's foreign
   ministry", "the Russian Foreign Ministry" -> ORGANIZATION `org:arm-foreign-ministry`),
   geographic features ("Lachin corridor" -> LOCATION over the whole phrase) and
   national forces ("Russian peacekeepers" -> GROUP);
2. the gazetteer's entity ruler (countries, capitals, demonyms, organisations, regions),
   whose spans carry the gazetteer id (`classification`);
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
field `antecedent`).

Linking mentions into entities, within and across articles, is `entity_resolution`'s job;
here `name` is the normalised name it links on (titles, "Mr" and possessives removed).
The word lists the rules read are data: `pipeline/knowledge/mentions.yaml`.
"""

from __future__ import annotations

from pipeline.nlp.gazetteer import load_gazetteer
from pipeline.nlp.mentions.candidates import phrase_candidates, without_overlaps
from pipeline.nlp.mentions.classification import entity_candidates
from pipeline.nlp.mentions.context import MentionContext, to_mentions
from pipeline.nlp.mentions.filters import expand_acronyms, filter_headline, one_per_start
from pipeline.nlp.mentions.kinds import settle_types
from pipeline.nlp.mentions.people import attach_titles, fix_person_names
from pipeline.nlp.mentions.references import add_references, national_government
from pipeline.nlp.records import ArticleContext, Mention

__all__ = ["detect_mentions"]


def detect_mentions(ctx: ArticleContext) -> list[Mention]:
    """Every entity mention inside a headline, caption or body sentence, in text order."""
    mc = MentionContext.build(ctx, load_gazetteer())
    chosen = without_overlaps(phrase_candidates(mc) + entity_candidates(mc))
    chosen = fix_person_names(mc, chosen)
    chosen = attach_titles(mc, chosen)
    chosen = settle_types(mc, chosen)
    chosen = filter_headline(mc, chosen)
    chosen = expand_acronyms(mc, chosen)
    mentions = national_government(mc, to_mentions(mc, chosen))
    return one_per_start(add_references(mc, mentions))
