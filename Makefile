# Quick start: `make` sets everything up and builds the site; `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
BUILD := _build
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SERVE_PORT ?= 8000
PIP_INSTALL := $(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt
# pytest-xdist workers for `make test` (one per core; `make test WORKERS=0` runs in one process).
WORKERS ?= auto
# A Moodle 4.3 source tarball for the LMS tests (tests/lms); without one, `make test` skips them.
MOODLE_TARBALL ?= ../shared/lms/moodle-4.3.tar.gz
export MOODLE_TARBALL
# Tests start Python dozens of times: let it keep the engine's compiled modules (__pycache__, ignored
# by git) even where the environment says not to; compiling them again costs each process about 2 s.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: all html i18n-update i18n-stats i18n-stats-banks scorm scorm-translated exports exports-translated cartridge cartridge-translated trainer trainer-translated test test-lms test-fast test-content lint lint-js format fuzz bench serve clean

all: html scorm scorm-translated exports exports-translated cartridge cartridge-translated trainer trainer-translated

$(BIN)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -e '.[test,i18n]'
	touch $@

# Every language of conf.py's cpch_languages into _build/html/<language>/, and a page at
# _build/html/index.html to choose one. `make html LANGUAGES=en,fr` builds those instead.
html: $(BIN)/.installed
	$(BIN)/python -m cpch.build book $(BUILD)/html $(if $(LANGUAGES),--languages $(LANGUAGES))

# The English site, which the SCORM packages, the trainer pages and the tests use.
SITE := $(BUILD)/html/en

# Translation catalogues (book/locales/<language>/LC_MESSAGES/*.po): bring them in line with the
# sources (changed English becomes fuzzy), and show how much of each language is translated.
# `make i18n-update LANGUAGE=es` starts a new language.
i18n-update: $(BIN)/.installed
	$(BIN)/python -m cpch.page_catalogues update $(if $(LANGUAGE),--language $(LANGUAGE))
	for lang in $(or $(LANGUAGE),$(TRANSLATED)); do $(BIN)/python -m cpch.trainer.note_catalogues update --language $$lang || exit 1; done

i18n-stats: $(BIN)/.installed i18n-stats-banks
	$(BIN)/python -m cpch.page_catalogues stats $(if $(LANGUAGE),--language $(LANGUAGE))
	@for lang in $(or $(LANGUAGE),$(TRANSLATED)); do $(BIN)/python -m cpch.trainer.note_catalogues stats --language $$lang; done

# SCORM 1.2 and 2004 packages of every module in quizzes/modules.yml, from the built site.
scorm: html
	$(BIN)/cpch scorm --site $(SITE) --out $(BUILD)/scorm

# Every question bank for the LMS's own quiz engine: Moodle XML, GIFT, QTI 2.1.
exports: $(BIN)/.installed
	$(BIN)/cpch export --out $(BUILD)/exports

# The whole course in one file per scored module: IMS Common Cartridge 1.1 (pages and QTI 1.2 quizzes).
cartridge: html
	$(BIN)/cpch cartridge --site $(SITE) --out $(BUILD)/cartridge

# The trainer pack, _build/trainer-pack/ and _build/trainer-pack.zip: catalogue, answer keys, notes, a
# PDF printed by headless Chromium, and the SCORM packages and question banks built above. Its links
# to the handbook go to SITE_URL, where the site is published (empty: cpch trainer's default).
SITE_URL ?=
trainer: html scorm exports /usr/bin/chromium
	$(BIN)/cpch trainer --site $(SITE) --scorm $(BUILD)/scorm --exports $(BUILD)/exports --out $(BUILD)/trainer-pack $(if $(SITE_URL),--site-url "$(SITE_URL)")

# --- Outputs in other languages ----------------------------------------------------------------
# Banks, the diagnostic and module titles are translated in quizzes/locales/<lang>/LC_MESSAGES/*.po
# (`cpch i18n extract|check|stats`, quizzes/README.md). These targets assume the bilingual site's
# layout: _build/html/en/ and _build/html/<lang>/. Each fails, naming the entry, on a missing or fuzzy
# translation.
TRANSLATED ?= fr

# Coverage of the banks' catalogues, per language (the pages' own coverage is the site's business).
i18n-stats-banks: $(BIN)/.installed
	@for lang in $(TRANSLATED); do $(BIN)/cpch i18n stats --language $$lang; done

# <module>-<lang>-scorm12.zip and -scorm2004.zip, from the site in that language.
scorm-translated: html
	for lang in $(TRANSLATED); do $(BIN)/cpch scorm --site $(BUILD)/html/$$lang --language $$lang --out $(BUILD)/scorm || exit 1; done

# <quiz-id>-<lang>.moodle.xml, .gift.txt, .qti21.zip, and <quiz-id>-en-<lang>.moodle.xml (both languages
# in each question, for Moodle's multi-language content filter), beside the English exports.
exports-translated: exports
	for lang in $(TRANSLATED); do $(BIN)/cpch export --language $$lang --multilang --out $(BUILD)/exports || exit 1; done

# <module>-<lang>.imscc beside the English cartridges: chapters from the site in that language, quizzes
# from the translated banks.
cartridge-translated: html
	for lang in $(TRANSLATED); do $(BIN)/cpch cartridge --site $(BUILD)/html/$$lang --language $$lang --out $(BUILD)/cartridge || exit 1; done

# _build/trainer-pack-<lang>/ and its zip: the trainer pack in that language, with the packages and
# banks built in it, and the trainer notes translated in trainer-notes/locales/. Its handbook links go to
# SITE_ROOT_URL<lang>/ when SITE_ROOT_URL (the address of the folder holding en/ and fr/, ending in /) is set.
SITE_ROOT_URL ?=
trainer-translated: html scorm-translated exports-translated /usr/bin/chromium
	for lang in $(TRANSLATED); do $(BIN)/cpch trainer --language $$lang --site $(BUILD)/html/$$lang --scorm $(BUILD)/scorm --exports $(BUILD)/exports --out $(BUILD)/trainer-pack-$$lang $(if $(SITE_ROOT_URL),--site-url "$(SITE_ROOT_URL)$$lang/") || exit 1; done

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

/usr/bin/chromium:
	$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium

# The tests' browser: Chromium's old headless mode, the same engine for a third of the CPU (cpch/browser.py).
/usr/bin/chromium-headless-shell:
	$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium-headless-shell

# --- Checks and tests -------------------------------------------------------------------------
# Tiers (markers set in tests/conftest.py): `browser` tests drive Chromium, `book` tests need the
# whole handbook built, `content` tests check book/ and quizzes/ rather than the engine.

# Lint (ruff), formatting (ruff format), types (mypy, settings in pyproject.toml) and the browser
# runtimes' JSDoc types (lint-js).
lint: $(BIN)/.installed lint-js
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# TypeScript's checker over the browser runtimes' JSDoc types (tsconfig.json lists the files).
lint-js: node_modules/.installed
	node_modules/.bin/tsc -p tsconfig.json

# Sort imports and format the code, as `make lint` wants it.
format: $(BIN)/.installed
	$(BIN)/ruff check --select I --fix .
	$(BIN)/ruff format .

# No browser and no build of the whole book: under a minute.
test-fast: $(BIN)/.installed node_modules/.installed
	node --test tests/js/
	$(BIN)/python -m pytest -m "not browser and not book and not lms" -n $(WORKERS)

# Every test: the checks, then pytest in parallel against the site `make html` built (once, so the
# workers need not build it each), then the Moodle tier when a Moodle tarball is there.
test: lint node_modules/.installed /usr/bin/chromium /usr/bin/chromium-headless-shell html
	node --test tests/js/
	CPCH_TEST_SITE=$(SITE) $(BIN)/python -m pytest -m "not lms" -n $(WORKERS) --dist loadfile --durations=20
	@if [ -f "$(MOODLE_TARBALL)" ]; then $(MAKE) --no-print-directory test-lms; else \
	  echo "Skipping the Moodle tests (tests/lms): no Moodle tarball at $(MOODLE_TARBALL); set MOODLE_TARBALL=/path/to/moodle-4.3.tar.gz to run them."; fi

# The Moodle tier alone: a real Moodle 4.3 from $(MOODLE_TARBALL), stood up on 127.0.0.1 for the session.
test-lms: $(BIN)/.installed node_modules/.installed /usr/bin/chromium /usr/bin/chromium-headless-shell html
	CPCH_TEST_SITE=$(SITE) $(BIN)/python -m pytest -m lms tests/lms --durations=10

# A longer run of the property-based tests of every reader and export (make test runs 60 examples each, seeded).
FUZZ_EXAMPLES ?= 2000
fuzz: $(BIN)/.installed node_modules/.installed
	CPCH_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/test_fuzz.py --hypothesis-show-statistics

# The handbook's content only (for writers): text, banks and every page in Chromium.
test-content: $(BIN)/.installed node_modules/.installed /usr/bin/chromium /usr/bin/chromium-headless-shell html
	CPCH_TEST_SITE=$(SITE) $(BIN)/python -m pytest -m "content and not lms"

# --- Benchmarks -------------------------------------------------------------------------------

# Stock Jupyter Book, the benchmark's baseline: only `make bench` installs it (the `bench` extra).
$(BIN)/.installed-bench: $(BIN)/.installed
	$(PIP_INSTALL) -e '.[test,bench]'
	touch $@

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	touch $@

# Benchmarks, not part of `make test` (about 6 minutes on 2 cores): _build/bench/report.md and report.json.
# The benchmark lives in bench/ (not installed with the engine) and runs from the repository root.
bench: all $(BIN)/.installed-bench bench/node_modules/.installed /usr/bin/chromium
	$(BIN)/python -m bench --out $(BUILD)/bench

serve: html
	$(BIN)/python -m cpch.serve $(BUILD)/html --port $(SERVE_PORT)

clean:
	rm -rf $(BUILD)
