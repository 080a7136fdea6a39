"""The review report's fluency card says what the number is and how many sentences read well (session 15)."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from mtfix.cli import app
from tests.review.conftest import OFF

ARTICLE = (
    "Energy talks in Baku\n\n"
    "The foreign ministers met in Baku on Tuesday. It simply came to our notice then that, the talks went well.\n\n"
    "Tbilisi Baku snowThe agreement was signed and There were no objections.\n"
)


def test_fluency_card_counts_sentences_at_90_or_above(tmp_path: Path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "r.html"
    r = CliRunner().invoke(app, ["review", *OFF, "-q", str(p), "-o", str(out)])
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    assert "the mean over runs of sentences of 64 words or more" in html  # doc-3: the units, not the paragraphs
    m = re.search(r"(\d+) of (\d+) sentences at 90 or above after", html)
    assert m, html[:2000]
    good, total = int(m.group(1)), int(m.group(2))
    assert total == 4 and 1 <= good < total


def test_review_and_score_give_a_file_of_records_the_same_number(tmp_path: Path):
    """A file of records: the review card's number is ``score --format json``'s (one word-weighted mean of
    the records' scores, rounded once), so that the page and ``mtfix score`` never differ in the last digit."""
    import json

    p = tmp_path / "a.jsonl"
    records = ["The goverment said that prices of oilgas was rise in last quarter.\n\nThe talks ended on Monday.",
               "He is make the decision for the peoples of country yesterday evening."]
    p.write_text("".join(json.dumps({"text": t}) + "\n" for t in records), encoding="utf-8")
    runner = CliRunner()
    scored = runner.invoke(app, ["score", *OFF, "--text-field", "text", "--format", "json", str(p)])
    assert scored.exit_code == 0, scored.output
    number = json.loads(scored.output)["files"][0]["fluency"]
    out = tmp_path / "r.html"
    r = runner.invoke(app, ["review", *OFF, "-q", "--text-field", "text", str(p), "-o", str(out)])
    assert r.exit_code == 0, r.output
    shown = re.search(r'class="fl-num" style="--fl: ([\d.]+)"', out.read_text(encoding="utf-8"))
    assert shown and float(shown.group(1)) == number, (shown and shown.group(1), number)


def test_the_page_sets_lines_apart_whatever_the_line_ends():
    """``blocks``' paragraph flag (a new line on the page) is the same for ``\\n``, ``\\r\\n`` and ``\\r`` alone."""
    from mtfix.config import Config
    from mtfix.io.inputs import Input
    from mtfix.pipeline import Pipeline
    from mtfix.review import review_files
    from mtfix.review.report import blocks

    pipeline = Pipeline(Config(grammar="off"))
    text = "Energy talks in Baku\n\nThe ministers met on Monday. Prices rose.\nThe talks ended.\n"
    flags = []
    for nl in ("\n", "\r\n", "\r"):
        fr = review_files(pipeline, [Input("a.txt", text.replace("\n", nl).encode())])[0]
        flags.append([b[3] for b in blocks(fr.units[0]) if b[2] is not None])
    assert flags[0] == [True, True, False, True] and flags[1] == flags[0] and flags[2] == flags[0], flags
