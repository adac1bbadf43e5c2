# The two commands of the README: `make run` (the product) and `make test` (every check).
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: setup run test lint typecheck compose-check test-sqlite test-postgresql compose

setup: $(VENV)/.installed gateway/node_modules/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

gateway/node_modules/.installed: gateway/package.json gateway/package-lock.json
	cd gateway && npm ci --no-audit --no-fund --loglevel=error
	touch $@

run: setup
	$(BIN)/shenguan serve

test: setup lint typecheck compose-check test-sqlite test-postgresql

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy api

compose-check: setup
	$(BIN)/shenguan compose --check

compose: setup
	$(BIN)/shenguan compose

test-sqlite: setup
	SHENGUAN_TEST_DB=sqlite $(BIN)/pytest

test-postgresql: setup
	scripts/ensure-postgres.sh
	SHENGUAN_TEST_DB=postgresql $(BIN)/pytest
