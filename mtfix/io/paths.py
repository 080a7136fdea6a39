"""Paths as the file system resolves them, without Python 3.11's exceptions (imports nothing but ``os``)."""

from __future__ import annotations

import os
from pathlib import Path


def real_path(path: str | os.PathLike[str]) -> Path:
    """``Path(path).resolve()`` that never raises: Python 3.11's raises RuntimeError on a symbolic link loop
    (an internal error until session 27, for ``-g``, ``--rules``, ``--config`` naming one); here the loop is
    left as it stands, and opening the path fails with ELOOP, which the callers report.

    >>> real_path("/tmp/../tmp") == Path("/tmp").resolve()
    True
    """
    return Path(os.path.realpath(os.fspath(path)))


#: The words for a symbolic link that cannot be followed, in every message that names one (session 42: written
#: in :mod:`mtfix.io.outputs` and :mod:`mtfix.settings_file` again before).
LINK_LOOP = "symbolic link loop (too many levels of symbolic links)"
BROKEN_LINK = "broken symbolic link (its target does not exist)"


def broken_link_reason(path: str | os.PathLike[str]) -> str | None:
    """Why the symbolic link ``path``, which leads nowhere (``os.path.exists`` is False), cannot be followed: a
    loop, or a target that is gone; None when ``path`` is no symbolic link.  The words of every "cannot open"
    of a link (:func:`missing_reason`, and :func:`mtfix.io.inputs.iter_paths` for the inputs named).

    >>> broken_link_reason("/nonexistent") is None
    True
    """
    import errno

    if not os.path.islink(path):
        return None
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return LINK_LOOP
    return BROKEN_LINK


def missing_reason(path: str | os.PathLike[str]) -> str:
    """Why ``path``, which does not exist as far as ``os.path.exists`` says, cannot be opened: a symbolic link loop,
    a link whose target is gone (:func:`broken_link_reason`), ``-`` (standard input, where a file is named: a
    glossary, settings file, rule pack or decisions file; it said ``no such file``), or nothing there."""
    if os.fspath(path) == "-":
        return "`-` is standard input, which is read only for the texts to check: name the file"
    link = broken_link_reason(path)
    if link is not None:
        return link
    url = typed_url(path)
    if url is not None:
        return url_reason(url)
    return "no such file"


#: The schemes of a URL typed where a file belongs (``-g https://…/terms.tsv``): a path's first part ``https:``
_URL_SCHEMES = frozenset({"http", "https", "ftp", "ftps", "sftp", "file", "s3", "gs", "az", "abfs", "hdfs"})


def typed_url(path: str | os.PathLike[str]) -> str | None:
    """The URL ``path`` was typed as, or None: ``Path("https://example.com/g.tsv")`` shows as
    ``https:/example.com/g.tsv`` (one slash lost), which named no file and said so (session 31).

    >>> typed_url("https://example.com/g.tsv"), typed_url(Path("https://example.com/g.tsv")), typed_url("g.tsv")
    ('https://example.com/g.tsv', 'https://example.com/g.tsv', None)
    """
    text = os.fspath(path)
    scheme, colon, rest = text.partition(":")
    if not colon or scheme.lower() not in _URL_SCHEMES or not rest.startswith("/"):
        return None
    return f"{scheme}://{rest.lstrip('/')}" if scheme.lower() != "file" else f"{scheme}:///{rest.lstrip('/')}"


def url_reason(url: str) -> str:
    """What to say of a URL typed where a file belongs (mtfix makes no network request for a file).

    >>> url_reason("file:///tmp/g.tsv")
    'a file: URL (file:///tmp/g.tsv): name the file by its path, /tmp/g.tsv'
    """
    if url.lower().startswith("file:"):
        return f"a file: URL ({url}): name the file by its path, /{url[5:].lstrip('/')}"
    return (f"a URL ({url}), not a file: mtfix reads files on this machine and downloads nothing: download it "
            "and name the saved file")


#: What a failed ``os.getcwd`` means: the folder the shell is in was removed (a build, ``git worktree remove``)
CWD_GONE = ("the current folder no longer exists (it was removed or renamed after the shell entered it): "
            "cd to a folder that exists")


def cwd_gone() -> bool:
    """Whether the current folder has been removed (``os.getcwd`` fails), so a relative path means nothing.

    >>> cwd_gone()
    False
    """
    try:
        os.getcwd()
    except FileNotFoundError:
        return True
    return False


def read_only_note(folder: str | os.PathLike[str]) -> str:
    """`` (a read-only file system)`` when ``folder`` is on one (a disk mounted read-only), else empty: said after
    "is not writable" by ``-o DIR``'s check and, since session 40, by ``review -o FILE``'s."""
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return " (a read-only file system)"
    except (OSError, AttributeError):
        pass
    return ""
