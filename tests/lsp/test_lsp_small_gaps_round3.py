"""The language server's small gaps, session 30 round 3, through a real LSP client: a ``~nouser`` cache
folder said once at start; a server whose working folder was removed checks an untitled document."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, workspace  # noqa: E402
from test_lsp_server import run  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
NEWS = "The delegation visited the the plant on Tuesday.\n"


def test_a_cache_folder_of_no_user_is_said_once_at_start_and_documents_are_checked(tmp_path: Path) -> None:
    """``MTFIX_CACHE_DIR='~nouser/cache'``: each document showed an error of its own (the CLI refuses it before
    any file).  Now one message at start names the variable and what to do, and documents are checked
    without the cache."""
    root = workspace(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(REPO), MTFIX_CACHE_DIR="~mtfixnosuchuser/cache")

    async def scenario() -> list[str]:
        h = Harness(root, env=env)
        await h.start()
        try:
            _, first = await h.open_checked("a.txt", NEWS)
            _, second = await h.open_checked("b.txt", NEWS)
            assert "MTF105" in [str(d.code) for d in first] and "MTF105" in [str(d.code) for d in second]
            assert all(d.source == "mtfix" and str(d.code).startswith("MTF") for d in first + second), first
        finally:
            await h.stop()
        return h.messages

    messages = run(scenario())
    about = [m for m in messages if "MTFIX_CACHE_DIR" in m]
    assert len(about) == 1, messages
    assert "~mtfixnosuchuser" in about[0] and "name the folder in full" in about[0], about
    assert "without the cache" in about[0], about


def test_an_untitled_document_is_checked_after_the_working_folder_is_removed(tmp_path: Path) -> None:
    """The server's working folder removed under it (a deleted build folder): a document with no path
    (``untitled:``) and a server started with no workspace folder still gets its diagnostics."""
    gone = tmp_path / "gone"
    gone.mkdir()
    env = dict(os.environ, PYTHONPATH=str(REPO), MTFIX_CACHE_DIR=str(tmp_path / "cache"))

    async def scenario() -> None:
        h = Harness(gone, env=env)
        # started as an editor opened with a lone untitled buffer does: no workspace folder, no root
        await h.client.start_io(sys.executable, "-m", "mtfix", "server", *h.args, cwd=str(gone),
                                env=dict(env, PYTHONUNBUFFERED="1"))
        await asyncio.wait_for(h.client.initialize_async(types.InitializeParams(capabilities=h.capabilities)), 60)
        h.client.initialized(types.InitializedParams())
        try:
            shutil.rmtree(gone)
            uri = "untitled:Untitled-1"
            h.open(uri, NEWS)
            diags = (await h.diagnostics(uri, 1)).diagnostics
            assert "MTF105" in [str(d.code) for d in diags], (diags, h.messages)
        finally:
            await h.stop()
        assert "Traceback" not in h.stderr, h.stderr

    run(scenario())
