"""The fixes over an editor's lone surrogates go before one fix per span (session 51; session 50's review, LOW 5):
the language server dropped them (``_without_fixes_at``) after the pipeline's ``one_fix_per_span``, so a flag's
suggestion gave way to a safe edit that was then withheld, and the editor offered neither. Now the positions go to
the pipeline in ``Document.meta`` (:data:`mtfix.findings.UNWRITABLE`) and are dropped first."""

from __future__ import annotations

import dataclasses

from mtfix.config import Config
from mtfix.findings import UNWRITABLE, one_fix_per_span, unwritable, without_fixes_at
from mtfix.lsp.surrogates import sanitised
from mtfix.model import Document, Edit, Finding, FixSafety, Segment, Severity
from mtfix.pipeline import Pipeline

TEXT = "Heavy rainThe roads were shut."  # 'rainThe' at 6..13, the split at 10


def _findings() -> list[Finding]:
    flag = Finding("MTF103", "Fluency/Spelling", Severity.MINOR, 6, 13, "glued", ("rain. The", "rain The"))
    e = Edit(10, 10, " ", "", "MTF202", "rule:az-en", FixSafety.SAFE)
    split = Finding("MTF202", "Fluency/Spelling", Severity.MINOR, 6, 13, "glued", ("rain The",), (e,), FixSafety.SAFE)
    return [flag, split]


def _doc(meta: dict) -> Document:
    return Document(TEXT, [Segment(0, 0, len(TEXT))], meta=meta)


def test_the_old_order_offered_neither_fix() -> None:
    """What the language server did: the flag's suggestions gave way to the edit, then the edit was withheld."""
    flag, split = without_fixes_at(one_fix_per_span(_findings(), TEXT), [8])
    assert flag.suggestions == () and split.edits == ()


def test_the_pipeline_drops_the_withheld_edit_first_and_the_suggestions_stay() -> None:
    pipe = Pipeline(Config(grammar="off"))
    out = {f.code: f for f in pipe.finish(_doc({UNWRITABLE: (8,)}), _findings(), {}, {}).findings}
    assert out["MTF202"].edits == () and out["MTF202"].fix is FixSafety.NONE
    assert out["MTF103"].suggestions == ("rain. The", "rain The")


def test_without_positions_one_fix_per_span_is_unchanged() -> None:
    """No position (a text with no lone surrogate, and every ``mtfix check``): the safe edit wins as before."""
    pipe = Pipeline(Config(grammar="off"))
    out = {f.code: f for f in pipe.finish(_doc({}), _findings(), {}, {}).findings}
    assert out["MTF103"].suggestions == () and out["MTF202"].edits


def test_a_position_outside_the_fix_changes_nothing() -> None:
    pipe = Pipeline(Config(grammar="off"))
    out = {f.code: f for f in pipe.finish(_doc({UNWRITABLE: (20,)}), _findings(), {}, {}).findings}
    assert out["MTF103"].suggestions == () and out["MTF202"].edits


def test_the_language_server_names_the_surrogates_in_the_document() -> None:
    checked, odd = sanitised("Heavy ra\udce9nThe roads.")
    doc = Document(checked, [Segment(0, 0, len(checked))])
    assert odd == [8] and checked[8] == "\ufffd"
    assert unwritable(doc, odd).meta[UNWRITABLE] == (8,)
    assert unwritable(doc, []) is doc


def test_a_real_check_keeps_the_finding_and_withholds_its_edit() -> None:
    """``Pipeline.check`` of a document naming a position inside "the the": MTF105 still reports the repeat but
    offers no edit; the other findings are the same."""
    pipe = Pipeline(Config(grammar="off"))
    doc = pipe.document("We spoke about the the border at noon.\n")
    plain = pipe.check(doc).findings
    repeated = [f for f in plain if f.code == "MTF105"]
    assert len(repeated) == 1 and repeated[0].edits
    at = repeated[0].start
    marked = pipe.check(dataclasses.replace(doc, meta={**doc.meta, UNWRITABLE: (at,)})).findings
    assert [(f.code, f.start, f.end) for f in marked] == [(f.code, f.start, f.end) for f in plain]
    assert [f.edits for f in marked if f.code == "MTF105"] == [()]
