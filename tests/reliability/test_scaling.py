"""Issue 9, cost that grows faster than the input.

No timings: each test counts operations (Python lines executed in one module,
calls of a method of the text or of the span list, characters handed to pysbd)
at two sizes, or checks that a lookup table is built once, and compares every
fast path with the obvious slow one on random inputs.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import mtfix.segment as segment
from mtfix.config import Config
from mtfix.model import Document, Edit, FixSafety, Span
from mtfix.pipeline import Pipeline
from mtfix.repair import _conflicts, apply_edit_groups
from mtfix.segment import pysbd_pass, sentence_ends, to_document

REPO = Path(__file__).resolve().parents[2]

SENTENCES = [
    "The ferry to Aktau left two hours late on Friday.",
    "Traders in the bazaar said the price of apricots had doubled.",
    "A new school opened in the village after the flood.",
    "The council voted to repair the old bridge before winter.",
    "Nobody expected the talks to end so quickly.",
]


def lines_executed(fn: Callable[[], object], filename: str | tuple[str, ...]) -> int:
    """How many Python lines of ``filename`` (or of any of several files) run while ``fn()`` runs."""
    count = 0
    files = {filename} if isinstance(filename, str) else set(filename)

    def tracer(frame, event, arg):
        nonlocal count
        if frame.f_code.co_filename not in files:
            return None
        if event == "line":
            count += 1
        return tracer

    old = sys.gettrace()
    sys.settrace(tracer)
    try:
        fn()
    finally:
        sys.settrace(old)
    return count


class CountingStr(str):
    """A str that counts calls of ``find`` and ``count`` (how the line table is built)."""

    calls = 0

    def find(self, *args):  # type: ignore[override]
        CountingStr.calls += 1
        return super().find(*args)

    def count(self, *args):  # type: ignore[override]
        CountingStr.calls += 1
        return super().count(*args)


def _naive_line_col(text: str, pos: int) -> tuple[int, int]:
    return text.count("\n", 0, pos) + 1, pos - (text.rfind("\n", 0, pos) + 1) + 1


# -- Document.line_col -----------------------------------------------------------------------------


def test_line_col_matches_counting_newlines():
    rng = random.Random(3)
    for _ in range(200):
        text = "".join(rng.choice("ab \n") for _ in range(rng.randint(0, 40)))
        doc = Document(text)
        for pos in range(len(text) + 1):
            assert doc.line_col(pos) == _naive_line_col(text, pos), (text, pos)


def test_line_col_scans_the_text_once_however_many_findings():
    lines = 2000
    text = CountingStr("\n".join(SENTENCES[i % 5] for i in range(lines)))
    doc = Document(text)
    CountingStr.calls = 0
    for pos in range(0, len(text), 7):  # about 7,000 look-ups
        doc.line_col(pos)
    # one find per line to build the table, then bisection only (was: a count per look-up)
    assert CountingStr.calls <= lines + 1


def test_document_is_immutable_so_its_tables_cannot_go_stale():
    """The line and protected-span tables are built once: the document cannot change under them."""
    import dataclasses

    doc = Document("a\nb", protected=[Span(0, 1)])
    assert doc.line_col(2) == (2, 1) and doc.is_protected(0, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "xy\n\nz"
    with pytest.raises(TypeError):
        doc.meta["regions"] = []  # type: ignore[index]
    assert isinstance(doc.protected, tuple) and isinstance(doc.segments, tuple)
    new = dataclasses.replace(doc, text="xy\n\nz", protected=[])
    assert new.line_col(4) == (3, 1) and not new.is_protected(0, 1)


# -- Document.is_protected --------------------------------------------------------------------------


class CountingList(list):
    """A list that counts how often it is walked."""

    walks = 0

    def __iter__(self):
        CountingList.walks += 1
        return super().__iter__()


def test_is_protected_matches_span_overlaps():
    rng = random.Random(5)
    for _ in range(300):
        spans = []
        for _ in range(rng.randint(0, 6)):
            s = rng.randint(0, 30)
            spans.append(Span(s, s + rng.choice([0, 0, 1, 3, 12])))  # empty, short and nested spans
        doc = Document("x" * 50, protected=sorted(spans, key=lambda p: p.start))
        for start in range(45):
            for end in (start, start + 1, start + 4):
                probe = Span(start, max(end, start + 1))
                expected = any(p.overlaps(probe) for p in spans)
                assert doc.is_protected(start, end) == expected, (spans, start, end)


def test_is_protected_does_not_walk_the_spans_per_query():
    spans = CountingList(Span(i * 10, i * 10 + 3) for i in range(5000))
    doc = Document("x" * 50_010, protected=spans)
    CountingList.walks = 0
    hits = sum(doc.is_protected(p, p + 2) for p in range(0, 50_000, 5))
    assert hits == 5000  # every query at a multiple of 10 touches a span, the others do not
    assert CountingList.walks <= 1  # the index is built once (was: one walk per query)


def test_protected_spans_cannot_be_added_behind_the_index():
    """``protected`` is a tuple: a span cannot be appended after the index was built (it would be
    missed); a document with more protected spans is a new document."""
    import dataclasses

    doc = Document("see the page now", protected=[Span(0, 3)])
    assert not doc.is_protected(8, 12)
    with pytest.raises(AttributeError):
        doc.protected.append(Span(8, 12))  # type: ignore[attr-defined]
    more = dataclasses.replace(doc, protected=[*doc.protected, Span(8, 12)])
    assert more.is_protected(9, 10) and not doc.is_protected(9, 10)


# -- apply_edit_groups ----------------------------------------------------------------------------


def _conflict(a: Edit, b: Edit) -> bool:
    """The old pairwise test, on the shared conflict rule (the sweep must agree with it)."""
    return _conflicts((a.start, a.end), (b.start, b.end))


def _reference_apply(text: str, groups: list[tuple[Edit, ...]]) -> tuple[str, list[Edit], list[Edit]]:
    """The obvious quadratic algorithm: every edit against every chosen one."""
    chosen: list[Edit] = []
    skipped: list[Edit] = []
    for group in groups:
        ok = all(0 <= e.start <= e.end <= len(text) and text[e.start:e.end] == e.original for e in group)
        ok = ok and not any(_conflict(e, c) for e in group for c in chosen)
        ok = ok and not any(_conflict(a, b) for i, a in enumerate(group) for b in group[i + 1:])
        (chosen if ok else skipped).extend(group)
    out, pos = [], 0
    for e in sorted(chosen, key=lambda e: (e.start, e.end)):
        out += [text[pos:e.start], e.replacement]
        pos = e.end
    out.append(text[pos:])
    return "".join(out), sorted(chosen, key=lambda e: (e.start, e.end)), skipped


def _edit(s: int, e: int, text: str, repl: str = "X", original: str | None = None) -> Edit:
    return Edit(s, e, repl, text[s:e] if original is None else original, "MTF999", "test", FixSafety.SAFE)


def test_apply_edit_groups_matches_the_pairwise_algorithm():
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice("ab ") for _ in range(rng.randint(0, 16)))
        groups = []
        for _ in range(rng.randint(0, 6)):
            group = []
            for _ in range(rng.randint(1, 3)):
                s = rng.randint(0, len(text))
                e = rng.randint(s, min(len(text), s + 4))
                original = None if rng.random() < 0.9 else "stale"
                group.append(_edit(s, e, text, rng.choice(["", "X", "YY"]), original))
            groups.append(tuple(group))
        got = apply_edit_groups(text, groups)
        want_text, want_applied, want_skipped = _reference_apply(text, groups)
        assert got.text == want_text
        assert list(got.applied) == want_applied
        assert list(got.skipped) == want_skipped


def _many_edits(n: int) -> tuple[str, list[tuple[Edit, ...]]]:
    text = "snowThe " * n
    groups = [(_edit(i * 8 + 4, i * 8 + 4, text, " "),) for i in range(n)]
    groups += [(_edit(i * 8, i * 8 + 7, text, "snow The"),) for i in range(0, n, 3)]  # conflicting
    return text, groups


def test_apply_edit_groups_is_linear_in_the_number_of_edits():
    import mtfix.repair as repair

    small, large = (lines_executed(lambda n=n: apply_edit_groups(*_many_edits(n)), repair.__file__)
                    for n in (1000, 4000))
    assert large <= 4.5 * small, (small, large)  # 16x when every edit met every chosen one
    text, groups = _many_edits(1000)
    result = apply_edit_groups(text, groups)
    assert len(result.applied) == 1000 and len(result.skipped) == 334


# -- Pipeline._rebuild (offsets after edits) ------------------------------------------------------


def test_rebuild_shifts_protected_spans_in_linear_time():
    import mtfix.pipeline as pipeline

    def run(n: int) -> tuple[Document, int]:
        text = "oilgas www.example.com " * n
        doc = to_document(text, protected=[Span(i * 23 + 7, i * 23 + 22) for i in range(n)])
        edits = [_edit(i * 23 + 3, i * 23 + 3, text, " and ") for i in range(n)]
        new_text = apply_edit_groups(text, [(e,) for e in edits]).text
        box: list[Document] = []
        lines = lines_executed(lambda: box.append(Pipeline(Config(grammar="off"))._rebuild(doc, new_text, edits)), pipeline.__file__)
        return box[0], lines

    doc, small = run(500)
    assert all(doc.text[p.start:p.end] == "www.example.com" for p in doc.meta["format_protected"])
    _, large = run(2000)
    assert large <= 4.5 * small, (small, large)  # 16x with a scan of every edit per span


# -- segmentation --------------------------------------------------------------------------------


def _one_paragraph(n_sentences: int) -> str:
    rng = random.Random(2)
    return " ".join(rng.choice(SENTENCES) for _ in range(n_sentences))


def test_a_paragraph_without_newline_reaches_pysbd_in_bounded_pieces(monkeypatch):
    sizes: list[int] = []
    real = segment._segmenter()

    class Recording:
        def processor(self, block: str):
            sizes.append(len(block))
            return real.processor(block)

    monkeypatch.setattr(pysbd_pass, "_segmenter", lambda: Recording())
    # as for text pysbd must read whole (quotes, lists): no sentence end is cut before pysbd
    monkeypatch.setattr(sentence_ends, "_not_local", lambda block: True)
    text = _one_paragraph(1500)  # about 75 KB, one line
    cuts: list[tuple[int, str]] = []
    segs = segment.split_segments(text, cuts=cuts)
    assert sizes and max(sizes) <= segment.MAX_BLOCK
    assert sum(sizes) <= len(text)  # every character goes to pysbd once: linear
    assert cuts and all(kind == "sentence" for _, kind in cuts)
    assert all(text[s.start:s.end] in SENTENCES for s in segs)  # the cuts fall between sentences
    assert len(segs) == 1500


def test_plain_sentences_of_a_long_paragraph_skip_pysbd(monkeypatch):
    sizes: list[int] = []
    real = segment._pysbd
    monkeypatch.setattr(sentence_ends, "_pysbd", lambda block, start: sizes.append(len(block)) or real(block, start))
    text = _one_paragraph(1500)
    segs = segment.split_segments(text)
    assert sizes == [] and len(segs) == 1500
    assert all(text[s.start:s.end] in SENTENCES for s in segs)


def test_forced_cuts_are_recorded_on_the_document():
    text = _one_paragraph(300)
    doc = to_document(text)
    assert doc.meta["forced_cuts"], "a long paragraph is cut before pysbd, and the cuts are recorded"
    assert to_document("A short paragraph. Two sentences.").meta["forced_cuts"] == []


def test_a_block_without_punctuation_or_space_is_cut_hard_and_covered():
    text = "x" * (3 * segment.MAX_BLOCK + 17)
    cuts: list[tuple[int, str]] = []
    segs = segment.split_segments(text, cuts=cuts)
    assert {kind for _, kind in cuts} == {"hard"}
    assert segs[0].start == 0 and segs[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(segs, segs[1:], strict=False))  # nothing is lost


def test_short_paragraphs_are_segmented_as_before():
    text = "U.S. Secretary met E. Macron. He left.\nHeading"
    assert [text[s.start:s.end] for s in segment.split_segments(text)] == [
        "U.S. Secretary met E. Macron.", "He left.", "Heading"]


def test_segmentation_cost_is_linear_in_a_newline_free_paragraph():
    package = tuple(str(p) for p in Path(segment.__file__).parent.glob("*.py"))  # the segmenter's modules (session 34)
    small = lines_executed(lambda: segment.split_segments(_one_paragraph(400)), package)
    large = lines_executed(lambda: segment.split_segments(_one_paragraph(1600)), package)
    assert large <= 4.5 * small, (small, large)


@pytest.mark.parametrize("n", [200])
def test_check_of_many_lines_reports_right_line_numbers(n):
    text = "\n".join(f"Line {i}: prices of oilgas rose." for i in range(n))
    result = Pipeline(Config(grammar="off")).check(to_document(text))
    for f in result.findings:
        line, col = result.document.line_col(f.start)
        assert text.splitlines()[line - 1][col - 1:].startswith(text[f.start:f.end])
