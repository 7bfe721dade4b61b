"""What both pictures share: the colours, the figure size, the PNG writer and the
placeholder picture of an empty table, and line wrapping for tick labels."""

from __future__ import annotations

import functools
import io

from pipeline.nlp.lexicons import PLOVER_QUAD_BY_TYPE

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
POLARITY_SIGN = {"support": 1.0, "oppose": -1.0, "neutral": 0.0}


@functools.cache
def pyplot():
    """matplotlib.pyplot on the Agg backend, imported when a picture is rendered: working out
    what a picture shows needs none of matplotlib (0.4 s of CPU to import), and a rerun whose
    figures are those on disk renders nothing (`pipeline.defs.assets.reports`)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


@functools.cache
def stance_cmap():
    from matplotlib.colors import LinearSegmentedColormap

    return LinearSegmentedColormap.from_list("stance", [OPPOSE_RED, NEUTRAL_GREY, SUPPORT_GREEN])


def __getattr__(name: str):
    """`plt` and `STANCE_CMAP`, the names these had when imported with the module."""
    if name == "plt":
        return pyplot()
    if name == "STANCE_CMAP":
        return stance_cmap()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def quad_of(event_type: str) -> str:
    return PLOVER_QUAD_BY_TYPE.get(event_type, "verbal_coop")


def placeholder(title: str, message: str) -> bytes:
    fig, ax = pyplot().subplots(figsize=(7, 3), dpi=DPI)
    ax.text(0.5, 0.55, message, ha="center", va="center", fontsize=11, color="#555555", wrap=True)
    ax.set_title(title, fontsize=12)
    ax.set_axis_off()
    return png(fig)


def png(fig) -> bytes:
    buffer = io.BytesIO()
    try:
        fig.savefig(buffer, format="png", bbox_inches="tight", metadata={"Software": None})
    finally:
        pyplot().close(fig)
    return buffer.getvalue()


def wrap(text: str, width: int = 22) -> str:
    words, lines, line = str(text).split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines)
