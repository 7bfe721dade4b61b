"""The concurrency pool of the corpus-level assets.

Every asset built from all articles at once (tables, warehouse, pictures, exports) rewrites
the same files, so two runs of them must not overlap. The embedded default runs one run at a
time anyway; a deployment with a larger run queue (deploy/dagster.yaml) limits this pool to
one, so extraction runs go on side by side while corpus-level runs wait their turn.
"""

CORPUS_POOL = "corpus"
