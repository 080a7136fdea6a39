"""`mtfix review` scores the repaired file with `fix`'s own last check when the repaired unit reads back as the
document that check checked (session 32): the page is the same, with one check a repaired unit fewer."""

from __future__ import annotations

import inspect
import pickle
from dataclasses import replace
from pathlib import Path

import pytest

from mtfix.config import Config
from mtfix.files import add_contexts, read_container, reads_as, unit_document
from mtfix.formats import Unit, load
from mtfix.io.inputs import Input
from mtfix.model import Span
from mtfix.pipeline import Pipeline
from mtfix.review import proposals, review_files
from mtfix.review.report import build_context
from mtfix.segment import to_document
from tests.conftest import SEEDS

DATA = Path(__file__).resolve().parents[1] / "data"

_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="desk.txt" source-language="az" target-language="en" datatype="plaintext">
  <body>
   <trans-unit id="1"><source>a</source><target>The minister have said that the the prices will rise .</target></trans-unit>
   <trans-unit id="2"><source>b</source><target>Officials said the <g id="1">road</g> stays closed , people said.</target></trans-unit>
   <trans-unit id="3"><source>c</source><target>Farmers complained that the the price of seed doubled.</target></trans-unit>
  </body>
 </file>
</xliff>
"""
_PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "one"
msgstr "The bridge , which was built in 1970, needs urgent repairs."

msgid "two"
msgstr "Police are investigating the the incident."
"""
_HTML = """<!DOCTYPE html><html><head><title>News</title></head><body>
<h1>The city council approved the the budget</h1>
<p>According to the report , the number of <b>tourists</b> grew by 12 percent.</p>
<p>The minister have said that prices will rise next year.</p>
</body></html>
"""
_MD = """# Floods in the the north

Heavy rains caused flooding in several districts , residents said. See `code the the` and [the the link](http://x.y).

- The fair will take place in the old town from 5 to 9 June .
"""
_SEED_STYLE = ("In Baku on Monday the officials was meeting with the the delegation of neighbour country .\n"
               "The prices of bread has rised in the last week , according to statistic committee.\n")


def _inputs() -> list[Input]:
    made = [("desk.xlf", _XLIFF), ("desk.po", _PO), ("page.html", _HTML), ("story.md", _MD), ("seed.txt", _SEED_STYLE)]
    found = [Input(name, text.encode()) for name, text in made]
    found += [Input(p.name, p.read_bytes()) for p in sorted(DATA.glob("professional_*"))]
    return found


def _page_data(monkeypatch, inputs: list[Input], reuse: bool) -> tuple[dict, int]:
    checks = []
    real = Pipeline.check
    with monkeypatch.context() as m:
        m.setattr(Pipeline, "check", lambda self, *a, **k: checks.append(1) or real(self, *a, **k))
        if not reuse:
            m.setattr(proposals, "after_check",
                      lambda pipeline, fx, unit, path: pipeline.check(unit_document(unit, path)))
        with Pipeline(Config(grammar="off")) as p:
            reviews = review_files(p, inputs)
            context = build_context(p, reviews)
    context["meta"] = {k: v for k, v in context["meta"].items() if k not in ("created", "report")}
    return context, len(checks)


def test_the_page_data_is_the_same_with_one_check_a_repaired_unit_fewer(monkeypatch):
    inputs = _inputs()
    again, checked_again = _page_data(monkeypatch, inputs, reuse=False)
    reused, checked = _page_data(monkeypatch, inputs, reuse=True)
    assert reused == again
    repaired = sum(1 for s in reused["summaries"] if s["edits"])
    assert repaired >= 8, repaired  # the page's files with safe edits made
    assert checked < checked_again, (checked, checked_again)


def test_seed_files_give_the_same_page_data(monkeypatch):
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        pytest.skip(f"no seed files in {SEEDS} (the shared data is not mounted)")
    inputs = [Input(p.name, p.read_bytes()) for p in seeds]
    again, checked_again = _page_data(monkeypatch, inputs, reuse=False)
    reused, checked = _page_data(monkeypatch, inputs, reuse=True)
    assert reused == again and checked <= checked_again


def test_a_document_other_than_the_one_fix_checked_last_is_checked_again():
    with Pipeline(Config(grammar="off")) as p:
        fx = p.fix(unit_document(Unit(0, "Officials said the the road is closed."), "desk.txt"))
        assert fx.changed and fx.final is not None and fx.final.document.text == fx.text
        assert proposals.after_check(p, fx, Unit(0, fx.text), "desk.txt") is fx.final
        again = proposals.after_check(p, fx, Unit(0, fx.text), "elsewhere.txt")  # the same text, another name
        assert again is not fx.final and again.document.path == "elsewhere.txt"
        assert [f.code for f in again.findings] == [f.code for f in fx.final.findings]
        with_meta = Unit(0, fx.text, meta={"mentioned": frozenset({"Baku"})})  # a name an earlier unit mentions
        assert proposals.after_check(p, fx, with_meta, "desk.txt") is not fx.final


def test_reads_as_says_equal_only_of_an_equal_document():
    """Soundness of the shortcut: where `reads_as` says a re-read unit is `fix`'s last document, building the
    unit's document gives an equal one; and it says so of every unit that reads back equal (no segmenting)."""
    said, equal = 0, 0
    with Pipeline(Config(grammar="off")) as p:
        for inp in _inputs():
            container = read_container(inp, None, {}, p)
            fixes = {i: p.fix(unit_document(u, inp.path), unsafe=False) for i, u in enumerate(container.units)}
            fixed = {i: fx.text for i, fx in fixes.items() if fx.changed}
            if not fixed:
                continue
            after = add_contexts(p, load(container.render(fixed), inp.path).units, inp.path)
            assert len(after) == len(container.units)
            for i in fixed:
                final = fixes[i].final.document
                made = unit_document(after[i], inp.path)
                if reads_as(after[i], inp.path, final):
                    said += 1
                    assert made == final, (inp.path, i)
                equal += made == final
                assert not reads_as(replace(after[i], text=after[i].text + " "), inp.path, final)
    assert said == equal and said >= 8, (said, equal)


@pytest.mark.parametrize("change", ["protected", "regions", "code", "headings", "opaque", "joins", "glued", "source"])
def test_reads_as_sees_each_input_of_the_document(change):
    md = "# Floods in the north\n\nHeavy rains fell in `code` and [a link](http://x.y) , residents said.\n"
    with Pipeline(Config(grammar="off")) as p:
        unit = read_container(Input("story.md", md.encode()), None, {}, p).units[0]
        doc = unit_document(unit, "story.md")
        assert reads_as(unit, "story.md", doc)
        extra = Span(0, 1)
        other = {
            "protected": replace(unit, protected=[*unit.protected, extra]),
            "regions": replace(unit, regions=None),
            "code": replace(unit, code=[*unit.code, extra]),
            "headings": replace(unit, headings=[]),
            "opaque": replace(unit, opaque=None),
            "joins": replace(unit, joins=[extra]),
            "glued": replace(unit, meta={**unit.meta, "glued": [extra]}),
            "source": replace(unit, source="Şəhərdə yağış yağdı."),
        }[change]
        assert unit_document(other, "story.md") != doc
        assert not reads_as(other, "story.md", doc)


def test_reads_as_knows_every_input_of_to_document():
    """`reads_as` compares what `to_document` is a function of: a new parameter must be compared there too
    (``jobs`` and ``memo`` change how, not what: tests/segment/test_block_memo_s51.py)."""
    assert set(inspect.signature(to_document).parameters) == {
        "text", "path", "protected", "regions", "source", "code", "headings", "opaque", "joins", "jobs", "glued",
        "page", "memo"}


def test_a_fix_result_is_pickled_without_its_last_check():
    with Pipeline(Config(grammar="off")) as p:
        fx = p.fix("Officials said the the road is closed.")
    back = pickle.loads(pickle.dumps(fx))
    assert back.final is None and back.text == fx.text and back.remaining == fx.remaining
