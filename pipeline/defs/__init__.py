"""Dagster wiring: assets, checks, jobs, sensors, schedules, partitions and resources.

Everything Dagster-specific lives here, so `pipeline/nlp/` and the storage modules stay free of
Dagster; `pipeline/definitions.py` gathers these objects into the code location.
"""
