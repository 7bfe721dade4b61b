"""Node labels that overlap no other label, node or edge label, and cross few links."""

from __future__ import annotations

import math

import numpy as np

# Where a node's label may go, tried in this order: above, below, right, left, then the
# diagonals, each at growing distance from the node (offsets in units of the gap).
LABEL_DIRECTIONS = [(0, 1, "center", "bottom"), (0, -1, "center", "top"), (1, 0, "left", "center"),
                    (-1, 0, "right", "center"), (1, 1, "left", "bottom"), (-1, 1, "right", "bottom"),
                    (1, -1, "left", "top"), (-1, -1, "right", "top")]
LABEL_DISTANCES = (1.0, 2.2, 3.6, 5.2)
LABEL_GAP_POINTS = 9.0


def place_labels(fig, ax, items, obstacles=(), lines=()) -> dict:
    """Annotate each node with its label where it overlaps no label placed before it, no
    other node and no obstacle (edge labels), and crosses as few links as it can.

    The positions of LABEL_DIRECTIONS are tried ring by ring (LABEL_DISTANCES): the first
    ring with a free position wins, and within it the position crossing fewest `lines`
    (links, as pairs of end points in data units), so a label stays next to its node. If
    no ring has a free position, the one with the least overlap wins.

    `items` are (key, (x, y) in data units, text, node radius in points), most important
    first: earlier labels get the better places. Deterministic: the same items give the
    same placement. Returns the annotations by key.
    """
    # the layout a draw leaves (text extents, tick and arrow positions) without its pixels:
    # the PNG is drawn again by `png` anyway, so rasterising here was a tenth of the picture
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    to_pixels = fig.dpi / 72.0
    discs = []
    for key, (x, y), _, radius in items:
        cx, cy = ax.transData.transform((x, y))
        r = radius * to_pixels
        discs.append((key, (cx - r, cy - r, cx + r, cy + r)))
    samples = np.array([ax.transData.transform(np.asarray(a) + t * (np.asarray(b) - np.asarray(a)))
                        for a, b in lines for t in np.linspace(0.0, 1.0, 25)]).reshape(-1, 2)
    taken = [box_of(o.get_window_extent(renderer)) for o in obstacles]
    placed = {}
    for key, (x, y), text, radius in items:
        annotation = ax.annotate(text, (x, y), xytext=(0, 0), zorder=6, textcoords="offset points",
                                 fontsize=9, fontweight="bold",
                                 bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
        hard_obstacles = [*taken, *(box for other, box in discs if other != key)]
        fallback, fallback_overlap, chosen = None, math.inf, None
        for distance in LABEL_DISTANCES:
            free = []
            for dx, dy, ha, va in LABEL_DIRECTIONS:
                gap = radius + LABEL_GAP_POINTS * distance
                scale = math.sqrt(2) if dx and dy else 1.0
                position = ((dx * gap / scale, dy * gap / scale), ha, va)
                box = _place(annotation, position, renderer)
                overlap = sum(overlap_area(box, other) for other in hard_obstacles)
                if overlap == 0:
                    free.append((_points_inside(box, samples), len(free), position))
                elif overlap < fallback_overlap:
                    fallback, fallback_overlap = position, overlap
            if free:
                chosen = min(free)[2]
                break
        taken.append(_place(annotation, chosen or fallback, renderer))
        placed[key] = annotation
    return placed


def _place(annotation, position, renderer) -> tuple[float, float, float, float]:
    offset, ha, va = position
    annotation.set_position(offset)
    annotation.set_ha(ha)
    annotation.set_va(va)
    return box_of(annotation.get_window_extent(renderer), pad=2.0)


def _points_inside(box, points: np.ndarray) -> int:
    if not len(points):
        return 0
    inside = (points[:, 0] > box[0]) & (points[:, 0] < box[2]) & (points[:, 1] > box[1]) & (points[:, 1] < box[3])
    return int(inside.sum())


def box_of(extent, pad: float = 0.0) -> tuple[float, float, float, float]:
    return (extent.x0 - pad, extent.y0 - pad, extent.x1 + pad, extent.y1 + pad)


def overlap_area(a, b) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0
