"""Judgment on real MT from the web: ``../shared/realmt`` (issue 11's figures).

For every sentence of ``real_mt_<split>.jsonl`` (garbled MT with a human correction)
and ``clean_news_<split>.jsonl`` (professionally edited news), each checked as its own
document:

- detection: share of MT sentences with a finding, with a major one; professional
  sentences with a finding, with a major one (these must stay at zero), per code;
- fluency: AUC of the fluency score separating MT (lower) from professional news
  (higher), 0.5 = chance; paired: how often MT scores below its own correction;
- repair: corpus TER of the MT against the corrections before and after ``fix``
  (safe fixes), how many sentences ``fix`` changes, how many move closer / further
  by sentence TER, and every professional sentence that ``fix`` edits (must be none).

    python bench/eval_realmt.py                       # dev files, grammar off
    python bench/eval_realmt.py --grammar required    # with the real LanguageTool server
    python bench/eval_realmt.py --split train         # fitting data: report apart, never as quality
    python bench/eval_realmt.py --ablation            # recall and AUC without each signal family
    python bench/eval_realmt.py --json out.json --show

The data never enters the project: it is read from ``--data DIR``, else
``$MTFIX_REALMT``, else ``$MTFIX_SHARED/realmt`` (default ``<repo>/../shared/realmt``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.eval_data import REALMT_HINT, read_jsonl, require_shared, shared_dir  # noqa: E402  (re-exported: the scripts that read realmt import it here)

#: Signal families for ``--ablation``: a name and the code prefixes it stands for.
#: A family absent from the catalogue simply ablates nothing (and says so).
ABLATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("generic rules (MTF1xx)", ("MTF1",)),
    ("source-language packs (MTF2xx)", ("MTF2",)),
    ("glossary (MTF3xx)", ("MTF3",)),
    ("garble detector (MTF4xx)", ("MTF4",)),
    ("LanguageTool (LT:)", ("LT:",)),
)


def data_dir(explicit: str | None = None) -> Path:
    """Where the realmt files are: ``explicit``, ``$MTFIX_REALMT`` or ``<shared>/realmt``."""
    if explicit:
        return Path(explicit)
    if os.environ.get("MTFIX_REALMT"):
        return Path(os.environ["MTFIX_REALMT"])
    return shared_dir() / "realmt"


def require_realmt(explicit: str | None, relpath: str, prog: str | None = None, hint: str = REALMT_HINT) -> Path:
    """``relpath`` in :func:`data_dir` through ``require_shared``: present, else one line and exit 2."""
    return require_shared(data_dir(explicit), relpath, prog, hint)


def auc(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """P(a negative scores higher than a positive), ties count half: the Mann–Whitney AUC.

    Positives are the garbled sentences, whose fluency should be lower.

    >>> auc([10, 20], [30, 40])
    1.0
    >>> auc([30], [30])
    0.5
    """
    if not positives or not negatives:
        return float("nan")
    wins = 0.0
    for p in positives:
        for n in negatives:
            wins += 1.0 if n > p else 0.5 if n == p else 0.0
    return wins / (len(positives) * len(negatives))


@dataclass
class Outcome:
    """What mtfix did with one sentence."""

    id: str
    lang: str
    text: str
    codes: list[str]
    major_codes: list[str]
    fluency: float
    fixed: str
    correction: str | None = None
    fluency_correction: float | None = None

    @property
    def flagged(self) -> bool:
        return bool(self.codes)

    @property
    def major(self) -> bool:
        return bool(self.major_codes)

    @property
    def changed(self) -> bool:
        return self.fixed != self.text


@dataclass
class Report:
    split: str
    grammar: str
    signature: str
    mt: list[Outcome] = field(default_factory=list)
    pro: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    def figures(self) -> dict[str, Any]:
        from sacrebleu.metrics import TER

        mt, pro = self.mt, self.pro
        ter = TER()
        refs = [[o.correction or "" for o in mt]]
        before = ter.corpus_score([o.text for o in mt], refs).score
        after = ter.corpus_score([o.fixed for o in mt], refs).score
        closer, further = _moved(ter, mt)
        # sacrebleu's TER folds case: a repair of capitals alone (MTF104, MTF119) moves it nowhere
        ter_cs = TER(case_sensitive=True)
        before_cs = ter_cs.corpus_score([o.text for o in mt], refs).score
        after_cs = ter_cs.corpus_score([o.fixed for o in mt], refs).score
        closer_cs, further_cs = _moved(ter_cs, mt)
        changed = sum(o.changed for o in mt)
        paired = [o for o in mt if o.fluency_correction is not None]
        per_lang: dict[str, dict[str, int]] = {}
        for o in mt:
            d = per_lang.setdefault(o.lang, {"n": 0, "flagged": 0, "major": 0})
            d["n"] += 1
            d["flagged"] += o.flagged
            d["major"] += o.major
        return {
            "split": self.split,
            "grammar": self.grammar,
            "signature": self.signature,
            "n_mt": len(mt),
            "n_pro": len(pro),
            "mt_flagged": sum(o.flagged for o in mt),
            "mt_major": sum(o.major for o in mt),
            "pro_flagged": sum(o.flagged for o in pro),
            "pro_major": sum(o.major for o in pro),
            "pro_edited": sum(o.changed for o in pro),
            "fluency_auc": auc([o.fluency for o in mt], [o.fluency for o in pro]),
            "paired_mt_below_correction": (
                sum(o.fluency < (o.fluency_correction or 0) for o in paired) / len(paired) if paired else None
            ),
            "ter_before": round(before, 2),
            "ter_after": round(after, 2),
            "mt_changed": changed,
            "changed_closer": closer,
            "changed_further": further,
            "ter_cs_before": round(before_cs, 2),
            "ter_cs_after": round(after_cs, 2),
            "changed_closer_cs": closer_cs,
            "changed_further_cs": further_cs,
            "mt_codes": dict(Counter(c for o in mt for c in set(o.codes)).most_common()),
            "pro_codes": dict(Counter(c for o in pro for c in set(o.codes)).most_common()),
            "per_lang": per_lang,
            "seconds": round(self.seconds, 1),
        }


def evaluate(
    mt_rows: Iterable[dict[str, Any]],
    pro_rows: Iterable[dict[str, Any]],
    *,
    split: str = "dev",
    grammar: str = "off",
    lt_url: str | None = None,
    ignore: Sequence[str] = (),
    paired: bool = True,
) -> Report:
    """Check, score and fix every sentence with one pipeline (each sentence its own document)."""
    from mtfix.config import Config
    from mtfix.model import Severity
    from mtfix.pipeline import Pipeline

    config = Config(grammar=grammar, lt_url=lt_url, ignore=tuple(ignore))
    t0 = time.perf_counter()
    with Pipeline(config) as pipeline:
        report = Report(split, grammar, pipeline.signature())

        def outcome(row: dict[str, Any]) -> Outcome:
            text = row["text"]
            checked = pipeline.check(text)
            score = pipeline.score(text).fluency
            fixed = pipeline.fix(text).text
            correction = row.get("correction")
            return Outcome(
                id=row["id"],
                lang=row.get("lang") or row.get("source") or "",
                text=text,
                codes=[f.code for f in checked.findings],
                major_codes=[f.code for f in checked.findings if f.severity.rank >= Severity.MAJOR.rank],
                fluency=score,
                fixed=fixed,
                correction=correction,
                fluency_correction=pipeline.score(correction).fluency if (paired and correction) else None,
            )

        report.mt = [outcome(r) for r in mt_rows]
        report.pro = [outcome(r) for r in pro_rows]
    report.seconds = time.perf_counter() - t0
    return report


def intervals(report: Report, resamples: int = 2000, seed: int = 11) -> dict[str, tuple[float, float]]:
    """95 % bootstrap intervals (sentences resampled, MT and professional apart) of the shares of MT
    sentences flagged and with a major finding, and of the fluency AUC: how far a set of this size
    from the same sources may differ from the figures by chance alone.

    >>> r = Report("dev", "off", "")
    >>> r.mt = [Outcome(str(i), "", "", ["X"], [], 10.0, "") for i in range(20)]
    >>> r.pro = [Outcome(str(i), "", "", [], [], 90.0, "") for i in range(10)]
    >>> intervals(r, 200)["fluency_auc"]
    (1.0, 1.0)
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    mt = np.array([o.fluency for o in report.mt])
    pro = np.array([o.fluency for o in report.pro])
    flagged = np.array([o.flagged for o in report.mt], dtype=float)
    major = np.array([o.major for o in report.mt], dtype=float)
    draws: dict[str, list[float]] = {"mt_flagged_share": [], "mt_major_share": [], "fluency_auc": []}
    for _ in range(resamples):
        i, j = rng.integers(0, len(mt), len(mt)), rng.integers(0, len(pro), len(pro))
        draws["fluency_auc"].append(auc(mt[i].tolist(), pro[j].tolist()))
        draws["mt_flagged_share"].append(float(flagged[i].mean()))
        draws["mt_major_share"].append(float(major[i].mean()))
    return {k: (round(float(np.percentile(v, 2.5)), 3), round(float(np.percentile(v, 97.5)), 3))
            for k, v in draws.items()}


def ablation(report: Report, mt_rows: Sequence[dict[str, Any]], pro_rows: Sequence[dict[str, Any]], *,
             split: str = "dev", grammar: str = "off", lt_url: str | None = None,
             ignore: Sequence[str] = ()) -> list[tuple[str, dict[str, Any] | None]]:
    """Each family of :data:`ABLATIONS` left out in turn: its name and the figures without it (``None`` when the
    family found nothing in ``report``, so that leaving it out could change nothing)."""
    out: list[tuple[str, dict[str, Any] | None]] = []
    for name, prefixes in ABLATIONS:
        if not any(c.startswith(prefixes) for o in report.mt + report.pro for c in o.codes):
            out.append((name, None))
            continue
        out.append((name, evaluate(mt_rows, pro_rows, split=split, grammar=grammar, lt_url=lt_url,
                                   ignore=[*ignore, *prefixes], paired=False).figures()))
    return out


def _pct(a: int, n: int) -> str:
    return f"{a}/{n} ({100 * a / n:.0f} %)" if n else "-"


def _moved(ter: Any, mt: Sequence[Outcome]) -> tuple[int, int]:
    """How many changed MT sentences ``fix`` moved closer to, and further from, their correction by ``ter``."""
    closer = further = 0
    for o in mt:
        if not o.changed:
            continue
        a = ter.sentence_score(o.text, [o.correction or ""]).score
        b = ter.sentence_score(o.fixed, [o.correction or ""]).score
        closer += b < a
        further += b > a
    return closer, further


def render(fig: dict[str, Any]) -> str:
    """The figures as Markdown, for bench/RESULTS.md."""
    n, m = fig["n_mt"], fig["n_pro"]
    lines = [
        f"realmt {fig['split']}, grammar {fig['grammar']} ({n} MT + {m} professional sentences, {fig['seconds']} s)",
        "",
        "| figure | value | target |",
        "|---|---|---|",
        f"| MT sentences with a finding | {_pct(fig['mt_flagged'], n)} | ≥ 85 % (grammar off), ≥ 92 % (on) |",
        f"| MT sentences with a major finding | {_pct(fig['mt_major'], n)} | ≥ 70 % |",
        f"| professional sentences with a finding | {_pct(fig['pro_flagged'], m)} | |",
        f"| professional sentences with a major finding | {_pct(fig['pro_major'], m)} | 0 |",
        f"| professional sentences edited by `fix` | {_pct(fig['pro_edited'], m)} | 0 |",
        f"| fluency AUC (MT below professional) | {fig['fluency_auc']:.3f} | ≥ 0.92 (off), ≥ 0.95 (on) |",
    ]
    if fig["paired_mt_below_correction"] is not None:
        lines.append(f"| MT scored below its own correction | {100 * fig['paired_mt_below_correction']:.0f} % | |")
    lines += [
        f"| corpus TER vs corrections, before → after `fix` | {fig['ter_before']} → {fig['ter_after']} | lower |",
        f"| MT sentences changed by `fix` | {fig['mt_changed']} (closer {fig['changed_closer']}, "
        f"further {fig['changed_further']}) | ≥ 70 % closer |",
        f"| the same, case-sensitive TER (capitals count) | {fig['ter_cs_before']} → {fig['ter_cs_after']} (closer "
        f"{fig['changed_closer_cs']}, further {fig['changed_further_cs']}) | lower |",
        "",
        f"signature: `{fig['signature']}`",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", help="the realmt directory (default: $MTFIX_REALMT or ../shared/realmt)")
    ap.add_argument("--split", choices=("dev", "train", "probe"), default="dev",
                    help="dev: tuning and reporting; train: fitting data, never reported as quality; probe: the "
                         "project's own held-out-style set (--data bench/data/probe_s30, session 30)")
    ap.add_argument("--grammar", choices=("off", "auto", "required"), default="off")
    ap.add_argument("--lt-url", help="a running LanguageTool server")
    ap.add_argument("--ignore", action="append", default=[], help="codes or prefixes to leave out")
    ap.add_argument("--ablation", action="store_true", help="also run once without each signal family")
    ap.add_argument("--show", action="store_true", help="print each MT sentence missed and each professional one hit")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args(argv)

    root = data_dir(args.data)
    mt_file, pro_file = (require_shared(root, f"{kind}_{args.split}.jsonl", "eval_realmt", REALMT_HINT)
                         for kind in ("real_mt", "clean_news"))
    mt_rows, pro_rows = read_jsonl(mt_file), read_jsonl(pro_file)
    if args.split == "train":
        print("note: train files are fitting data; these figures are not a measure of quality", file=sys.stderr)

    report = evaluate(mt_rows, pro_rows, split=args.split, grammar=args.grammar, lt_url=args.lt_url,
                      ignore=args.ignore)
    fig = report.figures()
    print(render(fig))
    print("\ncodes on MT:", fig["mt_codes"])
    print("codes on professional:", fig["pro_codes"])
    print("per source language (n, flagged, major):",
          {k: (v["n"], v["flagged"], v["major"]) for k, v in sorted(fig["per_lang"].items())})
    if report.mt and report.pro:
        fig["intervals_95"] = intervals(report)
        print("95 % bootstrap intervals (2,000 resamples of the sentences):",
              ", ".join(f"{k} {lo:.3f}–{hi:.3f}" for k, (lo, hi) in fig["intervals_95"].items()))
    if args.show:
        print("\nMT sentences without a finding:")
        for o in report.mt:
            if not o.flagged:
                print(f"  {o.id}: {o.text}")
        print("\nprofessional sentences with a major finding or an edit:")
        for o in report.pro:
            if o.major or o.changed:
                print(f"  {o.id}: {o.major_codes} {'(edited)' if o.changed else ''}\n    {o.text}")
                if o.changed:
                    print(f"    → {o.fixed}")
    out: dict[str, Any] = {"full": fig}
    if args.ablation:
        print("\n### ablation: each signal family left out\n")
        print("| left out | flagged | major | AUC | Δ flagged | Δ AUC |")
        print("|---|---|---|---|---|---|")
        n = fig["n_mt"]
        for name, abl in ablation(report, mt_rows, pro_rows, split=args.split, grammar=args.grammar,
                                  lt_url=args.lt_url, ignore=args.ignore):
            if abl is None:
                print(f"| {name} | (no findings from it) | | | | |")
                continue
            out[name] = abl
            print(f"| {name} | {_pct(abl['mt_flagged'], n)} | {_pct(abl['mt_major'], n)} | "
                  f"{abl['fluency_auc']:.3f} | {abl['mt_flagged'] - fig['mt_flagged']:+d} | "
                  f"{abl['fluency_auc'] - fig['fluency_auc']:+.3f} |")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
