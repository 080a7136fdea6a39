"""Character references in an HTML page's prose (session 30): a report quotes a finding's span as the reader sees
it (``&amp;`` reads "&", ``&#233;`` "é", an inline tag nothing), as it quotes a Markdown span without its markers
(:func:`mtfix.rules.markup.as_read`); the span itself, the JSON ``text`` and SARIF's ``snippet`` (by SARIF's
definition the artifact's own characters) stay the file's bytes, and an edit never touches a reference."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.files import check_input, fix_input, unit_document
from mtfix.formats.html import HtmlFormat
from mtfix.io.inputs import Input
from mtfix.rules.markup import as_read

#: the MTF120 rule's scrambled sentence, with references and a link in it
PAGE = ("<html><body>\n<p>Yesterday <a href=\"/geo\">Tbilisi</a> Georgia &amp; Between Armenia snowmutual trade and "
        "A memorandum was agre&#233;d.</p>\n<p>The caf&eacute; was closed on Monday , and the the staff left.</p>\n"
        "</body></html>\n")
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def _doc(page: str):
    return unit_document(HtmlFormat().load(page.encode(), "a.html", {}).units[0], "a.html")


def test_as_read_decodes_references_and_drops_tags() -> None:
    doc = _doc(PAGE)
    start = PAGE.index("Yesterday")
    end = PAGE.index("</p>")
    assert as_read(doc, start, end) == ("Yesterday Tbilisi Georgia & Between Armenia snowmutual trade and "
                                        "A memorandum was agreéd.")
    cafe = PAGE.index("The caf")
    assert as_read(doc, cafe, cafe + len("The caf&eacute;")) == "The café"
    # a reference cut by the span (its edge inside it) is quoted as written: no half-decoded character
    assert as_read(doc, cafe, cafe + len("The caf&eac")) == "The caf&eac"


def test_the_text_report_and_json_quote_what_the_reader_sees(tmp_path) -> None:
    path = tmp_path / "a.html"
    path.write_text(PAGE, encoding="utf-8")
    runner = CliRunner()
    text = runner.invoke(app, ["check", "--grammar", "off", str(path)]).output
    assert "MTF120" in text
    assert not _REFERENCE.search(text), text
    assert "Georgia & Between" in text
    out = json.loads(runner.invoke(app, ["check", "--grammar", "off", "--format", "json", str(path)]).output)
    findings = [f for file in out["files"] for f in file["findings"]]
    scrambled = next(f for f in findings if f["code"] == "MTF120")
    assert "&amp;" in scrambled["text"] and "<a href" in scrambled["text"]  # the bytes start/end name
    assert "Georgia & Between" in scrambled["reads"] and "<a" not in scrambled["reads"]
    assert not any(_REFERENCE.search(f["message"]) or _REFERENCE.search(f.get("reads", "")) for f in findings)


def test_sarif_messages_read_decoded_and_snippets_are_the_file(tmp_path) -> None:
    path = tmp_path / "a.html"
    path.write_text(PAGE, encoding="utf-8")
    out = json.loads(CliRunner().invoke(app, ["check", "--grammar", "off", "--format", "sarif", str(path)]).output)
    results = out["runs"][0]["results"]
    assert results and not any(_REFERENCE.search(r["message"]["text"]) for r in results)
    snippets = [r["locations"][0]["physicalLocation"]["region"].get("snippet", {}).get("text", "") for r in results]
    assert any("&amp;" in s for s in snippets)  # SARIF: the artifact's own characters


def test_edits_never_cut_a_reference(pipeline) -> None:
    """Since session 31 the rules read a reference as its character, and an edit may hold one whole (the repeated
    "caf&#233;" goes with its word, an unsafe fix); it never cuts one nor inserts inside one."""
    page = ("<p>We met Tom &amp; &amp; Jerry at the the market&nbsp;, then the caf&#233; caf&#233; closed .</p>\n"
            "<p>He said&nbsp;,&nbsp;that the roads were closed&#8201;.</p>\n")
    raw = page.encode()
    result = check_input(pipeline, Input("a.html", raw))
    refs = [(m.start(), m.end()) for m in _REFERENCE.finditer(page)]
    for f in (f for u in result.units for f in u.check.findings):
        for e in f.edits:
            assert not any(e.start < t and s < e.end and not (e.start <= s and t <= e.end) for s, t in refs), (f.code, e)
            assert not any(e.start == e.end and s < e.start < t for s, t in refs), (f.code, e)
    fixed = fix_input(pipeline, Input("a.html", raw)).output.decode()
    assert [m.group() for m in _REFERENCE.finditer(fixed)] == [m.group() for m in _REFERENCE.finditer(page)]
    assert "the the" not in fixed
