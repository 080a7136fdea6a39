"""What the source-aware checks (MTF5xx) see of MQM's accuracy errors, and candidate checks (issue 11, session 43).

Development data only: MQM zh-en 2020 (MT records as ``eval_data`` keeps them; its two human translations as
professional text) and MLQE-PE train (MT against its post-edit, same source).  For the MTF5xx codes and each
candidate of :data:`CANDIDATES` (fixed before measuring; bench/RESULTS.md, session 43) it prints: the records
it fires on, its span precision against the raters' accuracy spans, the within-item win rate (of two
translations of one source, it fires on one only: the share where that one carries more accuracy points), its
rate on the human translations, MLQE-PE train MT/post-edit hits, and the 2020 score with the source given
(``eval_scores.py``'s bilingual row) with the candidate added: flat and item-grouped τ_b.

    python bench/source_accuracy.py [--items N]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import regex

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_data import DATA_ENV_HINT, MQM_SETS, first_items, read_jsonl, require_data  # noqa: E402
from eval_scores import correlations  # noqa: E402
from score_components import gold_parts  # noqa: E402

Span = tuple[int, int]
ACCURACY = ("Accuracy/", "Terminology/", "Non-translation!")
PAIRS = ("ro-en", "et-en", "ne-en", "si-en", "ru-en")

_LATIN_TOKEN = regex.compile(r"(?<![\p{Latin}\p{N}])[\p{Latin}\p{N}][\p{Latin}\p{N}.&+'-]*(?<![.'-])")
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’]\p{L}+)?")
_STOP = frozenset(("the", "a", "an", "of", "to", "in", "on", "at", "for", "and", "or", "but", "with", "by", "from",
                   "as", "is", "are", "was", "were", "be", "been", "that", "this", "these", "those", "it", "its",
                   "their", "his", "her", "they", "them", "he", "she", "we", "our", "you", "your", "i", "not", "no"))
_QUOTES_SRC = regex.compile(r"“[^”]+”|「[^」]+」|『[^』]+』|\"[^\"]+\"")
_QUOTES_TGT = regex.compile(r"[\"“”«»„‘「」]")
_BRACKETS_SRC = regex.compile(r"（[^）]+）|\([^)]+\)|【[^】]+】|\[[^\]]+\]")
_BRACKETS_TGT = regex.compile(r"[(\[（【]")


def _whole(text: str) -> list[Span]:
    return [(0, len(text.rstrip()))]


def latin_missing(source: str, target: str) -> list[Span]:
    """c2: a Latin-script token of a non-Latin source (≥ 2 letters, or letters and digits) absent from the target."""
    letters = regex.findall(r"\p{L}", source)
    if not letters or sum(bool(regex.match(r"\p{Latin}", c)) for c in letters) * 2 > len(letters):
        return []
    flat = regex.sub(r"[^\p{L}\p{N}]", "", target.casefold())
    for m in _LATIN_TOKEN.finditer(source):
        tok = m.group()
        n_letters = len(regex.findall(r"\p{Latin}", tok))
        wanted = n_letters >= 2 or (n_letters and regex.search(r"\p{N}", tok))
        if wanted and regex.sub(r"[^\p{L}\p{N}]", "", tok.casefold()) not in flat:
            return _whole(target)
    return []


def length_z(cut: float) -> Callable[[str, str], list[Span]]:
    """c3: the length model's omission z below ``cut`` (MTF505 reports below −3.5)."""
    from mtfix.checks.length_ratio import load_model

    model = load_model()

    def check(source: str, target: str) -> list[Span]:
        z = model.assess(source, target)
        return _whole(target) if z is not None and z < cut else []

    return check


def _source_repeats(source: str) -> bool:
    han = regex.findall(r"\p{Han}+", source)
    if han:
        grams = Counter(run[i:i + 2] for run in han for i in range(len(run) - 1))
    else:
        words = [w.casefold() for w in _WORD.findall(source)]
        grams = Counter(tuple(words[i:i + 3]) for i in range(len(words) - 2))
    return any(c > 1 for c in grams.values())


def repeated_phrase(source: str, target: str) -> list[Span]:
    """c4: a target word trigram with a content word written twice; the source repeats no Han bigram
    (a source in another script: no word trigram)."""
    words = list(_WORD.finditer(target))
    seen: dict[tuple[str, ...], int] = {}
    for i in range(len(words) - 2):
        gram = tuple(w.group().casefold() for w in words[i:i + 3])
        if not any(len(g) >= 4 and g not in _STOP and not g.isdigit() for g in gram):
            continue
        if gram in seen and seen[gram] + 3 <= i:
            if _source_repeats(source):
                return []
            return [(words[i].start(), words[i + 2].end())]
        seen.setdefault(gram, i)
    return []


def brackets_missing(source: str, target: str) -> list[Span]:
    """c5a: a bracket pair in the source, none in the target."""
    return _whole(target) if _BRACKETS_SRC.search(source) and not _BRACKETS_TGT.search(target) else []


def quotes_missing(source: str, target: str) -> list[Span]:
    """c5b: a quotation in the source, no quotation mark in the target."""
    return _whole(target) if _QUOTES_SRC.search(source) and not _QUOTES_TGT.search(target) else []


#: fixed before measuring (bench/RESULTS.md, session 43); c1 is MTF501's own change (``BilingualChecker.scales``)
CANDIDATES: dict[str, Callable[[str, str], list[Span]] | None] = {
    "c1 MTF501 reading 万/亿, Han numerals, English scales": None,
    "c2 Latin token of the source missing": latin_missing,
    "c3 length omission z < -2.5": length_z(-2.5),
    "c3 length omission z < -2.0": length_z(-2.0),
    "c4 target trigram repeated, source repeats none": repeated_phrase,
    "c5a brackets of the source missing": brackets_missing,
    "c5b quotation of the source missing": quotes_missing,
}


# -- measures ----------------------------------------------------------------------------------------------
def accuracy_spans(rec: dict[str, Any]) -> list[tuple[str, int, int]]:
    """(category, start, end) of the raters' accuracy errors on the target (a zero-width span widened by one)."""
    out = []
    for e in rec.get("errors") or []:
        if e["category"].startswith(ACCURACY) and e.get("side") != "source" and e.get("start") is not None:
            out.append((e["category"], e["start"], max(e["end"], e["start"] + 1)))
    return out


def overlaps(spans: list[Span], rec: dict[str, Any]) -> bool:
    return any(s < e2 and s2 < e for s, e in spans for _, s2, e2 in accuracy_spans(rec))


def win_rate(fired: list[bool], acc: list[float], items: list[Any]) -> tuple[float, int]:
    """Over pairs of one item's translations where exactly one is fired on: the share where that one has
    more accuracy points (ties half)."""
    groups: dict[Any, list[tuple[bool, float]]] = defaultdict(list)
    for f, a, i in zip(fired, acc, items, strict=True):
        groups[i].append((f, a))
    wins = pairs = 0.0
    for g in groups.values():
        for f1, a1 in g:
            if not f1:
                continue
            for f2, a2 in g:
                if not f2:
                    pairs += 1
                    wins += 1.0 if a1 > a2 else 0.5 if a1 == a2 else 0.0
    return (wins / pairs if pairs else float("nan")), int(pairs)


def taus(values: list[float], gold: list[float], items: list[Any]) -> tuple[float, float]:
    c = correlations(values, gold, items, None)
    return c.get("tau_flat") or float("nan"), c.get("tau_item") or float("nan")


# -- the run -------------------------------------------------------------------------------------------------
def load_2020(items: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    mset = MQM_SETS[0]
    recs = read_jsonl(require_data(hint=DATA_ENV_HINT) / mset.file)
    if items:
        recs = first_items(recs, items)
    mt = [r for r in recs if mset.keep(r)]
    human = [r for r in recs if r.get("is_human") and r.get("target") and r["target_status"] != "ambiguous"]
    return mt, human


def main(argv: list[str] | None = None) -> None:
    from mtfix.checks.source_target import BilingualChecker
    from mtfix.config import Config
    from mtfix.findings import make_finding
    from mtfix.model import Severity
    from mtfix.pipeline import Pipeline
    from mtfix.scoring.fluency import fluency

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=0, help="source segments of 2020 (0: all)")
    ap.add_argument("--pe-limit", type=int, default=0, help="MLQE-PE train records per pair (0: all)")
    args = ap.parse_args(argv)
    mt, human = load_2020(args.items)
    pipe = Pipeline(Config(grammar="off"))
    off = BilingualChecker()
    off.scales = False
    gold = [-r["mqm_score"] for r in mt]
    acc = [gold_parts(r).get("accuracy", 0.0) for r in mt]
    items = [r["seg_id"] for r in mt]
    checks, target_only = [], []
    for r in mt:
        checks.append(pipe.check(pipe.document(r["target"], source=r["source"])))
        target_only.append(pipe.check(r["target"]))
    print(f"MQM zh-en 2020 MT records {len(mt)}, items {len(set(items))}, human records {len(human)}")

    def fl(check: Any, findings: list[Any]) -> float:
        f = fluency(check.document, findings).fluency
        return 100.0 if f is None else f

    before_findings = []  # MTF501 as before session 43 (scales off)
    for c in checks:
        old = [f for f in off.check(c.document) if f.code == "MTF501"]
        before_findings.append([f for f in c.findings if f.code != "MTF501"] + old)
    base = [fl(c, fs) for c, fs in zip(checks, before_findings, strict=True)]
    rows = [("target only (shipped main row)", *taus([fl(c, c.findings) for c in target_only], gold, items)),
            ("source given, MTF501 as before (bilingual row)", *taus(base, gold, items)),
            ("source given, c1 (MTF501 reading scales)", *taus([fl(c, c.findings) for c in checks], gold, items))]
    codes = sorted({f.code for fs in before_findings for f in fs if f.code.startswith("MTF5")})
    for code in codes:
        rows.append((f"source given without {code}",
                     *taus([fl(c, [f for f in fs if f.code != code]) for c, fs in zip(checks, before_findings, strict=True)],
                           gold, items)))
    print("\n| score (2020 MT) | τ_b flat | τ_b item |\n|---|---|---|")
    for name, tf, ti in rows:
        print(f"| {name} | {tf:+.4f} | {ti:+.4f} |")

    # what each MTF5xx code hits, by accuracy sub-category (record-level and span overlap)
    variants = {"MTF501 before": [[f for f in fs if f.code == "MTF501"] for fs in before_findings],
                "MTF501 after (c1)": [[f for f in c.findings if f.code == "MTF501"] for c in checks]}
    for code in codes:
        if code != "MTF501":
            variants[code] = [[f for f in fs if f.code == code] for fs in before_findings]
    cats = Counter(cat for r in mt for cat, _, _ in accuracy_spans(r))
    print("\n| check | records | span precision | win rate (pairs) | " + " | ".join(cats) + " |")
    print("|---|---|---|---|" + "---|" * len(cats))
    human_rates: dict[str, float] = {}
    for name, per in variants.items():
        fired = [bool(fs) for fs in per]
        hit = Counter()
        for r, fs in zip(mt, per, strict=True):
            spans = [(f.start, max(f.end, f.start + 1)) for f in fs]
            for cat, s2, e2 in accuracy_spans(r):
                if any(s < e2 and s2 < e for s, e in spans):
                    hit[cat] += 1
        prec = sum(overlaps([(f.start, max(f.end, f.start + 1)) for f in fs], r) for r, fs in zip(mt, per, strict=True) if fs)
        wr, pairs = win_rate(fired, acc, items)
        n = sum(fired)
        print(f"| {name} | {n} | {prec / n if n else float('nan'):.2f} | {wr:.2f} ({pairs}) | "
              + " | ".join(f"{100 * hit[c] / cats[c]:.2f}%" for c in cats) + " |")
    for name, checker_scales in (("MTF501 before", False), ("MTF501 after (c1)", True)):
        chk = BilingualChecker()
        chk.scales = checker_scales
        from mtfix.segment import to_document
        human_rates[name] = sum(any(f.code == "MTF501" for f in chk.check(to_document(r["target"], source=r["source"])))
                                for r in human) / max(len(human), 1)

    # the candidates
    print("\n| candidate | MT records | rate MT | rate human | span precision | win rate (pairs) | τ_b flat | τ_b item |")
    print("|---|---|---|---|---|---|---|---|")
    mt_rate501 = [sum(bool(fs) for fs in variants[k]) / len(mt) for k in ("MTF501 before", "MTF501 after (c1)")]
    for k, rate in zip(("MTF501 before", "MTF501 after (c1)"), mt_rate501, strict=True):
        print(f"| {k} | {round(rate * len(mt))} | {rate:.4f} | {human_rates[k]:.4f} | | | | |")
    results: dict[str, list[list[Span]]] = {}
    for name, fn in CANDIDATES.items():
        if fn is None:
            continue
        spans = [fn(r["source"], r["target"]) for r in mt]
        results[name] = spans
        fired = [bool(s) for s in spans]
        n = sum(fired)
        hr = sum(bool(fn(r["source"], r["target"])) for r in human) / max(len(human), 1)
        prec = sum(overlaps(s, r) for r, s in zip(mt, spans, strict=True) if s) / n if n else float("nan")
        wr, pairs = win_rate(fired, acc, items)
        scored = []
        for c, fs, sp in zip(checks, before_findings, spans, strict=True):
            extra = [make_finding(c.document, "MTF599", "Accuracy/Omission", Severity.MAJOR, s, e, "candidate",
                                  origin="bilingual") for s, e in sp[:1]]
            scored.append(fl(c, fs + extra))
        tf, ti = taus(scored, gold, items)
        print(f"| {name} | {n} | {n / len(mt):.4f} | {hr:.4f} | {prec:.2f} | {wr:.2f} ({pairs}) | {tf:+.4f} | {ti:+.4f} |")

    # MLQE-PE train: MT against post-edit
    print("\n| candidate | " + " | ".join(f"{p} MT/PE" for p in PAIRS) + " |")
    print("|---|" + "---|" * len(PAIRS))
    pe = {}
    for p in PAIRS:
        path = require_data(hint=DATA_ENV_HINT) / f"mlqe-pe-{p}-train.jsonl.gz"
        if path.exists():
            recs = read_jsonl(path)
            pe[p] = recs[: args.pe_limit] if args.pe_limit else recs
    for name, fn in CANDIDATES.items():
        if fn is None:
            continue
        cells = []
        for p in PAIRS:
            recs = pe.get(p, [])
            a = sum(bool(fn(r["source"], r["mt"])) for r in recs)
            b = sum(bool(fn(r["source"], r["pe"])) for r in recs)
            cells.append(f"{a}/{b}")
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
