"""Pictures for analysts, rendered from the validated Parquet tables.

Each asset writes a PNG under data/reports/ (atomically) and shows the same picture
inline in its materialisation metadata, so the Dagster UI displays it on the asset page.
They depend on the tables, not on the warehouse: the tables' blocking checks gate them,
and they run beside the warehouse build. A picture is drawn again only when its input
tables or the drawing code changed (a fingerprint of both); otherwise the PNG on disk and
the figures recorded beside it are shown again, provided the PNG is still the one drawn.
When the tables changed, what the picture shows (the network, the matrix) is worked out
again, which is cheap, and rendered only when it differs from what the PNG on disk was
rendered from (`Sketch.figure`): an edit to one article seldom changes either picture, and
rendering is most of a drawing's cost (about a second of CPU for both on 2,000 articles).
Networkx is imported only to draw, matplotlib only to render: by the process that forks the
drawing steps, so that both children inherit them, except matplotlib when a PNG is on disk
already (then most often neither picture renders, and a child that does imports it).
"""

import base64
import hashlib
import importlib.metadata
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
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
from pipeline.own_process import step_value
from pipeline.storage import InputsMarker, atomic_path, read_table, table_path

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


COLUMNS_DRAWN = {"quotes": ["quote_id", "speaker_surface"]}
"""Of the large tables, the columns a picture reads (a quote's text would be most of the memory)."""


def read_tables(paths: NewsPaths, *tables: str) -> list[pd.DataFrame]:
    return [read_table(paths.data, table, COLUMNS_DRAWN.get(table)) for table in tables]


def publish_picture(paths: NewsPaths, name: str, png: bytes) -> Path:
    """data/reports/<name>.png, written atomically."""
    return write_png(reports_dir(paths) / f"{name}.png", png)


def picture_result(alt: str, path: Path, png: bytes, check: AssetCheckResult, **metadata) -> MaterializeResult:
    """The check and the metadata of a report asset, the picture shown inline first."""
    return MaterializeResult(
        check_results=[check],
        metadata={"picture": inline_image(alt, png), "path": MetadataValue.path(str(path)), **metadata},
    )


@dataclass
class Drawing:
    """What drawing a picture produced, in a form a later run with the same inputs can reuse."""

    png: bytes
    expected: int  # items the picture should show
    drawn: int  # items it shows
    what: str  # what the items are ("actors", "stances")
    log: str
    numbers: dict[str, int] = field(default_factory=dict)
    markdown: dict[str, str] = field(default_factory=dict)
    figure: str = ""
    """`figure_digest` of what the PNG was rendered from ("": not known, from an older record)."""


@dataclass
class Sketch:
    """A picture before rendering: what it will show, worked out from the tables."""

    figure: object
    """Everything the rendering reads (plain values, written as sorted JSON for `figure_digest`): the same
    figure, with the same drawing code and libraries, renders the same PNG."""
    render: Callable[[], bytes]
    drawing: Drawing
    """Every field but the PNG and the figure's digest."""


DRAWING_CODE = ("reports/*.py", "defs/assets/reports.py")
DRAWING_LIBRARIES = ("matplotlib", "networkx", "numpy", "pandas")


def import_drawing() -> None:
    """Networkx and the code that works out a figure, imported by the process that forks the
    drawing steps (once), not by each step's child."""
    import pipeline.reports  # noqa: F401


def import_rendering() -> None:
    """`import_drawing` and matplotlib, for steps that will render: when no picture is on disk
    yet (a first run). With one on disk, the figure is most often unchanged after an edit and
    nothing is rendered, so matplotlib is left to the child that does render."""
    from pipeline.reports.drawing import pyplot

    import_drawing()
    pyplot()


def picture_fingerprint(paths: NewsPaths, tables: list[str], code: str | None = None) -> str:
    """The input tables' bytes, the drawing code and the drawing libraries' versions
    (`code`: `drawing_code()`, when the caller has it already)."""
    digest = hashlib.sha256()
    for table in tables:
        source = table_path(paths.data, table)
        digest.update(table.encode())
        digest.update(source.read_bytes() if source.is_file() else b"missing")
    digest.update((drawing_code() if code is None else code).encode())
    return digest.hexdigest()


def drawing_code() -> str:
    """A digest of the drawing code and the drawing libraries' versions."""
    package = Path(__file__).resolve().parents[2]
    digest = hashlib.sha256()
    for pattern in DRAWING_CODE:
        for path in sorted(package.glob(pattern)):
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    for library in DRAWING_LIBRARIES:
        digest.update(f"{library} {importlib.metadata.version(library)}".encode())
    return digest.hexdigest()


def figure_digest(code: str, figure: object) -> str:
    """Sorted JSON, not pickle: pickle writes one object referenced twice unlike two equal
    objects, so equal figures built from differently shared strings would differ."""
    text = json.dumps(figure, sort_keys=True, default=str, allow_nan=True)
    return hashlib.sha256(code.encode() + text.encode()).hexdigest()


def kept_drawing(path: Path, record: Path) -> Drawing | None:
    """The drawing on disk, when the PNG still has the bytes recorded beside it."""
    try:
        png = path.read_bytes()
        kept = json.loads(record.read_text(encoding="utf-8"))
        if kept.pop("sha256", None) != hashlib.sha256(png).hexdigest():
            return None
        return Drawing(png=png, **kept)
    except (OSError, ValueError, TypeError):
        return None


def sketched_and_rendered(sketch: Callable[[], Sketch], code: str, kept: Drawing | None) -> tuple[Drawing, bool]:
    """(the drawing, whether it was rendered): the PNG of `kept` when it was rendered from the
    same figure with the same code, else a new rendering."""
    made = sketch()
    figure = figure_digest(code, made.figure)
    if kept is not None and kept.figure == figure:
        return replace(made.drawing, png=kept.png, figure=figure), False
    return replace(made.drawing, png=made.render(), figure=figure), True


def drawn_or_reused(
    context: AssetExecutionContext, paths: NewsPaths, name: str, tables: list[str], sketch: Callable[[], Sketch]
) -> tuple[Path, Drawing]:
    """data/reports/<name>.png: the one on disk when the inputs are those it was drawn from and
    it still has the bytes recorded then (data/reports/<name>.drawn.json); else the figure is
    worked out again by `sketch`, and rendered unless it is the one the PNG on disk shows."""
    path = reports_dir(paths) / f"{name}.png"
    record = reports_dir(paths) / f"{name}.drawn.json"
    marker = InputsMarker(reports_dir(paths) / f"{name}.inputs.sha256")
    code = drawing_code()  # read once: it hashes the drawing code and asks each library's version
    fingerprint = picture_fingerprint(paths, tables, code)
    kept = kept_drawing(path, record)
    if kept is not None and marker.matches(fingerprint, path, record):
        context.log.info(f"{kept.log} (tables and drawing code unchanged: not drawn again)")
        return path, kept
    marker.forget()
    # the tables and the figure in a process of their own
    prepare = import_drawing if kept is not None else import_rendering
    drawing, rendered = step_value(lambda: sketched_and_rendered(sketch, code, kept), name, prepare)
    if rendered:
        publish_picture(paths, name, drawing.png)
    kept = {k: v for k, v in asdict(drawing).items() if k != "png"}
    with atomic_path(record) as temp:
        temp.write_text(json.dumps({**kept, "sha256": hashlib.sha256(drawing.png).hexdigest()}), encoding="utf-8")
    marker.record(fingerprint)
    context.log.info(drawing.log if rendered else f"{drawing.log} (the figure on disk: not rendered again)")
    return path, drawing


def drawing_result(alt: str, path: Path, drawing: Drawing) -> MaterializeResult:
    check = picture_check(path, drawing.png, drawing.expected, drawing.drawn, drawing.what)
    markdown = {k: MetadataValue.md(v) for k, v in drawing.markdown.items()}
    return picture_result(alt, path, drawing.png, check, **drawing.numbers, **markdown)


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
    tables = ["events", "event_participants", "entities"]

    def sketch() -> Sketch:
        from pipeline.reports import (
            EDGE_COLUMNS,
            MAX_NODES,
            actor_network_figure,
            build_actor_network,
            render_actor_network,
        )

        events, participants, entities = read_tables(paths, *tables)
        network = build_actor_network(events, participants, entities)
        edges = network.edges[[c for c in EDGE_COLUMNS if not c.endswith("_id")]]
        actors = participants[participants["event_id"].isin(set(events["event_id"]))]["entity_id"].nunique()
        figure = actor_network_figure(network, len(events))
        return Sketch(figure, lambda: render_actor_network(network, n_events=len(events)), Drawing(
            b"", min(actors, MAX_NODES), network.graph.number_of_nodes(), "actors",
            f"actor network: {network.graph.number_of_nodes()} actors, {len(network.edges)} links "
            f"from {len(events)} events -> {reports_dir(paths) / 'actor_network.png'}",
            numbers={"actors": network.graph.number_of_nodes(), "links": len(network.edges), "events": len(events)},
            markdown={"links_by_weight": _markdown(edges)},
        ))

    path, drawing = drawn_or_reused(context, paths, "actor_network", tables, sketch)
    return drawing_result("actor network", path, drawing)


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
    tables = ["stances", "entities", "quotes", "issues"]

    def sketch() -> Sketch:
        from pipeline.reports import (
            MAX_HOLDERS,
            MAX_TARGETS,
            build_stance_matrix,
            render_stance_matrix,
            stance_matrix_figure,
        )

        stances, entities, quotes, issues = read_tables(paths, *tables)
        matrix = build_stance_matrix(stances, entities, quotes, issues=issues)
        holders, targets = matrix.score.shape if not matrix.empty else (0, 0)
        drawn = int(matrix.cells["n_stances"].sum()) if not matrix.empty else 0
        capped = holders >= MAX_HOLDERS or targets >= MAX_TARGETS
        figure = stance_matrix_figure(matrix, len(stances))
        return Sketch(figure, lambda: render_stance_matrix(matrix, n_stances=len(stances)), Drawing(
            b"", drawn if capped else len(stances), drawn, "stances",
            f"stance matrix: {holders} holders x {targets} issues from {len(stances)} stances -> "
            f"{reports_dir(paths) / 'stance_matrix.png'}",
            numbers={"holders": holders, "issues": targets, "stances": len(stances)},
            markdown={"cells": _markdown(matrix.cells)},
        ))

    path, drawing = drawn_or_reused(context, paths, "stance_matrix", tables, sketch)
    return drawing_result("stance matrix", path, drawing)
