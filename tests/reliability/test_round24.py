"""Reliability, round 24 (session 33): a bad record in a record file, and what else a new user met.

1. A JSON Lines or CSV/TSV file with a record that cannot be read was fixed in place around it, exit 0
   (``a.jsonl: line 2: invalid JSON (...); kept unchanged``): a 100,000-line ingest file with one broken line
   was rewritten while the job saw success.  Now such a file is bad input: exit 2, an error at the first bad
   line naming every bad line (capped) and its reason, nothing written for that file; the other files of the
   batch go on as beside any file that cannot be read.  ``--skip-bad-records`` (or ``skip-bad-records = true``)
   asks for the old per-record policy, and the summary counts what it skipped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_in_process import run_mtfix_in_process as run

BROKEN_JSONL = '{"text": "The the talks ended on Monday."}\n{"text": "broken\n{"text": "Prices rose."}\n'
SHORT_CSV = "id,text\n1,The the talks ended on Monday.\n2\n3,Prices rose.\n"
GOOD = '{"text": "The the port reopened."}\n'


@pytest.mark.parametrize("name, body, reason", [
    ("a.jsonl", BROKEN_JSONL, "2: invalid JSON (Unterminated string starting at column 10)"),
    ("a.csv", SHORT_CSV, "3: 1 field(s), no column 'text'"),
    ("a.tsv", SHORT_CSV.replace(",", "\t"), "3: 1 field(s), no column 'text'"),
])
@pytest.mark.parametrize("how", [(), ("-o", "out"), ("--diff",)])
def test_fix_writes_nothing_for_a_file_with_a_bad_record(tmp_path: Path, name: str, body: str, reason: str,
                                                         how: tuple[str, ...]) -> None:
    (tmp_path / name).write_text(body, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(GOOD, encoding="utf-8")
    r = run("fix", "--text-field", "text", *how, name, "b.jsonl", cwd=tmp_path)
    assert r.rc == 2 and not r.traceback, r.stderr
    assert f"mtfix: error: {name}:{reason}; a record that cannot be read makes the file bad input" in r.stderr
    assert "--skip-bad-records" in r.stderr and "1 file(s) failed" in r.stderr
    assert (tmp_path / name).read_text(encoding="utf-8") == body  # untouched
    assert not (tmp_path / "out" / name).exists()
    if not how:  # the good file of the batch is fixed, as beside a file that cannot be decoded
        assert (tmp_path / "b.jsonl").read_text(encoding="utf-8") == '{"text": "The port reopened."}\n'
    if how == ("-o", "out"):
        assert (tmp_path / "out" / "b.jsonl").exists()


def test_every_bad_line_is_named_up_to_five_then_counted(tmp_path: Path) -> None:
    lines = ['{"text": "Fine."}'] + [f'{{"text": bad{i}' for i in range(7)] + ['[1]', '{"text": 5}']
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run("check", "--text-field", "text", "a.jsonl", cwd=tmp_path)
    assert r.rc == 2 and not r.traceback
    (line,) = [ln for ln in r.stderr.splitlines() if ln.startswith("mtfix: error: a.jsonl:2: ")]
    assert all(f"line {n}: invalid JSON" in line for n in (3, 4, 5, 6)) and "line 7:" not in line, line
    assert "; and 4 more; 9 records that cannot be read make the file bad input" in line, line


def test_a_record_without_text_is_still_a_note(tmp_path: Path) -> None:
    """The text field missing or null (not translated yet): no bad record, under either policy."""
    body = '{"text": "The the talks ended."}\n{"other": 1}\n{"text": null}\n'
    (tmp_path / "a.jsonl").write_text(body, encoding="utf-8")
    r = run("fix", "--text-field", "text", "a.jsonl", cwd=tmp_path)
    assert r.rc == 0 and "line 2: no field 'text'" in r.stderr and "skipped" not in r.stderr, r.stderr
    assert (tmp_path / "a.jsonl").read_text(encoding="utf-8") == body.replace("The the", "The")


def test_skip_bad_records_fixes_the_rest_and_the_summary_counts_them(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(BROKEN_JSONL, encoding="utf-8")
    r = run("fix", "--text-field", "text", "--skip-bad-records", "a.jsonl", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert "a.jsonl: line 2: invalid JSON (Unterminated string starting at column 10); kept unchanged" in r.stderr
    assert "1 record that could not be read skipped (--skip-bad-records; see above)." in r.stderr
    assert (tmp_path / "a.jsonl").read_text(encoding="utf-8") == BROKEN_JSONL.replace("The the", "The")
    c = run("check", "--text-field", "text", "--skip-bad-records", "a.jsonl", cwd=tmp_path)
    assert c.rc == 0 and "1 record that could not be read skipped" in c.stderr, c.stderr
    s = run("score", "--text-field", "text", "--skip-bad-records", "a.jsonl", cwd=tmp_path)
    assert s.rc == 0 and "1 record that could not be read skipped" in s.stderr, s.stderr


def test_the_setting_and_its_negation(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(SHORT_CSV, encoding="utf-8")
    (tmp_path / "mtfix.toml").write_text("skip-bad-records = true\ntext-field = \"text\"\n", encoding="utf-8")
    assert run("check", "a.csv", cwd=tmp_path).rc == 0
    assert run("check", "--no-skip-bad-records", "a.csv", cwd=tmp_path).rc == 2
    shown = run("check", "--show-settings", "a.csv", cwd=tmp_path).stdout
    assert "skip-bad-records = true  # " in shown and "mtfix.toml:1" in shown, shown
    (tmp_path / "mtfix.toml").write_text('skip-bad-records = "yes"\n', encoding="utf-8")
    bad = run("check", "--text-field", "text", "a.csv", cwd=tmp_path)
    assert bad.rc == 2 and "mtfix.toml:1: skip-bad-records must be true or false" in bad.stderr, bad.stderr


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_reports_put_the_bad_file_among_failures(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "a.jsonl").write_text(BROKEN_JSONL, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(GOOD, encoding="utf-8")
    r = run("check", "--text-field", "text", "--format", fmt, "a.jsonl", "b.jsonl", cwd=tmp_path)
    assert r.rc == 2, r.stderr
    report = json.loads(r.stdout)
    if fmt == "json":
        assert report["failures"][0]["path"] == "a.jsonl" and report["failures"][0]["line"] == 2
        assert [f["path"] for f in report["files"]] == ["b.jsonl"]
    else:
        (note,) = report["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        assert note["level"] == "error" and note["locations"][0]["physicalLocation"]["region"] == {"startLine": 2}


def test_score_and_review_refuse_it_too(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(BROKEN_JSONL, encoding="utf-8")
    s = run("score", "--text-field", "text", "a.jsonl", cwd=tmp_path)
    assert s.rc == 2 and "a.jsonl:2: invalid JSON" in s.stderr, s.stderr
    v = run("review", "--text-field", "text", "a.jsonl", "-o", "r.html", cwd=tmp_path)
    assert v.rc == 2 and "a.jsonl:2: invalid JSON" in v.stderr, v.stderr
    assert run("review", "--text-field", "text", "--skip-bad-records", "a.jsonl", "-o", "r.html", cwd=tmp_path).rc == 0


def test_the_pre_commit_hook_refuses_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mtfix.integrations.precommit import main

    (tmp_path / "a.jsonl").write_text(BROKEN_JSONL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["fix", "--text-field", "text", "a.jsonl"]) == 2
    assert (tmp_path / "a.jsonl").read_text(encoding="utf-8") == BROKEN_JSONL


def test_the_library_keeps_per_record_results() -> None:
    import mtfix

    pipeline = mtfix.Pipeline(mtfix.Config(grammar="off"))
    results = list(pipeline.process([{"text": "The the port reopened."}, {"text": 5}], text_field="text"))
    assert results[0].ok and results[0].text == "The port reopened."
    assert not results[1].ok and results[1].error


# -- 2. a `<!--` in one paragraph's prose closed by `-->` in a later one (plain text) -----------------------------

HOW_TO = ("Type <!-- before the first line of the note that you want to hide in the file.{nl}{nl}"
          "Add --> after the last line of the hidden note in the file.{nl}")


@pytest.mark.parametrize("nl", ["\n", "\r\n", "\r"])
def test_a_prose_opener_closed_in_a_later_paragraph_is_no_comment(nl: str) -> None:
    from mtfix.segment import find_markup_spans, to_document

    text = HOW_TO.format(nl=nl)
    doc = to_document(text)
    assert [text[s.start:s.end] for s in doc.segments] == [
        "Type <!-- before the first line of the note that you want to hide in the file.",
        "Add --> after the last line of the hidden note in the file."]
    assert not [s for s in find_markup_spans(text) if text.startswith("<!--", s.start)]  # nothing protected


@pytest.mark.parametrize("text, whole", [
    ("<!--{nl}The draft paragraph one.{nl}{nl}The draft paragraph two.{nl}-->{nl}The talks ended.{nl}",
     "<!--{nl}The draft paragraph one.{nl}{nl}The draft paragraph two.{nl}-->"),  # a block commented out
    ("The talks ended. <!-- a note{nl}{nl}on two paragraphs --> Then they left.{nl}",
     "<!-- a note{nl}{nl}on two paragraphs -->"),  # after a sentence end: stands as a comment
    ("Type <!-- before a line --> in the file.{nl}", "<!-- before a line -->"),  # closed in its paragraph
])
def test_a_comment_that_stands_as_one_or_closes_in_its_paragraph_is_kept(text: str, whole: str) -> None:
    from mtfix.segment import find_markup_spans

    text, whole = text.format(nl="\n"), whole.format(nl="\n")
    assert whole in [text[s.start:s.end] for s in find_markup_spans(text)]


def test_markdown_keeps_its_comments() -> None:
    from mtfix.files import unit_document
    from mtfix.formats import load

    md = "Intro line here.\n\n<!--\nhidden one.\n\nhidden two\n-->\n\nThe talks ended.\n"
    (unit,) = load(md.encode(), "a.md", None).units
    doc = unit_document(unit, "a.md")
    assert [md[s.start:s.end] for s in doc.segments] == ["Intro line here.", "The talks ended."]


def test_the_cli_checks_both_paragraphs_and_the_segmenter_revision_is_bumped(tmp_path: Path) -> None:
    from mtfix.segment import REVISION

    assert int(REVISION.removeprefix("seg-")) >= 14  # seg-14, or later (seg-15: session 35)
    (tmp_path / "how.txt").write_text(HOW_TO.format(nl="\n") + "The the end.\n", encoding="utf-8")
    r = run("check", "--format", "json", "how.txt", cwd=tmp_path)
    (f,) = json.loads(r.stdout)["files"]
    assert "MTF105" in {x["code"] for x in f["findings"]}, r.stderr


# -- 3. probes as a new user ------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["check", "fix"])
def test_records_on_unnamed_standard_input_are_not_read_as_plain_text(tmp_path: Path, command: str) -> None:
    """``mtfix fix --text-field text - < feed.jsonl``: standard input has no extension, so it was read as plain
    text, the field option ignored, and ``fix`` edited the JSON as prose (keys, quotes and all), exit 0."""
    feed = b'{"text": "The the port reopened." ,"id": 1}\n'
    r = run(command, "--text-field", "text", "-", stdin=feed, cwd=tmp_path)
    assert r.rc == 2 and not r.out, (r.out, r.stderr)
    assert "mtfix: error: -: standard input has no file name to tell its format" in r.stderr
    assert "--input-format jsonl" in r.stderr
    ok = run(command, "--text-field", "text", "--input-format", "jsonl", "-", stdin=feed, cwd=tmp_path)
    assert ok.rc in (0, 1) and not ok.traceback, ok.stderr
    plain = run(command, "-", stdin=b"The the port reopened.\n", cwd=tmp_path)  # no field given: plain text
    assert plain.rc in (0, 1) and not plain.traceback, plain.stderr


def test_fix_decisions_refuses_it_unless_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A review made with --skip-bad-records, its decisions applied by ``fix --decisions``: as ``fix`` does."""
    from tests.review.test_decisions import cli, decisions_doc, payloads

    monkeypatch.chdir(tmp_path)
    body = '{"text": "Talks on the oilgas route resumed."}\n{"text": broken\n'
    (tmp_path / "d.jsonl").write_text(body, encoding="utf-8")
    field = ("--grammar", "off", "--text-field", "text")
    assert cli("review", *field, "-q", "--skip-bad-records", "d.jsonl", "-o", "d.html").exit_code == 0
    payload = payloads((tmp_path / "d.html").read_text(encoding="utf-8"))[0]
    (tmp_path / "d.json").write_text(json.dumps(decisions_doc(payload, payload["edits"])), encoding="utf-8")
    refused = cli("fix", *field, "--decisions", "d.json", "d.jsonl")
    assert refused.exit_code == 2 and "d.jsonl:2: invalid JSON" in refused.output, refused.output
    assert (tmp_path / "d.jsonl").read_text(encoding="utf-8") == body
    assert cli("fix", *field, "--skip-bad-records", "--decisions", "d.json", "d.jsonl").exit_code == 0
    assert "oil and gas" in (tmp_path / "d.jsonl").read_text(encoding="utf-8")
