"""SARIF 2.1.0 output: structure checked against the parts of the OASIS
schema it uses (no package ships the schema and it cannot be fetched at test
time, so the subset is written out here, with ``additionalProperties: false``
as in the real schema), and every region checked against the file."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.config import Config
from mtfix.files import check_input
from mtfix.io.inputs import Input
from mtfix.pipeline import Pipeline
from mtfix.report.sarif import sarif_report

_REGION = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "startLine": {"type": "integer", "minimum": 1},
        "startColumn": {"type": "integer", "minimum": 1},
        "endLine": {"type": "integer", "minimum": 1},
        "endColumn": {"type": "integer", "minimum": 1},
        "snippet": {"$ref": "#/definitions/artifactContent"},
    },
}
_PROPS = {"type": "object"}
SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "additionalProperties": False,
    "required": ["version", "runs"],
    "properties": {
        "$schema": {"type": "string", "format": "uri"},
        "version": {"enum": ["2.1.0"]},
        "runs": {"type": "array", "items": {"$ref": "#/definitions/run"}},
    },
    "definitions": {
        "message": {
            "type": "object", "additionalProperties": False, "anyOf": [{"required": ["text"]}, {"required": ["id"]}],
            "properties": {"text": {"type": "string"}, "id": {"type": "string"}},
        },
        "mfString": {
            "type": "object", "additionalProperties": False, "required": ["text"],
            "properties": {"text": {"type": "string"}, "markdown": {"type": "string"}},
        },
        "artifactContent": {"type": "object", "additionalProperties": False, "properties": {"text": {"type": "string"}}},
        "artifactLocation": {
            "type": "object", "additionalProperties": False,
            "properties": {"uri": {"type": "string", "format": "uri-reference"}, "uriBaseId": {"type": "string"}},
        },
        "region": _REGION,
        "location": {
            "type": "object", "additionalProperties": False,
            "properties": {
                "physicalLocation": {
                    "type": "object", "additionalProperties": False,
                    "properties": {
                        "artifactLocation": {"$ref": "#/definitions/artifactLocation"},
                        "region": {"$ref": "#/definitions/region"},
                    },
                }
            },
        },
        "rule": {
            "type": "object", "additionalProperties": False, "required": ["id"],
            "properties": {
                "id": {"type": "string"}, "name": {"type": "string"},
                "shortDescription": {"$ref": "#/definitions/mfString"},
                "fullDescription": {"$ref": "#/definitions/mfString"},
                "help": {"$ref": "#/definitions/mfString"},
                "helpUri": {"type": "string", "format": "uri"},  # SARIF 2.1.0 reportingDescriptor.helpUri
                "defaultConfiguration": {
                    "type": "object", "additionalProperties": False,
                    "properties": {"level": {"enum": ["none", "note", "warning", "error"]}},
                },
                "properties": _PROPS,
            },
        },
        "replacement": {
            "type": "object", "additionalProperties": False, "required": ["deletedRegion"],
            "properties": {
                "deletedRegion": {"$ref": "#/definitions/region"},
                "insertedContent": {"$ref": "#/definitions/artifactContent"},
            },
        },
        "fix": {
            "type": "object", "additionalProperties": False, "required": ["artifactChanges"],
            "properties": {
                "description": {"$ref": "#/definitions/message"},
                "artifactChanges": {
                    "type": "array", "minItems": 1,
                    "items": {
                        "type": "object", "additionalProperties": False,
                        "required": ["artifactLocation", "replacements"],
                        "properties": {
                            "artifactLocation": {"$ref": "#/definitions/artifactLocation"},
                            "replacements": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/replacement"}},
                        },
                    },
                },
            },
        },
        "result": {
            "type": "object", "additionalProperties": False, "required": ["message"],
            "properties": {
                "ruleId": {"type": "string"}, "ruleIndex": {"type": "integer", "minimum": -1},
                "level": {"enum": ["none", "note", "warning", "error"]},
                "message": {"$ref": "#/definitions/message"},
                "locations": {"type": "array", "items": {"$ref": "#/definitions/location"}},
                "fixes": {"type": "array", "items": {"$ref": "#/definitions/fix"}},
                "partialFingerprints": {"type": "object", "additionalProperties": {"type": "string"}},
                "properties": _PROPS,
            },
        },
        "notification": {
            "type": "object", "additionalProperties": False, "required": ["message"],
            "properties": {
                "level": {"enum": ["none", "note", "warning", "error"]},
                "message": {"$ref": "#/definitions/message"},
                "locations": {"type": "array", "items": {"$ref": "#/definitions/location"}},
            },
        },
        "run": {
            "type": "object", "additionalProperties": False, "required": ["tool"],
            "properties": {
                "tool": {
                    "type": "object", "additionalProperties": False, "required": ["driver"],
                    "properties": {
                        "driver": {
                            "type": "object", "additionalProperties": False, "required": ["name"],
                            "properties": {
                                "name": {"type": "string"}, "version": {"type": "string"},
                                "semanticVersion": {"type": "string"},
                                "informationUri": {"type": "string", "format": "uri"},
                                "rules": {"type": "array", "items": {"$ref": "#/definitions/rule"}},
                            },
                        }
                    },
                },
                "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                "results": {"type": "array", "items": {"$ref": "#/definitions/result"}},
                "invocations": {
                    "type": "array",
                    "items": {
                        "type": "object", "additionalProperties": False, "required": ["executionSuccessful"],
                        "properties": {
                            "executionSuccessful": {"type": "boolean"},
                            "exitCode": {"type": "integer"}, "exitCodeDescription": {"type": "string"},
                            "toolExecutionNotifications": {"type": "array", "items": {"$ref": "#/definitions/notification"}},
                        },
                    },
                },
                "properties": _PROPS,
            },
        },
    },
}

ARTICLE = (
    "# Energy\n\n"
    "It simply came to our notice then that, the Şahdəniz talks ended.\n"
    "Prices of oilgas rose `oilgas` and Secretary Bilnken left.\n"
)


def _text_at(lines: list[str], region: dict) -> str:
    """The text a SARIF region covers (1-based, end column exclusive, code points)."""
    sl, sc, el, ec = region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]
    if sl == el:
        return lines[sl - 1][sc - 1 : ec - 1]
    middle = lines[sl : el - 1]
    return "\n".join([lines[sl - 1][sc - 1 :], *middle, lines[el - 1][: ec - 1]])


@pytest.fixture
def article(tmp_path: Path) -> Path:
    p = tmp_path / "energy news.md"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_cli_sarif_is_valid_and_regions_point_at_the_text(article, monkeypatch):
    monkeypatch.chdir(article.parent)
    r = CliRunner().invoke(app, ["check", "--grammar", "off", "--format", "sarif", article.name])
    assert r.exit_code == 1  # MTF101 is major
    log = json.loads(r.stdout)
    jsonschema.validate(log, SCHEMA, format_checker=jsonschema.FormatChecker())
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["name"] == "mtfix"
    lines = ARTICLE.split("\n")
    codes = set()
    for res in run["results"]:
        codes.add(res["ruleId"])
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == "energy%20news.md"
        region = loc["region"]
        assert _text_at(lines, region) == region["snippet"]["text"]
        for fix in res.get("fixes", []):
            for rep in fix["artifactChanges"][0]["replacements"]:
                deleted = _text_at(lines, rep["deletedRegion"])
                assert rep["insertedContent"]["text"] != deleted
    assert {"MTF101", "MTF206"} <= codes
    levels = {res["ruleId"]: res["level"] for res in run["results"]}
    assert levels["MTF101"] == "error" and levels["MTF206"] == "note"  # major → error, minor → note
    # the code span's "oilgas" is not reported
    assert sum(1 for res in run["results"] if res["ruleId"] == "MTF206") == 1


def test_fix_replacements_reproduce_the_safe_edits(article):
    pipeline = Pipeline(Config(grammar="off"))
    result = check_input(pipeline, Input(str(article), article.read_bytes()))
    log = sarif_report([result], pipeline.signature())
    text = ARTICLE
    line_starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            line_starts.append(i + 1)
    edits = []
    for res in log["runs"][0]["results"]:
        for fix in res.get("fixes", []):
            for rep in fix["artifactChanges"][0]["replacements"]:
                reg = rep["deletedRegion"]
                s = line_starts[reg["startLine"] - 1] + reg["startColumn"] - 1
                e = line_starts[reg["endLine"] - 1] + reg["endColumn"] - 1
                edits.append((s, e, rep["insertedContent"]["text"]))
    expected = [(e.start, e.end, e.replacement) for ur in result.units for f in ur.findings for e in f.edits]
    assert sorted(edits) == sorted(expected) and edits


def test_record_errors_become_notifications_and_unit_ids_are_kept():
    pipeline = Pipeline(Config(grammar="off", skip_bad_records=True))  # the per-record policy (session 33)
    raw = b'{"id": "n1", "body": "Prices of oilgas rose."}\n{"id": "n2", "body": 7}\n'
    result = check_input(pipeline, Input("feed.jsonl", raw), options={"text_field": "body", "id_field": "id"})
    log = sarif_report([result], pipeline.signature())
    jsonschema.validate(log, SCHEMA)
    run = log["runs"][0]
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["message"]["text"].startswith("line 2:")
    (res,) = run["results"]
    assert res["properties"]["unitId"] == "n1"
    assert res["locations"][0]["physicalLocation"]["region"]["startLine"] == 1


def test_schema_subset_rejects_what_sarif_rejects():
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "mtfix"}}, "results": [{"level": "major",
                                                                                        "message": {"text": "x"}}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)


def _fingerprints(tmp_path: Path, text: str) -> list[tuple[str, int, str]]:
    p = tmp_path / "news.md"
    p.write_text(text, encoding="utf-8")
    pipeline = Pipeline(Config(grammar="off"))
    log = sarif_report([check_input(pipeline, Input(str(p), p.read_bytes()))], pipeline.signature())
    jsonschema.validate(log, SCHEMA)
    return [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
             r["partialFingerprints"]["mtfixFinding/v1"]) for r in log["runs"][0]["results"]]


def test_partial_fingerprints_are_stable_when_unrelated_lines_move(tmp_path):
    first = _fingerprints(tmp_path, ARTICLE)
    assert first == _fingerprints(tmp_path, ARTICLE)  # the same on every run
    moved = _fingerprints(tmp_path, "# Preface\n\nA clean opening line was added.\n\n" + ARTICLE)
    assert [(c, fp) for c, _, fp in moved] == [(c, fp) for c, _, fp in first]  # lines moved, fingerprints did not
    assert [line for _, line, _ in moved] == [line + 4 for _, line, _ in first]
    assert len({fp for _, _, fp in first}) == len(first)


def test_the_same_finding_twice_in_a_file_has_two_fingerprints(tmp_path):
    found = _fingerprints(tmp_path, "Prices of oilgas rose.\n\nPrices of oilgas rose.\n")
    mtf206 = [fp for code, _, fp in found if code == "MTF206"]
    assert len(mtf206) == 2 and mtf206[0] != mtf206[1]


@pytest.mark.parametrize(("content", "code"), [("The talks ended.\n", 0), (ARTICLE, 1), (b"\xff\xfeab\xd8", 2)])
def test_invocation_records_the_exit_code_of_the_run(tmp_path, monkeypatch, content, code):
    p = tmp_path / "a.md"
    p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(app, ["check", "--grammar", "off", "--format", "sarif", "a.md"])
    assert r.exit_code == code, r.output
    log = json.loads(r.stdout)
    jsonschema.validate(log, SCHEMA)
    (inv,) = log["runs"][0]["invocations"]
    assert inv["exitCode"] == code and inv["executionSuccessful"] is (code != 2)
    assert inv["exitCodeDescription"]
