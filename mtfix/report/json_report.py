"""Machine-readable reports (``--format json``), schema version in ``schema``."""

from __future__ import annotations

import base64
import contextlib
import json
import os
from typing import TYPE_CHECKING, Any

from mtfix.model import SCHEMA_VERSION
from mtfix.records import json_safe_id, utf8_json
from mtfix.text.tokens import LONE_SURROGATE as _SURROGATE

if TYPE_CHECKING:
    from mtfix.files import FileResult


def dumps(report: Any, indent: int | None = 1) -> str:
    """The JSON text of a report (``check``'s and ``score``'s JSON, SARIF): valid UTF-8 and free of lone
    surrogates (I-JSON, RFC 7493) whatever file names it holds, so that jq, JavaScript and strict parsers
    read it whole.  A name that is not UTF-8 is spelt as the text reports spell it (``caf\\xe9.txt``)
    and its exact bytes go beside it in ``path_bytes`` (base64): see :func:`without_surrogates`."""
    text = json.dumps(report, ensure_ascii=False, indent=indent)
    if not _SURROGATE.search(text):
        return text
    return utf8_json(without_surrogates(report), indent)




def escaped(text: str) -> str:
    """``text`` with each lone surrogate written out: ``\\xHH`` for the undecodable byte of a file name
    (Python's ``surrogateescape``), ``\\uXXXX`` for any other.

    >>> escaped("caf\\udce9.txt"), escaped("a\\ud800b"), escaped("café")
    ('caf\\\\xe9.txt', 'a\\\\ud800b', 'café')
    """
    return _SURROGATE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}" if "\udc80" <= m.group() <= "\udcff"
                          else f"\\u{ord(m.group()):04x}", text)


def without_surrogates(value: Any) -> Any:
    """``value`` (a report) with every string :func:`escaped`; a mapping whose ``path`` was not UTF-8
    also gets ``path_bytes``, the name's bytes in base64, right after ``path`` (ripgrep's JSON does the
    same with its ``bytes``): ``base64.b64decode(entry["path_bytes"])`` is the name ``open()`` takes.

    >>> without_surrogates({"path": "caf\\udce9.txt", "line": 2})
    {'path': 'caf\\\\xe9.txt', 'path_bytes': 'Y2Fm6S50eHQ=', 'line': 2}
    """
    if isinstance(value, str):
        return escaped(value) if _SURROGATE.search(value) else value
    if isinstance(value, list | tuple):
        return [without_surrogates(v) for v in value]
    if not isinstance(value, dict):
        return value
    out: dict[Any, Any] = {}
    for k, v in value.items():
        out[without_surrogates(k)] = without_surrogates(v)
        if k == "path" and isinstance(v, str) and _SURROGATE.search(v):
            with contextlib.suppress(UnicodeEncodeError):  # not a name the file system gave: no bytes
                out["path_bytes"] = base64.b64encode(os.fsencode(v)).decode("ascii")
    return out


def finding_dicts(fr: FileResult) -> list[dict[str, Any]]:
    from mtfix.rules.markup import as_read

    out = []
    for ur in fr.units:
        for f in ur.findings:
            d = f.to_dict(ur.check.document)
            d["line"], d["col"] = ur.location(f.start)
            if (reads := as_read(ur.check.document, f.start, f.end)) != d["text"]:
                d["reads"] = reads  # what the reader sees: without the markup in it (a page: references decoded)
            if ur.unit.id is not None:
                d["id"] = json_safe_id(ur.unit.id)  # never NaN/Infinity: the report stays valid JSON
            out.append(d)
    return out


def check_report(results: list[FileResult], stats: dict[str, Any] | None = None,
                 signature: str = "") -> dict[str, Any]:
    """``check --format json``: ``files``, then ``failures`` and ``skipped`` when ``results`` (a
    :class:`mtfix.batch.BatchResults`) has any, then ``stats``.  ``signature``: the score signature
    of a file with nothing to score (no records), which scores 100 as in :func:`score_report`."""
    files = []
    for fr in results:
        entry: dict[str, Any] = {"path": fr.path, "format": fr.format, "findings": finding_dicts(fr)}
        scores = [ur.score for ur in fr.units if ur.score is not None]
        if scores:
            entry["score"] = {"fluency": _combined(scores), "signature": scores[0].signature}
        elif signature:  # nothing to score: no number (until round 18, 100)
            entry["score"] = {"fluency": None, "signature": signature}
        if fr.errors:
            entry["errors"] = fr.errors
        files.append(entry)
    report: dict[str, Any] = {"schema": SCHEMA_VERSION, "files": files}
    _add_problems(report, results)
    if stats:
        report["stats"] = stats
    return report


def _add_problems(report: dict[str, Any], results: list[FileResult]) -> None:
    """Files that could not be read (the command exits 2) and files skipped, into ``report``:
    present only when there are any, each ``{"path", "line" (where known), "message"}``."""
    for key in ("failures", "skipped"):
        problems = getattr(results, key, None)
        if problems:
            report[key] = [p.to_dict() for p in problems]


def _combined(scores: list) -> float | None:
    """Word-weighted fluency of several units (one unit: its own score): :func:`mtfix.scoring.fluency.records_fluency`."""
    from mtfix.scoring.fluency import records_fluency

    return records_fluency(scores)


def score_report(results: list[FileResult], signature: str = "") -> dict[str, Any]:
    """``score --format json``: ``files``, then ``failures`` and ``skipped`` as in :func:`check_report`.
    ``signature``: the score signature of a file with nothing to score (no records)."""
    files = []
    for fr in results:
        scores = [ur.score for ur in fr.units]
        entry: dict[str, Any] = {
            "path": fr.path,
            "fluency": _combined(scores) if scores else None,  # None: no words to score
            "words": sum(s.words for s in scores),
            "signature": scores[0].signature if scores else signature,
            "segments": [
                dict(seg.to_dict(), **({"id": json_safe_id(ur.unit.id)} if ur.unit.id is not None else {}))
                for ur in fr.units
                for seg in ur.score.segments
            ],
        }
        refs = [s.reference for s in scores if s.reference]
        if getattr(fr, "reference", None):  # several units: corpus scores over them all
            entry["reference"] = fr.reference
        elif refs:
            entry["reference"] = refs[0] if len(refs) == 1 else refs
        extras: dict[str, Any] = {}
        for s in scores:
            extras.update(s.extra)
        if len(scores) > 1 and "glossary" in extras:  # the file's records together, not the last one's
            from mtfix.glossary.adherence import combine

            extras["glossary"] = combine([s.extra.get("glossary") for s in scores])
        entry.update(extras)
        if fr.errors:  # records that could not be read, as in ``check_report``
            entry["errors"] = fr.errors
        files.append(entry)
    report: dict[str, Any] = {"schema": SCHEMA_VERSION, "files": files}
    _add_problems(report, results)  # as in ``check_report``
    return report
