"""Workflow state of bilingual units: a unit a reviewer signed off (XLIFF ``state="final"``,
``signed-off``, ``approved="yes"``) is checked and reported but never edited unless
``fix_final`` (``--fix-final``) says so; a target in another language (its own ``xml:lang``)
is not checked."""

from __future__ import annotations

import pytest

from mtfix.config import Config
from mtfix.files import fix_input
from mtfix.formats import load
from mtfix.io.inputs import Input
from mtfix.pipeline import Pipeline


def _xliff12(body: str, target_lang: str = "en") -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            f' <file original="a" source-language="az" target-language="{target_lang}" datatype="plaintext"><body>\n'
            f"{body} </body></file>\n</xliff>\n").encode()


def _tu(uid: str, target: str, unit_attrs: str = "", target_attrs: str = "") -> str:
    return (f'  <trans-unit id="{uid}"{unit_attrs}><source>Neft</source>'
            f"<target{target_attrs}>{target}</target></trans-unit>\n")


STATES12 = _xliff12(
    _tu("plain", "The oilgas rose.")
    + _tu("translated", "The oilgas fell.", target_attrs=' state="translated"')
    + _tu("review", "The oilgas held.", ' approved="no"', ' state="needs-review-translation"')
    + _tu("final", "The oilgas one.", target_attrs=' state="final"')
    + _tu("signed", "The oilgas two.", target_attrs=' state="signed-off"')
    + _tu("approved", "The oilgas three.", ' approved="yes"'))

XLIFF20 = b"""<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="az" trgLang="en">
 <file id="f1">
  <unit id="u1"><segment state="final"><source>Bir</source><target>The oilgas one.</target></segment></unit>
  <unit id="u2"><segment state="translated"><source>Iki</source><target>The oilgas two.</target></segment></unit>
  <unit id="u3"><segment state="reviewed"><source>Uc</source><target>The oilgas three.</target></segment></unit>
 </file>
</xliff>
"""


def _fix(raw: bytes, path: str, **options) -> tuple:
    result = fix_input(Pipeline(Config(grammar="off", select=("MTF206",))), Input(path, raw), options=options)
    return result, result.output.decode()


def test_signed_off_xliff12_units_are_checked_but_not_fixed():
    c = load(STATES12, "a.xlf")
    assert [u.id for u in c.units] == ["plain", "translated", "review", "final", "signed", "approved"]
    result, out = _fix(STATES12, "a.xlf")
    for fixed in ("The oil and gas rose.", "The oil and gas fell.", "The oil and gas held."):
        assert fixed in out
    for kept in ("The oilgas one.", "The oilgas two.", "The oilgas three."):
        assert kept in out
    assert out.replace("oil and gas", "oilgas") == STATES12.decode()
    held = {ur.unit.id: ur for ur in result.units if ur.unit.id in ("final", "signed", "approved")}
    for ur in held.values():  # reported, left for a human
        assert [f.code for f in ur.check.findings] == ["MTF206"]
        assert not ur.fix.changed and ur.fix.remaining
    assert result.errors == ["line 7: 3 signed-off unit(s) checked, not fixed (--fix-final or the fix-final setting "
                             "fixes them): "
                             "'final' (line 7, state=\"final\"), 'signed' (line 8, state=\"signed-off\"), "
                             "'approved' (line 9, approved=\"yes\")"]


def test_fix_final_fixes_signed_off_units_too():
    result, out = _fix(STATES12, "a.xlf", fix_final=True)
    assert "oilgas" not in out
    assert result.errors == []


def test_signed_off_xliff2_segments_are_not_fixed():
    result, out = _fix(XLIFF20, "b.xlf")
    assert "The oilgas one." in out
    assert "The oil and gas two." in out and "The oil and gas three." in out
    assert [ur.unit.id for ur in result.units if ur.fix.remaining] == ["u1"]


def test_a_target_in_another_language_is_not_checked():
    raw = _xliff12(_tu("1", "The oilgas rose.")
                   + _tu("2", "Die oilgas Preise.", target_attrs=' xml:lang="de-DE"')
                   + _tu("3", "The oilgas fell.", target_attrs=' xml:lang="en-GB"'))
    c = load(raw, "a.xlf")
    assert [u.id for u in c.units] == ["1", "3"]
    assert any(e.startswith("line 5:") and "'2'" in e and "'de-DE'" in e and "not English" in e for e in c.errors)


def test_an_english_target_overrides_the_file_s_other_language():
    raw = _xliff12(_tu("1", "Die oilgas Preise.") + _tu("2", "The oilgas rose.", target_attrs=' xml:lang="en"'),
                   target_lang="de")
    assert [u.id for u in load(raw, "a.xlf").units] == ["2"]


@pytest.mark.parametrize("state", ["final", "signed-off"])
def test_state_of_a_target_in_another_language_does_not_matter(state):
    raw = _xliff12(_tu("1", "Die oilgas.", target_attrs=f' state="{state}" xml:lang="de"'))
    assert load(raw, "a.xlf").units == []


def test_the_review_report_proposes_but_does_not_repair_signed_off_units():
    from mtfix.review.proposals import review_input

    review = review_input(Pipeline(Config(grammar="off", select=("MTF206",))), Input("a.xlf", STATES12))
    repaired = {ur.id: ur.fix.changed for ur in review.units}
    assert repaired == {"plain": True, "translated": True, "review": True,
                        "final": False, "signed": False, "approved": False}
    assert all(ur.proposals for ur in review.units)
    assert sum("signed-off unit(s)" in e for e in review.errors) == 1


def test_fix_final_on_the_command_line(tmp_path):
    from typer.testing import CliRunner

    from mtfix.cli import app

    path = tmp_path / "a.xlf"
    path.write_bytes(STATES12)
    args = ["fix", "--grammar", "off", "--select", "MTF206", str(path)]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    assert path.read_bytes().count(b"oilgas") == 3
    assert "3 signed-off unit(s)" in (first.stderr if hasattr(first, "stderr") else first.output)
    second = CliRunner().invoke(app, [*args, "--fix-final"])
    assert second.exit_code == 0, second.output
    assert b"oilgas" not in path.read_bytes()


def _sdl(unit_id: str, target: str, seg: str) -> str:
    return (f'  <trans-unit id="{unit_id}"><source>Neft</source><seg-source><mrk mtype="seg" mid="{unit_id}">Neft</mrk>'
            f'</seg-source><target><mrk mtype="seg" mid="{unit_id}">{target}</mrk></target>'
            f'<sdl:seg-defs><sdl:seg id="{unit_id}" {seg}/></sdl:seg-defs></trans-unit>\n')


SDLXLIFF = _xliff12(_sdl("1", "The oilgas draft.", 'conf="Draft"') + _sdl("2", "The oilgas done.", 'conf="Translated"')
                    + _sdl("3", "The oilgas approved.", 'conf="ApprovedTranslation"')
                    + _sdl("4", "The oilgas signed.", 'conf="ApprovedSignOff"')
                    + _sdl("5", "The oilgas locked.", 'conf="Translated" locked="true"')).replace(
    b"<xliff ", b'<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" ', 1)


def test_trados_confirmation_levels_and_locks_are_read():
    c = load(SDLXLIFF, "a.sdlxliff")
    assert [u.id for u in c.units] == ["1", "2", "3", "4"]  # a locked segment is not checked
    result, out = _fix(SDLXLIFF, "a.sdlxliff")
    for fixed in ("draft", "done"):
        assert f"The oil and gas {fixed}." in out
    for kept in ("approved", "signed", "locked"):
        assert f"The oilgas {kept}." in out
    assert any('sdl:conf="ApprovedSignOff"' in e and 'sdl:conf="ApprovedTranslation"' in e for e in result.errors)


def test_check_s_summary_does_not_count_signed_off_units_as_fixable():
    from mtfix.files import check_input
    from mtfix.report.text import summary_line

    result = check_input(Pipeline(Config(grammar="off", select=("MTF206",))), Input("a.xlf", STATES12))
    assert summary_line([result]) == ("6 findings in 1 file; 6 minor; 3 fixable with `mtfix fix`; "
                                      "3 more in signed-off units with `--fix-final`.")


def test_many_signed_off_units_make_one_note():
    raw = _xliff12("".join(_tu(f"u{i}", "The oilgas rose.", target_attrs=' state="final"') for i in range(5)))
    result, out = _fix(raw, "a.xlf")
    assert out == raw.decode()
    assert len(result.errors) == 1 and result.errors[0].startswith("line 4: 5 signed-off unit(s)")
    assert result.errors[0].endswith("'u2' (line 6, state=\"final\"), and 2 more")


def _sdl_unit(unit_id: str, segments: list[tuple[str, str, str, str]], target_attrs: str = "") -> str:
    """A Trados unit of several segments, each ``(mid, source, target, <sdl:seg> attributes)``."""
    src = " ".join(f'<mrk mtype="seg" mid="{m}">{s}</mrk>' for m, s, _, _ in segments)
    tgt = " ".join(f'<mrk mtype="seg" mid="{m}">{t}</mrk>' for m, _, t, _ in segments)
    defs = "".join(f'<sdl:seg id="{m}" {a}/>' for m, _, _, a in segments)
    return (f'  <trans-unit id="{unit_id}"><source>{" ".join(s for _, s, _, _ in segments)}</source>'
            f"<seg-source>{src}</seg-source><target{target_attrs}>{tgt}</target>"
            f"<sdl:seg-defs>{defs}</sdl:seg-defs></trans-unit>\n")


def _sdlxliff(body: str) -> bytes:
    return _xliff12(body).replace(b"<xliff ", b'<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" ', 1)


MIXED_SDL = _sdlxliff(_sdl_unit("7", [("1", "Neft bahadir.", "The oilgas signed.", 'conf="ApprovedSignOff"'),
                                      ("2", "Qaz ucuzdur.", "The oilgas draft.", 'conf="Draft"')])
                      + _sdl_unit("8", [("3", "Bir.", "The oilgas locked.", 'conf="Translated" locked="true"'),
                                        ("4", "Iki.", "The oilgas open.", 'conf="Translated"')]))


def test_trados_segments_of_one_unit_keep_their_own_state():
    """A Trados unit holds several segments (``<mrk mtype="seg" mid>``), each with its own
    ``<sdl:seg>``: one signed-off segment held the whole unit back, and one locked segment hid
    the whole unit from the check. Each segment is now a unit, checked and fixed by its own state."""
    c = load(MIXED_SDL, "a.sdlxliff")
    assert [(u.id, u.text, u.source) for u in c.units] == [
        ("7/1", "The oilgas signed.", "Neft bahadir."), ("7/2", "The oilgas draft.", "Qaz ucuzdur."),
        ("8/4", "The oilgas open.", "Iki.")]  # segment 3 is locked
    result, out = _fix(MIXED_SDL, "a.sdlxliff")
    assert out == MIXED_SDL.decode().replace("oilgas draft", "oil and gas draft").replace(
        "oilgas open", "oil and gas open")
    assert result.errors == ["line 4: 1 signed-off unit(s) checked, not fixed (--fix-final or the fix-final setting "
                             "fixes them): "
                             "'7/1' (line 4, sdl:conf=\"ApprovedSignOff\")"]
    _, final = _fix(MIXED_SDL, "a.sdlxliff", fix_final=True)
    assert final == MIXED_SDL.decode().replace("oilgas", "oil and gas").replace(
        "The oil and gas locked", "The oilgas locked")  # a locked segment is never edited


def test_a_final_trados_target_holds_each_of_its_segments():
    raw = _sdlxliff(_sdl_unit("9", [("1", "Bir.", "The oilgas one.", 'conf="Draft"'),
                                    ("2", "Iki.", "The oilgas two.", 'conf="Draft"')], ' state="final"'))
    result, out = _fix(raw, "a.sdlxliff")
    assert out == raw.decode() and [ur.unit.id for ur in result.units if ur.fix.remaining] == ["9/1", "9/2"]
