"""Decisions files edited after they were exported (session 28): refused, naming the entry, never applied
as something other than what they say."""

from __future__ import annotations

import json
import re

import pytest

from tests.review.conftest import OFF
from tests.review.test_decisions import cli, decisions_doc, edit_of, review

#: Garbled news of our own: a glued word (MTF206 "oilgas"), a name in Azerbaijani letters, a doubled word.
NEWS = ("The delegation from Gəncə visited the the oilgas plant on Tuesday.\r\n"
        "Officials said the new pipeline 😀 will open next year.\r\n")


@pytest.mark.parametrize(("field", "value", "said"), [
    ("replacement", " & ", "inserting ' & '"),
    ("start", 40, "at offset 40"),
    ("original", "l g", "replacing 'l g' with ' and '"),
    ("code", "MTF105", "rule MTF105"),
])
def test_an_accepted_decision_edited_by_hand_is_refused_naming_the_entry(tmp_path, field, value, said):
    """An editor opened the exported decisions file and typed their own replacement over the edit's (" & " for
    " and " between "oil" and "gas"), or moved its offsets: ``fix --decisions`` reads only ``id`` and ``decision``, so it
    applied the report's " and " at the report's place and said "fixed": the editor's text was silently
    dropped, or the file now says one edit and the output holds another.  Now an accepted decision whose recorded
    unit, offsets, original, replacement or rule disagree with the edit its id names is refused (exit 2, nothing
    written), naming the entry, what it says, what the edit is, and what to do."""
    article = tmp_path / "news.txt"
    article.write_bytes(NEWS.encode("utf-8"))
    payload = review(article, tmp_path / "r.html")[0]
    glued = edit_of(payload, "MTF206")
    doc = decisions_doc(payload, [glued])
    doc["files"][0]["decisions"][0][field] = value
    if field == "start":  # a consistent record (end - start == len(original)), only moved
        doc["files"][0]["decisions"][0]["end"] = value + len(glued["o"])
    if field == "original":
        doc["files"][0]["decisions"][0]["end"] = glued["a"] + len(value)
    dec = tmp_path / "d.json"
    dec.write_text(json.dumps(doc), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", dec, article)
    assert r.exit_code == 2, r.output
    out = " ".join(r.output.split())
    assert "files[0].decisions[0]" in out and glued["id"] in out, out
    assert said in out, out
    assert "edited after it was exported" in out and "correction" in out and "nothing was written" in out, out
    assert article.read_bytes() == NEWS.encode("utf-8")


def test_a_decisions_file_cut_down_to_ids_still_applies(tmp_path):
    """A decision with only ``id`` and ``decision`` (the minimal form docs/review.md allows) records nothing that
    could disagree: it still applies, as before."""
    article = tmp_path / "news.txt"
    article.write_bytes(NEWS.encode("utf-8"))
    payload = review(article, tmp_path / "r.html")[0]
    glued = edit_of(payload, "MTF206")
    doc = decisions_doc(payload, [glued])
    doc["files"][0]["decisions"] = [{"id": glued["id"], "decision": "accept"}]
    dec = tmp_path / "d.json"
    dec.write_text(json.dumps(doc), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", dec, article)
    assert r.exit_code == 0, r.output
    assert article.read_bytes() == NEWS.replace("oilgas", "oil and gas").encode("utf-8")


def test_an_unknown_edit_under_other_settings_names_what_differs_and_what_to_do(tmp_path):
    """Decisions from a report made with ``--ignore MTF105``, applied without it, named an edit "the report of this
    file does not contain ... (the report was made with another configuration: signatures differ)": the editor
    was not told which setting, nor what to do.  Now the message names the parts of the signature that differ
    and says to give ``fix --decisions`` the review's options and settings file."""
    article = tmp_path / "news.txt"
    article.write_bytes(NEWS.encode("utf-8"))
    payload = review(article, tmp_path / "r.html", "--select", "MTF206")[0]
    dec = tmp_path / "d.json"
    doc = decisions_doc(payload, [edit_of(payload, "MTF206")])
    # the signature the page exports (its meta), as the report holds it
    doc["signature"] = re.search(r"mtfix-check\|[^\"<]*", (tmp_path / "r.html").read_text(encoding="utf-8")).group(0)
    assert "select:" in doc["signature"]
    dec.write_text(json.dumps(doc), encoding="utf-8")
    r = cli("fix", *OFF, "--ignore", "MTF206", "--decisions", dec, article)
    assert r.exit_code == 2, r.output
    out = " ".join(r.output.split())
    assert "does not contain" in out, out
    assert "made with other settings (select differs)" in out, out
    assert "give fix --decisions the options and settings file the review had" in out, out
    assert article.read_bytes() == NEWS.encode("utf-8")


def test_an_unknown_edit_under_the_same_settings_says_to_export_again(tmp_path):
    """An id changed by hand (or the entry's digest set to the file's new one): same settings, so nothing but the
    decisions file can be wrong; the message says so and what to do."""
    article = tmp_path / "news.txt"
    article.write_bytes(NEWS.encode("utf-8"))
    payload = review(article, tmp_path / "r.html")[0]
    doc = decisions_doc(payload, [])
    doc["files"][0]["decisions"] = [{"id": "0123456789abcdef01234567", "decision": "accept"}]
    doc["signature"] = re.search(r"mtfix-check\|[^\"<]*", (tmp_path / "r.html").read_text(encoding="utf-8")).group(0)
    dec = tmp_path / "d.json"
    dec.write_text(json.dumps(doc), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", dec, article)
    assert r.exit_code == 2, r.output
    out = " ".join(r.output.split())
    assert "0123456789abcdef01234567" in out and "does not contain" in out, out
    assert "export the decisions again from the report of this file" in out, out
