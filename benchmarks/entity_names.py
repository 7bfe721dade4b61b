"""How clean the entity table's names are on a corpus (issue 16's closing figures).

Runs the pipeline in memory (ingest -> extract -> build_tables, as `make eval` does) on a
folder of articles and prints:

* the number of entities whose canonical name holds a word that is no part of a name
  (an epithet or nickname, `pipeline.nlp.names.non_name_words`, the rule the asset
  check `canonical_names_are_names` applies to people, here applied to every entity);
* the number of people whose aliases carry honorifics of both genders
  (`conflicting_genders`, the rule of the asset check `person_aliases_one_gender`);
* a fixed-seed random draw of entities with their type and aliases, for a reader to
  judge one by one.

    python -m benchmarks.entity_names ../shared/corpora/bbc-news --draw 25 --seed 16 [--limit N]

`--limit N` keeps the first N articles in file order per section (a sample, when the full
run does not fit in the time there is); the output says how many articles were read.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from pipeline.nlp.corpus import extracted_tables
from pipeline.nlp.ingest import ingest
from pipeline.nlp.names import conflicting_genders, non_name_words


def name_figures(entities: list[dict], draw: int, seed: int) -> dict:
    """The two counts and the random draw, from rows of the `entities` table."""
    impure = [e for e in entities if non_name_words(e["name"])]
    people = [e for e in entities if e["entity_type"] == "PERSON"]
    clashing = [e for e in people if conflicting_genders(list(e["aliases"]))]
    ordered = sorted(entities, key=lambda e: e["entity_id"])
    drawn = random.Random(seed).sample(ordered, min(draw, len(ordered)))
    return {
        "entities": len(entities),
        "people": len(people),
        "names_with_non_name_words": [(e["entity_id"], e["name"], non_name_words(e["name"])) for e in impure],
        "people_with_aliases_of_both_genders": [(e["entity_id"], e["name"], sorted(e["aliases"])) for e in clashing],
        "drawn": [
            {"entity_id": e["entity_id"], "type": e["entity_type"], "name": e["name"], "aliases": sorted(e["aliases"]),
             "n_articles": int(e["n_articles"])}
            for e in drawn
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.entity_names", description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--draw", type=int, default=25)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--limit", type=int, default=None, help="articles per section (a sample)")
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args(argv)
    articles, rejections = ingest(args.folder)
    if args.limit is not None:
        kept, per_section = [], {}
        for a in articles:
            section = a.seed.source_file.split("/")[0] if "/" in a.seed.source_file else ""
            per_section[section] = per_section.get(section, 0) + 1
            if per_section[section] <= args.limit:
                kept.append(a)
        articles = kept
    tables = extracted_tables(articles, rejections, args.processes)
    entities = tables["entities"].to_dict("records")
    figures = name_figures(entities, args.draw, args.seed)
    figures["articles"] = len(articles)
    print(json.dumps(figures, indent=1, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
