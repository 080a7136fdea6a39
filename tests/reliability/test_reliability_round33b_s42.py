"""Two of reliability round 33's leftovers (session 42).

1. A word doubled in minified HTML (``<p>Intro</p><p>The the cat opens.</p>``: blocks with no white space between
   them) was never reported: the repetition scan's prefilter read ``intro</p><p>the`` as one token, no copy of
   ``the``, so the segment holding the doubled word was never looked at (with a line break between the blocks it
   was).  The scan now reads each tag as white space; the detectors still decide on the segments themselves.
2. A JSON Lines record naming its text field twice (``{"text": "a", "text": "b"}``) was checked by its last value
   with no word, while a CSV header naming the text column twice is warned of: now warned of alike.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_in_process import mtfix_in_process as run


def _codes(tmp_path: Path, name: str, text: str) -> list[tuple[str, str]]:
    """The (code, quoted text) of each finding ``check`` reports in a file ``name`` holding ``text``."""
    doc = tmp_path / name
    doc.write_text(text, encoding="utf-8")
    done = run("check", "--format", "json", doc, cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    found = [f for file in report["files"] for f in file["findings"]]
    return [(f["code"], text[f["start"]:f["end"]] if "start" in f else "") for f in found]


@pytest.mark.parametrize(("name", "text", "code"), [
    ("a.html", "<p>Intro</p><p>The the cat opens.</p>\n", "MTF105"),
    ("b.html", "<h2>Harbour news</h2><p>Ships left the the port at dawn.</p>\n", "MTF105"),
    ("c.html", "<ul><li>Opening</li><li>A a storm came in.</li></ul>\n", "MTF105"),
    ("d.html", "<div><span>Notes</span></div><div>Rain fell on on the hills.</div>\n", "MTF105"),
    ("e.md", "# Log\n\nFirst line.<br>The the bridge opened.\n", "MTF105"),
    ("f.html", "<p>Intro</p><p>The vote the vote the vote was held.</p>\n", "MTF106"),
    ("g.html", "<p>Intro</p><p>Go to the river, to the river, to the river bank.</p>\n", "MTF106"),
])
def test_a_repeat_in_minified_markup_is_found(tmp_path: Path, name: str, text: str, code: str) -> None:
    assert code in [c for c, _ in _codes(tmp_path, name, text)]


def test_minified_html_is_fixed_as_with_line_breaks(tmp_path: Path) -> None:
    doc = tmp_path / "a.html"
    doc.write_text("<p>Intro</p><p>The the cat opens.</p>\n", encoding="utf-8")
    done = run("fix", "--grammar", "off", doc, cwd=tmp_path)  # the rule's fix, not LanguageTool's
    assert done.returncode == 0, done.stderr
    assert doc.read_text(encoding="utf-8") == "<p>Intro</p><p>The cat opens.</p>\n"


def test_xliff_blocks_glued_by_inline_tags(tmp_path: Path) -> None:
    """Found before too (a tag with a space inside was cut into whole tags, session 20): kept."""
    target = 'Opening.<g id="1">The the storm</g> came.'
    xlf = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file source-language="fr" '
           'target-language="en" datatype="plaintext" original="x"><body><trans-unit id="1">'
           f'<source>Ouverture.<g id="1">La tempête</g> est venue.</source><target>{target}</target>'
           '</trans-unit></body></file></xliff>\n')
    doc = tmp_path / "a.xlf"
    doc.write_text(xlf, encoding="utf-8")
    done = run("check", doc, cwd=tmp_path)
    assert "MTF105" in done.stdout, done.stdout + done.stderr


@pytest.mark.parametrize(("name", "text"), [
    # one word in two blocks: two segments, no repeat a reader sees
    ("a.html", "<p>The</p><p>The cat sat.</p>\n"),
    ("b.html", "<ul><li>Go</li><li>go</li><li>go home</li></ul>\n"),
    ("c.html", "<h2>Bora</h2><p>Bora is an island.</p>\n"),
    # a word glued to a tag reads as one word ("thethe"), no copy
    ("d.html", "<p>We met the<b>the</b> man.</p>\n"),
    ("e.md", "# T\n\nThe cat<span>the</span> sat.\n"),
    # an angle bracket that is no tag, and clean minified prose
    ("f.html", "<p>If a &lt; b then b &gt; a.</p><p>Prices rose in May.</p>\n"),
    ("g.txt", "If x<y and y>x the claim fails.\n"),
    ("h.html", "<p>He said that that was fine.</p><p>The end.</p>\n"),
])
def test_clean_minified_markup_gets_no_repeat(tmp_path: Path, name: str, text: str) -> None:
    assert not [c for c, _ in _codes(tmp_path, name, text) if c in ("MTF105", "MTF106")]


def test_a_duplicate_jsonl_text_key_is_warned_of_and_the_last_checked(tmp_path: Path) -> None:
    line = '{"id": 1, "text": "The cat sat.", "text": "The the dog ran."}\n'
    clean = '{"id": 2, "text": "A clean line.", "meta": {"text": "x"}, "note": "\\"text\\": \\"text\\""}\n'
    doc = tmp_path / "a.jsonl"
    doc.write_text(line + clean, encoding="utf-8")
    done = run("fix", "--text-field", "text", doc, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    warnings = [w for w in done.stderr.splitlines() if "appears" in w]
    assert warnings == [f"{doc}: line 1: field 'text' appears 2 times in the record; the last is checked"], done.stderr
    assert doc.read_text(encoding="utf-8") == (
        '{"id": 1, "text": "The cat sat.", "text": "The dog ran."}\n' + clean)


def test_a_duplicate_jsonl_key_spelt_with_an_escape_is_warned_of(tmp_path: Path) -> None:
    doc = tmp_path / "a.jsonl"
    doc.write_text('{"text": "a", "t\\u0065xt": "The cat sat."}\n', encoding="utf-8")
    done = run("check", "--text-field", "text", doc, cwd=tmp_path)
    said = done.stdout + done.stderr  # check reports a file's warnings with its findings
    assert f"{doc}: line 1: field 'text' appears 2 times in the record; the last is checked" in said, said


def test_the_csv_warning_is_worded_as_before(tmp_path: Path) -> None:
    doc = tmp_path / "a.csv"
    doc.write_text("id,text,text\n1,The cat sat.,x\n", encoding="utf-8")
    done = run("check", "--text-field", "text", doc, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    said = done.stdout + done.stderr
    assert f"{doc}: line 1: column 'text' appears 2 times in the header; the first is checked" in said, said
