"""Follow-ups of reliability round 8 (session 18): the library API from many threads, edits applied to a
text they were not made on, regions past the end of a text.  Each test failed before its fix
(bench/RESULTS.md, "Session 18: reliability, round 8 follow-ups")."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

import mtfix
import mtfix.pipeline as pipeline_module
from mtfix.errors import InputError
from mtfix.model import Edit, FixSafety, Span
from mtfix.repair import apply_edits, revert_edits
from mtfix.segment import to_document

THREADS = 8


def test_parallel_module_level_calls_build_one_pipeline_per_options(monkeypatch):
    """``mtfix.check`` from many threads at once with new options built the pipeline more than once (the
    construction is slowed here so that the threads meet in it); each pipeline loads its own models."""
    pipelines: dict = {}
    monkeypatch.setattr(mtfix, "_default_pipelines", pipelines)
    built = []
    real_init = pipeline_module.Pipeline.__init__

    def slow_init(self, *args, **kw):
        built.append(1)
        threading.Event().wait(0.05)
        real_init(self, *args, **kw)

    monkeypatch.setattr(pipeline_module.Pipeline, "__init__", slow_init)
    barrier = threading.Barrier(THREADS)

    def one(i: int):
        barrier.wait()
        options = {"ignore": ("MTF4",)} if i % 2 else {"ignore": ("MTF4", "MTF105")}
        return i % 2, mtfix.fix("Prices of oilgas rose.", **options).text

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(one, range(THREADS)))
    assert len(built) == 2 and len(pipelines) == 2  # one per set of options
    assert {text for _, text in results} == {"Prices of oil and gas rose."}


TEXT = "Prices of oilgas rose."


def test_an_insertion_edit_is_not_applied_again_to_the_repaired_text():
    """An insertion edit (``original`` is ``""``) matched anywhere: applied to the already repaired text
    it inserted " and " a second time ("oil and  and gas")."""
    r = mtfix.fix(TEXT, ignore=("MTF4",))
    assert r.text == "Prices of oil and gas rose."
    [edit] = r.edits
    assert edit.original == ""
    again = apply_edits(r.text, r.edits)
    assert again.text == r.text and again.skipped == (edit,) and not again.applied
    assert apply_edits(TEXT, r.edits).text == r.text  # on its own text, as before
    assert revert_edits(r.text, r.edits) == TEXT
    with pytest.raises(InputError, match=r"MTF206 .*at 13.*not made on this text"):
        apply_edits(r.text, r.edits, strict=True)


def test_edits_of_check_carry_their_context_and_serialise_as_before():
    finding = next(f for f in mtfix.check(TEXT, ignore=("MTF4",)).findings if f.edits)
    [edit] = finding.edits
    assert edit.context == ("Prices of oil", "gas rose.")
    assert set(edit.to_dict()) == {"start", "end", "replacement", "original", "code", "origin", "safety"}
    assert edit == Edit(13, 13, " and ", "", "MTF206", edit.origin, edit.safety)  # context not compared
    other = "Prices of tea and coffee rose sharply."  # long enough for offset 13
    assert apply_edits(other, [edit]).text == other


def test_an_edit_without_context_applies_as_before():
    e = Edit(4, 4, " ", "", "MTF103", "rule:en-generic:MTF103", FixSafety.SAFE)
    assert apply_edits("snowThe war", [e]).text == "snow The war"
    assert apply_edits("snow The war", [e]).text == "snow  The war"  # no context: the caller's business


@pytest.mark.parametrize("regions", [[Span(0, 40)], [Span(5, 3)], [Span(-2, 4)], [Span(0, 4), Span(30, 35)]])
def test_regions_outside_the_text_are_a_clear_error(regions):
    """``to_document(text, regions=[…])`` with a region past the end raised a bare ``IndexError``."""
    with pytest.raises(InputError, match=r"region \d+ \(-?\d+\.\.\d+\).*text of 22 characters"):
        to_document(TEXT, regions=regions)


def test_regions_inside_the_text_are_as_before():
    doc = to_document(TEXT, regions=[Span(0, 22)])
    assert [s.text(doc) for s in doc.segments] == [TEXT]
