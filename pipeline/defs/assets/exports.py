"""Exports for event-data tools: data/exports/events.plover.jsonl and three CSV files.

The asset writes them from the validated Parquet tables (pipeline/exports/, plain
Python, also behind `make export`), in a process of its own (`pipeline.own_process`); its
check reads the files back, also in a process of its own, and validates them again, the
JSON Lines against plover.schema.json and each CSV against its Pandera model.
"""

from dagster import (
    AssetCheckResult,
    AssetExecutionContext,
    AssetKey,
    AutomationCondition,
    MaterializeResult,
    MetadataValue,
    asset,
    asset_check,
)

from pipeline.defs.pools import CORPUS_POOL, EXPORTS_OP_TAGS
from pipeline.defs.resources import NewsPaths
from pipeline.exports import FILES, TABLES_USED, check_exports, exports_dir, prepare_exports, write_exports
from pipeline.exports.plover import SCHEMA_PATH, PloverInvalid
from pipeline.own_process import step_value
from pipeline.schemas import SchemaViolation


@asset(
    group_name="exports",
    pool=CORPUS_POOL,
    kinds={"python", "json", "csv"},
    owners=["team:newsevents"],
    tags={"layer": "out", "format": "jsonl"},
    op_tags=EXPORTS_OP_TAGS,
    deps=[AssetKey(t) for t in TABLES_USED],
    automation_condition=AutomationCondition.eager(),
    description=(
        "data/exports/: events.plover.jsonl (one PLOVER-style record per event, validated against "
        "pipeline/exports/plover.schema.json), and events.csv, stances.csv, quotes.csv (one row per "
        "event, stance or quote with names joined in, validated against their Pandera models). "
        "See README, 'Exports'."
    ),
)
def exports(context: AssetExecutionContext, paths: NewsPaths) -> MaterializeResult:
    summary = step_value(lambda: write_exports(paths.data), "exports", prepare_exports)
    context.log.info(", ".join(f"{name}: {n} rows" for name, n in summary.rows.items()) + f" -> {summary.folder}")
    return MaterializeResult(
        metadata={
            "folder": MetadataValue.path(str(summary.folder)),
            "files": MetadataValue.md(
                "| file | rows |\n|---|---|\n" + "\n".join(f"| {n} | {r} |" for n, r in summary.rows.items())
            ),
            **{f"rows/{name}": n for name, n in summary.rows.items()},
        }
    )


@asset_check(
    asset=AssetKey("exports"),
    name="exports_match_schemas",
    description=(
        "Every export file exists and validates: events.plover.jsonl against plover.schema.json "
        "(JSON Schema), each CSV against its Pandera model."
    ),
)
def exports_match_schemas(paths: NewsPaths) -> AssetCheckResult:
    try:
        rows = step_value(lambda: check_exports(paths.data), "exports_match_schemas", prepare_exports)
    except (PloverInvalid, SchemaViolation, FileNotFoundError) as problem:
        return AssetCheckResult(passed=False, description=str(problem)[:2000])
    return AssetCheckResult(
        passed=True,
        metadata={
            "schema": MetadataValue.path(str(SCHEMA_PATH)),
            "folder": MetadataValue.path(str(exports_dir(paths.data))),
            **{f"rows/{name}": rows[name] for name in FILES},
        },
    )
