# Everything runs inside .venv, created on first use from the hash-pinned lock file.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DAGSTER_HOME ?= $(CURDIR)
export PYTHONHASHSEED := 0
# The package runs from the source tree; nothing is built or installed from it.
export PYTHONPATH := $(CURDIR)
# A run over thousands of article partitions records one "planned" event, not one per partition
# (with SQLite run storage each event costs tens of milliseconds); see README, "Reruns".
export DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS ?= true

.PHONY: setup browser-deps run test ui eval bench lock clean

setup: $(STAMP)

$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -c 'import site, pathlib; pathlib.Path(site.getsitepackages()[0], "newsevents.pth").write_text("$(CURDIR)\n")'
	touch $(STAMP)

run: setup
	$(BIN)/python -m pipeline.cli run

test: setup browser-deps
	$(BIN)/python -m pytest

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

# Per-layer F1 of one annotation pass against another: make agreement A=eval/gold B=<folder>
agreement: setup
	@test -n "$(A)" -a -n "$(B)" || { echo "usage: make agreement A=<folder> B=<folder>" >&2; exit 2; }
	$(BIN)/python -m pipeline.evaluation.agreement $(A) $(B)

bench: setup
	$(BIN)/python -m pipeline.cli bench

# Re-resolve requirements.in into the hash-pinned lock (needs network access to PyPI).
lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile requirements.in --generate-hashes --python-version 3.11 -o requirements.lock

clean:
	rm -rf data/parquet data/warehouse.duckdb data/state storage logs history schedules
