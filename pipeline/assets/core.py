"""The contract's tables: resolved across articles, validated, written as Parquet."""


import hashlib
import pickle
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
from dagster import (
    AssetExecutionContext,
    AssetKey,
    AssetSpec,
    Failure,
    MaterializeResult,
    MetadataValue,
    TableColumn,
    TableSchema,
    multi_asset,
)

from pipeline.assets.nlp import article_extractions, manifest_path
from pipeline.nlp.corpus import build_tables
from pipeline.resources import NewsPaths
from pipeline.schemas import TABLES, SchemaViolation, column_descriptions, table_description, validate
from pipeline.storage import ExtractionCache, InputsMarker, read_table, table_path, write_table

PREVIEW_ROWS = 5


def column_schema(table: str) -> TableSchema:
    arrow = TABLES[table][1]
    meanings = column_descriptions(table)
    return TableSchema(
        columns=[TableColumn(f.name, str(f.type), description=meanings.get(f.name)) for f in arrow]
    )


def table_spec(table: str) -> AssetSpec:
    return AssetSpec(
        key=AssetKey(table),
        group_name="core",
        description=f"{table_description(table)} Validated against its Pandera model; Parquet under data/parquet/{table}/.",
        kinds={"parquet", "pandas"},
        owners=["team:newsevents"],
        tags={"layer": "core"},
        deps=[article_extractions],
        metadata={"dagster/column_schema": column_schema(table)},
    )


def preview(frame: pd.DataFrame) -> str:
    shown = frame.head(PREVIEW_ROWS).astype(str).apply(lambda col: col.str.slice(0, 80))
    return shown.to_markdown(index=False) if not shown.empty else "_no rows_"


def load_extractions(paths: NewsPaths):
    with manifest_path(paths).open("rb") as handle:
        version, current, rejections = pickle.load(handle)
    cache = ExtractionCache(paths.data)
    extractions = []
    for article_id, sha in current:
        extraction = cache.get(article_id, sha, version)
        if extraction is None:
            raise Failure(f"no cached extraction for {article_id!r}; materialise article_extractions first")
        extractions.append(extraction)
    return extractions, rejections


def inputs_fingerprint(paths: NewsPaths) -> str:
    """What the tables are a function of: the manifest (extractor version, articles and their hashes) and this code."""
    digest = hashlib.sha256(manifest_path(paths).read_bytes())
    digest.update(Path(__file__).with_name("core.py").read_bytes())
    return digest.hexdigest()


def tables_marker(paths: NewsPaths) -> InputsMarker:
    return InputsMarker(paths.data / "parquet" / "inputs.sha256")


@multi_asset(specs=[table_spec(t) for t in TABLES], name="core_tables")
def core_tables(context: AssetExecutionContext, paths: NewsPaths) -> Iterator[MaterializeResult]:
    """Resolve entities and events across all articles, validate every table, write Parquet.

    When neither the articles nor the code changed since the last run, the tables on disk
    are already right and are reported as they are.
    """
    fingerprint = inputs_fingerprint(paths)
    marker = tables_marker(paths)
    if marker.matches(fingerprint, *(table_path(paths.data, t) for t in TABLES)):
        context.log.info("articles and code unchanged: tables are up to date")
        frames = {t: read_table(paths.data, t) for t in TABLES}
    else:
        extractions, rejections = load_extractions(paths)
        built = build_tables(extractions, rejections, datetime.now(timezone.utc).replace(tzinfo=None))
        frames = {}
        for table, frame in built.items():
            try:
                frames[table] = validate(table, frame)
            except SchemaViolation as violation:
                raise Failure(description=str(violation)) from None
        marker.forget()
        for table, frame in frames.items():
            write_table(paths.data, table, frame)
        marker.record(fingerprint)
    for table, frame in frames.items():
        path = table_path(paths.data, table)
        context.log.info(f"{table}: {len(frame)} rows -> {path}")
        yield MaterializeResult(
            asset_key=AssetKey(table),
            metadata={
                "dagster/row_count": len(frame),
                "dagster/column_schema": column_schema(table),
                "path": MetadataValue.path(str(path)),
                "preview": MetadataValue.md(preview(frame)),
            },
        )
