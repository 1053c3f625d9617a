# Two commands for a newcomer: `make serve` (preview the site) and `make test` (the whole suite).
# Everything installs itself into .venv from the pinned requirements files on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# MESSAGES=en: the record checks speak English (default: Dutch), in `make check`, `build` and `serve`.
RUN := NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true $(if $(MESSAGES),SITEGEN_MESSAGES=$(MESSAGES))

.PHONY: serve serve-en build build-deps check schemas translations new-network new-initiative new-activity new-school docs-fields benchmark audit lint test test-quick test-deps clean

# constraints.txt pins every package, dependencies of dependencies included.
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt

# The project's own package (hooks/sitegen) is installed editable, so it imports without PYTHONPATH.
$(BIN)/.installed: requirements.txt constraints.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -r requirements.txt
	$(PIP_INSTALL) --no-deps -e .
	touch $@

$(BIN)/.installed-test: requirements-test.txt constraints.txt $(BIN)/.installed
	$(PIP_INSTALL) -r requirements-test.txt
	touch $@

# The libraries WeasyPrint draws the focus-report PDF with (Debian packages; only what is missing).
build-deps: $(BIN)/.installed
	bash tools/install-system-packages.sh build

serve: $(BIN)/.installed  ## preview the Dutch site with live reload on http://127.0.0.1:8000/
	$(RUN) SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --dirty -f mkdocs.yml -a 127.0.0.1:8000

serve-en: $(BIN)/.installed  ## preview the English site on http://127.0.0.1:8001/en/
	$(RUN) SITE_URL=http://127.0.0.1:8001/en/ $(BIN)/mkdocs serve --dirty -f mkdocs.en.yml -a 127.0.0.1:8001

build: build-deps  ## the complete site, both languages, into site/ (PUBLIC=1: refuse while a setting is empty)
	$(RUN) $(BIN)/python -m sitegen build $(if $(SITE_URL),--site-url $(SITE_URL)) $(if $(PUBLIC),--public)

check: $(BIN)/.installed  ## validate every record, report all problems
	$(RUN) $(BIN)/python -m sitegen check

schemas: $(BIN)/.installed  ## regenerate schemas/*.schema.json from the models
	$(RUN) $(BIN)/python -m sitegen schemas

translations: $(BIN)/.installed  ## list record texts that have no English yet
	$(RUN) $(BIN)/python -m sitegen translations

new-network: $(BIN)/.installed  ## a new network record with every field to fill in: make new-network ID=...
	$(RUN) $(BIN)/python -m sitegen new network "$(ID)"

new-initiative: $(BIN)/.installed  ## a new initiative record to fill in: make new-initiative ID=...
	$(RUN) $(BIN)/python -m sitegen new initiative "$(ID)"

new-activity: $(BIN)/.installed  ## a new activity of a network to fill in: make new-activity ID=...
	$(RUN) $(BIN)/python -m sitegen new activity "$(ID)"

new-school: $(BIN)/.installed  ## a new school that records name, to fill in: make new-school ID=...
	$(RUN) $(BIN)/python -m sitegen new school "$(ID)"

docs-fields: $(BIN)/.installed  ## rewrite the field tables in CONTRIBUTING.md and CONTRIBUTING.en.md
	$(RUN) $(BIN)/python -m sitegen fields

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

benchmark: test-deps  ## build the real content and 5,000 synthetic initiatives; print the figures against the budgets
	$(RUN) $(BIN)/python benchmarks/run.py $(BENCHMARK_ARGS)

# Uses site/ as it is (builds it only when there is none): run `make build` after a change first.
audit: test-deps  ## Lighthouse's phone profile over every page type of site/, served compressed (AUDIT_ARGS="--runs 1")
	test -f site/index.html || $(MAKE) --no-print-directory build
	$(RUN) $(BIN)/python tools/audit.py $(AUDIT_ARGS)

test-deps: $(BIN)/.installed-test
	bash tools/install-system-packages.sh
	$(MAKE) --no-print-directory node_modules/.installed

lint: $(BIN)/.installed-test  ## ruff over the Python code (settings in pyproject.toml)
	$(BIN)/ruff check .

# The suite runs in parallel: one worker more than the machine has cores, since a browser test spends
# part of its time waiting for the page (TEST_WORKERS=1 runs it in one process). Each built site is
# built once per run and shared by the workers (tests/conftest.py); --dist worksteal evens out the end.
TEST_WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 )))
PYTEST := $(RUN) $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal

test: test-deps lint  ## install what the tests need, lint, then run the whole suite in parallel
	$(PYTEST) --durations=20 $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests" >&2; fi; exit $$status

test-quick: $(BIN)/.installed-test  ## the tests that need no browser and no built site (well under 90 s)
	$(PYTEST) -m "not browser and not site" $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests" >&2; fi; exit $$status

clean:
	rm -rf site .build .pytest_cache
