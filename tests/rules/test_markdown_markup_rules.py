"""Garbles that emphasis or a link cuts through (session 28): a rule or the glossary finds them in Markdown as in
plain text, and ``mtfix fix`` keeps the document's emphasis and links (its structure, as the project's Markdown
parser reads it, is the same before and after); a fix that would cut through markup is a suggestion only."""

from __future__ import annotations

import pytest

from mtfix.config import Config
from mtfix.files import fix_input
from mtfix.io.inputs import Input
from mtfix.pipeline import Pipeline
from mtfix.rules.markup import markdown_structure

PIPE = Pipeline(Config(grammar="off"))


def _run(name: str, text: str) -> tuple[list[tuple[str, str]], str]:
    """(code, fix safety) of each finding, and what ``mtfix fix`` writes."""
    result = fix_input(PIPE, Input(name, text.encode()))
    found = sorted((f.code, str(f.fix)) for u in result.units for f in u.check.findings)
    return found, result.output.decode()


def _structure(text: str) -> list[tuple]:
    """The document's emphasis and links as the parser reads them: the tokens, with each link's destination and
    the text inside emphasis and links (not its words: a glossary fix may change them)."""
    from mtfix.formats.markdown import markdown_parser

    out = []
    for tok in markdown_parser().parse(text, {}):
        out.append((tok.type, tok.nesting))
        for child in tok.children or ():
            if child.type != "text" or child.level > 0:
                out.append((child.type, child.level, (child.attrs or {}).get("href")))
    return out


# (plain text, the same sentence in Markdown, what `mtfix fix` writes for the Markdown)
CASES = [
    ("The talks ran late into the snowThe minister left on Monday.",
     "The talks ran late into the **snow**The minister left on Monday.",
     "The talks ran late into the **snow** The minister left on Monday."),
    ("The talks ran late into the snowThe minister left on Monday.",
     "The talks ran late into the snow*The* minister left on Monday.",
     "The talks ran late into the snow *The* minister left on Monday."),
    ("The envoys stayed in Ganja ,where the talks resumed on Friday.",
     "The envoys stayed in **Ganja** ,where the talks resumed on Friday.",
     "The envoys stayed in **Ganja**, where the talks resumed on Friday."),
    ("The envoys stayed in Ganja ,where the talks resumed on Friday.",
     "The envoys stayed in [Ganja](https://example.org/ganja) ,where the talks resumed on Friday.",
     "The envoys stayed in [Ganja](https://example.org/ganja), where the talks resumed on Friday."),
    ("The envoys stayed in Ganja ,where the talks resumed on Friday.",
     "The envoys stayed in Ganja ,*where* the talks resumed on Friday.",
     "The envoys stayed in Ganja, *where* the talks resumed on Friday."),
    ("Foreign Minister Ceyhun Bayramov opened the forum on Tuesday.",
     "Foreign Minister Ceyhun **Bayramov** opened the forum on Tuesday.",
     "Foreign Minister Jeyhun **Bayramov** opened the forum on Tuesday."),
    ("Foreign Minister Ceyhun Bayramov opened the forum on Tuesday.",
     "Foreign Minister [Ceyhun](https://example.org/fm) Bayramov opened the forum on Tuesday.",
     "Foreign Minister [Jeyhun](https://example.org/fm) Bayramov opened the forum on Tuesday."),
    ("Foreign Minister Dzheyhun Bayramov opened the forum on Tuesday.",
     "Foreign Minister *Dzheyhun* Bayramov opened the forum on Tuesday.",
     "Foreign Minister *Jeyhun* Bayramov opened the forum on Tuesday."),
    ("Grain prices fell.The bank said so on Monday.",
     "Grain prices fell.**The bank** said so on Monday.",
     "Grain prices fell. **The bank** said so on Monday."),
    ("The pipeline carries oilgas to the coast.",
     "The pipeline carries oil**gas** to the coast.",
     "The pipeline carries oil and **gas** to the coast."),
]


@pytest.mark.parametrize(("plain", "md", "fixed"), CASES)
def test_markdown_gets_the_findings_of_plain_text_and_its_fix_keeps_the_markup(plain, md, fixed) -> None:
    found_plain, out_plain = _run("a.txt", plain + "\n")
    found_md, out = _run("a.md", md + "\n")
    assert found_md == found_plain
    assert out == fixed + "\n"
    assert _structure(out) == _structure(md + "\n")  # every emphasis and link kept
    assert _run("a.md", out)[0] == _run("a.txt", out_plain)[0]  # and what is left is left in plain text too


@pytest.mark.parametrize("text", ["We read ~~the~~ the report on Monday.\n",
                                  "The talks were ~~held~~ held in Baku on Monday.\n"])
def test_a_struck_word_is_deleted_text_not_a_repetition(text: str) -> None:
    found, out = _run("a.md", text)
    assert "MTF105" not in [code for code, _ in found] and out == text


def test_a_fix_that_would_rewrite_markup_is_a_suggestion_only() -> None:
    text = "It simply came to **our notice** then that the talks went well.\n"
    found, out = _run("a.md", text)
    assert ("MTF101", "none") in found  # found as in plain text, its fix offered, not applied
    assert out == text
    result = PIPE.check(text.replace("**our notice**", "our notice"))
    assert [f.code for f in result.findings if f.edits] == ["MTF101"]  # plain text: a fix


@pytest.mark.parametrize(("text", "kept", "broken"), [
    ("the **snow**The men", "the **snow** The men", "the **snow **The men"),
    ("the snow**The** men", "the snow **The** men", "the snow** The** men"),
    ("the **snow**_The_ men", "the **snow** _The_ men", "the **snow**_ The_ men"),
    ("in [Baku](https://x.org)Then", "in [Baku](https://x.org) Then", "in [Baku ](https://x.org)Then"),
])
def test_the_structure_check_tells_a_space_outside_the_markup_from_one_inside(text, kept, broken) -> None:
    assert markdown_structure(kept) == markdown_structure(text)
    assert markdown_structure(broken) != markdown_structure(text)


CLEAN = """# Quarterly *energy* review

The **Southern Gas Corridor** carries gas from the Caspian to Europe; see the
[operator's note](https://example.org/note) and the *Annex* for the figures.

- **Exports** rose by 4% in the quarter, _mainly_ to Italy.
- The ministry's [press office](https://example.org/press) said the *new* line
  opens in **May**, and that prices stay fixed.

Press *?* for help, or type `mtfix check` in a terminal. The word *qarşı* means
"against"; **Note:** the figures are provisional, and ~~final~~ *revised* data follow.

| Field | Output |
| --- | --- |
| **Shah Deniz** | 25 bcm, *stable* |
"""


def test_clean_professional_markdown_gets_no_finding_of_a_rule_or_the_glossary() -> None:
    # (the garble detector's sentence-level MTF401/402 on this text, the same before session 28, are not this
    # check's: it reads Markdown through its own view, mtfix.garble.view)
    result = fix_input(PIPE, Input("clean.md", CLEAN.encode()))
    found = [(f.code, f.origin) for u in result.units for f in u.check.findings
             if f.origin.startswith(("rule:", "glossary:"))]
    assert found == []
    assert result.output.decode() == CLEAN
