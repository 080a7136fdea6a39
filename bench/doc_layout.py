"""How much the document score (``doc-2``) depends on a text's layout (session 15 checks).

The same sentences scored as written, as one unit (``doc-1``: what one paragraph of them scores; joining
the lines would merge a headline into its first sentence), one sentence a paragraph (a blank line between
sentences) and one sentence a subtitle cue; and the subtitle fixtures under ``doc-2`` (a cue is a
paragraph) against ``doc-1`` (the whole file as one unit).  Grammar off.  Reads the seeds from the shared
data (``--shared``, ``$MTFIX_SHARED`` or ``../shared``); prints, writes nothing.

    python bench/doc_layout.py
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _score(pipe, doc) -> tuple[float, float]:
    """(doc-2, doc-1) of ``doc``."""
    fl = importlib.import_module("mtfix.scoring.fluency")
    s = fl.fluency(doc, pipe.check(doc).findings)
    return s.fluency, fl.to_fluency(s.penalty, s.words, fl.default_weights())


def _srt(sentences: list[str]) -> str:
    return "".join(f"{i + 1}\n00:{i * 5 // 60:02d}:{i * 5 % 60:02d},000 --> 00:{i * 5 // 60:02d}:{i * 5 % 60:02d},900\n"
                   f"{s}\n\n" for i, s in enumerate(sentences))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help="the shared data directory (default: $MTFIX_SHARED or ../shared)")
    args = ap.parse_args(argv)
    from mtfix.config import Config
    from mtfix.files import unit_document
    from mtfix.formats import load
    from mtfix.pipeline import Pipeline
    from mtfix.segment import to_document

    pipe = Pipeline(Config(grammar="off"))
    seeds = Path(args.shared or os.environ.get("MTFIX_SHARED", REPO.parent / "shared")) / "seeds"
    if not seeds.is_dir():
        print(f"doc_layout: {seeds} not found (set MTFIX_SHARED or --shared)", file=sys.stderr)
        raise SystemExit(2)
    print("| seed | as written | as one unit (doc-1) | one sentence a paragraph | one sentence a cue (SRT) |")
    print("|---|---:|---:|---:|---:|")
    for path in sorted(seeds.glob("*.txt")):
        doc = to_document(path.read_text(encoding="utf-8"))
        sents = [" ".join(s.text(doc).split()) for s in doc.segments]
        new, old = _score(pipe, doc)
        layouts = [to_document("\n\n".join(sents)), unit_document(load(_srt(sents).encode(), "a.srt").units[0], "a.srt")]
        print(f"| {path.name[:3]} | {new:.1f} | {old:.1f} | " + " | ".join(f"{_score(pipe, d)[0]:.1f}" for d in layouts)
              + " |")
    print("\n| subtitle fixture | words | cues (paragraphs) | doc-2 | doc-1 |")
    print("|---|---:|---:|---:|---:|")
    for path in sorted((REPO / "tests" / "data" / "subtitles").glob("*.*t")):
        doc = unit_document(load(path.read_bytes(), path.name).units[0], path.name)
        new, old = _score(pipe, doc)
        paras = len({k for k in importlib.import_module("mtfix.scoring.fluency").paragraph_indices(doc)})
        words = sum(len(s.text(doc).split()) for s in doc.segments)
        print(f"| {path.name} | {words} | {paras} | {new:.1f} | {old:.1f} |")


if __name__ == "__main__":
    main()
