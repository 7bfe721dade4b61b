"""The analysts' DuckDB warehouse, rebuilt from Parquet and swapped in atomically."""

import hashlib

from dagster import (
    AssetExecutionContext,
    AssetKey,
    AutomationCondition,
    MaterializeResult,
    MetadataValue,
    asset,
)

from pipeline import ahead, warehouse_guard
from pipeline import warehouse as warehouse_module
from pipeline.defs.pools import CORPUS_POOL, WAREHOUSE_OP_TAGS
from pipeline.defs.resources import NewsPaths
from pipeline.own_process import step_value
from pipeline.schemas import TABLES
from pipeline.storage import InputsMarker
from pipeline.warehouse import VIEWS, build_warehouse


def parquet_fingerprint(code: str, digests: dict[str, str]) -> str:
    """The warehouse is a function of the Parquet files (`digests`: each table's SHA-256,
    `warehouse.table_digests`) and of the code that loads them (`code`:
    `warehouse.code_digest`, the search index's code, its stop words and DuckDB's version).
    The caller hands both on to `build_warehouse`, so each Parquet file is read and hashed
    once per build, not once for this fingerprint and again for the build."""
    digest = hashlib.sha256(code.encode())
    for table in TABLES:
        digest.update(digests[table].encode())
    return digest.hexdigest()


@asset(
    group_name="warehouse",
    pool=CORPUS_POOL,
    kinds={"duckdb"},
    owners=["team:newsevents"],
    tags={"layer": "out"},
    op_tags=WAREHOUSE_OP_TAGS,
    deps=[AssetKey(t) for t in TABLES],
    automation_condition=AutomationCondition.eager(),
    description=(
        "data/warehouse.duckdb: every table of the contract plus the views "
        + ", ".join(VIEWS)
        + ", with a COMMENT on each table, view and column. Built beside the old file and "
        "renamed over it, so open read-only connections keep working."
    ),
)
def warehouse(context: AssetExecutionContext, paths: NewsPaths) -> MaterializeResult:
    database = warehouse_guard.warehouse_path(paths.data)
    code, digests = warehouse_module.code_digest(), warehouse_module.table_digests(paths.data)
    fingerprint = parquet_fingerprint(code, digests)
    marker = InputsMarker(database.with_name("warehouse.inputs.sha256"))
    set_aside = warehouse_guard.set_aside_if_untrusted(paths.data, check_rows=marker.matches(fingerprint, database))
    if set_aside:
        context.log.warning(set_aside)
    if marker.matches(fingerprint, database):
        context.log.info("Parquet tables unchanged, and the warehouse opens with their row counts: up to date")
    else:
        marker.forget()
        built = ahead.take("warehouse", ahead.tables_key(paths.data, TABLES))
        if built is not None and built.fits(paths.data, code, digests):
            warehouse_module.swap_in(paths.data, built)  # built while the checks ran; they passed
        else:
            if built is not None:
                warehouse_module.remove_build(built.building)
            # in a child process of its own: DuckDB's memory goes back when it ends
            step_value(lambda: build_warehouse(paths.data, code=code, digests=digests), "warehouse")
        marker.record(fingerprint)
    counts = warehouse_guard.parquet_row_counts(paths.data)  # equal to the warehouse's, verified or just built
    return MaterializeResult(
        metadata={
            "path": MetadataValue.path(str(database)),
            "row_counts": MetadataValue.md(
                "| table | rows |\n|---|---|\n" + "\n".join(f"| {t} | {n} |" for t, n in counts.items())
            ),
            **{f"rows/{t}": n for t, n in counts.items()},
            **({"set_aside": MetadataValue.md(set_aside)} if set_aside else {}),
        }
    )
