"""Finding the files a command should read: paths, directories, standard input."""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from mtfix.errors import InputError
from mtfix.io.textfile import looks_binary

SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv", "venv", ".tox", ".mypy_cache"}
STDIN = "-"


@dataclass(frozen=True)
class Input:
    path: str  # "-" for standard input
    raw: bytes


def iter_paths(paths: list[str], include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> Iterator[str]:
    """Files named or found below the named directories, in a stable order.

    A path that does not exist raises InputError (exit 2) before anything is read.
    """
    for p in paths:
        if p != STDIN and not os.path.exists(p):
            raise InputError("no such file or directory", path=p)
    for p in paths:
        if p == STDIN or os.path.isfile(p):
            yield p
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
            for name in sorted(files):
                full = os.path.join(root, name)
                if include and not any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(full, g) for g in include):
                    continue
                if any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(full, g) for g in exclude):
                    continue
                yield full


def read_input(path: str) -> Input:
    if path == STDIN:
        return Input(STDIN, sys.stdin.buffer.read())
    try:
        return Input(path, Path(path).read_bytes())
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from None


def is_binary(inp: Input) -> bool:
    return looks_binary(inp.raw)
