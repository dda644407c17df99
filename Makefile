# The two commands a fresh clone needs: `make build` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/ccpkit build --notes source_notes --out build

test: $(STAMP)
	$(BIN)/ruff check ccpkit tests benchmarks
	$(BIN)/ruff format --check ccpkit tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) build/*
