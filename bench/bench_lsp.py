"""``mtfix server``: how long from a keystroke (didChange) to its diagnostics (publishDiagnostics)?

A real client (pygls' LanguageClient) starts ``python -m mtfix server --grammar off`` over
stdio, opens the 5 KB article of ``bench_hook.py`` (our own MT-style news text), then sends
``--changes`` edits one at a time, each a whole-document change that alters one word, and
times each from sending ``didChange`` to receiving ``publishDiagnostics`` for that version.
The time includes the server's debounce (default 50 ms), as an editor user waits for it;
``--debounce-ms 0`` shows the check alone.  Target: under 300 ms with LanguageTool off.

    python bench/bench_lsp.py
    python bench/bench_lsp.py --debounce-ms 0 --changes 50
    python bench/bench_lsp.py --long 3000 --changes 12

``--long N``: an editor's session on a long Markdown news file of N sentences (``bench/long_news.py``, our
own sentences): open, type a word into a paragraph in the middle one character at a time (incremental
changes: a range and its text, as editors send them), then ask for the code actions at that paragraph,
fix-all, and save; each timed from the request to its answer (a keystroke: to its diagnostics).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_hook import ARTICLE  # noqa: E402
from long_news import long_news  # noqa: E402

TARGET = 0.300
#: what VS Code says it can do with code actions (``--long``): edits naming the document's version, and an
#: action's edit resolved when it is picked (so a menu does not compute fix-all)
EDITOR_CAPABILITIES = types.ClientCapabilities(
    workspace=types.WorkspaceClientCapabilities(apply_edit=True, workspace_edit=types.WorkspaceEditClientCapabilities(
        document_changes=True)),
    text_document=types.TextDocumentClientCapabilities(code_action=types.CodeActionClientCapabilities(
        data_support=True, resolve_support=types.ClientCodeActionResolveOptions(properties=["edit"]))))


def server_args(debounce_ms: float | None) -> list[str]:
    """The server's command line after ``python``: ``--debounce-ms`` only when one is given (0 included)."""
    args = ["-m", "mtfix", "server", "--grammar", "off"]
    if debounce_ms is not None:
        args += ["--debounce-ms", str(debounce_ms)]
    return args


@contextlib.asynccontextmanager
async def served(client: LanguageClient, debounce_ms: float | None,
                 capabilities: types.ClientCapabilities) -> AsyncIterator[tuple[Path, float]]:
    """``mtfix server`` started by ``client`` in a fresh workspace (a temporary folder with ``.git``) and
    initialised; yields the folder and the ``perf_counter`` time the start began; shut down and exited after."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / ".git").mkdir()
        started = time.perf_counter()
        await client.start_io(sys.executable, *server_args(debounce_ms), cwd=str(root))
        await client.initialize_async(types.InitializeParams(capabilities=capabilities, root_uri=root.as_uri()))
        client.initialized(types.InitializedParams())
        yield root, started
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()


async def bench(changes: int, debounce_ms: float | None, text: str) -> dict[str, object]:
    client = LanguageClient("bench", "1")
    published: list[tuple[float, types.PublishDiagnosticsParams]] = []
    event = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(*args: types.PublishDiagnosticsParams) -> None:
        published.append((time.perf_counter(), args[-1]))
        event.set()

    async def wait_version(version: int, timeout: float = 60) -> tuple[float, types.PublishDiagnosticsParams]:
        deadline = time.monotonic() + timeout
        while True:
            for t, p in published:
                if p.version == version:
                    return t, p
            event.clear()
            await asyncio.wait_for(event.wait(), max(0.01, deadline - time.monotonic()))

    async with served(client, debounce_ms, types.ClientCapabilities()) as (root, t0):
        uri = (root / "article.txt").as_uri()
        t_open = time.perf_counter()
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
        t_first, first = await wait_version(1)
        startup, first_check = t_open - t0, t_first - t_open
        latencies = []
        words = ["talks", "meetings"]
        for i in range(changes):
            version = i + 2
            new = text.replace("The talks lasted", f"The {words[i % 2]} lasted", 1) + ("" if i % 2 else " ")
            sent = time.perf_counter()
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=new)]))
            got, _ = await wait_version(version)
            latencies.append(got - sent)
            await asyncio.sleep(0.05)
    return {"startup": startup, "first": first_check, "findings": len(first.diagnostics), "latencies": latencies}


async def bench_long(sentences: int, keystrokes: int, debounce_ms: float | None,
                     interval_ms: float = 0) -> dict[str, object]:
    """The ``--long`` session (see the module's docstring)."""
    text = long_news(sentences)
    client = LanguageClient("bench", "1")
    published: dict[int, tuple[float, types.PublishDiagnosticsParams]] = {}
    every: list[int | None] = []
    event = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(*args: types.PublishDiagnosticsParams) -> None:
        published.setdefault(args[-1].version or 0, (time.perf_counter(), args[-1]))
        every.append(args[-1].version)
        event.set()

    async def wait_version(version: int, timeout: float = 120) -> tuple[float, types.PublishDiagnosticsParams]:
        deadline = time.monotonic() + timeout
        while version not in published:
            event.clear()
            await asyncio.wait_for(event.wait(), max(0.01, deadline - time.monotonic()))
        return published[version]

    out: dict[str, object] = {"bytes": len(text.encode("utf-8")), "lines": text.count("\n") + 1}
    async with served(client, debounce_ms, EDITOR_CAPABILITIES) as (root, _):
        path = root / "news.md"
        path.write_text(text, encoding="utf-8")
        uri = path.as_uri()
        t0 = time.perf_counter()
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
        t1, first = await wait_version(1)
        out["first"], out["findings"] = t1 - t0, len(first.diagnostics)
        lines = text.split("\n")
        line = next(k for k in range(len(lines) // 2, len(lines)) if lines[k].startswith("The "))
        word, latencies = "Local ", []
        for i in range(keystrokes):  # "Local Local ..." typed at the paragraph's start, one character a time
            ch = word[i % len(word)]
            sent = time.perf_counter()
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=i + 2),
                content_changes=[types.TextDocumentContentChangePartial(
                    range=types.Range(types.Position(line, i), types.Position(line, i)), text=ch)]))
            got, last = await wait_version(i + 2)
            latencies.append(got - sent)
        out["latencies"] = latencies
        if interval_ms:  # typed at a steady pace, not waiting: the time from the last keystroke to its diagnostics
            base, before = keystrokes + 1, len(every)
            for i in range(keystrokes):
                if i:
                    await asyncio.sleep(interval_ms / 1000)
                sent = time.perf_counter()
                client.text_document_did_change(types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=base + i + 1),
                    content_changes=[types.TextDocumentContentChangePartial(
                        range=types.Range(types.Position(line, keystrokes + i), types.Position(line, keystrokes + i)),
                        text=word[i % len(word)])]))
            got, last = await wait_version(base + keystrokes)
            out["paced"] = (got - sent, len(every) - before)
        diags = [d for d in last.diagnostics if d.range.start.line == line]
        t0 = time.perf_counter()
        acts = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri), range=types.Range(types.Position(line, 0),
                                                                                 types.Position(line + 1, 0)),
            context=types.CodeActionContext(diagnostics=diags)))
        out["actions"], out["n_actions"] = time.perf_counter() - t0, len(acts or [])
        t0 = time.perf_counter()
        acts = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=types.Range(types.Position(0, 0), types.Position(len(lines), 0)),
            context=types.CodeActionContext(diagnostics=[], only=["source.fixAll.mtfix"])))
        out["fix_all"] = time.perf_counter() - t0
        fix_all = next((a for a in acts or [] if a.kind == "source.fixAll.mtfix"), None)
        if fix_all is not None and fix_all.edit is None:  # deferred: resolved on the way to apply it
            t0 = time.perf_counter()
            fix_all = await client.code_action_resolve_async(fix_all)
            out["fix_all"] = float(out["fix_all"]) + time.perf_counter() - t0  # type: ignore[arg-type]
        edit = fix_all.edit if fix_all is not None else None
        changes = [e for dc in (edit.document_changes or []) for e in getattr(dc, "edits", [])] if edit else []
        out["fix_all_edits"] = len(changes or ((edit.changes or {}).get(uri, []) if edit else []))
        before = len(every)
        event.clear()
        client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
        with contextlib.suppress(TimeoutError):  # a prose file's save is not checked again: nothing comes
            await asyncio.wait_for(event.wait(), 1.0)
        out["save_checks"] = len(every) - before
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--changes", type=int, default=30)
    ap.add_argument("--debounce-ms", type=float, default=None, help="passed to the server (default: its own, 50)")
    ap.add_argument("--file", type=Path, help="use this document instead of the built-in 5 KB article")
    ap.add_argument("--long", type=int, metavar="N", help="an editor's session on a Markdown file of N sentences")
    ap.add_argument("--split", action="store_true", help="--long: where a keystroke's time goes, in this process")
    ap.add_argument("--interval-ms", type=float, default=0, help="--long: then type --changes keystrokes this far "
                    "apart without waiting, and time the last one's diagnostics")
    a = ap.parse_args()
    if a.long:
        long_main(a)
        return
    text = a.file.read_text(encoding="utf-8") if a.file else ARTICLE
    r = asyncio.run(bench(a.changes, a.debounce_ms, text))
    lat = sorted(r["latencies"])  # type: ignore[arg-type]
    p90 = lat[min(len(lat) - 1, int(round(0.9 * (len(lat) - 1))))]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average (1 min) at the end {load:.2f}")
    print(f"document: {len(text.encode('utf-8'))} bytes, {r['findings']} diagnostics; "
          f"debounce: {'server default (50 ms)' if a.debounce_ms is None else f'{a.debounce_ms:g} ms'}")
    print(f"server start + initialize: {r['startup']:.3f} s; first diagnostics after didOpen: {r['first']:.3f} s")
    print(f"didChange → publishDiagnostics over {len(lat)} changes: median {statistics.median(lat) * 1000:.0f} ms, "
          f"p90 {p90 * 1000:.0f} ms, best {lat[0] * 1000:.0f} ms, worst {lat[-1] * 1000:.0f} ms "
          f"(target < {TARGET * 1000:.0f} ms: {'met' if statistics.median(lat) < TARGET else 'NOT met'} at the median, "
          f"{'met' if p90 < TARGET else 'NOT met'} at p90)")


def split_long(sentences: int, runs: int = 5) -> dict[str, float]:
    """Where a keystroke's time goes, in this process (the server's steps, one after the other): the document
    built (Markdown read, sentences cut), the fast pipeline's check, the findings made diagnostics, and those
    made the JSON the server sends; each the median over ``runs`` one-character edits in the middle."""
    import json

    from lsprotocol.converters import get_converter

    from mtfix.config import Config
    from mtfix.lsp.diagnostics import to_diagnostics
    from mtfix.lsp.positions import LineIndex
    from mtfix.lsp.workspace import build_document
    from mtfix.pipeline import Pipeline

    text = long_news(sentences)
    pipeline, conv = Pipeline(Config(grammar="off")), get_converter()
    pipeline.check(build_document(text, None, "markdown"))  # warm: word lists, the detector's sentence memo
    steps: dict[str, list[float]] = {"build": [], "check": [], "diagnostics": [], "json": []}
    for k in range(runs):
        mid = len(text) // 2
        edited = text[:mid] + "x" * (k + 1) + text[mid:]
        t0 = time.perf_counter()
        doc = build_document(edited, None, "markdown")
        t1 = time.perf_counter()
        found = pipeline.check(doc).findings
        t2 = time.perf_counter()
        diags = to_diagnostics(found, LineIndex(edited, "utf-16"), "file:///news.md")
        t3 = time.perf_counter()
        json.dumps(conv.unstructure(diags))
        t4 = time.perf_counter()
        for name, t in zip(steps, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            steps[name].append(t)
    return {name: statistics.median(ts) for name, ts in steps.items()}


def long_main(a: argparse.Namespace) -> None:
    if a.split:
        parts = split_long(a.long)
        print(f"in process, {a.long} sentences, median of 5 edits: " + ", ".join(
            f"{k} {v * 1000:.0f} ms" for k, v in parts.items()) + f"; total {sum(parts.values()) * 1000:.0f} ms")
        return
    r = asyncio.run(bench_long(a.long, a.changes, a.debounce_ms, a.interval_ms))
    lat = sorted(r["latencies"])  # type: ignore[arg-type]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average (1 min) at the end {load:.2f}")
    print(f"document: {a.long} sentences of Markdown, {r['bytes']} bytes, {r['lines']} lines, {r['findings']} "
          f"diagnostics; debounce: {'server default (50 ms)' if a.debounce_ms is None else f'{a.debounce_ms:g} ms'}")
    print(f"first diagnostics after didOpen: {r['first']:.3f} s")
    print(f"keystroke (incremental didChange in the middle) → publishDiagnostics over {len(lat)}: median "
          f"{statistics.median(lat) * 1000:.0f} ms, best {lat[0] * 1000:.0f} ms, worst {lat[-1] * 1000:.0f} ms")
    if "paced" in r:
        t, n = r["paced"]  # type: ignore[misc]
        print(f"{a.changes} keystrokes {a.interval_ms:g} ms apart: the last one's diagnostics {t * 1000:.0f} ms after "
              f"it; {n} publications (checks still current when done) for {a.changes} versions")
    print(f"code actions at the edited paragraph: {r['actions'] * 1000:.0f} ms ({r['n_actions']} actions); "
          f"fix-all: {r['fix_all'] * 1000:.0f} ms ({r['fix_all_edits']} edits); save: "
          f"{'checked again' if r['save_checks'] else 'not checked again (nothing published within 1 s)'}")


if __name__ == "__main__":
    main()
