"""LanguageTool as the tests find it (one place, session 37): the installed home or a skip, and an environment
with none installed.

``installed_lt_home()`` is the verified installation mtfix's settings point at (``$MTFIX_LT_HOME`` or
``<cache-dir>/languagetool/6.7``); a test that needs the real jars calls it and is skipped, with how to
install them, when there are none.  ``no_lt_env(tmp_path)`` is the environment of a run on a machine without
LanguageTool: an empty home and a private cache.  The ``lt_home`` fixture of ``tests/grammar/conftest.py`` is
another question (it installs LanguageTool when Maven is there) and keeps its name there.  ``lt_check(text)`` checks
one text with the real server required (session 50: two tests of session 49 wrote that body each).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from mtfix.pipeline_results import CheckResult

NOT_INSTALLED = "LanguageTool is not installed: run `make languagetool`"


def installed_lt_home() -> Path:
    """The folder of the installed LanguageTool jars mtfix would run; skips the calling test when there is none."""
    from mtfix.grammar.install import find_installation
    from mtfix.grammar.settings import settings_from

    found = find_installation(settings_from(None))
    if found is None:
        pytest.skip(NOT_INSTALLED)
    return found.home


def no_lt_env(tmp_path: Path) -> dict[str, str]:
    """An environment where LanguageTool is not installed (an empty home), with a private cache."""
    (tmp_path / "no-lt").mkdir(exist_ok=True)
    return {"MTFIX_CACHE_DIR": str(tmp_path / "cache"), "MTFIX_LT_HOME": str(tmp_path / "no-lt")}


def lt_check(text: str) -> tuple[CheckResult, list[tuple[str, str]]]:
    """``text`` checked with LanguageTool required, in a pipeline closed afterwards (the environment is the caller's:
    the ``lt_env`` fixture of ``tests/grammar/conftest.py``): the result and LanguageTool's findings as (code, the
    text each covers)."""
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    with Pipeline(Config(grammar="required")) as pipeline:
        result = pipeline.check(text)
    return result, [(f.code, text[f.start:f.end]) for f in result.findings if f.code.startswith("LT:")]
