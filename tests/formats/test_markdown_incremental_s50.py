"""Incremental Markdown parsing (session 50, :mod:`mtfix.formats.markdown_incremental`): after any edit the spans equal
a whole parse's, byte for byte; the window is used for edits that leave Markdown local, and the whole text is parsed
again for the non-local ones (a fence or HTML block opened, a reference definition, a setext underline, front matter)."""

from __future__ import annotations

import random

import pytest

from mtfix.formats.markdown import markdown_spans
from mtfix.formats.markdown_incremental import reparse, whole_parse

_NOTES = """---
title: Harbour notes
---

# The harbour reopens

The port authority said on Tuesday that the northern quay will reopen next month.
Dredging took *eleven* weeks and cost about $4 million, officials said.

Repairs went on through the winter.
Crews worked at night.

- Cranes were tested in March.
- Two berths remain closed:
  1. the grain berth;
  2. the ferry berth.

> The ministry called it "a [good start](https://example.org/a)".
> Shippers were less sure.

| Berth | Status |
|-------|--------|
| North | open   |
| South | closed |

```python
print("not prose")
```

Contact <press@example.org> or see <https://example.org/port>.

<div align="center">
The annex holds <b>old</b> maps.
</div>

Setext title
------------

    indented code here

Final words with `code` and a footnote[^1].

[^1]: The footnote text.
"""

_GUIDE = """Intro paragraph with a [reference link][ref] and an ![image](pic.png).

## Step one

Open the *settings* page and choose **Save**.

1. First item
2. Second item

   continued paragraph in the item

* * *

Text after a rule.
Another line of it.

[ref]: https://example.org/ref "Title"

<!-- a comment
over two lines -->

Closing text with $x_i$ math and a <span>tag</span>.
"""

_PLAIN = "\n\n".join(f"Paragraph {i} says the council met on day {i} and agreed.\nIt adjourned." for i in range(30)) + "\n"

_TABLE_HEAVY = "\n".join([
    "# Prices", "", "Intro line.", "",
    "| Item | Price |", "| --- | --- |", "| Tea | 3 |", "| Coffee | 4 |", "",
    "Between tables.", "",
    "Item | Note", "--- | ---", "Bread | daily", "",
    "> quoted", "lazy continuation line", "", "- a", "- b", "", "  indented after list", "",
    "Last paragraph.", "",
])

DOCUMENTS = [_NOTES, _GUIDE, _PLAIN, _TABLE_HEAVY]

#: pieces an edit types: characters, words, line breaks, and the syntax that makes Markdown non-local
PIECES = ["x", " again", "\n", "\n\n", "```", "```\n", "~~~\n", "- ", "1. ", "> ", "# ", "===", "\n===\n", "---\n",
          "[x]: https://example.org\n", "[ref]: /other\n", "[x]", "[^1]", "<div>\n", "</div>\n", "<!-- ", " -->",
          "<pre>\n", "| a | b |\n| - | - |\n", "|", "    ", "\t", "*", "`", "$", "<b>", "\\", "  \n", "[", "]", "]:"]


def _edit(rng: random.Random, text: str) -> str:
    """One random edit: a piece typed, characters or lines deleted, a line duplicated or moved."""
    choice = rng.random()
    at = rng.randrange(len(text) + 1)
    if choice < 0.45:
        return text[:at] + rng.choice(PIECES) + text[at:]
    if choice < 0.7:
        return text[:at] + text[at + rng.randint(1, 12):]
    lines = text.splitlines(keepends=True)
    if not lines:
        return rng.choice(PIECES)
    i = rng.randrange(len(lines))
    if choice < 0.8:
        return "".join(lines[:i] + lines[i + 1:])
    if choice < 0.9:
        return "".join(lines[:i] + [lines[i]] + lines[i:])
    j = rng.randrange(len(lines))
    line = lines.pop(i)
    lines.insert(j, line)
    return "".join(lines)


def _same(text: str, parsed) -> None:
    whole = markdown_spans(text)
    assert parsed.text == text
    assert parsed.spans == whole, f"incremental spans differ from a whole parse for {text!r}"


@pytest.mark.parametrize("doc", range(len(DOCUMENTS)))
def test_random_edits_equal_a_whole_parse(doc: int) -> None:
    """Hundreds of random edits in a row, each parsed from the last parse: every result equals a whole parse's (text
    offsets, kinds: regions, protected, code, headings, opaque names, glued tags), and the window is used often."""
    rng = random.Random(5000 + doc)
    windows = 0
    for _ in range(40):
        text = DOCUMENTS[doc]
        parsed = whole_parse(text)
        for _ in range(12):
            text = _edit(rng, text)
            parsed = reparse(text, parsed)
            _same(text, parsed)
            windows += parsed.incremental
    assert windows >= 100, f"the window was used for only {windows} of 480 edits"


@pytest.mark.parametrize("piece", PIECES)
def test_each_piece_typed_at_every_line_start(piece: str) -> None:
    """Every piece typed at the start and the end of every line of the notes, from the same first parse."""
    first = whole_parse(_NOTES)
    starts = [0] + [i + 1 for i, c in enumerate(_NOTES) if c == "\n"]
    for at in {*starts, *(s - 1 for s in starts if s)}:
        text = _NOTES[:at] + piece + _NOTES[at:]
        _same(text, reparse(text, first))


def test_a_typed_word_parses_only_a_window() -> None:
    first = whole_parse(_PLAIN)
    at = _PLAIN.index("adjourned.", len(_PLAIN) // 2)
    text = _PLAIN[:at] + "quickly " + _PLAIN[at:]
    parsed = reparse(text, first)
    assert parsed.incremental
    _same(text, parsed)


@pytest.mark.parametrize("typed", ["```\n", "[x]: https://example.org\n", "<pre>\n", "[^9]: a note\n"])
def test_non_local_edits_parse_the_whole_text(typed: str) -> None:
    """A fence opened runs to the end; a definition changes links anywhere; ``<pre>`` opens an HTML block to the end."""
    first = whole_parse(_PLAIN)
    at = _PLAIN.index("Paragraph 10")
    text = _PLAIN[:at] + typed + _PLAIN[at:]
    parsed = reparse(text, first)
    assert not parsed.incremental
    _same(text, parsed)


def test_a_setext_underline_after_a_paragraph() -> None:
    """``===`` typed under a paragraph's last line makes it a heading: the window takes that paragraph in."""
    first = whole_parse(_PLAIN)
    at = _PLAIN.index("\n\nParagraph 12")
    text = _PLAIN[:at] + "\n===" + _PLAIN[at:]
    parsed = reparse(text, first)
    _same(text, parsed)
    assert any(text[h.start:h.end].endswith("It adjourned.") for h in parsed.spans.headings)


def test_the_same_text_is_the_same_parse() -> None:
    first = whole_parse(_GUIDE)
    assert reparse(_GUIDE, first) is first
