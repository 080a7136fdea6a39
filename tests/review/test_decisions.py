"""Decisions round-trip without a browser: `mtfix review` → accept a subset of the
report's edits → `mtfix fix --decisions` → exactly those edits; and every refusal."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from mtfix.cli import app
from tests.review.conftest import MINUTES, MINUTES_DECIDED, OFF, ROAD, ROAD_FIXED, TAGGED_XLIFF, seed004_bytes

_PAYLOAD = re.compile(r'<script type="application/json" id="mtfix-file-(\d+)">(.*?)</script>', re.S)

GARBLED = (
    "Ministers met in Ganja on Monday.It simply came to our notice then that, the talks went well.\n"
    "Talks on the oilgas route resumed and There were no objections.\n"
)


def cli(*args: str | Path):
    return CliRunner().invoke(app, [str(a) for a in args])


def payloads(html: str) -> list[dict]:
    """The per-file JSON the report embeds (what the page's script renders)."""
    return [json.loads(m.group(2)) for m in _PAYLOAD.finditer(html)]


def review(path: Path, out: Path, *extra: str) -> list[dict]:
    r = cli("review", *OFF, "-q", *extra, path, "-o", out)
    assert r.exit_code == 0, r.output
    return payloads(out.read_text(encoding="utf-8"))


def decisions_doc(payload: dict, accept: list[dict], reject: list[dict] = ()) -> dict:
    """A decisions file as the report's Export button writes it."""
    rows = [dict(id=e["id"], decision=d, code=e["c"], unit=e["u"], start=e["a"], end=e["b"],
                 original=e["o"], replacement=e["r"]) for d, es in (("accept", accept), ("reject", reject))
            for e in es]
    return {"format": "mtfix-review-decisions", "version": 1,
            "files": [{"path": payload["path"], "digest": payload["digest"], "decisions": rows}]}


def expected(text: str, edits: list[dict]) -> str:
    """``text`` with these edits, applied independently of mtfix (identical edits count once), from the end:
    of two edits that start at one place, the one that covers text goes before the insertion there."""
    unique = {(e["u"], e["a"], e["b"], e["r"]): e for e in edits}
    for e in sorted(unique.values(), key=lambda e: (e["a"], e["b"]), reverse=True):
        assert text[e["a"]:e["b"]] == e["o"]
        text = text[: e["a"]] + e["r"] + text[e["b"]:]
    return text


def overlapping(a: dict, b: dict) -> bool:
    """Whether two edits of one unit touch the same text (an insertion inside the other's span counts), which
    ``fix --decisions`` refuses when both are accepted."""
    if a["u"] != b["u"] or (a["a"], a["b"], a["r"]) == (b["a"], b["b"], b["r"]):
        return False
    if a["a"] == a["b"]:
        return b["a"] < a["a"] < b["b"]
    if b["a"] == b["b"]:
        return a["a"] < b["a"] < a["b"]
    return a["a"] < b["b"] and b["a"] < a["b"]


def without_overlaps(edits: list[dict]) -> list[dict]:
    """The edits in order, each dropped that overlaps one kept before it: a person accepts one of two (session 50:
    seed 004's MTF132 insertion inside MTF303's "E.Blinken" made the property test fail when both were drawn)."""
    kept: list[dict] = []
    for e in edits:
        if not any(overlapping(e, k) for k in kept):
            kept.append(e)
    return kept


@pytest.fixture(scope="module")
def seed_report():
    """Seed 004 reviewed once: (directory, original bytes, payload)."""
    raw = seed004_bytes()
    d = Path(tempfile.mkdtemp(prefix="mtfix-review-"))
    (d / "article.txt").write_bytes(raw)
    payload = review(d / "article.txt", d / "report.html")[0]
    yield d, raw, payload
    shutil.rmtree(d, ignore_errors=True)


def test_report_embeds_digest_and_stable_ids(seed_report, tmp_path):
    d, raw, payload = seed_report
    import hashlib

    assert payload["digest"] == "sha256:" + hashlib.sha256(raw).hexdigest()
    assert len(payload["edits"]) >= 20  # seed 004 is badly garbled
    again = review(d / "article.txt", tmp_path / "again.html")[0]
    assert [e["id"] for e in again["edits"]] == [e["id"] for e in payload["edits"]]
    unsafe = [e for e in payload["edits"] if e["x"] == "unsafe"]
    assert unsafe, "unsafe edits are offered for a decision too"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_accepted_subset_round_trip(seed_report, data):
    d, raw, payload = seed_report
    edits = payload["edits"]
    chosen = data.draw(st.lists(st.sampled_from(range(len(edits))), unique=True, max_size=len(edits)))
    accept = without_overlaps([edits[i] for i in chosen])
    rest = [e for i, e in enumerate(edits) if i not in set(chosen)]
    reject = data.draw(st.lists(st.sampled_from(rest), unique_by=lambda e: e["id"])) if rest else []
    article = d / "article.txt"
    article.write_bytes(raw)
    dec = d / "decisions.json"
    dec.write_text(json.dumps(decisions_doc(payload, accept, reject)), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", dec, article)
    assert r.exit_code == 0, r.output
    assert article.read_bytes() == expected(raw.decode("utf-8"), accept).encode("utf-8")


def test_unknown_edit_exits_2_and_writes_nothing(seed_report, tmp_path):
    d, raw, payload = seed_report
    article = tmp_path / "article.txt"
    article.write_bytes(raw)
    doc = decisions_doc(dict(payload, path=str(article)), payload["edits"][:2])
    forged = dict(payload["edits"][0], id="0123456789abcdef01234567", r="forged")
    doc["files"][0]["decisions"].append({"id": forged["id"], "decision": "accept"})
    dec = tmp_path / "d.json"
    dec.write_text(json.dumps(doc), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", dec, article)
    assert r.exit_code == 2
    assert "0123456789abcdef01234567" in r.output and "does not contain" in r.output
    assert article.read_bytes() == raw


def test_changed_input_exits_2_and_writes_nothing(tmp_path):
    article = tmp_path / "news.txt"
    article.write_text(GARBLED, encoding="utf-8")
    payload = review(article, tmp_path / "r.html")[0]
    dec = tmp_path / "d.json"
    dec.write_text(json.dumps(decisions_doc(payload, payload["edits"])), encoding="utf-8")
    changed = GARBLED.replace("Monday", "Tuesday")
    article.write_text(changed, encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", dec, article)
    assert r.exit_code == 2
    assert "changed since the report" in r.output
    # what to do next: a new report, and Import… there carries the decisions of unchanged sentences over
    assert "make a new report" in r.output and "Import" in r.output and "carried over" in r.output
    assert article.read_text(encoding="utf-8") == changed


def review_two(tmp_path: Path, text: str = GARBLED, old: str = "Ganja", new: str = "Baku",
               ) -> tuple[Path, Path, dict, dict]:
    """Two articles, a.txt (``text``) and b.txt (``text`` with ``old`` → ``new``), reviewed in one
    report: their paths and payloads."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(text, encoding="utf-8")
    b.write_text(text.replace(old, new), encoding="utf-8")
    r = cli("review", *OFF, "-q", a, b, "-o", tmp_path / "r.html")
    assert r.exit_code == 0, r.output
    pa, pb = payloads((tmp_path / "r.html").read_text(encoding="utf-8"))
    return a, b, pa, pb


def test_one_bad_file_means_no_file_is_written(tmp_path):
    a, b, pa, pb = review_two(tmp_path)
    doc = decisions_doc(pa, pa["edits"])
    doc["files"] += decisions_doc(pb, pb["edits"])["files"]
    (tmp_path / "d.json").write_text(json.dumps(doc), encoding="utf-8")
    b.write_text("Changed after the report.\n", encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", a, b)
    assert r.exit_code == 2
    assert a.read_text(encoding="utf-8") == GARBLED  # a was fine, but nothing is written


def test_a_read_only_file_means_no_file_is_written(tmp_path):
    """As for a file changed since the report: a file that cannot be written is found before
    any is (before, a.txt was fixed and the run then stopped at b.txt)."""
    a, b, pa, pb = review_two(tmp_path)
    doc = decisions_doc(pa, pa["edits"])
    doc["files"] += decisions_doc(pb, pb["edits"])["files"]
    (tmp_path / "d.json").write_text(json.dumps(doc), encoding="utf-8")
    b.chmod(0o444)
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", a, b)
    assert r.exit_code == 2
    assert f"{b}: read-only file" in r.output and "no file was written" in r.output
    assert a.read_text(encoding="utf-8") == GARBLED


def test_rejected_and_undecided_edits_are_not_applied(tmp_path):
    article = tmp_path / "news.txt"
    article.write_text(GARBLED, encoding="utf-8")
    payload = review(article, tmp_path / "r.html")[0]
    edits = payload["edits"]
    assert len({e["c"] for e in edits}) >= 2, edits
    first = edits[0]
    other = next(e for e in edits if e["c"] != first["c"])
    doc = decisions_doc(payload, [first], [other])
    (tmp_path / "d.json").write_text(json.dumps(doc), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", article)
    assert r.exit_code == 0, r.output
    assert article.read_text(encoding="utf-8") == expected(GARBLED, [first])
    assert article.read_text(encoding="utf-8") != GARBLED


def test_accepted_unsafe_edit_is_applied_without_unsafe_fixes(tmp_path):
    article = tmp_path / "news.txt"
    article.write_text(GARBLED, encoding="utf-8")
    payload = review(article, tmp_path / "r.html")[0]
    unsafe = [e for e in payload["edits"] if e["x"] == "unsafe"]
    assert unsafe
    (tmp_path / "d.json").write_text(json.dumps(decisions_doc(payload, unsafe[:1])), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", article)
    assert r.exit_code == 0, r.output
    assert article.read_text(encoding="utf-8") == expected(GARBLED, unsafe[:1])


@pytest.mark.parametrize("content, message", [
    ("{not json", "d.json:1: not valid JSON"),
    ('{"format": "something-else"}', "not an mtfix decisions file"),
    ('{"format": "mtfix-review-decisions", "version": 1, "files": [{"path": "x"}]}', 'needs a "path" and a "digest"'),
    ('{"format": "mtfix-review-decisions", "version": 1, "files": [{"path": "x", "digest": "sha256:0",'
     ' "decisions": [{"id": "a", "decision": "maybe"}]}]}', '"decision" ("accept" or "reject")'),
])
def test_malformed_decisions_exit_2(tmp_path, content, message):
    article = tmp_path / "news.txt"
    article.write_text(GARBLED, encoding="utf-8")
    (tmp_path / "d.json").write_text(content, encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", article)
    assert r.exit_code == 2
    assert message in r.output
    assert "Traceback" not in r.output
    assert article.read_text(encoding="utf-8") == GARBLED


def test_jsonl_units_round_trip(tmp_path):
    path = tmp_path / "records.jsonl"
    first = "Talks on the gas corridor resumed."
    second = "Prices rose.It simply came to our notice then that, they fell and There was no reason."
    lines = [json.dumps({"id": "a", "text": first}), json.dumps({"id": "b", "text": second})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    payload = review(path, tmp_path / "r.html", "--text-field", "text")[0]
    assert len(payload["units"]) == 2 and payload["units"][1]["text"] == second
    in_second = [e for e in payload["edits"] if e["u"] == 1]
    assert in_second
    (tmp_path / "d.json").write_text(json.dumps(decisions_doc(payload, in_second[:1])), encoding="utf-8")
    r = cli("fix", *OFF, "--text-field", "text", "--decisions", tmp_path / "d.json", path)
    assert r.exit_code == 0, r.output
    out = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    assert out[0] == {"id": "a", "text": first}
    assert out[1] == {"id": "b", "text": expected(second, in_second[:1])}


def test_decisions_warn_about_format_options_only_as_fix_does(tmp_path):
    """`fix --decisions` reads the files as `fix` does, so it warns as `fix` does: no warning with the
    options at their defaults (a CSV read with --no-header and --column 1 included), and one line for an
    option the files' format ignores (--no-header for JSON Lines, --fix-final for text), not silence."""
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps({"text": "Talks on the oilgas route resumed."}) + "\n", encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text("Talks on the oilgas route resumed.\n", encoding="utf-8")
    docs = {}
    for p, extra in ((path, ("--text-field", "text")), (table, ("--no-header", "--column", "1"))):
        payload = review(p, tmp_path / f"{p.name}.html", *extra)[0]
        docs[p] = tmp_path / f"{p.name}.json"
        docs[p].write_text(json.dumps(decisions_doc(payload, payload["edits"])), encoding="utf-8")

    def warnings(*args):
        r = cli("fix", *OFF, "--diff", *args)
        assert r.exit_code == 0, r.output
        return [line for line in r.stderr.splitlines() if "warning" in line]

    assert warnings("--text-field", "text", "--decisions", docs[path], path) == []
    assert warnings("--no-header", "--column", "1", "--decisions", docs[table], table) == []
    assert warnings("-H", "--fix-final", "--text-field", "text", "--decisions", docs[path], path) == [
        "mtfix: warning: --no-header is for CSV and TSV; ignored for jsonl",
        "mtfix: warning: --fix-final is for XLIFF and TMX; ignored for jsonl"]


def test_report_escapes_markup_in_text_and_names(tmp_path):
    evil = tmp_path / "<img src=x onerror=alert(1)>.txt"
    evil.write_text("Prices of oilgas rose. <script>alert(1)</script> and There were none.\n", encoding="utf-8")
    r = cli("review", *OFF, "-q", evil, "-o", tmp_path / "r.html")
    assert r.exit_code == 0, r.output
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # the name, escaped in the summary
    assert "default-src 'none'" in html and "script-src 'sha256-" in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)  # nothing loads from the web


def test_review_output_is_a_directory_exits_2(tmp_path):
    article = tmp_path / "news.txt"
    article.write_text(GARBLED, encoding="utf-8")
    r = cli("review", *OFF, article, "-o", tmp_path)
    assert r.exit_code == 2 and "is a directory" in r.output


def test_review_output_dash_is_standard_output(tmp_path, monkeypatch):
    """``-o -`` wrote the report to a file named ``-`` (and said ``wrote -``); as ``glossary mine -o -``,
    it is standard output, and no file is written."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news.txt").write_text(GARBLED, encoding="utf-8")
    r = cli("review", *OFF, "-q", "news.txt", "-o", "-")
    assert r.exit_code == 0, r.output
    assert not (tmp_path / "-").exists() and sorted(os.listdir(tmp_path)) == ["news.txt"]
    assert r.stdout.lstrip().lower().startswith("<!doctype html") and len(payloads(r.stdout)) == 1


def test_review_of_a_file_whose_name_is_not_utf8(tmp_path, monkeypatch):
    """A file name with a byte that is not UTF-8 (``bad\\xffname.txt``, as Python sees it: a lone
    surrogate) made ``review`` end with ``internal error: UnicodeEncodeError``; the report is written,
    with the name's bytes as they are on disk, to a file and to standard output."""
    monkeypatch.chdir(tmp_path)
    name = os.fsdecode(b"bad\xffname.txt")
    try:
        Path(name).write_text(GARBLED, encoding="utf-8")
    except OSError:
        pytest.skip("this file system takes only UTF-8 names")
    r = cli("review", *OFF, "-q", name, "-o", "r.html")
    assert r.exit_code == 0, r.output
    raw = (tmp_path / "r.html").read_bytes()
    assert b"bad\xffname.txt" in raw and len(payloads(raw.decode("utf-8", "replace"))) == 1
    r = cli("review", *OFF, "-q", name, "-o", "-")
    assert r.exit_code == 0, r.output
    assert b"bad\xffname.txt" in r.stdout_bytes


def test_report_never_overwrites_a_file_under_review(tmp_path):
    """``-o`` naming an input (directly, through a symlink, or found in a folder) is refused with
    exit 2 and the article is left as it was; before, the article was replaced by the HTML."""
    article = tmp_path / "news.txt"
    article.write_text(GARBLED, encoding="utf-8")
    (tmp_path / "report.html").symlink_to(article)
    legacy = tmp_path / "legacy.txt"  # found in the folder, but cannot be read: still not to be overwritten
    legacy.write_bytes(b"caf\xe9\n")
    for target, named in ((article, article), (tmp_path / "report.html", article), (article, tmp_path),
                          (legacy, tmp_path)):
        r = cli("review", *OFF, "-q", named, "-o", target)
        assert r.exit_code == 2, r.output
        assert "a file under review" in r.output and "Traceback" not in r.output
        assert article.read_text(encoding="utf-8") == GARBLED and legacy.read_bytes() == b"caf\xe9\n"


def test_exit_non_zero_on_fix_applies_to_decisions(tmp_path):
    """``fix --decisions --exit-non-zero-on-fix`` exits 1 when it changed a file (it exited 0)."""
    article = tmp_path / "news.txt"
    article.write_text(GARBLED, encoding="utf-8")
    payload = review(article, tmp_path / "r.html")[0]
    (tmp_path / "d.json").write_text(json.dumps(decisions_doc(payload, payload["edits"][:1])), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", "--exit-non-zero-on-fix", "--diff", article)
    assert r.exit_code == 1, r.output
    assert article.read_text(encoding="utf-8") == GARBLED
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", "--exit-non-zero-on-fix", article)
    assert r.exit_code == 1, r.output
    assert article.read_text(encoding="utf-8") == expected(GARBLED, payload["edits"][:1])
    (tmp_path / "none.json").write_text(json.dumps(decisions_doc(payload, [])), encoding="utf-8")
    article.write_text(GARBLED, encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "none.json", "--exit-non-zero-on-fix", article)
    assert r.exit_code == 0, r.output  # nothing accepted, nothing changed


def test_a_file_given_the_bytes_of_another_counts_as_changed(tmp_path):
    """b.txt, overwritten with a.txt's bytes after the report, has its own entry: it changed
    since the report (exit 2), and a.txt's decisions are not applied to it."""
    a, b, pa, pb = review_two(tmp_path)
    doc = decisions_doc(pa, pa["edits"])
    doc["files"] += decisions_doc(pb, [], pb["edits"])["files"]  # every edit of b rejected
    (tmp_path / "d.json").write_text(json.dumps(doc), encoding="utf-8")
    b.write_text(GARBLED, encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", b)
    assert r.exit_code == 2, r.output
    assert "changed since the report" in r.output
    assert b.read_text(encoding="utf-8") == GARBLED


def test_decisions_saved_with_a_bom_are_read(tmp_path):
    """A decisions file edited and saved by a Windows editor starts with a BOM: still JSON."""
    article = tmp_path / "news.txt"
    article.write_text(GARBLED, encoding="utf-8")
    payload = review(article, tmp_path / "r.html")[0]
    doc = decisions_doc(payload, payload["edits"][:1])
    (tmp_path / "d.json").write_text(json.dumps(doc), encoding="utf-8-sig")
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", article)
    assert r.exit_code == 0, r.output
    assert article.read_text(encoding="utf-8") == expected(GARBLED, payload["edits"][:1])


def test_folders_are_walked_as_the_review_walked_them(tmp_path):
    """``fix --decisions FOLDER`` walks with the settings file's globs relative to that file and
    the input format's extensions, as ``review FOLDER`` did; it walked relative to the current
    directory and only .txt/.md, found nothing and applied nothing, exit 0."""
    ws = tmp_path / "ws"
    (ws / ".git").mkdir(parents=True)
    (ws / "mtfix.toml").write_text('include = ["news/**"]\n', encoding="utf-8")
    (ws / "news").mkdir()
    (ws / "news" / "a.txt").write_text(GARBLED, encoding="utf-8")
    (ws / "news" / "b.jsonl").write_text(json.dumps({"text": GARBLED}) + "\n", encoding="utf-8")
    for extra in ((), ("--input-format", "jsonl", "--text-field", "text")):
        (payload,) = review(ws, tmp_path / "r.html", *extra)
        (tmp_path / "d.json").write_text(json.dumps(decisions_doc(payload, payload["edits"][:1])), encoding="utf-8")
        r = cli("fix", *OFF, *extra, "--decisions", tmp_path / "d.json", ws)
        assert r.exit_code == 0, r.output
        assert "1 accepted edit applied; changed 1 of 1 file(s)" in r.output, r.output


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16-le"])
def test_a_legacy_file_is_reviewed_and_fixed_in_its_own_encoding(tmp_path, encoding):
    """``review --encoding`` reads a file that is not UTF-8, and ``fix --decisions --encoding``
    writes the accepted edits back in that encoding, every other byte as it was."""
    text = GARBLED.replace("Monday", "Monday at the café")
    article = tmp_path / "news.txt"
    article.write_bytes(text.encode(encoding))
    r = cli("review", *OFF, "-q", article, "-o", tmp_path / "plain.html")
    assert r.exit_code == 2 and "--encoding" in r.output  # the hint names an option review has
    payload = review(article, tmp_path / "r.html", "--encoding", encoding)[0]
    accepted = payload["edits"][:2]
    (tmp_path / "d.json").write_text(json.dumps(decisions_doc(payload, accepted)), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", "--encoding", encoding, article)
    assert r.exit_code == 0, r.output
    assert article.read_bytes() == expected(text, accepted).encode(encoding)


# ---------- the editor's own corrections (sentences post-edited in the report) ----------



def correction(text: str, sentence: str, replacement: str, unit: int = 0) -> dict:
    """A correction of ``sentence`` (found in ``text``) as the report exports it."""
    start = text.index(sentence)
    return {"unit": unit, "start": start, "end": start + len(sentence), "original": sentence,
            "replacement": replacement}


def with_corrections(doc: dict, corrections: list[dict], version: int = 2) -> dict:
    doc = json.loads(json.dumps(doc))
    doc["version"] = version
    doc["files"][0]["corrections"] = corrections
    return doc


def edit_of(payload: dict, code: str, unit: int = 0) -> dict:
    (e,) = [e for e in payload["edits"] if e["c"] == code and e["u"] == unit]
    return e


def test_correction_and_accepted_edits_give_exactly_the_expected_bytes(tmp_path):
    article = tmp_path / "minutes.txt"
    article.write_bytes(MINUTES.encode("utf-8"))
    payload = review(article, tmp_path / "r.html")[0]
    accept = [edit_of(payload, "MTF101"), edit_of(payload, "MTF206")]
    reject = [edit_of(payload, "MTF104")]
    doc = with_corrections(decisions_doc(payload, accept, reject), [correction(MINUTES, ROAD, ROAD_FIXED)])
    (tmp_path / "d.json").write_text(json.dumps(doc), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", article)
    assert r.exit_code == 0, r.output
    assert "2 accepted edits and 1 correction applied; changed 1 of 1 file(s)" in r.output
    assert article.read_bytes() == MINUTES_DECIDED


def test_correction_keeps_crlf_bom_and_non_bmp_text(tmp_path):
    """Offsets are code points (an emoji before the sentence counts one); the BOM and the CRLF
    line ends outside the corrected span stay as they were."""
    text = MINUTES.replace("Friday.", "Friday \U0001F4C5.").replace("\n", "\r\n")
    article = tmp_path / "minutes.txt"
    article.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    payload = review(article, tmp_path / "r.html")[0]
    unit_text = payload["units"][0]["text"]
    doc = with_corrections(decisions_doc(payload, []), [correction(unit_text, ROAD, ROAD_FIXED)])
    (tmp_path / "d.json").write_text(json.dumps(doc), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", article)
    assert r.exit_code == 0, r.output
    assert article.read_bytes() == b"\xef\xbb\xbf" + text.replace(ROAD, ROAD_FIXED).encode("utf-8")


def test_corrections_in_jsonl_records(tmp_path):
    path = tmp_path / "records.jsonl"
    first = json.dumps({"id": "r1", "text": ROAD, "lang": "en"})
    second = json.dumps({"id": "r2", "text": "Talks on the oilgas pipeline resumed and There were no objections."})
    third = '{"id":"r3","text":"Nothing to see here."}'
    path.write_bytes(f"{first}\n{second}\n{third}\n".encode())
    payload = review(path, tmp_path / "r.html", "--text-field", "text")[0]
    assert payload["units"][0]["text"] == ROAD
    doc = with_corrections(decisions_doc(payload, [edit_of(payload, "MTF206", unit=1)]),
                           [correction(ROAD, ROAD, ROAD_FIXED, unit=0)])
    (tmp_path / "d.json").write_text(json.dumps(doc), encoding="utf-8")
    r = cli("fix", *OFF, "--text-field", "text", "--decisions", tmp_path / "d.json", path)
    assert r.exit_code == 0, r.output
    lines = path.read_bytes().split(b"\n")
    assert json.loads(lines[0]) == {"id": "r1", "text": ROAD_FIXED, "lang": "en"}
    assert json.loads(lines[1]) == {"id": "r2", "text": "Talks on the oil and gas pipeline resumed and There were "
                                                          "no objections."}
    assert lines[2:] == [third.encode(), b""]  # the untouched record, byte for byte


def test_a_correction_whose_original_differs_exits_2_naming_file_unit_and_offset(tmp_path):
    article = tmp_path / "minutes.txt"
    article.write_text(MINUTES, encoding="utf-8")
    payload = review(article, tmp_path / "r.html")[0]
    bad = correction(MINUTES, ROAD, ROAD_FIXED)
    bad["original"] = bad["original"].replace("ministry", "industry")
    doc = with_corrections(decisions_doc(payload, [edit_of(payload, "MTF101")]), [bad])
    (tmp_path / "d.json").write_text(json.dumps(doc), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", article)
    assert r.exit_code == 2, r.output
    assert f"{article}: unit 0: offset {bad['start']}: the correction (files[0].corrections[0])" in r.output
    assert "nothing was written" in r.output and "Traceback" not in r.output
    assert article.read_text(encoding="utf-8") == MINUTES


def test_a_correction_overlapping_an_accepted_edit_exits_2_naming_both(tmp_path):
    article = tmp_path / "minutes.txt"
    article.write_text(MINUTES, encoding="utf-8")
    payload = review(article, tmp_path / "r.html")[0]
    talks = "Talks on the oilgas pipeline resumed and There were no objections."
    accepted = edit_of(payload, "MTF206")
    doc = with_corrections(decisions_doc(payload, [edit_of(payload, "MTF101"), accepted]),
                           [correction(MINUTES, talks, "The pipeline talks resumed without objection.")])
    (tmp_path / "d.json").write_text(json.dumps(doc), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", article)
    assert r.exit_code == 2, r.output
    assert "files[0].corrections[0]" in r.output and f"accepted edit {accepted['id']} (MTF206)" in r.output
    assert article.read_text(encoding="utf-8") == MINUTES
    # the same correction with that edit rejected instead (what the page does) is applied
    doc = with_corrections(decisions_doc(payload, [], [accepted]), doc["files"][0]["corrections"])
    (tmp_path / "d.json").write_text(json.dumps(doc), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", article)
    assert r.exit_code == 0, r.output
    assert article.read_text(encoding="utf-8") == MINUTES.replace(talks, "The pipeline talks resumed without objection.")


def test_a_correction_of_a_unit_the_file_lacks_exits_2_and_no_file_is_written(tmp_path):
    a, b, pa, pb = review_two(tmp_path, MINUTES, "Gyumri", "Vanadzor")
    good = with_corrections(decisions_doc(pa, []), [correction(MINUTES, ROAD, ROAD_FIXED)])
    bad = with_corrections(decisions_doc(pb, []), [dict(correction(MINUTES, ROAD, ROAD_FIXED), unit=3)])
    good["files"] += bad["files"]
    (tmp_path / "d.json").write_text(json.dumps(good), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", a, b)
    assert r.exit_code == 2, r.output
    assert f"{b}:" in r.output and "files[1].corrections[0] names unit 3" in r.output and "1 unit (0-0)" in r.output
    assert a.read_text(encoding="utf-8") == MINUTES  # a's correction was fine, but nothing is written


@pytest.mark.parametrize("entry, message", [
    ("nope", "files[0].corrections[0] must be an object"),
    ({"unit": -1, "start": 0, "end": 1, "original": "x", "replacement": ""}, '"unit" must be a unit index'),
    ({"unit": True, "start": 0, "end": 1, "original": "x", "replacement": ""}, '"unit" must be a unit index'),
    ({"unit": 0, "start": 5, "end": 2, "original": "", "replacement": ""}, "0 <= start <= end"),
    ({"unit": 0, "start": 0, "end": 1.0, "original": "T", "replacement": ""}, "0 <= start <= end"),
    ({"unit": 0, "start": 0, "end": 3, "original": "The", "replacement": None}, 'needs an "original" and a "replacement"'),
    ({"unit": 0, "start": 0, "end": 3, "original": "Th", "replacement": "A"}, '"original" has 2 characters but'),
])
def test_malformed_corrections_exit_2_naming_the_entry(tmp_path, entry, message):
    article = tmp_path / "minutes.txt"
    article.write_text(MINUTES, encoding="utf-8")
    payload = review(article, tmp_path / "r.html")[0]
    doc = with_corrections(decisions_doc(payload, [edit_of(payload, "MTF101")]), [entry])
    (tmp_path / "d.json").write_text(json.dumps(doc), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", article)
    assert r.exit_code == 2, r.output
    assert f"{tmp_path / 'd.json'}: files[0].corrections[0]" in r.output and message in r.output, r.output
    assert "Traceback" not in r.output
    assert article.read_text(encoding="utf-8") == MINUTES


def test_versions_one_and_two_are_read_and_others_refused(tmp_path):
    """A version-1 file (no corrections, as every report before them exported) still applies; a
    version-2 file without corrections too; an unknown version is refused."""
    article = tmp_path / "minutes.txt"
    payload = None
    for version, code in ((1, 0), (2, 0), (3, 2)):
        article.write_text(MINUTES, encoding="utf-8")
        payload = payload or review(article, tmp_path / "r.html")[0]
        doc = dict(decisions_doc(payload, [edit_of(payload, "MTF101")]), version=version)
        (tmp_path / "d.json").write_text(json.dumps(doc), encoding="utf-8")
        r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", article)
        assert r.exit_code == code, (version, r.output)
        if code:
            assert "unsupported version 3 (this mtfix reads versions 1, 2)" in r.output
            assert article.read_text(encoding="utf-8") == MINUTES
        else:
            assert article.read_text(encoding="utf-8") == expected(MINUTES, [edit_of(payload, "MTF101")])


def test_corrections_in_a_version_1_file_are_refused(tmp_path):
    """Version 1 promises no corrections (an older mtfix would drop them): such a file is inconsistent."""
    article = tmp_path / "minutes.txt"
    article.write_text(MINUTES, encoding="utf-8")
    payload = review(article, tmp_path / "r.html")[0]
    doc = dict(with_corrections(decisions_doc(payload, []), [correction(MINUTES, ROAD, ROAD_FIXED)]), version=1)
    (tmp_path / "d.json").write_text(json.dumps(doc), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", article)
    assert r.exit_code == 2, r.output
    assert 'files[0] has "corrections", which need "version": 2' in r.output
    assert article.read_text(encoding="utf-8") == MINUTES
    doc["files"][0]["corrections"] = []  # an empty list is no correction: version 1 is fine
    (tmp_path / "d.json").write_text(json.dumps(doc), encoding="utf-8")
    assert cli("fix", *OFF, "--decisions", tmp_path / "d.json", article).exit_code == 0


def test_the_report_exports_version_2_only_with_corrections(tmp_path):
    article = tmp_path / "minutes.txt"
    article.write_text(MINUTES, encoding="utf-8")
    html = (review(article, tmp_path / "r.html"), (tmp_path / "r.html").read_text(encoding="utf-8"))[1]
    meta = json.loads(re.search(r'id="mtfix-meta">(.*?)</script>', html, re.S).group(1))
    assert meta["version"] == 1 and meta["corrections_version"] == 2


@pytest.mark.parametrize("where", ["report folder", "inside a", "inside b"])
def test_same_file_name_in_two_folders_decided_in_one(tmp_path, where, monkeypatch):
    """An editor who decides only b/news.txt exports a file that names only b/news.txt; a/news.txt,
    in the same report and undecided, was matched to that entry by its file name and refused as
    "changed since the report", exit 2: nothing applied. Now a/news.txt is left unchanged and
    b/news.txt gets exactly its accepted edits, from the report's folder or from either one."""
    for name, text in (("a", GARBLED), ("b", GARBLED.replace("Ganja", "Baku"))):
        (tmp_path / name).mkdir()
        (tmp_path / name / "news.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = cli("review", *OFF, "-q", "a", "b", "-o", "r.html")
    assert r.exit_code == 0, r.output
    pa, pb = payloads((tmp_path / "r.html").read_text(encoding="utf-8"))
    assert (pa["path"], pb["path"]) == (os.path.join("a", "news.txt"), os.path.join("b", "news.txt"))
    (tmp_path / "d.json").write_text(json.dumps(decisions_doc(pb, pb["edits"][:1])), encoding="utf-8")
    targets = {"report folder": ("a/news.txt", "b/news.txt"), "inside a": ("news.txt", "../b/news.txt"),
               "inside b": ("../a/news.txt", "news.txt")}[where]
    if where != "report folder":
        monkeypatch.chdir(tmp_path / where[-1])
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", *targets)
    assert r.exit_code == 0, r.output
    assert (tmp_path / "a" / "news.txt").read_text(encoding="utf-8") == GARBLED
    b_text = GARBLED.replace("Ganja", "Baku")
    assert (tmp_path / "b" / "news.txt").read_text(encoding="utf-8") == expected(b_text, pb["edits"][:1])


@pytest.mark.parametrize("where", ["report folder", "inside a"])
def test_decisions_of_a_file_are_not_applied_to_its_copy(tmp_path, monkeypatch, where):
    """a/news.txt and b/news.txt have the same bytes; the editor decided a alone, so the export names
    a alone. b's digest matched a's entry ("moved or renamed since") and got a's accepted edits.
    Now b is left unchanged: a's entry is a's (a file that is still there, or another input's)."""
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "news.txt").write_text(GARBLED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = cli("review", *OFF, "-q", "a", "b", "-o", "r.html")
    assert r.exit_code == 0, r.output
    pa, _pb = payloads((tmp_path / "r.html").read_text(encoding="utf-8"))
    (tmp_path / "d.json").write_text(json.dumps(decisions_doc(pa, pa["edits"][:1])), encoding="utf-8")
    runs = [("b",), ("a", "b")]
    if where == "inside a":  # "a/news.txt" names no file here; the input news.txt claims it by its tail
        monkeypatch.chdir(tmp_path / "a")
        runs = [("news.txt", "../b/news.txt")]
    for targets in runs:
        r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", *targets)
        assert r.exit_code == 0, r.output
        assert "b/news.txt: not in the decisions file: left unchanged" in r.output.replace("\\", "/")
        assert (tmp_path / "b" / "news.txt").read_text(encoding="utf-8") == GARBLED
    assert (tmp_path / "a" / "news.txt").read_text(encoding="utf-8") == expected(GARBLED, pa["edits"][:1])


@pytest.mark.parametrize("replacement, written, message", [
    ('Oil and gas prices rose in May.', None, 'drops or changes the inline tags <g id="1">, </g>, <x id="2"/>'),
    ('Prices of oil and gas rose in May<x id="2"/>.', None, 'drops or changes the inline tags <g id="1">, </g>'),
    ('Prices of <g id="1">oil\x0b and gas</g> rose<x id="2"/> in May.', None, "holds the control character U+000B"),
    ('Costs of <g id="1">oil and gas</g> rose<x id="2"/> in May.',
     '<target>Costs of <g id="1">oil and gas</g> rose<x id="2"/> in May.</target>', None),
])
def test_a_correction_the_xliff_cannot_hold_exits_2(tmp_path, replacement, written, message):
    """An XLIFF target keeps its inline tags: a correction that dropped one was not written, yet
    `fix --decisions` said "1 correction applied" (exit 0, file unchanged); a control character
    gave an XLIFF file no parser reads. Now both exit 2 naming the unit and why; a correction
    that keeps the tags is written."""
    xlf = tmp_path / "news.xlf"
    xlf.write_text(TAGGED_XLIFF, encoding="utf-8")
    (payload,) = review(xlf, tmp_path / "r.html")
    text = payload["units"][0]["text"]
    doc = decisions_doc(payload, [])
    doc["version"] = 2
    doc["files"][0]["corrections"] = [{"unit": 0, "start": 0, "end": len(text), "original": text,
                                       "replacement": replacement}]
    (tmp_path / "d.json").write_text(json.dumps(doc), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", xlf)
    if message is None:
        assert r.exit_code == 0, r.output
        assert xlf.read_text(encoding="utf-8") == TAGGED_XLIFF.replace(
            '<target>Prices of <g id="1">oilgas</g> rose<x id="2"/> in May.</target>', written)
        return
    assert r.exit_code == 2, r.output
    assert "unit 0 ('t1'): the xliff file cannot hold the decided text" in r.output and message in r.output
    assert "nothing was written" in r.output
    assert xlf.read_text(encoding="utf-8") == TAGGED_XLIFF


def test_a_batch_matches_each_path_once(tmp_path, monkeypatch):
    """``fix --decisions`` plans a batch one input at a time and each plan asks which entries the
    batch's other inputs claim: without remembering the answers, a 200-file batch compared paths
    8 million times (95 s instead of 6 s). Each input's path is now matched against the entries once."""
    from mtfix.review import decisions_file as mod
    from mtfix.review.proposals import file_digest

    (tmp_path / "news").mkdir()
    entries = []
    for n in range(40):
        p = tmp_path / "news" / f"s{n}.txt"
        p.write_text(f"Story {n}.\n", encoding="utf-8")
        entries.append({"path": str(p), "digest": file_digest(p.read_bytes()), "decisions": []})
    (tmp_path / "d.json").write_text(json.dumps({"format": "mtfix-review-decisions", "version": 1,
                                                  "files": entries[:20]}), encoding="utf-8")
    calls = []
    real = mod._same_path
    monkeypatch.setattr(mod, "_same_path", lambda a, b: calls.append(1) or real(a, b))
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", tmp_path / "news")
    assert r.exit_code == 0, r.output
    assert len(calls) <= 40 * 20, len(calls)


def test_a_report_made_elsewhere_with_absolute_paths_still_refuses_a_changed_file(tmp_path, monkeypatch):
    """A report made on another machine names /ci/.../news/a.txt; the file here changed since. It
    must be refused as changed (exit 2), not left unchanged with the editor's decisions unapplied."""
    ci = tmp_path / "ci" / "build"
    (ci / "news").mkdir(parents=True)
    (ci / "news" / "a.txt").write_text(GARBLED, encoding="utf-8")
    (payload,) = review(ci / "news" / "a.txt", tmp_path / "r.html")
    assert os.path.isabs(payload["path"])
    (tmp_path / "d.json").write_text(json.dumps(decisions_doc(payload, payload["edits"][:1])), encoding="utf-8")
    desk = tmp_path / "desk"
    shutil.move(ci, desk)
    changed = GARBLED.replace("Monday", "Tuesday")
    (desk / "news" / "a.txt").write_text(changed, encoding="utf-8")
    monkeypatch.chdir(desk)
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", "news/a.txt")
    assert r.exit_code == 2, r.output
    assert "changed since the report" in r.output
    assert (desk / "news" / "a.txt").read_text(encoding="utf-8") == changed


def test_a_markdown_heading_gets_a_minor_in_the_report(tmp_path: Path) -> None:
    """The report reads a Markdown file as the CLI does: a heading in a list item, as the parser reads
    it, gets at most a minor MTF401; the same sentence as a paragraph a major (session 12; a sentence major on the
    probability alone under garble-1.0@ac2c23f09776, p 0.68)."""
    sentence = "The talks to the end of the week until continue will, them said, the agreement to sign the sides is expected."
    path = tmp_path / "notes.md"
    path.write_text(f"- # {sentence}\n\n{sentence}\n", encoding="utf-8")
    payload = review(path, tmp_path / "report.html")[0]
    found = [(f["l"], f["s"]) for f in payload["units"][0]["f"] if f["c"] == "MTF401"]
    assert found == [(1, "minor"), (3, "major")]


SUBTITLES = ("1\r\n00:00:01,000 --> 00:00:03,000\r\n<i>Prices of oilgas rose</i>\r\n\r\n"
             "2\r\n00:00:03,000 --> 00:00:05,000\r\nagain on Monday.\r\n")


def test_subtitle_decisions_change_cue_text_only(tmp_path):
    """An accepted edit and a correction in cue text are written; a correction of a timing line is
    refused whole (the file is kept byte for byte)."""
    srt = tmp_path / "talk.srt"
    srt.write_bytes(SUBTITLES.encode("utf-8"))
    payload = review(srt, tmp_path / "r.html")[0]
    unit_text = payload["units"][0]["text"]
    accept = [edit_of(payload, "MTF206")]
    bad = with_corrections(decisions_doc(payload, accept), [correction(unit_text, "00:00:03,000 -->", "00:00:04,000 -->")])
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "bad.json", srt)
    assert r.exit_code == 2 and srt.read_bytes() == SUBTITLES.encode("utf-8"), r.output
    assert "cannot be written in this subtitle file: they would change a cue number, a timing" in r.output
    good = with_corrections(decisions_doc(payload, accept), [correction(unit_text, "on Monday", "on Tuesday")])
    (tmp_path / "good.json").write_text(json.dumps(good), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "good.json", srt)
    assert r.exit_code == 0, r.output
    assert srt.read_bytes() == SUBTITLES.replace("oilgas", "oil and gas").replace("Monday", "Tuesday").encode("utf-8")


@pytest.mark.parametrize("crlf", [False, True])
def test_decisions_applied_twice_are_recognised_and_change_nothing(tmp_path, crlf):
    """An editor (or a hook) runs `fix --decisions` a second time: it said "the file changed since
    the report was made" and exited 2, as if the file had been edited. Now undoing the recorded
    edits and corrections gives the reviewed file's digest back, so it says they are applied and
    exits 0, writing nothing; a file edited after that is still refused."""
    text = MINUTES.replace("\n", "\r\n") if crlf else MINUTES
    article = tmp_path / "minutes.txt"
    article.write_bytes(text.encode("utf-8"))
    payload = review(article, tmp_path / "r.html")[0]
    accept = [edit_of(payload, "MTF101"), edit_of(payload, "MTF206")]
    doc = with_corrections(decisions_doc(payload, accept, [edit_of(payload, "MTF104")]),
                           [correction(payload["units"][0]["text"], ROAD, ROAD_FIXED)])
    (tmp_path / "d.json").write_text(json.dumps(doc), encoding="utf-8")
    assert cli("fix", *OFF, "--decisions", tmp_path / "d.json", article).exit_code == 0
    done = MINUTES_DECIDED.replace(b"\n", b"\r\n") if crlf else MINUTES_DECIDED
    assert article.read_bytes() == done
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", article)
    assert r.exit_code == 0, r.output
    assert "already applied" in r.output and "0 accepted edits applied; changed 0 of 1" in r.output
    assert article.read_bytes() == done
    article.write_bytes(done.replace(b"Friday", b"Saturday"))
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", article)
    assert r.exit_code == 2 and "changed since the report" in r.output
    assert article.read_bytes() == done.replace(b"Friday", b"Saturday")


def test_findings_left_as_is_are_read_and_ignored_by_fix():
    """The page exports the findings with no edit the editor left as is ("checked", for people and for
    Import); fix --decisions reads the file as before and applies only the accepted edits."""
    from mtfix.review.decisions_file import parse_decisions

    doc = {"format": "mtfix-review-decisions", "version": 1, "files": [
        {"path": "a.txt", "digest": "sha256:00", "decisions": [{"id": "ab", "decision": "accept"}],
         "checked": [{"code": "MTF401", "unit": 0, "start": 3, "end": 9}]},
        {"path": "b.txt", "digest": "sha256:01", "decisions": [],
         "checked": [{"code": "MTF120", "unit": 0, "start": 0, "end": 4}]}]}
    parsed = parse_decisions(doc, "d.json")
    assert parsed.files[0].accepted == ["ab"] and parsed.files[1].accepted == []


def test_every_safe_edit_decided_as_the_page_accepts_them_writes_what_fix_writes(tmp_path):
    """The report proposes the safe edits of `fix`'s later passes with the edit each follows (session 23: a
    stray space before a comma goes, then the comma after "said that", or the doubled comma): every safe edit
    accepted as *Accept safe edits* does (in order, none over an accepted one, a later pass's edit only with its
    own) and applied with `fix --decisions` gives `mtfix fix`'s bytes, CRLF and all."""
    text = (
        "He said that , the bridge 😀 was closed ; said the minister .\r\n"
        "Prices rose ,, and the the ferry (מעבורת) stopped.\r\nIt was said that ,, the water came back.\r\n"
        "The water came back ,,and the ferry stopped .\r\n"  # a third pass: the space after the comma left
        # session 24: a loop's repeats go (MTF106), then the doubled words of the part kept, inside its finding
        "The boats went to the the the port went to the the the port went to the the the port.\r\n"
        # session 25: `fix` stops at its pass limit here; the passes it made are proposed all the same
        "He said that ,, the talks said that ,, the vote said that ,, the plan went ahead.\r\n"
    )
    doc = tmp_path / "commas.txt"
    doc.write_bytes(text.encode("utf-8"))
    (tmp_path / "fixed").mkdir()
    assert cli("fix", *OFF, "-o", tmp_path / "fixed", doc).exit_code == 0
    data = review(doc, tmp_path / "r.html")[0]
    accepted: list[dict] = []
    for e in data["edits"]:
        if e["x"] != "safe" or (e.get("w") and e["w"] not in {a["id"] for a in accepted}):
            continue
        if any(a["u"] == e["u"] and a["a"] < e["b"] and e["a"] < a["b"] for a in accepted):
            continue
        accepted.append(e)
    assert any(e.get("w") for e in accepted)  # the later passes' edits are proposed
    for f in data["units"][0]["f"]:  # each in the card of the finding whose edit it follows
        later = [data["edits"][i] for i in f["e"] if data["edits"][i].get("w")]
        assert all(e["w"] in {data["edits"][i]["id"] for i in f["e"]} for e in later)
    (tmp_path / "d.json").write_text(json.dumps(decisions_doc(data, accepted)), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", doc)
    assert r.exit_code == 0, r.output
    assert doc.read_bytes() == (tmp_path / "fixed" / doc.name).read_bytes()


def test_the_summary_says_where_fix_stops_before_it_is_done(tmp_path):
    """Session 25: where `fix` stops at its pass limit the page proposes the passes it made (the text then
    reads as `fix` writes it) and the file's summary names the line and the rule still firing; where fixes undo
    each other, `fix` leaves the text where the circle starts, and the summary says so, not that the edits
    proposed are the ones it made."""
    from mtfix.config import Config
    from mtfix.io.inputs import Input
    from mtfix.pipeline import Pipeline
    from mtfix.review.proposals import review_input
    from tests.reliability.test_data_safety import _flip_flop, _pipeline

    text = "Fine line.\nHe said that ,, the talks said that ,, the vote said that ,, the plan went on.\n"
    stuck = review_input(Pipeline(Config(grammar="off")), Input("a.txt", text.encode()))
    assert len(stuck.notes) == 1 and stuck.notes[0].startswith(
        "line 2: `mtfix fix` stopped after 4 passes with MTF102 still firing. The edits proposed here are the ones"
    ), stuck.notes
    circle = review_input(_pipeline(_flip_flop(tmp_path), "FLP"), Input("b.txt", b"Intro.\nThe colour of it.\n"))
    assert circle.notes == [
        "line 2: fixes undo each other (FLP101, FLP102): `mtfix fix` stops where they start going round and "
        "leaves their edits to you: read this sentence."
    ], circle.notes
    assert review_input(Pipeline(Config(grammar="off")), Input("c.txt", b"He said that , the talks.\n")).notes == []


def test_two_overlapping_edits_of_the_seed_accepted_exit_2_and_write_nothing(seed_report, tmp_path):
    d, raw, payload = seed_report
    pairs = [(a, b) for i, a in enumerate(payload["edits"]) for b in payload["edits"][i + 1:] if overlapping(a, b)]
    assert pairs, "seed 004's report offers two edits of the same text (MTF132 inside MTF303's span)"
    article = tmp_path / "article.txt"
    article.write_bytes(raw)
    dec = tmp_path / "d.json"
    dec.write_text(json.dumps(decisions_doc(dict(payload, path=str(article)), list(pairs[0]))), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", dec, article)
    assert r.exit_code == 2 and "overlap" in r.output, r.output
    assert article.read_bytes() == raw
