"""How many code actions an editor takes to clear a garbled article's sentence judgements in the language server
(session 48), through the real LSP client (tests/lsp/lsp_harness.py) and ``mtfix server --grammar off``.

The editor goes through the article's garbled-sentence findings (MTF120, MTF401-MTF407) from the top: on the first
one left, asks for the actions and takes "leave this sentence as is" when the server offers it, else "ignore CODE
on this line" (the server before session 48), applies its edit and waits for the new diagnostics; until none is left.
Counted: the actions taken, and the judgement findings of *other* sentences an action silenced too (never looked at:
a line's ignore on a paragraph written on one line silences its other sentences' findings of that code).

    python bench/bench_lsp_leave.py [--sentences 100] [--wrapped]

``--wrapped``: each paragraph's sentences on lines of their own (a paragraph wrapped at its sentences), where a line's
ignore silences one sentence only.

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
from lsp_harness import Harness, apply_text_edits, edits_of, workspace  # noqa: E402
from lsprotocol import types  # noqa: E402

try:
    from mtfix.model import SENTENCE_WIDE_CODES as JUDGED
except ImportError:  # a tree before session 48 (the codes were written in mtfix/lsp/diagnostics.py's pattern)
    from mtfix.lsp.diagnostics import SENTENCE_WIDE  # type: ignore[attr-defined]

    JUDGED = frozenset(c for c in ("MTF120", *(f"MTF40{i}" for i in range(1, 8))) if SENTENCE_WIDE.fullmatch(c))


def _inside(d: types.Diagnostic, r: types.Range) -> bool:
    at = (d.range.start.line, d.range.start.character)
    return (r.start.line, r.start.character) <= at < (r.end.line, r.end.character)


async def clear(text: str) -> dict[str, int]:
    """The actions taken to clear ``text``'s sentence judgements, and what they silenced."""
    with tempfile.TemporaryDirectory() as tmp:
        h = Harness(workspace(Path(tmp)))
        await h.start()
        uri, diags = await h.open_checked("article.md", text, "markdown")
        version, taken, unseen = 1, 0, 0
        first = left = [d for d in diags if d.code in JUDGED]
        rest, now_rest = sum(1 for d in diags if d.code not in JUDGED), None
        while left:
            d = left[0]
            sentence = d.related_information[0].location.range if d.related_information else d.range
            acts = await h.client.text_document_code_action_async(types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri), range=d.range,
                context=types.CodeActionContext(diagnostics=[d])))
            acts = [a for a in acts or [] if isinstance(a, types.CodeAction) and a.edit is not None]
            pick = next((a for a in acts if a.title.startswith("mtfix: leave this sentence as is")), None) or next(
                a for a in acts if a.title.startswith(f"mtfix: ignore {d.code}") and a.title.endswith(" on this line"))
            text = apply_text_edits(text, edits_of(pick.edit, uri))
            version += 1
            h.change(uri, text, version)
            published = (await h.diagnostics(uri, version, timeout=600)).diagnostics
            now = [x for x in published if x.code in JUDGED]
            now_rest = sum(1 for x in published if x.code not in JUDGED)
            taken += 1
            judged = sum(1 for x in left if _inside(x, sentence) or x.range == d.range)
            unseen += max(0, len(left) - len(now) - judged)
            left = now
        assert await h.stop() == 0
    return {"findings": len(first), "actions": taken, "silenced unseen": unseen, "other findings": rest,
            "other findings after": rest if now_rest is None else now_rest}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=100, help="the garbled article's sentences (default 100)")
    ap.add_argument("--wrapped", action="store_true", help="each sentence of a paragraph on a line of its own")
    args = ap.parse_args()
    text = garbled_article(args.sentences)
    if args.wrapped:
        text = re.sub(r"(?<=[a-z]\.) (?=[A-Z])", "\n", text)
    got = asyncio.run(clear(text))
    print(f"garbled article, {args.sentences} sentences{', wrapped' if args.wrapped else ''}: {got['findings']} sentence-judgement findings, "
          f"{got['actions']} actions to clear them, {got['silenced unseen']} of other sentences silenced unseen; "
          f"other findings {got['other findings']} before, {got['other findings after']} after")


if __name__ == "__main__":
    main()
