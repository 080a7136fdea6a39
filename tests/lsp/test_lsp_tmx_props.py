"""TMX ``<prop>`` review states in the editor and in ``mtfix fix`` (session 27, round 9).

Until then a TMX ``<prop type="x-state">`` (an XLIFF state a tool exported) or ``x-approved`` was not read: a
unit the memory marks ``final`` was fixed by ``mtfix fix`` and its findings looked like any other, where the
same unit in XLIFF is held and named.  Now it is read as the XLIFF state it names (docs/editors.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, workspace  # noqa: E402
from test_lsp_editor_round2 import fix_all_text, menu  # noqa: E402
from test_lsp_entry_notes import _line_of  # noqa: E402
from test_lsp_fix_final import fixed_by_cli  # noqa: E402
from test_lsp_formats import check_json  # noqa: E402
from test_lsp_server import run  # noqa: E402

HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
          '  <header srclang="az" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" '
          'creationtoolversion="1" o-tmf="t"/>\n  <body>\n')


def _tu(n: int, props: str, az: str, en: str, tuv_props: str = "") -> str:
    return (f'    <tu tuid="{n}">\n{props}      <tuv xml:lang="az"><seg>{az}</seg></tuv>\n'
            f'      <tuv xml:lang="en">{tuv_props}<seg>{en}</seg></tuv>\n    </tu>\n')


#: A TMX file of my own: a unit signed off, one approved on its English variant, one to be reviewed, one with
#: only a context prop, one marked translated.
TMX = HEADER + "".join([
    _tu(1, '      <prop type="x-state">final</prop>\n', "Yol bağlandı.", "The the road was closed ."),
    _tu(2, "", "Körpü açıldı.", "The the bridge was opened in Ganja .",
        '<prop type="x-approved">yes</prop>'),
    _tu(3, '      <prop type="x-state">needs-review-translation</prop>\n', "Bazar qiymətləri artdı.",
        "Prices of the the market rose ."),
    _tu(4, '      <prop type="x-context">headline</prop>\n', "Məktəb açıldı.", "The the school opened ."),
    _tu(5, '      <prop type="x-state">translated</prop>\n', "Park açıldı.", "The the park opened ."),
]) + "  </body>\n</tmx>\n"

HELD = {"The the road": 'prop x-state="final"', "The the bridge": 'prop x-approved="yes"'}
TAGS = {"the the market": 'unit to be reviewed (prop x-state="needs-review-translation"): a translation still to '
                          "be reviewed", "The the school": None, "The the park": None}


@pytest.mark.parametrize("fix_final", [False, True])
def test_tmx_state_props_are_named_held_and_fixed_as_xliff_states_are(tmp_path: Path, fix_final: bool) -> None:
    """Findings = ``check --format json``; a ``final``/approved unit's diagnostics name the prop and offer no
    quick fix (held), or say it is fixed under ``fix-final``; a ``needs-review-*`` one is named as in XLIFF;
    ``x-context`` and ``translated`` are not named; fix-all writes ``mtfix fix``'s bytes under either setting."""
    root = workspace(tmp_path, "fix-final = true\n" if fix_final else None)
    (root / "news.tmx").write_text(TMX, encoding="utf-8")
    copy = root / "copy.tmx"
    copy.write_text(TMX, encoding="utf-8")
    want_all = fixed_by_cli(copy)
    assert ("The the road" in want_all) is not fix_final and ("The the bridge" in want_all) is not fix_final
    assert "the the market" not in want_all and "The the park" not in want_all  # fixed either way
    lines = {_line_of(TMX, k): k for k in [*HELD, *TAGS]}

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("news.tmx", TMX, "xml")
        assert sorted((str(d.code), d.range.start.line + 1) for d in diags) == sorted(
            (f["code"], f["line"]) for f in check_json(root / "news.tmx"))
        assert {lines[d.range.start.line] for d in diags} == set(lines.values())
        for d in diags:
            key = lines[d.range.start.line]
            if key in HELD and fix_final:
                assert d.message.endswith(f"[signed-off unit ({HELD[key]}): fixed, as fix-final is set]"), d.message
            elif key in HELD:
                assert d.message.endswith(f"[signed-off unit ({HELD[key]}): mtfix fix leaves it (--fix-final or "
                                          "the fix-final setting fixes it)]"), d.message
                assert d.severity in (types.DiagnosticSeverity.Information, types.DiagnosticSeverity.Hint), d
                acts = await menu(h, uri, d.range.start, d.range.end, [d])
                assert not [a for a in acts if a.title.startswith("mtfix: fix")], [a.title for a in acts]
            elif TAGS[key]:
                assert d.message.endswith(f"[{TAGS[key]}]"), d.message
            else:
                assert not d.message.endswith("]") or "prop" not in d.message, d.message
        assert await fix_all_text(h, uri, TMX) == want_all
        await h.stop()

    run(scenario())


def test_mtfix_fix_names_the_held_tmx_units_and_both_ways_to_fix_them(tmp_path: Path) -> None:
    """``mtfix fix``'s note names the held units by their prop, and both ``--fix-final`` and the setting."""
    from mtfix.config import Config
    from mtfix.files import fix_input
    from mtfix.io.inputs import Input
    from mtfix.pipeline import Pipeline

    result = fix_input(Pipeline(Config(grammar="off")), Input(str(tmp_path / "news.tmx"), TMX.encode()))
    assert result.errors == [f"line {_line_of(TMX, 'The the road') + 1}: 2 signed-off unit(s) checked, not fixed "
                             "(--fix-final or the fix-final setting fixes them): '1' (line "
                             f"{_line_of(TMX, 'The the road') + 1}, prop x-state=\"final\"), '2' (line "
                             f"{_line_of(TMX, 'The the bridge') + 1}, prop x-approved=\"yes\")"]
