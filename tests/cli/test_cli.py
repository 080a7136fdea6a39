"""The command line's contracts: output formats, exit codes, atomic in-place fixes, errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app

GARBLED = (
    "It simply came to our notice then that, the ministers met in Tbilisi.\n"
    "They discussed the oilgas route and There were no objections.\n"
)
CLEAN = "The ministers met in Tbilisi.\nThey discussed the gas route; there were no objections.\n"
OFF = ["--grammar", "off"]


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(app, [*args], input=input)


@pytest.fixture
def garbled(tmp_path: Path) -> Path:
    p = tmp_path / "article.txt"
    p.write_text(GARBLED, encoding="utf-8")
    return p


def test_check_text_output_and_exit_code(garbled):
    r = run("check", *OFF, str(garbled))
    assert r.exit_code == 1  # MTF101 is major, the default --fail-on
    assert f"{garbled}:1:1: MTF101 [major]" in r.output
    assert f"{garbled}:2:20: MTF206 [minor]" in r.output


def test_check_fail_on_threshold(tmp_path):
    p = tmp_path / "minor.txt"
    p.write_text("Prices of oilgas rose.\n", encoding="utf-8")
    assert run("check", *OFF, str(p)).exit_code == 0
    assert run("check", *OFF, "--fail-on", "minor", str(p)).exit_code == 1


def test_check_json_schema(garbled):
    r = run("check", *OFF, "--format", "json", str(garbled))
    report = json.loads(r.stdout)
    (entry,) = report["files"]
    assert entry["path"] == str(garbled)
    assert 0 <= entry["score"]["fluency"] < 100
    f = entry["findings"][0]
    assert set(f) >= {"code", "category", "severity", "start", "end", "line", "col", "message", "suggestions", "fix"}
    assert f["code"] == "MTF101" and f["fix"] == "safe" and f["line"] == 1 and f["col"] == 1
    assert GARBLED[f["start"] : f["end"]].startswith("It simply came")


def test_select_and_ignore(garbled):
    r = run("check", *OFF, "--format", "json", "--select", "MTF2", str(garbled))
    codes = {f["code"] for f in json.loads(r.stdout)["files"][0]["findings"]}
    assert codes == {"MTF206"}
    r = run("check", *OFF, "--format", "json", "--ignore", "MTF101,MTF2", str(garbled))
    codes = {f["code"] for f in json.loads(r.stdout)["files"][0]["findings"]}
    assert "MTF101" not in codes and "MTF206" not in codes and codes


def test_fix_in_place_then_again_changes_nothing(garbled):
    r = run("fix", *OFF, str(garbled))
    assert r.exit_code == 0, r.output
    fixed = garbled.read_text(encoding="utf-8")
    assert fixed.startswith("The ministers met in Tbilisi.\n")
    assert "oil and gas" in fixed
    assert "There were" in fixed  # an unsafe fix, held back
    r2 = run("fix", *OFF, "--unsafe-fixes", str(garbled))
    assert "and there were" in garbled.read_text(encoding="utf-8")
    before = garbled.read_bytes()
    run("fix", *OFF, "--unsafe-fixes", str(garbled))
    assert garbled.read_bytes() == before
    assert r2.exit_code == 0


def test_fix_diff_changes_nothing_and_explains(garbled):
    r = run("fix", *OFF, "--diff", str(garbled))
    assert garbled.read_text(encoding="utf-8") == GARBLED
    assert "-It simply came to our notice then that, the ministers" in r.output
    assert "+The ministers met in Tbilisi." in r.output
    assert "MTF101" in r.output and "rule:en-generic:MTF101" in r.output


def test_fix_output_dir(garbled, tmp_path, monkeypatch):
    out = tmp_path / "out"
    monkeypatch.chdir(garbled.parent)
    r = run("fix", *OFF, "-o", str(out), garbled.name)
    assert r.exit_code == 0, r.output
    assert garbled.read_text(encoding="utf-8") == GARBLED
    assert "oil and gas" in (out / garbled.name).read_text(encoding="utf-8")


def test_fix_keeps_bom_crlf_and_bytes_outside_edits(tmp_path):
    p = tmp_path / "crlf.txt"
    raw = "\ufeffLine one.\r\nPrices of oilgas rose.\r\nLast line without newline".encode("utf-8")
    p.write_bytes(raw)
    run("fix", *OFF, str(p))
    assert p.read_bytes() == raw.replace(b"oilgas", b"oil and gas")


def test_fix_utf16(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes("Prices of oilgas rose.\n".encode("utf-16"))
    run("fix", *OFF, str(p))
    assert p.read_bytes() == "Prices of oil and gas rose.\n".encode("utf-16")


def test_fix_stdin_to_stdout(mtfix_cli):
    proc = mtfix_cli("fix", *OFF, "-", stdin=GARBLED.encode())
    assert proc.rc == 0, proc.stderr
    assert proc.stdout.startswith("The ministers met in Tbilisi.\n")


def test_check_stdin_exit_code(mtfix_cli):
    proc = mtfix_cli("check", *OFF, "-", stdin=GARBLED.encode())
    assert proc.rc == 1
    assert "-:1:1: MTF101" in proc.stdout


def test_undecodable_file_is_an_input_error_and_untouched(tmp_path):
    p = tmp_path / "bad.txt"
    raw = b"Prices of oilgas rose.\nA bad byte \xff here.\n"
    p.write_bytes(raw)
    r = run("fix", *OFF, str(p))
    assert r.exit_code == 2
    assert f"{p}:2:" in r.output and "not valid utf-8" in r.output
    assert p.read_bytes() == raw


def test_missing_path_is_exit_2(tmp_path):
    r = run("check", *OFF, str(tmp_path / "nope"))
    assert r.exit_code == 2 and "no such file or directory" in r.output


def test_bad_rule_pack_is_exit_2(tmp_path, garbled):
    pack = tmp_path / "bad.yaml"
    pack.write_text(
        "pack: bad\nrules:\n  - code: BAD001\n    name: x\n    title: x\n    docs: x\n    category: Fluency/Spelling\n"
        "    severity: minor\n    message: x\n    pattern: '(oops'\n    examples: {flag: [x], pass: [y]}\n",
        encoding="utf-8",
    )
    r = run("check", *OFF, "--rules", str(pack), str(garbled))
    assert r.exit_code == 2
    assert f"rule pack 'bad' ({pack}), rule BAD001, field 'pattern'" in r.output


def test_directory_walk_skips_binary(tmp_path):
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "img.txt").write_bytes(b"\x89PNG\r\n\x00\x00binary")  # walked (.txt), then skipped as binary
    r = run("check", *OFF, "--format", "json", str(tmp_path))
    paths = [f["path"] for f in json.loads(r.stdout)["files"]]
    assert paths == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt")]
    assert "binary file skipped" in r.stderr


def test_score_json_and_reference(tmp_path, garbled):
    ref = tmp_path / "ref.txt"
    ref.write_text(CLEAN, encoding="utf-8")
    r = run("score", *OFF, "--format", "json", "--ref", str(ref), str(garbled))
    (entry,) = json.loads(r.stdout)["files"]
    assert 0 <= entry["fluency"] < 100
    assert entry["signature"].startswith("mtfix-fluency|rules:")
    assert entry["segments"] and all(0 <= s["fluency"] <= 100 for s in entry["segments"])
    assert entry["reference"]["chrF"]["signature"].startswith("nrefs:1|")
    assert 0 < entry["reference"]["BLEU"]["score"] < 100
    text = run("score", *OFF, "--ref", str(ref), str(garbled)).output
    assert "fluency" in text and "chrF" in text and "TER" in text and "signature: mtfix-fluency" in text


def test_score_glossary_adherence_of_records_covers_every_record(tmp_path):
    """A file of records reports the glossary mentions of all its records, not the last record's."""
    names = "President Ilham Aliev met Nikol Pashinyan in Brussels."
    quiet = "The talks ended without a statement."
    records = tmp_path / "news.jsonl"
    records.write_text(json.dumps({"text": names}) + "\n" + json.dumps({"text": quiet}) + "\n", encoding="utf-8")
    whole = tmp_path / "one.jsonl"
    whole.write_text(json.dumps({"text": f"{names} {quiet}"}) + "\n", encoding="utf-8")
    got = [json.loads(run("score", *OFF, "--text-field", "text", "--format", "json", str(p)).stdout)["files"][0]
           ["glossary"] for p in (records, whole)]
    assert got[0]["mentions"] == 3 and got[0]["findings"] == {"MTF301": 1}
    assert got[0] == got[1]  # the same mentions, shares and findings as one record holding both texts


def test_score_ref_is_read_with_the_encoding_given(tmp_path):
    """``--encoding latin-1`` decodes the reference as it decodes the input (it asked for it: the error
    told the user to pass the option they had passed)."""
    hyp = tmp_path / "h.txt"
    hyp.write_bytes("The café was closed.\nPrices rose.\n".encode("latin-1"))
    ref = tmp_path / "r.txt"
    ref.write_bytes("The café was closed.\nPrices rose.\n".encode("latin-1"))
    r = run("score", *OFF, "--encoding", "latin-1", "--format", "json", "--ref", str(ref), str(hyp))
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["files"][0]["reference"]["chrF"]["score"] == 100.0


def test_score_compares_the_prose_of_markdown_with_its_reference(tmp_path):
    """A Markdown reference is compared with the input's prose, as `check` reads it: front matter, code
    and link targets are not translation (they scored as words, so differing markup lowered BLEU), and
    a paragraph wrapped differently is still one line."""
    hyp = tmp_path / "h.md"
    hyp.write_text("---\ntitle: draft 2\n---\n# Rail talks\n\nThe ministers met on\nTuesday. See the "
                   "[statement](https://example.org/a?id=7).\n\n```\nlog 1\n```\n", encoding="utf-8")
    ref = tmp_path / "r.md"
    ref.write_text("# Rail talks\n\nThe ministers met on Tuesday. See the [statement](https://example.org/b).\n\n"
                   "```\nanother log entirely\n```\n", encoding="utf-8")
    r = run("score", *OFF, "--format", "json", "--ref", str(ref), str(hyp))
    assert r.exit_code == 0, r.output
    got = json.loads(r.stdout)["files"][0]["reference"]
    assert got["BLEU"]["score"] == 100.0 and got["TER"]["score"] == 0.0, got


def test_score_refuses_standard_input_as_both_input_and_reference():
    """``score - --ref -`` read the text as the reference and scored an empty input (0 words, exit 0)."""
    r = run("score", *OFF, "--ref", "-", "-", input="The minister spoke today.\n")
    assert r.exit_code == 2, r.output
    assert "--ref - and the input - cannot both be standard input" in r.output


def test_score_reports_records_it_could_not_read_and_never_pairs_around_them(tmp_path):
    """A record that cannot be read is reported by ``score`` as by ``check`` (it was silently left out of a
    score that looked complete); with ``--ref`` it would shift every later pair, so that is an error."""
    good = ['{"text": "The talks ended on Monday."}', '{"text": "Prices rose sharply in May."}',
            '{"text": "The port reopened."}']
    hyp = tmp_path / "h.jsonl"
    hyp.write_text("\n".join([good[0], '{"text": oops', good[2]]) + "\n", encoding="utf-8")
    r = run("score", *OFF, "--text-field", "text", "--skip-bad-records", "--format", "json", str(hyp))
    assert r.exit_code == 0  # as check: the rest of the file is scored (asked for: session 33)
    assert "line 2: invalid JSON" in r.stderr
    (entry,) = json.loads(r.stdout)["files"]
    assert len(entry["errors"]) == 1 and "line 2" in entry["errors"][0]
    assert "line 2: invalid JSON" in run("score", *OFF, "--text-field", "text", "--skip-bad-records", str(hyp)).stderr
    refused = run("score", *OFF, "--text-field", "text", "--format", "json", str(hyp))  # by default: bad input
    assert refused.exit_code == 2 and json.loads(refused.stdout)["failures"][0]["line"] == 2, refused.output
    ref = tmp_path / "r.jsonl"
    ref.write_text("\n".join(good[:2]) + "\n", encoding="utf-8")
    bad_hyp = run("score", *OFF, "--text-field", "text", "--skip-bad-records", "--ref", str(ref), str(hyp))
    assert bad_hyp.exit_code == 2 and "line 2" in bad_hyp.stderr and "--ref" in bad_hyp.stderr
    hyp.write_text("\n".join(good) + "\n", encoding="utf-8")
    ref.write_text("\n".join([good[0], '{"text": broken', good[1], good[2]]) + "\n", encoding="utf-8")
    bad_ref = run("score", *OFF, "--text-field", "text", "--ref", str(ref), str(hyp))
    assert bad_ref.exit_code == 2 and f"--ref: {ref}: line 2: invalid JSON" in bad_ref.stderr, bad_ref.stderr
    ref.write_text("\n".join(good) + "\n", encoding="utf-8")  # a note on a record read anyway pairs fine
    # (one record has the source: a field no record has is an input error since session 17, round 7)
    hyp.write_text("\n".join(['{"src": "Danışıqlar bazar ertəsi başa çatdı.", ' + good[0][1:], *good[1:]]) + "\n",
                   encoding="utf-8")
    noted = run("score", *OFF, "--text-field", "text", "--source-field", "src", "--ref", str(ref), str(hyp))
    assert noted.exit_code == 0 and "checked without a source" in noted.stderr, noted.output


def test_score_of_a_file_without_records_still_has_a_signature(tmp_path):
    """Every score carries a signature: an empty file of records (no words: fluency null since round 18, was 100) too."""
    empty = tmp_path / "none.jsonl"
    empty.write_text("", encoding="utf-8")
    r = run("score", *OFF, "--text-field", "text", "--format", "json", str(empty))
    (entry,) = json.loads(r.stdout)["files"]
    assert entry["words"] == 0 and entry["fluency"] is None and entry["signature"].startswith("mtfix-fluency|rules:")
    assert "signature: mtfix-fluency|" in run("score", *OFF, "--text-field", "text", str(empty)).stdout


def test_rules_and_explain():
    r = run("rules")
    assert "MTF101" in r.output and "MTF206" in r.output
    head, first = r.output.splitlines()[:2]
    assert head.split() == ["CODE", "NAME", "PACK", "SEVERITY", "FIX", "CATEGORY", "TITLE"]
    assert first.index(first.split()[1]) == head.index("NAME")  # the columns line up under the header
    r = run("explain", "MTF206")
    assert r.exit_code == 0 and "oil and gas" in r.output and "Fix safety" in r.output
    assert run("explain", "NOPE999").exit_code == 2


#: A user's own rule pack (a stock opener, TRE101), shared with tests/rules/test_catalogue.py.
_USER_PACK = (Path(__file__).parent.parent / "data" / "user-pack.yaml").read_text(encoding="utf-8")


def test_explain_and_rules_know_the_users_own_packs(tmp_path, monkeypatch):
    """docs/rule-packs.md: "`mtfix explain TRE101` prints it" -- for a pack given with --rules or
    named by the settings file's rule-files, as `check` takes them."""
    (tmp_path / "my-pack.yaml").write_text(_USER_PACK, encoding="utf-8")
    r = run("explain", "--rules", str(tmp_path / "my-pack.yaml"), "TRE101")
    assert r.exit_code == 0 and "A stock opener" in r.output and "pack: my-pack" in r.output, r.output
    assert run("explain", "TRE101").exit_code == 2
    (tmp_path / "mtfix.toml").write_text('rule-files = ["my-pack.yaml"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = run("explain", "as-you-know")
    assert r.exit_code == 0 and "TRE101 (as-you-know)" in r.output, r.output
    r = run("rules", "--select", "TRE")
    assert r.exit_code == 0 and "TRE101" in r.output, r.output
    (tmp_path / "mtfix.toml").write_text('rule-files = ["nope.yaml"]\n', encoding="utf-8")
    r = run("explain", "MTF206")  # a broken settings file does not stop the documentation
    assert r.exit_code == 0 and "MTF206" in r.output and "warning" in r.output and "nope.yaml" in r.output, r.output
    assert run("explain", "--rules", "nope.yaml", "MTF206").exit_code == 2


@pytest.mark.parametrize(("change", "said"), [
    (("The talks failed.\"\n", "The talks failed!\"\n"),
     "flag example 'As you know, the talks failed.': the rule's fix gives 'The talks failed.'; the example says "
     "'The talks failed!'"),
    (('pass: ["As you know him, call him."]', 'pass: ["As you know, he left."]'),
     "pass example 'As you know, he left.' is reported at 'As you know, h'"),
    (('- text: "As you know, the talks failed."', '- text: "As we know, the talks failed."'),
     "flag example 'As we know, the talks failed.': not reported"),
])
def test_rules_check_examples_names_the_pack_file_rule_and_example(tmp_path, change, said):
    """A user's pack is tested as the bundled ones are: examples that fail are reported, exit 1."""
    pack = tmp_path / "my-pack.yaml"
    pack.write_text(_USER_PACK, encoding="utf-8")
    r = run("rules", "--rules", str(pack), "--select", "TRE", "--check-examples")
    assert r.exit_code == 0 and "2 example(s) of 1 rule(s) pass" in r.output, r.output
    assert _USER_PACK.count(change[0]) == 1
    pack.write_text(_USER_PACK.replace(*change), encoding="utf-8")
    r = run("rules", "--rules", str(pack), "--select", "TRE", "--check-examples")
    assert r.exit_code == 1 and f"rule pack 'my-pack' ({pack}), rule TRE101: {said}" in r.output, r.output


def test_doctor_checks_the_packs_and_glossaries_the_settings_file_names(tmp_path, monkeypatch):
    """`check` refuses a broken pack or glossary the settings file names: `doctor` must not call them OK."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "my-pack.yaml").write_text(_USER_PACK.replace("    fix: safe\n", "    fix: safe\n    suggestions: 5\n"),
                                           encoding="utf-8")
    (tmp_path / "names.tsv").write_text("term\tvariants\nBaku\tBaki\nGanja\tBaki\n", encoding="utf-8")
    (tmp_path / "mtfix.toml").write_text('rule-files = ["my-pack.yaml"]\nglossaries = ["names.tsv"]\n'
                                         'grammar = "off"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = run("doctor")
    assert r.exit_code == 1, r.output
    assert re.search(r"FAIL +rule packs .*my-pack.yaml.*TRE101.*suggestions", r.output), r.output
    assert re.search(r"FAIL +glossaries .*names.tsv:3", r.output), r.output
    (tmp_path / "my-pack.yaml").write_text(_USER_PACK, encoding="utf-8")
    (tmp_path / "names.tsv").write_text("term\tvariants\nBaku\tBaki\n", encoding="utf-8")
    r = run("doctor")
    assert re.search(r"OK +rule packs .*my-pack", r.output) and re.search(r"OK +glossaries .*names.tsv", r.output), r.output


def test_doctor_names_the_glossaries_of_mtfix_glossary_dir(tmp_path, monkeypatch):
    """With ``MTFIX_GLOSSARY_DIR`` set, ``check`` reads that folder's glossaries instead of the bundled
    ones: ``doctor`` said "bundled: international-organisations.yaml, south-caucasus.yaml" all the same."""
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "names.tsv").write_text("term\tvariants\nBaku\tBaky\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MTFIX_GLOSSARY_DIR", str(tmp_path / "house"))
    r = run("doctor")
    line = next(x for x in r.output.splitlines() if "glossaries" in x)
    assert "names.tsv" in line and "MTFIX_GLOSSARY_DIR" in line and "south-caucasus" not in line, line


def test_rules_with_an_unknown_pack_is_an_error():
    """``rules --pack nope`` listed the other checkers' rules and exited 0; ``check --pack nope``
    is an error, and so is this."""
    r = run("rules", "--pack", "nope")
    assert r.exit_code == 2 and "rule pack 'nope'" in r.output and "az-en" in r.output
    r = run("rules", "--pack", "az-en")
    assert r.exit_code == 0 and "MTF206" in r.output and "MTF101" not in r.output


def test_inline_suppression(tmp_path):
    p = tmp_path / "s.md"
    p.write_text("Prices of oilgas rose. <!-- mtfix-ignore: MTF206 -->\nPrices of oilgas fell.\n", encoding="utf-8")
    r = run("check", *OFF, "--format", "json", "--input-format", "text", str(p))
    lines = [f["line"] for f in json.loads(r.stdout)["files"][0]["findings"]]
    assert lines == [2]


@pytest.mark.parametrize("directive", ["<!-- mtfix-ignore: MTF206 -->", "mtfix-ignore: MTF206"])
def test_inline_suppression_in_an_old_mac_file(tmp_path, directive):
    """Lines end with a lone CR: a directive silences its own line only (it silenced every line, and a
    plain directive at a line's end silenced every code of its line)."""
    p = tmp_path / "s.txt"
    p.write_bytes(f"The oilgas , sector grew. {directive}\rThe oilgas sector fell.\r".encode())
    r = run("check", *OFF, "--format", "json", str(p))
    found = [(f["code"], f["line"]) for f in json.loads(r.stdout)["files"][0]["findings"]]
    assert ("MTF206", 2) in found and ("MTF111", 1) in found and ("MTF206", 1) not in found


@pytest.fixture(scope="module")
def demo_output():
    """One run of ``mtfix demo`` (it starts LanguageTool when installed) for the tests that read what it says."""
    return run("demo")


def test_demo_runs_and_repairs(demo_output):
    r = demo_output
    assert r.exit_code == 0, r.output
    assert "+The foreign ministers" in r.output and "fluency before repair" in r.output


def test_demo_says_how_many_sentences_read_well(demo_output):
    """Beside each score the demo says how many sentences score 90 or above, so that the document number
    (the paragraphs' mean) reads against what is left for a human (session 15)."""
    r = demo_output
    counts = re.findall(r"fluency (?:before|after) repair: +[\d.]+ +\((\d+) of (\d+) sentences at 90 or above\)",
                        r.output)
    assert len(counts) == 2, r.output
    (good_before, n_before), (good_after, n_after) = ((int(a), int(b)) for a, b in counts)
    assert 0 < good_before < good_after < n_after and n_before > 0


def test_score_text_says_how_many_sentences_read_well(tmp_path):
    """``mtfix score`` prints, beside a file's number, how many of its sentences score 90 or above."""
    p = tmp_path / "a.txt"
    p.write_text("Prices rose.\n\nTbilisi Baku snowThe agreement was signed and There were no objections.\n",
                 encoding="utf-8")
    r = run("score", *OFF, str(p))
    assert r.exit_code == 0, r.output
    assert re.search(r"a\.txt: fluency [\d.]+ \(\d+ words; 1 of 2 sentences at 90 or above\)", r.output), r.output


def test_demo_warns_as_the_other_commands_do(tmp_path, monkeypatch):
    """On a fresh machine (no LanguageTool) the demo's warning reads like check's: one
    ``mtfix: warning:`` line (it was a bare ``warning:``)."""
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("MTFIX_LT_HOME", raising=False)
    r = run("demo")
    assert r.exit_code == 0, r.output
    warnings = [ln for ln in r.stderr.splitlines() if "warning" in ln]
    assert len(warnings) == 1 and warnings[0].startswith("mtfix: warning: grammar checks skipped"), r.stderr
    c = run("check", str(Path(__file__).parent.parent.parent / "examples" / "clean-news.txt"))
    assert warnings[0] in c.stderr.splitlines()


def test_score_text_says_glossary_adherence_in_words(tmp_path):
    """``mtfix score``'s text report gave the glossary adherence as a raw JSON object."""
    glossary = tmp_path / "names.tsv"
    glossary.write_text("term\tvariants\nJeyhun Bayramov\tCeyhun Bayramov\n", encoding="utf-8")
    p = tmp_path / "a.txt"
    p.write_text("Ceyhun Bayramov met reporters. Jeyhun Bayramov said so.\n", encoding="utf-8")
    r = run("score", *OFF, "--glossary", str(glossary), str(p))
    assert r.exit_code == 0, r.output
    (line,) = [ln for ln in r.stdout.splitlines() if ln.startswith("  glossary:")]
    assert "{" not in line and "% canonical" in line and "after repair" in line and "MTF301 ×1" in line, line
    j = json.loads(run("score", *OFF, "--glossary", str(glossary), "--format", "json", str(p)).stdout)
    g = j["files"][0]["glossary"]
    assert f"{g['mentions']} mentions, {100 * g['canonical_before']:.0f} % canonical" in line
    q = tmp_path / "b.txt"
    q.write_text("Prices rose.\n", encoding="utf-8")
    assert "  glossary: no names or terms of the glossaries" in run("score", *OFF, str(q)).stdout


@pytest.mark.parametrize("argv", [[], ["check"], ["fix"], ["glossary", "validate"], ["languagetool", "status"]])
def test_dash_h_is_help(argv):
    """``-h`` was "No such option: -h" (exit 2); it is ``--help``, at every level."""
    r, long = run(*argv, "-h"), run(*argv, "--help")
    assert r.exit_code == 0, r.output
    assert r.stdout == long.stdout and "Usage: mtfix" in r.stdout


def test_check_fixable_counts_what_fix_applies(tmp_path):
    """``check``'s "N fixable" and ``fix``'s "N edits" are one count (mtfix.repair.fix_plan): two
    findings with the same edit (MTF103 and MTF202 on a glued word) count once in both."""
    p = tmp_path / "news.txt"
    p.write_bytes((Path(__file__).parent.parent.parent / "examples" / "garbled-news.txt").read_bytes())
    checked, fixed = run("check", *OFF, str(p)), run("fix", "--diff", *OFF, str(p))
    n_fixable = int(re.search(r"(\d+) fixable with", checked.stderr).group(1))
    n_edits = int(re.search(r"(\d+) edits?;", fixed.stderr).group(1))
    assert n_fixable == n_edits > 0


def test_min_severity_reports_only_what_is_at_or_above_it(garbled, tmp_path):
    """``--min-severity major`` leaves the minor findings out of every report (text, JSON, SARIF),
    says how many it left out, and the exit code counts only what is reported; ``fix`` is unchanged."""
    everything = run("check", *OFF, str(garbled))
    majors = run("check", *OFF, "--min-severity", "major", str(garbled))
    assert "[minor]" in everything.stdout and "[major]" in majors.stdout
    assert "[minor]" not in majors.stdout
    shown_all = [ln for ln in everything.stdout.splitlines() if "[major]" in ln]
    assert majors.stdout.splitlines() == shown_all  # the majors are the same lines
    n_minor = everything.stdout.count("[minor]")
    assert f"{n_minor} below --min-severity not shown" in majors.stderr
    # the fixes of hidden findings are still counted: fix applies them
    fixable = re.compile(r"(\d+) fixable with")
    assert fixable.search(majors.stderr).group(1) == fixable.search(everything.stderr).group(1)
    report = json.loads(run("check", *OFF, "--format", "json", "--min-severity", "major", str(garbled)).stdout)
    (entry,) = report["files"]
    assert {f["severity"] for f in entry["findings"]} == {"major"} and report["stats"]["hidden"] == n_minor
    sarif = json.loads(run("check", *OFF, "--format", "sarif", "--min-severity", "major", str(garbled)).stdout)
    assert {r["level"] for r in sarif["runs"][0]["results"]} == {"error"}
    # exit: a minor-only file fails --fail-on minor, unless --min-severity hides its findings
    minor = tmp_path / "minor.txt"
    minor.write_text("Prices of oilgas rose.\n", encoding="utf-8")
    assert run("check", *OFF, "--fail-on", "minor", str(minor)).exit_code == 1
    assert run("check", *OFF, "--fail-on", "minor", "--min-severity", "major", str(minor)).exit_code == 0
    # the settings file says the same, and the command line wins over it
    (tmp_path / "mtfix.toml").write_text('min-severity = "major"\n', encoding="utf-8")
    assert "[minor]" not in run("check", *OFF, str(minor)).stdout
    assert "[minor]" in run("check", *OFF, "--min-severity", "minor", str(minor)).stdout


def test_min_severity_bad_value_is_a_usage_error(garbled, tmp_path):
    r = run("check", *OFF, "--min-severity", "severe", str(garbled))
    assert r.exit_code == 2 and "--min-severity: 'severe' is not one of minor, major, critical" in r.output
    (tmp_path / "mtfix.toml").write_text('min-severity = "all"\n', encoding="utf-8")
    bad = run("check", *OFF, str(garbled))
    assert bad.exit_code == 2 and "mtfix.toml:1" in bad.output and "min-severity" in bad.output


def test_score_verbose_names_the_record_of_each_segment(tmp_path):
    """Every record's first segment is segment 0: ``-v`` printed "segment 0" over and over."""
    hyp = tmp_path / "h.jsonl"
    hyp.write_text('{"id": "a1", "text": "The port reopened on Monday."}\n{"id": "a2", "text": "Prices rose."}\n',
                   encoding="utf-8")
    r = run("score", *OFF, "-v", "--text-field", "text", "--id-field", "id", str(hyp))
    assert r.exit_code == 0 and "record a1, segment 0:" in r.output and "record a2, segment 0:" in r.output


def test_fix_names_the_files_it_changed(tmp_path):
    """A hook's user saw "changed 1 of 2 file(s)" and had to find which; -q keeps it silent."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Prices of oilgas rose in May.\n", encoding="utf-8")
    b.write_text("The talks ended on Monday.\n", encoding="utf-8")
    r = run("fix", *OFF, str(a), str(b))
    assert r.exit_code == 0 and f"fixed {a} (1 edit)" in r.output and f"fixed {b}" not in r.output, r.output
    a.write_text("Prices of oilgas rose in May.\n", encoding="utf-8")
    assert "fixed" not in run("fix", *OFF, "-q", str(a)).output


def test_check_help_shows_the_report_line_as_it_is():
    """Rich markup took ``[severity]`` in the help for a tag and printed "CODE  message"."""
    assert "file:line:col: CODE [severity] message" in " ".join(run("check", "--help").output.split())


@pytest.mark.parametrize(("command", "accepted", "refused"), [
    (["check", "--grammar", "off", "-"], ["text", "json", "sarif"], "markdown"),
    (["score", "--grammar", "off", "-"], ["text", "json"], "sarif"),
    (["explain", "MTF105"], ["text", "json"], "sarif"),
    (["rules"], ["text", "json", "markdown"], "sarif"),
])
def test_format_help_names_what_each_command_accepts(command, accepted, refused):
    """Each command's --format help lists the formats it takes, and it takes exactly those."""
    help_text = " ".join(run(command[0], "--help").output.split())
    for fmt in accepted:
        assert fmt in help_text.split("--format", 1)[1].split("[default", 1)[0]
        assert run(*command, "--format", fmt, input="The talks went well.\n").exit_code in (0, 1)
    assert refused not in help_text.split("--format", 1)[1].split("[default", 1)[0]
    assert run(*command, "--format", refused, input="x\n").exit_code == 2


def test_the_library_refuses_what_is_not_text_with_a_type_error():
    import mtfix

    for bad in (None, b"The talks.", 42):
        for call in (mtfix.check, mtfix.fix, mtfix.score):
            with pytest.raises(TypeError, match="not (NoneType|bytes|int)"):
                call(bad)
    for bad in (b"The talks.", 42, ["The talks."]):  # a reference too (was AttributeError: no 'splitlines')
        with pytest.raises(TypeError, match="not (bytes|int|list)"):
            mtfix.score("The talks went on.", ref=bad)


def test_the_library_takes_options_as_sets_lists_or_tuples():
    """docs/library.md: keyword options are Config fields; a set of codes was "unhashable type: 'set'"."""
    import mtfix

    text = "Prices of oilgas rose. They met met in Baku."
    want = [f.code for f in mtfix.check(text, select=("MTF206",)).findings]
    assert want == ["MTF206"]
    for select in ({"MTF206"}, frozenset({"MTF206"}), ["MTF206"]):
        assert [f.code for f in mtfix.check(text, select=select).findings] == want
    assert mtfix.fix(text, ignore={"MTF206", "MTF105"}).text == text


def test_score_ref_pairs_records_with_their_references(tmp_path):
    """A file of records is scored against one reference per record: a file of the same format and
    field, or one line per record; the file's BLEU/chrF/TER are corpus scores over the pairs."""
    hyp = tmp_path / "h.jsonl"
    hyp.write_text('{"text": "Prices of oilgas rose in May."}\n{"text": "The port reopened on Monday."}\n',
                   encoding="utf-8")
    ref_jsonl = tmp_path / "r.jsonl"
    ref_jsonl.write_text('{"text": "Prices of oil rose in May."}\n{"text": "The port reopened on Monday."}\n',
                         encoding="utf-8")
    ref_txt = tmp_path / "r.txt"
    ref_txt.write_text("Prices of oil rose in May.\nThe port reopened on Monday.\n", encoding="utf-8")
    got = []
    for ref in (ref_jsonl, ref_txt):
        r = run("score", *OFF, "--text-field", "text", "--format", "json", "--ref", str(ref), str(hyp))
        assert r.exit_code == 0, r.output
        got.append(json.loads(r.output)["files"][0]["reference"])
    assert got[0] == got[1] and got[0]["segments"] == 2 and 0 < got[0]["BLEU"]["score"] < 100
    text = run("score", *OFF, "--text-field", "text", "--ref", str(ref_txt), str(hyp)).output
    assert "BLEU" in text and "TER" in text
    forced = run("score", *OFF, "--input-format", "jsonl", "--text-field", "text", "--format", "json",
                 "--ref", str(ref_txt), str(hyp))  # the reference's .txt is lines, whatever the input's format
    assert forced.exit_code == 0, forced.output
    assert json.loads(forced.output)["files"][0]["reference"] == got[0]
    one = tmp_path / "one.txt"
    one.write_text("Prices of oil rose in May.\n", encoding="utf-8")
    bad = run("score", *OFF, "--text-field", "text", "--ref", str(one), str(hyp))
    assert bad.exit_code == 2 and "1 reference(s) for the 2 unit(s)" in bad.output
