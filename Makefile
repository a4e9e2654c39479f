# E-helse Nordland portal. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
# The same uv as pinned in uv.lock's dev group; it bootstraps the virtual environment.
UV_VERSION := 0.13.8
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: help run setup install assets db demo admin serve run-prod check-env bench-load bench test test-fast lint format browser-deps ci clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-13s %s\n", $$1, $$2}'

run: setup serve ## Install, build, migrate, load demo content and serve at http://127.0.0.1:8000

setup: install assets messages ## Everything `run` does before it serves: migrate, demo content, demo admin
	@mkdir -p var
	$(PY) manage.py setup_demo

install: $(VENV)/.installed ## Create .venv and install the locked Python packages

$(VENV)/.installed: pyproject.toml uv.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.x).")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@test -x $(UV) || $(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(UV) sync --frozen --quiet
	@touch $@

assets: var/assets/.built ## Install Designsystemet from npm and build the front-end assets

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The bundle is rebuilt when any stylesheet it is made of changes.
var/assets/.built: node_modules/.installed scripts/build_assets.mjs $(shell find static/css portal home htm network search -path '*static/*' -name '*.css' 2>/dev/null)
	npm run --silent build
	@touch $@

db: install ## Apply database migrations
	@mkdir -p var
	$(PY) manage.py migrate --no-input -v 0

demo: db ## Load the demo content (idempotent)
	$(PY) manage.py load_demo_content

admin: db ## Create a demo administrator if there is none, and print how to log in
	$(PY) manage.py create_demo_admin

serve: ## Serve the portal (PORT= and HOST= override)
	@echo "E-helse Nordland: http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver --skip-checks $(HOST):$(PORT)

run-prod: install assets messages ## Serve production settings with gunicorn and the task worker (needs SECRET_KEY, DATABASE_URL, REDIS_URL, ALLOWED_HOSTS; DEPLOYMENT.md)
	$(if $(filter-out file,$(origin HOST)),HOST=$(HOST)) $(if $(filter-out file,$(origin PORT)),PORT=$(PORT)) scripts/run_prod.sh

check-env: install ## Check the environment production needs, and say what is missing
	$(PY) scripts/check_environment.py --connect

# Against a running `make run-prod` (BENCH_URL=), with the demo content loaded.
bench-load: install ## Load test: 50 clients for 60 s over public and member pages (not part of `make test`)
	$(PY) bench/load.py --url $(or $(BENCH_URL),http://$(HOST):$(PORT)) --clients $(or $(BENCH_CLIENTS),50) --seconds $(or $(BENCH_SECONDS),60)

# Gunicorn on production settings against a plain Django view, on SQLite and (DATABASE_URL=) on
# PostgreSQL; wrk comes from Debian's packages when it is missing. BENCH_QUICK=1 for a smoke run.
bench: install assets ## Benchmark every page type against a plain Django view; writes bench/results/latest.md
	@if ! command -v wrk >/dev/null; then \
		echo "Installing wrk from Debian's packages…"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk >/dev/null; \
	fi
	$(PY) bench/run.py

# Two workers (the machines have two cores); each has its own test database.
PYTEST_WORKERS ?= 2

test: install assets messages browser-deps ## Run the whole test suite (SQLite; DATABASE_URL=postgres://… for PostgreSQL)
	$(PY) -m pytest -n $(PYTEST_WORKERS)

test-fast: install assets messages ## Run the tests without the browser tests
	$(PY) -m pytest -n $(PYTEST_WORKERS) -m "not browser"

# The portal's own Norwegian catalogues (locale/nb): the .mo files are built, never committed.
# compilemessages needs gettext's msgfmt; it comes from Debian's package when it is missing.
MESSAGES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))

messages: install $(MESSAGES) ## Compile the Norwegian translations in locale/ (.po to .mo)

$(MESSAGES): %.mo: %.po
	@if ! command -v msgfmt >/dev/null; then \
		echo "Installing gettext from Debian's packages…"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq gettext >/dev/null; \
	fi
	$(PY) manage.py compilemessages --locale nb --ignore .venv --ignore node_modules --ignore var -v 0

browser-deps: ## Install Debian's Chromium for the browser tests when it is missing
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "Installing Chromium from Debian's packages…"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

lint: install ## ruff check, ruff format --check, the import contracts and the template linter
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/djlint --lint portal home htm network search

format: install ## Format Python code and templates
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djlint --reformat portal home htm network search || true

ci: ## Run what CI runs (.ci/run)
	bash .ci/run

clean: ## Remove the virtual environment, node_modules and var/ (database, media, built assets)
	rm -rf $(VENV) node_modules var
