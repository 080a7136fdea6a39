"""How much the document score depends on a text's layout (session 15 checks; ``doc-3``, session 16).

The same sentences scored as written, one sentence a paragraph (a blank line between sentences) and one
sentence a subtitle cue, under the shipped rule (:data:`mtfix.scoring.fluency.DOCUMENT_REVISION`), under
``doc-2`` (each paragraph a unit) and with paragraphs pooled into units of at least ``--pool`` words each
(``doc-3`` candidates); ``doc-1`` (the whole text as one unit: what one paragraph of them scores; joining the
lines would merge a headline into its first sentence) for reference.  The spread is the largest minus the
smallest of the three layouts.  Then the subtitle fixtures (a cue is a paragraph) under each rule.  Grammar
off.  Reads the seeds from the shared data (``--shared``, ``$MTFIX_SHARED`` or ``../shared``); prints,
writes nothing.

    python bench/doc_layout.py [--pool 32 64 96 128]
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from eval_data import SHARED_HELP, require_shared, shared_dir

REPO = Path(__file__).resolve().parents[1]
LAYOUTS = ("as written", "a sentence a paragraph", "a sentence a cue (SRT)")


def _scores(pipe, doc, pools: list[int]) -> dict[str, float]:
    """The shipped score, ``doc-1``, ``doc-2`` and each pooled candidate of ``doc``."""
    fl = importlib.import_module("mtfix.scoring.fluency")
    w = fl.default_weights()
    s = fl.fluency(doc, pipe.check(doc).findings)
    words, pens = [g.words for g in s.segments], [g.penalty for g in s.segments]
    paras = [g.paragraph for g in s.segments]
    outside = s.penalty - sum(pens)
    out = {"shipped": s.fluency, "doc-1": fl.to_fluency(s.penalty, s.words, w),
           "doc-2": fl.document_fluency(words, pens, paras, w, outside, unit_words=0)}
    for m in pools:
        out[f"≥ {m}"] = fl.document_fluency(words, pens, paras, w, outside, unit_words=m)
    return out


def _srt(sentences: list[str]) -> str:
    return "".join(f"{i + 1}\n00:{i * 5 // 60:02d}:{i * 5 % 60:02d},000 --> 00:{i * 5 // 60:02d}:{i * 5 % 60:02d},900\n"
                   f"{s}\n\n" for i, s in enumerate(sentences))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--pool", type=int, nargs="*", default=[32, 64, 96, 128],
                    help="pooled-unit sizes (words) to show beside the shipped rule")
    args = ap.parse_args(argv)
    from mtfix.config import Config
    from mtfix.files import unit_document
    from mtfix.formats import load
    from mtfix.pipeline import Pipeline
    from mtfix.scoring.fluency import DOCUMENT_REVISION
    from mtfix.segment import to_document

    pipe = Pipeline(Config(grammar="off"))
    seeds = require_shared(shared_dir(args.shared), "seeds", "doc_layout")
    rules = [f"shipped ({DOCUMENT_REVISION})", "doc-2"] + [f"≥ {m}" for m in args.pool]
    keys = ["shipped", "doc-2"] + [f"≥ {m}" for m in args.pool]
    print("Each cell: as written / a sentence a paragraph / a sentence a cue (spread)\n")
    print("| seed | doc-1 | " + " | ".join(rules) + " |")
    print("|---|---:|" + "---:|" * len(rules))
    worst = dict.fromkeys(keys, 0.0)
    for path in sorted(seeds.glob("*.txt")):
        doc = to_document(path.read_text(encoding="utf-8"))
        sents = [" ".join(s.text(doc).split()) for s in doc.segments]
        docs = [doc, to_document("\n\n".join(sents)),
                unit_document(load(_srt(sents).encode(), "a.srt").units[0], "a.srt")]
        got = [_scores(pipe, d, args.pool) for d in docs]
        cells = []
        for k in keys:
            vals = [g[k] for g in got]
            spread = max(vals) - min(vals)
            worst[k] = max(worst[k], spread)
            cells.append(" / ".join(f"{v:.1f}" for v in vals) + f" ({spread:.1f})")
        print(f"| {path.name[:3]} | {got[0]['doc-1']:.1f} | " + " | ".join(cells) + " |")
    print("| **largest spread** | | " + " | ".join(f"**{worst[k]:.1f}**" for k in keys) + " |")
    print("\n| subtitle fixture | words | cues (paragraphs) | doc-1 | " + " | ".join(rules) + " |")
    print("|---|---:|---:|---:|" + "---:|" * len(rules))
    for path in sorted((REPO / "tests" / "data" / "subtitles").glob("*.*t")):
        doc = unit_document(load(path.read_bytes(), path.name).units[0], path.name)
        got1 = _scores(pipe, doc, args.pool)
        paras = len({k for k in importlib.import_module("mtfix.scoring.fluency").paragraph_indices(doc)})
        words = sum(len(s.text(doc).split()) for s in doc.segments)
        print(f"| {path.name} | {words} | {paras} | {got1['doc-1']:.1f} | " + " | ".join(f"{got1[k]:.1f}" for k in keys) + " |")


if __name__ == "__main__":
    main()
