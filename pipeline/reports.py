"""Pictures for analysts: the actor network and the stance matrix, as PNG bytes.

Pure functions from the contract's tables (pandas DataFrames) to figures; no Dagster,
no file system. Everything is deterministic: inputs are sorted, the network layout uses
a fixed seed, and the PNG carries no timestamp or software version, so the same tables
give the same bytes.

- `actor_network`: nodes are the entities that take part in events, edges join who did
  something to whom (source -> target, with an arrow) or who took part together (no
  arrow), the edge width is the number of events, and the edge colour is the PLOVER quad
  class that dominates those events (verbal or material, cooperation or conflict).
- `stance_matrix`: holders (rows) x issues (columns); each cell is the mean signed score
  of the holder's stances on that issue (support +score, oppose -score, neutral 0),
  green for support, red for oppose, grey for neutral.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.colors import LinearSegmentedColormap  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from pipeline.nlp.lexicons import PLOVER_QUAD_BY_TYPE  # noqa: E402

LAYOUT_SEED = 7
MAX_NODES = 40
MAX_EDGE_LABELS = 30
LABEL_EVERY_LINK_UP_TO = 12
MAX_HOLDERS = 25
MAX_TARGETS = 25
DPI = 100  # figures stay under ~1300 px wide, so the UI's metadata dialog shows them whole

QUAD_COLOURS = {
    "verbal_coop": "#74c476",
    "material_coop": "#1b7837",
    "verbal_conflict": "#f4a442",
    "material_conflict": "#c51b1b",
}
QUAD_LABELS = {
    "verbal_coop": "verbal cooperation (agree, consult, support, concede)",
    "material_coop": "material cooperation (cooperate, aid, retreat)",
    "verbal_conflict": "verbal conflict (request, accuse, reject, threaten)",
    "material_conflict": "material conflict (protest, sanction, mobilize, coerce, assault)",
}
QUAD_ORDER = tuple(QUAD_COLOURS)
ENTITY_COLOURS = {
    "COUNTRY": "#9ecae1",
    "PERSON": "#fdd0a2",
    "ORGANIZATION": "#dadaeb",
    "GROUP": "#c7e9c0",
    "LOCATION": "#d9d9d9",
}
SUPPORT_GREEN, OPPOSE_RED, NEUTRAL_GREY = "#1a9850", "#d73027", "#bdbdbd"
STANCE_CMAP = LinearSegmentedColormap.from_list("stance", [OPPOSE_RED, NEUTRAL_GREY, SUPPORT_GREEN])
POLARITY_SIGN = {"support": 1.0, "oppose": -1.0, "neutral": 0.0}


def quad_of(event_type: str) -> str:
    return PLOVER_QUAD_BY_TYPE.get(event_type, "verbal_coop")


# ---------------------------------------------------------------------------- network


@dataclass
class ActorNetwork:
    """The graph behind the picture, and its edge list as a readable table."""

    graph: nx.Graph
    edges: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def empty(self) -> bool:
        return self.graph.number_of_nodes() == 0


EDGE_COLUMNS = ["source", "target", "directed", "n_events", "event_types", "quad", "source_id", "target_id"]


def build_actor_network(
    events: pd.DataFrame, participants: pd.DataFrame, entities: pd.DataFrame, max_nodes: int = MAX_NODES
) -> ActorNetwork:
    """Who did what to whom: one edge per pair of actors, weighted by their events.

    For an event with sources and targets, each source gets a directed edge to each
    target (mediators an undirected one to each of them); an event with only
    participants links every pair of them, undirected. Only the `max_nodes` actors in
    the most events are kept, so a large corpus still gives a readable picture.
    """
    names = dict(zip(entities["entity_id"], entities["name"], strict=True)) if len(entities) else {}
    types = dict(zip(entities["entity_id"], entities["entity_type"], strict=True)) if len(entities) else {}
    event_types = dict(zip(events["event_id"], events["event_type"], strict=True)) if len(events) else {}
    known = participants[participants["event_id"].isin(event_types)] if len(participants) else participants

    pairs: dict[tuple[str, str, bool], Counter] = defaultdict(Counter)
    events_of_pair: dict[tuple[str, str, bool], set[str]] = defaultdict(set)
    events_of_actor: dict[str, set[str]] = defaultdict(set)
    if len(known):
        ordered = known.sort_values(["event_id", "role", "entity_id"], kind="stable")
        for event_id, group in ordered.groupby("event_id", sort=True):
            roles: dict[str, list[str]] = defaultdict(list)
            for entity_id, role in zip(group["entity_id"], group["role"], strict=True):
                if entity_id not in roles[role]:
                    roles[role].append(entity_id)
            actors = sorted({e for members in roles.values() for e in members})
            for actor in actors:
                events_of_actor[actor].add(event_id)
            for key in _event_pairs(roles):
                pairs[key][event_types[event_id]] += 1
                events_of_pair[key].add(event_id)

    ranked = sorted(events_of_actor, key=lambda a: (-len(events_of_actor[a]), names.get(a, a), a))
    keep = set(ranked[:max_nodes])
    graph = nx.Graph()
    for actor in sorted(keep):
        graph.add_node(
            actor,
            name=names.get(actor, actor),
            entity_type=types.get(actor, ""),
            n_events=len(events_of_actor[actor]),
            event_types=", ".join(sorted({event_types[e] for e in events_of_actor[actor]})),
        )
    rows = []
    for (u, v, directed), type_counts in sorted(pairs.items()):
        if u not in keep or v not in keep:
            continue
        n_events = len(events_of_pair[(u, v, directed)])
        quad = _dominant_quad(type_counts)
        rows.append(
            {
                "source": names.get(u, u),
                "target": names.get(v, v),
                "directed": directed,
                "n_events": n_events,
                "event_types": ", ".join(f"{t} ×{n}" if n > 1 else t for t, n in sorted(type_counts.items())),
                "quad": quad,
                "source_id": u,
                "target_id": v,
            }
        )
        if graph.has_edge(u, v):
            graph[u][v]["weight"] += n_events
        else:
            graph.add_edge(u, v, weight=n_events)
    edges = pd.DataFrame(rows, columns=EDGE_COLUMNS)
    if len(edges):
        edges = edges.sort_values(["n_events", "source", "target"], ascending=[False, True, True], kind="stable")
    return ActorNetwork(graph=graph, edges=edges.reset_index(drop=True))


def _event_pairs(roles: dict[str, list[str]]):
    sources, targets = roles.get("source", []), roles.get("target", [])
    others = roles.get("participant", []) + roles.get("mediator", [])
    if sources and targets:
        seen = set()
        for s in sources:
            for t in targets:
                if s != t:
                    seen.add((s, t, True))
        for m in others:
            for a in sources + targets:
                if m != a:
                    seen.add((*sorted((m, a)), False))
        yield from sorted(seen)
    else:
        everyone = sorted(set(sources + targets + others))
        for a, b in combinations(everyone, 2):
            yield (a, b, False)


def _dominant_quad(type_counts: Counter) -> str:
    by_quad: Counter = Counter()
    for event_type, n in type_counts.items():
        by_quad[quad_of(event_type)] += n
    # ties go to the conflict side (the more newsworthy reading), then in QUAD_ORDER
    return max(QUAD_ORDER, key=lambda q: (by_quad[q], "conflict" in q, -QUAD_ORDER.index(q)))


def actor_network_png(
    events: pd.DataFrame, participants: pd.DataFrame, entities: pd.DataFrame, max_nodes: int = MAX_NODES
) -> bytes:
    """Render the actor network; a "no events yet" picture when there is nothing to draw."""
    network = build_actor_network(events, participants, entities, max_nodes)
    return render_actor_network(network, n_events=len(events))


def render_actor_network(network: ActorNetwork, n_events: int) -> bytes:
    if network.empty:
        return _placeholder("Actor network", "No events yet: the network appears once events are extracted.")
    fig, _ = draw_actor_network(network, n_events)
    return _png(fig)


def draw_actor_network(network: ActorNetwork, n_events: int):
    """The figure of a non-empty network, and its node labels by actor id (placed so that
    no two overlap: `place_labels`)."""
    graph = network.graph
    n = graph.number_of_nodes()
    positions = network_layout(graph)
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span_x, span_y = max(xs) - min(xs) + 1.0, max(ys) - min(ys) + 1.0
    width = min(12.5, max(8.0, 3.2 * span_x))
    height = min(11.0, max(5.0, width * span_y / span_x + 1.5))
    fig, ax = plt.subplots(figsize=(width, height), dpi=DPI)

    most = max(graph.nodes[a]["n_events"] for a in graph.nodes)
    node_sizes = {a: 350 + 1250 * graph.nodes[a]["n_events"] / most for a in graph.nodes}
    nodes = list(graph.nodes)
    nx.draw_networkx_nodes(graph, positions, ax=ax, nodelist=nodes, node_size=[node_sizes[a] for a in nodes],
                           node_color=[ENTITY_COLOURS.get(graph.nodes[a]["entity_type"], "#eeeeee") for a in nodes],
                           edgecolors="#555555", linewidths=0.8)

    heaviest = max(network.edges["n_events"]) if len(network.edges) else 1
    links = zip(network.edges["source_id"], network.edges["target_id"], strict=True)
    pair_total = Counter(frozenset((u, v)) for u, v in links)
    pair_seen: Counter = Counter()
    # A small network labels every link; a larger one leaves single meetings (the commonest
    # link, already green) unlabelled so the conflicts and agreements stand out.
    label_all, labelled = len(network.edges) <= LABEL_EVERY_LINK_UP_TO, 0
    edge_labels = []
    for row in network.edges.itertuples(index=False):
        pair = frozenset((row.source_id, row.target_id))
        # parallel links of one pair bend apart so each stays visible
        rank = pair_seen[pair]
        pair_seen[pair] += 1
        rad = 0.0 if pair_total[pair] == 1 else 0.7 * (rank - (pair_total[pair] - 1) / 2)
        if row.source_id > row.target_id:
            rad = -rad
        directed = bool(row.directed)
        nx.draw_networkx_edges(
            nx.DiGraph([(row.source_id, row.target_id)]), positions, ax=ax,
            width=1.5 + 5.0 * row.n_events / heaviest, edge_color=QUAD_COLOURS[row.quad], alpha=0.85,
            arrows=True, arrowstyle="-|>" if directed else "-", arrowsize=20,
            connectionstyle=f"arc3,rad={rad:.3f}",
            nodelist=[row.source_id, row.target_id],
            node_size=[node_sizes[row.source_id], node_sizes[row.target_id]],
        )
        if label_all or (row.n_events >= 2 or row.event_types != "CONSULT") and labelled < MAX_EDGE_LABELS:
            labelled += 1
            edge_labels.append(_edge_label(ax, positions[row.source_id], positions[row.target_id], rad,
                                           row.event_types))
    texts = {}
    for actor in nodes:
        label = graph.nodes[actor]["name"]
        if graph.degree(actor) == 0:  # acted alone: say what it did
            label += "\n" + "\n".join(textwrap.wrap(f"({graph.nodes[actor]['event_types']})", width=26))
        texts[actor] = label

    quads_present = [q for q in QUAD_ORDER if q in set(network.edges["quad"])]
    handles = [Line2D([0], [0], color=QUAD_COLOURS[q], lw=4, label=QUAD_LABELS[q]) for q in quads_present]
    types_present = {graph.nodes[a]["entity_type"] for a in nodes}
    handles += [Patch(facecolor=c, edgecolor="#555555", label=t.title()) for t, c in ENTITY_COLOURS.items()
                if t in types_present]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=2, fontsize=8, frameon=False)
    ax.set_title(
        f"Actor network: {n} actors, {len(network.edges)} links from {n_events} events\n"
        "arrow = source acts on target, no arrow = took part together; width = number of events"
        + ("" if label_all else "\nunlabelled links: a single CONSULT (meeting, talks)"),
        fontsize=11,
    )
    ax.margins(0.15)
    ax.set_axis_off()
    order = sorted(nodes, key=lambda a: (-node_sizes[a], texts[a], a))
    links = [(positions[u], positions[v]) for u, v in zip(network.edges["source_id"], network.edges["target_id"],
                                                          strict=True)]
    labels = place_labels(fig, ax, [(a, positions[a], texts[a], math.sqrt(node_sizes[a]) / 2) for a in order],
                          obstacles=edge_labels, lines=links)
    return fig, labels


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
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    to_pixels = fig.dpi / 72.0
    discs = []
    for key, (x, y), _, radius in items:
        cx, cy = ax.transData.transform((x, y))
        r = radius * to_pixels
        discs.append((key, (cx - r, cy - r, cx + r, cy + r)))
    samples = np.array([ax.transData.transform(np.asarray(a) + t * (np.asarray(b) - np.asarray(a)))
                        for a, b in lines for t in np.linspace(0.0, 1.0, 25)]).reshape(-1, 2)
    taken = [_box(o.get_window_extent(renderer)) for o in obstacles]
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
                overlap = sum(_overlap(box, other) for other in hard_obstacles)
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
    return _box(annotation.get_window_extent(renderer), pad=2.0)


def _points_inside(box, points: np.ndarray) -> int:
    if not len(points):
        return 0
    inside = (points[:, 0] > box[0]) & (points[:, 0] < box[2]) & (points[:, 1] > box[1]) & (points[:, 1] < box[3])
    return int(inside.sum())


def _box(extent, pad: float = 0.0) -> tuple[float, float, float, float]:
    return (extent.x0 - pad, extent.y0 - pad, extent.x1 + pad, extent.y1 + pad)


def _overlap(a, b) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def network_layout(graph: nx.Graph) -> dict[str, np.ndarray]:
    """Spring layout per connected component (fixed seed), components side by side.

    Laying out the whole graph at once throws disconnected pairs to the far corners;
    placing components in rows, largest first, keeps every part legible. Actors with no
    link (they acted alone) stand in a column on the right.
    """
    components = sorted(nx.connected_components(graph), key=lambda c: (-len(c), sorted(c)))
    linked = [c for c in components if len(c) > 1]
    alone = sorted(a for c in components if len(c) == 1 for a in c)
    per_row = max(1, math.ceil(math.sqrt(len(linked))))
    positions: dict[str, np.ndarray] = {}
    x_offset = y_offset = row_height = right = 0.0
    top = None
    for index, component in enumerate(linked):
        radius = 0.75 * math.sqrt(len(component))
        if len(component) == 2:
            a, b = sorted(component)
            local = {a: np.array([-radius, 0.0]), b: np.array([radius, 0.0])}
        else:
            local = nx.spring_layout(graph.subgraph(sorted(component)), seed=LAYOUT_SEED, weight=None, scale=radius,
                                     iterations=300, k=2.5 / math.sqrt(len(component)))
            local = _spread(local, min_distance=1.1)
        if index and index % per_row == 0:
            x_offset, y_offset, row_height = 0.0, y_offset - row_height - 1.4, 0.0
        for actor, (x, y) in local.items():
            positions[actor] = np.array([x_offset + radius + x, y_offset + y])
        top = y_offset + radius if top is None else top
        x_offset += 2 * radius + 1.4
        right = max(right, x_offset)
        row_height = max(row_height, 2 * radius)
    column = right if linked else 0.0
    for index, actor in enumerate(alone):
        positions[actor] = np.array([column, (top or 0.0) - 1.0 * index])
    return positions


def _spread(positions: dict[str, np.ndarray], min_distance: float, rounds: int = 100) -> dict[str, np.ndarray]:
    """Push apart nodes closer than `min_distance` (spring layouts bunch dense clusters), deterministically."""
    names = sorted(positions)
    points = np.array([positions[n] for n in names], dtype=float)
    for _ in range(rounds):
        moved = False
        for i in range(len(points)):
            for j in range(i + 1, len(points)):
                delta = points[j] - points[i]
                distance = float(np.hypot(*delta))
                if distance >= min_distance:
                    continue
                direction = delta / distance if distance > 1e-9 else np.array([1.0, 0.0])
                push = (min_distance - distance) / 2 * direction
                points[i] -= push
                points[j] += push
                moved = True
        if not moved:
            break
    return dict(zip(names, points, strict=True))


def _edge_label(ax, start, end, rad: float, text: str):
    """Label an edge at the middle of its (possibly bent) arc, as matplotlib draws arc3."""
    (x1, y1), (x2, y2) = start, end
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    dx, dy = x2 - x1, y2 - y1
    # arc3's control point sits at rad * (dy, -dx) from the midpoint; the curve passes halfway to it
    cx, cy = mx + rad * dy / 2, my - rad * dx / 2
    # a bent link's label extends away from the straight line, so parallel links' labels don't collide
    side = rad * dy
    ha = "center" if abs(side) < 1e-9 else ("left" if side > 0 else "right")
    return ax.text(cx, cy, text, fontsize=7, color="#333333", ha=ha, va="center", zorder=5,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})


def _directed_keys(edges: pd.DataFrame) -> set[tuple[str, str, bool]]:
    links = zip(edges["source_id"], edges["target_id"], edges["directed"], strict=True)
    return {(u, v, True) for u, v, d in links if d}


# ---------------------------------------------------------------------------- stances


@dataclass
class StanceMatrix:
    """Mean signed score and stance count per holder (rows) and target (columns)."""

    score: pd.DataFrame
    count: pd.DataFrame
    cells: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def empty(self) -> bool:
        return self.score.empty


def build_stance_matrix(
    stances: pd.DataFrame,
    entities: pd.DataFrame,
    quotes: pd.DataFrame | None = None,
    max_holders: int = MAX_HOLDERS,
    max_targets: int = MAX_TARGETS,
    issues: pd.DataFrame | None = None,
) -> StanceMatrix:
    """With `issues`, the columns are issues (a stance counts under its issue's label, with
    its position read against that label); without, the stances' own targets."""
    if stances.empty:
        return StanceMatrix(pd.DataFrame(), pd.DataFrame())
    names = dict(zip(entities["entity_id"], entities["name"], strict=True)) if len(entities) else {}
    speakers = {}
    if quotes is not None and len(quotes):
        speakers = dict(zip(quotes["quote_id"], quotes["speaker_surface"], strict=True))
    frame = stances.copy()
    if issues is not None and len(issues) and "issue_id" in frame.columns:
        labels = dict(zip(issues["issue_id"], issues["label"], strict=True))
        frame["target"] = [labels.get(i, t) for i, t in zip(frame["issue_id"], frame["target"], strict=True)]
        frame["polarity"] = frame["issue_polarity"].where(frame["issue_polarity"].notna(), frame["polarity"])

    def holder(row) -> str:
        if isinstance(row.holder_entity_id, str) and row.holder_entity_id:
            return names.get(row.holder_entity_id, row.holder_entity_id)
        surface = speakers.get(row.quote_id) if isinstance(row.quote_id, str) else None
        return surface if isinstance(surface, str) and surface else "(unresolved holder)"

    frame["holder"] = [holder(r) for r in frame.itertuples(index=False)]
    frame["signed"] = frame["polarity"].map(POLARITY_SIGN).fillna(0.0) * frame["score"].astype(float)
    holders = _top(frame["holder"], max_holders)
    targets = _top(frame["target"], max_targets)
    frame = frame[frame["holder"].isin(holders) & frame["target"].isin(targets)]
    grouped = frame.groupby(["holder", "target"])["signed"]
    score = grouped.mean().unstack().reindex(index=holders, columns=targets)
    count = grouped.size().unstack().reindex(index=holders, columns=targets).fillna(0).astype(int)
    polarities = frame.pivot_table(index=["holder", "target"], columns="polarity", values="signed",
                                   aggfunc="size", fill_value=0)
    cells = pd.DataFrame({"n_stances": grouped.size(), "mean_signed_score": grouped.mean().round(2)})
    for polarity in POLARITY_SIGN:
        cells[f"n_{polarity}"] = polarities.get(polarity, 0)
    cells = cells.reset_index().sort_values(["n_stances", "holder", "target"], ascending=[False, True, True])
    return StanceMatrix(score=score, count=count, cells=cells.reset_index(drop=True))


def _top(values: pd.Series, limit: int) -> list[str]:
    counts = values.value_counts()
    return sorted(counts.index, key=lambda v: (-counts[v], str(v)))[:limit]


def stance_matrix_png(
    stances: pd.DataFrame,
    entities: pd.DataFrame,
    quotes: pd.DataFrame | None = None,
    issues: pd.DataFrame | None = None,
) -> bytes:
    return render_stance_matrix(build_stance_matrix(stances, entities, quotes, issues=issues), n_stances=len(stances))


def render_stance_matrix(matrix: StanceMatrix, n_stances: int) -> bytes:
    if matrix.empty:
        return _placeholder("Stance matrix", "No stances yet: the matrix appears once stances are extracted.")
    rows, cols = matrix.score.shape
    width = min(13.0, 4.5 + 1.1 * cols)
    height = min(14.0, 2.8 + 0.55 * rows)
    fig, ax = plt.subplots(figsize=(width, height), dpi=DPI)
    cmap = STANCE_CMAP.with_extremes(bad="#ffffff")
    values = np.ma.masked_invalid(matrix.score.to_numpy(dtype=float))
    image = ax.imshow(values, cmap=cmap, vmin=-1.0, vmax=1.0, aspect="auto")
    for i in range(rows):
        for j in range(cols):
            n = int(matrix.count.iat[i, j])
            if n == 0:
                continue
            value = float(matrix.score.iat[i, j])
            text = f"{value:+.2f}" + (f"\n({n})" if n > 1 else "")
            ax.text(j, i, text, ha="center", va="center", fontsize=8,
                    color="white" if abs(value) > 0.55 else "#222222")
    ax.set_xticks(range(cols), [_wrap(t) for t in matrix.score.columns], rotation=35, ha="right", fontsize=8)
    ax.set_yticks(range(rows), list(matrix.score.index), fontsize=9)
    ax.set_xticks(np.arange(-0.5, cols, 1), minor=True)
    ax.set_yticks(np.arange(-0.5, rows, 1), minor=True)
    ax.grid(which="minor", color="#e0e0e0", linewidth=1)
    ax.tick_params(which="minor", length=0)
    ax.set_xlabel("issue")
    ax.set_ylabel("stance holder")
    bar = fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02, ticks=[-1, 0, 1])
    bar.ax.set_yticklabels(["oppose", "neutral", "support"], fontsize=8)
    ax.set_title(
        f"Stance matrix: {rows} holders x {cols} issues from {n_stances} stances\n"
        "cell = mean signed score (support +, oppose -, neutral 0); (n) = number of stances",
        fontsize=11,
    )
    fig.tight_layout()
    return _png(fig)


def _wrap(text: str, width: int = 22) -> str:
    words, lines, line = str(text).split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines)


# ---------------------------------------------------------------------------- helpers


def _placeholder(title: str, message: str) -> bytes:
    fig, ax = plt.subplots(figsize=(7, 3), dpi=DPI)
    ax.text(0.5, 0.55, message, ha="center", va="center", fontsize=11, color="#555555", wrap=True)
    ax.set_title(title, fontsize=12)
    ax.set_axis_off()
    return _png(fig)


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    try:
        fig.savefig(buffer, format="png", bbox_inches="tight", metadata={"Software": None})
    finally:
        plt.close(fig)
    return buffer.getvalue()
