"""Options and paths on a command line, and files whose names begin with a dash.

A shell glob puts such a name among the paths (``mtfix fix *`` beside ``-output.md``), and click reads it as
an option: ``-output.md`` was ``-o utput.md`` (``fix`` wrote its fixes into a new folder ``utput.md``, said
``fixed a.txt`` and left the files as they were, until session 27), ``-headlines.md`` a cluster of flags
(``No such option: -e``).  As the pre-commit hook has done since it passes staged files so
(:mod:`mtfix.integrations.precommit`), a token that is no option of the command but an existing file is a path:
:func:`dash_named_paths` puts the paths after ``--``, in their order.
"""

from __future__ import annotations

import os
from typing import Any


def split_args(takes_value: dict[str, bool], argv: list[str]) -> tuple[list[str], list[str]]:
    """Split ``argv`` into options (with their values) and paths.

    ``takes_value`` maps each option string to whether it takes a value.  pre-commit
    passes file names after the options without ``--``: a token that is no known option
    but an existing file or folder (``-notes.md``) is a path.

    >>> split_args({"--fail-on": True, "-q": False}, ["--fail-on", "minor", "-q", "a.md", "--", "-b.md"])
    (['--fail-on', 'minor', '-q'], ['a.md', '-b.md'])
    """
    options: list[str] = []
    paths: list[str] = []
    it = iter(argv)
    for tok in it:
        if tok == "--":
            paths.extend(it)
            break
        unknown = tok.partition("=")[0] not in takes_value
        if tok == "-" or not tok.startswith("-") or (unknown and os.path.exists(tok)):
            paths.append(tok)
            continue
        options.append(tok)
        if "=" not in tok and takes_value.get(tok, False):
            value = next(it, None)
            if value is not None:
                options.append(value)
    return options, paths


def option_arity(command: Any) -> dict[str, bool]:
    """Option string → takes a value, from the click command typer built (duck-typed: some
    typer releases vendor their own click)."""
    arity: dict[str, bool] = {}
    for p in command.params:
        if getattr(p, "param_type_name", "") == "option":
            for opt in (*p.opts, *p.secondary_opts):
                arity[opt] = not (p.is_flag or p.count)
    return arity


def dash_named_paths(command: Any, args: list[str]) -> list[str]:
    """``args`` (``[COMMAND, ...]``) with each file named with a leading dash read as a path: the options, then
    ``--`` and the paths in their order; ``args`` as they are when no such file is named before a ``--``, or
    the command has sub-commands of its own."""
    head = args[1:args.index("--")] if "--" in args else args[1:]
    if not any(a.startswith("-") and a != "-" and os.path.exists(a) for a in head):
        return args
    sub = getattr(command, "commands", {}).get(args[0]) if args else None
    if sub is None or hasattr(sub, "commands"):
        return args
    takes_value = option_arity(sub)
    options, paths = split_args(takes_value, args[1:])
    if not any(p.startswith("-") and p != "-" and p in head and p.partition("=")[0] not in takes_value
               for p in paths):
        return args
    return [args[0], *options, "--", *paths]


#: The options naming one file or folder: given twice, click keeps the last value and the first was dropped without
#: a word (``score --ref r1.txt --ref r2.txt`` scored against r2.txt alone; ``--config a.toml --config b.toml``
#: read b.toml alone; ``fix -o o1 -o o2`` wrote to o2), until session 31
ONE_FILE_OPTIONS = frozenset({"--config", "--ref", "--output-dir", "--output", "--decisions", "--stdin-filename"})


def repeated_file_option(command: Any, args: list[str]) -> str | None:
    """What to say when ``args`` (``[COMMAND, ...]``, ``[GROUP, COMMAND, ...]``) give one of the command's
    :data:`ONE_FILE_OPTIONS` twice with different values, or None (the same value twice is harmless)."""
    if not any(a.partition("=")[0] in ONE_FILE_OPTIONS or a.startswith("-o") for a in args):
        return None
    rest = list(args)
    while rest and rest[0] in (getattr(command, "commands", None) or {}):
        command, rest = command.commands[rest[0]], rest[1:]
    if hasattr(command, "commands"):
        return None
    options, _ = split_args(option_arity(command), rest)
    for p in command.params:
        names = (*getattr(p, "opts", ()), *getattr(p, "secondary_opts", ()))
        if getattr(p, "param_type_name", "") != "option" or getattr(p, "multiple", False) \
                or ONE_FILE_OPTIONS.isdisjoint(names):
            continue
        values = _values_of(options, names)
        if len(set(values)) > 1:
            what = "folder" if "--output-dir" in names else "file"
            return (f"{max(names, key=len)} given {len(values)} times ({', '.join(values)}): it takes one "
                    f"{what}, and all but the last would be dropped: give it once")
    return None


def _values_of(options: list[str], names: tuple[str, ...]) -> list[str]:
    """The values ``options`` (:func:`split_args`'s) give an option of ``names``: ``-o X``, ``--output=X``, ``-oX``.

    >>> _values_of(["-o", "a", "--output=b", "-oc", "-q"], ("-o", "--output"))
    ['a', 'b', 'c']
    """
    out = []
    it = iter(options)
    for tok in it:
        name, eq, value = tok.partition("=")
        if name in names:
            out.append(value if eq else next(it, ""))
        elif not tok.startswith("--") and tok[:2] in names and len(tok) > 2:
            out.append(tok[2:])
    return out
