# Two commands a newcomer needs: `make serve` and `make test`.
# Both create .venv and install the pinned dependencies when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test browser clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

## serve: build the example site and serve it with live reload on http://127.0.0.1:8000
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr $(HOST) --livereload

## build: write the site to site/ (strict: any warning fails)
build: $(STAMP)
	$(BIN)/mkdocs build --strict

## check: validate every content file and report all problems
check: $(STAMP)
	$(BIN)/python -m generator check

## browser: make sure Debian's Chromium is installed for the browser tests
browser:
	@bash scripts/ensure-chromium.sh

## test: run every test (installs .venv and Chromium when missing)
test: $(STAMP) browser
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache
