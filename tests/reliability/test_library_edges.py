"""The library with the odd arguments a new user passes (docs/library.md)."""

from __future__ import annotations

import pytest

import mtfix
from mtfix.errors import ConfigError

#: "and He" gets an unsafe lower-casing fix only (README, "Fix safety").
TEXT = "The minister met the president and He said yes."


@pytest.mark.parametrize("value", ["false", "no", 0, 1, None.__class__])
def test_unsafe_must_be_a_boolean(value: object) -> None:
    """``fix(text, unsafe="false")`` applied the unsafe fixes (a non-empty string is true), while
    ``Config(unsafe_fixes="false")`` and ``unsafe-fixes = "false"`` in a settings file are refused."""
    with pytest.raises(ConfigError, match="unsafe must be True or False"):
        mtfix.fix(TEXT, unsafe=value, grammar="off")
    pipeline = mtfix.Pipeline(mtfix.Config(grammar="off"))
    with pytest.raises(ConfigError, match="unsafe must be True or False"):
        pipeline.fix(TEXT, unsafe=value)
    with pytest.raises(ConfigError, match="unsafe must be True or False"):
        list(pipeline.process([TEXT], unsafe=value))


def test_unsafe_booleans_and_none_still_work() -> None:
    pipeline = mtfix.Pipeline(mtfix.Config(grammar="off"))
    assert pipeline.fix(TEXT, unsafe=False).text == TEXT
    assert pipeline.fix(TEXT, unsafe=None).text == TEXT  # the config's: safe only
    assert pipeline.fix(TEXT, unsafe=True).text == TEXT.replace("and He", "and he")
    assert [r.text for r in pipeline.process([TEXT], unsafe=True)] == [TEXT.replace("and He", "and he")]
