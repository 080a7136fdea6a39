"""One real LanguageTool server for the whole session (started here, stopped afterwards)."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from mtfix.errors import GrammarError
from mtfix.grammar.install import install, verify
from mtfix.grammar.server import LocalServer, start_server
from mtfix.grammar.settings import LTSettings, settings_from


def _installed_settings() -> LTSettings:
    settings = settings_from()
    try:
        verify(settings.home)
    except GrammarError:
        if shutil.which("mvn") is None:
            pytest.skip("LanguageTool is not installed and Maven is missing: run `make languagetool`")
        install(settings)  # idempotent; `make test` has normally done it already
    return settings


@pytest.fixture(scope="session")
def lt_home() -> Path:
    """The verified LanguageTool installation the tests run."""
    return _installed_settings().home


@pytest.fixture(scope="session")
def lt_server(lt_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    """The real LT server, 1 GB heap, on a free loopback port; stopped at the end of the session."""
    settings = dataclasses.replace(settings_from(), home=lt_home, home_is_own=False,
                                   cache_root=tmp_path_factory.mktemp("lt-session"))
    server = start_server(settings)
    yield server
    server.stop()
    assert not server.alive()


@pytest.fixture
def lt_url(lt_server: LocalServer) -> str:
    return lt_server.url


@pytest.fixture
def lt_env(tmp_path: Path, lt_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache directory (port file, results cache) for one test; LT jars from ``lt_home``."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(cache))
    monkeypatch.setenv("MTFIX_LT_HOME", str(lt_home))
    return cache
