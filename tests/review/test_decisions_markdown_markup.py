"""The review report's edits in Markdown where emphasis or a link cuts through a garble (session 28): accepting
them all and exporting the decisions writes what ``mtfix fix`` writes, the markup kept."""

from __future__ import annotations

import json

from tests.review.conftest import OFF
from tests.review.test_decisions import cli, decisions_doc, expected, review

MD = ("The talks ran late into the **snow**The minister left on Monday.\n\n"
      "The envoys stayed in **Ganja** ,where the talks resumed.\n\n"
      "Foreign Minister [Ceyhun](https://example.org/fm) Bayramov opened the forum.\n")


def test_accepted_edits_across_markup_write_what_fix_writes(tmp_path):
    fixed = tmp_path / "fixed.md"
    fixed.write_text(MD, encoding="utf-8")
    r = cli("fix", *OFF, fixed)
    assert r.exit_code == 0, r.output
    want = fixed.read_text(encoding="utf-8")
    assert "**snow** The" in want and "**Ganja**, where" in want and "[Jeyhun](https://example.org/fm)" in want
    article = tmp_path / "news.md"
    article.write_text(MD, encoding="utf-8")
    payload = review(article, tmp_path / "r.html")[0]
    edits = payload["edits"]
    assert {e["c"] for e in edits} >= {"MTF202", "MTF111", "MTF301"}, edits
    assert all("*" not in e["o"] and "[" not in e["o"] and "]" not in e["o"] for e in edits), edits  # no markup
    (tmp_path / "d.json").write_text(json.dumps(decisions_doc(payload, edits)), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", article)
    assert r.exit_code == 0, r.output
    assert article.read_text(encoding="utf-8") == expected(MD, edits) == want
