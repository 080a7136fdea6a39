"""`mtfix review` scores the repaired file with `fix`'s own last check when the repaired unit reads back as the
document that check checked (session 32): the page is the same, with one check a repaired unit fewer."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from mtfix.config import Config
from mtfix.io.inputs import Input
from mtfix.pipeline import Pipeline
from mtfix.review import proposals, review_files
from mtfix.review.report import build_context
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
            m.setattr(proposals, "after_check", lambda pipeline, fx, doc: pipeline.check(doc))
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
        fx = p.fix("Officials said the the road is closed.")
        assert fx.changed and fx.final is not None and fx.final.document.text == fx.text
        same = p.document(fx.text)
        assert proposals.after_check(p, fx, fx.final.document) is fx.final
        other = p.document(fx.text, path="elsewhere.txt")  # the same text under another name: another document
        assert other != fx.final.document
        again = proposals.after_check(p, fx, other)
        assert again is not fx.final and again.document is other
        assert [f.code for f in proposals.after_check(p, fx, same).findings] == [f.code for f in fx.final.findings]


def test_a_fix_result_is_pickled_without_its_last_check():
    with Pipeline(Config(grammar="off")) as p:
        fx = p.fix("Officials said the the road is closed.")
    back = pickle.loads(pickle.dumps(fx))
    assert back.final is None and back.text == fx.text and back.remaining == fx.remaining
