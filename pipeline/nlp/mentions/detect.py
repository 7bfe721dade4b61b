"""`detect_mentions`, the mention detector's entry point (the package docstring says what
each source does); kept out of `__init__` so that importing the word lists imports no spaCy."""

from __future__ import annotations

from pipeline.nlp.gazetteer import load_gazetteer
from pipeline.nlp.mentions.administrations import leader_governments
from pipeline.nlp.mentions.branches import national_branches
from pipeline.nlp.mentions.candidates import phrase_candidates, without_overlaps
from pipeline.nlp.mentions.classification import entity_candidates
from pipeline.nlp.mentions.context import MentionContext, to_mentions
from pipeline.nlp.mentions.filters import (
    bracketed_aliases,
    common_noun_acronyms,
    expand_acronyms,
    filter_headline,
    headed_short_names,
    one_per_start,
    short_body_names,
)
from pipeline.nlp.mentions.governments import national_government
from pipeline.nlp.mentions.groups import idle_peoples, nested_demonyms
from pipeline.nlp.mentions.kinds import settle_types
from pipeline.nlp.mentions.parties import party_references
from pipeline.nlp.mentions.people import (
    attach_titles,
    fix_person_names,
    lone_surnames,
    particle_surnames,
    settled_surnames,
)
from pipeline.nlp.mentions.references import add_references
from pipeline.nlp.mentions.styles import judicial_styles, territorial_designations
from pipeline.nlp.records import ArticleContext, Mention


def detect_mentions(ctx: ArticleContext) -> list[Mention]:
    """Every entity mention inside a headline, caption or body sentence, in text order."""
    mc = MentionContext.build(ctx, load_gazetteer())
    chosen = national_branches(mc, without_overlaps(phrase_candidates(mc) + entity_candidates(mc)))
    chosen = judicial_styles(mc, territorial_designations(mc, particle_surnames(mc, chosen)))
    chosen = fix_person_names(mc, chosen)
    chosen = lone_surnames(mc, chosen)
    chosen = attach_titles(mc, chosen)
    chosen = settled_surnames(settle_types(mc, chosen))
    chosen = filter_headline(mc, chosen)
    chosen = common_noun_acronyms(mc, expand_acronyms(mc, chosen))
    chosen = bracketed_aliases(mc, chosen)
    chosen = headed_short_names(mc, short_body_names(mc, chosen))
    mentions = leader_governments(mc, national_government(mc, to_mentions(mc, chosen)))
    mentions = idle_peoples(mc, party_references(mc, add_references(mc, mentions)))
    return one_per_start(nested_demonyms(mc, mentions))
