"""Character references read as the characters they stand for (session 31): a page with its letters as references.

Pages are built at run time, as ``bench/html_pages.py`` builds them (references for ``&``, ``<``, ``>`` and
``&#8217;``, a ``<strong>`` first word, a link on a name), in two spellings: ``literal`` (every other character as
it is) and ``refs`` (every non-ASCII character of the prose as a numeric reference, ``Bak&#305;``, as some CMS
and MT pipelines write a page); the same for Markdown paragraphs.  A reader sees the same text in both, so the
findings should be the same: for each, the findings by code, how many (code, text read) pairs of ``refs`` differ
from ``literal``'s, the edits that cut a reference (must be 0), and whether the fixed ``refs`` page, its references
decoded, is the fixed ``literal`` page.

``seeds``: each seed article of ``../shared/seeds`` (read here, never copied); ``clean``: the professional sentences
of ``tests/data/professional_*.txt``, five to a paragraph.  The script uses no session-31 function, so it runs on the
code before (``PYTHONPATH=<base tree>``) and after.

Run: ``PYTHONPATH=$PWD python bench/references_read.py`` (grammar off).
"""

from __future__ import annotations

import html
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from html_pages import SHARED, page, professional_pages, professional_sentences, seed_articles  # noqa: E402

_REF = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_TAG = re.compile(r"<[^>]*>")


def as_refs(text: str) -> str:
    """``text`` with every non-ASCII character outside tags written as a numeric reference."""
    out, pos = [], 0
    for m in _TAG.finditer(text):
        out.append("".join(c if ord(c) < 128 else f"&#{ord(c)};" for c in text[pos:m.start()]))
        out.append(m.group())
        pos = m.end()
    out.append("".join(c if ord(c) < 128 else f"&#{ord(c)};" for c in text[pos:]))
    return "".join(out)


def read(text: str) -> str:
    return html.unescape(_TAG.sub("", text))


def run(pipeline, raw: str, name: str) -> tuple[Counter, set[tuple[str, str]], int, str]:
    """Findings by code, (code, text read) pairs, edits cutting a reference, the fixed text."""
    from mtfix.files import check_input, fix_input
    from mtfix.io.inputs import Input

    result = check_input(pipeline, Input(name, raw.encode()))
    refs = [(m.start(), m.end()) for m in _REF.finditer(raw)]
    codes: Counter = Counter()
    pairs: set[tuple[str, str]] = set()
    cut = 0
    for u in result.units:
        for f in u.check.findings:
            codes[f.code] += 1
            pairs.add((f.code, read(raw[f.start:f.end])))
            cut += sum(any(e.start < t and s < e.end and not (e.start <= s and t <= e.end) or s < e.start < t
                           for s, t in refs) for e in f.edits)
    fixed = fix_input(pipeline, Input(name, raw.encode())).output.decode()
    return codes, pairs, cut, fixed


def compare(label: str, pipeline, docs: list[tuple[str, list[str]]]) -> None:
    for kind in ("html", "md"):
        tot = {"literal": Counter(), "refs": Counter()}
        differ = cut = same_fix = 0
        for title, paras in docs:
            literal = page(title, paras) if kind == "html" else "# " + title + "\n\n" + "\n\n".join(paras) + "\n"
            refs = as_refs(literal)
            name = "a.html" if kind == "html" else "a.md"
            c1, p1, _, f1 = run(pipeline, literal, name)
            c2, p2, k2, f2 = run(pipeline, refs, name)
            tot["literal"].update(c1)
            tot["refs"].update(c2)
            differ += len(p1 ^ p2)
            cut += k2
            same_fix += html.unescape(f2) == html.unescape(f1)
        print(f"{label} {kind}: {len(docs)} pages; (code, text read) pairs differing {differ}; edits cutting a "
              f"reference {cut}; fixed pages equal once decoded {same_fix}/{len(docs)}")
        for k, c in tot.items():
            print(f"  {k:8s} findings {sum(c.values()):4d}  by code {dict(sorted(c.items()))}")


def main() -> None:
    import os

    os.environ.setdefault("MTFIX_GRAMMAR", "off")
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    pipeline = Pipeline(Config(grammar="off"))
    docs = seed_articles(one_line_title=False)
    if docs:
        compare("seeds", pipeline, docs)
    else:
        print(f"no seeds in {SHARED / 'seeds'}: skipped")
    compare("clean", pipeline, professional_pages(professional_sentences()))

if __name__ == "__main__":
    main()
