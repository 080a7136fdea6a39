"""Can a general-English word trigram LM give the garble detector meaning-level evidence? (session 18, issue 11)

A measured study, nothing shipped.  The LM is CMU Sphinx's generic US English trigram model
(``model/en-us/en-us.lm.bin`` in the ``pocketsphinx`` 5.1.1 wheel, BSD-style licence; 72 545 lower-case
words, 2.05 M bigrams, 1.67 M trigrams).  Install it out of the shared environment, e.g.
``pip install --target /tmp/pslib pocketsphinx==5.1.1`` and ``PYTHONPATH=/tmp/pslib:.``.

Per sentence, for every word ``w`` whose context words are lower-case, alphabetic and in the LM's
vocabulary (names and rare words conditioned away), the *contextual drop*
``d(w) = log10 P(w) − log10 P(w | two words before)``: how much less likely the word is here than
anywhere (positive = surprising in context; an unseen pair backs off to ``P(w)`` times the history's
back-off weight, so a rare word is not surprising for being rare).  Features: max, mean of the top 3,
mean, the count with ``d > 2``, the worst 3-word window (sum of ``d`` over the window and the two words
it conditions: a reviewer's span), and for orientation the plain mean log10 ``P(w | history)``.

    python bench/lm_evidence.py auc          # AUC of each feature: realmt train, paired, MLQE-PE dev
    python bench/lm_evidence.py auc --dev    # the same on realmt dev (report once, after choosing)
    python bench/lm_evidence.py spans        # the worst window of train MT and professional sentences
    python bench/lm_evidence.py cost         # load time, memory, per-sentence time
    python bench/lm_evidence.py evidence --cache E.jsonl   # vs bench/major_evidence.py's collected rows

Never read: realmt dev (without ``--dev``), MQM 2023, he-en 2023, MLQE-PE test/test21.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from eval_data import SHARED_HELP, read_jsonl, require_shared, shared_dir

REPO = Path(__file__).resolve().parents[1]
LN10 = math.log(10.0)
#: pocketsphinx's log base (logmath 1.0001): an integer score times this is a natural log.
LOGBASE = math.log(1.0001)
WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|[^\sA-Za-z]+")
THRESH = 2.0  # log10: a word 100 times less likely here than anywhere
FEATURES = ("drop_max", "drop_top3", "drop_mean", "drop_count", "window_max", "logp_mean")


class LM:
    """The Sphinx trigram LM through pocketsphinx's ``NGramModel`` (log10 probabilities)."""

    def __init__(self, path: str | None = None):
        try:
            import pocketsphinx
        except ImportError:
            sys.exit("lm_evidence: pocketsphinx is not importable; install it with --target and add it to PYTHONPATH")
        if path is None:
            path = str(Path(pocketsphinx.__file__).parent / "model" / "en-us" / "en-us.lm.bin")
        self.model = pocketsphinx.NGramModel.readfile(path)
        self._uni: dict[str, float | None] = {}

    def logp(self, word: str, history: Sequence[str] = ()) -> float:
        """log10 P(word | history), history oldest first."""
        return self.model.prob([word, *reversed(history)]) * LOGBASE / LN10

    def unigram(self, word: str) -> float | None:
        """log10 P(word), None when out of vocabulary."""
        if word not in self._uni:
            v = self.model.prob([word])
            self._uni[word] = None if v < -10**8 else v * LOGBASE / LN10
        return self._uni[word]


def _usable(tok: str, lm: LM) -> bool:
    return tok.isalpha() and tok.islower() and lm.unigram(tok) is not None


def drops(text: str, lm: LM) -> list[tuple[int, str, float, float]]:
    """(token index, word, contextual drop, log10 P(w|h)) for each conditioned word of ``text``.

    A word counts when it and the (up to two) words before it in the same stretch (no punctuation in
    between) are lower-case, alphabetic and in the LM's vocabulary: the first word of a stretch gets no
    figure, a capitalised word (a name, a sentence start) breaks the stretch."""
    toks = WORD.findall(text)
    out = []
    for i, t in enumerate(toks):
        if not _usable(t, lm) or i == 0 or not _usable(toks[i - 1], lm):
            continue
        hist = [toks[i - 1]]
        if i >= 2 and _usable(toks[i - 2], lm):
            hist.insert(0, toks[i - 2])
        lp = lm.logp(t, hist)
        out.append((i, t, lm.unigram(t) - lp, lp))  # type: ignore[operator]
    return out


def features(text: str, lm: LM) -> tuple[dict[str, float], str]:
    """The sentence's features and its worst window's words."""
    ds = drops(text, lm)
    toks = WORD.findall(text)
    if not ds:
        return dict.fromkeys(FEATURES, 0.0), ""
    vals = sorted((d for _, _, d, _ in ds), reverse=True)
    by_idx = {i: d for i, _, d, _ in ds}
    best, span = -1e9, ""
    for i, _, _, _ in ds:  # window: the word i and the two after it (each conditioned on i)
        s = sum(by_idx.get(j, 0.0) for j in (i, i + 1, i + 2))
        if s > best:
            best, span = s, " ".join(toks[max(0, i - 1): i + 3])
    f = {"drop_max": vals[0], "drop_top3": sum(vals[:3]) / min(3, len(vals)), "drop_mean": sum(vals) / len(vals),
         "drop_count": float(sum(v > THRESH for v in vals)), "window_max": best,
         "logp_mean": -sum(lp for *_, lp in ds) / len(ds)}
    return f, span


def auc(pos: Sequence[float], neg: Sequence[float]) -> float:
    """P(a positive scores above a negative), ties half."""
    if not pos or not neg:
        return float("nan")
    neg_sorted = sorted(neg)
    import bisect
    total = 0.0
    for p in pos:
        lo, hi = bisect.bisect_left(neg_sorted, p), bisect.bisect_right(neg_sorted, p)
        total += lo + 0.5 * (hi - lo)
    return total / (len(pos) * len(neg))


def paired(a: Sequence[float], b: Sequence[float]) -> float:
    """Share of pairs where the MT scores above its correction, ties half."""
    return sum(1.0 if x > y else 0.5 if x == y else 0.0 for x, y in zip(a, b, strict=True)) / len(a)


def sets(shared: Path, dev: bool, min_hter: float = 0.25) -> dict[str, Any]:
    """Texts: realmt MT / corrections / professional (train, or dev); for train also MLQE-PE dev garbled MT
    (HTER at least ``min_hter``) vs its post-edit."""
    split = "dev" if dev else "train"
    mt = read_jsonl(shared / "realmt" / f"real_mt_{split}.jsonl")
    clean = read_jsonl(shared / "realmt" / f"clean_news_{split}.jsonl")
    out: dict[str, Any] = {"mt": [r["text"] for r in mt], "clean": [r["text"] for r in clean],
                           "pairs": [(r["text"], r["correction"]) for r in mt if r.get("correction")]}
    if not dev:
        mlqe_mt, mlqe_pe = [], []
        for lp in ("et", "ne", "ro", "ru", "si"):
            for r in read_jsonl(shared / "benchmarks" / f"mlqe-pe-{lp}-en-dev.jsonl"):
                if r["hter"] is not None and r["hter"] >= min_hter:
                    mlqe_mt.append(r["mt"])
                    mlqe_pe.append(r["pe"])
        out["mlqe_mt"], out["mlqe_pe"] = mlqe_mt, mlqe_pe
    return out


def cmd_auc(args: argparse.Namespace, lm: LM) -> None:
    s = sets(args.shared, args.dev)
    feats = {k: [features(t, lm)[0] for t in v] for k, v in s.items() if k != "pairs"}
    pm = [features(a, lm)[0] for a, _ in s["pairs"]]
    pc = [features(b, lm)[0] for _, b in s["pairs"]]
    split = "dev" if args.dev else "train"
    head = f"| feature | realmt {split} MT vs professional AUC | MT vs own correction, paired |"
    if not args.dev:
        head += " MLQE-PE dev MT (HTER≥0.25) vs post-edit AUC |"
    print(head)
    print("|---|---:|---:|" + ("---:|" if not args.dev else ""))
    for f in FEATURES:
        row = (f"| {f} | {auc([x[f] for x in feats['mt']], [x[f] for x in feats['clean']]):.3f} | "
               f"{paired([x[f] for x in pm], [x[f] for x in pc]):.3f} |")
        if not args.dev:
            row += f" {auc([x[f] for x in feats['mlqe_mt']], [x[f] for x in feats['mlqe_pe']]):.3f} |"
        print(row)
    print(f"\n{len(s['mt'])} MT, {len(s['clean'])} professional, {len(s['pairs'])} pairs"
          + ("" if args.dev else f", MLQE-PE dev {len(s['mlqe_mt'])} pairs"))


def cmd_spans(args: argparse.Namespace, lm: LM) -> None:
    s = sets(args.shared, False)
    for name in ("mt", "clean"):
        rows = sorted(((features(t, lm)[0]["window_max"], features(t, lm)[1]) for t in s[name]), reverse=True)
        print(f"## {name}: the {args.n} highest worst windows")
        for w, span in rows[: args.n]:
            print(f"{w:6.2f}  {span}")


def cmd_cost(args: argparse.Namespace) -> None:
    import resource
    t0 = time.perf_counter()
    lm = LM()
    load = time.perf_counter() - t0
    texts = [t for v in sets(args.shared, False).values() if isinstance(v, list) for t in v if isinstance(t, str)]
    t0 = time.perf_counter()
    for t in texts:
        features(t, lm)
    per = (time.perf_counter() - t0) / len(texts)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    import pocketsphinx
    size = (Path(pocketsphinx.__file__).parent / "model" / "en-us" / "en-us.lm.bin").stat().st_size / 1e6
    print(f"model file {size:.1f} MB; load {load * 1000:.0f} ms; {len(texts)} sentences, "
          f"{per * 1e6:.0f} µs per sentence; peak RSS {rss:.0f} MB")


def cmd_evidence(args: argparse.Namespace, lm: LM) -> None:
    """bench/major_evidence.py's test on its cache: for each feature and probability floor, the lowest threshold
    above every raisable professional sentence (MTF401 minor where a major is allowed, no major yet), and the
    raisable train MT sentences above it; then the professional 99th percentile and what lies above it."""
    sys.path.insert(0, str(REPO / "bench"))
    import major_evidence as me

    rows = [json.loads(line) for line in args.cache.open(encoding="utf-8")]
    cand = [r for r in rows if not me.is_major(r) and me.minor_401(r) and "-dev" not in r["corpus"]]
    for r in cand:
        r["lm"] = features(r["text"], lm)[0]
    mt = [r for r in cand if r["corpus"] == "mt-train"]
    pro = [r for r in cand if r["corpus"] in me.PROFESSIONAL or r["corpus"] not in ("mt-train",)]
    print(f"raisable: {len(mt)} train MT, {len(pro)} professional (realmt train professional and corrections, audit)")
    print("| feature | p floor | threshold (above every professional) | train MT above | "
          "professional q99 | train MT above q99 (langs) | professional above q99 |")
    print("|---|---:|---:|---:|---:|---|---:|")
    for f in FEATURES:
        for floor in (0.30, 0.40, 0.50):
            m = [r for r in mt if r.get("p", 0) >= floor]
            q = sorted(r["lm"][f] for r in pro if r.get("p", 0) >= floor)
            if not q:
                continue
            top, q99 = q[-1], q[min(len(q) - 1, int(0.99 * len(q)))]
            above = [r for r in m if r["lm"][f] > q99]
            langs = len({r["lang"] for r in above})
            print(f"| {f} | {floor:.2f} | {top:.3f} | {sum(r['lm'][f] > top for r in m)} | {q99:.3f} | "
                  f"{len(above)} ({langs}) | {sum(v > q99 for v in q)} |")


def main(argv: Iterable[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", choices=("auc", "spans", "cost", "evidence"))
    ap.add_argument("--shared", type=shared_dir, default=shared_dir(), help=SHARED_HELP)
    ap.add_argument("--dev", action="store_true", help="realmt dev instead of train (report once, after choosing)")
    ap.add_argument("--cache", type=Path, help="bench/major_evidence.py collect output (evidence)")
    ap.add_argument("-n", type=int, default=15)
    args = ap.parse_args(list(argv) if argv is not None else None)
    require_shared(args.shared, "realmt", "lm_evidence")
    if args.command == "cost":
        cmd_cost(args)
        return
    lm = LM()
    {"auc": cmd_auc, "spans": cmd_spans, "evidence": cmd_evidence}[args.command](args, lm)


if __name__ == "__main__":
    main()
