"""What an editor reads in a finding (session 50), through a real LSP client over stdio: the garble detector's
verdict (MTF401) without its tuning figures ("detector: p=…; inputs: …", kept in JSON and the hover's last line),
one fix offered on a glued span that two rules flagged ("snowThe": MTF202's safe split, MTF103's suggestions), and
a suggestion with white space at an edge said readably."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, workspace  # noqa: E402

# own sentences: a glued sentence boundary the az-en pack splits, and a reporting verb twice (MTF401 + MTF405)
GLUED = "Heavy snowThe bridge over the river stayed shut on Tuesday."
TWICE = "The warden noted that the question of the repair of the lower dam is in the focus of notice, he said."
TEXT = f"{GLUED} {TWICE}\n"


def _actions(h: Harness, uri: str, d: types.Diagnostic):
    return h.client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri), range=d.range,
        context=types.CodeActionContext(diagnostics=[d])))


def test_the_verdict_reads_plain_and_a_glued_span_offers_one_fix(tmp_path: Path) -> None:
    root = workspace(tmp_path, 'source-lang = "az"\n')

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("a.txt", TEXT)
        verdicts = [d for d in diags if d.code == "MTF401"]
        assert verdicts, [(d.code, d.message) for d in diags]
        for d in diags:
            assert "detector:" not in d.message and "p=0." not in d.message and "inputs:" not in d.message, d.message
            assert "(suggestion:  " not in d.message and not d.message.endswith(" )"), d.message
        glued = [d for d in diags if d.range.start == types.Position(0, 6)]
        assert {d.code for d in glued} >= {"MTF202"}, [(d.code, d.message) for d in diags]
        fixes = set()
        for d in glued:
            for a in await _actions(h, uri, d) or []:
                if isinstance(a, types.CodeAction) and (a.title.startswith("mtfix: fix ") or "suggestion" in a.title):
                    fixes.add(a.title)
        assert len(fixes) == 1 and "MTF202" in next(iter(fixes)), fixes  # one span, one fix
        await h.stop()

    asyncio.run(asyncio.wait_for(scenario(), 240))


def test_the_cli_text_report_is_plain_and_json_keeps_the_detail(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    run = [sys.executable, "-m", "mtfix", "check", "--grammar", "off", "--source-lang", "az"]
    text = subprocess.run([*run, str(tmp_path / "a.txt")], capture_output=True, text=True, check=False).stdout
    assert "MTF401" in text and "detector:" not in text, text
    glued = [line for line in text.splitlines() if "'snowThe'" in line]
    assert any(" [fix]" in line for line in glued), text
    assert not any("suggestions:" in line for line in glued), glued  # MTF103 keeps its words, not a rival fix
    report = json.loads(subprocess.run([*run, "--format", "json", str(tmp_path / "a.txt")], capture_output=True,
                                       text=True, check=False).stdout)
    (verdict, *_) = [f for f in report["files"][0]["findings"] if f["code"] == "MTF401"]
    assert " (detector: p=0." in verdict["message"] and "inputs: " in verdict["message"], verdict
    assert set(verdict) == {"code", "category", "severity", "start", "end", "message", "suggestions", "fix",
                            "origin", "line", "col", "text"}  # the record result's fields, as before
