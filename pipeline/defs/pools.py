"""The concurrency pool of the corpus-level assets.

Every asset built from all articles at once (tables, warehouse, pictures, exports) rewrites
the same files, so two runs of them must not overlap. The embedded default runs one run at a
time anyway; a deployment with a larger run queue (deploy/dagster.yaml) limits this pool to
one, so extraction runs go on side by side while corpus-level runs wait their turn.
"""

from __future__ import annotations

from pathlib import Path

from dagster import multiprocess_executor

CORPUS_POOL = "corpus"

# The steps that hold every contract table in memory at once: the warehouse build and the
# exports. Side by side, the two doubled the corpus-level peak, which then grew twice as fast
# as the corpus (the x4 peak 1.30x, and in another `make bench` 1.21x, the x1 peak, against
# 1.10-1.15x one step at a time).
# The daemon's and the UI's executor starts one of them at a time (Dagster's
# `tag_concurrency_limits`); `make run` does so once the tables are large
# (`whole_tables_limits`), and below that starts both at once. The pictures and the checks
# still run beside either.
#
# Those two steps are the longest chain after the tables' checks (one after the other, about
# 3 s of the 2,014 BBC articles' 5 s of steps on two cores; the pictures and the exports' check
# run beside them). So each starts as soon as it may, before a picture ready at the same
# moment (Dagster's `dagster/priority` op tag, higher first; otherwise the steps' order, in
# which the stance matrix came before the warehouse and took the free slot when the exports
# ended before the actor network): the exports first, so that, one at a time, their check runs
# beside the warehouse rather than after it.
MEMORY_TAG = "newsevents/memory"
WHOLE_TABLES = "whole-tables"
WHOLE_TABLES_OP_TAGS = {MEMORY_TAG: WHOLE_TABLES}
ONE_WHOLE_TABLES_STEP = [{"key": MEMORY_TAG, "value": WHOLE_TABLES, "limit": 1}]
RUN_EXECUTOR = multiprocess_executor.configured({"tag_concurrency_limits": ONE_WHOLE_TABLES_STEP})
"""The daemon's and the UI's runs: Dagster's multiprocess executor, with the warehouse and the
exports always one at a time (`make run` only above `SIDE_BY_SIDE_TABLES_BYTES`). Every code
location that holds a job gives it this one, so a job's runs are recorded alike whichever
location ran it."""
PRIORITY_TAG = "dagster/priority"
EXPORTS_OP_TAGS = {**WHOLE_TABLES_OP_TAGS, PRIORITY_TAG: "2"}
WAREHOUSE_OP_TAGS = {**WHOLE_TABLES_OP_TAGS, PRIORITY_TAG: "1"}

SIDE_BY_SIDE_TABLES_BYTES = 16 * 2**20
"""The contract's Parquet files (all tables together) up to which `make run` starts the
warehouse and the exports side by side (`whole_tables_limits`). Each step's memory grows with
the tables, and so does the calling process's, whose pages each forked step counts: in `make
bench` at x4 (8,260 articles, 32 MiB of Parquet), side by side, the warehouse's process
(778 MiB), the exports' (641 MiB) and the calling process (467 MiB) made the run's peak, 1,910
MiB, 1.21x that of the x1 run, which is its extraction's. The BBC corpus (2,065 articles, 8 MiB)
and twice it stay side by side: at 2,000 articles the two steps one after the other were a
one-article rerun's longest chain (0.3 s and 0.65 s) while the second core idled."""


def whole_tables_limits(data_dir: Path) -> list[dict[str, object]]:
    """`ONE_WHOLE_TABLES_STEP` once the tables under `data_dir` hold more than
    `SIDE_BY_SIDE_TABLES_BYTES`, else no limit. Asked when steps are started, so the tables
    are those the run's table step wrote by the time the warehouse or the exports may start."""
    from pipeline.contract_names import TABLE_NAMES
    from pipeline.storage import table_path

    size = 0
    for table in TABLE_NAMES:
        try:
            size += table_path(data_dir, table).stat().st_size
        except OSError:  # not written (yet): the steps that need it fail or wait, whatever the limit
            continue
    return ONE_WHOLE_TABLES_STEP if size > SIDE_BY_SIDE_TABLES_BYTES else []
