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
MEMORY_TAG = "newsevents/memory"
WHOLE_TABLES = "whole-tables"
WHOLE_TABLES_OP_TAGS = {MEMORY_TAG: WHOLE_TABLES}
ONE_WHOLE_TABLES_STEP = [{"key": MEMORY_TAG, "value": WHOLE_TABLES, "limit": 1}]
