"""Precision audit on professional subtitles: what mtfix reports and edits on film and TV dialogue (session 13).

Checks each subtitle file (default: ``tests/data/subtitles/*``, dialogue written for mtfix's tests:
drama, comedy, a thriller, a police procedural, a sitcom, a western, a teen series, children's
television, documentary narration, reality TV and its confessionals, stand-up, a fluent anime
translation; SRT and WebVTT) as ``mtfix check`` reads it, grammar off, and prints the counts: cues,
segments, segments the garble model judges (``MIN_WORDS`` words or more), majors, minors by code,
MTF401 minors by the segment's length in words, and the edits ``fix`` would make (safe, and with
``--unsafe-fixes``).  A professional file must get no major and no edit.

    python bench/audit_subtitles_precision.py                 # counts and every major and edit
    python bench/audit_subtitles_precision.py --show MTF401   # and every finding of a code
    python bench/audit_subtitles_precision.py --min-words 8   # as if the model judged 8 words or more
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DATA = REPO / "tests" / "data" / "subtitles"


def _bucket(n: int) -> str:
    return "<6" if n < 6 else "6-7" if n < 8 else "8-11" if n < 12 else "12+"


def audit(paths: list[Path], show: set[str]) -> Counter:
    from mtfix.config import Config
    from mtfix.files import unit_document
    from mtfix.formats import get_format
    from mtfix.garble import checker
    from mtfix.model import FixSafety
    from mtfix.pipeline import Pipeline

    pipeline = Pipeline(Config(grammar="off"))
    counts: Counter = Counter()
    for path in paths:
        fmt = path.suffix.lstrip(".")
        unit = get_format(fmt).load(path.read_bytes(), str(path), {}).units[0]
        doc = unit_document(unit, str(path))
        counts["cues"] += len(unit.regions)
        counts["segments"] += len(doc.segments)
        words = {}
        for seg in doc.segments:
            text = checker.segment_text(doc, seg)
            words[seg.index] = checker._words(text) if text is not None else 0
            counts[f"segments of {_bucket(words[seg.index])} words"] += 1
        for f in pipeline.check(doc).findings:
            major = str(f.severity) != "minor"
            counts["majors" if major else "minors"] += 1
            counts[f"{'major' if major else 'minor'} {f.code}"] += 1
            if f.code == "MTF401" and f.segment is not None:
                counts[f"MTF401 on segments of {_bucket(words.get(f.segment, 0))} words"] += 1
            edits = [e for e in f.edits] if f.edits else []
            if edits:
                counts["unsafe edits" if f.fix is FixSafety.UNSAFE else "safe edits"] += 1
            if major or edits or f.code in show:
                line, _ = doc.line_col(f.start)
                seg = doc.segments[f.segment] if f.segment is not None else None
                sentence = " ".join(doc.text[seg.start : seg.end].split()) if seg else ""
                kind = "edit " if edits else ""
                print(f"{path.name}:{line} {kind}{f.code} {f.severity} [{doc.text[f.start:f.end]}] {sentence}")
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--show", default="", help="comma-separated codes whose every finding is printed")
    ap.add_argument("--min-words", type=int, help="judge segments of this many words or more (default: MIN_WORDS)")
    args = ap.parse_args()
    paths = args.paths or sorted(DATA.glob("*.srt")) + sorted(DATA.glob("*.vtt"))
    if args.min_words is not None:
        from mtfix.garble import checker

        checker.MIN_WORDS = args.min_words
    counts = audit(paths, {c for c in args.show.split(",") if c})
    for key in ("cues", "segments", "majors", "minors", "safe edits", "unsafe edits"):
        print(f"{key:40} {counts.pop(key, 0)}")
    for key, n in sorted(counts.items()):
        print(f"{key:40} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
