"""The analysts' DuckDB warehouse, rebuilt from Parquet and swapped in atomically."""


from dagster import AssetKey, MaterializeResult, MetadataValue, asset

from pipeline.resources import NewsPaths
from pipeline.schemas import TABLES
from pipeline.warehouse import VIEWS, build_warehouse, row_counts


@asset(
    group_name="warehouse",
    kinds={"duckdb"},
    owners=["team:newsevents"],
    tags={"layer": "out"},
    deps=[AssetKey(t) for t in TABLES],
    description=(
        "data/warehouse.duckdb: every table of the contract plus the views "
        + ", ".join(VIEWS)
        + ", with a COMMENT on each table, view and column. Built beside the old file and "
        "renamed over it, so open read-only connections keep working."
    ),
)
def warehouse(paths: NewsPaths) -> MaterializeResult:
    database = build_warehouse(paths.data)
    counts = row_counts(database)
    return MaterializeResult(
        metadata={
            "path": MetadataValue.path(str(database)),
            "row_counts": MetadataValue.md(
                "| table | rows |\n|---|---|\n" + "\n".join(f"| {t} | {n} |" for t, n in counts.items())
            ),
            **{f"rows/{t}": n for t, n in counts.items()},
        }
    )
