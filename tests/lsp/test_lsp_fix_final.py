"""The ``fix-final`` setting and XLIFF review states in the editor (session 27, round 8).

Until then the server had no such setting: a signed-off XLIFF unit was always held (no quick fix, fix-all left
it) even where ``fix-final = true`` (or ``--fix-final``) made ``mtfix fix`` fix it; and a unit marked
``state="needs-review-translation"`` (XLIFF 1.2) or ``state="reviewed"`` (XLIFF 2) looked like any other.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, workspace  # noqa: E402
from test_lsp_editor_round2 import fix_all_text, menu  # noqa: E402
from test_lsp_entry_notes import XLIFF, _line_of  # noqa: E402
from test_lsp_formats import REPO, check_json  # noqa: E402
from test_lsp_server import run  # noqa: E402


def fixed_by_cli(path: Path, *args: str) -> str:
    """What ``mtfix fix`` (with ``args``) writes for ``path``, fixed in place (its folder's mtfix.toml read)."""
    subprocess.run([sys.executable, "-m", "mtfix", "fix", "--grammar", "off", *args, str(path)], cwd=REPO,
                   capture_output=True, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}, check=False)
    return path.read_text(encoding="utf-8")



@pytest.mark.parametrize("where", ["settings file", "editor"])
def test_fix_final_in_the_settings_makes_quick_fixes_and_fix_all_those_of_mtfix_fix(tmp_path: Path, where: str) -> None:
    """``fix-final = true`` in mtfix.toml (or the editor's ``fixFinal``): a signed-off unit's findings have
    their "mtfix: fix" again, say the unit is fixed as the setting asks, and fix-all writes what
    ``mtfix fix`` writes under the same setting (the signed-off units fixed)."""
    root = workspace(tmp_path, "fix-final = true\n" if where == "settings file" else None)
    (root / "news.xlf").write_text(XLIFF, encoding="utf-8")
    copy = root / "copy.xlf"
    copy.write_text(XLIFF, encoding="utf-8")
    want_all = fixed_by_cli(copy, *(() if where == "settings file" else ("--fix-final",)))
    assert "Ganja ." not in want_all and "The the road" not in want_all  # mtfix fix fixed them
    signed = {_line_of(XLIFF, "opened opened"): 'state="signed-off"', _line_of(XLIFF, "The the road"): 'state="final"'}

    async def scenario() -> None:
        h = Harness(root, initialization_options={"fixFinal": True} if where == "editor" else None)
        await h.start()
        uri, diags = await h.open_checked("news.xlf", XLIFF, "xml")
        assert sorted((str(d.code), d.range.start.line + 1) for d in diags) == sorted(
            (f["code"], f["line"]) for f in check_json(root / "news.xlf"))
        held = [d for d in diags if d.range.start.line in signed]
        assert held
        for d in held:
            assert d.message.endswith(f"[signed-off unit ({signed[d.range.start.line]}): fixed, as fix-final is set]"), \
                d.message
        d = next(d for d in held if str(d.code) == "MTF105" and d.range.start.line == _line_of(XLIFF, "The the road"))
        acts = await menu(h, uri, d.range.start, d.range.end, [d])
        assert [a for a in acts if a.title.startswith("mtfix: fix MTF105")], [a.title for a in acts]
        assert await fix_all_text(h, uri, XLIFF) == want_all
        await h.stop()

    run(scenario())


def test_the_editors_fix_final_false_holds_what_the_settings_file_would_fix(tmp_path: Path) -> None:
    """The editor's ``fixFinal: false`` is laid over the file's ``fix-final = true``, as ``--no-fix-final`` is:
    the signed-off units are held again (fix-all = ``mtfix fix --no-fix-final``)."""
    root = workspace(tmp_path, "fix-final = true\n")
    (root / "news.xlf").write_text(XLIFF, encoding="utf-8")
    copy = root / "copy.xlf"
    copy.write_text(XLIFF, encoding="utf-8")
    want_all = fixed_by_cli(copy, "--no-fix-final")
    assert "Ganja ." in want_all and "The the road" in want_all and "the the market" not in want_all

    async def scenario() -> None:
        h = Harness(root, initialization_options={"fixFinal": False})
        await h.start()
        uri, _ = await h.open_checked("news.xlf", XLIFF, "xml")
        assert await fix_all_text(h, uri, XLIFF) == want_all
        await h.stop()

    run(scenario())


#: XLIFF 1.2 and 2.0 files of my own with units in each review state.
XLIFF_STATES = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
    '  <file source-language="az" target-language="en" datatype="plaintext" original="news">\n'
    '    <body>\n'
    '      <trans-unit id="1">\n'
    '        <source>Bazar qiymətləri artdı.</source>\n'
    '        <target state="needs-review-translation">Prices of the the market rose .</target>\n'
    '      </trans-unit>\n'
    '      <trans-unit id="2">\n'
    '        <source>Körpü açıldı.</source>\n'
    '        <target state="translated">The bridge was opened opened in Ganja .</target>\n'
    '      </trans-unit>\n'
    '      <trans-unit id="3">\n'
    '        <source>Yol bağlandı.</source>\n'
    '        <target state="new">The the road was closed .</target>\n'
    '      </trans-unit>\n'
    '    </body>\n'
    '  </file>\n'
    '</xliff>\n'
)
XLIFF2_STATES = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="az" trgLang="en">\n'
    '  <file id="f1">\n'
    '    <unit id="1">\n'
    '      <segment state="reviewed">\n'
    '        <source>Bazar qiymətləri artdı.</source>\n'
    '        <target>Prices of the the market rose .</target>\n'
    '      </segment>\n'
    '    </unit>\n'
    '    <unit id="2">\n'
    '      <segment state="initial">\n'
    '        <source>Yol bağlandı.</source>\n'
    '        <target>The the road was closed .</target>\n'
    '      </segment>\n'
    '    </unit>\n'
    '  </file>\n'
    '</xliff>\n'
)


@pytest.mark.parametrize(("text", "tags"), [
    (XLIFF_STATES, {"the the market": 'unit to be reviewed (state="needs-review-translation"): a translation still '
                                      "to be reviewed",
                    "opened opened": None,
                    "The the road": 'unit not yet translated (state="new"): a draft, still to be translated and '
                                    "reviewed"}),
    (XLIFF2_STATES, {"the the market": 'reviewed unit (state="reviewed"): not signed off, so mtfix fix fixes it',
                     "The the road": 'unit not yet translated (state="initial"): a draft, still to be translated '
                                     "and reviewed"}),
], ids=["xliff-1.2", "xliff-2.0"])
def test_an_xliff_units_review_state_is_named_as_a_fuzzy_entry_is(tmp_path: Path, text: str,
                                                                   tags: dict[str, str | None]) -> None:
    """Each finding of a unit still to be reviewed or translated names its state, as a fuzzy PO entry's says
    so; ``state="translated"`` (any finished translation) is not named; quick fixes are those of any unit (``mtfix fix`` fixes them), and fix-all writes ``mtfix fix``'s bytes."""
    root = workspace(tmp_path)
    (root / "news.xlf").write_text(text, encoding="utf-8")
    copy = root / "copy.xlf"
    copy.write_text(text, encoding="utf-8")
    want_all = fixed_by_cli(copy)
    lines = {_line_of(text, needle): tag for needle, tag in tags.items()}

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("news.xlf", text, "xml")
        assert sorted((str(d.code), d.range.start.line + 1) for d in diags) == sorted(
            (f["code"], f["line"]) for f in check_json(root / "news.xlf"))
        assert {d.range.start.line for d in diags} == set(lines)
        for d in diags:
            tag = lines[d.range.start.line]
            if tag is None:
                assert "[" not in d.message, d.message
            else:
                assert d.message.endswith(f"[{tag}]"), d.message
            if str(d.code) == "MTF111":
                acts = await menu(h, uri, d.range.start, d.range.end, [d])
                assert [a for a in acts if a.title.startswith("mtfix: fix MTF111")], [a.title for a in acts]
        assert await fix_all_text(h, uri, text) == want_all
        await h.stop()

    run(scenario())
