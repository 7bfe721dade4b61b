"""The contract's tables: resolved across articles, validated, written as Parquet."""


import os
from collections.abc import Iterator
from datetime import UTC, datetime

import pandas as pd
from dagster import (
    AssetExecutionContext,
    AssetKey,
    AssetSpec,
    AutomationCondition,
    Failure,
    MaterializeResult,
    MetadataValue,
    TableColumn,
    TableSchema,
    multi_asset,
)

from pipeline import ahead
from pipeline.defs.assets.nlp import article_extractions
from pipeline.defs.corpus_state import current_inputs
from pipeline.defs.pools import CORPUS_POOL
from pipeline.defs.resources import NewsPaths
from pipeline.nlp.version import extractor_version
from pipeline.own_process import prepare_once, run_step
from pipeline.schemas import (
    TABLES,
    SchemaViolation,
    build_models,
    column_descriptions,
    table_description,
)
from pipeline.storage import ExtractionCache, InputsMarker, table_path
from pipeline.table_build import PREVIEW_ROWS, TableSummary, VanishedExtraction, summarize, write_tables


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
        description=(
            f"{table_description(table)} Validated against its Pandera model; Parquet under data/parquet/{table}/."
        ),
        kinds={"parquet", "pandas"},
        owners=["team:newsevents"],
        tags={"layer": "core"},
        deps=[article_extractions],
        automation_condition=AutomationCondition.eager(),
        metadata={"dagster/column_schema": column_schema(table)},
    )


def preview(frame: pd.DataFrame) -> str:
    shown = frame.head(PREVIEW_ROWS).astype(str).apply(lambda col: col.str.slice(0, 80))
    return shown.to_markdown(index=False) if not shown.empty else "_no rows_"


def tables_marker(paths: NewsPaths) -> InputsMarker:
    return InputsMarker(paths.data / "parquet" / "inputs.sha256")


@multi_asset(specs=[table_spec(t) for t in TABLES], name="core_tables", pool=CORPUS_POOL)
def core_tables(context: AssetExecutionContext, paths: NewsPaths) -> Iterator[MaterializeResult]:
    """Resolve entities and events across all articles, validate every table, write Parquet
    (streamed from the extraction cache: `pipeline.table_build`), in a process of its own
    (`pipeline.own_process`).

    When neither the articles nor the code changed since the last run, the tables on disk
    are already right and are reported as they are.
    """
    step = run_step(lambda: build_tables(paths), "core_tables", prepare=build_models,
                    meanwhile=lambda: prepare_later_steps(paths))
    messages, summaries = step.value
    start_later_steps(paths)
    for message in messages:
        context.log.info(message)
    context.log.info(f"table step: peak RSS {step.peak_rss_mib} MiB, {step.cpu_seconds:.2f} s CPU")
    for table, summary in summaries.items():
        path = table_path(paths.data, table)
        context.log.info(f"{table}: {summary.rows} rows -> {path}")
        yield MaterializeResult(
            asset_key=AssetKey(table),
            metadata={
                "dagster/row_count": summary.rows,
                "dagster/column_schema": column_schema(table),
                "path": MetadataValue.path(str(path)),
                "preview": MetadataValue.md(preview(summary.preview)),
                **({"step_peak_rss_mib": step.peak_rss_mib} if table == "articles" else {}),
            },
        )


def prepare_later_steps(paths: NewsPaths) -> None:
    """What the steps after the tables load in this process before they fork (`prepare`),
    loaded while the table step's own process builds the tables: nothing else can run
    then, so one core was idle for the table step's seconds, and after it the checks, the
    pictures and the exports waited on these loads (matplotlib, networkx and the drawing code
    about half a second of CPU, the gazetteer a tenth, which the checks' process loaded for
    itself). The pictures' steps import matplotlib only when a picture is missing (see
    `reports.import_rendering`); so here."""
    from pipeline.defs.assets.reports import import_drawing, import_rendering, reports_dir
    from pipeline.exports import prepare_exports
    from pipeline.nlp.gazetteer import load_gazetteer

    prepare_once(load_gazetteer)
    prepare_once(prepare_exports)
    pictures = [reports_dir(paths) / f"{name}.png" for name in ("actor_network", "stance_matrix")]
    prepare_once(import_drawing if all(p.is_file() for p in pictures) else import_rendering)


def start_later_steps(paths: NewsPaths) -> None:
    """The checks and the warehouse's build forked now that the tables are written, while this
    process records the tables and then the checks' results (`pipeline.ahead`; in `make run`
    only): their steps take what these made."""
    from pipeline import warehouse
    from pipeline.defs.checks import run_checks

    key = ahead.tables_key(paths.data, TABLES)
    ahead.start("table_checks", key, lambda: run_checks(paths))
    building = warehouse.ahead_building(paths.data, os.getpid())
    ahead.start("warehouse", key, lambda: warehouse.build_ahead(paths.data, building),
                discard=lambda: warehouse.remove_build(building))


def build_tables(paths: NewsPaths) -> tuple[list[str], dict[str, TableSummary]]:
    """(what to log, each table's summary): the tables written, or found up to date."""
    snapshot, inventory, notes, fingerprint = current_inputs(paths)
    messages = []
    removed = ExtractionCache(paths.data).prune({article_id for article_id, _ in snapshot.extracted})
    if removed:
        messages.append(f"dropped the cached extractions of {removed} articles no longer in the seeds folder")
    marker = tables_marker(paths)
    if marker.matches(fingerprint, *(table_path(paths.data, t) for t in TABLES)):
        messages.append("articles and code unchanged: tables are up to date")
        return messages, {t: summarize(paths.data, t) for t in TABLES}
    marker.forget()
    try:
        summaries = write_tables(
            paths.data,
            snapshot.extracted,
            extractor_version(),
            inventory.rejections,
            datetime.now(UTC).replace(tzinfo=None),
            notes,
            inventory.row_rejections,
        )
    except SchemaViolation as violation:
        raise Failure(description=str(violation)) from None
    except VanishedExtraction:
        raise Failure("an article's cached extraction vanished while the tables were built; run again") from None
    marker.record(fingerprint)
    return messages, summaries
