# The two set-up commands are `make demo` and `make test`; both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench messages compile-messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python requirements/test.txt requirements/base.txt setup.py
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements/test.txt -e .
	touch $(STAMP)

## demo: the XBlock workbench with sample data on SQLite, at http://127.0.0.1:$(PORT)/
demo: $(STAMP)
	$(BIN)/python manage.py migrate --run-syncdb -v0
	$(BIN)/python manage.py seed_demo --base-url http://127.0.0.1:$(PORT)
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## test: ruff, then the whole pytest suite (unit, block, browser); VERME_DATABASE_URL=mysql://… for MariaDB
test: $(STAMP)
	$(BIN)/ruff check .
	sh scripts/need_chromium.sh
	$(BIN)/python -m pytest $(PYTEST_ARGS)

BENCH_PACKAGES := var/bench/packages
BENCH_STAMP := $(BENCH_PACKAGES)/.installed

# xblock-poll for the comparison race, beside the venv (only the benchmark's server puts it on its path)
$(BENCH_STAMP): requirements/bench.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --upgrade --target $(BENCH_PACKAGES) -r requirements/bench.txt
	touch $(BENCH_STAMP)

## bench: floors and every view as a multiple of them, small and large, and the races (BENCH_ARGS: see python -m bench -h)
bench: $(STAMP) $(BENCH_STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .

## messages: extract marked strings into the catalogues (needs GNU gettext), then compile them
messages: $(STAMP)
	$(BIN)/python scripts/i18n.py extract
	$(BIN)/python scripts/i18n.py compile

compile-messages: $(STAMP)
	$(BIN)/python scripts/i18n.py compile

clean:
	rm -rf var build dist *.egg-info .pytest_cache
