# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
PIP ?= $(PYTHON) -m pip

.PHONY: install install-mtfix languagetool browser demo test lint bench

# mtfix with the tools its tests need (pytest, ruff, Selenium, PySpark, ...: the [dev] extras).
install:
	$(PIP) install --quiet --disable-pip-version-check -e '.[dev]'

# mtfix alone: all the demo needs.
install-mtfix:
	$(PIP) install --quiet --disable-pip-version-check -e .

# LanguageTool from Maven Central (mtfix/grammar/lt-pom.xml) into the user cache; a no-op once installed.
languagetool: install
	$(PYTHON) -m mtfix languagetool install

# Chromium and chromedriver for the review report's browser tests (Debian packages; as root,
# installed with apt-get when missing). The tests fail instead of skipping when run by `make test`.
# Found as the tests find them (mtfix/review/browser.py): MTFIX_CHROMIUM, chromium or chromium-browser;
# MTFIX_CHROMEDRIVER or chromedriver.
browser:
	@if { [ -n "$$MTFIX_CHROMIUM" ] || command -v chromium >/dev/null || command -v chromium-browser >/dev/null; } \
	  && { [ -n "$$MTFIX_CHROMEDRIVER" ] || command -v chromedriver >/dev/null; }; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
	else echo "make browser: install Chromium and chromedriver (Debian: apt-get install chromium chromium-driver), or name them in MTFIX_CHROMIUM and MTFIX_CHROMEDRIVER" >&2; exit 1; fi

demo: install-mtfix
	$(PYTHON) -m mtfix demo

test: export MTFIX_REQUIRE_BROWSER = 1
test: languagetool browser
	$(PYTHON) -m ruff check mtfix tests bench examples
	$(PYTHON) -m pytest -q

# ruff alone, as `make test` runs it first.
lint:
	$(PYTHON) -m ruff check mtfix tests bench examples

bench: install
	$(PYTHON) bench/bench_rules.py
