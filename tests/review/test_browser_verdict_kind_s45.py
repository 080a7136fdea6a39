"""What a minor verdict is, and what its card says, in one place (session 45, review of round 28).

Round 28 wrote it twice: the language server asked :data:`mtfix.model.VERDICT_CODES`, the page hard-coded "MTF401",
and each wrote "a suspicion only, …" in its own words. Now the page goes by the finding's kind (``kd``, from
:func:`mtfix.model.finding_kind`) and its severity, and takes the words from the report's ``meta.suspicion``
(:data:`mtfix.model.SUSPICION_NOTE`, the language server's too). The browser test renames the verdicts' code in a
real report (a verdict code other than MTF401, as a later detector may add) and changes the words, and checks that
the page follows the payload.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from mtfix.lsp.diagnostics import SUSPICION, lsp_severity
from mtfix.model import SUSPICION_NOTE, Finding, FindingKind, Severity, finding_kind, minor_verdict
from tests.review.conftest import OFF, mtfix
from tests.review.test_browser import open_report
from tests.review.test_browser_minor_verdicts_s45 import _CARDS, _render_all

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from editor_article import garbled_article  # noqa: E402

REPORT_JS = Path(__file__).resolve().parents[2] / "mtfix" / "review" / "static" / "report.js"
_WORDS = "a test's own words for a suspicion"


def test_the_language_server_and_the_page_share_the_words_and_the_notion() -> None:
    """The server's message and the report's meta carry the same words; report.js writes neither them nor the code."""
    from lsprotocol import types

    assert SUSPICION_NOTE in SUSPICION
    js = REPORT_JS.read_text(encoding="utf-8")
    assert SUSPICION_NOTE not in js and "meta.suspicion" in js
    assert re.search(r'function suspicion\(f\) \{ return f\.kd === "verdicts" && f\.s === "minor"; \}', js)
    minor = Finding("MTF401", "Fluency/Grammar", Severity.MINOR, 0, 4, "m")
    major = Finding("MTF401", "Fluency/Grammar", Severity.MAJOR, 0, 4, "m")
    assert finding_kind(minor) is FindingKind.VERDICTS and minor_verdict(minor) and not minor_verdict(major)
    assert lsp_severity(minor) is types.DiagnosticSeverity.Hint
    assert lsp_severity(major) is types.DiagnosticSeverity.Warning


def _retold(report: Path) -> int:
    """Rename the verdicts' code to MTF499 in the report's payloads and give meta its own words; the count renamed."""
    html = report.read_text(encoding="utf-8")
    meta = re.search(r'(<script type="application/json" id="mtfix-meta">)(.*?)(</script>)', html, re.S)
    assert meta is not None, "no uncompressed meta"
    data = json.loads(meta.group(2))
    assert data["suspicion"] == SUSPICION_NOTE
    data["suspicion"] = _WORDS
    html = html[: meta.start(2)] + json.dumps(data) + html[meta.end(2):]
    html, n = re.subn(r'"c":\s*"MTF401"', '"c": "MTF499"', html)
    report.write_text(html, encoding="utf-8")
    return n


@pytest.mark.browser
def test_a_minor_verdict_under_another_code_is_a_suspicion_in_the_payloads_words(browser, tmp_path):
    """A verdict (kind ``verdicts``) of code MTF499: its minor cards say the meta's words and their marks are dotted;
    its major cards say neither (the page went by MTF401 and its own words before)."""
    paragraphs = garbled_article().split("\n\n")
    (tmp_path / "a.md").write_text("\n\n".join(paragraphs[:8]) + "\n", encoding="utf-8")
    report = tmp_path / "report.html"
    r = mtfix("review", *OFF, "-q", "a.md", "-o", report, cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert _retold(report) > 0
    open_report(browser, report)
    _render_all(browser)
    cards = browser.execute_script(_CARDS.replace("'MTF401'", "'MTF499'"))
    sevs = {sev for sev, _ in cards}
    assert {"minor", "major"} <= sevs, sevs
    for sev, advice in cards:
        assert (_WORDS in advice) == (sev == "minor"), (sev, advice)
        assert SUSPICION_NOTE not in advice
    dotted = browser.execute_script(
        "return Array.from(document.querySelectorAll('#doc .u.suspicion')).map(function (u) { return u.title; });")
    assert dotted and all(t.startswith("MTF499: ") for line in dotted for t in line.split("\n")), dotted
