"""Fit the zh→en IBM Model 1 tables on jieba words and measure them on zh development data (issue 11, session 30).

Session 29's character tables (2 216 pairs) showed no signal.  Here Chinese is cut into words by
``jieba`` (fitting only: ``pip install -e .[train]``, or ``pip install --target DIR jieba`` and
``PYTHONPATH=DIR``), and the fitting data are larger (FITTING files only, never MQM 2023):

* MQM zh-en 2020, fit documents (:func:`train_lexicon.zh_fit_doc`): the human translations, the
  references, and the MT outputs that every rater scored ≤ :data:`MAX_MT_SCORE` (adequate: parallel data);
* MQM TED 2021 minus its development talks (:data:`TED_DEV`): the same.

Development (reported, the adoption bar is checked on them): MQM 2020 dev documents, TED dev talks.
At run time mtfix cuts Chinese by maximum matching over the table's vocabulary (:mod:`mtfix.checks.zh_words`);
``measure`` reports its agreement with jieba and the features under both segmentations.

    python bench/train_lexicon_zh.py fit --out /tmp/zh.json.gz        # fit (needs jieba)
    python bench/train_lexicon_zh.py measure --tables /tmp/zh.json.gz  # dev figures (needs jieba for agreement)
    python bench/train_lexicon_zh.py score --tables /tmp/zh.json.gz    # the score with the source, with/without the term
    python bench/train_lexicon_zh.py ship --tables /tmp/zh.json.gz --to mtfix/checks/lexical_coverage_zh.json.gz

Session 30's result (bench/RESULTS.md): the word tables did not pass the adoption bar on the development
parts, so no zh table is shipped and the held-out MQM 2023 set was not read.  This script never reads a
held-out file (``tests/audit/test_heldout_paths.py``); were a table shipped, the 2023 figures would be computed
once, outside it, with bench/eval_scores.py's functions.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from eval_data import read_jsonl, require_data  # noqa: E402
from train_lexicon import FEATURES, MIN_COUNT, MIN_P, STOP_N, TOP_K, Lexicon, _coverage, _logprob, zh_fit_doc  # noqa: E402

from mtfix.checks.zh_words import words as mm_words  # noqa: E402

MAX_MT_SCORE = 1.0  # an MT output is parallel data when every rater scored it at most this (no major, ≤ 1 minor)
TED_DEV = frozenset({"talk.2", "talk.7"})  # 210 of TED's 529 segments (40 %), fixed before any figure was seen
_TOKEN = regex.compile(r"\p{Han}+|(?:(?!\p{Han})[\p{L}\p{M}\p{N}])+(?:['’][\p{L}]+)?")
_HAN = regex.compile(r"\p{Han}")
ZH_NOTICE = ("IBM Model 1 zh->en translation table fitted by bench/train_lexicon_zh.py on the fit documents of "
             "Google's MQM zh-en 2020 (newstest2020) and TED 2021 annotations: human translations and MT outputs "
             "rated adequate (Apache-2.0; Freitag et al. 2021, arXiv:2104.14478).")


def jieba_words(text: str) -> list[str]:
    """Lower-cased words, Han runs cut by jieba (dictionary path, no HMM), numbers left out."""
    import jieba

    jieba.setLogLevel(60)
    out: list[str] = []
    for tok in _TOKEN.findall(text.lower()):
        if _HAN.match(tok):
            out.extend(jieba.lcut(tok, HMM=False))
        elif not tok.isdigit():
            out.append(tok)
    return out


def en_words(text: str) -> list[str]:
    from train_lexicon import tokens

    return tokens(text)


def _adequate(r: dict[str, Any]) -> bool:
    """Every rater scored the MT output at most :data:`MAX_MT_SCORE` (``--mt max1``), or, with ``--mt noacc``,
    no rater marked an accuracy error (fluency and style errors leave a translation parallel)."""
    if MT_RULE == "noacc":
        return not any(e["category"].startswith(("Accuracy", "Non-translation")) for e in r.get("errors") or [])
    return bool(r.get("rater_scores")) and max(r["rater_scores"].values()) <= MAX_MT_SCORE


MT_RULE = "max1"


def fit_texts(root: Path) -> dict[str, set[tuple[str, str]]]:
    """(source, English) pairs by origin: 2020 human/reference, 2020 adequate MT, TED human/reference, TED MT."""
    out: dict[str, set[tuple[str, str]]] = {k: set() for k in ("2020 human", "2020 MT", "TED human", "TED MT")}
    for r in read_jsonl(root / "mqm-zh-en-2020.jsonl.gz"):
        if not zh_fit_doc(r["doc"]) or r.get("target_status") == "ambiguous":
            continue
        if r.get("reference"):
            out["2020 human"].add((r["source"], r["reference"]))
        if r.get("is_human"):
            out["2020 human"].add((r["source"], r["target"]))
        elif _adequate(r):
            out["2020 MT"].add((r["source"], r["target"]))
    for r in read_jsonl(root / "mqm-zh-en-ted2021.jsonl"):
        if r["doc"] in TED_DEV:
            continue
        if r.get("reference"):
            out["TED human"].add((r["source"], r["reference"]))
        if r.get("is_human"):
            out["TED human"].add((r["source"], r["target"]))
        elif _adequate(r):
            out["TED MT"].add((r["source"], r["target"]))
    return out


def dev_sets(root: Path) -> dict[str, list[dict[str, Any]]]:
    """The zh development records (MT only), as bench/eval_data keeps them."""
    return {
        "2020 dev docs": [r for r in read_jsonl(root / "mqm-zh-en-2020.jsonl.gz")
                          if not r["is_human"] and r.get("target") and r["target_status"] != "ambiguous"
                          and not zh_fit_doc(r["doc"])],
        "TED dev talks": [r for r in read_jsonl(root / "mqm-zh-en-ted2021.jsonl")
                          if not r["is_human"] and r.get("target") and r["doc"] in TED_DEV],
    }


def features(lex: Lexicon, s: list[str], t: list[str]) -> dict[str, float]:
    """Session 29's features (bench/train_lexicon.py) of tokenised text; missing values as it fills them."""
    f = {"src_cov": _coverage(s, set(t), lex.s2t, lex.src_stop, lex.tgt_stop),
         "tgt_cov": _coverage(t, set(s), lex.t2s, lex.tgt_stop, lex.src_stop),
         "lp_st": _logprob(s, t, lex.s2t), "lp_ts": _logprob(t, s, lex.t2s)}
    out = {k: (v if v is not None else (1.0 if k.endswith("cov") else 0.0)) for k, v in f.items()}
    out["lex_sum"] = out["src_cov"] + out["tgt_cov"] + 0.1 * (out["lp_st"] + out["lp_ts"])
    return out


def correlate(values: list[float], recs: list[dict[str, Any]]) -> tuple[float | None, float | None]:
    """Flat and item-grouped τ_b against −MQM (bench/eval_scores.py's :func:`correlations`)."""
    from eval_scores import correlations

    c = correlations(values, [-float(r["mqm_score"]) for r in recs], [r["seg_id"] for r in recs],
                     [r["system"] for r in recs])
    return c.get("tau_flat"), c.get("tau_item")


def zh_vocab(lex: Lexicon) -> frozenset[str]:
    """The Han words the table knows (what run-time maximum matching may cut out)."""
    return frozenset(w for w in (*lex.s2t, *lex.src_stop) if _HAN.match(w) and len(w) > 1)


def agreement(texts: list[str], vocab: frozenset[str], known: set[str]) -> dict[str, float]:
    """Maximum matching against jieba: word F1 (a word = the same span), the share of identical sentences,
    and ``known_recall``: of jieba's words the table knows (``known``), the share maximum matching cuts too."""
    tp = fp = fn = same = kn = khit = 0
    for text in texts:
        a, b = jieba_words(text), mm_words(text, vocab)
        same += a == b
        ca, cb = _cuts(a), _cuts(b)
        tp, fp, fn = tp + len(ca & cb), fp + len(cb - ca), fn + len(ca - cb)
        spans = _spans(a)
        k = [sp for sp, w in zip(spans, a, strict=True) if w in known]
        kn, khit = kn + len(k), khit + sum(sp in cb for sp in k)
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return {"word_f1": 2 * p * r / max(1e-9, p + r), "precision": p, "recall": r, "same_sentence": same / len(texts),
            "known_recall": khit / max(1, kn)}


def _spans(ws: list[str]) -> list[tuple[int, int]]:
    out, i = [], 0
    for w in ws:
        out.append((i, i + len(w)))
        i += len(w)
    return out


def _cuts(ws: list[str]) -> set[tuple[int, int]]:
    return set(_spans(ws))


def cmd_fit(args: argparse.Namespace) -> None:
    import train_lexicon

    global MT_RULE
    MT_RULE = args.mt
    train_lexicon.TOP_K, train_lexicon.MIN_P = args.top, args.min_p  # prune() reads them
    root = require_data(args.data)
    texts = fit_texts(root)
    for k, v in texts.items():
        print(f"{k}: {len(v)} pairs")
    allp = sorted(set().union(*texts.values()))
    t0 = time.time()
    pairs = [(jieba_words(s), en_words(t)) for s, t in allp]
    print(f"segmented {len(pairs)} pairs in {time.time() - t0:.0f} s", flush=True)
    t0 = time.time()
    lex = Lexicon(pairs)
    print(f"fit zh (words): {len(pairs)} pairs, {lex.entries()} entries, {time.time() - t0:.0f} s", flush=True)
    with gzip.open(args.out, "wt", encoding="utf-8") as fh:
        json.dump({"zh": lex.saved()}, fh, ensure_ascii=False, sort_keys=True)


def _load(path: Path) -> Lexicon:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return Lexicon(saved=json.load(fh)["zh"])


def cmd_measure(args: argparse.Namespace) -> None:
    root = require_data(args.data)
    lex = _load(args.tables)
    vocab = zh_vocab(lex)
    print(f"table: {len(lex.s2t)} source words, run-time vocabulary {len(vocab)} Han words")
    for name, recs in dev_sets(root).items():
        sources = sorted({r["source"] for r in recs})
        ag = agreement(sources, vocab, set(lex.s2t) | lex.src_stop)
        print(f"\n{name}: n={len(recs)} MT records, {len(sources)} sources; maximum matching vs jieba: "
              + ", ".join(f"{k} {v:.3f}" for k, v in ag.items()))
        words_of: dict[str, Callable[[str], list[str]]] = {"jieba": jieba_words, "max-match": lambda s: mm_words(s, vocab)}
        for seg, cut in words_of.items():
            cache = {s: cut(s) for s in sources}
            feats = [features(lex, cache[r["source"]], en_words(r["target"])) for r in recs]
            print(f"  [{seg}] tau_b flat / item-grouped vs -MQM:")
            for k in FEATURES:
                fl, it = correlate([f[k] for f in feats], recs)
                print(f"    {k}: {fl:+.3f} / {it:+.3f}")
        length = correlate([-float(len(en_words(r["target"]))) for r in recs], recs)
        print(f"  length only (-words): {length[0]:+.3f} / {length[1]:+.3f}")
        hum = [r for r in read_jsonl(root / ("mqm-zh-en-2020.jsonl.gz" if "2020" in name else "mqm-zh-en-ted2021.jsonl"))
               if r.get("is_human") and r.get("target") and r.get("target_status") != "ambiguous"
               and (not zh_fit_doc(r["doc"]) if "2020" in name else r["doc"] in TED_DEV)]
        hf = [features(lex, mm_words(r["source"], vocab), en_words(r["target"])) for r in hum]
        print(f"  human translations (max-match): n={len(hf)}, src_cov < 0.5: "
              f"{sum(h['src_cov'] < 0.5 for h in hf) / max(1, len(hf)):.1%}, mean src_cov "
              f"{statistics.fmean(h['src_cov'] for h in hf):.3f}; MT mean src_cov "
              f"{statistics.fmean(features(lex, mm_words(r['source'], vocab), en_words(r['target']))['src_cov'] for r in recs):.3f}")


def export_zh(lex: Lexicon) -> dict[str, Any]:
    """The shipped zh table, as bench/train_lexicon.py's ``export`` writes a language."""
    s2t, stop = {}, set(lex.src_stop)
    for f, row in lex.s2t.items():
        content = sorted(e for e in row if e not in lex.tgt_stop)
        if content:
            s2t[f] = content
        else:
            stop.add(f)
    return {"notice": ZH_NOTICE, "model": f"ibm1 jieba-words top{TOP_K} p>={MIN_P} count>={MIN_COUNT} stop{STOP_N}",
            "langs": {"zh": {"s2t": s2t, "src_stop": sorted(stop)}}}


def cmd_ship(args: argparse.Namespace) -> None:
    import hashlib

    from train_lexicon import write_shipped

    write_shipped(export_zh(_load(args.tables)), args.to)
    print(f"wrote {args.to} ({args.to.stat().st_size} bytes); ZH_DIGEST = "
          f"{hashlib.sha256(args.to.read_bytes()).hexdigest()[:12]!r}")


def _score_rows(recs: list[dict[str, Any]], cov: Callable[[str, str], Any]) -> list[dict[str, Any]]:
    """Each record scored with its source as bench/eval_scores.py does, the term left out; and its coverage."""
    from dataclasses import replace

    from mtfix.config import Config
    from mtfix.pipeline import Pipeline
    from mtfix.scoring.fluency import default_weights, fluency

    w = replace(default_weights(), lexical_points=0.0)
    pipe = Pipeline(Config(grammar="off"))
    out = []
    for r in recs:
        res = pipe.check(pipe.document(r["target"], source=r["source"]))
        fl = fluency(res.document, res.findings, w)
        c = cov(r["source"], r["target"])
        out.append({"fluency": 100.0 if fl.fluency is None else fl.fluency, "words": fl.words,
                    "content": len(c.content) if c else 0, "share": c.share if c else None})
    return out


def cmd_score(args: argparse.Namespace) -> None:
    from lexical_score import rescored

    from mtfix.checks import lexical_coverage as lc

    root = require_data(args.data)
    lexs = lc.Lexicons((_table(_load(args.tables)),), 0.6, 4, 0.0, "")
    for name, recs in dev_sets(root).items():
        rows = _score_rows(recs, lambda s, t: lc.coverage(s, t, lexs))
        fires = sum(r["share"] is not None for r in rows) / len(rows)
        print(f"\n{name}: n={len(rows)}, a coverage for {fires:.1%} of records")
        for params in [(0.0, 1.0, 1), (6.0, 0.75, 1), *[(p, c, 1) for p in (3.0, 12.0) for c in (0.5, 0.75, 0.9)]]:
            fl, it = correlate([rescored(r, *params) for r in rows], recs)
            print(f"  score points {params[0]} centre {params[1]}: tau_b flat {fl:+.3f} item {it:+.3f}")
        share = correlate([r["share"] if r["share"] is not None else 1.0 for r in rows], recs)
        print(f"  coverage (run-time, share): {share[0]:+.3f} / {share[1]:+.3f}")


def _table(lex: Lexicon) -> Any:
    from mtfix.checks.lexical_coverage import Table

    data = export_zh(lex)["langs"]["zh"]
    return Table("zh", {f: frozenset(es) for f, es in data["s2t"].items()}, frozenset(data["src_stop"]))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data")
    sub = ap.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("fit")
    f.add_argument("--out", type=Path, required=True)
    f.add_argument("--mt", choices=("max1", "noacc"), default="max1", help="which MT outputs are parallel data")
    f.add_argument("--top", type=int, default=TOP_K, help="translations kept per word (pruning)")
    f.add_argument("--min-p", type=float, default=MIN_P, help="least probability kept (pruning)")
    for name in ("measure", "score", "ship"):
        p = sub.add_parser(name)
        p.add_argument("--tables", type=Path, required=True)
        if name == "ship":
            p.add_argument("--to", type=Path, required=True)
    args = ap.parse_args(argv)
    {"fit": cmd_fit, "measure": cmd_measure, "score": cmd_score, "ship": cmd_ship}[args.cmd](args)


if __name__ == "__main__":
    main()
