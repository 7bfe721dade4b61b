"""The actor network: who did what to whom, from the events and their participants."""

from __future__ import annotations

import math
import textwrap
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations, groupby
from operator import itemgetter

import networkx as nx
import numpy as np
import pandas as pd

from pipeline.reports.drawing import (
    DPI,
    ENTITY_COLOURS,
    QUAD_COLOURS,
    QUAD_LABELS,
    QUAD_ORDER,
    placeholder,
    png,
    pyplot,
    quad_of,
)
from pipeline.reports.labels import place_labels

LAYOUT_SEED = 7
MAX_NODES = 40
MAX_EDGE_LABELS = 30
LABEL_EVERY_LINK_UP_TO = 12


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
        # Each event's rows in turn, as a groupby by event would give them, read as one list
        # of (event, entity, role): a pandas group per event cost more than all the rest.
        rows = zip(ordered["event_id"], ordered["entity_id"], ordered["role"], strict=True)
        for event_id, group in groupby(rows, key=itemgetter(0)):
            roles: dict[str, list[str]] = defaultdict(list)
            for _, entity_id, role in group:
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


def actor_network_figure(network: ActorNetwork, n_events: int) -> tuple:
    """Everything `render_actor_network` reads, as plain values in drawing order: equal
    figures give the same picture (what lets a run keep the PNG on disk)."""
    graph = network.graph
    return (graph.is_directed(), list(graph.nodes(data=True)), list(graph.edges(data=True)),
            network.edges.to_dict("split"), n_events)


def render_actor_network(network: ActorNetwork, n_events: int) -> bytes:
    if network.empty:
        return placeholder("Actor network", "No events yet: the network appears once events are extracted.")
    fig, _ = draw_actor_network(network, n_events)
    return png(fig)


def draw_actor_network(network: ActorNetwork, n_events: int):
    """The figure of a non-empty network, and its node labels by actor id (placed so that
    no two overlap: `place_labels`)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    graph = network.graph
    n = graph.number_of_nodes()
    positions = network_layout(graph)
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span_x, span_y = max(xs) - min(xs) + 1.0, max(ys) - min(ys) + 1.0
    width = min(12.5, max(8.0, 3.2 * span_x))
    height = min(11.0, max(5.0, width * span_y / span_x + 1.5))
    fig, ax = pyplot().subplots(figsize=(width, height), dpi=DPI)

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


