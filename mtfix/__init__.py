"""mtfix: find and repair garbled machine-translated English, enforce glossaries, score fluency.

The library API, for ingest jobs::

    import mtfix
    mtfix.check("Prices of oilgas rose.").findings[0].code     # 'MTF206'
    mtfix.fix("Prices of oilgas rose.").text                   # 'Prices of oil and gas rose.'
    mtfix.score("Prices rose.").fluency                         # 100.0

Heavy parts load on first use, so ``import mtfix`` stays cheap.
"""

from __future__ import annotations

from mtfix import _startup

_startup.hold()  # first: a Ctrl-C while the command starts is one line, not a traceback (mtfix/_startup.py)

import threading  # noqa: E402
from typing import TYPE_CHECKING, Any  # noqa: E402

from mtfix.version import __version__  # noqa: E402

if TYPE_CHECKING:
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline
    from mtfix.pipeline_results import CheckResult, FixResult
    from mtfix.scoring import ScoreResult

__all__ = ["__version__", "check", "fix", "score", "Pipeline", "Config"]

_default_pipelines: dict[Any, Any] = {}
#: guards ``_default_pipelines``: threads calling ``check`` with new options at once build one pipeline (a
#: second one would load its own models and, with ``grammar="auto"``, could start its own LanguageTool)
_default_pipelines_lock = threading.Lock()


def _pipeline(**options: Any) -> Pipeline:
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    if "config" in options:  # a whole Config: not one of its fields (it failed as "unhashable type: 'dict'")
        from mtfix.errors import ConfigError

        raise ConfigError("config is not an option of mtfix.check/fix/score: use mtfix.Pipeline(config).check(text) "
                          "(or .fix, .score), or give Config fields as options (mtfix.check(text, grammar='off'))")
    key = tuple(sorted((k, _frozen(v)) for k, v in options.items()))
    p = _default_pipelines.get(key)
    if p is None:
        with _default_pipelines_lock:
            p = _default_pipelines.get(key)
            if p is None:
                p = _default_pipelines[key] = Pipeline(Config(grammar="off").with_overrides(**options))
    return p


def _frozen(value: Any) -> Any:
    """``value`` as a hashable cache key: lists, sets and mappings become tuples."""
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return tuple(sorted((_frozen(v) for v in value), key=repr))
    if isinstance(value, dict):
        return tuple(sorted(((k, _frozen(v)) for k, v in value.items()), key=repr))
    return value


def check(text: str, **options: Any) -> CheckResult:
    """Findings on one text.  ``options`` are :class:`mtfix.config.Config` fields
    (grammar is off unless asked for)."""
    return _pipeline(**options).check(text)


def fix(text: str, *, unsafe: bool = False, **options: Any) -> FixResult:
    """The repaired text and the edits that explain it."""
    return _pipeline(**options).fix(text, unsafe=unsafe)


def score(text: str, ref: str | None = None, **options: Any) -> ScoreResult:
    """Fluency 0–100 per segment and for the text; BLEU/chrF/TER with ``ref``."""
    return _pipeline(**options).score(text, ref=ref)


def __getattr__(name: str) -> Any:
    if name == "Pipeline":
        from mtfix.pipeline import Pipeline

        return Pipeline
    if name == "Config":
        from mtfix.config import Config

        return Config
    raise AttributeError(name)


if not _startup.is_command():  # a program importing mtfix: its handlers back, and a signal held delivered
    _startup.release()
