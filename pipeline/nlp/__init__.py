"""The extractors: pure functions and spaCy components, no Dagster, no DuckDB.

Every module that imports spaCy lives here, so spaCy's command line is deferred before
spaCy's first import in any process (`spacy_without_cli`)."""

from pipeline.nlp import spacy_without_cli

spacy_without_cli.install()
