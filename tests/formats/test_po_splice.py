r"""PO files: every C escape gettext accepts is decoded, a fix changes only the bytes of the edit
whatever the layout (several literals on one line, continuation lines, ``msgstr[n]`` in any order
or with gaps), findings point at the real line of each plural form, and syntax GNU msgfmt rejects
(``msgstr "a" junk``) is an input error: exit 2, file untouched.

The CLI runs in a subprocess (``--grammar off --select MTF206``: the "oilgas" → "oil and gas" rule
makes the only edit)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtfix.errors import InputError
from mtfix.formats import load
from tests.cli_in_process import mtfix_in_process


def mtfix(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The command's code in this process, its output as bytes (the claims are about what it reads and writes)."""
    return mtfix_in_process(*args, cwd=cwd, env={"NO_COLOR": "1"}, text=False)


def _fix(tmp_path: Path, name: str, raw: bytes) -> tuple[subprocess.CompletedProcess, bytes]:
    f = tmp_path / name
    f.write_bytes(raw)
    r = mtfix("fix", "--grammar", "off", "--select", "MTF206", str(f), cwd=tmp_path)
    assert b"Traceback" not in r.stderr, r.stderr.decode(errors="replace")
    return r, f.read_bytes()


def _findings(tmp_path: Path, name: str, raw: bytes, *select: str) -> list[dict]:
    f = tmp_path / name
    f.write_bytes(raw)
    r = mtfix("check", "--grammar", "off", "--select", ",".join(select or ("MTF206",)), "--format", "json", str(f),
              cwd=tmp_path)
    assert b"Traceback" not in r.stderr, r.stderr.decode(errors="replace")
    return json.loads(r.stdout)["files"][0]["findings"]


ESCAPES = (b'msgid "Neft bazari"\n'
           b'msgstr "Brent \\x41 and \\101 grades\\t\\a\\b\\f\\v\\?\\\' \\"led\\" oilgas\\\\ futures\\r\\n"\n')


def test_every_gettext_escape_decodes() -> None:
    unit = load(ESCAPES, "e.po").units[0]
    assert unit.text == 'Brent A and A grades\t\a\b\f\v?\' "led" oilgas\\ futures\r\n'


def test_octal_and_hex_escapes_survive_a_fix_and_give_no_false_number_finding(tmp_path: Path) -> None:
    r, got = _fix(tmp_path, "e.po", ESCAPES)
    assert r.returncode == 0, r.stderr
    assert got == ESCAPES.replace(b"oilgas", b"oil and gas")
    assert _findings(tmp_path, "e2.po", ESCAPES, "MTF501") == []  # \101 is "A", not the number 101


def test_octal_escapes_are_bytes_of_the_charset() -> None:
    raw = b'msgid "x"\nmsgstr "Caf\\303\\251 owners met oilgas traders."\n'
    c = load(raw, "c.po")
    assert c.units[0].text == "Café owners met oilgas traders."
    out = c.render({0: "Café owners met oil and gas traders."})
    assert out == raw.replace(b"oilgas", b"oil and gas")


def test_two_literals_on_one_line_and_continuation_lines(tmp_path: Path) -> None:
    raw = (b'msgid "Bazar"\n'
           b'msgstr ""\n'
           b'"Shares of oilgas firms " "fell on Monday,\\n"\n'
           b'"while traders said " "oilgas demand would recover."\n')
    r, got = _fix(tmp_path, "two.po", raw)
    assert r.returncode == 0, r.stderr
    assert got == raw.replace(b"oilgas", b"oil and gas")
    lines = [(d["line"], d["col"]) for d in _findings(tmp_path, "two2.po", raw)]
    assert lines == [(3, 12), (4, 24)]  # the line and column of each "oilgas" in the file


PLURAL_SWAPPED = (b'msgid "%d ship"\n'
                  b'msgid_plural "%d ships"\n'
                  b'msgstr[1] "%d oilgas tankers docked at the port."\n'
                  b'msgstr[0] "%d oilgas tanker docked at the port."\n')


def test_plural_forms_in_any_order_keep_their_index_and_line(tmp_path: Path) -> None:
    c = load(PLURAL_SWAPPED, "s.po")
    assert [(u.id, u.meta["form"], u.line_offset) for u in c.units] == [("%d ship[1]", 1, 2), ("%d ship[0]", 0, 3)]
    assert [u.source for u in c.units] == ["%d ships", "%d ship"]
    r, got = _fix(tmp_path, "s.po", PLURAL_SWAPPED)
    assert r.returncode == 0, r.stderr
    assert got == PLURAL_SWAPPED.replace(b"oilgas", b"oil and gas")
    assert b"not numbered 0, 1" in r.stderr  # GNU msgfmt would refuse: said, but read and written as is
    found = [(d["id"], d["line"]) for d in _findings(tmp_path, "s2.po", PLURAL_SWAPPED)]
    assert found == [("%d ship[1]", 3), ("%d ship[0]", 4)]


def test_a_lone_plural_form_stays_at_its_index(tmp_path: Path) -> None:
    raw = b'msgid "%d port"\nmsgid_plural "%d ports"\nmsgstr[1] "%d ports handle oilgas exports."\n'
    r, got = _fix(tmp_path, "o.po", raw)
    assert r.returncode == 0, r.stderr
    assert got == raw.replace(b"oilgas", b"oil and gas")
    assert [(d["id"], d["line"]) for d in _findings(tmp_path, "o2.po", raw)] == [("%d port[1]", 3)]


def test_plural_forms_over_several_lines_each_report_their_own_line(tmp_path: Path) -> None:
    raw = (b'msgid "%d rig"\nmsgid_plural "%d rigs"\n'
           b'msgstr[0] ""\n"%d rig pumped "\n"oilgas again."\n'
           b'msgstr[1] ""\n"%d rigs pumped "\n"oilgas again."\n')
    assert [(d["id"], d["line"]) for d in _findings(tmp_path, "m.po", raw)] == [("%d rig[0]", 5), ("%d rig[1]", 8)]
    r, got = _fix(tmp_path, "m2.po", raw)
    assert got == raw.replace(b"oilgas", b"oil and gas")


@pytest.mark.parametrize("raw, line, reason", [
    (b'msgid "a"\nmsgstr "Prices of oilgas rose." extra junk\n', 2, "unexpected 'extra'"),
    (b'msgid "a"\nmsgstr "Prices of oilgas rose.\n', 2, "string not closed"),
    (b'msgid "a"\nmsgstr "Prices \\q of oilgas rose."\n', 2, "invalid escape sequence"),
    (b'msgid "a"\nmsgstr\n\nmsgid "b"\nmsgstr "Oilgas"\n', 2, "without a string"),
    (b'msgid "a"\nmsgid_plural "b"\nmsgstr[0] "x oilgas"\nmsgstr[0] "y"\n', 4, "twice"),
    (b'#~ msgid "a"\nmsgstr "Prices of oilgas rose."\n', 2, "inconsistent use of #~"),
])
def test_syntax_msgfmt_rejects_is_an_input_error_and_nothing_is_written(tmp_path: Path, raw: bytes, line: int,
                                                                          reason: str) -> None:
    r, got = _fix(tmp_path, "junk.po", raw)
    assert r.returncode == 2
    assert got == raw
    err = r.stderr.decode()
    assert f"junk.po:{line}:" in err and reason in err, err
    with pytest.raises(InputError) as exc:
        load(raw, "junk.po")
    assert exc.value.line == line


def test_header_comments_flags_obsolete_crlf_bom_and_context_are_kept(tmp_path: Path) -> None:
    raw = ('\ufeff# Newsroom strings.\r\n'
           'msgid ""\r\n'
           'msgstr ""\r\n'
           '"Content-Type: text/plain; charset=UTF-8\\n"\r\n'
           '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\r\n'
           '\r\n'
           '#. front page\r\n'
           '#: news.html:3\r\n'
           '#, fuzzy, c-format\r\n'
           '#| msgid "Neft"\r\n'
           'msgctxt "ticker"\r\n'
           'msgid "Neft və qaz"\r\n'
           'msgstr "Bakı: oilgas output rose 3%% in May."\r\n'
           '\r\n'
           '#~ msgid "Köhnə"\r\n'
           '#~ msgstr "Old oilgas story"\r\n').encode("utf-8")
    c = load(raw, "h.po")
    assert [(u.id, u.line_offset) for u in c.units] == [("ticker | Neft və qaz", 12)]
    r, got = _fix(tmp_path, "h.po", raw)
    assert r.returncode == 0, r.stderr
    assert got == raw.replace(b"oilgas output", b"oil and gas output")  # not the obsolete entry


def test_latin1_charset_and_a_character_it_lacks() -> None:
    raw = ('msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
           'msgid "x"\nmsgstr "Café owners met oilgas traders."\n').encode("latin-1")
    c = load(raw, "l.po")
    assert c.units[0].text == "Café owners met oilgas traders."
    assert c.render({0: "Café owners met oil and gas traders."}) == raw.replace(b"oilgas", b"oil and gas")
    c = load(raw, "l.po")
    assert c.render({0: "Café owners met oil \u2014 gas traders."}) == raw  # no em dash in Latin-1: kept
    assert any("cannot be written exactly" in e and e.startswith("line 5:") for e in c.errors)


def test_a_fix_with_characters_to_escape_is_escaped_the_gettext_way() -> None:
    raw = b'msgid "x"\nmsgstr "Officials said oilgas rose."\n'
    c = load(raw, "q.po")
    out = c.render({0: 'Officials said "oil\tand\\gas"\nrose\x01.'})
    assert out == b'msgid "x"\nmsgstr "Officials said \\"oil\\tand\\\\gas\\"\\nrose\\001."\n'
    assert load(out, "q.po").units[0].text == 'Officials said "oil\tand\\gas"\nrose\x01.'


def test_an_edit_across_literals_changes_only_their_characters() -> None:
    raw = b'msgid "x"\nmsgstr "Officials met the " "the envoy."\n'
    assert load(raw, "x.po").render({0: "Officials met the envoy."}) == raw.replace(b'" "the ', b'" "')
    raw = b'msgid "x"\nmsgstr "Prices of oil" "gas rose."\n'
    out = load(raw, "x.po").render({0: "Prices of petrol rose."})
    assert load(out, "x.po").units[0].text == "Prices of petrol rose."
    assert out.startswith(b'msgid "x"\nmsgstr "Prices of ') and out.endswith(b' rose."\n') and out.count(b'" "') == 1


# -- property: random layouts read back and round-trip byte for byte ----------------------------------

_WORDS = st.sampled_from(["Prices", "rose", "oilgas", "the", "envoy", "Bakı", "café", "5%", "\n", "\t", '"', "\\",
                          " ", "'", "?"])
# (\x escapes are greedy, as in C: "\x5cBa" is one escape, so the generator writes only octal ones)
_ESC = {"\n": ["\\n"], "\t": ["\\t", "\\011"], '"': ['\\"', "\\042"], "\\": ["\\\\", "\\134"],
        "'": ["'", "\\'"], "?": ["?", "\\?"], "e": ["e", "\\145"]}


@st.composite
def literal(draw: st.DrawFn) -> tuple[str, str]:
    value = "".join(draw(st.lists(_WORDS, max_size=4)))
    raw = "".join(draw(st.sampled_from(_ESC.get(ch, [ch]))) for ch in value)
    return value, f'"{raw}"'


@st.composite
def po_field(draw: st.DrawFn, keyword: str) -> tuple[str, str]:
    lits = draw(st.lists(literal(), min_size=1, max_size=4))
    out = keyword
    for n, (_, raw) in enumerate(lits):
        out += draw(st.sampled_from([" ", "\n", "  ", "\r\n"])) if n else " "
        out += raw
    return "".join(v for v, _ in lits), out + draw(st.sampled_from(["\n", "\r\n", "  # note\n"]))


@st.composite
def po_file(draw: st.DrawFn) -> tuple[str, list[str]]:
    parts, texts = ['msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'], []
    for n in range(draw(st.integers(1, 4))):
        parts.append(draw(st.sampled_from(["", "# comment\n", "#, fuzzy\n", '#| msgid "old"\n'])))
        if draw(st.booleans()):
            parts.append(f'msgctxt "c{n}"\n')
        parts.append(f'msgid "m{n}"\n')
        if draw(st.booleans()):
            parts.append(f'msgid_plural "p{n}"\n')
            for form in draw(st.permutations([0, 1, 2]))[: draw(st.integers(1, 3))]:
                value, raw = draw(po_field(f"msgstr[{form}]"))
                parts.append(raw)
                texts.append(value)
        else:
            value, raw = draw(po_field("msgstr"))
            parts.append(raw)
            texts.append(value)
        parts.append("\n")
    return "".join(parts), [t for t in texts if t.strip()]


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(po_file(), st.integers(0, 10))
def test_random_layouts_read_back_and_round_trip(case: tuple[str, list[str]], pick: int) -> None:
    text, texts = case
    raw = text.encode("utf-8")
    c = load(raw, "r.po")
    assert [u.text for u in c.units] == texts
    assert c.render({}) == raw
    assert c.render({i: u.text for i, u in enumerate(c.units)}) == raw
    if not texts:
        return
    i = pick % len(texts)
    changed = load(raw, "r.po").render({i: texts[i] + ' more "news"'})
    again = load(changed, "r.po")
    assert [u.text for u in again.units] == [t + ' more "news"' if j == i else t for j, t in enumerate(texts)]
    assert again.render({i: texts[i]}) == raw


class _EmDash:
    """A stand-in checker: " - " becomes an em dash (safe), nothing else."""

    name = "em-dash"

    def check(self, doc):  # noqa: ANN001, ANN201
        from mtfix.model import Edit, Finding, FixSafety, Severity

        out = []
        at = doc.text.find(" - ")
        if at >= 0:
            e = Edit(at + 1, at + 2, "\u2014", "-", "T2", "test", FixSafety.SAFE)
            out.append(Finding("T2", "Fluency/Punctuation", Severity.MINOR, at + 1, at + 2, "dash", ("\u2014",), (e,),
                               FixSafety.SAFE))
        return out

    def signature(self) -> str:
        return "em-dash"


def test_a_fix_the_charset_cannot_hold_is_kept_out_and_reported_through_fix_input() -> None:
    from mtfix.config import Config
    from mtfix.files import fix_input
    from mtfix.io.inputs import Input
    from mtfix.pipeline import Pipeline

    raw = ('msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
           'msgid "a"\nmsgstr "Café owners - and traders - met."\n\n'
           'msgid "b"\nmsgstr "Nothing to change in Gäncä."\n').encode("latin-1")
    result = fix_input(Pipeline(Config(grammar="off"), checkers=[_EmDash()]), Input("d.po", raw))
    assert result.output == raw
    assert any(e.startswith("line 5: the fix of 'a' cannot be written exactly") for e in result.errors), result.errors
