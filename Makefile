# The two commands of the README: `make run` (the product) and `make test` (every check).
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON ?= python3
# pytest runs on two pytest-xdist workers (each with its own databases), scheduled by the groups
# of tests/conftest.py (a module, the demo stack, the fault cluster stay on one worker);
# `PYTEST_WORKERS=0` runs it in one process.
PYTEST_WORKERS ?= 2
PYTEST_ARGS := $(if $(filter-out 0,$(PYTEST_WORKERS)),-n $(PYTEST_WORKERS),)

.PHONY: setup run test lint typecheck compose-check test-sqlite test-postgresql compose \
	web-setup web-build web-check web-test web-e2e

setup: $(VENV)/.installed gateway/node_modules/.installed web/node_modules/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

gateway/node_modules/.installed: gateway/package.json gateway/package-lock.json
	cd gateway && npm ci --no-audit --no-fund --loglevel=error
	touch $@

web/node_modules/.installed: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $@

run: setup web-build
	SHENGUAN_WEB_DIST=$(CURDIR)/web/dist $(BIN)/shenguan serve

test: setup lint typecheck compose-check test-sqlite test-postgresql web-test

# The single-page app (web/): set up, build, and every check of it.
web-setup: web/node_modules/.installed

web-build: web-setup
	cd web && npm run build

web-check: web-setup
	cd web && npm run typecheck
	cd web && npm run lint
	cd web && npm run codegen:check
	cd web && npm test

web-e2e: setup web-build
	scripts/ensure-chromium.sh
	cd web && npm run e2e

# The browser tests run here rather than through `$(MAKE) web-e2e`: a second make would build
# the app a second time (web-build is phony).
web-test: web-check web-build
	cd web && npm run size
	scripts/ensure-chromium.sh
	cd web && npm run e2e

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy api

compose-check: setup
	$(BIN)/shenguan compose --check

compose: setup
	$(BIN)/shenguan compose
	cd web && npm run codegen

test-sqlite: setup
	SHENGUAN_TEST_DB=sqlite $(BIN)/pytest $(PYTEST_ARGS)

test-postgresql: setup
	scripts/ensure-postgres.sh
	SHENGUAN_TEST_DB=postgresql $(BIN)/pytest $(PYTEST_ARGS)
