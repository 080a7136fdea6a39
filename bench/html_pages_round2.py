"""HTML pages, round 2 (session 29): template syntax and words split by inline tags, before and after.

Pages are built at run time, as ``bench/html_pages.py`` builds them (its :func:`page` markup: references, a
``<strong>`` first word, a link on a name), with two more things a CMS page holds:

- **template syntax**: the title is ``{{ page.title }}``, the body opens with ``{% block content %}``, every
  paragraph's second sentence gets ``{{ author.name }}`` or ``<?php echo $byline->name; ?>`` or ``<%= by %>`` or
  ``${byline}`` or ``{# note: the the , #}`` after its first word, and the links' ``href`` is ``{{ url }}``;
- **split words**: in every second paragraph the first capitalised word of four or more letters after the first
  word is split by a tag, as editors' tools leave them (``<b>Ba</b>ku``, ``Wash<span>ington</span>``).

``seeds``: each seed article of ``../shared/seeds`` (read here, never copied) so made; ``clean``: the professional
sentences of ``tests/data/professional_*.txt``, five to a ``<p>``.  For each: findings (all, major), edits, and the
findings and edits that touch template syntax, and the findings on a split word's fragment alone.  The same pages
without the templates and splits are the reference (``plain page``).  The script uses no session-29 function, so
it runs on the code before (``git worktree add ../base base``; ``PYTHONPATH=../base``) and after.

Run: ``PYTHONPATH=$PWD python bench/html_pages_round2.py`` (grammar off).
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from html_pages import REPO, SHARED, esc, marked, professional_pages, professional_sentences, seed_articles  # noqa: E402

TEMPLATES = ["{{ author.name }}", "<?php echo $byline->name; ?>", "<%= by %>", "${byline}", "{# note: the the , #}"]
_FIND = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|<\?php.*?\?>|<%.*?%>|\$\{[^{}\n]*\}", re.S)
_SPLIT = re.compile(r"(?<=\s)([A-Z][a-z]{3,})(?=[\s,.])")
_SPLIT_TAGS = [("<b>", "</b>", 2), ("<span>", "</span>", 4), ("<i>", "</i>", 3)]


def _split(i: int, para: str) -> tuple[str, list[str]]:
    """Every second paragraph: its first long capitalised word split by an inline tag (the fragment after it)."""
    if i % 2:
        return para, []
    m = _SPLIT.search(para)
    if not m:
        return para, []
    word = m.group(1)
    open_, close, cut = _SPLIT_TAGS[i % 3]
    if i % 4 == 0:
        new, frag = f"{open_}{word[:cut]}{close}{word[cut:]}", word[cut:]
    else:
        new, frag = f"{word[:cut]}{open_}{word[cut:]}{close}", word[:cut]
    return para[:m.start()] + new + para[m.end():], [frag]


def _templated(i: int, para: str) -> str:
    """A template construct after the first word of the paragraph's second sentence (or its first)."""
    m = re.search(r"[.!?] +(\S+) ", para) or re.search(r"^(\S+) ", para)
    if not m:
        return para
    return para[:m.end()] + TEMPLATES[i % len(TEMPLATES)] + " " + para[m.end():]


def build(title: str, paras: list[str], cms: bool) -> tuple[str, list[str]]:
    frags: list[str] = []
    body = []
    for i, p in enumerate(paras):
        out = marked(i, p)
        if cms:
            out, f = _split(i, out)
            frags += f
            out = _templated(i, out).replace('<a href="/tag/', '<a href="{{ url }}/tag/')
        body.append(f"<p>{out}</p>\n")
    head = ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{t}</title>\n'
            '<script>var x = "a , b";</script>\n</head>\n<body>\n<article>\n<h1>{t}</h1>\n')
    t = "{{ page.title }}" if cms else esc(title)
    opening = "{% block content %}\n" if cms else ""
    return head.format(t=t) + opening + "".join(body) + "</article>\n</body>\n</html>\n", frags


def measure(pipeline, raw: bytes) -> Counter:
    from mtfix.files import check_input, fix_input
    from mtfix.io.inputs import Input

    text = raw.decode()
    spans = [m.span() for m in _FIND.finditer(text)]

    def in_template(a: int, b: int) -> bool:
        return any(s < max(b, a + 1) and a < e for s, e in spans)

    out: Counter = Counter()
    for u in check_input(pipeline, Input("p.html", raw)).units:
        for f in u.check.findings:
            out["findings"] += 1
            out["major"] += f.severity.name.lower() == "major"
            out["findings touching a template"] += in_template(f.start, f.end)
            out["finding " + f.code] += 1
    fixed = fix_input(pipeline, Input("p.html", raw))
    for u in fixed.units:
        if u.fix is None:
            continue
        for e in u.fix.log.edits():
            out["edits"] += 1
            out["edits touching a template"] += in_template(e.start, e.end)
    out["templates changed by fix"] += sum(fixed.output.decode().count(t) != text.count(t) for t in
                                          {m.group() for m in _FIND.finditer(text)})
    return out


def fragments(pipeline, raw: bytes, frags: list[str]) -> int:
    """Findings whose span is a split word's fragment alone (the word read as two)."""
    from mtfix.files import check_input
    from mtfix.io.inputs import Input

    text = raw.decode()
    return sum(text[f.start:f.end] in frags for u in check_input(pipeline, Input("p.html", raw)).units
               for f in u.check.findings)


def run(pipeline, name: str, pages: list[tuple[str, list[str]]]) -> None:
    tot = {"plain page": Counter(), "cms page": Counter()}
    frag_hits = 0
    n_frags = 0
    for title, paras in pages:
        for key, cms in (("plain page", False), ("cms page", True)):
            raw, frags = build(title, paras, cms)
            tot[key].update(measure(pipeline, raw.encode()))
            if cms:
                n_frags += len(frags)
                frag_hits += fragments(pipeline, raw.encode(), frags)
    print(f"{name}: {len(pages)} pages, {n_frags} split words")
    for key, c in tot.items():
        codes = {k[8:]: v for k, v in sorted(c.items()) if k.startswith("finding ")}
        print(f"  {key:10s} findings {c['findings']:4d}  major {c['major']:3d}  edits {c['edits']:3d}  "
              f"touching a template: findings {c['findings touching a template']}, edits "
              f"{c['edits touching a template']}, templates changed {c['templates changed by fix']}  by code {codes}")
    print(f"  findings on a split word's fragment alone: {frag_hits}")


def main() -> int:
    os.environ.setdefault("MTFIX_CACHE_DIR", str(REPO.parent / "cache"))
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    pipeline = Pipeline(Config(grammar="off"))
    seeds = seed_articles()
    if seeds:
        run(pipeline, "seeds (garbled)", seeds)
    else:
        print(f"no seeds in {SHARED / 'seeds'}: skipped")
    clean = professional_pages(professional_sentences())
    run(pipeline, "clean (professional)", clean)
    return 0


if __name__ == "__main__":
    sys.exit(main())
