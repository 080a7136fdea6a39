"""The language server's check of one document in-process, as an edit chain's tests compare it with a check from
nothing (``test_subtitle_recheck_s54.py``, ``test_unit_diagnostics_s54.py``)."""

from __future__ import annotations

from typing import Any

from mtfix.lsp.server import MtfixLanguageServer


def diagnostics_after_check(ls: MtfixLanguageServer, uri: str, version: int, text: str, kind: str,
                            path: str) -> list[Any]:
    """Check ``text`` as version ``version`` of ``uri`` (kept as the server's state, so that the next check may
    reuse it) and return the diagnostics the server would publish."""
    state, _ = ls._check(uri, version, text, kind, path, "utf-16")
    ls.states[uri] = state
    return ls.diagnostics_of(state)
