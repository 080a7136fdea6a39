"""The checker registry: the built-in checkers and plug-ins, by name, built from a config.

A checker is registered as ``(name, "module:factory")``; ``factory(config, warnings)``
returns the checker or ``None`` when the configuration turns it off.  Third-party packages
add checkers through the ``mtfix.checkers`` entry-point group (``name = module:factory``);
their modules are imported only when a pipeline is built.  The pipeline (which runs them)
and the catalogue (which lists their rules) both read this module, and it imports neither.

>>> [name for name, _ in CHECKER_FACTORIES]
['rules', 'glossary', 'grammar', 'bilingual', 'garble', 'subtitles']
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from mtfix.model import BaseChecker, Checker, Document, Finding, Scope, widest

#: Built-in checker factories: ``module:function(config, warnings)`` returning a Checker or
#: None.  The order is only a tie-break: the pipeline runs checkers in an order where every
#: annotation a checker ``needs`` comes before it (:func:`order_checkers`): the glossary
#: (which provides ``terms``) before grammar (which needs them).
CHECKER_FACTORIES: list[tuple[str, str]] = [
    ("rules", "mtfix.rules.engine:build_checker"),
    ("glossary", "mtfix.glossary.checker:build_checker"),
    ("grammar", "mtfix.grammar.checker:build_checker"),
    ("bilingual", "mtfix.checks.bilingual:build_checker"),  # imports source_target on first need
    ("garble", "mtfix.garble.checker:build_checker"),
    ("subtitles", "mtfix.checks.subtitle_lines:build_checker"),
]

#: The entry-point group through which other packages register checkers.
ENTRY_POINT_GROUP = "mtfix.checkers"

#: Factories not even imported when the configuration turns them off: a cold start (the
#: pre-commit hook, one process per commit) must not pay for their imports.
SKIP_WHEN_OFF: dict[str, Callable[[Any], bool]] = {"grammar": lambda config: config.grammar == "off"}


def plugin_factories() -> list[tuple[str, str]]:
    """``(name, "module:factory")`` of every installed ``mtfix.checkers`` entry point (not
    imported); a name that a built-in checker already has is ignored.  Installed packages are
    scanned once per process (tens of milliseconds), again only when ``sys.path`` changes."""
    key = tuple(sys.path)
    found = _PLUGINS.get(key)
    if found is None:
        out: dict[str, str] = {}
        if _any_distribution_names_the_group():
            from importlib import metadata  # tens of milliseconds: only when a plug-in is there

            builtin = {name for name, _ in CHECKER_FACTORIES}
            for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
                if ep.name not in builtin:
                    out.setdefault(ep.name, ep.value)
        found = _PLUGINS[key] = sorted(out.items())
    return list(found)


def _any_distribution_names_the_group() -> bool:
    """Whether some ``entry_points.txt`` on ``sys.path`` has a ``[mtfix.checkers]`` section: a
    few milliseconds, where ``importlib.metadata`` takes tens (a cold start pays for it)."""
    header = f"[{ENTRY_POINT_GROUP}]"
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                path = os.path.join(folder or ".", name, "entry_points.txt")
            elif name.endswith(".egg"):
                path = os.path.join(folder or ".", name, "EGG-INFO", "entry_points.txt")
            else:
                continue
            try:
                with open(path, encoding="utf-8", errors="replace") as f:
                    if header in f.read():
                        return True
            except OSError:
                continue
    return False


_PLUGINS: dict[tuple[str, ...], list[tuple[str, str]]] = {}


def factories() -> list[tuple[str, str]]:
    """The built-in factories, then the plug-ins."""
    return [*CHECKER_FACTORIES, *plugin_factories()]


def load_factory(target: str) -> Callable[[Any, list[str]], Any]:
    """The factory named by ``module:function`` (imports the module)."""
    mod_name, _, fn_name = target.partition(":")
    obj: Any = importlib.import_module(mod_name)
    for attr in fn_name.split("."):
        obj = getattr(obj, attr)
    return obj


def build_checkers(config: Any, warnings: list[str], *, only: Callable[[str], bool] | None = None) -> list[Any]:
    """Every registered checker the configuration turns on (``only`` filters by name).

    A built-in checker whose module is not installed in this build is left out; a plug-in
    that fails to load adds a warning and is left out."""
    builtin = {name for name, _ in CHECKER_FACTORIES}
    built: list[Any] = []
    for name, target in factories():
        if only is not None and not only(name):
            continue
        off = SKIP_WHEN_OFF.get(name)
        if off is not None and off(config):
            continue
        mod_name = target.partition(":")[0]
        try:
            factory = load_factory(target)
        except (ImportError, AttributeError) as exc:  # ModuleNotFoundError is an ImportError
            if name in builtin and isinstance(exc, ModuleNotFoundError) and exc.name and mod_name.startswith(exc.name):
                continue  # that capability is not installed in this build
            if name in builtin:
                raise
            warnings.append(f"checker plug-in {name!r} ({target}) could not be loaded: {exc}")
            continue
        checker = factory(config, warnings)
        if checker is not None:
            built.append(checker)
    return built


def plugin_checkers(config: Any = None, warnings: list[str] | None = None) -> list[Any]:
    """The plug-in checkers alone (for the catalogue), built with ``config`` (default settings
    when None)."""
    if config is None:
        from mtfix.config import Config

        config = Config()
    plugins = {name for name, _ in plugin_factories()}
    return build_checkers(config, [] if warnings is None else warnings, only=plugins.__contains__)


class _Adapted(BaseChecker):
    """An object with only ``name``, ``check(doc)`` and ``signature()`` (the protocol before
    annotations), seen through the :class:`~mtfix.model.Checker` protocol."""

    def __init__(self, inner: Any):
        self.inner = inner
        self.name = inner.name
        self.fork_safe = bool(getattr(inner, "fork_safe", True))
        self.scope = Scope(getattr(inner, "scope", Scope.DOCUMENT))

    def check(self, doc: Document, annotations: Mapping[str, Any] | None = None) -> list[Finding]:
        return self.inner.check(doc)

    def signature(self) -> str:
        return self.inner.signature()

    def rules(self) -> list[Any]:
        return list(getattr(self.inner, "rules", list)())

    def stats(self) -> dict[str, Any]:
        return dict(getattr(self.inner, "stats", dict)())

    def post_filter(self, doc: Document, findings: list[Finding]) -> list[Finding]:
        post_filter = getattr(self.inner, "post_filter", None)
        return findings if post_filter is None else post_filter(doc, findings)

    def close(self) -> None:
        getattr(self.inner, "close", lambda: None)()

    def scope_of(self, code: str) -> Scope:
        scope_of = getattr(self.inner, "scope_of", None)
        return self.scope if scope_of is None else Scope(scope_of(code))


def as_checker(obj: Any) -> Checker:
    """``obj`` when it follows the protocol, else wrapped so that it does."""
    return obj if isinstance(obj, Checker) else _Adapted(obj)


def order_checkers(checkers: Iterable[Checker]) -> list[Checker]:
    """``checkers`` in an order where each one runs after those that provide what it needs
    (stable: otherwise in the given order).  A need that no checker provides is ignored (the
    checker runs without it); a circle of needs is a ValueError.

    >>> class C(BaseChecker):
    ...     def __init__(self, name, provides=(), needs=()):
    ...         self.name, self.provides, self.needs = name, provides, needs
    >>> [c.name for c in order_checkers([C("grammar", needs=("terms",)), C("glossary", provides=("terms",))])]
    ['glossary', 'grammar']
    """
    todo = list(checkers)
    providers: dict[str, list[int]] = {}
    for i, c in enumerate(todo):
        for a in c.provides:
            providers.setdefault(a, []).append(i)
    after = [{p for a in c.needs for p in providers.get(a, ()) if p != i} for i, c in enumerate(todo)]
    done: set[int] = set()
    out: list[Checker] = []
    while len(out) < len(todo):
        ready = next((i for i in range(len(todo)) if i not in done and after[i] <= done), None)
        if ready is None:
            stuck = [todo[i].name for i in range(len(todo)) if i not in done]
            raise ValueError(f"checkers need each other's annotations in a circle: {', '.join(stuck)}")
        done.add(ready)
        out.append(todo[ready])
    return out


def scope_of(checker: Any, code: str | None = None) -> Scope:
    """What ``checker``'s findings of ``code`` (any of its codes: None) for one segment depend on
    (:class:`~mtfix.model.Scope`, the per-segment contract): what the checker declares (``scope_of(code)``,
    ``scope``; ``DOCUMENT`` when it declares nothing), widened to ``DOCUMENT`` when it ``needs`` another
    checker's annotations (they are found in the whole document: grammar's ``terms``).

    >>> class Local(BaseChecker):
    ...     scope = Scope.SEGMENT
    >>> scope_of(Local()), scope_of(Local(), "X1"), scope_of(BaseChecker())
    (<Scope.SEGMENT: 'segment'>, <Scope.SEGMENT: 'segment'>, <Scope.DOCUMENT: 'document'>)
    """
    declared = Scope(getattr(checker, "scope", Scope.DOCUMENT))
    by_code = getattr(checker, "scope_of", None)
    if code is not None and callable(by_code):
        declared = Scope(by_code(code))
    return widest([declared, Scope.DOCUMENT if tuple(getattr(checker, "needs", ())) else Scope.SEGMENT])
