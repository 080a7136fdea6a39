"""One concept in one place, round 7 (session 37): where the tests find LanguageTool, what Spark needs on this
machine, and the settings schema, each written once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.languagetool_home import NOT_INSTALLED, installed_lt_home, no_lt_env

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"


def _test_sources() -> dict[str, str]:
    """Every test source but this one (which names what it looks for)."""
    here = Path(__file__).resolve()
    return {p.relative_to(TESTS).as_posix(): p.read_text(encoding="utf-8") for p in TESTS.rglob("*.py")
            if p.resolve() != here}


def test_the_installed_languagetool_is_looked_up_in_one_helper() -> None:
    """Five modules had their own ``_lt_home()`` (settings' home, verified, or a skip) and three their own
    ``_no_lt_home()``; ``tests/languagetool_home.py`` is the one of each.  ``tests/grammar/conftest.py`` installs
    when Maven is there (another question) and the install tests verify on purpose."""
    own = {"languagetool_home.py", "grammar/conftest.py", "grammar/test_lt_install.py"}
    found = sorted(name for name, text in _test_sources().items() if name not in own and (
        re.search(r"def _(?:no_)?lt_home\b", text) or re.search(r"verify\(settings_from\(|find_installation\(", text)))
    assert found == [], found
    hardcoded = sorted(name for name, text in _test_sources().items() if "/.cache/mtfix/languagetool" in text)
    assert hardcoded == [], hardcoded


def test_no_languagetool_is_a_skip_with_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = no_lt_env(tmp_path)
    assert (tmp_path / "no-lt").is_dir() and env["MTFIX_LT_HOME"] == str(tmp_path / "no-lt")
    assert env["MTFIX_CACHE_DIR"] == str(tmp_path / "cache")
    monkeypatch.setenv("MTFIX_LT_HOME", env["MTFIX_LT_HOME"])
    with pytest.raises(pytest.skip.Exception, match="make languagetool") as skipped:
        installed_lt_home()
    assert str(skipped.value) == NOT_INSTALLED


def test_what_spark_needs_is_asked_in_one_place() -> None:
    """PySpark, pandas, pyarrow and Java: asked by ``skip_without_spark`` of ``tests/integrations/conftest.py``,
    which the Spark modules call before their imports and the ``spark`` fixture calls too."""
    asking = sorted(name for name, text in _test_sources().items() if 'importorskip("pyspark")' in text)
    assert asking == ["integrations/conftest.py"], asking
    callers = sorted(name for name, text in _test_sources().items() if re.search(r"^skip_without_spark\(\)", text, re.M))
    assert len(callers) >= 4 and all(n.startswith("integrations/test_spark") for n in callers), callers


def test_the_settings_schema_is_one_module_config_still_names() -> None:
    """``config.py`` (780 lines) gave its schema to ``settings_schema.py``; the old names still work and are the
    same objects, so a setting a capability registers through either is in the one schema."""
    import mtfix.config as config
    import mtfix.settings_schema as schema

    for name in ("SCHEMA", "Setting", "register_setting", "url_problem", "LANG_CODE", "GRAMMAR_MODES", "SEVERITIES",
                 "CSV_NOT_ESCAPES", "pack_language", "suggest", "bool_like", "int_like"):
        assert getattr(config, name) is getattr(schema, name), name
    assert config._check_value is schema.check_value and config._type_name is schema.type_name
    config.register_setting(schema.Setting("s37-probe", "extra", "table", help="a key of this test"))
    try:
        assert "s37-probe" in schema.SCHEMA
        with pytest.raises(Exception, match="must be a table"):
            config.config_from_mapping({"s37-probe": 3}, "mtfix.toml")
    finally:
        del schema.SCHEMA["s37-probe"]
    assert "s37-probe" not in config.SCHEMA
