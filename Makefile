# Two commands a newcomer needs: `make serve` and `make test`.
# Both create .venv and install the pinned dependencies when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
HOST ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build preview check new retire cms-config test test-fast pr-check pr-site-tests browser pdf-deps bench bench-national clean cms

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

## serve: build the example site and serve it with live reload on http://127.0.0.1:8000
## --dirty: after an edit only the pages whose text changed are rebuilt (a full rebuild of a
## thousand postings takes ~10 s); `make serve SERVE_FLAGS=` rebuilds everything each time.
SERVE_FLAGS ?= --dirty --no-strict
serve: $(STAMP) $(NODE_STAMP)
	$(BIN)/mkdocs serve --dev-addr $(HOST) --livereload $(SERVE_FLAGS)

## build: write the site to site/ (strict: any warning fails)
build: $(STAMP) $(NODE_STAMP) pdf-deps
	$(BIN)/mkdocs build --strict

## preview: the site as it will look on one day, in preview/, to open from disk (preview/index.html):
## PREVIEW_DATE=YYYY-MM-DD, else the latest `published` among the postings changed against main
## (generator/preview.py), else today. Every page carries a banner; search works without a server.
PREVIEW_DIR ?= preview
export PREVIEW_DATE
preview: $(STAMP) pdf-deps
	@day=$$($(BIN)/python -m generator preview date) && \
	  echo "Forhåndsvisning af sitet, som det ser ud $$day: $(PREVIEW_DIR)/index.html" && \
	  JOBSITE_PREVIEW=true JOBSITE_TODAY=$$day $(BIN)/mkdocs build --strict -f mkdocs.preview.yml -d $(PREVIEW_DIR)

## cms: the editor on http://127.0.0.1:8000/admin/ without GitHub: Decap's local backend (decap-server in
## git mode) and the site (mkdocs serve), both on the editor's own clone CMS_REPO (.cms/ by default), so a save
## (a commit on a branch cms/jobs/<id>) and "Publicer" (a merge) never touch this checkout (scripts/cms-local.sh).
CMS_REPO ?= .cms
cms: $(STAMP) $(NODE_STAMP)
	@BIN="$(CURDIR)/$(BIN)" HOST="$(HOST)" CMS_REPO="$(CMS_REPO)" SERVE_FLAGS="$(SERVE_FLAGS)" bash scripts/cms-local.sh

## cms-config: write the editor's configuration (content/admin/config.yml) from the model, data/ and cms.yml
cms-config: $(STAMP)
	@$(BIN)/python -m generator cms

## check: validate every content file and report all problems; FILER="jobs/a.yml ..." checks only those postings
## against the data files (the other postings are not read; a named data file is checked with them all),
## STRENG=ja counts warnings as errors.
# What people type after make (a title with quotes, a file name) reaches the command as the
# environment's text, never as shell code: the recipes read "$$TITEL", not $(TITEL).
FILER ?=
STRENG ?=
TITEL ?=
ARBEJDSSTED ?=
FRA ?=
export FILER STRENG TITEL ARBEJDSSTED FRA
check: $(STAMP) pdf-deps
	@set -f; $(BIN)/python -m generator check $$FILER $$([ "$$STRENG" = ja ] && echo --strict)

## new: start a posting from the commented template (asks for title and workplace); TITEL="...",
## ARBEJDSSTED=<id> and FRA=<id of a posting to copy> answer in advance.
new: $(STAMP)
	@set --; \
	  [ -z "$$TITEL" ] || set -- "$$@" --title "$$TITEL"; \
	  [ -z "$$ARBEJDSSTED" ] || set -- "$$@" --workplace "$$ARBEJDSSTED"; \
	  [ -z "$$FRA" ] || set -- "$$@" --from "$$FRA"; \
	  $(BIN)/python -m generator new "$$@"

## retire: delete the posting files the retention rule has taken off the site (closed longer ago than
## data/organisations.yml's `retention` keeps them; .github/workflows/retire.yml proposes it every night)
retire: $(STAMP)
	@$(BIN)/python -m generator retire

## browser: make sure Debian's Chromium is installed for the browser tests
browser:
	@bash scripts/ensure-chromium.sh

## node_modules: the npm test tools pinned in package-lock.json (axe-core, vnu-jar); again when the lock changes.
## --ignore-scripts: vnu-jar's postinstall would download a Java runtime; the machine's Java is used instead.
$(NODE_STAMP): package.json package-lock.json
	@bash scripts/ensure-node.sh
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

## pdf-deps: make sure Debian's Pango and fonts are installed for the PDFs (WeasyPrint)
pdf-deps:
	@bash scripts/ensure-pdf-deps.sh

## test: run every test (installs .venv, the npm test tools, Chromium and the PDF libraries when missing)
test: $(STAMP) $(NODE_STAMP) browser pdf-deps
	$(BIN)/python -m pytest

## pr-check: exactly what a pull request that changes only content runs (.github/workflows/pull-request.yml,
## `python -m generator preview kind`): the content check, the preview, the strict build, and the tests that
## read the built site (pr-site-tests). A pull request that changes anything else runs `make test` instead.
PR_SITE_TESTS := tests/test_safety_scan.py::test_example_site_scans_clean \
  tests/test_safety_scan.py::test_the_scan_covers_every_kind_of_output tests/test_quality_site.py \
  tests/test_pa11y.py tests/test_quality_browser.py tests/test_example_site.py
pr-check: $(STAMP) $(NODE_STAMP) browser pdf-deps
	$(MAKE) --no-print-directory check
	$(MAKE) --no-print-directory preview
	$(MAKE) --no-print-directory build
	$(MAKE) --no-print-directory pr-site-tests

## pr-site-tests: the safety scan, links and the HTML validator, pa11y and axe over the site built from the content
pr-site-tests: $(STAMP) $(NODE_STAMP) browser pdf-deps
	$(BIN)/python -m pytest -q $(PR_SITE_TESTS)

## test-fast: the fast tier only (the model, the rules, the renderers fed in-memory content, the catalogues
## checked in process; under a minute). A test's tier follows from the fixtures it uses (tests/conftest.py):
## browser (browser, page, phone), site (a build, project, tmp_path, cli), else fast; in this run a fast
## test that starts a process fails and says how to move it.
test-fast: $(STAMP) pdf-deps
	JOBSITE_TIER=fast $(BIN)/python -m pytest -m fast -q

## bench: build speed and page weight for 100, 1000 and 5000 synthetic postings, and Lighthouse (minutes)
bench: $(STAMP) $(NODE_STAMP) browser pdf-deps
	$(BIN)/python benchmarks/bench.py $(BENCH_FLAGS)

## bench-national: the national scale (98 kommuner, 20 000 posting files over three years, 2 000 open) beside
## issue 24's budgets (~5 min; benchmarks/national.py). Quicker: BENCH_FLAGS="--files 2000 --open 200".
bench-national: $(STAMP) $(NODE_STAMP) pdf-deps
	$(BIN)/python benchmarks/bench.py --national $(BENCH_FLAGS)

clean:
	rm -rf site preview .pytest_cache
