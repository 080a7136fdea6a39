"""An editor's document URI as a file path (:func:`uri_to_path`)."""

from __future__ import annotations

import os
from urllib.parse import unquote_to_bytes, urlsplit


def uri_to_path(uri: str) -> str | None:
    """The file system path of a ``file:`` URI (None for other schemes); bytes that are
    not UTF-8 are kept as the OS would (surrogate escapes), never an error.

    >>> uri_to_path("file:///tmp/caf%E9.txt") == "/tmp/caf\\udce9.txt"
    True
    >>> uri_to_path("untitled:Untitled-1") is None
    True
    """
    try:
        parts = urlsplit(uri)
    except ValueError:
        return None
    if parts.scheme != "file":
        return None
    if os.name == "nt":  # pragma: no cover
        from pygls.uris import to_fs_path

        return to_fs_path(uri)
    path = os.fsdecode(unquote_to_bytes(parts.path))
    return f"//{parts.netloc}{path}" if parts.netloc and parts.netloc != "localhost" else path
