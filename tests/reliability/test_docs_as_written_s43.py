"""Docs run as written, round 23 (session 43): README's set-up and the paragraphs session 43's review changes touch
(the review page's Kind boxes, the kind in a diagnostic's ``data``), rule-packs.md's own pack, library.md's
examples and formats.md's settings keys walked as a new user.

Each test holds a page's claim as the page writes it (bench/RESULTS.md, "Session 43: the docs run as written,
round 23")."""

from __future__ import annotations

import re
from pathlib import Path

from mtfix.lsp.diagnostics import to_diagnostics
from mtfix.lsp.positions import LineIndex
from mtfix.model import KIND_TITLES
from tests.cli_runner import run_mtfix

ROOT = Path(__file__).resolve().parents[2]


def _page(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def _flat(name: str) -> str:
    return " ".join(_page(name).split())


# -- formats.md, "The text, source and id fields in the settings file": --show-settings as the page quotes it ---

def test_formats_page_show_settings_line_is_what_the_command_prints(tmp_path: Path) -> None:
    """The page quoted ``text-field = "body"  # command line (over mtfix.toml:1)``; the command names the settings
    file by its full path, as the page's next quoted message (``/repo/mtfix.toml:1``) does."""
    page = _page("docs/formats.md")
    start = page.index("## The text, source and id fields in the settings file")
    part = page[start:start + 2500]
    toml = re.search(r"```toml\n(.*?)```", part, re.S)
    quoted = re.search(r'`(text-field = "body"  # command line \(over ([^`)]+)\))`', " ".join(part.split("\n")))
    assert toml and quoted, "the page's block or its quoted line is gone"
    (tmp_path / "mtfix.toml").write_text(toml.group(1), encoding="utf-8")
    (tmp_path / "b.csv").write_text("id,target,source\n1,The the river rose.,x\n", encoding="utf-8")
    r = run_mtfix("check", "--text-field", "body", "--show-settings", "b.csv", cwd=tmp_path)
    assert r.rc == 0 and not r.traceback, r.stderr
    expected = quoted.group(1).replace("/repo/", f"{tmp_path.resolve()}/")
    assert expected in r.stdout, (expected, [ln for ln in r.stdout.splitlines() if "field" in ln])


# -- README, "Reviewing in the browser": the Kind filter as session 43 left it -----------------------------------

def test_readme_review_paragraph_says_several_kinds_show_at_once() -> None:
    """README said the kinds were "one click each" (session 42's radio buttons); since session 43 each kind is a box,
    all ticked as the page opens, with an "only" button: the page the report writes has exactly that."""
    readme = _flat("README.md")
    start = readme.index("### Reviewing in the browser")
    paragraph = readme[start:readme.index("Export decisions", start)]
    assert "several show at once" in paragraph and "**only** button" in paragraph, paragraph[:600]
    template = _page("mtfix/review/templates/report.html.j2")
    kinds = template[template.index('<fieldset id="f-kind"'):template.index("</fieldset>", template.index('id="f-kind"'))]
    assert 'type="checkbox" name="kind"' in kinds and 'class="only-kind"' in kinds and "checked" in kinds
    assert 'type="radio"' not in kinds


# -- README, "In the editor": the kind in a diagnostic's data -------------------------------------------------

def test_readme_editor_paragraph_names_the_kind_in_data_and_the_server_sends_it() -> None:
    """Session 43 put each finding's kind into its diagnostic's ``data``; README's editor paragraph named the
    kind only as a key of ``diagnostic-severity``.  It says so now, and the server's diagnostics carry it."""
    readme = _flat("README.md")
    start = readme.index("### In the editor")
    paragraph = readme[start:readme.index("### Rules are data", start)]
    assert "kind also travels in each diagnostic's `data`" in paragraph, paragraph[:800]
    import mtfix

    text = "The the river rose. Prices of oilgas rose."
    diagnostics = to_diagnostics(mtfix.check(text).findings, LineIndex(text), "file:///a.txt")
    kinds = {d.data["kind"] for d in diagnostics}
    assert kinds and kinds <= set(KIND_TITLES), kinds
