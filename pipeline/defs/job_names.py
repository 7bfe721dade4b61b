"""The jobs' names, apart from their definitions (`pipeline.defs.jobs`), which import every
asset: planning a rerun names the jobs it may launch without building the code location."""

EXTRACT_JOB = "extract_articles"
REFRESH_JOB = "refresh_warehouse"
CORPUS_JOB_WITH_EVALUATION = "refresh_and_evaluate"
RECONCILE_JOB = "reconcile_seeds"
