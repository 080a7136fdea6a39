"""A translation file's lone surrogates go to each unit's document before its fixes are chosen (session 51, after
plain text): the language server dropped the fixes there after ``check_units``, so a flag's suggestion that had
given way to a safe edit over a surrogate was lost with the withheld edit.  Now :func:`unwritable_in_units` places
them in the units (:data:`mtfix.findings.UNWRITABLE`) and the pipeline drops that edit first."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mtfix.config import Config
from mtfix.files import read_container
from mtfix.findings import without_fixes_at
from mtfix.io.inputs import Input
from mtfix.lsp.surrogates import sanitised
from mtfix.lsp.units import UnitView, check_units, unwritable_in_units
from mtfix.pipeline import Pipeline

#: two rules on one span: a safe edit (XYZ971) and a flag whose suggestion competes with it (XYZ972)
PACK = """pack: mine
version: "1"
rules:
  - code: XYZ971
    name: key-name-safe
    title: key name spelled out
    docs: "What it does: Entr key → Enter key."
    category: Fluency/Spelling
    severity: minor
    pattern: '\\bEntr.(?= key\\b)'
    replacement: 'Enter'
    fix: safe
    message: "the key is named Enter"
    examples:
      flag:
        - text: "Hold the Entrx key down."
          fixed: "Hold the Enter key down."
      pass:
        - "Hold the Enter key down."
  - code: XYZ972
    name: key-name-flag
    title: key name, a flag
    docs: "What it does: flags Entr key."
    category: Fluency/Grammar
    severity: minor
    pattern: '\\bEntr.(?= key\\b)'
    suggestions: ['Entry']
    fix: none
    message: "a key name may be garbled"
    examples:
      flag:
        - text: "Hold the Entrx key down."
      pass:
        - "Hold the Enter key down."
"""

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
PO = HEADER + 'msgid "a"\nmsgstr "Hold the Entr\udce9 key down."\n'


@pytest.fixture
def pipeline(tmp_path: Path) -> Pipeline:
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    return Pipeline(Config(grammar="off", rule_files=[str(tmp_path / "pack.yaml")]))


def _by_code(findings: list) -> dict:
    return {f.code: f for f in findings if f.code.startswith("XYZ")}


def test_the_flag_keeps_its_suggestion_when_the_safe_edit_over_a_surrogate_is_withheld(pipeline: Pipeline) -> None:
    checked, odd = sanitised(PO)
    found = _by_code(check_units(pipeline, checked, "a.po", "po", odd)[0])
    assert found["XYZ971"].edits == () and checked[found["XYZ971"].start:found["XYZ971"].end] == "Entr\ufffd"
    assert found["XYZ972"].suggestions == ("Entry",)


def test_the_old_order_lost_the_flags_suggestion(pipeline: Pipeline) -> None:
    """Without the positions (the server before this session: the fixes dropped after the check) neither the
    edit nor the flag's suggestion is offered."""
    checked, odd = sanitised(PO)
    found = _by_code(without_fixes_at(check_units(pipeline, checked, "a.po", "po")[0], odd))
    assert found["XYZ971"].edits == () and found["XYZ972"].suggestions == ()


def test_without_a_surrogate_the_safe_edit_wins_as_before(pipeline: Pipeline) -> None:
    text = HEADER + 'msgid "a"\nmsgstr "Hold the Entrx key down."\n'
    found = _by_code(check_units(pipeline, text, "a.po", "po", [])[0])
    assert found["XYZ971"].edits and found["XYZ972"].suggestions == ()


def test_only_the_units_characters_at_a_surrogate_are_named() -> None:
    """A U+FFFD the file holds, written or as an entity, is a character like another: only the surrogate's
    place is named, in its unit's own offsets (the XML escapes before it read as one character each)."""
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
            '<file source-language="de" target-language="en" datatype="plaintext" original="ui"><body>\n'
            '<trans-unit id="1"><source>A</source><target>Salt \ufffd &amp; pepper</target></trans-unit>\n'
            '<trans-unit id="2"><source>B</source><target>Fish &amp; chips &#xFFFD; x\udce9y</target></trans-unit>\n'
            '</body></file></xliff>\n')
    checked, odd = sanitised(text)
    view = UnitView(checked, "ui.xlf", "xliff")
    view.container = read_container(Input("ui.xlf", checked.encode()), "xliff", {})
    units = [u.text for u in view.container.units]
    assert units == ["Salt \ufffd & pepper", "Fish & chips \ufffd x\ufffdy"]
    assert unwritable_in_units(view, odd) == [(), (len("Fish & chips \ufffd x"),)]


def test_the_language_server_offers_the_flags_suggestion_in_a_po_file(tmp_path: Path) -> None:
    """The real server, a PO file with a lone surrogate in the span: the flag's diagnostic names its suggestion."""
    sys.path.insert(0, str(Path(__file__).parent))
    from lsp_harness import Harness, workspace
    from test_lsp_server import run

    root = workspace(tmp_path, 'rule-files = ["pack.yaml"]\n')
    (root / "pack.yaml").write_text(PACK, encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        _, diags = await h.open_checked("a.po", PO, "po")
        by_code = {str(d.code): d for d in diags}
        await h.stop()
        assert "Entry" in by_code["XYZ972"].message, diags
        assert "Enter" not in by_code["XYZ972"].message and "XYZ971" in by_code, diags

    run(scenario())
