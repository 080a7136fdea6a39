"""LanguageTool as the tests find it (one place, session 37): the installed home or a skip, and an environment
with none installed.

``installed_lt_home()`` is the verified installation mtfix's settings point at (``$MTFIX_LT_HOME`` or
``<cache-dir>/languagetool/6.7``); a test that needs the real jars calls it and is skipped, with how to
install them, when there are none.  ``no_lt_env(tmp_path)`` is the environment of a run on a machine without
LanguageTool: an empty home and a private cache.  The ``lt_home`` fixture of ``tests/grammar/conftest.py`` is
another question (it installs LanguageTool when Maven is there) and keeps its name there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

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
