"""Pictures for analysts: the actor network and the stance matrix, as PNG bytes.

Pure functions from the contract's tables (pandas DataFrames) to figures; no Dagster,
no file system. Everything is deterministic: inputs are sorted, the network layout uses
a fixed seed, and the PNG carries no timestamp or software version, so the same tables
give the same bytes.

- `network` (the actor network): nodes are the entities that take part in events, edges
  join who did something to whom (source -> target, with an arrow) or who took part
  together (no arrow), the edge width is the number of events, and the edge colour is the
  PLOVER quad class that dominates those events (verbal or material, cooperation or
  conflict).
- `stance_matrix`: holders (rows) x issues (columns); each cell is the mean signed score
  of the holder's stances on that issue (support +score, oppose -score, neutral 0),
  green for support, red for oppose, grey for neutral.
- `labels` places node labels so that none overlaps another; `drawing` holds what both
  pictures share (colours, figure size, the PNG writer, the empty-table placeholder).
"""

from __future__ import annotations

from pipeline.reports.drawing import (
    DPI,
    ENTITY_COLOURS,
    POLARITY_SIGN,
    QUAD_COLOURS,
    QUAD_LABELS,
    QUAD_ORDER,
    quad_of,
)
from pipeline.reports.labels import box_of, overlap_area, place_labels
from pipeline.reports.network import (
    EDGE_COLUMNS,
    LAYOUT_SEED,
    MAX_NODES,
    ActorNetwork,
    actor_network_figure,
    actor_network_png,
    build_actor_network,
    draw_actor_network,
    network_layout,
    render_actor_network,
)
from pipeline.reports.stance_matrix import (
    MAX_HOLDERS,
    MAX_TARGETS,
    StanceMatrix,
    build_stance_matrix,
    render_stance_matrix,
    stance_matrix_figure,
    stance_matrix_png,
)


def __getattr__(name: str):
    """`STANCE_CMAP`, made (and matplotlib imported) on first use."""
    if name == "STANCE_CMAP":
        from pipeline.reports.drawing import stance_cmap

        return stance_cmap()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DPI",
    "EDGE_COLUMNS",
    "ENTITY_COLOURS",
    "LAYOUT_SEED",
    "MAX_HOLDERS",
    "MAX_NODES",
    "MAX_TARGETS",
    "POLARITY_SIGN",
    "QUAD_COLOURS",
    "QUAD_LABELS",
    "QUAD_ORDER",
    "STANCE_CMAP",
    "ActorNetwork",
    "StanceMatrix",
    "actor_network_figure",
    "actor_network_png",
    "box_of",
    "build_actor_network",
    "build_stance_matrix",
    "draw_actor_network",
    "network_layout",
    "overlap_area",
    "place_labels",
    "quad_of",
    "render_actor_network",
    "render_stance_matrix",
    "stance_matrix_figure",
    "stance_matrix_png",
]
