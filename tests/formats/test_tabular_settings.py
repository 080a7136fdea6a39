"""``text-field``, ``source-field`` and ``id-field`` in the settings file (session 27): ``check``, ``fix``,
``score``, ``review`` and the pre-commit hook read CSV, TSV and JSON Lines with them, as with ``--text-field``
and friends, which win over them.  Until session 27 they were command-line options only.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mtfix.config import Config, config_from_mapping
from mtfix.errors import ConfigError
from tests.cli_in_process import mtfix_in_process

REPO = Path(__file__).resolve().parents[2]
CSV = 'id,source,target\n1,Körpü,"The ""new"" bridge opens opens in Ganja ."\n2,Bazar,Market prices rose .\n'
JSONL = '{"id": "a1", "source": "Körpü", "target": "The bridge opens opens in Ganja ."}\n'


def mtfix(cwd: Path, *args: str, module: str = "mtfix") -> subprocess.CompletedProcess[str]:
    """``mtfix`` in this process (the claims are about the settings read); the pre-commit hook's entry point
    in a subprocess, as pre-commit runs it."""
    if module == "mtfix":
        return mtfix_in_process(*args, cwd=cwd)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", module, *args], cwd=cwd, capture_output=True, text=True, env=env)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the settings file is looked for no higher
    (tmp_path / "pyproject.toml").write_text('[tool.mtfix]\ngrammar = "off"\ntext-field = "target"\n'
                                             'source-field = "source"\nid-field = "id"\n', encoding="utf-8")
    (tmp_path / "news.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "news.jsonl").write_text(JSONL, encoding="utf-8")
    return tmp_path


def test_check_reads_the_records_with_the_settings_fields(project: Path) -> None:
    out = mtfix(project, "check", "--format", "json", "news.csv", "news.jsonl")
    assert out.returncode == 0, out.stderr
    report = json.dumps(json.loads(out.stdout))
    assert '"MTF105"' in report and '"MTF111"' in report
    text = mtfix(project, "check", "news.jsonl").stdout
    assert "news.jsonl:1:" in text and "[a1]" in text  # the id field names the record
    assert "Körpü" not in mtfix(project, "check", "news.csv").stdout  # the source is not checked


def test_the_command_line_wins_over_the_settings(project: Path) -> None:
    out = mtfix(project, "check", "--text-field", "source", "news.csv")
    assert out.returncode == 0 and "MTF105" not in out.stdout, out.stdout  # the source column checked, not target
    assert "0 findings in 1 file" in out.stderr, out.stderr
    shown = mtfix(project, "check", "--text-field", "source", "--show-settings", "news.csv").stdout
    assert 'text-field = "source"  # command line (over ' in shown
    assert f'source-field = "source"  # {project / "pyproject.toml"}:4' in shown
    assert f'id-field = "id"  # {project / "pyproject.toml"}:5' in shown


def test_an_empty_option_leaves_the_settings_field(project: Path) -> None:
    """``--text-field ""`` (an unset shell variable) is not given: the settings' field is read, and said to be."""
    shown = mtfix(project, "check", "--text-field", "", "--show-settings", "news.csv").stdout
    assert f'text-field = "target"  # {project / "pyproject.toml"}:3' in shown, shown
    assert "MTF105" in mtfix(project, "check", "--text-field", "", "news.csv").stdout


def test_fix_score_and_review_read_them_too(project: Path) -> None:
    diff = mtfix(project, "fix", "--diff", "news.csv")
    assert '+1,Körpü,"The ""new"" bridge opens in Ganja."' not in diff.stdout  # the unsafe repeat is held back
    assert '+1,Körpü,"The ""new"" bridge opens opens in Ganja."' in diff.stdout, diff.stdout + diff.stderr
    assert mtfix(project, "fix", "news.jsonl").returncode == 0
    assert (project / "news.jsonl").read_text(encoding="utf-8") == JSONL.replace("Ganja .", "Ganja.")
    score = mtfix(project, "score", "--format", "json", "news.csv")
    assert score.returncode == 0 and json.loads(score.stdout), score.stderr
    review = mtfix(project, "review", "-o", "r.html", "news.csv")
    assert review.returncode == 0, review.stderr
    assert "opens opens" in (project / "r.html").read_text(encoding="utf-8")


def test_without_the_setting_a_data_file_still_needs_the_option(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "news.csv").write_text(CSV, encoding="utf-8")
    out = mtfix(tmp_path, "check", "--grammar", "off", "news.csv")  # no settings file; LanguageTool is not the point
    assert out.returncode == 2 and 'text-field = "NAME" in mtfix.toml' in out.stderr, out.stderr


def test_the_pre_commit_hook_reads_them(project: Path) -> None:
    """The hook's entry point, as pre-commit runs it on staged files it was told to take (``files: \\.csv$``)."""
    out = mtfix(project, "check", "news.csv", module="mtfix.integrations.precommit")
    assert "MTF111" in out.stdout, out.stdout + out.stderr
    fixed = mtfix(project, "fix", "--exit-non-zero-on-fix", "news.csv", module="mtfix.integrations.precommit")
    assert fixed.returncode == 1 and "Market prices rose." in (project / "news.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ["", "  ", 3, ["target"]])
def test_a_field_that_is_not_a_name_is_refused_with_its_line(tmp_path: Path, value: object) -> None:
    with pytest.raises(ConfigError, match="text-field must be the name of a field"):
        config_from_mapping({"text-field": value}, "mtfix.toml")
    with pytest.raises(ConfigError):
        Config(text_field=value)  # type: ignore[arg-type]
    (tmp_path / "mtfix.toml").write_text('grammar = "off"\nid-field = ""\n', encoding="utf-8")
    out = mtfix(tmp_path, "check", "--show-settings", ".")
    assert out.returncode == 2 and "mtfix.toml:2" in out.stderr and "id-field" in out.stderr, out.stderr


def test_the_editor_settings_take_the_fields_in_camel_case() -> None:
    from mtfix.lsp.settings import normalise

    assert normalise({"textField": "target", "idField": "id"}) == {"text-field": "target", "id-field": "id"}
    with pytest.raises(ConfigError, match="mtfix.textField"):
        normalise({"textField": ""})
