"""Benchmark of the HTML review report in real headless Chromium.

1. A 5 KB article (the first paragraphs of seed 004 up to 5,000 bytes): time from
   navigation to the report fully rendered (the script's ``mtfix-rendered`` mark)
   and to first contentful paint; target: rendered in under 1 s.
2. A batch of N files (default 500 of about 20 KB each: 10 MB of text, built from the
   five seeds' paragraphs in rotating order): size of the report (target < 20 MB) and
   time to first contentful paint (target < 5 s); plus the time `mtfix review` takes.
3. ``--long``: one file of 5,000 lines with 10,000 proposed edits (two MTF206 per line): how long
   *Accept safe edits* and a jump to the last finding take in the page, for this tree and, with
   ``--ab TREE`` (for example a ``git archive`` of an older commit), for TREE in the same run.

4. ``--article``: one news article of N sentences (default 1,200, written by the script: ten sentences
   of its own, half with errors mtfix finds, in paragraphs of three to six) read as an editor reads it:
   time to the first sentences rendered, scrolling to the end one window at a time (the page renders
   150 sentences more as the end comes near), the slowest scroll step, and switching the whole
   article to *As it will read* and back.

6. ``--keys``: one file of about 2,000 findings (``--findings``; lines of our own, three or four findings each,
   safe, unsafe and to judge) worked through by keyboard as an editor does: ``n`` down the file, ``Shift+A``
   (accept and on), ``z`` (undo), ``p`` back up, ``Shift+N`` (the next finding not done), then a jump to the last
   finding and ``p`` there: each key's time in the page to the second frame (median, 95th percentile, slowest),
   and the time to the page rendered.

5. ``--desk``: the same article (``--sentences``, say 3,000; each sentence opened by its own "In
   district N, ", so that none is there twice) in an editor's session: a severity filter
   ticked off and on (every filter's count redone), *Accept safe edits*, the desk summary, the export,
   and *Import…* of those decisions into a report of the text changed (a paragraph on top, one in ten
   reworded): times in the page to the second frame, and how many decisions were carried over.

Usage: python bench/bench_review.py [--files 500] [--kb 20] [--runs 5] [--skip-batch]
                                    [--screenshot docs/review-example.png]
       python bench/bench_review.py --long [--ab TREE] [--runs 3]
       python bench/bench_review.py --article [--sentences 1200] [--runs 3]
       python bench/bench_review.py --desk [--sentences 3000] [--runs 3]
       python bench/bench_review.py --keys [--findings 2000] [--runs 3]
Reads ../shared/seeds (or $MTFIX_SHARED/seeds); writes only to a temporary directory
(and the screenshot, when asked).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from eval_data import require_shared, shared_dir  # noqa: E402

SHARED = shared_dir()  # $MTFIX_SHARED, else ../shared

_TIMES = """
var nav = performance.getEntriesByType('navigation')[0];
var fcp = performance.getEntriesByName('first-contentful-paint')[0];
var done = performance.getEntriesByName('mtfix-rendered')[0];
return {fcp: fcp ? fcp.startTime : null, rendered: done ? done.startTime : null,
        dcl: nav ? nav.domContentLoadedEventEnd : null};
"""


def seeds() -> list[Path]:
    return sorted(require_shared(SHARED, "seeds", "bench_review", "set MTFIX_SHARED").glob("*.txt"))


def article_5kb() -> str:
    found = [p for p in seeds() if p.name.startswith("004_")]
    path = found[0] if found else require_shared(SHARED, "seeds/004_*.txt", "bench_review", "set MTFIX_SHARED")
    text = path.read_text(encoding="utf-8")
    paras = text.split("\n\n")
    out = ""
    for p in paras:
        if len((out + p + "\n\n").encode("utf-8")) > 5000:
            break
        out += p + "\n\n"
    return out


def batch(directory: Path, files: int, kb: int) -> int:
    paras = [p for s in seeds() for p in s.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    total = 0
    k = 0
    for n in range(files):
        parts: list[str] = []
        size = 0
        while size < kb * 1000:
            p = paras[(k * 7 + n) % len(paras)]
            k += 1
            parts.append(p)
            size += len(p.encode("utf-8")) + 2
        body = "\n\n".join(parts) + "\n"
        (directory / f"article-{n:04d}.txt").write_text(body, encoding="utf-8")
        total += len(body.encode("utf-8"))
    return total


def review(paths: list[Path] | Path, out: Path, cwd: Path | None = None) -> float:
    args = [str(p) for p in (paths if isinstance(paths, list) else [paths])]
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mtfix", "review", "--grammar", "off", "-q", *args, "-o", str(out)],
                   check=True, cwd=cwd)
    return time.perf_counter() - t0


def load_times(report: Path, runs: int, width: int = 1440, height: int = 1000, warm: bool = False) -> list[dict]:
    """Navigation timings of ``runs`` loads: each in a fresh browser (cold), or all in one
    browser that has first painted a small page with the report's fonts (warm)."""
    from mtfix.review.browser import chrome, wait_ready

    out = []
    driver = chrome(width, height) if warm else None
    try:
        if driver is not None:
            driver.get("data:text/html,<p style='font-family:serif'>warm-up</p><p>warm-up</p>")
        for n in range(runs):
            d = driver or chrome(width, height)
            try:
                d.get(report.resolve().as_uri() + f"?run={n}")
                wait_ready(d, timeout=120)
                out.append(d.execute_script(_TIMES))
            finally:
                if driver is None:
                    d.quit()
    finally:
        if driver is not None:
            driver.quit()
    return out


def summary(name: str, times: list[dict], key: str) -> str:
    vals = [t[key] / 1000 for t in times if t[key] is not None]
    if not vals:  # a loaded machine may give the page no paint entry at all: say so, do not fail
        return f"{name}: not measured (the browser recorded no such entry in {len(times)} load(s))"
    return f"{name}: median {statistics.median(vals):.3f} s, best {min(vals):.3f} s, worst {max(vals):.3f} s"


#: the files the review page is drawn from: the screenshot is true while they are as it was taken with
PAGE_FILES = ("mtfix/review/static/report.js", "mtfix/review/static/report.css",
              "mtfix/review/templates/report.html.j2", "mtfix/review/templates/parts.html.j2")
PICTURE_NOTE = re.compile(r"(taken with the page's files at digest )`[0-9a-f]+`")


def page_digest() -> str:
    """A digest of :data:`PAGE_FILES` (session 43: docs/review.md names the one the screenshot was taken with, and
    tests/review/test_review_picture_s43.py fails when the page changed and the picture was not retaken)."""
    h = hashlib.blake2b(digest_size=8)
    for name in PAGE_FILES:
        h.update(name.encode() + b"\0" + (REPO / name).read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return h.hexdigest()


def screenshot(target: Path) -> None:
    """The report of the project's own garbled example (``examples/garbled-news.txt``) as the README
    shows it (1440×1300; one edit accepted, one rejected); for docs/review-example.png, the page's digest
    (:func:`page_digest`) written into docs/review.md."""
    from mtfix.review.browser import chrome, wait_ready

    with tempfile.TemporaryDirectory() as d:
        src = REPO / "examples" / "garbled-news.txt"
        article = Path(d) / "energy-talks.txt"
        article.write_bytes(src.read_bytes())
        report = Path(d) / "report.html"
        review(Path(article.name), report, cwd=Path(d))
        driver = chrome(1440, 1300)
        try:
            driver.get(report.as_uri())
            wait_ready(driver)
            driver.execute_script(
                "var c = Array.from(document.querySelectorAll('#doc .card')).filter(function (c) {"
                " return c.querySelector('a.code').textContent === 'MTF202'; })[0];"
                "c.querySelector('button.acc').click();"
                "var r = Array.from(document.querySelectorAll('#doc .card')).filter(function (c) {"
                " return c.querySelector('a.code').textContent === 'MTF104' && c.dataset.edits; })[0];"
                "r.querySelector('button.rej').click(); window.scrollTo(0, 0);")
            time.sleep(0.3)
            driver.save_screenshot(str(target))
        finally:
            driver.quit()
    print(f"screenshot: {target}")
    doc = REPO / "docs" / "review.md"
    if target.resolve() == (REPO / "docs" / "review-example.png").resolve():
        text = doc.read_text(encoding="utf-8")
        new = PICTURE_NOTE.sub(lambda m: f"{m.group(1)}`{page_digest()}`", text)
        if new != text:
            doc.write_text(new, encoding="utf-8")
        print(f"page digest {page_digest()} in {doc.relative_to(REPO)}")


_TIMED = "var t = performance.now(); {} return performance.now() - t;"


def long_file_times(tree: Path, tmp: Path, runs: int) -> tuple[list[float], list[float]]:
    """Milliseconds of *Accept safe edits* and of the jump to the last finding, ``runs`` fresh loads
    of the report that ``tree``'s mtfix makes of a 5,000-line file (``--long``)."""
    from mtfix.review.browser import chrome, wait_ready

    doc = tmp / "long.txt"
    doc.write_text("".join(f"Prices of oilgas rose in week {n} and oilgas fell.\n" for n in range(5000)),
                   encoding="utf-8")
    report = tmp / f"long-{abs(hash(str(tree)))}.html"
    env = {**os.environ, "PYTHONPATH": str(tree)}
    subprocess.run([sys.executable, "-m", "mtfix", "review", "--grammar", "off", "-q", "--select", "MTF206",
                    doc.name, "-o", str(report)], check=True, cwd=tmp, env=env)
    accept, jump = [], []
    for n in range(runs):
        d = chrome()
        try:
            d.get(report.resolve().as_uri() + f"?run={n}")
            wait_ready(d, timeout=300)
            accept.append(d.execute_script(_TIMED.format("document.getElementById('accept-safe').click();")))
            jump.append(d.execute_script(_TIMED.format("window.mtfixReview.setCurrent(1e9);")))
        finally:
            d.quit()
    return accept, jump


def long_file(ab: Path | None, runs: int) -> None:
    trees = [("this tree", REPO)] + ([("--ab " + str(ab), ab)] if ab else [])
    got = {}
    with tempfile.TemporaryDirectory() as d:
        for label, tree in trees:
            got[label] = long_file_times(tree, Path(d), runs)
            accept, jump = got[label]
            print(f"{label}: Accept safe edits median {statistics.median(accept):,.0f} ms; "
                  f"jump to the last finding median {statistics.median(jump):,.0f} ms ({runs} loads)")
    if ab:
        (a1, j1), (a0, j0) = got["this tree"], got["--ab " + str(ab)]
        print(f"ratio, this tree / --ab: Accept safe {statistics.median(a1) / statistics.median(a0):.3f}×, "
              f"jump {statistics.median(j1) / statistics.median(j0):.3f}×")


#: The article's sentences (the script's own): half carry errors mtfix finds (a stock phrase, glued
#: words, a repeated word, a capital after a comma, broken grammar).
ARTICLE_SENTENCES = (
    "The delegation arrived in Tbilisi on Tuesday and met the mayor.",
    "Prices of oilgas rose sharply in the last week of May.",
    "It simply came to our notice then that, the vote was postponed.",
    "Officials of ministry was saying the road will be build until the winter comes probably.",
    "The committee approved the the budget after a long debate.",
    "Farmers in the region said the harvest was better than expected.",
    "The minister said that, The talks will continue next month.",
    "Exports of cotton grew by ten percent compared with last year.",
    "The new bridge over the river is expected to open in the spring.",
    "Citizens was waiting in line since morning for the documents.",
)

_SCROLL_STEP = """
var t = performance.now(); window.scrollBy(0, innerHeight);
return new Promise(function (ok) { requestAnimationFrame(function () { requestAnimationFrame(function () {
  ok([performance.now() - t, scrollY + innerHeight >= document.documentElement.scrollHeight - 2 && !document.getElementById('more'),
      document.querySelectorAll('#doc .seg').length]); }); }); });
"""
_TOGGLE = """
var t = performance.now(); document.getElementById('reads').click(); document.body.offsetHeight;
var on = performance.now() - t; t = performance.now(); document.getElementById('reads').click(); document.body.offsetHeight;
return [on, performance.now() - t];
"""


def article(sentences: int, unique: bool = False) -> str:
    """``sentences`` sentences of ARTICLE_SENTENCES in a fixed pseudo-random order, paragraphs of 3-6;
    ``unique``: each opened by its own "In district N, " (no sentence twice, as in a real article)."""
    import random

    rnd = random.Random(7)
    paras, n = [], 0

    def one(i: int) -> str:
        s = rnd.choice(ARTICLE_SENTENCES)
        return f"In district {i}, {s[0].lower()}{s[1:]}" if unique else s

    while n < sentences:
        k = min(rnd.randint(3, 6), sentences - n)
        paras.append(" ".join(one(n + j) for j in range(k)))
        n += k
    return "\n\n".join(paras) + "\n"


def _load(driver: Any, page: Path, run: int) -> None:
    """``page`` in ``driver``, ready (``?run=`` gives each run a page of its own)."""
    from mtfix.review.browser import wait_ready

    driver.get(page.as_uri() + f"?run={run}")
    wait_ready(driver, timeout=120)


@contextlib.contextmanager
def _browser(page: Path, run: int) -> Iterator[Any]:
    """A new Chrome with ``page`` loaded (:func:`_load`), quit after."""
    from mtfix.review.browser import chrome

    driver = chrome()
    try:
        _load(driver, page, run)
        yield driver
    finally:
        driver.quit()


def article_times(sentences: int, runs: int) -> None:
    """Render, scroll to the end, and *As it will read* for an article of ``sentences`` sentences."""
    with tempfile.TemporaryDirectory() as d:
        doc = Path(d) / "article.txt"
        doc.write_text(article(sentences), encoding="utf-8")
        report = Path(d) / "article.html"
        gen = review(doc, report)
        sizes = (doc.stat().st_size, report.stat().st_size)
        rows = []
        for n in range(runs):
            with _browser(report, n) as driver:
                rendered = driver.execute_script(_TIMES)["rendered"]
                steps, t0 = [], time.perf_counter()
                while True:
                    ms, done, segs = driver.execute_script(_SCROLL_STEP)
                    steps.append(ms)
                    if done or len(steps) > 5000:
                        break
                scroll = time.perf_counter() - t0
                on, off = driver.execute_script(_TOGGLE)
                cards = driver.execute_script("return document.querySelectorAll('#doc .card').length")
                rows.append((rendered, scroll, len(steps), max(steps), statistics.median(steps), on, off, segs, cards))
    print(f"article: {sentences:,} sentences, {sizes[0]:,} bytes; report {sizes[1]:,} bytes; `mtfix review` {gen:.2f} s")
    for r in rows:
        print(f"  rendered {r[0]:.0f} ms; scrolled to the end in {r[1]:.1f} s ({r[2]} window steps, slowest "
              f"{r[3]:.0f} ms, median {r[4]:.0f} ms, each to the second frame); {r[7]:,} sentences and {r[8]:,} "
              f"cards on the page; As it will read {r[5]:.0f} ms, back {r[6]:.0f} ms")


_FRAMES = """
var done = arguments[arguments.length - 1], t = performance.now(), act = arguments[0];
Promise.resolve(new Function(act)()).then(function () {
  requestAnimationFrame(function () { requestAnimationFrame(function () { done(performance.now() - t); }); });
});
"""


def changed_article(text: str) -> str:
    """The reporter's update: a paragraph on top (every offset moves) and one paragraph in ten reworded."""
    paras = text.split("\n\n")
    paras = [p.replace(" the ", " this ", 1) if n % 10 == 3 else p for n, p in enumerate(paras)]
    return "Update: the figures were revised on Wednesday.\n\n" + "\n\n".join(paras)


def desk_times(sentences: int, runs: int) -> None:
    """An editor's session on an article of ``sentences`` sentences: a filter change (with every
    filter's count), *Accept safe edits*, the desk summary, the export, and, after the reporter changed
    the text, *Import…* of those decisions into the new report (carried over by sentence)."""
    import json

    with tempfile.TemporaryDirectory() as d:
        doc = Path(d) / "article.txt"
        text = article(sentences, unique=True)
        doc.write_text(text, encoding="utf-8")
        report, again = Path(d) / "article.html", Path(d) / "again.html"
        gen = review(doc, report)
        sizes = (doc.stat().st_size, report.stat().st_size)
        findings = None
        rows = []
        for n in range(runs):
            with _browser(report, n) as driver:
                driver.execute_script("localStorage.clear();")
                findings = driver.execute_script("return document.getElementById('shown-count').textContent")
                js = "document.querySelector('input[name=sev][value=minor]').click();"
                untick = driver.execute_async_script(_FRAMES, js)
                tick = driver.execute_async_script(_FRAMES, js)
                accept = driver.execute_async_script(_FRAMES, "document.getElementById('accept-safe').click();")
                desk = driver.execute_async_script(_FRAMES, "document.getElementById('desk-btn').click();")
                listed = driver.execute_script("return document.querySelectorAll('#desk li').length")
                driver.execute_async_script(_FRAMES, "document.getElementById('desk-btn').click();")
                t0 = time.perf_counter()
                data = driver.execute_script("return window.mtfixReview.exportData();")
                export = (time.perf_counter() - t0) * 1000
                decided = len(data["files"][0]["decisions"])
                if n == 0:
                    doc.write_text(changed_article(text), encoding="utf-8")
                    review(doc, again)
                    doc.write_text(text, encoding="utf-8")
                _load(driver, again, n)
                driver.execute_script("localStorage.clear();")
                carry = driver.execute_async_script(
                    _FRAMES, "return window.mtfixReview.importData(" + json.dumps(data) + ");")
                taken = len(driver.execute_script("return window.mtfixReview.exportData();")["files"][0]["decisions"])
                message = driver.find_element("id", "toast").text
                rows.append((untick, tick, accept, desk, listed, export, decided, carry, taken, message))
    print(f"article: {sentences:,} sentences, {sizes[0]:,} bytes; {findings}; report {sizes[1]:,} bytes; "
          f"`mtfix review` {gen:.2f} s")
    for r in rows:
        print(f"  untick minor {r[0]:.0f} ms, tick {r[1]:.0f} ms; Accept safe edits {r[2]:.0f} ms; desk summary "
              f"{r[3]:.0f} ms ({r[4]:,} items); export {r[5]:.0f} ms ({r[6]:,} decisions); Import… into the changed "
              f"text {r[7]:.0f} ms, {r[8]:,} of {r[6]:,} decisions carried over")
        print(f"    {r[9]}")


#: lines of our own with findings of every kind: a word written twice (safe), two words glued (safe), a capital
#: mid-sentence (unsafe), a garbled clause (to judge); {n} keeps each line its own
KEY_LINES = (
    "Report {n}: the the council met on Monday and There was no vote on the oilgas budget.",
    "In ward {n}, officials of ministry was saying the road will be build until winter comes probably.",
    "Item {n}: the the mayor said that , the market would open and the the stalls were ready.",
)

_KEY = """
var done = arguments[arguments.length - 1], key = arguments[0], shift = arguments[1], t = performance.now();
document.body.dispatchEvent(new KeyboardEvent("keydown", {key: key, shiftKey: shift, bubbles: true, cancelable: true}));
requestAnimationFrame(function () { requestAnimationFrame(function () { done(performance.now() - t); }); });
"""


def keys_times(findings: int, runs: int) -> None:
    """A file of about ``findings`` findings worked through by keyboard (see the module's item 6)."""
    with tempfile.TemporaryDirectory() as d:
        doc = Path(d) / "long.txt"
        lines, n = [], 0
        probe = Path(d) / "probe.txt"
        probe.write_text("\n".join(line.format(n=0) for line in KEY_LINES) + "\n", encoding="utf-8")
        per = max(1, _count_findings(probe) // len(KEY_LINES))
        while n * per < findings:
            lines.append(KEY_LINES[n % len(KEY_LINES)].format(n=n))
            n += 1
        doc.write_text("\n".join(lines) + "\n", encoding="utf-8")
        report = Path(d) / "long.html"
        gen = review(doc, report)
        counted = _count_findings(doc)
        print(f"keys: {len(lines):,} lines, {doc.stat().st_size:,} bytes, {counted:,} findings; report "
              f"{report.stat().st_size:,} bytes; `mtfix review` {gen:.2f} s")
        plan = [("n", False, 200), ("A", True, 200), ("z", False, 50), ("p", False, 100), ("N", True, 50)]
        for run in range(runs):
            with _browser(report, run) as driver:
                driver.execute_script("localStorage.clear();")
                rendered = driver.execute_script(_TIMES)["rendered"]
                parts = []
                for k, shift, times in plan:
                    ms = [driver.execute_async_script(_KEY, k, shift) for _ in range(times)]
                    ms.sort()
                    parts.append(f"{'Shift+' + k if shift else k} ×{times}: median {statistics.median(ms):.0f} ms, "
                                 f"p95 {ms[int(len(ms) * 0.95) - 1]:.0f}, slowest {ms[-1]:.0f}")
                end = driver.execute_async_script(_FRAMES, "window.mtfixReview.setCurrent(1e9);")
                ms = sorted(driver.execute_async_script(_KEY, "p", False) for _ in range(50))
                parts.append(f"to the last finding {end:.0f} ms, then p ×50: median {statistics.median(ms):.0f} ms, "
                             f"slowest {ms[-1]:.0f}")
                print(f"  run {run + 1}: rendered {rendered:.0f} ms; " + "; ".join(parts))


def _count_findings(path: Path) -> int:
    """The findings ``mtfix check`` reports in ``path`` (LanguageTool off)."""
    import json
    import subprocess

    r = subprocess.run([sys.executable, "-m", "mtfix", "check", "--grammar", "off", "--format", "json", str(path)],
                       capture_output=True, text=True, check=False)
    return sum(len(f["findings"]) for f in json.loads(r.stdout)["files"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=500)
    ap.add_argument("--kb", type=int, default=20)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--screenshot", type=Path, help="also write the README's screenshot here")
    ap.add_argument("--skip-batch", action="store_true", help="only the 5 KB article")
    ap.add_argument("--long", action="store_true", help="only the 5,000-line file with 10,000 edits")
    ap.add_argument("--ab", type=Path, help="with --long: also measure this tree's mtfix, in the same run")
    ap.add_argument("--article", action="store_true", help="only the long article read as an editor reads it")
    ap.add_argument("--sentences", type=int, default=1200, help="with --article/--desk: its number of sentences")
    ap.add_argument("--keys", action="store_true", help="only a file of --findings findings worked through by keyboard")
    ap.add_argument("--findings", type=int, default=2000, help="with --keys: about this many findings")
    ap.add_argument("--desk", action="store_true",
                    help="only an editor's session on the long article: filters, desk summary, export, carry-over")
    args = ap.parse_args()
    from mtfix.review.browser import missing

    why = missing()
    if why:
        sys.exit(f"bench_review: {why}")
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.2f}")
    if args.long:
        long_file(args.ab, args.runs)
        return
    if args.article:
        article_times(args.sentences, args.runs)
        return
    if args.desk:
        desk_times(args.sentences, args.runs)
        return
    if args.keys:
        keys_times(args.findings, args.runs)
        return
    if args.screenshot:
        screenshot(args.screenshot)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        article = tmp / "article.txt"
        article.write_text(article_5kb(), encoding="utf-8")
        report = tmp / "article.html"
        gen = review(article, report)
        print(f"5 KB article ({article.stat().st_size:,} bytes): report {report.stat().st_size:,} bytes, "
              f"`mtfix review` {gen:.2f} s")
        for label, warm in (("fresh browser per load", False), ("warm browser", True)):
            times = load_times(report, args.runs, warm=warm)
            print(f"  {label}: " + summary("rendered", times, "rendered") + " (target < 1 s); "
                  + summary("first contentful paint", times, "fcp"))
        if args.skip_batch:
            return

        many = tmp / "batch"
        many.mkdir()
        total = batch(many, args.files, args.kb)
        report = tmp / "batch.html"
        gen = review(many, report)
        size = report.stat().st_size
        times = load_times(report, max(1, args.runs // 2 + 1))
        print(f"batch: {args.files} files, {total / 1e6:.1f} MB of text: `mtfix review` {gen:.1f} s, "
              f"report {size / 1e6:.1f} MB (target < 20 MB)")
        print("  " + summary("first contentful paint", times, "fcp") + " (target < 5 s)")
        print("  " + summary("first file rendered", times, "rendered"))
        print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
