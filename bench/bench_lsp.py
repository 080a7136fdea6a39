"""``mtfix server``: how long from a keystroke (didChange) to its diagnostics (publishDiagnostics)?

A real client (pygls' LanguageClient) starts ``python -m mtfix server --grammar off`` over
stdio, opens the 5 KB article of ``bench_hook.py`` (our own MT-style news text), then sends
``--changes`` edits one at a time, each a whole-document change that alters one word, and
times each from sending ``didChange`` to receiving ``publishDiagnostics`` for that version.
The time includes the server's debounce (default 50 ms), as an editor user waits for it;
``--debounce-ms 0`` shows the check alone.  Target: under 300 ms with LanguageTool off.

    python bench/bench_lsp.py
    python bench/bench_lsp.py --debounce-ms 0 --changes 50
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_hook import ARTICLE  # noqa: E402

TARGET = 0.300


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

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / ".git").mkdir()
        args = ["-m", "mtfix", "server", "--grammar", "off"]
        if debounce_ms is not None:
            args += ["--debounce-ms", str(debounce_ms)]
        t0 = time.perf_counter()
        await client.start_io(sys.executable, *args, cwd=str(root))
        await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(),
                                                             root_uri=root.as_uri()))
        client.initialized(types.InitializedParams())
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
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    return {"startup": startup, "first": first_check, "findings": len(first.diagnostics), "latencies": latencies}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--changes", type=int, default=30)
    ap.add_argument("--debounce-ms", type=float, default=None, help="passed to the server (default: its own, 50)")
    ap.add_argument("--file", type=Path, help="use this document instead of the built-in 5 KB article")
    a = ap.parse_args()
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


if __name__ == "__main__":
    main()
