"""MTF401's verdicts by sentence length: fluent sentences given a minor, garbled ones found (session 48, issue 11).

Session 47 found the detector's minor on 12 of 20 clean sentences of a probe, and its probability following length.
This script checks every sentence as its own document (grammar off, the whole pipeline, as
``bench/minor_threshold.py`` does, whose per-sentence row it reuses) and tables, per length band (words as the
checker counts them), the share of fluent sentences with a minor-or-above MTF401 ("false minor"), of garbled
sentences with one (MTF401 recall) or with any finding, and the AUC of the judged probability (garbled above fluent)
where a set has both kinds.

Sets: realmt train (fitted on) and dev, MLQE-PE dev (post-edits against MT with HTER >= 0.3, as the training reads
MT; ``--per-pair`` of each pair), UD EWT dev, the project's own professional sets (``bench/audit_professional.py``'s
``OWN_SETS``) and every probe under ``bench/data/probe_*`` (measured, never fitted). MQM 2023, he-en 2023 and
MLQE-PE test/test21 are never read.

    python bench/length_minors.py collect --out /tmp/lm.jsonl      # 11,511 sentences (session 53)
    python bench/length_minors.py table --cache /tmp/lm.jsonl [--markdown]
    python bench/length_minors.py compare --cache BASE.jsonl --after AFTER.jsonl   # two models, per source
    python bench/length_minors.py fit-rows --out /tmp/instr.jsonl   # fitting data's instructions (session 50)
    python bench/length_minors.py gates --cache /tmp/lm.jsonl --fit /tmp/instr.jsonl   # minor gates simulated

Session 50 added the short tuning set (``tests/data/professional_short_tuning.txt``: 160 fluent sentences of 6-12
words in ten genres, written before any run, source ``short-tuning``; the gates' threshold is chosen on it, so it is
not held out) and two gates on the minor, simulated on the
cache (``gates``): an instruction (``mtfix.garble.misreads.instruction``) keeps a minor MTF401 only with a located sign,
another finding or p >= t; a sentence under 13 words keeps it only at p >= t.  ``fit-rows`` reads fitting data only
(MLQE-PE train, UD EWT train) for the instruction gate's level: the instructions among them, each checked alone.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from audit_professional import OWN_SETS, own_set_sentences  # noqa: E402
from eval_data import PE_SETS, load_pe, read_jsonl, require_shared, shared_dir  # noqa: E402
from minor_threshold import _ewt, _row  # noqa: E402
from probes_pooled import writer_of  # noqa: E402

from bench.detector_models import auc  # noqa: E402

#: Short fluent sentences (6-12 words) of ten genres, written before any run to choose a short band's threshold on.
SHORT_TUNING = REPO / "tests" / "data" / "professional_short_tuning.txt"
#: Length bands (words, as the checker counts them; below six words nothing is judged).
BANDS = ((6, 8), (9, 12), (13, 16), (17, 24), (25, 999))
#: MLQE-PE MT counts as garbled from this HTER on (``bench/train_detector.py``'s cut).
HTER_GARBLED = 0.3


def band(words: int) -> str | None:
    for lo, hi in BANDS:
        if lo <= words <= hi:
            return f"{lo}-{hi}" if hi < 999 else f"{lo}+"
    return None


#: the shared files ``collect`` and ``fit-rows`` read
COLLECT_NEEDS = ("realmt/real_mt_dev.jsonl", "realmt/clean_news_dev.jsonl", "realmt/real_mt_train.jsonl",
                 "realmt/clean_news_train.jsonl", "benchmarks", "corpora/ud-english-ewt/en_ewt-ud-dev.conllu")
FIT_NEEDS = ("benchmarks", "corpora/ud-english-ewt/en_ewt-ud-train.conllu")


def units(root: Path, per_pair: int) -> Iterator[tuple[str, str, str]]:
    """(source, kind ``fluent``/``garbled``, sentence) of every set."""
    for split in ("dev", "train"):
        for r in read_jsonl(root / "realmt" / f"real_mt_{split}.jsonl"):
            yield f"realmt-{split}", "garbled", r["text"]
        for r in read_jsonl(root / "realmt" / f"clean_news_{split}.jsonl"):
            yield f"realmt-{split}", "fluent", r["text"]
    rng = random.Random(20261207)
    for pset in PE_SETS:
        if pset.split != "dev":
            continue
        recs = load_pe(pset, root / "benchmarks")
        rng.shuffle(recs)
        for r in recs[:per_pair]:
            yield "mlqe-dev", "fluent", r["pe"]
            if (r.get("hter") or 0.0) >= HTER_GARBLED:
                yield "mlqe-dev", "garbled", r["mt"]
    ewt_dir = root / "corpora" / "ud-english-ewt"  # held out: what EWT train (the fitting side) holds is left out
    for text, _doc in _ewt(ewt_dir / "en_ewt-ud-dev.conllu", ewt_dir / "en_ewt-ud-train.conllu"):
        yield "ewt-dev", "fluent", text
    for path in OWN_SETS.values():
        for text in own_set_sentences(path):
            yield "own-sets", "fluent", text
    for text in own_set_sentences(SHORT_TUNING):
        yield "short-tuning", "fluent", text
    for d in sorted((REPO / "bench" / "data").glob("probe_*")):
        for r in read_jsonl(d / "real_mt_probe.jsonl"):
            yield d.name, "garbled", r["text"]
        for r in read_jsonl(d / "clean_news_probe.jsonl"):
            yield d.name, "fluent", r["text"]


def instruction_row(text: str) -> bool:
    """Whether the checker reads ``text`` as an instruction (an imperative, opening or behind a short phrase)."""
    from mtfix.garble import checker
    from mtfix.garble.misreads import corrected, instruction

    return checker._eligible(text) and instruction(corrected(checker.predict(text)).analysis)


def _opens_with_base_verb(tagger: Any, text: str) -> bool:
    """A cheap first pass over a large corpus: the first token tagged VB (``instruction_row`` decides)."""
    from mtfix.garble.tagger import tokenize

    words = [t.text for t in tokenize(text)]
    return bool(words) and tagger.tag(words[:8])[0] == "VB"


def fit_units(root: Path) -> Iterator[tuple[str, str, str]]:
    """(source, kind, sentence) of the fitting data's instructions: MLQE-PE train MT (HTER >= 0.3) and post-edits,
    UD EWT train."""
    from mtfix.garble.tagger import load

    tagger = load()
    for path in sorted((root / "benchmarks").glob("mlqe-pe-*-train.jsonl.gz")):
        for r in read_jsonl(path):
            if r.get("pe") and _opens_with_base_verb(tagger, r["pe"]) and instruction_row(r["pe"]):
                yield "mlqe-train", "fluent", r["pe"]
            if (r.get("hter") or 0.0) >= HTER_GARBLED and _opens_with_base_verb(tagger, r["mt"]) \
                    and instruction_row(r["mt"]):
                yield "mlqe-train", "garbled", r["mt"]
    for text, _doc in _ewt(root / "corpora" / "ud-english-ewt" / "en_ewt-ud-train.conllu"):
        if _opens_with_base_verb(tagger, text) and instruction_row(text):
            yield "ewt-train", "fluent", text


def collect(out: Path, per_pair: int, fitting: bool = False) -> None:
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    root = shared_dir()
    needs = FIT_NEEDS if fitting else COLLECT_NEEDS
    for relpath in needs:  # all checked before the (slow) first sentence, none half-written
        require_shared(root, relpath, "length_minors", "set MTFIX_SHARED")
    with Pipeline(Config(grammar="off")) as pipe, out.open("w", encoding="utf-8") as fh:
        for source, kind, text in (fit_units(root) if fitting else units(root, per_pair)):
            row = {"source": source, "kind": kind, "text": text, **_row(text, pipe.check(text).findings)}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def group(source: str) -> str:
    """Probes pooled as one group for the table (each probe is its own source in ``compare``)."""
    return "probes" if source.startswith("probe_") else source


def _cells(rows: list[dict[str, Any]]) -> list[str]:
    flu = [r for r in rows if r["kind"] == "fluent" and "p" in r]
    gar = [r for r in rows if r["kind"] == "garbled" and "p" in r]
    cells = []
    if flu:
        minor = sum(r["mtf401"] is not None for r in flu)
        major = sum(r["mtf401"] == "major" for r in flu)
        cells.append(f"{minor}/{len(flu)} = {100 * minor / len(flu):.0f} %" + (f" ({major} major)" if major else ""))
    else:
        cells.append("-")
    if gar:
        found = sum(r["mtf401"] is not None for r in gar)
        anyf = sum(r["mtf401"] is not None or bool(r["other"]) for r in gar)
        cells.append(f"{found}/{len(gar)} = {100 * found / len(gar):.0f} % (any {anyf})")
    else:
        cells.append("-")
    cells.append(f"{auc([r['p'] for r in gar], [r['p'] for r in flu]):.3f}" if flu and gar else "-")
    return cells


def table(rows: list[dict[str, Any]], markdown: bool) -> None:
    by: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        b = band(r["words"])
        if b is not None:
            by[(group(r["source"]), b)].append(r)
            by[(group(r["source"]), "all")].append(r)
    head = ["set", "words", "fluent minor+", "garbled MTF401 (any finding)", "AUC p"]
    sep = " | " if markdown else "  "
    print(sep.join(head))
    if markdown:
        print("|".join("---" for _ in head))
    for key in sorted(by, key=lambda k: (k[0], k[1] == "all", int(k[1].split("-")[0].rstrip("+")) if k[1] != "all" else 0)):
        print(sep.join([key[0], key[1], *_cells(by[key])]))


def compare(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> None:
    """Fluent minors and garbled MTF401 per source, and each probe's AUC, base → after."""
    def per(rows):
        by: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in rows:
            by[r["source"]].append(r)
        return by
    b, a = per(before), per(after)
    for rows, out in ((before, b), (after, a)):
        for r in rows:
            if r["source"].startswith("probe_"):
                out[f"writer-{writer_of(r['source'])}"].append(r)
    for src in sorted(b):
        cb, ca = _cells(b[src]), _cells(a.get(src, []))
        print(f"{src:14s} fluent {cb[0]:>22s} -> {ca[0]:<22s} garbled {cb[1]:>22s} -> {ca[1]:<22s} AUC {cb[2]} -> {ca[2]}")


def keeps_minor(r: dict[str, Any], gate: str, t: float) -> bool:
    """Whether row ``r``'s MTF401 stands under ``gate`` (``instruction`` or ``short``) at level ``t``: a major by the
    probability and a minor with a located sign or another finding always do (the sentence is flagged by them)."""
    if r["mtf401"] is None:
        return False
    if r["mtf401"] == "major" or r.get("signs") or r["other"] or r["p"] >= t:
        return True
    if gate == "instruction":
        return not r["instruction"]
    return r["words"] >= 13


def gates(rows: list[dict[str, Any]], fit: list[dict[str, Any]]) -> None:
    """Per source and kind: sentences with an MTF401 at the shipped point → under each gate and level; garbled ones
    flagged by any finding in brackets."""
    for r in rows + fit:
        if "p" in r and "instruction" not in r:
            r["instruction"] = instruction_row(r["text"])
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows + fit:
        if "p" in r:
            by[f"{group(r['source'])} {r['kind']}"].append(r)
    levels = {"instruction": (0.35, 0.40, 0.45, 0.50, 1.0), "short": (0.29, 0.30, 0.33, 0.35, 0.40)}
    for gate, ts in levels.items():
        print(f"\n{gate}: " + " | ".join(f"t={t:.2f}" for t in ts))
        for key in sorted(by):
            rs = by[key]
            base = sum(r["mtf401"] is not None for r in rs)
            cells = []
            for t in ts:
                kept = sum(keeps_minor(r, gate, t) for r in rs)
                flagged = sum(keeps_minor(r, gate, t) or bool(r["other"]) for r in rs)
                cells.append(f"{kept}" + (f" ({flagged})" if key.endswith("garbled") else ""))
            print(f"{key:26s} n {len(rs):5d}  shipped {base:5d}  " + "  ".join(cells))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("--out", type=Path, required=True)
    c.add_argument("--per-pair", type=int, default=400)
    f = sub.add_parser("fit-rows")
    f.add_argument("--out", type=Path, required=True)
    g = sub.add_parser("gates")
    g.add_argument("--cache", type=Path, required=True)
    g.add_argument("--fit", type=Path, help="fit-rows' output (fitting data's instructions)")
    t = sub.add_parser("table")
    t.add_argument("--cache", type=Path, required=True)
    t.add_argument("--markdown", action="store_true")
    m = sub.add_parser("compare")
    m.add_argument("--cache", type=Path, required=True)
    m.add_argument("--after", type=Path, required=True)
    args = ap.parse_args(argv)
    if args.cmd == "collect":
        collect(args.out, args.per_pair)
    elif args.cmd == "fit-rows":
        collect(args.out, 0, fitting=True)
    elif args.cmd == "gates":
        gates(read_jsonl(args.cache), read_jsonl(args.fit) if args.fit else [])
    elif args.cmd == "table":
        table(read_jsonl(args.cache), args.markdown)
    else:
        compare(read_jsonl(args.cache), read_jsonl(args.after))
    return 0


if __name__ == "__main__":
    sys.exit(main())
