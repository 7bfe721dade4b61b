"""Pictures for analysts, rendered from the validated Parquet tables.

Each asset writes a PNG under data/reports/ (atomically) and shows the same picture
inline in its materialisation metadata, so the Dagster UI displays it on the asset page.
They depend on the tables, not on the warehouse: the tables' blocking checks gate them,
and they run beside the warehouse build.
"""

import base64
from pathlib import Path

import pandas as pd
from dagster import (
    AssetCheckResult,
    AssetCheckSpec,
    AssetExecutionContext,
    AssetKey,
    AutomationCondition,
    MaterializeResult,
    MetadataValue,
    asset,
)

from pipeline.defs.pools import CORPUS_POOL
from pipeline.defs.resources import NewsPaths
from pipeline.reports import (
    EDGE_COLUMNS,
    MAX_HOLDERS,
    MAX_NODES,
    MAX_TARGETS,
    build_actor_network,
    build_stance_matrix,
    render_actor_network,
    render_stance_matrix,
)
from pipeline.storage import atomic_path, read_table

OWNERS = ["team:newsevents"]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_TABLE_ROWS = 15


def reports_dir(paths: NewsPaths) -> Path:
    return paths.data / "reports"


def write_png(path: Path, png: bytes) -> Path:
    with atomic_path(path) as temp:
        temp.write_bytes(png)
    return path


def picture_check(path: Path, png: bytes, expected: int, drawn: int, what: str) -> AssetCheckResult:
    """The PNG on disk is the one rendered, and it shows every item it should."""
    on_disk = path.read_bytes() if path.is_file() else b""
    ok_file = on_disk == png and png.startswith(PNG_SIGNATURE)
    return AssetCheckResult(
        check_name="picture_rendered",
        passed=ok_file and drawn == expected,
        description=(
            f"{path} missing or not the rendered PNG" if not ok_file
            else None if drawn == expected else f"{drawn} {what} drawn, {expected} expected"
        ),
        metadata={f"{what}_expected": expected, f"{what}_drawn": drawn, "bytes": len(on_disk)},
    )


def inline_image(alt: str, png: bytes) -> MetadataValue:
    encoded = base64.b64encode(png).decode("ascii")
    return MetadataValue.md(f"![{alt}](data:image/png;base64,{encoded})")


def picture_asset(name: str, deps: list[str], tags: dict[str, str], check: str, description: str):
    """The @asset of one report picture: rendered when its tables change, checked by `picture_rendered`."""
    return asset(
        name=name,
        group_name="reports",
        pool=CORPUS_POOL,
        kinds={"python", "matplotlib"},
        owners=OWNERS,
        tags={"layer": "report", **tags, "format": "png"},
        deps=[AssetKey(table) for table in deps],
        automation_condition=AutomationCondition.eager(),
        check_specs=[AssetCheckSpec("picture_rendered", asset=name, description=check)],
        description=f"{description} The picture is shown in the materialisation metadata.",
    )


def read_tables(paths: NewsPaths, *tables: str) -> list[pd.DataFrame]:
    return [read_table(paths.data, table) for table in tables]


def publish_picture(paths: NewsPaths, name: str, png: bytes) -> Path:
    """data/reports/<name>.png, written atomically."""
    return write_png(reports_dir(paths) / f"{name}.png", png)


def picture_result(alt: str, path: Path, png: bytes, check: AssetCheckResult, **metadata) -> MaterializeResult:
    """The check and the metadata of a report asset, the picture shown inline first."""
    return MaterializeResult(
        check_results=[check],
        metadata={"picture": inline_image(alt, png), "path": MetadataValue.path(str(path)), **metadata},
    )


def _markdown(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "_none_"
    shown = frame.head(MAX_TABLE_ROWS)
    more = f"\n\n_{len(frame) - len(shown)} more_" if len(frame) > len(shown) else ""
    return shown.to_markdown(index=False) + more


@picture_asset(
    "actor_network",
    deps=["events", "event_participants", "entities"],
    tags={"library": "networkx"},
    check="The PNG was written and shows every actor of the events (up to the cap).",
    description=(
        "data/reports/actor_network.png: who did what to whom. Nodes are the entities taking part "
        "in events (size = number of events, colour = entity type); an arrow joins a source to its "
        "target, a plain line actors who took part together; width = number of events, colour = "
        "the dominant PLOVER quad class (green cooperation, orange/red conflict)."
    ),
)
def actor_network(context: AssetExecutionContext, paths: NewsPaths) -> MaterializeResult:
    events, participants, entities = read_tables(paths, "events", "event_participants", "entities")
    network = build_actor_network(events, participants, entities)
    png = render_actor_network(network, n_events=len(events))
    path = publish_picture(paths, "actor_network", png)
    context.log.info(
        f"actor network: {network.graph.number_of_nodes()} actors, {len(network.edges)} links "
        f"from {len(events)} events -> {path}"
    )
    edges = network.edges[[c for c in EDGE_COLUMNS if not c.endswith("_id")]]
    actors = participants[participants["event_id"].isin(set(events["event_id"]))]["entity_id"].nunique()
    check = picture_check(path, png, min(actors, MAX_NODES), network.graph.number_of_nodes(), "actors")
    return picture_result(
        "actor network", path, png, check,
        actors=network.graph.number_of_nodes(),
        links=len(network.edges),
        events=len(events),
        links_by_weight=MetadataValue.md(_markdown(edges)),
    )


@picture_asset(
    "stance_matrix",
    deps=["stances", "issues", "entities", "quotes"],
    tags={},
    check="The PNG was written and its cells account for every stance (up to the caps).",
    description=(
        "data/reports/stance_matrix.png: who stands where. Rows are stance holders, columns the "
        "issues (the issues table: targets naming one question grouped); each cell is the mean "
        "signed score of that holder's stances on that issue, read against the issue's label "
        "(support +, oppose -, neutral 0), green for support, red for oppose, grey for "
        "neutral, with the number of stances."
    ),
)
def stance_matrix(context: AssetExecutionContext, paths: NewsPaths) -> MaterializeResult:
    stances, entities, quotes, issues = read_tables(paths, "stances", "entities", "quotes", "issues")
    matrix = build_stance_matrix(stances, entities, quotes, issues=issues)
    png = render_stance_matrix(matrix, n_stances=len(stances))
    path = publish_picture(paths, "stance_matrix", png)
    holders, targets = matrix.score.shape if not matrix.empty else (0, 0)
    context.log.info(f"stance matrix: {holders} holders x {targets} issues from {len(stances)} stances -> {path}")
    drawn = int(matrix.cells["n_stances"].sum()) if not matrix.empty else 0
    capped = holders >= MAX_HOLDERS or targets >= MAX_TARGETS
    check = picture_check(path, png, drawn if capped else len(stances), drawn, "stances")
    return picture_result(
        "stance matrix", path, png, check,
        holders=holders,
        issues=targets,
        stances=len(stances),
        cells=MetadataValue.md(_markdown(matrix.cells)),
    )
