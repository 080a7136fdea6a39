"""Benchmark of `mtfix review` on a batch of many small files (session 30: 10,000 files gave a 38 MB page).

Writes N small news files of the script's own (three to six sentences each, half with errors mtfix finds,
in 20 folders), runs `mtfix review` on the folder, and reports: the time to write the page, its size and
what the bytes are (the hidden per-file summaries, the file list, the files' data, the rest), then, in real
headless Chromium, the time from navigation to the page ready (the script's ``mtfix-rendered`` mark) and
the time to open the last file of the batch, and *Filter files* typed (a query that leaves 10 files) and cleared,
each to the next frame drawn.

``--glossary N`` (session 34) adds a glossary of N names (TSV, each with two misspelt variants) and has every
story mention one of them, every third one misspelt (an MTF301 to review); ``--instructions`` counts the review
run's instructions (valgrind's cachegrind, no cache simulation: what the load of a shared machine does not
disturb); ``--no-browser`` leaves Chromium out.

Usage: python bench/bench_review_many.py [--files 10000] [--runs 3] [--keep DIR] [--glossary 200] [--instructions]
       python bench/bench_review_many.py --page DIR/review.html [--runs 3]
Writes only to a temporary directory (or ``--keep DIR``).  Set MTFIX_CACHE_DIR to a folder of your own.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_SENTENCES = [
    "The city council approved the new budget on Tuesday after a long debate.",
    "Officials said the the road will be closed until the end of the month.",
    "Heavy rains caused flooding in several districts, residents reported.",
    "The minister have said that prices of oilgas will rise next year.",
    "Schools in the region stay open despite the storm warnings.",
    "According to the report , the number of tourists increased by 12 percent.",
    "The bridge , which was built in 1970, needs urgent repairs.",
    "Police are investigating the incident and asked witnesses to come forward.",
    "Farmers complained that the the price of fertiliser doubled.",
    "The festival will take place in the old town from 5 to 9 June.",
]


_FIRST = ("Aydan", "Rauf", "Leyla", "Tural", "Nigar", "Elvin", "Sevda", "Kamran", "Gunay", "Orkhan")
_LAST = ("Hasanli", "Mammadzade", "Quliyeva", "Bayramli", "Askerov", "Rzayeva", "Nabiyev", "Safarli", "Ismayilova",
         "Huseynov", "Karimli", "Aliyeva", "Veliyev", "Jafarli", "Abbasova", "Rustamov", "Zeynalli", "Babayeva",
         "Guliyev", "Tagiyeva")


def glossary_names(n: int) -> list[tuple[str, str, str]]:
    """``n`` made-up names, each with two misspelt variants (as MT spells names: a letter swapped, a letter lost)."""
    out = []
    for i in range(n):
        first, last = _FIRST[i % len(_FIRST)], _LAST[(i // len(_FIRST)) % len(_LAST)]
        suffix = "" if i < len(_FIRST) * len(_LAST) else f"-{i // (len(_FIRST) * len(_LAST))}"
        name = f"{first} {last}{suffix}"
        out.append((name, name.replace("a", "e", 1), f"{first} {last[:-2]}{last[-1]}{suffix}"))
    return out


def write_glossary(path: Path, names: list[tuple[str, str, str]]) -> None:
    """A TSV glossary (``term``, ``variants``) of ``names``."""
    path.write_text("term\tvariants\n" + "".join(f"{t}\t{a}|{b}\n" for t, a, b in names), encoding="utf-8")


def write_batch(root: Path, files: int, names: list[tuple[str, str, str]] | None = None) -> int:
    """``files`` small news files in 20 folders; their total size in bytes.  With ``names``, every story quotes one
    of them, every third one by a variant."""
    total = 0
    for n in range(files):
        folder = root / f"desk-{n % 20:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        k = 3 + n % 4
        body = f"In district {n}, " + " ".join(_SENTENCES[(n + i) % len(_SENTENCES)] for i in range(k))
        if names:
            who = names[n % len(names)][1 if n % 3 == 0 else 0]
            body += f" {who} told reporters the work would go on."
        body += "\n"
        (folder / f"story-{n:05d}.txt").write_text(body, encoding="utf-8")
        total += len(body.encode("utf-8"))
    return total


def composition(html: str) -> dict[str, int]:
    """Bytes of the page by part (UTF-8)."""
    def size(parts: list[str]) -> int:
        return sum(len(p.encode("utf-8", "surrogateescape")) for p in parts)

    summaries = re.findall(r'<section class="summary".*?</section>', html, re.S)
    files = re.findall(r'<ol class="files" id="files">.*?</ol>', html, re.S)
    data = re.findall(r'<script type="application/(?:json|octet-stream)" id="mtfix-(?:file-|chunk-|list)[^"]*".*?</script>',
                      html, re.S)
    whole = size([html])
    parts = {"summaries (HTML)": size(summaries), "file list (HTML)": size(files),
             "file data (+ compressed list, summaries)": size(data)}
    parts["rest"] = whole - sum(parts.values())
    parts["whole page"] = whole
    return parts


_OPEN_LAST = """
var done = arguments[arguments.length - 1];
var t0 = performance.now();
var last = (window.mtfixReview.files || document.querySelectorAll('#files a[data-file]').length) - 1;
window.mtfixReview.showFile(last).then(function () {
  requestAnimationFrame(function () { setTimeout(function () { done(performance.now() - t0); }, 0); });
});
"""


#: Typing into *Filter files* (the whole query at once, as a paste), to the next frame drawn.
_FILTER = """
var done = arguments[arguments.length - 1], box = document.getElementById('file-search');
var t0 = performance.now();
box.value = arguments[0];
box.dispatchEvent(new Event('input', {bubbles: true}));
requestAnimationFrame(function () { setTimeout(function () { done([performance.now() - t0,
  document.querySelectorAll('#files a[data-file]').length]); }, 0); });
"""

#: *Filter files* queries: one that leaves 10 of 10,000 files, then cleared.
QUERIES = ("story-0999", "")


def browser_times(page: Path, runs: int) -> tuple[list[float], list[float], dict[str, list[float]]]:
    """(load to ready, opening the last file, each filter query's time), in ms, each run in a fresh Chromium."""
    from mtfix.review.browser import chrome, wait_ready

    loads, opens, filters = [], [], {q: [] for q in QUERIES}
    for n in range(runs):
        d = chrome()
        try:
            d.set_script_timeout(120)
            t0 = time.perf_counter()
            d.get(page.resolve().as_uri() + f"?run={n}")
            wait_ready(d, timeout=300)
            loads.append((time.perf_counter() - t0) * 1000)
            for q in QUERIES:
                took, links = d.execute_async_script(_FILTER, q)
                filters[q].append(float(took))
                print(f"  run {n}: filter {q!r}: {took:.0f} ms, {links} links in the page", flush=True)
            opens.append(float(d.execute_async_script(_OPEN_LAST)))
        finally:
            d.quit()
    return loads, opens, filters


def say(runs: int, loads: list[float], opens: list[float], filters: dict[str, list[float]]) -> None:
    print(f"Chromium, {runs} cold loads: ready median {statistics.median(loads) / 1000:.2f} s "
          f"(best {min(loads) / 1000:.2f}, worst {max(loads) / 1000:.2f}); "
          f"opening the last file median {statistics.median(opens):.0f} ms (worst {max(opens):.0f})")
    for q, times in filters.items():
        print(f"  Filter files {q!r} ({'cleared' if not q else 'typed'}): median {statistics.median(times):.0f} ms "
              f"(worst {max(times):.0f})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="write the batch and the page here (kept)")
    ap.add_argument("--page", type=Path, help="only measure this page (an earlier --keep's review.html) in Chromium")
    ap.add_argument("--glossary", type=int, default=0, metavar="N",
                    help="a glossary of N names, mentioned in the stories (every third misspelt)")
    ap.add_argument("--instructions", action="store_true", help="count the review run's instructions (valgrind)")
    ap.add_argument("--no-browser", action="store_true", help="measure the page only, not Chromium")
    args = ap.parse_args()
    if args.page:
        for k, v in composition(args.page.read_text(encoding="utf-8", errors="surrogateescape")).items():
            print(f"  {k:40s} {v / 1e6:8.2f} MB")
        say(args.runs, *browser_times(args.page, args.runs))
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        batch = root / "batch"
        names = glossary_names(args.glossary) if args.glossary else None
        size = write_batch(batch, args.files, names)
        out = root / "review.html"
        cmd = [sys.executable, "-m", "mtfix", "review", "--grammar", "off", "-q", str(batch), "-o", str(out)]
        if names:
            write_glossary(root / "names.tsv", names)
            cmd += ["--glossary", str(root / "names.tsv")]
        t0 = time.perf_counter()
        subprocess.run(cmd, check=False, cwd=REPO)
        took = time.perf_counter() - t0
        html = out.read_text(encoding="utf-8", errors="surrogateescape")
        print(f"{args.files} files, {size / 1e6:.2f} MB of text"
              + (f", a glossary of {len(names)} names" if names else "") + f": mtfix review {took:.1f} s")
        if args.instructions:
            from bench_cold_ab import instructions

            n = instructions(cmd, REPO, dict(os.environ), root)
            print(f"  mtfix review: {n / 1e6:,.1f} M instructions (cachegrind)")
        for k, v in composition(html).items():
            print(f"  {k:40s} {v / 1e6:8.2f} MB")
        pages = sorted(p for p in root.glob("review*.html"))
        if len(pages) > 1:
            print(f"  pages written: {len(pages)}, total {sum(p.stat().st_size for p in pages) / 1e6:.2f} MB")
        if not args.no_browser:
            say(args.runs, *browser_times(out, args.runs))


if __name__ == "__main__":
    main()
