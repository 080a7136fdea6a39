"""How often MTF401 fires on professional English, and on MT (session 17, issue 11).

``collect`` checks every sentence (a line) as its own document (grammar off, the whole pipeline, so a
minor raised to major by a rule counts as major) and writes one JSON line per sentence: its corpus,
kind (``prof`` or ``mt``), genre (the ``# Heading`` above it in the project's own sets), words, the
detector's probability and dense inputs, and each MTF401 finding's severity and named inputs (the
``inputs:`` of its message).  Fitting and development data only: realmt **train**, the project's own
professional sets, UD EWT train, MQM zh-en 2020 / TED 2021 references and MT with a major error
(``mqm_score`` ≥ 5, as ``bench/train_detector.py``), MLQE-PE train and dev post-edits and MT with HTER
≥ 0.3.  realmt dev only with ``--dev`` (reporting).  MQM 2023, he-en 2023 and MLQE-PE test/test21 are
never read.

``report`` prints the rates and the false positives' breakdown (by the message's inputs, by length, by
genre); ``policy`` prints what a length-aware minor threshold would do on the same cache.

    python bench/minor_rate.py collect --out /tmp/minor.jsonl [--per 1000] [--dev]
    python bench/minor_rate.py report --cache /tmp/minor.jsonl
    python bench/minor_rate.py policy --cache /tmp/minor.jsonl
    python bench/minor_rate.py compare --cache BEFORE.jsonl --after AFTER.jsonl   # two trees' caches
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from audit_professional import shared_dir  # noqa: E402
from eval_data import SHARED_ENV_HINT, read_jsonl, require_parts  # noqa: E402

PAIRS = ("et", "ne", "ro", "ru", "si")
OWN = {"own-news": REPO / "tests" / "data" / "professional_news.txt",
       "own-genres": REPO / "tests" / "data" / "professional_genres.txt"}
#: Length bands (words, as the checker counts them).
BANDS = ((6, 8), (9, 11), (12, 15), (16, 20), (21, 30), (31, 999))
_INPUTS = re.compile(r"inputs: ([a-z_, ]+)\)")


def _own(path: Path) -> Iterator[tuple[str, str]]:
    genre = "-"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            head = line[1:].strip()
            if head.startswith("A ") and " pass" in head:  # "A second pass over the same genres (...)"
                genre = head.split(" (")[0].split(":")[0]
            elif head and len(head.split()) <= 8 and not head.endswith((".", ",", ")")):  # a section heading
                genre = head
        elif line.strip():
            yield line, genre


def corpora(root: Path, per: int, dev: bool) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """name → (kind, [(text, genre or language)])."""
    from mtfix.garble import conllu

    rng = random.Random(20261203)
    out: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    splits = ["train", "dev"] if dev else ["train"]
    for split in splits:
        mt = read_jsonl(root / "realmt" / f"real_mt_{split}.jsonl")
        out[f"realmt-mt-{split}"] = ("mt", [(r["text"], r.get("lang", "?")) for r in mt])
        out[f"realmt-clean-{split}"] = ("prof", [(r["text"], "news") for r in read_jsonl(root / "realmt" / f"clean_news_{split}.jsonl")])
    for name, path in OWN.items():
        out[name] = ("prof", list(_own(path)))
    out["own-round4-clean"] = ("prof", [(r["text"], r.get("source", "own"))
                                        for r in read_jsonl(REPO / "bench" / "recall_round4" / "clean.jsonl")])
    ewt = list(conllu.texts(root / "corpora" / "ud-english-ewt" / "en_ewt-ud-train.conllu"))
    rng.shuffle(ewt)
    out["ewt-train"] = ("prof", [(t, "web") for t in ewt[:per]])
    bench = root / "benchmarks"
    for name, fname in (("mqm2020", "mqm-zh-en-2020.jsonl.gz"), ("ted2021", "mqm-zh-en-ted2021.jsonl")):
        recs = [r for r in read_jsonl(bench / fname) if not r.get("is_human") and r.get("target_status") != "ambiguous"]
        refs = list(dict.fromkeys(r["reference"] for r in recs if r.get("reference")))
        rng.shuffle(refs)
        out[f"{name}-ref"] = ("prof", [(t, name) for t in refs[:per]])
        bad = list(dict.fromkeys(r["target"] for r in recs if r["mqm_score"] >= 5))
        rng.shuffle(bad)
        out[f"{name}-mt-major"] = ("mt", [(t, name) for t in bad[: per // 2]])
    for split in ("train", "dev"):
        pe, mt = [], []
        for pair in PAIRS:
            suffix = ".jsonl.gz" if split == "train" else ".jsonl"
            recs = read_jsonl(bench / f"mlqe-pe-{pair}-en-{split}{suffix}")
            rng.shuffle(recs)
            pe += [(r["pe"], pair) for r in recs[: per // 5]]
            mt += [(r["mt"], pair) for r in recs if r["hter"] is not None and r["hter"] >= 0.3][: per // 10]
        out[f"mlqe-{split}-pe"] = ("prof", pe)
        out[f"mlqe-{split}-mt-hter30"] = ("mt", mt)
    return out


def record(pipe: Any, text: str) -> dict[str, Any]:
    from mtfix.garble import checker, messages

    findings = pipe.check(text).findings
    row: dict[str, Any] = {"words": checker._words(text), "may_major": checker.may_be_major(text),
                           "mtf401": [], "other": sorted({f.code for f in findings if f.code != "MTF401"})}
    for f in findings:
        if f.code == "MTF401":
            m = _INPUTS.search(f.message_with_detail)
            row["mtf401"].append([str(f.severity), m.group(1).split(", ") if m else []])
    if checker._eligible(text):
        pred = checker.predict(text)
        row["p"] = round(pred.probability, 4)
        row["dense"] = {k: round(v, 4) for k, v in pred.analysis.dense.items()}
        row["ranked"] = messages._ranked(pred, 3, 0.1)
    return row


def collect(out: Path, per: int, dev: bool, only: list[str] | None) -> None:
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    with Pipeline(Config(grammar="off")) as pipe, out.open("w", encoding="utf-8") as fh:
        for name, (kind, items) in corpora(shared_dir(), per, dev).items():
            if only and name not in only:
                continue
            for text, genre in items:
                row = {"corpus": name, "kind": kind, "genre": genre, "text": text, **record(pipe, text)}
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")


# ------------------------------------------------------------------------------------------- report

def load(cache: Path) -> list[dict[str, Any]]:
    """The rows ``collect`` wrote to ``cache``."""
    return read_jsonl(cache)


def severities(r: dict[str, Any]) -> set[str]:
    return {s for s, _ in r["mtf401"]}


def band(n: int) -> str:
    for lo, hi in BANDS:
        if lo <= n <= hi:
            return f"{lo}-{hi}" if hi < 999 else f"{lo}+"
    return f"<{BANDS[0][0]}"


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.0f} %)" if b else "0/0"


def report(cache: Path) -> None:
    rows = load(cache)
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by[r["corpus"]].append(r)
    print("| corpus | kind | sentences | MTF401 any | minor | major |")
    print("|---|---|---|---|---|---|")
    for name, rs in by.items():
        n = len(rs)
        anyf = sum(1 for r in rs if r["mtf401"])
        mi = sum(1 for r in rs if "minor" in severities(r) and "major" not in severities(r))
        ma = sum(1 for r in rs if "major" in severities(r))
        print(f"| {name} | {rs[0]['kind']} | {n} | {_pct(anyf, n)} | {_pct(mi, n)} | {_pct(ma, n)} |")
    prof = [r for r in rows if r["kind"] == "prof" and not r["corpus"].endswith("-dev")]
    mt = [r for r in rows if r["kind"] == "mt" and not r["corpus"].endswith("-dev")]
    fp = [r for r in prof if "minor" in severities(r)]
    tp = [r for r in mt if r["mtf401"]]
    print(f"\nprofessional (fitting sets) {len(prof)}, with a minor MTF401 {len(fp)}; MT {len(mt)}, with MTF401 {len(tp)}")
    print("\nnamed inputs (share of flagged sentences whose message names the input: professional minors / MT)")
    cp = Counter(i for r in fp for s, ins in r["mtf401"] if s == "minor" for i in set(ins))
    cm = Counter(i for r in tp for _, ins in r["mtf401"] for i in set(ins))
    for k, v in cp.most_common():
        print(f"  {k:24s} {100 * v / len(fp):5.1f} %   {100 * cm.get(k, 0) / max(1, len(tp)):5.1f} %")
    print("\nfirst-named input (professional minors / MT)")
    fp1 = Counter(r["mtf401"][0][1][0] for r in fp if r["mtf401"][0][1])
    tp1 = Counter(r["mtf401"][0][1][0] for r in tp if r["mtf401"][0][1])
    for k, v in fp1.most_common():
        print(f"  {k:24s} {100 * v / len(fp):5.1f} %   {100 * tp1.get(k, 0) / max(1, len(tp)):5.1f} %")
    print("\nby length (words): professional MTF401 rate / MT MTF401 rate")
    for lo, hi in ((0, 5), *BANDS):
        ps = [r for r in prof if lo <= r["words"] <= hi]
        ms = [r for r in mt if lo <= r["words"] <= hi]
        print(f"  {lo:2d}-{hi:<3d} prof {_pct(sum(1 for r in ps if r['mtf401']), len(ps)):>18s}   "
              f"MT {_pct(sum(1 for r in ms if r['mtf401']), len(ms)):>18s}")
    print("\nby genre (the project's own sets): MTF401 rate, median words")
    for name in ("own-news", "own-genres", "own-round4-clean"):
        g: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in by.get(name, []):
            g[r["genre"]].append(r)
        for genre, rs in g.items():
            words = sorted(r["words"] for r in rs)
            print(f"  {name:16s} {genre:28s} {_pct(sum(1 for r in rs if r['mtf401']), len(rs)):>14s}  "
                  f"median {words[len(words) // 2]} words")
    print("\nmean dense inputs: professional minors / professional unflagged / MT flagged")
    keys = sorted({k for r in rows for k in r.get("dense", {})})
    un = [r for r in prof if not r["mtf401"] and "dense" in r]
    for k in keys:
        def m(rs: list[dict[str, Any]], k: str = k) -> float:
            vals = [r["dense"][k] for r in rs if "dense" in r]
            return sum(vals) / max(1, len(vals))
        print(f"  {k:24s} {m(fp):8.3f} {m(un):8.3f} {m(tp):8.3f}")


# ------------------------------------------------------------------------------------------- policy

def _fires(r: dict[str, Any], thr: dict[int, float]) -> bool:
    """Whether MTF401 would fire on ``r`` with a minor threshold by length (``thr``: words from → floor);
    a major (by probability or a corroborating rule) stays."""
    if not r["mtf401"]:
        return False
    floor = thr[max(k for k in thr if r["words"] >= k)]
    return r.get("p", 0.0) >= floor or "major" in severities(r)


#: Minor thresholds tried (words from → threshold); the first is the shipped one.
POLICIES: tuple[dict[int, float], ...] = (
    {6: 0.30},
    *({6: short, upto: 0.30} for short in (0.35, 0.40, 0.45) for upto in (9, 12, 16)),
    {6: 0.33}, {6: 0.35}, {6: 0.40},
)


def policy(cache: Path) -> None:
    """MTF401 on each fitting corpus under each of :data:`POLICIES`; for MT also the share with any finding."""
    rows = load(cache)
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by[r["corpus"]].append(r)
    names = [n for n in by if not n.endswith("-dev") or n.startswith("mlqe")]
    print("| minor threshold by words | " + " | ".join(names) + " |")
    print("|---" * (len(names) + 1) + "|")
    for thr in POLICIES:
        cells = []
        for n in names:
            rs = by[n]
            fired = sum(_fires(r, thr) for r in rs)
            cell = f"{100 * fired / len(rs):.1f}"
            if rs[0]["kind"] == "mt":
                flagged = sum(1 for r in rs if _fires(r, thr) or r["other"])
                cell += f" ({100 * flagged / len(rs):.1f})"
            cells.append(cell)
        label = ", ".join(f"{k}+: {v}" for k, v in thr.items())
        print(f"| {label} | " + " | ".join(cells) + " |")


def compare(before: Path, after: Path) -> None:
    """MTF401 (any, and minor) per corpus in two caches of the same sentences (two trees)."""
    rates: list[dict[str, tuple[int, int, int]]] = []
    for cache in (before, after):
        by: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for r in load(cache):
            c = by[r["corpus"]]
            c[0] += 1
            c[1] += bool(r["mtf401"])
            c[2] += "minor" in severities(r) and "major" not in severities(r)
        rates.append({k: (v[0], v[1], v[2]) for k, v in by.items()})
    print("| corpus | sentences | MTF401 before → after | of which minor before → after |")
    print("|---|---|---|---|")
    for name, (n, a0, m0) in rates[0].items():
        _, a1, m1 = rates[1].get(name, (n, 0, 0))
        print(f"| {name} | {n} | {100 * a0 / n:.1f} → {100 * a1 / n:.1f} % | {100 * m0 / n:.1f} → {100 * m1 / n:.1f} % |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("--out", type=Path, required=True)
    c.add_argument("--per", type=int, default=1000, help="sentences per large source (default 1000)")
    c.add_argument("--dev", action="store_true", help="also realmt dev (reporting only)")
    c.add_argument("--only", nargs="*")
    for name in ("report", "policy", "compare"):
        s = sub.add_parser(name)
        s.add_argument("--cache", type=Path, required=True)
        if name == "compare":
            s.add_argument("--after", type=Path, required=True)
    a = ap.parse_args(argv)
    if a.cmd == "collect":
        require_parts(shared_dir(), "realmt", "corpora/ud-english-ewt", "benchmarks", hint=SHARED_ENV_HINT)
        collect(a.out, a.per, a.dev, a.only)
    elif a.cmd == "report":
        report(a.cache)
    elif a.cmd == "compare":
        compare(a.cache, a.after)
    else:
        policy(a.cache)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
