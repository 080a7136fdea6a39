"""Kinds of finding as ``diagnostic-severity`` keys (session 42), with a real LSP client over stdio.

One notion of what an editor does with a finding (:class:`mtfix.model.FindingKind`: ``names``, ``verdicts``,
``safe-fixes``, ``to-judge``), shared with the review page's Kind filter. Measured on session 41's article (20 lines of
MT phrasing, five misspelt glossary names): without a setting the names are places 1, 2, 3, 7 and 19 of the problems
list; ``names = "warning"`` puts them first while every verdict stays in VS Code's Problems view (Information), which
session 41's ``MTF401 = "hint"`` could not."""

from __future__ import annotations

import sys
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness  # noqa: E402
from test_lsp_editor_settings import run, until  # noqa: E402
from test_lsp_severity_s41 import ARTICLE, NAME_CODES, article_workspace, name_places  # noqa: E402

from tests.cli_runner import run_mtfix  # noqa: E402

INFO = types.DiagnosticSeverity.Information


def test_names_as_warnings_head_the_list_and_the_verdicts_stay_information(tmp_path: Path) -> None:
    """``names = "warning"``: the five name findings are places 1-5 of the problems list (were 1, 2, 3, 7, 19), and
    every minor verdict is still Information (in VS Code's Problems view), none a Hint; nothing is warned of. Since
    session 45 a minor verdict is a Hint by default, so the table asks for Information (``verdicts``' MQM table)."""
    root = article_workspace(tmp_path, '\n[diagnostic-severity]\nnames = "warning"\nverdicts = { minor = "information" }\n')

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        _, diagnostics = await h.open_checked("article.txt", ARTICLE)
        names = [d for d in diagnostics if d.code in NAME_CODES]
        assert len(names) == 5 and {d.severity for d in names} == {types.DiagnosticSeverity.Warning}
        places = name_places(diagnostics)
        print(f"names = warning: names at {places} of {len(diagnostics)}")
        assert places == [1, 2, 3, 4, 5], places
        verdicts = [d for d in diagnostics if d.code == "MTF401"]
        assert len(verdicts) >= 12 and types.DiagnosticSeverity.Hint not in {d.severity for d in verdicts}
        assert sum(d.severity is INFO for d in verdicts) >= 12
        assert not h.messages, h.messages
        assert await h.stop() == 0

    run(scenario())


def test_a_kind_set_live_from_the_editor_a_code_still_overrides(tmp_path: Path) -> None:
    """The editor's ``diagnosticSeverity`` with kinds, pushed live: ``verdicts = "hint"`` sends every verdict (minor
    and major) as a Hint and the names first; ``MTF401`` named by its code goes before its kind (``{"minor":
    "information"}`` keeps the minor ones Information, the major ones still Hints by the kind); ``default`` comes
    after the kind (the names stay Warnings under ``default = "hint"`` with ``names = "warning"``)."""
    root = article_workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, before = await h.open_checked("article.txt", ARTICLE)
        print(f"no setting: names at {name_places(before)} of {len(before)}")
        # session 45: a minor verdict is a Hint by default (before, Information: the names were not 1-5)
        assert {d.severity for d in before if d.code == "MTF401"} <= {types.DiagnosticSeverity.Hint,
                                                                       types.DiagnosticSeverity.Warning}

        async def push(table: dict) -> list[types.Diagnostic]:
            n = len(h.published)
            h.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
                settings={"mtfix": {"diagnosticSeverity": table}}))
            return (await h.diagnostics(uri, 1, after=n)).diagnostics

        got = await push({"verdicts": "hint"})
        assert {d.severity for d in got if d.code == "MTF401"} == {types.DiagnosticSeverity.Hint}
        assert name_places(got) == [1, 2, 3, 4, 5] and len(got) == len(before)
        got = await push({"verdicts": "hint", "MTF401": {"minor": "information"}})
        minor_before = {d.range.start.line for d in before if d.code == "MTF401" and d.severity is types.DiagnosticSeverity.Hint}
        assert {d.range.start.line for d in got if d.code == "MTF401" and d.severity is INFO} == minor_before
        assert {d.severity for d in got if d.code == "MTF401" and d.range.start.line not in minor_before} <= \
            {types.DiagnosticSeverity.Hint}
        got = await push({"names": "warning", "default": "hint"})
        assert {d.severity for d in got if d.code in NAME_CODES} == {types.DiagnosticSeverity.Warning}
        assert {d.severity for d in got if d.code not in NAME_CODES} == {types.DiagnosticSeverity.Hint}
        assert not h.messages, h.messages
        assert await h.stop() == 0

    run(scenario())


def test_a_misspelt_kind_is_warned_of_with_the_kind_meant(tmp_path: Path) -> None:
    """A key that is neither a rule's code nor a kind (``verdict``) is said once, suggesting ``verdicts``."""
    root = article_workspace(tmp_path, '\n[diagnostic-severity]\nverdict = "hint"\n')

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        await h.open_checked("article.txt", ARTICLE)
        await until(h, lambda: len(h.messages) >= 1)
        assert any("'verdict' (did you mean 'verdicts'?)" in m for m in h.messages), h.messages
        assert await h.stop() == 0

    run(scenario())


def test_the_cli_accepts_kinds_and_refuses_a_bad_level(tmp_path: Path) -> None:
    """Every command checks the table: a kind's level that is no LSP severity is refused naming file, line and why
    (exit 2, no traceback); a good one changes nothing in ``mtfix check``."""
    root = article_workspace(tmp_path)
    (root / "article.txt").write_text(ARTICLE, encoding="utf-8")
    plain = run_mtfix("check", "article.txt", cwd=root)
    toml = (root / "mtfix.toml").read_text(encoding="utf-8")
    (root / "mtfix.toml").write_text(toml + '\n[diagnostic-severity]\nverdicts = "hint"\n', encoding="utf-8")
    assert run_mtfix("check", "article.txt", cwd=root) == plain
    (root / "mtfix.toml").write_text(toml + '\n[diagnostic-severity]\nnames = { minor = "loud" }\n', encoding="utf-8")
    bad = run_mtfix("check", "article.txt", cwd=root)
    assert bad.rc == 2 and not bad.traceback, bad.stderr
    assert "[diagnostic-severity] names.minor must be one of 'error'" in bad.stderr, bad.stderr


def test_the_kinds_are_defined_once_and_agree_with_the_glossary() -> None:
    """The glossary's codes in the model are the glossary's rules; each kind by its definition (a glossary finding
    merged into another is still a name)."""
    from mtfix.glossary.rules import RULES
    from mtfix.lsp.diagnostics import lsp_severity
    from mtfix.model import GLOSSARY_CODES, Edit, Finding, FindingKind, FixSafety, Severity, finding_kind

    assert set(RULES) == GLOSSARY_CODES
    safe = Edit(0, 7, "the", "the the", "MTF105", "rule:x", FixSafety.SAFE)
    unsafe = Edit(0, 7, "the", "the the", "MTF105", "rule:x", FixSafety.UNSAFE)
    cases = [
        (Finding("MTF306", "Terminology/Inappropriate for context", Severity.MAJOR, 0, 4, "m"), FindingKind.NAMES),
        (Finding("MTF401", "Fluency/Grammar", Severity.MAJOR, 0, 4, "m"), FindingKind.VERDICTS),
        (Finding("MTF105", "Fluency/Grammar", Severity.MINOR, 0, 7, "m", edits=(safe,), fix=FixSafety.SAFE),
         FindingKind.SAFE_FIXES),
        (Finding("MTF105", "Fluency/Grammar", Severity.MINOR, 0, 7, "m", edits=(unsafe,), fix=FixSafety.UNSAFE),
         FindingKind.TO_JUDGE),
        (Finding("MTF402", "Fluency/Grammar", Severity.MINOR, 0, 4, "m"), FindingKind.TO_JUDGE),
        (Finding("LT:EN_A_VS_AN", "Fluency/Grammar", Severity.MINOR, 0, 7, "m", edits=(safe,), fix=FixSafety.SAFE,
                 also=("MTF301",)), FindingKind.NAMES),
    ]
    assert [finding_kind(f) for f, _ in cases] == [k for _, k in cases]
    minor = Finding("MTF401", "Fluency/Grammar", Severity.MINOR, 0, 4, "m")
    assert lsp_severity(minor, {"verdicts": "hint", "MTF401": "error"}).name == "Error"
    assert lsp_severity(minor, {"names": "hint"}).name == "Hint"  # the built-in mapping: a minor verdict is a Hint (s45)
