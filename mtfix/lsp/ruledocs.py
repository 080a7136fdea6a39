"""The page an editor opens for a rule's documentation link (``codeDescription.href``).

An installed mtfix has no ``docs/`` folder, and until session 34 an mtfix rule's link opened the
module or pack file that documents it (``mtfix/garble/__init__.py`` for MTF401): Python or YAML
source, not documentation.  Now the server writes, on a rule's first diagnostic, that rule's own
section of docs/rules.md — the text ``mtfix explain CODE`` prints, rendered from the rule catalogue of
the running mtfix, so it is always the installed version's — to
``<cache dir>/rule-docs/<mtfix version>/<CODE>.md`` (atomically; rewritten only when its text
changed) and links there (``mtfix cache clean`` removes the pages; the server writes a page again when its
link is next needed): one small Markdown file per rule, so no anchor is needed (editors ignore a
``file://`` link's fragment).  When no page can be written (``MTFIX_NO_CACHE=1``, a read-only cache)
the link is the rule's section of the online docs/rules.md (its catalogue ``help_uri``); a code the
catalogue does not know (the server's own ``MTF000``) has no link.
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

from mtfix.version import __version__

_PAGES: dict[tuple[str, str], str | None] = {}  # (pages folder, code) → href, once per folder
_LOCK = threading.Lock()
_SAFE = re.compile(r"^[A-Za-z0-9_.-]+$")


def pages_dir() -> Path:
    """Where the rule pages go: ``<cache dir>/rule-docs/<mtfix version>``."""
    from mtfix.caching.cache import RULE_DOCS, root

    return root() / RULE_DOCS / __version__


def page_text(code: str) -> str | None:
    """The Markdown page of an mtfix rule (its docs/rules.md section under a title line), or None when
    the catalogue of bundled rules does not know ``code``."""
    from mtfix.catalogue import build_catalogue
    from mtfix.report.rules_markdown import section

    info = build_catalogue(with_lt=False).get(code)
    if info is None or info.code.startswith("LT:"):
        return None
    head = [f"# {info.code}: the rule's documentation (mtfix {__version__})", "",
            f"`mtfix explain {info.code}` prints the same in a terminal"
            + (f"; online: <{info.help_uri}>" if info.help_uri else "") + ".", ""]
    return "\n".join(head + section(info)).rstrip() + "\n"


def _folder() -> str:
    """The key of where pages go now: the pages folder, or ``""`` when none can be written
    (``MTFIX_NO_CACHE``, a cache folder that cannot be named)."""
    if os.environ.get("MTFIX_NO_CACHE"):
        return ""
    try:
        return str(pages_dir())
    except Exception:  # a `~nouser` in MTFIX_CACHE_DIR: no page
        return ""


def _write(code: str, text: str, folder: str) -> Path | None:
    """The page written in ``folder`` (or found already holding ``text``), or None when it cannot be."""
    if not folder or not _SAFE.match(code):
        return None
    try:
        from mtfix.io.textfile import atomic_write

        path = Path(folder) / f"{code}.md"
        data = text.encode("utf-8")
        try:
            if path.read_bytes() == data:
                return path
        except OSError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data)
        return path
    except Exception:  # a cache that cannot be written (a file in the way, read-only, a `~nouser`): no page
        return None


def _gone(href: str | None) -> bool:
    """A page this process wrote that is no longer there (``mtfix cache clean`` while the server runs)."""
    if not href or not href.startswith("file://"):
        return False
    from urllib.parse import unquote, urlparse

    return not Path(unquote(urlparse(href).path)).is_file()


def rule_page_href(code: str) -> str | None:
    """The link of mtfix rule ``code``'s documentation: its page's ``file://`` URI, else the online
    section (``help_uri``), else None (a code no catalogue documents).  Remembered per pages folder
    (until session 36 per code only, so after ``MTFIX_CACHE_DIR`` changed the page of the old folder was
    returned)."""
    folder = _folder()
    key = (folder, code)
    with _LOCK:
        if key in _PAGES and not _gone(_PAGES[key]):
            return _PAGES[key]
        href = None
        text = page_text(code)
        if text is not None:
            path = _write(code, text, folder)
            if path is not None:
                from mtfix.io.paths import real_path

                href = real_path(path).as_uri()
            else:
                from mtfix.catalogue import build_catalogue

                info = build_catalogue(with_lt=False).get(code)
                href = info.help_uri if info is not None else None
        _PAGES[key] = href
        return href
