"""Markdown: only prose is checked and fixed; code, URLs, HTML, front matter
and table syntax come out byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.files import fix_input
from mtfix.formats.markdown import MarkdownFormat, prose_spans
from mtfix.io.inputs import Input

PHRASE = "It simply came to our notice then that,"

ARTICLE = f"""---
title: "{PHRASE} a draft"
tags: [energy, oilgas]
---

# Talks in Tbilisi

{PHRASE} the foreign ministers met in Tbilisi on Monday. Secretary Bilnken arrived late.
Read [the briefing](https://example.org/briefings/Bilnken-tbilisi-visit) or
[the archive](/archive/Bilnken-2024 "Bilnken archive") and <https://example.org/oilgas-report>.

```text
{PHRASE} this fenced block is a quotation of raw output and stays as it is.
```

    {PHRASE} so does this indented block.

Inline code `{PHRASE} x` stays too, and <span title="oilgas">so does markup</span>.
<!-- {PHRASE} a comment -->

| Country | Note |
|---------|------|
| Georgia | prices of oilgas rose |
"""


def _must_hold(out: str) -> None:
    assert out.count(PHRASE) == ARTICLE.count(PHRASE) - 1  # only the prose one went
    assert "The foreign ministers met in Tbilisi on Monday." in out
    assert f"```text\n{PHRASE} this fenced block" in out
    assert f"    {PHRASE} so does this indented block." in out
    assert f"`{PHRASE} x`" in out
    assert f"<!-- {PHRASE} a comment -->" in out
    assert f'title: "{PHRASE} a draft"' in out
    assert "https://example.org/briefings/Bilnken-tbilisi-visit" in out
    assert '(/archive/Bilnken-2024 "Bilnken archive")' in out
    assert "<https://example.org/oilgas-report>" in out
    assert '<span title="oilgas">' in out
    assert "tags: [energy, oilgas]" in out
    assert "Secretary Blinken arrived late." in out  # the glossary repairs the prose
    assert "| Georgia | prices of oil and gas rose |" in out  # cell text is prose, pipes kept


def test_fix_through_the_cli_touches_only_prose(tmp_path: Path):
    path = tmp_path / "talks.md"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["fix", "--grammar", "off", str(path)])
    assert result.exit_code == 0, result.output
    out = path.read_text(encoding="utf-8")
    _must_hold(out)
    # everything outside the edits is byte-identical: undo the three repairs and compare
    undone = (
        out.replace("The foreign ministers", f"{PHRASE} the foreign ministers")
        .replace("Secretary Blinken", "Secretary Bilnken")
        .replace("prices of oil and gas rose", "prices of oilgas rose")
    )
    assert undone == ARTICLE
    second = CliRunner().invoke(app, ["fix", "--grammar", "off", str(path)])
    assert second.exit_code == 0 and path.read_text(encoding="utf-8") == out  # idempotent


def test_fix_input_library_path_keeps_bom_and_crlf(pipeline):
    raw = ("\ufeff" + ARTICLE.replace("\n", "\r\n")).encode("utf-8")
    result = fix_input(pipeline, Input("talks.md", raw))
    assert result.format == "markdown"
    assert result.output.startswith(b"\xef\xbb\xbf")
    out = result.output.decode("utf-8-sig")
    assert "\r\n" in out and "\n" not in out.replace("\r\n", "")
    _must_hold(out.replace("\r\n", "\n"))


def test_check_reports_lines_of_the_original_file(tmp_path: Path):
    path = tmp_path / "talks.md"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--grammar", "off", "--format", "json", str(path)])
    import json

    findings = json.loads(result.stdout)["files"][0]["findings"]
    lines = ARTICLE.split("\n")
    for f in findings:
        assert ARTICLE[f["start"] : f["end"]] == f["text"]
        line = lines[f["line"] - 1]
        assert line[f["col"] - 1 :].startswith(f["text"].split("\n")[0])
    hallucinated = [f for f in findings if f["code"] == "MTF101"]
    assert [f["line"] for f in hallucinated] == [8]  # 4 lines of front matter, a blank, the heading, a blank


def _spans(text: str):
    regions, protected = prose_spans(text)
    return [text[r.start : r.end] for r in regions], [text[p.start : p.end] for p in protected]


@pytest.mark.parametrize(
    ("text", "regions", "protected"),
    [
        ("Plain *em* and **strong**.\n", ["Plain *em* and **strong**."], ["*", "*", "**", "**"]),
        ("## Heading ##\n", ["Heading"], ["##", "##"]),
        ("Setext\n======\n", ["Setext"], ["======"]),
        ("> quoted\n> more `x`\n", ["quoted\n> more `x`"], [">", "> ", "`x`"]),
        ("- item [a](u)\n  cont\n", ["item [a](u)\n  cont"], ["-", "[", "](u)"]),
        ("a \\* &amp; b\n", ["a \\* &amp; b"], ["\\*", "&amp;"]),
        ("| a | b \\| c |\n|---|---|\n| `x` | y |\n", ["a", "b \\| c", "`x`", "y"], ["|", "|", "|\n|---|---|\n|", "`x`", "|", "|"]),
        ("![alt text](img.png) after\n", ["![alt text](img.png) after"], ["![alt text](img.png)"]),
        ("[ref] text\n\n[ref]: https://x.org\n", ["[ref] text"], ["[", "]", "[ref]: https://x.org"]),
        # an HTML block is read as a page is since session 43 (re-landed in 44): its text is prose, its tags protected
        ("<div>\nblock html\n</div>\n\nprose\n", ["block html", "prose"], ["<div>", "</div>"]),
        ("+++\ntitle = 'x'\n+++\nprose\n", ["prose"], ["+++\ntitle = 'x'\n+++"]),
        ("tab\n\tindented continuation\n", ["tab\n\tindented continuation"], []),
        # the spaces of a hard line break are markup: removing them joins the lines
        ("late  \nand then\\\nend\n", ["late  \nand then\\\nend"], ["  \n", "\\\n"]),
        ("> a b  \r\n> c d\r\n", ["a b  \r\n> c d"], [">", "  \r\n> "]),
        # TeX math is a formula, not prose ("a a" is a product); dollars for money stay prose
        ("Sets $A , B$ and $$\nf = a a\n$$ end.\n", ["Sets $A , B$ and $$\nf = a a\n$$ end."],
         ["$A , B$", "$$\nf = a a\n$$"]),
        ("Prices rose from $5 to $6 , and US$7 too.\n", ["Prices rose from $5 to $6 , and US$7 too."], []),
        # a table in a block quote: its cells are prose too (they were protected whole)
        ("> | a | b |\n> |---|---|\n> | c d | `x` |\n", ["a", "b", "c d", "`x`"],
         ["> |", "|", "|\n> |---|---|\n> |", "|", "`x`", "|"]),
        # a byte order mark an editor sends along (the LSP): front matter and headings still read as such
        ("\ufeff---\ntitle: x y\n---\nprose\n", ["prose"], ["\ufeff---\ntitle: x y\n---"]),
        ("\ufeff# Heading\n\nprose\n", ["Heading", "prose"], ["\ufeff#"]),
    ],
)
def test_regions_and_protected_spans(text, regions, protected):
    assert _spans(text) == (regions, protected)


# -- property: what is generated as code, URL or markup is always protected, prose never -------------

_WORDS = st.sampled_from(["snow", "The", "talks", "oilgas", "ended", "Baku", "and", "There", "were", "prices"])
_prose = st.lists(_WORDS, min_size=1, max_size=6).map(" ".join)


@st.composite
def _document(draw):
    """Markdown built from blocks whose protected parts are known."""
    parts: list[str] = []
    secret: list[str] = []  # must be protected
    plain: list[str] = []  # must be prose
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["para", "code", "fence", "link", "html", "table", "qtable", "quote", "list",
                                     "math"]))
        words = draw(_prose)
        token = f"zq{len(parts)}x"  # a unique marker word
        if kind == "para":
            parts.append(f"{words} {token}.")
            plain.append(token)
        elif kind == "code":
            parts.append(f"{words} `{token} code` end.")
            secret.append(f"{token} code")
        elif kind == "fence":
            parts.append(f"```\n{words} {token}\n```")
            secret.append(token)
        elif kind == "link":
            parts.append(f"See [{words}](https://example.org/{token}) now.")
            secret.append(f"https://example.org/{token}")
        elif kind == "html":
            parts.append(f'{words} <b class="{token}">bold</b>.')
            secret.append(f'<b class="{token}">')
        elif kind == "table":
            parts.append(f"| h1 | h2 |\n|----|----|\n| {words} | {token} |")
            plain.append(token)
        elif kind == "qtable":
            parts.append(f"> | h1 | h2 |\n> |----|----|\n> | {words} | {token} |")
            plain.append(token)
        elif kind == "math":
            parts.append(f"{words} $x_{{{token}}} , y$ and $$\n{token}q a a\n$$ end.")
            secret.extend([f"$x_{{{token}}} , y$", f"{token}q a a"])
        elif kind == "quote":
            parts.append(f"> {words}\n> {token} again")
            plain.append(token)
        else:
            parts.append(f"- {words}\n- {token} item")
            plain.append(token)
    text = "\n\n".join(parts) + "\n"
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text, secret, plain


def _covered(spans, start: int, end: int) -> bool:
    return any(s.start <= start and end <= s.end for s in spans)


def _touched(spans, start: int, end: int) -> bool:
    return any(s.start < end and start < s.end for s in spans)


@settings(max_examples=150, deadline=None)
@given(_document())
def test_generated_documents_protect_exactly_what_they_should(doc):
    text, secret, plain = doc
    regions, protected = prose_spans(text)
    for span in [*regions, *protected]:
        assert 0 <= span.start <= span.end <= len(text)
    for s in secret:
        at = text.index(s)
        assert _covered(protected, at, at + len(s)), (s, text)
    for p in plain:
        at = text.index(p)
        assert _covered(regions, at, at + len(p)) and not _touched(protected, at, at + len(p)), (p, text)


def test_units_come_from_the_format_registry():
    container = MarkdownFormat().load(b"# T\n\nText.\n", "a.md", {})
    assert container.render({}) == b"# T\n\nText.\n"
    assert container.render({0: "# T\n\nMore text.\n"}) == b"# T\n\nMore text.\n"


def test_a_directive_quoted_in_code_is_an_example_not_a_directive(pipeline):
    """A README showing how to silence mtfix must not silence it: only a directive outside
    code counts (fenced and indented blocks, inline code spans)."""
    text = (
        "To silence a rule in a whole file:\n\n"
        "```markdown\n<!-- mtfix-ignore-file: MTF105 -->\n```\n\n"
        "    <!-- mtfix-ignore-file: MTF105 -->\n\n"
        "On one line: `The the talks <!-- mtfix-ignore: MTF105 -->`\n"
        "The talks about the the border went on.\n\n"
        "The the talks ended. <!-- mtfix-ignore: MTF105 -->\n"
    )
    from mtfix.files import check_input
    from mtfix.lsp.workspace import build_document

    found = check_input(pipeline, Input("readme.md", text.encode())).findings
    repeated = [f.start for f in found if f.code == "MTF105"]
    assert repeated == [text.index(" the border")]  # the real directive on the last line still counts
    lsp = pipeline.check(build_document(text, "readme.md", "markdown")).findings
    assert [f.start for f in lsp if f.code == "MTF105"] == repeated
    fixed = fix_input(pipeline, Input("readme.md", text.encode())).output.decode()
    assert fixed == text.replace("about the the border", "about the border")


def test_fix_leaves_tex_math_alone(pipeline):
    text = "The sets $A , B$ differ, and the the rule holds:\n\n$$\ny = a a , \\quad a \\in A\n$$\n"
    fixed = fix_input(pipeline, Input("notes.md", text.encode())).output.decode()
    assert fixed == text.replace("and the the rule", "and the rule")


@pytest.mark.parametrize(("text", "headings"), [
    ("# Talks in Baku #\n\nThey met.\n", ["Talks in Baku"]),
    ("Talks in\nBaku\n===\n\nThey met.\n", ["Talks in\nBaku"]),
    ("- # Talks in Baku\n- They met.\n", ["Talks in Baku"]),
    ("> ## Talks in Baku\n>\n> They met.\n", ["Talks in Baku"]),
    ("1. Talks\n   ---\n", ["Talks"]),
    ("---\ntitle: Talks\n---\nThey met.\n---\n", ["They met."]),  # setext after front matter
    ("> They met.\n---\n", []),  # a thematic break: an underline is never a lazy continuation line
    ("- They met.\n---\n", []),
    ("They met.\n\n```\n# not a heading\n```\n", []),
    ("They met.\n    # still the paragraph\n", []),  # a continuation line, indented four
    ("<h2>Talks in Baku</h2>\n\nThey met.\n", ["Talks in Baku"]),  # an HTML block, read as a page is (session 43)
    ("\ufeff# Talks\n", ["Talks"]),
])
def test_headings_are_the_parser_s(text: str, headings: list[str]) -> None:
    from mtfix.formats.markdown import markdown_spans

    spans = markdown_spans(text)
    assert [text[h.start:h.end] for h in spans.headings] == headings
    assert all(h in spans.regions for h in spans.headings)


def _segments(text: str) -> list[str]:
    from mtfix.files import unit_document

    doc = unit_document(MarkdownFormat().load(text.encode(), "a.md", {}).units[0], "a.md")
    return [s.text(doc) for s in doc.segments]


PARAGRAPH = "The council met on\n{p}Monday. It approved the plan\n{p}and the budget.\n"


@pytest.mark.parametrize("prefix", ["> ", "> > ", ">", " >  "])
def test_a_quoted_paragraph_is_segmented_as_the_same_paragraph_unquoted(prefix: str) -> None:
    # the continuation lines' quote markers were read as text: "> Monday." was a sentence
    quoted = _segments(prefix + PARAGRAPH.format(p=prefix))
    plain = _segments(PARAGRAPH.format(p=""))
    assert [" ".join(s.split()) for s in quoted] == [" ".join(s.split()) for s in plain]
    assert [" ".join(s.split()) for s in quoted] == ["The council met on Monday.", "It approved the plan and the budget."]


def test_a_soft_line_break_is_a_space_and_a_hard_one_ends_the_line() -> None:
    # a wrapped Markdown paragraph was split at each line break before a capital
    assert _segments("We met the Minister of\nForeign Affairs. He left.\n") == [
        "We met the Minister of\nForeign Affairs.", "He left."]
    assert _segments("Flat 4  \nStation Road\n") == ["Flat 4", "Station Road"]


@pytest.mark.parametrize("text", [
    "- > A quote in a list\n  > item. Another one\n  > follows here.\n",  # a quote in a list item
    "> A lazy line follows\nthe marker. It ends\n> here.\n",  # a lazy continuation line
    "> > A nested quote\n> > goes on\n> > and on. Then it ends.\n",
    "> It wraps\n> without a sentence end\n> anywhere\n",
])
def test_no_segment_starts_with_or_holds_a_quote_marker(text: str) -> None:
    segments = _segments(text)
    assert segments and not any(">" in s for s in segments), segments
    words = " ".join(segments).split()
    assert words == [w for w in text.split() if w not in ("-", ">")]


@pytest.mark.parametrize("raw", [b"We met late  \nand then left.\n", b"We met late\\\nand then left.\n",
                                 b"> We met late  \r\n> and then left.\r\n"])
def test_a_hard_break_reads_as_a_space_in_the_prose_a_reference_is_compared_with(raw: bytes):
    """Until session 13 the protected break was dropped whole: "lateand" was compared with the reference."""
    assert MarkdownFormat().load(raw, "a.md", {}).units[0].prose() == "We met late and then left."
