# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
PIP ?= $(PYTHON) -m pip

.PHONY: install languagetool demo test lint bench

install:
	$(PIP) install --quiet --disable-pip-version-check -e '.[dev]'

# LanguageTool from Maven Central (mtfix/grammar/lt-pom.xml) into the user cache; a no-op once installed.
languagetool: install
	$(PYTHON) -m mtfix languagetool install

demo: install
	$(PYTHON) -m mtfix demo

test: languagetool
	$(PYTHON) -m ruff check mtfix tests bench examples
	$(PYTHON) -m pytest -q

bench: install
	$(PYTHON) bench/bench_rules.py
