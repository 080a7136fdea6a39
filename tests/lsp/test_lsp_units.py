"""The server's pure parts: positions, diagnostics mapping, edits, suppression, the glossary append."""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import apply_text_edits as apply  # noqa: E402

from mtfix.lsp.actions import ignore_edit, name_in, text_edits
from mtfix.lsp.diagnostics import docs_href, lsp_severity, related_findings, to_diagnostics
from mtfix.lsp.glossary import GlossaryAppendError, add_name
from mtfix.lsp.positions import LineIndex, apply_change
from mtfix.lsp.workspace import document_kind
from mtfix.model import Finding, Severity
from mtfix.segment import to_document
from mtfix.suppress import suppressed


def f(code: str, start: int, end: int, severity: Severity = Severity.MINOR, category: str = "Fluency/Grammar",
      message: str = "x", segment: int | None = 0) -> Finding:
    return Finding(code, category, severity, start, end, message, segment=segment)


# -- positions ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "offset", "expected"), [
    ("😀x", 1, (0, 2)),              # one astral character: two UTF-16 units
    ("a\r\nb", 3, (1, 0)),           # CRLF is one line break
    ("a\rb", 2, (1, 0)),             # so is a lone CR
    ("a\u2028b", 2, (0, 2)),         # U+2028 is not a line break in LSP
    ("é😀\nx", 2, (0, 3)),
])
def test_positions_utf16(text: str, offset: int, expected: tuple[int, int]) -> None:
    idx = LineIndex(text)
    assert idx.position(offset) == expected
    assert idx.offset(*expected) == offset


def test_positions_other_encodings_and_clamping() -> None:
    assert LineIndex("é😀x", "utf-8").position(2) == (0, 6)
    assert LineIndex("é😀x", "utf-32").position(2) == (0, 2)
    idx = LineIndex("ab\ncd")
    assert idx.offset(0, 99) == 2 and idx.offset(99, 0) == 5 and idx.offset(-1, 0) == 0


def test_positions_on_one_long_non_ascii_line_are_fast() -> None:
    """A file that is one long line (minified, or a paragraph per line) with an emoji in it:
    each conversion used to scan the line, and publishing thousands of diagnostics took a minute.
    A conversion now costs a bisection: counted here in lookups of the code-unit table, not timed."""
    text = "😀 " + "Prices of oilgas rose, é. " * 8000  # 200 000 characters, no line break
    for encoding in ("utf-16", "utf-8"):
        idx = LineIndex(text, encoding)
        lookups = 0
        table = idx._units_to

        def counted(offset: int, table=table) -> int:
            nonlocal lookups
            lookups += 1
            return table(offset)

        idx._units_to = counted
        offsets = range(0, len(text), 40)  # 5000 positions, and back
        for offset in offsets:
            line, col = idx.position(offset)
            assert idx.offset(line, col) == offset
        assert lookups <= len(offsets) * (4 + len(text).bit_length()), lookups  # logarithmic, not a scan
    assert LineIndex(text).position(len(text)) == (0, len(text) + 1)
    assert LineIndex(text, "utf-8").position(len(text)) == (0, len(text.encode("utf-8")))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \n\r😀é\u2028"), max_size=30), st.data())
def test_positions_round_trip(text: str, data: st.DataObject) -> None:
    idx = LineIndex(text)
    offset = data.draw(st.integers(0, len(text)))
    if offset and text[offset - 1] == "\r" and text[offset:offset + 1] == "\n":
        return  # between CR and LF: not a position of its own
    assert idx.offset(*idx.position(offset)) == offset


# -- diagnostics ----------------------------------------------------------------------------------
def test_severity_mapping() -> None:
    assert lsp_severity(f("A", 0, 1, Severity.CRITICAL)) == types.DiagnosticSeverity.Error
    assert lsp_severity(f("A", 0, 1, Severity.MAJOR)) == types.DiagnosticSeverity.Warning
    assert lsp_severity(f("A", 0, 1, Severity.MINOR)) == types.DiagnosticSeverity.Information
    assert lsp_severity(f("A", 0, 1, Severity.MINOR, "Style/Awkward")) == types.DiagnosticSeverity.Hint


def test_docs_links() -> None:
    href = docs_href("MTF120")  # its own page (session 34; until then the pack's YAML), else its online section
    assert (href.startswith("file://") and href.endswith("/MTF120.md")) or href.endswith("docs/rules.md#mtf120"), href
    assert docs_href("LT:EN_A_VS_AN").startswith("https://community.languagetool.org/rule/show/EN_A_VS_AN")
    assert docs_href("MTF302", "https://x.example/{code}") == "https://x.example/MTF302"


def test_a_users_pack_rule_links_to_the_users_pack(tmp_path: Path) -> None:
    """Diagnostics of a workspace's own rule pack had no documentation link (only bundled packs were known)."""
    import yaml

    from mtfix.config import config_from_mapping
    from mtfix.lsp.workspace import Profile

    pack = tmp_path / "house.yaml"
    rule = {"code": "HSE101", "name": "teh", "title": "teh", "docs": "A typo.", "category": "Fluency/Spelling",
            "severity": "minor", "message": "a typo", "triggers": ["teh"], "pattern": r"\bteh\b",
            "replacement": "the", "fix": "safe",
            "examples": {"flag": [{"text": "teh cat", "fixed": "the cat"}], "pass": ["the cat"]}}
    pack.write_text(yaml.safe_dump({"pack": "house", "version": "1", "rules": [rule]}), encoding="utf-8")
    profile = Profile(config_from_mapping({"rule-files": [str(pack)]}, "m"), None, ())
    assert docs_href("HSE101") is None
    assert docs_href("HSE101", None, profile.pack_files) == pack.resolve().as_uri()
    (finding,) = [x for x in profile.fast.check("I saw teh cat.").findings if x.code == "HSE101"]
    (diag,) = to_diagnostics([finding], LineIndex("I saw teh cat."), "file:///a.txt", None, Severity.MINOR,
                             profile.pack_files)
    assert diag.code_description.href == pack.resolve().as_uri()


def test_related_information_for_mtf120_and_mtf401() -> None:
    garbled = f("MTF120", 0, 40, Severity.MAJOR, message="garbled sentence structure (2 signs: MTF103, MTF104); ...")
    glued, capital, other = f("MTF103", 5, 12), f("MTF104", 20, 21), f("MTF105", 25, 30)
    outside = f("MTF103", 45, 50)
    assert [r[:2] for r in related_findings(garbled, [garbled, glued, capital, other, outside])] == [(5, 12), (20, 21)]
    verdict = f("MTF401", 3, 8, Severity.MAJOR, segment=2)
    sign, elsewhere = f("MTF403", 10, 14, segment=2), f("MTF403", 60, 64, segment=5)
    assert [r[:2] for r in related_findings(verdict, [verdict, sign, elsewhere, glued])] == [(10, 14)]
    text = "x" * 70
    diags = to_diagnostics([verdict, sign, elsewhere], LineIndex(text), "file:///t.txt")
    assert len(diags[0].related_information) == 1 and diags[1].related_information is None
    # min-severity major: only the verdict is a diagnostic, and its minor sign is still related to it
    (only,) = to_diagnostics([verdict, sign, elsewhere], LineIndex(text), "file:///t.txt",
                             min_severity=Severity.MAJOR)
    assert only.code == "MTF401" and len(only.related_information) == 1


def test_related_information_for_an_mtf120_that_counts_signs_it_does_not_name() -> None:
    """A long MTF120 message names four kinds of sign and counts the rest ("… and 3 more", session 21): the signs it
    does not name are related information all the same."""
    garbled = f("MTF120", 0, 60, Severity.MAJOR,
                message="garbled sentence structure (9 signs: MTF104 ×3, MTF103 ×2, MTF201, MTF202 and 2 more); ...")
    named, unnamed = f("MTF104", 5, 8), f("MTF203", 20, 24)
    assert [r[:2] for r in related_findings(garbled, [garbled, named, unnamed])] == [(5, 8), (20, 24)]


# -- edits ----------------------------------------------------------------------------------------
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n😀"), max_size=40),
       st.text(alphabet=st.sampled_from("ab .\n😀"), max_size=40))
def test_text_edits_turn_one_text_into_the_other(a: str, b: str) -> None:
    assert apply(a, text_edits(a, b, LineIndex(a))) == b


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "bb", " ", ",", "\n", "\r\n", "\r", "😀"]), max_size=30), st.data())
def test_text_edits_never_cut_a_crlf(parts: list[str], data: st.DataObject) -> None:
    """An edit boundary between the CR and the LF of a line break has no LSP position: a change
    next to a CRLF (the fixed text ends a line in LF) came out wrong."""
    a = "".join(parts)
    b = list(a)
    for _ in range(data.draw(st.integers(0, 4))):
        k = data.draw(st.integers(0, len(b)))
        if k < len(b) and data.draw(st.booleans()):
            del b[k]
        else:
            b.insert(k, data.draw(st.sampled_from(["x", "\n", "\r", " "])))
    assert apply(a, text_edits(a, "".join(b), LineIndex(a))) == "".join(b)
    assert apply("a\r\n", text_edits("a\r\n", "a\n", LineIndex("a\r\n"))) == "a\n"


def test_text_edits_of_a_long_document_stay_small() -> None:
    """"Fix all" on a long document with fixes all through it replaced the whole text in one
    edit (the editor loses the cursor, folds and undo steps); now each changed line is diffed."""
    lines = [f"Line {i}: prices of oilgas rose , and the the talks went on.\n" for i in range(3000)]
    original = "".join(lines) + "The end.\n"
    fixed = original.replace("oilgas rose ,", "oil and gas rose,").replace("the the", "the")
    edits = text_edits(original, fixed, LineIndex(original))
    assert apply(original, edits) == fixed
    assert len(edits) == 9000 and max(len(e.new_text) for e in edits) <= len("oil and gas")
    assert all(e.range.start.line == e.range.end.line for e in edits)


def test_ignore_edit_is_honoured_by_suppress() -> None:
    text = "Talks went on.\nThe the talks | ended.\n"
    finding = f("MTF105", 15, 22)
    for markdown in (False, True):
        new = apply(text, [ignore_edit(finding, text, LineIndex(text), markdown)])
        assert new.splitlines()[0] == "Talks went on." and "mtfix-ignore: MTF105" in new.splitlines()[1]
        start = new.index("The the")
        assert suppressed(to_document(new), [f("MTF105", start, start + 7)]) == []
    # a directive already on the line gets the code added
    text2 = "The the talks. <!-- mtfix-ignore: MTF203 -->\n"
    new = apply(text2, [ignore_edit(f("MTF105", 0, 7), text2, LineIndex(text2), True)])
    assert new == "The the talks. <!-- mtfix-ignore: MTF203, MTF105 -->\n"
    # a directive quoted in inline code is an example: left alone, a comment of its own is added
    text3 = "Write `<!-- mtfix-ignore: MTF203 -->` for the the talks.\n"
    at = text3.index("the the")
    new = apply(text3, [ignore_edit(f("MTF105", at, at + 7), text3, LineIndex(text3), True)])
    assert new == text3.replace(".\n", ". <!-- mtfix-ignore: MTF105 -->\n")
    # a Markdown table row: inside the last cell, so the table stays a table
    row = "| a | the the |\n"
    new = apply(row, [ignore_edit(f("MTF105", 6, 13), row, LineIndex(row), True)])
    assert new == "| a | the the <!-- mtfix-ignore: MTF105 --> |\n"


@pytest.mark.parametrize("text", [
    "## The the talks ##\n",                       # an ATX heading's closing #s stay a closing sequence
    "# The the talks #\r\n",
    "The the talks\\\nnext line.\n",               # a backslash hard break stays one
    "The the talks `a\nb` on.\n",                    # not inside a code span that goes on
    "The the talks <span\ntitle='x'>on</span>.\n",   # nor inside an HTML tag that goes on
    "The the talks  \nnext line.\n",                 # before a hard break's spaces
])
def test_markdown_ignore_comment_changes_nothing_but_the_comment(text: str) -> None:
    import re

    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    at = text.index("The the")
    new = apply(text, [ignore_edit(f("MTF105", at, at + 7), text, LineIndex(text), True)])
    assert new.count("<!-- mtfix-ignore: MTF105 -->") == 1
    start = new.index("The the")
    assert suppressed(to_document(new), [f("MTF105", start, start + 7)]) == []

    def html(s: str) -> str:
        return re.sub(r"\s+", " ", md.render(s).replace("<!-- mtfix-ignore: MTF105 -->", "")).replace(" <", "<")

    assert html(new) == html(text), new


def test_name_in() -> None:
    text = "Mirkadrov and Jean-Luc Picard met. the talks"
    assert name_in(f("MTF305", 0, 9), text) == "Mirkadrov"
    assert name_in(f("LT:MORFOLOGIK_RULE_EN_US", 14, 29, category="Fluency/Spelling"), text) == "Jean-Luc Picard"
    assert name_in(f("MTF305", 35, 44), text) is None  # not capitalised
    assert name_in(f("MTF105", 0, 9), text) is None  # not a name rule


def test_document_kind() -> None:
    assert document_kind("/a/b.md", "plaintext") == "markdown"
    assert document_kind(None, "markdown") == "markdown"
    assert document_kind("/a/b.txt", None) == "text"
    assert document_kind("/a/b.py", "python") is None
    assert document_kind("/a/data.json", "json") is None


# -- glossary append ------------------------------------------------------------------------------
def test_glossary_tsv_keeps_bytes_crlf_and_bom(tmp_path: Path) -> None:
    g = tmp_path / "names.tsv"
    before = codecs.BOM_UTF8 + b"# ours\r\nterm\tvariants\ttype\r\nJeyhun Bayramov\tCeyhun Bayramov\tperson"
    g.write_bytes(before)
    assert add_name(g, "Mirkadrov", [tmp_path]).startswith("added")
    after = g.read_bytes()
    assert after.startswith(before) and after[len(before):] == b"\r\nMirkadrov\t\t\r\n"
    assert "already" in add_name(g, "Mirkadrov", [tmp_path])
    assert g.read_bytes() == after


def test_glossary_yaml_and_csv(tmp_path: Path) -> None:
    y = tmp_path / "names.yaml"
    y.write_text("# hand-kept\nentries:\n    - term: Charles Michel\n      variants: [Sharl Mishel]\n", encoding="utf-8")
    add_name(y, "Ararat Mirzoyan", [tmp_path])
    assert y.read_text(encoding="utf-8").endswith('    - term: "Ararat Mirzoyan"\n      variants: []\n')
    c = tmp_path / "names.csv"
    c.write_text('term,variants,note\n"Smith, John",,a comma\n', encoding="utf-8")
    add_name(c, "O'Neil", [tmp_path])
    assert c.read_text(encoding="utf-8").endswith("O'Neil,,\n")


def test_glossary_refusals_write_nothing(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    ws.mkdir()
    with pytest.raises(GlossaryAppendError, match="outside the workspace"):
        add_name(tmp_path / "new.tsv", "Name", [ws])
    assert not (tmp_path / "new.tsv").exists()
    pairs = ws / "pairs.csv"
    pairs.write_text("Ceyhun Bayramov,Jeyhun Bayramov\n", encoding="utf-8")
    with pytest.raises(GlossaryAppendError, match="term"):
        add_name(pairs, "Name", [ws])
    y = ws / "g.yaml"
    y.write_text("entries:\n  - term: A B\nversion: 2\n", encoding="utf-8")
    with pytest.raises(GlossaryAppendError, match="entries"):
        add_name(y, "Name", [ws])
    assert y.read_text(encoding="utf-8") == "entries:\n  - term: A B\nversion: 2\n"
    with pytest.raises(GlossaryAppendError, match="not a name"):
        add_name(ws / "g.tsv", "two\nlines", [ws])
    created = ws / "fresh.tsv"
    add_name(created, "Mirkadrov", [ws])
    assert created.read_text(encoding="utf-8") == "term\tvariants\nMirkadrov\t\n"


def test_server_table_is_checked() -> None:
    from mtfix.config import Config, config_from_mapping
    from mtfix.errors import ConfigError
    from mtfix.lsp.workspace import Profile

    good = Profile(config_from_mapping({"server": {"debounce-ms": 20, "docs-url": "https://x/{code}"}}, "m"), None, ())
    assert good.warning is None and good.debounce == 0.02 and good.docs_url == "https://x/{code}"
    with pytest.raises(ConfigError, match="unknown setting 'debounce'"):  # a settings error, with its line
        config_from_mapping({"server": {"debounce": 3, "docs-url": 5}}, "m")
    # a Config built in Python is not checked there: the server still warns and keeps its defaults
    bad = Profile(Config(extra={"server": {"debounce": 3, "docs-url": 5}}), None, ())
    assert "unknown setting(s) debounce" in bad.warning and "docs-url must be a string" in bad.warning
    assert bad.docs_url is None and bad.debounce == 0.05


def test_configuration_error_is_said_for_each_profile_even_if_the_loading_check_was_dropped() -> None:
    """A check superseded or cancelled after loading a broken profile must not swallow its message."""
    from mtfix.config import config_from_mapping
    from mtfix.lsp.server import MtfixLanguageServer
    from mtfix.lsp.workspace import Profile

    ls = MtfixLanguageServer(grammar="off")
    said: list[str] = []
    ls.message = lambda text, kind=None, again=False: said.append(text)  # type: ignore[method-assign]
    broken = Profile(config_from_mapping({}, "m"), Path("/w/mtfix.toml"), (), error="mtfix.toml:1: bad")
    ls._announce(broken)  # the check that loaded it; its diagnostics may be dropped as stale
    ls._announce(broken)  # the next check finds the profile already loaded
    assert said == ["configuration error: mtfix.toml:1: bad; checking with the defaults"]
    ls._announce(Profile(config_from_mapping({}, "m"), Path("/w/mtfix.toml"), ()))  # fixed: nothing to say
    again = Profile(config_from_mapping({}, "m"), Path("/w/mtfix.toml"), (), error="mtfix.toml:1: bad")
    ls._announce(again)  # broken the same way again: said again
    assert len(said) == 2


def test_mending_a_broken_glossary_rebuilds_the_profile(tmp_path: Path) -> None:
    """A glossary that fails to load keeps being watched: once it is mended, the next check
    uses it (before, only touching mtfix.toml brought the workspace configuration back)."""
    import os

    from mtfix.lsp.workspace import Session

    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text('glossaries = ["names.tsv"]\n', encoding="utf-8")
    names = tmp_path / "names.tsv"
    names.write_text("term\tvariantz\nAntony Blinken\tAnthony Blinken\n", encoding="utf-8")
    session = Session(tmp_path)
    broken, new = session.profile(str(tmp_path / "a.txt"))
    assert new and broken.error and "variantz" in broken.error
    assert session.profile(str(tmp_path / "a.txt")) == (broken, False)  # unchanged: kept, not rebuilt
    names.write_text("term\tvariants\nAntony Blinken\tAnthony Blinken\n", encoding="utf-8")
    os.utime(names, ns=(names.stat().st_atime_ns, names.stat().st_mtime_ns + 10**9))
    mended, new = session.profile(str(tmp_path / "a.txt"))
    assert new and mended.error is None and mended.config.glossaries == (str(names),)


def test_a_settings_file_changed_while_it_was_read_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A settings file saved between its read and its stat: the profile was kept under the new file's
    time with the old file's settings, and every later check used them (the intermittent failure of
    test_config_reload_and_glossary_action). The stat is now taken between two reads that agree."""
    from mtfix.lsp import workspace

    (tmp_path / ".git").mkdir()
    toml = tmp_path / "mtfix.toml"
    toml.write_text('ignore = ["MTF120"]\n', encoding="utf-8")
    real = workspace.load_config_file
    saves = ['ignore = ["MTF120", "MTF105"]\n']

    def saved_meanwhile(path: Path):  # the editor saves the file just after mtfix has read it
        loaded = real(path)
        if saves:
            toml.write_text(saves.pop(), encoding="utf-8")
        return loaded

    monkeypatch.setattr(workspace, "load_config_file", saved_meanwhile)
    session = workspace.Session(tmp_path)
    first, _ = session.profile(str(tmp_path / "a.txt"))
    again, _ = session.profile(str(tmp_path / "a.txt"))
    assert set(again.config.ignore) == {"MTF120", "MTF105"}, (first.config.ignore, again.config.ignore)


def test_a_glossary_filled_while_it_was_read_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A glossary given its first entry (the "add to the glossary" action) between the test for entries
    and its stat: the profile was kept without the glossary under the glossary's new time."""
    from mtfix.lsp import workspace

    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text('glossaries = ["names.tsv"]\n', encoding="utf-8")
    names = tmp_path / "names.tsv"
    names.write_text("term\tvariants\n", encoding="utf-8")
    real = workspace._no_entries
    fills = ["term\tvariants\nAntony Blinken\tAnthony Blinken\n"]

    def filled_meanwhile(path: str) -> bool:
        empty = real(path)
        if fills:
            names.write_text(fills.pop(), encoding="utf-8")
        return empty

    monkeypatch.setattr(workspace, "_no_entries", filled_meanwhile)
    session = workspace.Session(tmp_path)
    first, _ = session.profile(str(tmp_path / "a.txt"))
    assert first.empty  # read empty
    again, _ = session.profile(str(tmp_path / "a.txt"))
    assert again.config.glossaries == (str(names),) and not again.empty


def test_a_glossary_being_read_is_a_file_the_session_uses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A glossary saved while the profile that names it is built (before any document's check is done): its
    didSave must re-check, so the session counts it among its files from before its read."""
    from mtfix.lsp import workspace

    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text('glossaries = ["names.tsv"]\n', encoding="utf-8")
    names = tmp_path / "names.tsv"
    names.write_text("term\tvariants\nAntony Blinken\tAnthony Blinken\n", encoding="utf-8")
    session = workspace.Session(tmp_path)
    seen: list[set[str]] = []
    real = workspace._no_entries
    monkeypatch.setattr(workspace, "_no_entries", lambda path: (seen.append(session.files()), real(path))[1])
    session.profile(str(tmp_path / "a.txt"))
    assert seen and str(names) in seen[0]  # while it is read
    assert str(names) in session.files()  # and once the profile is kept


def test_the_first_folder_removed_while_an_untitled_document_is_checked(tmp_path: Path) -> None:
    """The check thread read the workspace folders twice (is there one? the first): removed in between (the
    event loop took the editor's change), the check failed with IndexError, said to the user."""
    from mtfix.lsp.server import MtfixLanguageServer

    (tmp_path / ".git").mkdir()

    class Server(MtfixLanguageServer):
        reads = 0

        @property
        def roots(self) -> list[Path]:  # the folder is removed after the first read
            self.reads += 1
            return [tmp_path] if self.reads == 1 else []

        @roots.setter
        def roots(self, value: list[Path]) -> None:
            pass

    profile, _ = Server(grammar="off").profile_for(None)
    assert profile.error is None


def test_a_grammar_pass_whose_languagetool_was_replaced_meanwhile_is_dropped_quietly(tmp_path: Path) -> None:
    """The settings changed (another LanguageTool language) while one document's grammar pass ran: the next
    check of another document started LanguageTool again and closed the one in use, and the pass failed with
    "LanguageTool pass failed" shown to the user.  The document is checked again under the new settings."""
    import asyncio

    from mtfix.config import Config
    from mtfix.lsp.server import DocState, MtfixLanguageServer
    from mtfix.lsp.workspace import Profile
    from mtfix.model import BaseChecker

    ls = MtfixLanguageServer(grammar="off")
    said: list[str] = []
    ls.message = lambda text, kind=None, again=False: said.append(text)  # type: ignore[method-assign]

    class Closed(BaseChecker):
        name = "grammar"

        def check(self, doc, annotations=None):  # closed meanwhile, for the new settings' LanguageTool
            ls.grammar.checker = None
            raise ConnectionError("the LanguageTool server closed the connection")

    closed = Closed()
    ls.grammar.want = lambda config: closed  # type: ignore[method-assign]
    text = "The talks went on.\n"
    state = DocState("file:///w/a.txt", 1, text, "text", "/w/a.txt", LineIndex(text), Profile(Config(grammar="off"), None, ()))
    try:
        asyncio.run(ls._grammar_pass(state))
    finally:
        ls.close()
    assert said == []


def test_fix_titles_show_a_change_of_spaces() -> None:
    """A fix that only removes a space said "fix MTF111: '' → ''"; the title now shows the words around it."""
    from mtfix.config import Config
    from mtfix.lsp.actions import fix_action
    from mtfix.pipeline import Pipeline

    text = "The minister said that , prices of oilgas rose and the the talks went on.\n"
    idx = LineIndex(text)
    titles = {f.code: fix_action(f, "file:///a.txt", 1, text, idx, None, False).title
              for f in Pipeline(Config(grammar="off")).check(text).findings if f.edits}
    assert titles["MTF111"] == "mtfix: fix MTF111: 'that ,' → 'that,'"
    assert titles["MTF105"] == "mtfix: fix MTF105: 'the the' → 'the'"
    assert titles["MTF206"] == "mtfix: fix MTF206: 'oilgas' → 'oil and gas'"


def test_a_glossary_not_created_yet_is_the_actions_target(tmp_path: Path) -> None:
    """mtfix.toml may name a glossary the "add to the glossary" action is to create: the workspace
    is checked without it (a warning says so), not with the defaults, and the action targets it."""
    from mtfix.lsp.server import _glossary_target
    from mtfix.lsp.workspace import Session

    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text('glossaries = ["names.tsv"]\nselect = ["MTF1"]\n', encoding="utf-8")
    session = Session(tmp_path)
    prof, _ = session.profile(str(tmp_path / "a.txt"))
    assert prof.error is None and prof.config.select == ("MTF1",)  # the workspace's settings, not the defaults
    assert "names.tsv does not exist yet" in (prof.warning or "")
    assert _glossary_target(prof) == str(tmp_path / "names.tsv")
    (tmp_path / "names.tsv").write_text("term\tvariants\nAntony Blinken\tAnthony Blinken\n", encoding="utf-8")
    created, new = session.profile(str(tmp_path / "a.txt"))  # watched: creating it rebuilds the profile
    assert new and created.warning is None and created.config.glossaries == (str(tmp_path / "names.tsv"),)


def test_a_glossary_without_entries_yet_is_the_actions_target_as_one_not_created_yet(tmp_path: Path) -> None:
    """A glossary without entries is an error on the command line (session 19); in the editor it is what a
    glossary not created yet is: the workspace is checked without it (a warning says so, not the defaults), and
    the "add to the glossary" action fills it."""
    from mtfix.lsp.server import _glossary_target
    from mtfix.lsp.workspace import Session

    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text('glossaries = ["names.tsv"]\nselect = ["MTF1"]\n', encoding="utf-8")
    (tmp_path / "names.tsv").write_text("term\tvariants\n", encoding="utf-8")
    session = Session(tmp_path)
    prof, _ = session.profile(str(tmp_path / "a.txt"))
    assert prof.error is None and prof.config.select == ("MTF1",), prof.error
    assert "names.tsv has no entries yet" in (prof.warning or ""), prof.warning
    assert _glossary_target(prof) == str(tmp_path / "names.tsv")
    (tmp_path / "names.tsv").write_text("term\tvariants\nAntony Blinken\tAnthony Blinken\n", encoding="utf-8")
    filled, new = session.profile(str(tmp_path / "a.txt"))
    assert new and filled.warning is None and filled.config.glossaries == (str(tmp_path / "names.tsv"),)


def test_the_negotiated_position_encoding_is_read_by_its_value() -> None:
    from pygls.workspace import Workspace

    from mtfix.lsp.server import create_server

    server = create_server()
    for kind, expected in ((types.PositionEncodingKind.Utf8, "utf-8"), ("utf-32", "utf-32"),
                           (types.PositionEncodingKind.Utf16, "utf-16")):
        server.protocol._workspace = Workspace(None, position_encoding=kind)
        assert server.encoding == expected


@pytest.mark.parametrize("value", [float("inf"), float("nan")])
def test_debounce_that_is_not_a_finite_number_is_refused(value: float) -> None:
    """``debounce-ms = inf`` (TOML has it) left every change unchecked for ever; nan was taken too."""
    from typer.testing import CliRunner

    from mtfix.cli import app
    from mtfix.config import Config, config_from_mapping
    from mtfix.errors import ConfigError
    from mtfix.lsp.workspace import Profile

    with pytest.raises(ConfigError, match="debounce-ms must be a number of milliseconds"):
        config_from_mapping({"server": {"debounce-ms": value}}, "m")
    bad = Profile(Config(extra={"server": {"debounce-ms": value}}), None, ())
    assert "debounce-ms must be a number of milliseconds" in (bad.warning or "") and bad.debounce == 0.05
    r = CliRunner().invoke(app, ["server", "--debounce-ms", str(value)])
    assert r.exit_code == 2 and "--debounce-ms must be a number of milliseconds" in r.output, r.output


def test_workspace_jobs_never_fork_the_server(tmp_path):
    """``jobs = 0`` in mtfix.toml (the detector's work on a long document shared among worker processes)
    does not reach the language server, whose threads must not fork: its profiles check in one process."""
    from mtfix.garble.checker import GarbleChecker
    from mtfix.lsp.workspace import Session

    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text('jobs = 0\nselect = ["MTF1", "MTF4"]\n', encoding="utf-8")
    prof, _ = Session(tmp_path).profile(str(tmp_path / "a.txt"))
    assert prof.error is None and prof.config.select == ("MTF1", "MTF4") and prof.config.jobs == 1
    assert [c.jobs for c in prof.fast.checkers if isinstance(c, GarbleChecker)] in ([1], [])


# -- fix-all: the edits fix applied, composed over its passes (session 18) ------------------------
@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "bb", " ", ",", "\n", "\r\n", "\r", "😀"]), min_size=0, max_size=30),
       st.data())
def test_fix_edits_compose_the_passes_into_small_ordered_edits(parts: list[str], data: st.DataObject) -> None:
    """Up to three passes of random non-overlapping edits (as ``fix`` applies them, each against the text
    the pass before left) become TextEdits against the original: they give the final text, are in
    document order, never overlap, never cut a CRLF, and there are no more of them than edits applied."""
    from mtfix.lsp.actions import fix_edits
    from mtfix.model import Edit, FixSafety
    from mtfix.repair import apply_edit_groups

    original = text = "".join(parts)
    passes = []
    for _ in range(data.draw(st.integers(1, 3))):
        edits = []
        for _ in range(data.draw(st.integers(0, 4))):
            a = data.draw(st.integers(0, len(text)))
            b = data.draw(st.integers(a, min(len(text), a + 3)))
            new = data.draw(st.sampled_from(["", "x", " ", "\n", "😀", text[a:b] + "y"]))
            edits.append((Edit(a, b, new, text[a:b], "MTF000", "r", FixSafety.SAFE),))
        done = apply_edit_groups(text, edits)
        passes.append(done.applied)
        text = done.text
    idx = LineIndex(original)
    out = fix_edits(original, passes, text, idx)
    assert apply(original, out) == text
    spans = [(idx.offset(e.range.start.line, e.range.start.character),
              idx.offset(e.range.end.line, e.range.end.character)) for e in out]
    assert spans == sorted(spans) and all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:], strict=False))
    assert len(out) <= sum(len(p) for p in passes)
    for e in out:  # no range ends between a CR and its LF
        for pos in (e.range.start, e.range.end):
            off = idx.offset(pos.line, pos.character)
            assert not (0 < off < len(original) and original[off - 1] == "\r" and original[off] == "\n")


def test_fix_edits_of_a_real_fix_on_a_long_line_are_one_per_fix() -> None:
    """``mtfix fix``'s own passes on a 2,600-word line: one small edit per applied fix, no diff."""
    from mtfix.config import Config
    from mtfix.lsp.actions import fix_edits
    from mtfix.pipeline import Pipeline

    text = "The the talks went on 😀 and on, said the minister that , prices rose.\r\n" * 2 + \
        "The the talks went on 😀 and on, said the minister that , prices rose. " * 200
    result = Pipeline(Config(grammar="off")).fix(text)
    idx = LineIndex(text)
    out = fix_edits(text, [p.edits for p in result.log.passes], result.text, idx)
    assert apply(text, out) == result.text
    assert len(out) == 2 * 202 and max(len(e.new_text) for e in out) <= 5


def test_the_server_never_reaches_the_process_warm_up(tmp_path, monkeypatch):
    """``mtfix.parallel.warm_up`` (and forking) is reached only with ``jobs`` above 1; the server's profiles force 1
    (whatever mtfix.toml says), so its check threads (fast pass, LanguageTool pass, fix-all) never call it: checked
    on a document long enough to spread, with the thresholds at zero, in two threads at once. The control: the
    same document with ``jobs = 2`` does reach it."""
    import threading

    from mtfix import parallel, segment
    from mtfix.config import Config
    from mtfix.garble import checker as garble
    from mtfix.lsp.workspace import Session, build_document
    from mtfix.pipeline import Pipeline

    calls: list[str] = []
    monkeypatch.setattr(segment, "SPREAD_MIN_CHARS", 0)
    monkeypatch.setattr(garble, "SPREAD_MIN_SENTENCES", 2)
    monkeypatch.setattr(parallel, "warm_up", lambda: calls.append("warm_up"))
    monkeypatch.setattr(parallel, "can_fork", lambda: (calls.append("can_fork"), False)[1])
    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text("jobs = 0\n", encoding="utf-8")
    text = "".join(f"Talks number {i} went on and on.\n\nThe the prices rose , said he.\n\n" for i in range(60))
    prof, _ = Session(tmp_path).profile(str(tmp_path / "a.txt"))
    errors: list[BaseException] = []

    def work() -> None:
        try:
            prof.fast.check(build_document(text, str(tmp_path / "a.txt"), "text"))
            prof.fast.fix(build_document(text, str(tmp_path / "a.txt"), "text"), unsafe=False)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors and calls == []
    Pipeline(Config(grammar="off", jobs=2)).check(text)
    assert calls  # the control: jobs 2 asks whether it can fork (and would warm up)


def test_a_settings_file_still_changing_when_read_stays_watched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Session 20 review: a settings file (or the one it extends) that changed between each of the reads
    gave the profile a key of no file at all: its next save was not a file the session used (no re-check)."""
    from mtfix.lsp import workspace

    (tmp_path / ".git").mkdir()
    (tmp_path / "base.toml").write_text('ignore = ["MTF101"]\n', encoding="utf-8")
    (tmp_path / "mtfix.toml").write_text('extend = "base.toml"\n', encoding="utf-8")
    real, calls = workspace.load_config_file, []

    def still_changing(path: Path):  # each read sees a newer save
        calls.append(path)
        loaded = real(path)
        loaded.config = loaded.config.with_overrides(ignore=[f"MTF{100 + len(calls)}"])
        return loaded

    monkeypatch.setattr(workspace, "load_config_file", still_changing)
    session = workspace.Session(tmp_path)
    first, _ = session.profile(str(tmp_path / "a.txt"))
    assert {str(tmp_path / "mtfix.toml"), str(tmp_path / "base.toml")} <= session.files()
    again, new = session.profile(str(tmp_path / "a.txt"))
    assert new and again is not first  # read again at the next check


def test_a_settings_file_extended_is_a_file_the_session_uses_while_it_builds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Session 20 review: the glossaries and packs being read counted as the session's files before the
    profile was kept, the settings file it extends did not (its save during the first check was missed)."""
    from mtfix.lsp import workspace

    (tmp_path / ".git").mkdir()
    (tmp_path / "base.toml").write_text('glossaries = ["names.tsv"]\n', encoding="utf-8")
    (tmp_path / "mtfix.toml").write_text('extend = "base.toml"\n', encoding="utf-8")
    (tmp_path / "names.tsv").write_text("term\tvariants\nAntony Blinken\tAnthony Blinken\n", encoding="utf-8")
    session = workspace.Session(tmp_path)
    seen: list[set[str]] = []
    real = workspace._no_entries
    monkeypatch.setattr(workspace, "_no_entries", lambda path: (seen.append(session.files()), real(path))[1])
    session.profile(str(tmp_path / "a.txt"))
    assert seen and str(tmp_path / "base.toml") in seen[0]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \r\n\u2028\x0c\x85é😀𝐀")), max_size=30), st.data(),
       st.sampled_from(["utf-16", "utf-8", "utf-32"]))
def test_an_incremental_change_lands_where_the_editor_made_it(text: str, data, encoding: str) -> None:
    """An incremental ``didChange`` (session 24): a range given by LSP's lines (not U+2028, a form feed or U+0085)
    and code units of the negotiated encoding replaces exactly those characters (never half a CRLF)."""
    bounds = [i for i in range(len(text) + 1) if not (0 < i < len(text) and text[i - 1] == "\r" and text[i] == "\n")]
    a = data.draw(st.sampled_from(bounds))
    b = data.draw(st.sampled_from([i for i in bounds if i >= a]))
    idx = LineIndex(text, encoding)
    assert apply_change(text, idx.position(a), idx.position(b), "X😀\r\n", encoding) == text[:a] + "X😀\r\n" + text[b:]
