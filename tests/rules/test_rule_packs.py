"""Loading rule packs: every mistake names the pack, the rule code and the field."""

from __future__ import annotations

import dataclasses

import pytest
import yaml

from mtfix.errors import RulePackError
from mtfix.rules.engine import RulesChecker, select_rules
from mtfix.rules.pack import load_pack_file
from mtfix.segment import to_document

GOOD_RULE = {
    "code": "TST001",
    "name": "test-rule",
    "title": "A test rule",
    "docs": "What it does: tests.",
    "category": "Fluency/Spelling",
    "severity": "minor",
    "message": "test",
    "triggers": ["teh"],
    "pattern": r"\bteh\b",
    "replacement": "the",
    "fix": "safe",
    "examples": {"flag": [{"text": "teh cat", "fixed": "the cat"}], "pass": ["the cat"]},
}


def _write(tmp_path, rules, name="mypack"):
    p = tmp_path / f"{name}.yaml"
    p.write_text(yaml.safe_dump({"pack": name, "version": "1", "rules": rules}), encoding="utf-8")
    return p


def test_a_valid_user_pack_loads_and_fixes(tmp_path):
    pack = load_pack_file(_write(tmp_path, [GOOD_RULE]))
    checker = RulesChecker([pack])
    from mtfix.pipeline import Pipeline

    assert Pipeline(checkers=[checker]).fix("I saw teh cat.").text == "I saw the cat."


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"pattern": "(unclosed"}, "pattern"),
        ({"pattern": "(?P<m>)", "replacement": "x"}, "pattern"),  # matches the empty string: everywhere
        ({"pattern": "(teh)?", "replacement": "the"}, "pattern"),
        ({"title": None}, "title"),
        ({"severity": "huge"}, "severity"),
        ({"category": "Fluency/Nonsense"}, "category"),
        ({"fix": "maybe"}, "fix"),
        ({"examples": {"flag": [{"text": "teh", "fixed": "the"}]}}, "examples"),
        ({"colour": "red"}, "colour"),
        ({"params": {"words": ["yes", True]}}, "params.words"),
        ({"examples": {"flag": [{"text": "teh cat", "fixed": "the cat", "fix": "sure"}], "pass": ["x"]}},
         "examples.flag"),
        ({"detector": "repeated_word"}, "detector"),  # a pattern and a detector: the detector was ignored
        ({"suggestions": 5}, "suggestions"),  # was an internal error (TypeError) when the rule fired
        ({"suggestions": ["the", None]}, "suggestions"),
        ({"examples": {"flag": [{"text": "teh cat", "fixed": 42}], "pass": ["x"]}}, "examples.flag"),
        ({"examples": {"flag": [{"text": "teh cat", "fixed": "the cat", "flagged": ["teh"]}], "pass": ["x"]}},
         "examples.flag"),
    ],
)
def test_bad_rule_is_named_with_pack_code_and_field(tmp_path, change, field):
    rule = {**GOOD_RULE, **change}
    rule = {k: v for k, v in rule.items() if v is not None}
    with pytest.raises(RulePackError) as err:
        load_pack_file(_write(tmp_path, [rule]))
    assert err.value.pack == "mypack"
    assert err.value.code == "TST001"
    assert err.value.field == field
    assert "mypack" in str(err.value) and "TST001" in str(err.value) and field in str(err.value)
    assert str(tmp_path / "mypack.yaml") in str(err.value)  # the file, too


@pytest.mark.parametrize(("key", "value"), [
    ("pack", ["a", "b"]),  # was an internal error (unhashable list)
    ("pack", 123),
    ("source_lang", ["az"]),
    ("version", [1]),
    ("description", {"a": 1}),
])
def test_bad_pack_fields_are_named(tmp_path, key, value):
    p = tmp_path / "mypack.yaml"
    p.write_text(yaml.safe_dump({"pack": "mypack", "version": "1", "rules": [GOOD_RULE], key: value}),
                 encoding="utf-8")
    with pytest.raises(RulePackError) as err:
        RulesChecker.bundled([], extra_files=[str(p)])
    assert err.value.field == key and str(p) in str(err.value)


def test_a_key_given_twice_in_a_pack_is_an_error(tmp_path):
    """YAML keeps the last of two equal keys: a second `rules:` silently dropped every rule before it."""
    p = tmp_path / "mypack.yaml"
    p.write_text(yaml.safe_dump({"pack": "mypack", "rules": [GOOD_RULE]})
                 + yaml.safe_dump({"rules": [{**GOOD_RULE, "code": "TST002", "name": "second"}]}), encoding="utf-8")
    with pytest.raises(RulePackError, match=r"mypack.yaml.*duplicate key 'rules'"):
        load_pack_file(p)


def test_flags_given_as_one_string_say_they_must_be_a_list(tmp_path):
    with pytest.raises(RulePackError, match=r"field 'flags': must be a list") as err:  # was "unknown flag 'i'"
        load_pack_file(_write(tmp_path, [{**GOOD_RULE, "flags": "ignorecase"}]))
    assert "[ignorecase]" in str(err.value)


def test_duplicate_codes_and_invalid_yaml(tmp_path):
    with pytest.raises(RulePackError, match="duplicate"):
        load_pack_file(_write(tmp_path, [GOOD_RULE, GOOD_RULE]))
    bad = tmp_path / "broken.yaml"
    bad.write_text("rules: [\n", encoding="utf-8")
    with pytest.raises(RulePackError, match="broken.*not valid YAML"):
        load_pack_file(bad)


@pytest.mark.parametrize(("change", "field", "other"), [
    ({"code": "MTF101"}, "code", "MTF codes belong to the bundled packs"),  # a bundled rule's code
    ({"code": "MTF401"}, "code", "garble detector MTF4xx"),  # another checker's: the catalogue kept only one
    ({"code": "MTF999"}, "code", "a prefix of your own"),  # free today, a bundled rule's tomorrow
    ({"name": "hallucinated-phrase"}, "name", "en-generic"),  # a bundled rule's name
])
def test_a_user_rule_may_not_reuse_a_bundled_code_or_name(tmp_path, change, field, other):
    """Two rules under one code (or name) would share --select, --ignore, suppressions and docs."""
    path = _write(tmp_path, [{**GOOD_RULE, **change}])
    with pytest.raises(RulePackError) as err:
        RulesChecker.bundled(extra_files=[str(path)])
    assert err.value.field == field and str(path) in str(err.value) and other in str(err.value)
    from mtfix.catalogue import build_catalogue
    from mtfix.config import Config

    with pytest.raises(RulePackError, match=other):  # `mtfix rules --rules FILE` too
        build_catalogue(Config(rule_files=(str(path),)))


def test_two_user_packs_may_not_share_a_code(tmp_path):
    a = _write(tmp_path, [GOOD_RULE], name="first")
    b = _write(tmp_path, [{**GOOD_RULE, "name": "other-name"}], name="second")
    with pytest.raises(RulePackError, match=r"'second'.*TST001.*taken.*'first'"):
        RulesChecker.bundled(["en-generic"], extra_files=[str(a), str(b)])
    # one file named twice (the settings file's rule-files and --rules) is one pack, not a clash
    twice = RulesChecker.bundled(["en-generic"], extra_files=[str(a), str(tmp_path / "." / "first.yaml")])
    assert [r.code for r in twice.selected].count("TST001") == 1
    from typer.testing import CliRunner

    from mtfix.cli import app

    text = tmp_path / "a.txt"
    text.write_text("I saw teh cat.\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["check", "--grammar", "off", "--rules", str(a), "--rules", str(b), str(text)])
    assert r.exit_code == 2 and "TST001" in r.output and "Traceback" not in r.output, r.output


def test_select_and_ignore_by_code_or_prefix():
    rules = RulesChecker.bundled().selected
    assert {r.code for r in select_rules(rules, select=["MTF2"])} == {r.code for r in rules if r.code.startswith("MTF2")}
    kept = select_rules(rules, ignore=["MTF1", "MTF205"])
    assert kept and all(not r.code.startswith("MTF1") and r.code != "MTF205" for r in kept)


def test_prefilter_runs_patterns_only_where_triggers_occur():
    checker = RulesChecker.bundled()

    doc = to_document("A clean sentence.\nPrices of oilgas rose.")
    assert [(s.index,) for s in doc.segments] == [(0,), (1,)]
    pairs = checker._candidates(doc, doc.text.lower(), [s.start for s in doc.segments])
    assert [(r.code, segs) for r, segs in pairs] == [("MTF206", [1])]


def test_loop_severity_and_safety_follow_the_occurrence():

    checker = RulesChecker.bundled()

    def loop(text):
        (f,) = [f for f in checker.check(to_document(text)) if f.code == "MTF106"]
        return str(f.fix), str(f.severity)

    assert loop("Exports of wheat wheat wheat fell.") == ("safe", "major")
    assert loop("It was a long, long, long winter.") == ("unsafe", "minor")
    assert loop("They chanted: our town, our town, our town, our town, our town.") == ("safe", "major")
    assert loop("We discussed the new gas route the new gas route today.") == ("unsafe", "major")


# -- stock-phrase lists: every entry carries its own examples, and the suite runs them ------------------

def _phrase_cases():
    checker = RulesChecker.bundled()
    cases = []
    for rule in checker.selected:
        if rule.detector != "stock_phrases":
            continue
        for entry in rule.params["phrases"]:
            assert entry.get("flag") and entry.get("pass"), f"{rule.code}: {entry['match']!r} needs flag and pass"
            cases += [(rule.code, entry["match"], "flag", ex) for ex in entry["flag"]]
            cases += [(rule.code, entry["match"], "pass", ex) for ex in entry["pass"]]
    return cases


@pytest.mark.parametrize(("code", "match", "kind", "example"), _phrase_cases(),
                         ids=lambda x: x if isinstance(x, str) else None)
def test_stock_phrase_entry_examples(code, match, kind, example):
    from mtfix.pipeline import Pipeline

    checker = RulesChecker.bundled(select=[code])
    text = example if isinstance(example, str) else example["text"]
    found = checker.check(to_document(text))
    if kind == "pass":
        assert not found, f"{code} {match!r} flagged {text!r}"
        return
    assert found, f"{code} {match!r} did not flag {text!r}"
    fixed = Pipeline(checkers=[checker]).fix(text, unsafe=True).text
    assert fixed == example.get("fixed", text)


def test_hallucinated_phrase_mid_sentence_keeps_the_case_of_what_follows():
    from mtfix.pipeline import Pipeline

    p = Pipeline(checkers=[RulesChecker.bundled(select=["MTF101"])])
    assert p.fix("Officials said it simply came to our notice then that the pier is closed.").text == (
        "Officials said the pier is closed.")
    assert p.fix("It simply came to our notice then that, the pier is closed.").text == "The pier is closed."
    assert p.fix("“It simply came to our notice then that the pier is closed,” he said.").text == (
        "“The pier is closed,” he said.")


def test_case_variants_are_not_a_repeated_word():

    checker = RulesChecker.bundled(select=["MTF105", "MTF106"])
    assert not checker.check(to_document("ß ẞ"))
    assert not checker.check(to_document("The letters a A and ß ẞ differ only in case."))
    (f,) = checker.check(to_document("The the talks ended."))
    assert str(f.fix) == "safe"


@pytest.mark.parametrize(("text", "fmt"), [
    ("They waited for <i>the the</i> ferry.", "text"),
    ("{\\an8}The the ferry left.", "text"),
    ("They waited for *the the* ferry.\n", "markdown"),
    ("1\n00:00:01,000 --> 00:00:02,000\n<i>They waited for the the</i>\nferry.\n", "srt"),
])
def test_a_repeated_word_beside_inline_markup_is_found(text, fmt):
    """Until session 13 the scan that picks the sentences to look at compared "the" with "the</i>"."""
    from mtfix.files import unit_document
    from mtfix.formats import get_format

    doc = unit_document(get_format(fmt).load(text.encode(), f"a.{fmt}", {}).units[0], None)
    (f,) = RulesChecker.bundled(select=["MTF105"]).check(doc)
    assert text[f.start : f.end] == " the" and str(f.fix) == "safe"


@pytest.mark.parametrize(("text", "expected"), [
    ("Ties in trade, tourism and s. issues grew.", "Ties in trade, tourism and other issues grew."),
    ("They import tea, cotton and s. from Baku.", "They import tea, cotton, etc. from Baku."),
    ("They import tea, cotton and s.", "They import tea, cotton, etc."),
    ("Ties in energy and s. cooperation grew.", "Ties in energy and s. cooperation grew."),  # flagged, not fixed
])
def test_ve_s_becomes_etc_or_and_other(text, expected):
    from mtfix.pipeline import Pipeline

    checker = RulesChecker.bundled(["az-en"], select=["MTF205"])
    result = Pipeline(checkers=[checker]).fix(text)
    assert result.text == expected
    assert result.findings, text


# -- source-language packs run only where the document shows the language ---------------------------------

def _codes(text: str, **config) -> set[str]:
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    return {f.code for f in Pipeline(Config(grammar="off", default_glossaries=False, **config)).check(text).findings}


def test_language_pack_is_quiet_on_ordinary_english():
    assert not _codes("Heavy snow closed the roads.") & {"MTF203"}
    assert not _codes("Flights resumed after the weather There improved.") & {"MTF201"}
    assert not _codes("Aid was shared according to they say.") & {"MTF204"}


def test_rules_that_match_no_english_word_report_without_evidence():
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    p = Pipeline(Config(grammar="off", default_glossaries=False))
    assert p.fix("Prices of oilgas rose.").text == "Prices of oil and gas rose."
    assert p.fix("They sell tea, cotton and s. from Baku.").text == "They sell tea, cotton, etc. from Baku."


def test_language_pack_runs_when_named_or_evident():
    garbled = "Georgia Armenia snow The border was closed."
    assert "MTF203" not in _codes(garbled)
    assert "MTF203" in _codes(garbled, source_lang="az")
    assert "MTF203" in _codes(garbled, packs=("en-generic", "az-en"))
    # Azerbaijani letters in the document are evidence
    assert "MTF203" in _codes(garbled + " Gəncə officials agreed.")
    # so are two different calque signatures of the pack
    assert {"MTF203", "MTF206"} <= _codes(garbled + " Prices of oilgas rose.")
    # one Romanian place name with ş is not enough
    assert "MTF203" not in _codes(garbled + " Talks were held in Braşov.")


def test_language_pack_runs_when_bilingual_input_says_so():
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    p = Pipeline(Config(grammar="off", default_glossaries=False))
    doc = to_document("Georgia Armenia snow The border was closed.",
                             source="Gürcüstan Ermənistana qarşı sərhədi bağladı.")
    assert "MTF203" in {f.code for f in p.check(doc).findings}
    doc = dataclasses.replace(to_document("Georgia Armenia snow The border was closed."), meta={"source_lang": "az"})
    assert "MTF203" in {f.code for f in p.check(doc).findings}


def test_heavy_snow_check_exits_zero(mtfix_cli):
    """Issue 11: ``echo "Heavy snow closed the roads." | mtfix check -`` exits 0."""
    proc = mtfix_cli("check", "--grammar", "off", "-", stdin=b"Heavy snow closed the roads.\n", timeout=120)
    assert proc.rc == 0, proc.stdout + proc.stderr
    assert "MTF203" not in proc.stdout


def test_new_repairs_reach_a_fixed_point_and_keep_other_bytes():
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    p = Pipeline(Config(grammar="off", default_glossaries=False))
    text = ("The 21 th session ( in Baku ) ended ,, and the mayor\"s team met the heads of regionsin the north.. "
            "Then “We agree.”Talks went on. It simply came to our notice then that, all left.\n")
    once = p.fix(text, unsafe=True).text  # "north.." may be an ellipsis cut short: its fix is unsafe
    assert once == ("The 21st session (in Baku) ended, and the mayor's team met the heads of regions in the north. "
                    "Then “We agree.” Talks went on. All left.\n")
    assert p.fix(once, unsafe=True).text == once
