"""The detector's minor verdicts as an editor sees them (session 45), with a real LSP client over stdio.

Session 44 saw a minor MTF401 on 251 of the 30 KB article's 325 judged sentences, each scoring 90 or more: marks on
three of four clean sentences, in the words "reads like garbled machine translation". Measured in session 45
(``bench/detector_minors.py``): the minor verdict lands on 65-72 % of professional translations and post-edits, as
on 71-73 % of real MT; the major one on 0-2 % against 19-28 %. So a minor verdict is a Hint by default (VS Code: a
faint mark, its message on hover, out of the Problems view; as LanguageTool's "picky" rules and Vale's suggestions
are the lowest level), its message says it is a suspicion only, and a major verdict stays a Warning; the
``diagnostic-severity`` table brings the Information back (docs/editors.md). ``mtfix check`` is unchanged.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from editor_article import article, garbled_article  # noqa: E402
from lsp_harness import Harness, workspace  # noqa: E402
from test_lsp_editor_settings import run  # noqa: E402
from test_lsp_formats import check_json  # noqa: E402

from mtfix.lsp.diagnostics import SUSPICION  # noqa: E402

HINT, INFO, WARNING = types.DiagnosticSeverity.Hint, types.DiagnosticSeverity.Information, types.DiagnosticSeverity.Warning


def by_severity(diagnostics: list[types.Diagnostic]) -> dict[str, int]:
    return dict(Counter(d.severity.name for d in diagnostics))


def test_minor_verdicts_are_hints_that_say_so_majors_stay_warnings(tmp_path: Path) -> None:
    """Both articles (clean and MT-like, ours, about 30 KB each): every minor MTF401 is a Hint whose message ends
    saying it is a suspicion only; every major one a Warning without it; the marks above Hint on the clean article
    are the slips' findings alone (no verdict); the verdicts are those of ``mtfix check`` (same lines, same
    severities: the detector's verdicts unchanged)."""
    root = workspace(tmp_path)
    texts = {"clean.md": article(), "garbled.md": garbled_article()}

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        got = {}
        for name, text in texts.items():
            (root / name).write_text(text, encoding="utf-8")
            got[name] = (await h.open_checked(name, text, "markdown"))[1]
        assert not h.messages, h.messages
        await h.stop()
        for name, diagnostics in got.items():
            print(name, by_severity(diagnostics), "verdicts:", by_severity([d for d in diagnostics if d.code == "MTF401"]))
            cli = Counter((f["line"], f["severity"]) for f in check_json(root / name) if f["code"] == "MTF401")
            lsp = Counter((d.range.start.line + 1, "minor" if d.severity is HINT else "major")
                          for d in diagnostics if d.code == "MTF401")
            assert lsp == cli and cli, (name, lsp - cli, cli - lsp)
            for d in diagnostics:
                if d.code != "MTF401":
                    continue
                if d.severity is HINT:
                    assert d.message.startswith("verdicts: this sentence reads like") and d.message.endswith(SUSPICION)
                else:
                    assert d.severity is WARNING and SUSPICION not in d.message, d
        clean = got["clean.md"]
        assert sum(d.code == "MTF401" for d in clean) >= 200  # the detector's minors are all still there
        assert not [d for d in clean if d.code == "MTF401" and d.severity is not HINT]
        shown = [d for d in clean if d.severity is not HINT]
        assert shown and len(shown) < 60, by_severity(clean)  # the slips (one sentence in seven), not 3 in 4 lines
        assert any(d.code == "MTF401" and d.severity is WARNING for d in got["garbled.md"])

    run(scenario())


def test_the_setting_brings_the_information_back(tmp_path: Path) -> None:
    """``diagnostic-severity`` decides over the built-in mapping: ``verdicts = "information"`` in mtfix.toml sends
    the minor verdicts as Information (session 44's default) and leaves the major ones Warnings by the MQM table
    (``{ minor = "information" }``)."""
    root = workspace(tmp_path, '[diagnostic-severity]\nMTF401 = { minor = "information" }\n')
    text = garbled_article(40)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        _, diagnostics = await h.open_checked("garbled.md", text, "markdown")
        await h.stop()
        verdicts = {d.severity for d in diagnostics if d.code == "MTF401"}
        assert verdicts == {INFO, WARNING}, verdicts

    run(scenario())
