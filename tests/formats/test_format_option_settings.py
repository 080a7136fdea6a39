"""``csv-escape``, ``no-header`` and ``fix-final`` in the settings file (session 27, round 8), next to
``text-field``: ``check``, ``fix`` (and ``score``, ``review``, the language server) read them as
``--csv-escape``, ``--no-header`` and ``--fix-final``, which win over them (``--header`` and
``--no-fix-final`` turn the settings' ``true`` off); ``--show-settings`` shows where each came from.
Until then they were command-line options only.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from mtfix.config import config_from_mapping
from mtfix.errors import ConfigError
from tests.cli_in_process import mtfix_in_process

#: a CSV file as Spark and pandas' escapechar write it: a quote inside a quoted field after a backslash
ESCAPED = 'id,target\n1,"The \\"new\\" bridge opens opens in Ganja ."\n2,"Market prices rose ."\n'
#: a CSV file without a header row
HEADERLESS = '1,Körpü,The the bridge opened in Ganja .\n2,Bazar,Market prices rose .\n'
XLIFF = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
    '  <file source-language="az" target-language="en" datatype="plaintext" original="news">\n'
    '    <body>\n'
    '      <trans-unit id="1">\n'
    '        <source>Yol bağlandı.</source>\n'
    '        <target state="final">The the road was closed .</target>\n'
    '      </trans-unit>\n'
    '    </body>\n'
    '  </file>\n'
    '</xliff>\n'
)


def mtfix(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command's code in this process (the claims are about the settings read, not about the process)."""
    return mtfix_in_process(*args, cwd=cwd)


def project(tmp_path: Path, settings: str) -> Path:
    (tmp_path / ".git").mkdir()  # the settings file is looked for no higher
    (tmp_path / "mtfix.toml").write_text('grammar = "off"\n' + settings, encoding="utf-8")
    return tmp_path


def codes(out: subprocess.CompletedProcess[str]) -> list[str]:
    assert out.returncode in (0, 1), out.stderr
    return [f["code"] for file in json.loads(out.stdout)["files"] for f in file["findings"]] \
        if out.stdout.startswith("{") else []


def test_csv_escape_in_the_settings_reads_backslash_escaped_quotes(tmp_path: Path) -> None:
    root = project(tmp_path, 'text-field = "target"\ncsv-escape = "\\\\"\n')
    (root / "news.csv").write_text(ESCAPED, encoding="utf-8")
    out = mtfix(root, "fix", "--diff", "news.csv")
    assert '+1,"The \\"new\\" bridge opens opens in Ganja."' in out.stdout, out.stdout + out.stderr
    assert '+2,"Market prices rose."' in out.stdout
    shown = mtfix(root, "check", "--show-settings", "news.csv").stdout
    assert f'csv-escape = "\\\\"  # {root / "mtfix.toml"}:3' in shown, shown


def test_the_command_lines_csv_escape_wins(tmp_path: Path) -> None:
    root = project(tmp_path, 'text-field = "target"\ncsv-escape = "~"\n')
    (root / "news.csv").write_text(ESCAPED, encoding="utf-8")
    out = mtfix(root, "fix", "--diff", "--csv-escape", "\\", "news.csv")
    assert '+1,"The \\"new\\" bridge opens opens in Ganja."' in out.stdout, out.stdout + out.stderr
    shown = mtfix(root, "check", "--csv-escape", "\\", "--show-settings", "news.csv").stdout
    assert 'csv-escape = "\\\\"  # command line (over ' in shown, shown


def test_no_header_in_the_settings_takes_column_numbers_and_header_turns_it_off(tmp_path: Path) -> None:
    root = project(tmp_path, 'text-field = "3"\nno-header = true\n')
    (root / "news.csv").write_text(HEADERLESS, encoding="utf-8")
    out = mtfix(root, "check", "--format", "json", "news.csv")
    assert "MTF105" in codes(out) and "Körpü" not in out.stdout
    shown = mtfix(root, "check", "--show-settings", "news.csv").stdout
    assert f'no-header = true  # {root / "mtfix.toml"}:3' in shown, shown
    header = mtfix(root, "check", "--format", "json", "--header", "news.csv")  # the first row is a header
    assert codes(header) == ["MTF111"], header.stdout
    shown = mtfix(root, "check", "--header", "--show-settings", "news.csv").stdout
    assert "no-header = false  # command line (over " in shown, shown


def test_fix_final_in_the_settings_fixes_signed_off_units_and_no_fix_final_holds_them(tmp_path: Path) -> None:
    root = project(tmp_path, "fix-final = true\n")
    (root / "news.xlf").write_text(XLIFF, encoding="utf-8")
    held = mtfix(root, "fix", "--diff", "--no-fix-final", "news.xlf")
    assert held.stdout == "" and "signed-off unit(s) checked, not fixed" in held.stderr, held.stdout + held.stderr
    fixed = mtfix(root, "fix", "--diff", "news.xlf")
    assert '+        <target state="final">The road was closed.</target>' in fixed.stdout, fixed.stdout + fixed.stderr
    check = mtfix(root, "check", "news.xlf")  # check's summary counts them as `mtfix fix` will fix them
    assert "signed-off units with `--fix-final`" not in check.stderr and "fixable with `mtfix fix`" in check.stderr, \
        check.stderr
    shown = mtfix(root, "fix", "--show-settings", "news.xlf").stdout
    assert f'fix-final = true  # {root / "mtfix.toml"}:2' in shown, shown
    assert "fix-final = false  # command line (over " in mtfix(root, "fix", "--no-fix-final", "--show-settings",
                                                                "news.xlf").stdout


@pytest.mark.parametrize(("key", "value", "words"), [
    ("csv-escape", '"ab"', "must be one character other than a quote"),
    ("csv-escape", '","', "must be one character other than a quote"),
    ("no-header", '"yes"', "must be true or false"),
    ("fix-final", "1", "must be true or false"),
])
def test_bad_values_are_refused_naming_the_line(tmp_path: Path, key: str, value: str, words: str) -> None:
    root = project(tmp_path, f"{key} = {value}\n")
    (root / "a.txt").write_text("A plain sentence.\n", encoding="utf-8")
    out = mtfix(root, "check", "a.txt")
    assert out.returncode == 2 and "mtfix.toml:2" in out.stderr and key in out.stderr and words in out.stderr, \
        out.stderr


def test_the_editor_takes_them_in_camel_case() -> None:
    from mtfix.lsp.settings import normalise

    assert normalise({"csvEscape": "\\", "noHeader": True, "fixFinal": True}) == {
        "csv-escape": "\\", "no-header": True, "fix-final": True}
    with pytest.raises(ConfigError, match="mtfix.fixFinal"):
        normalise({"fixFinal": "yes"})
    assert config_from_mapping({"fix-final": True}, "t").field_options() == {"fix_final": True}
