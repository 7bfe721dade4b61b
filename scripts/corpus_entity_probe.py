"""Run the pipeline core on a list of corpus files and print one line per entity and article.

Each line: article, entity type, entity name, the first mention's surface, its NER label and
the text around it. Diff the output of two checkouts (or before and after a rule) to see every
entity a change retypes, renames or drops. Read only files outside the gold set (the gold
set's held-out articles are never probed).

    .venv/bin/python scripts/corpus_entity_probe.py FILES.txt [TYPE,TYPE,...] > probe.txt

FILES.txt holds one path a line (relative paths are read from the current directory); the
types default to ORGANIZATION,LOCATION.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from pipeline.nlp.corpus import extracted_tables
from pipeline.nlp.ingest import ingest

WIDTH = 70


def main(list_file: str, types: str = "ORGANIZATION,LOCATION") -> int:
    wanted = set(types.split(","))
    files = [Path(line.strip()) for line in Path(list_file).read_text(encoding="utf-8").splitlines() if line.strip()]
    folder = Path(tempfile.mkdtemp())
    try:
        for i, path in enumerate(files):
            shutil.copy(path, folder / f"{i:04d}_{path.name}")
        articles, rejections = ingest(folder)
        tables = extracted_tables(articles, rejections)
        entities = tables["entities"].set_index("entity_id")
        mentions = tables["mentions"].sort_values(["article_id", "char_start"])
        for article_id, rows in mentions.groupby("article_id", sort=True):
            text = (folder / f"{article_id}.txt").read_text(encoding="utf-8", errors="replace")
            seen: set[str] = set()
            for m in rows.itertuples():
                entity = entities.loc[m.entity_id]
                if entity.entity_type not in wanted or m.entity_id in seen:
                    continue
                seen.add(m.entity_id)
                around = text[max(0, m.char_start - WIDTH) : m.char_end + WIDTH].replace("\n", " ")
                print(f"{article_id}\t{entity.entity_type}\t{entity['name']!r}\t{m.surface!r}\t{m.ner_label}\t...{around}...")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
