"""Precision audit of the garble checker on professional English in Markdown (session 12).

Checks a Markdown file (default: ``tests/data/professional_markdown.md``, written for mtfix's
tests) as one document, grammar off, and prints every MTF4xx finding with its sentence, and the
counts: segments, segments that touch a protected span (a URL, an e-mail address, Markdown
markup), those the checker judged, MTF401 minor and major, and the structural signs.

    python bench/audit_markdown.py
    python bench/audit_markdown.py docs/*.md --quiet
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def audit(paths: list[Path], quiet: bool) -> Counter:
    from mtfix.config import Config
    from mtfix.files import unit_document
    from mtfix.formats.markdown import MarkdownFormat
    from mtfix.pipeline import Pipeline

    pipeline = Pipeline(Config(grammar="off"))
    counts: Counter = Counter()
    for path in paths:
        unit = MarkdownFormat().load(path.read_bytes(), str(path), {}).units[0]
        doc = unit_document(unit, str(path))
        result = pipeline.check(doc)
        counts["segments"] += len(doc.segments)
        counts["touch protected"] += sum(doc.is_protected(s.start, s.end) for s in doc.segments)
        counts["findings"] += len(result.findings)
        counts["majors"] += sum(str(f.severity) != "minor" for f in result.findings)
        for f in result.findings:
            if not f.code.startswith("MTF4"):
                continue
            counts[f"{f.code} {f.severity}"] += 1
            seg = doc.segments[f.segment] if f.segment is not None else doc.segment_at(f.start)
            counts["MTF4 in a protected-touching segment"] += bool(seg and doc.is_protected(seg.start, seg.end))
            if not quiet and seg is not None:
                line, _ = doc.line_col(f.start)
                print(f"{path.name}:{line} {f.code} {f.severity} [{doc.text[f.start:f.end]}] "
                      f"{doc.text[seg.start:seg.end]}")
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", type=Path, default=[REPO / "tests" / "data" / "professional_markdown.md"])
    ap.add_argument("--quiet", action="store_true", help="counts only")
    args = ap.parse_args()
    for key, n in sorted(audit(args.paths, args.quiet).items()):
        print(f"{key:40} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
