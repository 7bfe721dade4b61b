"""The resolution passes in order: gazetteer ids, other names, people, then references."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.nlp.entity_resolution.by_name import link_others
from pipeline.nlp.entity_resolution.fixed import link_fixed
from pipeline.nlp.entity_resolution.ids import LinkState
from pipeline.nlp.entity_resolution.people import link_persons
from pipeline.nlp.entity_resolution.references import link_references
from pipeline.nlp.entity_resolution.rows import entity_rows
from pipeline.nlp.entity_resolution.untied import is_untied, link_untied
from pipeline.nlp.gazetteer import Gazetteer, load_gazetteer
from pipeline.nlp.records import Mention

RESOLUTIONS = ("gazetteer", "exact", "alias", "fuzzy", "demonym", "metonym", "pronoun", "title")


@dataclass
class EntityResolution:
    entities: list[dict]  # rows of the `entities` table, sorted by entity_id
    links: dict[str, tuple[str, str]]  # mention_id -> (entity_id, resolution)

    @property
    def entity_of(self) -> dict[str, str]:
        return {mention_id: entity_id for mention_id, (entity_id, _) in self.links.items()}


def resolve_entities(mentions: list[Mention], gazetteer: Gazetteer | None = None) -> EntityResolution:
    """Link every mention to one entity and describe each entity once."""
    return _resolve(gazetteer or load_gazetteer(), mentions)


def _resolve(gaz: Gazetteer, mentions: list[Mention]) -> EntityResolution:
    ordered = sorted(mentions, key=lambda m: (m.article_id, m.char_start, m.mention_id))
    by_id = {m.mention_id: m for m in ordered}
    references = [m for m in ordered if m.kind in ("pronoun", "title") and m.antecedent in by_id]
    untied = [m for m in ordered if is_untied(m)]
    named = [m for m in ordered if not (m.kind in ("pronoun", "title") and m.antecedent in by_id or is_untied(m))]
    state = LinkState(used_ids={m.gazetteer_id for m in named if m.gazetteer_id})

    fixed, persons, others = [], [], []
    for m in named:
        if m.gazetteer_id:
            fixed.append(m)
        elif m.entity_type == "PERSON":
            persons.append(m)
        else:
            others.append(m)
    link_fixed(state, gaz, fixed)
    link_others(state, gaz, others)
    link_persons(state, persons)
    link_untied(state, untied, persons)
    link_references(state, references, by_id)
    linked = [m for m in ordered if m.mention_id in state.links]  # an untied title no one holds is dropped
    return EntityResolution(entity_rows(state, gaz, linked), state.links)
