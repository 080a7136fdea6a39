"""SARIF 2.1.0 reports (``mtfix check --format sarif``), as code-scanning
services read them.

* One run; ``tool.driver`` names mtfix, its version and every rule that has a
  result, from the rule catalogue (:mod:`mtfix.catalogue`): id, name, short and
  full description, help text, ``helpUri``, default level, and MQM category,
  severity, fix safety, checker and pack in ``properties``.
* Levels: ``minor`` → ``note``, ``major`` → ``error``, ``critical`` →
  ``error``.  Major is an error because ``--fail-on major`` is the default:
  what fails ``mtfix check`` fails the scan.  The MQM severity itself is kept
  in each result's ``properties.severity``.
* Regions are 1-based; ``endColumn`` is the column after the last character;
  columns count Unicode code points (``columnKind: unicodeCodePoints``), as
  mtfix's own reports do.  For units of record and bilingual formats, the
  line is the record's (or the target element's) line in the file and the
  column counts within the unit's text.
* Fixable findings (safe or unsafe) in plain text and Markdown carry ``fixes``
  with the replacements, regions of the file.  In the other formats the unit's
  text is escaped, quoted or marked up in the file (``&amp;``, inline tags,
  JSON and PO escapes, CSV quoting), so a region counted within the text is
  not the file's bytes there: their results have no ``fixes`` (``mtfix fix``
  applies them); ``properties.fix`` and ``suggestions`` still say what it would do.
* Each result has ``partialFingerprints`` (``mtfixFinding/v1``): a hash of its rule, unit id,
  sentence and flagged text with its occurrence in the file, no line number, so that an alert
  keeps its identity when lines are added elsewhere in the file.
* Records that could not be read are ``toolExecutionNotifications`` at their line (level
  ``warning``; the rest of the file was checked).  Files that could not be
  read at all are notifications of level ``error``, and make
  ``executionSuccessful`` false (``mtfix check`` exits 2); binary files that
  were skipped are notifications of level ``warning``.  The invocation has the command's
  ``exitCode`` (0, 1, 2) and ``exitCodeDescription``.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from mtfix.findings import also_note
from mtfix.model import FixSafety

if TYPE_CHECKING:
    from mtfix.files import FileResult, UnitResult

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"minor": "note", "major": "error", "critical": "error"}


def _catalogue(config: Any = None) -> Any:
    """The rule catalogue (the same one ``mtfix rules`` and ``mtfix explain`` print; with
    ``config``, its ``rule_files`` too)."""
    from mtfix.catalogue import build_catalogue

    return build_catalogue(config)


def artifact_uri(path: str) -> str:
    """A SARIF artifact URI for ``path``: relative paths stay relative; the bytes of the name as
    the file system holds it are percent-encoded (a name that is not UTF-8 too).

    >>> artifact_uri("news/a b.md"), artifact_uri("-"), artifact_uri(os.fsdecode(b"caf\\xe9.txt"))
    ('news/a%20b.md', 'stdin', 'caf%E9.txt')
    """
    if path == "-":
        return "stdin"
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(os.fsencode(path.replace(os.sep, "/")))


def _region(ur: UnitResult, start: int, end: int) -> dict[str, int]:
    sl, sc = ur.location(start)
    el, ec = ur.location(end)
    return {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec}


def rule_descriptor(info: Any) -> dict[str, Any]:
    """A SARIF reportingDescriptor for a catalogue rule: the catalogue's fields, plus ``helpUri`` (left
    out for a plug-in's rule that names no documentation)."""
    d: dict[str, Any] = {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.title},
        "fullDescription": {"text": info.docs or info.title},
        "help": {"text": info.explain()},
        "helpUri": info.help_uri,
        "defaultConfiguration": {"level": LEVELS.get(info.severity, "warning")},
        "properties": {
            "category": info.category, "severity": info.severity, "fix": info.fix, "checker": info.checker,
            "pack": info.pack, "tags": ["mqm"],
        },
    }
    if not info.help_uri:
        del d["helpUri"]
    return d


def _rule_entry(code: str, sample: Any, config: Any = None) -> dict[str, Any]:
    info = _catalogue(config).get(code)  # LT rules mtfix has no entry for are described by their finding
    if info is not None:
        return rule_descriptor(info)
    return {  # a rule no catalogue source knows (a plug-in's): described by its finding
        "id": code,
        "name": code,
        "shortDescription": {"text": sample.message},
        "help": {"text": f"{code}: {sample.message}"},
        "defaultConfiguration": {"level": LEVELS.get(str(sample.severity), "warning")},
        "properties": {"category": sample.category, "severity": str(sample.severity), "tags": ["mqm"]},
    }


FINGERPRINT = "mtfixFinding/v1"


def _fingerprint(ur: UnitResult, f, seen: Counter[str]) -> str:
    """A result's ``partialFingerprints`` value: a hash of the rule, the unit's id, the sentence that
    holds the finding and the flagged text (whitespace runs as one space), then ``:n``, its
    occurrence in the file.  No line or column goes in: lines added or removed elsewhere in the file
    leave it as it was, so a code-scanning service matches the alert across runs."""
    doc = ur.check.document
    seg = doc.segment_at(f.start)
    context = doc.text[seg.start : seg.end] if seg is not None else doc.text[f.start : f.end]
    parts = (f.code, "" if ur.unit.id is None else str(ur.unit.id), context, doc.text[f.start : f.end])
    raw = "\0".join(" ".join(p.split()) for p in parts).encode("utf-8", errors="surrogateescape")
    digest = hashlib.sha256(raw).hexdigest()[:32]
    seen[digest] += 1
    return f"{digest}:{seen[digest]}"


def _result(fr: FileResult, ur: UnitResult, f, rule_index: int, fingerprint: str) -> dict[str, Any]:
    uri = artifact_uri(fr.path)
    text = ur.check.document.text
    region = _region(ur, f.start, f.end)
    snippet = text[f.start : f.end]
    if snippet:
        region["snippet"] = {"text": snippet}
    res: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": LEVELS[str(f.severity)],
        "message": {"text": f.message + also_note(f)},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
        "partialFingerprints": {FINGERPRINT: fingerprint},
        "properties": {"severity": str(f.severity), "category": f.category, "fix": str(f.fix)},
    }
    if ur.unit.id is not None:
        res["properties"]["unitId"] = ur.unit.id
    if f.suggestions:
        res["properties"]["suggestions"] = list(f.suggestions)
    if f.also:  # the codes of the duplicates merged into it (mtfix.findings.merge_duplicates)
        res["properties"]["also"] = list(f.also)
    if f.detail:  # the detector's figures, out of the message a person reads (session 50)
        res["properties"]["detail"] = f.detail
    if f.edits and f.fix is not FixSafety.NONE and ur.unit.verbatim:
        replacements = [
            {"deletedRegion": _region(ur, e.start, e.end), "insertedContent": {"text": e.replacement}}
            for e in f.edits
        ]
        label = "safe fix" if f.fix is FixSafety.SAFE else "unsafe fix (mtfix fix --unsafe-fixes)"
        res["fixes"] = [{
            "description": {"text": f"{label}: {f.suggestions[0] if f.suggestions else 'apply the edits'}"},
            "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
        }]
    return res


def _notification(level: str, text: str, path: str, line: int | None = None) -> dict[str, Any]:
    where: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(path)}}
    if line is not None:
        where["region"] = {"startLine": line}
    return {"level": level, "message": {"text": text}, "locations": [{"physicalLocation": where}]}


def _record_line(error: str) -> int | None:
    """The line a record's error starts with (``line 3: invalid JSON ...``), or None.

    >>> _record_line("line 3: invalid JSON (Expecting value); kept unchanged"), _record_line("a note")
    (3, None)
    """
    m = re.match(r"line (\d+):", error)
    return int(m.group(1)) if m and int(m.group(1)) > 0 else None


EXIT_CODES = {0: "no finding at or above --fail-on", 1: "findings at or above --fail-on",
              2: "a file could not be checked"}


def sarif_report(results: list[FileResult], signature: str, config: Any = None,
                 exit_code: int | None = None) -> dict[str, Any]:
    """One SARIF 2.1.0 log for the files of one ``mtfix check`` run; ``exit_code``, the command's,
    goes into the invocation with what it means.

    ``config`` (the run's :class:`mtfix.config.Config`) adds the rules of its ``rule_files``
    (``--rules``) to the rule table, as ``mtfix rules --rules`` lists them.

    ``results`` is a :class:`mtfix.batch.BatchResults` (or a plain list of file results):
    its ``failures`` and ``skipped`` files become notifications.
    """
    from mtfix.version import __version__

    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    out: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    for fr in results:
        for err in fr.errors:  # `line 3: invalid JSON ...; kept unchanged`: at its line (until session 30 at none)
            notes.append(_notification("warning", err, fr.path, _record_line(err)))
        seen: Counter[str] = Counter()  # fingerprints of the file so far
        for ur in fr.units:
            for f in ur.findings:
                if f.code not in index:
                    index[f.code] = len(rules)
                    rules.append(_rule_entry(f.code, f, config))
                out.append(_result(fr, ur, f, index[f.code], _fingerprint(ur, f, seen)))
    failures = list(getattr(results, "failures", ()))
    notes.extend(_notification("error", str(p), p.path, p.line) for p in failures)
    notes.extend(_notification("warning", str(p), p.path) for p in getattr(results, "skipped", ()))
    invocation: dict[str, Any] = {"executionSuccessful": not failures}
    if exit_code is not None:
        invocation.update(exitCode=exit_code, exitCodeDescription=EXIT_CODES.get(exit_code, ""))
    invocation["toolExecutionNotifications"] = notes
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "mtfix",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": out,
        "invocations": [invocation],
        "properties": {"signature": signature},
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
