"""LanguageTool integration: cache speed-up, mtfix's overhead over LT's own time, and the allowlist.

All against one warm LT server started here (1 GB heap) and stopped at the end, in the same run:

1. **cache**: ``mtfix check --grammar required --format json`` on the five seed documents (one file)
   as a process, twice with a fresh results cache: the second run is served from the cache
   (its JSON stats: all hits).  Also the grammar checker's own time in both runs.
2. **overhead** (``--mb``, default 1): MLQE-PE MT output (``../shared/benchmarks``) joined to that
   size.  Baseline: the same segments, in the same batches, posted with bare ``requests`` by the
   same number of threads (LT's own time as seen from the client).  Then ``GrammarChecker.check``
   with an empty cache (segmenting excluded; cache writes, mapping and glossary filtering included).
3. **allowlist** (``--allowlist``): per LT rule on that text, how often the first suggestion moves
   the MT sentence closer to the professional post-edit (character edit distance) than away,
   and how often each rule fires on the clean seeds 000-003.

Run: ``python bench/bench_grammar.py [--mb 1] [--allowlist] [--skip-overhead]``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.eval_data import SHARED_ENV_HINT, require_parts, shared_dir  # noqa: E402
from mtfix.grammar.batching import plan_batches  # noqa: E402
from mtfix.grammar.checker import GrammarChecker  # noqa: E402
from mtfix.grammar.client import bmp_only  # noqa: E402
from mtfix.grammar.install import verify  # noqa: E402
from mtfix.grammar.server import start_server  # noqa: E402
from mtfix.grammar.settings import settings_from  # noqa: E402
from mtfix.model import Document  # noqa: E402
from mtfix.segment import to_document  # noqa: E402

SHARED = shared_dir()


def machine() -> str:
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def bench_cache(url: str, tmp: Path) -> dict[str, float]:
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    path = tmp / "seeds.txt"
    path.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in seeds), encoding="utf-8")
    env = dict(os.environ, MTFIX_CACHE_DIR=str(tmp / "cache-cli"))
    cmd = [sys.executable, "-m", "mtfix", "check", "--grammar", "required", "--lt-url", url, "--format", "json",
           str(path)]
    runs = []
    for _ in range(2):
        t = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp)
        runs.append((time.perf_counter() - t, json.loads(proc.stdout)["stats"]["grammar"]))
    (t1, s1), (t2, s2) = runs
    return {"bytes": path.stat().st_size, "first_s": t1, "second_s": t2, "ratio": t1 / t2,
            "first_grammar_s": s1["seconds"], "second_grammar_s": s2["seconds"],
            "grammar_ratio": s1["seconds"] / max(s2["seconds"], 1e-9), "misses_first": s1["misses"],
            "hits_second": s2["hits"], "misses_second": s2["misses"]}


def mlqe_records(splits: tuple[str, ...] = ("dev", "test")) -> list[dict]:
    """MLQE-PE records with post-edits.  The overhead measurement may read the test files
    (it tunes nothing); the allowlist decision reads the development files only."""
    out = []
    for p in sorted((SHARED / "benchmarks").glob("mlqe-pe-*-*.jsonl")):
        if p.stem.rsplit("-", 1)[-1] not in splits:
            continue  # test21 has no post-edits
        with p.open(encoding="utf-8") as fh:
            out += [json.loads(line) for line in fh]
    return out


def mlqe_text(records: list[dict], target: int) -> tuple[str, list[dict]]:
    lines, used, size = [], [], 0
    for r in records:
        if size >= target:
            break
        lines.append(r["mt"])
        used.append(r)
        size += len(r["mt"].encode("utf-8")) + 1
    return "\n".join(lines) + "\n", used


def raw_http(url: str, texts: list[str], settings) -> float:
    """The baseline: LT's time for the same batches, posted with bare requests by the same number of threads."""
    batches = plan_batches(texts, settings.batch_chars)
    local = threading.local()
    params = {"language": settings.language, "disabledRules": ",".join(settings.disabled_rules)}

    def post(batch) -> None:
        s = getattr(local, "s", None) or requests.Session()
        local.s = s
        r = s.post(url + "/v2/check", data={**params, "text": bmp_only(batch.text)}, timeout=120)
        r.raise_for_status()
        r.json()

    t = time.perf_counter()
    with ThreadPoolExecutor(settings.workers) as pool:
        list(pool.map(post, batches))
    return time.perf_counter() - t


def bench_overhead(url: str, tmp: Path, mb: float, settings) -> tuple[dict[str, float], Document, list, list]:
    """mtfix's grammar pass against bare HTTP posts of the same batches, in ABBA order
    (raw, mtfix on the first half; mtfix, raw on the second) after a warm-up, so that
    neither side gets the JVM's warm-up or a quieter machine for free."""
    text, used = mlqe_text(mlqe_records(), int(mb * 1_000_000))
    doc = to_document(text)
    texts = list(dict.fromkeys(s.text(doc) for s in doc.segments if any(c.isalpha() for c in s.text(doc))))
    raw_http(url, texts[: max(1, len(texts) // 20)], settings)  # warm-up, not timed
    half = len(doc.segments) // 2
    halves = [to_document(text), to_document(text)]
    halves[0].segments = doc.segments[:half]
    halves[1].segments = doc.segments[half:]
    half_texts = [list(dict.fromkeys(s.text(doc) for s in h.segments if any(c.isalpha() for c in s.text(doc))))
                  for h in halves]
    raw_s = mtfix_s = 0.0
    findings: list = []
    requests_n = 0
    for i, order in enumerate((("raw", "mtfix"), ("mtfix", "raw"))):
        for side in order:
            if side == "raw":
                raw_s += raw_http(url, half_texts[i], settings)
                continue
            s = dataclasses.replace(settings, url=url, cache_root=tmp / f"cache-overhead-{i}")
            checker = GrammarChecker(s, "required")
            t = time.perf_counter()
            findings += checker.check(halves[i])
            mtfix_s += time.perf_counter() - t
            requests_n += checker.stats()["requests"]
            checker.close()
    return ({"bytes": len(text.encode("utf-8")), "segments": len(doc.segments), "unique": len(texts),
             "raw_s": raw_s, "mtfix_s": mtfix_s, "overhead": mtfix_s / raw_s - 1, "requests": requests_n},
            doc, findings, used)


def allowlist_table(doc: Document, findings: list, used: list[dict], url: str, tmp: Path, settings) -> list[str]:
    from rapidfuzz.distance import Levenshtein

    line_starts, pos = [], 0
    for r in used:
        line_starts.append(pos)
        pos += len(r["mt"]) + 1
    import bisect

    verdict: dict[str, Counter] = {}
    for f in findings:
        if not f.suggestions:
            continue
        i = bisect.bisect_right(line_starts, f.start) - 1
        mt, pe = used[i]["mt"], used[i]["pe"]
        a, b = f.start - line_starts[i], f.end - line_starts[i]
        fixed = mt[:a] + f.suggestions[0] + mt[b:]
        before, after = Levenshtein.distance(mt, pe), Levenshtein.distance(fixed, pe)
        c = verdict.setdefault(f.code, Counter())
        c["fired"] += 1
        c["closer" if after < before else "away" if after > before else "same"] += 1
    s = dataclasses.replace(settings, url=url, cache_root=tmp / "cache-seeds")
    checker = GrammarChecker(s, "required")
    on_seeds: Counter = Counter()
    for p in sorted((SHARED / "seeds").glob("00[0-3]_*.txt")):
        sd = to_document(p.read_text(encoding="utf-8"))
        on_seeds.update(f.code for f in checker.check(sd))
    checker.close()
    from mtfix.grammar.mapping import safe_fixes

    allowed = {f"LT:{r}" for r in safe_fixes()}
    rows = ["| LT rule | allowlisted | fired (MT) | closer to post-edit | further | unchanged | fired on seeds 000-003 |",
            "|---|---|---:|---:|---:|---:|---:|"]
    for code, c in sorted(verdict.items(), key=lambda kv: -kv[1]["fired"]):
        if c["fired"] < 5 and code not in allowed:
            continue
        n = c["fired"]
        rows.append(f"| {code} | {'yes' if code in allowed else ''} | {n} | {c['closer'] / n:.0%} | "
                    f"{c['away'] / n:.0%} | {c['same'] / n:.0%} | {on_seeds.get(code, 0)} |")
    for code in sorted(allowed - set(verdict)):
        rows.append(f"| {code} | yes | 0 | – | – | – | {on_seeds.get(code, 0)} |")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--allowlist", action="store_true")
    ap.add_argument("--skip-overhead", action="store_true")
    args = ap.parse_args()
    require_parts(SHARED, "seeds", *(["benchmarks"] if args.allowlist else []), hint=SHARED_ENV_HINT)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        settings = dataclasses.replace(settings_from(), cache_root=tmp / "lt")
        verify(settings.home)
        t = time.perf_counter()
        server = start_server(settings)
        print(f"machine: {machine()}; LanguageTool {server.version}, heap {settings.heap}, "
              f"batch {settings.batch_chars} chars, {settings.workers} workers; server ready in "
              f"{time.perf_counter() - t:.1f} s")
        try:
            c = bench_cache(server.url, tmp)
            print(f"cache: {c['bytes'] / 1000:.0f} KB, `mtfix check` process {c['first_s']:.2f} s → "
                  f"{c['second_s']:.2f} s ({c['ratio']:.1f}×); grammar checker {c['first_grammar_s']:.2f} s → "
                  f"{c['second_grammar_s']:.3f} s ({c['grammar_ratio']:.0f}×); second run hits "
                  f"{c['hits_second']}, misses {c['misses_second']} (first: {c['misses_first']} misses)")
            if not args.skip_overhead:
                o, doc, findings, used = bench_overhead(server.url, tmp, args.mb, settings)
                print(f"overhead: {o['bytes'] / 1e6:.2f} MB, {o['segments']} segments ({o['unique']} unique), "
                      f"{o['requests']} requests; raw HTTP {o['raw_s']:.1f} s, mtfix {o['mtfix_s']:.1f} s: "
                      f"overhead {o['overhead']:+.1%} ({o['bytes'] / o['mtfix_s'] / 1000:.1f} KB/s)")
            if args.allowlist:  # decided on the development files only
                text, used = mlqe_text(mlqe_records(("dev",)), 10**9)
                doc = to_document(text)
                s = dataclasses.replace(settings, url=server.url, cache_root=tmp / "cache-allowlist")
                checker = GrammarChecker(s, "required")
                findings = checker.check(doc)
                checker.close()
                print(f"allowlist: development files only, {len(text.encode('utf-8')) / 1e6:.2f} MB")
                print("\n".join(allowlist_table(doc, findings, used, server.url, tmp, settings)))
        finally:
            server.stop()


if __name__ == "__main__":
    main()
