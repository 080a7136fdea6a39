"""Does a dependency parser give the garble detector evidence that generalises? (session 19, issue 11)

A measured study, nothing shipped.  The parser is :mod:`depparse` (arc-standard, averaged perceptron, static
oracle), trained on UD English EWT train with the project's own tagger's tags, so it sees at parse time what it
saw in training.  Per sentence (tokens and tags exactly as the detector makes them) it gives features named after
error classes of real MT into English (``FEATURES``; each oriented so that higher = more garbled).

    python bench/parser_evidence.py train           # train, save (not in git), UAS/LAS on EWT dev (predicted tags)
    python bench/parser_evidence.py auc             # each feature: realmt train, paired, MLQE-PE dev, EWT dev firing
    python bench/parser_evidence.py auc --dev       # realmt dev, for information (report once, after choosing)
    python bench/parser_evidence.py show -n 10      # train sentences where each structural feature fires
    python bench/parser_evidence.py train --corrupt 0.15 --model bench/.parser-ewt-corrupt.npz   # also corrupted

The model goes to ``--model`` (default ``bench/.parser-ewt.npz``, git-ignored; ≈ 2 minutes to train on one core).
Never read: realmt dev (without ``--dev``), MQM 2023, he-en 2023, MLQE-PE test/test21.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
MODEL = REPO / "bench" / ".parser-ewt.npz"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import depparse  # noqa: E402
from eval_data import SHARED_HELP, require_shared, shared_dir  # noqa: E402
from lm_evidence import auc, paired  # noqa: E402  (one AUC, paired share and data sets for both studies)
from lm_evidence import sets as lm_sets  # noqa: E402

from mtfix.garble import conllu  # noqa: E402
from mtfix.garble import tagger as gtagger  # noqa: E402

#: Margins at or below this (score units of the shipped training run) count as low-margin steps; fixed as the
#: 10th percentile of the steps of realmt train's professional sentences (``train`` prints it).
LOW_MARGIN = 8.8
FEATURES = ("margin_mean_neg", "margin_min_neg", "low_margin_share", "root_not_verb", "subjless_finite",
            "verb_final", "obj_before_verb", "subj_after_verb", "splice", "postposition", "dep_arcs",
            "two_subjects", "case_subject", "dangling_adposition", "comma_object", "arc_len_mean")
STRUCTURAL = FEATURES[3:15]
_PREPS = frozenset({"about", "with", "for", "from", "of", "to", "in", "on", "at", "by", "into", "after", "before",
                    "under", "between", "against", "during", "without", "through", "towards", "toward", "among"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJ = frozenset({"nsubj", "csubj", "expl"})
_WH = frozenset({"WP", "WDT", "WRB", "WP$"})
_REPORTING = frozenset({"say", "said", "says", "told", "added", "noted", "stressed", "explained", "stated", "asked",
                        "wrote", "announced", "reported", "emphasized", "emphasised", "declared", "according"})


def sentence_features(words: Sequence[str], tags: Sequence[str], parse: depparse.Parse,
                      low: float = LOW_MARGIN) -> dict[str, float]:
    """The parser features of one parsed sentence (higher = more garbled)."""
    n = len(words)
    f = dict.fromkeys(FEATURES, 0.0)
    if n == 0:
        return f
    heads, labels = parse.heads, parse.labels
    kids: list[list[int]] = [[] for _ in range(n + 1)]
    for i, h in enumerate(heads, 1):
        kids[h].append(i)

    def lab(i: int) -> str:
        return labels[i - 1]

    def tag(i: int) -> str:
        return tags[i - 1]

    def kid_labels(h: int) -> set[str]:
        return {lab(k) for k in kids[h]}

    ms = [m for m in parse.margins if math.isfinite(m)]
    if ms:
        f["margin_mean_neg"] = -sum(ms) / len(ms)
        f["margin_min_neg"] = -min(ms)
        f["low_margin_share"] = sum(m <= low for m in ms) / len(ms)
    content = [i for i in range(1, n + 1) if tag(i) not in (".", ",", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP")]
    last = content[-1] if content else n
    for i in range(1, n + 1):
        t, rel, h = tag(i), lab(i), heads[i - 1]
        kl = kid_labels(i)
        if rel == "root" and not t.startswith("VB") and t != "MD" and not kl & {"cop", "aux"}:
            f["root_not_verb"] += 1
        verbal = t.startswith("VB") or t == "MD"
        finite = t in _FINITE or any(tag(k) in _FINITE and lab(k) == "aux" for k in kids[i])
        if verbal and finite and rel in ("root", "ccomp", "advcl", "parataxis") and not kl & _SUBJ:
            f["subjless_finite"] += 1
        if rel == "obj" and h > i and t not in _WH and words[i - 1].lower() not in ("that", "which", "who", "whom"):
            f["obj_before_verb"] += 1
        if rel == "nsubj" and h < i and h > 0 and "?" not in words and "expl" not in kid_labels(h) \
                and words[h - 1].lower() not in _REPORTING and tag(h) in _FINITE | {"VB", "VBN", "VBG"}:
            f["subj_after_verb"] += 1
        if rel == "case" and h < i and t != "POS":
            f["postposition"] += 1
        if rel == "dep":
            f["dep_arcs"] += 1
        if verbal and "nsubj" in kl and (rel == "parataxis" or (rel == "conj" and "cc" not in kl)) \
                and words[i - 1].lower() not in _REPORTING:
            f["splice"] += 1
        if sum(lab(k) == "nsubj" for k in kids[i]) >= 2:
            f["two_subjects"] += 1
        if rel == "nsubj" and any(lab(k) == "case" and k < i for k in kids[i]):
            f["case_subject"] += 1
        if rel == "obj" and any(words[j - 1] == "," for j in range(min(h, i) + 1, max(h, i))):
            f["comma_object"] += 1
    # the parser, trained on English, reads a verb-final clause as a noun root with a trailing participle
    # ("the minister ... the reform announced": reform = root, announced = acl) or as a verb root whose
    # objects and obliques stand between its subject and it
    root = next((i for i, h in enumerate(heads, 1) if h == 0), 0)
    v = last
    if root and tag(v) in ("VBD", "VBN", "VBZ", "VBP") and not kid_labels(v) & {"aux", "cop"} \
            and not any(k > v and lab(k) != "punct" for k in kids[v]):
        h = heads[v - 1]
        if lab(v) == "acl" and h == root and not tag(root).startswith("VB"):
            f["verb_final"] = 1.0
        elif v == root:
            subj = [k for k in kids[root] if lab(k) in _SUBJ]
            start = max(subj) if subj else 0
            if any(lab(k) in ("obj", "obl", "ccomp", "xcomp") and start < k < root for k in kids[root]):
                f["verb_final"] = 1.0
    if words[last - 1].lower() in _PREPS and not kids[last] and n > 3:
        f["dangling_adposition"] = 1.0
    arcs = [abs(h - i) for i, h in enumerate(heads, 1) if h > 0]
    f["arc_len_mean"] = sum(arcs) / len(arcs) if arcs else 0.0
    return f


class Evidence:
    """Tokenise and tag a text as the detector does, parse it, and give its features."""

    def __init__(self, parser: depparse.Parser, tagger: Any = None):
        self.parser = parser
        self.tagger = tagger or gtagger.load()

    def analyse(self, text: str) -> tuple[list[str], list[str], depparse.Parse]:
        words = [t.text for t in gtagger.tokenize(text)]
        tags = self.tagger.tag(gtagger.tagger_words(words)) if words else []
        return words, tags, self.parser.parse(words, tags)

    def features(self, text: str) -> dict[str, float]:
        words, tags, p = self.analyse(text)
        return sentence_features(words, tags, p)


def sets(shared: Path, dev: bool) -> dict[str, Any]:
    """realmt MT / professional / pairs (train, or dev); for train also MLQE-PE dev (HTER ≥ 0.3 MT vs its
    post-edit, as ``train_detector --cv``) and EWT dev sentences (nothing garbled)."""
    out = lm_sets(shared, dev, min_hter=0.3)
    if not dev:
        ewt = shared / "corpora" / "ud-english-ewt" / "en_ewt-ud-dev.conllu"
        out["ewt"] = list(conllu.texts(ewt))
    return out


def cmd_train(args: argparse.Namespace) -> None:
    t0 = time.time()
    ewt = args.shared / "corpora" / "ud-english-ewt"
    tagger = gtagger.load()
    tr = depparse.read_conllu(ewt / "en_ewt-ud-train.conllu")
    if args.corrupt:  # corrupted copies keep gold tags until the tagger retags them below
        tr = depparse.with_corruptions(tr, args.corrupt)
    tr = [(w, tagger.tag(gtagger.tagger_words(w)), h, lab) for w, _, h, lab in tr]
    print(f"tagged EWT train with the project's tagger ({time.time() - t0:.0f} s)", flush=True)
    parser = depparse.train(tr, epochs=args.epochs, log=True)
    print(f"trained ({time.time() - t0:.0f} s)", flush=True)
    parser.save(args.model)
    dv = depparse.read_conllu(ewt / "en_ewt-ud-dev.conllu")
    pred = [tagger.tag(gtagger.tagger_words(w)) for w, *_ in dv]
    uas, las = depparse.attachment(parser, dv, pred)
    guas, glas = depparse.attachment(parser, dv)
    ev = Evidence(parser, tagger)
    steps = [m for t in sets(args.shared, False)["clean"] for m in ev.analyse(t)[2].margins if math.isfinite(m)]
    steps.sort()
    print(f"EWT dev (punctuation left out): predicted tags UAS {uas:.4f} LAS {las:.4f}; gold tags UAS {guas:.4f} "
          f"LAS {glas:.4f}; model {args.model.stat().st_size / 1e6:.1f} MB, {len(parser.index)} features; "
          f"10th percentile of realmt train professional margins {steps[len(steps) // 10]:.2f}; "
          f"{time.time() - t0:.0f} s", flush=True)


def _feats(ev: Evidence, texts: Iterable[str]) -> list[dict[str, float]]:
    return [ev.features(t) for t in texts]


def cmd_auc(args: argparse.Namespace, ev: Evidence) -> None:
    s = sets(args.shared, args.dev)
    fs = {k: _feats(ev, v) for k, v in s.items() if k != "pairs"}
    pm = _feats(ev, (a for a, _ in s["pairs"]))
    pc = _feats(ev, (b for _, b in s["pairs"]))
    split = "dev" if args.dev else "train"
    head = f"| feature | realmt {split} MT vs professional AUC | MT above own correction (paired) |"
    sep = "|---|---:|---:|"
    if not args.dev:
        head += " MLQE-PE dev MT (HTER≥0.3) vs post-edit AUC | fires on: realmt MT / professional / EWT dev |"
        sep += "---:|---|"
    print(head)
    print(sep)
    for f in FEATURES:
        row = (f"| {f} | {auc([x[f] for x in fs['mt']], [x[f] for x in fs['clean']]):.3f} | "
               f"{paired([x[f] for x in pm], [x[f] for x in pc]):.3f} |")
        if not args.dev:
            # "fires": > 0 for a count; above realmt train professional's 90th percentile for a continuous one
            if f in STRUCTURAL:
                thr = 0.0
            else:
                q = sorted(x[f] for x in fs["clean"])
                thr = q[int(0.9 * len(q))]
            rate = {k: sum(x[f] > thr for x in fs[k]) / len(fs[k]) for k in ("mt", "clean", "ewt")}
            row += (f" {auc([x[f] for x in fs['mlqe_mt']], [x[f] for x in fs['mlqe_pe']]):.3f} | "
                    f"{rate['mt']:.1%} / {rate['clean']:.1%} / {rate['ewt']:.1%} |")
        print(row)
    print(f"\n{len(s['mt'])} MT, {len(s['clean'])} professional, {len(s['pairs'])} pairs"
          + ("" if args.dev else f", MLQE-PE dev {len(s['mlqe_mt'])} pairs, EWT dev {len(s['ewt'])} sentences"))


def cmd_show(args: argparse.Namespace, ev: Evidence) -> None:
    s = sets(args.shared, False)
    for name in ("mt", "clean"):
        print(f"## {name}")
        for t in s[name]:
            words, tags, p = ev.analyse(t)
            f = sentence_features(words, tags, p)
            on = [k for k in STRUCTURAL if f[k] > 0]
            if on:
                print(f"{','.join(on)}\t{t[:160]}")


def main(argv: Iterable[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", choices=("train", "auc", "show"))
    ap.add_argument("--shared", type=shared_dir, default=shared_dir(), help=SHARED_HELP)
    ap.add_argument("--model", type=Path, default=MODEL)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--corrupt", type=float, default=0.0,
                    help="train: add verb-final and postposition copies of this share of EWT train (with their trees)")
    ap.add_argument("--dev", action="store_true", help="realmt dev instead of train (report once, after choosing)")
    ap.add_argument("-n", type=int, default=10)
    args = ap.parse_args(list(argv) if argv is not None else None)
    require_shared(args.shared, "realmt", "parser_evidence")
    if args.command == "train":
        cmd_train(args)
        return
    if not args.model.is_file():
        sys.exit(f"parser_evidence: no parser at {args.model}; run 'python bench/parser_evidence.py train' first")
    ev = Evidence(depparse.Parser.load(args.model))
    {"auc": cmd_auc, "show": cmd_show}[args.command](args, ev)


if __name__ == "__main__":
    main()
