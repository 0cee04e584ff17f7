# Station Ledger: every command creates .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_DB := demo/station.db
DEMO_SUP := demo/supervisor.db

.PHONY: run test lint bench dist i18n clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,build]'
	touch $(STAMP)

## run: set up and launch the app on a demo station ledger (demo/station.db)
run: $(STAMP)
	@test -f $(DEMO_DB) || { rm -rf demo/supervisor.*; \
		$(BIN)/station-ledger --db $(DEMO_DB) demo --supervisor-db $(DEMO_SUP); }
	$(BIN)/station-app --db $(DEMO_DB) $(ARGS)

## test: set up and run the whole test suite
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

## lint: ruff and mypy
lint: $(STAMP)
	$(BIN)/ruff check station_app tests benchmarks
	$(BIN)/mypy station_app

## bench: the benchmark harness (writes benchmarks/results/latest.md)
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run_all $(ARGS)

## dist: one-folder build (PyInstaller, build.spec) + .deb in dist/; prints sizes and start time
dist: $(STAMP)
	$(BIN)/python tools/build_dist.py $(ARGS)

## i18n: refresh translation sources and compile them
i18n: $(STAMP)
	$(BIN)/python tools/i18n.py

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
