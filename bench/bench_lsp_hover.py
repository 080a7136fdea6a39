"""What an editor's hover says over a garbled article's judged sentences in the language server (session 49), through
the real LSP client (tests/lsp/lsp_harness.py) and ``mtfix server --grammar off``.

For every word of every sentence that garbled-sentence findings judge (MTF120, MTF401-MTF407), the hover a VS
Code-like client shows there: the diagnostics under the cursor with their related lines, and the server's own hover.
Counted: the words where it shows nothing, and at each underline how often a sign (MTF402-MTF407) is said there
(its own diagnostic, a related line "MTF405: …", MTF401's words for it): at most once is the aim.

    python bench/bench_lsp_hover.py [--sentences 60]
    python bench/bench_lsp_hover.py --file examples/garbled-news.txt    # a text of one's own (plain text)

Run it with the tree to measure on ``PYTHONPATH`` (the server is started from it).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "lsp"))
from editor_article import garbled_article  # noqa: E402
from lsp_harness import Harness, hover, workspace  # noqa: E402
from lsprotocol import types  # noqa: E402

from mtfix.garble.messages import EVIDENCE  # noqa: E402
from mtfix.garble.rules import SIGN_CODES  # noqa: E402
from mtfix.lsp.positions import LineIndex  # noqa: E402
from mtfix.model import SENTENCE_WIDE_CODES  # noqa: E402

_SENTENCE = "the sentence to judge whole"


def _under(d: types.Diagnostic, at: tuple[int, int]) -> bool:
    return (d.range.start.line, d.range.start.character) <= at < (d.range.end.line, d.range.end.character)


def _times_said(diags: list[types.Diagnostic], at: tuple[int, int]) -> dict[str, int]:
    """How often each sign code is said in the diagnostics' hover at ``at``."""
    out: dict[str, int] = {}
    for d in diags:
        if not _under(d, at):
            continue
        if d.code in SIGN_CODES.values():
            out[str(d.code)] = out.get(str(d.code), 0) + 1
        for r in d.related_information or []:
            code = r.message.split(":", 1)[0]
            if code in SIGN_CODES.values():
                out[code] = out.get(code, 0) + 1
        if d.code == "MTF401":
            for name, code in SIGN_CODES.items():
                if EVIDENCE.get(name, "\0") in d.message:
                    out[code] = out.get(code, 0) + 1
    return out


async def measure(text: str, name: str = "article.md") -> dict[str, int]:
    """The counts over ``text``, opened as ``name`` (Markdown or, for another suffix, plain text)."""
    idx = LineIndex(text)
    with tempfile.TemporaryDirectory() as tmp:
        h = Harness(workspace(Path(tmp)))
        await h.start()
        uri, diags = await h.open_checked(name, text, "markdown" if name.endswith(".md") else "plaintext")
        judged = [d for d in diags if d.code in SENTENCE_WIDE_CODES]
        sentences = {(r.location.range.start.line, r.location.range.start.character,
                      r.location.range.end.line, r.location.range.end.character)
                     for d in judged for r in (d.related_information or [])[:1] if r.message.startswith(_SENTENCE)}
        sentences |= {(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)
                      for d in judged if not (d.related_information or [None])[0]
                      or not d.related_information[0].message.startswith(_SENTENCE)}
        words = silent = ours = 0
        for sl, sc, el, ec in sorted(sentences):
            a, b = idx.offset(sl, sc), idx.offset(el, ec)
            for m in re.finditer(r"\w+", text[a:b]):
                at = idx.position(a + m.start())
                words += 1
                got = await hover(h, uri, *at)
                ours += got is not None
                silent += got is None and not any(_under(d, at) for d in diags)
        said = [max(_times_said(diags, (d.range.start.line, d.range.start.character)).values(), default=0)
                for d in judged]
        assert await h.stop() == 0
    return {"sentences": len(sentences), "words": words, "silent": silent, "server hover": ours,
            "underlines": len(judged), "most said": max(said, default=0), "said more than once": sum(s > 1 for s in said)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=60, help="the garbled article's sentences (default 60)")
    ap.add_argument("--file", type=Path, help="measure this text instead of the garbled article")
    args = ap.parse_args()
    if args.file:
        got = asyncio.run(measure(args.file.read_text(encoding="utf-8"), "article.txt"))
    else:
        got = asyncio.run(measure(garbled_article(args.sentences)))
    print(f"{args.file or f'garbled article, {args.sentences} sentences'}: {got['sentences']} judged sentences, {got['words']} words; "
          f"hover shows nothing on {got['silent']}, the server's own on {got['server hover']}; "
          f"{got['underlines']} underlines, a sign said at most {got['most said']} times at one, "
          f"more than once at {got['said more than once']}")


if __name__ == "__main__":
    main()
