"""YAML from untrusted files (rule packs, glossaries) without bombs.

A repository's rule pack or glossary reaches mtfix through the pre-commit hook,
so it is untrusted input.  Two YAML features can make a small file cost
gigabytes or crash the process:

* aliases: a "billion laughs" (``&a [x, x]``, ``&b [*a, *a]``, ...) is a few
  hundred bytes whose expanded form (what a ``repr`` in an error message, or
  a walk over the data, would produce) has billions of nodes;
* nesting: 100,000 nested ``[`` crash the C parser (a segmentation fault in
  its recursive composer).

:func:`compose` refuses both before any data is built: the nesting depth is
measured on the event stream (an iterative parse), and the size of the node
graph with every alias expanded is counted on the composed nodes (memoised,
so linear in the file).  Error messages quote nothing from the file beyond a
bounded snippet (:func:`short`).

>>> load("a: &x [1, 2]\\nb: *x")
{'a': [1, 2], 'b': [1, 2]}
>>> load("a: &a [x, x]\\nb: &b [*a, *a]\\nc: &c [*b, *b]\\nd: [*c, *c, *c, *c, *c, *c, *c, *c]",
...      max_expanded=20)
Traceback (most recent call last):
mtfix.safe_yaml.YAMLBomb: aliases expand to more than 20 nodes (a "billion laughs"?); write the data out
"""

from __future__ import annotations

import reprlib
from typing import Any

import yaml

from mtfix.errors import MtfixError

#: The deepest nesting of lists and mappings accepted.
MAX_DEPTH = 200
#: Aliases may make the data at most this many nodes larger than the file's own nodes.
MAX_ALIAS_EXPANSION = 100_000

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser: ten times faster
_short = reprlib.Repr()
_short.maxstring = 60
_short.maxother = 60
_short.maxlist = _short.maxtuple = _short.maxdict = _short.maxset = 4
_short.maxlevel = 2


class _Marked(MtfixError, yaml.YAMLError):
    """An error of ours at a place in the text: ``problem_mark`` (or None), as PyYAML's marked errors
    carry it, so that :func:`where` gives the caller's ``file:line:col``."""

    def __init__(self, message: str, mark: Any = None) -> None:
        super().__init__(message)
        self.problem_mark = mark


class YAMLBomb(_Marked):
    """YAML whose aliases or nesting would cost far more than its size."""


class DuplicateKey(_Marked):
    """A mapping with one key twice: YAML would keep the last value and silently drop the first."""


def short(value: Any) -> str:
    """A ``repr`` bounded in length and depth, for error messages.

    >>> short("x" * 1000)[:10], len(short(list(range(10**6)))) < 80
    ("'xxxxxxxxx", True)
    """
    return _short.repr(value)


def _check_depth(text: str, max_depth: int) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > max_depth:
                mark = event.start_mark
                where = f" (line {mark.line + 1})" if mark is not None else ""
                raise YAMLBomb(f"lists and mappings nested more than {max_depth} deep{where}", mark)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


def _check_aliases(root: yaml.Node, max_expanded: int) -> None:
    """Count the nodes of ``root`` with every alias expanded (memoised, iterative)."""
    size: dict[int, int] = {}
    distinct = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    on_path: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            total = 1
            for child in _children(node):
                total += size[id(child)]
            size[key] = total
            if total - distinct > max_expanded:
                raise YAMLBomb(
                    f"aliases expand to more than {max_expanded} nodes (a \"billion laughs\"?); write the data out"
                )
            continue
        if key in size:
            continue
        if key in on_path:
            mark = node.start_mark
            raise YAMLBomb(f"an alias refers to a node that contains it (line {mark.line + 1})", mark)
        distinct += 1
        on_path.add(key)
        stack.append((node, True))
        for child in _children(node):
            if id(child) not in size:
                stack.append((child, False))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _check_unique_keys(root: yaml.Node) -> None:
    """Refuse a mapping with a key given twice (each node visited once, iteratively).

    >>> load("a: 1\\nb: 2\\na: 3")
    Traceback (most recent call last):
    mtfix.safe_yaml.DuplicateKey: duplicate key 'a' (line 3; first at line 1): give each key once
    """
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first: dict[tuple[str, str], int] = {}
            for key, _ in node.value:
                if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                    line = first.get((key.tag, key.value))
                    if line is not None:  # also within one line: {a: 1, a: 2}
                        raise DuplicateKey(f"duplicate key {short(key.value)} (line {key.start_mark.line + 1}; "
                                           f"first at line {line}): give each key once", key.start_mark)
                    first[(key.tag, key.value)] = key.start_mark.line + 1
        stack.extend(_children(node))


def compose(text: str, *, max_depth: int = MAX_DEPTH, max_expanded: int = MAX_ALIAS_EXPANSION) -> yaml.Node | None:
    """The node graph of ``text`` (nodes keep their line numbers), after the bomb checks and
    with no mapping holding a key twice.

    Raises :class:`yaml.YAMLError` (:class:`YAMLBomb` for a bomb, :class:`DuplicateKey`) like
    ``yaml.compose``.
    """
    _check_depth(text, max_depth)
    root = yaml.compose(text, Loader=_Loader)
    if root is not None:
        _check_aliases(root, max_expanded)
        _check_unique_keys(root)
    return root


def construct(root: yaml.Node | None) -> Any:
    """Python data from nodes :func:`compose` checked."""
    return _Loader("").construct_document(root) if root is not None else None


def load(text: str, *, max_depth: int = MAX_DEPTH, max_expanded: int = MAX_ALIAS_EXPANSION) -> Any:
    """``yaml.safe_load`` with the bomb checks of :func:`compose`."""
    return construct(compose(text, max_depth=max_depth, max_expanded=max_expanded))


def describe(exc: yaml.YAMLError, limit: int = 300) -> str:
    """A YAML error on one line, at most ``limit`` characters.  A syntax error is its problem and
    the construct it was in (``did not find expected ',' or ']' (while parsing a flow sequence at line
    2)``): its place is for the caller's ``file:line:col`` (:func:`where`), and PyYAML's own marks
    name the text ``"<unicode string>"``, not the file."""
    msg = str(exc)
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem:
        msg = exc.problem
        if exc.context:
            at = f" at line {exc.context_mark.line + 1}" if exc.context_mark is not None else ""
            msg += f" ({exc.context}{at})"
    msg = " ".join(msg.split())
    return msg if len(msg) <= limit else msg[: limit - 1] + "…"


def where(exc: yaml.YAMLError) -> str:
    """``:LINE:COL`` (1-based) of a YAML syntax error, to follow a file name; empty when it has none."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
