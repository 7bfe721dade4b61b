"""The stance matrix: holders (rows) x issues (columns), the mean signed score per cell."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from pipeline.reports.drawing import DPI, POLARITY_SIGN, placeholder, png, pyplot, stance_cmap, wrap

MAX_HOLDERS = 25
MAX_TARGETS = 25


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
    by_value = dict(zip(counts.index, counts, strict=True))  # a Series lookup per value cost more than the sort
    return sorted(counts.index, key=lambda v: (-by_value[v], str(v)))[:limit]


def stance_matrix_png(
    stances: pd.DataFrame,
    entities: pd.DataFrame,
    quotes: pd.DataFrame | None = None,
    issues: pd.DataFrame | None = None,
) -> bytes:
    return render_stance_matrix(build_stance_matrix(stances, entities, quotes, issues=issues), n_stances=len(stances))


def stance_matrix_figure(matrix: StanceMatrix, n_stances: int) -> tuple:
    """Everything `render_stance_matrix` reads, as plain values: equal figures give the same
    picture (what lets a run keep the PNG on disk)."""
    if matrix.empty:
        return ()
    return (matrix.score.to_dict("split"), matrix.count.to_dict("split"), n_stances)


def render_stance_matrix(matrix: StanceMatrix, n_stances: int) -> bytes:
    if matrix.empty:
        return placeholder("Stance matrix", "No stances yet: the matrix appears once stances are extracted.")
    rows, cols = matrix.score.shape
    width = min(13.0, 4.5 + 1.1 * cols)
    height = min(14.0, 2.8 + 0.55 * rows)
    fig, ax = pyplot().subplots(figsize=(width, height), dpi=DPI)
    cmap = stance_cmap().with_extremes(bad="#ffffff")
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
    ax.set_xticks(range(cols), [wrap(t) for t in matrix.score.columns], rotation=35, ha="right", fontsize=8)
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
    return png(fig)

