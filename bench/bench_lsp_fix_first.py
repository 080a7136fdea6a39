"""Where a finding's own fix stands in the language server's quick-fix menu (session 49), through the real LSP client
(tests/lsp/lsp_harness.py) and ``mtfix server --grammar off``.

For each finding with a fix or a suggestion, the editor puts the cursor on its underline and opens the quick fixes,
as VS Code asks: the underline's range, with every diagnostic that overlaps it.  Counted: the findings whose own
fix is not the menu's first entry (Enter takes the first), and the arrow presses to reach it, summed.

    python bench/bench_lsp_fix_first.py examples/garbled-news.txt [more files]
    python bench/bench_lsp_fix_first.py --garbled 60          # bench/editor_article.py's garbled article

Run it with the tree to measure on ``PYTHONPATH`` (the server is started from it).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "lsp"))
from editor_article import garbled_article  # noqa: E402
from lsp_harness import Harness, workspace  # noqa: E402
from lsprotocol import types  # noqa: E402


def _overlaps(d: types.Diagnostic, r: types.Range) -> bool:
    a, b = (d.range.start.line, d.range.start.character), (d.range.end.line, d.range.end.character)
    return a <= (r.end.line, r.end.character) and b >= (r.start.line, r.start.character)


def _own(title: str, code: str) -> bool:
    return title.startswith(f"mtfix: fix {code}:") or f"({code} suggestion" in title


async def measure(name: str, text: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as tmp:
        h = Harness(workspace(Path(tmp)))
        await h.start()
        uri, diags = await h.open_checked(name, text, "markdown" if name.endswith(".md") else "plaintext")
        mended = not_first = presses = 0
        for d in diags:
            acts = await h.client.text_document_code_action_async(types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri), range=d.range,
                context=types.CodeActionContext(diagnostics=[x for x in diags if _overlaps(x, d.range)])))
            titles = [a.title for a in acts or []]
            at = next((i for i, t in enumerate(titles) if _own(t, str(d.code))), None)
            if at is None:
                continue
            mended += 1
            not_first += at > 0
            presses += at
        assert await h.stop() == 0
    return {"findings": len(diags), "with a fix": mended, "fix not first": not_first, "arrow presses": presses}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--garbled", type=int, help="measure bench/editor_article.py's garbled article of N sentences")
    args = ap.parse_args()
    texts = [(f.name, f.read_text(encoding="utf-8")) for f in args.files]
    if args.garbled:
        texts.append((f"garbled-{args.garbled}.md", garbled_article(args.garbled)))
    for name, text in texts:
        got = asyncio.run(measure(name, text))
        print(f"{name}: {got['findings']} findings, {got['with a fix']} with a fix or suggestion; the fix not the "
              f"menu's first on {got['fix not first']}, {got['arrow presses']} arrow presses to reach them")


if __name__ == "__main__":
    main()
