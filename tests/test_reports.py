"""The actor network and stance matrix: graph and matrix logic, PNGs, and the Dagster assets."""

from __future__ import annotations

import base64

import pandas as pd
import pytest
from dagster import materialize

from pipeline import reports
from pipeline.defs.assets.reports import actor_network, stance_matrix
from pipeline.defs.resources import NewsPaths
from pipeline.own_process import IN_PROCESS_SETTING
from pipeline.schemas import TABLES, empty_frame
from pipeline.storage import write_table

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

ENTITIES = pd.DataFrame(
    {
        "entity_id": ["country:ARM", "country:AZE", "country:RUS", "organization:eu", "person:ararat-mirzoyan",
                      "person:jeyhun-bayramov", "person:sergei-lavrov"],
        "name": ["Armenia", "Azerbaijan", "Russia", "European Union", "Ararat Mirzoyan", "Jeyhun Bayramov",
                 "Sergei Lavrov"],
        "entity_type": ["COUNTRY", "COUNTRY", "COUNTRY", "ORGANIZATION", "PERSON", "PERSON", "PERSON"],
    }
)  # fmt: skip
EVENTS = pd.DataFrame(
    {"event_id": ["e1", "e2", "e3", "e4", "e5"], "event_type": ["CONSULT", "ACCUSE", "REQUEST", "CONSULT", "ASSAULT"]}
)
PARTICIPANTS = pd.DataFrame(
    [
        ("e1", "person:sergei-lavrov", "source"), ("e1", "person:ararat-mirzoyan", "target"),
        ("e1", "person:jeyhun-bayramov", "target"),
        ("e2", "country:ARM", "source"), ("e2", "country:AZE", "target"),
        ("e3", "country:ARM", "source"), ("e3", "country:AZE", "target"),
        ("e4", "country:ARM", "participant"), ("e4", "country:AZE", "participant"),
        ("e4", "organization:eu", "mediator"),
        ("e5", "country:AZE", "source"), ("e5", "country:ARM", "target"),
        ("gone", "country:RUS", "source"), ("gone", "country:ARM", "target"),  # event no longer in `events`
    ],
    columns=["event_id", "entity_id", "role"],
)  # fmt: skip
STANCES = pd.DataFrame(
    {
        "stance_id": ["s1", "s2", "s3", "s4", "s5", "s6"],
        "holder_entity_id": ["country:ARM", "country:ARM", "country:ARM", "person:sergei-lavrov", None, "country:AZE"],
        "target": ["Lachin corridor blockade", "Lachin corridor blockade", "peace treaty", "imposed agreements",
                   "peace treaty", "peace treaty"],
        "polarity": ["oppose", "oppose", "support", "oppose", "neutral", "support"],
        "score": [0.9, 0.7, 0.6, 0.8, 0.5, 0.4],
        "quote_id": [None, None, None, "q1", "q2", None],
    }
)  # fmt: skip
QUOTES = pd.DataFrame({"quote_id": ["q1", "q2"], "speaker_surface": ["Lavrov", "the foreign ministry"]})
# the same stances grouped into issues: the blockade read as its opposite, the opening
ISSUE_OF = {"Lachin corridor blockade": ("is-open", "support"), "peace treaty": ("is-peace", None),
            "imposed agreements": ("is-imposed", None)}  # fmt: skip
ISSUED = STANCES.assign(
    issue_id=[ISSUE_OF[t][0] for t in STANCES["target"]],
    issue_polarity=[ISSUE_OF[t][1] or p for t, p in zip(STANCES["target"], STANCES["polarity"], strict=True)],
)
ISSUES = pd.DataFrame(
    {
        "issue_id": ["is-open", "is-peace", "is-imposed"],
        "label": ["opening of the Lachin corridor", "peace treaty", "imposed agreements"],
        "keywords": [["lachin", "corridor"], ["peace", "treaty"], ["imposed"]],
        "aliases": [["Lachin corridor blockade"], ["peace treaty"], ["imposed agreements"]],
        "n_stances": [2, 3, 1],
        "n_articles": [1, 1, 1],
        "n_holders": [1, 2, 1],
    }
)


def edge(network: reports.ActorNetwork, source: str, target: str, directed: bool) -> dict:
    rows = network.edges[
        (network.edges["source"] == source)
        & (network.edges["target"] == target)
        & (network.edges["directed"] == directed)
    ]
    assert len(rows) == 1, network.edges
    return rows.iloc[0].to_dict()


def test_network_links_sources_to_targets_weighted_by_events():
    network = reports.build_actor_network(EVENTS, PARTICIPANTS, ENTITIES)
    accused = edge(network, "Armenia", "Azerbaijan", directed=True)
    assert accused["n_events"] == 2 and accused["event_types"] == "ACCUSE, REQUEST"
    assert accused["quad"] == "verbal_conflict"
    assert edge(network, "Azerbaijan", "Armenia", directed=True)["quad"] == "material_conflict"
    met = edge(network, "Armenia", "Azerbaijan", directed=False)
    assert met["n_events"] == 1 and met["quad"] == "verbal_coop"
    assert edge(network, "Sergei Lavrov", "Ararat Mirzoyan", directed=True)["event_types"] == "CONSULT"
    # a mediator is linked to each side, without an arrow
    assert edge(network, "Armenia", "European Union", directed=False)["n_events"] == 1
    # an event missing from `events` contributes nothing
    assert "country:RUS" not in network.graph
    assert network.graph["country:ARM"]["country:AZE"]["weight"] == 4
    assert network.graph.nodes["country:ARM"]["n_events"] == 4


def test_network_keeps_the_most_active_actors():
    network = reports.build_actor_network(EVENTS, PARTICIPANTS, ENTITIES, max_nodes=2)
    assert set(network.graph.nodes) == {"country:ARM", "country:AZE"}
    assert set(network.edges["source"]) | set(network.edges["target"]) == {"Armenia", "Azerbaijan"}


def test_network_png_is_deterministic():
    first = reports.actor_network_png(EVENTS, PARTICIPANTS, ENTITIES)
    assert first.startswith(PNG_SIGNATURE) and len(first) > 10_000
    assert reports.actor_network_png(EVENTS, PARTICIPANTS, ENTITIES) == first


def test_layout_is_deterministic_and_separates_components():
    graph = reports.build_actor_network(EVENTS, PARTICIPANTS, ENTITIES).graph
    first, second = reports.network_layout(graph), reports.network_layout(graph)
    assert all((first[n] == second[n]).all() for n in graph)
    points = list(first.values())
    assert min(((a - b) ** 2).sum() for i, a in enumerate(points) for b in points[i + 1:]) > 0.01


def test_stance_matrix_holds_mean_signed_scores():
    matrix = reports.build_stance_matrix(STANCES, ENTITIES, QUOTES)
    assert list(matrix.score.index) == ["Armenia", "Azerbaijan", "Sergei Lavrov", "the foreign ministry"]
    assert list(matrix.score.columns)[0] == "peace treaty"  # the issue with the most stances first
    assert matrix.score.loc["Armenia", "Lachin corridor blockade"] == pytest.approx(-0.8)
    assert matrix.count.loc["Armenia", "Lachin corridor blockade"] == 2
    assert matrix.score.loc["Armenia", "peace treaty"] == pytest.approx(0.6)
    assert matrix.score.loc["the foreign ministry", "peace treaty"] == 0.0  # neutral, holder from the quote
    assert pd.isna(matrix.score.loc["Azerbaijan", "Lachin corridor blockade"])
    cells = matrix.cells.set_index(["holder", "target"])
    assert cells.loc[("Armenia", "Lachin corridor blockade"), "n_oppose"] == 2
    png = reports.stance_matrix_png(STANCES, ENTITIES, QUOTES)
    assert png.startswith(PNG_SIGNATURE) and png == reports.stance_matrix_png(STANCES, ENTITIES, QUOTES)


def test_stance_matrix_columns_are_issues_read_against_their_label():
    matrix = reports.build_stance_matrix(ISSUED, ENTITIES, QUOTES, issues=ISSUES)
    assert "opening of the Lachin corridor" in matrix.score.columns
    assert "Lachin corridor blockade" not in matrix.score.columns
    # opposing the blockade is supporting the opening
    assert matrix.score.loc["Armenia", "opening of the Lachin corridor"] == pytest.approx(0.8)


def test_empty_tables_give_a_placeholder_picture():
    empty = {t: empty_frame(t) for t in ("events", "event_participants", "entities", "stances", "quotes")}
    network = reports.actor_network_png(empty["events"], empty["event_participants"], empty["entities"])
    matrix = reports.stance_matrix_png(empty["stances"], empty["entities"], empty["quotes"])
    assert network.startswith(PNG_SIGNATURE) and matrix.startswith(PNG_SIGNATURE)
    # events whose participants are all unknown still draw the placeholder, not a crash
    assert reports.actor_network_png(EVENTS, empty["event_participants"], ENTITIES).startswith(PNG_SIGNATURE)


def contract_frame(table: str, rows: pd.DataFrame, **defaults) -> pd.DataFrame:
    """`rows` padded to the table's full column set, so write_table accepts it."""
    frame = rows.copy()
    for column in TABLES[table][1].names:
        if column not in frame:
            value = defaults.get(column)
            frame[column] = [list(value) if isinstance(value, list) else value for _ in range(len(frame))]
    return frame


def write_tables(data, *, empty: bool = False) -> None:
    frames = {
        "entities": contract_frame("entities", ENTITIES, aliases=[], n_mentions=1, n_articles=1),
        "events": contract_frame("events", EVENTS, summary="s", n_articles=1, n_outlets=1, confidence=0.9),
        "event_participants": PARTICIPANTS,
        "stances": contract_frame("stances", ISSUED, article_id="a", sentence_id=0, evidence="e"),
        "issues": ISSUES,
        "quotes": contract_frame("quotes", QUOTES, article_id="a", sentence_id=0, text="t", kind="direct",
                                 char_start=0, char_end=1),
    }  # fmt: skip
    for table, frame in frames.items():
        write_table(data, table, empty_frame(table) if empty else frame)


@pytest.mark.parametrize("empty", [False, True], ids=["tables", "empty-tables"])
def test_assets_write_pngs_and_show_them_inline(tmp_path, empty):
    write_tables(tmp_path, empty=empty)
    paths = NewsPaths(seeds_dir=str(tmp_path / "seeds"), data_dir=str(tmp_path))
    result = materialize([actor_network, stance_matrix], resources={"paths": paths})
    assert result.success
    checks = result.get_asset_check_evaluations()
    assert sorted(c.asset_key.to_user_string() for c in checks) == ["actor_network", "stance_matrix"]
    assert all(c.passed for c in checks), [(c.asset_key, c.metadata) for c in checks]
    for name, alt in (("actor_network", "actor network"), ("stance_matrix", "stance matrix")):
        png = (tmp_path / "reports" / f"{name}.png").read_bytes()
        assert png.startswith(PNG_SIGNATURE)
        [materialization] = result.asset_materializations_for_node(name)
        picture = materialization.metadata["picture"].value
        prefix = f"![{alt}](data:image/png;base64,"
        assert picture.startswith(prefix) and base64.b64decode(picture[len(prefix):-1]) == png
    assert not list((tmp_path / "reports").glob(".*.tmp"))  # written atomically, nothing left behind
    [network] = result.asset_materializations_for_node("actor_network")
    assert network.metadata["actors"].value == (0 if empty else 6)


def counted_renderings(tmp_path, monkeypatch) -> tuple[NewsPaths, list[str]]:
    """The tables written, and a list that gets the name of each rendering function called
    (in this process)."""
    write_tables(tmp_path)
    drawn = []
    monkeypatch.setenv(IN_PROCESS_SETTING, "1")  # the drawing calls are counted in this process
    for name in ("render_actor_network", "render_stance_matrix"):
        real = getattr(reports, name)
        monkeypatch.setattr(
            reports, name, lambda *a, _real=real, _name=name, **k: drawn.append(_name) or _real(*a, **k)
        )
    return NewsPaths(seeds_dir=str(tmp_path / "seeds"), data_dir=str(tmp_path)), drawn


def test_pictures_are_drawn_again_only_when_their_inputs_or_their_png_changed(tmp_path, monkeypatch):
    paths, drawn = counted_renderings(tmp_path, monkeypatch)

    def metadata() -> dict:
        result = materialize([actor_network, stance_matrix], resources={"paths": paths})
        assert result.success and all(c.passed for c in result.get_asset_check_evaluations())
        return {n: {k: v.value for k, v in result.asset_materializations_for_node(n)[0].metadata.items()}
                for n in ("actor_network", "stance_matrix")}

    first = metadata()
    assert sorted(drawn) == ["render_actor_network", "render_stance_matrix"]
    assert metadata() == first and len(drawn) == 2  # same tables, same code: shown again, not drawn
    network_png = tmp_path / "reports" / "actor_network.png"
    network_png.write_bytes(network_png.read_bytes()[:-10])  # damaged on disk: drawn again
    assert metadata() == first and drawn[2:] == ["render_actor_network"]
    write_table(tmp_path, "stances", empty_frame("stances"))  # an input table changed: drawn again
    assert metadata()["stance_matrix"]["stances"] == 0 and drawn[3:] == ["render_stance_matrix"]


def test_a_changed_table_that_leaves_the_figure_as_it_was_keeps_the_png(tmp_path, monkeypatch):
    """An edit to one article changes the tables' bytes, seldom what a picture shows: the
    figure is worked out again, and rendered only when it is not the one the PNG shows."""
    paths, drawn = counted_renderings(tmp_path, monkeypatch)

    def pictures() -> dict:
        result = materialize([actor_network, stance_matrix], resources={"paths": paths})
        assert result.success and all(c.passed for c in result.get_asset_check_evaluations())
        return {n: (tmp_path / "reports" / f"{n}.png").read_bytes() for n in ("actor_network", "stance_matrix")}

    first = pictures()
    assert sorted(drawn) == ["render_actor_network", "render_stance_matrix"]
    # an entity in no event, a quote no stance quotes: both tables change, neither figure does
    more_entities = pd.concat([ENTITIES, pd.DataFrame(
        {"entity_id": ["person:nobody"], "name": ["Nobody"], "entity_type": ["PERSON"]})], ignore_index=True)
    write_table(tmp_path, "entities", contract_frame("entities", more_entities, aliases=[], n_mentions=1,
                                                     n_articles=1))
    more_quotes = pd.concat([QUOTES, pd.DataFrame({"quote_id": ["q3"], "speaker_surface": ["Nobody"]})])
    write_table(tmp_path, "quotes", contract_frame("quotes", more_quotes, article_id="a", sentence_id=0, text="t",
                                                   kind="direct", char_start=0, char_end=1))
    assert pictures() == first and len(drawn) == 2  # not rendered again, the same PNGs
    # an event more between two actors: the network's figure changes, the stance matrix's does not
    write_table(tmp_path, "events", contract_frame(
        "events", pd.concat([EVENTS, pd.DataFrame({"event_id": ["e6"], "event_type": ["ACCUSE"]})]),
        summary="s", n_articles=1, n_outlets=1, confidence=0.9))
    write_table(tmp_path, "event_participants", pd.concat([PARTICIPANTS, pd.DataFrame(
        [("e6", "country:RUS", "source"), ("e6", "country:ARM", "target")], columns=PARTICIPANTS.columns)]))
    again = pictures()
    assert drawn[2:] == ["render_actor_network"]
    assert again["actor_network"] != first["actor_network"] and again["stance_matrix"] == first["stance_matrix"]
    # the PNG rendered anew is the one a run from nothing renders for the same tables
    import shutil

    shutil.rmtree(tmp_path / "reports")
    assert pictures() == again


def test_a_rerun_that_renders_nothing_imports_no_matplotlib(tmp_path):
    """Matplotlib is imported to render (0.4 s of CPU): not when both figures are on disk."""
    import subprocess
    import sys

    write_tables(tmp_path)
    paths = NewsPaths(seeds_dir=str(tmp_path / "seeds"), data_dir=str(tmp_path))
    assert materialize([actor_network, stance_matrix], resources={"paths": paths}).success
    more_quotes = pd.concat([QUOTES, pd.DataFrame({"quote_id": ["q3"], "speaker_surface": ["Nobody"]})])
    write_table(tmp_path, "quotes", contract_frame("quotes", more_quotes, article_id="a", sentence_id=0, text="t",
                                                   kind="direct", char_start=0, char_end=1))
    code = (
        "import sys; from dagster import materialize; from pipeline.defs.resources import NewsPaths; "
        "from pipeline.defs.assets.reports import actor_network, stance_matrix; "
        f"paths = NewsPaths(seeds_dir={str(tmp_path / 'seeds')!r}, data_dir={str(tmp_path)!r}); "
        "result = materialize([actor_network, stance_matrix], resources={'paths': paths}); "
        "print(result.success, 'matplotlib' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.stdout.split()[-2:] == ["True", "False"], done.stderr[-2000:]


def test_report_assets_are_documented():
    for asset in (actor_network, stance_matrix):
        spec = next(iter(asset.specs))
        assert spec.group_name == "reports"
        assert spec.description and spec.owners and spec.kinds and spec.tags.get("layer") == "report"


def _label_boxes(labels: dict, fig) -> dict:
    renderer = fig.canvas.get_renderer()
    return {key: reports.box_of(annotation.get_window_extent(renderer)) for key, annotation in labels.items()}


def test_network_labels_do_not_overlap():
    """Long, alike names side by side (several ministries, actors that acted alone with their
    event types under the name) each get a label box of their own, clear of the other nodes."""
    import matplotlib.pyplot as plt

    ids = ["org:rus-fm", "org:arm-fm", "org:aze-fm", "org:geo-fm", "org:tur-fm", "country:ARM", "country:AZE"]
    entities = pd.DataFrame({
        "entity_id": ids,
        "name": ["Russian Foreign Ministry", "Armenian Foreign Ministry", "Azerbaijani Foreign Ministry",
                 "Georgian Foreign Ministry", "Turkish Foreign Ministry", "Armenia", "Azerbaijan"],
        "entity_type": ["ORGANIZATION"] * 5 + ["COUNTRY"] * 2,
    })
    events = pd.DataFrame({"event_id": ["e1", "e2", "e3", "e4", "e5", "e6"],
                           "event_type": ["ACCUSE", "REQUEST", "REJECT", "SUPPORT", "ASSAULT", "CONSULT"]})
    participants = pd.DataFrame(
        [("e1", "org:rus-fm", "source"), ("e1", "country:ARM", "target"), ("e2", "org:arm-fm", "source"),
         ("e3", "org:aze-fm", "source"), ("e4", "org:geo-fm", "source"), ("e5", "country:AZE", "source"),
         ("e5", "country:ARM", "target"), ("e6", "org:tur-fm", "participant")],
        columns=["event_id", "entity_id", "role"],
    )
    network = reports.build_actor_network(events, participants, entities)
    fig, labels = reports.draw_actor_network(network, n_events=len(events))
    try:
        boxes = _label_boxes(labels, fig)
        assert set(boxes) == set(ids)
        clashes = [
            (a, b) for i, a in enumerate(ids) for b in ids[i + 1:] if reports.overlap_area(boxes[a], boxes[b]) > 0
        ]
        assert clashes == []
        # and no label covers another actor's node
        positions = {a: fig.axes[0].transData.transform(network_layout_of(network)[a]) for a in ids}
        covered = [(a, b) for a in ids for b in ids if a != b
                   and boxes[a][0] < positions[b][0] < boxes[a][2] and boxes[a][1] < positions[b][1] < boxes[a][3]]
        assert covered == []
    finally:
        plt.close(fig)


def network_layout_of(network: reports.ActorNetwork) -> dict:
    return reports.network_layout(network.graph)


def test_place_labels_moves_colliding_labels_apart():
    """Three nodes almost on top of each other: labels all placed above their nodes would
    cover one another; each gets a free place instead, and the placement is deterministic."""
    import matplotlib.pyplot as plt

    items = [("a", (0.0, 0.0), "Russian Foreign Ministry", 10.0),
             ("b", (0.12, 0.02), "Armenian Foreign Ministry", 10.0),
             ("c", (-0.1, -0.04), "Azerbaijani Foreign Ministry\n(REQUEST)", 10.0)]
    placements = []
    for _ in range(2):
        fig, ax = plt.subplots(figsize=(6, 4), dpi=reports.DPI)
        ax.set_xlim(-1, 1)
        ax.set_ylim(-1, 1)
        try:
            boxes = _label_boxes(reports.place_labels(fig, ax, items), fig)
        finally:
            plt.close(fig)
        assert not any(reports.overlap_area(boxes[a], boxes[b]) for a, b in [("a", "b"), ("a", "c"), ("b", "c")])
        placements.append(boxes)
    assert placements[0] == placements[1]
