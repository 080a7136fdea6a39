"""The review report's fluency card says what the number is and how many sentences read well (session 15)."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from mtfix.cli import app
from tests.review.conftest import OFF

ARTICLE = (
    "Energy talks in Baku\n\n"
    "The foreign ministers met in Baku on Tuesday. It simply came to our notice then that, the talks went well.\n\n"
    "Tbilisi Baku snowThe agreement was signed and There were no objections.\n"
)


def test_fluency_card_counts_sentences_at_90_or_above(tmp_path: Path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "r.html"
    r = CliRunner().invoke(app, ["review", *OFF, "-q", str(p), "-o", str(out)])
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    assert "mean of the paragraphs" in html
    m = re.search(r"(\d+) of (\d+) sentences at 90 or above after", html)
    assert m, html[:2000]
    good, total = int(m.group(1)), int(m.group(2))
    assert total == 4 and 1 <= good < total
