"""Output names that one folder would take for one file: ``News/a.txt`` and ``news/a.txt`` under ``fix -o DIR``.

A case-insensitive folder (macOS's and Windows' disks by default, a FAT or exFAT stick, an SMB share, an ext4
folder with ``chattr +F``) looks names up without regard to case, and macOS's disks and casefold ext4 without
regard to the Unicode form of an accented letter (``é`` as one code point or as ``e`` and an accent).  Two inputs
whose outputs differ only so would land on one file there, the second write replacing the first.  Such a pair is
refused before anything is written when the folder they would share does fold names that way, which is found
out by making a probe file in it whose name ends in one of the two names (``.mtfix-name-probe-…-Straße.txt``,
removed at once) and looking it up by the name ending in the other (``…-STRASSE.txt``): the pair at hand, since
folders fold differently (NTFS and APFS fold case letter by letter, so ``ß`` is not ``SS``; FAT folds ASCII
only).  Where that probe cannot be made (a name too long with its prefix), stand-in names tell how the folder
folds (:func:`folder_folds`).  On a folder that tells the names apart, as Linux's usually do, both are written.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path

from mtfix.errors import InputError

#: the two ways a folder may fold names: ignore case, ignore the Unicode normalisation form
CASE, FORM = "case", "form"


def fold(name: str, ways: frozenset[str]) -> str:
    """``name`` as a folder that folds it ``ways`` compares it.

    >>> fold("News/Cafe\\u0301.txt", frozenset({CASE, FORM})) == fold("news/CAF\\u00c9.TXT", frozenset({CASE, FORM}))
    True
    >>> fold("News/a.txt", frozenset({FORM})) == fold("news/a.txt", frozenset({FORM}))
    False
    """
    if FORM in ways:
        name = unicodedata.normalize("NFD", name)
    if CASE in ways:
        name = name.casefold()
        if FORM in ways:
            name = unicodedata.normalize("NFD", name)
    return name


def _probe(folder: str | os.PathLike[str], prefix: str, suffix: str, other: Callable[[str], str]) -> bool | None:
    """Whether a probe file made in ``folder`` (named ``prefix``, random letters, ``suffix``; removed at once) is
    found by the name ``other`` makes of its own (a probe found by its own name says nothing: False); None when no
    probe can be made there (a name too long with the prefix, a folder not writable, a name the disk refuses)."""
    try:
        fd, probe = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    except (OSError, UnicodeError, ValueError):
        return None
    try:
        os.close(fd)
        name = os.path.basename(probe)
        return other(name) != name and _lookup(os.fspath(folder), other(name))
    finally:
        with contextlib.suppress(OSError):
            os.unlink(probe)


def _lookup(folder: str, name: str) -> bool:
    """Whether ``folder`` finds a file by ``name`` (the tests put a case-insensitive folder's lookup here)."""
    return os.path.lexists(os.path.join(folder, name))


def _folding(folder: str) -> frozenset[str]:
    """How ``folder`` (which exists) folds stand-in names: one probe for case, one for the Unicode form."""
    ways = set()
    if _probe(folder, ".mtfix-name-probe-", ".tmp", str.swapcase):
        ways.add(CASE)
    if _probe(folder, ".mtfix-name-probe-\u00e9-", ".tmp", lambda n: unicodedata.normalize("NFD", n)):
        ways.add(FORM)
    return frozenset(ways)


def folder_folds(folder: str | os.PathLike[str]) -> frozenset[str]:
    """How ``folder`` folds the names in it: ``{CASE, FORM}``, one of them, or none; a folder not made yet is
    probed in its deepest existing parent (a new folder takes its parent's folding, as ext4's ``+F`` and
    Windows' per-folder case sensitivity are inherited).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     sorted(folder_folds(d)) in ([], ["form"], ["case"], ["case", "form"])
    True
    """
    return _folding(str(_existing(Path(os.path.abspath(folder)))))


def _shared_folder(a: Path, b: Path) -> Path:
    """The deepest folder both ``a`` and ``b`` (absolute) go through: the folder where their names part.

    >>> _shared_folder(Path("/out/News/a.txt"), Path("/out/news/a.txt")).as_posix()
    '/out'
    """
    i = 0
    while i < min(len(a.parts), len(b.parts)) - 1 and a.parts[i] == b.parts[i]:
        i += 1
    return Path(*a.parts[:i])


def _ignored(ways: frozenset[str], a: str, b: str) -> str:
    """What tells ``a`` from ``b`` that a folder folding names ``ways`` ignores.

    >>> _ignored(frozenset({CASE, FORM}), "News/a.txt", "news/a.txt")
    'case'
    """
    parts = []
    if CASE in ways and fold(a, frozenset({FORM})) != fold(b, frozenset({FORM})):
        parts.append("case")
    if FORM in ways and fold(a, frozenset({CASE})) != fold(b, frozenset({CASE})):
        parts.append("the Unicode form of accented letters")
    return " and ".join(parts)


def _existing(folder: Path) -> Path:
    """``folder``, or its deepest parent that exists (a folder not made yet takes its parent's folding)."""
    while not folder.is_dir() and folder.parent != folder:
        folder = folder.parent
    return folder


def _pair_folded(folder: Path, a: str, b: str) -> bool | None:
    """Whether ``folder`` (or its deepest existing parent) takes the names ``a`` and ``b`` for one: a probe file whose name ends in ``a``
    (``.mtfix-name-probe-…-a``, removed at once) is looked up by the name ending in ``b`` instead.  The pair at
    hand is probed, not a stand-in: a folder that folds ASCII case may still tell ``ß`` from ``SS`` (NTFS and APFS
    fold case letter by letter), or one accented capital from its small letter (FAT keeps non-ASCII names as they
    are).  None when no such probe can be made there (a name too long with the probe's prefix, a folder not
    writable, a name the disk refuses)."""
    return _probe(_existing(folder), ".mtfix-name-probe-", "-" + a, lambda name: name[: len(name) - len(a)] + b)


def _one_file(shared: Path, a: Path, b: Path, probed: dict[Path, frozenset[str]]) -> bool:
    """Whether ``a`` and ``b`` (absolute, equal once case-folded and NFD-normalised, parting in ``shared``) are
    one file there: each pair of their names that differs is probed in ``shared`` (:func:`_pair_folded`);
    where a pair cannot be probed, the folder's folding of stand-in names decides (:func:`folder_folds`)."""
    for x, y in zip(a.parts[len(shared.parts):], b.parts[len(shared.parts):], strict=True):
        if x == y:
            continue
        folded = _pair_folded(shared, x, y)
        if folded is None:
            if shared not in probed:
                probed[shared] = folder_folds(shared)
            folded = fold(x, probed[shared]) == fold(y, probed[shared])
        if not folded:
            return False
    return True


def refuse_folded_collisions(targets: Mapping[str, Path]) -> None:
    """InputError naming both inputs when two outputs of ``targets`` (input -> output) differ only in case or
    Unicode form and the folder where their names part takes them for one (:func:`_one_file`): one file there.
    No folder is probed unless two outputs are alike so."""
    groups: dict[str, list[tuple[str, Path]]] = {}
    probed: dict[Path, frozenset[str]] = {}
    for src, dst in targets.items():
        full = Path(os.path.abspath(dst))
        groups.setdefault(fold(str(full), frozenset({CASE, FORM})), []).append((src, full))
    for members in groups.values():
        for i, (src_a, a) in enumerate(members):
            for src_b, b in members[i + 1 :]:
                if a == b or len(a.parts) != len(b.parts):
                    continue  # one name: refuse_collisions' case
                shared = _shared_folder(a, b)
                if _one_file(shared, a, b, probed):
                    where = Path(targets[src_b]).parents[len(b.parts) - len(shared.parts) - 1]
                    raise InputError(
                        f"its output under -o, {targets[src_b]}, and that of {src_a}, {targets[src_a]}, would be one "
                        f"file: they differ only in {_ignored(frozenset({CASE, FORM}), str(a), str(b))}, which the "
                        f"folder {where} ignores; nothing was written (run them separately, or choose an -o folder "
                        "on a disk that tells such names apart)", path=src_b)
