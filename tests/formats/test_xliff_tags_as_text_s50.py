"""XLIFF 1.2 and 2.0, TMX: a tag written as text (in a CDATA section, or escaped as ``&lt;b&gt;``) is characters,
compared with the other side's characters; an inline element (``<g>``, ``<x/>``, ``<pc>``, ``<ph/>``) only with the
other side's inline markup (session 50).  Before, a real tag and text written like it counted as one: a source's
``<x id="1"/>`` element "kept" by the text ``&lt;x id="1"/&gt;`` in the target went unreported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app

#: (id, source content, target content, MTF503 messages expected); {t} is the XLIFF version's inline tag pair
UNITS = [
    ("cdata", "<![CDATA[Druecken Sie <b> fuer fett]]>", "<![CDATA[Press <b> to bold]]>", []),
    ("escaped", "Druecken Sie &lt;b&gt; fuer fett", "Press &lt;b&gt; to bold", []),
    ("mixed-text", "<![CDATA[Druecken Sie <b> fuer fett]]>", "Press &lt;b&gt; to bold", []),
    ("inline", "Klicken Sie {open}hier{close} jetzt", "Click {open}here{close} now", []),
    ("inline-added", "Klicken Sie hier jetzt", "Click {empty} here now", ["{empty_shown} is not in the source"]),
    ("text-for-inline", "Klicken Sie {empty} jetzt", "Click {empty_escaped} now",
     ["{empty_shown} of the source is written as text, not as inline markup"]),  # one tag, one finding (s51)
    ("inline-for-text", "Tippen Sie {empty_escaped} ein", "Type {empty} in",
     ["{empty_shown} of the source is written as text there, as inline markup here"]),  # the reverse (s51)
    ("text-lost", "<![CDATA[Druecken Sie <b> fuer fett]]>", "Press it to bold", ["'<b>' (as text) of the source is missing"]),
]

VERSIONS = {
    "1.2": dict(open='<g id="1">', close="</g>", empty='<x id="7"/>', empty_escaped='&lt;x id="7"/&gt;',
                empty_shown="'<x id=\"7\"/>'"),
    "2.0": dict(open='<pc id="1">', close="</pc>", empty='<ph id="7"/>', empty_escaped='&lt;ph id="7"/&gt;',
                empty_shown="'<ph id=\"7\"/>'"),
}


def _xliff(version: str) -> str:
    v = VERSIONS[version]
    if version == "1.2":
        body = "".join(f'<trans-unit id="{uid}"><source>{src.format(**v)}</source><target>{tgt.format(**v)}</target>'
                       "</trans-unit>\n" for uid, src, tgt, _ in UNITS)
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
                'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file source-language="de" target-language="en" '
                f'datatype="plaintext" original="ui"><body>\n{body}</body></file></xliff>\n')
    body = "".join(f'<unit id="{uid}"><segment><source>{src.format(**v)}</source><target>{tgt.format(**v)}</target>'
                   "</segment></unit>\n" for uid, src, tgt, _ in UNITS)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" '
            f'srcLang="de" trgLang="en">\n<file id="f1">\n{body}</file></xliff>\n')


@pytest.mark.parametrize("version", sorted(VERSIONS))
def test_tags_written_as_text_compare_with_text_and_inline_tags_with_markup(tmp_path: Path, version: str) -> None:
    path = tmp_path / f"ui-{version}.xlf"
    path.write_text(_xliff(version), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--grammar", "off", "--format", "json", str(path)])
    assert result.exit_code in (0, 1), result.output
    got: dict[str, list[str]] = {}
    for f in json.loads(result.output)["files"][0]["findings"]:
        if f["code"] == "MTF503":
            got.setdefault(str(f["id"]), []).append(f["message"].removeprefix("placeholder or tag "))
    v = VERSIONS[version]
    expected = {uid: sorted(m.format(**v) for m in messages) for uid, _, _, messages in UNITS if messages}
    assert {uid: sorted(m) for uid, m in got.items()} == expected


def test_a_po_file_still_compares_its_tags_as_before(tmp_path: Path) -> None:
    """A PO entry has no inline elements: its "<b>" is the application's markup, compared as always."""
    path = tmp_path / "ui.po"
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    'msgid "Druecken Sie <b> fuer fett"\nmsgstr "Press <i> to bold"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--grammar", "off", str(path)])
    assert "'<i>' is not in the source" in result.output and "'<b>' of the source is missing" in result.output
    assert "(as text)" not in result.output
