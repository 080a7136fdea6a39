"""How often the garble detector's minor verdict (MTF401 minor) lands on professional English and on real MT,
with the detector's probability and the sentence's fluency score (session 45).

Each sentence is checked and scored as its own document (as ``bench/eval_realmt.py`` does; grammar off), except
the two articles of ``bench/editor_article.py``, checked and scored whole (as an editor opens them): there each
segment's verdict and score are the whole document's. Per source: sentences judged (six words or more), with a
minor MTF401, with a major one; the median probability of the minor ones; how many minor ones score 90 or more.

    python bench/detector_minors.py                 # realmt dev and train, 300 of each audit source, the articles
    python bench/detector_minors.py --limit 1000 --json out.json

Reads realmt and the professional audit's sources from the shared folder (``$MTFIX_SHARED`` or ``../shared``);
a source that is absent is said and left out. Evaluation sets (MQM 2023, MLQE-PE test) are not read.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.eval_data import read_jsonl, shared_dir  # noqa: E402


def _row(name: str, judged: list[tuple[str | None, float | None, float]]) -> dict[str, Any]:
    """One source's figures from ``(severity of MTF401 or None, probability, score)`` per judged sentence."""
    minors = [(p, s) for sev, p, s in judged if sev == "minor"]
    probs = [p for p, _ in minors if p is not None]
    return {"source": name, "judged": len(judged),
            "minor": len(minors), "major": sum(sev == "major" for sev, _, _ in judged),
            "minor_share": round(len(minors) / len(judged), 3) if judged else None,
            "minor_median_p": round(statistics.median(probs), 3) if probs else None,
            "minor_scoring_90": sum(s >= 90 for _, s in minors),
            "median_score": round(statistics.median(s for _, _, s in judged), 1) if judged else None}


def _mtf401(findings: Iterable[Any], start: int, end: int) -> str | None:
    sev = [str(f.severity) for f in findings if f.code == "MTF401" and start <= f.start < end]
    return "major" if "major" in sev else ("minor" if sev else None)


def sentences(pipe: Any, texts: Iterable[str]) -> list[tuple[str | None, float | None, float]]:
    """Each text checked and scored as its own document: the judged ones (a probability)."""
    out = []
    for text in texts:
        result = pipe.score(text)
        segs = [s for s in result.segments if s.garbled is not None]
        if not segs:
            continue
        findings = pipe.check(text).findings
        out.append((_mtf401(findings, 0, len(text) + 1), max(s.garbled for s in segs), result.fluency))
    return out


def document(pipe: Any, text: str) -> list[tuple[str | None, float | None, float]]:
    """A whole document checked and scored: each judged segment's verdict, probability and score."""
    findings = pipe.check(text).findings
    return [(_mtf401(findings, s.start, s.end), s.garbled, s.fluency)
            for s in pipe.score(text).segments if s.garbled is not None]


def _spread(rows: list[str], n: int) -> list[str]:
    """Up to ``n`` texts evenly spread over ``rows`` (every one when there are fewer)."""
    return rows[::max(1, len(rows) // n)][:n]


def sources(shared: Path, limit: int) -> dict[str, list[str]]:
    """The sentence sources that are present (professional first, then MT)."""
    from bench.audit_professional import sources as audit_sources

    out: dict[str, list[str]] = {}
    realmt = shared / "realmt"
    for split in ("dev", "train"):
        for kind, stem in (("professional", "clean_news"), ("MT", "real_mt")):
            path = realmt / f"{stem}_{split}.jsonl"
            if path.exists():
                out[f"realmt {split} {kind}"] = [r["text"] for r in read_jsonl(path)]
            else:
                print(f"absent: {path}", file=sys.stderr)
    for name, texts in audit_sources(shared).items():
        if name.startswith("own-"):
            continue  # the project's own sets: no new evidence about the detector's minors
        try:
            rows = list(itertools.islice(texts, 20 * limit))
        except OSError as exc:
            print(f"absent: {name} ({exc})", file=sys.stderr)
            continue
        out[f"{name} (professional)"] = _spread(rows, limit)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=300, help="sentences per audit source (evenly spread)")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args(argv)
    from bench.editor_article import article, garbled_article
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    rows = []
    with Pipeline(Config(grammar="off")) as pipe:
        for name, texts in sources(shared_dir(None), args.limit).items():
            rows.append(_row(name, sentences(pipe, texts)))
        rows.append(_row("the 30 KB article (bench/editor_article.py, whole)", document(pipe, article())))
        rows.append(_row("the garbled 30 KB article (whole)", document(pipe, garbled_article())))
    head = ("source", "judged", "minor", "major", "minor share", "minor median p", "minor scoring ≥ 90",
            "median score")
    print("| " + " | ".join(head) + " |\n|" + "---|" * len(head))
    for r in rows:
        print("| " + " | ".join(str(r[k]) for k in ("source", "judged", "minor", "major", "minor_share",
                                                     "minor_median_p", "minor_scoring_90", "median_score")) + " |")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
