"""Scoring the pipeline against the hand-annotated gold set in eval/gold/."""
