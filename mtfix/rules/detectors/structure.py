"""Sentences too garbled to repair locally: flag the segment for a human post-edit."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from mtfix.model import Document
from mtfix.rules.detectors.registry import Context, Hit, detector


@detector("garbled_structure", post=True)
def garbled_structure(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """A segment with ``params.min_signals`` or more findings from the codes in
    ``params.signals`` (each a sign of scrambled word order) is reported whole."""
    signals = tuple(rule.params.get("signals", []))
    need = int(rule.params.get("min_signals", 2))
    by_segment: dict[int, list] = defaultdict(list)
    for f in ctx.findings:
        if f.segment is not None and f.code.startswith(signals):
            by_segment[f.segment].append(f)
    for idx, found in sorted(by_segment.items()):
        spans = {(f.start, f.end) for f in found}
        if len(spans) < need:
            continue
        seg = doc.segments[idx]
        codes = ", ".join(sorted({f.code for f in found}))
        yield Hit(
            seg.start, seg.end, None,
            message=f"garbled sentence structure ({len(spans)} signs: {codes}); it needs a human post-edit, "
            "not a local fix",
        )
