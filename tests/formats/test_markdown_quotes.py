"""A finding in Markdown quotes what the reader sees, not the markup its span holds (session 29): the text
report's quote of the span is ``'snowThe'``, not ``'snow**The'``; the JSON report keeps ``text`` (the span of the
file's text, as ``start``/``end`` name it: the edit applies to those bytes) and adds ``reads`` where the two differ."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.model import Span
from mtfix.rules.markup import as_read
from mtfix.segment import to_document

MD = ("The talks ran late into the **snow**The minister left on Monday.\n\n"
      "The envoys stayed in [Ganja](https://example.org/ganja) ,where the talks resumed.\n\n"
      "Foreign Minister Ceyhun **Bayramov** opened the forum on Tuesday.\n\n"
      "Press `a**b` twice, then the the key.\n")


def _run(tmp_path: Path, *args: str) -> str:
    path = tmp_path / "news.md"
    path.write_text(MD, encoding="utf-8")
    res = CliRunner().invoke(app, ["check", str(path), "--grammar", "off", *args])
    assert res.exit_code in (0, 1), res.output
    return res.output


def test_text_report_quotes_the_prose(tmp_path: Path) -> None:
    out = _run(tmp_path)
    lines = [line for line in out.splitlines() if " MTF202 " in line or " MTF301 " in line]
    assert any("'snowThe' → 'snow The'" in line for line in lines), out
    assert any("'Ceyhun Bayramov' → 'Jeyhun Bayramov'" in line for line in lines), out
    assert "**" not in "".join(lines), out


def test_json_keeps_the_span_and_adds_what_it_reads(tmp_path: Path) -> None:
    files = json.loads(_run(tmp_path, "--format", "json"))["files"]
    found = {f["code"]: f for f in files[0]["findings"]}
    glued = found["MTF202"]
    assert glued["text"] == "snow**The" == MD[glued["start"]:glued["end"]]
    assert glued["reads"] == "snowThe"
    assert found["MTF301"]["reads"] == "Ceyhun Bayramov"
    assert all("reads" not in f for f in files[0]["findings"] if "**" not in f["text"] and "](" not in f["text"])


def test_as_read_drops_markup_only() -> None:
    t = "The **snow**The `a**b` [men](https://x.org) ,left."
    prot = [Span(4, 6), Span(10, 12), Span(16, 22), Span(23, 24), Span(27, 43)]
    doc = to_document(t, protected=prot, regions=[Span(0, len(t))], opaque=[Span(16, 22)])
    assert as_read(doc, 4, 15) == "snowThe"
    assert as_read(doc, 16, 22) == "`a**b`"  # a code span reads as written
    assert as_read(doc, 24, 45) == "men ,"
    plain = to_document("The **snow**The", protected=[], regions=None)
    assert as_read(plain, 4, 15) == "**snow**The"  # plain text: the asterisks are text
