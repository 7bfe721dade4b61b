"""The resolution passes in order: gazetteer ids, other names, people, then references."""

from __future__ import annotations

from array import array
from collections.abc import Mapping
from dataclasses import dataclass

from pipeline.nlp.entity_resolution.by_name import link_others
from pipeline.nlp.entity_resolution.fixed import link_fixed
from pipeline.nlp.entity_resolution.ids import LinkState
from pipeline.nlp.entity_resolution.known_people import KnownPeople
from pipeline.nlp.entity_resolution.people import link_persons
from pipeline.nlp.entity_resolution.references import link_references
from pipeline.nlp.entity_resolution.rows import REFERENCES, entity_rows
from pipeline.nlp.entity_resolution.table import MentionTable
from pipeline.nlp.entity_resolution.untied import is_untied, link_untied
from pipeline.nlp.gazetteer import Gazetteer, load_gazetteer
from pipeline.nlp.records import Mention

RESOLUTIONS = ("gazetteer", "exact", "alias", "fuzzy", "demonym", "metonym", "pronoun", "title")


@dataclass
class EntityResolution:
    entities: list[dict]  # rows of the `entities` table, sorted by entity_id
    links: Mapping[str, tuple[str, str]]  # mention_id -> (entity_id, resolution); a `table.Links`

    @property
    def entity_of(self) -> dict[str, str]:
        return {mention_id: entity_id for mention_id, (entity_id, _) in self.links.items()}


def resolve_entities(
    mentions: list[Mention] | MentionTable, gazetteer: Gazetteer | None = None, people: KnownPeople | None = None
) -> EntityResolution:
    """Link every mention to one entity and describe each entity once. `mentions` are
    records, or a `MentionTable` already `ordered` (what a corpus-sized build passes);
    `people`, the last build's clusters of people within articles (`known_people`)."""
    table = mentions if isinstance(mentions, MentionTable) else MentionTable.of(mentions)
    return _resolve(gazetteer or load_gazetteer(), table, people)


def _resolve(gaz: Gazetteer, t: MentionTable, people: KnownPeople | None = None) -> EntityResolution:
    """Rows are in (article_id, char_start, mention_id) order; every pass walks them so."""
    references, untied, fixed, persons, others, used_ids = partition(t)
    state = LinkState(len(t), used_ids)
    link_fixed(state, gaz, t, fixed)
    link_others(state, gaz, t, others)
    link_persons(state, t, persons, people)
    link_untied(state, t, untied, persons)
    link_references(state, t, references)
    return EntityResolution(entity_rows(state, gaz, t), t.links(state.link_codes, state.pairs))


def partition(t: MentionTable) -> tuple[array, array, array, array, array, set[str]]:
    """The rows each pass links, in table order (references, untied titles, gazetteer hits,
    people, the other names), and the gazetteer ids those hits take."""
    references, untied, fixed, persons, others = (array("i") for _ in range(5))
    used_ids: set[str] = set()
    for row in range(len(t)):
        if t.kind(row) in REFERENCES and t.antecedent_row(row) is not None:
            references.append(row)
        elif is_untied(t, row):
            untied.append(row)
        elif gazetteer_id := t.gazetteer_id(row):
            used_ids.add(gazetteer_id)
            fixed.append(row)
        elif t.entity_type(row) == "PERSON":
            persons.append(row)
        else:
            others.append(row)
    return references, untied, fixed, persons, others, used_ids
