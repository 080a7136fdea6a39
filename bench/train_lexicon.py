"""Fit IBM Model 1 translation tables (source↔English) and measure lexical QE features (issue 11, session 29).

Fitting data only: ``mlqe-pe-{et,ne,ro,ru,si}-en-train.jsonl.gz`` (source → post-edit) and, for
zh, the human translations (Human-A, Human-B, reference) of the *fit* documents of
``mqm-zh-en-2020.jsonl.gz`` (documents split by a stable hash: :func:`zh_fit_doc`); the other
documents are the zh development part.  Chinese is read a character at a time.

Features of a (source, target) pair (:func:`features`):

* ``src_cov``: share of the source's content words (known to the table, not among the 60
  commonest source words) one of whose top translations, or the word itself, is in the target
  (low = omission or mistranslation);
* ``tgt_cov``: the same from the English side (low = addition or hallucination);
* ``lp_st`` / ``lp_ts``: Model 1 log-probability of the target given the source, and of the
  source given the target, per token.

Usage::

    python bench/train_lexicon.py            # fit, then measure on development data
    python bench/train_lexicon.py --heldout  # also the held-out sets (once, at the end)

Pure Python (scipy for the measurement).  ``--ship`` writes the tables MTF507 uses
(``mtfix/checks/lexical_coverage.json.gz``: et, ne, ro, ru, si; zh measured nothing and is not
shipped) with the rule's thresholds, chosen on MLQE-PE dev (bench/RESULTS.md, session 29).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from eval_data import PAIRS, read_jsonl, require_data  # noqa: E402

_WORD = regex.compile(r"\p{Han}|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?")
_HAN = regex.compile(r"\p{Han}")
NULL = "<null>"
TOP_K = 5
MIN_P = 0.02
MIN_COUNT = 2
STOP_N = 60  # the commonest words of each side are function words: not counted in coverage


def tokens(text: str) -> list[str]:
    """Lower-cased words; a Chinese character is a word; numbers are left to MTF501."""
    return [w for w in _WORD.findall(text.lower()) if not w.isdigit()]


def zh_fit_doc(doc: str) -> bool:
    """Whether an MQM 2020 document is in the zh fitting part (about 60 % of the documents)."""
    return int(hashlib.sha1(doc.encode()).hexdigest()[:8], 16) % 5 < 3


def fit_pairs(root: Path, lang: str) -> list[tuple[list[str], list[str]]]:
    """The fitting (source tokens, English tokens) pairs of one language."""
    if lang != "zh":
        recs = read_jsonl(root / f"mlqe-pe-{lang}-en-train.jsonl.gz")
        return [(tokens(r["source"]), tokens(r["pe"])) for r in recs if r.get("pe")]
    seen: set[tuple[str, str]] = set()
    for r in read_jsonl(root / "mqm-zh-en-2020.jsonl.gz"):
        if not zh_fit_doc(r["doc"]):
            continue
        if r.get("is_human") and r.get("target_status") != "ambiguous":
            seen.add((r["source"], r["target"]))
        if r.get("reference"):
            seen.add((r["source"], r["reference"]))
    return [(tokens(s), tokens(t)) for s, t in sorted(seen)]


def model1(pairs: Iterable[tuple[list[str], list[str]]], iterations: int = 6) -> dict[str, dict[str, float]]:
    """IBM Model 1 t(e|f) by EM (a NULL source word included), as {f: {e: p}}."""
    data = [([NULL, *f], e) for f, e in pairs if f and e]
    t: dict[tuple[str, str], float] = {}
    e_vocab = {w for _, e in data for w in e}
    init = 1.0 / max(1, len(e_vocab))
    for _ in range(iterations):
        count: dict[tuple[str, str], float] = defaultdict(float)
        total: dict[str, float] = defaultdict(float)
        for f, e in data:
            for ew in e:
                probs = [t.get((fw, ew), init) for fw in f]
                z = sum(probs)
                for fw, p in zip(f, probs, strict=True):
                    c = p / z
                    count[fw, ew] += c
                    total[fw] += c
        t = {(fw, ew): c / total[fw] for (fw, ew), c in count.items()}
        init = 1e-9
    table: dict[str, dict[str, float]] = defaultdict(dict)
    for (fw, ew), p in t.items():
        table[fw][ew] = p
    return table


def prune(table: dict[str, dict[str, float]], counts: Counter[str]) -> dict[str, dict[str, float]]:
    """Top-:data:`TOP_K` translations of at least :data:`MIN_P` for words seen :data:`MIN_COUNT` times."""
    out = {}
    for f, row in table.items():
        if f != NULL and counts[f] < MIN_COUNT:
            continue
        best = sorted(((p, e) for e, p in row.items() if p >= MIN_P), reverse=True)[:TOP_K]
        if best:
            out[f] = {e: round(p, 4) for p, e in best}
    return out


class Lexicon:
    """Both directions' pruned tables of one language, with each side's commonest words."""

    def __init__(self, pairs: list[tuple[list[str], list[str]]] | None = None,
                 saved: dict[str, Any] | None = None) -> None:
        if saved is not None:
            self.s2t, self.t2s = saved["s2t"], saved["t2s"]
            self.src_stop, self.tgt_stop = set(saved["src_stop"]), set(saved["tgt_stop"])
            return
        pairs = pairs or []
        src_counts = Counter(w for f, _ in pairs for w in f)
        tgt_counts = Counter(w for _, e in pairs for w in e)
        self.s2t = prune(model1(pairs), src_counts)
        self.t2s = prune(model1([(e, f) for f, e in pairs]), tgt_counts)
        self.src_stop = {w for w, _ in src_counts.most_common(STOP_N)}
        self.tgt_stop = {w for w, _ in tgt_counts.most_common(STOP_N)}

    def saved(self) -> dict[str, Any]:
        return {"s2t": self.s2t, "t2s": self.t2s, "src_stop": sorted(self.src_stop), "tgt_stop": sorted(self.tgt_stop)}

    def entries(self) -> int:
        return sum(len(r) for r in self.s2t.values()) + sum(len(r) for r in self.t2s.values())


def _coverage(words: list[str], other: set[str], table: dict[str, dict[str, float]], stop: set[str],
              other_stop: set[str]) -> float | None:
    """Share of ``words``' content words whose content translations (or the word itself) are in ``other``."""
    content = [w for w in words if w in table and w not in stop and (len(w) > 1 or _HAN.match(w))
               and any(e not in other_stop for e in table[w])]
    if not content:
        return None
    hit = sum(1 for w in content if w in other or any(e in other for e in table[w] if e not in other_stop))
    return hit / len(content)


def _logprob(src: list[str], tgt: list[str], table: dict[str, dict[str, float]], floor: float = 1e-4) -> float | None:
    if not tgt:
        return None
    rows = [table.get(w, {}) for w in [NULL, *src]]
    lp = 0.0
    for e in tgt:
        lp += math.log(floor + sum(r.get(e, 0.0) for r in rows) / len(rows))
    return lp / len(tgt)


def features(lex: Lexicon, source: str, target: str) -> dict[str, float | None]:
    s, t = tokens(source), tokens(target)
    return {
        "src_cov": _coverage(s, set(t), lex.s2t, lex.src_stop, lex.tgt_stop),
        "tgt_cov": _coverage(t, set(s), lex.t2s, lex.tgt_stop, lex.src_stop),
        "lp_st": _logprob(s, t, lex.s2t),
        "lp_ts": _logprob(t, s, lex.t2s),
    }


FEATURES = ("src_cov", "tgt_cov", "lp_st", "lp_ts", "lex_sum")


def _all(lex: Lexicon, source: str, target: str) -> dict[str, float]:
    f = features(lex, source, target)
    out = {k: (v if v is not None else (1.0 if k.endswith("cov") else 0.0)) for k, v in f.items()}
    out["lex_sum"] = out["src_cov"] + out["tgt_cov"] + 0.1 * (out["lp_st"] + out["lp_ts"])
    return out


def tau(xs: list[float], ys: list[float]) -> float:
    from scipy.stats import kendalltau

    return float(kendalltau(xs, ys, variant="b").statistic)


def auc(pos: list[float], neg: list[float]) -> float:
    """P(a post-edit scores above its MT), ties half."""
    wins = sum((p > n) + 0.5 * (p == n) for p, n in zip(pos, neg, strict=True))
    return wins / max(1, len(pos))


def eval_pe(lexes: dict[str, Lexicon], root: Path, split: str) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for pair in PAIRS:
        lang = pair.split("-")[0]
        recs = [r for r in read_jsonl(root / f"mlqe-pe-{pair}-{split}.jsonl") if r.get("pe") is not None]
        mt = [_all(lexes[lang], r["source"], r["mt"]) for r in recs]
        gold = [-float(r["hter"]) for r in recs]
        row = {f"tau_{k}": tau([m[k] for m in mt], gold) for k in FEATURES}
        bad = [(m, _all(lexes[lang], r["source"], r["pe"])) for m, r in zip(mt, recs, strict=True) if float(r["hter"]) >= 0.3]
        row.update({f"auc_{k}": auc([p[k] for _, p in bad], [m[k] for m, _ in bad]) for k in FEATURES})
        row["n"], row["n_auc"] = len(recs), len(bad)
        out[pair] = row
    return out


def eval_mqm(lex: Lexicon, root: Path, file: str, keep: Any) -> dict[str, Any]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from eval_scores import correlations

    recs = [r for r in read_jsonl(root / file) if keep(r)]
    gold = [-float(r["mqm_score"]) for r in recs]
    feats = [_all(lex, r["source"], r["target"]) for r in recs]
    items = [r["seg_id"] for r in recs]
    systems = [r["system"] for r in recs]
    out: dict[str, Any] = {"n": len(recs)}
    for k in FEATURES:
        c = correlations([f[k] for f in feats], gold, items, systems)
        out[k] = (c.get("tau_flat"), c.get("tau_item"))
    human = [r for r in read_jsonl(root / file) if r.get("is_human") and r.get("target") and _hum_keep(r, file)]
    out["human"] = [_all(lex, r["source"], r["target"]) for r in human]
    return out


def _hum_keep(r: dict[str, Any], file: str) -> bool:
    return "2020" not in file or (r["target_status"] != "ambiguous" and not zh_fit_doc(r["doc"]))


SHIPPED = ("et", "ne", "ro", "ru", "si")  # zh: no signal on development data (bench/RESULTS.md, session 29)
RULE = {"min_known": 0.6, "min_content": 4, "max_coverage": 0.0}  # chosen on MLQE-PE dev (RESULTS, session 29)
NOTICE = ("IBM Model 1 translation tables fitted by bench/train_lexicon.py on the MLQE-PE training splits "
          "(source -> professional post-edit; CC0-1.0, Fomicheva et al. 2020, arXiv:2010.04480).")


def export(lexes: dict[str, Lexicon], rule: dict[str, float]) -> dict[str, Any]:
    """The shipped tables: per source word its translations that are not common English words."""
    langs = {}
    for lang in SHIPPED:
        lex = lexes[lang]
        s2t, stop = {}, set(lex.src_stop)
        for f, row in lex.s2t.items():
            content = sorted(e for e in row if e not in lex.tgt_stop)
            if content:
                s2t[f] = content
            else:  # translated by function words only: a function word too
                stop.add(f)
        langs[lang] = {"s2t": s2t, "src_stop": sorted(stop)}
    return {"notice": NOTICE, "model": f"ibm1 top{TOP_K} p>={MIN_P} count>={MIN_COUNT} stop{STOP_N}",
            "rule": rule, "langs": langs}


def write_shipped(data: dict[str, Any], path: Path) -> None:
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    path.write_bytes(gzip.compress(raw, mtime=0))


def lexicons(data: dict[str, Any], rule: dict[str, float]) -> Any:
    from mtfix.checks.lexical_coverage import Lexicons, Table

    tables = tuple(Table(k, {f: frozenset(es) for f, es in t["s2t"].items()}, frozenset(t["src_stop"]))
                   for k, t in sorted(data["langs"].items()))
    return Lexicons(tables, rule["min_known"], rule["min_content"], rule["max_coverage"], "")


def rule_grid(data: dict[str, Any], root: Path, split: str, grid: list[dict[str, float]]) -> None:
    """MTF507's firing rate on MT and on its post-edit, and the flagged MT's HTER, per rule setting."""
    from mtfix.checks.lexical_coverage import omission

    recs = [r for p in PAIRS for r in read_jsonl(root / f"mlqe-pe-{p}-{split}.jsonl") if r.get("pe") is not None]
    print(f"\nMTF507 on MLQE-PE {split} (five pairs, n={len(recs)}): rule | MT rate | post-edit rate | "
          "flagged MT mean HTER | flagged MT with HTER>=0.3 | all MT mean HTER")
    base = sum(float(r["hter"]) for r in recs) / len(recs)
    for rule in grid:
        lex = lexicons(data, rule)
        mt = [r for r in recs if omission(r["source"], r["mt"], lex, stems=False)]  # the tables' rule, exact words
        pe = [r for r in recs if omission(r["source"], r["pe"], lex, stems=False)]
        hter = sum(float(r["hter"]) for r in mt) / len(mt) if mt else float("nan")
        bad = sum(float(r["hter"]) >= 0.3 for r in mt) / len(mt) if mt else float("nan")
        print(f"{rule} | {len(mt) / len(recs):.2%} | {len(pe) / len(recs):.2%} | {hter:.3f} | {bad:.0%} | {base:.3f}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data")
    ap.add_argument("--heldout", action="store_true", help="also the held-out sets (report once)")
    ap.add_argument("--tables", type=Path, help="read fitted tables from this file (json.gz) instead of fitting")
    ap.add_argument("--ship", type=Path, help="write the shipped tables (mtfix/checks/lexical_coverage.json.gz)")
    ap.add_argument("--rule-only", action="store_true", help="only the MTF507 rule measurement")
    ap.add_argument("--out", type=Path, help="write the fitted tables to this file (json.gz)")
    args = ap.parse_args(argv)
    root = require_data(args.data)
    lexes: dict[str, Lexicon] = {}
    if args.tables:
        with gzip.open(args.tables, "rt", encoding="utf-8") as fh:
            lexes = {k: Lexicon(saved=v) for k, v in json.load(fh).items()}
    for lang in [p.split("-")[0] for p in PAIRS] + ["zh"]:
        if lang in lexes:
            continue
        t0 = time.time()
        pairs = fit_pairs(root, lang)
        lexes[lang] = Lexicon(pairs)
        print(f"fit {lang}: {len(pairs)} pairs, {lexes[lang].entries()} entries, {time.time() - t0:.0f} s", flush=True)
    if args.out:
        with gzip.open(args.out, "wt", encoding="utf-8") as fh:
            json.dump({k: v.saved() for k, v in lexes.items()}, fh, ensure_ascii=False, sort_keys=True)
    data = export(lexes, RULE)
    if args.ship:
        write_shipped(data, args.ship)
        sha = hashlib.sha256(args.ship.read_bytes()).hexdigest()[:12]
        print(f"wrote {args.ship} ({args.ship.stat().st_size} bytes); set DIGEST = {sha!r} in "
              "mtfix/checks/lexical_coverage.py and bump the bilingual checker's VERSION")
    grid = [{**RULE, "min_content": c, "max_coverage": m} for c in (3, 4, 6) for m in (0.0, 0.2, 0.25, 0.34, 0.5)]
    splits = ["dev", "test"] if args.heldout else ["dev"]
    for split in splits:
        rule_grid(data, root, split, grid if split == "dev" else [RULE])
    if args.rule_only:
        return
    for split in splits:
        res = eval_pe(lexes, root, split)
        print(f"\nMLQE-PE {split}: tau_b vs -HTER | AUC post-edit above MT (HTER >= 0.3)")
        print("pair | " + " | ".join(FEATURES) + " || " + " | ".join(FEATURES) + " | n | n_auc")
        for pair, row in res.items():
            print(pair, " | ".join(f"{row['tau_' + k]:+.3f}" for k in FEATURES), "||",
                  " | ".join(f"{row['auc_' + k]:.3f}" for k in FEATURES), row["n"], row["n_auc"])
        print("mean", " | ".join(f"{sum(r['tau_' + k] for r in res.values()) / 5:+.3f}" for k in FEATURES), "||",
              " | ".join(f"{sum(r['auc_' + k] for r in res.values()) / 5:.3f}" for k in FEATURES))
    mqm = [("zh-en 2020 dev part", "mqm-zh-en-2020.jsonl.gz",
            lambda r: not r["is_human"] and r.get("target") and r["target_status"] != "ambiguous" and not zh_fit_doc(r["doc"])),
           ("zh-en TED 2021", "mqm-zh-en-ted2021.jsonl", lambda r: not r["is_human"] and r.get("target"))]
    if args.heldout:
        mqm.append(("zh-en 2023 SxS (held out)", "mqm-zh-en-2023-sxs.jsonl", lambda r: not r["is_human"] and r.get("target")))
    for name, file, keep in mqm:
        res = eval_mqm(lexes["zh"], root, file, keep)
        print(f"\n{name}: n={res['n']}  tau_b flat / item")
        for k in FEATURES:
            fl, it = res[k]
            print(f"  {k}: {fl:+.3f} / {it:+.3f}")
        hum = res["human"]
        if hum:
            print(f"  human translations: n={len(hum)}, src_cov<0.5: {sum(h['src_cov'] < 0.5 for h in hum) / len(hum):.3%}, "
                  f"tgt_cov<0.5: {sum(h['tgt_cov'] < 0.5 for h in hum) / len(hum):.3%}")


if __name__ == "__main__":
    main()
