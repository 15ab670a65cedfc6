# Quick start: `make` sets everything up and builds the site; `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
BUILD := _build
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SERVE_PORT ?= 8000

.PHONY: all html test serve clean

all: html

$(BIN)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

html: $(BIN)/.installed
	$(BIN)/python -m cpch.build book $(BUILD)/html

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

/usr/bin/chromium:
	$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium

test: $(BIN)/.installed node_modules/.installed /usr/bin/chromium
	node --test tests/js/
	$(BIN)/python -m pytest

serve: html
	$(BIN)/python -m cpch.serve $(BUILD)/html --port $(SERVE_PORT)

clean:
	rm -rf $(BUILD)
