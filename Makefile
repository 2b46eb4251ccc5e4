# newsledger: set-up, demo and tests. Everything installs into .venv from the package index.
VENV ?= .venv
PY := $(VENV)/bin/python
NL := $(VENV)/bin/newsledger
PYTHON ?= python3

.PHONY: demo test install clean

## make demo: install, analyse examples/ into demo.db and demo.jsonl, print the ledger
demo: $(VENV)/.installed
	$(NL) analyze examples/ --published 2024-05-03 --db demo.db --jsonl demo.jsonl
	$(NL) show --db demo.db examples/river-ceasefire.txt

## make test: install (with test extras) and run the whole test suite
test: $(VENV)/.installed
	$(PY) -m pytest

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm demo.jsonl
