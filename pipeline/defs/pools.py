"""The concurrency pool of the corpus-level assets.

Every asset built from all articles at once (tables, warehouse, pictures, exports) rewrites
the same files, so two runs of them must not overlap. The embedded default runs one run at a
time anyway; a deployment with a larger run queue (deploy/dagster.yaml) limits this pool to
one, so extraction runs go on side by side while corpus-level runs wait their turn.
"""

CORPUS_POOL = "corpus"

# The steps that hold every contract table in memory at once: the warehouse build and the
# exports. Side by side, the two doubled the corpus-level peak, which then grew twice as fast
# as the corpus (x4 peak 1.30x the x1 peak in `make bench`, against 1.10x one step at a time).
# Every executor of this code location starts one of them at a time (Dagster's
# `tag_concurrency_limits`); the pictures and the checks still run beside either.
#
# Those two steps, one after the other, are the longest chain after the tables' checks (about
# 3 s of the 2,014 BBC articles' 5 s of steps on two cores; the pictures and the exports' check
# run beside them). So each starts as soon as it may, before a picture ready at the same
# moment (Dagster's `dagster/priority` op tag, higher first; otherwise the steps' order, in
# which the stance matrix came before the warehouse and took the free slot when the exports
# ended before the actor network): the exports first, so that their check runs beside the
# warehouse rather than after it.
MEMORY_TAG = "newsevents/memory"
WHOLE_TABLES = "whole-tables"
WHOLE_TABLES_OP_TAGS = {MEMORY_TAG: WHOLE_TABLES}
ONE_WHOLE_TABLES_STEP = [{"key": MEMORY_TAG, "value": WHOLE_TABLES, "limit": 1}]
PRIORITY_TAG = "dagster/priority"
EXPORTS_OP_TAGS = {**WHOLE_TABLES_OP_TAGS, PRIORITY_TAG: "2"}
WAREHOUSE_OP_TAGS = {**WHOLE_TABLES_OP_TAGS, PRIORITY_TAG: "1"}
