"""Session 49 review (RFD): the repeat screen's copy glued to a stop ("He left.in in") is a sentence glued to its stop
only.  A file name, a dotted name, a domain, an address or a path followed by its ending ("NOTES.md md", "site.org
org") and a column of a space-aligned table ("summary.pdf    pdf") are no word written twice."""

from __future__ import annotations

import pytest

from mtfix.config import Config
from mtfix.pipeline import Pipeline
from mtfix.rules.detectors.repeat_scan import _glued_copy_sites, glued_token

PIPELINE = Pipeline(Config(grammar="off"))


def _repeats(text: str) -> list[str]:
    return [text[f.start:f.end] for f in PIPELINE.check(text).findings if f.code in ("MTF105", "MTF106")]


@pytest.mark.parametrize("text", [
    "summary.pdf    pdf\nbudget.xlsx    xlsx\n",
    "Read CHANGES.md md files first.",
    "Unpack backup.tar.gz gz first.",
    "Edit ~/.local/share/tool/prefs.json json now.",
    "Open http://example.net/help/start.html html now.",
    "Write to help@example.net net today.",
    "Go to example.org org today.",
    "Import javax.swing.JFrame jframe here.",
    "We met on Yahoo!Groups groups daily.",
    "The the plan. Read CHANGES.md md files first.",
])
def test_a_name_and_its_ending_are_no_repeat(text: str) -> None:
    assert _repeats(text) == ([" the"] if text.startswith("The the") else [])


@pytest.mark.parametrize("text", ["The ferry left.on on Monday.", "The count ended.the the hall emptied.",
                                  "It rained all night.in in the morning it cleared."])
def test_a_glued_sentence_still_finds_its_copy(text: str) -> None:
    assert len(_repeats(text)) == 1


def test_the_screen_skips_names_and_reads_sentences() -> None:
    low = ["go", "to", "example.org", "org", "read", "changes.md", "md", "it", "stopped.on", "on"]
    assert _glued_copy_sites(low) == [8]
    assert [glued_token(t) for t in ("(stopped.on", "example.org", "java.lang.string", "a/b.txt")] == [
        True, False, False, False]
