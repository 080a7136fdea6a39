"""What an editor reads in a finding (session 50), counted on realmt's development files and the demo article:

- the language server's diagnostics (and the CLI's text report lines) whose message carries the detector's internals
  ("detector:", "p=0.", "inputs:");
- spans offered two competing fixes: two findings over overlapping text whose fixes (an edit's result, or a
  suggestion) differ, as ``mtfix fix``, the review page and the quick fixes offer them;
- suggestions shown with a leading or trailing space ("(suggestion:  the)").

    python bench/editor_messages.py [--grammar off]

Development data only (realmt ``_dev``, the demo): it measures, nothing is fitted on it.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_data import read_jsonl, require_shared, shared_dir  # noqa: E402

from mtfix.config import Config  # noqa: E402
from mtfix.lsp.diagnostics import to_diagnostics  # noqa: E402
from mtfix.lsp.positions import LineIndex  # noqa: E402
from mtfix.model import Finding  # noqa: E402
from mtfix.pipeline import Pipeline  # noqa: E402

INTERNALS = re.compile(r"detector:|\bp=0\.|inputs: ")
EDGE_SPACE = re.compile(r"\(suggestion: (\s|.*\s\))")


def texts() -> list[tuple[str, str]]:
    """(name, text) of realmt's development sentences (MT and professional) and the demo article."""
    out = []
    for name in ("real_mt_dev.jsonl", "clean_news_dev.jsonl"):
        path = require_shared(shared_dir(), f"realmt/{name}", hint="set MTFIX_SHARED")
        out += [(f"{name}:{r['id']}", r["text"]) for r in read_jsonl(path)]
    import mtfix

    demo = Path(mtfix.__file__).parent / "demo" / "garbled-news.txt"
    out.append(("demo", demo.read_text(encoding="utf-8")))
    return out


def offered(f: Finding, text: str) -> set[str]:
    """What ``f``'s fixes make of its span: its edits' result, else each suggestion."""
    if f.edits:
        out, at = "", f.start
        for e in sorted(f.edits, key=lambda e: e.start):
            out += text[at : e.start] + e.replacement
            at = e.end
        return {out + text[at : f.end]}
    return set(f.suggestions)


def competing(findings: list[Finding], text: str) -> int:
    """Spans where two findings over overlapping text offer different fixes (counted once per pair of spans)."""
    fixing = [(f.start, f.end, offered(f, text)) for f in findings if offered(f, text)]
    pairs = set()
    for i, (a1, b1, o1) in enumerate(fixing):
        for a2, b2, o2 in fixing[i + 1 :]:
            if a1 < b2 and a2 < b1 and (len(o1 | o2) > 1):
                pairs.add(((a1, b1), (a2, b2)))
    return len(pairs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--grammar", default="off")
    args = ap.parse_args()
    diags = internals = cli_internals = edge = competing_spans = 0
    with Pipeline(Config(grammar=args.grammar)) as p:
        for _, text in texts():
            found = p.check(text).findings
            competing_spans += competing(found, text)
            cli_internals += sum(bool(INTERNALS.search(f.message)) for f in found)
            for d in to_diagnostics(found, LineIndex(text), "file:///t.txt"):
                diags += 1
                internals += bool(INTERNALS.search(d.message))
                edge += bool(EDGE_SPACE.search(d.message))
    print(f"diagnostics {diags}; with detector internals in the message {internals}; CLI text lines with them "
          f"{cli_internals}; spans with two competing fixes {competing_spans}; suggestions shown with an edge space "
          f"{edge}")


if __name__ == "__main__":
    main()
