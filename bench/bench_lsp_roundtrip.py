"""An editor's round trip on a long article, in instructions of the server process (session 44): the real LSP client
(tests/lsp/lsp_harness.py, pygls over stdio) drives ``mtfix server --grammar off`` run under valgrind's cachegrind
(no cache simulation) on ``bench/editor_article.py``'s ~30 KB Markdown article, three times: (a) started, a
one-sentence file checked (the models loaded) and shut down, (b) the article opened and its first diagnostics received, (c) then a one-character edit in the middle (an incremental
range change) and its diagnostics.  b − a: didOpen → first diagnostics; c − b: the re-check after the edit.
Instructions, not wall time: the machine is shared.  (callgrind's monitor commands through vgdb were tried to count the
phases in one run: they reach a server blocked in a read only when it wakes, and counted 0.)

    python bench/bench_lsp_roundtrip.py [--sentences 320] [--split] [--garbled] [--word] [--full-sync] [--wall 15]
                                        [--po 3000 | --srt 1500]

(session 46: ``--garbled`` the article in MT's phrasing, ``--word`` a one-word edit, ``--full-sync`` the edit sent as the
whole text; ``--sentences 3200`` gives a 300 KB article.  Session 48: ``--wall N``, no valgrind: N one-word edits at
spread places, each waited for, sent to ``mtfix server --grammar off --debounce-ms 0``; the median and the fastest wall
time from the change sent to its diagnostics received.  The server is the ``mtfix`` that ``PYTHONPATH`` names, so
that one script times two trees.  Session 53: ``--po N``, a PO file of N entries (the article's sentences) edited in
its middle entry.  Session 54: ``--srt N``, an SRT file of N cues edited in its middle cue.)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "lsp"))
from editor_article import article, garbled_article, sentence  # noqa: E402
from lsp_harness import Harness, workspace  # noqa: E402
from lsprotocol import types  # noqa: E402


def _summary(path: Path, field: str = "summary:") -> int:
    for line in path.read_text(errors="replace").splitlines():
        if line.startswith(field):
            return int(line.split()[1])
    raise SystemExit(f"cachegrind wrote no summary to {path} (the server did not exit by itself)")


def po_file(entries: int) -> str:
    """A PO file of ``entries`` entries, each msgstr one of the article's sentences (session 53's ``--po``)."""
    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    said = (sentence(i).replace("\\", "\\\\").replace('"', '\\"') for i in range(entries))
    ids = ("".join(chr(97 + i // 26 ** k % 26) for k in range(3)) for i in range(entries))  # no digit: no MTF501
    return "\n".join([head, *(f'msgid "entry {n}"\nmsgstr "{s}"\n' for n, s in zip(ids, said, strict=True))])


def srt_file(cues: int) -> str:
    """An SRT file of ``cues`` cues, each one of the article's sentences, two seconds apart (session 54's ``--srt``)."""
    def at(s: int) -> str:
        return f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d},000"

    return "".join(f"{i + 1}\n{at(2 * i)} --> {at(2 * i + 1)}\n{sentence(i)}\n\n" for i in range(cues))


async def session(text: str, steps: int, word: bool = False, full: bool = False, po: bool = False,
                  srt: bool = False) -> tuple[int, int]:
    """The server's instructions for ``steps`` of (open, edit) and the diagnostics of the last step's publication;
    ``word``: the edit types a word (`` again`` before a sentence's stop) instead of one character; ``full``: the edit
    is sent as the whole text (full sync) instead of a range (session 46); ``po``: ``text`` is a PO file, edited in
    its middle entry's msgstr (session 53); ``srt``: ``text`` is an SRT file, edited in its middle cue (session 54)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = workspace(Path(tmp))
        out = Path(tmp) / "cachegrind.out"
        h = Harness(root, command=("valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}",
                                   sys.executable, "-m", "mtfix", "server", "--grammar", "off"))
        await _start(h)
        name = "entries.po" if po else "cues.srt" if srt else "article.md"
        uri, count = (root / name).as_uri(), 0
        warm = (root / "warm.txt").as_uri()  # the models loaded and warmed alike in every run, whatever the timing
        h.open(warm, "The talks went on.")
        await h.diagnostics(warm, 1, timeout=1800)
        if steps >= 1:
            h.open(uri, text, "po" if po else "srt" if srt else "markdown")
            count = len((await h.diagnostics(uri, 1, timeout=1800)).diagnostics)
        if steps >= 2:
            middle = text.index("\n\n", len(text) // 2)  # the end of a paragraph (a PO entry, a cue) in the middle
            middle -= 1 if po else 0  # the msgstr's closing quote: the word goes before its stop (review: was inside
            # the last word, "upstrea again m.", in session 53's figure)
            at, typed = (middle - 1, " again") if word else (middle, "x")
            line, col = text.count("\n", 0, at), at - (text.rfind("\n", 0, at) + 1)
            after = len(h.published)
            change: types.TextDocumentContentChangeEvent = (
                types.TextDocumentContentChangeWholeDocument(text=text[:at] + typed + text[at:]) if full
                else types.TextDocumentContentChangePartial(
                    range=types.Range(types.Position(line, col), types.Position(line, col)), text=typed))
            h.client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2), content_changes=[change]))
            count = len((await h.diagnostics(uri, 2, after=after, timeout=1800)).diagnostics)
        await asyncio.wait_for(h.client.shutdown_async(None), 1800)
        h.client.exit(None)
        server = h.client._server
        await asyncio.wait_for(server.wait(), 1800)
        await h.client.stop()
        return _summary(out), count


async def _start(h: Harness) -> None:
    """The harness's start with the time valgrind needs to bring the server up (minutes on a shared machine)."""
    await h.client.start_io(*h.command, cwd=str(h.root), env=dict(os.environ, PYTHONUNBUFFERED="1"))
    await asyncio.wait_for(h.client.initialize_async(types.InitializeParams(
        capabilities=h.capabilities, root_uri=h.root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=h.root.as_uri(), name="ws")])), 1200)
    h.client.initialized(types.InitializedParams())


async def _open(h: Harness, uri: str, text: str) -> types.PublishDiagnosticsParams:
    h.open(uri, text, "markdown")
    return await h.diagnostics(uri, 1, timeout=900)


_PROBE = """#include <valgrind/callgrind.h>
void probe_on(void) { CALLGRIND_ZERO_STATS; CALLGRIND_START_INSTRUMENTATION; }
void probe_off(void) { CALLGRIND_STOP_INSTRUMENTATION; CALLGRIND_DUMP_STATS; }
"""


def split(sentences: int) -> None:
    """``--split``: where a one-character edit's re-check goes, step by step as the server does it
    (``MtfixLanguageServer._check``, then ``to_diagnostics``), after a first check of the article, in this process run
    again under callgrind; each step bracketed by callgrind's client requests (a small C probe built with gcc)."""
    import ctypes
    import subprocess

    if os.environ.get("MTFIX_SPLIT_DIR") is None:
        tmp = Path(tempfile.mkdtemp())
        (tmp / "probe.c").write_text(_PROBE)
        subprocess.run(["gcc", "-shared", "-fPIC", "-O1", "-o", str(tmp / "probe.so"), str(tmp / "probe.c")], check=True)
        raise SystemExit(subprocess.call(
            ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={tmp}/callgrind.out",
             sys.executable, __file__, "--split", "--sentences", str(sentences)],
            env=dict(os.environ, MTFIX_SPLIT_DIR=str(tmp)), stderr=subprocess.DEVNULL))
    from mtfix.config import Config
    from mtfix.lsp.diagnostics import reading_sentences, to_diagnostics
    from mtfix.lsp.positions import LineIndex
    from mtfix.lsp.workspace import build_document
    from mtfix.pipeline import Pipeline

    tmp = Path(os.environ["MTFIX_SPLIT_DIR"])
    probe = ctypes.CDLL(str(tmp / "probe.so"))
    text = article(sentences)
    pipeline = Pipeline(Config(grammar="off"))
    try:  # the server keeps the blocks it split into sentences (session 51)
        from mtfix.segment import BlockMemo

        memo = {"memo": BlockMemo()}
    except ImportError:  # a tree before session 51: every block cut again
        memo = {}
    pipeline.check(build_document(text, "article.md", "markdown", **memo))
    try:  # the server parses the Markdown again around the edit only (session 50)
        from mtfix.formats.markdown_incremental import reparse
    except ImportError:  # a tree before session 50: the whole text
        reparse = None
    before = reparse(text) if reparse is not None else None
    middle = text.index("\n\n", len(text) // 2)
    text = text[:middle] + "x" + text[middle:]
    steps: dict[str, int] = {}

    def counted(name: str, work):  # noqa: ANN001, ANN202
        probe.probe_on()
        result = work()
        probe.probe_off()
        dumps = sorted(tmp.glob("callgrind.out.*"), key=lambda p: int(p.name.rsplit(".", 1)[1]))
        steps[name] = _summary(dumps[-1], "totals:")  # a dump after a zeroing says "summary: 0"
        return result

    doc = counted("document built (Markdown read, sentences cut)", lambda: build_document(
        text, "article.md", "markdown", *([reparse(text, before)] if reparse is not None else []), **memo))
    result = counted("fast pipeline's check", lambda: pipeline.check(doc))
    counted("findings → diagnostics", lambda: to_diagnostics(
        result.findings, LineIndex(text), "file:///article.md",
        sentences=reading_sentences(result.document, result.findings)))
    for name, n in steps.items():
        print(f"{name}: {n / 1e6:,.1f} M instructions")
    print(f"the three, in-process: {sum(steps.values()) / 1e6:,.1f} M instructions")


async def wall(text: str, edits: int, full: bool = False) -> list[float]:
    """The wall seconds of ``edits`` one-word edits (`` again`` before a paragraph's end, at spread places), each from
    the change sent to its diagnostics received, by a server with no debounce."""
    import time

    with tempfile.TemporaryDirectory() as tmp:
        root = workspace(Path(tmp))
        h = Harness(root, args=("--grammar", "off", "--debounce-ms", "0"))
        await h.start()
        try:
            uri = (root / "article.md").as_uri()
            await _open(h, uri, text)
            ends = [k for k in range(len(text)) if text.startswith("\n\n", k)]
            times: list[float] = []
            for n in range(edits):
                at = ends[(n * 7919) % len(ends)] - 1
                line, col = text.count("\n", 0, at), at - (text.rfind("\n", 0, at) + 1)
                text = text[:at] + " again" + text[at:]
                change: types.TextDocumentContentChangeEvent = (
                    types.TextDocumentContentChangeWholeDocument(text=text) if full
                    else types.TextDocumentContentChangePartial(
                        range=types.Range(types.Position(line, col), types.Position(line, col)), text=" again"))
                after = len(h.published)
                start = time.perf_counter()
                h.client.text_document_did_change(types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=n + 2), content_changes=[change]))
                await h.diagnostics(uri, n + 2, after=after, timeout=300)
                times.append(time.perf_counter() - start)
                ends = [k for k in range(len(text)) if text.startswith("\n\n", k)]
            return times
        finally:
            await h.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=320)
    ap.add_argument("--split", action="store_true", help="where a re-check's instructions go, in-process")
    ap.add_argument("--garbled", action="store_true", help="the article in MT's phrasing (editor_article --garbled)")
    ap.add_argument("--word", action="store_true", help="type a word (' again') instead of one character")
    ap.add_argument("--full-sync", action="store_true", help="send the edit as the whole text, not a range")
    ap.add_argument("--wall", type=int, default=0, metavar="N", help="N one-word edits timed, no valgrind")
    ap.add_argument("--po", type=int, default=0, metavar="N", help="a PO file of N entries instead of the article")
    ap.add_argument("--srt", type=int, default=0, metavar="N", help="an SRT file of N cues instead of the article")
    a = ap.parse_args()
    if (a.po or a.srt) and (a.wall or a.split or a.garbled or (a.po and a.srt)):
        ap.error("--po and --srt measure instructions of a PO or SRT file: one of them, not with --wall, --split or "
                 "--garbled")
    if a.split:
        split(a.sentences)
        return
    text = po_file(a.po) if a.po else srt_file(a.srt) if a.srt else garbled_article(a.sentences * 230 // 320) if a.garbled else article(a.sentences)
    if a.wall:
        times = sorted(asyncio.run(wall(text, a.wall, a.full_sync)))
        print(f"article: {len(text.encode()):,} bytes; {a.wall} one-word edits{' (full sync)' if a.full_sync else ''}: "
              f"median {times[len(times) // 2] * 1000:.1f} ms, fastest {times[0] * 1000:.1f} ms, change → diagnostics")
        return

    async def all_three() -> list[tuple[int, int]]:
        return list(await asyncio.gather(*(session(text, k, a.word, a.full_sync, bool(a.po), bool(a.srt)) for k in range(3))))

    (idle, _), (opened, first), (edited, after) = asyncio.run(all_three())
    print(f"article: {len(text.encode()):,} bytes; diagnostics {first} at open, {after} after the edit")
    print(f"server started, one sentence checked, shut down: {idle / 1e6:,.1f} M instructions")
    print(f"didOpen → first diagnostics: {(opened - idle) / 1e6:,.1f} M instructions")
    what = ("one-word" if a.word else "one-character") + (" full-sync" if a.full_sync else "")
    print(f"{what} edit → its diagnostics: {(edited - opened) / 1e6:,.1f} M instructions")


if __name__ == "__main__":
    main()
