"""HTML pages before and after the HTML reader (session 28): findings on news pages built at run time.

- ``seeds``: each seed article of ``../shared/seeds`` (read here, never copied) made into a news page: its first
  line the ``<title>`` and the ``<h1>``, each paragraph a ``<p>`` with its ``&``, ``<`` and ``>`` written as
  references, its apostrophes as ``&#8217;``, the first word of every third paragraph in ``<strong>`` and its
  first capitalised name after the first word in a link; a script, a style and a comment in the page.  Checked
  as the plain text it is (``text``: how a page was read until session 28), as the page read as plain text
  (``page-as-text``), and as HTML (``html``).
- ``clean``: the professional sentences of ``tests/data/professional_*.txt`` (written for mtfix), five to a
  ``<p>``, 40 to a page, with the same markup, checked as plain text paragraphs and as HTML, and fixed.

- ``--references [--dense] [--ab TREE] [--runs N]`` (session 32): every seed article on one page with every non-ASCII letter
  written as a numeric reference (``Bak&#305;``), checked warm in one process (best and median of N runs) by this
  tree and, alternately, by TREE; the findings' digest shows both found the same.

Run: ``PYTHONPATH=$PWD python bench/html_pages.py`` (grammar off).
"""

from __future__ import annotations

import html
import os
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from eval_data import shared_dir  # noqa: E402

SHARED = shared_dir()  # $MTFIX_SHARED, else ../shared

HEAD = ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
        '<style>p {{ margin: 0 ; }}</style>\n<script>var x = "a , b";</script>\n</head>\n<body>\n<article>\n'
        '<h1>{title}</h1>\n')
TAIL = "<!-- end of article -->\n</article>\n</body>\n</html>\n"
_NAME = re.compile(r"(?<=\s)([A-Z][a-z]{3,})(?=[\s,.])")


def esc(text: str) -> str:
    return html.escape(text, quote=False).replace("\u2019", "&#8217;")


def marked(i: int, para: str) -> str:
    """A paragraph as a page writes it: references, and inline markup on some words."""
    out = esc(para)
    if i % 3 == 0 and " " in out:
        first, rest = out.split(" ", 1)
        out = f"<strong>{first}</strong> {rest}"
    m = _NAME.search(out)
    if m:
        out = f'{out[:m.start()]}<a href="/tag/{m.group(1).lower()}?a=1&amp;b=2">{m.group(1)}</a>{out[m.end():]}'
    return out


def page(title: str, paras: list[str]) -> str:
    return HEAD.format(title=esc(title)) + "".join(f"<p>{marked(i, p)}</p>\n" for i, p in enumerate(paras)) + TAIL


def counts(pipeline, raw: bytes, name: str, fmt: str | None) -> tuple[Counter, Counter]:
    from mtfix.files import check_input
    from mtfix.io.inputs import Input

    result = check_input(pipeline, Input(name, raw), fmt)
    codes, sev = Counter(), Counter()
    for u in result.units:
        for f in u.check.findings:
            codes[f.code] += 1
            sev[f.severity.name.lower()] += 1
    return codes, sev


def edits(pipeline, raw: bytes, name: str) -> int:
    from mtfix.files import fix_input
    from mtfix.io.inputs import Input

    result = fix_input(pipeline, Input(name, raw))
    return sum(len(u.fix.log.edits()) for u in result.units if u.fix is not None)


def judged(raw: bytes, name: str, fmt: str | None) -> tuple[int, int]:
    """(sentences the garble detector reads, sentences) of the page read in ``fmt``."""
    from mtfix.files import unit_document
    from mtfix.formats import load
    from mtfix.garble.view import segment_view

    doc = unit_document(load(raw, name, fmt).units[0], name)
    return sum(segment_view(doc, s) is not None for s in doc.segments), len(doc.segments)


def seed_articles(one_line_title: bool = True) -> list[tuple[str, list[str]]]:
    """Each seed article of ``../shared/seeds`` (read here, never copied) as its title and its paragraphs, each on
    one line (the title's lines kept apart when not ``one_line_title``, as this script's pages have them); none when
    the seeds are absent."""
    out = []
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        paras = [p.strip() for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if p.strip()]
        title = " ".join(paras[0].split()) if one_line_title else paras[0]
        out.append((title, [" ".join(p.split()) for p in paras[1:]]))
    return out


def professional_sentences() -> list[str]:
    """The professional sentences of ``tests/data/professional_*.txt`` (written for mtfix), in file order."""
    sentences: list[str] = []
    for path in sorted((REPO / "tests" / "data").glob("professional_*.txt")):
        sentences += [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
                      if ln.strip() and not ln.startswith("#")]
    return sentences


def professional_pages(sentences: list[str]) -> list[tuple[str, list[str]]]:
    """``sentences`` as pages of 40, five to a paragraph, each titled "Professional prose"."""
    return [("Professional prose", [" ".join(sents[j:j + 5]) for j in range(0, len(sents), 5)])
            for sents in (sentences[i:i + 40] for i in range(0, len(sentences), 40))]


def seeds(pipeline) -> None:
    articles = seed_articles(one_line_title=False)
    if not articles:
        print(f"no seeds in {SHARED / 'seeds'}: skipped")
        return
    totals = {k: (Counter(), Counter()) for k in ("text", "page-as-text", "html")}
    same = 0
    views = Counter()
    for title, body in articles:
        raw_page = page(title, body).encode()
        plain = ("\n\n".join([title, *body]) + "\n").encode()
        got = {"text": counts(pipeline, plain, "a.txt", None),
               "page-as-text": counts(pipeline, raw_page, "a.html", "text"),
               "html": counts(pipeline, raw_page, "a.html", None)}
        for k, (c, s) in got.items():
            totals[k][0].update(c)
            totals[k][1].update(s)
        same += got["text"][0] == got["html"][0]
        for k, fmt in (("page-as-text", "text"), ("html", None)):
            n, total = judged(raw_page, "a.html", fmt)
            views[k] += n
            views[k + " sentences"] += total
    print(f"seeds: {len(articles)} pages; pages whose HTML findings (by code) equal the plain text's: {same}")
    for k in ("page-as-text", "html"):
        print(f"  {k}: the detector reads {views[k]} of {views[k + ' sentences']} segments")
    for k, (c, s) in totals.items():
        print(f"  {k:13s} findings {sum(c.values()):4d}  major {s['major']:3d}  MTF401 {c['MTF401']:3d}  "
              f"by code {dict(sorted(c.items()))}")


def clean(pipeline) -> None:
    sentences = professional_sentences()
    pages = professional_pages(sentences)
    tot = {k: (Counter(), Counter()) for k in ("text", "html")}
    n_edits = {"text": 0, "html": 0}
    for _, paras in pages:
        plain = ("\n\n".join(paras) + "\n").encode()
        raw_page = page("Professional prose", paras).encode()
        for k, raw, name in (("text", plain, "a.txt"), ("html", raw_page, "a.html")):
            c, s = counts(pipeline, raw, name, None)
            tot[k][0].update(c)
            tot[k][1].update(s)
            n_edits[k] += edits(pipeline, raw, name)
    print(f"clean: {len(sentences)} professional sentences in {len(pages)} pages")
    for k, (c, s) in tot.items():
        print(f"  {k:5s} findings {sum(c.values()):4d}  major {s['major']:3d}  edits {n_edits[k]:3d}  "
              f"by code {dict(sorted(c.items()))}")


def reference_page(dense: bool = False) -> str:
    """Every seed article on one page, every non-ASCII letter written as a numeric reference (and, ``dense``, every
    "e" of the prose too: a stress test of thousands); "" without seeds."""
    articles = seed_articles()
    body = "".join(page(t, ps).split("<article>\n", 1)[1].rsplit("<!--", 1)[0] for t, ps in articles)
    if dense:  # outside the tags: the text between ">" and "<"
        body = re.sub(r">[^<]*<", lambda m: m.group().replace("e", "&#101;"), body)
    return HEAD.format(title="Seeds") + "".join(f"&#{ord(c)};" if ord(c) > 127 and c.isalpha() else c
                                                 for c in body) + TAIL if articles else ""


def time_page(path: str, runs: int) -> None:
    """(child) Check the page at ``path`` ``runs`` times warm; print the times and the findings' digest as JSON."""
    import hashlib
    import json
    import time

    from mtfix.config import Config
    from mtfix.files import check_input
    from mtfix.io.inputs import Input
    from mtfix.pipeline import Pipeline

    pipeline, raw = Pipeline(Config(grammar="off")), Path(path).read_bytes()
    times, found = [], []
    for _ in range(runs + 1):  # the first warms the caches, untimed
        t0 = time.perf_counter()
        result = check_input(pipeline, Input("a.html", raw), None)
        times.append(time.perf_counter() - t0)
        found = [(f.code, f.start, f.end, f.message) for u in result.units for f in u.check.findings]
    times = sorted(times[1:])
    print(json.dumps({"best": times[0], "median": times[len(times) // 2], "findings": len(found),
                      "digest": hashlib.sha256(repr(found).encode()).hexdigest()[:12]}))


def references(ab: Path | None, runs: int, dense: bool = False) -> None:
    import json
    import subprocess
    import tempfile

    text = reference_page(dense)
    if not text:
        print(f"no seeds in {SHARED / 'seeds'}: skipped")
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "refs.html"
        path.write_text(text, encoding="utf-8")
        print(f"references: one page of {len(text):,} characters, {text.count('&#'):,} numeric references")
        roots = [("new", REPO)] + ([("old", ab.resolve())] if ab else [])
        got: dict[str, list[dict]] = {k: [] for k, _ in roots}
        for _ in range(2):  # alternately, twice
            for k, root in roots:
                env = dict(os.environ, PYTHONPATH=str(root))
                out = subprocess.run([sys.executable, __file__, "--time-page", str(path), "--runs", str(runs)],
                                     env=env, capture_output=True, text=True, check=True).stdout
                got[k].append(json.loads(out.splitlines()[-1]))
        for k, rows in got.items():
            print(f"  {k}: best {min(r['best'] for r in rows):.3f} s  median {sorted(r['median'] for r in rows)[0]:.3f} s"
                  f"  findings {rows[0]['findings']}  digest {rows[0]['digest']}")


def main() -> int:
    os.environ.setdefault("MTFIX_CACHE_DIR", str(REPO.parent / "cache"))
    args = sys.argv[1:]
    runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 5
    if "--time-page" in args:
        time_page(args[args.index("--time-page") + 1], runs)
        return 0
    if "--references" in args:
        references(Path(args[args.index("--ab") + 1]) if "--ab" in args else None, runs, "--dense" in args)
        return 0
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    pipeline = Pipeline(Config(grammar="off"))
    seeds(pipeline)
    clean(pipeline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
