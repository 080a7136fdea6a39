"""Where ``fix`` writes, checked before anything is written.

In place, every file must be rewritable (a regular file with a write permission
bit, in a writable directory).  Under ``-o DIR`` the folder structure is kept: a
file inside the current directory goes to ``DIR/its/relative/path``; a file
outside it (an absolute path or one reached with ``..``) goes to ``DIR/`` plus
its path relative to the deepest folder common to all such files.  Two inputs
that would land on the same output are refused before anything is written, and so
are two whose outputs differ only in case where the folder ignores case
(:mod:`mtfix.io.name_folding`).
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Sequence
from pathlib import Path

from mtfix.errors import InputError
from mtfix.io.name_folding import refuse_folded_collisions
from mtfix.io.paths import LINK_LOOP, missing_reason, read_only_note


def make_folder(folder: Path) -> list[Path]:
    """``mkdir -p folder``; returns the folders it made, deepest first, for :func:`remove_if_empty` to take back
    when the write they were made for fails (``fix -o out`` on a full disk left ``out/news/`` empty behind a
    "nothing was written"; session 28)."""
    made = []
    p = folder
    while not os.path.lexists(p) and p.parent != p:
        made.append(p)
        p = p.parent
    folder.mkdir(parents=True, exist_ok=True)
    return made


def remove_if_empty(folders: Sequence[Path]) -> None:
    """Remove each of ``folders`` (deepest first) that is empty; leave the others (another file was written there)."""
    for folder in folders:
        with contextlib.suppress(OSError):
            folder.rmdir()


def link_loop_problem(output: str | os.PathLike[str]) -> str | None:
    """Why a report or glossary file cannot be written at ``output``: a symbolic link loop (checked before the run,
    which would otherwise read every input first, or end in an internal error), or None."""
    try:
        os.stat(output)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"{os.fspath(output)}: {LINK_LOOP}; nothing was written"
    return None


def special_output_problem(output: str | os.PathLike[str], *, stdout_hint: str, what: str = "page") -> str | None:
    """Why ``output``, a file a command writes whole through a temporary file and a rename (``review -o``,
    ``glossary convert -o``, ``glossary mine -o``), cannot be: it is a device, a FIFO or a socket (``/dev/stdout``
    as a pipe, ``/dev/null``, ``/dev/full``), which a rename would replace, not write to; ``stdout_hint`` says how
    to write to standard output, ``what`` names the output (the page, the glossary).  None otherwise.

    >>> print(special_output_problem("/dev/null", stdout_hint="-o -")[:78])
    /dev/null: a character device, not a regular file: the page is written whole t
    >>> special_output_problem("/nonexistent/page.html", stdout_hint="-o -") is None
    True
    """
    from mtfix.io.inputs import special_kind

    try:
        kind = special_kind(os.stat(output).st_mode)
    except OSError:
        return None  # not there yet (written new), or its writer names why not
    if kind is None:
        return None
    return (f"{os.fspath(output)}: a {kind}, not a regular file: the {what} is written whole to a temporary file "
            f"and renamed into place, which a {kind.split()[-1]} cannot take; name a file, or {stdout_hint} for "
            "standard output; nothing was written")


def input_at(output: str | os.PathLike[str], inputs: Sequence[str | os.PathLike[str]]) -> str | None:
    """The input among ``inputs`` that is the file ``output`` (by any path), or None: a command about to
    write ``output`` must not replace what it is reading."""
    if not os.path.exists(output):
        return None
    for name in inputs:
        try:
            if str(name) != "-" and os.path.isfile(name) and os.path.samefile(name, output):
                return str(name)
        except OSError:
            continue
    return None


def _inside(path: str, cwd: str) -> str | None:
    """``path`` relative to ``cwd`` when it lies inside it, else None."""
    full = os.path.normpath(os.path.join(cwd, path))
    rel = os.path.relpath(full, cwd)
    if rel == os.pardir or rel.startswith(os.pardir + os.sep) or os.path.isabs(rel):
        return None
    return rel


def output_paths(output_dir: Path, paths: Sequence[str], cwd: str | None = None) -> dict[str, Path]:
    """The output of each input path under ``output_dir``, keeping folders.

    >>> out = output_paths(Path("out"), ["news/a.txt", "/srv/z/x.txt", "/srv/y/x.txt"], cwd="/work")
    >>> [p.as_posix() for p in out.values()]
    ['out/news/a.txt', 'out/z/x.txt', 'out/y/x.txt']
    """
    cwd = os.path.abspath(cwd or os.getcwd())
    result: dict[str, Path] = {}
    outside = [os.path.normpath(os.path.join(cwd, p)) for p in paths if _inside(p, cwd) is None]
    common = os.path.dirname(outside[0]) if len(outside) == 1 else os.path.commonpath(outside) if outside else cwd
    for p in paths:
        rel = _inside(p, cwd)
        if rel is None:
            rel = os.path.relpath(os.path.normpath(os.path.join(cwd, p)), common)
        result[p] = output_dir / rel
    return result


def check_output_dir(output_dir: Path) -> None:
    """``-o DIR`` must be a directory or creatable as one (InputError otherwise; one reached through a symbolic
    link whose target is gone is named so, session 22).  ``fix`` checks it before any file is read (session 39:
    a 2,000-file batch was read and fixed first)."""
    p = output_dir
    while not p.exists():
        if p.is_symlink() and missing_reason(p) == LINK_LOOP:
            raise InputError(f"-o {output_dir}: {p} is a {missing_reason(p)}; nothing was written (choose another -o "
                             "folder)", path=str(output_dir))
        if p.is_symlink():  # its target is gone: making the folder failed per file with "File exists"
            raise InputError(f"-o {output_dir}: {p} is a symbolic link to {os.readlink(p)}, which does not exist; "
                             "nothing was written (make the folder it points to, or choose another -o folder)",
                             path=str(output_dir))
        if p.parent == p:
            break
        p = p.parent
    if p.exists() and not p.is_dir():
        where = "" if p == output_dir else f" ({p} is a file)"
        raise InputError(f"not a directory{where}; nothing was written", path=f"-o {output_dir}")
    if not os.access(p, os.W_OK | os.X_OK):
        raise InputError(f"directory {p} is not writable{read_only_note(p)}; nothing was written", path=f"-o {output_dir}")


def refuse_output_as_input_folder(output_dir: Path, paths: Sequence[str]) -> None:
    """InputError when ``-o DIR`` is one of the input folders ``paths`` names (by any path: ``./sub/``, an
    absolute path, a symbolic link): ``fix sub -o sub`` wrote ``sub/sub/a.txt``, in the folder ``-o`` was
    to leave as it was, and the next run took it for an input.  Checked before anything is read."""
    if not output_dir.is_dir():
        return
    for name in paths:
        with contextlib.suppress(OSError):
            if name != "-" and os.path.isdir(name) and os.path.samefile(name, output_dir):
                raise InputError(f"is the input folder {name} itself: its fixed files would go "
                                 f"inside it, into {output_dir / os.path.basename(os.path.abspath(name))}; nothing was "
                                 "written (choose another -o folder, or leave out -o to fix in place)", path=f"-o {output_dir}")


def refuse_collisions(targets: dict[str, Path]) -> None:
    """InputError naming both inputs when two of them map to the same output file."""
    seen: dict[str, str] = {}
    for src, dst in targets.items():
        key = os.path.normcase(os.path.abspath(dst))
        if key in seen:
            raise InputError(f"{seen[key]} and {src} would both be written to {dst}; nothing was written "
                             "(run them separately, or from a folder that holds both)", path=src)
        seen[key] = src


def refuse_inputs_as_outputs(targets: dict[str, Path]) -> None:
    """InputError when an output already exists as one of the inputs under another name (``-o .``, a
    hard or symbolic link in ``DIR`` to an input): writing it would change the input ``-o`` keeps."""
    inputs: dict[tuple[int, int], str] = {}
    for src in targets:
        with contextlib.suppress(OSError):
            st = os.stat(src)
            inputs.setdefault((st.st_dev, st.st_ino), src)
    for src, dst in targets.items():
        try:
            st = os.stat(dst)
        except OSError:
            continue
        same = inputs.get((st.st_dev, st.st_ino))
        if same is not None:
            what = "this file" if same == src else f"the input {same}"
            raise InputError(f"its output under -o, {dst}, is {what} itself: writing it would change the input; "
                             "nothing was written (choose another -o folder)", path=src)


def refuse_links_out_of(output_dir: Path, targets: dict[str, Path]) -> None:
    """InputError when an output's path leaves ``output_dir`` through a symbolic link below it (a link left in
    the folder, to a file or a folder elsewhere): until session 22 ``fix`` wrote through it, replacing the text
    of a file ``-o`` was never asked to touch.  ``output_dir`` itself may be a link (the user chose it), and a
    link that stays inside it is followed."""
    root = os.path.realpath(output_dir)
    for src, dst in targets.items():
        real = os.path.realpath(dst)
        if real == root or real.startswith(root.rstrip(os.sep) + os.sep):
            continue
        link = dst
        for parent in [dst, *dst.parents]:  # the link on the way (the deepest one that leads out)
            if parent == output_dir:
                break
            if parent.is_symlink():
                link = parent
                break
        raise InputError(f"its output under -o, {dst}, would be written through the symbolic link {link} to "
                         f"{real}, outside -o {output_dir}; nothing was written (remove the link, or choose another "
                         "-o folder)", path=src)


def refuse_files_in_the_way(output_dir: Path, targets: dict[str, Path]) -> None:
    """InputError when a folder an output goes in is a file (``out/news`` left from an earlier run): until
    session 39 each output under it failed alone (``cannot create out/news: File exists``) and the others were
    written; and when an output is itself a folder (``out/a.md/``), which failed that file alone with ``review
    -o``'s hint, "name the file to write" (the file's name is not the user's to choose under ``-o``).  Each folder
    below ``output_dir`` is looked at once."""
    seen: set[Path] = set()
    for src, dst in targets.items():
        if os.path.isdir(dst):  # (a link to a folder too: the output would be written through it)
            raise InputError(f"its output under -o, {dst}, is a folder; nothing was written (move it away, or "
                             "choose another -o folder)", path=src)
        for folder in dst.parents:
            if folder == output_dir or folder in seen or len(folder.parts) <= len(output_dir.parts):
                break
            seen.add(folder)
            if os.path.lexists(folder) and not os.path.isdir(folder):
                what = "a file" if os.path.isfile(folder) else "not a folder"
                raise InputError(f"its output under -o, {dst}, would go in the folder {folder}, which is {what}; "
                                 "nothing was written (move it away, or choose another -o folder)", path=src)


def plan_outputs(output_dir: Path, paths: Sequence[str]) -> dict[str, Path]:
    """Checked outputs of ``paths`` (standard input excluded) under ``output_dir``."""
    check_output_dir(output_dir)
    targets = output_paths(output_dir, [p for p in paths if p != "-"])
    refuse_collisions(targets)
    refuse_folded_collisions(targets)
    refuse_inputs_as_outputs(targets)
    refuse_links_out_of(output_dir, targets)
    refuse_files_in_the_way(output_dir, targets)
    return targets
