"""A document's character references are found once (session 32): a finding's quote (``as_read``), ``read_through``
and ``reference_offsets`` each asked :func:`mtfix.rules.markup.reference_spans`, which walked every protected span of
the document again; and they read only the references near their span.  What they return is unchanged."""

from __future__ import annotations

import random

import mtfix.rules.markup as markup
from mtfix.caching.lastmemo import LastMemo
from mtfix.files import unit_document
from mtfix.formats import load

LETTERS = "əıöüğşçéñ"


def _page(seed: int = 32) -> str:
    rng = random.Random(seed)
    words = ["The", "minister", "opened", "a", "new", "road", "near", "the", "station", "on", "Monday"]
    paras = []
    for _ in range(12):
        ws = [w if rng.random() < 0.6 else w[:2] + rng.choice(LETTERS) + w[2:] for w in rng.sample(words, 8)]
        paras.append(" ".join(ws) + ".")
    body = "".join(f"<p>{''.join(f'&#{ord(c)};' if ord(c) > 127 else c for c in p)}</p>\n" for p in paras)
    return f"<html><body>\n{body}</body></html>\n"


def _doc(text: str):
    return unit_document(load(text.encode(), "a.html", None).units[0], "a.html")


def test_the_references_are_found_once_per_document(monkeypatch) -> None:
    calls: list[int] = []
    found = markup._reference_spans

    def counted(doc):
        calls.append(1)
        return found(doc)

    monkeypatch.setattr(markup, "_reference_spans", counted)
    monkeypatch.setattr(markup, "_LAST_REFERENCES", LastMemo(markup._References))
    monkeypatch.setattr(markup, "_LAST_OFFSETS", LastMemo(markup._markup_offsets))
    doc = _doc(_page())
    spans = markup.reference_spans(doc)
    assert len(spans) > 10
    for s in range(0, len(doc.text), 17):
        markup.as_read(doc, s, s + 40)
        markup.read_through(doc, s, s + 40)
    markup.reference_offsets(doc)
    markup.markup_offsets(doc)
    assert len(calls) == 1
    markup.reference_spans(_doc(_page()))  # another document: found again
    assert len(calls) == 2


def test_the_references_near_a_span_are_those_a_full_walk_finds() -> None:
    doc = _doc(_page(7))
    spans = markup.reference_spans(doc)
    refs = markup._References(doc)
    n = len(doc.text)
    rng = random.Random(1)
    for _ in range(500):
        start = rng.randrange(n)
        end = min(n, start + rng.randrange(0, 60))
        overlap = [r for r in spans if r.start < end and start < r.end]
        inside = [r for r in spans if start <= r.start and r.end <= end]
        near = refs.near(start, end)
        assert [r for r in near if r.start < end and start < r.end] == overlap
        assert [r for r in near if start <= r.start and r.end <= end] == inside
        want = {i for r in overlap for i in range(r.start, r.end)} | {
            i for g in doc.meta.get("glued") or () if g.start < end and start < g.end for i in range(g.start, g.end)}
        assert markup.read_through(doc, start, end) == want
