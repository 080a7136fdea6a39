"""Docs run as written, round 33 (session 53): docs/rules.md's intro, docs/detector.md and docs/scoring.md walked as
a new user.

The pages' claims and example fields are read from the pages (so a change to them is run again); the texts are
written for these tests (bench/RESULTS.md, "Session 53: debts and docs round 33").  Mended on the walk: the rules
page (and editors.md, architecture.md) said a finding's ``help_uri`` is in ``check --format json``; it is in
``mtfix rules --format json`` (and SARIF's ``helpUri``), which the page now says."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.cli_runner import run_mtfix

ROOT = Path(__file__).resolve().parents[2]
#: our own: a garbled sentence of 25 words (function words in a source's order, a verb at the end) and a short one
GARBLED = ("The delegation of the ministry with the students of the faculty a meeting held and the questions of the "
           "plan were discussed in the hall.\nPrices rose.\n")


def _page(name: str) -> str:
    return (ROOT / "docs" / name).read_text(encoding="utf-8")


def _anchors(page: str) -> set[str]:
    return set(re.findall(r'<a id="([^"]+)"></a>', page))


def test_rules_md_intro_names_where_the_links_are_and_each_points_to_a_section(tmp_path: Path) -> None:
    page = _page("rules.md")
    intro = page.split("| code |")[0]
    assert "`help_uri` in `mtfix rules --format json`" in intro and "SARIF's `helpUri`" in intro
    rules = run_mtfix("rules", "--format", "json")
    assert rules.rc == 0 and not rules.traceback
    anchors = _anchors(page)
    uris = {r["code"]: r["help_uri"] for r in json.loads(rules.stdout)}
    assert uris["MTF401"].endswith("docs/rules.md#mtf401")
    assert {u.split("#")[1] for u in uris.values() if u and "docs/rules.md#" in u} <= anchors
    (tmp_path / "g.txt").write_text(GARBLED, encoding="utf-8")
    sarif = run_mtfix("check", "--format", "sarif", "g.txt", cwd=tmp_path)
    assert sarif.rc in (0, 1) and not sarif.traceback
    rules_of_run = json.loads(sarif.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert rules_of_run and all(r["helpUri"].split("#")[1] in anchors for r in rules_of_run)


def test_rules_md_intro_commands_explain_a_code_and_list_your_own_pack(tmp_path: Path) -> None:
    page = _page("rules.md")
    section = page.split('<a id="mtf105"></a>')[1].split("<a id=")[0]
    explained = run_mtfix("explain", "MTF105")
    assert explained.rc == 0 and not explained.traceback
    first = explained.stdout.splitlines()[0]  # "MTF105 (name): title"
    assert first.split(": ", 1)[1] in section
    # `mtfix rules` lists the rules of a configuration, with your own packs: the pack block of docs/rule-packs.md
    pack = re.search(r"```yaml\n(pack: my-pack.*?)```", _page("rule-packs.md"), flags=re.S)
    assert pack is not None
    (tmp_path / "my-pack.yaml").write_text(pack.group(1), encoding="utf-8")
    listed = run_mtfix("rules", "--rules", "my-pack.yaml", cwd=tmp_path)
    assert listed.rc == 0 and not listed.traceback and "TRE101" in listed.stdout and "MTF401" in listed.stdout
    assert "TRE101" not in run_mtfix("rules", cwd=tmp_path).stdout


def test_detector_md_ignore_turns_the_checker_off_and_its_findings_are_flag_only(tmp_path: Path) -> None:
    page = _page("detector.md")
    assert "`--ignore MTF4` turns the\nchecker off" in page and "**flag only** (no edits)" in page
    (tmp_path / "g.txt").write_text(GARBLED, encoding="utf-8")
    checked = run_mtfix("check", "--format", "json", "g.txt", cwd=tmp_path)
    codes = [f["code"] for f in json.loads(checked.stdout)["files"][0]["findings"]]
    assert "MTF401" in codes
    off = json.loads(run_mtfix("check", "--ignore", "MTF4", "--format", "json", "g.txt", cwd=tmp_path).stdout)
    assert not [f for f in off["files"][0]["findings"] if f["code"].startswith("MTF4")]
    fixed = run_mtfix("fix", "g.txt", cwd=tmp_path)
    assert fixed.rc in (0, 1) and (tmp_path / "g.txt").read_text(encoding="utf-8") == GARBLED  # nothing to edit
    explained = run_mtfix("explain", "MTF401")
    assert explained.rc == 0 and "Flag only." in explained.stdout and explained.stdout.rstrip().endswith("#mtf401")


def test_scoring_md_segment_fields_short_segments_and_signature_fields(tmp_path: Path) -> None:
    page = _page("scoring.md")
    (tmp_path / "g.txt").write_text(GARBLED, encoding="utf-8")
    scored = run_mtfix("score", "--format", "json", "g.txt", cwd=tmp_path)
    assert scored.rc == 0 and not scored.traceback
    doc = json.loads(scored.stdout)["files"][0]
    assert 0 <= doc["fluency"] <= 100 and doc["signature"].startswith("mtfix-fluency|")
    fields = re.search(r"Each segment's JSON carries `(\w+)` \(the probability\), `(\w+)`.*?`(\w+)` \(its paragraph.*?"
                       r"`(\w+)` \(which", page, flags=re.S)
    assert fields is not None and fields.groups() == ("garbled", "statistical", "paragraph", "unit")
    long, short = doc["segments"]
    assert all(k in long for k in fields.groups()) and long["garbled"] > 0.5
    # "Segments the detector does not judge (fewer than six words) pay no garble penalty."
    assert "fewer than six words) pay no garble penalty" in page
    assert short["garbled"] is None and short["statistical"] == 0
    # the `select:` field and the one `garble:` field without the detector's findings, as the page writes them
    example = re.search(r"`(select:\+MTF2,-MTF206)`", page)
    assert example is not None
    selected = json.loads(run_mtfix("check", "--select", "MTF2", "--ignore", "MTF206", "--format", "json", "g.txt",
                                    cwd=tmp_path).stdout)["files"][0]["score"]["signature"]
    assert example.group(1) in selected.split("|")
    without = json.loads(run_mtfix("check", "--ignore", "MTF4", "--format", "json", "g.txt",
                                   cwd=tmp_path).stdout)["files"][0]["score"]["signature"].split("|")
    assert [f for f in without if f.startswith("garble:")] and not [f for f in without if f.startswith("score-garble")]
