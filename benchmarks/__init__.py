"""Speed and memory of the whole pipeline against bare spaCy (`make bench`).

Kept outside the `pipeline` package: it measures the pipeline from the outside, through
subprocesses, and ships with none of it. Run from the project root (`make bench`,
`python -m pipeline.cli bench` or `python -m benchmarks.bench`).
"""
