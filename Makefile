# Everything runs inside $(VENV), created on first use from the hash-pinned lock file.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Dagster's run history, event logs and schedules stay in one git-ignored folder.
export DAGSTER_HOME ?= $(CURDIR)/.dagster
export PYTHONHASHSEED := 0
# A run over thousands of article partitions writes its per-partition records ("planned",
# "materialised": one each per article, so the UI shows each article's status, failed ones
# included) a thousand at a time, not one SQLite transaction each; see README, "Reruns".
export DAGSTER_EVENT_BATCH_SIZE ?= 1000
# The unit tier: everything but the tests that start browsers, kill processes, run the
# whole pipeline or time things (markers in pyproject.toml).
FAST := not slow and not browser and not reliability and not bench

.PHONY: setup instance bytecode browser-deps run test test-fast lint ui eval bench bench-quick lock clean export search cluster-demo

setup: $(STAMP) instance bytecode

# The lock pins every package with its hashes; the project itself goes in editable, so
# `import pipeline` finds this checkout from any folder, with nothing on PYTHONPATH.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# The project's own modules compiled to bytecode, as pip compiles every installed package:
# the editable install is not compiled, and where PYTHONDONTWRITEBYTECODE is set (many
# container images) every process compiled each module it imports from source again. Only
# modules whose source changed are compiled again; see README, "Performance".
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q pipeline benchmarks

# DAGSTER_HOME with the project's instance settings (dagster.yaml, linked, so one copy).
instance:
	@mkdir -p "$(DAGSTER_HOME)"
	@test -e "$(DAGSTER_HOME)/dagster.yaml" || ln -s "$(CURDIR)/dagster.yaml" "$(DAGSTER_HOME)/dagster.yaml"

run: setup
	$(BIN)/python -m pipeline.cli run

test: setup browser-deps
	$(BIN)/python -m pytest

test-fast: setup
	$(BIN)/python -m pytest -m "$(FAST)"

lint: setup
	$(BIN)/ruff check .

# Debian's Chromium and ChromeDriver, which tests/test_browser.py drives to check the
# Dagster UI (no browser download: Selenium is given /usr/bin/chromedriver). Installed
# with apt when missing (as root, or via sudo); without them that test skips locally
# and fails under CI=true.
browser-deps:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	elif command -v sudo >/dev/null; then \
	  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	else echo "browser-deps: install chromium and chromium-driver to run tests/test_browser.py" >&2; fi

ui: setup
	$(BIN)/dagster dev -m pipeline.definitions -h 127.0.0.1 -p 3000

eval: setup
	$(BIN)/python -m pipeline.cli eval

# Evaluate and record the report as eval/last_report.json, the reference `make eval`
# shows every change against; commit it with the change that moved the scores.
.PHONY: eval-accept agreement
eval-accept: setup
	$(BIN)/python -m pipeline.cli eval --accept

# The pipeline scored on the silver sets (eval/silver/: more hand-annotated news, some
# layers each), beside the gold set's figures; see README, "Quality: the gold set".
.PHONY: eval-silver
eval-silver: setup
	$(BIN)/python -m pipeline.evaluation.silver

# Per-layer F1 of one annotation pass against another: make agreement A=eval/gold B=<folder>
agreement: setup
	@test -n "$(A)" -a -n "$(B)" || { echo "usage: make agreement A=<folder> B=<folder>" >&2; exit 2; }
	$(BIN)/python -m pipeline.evaluation.agreement $(A) $(B)

# data/exports/ (PLOVER JSON Lines and CSV, validated) from the tables of the last `make run`.
export: setup
	$(BIN)/python -m pipeline.cli export

# Ranked quotes, stances and sentences for a phrase: make search Q="Lachin corridor" [N=20]
# (the phrase travels in the environment, so quotes and apostrophes in it are safe).
search: export NEWSEVENTS_SEARCH_QUERY = $(Q)
search: setup
	@$(BIN)/python -m pipeline.cli search "$$NEWSEVENTS_SEARCH_QUERY" --limit $(or $(N),10)

# The multi-machine deployment on this machine: Postgres-backed instance (deploy/dagster.yaml),
# a Dask scheduler and two workers; runs the seeds and stops what it started (README,
# "Running on several machines").
cluster-demo: setup
	bash deploy/cluster_demo.sh

bench: setup
	$(BIN)/python -m pipeline.cli bench

# The same measurements on 300 articles at x1 and x2 (a few minutes): for checking a change.
bench-quick: setup
	$(BIN)/python -m benchmarks.bench --quick

# Re-resolve pyproject.toml (dependencies and the test and dev groups) into the
# hash-pinned lock; needs network access to PyPI.
lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --group test --group dev --generate-hashes --python-version 3.11 -o requirements.lock

clean:
	rm -rf data/parquet data/warehouse.duckdb data/state .dagster
