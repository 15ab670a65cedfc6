# Quick start: `make` sets everything up and builds the site; `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
BUILD := _build
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SERVE_PORT ?= 8000
# A Moodle 4.3 source tarball for the LMS tests (tests/lms); without one, `make test` skips them.
MOODLE_TARBALL ?= ../shared/lms/moodle-4.3.tar.gz
export MOODLE_TARBALL

.PHONY: all html scorm exports trainer test test-lms lint-js fuzz bench serve clean

all: html scorm exports trainer

$(BIN)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

html: $(BIN)/.installed
	$(BIN)/python -m cpch.build book $(BUILD)/html

# SCORM 1.2 and 2004 packages of every module in quizzes/modules.yml, from the built site.
scorm: html
	$(BIN)/cpch scorm --site $(BUILD)/html --out $(BUILD)/scorm

# Every question bank for the LMS's own quiz engine: Moodle XML, GIFT, QTI 2.1.
exports: $(BIN)/.installed
	$(BIN)/cpch export --out $(BUILD)/exports

# Catalogue and answer keys for trainers (HTML, and a PDF printed by headless Chromium).
trainer: html /usr/bin/chromium
	$(BIN)/cpch trainer --site $(BUILD)/html --out $(BUILD)/trainer

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

/usr/bin/chromium:
	$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium

test: $(BIN)/.installed node_modules/.installed /usr/bin/chromium lint-js
	node --test tests/js/
	@if [ -f "$(MOODLE_TARBALL)" ]; then $(BIN)/python -m pytest; else \
	  echo "Skipping the Moodle tests (tests/lms): no Moodle tarball at $(MOODLE_TARBALL); set MOODLE_TARBALL=/path/to/moodle-4.3.tar.gz to run them."; \
	  $(BIN)/python -m pytest -m "not lms"; fi

# The Moodle tier alone: a real Moodle 4.3 from $(MOODLE_TARBALL), stood up on 127.0.0.1 for the session.
test-lms: $(BIN)/.installed /usr/bin/chromium
	$(BIN)/python -m pytest -m lms tests/lms

# TypeScript's checker over the browser runtimes' JSDoc types (tsconfig.json lists the files).
lint-js: node_modules/.installed
	node_modules/.bin/tsc -p tsconfig.json

# A longer run of the property-based tests of every reader and export (make test runs 60 examples each, seeded).
FUZZ_EXAMPLES ?= 2000
fuzz: $(BIN)/.installed node_modules/.installed
	CPCH_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/test_fuzz.py --hypothesis-show-statistics

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	touch $@

# Benchmarks, not part of `make test` (about 6 minutes on 2 cores): _build/bench/report.md and report.json.
bench: all bench/node_modules/.installed /usr/bin/chromium
	$(BIN)/python -m cpch.bench --out $(BUILD)/bench

serve: html
	$(BIN)/python -m cpch.serve $(BUILD)/html --port $(SERVE_PORT)

clean:
	rm -rf $(BUILD)
